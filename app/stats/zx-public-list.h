/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "domain/zx-blacklist-rules.h"
#include "store/zx-store.h"

G_BEGIN_DECLS

/* The published dishonest-debtor list (失信被执行人名单) as the public sees it, for the wall
 * display and public exports. Every entry goes through zx_list_public_view(): nothing else
 * decides what is shown. */

typedef struct
{
  gint64         entry_id;  /* blacklist_entries.id: identity across reloads, never shown */
  ZxPublicEntry *entry;
} ZxPublicListRow;

typedef struct
{
  char      *court_name;  /* meta court_name, "" when unset */
  char      *today;       /* the day the list was made for */
  GPtrArray *rows;        /* ZxPublicListRow*: newest publication first, then newest entry */
} ZxPublicList;

/* The public list on TODAY (YYYY-MM-DD), reference counted and never changed once made (the
 * wall shares it between its feed and its view). Reads the published entries with their party and
 * case in one short read, then keeps those zx_list_public_view() shows. */
ZxPublicList *zx_public_list_load (ZxStore     *store,
                                   const char  *today,
                                   GError     **error);
ZxPublicList *zx_public_list_ref   (ZxPublicList *list);
void          zx_public_list_unref (ZxPublicList *list);

/* TRUE if the entries show the same content. */
gboolean      zx_public_entry_equal (const ZxPublicEntry *a,
                                     const ZxPublicEntry *b);

/* TRUE if A and B show the same rows with the same content, in the same order. */
gboolean      zx_public_list_equal (const ZxPublicList *a,
                                    const ZxPublicList *b);

/* The amount not yet performed, in fen (never negative). */
gint64        zx_public_entry_unperformed (const ZxPublicEntry *entry);

/* FEN as yuan with two decimals: "1234567.89", or "1,234,567.89" when GROUPED. */
char         *zx_public_format_yuan (gint64   fen,
                                     gboolean grouped);

/* The public list on TODAY as CSV (UTF-8, a header row of column names, CRLF), for
 * `zhixingctl export blacklist --public`: person IDs masked, entity codes whole, amounts in
 * yuan. */
gboolean      zx_public_list_export_csv (ZxStore        *store,
                                         const char     *today,
                                         GOutputStream  *out,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxPublicList, zx_public_list_unref)

G_END_DECLS
