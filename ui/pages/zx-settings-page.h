/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_SETTINGS_PAGE (zx_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (ZxSettingsPage, zx_settings_page, ZX, SETTINGS_PAGE, GtkWidget)

GtkWidget  *zx_settings_page_new             (void);

ZxStore    *zx_settings_page_get_store       (ZxSettingsPage *self);
/* STORE is the window's connection. The page reads its small tables on it; the lock test and
 * the backup run in worker threads on connections of their own to the same file. */
void        zx_settings_page_set_store       (ZxSettingsPage *self,
                                              ZxStore        *store);
/* Reads everything again. */
void        zx_settings_page_refresh         (ZxSettingsPage *self);

/* TRUE when the signed-in staff member is an administrator or the bureau director and the
 * database is writable. */
gboolean    zx_settings_page_get_can_edit    (ZxSettingsPage *self);

guint       zx_settings_page_get_n_teams     (ZxSettingsPage *self);
guint       zx_settings_page_get_n_staff     (ZxSettingsPage *self);

/* The edit paths the page's Save buttons take. */
gboolean    zx_settings_page_save_court      (ZxSettingsPage *self,
                                              const char     *name,
                                              const char     *code,
                                              GError        **error);
gboolean    zx_settings_page_save_team       (ZxSettingsPage *self,
                                              gint64          team_id,
                                              const char     *name,
                                              gboolean        active,
                                              GError        **error);

/* "Test this location": the lock self-test on the database file, in a worker thread. */
void        zx_settings_page_test_location_async  (ZxSettingsPage      *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean    zx_settings_page_test_location_finish (ZxSettingsPage  *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);

const char *zx_settings_page_get_backup_dir  (ZxSettingsPage *self);
void        zx_settings_page_set_backup_dir  (ZxSettingsPage *self,
                                              const char     *dir);
/* "Back up now": a verified online backup into the backup folder, in a worker thread. The
 * result is the new file's path. */
void        zx_settings_page_backup_async    (ZxSettingsPage      *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char       *zx_settings_page_backup_finish   (ZxSettingsPage  *self,
                                              GAsyncResult    *result,
                                              GError         **error);

G_END_DECLS
