/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zhixing's command line (DESIGN.md, "Command-line contract"): usage errors exit 2 with a
 * message, before any window or display is involved; --help is translated. */
#include <string.h>

#include "ui-test-util.h"

typedef struct
{
  const char *args[4];
  int         status;
  const char *stderr_has;
} UsageCase;

static const UsageCase usage_cases[] = {
  { { "--view", "nope" }, 2, "nope" },
  { { "--view=cases", "extra" }, 2, "extra" },
  { { "--no-such-option" }, 2, "no-such-option" },
  { { "--monitor", "one" }, 2, "monitor" },
  { { "--wall", "--view", "cases" }, 2, "--view" },
  { { "--wall", "--run-for", "0" }, 2, "--run-for" },
  { { "--wall", "--speed-up", "-1" }, 2, "--speed-up" },
  { { "--wall", "--wall-config", "/nonexistent/wall.ini" }, 2, "/nonexistent/wall.ini" },
  { { "--monitor", "1" }, 2, "--wall" },
  { { "--run-for", "3" }, 2, "--wall" },
  { { "--db", "" }, 2, "--db" },
  { { "--screenshot", "" }, 2, "--screenshot" },
};

static void
test_usage (gconstpointer data)
{
  const UsageCase *usage = data;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) ui_test_zhixing ());
  for (guint i = 0; i < G_N_ELEMENTS (usage->args) && usage->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) usage->args[i]);
  g_ptr_array_add (argv, NULL);

  status = ui_test_run ((const char *const *) argv->pdata, NULL, NULL, &err);
  g_assert_cmpint (status, ==, usage->status);
  g_assert_nonnull (strstr (err, usage->stderr_has));
}

static void
test_version (void)
{
  const char *argv[] = { ui_test_zhixing (), "--version", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (ui_test_run (argv, NULL, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "zhixing "));
}

static void
test_help (void)
{
  const char *argv[] = { ui_test_zhixing (), "--help", NULL };
  const char *const env[] = { "LANGUAGE=", "LC_ALL=C.UTF-8", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (ui_test_run (argv, env, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--screenshot"));
  g_assert_nonnull (strstr (out, "database file"));
}

/* The build's translations are found through ZHIXING_LOCALEDIR (set by meson). */
static void
test_help_chinese (void)
{
  const char *argv[] = { ui_test_zhixing (), "--help", NULL };
  const char *const env[] = { "LANGUAGE=zh_CN", "LC_ALL=C.UTF-8", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (ui_test_run (argv, env, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--screenshot"));
  g_assert_nonnull (strstr (out, "数据库文件"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *joined = g_strjoinv ("_", (char **) usage_cases[i].args);
      g_autofree char *path = NULL;

      g_strdelimit (joined, "-=", '_');
      path = g_strdup_printf ("/ui/cli/usage/%u-%s", i, joined);
      g_test_add_data_func (path, &usage_cases[i], test_usage);
    }
  g_test_add_func ("/ui/cli/version", test_version);
  g_test_add_func ("/ui/cli/help", test_help);
  g_test_add_func ("/ui/cli/help-chinese", test_help_chinese);

  return g_test_run ();
}
