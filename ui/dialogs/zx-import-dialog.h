/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_IMPORT_DIALOG (zx_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZxImportDialog, zx_import_dialog, ZX, IMPORT_DIALOG, GtkWindow)

/* The states the dialog goes through. */
typedef enum
{
  ZX_IMPORT_STATE_CHOOSE,     /* no file yet */
  ZX_IMPORT_STATE_LOADING,    /* reading the file for the preview (can be cancelled) */
  ZX_IMPORT_STATE_PREVIEW,    /* the first lines shown; Import is on */
  ZX_IMPORT_STATE_IMPORTING,  /* the import runs (cannot be interrupted) */
  ZX_IMPORT_STATE_REJECTED,   /* the file had problems; nothing was saved */
  ZX_IMPORT_STATE_FAILED,     /* the save failed (busy, conflict, unreachable); nothing saved */
  ZX_IMPORT_STATE_DONE,       /* imported */
} ZxImportState;

/* Imports a CSV file of cases into STORE's database. The import runs in a worker thread on a
 * connection of its own; TODAY (YYYY-MM-DD, NULL: the local date) bounds the dates. Emits
 * ::imported (number of cases) when the file was saved. */
ZxImportDialog *zx_import_dialog_new          (GtkWindow  *parent,
                                               ZxStore    *store,
                                               const char *today);

/* Reads FILE for the preview, as if it had been chosen. */
void            zx_import_dialog_load_file    (ZxImportDialog *self,
                                               GFile          *file);
ZxImportState   zx_import_dialog_get_state    (ZxImportDialog *self);
/* The problems ("line:column: message") after a rejected file; NULL otherwise. */
GPtrArray      *zx_import_dialog_get_problems (ZxImportDialog *self);
/* Cases imported (in the DONE state). */
guint           zx_import_dialog_get_imported (ZxImportDialog *self);

G_END_DECLS
