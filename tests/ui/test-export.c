/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export Cases, in-process under Xvfb, on a demo database:
 * - the worker writes the same bytes as `zhixingctl export cases -`; cancelled, it leaves no
 *   file (and no part file) behind, and an existing file keeps its contents;
 * - the dialog runs the worker, ends DONE with "N bytes written to PATH" and the same file. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "ui-test-util.h"
#include "dialogs/zx-export-dialog.h"

#define WAIT_TIMEOUT_S 60

static char *test_dir;
static char *test_db;
static char *expected;   /* `zhixingctl export cases -` */
static gsize expected_len;

typedef struct
{
  gboolean  done;
  gboolean  ok;
  goffset   bytes;
  GError   *error;
} Result;

static void
export_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Result *r = user_data;

  r->ok = zx_export_cases_finish (result, &r->bytes, &r->error);
  r->done = TRUE;
}

static void
wait_result (Result *r)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!r->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
fresh_dir (const char *name)
{
  char *dir = g_build_filename (test_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static void
assert_same_as_cli (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, expected_len);
  g_assert_true (memcmp (contents, expected, len) == 0);
}

static void
test_worker_completes (void)
{
  g_autofree char *dir = fresh_dir ("complete");
  g_autofree char *path = g_build_filename (dir, "cases.csv", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  Result r = { 0 };

  zx_export_cases_async (test_db, dest, NULL, export_cb, &r);
  wait_result (&r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpint (r.bytes, ==, (goffset) expected_len);
  assert_same_as_cli (path);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_worker_cancelled (void)
{
  g_autofree char *dir = fresh_dir ("cancelled");
  g_autofree char *path = g_build_filename (dir, "cases.csv", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.csv", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GFile) old = g_file_new_for_path (old_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  Result r = { 0 };
  Result r2 = { 0 };

  g_cancellable_cancel (cancellable);
  zx_export_cases_async (test_db, dest, cancellable, export_cb, &r);
  wait_result (&r);
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* An existing file stays as it was. */
  g_assert_true (g_file_set_contents (old_path, "old\n", -1, NULL));
  zx_export_cases_async (test_db, old, cancellable, export_cb, &r2);
  wait_result (&r2);
  g_assert_error (r2.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r2.error);
  g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old\n");
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_dialog (void)
{
  g_autofree char *dir = fresh_dir ("dialog");
  g_autofree char *path = g_build_filename (dir, "cases-2026-06-15.csv", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZxStore) store = zx_store_open (test_db, ZX_STORE_OPEN_VIEWER, &error);
  g_autofree char *want = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  ZxExportDialog *dialog;

  g_assert_no_error (error);
  dialog = zx_export_dialog_new (NULL, store, dest);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (zx_export_dialog_get_state (dialog), ==, ZX_EXPORT_STATE_RUNNING);
  while (zx_export_dialog_get_state (dialog) == ZX_EXPORT_STATE_RUNNING)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (zx_export_dialog_get_state (dialog), ==, ZX_EXPORT_STATE_DONE);
  want = g_strdup_printf ("%" G_GSIZE_FORMAT " bytes written to %s", expected_len, path);
  g_assert_cmpstr (zx_export_dialog_get_message (dialog), ==, want);
  assert_same_as_cli (path);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int    argc,
      char **argv)
{
  const char *cmd[] = { NULL, "--db", NULL, "export", "cases", "-", NULL };
  g_autofree char *err = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display (DISPLAY and WAYLAND_DISPLAY unset): skipping\n");
      return 77;
    }

  /* English messages: the test compares the result line. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  test_dir = g_dir_make_tmp ("zx-test-export-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  test_db = ui_test_make_demo_db (test_dir, "demo.db", 150);
  cmd[0] = ui_test_ctl ();
  cmd[2] = test_db;
  g_assert_cmpint (ui_test_run (cmd, NULL, &expected, &err), ==, 0);
  expected_len = strlen (expected);
  g_assert_cmpuint (expected_len, >, 1000);

  g_test_add_func ("/export/worker/completes", test_worker_completes);
  g_test_add_func ("/export/worker/cancelled", test_worker_cancelled);
  g_test_add_func ("/export/dialog", test_dialog);
  status = g_test_run ();

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", test_dir);
    if (system (rm) != 0)
      g_printerr ("could not remove %s\n", test_dir);
  }
  g_free (test_db);
  g_free (test_dir);
  g_free (expected);
  return status;
}
