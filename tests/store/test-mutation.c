/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "zx-test-util.h"

/* The mutation API: versions, conflicts naming the other writer, client save ids, field
 * validation that changes nothing, and the audit chain that `zhixingctl check` verifies. */

typedef struct
{
  char    *dir;
  char    *path;
  ZxStore *store;
  gint64   team;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = zx_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "m.db", NULL);
  f->store = zx_test_new_store (f->dir, "m.db");
  f->team = zx_test_add_team (f->store, "执行一组");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_free (f->path);
  zx_test_tmpdir_free (f->dir);
}

static gint64
add_case (ZxStore *store, const char *case_no, GError **error)
{
  g_autoptr (JsonObject) fields = json_object_new ();

  json_object_set_string_member (fields, "case_no", case_no);
  json_object_set_string_member (fields, "filed_on", "2026-03-02");
  json_object_set_int_member (fields, "amount_applied", 1234500);
  return zx_store_create (store, "cases", fields, NULL, error);
}

static gint64
count (ZxStore *store, const char *sql)
{
  return zx_test_query_int (zx_store_get_db (store), sql);
}

static void
test_create_update (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) row = NULL;
  g_autoptr (JsonObject) change = json_object_new ();
  gint64 id = add_case (f->store, "(2026)冀0802执15号", &error);

  g_assert_no_error (error);
  row = zx_store_get_row (f->store, "cases", id, &error);
  g_assert_no_error (error);
  /* Normalized, and the parts filled from the number. */
  g_assert_cmpstr (json_object_get_string_member (row, "case_no"), ==, "（2026）冀0802执15号");
  g_assert_cmpint (json_object_get_int_member (row, "case_year"), ==, 2026);
  g_assert_cmpstr (json_object_get_string_member (row, "type_code"), ==, "执");
  g_assert_cmpint (json_object_get_int_member (row, "seq"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (row, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "updated_by"), ==, "tester");

  json_object_set_int_member (change, "team_id", f->team);
  json_object_set_int_member (change, "amount_realized", 500);
  g_assert_true (zx_store_update (f->store, "cases", id, 1, change, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&row, json_object_unref);
  row = zx_store_get_row (f->store, "cases", id, &error);
  g_assert_cmpint (json_object_get_int_member (row, "version"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (row, "amount_realized"), ==, 500);

  /* team + case insert + case update: one change_log and one audit row each. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM change_log"), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit"), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit WHERE action = 'update' AND "
                                    "before_json LIKE '%\"version\":1%' AND "
                                    "after_json LIKE '%\"version\":2%'"),
                   ==, 1);
  g_assert_cmpint (zx_audit_verify (zx_store_get_db (f->store), NULL, NULL), ==, 0);
}

static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) bob = NULL;
  g_autoptr (JsonObject) alice_change = json_object_new ();
  g_autoptr (JsonObject) bob_change = json_object_new ();
  g_autoptr (JsonObject) row = NULL;
  gint64 id = add_case (f->store, "（2026）冀0802执16号", &error);
  gint64 audits;

  g_assert_no_error (error);
  zx_store_set_actor (f->store, "alice");
  bob = zx_store_open (f->path, ZX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  zx_store_set_actor (bob, "bob");

  /* Both loaded version 1; Bob saves first. */
  json_object_set_string_member (bob_change, "note", "Bob's note");
  g_assert_true (zx_store_update (bob, "cases", id, 1, bob_change, NULL, &error));
  g_assert_no_error (error);
  audits = count (f->store, "SELECT count(*) FROM audit");

  json_object_set_string_member (alice_change, "note", "Alice's note");
  g_assert_false (zx_store_update (f->store, "cases", id, 1, alice_change, NULL, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "bob"));
  g_clear_error (&error);

  row = zx_store_get_row (f->store, "cases", id, &error);
  g_assert_cmpstr (json_object_get_string_member (row, "note"), ==, "Bob's note");
  g_assert_cmpint (json_object_get_int_member (row, "version"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit"), ==, audits);
}

static void
test_op_id_idempotent (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *op = zx_new_op_id ();
  gint64 first, second;

  json_object_set_string_member (fields, "name", "执行二组");
  first = zx_store_create (f->store, "teams", fields, op, &error);
  g_assert_no_error (error);
  /* The reply was lost and the client sends the same save again. */
  second = zx_store_create (f->store, "teams", fields, op, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, ==, second);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM teams WHERE name = '执行二组'"), ==, 1);
}

typedef struct
{
  const char *entity;
  const char *field;
  const char *value;  /* NULL: integer -5 */
  const char *message_part;
} BadField;

static const BadField bad_fields[] = {
  { "cases", "case_no", "（2026）冀0802执16", "号" },
  { "cases", "amount_applied", NULL, "amount_applied" },
  { "cases", "filed_on", "2026-02-30", "filed_on" },
  { "cases", "no_such_column", "x", "no_such_column" },
  { "cases", "version", "7", "version" },
  { "parties", "id_no", "110105194912310021", "check" },
  { "nope", "name", "x", "nope" },
};

static void
test_bad_fields (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_fields); i++)
    {
      const BadField *bad = &bad_fields[i];
      g_autoptr (JsonObject) fields = json_object_new ();
      g_autoptr (GError) error = NULL;
      gint64 audits = count (f->store, "SELECT count(*) FROM audit");

      if (g_str_equal (bad->entity, "cases"))
        {
          json_object_set_string_member (fields, "case_no", "（2026）冀0802执99号");
          json_object_set_string_member (fields, "filed_on", "2026-03-02");
        }
      else if (g_str_equal (bad->entity, "parties"))
        {
          gint64 case_id = add_case (f->store, "（2026）冀0802执100号", NULL);
          json_object_set_int_member (fields, "case_id", case_id);
          json_object_set_string_member (fields, "role", "respondent");
          json_object_set_string_member (fields, "kind", "person");
          json_object_set_string_member (fields, "name", "王芳");
          audits = count (f->store, "SELECT count(*) FROM audit");
        }
      if (bad->value != NULL)
        json_object_set_string_member (fields, bad->field, bad->value);
      else
        json_object_set_int_member (fields, bad->field, -5);

      g_assert_cmpint (zx_store_create (f->store, bad->entity, fields, NULL, &error), ==, 0);
      g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
      if (strstr (error->message, bad->message_part) == NULL)
        g_error ("%s.%s: “%s” lacks “%s”", bad->entity, bad->field, error->message,
                 bad->message_part);
      g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit"), ==, audits);
      g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE seq = 99"), ==, 0);
      g_assert_cmpint (count (f->store, "SELECT count(*) FROM parties"), ==, 0);
    }
}

static void
test_tamper_reported (Fixture *f, gconstpointer data)
{
  const char *ok_argv[] = { zx_test_ctl (), "--db", f->path, "check", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db = NULL;

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *no = g_strdup_printf ("（2026）冀0802执%d号", 200 + i);
      g_assert_cmpint (add_case (f->store, no, NULL), >, 0);
    }
  g_clear_object (&f->store);
  g_assert_cmpint (zx_test_spawn (ok_argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "ok"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Someone edits history with plain SQL. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET actor = 'nobody' WHERE seq = 4", NULL, NULL,
                                 NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (zx_test_spawn (ok_argv, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "seq 4"));
}

static void
test_tamper_delete_reported (Fixture *f, gconstpointer data)
{
  gint64 bad;
  sqlite3 *db = zx_store_get_db (f->store);

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *no = g_strdup_printf ("（2026）冀0802执%d号", 300 + i);
      g_assert_cmpint (add_case (f->store, no, NULL), >, 0);
    }
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit WHERE seq = 3", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  bad = zx_audit_verify (db, NULL, NULL);
  g_assert_cmpint (bad, ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/mutation/create-update", test_create_update);
  ADD ("/store/mutation/conflict", test_conflict);
  ADD ("/store/mutation/op-id", test_op_id_idempotent);
  ADD ("/store/mutation/bad-fields", test_bad_fields);
  ADD ("/store/mutation/tamper-update", test_tamper_reported);
  ADD ("/store/mutation/tamper-delete", test_tamper_delete_reported);
  return g_test_run ();
}
