/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ZX_TYPE_APPLICATION (zx_application_get_type ())
G_DECLARE_FINAL_TYPE (ZxApplication, zx_application, ZX, APPLICATION, GtkApplication)

ZxApplication *zx_application_new             (void);
/* The exit status decided after the main loop started (--screenshot); 0 otherwise. */
int            zx_application_get_exit_status (ZxApplication *self);
/* The application's settings, or NULL when the GSettings schema is not installed. */
GSettings     *zx_application_get_settings    (ZxApplication *self);

G_END_DECLS
