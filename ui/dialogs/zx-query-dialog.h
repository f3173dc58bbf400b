/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_QUERY_DIALOG (zx_query_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZxQueryDialog, zx_query_dialog, ZX, QUERY_DIALOG, GtkWindow)

/* Records an asset query of case CASE_ID (kind, channel, requested and answered days, result,
 * amount found in yuan) through zx_nodes_record_query(), which also completes the process node
 * the query fulfils. Modal, transient for PARENT; fields are checked as they are typed and the
 * store's refusal is shown in the dialog. Emits ::saved (the query id) and closes when saved. */
GtkWindow *zx_query_dialog_new (GtkWindow *parent,
                                ZxStore   *store,
                                gint64     case_id);

G_END_DECLS
