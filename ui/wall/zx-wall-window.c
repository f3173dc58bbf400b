/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wall display's window: full screen, no cursor, input ignored; the feed's list and status
 * handed to the view; --run-for, --screenshot and the frame statistics benchmarks read.
 *
 * Leaving: Ctrl+Alt+Shift+Q. Four keys at once cannot happen by leaning on a keyboard or by a
 * passer-by pressing keys, and need no timer. A close request from the window manager (Alt+F4)
 * is refused, and the application's accelerators are removed for the wall (zx-application.c). */
#define G_LOG_DOMAIN "zx-wall"

#include "config.h"

#include <glib/gi18n.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include "zx-screenshot.h"
#include "zx-wall-feed.h"
#include "zx-wall-view.h"
#include "zx-wall-window.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define EXIT_UNAVAILABLE     3
/* A --screenshot run gives up after this long without a first poll. */
#define SCREENSHOT_TIMEOUT_S 120
/* The heap is sampled this long after the start (warmed up) and again at the end. */
#define HEAP_SAMPLE_MS       2000
/* Frame work histogram: 0.1 ms buckets up to 100 ms. */
#define WORK_BUCKETS         1000

struct _ZxWallWindow
{
  GtkWindow     parent_instance;

  ZxWallConfig *config;
  ZxWallFeed   *feed;
  ZxWallView   *view;
  char         *screenshot_path;
  double        speed_up;
  guint         run_for_source;
  guint         screenshot_timeout;
  gboolean      screenshot_started;
  gboolean      finished;
  gulong        monitors_handler;
  GListModel   *monitors;

  /* statistics */
  GdkFrameClock *frame_clock;
  gulong        before_paint_handler;
  gulong        after_paint_handler;
  gint64        frame_start_us;
  guint64       frames_at_start;
  guint         work_hist[WORK_BUCKETS + 1];
  guint64       work_frames;
  gint64        started_us;
  double        cpu_at_start;
  double        rss_first_mb;
  double        heap_warm_mb;
  guint         heap_sample_source;
  guint         list_updates;
  guint         outages;
};

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZxWallWindow, zx_wall_window, GTK_TYPE_WINDOW)

/* ---- statistics ------------------------------------------------------------------------- */

static double
cpu_seconds (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec
         + usage.ru_stime.tv_usec / 1e6;
}

static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long pages = 0;
  unsigned long resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &pages, &resident) != 2)
    return 0;

  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* The bytes malloc has handed out and not taken back: grows with a leak, unlike RSS not with
 * freed memory malloc keeps for later. */
static double
heap_in_use_mb (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

static gboolean
heap_sample_cb (gpointer user_data)
{
  ZxWallWindow *self = user_data;

  self->heap_sample_source = 0;
  self->heap_warm_mb = heap_in_use_mb ();

  return G_SOURCE_REMOVE;
}

static double
max_rss_mb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  return usage.ru_maxrss / 1024.0;  /* kilobytes on Linux */
}

static double
work_percentile (ZxWallWindow *self,
                 double        share)
{
  guint64 target = (guint64) (self->work_frames * share);
  guint64 seen = 0;

  for (guint i = 0; i <= WORK_BUCKETS; i++)
    {
      seen += self->work_hist[i];
      if (seen > target)
        return i / 10.0;
    }

  return WORK_BUCKETS / 10.0;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 ZxWallWindow  *self)
{
  ZxWallViewStats stats;

  zx_wall_view_get_stats (self->view, &stats);
  self->frames_at_start = stats.frames_drawn;
  self->frame_start_us = g_get_monotonic_time ();
}

/* The work of a frame in which the view was drawn: tick, layout, snapshot and rendering. */
static void
after_paint_cb (GdkFrameClock *clock,
                ZxWallWindow  *self)
{
  ZxWallViewStats stats;
  gint64 work;

  zx_wall_view_get_stats (self->view, &stats);
  if (self->frame_start_us == 0 || stats.frames_drawn == self->frames_at_start)
    return;

  work = g_get_monotonic_time () - self->frame_start_us;
  self->work_hist[MIN (work / 100, WORK_BUCKETS)]++;
  self->work_frames++;
  if (self->rss_first_mb == 0)
    self->rss_first_mb = rss_mb ();
}

static void
print_stats (ZxWallWindow *self)
{
  ZxWallViewStats stats;
  ZxPublicList *list = zx_wall_view_get_list (self->view);
  GDateTime *lost_since = zx_wall_feed_get_lost_since (self->feed);
  g_autofree char *lost = lost_since != NULL ? g_date_time_format (lost_since, "%H:%M:%S") : NULL;
  double elapsed = (g_get_monotonic_time () - self->started_us) / 1e6;
  double cpu = cpu_seconds () - self->cpu_at_start;

  zx_wall_view_get_stats (self->view, &stats);

  /* For benchmarks and tests, in a fixed form: not translated. */
  g_printerr ("wall: %" G_GUINT64_FORMAT " frames drawn in %.1f s (%.1f fps), "
              "%" G_GUINT64_FORMAT " frames over 25 ms (longest %.1f ms), "
              "frame work p50 %.1f ms p95 %.1f ms, CPU %.0f%% of one core, "
              "RSS %.1f MB at first frame, %.1f MB at end, max %.1f MB, "
              "%u rows laid out, "
              "heap in use %.2f MB at %.0f s, %.2f MB at end\n",
              stats.frames_drawn, elapsed, elapsed > 0 ? stats.frames_drawn / elapsed : 0.0,
              stats.slow_frames, stats.max_interval_us / 1000.0,
              work_percentile (self, 0.50), work_percentile (self, 0.95),
              elapsed > 0 ? 100.0 * cpu / elapsed : 0.0, self->rss_first_mb, rss_mb (),
              max_rss_mb (), stats.rows_laid_out, self->heap_warm_mb, HEAP_SAMPLE_MS / 1000.0,
              heap_in_use_mb ());
  g_printerr ("wall: list of %u entries shown, %u list updates, %u outages, "
              "%u bounty slides, database %s%s\n",
              list != NULL ? list->rows->len : 0, self->list_updates, self->outages,
              stats.bounty_slides,
              lost != NULL ? "unavailable since " : "available", lost != NULL ? lost : "");
}

/* ---- finishing -------------------------------------------------------------------------- */

static void
finish (ZxWallWindow *self,
        int           exit_status)
{
  if (self->finished)
    return;

  self->finished = TRUE;
  g_clear_handle_id (&self->run_for_source, g_source_remove);
  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  g_clear_handle_id (&self->heap_sample_source, g_source_remove);
  zx_wall_feed_stop (self->feed);
  print_stats (self);

  g_signal_emit (self, signals[FINISHED], 0, exit_status);
}

static gboolean
run_for_cb (gpointer user_data)
{
  ZxWallWindow *self = user_data;

  self->run_for_source = 0;
  finish (self, EXIT_SUCCESS);

  return G_SOURCE_REMOVE;
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  ZxWallWindow *self = user_data;

  self->screenshot_timeout = 0;
  g_printerr (_("%s: no screenshot: the wall display did not show the list within %d seconds\n"),
              g_get_prgname (), SCREENSHOT_TIMEOUT_S);
  finish (self, EXIT_FAILURE);

  return G_SOURCE_REMOVE;
}

static void
screenshot_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ZxWallWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const GError *feed_error;

  if (!zx_screenshot_save_finish (GTK_WIDGET (self), result, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      finish (self, EXIT_FAILURE);
      return;
    }

  /* The picture shows the status mark; still, the run did not show a list. */
  feed_error = zx_wall_feed_get_error (self->feed);
  if (zx_wall_feed_get_list (self->feed) == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (),
                  feed_error != NULL ? feed_error->message : _("No list could be read"));
      finish (self, EXIT_UNAVAILABLE);
      return;
    }

  finish (self, EXIT_SUCCESS);
}

static void
maybe_start_screenshot (ZxWallWindow *self)
{
  if (self->screenshot_path == NULL || self->screenshot_started
      || !zx_wall_feed_get_loaded (self->feed))
    return;

  self->screenshot_started = TRUE;
  zx_screenshot_save_async (GTK_WIDGET (self), self->screenshot_path, NULL, screenshot_saved_cb,
                            g_object_ref (self));
}

/* ---- the feed --------------------------------------------------------------------------- */

static void
feed_list_changed_cb (ZxWallWindow *self,
                      ZxWallFeed   *feed)
{
  zx_wall_view_set_list (self->view, zx_wall_feed_get_list (feed));
  zx_wall_view_set_bounties (self->view, zx_wall_feed_get_bounties (feed));
  self->list_updates++;
}

static void
feed_status_changed_cb (ZxWallWindow *self,
                        ZxWallFeed   *feed)
{
  GDateTime *lost_since = zx_wall_feed_get_lost_since (feed);

  if (lost_since != NULL && !zx_wall_view_get_status_shown (self->view))
    self->outages++;
  zx_wall_view_set_status (self->view, zx_wall_feed_get_checked_at (feed), lost_since);
  maybe_start_screenshot (self);
}

/* ---- input ------------------------------------------------------------------------------ */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ZxWallWindow          *self)
{
  GdkModifierType needed = GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK;

  if (gdk_keyval_to_lower (keyval) == GDK_KEY_q && (state & needed) == needed)
    {
      g_message ("Leaving the wall display (Ctrl+Alt+Shift+Q)");
      finish (self, EXIT_SUCCESS);
    }

  /* Everything else goes nowhere. */
  return GDK_EVENT_STOP;
}

static gboolean
zx_wall_window_close_request (GtkWindow *window)
{
  ZxWallWindow *self = ZX_WALL_WINDOW (window);

  /* Only the exit keys (or the end of a timed run) close the display. */
  return !self->finished;
}

/* ---- monitors --------------------------------------------------------------------------- */

static GdkMonitor *
chosen_monitor (ZxWallWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  g_autoptr(GdkMonitor) monitor = NULL;

  if (self->config->monitor >= 0 && (guint) self->config->monitor < n)
    monitor = g_list_model_get_item (monitors, self->config->monitor);
  else if (self->config->monitor >= 0)
    g_warning ("There is no monitor %d (%u connected): using the primary one",
               self->config->monitor, n);

#ifdef GDK_WINDOWING_X11
  if (monitor == NULL && GDK_IS_X11_DISPLAY (display)
      && gdk_x11_display_get_primary_monitor (display) != NULL)
    monitor = g_object_ref (gdk_x11_display_get_primary_monitor (display));
#endif
  if (monitor == NULL && n > 0)
    monitor = g_list_model_get_item (monitors, 0);

  return g_steal_pointer (&monitor);
}

static void
go_full_screen (ZxWallWindow *self)
{
  g_autoptr(GdkMonitor) monitor = chosen_monitor (self);
  GdkRectangle geometry;

  if (monitor == NULL)
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
      return;
    }

  /* Also the size, for X servers without a window manager to honour full screen (Xvfb). */
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
}

/* A monitor plugged in or out (wall screens are switched on and off): take the screen again. */
static void
monitors_changed_cb (GListModel   *monitors,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ZxWallWindow *self)
{
  go_full_screen (self);
}

/* ---- GtkWidget -------------------------------------------------------------------------- */

static void
zx_wall_window_realize (GtkWidget *widget)
{
  ZxWallWindow *self = ZX_WALL_WINDOW (widget);

  GTK_WIDGET_CLASS (zx_wall_window_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->before_paint_handler = g_signal_connect (self->frame_clock, "before-paint",
                                                 G_CALLBACK (before_paint_cb), self);
  self->after_paint_handler = g_signal_connect (self->frame_clock, "after-paint",
                                                G_CALLBACK (after_paint_cb), self);
}

static void
zx_wall_window_unrealize (GtkWidget *widget)
{
  ZxWallWindow *self = ZX_WALL_WINDOW (widget);

  if (self->frame_clock != NULL)
    {
      g_clear_signal_handler (&self->before_paint_handler, self->frame_clock);
      g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
      g_clear_object (&self->frame_clock);
    }

  GTK_WIDGET_CLASS (zx_wall_window_parent_class)->unrealize (widget);
}

static void
zx_wall_window_dispose (GObject *object)
{
  ZxWallWindow *self = ZX_WALL_WINDOW (object);

  g_clear_handle_id (&self->run_for_source, g_source_remove);
  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  g_clear_handle_id (&self->heap_sample_source, g_source_remove);
  if (self->monitors != NULL)
    {
      g_clear_signal_handler (&self->monitors_handler, self->monitors);
      g_clear_object (&self->monitors);
    }
  if (self->feed != NULL)
    {
      zx_wall_feed_stop (self->feed);
      g_signal_handlers_disconnect_by_data (self->feed, self);
      g_clear_object (&self->feed);
    }

  G_OBJECT_CLASS (zx_wall_window_parent_class)->dispose (object);
}

static void
zx_wall_window_finalize (GObject *object)
{
  ZxWallWindow *self = ZX_WALL_WINDOW (object);

  g_clear_pointer (&self->config, zx_wall_config_free);
  g_free (self->screenshot_path);

  G_OBJECT_CLASS (zx_wall_window_parent_class)->finalize (object);
}

static void
zx_wall_window_class_init (ZxWallWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zx_wall_window_dispose;
  object_class->finalize = zx_wall_window_finalize;
  widget_class->realize = zx_wall_window_realize;
  widget_class->unrealize = zx_wall_window_unrealize;
  window_class->close_request = zx_wall_window_close_request;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
zx_wall_window_init (ZxWallWindow *self)
{
  GtkEventController *keys;

  self->speed_up = 1.0;
  self->started_us = g_get_monotonic_time ();
  self->cpu_at_start = cpu_seconds ();

  gtk_window_set_title (GTK_WINDOW (self), _("List of Dishonest Judgment Debtors"));
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  gtk_widget_add_css_class (GTK_WIDGET (self), "zx-wall");

  self->view = ZX_WALL_VIEW (zx_wall_view_new ());
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->view));

  /* In the capture phase, before any shortcut: every key ends here. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* ---- public API ------------------------------------------------------------------------- */

ZxWallWindow *
zx_wall_window_new (GtkApplication     *application,
                    const char         *db_path,
                    const ZxWallConfig *config)
{
  ZxWallWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (ZX_TYPE_WALL_WINDOW, "application", application, NULL);
  self->config = zx_wall_config_copy (config);
  /* For screenshots and tests: a bounty slide at once, when there is one to show. */
  if (g_strcmp0 (g_getenv ("ZHIXING_WALL_SLIDE_FIRST"), "1") == 0)
    self->config->bounty_first = TRUE;
  zx_wall_view_set_config (self->view, self->config);

  self->feed = zx_wall_feed_new (db_path);
  g_signal_connect_swapped (self->feed, "list-changed", G_CALLBACK (feed_list_changed_cb), self);
  g_signal_connect_swapped (self->feed, "status-changed", G_CALLBACK (feed_status_changed_cb),
                            self);

  return self;
}

void
zx_wall_window_set_speed_up (ZxWallWindow *self,
                             double        speed_up)
{
  g_return_if_fail (ZX_IS_WALL_WINDOW (self));
  g_return_if_fail (speed_up > 0);

  self->speed_up = speed_up;
  zx_wall_view_set_speed_up (self->view, speed_up);
}

void
zx_wall_window_set_run_for (ZxWallWindow *self,
                            double        seconds)
{
  g_return_if_fail (ZX_IS_WALL_WINDOW (self));

  g_clear_handle_id (&self->run_for_source, g_source_remove);
  if (seconds > 0)
    self->run_for_source = g_timeout_add ((guint) (seconds * 1000), run_for_cb, self);
}

void
zx_wall_window_set_screenshot (ZxWallWindow *self,
                               const char   *path)
{
  g_return_if_fail (ZX_IS_WALL_WINDOW (self));

  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (path);
  /* A picture of the first screen, rows aligned: the list holds still. */
  if (path != NULL)
    zx_wall_view_set_speed_up (self->view, 0);
}

void
zx_wall_window_show (ZxWallWindow *self)
{
  g_return_if_fail (ZX_IS_WALL_WINDOW (self));

  self->monitors = g_object_ref (gdk_display_get_monitors (gtk_widget_get_display
                                                           (GTK_WIDGET (self))));
  self->monitors_handler = g_signal_connect (self->monitors, "items-changed",
                                             G_CALLBACK (monitors_changed_cb), self);
  go_full_screen (self);

  if (self->screenshot_path != NULL)
    self->screenshot_timeout = g_timeout_add_seconds (SCREENSHOT_TIMEOUT_S,
                                                      screenshot_timeout_cb, self);

  self->started_us = g_get_monotonic_time ();
  self->cpu_at_start = cpu_seconds ();
  g_clear_handle_id (&self->heap_sample_source, g_source_remove);
  self->heap_sample_source = g_timeout_add (HEAP_SAMPLE_MS, heap_sample_cb, self);
  zx_wall_feed_start (self->feed, self->config->poll_seconds);
  gtk_window_present (GTK_WINDOW (self));
}
