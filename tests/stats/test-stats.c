/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "zx-test-util.h"

/* `zhixingctl stats --json` on a demo database against counts made independently, one plain SQL
 * query per figure. */

#define FROM  "2025-01-01"
#define TO    "2025-12-31"
#define TODAY "2026-11-28"

static char *db_path;
static JsonNode *stats_root;

static gint64
sql_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, FROM, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, TO, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, TODAY, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

typedef struct
{
  const char *path;  /* member path in the JSON document, dots between members */
  const char *sql;   /* ?1 from, ?2 to, ?3 today */
} Figure;

static const Figure figures[] = {
  { "total.filed", "SELECT count(*) FROM cases WHERE filed_on BETWEEN ?1 AND ?2" },
  { "total.carried_over",
    "SELECT count(*) FROM cases WHERE filed_on < ?1 AND (concluded_on IS NULL OR concluded_on >= ?1)" },
  { "total.concluded", "SELECT count(*) FROM cases WHERE concluded_on BETWEEN ?1 AND ?2" },
  { "total.concluded_by.executed",
    "SELECT count(*) FROM cases WHERE concluded_on BETWEEN ?1 AND ?2 AND status = 'executed'" },
  { "total.concluded_by.zhongben",
    "SELECT count(*) FROM cases WHERE concluded_on BETWEEN ?1 AND ?2 AND status = 'zhongben'" },
  { "total.concluded_by.terminated",
    "SELECT count(*) FROM cases WHERE concluded_on BETWEEN ?1 AND ?2 AND status = 'terminated'" },
  { "total.in_progress",
    "SELECT count(*) FROM cases WHERE filed_on <= ?2 AND (concluded_on IS NULL OR concluded_on > ?2)" },
  { "total.amount_applied",
    "SELECT coalesce(sum(amount_applied), 0) FROM cases WHERE concluded_on BETWEEN ?1 AND ?2" },
  { "total.amount_realized",
    "SELECT coalesce(sum(amount_realized), 0) FROM cases WHERE concluded_on BETWEEN ?1 AND ?2" },
  { "total.overdue_nodes",
    "SELECT count(*) FROM nodes WHERE due_on < ?2 AND (done_on IS NULL OR done_on > ?2)" },
  { "total.indicators.with_property_on_time",
    "SELECT count(*) FROM cases WHERE concluded_on BETWEEN ?1 AND ?2 AND status = 'executed' "
    "AND concluded_on <= coalesce(deadline_on, date(filed_on, '+6 months'))" },
  { "work_report.listings.listed",
    "SELECT count(*) FROM blacklist_entries WHERE decided_on BETWEEN ?1 AND ?2" },
  { "work_report.listings.entities",
    "SELECT count(*) FROM blacklist_entries e JOIN parties p ON p.id = e.party_id "
    "WHERE e.decided_on BETWEEN ?1 AND ?2 AND p.kind = 'entity'" },
  { "work_report.auctions.sold",
    "SELECT count(*) FROM auctions WHERE auction_on BETWEEN ?1 AND ?2 AND result = 'sold'" },
  { "work_report.measures.consumption_restriction",
    "SELECT count(*) FROM measures WHERE kind = 'consumption_restriction' "
    "AND state IN ('executed', 'lifted') AND executed_on BETWEEN ?1 AND ?2" },
  { "work_report.aid.paid", "SELECT count(*) FROM aid WHERE paid_on BETWEEN ?1 AND ?2" },
};

static gint64
json_path_int (JsonNode *root, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      JsonObject *o = json_node_get_object (node);
      node = json_object_get_member (o, parts[i]);
      if (node == NULL)
        return 0;  /* a kind with no rows is left out of the work-report maps */
    }
  return json_node_get_int (node);
}

static void
test_figure (gconstpointer data)
{
  const Figure *f = data;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 expected;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  expected = sql_int (db, f->sql);
  sqlite3_close (db);
  g_assert_cmpint (json_path_int (stats_root, f->path), ==, expected);
}

/* Teams add up to the court. */
static void
test_levels_add_up (void)
{
  JsonObject *root = json_node_get_object (stats_root);
  JsonArray *teams = json_object_get_array_member (root, "teams");
  JsonArray *officers = json_object_get_array_member (root, "officers");
  const char *members[] = { "filed", "concluded", "in_progress", "amount_realized",
                            "overdue_nodes" };

  g_assert_cmpuint (json_array_get_length (teams), >=, 11);
  /* A recount of zeros proves nothing: the demo year must have real figures. */
  g_assert_cmpint (json_path_int (stats_root, "total.filed"), >, 100);
  g_assert_cmpint (json_path_int (stats_root, "total.concluded"), >, 100);
  g_assert_cmpint (json_path_int (stats_root, "total.overdue_nodes"), >, 0);
  g_assert_cmpint (json_path_int (stats_root, "work_report.listings.listed"), >, 0);
  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      gint64 sum_t = 0, sum_o = 0;
      for (guint i = 0; i < json_array_get_length (teams); i++)
        sum_t += json_object_get_int_member (json_array_get_object_element (teams, i), members[m]);
      for (guint i = 0; i < json_array_get_length (officers); i++)
        sum_o += json_object_get_int_member (json_array_get_object_element (officers, i),
                                             members[m]);
      g_assert_cmpint (sum_t, ==,
                       json_object_get_int_member (json_object_get_object_member (root, "total"),
                                                   members[m]));
      g_assert_cmpint (sum_o, ==, sum_t);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = zx_test_tmpdir_new ();
  db_path = g_build_filename (dir, "stats.db", NULL);
  {
    const char *demo[] = { zx_test_ctl (), "--db", db_path, "--today", TODAY, "demo", "--cases",
                           "4000", "--seed", "11", NULL };
    const char *stats[] = { zx_test_ctl (), "--db", db_path, "--today", TODAY, "stats", "--from",
                            FROM, "--to", TO, "--json", NULL };
    g_assert_cmpint (zx_test_spawn (demo, NULL, NULL), ==, 0);
    g_assert_cmpint (zx_test_spawn (stats, &out, NULL), ==, 0);
  }
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  stats_root = json_parser_get_root (parser);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/stats/recount/%s", figures[i].path);
      g_test_add_data_func (name, &figures[i], test_figure);
    }
  g_test_add_func ("/stats/levels-add-up", test_levels_add_up);
  status = g_test_run ();
  zx_test_tmpdir_free (g_steal_pointer (&dir));
  g_free (db_path);
  return status;
}
