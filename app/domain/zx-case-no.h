/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zx-error.h"

G_BEGIN_DECLS

/* Case numbers (案号): （2018）冀0802执123号. Full- or half-width brackets; court code is a
 * province abbreviation + 4 digits (basic court) or 2 digits (intermediate), or 最高法; optional
 * special-court code; type code (longest first: 执恢 执保 执异 执复 执监 执协 执他 执, and 司救执);
 * sequence; 号. Pre-2016 numbers like (2014)X法执字第00232号 parse as legacy (read-only). */
typedef struct
{
  int      year;
  char    *court_code;   /* 冀0802 */
  char    *type_code;    /* 执, 执恢, … */
  gint64   seq;
  gboolean legacy;
  char    *normalized;   /* full-width brackets: （2018）冀0802执123号; legacy: as given, trimmed */
} ZxCaseNo;

gboolean zx_case_no_parse (const char *value, ZxCaseNo *out, GError **error);
void     zx_case_no_clear (ZxCaseNo *no);
char    *zx_case_no_format (int year, const char *court_code, const char *type_code, gint64 seq);
/* The execution type codes, longest first, NULL-terminated. */
const char *const *zx_case_no_type_codes (void);

G_END_DECLS
