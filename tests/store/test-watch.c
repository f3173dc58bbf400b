/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "zx-test-util.h"

/* A second process's commit reaches this process's watcher as ::changed for that entity. */

typedef struct
{
  GMainLoop *loop;
  gint64     want_id;
  char      *want_entity;
  gboolean   seen;
  guint      emissions;
} Watch;

static void
changed_cb (ZxStore *store, const char *entity, gint64 id, Watch *w)
{
  w->emissions++;
  if (g_str_equal (entity, w->want_entity) && id == w->want_id)
    {
      w->seen = TRUE;
      g_main_loop_quit (w->loop);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static int
child_main (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxStore) store = zx_store_open (path, ZX_STORE_OPEN_DEFAULT, &error);
  g_autoptr (JsonObject) fields = json_object_new ();
  gint64 id;

  if (store == NULL)
    return 1;
  zx_store_set_actor (store, "other-desktop");
  json_object_set_string_member (fields, "name", "执行九组");
  id = zx_store_create (store, "teams", fields, NULL, &error);
  if (id == 0)
    return 1;
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

static void
test_other_process (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "w.db");
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char *argv[] = { g_getenv ("ZX_TEST_SELF"), "--child", path, NULL };
  g_autofree char *out = NULL;
  Watch w = { loop, 0, "teams", FALSE, 0 };
  guint timeout;

  zx_test_add_team (store, "执行一组");
  /* Our own commits count too: the watcher drains them before the other process writes. */
  g_assert_cmpuint (zx_store_poll_changes (store, NULL), ==, 1);
  g_assert_cmpuint (zx_store_poll_changes (store, NULL), ==, 0);

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &w);
  zx_store_watch (store, 100);

  g_assert_cmpint (zx_test_spawn (argv, &out, NULL), ==, 0);
  w.want_id = g_ascii_strtoll (out, NULL, 10);
  g_assert_cmpint (w.want_id, >, 0);

  timeout = g_timeout_add_seconds (5, timeout_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (timeout);
  g_assert_true (w.seen);
  g_assert_cmpuint (w.emissions, ==, 1);
  zx_store_unwatch (store);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_detail (void)
{
  g_autofree char *dir = zx_test_tmpdir_new ();
  g_autoptr (ZxStore) store = zx_test_new_store (dir, "d.db");
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Watch w = { loop, 0, "teams", FALSE, 0 };

  /* Models connect to "changed::cases" and hear nothing about teams. */
  g_signal_connect (store, "changed::cases", G_CALLBACK (changed_cb), &w);
  zx_test_add_team (store, "执行二组");
  g_assert_cmpuint (zx_store_poll_changes (store, NULL), ==, 1);
  g_assert_cmpuint (w.emissions, ==, 0);
  zx_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2]);

  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  g_setenv ("ZX_TEST_SELF", self, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/watch/other-process", test_other_process);
  g_test_add_func ("/store/watch/detail", test_detail);
  return g_test_run ();
}
