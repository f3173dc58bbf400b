/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "zx-chart.h"

/* Geometry first (zx_chart_layout_new), drawing second (zx_chart_layout_paint): every label is
 * measured with Pango and placed only where it stays inside the canvas and clear of every label
 * and bar already placed, so nothing overlaps; the paint step only replays the boxes. */

#define MARGIN 8.0
#define GAP 4.0
#define TITLE_SIZE 15.0
#define TEXT_SIZE 11.0
#define VALUE_SIZE 10.0
#define GAUGE_VALUE_SIZE 26.0
#define SWATCH 10.0

typedef struct
{
  char   *name;
  GArray *values; /* double */
  gboolean integral;
} Series;

struct _ZxChart
{
  char      *title;
  char      *unit;
  GPtrArray *categories; /* char* */
  GPtrArray *series;     /* Series* */
  double     target;
  double     gauge_max;
  gboolean   has_target;
};

/* Okabe–Ito, reordered so adjacent colours differ in grey (0.299R + 0.587G + 0.114B):
 * blue 87, orange 162, vermillion 119, yellow 213, black 0, green 106, purple 151, sky 159. */
static const guint32 palette[ZX_CHART_PALETTE_SIZE] = {
  0x0072B2, 0xE69F00, 0xD55E00, 0xF0E442, 0x000000, 0x009E73, 0xCC79A7, 0x56B4E9,
};

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_array_unref (s->values);
  g_free (s);
}

ZxChart *
zx_chart_new (const char *title,
              const char *unit)
{
  ZxChart *chart = g_new0 (ZxChart, 1);

  chart->title = g_strdup (title);
  chart->unit = g_strdup (unit);
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  return chart;
}

void
zx_chart_free (ZxChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->unit);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_free (chart);
}

void
zx_chart_add_category (ZxChart    *chart,
                       const char *label)
{
  g_ptr_array_add (chart->categories, g_strdup (label ? label : ""));
}

static guint
add_series (ZxChart    *chart,
            const char *name,
            GArray     *values,
            gboolean    integral)
{
  Series *s = g_new0 (Series, 1);

  s->name = g_strdup (name ? name : "");
  s->values = values;
  s->integral = integral;
  g_ptr_array_add (chart->series, s);
  return chart->series->len - 1;
}

guint
zx_chart_add_series (ZxChart      *chart,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);

  g_array_append_vals (a, values, n_values);
  return add_series (chart, name, a, FALSE);
}

guint
zx_chart_add_series_int (ZxChart      *chart,
                         const char   *name,
                         const gint64 *values,
                         guint         n_values)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);

  for (guint i = 0; i < n_values; i++)
    {
      double v = (double) values[i];
      g_array_append_val (a, v);
    }
  return add_series (chart, name, a, TRUE);
}

void
zx_chart_set_target (ZxChart *chart,
                     double   target)
{
  chart->target = target;
  chart->has_target = TRUE;
}

void
zx_chart_set_gauge_max (ZxChart *chart,
                        double   max)
{
  chart->gauge_max = max;
}

guint
zx_chart_get_n_categories (const ZxChart *chart)
{
  return chart->categories->len;
}

guint
zx_chart_get_n_series (const ZxChart *chart)
{
  return chart->series->len;
}

double
zx_chart_get_value (const ZxChart *chart,
                    guint          series,
                    guint          category)
{
  Series *s;

  if (series >= chart->series->len)
    return 0;
  s = g_ptr_array_index (chart->series, series);
  if (category >= s->values->len)
    return 0;
  return g_array_index (s->values, double, category);
}

void
zx_chart_palette (guint   index,
                  double *r,
                  double *g,
                  double *b)
{
  guint32 c = palette[index % ZX_CHART_PALETTE_SIZE];

  *r = ((c >> 16) & 0xff) / 255.0;
  *g = ((c >> 8) & 0xff) / 255.0;
  *b = (c & 0xff) / 255.0;
}

void
zx_chart_nice_axis (double    max,
                    guint     max_ticks,
                    gboolean  integral,
                    double   *step,
                    double   *top)
{
  double rough, mag, norm, s;

  if (!(max > 0) || !isfinite (max))
    max = integral ? 1 : 1;
  max_ticks = MAX (max_ticks, 1);
  rough = max / max_ticks;
  mag = pow (10, floor (log10 (rough)));
  norm = rough / mag;
  s = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  if (integral && s < 1)
    s = 1;
  *step = s;
  *top = ceil (max / s - 1e-9) * s;
}

/* ---- text ---- */

static void
setup_text (PangoLayout        *pl,
            const ZxChartLabel *l)
{
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (ZX_CHART_FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, l->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, l->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pl, desc);
  pango_layout_set_text (pl, l->text, -1);
  if (l->wrap_width > 0)
    {
      pango_layout_set_width (pl, l->wrap_width);
      pango_layout_set_wrap (pl, PANGO_WRAP_CHAR);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (pl, -MAX (l->lines, 1));
      pango_layout_set_alignment (pl, PANGO_ALIGN_CENTER);
    }
}

static void
setup_context (PangoContext *ctx)
{
  cairo_font_options_t *fo = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ctx, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_language (ctx, pango_language_from_string ("zh-cn"));
}

typedef struct
{
  ZxChartLayout *layout;
  const ZxChart *chart;
  PangoContext  *ctx;
} Builder;

/* A label with its logical size measured; the box's origin is left for the caller. */
static ZxChartLabel
measure (Builder          *b,
         ZxChartLabelRole  role,
         const char       *text,
         double            size,
         gboolean          bold,
         double            wrap_width,
         int               lines)
{
  ZxChartLabel l = { role, (char *) text, { 0, 0, 0, 0 }, 0, size, bold, -1, lines, 0, 0 };
  g_autoptr (PangoLayout) pl = pango_layout_new (b->ctx);
  PangoRectangle ink, logical;

  if (wrap_width > 0)
    l.wrap_width = (int) (wrap_width * PANGO_SCALE);
  setup_text (pl, &l);
  pango_layout_get_extents (pl, &ink, &logical);
  l.box.width = (double) logical.width / PANGO_SCALE;
  if (wrap_width > 0)
    l.box.width = MIN (l.box.width, wrap_width);
  l.box.height = (double) logical.height / PANGO_SCALE;
  return l;
}

static gboolean
rects_intersect (const cairo_rectangle_t *a,
                 const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
fits (Builder                 *b,
      const cairo_rectangle_t *box,
      int                      own_bar)
{
  ZxChartLayout *lo = b->layout;

  if (box->x < 0 || box->y < 0 || box->x + box->width > lo->width + 1e-6
      || box->y + box->height > lo->height + 1e-6)
    return FALSE;
  for (guint i = 0; i < lo->labels->len; i++)
    if (rects_intersect (box, &g_array_index (lo->labels, ZxChartLabel, i).box))
      return FALSE;
  for (guint i = 0; i < lo->bars->len; i++)
    if ((int) i != own_bar && rects_intersect (box, &g_array_index (lo->bars, ZxChartBar, i).rect))
      return FALSE;
  return TRUE;
}

/* Keeps L (copying its text) if it fits; returns whether it did. */
static gboolean
place (Builder      *b,
       ZxChartLabel *l,
       int           own_bar)
{
  if (!fits (b, &l->box, own_bar))
    return FALSE;
  l->text = g_strdup (l->text);
  g_array_append_val (b->layout->labels, *l);
  return TRUE;
}

static char *
format_value (double value,
              int    decimals)
{
  return g_strdup_printf ("%.*f", decimals, value);
}

/* ---- layout steps ---- */

static double
layout_title (Builder *b)
{
  ZxChartLayout *lo = b->layout;
  ZxChartLabel l;

  if (b->chart->title == NULL || *b->chart->title == '\0')
    return MARGIN;
  l = measure (b, ZX_CHART_LABEL_TITLE, b->chart->title, TITLE_SIZE, TRUE,
               lo->width - 2 * MARGIN, 1);
  l.box.x = (lo->width - l.box.width) / 2;
  l.box.y = MARGIN;
  place (b, &l, -1);
  return l.box.y + l.box.height + GAP;
}

/* Legend rows flowed from the bottom edge; returns the y where the legend starts. */
static double
layout_legend (Builder *b)
{
  ZxChartLayout *lo = b->layout;
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (ZxChartLabel));
  double x, y, row_h = 0, bottom = lo->height - MARGIN;
  guint rows = 1;

  if (lo->n_series < 2)
    return bottom;
  x = MARGIN;
  for (guint s = 0; s < lo->n_series; s++)
    {
      Series *se = g_ptr_array_index (b->chart->series, s);
      ZxChartLabel l = measure (b, ZX_CHART_LABEL_LEGEND, se->name, TEXT_SIZE, FALSE,
                                lo->width - 2 * MARGIN - SWATCH - GAP, 1);
      double w = SWATCH + GAP + l.box.width;

      if (x + w > lo->width - MARGIN && x > MARGIN)
        {
          x = MARGIN;
          rows++;
        }
      l.series = s;
      l.box.x = x + SWATCH + GAP;
      l.box.y = rows; /* row number for now */
      row_h = MAX (row_h, l.box.height);
      g_array_append_val (items, l);
      x += w + 3 * GAP;
    }
  y = bottom - rows * row_h;
  for (guint i = 0; i < items->len; i++)
    {
      ZxChartLabel *l = &g_array_index (items, ZxChartLabel, i);
      ZxChartSwatch sw;

      l->box.y = y + (l->box.y - 1) * row_h;
      sw.series = l->series;
      sw.rect = (cairo_rectangle_t) { l->box.x - SWATCH - GAP, l->box.y + (row_h - SWATCH) / 2,
                                      SWATCH, SWATCH };
      if (place (b, l, -1))
        g_array_append_val (lo->swatches, sw);
    }
  return y - GAP;
}

static gboolean
all_integral (const ZxChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    {
      Series *se = g_ptr_array_index (chart->series, s);

      if (se->integral)
        continue;
      for (guint i = 0; i < se->values->len; i++)
        {
          double v = g_array_index (se->values, double, i);
          if (v != floor (v))
            return FALSE;
        }
    }
  return TRUE;
}

static double
data_max (Builder *b)
{
  ZxChartLayout *lo = b->layout;
  guint n_series = lo->kind == ZX_CHART_BAR ? 1 : lo->n_series;
  double max = 0;

  for (guint c = 0; c < lo->n_categories; c++)
    {
      double total = 0;

      for (guint s = 0; s < n_series; s++)
        {
          double v = zx_chart_get_value (b->chart, s, c);

          if (lo->kind == ZX_CHART_STACKED_BAR)
            total += MAX (v, 0);
          else
            max = MAX (max, v);
        }
      if (lo->kind == ZX_CHART_STACKED_BAR)
        {
          g_array_append_val (lo->totals, total);
          max = MAX (max, total);
        }
    }
  return max;
}

static double
value_to_y (const ZxChartLayout *lo,
            double               v)
{
  double f = lo->axis_top > 0 ? CLAMP (v, 0, lo->axis_top) / lo->axis_top : 0;

  return lo->plot.y + lo->plot.height * (1 - f);
}

/* Category labels: one line if every label fits its slot, else up to two wrapped lines, else
 * rotated a quarter turn; when even rotated labels are thicker than a slot, every k-th. */
static double
category_band (Builder *b,
               double   slot,
               double   max_band)
{
  ZxChartLayout *lo = b->layout;
  double widest = 0, line_h = 0;

  for (guint c = 0; c < lo->n_categories; c++)
    {
      ZxChartLabel l = measure (b, ZX_CHART_LABEL_CATEGORY,
                                g_ptr_array_index (b->chart->categories, c), TEXT_SIZE, FALSE,
                                -1, 1);
      widest = MAX (widest, l.box.width);
      line_h = MAX (line_h, l.box.height);
    }
  lo->categories_rotated = FALSE;
  lo->category_stride = 1;
  if (widest <= slot - GAP)
    return line_h;
  if (slot - GAP >= 3 * TEXT_SIZE)
    return 2 * line_h;
  lo->categories_rotated = TRUE;
  lo->category_stride = (guint) ceil ((line_h + GAP) / slot);
  return MIN (widest, max_band);
}

static void
layout_categories (Builder *b,
                   double   slot,
                   double   band)
{
  ZxChartLayout *lo = b->layout;

  for (guint c = 0; c < lo->n_categories; c += lo->category_stride)
    {
      const char *text = g_ptr_array_index (b->chart->categories, c);
      double cx = lo->plot.x + slot * (c + 0.5);
      ZxChartLabel l;

      if (!lo->categories_rotated)
        {
          l = measure (b, ZX_CHART_LABEL_CATEGORY, text, TEXT_SIZE, FALSE, slot - GAP, 2);
        }
      else
        {
          l = measure (b, ZX_CHART_LABEL_CATEGORY, text, TEXT_SIZE, FALSE, band, 1);
          l.angle = -G_PI / 2;
          l.box = (cairo_rectangle_t) { 0, 0, l.box.height, l.box.width };
        }
      l.category = c;
      l.box.x = cx - l.box.width / 2;
      l.box.y = lo->plot.y + lo->plot.height + GAP;
      place (b, &l, -1);
    }
}

static double
tick_label_width (Builder *b)
{
  ZxChartLayout *lo = b->layout;
  double w = 0;

  for (double v = 0; v <= lo->axis_top + lo->axis_step / 2; v += lo->axis_step)
    {
      g_autofree char *t = format_value (v, lo->decimals);
      w = MAX (w, measure (b, ZX_CHART_LABEL_TICK, t, TEXT_SIZE, FALSE, -1, 1).box.width);
    }
  return w;
}

static void
choose_axis (Builder *b,
             double   max,
             double   plot_h)
{
  ZxChartLayout *lo = b->layout;
  gboolean integral = all_integral (b->chart);
  guint max_ticks = (guint) CLAMP (plot_h / (TEXT_SIZE * 2.5), 1, 6);

  zx_chart_nice_axis (max, max_ticks, integral, &lo->axis_step, &lo->axis_top);
  lo->decimals = MAX (0, (int) -floor (log10 (lo->axis_step) + 1e-9));
  if (!integral)
    lo->decimals = MAX (lo->decimals, max < 10 ? 2 : 1);
}

static void
layout_ticks (Builder *b)
{
  ZxChartLayout *lo = b->layout;
  guint n = (guint) llround (lo->axis_top / lo->axis_step);

  for (guint i = 0; i <= n; i++)
    {
      ZxChartTick t = { i * lo->axis_step, 0 };
      g_autofree char *text = format_value (t.value, lo->decimals);
      ZxChartLabel l = measure (b, ZX_CHART_LABEL_TICK, text, TEXT_SIZE, FALSE, -1, 1);

      t.y = value_to_y (lo, t.value);
      g_array_append_val (lo->ticks, t);
      l.box.x = lo->plot.x - GAP - l.box.width;
      l.box.y = t.y - l.box.height / 2;
      place (b, &l, -1);
    }
}

static void
add_bar (ZxChartLayout *lo,
         guint          s,
         guint          c,
         double         value,
         double         x,
         double         w,
         double         base)
{
  double y0 = value_to_y (lo, base), y1 = value_to_y (lo, base + MAX (value, 0));
  ZxChartBar bar = { s, c, value, { x, y1, w, y0 - y1 } };

  g_array_append_val (lo->bars, bar);
}

static void
layout_marks (Builder *b,
              double   slot)
{
  ZxChartLayout *lo = b->layout;

  for (guint c = 0; c < lo->n_categories; c++)
    {
      double x0 = lo->plot.x + slot * c, base = 0;

      for (guint s = 0; s < lo->n_series; s++)
        {
          double v = zx_chart_get_value (b->chart, s, c);

          if (lo->kind == ZX_CHART_BAR)
            {
              add_bar (lo, 0, c, v, x0 + slot * 0.15, slot * 0.7, 0);
              break;
            }
          else if (lo->kind == ZX_CHART_STACKED_BAR)
            {
              add_bar (lo, s, c, v, x0 + slot * 0.15, slot * 0.7, base);
              base += MAX (v, 0);
            }
          else if (lo->kind == ZX_CHART_GROUPED_BAR)
            {
              double w = slot * 0.8 / lo->n_series;
              add_bar (lo, s, c, v, x0 + slot * 0.1 + w * s, w, 0);
            }
          else
            {
              ZxChartPoint p = { s, c, v, x0 + slot / 2, value_to_y (lo, v) };
              g_array_append_val (lo->points, p);
            }
        }
    }
}

static void
try_value_label (Builder *b,
                 double   value,
                 double   cx,
                 double   y,
                 gboolean inside,
                 int      own_bar)
{
  g_autofree char *text = format_value (value, b->layout->decimals);
  ZxChartLabel l = measure (b, ZX_CHART_LABEL_VALUE, text, VALUE_SIZE, FALSE, -1, 1);

  l.box.x = cx - l.box.width / 2;
  l.box.y = inside ? y : y - l.box.height - 2;
  if (own_bar >= 0)
    {
      l.series = g_array_index (b->layout->bars, ZxChartBar, own_bar).series;
      l.category = g_array_index (b->layout->bars, ZxChartBar, own_bar).category;
    }
  place (b, &l, own_bar);
}

static void
layout_value_labels (Builder *b)
{
  ZxChartLayout *lo = b->layout;

  for (guint i = 0; i < lo->bars->len; i++)
    {
      ZxChartBar *bar = &g_array_index (lo->bars, ZxChartBar, i);
      double cx = bar->rect.x + bar->rect.width / 2;

      if (lo->kind != ZX_CHART_STACKED_BAR)
        try_value_label (b, bar->value, cx, bar->rect.y, FALSE, i);
      else if (bar->rect.height >= VALUE_SIZE * 1.6
               && bar->value != g_array_index (lo->totals, double, bar->category))
        {
          /* inside the segment: the label box must lie within the segment itself */
          g_autofree char *text = format_value (bar->value, lo->decimals);
          ZxChartLabel l = measure (b, ZX_CHART_LABEL_VALUE, text, VALUE_SIZE, FALSE, -1, 1);

          l.box.x = cx - l.box.width / 2;
          l.box.y = bar->rect.y + (bar->rect.height - l.box.height) / 2;
          l.series = bar->series;
          l.category = bar->category;
          if (l.box.width <= bar->rect.width && l.box.height <= bar->rect.height)
            place (b, &l, i);
        }
    }
  if (lo->kind == ZX_CHART_STACKED_BAR)
    for (guint c = 0; c < lo->totals->len; c++)
      {
        double t = g_array_index (lo->totals, double, c);
        double slot = lo->plot.width / lo->n_categories;

        try_value_label (b, t, lo->plot.x + slot * (c + 0.5), value_to_y (lo, t), FALSE, -1);
      }
  for (guint i = 0; i < lo->points->len; i++)
    {
      ZxChartPoint *p = &g_array_index (lo->points, ZxChartPoint, i);
      try_value_label (b, p->value, p->x, p->y - 4, FALSE, -1);
    }
}

static void
layout_unit (Builder *b,
             double  *top)
{
  ZxChartLabel l;

  if (b->chart->unit == NULL || *b->chart->unit == '\0')
    return;
  l = measure (b, ZX_CHART_LABEL_UNIT, b->chart->unit, TEXT_SIZE, FALSE,
               b->layout->width / 2, 1);
  l.box.x = MARGIN;
  l.box.y = *top;
  if (place (b, &l, -1))
    *top += l.box.height + GAP;
}

static void
layout_axes_chart (Builder *b,
                   double   top,
                   double   bottom)
{
  ZxChartLayout *lo = b->layout;
  double max, slot, band, line_h, left;

  layout_unit (b, &top);
  line_h = measure (b, ZX_CHART_LABEL_TICK, "0", TEXT_SIZE, FALSE, -1, 1).box.height;
  top += line_h / 2 + VALUE_SIZE * 1.4; /* room for the top tick and value labels */
  max = data_max (b);
  choose_axis (b, max, bottom - top - 2 * line_h);
  left = MARGIN + tick_label_width (b) + GAP;
  slot = (lo->width - MARGIN - left) / lo->n_categories;
  band = category_band (b, slot, (bottom - top) * 0.35);
  lo->plot = (cairo_rectangle_t) { left, top, lo->width - MARGIN - left,
                                   MAX (bottom - GAP - band - GAP - top, 1) };
  choose_axis (b, max, lo->plot.height);
  layout_ticks (b);
  layout_categories (b, slot, band);
  layout_marks (b, slot);
  layout_value_labels (b);
}

static void
layout_empty (Builder *b,
              double   top,
              double   bottom)
{
  ZxChartLayout *lo = b->layout;
  ZxChartLabel l = measure (b, ZX_CHART_LABEL_EMPTY, _("No data for this period"), TEXT_SIZE * 1.2,
                            FALSE, lo->width - 2 * MARGIN, 2);

  lo->empty = TRUE;
  lo->plot = (cairo_rectangle_t) { MARGIN, top, lo->width - 2 * MARGIN, MAX (bottom - top, 0) };
  l.box.x = (lo->width - l.box.width) / 2;
  l.box.y = top + (bottom - top - l.box.height) / 2;
  place (b, &l, -1);
}

static char *
format_with_unit (const ZxChart *chart,
                  double         v,
                  int            decimals)
{
  g_autofree char *n = format_value (v, decimals);

  return g_strconcat (n, chart->unit ? chart->unit : "", NULL);
}

static void
layout_gauge (Builder *b,
              double   top,
              double   bottom)
{
  ZxChartLayout *lo = b->layout;
  const ZxChart *chart = b->chart;
  double w = lo->width - 2 * MARGIN, h = bottom - top;
  g_autofree char *vtext = NULL, *ttext = NULL, *target_text = NULL;
  ZxChartLabel l;

  lo->gauge_value = zx_chart_get_value (chart, 0, 0);
  lo->gauge_target = chart->has_target ? chart->target : 0;
  lo->gauge_max = chart->gauge_max > 0 ? chart->gauge_max
                  : lo->gauge_target > 0 ? lo->gauge_target : MAX (lo->gauge_value, 1);
  lo->gauge_angle = G_PI * CLAMP (lo->gauge_value / lo->gauge_max, 0, 1);
  lo->gauge_target_angle = G_PI * CLAMP (lo->gauge_target / lo->gauge_max, 0, 1);
  lo->decimals = all_integral (chart) && lo->gauge_value == floor (lo->gauge_value) ? 0 : 1;
  lo->gauge_radius = MAX (MIN (w / 2, h - 2.5 * TEXT_SIZE) - GAP, 4);
  lo->gauge_thickness = lo->gauge_radius * 0.28;
  lo->gauge_cx = lo->width / 2;
  lo->gauge_cy = top + lo->gauge_radius + GAP;
  lo->plot = (cairo_rectangle_t) { lo->gauge_cx - lo->gauge_radius, top, 2 * lo->gauge_radius,
                                   lo->gauge_radius + GAP };

  vtext = format_with_unit (chart, lo->gauge_value, lo->decimals);
  l = measure (b, ZX_CHART_LABEL_VALUE, vtext, MIN (GAUGE_VALUE_SIZE, lo->gauge_radius * 0.45),
               TRUE, -1, 1);
  l.box.x = lo->gauge_cx - l.box.width / 2;
  l.box.y = lo->gauge_cy - l.box.height;
  place (b, &l, -1);
  if (chart->has_target)
    {
      ttext = format_with_unit (chart, lo->gauge_target, lo->gauge_target == floor (lo->gauge_target) ? 0 : 1);
      /* Translators: the gauge's caption under the value, e.g. "Target 90%" */
      target_text = g_strdup_printf (_("Target %s"), ttext);
      l = measure (b, ZX_CHART_LABEL_LEGEND, target_text, TEXT_SIZE, FALSE, w, 1);
      l.box.x = lo->gauge_cx - l.box.width / 2;
      l.box.y = lo->gauge_cy + GAP;
      place (b, &l, -1);
    }
}

static void
builder_init (Builder       *b,
              const ZxChart *chart,
              ZxChartKind    kind,
              double         width,
              double         height,
              PangoContext  *context)
{
  ZxChartLayout *lo = g_new0 (ZxChartLayout, 1);

  lo->kind = kind;
  lo->width = width;
  lo->height = height;
  lo->n_series = chart->series->len;
  lo->n_categories = chart->categories->len;
  lo->category_stride = 1;
  lo->ticks = g_array_new (FALSE, FALSE, sizeof (ZxChartTick));
  lo->bars = g_array_new (FALSE, FALSE, sizeof (ZxChartBar));
  lo->points = g_array_new (FALSE, FALSE, sizeof (ZxChartPoint));
  lo->totals = g_array_new (FALSE, FALSE, sizeof (double));
  lo->labels = g_array_new (FALSE, FALSE, sizeof (ZxChartLabel));
  lo->swatches = g_array_new (FALSE, FALSE, sizeof (ZxChartSwatch));
  b->layout = lo;
  b->chart = chart;
  if (context != NULL)
    b->ctx = g_object_ref (context);
  else
    {
      b->ctx = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      setup_context (b->ctx);
    }
}

static gboolean
chart_is_empty (const ZxChart *chart,
                ZxChartKind    kind)
{
  if (chart->series->len == 0)
    return TRUE;
  if (kind == ZX_CHART_GAUGE)
    return ((Series *) g_ptr_array_index (chart->series, 0))->values->len == 0;
  return chart->categories->len == 0;
}

ZxChartLayout *
zx_chart_layout_new (const ZxChart *chart,
                     ZxChartKind    kind,
                     double         width,
                     double         height,
                     PangoContext  *context)
{
  Builder b;
  double top, bottom;

  g_return_val_if_fail (chart != NULL, NULL);
  builder_init (&b, chart, kind, width, height, context);
  top = layout_title (&b);
  if (chart_is_empty (chart, kind))
    layout_empty (&b, top, height - MARGIN);
  else if (kind == ZX_CHART_GAUGE)
    layout_gauge (&b, top, height - MARGIN);
  else
    {
      bottom = (kind == ZX_CHART_BAR) ? height - MARGIN : layout_legend (&b);
      layout_axes_chart (&b, top, bottom);
    }
  g_object_unref (b.ctx);
  return b.layout;
}

void
zx_chart_layout_free (ZxChartLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->labels->len; i++)
    g_free (g_array_index (layout->labels, ZxChartLabel, i).text);
  g_array_unref (layout->ticks);
  g_array_unref (layout->bars);
  g_array_unref (layout->points);
  g_array_unref (layout->totals);
  g_array_unref (layout->labels);
  g_array_unref (layout->swatches);
  g_free (layout);
}

/* ---- painting ---- */

static void
set_series_colour (cairo_t *cr,
                   guint    series)
{
  double r, g, b;

  zx_chart_palette (series, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
}

static void
paint_label (cairo_t            *cr,
             const ZxChartLabel *l)
{
  g_autoptr (PangoLayout) pl = pango_cairo_create_layout (cr);
  PangoRectangle logical;

  setup_context (pango_layout_get_context (pl));
  pango_layout_context_changed (pl);
  setup_text (pl, l);
  pango_layout_get_pixel_extents (pl, NULL, &logical);
  cairo_save (cr);
  if (l->angle != 0)
    {
      cairo_translate (cr, l->box.x, l->box.y + l->box.height);
      cairo_rotate (cr, l->angle);
    }
  else
    cairo_translate (cr, l->box.x, l->box.y);
  if (l->wrap_width > 0)
    cairo_translate (cr, -logical.x, 0);
  pango_cairo_show_layout (cr, pl);
  cairo_restore (cr);
}

static void
paint_grid (const ZxChartLayout *lo,
            cairo_t             *cr)
{
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < lo->ticks->len; i++)
    {
      double y = round (g_array_index (lo->ticks, ZxChartTick, i).y) + 0.5;

      cairo_set_source_rgb (cr, i == 0 ? 0.2 : 0.85, i == 0 ? 0.2 : 0.85, i == 0 ? 0.2 : 0.85);
      cairo_move_to (cr, lo->plot.x, y);
      cairo_line_to (cr, lo->plot.x + lo->plot.width, y);
      cairo_stroke (cr);
    }
}

static void
paint_bars (const ZxChartLayout *lo,
            cairo_t             *cr)
{
  for (guint i = 0; i < lo->bars->len; i++)
    {
      const ZxChartBar *bar = &g_array_index (lo->bars, ZxChartBar, i);

      if (bar->rect.height <= 0)
        continue;
      cairo_rectangle (cr, bar->rect.x, bar->rect.y, bar->rect.width, bar->rect.height);
      set_series_colour (cr, bar->series);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1); /* white seams keep stacked segments apart in grey */
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
}

/* A different marker per series, so lines stay apart without colour. */
static void
marker (cairo_t *cr,
        guint    series,
        double   x,
        double   y)
{
  double r = 3.5;

  switch (series % 4)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y + r);
      cairo_line_to (cr, x - r - 1, y + r);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y);
      cairo_line_to (cr, x, y + r + 1);
      cairo_line_to (cr, x - r - 1, y);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
}

static void
paint_lines (const ZxChartLayout *lo,
             cairo_t             *cr)
{
  static const double dashes[] = { 6, 3 };

  for (guint s = 0; s < lo->n_series; s++)
    {
      set_series_colour (cr, s);
      cairo_set_line_width (cr, 2.5);
      cairo_set_dash (cr, dashes, s % 2 ? 2 : 0, 0);
      for (guint i = 0; i < lo->points->len; i++)
        {
          const ZxChartPoint *p = &g_array_index (lo->points, ZxChartPoint, i);
          if (p->series == s)
            cairo_line_to (cr, p->x, p->y);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint i = 0; i < lo->points->len; i++)
        {
          const ZxChartPoint *p = &g_array_index (lo->points, ZxChartPoint, i);
          if (p->series == s)
            marker (cr, s, p->x, p->y);
        }
    }
}

static void
paint_gauge (const ZxChartLayout *lo,
             cairo_t             *cr)
{
  double r = lo->gauge_radius - lo->gauge_thickness / 2, a;

  cairo_set_line_width (cr, lo->gauge_thickness);
  cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
  cairo_arc (cr, lo->gauge_cx, lo->gauge_cy, r, G_PI, 2 * G_PI);
  cairo_stroke (cr);
  if (lo->gauge_angle > 0)
    {
      set_series_colour (cr, 0);
      cairo_arc (cr, lo->gauge_cx, lo->gauge_cy, r, G_PI, G_PI + lo->gauge_angle);
      cairo_stroke (cr);
    }
  if (lo->gauge_target > 0)
    {
      a = G_PI + lo->gauge_target_angle;
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 3);
      cairo_move_to (cr, lo->gauge_cx + cos (a) * (lo->gauge_radius - lo->gauge_thickness - 3),
                     lo->gauge_cy + sin (a) * (lo->gauge_radius - lo->gauge_thickness - 3));
      cairo_line_to (cr, lo->gauge_cx + cos (a) * (lo->gauge_radius + 3),
                     lo->gauge_cy + sin (a) * (lo->gauge_radius + 3));
      cairo_stroke (cr);
    }
}

void
zx_chart_layout_paint (const ZxChartLayout *lo,
                       cairo_t             *cr)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, lo->width, lo->height);
  cairo_fill (cr);
  if (!lo->empty)
    {
      if (lo->kind == ZX_CHART_GAUGE)
        paint_gauge (lo, cr);
      else
        paint_grid (lo, cr);
      paint_bars (lo, cr);
      paint_lines (lo, cr);
    }
  for (guint i = 0; i < lo->swatches->len; i++)
    {
      const ZxChartSwatch *sw = &g_array_index (lo->swatches, ZxChartSwatch, i);

      set_series_colour (cr, sw->series);
      if (lo->kind == ZX_CHART_LINE)
        marker (cr, sw->series, sw->rect.x + SWATCH / 2, sw->rect.y + SWATCH / 2);
      else
        {
          cairo_rectangle (cr, sw->rect.x, sw->rect.y, sw->rect.width, sw->rect.height);
          cairo_fill (cr);
        }
    }
  for (guint i = 0; i < lo->labels->len; i++)
    {
      const ZxChartLabel *l = &g_array_index (lo->labels, ZxChartLabel, i);
      double grey = l->role == ZX_CHART_LABEL_EMPTY ? 0.4 : 0.1;

      cairo_set_source_rgb (cr, grey, grey, grey);
      paint_label (cr, l);
    }
  cairo_restore (cr);
}

gboolean
zx_chart_layout_hit (const ZxChartLayout *lo,
                     double               x,
                     double               y,
                     guint               *series,
                     guint               *category)
{
  guint s = 0, c = 0;
  gboolean hit = FALSE;
  double best = 8.0 * 8.0;

  for (guint i = 0; i < lo->bars->len && !hit; i++)
    {
      const ZxChartBar *bar = &g_array_index (lo->bars, ZxChartBar, i);
      const cairo_rectangle_t *r = &bar->rect;

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        s = bar->series, c = bar->category, hit = TRUE;
    }
  for (guint i = 0; i < lo->points->len; i++)
    {
      const ZxChartPoint *p = &g_array_index (lo->points, ZxChartPoint, i);
      double d = (p->x - x) * (p->x - x) + (p->y - y) * (p->y - y);

      if (d <= best)
        best = d, s = p->series, c = p->category, hit = TRUE;
    }
  if (lo->kind == ZX_CHART_GAUGE && !lo->empty)
    {
      double d = hypot (x - lo->gauge_cx, y - lo->gauge_cy);

      hit = y <= lo->gauge_cy && d <= lo->gauge_radius
            && d >= lo->gauge_radius - lo->gauge_thickness;
    }
  if (series)
    *series = s;
  if (category)
    *category = c;
  return hit;
}

void
zx_chart_paint (const ZxChart *chart,
                ZxChartKind    kind,
                cairo_t       *cr,
                double         width,
                double         height)
{
  PangoContext *ctx = pango_cairo_create_context (cr);
  g_autoptr (ZxChartLayout) layout = NULL;

  setup_context (ctx);
  layout = zx_chart_layout_new (chart, kind, width, height, ctx);
  g_object_unref (ctx);
  zx_chart_layout_paint (layout, cr);
}

void
zx_chart_paint_bar (const ZxChart *chart, cairo_t *cr, double width, double height)
{
  zx_chart_paint (chart, ZX_CHART_BAR, cr, width, height);
}

void
zx_chart_paint_stacked_bar (const ZxChart *chart, cairo_t *cr, double width, double height)
{
  zx_chart_paint (chart, ZX_CHART_STACKED_BAR, cr, width, height);
}

void
zx_chart_paint_grouped_bar (const ZxChart *chart, cairo_t *cr, double width, double height)
{
  zx_chart_paint (chart, ZX_CHART_GROUPED_BAR, cr, width, height);
}

void
zx_chart_paint_line (const ZxChart *chart, cairo_t *cr, double width, double height)
{
  zx_chart_paint (chart, ZX_CHART_LINE, cr, width, height);
}

void
zx_chart_paint_gauge (const ZxChart *chart, cairo_t *cr, double width, double height)
{
  zx_chart_paint (chart, ZX_CHART_GAUGE, cr, width, height);
}
