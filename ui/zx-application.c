/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zhixing application: one instance per user, one window per database file; the command
 * line follows the contract in DESIGN.md (exit status 2 on a usage error). */
#define G_LOG_DOMAIN "zx-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "store/zx-store.h"
#include "wall/zx-wall-window.h"
#include "zx-application.h"
#include "zx-screenshot.h"
#include "zx-window.h"

#define EXIT_USAGE            2
#define EXIT_UNAVAILABLE      3
/* A screenshot run gives up after this long (first run may generate a demo database). */
#define SCREENSHOT_TIMEOUT_S  180

struct _ZxApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  GtkCssProvider *css_provider;
  GtkCssProvider *language_css_provider;
  char           *screenshot_path;
  guint           screenshot_timeout;
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (ZxApplication, zx_application, GTK_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database file PATH"), N_("PATH") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the page NAME: cases, overview, warnings, blacklist, workload, reports or settings"),
    N_("NAME") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the window to FILE.png once the data is shown, then quit"), N_("FILE.png") },
  { "wall", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the public wall display full-screen"), NULL },
  /* Strings, not numbers: GApplication does not pass on a number option given as 0. */
  { "monitor", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the wall display on monitor N (0, 1, …)"), N_("N") },
  { "wall-config", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read the wall display settings from the key file FILE"), N_("FILE") },
  { "run-for", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Quit the wall display after SECONDS and print frame statistics"), N_("SECONDS") },
  { "speed-up", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Scroll the wall display X times faster (tests, benchmarks)"), N_("X") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and quit"), NULL },
  { NULL }
};

/* GApplication answers a malformed command line with exit status 1, and ignores stray
 * arguments; the command-line contract wants 2 for both. So parse a copy first. */
static gboolean
check_usage (char **arguments)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copy = NULL;
  GOptionEntry entries[G_N_ELEMENTS (option_entries)];
  union
  {
    gboolean  flag;
    int       number;
    char     *text;
  } values[G_N_ELEMENTS (option_entries)];
  gboolean ok;

  if (arguments == NULL || arguments[0] == NULL)
    return TRUE;

  for (guint i = 1; arguments[i] != NULL; i++)
    {
      /* GApplication prints the help itself. */
      if (g_str_equal (arguments[i], "-h") || g_str_equal (arguments[i], "-?")
          || g_str_has_prefix (arguments[i], "--help"))
        return TRUE;
    }

  memset (values, 0, sizeof values);
  memcpy (entries, option_entries, sizeof entries);
  for (guint i = 0; entries[i].long_name != NULL; i++)
    entries[i].arg_data = &values[i];

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);

  copy = g_strdupv (arguments);
  ok = g_option_context_parse_strv (context, &copy, &error);

  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      if (entries[i].arg == G_OPTION_ARG_STRING || entries[i].arg == G_OPTION_ARG_FILENAME)
        g_free (values[i].text);
    }

  if (!ok)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      return FALSE;
    }

  if (copy[0] != NULL && copy[1] != NULL)
    {
      /* Translators: the first %s is the program name */
      g_printerr (_("%s: unexpected argument “%s”\n"), g_get_prgname (), copy[1]);
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      return FALSE;
    }

  return TRUE;
}

static ZxWindow *
find_window (ZxApplication *self,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (ZX_IS_WINDOW (l->data)
          && g_strcmp0 (zx_window_get_database_path (l->data), path) == 0)
        return l->data;
    }

  return NULL;
}

static ZxWindow *
create_window (ZxApplication *self,
               const char    *path,
               gboolean       is_default,
               gboolean       remember_state)
{
  ZxWindow *window = zx_window_new (GTK_APPLICATION (self));

  if (remember_state && self->settings != NULL)
    zx_window_bind_state (window, self->settings);

  zx_window_open_database (window, path, is_default);

  return window;
}

static void
finish_screenshot (ZxApplication *self,
                   int            exit_status)
{
  self->exit_status = exit_status;
  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  g_application_quit (G_APPLICATION (self));
}

static void
screenshot_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ZxApplication) self = user_data;
  ZxWindow *window = ZX_WINDOW (object);
  g_autoptr(GError) error = NULL;
  const GError *load_error;

  if (!zx_screenshot_save_finish (GTK_WIDGET (window), result, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      finish_screenshot (self, EXIT_FAILURE);
      return;
    }

  /* The picture shows why the database did not open; still, the run did not show data. */
  load_error = zx_window_get_load_error (window);
  if (load_error != NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), load_error->message);
      finish_screenshot (self, EXIT_UNAVAILABLE);
      return;
    }

  finish_screenshot (self, EXIT_SUCCESS);
}

static void
screenshot_window_loaded_cb (ZxApplication *self,
                             GParamSpec    *pspec,
                             ZxWindow      *window)
{
  if (!zx_window_get_loaded (window))
    return;

  g_signal_handlers_disconnect_by_func (window, screenshot_window_loaded_cb, self);
  zx_screenshot_save_async (GTK_WIDGET (window), self->screenshot_path, NULL,
                            screenshot_saved_cb, g_object_ref (self));
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  ZxApplication *self = user_data;

  self->screenshot_timeout = 0;
  g_printerr (_("%s: no screenshot: the window did not show the data within %d seconds\n"),
              g_get_prgname (), SCREENSHOT_TIMEOUT_S);
  finish_screenshot (self, EXIT_FAILURE);

  return G_SOURCE_REMOVE;
}

static void
start_screenshot (ZxApplication *self,
                  const char    *path,
                  gboolean       is_default,
                  const char    *view,
                  const char    *screenshot_path)
{
  ZxWindow *window;

  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (screenshot_path);

  /* Until a PNG is written, the run has failed (e.g. the window was closed). */
  self->exit_status = EXIT_FAILURE;

  /* Capture the final state, not a page halfway through a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* Always the default size, whatever the user's saved window state. */
  window = create_window (self, path, is_default, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (window), "zx-screenshot");
  if (view != NULL)
    zx_window_set_view (window, view);

  g_signal_connect_object (window, "notify::loaded", G_CALLBACK (screenshot_window_loaded_cb),
                           self, G_CONNECT_SWAPPED);
  self->screenshot_timeout = g_timeout_add_seconds (SCREENSHOT_TIMEOUT_S, screenshot_timeout_cb,
                                                    self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ZxApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_about_dialog (parent,
                         "program-name", _("Zhixing"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Enforcement command center for a basic-level court"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ZxApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close (rather than destroy) the windows, so that each saves its state. The application
   * quits when the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static gboolean
zx_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  if (!check_usage (*arguments))
    {
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  return G_APPLICATION_CLASS (zx_application_parent_class)->local_command_line (application,
                                                                                arguments,
                                                                                exit_status);
}

/* --wall and its options: a process of its own, on the cairo renderer unless GSK_RENDERER says
 * otherwise. GTK 4.8 picks GL whenever Mesa is there, llvmpipe included, and software GL scrolls
 * the wall at 44–48 fps for 150 % CPU where cairo does 60 fps for under 30 % (DESIGN.md, Known
 * traps; reference/perf-notes.md T8/T9). A wall PC with a GPU measured to do better sets
 * GSK_RENDERER=gl. Runs before startup, so before gtk_init() reads the variable. */
/* The number option NAME as a double above 0 (or, with AS_MONITOR, an integer from -1), into
 * OPTIONS as a number; FALSE after a message if it is not one. */
static gboolean
check_number_option (GVariantDict *options,
                     const char   *name,
                     gboolean      as_monitor)
{
  const char *text = NULL;
  char *end = NULL;
  double value;

  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return TRUE;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0'
      || (as_monitor ? value != (int) value || value < -1 || value > 63 : !(value > 0)))
    {
      if (as_monitor)
        g_printerr (_("%s: --monitor needs a monitor number from 0, or -1 for the primary one\n"),
                    g_get_prgname ());
      else
        /* Translators: the second %s is an option like “run-for” */
        g_printerr (_("%s: --%s needs a number above 0\n"), g_get_prgname (), name);
      return FALSE;
    }

  g_variant_dict_insert (options, name, "d", value);
  return TRUE;
}

static int
check_wall_options (GApplication *application,
                    GVariantDict *options)
{
  g_autofree char *config_path = NULL;

  if (g_variant_dict_contains (options, "view"))
    {
      g_printerr (_("%s: --view does not apply to --wall\n"), g_get_prgname ());
      return EXIT_USAGE;
    }
  if (!check_number_option (options, "monitor", TRUE)
      || !check_number_option (options, "run-for", FALSE)
      || !check_number_option (options, "speed-up", FALSE))
    return EXIT_USAGE;

  if (g_variant_dict_lookup (options, "wall-config", "^ay", &config_path))
    {
      g_autoptr(ZxWallConfig) config = zx_wall_config_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *absolute = g_canonicalize_filename (config_path, NULL);

      if (*config_path == '\0' || !zx_wall_config_load_file (config, absolute, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (),
                      error != NULL ? error->message : _("--wall-config needs a file name"));
          return EXIT_USAGE;
        }
      g_variant_dict_insert_value (options, "wall-config", g_variant_new_bytestring (absolute));
    }

  g_application_set_flags (application,
                           g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  return -1;
}

/* Runs in the process that was started, before it becomes or calls the primary instance: check
 * the options and resolve the database path against this process's directory and environment. */
static int
zx_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autofree char *db = NULL;
  g_autofree char *screenshot = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *path = NULL;
  const char *view = NULL;
  gboolean is_default = FALSE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("zhixing %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "wall"))
    {
      int status = check_wall_options (application, options);

      if (status >= 0)
        return status;
    }
  else
    {
      static const char *const wall_only[] = { "monitor", "wall-config", "run-for", "speed-up" };

      for (guint i = 0; i < G_N_ELEMENTS (wall_only); i++)
        {
          if (g_variant_dict_contains (options, wall_only[i]))
            {
              /* Translators: the second %s is an option like “monitor” */
              g_printerr (_("%s: --%s only applies to --wall\n"), g_get_prgname (), wall_only[i]);
              return EXIT_USAGE;
            }
        }
    }

  if (g_variant_dict_lookup (options, "view", "&s", &view) && !zx_window_is_view_name (view))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) zx_window_get_view_names ());

      /* Translators: the second %s is the view asked for, the third the list of views */
      g_printerr (_("%s: unknown view “%s”; use one of %s\n"), g_get_prgname (), view, names);
      return EXIT_USAGE;
    }

  if (g_variant_dict_lookup (options, "screenshot", "^ay", &screenshot))
    {
      g_autofree char *absolute = NULL;

      if (*screenshot == '\0')
        {
          g_printerr (_("%s: --screenshot needs a file name\n"), g_get_prgname ());
          return EXIT_USAGE;
        }

      /* A screenshot run is a process of its own: it works while the user's window is open. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
      absolute = g_canonicalize_filename (screenshot, NULL);
      g_variant_dict_insert_value (options, "screenshot", g_variant_new_bytestring (absolute));
    }

  if (g_variant_dict_lookup (options, "db", "^ay", &db) && *db == '\0')
    {
      g_printerr (_("%s: --db needs a file name\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  resolved = zx_store_resolve_path (db, &is_default);
  if (resolved == NULL || *resolved == '\0')
    {
      g_printerr (_("%s: no database file is configured\n"), g_get_prgname ());
      return EXIT_UNAVAILABLE;
    }

  path = g_canonicalize_filename (resolved, NULL);
  g_variant_dict_insert_value (options, "db-path", g_variant_new_bytestring (path));
  g_variant_dict_insert (options, "db-default", "b", is_default);

  return -1;
}

static void
wall_finished_cb (ZxApplication *self,
                  int            exit_status,
                  ZxWallWindow  *window)
{
  finish_screenshot (self, exit_status);
}

static void
start_wall (ZxApplication *self,
            const char    *path,
            GVariantDict  *options)
{
  static const char *const no_accels[] = { NULL };
  g_autoptr(ZxWallConfig) config = zx_wall_config_new ();
  g_autofree char *config_path = NULL;
  g_autofree char *screenshot = NULL;
  ZxWallWindow *window;
  double value;

  if (self->settings != NULL)
    zx_wall_config_load_settings (config, self->settings);
  if (g_variant_dict_lookup (options, "wall-config", "^ay", &config_path))
    {
      g_autoptr(GError) error = NULL;

      if (!zx_wall_config_load_file (config, config_path, &error))
        g_warning ("%s", error->message);
    }
  if (g_variant_dict_lookup (options, "monitor", "d", &value))
    config->monitor = (int) value;

  /* Nobody at the keyboard: only the wall's own exit keys leave it. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", no_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", no_accels);

  window = zx_wall_window_new (GTK_APPLICATION (self), path, config);
  if (g_variant_dict_lookup (options, "speed-up", "d", &value))
    zx_wall_window_set_speed_up (window, value);
  if (g_variant_dict_lookup (options, "run-for", "d", &value))
    zx_wall_window_set_run_for (window, value);
  if (g_variant_dict_lookup (options, "screenshot", "^ay", &screenshot))
    {
      /* Until a PNG is written, the run has failed. */
      self->exit_status = EXIT_FAILURE;
      zx_wall_window_set_screenshot (window, screenshot);
    }

  g_signal_connect_object (window, "finished", G_CALLBACK (wall_finished_cb), self,
                           G_CONNECT_SWAPPED);
  zx_wall_window_show (window);
}

/* Runs in the primary instance, for its own command line or another invocation's. */
static int
zx_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  ZxApplication *self = ZX_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  g_autofree char *screenshot = NULL;
  const char *view = NULL;
  gboolean is_default = FALSE;
  ZxWindow *window;

  g_variant_dict_lookup (options, "view", "&s", &view);
  g_variant_dict_lookup (options, "db-default", "b", &is_default);
  if (!g_variant_dict_lookup (options, "db-path", "^ay", &path))
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("No database file was given"));
      return EXIT_USAGE;
    }

  if (g_variant_dict_contains (options, "wall"))
    {
      start_wall (self, path, options);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "screenshot", "^ay", &screenshot))
    {
      start_screenshot (self, path, is_default, view, screenshot);
      return EXIT_SUCCESS;
    }

  window = find_window (self, path);
  if (window == NULL)
    window = create_window (self, path, is_default, TRUE);
  if (view != NULL)
    zx_window_set_view (window, view);

  gtk_window_present (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}

/* Launched without a command line (D-Bus activation): the configured database. */
static void
zx_application_activate (GApplication *application)
{
  ZxApplication *self = ZX_APPLICATION (application);
  g_autofree char *resolved = NULL;
  g_autofree char *path = NULL;
  gboolean is_default = FALSE;
  ZxWindow *window;

  resolved = zx_store_resolve_path (NULL, &is_default);
  path = g_canonicalize_filename (resolved, NULL);

  window = find_window (self, path);
  if (window == NULL)
    window = create_window (self, path, is_default, TRUE);

  gtk_window_present (GTK_WINDOW (window));
}

/* Whether the interface is in Chinese, Japanese or Korean: the language of the translation in
 * use, from its header (gettext's answer for the empty msgid); untranslated means English. */
static gboolean
interface_is_cjk (void)
{
  /* Through a variable, so that xgettext does not take it for a message. */
  const char *header_msgid = "";
  const char *header = dgettext (GETTEXT_PACKAGE, header_msgid);
  const char *language = header != NULL ? strstr (header, "\nLanguage: ") : NULL;

  if (language == NULL)
    return FALSE;

  language += strlen ("\nLanguage: ");

  return g_str_has_prefix (language, "zh") || g_str_has_prefix (language, "ja")
         || g_str_has_prefix (language, "ko");
}

static void
load_css (ZxApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  /* No libadwaita to load style.css for us. */
  self->css_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->css_provider, "/cn/zhixing/Zhixing/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (!interface_is_cjk ())
    {
      self->language_css_provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (self->language_css_provider,
                                           "/cn/zhixing/Zhixing/style-non-cjk.css");
      gtk_style_context_add_provider_for_display (display,
                                                  GTK_STYLE_PROVIDER (self->language_css_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

static void
zx_application_startup (GApplication *application)
{
  ZxApplication *self = ZX_APPLICATION (application);
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const close_accels[] = { "<Control>w", NULL };
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (zx_application_parent_class)->startup (application);

  g_set_application_name (_("Zhixing"));
  gtk_window_set_default_icon_name (APP_ID);

  load_css (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  /* Running from the build dir without the schema installed is fine: no saved window state. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
}

static void
zx_application_dispose (GObject *object)
{
  ZxApplication *self = ZX_APPLICATION (object);

  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->css_provider);
  g_clear_object (&self->language_css_provider);

  G_OBJECT_CLASS (zx_application_parent_class)->dispose (object);
}

static void
zx_application_finalize (GObject *object)
{
  ZxApplication *self = ZX_APPLICATION (object);

  g_clear_pointer (&self->screenshot_path, g_free);

  G_OBJECT_CLASS (zx_application_parent_class)->finalize (object);
}

static void
zx_application_class_init (ZxApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = zx_application_dispose;
  object_class->finalize = zx_application_finalize;

  application_class->local_command_line = zx_application_local_command_line;
  application_class->handle_local_options = zx_application_handle_local_options;
  application_class->command_line = zx_application_command_line;
  application_class->activate = zx_application_activate;
  application_class->startup = zx_application_startup;
}

static void
zx_application_init (ZxApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The enforcement command center of the court."));
}

ZxApplication *
zx_application_new (void)
{
  return g_object_new (ZX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/cn/zhixing/Zhixing",
                       NULL);
}

int
zx_application_get_exit_status (ZxApplication *self)
{
  g_return_val_if_fail (ZX_IS_APPLICATION (self), EXIT_FAILURE);

  return self->exit_status;
}

GSettings *
zx_application_get_settings (ZxApplication *self)
{
  g_return_val_if_fail (ZX_IS_APPLICATION (self), NULL);

  return self->settings;
}
