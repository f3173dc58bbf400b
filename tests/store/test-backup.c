/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <unistd.h>

#include "zx-test-util.h"

/* An online backup taken while another process keeps writing is a verified, consistent copy. */

#define N_CASES 300

static gboolean
bulk_cases_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  for (int i = 1; i <= N_CASES; i++)
    {
      g_autoptr (JsonObject) fields = json_object_new ();
      g_autofree char *no = g_strdup_printf ("（2025）冀0802执%d号", i);

      json_object_set_string_member (fields, "case_no", no);
      json_object_set_string_member (fields, "filed_on", "2025-06-01");
      json_object_set_int_member (fields, "amount_applied", 100000 + i);
      if (!zx_txn_insert (txn, "cases", fields, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
bump_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  gint64 id = 1 + *(guint *) user_data % N_CASES;
  g_autoptr (JsonObject) row = zx_txn_get_row (txn, "cases", id, error);
  g_autoptr (JsonObject) change = json_object_new ();

  if (row == NULL)
    return FALSE;
  json_object_set_int_member (change, "amount_realized",
                              json_object_get_int_member (row, "amount_realized") + 1);
  return zx_txn_update (txn, "cases", id, json_object_get_int_member (row, "version"), change,
                        error);
}

static int
writer_main (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    return 1;
  /* Bounded, so that a failed test never leaves it running. */
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (guint i = 0; g_get_monotonic_time () < deadline; i++)
    {
      if (!zx_store_write (store, bump_txn, &i, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      if (i == 5)
        g_print ("W\n");
    }
  return 0;
}

static guint
count_backups (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    n += g_str_has_suffix (name, ".db");
  return n;
}

static void
test_backup_under_load (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "live.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "live.db");
  g_autoptr (GError) error = NULL;
  const char *argv[] = { g_getenv ("ZX_TEST_SELF"), "--writer", path, NULL };
  gint64 last_realized = -1;
  int out = -1;
  GPid writer;
  char buf[2];

  g_assert_true (zx_store_write (store, bulk_cases_txn, NULL, &error));
  writer = zx_test_spawn_async (argv, &out);
  g_assert_cmpint (read (out, buf, 2), ==, 2);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *copy_path = zx_store_backup (store, backups, 2, NULL, &error);
      g_autoptr (ZxStore) copy = NULL;
      g_autoptr (ZxCheckReport) report = NULL;
      sqlite3 *db;
      gint64 realized;

      g_assert_no_error (error);
      g_assert_true (g_file_test (copy_path, G_FILE_TEST_EXISTS));
      copy = zx_store_open (copy_path, ZX_STORE_OPEN_VIEWER, &error);
      g_assert_no_error (error);
      report = zx_store_check (copy, FALSE, &error);
      g_assert_no_error (error);
      g_assert_true (report->ok);
      db = zx_store_get_db (copy);
      g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM cases"), ==, N_CASES);
      /* A snapshot of whole transactions: every update has its change_log row, and time moves
       * forward from one backup to the next. */
      realized = zx_test_query_int (db, "SELECT sum(amount_realized) FROM cases");
      g_assert_cmpint (realized, ==,
                       zx_test_query_int (db, "SELECT count(*) FROM change_log WHERE op = 'update'"));
      g_assert_cmpint (realized, >=, last_realized);
      last_realized = realized;
      g_usleep (100000);
    }
  g_assert_cmpuint (count_backups (backups), ==, 2);

  kill (writer, SIGKILL);
  zx_test_wait (writer);
  close (out);

  /* The command line does the same and prints the new file. */
  {
    const char *ctl[] = { zx_test_ctl (), "--db", path, "backup", backups, "--keep", "5", NULL };
    g_autofree char *printed = NULL;
    g_assert_cmpint (zx_test_spawn (ctl, &printed, NULL), ==, 0);
    g_strstrip (printed);
    g_assert_true (g_str_has_prefix (printed, backups));
    g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));
  }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A cancelled backup keeps nothing (no backup, no .part file) and says CANCELLED. */
static void
test_backup_cancelled (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "live.db");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GDir) d = NULL;

  g_assert_true (zx_store_write (store, bulk_cases_txn, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  g_cancellable_cancel (cancellable);
  path = zx_store_backup (store, backups, 2, cancellable, &error);
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  d = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (d);
  g_assert_null (g_dir_read_name (d));
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return writer_main (argv[2]);

  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  g_setenv ("ZX_TEST_SELF", self, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/backup/under-load", test_backup_under_load);
  g_test_add_func ("/store/backup/cancelled", test_backup_cancelled);
  return g_test_run ();
}
