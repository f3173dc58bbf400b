/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_NEW_CASE_DIALOG (zx_new_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZxNewCaseDialog, zx_new_case_dialog, ZX, NEW_CASE_DIALOG, GtkWindow)

/* A dialog that files a new case on STORE (the window's connection: reads and change signals;
 * the save itself runs in a worker thread on a connection of its own). TODAY (YYYY-MM-DD) is
 * the default filing date and bounds the dates; NULL means the local date. Emits ::case-filed
 * (case id, case number) once the case is saved. */
ZxNewCaseDialog *zx_new_case_dialog_new         (GtkWindow  *parent,
                                                 ZxStore    *store,
                                                 const char *today);

/* TRUE when every field is acceptable and nothing is being saved. */
gboolean         zx_new_case_dialog_get_can_save (ZxNewCaseDialog *self);
/* TRUE while the save runs. */
gboolean         zx_new_case_dialog_get_saving   (ZxNewCaseDialog *self);
/* The number the dialog shows as the next one ("" if unknown). */
const char      *zx_new_case_dialog_get_next_case_no (ZxNewCaseDialog *self);

G_END_DECLS
