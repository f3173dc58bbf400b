/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Export Cases dialog: the cases, as CSV in the import format (zx_case_export), written in a
 * GTask thread on a read-only connection of its own, with a pulsing progress bar and Cancel.
 *
 * Nothing half-done. g_file_replace() only writes through a temporary file when the destination
 * already exists; a new file is created in place and would be seen growing (and be left behind
 * on cancel). So the export goes to a hidden sibling ".NAME.XXXXXXXX.part" (itself opened with
 * g_file_replace), which is renamed over the destination once complete. Cancelled or failed, the
 * part file is closed with a cancelled cancellable and deleted: the destination never existed,
 * or stays as it was. */
#define G_LOG_DOMAIN "zx-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "io/zx-case-io.h"
#include "zx-export-dialog.h"

#define PULSE_INTERVAL_MS 120

struct _ZxExportDialog
{
  GtkWindow       parent_instance;

  ZxExportState   state;
  GCancellable   *cancellable;
  GFile          *dest;
  char           *message;
  guint           pulse_source;

  GtkLabel       *status_label;
  GtkProgressBar *progress;
  GtkLabel       *result_label;
  GtkWidget      *cancel_button;
  GtkWidget      *close_button;
};

G_DEFINE_FINAL_TYPE (ZxExportDialog, zx_export_dialog, GTK_TYPE_WINDOW)

/* ---- the worker ---------------------------------------------------------------------------- */

typedef struct
{
  char  *db_path;
  GFile *dest;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_clear_object (&job->dest);
  g_free (job);
}

static GFile *
part_file_for (GFile *dest)
{
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  g_autofree char *base = g_file_get_basename (dest);
  g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());

  return parent != NULL ? g_file_get_child (parent, name) : NULL;
}

static gboolean
export_to (ExportJob *job, GFile *part, GCancellable *cancellable, GError **error)
{
  g_autoptr(ZxStore) store = zx_store_open (job->db_path, ZX_STORE_OPEN_VIEWER, error);
  g_autoptr(GFileOutputStream) out = NULL;

  if (store == NULL)
    return FALSE;
  out = g_file_replace (part, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!zx_case_export (store, G_OUTPUT_STREAM (out), cancellable, error)
      || !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close discards what g_file_replace was writing. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error)
         && g_file_move (part, job->dest, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GFile) part = part_file_for (job->dest);
  g_autoptr(GFileInfo) info = NULL;
  GError *error = NULL;

  if (part == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("Cannot write a file there"));
      return;
    }
  if (!export_to (job, part, cancellable, &error))
    {
      g_file_delete (part, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }
  info = g_file_query_info (job->dest, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, g_file_info_get_size (info));
}

void
zx_export_cases_async (const char          *db_path,
                       GFile               *dest,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zx_export_cases_async);
  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (db_path);
  job->dest = g_object_ref (dest);
  g_task_set_task_data (task, job, export_job_free);
  /* The result must follow the work: a cancel after the file was renamed is not a cancel. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
zx_export_cases_finish (GAsyncResult  *result,
                        goffset       *out_bytes,
                        GError       **error)
{
  gssize bytes;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  bytes = g_task_propagate_int (G_TASK (result), error);
  if (bytes < 0)
    return FALSE;
  if (out_bytes != NULL)
    *out_bytes = bytes;
  return TRUE;
}

/* ---- the dialog ---------------------------------------------------------------------------- */

static gboolean
pulse_cb (gpointer data)
{
  ZxExportDialog *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ZxExportDialog *self = user_data;  /* a reference held by the task */
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_file_get_parse_name (self->dest);
  goffset bytes = 0;
  g_autofree char *count = NULL;

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_free (self->message);
  if (zx_export_cases_finish (result, &bytes, &error))
    {
      self->state = ZX_EXPORT_STATE_DONE;
      count = g_strdup_printf ("%" G_GOFFSET_FORMAT, bytes);
      /* Translators: "1234 bytes written to /home/clerk/cases-2026-06-15.csv". */
      self->message = g_strdup_printf (ngettext ("%s byte written to %s",
                                                 "%s bytes written to %s",
                                                 (gulong) bytes),
                                       count, where);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->state = ZX_EXPORT_STATE_CANCELLED;
      self->message = g_strdup (_("Export cancelled; nothing was written"));
    }
  else
    {
      self->state = ZX_EXPORT_STATE_FAILED;
      self->message = g_strdup_printf (_("The export failed: %s"), error->message);
    }

  if (self->result_label != NULL)  /* not destroyed */
    {
      gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      gtk_label_set_label (self->result_label, self->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->result_label),
                                self->state == ZX_EXPORT_STATE_DONE ? "success" : "error");
      gtk_widget_set_visible (self->cancel_button, FALSE);
      gtk_widget_set_visible (self->close_button, TRUE);
      gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);
    }
  g_object_unref (self);
}

void
zx_export_dialog_cancel (ZxExportDialog *self)
{
  g_return_if_fail (ZX_IS_EXPORT_DIALOG (self));

  if (self->state != ZX_EXPORT_STATE_RUNNING || self->cancel_button == NULL)
    return;
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  gtk_label_set_label (self->status_label, _("Cancelling…"));
  g_cancellable_cancel (self->cancellable);
}

ZxExportState
zx_export_dialog_get_state (ZxExportDialog *self)
{
  g_return_val_if_fail (ZX_IS_EXPORT_DIALOG (self), ZX_EXPORT_STATE_FAILED);

  return self->state;
}

const char *
zx_export_dialog_get_message (ZxExportDialog *self)
{
  g_return_val_if_fail (ZX_IS_EXPORT_DIALOG (self), NULL);

  return self->message;
}

static gboolean
close_request_cb (GtkWindow *window)
{
  /* Closing while it runs is a cancel. */
  zx_export_dialog_cancel (ZX_EXPORT_DIALOG (window));
  return FALSE;
}

static void
zx_export_dialog_dispose (GObject *object)
{
  ZxExportDialog *self = ZX_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  /* The worker's callback may come later: the widgets are gone by then. */
  self->status_label = NULL;
  self->progress = NULL;
  self->result_label = NULL;
  self->cancel_button = NULL;
  self->close_button = NULL;

  G_OBJECT_CLASS (zx_export_dialog_parent_class)->dispose (object);
}

static void
zx_export_dialog_finalize (GObject *object)
{
  ZxExportDialog *self = ZX_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->dest);
  g_free (self->message);

  G_OBJECT_CLASS (zx_export_dialog_parent_class)->finalize (object);
}

static void
zx_export_dialog_class_init (ZxExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zx_export_dialog_dispose;
  object_class->finalize = zx_export_dialog_finalize;
  window_class->close_request = close_request_cb;
}

static void
zx_export_dialog_init (ZxExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Export Cases"));
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));

  self->result_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->result_label, 0);
  gtk_label_set_wrap (self->result_label, TRUE);
  gtk_label_set_selectable (self->result_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->result_label));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked",
                            G_CALLBACK (zx_export_dialog_cancel), self);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  self->close_button = gtk_button_new_with_mnemonic (_("_Close"));
  gtk_widget_set_visible (self->close_button, FALSE);
  g_signal_connect_swapped (self->close_button, "clicked",
                            G_CALLBACK (gtk_window_destroy), self);
  gtk_box_append (GTK_BOX (buttons), self->close_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_window_set_child (GTK_WINDOW (self), box);
}

ZxExportDialog *
zx_export_dialog_new (GtkWindow *parent,
                      ZxStore   *store,
                      GFile     *dest)
{
  ZxExportDialog *self;
  g_autofree char *where = NULL;
  g_autofree char *status = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZX_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (dest), NULL);

  self = g_object_new (ZX_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE,
                       "destroy-with-parent", TRUE, NULL);
  self->dest = g_object_ref (dest);
  self->state = ZX_EXPORT_STATE_RUNNING;
  where = g_file_get_parse_name (dest);
  status = g_strdup_printf (_("Exporting the cases to %s…"), where);
  gtk_label_set_label (self->status_label, status);
  self->pulse_source = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  zx_export_cases_async (zx_store_get_path (store), dest, self->cancellable, export_done_cb,
                         g_object_ref (self));
  return self;
}

/* ---- choosing the file --------------------------------------------------------------------- */

typedef struct
{
  GtkWindow *parent;
  ZxStore   *store;
} ChooseData;

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ChooseData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gtk_window_present (GTK_WINDOW (zx_export_dialog_new (data->parent, data->store, file)));
    }
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
zx_export_dialog_choose (GtkWindow  *parent,
                         ZxStore    *store,
                         const char *today)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *csv = gtk_file_filter_new ();
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  ChooseData *data;

  g_return_if_fail (ZX_IS_STORE (store));

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = g_date_time_format (now, "%Y-%m-%d");
    }
  name = g_strdup_printf ("cases-%s.csv", today != NULL ? today : date);

  chooser = gtk_file_chooser_native_new (_("Export Cases"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_object_unref (csv);

  data = g_new0 (ChooseData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
