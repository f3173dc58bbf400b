/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data: deterministic, valid by the court's rules and the schema, plausible. */
#include <string.h>

#include "domain/zx-case-no.h"
#include "domain/zx-validate.h"
#include "io/zx-demo.h"
#include "store/zx-cases.h"
#include "zx-test-util.h"

#define TODAY "2024-06-30"
#define N_CASES 2000

/* ---- helpers --------------------------------------------------------------------------------- */

static ZxStore *
demo_store (const char *dir, const char *name, guint64 seed, guint n_cases)
{
  g_autoptr (GError) error = NULL;
  ZxStore *store = zx_test_new_store (dir, name);
  ZxDemoOptions options = { n_cases, seed, TODAY };

  g_assert_true (zx_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  return store;
}

/* Every table the generator writes, with an order that makes the digest independent of the
 * physical layout. */
static const struct
{
  const char *table;
  const char *order;
} demo_tables[] = {
  { "teams", "id" },
  { "staff", "id" },
  { "routing_rules", "id" },
  { "case_counters", "court_code, type_code, year" },
  { "cases", "id" },
  { "parties", "id" },
  { "nodes", "id" },
  { "asset_queries", "id" },
  { "seizures", "id" },
  { "auctions", "id" },
  { "measures", "id" },
  { "blacklist_entries", "id" },
  { "aid", "id" },
  { "assignment_log", "id" },
};

static gboolean
is_timestamp_column (const char *name)
{
  return strcmp (name, "created_at") == 0 || strcmp (name, "updated_at") == 0
         || strcmp (name, "at") == 0;
}

/* SHA-256 over every row of TABLE, all columns but the write timestamps. */
static char *
table_digest (sqlite3 *db, const char *table, const char *order)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", table, order);
  sqlite3_stmt *stmt = NULL;
  int n_rows = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          if (is_timestamp_column (sqlite3_column_name (stmt, i)))
            continue;
          g_checksum_update (sum, (const guchar *) sqlite3_column_name (stmt, i), -1);
          g_checksum_update (sum, (const guchar *) (value != NULL ? "=" : "~"), 1);
          if (value != NULL)
            g_checksum_update (sum, (const guchar *) value, -1);
          g_checksum_update (sum, (const guchar *) "\x1f", 1);
        }
      n_rows++;
    }
  sqlite3_finalize (stmt);
  return g_strdup_printf ("%d:%s", n_rows, g_checksum_get_string (sum));
}

static gint64
count (sqlite3 *db, const char *sql)
{
  return zx_test_query_int (db, sql);
}

/* ---- determinism ----------------------------------------------------------------------------- */

static void
test_deterministic (void)
{
  char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) a = demo_store (dir, "a.db", 7, N_CASES);
  g_autoptr (ZxStore) b = demo_store (dir, "b.db", 7, N_CASES);
  g_autoptr (ZxStore) c = demo_store (dir, "c.db", 8, N_CASES);

  for (guint i = 0; i < G_N_ELEMENTS (demo_tables); i++)
    {
      const char *t = demo_tables[i].table, *o = demo_tables[i].order;
      g_autofree char *da = table_digest (zx_store_get_db (a), t, o);
      g_autofree char *db = table_digest (zx_store_get_db (b), t, o);

      g_test_message ("%s %s", t, da);
      g_assert_cmpstr (da, ==, db);
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_tables); i++)
    {
      const char *t = demo_tables[i].table, *o = demo_tables[i].order;
      g_autofree char *da = table_digest (zx_store_get_db (a), t, o);
      g_autofree char *dc = table_digest (zx_store_get_db (c), t, o);

      /* Another seed: other staff names, other cases; the same teams. */
      if (strcmp (t, "teams") != 0 && strcmp (t, "routing_rules") != 0)
        g_assert_cmpstr (da, !=, dc);
    }
  g_assert_cmpint (count (zx_store_get_db (a), "SELECT count(*) FROM cases"), ==, N_CASES);
  g_assert_cmpint (count (zx_store_get_db (c), "SELECT count(*) FROM cases"), ==, N_CASES);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  zx_test_tmpdir_free (dir);
}

/* ---- validity -------------------------------------------------------------------------------- */

typedef struct
{
  char    *dir;
  ZxStore *store;
  sqlite3 *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  /* ZX_DEMO_TEST_SEED tries the checks on other seeds. */
  const char *seed = g_getenv ("ZX_DEMO_TEST_SEED");

  f->dir = zx_test_tmpdir_new ();
  f->store = demo_store (f->dir, "demo.db",
                         seed != NULL ? g_ascii_strtoull (seed, NULL, 10) : 20240630, N_CASES);
  f->db = zx_store_get_db (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  zx_test_tmpdir_free (f->dir);
}

static void
test_party_ids (Fixture *f, gconstpointer data)
{
  sqlite3_stmt *stmt = NULL;
  int persons = 0, entities = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, "SELECT kind, id_no, name FROM parties", -1, &stmt,
                                       NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (GError) error = NULL;
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      const char *id_no = (const char *) sqlite3_column_text (stmt, 1);
      ZxIdFlags flags = ZX_ID_FLAG_NONE;

      g_assert_nonnull (id_no);
      g_assert_cmpuint (strlen ((const char *) sqlite3_column_text (stmt, 2)), >, 0);
      if (strcmp (kind, "person") == 0)
        {
          g_assert_true (zx_validate_resident_id (id_no, TODAY, FALSE, NULL, &flags, &error));
          g_assert_cmpint (zx_resident_id_age (id_no, TODAY), >=, 18);
          persons++;
        }
      else
        {
          g_assert_true (zx_validate_uscc (id_no, NULL, &flags, &error));
          entities++;
        }
      g_assert_no_error (error);
      g_assert_cmpint (flags, ==, ZX_ID_FLAG_NONE);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (persons, >, 0);
  g_assert_cmpint (entities, >, 0);
  /* An entity has its legal representative; the same credit code is always the same name. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM parties WHERE kind = 'entity'"
                                 " AND legal_rep IS NULL"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM (SELECT id_no FROM parties"
                                 " GROUP BY id_no HAVING count(DISTINCT name) > 1)"), ==, 0);
}

static void
test_no_minor_listed (Fixture *f, gconstpointer data)
{
  sqlite3_stmt *stmt = NULL;
  int n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db,
                                       "SELECT p.id_no, coalesce (b.decided_on, b.applied_on),"
                                       " p.role FROM blacklist_entries b"
                                       " JOIN parties p ON p.id = b.party_id"
                                       " WHERE p.kind = 'person'",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id_no = (const char *) sqlite3_column_text (stmt, 0);

      g_assert_cmpint (zx_resident_id_age (id_no, (const char *) sqlite3_column_text (stmt, 1)),
                       >=, 18);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "respondent");
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (n, >, 0);
}

static void
test_case_numbers (Fixture *f, gconstpointer data)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (count (f->db, "SELECT count(DISTINCT case_no) FROM cases"), ==, N_CASES);
  g_assert_cmpint (sqlite3_prepare_v2 (f->db,
                                       "SELECT case_no, case_year, court_code, type_code, seq"
                                       " FROM cases",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (GError) error = NULL;
      ZxCaseNo no = { 0 };

      g_assert_true (zx_case_no_parse ((const char *) sqlite3_column_text (stmt, 0), &no, &error));
      g_assert_no_error (error);
      g_assert_false (no.legacy);
      g_assert_cmpstr (no.normalized, ==, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpint (no.year, ==, sqlite3_column_int (stmt, 1));
      g_assert_cmpstr (no.court_code, ==, "冀0802");
      g_assert_cmpstr (no.court_code, ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpstr (no.type_code, ==, (const char *) sqlite3_column_text (stmt, 3));
      g_assert_cmpint (no.seq, ==, sqlite3_column_int64 (stmt, 4));
      zx_case_no_clear (&no);
    }
  sqlite3_finalize (stmt);
  /* Per type and year: 1 … n without gaps, numbered in filing order, counters at n. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM (SELECT type_code, case_year"
                                 " FROM cases GROUP BY 1, 2"
                                 " HAVING min(seq) <> 1 OR max(seq) <> count(*))"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM cases a JOIN cases b"
                                 " ON a.type_code = b.type_code AND a.case_year = b.case_year"
                                 " AND a.seq < b.seq AND a.filed_on > b.filed_on"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM cases WHERE case_year <>"
                                 " CAST (substr (filed_on, 1, 4) AS INTEGER)"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM (SELECT type_code, case_year, max(seq) m"
                                 " FROM cases GROUP BY 1, 2) s LEFT JOIN case_counters k"
                                 " ON k.court_code = '冀0802' AND k.type_code = s.type_code"
                                 " AND k.year = s.case_year WHERE k.last_seq IS NOT s.m"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(DISTINCT type_code) FROM cases"), >=, 3);
}

static void
test_dates_and_amounts (Fixture *f, gconstpointer data)
{
  static const char *const zero[] = {
    "SELECT count(*) FROM cases WHERE filed_on < '2016-01-01' OR filed_on > '" TODAY "'",
    "SELECT count(*) FROM cases WHERE concluded_on < filed_on OR concluded_on > '" TODAY "'",
    "SELECT count(*) FROM cases WHERE (status IN ('in_progress', 'suspended'))"
    " <> (concluded_on IS NULL)",
    "SELECT count(*) FROM cases WHERE assigned_on < filed_on OR assigned_on > '" TODAY "'",
    "SELECT count(*) FROM cases WHERE deadline_on <= filed_on",
    "SELECT count(*) FROM cases WHERE basis_effective_on > filed_on",
    "SELECT count(*) FROM cases WHERE amount_applied < 0 OR amount_realized < 0"
    " OR amount_realized > amount_applied",
    "SELECT count(*) FROM cases WHERE status = 'executed' AND amount_realized * 10"
    " < amount_applied * 9",
    "SELECT count(*) FROM cases WHERE status IN ('not_executed', 'rejected')"
    " AND amount_realized > 0",
    "SELECT count(*) FROM cases WHERE status = 'zhongben'"
    " AND julianday (concluded_on) - julianday (filed_on) <= 90",
    "SELECT count(*) FROM cases WHERE basis_type = 'mediation' AND team_id IS NULL"
    " AND trial_judge_id IS NULL",
    "SELECT count(*) FROM cases WHERE filed_on < '2018-05-01' AND team_id IS NULL",
    "SELECT count(*) FROM nodes WHERE done_on > '" TODAY "'",
    /* node kinds are the store's node rules; the statutory limit is the case's deadline */
    "SELECT count(*) FROM nodes WHERE kind NOT IN (SELECT kind FROM node_rules)",
    "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM nodes n"
    " WHERE n.case_id = c.id AND n.kind = 'case_concluded' AND n.due_on = c.deadline_on"
    " AND n.done_on IS c.concluded_on)",
    "SELECT count(*) FROM nodes n JOIN cases c ON c.id = n.case_id"
    " WHERE n.kind = 'zhongben_requery' AND (c.status <> 'zhongben' OR n.due_on <= c.concluded_on)",
    "SELECT count(*) FROM nodes n JOIN cases c ON c.id = n.case_id WHERE n.done_on < c.filed_on",
    "SELECT count(*) FROM asset_queries WHERE answered_on < requested_on"
    " OR answered_on > '" TODAY "' OR (result = 'pending') <> (answered_on IS NULL)",
    "SELECT count(*) FROM seizures WHERE start_on > '" TODAY "' OR released_on > '" TODAY "'"
    " OR expires_on <= start_on"
    " OR (state = 'waiting') <> (start_on IS NULL AND released_on IS NULL)",
    "SELECT count(*) FROM seizures WHERE state = 'effective' AND expires_on < '" TODAY "'",
    "SELECT count(*) FROM auctions WHERE reserve * 10 < appraisal * 7 AND round = 1",
    "SELECT count(*) FROM auctions WHERE (result = 'sold') <> (price IS NOT NULL)"
    " OR price < reserve OR auction_on > '" TODAY "' AND result <> 'pending'",
    "SELECT count(*) FROM measures WHERE proposed_on > '" TODAY "' OR approved_on > '" TODAY "'"
    " OR executed_on > '" TODAY "' OR approved_on < proposed_on OR executed_on < approved_on",
    "SELECT count(*) FROM measures WHERE kind IN ('summons', 'detention', 'fine')"
    " AND approved_on IS NOT NULL AND approver_id NOT IN"
    " (SELECT id FROM staff WHERE role = 'president')",
    "SELECT count(*) FROM measures WHERE kind = 'detention' AND (days < 1 OR days > 15)",
    "SELECT count(*) FROM blacklist_entries WHERE decided_on < applied_on"
    " OR published_on > '" TODAY "' OR removed_on > '" TODAY "'",
    "SELECT count(*) FROM blacklist_entries WHERE (ground = 1) <> (period_end IS NULL)"
    " AND state <> 'proposed'",
    /* 2 years, clamped: a decision on 29 February ends on 28 February */
    "SELECT count(*) FROM blacklist_entries WHERE ground > 1 AND period_end <"
    " date (decided_on, '+24 months', '-1 day')",
    "SELECT count(*) FROM blacklist_entries WHERE state = 'published'"
    " AND (published_on IS NULL OR published_on > '" TODAY "')",
    "SELECT count(*) FROM blacklist_entries WHERE state IN ('removed', 'revoked')"
    " AND (removed_on IS NULL OR removal_reason IS NULL)",
    "SELECT count(*) FROM blacklist_entries b JOIN parties p ON p.id = b.party_id"
    " WHERE p.case_id <> b.case_id OR p.role <> 'respondent'",
    "SELECT count(*) FROM aid a JOIN cases c ON c.id = a.case_id WHERE c.livelihood = 0"
    " OR a.amount > c.amount_applied - c.amount_realized OR a.applied_on > '" TODAY "'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    {
      g_test_message ("%s", zero[i]);
      g_assert_cmpint (count (f->db, zero[i]), ==, 0);
    }
}

static void
test_schema_rules_hold (Fixture *f, gconstpointer data)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gint64 verified;

  /* integrity_check also checks NOT NULL and CHECK constraints. */
  g_assert_cmpint (sqlite3_prepare_v2 (f->db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (f->db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  /* The bulk settings are undone. */
  g_assert_cmpint (count (f->db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (f->db, "PRAGMA ignore_check_constraints"), ==, 0);
  /* Every random draw re-derives from the log. */
  verified = zx_store_verify_assignments (f->store, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpint (verified, >, N_CASES / 3);
  g_assert_cmpuint (problems != NULL ? problems->len : 0, ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM assignment_log"), ==, N_CASES);
  /* One audit and one change row for the whole generation. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE action = 'demo'"
                                 " AND entity = 'cases' AND after_json LIKE '{\"cases\":2000,"
                                 "\"seed\":%'"), ==, 1);
  g_assert_cmpint (zx_audit_verify (f->db, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM change_log WHERE entity = 'cases'"),
                   ==, 1);
  /* The search index covers the demo cases. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM case_search"), ==, N_CASES);
}

static void
test_court (Fixture *f, gconstpointer data)
{
  g_autofree char *name = zx_store_get_meta (f->store, "court_name");
  g_autofree char *code = zx_store_get_meta (f->store, "court_code");
  gint64 execution_staff;

  g_assert_cmpstr (name, ==, "承德市双桥区人民法院");
  g_assert_cmpstr (code, ==, "冀0802");
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM teams WHERE active = 1"), ==, 11);
  execution_staff = count (f->db, "SELECT count(*) FROM staff WHERE team_id IS NOT NULL"
                                  " AND role IN ('team_leader', 'officer', 'clerk')");
  g_assert_cmpint (execution_staff, >=, 45);
  g_assert_cmpint (execution_staff, <=, 55);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM teams t WHERE (SELECT count(*) FROM staff"
                                 " WHERE team_id = t.id AND role = 'team_leader') <> 1"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM staff WHERE role = 'president'"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM staff WHERE role = 'director'"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM staff WHERE role = 'police'"), ==, 6);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM staff WHERE role = 'judge'"
                                 " AND team_id IS NULL"), >, 0);
  g_assert_cmpint (count (f->db, "SELECT count(DISTINCT login) FROM staff"), ==,
                   count (f->db, "SELECT count(*) FROM staff"));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM staff WHERE login NOT GLOB"
                                 " '[a-z]*[a-z][0-9][0-9]'"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM routing_rules"), >=, 3);
}

/* ---- proportions ----------------------------------------------------------------------------- */

static double
share (sqlite3 *db, const char *part, const char *whole)
{
  return (double) count (db, part) / MAX (count (db, whole), 1);
}

static void
test_proportions (Fixture *f, gconstpointer data)
{
  static const char *const statuses[] = {
    "in_progress", "executed", "zhongben", "terminated", "withdrawn",
  };
  const char *concluded = "SELECT count(*) FROM cases WHERE concluded_on IS NOT NULL"
                          " AND filed_on < '2023-01-01'";
  double s;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE status = '%s'",
                                              statuses[i]);
      g_assert_cmpint (count (f->db, sql), >, 0);
    }
  s = share (f->db, "SELECT count(*) FROM cases WHERE status = 'executed'"
                    " AND filed_on < '2023-01-01'", concluded);
  g_assert_cmpfloat (s, >, 0.30);
  g_assert_cmpfloat (s, <, 0.55);
  s = share (f->db, "SELECT count(*) FROM cases WHERE status = 'zhongben'"
                    " AND filed_on < '2023-01-01'", concluded);
  g_assert_cmpfloat (s, >, 0.22);
  g_assert_cmpfloat (s, <, 0.45);
  /* Old cases are mostly closed; recent ones mostly open. */
  g_assert_cmpfloat (share (f->db, "SELECT count(*) FROM cases WHERE filed_on < '2020-01-01'"
                                   " AND concluded_on IS NULL",
                            "SELECT count(*) FROM cases WHERE filed_on < '2020-01-01'"), <, 0.05);
  g_assert_cmpfloat (share (f->db, "SELECT count(*) FROM cases WHERE filed_on >= '2024-05-01'"
                                   " AND concluded_on IS NULL",
                            "SELECT count(*) FROM cases WHERE filed_on >= '2024-05-01'"), >, 0.5);
  /* More cases every year (2020 had a dip). */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM cases WHERE case_year = 2023"), >,
                   count (f->db, "SELECT count(*) FROM cases WHERE case_year = 2017") * 3 / 2);
  s = share (f->db, "SELECT count(DISTINCT case_id) FROM blacklist_entries",
             "SELECT count(*) FROM cases");
  g_assert_cmpfloat (s, >, 0.05);
  g_assert_cmpfloat (s, <, 0.30);
  g_assert_cmpfloat (share (f->db, "SELECT count(*) FROM blacklist_entries"
                                   " WHERE state = 'published'",
                            "SELECT count(*) FROM blacklist_entries"), >, 0.4);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM blacklist_entries WHERE state = 'removed'"),
                   >, 0);
  s = share (f->db, "SELECT count(DISTINCT case_id) FROM seizures", "SELECT count(*) FROM cases");
  g_assert_cmpfloat (s, >, 0.15);
  g_assert_cmpfloat (s, <, 0.45);
  /* waiting in line behind another court's seizure (轮候), now or until released */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM seizures WHERE start_on IS NULL"), >, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM auctions WHERE result = 'sold'"), >, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM aid"), >, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM aid"), <, N_CASES / 50);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM measures WHERE kind = 'detention'"), >, 0);
  g_assert_cmpfloat (share (f->db, "SELECT count(*) FROM cases WHERE livelihood = 1",
                            "SELECT count(*) FROM cases"), <, 0.25);
  g_assert_cmpfloat (share (f->db, "SELECT count(*) FROM cases WHERE amount_applied"
                                   " BETWEEN 500000 AND 50000000",
                            "SELECT count(*) FROM cases WHERE type_code <> '执异'"), >, 0.7);
  g_assert_cmpfloat (share (f->db, "SELECT count(*) FROM parties", "SELECT count(*) FROM cases"),
                     <, 3.0);
  g_assert_cmpfloat (share (f->db, "SELECT count(*) FROM nodes WHERE done_on IS NULL"
                                   " AND due_on < '" TODAY "'",
                            "SELECT count(*) FROM nodes"), <, 0.05);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM nodes WHERE done_on IS NULL"
                                 " AND due_on < '" TODAY "'"), >, 0);
}

/* ---- other databases ------------------------------------------------------------------------- */

static void
test_refuses_database_with_cases (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ZxDemoOptions options = { 10, 1, TODAY };

  g_assert_false (zx_demo_generate (f->store, &options, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_EXISTS);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM cases"), ==, N_CASES);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM teams"), ==, 11);
}

static void
test_existing_teams (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "teams.db");
  sqlite3 *db = zx_store_get_db (store);
  gint64 t1 = zx_test_add_team (store, "速执组");
  gint64 t2 = zx_test_add_team (store, "综合组");
  ZxDemoOptions options = { 300, 5, TODAY };
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE team_id IS NULL"
                                          " OR team_id NOT IN (%" G_GINT64_FORMAT ", %"
                                          G_GINT64_FORMAT ")", t1, t2);

  g_assert_true (zx_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  /* The court's own teams are kept and used; no staff is invented; no judges, so no case
   * goes to a trial judge. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM teams"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM staff"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cases"), ==, 300);
  g_assert_cmpint (count (db, sql), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM measures WHERE approver_id IS NOT NULL"), ==,
                   0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cases WHERE officer_id IS NOT NULL"), ==, 0);
  g_clear_object (&store);
  zx_test_tmpdir_free (dir);
}

static void
test_bad_options (void)
{
  /* before 2016; no working day yet; no such day; not ISO; empty; none */
  static const char *const bad[] = {
    "2015-12-31", "2016-01-02", "2024-02-30", "24-06-30", "", NULL,
  };
  char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "bad.db");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      ZxDemoOptions options = { 10, 1, bad[i] };

      g_assert_false (zx_demo_generate (store, &options, &error));
      g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
    }
  g_assert_cmpint (count (zx_store_get_db (store), "SELECT count(*) FROM teams"), ==, 0);
  g_clear_object (&store);
  zx_test_tmpdir_free (dir);
}

static void
test_no_cases (void)
{
  char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = demo_store (dir, "empty.db", 3, 0);
  sqlite3 *db = zx_store_get_db (store);

  g_assert_cmpint (count (db, "SELECT count(*) FROM teams"), ==, 11);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit WHERE action = 'demo'"), ==, 1);
  g_clear_object (&store);
  zx_test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/demo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/demo/deterministic", test_deterministic);
  ADD ("party-ids", test_party_ids);
  ADD ("no-minor-listed", test_no_minor_listed);
  ADD ("case-numbers", test_case_numbers);
  ADD ("dates-and-amounts", test_dates_and_amounts);
  ADD ("schema-rules-hold", test_schema_rules_hold);
  ADD ("court", test_court);
  ADD ("proportions", test_proportions);
  ADD ("refuses-database-with-cases", test_refuses_database_with_cases);
  g_test_add_func ("/demo/existing-teams", test_existing_teams);
  g_test_add_func ("/demo/bad-options", test_bad_options);
  g_test_add_func ("/demo/no-cases", test_no_cases);
#undef ADD
  return g_test_run ();
}
