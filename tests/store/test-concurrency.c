/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "zx-test-util.h"

/* 8 processes × 200 updates of the same two rows through the mutation API: no update is lost,
 * no BUSY escapes, and the audit chain still verifies. Half of the children read and write
 * inside one write transaction; the other half save optimistically and retry on conflict, as a
 * desktop does after "reload". */

#define N_CHILDREN 8
#define N_UPDATES  200

typedef struct
{
  gint64 id;
} Target;

static gboolean
increment_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Target *t = user_data;
  g_autoptr (JsonObject) row = zx_txn_get_row (txn, "cases", t->id, error);
  g_autoptr (JsonObject) change = json_object_new ();

  if (row == NULL)
    return FALSE;
  json_object_set_int_member (change, "amount_realized",
                              json_object_get_int_member (row, "amount_realized") + 1);
  return zx_txn_update (txn, "cases", t->id, json_object_get_int_member (row, "version"), change,
                        error);
}

static int
increment_optimistic (ZxStore *store, gint64 id, guint *conflicts, GError **error)
{
  for (;;)
    {
      g_autoptr (JsonObject) row = zx_store_get_row (store, "cases", id, error);
      g_autoptr (JsonObject) change = json_object_new ();
      g_autoptr (GError) local_error = NULL;

      if (row == NULL)
        return FALSE;
      json_object_set_int_member (change, "amount_realized",
                                  json_object_get_int_member (row, "amount_realized") + 1);
      if (zx_store_update (store, "cases", id, json_object_get_int_member (row, "version"), change,
                           NULL, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, ZX_ERROR, ZX_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      (*conflicts)++;
    }
}

static int
child_main (const char *path, int index)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error);
  g_autofree char *actor = g_strdup_printf ("child-%d", index);
  guint conflicts = 0;

  if (store == NULL)
    {
      g_printerr ("child %d: %s\n", index, error->message);
      return 1;
    }
  zx_store_set_actor (store, actor);
  for (int i = 0; i < N_UPDATES; i++)
    {
      Target t = { 1 + (i + index) % 2 };
      gboolean ok = index % 2 == 0 ? zx_store_write (store, increment_txn, &t, &error)
                                   : increment_optimistic (store, t.id, &conflicts, &error);
      if (!ok)
        {
          g_printerr ("child %d, update %d: %s\n", index, i, error->message);
          return 1;
        }
    }
  g_print ("%u\n", conflicts);
  return 0;
}

static void
test_no_lost_update (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "c.db");
  GPid pids[N_CHILDREN];
  const char *self = g_getenv ("ZX_TEST_SELF");

  for (int i = 0; i < 2; i++)
    {
      g_autoptr (JsonObject) fields = json_object_new ();
      g_autoptr (GError) error = NULL;
      g_autofree char *no = g_strdup_printf ("（2026）冀0802执%d号", i + 1);

      json_object_set_string_member (fields, "case_no", no);
      json_object_set_string_member (fields, "filed_on", "2026-01-05");
      g_assert_cmpint (zx_store_create (store, "cases", fields, NULL, &error), ==, i + 1);
    }

  for (int i = 0; i < N_CHILDREN; i++)
    {
      g_autofree char *index = g_strdup_printf ("%d", i);
      const char *argv[] = { self, "--child", path, index, NULL };
      pids[i] = zx_test_spawn_async (argv, NULL);
    }
  for (int i = 0; i < N_CHILDREN; i++)
    g_assert_cmpint (zx_test_wait (pids[i]), ==, 0);

  {
    sqlite3 *db = zx_store_get_db (store);
    g_assert_cmpint (zx_test_query_int (db, "SELECT sum(amount_realized) FROM cases"), ==,
                     N_CHILDREN * N_UPDATES);
    g_assert_cmpint (zx_test_query_int (db, "SELECT amount_realized FROM cases WHERE id = 1"), ==,
                     N_CHILDREN * N_UPDATES / 2);
    g_assert_cmpint (zx_test_query_int (db, "SELECT version FROM cases WHERE id = 2"), ==,
                     1 + N_CHILDREN * N_UPDATES / 2);
    g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM change_log WHERE op = 'update'"),
                     ==, N_CHILDREN * N_UPDATES);
    g_assert_cmpint (zx_audit_verify (db, NULL, NULL), ==, 0);
    g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM audit"), ==,
                     2 + N_CHILDREN * N_UPDATES);
  }
  {
    const char *argv[] = { zx_test_ctl (), "--db", path, "check", NULL };
    g_assert_cmpint (zx_test_spawn (argv, NULL, NULL), ==, 0);
  }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], atoi (argv[3]));

  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  g_setenv ("ZX_TEST_SELF", self, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/concurrency/no-lost-update", test_no_lost_update);
  return g_test_run ();
}
