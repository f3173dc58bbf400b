/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

/* The public list on TODAY (YYYY-MM-DD) as a printable A4 notice (PDF) at PATH: the court,
 * the title, the date and the count on top, one table row per entry of zx_public_list_load()
 * (IDs masked as published), rows never split across pages, the column headers on every page,
 * "page N of M" and the legal basis at the foot. An empty list gives one page saying so. The
 * file is replaced only when the whole notice was written. */
gboolean zx_public_notice_write_pdf (ZxStore     *store,
                                     const char  *today,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
