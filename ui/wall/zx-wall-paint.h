/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "stats/zx-public-list.h"

G_BEGIN_DECLS

/* The wall display's look, for one screen size: where everything goes, and render nodes of the
 * parts (made once, kept by ZxWallView, appended in every frame). Text is Noto Sans CJK SC with
 * the language zh-cn, so fontconfig does not mix Latin and CJK faces in one line (DESIGN.md,
 * Known traps); digits are tabular; every layout has a fixed width, ellipsized. */

typedef struct _ZxWallPaint ZxWallPaint;

/* Where the rows go, in pixels. */
typedef struct
{
  int width;
  int height;
  int body_y;         /* the top of the rows, under the column titles */
  int body_h;         /* a whole number of rows */
  int row_h;
  int rows_per_page;
} ZxWallMetrics;

/* The look for WIDTH × HEIGHT: text size from the height and FONT_SCALE (smaller when the
 * COLUMNS do not fit the width), the columns (ids of zx_wall_config_get_column_ids(); unknown
 * ones are left out). WIDGET gives the font options. */
ZxWallPaint         *zx_wall_paint_new         (GtkWidget          *widget,
                                                int                 width,
                                                int                 height,
                                                double              font_scale,
                                                const char *const  *columns);
void                 zx_wall_paint_free        (ZxWallPaint *paint);
const ZxWallMetrics *zx_wall_paint_get_metrics (ZxWallPaint *paint);

/* Background, header band with COURT_NAME and the title, column titles, footer text. */
GskRenderNode       *zx_wall_paint_chrome      (ZxWallPaint *paint,
                                                const char  *court_name);
/* The count (left of the title) and the time of the last update (right; NULL: none). */
GskRenderNode       *zx_wall_paint_info        (ZxWallPaint *paint,
                                                const char  *count,
                                                const char  *updated);
/* One entry, at (0, 0), row_h high; the caller adds the stripe. */
GskRenderNode       *zx_wall_paint_row         (ZxWallPaint         *paint,
                                                const ZxPublicEntry *entry);
void                 zx_wall_paint_stripe      (ZxWallPaint *paint,
                                                GtkSnapshot *snapshot,
                                                int          y);
/* The line after the last row, at (0, 0), row_h high. */
GskRenderNode       *zx_wall_paint_end         (ZxWallPaint *paint,
                                                const char  *text);
/* TEXT in the middle of the body (no entries, nothing read). */
GskRenderNode       *zx_wall_paint_message     (ZxWallPaint *paint,
                                                const char  *text);
/* The status mark, amber, in the footer's right corner. */
GskRenderNode       *zx_wall_paint_status      (ZxWallPaint *paint,
                                                const char  *text);
/* "Page 2 of 7" in the footer. */
GskRenderNode       *zx_wall_paint_page        (ZxWallPaint *paint,
                                                const char  *text);

/* A full-screen bounty slide (悬赏公告) for ENTRY, of the court COURT_NAME: name, masked ID or
 * credit code, case number, amount unperformed, the bounty BOUNTY_FEN (-1: none given) and a
 * request to report the debtor's property to the court. */
GskRenderNode       *zx_wall_paint_bounty      (ZxWallPaint         *paint,
                                                const char          *court_name,
                                                const ZxPublicEntry *entry,
                                                gint64               bounty_fen);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxWallPaint, zx_wall_paint_free)

G_END_DECLS
