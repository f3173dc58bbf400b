/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "domain/zx-deadlines.h"
#include "zx-nodes.h"
#include "zx-roles.h"
#include "zx-rules-load.h"
#include "zx-seizures.h"
#include "zx-store-private.h"

/* Each public function packs its arguments into a Step and runs one step function inside
 * zx_store_write(). The queue of an object (its effective and waiting seizures) is read with
 * the object's text; the terms and the next effective seizure come from domain/zx-deadlines.h. */

typedef struct
{
  gint64                id;
  gint64                version;
  const char           *date;
  int                   months;
  const ZxSeizureOrder *order;
  gint64                new_id;
  guint                 count;
} Step;

/* One seizure of an object's queue (owned strings). */
typedef struct
{
  gint64 id;
  gint64 version;
  char  *state;
  char  *kind;
  char  *expires_on;
  int    waiting_rank;
} Slot;

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_free (slot->state);
  g_free (slot->kind);
  g_free (slot->expires_on);
}


static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The effective and waiting seizures of OBJECT, in queue order. */
static GArray *
load_queue (ZxStore *store, const char *object, GError **error)
{
  g_autoptr (GArray) slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (slots, slot_clear);
  stmt = zx_store_prepare (store,
                           "SELECT id, version, state, kind, expires_on, coalesce(waiting_rank, 0)"
                           " FROM seizures WHERE object = ? AND state IN ('effective', 'waiting')"
                           " ORDER BY state, waiting_rank, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, object, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Slot slot = {
        .id = sqlite3_column_int64 (stmt, 0),
        .version = sqlite3_column_int64 (stmt, 1),
        .state = column_dup (stmt, 2),
        .kind = column_dup (stmt, 3),
        .expires_on = column_dup (stmt, 4),
        .waiting_rank = sqlite3_column_int (stmt, 5),
      };

      g_array_append_val (slots, slot);
    }
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the seizures"));
      return NULL;
    }
  return g_steal_pointer (&slots);
}

/* The term of a seizure of KIND: MONTHS, or the longest when 0. */
static gboolean
term_for (ZxStore *store, const char *kind, int months, int *out_months, GError **error)
{
  int max = zx_rules_seizure_term (store, kind);

  if (max <= 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("“%s” is not a kind of seizure."),
                   kind != NULL ? kind : "");
      return FALSE;
    }
  if (months == 0)
    months = max;
  if (months < 1 || months > max)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("A seizure of this kind runs 1 to %d months, not %d."), max, months);
      return FALSE;
    }
  *out_months = months;
  return TRUE;
}

static gboolean
check_not_before (JsonObject *row, const char *date, const char *after, GError **error)
{
  const char *before = zx_row_str (row, after);

  if (!zx_rules_check_date (date, _("Seizure"), error))
    return FALSE;
  if (before != NULL && strcmp (date, before) < 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Seizure %" PRId64 ": %s is before %s."), zx_row_int (row, "id"), date, before);
      return FALSE;
    }
  return TRUE;
}

/* ---- record ------------------------------------------------------------------------------ */

/* The object is held on DATE when an effective seizure of it has not expired by then. The
 * next waiting rank goes to OUT_RANK. */
static gboolean
object_held (GArray *queue, const char *date, int *out_rank)
{
  gboolean held = FALSE;

  *out_rank = 1;
  for (guint i = 0; i < queue->len; i++)
    {
      Slot *slot = &g_array_index (queue, Slot, i);

      if (g_str_equal (slot->state, "waiting"))
        *out_rank = MAX (*out_rank, slot->waiting_rank + 1);
      else if (slot->expires_on == NULL || strcmp (slot->expires_on, date) >= 0)
        held = TRUE;
    }
  return held;
}

static gboolean
check_order (ZxTxn *txn, const ZxSeizureOrder *o, const char *object, GError **error)
{
  g_autoptr (JsonObject) kase = NULL;
  g_autoptr (JsonObject) party = NULL;

  if (!zx_rules_check_date (o->start_on, _("Seizure"), error))
    return FALSE;
  if (*object == '\0')
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("Name the object that is seized."));
      return FALSE;
    }
  kase = zx_txn_get_row (txn, "cases", o->case_id, error);
  if (kase == NULL)
    return FALSE;
  if (o->party_id == 0)
    return TRUE;
  party = zx_txn_get_row (txn, "parties", o->party_id, error);
  if (party == NULL)
    return FALSE;
  if (zx_row_int (party, "case_id") != o->case_id)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Party %" PRId64 " is not a party of case %" PRId64 "."), o->party_id,
                   o->case_id);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
order_fields (const ZxSeizureOrder *o, const char *object)
{
  JsonObject *fields = json_object_new ();

  json_object_set_int_member (fields, "case_id", o->case_id);
  if (o->party_id != 0)
    json_object_set_int_member (fields, "party_id", o->party_id);
  json_object_set_string_member (fields, "object", object);
  json_object_set_string_member (fields, "kind", o->kind);
  if (o->amount != 0)
    json_object_set_int_member (fields, "amount", o->amount);
  return fields;
}

static gboolean
record_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  const ZxSeizureOrder *o = s->order;
  ZxStore *store = zx_txn_get_store (txn);
  g_autofree char *object = g_strstrip (g_strdup (o->object != NULL ? o->object : ""));
  g_autoptr (GArray) queue = NULL;
  g_autoptr (JsonObject) fields = NULL;
  g_autofree char *note = NULL;
  g_autofree char *expiry = NULL;
  int months = 0, rank = 0;

  if (!zx_roles_require (store, ZX_ACTION_SEIZURE, NULL, NULL, error)
      || !term_for (store, o->kind, o->term_months, &months, error)
      || !check_order (txn, o, object, error)
      || (queue = load_queue (store, object, error)) == NULL)
    return FALSE;
  fields = order_fields (o, object);
  if (object_held (queue, o->start_on, &rank))
    {
      g_autofree char *line = g_strdup_printf (_("轮候 (queued) on %s, rank %d"), o->start_on,
                                               rank);

      note = zx_rules_note_append (o->note, line);
      json_object_set_string_member (fields, "state", "waiting");
      json_object_set_int_member (fields, "waiting_rank", rank);
      json_object_set_string_member (fields, "note", note);
      return zx_txn_insert (txn, "seizures", fields, &s->new_id, error);
    }
  expiry = zx_seizure_expiry (o->start_on, months);
  json_object_set_string_member (fields, "state", "effective");
  json_object_set_string_member (fields, "start_on", o->start_on);
  json_object_set_string_member (fields, "expires_on", expiry);
  if (o->note != NULL)
    json_object_set_string_member (fields, "note", o->note);
  return zx_txn_insert (txn, "seizures", fields, &s->new_id, error)
         && zx_nodes_create_for_event_ref (txn, o->case_id, "seizure", o->start_on, s->new_id,
                                           NULL, NULL, error);
}

gint64
zx_seizures_record (ZxStore *store, const ZxSeizureOrder *order, GError **error)
{
  Step step = { .order = order };

  g_return_val_if_fail (ZX_IS_STORE (store), 0);
  g_return_val_if_fail (order != NULL, 0);

  if (!zx_store_write (store, record_txn, &step, error))
    return 0;
  return step.new_id;
}

/* ---- renew ------------------------------------------------------------------------------- */

static const char *
seizure_state_label (const char *state)
{
  if (g_strcmp0 (state, "waiting") == 0)
    return _("waiting (轮候)");
  if (g_strcmp0 (state, "released") == 0)
    return _("released");
  if (g_strcmp0 (state, "lapsed") == 0)
    return _("lapsed");
  return _("in effect");
}

static gboolean
require_effective (JsonObject *row, const char *cannot, GError **error)
{
  if (g_strcmp0 (zx_row_str (row, "state"), "effective") == 0)
    return TRUE;
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("Seizure %" PRId64 " is %s: it cannot be %s."),
               zx_row_int (row, "id"), seizure_state_label (zx_row_str (row, "state")), cannot);
  return FALSE;
}

static gboolean
renew_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  ZxStore *store = zx_txn_get_store (txn);
  g_autoptr (JsonObject) row = zx_rules_get_row_checked (txn, "seizures", s->id, s->version,
                                                         error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *expiry = NULL;
  int months = 0;

  if (row == NULL || !zx_roles_require (store, ZX_ACTION_SEIZURE, NULL, NULL, error)
      || !require_effective (row, _("renewed"), error)
      || !check_not_before (row, s->date, "start_on", error)
      || !term_for (store, zx_row_str (row, "kind"), s->months, &months, error))
    return FALSE;
  expiry = zx_seizure_renew (zx_row_str (row, "expires_on"), s->date, months, months, error);
  if (expiry == NULL)
    {
      g_prefix_error (error, _("Seizure %" PRId64 ": "), s->id);
      return FALSE;
    }
  json_object_set_string_member (fields, "expires_on", expiry);
  json_object_set_int_member (fields, "renewed_count", zx_row_int (row, "renewed_count") + 1);
  return zx_txn_update (txn, "seizures", s->id, zx_row_int (row, "version"), fields, error);
}

gboolean
zx_seizures_renew (ZxStore *store, gint64 id, gint64 expected_version, const char *renewed_on,
                   int months, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = renewed_on, .months = months };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, renew_txn, &step, error);
}

/* ---- release and lapse: the next in the queue takes effect ------------------------------- */

/* After seizure FREED_ID of OBJECT stopped holding it, the earliest waiting one becomes
 * effective on FROM with its kind's longest term. */
static gboolean
promote_next (ZxTxn *txn, const char *object, gint64 freed_id, const char *from,
              gint64 *out_id, GError **error)
{
  ZxStore *store = zx_txn_get_store (txn);
  g_autoptr (GArray) queue = load_queue (store, object, error);
  g_autofree ZxSeizureSlot *slots = NULL;
  g_autofree char *start = NULL;
  g_autofree char *expiry = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  Slot *next;
  gssize index;

  if (queue == NULL)
    return FALSE;
  slots = g_new0 (ZxSeizureSlot, queue->len + 1);
  for (guint i = 0; i < queue->len; i++)
    {
      Slot *slot = &g_array_index (queue, Slot, i);

      slots[i] = (ZxSeizureSlot) { slot->id, slot->state, slot->waiting_rank,
                                   zx_rules_seizure_term (store, slot->kind) };
    }
  index = zx_seizure_next_effective (slots, queue->len, freed_id, from, &start, &expiry);
  if (index < 0)
    return TRUE;
  next = &g_array_index (queue, Slot, index);
  json_object_set_string_member (fields, "state", "effective");
  json_object_set_null_member (fields, "waiting_rank");
  json_object_set_string_member (fields, "start_on", start);
  json_object_set_string_member (fields, "expires_on", expiry);
  *out_id = next->id;
  return zx_txn_update (txn, "seizures", next->id, next->version, fields, error);
}

static gboolean
release_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  static const char *const from[] = { "effective", "waiting", NULL };
  Step *s = user_data;
  g_autoptr (JsonObject) row = zx_rules_get_row_checked (txn, "seizures", s->id, s->version,
                                                         error);
  g_autoptr (JsonObject) fields = json_object_new ();
  gboolean held;

  if (row == NULL || !zx_roles_require (zx_txn_get_store (txn), ZX_ACTION_SEIZURE, NULL, NULL,
                                        error))
    return FALSE;
  if (!g_strv_contains (from, zx_row_str (row, "state")))
    return require_effective (row, _("released"), error);
  if (!check_not_before (row, s->date, "start_on", error))
    return FALSE;
  held = g_str_equal (zx_row_str (row, "state"), "effective");
  if (held && strcmp (s->date, zx_row_str (row, "expires_on")) > 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Seizure %" PRId64 " lapsed after %s: there is nothing left to release."),
                   s->id, zx_row_str (row, "expires_on"));
      return FALSE;
    }
  json_object_set_string_member (fields, "state", "released");
  json_object_set_string_member (fields, "released_on", s->date);
  json_object_set_null_member (fields, "waiting_rank");
  if (!zx_txn_update (txn, "seizures", s->id, zx_row_int (row, "version"), fields, error))
    return FALSE;
  return !held || promote_next (txn, zx_row_str (row, "object"), s->id, s->date, &s->new_id, error);
}

gboolean
zx_seizures_release (ZxStore *store, gint64 id, gint64 expected_version,
                     const char *released_on, gint64 *out_next_id, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = released_on };
  gboolean ok;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  ok = zx_store_write (store, release_txn, &step, error);
  if (out_next_id != NULL)
    *out_next_id = ok ? step.new_id : 0;
  return ok;
}

/* Effective seizures that expired before TODAY (seizures_expiry index). */
static GArray *
load_expired (ZxStore *store, const char *today, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = zx_store_prepare (store,
                           "SELECT id FROM seizures WHERE state = 'effective' AND expires_on < ?"
                           " ORDER BY expires_on, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the seizures"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
lapse_one (ZxTxn *txn, gint64 id, GError **error)
{
  g_autoptr (JsonObject) row = zx_txn_get_row (txn, "seizures", id, error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *next_day = NULL;
  gint64 next_id = 0;

  if (row == NULL)
    return FALSE;
  next_day = zx_date_add_days (zx_row_str (row, "expires_on"), 1);
  json_object_set_string_member (fields, "state", "lapsed");
  return zx_txn_update (txn, "seizures", id, zx_row_int (row, "version"), fields, error)
         && promote_next (txn, zx_row_str (row, "object"), id, next_day, &next_id, error);
}

static gboolean
lapse_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_autoptr (GArray) ids = NULL;

  s->count = 0;
  if (!zx_rules_check_date (s->date, _("Today"), error))
    return FALSE;
  /* A seizure that took effect from a lapse long ago may itself have lapsed since: repeat
   * until none is left (each round lapses at least one). */
  do
    {
      g_clear_pointer (&ids, g_array_unref);
      ids = load_expired (zx_txn_get_store (txn), s->date, error);
      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++, s->count++)
        if (!lapse_one (txn, g_array_index (ids, gint64, i), error))
          return FALSE;
    }
  while (ids->len > 0);
  return TRUE;
}

gboolean
zx_seizures_mark_lapsed (ZxStore *store, const char *today, guint *out_n_lapsed,
                         GError **error)
{
  Step step = { .date = today };
  gboolean ok;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  ok = zx_store_write (store, lapse_txn, &step, error);
  if (out_n_lapsed != NULL)
    *out_n_lapsed = ok ? step.count : 0;
  return ok;
}
