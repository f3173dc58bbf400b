/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "zx-store-private.h"

/* Header checks run before SQLite opens the file: a file we refuse is never touched by SQLite,
 * so it stays byte-for-byte as it was. */

#define NFS_SUPER_MAGIC  0x6969
#define SMB_SUPER_MAGIC  0x517B
#define CIFS_MAGIC       0xFF534D42
#define SMB2_MAGIC       0xFE534D42
#define FUSE_MAGIC       0x65735546
#define V9FS_MAGIC       0x01021997
#define AFS_MAGIC        0x5346414F
#define CEPH_MAGIC       0x00C36400
#define CODA_MAGIC       0x73757245
#define NCP_MAGIC        0x564C

static ZxFsKind
default_fs_probe (const char *path)
{
  struct statfs st;
  g_autofree char *dir = NULL;

  if (statfs (path, &st) != 0)
    {
      dir = g_path_get_dirname (path);
      if (statfs (dir, &st) != 0)
        return ZX_FS_LOCAL;
    }

  switch ((unsigned long) st.f_type)
    {
    case NFS_SUPER_MAGIC:
      return ZX_FS_NFS;
    case SMB_SUPER_MAGIC:
    case CIFS_MAGIC:
    case SMB2_MAGIC:
      return ZX_FS_SMB;
    case FUSE_MAGIC:
      return ZX_FS_FUSE;
    case V9FS_MAGIC:
    case AFS_MAGIC:
    case CEPH_MAGIC:
    case CODA_MAGIC:
    case NCP_MAGIC:
      return ZX_FS_OTHER_NETWORK;
    default:
      return ZX_FS_LOCAL;
    }
}

static ZxFsProbeFunc fs_probe = default_fs_probe;

void
zx_store_set_fs_probe (ZxFsProbeFunc func)
{
  fs_probe = func != NULL ? func : default_fs_probe;
}

ZxFsKind
zx_store_probe_fs (const char *path)
{
  return fs_probe (path);
}

const char *
zx_fs_kind_to_string (ZxFsKind kind)
{
  switch (kind)
    {
    case ZX_FS_LOCAL:
      return "local";
    case ZX_FS_NFS:
      return "nfs";
    case ZX_FS_SMB:
      return "smb";
    case ZX_FS_FUSE:
      return "fuse";
    case ZX_FS_OTHER_NETWORK:
    default:
      return "network";
    }
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
read_header (const char *path, guint8 header[100], gsize *out_read, goffset *out_size,
             GError **error)
{
  struct stat st;
  int fd;
  gssize n;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, ZX_ERROR, saved == ENOENT ? ZX_ERROR_NOT_FOUND : ZX_ERROR_IO,
                   _("Cannot open the database file “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, ZX_ERROR, ZX_ERROR_IO, _("Cannot read the database file “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, 100);
  close (fd);
  if (n < 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_IO, _("Cannot read the database file “%s”: %s"),
                   path, g_strerror (errno));
      return FALSE;
    }
  *out_read = (gsize) n;
  *out_size = st.st_size;
  return TRUE;
}

static gboolean
journal_present (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  struct stat st;

  return g_stat (journal, &st) == 0 && st.st_size > 0;
}

gboolean
zx_store_check_header (const char *path, ZxStoreOpenFlags flags, GError **error)
{
  guint8 h[100];
  gsize got = 0;
  goffset size = 0;
  guint32 page_size, change_counter, page_count, valid_for, user_version, app_id;

  if (!read_header (path, h, &got, &size, error))
    return FALSE;

  if (size == 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_EMPTY_FILE,
                   _("The database file “%s” is empty (0 bytes). An empty file is a fault, not a "
                     "new database: restore it from a backup, or remove it and run “zhixingctl "
                     "init”."),
                   path);
      return FALSE;
    }

  if (got < 100 || memcmp (h, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_NOT_DATABASE,
                   _("“%s” is not a database file (it does not start with the SQLite header)."),
                   path);
      return FALSE;
    }

  page_size = ((guint32) h[16] << 8) | h[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT,
                   _("The database file “%s” is damaged: its header gives an invalid page size."),
                   path);
      return FALSE;
    }

  if (h[18] == 2 || h[19] == 2)
    {
      ZxFsKind kind = zx_store_probe_fs (path);
      if (kind != ZX_FS_LOCAL)
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_UNSAFE_FS,
                       _("The database “%s” is in WAL mode but lives on a network file system "
                         "(%s). WAL does not work across machines; convert it on the server with "
                         "“PRAGMA journal_mode=DELETE” before sharing it."),
                       path, zx_fs_kind_to_string (kind));
          return FALSE;
        }
    }

  change_counter = be32 (h + 24);
  page_count = be32 (h + 28);
  valid_for = be32 (h + 92);
  if (valid_for == change_counter && page_count > 0 && !journal_present (path)
      && (guint64) size < (guint64) page_count * page_size)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT,
                   _("The database file “%s” is truncated: it should be %" PRIu64
                     " bytes but is %" PRIu64 ". Restore it from a backup."),
                   path, (guint64) page_count * page_size, (guint64) size);
      return FALSE;
    }

  user_version = be32 (h + 60);
  app_id = be32 (h + 68);
  if (app_id != ZX_APPLICATION_ID)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another application (application id "
                     "0x%08x), not a Zhixing database."),
                   path, app_id);
      return FALSE;
    }

  if (user_version > ZX_SCHEMA_VERSION && !(flags & ZX_STORE_OPEN_VIEWER))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer Zhixing (schema %u; this version "
                     "knows schema %d). It can be opened read-only; upgrade Zhixing to edit it."),
                   path, user_version, ZX_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}
