/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zhixing"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "zx-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZxApplication) app = NULL;
  const char *localedir;
  int status;

  /* ZHIXING_LOCALEDIR lets the build dir's translations (build/po) be used before installing. */
  localedir = g_getenv ("ZHIXING_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = zx_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0)
    status = zx_application_get_exit_status (app);

  return status;
}
