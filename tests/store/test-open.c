/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "store/zx-schema.h"
#include "zx-test-util.h"

/* Opening: a fresh schema, and every kind of wrong file refused with its own error and left
 * byte-for-byte as it was. */

static ZxFsKind
probe_smb (const char *path)
{
  return ZX_FS_SMB;
}

static void
test_create (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "new.db");
  sqlite3 *db = zx_store_get_db (store);
  g_autofree char *court = zx_store_get_meta (store, "court_name");
  const char *tables[] = { "teams", "staff", "cases", "parties", "nodes", "asset_queries",
                           "seizures", "measures", "blacklist_entries", "auctions", "aid",
                           "assignment_log", "routing_rules", "node_rules", "rule_params",
                           "calendar", "change_log", "audit", "meta", "saves", "case_counters" };

  g_assert_cmpint (zx_test_query_int (db, "PRAGMA application_id"), ==, ZX_APPLICATION_ID);
  g_assert_cmpint (zx_test_query_int (db, "PRAGMA user_version"), ==, ZX_SCHEMA_VERSION);
  g_assert_cmpstr (zx_store_get_journal_mode (store), ==, "delete");
  g_assert_cmpint (zx_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (zx_test_query_int (db, "PRAGMA synchronous"), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3_stmt *stmt = NULL;
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE name = ?", -1, &stmt,
                          NULL);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_finalize (stmt);
    }
  g_assert_nonnull (court);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM node_rules"), >=, 10);
  g_assert_cmpint (zx_test_query_int (db, "SELECT value FROM rule_params WHERE key = 'list_removal'"),
                   ==, 3);
  /* The shipped calendar: 2016's National Day week and its make-up Sunday. */
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM calendar WHERE day = '2016-10-03' "
                                          "AND kind = 'off'"),
                   ==, 1);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM calendar WHERE day = '2016-10-09' "
                                          "AND kind = 'work'"),
                   ==, 1);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM calendar"), >, 300);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_reopen_and_init_twice (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "z.db", NULL);
  const char *argv[] = { zx_test_ctl (), "--db", path, "init", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;

  g_assert_cmpint (zx_test_spawn (argv, NULL, NULL), ==, 0);
  g_assert_cmpint (zx_test_spawn (argv, NULL, NULL), ==, 0);
  store = zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zx_store_get_schema_version (store), ==, ZX_SCHEMA_VERSION);
  g_assert_cmpint (zx_test_query_int (zx_store_get_db (store), "SELECT count(*) FROM node_rules"),
                   ==, zx_test_query_int (zx_store_get_db (store),
                                          "SELECT count(DISTINCT kind) FROM node_rules"));
  g_clear_object (&store);

  /* Without CREATE, a missing file is an error and is not created. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
    g_autoptr (ZxStore) none = zx_store_open (missing, ZX_STORE_OPEN_DEFAULT, &error);
    g_assert_null (none);
    g_assert_error (error, ZX_ERROR, ZX_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_migration_runner (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "m.db", NULL);
  g_autoptr (GError) error = NULL;
  const ZxMigration steps[] = {
    { ZX_SCHEMA_VERSION + 1, "ALTER TABLE cases ADD COLUMN future_field TEXT;" },
  };
  g_autoptr (ZxStore) viewer = NULL;

  zx_test_create_db (dir, "m.db");
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_true (zx_schema_apply_migrations (db, ZX_SCHEMA_VERSION, steps, G_N_ELEMENTS (steps),
                                               &error));
    g_assert_no_error (error);
    g_assert_cmpint (zx_test_query_int (db, "PRAGMA user_version"), ==, ZX_SCHEMA_VERSION + 1);
    g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM pragma_table_info('cases') "
                                            "WHERE name = 'future_field'"),
                     ==, 1);
    /* A failing step leaves the file as it was. */
    {
      const ZxMigration bad[] = { { ZX_SCHEMA_VERSION + 2,
                                    "CREATE TABLE x (a); ALTER TABLE nope ADD COLUMN y;" } };
      g_assert_false (zx_schema_apply_migrations (db, ZX_SCHEMA_VERSION + 1, bad, 1, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpint (zx_test_query_int (db, "PRAGMA user_version"), ==, ZX_SCHEMA_VERSION + 1);
      g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'x'"),
                       ==, 0);
    }
    sqlite3_close (db);
  }

  /* This build does not know the new schema: a writer is refused, a viewer gets a read-only store. */
  g_assert_null (zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_TOO_NEW);
  g_clear_error (&error);
  viewer = zx_store_open (path, ZX_STORE_OPEN_VIEWER, &error);
  g_assert_no_error (error);
  g_assert_true (zx_store_is_read_only (viewer));
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A schema-1 file (as written before search existed) is upgraded by init, and refused for work
 * until then. */
static void
test_migrate_v1 (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "old.db");
  sqlite3 *db = NULL;

  zx_test_add_team (store, "执行一组");
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE case_search; PRAGMA user_version = 1", NULL, NULL,
                                 NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_null (zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "init"));
  g_clear_error (&error);

  store = zx_store_open (path, ZX_STORE_OPEN_MIGRATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zx_store_get_schema_version (store), ==, ZX_SCHEMA_VERSION);
  g_assert_cmpint (zx_test_query_int (zx_store_get_db (store), "SELECT count(*) FROM teams"), ==, 1);
  g_assert_cmpint (zx_test_query_int (zx_store_get_db (store),
                                      "SELECT count(*) FROM sqlite_schema WHERE name = 'case_search'"),
                   ==, 1);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef void (*MakeFile) (const char *dir, const char *path);

static void
make_random (const char *dir, const char *path)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  guint8 buf[8192];

  for (guint i = 0; i < sizeof buf; i++)
    buf[i] = (guint8) g_rand_int (rand);
  g_assert_true (g_file_set_contents (path, (const char *) buf, sizeof buf, NULL));
}

static void
make_empty (const char *dir, const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
make_truncated (const char *dir, const char *path)
{
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "full.db");
  g_autofree char *full = g_build_filename (dir, "full.db", NULL);
  g_autoptr (GBytes) bytes = NULL;

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("执行%03d组", i);
      zx_test_add_team (store, name);
    }
  g_clear_object (&store);
  bytes = zx_test_read_file (full);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes) / 2, NULL));
}

static void
make_wal (const char *dir, const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  sqlite3 *db = NULL;

  zx_test_create_db (dir, name);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_foreign (const char *dir, const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234; CREATE TABLE t (a); "
                                     "INSERT INTO t VALUES (1)",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_plain_sqlite (const char *dir, const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (a)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_newer (const char *dir, const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  sqlite3 *db = NULL;

  zx_test_create_db (dir, name);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

typedef struct
{
  const char *name;
  MakeFile    make;
  ZxError     code;
  const char *message_part;
  gboolean    network;
} BadFile;

static const BadFile bad_files[] = {
  { "random", make_random, ZX_ERROR_NOT_DATABASE, "not a database", FALSE },
  { "empty", make_empty, ZX_ERROR_EMPTY_FILE, "empty", FALSE },
  { "truncated", make_truncated, ZX_ERROR_CORRUPT, "truncated", FALSE },
  { "wal-on-share", make_wal, ZX_ERROR_UNSAFE_FS, "WAL", TRUE },
  { "foreign", make_foreign, ZX_ERROR_FOREIGN, "another application", FALSE },
  { "plain-sqlite", make_plain_sqlite, ZX_ERROR_FOREIGN, "another application", FALSE },
  { "newer", make_newer, ZX_ERROR_TOO_NEW, "newer", FALSE },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "bad.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  const ZxStoreOpenFlags flag_sets[] = { ZX_STORE_OPEN_DEFAULT,
                                         ZX_STORE_OPEN_CREATE | ZX_STORE_OPEN_MIGRATE };

  bad->make (dir, path);
  before = zx_test_read_file (path);
  if (bad->network)
    zx_store_set_fs_probe (probe_smb);

  for (guint i = 0; i < G_N_ELEMENTS (flag_sets); i++)
    {
      g_autoptr (ZxStore) store = zx_store_open (path, flag_sets[i], &error);
      g_assert_null (store);
      g_assert_error (error, ZX_ERROR, (gint) bad->code);
      g_assert_nonnull (strstr (error->message, bad->message_part));
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
    }
  zx_store_set_fs_probe (NULL);

  after = zx_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The same through the command line: exit 3 and a message, file untouched. (The file-system
   * probe is mocked in this process only.) */
  if (!bad->network)
  {
    const char *argv[] = { zx_test_ctl (), "--db", path, "init", NULL };
    g_autofree char *err = NULL;
    g_assert_cmpint (zx_test_spawn (argv, NULL, &err), ==, 3);
    g_assert_nonnull (strstr (err, bad->message_part));
    g_bytes_unref (after);
    after = zx_test_read_file (path);
    g_assert_true (g_bytes_equal (before, after));
  }
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_wal_on_local_disk (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "wal.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;

  make_wal (dir, path);
  store = zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zx_store_get_journal_mode (store), ==, "wal");
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_viewer_is_query_only (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "v.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) viewer = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();

  zx_test_create_db (dir, "v.db");
  viewer = zx_store_open (path, ZX_STORE_OPEN_VIEWER, &error);
  g_assert_no_error (error);
  g_assert_true (zx_store_is_read_only (viewer));
  g_assert_cmpint (zx_test_query_int (zx_store_get_db (viewer), "PRAGMA query_only"), ==, 1);
  json_object_set_string_member (fields, "name", "执行一组");
  g_assert_cmpint (zx_store_create (viewer, "teams", fields, NULL, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_READ_ONLY);
  /* Even raw SQL cannot write through a viewer's connection. */
  g_assert_cmpint (sqlite3_exec (zx_store_get_db (viewer), "DELETE FROM meta", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/open/create", test_create);
  g_test_add_func ("/store/open/reopen-init-twice", test_reopen_and_init_twice);
  g_test_add_func ("/store/open/migration-runner", test_migration_runner);
  g_test_add_func ("/store/open/migrate-v1", test_migrate_v1);
  g_test_add_func ("/store/open/wal-local-allowed", test_wal_on_local_disk);
  g_test_add_func ("/store/open/viewer-query-only", test_viewer_is_query_only);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/open/bad-file/%s", bad_files[i].name);
      g_test_add_data_func (name, &bad_files[i], test_bad_file);
    }
  return g_test_run ();
}
