/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "zx-store-private.h"

/* One long-lived connection per client to a database file that may sit on a network share.
 * The rules (DESIGN.md, "The shared database"): rollback journal, never WAL on a network file
 * system, synchronous=FULL, no mmap, BEGIN IMMEDIATE for every write, viewers use query_only. */

/* SQLite's own busy handler for reads; writes add random back-off on top (zx-store-write.c). */
#define ZX_BUSY_TIMEOUT_MS 10000

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZxStore, zx_store, G_TYPE_OBJECT)

static void
zx_store_finalize (GObject *object)
{
  ZxStore *self = ZX_STORE (object);

  zx_store_unwatch (self);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_free (self->path);
  g_free (self->journal_mode);
  g_free (self->actor);
  g_free (self->host);

  G_OBJECT_CLASS (zx_store_parent_class)->finalize (object);
}

static void
zx_store_class_init (ZxStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zx_store_finalize;

  /**
   * ZxStore::changed:
   * @entity: the table name ("cases", "parties", …)
   * @id: the row id
   *
   * A row was inserted, updated or deleted, by this client or another one.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
zx_store_init (ZxStore *self)
{
  self->actor = g_strdup (g_get_user_name ());
  self->host = g_strdup (g_get_host_name ());
  self->write_timeout_ms = 60000;
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
}

void
zx_store_emit_changed (ZxStore *self, const char *entity, gint64 id)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (entity), entity, id);
}

void
zx_set_sqlite_error (GError **error, sqlite3 *db, int rc, const char *what)
{
  int primary = rc & 0xff;
  ZxError code;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = ZX_ERROR_BUSY;
      break;
    case SQLITE_CORRUPT:
      code = ZX_ERROR_CORRUPT;
      break;
    case SQLITE_NOTADB:
      code = ZX_ERROR_NOT_DATABASE;
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_PROTOCOL:
      code = ZX_ERROR_IO;
      break;
    case SQLITE_READONLY:
      code = ZX_ERROR_READ_ONLY;
      break;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      code = ZX_ERROR_INVALID;
      break;
    default:
      code = ZX_ERROR_FAILED;
      break;
    }
  g_set_error (error, ZX_ERROR, code, "%s: %s", what, detail);
}

gboolean
zx_store_exec (sqlite3 *db, const char *sql, GError **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &msg);

  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, sql);
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
zx_store_prepare (ZxStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, self->db, rc, _("Preparing a statement"));
      return NULL;
    }
  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

void
zx_store_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
query_int (sqlite3 *db, const char *sql, int *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (out_rc != NULL)
    *out_rc = rc;
  return value;
}

/* Creates PATH exclusively so that two first runs never both initialise it; a file that already
 * exists is never given a schema. */
static gboolean
create_new_file (const char *path, GError **error)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0664);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, ZX_ERROR, saved == EEXIST ? ZX_ERROR_EXISTS : ZX_ERROR_IO,
                   _("Cannot create the database file “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
apply_pragmas (ZxStore *self, gboolean keep_wal, gboolean viewer, GError **error)
{
  g_autofree char *mode = NULL;

  sqlite3_busy_timeout (self->db, ZX_BUSY_TIMEOUT_MS);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_extended_result_codes (self->db, 1);

  if (!zx_store_exec (self->db,
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA mmap_size = 0;"
                      "PRAGMA cell_size_check = ON;"
                      "PRAGMA cache_size = -32000;",
                      error))
    return FALSE;

  if (keep_wal || viewer || self->read_only)
    mode = query_text (self->db, "PRAGMA journal_mode");
  else
    mode = query_text (self->db, "PRAGMA journal_mode = DELETE");

  if (mode == NULL)
    {
      zx_set_sqlite_error (error, self->db, sqlite3_errcode (self->db),
                           _("Reading the journal mode"));
      return FALSE;
    }
  if (!keep_wal && !viewer && !self->read_only && g_ascii_strcasecmp (mode, "delete") != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_UNSAFE_FS,
                   _("SQLite refused the rollback journal for “%s” (journal mode is %s)."),
                   self->path, mode);
      return FALSE;
    }
  self->journal_mode = g_steal_pointer (&mode);

  if (viewer && !zx_store_exec (self->db, "PRAGMA query_only = 1", error))
    return FALSE;

  return TRUE;
}

static gboolean
header_is_wal (const char *path)
{
  guint8 h[20] = { 0 };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  if (fd < 0)
    return FALSE;
  n = read (fd, h, sizeof h);
  close (fd);
  return n == (gssize) sizeof h && (h[18] == 2 || h[19] == 2);
}

/* Checks application_id and user_version through SQLite (the header check read them raw before
 * the connection existed), and creates or migrates the schema when asked to. */
static gboolean
check_schema (ZxStore *self, ZxStoreOpenFlags flags, gboolean created, GError **error)
{
  int rc = SQLITE_OK;
  gint64 app_id = query_int (self->db, "PRAGMA application_id", &rc);
  gint64 version;

  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, self->db, rc, _("Reading the database header"));
      return FALSE;
    }
  version = query_int (self->db, "PRAGMA user_version", NULL);

  if (created)
    {
      if (!zx_schema_create (self->db, self->actor, error))
        return FALSE;
      version = ZX_SCHEMA_VERSION;
    }
  else if (app_id != ZX_APPLICATION_ID)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_FOREIGN,
                   _("“%s” is not a Zhixing database (application id 0x%08x)."), self->path,
                   (guint32) app_id);
      return FALSE;
    }
  else if (version < ZX_SCHEMA_VERSION)
    {
      if (!(flags & ZX_STORE_OPEN_MIGRATE) || self->read_only)
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_FAILED,
                       _("The database “%s” has schema %d and needs an upgrade to schema %d: "
                         "run “zhixingctl init” on it first."),
                       self->path, (int) version, ZX_SCHEMA_VERSION);
          return FALSE;
        }
      if (!zx_schema_migrate (self->db, (int) version, error))
        return FALSE;
      version = ZX_SCHEMA_VERSION;
    }
  else if (version > ZX_SCHEMA_VERSION)
    {
      /* Only a viewer gets here (the header check refused writers). */
      self->read_only = TRUE;
      zx_store_exec (self->db, "PRAGMA query_only = 1", NULL);
    }

  self->schema_version = (int) version;
  return TRUE;
}

static gboolean load_columns (ZxStore *self, GError **error);

/* Pragmas, schema checks and the column map. Another client's commit can hold the file locked
 * longer than the busy timeout under load: that is retried with back-off, like a write. */
static gboolean
set_up_connection (ZxStore *self, ZxStoreOpenFlags flags, gboolean keep_wal, gboolean created,
                   GError **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) self->write_timeout_ms * 1000;

  for (guint attempt = 0;; attempt++)
    {
      g_autoptr (GError) local_error = NULL;

      g_clear_pointer (&self->journal_mode, g_free);
      if (apply_pragmas (self, keep_wal, (flags & ZX_STORE_OPEN_VIEWER) != 0, &local_error)
          && check_schema (self, flags, created, &local_error) && load_columns (self, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, ZX_ERROR, ZX_ERROR_BUSY) || created
          || g_get_monotonic_time () > deadline)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep ((gulong) g_random_int_range (20, 200 + 100 * (gint32) MIN (attempt, 5u)) * 1000);
    }
}

ZxStore *
zx_store_open (const char *path, ZxStoreOpenFlags flags, GError **error)
{
  g_autoptr (ZxStore) self = NULL;
  gboolean created = FALSE;
  gboolean viewer = (flags & ZX_STORE_OPEN_VIEWER) != 0;
  gboolean keep_wal = FALSE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & ZX_STORE_OPEN_CREATE) || viewer)
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_NOT_FOUND,
                       _("There is no database at “%s”. Create one with “zhixingctl init”."),
                       path);
          return NULL;
        }
      if (!create_new_file (path, error))
        return NULL;
      created = TRUE;
    }
  else if (!zx_store_check_header (path, flags, error))
    {
      return NULL;
    }

  self = g_object_new (ZX_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->fs_kind = zx_store_probe_fs (path);
  self->read_only = viewer;
  keep_wal = !created && header_is_wal (path) && self->fs_kind == ZX_FS_LOCAL;

  /* Viewers still open read-write so that they can roll back a hot journal left by a crashed
   * writer (a read-only handle would fail with SQLITE_READONLY_ROLLBACK). */
  open_flags = SQLITE_OPEN_READWRITE;
  if (!created && g_access (path, W_OK) != 0)
    {
      open_flags = SQLITE_OPEN_READONLY;
      self->read_only = TRUE;
    }
  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, self->db, rc, _("Opening the database"));
      if (created)
        g_unlink (path);
      return NULL;
    }

  if (!set_up_connection (self, flags, keep_wal, created, error))
    {
      if (created)
        {
          sqlite3_close_v2 (self->db);
          self->db = NULL;
          g_unlink (path);
        }
      return NULL;
    }

  self->data_version = zx_store_read_data_version (self);
  self->last_seq = zx_store_read_last_seq (self->db);
  return g_steal_pointer (&self);
}

const char *
zx_store_get_path (ZxStore *self)
{
  g_return_val_if_fail (ZX_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
zx_store_get_db (ZxStore *self)
{
  g_return_val_if_fail (ZX_IS_STORE (self), NULL);
  return self->db;
}

ZxFsKind
zx_store_get_fs_kind (ZxStore *self)
{
  g_return_val_if_fail (ZX_IS_STORE (self), ZX_FS_LOCAL);
  return self->fs_kind;
}

gboolean
zx_store_is_read_only (ZxStore *self)
{
  g_return_val_if_fail (ZX_IS_STORE (self), TRUE);
  return self->read_only;
}

int
zx_store_get_schema_version (ZxStore *self)
{
  g_return_val_if_fail (ZX_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
zx_store_get_journal_mode (ZxStore *self)
{
  g_return_val_if_fail (ZX_IS_STORE (self), NULL);
  return self->journal_mode;
}

void
zx_store_set_actor (ZxStore *self, const char *actor)
{
  g_return_if_fail (ZX_IS_STORE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');
  g_free (self->actor);
  self->actor = g_strdup (actor);
}

const char *
zx_store_get_actor (ZxStore *self)
{
  g_return_val_if_fail (ZX_IS_STORE (self), NULL);
  return self->actor;
}

const char *
zx_store_get_host (ZxStore *self)
{
  g_return_val_if_fail (ZX_IS_STORE (self), NULL);
  return self->host;
}

void
zx_store_set_write_timeout (ZxStore *self, guint timeout_ms)
{
  g_return_if_fail (ZX_IS_STORE (self));
  self->write_timeout_ms = timeout_ms;
}

char *
zx_store_get_meta (ZxStore *self, const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (ZX_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = ?", -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Column names of TABLE as the schema defines them. Mutations only accept these names, so a
 * column name never comes from user data. The internal tables are not mutable this way. */
GPtrArray *
zx_store_table_columns (ZxStore *self, const char *table)
{
  static const char *const internal[] = { "meta", "change_log", "audit", "saves",
                                          "case_counters", "sqlite_sequence", NULL };

  if (g_strv_contains (internal, table) || g_str_has_prefix (table, "case_search"))
    return NULL;
  return g_hash_table_lookup (self->columns, table);
}

/* Reads every table's columns once at open, so that no mutation has to ask the schema while
 * other clients hold locks. */
static gboolean
load_columns (ZxStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_hash_table_remove_all (self->columns);
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p "
                           "WHERE m.type = 'table' ORDER BY m.name, p.cid",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      GPtrArray *cols = g_hash_table_lookup (self->columns, table);

      if (cols == NULL)
        {
          cols = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (self->columns, g_strdup (table), cols);
        }
      g_ptr_array_add (cols, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, self->db, rc, _("Reading the schema"));
      return FALSE;
    }
  return TRUE;
}

char *
zx_store_resolve_path (const char *explicit_path, gboolean *out_is_default)
{
  const char *env = g_getenv ("ZHIXING_DB");
  GSettingsSchemaSource *source;

  if (out_is_default != NULL)
    *out_is_default = FALSE;
  if (explicit_path != NULL && *explicit_path != '\0')
    return g_strdup (explicit_path);
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  /* GSettings aborts on a missing schema: look it up first. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    {
      g_autoptr (GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      if (schema != NULL && g_settings_schema_has_key (schema, "database-path"))
        {
          g_autoptr (GSettings) settings = g_settings_new_full (schema, NULL, NULL);
          g_autofree char *configured = g_settings_get_string (settings, "database-path");
          if (configured != NULL && *configured != '\0')
            return g_steal_pointer (&configured);
        }
    }

  if (out_is_default != NULL)
    *out_is_default = TRUE;
  return g_build_filename (g_get_user_data_dir (), "zhixing", "zhixing.db", NULL);
}

char *
zx_new_op_id (void)
{
  return g_uuid_string_random ();
}

char *
zx_now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}
