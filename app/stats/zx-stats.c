/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-stats"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>

#include "zx-stats.h"

/* One scan of the cases relevant to the period, grouped by (team, officer); teams and the court
 * are sums of those groups, so every level adds up by construction. */

enum
{
  F_FILED,
  F_CARRIED,
  F_CONCLUDED,
  F_EXECUTED,
  F_ZHONGBEN,
  F_TERMINATED,
  F_NOT_EXECUTED,
  F_REJECTED,
  F_WITHDRAWN,
  F_IN_PROGRESS_END,
  F_APPLIED,
  F_REALIZED,
  F_DAYS_SUM,
  F_WITH_PROPERTY,
  F_ON_TIME,
  F_ZHONGBEN_COMPLIANT,
  F_3Y_CONCLUDED,
  F_3Y_BASE,
  F_OVERDUE_NODES,
  N_FIGURES
};

typedef struct
{
  gint64 team_id;
  gint64 officer_id;
  gint64 f[N_FIGURES];
} Group;

/* 终本 compliance as the statistics count it: concluded more than the minimum months after
 * filing, with a consumption restriction executed, a national network query made and the
 * execution notice done. */
static const char cases_sql[] =
  "SELECT coalesce(team_id, 0), coalesce(officer_id, 0),"
  " sum(filed_on BETWEEN ?1 AND ?2),"
  " sum(filed_on < ?1 AND (concluded_on IS NULL OR concluded_on >= ?1)),"
  " sum(concluded_on BETWEEN ?1 AND ?2),"
  " sum(concluded_on BETWEEN ?1 AND ?2 AND status = 'executed'),"
  " sum(concluded_on BETWEEN ?1 AND ?2 AND status = 'zhongben'),"
  " sum(concluded_on BETWEEN ?1 AND ?2 AND status = 'terminated'),"
  " sum(concluded_on BETWEEN ?1 AND ?2 AND status = 'not_executed'),"
  " sum(concluded_on BETWEEN ?1 AND ?2 AND status = 'rejected'),"
  " sum(concluded_on BETWEEN ?1 AND ?2 AND status = 'withdrawn'),"
  " sum(filed_on <= ?2 AND (concluded_on IS NULL OR concluded_on > ?2)),"
  " sum(CASE WHEN concluded_on BETWEEN ?1 AND ?2 THEN amount_applied ELSE 0 END),"
  " sum(CASE WHEN concluded_on BETWEEN ?1 AND ?2 THEN amount_realized ELSE 0 END),"
  " sum(CASE WHEN concluded_on BETWEEN ?1 AND ?2"
  "     THEN julianday(concluded_on) - julianday(filed_on) ELSE 0 END),"
  " sum(concluded_on BETWEEN ?1 AND ?2 AND status = 'executed'),"
  " sum(concluded_on BETWEEN ?1 AND ?2 AND status = 'executed'"
  "     AND concluded_on <= coalesce(deadline_on, date(filed_on, '+6 months'))),"
  " sum(CASE WHEN concluded_on BETWEEN ?1 AND ?2 AND status = 'zhongben' THEN"
  "     concluded_on > date(filed_on, '+' || ?4 || ' months')"
  "     AND EXISTS (SELECT 1 FROM measures m WHERE m.case_id = cases.id"
  "                 AND m.kind = 'consumption_restriction' AND m.state IN ('executed', 'lifted'))"
  "     AND EXISTS (SELECT 1 FROM asset_queries q WHERE q.case_id = cases.id"
  "                 AND q.channel = 'national')"
  "     AND EXISTS (SELECT 1 FROM nodes n WHERE n.case_id = cases.id"
  "                 AND n.kind = 'execution_notice' AND n.done_on IS NOT NULL)"
  "     ELSE 0 END),"
  " sum(concluded_on BETWEEN ?3 AND ?2),"
  " sum(filed_on BETWEEN ?3 AND ?2 OR (filed_on < ?3 AND (concluded_on IS NULL OR concluded_on >= ?3)))"
  " FROM cases"
  " WHERE filed_on <= ?2 AND (concluded_on IS NULL OR concluded_on >= min(?1, ?3))"
  "   AND (?5 = 0 OR team_id = ?5) AND (?6 = 0 OR officer_id = ?6)"
  " GROUP BY 1, 2";

static const char overdue_sql[] =
  "SELECT coalesce(c.team_id, 0), coalesce(c.officer_id, 0), count(*)"
  " FROM nodes n JOIN cases c ON c.id = n.case_id"
  " WHERE n.due_on < ?1 AND (n.done_on IS NULL OR n.done_on > ?1)"
  "   AND (?2 = 0 OR c.team_id = ?2) AND (?3 = 0 OR c.officer_id = ?3)"
  " GROUP BY 1, 2";

static gboolean
prepare (sqlite3 *db, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    zx_set_sqlite_error (error, db, rc, _("Computing the statistics"));
  return rc == SQLITE_OK;
}

static gboolean
finish (sqlite3 *db, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Computing the statistics"));
      return FALSE;
    }
  return TRUE;
}

static Group *
group_for (GHashTable *groups, gint64 team, gint64 officer)
{
  char key[48];
  Group *g;

  g_snprintf (key, sizeof key, "%" PRId64 ":%" PRId64, team, officer);
  g = g_hash_table_lookup (groups, key);
  if (g == NULL)
    {
      g = g_new0 (Group, 1);
      g->team_id = team;
      g->officer_id = officer;
      g_hash_table_insert (groups, g_strdup (key), g);
    }
  return g;
}

static char *
three_years_before (const char *to)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, to);
  if (!g_date_valid (&date))
    return g_strdup (to);
  g_date_subtract_years (&date, 3);
  g_date_add_days (&date, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gint64
param_value (sqlite3 *db, const char *key, gint64 fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = fallback;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM rule_params WHERE key = ?", -1, &stmt, NULL)
      == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
scan_cases (sqlite3 *db, const ZxStatsQuery *q, GHashTable *groups, GError **error)
{
  g_autofree char *window = three_years_before (q->to);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (db, cases_sql, &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, q->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, q->to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, window, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, param_value (db, "zhongben_min_months", 3));
  sqlite3_bind_int64 (stmt, 5, q->team_id);
  sqlite3_bind_int64 (stmt, 6, q->officer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Group *g = group_for (groups, sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_int64 (stmt, 1));
      for (int i = 0; i < F_OVERDUE_NODES; i++)
        g->f[i] += i == F_DAYS_SUM ? llround (sqlite3_column_double (stmt, 2 + i))
                                   : sqlite3_column_int64 (stmt, 2 + i);
    }
  return finish (db, stmt, rc, error);
}

static gboolean
scan_overdue (sqlite3 *db, const ZxStatsQuery *q, GHashTable *groups, GError **error)
{
  const char *ref = g_strcmp0 (q->to, q->today) < 0 ? q->to : q->today;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (db, overdue_sql, &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, q->team_id);
  sqlite3_bind_int64 (stmt, 3, q->officer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    group_for (groups, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1))
        ->f[F_OVERDUE_NODES] += sqlite3_column_int64 (stmt, 2);
  return finish (db, stmt, rc, error);
}

static void
add_rate (JsonBuilder *b, const char *name, gint64 num, gint64 den)
{
  json_builder_set_member_name (b, name);
  if (den <= 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, round (1000.0 * (double) num / (double) den) / 10.0);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* The figures of one group as members of the object being built. */
static void
add_figures (JsonBuilder *b, const gint64 *f)
{
  gint64 base = f[F_CARRIED] + f[F_FILED];

  add_int (b, "filed", f[F_FILED]);
  add_int (b, "carried_over", f[F_CARRIED]);
  add_int (b, "concluded", f[F_CONCLUDED]);
  json_builder_set_member_name (b, "concluded_by");
  json_builder_begin_object (b);
  add_int (b, "executed", f[F_EXECUTED]);
  add_int (b, "zhongben", f[F_ZHONGBEN]);
  add_int (b, "terminated", f[F_TERMINATED]);
  add_int (b, "not_executed", f[F_NOT_EXECUTED]);
  add_int (b, "rejected", f[F_REJECTED]);
  add_int (b, "withdrawn", f[F_WITHDRAWN]);
  json_builder_end_object (b);
  add_int (b, "in_progress", f[F_IN_PROGRESS_END]);
  add_rate (b, "closure_rate", f[F_CONCLUDED], base);
  add_int (b, "amount_applied", f[F_APPLIED]);
  add_int (b, "amount_realized", f[F_REALIZED]);
  add_rate (b, "realization_rate", f[F_REALIZED], f[F_APPLIED]);
  json_builder_set_member_name (b, "average_days_to_close");
  if (f[F_CONCLUDED] > 0)
    json_builder_add_double_value (b, round (10.0 * f[F_DAYS_SUM] / f[F_CONCLUDED]) / 10.0);
  else
    json_builder_add_null_value (b);
  add_int (b, "overdue_nodes", f[F_OVERDUE_NODES]);

  json_builder_set_member_name (b, "indicators");
  json_builder_begin_object (b);
  add_int (b, "with_property_concluded", f[F_WITH_PROPERTY]);
  add_int (b, "with_property_on_time", f[F_ON_TIME]);
  add_rate (b, "on_time_rate", f[F_ON_TIME], f[F_WITH_PROPERTY]);
  add_int (b, "zhongben_compliant", f[F_ZHONGBEN_COMPLIANT]);
  add_rate (b, "zhongben_compliance_rate", f[F_ZHONGBEN_COMPLIANT], f[F_ZHONGBEN]);
  add_int (b, "three_year_concluded", f[F_3Y_CONCLUDED]);
  add_int (b, "three_year_base", f[F_3Y_BASE]);
  add_rate (b, "three_year_closure_rate", f[F_3Y_CONCLUDED], f[F_3Y_BASE]);
  json_builder_end_object (b);
}

static char *
name_of (sqlite3 *db, const char *table, gint64 id)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;
  const char *sql = g_str_equal (table, "teams") ? "SELECT name FROM teams WHERE id = ?"
                                                 : "SELECT name FROM staff WHERE id = ?";

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return name;
}

static gint
compare_groups (gconstpointer a, gconstpointer b)
{
  const Group *ga = *(Group *const *) a, *gb = *(Group *const *) b;

  if (ga->team_id != gb->team_id)
    return ga->team_id < gb->team_id ? -1 : 1;
  return ga->officer_id < gb->officer_id ? -1 : ga->officer_id > gb->officer_id;
}

static void
add_level (JsonBuilder *b, sqlite3 *db, const char *member, GPtrArray *groups, gboolean teams)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = g_ptr_array_index (groups, i);
      gint64 id = teams ? g->team_id : g->officer_id;
      g_autofree char *name = id != 0 ? name_of (db, teams ? "teams" : "staff", id) : NULL;

      json_builder_begin_object (b);
      add_int (b, "id", id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, name != NULL ? name : "");
      if (!teams)
        add_int (b, "team_id", g->team_id);
      add_figures (b, g->f);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Sums officer groups into team groups. */
static GPtrArray *
roll_up (GPtrArray *officers, Group *court)
{
  g_autoptr (GHashTable) by_team = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *teams = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < officers->len; i++)
    {
      Group *o = g_ptr_array_index (officers, i);
      Group *t = g_hash_table_lookup (by_team, &o->team_id);

      if (t == NULL)
        {
          t = g_new0 (Group, 1);
          t->team_id = o->team_id;
          g_ptr_array_add (teams, t);
          g_hash_table_insert (by_team, &t->team_id, t);
        }
      for (int f = 0; f < N_FIGURES; f++)
        {
          t->f[f] += o->f[f];
          court->f[f] += o->f[f];
        }
    }
  g_ptr_array_sort (teams, compare_groups);
  return teams;
}

static gboolean
add_work_report (JsonBuilder *b, sqlite3 *db, const ZxStatsQuery *q, GError **error);

JsonNode *
zx_stats_compute (ZxStore *store, const ZxStatsQuery *q, GError **error)
{
  sqlite3 *db = zx_store_get_db (store);
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) officers = g_ptr_array_new ();
  g_autoptr (GPtrArray) teams = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *court_name = zx_store_get_meta (store, "court_name");
  Group court = { 0 };
  GHashTableIter iter;
  gpointer value;
  gboolean ok;

  if (g_strcmp0 (q->from, q->to) > 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("The period starts (%s) after it ends (%s)."),
                   q->from, q->to);
      return NULL;
    }

  /* One read transaction: every figure describes the same moment. */
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  ok = scan_cases (db, q, groups, error) && scan_overdue (db, q, groups, error);
  if (ok)
    {
      g_hash_table_iter_init (&iter, groups);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (officers, value);
      g_ptr_array_sort (officers, compare_groups);
      teams = roll_up (officers, &court);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "court");
      json_builder_add_string_value (b, court_name != NULL ? court_name : "");
      json_builder_set_member_name (b, "period");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "from");
      json_builder_add_string_value (b, q->from);
      json_builder_set_member_name (b, "to");
      json_builder_add_string_value (b, q->to);
      json_builder_set_member_name (b, "today");
      json_builder_add_string_value (b, q->today);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "total");
      json_builder_begin_object (b);
      add_figures (b, court.f);
      json_builder_end_object (b);
      add_level (b, db, "teams", teams, TRUE);
      add_level (b, db, "officers", officers, FALSE);
      ok = add_work_report (b, db, q, error);
      json_builder_end_object (b);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return ok ? json_builder_get_root (b) : NULL;
}

/* ---- work-report figures ------------------------------------------------------------------ */

static gboolean
add_counts (JsonBuilder *b, sqlite3 *db, const ZxStatsQuery *q, const char *member,
            const char *sql, int n_values, const char *const *names, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (db, sql, &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, q->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, q->to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, q->team_id);
  sqlite3_bind_int64 (stmt, 4, q->officer_id);
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n_values == 1 && names == NULL)
        {
          /* key, count rows */
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          add_int (b, key != NULL ? key : "", sqlite3_column_int64 (stmt, 1));
        }
      else
        for (int i = 0; i < n_values; i++)
          add_int (b, names[i], sqlite3_column_int64 (stmt, i));
    }
  json_builder_end_object (b);
  return finish (db, stmt, rc, error);
}

#define CASE_SCOPE \
  " AND (?3 = 0 OR c.team_id = ?3) AND (?4 = 0 OR c.officer_id = ?4)"

static gboolean
add_work_report (JsonBuilder *b, sqlite3 *db, const ZxStatsQuery *q, GError **error)
{
  static const char *const auction_names[] = { "held", "items", "sold", "amount_sold" };
  static const char *const listing_names[] = { "listed", "entities" };
  static const char *const aid_names[] = { "granted", "amount_granted", "paid", "amount_paid" };
  gboolean ok;

  json_builder_set_member_name (b, "work_report");
  json_builder_begin_object (b);
  ok = add_counts (b, db, q, "queries",
                   "SELECT a.kind || '/' || a.channel, count(*) FROM asset_queries a"
                   " JOIN cases c ON c.id = a.case_id WHERE a.requested_on BETWEEN ?1 AND ?2"
                   CASE_SCOPE " GROUP BY 1 ORDER BY 1",
                   1, NULL, error)
       && add_counts (b, db, q, "auctions",
                      "SELECT count(*), count(DISTINCT coalesce(a.seizure_id, a.item)),"
                      " coalesce(sum(a.result = 'sold'), 0),"
                      " coalesce(sum(CASE WHEN a.result = 'sold' THEN a.price END), 0)"
                      " FROM auctions a JOIN cases c ON c.id = a.case_id"
                      " WHERE a.auction_on BETWEEN ?1 AND ?2 AND a.result IN ('sold', 'failed')"
                      CASE_SCOPE,
                      4, auction_names, error)
       && add_counts (b, db, q, "measures",
                      "SELECT m.kind, count(*) FROM measures m JOIN cases c ON c.id = m.case_id"
                      " WHERE m.state IN ('executed', 'lifted') AND m.executed_on BETWEEN ?1 AND ?2"
                      CASE_SCOPE " GROUP BY 1 ORDER BY 1",
                      1, NULL, error)
       && add_counts (b, db, q, "listings",
                      "SELECT count(*), coalesce(sum(p.kind = 'entity'), 0)"
                      " FROM blacklist_entries e JOIN parties p ON p.id = e.party_id"
                      " JOIN cases c ON c.id = e.case_id WHERE e.decided_on BETWEEN ?1 AND ?2"
                      CASE_SCOPE,
                      2, listing_names, error)
       && add_counts (b, db, q, "aid",
                      "SELECT coalesce(sum(a.decided_on BETWEEN ?1 AND ?2"
                      "   AND a.state IN ('granted', 'paid')), 0),"
                      " coalesce(sum(CASE WHEN a.decided_on BETWEEN ?1 AND ?2"
                      "   AND a.state IN ('granted', 'paid') THEN a.amount END), 0),"
                      " coalesce(sum(a.paid_on BETWEEN ?1 AND ?2), 0),"
                      " coalesce(sum(CASE WHEN a.paid_on BETWEEN ?1 AND ?2 THEN a.amount END), 0)"
                      " FROM aid a JOIN cases c ON c.id = a.case_id WHERE 1" CASE_SCOPE,
                      4, aid_names, error);
  if (ok)
    add_int (b, "aid_budget", param_value (db, "aid_budget", 0));
  json_builder_end_object (b);
  return ok;
}
