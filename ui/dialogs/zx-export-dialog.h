/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_EXPORT_DIALOG (zx_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZxExportDialog, zx_export_dialog, ZX, EXPORT_DIALOG, GtkWindow)

typedef enum
{
  ZX_EXPORT_STATE_RUNNING,    /* the export runs; Cancel is on */
  ZX_EXPORT_STATE_DONE,       /* the file was written */
  ZX_EXPORT_STATE_CANCELLED,  /* cancelled; nothing was written */
  ZX_EXPORT_STATE_FAILED,     /* failed; nothing was written */
} ZxExportState;

/* The worker: exports every case of the database at DB_PATH (opened read-only on a connection
 * of its own, in a GTask thread) to DEST as CSV, like `zhixingctl export cases`. DEST appears
 * (or an existing DEST is replaced) only when the export is complete: cancelled or failed,
 * nothing is left behind and an existing DEST stays as it was. */
void            zx_export_cases_async         (const char          *db_path,
                                               GFile               *dest,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns the number of bytes written. */
gboolean        zx_export_cases_finish        (GAsyncResult  *result,
                                               goffset       *out_bytes,
                                               GError       **error);

/* A small window with a pulsing progress bar and a Cancel button that exports STORE's cases to
 * DEST at once, then shows the result or the error. */
ZxExportDialog *zx_export_dialog_new          (GtkWindow *parent,
                                               ZxStore   *store,
                                               GFile     *dest);
void            zx_export_dialog_cancel       (ZxExportDialog *self);
ZxExportState   zx_export_dialog_get_state    (ZxExportDialog *self);
/* The result line shown ("N bytes written to PATH", or the error). */
const char     *zx_export_dialog_get_message  (ZxExportDialog *self);

/* "Export Cases…": asks for the file (GtkFileChooserNative, suggested name
 * cases-TODAY.csv; TODAY NULL: the local date), then runs a ZxExportDialog. */
void            zx_export_dialog_choose       (GtkWindow  *parent,
                                               ZxStore    *store,
                                               const char *today);

G_END_DECLS
