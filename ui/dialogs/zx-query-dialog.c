/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recording an asset query (财产查询) of a case: which property, through which channel (the
 * national network 总对总, point-to-point 点对点, or on site), when it was asked and answered,
 * and what it found. zx_nodes_record_query() writes it and completes the process node it
 * fulfils in one transaction. */
#define G_LOG_DOMAIN "zx-query-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/zx-validate.h"
#include "pages/zx-case-detail-data.h"
#include "store/zx-nodes.h"
#include "widgets/zx-form.h"
#include "zx-query-dialog.h"

struct _ZxQueryDialog
{
  GtkWindow    parent_instance;

  ZxStore     *store;
  gint64       case_id;
  char        *today;
  GArray      *party_ids;      /* gint64 per party choice; 0 = not specified */
  GPtrArray   *kinds;          /* codes per kind choice (borrowed) */
  GPtrArray   *channels;
  GPtrArray   *results;
  gboolean     can_save;

  /* template children */
  GtkWidget   *save_button;
  GtkRevealer *banner_revealer;
  GtkLabel    *banner_label;
  GtkDropDown *party_dropdown;
  GtkDropDown *kind_dropdown;
  GtkDropDown *channel_dropdown;
  GtkEntry    *requested_entry;
  GtkLabel    *requested_message;
  GtkEntry    *answered_entry;
  GtkLabel    *answered_message;
  GtkDropDown *result_dropdown;
  GtkEntry    *amount_entry;
  GtkLabel    *amount_message;
  GtkEntry    *note_entry;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZxQueryDialog, zx_query_dialog, GTK_TYPE_WINDOW)

/* ---- helpers ------------------------------------------------------------------------------- */



static const char *
selected_code (GtkDropDown *dropdown,
               GPtrArray   *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < codes->len ? g_ptr_array_index (codes, selected) : NULL;
}

/* A dropdown of the translated labels of FIELD's codes; returns the codes in the same order. */
static GPtrArray *
fill_codes (GtkDropDown *dropdown,
            const char  *field)
{
  GPtrArray *codes = zx_case_detail_data_value_codes ("asset_queries", field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < codes->len; i++)
    gtk_string_list_append (labels, zx_case_detail_data_value_label ("asset_queries", field,
                                                                     g_ptr_array_index (codes,
                                                                                        i)));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));

  return codes;
}

static void
load_parties (ZxQueryDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->party_ids, 0);
  g_array_append_val (self->party_ids, none);
  gtk_string_list_append (labels, _("Not specified"));

  rows = zx_case_detail_data_load_section (zx_store_get_db (self->store),
                                           ZX_CASE_DETAIL_PARTIES, self->case_id, &error);
  if (rows == NULL)
    g_warning ("Could not read the parties of case %" G_GINT64_FORMAT ": %s", self->case_id,
               error->message);

  /* Assets are looked for with respondents. */
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      JsonObject *row = g_ptr_array_index (rows, i);
      gint64 id = json_object_get_int_member (row, "id");

      if (g_strcmp0 (json_object_get_string_member_with_default (row, "role", NULL),
                     "respondent") != 0)
        continue;

      if (selected == 0)
        selected = self->party_ids->len;
      g_array_append_val (self->party_ids, id);
      gtk_string_list_append (labels, json_object_get_string_member_with_default (row, "name",
                                                                                  "?"));
    }

  gtk_drop_down_set_model (self->party_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->party_dropdown, selected);
}

/* ---- validation ---------------------------------------------------------------------------- */

/* An optional (unless REQUIRED) date, not after today. */
static gboolean
check_date (ZxQueryDialog *self,
            GtkEntry      *entry,
            GtkLabel      *message,
            gboolean       required)
{
  g_autofree char *value = zx_form_entry_text (entry);
  g_autoptr(GError) error = NULL;

  if (*value == '\0')
    {
      if (required)
        {
          zx_form_set_message (message, _("Enter a date (YYYY-MM-DD)."), "error");
          return FALSE;
        }
      zx_form_set_message (message, NULL, NULL);
      return TRUE;
    }

  if (!zx_validate_date (value, &error))
    {
      zx_form_set_message (message, error->message, "error");
      return FALSE;
    }

  if (strcmp (value, self->today) > 0)
    {
      zx_form_set_message (message, _("This day has not come yet."), "error");
      return FALSE;
    }

  zx_form_set_message (message, NULL, NULL);

  return TRUE;
}

static void
validate (ZxQueryDialog *self)
{
  g_autofree char *requested = zx_form_entry_text (self->requested_entry);
  g_autofree char *answered = zx_form_entry_text (self->answered_entry);
  g_autofree char *amount = zx_form_entry_text (self->amount_entry);
  const char *result;
  gboolean found;
  gboolean requested_ok;
  gboolean answered_ok;
  gboolean amount_ok = TRUE;

  /* Still being built. */
  if (self->results == NULL)
    return;

  result = selected_code (self->result_dropdown, self->results);
  found = g_strcmp0 (result, "found") == 0;

  requested_ok = check_date (self, self->requested_entry, self->requested_message, TRUE);
  answered_ok = check_date (self, self->answered_entry, self->answered_message, FALSE);

  if (answered_ok && *answered == '\0' && g_strcmp0 (result, "pending") != 0)
    {
      zx_form_set_message (self->answered_message, _("Enter the day the answer came."), "error");
      answered_ok = FALSE;
    }
  else if (answered_ok && requested_ok && *answered != '\0' && strcmp (answered, requested) < 0)
    {
      zx_form_set_message (self->answered_message, _("The answer cannot come before the request."),
                   "error");
      answered_ok = FALSE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->amount_entry), found);
  if (found && *amount != '\0')
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 0;

      amount_ok = zx_parse_amount_fen (amount, &fen, &error);
      zx_form_set_message (self->amount_message, amount_ok ? NULL : error->message,
                   amount_ok ? NULL : "error");
    }
  else if (found)
    zx_form_set_message (self->amount_message, _("Optional: the balance or value found."), NULL);
  else
    zx_form_set_message (self->amount_message, NULL, NULL);

  self->can_save = requested_ok && answered_ok && amount_ok;
  gtk_widget_set_sensitive (self->save_button, self->can_save);
}

/* ---- template callbacks -------------------------------------------------------------------- */

static void
field_changed_cb (ZxQueryDialog *self)
{
  validate (self);
}

static void
save_clicked_cb (ZxQueryDialog *self)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *requested = zx_form_entry_text (self->requested_entry);
  g_autofree char *answered = zx_form_entry_text (self->answered_entry);
  g_autofree char *amount = zx_form_entry_text (self->amount_entry);
  g_autofree char *note = zx_form_entry_text (self->note_entry);
  const char *result = selected_code (self->result_dropdown, self->results);
  guint party = gtk_drop_down_get_selected (self->party_dropdown);
  gint64 id;

  validate (self);
  if (!self->can_save)
    return;

  json_object_set_int_member (fields, "case_id", self->case_id);
  if (party < self->party_ids->len && g_array_index (self->party_ids, gint64, party) != 0)
    json_object_set_int_member (fields, "party_id", g_array_index (self->party_ids, gint64, party));
  json_object_set_string_member (fields, "kind", selected_code (self->kind_dropdown, self->kinds));
  json_object_set_string_member (fields, "channel",
                                 selected_code (self->channel_dropdown, self->channels));
  json_object_set_string_member (fields, "requested_on", requested);
  if (*answered != '\0')
    json_object_set_string_member (fields, "answered_on", answered);
  json_object_set_string_member (fields, "result", result);
  if (g_strcmp0 (result, "found") == 0 && *amount != '\0')
    {
      gint64 fen = 0;

      if (zx_parse_amount_fen (amount, &fen, NULL))
        json_object_set_int_member (fields, "found_amount", fen);
    }
  if (*note != '\0')
    json_object_set_string_member (fields, "note", note);

  id = zx_nodes_record_query (self->store, fields, &error);
  if (id == 0)
    {
      g_debug ("Could not record the query: %s", error->message);
      gtk_label_set_label (self->banner_label, error->message);
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
zx_query_dialog_constructed (GObject *object)
{
  ZxQueryDialog *self = ZX_QUERY_DIALOG (object);

  G_OBJECT_CLASS (zx_query_dialog_parent_class)->constructed (object);

  load_parties (self);
  validate (self);
}

static void
zx_query_dialog_dispose (GObject *object)
{
  ZxQueryDialog *self = ZX_QUERY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_QUERY_DIALOG);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (zx_query_dialog_parent_class)->dispose (object);
}

static void
zx_query_dialog_finalize (GObject *object)
{
  ZxQueryDialog *self = ZX_QUERY_DIALOG (object);

  g_free (self->today);
  g_clear_pointer (&self->party_ids, g_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (zx_query_dialog_parent_class)->finalize (object);
}

static void
zx_query_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZxQueryDialog *self = ZX_QUERY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_query_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZxQueryDialog *self = ZX_QUERY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_query_dialog_class_init (ZxQueryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zx_query_dialog_constructed;
  object_class->dispose = zx_query_dialog_dispose;
  object_class->finalize = zx_query_dialog_finalize;
  object_class->get_property = zx_query_dialog_get_property;
  object_class->set_property = zx_query_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZxQueryDialog::saved:
   * @query_id: the asset query recorded
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-query-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, party_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, requested_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, requested_message);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, answered_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, answered_message);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, result_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, amount_message);
  gtk_widget_class_bind_template_child (widget_class, ZxQueryDialog, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zx_query_dialog_init (ZxQueryDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->today = g_date_time_format (now, "%Y-%m-%d");
  self->party_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = fill_codes (self->kind_dropdown, "kind");
  self->channels = fill_codes (self->channel_dropdown, "channel");
  self->results = fill_codes (self->result_dropdown, "result");
  gtk_editable_set_text (GTK_EDITABLE (self->requested_entry), self->today);
}

GtkWindow *
zx_query_dialog_new (GtkWindow *parent,
                     ZxStore   *store,
                     gint64     case_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZX_IS_STORE (store), NULL);

  return g_object_new (ZX_TYPE_QUERY_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}
