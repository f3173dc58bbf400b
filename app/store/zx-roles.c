/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zx-roles.h"
#include "zx-store-private.h"

#define MAX_ROLES 7

typedef struct
{
  const char *roles[MAX_ROLES]; /* NULL-terminated unless full */
  const char *what;             /* default deed, after "may not" */
  const char *who;              /* who may, after the semicolon */
} ActionRule;

static const ActionRule action_rules[] = {
  [ZX_ACTION_MEASURE_PROPOSE] = {
    { "officer", "team_leader", "clerk", "judge" },
    N_("propose a measure"),
    N_("officers, team leaders, clerks and judges propose measures") },
  [ZX_ACTION_MEASURE_APPROVE] = {
    { "president" },
    N_("approve a summons, detention or fine"),
    N_("the president approves") },
  [ZX_ACTION_MEASURE_EXECUTE_POLICE] = {
    { "police" },
    N_("carry out a summons or detention"),
    N_("judicial police carry it out") },
  [ZX_ACTION_MEASURE_EXECUTE] = {
    { "officer", "team_leader", "clerk", "judge" },
    N_("record a measure as carried out"),
    N_("the officer records it") },
  [ZX_ACTION_MEASURE_WITHDRAW] = {
    { "officer", "team_leader", "clerk", "judge" },
    N_("withdraw a measure"),
    N_("officers, team leaders, clerks and judges withdraw measures") },
  [ZX_ACTION_LIST_PROPOSE] = {
    { "officer", "team_leader", "clerk", "judge" },
    N_("apply for a listing"),
    N_("officers, team leaders, clerks and judges apply") },
  [ZX_ACTION_LIST_DECIDE] = {
    { "president", "director" },
    N_("decide on a listing"),
    N_("the president or the director decides") },
  [ZX_ACTION_LIST_MANAGE] = {
    { "clerk", "team_leader", "director", "admin" },
    N_("publish, remove, revoke or correct a list entry"),
    N_("command-center staff (clerks, team leaders, the director, administrators) do that") },
  [ZX_ACTION_LIST_GROUND] = {
    { "clerk", "team_leader", "director", "admin", "officer", "judge" },
    N_("record a removal ground for a list entry"),
    N_("command-center staff and officers record it") },
  [ZX_ACTION_SEIZURE] = {
    { "officer", "team_leader", "clerk", "judge" },
    N_("record a seizure"),
    N_("officers, team leaders, clerks and judges record seizures") },
  [ZX_ACTION_CASE_EXTEND] = {
    { "president" },
    N_("extend a case's time limit"),
    N_("the president approves extensions") },
  [ZX_ACTION_CASE_FILE] = {
    { "clerk", "team_leader", "director", "admin" },
    N_("file or import cases"),
    N_("command-center staff (clerks, team leaders, the director, administrators) register cases") },
  [ZX_ACTION_SETTINGS] = {
    { "admin", "director" },
    N_("change the court's settings, teams, staff or rules"),
    N_("administrators and the bureau director do that") },
};

void
zx_staff_clear (ZxStaff *staff)
{
  g_clear_pointer (&staff->name, g_free);
  g_clear_pointer (&staff->role, g_free);
  staff->id = 0;
  staff->team_id = 0;
}

const char *
zx_role_label (const char *role)
{
  static const struct
  {
    const char *role, *label;
  } labels[] = {
    { "clerk", N_("clerk") },           { "officer", N_("officer") },
    { "judge", N_("judge") },           { "team_leader", N_("team leader") },
    { "director", N_("director") },     { "president", N_("president") },
    { "police", N_("judicial police") }, { "admin", N_("administrator") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].role, role) == 0)
      return _(labels[i].label);
  return role != NULL ? role : "?";
}

gboolean
zx_roles_get_actor (ZxStore *store, ZxStaff *out_staff, GError **error)
{
  const char *login = zx_store_get_actor (store);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (out_staff != NULL, FALSE);

  stmt = zx_store_prepare (store,
                           "SELECT id, name, role, coalesce(team_id, 0) FROM staff"
                           " WHERE login = ? AND active = 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out_staff->id = sqlite3_column_int64 (stmt, 0);
      out_staff->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      out_staff->role = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      out_staff->team_id = sqlite3_column_int64 (stmt, 3);
      found = TRUE;
    }
  else if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the staff list"));
      zx_store_release (stmt);
      return FALSE;
    }
  zx_store_release (stmt);
  if (!found)
    g_set_error (error, ZX_ERROR, ZX_ERROR_DENIED,
                 _("User “%s” is not a staff member (or no longer active); nothing was saved."),
                 login);
  return found;
}

gboolean
zx_roles_allows (const char *role, ZxAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_rules), FALSE);

  for (guint i = 0; i < MAX_ROLES && action_rules[action].roles[i] != NULL; i++)
    if (g_strcmp0 (action_rules[action].roles[i], role) == 0)
      return TRUE;
  return FALSE;
}

/* Whether any active staff member has a login (see zx-roles.h: before that, set-up is open). */
static gboolean
any_login (ZxStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gboolean any = TRUE;

  if (sqlite3_prepare_v2 (zx_store_get_db (store),
                          "SELECT EXISTS (SELECT 1 FROM staff WHERE login IS NOT NULL AND active = 1)",
                          -1, &stmt, NULL)
        == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return any;
}

gboolean
zx_roles_require (ZxStore *store, ZxAction action, const char *what, ZxStaff *out_staff,
                  GError **error)
{
  g_auto (ZxStaff) staff = { 0 };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_rules), FALSE);

  if ((action == ZX_ACTION_CASE_FILE || action == ZX_ACTION_SETTINGS) && !any_login (store))
    return TRUE;
  if (!zx_roles_get_actor (store, &staff, error))
    return FALSE;
  if (!zx_roles_allows (staff.role, action))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_DENIED, _("%s (%s) may not %s; %s."), staff.name,
                   zx_role_label (staff.role), what != NULL ? what : _(action_rules[action].what),
                   _(action_rules[action].who));
      return FALSE;
    }
  if (out_staff != NULL)
    {
      *out_staff = staff;
      staff = (ZxStaff) { 0 };
    }
  return TRUE;
}
