/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pages/zx-case-detail-data.h"
#include "store/zx-store.h"
#include "widgets/zx-case-list-model.h"

G_BEGIN_DECLS

#define ZX_TYPE_CASE_REGISTER (zx_case_register_get_type ())
G_DECLARE_FINAL_TYPE (ZxCaseRegister, zx_case_register, ZX, CASE_REGISTER, GtkWidget)

GtkWidget       *zx_case_register_new              (void);
ZxStore         *zx_case_register_get_store        (ZxCaseRegister *self);
/* STORE is the window's connection (row reads, change signals); the page's queries run on a
 * connection of their own in a worker thread. */
void             zx_case_register_set_store        (ZxCaseRegister *self,
                                                    ZxStore        *store);
/* TRUE while a query runs (and before the first one has finished). */
gboolean         zx_case_register_get_loading      (ZxCaseRegister *self);
ZxCaseListModel *zx_case_register_get_model        (ZxCaseRegister *self);
/* The selected case, or 0. */
gint64           zx_case_register_get_selected_id  (ZxCaseRegister *self);
/* Runs the query again now (the page also does so by itself when the store reports changes). */
void             zx_case_register_refresh          (ZxCaseRegister *self);
/* Selects CASE_ID and shows the tab of SECTION beside it. A case that the search or the filters
 * hide clears them first (every case is listed again, and the case selected once it is). */
void             zx_case_register_show_case        (ZxCaseRegister      *self,
                                                    gint64               case_id,
                                                    ZxCaseDetailSection  section);

G_END_DECLS
