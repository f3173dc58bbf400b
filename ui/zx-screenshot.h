/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders what WIDGET showed in its last frame into a PNG of WIDGET's size, with the renderer
 * of its window. */
gboolean zx_screenshot_render_png (GtkWidget   *widget,
                                   const char  *path,
                                   GError     **error);

/* Waits until WIDGET is mapped and has drawn a few frames, then renders it to PATH. */
void     zx_screenshot_save_async  (GtkWidget           *widget,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean zx_screenshot_save_finish (GtkWidget           *widget,
                                    GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
