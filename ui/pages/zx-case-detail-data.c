/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case detail's reads: one small prepared SELECT per section, each bound to the case id and
 * answered from the case_id indexes (and audit_entity for the history). */
#define G_LOG_DOMAIN "zx-case-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "store/zx-store.h"
#include "zx-case-detail-data.h"

static const char case_sql[] =
  "SELECT c.id, c.case_no, c.type_code, c.filed_on, c.basis_type, c.basis_doc_no,"
  " c.basis_org, c.amount_applied, c.amount_realized, c.livelihood, c.small_amount,"
  " c.non_litigation, c.status, c.concluded_on, c.deadline_on, c.assigned_on, c.version,"
  " t.name AS team, o.name AS officer, j.name AS trial_judge"
  " FROM cases c"
  " LEFT JOIN teams t ON t.id = c.team_id"
  " LEFT JOIN staff o ON o.id = c.officer_id"
  " LEFT JOIN staff j ON j.id = c.trial_judge_id"
  " WHERE c.id = ?1";

static const char *const section_sql[ZX_CASE_DETAIL_N_SECTIONS] = {
  [ZX_CASE_DETAIL_PARTIES] =
    "SELECT id, role, kind, name, id_no, id_flag, legal_rep, phone, address, version"
    " FROM parties WHERE case_id = ?1"
    " ORDER BY CASE role WHEN 'applicant' THEN 0 WHEN 'respondent' THEN 1 ELSE 2 END, id",

  [ZX_CASE_DETAIL_NODES] =
    "SELECT n.id, n.kind, n.occurrence, n.ref_id, n.due_on, n.done_on, n.note,"
    " coalesce(r.name, n.kind) AS name, coalesce(r.warn_days, 3) AS warn_days"
    " FROM nodes n LEFT JOIN node_rules r ON r.kind = n.kind"
    " WHERE n.case_id = ?1 ORDER BY n.due_on, n.id",

  [ZX_CASE_DETAIL_QUERIES] =
    "SELECT q.id, q.kind, q.channel, q.requested_on, q.answered_on, q.result,"
    " q.found_amount, q.note, p.name AS party"
    " FROM asset_queries q LEFT JOIN parties p ON p.id = q.party_id"
    " WHERE q.case_id = ?1 ORDER BY q.requested_on DESC, q.id DESC",

  [ZX_CASE_DETAIL_SEIZURES] =
    "SELECT s.id, s.object, s.kind, s.state, s.waiting_rank, s.start_on, s.expires_on,"
    " s.renewed_count, s.released_on, s.amount, s.note, p.name AS party"
    " FROM seizures s LEFT JOIN parties p ON p.id = s.party_id"
    " WHERE s.case_id = ?1"
    " ORDER BY s.state NOT IN ('effective', 'waiting'), s.expires_on, s.id",

  [ZX_CASE_DETAIL_MEASURES] =
    "SELECT m.id, m.kind, m.state, m.proposed_on, m.approved_on, m.executed_on, m.days,"
    " m.amount, m.note, m.version, p.name AS party, p.kind AS party_kind,"
    " sp.name AS proposer, sa.name AS approver, se.name AS executor"
    " FROM measures m"
    " LEFT JOIN parties p ON p.id = m.party_id"
    " LEFT JOIN staff sp ON sp.id = m.proposed_by"
    " LEFT JOIN staff sa ON sa.id = m.approver_id"
    " LEFT JOIN staff se ON se.id = m.executed_by"
    " WHERE m.case_id = ?1 ORDER BY m.proposed_on DESC, m.id DESC",

  [ZX_CASE_DETAIL_LIST_ENTRIES] =
    "SELECT b.id, b.ground, b.conduct, b.state, b.applied_on, b.decided_on, b.grace_until,"
    " b.published_on, b.period_end, b.removal_due_on, b.removed_on, b.removal_reason,"
    " p.name AS party"
    " FROM blacklist_entries b LEFT JOIN parties p ON p.id = b.party_id"
    " WHERE b.case_id = ?1 ORDER BY coalesce(b.applied_on, b.decided_on) DESC, b.id DESC",

  [ZX_CASE_DETAIL_AUCTIONS] =
    "SELECT id, item, round, appraisal, reserve, deposit, announced_on, auction_on, result,"
    " price FROM auctions WHERE case_id = ?1 ORDER BY id",

  [ZX_CASE_DETAIL_AID] =
    "SELECT a.id, a.amount, a.state, a.applied_on, a.decided_on, a.paid_on, a.note,"
    " p.name AS party"
    " FROM aid a LEFT JOIN parties p ON p.id = a.party_id"
    " WHERE a.case_id = ?1 ORDER BY a.applied_on DESC, a.id DESC",

  /* One indexed lookup per table (audit_entity), newest first. */
  [ZX_CASE_DETAIL_HISTORY] =
    "SELECT a.seq, a.at, a.actor, s.name AS actor_name, a.action, a.entity, a.entity_id,"
    " a.before_json, a.after_json"
    " FROM ("
    "  SELECT * FROM audit WHERE entity = 'cases' AND entity_id = ?1"
    "  UNION ALL SELECT * FROM audit WHERE entity = 'parties'"
    "   AND entity_id IN (SELECT id FROM parties WHERE case_id = ?1)"
    "  UNION ALL SELECT * FROM audit WHERE entity = 'nodes'"
    "   AND entity_id IN (SELECT id FROM nodes WHERE case_id = ?1)"
    "  UNION ALL SELECT * FROM audit WHERE entity = 'asset_queries'"
    "   AND entity_id IN (SELECT id FROM asset_queries WHERE case_id = ?1)"
    "  UNION ALL SELECT * FROM audit WHERE entity = 'seizures'"
    "   AND entity_id IN (SELECT id FROM seizures WHERE case_id = ?1)"
    "  UNION ALL SELECT * FROM audit WHERE entity = 'measures'"
    "   AND entity_id IN (SELECT id FROM measures WHERE case_id = ?1)"
    "  UNION ALL SELECT * FROM audit WHERE entity = 'blacklist_entries'"
    "   AND entity_id IN (SELECT id FROM blacklist_entries WHERE case_id = ?1)"
    "  UNION ALL SELECT * FROM audit WHERE entity = 'auctions'"
    "   AND entity_id IN (SELECT id FROM auctions WHERE case_id = ?1)"
    "  UNION ALL SELECT * FROM audit WHERE entity = 'aid'"
    "   AND entity_id IN (SELECT id FROM aid WHERE case_id = ?1)"
    " ) a LEFT JOIN staff s ON s.login = a.actor"
    " ORDER BY a.seq DESC LIMIT ?2",
};

/* The tables whose rows belong to a case, for zx_case_detail_data_case_of(). */
static const struct
{
  const char *entity;
  const char *sql;
} case_of_sql[] = {
  { "parties", "SELECT case_id FROM parties WHERE id = ?1" },
  { "nodes", "SELECT case_id FROM nodes WHERE id = ?1" },
  { "asset_queries", "SELECT case_id FROM asset_queries WHERE id = ?1" },
  { "seizures", "SELECT case_id FROM seizures WHERE id = ?1" },
  { "measures", "SELECT case_id FROM measures WHERE id = ?1" },
  { "blacklist_entries", "SELECT case_id FROM blacklist_entries WHERE id = ?1" },
  { "auctions", "SELECT case_id FROM auctions WHERE id = ?1" },
  { "aid", "SELECT case_id FROM aid WHERE id = ?1" },
};

static const struct
{
  const char          *entity;
  ZxCaseDetailSection  section;
} entity_sections[] = {
  { "parties", ZX_CASE_DETAIL_PARTIES },
  { "nodes", ZX_CASE_DETAIL_NODES },
  { "asset_queries", ZX_CASE_DETAIL_QUERIES },
  { "seizures", ZX_CASE_DETAIL_SEIZURES },
  { "measures", ZX_CASE_DETAIL_MEASURES },
  { "blacklist_entries", ZX_CASE_DETAIL_LIST_ENTRIES },
  { "auctions", ZX_CASE_DETAIL_AUCTIONS },
  { "aid", ZX_CASE_DETAIL_AID },
};

/* Columns every editable row has, which say nothing about what changed. */
static const char *const bookkeeping_columns[] = {
  "id", "version", "created_at", "updated_at", "updated_by",
};

static JsonObject *parse_object (const char *json);

static JsonObject *
row_to_object (sqlite3_stmt *stmt)
{
  JsonObject *row = json_object_new ();
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          json_object_set_int_member (row, name, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_object_set_double_member (row, name, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_TEXT:
          json_object_set_string_member (row, name, (const char *) sqlite3_column_text (stmt, i));
          break;
        case SQLITE_NULL:
          json_object_set_null_member (row, name);
          break;
        case SQLITE_BLOB:
        default:
          /* Photos are not shown here. */
          break;
        }
    }

  return row;
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **out_stmt,
         GError       **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, out_stmt, NULL);

  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the case"));
      return FALSE;
    }

  return TRUE;
}

JsonObject *
zx_case_detail_data_load_case (sqlite3  *db,
                               gint64    case_id,
                               GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  JsonObject *row = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if (!prepare (db, case_sql, &stmt, error))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = row_to_object (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ZX_ERROR, ZX_ERROR_NOT_FOUND,
                 _("Case %" PRId64 " does not exist (it may have been deleted)."), case_id);
  else
    zx_set_sqlite_error (error, db, rc, _("Reading the case"));

  sqlite3_finalize (stmt);

  return row;
}

GPtrArray *
zx_case_detail_data_load_section (sqlite3              *db,
                                  ZxCaseDetailSection   section,
                                  gint64                case_id,
                                  GError              **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (section < ZX_CASE_DETAIL_N_SECTIONS, NULL);

  if (!prepare (db, section_sql[section], &stmt, error))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, case_id);
  if (section == ZX_CASE_DETAIL_HISTORY)
    sqlite3_bind_int (stmt, 2, ZX_CASE_DETAIL_HISTORY_LIMIT);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_to_object (stmt));

  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the case"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);

  return g_steal_pointer (&rows);
}

gint64
zx_case_detail_data_case_of (sqlite3    *db,
                             const char *entity,
                             gint64      id)
{
  gint64 case_id = 0;

  g_return_val_if_fail (db != NULL, 0);

  if (g_strcmp0 (entity, "cases") == 0)
    return id;

  for (guint i = 0; i < G_N_ELEMENTS (case_of_sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (g_strcmp0 (entity, case_of_sql[i].entity) != 0)
        continue;

      if (sqlite3_prepare_v2 (db, case_of_sql[i].sql, -1, &stmt, NULL) != SQLITE_OK)
        return 0;

      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        case_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      break;
    }

  return case_id;
}

char *
zx_case_detail_data_staff_name (sqlite3    *db,
                                const char *login)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (login == NULL
      || sqlite3_prepare_v2 (db, "SELECT name FROM staff WHERE login = ?1", -1, &stmt,
                             NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return name;
}

static char *
lookup_text (sqlite3    *db,
             const char *sql,
             gint64      id,
             const char *text)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

char *
zx_case_detail_data_name_of (sqlite3    *db,
                             const char *field,
                             gint64      id)
{
  static const char *const staff_fields[] = {
    "officer_id", "trial_judge_id", "proposed_by", "approver_id", "executed_by",
  };

  g_return_val_if_fail (db != NULL, NULL);

  if (field == NULL)
    return NULL;

  if (g_str_equal (field, "party_id"))
    return lookup_text (db, "SELECT name FROM parties WHERE id = ?1", id, NULL);
  if (g_str_equal (field, "team_id"))
    return lookup_text (db, "SELECT name FROM teams WHERE id = ?1", id, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (staff_fields); i++)
    {
      if (g_str_equal (field, staff_fields[i]))
        return lookup_text (db, "SELECT name FROM staff WHERE id = ?1", id, NULL);
    }

  return NULL;
}

char *
zx_case_detail_data_audit_subject (sqlite3    *db,
                                   const char *entity,
                                   const char *before_json,
                                   const char *after_json)
{
  g_autoptr(JsonObject) row = parse_object (after_json != NULL ? after_json : before_json);
  g_autofree char *kind = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (row == NULL || entity == NULL)
    return NULL;

  kind = zx_case_detail_data_value_text (row, "kind");

  if (g_str_equal (entity, "parties"))
    return zx_case_detail_data_value_text (row, "name");
  if (g_str_equal (entity, "seizures"))
    return zx_case_detail_data_value_text (row, "object");
  if (g_str_equal (entity, "auctions"))
    return zx_case_detail_data_value_text (row, "item");
  if (g_str_equal (entity, "nodes") && kind != NULL)
    {
      char *name = lookup_text (db, "SELECT name FROM node_rules WHERE kind = ?1", 0, kind);

      return name != NULL ? name : g_steal_pointer (&kind);
    }
  if ((g_str_equal (entity, "measures") || g_str_equal (entity, "asset_queries"))
      && kind != NULL)
    return g_strdup (zx_case_detail_data_value_label (entity, "kind", kind));
  if ((g_str_equal (entity, "blacklist_entries") || g_str_equal (entity, "aid"))
      && json_object_has_member (row, "party_id"))
    return zx_case_detail_data_name_of (db, "party_id",
                                        json_object_get_int_member (row, "party_id"));

  return NULL;
}

char *
zx_case_detail_data_local_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;

  at = g_date_time_new_from_iso8601 (iso, utc);
  if (at == NULL)
    return g_strdup (iso);

  local = g_date_time_to_local (at);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* ---- differences --------------------------------------------------------------------------- */

void
zx_field_change_free (ZxFieldChange *change)
{
  if (change == NULL)
    return;

  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static char *
node_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? "true" : "false");
      if (type == G_TYPE_DOUBLE)
        return g_strdup_printf ("%g", json_node_get_double (node));
    }

  return json_to_string (node, FALSE);
}

char *
zx_case_detail_data_value_text (JsonObject *row,
                                const char *member)
{
  if (row == NULL || member == NULL)
    return NULL;

  return node_text (json_object_get_member (row, member));
}

static gboolean
is_bookkeeping (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (bookkeeping_columns); i++)
    {
      if (g_str_equal (field, bookkeeping_columns[i]))
        return TRUE;
    }

  return FALSE;
}

static void
add_change_if_different (GPtrArray  *changes,
                         const char *field,
                         JsonObject *before,
                         JsonObject *after)
{
  g_autofree char *old_value = zx_case_detail_data_value_text (before, field);
  g_autofree char *new_value = zx_case_detail_data_value_text (after, field);
  ZxFieldChange *change;

  if (is_bookkeeping (field) || g_strcmp0 (old_value, new_value) == 0)
    return;

  change = g_new0 (ZxFieldChange, 1);
  change->field = g_strdup (field);
  change->old_value = g_steal_pointer (&old_value);
  change->new_value = g_steal_pointer (&new_value);
  g_ptr_array_add (changes, change);
}

GPtrArray *
zx_case_detail_data_diff_rows (JsonObject *before,
                               JsonObject *after)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) zx_field_change_free);

  /* The fields of the newer row in its column order, then any the older one had alone. */
  if (after != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (after);

      for (GList *l = names; l != NULL; l = l->next)
        add_change_if_different (changes, l->data, before, after);
    }

  if (before != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (before);

      for (GList *l = names; l != NULL; l = l->next)
        {
          if (after == NULL || !json_object_has_member (after, l->data))
            add_change_if_different (changes, l->data, before, after);
        }
    }

  return changes;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (json == NULL || *json == '\0')
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

GPtrArray *
zx_case_detail_data_diff_json (const char *before_json,
                               const char *after_json)
{
  g_autoptr(JsonObject) before = parse_object (before_json);
  g_autoptr(JsonObject) after = parse_object (after_json);
  GPtrArray *changes;

  changes = zx_case_detail_data_diff_rows (before, after);

  /* Something that is not a row (a free-form audit note): show it as it is. */
  if (after == NULL && after_json != NULL && *after_json != '\0')
    {
      ZxFieldChange *change = g_new0 (ZxFieldChange, 1);

      change->field = g_strdup ("");
      change->new_value = g_strdup (after_json);
      g_ptr_array_add (changes, change);
    }

  return changes;
}

const char *
zx_case_detail_data_field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    { "case_no", N_("Case number") },
    { "case_id", N_("Case") },
    { "filed_on", N_("Filed") },
    { "basis_type", N_("Basis type") },
    { "basis_doc_no", N_("Basis document") },
    { "basis_org", N_("Issued by") },
    { "basis_effective_on", N_("Basis effective") },
    { "trial_judge_id", N_("Trial judge") },
    { "amount_applied", N_("Amount applied") },
    { "amount_realized", N_("Amount realized") },
    { "livelihood", N_("Livelihood case") },
    { "small_amount", N_("Small amount") },
    { "team_id", N_("Team") },
    { "officer_id", N_("Officer") },
    { "assigned_on", N_("Assigned") },
    { "status", N_("Status") },
    { "concluded_on", N_("Concluded") },
    { "deadline_on", N_("Statutory deadline") },
    { "note", N_("Note") },
    { "role", N_("Role") },
    { "kind", N_("Kind") },
    { "name", N_("Name") },
    { "id_no", N_("ID number") },
    { "id_flag", N_("ID check") },
    { "legal_rep", N_("Legal representative") },
    { "phone", N_("Phone") },
    { "address", N_("Address") },
    { "party_id", N_("Party") },
    { "due_on", N_("Due") },
    { "done_on", N_("Done") },
    { "channel", N_("Channel") },
    { "requested_on", N_("Requested") },
    { "answered_on", N_("Answered") },
    { "result", N_("Result") },
    { "found_amount", N_("Amount found") },
    { "object", N_("Object") },
    { "state", N_("State") },
    { "start_on", N_("Start") },
    { "expires_on", N_("Expires") },
    { "renewed_count", N_("Renewals") },
    { "released_on", N_("Released") },
    { "amount", N_("Amount") },
    { "proposed_on", N_("Proposed") },
    { "approved_on", N_("Approved") },
    { "executed_on", N_("Carried out") },
    { "days", N_("Days") },
    { "ground", N_("Ground") },
    { "conduct", N_("Conduct") },
    { "applied_on", N_("Applied") },
    { "decided_on", N_("Decided") },
    { "published_on", N_("Published") },
    { "period_end", N_("Period ends") },
    { "removed_on", N_("Removed") },
    { "removal_reason", N_("Removal reason") },
    { "item", N_("Item") },
    { "round", N_("Round") },
    { "reserve", N_("Reserve price") },
    { "price", N_("Price") },
    { "paid_on", N_("Paid") },
    { "proposed_by", N_("Proposed by") },
    { "approver_id", N_("Approved by") },
    { "executed_by", N_("Carried out by") },
    { "waiting_rank", N_("Place in the queue") },
    { "seizure_id", N_("Seizure") },
    { "occurrence", N_("Occurrence") },
    { "grace_until", N_("Grace until") },
    { "removal_due_on", N_("To be removed by") },
    { "appraisal", N_("Appraisal") },
    { "deposit", N_("Deposit") },
    { "announced_on", N_("Announced") },
    { "auction_on", N_("Auction day") },
    { "legacy_no", N_("Old case number") },
    { "non_litigation", N_("Non-litigation") },
  };

  if (field == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_equal (field, labels[i].field))
        return _(labels[i].label);
    }

  return field;
}

/* ---- codes of the schema ------------------------------------------------------------------- */

typedef struct
{
  const char *value;
  const char *label;
} Label;

static const Label role_labels[] = {
  { "applicant", N_("Applicant") },
  { "respondent", N_("Respondent") },
  { "third_party", N_("Third party") },
};

static const Label party_kind_labels[] = {
  { "person", N_("Person") },
  { "entity", N_("Entity") },
};

static const Label query_kind_labels[] = {
  { "bank", N_("Bank deposits") },
  { "real_estate", N_("Real estate") },
  { "vehicle", N_("Vehicles") },
  { "business", N_("Business registration") },
  { "equity", N_("Equity") },
  { "securities", N_("Securities") },
  { "social_insurance", N_("Social insurance") },
  { "pension", N_("Pension") },
  { "housing_fund", N_("Housing fund") },
  { "online_payment", N_("Online payment accounts") },
  { "tax", N_("Tax") },
  { "other", N_("Other") },
};

static const Label channel_labels[] = {
  { "national", N_("National network (总对总)") },
  { "local", N_("Point-to-point (点对点)") },
  { "onsite", N_("On site") },
};

static const Label query_result_labels[] = {
  { "pending", N_("Waiting for the answer") },
  { "found", N_("Found") },
  { "none", N_("Nothing found") },
};

static const Label seizure_kind_labels[] = {
  { "deposit", N_("Deposit") },
  { "movable", N_("Movable property") },
  { "vehicle", N_("Vehicle") },
  { "real_estate", N_("Real estate") },
  { "equity", N_("Equity") },
  { "other", N_("Other property") },
};

static const Label measure_kind_labels[] = {
  { "notice", N_("Performance notice") },
  { "consumption_restriction", N_("Consumption restriction") },
  { "listing", N_("Dishonest listing") },
  { "summons", N_("Summons") },
  { "detention", N_("Detention") },
  { "fine", N_("Fine") },
  { "referral", N_("Referral for refusal to execute") },
  { "bounty", N_("Bounty notice") },
};

static const Label measure_state_labels[] = {
  { "proposed", N_("Proposed") },
  { "approved", N_("Approved") },
  { "executed", N_("Carried out") },
  { "withdrawn", N_("Withdrawn") },
  { "rejected", N_("Rejected") },
  { "lifted", N_("Lifted") },
};

static const Label list_state_labels[] = {
  { "proposed", N_("Applied for") },
  { "decided", N_("Decided") },
  { "grace", N_("Grace period") },
  { "published", N_("Published") },
  { "removed", N_("Removed") },
  { "revoked", N_("Revoked") },
};

static const Label auction_result_labels[] = {
  { "pending", N_("Pending") },
  { "sold", N_("Sold") },
  { "failed", N_("Failed") },
  { "withdrawn", N_("Withdrawn") },
};

static const Label aid_state_labels[] = {
  { "applied", N_("Applied") },
  { "filing_review", N_("Filing review") },
  { "handler_review", N_("Handler review") },
  { "committee", N_("Committee") },
  { "granted", N_("Granted") },
  { "rejected", N_("Rejected") },
  { "paid", N_("Paid") },
};

static const Label basis_type_labels[] = {
  { "judgment", N_("Judgment") },
  { "ruling", N_("Ruling") },
  { "mediation", N_("Mediation") },
  { "arbitration", N_("Arbitration award") },
  { "notarized", N_("Notarized debt instrument") },
  { "payment_order", N_("Payment order") },
  { "administrative", N_("Administrative decision") },
  { "other", N_("Other basis") },
};

static const Label entity_labels[] = {
  { "cases", N_("Case") },
  { "parties", N_("Party") },
  { "nodes", N_("Process node") },
  { "asset_queries", N_("Asset query") },
  { "seizures", N_("Seizure") },
  { "measures", N_("Measure") },
  { "blacklist_entries", N_("List entry") },
  { "auctions", N_("Auction") },
  { "aid", N_("Aid") },
};

static const Label action_labels[] = {
  { "create", N_("Added") },
  { "update", N_("Changed") },
  { "assign", N_("Assigned") },
  { "reassign", N_("Reassigned") },
  { "list_remove", N_("Removed from the list") },
  { "list_revoke", N_("Listing revoked") },
  { "list_correct", N_("Listing corrected") },
};

static const struct
{
  const char  *entity;
  const char  *field;
  const Label *labels;
  gsize        n_labels;
} value_tables[] = {
#define TABLE(entity, field, labels) { entity, field, labels, G_N_ELEMENTS (labels) }
  TABLE ("parties", "role", role_labels),
  TABLE ("parties", "kind", party_kind_labels),
  TABLE ("asset_queries", "kind", query_kind_labels),
  TABLE ("asset_queries", "channel", channel_labels),
  TABLE ("asset_queries", "result", query_result_labels),
  TABLE ("seizures", "kind", seizure_kind_labels),
  TABLE ("measures", "kind", measure_kind_labels),
  TABLE ("measures", "state", measure_state_labels),
  TABLE ("blacklist_entries", "state", list_state_labels),
  TABLE ("auctions", "result", auction_result_labels),
  TABLE ("aid", "state", aid_state_labels),
  TABLE ("cases", "basis_type", basis_type_labels),
  TABLE ("audit", "entity", entity_labels),
  TABLE ("audit", "action", action_labels),
#undef TABLE
};

static const Label *
find_labels (const char *entity,
             const char *field,
             gsize      *out_n_labels)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_tables); i++)
    {
      if (g_strcmp0 (entity, value_tables[i].entity) == 0
          && g_strcmp0 (field, value_tables[i].field) == 0)
        {
          *out_n_labels = value_tables[i].n_labels;
          return value_tables[i].labels;
        }
    }

  *out_n_labels = 0;
  return NULL;
}

const char *
zx_case_detail_data_value_label (const char *entity,
                                 const char *field,
                                 const char *value)
{
  gsize n_labels;
  const Label *labels = find_labels (entity, field, &n_labels);

  for (gsize i = 0; i < n_labels; i++)
    {
      if (g_strcmp0 (labels[i].value, value) == 0)
        return _(labels[i].label);
    }

  return value != NULL ? value : "";
}

GPtrArray *
zx_case_detail_data_value_codes (const char *entity,
                                 const char *field)
{
  gsize n_labels;
  const Label *labels = find_labels (entity, field, &n_labels);
  GPtrArray *codes = g_ptr_array_sized_new (n_labels);

  for (gsize i = 0; i < n_labels; i++)
    g_ptr_array_add (codes, (gpointer) labels[i].value);

  return codes;
}

ZxCaseDetailSection
zx_case_detail_section_for_entity (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_sections); i++)
    if (g_strcmp0 (entity, entity_sections[i].entity) == 0)
      return entity_sections[i].section;

  return ZX_CASE_DETAIL_NODES;
}
