/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zx-error.h"

G_BEGIN_DECLS

/* Pure validators (no SQL, no I/O). Each returns TRUE if VALUE is acceptable and, on failure,
 * sets ZX_ERROR_INVALID with a precise, translated reason (which position, what was expected). */

typedef enum
{
  ZX_ID_FLAG_NONE = 0,
  ZX_ID_FLAG_LEGACY_15 = 1 << 0,    /* a 15-digit ID, upgraded to 18 */
  ZX_ID_FLAG_INNER_CHECK = 1 << 1,  /* credit code whose inner organization-code check is wrong */
} ZxIdFlags;

/* Resident ID: 18 characters (6-digit region, real birth date not after TODAY, sequence, check
 * character per GB 11643). Lowercase x is normalized. With ALLOW_LEGACY a 15-digit ID is
 * accepted, flagged ZX_ID_FLAG_LEGACY_15 and upgraded to 18 in OUT_NORMALIZED.
 * TODAY is YYYY-MM-DD (NULL: no future check). */
gboolean zx_validate_resident_id (const char *value, const char *today, gboolean allow_legacy,
                                  char **out_normalized, ZxIdFlags *out_flags, GError **error);

/* Unified social credit code (GB 32100): charset, outer check character (error), inner
 * organization-code check (ZX_ID_FLAG_INNER_CHECK, accepted). */
gboolean zx_validate_uscc (const char *value, char **out_normalized, ZxIdFlags *out_flags,
                           GError **error);

/* Organization code (GB 11714), 9 characters, with or without the hyphen before the check. */
gboolean zx_validate_org_code (const char *value, char **out_normalized, GError **error);

/* Sex ('M' or 'F') and birth date (YYYY-MM-DD, 11 bytes with NUL) of a valid 18-digit ID. */
gboolean zx_resident_id_info (const char *id18, char *out_sex, char out_birth[11]);
/* Age in whole years on TODAY of a valid 18-digit ID, or -1. */
int      zx_resident_id_age (const char *id18, const char *today);

/* ISO date YYYY-MM-DD that exists in the calendar. */
gboolean zx_validate_date (const char *value, GError **error);

/* Parses an amount in yuan ("1234.5", "1,234.56", "¥1234") into fen without floating point.
 * Negative amounts, more than two decimals and garbage are refused. */
gboolean zx_parse_amount_fen (const char *value, gint64 *out_fen, GError **error);
/* Formats fen as yuan with two decimals, no grouping: "1234.50". */
char    *zx_format_fen (gint64 fen);

G_END_DECLS
