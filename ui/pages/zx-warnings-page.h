/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_WARNINGS_PAGE (zx_warnings_page_get_type ())
G_DECLARE_FINAL_TYPE (ZxWarningsPage, zx_warnings_page, ZX, WARNINGS_PAGE, GtkWidget)

GtkWidget  *zx_warnings_page_new            (void);

ZxStore    *zx_warnings_page_get_store      (ZxWarningsPage *self);
/* STORE is the window's connection: change signals and who is signed in. The report itself
 * runs in a worker thread on a viewer connection of its own to the same file. */
void        zx_warnings_page_set_store      (ZxWarningsPage *self,
                                             ZxStore        *store);

/* "Today" for the report (YYYY-MM-DD); NULL (the default) means the local date at each
 * refresh. Tests and screenshots fix it. */
const char *zx_warnings_page_get_today      (ZxWarningsPage *self);
void        zx_warnings_page_set_today      (ZxWarningsPage *self,
                                             const char     *today);

/* Only the signed-in officer's items (a team leader: the team's). */
gboolean    zx_warnings_page_get_mine       (ZxWarningsPage *self);
void        zx_warnings_page_set_mine       (ZxWarningsPage *self,
                                             gboolean        mine);

/* TRUE while the report is computed (and before the first one has finished). */
gboolean    zx_warnings_page_get_loading    (ZxWarningsPage *self);

/* The rows shown: ZxWarningItem, headings (team, officer) and items in display order. */
GListModel *zx_warnings_page_get_model      (ZxWarningsPage *self);
/* The number of items (rows that are not headings). */
guint       zx_warnings_page_get_n_warnings (ZxWarningsPage *self);

/* Computes the report again now (the page also does so by itself, at most every 2 s, when the
 * store reports changes to nodes, seizures, measures, list entries or cases). */
void        zx_warnings_page_refresh        (ZxWarningsPage *self);

G_END_DECLS
