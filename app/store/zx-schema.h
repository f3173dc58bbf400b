/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int         version;  /* the schema version this step produces */
  const char *sql;      /* statements that bring version-1 to version */
  gboolean  (*apply) (sqlite3 *db, GError **error);  /* then this, if not NULL */
} ZxMigration;

/* Applies STEPS newer than FROM_VERSION in one exclusive transaction, setting user_version after
 * each. Exposed so that tests can exercise the runner with steps of their own. */
gboolean zx_schema_apply_migrations (sqlite3 *db, int from_version, const ZxMigration *steps,
                                     guint n_steps, GError **error);
/* (Re)loads the shipped holiday calendar into the calendar table. */
gboolean zx_schema_load_calendar (sqlite3 *db, GError **error);

G_END_DECLS
