/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wall display's notice. Everything is drawn from render nodes made outside the frame path:
 *
 * - the chrome (background, header band, court name, title, column titles, footer text) when
 *   the size changes;
 * - the count and update time when their text changes (once a minute at most);
 * - one node per row, the first time the row comes into view after its data arrived, from
 *   PangoLayouts of fixed width (so no row is ever laid out again while it scrolls). Nodes of
 *   rows whose content did not change survive a reload. At most MAX_ROW_NODES are kept: a court
 *   with tens of thousands of entries lays a row out once per pass through the list, and memory
 *   stays flat.
 *
 * A frame is the frame-clock tick moving the offset (pixels per second times the time since the
 * last frame) and, when the whole pixel changed, a snapshot that appends the cached nodes of the
 * ~10 visible rows with a translation, under a clip. The list repeats after an end-of-list line,
 * so the scrolling never jumps back. Page mode slides one page up every few seconds.
 *
 * Fonts: Noto Sans CJK SC with the language zh-cn on the Pango context, so fontconfig does not
 * mix Latin and CJK faces in one line (DESIGN.md, Known traps). Digits are tabular. */
#define G_LOG_DOMAIN "zx-wall"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "zx-wall-view.h"

#define FONT_FAMILY        "Noto Sans CJK SC"
#define TITLE_FAMILY       "Noto Serif CJK SC, Noto Sans CJK SC"
#define MAX_COLUMNS        12
#define MAX_ROW_NODES      512
/* Base text size as a share of the screen height: 29 px on 1080 lines, legible across a hall. */
#define UNIT_PER_HEIGHT    0.0268
#define SLOW_FRAME_US      25000
/* A frame clock that stalled (suspend, a hung X server) resumes where it was, not far ahead. */
#define MAX_STEP_US        250000
#define PAGE_SLIDE_US      700000
/* Rows laid out ahead of the bottom edge (a page in page mode comes with its own frames). */
#define PREFETCH_ROWS      3

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

/* Sizes in pixels for the current widget size and font scale. */
typedef struct
{
  gboolean       valid;
  int            width;
  int            height;
  double         unit;       /* the base text size */
  int            margin;
  int            gap;
  int            header_h;
  int            colhead_h;
  int            footer_h;
  int            body_y;
  int            body_h;
  int            row_h;
  int            rows_per_page;
  ColumnGeometry cols[MAX_COLUMNS];
  guint          n_cols;
} Geometry;

/* What one item of the scrolling sequence is. */
typedef enum
{
  ITEM_ROW,
  ITEM_END,    /* the end-of-list line before the list repeats */
  ITEM_BLANK,  /* the rest of the last page in page mode */
} ItemKind;

struct _ZxWallView
{
  GtkWidget         parent_instance;

  /* settings */
  ZxWallScrollMode  mode;
  double            speed;
  double            speed_up;
  double            font_scale;
  char            **column_ids;
  guint             page_seconds;

  /* data */
  ZxPublicList     *list;
  GPtrArray        *row_nodes;   /* GskRenderNode* or NULL, one per row of LIST */
  GQueue            built;       /* row indices, in the order their nodes were made */
  guint             rows_laid_out;
  GDateTime        *checked_at;
  GDateTime        *lost_since;

  /* drawing */
  Geometry          geo;
  PangoContext     *context;
  GskRenderNode    *chrome_node;
  GskRenderNode    *info_node;
  char             *info_key;
  GskRenderNode    *status_node;
  char             *status_key;
  GskRenderNode    *page_node;
  char             *page_key;
  GskRenderNode    *end_node;
  GskRenderNode    *message_node;

  /* motion */
  guint             tick_id;
  gint64            last_frame_time;
  gint64            last_tick_us;
  double            offset;      /* pixels into the sequence of items */
  int               drawn_offset;
  guint             page;
  guint             page_timeout;
  guint             prefetch_idle;
  guint             prefetch_first;  /* rows to have ready before they scroll in */
  gboolean          sliding;
  gint64            slide_start;
  double            slide_from;
  double            slide_to;

  /* statistics */
  guint64           frames_drawn;
  guint64           ticks;
  guint64           slow_frames;
  gint64            max_interval_us;
};

G_DEFINE_FINAL_TYPE (ZxWallView, zx_wall_view, GTK_TYPE_WIDGET)

/* The palette: light text on a near-black blue, a red header band with gold, as the notice
 * boards of the courts are; contrast ratios above 12:1 for the body text. */
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

static PangoContext *
get_context (ZxWallView *self)
{
  if (self->context == NULL)
    {
      self->context = gtk_widget_create_pango_context (GTK_WIDGET (self));
      /* Chinese glyph forms and one face for Latin and CJK (Known traps: fonts). */
      pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
    }

  return self->context;
}

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
make_layout (ZxWallView     *self,
             const char     *text,
             double          size,
             TextFlags       flags,
             int             width,
             int             max_lines,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (get_context (self));
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
cell_size (const Geometry *geo)
{
  return geo->unit;
}

static double
sub_size (const Geometry *geo)
{
  return geo->unit * 0.72;
}

static double
conduct_size (const Geometry *geo)
{
  return geo->unit * 0.84;
}

static double
colhead_size (const Geometry *geo)
{
  return geo->unit * 0.7;
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
text_width (ZxWallView *self,
            const char *text,
            double      size,
            TextFlags   flags)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, size, flags, -1, 1,
                                               PANGO_ALIGN_LEFT);

  return layout_width (layout);
}

/* Column widths for UNIT: fixed columns fit their sample and title, flexible ones share what is
 * left. Returns the width still missing (0 when everything fits). */
static int
lay_out_columns (ZxWallView *self,
                 Geometry   *geo)
{
  double flex_total = 0;
  int fixed = 0;
  int min_flex = 0;
  int available;
  int left;
  int x;

  for (guint i = 0; i < geo->n_cols; i++)
    {
      const Column *column = geo->cols[i].column;
      int title = text_width (self, _(column->title), colhead_size (geo), TEXT_BOLD);

      if (column->sample != NULL)
        {
          /* A little slack: ellipsizing an amount would change what it says. */
          int sample = text_width (self, column->sample, cell_size (geo), column->sample_flags)
                       + (int) (geo->unit * 0.2);

          geo->cols[i].width = MAX (sample, title);
          fixed += geo->cols[i].width;
        }
      else
        {
          geo->cols[i].width = 0;
          flex_total += column->flex;
          min_flex += MAX ((int) (column->min_em * geo->unit), title);
        }
    }

  available = geo->width - 2 * geo->margin - (int) (geo->n_cols - 1) * geo->gap;
  if (fixed + min_flex > available)
    return fixed + min_flex - available;

  /* The rest goes to the flexible columns, or is spread over all when there are none. */
  left = available - fixed;
  for (guint i = 0; i < geo->n_cols; i++)
    {
      const Column *column = geo->cols[i].column;

      if (flex_total > 0 && column->sample == NULL)
        geo->cols[i].width = (int) (left * column->flex / flex_total);
      else if (flex_total <= 0)
        geo->cols[i].width += left / (int) geo->n_cols;
    }

  x = geo->margin;
  for (guint i = 0; i < geo->n_cols; i++)
    {
      geo->cols[i].x = x;
      x += geo->cols[i].width + geo->gap;
    }

  return 0;
}

static void
compute_geometry (ZxWallView *self,
                  int         width,
                  int         height)
{
  Geometry *geo = &self->geo;
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(PangoLayout) sub_probe = NULL;
  int missing;
  int row_h;

  memset (geo, 0, sizeof *geo);
  geo->width = width;
  geo->height = height;

  for (guint i = 0; self->column_ids[i] != NULL && geo->n_cols < MAX_COLUMNS; i++)
    {
      const Column *column = find_column (self->column_ids[i]);

      if (column != NULL)
        geo->cols[geo->n_cols++].column = column;
    }
  if (geo->n_cols == 0)
    geo->cols[geo->n_cols++].column = &columns[0];

  /* The size the screen height and the scale ask for, smaller if the columns do not fit. */
  geo->unit = MAX (height * UNIT_PER_HEIGHT * self->font_scale, 8.0);
  for (guint attempt = 0; attempt < 6; attempt++)
    {
      geo->margin = (int) (geo->unit * 1.3);
      geo->gap = (int) (geo->unit * 0.9);
      missing = lay_out_columns (self, geo);
      if (missing == 0)
        break;
      geo->unit = MAX (geo->unit * (double) (width - missing) / width * 0.98, 6.0);
    }

  probe = make_layout (self, "国Ag", cell_size (geo), TEXT_BOLD, -1, 1, PANGO_ALIGN_LEFT);
  sub_probe = make_layout (self, "国Ag", sub_size (geo), TEXT_PLAIN, -1, 1, PANGO_ALIGN_LEFT);

  geo->header_h = (int) (geo->unit * 5.2);
  geo->colhead_h = (int) (geo->unit * 1.75);
  geo->footer_h = (int) (geo->unit * 1.5);
  row_h = layout_height (probe) + layout_height (sub_probe) + (int) (geo->unit * 0.9);
  geo->body_y = geo->header_h + geo->colhead_h;
  geo->body_h = MAX (height - geo->body_y - geo->footer_h, row_h);

  /* Whole rows on the screen: the rows take up the slack, the footer the last pixels. */
  geo->rows_per_page = MAX (geo->body_h / row_h, 1);
  geo->row_h = geo->body_h / geo->rows_per_page;
  geo->body_h = geo->row_h * geo->rows_per_page;
  geo->footer_h = height - geo->body_y - geo->body_h;
  geo->valid = TRUE;
}

/* ---- row nodes -------------------------------------------------------------------------- */

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
append_cell (GtkSnapshot    *snapshot,
             const Geometry *geo,
             const ColumnGeometry *col,
             PangoLayout    *first,
             const GdkRGBA  *first_color,
             PangoLayout    *second,
             const GdkRGBA  *second_color)
{
  int h1 = layout_height (first);
  int h2 = second != NULL ? layout_height (second) : 0;
  double y = (geo->row_h - h1 - h2) / 2.0;

  append_layout (snapshot, first, col->x, y, first_color);
  if (second != NULL)
    append_layout (snapshot, second, col->x, y + h1, second_color);
}

static GskRenderNode *
build_row_node (ZxWallView          *self,
                const ZxPublicEntry *entry)
{
  const Geometry *geo = &self->geo;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  for (guint i = 0; i < geo->n_cols; i++)
    {
      const ColumnGeometry *col = &geo->cols[i];
      PangoAlignment align = col->column->right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      g_autoptr(PangoLayout) first = NULL;
      g_autoptr(PangoLayout) second = NULL;
      const GdkRGBA *first_color = &text_color;
      const GdkRGBA *second_color = &sub_color;

      switch (col->column->kind)
        {
        case CELL_NAME:
          first = make_layout (self, entry->name, cell_size (geo) * 1.04, TEXT_BOLD, col->width,
                               1, align);
          if (pango_layout_is_ellipsized (first))
            {
              /* A long company name: two lines, a little smaller, rather than cut. */
              g_clear_object (&first);
              first = make_layout (self, entry->name, cell_size (geo) * 0.84, TEXT_BOLD,
                                   col->width, 2, align);
            }
          first_color = &white;
          break;

        case CELL_ID_NO:
          {
            g_autofree char *detail = NULL;

            first = make_layout (self, entry->id_shown, cell_size (geo), TEXT_TABULAR,
                                 col->width, 1, align);
            if (entry->is_person)
              detail = sex_age_text (entry);
            else if (*entry->legal_rep != '\0')
              /* Translators: under a company's credit code on the public list */
              detail = g_strdup_printf (_("Legal representative: %s"), entry->legal_rep);
            if (detail != NULL)
              second = make_layout (self, detail, sub_size (geo), TEXT_PLAIN, col->width, 1,
                                    align);
          }
          break;

        case CELL_CASE_NO:
          first = make_layout (self, entry->case_no, cell_size (geo), TEXT_TABULAR, col->width,
                               1, align);
          break;

        case CELL_AMOUNT:
          {
            g_autofree char *yuan = zx_public_format_yuan (zx_public_entry_unperformed (entry),
                                                           TRUE);

            first = make_layout (self, yuan, cell_size (geo), TEXT_TABULAR | TEXT_BOLD,
                                 col->width, 1, align);
            second = make_layout (self, performance_text (entry->performance), sub_size (geo),
                                  TEXT_PLAIN, col->width, 1, align);
            first_color = &amount_color;
            if (entry->performance == ZX_PERFORMANCE_NONE)
              second_color = &unperformed_color;
          }
          break;

        case CELL_CONDUCT:
          first = make_layout (self, entry->conduct, conduct_size (geo), TEXT_PLAIN,
                               col->width, 2, align);
          break;

        case CELL_PUBLISHED_ON:
          first = make_layout (self, entry->published_on, cell_size (geo), TEXT_TABULAR,
                               col->width, 1, align);
          break;

        case CELL_FILED_ON:
          first = make_layout (self, entry->filed_on, cell_size (geo), TEXT_TABULAR,
                               col->width, 1, align);
          break;

        case CELL_COURT:
          first = make_layout (self, entry->court, conduct_size (geo), TEXT_PLAIN, col->width,
                               2, align);
          break;

        case CELL_BASIS:
          first = make_layout (self, entry->basis_doc_no, conduct_size (geo), TEXT_TABULAR,
                               col->width, 1, align);
          second = make_layout (self, entry->basis_org, sub_size (geo), TEXT_PLAIN, col->width,
                                1, align);
          break;

        default:
          g_assert_not_reached ();
        }

      append_cell (snapshot, geo, col, first, first_color, second, second_color);
    }

  self->rows_laid_out++;
  return free_to_node (snapshot);
}

static guint
n_rows (ZxWallView *self)
{
  return self->list != NULL ? self->list->rows->len : 0;
}

/* Forgets the oldest row nodes outside FIRST … FIRST + COUNT (rows, modulo the list). */
static void
trim_row_nodes (ZxWallView *self,
                guint       keep_first,
                guint       keep_count)
{
  guint n = n_rows (self);
  guint guard = g_queue_get_length (&self->built);

  while (g_queue_get_length (&self->built) > MAX_ROW_NODES && guard-- > 0)
    {
      guint index = GPOINTER_TO_UINT (g_queue_pop_head (&self->built));
      guint distance = (index + n - keep_first) % n;

      if (distance < keep_count)
        {
          g_queue_push_tail (&self->built, GUINT_TO_POINTER (index));
          continue;
        }
      g_clear_pointer (&g_ptr_array_index (self->row_nodes, index), gsk_render_node_unref);
    }
}

static GskRenderNode *
get_row_node (ZxWallView *self,
              guint       index)
{
  GskRenderNode **slot = (GskRenderNode **) &g_ptr_array_index (self->row_nodes, index);

  if (*slot == NULL)
    {
      const ZxPublicListRow *row = g_ptr_array_index (self->list->rows, index);

      *slot = build_row_node (self, row->entry);
      g_queue_push_tail (&self->built, GUINT_TO_POINTER (index));
    }

  return *slot;
}

static void
drop_row_nodes (ZxWallView *self)
{
  for (guint i = 0; self->row_nodes != NULL && i < self->row_nodes->len; i++)
    g_clear_pointer (&g_ptr_array_index (self->row_nodes, i), gsk_render_node_unref);
  g_queue_clear (&self->built);
}

/* ---- the chrome and the status ---------------------------------------------------------- */

/* The width of the count (left) and the update time (right) in the header. */
static int
info_block_width (const Geometry *geo)
{
  return (int) (geo->unit * 7.5);
}

static GskRenderNode *
build_chrome_node (ZxWallView *self)
{
  const Geometry *geo = &self->geo;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) court = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) basis = NULL;
  const char *court_name = self->list != NULL ? self->list->court_name : "";
  int title_w;
  int title_y;
  int court_h;
  int footer_y = geo->height - geo->footer_h;

  append_rect (snapshot, &bg_color, 0, 0, geo->width, geo->height);

  /* Header band: the court, then the title. */
  gtk_snapshot_append_linear_gradient (
    snapshot, &GRAPHENE_RECT_INIT (0, 0, geo->width, geo->header_h),
    &GRAPHENE_POINT_INIT (0, 0), &GRAPHENE_POINT_INIT (0, geo->header_h),
    (GskColorStop[]) { { 0.0, header_top }, { 1.0, header_bottom } }, 2);
  append_rect (snapshot, &gold_line, 0, geo->header_h - geo->unit * 0.12, geo->width,
               geo->unit * 0.12);

  court = make_layout (self, court_name, geo->unit * 1.0, TEXT_BOLD, geo->width / 2, 1,
                       PANGO_ALIGN_CENTER);
  court_h = *court_name != '\0' ? layout_height (court) : 0;
  /* The title between the count and the update time, as large as fits. */
  title_w = geo->width - 2 * (info_block_width (geo) + geo->margin + geo->gap);
  for (double size = geo->unit * 2.15; size > geo->unit; size *= 0.92)
    {
      g_clear_object (&title);
      /* Translators: the title of the wall display, 失信被执行人名单 */
      title = make_layout (self, _("List of Dishonest Judgment Debtors"), size,
                           TEXT_BOLD | TEXT_TITLE, -1, 1, PANGO_ALIGN_CENTER);
      if (layout_width (title) <= title_w)
        break;
    }
  title_y = (geo->header_h - court_h - layout_height (title)) / 2 + court_h;
  if (court_h > 0)
    append_layout (snapshot, court, geo->width / 4.0, title_y - court_h + geo->unit * 0.1,
                   &court_color);
  append_layout (snapshot, title, (geo->width - layout_width (title)) / 2.0, title_y, &gold);

  /* Column titles. */
  append_rect (snapshot, &colhead_bg, 0, geo->header_h, geo->width, geo->colhead_h);
  for (guint i = 0; i < geo->n_cols; i++)
    {
      const ColumnGeometry *col = &geo->cols[i];
      g_autoptr(PangoLayout) label = NULL;

      label = make_layout (self, _(col->column->title), colhead_size (geo), TEXT_BOLD,
                           col->width, 1,
                           col->column->right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      append_layout (snapshot, label, col->x,
                     geo->header_h + (geo->colhead_h - layout_height (label)) / 2.0,
                     &colhead_text);
    }

  /* Footer: the legal basis. */
  append_rect (snapshot, &footer_line, 0, footer_y, geo->width, MAX (geo->unit * 0.06, 1));
  basis = make_layout (self,
                       _("Published under the Supreme People's Court provisions on the list of "
                         "dishonest judgment debtors. ID numbers hide the month and day of "
                         "birth."),
                       geo->unit * 0.56, TEXT_PLAIN, geo->width * 0.62, 1, PANGO_ALIGN_LEFT);
  append_layout (snapshot, basis, geo->margin, footer_y + (geo->footer_h - layout_height (basis))
                                                 / 2.0,
                 &footer_text);

  return free_to_node (snapshot);
}

static char *
format_time (GDateTime *time,
             gboolean   with_date)
{
  return g_date_time_format (time, with_date ? "%Y-%m-%d %H:%M" : "%H:%M");
}

/* The count on the left of the header, the time of the last update on the right. */
static GskRenderNode *
build_info_node (ZxWallView *self,
                 const char *count_text,
                 const char *updated_text)
{
  const Geometry *geo = &self->geo;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int block_w = info_block_width (geo);
  g_autoptr(PangoLayout) count_caption = NULL;
  g_autoptr(PangoLayout) count = NULL;
  g_autoptr(PangoLayout) updated_caption = NULL;
  g_autoptr(PangoLayout) updated = NULL;
  double y;

  /* Translators: caption above the number of entries on the wall display */
  count_caption = make_layout (self, _("Now listed"), geo->unit * 0.62, TEXT_PLAIN, block_w, 1,
                               PANGO_ALIGN_LEFT);
  count = make_layout (self, count_text, geo->unit * 1.2, TEXT_BOLD | TEXT_TABULAR, block_w, 1,
                       PANGO_ALIGN_LEFT);
  y = (geo->header_h - layout_height (count_caption) - layout_height (count)) / 2.0;
  append_layout (snapshot, count_caption, geo->margin, y, &header_soft);
  append_layout (snapshot, count, geo->margin, y + layout_height (count_caption), &white);

  if (updated_text != NULL)
    {
      /* Translators: caption above the time the wall display last read the list */
      updated_caption = make_layout (self, _("Updated"), geo->unit * 0.62, TEXT_PLAIN, block_w, 1,
                                     PANGO_ALIGN_RIGHT);
      updated = make_layout (self, updated_text, geo->unit * 0.9, TEXT_TABULAR, block_w, 1,
                             PANGO_ALIGN_RIGHT);
      y = (geo->header_h - layout_height (updated_caption) - layout_height (updated)) / 2.0;
      append_layout (snapshot, updated_caption, geo->width - geo->margin - block_w, y,
                     &header_soft);
      append_layout (snapshot, updated, geo->width - geo->margin - block_w,
                     y + layout_height (updated_caption), &white);
    }

  return free_to_node (snapshot);
}

static void
update_info_node (ZxWallView *self)
{
  g_autofree char *count = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *key = NULL;

  if (self->list != NULL)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                          n_rows (self)),
                             n_rows (self));
  else
    count = g_strdup ("—");
  if (self->checked_at != NULL)
    updated = format_time (self->checked_at, TRUE);

  key = g_strdup_printf ("%s|%s", count, updated != NULL ? updated : "");
  if (self->info_node != NULL && g_strcmp0 (key, self->info_key) == 0)
    return;

  g_clear_pointer (&self->info_node, gsk_render_node_unref);
  self->info_node = build_info_node (self, count, updated);
  g_free (self->info_key);
  self->info_key = g_steal_pointer (&key);
}

/* The status mark: bottom right, amber, as long as the database does not answer. */
static void
update_status_node (ZxWallView *self)
{
  const Geometry *geo = &self->geo;
  g_autofree char *since = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GtkSnapshot *snapshot;
  GskRoundedRect plate;
  double pad;
  double w;
  double h;
  double x;
  double y;

  if (self->lost_since == NULL)
    {
      g_clear_pointer (&self->status_node, gsk_render_node_unref);
      g_clear_pointer (&self->status_key, g_free);
      return;
    }

  since = format_time (self->lost_since, FALSE);
  /* Translators: the status mark of the wall display; %s is a time like 10:32 */
  text = g_strdup_printf (_("● Connection lost since %s"), since);
  if (self->status_node != NULL && g_strcmp0 (text, self->status_key) == 0)
    return;

  layout = make_layout (self, text, geo->unit * 0.6, TEXT_BOLD, -1, 1, PANGO_ALIGN_LEFT);
  pad = geo->unit * 0.45;
  w = layout_width (layout) + 2 * pad;
  h = layout_height (layout) + pad * 0.6;
  x = geo->width - geo->margin - w;
  y = geo->height - geo->footer_h + (geo->footer_h - h) / 2.0;

  snapshot = gtk_snapshot_new ();
  gsk_rounded_rect_init_from_rect (&plate, &GRAPHENE_RECT_INIT (x, y, w, h), h / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &plate);
  append_rect (snapshot, &status_bg, x, y, w, h);
  gtk_snapshot_pop (snapshot);
  append_layout (snapshot, layout, x + pad, y + (h - layout_height (layout)) / 2.0,
                 &status_color);

  g_clear_pointer (&self->status_node, gsk_render_node_unref);
  self->status_node = free_to_node (snapshot);
  g_free (self->status_key);
  self->status_key = g_steal_pointer (&text);
}

static guint
n_pages (ZxWallView *self)
{
  guint rows = MAX (self->geo.rows_per_page, 1);

  return MAX ((n_rows (self) + rows - 1) / rows, 1);
}

static gboolean
is_paging (ZxWallView *self)
{
  return self->mode == ZX_WALL_SCROLL_PAGE && n_pages (self) > 1;
}

/* "Page 2 of 7" in the middle of the footer, in page mode. */
static void
update_page_node (ZxWallView *self)
{
  const Geometry *geo = &self->geo;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GtkSnapshot *snapshot;
  guint shown;

  if (!is_paging (self))
    {
      g_clear_pointer (&self->page_node, gsk_render_node_unref);
      g_clear_pointer (&self->page_key, g_free);
      return;
    }

  /* The page mostly on screen, also while sliding. */
  shown = (guint) floor (self->offset / (geo->rows_per_page * geo->row_h) + 0.5) % n_pages (self);
  /* Translators: on the wall display in page mode */
  text = g_strdup_printf (_("Page %u of %u"), shown + 1, n_pages (self));
  if (self->page_node != NULL && g_strcmp0 (text, self->page_key) == 0)
    return;

  layout = make_layout (self, text, geo->unit * 0.6, TEXT_TABULAR, -1, 1, PANGO_ALIGN_LEFT);
  snapshot = gtk_snapshot_new ();
  append_layout (snapshot, layout, geo->width * 0.72,
                 geo->height - geo->footer_h + (geo->footer_h - layout_height (layout)) / 2.0,
                 &footer_text);
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  self->page_node = free_to_node (snapshot);
  g_free (self->page_key);
  self->page_key = g_steal_pointer (&text);
}

/* The line after the last entry, before the list starts again. */
static GskRenderNode *
build_end_node (ZxWallView *self)
{
  const Geometry *geo = &self->geo;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  double text_w;
  double y;
  double line_w;

  /* Translators: after the last entry on the wall display, before the list repeats */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "End of the list: %u entry",
                                       "End of the list: %u entries", n_rows (self)),
                          n_rows (self));
  layout = make_layout (self, text, sub_size (geo), TEXT_PLAIN, -1, 1, PANGO_ALIGN_LEFT);
  text_w = layout_width (layout);
  y = (geo->row_h - layout_height (layout)) / 2.0;
  append_layout (snapshot, layout, (geo->width - text_w) / 2.0, y, &footer_text);

  line_w = MAX ((geo->width - text_w) / 2.0 - geo->margin - geo->unit, 0);
  append_rect (snapshot, &footer_line, geo->margin, geo->row_h / 2.0, line_w, 1);
  append_rect (snapshot, &footer_line, geo->width - geo->margin - line_w, geo->row_h / 2.0,
               line_w, 1);

  return free_to_node (snapshot);
}

/* In the body when there is nothing to list, or nothing could be read. */
static GskRenderNode *
build_message_node (ZxWallView *self)
{
  const Geometry *geo = &self->geo;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) layout = NULL;
  const char *text;

  if (self->list != NULL)
    text = _("No dishonest judgment debtors are listed at present");
  else if (self->lost_since != NULL)
    text = _("The list cannot be shown at the moment");
  else
    text = "";

  layout = make_layout (self, text, geo->unit * 1.1, TEXT_PLAIN, geo->width - 2 * geo->margin,
                        2, PANGO_ALIGN_CENTER);
  append_layout (snapshot, layout, geo->margin,
                 geo->body_y + (geo->body_h - layout_height (layout)) / 2.0, &sub_color);

  return free_to_node (snapshot);
}

/* ---- motion ----------------------------------------------------------------------------- */

/* The items the body runs through: the rows, then (when scrolling) the end line; in page mode
 * blank slots up to a whole number of pages. */
static guint
n_items (ZxWallView *self)
{
  if (self->mode == ZX_WALL_SCROLL_PAGE)
    return n_pages (self) * MAX (self->geo.rows_per_page, 1);

  return n_rows (self) + 1;
}

static ItemKind
item_kind (ZxWallView *self,
           guint       item)
{
  if (item < n_rows (self))
    return ITEM_ROW;
  return self->mode == ZX_WALL_SCROLL_PAGE ? ITEM_BLANK : ITEM_END;
}

static double
cycle_height (ZxWallView *self)
{
  return (double) n_items (self) * self->geo.row_h;
}

/* Whether the list moves at all: not when it fits on the screen. */
static gboolean
is_scrolling (ZxWallView *self)
{
  if (!self->geo.valid || n_rows (self) == 0)
    return FALSE;
  if (self->mode == ZX_WALL_SCROLL_PAGE)
    return is_paging (self);

  return (double) n_rows (self) * self->geo.row_h > self->geo.body_h;
}

static double
page_height (ZxWallView *self)
{
  return (double) self->geo.rows_per_page * self->geo.row_h;
}

static double
wrap_offset (ZxWallView *self,
             double      offset)
{
  double cycle = cycle_height (self);

  if (cycle <= 0)
    return 0;

  offset = fmod (offset, cycle);
  return offset < 0 ? offset + cycle : offset;
}

static gboolean tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data);
static void     update_motion (ZxWallView *self);

static gboolean
page_timeout_cb (gpointer user_data)
{
  ZxWallView *self = user_data;

  self->page_timeout = 0;
  if (!is_paging (self))
    return G_SOURCE_REMOVE;

  self->sliding = TRUE;
  self->slide_start = 0;  /* set by the first tick */
  self->slide_from = self->page * page_height (self);
  self->slide_to = self->slide_from + page_height (self);
  self->page = (self->page + 1) % n_pages (self);
  update_motion (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_page (ZxWallView *self)
{
  double ms = self->page_seconds * 1000.0 / MAX (self->speed_up, 0.01);

  g_clear_handle_id (&self->page_timeout, g_source_remove);
  self->page_timeout = g_timeout_add ((guint) MAX (ms, 50), page_timeout_cb, self);
}

static void
queue_draw_if_moved (ZxWallView *self)
{
  int px = (int) floor (self->offset);

  if (px != self->drawn_offset)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  ZxWallView *self = ZX_WALL_VIEW (widget);
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  gint64 now = g_get_monotonic_time ();
  gint64 step;

  /* Statistics: the real time between two frames while moving. */
  self->ticks++;
  if (self->last_tick_us != 0)
    {
      gint64 interval = now - self->last_tick_us;

      if (interval > SLOW_FRAME_US)
        self->slow_frames++;
      self->max_interval_us = MAX (self->max_interval_us, interval);
    }
  self->last_tick_us = now;

  step = self->last_frame_time != 0 ? CLAMP (frame_time - self->last_frame_time, 0, MAX_STEP_US)
                                    : 0;
  self->last_frame_time = frame_time;

  if (self->mode == ZX_WALL_SCROLL_SMOOTH)
    {
      self->offset = wrap_offset (self, self->offset
                                          + self->speed * self->speed_up * (double) step / 1e6);
    }
  else if (self->sliding)
    {
      double duration = PAGE_SLIDE_US / MAX (self->speed_up, 0.01);
      double t;

      if (self->slide_start == 0)
        self->slide_start = frame_time;
      t = CLAMP ((frame_time - self->slide_start) / duration, 0.0, 1.0);
      /* Ease out: quick start, gentle stop. */
      t = 1.0 - pow (1.0 - t, 3);
      self->offset = self->slide_from + (self->slide_to - self->slide_from) * t;
      if (t >= 1.0)
        {
          self->sliding = FALSE;
          self->offset = wrap_offset (self, self->slide_to);
          gtk_widget_queue_draw (widget);
          update_motion (self);
          return G_SOURCE_REMOVE;
        }
    }

  queue_draw_if_moved (self);
  return G_SOURCE_CONTINUE;
}

static void
stop_ticking (ZxWallView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  self->last_frame_time = 0;
  self->last_tick_us = 0;
}

/* Starts or stops the tick callback and the page timer for the current state. The tick runs only
 * while something moves: a list that fits on the screen costs no frames. */
static void
update_motion (ZxWallView *self)
{
  gboolean tick = FALSE;

  if (!is_scrolling (self))
    {
      g_clear_handle_id (&self->page_timeout, g_source_remove);
      self->sliding = FALSE;
      self->page = 0;
      self->offset = 0;
    }
  else if (self->mode == ZX_WALL_SCROLL_SMOOTH)
    {
      g_clear_handle_id (&self->page_timeout, g_source_remove);
      tick = TRUE;
    }
  else if (self->sliding)
    {
      tick = TRUE;
    }
  else if (self->page_timeout == 0)
    {
      schedule_page (self);
    }

  if (tick && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
  else if (!tick)
    stop_ticking (self);
}

/* ---- GtkWidget -------------------------------------------------------------------------- */

static void
ensure_nodes (ZxWallView *self)
{
  if (self->chrome_node == NULL)
    self->chrome_node = build_chrome_node (self);
  update_info_node (self);
  update_status_node (self);
  update_page_node (self);
  if (self->end_node == NULL && self->mode == ZX_WALL_SCROLL_SMOOTH)
    self->end_node = build_end_node (self);
  if (self->message_node == NULL && n_rows (self) == 0)
    self->message_node = build_message_node (self);
}

/* Everything that depends on the size, the scale, the columns or the list's chrome. */
static void
invalidate_drawing (ZxWallView *self,
                    gboolean    geometry)
{
  if (geometry)
    {
      self->geo.valid = FALSE;
      drop_row_nodes (self);
    }
  g_clear_pointer (&self->chrome_node, gsk_render_node_unref);
  g_clear_pointer (&self->info_node, gsk_render_node_unref);
  g_clear_pointer (&self->status_node, gsk_render_node_unref);
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  g_clear_pointer (&self->end_node, gsk_render_node_unref);
  g_clear_pointer (&self->message_node, gsk_render_node_unref);
}

/* Lays out the columns and sizes for WIDTH × HEIGHT when they changed (or were invalidated),
 * keeping the scroll position on the same row. */
static void
ensure_geometry (ZxWallView *self,
                 int         width,
                 int         height)
{
  double old_row_h;

  if (width <= 0 || height <= 0)
    return;
  if (self->geo.valid && self->geo.width == width && self->geo.height == height)
    return;

  old_row_h = self->geo.row_h;
  invalidate_drawing (self, TRUE);
  compute_geometry (self, width, height);

  if (self->mode == ZX_WALL_SCROLL_PAGE)
    {
      self->sliding = FALSE;
      self->page = MIN (self->page, n_pages (self) - 1);
      self->offset = self->page * page_height (self);
    }
  else if (old_row_h > 0)
    {
      self->offset = wrap_offset (self, self->offset / old_row_h * self->geo.row_h);
    }
  self->drawn_offset = -1;
  update_motion (self);
}

static gboolean
prefetch_idle_cb (gpointer user_data)
{
  ZxWallView *self = user_data;
  guint items = n_items (self);

  self->prefetch_idle = 0;
  if (!self->geo.valid || items == 0)
    return G_SOURCE_REMOVE;

  for (guint k = 0; k < PREFETCH_ROWS; k++)
    {
      guint item = (self->prefetch_first + k) % items;

      if (item_kind (self, item) == ITEM_ROW)
        get_row_node (self, item);
    }

  return G_SOURCE_REMOVE;
}

/* Lays out the rows about to scroll in between two frames, not in the frame that needs them. */
static void
schedule_prefetch (ZxWallView *self,
                   guint       first)
{
  gboolean needed = FALSE;

  if (!is_scrolling (self))
    return;

  for (guint k = 0; k < PREFETCH_ROWS && !needed; k++)
    {
      guint item = (first + k) % n_items (self);

      needed = item_kind (self, item) == ITEM_ROW
               && g_ptr_array_index (self->row_nodes, item) == NULL;
    }

  self->prefetch_first = first;
  if (needed && self->prefetch_idle == 0)
    self->prefetch_idle = g_idle_add_full (G_PRIORITY_LOW, prefetch_idle_cb, self, NULL);
}

static void
append_items (ZxWallView  *self,
              GtkSnapshot *snapshot)
{
  const Geometry *geo = &self->geo;
  guint items = n_items (self);
  guint rows = n_rows (self);
  int offset = (int) floor (self->offset);
  int clip_h = self->mode == ZX_WALL_SCROLL_PAGE ? geo->rows_per_page * geo->row_h : geo->body_h;
  guint first;
  int y;

  self->drawn_offset = offset;
  first = (guint) (offset / geo->row_h);
  y = geo->body_y + (int) first * geo->row_h - offset;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, geo->body_y, geo->width, clip_h));

  for (guint k = 0; y < geo->body_y + clip_h && k <= items; k++, y += geo->row_h)
    {
      guint item = (first + k) % items;
      GskRenderNode *node = NULL;

      switch (item_kind (self, item))
        {
        case ITEM_ROW:
          node = get_row_node (self, item);
          break;
        case ITEM_END:
          node = self->end_node;
          break;
        case ITEM_BLANK:
        default:
          break;
        }

      if (item % 2 == 1)
        append_rect (snapshot, &stripe_color, 0, y, geo->width, geo->row_h);
      if (node == NULL)
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);

      /* Without a scroll, only the first screenful is ever shown. */
      if (!is_scrolling (self) && item + 1 >= rows)
        break;
    }

  gtk_snapshot_pop (snapshot);

  if (rows > 0)
    {
      trim_row_nodes (self, first % rows, geo->body_h / geo->row_h + 2 + PREFETCH_ROWS);
      schedule_prefetch (self, (first + geo->body_h / geo->row_h + 1) % items);
    }
}

static void
zx_wall_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ZxWallView *self = ZX_WALL_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  ensure_geometry (self, width, height);
  self->frames_drawn++;
  ensure_nodes (self);

  gtk_snapshot_append_node (snapshot, self->chrome_node);
  gtk_snapshot_append_node (snapshot, self->info_node);

  if (n_rows (self) > 0)
    append_items (self, snapshot);
  else
    gtk_snapshot_append_node (snapshot, self->message_node);

  if (self->page_node != NULL)
    gtk_snapshot_append_node (snapshot, self->page_node);
  if (self->status_node != NULL)
    gtk_snapshot_append_node (snapshot, self->status_node);
}

static void
zx_wall_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 360;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1920 : 1080;
}

static void
zx_wall_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  ensure_geometry (ZX_WALL_VIEW (widget), width, height);
}

static void
zx_wall_view_unmap (GtkWidget *widget)
{
  ZxWallView *self = ZX_WALL_VIEW (widget);

  stop_ticking (self);
  GTK_WIDGET_CLASS (zx_wall_view_parent_class)->unmap (widget);
}

static void
zx_wall_view_map (GtkWidget *widget)
{
  ZxWallView *self = ZX_WALL_VIEW (widget);

  GTK_WIDGET_CLASS (zx_wall_view_parent_class)->map (widget);
  update_motion (self);
}

static void
zx_wall_view_dispose (GObject *object)
{
  ZxWallView *self = ZX_WALL_VIEW (object);

  stop_ticking (self);
  g_clear_handle_id (&self->page_timeout, g_source_remove);
  g_clear_handle_id (&self->prefetch_idle, g_source_remove);
  drop_row_nodes (self);
  g_clear_pointer (&self->row_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->list, zx_public_list_unref);
  g_clear_pointer (&self->chrome_node, gsk_render_node_unref);
  g_clear_pointer (&self->info_node, gsk_render_node_unref);
  g_clear_pointer (&self->status_node, gsk_render_node_unref);
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  g_clear_pointer (&self->end_node, gsk_render_node_unref);
  g_clear_pointer (&self->message_node, gsk_render_node_unref);
  g_clear_pointer (&self->checked_at, g_date_time_unref);
  g_clear_pointer (&self->lost_since, g_date_time_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (zx_wall_view_parent_class)->dispose (object);
}

static void
zx_wall_view_finalize (GObject *object)
{
  ZxWallView *self = ZX_WALL_VIEW (object);

  g_strfreev (self->column_ids);
  g_free (self->info_key);
  g_free (self->status_key);
  g_free (self->page_key);

  G_OBJECT_CLASS (zx_wall_view_parent_class)->finalize (object);
}

static void
zx_wall_view_class_init (ZxWallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_wall_view_dispose;
  object_class->finalize = zx_wall_view_finalize;

  widget_class->snapshot = zx_wall_view_snapshot;
  widget_class->measure = zx_wall_view_measure;
  widget_class->size_allocate = zx_wall_view_size_allocate;
  widget_class->map = zx_wall_view_map;
  widget_class->unmap = zx_wall_view_unmap;

  gtk_widget_class_set_css_name (widget_class, "zx-wall-view");
}

static void
zx_wall_view_init (ZxWallView *self)
{
  g_autoptr(ZxWallConfig) config = zx_wall_config_new ();

  self->mode = config->mode;
  self->speed = config->speed;
  self->speed_up = 1.0;
  self->font_scale = config->font_scale;
  self->column_ids = g_strdupv (config->columns);
  self->page_seconds = config->page_seconds;
  self->drawn_offset = -1;
  self->row_nodes = g_ptr_array_new ();
  g_queue_init (&self->built);

  /* A notice, not a control: nothing to click, nothing to focus. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/* ---- public API ------------------------------------------------------------------------- */

GtkWidget *
zx_wall_view_new (void)
{
  return g_object_new (ZX_TYPE_WALL_VIEW, NULL);
}

void
zx_wall_view_set_config (ZxWallView         *self,
                         const ZxWallConfig *config)
{
  g_return_if_fail (ZX_IS_WALL_VIEW (self));
  g_return_if_fail (config != NULL);

  self->mode = config->mode;
  self->speed = config->speed;
  self->font_scale = config->font_scale;
  self->page_seconds = config->page_seconds;
  g_strfreev (self->column_ids);
  self->column_ids = g_strdupv (config->columns);

  self->offset = 0;
  self->page = 0;
  self->sliding = FALSE;
  g_clear_handle_id (&self->page_timeout, g_source_remove);
  invalidate_drawing (self, TRUE);
  update_motion (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
zx_wall_view_set_speed_up (ZxWallView *self,
                           double      speed_up)
{
  g_return_if_fail (ZX_IS_WALL_VIEW (self));
  g_return_if_fail (speed_up >= 0);

  self->speed_up = speed_up;
}

/* The item the top of the body shows: the row index and how far it has scrolled out. Returns
 * FALSE when the top shows the end line (or nothing). */
static gboolean
top_row (ZxWallView *self,
         guint      *out_index,
         double     *out_delta)
{
  double row_h = self->geo.valid ? self->geo.row_h : 0;
  guint item;

  if (row_h <= 0 || n_rows (self) == 0)
    return FALSE;

  item = (guint) (self->offset / row_h);
  *out_delta = self->offset - item * row_h;
  if (self->mode == ZX_WALL_SCROLL_PAGE)
    {
      item = self->page * self->geo.rows_per_page;
      *out_delta = 0;
    }
  *out_index = item;

  return item < n_rows (self);
}

void
zx_wall_view_set_list (ZxWallView   *self,
                       ZxPublicList *list)
{
  g_autoptr(ZxPublicList) old = NULL;
  g_autoptr(GPtrArray) old_nodes = NULL;
  g_autoptr(GHashTable) old_index = NULL;
  g_autoptr(GHashTable) new_index = NULL;
  gboolean at_end = FALSE;
  gboolean anchored = FALSE;
  gboolean court_changed;
  guint anchor_row = 0;
  double delta = 0;
  guint n_new;

  g_return_if_fail (ZX_IS_WALL_VIEW (self));

  if (list == self->list)
    return;

  /* Finish a page slide first: the position is then a whole page. */
  if (self->sliding)
    {
      self->sliding = FALSE;
      self->offset = wrap_offset (self, self->slide_to);
    }

  if (!top_row (self, &anchor_row, &delta))
    at_end = self->list != NULL && n_rows (self) > 0 && self->geo.valid;

  court_changed = list == NULL || self->list == NULL
                  || g_strcmp0 (list->court_name, self->list->court_name) != 0;

  old = g_steal_pointer (&self->list);
  old_nodes = g_steal_pointer (&self->row_nodes);
  g_queue_clear (&self->built);
  self->list = list != NULL ? zx_public_list_ref (list) : NULL;
  n_new = n_rows (self);

  /* Nodes of rows that did not change are kept. */
  self->row_nodes = g_ptr_array_new ();
  g_ptr_array_set_size (self->row_nodes, n_new);
  new_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_new; i++)
    {
      ZxPublicListRow *row = g_ptr_array_index (self->list->rows, i);

      g_hash_table_insert (new_index, &row->entry_id, GUINT_TO_POINTER (i + 1));
    }
  if (old != NULL)
    {
      for (guint j = 0; j < old->rows->len; j++)
        {
          ZxPublicListRow *before = g_ptr_array_index (old->rows, j);
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (new_index, &before->entry_id));
          ZxPublicListRow *after;

          if (i == 0 || g_ptr_array_index (old_nodes, j) == NULL)
            continue;
          after = g_ptr_array_index (self->list->rows, i - 1);
          if (!zx_public_entry_equal (before->entry, after->entry))
            continue;
          g_ptr_array_index (self->row_nodes, i - 1) = g_steal_pointer (&g_ptr_array_index
                                                                          (old_nodes, j));
          g_queue_push_tail (&self->built, GUINT_TO_POINTER (i - 1));
        }
      for (guint j = 0; j < old_nodes->len; j++)
        g_clear_pointer (&g_ptr_array_index (old_nodes, j), gsk_render_node_unref);
    }

  /* Keep the row at the top where it is: the first row at or after it that is still listed. */
  if (old != NULL && !at_end && old->rows->len > 0)
    {
      for (guint k = 0; k < old->rows->len && !anchored; k++)
        {
          ZxPublicListRow *before = g_ptr_array_index (old->rows,
                                                       (anchor_row + k) % old->rows->len);
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (new_index, &before->entry_id));

          if (i == 0)
            continue;
          anchored = TRUE;
          anchor_row = i - 1;
          if (k > 0)
            delta = 0;
        }
    }

  if (self->geo.valid)
    {
      if (self->mode == ZX_WALL_SCROLL_PAGE)
        {
          self->page = anchored ? anchor_row / self->geo.rows_per_page : 0;
          self->page = MIN (self->page, n_pages (self) - 1);
          self->offset = self->page * page_height (self);
        }
      else if (at_end)
        self->offset = n_new * (double) self->geo.row_h + delta;
      else if (anchored)
        self->offset = anchor_row * (double) self->geo.row_h + delta;
      else
        self->offset = 0;
      self->offset = wrap_offset (self, self->offset);
    }

  if (court_changed)
    g_clear_pointer (&self->chrome_node, gsk_render_node_unref);
  g_clear_pointer (&self->end_node, gsk_render_node_unref);
  g_clear_pointer (&self->message_node, gsk_render_node_unref);
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  self->drawn_offset = -1;

  update_motion (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

ZxPublicList *
zx_wall_view_get_list (ZxWallView *self)
{
  g_return_val_if_fail (ZX_IS_WALL_VIEW (self), NULL);

  return self->list;
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

static void
replace_time (GDateTime **slot,
              GDateTime  *time)
{
  g_clear_pointer (slot, g_date_time_unref);
  if (time != NULL)
    *slot = g_date_time_ref (time);
}

void
zx_wall_view_set_status (ZxWallView *self,
                         GDateTime  *checked_at,
                         GDateTime  *lost_since)
{
  gboolean lost_changed;

  g_return_if_fail (ZX_IS_WALL_VIEW (self));

  lost_changed = (lost_since == NULL) != (self->lost_since == NULL);
  if (same_time (checked_at, self->checked_at) && same_time (lost_since, self->lost_since))
    return;

  replace_time (&self->checked_at, checked_at);
  replace_time (&self->lost_since, lost_since);
  if (lost_changed)
    g_clear_pointer (&self->message_node, gsk_render_node_unref);

  /* The nodes are remade in the next frame only if their text changed. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
zx_wall_view_get_status_shown (ZxWallView *self)
{
  g_return_val_if_fail (ZX_IS_WALL_VIEW (self), FALSE);

  return self->lost_since != NULL;
}

void
zx_wall_view_get_stats (ZxWallView      *self,
                        ZxWallViewStats *stats)
{
  g_return_if_fail (ZX_IS_WALL_VIEW (self));
  g_return_if_fail (stats != NULL);

  stats->frames_drawn = self->frames_drawn;
  stats->ticks = self->ticks;
  stats->slow_frames = self->slow_frames;
  stats->max_interval_us = self->max_interval_us;
  stats->rows_laid_out = self->rows_laid_out;
}
