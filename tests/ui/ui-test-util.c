/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/wait.h>

#include "ui-test-util.h"

static const char *
getenv_or_fail (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_error ("%s is not set; run the tests with `meson test`", name);

  return value;
}

const char *
ui_test_zhixing (void)
{
  return getenv_or_fail ("ZHIXING_BIN");
}

const char *
ui_test_ctl (void)
{
  return getenv_or_fail ("ZHIXINGCTL");
}

int
ui_test_run (const char *const *argv,
             const char *const *env_set,
             char             **out_stdout,
             char             **out_stderr)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) argv);
  g_autofree char *child_stdout = NULL;
  g_autofree char *child_stderr = NULL;
  int status = 0;

  for (guint i = 0; env_set != NULL && env_set[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_set[i], "=", 2);

      g_assert_nonnull (pair[1]);
      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  g_test_message ("Running %s", command);
  /* Always capture: a child writing to our stdout would garble the TAP output. */
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &child_stdout,
                &child_stderr, &status, &error);
  g_assert_no_error (error);

  if (child_stderr != NULL && *child_stderr != '\0')
    g_test_message ("stderr: %s", child_stderr);

  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&child_stdout);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&child_stderr);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);

  return 128 + WTERMSIG (status);
}

char *
ui_test_make_demo_db (const char *dir,
                      const char *name,
                      guint       n_cases)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *cases = g_strdup_printf ("%u", n_cases);
  g_autofree char *err = NULL;
  const char *init[] = { ui_test_ctl (), "--db", path, "init", NULL };
  const char *demo[] = {
    ui_test_ctl (), "--db", path, "demo", "--cases", cases, "--seed", "1", NULL
  };
  int status;

  status = ui_test_run (init, NULL, NULL, &err);
  if (status != 0)
    g_test_message ("zhixingctl init: %s", err);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);

  status = ui_test_run (demo, NULL, NULL, &err);
  if (status != 0)
    g_test_message ("zhixingctl demo: %s", err);
  g_assert_cmpint (status, ==, 0);

  return g_steal_pointer (&path);
}
