/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

/* The Settings page's reads: small, prepared, with bound parameters. Each loader returns a
 * GPtrArray of the structs below (freed with the array), or NULL with ERROR set. */

typedef struct
{
  gint64    id;
  gint64    version;
  char     *name;
  char     *kind;
  gboolean  active;
  gint64    n_staff;
} ZxSettingsTeam;

typedef struct
{
  gint64    id;
  gint64    version;
  char     *name;
  char     *login;
  char     *role;
  gint64    team_id;   /* 0: none */
  char     *team_name;
  gboolean  active;
} ZxSettingsStaff;

typedef struct
{
  gint64    priority;
  char     *name;
  char     *conditions;  /* translated, one line */
  char     *pool;        /* translated, one line */
  gboolean  active;
} ZxSettingsRoute;

typedef struct
{
  gint64    id;
  gint64    version;
  char     *kind;
  char     *name;
  char     *trigger;
  gint64    amount;
  char     *unit;
  gint64    warn_days;
  gboolean  active;
} ZxSettingsNodeRule;

typedef struct
{
  char     *key;
  gint64    value;
  char     *unit;
  char     *description;
} ZxSettingsParam;

typedef struct
{
  int       year;
  gint64    n_off;
  gint64    n_work;
} ZxSettingsYear;

GPtrArray  *zx_settings_data_load_teams      (sqlite3 *db, GError **error);
GPtrArray  *zx_settings_data_load_staff      (sqlite3 *db, GError **error);
GPtrArray  *zx_settings_data_load_routes     (sqlite3 *db, GError **error);
GPtrArray  *zx_settings_data_load_node_rules (sqlite3 *db, GError **error);
GPtrArray  *zx_settings_data_load_params     (sqlite3 *db, GError **error);
GPtrArray  *zx_settings_data_load_calendar   (sqlite3 *db, GError **error);

/* The translated label of a node rule's unit ("days", "working_days", "months", …). */
const char *zx_settings_unit_label           (const char *unit);

/* The staff roles (staff.role values), NULL-terminated, in display order. */
const char *const *zx_settings_roles         (void);
/* The node rule units, NULL-terminated. */
const char *const *zx_settings_node_units    (void);

/* Finds zhixingctl for the lock probe: beside the running binary (installed), at
 * ../app/cli/zhixingctl (build tree), $ZHIXINGCTL, then $PATH. NULL if none was found. */
char       *zx_settings_find_zhixingctl      (void);

/* Worker-thread helpers: each opens its own connection to PATH. */
gboolean    zx_settings_run_lock_test        (const char *path, GError **error);
char       *zx_settings_run_backup           (const char *path, const char *dir, guint keep,
                                              GCancellable *cancellable, GError **error);

G_END_DECLS
