/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_BLACKLIST_PAGE (zx_blacklist_page_get_type ())
G_DECLARE_FINAL_TYPE (ZxBlacklistPage, zx_blacklist_page, ZX, BLACKLIST_PAGE, GtkWidget)

typedef enum
{
  ZX_BLACKLIST_DECIDE,
  ZX_BLACKLIST_PUBLISH,
  ZX_BLACKLIST_REMOVE,
  ZX_BLACKLIST_REVOKE,
  ZX_BLACKLIST_CORRECT,
  ZX_BLACKLIST_EXTEND,
} ZxBlacklistAction;

/* One step on the selected entry (strings borrowed; dates YYYY-MM-DD, NULL: the page's
 * today). */
typedef struct
{
  ZxBlacklistAction action;
  const char *date;            /* decided, published, removed, revoked, corrected, extended on */
  const char *established_on;  /* revoke, correct: the day the error was established */
  const char *ground_on;       /* remove: the day the removal ground arose (NULL: as recorded) */
  const char *reason;          /* remove: an art. 10 reason (NULL: as recorded); revoke: why */
  int         months;          /* decide: grace months (0–3); extend: months */
  int         ground;          /* correct: the new ground, 0 unchanged */
  const char *conduct;         /* correct: the new conduct, NULL unchanged */
} ZxBlacklistRequest;

GtkWidget  *zx_blacklist_page_new              (void);

ZxStore    *zx_blacklist_page_get_store        (ZxBlacklistPage *self);
/* STORE is the window's connection: the page reads on it, writes through app/store/zx-listing
 * as the store's actor and reloads on changed::blacklist_entries. */
void        zx_blacklist_page_set_store        (ZxBlacklistPage *self,
                                                ZxStore         *store);

/* "Today" (YYYY-MM-DD) for deadlines, the preview and default dates; NULL: the local date. */
const char *zx_blacklist_page_get_today        (ZxBlacklistPage *self);
void        zx_blacklist_page_set_today        (ZxBlacklistPage *self,
                                                const char      *today);

/* Only entries in STATE (a blacklist_entries.state value); NULL: all. */
const char *zx_blacklist_page_get_state_filter (ZxBlacklistPage *self);
void        zx_blacklist_page_set_state_filter (ZxBlacklistPage *self,
                                                const char      *state);

/* The rows shown: ZxBlacklistItem. */
GListModel *zx_blacklist_page_get_model        (ZxBlacklistPage *self);
void        zx_blacklist_page_refresh          (ZxBlacklistPage *self);

/* Selects the entry with ID (FALSE when it is not shown). */
gboolean    zx_blacklist_page_select_entry     (ZxBlacklistPage *self,
                                                gint64           id);
gint64      zx_blacklist_page_get_selected_id  (ZxBlacklistPage *self);

/* Runs REQUEST on the selected entry, as the store's actor. A refusal (ZX_ERROR_DENIED,
 * _CONFLICT, _INVALID …) changes nothing; its message is shown on the page and returned. */
gboolean    zx_blacklist_page_run_action       (ZxBlacklistPage          *self,
                                                const ZxBlacklistRequest *request,
                                                GError                  **error);
/* The message shown in the actions area ("" when none). */
const char *zx_blacklist_page_get_message      (ZxBlacklistPage *self);
/* The text of the public preview of the selected entry. */
const char *zx_blacklist_page_get_preview      (ZxBlacklistPage *self);

/* Writes the public list on today as CSV (zx_public_list_export_csv) to FILE. */
gboolean    zx_blacklist_page_export_csv       (ZxBlacklistPage *self,
                                                GFile           *file,
                                                GError         **error);

G_END_DECLS
