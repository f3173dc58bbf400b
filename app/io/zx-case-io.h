/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

/* Imports cases (with their parties) from a CSV file. All-or-nothing: every row is validated
 * first; if any fails, nothing is written, OUT_ERRORS gets one "line:column: message" string per
 * problem and the call fails with ZX_ERROR_INVALID. TODAY (YYYY-MM-DD) bounds dates. */
gboolean zx_case_import_file (ZxStore *store, const char *path, const char *today,
                              guint *out_imported, GPtrArray **out_errors, GError **error);
gboolean zx_case_import_data (ZxStore *store, const char *data, gsize length, const char *today,
                              guint *out_imported, GPtrArray **out_errors, GError **error);

/* Writes every case in the import format (UTF-8, English headers, CRLF), ordered by id.
 * CANCELLABLE (may be NULL) is checked before each page of rows and passed to the stream writes;
 * once cancelled the call fails with G_IO_ERROR_CANCELLED. Part of the data may already be in
 * OUT then: write to a g_file_replace() stream and close it with a cancelled cancellable to keep
 * nothing. */
gboolean zx_case_export (ZxStore *store, GOutputStream *out, GCancellable *cancellable,
                         GError **error);

G_END_DECLS
