/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zx-store.h"

G_BEGIN_DECLS

/* Who may do what. The acting staff member is the active staff row whose login is the store's
 * actor (zx_store_get_actor(): `zhixingctl --user`, or the OS user). Every rule mutation checks
 * its action here, inside its write transaction: a check in the UI alone is not enough. */

typedef enum
{
  ZX_ACTION_MEASURE_PROPOSE,         /* officer, team_leader, clerk, judge */
  ZX_ACTION_MEASURE_APPROVE,         /* approve or reject a summons, detention or fine:
                                      * president */
  ZX_ACTION_MEASURE_EXECUTE_POLICE,  /* carry out a summons or detention: police */
  ZX_ACTION_MEASURE_EXECUTE,         /* record any other measure as carried out, lift a
                                      * restriction: officer, team_leader, clerk, judge */
  ZX_ACTION_MEASURE_WITHDRAW,        /* officer, team_leader, clerk, judge */
  ZX_ACTION_LIST_PROPOSE,            /* apply for a listing: officer, team_leader, clerk, judge */
  ZX_ACTION_LIST_DECIDE,             /* decide a listing, extend its period: president,
                                      * director */
  ZX_ACTION_LIST_MANAGE,             /* publish, remove, revoke, correct: clerk,
                                      * team_leader, director, admin */
  ZX_ACTION_LIST_GROUND,             /* record that a removal ground arose (paid in full …):
                                      * the command-center staff and the officers */
  ZX_ACTION_SEIZURE,                 /* record, renew, release a seizure: officer,
                                      * team_leader, clerk, judge */
  ZX_ACTION_CASE_EXTEND,             /* extend a case's time limit: president */
  ZX_ACTION_CASE_FILE,               /* file or import cases: clerk, team_leader, director,
                                      * admin */
  ZX_ACTION_SETTINGS,                /* court settings, teams, staff, rules: admin, director */
} ZxAction;

/* A staff member (owned strings). */
typedef struct
{
  gint64  id;
  char   *name;
  char   *role;     /* staff.role */
  gint64  team_id;  /* 0: none */
} ZxStaff;

void        zx_staff_clear (ZxStaff *staff);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZxStaff, zx_staff_clear)

/* The acting staff member, or ZX_ERROR_DENIED "user X is not a staff member" (also when the
 * row is inactive). */
gboolean    zx_roles_get_actor (ZxStore *store, ZxStaff *out_staff, GError **error);

/* TRUE if staff of ROLE may do ACTION. */
gboolean    zx_roles_allows (const char *role, ZxAction action);

/* Until the court has given any staff member a login, nobody can be identified, so setting up
 * (ZX_ACTION_SETTINGS) and filing or importing (ZX_ACTION_CASE_FILE) are open to whoever runs
 * them; once one login exists, they too need a staff member whose role allows them. */

/* Checks that the actor may do ACTION and fills OUT_STAFF (may be NULL). WHAT is the deed, as
 * a translated phrase that follows "may not" ("approve a detention"); NULL for the action's
 * general wording. Fails with ZX_ERROR_DENIED naming who tried and which role may:
 * "王强 (officer) may not approve a detention; the president approves". */
gboolean    zx_roles_require (ZxStore *store, ZxAction action, const char *what,
                              ZxStaff *out_staff, GError **error);

/* The translated name of a staff.role value ("president" → 院长 in zh_CN). */
const char *zx_role_label (const char *role);

G_END_DECLS
