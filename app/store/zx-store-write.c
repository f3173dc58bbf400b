/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zx-store-private.h"

/* The only place a transaction begins. BEGIN IMMEDIATE takes the write lock up front, so no
 * statement inside can hit SQLite's deadlock rule; BUSY at BEGIN is retried with random back-off
 * (SQLite's own busy handler polls and is unfair under load), BUSY at COMMIT retries the COMMIT
 * alone because the transaction is still active. */

static const char *const protected_columns[] = { "id", "version", "created_at", "updated_at",
                                                 "updated_by", NULL };

static gboolean
is_busy (int rc)
{
  int primary = rc & 0xff;

  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

static void
back_off (guint attempt)
{
  guint cap = MIN (500, 20u << MIN (attempt, 5u));

  g_usleep ((gulong) g_random_int_range (10, (gint32) cap + 1) * 1000);
}

static void
rollback (ZxStore *self)
{
  /* After BUSY, FULL or IOERR SQLite may already have rolled back; ignore that error. */
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
set_busy_error (GError **error, ZxStore *self)
{
  g_set_error (error, ZX_ERROR, ZX_ERROR_BUSY,
               _("Another user's save kept the database busy for more than %u seconds; nothing "
                 "was saved. Try again."),
               self->write_timeout_ms / 1000);
}

static gboolean
commit (ZxStore *self, gint64 deadline, GError **error)
{
  guint attempt = 0;
  int rc;

  while (is_busy (rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL)))
    {
      if (g_get_monotonic_time () > deadline)
        {
          rollback (self);
          set_busy_error (error, self);
          return FALSE;
        }
      back_off (attempt++);
    }
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, self->db, rc, _("Saving"));
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
zx_store_write (ZxStore *self, ZxTxnFunc func, gpointer user_data, GError **error)
{
  gint64 deadline;
  guint attempt = 0;

  g_return_val_if_fail (ZX_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_READ_ONLY,
                   _("The database is open read-only; nothing can be saved."));
      return FALSE;
    }
  if (self->in_txn)
    {
      g_critical ("zx_store_write() called inside a write transaction");
      g_set_error (error, ZX_ERROR, ZX_ERROR_FAILED, "nested write transaction");
      return FALSE;
    }

  deadline = g_get_monotonic_time () + (gint64) self->write_timeout_ms * 1000;

  for (;;)
    {
      g_autoptr (GError) local_error = NULL;
      ZxTxn txn = { self, NULL, FALSE };
      gboolean ok;
      int rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

      if (is_busy (rc))
        {
          if (g_get_monotonic_time () > deadline)
            {
              set_busy_error (error, self);
              return FALSE;
            }
          back_off (attempt++);
          continue;
        }
      if (rc != SQLITE_OK)
        {
          zx_set_sqlite_error (error, self->db, rc, _("Starting a save"));
          return FALSE;
        }

      txn.now = zx_now_iso ();
      self->in_txn = TRUE;
      ok = func (&txn, user_data, &local_error);
      self->in_txn = FALSE;
      g_free (txn.now);

      if (!ok)
        {
          rollback (self);
          if (g_error_matches (local_error, ZX_ERROR, ZX_ERROR_BUSY)
              && g_get_monotonic_time () < deadline)
            {
              back_off (attempt++);
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (!commit (self, deadline, error))
        return FALSE;
      self->own_commit = TRUE;
      return TRUE;
    }
}

sqlite3 *
zx_txn_get_db (ZxTxn *txn)
{
  return txn->store->db;
}

ZxStore *
zx_txn_get_store (ZxTxn *txn)
{
  return txn->store;
}

const char *
zx_txn_get_now (ZxTxn *txn)
{
  return txn->now;
}

/* Statements come from the store's cache: an import prepares the same five statements for every
 * row otherwise. Each use ends with zx_store_release(), which also drops the read lock. */
static gboolean
prepare (ZxStore *store, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  *stmt = zx_store_prepare (store, sql, error);
  return *stmt != NULL;
}

static gboolean
step_done (sqlite3 *db, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      zx_set_sqlite_error (error, db, rc, what);
      return FALSE;
    }
  return TRUE;
}

/* Binds a JSON value; money and counts are integers, so a floating-point value is refused. */
static gboolean
bind_node (sqlite3_stmt *stmt, int index, const char *entity, const char *column, JsonNode *node,
           GError **error)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
          return TRUE;
        }
      if (type == G_TYPE_INT64)
        {
          sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
          return TRUE;
        }
      if (type == G_TYPE_BOOLEAN)
        {
          sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
          return TRUE;
        }
    }
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
               _("Field “%s” of %s must be text, a whole number or empty."), column, entity);
  return FALSE;
}

static gboolean
check_field_names (ZxStore *self, const char *entity, JsonObject *fields, GPtrArray **out_cols,
                   GError **error)
{
  GPtrArray *cols = zx_store_table_columns (self, entity);
  g_autoptr (GList) names = NULL;

  if (cols == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("“%s” is not a kind of record that can be "
                                                       "saved."), entity);
      return FALSE;
    }
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      gboolean known = FALSE;

      for (guint i = 0; i < cols->len && !known; i++)
        known = g_str_equal (name, g_ptr_array_index (cols, i));
      if (!known || g_strv_contains (protected_columns, name))
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                       _("%s has no field “%s” that can be set."), entity, name);
          return FALSE;
        }
    }
  *out_cols = cols;
  return TRUE;
}

static char *
node_to_json (JsonObject *object)
{
  g_autoptr (JsonNode) node = NULL;

  if (object == NULL)
    return NULL;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

JsonObject *
zx_txn_get_row (ZxTxn *txn, const char *entity, gint64 id, GError **error)
{
  return zx_store_get_row (txn->store, entity, id, error);
}

JsonObject *
zx_store_get_row (ZxStore *self, const char *entity, gint64 id, GError **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  JsonObject *row = NULL;
  int rc;

  if (zx_store_table_columns (self, entity) == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("“%s” is not a kind of record."), entity);
      return NULL;
    }
  /* ENTITY is a table name checked against the schema above, never user text. */
  sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?", entity);
  if (!prepare (self, sql, &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = json_object_new ();
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *name = sqlite3_column_name (stmt, i);

          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              json_object_set_int_member (row, name, sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_TEXT:
              json_object_set_string_member (row, name,
                                             (const char *) sqlite3_column_text (stmt, i));
              break;
            case SQLITE_BLOB:
              {
                /* Photos: the audit keeps a digest, not the image. */
                g_autofree char *digest = g_compute_checksum_for_data (
                    G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, i),
                    (gsize) sqlite3_column_bytes (stmt, i));
                g_autofree char *text = g_strdup_printf ("sha256:%s", digest);
                json_object_set_string_member (row, name, text);
              }
              break;
            case SQLITE_FLOAT:
              json_object_set_double_member (row, name, sqlite3_column_double (stmt, i));
              break;
            default:
              json_object_set_null_member (row, name);
              break;
            }
        }
    }
  else if (rc == SQLITE_DONE)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_NOT_FOUND, _("%s %" PRId64 " does not exist "
                                                          "(it may have been deleted)."),
                   entity, id);
    }
  else
    {
      zx_set_sqlite_error (error, self->db, rc, _("Reading a record"));
    }
  zx_store_release (stmt);
  return row;
}

char *
zx_audit_hash (const char *prev_hash, gint64 seq, const char *at, const char *actor,
               const char *host, const char *action, const char *entity, gint64 entity_id,
               gboolean has_entity_id, const char *before_json, const char *after_json)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char num[32];
  const char *parts[] = { prev_hash, NULL, at, actor, host, action, entity, NULL, before_json,
                          after_json };

  g_snprintf (num, sizeof num, "%" PRId64, seq);
  parts[1] = num;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = parts[i];
      char id_buf[32];

      if (i == 7)
        {
          if (!has_entity_id)
            part = NULL;
          else
            {
              g_snprintf (id_buf, sizeof id_buf, "%" PRId64, entity_id);
              part = id_buf;
            }
        }
      /* Unit separator between fields, record separator for NULL: no two field lists hash the
       * same input. */
      if (part == NULL)
        g_checksum_update (sum, (const guchar *) "\x1e", 1);
      else
        g_checksum_update (sum, (const guchar *) part, (gssize) strlen (part));
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
zx_txn_audit (ZxTxn *txn, const char *action, const char *entity, gint64 entity_id,
              const char *before_json, const char *after_json, GError **error)
{
  sqlite3 *db = txn->store->db;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 1;
  gboolean has_id = entity_id != 0;
  gboolean ok;

  if (!prepare (txn->store, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &stmt, error))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (stmt, 0) + 1;
      prev = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  zx_store_release (stmt);
  if (prev == NULL)
    prev = g_strdup (ZX_AUDIT_GENESIS);

  hash = zx_audit_hash (prev, seq, txn->now, txn->store->actor, txn->store->host, action, entity,
                        entity_id, has_id, before_json, after_json);

  if (!prepare (txn->store,
                "INSERT INTO audit (seq, at, actor, host, action, entity, entity_id, before_json, "
                "after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, txn->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, txn->store->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, txn->store->host, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entity, -1, SQLITE_STATIC);
  if (has_id)
    sqlite3_bind_int64 (stmt, 7, entity_id);
  sqlite3_bind_text (stmt, 8, before_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, after_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, hash, -1, SQLITE_STATIC);
  ok = step_done (db, stmt, _("Writing the audit record"), error);
  zx_store_release (stmt);
  return ok;
}

gboolean
zx_txn_log_change (ZxTxn *txn, const char *entity, gint64 entity_id, const char *op,
                   GError **error)
{
  sqlite3 *db = txn->store->db;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!prepare (txn->store,
                "INSERT INTO change_log (entity, entity_id, op, at, actor) VALUES (?, ?, ?, ?, ?)",
                &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_text (stmt, 3, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, txn->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, txn->store->actor, -1, SQLITE_STATIC);
  ok = step_done (db, stmt, _("Writing the change log"), error);
  zx_store_release (stmt);
  return ok;
}

/* Turns SQLite's constraint messages into something a clerk can act on. */
static void
set_write_error (GError **error, sqlite3 *db, int rc, const char *entity)
{
  const char *msg = sqlite3_errmsg (db);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE && g_str_has_suffix (msg, "cases.case_no"))
        g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("That case number is already taken."));
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                     _("%s refers to a record that does not exist."), entity);
      else
        g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("%s was not saved: %s"), entity, msg);
      return;
    }
  zx_set_sqlite_error (error, db, rc, entity);
}

gboolean
zx_txn_insert (ZxTxn *txn, const char *entity, JsonObject *fields, gint64 *out_id,
               GError **error)
{
  ZxStore *self = txn->store;
  GPtrArray *cols = NULL;
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GList) names = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autofree char *after_json = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean has_created;
  int index = 1, rc;
  gint64 id;

  if (!check_field_names (self, entity, fields, &cols, error))
    return FALSE;
  if (!zx_store_validate_fields (txn, entity, fields, NULL, error))
    return FALSE;

  /* rule_params has no created_at column */
  has_created = FALSE;
  for (guint i = 0; i < cols->len; i++)
    has_created |= g_str_equal (g_ptr_array_index (cols, i), "created_at");

  names = json_object_get_members (fields);
  g_string_printf (sql, "INSERT INTO \"%s\" (", entity);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (sql, "\"%s\", ", (const char *) l->data);
  g_string_append (sql, has_created ? "created_at, updated_at, updated_by) VALUES ("
                                    : "updated_at, updated_by) VALUES (");
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append (sql, "?, ");
  g_string_append (sql, has_created ? "?, ?, ?)" : "?, ?)");

  if (!prepare (self, sql->str, &stmt, error))
    return FALSE;
  for (GList *l = names; l != NULL; l = l->next, index++)
    if (!bind_node (stmt, index, entity, l->data, json_object_get_member (fields, l->data), error))
      {
        zx_store_release (stmt);
        return FALSE;
      }
  if (has_created)
    sqlite3_bind_text (stmt, index++, txn->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, index++, txn->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, index++, self->actor, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      set_write_error (error, self->db, rc, entity);
      return FALSE;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!zx_store_after_insert (txn, entity, fields, error))
    return FALSE;

  after = zx_store_get_row (self, entity, id, error);
  if (after == NULL || !zx_store_after_write (txn, entity, id, after, error))
    return FALSE;
  after_json = node_to_json (after);
  if (!zx_txn_log_change (txn, entity, id, "insert", error)
      || !zx_txn_audit (txn, "create", entity, id, NULL, after_json, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

static void
set_conflict_error (GError **error, const char *entity, gint64 id, JsonObject *current,
                    gint64 expected)
{
  const char *who = json_object_get_string_member_with_default (current, "updated_by", "?");
  const char *when = json_object_get_string_member_with_default (current, "updated_at", "?");

  g_set_error (error, ZX_ERROR, ZX_ERROR_CONFLICT,
               _("%s %" PRId64 " was changed by %s at %s while you were editing it "
                 "(you had version %" PRId64 ", it is now version %" PRId64
                 "). Nothing was saved; reload to see their changes."),
               entity, id, who, when, expected,
               json_object_get_int_member_with_default (current, "version", 0));
}

gboolean
zx_txn_update (ZxTxn *txn, const char *entity, gint64 id, gint64 expected_version,
               JsonObject *fields, GError **error)
{
  ZxStore *self = txn->store;
  GPtrArray *cols = NULL;
  g_autoptr (JsonObject) before = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GList) names = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  sqlite3_stmt *stmt = NULL;
  int index = 1, rc;

  if (!check_field_names (self, entity, fields, &cols, error))
    return FALSE;
  before = zx_store_get_row (self, entity, id, error);
  if (before == NULL)
    return FALSE;
  if (json_object_get_int_member_with_default (before, "version", 0) != expected_version)
    {
      set_conflict_error (error, entity, id, before, expected_version);
      return FALSE;
    }
  if (!zx_store_validate_fields (txn, entity, fields, before, error))
    return FALSE;

  names = json_object_get_members (fields);
  g_string_printf (sql, "UPDATE \"%s\" SET ", entity);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (sql, "\"%s\" = ?, ", (const char *) l->data);
  g_string_append (sql, "version = version + 1, updated_at = ?, updated_by = ? "
                        "WHERE id = ? AND version = ?");

  if (!prepare (self, sql->str, &stmt, error))
    return FALSE;
  for (GList *l = names; l != NULL; l = l->next, index++)
    if (!bind_node (stmt, index, entity, l->data, json_object_get_member (fields, l->data), error))
      {
        zx_store_release (stmt);
        return FALSE;
      }
  sqlite3_bind_text (stmt, index++, txn->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, index++, self->actor, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, index++, id);
  sqlite3_bind_int64 (stmt, index++, expected_version);
  rc = sqlite3_step (stmt);
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      set_write_error (error, self->db, rc, entity);
      return FALSE;
    }
  if (sqlite3_changes (self->db) != 1)
    {
      set_conflict_error (error, entity, id, before, expected_version);
      return FALSE;
    }

  after = zx_store_get_row (self, entity, id, error);
  if (after == NULL || !zx_store_after_write (txn, entity, id, after, error))
    return FALSE;
  before_json = node_to_json (before);
  after_json = node_to_json (after);
  return zx_txn_log_change (txn, entity, id, "update", error)
         && zx_txn_audit (txn, "update", entity, id, before_json, after_json, error);
}

/* ---- one-shot mutations with client save ids ------------------------------------------- */

typedef struct
{
  const char *entity;
  gint64      id;
  gint64      version;
  JsonObject *fields;
  const char *op_id;
  gboolean    is_update;
  gint64      result_id;
} SaveData;

/* Returns TRUE and the earlier result if OP_ID was already applied. */
gboolean
zx_txn_lookup_save (ZxStore *store, const char *op_id, gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (!prepare (store, "SELECT entity_id FROM saves WHERE op_id = ?", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      found = TRUE;
    }
  zx_store_release (stmt);
  return found;
}

gboolean
zx_txn_record_save (ZxTxn *txn, const char *op_id, const char *entity, gint64 id, GError **error)
{
  sqlite3 *db = txn->store->db;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!prepare (txn->store, "INSERT INTO saves (op_id, entity, entity_id, at, actor) VALUES (?, ?, ?, ?, ?)",
                &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_text (stmt, 4, txn->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, txn->store->actor, -1, SQLITE_STATIC);
  ok = step_done (db, stmt, _("Recording the save"), error);
  zx_store_release (stmt);
  return ok;
}

static gboolean
save_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  SaveData *data = user_data;
  gint64 earlier = 0;

  if (zx_txn_lookup_save (txn->store, data->op_id, &earlier, NULL))
    {
      data->result_id = earlier;
      return TRUE;
    }
  if (data->is_update)
    {
      if (!zx_txn_update (txn, data->entity, data->id, data->version, data->fields, error))
        return FALSE;
      data->result_id = data->id;
    }
  else if (!zx_txn_insert (txn, data->entity, data->fields, &data->result_id, error))
    {
      return FALSE;
    }
  return zx_txn_record_save (txn, data->op_id, data->entity, data->result_id, error);
}

gint64
zx_store_create (ZxStore *self, const char *entity, JsonObject *fields, const char *op_id,
                 GError **error)
{
  g_autofree char *own_op = op_id == NULL ? zx_new_op_id () : NULL;
  SaveData data = { entity, 0, 0, fields, op_id != NULL ? op_id : own_op, FALSE, 0 };

  if (!zx_store_write (self, save_txn, &data, error))
    return 0;
  return data.result_id;
}

gboolean
zx_store_update (ZxStore *self, const char *entity, gint64 id, gint64 expected_version,
                 JsonObject *fields, const char *op_id, GError **error)
{
  g_autofree char *own_op = op_id == NULL ? zx_new_op_id () : NULL;
  SaveData data = { entity, id, expected_version, fields, op_id != NULL ? op_id : own_op, TRUE, 0 };

  return zx_store_write (self, save_txn, &data, error);
}
