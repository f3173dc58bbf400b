/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <unistd.h>

#include "zx-test-util.h"

/* kill -9 of a writer in the middle of a transaction, 20 rounds. Each transaction adds 1 to a
 * case's realized amount STEPS times and adds a party; after every kill `zhixingctl check` must
 * pass (its viewer rolls back the hot journal) and the totals must show whole transactions only. */

#define ROUNDS 20
#define STEPS  20

static gboolean
work_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  gboolean *announce = user_data;
  g_autoptr (JsonObject) party = json_object_new ();

  for (int i = 0; i < STEPS; i++)
    {
      g_autoptr (JsonObject) row = zx_txn_get_row (txn, "cases", 1, error);
      g_autoptr (JsonObject) change = json_object_new ();

      if (row == NULL)
        return FALSE;
      json_object_set_int_member (change, "amount_realized",
                                  json_object_get_int_member (row, "amount_realized") + 1);
      if (!zx_txn_update (txn, "cases", 1, json_object_get_int_member (row, "version"), change,
                          error))
        return FALSE;
      if (i == STEPS / 2 && *announce)
        {
          /* Tell the parent we are inside a transaction, then give it time to kill us here. */
          *announce = FALSE;
          if (write (1, "T\n", 2) != 2)
            return FALSE;
          g_usleep (200000);
        }
    }
  json_object_set_int_member (party, "case_id", 1);
  json_object_set_string_member (party, "role", "applicant");
  json_object_set_string_member (party, "kind", "person");
  json_object_set_string_member (party, "name", "李娜");
  return zx_txn_insert (txn, "parties", party, NULL, error);
}

static int
child_main (const char *path, gboolean announce)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint n = 0;

  if (store == NULL)
    {
      g_printerr ("crash child: %s\n", error->message);
      return 1;
    }
  while (g_get_monotonic_time () < deadline)
    {
      /* Announce in the third transaction, so that some committed work precedes the kill. */
      gboolean flag = announce && ++n == 3;

      if (!zx_store_write (store, work_txn, &flag, &error))
        {
          g_printerr ("crash child: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}

static void
check_consistent (const char *path)
{
  const char *argv[] = { zx_test_ctl (), "--db", path, "check", NULL };
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = NULL;
  sqlite3 *db;
  gint64 realized, updates, parties, inserts;

  if (zx_test_spawn (argv, NULL, &err) != 0)
    g_error ("check failed after a kill: %s", err);

  store = zx_store_open (path, ZX_STORE_OPEN_VIEWER, &error);
  g_assert_no_error (error);
  db = zx_store_get_db (store);
  realized = zx_test_query_int (db, "SELECT amount_realized FROM cases WHERE id = 1");
  updates = zx_test_query_int (db, "SELECT count(*) FROM change_log WHERE entity = 'cases' "
                                   "AND op = 'update'");
  parties = zx_test_query_int (db, "SELECT count(*) FROM parties");
  inserts = zx_test_query_int (db, "SELECT count(*) FROM change_log WHERE entity = 'parties'");
  g_assert_cmpint (realized, ==, updates);
  g_assert_cmpint (realized % STEPS, ==, 0);
  g_assert_cmpint (parties, ==, realized / STEPS);
  g_assert_cmpint (inserts, ==, parties);
  g_assert_cmpint (zx_test_query_int (db, "SELECT count(*) FROM audit"), ==,
                   zx_test_query_int (db, "SELECT count(*) FROM change_log"));
}

static void
test_kill_mid_transaction (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "k.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  const char *self = g_getenv ("ZX_TEST_SELF");
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261128);
  guint hot_journals = 0;

  {
    g_autoptr (ZxStore) store = zx_test_new_store (dir, "k.db");
    g_autoptr (JsonObject) fields = json_object_new ();
    g_autoptr (GError) error = NULL;

    json_object_set_string_member (fields, "case_no", "（2026）冀0802执1号");
    json_object_set_string_member (fields, "filed_on", "2026-01-05");
    g_assert_cmpint (zx_store_create (store, "cases", fields, NULL, &error), ==, 1);
  }

  for (int round = 0; round < ROUNDS; round++)
    {
      /* Even rounds: killed at a known point inside a transaction. Odd rounds: at a random
       * moment, wherever the writer happens to be. */
      gboolean announce = round % 2 == 0;
      const char *argv[] = { self, announce ? "--child-announce" : "--child", path, NULL };
      int out = -1;
      GPid pid = zx_test_spawn_async (argv, &out);

      if (announce)
        {
          char buf[2];
          g_assert_cmpint (read (out, buf, 2), ==, 2);
        }
      else
        g_usleep (g_rand_int_range (rand, 50000, 300000));
      kill (pid, SIGKILL);
      g_assert_cmpint (zx_test_wait (pid), ==, 128 + SIGKILL);
      close (out);
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        hot_journals++;
      check_consistent (path);
    }
  g_test_message ("%u of %d kills left a hot journal", hot_journals, ROUNDS);
  g_assert_cmpuint (hot_journals, >=, ROUNDS / 2);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_has_prefix (argv[1], "--child"))
    return child_main (argv[2], g_str_equal (argv[1], "--child-announce"));

  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  g_setenv ("ZX_TEST_SELF", self, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash/kill-mid-transaction", test_kill_mid_transaction);
  return g_test_run ();
}
