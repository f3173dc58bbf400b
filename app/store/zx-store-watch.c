/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zx-store-private.h"

/* File monitors do not cross machines, so clients poll PRAGMA data_version (a lock and a 16-byte
 * read) and only read change_log when it moved. data_version does not move for this
 * connection's own commits, so the write wrapper sets own_commit. */

gint64
zx_store_read_data_version (ZxStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gint64
zx_store_read_last_seq (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, "SELECT coalesce(max(seq), 0) FROM change_log", -1, &stmt, NULL)
        == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

typedef struct
{
  char  *entity;
  gint64 id;
} Change;

static void
change_clear (gpointer data)
{
  g_free (((Change *) data)->entity);
}

guint
zx_store_poll_changes (ZxStore *self, GError **error)
{
  g_autoptr (GArray) changes = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version;
  int rc;

  g_return_val_if_fail (ZX_IS_STORE (self), 0);

  version = zx_store_read_data_version (self);
  if (version < 0)
    {
      zx_set_sqlite_error (error, self->db, sqlite3_errcode (self->db),
                           _("Checking for changes"));
      return 0;
    }
  if (version == self->data_version && !self->own_commit)
    return 0;

  changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (changes, change_clear);

  /* Read everything first, then emit: handlers may query the database themselves and must not
   * run while this statement holds a read lock. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT seq, entity, entity_id FROM change_log WHERE seq > ? "
                           "ORDER BY seq",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, self->last_seq);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Change change = { g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                            sqlite3_column_int64 (stmt, 2) };
          self->last_seq = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (changes, change);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, self->db, rc, _("Reading the change log"));
      return 0;
    }

  self->data_version = version;
  self->own_commit = FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);
      zx_store_emit_changed (self, change->entity, change->id);
    }
  return changes->len;
}

static gboolean
watch_cb (gpointer user_data)
{
  ZxStore *self = user_data;
  g_autoptr (GError) error = NULL;

  /* A share that went away is retried on the next tick; the UI shows the state. */
  zx_store_poll_changes (self, &error);
  if (error != NULL)
    g_debug ("polling for changes: %s", error->message);
  return G_SOURCE_CONTINUE;
}

void
zx_store_watch (ZxStore *self, guint interval_ms)
{
  g_return_if_fail (ZX_IS_STORE (self));

  zx_store_unwatch (self);
  self->watch_source = g_timeout_add (MAX (interval_ms, 50), watch_cb, self);
}

void
zx_store_unwatch (ZxStore *self)
{
  g_return_if_fail (ZX_IS_STORE (self));
  g_clear_handle_id (&self->watch_source, g_source_remove);
}
