/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_WINDOW (zx_window_get_type ())
G_DECLARE_FINAL_TYPE (ZxWindow, zx_window, ZX, WINDOW, GtkApplicationWindow)

/* The pages of the main window, as --view names them; NULL-terminated. */
const char *const *zx_window_get_view_names     (void);
gboolean           zx_window_is_view_name       (const char *name);

ZxWindow          *zx_window_new                (GtkApplication *application);

/* Opens PATH in a worker thread and shows it; IS_DEFAULT marks the local default file, which
 * is created with demo data when it does not exist. Errors are shown in the window. */
void               zx_window_open_database      (ZxWindow   *self,
                                                 const char *path,
                                                 gboolean    is_default);
const char        *zx_window_get_database_path  (ZxWindow *self);
ZxStore           *zx_window_get_store          (ZxWindow *self);
/* TRUE once the database is shown, or the reason it could not be opened. */
gboolean           zx_window_get_loaded         (ZxWindow *self);
const GError      *zx_window_get_load_error     (ZxWindow *self);

void               zx_window_set_view           (ZxWindow   *self,
                                                 const char *view);
const char        *zx_window_get_view           (ZxWindow *self);

/* Restores the size from SETTINGS (window-width, window-height, window-maximized) and saves it
 * there when the window closes. */
void               zx_window_bind_state         (ZxWindow  *self,
                                                 GSettings *settings);

G_END_DECLS
