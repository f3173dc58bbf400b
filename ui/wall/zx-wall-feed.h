/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "stats/zx-public-list.h"

G_BEGIN_DECLS

#define ZX_TYPE_WALL_FEED (zx_wall_feed_get_type ())
G_DECLARE_FINAL_TYPE (ZxWallFeed, zx_wall_feed, ZX, WALL_FEED, GObject)

/* A debtor of the public list under a bounty notice (悬赏): an executed 'bounty' measure for the
 * entry's party. */
typedef struct
{
  gint64 entry_id;    /* a row of the list it was read with (ZxPublicListRow.entry_id) */
  gint64 amount;      /* the bounty, fen; -1 when the measure has none */
} ZxWallBounty;

/* The wall display's data: the public list of the database at PATH, opened as a viewer and
 * polled for changes every few seconds in a worker thread (the frame loop never waits for the
 * share). When the file is unreachable, locked, replaced or damaged the feed keeps the last good
 * list, says since when the connection is lost, reopens the file on the next polls and recovers
 * by itself.
 *
 * ::list-changed  a new list differs from the last one (zx_wall_feed_get_list())
 * ::status-changed  a poll ended (checked-at moved, or the connection was lost or is back) */
ZxWallFeed   *zx_wall_feed_new             (const char *path);

/* Polls now, then POLL_SECONDS after each poll ends. */
void          zx_wall_feed_start           (ZxWallFeed *self,
                                            guint       poll_seconds);
void          zx_wall_feed_stop            (ZxWallFeed *self);

/* The last good list, or NULL before one was read. */
ZxPublicList *zx_wall_feed_get_list        (ZxWallFeed *self);
/* The debtors of that list under a bounty notice, in list order (ZxWallBounty; never NULL, may
 * be empty). Only ever entries of the list: nobody the public list does not show. */
GArray       *zx_wall_feed_get_bounties    (ZxWallFeed *self);
/* TRUE once the first poll has ended, with a list or an error. */
gboolean      zx_wall_feed_get_loaded      (ZxWallFeed *self);
/* When the database last answered (NULL: never). */
GDateTime    *zx_wall_feed_get_checked_at  (ZxWallFeed *self);
/* Since when it does not answer (NULL while it does), and why. */
GDateTime    *zx_wall_feed_get_lost_since  (ZxWallFeed *self);
const GError *zx_wall_feed_get_error       (ZxWallFeed *self);

G_END_DECLS
