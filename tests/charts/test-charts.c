/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-charts"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "charts/zx-chart.h"
#include "zx-test-util.h"

static ZxChart *
teams_chart (void)
{
  static const gint64 filed[] = { 120, 873, 45, 300 };
  static const gint64 closed[] = { 100, 500, 40, 0 };
  static const char *const cats[] = { "执行一团队", "执行二团队", "速执团队", "执行实施科" };
  ZxChart *chart = zx_chart_new ("各团队收结案", "单位：件");

  for (guint i = 0; i < G_N_ELEMENTS (cats); i++)
    zx_chart_add_category (chart, cats[i]);
  zx_chart_add_series_int (chart, "收案", filed, 4);
  zx_chart_add_series_int (chart, "结案", closed, 4);
  return chart;
}

static ZxChartLayout *
layout_of (const ZxChart *chart,
           ZxChartKind    kind,
           double         w,
           double         h)
{
  return zx_chart_layout_new (chart, kind, w, h, NULL);
}

static cairo_surface_t *
render (const ZxChartLayout *lo)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) lo->width,
                                                         (int) lo->height);
  cairo_t *cr = cairo_create (surface);

  zx_chart_layout_paint (lo, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  return *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static guint32
palette_rgb (guint i)
{
  double r, g, b;

  zx_chart_palette (i, &r, &g, &b);
  return ((guint32) lround (r * 255) << 16) | ((guint32) lround (g * 255) << 8)
         | (guint32) lround (b * 255);
}

static void
assert_labels_sane (const ZxChartLayout *lo)
{
  for (guint i = 0; i < lo->labels->len; i++)
    {
      const ZxChartLabel *a = &g_array_index (lo->labels, ZxChartLabel, i);

      g_assert_cmpfloat (a->box.x, >=, 0);
      g_assert_cmpfloat (a->box.y, >=, 0);
      g_assert_cmpfloat (a->box.x + a->box.width, <=, lo->width + 1e-6);
      g_assert_cmpfloat (a->box.y + a->box.height, <=, lo->height + 1e-6);
      g_assert_cmpfloat (a->box.width, >, 0);
      for (guint j = i + 1; j < lo->labels->len; j++)
        {
          const ZxChartLabel *b = &g_array_index (lo->labels, ZxChartLabel, j);
          gboolean apart = a->box.x + a->box.width <= b->box.x || b->box.x + b->box.width <= a->box.x
                           || a->box.y + a->box.height <= b->box.y
                           || b->box.y + b->box.height <= a->box.y;
          if (!apart)
            g_error ("labels overlap: '%s' and '%s'", a->text, b->text);
        }
    }
}

static guint
count_role (const ZxChartLayout *lo,
            ZxChartLabelRole     role)
{
  guint n = 0;

  for (guint i = 0; i < lo->labels->len; i++)
    n += g_array_index (lo->labels, ZxChartLabel, i).role == role;
  return n;
}

static void
test_bar_heights (void)
{
  g_autoptr (ZxChart) chart = teams_chart ();
  g_autoptr (ZxChartLayout) lo = layout_of (chart, ZX_CHART_BAR, 640, 400);
  cairo_surface_t *s;
  const ZxChartBar *b1, *b0;
  double base;

  g_assert_false (lo->empty);
  g_assert_cmpuint (lo->bars->len, ==, 4);
  b1 = &g_array_index (lo->bars, ZxChartBar, 1);
  base = lo->plot.y + lo->plot.height;
  for (guint i = 0; i < 4; i++)
    {
      const ZxChartBar *b = &g_array_index (lo->bars, ZxChartBar, i);
      g_assert_cmpfloat_with_epsilon (b->rect.height / b1->rect.height, b->value / 873.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (b->rect.y + b->rect.height, base, 1e-9);
      g_assert_cmpfloat_with_epsilon (b->rect.height, lo->plot.height * b->value / lo->axis_top,
                                      1e-9);
    }
  assert_labels_sane (lo);
  g_assert_cmpuint (count_role (lo, ZX_CHART_LABEL_VALUE), ==, 4);
  g_assert_cmpuint (count_role (lo, ZX_CHART_LABEL_CATEGORY), ==, 4);

  /* pixels: inside a bar it is the series colour, just above it is not */
  s = render (lo);
  b0 = &g_array_index (lo->bars, ZxChartBar, 0);
  g_assert_cmphex (pixel (s, b0->rect.x + b0->rect.width / 2, b0->rect.y + b0->rect.height / 2),
                   ==, palette_rgb (0));
  g_assert_cmphex (pixel (s, b0->rect.x + b0->rect.width / 2, b0->rect.y + 3), ==,
                   palette_rgb (0));
  g_assert_cmphex (pixel (s, b0->rect.x + b0->rect.width / 2, b0->rect.y - 30), !=,
                   palette_rgb (0));
  g_assert_cmphex (pixel (s, b1->rect.x + b1->rect.width / 2, b0->rect.y - 30), ==,
                   palette_rgb (0));
  cairo_surface_destroy (s);
}

static void
test_nice_ticks (void)
{
  static const struct { double max; gboolean integral; double step, top; } cases[] = {
    { 873, TRUE, 200, 1000 },
    { 0.7, FALSE, 0.2, 0.8 },
    { 0, TRUE, 1, 1 },
    { 0, FALSE, 0.2, 1 },
    { 1, TRUE, 1, 1 },
    { 7, TRUE, 2, 8 },
    { 1000, TRUE, 200, 1000 },
    { 12345678, FALSE, 5000000, 15000000 },
    { 0.0123, FALSE, 0.005, 0.015 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step, top;

      zx_chart_nice_axis (cases[i].max, 5, cases[i].integral, &step, &top);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, cases[i].step * 1e-9);
      g_assert_cmpfloat_with_epsilon (top, cases[i].top, cases[i].top * 1e-9);
    }
}

static void
test_layout_ticks (void)
{
  static const double frac[] = { 0.1, 0.7, 0.35 };
  g_autoptr (ZxChart) chart = teams_chart ();
  g_autoptr (ZxChart) fchart = zx_chart_new ("执结率", NULL);
  g_autoptr (ZxChart) zchart = zx_chart_new ("零", NULL);
  static const gint64 zeros[] = { 0, 0, 0 };
  g_autoptr (ZxChartLayout) lo = layout_of (chart, ZX_CHART_BAR, 640, 400);
  g_autoptr (ZxChartLayout) flo = NULL, zlo = NULL;

  g_assert_cmpfloat (lo->axis_top, ==, 1000);
  g_assert_cmpfloat (fmod (lo->axis_step, pow (10, floor (log10 (lo->axis_step)))), ==, 0);
  g_assert_cmpfloat (g_array_index (lo->ticks, ZxChartTick, 0).value, ==, 0);
  g_assert_cmpfloat_with_epsilon (g_array_index (lo->ticks, ZxChartTick, 0).y,
                                  lo->plot.y + lo->plot.height, 1e-9);

  for (guint i = 0; i < 3; i++)
    zx_chart_add_category (fchart, "甲");
  zx_chart_add_series (fchart, "比率", frac, 3);
  flo = layout_of (fchart, ZX_CHART_BAR, 400, 300);
  g_assert_cmpfloat_with_epsilon (flo->axis_top, 0.8, 1e-9);
  g_assert_cmpint (flo->decimals, >=, 1);
  assert_labels_sane (flo);

  for (guint i = 0; i < 3; i++)
    zx_chart_add_category (zchart, "乙");
  zx_chart_add_series_int (zchart, "件", zeros, 3);
  zlo = layout_of (zchart, ZX_CHART_BAR, 400, 300);
  g_assert_false (zlo->empty);
  g_assert_cmpfloat (zlo->axis_top, ==, 1);
  g_assert_cmpuint (zlo->ticks->len, ==, 2);
  for (guint i = 0; i < zlo->bars->len; i++)
    g_assert_cmpfloat (g_array_index (zlo->bars, ZxChartBar, i).rect.height, ==, 0);
  assert_labels_sane (zlo);
}

static void
test_crowded_labels (void)
{
  g_autoptr (ZxChart) chart = zx_chart_new ("各执行团队未结案件数量（含恢复执行案件）", "件");
  g_autoptr (GArray) v = g_array_new (FALSE, FALSE, sizeof (gint64));
  static const ZxChartKind kinds[] = { ZX_CHART_BAR, ZX_CHART_STACKED_BAR,
                                       ZX_CHART_GROUPED_BAR, ZX_CHART_LINE };

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u执行团队（财产查控与终本核查）", i + 1);
      gint64 x = (i * 37) % 101 + 1;

      zx_chart_add_category (chart, name);
      g_array_append_val (v, x);
    }
  zx_chart_add_series_int (chart, "首次执行案件", (gint64 *) v->data, v->len);
  zx_chart_add_series_int (chart, "恢复执行案件", (gint64 *) v->data, v->len);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (double w = 200; w <= 900; w += 350)
      {
        g_autoptr (ZxChartLayout) lo = layout_of (chart, kinds[k], w, 300);
        cairo_surface_t *s;

        assert_labels_sane (lo);
        g_assert_cmpuint (count_role (lo, ZX_CHART_LABEL_CATEGORY), >, 0);
        s = render (lo);
        if (g_getenv ("ZX_CHART_PNG_DIR") && w == 200 && k == 0)
          {
            g_autofree char *path = g_build_filename (g_getenv ("ZX_CHART_PNG_DIR"),
                                                      "zx-chart-crowded.png", NULL);
            cairo_surface_write_to_png (s, path);
          }
        cairo_surface_destroy (s);
      }
}

static void
test_empty (void)
{
  static const ZxChartKind kinds[] = { ZX_CHART_BAR, ZX_CHART_STACKED_BAR, ZX_CHART_GROUPED_BAR,
                                       ZX_CHART_LINE, ZX_CHART_GAUGE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (ZxChart) chart = zx_chart_new (NULL, NULL);
      g_autoptr (ZxChartLayout) lo = layout_of (chart, kinds[k], 300, 200);
      cairo_surface_t *s;
      const ZxChartLabel *l;
      guint dark = 0;

      g_assert_true (lo->empty);
      g_assert_cmpuint (lo->labels->len, ==, 1);
      l = &g_array_index (lo->labels, ZxChartLabel, 0);
      g_assert_cmpint (l->role, ==, ZX_CHART_LABEL_EMPTY);
      g_assert_cmpstr (l->text, ==, "No data for this period");
      s = render (lo);
      for (int y = 0; y < 200; y++)
        for (int x = 0; x < 300; x++)
          dark += pixel (s, x, y) != 0xffffff;
      g_assert_cmpuint (dark, >, 50);
      /* the ink is where the label is */
      dark = 0;
      for (int y = l->box.y; y < l->box.y + l->box.height; y++)
        for (int x = l->box.x; x < l->box.x + l->box.width; x++)
          dark += pixel (s, x, y) != 0xffffff;
      g_assert_cmpuint (dark, >, 50);
      cairo_surface_destroy (s);
    }
}

static void
test_stacked (void)
{
  g_autoptr (ZxChart) chart = teams_chart ();
  g_autoptr (ZxChartLayout) lo = layout_of (chart, ZX_CHART_STACKED_BAR, 640, 400);

  g_assert_cmpuint (lo->totals->len, ==, 4);
  for (guint c = 0; c < 4; c++)
    {
      double sum = zx_chart_get_value (chart, 0, c) + zx_chart_get_value (chart, 1, c);
      double top = G_MAXDOUBLE, height = 0;

      g_assert_cmpfloat (g_array_index (lo->totals, double, c), ==, sum);
      for (guint i = 0; i < lo->bars->len; i++)
        {
          const ZxChartBar *b = &g_array_index (lo->bars, ZxChartBar, i);
          if (b->category == c)
            top = MIN (top, b->rect.y), height += b->rect.height;
        }
      g_assert_cmpfloat_with_epsilon (height, lo->plot.height * sum / lo->axis_top, 1e-9);
      g_assert_cmpfloat_with_epsilon (lo->plot.y + lo->plot.height - top, height, 1e-9);
    }
  g_assert_cmpfloat (lo->axis_top, >=, 873 + 500);
  g_assert_cmpuint (lo->swatches->len, ==, 2);
  g_assert_cmpuint (count_role (lo, ZX_CHART_LABEL_LEGEND), ==, 2);
  assert_labels_sane (lo);
}

static void
test_gauge (void)
{
  static const struct { double value, target, max, angle; } cases[] = {
    { 45, 90, 0, G_PI / 2 },
    { 90, 90, 0, G_PI },
    { 120, 90, 0, G_PI },
    { -5, 90, 0, 0 },
    { 80, 90, 100, G_PI * 0.8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ZxChart) chart = zx_chart_new ("执行完毕率", "%");
      g_autoptr (ZxChartLayout) lo = NULL;
      double v = cases[i].value;
      guint s, c;

      zx_chart_add_series (chart, "执行完毕率", &v, 1);
      zx_chart_set_target (chart, cases[i].target);
      if (cases[i].max > 0)
        zx_chart_set_gauge_max (chart, cases[i].max);
      lo = layout_of (chart, ZX_CHART_GAUGE, 300, 220);
      g_assert_false (lo->empty);
      g_assert_cmpfloat_with_epsilon (lo->gauge_angle, cases[i].angle, 1e-9);
      assert_labels_sane (lo);
      g_assert_true (zx_chart_layout_hit (lo, lo->gauge_cx - lo->gauge_radius + 2,
                                          lo->gauge_cy - 1, &s, &c));
      g_assert_false (zx_chart_layout_hit (lo, lo->gauge_cx, lo->gauge_cy + 30, &s, &c));
    }
}

static void
test_hit (void)
{
  g_autoptr (ZxChart) chart = teams_chart ();
  g_autoptr (ZxChartLayout) lo = layout_of (chart, ZX_CHART_GROUPED_BAR, 640, 400);
  g_autoptr (ZxChartLayout) line = layout_of (chart, ZX_CHART_LINE, 640, 400);
  const ZxChartPoint *p;
  guint s = 99, c = 99;

  g_assert_cmpuint (lo->bars->len, ==, 8);
  for (guint i = 0; i < lo->bars->len; i++)
    {
      const ZxChartBar *b = &g_array_index (lo->bars, ZxChartBar, i);

      if (b->rect.height < 2)
        continue;
      g_assert_true (zx_chart_layout_hit (lo, b->rect.x + b->rect.width / 2,
                                          b->rect.y + b->rect.height - 1, &s, &c));
      g_assert_cmpuint (s, ==, b->series);
      g_assert_cmpuint (c, ==, b->category);
    }
  g_assert_false (zx_chart_layout_hit (lo, 1, 1, &s, &c));
  assert_labels_sane (lo);

  p = &g_array_index (line->points, ZxChartPoint, 3); /* 结案 at 执行二团队 */
  g_assert_true (zx_chart_layout_hit (line, p->x + 2, p->y + 2, &s, &c));
  g_assert_cmpuint (s, ==, p->series);
  g_assert_cmpuint (c, ==, p->category);
  assert_labels_sane (line);
}

static void
test_palette (void)
{
  /* neighbours differ in grey by at least 40 of 255 */
  for (guint i = 0; i + 1 < 5; i++)
    {
      guint32 a = palette_rgb (i), b = palette_rgb (i + 1);
      double ga = 0.299 * (a >> 16) + 0.587 * ((a >> 8) & 0xff) + 0.114 * (a & 0xff);
      double gb = 0.299 * (b >> 16) + 0.587 * ((b >> 8) & 0xff) + 0.114 * (b & 0xff);

      g_assert_cmpfloat (fabs (ga - gb), >=, 40);
    }
}

static void
test_vector_surfaces (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr (ZxChart) chart = teams_chart ();
  g_autoptr (GBytes) pdf_bytes = NULL, svg_bytes = NULL;
  cairo_surface_t *s;
  cairo_t *cr;

  s = cairo_pdf_surface_create (pdf, 595, 842);
  cr = cairo_create (s);
  zx_chart_paint_grouped_bar (chart, cr, 500, 300);
  cairo_show_page (cr);
  zx_chart_paint_line (chart, cr, 500, 300);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);

  s = cairo_svg_surface_create (svg, 500, 300);
  cr = cairo_create (s);
  zx_chart_paint_stacked_bar (chart, cr, 500, 300);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);

  pdf_bytes = zx_test_read_file (pdf);
  svg_bytes = zx_test_read_file (svg);
  g_assert_cmpuint (g_bytes_get_size (pdf_bytes), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (pdf_bytes, NULL), "%PDF", 4) == 0);
  g_assert_true (memcmp (g_bytes_get_data (svg_bytes, NULL), "<?xml", 5) == 0
                 || memcmp (g_bytes_get_data (svg_bytes, NULL), "<svg", 4) == 0);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ZX_CHART_PNG_DIR=/tmp writes one PNG per kind for looking at. */
static void
test_png_samples (void)
{
  const char *dir = g_getenv ("ZX_CHART_PNG_DIR");
  static const char *const names[] = { "bar", "stacked", "grouped", "line", "gauge" };
  g_autoptr (ZxChart) chart = teams_chart ();
  double v = 85.3;
  g_autoptr (ZxChart) gauge = zx_chart_new ("执行完毕率", "%");

  zx_chart_add_series (gauge, "执行完毕率", &v, 1);
  zx_chart_set_target (gauge, 90);
  zx_chart_set_gauge_max (gauge, 100);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autoptr (ZxChartLayout) lo = layout_of (k == ZX_CHART_GAUGE ? gauge : chart, k, 480, 300);
      cairo_surface_t *s = render (lo);

      if (dir != NULL)
        {
          g_autofree char *name = g_strdup_printf ("zx-chart-%s.png", names[k]);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_assert_cmpint (cairo_surface_write_to_png (s, path), ==, CAIRO_STATUS_SUCCESS);
        }
      cairo_surface_destroy (s);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/bar-heights", test_bar_heights);
  g_test_add_func ("/charts/nice-ticks", test_nice_ticks);
  g_test_add_func ("/charts/layout-ticks", test_layout_ticks);
  g_test_add_func ("/charts/crowded-labels", test_crowded_labels);
  g_test_add_func ("/charts/empty", test_empty);
  g_test_add_func ("/charts/stacked", test_stacked);
  g_test_add_func ("/charts/gauge", test_gauge);
  g_test_add_func ("/charts/hit", test_hit);
  g_test_add_func ("/charts/palette", test_palette);
  g_test_add_func ("/charts/vector-surfaces", test_vector_surfaces);
  g_test_add_func ("/charts/png-samples", test_png_samples);
  return g_test_run ();
}
