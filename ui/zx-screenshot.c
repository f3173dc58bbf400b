/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `zhixing --screenshot FILE.png`: the window as it is on screen, written to a PNG. */
#define G_LOG_DOMAIN "zx-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "zx-screenshot.h"

/* Frames to wait once the data is shown: the first may still carry a pending layout. */
#define FRAMES_BEFORE_CAPTURE 3

typedef struct
{
  char     *path;
  guint     frames;
  gboolean  handed_on;  /* the tick callback is done: the capture idle or an error took over */
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->path);
  g_free (save);
}

gboolean
zx_screenshot_render_png (GtkWidget   *widget,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  GskRenderer *renderer;
  int width;
  int height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  native = gtk_widget_get_native (widget);
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window is not shown, so there is nothing to capture"));
      return FALSE;
    }

  /* The widget paintable replays the widget's render node from its last frame. */
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window has not been drawn yet"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (texture == NULL || !gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the screenshot to %s"), path);
      return FALSE;
    }

  g_debug ("Wrote a %d×%d screenshot to %s (surface %d×%d)", width, height, path,
           gdk_surface_get_width (gtk_native_get_surface (native)),
           gdk_surface_get_height (gtk_native_get_surface (native)));

  return TRUE;
}

static gboolean
capture_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  SaveData *save = g_task_get_task_data (task);
  GtkWidget *widget = g_task_get_source_object (task);
  GError *error = NULL;

  if (zx_screenshot_render_png (widget, save->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  GTask *task = user_data;
  SaveData *save = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      save->handed_on = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (++save->frames < FRAMES_BEFORE_CAPTURE)
    {
      /* Keep frames coming even when nothing on screen changes. */
      gtk_widget_queue_draw (widget);
      return G_SOURCE_CONTINUE;
    }

  /* Render outside the frame cycle, once this frame has been painted. */
  save->handed_on = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, capture_idle_cb, g_object_ref (task), g_object_unref);

  return G_SOURCE_REMOVE;
}

/* The tick callback is removed: done, or the widget went away before the capture. */
static void
tick_destroyed_cb (gpointer user_data)
{
  GTask *task = user_data;
  SaveData *save = g_task_get_task_data (task);

  if (!save->handed_on)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                             _("The window was closed before it could be captured"));

  g_object_unref (task);
}

void
zx_screenshot_save_async (GtkWidget           *widget,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL);

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, zx_screenshot_save_async);

  save = g_new0 (SaveData, 1);
  save->path = g_strdup (path);
  g_task_set_task_data (task, save, save_data_free);

  /* Tick callbacks run only while the widget is mapped, so the first one also waits for that. */
  gtk_widget_add_tick_callback (widget, tick_cb, g_object_ref (task), tick_destroyed_cb);
}

gboolean
zx_screenshot_save_finish (GtkWidget     *widget,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, widget), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
