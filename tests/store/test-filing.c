/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "store/zx-cases.h"
#include "zx-test-util.h"

/* Filing: numbers without duplicates or gaps under 16 concurrent processes, routing across the
 * 2018-05-01 boundary, balanced random cycles, manual reassignment with a reason, and
 * `zhixingctl assign verify` catching a tampered draw. */

#define N_PROCS 16
#define N_EACH  20

static gint64 teams[11];
static gint64 judge;

static void
set_up_court (ZxStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) j = json_object_new ();

  for (int i = 0; i < 11; i++)
    {
      g_autofree char *name = g_strdup_printf ("执行%d组", i + 1);
      teams[i] = zx_test_add_team (store, name);
    }
  json_object_set_string_member (j, "name", "陈法官");
  json_object_set_string_member (j, "role", "judge");
  judge = zx_store_create (store, "staff", j, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zx_store_seed_routing (store, &error));
  g_assert_no_error (error);
}

static gboolean
file_one (ZxStore *store, const char *filed_on, const char *basis, const char *effective,
          gint64 trial_judge, ZxFiledCase *out, GError **error)
{
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autoptr (JsonArray) parties = json_array_new ();
  g_autoptr (JsonObject) applicant = json_object_new ();
  ZxNewCase nc = { NULL, filed_on, fields, parties, NULL };

  json_object_set_string_member (fields, "basis_type", basis);
  if (effective != NULL)
    json_object_set_string_member (fields, "basis_effective_on", effective);
  if (trial_judge > 0)
    json_object_set_int_member (fields, "trial_judge_id", trial_judge);
  json_object_set_int_member (fields, "amount_applied", 5000000);
  json_object_set_string_member (applicant, "role", "applicant");
  json_object_set_string_member (applicant, "kind", "person");
  json_object_set_string_member (applicant, "name", "张伟");
  json_object_set_string_member (applicant, "id_no", "11010519491231002X");
  json_array_add_object_element (parties, json_object_ref (applicant));
  return zx_store_file_case (store, &nc, out, error);
}

static int
child_main (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    return 1;
  for (int i = 0; i < N_EACH; i++)
    {
      ZxFiledCase filed = { 0 };
      if (!file_one (store, "2026-03-02", "judgment", "2026-01-10", 0, &filed, &error))
        {
          g_printerr ("filing: %s\n", error->message);
          return 1;
        }
      zx_filed_case_clear (&filed);
    }
  return 0;
}

static void
test_concurrent_numbers (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "f.db", NULL);
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "f.db");
  GPid pids[N_PROCS];
  sqlite3 *db = zx_store_get_db (store);

  set_up_court (store);
  for (int i = 0; i < N_PROCS; i++)
    {
      const char *argv[] = { g_getenv ("ZX_TEST_SELF"), "--child", path, NULL };
      pids[i] = zx_test_spawn_async (argv, NULL);
    }
  for (int i = 0; i < N_PROCS; i++)
    g_assert_cmpint (zx_test_wait (pids[i]), ==, 0);

  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM cases"), ==, N_PROCS * N_EACH);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(DISTINCT seq) FROM cases"), ==,
                   N_PROCS * N_EACH);
  g_assert_cmpint (zx_test_query_int (db, "SELECT min(seq) FROM cases"), ==, 1);
  g_assert_cmpint (zx_test_query_int (db, "SELECT max(seq) FROM cases"), ==, N_PROCS * N_EACH);
  g_assert_cmpint (zx_test_query_int (db, "SELECT last_seq FROM case_counters"), ==,
                   N_PROCS * N_EACH);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM cases WHERE team_id IS NULL"), ==,
                   0);
  /* 320 filings over the 3 new teams: after 106 whole cycles each has 106 or 107. */
  g_assert_cmpint (zx_test_query_int (db, "SELECT max(n) - min(n) FROM (SELECT count(*) AS n "
                                          "FROM cases GROUP BY team_id)"),
                   <=, 1);
  {
    const char *argv[] = { zx_test_ctl (), "--db", path, "assign", "verify", NULL };
    g_autofree char *out = NULL;
    g_assert_cmpint (zx_test_spawn (argv, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "320"));
  }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  const char *filed_on, *basis, *effective;
  gboolean    with_judge;
  int         expect;  /* 0 original teams, 1 new teams, 2 the judge, -1 refused */
} RouteCase;

static const RouteCase route_cases[] = {
  { "2018-04-30", "judgment", "2018-03-01", FALSE, 0 },
  { "2018-04-30", "mediation", "2018-03-01", FALSE, 0 },
  { "2018-05-03", "judgment", "2018-05-02", FALSE, 1 },
  { "2018-05-03", "mediation", "2018-05-02", TRUE, 2 },
  { "2018-05-03", "mediation", "2018-05-02", FALSE, -1 },
  { "2021-07-01", "judgment", "2021-06-01", FALSE, 1 },
};

static void
test_routing_boundary (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "r.db");

  set_up_court (store);
  for (guint i = 0; i < G_N_ELEMENTS (route_cases); i++)
    {
      const RouteCase *rc = &route_cases[i];
      g_autoptr (GError) error = NULL;
      ZxFiledCase filed = { 0 };
      gboolean ok = file_one (store, rc->filed_on, rc->basis, rc->effective,
                              rc->with_judge ? judge : 0, &filed, &error);

      if (rc->expect < 0)
        {
          g_assert_false (ok);
          g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "judge"));
          continue;
        }
      g_assert_no_error (error);
      if (rc->expect == 0)
        g_assert_true (filed.team_id >= teams[0] && filed.team_id <= teams[7]);
      else if (rc->expect == 1)
        g_assert_true (filed.team_id >= teams[8] && filed.team_id <= teams[10]);
      else
        {
          g_assert_cmpint (filed.team_id, ==, 0);
          g_assert_cmpint (filed.judge_id, ==, judge);
        }
      g_assert_true (g_str_has_prefix (filed.case_no, "（"));
      zx_filed_case_clear (&filed);
    }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_balance_and_tamper (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "b.db", NULL);
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "b.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *peek = NULL;
  sqlite3 *db = zx_store_get_db (store);

  set_up_court (store);
  /* 10 whole cycles over the 8 original teams. */
  for (int i = 0; i < 80; i++)
    {
      ZxFiledCase filed = { 0 };
      g_assert_true (file_one (store, "2017-06-01", "judgment", "2017-05-01", 0, &filed, &error));
      zx_filed_case_clear (&filed);
    }
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(DISTINCT team_id) FROM cases"), ==, 8);
  g_assert_cmpint (zx_test_query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM cases "
                                          "GROUP BY team_id)"),
                   ==, 10);
  g_assert_cmpint (zx_test_query_int (db, "SELECT max(n) FROM (SELECT count(*) AS n FROM cases "
                                          "GROUP BY team_id)"),
                   ==, 10);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(DISTINCT cycle_seed) FROM assignment_log"),
                   ==, 10);
  peek = zx_store_peek_case_no (store, "执", 2017, &error);
  g_assert_cmpstr (peek, ==, "（2017）冀0802执81号");

  /* Someone edits a draw to favour a team. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE assignment_log SET chosen_id = "
                                     "(SELECT chosen_id FROM assignment_log WHERE id = 6) "
                                     "WHERE id = 5",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  {
    const char *argv[] = { zx_test_ctl (), "--db", path, "assign", "verify", NULL };
    g_autofree char *err = NULL;
    g_assert_cmpint (zx_test_spawn (argv, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "assignment log id 5"));
  }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_manual_reassign (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "m.db");
  g_autoptr (GError) error = NULL;
  ZxFiledCase filed = { 0 };
  sqlite3 *db = zx_store_get_db (store);

  set_up_court (store);
  g_assert_true (file_one (store, "2026-02-02", "judgment", "2026-01-02", 0, &filed, &error));
  g_assert_false (zx_store_reassign_case (store, filed.case_id, 1, teams[0], "  ", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (zx_store_reassign_case (store, filed.case_id, 1, teams[0], "回避：承办人为当事人亲属",
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (zx_test_query_int (db, "SELECT team_id FROM cases"), ==, teams[0]);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM assignment_log WHERE manual = 1"),
                   ==, 1);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM audit WHERE action = 'reassign'"),
                   ==, 1);
  /* A stale version is a conflict and changes nothing. */
  g_assert_false (zx_store_reassign_case (store, filed.case_id, 1, teams[1], "再次调整", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CONFLICT);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM assignment_log WHERE manual = 1"),
                   ==, 1);
  zx_filed_case_clear (&filed);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_autofree char *self = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2]);

  self = g_file_read_link ("/proc/self/exe", NULL);
  g_setenv ("ZX_TEST_SELF", self, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/filing/concurrent-numbers", test_concurrent_numbers);
  g_test_add_func ("/store/filing/routing-boundary", test_routing_boundary);
  g_test_add_func ("/store/filing/balance-and-tamper", test_balance_and_tamper);
  g_test_add_func ("/store/filing/manual-reassign", test_manual_reassign);
  return g_test_run ();
}
