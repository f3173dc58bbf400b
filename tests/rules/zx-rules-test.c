/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "store/zx-measures.h"
#include "zx-rules-test.h"

static gint64
add_staff (ZxStore *store, const char *name, const char *login, const char *role, gint64 team)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  gint64 id;

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "login", login);
  json_object_set_string_member (fields, "role", role);
  if (team != 0)
    json_object_set_int_member (fields, "team_id", team);
  id = zx_store_create (store, "staff", fields, NULL, &error);
  g_assert_no_error (error);
  return id;
}

void
rules_fixture_set_up (RulesFixture *f, gconstpointer data)
{
  f->dir = zx_test_tmpdir_new ();
  f->store = zx_test_new_store (f->dir, "rules.db");
  f->team_a = zx_test_add_team (f->store, "执行一组");
  f->team_b = zx_test_add_team (f->store, "执行二组");
  /* The administrator first: once a login exists, only an administrator (or the director) may
   * add staff. */
  f->admin = add_staff (f->store, "陈管理员", "admin", "admin", 0);
  zx_store_set_actor (f->store, "admin");
  f->officer = add_staff (f->store, "王强", "officer", "officer", f->team_a);
  f->officer_b = add_staff (f->store, "孙丽", "officer_b", "officer", f->team_b);
  f->president = add_staff (f->store, "李院长", "president", "president", 0);
  f->director = add_staff (f->store, "张局长", "director", "director", 0);
  f->police = add_staff (f->store, "赵警官", "police", "police", 0);
  f->clerk = add_staff (f->store, "刘书记员", "clerk", "clerk", f->team_a);
  f->team_leader = add_staff (f->store, "周组长", "leader", "team_leader", f->team_a);
  f->judge = add_staff (f->store, "吴法官", "judge", "judge", 0);
  /* Tests start as a user who is not on the staff and choose whom to act as. */
  zx_store_set_actor (f->store, "tester");
}

void
rules_fixture_tear_down (RulesFixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  zx_test_tmpdir_free (f->dir);
}

gint64
rules_add_case (RulesFixture *f, const char *case_no, const char *filed_on, gint64 team,
                gint64 officer, gboolean small_amount, gboolean livelihood)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  gint64 id;

  json_object_set_string_member (fields, "case_no", case_no);
  json_object_set_string_member (fields, "filed_on", filed_on);
  json_object_set_int_member (fields, "amount_applied", 2000000);
  if (team != 0)
    json_object_set_int_member (fields, "team_id", team);
  if (officer != 0)
    json_object_set_int_member (fields, "officer_id", officer);
  json_object_set_int_member (fields, "small_amount", small_amount ? 1 : 0);
  json_object_set_int_member (fields, "livelihood", livelihood ? 1 : 0);
  id = zx_store_create (f->store, "cases", fields, NULL, &error);
  g_assert_no_error (error);
  return id;
}

gint64
rules_add_party (RulesFixture *f, gint64 case_id, const char *role, const char *kind,
                 const char *name, const char *id_no)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  gint64 id;

  json_object_set_int_member (fields, "case_id", case_id);
  json_object_set_string_member (fields, "role", role);
  json_object_set_string_member (fields, "kind", kind);
  json_object_set_string_member (fields, "name", name);
  if (id_no != NULL)
    json_object_set_string_member (fields, "id_no", id_no);
  if (g_str_equal (kind, "entity"))
    json_object_set_string_member (fields, "legal_rep", "钱法人");
  id = zx_store_create (f->store, "parties", fields, NULL, &error);
  g_assert_no_error (error);
  return id;
}

void
rules_act_as (RulesFixture *f, const char *login)
{
  zx_store_set_actor (f->store, login);
}

static sqlite3_stmt *
row_stmt (RulesFixture *f, const char *table, gint64 id, const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?", column,
                                          table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (zx_store_get_db (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

char *
rules_get_text (RulesFixture *f, const char *table, gint64 id, const char *column)
{
  sqlite3_stmt *stmt = row_stmt (f, table, id, column);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}

gint64
rules_get_int (RulesFixture *f, const char *table, gint64 id, const char *column)
{
  sqlite3_stmt *stmt = row_stmt (f, table, id, column);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

gint64
rules_count (RulesFixture *f, const char *sql)
{
  return zx_test_query_int (zx_store_get_db (f->store), sql);
}

void
rules_set_param (RulesFixture *f, const char *key, gint64 value)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (zx_store_get_db (f->store),
                                       "UPDATE rule_params SET value = ? WHERE key = ?", -1,
                                       &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, value);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (zx_store_get_db (f->store)), ==, 1);
  sqlite3_finalize (stmt);
}

gint64
rules_add_restriction (RulesFixture *f, gint64 case_id, gint64 party_id,
                       const char *executed_on)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *actor = g_strdup (zx_store_get_actor (f->store));
  ZxMeasureProposal p = { case_id, party_id, "consumption_restriction", executed_on, 0, 0, NULL };
  gint64 id;

  rules_act_as (f, "officer");
  id = zx_measures_propose (f->store, &p, &error);
  g_assert_no_error (error);
  zx_measures_execute (f->store, id, 0, executed_on, ZX_MEASURE_OUTCOME_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  rules_act_as (f, actor);
  return id;
}
