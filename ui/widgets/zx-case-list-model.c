/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case register as a lazy GListModel.
 *
 * The model holds a snapshot of case ids (8 bytes a case: 8 MB for a million) and makes a light
 * ZxCaseItem only when GTK asks for a position, from rows read a window of WINDOW_SIZE ids at a
 * time and kept for the last few windows. A table of the items still referenced somewhere (the
 * visible rows, the selection) maps case id → item, so asking twice gives the same object.
 *
 * A refresh never emits items-changed (0, old, new): on GTK 4.8 that calls get_item on every new
 * item (DESIGN.md, known traps). Instead the new snapshot is compared with the old one:
 *   - the items in use are read again and updated in place (their cells listen to notify), so a
 *     case edited on another desktop is redrawn without any items-changed at all, and selection
 *     and scroll position stay where they are;
 *   - only the range between the common head and tail of the two snapshots is reported: as one
 *     precise change when it is small or only adds or only removes, as a removal and an
 *     insertion when one case moved, and otherwise as removal and insertion in two signals. */
#define G_LOG_DOMAIN "zx-case-list-model"

#include "config.h"

#include <string.h>

#include "zx-case-list-model.h"

/* Rows read in one query; GTK binds about 50 visible rows, and a few above and below. */
#define WINDOW_SIZE      100
/* Windows kept: a screenful while scrolling both ways, plus the selection's. */
#define N_WINDOWS        8
/* A changed range at most this long is reported in one signal (GTK then looks up each added
 * item, which is cheap for so few). */
#define SMALL_CHANGE     256

typedef struct
{
  guint      index;  /* window number: positions index * WINDOW_SIZE … */
  guint64    stamp;  /* last use */
  GPtrArray *rows;   /* ZxCaseRow*, NULL for a case gone since the snapshot */
} Window;

/* The worker thread's connection, shared by the model's queries one at a time (a ZxStore is
 * not thread-safe). Reference-counted: a cancelled query may still be finishing when the model
 * goes away. */
typedef struct
{
  GMutex   lock;
  char    *path;
  ZxStore *store;
} Worker;

typedef struct
{
  Worker      *worker;
  ZxCaseFilter filter;  /* the strings below are owned copies */
  char        *text;
  char        *status;
  char        *type_code;
  char        *today;
} QueryData;

struct _ZxCaseListModel
{
  GObject     parent_instance;

  ZxStore    *store;
  Worker     *worker;
  char       *today;
  GArray     *ids;
  GHashTable *live;       /* gint64* id → ZxCaseItem* (not a reference: weak) */
  Window      windows[N_WINDOWS];
  guint64     clock;
  guint64     get_item_calls;
  guint64     row_fetches;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  PROP_GET_ITEM_CALLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void zx_case_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZxCaseListModel, zx_case_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      zx_case_list_model_iface_init))

static void
worker_clear (gpointer data)
{
  Worker *worker = data;

  g_mutex_clear (&worker->lock);
  g_free (worker->path);
  g_clear_object (&worker->store);
}

static Worker *
worker_new (const char *path)
{
  Worker *worker = g_atomic_rc_box_new0 (Worker);

  g_mutex_init (&worker->lock);
  worker->path = g_strdup (path);

  return worker;
}

static void
worker_unref (Worker *worker)
{
  g_atomic_rc_box_release_full (worker, worker_clear);
}

static void
query_data_free (gpointer data)
{
  QueryData *query = data;

  g_clear_pointer (&query->worker, worker_unref);
  g_free (query->text);
  g_free (query->status);
  g_free (query->type_code);
  g_free (query->today);
  g_free (query);
}

static QueryData *
query_data_new (Worker             *worker,
                const ZxCaseFilter *filter)
{
  QueryData *query = g_new0 (QueryData, 1);

  query->worker = g_atomic_rc_box_acquire (worker);
  query->filter = *filter;
  query->text = g_strdup (filter->text);
  query->status = g_strdup (filter->status);
  query->type_code = g_strdup (filter->type_code);
  query->today = g_strdup (filter->today);
  query->filter.text = query->text;
  query->filter.status = query->status;
  query->filter.type_code = query->type_code;
  query->filter.today = query->today;

  return query;
}

static void
clear_windows (ZxCaseListModel *self)
{
  for (guint i = 0; i < N_WINDOWS; i++)
    {
      g_clear_pointer (&self->windows[i].rows, g_ptr_array_unref);
      self->windows[i].stamp = 0;
    }
}

/* The row at POSITION, reading its window if need be; NULL if the case is gone or could not be
 * read (then nothing is kept, and the next request tries again). */
static const ZxCaseRow *
lookup_row (ZxCaseListModel *self,
            guint            position)
{
  g_autoptr(GError) error = NULL;
  guint index = position / WINDOW_SIZE;
  guint start = index * WINDOW_SIZE;
  guint n = MIN (WINDOW_SIZE, self->ids->len - start);
  Window *oldest = &self->windows[0];
  GPtrArray *rows;

  for (guint i = 0; i < N_WINDOWS; i++)
    {
      Window *window = &self->windows[i];

      if (window->rows != NULL && window->index == index)
        {
          window->stamp = ++self->clock;
          return g_ptr_array_index (window->rows, position - start);
        }

      if (window->stamp < oldest->stamp)
        oldest = window;
    }

  if (self->store == NULL)
    return NULL;

  rows = zx_case_query_rows (self->store, &g_array_index (self->ids, gint64, start), n,
                             self->today, &error);
  self->row_fetches++;

  if (rows == NULL)
    {
      g_warning ("Could not read cases %u–%u of the list: %s", start + 1, start + n,
                 error->message);
      return NULL;
    }

  g_clear_pointer (&oldest->rows, g_ptr_array_unref);
  oldest->index = index;
  oldest->rows = rows;
  oldest->stamp = ++self->clock;

  return g_ptr_array_index (rows, position - start);
}

static void
live_item_finalized_cb (gpointer  data,
                        GObject  *where_the_object_was)
{
  ZxCaseListModel *self = data;
  gint64 id = zx_case_item_get_id (ZX_CASE_ITEM (where_the_object_was));

  if (g_hash_table_lookup (self->live, &id) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->live, &id);
}

/* Reads the items in use again, so that cells on screen show the new values. */
static void
update_live_items (ZxCaseListModel *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GHashTableIter iter;
  gpointer value;
  guint updated = 0;

  if (self->store == NULL || g_hash_table_size (self->live) == 0)
    return;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->live));
  items = g_ptr_array_new_full (g_hash_table_size (self->live), g_object_unref);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gint64 id = zx_case_item_get_id (value);

      g_array_append_val (ids, id);
      /* Hold them: a notify handler could drop the last other reference. */
      g_ptr_array_add (items, g_object_ref (value));
    }

  for (guint start = 0; start < ids->len; start += WINDOW_SIZE)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      guint n = MIN (WINDOW_SIZE, ids->len - start);

      rows = zx_case_query_rows (self->store, &g_array_index (ids, gint64, start), n,
                                 self->today, &error);
      self->row_fetches++;

      if (rows == NULL)
        {
          g_warning ("Could not read the cases on screen again: %s", error->message);
          return;
        }

      for (guint i = 0; i < n; i++)
        {
          if (zx_case_item_update (g_ptr_array_index (items, start + i),
                                   g_ptr_array_index (rows, i)))
            updated++;
        }
    }

  g_debug ("%u items in use read again, %u changed", ids->len, updated);
}

/* Replaces the snapshot the positions refer to; the rows read for the old positions go. */
static void
replace_ids (ZxCaseListModel *self,
             GArray          *ids)
{
  g_array_ref (ids);
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = ids;
  clear_windows (self);
}

static gboolean
ids_equal (const gint64 *a,
           const gint64 *b,
           guint         n)
{
  return n == 0 || memcmp (a, b, n * sizeof (gint64)) == 0;
}

/* Shows NEW_IDS in two steps, through an intermediate snapshot: OLD_IDS without the REMOVED
 * positions from FIRST, then the new one with ADDED positions at SECOND. */
static void
emit_in_two_steps (ZxCaseListModel *self,
                   GArray          *new_ids,
                   guint            first,
                   guint            removed,
                   guint            second,
                   guint            added)
{
  GArray *old_ids = self->ids;
  g_autoptr(GArray) between = NULL;

  between = g_array_sized_new (FALSE, FALSE, sizeof (gint64), old_ids->len - removed);
  g_array_append_vals (between, old_ids->data, first);
  g_array_append_vals (between, &g_array_index (old_ids, gint64, first + removed),
                       old_ids->len - first - removed);
  g_assert (between->len + added == new_ids->len);

  replace_ids (self, between);
  g_list_model_items_changed (G_LIST_MODEL (self), first, removed, 0);
  replace_ids (self, new_ids);
  g_list_model_items_changed (G_LIST_MODEL (self), second, 0, added);
}

static void
zx_case_list_model_dispose (GObject *object)
{
  ZxCaseListModel *self = ZX_CASE_LIST_MODEL (object);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_object_weak_unref (value, live_item_finalized_cb, self);
      g_hash_table_iter_remove (&iter);
    }

  clear_windows (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->worker, worker_unref);

  G_OBJECT_CLASS (zx_case_list_model_parent_class)->dispose (object);
}

static void
zx_case_list_model_finalize (GObject *object)
{
  ZxCaseListModel *self = ZX_CASE_LIST_MODEL (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (zx_case_list_model_parent_class)->finalize (object);
}

static void
zx_case_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZxCaseListModel *self = ZX_CASE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    case PROP_GET_ITEM_CALLS:
      g_value_set_uint64 (value, self->get_item_calls);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_case_list_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZxCaseListModel *self = ZX_CASE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        self->worker = worker_new (zx_store_get_path (self->store));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_case_list_model_class_init (ZxCaseListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zx_case_list_model_dispose;
  object_class->finalize = zx_case_list_model_finalize;
  object_class->get_property = zx_case_list_model_get_property;
  object_class->set_property = zx_case_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Not notified: it changes on every get_item. */
  properties[PROP_GET_ITEM_CALLS] =
    g_param_spec_uint64 ("get-item-calls", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zx_case_list_model_init (ZxCaseListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static GType
zx_case_list_model_get_item_type (GListModel *model)
{
  return ZX_TYPE_CASE_ITEM;
}

static guint
zx_case_list_model_get_n_items (GListModel *model)
{
  ZxCaseListModel *self = ZX_CASE_LIST_MODEL (model);

  return self->ids->len;
}

static gpointer
zx_case_list_model_get_item (GListModel *model,
                             guint       position)
{
  ZxCaseListModel *self = ZX_CASE_LIST_MODEL (model);
  ZxCaseItem *item;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  self->get_item_calls++;
  id = g_array_index (self->ids, gint64, position);

  item = g_hash_table_lookup (self->live, &id);
  if (item != NULL)
    return g_object_ref (item);

  item = zx_case_item_new (id, lookup_row (self, position));
  g_hash_table_insert (self->live, g_memdup2 (&id, sizeof id), item);
  g_object_weak_ref (G_OBJECT (item), live_item_finalized_cb, self);

  return item;
}

static void
zx_case_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = zx_case_list_model_get_item_type;
  iface->get_n_items = zx_case_list_model_get_n_items;
  iface->get_item = zx_case_list_model_get_item;
}

ZxCaseListModel *
zx_case_list_model_new (ZxStore *store)
{
  g_return_val_if_fail (ZX_IS_STORE (store), NULL);

  return g_object_new (ZX_TYPE_CASE_LIST_MODEL, "store", store, NULL);
}

ZxStore *
zx_case_list_model_get_store (ZxCaseListModel *self)
{
  g_return_val_if_fail (ZX_IS_CASE_LIST_MODEL (self), NULL);

  return self->store;
}

void
zx_case_list_model_set_ids (ZxCaseListModel *self,
                            GArray          *ids,
                            const char      *today)
{
  GArray *old_ids;
  const gint64 *a;
  const gint64 *b;
  guint old_len;
  guint new_len;
  guint head = 0;
  guint tail = 0;
  guint removed;
  guint added;

  g_return_if_fail (ZX_IS_CASE_LIST_MODEL (self));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (g_array_get_element_size (ids) == sizeof (gint64));

  if (today != NULL && g_strcmp0 (today, self->today) != 0)
    {
      g_free (self->today);
      self->today = g_strdup (today);
    }

  old_ids = g_array_ref (self->ids);
  old_len = old_ids->len;
  new_len = ids->len;
  a = (const gint64 *) (gpointer) old_ids->data;
  b = (const gint64 *) (gpointer) ids->data;

  /* The rows read so far may be out of date: that is why we are here. */
  clear_windows (self);
  update_live_items (self);

  while (head < old_len && head < new_len && a[head] == b[head])
    head++;
  while (tail < old_len - head && tail < new_len - head
         && a[old_len - 1 - tail] == b[new_len - 1 - tail])
    tail++;

  removed = old_len - head - tail;
  added = new_len - head - tail;

  if (removed == 0 && added == 0)
    {
      /* Same cases in the same order: the updated items are all there is to show. */
      replace_ids (self, ids);
    }
  else if (removed == 0 || added == 0 || (removed <= SMALL_CHANGE && added <= SMALL_CHANGE))
    {
      replace_ids (self, ids);
      g_list_model_items_changed (G_LIST_MODEL (self), head, removed, added);
    }
  else if (removed == added
           && a[head] == b[head + added - 1]
           && ids_equal (a + head + 1, b + head, removed - 1))
    {
      /* One case moved down (e.g. its amount changed under a sort by amount). */
      emit_in_two_steps (self, ids, head, 1, head + added - 1, 1);
    }
  else if (removed == added
           && a[head + removed - 1] == b[head]
           && ids_equal (a + head, b + head + 1, removed - 1))
    {
      /* One case moved up. */
      emit_in_two_steps (self, ids, head + removed - 1, 1, head, 1);
    }
  else
    {
      emit_in_two_steps (self, ids, head, removed, head, added);
    }

  g_debug ("New snapshot: %u → %u cases, changed %u → %u from %u", old_len, new_len, removed,
           added, head);

  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  g_array_unref (old_ids);
}

gint64
zx_case_list_model_get_id (ZxCaseListModel *self,
                           guint            position)
{
  g_return_val_if_fail (ZX_IS_CASE_LIST_MODEL (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

gboolean
zx_case_list_model_find (ZxCaseListModel *self,
                         gint64           id,
                         guint           *out_position)
{
  const gint64 *ids;

  g_return_val_if_fail (ZX_IS_CASE_LIST_MODEL (self), FALSE);

  ids = (const gint64 *) (gpointer) self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    {
      if (ids[i] == id)
        {
          if (out_position != NULL)
            *out_position = i;
          return TRUE;
        }
    }

  return FALSE;
}

guint64
zx_case_list_model_get_get_item_calls (ZxCaseListModel *self)
{
  g_return_val_if_fail (ZX_IS_CASE_LIST_MODEL (self), 0);

  return self->get_item_calls;
}

guint64
zx_case_list_model_get_row_fetches (ZxCaseListModel *self)
{
  g_return_val_if_fail (ZX_IS_CASE_LIST_MODEL (self), 0);

  return self->row_fetches;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *query = task_data;
  Worker *worker = query->worker;
  g_autoptr(GError) error = NULL;
  GArray *ids = NULL;

  g_mutex_lock (&worker->lock);

  /* A newer query may be waiting behind this one. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_mutex_unlock (&worker->lock);
      g_task_return_error_if_cancelled (task);
      return;
    }

  if (worker->store == NULL)
    worker->store = zx_store_open (worker->path, ZX_STORE_OPEN_VIEWER, &error);

  if (worker->store != NULL)
    {
      gint64 started = g_get_monotonic_time ();

      ids = zx_case_query_ids (worker->store, &query->filter, cancellable, &error);
      g_debug ("Query “%s”: %u cases in %.1f ms", query->text != NULL ? query->text : "",
               ids != NULL ? ids->len : 0, (g_get_monotonic_time () - started) / 1000.0);

      /* After a failure (the share went away …) start again with a new connection. */
      if (ids == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_object (&worker->store);
    }

  g_mutex_unlock (&worker->lock);

  if (ids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

void
zx_case_list_model_query_async (ZxCaseListModel     *self,
                                const ZxCaseFilter  *filter,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZX_IS_CASE_LIST_MODEL (self));
  g_return_if_fail (filter != NULL);
  g_return_if_fail (self->worker != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zx_case_list_model_query_async);
  g_task_set_name (task, "[zhixing] case list query");
  g_task_set_task_data (task, query_data_new (self->worker, filter), query_data_free);
  /* A cancelled query reports back at once; the worker finishes (interrupted) on its own. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, query_thread);
}

GArray *
zx_case_list_model_query_finish (ZxCaseListModel  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
