/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zx-nodes.h"
#include "zx-store-private.h"

/* What each event does to the nodes: the node kind it fulfils and the trigger it starts. */
typedef struct
{
  const char *event;
  const char *complete;       /* node kind done by the event, or NULL */
  const char *complete_also;  /* a second kind (the urgent variant), or NULL */
  const char *trigger;        /* node_rules.trigger started by the event, or NULL */
} EventRule;

static const EventRule event_rules[] = {
  { "filed", NULL, NULL, "filed" },
  { "assigned", "officer_assigned", NULL, "assigned" },
  { "execution_notice", "execution_notice", NULL, NULL },
  { "property_report_order", "property_report", NULL, NULL },
  { "query_national", "network_query", NULL, NULL },
  { "query_p2p", "p2p_query", NULL, NULL },
  { "four_checks", "four_checks", NULL, NULL },
  { "lead", NULL, NULL, "lead" },
  { "lead_urgent", NULL, NULL, "lead_urgent" },
  { "lead_verified", "lead_verified", "lead_verified_urgent", NULL },
  { "concluded", "case_concluded", NULL, NULL },
  { "zhongben", "case_concluded", NULL, "zhongben" },
  { "requery", "zhongben_requery", NULL, NULL },
  { "money_received", NULL, NULL, "money_received" },
  { "money_paid_out", "money_payout", NULL, NULL },
};

/* TRUE (in OUT_EXISTS) when the case already has that node. */
static gboolean
node_exists (ZxStore *store, gint64 case_id, const ZxNodeDue *due, gboolean *out_exists,
             GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = zx_store_prepare (store,
                           "SELECT 1 FROM nodes WHERE case_id = ? AND kind = ?"
                           " AND occurrence = ? AND coalesce(ref_id, 0) = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, due->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, due->occurrence);
  sqlite3_bind_int64 (stmt, 4, due->ref_id);
  rc = sqlite3_step (stmt);
  zx_store_release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the process nodes"));
      return FALSE;
    }
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
insert_node (ZxTxn *txn, gint64 case_id, const ZxNodeDue *due, GError **error)
{
  g_autoptr (JsonObject) fields = json_object_new ();
  gboolean exists = FALSE;

  if (!node_exists (zx_txn_get_store (txn), case_id, due, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;
  json_object_set_int_member (fields, "case_id", case_id);
  json_object_set_string_member (fields, "kind", due->kind);
  json_object_set_int_member (fields, "occurrence", due->occurrence);
  if (due->ref_id != 0)
    json_object_set_int_member (fields, "ref_id", due->ref_id);
  json_object_set_string_member (fields, "due_on", due->due_on);
  return zx_txn_insert (txn, "nodes", fields, NULL, error);
}

gboolean
zx_nodes_create_for_event_ref (ZxTxn *txn, gint64 case_id, const char *trigger,
                               const char *event_date, gint64 ref_id, ZxCalendar *calendar,
                               const ZxNodeRules *rules, GError **error)
{
  ZxStore *store = zx_txn_get_store (txn);
  g_autoptr (ZxCalendar) own_cal = NULL;
  g_autoptr (ZxNodeRules) own_rules = NULL;
  g_autoptr (GArray) plan = NULL;
  ZxNodeEvent event = { trigger, event_date, ref_id };

  g_return_val_if_fail (txn != NULL && trigger != NULL, FALSE);

  if (!zx_rules_check_date (event_date, _("Creating the process nodes"), error))
    return FALSE;
  if (calendar == NULL && (calendar = own_cal = zx_rules_load_calendar (store, error)) == NULL)
    return FALSE;
  if (rules == NULL && (rules = own_rules = zx_rules_load_node_rules (store, error)) == NULL)
    return FALSE;

  plan = zx_nodes_plan (calendar, rules->rules, rules->n_rules, &event, 1, error);
  if (plan == NULL)
    return FALSE;
  for (guint i = 0; i < plan->len; i++)
    if (!insert_node (txn, case_id, &g_array_index (plan, ZxNodeDue, i), error))
      return FALSE;
  return TRUE;
}

gboolean
zx_nodes_create_for_event (ZxTxn *txn, gint64 case_id, const char *trigger,
                           const char *event_date, ZxCalendar *calendar,
                           const ZxNodeRules *rules, GError **error)
{
  return zx_nodes_create_for_event_ref (txn, case_id, trigger, event_date, 0, calendar, rules,
                                        error);
}

/* The earliest open node of KIND (of REF_ID unless 0): id and version, or 0. */
static gboolean
find_open_node (ZxStore *store, gint64 case_id, const char *kind, gint64 ref_id, gint64 *out_id,
                gint64 *out_version, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = zx_store_prepare (store,
                           "SELECT id, version FROM nodes WHERE case_id = ?1 AND kind = ?2"
                           " AND done_on IS NULL AND (?3 = 0 OR ref_id = ?3)"
                           " ORDER BY due_on, occurrence, id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, ref_id);
  *out_id = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      *out_version = sqlite3_column_int64 (stmt, 1);
    }
  zx_store_release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the process nodes"));
      return FALSE;
    }
  return TRUE;
}

gboolean
zx_nodes_complete_ref (ZxTxn *txn, gint64 case_id, const char *kind, gint64 ref_id,
                       const char *done_on, GError **error)
{
  g_autoptr (JsonObject) fields = NULL;
  gint64 id = 0, version = 0;

  g_return_val_if_fail (txn != NULL && kind != NULL, FALSE);

  if (!zx_rules_check_date (done_on, _("Completing a process node"), error))
    return FALSE;
  if (!find_open_node (zx_txn_get_store (txn), case_id, kind, ref_id, &id, &version, error))
    return FALSE;
  if (id == 0)
    return TRUE;
  fields = json_object_new ();
  json_object_set_string_member (fields, "done_on", done_on);
  return zx_txn_update (txn, "nodes", id, version, fields, error);
}

gboolean
zx_nodes_complete (ZxTxn *txn, gint64 case_id, const char *kind, const char *done_on,
                   GError **error)
{
  return zx_nodes_complete_ref (txn, case_id, kind, 0, done_on, error);
}

gboolean
zx_nodes_on_event (ZxTxn *txn, gint64 case_id, const char *event, const char *date,
                   gint64 ref_id, GError **error)
{
  const EventRule *rule = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (event_rules) && rule == NULL; i++)
    if (g_strcmp0 (event_rules[i].event, event) == 0)
      rule = &event_rules[i];
  if (rule == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("“%s” is not a case event."),
                   event != NULL ? event : "");
      return FALSE;
    }
  if (rule->complete != NULL
      && !zx_nodes_complete_ref (txn, case_id, rule->complete, ref_id, date, error))
    return FALSE;
  if (rule->complete_also != NULL
      && !zx_nodes_complete_ref (txn, case_id, rule->complete_also, ref_id, date, error))
    return FALSE;
  if (rule->trigger != NULL
      && !zx_nodes_create_for_event_ref (txn, case_id, rule->trigger, date, ref_id, NULL, NULL,
                                         error))
    return FALSE;
  return TRUE;
}

/* ---- one-shot forms ---------------------------------------------------------------------- */

typedef struct
{
  gint64      case_id;
  const char *event;
  const char *date;
  gint64      ref_id;
  JsonObject *fields;
  gint64      new_id;
} EventData;

static gboolean
event_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  EventData *d = user_data;
  g_autoptr (JsonObject) row = zx_txn_get_row (txn, "cases", d->case_id, error);

  if (row == NULL)
    return FALSE;
  return zx_nodes_on_event (txn, d->case_id, d->event, d->date, d->ref_id, error);
}

gboolean
zx_nodes_record_event (ZxStore *store, gint64 case_id, const char *event, const char *date,
                       gint64 ref_id, GError **error)
{
  EventData data = { case_id, event, date, ref_id, NULL, 0 };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, event_txn, &data, error);
}

/* A national query in a 终本 case after its conclusion is the periodic re-query. */
static gboolean
complete_requery (ZxTxn *txn, gint64 case_id, const char *date, GError **error)
{
  g_autoptr (JsonObject) row = zx_txn_get_row (txn, "cases", case_id, error);
  const char *status, *concluded_on;

  if (row == NULL)
    return FALSE;
  status = json_object_get_string_member_with_default (row, "status", "");
  concluded_on = json_object_get_string_member_with_default (row, "concluded_on", NULL);
  if (!g_str_equal (status, "zhongben") || concluded_on == NULL
      || g_strcmp0 (date, concluded_on) <= 0)
    return TRUE;
  return zx_nodes_complete (txn, case_id, "zhongben_requery", date, error);
}

static gboolean
query_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  EventData *d = user_data;
  const char *channel, *date;
  gint64 case_id;

  if (!zx_txn_insert (txn, "asset_queries", d->fields, &d->new_id, error))
    return FALSE;
  case_id = json_object_get_int_member_with_default (d->fields, "case_id", 0);
  channel = json_object_get_string_member_with_default (d->fields, "channel", "");
  date = json_object_get_string_member_with_default (d->fields, "requested_on", NULL);
  if (g_str_equal (channel, "national"))
    return zx_nodes_complete (txn, case_id, "network_query", date, error)
           && complete_requery (txn, case_id, date, error);
  if (g_str_equal (channel, "local"))
    return zx_nodes_complete (txn, case_id, "p2p_query", date, error);
  return TRUE;
}

gint64
zx_nodes_record_query (ZxStore *store, JsonObject *fields, GError **error)
{
  EventData data = { 0, NULL, NULL, 0, fields, 0 };

  g_return_val_if_fail (ZX_IS_STORE (store), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!zx_store_write (store, query_txn, &data, error))
    return 0;
  return data.new_id;
}
