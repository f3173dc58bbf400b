/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `zhixing --screenshot` on a demo database, under Xvfb: the run succeeds, and the PNG has the
 * window's size and shows something (many distinct colours: text, cards, sidebar). */
#include <cairo.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"

#define WINDOW_WIDTH   1280
#define WINDOW_HEIGHT  800
/* A blank or single-colour window has a handful; text antialiasing alone gives hundreds. */
#define MIN_COLOURS    200
/* The header bar alone covers 6% of the window: a window with an empty body has one colour on
 * about 94% of it. A page of figures stays well below; the error page is mostly background. */
#define MAX_SHARE_DATA  0.90
#define MAX_SHARE_ERROR 0.97

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  const char        *view;
  const char *const *env;
} Case;

static const char *const env_english[] = {
  "LANGUAGE=", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", NULL
};
/* LANGUAGE wins over the locale for messages, as long as the locale is not plain C. */
static const char *const env_chinese[] = {
  "LANGUAGE=zh_CN", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", NULL
};

static const Case case_english = { NULL, env_english };
static const Case case_chinese = { NULL, env_chinese };
static const Case case_chinese_settings = { "settings", env_chinese };

static guint
count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * (gsize) stride);

      for (int x = 0; x < width; x++)
        g_hash_table_add (colours, GUINT_TO_POINTER (row[x]));
    }

  return g_hash_table_size (colours);
}

/* Returns the share (0..1) of pixels that have the most common colour. */
static double
dominant_share (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  GHashTableIter iter;
  gpointer value;
  guint max = 0;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * (gsize) stride);

      for (int x = 0; x < width; x++)
        {
          gpointer key = GUINT_TO_POINTER (row[x]);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

          g_hash_table_insert (counts, key, GUINT_TO_POINTER (n + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    max = MAX (max, GPOINTER_TO_UINT (value));

  return (double) max / ((double) width * (double) height);
}

static void
check_png (const char *path,
           double      max_share)
{
  cairo_surface_t *surface;
  guint colours;
  double share;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, WINDOW_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, WINDOW_HEIGHT);

  colours = count_colours (surface);
  share = dominant_share (surface);
  g_test_message ("%s: %u colours, the most common one covers %.0f%%", path, colours,
                  100.0 * share);
  g_assert_cmpuint (colours, >=, MIN_COLOURS);
  g_assert_cmpfloat (share, <, max_share);

  cairo_surface_destroy (surface);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zhixing-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = ui_test_make_demo_db (fixture->dir, "court.db", 200);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const Case *test_case = data;
  g_autofree char *png = g_build_filename (fixture->dir, "shot.png", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = {
    ui_test_zhixing (), "--db", fixture->db, "--screenshot", png,
    test_case->view != NULL ? "--view" : NULL, test_case->view, NULL
  };
  int status;

  status = ui_test_run (argv, test_case->env, NULL, &err);
  g_assert_cmpint (status, ==, 0);
  check_png (png, MAX_SHARE_DATA);
}

/* A 0-byte file is a fault, not a database: the window shows why, the run exits 3. */
static void
test_screenshot_bad_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "bad.png", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { ui_test_zhixing (), "--db", bad, "--screenshot", png, NULL };
  int status;

  g_file_set_contents (bad, "", 0, &error);
  g_assert_no_error (error);

  status = ui_test_run (argv, env_english, NULL, &err);
  g_assert_cmpint (status, ==, 3);
  g_assert_nonnull (err);
  g_assert_true (*err != '\0');
  check_png (png, MAX_SHARE_ERROR);

  /* …and the file is left as it was. */
  g_assert_true (g_file_test (bad, G_FILE_TEST_IS_REGULAR));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (bad, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* These tests need a display: CI runs them under xvfb-run. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display (DISPLAY and WAYLAND_DISPLAY unset): skipping\n");
      return 77;
    }

  g_test_init (&argc, &argv, NULL);

  /* Software rendering under Xvfb: cairo is the renderer that behaves (DESIGN.md, traps). */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_add ("/ui/screenshot/english", Fixture, &case_english, fixture_set_up,
              test_screenshot, fixture_tear_down);
  g_test_add ("/ui/screenshot/chinese", Fixture, &case_chinese, fixture_set_up,
              test_screenshot, fixture_tear_down);
  g_test_add ("/ui/screenshot/chinese-settings", Fixture, &case_chinese_settings,
              fixture_set_up, test_screenshot, fixture_tear_down);
  g_test_add ("/ui/screenshot/bad-file", Fixture, NULL, fixture_set_up,
              test_screenshot_bad_file, fixture_tear_down);

  return g_test_run ();
}
