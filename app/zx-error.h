/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZX_ERROR (zx_error_quark ())

/**
 * ZxError:
 * Codes a caller (the UI, zhixingctl) can act on.  Messages are meant for a clerk.
 */
typedef enum
{
  ZX_ERROR_FAILED,         /* anything else */
  ZX_ERROR_INVALID,        /* bad input: a field, a line, a value */
  ZX_ERROR_CONFLICT,       /* someone else saved the row first */
  ZX_ERROR_BUSY,           /* the database stayed locked past the retry bound */
  ZX_ERROR_NOT_FOUND,      /* no such row or file */
  ZX_ERROR_DENIED,         /* the role may not do this */
  ZX_ERROR_CORRUPT,        /* damaged or truncated database, tampered audit chain */
  ZX_ERROR_NOT_DATABASE,   /* not an SQLite file at all */
  ZX_ERROR_EMPTY_FILE,     /* a 0-byte file where a database should be */
  ZX_ERROR_FOREIGN,        /* an SQLite file that belongs to another application */
  ZX_ERROR_TOO_NEW,        /* written by a newer Zhixing; open read-only or upgrade */
  ZX_ERROR_UNSAFE_FS,      /* WAL on a network file system, broken locking */
  ZX_ERROR_READ_ONLY,      /* opened as a viewer, or the file is not writable */
  ZX_ERROR_IO,             /* the share went away, disk full, … */
  ZX_ERROR_EXISTS,         /* refusing to create over an existing file */
} ZxError;

GQuark zx_error_quark (void);

/* Exit code of zhixingctl for an error: 1 invalid input or rule violation, 3 database
 * unavailable or busy. */
int zx_error_exit_code (const GError *error);

G_END_DECLS
