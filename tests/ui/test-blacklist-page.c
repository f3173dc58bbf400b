/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Blacklist page, in-process under Xvfb, on a 600-case demo database (seed 6):
 * - as many rows as blacklist_entries; the "published" filter matches SQL;
 * - publishing a decided entry as a clerk changes its state and adds an audit row;
 * - the same as an officer is refused: the DENIED message is shown, nothing changes;
 * - the preview of a removed entry says it is not shown to the public;
 * - the public CSV export writes the published list. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "ui-test-util.h"
#include "pages/zx-blacklist-page.h"

#define TODAY "2026-06-15"

static char *test_dir;
static char *test_db;

static ZxStore *
open_store (const char *actor)
{
  g_autoptr(GError) error = NULL;
  ZxStore *store = zx_store_open (test_db, ZX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  if (actor != NULL)
    zx_store_set_actor (store, actor);

  return store;
}

static char *
sql_text (ZxStore    *store,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (zx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gint64
sql_int (ZxStore    *store,
         const char *sql)
{
  g_autofree char *text = sql_text (store, sql);

  g_assert_nonnull (text);

  return g_ascii_strtoll (text, NULL, 10);
}

static ZxBlacklistPage *
make_page (ZxStore    *store,
           GtkWindow **out_window)
{
  GtkWidget *window = gtk_window_new ();
  ZxBlacklistPage *page = ZX_BLACKLIST_PAGE (zx_blacklist_page_new ());

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  zx_blacklist_page_set_today (page, TODAY);
  zx_blacklist_page_set_store (page, store);
  gtk_window_present (GTK_WINDOW (window));
  *out_window = GTK_WINDOW (window);

  return page;
}

static void
test_rows_and_filter (void)
{
  g_autoptr(ZxStore) store = open_store (NULL);
  GtkWindow *window;
  ZxBlacklistPage *page = make_page (store, &window);

  g_assert_cmpint (g_list_model_get_n_items (zx_blacklist_page_get_model (page)), ==,
                   sql_int (store, "SELECT count(*) FROM blacklist_entries"));
  g_assert_cmpint (g_list_model_get_n_items (zx_blacklist_page_get_model (page)), >, 0);

  zx_blacklist_page_set_state_filter (page, "published");
  g_assert_cmpint (g_list_model_get_n_items (zx_blacklist_page_get_model (page)), ==,
                   sql_int (store, "SELECT count(*) FROM blacklist_entries"
                                   " WHERE state = 'published'"));
  g_assert_cmpint (g_list_model_get_n_items (zx_blacklist_page_get_model (page)), <,
                   sql_int (store, "SELECT count(*) FROM blacklist_entries"));

  zx_blacklist_page_set_state_filter (page, NULL);
  g_assert_cmpint (g_list_model_get_n_items (zx_blacklist_page_get_model (page)), ==,
                   sql_int (store, "SELECT count(*) FROM blacklist_entries"));

  gtk_window_destroy (window);
}

/* The demo has published and removed entries only: make one published entry decided again
 * (test fixture, straight in SQL) so that it can be published. Returns its id. */
static gint64
make_decided_entry (ZxStore *store)
{
  gint64 id = sql_int (store, "SELECT id FROM blacklist_entries WHERE state = 'published'"
                              " AND period_end IS NULL ORDER BY id LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("UPDATE blacklist_entries SET state = 'decided',"
                                          " published_on = NULL, grace_until = NULL,"
                                          " decided_on = '2026-06-01'"
                                          " WHERE id = %" G_GINT64_FORMAT, id);

  g_assert_cmpint (sqlite3_exec (zx_store_get_db (store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);

  return id;
}

static void
test_publish (void)
{
  g_autoptr(ZxStore) setup = open_store (NULL);
  g_autofree char *clerk = sql_text (setup, "SELECT login FROM staff WHERE role = 'clerk'"
                                            " AND active = 1 AND login IS NOT NULL"
                                            " ORDER BY id LIMIT 1");
  g_autofree char *officer = sql_text (setup, "SELECT login FROM staff WHERE role = 'officer'"
                                              " AND active = 1 AND login IS NOT NULL"
                                              " ORDER BY id LIMIT 1");
  gint64 id = make_decided_entry (setup);
  g_autofree char *state_sql = g_strdup_printf ("SELECT state FROM blacklist_entries"
                                                " WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *version_sql = g_strdup_printf ("SELECT version FROM blacklist_entries"
                                                  " WHERE id = %" G_GINT64_FORMAT, id);
  ZxBlacklistRequest request = { ZX_BLACKLIST_PUBLISH, TODAY };
  gint64 audit_rows = sql_int (setup, "SELECT count(*) FROM audit");
  gint64 version = sql_int (setup, version_sql);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  GtkWindow *window;
  ZxBlacklistPage *page;

  g_assert_nonnull (clerk);
  g_assert_nonnull (officer);

  /* An officer may not publish: refused, shown, nothing changed. */
  {
    g_autoptr(ZxStore) store = open_store (officer);

    page = make_page (store, &window);
    g_assert_true (zx_blacklist_page_select_entry (page, id));
    g_assert_false (zx_blacklist_page_run_action (page, &request, &error));
    g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
    g_assert_cmpstr (zx_blacklist_page_get_message (page), ==, error->message);
    g_test_message ("officer: %s", error->message);
    g_clear_error (&error);
    state = sql_text (setup, state_sql);
    g_assert_cmpstr (state, ==, "decided");
    g_clear_pointer (&state, g_free);
    g_assert_cmpint (sql_int (setup, version_sql), ==, version);
    g_assert_cmpint (sql_int (setup, "SELECT count(*) FROM audit"), ==, audit_rows);
    gtk_window_destroy (window);
  }

  /* A clerk publishes it. */
  {
    g_autoptr(ZxStore) store = open_store (clerk);

    page = make_page (store, &window);
    g_assert_true (zx_blacklist_page_select_entry (page, id));
    g_assert_true (g_str_has_prefix (zx_blacklist_page_get_preview (page),
                                     _("Not shown to the public: ")));
    zx_blacklist_page_run_action (page, &request, &error);
    g_assert_no_error (error);
    state = sql_text (setup, state_sql);
    g_assert_cmpstr (state, ==, "published");
    g_assert_cmpint (sql_int (setup, "SELECT count(*) FROM audit"), >, audit_rows);
    g_assert_cmpint (sql_int (setup, "SELECT count(*) FROM audit WHERE entity ="
                                     " 'blacklist_entries' AND seq > 0 AND entity_id = "
                                     "(SELECT max(entity_id) FROM audit WHERE seq = "
                                     "(SELECT max(seq) FROM audit))"), >, 0);
    /* The page reloaded: the row shows the new state, the preview shows the entry. */
    g_assert_cmpint (zx_blacklist_page_get_selected_id (page), ==, id);
    g_assert_false (g_str_has_prefix (zx_blacklist_page_get_preview (page),
                                      _("Not shown to the public: ")));
    gtk_window_destroy (window);
  }
}

static void
test_removed_preview (void)
{
  g_autoptr(ZxStore) store = open_store (NULL);
  gint64 id = sql_int (store, "SELECT id FROM blacklist_entries WHERE state = 'removed'"
                              " ORDER BY id LIMIT 1");
  GtkWindow *window;
  ZxBlacklistPage *page = make_page (store, &window);

  g_assert_true (zx_blacklist_page_select_entry (page, id));
  g_assert_true (g_str_has_prefix (zx_blacklist_page_get_preview (page),
                                   _("Not shown to the public: ")));

  gtk_window_destroy (window);
}

static void
test_export (void)
{
  g_autoptr(ZxStore) store = open_store (NULL);
  g_autofree char *path = g_build_filename (test_dir, "public.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWindow *window;
  ZxBlacklistPage *page = make_page (store, &window);

  g_assert_true (zx_blacklist_page_export_csv (page, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  /* a header and at least one row */
  g_assert_cmpuint (g_strv_length (lines), >=, 3);

  g_unlink (path);
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ZHIXING_LOCALEDIR");
  const char *init[] = { ui_test_ctl (), "--db", NULL, "init", NULL };
  const char *demo[] = { ui_test_ctl (), "--db", NULL, "demo", "--cases", "600", "--seed", "6",
                         NULL };
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display (DISPLAY and WAYLAND_DISPLAY unset): skipping\n");
      return 77;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  test_dir = g_dir_make_tmp ("zx-test-blacklist-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  test_db = g_build_filename (test_dir, "demo.db", NULL);
  init[2] = test_db;
  demo[2] = test_db;
  g_assert_cmpint (ui_test_run (init, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (ui_test_run (demo, NULL, NULL, NULL), ==, 0);

  g_test_add_func ("/blacklist/rows-and-filter", test_rows_and_filter);
  g_test_add_func ("/blacklist/publish", test_publish);
  g_test_add_func ("/blacklist/removed-preview", test_removed_preview);
  g_test_add_func ("/blacklist/export", test_export);

  status = g_test_run ();

  if (g_getenv ("ZX_TEST_KEEP") == NULL)
    {
      g_autofree char *journal = g_strconcat (test_db, "-journal", NULL);

      g_unlink (journal);
      g_unlink (test_db);
      g_rmdir (test_dir);
    }

  return status;
}
