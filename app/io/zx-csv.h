/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zx-error.h"

G_BEGIN_DECLS

/* RFC 4180 CSV over UTF-8 text: an optional BOM, quoted fields with "" escapes and embedded
 * newlines, CRLF or LF line ends. */
typedef struct _ZxCsvReader ZxCsvReader;

ZxCsvReader *zx_csv_reader_new (const char *data, gsize length);
/* Reads the next record into OUT_FIELDS (char*, owned by the array). OUT_LINE is the 1-based
 * line on which the record starts. Returns FALSE at the end (ERROR unset) or on a malformed
 * record or invalid UTF-8 (ERROR set, ZX_ERROR_INVALID, message "line:column: …"). */
gboolean     zx_csv_reader_next (ZxCsvReader *reader, GPtrArray **out_fields, guint *out_line,
                                 GError **error);
void         zx_csv_reader_free (ZxCsvReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxCsvReader, zx_csv_reader_free)

/* Appends one record, quoting fields that need it, ending in CRLF. */
void         zx_csv_append_row (GString *out, const char *const *fields, guint n_fields);

G_END_DECLS
