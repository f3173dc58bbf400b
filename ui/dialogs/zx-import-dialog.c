/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Import Cases dialog: choose a CSV file (GtkFileChooserNative), see its first lines, then
 * import it with zx_case_import_data in a worker thread on a connection of its own.
 *
 * Cancelling. The import is one all-or-nothing call of the core with no way to interrupt it:
 * it checks every line first and then writes everything in one transaction. Dropping its
 * result would not undo a commit, so once Import is pressed the dialog cannot be cancelled or
 * closed; it says so, and that nothing is saved if any line is wrong. Reading the file for the
 * preview (the part that may be slow on a share) can be cancelled. The data imported is exactly
 * the data previewed: the file is read once. */
#define G_LOG_DOMAIN "zx-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "io/zx-case-io.h"
#include "io/zx-csv.h"
#include "zx-import-dialog.h"

/* Lines shown in the preview. */
#define PREVIEW_ROWS      20
#define PULSE_INTERVAL_MS 120

struct _ZxImportDialog
{
  GtkWindow      parent_instance;

  ZxStore       *store;
  char          *today;
  ZxImportState  state;
  GCancellable  *load_cancellable;   /* reading the file */
  GCancellable  *cancellable;        /* the dialog's life */
  GFile         *file;
  GBytes        *data;
  GPtrArray     *header;             /* char* */
  GPtrArray     *rows;               /* GPtrArray of char*, the first PREVIEW_ROWS records */
  guint          n_records;
  GPtrArray     *problems;           /* char*, after a rejected import */
  guint          imported;
  gint64         import_start_us;
  guint          pulse_source;
  GtkFileChooserNative *chooser;

  /* template children */
  GtkStack       *stack;
  GtkSpinner     *loading_spinner;
  GtkLabel       *file_label;
  GtkLabel       *records_label;
  GtkColumnView  *preview_view;
  GtkLabel       *preview_note;
  GtkLabel       *importing_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *rejected_label;
  GtkListView    *errors_view;
  GtkLabel       *done_label;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkWidget      *reload_button;
  GtkWidget      *choose_other_button;
  GtkLabel       *status_label;
  GtkButton      *close_button;
  GtkWidget      *import_button;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  PROP_STATE,
  N_PROPS
};

enum
{
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZxImportDialog, zx_import_dialog, GTK_TYPE_WINDOW)

/* ---- states ---------------------------------------------------------------------------------- */

static void
hide_error (ZxImportDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_visible (self->reload_button, FALSE);
}

static void
show_error (ZxImportDialog *self,
            const char     *message,
            gboolean        conflict)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->reload_button, conflict);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
set_state (ZxImportDialog *self,
           ZxImportState   state)
{
  static const char *const pages[] = {
    [ZX_IMPORT_STATE_CHOOSE] = "choose",
    [ZX_IMPORT_STATE_LOADING] = "loading",
    [ZX_IMPORT_STATE_PREVIEW] = "preview",
    [ZX_IMPORT_STATE_IMPORTING] = "importing",
    [ZX_IMPORT_STATE_REJECTED] = "rejected",
    [ZX_IMPORT_STATE_FAILED] = "preview",
    [ZX_IMPORT_STATE_DONE] = "done",
  };
  gboolean finished = state == ZX_IMPORT_STATE_DONE || state == ZX_IMPORT_STATE_REJECTED;
  gboolean read_only = self->store == NULL || zx_store_is_read_only (self->store);

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);

  if (state == ZX_IMPORT_STATE_LOADING)
    gtk_spinner_start (self->loading_spinner);
  else
    gtk_spinner_stop (self->loading_spinner);

  if (state != ZX_IMPORT_STATE_FAILED)
    hide_error (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.import",
                                 (state == ZX_IMPORT_STATE_PREVIEW
                                  || state == ZX_IMPORT_STATE_FAILED)
                                 && self->n_records > 0 && !read_only);
  gtk_widget_set_visible (self->import_button, state == ZX_IMPORT_STATE_PREVIEW
                                               || state == ZX_IMPORT_STATE_FAILED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.choose",
                                 state != ZX_IMPORT_STATE_IMPORTING
                                 && state != ZX_IMPORT_STATE_LOADING);
  gtk_widget_set_visible (self->choose_other_button, state == ZX_IMPORT_STATE_PREVIEW
                                                     || state == ZX_IMPORT_STATE_FAILED
                                                     || state == ZX_IMPORT_STATE_REJECTED);
  /* Once the import runs there is nothing to cancel: it commits everything or nothing. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.cancel",
                                 state != ZX_IMPORT_STATE_IMPORTING);
  gtk_button_set_label (self->close_button, finished ? _("_Close") : _("_Cancel"));
  gtk_window_set_deletable (GTK_WINDOW (self), state != ZX_IMPORT_STATE_IMPORTING);

  if (read_only && (state == ZX_IMPORT_STATE_PREVIEW || state == ZX_IMPORT_STATE_FAILED))
    gtk_label_set_label (self->status_label,
                         _("The database is open read-only; nothing can be imported."));
  else if (state == ZX_IMPORT_STATE_PREVIEW && self->n_records == 0)
    gtk_label_set_label (self->status_label, _("The file has no lines to import."));
  else
    gtk_label_set_label (self->status_label, "");

  if (state == ZX_IMPORT_STATE_DONE)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->close_button));
  else if (state == ZX_IMPORT_STATE_PREVIEW)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* ---- reading the file for the preview ---------------------------------------------------- */

typedef struct
{
  GBytes    *data;
  GPtrArray *header;
  GPtrArray *rows;
  guint      n_records;
  char      *problem;    /* a malformed record met while counting, or NULL */
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->data, g_bytes_unref);
  g_clear_pointer (&result->header, g_ptr_array_unref);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result->problem);
  g_free (result);
}

static gboolean
record_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *value = g_ptr_array_index (fields, i);

      if (value != NULL && *value != '\0')
        return FALSE;
    }

  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZxCsvReader) reader = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  LoadResult *result;
  GPtrArray *fields = NULL;
  guint line = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  reader = zx_csv_reader_new (contents, length);
  while (zx_csv_reader_next (reader, &fields, &line, &error))
    {
      if (result->header == NULL)
        {
          result->header = fields;
          continue;
        }

      if (record_is_empty (fields))
        {
          g_ptr_array_unref (fields);
          continue;
        }

      result->n_records++;
      if (result->rows->len < PREVIEW_ROWS)
        g_ptr_array_add (result->rows, fields);
      else
        g_ptr_array_unref (fields);

      if ((result->n_records & 0x3ff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }

  /* The import reports every problem; the preview only says that counting stopped. */
  if (error != NULL)
    result->problem = g_strdup (error->message);

  if (result->header == NULL)
    result->header = g_ptr_array_new_with_free_func (g_free);

  result->data = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (g_task_return_error_if_cancelled (task))
    {
      load_result_free (result);
      return;
    }

  g_task_return_pointer (task, result, load_result_free);
}

/* The width of TEXT in columns (CJK characters count two). */
static guint
text_columns (const char *text)
{
  guint columns = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return columns;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint width = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "width"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), (int) width);
  gtk_label_set_max_width_chars (GTK_LABEL (label), (int) width);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

/* Items are GtkStringObjects holding the row's index; the factory knows its column. */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ZxImportDialog           *self)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  guint row = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *value = "";

  if (self->rows != NULL && row < self->rows->len)
    {
      GPtrArray *fields = g_ptr_array_index (self->rows, row);

      if (column < fields->len)
        value = g_ptr_array_index (fields, column);
    }

  gtk_label_set_label (GTK_LABEL (label), value);
  gtk_widget_set_tooltip_text (label, *value != '\0' ? value : NULL);
}

static void
clear_preview_columns (ZxImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
}

static void
show_preview (ZxImportDialog *self)
{
  g_autoptr(GtkStringList) indexes = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *name = NULL;
  g_autofree char *records = NULL;
  guint n_columns = self->header->len;

  clear_preview_columns (self);

  for (guint i = 0; i < self->rows->len; i++)
    n_columns = MAX (n_columns, ((GPtrArray *) g_ptr_array_index (self->rows, i))->len);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      const char *title = c < self->header->len ? g_ptr_array_index (self->header, c) : "";
      guint width = text_columns (title);

      /* As wide as the header or the widest value shown, within reason. */
      for (guint i = 0; i < self->rows->len; i++)
        {
          GPtrArray *fields = g_ptr_array_index (self->rows, i);

          if (c < fields->len)
            width = MAX (width, text_columns (g_ptr_array_index (fields, c)));
        }
      width = CLAMP (width, 4, 26);

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "width", GUINT_TO_POINTER (width));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);

      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->preview_view, column);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      gtk_string_list_append (indexes, index);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&indexes)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  name = g_file_get_parse_name (self->file);
  gtk_label_set_label (self->file_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), name);

  records = g_strdup_printf (ngettext ("%u line to import", "%u lines to import",
                                       self->n_records),
                             self->n_records);
  gtk_label_set_label (self->records_label, records);

  if (self->n_records > self->rows->len)
    {
      g_autofree char *note = NULL;

      /* Translators: below the preview of an import file */
      note = g_strdup_printf (_("The first %u lines are shown. Every line is checked when you "
                                "press Import; if any is wrong, nothing is saved."),
                              self->rows->len);
      gtk_label_set_label (self->preview_note, note);
    }
  else
    gtk_label_set_label (self->preview_note,
                         _("Every line is checked when you press Import; if any is wrong, "
                           "nothing is saved."));
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *async_result,
              gpointer      user_data)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);

  if (result == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the file could not be read */
      message = g_strdup_printf (_("The file could not be read: %s"), error->message);
      set_state (self, ZX_IMPORT_STATE_CHOOSE);
      show_error (self, message, FALSE);
      return;
    }

  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->data = g_steal_pointer (&result->data);
  self->header = g_steal_pointer (&result->header);
  self->rows = g_steal_pointer (&result->rows);
  self->n_records = result->n_records;

  show_preview (self);
  set_state (self, ZX_IMPORT_STATE_PREVIEW);

  if (result->problem != NULL)
    {
      g_autofree char *note = NULL;

      /* Translators: %s is a message like “12:3: unterminated quote” */
      note = g_strdup_printf (_("The file is not well-formed CSV (%s); the import will list "
                                "the problems."),
                              result->problem);
      gtk_label_set_label (self->preview_note, note);
    }

  load_result_free (result);
}

/* ---- importing ----------------------------------------------------------------------------- */

typedef struct
{
  char   *path;
  char   *actor;
  char   *today;
  GBytes *data;
} ImportRequest;

typedef struct
{
  guint      imported;
  GPtrArray *problems;
  GError    *error;
} ImportResult;

static void
import_request_free (gpointer data)
{
  ImportRequest *request = data;

  g_free (request->path);
  g_free (request->actor);
  g_free (request->today);
  g_clear_pointer (&request->data, g_bytes_unref);
  g_free (request);
}

static void
import_result_free (gpointer data)
{
  ImportResult *result = data;

  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportRequest *request = task_data;
  ImportResult *result = g_new0 (ImportResult, 1);
  g_autoptr(ZxStore) store = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (request->data, &length);

  /* A connection of this thread's own: a ZxStore is not thread-safe. */
  store = zx_store_open (request->path, ZX_STORE_OPEN_DEFAULT, &result->error);
  if (store != NULL)
    {
      zx_store_set_actor (store, request->actor);
      zx_case_import_data (store, data, length, request->today, &result->imported,
                           &result->problems, &result->error);
    }

  /* Always a result: the problems come with the error. */
  g_task_return_pointer (task, result, import_result_free);
}

static void
stop_pulse (ZxImportDialog *self)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
}

static void
update_importing_label (ZxImportDialog *self)
{
  g_autofree char *text = NULL;
  guint seconds = (guint) ((g_get_monotonic_time () - self->import_start_us) / G_USEC_PER_SEC);

  if (seconds < 2)
    text = g_strdup_printf (ngettext ("Importing %u line…", "Importing %u lines…",
                                      self->n_records),
                            self->n_records);
  else
    /* Translators: %u lines, then the seconds it has taken so far */
    text = g_strdup_printf (ngettext ("Importing %u line… (%u s)", "Importing %u lines… (%u s)",
                                      self->n_records),
                            self->n_records, seconds);
  gtk_label_set_label (self->importing_label, text);
}

static gboolean
pulse_cb (gpointer user_data)
{
  ZxImportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  update_importing_label (self);

  return G_SOURCE_CONTINUE;
}

static void
show_problems (ZxImportDialog *self)
{
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *title = NULL;
  guint n = self->problems != NULL ? self->problems->len : 0;

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (lines, g_ptr_array_index (self->problems, i));

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines)));
  gtk_list_view_set_model (self->errors_view, GTK_SELECTION_MODEL (selection));

  title = g_strdup_printf (ngettext ("The file was not imported: %u problem. Nothing was saved.",
                                     "The file was not imported: %u problems. Nothing was saved.",
                                     n),
                           n);
  gtk_label_set_label (self->rejected_label, title);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  ImportResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (result == NULL)
    return;

  /* The dialog was destroyed with its parent while the import ran. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    {
      import_result_free (result);
      return;
    }

  stop_pulse (self);

  if (result->error == NULL)
    {
      g_autofree char *text = NULL;

      self->imported = result->imported;
      text = g_strdup_printf (ngettext ("%u case imported.", "%u cases imported.",
                                        result->imported),
                              result->imported);
      gtk_label_set_label (self->done_label, text);
      set_state (self, ZX_IMPORT_STATE_DONE);
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, result->imported);
    }
  else if (result->problems != NULL && result->problems->len > 0)
    {
      g_clear_pointer (&self->problems, g_ptr_array_unref);
      self->problems = g_steal_pointer (&result->problems);
      show_problems (self);
      set_state (self, ZX_IMPORT_STATE_REJECTED);
    }
  else
    {
      /* Busy, unreachable, a conflict, a header the importer refused: nothing was saved. */
      set_state (self, ZX_IMPORT_STATE_FAILED);
      show_error (self, result->error->message,
                  g_error_matches (result->error, ZX_ERROR, ZX_ERROR_CONFLICT));
    }

  import_result_free (result);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  ImportRequest *request;

  if (self->data == NULL || self->store == NULL || zx_store_is_read_only (self->store))
    return;

  request = g_new0 (ImportRequest, 1);
  request->path = g_strdup (zx_store_get_path (self->store));
  request->actor = g_strdup (zx_store_get_actor (self->store));
  request->today = g_strdup (self->today);
  request->data = g_bytes_ref (self->data);

  self->import_start_us = g_get_monotonic_time ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  update_importing_label (self);
  set_state (self, ZX_IMPORT_STATE_IMPORTING);
  self->pulse_source = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, import_action);
  g_task_set_name (task, "[zhixing] import cases");
  g_task_set_task_data (task, request, import_request_free);
  /* Not cancellable: the result is wanted even if cancelled (it may have committed). */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

/* ---- choosing -------------------------------------------------------------------------------- */

static void
chooser_response_cb (ZxImportDialog *self,
                     int             response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    zx_import_dialog_load_file (self, file);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Cancel (while choosing, reading or looking at the preview) or Close (when finished). */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (widget);

  if (self->state == ZX_IMPORT_STATE_IMPORTING)
    return;

  if (self->state == ZX_IMPORT_STATE_LOADING)
    {
      /* Stop reading, back to choosing. */
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
      set_state (self, self->data != NULL ? ZX_IMPORT_STATE_PREVIEW : ZX_IMPORT_STATE_CHOOSE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* After a conflict: read the file again and show it. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (widget);
  g_autoptr(GFile) file = self->file != NULL ? g_object_ref (self->file) : NULL;

  hide_error (self);
  if (file != NULL)
    zx_import_dialog_load_file (self, file);
}

static void
copy_errors_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (widget);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      g_string_append (text, g_ptr_array_index (self->problems, i));
      g_string_append_c (text, '\n');
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
}

static void
setup_error_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "zx-import-error");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_error_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (item));
}

/* ---- GObject --------------------------------------------------------------------------------- */

static gboolean
zx_import_dialog_close_request (GtkWindow *window)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (window);

  /* The import commits all or nothing and cannot be stopped: wait for it. */
  if (self->state == ZX_IMPORT_STATE_IMPORTING)
    return TRUE;

  if (GTK_WINDOW_CLASS (zx_import_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (zx_import_dialog_parent_class)->close_request (window);

  return FALSE;
}

static void
zx_import_dialog_constructed (GObject *object)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (zx_import_dialog_parent_class)->constructed (object);

  if (self->today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->today = g_date_time_format (now, "%Y-%m-%d");
    }

  set_state (self, ZX_IMPORT_STATE_CHOOSE);
}

static void
zx_import_dialog_dispose (GObject *object)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  stop_pulse (self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  /* The default button is a template child: forget it before it goes. */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);

  G_OBJECT_CLASS (zx_import_dialog_parent_class)->dispose (object);
}

static void
zx_import_dialog_finalize (GObject *object)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (zx_import_dialog_parent_class)->finalize (object);
}

static void
zx_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ZxImportDialog *self = ZX_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TODAY:
      g_free (self->today);
      self->today = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_import_dialog_class_init (ZxImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = zx_import_dialog_constructed;
  object_class->dispose = zx_import_dialog_dispose;
  object_class->finalize = zx_import_dialog_finalize;
  object_class->get_property = zx_import_dialog_get_property;
  object_class->set_property = zx_import_dialog_set_property;

  window_class->close_request = zx_import_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A ZxImportState. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, ZX_IMPORT_STATE_CHOOSE, ZX_IMPORT_STATE_DONE,
                      ZX_IMPORT_STATE_CHOOSE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZxImportDialog::imported:
   * @n_cases: the number of cases saved
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, records_label);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, preview_note);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, importing_label);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, errors_view);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, done_label);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, choose_other_button);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, ZxImportDialog, import_button);

  gtk_widget_class_install_action (widget_class, "dialog.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "dialog.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dialog.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "dialog.copy-errors", NULL, copy_errors_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
zx_import_dialog_init (ZxImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_error_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_error_cb), NULL);
  gtk_list_view_set_factory (self->errors_view, factory);
}

/* ---- public API ------------------------------------------------------------------------------ */

ZxImportDialog *
zx_import_dialog_new (GtkWindow  *parent,
                      ZxStore    *store,
                      const char *today)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZX_IS_STORE (store), NULL);

  return g_object_new (ZX_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "today", today,
                       NULL);
}

void
zx_import_dialog_load_file (ZxImportDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZX_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->state == ZX_IMPORT_STATE_IMPORTING)
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  g_set_object (&self->file, file);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->imported = 0;
  set_state (self, ZX_IMPORT_STATE_LOADING);

  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, zx_import_dialog_load_file);
  g_task_set_name (task, "[zhixing] read import file");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

ZxImportState
zx_import_dialog_get_state (ZxImportDialog *self)
{
  g_return_val_if_fail (ZX_IS_IMPORT_DIALOG (self), ZX_IMPORT_STATE_CHOOSE);

  return self->state;
}

GPtrArray *
zx_import_dialog_get_problems (ZxImportDialog *self)
{
  g_return_val_if_fail (ZX_IS_IMPORT_DIALOG (self), NULL);

  return self->problems;
}

guint
zx_import_dialog_get_imported (ZxImportDialog *self)
{
  g_return_val_if_fail (ZX_IS_IMPORT_DIALOG (self), 0);

  return self->imported;
}
