/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-stats"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "domain/zx-deadlines.h"
#include "store/zx-listing.h"
#include "store/zx-measures.h"
#include "store/zx-rules-load.h"
#include "zx-deadlines-report.h"

/* Four bounded reads, each walking an index range that only holds live items: open nodes due
 * by today + the largest warn_days, effective seizures expiring by today + 30 days, proposals
 * waiting for approval, list entries in force. CROSS JOIN keeps the indexed table outermost so
 * a team or officer filter never turns into a walk over all of that team's cases. */

typedef struct
{
  const char *kind;
  char       *subkind;
  const char *entity;
  gint64      id;
  gint64      case_id;
  char       *case_no;
  gint64      team_id;
  char       *team;
  gint64      officer_id;
  char       *officer;
  char       *due_on;
  int         days;
  char       *label;
} Item;

/* The case columns every query selects first, in this order. */
#define CASE_COLUMNS \
  " c.id, c.case_no, coalesce(c.team_id, 0), coalesce(t.name, ''), coalesce(c.officer_id, 0)," \
  " coalesce(s.name, '')"
#define CASE_JOINS \
  " LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN staff s ON s.id = c.officer_id"
#define CASE_FILTER " AND (?2 = 0 OR c.team_id = ?2) AND (?3 = 0 OR c.officer_id = ?3)"
#define N_CASE_COLUMNS 6

static const char nodes_sql[] =
  "SELECT" CASE_COLUMNS ", n.id, n.kind, n.occurrence, n.due_on, coalesce(r.name, n.kind),"
  " coalesce(r.warn_days, ?4), coalesce(r.repeat_count, 1)"
  " FROM nodes n INDEXED BY nodes_open_due"
  " CROSS JOIN cases c ON c.id = n.case_id"
  " LEFT JOIN node_rules r ON r.kind = n.kind" CASE_JOINS
  " WHERE n.done_on IS NULL AND n.due_on <= ?1" CASE_FILTER
  "   AND (c.concluded_on IS NULL OR r.trigger IN ('zhongben', 'money_received'))";

static const char seizures_sql[] =
  "SELECT" CASE_COLUMNS ", z.id, z.kind, z.object, z.expires_on"
  " FROM seizures z INDEXED BY seizures_expiry"
  " CROSS JOIN cases c ON c.id = z.case_id" CASE_JOINS
  " WHERE z.state = 'effective' AND z.expires_on <= ?1" CASE_FILTER;

static const char approvals_sql[] =
  "SELECT" CASE_COLUMNS ", m.id, m.kind, m.proposed_on, coalesce(p.name, '')"
  " FROM measures m INDEXED BY measures_state"
  " CROSS JOIN cases c ON c.id = m.case_id"
  " LEFT JOIN parties p ON p.id = m.party_id" CASE_JOINS
  " WHERE m.state = 'proposed' AND m.kind IN ('summons', 'detention', 'fine')"
  "   AND m.proposed_on <= ?1" CASE_FILTER;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->subkind);
  g_free (item->case_no);
  g_free (item->team);
  g_free (item->officer);
  g_free (item->due_on);
  g_free (item->label);
  g_free (item);
}

static char *
text (sqlite3_stmt *stmt, int column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (value != NULL ? value : "");
}

/* A new item with the case columns of STMT and its due date; NULL for a bad date. */
static Item *
item_new (sqlite3_stmt *stmt, const char *kind, const char *entity, const char *due_on,
          const char *today)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->entity = entity;
  item->case_id = sqlite3_column_int64 (stmt, 0);
  item->case_no = text (stmt, 1);
  item->team_id = sqlite3_column_int64 (stmt, 2);
  item->team = text (stmt, 3);
  item->officer_id = sqlite3_column_int64 (stmt, 4);
  item->officer = text (stmt, 5);
  item->id = sqlite3_column_int64 (stmt, N_CASE_COLUMNS);
  item->due_on = g_strdup (due_on);
  if (due_on == NULL || !zx_date_days_between (today, due_on, &item->days))
    {
      item_free (item);
      return NULL;
    }
  return item;
}

typedef void (*RowFunc) (sqlite3_stmt *stmt, const ZxDeadlinesQuery *q, gpointer data,
                         GPtrArray *items);

/* Runs SQL with ?1 = BOUND, ?2 team, ?3 officer, ?4 EXTRA and hands each row to FUNC. */
static gboolean
run_query (sqlite3 *db, const char *sql, const ZxDeadlinesQuery *q, const char *bound,
           gint64 extra, RowFunc func, gpointer data, GPtrArray *items, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, bound, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, q->team_id);
      sqlite3_bind_int64 (stmt, 3, q->officer_id);
      if (sqlite3_bind_parameter_count (stmt) >= 4)
        sqlite3_bind_int64 (stmt, 4, extra);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        func (stmt, q, data, items);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the deadlines"));
      return FALSE;
    }
  return TRUE;
}

/* ---- nodes ------------------------------------------------------------------------------- */

static void
node_row (sqlite3_stmt *stmt, const ZxDeadlinesQuery *q, gpointer data, GPtrArray *items)
{
  const int k = N_CASE_COLUMNS;
  const char *due_on = (const char *) sqlite3_column_text (stmt, k + 3);
  int warn = sqlite3_column_int (stmt, k + 5);
  ZxNodeStatus status = zx_node_status (due_on, NULL, q->today, warn);
  Item *item;

  if (status != ZX_NODE_DUE_SOON && status != ZX_NODE_OVERDUE)
    return;
  item = item_new (stmt, "node", "nodes", due_on, q->today);
  if (item == NULL)
    return;
  item->subkind = text (stmt, k + 1);
  if (sqlite3_column_int (stmt, k + 6) > 1)
    item->label = g_strdup_printf ("%s #%d", sqlite3_column_text (stmt, k + 4),
                                   sqlite3_column_int (stmt, k + 2));
  else
    item->label = text (stmt, k + 4);
  g_ptr_array_add (items, item);
}

/* The largest warn_days of any node rule (and of the default). */
static int
max_warn_days (sqlite3 *db, int fallback)
{
  sqlite3_stmt *stmt = NULL;
  int max = fallback;

  if (sqlite3_prepare_v2 (db, "SELECT max(warn_days) FROM node_rules", -1, &stmt, NULL)
        == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    max = MAX (max, sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  return max;
}

static gboolean
add_nodes (ZxStore *store, const ZxDeadlinesQuery *q, GPtrArray *items, GError **error)
{
  sqlite3 *db = zx_store_get_db (store);
  int warn = (int) zx_rules_param (store, "warn_days", 3);
  g_autofree char *bound = zx_date_add_days (q->today, max_warn_days (db, warn));

  return run_query (db, nodes_sql, q, bound, warn, node_row, NULL, items, error);
}

/* ---- seizures ---------------------------------------------------------------------------- */

typedef struct
{
  int warn;
  int urgent;
} SeizureWarn;

static void
seizure_row (sqlite3_stmt *stmt, const ZxDeadlinesQuery *q, gpointer data, GPtrArray *items)
{
  const int k = N_CASE_COLUMNS;
  SeizureWarn *w = data;
  const char *expires_on = (const char *) sqlite3_column_text (stmt, k + 3);
  ZxSeizureStatus status = zx_seizure_status ("effective", expires_on, q->today, w->warn,
                                              w->urgent);
  Item *item;

  if (status != ZX_SEIZURE_EXPIRING && status != ZX_SEIZURE_EXPIRING_SOON
      && status != ZX_SEIZURE_LAPSED)
    return;
  item = item_new (stmt, "seizure", "seizures", expires_on, q->today);
  if (item == NULL)
    return;
  item->subkind = g_strdup (zx_seizure_status_to_string (status));
  if (status == ZX_SEIZURE_LAPSED)
    item->label = g_strdup_printf (_("Seizure of “%s” lapsed unrenewed"),
                                   sqlite3_column_text (stmt, k + 2));
  else
    item->label = g_strdup_printf (_("Seizure of “%s” expires: renew or release it"),
                                   sqlite3_column_text (stmt, k + 2));
  g_ptr_array_add (items, item);
}

static gboolean
add_seizures (ZxStore *store, const ZxDeadlinesQuery *q, GPtrArray *items, GError **error)
{
  SeizureWarn w = {
    (int) zx_rules_param (store, "seizure_warn_first", 30),
    (int) zx_rules_param (store, "seizure_warn_second", 7),
  };
  g_autofree char *bound = zx_date_add_days (q->today, w.warn);

  return run_query (zx_store_get_db (store), seizures_sql, q, bound, 0, seizure_row, &w, items,
                    error);
}

/* ---- approvals --------------------------------------------------------------------------- */

static void
approval_row (sqlite3_stmt *stmt, const ZxDeadlinesQuery *q, gpointer data, GPtrArray *items)
{
  const int k = N_CASE_COLUMNS;
  const char *kind = (const char *) sqlite3_column_text (stmt, k + 1);
  g_autofree char *due_on = zx_date_add_days ((const char *) sqlite3_column_text (stmt, k + 2),
                                              GPOINTER_TO_INT (data));
  Item *item = item_new (stmt, "approval", "measures", due_on, q->today);

  if (item == NULL)
    return;
  item->subkind = g_strdup (kind);
  item->label = g_strdup_printf (_("%s of %s waits for the president's approval"),
                                 zx_measures_kind_label (kind), sqlite3_column_text (stmt, k + 3));
  g_ptr_array_add (items, item);
}

static gboolean
add_approvals (ZxStore *store, const ZxDeadlinesQuery *q, GPtrArray *items, GError **error)
{
  int days = (int) zx_rules_param (store, "measure_approval_days", 3);

  return run_query (zx_store_get_db (store), approvals_sql, q, q->today, 0, approval_row,
                    GINT_TO_POINTER (days), items, error);
}

/* ---- list removals ----------------------------------------------------------------------- */

static gboolean
add_removals (ZxStore *store, const ZxDeadlinesQuery *q, GPtrArray *items, GError **error)
{
  g_autoptr (GPtrArray) dues = zx_listing_due_removals (store, q->today, q->team_id,
                                                        q->officer_id, error);

  if (dues == NULL)
    return FALSE;
  for (guint i = 0; i < dues->len; i++)
    {
      ZxListingDue *d = g_ptr_array_index (dues, i);
      Item *item = g_new0 (Item, 1);

      *item = (Item) {
        .kind = "list_removal", .subkind = g_strdup (d->reason),
        .entity = "blacklist_entries", .id = d->entry_id, .case_id = d->case_id,
        .case_no = g_strdup (d->case_no), .team_id = d->team_id, .team = g_strdup (d->team),
        .officer_id = d->officer_id, .officer = g_strdup (d->officer),
        .due_on = g_strdup (d->due_on), .days = d->days,
        .label = g_strdup_printf (_("Remove %s from the list: %s"), d->party,
                                  zx_listing_reason_label (d->reason)),
      };
      g_ptr_array_add (items, item);
    }
  return TRUE;
}

/* ---- the document ------------------------------------------------------------------------ */

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const Item *x = *(Item *const *) a;
  const Item *y = *(Item *const *) b;
  int order = strcmp (x->due_on, y->due_on);

  if (order == 0)
    order = strcmp (x->kind, y->kind);
  if (order == 0)
    order = strcmp (x->case_no, y->case_no);
  if (order == 0)
    order = (x->id > y->id) - (x->id < y->id);
  return order;
}

static void
add_id (JsonBuilder *b, const char *name, gint64 id)
{
  json_builder_set_member_name (b, name);
  if (id != 0)
    json_builder_add_int_value (b, id);
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_item (JsonBuilder *b, const Item *item)
{
  json_builder_begin_object (b);
  add_string (b, "kind", item->kind);
  add_string (b, "subkind", item->subkind);
  add_string (b, "entity", item->entity);
  add_int (b, "id", item->id);
  add_int (b, "case_id", item->case_id);
  add_string (b, "case_no", item->case_no);
  add_id (b, "team_id", item->team_id);
  add_string (b, "team", item->team);
  add_id (b, "officer_id", item->officer_id);
  add_string (b, "officer", item->officer);
  add_string (b, "due_on", item->due_on);
  add_string (b, "status", item->days < 0 ? "overdue" : "due_soon");
  add_int (b, "days", item->days);
  add_string (b, "label", item->label);
  json_builder_end_object (b);
}

static JsonNode *
build_document (const ZxDeadlinesQuery *q, GPtrArray *items)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  gint64 overdue = 0;

  for (guint i = 0; i < items->len; i++)
    overdue += ((Item *) g_ptr_array_index (items, i))->days < 0;
  json_builder_begin_object (b);
  add_string (b, "today", q->today);
  add_id (b, "team_id", q->team_id);
  add_id (b, "officer_id", q->officer_id);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  add_int (b, "total", items->len);
  add_int (b, "overdue", overdue);
  add_int (b, "due_soon", items->len - overdue);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    add_item (b, g_ptr_array_index (items, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
zx_deadlines_report (ZxStore *store, const ZxDeadlinesQuery *query, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  sqlite3 *db;
  gboolean own_txn, ok;

  g_return_val_if_fail (ZX_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!zx_rules_check_date (query->today, _("Today"), error))
    return NULL;
  /* One read transaction: the four reads see the same moment. */
  db = zx_store_get_db (store);
  own_txn = sqlite3_get_autocommit (db)
            && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  ok = add_nodes (store, query, items, error) && add_seizures (store, query, items, error)
       && add_removals (store, query, items, error) && add_approvals (store, query, items, error);
  if (own_txn)
    sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  if (!ok)
    return NULL;
  g_ptr_array_sort (items, compare_items);
  return build_document (query, items);
}
