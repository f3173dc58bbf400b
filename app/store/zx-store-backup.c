/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "zx-store-private.h"

/* A file copy of a live database is not a backup (it can miss the hot journal). The backup API
 * takes a consistent snapshot; one step copies everything under one read lock, so writers on
 * other desktops cannot make it restart forever. */

static gboolean
fsync_path (const char *path, gboolean is_dir)
{
  int fd = g_open (path, (is_dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

static gboolean
copy_database (ZxStore *self, const char *dest_path, GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  guint attempts = 0;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, dest, rc, _("Creating the backup file"));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", zx_store_get_db (self), "main");
  if (backup == NULL)
    {
      zx_set_sqlite_error (error, dest, sqlite3_errcode (dest), _("Starting the backup"));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (50000 + g_random_int_range (0, 100000));
    }
  while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++attempts < 1200);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (self), rc, _("Copying the database"));
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  /* The copy must not stay in WAL mode if the source was a local WAL file. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);
  return TRUE;
}

static gboolean
verify_copy (const char *path, GError **error)
{
  g_autoptr (ZxStore) copy = zx_store_open (path, ZX_STORE_OPEN_VIEWER, error);
  g_autoptr (ZxCheckReport) report = NULL;

  if (copy == NULL)
    return FALSE;
  report = zx_store_check (copy, TRUE, error);
  if (report == NULL)
    return FALSE;
  if (!report->ok)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT, _("The backup copy failed its check: %s"),
                   (const char *) g_ptr_array_index (report->problems, 0));
      return FALSE;
    }
  return TRUE;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
rotate (const char *dir, guint keep)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL || keep == 0)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "zhixing-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (path);
    }
}

char *
zx_store_backup (ZxStore *self, const char *dir, guint keep, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *final_path = NULL;
  g_autofree char *part_path = NULL;

  g_return_val_if_fail (ZX_IS_STORE (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (g_mkdir_with_parents (dir, 0775) != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_IO, _("Cannot create the backup folder “%s”: %s"),
                   dir, g_strerror (errno));
      return NULL;
    }
  for (guint n = 0; final_path == NULL || g_file_test (final_path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 0 ? g_strdup_printf ("zhixing-%s.db", stamp)
                                     : g_strdup_printf ("zhixing-%s-%u.db", stamp, n);
      g_free (final_path);
      final_path = g_build_filename (dir, name, NULL);
    }
  part_path = g_strconcat (final_path, ".part", NULL);
  g_unlink (part_path);

  /* sqlite3_backup_step (-1) copies in one step and cannot be interrupted: a cancel during the
   * copy is noticed right after it. */
  if (!copy_database (self, part_path, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !fsync_path (part_path, FALSE) || !verify_copy (part_path, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ZX_ERROR, ZX_ERROR_IO, _("Cannot flush the backup “%s” to disk."),
                     part_path);
      g_unlink (part_path);
      return NULL;
    }
  if (g_rename (part_path, final_path) != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_IO, _("Cannot rename the backup to “%s”: %s"),
                   final_path, g_strerror (errno));
      g_unlink (part_path);
      return NULL;
    }
  fsync_path (dir, TRUE);
  rotate (dir, keep);
  return g_steal_pointer (&final_path);
}
