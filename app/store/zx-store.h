/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "zx-error.h"

G_BEGIN_DECLS

/* 'ZXZX': marks a database file as ours (PRAGMA application_id, header offset 68). */
#define ZX_APPLICATION_ID 0x5A585A58
/* PRAGMA user_version of the newest schema this build knows. */
#define ZX_SCHEMA_VERSION 2

typedef enum
{
  ZX_STORE_OPEN_DEFAULT = 0,
  ZX_STORE_OPEN_VIEWER = 1 << 0,  /* wall screens, directors: read-write handle + query_only */
  ZX_STORE_OPEN_CREATE = 1 << 1,  /* create the file and schema when the path does not exist */
  ZX_STORE_OPEN_MIGRATE = 1 << 2, /* run forward migrations (zhixingctl init, local first run) */
} ZxStoreOpenFlags;

typedef enum
{
  ZX_FS_LOCAL,
  ZX_FS_NFS,
  ZX_FS_SMB,
  ZX_FS_FUSE,
  ZX_FS_OTHER_NETWORK,
} ZxFsKind;

/* Returns the kind of file system PATH (a file or directory) lives on. Tests replace it. */
typedef ZxFsKind (*ZxFsProbeFunc) (const char *path);

void        zx_store_set_fs_probe (ZxFsProbeFunc func);
ZxFsKind    zx_store_probe_fs (const char *path);
const char *zx_fs_kind_to_string (ZxFsKind kind);

#define ZX_TYPE_STORE (zx_store_get_type ())
G_DECLARE_FINAL_TYPE (ZxStore, zx_store, ZX, STORE, GObject)

/* Opening checks the header before SQLite sees the file: 0-byte, not SQLite, truncated, WAL on a
 * network share, foreign application_id and newer schema each fail with their own ZX_ERROR code
 * and leave the file byte-for-byte unchanged. */
ZxStore    *zx_store_open (const char *path, ZxStoreOpenFlags flags, GError **error);
/* Just the header checks, no SQLite (used by open and by `zhixingctl check`). */
gboolean    zx_store_check_header (const char *path, ZxStoreOpenFlags flags, GError **error);

const char *zx_store_get_path (ZxStore *self);
sqlite3    *zx_store_get_db (ZxStore *self);
ZxFsKind    zx_store_get_fs_kind (ZxStore *self);
gboolean    zx_store_is_read_only (ZxStore *self);
int         zx_store_get_schema_version (ZxStore *self);
const char *zx_store_get_journal_mode (ZxStore *self);

/* Who is writing: recorded in updated_by, change_log and audit. Defaults to the OS user. */
void        zx_store_set_actor (ZxStore *self, const char *actor);
const char *zx_store_get_actor (ZxStore *self);
const char *zx_store_get_host (ZxStore *self);
/* Bound on retrying BEGIN IMMEDIATE / COMMIT while another client writes (default 60 s). */
void        zx_store_set_write_timeout (ZxStore *self, guint timeout_ms);

/* meta table */
char       *zx_store_get_meta (ZxStore *self, const char *key);
/* Sets a court setting (court_name, court_code) in its own audited transaction; other keys of
 * the meta table are the store's own and refused. */
gboolean    zx_store_set_meta (ZxStore *self, const char *key, const char *value,
                               GError **error);

/* Lock self-test: this client holds a write lock while a second process (PROBE_ARGV, a
 * NULL-terminated command such as `zhixingctl --db PATH lock-probe`) tries to take one. If the
 * second process gets it, locking on this file system is broken (a share mounted with nobrl or
 * nolock): ZX_ERROR_UNSAFE_FS, and the client must not write. */
gboolean    zx_store_lock_self_test (ZxStore *self, const char *const *probe_argv,
                                     GError **error);
/* The probe's side: tries BEGIN IMMEDIATE without waiting on PATH (through VFS, NULL for the
 * default). Returns TRUE if it was refused (locking works). */
gboolean    zx_store_lock_probe (const char *path, const char *vfs, gboolean *out_refused,
                                 GError **error);

/* ---- the write wrapper ------------------------------------------------------------------ */

typedef struct _ZxTxn ZxTxn;
typedef gboolean (*ZxTxnFunc) (ZxTxn *txn, gpointer user_data, GError **error);

/* Runs FUNC inside BEGIN IMMEDIATE … COMMIT. BUSY at BEGIN is retried with random back-off up
 * to the write timeout; BUSY at COMMIT retries only the COMMIT. If FUNC fails, everything is
 * rolled back and its error returned. Never surfaces SQLITE_BUSY before the bound. */
gboolean    zx_store_write (ZxStore *self, ZxTxnFunc func, gpointer user_data, GError **error);

sqlite3    *zx_txn_get_db (ZxTxn *txn);
ZxStore    *zx_txn_get_store (ZxTxn *txn);
/* The transaction's timestamp (UTC, ISO 8601 with milliseconds). */
const char *zx_txn_get_now (ZxTxn *txn);

/* Generic row mutations inside a transaction. ENTITY is a table name of the schema; FIELDS
 * holds column → value (string, integer, boolean, null); unknown columns are refused. Each call
 * writes a change_log row and a chained audit row. */
gboolean    zx_txn_insert (ZxTxn *txn, const char *entity, JsonObject *fields, gint64 *out_id,
                           GError **error);
/* Fails with ZX_ERROR_CONFLICT naming who saved last and when if the row's version is no longer
 * EXPECTED_VERSION; with ZX_ERROR_NOT_FOUND if the row is gone. */
gboolean    zx_txn_update (ZxTxn *txn, const char *entity, gint64 id, gint64 expected_version,
                           JsonObject *fields, GError **error);
/* A free-form audit row (imports, demo generation, manual reassignment …). */
gboolean    zx_txn_audit (ZxTxn *txn, const char *action, const char *entity, gint64 entity_id,
                          const char *before_json, const char *after_json, GError **error);
/* Just the change_log row, for bulk writers that audit once for many rows. */
gboolean    zx_txn_log_change (ZxTxn *txn, const char *entity, gint64 entity_id, const char *op,
                               GError **error);
/* The row as a JSON object (all columns), or NULL with ZX_ERROR_NOT_FOUND. */
JsonObject *zx_txn_get_row (ZxTxn *txn, const char *entity, gint64 id, GError **error);

/* One-shot mutations: their own transaction, idempotent per OP_ID (a client-generated UUID;
 * NULL makes one). Returns the new row id, or 0 with ERROR set. */
gint64      zx_store_create (ZxStore *self, const char *entity, JsonObject *fields,
                             const char *op_id, GError **error);
gboolean    zx_store_update (ZxStore *self, const char *entity, gint64 id,
                             gint64 expected_version, JsonObject *fields, const char *op_id,
                             GError **error);
JsonObject *zx_store_get_row (ZxStore *self, const char *entity, gint64 id, GError **error);

/* ---- the change watcher ------------------------------------------------------------------ */

/* Polls PRAGMA data_version every INTERVAL_MS on the thread-default main context; when it moved
 * (or this client committed), reads change_log after the last seen seq and emits
 * ::changed (entity, id) for each row. */
void        zx_store_watch (ZxStore *self, guint interval_ms);
void        zx_store_unwatch (ZxStore *self);
/* One poll now; returns the number of ::changed emissions. */
guint       zx_store_poll_changes (ZxStore *self, GError **error);

/* ---- checks and backups ------------------------------------------------------------------ */

typedef struct
{
  gboolean  ok;
  GPtrArray *problems;        /* char*, one line each */
  gint64    first_bad_audit;  /* seq of the first tampered audit row, 0 if the chain verifies */
  gint64    audit_rows;
} ZxCheckReport;

void        zx_check_report_free (ZxCheckReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxCheckReport, zx_check_report_free)

/* integrity_check (or quick_check), foreign_key_check, application_id/user_version and the audit
 * hash chain. Returns NULL only if the checks could not run at all. */
ZxCheckReport *zx_store_check (ZxStore *self, gboolean quick, GError **error);
/* Verifies the audit chain on DB; returns the first bad seq, or 0. */
gint64      zx_audit_verify (sqlite3 *db, gint64 *out_rows, GError **error);

/* Online backup to DIR/zhixing-YYYYmmdd-HHMMSS.db: sqlite3_backup in one step (restarted while
 * other clients write), flushed, then verified (quick_check, foreign keys, audit chain, row
 * totals). Keeps the newest KEEP backups in DIR (0 keeps all). Returns the new file's path.
 * CANCELLABLE (may be NULL) is checked before the copy, after it and before the rename; once
 * cancelled the .part file is deleted, nothing is kept and the call fails with
 * G_IO_ERROR_CANCELLED. The one-step copy itself cannot be interrupted, so a cancel during it
 * takes effect when it ends. */
char       *zx_store_backup (ZxStore *self, const char *dir, guint keep,
                             GCancellable *cancellable, GError **error);

/* ---- helpers ----------------------------------------------------------------------------- */

/* The database path, from in order: EXPLICIT (--db), $ZHIXING_DB, the GSettings key
 * database-path (when the schema is installed), $XDG_DATA_HOME/zhixing/zhixing.db. */
char       *zx_store_resolve_path (const char *explicit_path, gboolean *out_is_default);
/* A fresh client-side UUID for op ids. */
char       *zx_new_op_id (void);
/* UTC now as ISO 8601 with milliseconds. */
char       *zx_now_iso (void);
/* Maps an SQLite result code to a ZX_ERROR with MESSAGE as context. */
void        zx_set_sqlite_error (GError **error, sqlite3 *db, int rc, const char *what);

G_END_DECLS
