/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "domain/zx-case-no.h"
#include "domain/zx-validate.h"
#include "zx-roles.h"
#include "zx-store-private.h"

/* Domain checks every mutation runs before it writes, whoever calls it (the UI, an import,
 * zhixingctl): the schema's CHECK constraints catch the rest, with less helpful words. */

static const char *
string_member (JsonObject *fields, JsonObject *before, const char *name)
{
  JsonNode *node = json_object_get_member (fields, name);

  if (node == NULL && before != NULL)
    node = json_object_get_member (before, name);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
validate_dates (const char *entity, JsonObject *fields, GError **error)
{
  g_autoptr (GList) names = json_object_get_members (fields);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (fields, name);
      g_autoptr (GError) local_error = NULL;

      if (!g_str_has_suffix (name, "_on") && !g_str_equal (name, "grace_until")
          && !g_str_equal (name, "period_end"))
        continue;
      if (JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (!zx_validate_date (json_node_get_string (node), &local_error))
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("%s, field “%s”: %s"), entity, name,
                       local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Fills case_year, court_code, type_code and seq from the case number, normalized. */
static gboolean
validate_case (JsonObject *fields, GError **error)
{
  const char *value = string_member (fields, NULL, "case_no");
  ZxCaseNo no = { 0 };

  if (!json_object_has_member (fields, "case_no"))
    return TRUE;
  if (value == NULL || !zx_case_no_parse (value, &no, error))
    {
      if (value == NULL)
        g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("The case number is missing."));
      return FALSE;
    }
  if (no.legacy && !json_object_get_int_member_with_default (fields, "legacy_no", 0))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("“%s” is a pre-2016 case number; it can only be kept on imported records."),
                   value);
      zx_case_no_clear (&no);
      return FALSE;
    }
  json_object_set_string_member (fields, "case_no", no.normalized);
  json_object_set_int_member (fields, "case_year", no.year);
  json_object_set_string_member (fields, "court_code", no.court_code);
  json_object_set_string_member (fields, "type_code", no.type_code);
  json_object_set_int_member (fields, "seq", no.seq);
  zx_case_no_clear (&no);
  return TRUE;
}

static gboolean
validate_party (ZxTxn *txn, JsonObject *fields, JsonObject *before, GError **error)
{
  const char *kind = string_member (fields, before, "kind");
  const char *id_no = string_member (fields, NULL, "id_no");
  g_autofree char *normalized = NULL;
  g_autoptr (GError) local_error = NULL;
  char today[11];
  ZxIdFlags flags = ZX_ID_FLAG_NONE;
  gboolean ok;

  if (id_no == NULL || *id_no == '\0')
    return TRUE;

  g_strlcpy (today, zx_txn_get_now (txn), sizeof today);
  if (g_strcmp0 (kind, "entity") == 0)
    {
      /* Old records carry a 9-character organization code instead of a credit code. */
      if (strlen (id_no) <= 10)
        ok = zx_validate_org_code (id_no, &normalized, &local_error);
      else
        ok = zx_validate_uscc (id_no, &normalized, &flags, &local_error);
    }
  else
    ok = zx_validate_resident_id (id_no, today, FALSE, &normalized, &flags, &local_error);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  json_object_set_string_member (fields, "id_no", normalized);
  if ((flags & ZX_ID_FLAG_INNER_CHECK) && !json_object_has_member (fields, "id_flag"))
    json_object_set_string_member (fields, "id_flag", "inner_check");
  return TRUE;
}

gboolean
zx_store_validate_fields (ZxTxn *txn, const char *entity, JsonObject *fields, JsonObject *before,
                          GError **error)
{
  static const char *const settings_tables[] = { "teams", "staff", "node_rules", "routing_rules",
                                                 NULL };

  if (!txn->system && g_strv_contains (settings_tables, entity)
      && !zx_roles_require (txn->store, ZX_ACTION_SETTINGS, NULL, NULL, error))
    return FALSE;
  if (!validate_dates (entity, fields, error))
    return FALSE;
  if (g_str_equal (entity, "cases"))
    return validate_case (fields, error);
  if (g_str_equal (entity, "parties"))
    return validate_party (txn, fields, before, error);
  return TRUE;
}

/* What follows every write of a row, in the same transaction: the search row of its case. */
gboolean
zx_store_after_write (ZxTxn *txn, const char *entity, gint64 id, JsonObject *row,
                      GError **error)
{
  if (g_str_equal (entity, "cases"))
    return zx_case_search_refresh (txn, id, error);
  if (g_str_equal (entity, "parties"))
    return zx_case_search_refresh (txn, json_object_get_int_member (row, "case_id"), error);
  return TRUE;
}

/* A case saved with an explicit number (an import, a correction) moves its counter, so that the
 * next number drawn never collides with it. */
gboolean
zx_store_after_insert (ZxTxn *txn, const char *entity, JsonObject *fields, GError **error)
{
  sqlite3 *db = zx_txn_get_db (txn);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!g_str_equal (entity, "cases")
      || json_object_get_int_member_with_default (fields, "legacy_no", 0) != 0
      || !json_object_has_member (fields, "seq"))
    return TRUE;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO case_counters (court_code, type_code, year, last_seq) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (court_code, type_code, year) "
                           "DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, json_object_get_string_member (fields, "court_code"), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, json_object_get_string_member (fields, "type_code"), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, json_object_get_int_member (fields, "case_year"));
      sqlite3_bind_int64 (stmt, 4, json_object_get_int_member (fields, "seq"));
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Updating the case number counter"));
      return FALSE;
    }
  return TRUE;
}
