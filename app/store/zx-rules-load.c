/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zx-rules-load.h"
#include "zx-store-private.h"

/* Reads the rules tables for the domain functions. The tables are small (a few hundred calendar
 * days, a dozen node rules), so each mutation reads them afresh instead of caching them. */

static gboolean
read_rows_done (ZxStore *store, sqlite3_stmt *stmt, int rc, const char *what, GError **error)
{
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, what);
      return FALSE;
    }
  return TRUE;
}

ZxCalendar *
zx_rules_load_calendar (ZxStore *store, GError **error)
{
  g_autoptr (ZxCalendar) cal = zx_calendar_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = zx_store_prepare (store, "SELECT day, kind FROM calendar ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);

      if (!zx_calendar_add_day (cal, day, kind, error))
        {
          zx_store_release (stmt);
          g_prefix_error (error, _("The holiday calendar is damaged: "));
          return NULL;
        }
    }
  if (!read_rows_done (store, stmt, rc, _("Reading the holiday calendar"), error))
    return NULL;
  return g_steal_pointer (&cal);
}

/* Value and unit of KEY; FALSE when there is no such row. */
static gboolean
read_param (ZxStore *store, const char *key, gint64 *out_value, char **out_unit)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  stmt = zx_store_prepare (store, "SELECT value, unit FROM rule_params WHERE key = ?", &error);
  if (stmt == NULL)
    {
      g_warning ("Reading rule parameter %s: %s", key, error->message);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int64 (stmt, 0);
      if (out_unit != NULL)
        *out_unit = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      found = TRUE;
    }
  else if (rc != SQLITE_DONE)
    {
      g_warning ("Reading rule parameter %s: %s", key, sqlite3_errmsg (zx_store_get_db (store)));
    }
  zx_store_release (stmt);
  return found;
}

gint64
zx_rules_param (ZxStore *store, const char *key, gint64 fallback)
{
  gint64 value = fallback;

  g_return_val_if_fail (ZX_IS_STORE (store), fallback);
  g_return_val_if_fail (key != NULL, fallback);

  if (!read_param (store, key, &value, NULL))
    return fallback;
  return value;
}

int
zx_rules_param_months (ZxStore *store, const char *key, int fallback)
{
  g_autofree char *unit = NULL;
  gint64 value = 0;

  g_return_val_if_fail (ZX_IS_STORE (store), fallback);

  if (!read_param (store, key, &value, &unit))
    return fallback;
  if (g_strcmp0 (unit, "years") == 0)
    value *= 12;
  return (int) CLAMP (value, 0, G_MAXINT);
}

void
zx_rules_load_list_params (ZxStore *store, ZxListParams *out_params)
{
  ZxListParams *p = out_params;

  g_return_if_fail (ZX_IS_STORE (store));
  g_return_if_fail (out_params != NULL);

  zx_list_params_init_defaults (p);
  p->period_months = zx_rules_param_months (store, "list_period", p->period_months);
  p->extension_max_months = zx_rules_param_months (store, "list_extension_max",
                                                   p->extension_max_months);
  p->extension_min_months = zx_rules_param_months (store, "list_extension_min",
                                                   p->extension_min_months);
  p->grace_max_months = zx_rules_param_months (store, "list_grace_max", p->grace_max_months);
  p->action_working_days = (int) zx_rules_param (store, "list_removal", p->action_working_days);
  p->decision_days = (int) zx_rules_param (store, "list_decision_days", p->decision_days);
}

/* rule_params key of the term of a seizure kind. */
static const char *
seizure_term_key (const char *kind)
{
  if (g_strcmp0 (kind, "deposit") == 0)
    return "seizure_term_deposit";
  if (g_strcmp0 (kind, "movable") == 0 || g_strcmp0 (kind, "vehicle") == 0)
    return "seizure_term_movable";
  if (g_strcmp0 (kind, "real_estate") == 0)
    return "seizure_term_real_estate";
  return "seizure_term_other";
}

int
zx_rules_seizure_term (ZxStore *store, const char *kind)
{
  const ZxSeizureTerm *terms;
  gsize n_terms = 0;

  g_return_val_if_fail (ZX_IS_STORE (store), 0);

  terms = zx_seizure_default_terms (&n_terms);
  for (gsize i = 0; i < n_terms; i++)
    if (g_strcmp0 (terms[i].kind, kind) == 0)
      return zx_rules_param_months (store, seizure_term_key (kind), terms[i].months);
  return 0;
}

/* ---- node rules ------------------------------------------------------------------------- */

void
zx_node_rules_free (ZxNodeRules *rules)
{
  if (rules == NULL)
    return;
  g_free (rules->rules);
  if (rules->strings != NULL)
    g_string_chunk_free (rules->strings);
  g_free (rules);
}

static const char *
chunk_text (GStringChunk *chunk, sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_string_chunk_insert_const (chunk, text != NULL ? text : "");
}

ZxNodeRules *
zx_rules_load_node_rules (ZxStore *store, GError **error)
{
  g_autoptr (ZxNodeRules) set = g_new0 (ZxNodeRules, 1);
  g_autoptr (GArray) rules = g_array_new (FALSE, TRUE, sizeof (ZxNodeRule));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZX_IS_STORE (store), NULL);

  set->strings = g_string_chunk_new (512);
  stmt = zx_store_prepare (store,
                           "SELECT kind, trigger, amount, unit, repeat_count, warn_days, name,"
                           " source FROM node_rules WHERE active = 1 ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZxNodeRule rule = {
        .kind = chunk_text (set->strings, stmt, 0),
        .trigger = chunk_text (set->strings, stmt, 1),
        .amount = sqlite3_column_int (stmt, 2),
        .unit = chunk_text (set->strings, stmt, 3),
        .repeat_count = sqlite3_column_int (stmt, 4),
        .warn_days = sqlite3_column_int (stmt, 5),
        .name = chunk_text (set->strings, stmt, 6),
        .source = chunk_text (set->strings, stmt, 7),
      };

      g_array_append_val (rules, rule);
    }
  if (!read_rows_done (store, stmt, rc, _("Reading the node rules"), error))
    return NULL;
  set->n_rules = rules->len;
  set->rules = (ZxNodeRule *) (void *) g_array_free (g_steal_pointer (&rules), FALSE);
  return g_steal_pointer (&set);
}

const ZxNodeRule *
zx_node_rules_find (const ZxNodeRules *rules, const char *kind)
{
  g_return_val_if_fail (rules != NULL, NULL);

  for (gsize i = 0; i < rules->n_rules; i++)
    if (g_strcmp0 (rules->rules[i].kind, kind) == 0)
      return &rules->rules[i];
  return NULL;
}

/* ---- helpers shared by the rule mutations ------------------------------------------------ */

JsonObject *
zx_rules_get_row_checked (ZxTxn *txn, const char *entity, gint64 id, gint64 expected_version,
                          GError **error)
{
  g_autoptr (JsonObject) row = zx_txn_get_row (txn, entity, id, error);
  gint64 version;

  if (row == NULL)
    return NULL;
  version = json_object_get_int_member_with_default (row, "version", 0);
  if (expected_version != 0 && version != expected_version)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_CONFLICT,
                   _("%s %" PRId64 " was changed by %s at %s while you were editing it "
                     "(you had version %" PRId64 ", it is now version %" PRId64
                     "). Nothing was saved; reload to see their changes."),
                   entity, id, json_object_get_string_member_with_default (row, "updated_by", "?"),
                   json_object_get_string_member_with_default (row, "updated_at", "?"),
                   expected_version, version);
      return NULL;
    }
  return g_steal_pointer (&row);
}

gboolean
zx_rules_check_date (const char *date, const char *what, GError **error)
{
  if (zx_date_is_valid (date))
    return TRUE;
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("%s: “%s” is not a date (YYYY-MM-DD)."),
               what, date != NULL ? date : "");
  return FALSE;
}

char *
zx_rules_note_append (const char *note, const char *line)
{
  if (line == NULL || *line == '\0')
    return g_strdup (note);
  if (note == NULL || *note == '\0')
    return g_strdup (line);
  return g_strconcat (note, "\n", line, NULL);
}

const char *
zx_row_str (JsonObject *row, const char *name)
{
  return json_object_get_string_member_with_default (row, name, NULL);
}

gint64
zx_row_int (JsonObject *row, const char *name)
{
  return json_object_get_int_member_with_default (row, name, 0);
}

gboolean
zx_rules_require_text (const char *text, const char *what, GError **error)
{
  for (const char *c = text; c != NULL && *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return TRUE;
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("%s: a reason is required."), what);
  return FALSE;
}
