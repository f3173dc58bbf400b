/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "io/zx-csv.h"
#include "stats/zx-public-list.h"
#include "zx-test-util.h"

/* `zhixingctl export blacklist --public FILE.pdf`: the printable notice of the public list on a
 * 1,500-case demo database. Read back with poppler's pdfinfo/pdftotext: more than one page, each
 * with the column headings and "Page N of M"; the court, the title and every shown ID of the CSV
 * export of the same list in the text, each on exactly one page (rows are never split); no
 * 18-digit person ID in the clear. An empty list gives one page saying so. */

#define TODAY "2026-11-28"

static char *dir;
static char *db_path;
static char *pdftotext;
static char *pdfinfo;

static void
run_ok (const char *const *argv, char **out)
{
  g_autofree char *err = NULL;
  int status = zx_test_spawn (argv, out, &err);

  if (status != 0)
    g_error ("%s exited %d: %s", argv[0], status, err);
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { pdfinfo, pdf, NULL };
  g_autofree char *out = NULL;
  const char *pages;

  run_ok (argv, &out);
  pages = strstr (out, "\nPages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* The text of page PAGE (1-based), or of all pages when PAGE is 0. */
static char *
pdf_text (const char *pdf, guint page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *all[] = { pdftotext, "-layout", pdf, "-", NULL };
  const char *one[] = { pdftotext, "-layout", "-f", first, "-l", first, pdf, "-", NULL };
  char *out = NULL;

  run_ok (page == 0 ? all : one, &out);
  return out;
}

static guint
count_occurrences (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_notice (void)
{
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *pdf_upper = g_build_filename (dir, "OUT.PDF", NULL);
  const char *export_pdf[] = { zx_test_ctl (), "--db", db_path, "--today", TODAY, "export",
                               "blacklist", "--public", pdf, NULL };
  const char *export_upper[] = { zx_test_ctl (), "--db", db_path, "--today", TODAY, "export",
                                 "blacklist", "--public", pdf_upper, NULL };
  const char *export_csv[] = { zx_test_ctl (), "--db", db_path, "--today", TODAY, "export",
                               "blacklist", "--public", "-", NULL };
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr (ZxCsvReader) reader = NULL;
  g_autoptr (GPtrArray) header = NULL;
  g_autoptr (GPtrArray) page_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  g_autoptr (ZxPublicList) list = NULL;
  g_autoptr (GRegex) id18 = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GBytes) upper = NULL;
  GPtrArray *fields = NULL;
  int id_col = -1;
  int kind_col = -1;
  guint line;
  guint n_rows = 0;
  guint n_pages;
  gint64 started;

  store = zx_store_open (db_path, ZX_STORE_OPEN_VIEWER, &error);
  g_assert_no_error (error);
  list = zx_public_list_load (store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (list->court_name, !=, "");

  started = g_get_monotonic_time ();
  run_ok (export_pdf, NULL);
  g_test_message ("%u entries → PDF in %.0f ms", list->rows->len,
                  (g_get_monotonic_time () - started) / 1000.0);
  n_pages = pdf_pages (pdf);
  g_test_message ("%u pages", n_pages);
  /* A row takes 2 to 11 text lines of 7.5 pt: 4 to ~40 rows on a page. */
  g_assert_cmpuint (list->rows->len, >, 40);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (n_pages, >=, (list->rows->len + 39) / 40);
  g_assert_cmpuint (n_pages, <=, list->rows->len / 4 + 1);

  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, list->court_name));
  g_assert_nonnull (strstr (text, "List of Dishonest Judgment Debtors"));
  g_assert_nonnull (strstr (text, "最高人民法院关于公布失信被执行人名单信息的若干规定"));
  g_assert_nonnull (strstr (text, "As of " TODAY));
  for (guint p = 1; p <= n_pages; p++)
    {
      char *page_text = pdf_text (pdf, p);
      g_autofree char *page_no = g_strdup_printf ("Page %u of %u", p, n_pages);

      g_assert_nonnull (strstr (page_text, page_no));
      g_assert_nonnull (strstr (page_text, "Case number"));
      g_assert_nonnull (strstr (page_text, "Dishonest conduct"));
      g_ptr_array_add (page_texts, page_text);
    }

  /* Every shown ID of the CSV export, whole, on exactly one page. */
  run_ok (export_csv, &csv);
  reader = zx_csv_reader_new (csv, strlen (csv));
  g_assert_true (zx_csv_reader_next (reader, &header, &line, &error));
  for (guint c = 0; c < header->len; c++)
    {
      if (g_str_equal (g_ptr_array_index (header, c), "id_no"))
        id_col = c;
      else if (g_str_equal (g_ptr_array_index (header, c), "kind"))
        kind_col = c;
    }
  g_assert_cmpint (id_col, >=, 0);
  g_assert_cmpint (kind_col, >=, 0);
  while (zx_csv_reader_next (reader, &fields, &line, &error))
    {
      const char *id = g_ptr_array_index (fields, id_col);
      guint on_pages = 0;

      g_assert_cmpstr (id, !=, "");
      for (guint p = 0; p < page_texts->len; p++)
        on_pages += count_occurrences (g_ptr_array_index (page_texts, p), id) > 0;
      if (on_pages != 1)
        g_error ("%s is on %u pages of the notice", id, on_pages);
      if (!g_str_equal (g_ptr_array_index (fields, kind_col), "person"))
        g_hash_table_add (codes, g_strdup (id));
      else
        g_assert_nonnull (strstr (id, "****"));
      g_clear_pointer (&fields, g_ptr_array_unref);
      n_rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, list->rows->len);
  g_assert_cmpuint (g_hash_table_size (codes), >, 0);

  /* No person's ID in the clear: an 18-character run of digits (last one maybe X) is an
   * entity's credit code or nothing. */
  id18 = g_regex_new ("(?<![0-9A-Z])[0-9]{17}[0-9X](?![0-9A-Z])", 0, 0, &error);
  g_assert_no_error (error);
  g_regex_match (id18, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *run = g_match_info_fetch (match, 0);

      if (!g_hash_table_contains (codes, run))
        g_error ("unmasked ID %s in the notice", run);
      g_match_info_next (match, NULL);
    }

  /* The suffix is matched whatever its case. */
  run_ok (export_upper, NULL);
  upper = zx_test_read_file (pdf_upper);
  g_assert_cmpuint (g_bytes_get_size (upper), >, 4);
  g_assert_cmpmem (g_bytes_get_data (upper, NULL), 4, "%PDF", 4);
}

static void
test_empty (void)
{
  g_autofree char *pdf = g_build_filename (dir, "empty.pdf", NULL);
  const char *export_pdf[] = { zx_test_ctl (), "--db", NULL, "--today", TODAY, "export",
                               "blacklist", "--public", pdf, NULL };
  g_autofree char *empty_db = NULL;
  g_autofree char *text = NULL;

  zx_test_create_db (dir, "empty.db");
  empty_db = g_build_filename (dir, "empty.db", NULL);
  export_pdf[2] = empty_db;
  run_ok (export_pdf, NULL);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "List of Dishonest Judgment Debtors"));
  g_assert_nonnull (strstr (text, "There are no published entries"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

int
main (int argc, char **argv)
{
  const char *init[] = { NULL, "--db", NULL, "init", NULL };
  /* A fixed "today": the demo data, and so the list, depend on it. */
  const char *demo[] = { NULL, "--db", NULL, "--today", TODAY, "demo", "--cases", "1500",
                         "--seed", "4", NULL };
  int status;

  g_test_init (&argc, &argv, NULL);
  pdftotext = g_find_program_in_path ("pdftotext");
  pdfinfo = g_find_program_in_path ("pdfinfo");
  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_printerr ("pdftotext/pdfinfo (poppler-utils) not found: skipped\n");
      return 77;
    }

  dir = zx_test_tmpdir_new ();
  db_path = g_build_filename (dir, "demo.db", NULL);
  init[0] = demo[0] = zx_test_ctl ();
  init[2] = demo[2] = db_path;
  run_ok (init, NULL);
  run_ok (demo, NULL);

  g_test_add_func ("/public-notice/pdf", test_notice);
  g_test_add_func ("/public-notice/empty", test_empty);
  status = g_test_run ();

  zx_test_tmpdir_free (dir);
  g_free (db_path);
  g_free (pdftotext);
  g_free (pdfinfo);
  return status;
}
