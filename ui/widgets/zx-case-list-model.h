/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/zx-case-query.h"
#include "zx-case-item.h"

G_BEGIN_DECLS

#define ZX_TYPE_CASE_LIST_MODEL (zx_case_list_model_get_type ())
G_DECLARE_FINAL_TYPE (ZxCaseListModel, zx_case_list_model, ZX, CASE_LIST_MODEL, GObject)

/* A GListModel of ZxCaseItem over a snapshot of case ids. Rows are read from STORE (on the
 * calling thread) a window at a time when an item is first asked for; the query that makes a
 * snapshot runs in a worker thread on a connection of its own to the same file. */
ZxCaseListModel *zx_case_list_model_new            (ZxStore             *store);
ZxStore         *zx_case_list_model_get_store      (ZxCaseListModel     *self);

/* Runs the query for FILTER in a worker thread (on the model's own connection, one query at a
 * time) and returns the snapshot of matching case ids (gint64) for zx_case_list_model_set_ids.
 * Cancel the previous call before starting another: a cancelled call finishes at once with
 * G_IO_ERROR_CANCELLED, and its worker stops the query (sqlite3_interrupt). */
void             zx_case_list_model_query_async    (ZxCaseListModel     *self,
                                                    const ZxCaseFilter  *filter,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GArray          *zx_case_list_model_query_finish   (ZxCaseListModel     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Shows IDS (gint64, not modified afterwards; the model keeps a reference). Items still in use
 * are read again and updated in place; the list reports only the positions that differ from
 * the previous snapshot, and never removes and adds many rows in one items-changed. TODAY is
 * the date deadline colours are computed for. */
void             zx_case_list_model_set_ids        (ZxCaseListModel     *self,
                                                    GArray              *ids,
                                                    const char          *today);

gint64           zx_case_list_model_get_id         (ZxCaseListModel     *self,
                                                    guint                position);
/* The position of case ID in the snapshot, or FALSE if it is not there. */
gboolean         zx_case_list_model_find           (ZxCaseListModel     *self,
                                                    gint64               id,
                                                    guint               *out_position);

/* For tests and benchmarks: how often get_item was called, and how many windows of rows were
 * read, since the model was made. */
guint64          zx_case_list_model_get_get_item_calls (ZxCaseListModel *self);
guint64          zx_case_list_model_get_row_fetches    (ZxCaseListModel *self);

G_END_DECLS
