/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sys/wait.h>

#include "zx-roles.h"
#include "zx-store-private.h"

/* A share mounted without byte-range locks (CIFS nobrl, NFS nolock) loses updates silently while
 * integrity_check still says ok. The only proof that locks work is a second process being
 * refused a lock this one holds. */

gboolean
zx_store_lock_probe (const char *path, const char *vfs, gboolean *out_refused, GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, vfs);

  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, _("Opening the database for the lock test"));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 0);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  *out_refused = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
  if (rc != SQLITE_OK && !*out_refused)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_IO, _("The lock test could not run: %s"),
                   sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
zx_store_lock_self_test (ZxStore *self, const char *const *probe_argv, GError **error)
{
  g_autoptr (GError) spawn_error = NULL;
  g_autofree char *err = NULL;
  int status = 0, rc;

  g_return_val_if_fail (ZX_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, self->db, rc, _("Taking the write lock for the lock test"));
      return FALSE;
    }
  g_spawn_sync (NULL, (char **) probe_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &status, &spawn_error);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  if (spawn_error != NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_FAILED, _("The lock test could not start: %s"),
                   spawn_error->message);
      return FALSE;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return TRUE;
  if (WIFEXITED (status) && WEXITSTATUS (status) == 4)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_UNSAFE_FS,
                   _("Locking does not work for “%s”: another process took the write lock this "
                     "one holds. Updates would be lost; the share must be mounted with byte-range "
                     "locks (no “nobrl” or “nolock”). Zhixing stays read-only here."),
                   self->path);
      return FALSE;
    }
  g_set_error (error, ZX_ERROR, ZX_ERROR_FAILED, _("The lock test failed: %s"),
               err != NULL && *err != '\0' ? g_strstrip (err) : _("unknown error"));
  return FALSE;
}

/* ---- court settings ------------------------------------------------------------------------ */

typedef struct
{
  const char *key, *value;
} MetaSet;

static gboolean
set_meta_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  MetaSet *m = user_data;
  g_autofree char *before = zx_store_get_meta (zx_txn_get_store (txn), m->key);
  sqlite3_stmt *stmt = zx_store_prepare (zx_txn_get_store (txn),
                                         "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                         error);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *before_json = NULL, *after_json = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (!zx_roles_require (zx_txn_get_store (txn), ZX_ACTION_SETTINGS, NULL, NULL, error))
    {
      zx_store_release (stmt);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, m->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, m->value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_txn_get_db (txn), rc, _("Saving the setting"));
      return FALSE;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, m->key);
  json_builder_add_string_value (b, before);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  before_json = json_to_string (node, FALSE);
  g_clear_object (&b);
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, m->key);
  json_builder_add_string_value (b, m->value);
  json_builder_end_object (b);
  g_clear_pointer (&node, json_node_unref);
  node = json_builder_get_root (b);
  after_json = json_to_string (node, FALSE);
  return zx_txn_log_change (txn, "meta", 0, "update", error)
         && zx_txn_audit (txn, "update", "meta", 0, before_json, after_json, error);
}

gboolean
zx_store_set_meta (ZxStore *self, const char *key, const char *value, GError **error)
{
  static const char *const settable[] = { "court_name", "court_code", NULL };
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  MetaSet m = { key, trimmed };

  if (!g_strv_contains (settable, key))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("“%s” is not a court setting."), key);
      return FALSE;
    }
  if (*trimmed == '\0')
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("The court's name and code cannot be "
                                                        "empty."));
      return FALSE;
    }
  return zx_store_write (self, set_meta_txn, &m, error);
}
