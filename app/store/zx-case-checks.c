/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "domain/zx-calendar.h"
#include "zx-case-checks.h"
#include "zx-roles.h"
#include "zx-rules-load.h"
#include "zx-store-private.h"

/* ---- 终本 ---------------------------------------------------------------------------------- */

/* One yes/no fact per query, each about case ?1. How the records answer each condition:
 * - the execution notice: its node done, or a notice measure carried out;
 * - the property-report order, and its check: the property_report node done;
 * - the consumption restriction: one carried out (or since lifted);
 * - qualifying debtors listed: no listing application still waiting for a decision;
 * - network queries: a national query of deposits, vehicles, real estate and securities;
 * - on-site investigation: an on-site query;
 * - a missing debtor searched for: the records have no "missing" mark, so this holds. */
static const char *const fact_sql[] = {
  "SELECT EXISTS (SELECT 1 FROM nodes WHERE case_id = ?1 AND kind = 'execution_notice'"
  " AND done_on IS NOT NULL) OR EXISTS (SELECT 1 FROM measures WHERE case_id = ?1"
  " AND kind = 'notice' AND state IN ('executed', 'lifted'))",
  "SELECT EXISTS (SELECT 1 FROM nodes WHERE case_id = ?1 AND kind = 'property_report'"
  " AND done_on IS NOT NULL)",
  "SELECT EXISTS (SELECT 1 FROM measures WHERE case_id = ?1"
  " AND kind = 'consumption_restriction' AND state IN ('executed', 'lifted'))",
  "SELECT NOT EXISTS (SELECT 1 FROM blacklist_entries WHERE case_id = ?1"
  " AND state = 'proposed')",
  "SELECT EXISTS (SELECT 1 FROM asset_queries WHERE case_id = ?1 AND channel = 'national'"
  " AND kind = 'bank')",
  "SELECT EXISTS (SELECT 1 FROM asset_queries WHERE case_id = ?1 AND channel = 'national'"
  " AND kind = 'vehicle')",
  "SELECT EXISTS (SELECT 1 FROM asset_queries WHERE case_id = ?1 AND channel = 'national'"
  " AND kind = 'real_estate')",
  "SELECT EXISTS (SELECT 1 FROM asset_queries WHERE case_id = ?1 AND channel = 'national'"
  " AND kind = 'securities')",
  "SELECT EXISTS (SELECT 1 FROM asset_queries WHERE case_id = ?1 AND channel = 'onsite')",
};

static gboolean
read_fact (ZxStore *store, const char *sql, gint64 case_id, gboolean *out, GError **error)
{
  sqlite3_stmt *stmt = zx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  zx_store_release (stmt);
  if (rc != SQLITE_ROW)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the case's records"));
      return FALSE;
    }
  return TRUE;
}

GArray *
zx_store_zhongben_check (ZxStore *store, gint64 case_id, const char *today, GError **error)
{
  g_autoptr (JsonObject) row = zx_store_get_row (store, "cases", case_id, error);
  gboolean *fields[G_N_ELEMENTS (fact_sql)];
  ZxZhongbenFacts facts = { 0 };

  if (row == NULL)
    return NULL;
  fields[0] = &facts.notice_issued;
  fields[1] = &facts.report_order_issued;
  fields[2] = &facts.consumption_restricted;
  fields[3] = &facts.qualifying_listed;
  fields[4] = &facts.queried_deposits;
  fields[5] = &facts.queried_vehicles;
  fields[6] = &facts.queried_real_estate;
  fields[7] = &facts.queried_securities;
  fields[8] = &facts.onsite_checked;
  for (guint i = 0; i < G_N_ELEMENTS (fact_sql); i++)
    if (!read_fact (store, fact_sql[i], case_id, fields[i], error))
      return NULL;

  facts.report_checked = facts.report_order_issued;
  facts.missing_search_done = TRUE;
  facts.filed_on = zx_row_str (row, "filed_on");
  facts.today = today;
  facts.min_months = zx_rules_param_months (store, "zhongben_min_months", 3);
  return zx_zhongben_check (&facts);
}

/* ---- time-limit extension ----------------------------------------------------------------- */

typedef struct
{
  gint64      case_id, version;
  int         months;
  const char *asked_on, *reason;
} Extension;

static gboolean
move_limit_node (ZxTxn *txn, gint64 case_id, const char *deadline, GError **error)
{
  ZxStore *store = zx_txn_get_store (txn);
  sqlite3_stmt *stmt = zx_store_prepare (store,
                                         "SELECT id, version FROM nodes WHERE case_id = ? AND "
                                         "kind = 'case_concluded' AND done_on IS NULL",
                                         error);
  g_autoptr (JsonObject) change = json_object_new ();
  gint64 id = 0, version = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
    }
  zx_store_release (stmt);
  if (id == 0)
    return TRUE;
  json_object_set_string_member (change, "due_on", deadline);
  return zx_txn_update (txn, "nodes", id, version, change, error);
}

static gboolean
extend_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Extension *x = user_data;
  ZxStore *store = zx_txn_get_store (txn);
  g_autoptr (JsonObject) row = zx_rules_get_row_checked (txn, "cases", x->case_id, x->version,
                                                         error);
  g_autoptr (JsonObject) change = json_object_new ();
  g_autofree char *ask_by = NULL;
  g_autofree char *deadline = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) audit_node = NULL;
  g_autofree char *audit = NULL;
  const char *current;
  int before;

  if (row == NULL || !zx_roles_require (store, ZX_ACTION_CASE_EXTEND, NULL, NULL, error))
    return FALSE;
  current = zx_row_str (row, "deadline_on");
  if (current == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("Case %s has no time limit to extend."),
                   zx_row_str (row, "case_no"));
      return FALSE;
    }
  before = (int) zx_rules_param (store, "extension_request_before", 5);
  ask_by = zx_date_add_days (current, -before);
  if (ask_by == NULL || strcmp (x->asked_on, ask_by) > 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("An extension of case %s had to be asked for by %s (%d days before its "
                     "limit, %s); it was asked on %s."),
                   zx_row_str (row, "case_no"), ask_by != NULL ? ask_by : "?", before, current,
                   x->asked_on);
      return FALSE;
    }
  deadline = zx_date_add_months (current, x->months);
  json_object_set_string_member (change, "deadline_on", deadline);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, current);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, deadline);
  json_builder_set_member_name (b, "months");
  json_builder_add_int_value (b, x->months);
  json_builder_set_member_name (b, "asked_on");
  json_builder_add_string_value (b, x->asked_on);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, x->reason);
  json_builder_end_object (b);
  audit_node = json_builder_get_root (b);
  audit = json_to_string (audit_node, FALSE);
  return zx_txn_update (txn, "cases", x->case_id, zx_row_int (row, "version"), change, error)
         && move_limit_node (txn, x->case_id, deadline, error)
         && zx_txn_audit (txn, "extend", "cases", x->case_id, NULL, audit, error);
}

gboolean
zx_store_extend_case (ZxStore *store, gint64 case_id, gint64 expected_version, int months,
                      const char *asked_on, const char *reason, GError **error)
{
  Extension x = { case_id, expected_version, months, asked_on, reason };

  if (months < 1 || months > 12)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("An extension is 1 to 12 months, not %d."), months);
      return FALSE;
    }
  if (!zx_rules_check_date (asked_on, _("Extension request"), error)
      || !zx_rules_require_text (reason, _("Extension"), error))
    return FALSE;
  return zx_store_write (store, extend_txn, &x, error);
}
