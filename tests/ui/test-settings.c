/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Settings page, in-process under Xvfb, on a 100-case demo database (seed 2), acting as the
 * demo's administrator:
 * - it lists the 11 teams and as many staff members as the staff table holds;
 * - renaming a team through the page's save path saves it (one more audit row), and a save
 *   from a stale version is refused as a conflict;
 * - a non-admin actor gets a read-only page whose saves are refused;
 * - "Test this location" succeeds on a local file;
 * - "Back up now" writes a verified backup into a temporary folder. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "ui-test-util.h"
#include "pages/zx-settings-page.h"

#define WAIT_TIMEOUT_S 120

static char *test_dir;
static char *test_db;

static gint64
sql_int (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZxStore) store = zx_store_open (test_db, ZX_STORE_OPEN_VIEWER, &error);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (zx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
sql_text (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZxStore) store = zx_store_open (test_db, ZX_STORE_OPEN_VIEWER, &error);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (zx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static ZxStore *
open_as (const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT login FROM staff WHERE role = '%s'"
                                          " AND active = 1 AND login IS NOT NULL"
                                          " ORDER BY id LIMIT 1", role);
  g_autofree char *login = sql_text (sql);
  ZxStore *store = zx_store_open (test_db, ZX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (login);
  zx_store_set_actor (store, login);

  return store;
}

static ZxSettingsPage *
make_page (ZxStore *store)
{
  ZxSettingsPage *page = g_object_ref_sink (ZX_SETTINGS_PAGE (zx_settings_page_new ()));

  zx_settings_page_set_store (page, store);

  return page;
}

static void
wait_for_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_lists (void)
{
  g_autoptr(ZxStore) store = open_as ("admin");
  g_autoptr(ZxSettingsPage) page = make_page (store);

  g_assert_true (zx_settings_page_get_can_edit (page));
  g_assert_cmpuint (zx_settings_page_get_n_teams (page), ==, 11);
  g_assert_cmpint (sql_int ("SELECT count(*) FROM teams"), ==, 11);
  g_assert_cmpuint (zx_settings_page_get_n_staff (page), ==,
                    sql_int ("SELECT count(*) FROM staff"));
}

static void
test_rename_team (void)
{
  g_autoptr(ZxStore) store = open_as ("admin");
  g_autoptr(ZxSettingsPage) page = make_page (store);
  g_autoptr(GError) error = NULL;
  gint64 team_id = sql_int ("SELECT min(id) FROM teams");
  gint64 audit_before = sql_int ("SELECT count(*) FROM audit");
  g_autofree char *name = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM teams WHERE id = %" G_GINT64_FORMAT,
                                          team_id);

  g_assert_true (zx_settings_page_save_team (page, team_id, "  执行一组（更名）  ", TRUE,
                                             &error));
  g_assert_no_error (error);
  name = sql_text (sql);
  g_assert_cmpstr (name, ==, "执行一组（更名）");
  g_assert_cmpint (sql_int ("SELECT count(*) FROM audit"), ==, audit_before + 1);

  /* The page has not re-read the row: saving again from the old version is a conflict. */
  g_assert_false (zx_settings_page_save_team (page, team_id, "又一个名字", TRUE, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CONFLICT);
  g_clear_error (&error);

  /* After a refresh it saves; an empty name is refused. */
  zx_settings_page_refresh (page);
  g_assert_false (zx_settings_page_save_team (page, team_id, "  ", TRUE, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (zx_settings_page_save_team (page, team_id, "执行一组", TRUE, &error));
  g_assert_no_error (error);
}

static void
test_read_only (void)
{
  g_autoptr(ZxStore) store = open_as ("officer");
  g_autoptr(ZxSettingsPage) page = make_page (store);
  g_autoptr(GError) error = NULL;
  gint64 audit_before = sql_int ("SELECT count(*) FROM audit");

  g_assert_false (zx_settings_page_get_can_edit (page));
  g_assert_cmpuint (zx_settings_page_get_n_teams (page), ==, 11);
  g_assert_false (zx_settings_page_save_team (page, sql_int ("SELECT min(id) FROM teams"),
                                              "x", TRUE, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (zx_settings_page_save_court (page, "x", "y", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_assert_cmpint (sql_int ("SELECT count(*) FROM audit"), ==, audit_before);
}

static void
test_lock_test (void)
{
  g_autoptr(ZxStore) store = open_as ("admin");
  g_autoptr(ZxSettingsPage) page = make_page (store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  zx_settings_page_test_location_async (page, NULL, store_result_cb, &result);
  wait_for_result (&result);
  g_assert_true (zx_settings_page_test_location_finish (page, result, &error));
  g_assert_no_error (error);
}

static void
test_backup (void)
{
  g_autoptr(ZxStore) store = open_as ("admin");
  g_autoptr(ZxSettingsPage) page = make_page (store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (test_dir, "backups", NULL);
  g_autofree char *path = NULL;
  g_autofree char *expected_cases = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     sql_int ("SELECT count(*) FROM cases"));

  zx_settings_page_set_backup_dir (page, dir);
  g_assert_cmpstr (zx_settings_page_get_backup_dir (page), ==, dir);
  zx_settings_page_backup_async (page, NULL, store_result_cb, &result);
  wait_for_result (&result);
  path = zx_settings_page_backup_finish (page, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, dir));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The copy opens, checks clean and holds the same cases. */
  {
    g_autoptr(ZxStore) copy = zx_store_open (path, ZX_STORE_OPEN_VIEWER, &error);
    g_autoptr(ZxCheckReport) report = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_no_error (error);
    report = zx_store_check (copy, TRUE, &error);
    g_assert_no_error (error);
    g_assert_true (report->ok);
    g_assert_cmpint (sqlite3_prepare_v2 (zx_store_get_db (copy), "SELECT count(*) FROM cases",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected_cases);
    sqlite3_finalize (stmt);
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ZHIXING_LOCALEDIR");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
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
  /* Backup folder and keep count go to memory, not the developer's settings. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  test_dir = g_dir_make_tmp ("zx-test-settings-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  test_db = g_build_filename (test_dir, "demo.db", NULL);
  {
    const char *init[] = { ui_test_ctl (), "--db", test_db, "init", NULL };
    const char *demo[] = { ui_test_ctl (), "--db", test_db, "demo", "--cases", "100",
                           "--seed", "2", NULL };

    g_assert_cmpint (ui_test_run (init, NULL, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    if (ui_test_run (demo, NULL, &out, &err) != 0)
      g_error ("demo failed: %s", err);
  }

  g_test_add_func ("/settings/lists", test_lists);
  g_test_add_func ("/settings/rename-team", test_rename_team);
  g_test_add_func ("/settings/read-only", test_read_only);
  g_test_add_func ("/settings/lock-test", test_lock_test);
  g_test_add_func ("/settings/backup", test_backup);

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
