/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Settings page's reads and its two slow jobs (lock self-test, backup), kept apart from the
 * widgets. Every statement is prepared with bound parameters and reads one small table. */
#define G_LOG_DOMAIN "zx-settings-data"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pages/zx-settings-data.h"

static const char *const roles[] = {
  "clerk", "officer", "judge", "team_leader", "director", "president", "police", "admin", NULL
};

static const char *const node_units[] = { "days", "working_days", "months", NULL };

const char *const *
zx_settings_roles (void)
{
  return roles;
}

const char *const *
zx_settings_node_units (void)
{
  return node_units;
}

const char *
zx_settings_unit_label (const char *unit)
{
  if (g_strcmp0 (unit, "days") == 0)
    return _("days");
  if (g_strcmp0 (unit, "working_days") == 0)
    return _("working days");
  if (g_strcmp0 (unit, "months") == 0)
    return _("months");
  if (g_strcmp0 (unit, "years") == 0)
    return _("years");
  if (g_strcmp0 (unit, "fen") == 0)
    return _("fen (0.01 yuan)");
  if (g_strcmp0 (unit, "count") == 0)
    return _("count");
  if (g_strcmp0 (unit, "percent") == 0)
    return _("percent");

  return unit != NULL ? unit : "";
}

static char *
dup_text (sqlite3_stmt *stmt,
          int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static void
team_free (gpointer data)
{
  ZxSettingsTeam *team = data;

  g_free (team->name);
  g_free (team->kind);
  g_free (team);
}

static void
staff_free (gpointer data)
{
  ZxSettingsStaff *staff = data;

  g_free (staff->name);
  g_free (staff->login);
  g_free (staff->role);
  g_free (staff->team_name);
  g_free (staff);
}

static void
route_free (gpointer data)
{
  ZxSettingsRoute *route = data;

  g_free (route->name);
  g_free (route->conditions);
  g_free (route->pool);
  g_free (route);
}

static void
node_rule_free (gpointer data)
{
  ZxSettingsNodeRule *rule = data;

  g_free (rule->kind);
  g_free (rule->name);
  g_free (rule->trigger);
  g_free (rule->unit);
  g_free (rule);
}

static void
param_free (gpointer data)
{
  ZxSettingsParam *param = data;

  g_free (param->key);
  g_free (param->unit);
  g_free (param->description);
  g_free (param);
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* Runs SQL (each reads a whole small table, so there is nothing to bind) and
 * turns each row into a struct with ROW_FUNC. */
static GPtrArray *
load (sqlite3        *db,
      const char     *sql,
      RowFunc         row_func,
      GDestroyNotify  free_func,
      GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, _("Could not read the settings"));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_func (stmt));

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Could not read the settings"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gpointer
team_row (sqlite3_stmt *stmt)
{
  ZxSettingsTeam *team = g_new0 (ZxSettingsTeam, 1);

  team->id = sqlite3_column_int64 (stmt, 0);
  team->version = sqlite3_column_int64 (stmt, 1);
  team->name = dup_text (stmt, 2);
  team->kind = dup_text (stmt, 3);
  team->active = sqlite3_column_int (stmt, 4) != 0;
  team->n_staff = sqlite3_column_int64 (stmt, 5);

  return team;
}

GPtrArray *
zx_settings_data_load_teams (sqlite3  *db,
                             GError  **error)
{
  return load (db,
               "SELECT t.id, t.version, t.name, t.kind, t.active,"
               " (SELECT count(*) FROM staff s WHERE s.team_id = t.id AND s.active = 1)"
               " FROM teams t ORDER BY t.sort_order, t.id",
               team_row, team_free, error);
}

static gpointer
staff_row (sqlite3_stmt *stmt)
{
  ZxSettingsStaff *staff = g_new0 (ZxSettingsStaff, 1);

  staff->id = sqlite3_column_int64 (stmt, 0);
  staff->version = sqlite3_column_int64 (stmt, 1);
  staff->name = dup_text (stmt, 2);
  staff->login = dup_text (stmt, 3);
  staff->role = dup_text (stmt, 4);
  staff->team_id = sqlite3_column_int64 (stmt, 5);
  staff->team_name = dup_text (stmt, 6);
  staff->active = sqlite3_column_int (stmt, 7) != 0;

  return staff;
}

GPtrArray *
zx_settings_data_load_staff (sqlite3  *db,
                             GError  **error)
{
  return load (db,
               "SELECT s.id, s.version, s.name, s.login, s.role, ifnull(s.team_id, 0), t.name,"
               " s.active FROM staff s LEFT JOIN teams t ON t.id = s.team_id"
               " ORDER BY t.sort_order IS NULL, t.sort_order, s.team_id, s.id",
               staff_row, staff_free, error);
}

static gpointer
route_row (sqlite3_stmt *stmt)
{
  ZxSettingsRoute *route = g_new0 (ZxSettingsRoute, 1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *filed_before = (const char *) sqlite3_column_text (stmt, 2);
  const char *filed_from = (const char *) sqlite3_column_text (stmt, 3);
  const char *basis_type = (const char *) sqlite3_column_text (stmt, 4);
  const char *effective_from = (const char *) sqlite3_column_text (stmt, 5);
  const char *type_code = (const char *) sqlite3_column_text (stmt, 6);
  const char *pool_kind = (const char *) sqlite3_column_text (stmt, 7);
  const char *pool_teams = (const char *) sqlite3_column_text (stmt, 8);

  route->priority = sqlite3_column_int64 (stmt, 0);
  route->name = dup_text (stmt, 1);
  route->active = sqlite3_column_int (stmt, 9) != 0;

  if (filed_from != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("filed from %s"), filed_from));
  if (filed_before != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("filed before %s"), filed_before));
  if (type_code != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("case type %s"), type_code));
  if (basis_type != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("basis %s"), basis_type));
  if (effective_from != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("basis effective from %s"), effective_from));
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("any case")));
  g_ptr_array_add (parts, NULL);
  route->conditions = g_strjoinv (_("; "), (char **) parts->pdata);

  if (g_strcmp0 (pool_kind, "trial_judge") == 0)
    route->pool = g_strdup (_("the trial judge"));
  else
    route->pool = g_strdup (pool_teams != NULL ? pool_teams : _("no team"));

  return route;
}

GPtrArray *
zx_settings_data_load_routes (sqlite3  *db,
                              GError  **error)
{
  return load (db,
               "SELECT r.priority, r.name, r.filed_before, r.filed_from, r.basis_type,"
               " r.effective_from, r.type_code, r.pool_kind,"
               " (SELECT group_concat (t.name, ', ') FROM json_each (r.pool_team_ids) j"
               "  JOIN teams t ON t.id = j.value),"
               " r.active FROM routing_rules r ORDER BY r.priority, r.id",
               route_row, route_free, error);
}

static gpointer
node_rule_row (sqlite3_stmt *stmt)
{
  ZxSettingsNodeRule *rule = g_new0 (ZxSettingsNodeRule, 1);

  rule->id = sqlite3_column_int64 (stmt, 0);
  rule->version = sqlite3_column_int64 (stmt, 1);
  rule->kind = dup_text (stmt, 2);
  rule->name = dup_text (stmt, 3);
  rule->trigger = dup_text (stmt, 4);
  rule->amount = sqlite3_column_int64 (stmt, 5);
  rule->unit = dup_text (stmt, 6);
  rule->warn_days = sqlite3_column_int64 (stmt, 7);
  rule->active = sqlite3_column_int (stmt, 8) != 0;

  return rule;
}

GPtrArray *
zx_settings_data_load_node_rules (sqlite3  *db,
                                  GError  **error)
{
  return load (db,
               "SELECT id, version, kind, name, trigger, amount, unit, warn_days, active"
               " FROM node_rules ORDER BY id",
               node_rule_row, node_rule_free, error);
}

static gpointer
param_row (sqlite3_stmt *stmt)
{
  ZxSettingsParam *param = g_new0 (ZxSettingsParam, 1);

  param->key = dup_text (stmt, 0);
  param->value = sqlite3_column_int64 (stmt, 1);
  param->unit = dup_text (stmt, 2);
  param->description = dup_text (stmt, 3);

  return param;
}

GPtrArray *
zx_settings_data_load_params (sqlite3  *db,
                              GError  **error)
{
  return load (db, "SELECT key, value, unit, description FROM rule_params ORDER BY key",
               param_row, param_free, error);
}

static gpointer
year_row (sqlite3_stmt *stmt)
{
  ZxSettingsYear *year = g_new0 (ZxSettingsYear, 1);

  year->year = sqlite3_column_int (stmt, 0);
  year->n_off = sqlite3_column_int64 (stmt, 1);
  year->n_work = sqlite3_column_int64 (stmt, 2);

  return year;
}

GPtrArray *
zx_settings_data_load_calendar (sqlite3  *db,
                                GError  **error)
{
  return load (db,
               "SELECT CAST (substr (day, 1, 4) AS INTEGER) AS y,"
               " sum (kind = 'off'), sum (kind = 'work') FROM calendar GROUP BY y ORDER BY y",
               year_row, g_free, error);
}

/* ---- the slow jobs (worker threads) ---------------------------------------------------- */

char *
zx_settings_find_zhixingctl (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *env = g_getenv ("ZHIXINGCTL");

  if (self_exe != NULL)
    {
      g_autofree char *bindir = g_path_get_dirname (self_exe);
      g_autofree char *installed = g_build_filename (bindir, "zhixingctl", NULL);
      g_autofree char *built = g_build_filename (bindir, "..", "app", "cli", "zhixingctl", NULL);

      if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&installed);
      if (g_file_test (built, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&built);
    }

  if (env != NULL && g_file_test (env, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (env);

  return g_find_program_in_path ("zhixingctl");
}

gboolean
zx_settings_run_lock_test (const char  *path,
                           GError     **error)
{
  g_autofree char *ctl = zx_settings_find_zhixingctl ();
  g_autoptr(ZxStore) store = NULL;
  const char *argv[6];

  if (ctl == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_NOT_FOUND,
                   _("The test needs the zhixingctl program, which was not found beside "
                     "this program or on the PATH"));
      return FALSE;
    }

  store = zx_store_open (path, ZX_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;

  argv[0] = ctl;
  argv[1] = "--db";
  argv[2] = path;
  argv[3] = "lock-probe";
  argv[4] = NULL;

  return zx_store_lock_self_test (store, argv, error);
}

char *
zx_settings_run_backup (const char   *path,
                        const char   *dir,
                        guint         keep,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_autoptr(ZxStore) store = zx_store_open (path, ZX_STORE_OPEN_VIEWER, error);

  if (store == NULL)
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the backup folder %s: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }

  return zx_store_backup (store, dir, keep, cancellable, error);
}
