/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "zx-error.h"

G_DEFINE_QUARK (zx-error-quark, zx_error)

int
zx_error_exit_code (const GError *error)
{
  if (error == NULL || error->domain != ZX_ERROR)
    return 1;

  switch ((ZxError) error->code)
    {
    case ZX_ERROR_INVALID:
    case ZX_ERROR_CONFLICT:
    case ZX_ERROR_DENIED:
    case ZX_ERROR_NOT_FOUND:
    case ZX_ERROR_EXISTS:
    case ZX_ERROR_FAILED:
      return 1;
    case ZX_ERROR_BUSY:
    case ZX_ERROR_CORRUPT:
    case ZX_ERROR_NOT_DATABASE:
    case ZX_ERROR_EMPTY_FILE:
    case ZX_ERROR_FOREIGN:
    case ZX_ERROR_TOO_NEW:
    case ZX_ERROR_UNSAFE_FS:
    case ZX_ERROR_READ_ONLY:
    case ZX_ERROR_IO:
    default:
      return 3;
    }
}
