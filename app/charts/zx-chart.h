/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Chart painters: a plain data model (ZxChart), a geometry step (ZxChartLayout) that a widget
 * caches until the size or the data change, and one paint function that draws the layout on any
 * cairo_t (screen, PNG, SVG, PDF). Cairo and PangoCairo only, never GTK. */

typedef enum
{
  ZX_CHART_BAR,
  ZX_CHART_STACKED_BAR,
  ZX_CHART_GROUPED_BAR,
  ZX_CHART_LINE,
  ZX_CHART_GAUGE,
} ZxChartKind;

#define ZX_CHART_FONT_FAMILY "Noto Sans CJK SC"
#define ZX_CHART_PALETTE_SIZE 8

typedef struct _ZxChart ZxChart;

ZxChart *zx_chart_new (const char *title,
                       const char *unit);
void zx_chart_free (ZxChart *chart);

/* Category labels (UTF-8), in order. */
void zx_chart_add_category (ZxChart    *chart,
                            const char *label);
/* A series of N values, one per category (missing values count as 0). Returns its index. */
guint zx_chart_add_series (ZxChart      *chart,
                           const char   *name,
                           const double *values,
                           guint         n_values);
guint zx_chart_add_series_int (ZxChart      *chart,
                               const char   *name,
                               const gint64 *values,
                               guint         n_values);
/* The gauge's target (e.g. 90 with unit "%"), and optionally the end of its scale; by default the
 * scale ends at the target, so the needle's angle is proportional to value / target. */
void zx_chart_set_target (ZxChart *chart,
                          double   target);
void zx_chart_set_gauge_max (ZxChart *chart,
                             double   max);

guint zx_chart_get_n_categories (const ZxChart *chart);
guint zx_chart_get_n_series (const ZxChart *chart);
double zx_chart_get_value (const ZxChart *chart,
                           guint          series,
                           guint          category);

/* Okabe–Ito colours, ordered so neighbours also differ in lightness (grey print). */
void zx_chart_palette (guint   index,
                       double *r,
                       double *g,
                       double *b);

/* "Nice" axis: zero baseline, step 1, 2 or 5 × 10^n, at most about MAX_TICKS steps, TOP ≥ MAX.
 * INTEGRAL forces a step of at least 1. */
void zx_chart_nice_axis (double    max,
                         guint     max_ticks,
                         gboolean  integral,
                         double   *step,
                         double   *top);

typedef enum
{
  ZX_CHART_LABEL_TITLE,
  ZX_CHART_LABEL_UNIT,
  ZX_CHART_LABEL_LEGEND,
  ZX_CHART_LABEL_TICK,
  ZX_CHART_LABEL_CATEGORY,
  ZX_CHART_LABEL_VALUE,
  ZX_CHART_LABEL_EMPTY,
} ZxChartLabelRole;

typedef struct
{
  ZxChartLabelRole  role;
  char             *text;
  cairo_rectangle_t box;      /* bounding box on the canvas, after rotation */
  double            angle;    /* 0 or -G_PI / 2 */
  double            size;     /* font size in user units */
  gboolean          bold;
  int               wrap_width; /* Pango units, -1 for none */
  int               lines;      /* max lines when wrapping, 1 ellipsizes a single line */
  guint             series;
  guint             category;
} ZxChartLabel;

typedef struct
{
  guint             series;
  guint             category;
  double            value;
  cairo_rectangle_t rect;
} ZxChartBar;

typedef struct
{
  guint  series;
  guint  category;
  double value;
  double x;
  double y;
} ZxChartPoint;

typedef struct
{
  double value;
  double y;
} ZxChartTick;

typedef struct
{
  guint             series;
  cairo_rectangle_t rect;
} ZxChartSwatch;

/* Read-only geometry, in user units of the canvas (0, 0, width, height). */
typedef struct
{
  ZxChartKind       kind;
  double            width;
  double            height;
  gboolean          empty;
  guint             n_series;
  guint             n_categories;
  cairo_rectangle_t plot;
  double            axis_top;
  double            axis_step;
  int               decimals;
  gboolean          categories_rotated;
  guint             category_stride;  /* 1 = every label shown, k = every k-th */
  GArray           *ticks;    /* ZxChartTick */
  GArray           *bars;     /* ZxChartBar (bar kinds) */
  GArray           *points;   /* ZxChartPoint (line) */
  GArray           *totals;   /* double per category (stacked) */
  GArray           *labels;   /* ZxChartLabel */
  GArray           *swatches; /* ZxChartSwatch */
  /* gauge */
  double            gauge_cx;
  double            gauge_cy;
  double            gauge_radius;
  double            gauge_thickness;
  double            gauge_value;
  double            gauge_target;
  double            gauge_max;
  double            gauge_angle;        /* 0 … G_PI swept from the left end */
  double            gauge_target_angle;
} ZxChartLayout;

/* CONTEXT measures the text; NULL uses a PangoCairo context with unhinted metrics. */
ZxChartLayout *zx_chart_layout_new (const ZxChart *chart,
                                    ZxChartKind    kind,
                                    double         width,
                                    double         height,
                                    PangoContext  *context);
void zx_chart_layout_free (ZxChartLayout *layout);
void zx_chart_layout_paint (const ZxChartLayout *layout,
                            cairo_t             *cr);
/* The bar, point or gauge under (X, Y); FALSE if none. */
gboolean zx_chart_layout_hit (const ZxChartLayout *layout,
                              double               x,
                              double               y,
                              guint               *series,
                              guint               *category);

/* Convenience: layout + paint in one go. */
void zx_chart_paint (const ZxChart *chart,
                     ZxChartKind    kind,
                     cairo_t       *cr,
                     double         width,
                     double         height);
void zx_chart_paint_bar (const ZxChart *chart, cairo_t *cr, double width, double height);
void zx_chart_paint_stacked_bar (const ZxChart *chart, cairo_t *cr, double width, double height);
void zx_chart_paint_grouped_bar (const ZxChart *chart, cairo_t *cr, double width, double height);
void zx_chart_paint_line (const ZxChart *chart, cairo_t *cr, double width, double height);
void zx_chart_paint_gauge (const ZxChart *chart, cairo_t *cr, double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxChart, zx_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxChartLayout, zx_chart_layout_free)

G_END_DECLS
