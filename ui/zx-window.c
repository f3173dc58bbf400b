/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a header with the court's name, where the database lives and in what state,
 * and who is signed in; a sidebar of pages. It owns its database connection: opening runs in a
 * worker thread, and a database that cannot be opened is shown as a page with the reason, never
 * a crash. Once open, the window polls for other clients' changes; a poll that fails (the share
 * went away) shows a banner, turns the write actions off and is retried until it succeeds. */
#define G_LOG_DOMAIN "zx-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dialogs/zx-export-dialog.h"
#include "dialogs/zx-import-dialog.h"
#include "dialogs/zx-new-case-dialog.h"
#include "domain/zx-validate.h"
#include "io/zx-demo.h"
#include "pages/zx-case-register.h"
#include "pages/zx-blacklist-page.h"
#include "pages/zx-cases-page.h"
#include "pages/zx-settings-page.h"
#include "pages/zx-warnings-page.h"
#include "store/zx-roles.h"
#include "widgets/zx-placeholder-page.h"
#include "zx-window.h"

/* First run on the local default file: a demo court to look around in. */
#define DEMO_CASES        2000
#define DEMO_SEED         1
/* How often to poll for other clients' changes (PRAGMA data_version). */
#define WATCH_INTERVAL_MS 1000
/* While the database cannot be reached, how often to try again. */
#define RETRY_INTERVAL_MS 3000

/* What the header says about the connection. */
typedef enum
{
  DB_STATE_CONNECTED,
  DB_STATE_WAITING,    /* polls fail: the share is gone or the file is unreadable */
  DB_STATE_READ_ONLY,  /* viewer, newer schema, or a file we may not write */
} DbState;

struct _ZxWindow
{
  GtkApplicationWindow parent_instance;

  ZxStore      *store;
  char         *path;
  GError       *load_error;
  GCancellable *cancellable;
  GSettings    *settings;
  gboolean      loaded;
  char         *today;        /* $ZHIXING_TODAY (tests, screenshots), or NULL: the local date */
  char         *notice;       /* the banner shown when opening (e.g. opened read-only) */
  DbState       db_state;
  char         *poll_error;   /* why the last poll failed, while waiting */
  guint         poll_source;
  gboolean      is_staff;
  GtkWindow    *new_case_dialog;
  GtkWindow    *import_dialog;

  /* template children */
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkWidget    *user_box;
  GtkLabel     *user_label;
  GtkRevealer  *banner_revealer;
  GtkLabel     *banner_label;
  GtkSpinner   *banner_spinner;
  GtkWidget    *banner_retry_button;
  GtkWidget    *new_case_button;
  GtkWidget    *import_button;
  GtkStack     *main_stack;
  GtkSpinner   *spinner;
  GtkLabel     *loading_label;
  GtkLabel     *error_label;
  GtkLabel     *error_path_label;
  GtkStack       *pages;
  ZxCaseRegister *case_register;
  ZxCasesPage    *cases_page;
  ZxWarningsPage *warnings_page;
  ZxBlacklistPage *blacklist_page;
  ZxSettingsPage *settings_page;
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

  if (kind == ZX_FS_LOCAL)
    return g_strdup (_("Local database"));

  /* Translators: %s is the kind of network file system, e.g. “smb” or “nfs” */
  return g_strdup_printf (_("Shared database (%s)"), zx_fs_kind_to_string (kind));
}

static const char *
describe_state (DbState state)
{
  switch (state)
    {
    case DB_STATE_CONNECTED:
      return _("connected");
    case DB_STATE_WAITING:
      return _("waiting for the database…");
    case DB_STATE_READ_ONLY:
      return _("read-only");
    default:
      g_assert_not_reached ();
    }
}

/* "Local database, connected", "Shared database (smb), read-only", … */
static char *
describe_database (ZxWindow *self)
{
  g_autofree char *location = describe_location (self->store);

  /* Translators: the first %s is “Local database” or “Shared database (smb)”, the second its
   * state: “connected”, “waiting for the database…” or “read-only” */
  return g_strdup_printf (_("%s, %s"), location, describe_state (self->db_state));
}

/* Why this window cannot save anything now, or NULL. */
static char *
write_block_reason (ZxWindow *self)
{
  if (self->store == NULL)
    return g_strdup (_("No database is open."));

  if (self->db_state == DB_STATE_WAITING)
    return g_strdup (_("The database cannot be reached; saving is off until it is back."));

  if (zx_store_is_read_only (self->store))
    {
      if (zx_store_get_schema_version (self->store) > ZX_SCHEMA_VERSION)
        return g_strdup (_("A newer version of Zhixing wrote this database: it is open "
                           "read-only. Install the newer version to make changes."));
      if (g_access (self->path, W_OK) != 0)
        return g_strdup (_("You may not write to the database file: it is open read-only."));

      return g_strdup (_("The database is open read-only (viewer)."));
    }

  if (!self->is_staff)
    /* Translators: %s is the computer account name */
    return g_strdup_printf (_("“%s” is not in the staff list: ask the administrator to add "
                              "this login to a staff member."),
                            zx_store_get_actor (self->store));

  return NULL;
}

/* win.new-case and win.import-cases follow the database state and who is signed in. */
static void
update_actions (ZxWindow *self)
{
  g_autofree char *reason = write_block_reason (self);
  const char *const names[] = { "new-case", "import-cases" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), reason == NULL);
    }

  gtk_widget_set_tooltip_text (self->new_case_button,
                               reason != NULL ? reason : _("File a new case (Ctrl+N)"));
  gtk_widget_set_tooltip_text (self->import_button,
                               reason != NULL ? reason
                                              : _("Import cases from a CSV file (Ctrl+I)"));
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

/* The banner says the database is out of reach (with the reason, retried by itself), or shows
 * the notice from opening, or nothing. */
static void
update_banner (ZxWindow *self)
{
  gboolean waiting = self->db_state == DB_STATE_WAITING;
  g_autofree char *text = NULL;

  if (waiting)
    /* Translators: %s is the reason, e.g. “Checking for changes: disk I/O error” */
    text = g_strdup_printf (_("Waiting for the database… %s. Zhixing tries again by itself; "
                              "saving is off until the database is back."),
                            self->poll_error != NULL ? self->poll_error : "");
  else if (self->notice != NULL)
    text = g_strdup (self->notice);

  gtk_label_set_label (self->banner_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_spinner), waiting);
  gtk_spinner_set_spinning (self->banner_spinner, waiting);
  gtk_widget_set_visible (self->banner_retry_button, waiting);
}

/* The court's name and who is signed in, from the database. What cannot be read (the share is
 * gone) stays as it was. */
static void
update_identity (ZxWindow *self)
{
  g_autofree char *court = NULL;
  g_autofree char *user_tooltip = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ZxStaff) staff = { 0 };

  court = zx_store_get_meta (self->store, "court_name");
  if (court != NULL && *court != '\0')
    {
      gtk_label_set_label (self->title_label, court);
      gtk_window_set_title (GTK_WINDOW (self), court);
    }

  /* The staff member whose login is this computer account (the store's actor). */
  if (zx_roles_get_actor (self->store, &staff, &error))
    {
      g_autofree char *text = NULL;

      self->is_staff = TRUE;
      /* Translators: the signed-in staff member: name and role, e.g. “王强 · officer” */
      text = g_strdup_printf (_("%s · %s"), staff.name, zx_role_label (staff.role));
      gtk_label_set_label (self->user_label, text);
      /* Translators: %s is the computer account name */
      user_tooltip = g_strdup_printf (_("Signed in as %s"), zx_store_get_actor (self->store));
      gtk_widget_set_tooltip_text (self->user_box, user_tooltip);
    }
  else if (g_error_matches (error, ZX_ERROR, ZX_ERROR_DENIED))
    {
      self->is_staff = FALSE;
      gtk_label_set_label (self->user_label, _("Not a staff member (read-only actions)"));
      gtk_widget_set_tooltip_text (self->user_box, error->message);
    }
  else
    g_debug ("Who is signed in: %s", error->message);
}

/* Where the database is and in what state; what may be done. */
static void
update_state (ZxWindow *self)
{
  g_autofree char *database = describe_database (self);

  gtk_label_set_label (self->subtitle_label, database);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), self->path);
  update_actions (self);
}

static void
update_header (ZxWindow *self)
{
  update_identity (self);
  update_state (self);
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

/* The window counts as loaded once the case list and the warnings show their first result. */
static void
page_loading_cb (ZxWindow *self)
{
  if (zx_case_register_get_loading (self->case_register)
      || zx_warnings_page_get_loading (self->warnings_page))
    return;

  g_signal_handlers_disconnect_by_func (self->case_register, page_loading_cb, self);
  g_signal_handlers_disconnect_by_func (self->warnings_page, page_loading_cb, self);
  set_loaded (self);
}

/* ---- polling for changes; outages ------------------------------------------------------------ */

static gboolean poll_cb (gpointer user_data);

static void
schedule_poll (ZxWindow *self)
{
  g_clear_handle_id (&self->poll_source, g_source_remove);
  self->poll_source = g_timeout_add (self->db_state == DB_STATE_WAITING
                                     ? RETRY_INTERVAL_MS : WATCH_INTERVAL_MS,
                                     poll_cb, self);
  g_source_set_name_by_id (self->poll_source, "[zhixing] poll database");
}

static DbState
normal_state (ZxWindow *self)
{
  return zx_store_is_read_only (self->store) ? DB_STATE_READ_ONLY : DB_STATE_CONNECTED;
}

static void
set_db_state (ZxWindow *self,
              DbState   state)
{
  if (self->db_state == state)
    return;

  self->db_state = state;
  update_state (self);
  update_banner (self);
}

/* One poll: other clients' changes come in as ::changed signals. The built-in watcher
 * (zx_store_watch) keeps its errors to itself, so the window polls by itself to know when the
 * database is out of reach. */
static void
poll_now (ZxWindow *self)
{
  g_autoptr(GError) error = NULL;

  zx_store_poll_changes (self->store, &error);

  if (error != NULL)
    {
      g_debug ("Polling %s: %s", self->path, error->message);
      if (g_strcmp0 (self->poll_error, error->message) != 0)
        {
          g_free (self->poll_error);
          self->poll_error = g_strdup (error->message);
          if (self->db_state == DB_STATE_WAITING)
            update_banner (self);
        }
      set_db_state (self, DB_STATE_WAITING);
      return;
    }

  if (self->db_state == DB_STATE_WAITING)
    {
      /* Back: what the pages show may be stale or an error; read everything again. */
      g_clear_pointer (&self->poll_error, g_free);
      set_db_state (self, normal_state (self));
      update_identity (self);
      zx_case_register_refresh (self->case_register);
      zx_cases_page_refresh (self->cases_page);
      zx_warnings_page_refresh (self->warnings_page);
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  ZxWindow *self = user_data;

  self->poll_source = 0;
  poll_now (self);
  schedule_poll (self);

  return G_SOURCE_REMOVE;
}

/* ---- actions --------------------------------------------------------------------------------- */

static void
new_case_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ZxWindow *self = user_data;

  if (self->store == NULL)
    return;

  if (self->new_case_dialog == NULL)
    {
      self->new_case_dialog = GTK_WINDOW (zx_new_case_dialog_new (GTK_WINDOW (self), self->store,
                                                                   self->today));
      g_object_add_weak_pointer (G_OBJECT (self->new_case_dialog),
                                 (gpointer *) &self->new_case_dialog);
    }

  gtk_window_present (self->new_case_dialog);
}

static void
import_cases_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ZxWindow *self = user_data;

  if (self->store == NULL)
    return;

  if (self->import_dialog == NULL)
    {
      self->import_dialog = GTK_WINDOW (zx_import_dialog_new (GTK_WINDOW (self), self->store,
                                                              self->today));
      g_object_add_weak_pointer (G_OBJECT (self->import_dialog),
                                 (gpointer *) &self->import_dialog);
    }

  gtk_window_present (self->import_dialog);
}

static void
export_cases_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ZxWindow *self = user_data;

  if (self->store != NULL)
    zx_export_dialog_choose (GTK_WINDOW (self), self->store, self->today);
}

static void
retry_database_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ZxWindow *self = user_data;

  if (self->store == NULL)
    return;

  poll_now (self);
  schedule_poll (self);
}

/* win.show-page (s: a view name): Alt+1 … Alt+7. */
static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ZxWindow *self = user_data;

  zx_window_set_view (self, g_variant_get_string (parameter, NULL));
}

static const GActionEntry win_actions[] = {
  { "new-case", new_case_action },
  { "import-cases", import_cases_action },
  { "export-cases", export_cases_action },
  { "retry-database", retry_database_action },
  { "show-page", show_page_action, "s" },
};

/* An item on the Warnings page was activated: show its case on the Cases page, at the tab of
 * the row the warning is about. */
static void
warning_activated_cb (ZxWindow   *self,
                      gint64      case_id,
                      const char *entity,
                      gint64      entity_id)
{
  g_debug ("Warning on case %" G_GINT64_FORMAT " (%s %" G_GINT64_FORMAT ") activated", case_id,
           entity, entity_id);
  zx_window_set_view (self, "cases");
  if (case_id > 0)
    zx_case_register_show_case (self->case_register, case_id,
                                zx_case_detail_section_for_entity (entity));
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

  g_free (self->notice);
  self->notice = g_strdup (notice);
  self->db_state = normal_state (self);
  schedule_poll (self);

  update_header (self);
  update_banner (self);
  zx_case_register_set_store (self->case_register, self->store);
  zx_cases_page_set_store (self->cases_page, self->store);
  zx_warnings_page_set_today (self->warnings_page, self->today);
  zx_warnings_page_set_store (self->warnings_page, self->store);
  zx_blacklist_page_set_today (self->blacklist_page, self->today);
  zx_blacklist_page_set_store (self->blacklist_page, self->store);
  zx_settings_page_set_store (self->settings_page, self->store);

  gtk_stack_set_visible_child_name (self->main_stack, "content");
  g_signal_connect_object (self->case_register, "notify::loading",
                           G_CALLBACK (page_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->warnings_page, "notify::loading",
                           G_CALLBACK (page_loading_cb), self, G_CONNECT_SWAPPED);
  page_loading_cb (self);
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

/* A dialog may outlive this window for a moment (a save finishing): let go of it first. */
static void
release_dialog (GtkWindow **dialog)
{
  GtkWindow *window = *dialog;

  if (window == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) dialog);
  *dialog = NULL;
  gtk_window_destroy (window);
}

static void
zx_window_dispose (GObject *object)
{
  ZxWindow *self = ZX_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_clear_handle_id (&self->poll_source, g_source_remove);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);

  release_dialog (&self->new_case_dialog);
  release_dialog (&self->import_dialog);

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
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->poll_error, g_free);
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
  g_type_ensure (ZX_TYPE_WARNINGS_PAGE);
  g_type_ensure (ZX_TYPE_BLACKLIST_PAGE);
  g_type_ensure (ZX_TYPE_SETTINGS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/cn/zhixing/Zhixing/ui/zx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, user_box);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, banner_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, banner_retry_button);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, new_case_button);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, error_path_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, case_register);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, cases_page);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, warnings_page);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, blacklist_page);
  gtk_widget_class_bind_template_child (widget_class, ZxWindow, settings_page);
}

static void
pages_visible_child_cb (ZxWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
zx_window_init (ZxWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->user_label, g_get_user_name ());

  /* Tests and screenshots fix "today" (the deadlines, the default filing date, date bounds). */
  if (g_getenv ("ZHIXING_TODAY") != NULL && *g_getenv ("ZHIXING_TODAY") != '\0')
    {
      if (zx_validate_date (g_getenv ("ZHIXING_TODAY"), NULL))
        self->today = g_strdup (g_getenv ("ZHIXING_TODAY"));
      else
        g_warning ("ZHIXING_TODAY=%s is not a date (YYYY-MM-DD); using the local date",
                   g_getenv ("ZHIXING_TODAY"));
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  update_actions (self);

  builder = gtk_builder_new_from_resource ("/cn/zhixing/Zhixing/ui/zx-shortcuts-window.ui");
  gtk_application_window_set_help_overlay (
    GTK_APPLICATION_WINDOW (self),
    GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  g_signal_connect_object (self->warnings_page, "case-activated",
                           G_CALLBACK (warning_activated_cb), self, G_CONNECT_SWAPPED);

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
  static const char *const new_case_accels[] = { "<Control>n", NULL };
  static const char *const import_accels[] = { "<Control>i", NULL };
  static const char *const help_accels[] = { "<Control>question", NULL };

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  gtk_application_set_accels_for_action (application, "win.new-case", new_case_accels);
  gtk_application_set_accels_for_action (application, "win.import-cases", import_accels);
  gtk_application_set_accels_for_action (application, "win.show-help-overlay", help_accels);

  /* Alt+1 … Alt+7: the pages in the sidebar's order. */
  for (guint i = 0; view_names[i] != NULL && i < 9; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page('%s')", view_names[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *const accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (application, detailed, accels);
    }

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
  request->today = self->today != NULL ? g_strdup (self->today)
                                       : g_date_time_format (now, "%Y-%m-%d");

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
