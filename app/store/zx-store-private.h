/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zx-store.h"

G_BEGIN_DECLS

struct _ZxStore
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *db;
  ZxFsKind     fs_kind;
  char        *journal_mode;
  gboolean     read_only;
  int          schema_version;

  char        *actor;
  char        *host;
  guint        write_timeout_ms;

  /* change watcher */
  guint        watch_source;
  gint64       data_version;
  gint64       last_seq;
  gboolean     own_commit;
  gboolean     in_txn;

  /* prepared statements by SQL text (sqlite3_stmt*), finalized before the connection closes */
  GHashTable  *stmts;

  /* writable columns per table, from PRAGMA table_info: char* → GPtrArray of char* */
  GHashTable  *columns;
};

struct _ZxTxn
{
  ZxStore *store;
  char    *now;
  gboolean system;  /* the store's own set-up writes (seeding): no role check */
};

/* zx-schema.c */
gboolean zx_schema_create (sqlite3 *db, const char *actor, GError **error);
gboolean zx_schema_migrate (sqlite3 *db, int from_version, GError **error);

/* zx-store.c */
void     zx_store_emit_changed (ZxStore *self, const char *entity, gint64 id);
gboolean zx_store_exec (sqlite3 *db, const char *sql, GError **error);
sqlite3_stmt *zx_store_prepare (ZxStore *self, const char *sql, GError **error);
void     zx_store_release (sqlite3_stmt *stmt);
GPtrArray *zx_store_table_columns (ZxStore *self, const char *table);

/* zx-store-validate.c: domain checks on a row's fields before it is written */
gboolean zx_store_validate_fields (ZxTxn *txn, const char *entity, JsonObject *fields,
                                   JsonObject *before, GError **error);
gboolean zx_store_after_insert (ZxTxn *txn, const char *entity, JsonObject *fields,
                                GError **error);
gboolean zx_store_after_write (ZxTxn *txn, const char *entity, gint64 id, JsonObject *row,
                               GError **error);

/* zx-store-watch.c */
gint64   zx_store_read_data_version (ZxStore *self);
gint64   zx_store_read_last_seq (sqlite3 *db);

/* zx-store-write.c: hash of one audit row given its fields */
char    *zx_audit_hash (const char *prev_hash, gint64 seq, const char *at, const char *actor,
                        const char *host, const char *action, const char *entity,
                        gint64 entity_id, gboolean has_entity_id, const char *before_json,
                        const char *after_json);

/* Client save ids (the saves table): a save whose reply was lost is not applied twice. */
gboolean zx_txn_lookup_save (ZxStore *store, const char *op_id, gint64 *out_id, GError **error);
gboolean zx_txn_record_save (ZxTxn *txn, const char *op_id, const char *entity, gint64 id,
                             GError **error);

/* zx-case-query.c: the FTS5 search row of one case, and all of them */
gboolean zx_case_search_refresh (ZxTxn *txn, gint64 case_id, GError **error);
gboolean zx_case_search_rebuild_db (sqlite3 *db, GError **error);

#define ZX_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

G_END_DECLS
