/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wall display's notice: the motion, the caches and the data; ZxWallPaint draws the parts.
 * Everything on screen is a render node made outside the frame path:
 *
 * - the chrome (background, header band, court name, title, column titles, footer text) when
 *   the size or the court changes;
 * - the count and the update time when their text changes (once a minute at most);
 * - one node per row, the first time the row comes near the screen after its data arrived (in
 *   an idle between two frames, a few rows ahead), from PangoLayouts of fixed width, so no row
 *   is ever laid out again while it scrolls. Nodes of rows whose content did not change survive
 *   a reload. At most MAX_ROW_NODES are kept: a court with tens of thousands of entries lays a
 *   row out once per pass through the list, and memory stays flat.
 *
 * A frame is the frame-clock tick moving the offset (pixels per second times the time since the
 * last frame) and, when the whole pixel changed, a snapshot that appends the cached nodes of the
 * ~10 visible rows with a translation, under a clip. The list repeats after an end-of-list line,
 * so the scrolling never jumps back. Page mode slides one page up every few seconds. A list
 * that fits on the screen does not move, and costs no frames. */
#define G_LOG_DOMAIN "zx-wall"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zx-wall-feed.h"
#include "zx-wall-paint.h"
#include "zx-wall-view.h"

#define MAX_ROW_NODES      512
#define SLOW_FRAME_US      25000
/* A frame clock that stalled (suspend, a hung X server) resumes where it was, not far ahead. */
#define MAX_STEP_US        250000
#define PAGE_SLIDE_US      700000
/* Rows laid out ahead of the bottom edge. */
#define PREFETCH_ROWS      3

/* What one item of the scrolling sequence is. */
typedef enum
{
  ITEM_ROW,
  ITEM_END,    /* the end-of-list line before the list repeats */
  ITEM_BLANK,  /* the rest of the last page in page mode */
} ItemKind;

struct _ZxWallView
{
  GtkWidget         parent_instance;

  /* settings */
  ZxWallScrollMode  mode;
  double            speed;
  double            speed_up;
  double            font_scale;
  char            **column_ids;
  guint             page_seconds;
  guint             bounty_every;
  guint             bounty_seconds;
  gboolean          bounty_first;

  /* data */
  ZxPublicList     *list;
  GPtrArray        *row_nodes;   /* GskRenderNode* or NULL, one per row of LIST */
  GQueue            built;       /* row indices, in the order their nodes were made */
  guint             rows_laid_out;
  GDateTime        *checked_at;
  GDateTime        *lost_since;
  GArray           *bounties;    /* ZxWallBounty, entries of LIST */

  /* bounty slides: while one shows, the list stands still where it was */
  guint             bounty_timeout;
  gboolean          bounty_shown;
  gboolean          bounty_first_done;
  guint             bounty_next;  /* index into BOUNTIES of the next slide */
  gint64            bounty_entry; /* the entry on the slide shown */
  gint64            bounty_amount;
  GskRenderNode    *bounty_node;

  /* drawing: PAINT is NULL until the size is known, and after a change of settings */
  ZxWallPaint      *paint;
  GskRenderNode    *chrome_node;
  GskRenderNode    *info_node;
  char             *info_key;
  GskRenderNode    *status_node;
  char             *status_key;
  GskRenderNode    *page_node;
  char             *page_key;
  GskRenderNode    *end_node;
  GskRenderNode    *message_node;

  /* motion */
  guint             tick_id;
  gint64            last_frame_time;
  gint64            last_tick_us;
  double            offset;      /* pixels into the sequence of items */
  int               drawn_offset;
  guint             page;
  guint             page_timeout;
  gboolean          sliding;
  gint64            slide_start;
  double            slide_from;
  double            slide_to;
  guint             prefetch_idle;
  guint             prefetch_first;

  /* statistics */
  guint64           frames_drawn;
  guint64           ticks;
  guint64           slow_frames;
  gint64            max_interval_us;
  guint             bounty_slides;
};

G_DEFINE_FINAL_TYPE (ZxWallView, zx_wall_view, GTK_TYPE_WIDGET)

static const ZxWallMetrics *
metrics (ZxWallView *self)
{
  return self->paint != NULL ? zx_wall_paint_get_metrics (self->paint) : NULL;
}

static guint
n_rows (ZxWallView *self)
{
  return self->list != NULL ? self->list->rows->len : 0;
}

static guint
rows_per_page (ZxWallView *self)
{
  return self->paint != NULL ? (guint) metrics (self)->rows_per_page : 1;
}

static guint
n_pages (ZxWallView *self)
{
  guint rows = rows_per_page (self);

  return MAX ((n_rows (self) + rows - 1) / rows, 1);
}

static gboolean
is_paging (ZxWallView *self)
{
  return self->mode == ZX_WALL_SCROLL_PAGE && n_pages (self) > 1;
}

/* ---- row nodes -------------------------------------------------------------------------- */

/* Forgets the oldest row nodes outside KEEP_FIRST … KEEP_FIRST + KEEP_COUNT (rows, modulo the
 * list). */
static void
trim_row_nodes (ZxWallView *self,
                guint       keep_first,
                guint       keep_count)
{
  guint n = n_rows (self);
  guint guard = g_queue_get_length (&self->built);

  while (g_queue_get_length (&self->built) > MAX_ROW_NODES && guard-- > 0)
    {
      guint index = GPOINTER_TO_UINT (g_queue_pop_head (&self->built));
      guint distance = (index + n - keep_first) % n;

      if (distance < keep_count)
        {
          g_queue_push_tail (&self->built, GUINT_TO_POINTER (index));
          continue;
        }
      g_clear_pointer (&g_ptr_array_index (self->row_nodes, index), gsk_render_node_unref);
    }
}

static GskRenderNode *
get_row_node (ZxWallView *self,
              guint       index)
{
  GskRenderNode **slot = (GskRenderNode **) &g_ptr_array_index (self->row_nodes, index);

  if (*slot == NULL)
    {
      const ZxPublicListRow *row = g_ptr_array_index (self->list->rows, index);

      *slot = zx_wall_paint_row (self->paint, row->entry);
      self->rows_laid_out++;
      g_queue_push_tail (&self->built, GUINT_TO_POINTER (index));
    }

  return *slot;
}

static void
drop_row_nodes (ZxWallView *self)
{
  for (guint i = 0; self->row_nodes != NULL && i < self->row_nodes->len; i++)
    g_clear_pointer (&g_ptr_array_index (self->row_nodes, i), gsk_render_node_unref);
  g_queue_clear (&self->built);
}

/* ---- the other nodes -------------------------------------------------------------------- */

static char *
format_time (GDateTime *time,
             gboolean   with_date)
{
  return g_date_time_format (time, with_date ? "%Y-%m-%d %H:%M" : "%H:%M");
}

/* Remakes *NODE with MAKE (PAINT, TEXT) when TEXT differs from *KEY; NULL TEXT: no node. */
static void
update_text_node (ZxWallView      *self,
                  GskRenderNode  **node,
                  char           **key,
                  const char      *text,
                  GskRenderNode *(*make) (ZxWallPaint *, const char *))
{
  if (text == NULL)
    {
      g_clear_pointer (node, gsk_render_node_unref);
      g_clear_pointer (key, g_free);
      return;
    }
  if (*node != NULL && g_strcmp0 (text, *key) == 0)
    return;

  g_clear_pointer (node, gsk_render_node_unref);
  *node = make (self->paint, text);
  g_free (*key);
  *key = g_strdup (text);
}

static void
update_info_node (ZxWallView *self)
{
  g_autofree char *count = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *key = NULL;

  if (self->list != NULL)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                          n_rows (self)),
                             n_rows (self));
  else
    count = g_strdup ("—");
  if (self->checked_at != NULL)
    updated = format_time (self->checked_at, TRUE);

  key = g_strdup_printf ("%s|%s", count, updated != NULL ? updated : "");
  if (self->info_node != NULL && g_strcmp0 (key, self->info_key) == 0)
    return;

  g_clear_pointer (&self->info_node, gsk_render_node_unref);
  self->info_node = zx_wall_paint_info (self->paint, count, updated);
  g_free (self->info_key);
  self->info_key = g_steal_pointer (&key);
}

/* The status mark, as long as the database does not answer. */
static void
update_status_node (ZxWallView *self)
{
  g_autofree char *since = NULL;
  g_autofree char *text = NULL;

  if (self->lost_since != NULL)
    {
      since = format_time (self->lost_since, FALSE);
      /* Translators: the status mark of the wall display; %s is a time like 10:32 */
      text = g_strdup_printf (_("● Connection lost since %s"), since);
    }
  update_text_node (self, &self->status_node, &self->status_key, text, zx_wall_paint_status);
}

/* "Page 2 of 7", in page mode: the page mostly on screen, also while sliding. */
static void
update_page_node (ZxWallView *self)
{
  g_autofree char *text = NULL;

  if (is_paging (self))
    {
      double page_h = (double) rows_per_page (self) * metrics (self)->row_h;
      guint shown = (guint) floor (self->offset / page_h + 0.5) % n_pages (self);

      /* Translators: on the wall display in page mode */
      text = g_strdup_printf (_("Page %u of %u"), shown + 1, n_pages (self));
    }
  update_text_node (self, &self->page_node, &self->page_key, text, zx_wall_paint_page);
}

static void
ensure_nodes (ZxWallView *self)
{
  if (self->chrome_node == NULL)
    self->chrome_node = zx_wall_paint_chrome (self->paint, self->list != NULL
                                                             ? self->list->court_name
                                                             : "");
  update_info_node (self);
  update_status_node (self);
  update_page_node (self);

  if (self->end_node == NULL && self->mode == ZX_WALL_SCROLL_SMOOTH)
    {
      g_autofree char *text = NULL;

      /* Translators: after the last entry on the wall display, before the list repeats */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "End of the list: %u entry",
                                           "End of the list: %u entries", n_rows (self)),
                              n_rows (self));
      self->end_node = zx_wall_paint_end (self->paint, text);
    }

  if (self->message_node == NULL && n_rows (self) == 0)
    {
      const char *text = "";

      if (self->list != NULL)
        text = _("No dishonest judgment debtors are listed at present");
      else if (self->lost_since != NULL)
        text = _("The list cannot be shown at the moment");
      self->message_node = zx_wall_paint_message (self->paint, text);
    }
}

/* Drops the nodes that depend on the list's chrome, or (ALL) on the size and settings too. */
static void
invalidate_drawing (ZxWallView *self,
                    gboolean    all)
{
  if (all)
    {
      g_clear_pointer (&self->paint, zx_wall_paint_free);
      drop_row_nodes (self);
    }
  g_clear_pointer (&self->chrome_node, gsk_render_node_unref);
  g_clear_pointer (&self->info_node, gsk_render_node_unref);
  g_clear_pointer (&self->status_node, gsk_render_node_unref);
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  g_clear_pointer (&self->end_node, gsk_render_node_unref);
  g_clear_pointer (&self->message_node, gsk_render_node_unref);
  g_clear_pointer (&self->bounty_node, gsk_render_node_unref);
}

/* ---- motion ----------------------------------------------------------------------------- */

/* The items the body runs through: the rows, then (when scrolling) the end line; in page mode
 * blank slots up to a whole number of pages. */
static guint
n_items (ZxWallView *self)
{
  if (self->mode == ZX_WALL_SCROLL_PAGE)
    return n_pages (self) * rows_per_page (self);

  return n_rows (self) + 1;
}

static ItemKind
item_kind (ZxWallView *self,
           guint       item)
{
  if (item < n_rows (self))
    return ITEM_ROW;
  return self->mode == ZX_WALL_SCROLL_PAGE ? ITEM_BLANK : ITEM_END;
}

/* Whether the list moves at all: not when it fits on the screen. */
static gboolean
is_scrolling (ZxWallView *self)
{
  if (self->paint == NULL || n_rows (self) == 0)
    return FALSE;
  if (self->mode == ZX_WALL_SCROLL_PAGE)
    return is_paging (self);

  return (double) n_rows (self) * metrics (self)->row_h > metrics (self)->body_h;
}

static double
page_height (ZxWallView *self)
{
  return self->paint != NULL ? (double) rows_per_page (self) * metrics (self)->row_h : 0;
}

static double
wrap_offset (ZxWallView *self,
             double      offset)
{
  double cycle = self->paint != NULL ? (double) n_items (self) * metrics (self)->row_h : 0;

  if (cycle <= 0)
    return 0;

  offset = fmod (offset, cycle);
  return offset < 0 ? offset + cycle : offset;
}

static void update_motion (ZxWallView *self);

static gboolean
page_timeout_cb (gpointer user_data)
{
  ZxWallView *self = user_data;

  self->page_timeout = 0;
  if (!is_paging (self))
    return G_SOURCE_REMOVE;

  self->sliding = TRUE;
  self->slide_start = 0;  /* set by the first tick */
  self->slide_from = self->page * page_height (self);
  self->slide_to = self->slide_from + page_height (self);
  self->page = (self->page + 1) % n_pages (self);
  update_motion (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_page (ZxWallView *self)
{
  double ms = self->page_seconds * 1000.0 / MAX (self->speed_up, 0.001);

  g_clear_handle_id (&self->page_timeout, g_source_remove);
  self->page_timeout = g_timeout_add ((guint) CLAMP (ms, 50, G_MAXINT), page_timeout_cb, self);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  ZxWallView *self = ZX_WALL_VIEW (widget);
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  gint64 now = g_get_monotonic_time ();
  gint64 step;

  /* Statistics: the real time between two frames while moving. */
  self->ticks++;
  if (self->last_tick_us != 0)
    {
      gint64 interval = now - self->last_tick_us;

      if (interval > SLOW_FRAME_US)
        self->slow_frames++;
      self->max_interval_us = MAX (self->max_interval_us, interval);
    }
  self->last_tick_us = now;

  step = self->last_frame_time != 0 ? CLAMP (frame_time - self->last_frame_time, 0, MAX_STEP_US)
                                    : 0;
  self->last_frame_time = frame_time;

  if (self->mode == ZX_WALL_SCROLL_SMOOTH)
    {
      self->offset = wrap_offset (self, self->offset
                                          + self->speed * self->speed_up * (double) step / 1e6);
    }
  else if (self->sliding)
    {
      double duration = PAGE_SLIDE_US / MAX (self->speed_up, 0.001);
      double t;

      if (self->slide_start == 0)
        self->slide_start = frame_time;
      t = CLAMP ((frame_time - self->slide_start) / duration, 0.0, 1.0);
      /* Ease out: quick start, gentle stop. */
      self->offset = self->slide_from + (self->slide_to - self->slide_from) * (1 - pow (1 - t, 3));
      if (t >= 1.0)
        {
          self->sliding = FALSE;
          self->offset = wrap_offset (self, self->slide_to);
          gtk_widget_queue_draw (widget);
          /* This callback ends here; the next page is a timer away. */
          self->tick_id = 0;
          self->last_frame_time = 0;
          self->last_tick_us = 0;
          update_motion (self);
          return G_SOURCE_REMOVE;
        }
    }

  if ((int) floor (self->offset) != self->drawn_offset)
    gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

static void
stop_ticking (ZxWallView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  self->last_frame_time = 0;
  self->last_tick_us = 0;
}

/* Starts or stops the tick callback and the page timer for the current state. The tick runs only
 * while something moves. */
static void
update_motion (ZxWallView *self)
{
  gboolean tick = FALSE;

  if (self->bounty_shown)
    {
      /* The list holds where it is; the scroll resumes from there after the slide. */
      g_clear_handle_id (&self->page_timeout, g_source_remove);
      self->slide_start = 0;
      stop_ticking (self);
      return;
    }

  if (!is_scrolling (self))
    {
      g_clear_handle_id (&self->page_timeout, g_source_remove);
      self->sliding = FALSE;
      self->page = 0;
      self->offset = 0;
    }
  else if (self->mode == ZX_WALL_SCROLL_SMOOTH)
    {
      g_clear_handle_id (&self->page_timeout, g_source_remove);
      tick = self->speed_up > 0;
    }
  else if (self->sliding)
    {
      tick = TRUE;
    }
  else if (self->page_timeout == 0 && self->speed_up > 0)
    {
      schedule_page (self);
    }

  if (tick && self->tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
  else if (!tick)
    stop_ticking (self);
}

/* Makes the look for WIDTH × HEIGHT when the size changed (or the settings did), keeping the
 * scroll position on the same row. */
static void
ensure_paint (ZxWallView *self,
              int         width,
              int         height)
{
  double old_row_h = 0;

  if (width <= 0 || height <= 0)
    return;
  if (self->paint != NULL && metrics (self)->width == width && metrics (self)->height == height)
    return;

  if (self->paint != NULL)
    old_row_h = metrics (self)->row_h;
  invalidate_drawing (self, TRUE);
  self->paint = zx_wall_paint_new (GTK_WIDGET (self), width, height, self->font_scale,
                                   (const char *const *) self->column_ids);

  if (self->mode == ZX_WALL_SCROLL_PAGE)
    {
      self->sliding = FALSE;
      self->page = MIN (self->page, n_pages (self) - 1);
      self->offset = self->page * page_height (self);
    }
  else if (old_row_h > 0)
    {
      self->offset = wrap_offset (self, self->offset / old_row_h * metrics (self)->row_h);
    }
  self->drawn_offset = -1;
  update_motion (self);
}

/* ---- bounty slides ---------------------------------------------------------------------- */

static const ZxPublicEntry *
find_entry (ZxWallView *self,
            gint64      entry_id)
{
  for (guint i = 0; self->list != NULL && i < self->list->rows->len; i++)
    {
      const ZxPublicListRow *row = g_ptr_array_index (self->list->rows, i);

      if (row->entry_id == entry_id)
        return row->entry;
    }

  return NULL;
}

static GskRenderNode *
make_bounty_node (ZxWallView *self)
{
  const ZxPublicEntry *entry = find_entry (self, self->bounty_entry);

  if (self->paint == NULL || entry == NULL)
    return NULL;

  return zx_wall_paint_bounty (self->paint, self->list->court_name, entry, self->bounty_amount);
}

static gboolean bounty_timeout_cb (gpointer user_data);

/* The next slide change SECONDS of wall time from now (divided by the speed-up); none while the
 * display holds still (speed-up 0), nor when there is nothing to show. */
static void
schedule_bounty (ZxWallView *self,
                 guint       seconds)
{
  double ms = seconds * 1000.0 / MAX (self->speed_up, 0.001);

  g_clear_handle_id (&self->bounty_timeout, g_source_remove);
  if (self->speed_up <= 0 || self->bounty_every == 0)
    return;
  if (!self->bounty_shown && self->bounties->len == 0)
    return;

  self->bounty_timeout = g_timeout_add ((guint) CLAMP (ms, 50, G_MAXINT), bounty_timeout_cb,
                                        self);
}

static void
end_bounty (ZxWallView *self)
{
  if (!self->bounty_shown)
    return;

  self->bounty_shown = FALSE;
  g_clear_pointer (&self->bounty_node, gsk_render_node_unref);
  self->drawn_offset = -1;
  update_motion (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
start_bounty (ZxWallView *self)
{
  const ZxWallBounty *bounty;

  if (self->bounties->len == 0)
    return;

  self->bounty_next %= self->bounties->len;
  bounty = &g_array_index (self->bounties, ZxWallBounty, self->bounty_next);
  self->bounty_next = (self->bounty_next + 1) % self->bounties->len;
  if (find_entry (self, bounty->entry_id) == NULL)
    return;

  self->bounty_shown = TRUE;
  self->bounty_slides++;
  self->bounty_entry = bounty->entry_id;
  self->bounty_amount = bounty->amount;
  g_clear_pointer (&self->bounty_node, gsk_render_node_unref);
  /* Laid out once, here, not in the frames that show it. */
  self->bounty_node = make_bounty_node (self);
  update_motion (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
bounty_timeout_cb (gpointer user_data)
{
  ZxWallView *self = user_data;

  self->bounty_timeout = 0;
  if (self->bounty_shown)
    {
      end_bounty (self);
      schedule_bounty (self, self->bounty_every);
    }
  else
    {
      start_bounty (self);
      schedule_bounty (self, self->bounty_shown ? self->bounty_seconds : self->bounty_every);
    }

  return G_SOURCE_REMOVE;
}

/* After a new list or new bounties: a slide of someone no longer listed ends at once; the
 * timer runs while there is someone to show. */
static void
update_bounties (ZxWallView *self)
{
  gboolean listed = FALSE;

  if (self->bounty_shown)
    {
      for (guint i = 0; i < self->bounties->len && !listed; i++)
        listed = g_array_index (self->bounties, ZxWallBounty, i).entry_id == self->bounty_entry;
      if (!listed || find_entry (self, self->bounty_entry) == NULL)
        {
          end_bounty (self);
          g_clear_handle_id (&self->bounty_timeout, g_source_remove);
        }
      else
        {
          /* The entry's facts may have changed: lay the slide out again. */
          g_clear_pointer (&self->bounty_node, gsk_render_node_unref);
          self->bounty_node = make_bounty_node (self);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }

  if (self->bounty_every == 0 || self->bounties->len == 0)
    {
      g_clear_handle_id (&self->bounty_timeout, g_source_remove);
      return;
    }

  if (self->bounty_first && !self->bounty_first_done && !self->bounty_shown)
    {
      self->bounty_first_done = TRUE;
      start_bounty (self);
      schedule_bounty (self, self->bounty_seconds);
      return;
    }

  if (self->bounty_timeout == 0)
    schedule_bounty (self, self->bounty_shown ? self->bounty_seconds : self->bounty_every);
}

/* ---- drawing ---------------------------------------------------------------------------- */

static gboolean
prefetch_idle_cb (gpointer user_data)
{
  ZxWallView *self = user_data;
  guint items = n_items (self);

  self->prefetch_idle = 0;
  if (self->paint == NULL || items == 0)
    return G_SOURCE_REMOVE;

  for (guint k = 0; k < PREFETCH_ROWS; k++)
    {
      guint item = (self->prefetch_first + k) % items;

      if (item_kind (self, item) == ITEM_ROW)
        get_row_node (self, item);
    }

  return G_SOURCE_REMOVE;
}

/* Lays out the rows about to scroll in between two frames, not in the frame that needs them. */
static void
schedule_prefetch (ZxWallView *self,
                   guint       first)
{
  gboolean needed = FALSE;

  if (!is_scrolling (self))
    return;

  for (guint k = 0; k < PREFETCH_ROWS && !needed; k++)
    {
      guint item = (first + k) % n_items (self);

      needed = item_kind (self, item) == ITEM_ROW
               && g_ptr_array_index (self->row_nodes, item) == NULL;
    }

  self->prefetch_first = first;
  if (needed && self->prefetch_idle == 0)
    self->prefetch_idle = g_idle_add_full (G_PRIORITY_LOW, prefetch_idle_cb, self, NULL);
}

static void
append_items (ZxWallView  *self,
              GtkSnapshot *snapshot)
{
  const ZxWallMetrics *m = metrics (self);
  guint items = n_items (self);
  guint rows = n_rows (self);
  guint visible = (guint) (m->body_h / m->row_h);
  int offset = (int) floor (self->offset);
  guint first;
  int y;

  self->drawn_offset = offset;
  first = (guint) (offset / m->row_h);
  y = m->body_y + (int) first * m->row_h - offset;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, m->body_y, m->width, m->body_h));

  for (guint k = 0; y < m->body_y + m->body_h && k <= items; k++, y += m->row_h)
    {
      guint item = (first + k) % items;
      GskRenderNode *node = NULL;

      switch (item_kind (self, item))
        {
        case ITEM_ROW:
          node = get_row_node (self, item);
          break;
        case ITEM_END:
          node = self->end_node;
          break;
        case ITEM_BLANK:
        default:
          break;
        }

      if (item % 2 == 1)
        zx_wall_paint_stripe (self->paint, snapshot, y);
      if (node == NULL)
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);

      /* Without a scroll, only the first screenful is ever shown. */
      if (!is_scrolling (self) && item + 1 >= rows)
        break;
    }

  gtk_snapshot_pop (snapshot);

  trim_row_nodes (self, first % rows, visible + 2 + PREFETCH_ROWS);
  schedule_prefetch (self, (first + visible + 1) % items);
}

static void
zx_wall_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ZxWallView *self = ZX_WALL_VIEW (widget);

  ensure_paint (self, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  if (self->paint == NULL)
    return;

  self->frames_drawn++;
  ensure_nodes (self);

  if (self->bounty_shown)
    {
      if (self->bounty_node == NULL)
        self->bounty_node = make_bounty_node (self);
      if (self->bounty_node != NULL)
        {
          gtk_snapshot_append_node (snapshot, self->bounty_node);
          if (self->status_node != NULL)
            gtk_snapshot_append_node (snapshot, self->status_node);
          return;
        }
    }

  gtk_snapshot_append_node (snapshot, self->chrome_node);
  gtk_snapshot_append_node (snapshot, self->info_node);

  if (n_rows (self) > 0)
    append_items (self, snapshot);
  else
    gtk_snapshot_append_node (snapshot, self->message_node);

  if (self->page_node != NULL)
    gtk_snapshot_append_node (snapshot, self->page_node);
  if (self->status_node != NULL)
    gtk_snapshot_append_node (snapshot, self->status_node);
}

static void
zx_wall_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 360;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1920 : 1080;
}

static void
zx_wall_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  ensure_paint (ZX_WALL_VIEW (widget), width, height);
}

static void
zx_wall_view_unmap (GtkWidget *widget)
{
  ZxWallView *self = ZX_WALL_VIEW (widget);

  stop_ticking (self);
  GTK_WIDGET_CLASS (zx_wall_view_parent_class)->unmap (widget);
}

static void
zx_wall_view_map (GtkWidget *widget)
{
  ZxWallView *self = ZX_WALL_VIEW (widget);

  GTK_WIDGET_CLASS (zx_wall_view_parent_class)->map (widget);
  update_motion (self);
}

static void
zx_wall_view_dispose (GObject *object)
{
  ZxWallView *self = ZX_WALL_VIEW (object);

  stop_ticking (self);
  g_clear_handle_id (&self->page_timeout, g_source_remove);
  g_clear_handle_id (&self->prefetch_idle, g_source_remove);
  g_clear_handle_id (&self->bounty_timeout, g_source_remove);
  g_clear_pointer (&self->bounty_node, gsk_render_node_unref);
  g_clear_pointer (&self->bounties, g_array_unref);
  drop_row_nodes (self);
  g_clear_pointer (&self->row_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->list, zx_public_list_unref);
  g_clear_pointer (&self->chrome_node, gsk_render_node_unref);
  g_clear_pointer (&self->info_node, gsk_render_node_unref);
  g_clear_pointer (&self->status_node, gsk_render_node_unref);
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  g_clear_pointer (&self->end_node, gsk_render_node_unref);
  g_clear_pointer (&self->message_node, gsk_render_node_unref);
  g_clear_pointer (&self->checked_at, g_date_time_unref);
  g_clear_pointer (&self->lost_since, g_date_time_unref);
  g_clear_pointer (&self->paint, zx_wall_paint_free);

  G_OBJECT_CLASS (zx_wall_view_parent_class)->dispose (object);
}

static void
zx_wall_view_finalize (GObject *object)
{
  ZxWallView *self = ZX_WALL_VIEW (object);

  g_strfreev (self->column_ids);
  g_free (self->info_key);
  g_free (self->status_key);
  g_free (self->page_key);

  G_OBJECT_CLASS (zx_wall_view_parent_class)->finalize (object);
}

static void
zx_wall_view_class_init (ZxWallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_wall_view_dispose;
  object_class->finalize = zx_wall_view_finalize;

  widget_class->snapshot = zx_wall_view_snapshot;
  widget_class->measure = zx_wall_view_measure;
  widget_class->size_allocate = zx_wall_view_size_allocate;
  widget_class->map = zx_wall_view_map;
  widget_class->unmap = zx_wall_view_unmap;

  gtk_widget_class_set_css_name (widget_class, "zx-wall-view");
}

static void
zx_wall_view_init (ZxWallView *self)
{
  g_autoptr(ZxWallConfig) config = zx_wall_config_new ();

  self->mode = config->mode;
  self->speed = config->speed;
  self->speed_up = 1.0;
  self->font_scale = config->font_scale;
  self->column_ids = g_strdupv (config->columns);
  self->page_seconds = config->page_seconds;
  self->bounty_every = config->bounty_every;
  self->bounty_seconds = config->bounty_seconds;
  self->bounty_first = config->bounty_first;
  self->bounties = g_array_new (FALSE, FALSE, sizeof (ZxWallBounty));
  self->drawn_offset = -1;
  self->row_nodes = g_ptr_array_new ();
  g_queue_init (&self->built);

  /* A notice, not a control: nothing to click, nothing to focus. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/* ---- public API ------------------------------------------------------------------------- */

GtkWidget *
zx_wall_view_new (void)
{
  return g_object_new (ZX_TYPE_WALL_VIEW, NULL);
}

void
zx_wall_view_set_config (ZxWallView         *self,
                         const ZxWallConfig *config)
{
  g_return_if_fail (ZX_IS_WALL_VIEW (self));
  g_return_if_fail (config != NULL);

  self->mode = config->mode;
  self->speed = config->speed;
  self->font_scale = config->font_scale;
  self->page_seconds = config->page_seconds;
  self->bounty_every = config->bounty_every;
  self->bounty_seconds = config->bounty_seconds;
  self->bounty_first = config->bounty_first;
  g_strfreev (self->column_ids);
  self->column_ids = g_strdupv (config->columns);

  self->offset = 0;
  self->page = 0;
  self->sliding = FALSE;
  g_clear_handle_id (&self->page_timeout, g_source_remove);
  invalidate_drawing (self, TRUE);
  self->bounty_shown = FALSE;
  g_clear_handle_id (&self->bounty_timeout, g_source_remove);
  update_bounties (self);
  update_motion (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
zx_wall_view_set_speed_up (ZxWallView *self,
                           double      speed_up)
{
  g_return_if_fail (ZX_IS_WALL_VIEW (self));
  g_return_if_fail (speed_up >= 0);

  self->speed_up = speed_up;
  g_clear_handle_id (&self->page_timeout, g_source_remove);
  g_clear_handle_id (&self->bounty_timeout, g_source_remove);
  update_bounties (self);
  update_motion (self);
}

void
zx_wall_view_set_bounties (ZxWallView *self,
                           GArray     *bounties)
{
  g_return_if_fail (ZX_IS_WALL_VIEW (self));

  g_array_set_size (self->bounties, 0);
  if (bounties != NULL)
    g_array_append_vals (self->bounties, bounties->data, bounties->len);
  update_bounties (self);
}

gboolean
zx_wall_view_get_bounty_shown (ZxWallView *self)
{
  g_return_val_if_fail (ZX_IS_WALL_VIEW (self), FALSE);

  return self->bounty_shown;
}

/* The item the top of the body shows: the row index and how far it has scrolled out. Returns
 * FALSE when the top shows the end line (or nothing). */
static gboolean
top_row (ZxWallView *self,
         guint      *out_index,
         double     *out_delta)
{
  double row_h = self->paint != NULL ? metrics (self)->row_h : 0;
  guint item;

  if (row_h <= 0 || n_rows (self) == 0)
    return FALSE;

  item = (guint) (self->offset / row_h);
  *out_delta = self->offset - item * row_h;
  if (self->mode == ZX_WALL_SCROLL_PAGE)
    {
      item = self->page * rows_per_page (self);
      *out_delta = 0;
    }
  *out_index = item;

  return item < n_rows (self);
}

void
zx_wall_view_set_list (ZxWallView   *self,
                       ZxPublicList *list)
{
  g_autoptr(ZxPublicList) old = NULL;
  g_autoptr(GPtrArray) old_nodes = NULL;
  g_autoptr(GHashTable) old_index = NULL;
  g_autoptr(GHashTable) new_index = NULL;
  gboolean at_end = FALSE;
  gboolean anchored = FALSE;
  gboolean court_changed;
  guint anchor_row = 0;
  double delta = 0;
  guint n_new;

  g_return_if_fail (ZX_IS_WALL_VIEW (self));

  if (list == self->list)
    return;

  /* Finish a page slide first: the position is then a whole page. */
  if (self->sliding)
    {
      self->sliding = FALSE;
      self->offset = wrap_offset (self, self->slide_to);
    }

  if (!top_row (self, &anchor_row, &delta))
    at_end = self->list != NULL && n_rows (self) > 0 && self->paint != NULL;

  court_changed = list == NULL || self->list == NULL
                  || g_strcmp0 (list->court_name, self->list->court_name) != 0;

  old = g_steal_pointer (&self->list);
  old_nodes = g_steal_pointer (&self->row_nodes);
  g_queue_clear (&self->built);
  self->list = list != NULL ? zx_public_list_ref (list) : NULL;
  n_new = n_rows (self);

  /* Nodes of rows that did not change are kept. */
  self->row_nodes = g_ptr_array_new ();
  g_ptr_array_set_size (self->row_nodes, n_new);
  new_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_new; i++)
    {
      ZxPublicListRow *row = g_ptr_array_index (self->list->rows, i);

      g_hash_table_insert (new_index, &row->entry_id, GUINT_TO_POINTER (i + 1));
    }
  if (old != NULL)
    {
      for (guint j = 0; j < old->rows->len; j++)
        {
          ZxPublicListRow *before = g_ptr_array_index (old->rows, j);
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (new_index, &before->entry_id));
          ZxPublicListRow *after;

          if (i == 0 || g_ptr_array_index (old_nodes, j) == NULL)
            continue;
          after = g_ptr_array_index (self->list->rows, i - 1);
          if (!zx_public_entry_equal (before->entry, after->entry))
            continue;
          g_ptr_array_index (self->row_nodes, i - 1) = g_steal_pointer (&g_ptr_array_index
                                                                          (old_nodes, j));
          g_queue_push_tail (&self->built, GUINT_TO_POINTER (i - 1));
        }
      for (guint j = 0; j < old_nodes->len; j++)
        g_clear_pointer (&g_ptr_array_index (old_nodes, j), gsk_render_node_unref);
    }

  /* Keep the row at the top where it is: the first row at or after it that is still listed. */
  if (old != NULL && !at_end && old->rows->len > 0)
    {
      for (guint k = 0; k < old->rows->len && !anchored; k++)
        {
          ZxPublicListRow *before = g_ptr_array_index (old->rows,
                                                       (anchor_row + k) % old->rows->len);
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (new_index, &before->entry_id));

          if (i == 0)
            continue;
          anchored = TRUE;
          anchor_row = i - 1;
          if (k > 0)
            delta = 0;
        }
    }

  if (self->paint != NULL)
    {
      if (self->mode == ZX_WALL_SCROLL_PAGE)
        {
          self->page = anchored ? anchor_row / rows_per_page (self) : 0;
          self->page = MIN (self->page, n_pages (self) - 1);
          self->offset = self->page * page_height (self);
        }
      else if (at_end)
        self->offset = n_new * (double) metrics (self)->row_h + delta;
      else if (anchored)
        self->offset = anchor_row * (double) metrics (self)->row_h + delta;
      else
        self->offset = 0;
      self->offset = wrap_offset (self, self->offset);
    }

  if (court_changed)
    g_clear_pointer (&self->chrome_node, gsk_render_node_unref);
  g_clear_pointer (&self->end_node, gsk_render_node_unref);
  g_clear_pointer (&self->message_node, gsk_render_node_unref);
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  self->drawn_offset = -1;

  update_bounties (self);
  update_motion (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

ZxPublicList *
zx_wall_view_get_list (ZxWallView *self)
{
  g_return_val_if_fail (ZX_IS_WALL_VIEW (self), NULL);

  return self->list;
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

static void
replace_time (GDateTime **slot,
              GDateTime  *time)
{
  g_clear_pointer (slot, g_date_time_unref);
  if (time != NULL)
    *slot = g_date_time_ref (time);
}

void
zx_wall_view_set_status (ZxWallView *self,
                         GDateTime  *checked_at,
                         GDateTime  *lost_since)
{
  g_autofree char *shown_before = NULL;
  g_autofree char *shown_now = NULL;
  gboolean lost_changed;

  g_return_if_fail (ZX_IS_WALL_VIEW (self));

  lost_changed = (lost_since == NULL) != (self->lost_since == NULL);
  if (same_time (checked_at, self->checked_at) && same_time (lost_since, self->lost_since))
    return;

  /* A poll every few seconds moves CHECKED_AT; the screen shows minutes. */
  if (self->checked_at != NULL)
    shown_before = format_time (self->checked_at, TRUE);
  if (checked_at != NULL)
    shown_now = format_time (checked_at, TRUE);

  replace_time (&self->checked_at, checked_at);
  replace_time (&self->lost_since, lost_since);
  if (lost_changed)
    g_clear_pointer (&self->message_node, gsk_render_node_unref);

  /* The nodes are remade in the next frame, if their text changed. */
  if (lost_changed || lost_since != NULL || g_strcmp0 (shown_before, shown_now) != 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
zx_wall_view_get_status_shown (ZxWallView *self)
{
  g_return_val_if_fail (ZX_IS_WALL_VIEW (self), FALSE);

  return self->lost_since != NULL;
}

void
zx_wall_view_get_stats (ZxWallView      *self,
                        ZxWallViewStats *stats)
{
  g_return_if_fail (ZX_IS_WALL_VIEW (self));
  g_return_if_fail (stats != NULL);

  stats->frames_drawn = self->frames_drawn;
  stats->ticks = self->ticks;
  stats->slow_frames = self->slow_frames;
  stats->max_interval_us = self->max_interval_us;
  stats->rows_laid_out = self->rows_laid_out;
  stats->bounty_slides = self->bounty_slides;
}
