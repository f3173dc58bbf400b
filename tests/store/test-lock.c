/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "zx-test-util.h"

/* The lock self-test detects a client whose locks are not honoured (SQLite's unix-none VFS
 * stands in for a share mounted with nobrl/nolock); court settings are audited. */

static void
test_lock (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "l.db", NULL);
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "l.db");
  g_autoptr (GError) error = NULL;
  const char *good[] = { zx_test_ctl (), "--db", path, "lock-probe", NULL };
  const char *broken[] = { zx_test_ctl (), "--db", path, "lock-probe", "--vfs", "unix-none",
                           NULL };

  g_assert_true (zx_store_lock_self_test (store, good, &error));
  g_assert_no_error (error);
  g_assert_false (zx_store_lock_self_test (store, broken, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_UNSAFE_FS);
  g_clear_error (&error);

  /* The lock is released after the test: a normal write goes through. */
  zx_test_add_team (store, "执行一组");

  {
    const char *cli[] = { zx_test_ctl (), "--db", path, "lock-test", NULL };
    const char *cli_broken[] = { zx_test_ctl (), "--db", path, "lock-test", "--probe-vfs",
                                 "unix-none", NULL };
    g_assert_cmpint (zx_test_spawn (cli, NULL, NULL), ==, 0);
    g_assert_cmpint (zx_test_spawn (cli_broken, NULL, NULL), ==, 3);
  }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_meta (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "m.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db = zx_store_get_db (store);
  gint64 audits = zx_test_query_int (db, "SELECT count(*) FROM audit");

  g_assert_true (zx_store_set_meta (store, "court_name", " 承德市双滦区人民法院 ", &error));
  g_assert_no_error (error);
  name = zx_store_get_meta (store, "court_name");
  g_assert_cmpstr (name, ==, "承德市双滦区人民法院");
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM audit"), ==, audits + 1);
  g_assert_cmpint (zx_audit_verify (db, NULL, NULL), ==, 0);

  g_assert_false (zx_store_set_meta (store, "min_writer_version", "9", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zx_store_set_meta (store, "court_code", "  ", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/lock/self-test", test_lock);
  g_test_add_func ("/store/meta/set", test_meta);
  return g_test_run ();
}
