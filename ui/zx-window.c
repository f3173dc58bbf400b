/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a header with the court's name, where the database lives and who is signed
 * in; a sidebar of pages. It owns its database connection: opening runs in a worker thread, and
 * a database that cannot be opened is shown as a page with the reason, never a crash. */
#define G_LOG_DOMAIN "zx-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "io/zx-demo.h"
#include "pages/zx-case-register.h"
#include "pages/zx-cases-page.h"
#include "widgets/zx-placeholder-page.h"
#include "zx-window.h"

/* First run on the local default file: a demo court to look around in. */
#define DEMO_CASES        2000
#define DEMO_SEED         1
/* How often to poll for other clients' changes (PRAGMA data_version). */
#define WATCH_INTERVAL_MS 1000

struct _ZxWindow
{
  GtkApplicationWindow parent_instance;

  ZxStore      *store;
  char         *path;
  GError       *load_error;
  GCancellable *cancellable;
  GSettings    *settings;
  gboolean      loaded;

  /* template children */
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkWidget    *user_box;
  GtkLabel     *user_label;
  GtkRevealer  *banner_revealer;
  GtkLabel     *banner_label;
  GtkStack     *main_stack;
  GtkSpinner   *spinner;
  GtkLabel     *loading_label;
  GtkLabel     *error_label;
  GtkLabel     *error_path_label;
  GtkStack       *pages;
  ZxCaseRegister *case_register;
  ZxCasesPage    *cases_page;
  GtkLabel     *db_path_value;
  GtkLabel     *db_state_value;
  GtkLabel     *db_journal_value;
  GtkLabel     *db_schema_value;
};

typedef struct
{
  char     *path;
  gboolean  is_default;
  char     *today;
} OpenRequest;

typedef struct
{
  ZxStore *store;
  char    *notice;
} OpenResult;

enum
{
  PROP_0,
  PROP_LOADED,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const view_names[] = {
  "cases", "overview", "warnings", "blacklist", "workload", "reports", "settings", NULL
};

G_DEFINE_FINAL_TYPE (ZxWindow, zx_window, GTK_TYPE_APPLICATION_WINDOW)

static void
open_request_free (gpointer data)
{
  OpenRequest *request = data;

  g_free (request->path);
  g_free (request->today);
  g_free (request);
}

static void
open_result_free (gpointer data)
{
  OpenResult *result = data;

  g_clear_object (&result->store);
  g_free (result->notice);
  g_free (result);
}

static char *
describe_location (ZxStore *store)
{
  ZxFsKind kind = zx_store_get_fs_kind (store);
  g_autofree char *location = NULL;

  if (kind == ZX_FS_LOCAL)
    location = g_strdup (_("Local database"));
  else
    /* Translators: %s is the kind of network file system, e.g. “smb” or “nfs” */
    location = g_strdup_printf (_("Shared database (%s)"), zx_fs_kind_to_string (kind));

  if (zx_store_is_read_only (store))
    /* Translators: %s is “Local database” or “Shared database (smb)” */
    return g_strdup_printf (_("%s, read-only"), location);

  return g_steal_pointer (&location);
}

/* The staff member signed in on this computer (staff.login is the OS user name). */
static char *
lookup_user_display_name (ZxStore *store)
{
  sqlite3 *db = zx_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM staff WHERE login = ?1 AND active = 1", -1, &stmt,
                          NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return name;
}

static void
set_loaded (ZxWindow *self)
{
  gtk_spinner_stop (self->spinner);

  if (self->loaded)
    return;

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
show_banner (ZxWindow   *self,
             const char *text)
{
  gtk_label_set_label (self->banner_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

static void
update_header (ZxWindow *self)
{
  g_autofree char *court = NULL;
  g_autofree char *location = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *user_tooltip = NULL;
  const char *title;

  court = zx_store_get_meta (self->store, "court_name");
  title = court != NULL && *court != '\0' ? court : _("Zhixing");
  gtk_label_set_label (self->title_label, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  location = describe_location (self->store);
  gtk_label_set_label (self->subtitle_label, location);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), self->path);

  user_name = lookup_user_display_name (self->store);
  gtk_label_set_label (self->user_label, user_name != NULL ? user_name : g_get_user_name ());
  /* Translators: %s is the computer account name */
  user_tooltip = g_strdup_printf (_("Signed in as %s"), g_get_user_name ());
  gtk_widget_set_tooltip_text (self->user_box, user_tooltip);
}

static void
update_database_info (ZxWindow *self)
{
  g_autofree char *location = describe_location (self->store);
  g_autofree char *schema = g_strdup_printf ("%d", zx_store_get_schema_version (self->store));
  const char *journal = zx_store_get_journal_mode (self->store);

  gtk_label_set_label (self->db_path_value, self->path);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->db_path_value), self->path);
  gtk_label_set_label (self->db_state_value, location);
  gtk_label_set_label (self->db_journal_value, journal != NULL ? journal : "–");
  gtk_label_set_label (self->db_schema_value, schema);
}

/* Connected to changed::meta (the court's name) and changed::staff (the signed-in user). */
static void
store_changed_cb (ZxWindow   *self,
                  const char *entity,
                  gint64      id,
                  ZxStore    *store)
{
  g_assert (ZX_IS_WINDOW (self));

  update_header (self);
}

/* The window counts as loaded once the case list shows its first result. */
static void
case_register_loading_cb (ZxWindow *self)
{
  if (zx_case_register_get_loading (self->case_register))
    return;

  g_signal_handlers_disconnect_by_func (self->case_register, case_register_loading_cb, self);
  set_loaded (self);
}

static void
show_store (ZxWindow   *self,
            ZxStore    *store,
            const char *notice)
{
  g_set_object (&self->store, store);

  g_signal_connect_object (self->store, "changed::meta", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::staff", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  zx_store_watch (self->store, WATCH_INTERVAL_MS);

  update_header (self);
  update_database_info (self);
  zx_case_register_set_store (self->case_register, self->store);
  zx_cases_page_set_store (self->cases_page, self->store);
  show_banner (self, notice);

  gtk_stack_set_visible_child_name (self->main_stack, "content");
  if (zx_case_register_get_loading (self->case_register))
    g_signal_connect_object (self->case_register, "notify::loading",
                             G_CALLBACK (case_register_loading_cb), self, G_CONNECT_SWAPPED);
  else
    set_loaded (self);
}

static void
show_load_error (ZxWindow     *self,
                 const GError *error)
{
  g_autofree char *path_text = NULL;

  g_clear_error (&self->load_error);
  self->load_error = g_error_copy (error);

  g_debug ("Could not open %s: %s", self->path, error->message);

  /* Translators: %s is the path of the database file */
  path_text = g_strdup_printf (_("Database file: %s"), self->path);
  gtk_label_set_label (self->error_label, error->message);
  gtk_label_set_label (self->error_path_label, path_text);
  gtk_label_set_label (self->subtitle_label, _("Not connected"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), self->path);
  gtk_label_set_label (self->user_label, g_get_user_name ());

  gtk_stack_set_visible_child_name (self->main_stack, "error");
  set_loaded (self);
}

static void
open_database_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  OpenRequest *request = task_data;
  g_autoptr(ZxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OpenResult *result;
  char *notice = NULL;

  if (request->is_default && !g_file_test (request->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (request->path);
      ZxDemoOptions options = { DEMO_CASES, DEMO_SEED, request->today };

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   _("Could not create the folder %s: %s"), dir,
                                   g_strerror (saved_errno));
          return;
        }

      store = zx_store_open (request->path, ZX_STORE_OPEN_CREATE | ZX_STORE_OPEN_MIGRATE, &error);
      if (store == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      if (!zx_demo_generate (store, &options, &error))
        notice = g_strdup_printf (_("The demo data could not be generated: %s"), error->message);
    }
  else
    {
      /* The local default belongs to this user alone, so it may be migrated on the spot; a
       * shared file is migrated by the administrator with `zhixingctl init`. */
      ZxStoreOpenFlags flags = request->is_default ? ZX_STORE_OPEN_MIGRATE : ZX_STORE_OPEN_DEFAULT;

      store = zx_store_open (request->path, flags, &error);

      if (store == NULL && g_error_matches (error, ZX_ERROR, ZX_ERROR_TOO_NEW))
        {
          g_autoptr(GError) viewer_error = NULL;

          store = zx_store_open (request->path, ZX_STORE_OPEN_VIEWER, &viewer_error);
          if (store != NULL)
            /* Translators: %s says why, e.g. that a newer version wrote the database */
            notice = g_strdup_printf (_("Opened read-only: %s"), error->message);
        }

      if (store == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  result = g_new0 (OpenResult, 1);
  result->store = g_steal_pointer (&store);
  result->notice = notice;
  g_task_return_pointer (task, result, open_result_free);
}

static void
open_database_cb (GObject      *object,
                  GAsyncResult *async_result,
                  gpointer      user_data)
{
  ZxWindow *self = ZX_WINDOW (object);
  g_autoptr(GError) error = NULL;
  OpenResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);

  if (result == NULL)
    {
      /* Cancelled: the window is gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_load_error (self, error);
      return;
    }

  show_store (self, result->store, result->notice);
  open_result_free (result);
}

static void
zx_window_dispose (GObject *object)
{
  ZxWindow *self = ZX_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
      zx_store_unwatch (self->store);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zx_window_parent_class)->dispose (object);
}

static void
zx_window_finalize (GObject *object)
{
  ZxWindow *self = ZX_WINDOW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (zx_window_parent_class)->finalize (object);
}

static void
zx_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZxWindow *self = ZX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_VIEW:
      g_value_set_string (value, zx_window_get_view (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZxWindow *self = ZX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      zx_window_set_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
zx_window_close_request (GtkWindow *window)
{
  ZxWindow *self = ZX_WINDOW (window);

  if (self->settings != NULL)
    {
      int width = 0;
      int height = 0;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (zx_window_parent_class)->close_request (window);
}

static void
zx_window_class_init (ZxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zx_window_dispose;
  object_class->finalize = zx_window_finalize;
  object_class->get_property = zx_window_get_property;
  object_class->set_property = zx_window_set_property;

  window_class->close_request = zx_window_close_request;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "cases",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZX_TYPE_CASE_REGISTER);
  g_type_ensure (ZX_TYPE_CASES_PAGE);
  g_type_ensure (ZX_TYPE_PLACEHOLDER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/zhixing/Zhixing/ui/zx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, user_box);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, error_path_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, case_register);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, cases_page);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, db_path_value);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, db_state_value);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, db_journal_value);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, db_schema_value);
}

static void
pages_visible_child_cb (ZxWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
zx_window_init (ZxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->user_label, g_get_user_name ());

  g_signal_connect_object (self->pages, "notify::visible-child-name",
                           G_CALLBACK (pages_visible_child_cb), self, G_CONNECT_SWAPPED);
}

const char *const *
zx_window_get_view_names (void)
{
  return view_names;
}

gboolean
zx_window_is_view_name (const char *name)
{
  return name != NULL && g_strv_contains (view_names, name);
}

ZxWindow *
zx_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (ZX_TYPE_WINDOW, "application", application, NULL);
}

void
zx_window_open_database (ZxWindow   *self,
                         const char *path,
                         gboolean    is_default)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  OpenRequest *request;

  g_return_if_fail (ZX_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->path == NULL);

  self->path = g_strdup (path);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), path);

  if (is_default && !g_file_test (path, G_FILE_TEST_EXISTS))
    gtk_label_set_label (self->loading_label, _("Preparing a demo database…"));

  now = g_date_time_new_now_local ();
  request = g_new0 (OpenRequest, 1);
  request->path = g_strdup (path);
  request->is_default = is_default;
  request->today = g_date_time_format (now, "%Y-%m-%d");

  task = g_task_new (self, self->cancellable, open_database_cb, NULL);
  g_task_set_source_tag (task, zx_window_open_database);
  g_task_set_name (task, "[zhixing] open database");
  g_task_set_task_data (task, request, open_request_free);
  g_task_run_in_thread (task, open_database_thread);
}

const char *
zx_window_get_database_path (ZxWindow *self)
{
  g_return_val_if_fail (ZX_IS_WINDOW (self), NULL);

  return self->path;
}

ZxStore *
zx_window_get_store (ZxWindow *self)
{
  g_return_val_if_fail (ZX_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
zx_window_get_loaded (ZxWindow *self)
{
  g_return_val_if_fail (ZX_IS_WINDOW (self), FALSE);

  return self->loaded;
}

const GError *
zx_window_get_load_error (ZxWindow *self)
{
  g_return_val_if_fail (ZX_IS_WINDOW (self), NULL);

  return self->load_error;
}

void
zx_window_set_view (ZxWindow   *self,
                    const char *view)
{
  g_return_if_fail (ZX_IS_WINDOW (self));

  if (!zx_window_is_view_name (view))
    {
      g_warning ("No such view: %s", view != NULL ? view : "(null)");
      return;
    }

  /* notify::view follows from the stack's notify::visible-child-name. */
  gtk_stack_set_visible_child_name (self->pages, view);
}

const char *
zx_window_get_view (ZxWindow *self)
{
  g_return_val_if_fail (ZX_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}

void
zx_window_bind_state (ZxWindow  *self,
                      GSettings *settings)
{
  int width;
  int height;

  g_return_if_fail (ZX_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
