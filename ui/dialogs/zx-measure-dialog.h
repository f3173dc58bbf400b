/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_MEASURE_DIALOG (zx_measure_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZxMeasureDialog, zx_measure_dialog, ZX, MEASURE_DIALOG, GtkWindow)

/* Proposes a compulsory measure in case CASE_ID against one of its parties through
 * zx_measures_propose(): the days of a detention and the amount of a fine (in yuan) are checked
 * against the rules as they are typed, and what the store refuses (the user's role, a limit) is
 * shown in the dialog. Modal, transient for PARENT. Emits ::saved (the measure id) and closes
 * when saved. */
GtkWindow *zx_measure_dialog_new (GtkWindow *parent,
                                  ZxStore   *store,
                                  gint64     case_id);

G_END_DECLS
