/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "domain/zx-deadlines.h"
#include "zx-core-resources.h"
#include "zx-store-private.h"
#include "zx-schema.h"

/* Creating and migrating run under an exclusive transaction from `zhixingctl init` or the first
 * run on the local default database, never on a file another client may be using for work. */

typedef struct
{
  const char *key;
  int value;
  const char *unit, *description;
} RuleParam;

static const RuleParam default_params[] = {
  { "warn_days", 3, "days", "amber warning this many days before a node is due" },
  { "non_litigation_limit", 3, "months", "time limit of non-litigation (非诉) cases" },
  { "extension_request_before", 5, "days", "extension must be asked this long before the limit" },
  { "seizure_term_deposit", 12, "months", "longest freeze of bank deposits" },
  { "seizure_term_movable", 24, "months", "longest seizure of movables" },
  { "seizure_term_real_estate", 36, "months", "longest seizure of real estate" },
  { "seizure_term_other", 36, "months", "longest seizure of equity and other property rights" },
  { "seizure_warn_first", 30, "days", "first warning before a seizure expires" },
  { "seizure_warn_second", 7, "days", "second warning before a seizure expires" },
  { "list_period", 24, "months", "listing period for grounds 2-6" },
  { "list_extension_max", 36, "months", "longest extension of a listing period" },
  { "list_decision_days", 15, "days", "decision on a listing application" },
  { "list_grace_max", 3, "months", "longest grace period before publication" },
  { "list_removal", 3, "working_days", "removal after a removal ground or the period end" },
  { "list_revoke", 3, "working_days", "revocation or correction of a wrong entry" },
  { "detention_max", 15, "days", "longest judicial detention" },
  { "fine_person_max", 10000000, "fen", "highest fine for a person" },
  { "fine_entity_min", 5000000, "fen", "lowest fine for an entity" },
  { "fine_entity_max", 100000000, "fen", "highest fine for an entity" },
  { "auction_reserve_min", 70, "percent", "reserve price as a share of the appraisal" },
  { "auction_notice_movable", 15, "days", "announcement before an auction of movables" },
  { "auction_notice_real_estate", 30, "days", "announcement before an auction of real estate" },
  { "auction_second_round", 30, "days", "second round after a failed first" },
  { "auction_second_discount_max", 20, "percent", "largest reduction in the second round" },
  { "auction_sale_days", 60, "days", "sale at the second price (变卖)" },
  { "aid_max_months", 36, "count", "aid ceiling in months of the average wage" },
  { "complaint_due", 30, "days", "reply to a complaint" },
  { "aid_budget", 0, "fen", "judicial aid budget for the year (0: not set)" },
  { "measure_approval_days", 3, "days", "the president decides on a summons, detention or fine" },
  { "list_extension_min", 12, "months", "shortest extension of a listing period" },
  { "zhongben_min_months", 3, "months", "终本 needs more than this since filing" },
};

static gboolean
exec_resource (sqlite3 *db, const char *name, GError **error)
{
  g_autofree char *path = g_strconcat ("/cn/zhixing/core/", name, NULL);
  g_autoptr (GBytes) bytes = g_resource_lookup_data (zx_core_get_resource (), path, 0, error);
  g_autofree char *sql = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return zx_store_exec (db, sql, error);
}

static gboolean
run_stmt (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Seeding the rules"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
seed_meta (sqlite3 *db, const char *now, GError **error)
{
  const char *pairs[][2] = {
    { "created_at", now },
    { "min_writer_version", PACKAGE_VERSION },
    { "court_name", "承德市双桥区人民法院" },
    { "court_code", "冀0802" },
  };
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", -1, &stmt,
                      NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pairs) && ok; i++)
    {
      sqlite3_bind_text (stmt, 1, pairs[i][0], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, pairs[i][1], -1, SQLITE_STATIC);
      ok = run_stmt (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
seed_rules (sqlite3 *db, const char *now, const char *actor, GError **error)
{
  const ZxNodeRule *rules;
  sqlite3_stmt *stmt = NULL;
  gsize n_rules = 0;
  gboolean ok = TRUE;

  rules = zx_node_rules_defaults (&n_rules);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO node_rules (kind, name, trigger, amount, unit, repeat_count, "
                      "warn_days, source, created_at, updated_at, updated_by) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (gsize i = 0; i < n_rules && ok; i++)
    {
      const ZxNodeRule *r = &rules[i];

      sqlite3_bind_text (stmt, 1, r->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, r->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, r->trigger, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, r->amount);
      sqlite3_bind_text (stmt, 5, r->unit, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, r->repeat_count);
      sqlite3_bind_int (stmt, 7, r->warn_days);
      sqlite3_bind_text (stmt, 8, r->source, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, actor, -1, SQLITE_STATIC);
      ok = run_stmt (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  sqlite3_prepare_v2 (db,
                      "INSERT INTO rule_params (key, value, unit, description, updated_at, "
                      "updated_by) VALUES (?, ?, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (default_params) && ok; i++)
    {
      const RuleParam *p = &default_params[i];

      sqlite3_bind_text (stmt, 1, p->key, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, p->value);
      sqlite3_bind_text (stmt, 3, p->unit, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, p->description, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, actor, -1, SQLITE_STATIC);
      ok = run_stmt (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
zx_schema_load_calendar (sqlite3 *db, GError **error)
{
  g_autoptr (GBytes) bytes = g_resource_lookup_data (zx_core_get_resource (),
                                                     "/cn/zhixing/core/holidays-cn.tsv", 0, error);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (bytes == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO calendar (day, kind, name) VALUES (?, ?, ?)",
                      -1, &stmt, NULL);
  for (guint i = 0; lines[i] != NULL && ok; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (f) < 2 || lines[i][0] == '#')
        continue;
      sqlite3_bind_text (stmt, 1, f[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, f[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, f[2], -1, SQLITE_TRANSIENT);
      ok = run_stmt (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Forward migrations: step N brings a database from schema N-1 to N. Schema 1 is the creation
 * itself (a file whose creation was interrupted has our id but no tables). */
static const ZxMigration migrations[] = {
  /* 2: full-text search over case numbers, party names and document numbers (trigram, so that
   * any Chinese substring of three characters or more is found). */
  { 2,
    "CREATE VIRTUAL TABLE case_search USING fts5 (case_no, names, doc_no,"
    " tokenize = 'trigram');",
    zx_case_search_rebuild_db },
};
static const guint n_migrations = G_N_ELEMENTS (migrations);

static gboolean
apply_steps (sqlite3 *db, int from, const ZxMigration *steps, guint n_steps, GError **error)
{
  for (guint i = 0; i < n_steps; i++)
    {
      const ZxMigration *step = &steps[i];
      g_autofree char *pragma = NULL;

      if (step->version <= from)
        continue;
      if ((step->sql != NULL && !zx_store_exec (db, step->sql, error))
          || (step->apply != NULL && !step->apply (db, error)))
        return FALSE;
      pragma = g_strdup_printf ("PRAGMA user_version = %d", step->version);
      if (!zx_store_exec (db, pragma, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
create_in_txn (sqlite3 *db, const char *actor, GError **error)
{
  g_autofree char *now = zx_now_iso ();
  g_autofree char *pragmas = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean empty;

  sqlite3_prepare_v2 (db, "SELECT count(*) = 0 FROM sqlite_schema", -1, &stmt, NULL);
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (!empty)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_EXISTS,
                   _("The file already holds tables; refusing to create a schema in it."));
      return FALSE;
    }

  /* Schema 1, its seed data, then every later step: a new file starts at the newest schema. */
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                             ZX_APPLICATION_ID);
  return exec_resource (db, "schema-v1.sql", error) && seed_meta (db, now, error)
         && seed_rules (db, now, actor, error) && zx_schema_load_calendar (db, error)
         && zx_store_exec (db, pragmas, error)
         && apply_steps (db, 1, migrations, n_migrations, error);
}

static gboolean
in_exclusive (sqlite3 *db, gboolean (*func) (sqlite3 *, gconstpointer, GError **),
              gconstpointer data, GError **error)
{
  if (!zx_store_exec (db, "BEGIN EXCLUSIVE", error))
    return FALSE;
  if (!func (db, data, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (!zx_store_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_cb (sqlite3 *db, gconstpointer data, GError **error)
{
  return create_in_txn (db, data, error);
}

gboolean
zx_schema_create (sqlite3 *db, const char *actor, GError **error)
{
  return in_exclusive (db, create_cb, actor, error);
}

typedef struct
{
  int from;
  const ZxMigration *steps;
  guint n_steps;
} MigrateData;

static gboolean
migrate_cb (sqlite3 *db, gconstpointer data, GError **error)
{
  const MigrateData *m = data;

  if (m->from == 0)
    return create_in_txn (db, "zhixing", error);
  return apply_steps (db, m->from, m->steps, m->n_steps, error);
}

gboolean
zx_schema_apply_migrations (sqlite3 *db, int from_version, const ZxMigration *steps,
                            guint n_steps, GError **error)
{
  MigrateData data = { from_version, steps, n_steps };

  return in_exclusive (db, migrate_cb, &data, error);
}

gboolean
zx_schema_migrate (sqlite3 *db, int from_version, GError **error)
{
  return zx_schema_apply_migrations (db, from_version, migrations, n_migrations, error);
}
