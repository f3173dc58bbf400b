/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Blacklist page's reads: the list entries with their party and case. */
#define G_LOG_DOMAIN "zx-blacklist-data"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "store/zx-store.h"
#include "zx-blacklist-data.h"

#define ENTRY_COLUMNS \
  "SELECT e.id, e.case_id, e.party_id, e.ground, e.conduct, e.state, e.applied_on," \
  "       e.decided_on, e.grace_until, e.published_on, e.period_end, e.removal_due_on," \
  "       e.removed_on, e.removal_reason, e.version," \
  "       p.kind, p.name, p.id_no, p.legal_rep," \
  "       c.case_no, c.filed_on, c.amount_applied, c.amount_realized, c.basis_org," \
  "       c.basis_doc_no" \
  "  FROM blacklist_entries e" \
  "  JOIN parties p ON p.id = e.party_id" \
  "  JOIN cases c ON c.id = e.case_id"

static const char entries_sql[] =
  ENTRY_COLUMNS
  " WHERE ?1 IS NULL OR e.state = ?1"
  " ORDER BY coalesce (e.decided_on, e.applied_on) DESC, e.id DESC";

static const char entry_sql[] = ENTRY_COLUMNS " WHERE e.id = ?1";

static const char count_sql[] =
  "SELECT count(*) FROM blacklist_entries WHERE ?1 IS NULL OR state = ?1";

/* The current row of STMT as column → value. */
static JsonObject *
row_object (sqlite3_stmt *stmt)
{
  JsonObject *row = json_object_new ();
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          json_object_set_null_member (row, name);
          break;
        case SQLITE_INTEGER:
          json_object_set_int_member (row, name, sqlite3_column_int64 (stmt, i));
          break;
        default:
          json_object_set_string_member (row, name, (const char *) sqlite3_column_text (stmt, i));
          break;
        }
    }

  return row;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the list entries"));
      return NULL;
    }

  return stmt;
}

GPtrArray *
zx_blacklist_data_load_entries (sqlite3     *db,
                                const char  *state,
                                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = prepare (db, entries_sql, error);
  if (stmt == NULL)
    return NULL;

  if (state != NULL)
    sqlite3_bind_text (stmt, 1, state, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_object (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the list entries"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

JsonObject *
zx_blacklist_data_load_entry (sqlite3     *db,
                              gint64       id,
                              GError     **error)
{
  JsonObject *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = prepare (db, entry_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = row_object (stmt);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, ZX_ERROR, ZX_ERROR_NOT_FOUND,
                 _("List entry %" PRId64 " does not exist."), id);
  else if (rc != SQLITE_ROW)
    zx_set_sqlite_error (error, db, rc, _("Reading the list entries"));

  return row;
}

gint64
zx_blacklist_data_count (sqlite3     *db,
                         const char  *state,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (db != NULL, -1);

  stmt = prepare (db, count_sql, error);
  if (stmt == NULL)
    return -1;

  if (state != NULL)
    sqlite3_bind_text (stmt, 1, state, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    zx_set_sqlite_error (error, db, rc, _("Reading the list entries"));
  sqlite3_finalize (stmt);

  return count;
}

const char *
zx_blacklist_row_str (JsonObject *row,
                      const char *name)
{
  JsonNode *node = json_object_get_member (row, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
zx_blacklist_row_int (JsonObject *row,
                      const char *name)
{
  JsonNode *node = json_object_get_member (row, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

void
zx_blacklist_data_facts (JsonObject       *row,
                         const char       *court,
                         ZxListEntryFacts *out_facts)
{
  const char *conduct = zx_blacklist_row_str (row, "conduct");

  *out_facts = (ZxListEntryFacts) {
    .state = zx_blacklist_row_str (row, "state"),
    .decided_on = zx_blacklist_row_str (row, "decided_on"),
    .published_on = zx_blacklist_row_str (row, "published_on"),
    .period_end = zx_blacklist_row_str (row, "period_end"),
    .grace_until = zx_blacklist_row_str (row, "grace_until"),
    .removed_on = zx_blacklist_row_str (row, "removed_on"),
    .is_person = g_strcmp0 (zx_blacklist_row_str (row, "kind"), "person") == 0,
    .name = zx_blacklist_row_str (row, "name"),
    .id_no = zx_blacklist_row_str (row, "id_no"),
    .legal_rep = zx_blacklist_row_str (row, "legal_rep"),
    .obligation = NULL,
    .amount_due = zx_blacklist_row_int (row, "amount_applied"),
    .amount_performed = zx_blacklist_row_int (row, "amount_realized"),
    .conduct = conduct != NULL && *conduct != '\0'
                 ? conduct
                 : zx_blacklist_ground_wording ((int) zx_blacklist_row_int (row, "ground")),
    .basis_org = zx_blacklist_row_str (row, "basis_org"),
    .basis_doc_no = zx_blacklist_row_str (row, "basis_doc_no"),
    .case_no = zx_blacklist_row_str (row, "case_no"),
    .filed_on = zx_blacklist_row_str (row, "filed_on"),
    .court = court,
  };
}

/* The same wording as the public list (app/stats/zx-public-list.c), so the preview matches. */
const char *
zx_blacklist_ground_wording (int ground)
{
  switch (ground)
    {
    case 1:
      return _("Able to perform the obligations of an effective legal document but refuses to");
    case 2:
      return _("Obstructs or resists enforcement by forgery, violence or threats");
    case 3:
      return _("Evades enforcement by false litigation, false arbitration or hiding or "
               "transferring assets");
    case 4:
      return _("Breaches the duty to report property");
    case 5:
      return _("Breaches the consumption restriction order");
    case 6:
      return _("Refuses without good reason to perform a settlement agreement");
    default:
      return "";
    }
}

const char *
zx_blacklist_ground_short (int ground)
{
  switch (ground)
    {
    case 1:
      /* Translators: short form of listing ground 1 (art. 1), for a table column */
      return C_("listing ground", "Able but refuses");
    case 2:
      /* Translators: short form of listing ground 2 (art. 1), for a table column */
      return C_("listing ground", "Obstructs enforcement");
    case 3:
      /* Translators: short form of listing ground 3 (art. 1), for a table column */
      return C_("listing ground", "Evades enforcement");
    case 4:
      /* Translators: short form of listing ground 4 (art. 1), for a table column */
      return C_("listing ground", "No property report");
    case 5:
      /* Translators: short form of listing ground 5 (art. 1), for a table column */
      return C_("listing ground", "Breaches consumption limit");
    case 6:
      /* Translators: short form of listing ground 6 (art. 1), for a table column */
      return C_("listing ground", "Refuses settlement");
    default:
      return "";
    }
}

const char *
zx_blacklist_state_label (const char *state)
{
  static const struct
  {
    const char *state;
    const char *label;
  } labels[] = {
    { "proposed", NC_("list entry state", "proposed") },
    { "decided", NC_("list entry state", "decided") },
    { "grace", NC_("list entry state", "in grace") },
    { "published", NC_("list entry state", "published") },
    { "removed", NC_("list entry state", "removed") },
    { "revoked", NC_("list entry state", "revoked") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].state, state) == 0)
      return g_dpgettext2 (NULL, "list entry state", labels[i].label);

  return state != NULL ? state : "";
}
