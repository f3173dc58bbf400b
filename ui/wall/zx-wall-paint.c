/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wall display's look: a red header band with the court and the title in gold, the column
 * titles, striped rows of light text on a near-black blue (contrast above 12:1), a footer with
 * the legal basis and, in an outage, an amber status mark. Sizes follow the screen height: the
 * body text is 2.7 % of it (29 px on 1080 lines), legible across a hall, times the font scale. */
#define G_LOG_DOMAIN "zx-wall"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zx-wall-config.h"
#include "zx-wall-paint.h"

#define FONT_FAMILY        "Noto Sans CJK SC"
/* The title as a printed notice sets it; the sans face where the serif one is missing. */
#define TITLE_FAMILY       "Noto Serif CJK SC, Noto Sans CJK SC"
#define MAX_COLUMNS        12
#define UNIT_PER_HEIGHT    0.0268

typedef enum
{
  CELL_NAME,
  CELL_ID_NO,
  CELL_CASE_NO,
  CELL_AMOUNT,
  CELL_CONDUCT,
  CELL_PUBLISHED_ON,
  CELL_FILED_ON,
  CELL_COURT,
  CELL_BASIS,
} CellKind;

typedef enum
{
  TEXT_PLAIN = 0,
  TEXT_BOLD = 1 << 0,
  TEXT_TABULAR = 1 << 1,  /* tabular digits: amounts and dates line up */
  TEXT_TITLE = 1 << 2,    /* the title face, spaced out */
} TextFlags;

typedef struct
{
  const char *id;
  CellKind    kind;
  const char *title;
  /* The widest usual content at the cell font (fixed columns); NULL: the column takes a FLEX
   * share of the width left, and at least MIN_EM. */
  const char *sample;
  TextFlags   sample_flags;
  double      flex;
  double      min_em;
  gboolean    right;
} Column;

static const Column columns[] = {
  { "name", CELL_NAME, N_("Name"), NULL, 0, 1.0, 6.0, FALSE },
  { "id-no", CELL_ID_NO, N_("ID number / credit code"), "91130802MA0WXYM49T", TEXT_TABULAR,
    0, 0, FALSE },
  { "case-no", CELL_CASE_NO, N_("Case number"), "（2026）冀0802执恢1234号", TEXT_TABULAR, 0, 0,
    FALSE },
  { "amount", CELL_AMOUNT, N_("Unperformed (yuan)"), "999,999,999.99",
    TEXT_TABULAR | TEXT_BOLD, 0, 0, TRUE },
  { "obligation", CELL_AMOUNT, N_("Unperformed (yuan)"), "999,999,999.99",
    TEXT_TABULAR | TEXT_BOLD, 0, 0, TRUE },
  { "conduct", CELL_CONDUCT, N_("Dishonest conduct"), NULL, 0, 1.35, 7.0, FALSE },
  { "published-on", CELL_PUBLISHED_ON, N_("Listed on"), "2026-12-31", TEXT_TABULAR, 0, 0,
    FALSE },
  { "filed-on", CELL_FILED_ON, N_("Filed on"), "2026-12-31", TEXT_TABULAR, 0, 0, FALSE },
  { "court", CELL_COURT, N_("Court"), NULL, 0, 1.0, 6.0, FALSE },
  { "basis", CELL_BASIS, N_("Basis document"), NULL, 0, 1.1, 7.0, FALSE },
};

typedef struct
{
  const Column *column;
  int           x;
  int           width;
} ColumnGeometry;

struct _ZxWallPaint
{
  ZxWallMetrics  metrics;
  PangoContext  *context;
  int            width;
  int            height;
  double         unit;       /* the base text size, pixels */
  int            margin;
  int            gap;
  int            header_h;
  int            colhead_h;
  int            footer_h;
  int            body_y;
  int            body_h;
  int            row_h;
  ColumnGeometry cols[MAX_COLUMNS];
  guint          n_cols;
};

static const GdkRGBA bg_color = { 0.043, 0.071, 0.125, 1.0 };
static const GdkRGBA stripe_color = { 0.071, 0.110, 0.184, 1.0 };
static const GdkRGBA header_top = { 0.600, 0.059, 0.075, 1.0 };
static const GdkRGBA header_bottom = { 0.380, 0.031, 0.047, 1.0 };
static const GdkRGBA gold = { 1.0, 0.843, 0.369, 1.0 };
static const GdkRGBA gold_line = { 0.831, 0.627, 0.090, 1.0 };
static const GdkRGBA court_color = { 1.0, 0.933, 0.800, 1.0 };
static const GdkRGBA white = { 1.0, 1.0, 1.0, 1.0 };
static const GdkRGBA header_soft = { 1.0, 0.851, 0.690, 1.0 };
static const GdkRGBA colhead_bg = { 0.086, 0.133, 0.227, 1.0 };
static const GdkRGBA colhead_text = { 0.690, 0.773, 0.890, 1.0 };
static const GdkRGBA text_color = { 0.925, 0.945, 0.973, 1.0 };
static const GdkRGBA sub_color = { 0.647, 0.718, 0.816, 1.0 };
static const GdkRGBA amount_color = { 1.0, 0.835, 0.310, 1.0 };
static const GdkRGBA unperformed_color = { 1.0, 0.561, 0.533, 1.0 };
static const GdkRGBA footer_text = { 0.545, 0.616, 0.722, 1.0 };
static const GdkRGBA footer_line = { 0.141, 0.200, 0.310, 1.0 };
static const GdkRGBA status_bg = { 0.243, 0.157, 0.012, 1.0 };
static const GdkRGBA status_color = { 1.0, 0.737, 0.161, 1.0 };

/* ---- text ------------------------------------------------------------------------------- */

/* Chinese titles are spaced out as on a printed notice; Latin ones would fall apart. */
static gboolean
has_latin_letters (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        return TRUE;
    }

  return FALSE;
}

/* A layout of TEXT at SIZE pixels. WIDTH > 0 limits it (ellipsized at the end after MAX_LINES
 * lines, wrapped before); ALIGN applies within WIDTH. */
static PangoLayout *
make_layout (ZxWallPaint    *paint,
             const char     *text,
             double          size,
             TextFlags       flags,
             int             width,
             int             max_lines,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (paint->context);
  g_autoptr(PangoFontDescription) font = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();

  font = pango_font_description_from_string ((flags & TEXT_TITLE) ? TITLE_FAMILY : FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                                : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  if (flags & TEXT_TABULAR)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  if ((flags & TEXT_TITLE) && !has_latin_letters (text))
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (size * 0.18
                                                                         * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
      pango_layout_set_alignment (layout, align);
    }

  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

/* Never NULL, also when nothing was drawn (an empty text): nodes are cached by being non-NULL. */
static GskRenderNode *
free_to_node (GtkSnapshot *snapshot)
{
  GskRenderNode *node = gtk_snapshot_free_to_node (snapshot);

  return node != NULL ? node : gsk_container_node_new (NULL, 0);
}

/* ---- geometry --------------------------------------------------------------------------- */

static double
cell_size (const ZxWallPaint *paint)
{
  return paint->unit;
}

static double
sub_size (const ZxWallPaint *paint)
{
  return paint->unit * 0.72;
}

static double
conduct_size (const ZxWallPaint *paint)
{
  return paint->unit * 0.84;
}

static double
colhead_size (const ZxWallPaint *paint)
{
  return paint->unit * 0.7;
}

static const Column *
find_column (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (g_str_equal (columns[i].id, id))
        return &columns[i];
    }

  return NULL;
}

static int
text_width (ZxWallPaint *paint,
            const char *text,
            double      size,
            TextFlags   flags)
{
  g_autoptr(PangoLayout) layout = make_layout (paint, text, size, flags, -1, 1,
                                               PANGO_ALIGN_LEFT);

  return layout_width (layout);
}

/* Column widths for UNIT: fixed columns fit their sample and title, flexible ones share what is
 * left. Returns the width still missing (0 when everything fits). */
static int
lay_out_columns (ZxWallPaint *paint)
{
  double flex_total = 0;
  int fixed = 0;
  int min_flex = 0;
  int available;
  int left;
  int x;

  for (guint i = 0; i < paint->n_cols; i++)
    {
      const Column *column = paint->cols[i].column;
      int title = text_width (paint, _(column->title), colhead_size (paint), TEXT_BOLD);

      if (column->sample != NULL)
        {
          /* A little slack: ellipsizing an amount would change what it says. */
          int sample = text_width (paint, column->sample, cell_size (paint), column->sample_flags)
                       + (int) (paint->unit * 0.2);

          paint->cols[i].width = MAX (sample, title);
          fixed += paint->cols[i].width;
        }
      else
        {
          paint->cols[i].width = 0;
          flex_total += column->flex;
          min_flex += MAX ((int) (column->min_em * paint->unit), title);
        }
    }

  available = paint->width - 2 * paint->margin - (int) (paint->n_cols - 1) * paint->gap;
  if (fixed + min_flex > available)
    return fixed + min_flex - available;

  /* The rest goes to the flexible columns, or is spread over all when there are none. */
  left = available - fixed;
  for (guint i = 0; i < paint->n_cols; i++)
    {
      const Column *column = paint->cols[i].column;

      if (flex_total > 0 && column->sample == NULL)
        paint->cols[i].width = (int) (left * column->flex / flex_total);
      else if (flex_total <= 0)
        paint->cols[i].width += left / (int) paint->n_cols;
    }

  x = paint->margin;
  for (guint i = 0; i < paint->n_cols; i++)
    {
      paint->cols[i].x = x;
      x += paint->cols[i].width + paint->gap;
    }

  return 0;
}

ZxWallPaint *
zx_wall_paint_new (GtkWidget         *widget,
                   int                width,
                   int                height,
                   double             font_scale,
                   const char *const *column_ids)
{
  g_autoptr(ZxWallPaint) paint = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(PangoLayout) sub_probe = NULL;
  int missing;
  int row_h;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  paint = g_new0 (ZxWallPaint, 1);
  paint->width = width;
  paint->height = height;
  /* The widget's font options; Chinese glyph forms and one face for Latin and CJK. */
  paint->context = gtk_widget_create_pango_context (widget);
  pango_context_set_language (paint->context, pango_language_from_string ("zh-cn"));

  for (guint i = 0; column_ids != NULL && column_ids[i] != NULL && paint->n_cols < MAX_COLUMNS;
       i++)
    {
      const Column *column = find_column (column_ids[i]);

      if (column != NULL)
        paint->cols[paint->n_cols++].column = column;
    }
  if (paint->n_cols == 0)
    paint->cols[paint->n_cols++].column = &columns[0];

  /* The size the screen height and the scale ask for, smaller if the columns do not fit. */
  paint->unit = MAX (height * UNIT_PER_HEIGHT * font_scale, 8.0);
  for (guint attempt = 0; attempt < 6; attempt++)
    {
      paint->margin = (int) (paint->unit * 1.3);
      paint->gap = (int) (paint->unit * 0.9);
      missing = lay_out_columns (paint);
      if (missing == 0)
        break;
      paint->unit = MAX (paint->unit * (double) (width - missing) / width * 0.98, 6.0);
    }

  probe = make_layout (paint, "国Ag", cell_size (paint), TEXT_BOLD, -1, 1, PANGO_ALIGN_LEFT);
  sub_probe = make_layout (paint, "国Ag", sub_size (paint), TEXT_PLAIN, -1, 1, PANGO_ALIGN_LEFT);

  paint->header_h = (int) (paint->unit * 5.2);
  paint->colhead_h = (int) (paint->unit * 1.75);
  paint->footer_h = (int) (paint->unit * 1.5);
  row_h = layout_height (probe) + layout_height (sub_probe) + (int) (paint->unit * 0.9);
  paint->body_y = paint->header_h + paint->colhead_h;
  paint->body_h = MAX (height - paint->body_y - paint->footer_h, row_h);

  /* Whole rows on the screen: the rows take up the slack, the footer the last pixels. */
  paint->metrics.rows_per_page = MAX (paint->body_h / row_h, 1);
  paint->row_h = paint->body_h / paint->metrics.rows_per_page;
  paint->body_h = paint->row_h * paint->metrics.rows_per_page;
  paint->footer_h = height - paint->body_y - paint->body_h;

  paint->metrics.width = width;
  paint->metrics.height = height;
  paint->metrics.body_y = paint->body_y;
  paint->metrics.body_h = paint->body_h;
  paint->metrics.row_h = paint->row_h;

  return g_steal_pointer (&paint);
}

void
zx_wall_paint_free (ZxWallPaint *paint)
{
  if (paint == NULL)
    return;

  g_clear_object (&paint->context);
  g_free (paint);
}

const ZxWallMetrics *
zx_wall_paint_get_metrics (ZxWallPaint *paint)
{
  g_return_val_if_fail (paint != NULL, NULL);

  return &paint->metrics;
}

/* ---- rows ------------------------------------------------------------------------------- */

static char *
sex_age_text (const ZxPublicEntry *entry)
{
  if (entry->sex == 'F')
    /* Translators: a person on the public list; %d is the age in years */
    return g_strdup_printf (_("Female, %d"), entry->age);

  /* Translators: a person on the public list; %d is the age in years */
  return g_strdup_printf (_("Male, %d"), entry->age);
}

static const char *
performance_text (ZxPerformance performance)
{
  switch (performance)
    {
    case ZX_PERFORMANCE_PARTIAL:
      return _("Partly performed");
    case ZX_PERFORMANCE_FULL:
      return _("Performed");
    case ZX_PERFORMANCE_NONE:
    default:
      return _("Not performed");
    }
}

/* One cell: up to two lines, centred vertically in the row. */
static void
append_cell (GtkSnapshot          *snapshot,
             const ZxWallPaint    *paint,
             const ColumnGeometry *col,
             PangoLayout          *first,
             const GdkRGBA        *first_color,
             PangoLayout          *second,
             const GdkRGBA        *second_color)
{
  int h1 = layout_height (first);
  int h2 = second != NULL ? layout_height (second) : 0;
  double y = (paint->row_h - h1 - h2) / 2.0;

  append_layout (snapshot, first, col->x, y, first_color);
  if (second != NULL)
    append_layout (snapshot, second, col->x, y + h1, second_color);
}

GskRenderNode *
zx_wall_paint_row (ZxWallPaint         *paint,
                   const ZxPublicEntry *entry)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  for (guint i = 0; i < paint->n_cols; i++)
    {
      const ColumnGeometry *col = &paint->cols[i];
      PangoAlignment align = col->column->right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      g_autoptr(PangoLayout) first = NULL;
      g_autoptr(PangoLayout) second = NULL;
      const GdkRGBA *first_color = &text_color;
      const GdkRGBA *second_color = &sub_color;

      switch (col->column->kind)
        {
        case CELL_NAME:
          first = make_layout (paint, entry->name, cell_size (paint) * 1.04, TEXT_BOLD, col->width,
                               1, align);
          if (pango_layout_is_ellipsized (first))
            {
              /* A long company name: two lines, a little smaller, rather than cut. */
              g_clear_object (&first);
              first = make_layout (paint, entry->name, cell_size (paint) * 0.84, TEXT_BOLD,
                                   col->width, 2, align);
            }
          first_color = &white;
          break;

        case CELL_ID_NO:
          {
            g_autofree char *detail = NULL;

            first = make_layout (paint, entry->id_shown, cell_size (paint), TEXT_TABULAR,
                                 col->width, 1, align);
            if (entry->is_person)
              detail = sex_age_text (entry);
            else if (*entry->legal_rep != '\0')
              /* Translators: under a company's credit code on the public list */
              detail = g_strdup_printf (_("Legal representative: %s"), entry->legal_rep);
            if (detail != NULL)
              second = make_layout (paint, detail, sub_size (paint), TEXT_PLAIN, col->width, 1,
                                    align);
          }
          break;

        case CELL_CASE_NO:
          first = make_layout (paint, entry->case_no, cell_size (paint), TEXT_TABULAR, col->width,
                               1, align);
          break;

        case CELL_AMOUNT:
          {
            g_autofree char *yuan = zx_public_format_yuan (zx_public_entry_unperformed (entry),
                                                           TRUE);

            first = make_layout (paint, yuan, cell_size (paint), TEXT_TABULAR | TEXT_BOLD,
                                 col->width, 1, align);
            second = make_layout (paint, performance_text (entry->performance), sub_size (paint),
                                  TEXT_PLAIN, col->width, 1, align);
            first_color = &amount_color;
            if (entry->performance == ZX_PERFORMANCE_NONE)
              second_color = &unperformed_color;
          }
          break;

        case CELL_CONDUCT:
          first = make_layout (paint, entry->conduct, conduct_size (paint), TEXT_PLAIN,
                               col->width, 2, align);
          break;

        case CELL_PUBLISHED_ON:
          first = make_layout (paint, entry->published_on, cell_size (paint), TEXT_TABULAR,
                               col->width, 1, align);
          break;

        case CELL_FILED_ON:
          first = make_layout (paint, entry->filed_on, cell_size (paint), TEXT_TABULAR,
                               col->width, 1, align);
          break;

        case CELL_COURT:
          first = make_layout (paint, entry->court, conduct_size (paint), TEXT_PLAIN, col->width,
                               2, align);
          break;

        case CELL_BASIS:
          first = make_layout (paint, entry->basis_doc_no, conduct_size (paint), TEXT_TABULAR,
                               col->width, 1, align);
          second = make_layout (paint, entry->basis_org, sub_size (paint), TEXT_PLAIN, col->width,
                                1, align);
          break;

        default:
          g_assert_not_reached ();
        }

      append_cell (snapshot, paint, col, first, first_color, second, second_color);
    }

  return free_to_node (snapshot);
}

/* ---- chrome ----------------------------------------------------------------------------- */

/* The width of the count (left) and the update time (right) in the header. */
static int
info_block_width (const ZxWallPaint *paint)
{
  return (int) (paint->unit * 7.5);
}

GskRenderNode *
zx_wall_paint_chrome (ZxWallPaint *paint,
                      const char  *court_name)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) court = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) basis = NULL;
  int title_w;
  int title_y;
  int court_h;
  int footer_y = paint->height - paint->footer_h;

  append_rect (snapshot, &bg_color, 0, 0, paint->width, paint->height);

  /* Header band: the court, then the title. */
  gtk_snapshot_append_linear_gradient (
    snapshot, &GRAPHENE_RECT_INIT (0, 0, paint->width, paint->header_h),
    &GRAPHENE_POINT_INIT (0, 0), &GRAPHENE_POINT_INIT (0, paint->header_h),
    (GskColorStop[]) { { 0.0, header_top }, { 1.0, header_bottom } }, 2);
  append_rect (snapshot, &gold_line, 0, paint->header_h - paint->unit * 0.12, paint->width,
               paint->unit * 0.12);

  court = make_layout (paint, court_name, paint->unit * 1.0, TEXT_BOLD, paint->width / 2, 1,
                       PANGO_ALIGN_CENTER);
  court_h = court_name != NULL && *court_name != '\0' ? layout_height (court) : 0;
  /* The title between the count and the update time, as large as fits. */
  title_w = paint->width - 2 * (info_block_width (paint) + paint->margin + paint->gap);
  for (double size = paint->unit * 2.15; size > paint->unit; size *= 0.92)
    {
      g_clear_object (&title);
      /* Translators: the title of the wall display, 失信被执行人名单 */
      title = make_layout (paint, _("List of Dishonest Judgment Debtors"), size,
                           TEXT_BOLD | TEXT_TITLE, -1, 1, PANGO_ALIGN_CENTER);
      if (layout_width (title) <= title_w)
        break;
    }
  title_y = (paint->header_h - court_h - layout_height (title)) / 2 + court_h;
  if (court_h > 0)
    append_layout (snapshot, court, paint->width / 4.0, title_y - court_h + paint->unit * 0.1,
                   &court_color);
  append_layout (snapshot, title, (paint->width - layout_width (title)) / 2.0, title_y, &gold);

  /* Column titles. */
  append_rect (snapshot, &colhead_bg, 0, paint->header_h, paint->width, paint->colhead_h);
  for (guint i = 0; i < paint->n_cols; i++)
    {
      const ColumnGeometry *col = &paint->cols[i];
      g_autoptr(PangoLayout) label = NULL;

      label = make_layout (paint, _(col->column->title), colhead_size (paint), TEXT_BOLD,
                           col->width, 1,
                           col->column->right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      append_layout (snapshot, label, col->x,
                     paint->header_h + (paint->colhead_h - layout_height (label)) / 2.0,
                     &colhead_text);
    }

  /* Footer: the legal basis. */
  append_rect (snapshot, &footer_line, 0, footer_y, paint->width, MAX (paint->unit * 0.06, 1));
  basis = make_layout (paint,
                       _("Published under the Supreme People's Court provisions on the list of "
                         "dishonest judgment debtors. ID numbers hide the month and day of "
                         "birth."),
                       paint->unit * 0.56, TEXT_PLAIN, paint->width * 0.62, 1, PANGO_ALIGN_LEFT);
  append_layout (snapshot, basis, paint->margin, footer_y + (paint->footer_h - layout_height (basis))
                                                 / 2.0,
                 &footer_text);

  return free_to_node (snapshot);
}

/* The count on the left of the header, the time of the last update on the right. */
GskRenderNode *
zx_wall_paint_info (ZxWallPaint *paint,
                    const char  *count_text,
                    const char  *updated_text)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int block_w = info_block_width (paint);
  g_autoptr(PangoLayout) count_caption = NULL;
  g_autoptr(PangoLayout) count = NULL;
  g_autoptr(PangoLayout) updated_caption = NULL;
  g_autoptr(PangoLayout) updated = NULL;
  double y;

  /* Translators: caption above the number of entries on the wall display */
  count_caption = make_layout (paint, _("Now listed"), paint->unit * 0.62, TEXT_PLAIN, block_w, 1,
                               PANGO_ALIGN_LEFT);
  count = make_layout (paint, count_text, paint->unit * 1.2, TEXT_BOLD | TEXT_TABULAR, block_w, 1,
                       PANGO_ALIGN_LEFT);
  y = (paint->header_h - layout_height (count_caption) - layout_height (count)) / 2.0;
  append_layout (snapshot, count_caption, paint->margin, y, &header_soft);
  append_layout (snapshot, count, paint->margin, y + layout_height (count_caption), &white);

  if (updated_text != NULL)
    {
      /* Translators: caption above the time the wall display last read the list */
      updated_caption = make_layout (paint, _("Updated"), paint->unit * 0.62, TEXT_PLAIN, block_w, 1,
                                     PANGO_ALIGN_RIGHT);
      updated = make_layout (paint, updated_text, paint->unit * 0.9, TEXT_TABULAR, block_w, 1,
                             PANGO_ALIGN_RIGHT);
      y = (paint->header_h - layout_height (updated_caption) - layout_height (updated)) / 2.0;
      append_layout (snapshot, updated_caption, paint->width - paint->margin - block_w, y,
                     &header_soft);
      append_layout (snapshot, updated, paint->width - paint->margin - block_w,
                     y + layout_height (updated_caption), &white);
    }

  return free_to_node (snapshot);
}

GskRenderNode *
zx_wall_paint_status (ZxWallPaint *paint,
                      const char  *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRoundedRect plate;
  double pad;
  double w;
  double h;
  double x;
  double y;

  layout = make_layout (paint, text, paint->unit * 0.6, TEXT_BOLD, -1, 1, PANGO_ALIGN_LEFT);
  pad = paint->unit * 0.45;
  w = layout_width (layout) + 2 * pad;
  h = layout_height (layout) + pad * 0.6;
  x = paint->width - paint->margin - w;
  y = paint->height - paint->footer_h + (paint->footer_h - h) / 2.0;

  gsk_rounded_rect_init_from_rect (&plate, &GRAPHENE_RECT_INIT (x, y, w, h), h / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &plate);
  append_rect (snapshot, &status_bg, x, y, w, h);
  gtk_snapshot_pop (snapshot);
  append_layout (snapshot, layout, x + pad, y + (h - layout_height (layout)) / 2.0,
                 &status_color);

  return free_to_node (snapshot);
}

GskRenderNode *
zx_wall_paint_page (ZxWallPaint *paint,
                    const char  *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  layout = make_layout (paint, text, paint->unit * 0.6, TEXT_TABULAR, -1, 1, PANGO_ALIGN_LEFT);
  append_layout (snapshot, layout, paint->width * 0.72,
                 paint->height - paint->footer_h + (paint->footer_h - layout_height (layout))
                                                   / 2.0,
                 &footer_text);

  return free_to_node (snapshot);
}

GskRenderNode *
zx_wall_paint_end (ZxWallPaint *paint,
                   const char  *text)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) layout = NULL;
  double text_w;
  double y;
  double line_w;

  layout = make_layout (paint, text, sub_size (paint), TEXT_PLAIN, -1, 1, PANGO_ALIGN_LEFT);
  text_w = layout_width (layout);
  y = (paint->row_h - layout_height (layout)) / 2.0;
  append_layout (snapshot, layout, (paint->width - text_w) / 2.0, y, &footer_text);

  line_w = MAX ((paint->width - text_w) / 2.0 - paint->margin - paint->unit, 0);
  append_rect (snapshot, &footer_line, paint->margin, paint->row_h / 2.0, line_w, 1);
  append_rect (snapshot, &footer_line, paint->width - paint->margin - line_w, paint->row_h / 2.0,
               line_w, 1);

  return free_to_node (snapshot);
}

GskRenderNode *
zx_wall_paint_message (ZxWallPaint *paint,
                       const char  *text)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) layout = NULL;

  layout = make_layout (paint, text, paint->unit * 1.1, TEXT_PLAIN,
                        paint->width - 2 * paint->margin, 2, PANGO_ALIGN_CENTER);
  append_layout (snapshot, layout, paint->margin,
                 paint->body_y + (paint->body_h - layout_height (layout)) / 2.0, &sub_color);

  return free_to_node (snapshot);
}

void
zx_wall_paint_stripe (ZxWallPaint *paint,
                      GtkSnapshot *snapshot,
                      int          y)
{
  append_rect (snapshot, &stripe_color, 0, y, paint->width, paint->row_h);
}

/* ---- bounty slides ---------------------------------------------------------------------- */

/* One line of the slide: a caption on the left half, the value on the right, both centred on
 * the screen's middle; returns the height taken. */
static int
append_fact (ZxWallPaint   *paint,
             GtkSnapshot   *snapshot,
             const char    *caption,
             const char    *value,
             TextFlags      value_flags,
             const GdkRGBA *value_color,
             double         y)
{
  int half = paint->width / 2;
  int gap = paint->gap * 2;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  int h;

  left = make_layout (paint, caption, paint->unit * 1.05, TEXT_PLAIN, half - gap - paint->margin,
                      1, PANGO_ALIGN_RIGHT);
  right = make_layout (paint, value, paint->unit * 1.35, value_flags,
                       half - gap - paint->margin, 2, PANGO_ALIGN_LEFT);
  h = MAX (layout_height (left), layout_height (right));
  append_layout (snapshot, left, paint->margin, y + (h - layout_height (left)) / 2.0,
                 &colhead_text);
  append_layout (snapshot, right, half + gap, y + (h - layout_height (right)) / 2.0,
                 value_color);

  return h;
}

GskRenderNode *
zx_wall_paint_bounty (ZxWallPaint         *paint,
                      const char          *court_name,
                      const ZxPublicEntry *entry,
                      gint64               bounty_fen)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) court = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) appeal = NULL;
  g_autofree char *unperformed = NULL;
  g_autofree char *bounty = NULL;
  g_autofree char *name = NULL;
  double band_h = paint->height * 0.22;
  double y;

  g_return_val_if_fail (entry != NULL, NULL);

  append_rect (snapshot, &bg_color, 0, 0, paint->width, paint->height);
  gtk_snapshot_append_linear_gradient (
    snapshot, &GRAPHENE_RECT_INIT (0, 0, paint->width, band_h),
    &GRAPHENE_POINT_INIT (0, 0), &GRAPHENE_POINT_INIT (0, band_h),
    (GskColorStop[]) { { 0.0, header_top }, { 1.0, header_bottom } }, 2);
  append_rect (snapshot, &gold_line, 0, band_h - paint->unit * 0.15, paint->width,
               paint->unit * 0.15);

  court = make_layout (paint, court_name, paint->unit * 1.1, TEXT_BOLD,
                       paint->width - 2 * paint->margin, 1, PANGO_ALIGN_CENTER);
  /* Translators: the title of a bounty slide on the wall display, 悬赏公告 */
  title = make_layout (paint, _("Bounty Notice"), paint->unit * 3.2, TEXT_BOLD | TEXT_TITLE,
                       -1, 1, PANGO_ALIGN_CENTER);
  y = (band_h - layout_height (court) - layout_height (title)) / 2.0;
  append_layout (snapshot, court, paint->margin, y, &court_color);
  append_layout (snapshot, title, (paint->width - layout_width (title)) / 2.0,
                 y + layout_height (court), &gold);

  y = band_h + paint->unit * 1.6;
  if (entry->is_person)
    {
      g_autofree char *sex_age = sex_age_text (entry);

      name = g_strdup_printf ("%s（%s）", entry->name, sex_age);
    }
  else if (entry->legal_rep != NULL && *entry->legal_rep != '\0')
    {
      /* Translators: an entity on a bounty slide; %s is its legal representative */
      g_autofree char *rep = g_strdup_printf (_("legal representative %s"), entry->legal_rep);

      name = g_strdup_printf ("%s（%s）", entry->name, rep);
    }
  else
    {
      name = g_strdup (entry->name);
    }

  /* Translators: captions on a bounty slide of the wall display */
  y += append_fact (paint, snapshot, _("Judgment debtor"), name, TEXT_BOLD, &white, y);
  y += paint->unit * 0.7;
  y += append_fact (paint, snapshot,
                    entry->is_person ? _("ID number") : _("Unified social credit code"),
                    entry->id_shown, TEXT_TABULAR, &text_color, y);
  y += paint->unit * 0.7;
  y += append_fact (paint, snapshot, _("Case number"), entry->case_no, TEXT_TABULAR,
                    &text_color, y);
  y += paint->unit * 0.7;
  unperformed = zx_public_format_yuan (zx_public_entry_unperformed (entry), TRUE);
  {
    /* Translators: an amount on a bounty slide; %s is a number of yuan */
    g_autofree char *text = g_strdup_printf (_("%s yuan"), unperformed);

    y += append_fact (paint, snapshot, _("Amount unperformed"), text,
                      TEXT_BOLD | TEXT_TABULAR, &unperformed_color, y);
  }
  if (bounty_fen >= 0)
    {
      g_autofree char *text = NULL;

      bounty = zx_public_format_yuan (bounty_fen, TRUE);
      text = g_strdup_printf (_("%s yuan"), bounty);
      y += paint->unit * 0.7;
      y += append_fact (paint, snapshot, _("Bounty"), text, TEXT_BOLD | TEXT_TABULAR,
                        &amount_color, y);
    }

  /* The appeal, above the footer line. */
  appeal = make_layout (paint,
                        _("Anyone who knows of property of this judgment debtor is asked to "
                          "report it to the court. Reports that lead to execution are "
                          "rewarded under the bounty notice; the informant's identity is kept "
                          "confidential."),
                        paint->unit * 1.0, TEXT_PLAIN, paint->width - 4 * paint->margin, 3,
                        PANGO_ALIGN_CENTER);
  y = MAX (y + paint->unit * 1.2,
           paint->height - paint->footer_h - layout_height (appeal) - paint->unit * 1.2);
  append_rect (snapshot, &footer_line, 2 * paint->margin, y - paint->unit * 0.6,
               paint->width - 4 * paint->margin, MAX (paint->unit * 0.06, 1));
  append_layout (snapshot, appeal, 2 * paint->margin, y, &gold);

  return free_to_node (snapshot);
}
