/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-reports"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "stats/zx-public-list.h"
#include "zx-error.h"
#include "zx-public-notice.h"

/* The notice is laid out in two passes: every row's cells are laid out and measured first, the
 * rows are then cut into pages (a row never straddles a page break), and only then drawn, so
 * "page N of M" is known on the first page. Units are PDF points; the Pango context runs at
 * 72 dpi so a 9 pt font is 9 units high. */

#define PAGE_WIDTH     595.0  /* A4 */
#define PAGE_HEIGHT    842.0
#define MARGIN_X       36.0
#define MARGIN_TOP     40.0
#define MARGIN_BOTTOM  32.0
#define CELL_PAD_X     3.0
#define CELL_PAD_Y     3.0
#define TABLE_FONT     7.5
#define CONDUCT_LINES  10     /* longer descriptions end in an ellipsis */
#define FONT_FAMILY    "Noto Sans CJK SC"
#define LEGAL_BASIS    "《最高人民法院关于公布失信被执行人名单信息的若干规定》"

enum
{
  COL_NAME,
  COL_SEX_AGE,
  COL_ID,
  COL_CASE,
  COL_AMOUNT,
  COL_CONDUCT,
  COL_PUBLISHED,
  N_COLUMNS
};

static const struct
{
  const char     *title;
  double          width;
  PangoAlignment  align;
} columns[N_COLUMNS] = {
  [COL_NAME] = { N_("Name / legal representative"), 80, PANGO_ALIGN_LEFT },
  [COL_SEX_AGE] = { N_("Sex / age"), 40, PANGO_ALIGN_CENTER },
  /* Wide enough for an 18-character credit code of wide letters (M, W) on one line. */
  [COL_ID] = { N_("ID number / credit code"), 102, PANGO_ALIGN_LEFT },
  [COL_CASE] = { N_("Case number"), 92, PANGO_ALIGN_LEFT },
  [COL_AMOUNT] = { N_("Unperformed (yuan)"), 56, PANGO_ALIGN_RIGHT },
  [COL_CONDUCT] = { N_("Dishonest conduct"), 103, PANGO_ALIGN_LEFT },
  [COL_PUBLISHED] = { N_("Published"), 50, PANGO_ALIGN_CENTER },
};

typedef struct
{
  PangoLayout *cells[N_COLUMNS];
  double       height;
} Row;

typedef struct
{
  GOutputStream *out;
  GError        *error;
} StreamClosure;

static cairo_status_t
write_to_stream (void *data, const unsigned char *bytes, unsigned int length)
{
  StreamClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->out, bytes, length, NULL, NULL, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* TEXT in the notice's font at SIZE points, wrapped to WIDTH (no wrapping when WIDTH <= 0). */
static PangoLayout *
make_layout (PangoContext *context, const char *text, double size, gboolean bold,
             double width, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static void
show_layout_at (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
make_row (PangoContext *context, const ZxPublicEntry *entry, Row *row)
{
  g_autofree char *name = NULL;
  g_autofree char *sex_age = NULL;
  g_autofree char *amount = zx_public_format_yuan (zx_public_entry_unperformed (entry), TRUE);
  const char *text[N_COLUMNS];

  if (entry->is_person)
    {
      g_autofree char *age = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year",
                                                           "%d years", entry->age),
                                              entry->age);

      name = g_strdup (entry->name);
      sex_age = g_strdup_printf ("%s\n%s", entry->sex == 'F' ? _("Female") : _("Male"), age);
    }
  else
    {
      if (entry->legal_rep[0] != '\0')
        {
          g_autofree char *rep = g_strdup_printf (_("Legal representative: %s"),
                                                  entry->legal_rep);

          name = g_strdup_printf ("%s\n%s", entry->name, rep);
        }
      else
        name = g_strdup (entry->name);
      sex_age = g_strdup ("—");
    }

  text[COL_NAME] = name;
  text[COL_SEX_AGE] = sex_age;
  text[COL_ID] = entry->id_shown;
  text[COL_CASE] = entry->case_no;
  text[COL_AMOUNT] = amount;
  text[COL_CONDUCT] = entry->conduct;
  text[COL_PUBLISHED] = entry->published_on;

  row->height = 0;
  for (int c = 0; c < N_COLUMNS; c++)
    {
      row->cells[c] = make_layout (context, text[c], TABLE_FONT, FALSE,
                                   columns[c].width - 2 * CELL_PAD_X, columns[c].align);
      if (c == COL_CONDUCT)
        {
          pango_layout_set_height (row->cells[c], -CONDUCT_LINES);
          pango_layout_set_ellipsize (row->cells[c], PANGO_ELLIPSIZE_END);
        }
      row->height = MAX (row->height, layout_height (row->cells[c]));
    }
  row->height += 2 * CELL_PAD_Y;
}

static void
clear_row (Row *row)
{
  for (int c = 0; c < N_COLUMNS; c++)
    g_clear_object (&row->cells[c]);
}

/* The pieces that are the same on every page, laid out once. */
typedef struct
{
  PangoLayout *court;          /* page 1: court name, NULL when unset */
  PangoLayout *title;          /* page 1 */
  PangoLayout *as_of;          /* page 1: date and count */
  PangoLayout *running;        /* later pages: court and title */
  PangoLayout *running_as_of;  /* later pages, right aligned */
  PangoLayout *headings[N_COLUMNS];
  PangoLayout *basis;
  double       first_header_height;
  double       running_header_height;
  double       headings_height;
  double       footer_height;
} Frame;

static void
frame_init (Frame *frame, PangoContext *context, const ZxPublicList *list)
{
  const double width = PAGE_WIDTH - 2 * MARGIN_X;
  const char *title = _("List of Dishonest Judgment Debtors");
  guint n = list->rows->len;
  g_autofree char *as_of = g_strdup_printf (_("As of %s"), list->today);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                         "%u entries", n),
                                            n);
  g_autofree char *as_of_count = g_strdup_printf ("%s    %s", as_of, count);
  g_autofree char *running = NULL;
  g_autofree char *basis = g_strdup_printf (_("Published in accordance with %s."),
                                            LEGAL_BASIS);

  frame->first_header_height = 0;
  if (list->court_name[0] != '\0')
    {
      frame->court = make_layout (context, list->court_name, 13, TRUE, width,
                                  PANGO_ALIGN_CENTER);
      frame->first_header_height += layout_height (frame->court) + 4;
      running = g_strdup_printf ("%s  %s", list->court_name, title);
    }
  else
    running = g_strdup (title);
  frame->title = make_layout (context, title, 20, TRUE, width, PANGO_ALIGN_CENTER);
  frame->as_of = make_layout (context, as_of_count, 9, FALSE, width, PANGO_ALIGN_CENTER);
  frame->first_header_height += layout_height (frame->title) + 4
                                + layout_height (frame->as_of) + 12;

  frame->running = make_layout (context, running, 8, FALSE, width * 0.7, PANGO_ALIGN_LEFT);
  frame->running_as_of = make_layout (context, as_of, 8, FALSE, width * 0.3, PANGO_ALIGN_RIGHT);
  frame->running_header_height = MAX (layout_height (frame->running),
                                      layout_height (frame->running_as_of)) + 10;

  frame->headings_height = 0;
  for (int c = 0; c < N_COLUMNS; c++)
    {
      frame->headings[c] = make_layout (context, _(columns[c].title), TABLE_FONT, TRUE,
                                        columns[c].width - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER);
      frame->headings_height = MAX (frame->headings_height,
                                    layout_height (frame->headings[c]));
    }
  frame->headings_height += 2 * CELL_PAD_Y;

  frame->basis = make_layout (context, basis, 7, FALSE, width, PANGO_ALIGN_CENTER);
  /* rule, basis, page number (same height as the basis line) */
  frame->footer_height = 6 + 2 * layout_height (frame->basis) + 2;
}

static void
frame_clear (Frame *frame)
{
  g_clear_object (&frame->court);
  g_clear_object (&frame->title);
  g_clear_object (&frame->as_of);
  g_clear_object (&frame->running);
  g_clear_object (&frame->running_as_of);
  for (int c = 0; c < N_COLUMNS; c++)
    g_clear_object (&frame->headings[c]);
  g_clear_object (&frame->basis);
}

static double
draw_header (cairo_t *cr, const Frame *frame, guint page)
{
  double y = MARGIN_TOP;

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    {
      if (frame->court != NULL)
        {
          show_layout_at (cr, frame->court, MARGIN_X, y);
          y += layout_height (frame->court) + 4;
        }
      show_layout_at (cr, frame->title, MARGIN_X, y);
      y += layout_height (frame->title) + 4;
      show_layout_at (cr, frame->as_of, MARGIN_X, y);
      y += layout_height (frame->as_of) + 12;
      return y;
    }

  show_layout_at (cr, frame->running, MARGIN_X, y);
  show_layout_at (cr, frame->running_as_of, MARGIN_X + (PAGE_WIDTH - 2 * MARGIN_X) * 0.7, y);
  y += MAX (layout_height (frame->running), layout_height (frame->running_as_of)) + 3;
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN_X, y);
  cairo_stroke (cr);
  return MARGIN_TOP + frame->running_header_height;
}

static void
draw_footer (cairo_t *cr, PangoContext *context, const Frame *frame, guint page, guint n_pages)
{
  const double width = PAGE_WIDTH - 2 * MARGIN_X;
  double y = PAGE_HEIGHT - MARGIN_BOTTOM - frame->footer_height;
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  g_autoptr (PangoLayout) number = make_layout (context, text, 7, FALSE, width,
                                                PANGO_ALIGN_CENTER);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN_X, y);
  cairo_stroke (cr);
  y += 6;
  show_layout_at (cr, frame->basis, MARGIN_X, y);
  y += layout_height (frame->basis) + 2;
  show_layout_at (cr, number, MARGIN_X, y);
}

/* Column rules and the outer border of a table part from TOP to BOTTOM. */
static void
draw_grid (cairo_t *cr, double top, double bottom)
{
  double x = MARGIN_X;

  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.4);
  for (int c = 0; c < N_COLUMNS - 1; c++)
    {
      x += columns[c].width;
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, MARGIN_X, top, PAGE_WIDTH - 2 * MARGIN_X, bottom - top);
  cairo_stroke (cr);
}

static double
draw_headings (cairo_t *cr, const Frame *frame, double y)
{
  double x = MARGIN_X;

  cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
  cairo_rectangle (cr, MARGIN_X, y, PAGE_WIDTH - 2 * MARGIN_X, frame->headings_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      double h = layout_height (frame->headings[c]);

      show_layout_at (cr, frame->headings[c], x + CELL_PAD_X,
                      y + (frame->headings_height - h) / 2);
      x += columns[c].width;
    }
  y += frame->headings_height;
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN_X, y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN_X, y);
  cairo_stroke (cr);
  return y;
}

static void
draw_row (cairo_t *cr, const Row *row, gboolean shaded, double y, gboolean last)
{
  double x = MARGIN_X;

  if (shaded)
    {
      cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
      cairo_rectangle (cr, MARGIN_X, y, PAGE_WIDTH - 2 * MARGIN_X, row->height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      show_layout_at (cr, row->cells[c], x + CELL_PAD_X, y + CELL_PAD_Y);
      x += columns[c].width;
    }
  if (!last)
    {
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.3);
      cairo_move_to (cr, MARGIN_X, y + row->height);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN_X, y + row->height);
      cairo_stroke (cr);
    }
}

gboolean
zx_public_notice_write_pdf (ZxStore *store, const char *today, const char *path,
                            GError **error)
{
  g_autoptr (ZxPublicList) list = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GCancellable) abandon = NULL;
  PangoContext *context = NULL;
  g_autoptr (GArray) page_starts = NULL;  /* guint: first row of each page */
  g_autofree Row *rows = NULL;
  StreamClosure closure = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_font_options_t *options;
  cairo_status_t status;
  Frame frame = { 0 };
  gint64 started = g_get_monotonic_time ();
  guint n;
  double first_space;
  double space;
  double used = 0;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  list = zx_public_list_load (store, today, error);
  if (list == NULL)
    return FALSE;
  n = list->rows->len;

  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  closure.out = G_OUTPUT_STREAM (out);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &closure,
                                                 PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("List of Dishonest Judgment Debtors"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Zhixing");
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_context_set_round_glyph_positions (context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  /* Pass 1: lay out and measure everything, cut the rows into pages. */
  frame_init (&frame, context, list);
  first_space = PAGE_HEIGHT - MARGIN_BOTTOM - frame.footer_height - 4
                - (MARGIN_TOP + frame.first_header_height + frame.headings_height);
  space = PAGE_HEIGHT - MARGIN_BOTTOM - frame.footer_height - 4
          - (MARGIN_TOP + frame.running_header_height + frame.headings_height);
  rows = g_new0 (Row, MAX (n, 1));
  page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (page_starts, (guint) { 0 });
  for (guint i = 0; i < n; i++)
    {
      const ZxPublicListRow *list_row = g_ptr_array_index (list->rows, i);
      double room = page_starts->len == 1 ? first_space : space;

      make_row (context, list_row->entry, &rows[i]);
      if (used > 0 && used + rows[i].height > room)
        {
          g_array_append_val (page_starts, i);
          used = 0;
        }
      used += rows[i].height;
    }

  /* Pass 2: draw. */
  for (guint p = 0; p < page_starts->len; p++)
    {
      guint first = g_array_index (page_starts, guint, p);
      guint end = p + 1 < page_starts->len ? g_array_index (page_starts, guint, p + 1) : n;
      double y = draw_header (cr, &frame, p);

      if (n == 0)
        {
          g_autoptr (PangoLayout) none = make_layout (
              context, _("There are no published entries on the list."), 11, FALSE,
              PAGE_WIDTH - 2 * MARGIN_X, PANGO_ALIGN_CENTER);

          cairo_set_source_rgb (cr, 0, 0, 0);
          show_layout_at (cr, none, MARGIN_X, y + 40);
        }
      else
        {
          double top = y;

          y = draw_headings (cr, &frame, y);
          for (guint i = first; i < end; i++)
            {
              draw_row (cr, &rows[i], (i - first) % 2 == 1, y, i + 1 == end);
              y += rows[i].height;
              clear_row (&rows[i]);
            }
          draw_grid (cr, top, y);
        }
      draw_footer (cr, context, &frame, p, page_starts->len);
      cairo_show_page (cr);
    }

  frame_clear (&frame);
  g_clear_object (&context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      /* Leave whatever was at PATH as it was. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      if (closure.error != NULL)
        g_propagate_error (error, closure.error);
      else
        g_set_error (error, ZX_ERROR, ZX_ERROR_IO, _("Could not write the notice: %s"),
                     cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    return FALSE;

  g_debug ("public notice: %u entries, %u pages, %.0f ms", n, page_starts->len,
           (g_get_monotonic_time () - started) / 1000.0);
  return TRUE;
}
