/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "zx-wall-config.h"

G_BEGIN_DECLS

#define ZX_TYPE_WALL_WINDOW (zx_wall_window_get_type ())
G_DECLARE_FINAL_TYPE (ZxWallWindow, zx_wall_window, ZX, WALL_WINDOW, GtkWindow)

/* `zhixing --wall`: the public list full-screen on one monitor, unattended. No cursor, no
 * dialogs; every key and click is ignored except Ctrl+Alt+Shift+Q, which leaves. The database
 * at DB_PATH is opened as a viewer and polled (ZxWallFeed); outages show as a status mark.
 *
 * ::finished (int exit_status) is emitted once when the display is done: the exit keys (0),
 * the end of --run-for (0), or a --screenshot written (0; 3 if no list could be read; 1 if the
 * picture could not be written). The application quits on it. */
ZxWallWindow *zx_wall_window_new            (GtkApplication     *application,
                                             const char         *db_path,
                                             const ZxWallConfig *config);

/* Scroll SPEED_UP times faster (tests, benchmarks). */
void          zx_wall_window_set_speed_up   (ZxWallWindow *self,
                                             double        speed_up);
/* Finish after SECONDS (0: never), printing the frame statistics. */
void          zx_wall_window_set_run_for    (ZxWallWindow *self,
                                             double        seconds);
/* Write the display to PATH (PNG) once the first poll has ended, then finish. */
void          zx_wall_window_set_screenshot (ZxWallWindow *self,
                                             const char   *path);

/* Full screen on the configured monitor (the primary one when it does not exist). */
void          zx_wall_window_show           (ZxWallWindow *self);

G_END_DECLS
