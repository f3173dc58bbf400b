/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wall display's data. One poll at a time runs in a worker thread and owns the store while
 * it runs: it checks that the path still names the file the store has open (a file renamed
 * away, replaced by a restore or by garbage is noticed: an open descriptor would go on reading
 * the old file), opens the file as a viewer when there is no store, polls the change feed, and
 * reads the public list again when an entry, party, case or the court changed, or the day
 * turned (periods end at midnight). Any failure closes the store; the next poll reopens it. */
#define G_LOG_DOMAIN "zx-wall"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zx-wall-feed.h"

/* A poll that has not answered after this long (a hung share) counts as a lost connection. */
#define WATCHDOG_MIN_SECONDS 15

struct _ZxWallFeed
{
  GObject       parent_instance;

  char         *path;
  guint         poll_seconds;
  guint         poll_source;
  guint         watchdog_source;
  gboolean      running;
  gboolean      in_flight;
  GDateTime    *in_flight_since;

  /* Owned here between polls, by the worker during one. */
  ZxStore      *store;
  dev_t         store_dev;
  ino_t         store_ino;

  ZxPublicList *list;
  GArray       *bounties;
  gboolean      loaded;
  GDateTime    *checked_at;
  GDateTime    *lost_since;
  GError       *error;
};

enum
{
  LIST_CHANGED,
  STATUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZxWallFeed, zx_wall_feed, G_TYPE_OBJECT)

/* One poll: the worker's input and output. */
typedef struct
{
  char         *path;
  char         *today;
  gboolean      force;     /* read the list even if nothing changed */
  ZxStore      *store;     /* in and out; NULL out when it was closed */
  dev_t         store_dev;
  ino_t         store_ino;
  gboolean      relevant;  /* the change feed named something the list shows */
  ZxPublicList *list;      /* out: read again */
  GArray       *bounties;  /* out: with LIST, ZxWallBounty */
} Poll;

static void
poll_free (gpointer data)
{
  Poll *poll = data;

  g_free (poll->path);
  g_free (poll->today);
  g_clear_object (&poll->store);
  g_clear_pointer (&poll->list, zx_public_list_unref);
  g_clear_pointer (&poll->bounties, g_array_unref);
  g_free (poll);
}

static void schedule_poll (ZxWallFeed *self, guint delay_ms);

static char *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ---- the worker ------------------------------------------------------------------------- */

static void
store_changed_cb (ZxStore    *store,
                  const char *entity,
                  gint64      id,
                  gpointer    user_data)
{
  Poll *poll = user_data;

  if (g_strcmp0 (entity, "blacklist_entries") == 0 || g_strcmp0 (entity, "parties") == 0
      || g_strcmp0 (entity, "cases") == 0 || g_strcmp0 (entity, "meta") == 0
      || g_strcmp0 (entity, "measures") == 0)
    poll->relevant = TRUE;
}

static gboolean
same_file (Poll    *poll,
           GError **error)
{
  GStatBuf st;

  if (g_stat (poll->path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The database file %s cannot be reached: %s"), poll->path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return st.st_dev == poll->store_dev && st.st_ino == poll->store_ino;
}

static gboolean
open_store (Poll    *poll,
            GError **error)
{
  GStatBuf st;

  poll->store = zx_store_open (poll->path, ZX_STORE_OPEN_VIEWER, error);
  if (poll->store == NULL)
    return FALSE;

  /* What the path named when it was opened: a later rename or replacement shows as a change. */
  if (g_stat (poll->path, &st) == 0)
    {
      poll->store_dev = st.st_dev;
      poll->store_ino = st.st_ino;
    }
  poll->force = TRUE;
  return TRUE;
}

/* The bounty notices of the entries of LIST: an executed 'bounty' measure for the entry's party,
 * the latest one when there are several. Only the entries the public view accepted are asked
 * about, one bound entry id at a time. */
static GArray *
read_bounties (sqlite3       *db,
               ZxPublicList  *list,
               GError       **error)
{
  static const char sql[] =
    "SELECT m.amount FROM blacklist_entries AS b "
    "JOIN measures AS m ON m.party_id = b.party_id "
    "WHERE b.id = ?1 AND m.kind = ?2 AND m.state = ?3 "
    "ORDER BY m.executed_on DESC, m.id DESC LIMIT 1";
  g_autoptr(GArray) bounties = g_array_new (FALSE, FALSE, sizeof (ZxWallBounty));
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the bounty notices"));
      return NULL;
    }

  for (guint i = 0; i < list->rows->len; i++)
    {
      const ZxPublicListRow *row = g_ptr_array_index (list->rows, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, row->entry_id);
      sqlite3_bind_text (stmt, 2, "bounty", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, "executed", -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          ZxWallBounty bounty = { row->entry_id, -1 };

          if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            bounty.amount = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (bounties, bounty);
        }
      else if (rc != SQLITE_DONE)
        {
          zx_set_sqlite_error (error, db, rc, _("Reading the bounty notices"));
          sqlite3_finalize (stmt);
          return NULL;
        }
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&bounties);
}

static gint64
data_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* The list and its bounty notices as of one state of the file. zx_public_list_load() runs its
 * own transaction, so the bounties are read right after it and the pair is read again if
 * another connection committed in between (PRAGMA data_version moved). */
static gboolean
read_list (Poll    *poll,
           GError **error)
{
  sqlite3 *db = zx_store_get_db (poll->store);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      gint64 before = data_version (db);

      g_clear_pointer (&poll->list, zx_public_list_unref);
      g_clear_pointer (&poll->bounties, g_array_unref);
      poll->list = zx_public_list_load (poll->store, poll->today, error);
      if (poll->list == NULL)
        return FALSE;
      poll->bounties = read_bounties (db, poll->list, error);
      if (poll->bounties == NULL)
        return FALSE;
      if (before == data_version (db))
        return TRUE;
    }

  /* A busy writer: this pair is still of listed entries only, at worst a poll out of date. */
  return TRUE;
}

static gboolean
run_poll (Poll    *poll,
          GError **error)
{
  if (poll->store != NULL)
    {
      GError *stat_error = NULL;

      if (!same_file (poll, &stat_error))
        {
          g_clear_object (&poll->store);
          if (stat_error != NULL)
            {
              g_propagate_error (error, stat_error);
              return FALSE;
            }
          g_debug ("%s names another file now: reopening", poll->path);
        }
    }

  if (poll->store == NULL)
    {
      if (!open_store (poll, error))
        return FALSE;
    }
  else
    {
      GError *poll_error = NULL;
      gulong handler;

      handler = g_signal_connect (poll->store, "changed", G_CALLBACK (store_changed_cb), poll);
      zx_store_poll_changes (poll->store, &poll_error);
      g_signal_handler_disconnect (poll->store, handler);
      if (poll_error != NULL)
        {
          g_propagate_error (error, poll_error);
          return FALSE;
        }
    }

  if (poll->force || poll->relevant)
    {
      if (!read_list (poll, error))
        return FALSE;
    }

  return TRUE;
}

static void
poll_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Poll *poll = task_data;
  GError *error = NULL;

  if (run_poll (poll, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Whatever went wrong, start again from a fresh connection next time. */
  g_clear_object (&poll->store);
  g_task_return_error (task, error);
}

/* ---- the main thread -------------------------------------------------------------------- */

static void
set_lost (ZxWallFeed   *self,
          const GError *error,
          GDateTime    *since)
{
  gboolean message_changed = self->error == NULL || error == NULL
                             || g_strcmp0 (self->error->message, error->message) != 0;

  if (self->lost_since == NULL)
    self->lost_since = g_date_time_ref (since);

  /* Tell the administrator (the journal), once per distinct reason. */
  if (message_changed && error != NULL)
    g_message ("Database unavailable, showing the last good list: %s", error->message);

  if (error != NULL)
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
    }
}

static void
set_answered (ZxWallFeed *self,
              GDateTime  *at)
{
  if (self->lost_since != NULL)
    g_message ("Database available again");

  g_clear_pointer (&self->lost_since, g_date_time_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->checked_at, g_date_time_unref);
  self->checked_at = g_date_time_ref (at);
}

static gboolean
same_bounties (GArray *a,
               GArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const ZxWallBounty *x = &g_array_index (a, ZxWallBounty, i);
      const ZxWallBounty *y = &g_array_index (b, ZxWallBounty, i);

      if (x->entry_id != y->entry_id || x->amount != y->amount)
        return FALSE;
    }

  return TRUE;
}

static void
poll_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ZxWallFeed *self = ZX_WALL_FEED (object);
  Poll *poll = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = g_steal_pointer (&self->in_flight_since);
  gboolean list_changed = FALSE;

  self->in_flight = FALSE;
  g_clear_handle_id (&self->watchdog_source, g_source_remove);

  /* The store comes back to the feed (or stays closed). */
  self->store = g_steal_pointer (&poll->store);
  self->store_dev = poll->store_dev;
  self->store_ino = poll->store_ino;

  if (!self->running)
    {
      g_clear_object (&self->store);
      return;
    }

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_answered (self, started);
      if (poll->list != NULL && (!zx_public_list_equal (self->list, poll->list)
                                 || !same_bounties (self->bounties, poll->bounties)))
        {
          g_clear_pointer (&self->list, zx_public_list_unref);
          self->list = g_steal_pointer (&poll->list);
          g_clear_pointer (&self->bounties, g_array_unref);
          self->bounties = g_steal_pointer (&poll->bounties);
          list_changed = TRUE;
          g_debug ("The public list changed: %u entries", self->list->rows->len);
        }
      else if (poll->list != NULL && self->list != NULL
               && g_strcmp0 (self->list->today, poll->list->today) != 0)
        {
          /* Same rows on a new day: remember the day, so it is not read again each poll. */
          g_clear_pointer (&self->list, zx_public_list_unref);
          self->list = g_steal_pointer (&poll->list);
        }
    }
  else
    {
      set_lost (self, error, started);
    }

  self->loaded = TRUE;
  if (list_changed)
    g_signal_emit (self, signals[LIST_CHANGED], 0);
  g_signal_emit (self, signals[STATUS_CHANGED], 0);

  schedule_poll (self, self->poll_seconds * 1000);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  ZxWallFeed *self = user_data;
  g_autoptr(GError) error = NULL;

  self->watchdog_source = 0;

  /* The worker is stuck in the file system: the share hangs. It keeps the store; the poll goes
   * on when (if) the call returns. */
  g_set_error (&error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
               _("The database file %s does not answer"), self->path);
  set_lost (self, error, self->in_flight_since);
  self->loaded = TRUE;
  g_signal_emit (self, signals[STATUS_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static gboolean
poll_cb (gpointer user_data)
{
  ZxWallFeed *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autofree char *today = local_today ();
  Poll *poll;

  self->poll_source = 0;
  if (self->in_flight || !self->running)
    return G_SOURCE_REMOVE;

  poll = g_new0 (Poll, 1);
  poll->path = g_strdup (self->path);
  poll->today = g_strdup (today);
  poll->force = self->list == NULL || g_strcmp0 (self->list->today, today) != 0;
  poll->store = g_steal_pointer (&self->store);
  poll->store_dev = self->store_dev;
  poll->store_ino = self->store_ino;

  self->in_flight = TRUE;
  self->in_flight_since = g_date_time_new_now_local ();
  self->watchdog_source = g_timeout_add_seconds (MAX (WATCHDOG_MIN_SECONDS,
                                                      3 * self->poll_seconds),
                                                 watchdog_cb, self);

  task = g_task_new (self, NULL, poll_done_cb, NULL);
  g_task_set_source_tag (task, poll_cb);
  g_task_set_task_data (task, poll, poll_free);
  g_task_run_in_thread (task, poll_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_poll (ZxWallFeed *self,
               guint       delay_ms)
{
  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (self->running)
    self->poll_source = g_timeout_add (delay_ms, poll_cb, self);
}

static void
zx_wall_feed_dispose (GObject *object)
{
  ZxWallFeed *self = ZX_WALL_FEED (object);

  self->running = FALSE;
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->watchdog_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->list, zx_public_list_unref);
  g_clear_pointer (&self->bounties, g_array_unref);

  G_OBJECT_CLASS (zx_wall_feed_parent_class)->dispose (object);
}

static void
zx_wall_feed_finalize (GObject *object)
{
  ZxWallFeed *self = ZX_WALL_FEED (object);

  g_free (self->path);
  g_clear_pointer (&self->in_flight_since, g_date_time_unref);
  g_clear_pointer (&self->checked_at, g_date_time_unref);
  g_clear_pointer (&self->lost_since, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (zx_wall_feed_parent_class)->finalize (object);
}

static void
zx_wall_feed_class_init (ZxWallFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zx_wall_feed_dispose;
  object_class->finalize = zx_wall_feed_finalize;

  signals[LIST_CHANGED] = g_signal_new ("list-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          0);
}

static void
zx_wall_feed_init (ZxWallFeed *self)
{
  self->poll_seconds = 3;
  self->bounties = g_array_new (FALSE, FALSE, sizeof (ZxWallBounty));
}

ZxWallFeed *
zx_wall_feed_new (const char *path)
{
  ZxWallFeed *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (ZX_TYPE_WALL_FEED, NULL);
  self->path = g_strdup (path);

  return self;
}

void
zx_wall_feed_start (ZxWallFeed *self,
                    guint       poll_seconds)
{
  g_return_if_fail (ZX_IS_WALL_FEED (self));

  self->poll_seconds = MAX (poll_seconds, 1);
  self->running = TRUE;
  schedule_poll (self, 0);
}

void
zx_wall_feed_stop (ZxWallFeed *self)
{
  g_return_if_fail (ZX_IS_WALL_FEED (self));

  self->running = FALSE;
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->watchdog_source, g_source_remove);
}

ZxPublicList *
zx_wall_feed_get_list (ZxWallFeed *self)
{
  g_return_val_if_fail (ZX_IS_WALL_FEED (self), NULL);

  return self->list;
}

GArray *
zx_wall_feed_get_bounties (ZxWallFeed *self)
{
  g_return_val_if_fail (ZX_IS_WALL_FEED (self), NULL);

  return self->bounties;
}

gboolean
zx_wall_feed_get_loaded (ZxWallFeed *self)
{
  g_return_val_if_fail (ZX_IS_WALL_FEED (self), FALSE);

  return self->loaded;
}

GDateTime *
zx_wall_feed_get_checked_at (ZxWallFeed *self)
{
  g_return_val_if_fail (ZX_IS_WALL_FEED (self), NULL);

  return self->checked_at;
}

GDateTime *
zx_wall_feed_get_lost_since (ZxWallFeed *self)
{
  g_return_val_if_fail (ZX_IS_WALL_FEED (self), NULL);

  return self->lost_since;
}

const GError *
zx_wall_feed_get_error (ZxWallFeed *self)
{
  g_return_val_if_fail (ZX_IS_WALL_FEED (self), NULL);

  return self->error;
}
