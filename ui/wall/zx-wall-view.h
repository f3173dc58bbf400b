/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "stats/zx-public-list.h"
#include "zx-wall-config.h"

G_BEGIN_DECLS

#define ZX_TYPE_WALL_VIEW (zx_wall_view_get_type ())
G_DECLARE_FINAL_TYPE (ZxWallView, zx_wall_view, ZX, WALL_VIEW, GtkWidget)

/* The public notice itself: the court's name, the title, the count and the time of the last
 * update above; the entries scrolling continuously (or page by page) below; the legal basis and,
 * when the database does not answer, a small status mark in the footer. Each row is laid out
 * once, when it first comes into view after the data arrived, into a cached render node; a
 * frame only translates and appends the nodes of the visible rows. */

typedef struct
{
  guint64 frames_drawn;     /* snapshots */
  guint64 ticks;            /* frame-clock ticks while moving */
  guint64 slow_frames;      /* ticks more than 25 ms after the one before */
  gint64  max_interval_us;  /* longest gap between two ticks while moving */
  guint   rows_laid_out;    /* row nodes made so far */
  guint   bounty_slides;    /* bounty slides shown so far */
} ZxWallViewStats;

GtkWidget     *zx_wall_view_new         (void);

/* Mode, speed, font scale, columns and page time from CONFIG. */
void           zx_wall_view_set_config  (ZxWallView         *self,
                                         const ZxWallConfig *config);
/* Multiplies the scrolling speed and divides the page time, for tests and benchmarks; 0 holds
 * the list still (screenshots). */
void           zx_wall_view_set_speed_up (ZxWallView *self,
                                          double      speed_up);

/* Swaps in LIST (may be NULL: nothing read yet). The row at the top stays where it is, rows
 * that did not change keep their layout. */
void           zx_wall_view_set_list    (ZxWallView   *self,
                                         ZxPublicList *list);
ZxPublicList  *zx_wall_view_get_list    (ZxWallView *self);

/* The debtors of the list under a bounty notice (ZxWallBounty, copied; NULL: none). Every
 * bounty-every seconds one of them gets a full-screen slide for bounty-seconds, in turn; the
 * list stands still meanwhile and scrolls on from where it was. Entries no longer on the list
 * are never shown. */
void           zx_wall_view_set_bounties (ZxWallView *self,
                                          GArray     *bounties);
/* TRUE while a bounty slide shows. */
gboolean       zx_wall_view_get_bounty_shown (ZxWallView *self);

/* When the database last answered, and since when it does not (NULL while it does). */
void           zx_wall_view_set_status  (ZxWallView *self,
                                         GDateTime  *checked_at,
                                         GDateTime  *lost_since);
/* TRUE while the status mark is shown. */
gboolean       zx_wall_view_get_status_shown (ZxWallView *self);

void           zx_wall_view_get_stats   (ZxWallView      *self,
                                         ZxWallViewStats *stats);

G_END_DECLS
