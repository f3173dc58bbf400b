/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Proposing a compulsory measure (强制措施) against a party of a case. The limits come from the
 * rules table (detention_max days; fine_person_max, fine_entity_min, fine_entity_max fen) and
 * are checked as the clerk types; zx_measures_propose() checks them again with the user's role,
 * and whatever it refuses is shown in the dialog. */
#define G_LOG_DOMAIN "zx-measure-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/zx-validate.h"
#include "pages/zx-case-detail-data.h"
#include "store/zx-measures.h"
#include "store/zx-rules-load.h"
#include "widgets/zx-case-item.h"
#include "widgets/zx-form.h"
#include "zx-measure-dialog.h"

struct _ZxMeasureDialog
{
  GtkWindow      parent_instance;

  ZxStore       *store;
  gint64         case_id;
  char          *today;
  GArray        *party_ids;      /* gint64 per party choice */
  GPtrArray     *party_kinds;    /* "person" or "entity" per party choice */
  GPtrArray     *kinds;          /* measure kind codes per choice (borrowed) */
  gint64         fine_person_max;
  gint64         fine_entity_min;
  gint64         fine_entity_max;
  gboolean       can_save;

  /* template children */
  GtkWidget     *save_button;
  GtkRevealer   *banner_revealer;
  GtkLabel      *banner_label;
  GtkLabel      *approval_label;
  GtkDropDown   *kind_dropdown;
  GtkDropDown   *party_dropdown;
  GtkEntry      *proposed_entry;
  GtkLabel      *proposed_message;
  GtkWidget     *days_label;
  GtkSpinButton *days_spin;
  GtkLabel      *days_message;
  GtkWidget     *amount_label;
  GtkEntry      *amount_entry;
  GtkLabel      *amount_message;
  GtkEntry      *note_entry;
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

G_DEFINE_FINAL_TYPE (ZxMeasureDialog, zx_measure_dialog, GTK_TYPE_WINDOW)

/* ---- helpers ------------------------------------------------------------------------------- */



static void
show_banner (ZxMeasureDialog *self,
             const char      *message)
{
  gtk_label_set_label (self->banner_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

static const char *
selected_kind (ZxMeasureDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return self->kinds != NULL && selected < self->kinds->len
         ? g_ptr_array_index (self->kinds, selected) : NULL;
}

static gint64
selected_party (ZxMeasureDialog *self,
                const char     **out_kind)
{
  guint selected = gtk_drop_down_get_selected (self->party_dropdown);

  if (self->party_ids == NULL || selected >= self->party_ids->len)
    {
      *out_kind = NULL;
      return 0;
    }

  *out_kind = g_ptr_array_index (self->party_kinds, selected);

  return g_array_index (self->party_ids, gint64, selected);
}

static char *
yuan (gint64 fen)
{
  g_autofree char *amount = zx_format_fen_as_yuan (fen);

  return g_strdup_printf ("¥%s", amount);
}

/* ---- loading ------------------------------------------------------------------------------- */

static void
load_kinds (ZxMeasureDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->kinds = zx_case_detail_data_value_codes ("measures", "kind");
  for (guint i = 0; i < self->kinds->len; i++)
    gtk_string_list_append (labels, zx_case_detail_data_value_label ("measures", "kind",
                                                                     g_ptr_array_index (
                                                                       self->kinds, i)));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (labels));
}

/* Every party, respondents first: measures are aimed at respondents, but a fine may also hit a
 * third party who obstructs. */
static void
load_parties (ZxMeasureDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->party_ids, 0);
  g_ptr_array_set_size (self->party_kinds, 0);

  rows = zx_case_detail_data_load_section (zx_store_get_db (self->store),
                                           ZX_CASE_DETAIL_PARTIES, self->case_id, &error);
  if (rows == NULL)
    {
      show_banner (self, error->message);
      rows = g_ptr_array_new ();
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          JsonObject *row = g_ptr_array_index (rows, i);
          const char *role = json_object_get_string_member_with_default (row, "role", "");
          const char *name = json_object_get_string_member_with_default (row, "name", "?");
          gint64 id = json_object_get_int_member (row, "id");
          g_autofree char *label = NULL;

          if ((g_strcmp0 (role, "respondent") == 0) != (pass == 0))
            continue;

          /* Translators: a party and its role, e.g. “张三 (Respondent)” */
          label = g_strdup_printf (_("%s (%s)"), name,
                                   zx_case_detail_data_value_label ("parties", "role", role));
          g_array_append_val (self->party_ids, id);
          g_ptr_array_add (self->party_kinds,
                           g_strdup (json_object_get_string_member_with_default (row, "kind",
                                                                                 "person")));
          gtk_string_list_append (labels, label);
        }
    }

  gtk_drop_down_set_model (self->party_dropdown, G_LIST_MODEL (labels));
  if (rows->len == 0)
    show_banner (self, _("This case has no parties yet: add the party first."));
}

/* ---- validation ---------------------------------------------------------------------------- */

static gboolean
validate_date (ZxMeasureDialog *self)
{
  g_autofree char *value = zx_form_entry_text (self->proposed_entry);
  g_autoptr(GError) error = NULL;

  if (*value == '\0')
    {
      zx_form_set_message (self->proposed_message, _("Enter a date (YYYY-MM-DD)."), "error");
      return FALSE;
    }

  if (!zx_validate_date (value, &error))
    {
      zx_form_set_message (self->proposed_message, error->message, "error");
      return FALSE;
    }

  if (strcmp (value, self->today) > 0)
    {
      zx_form_set_message (self->proposed_message, _("This day has not come yet."), "error");
      return FALSE;
    }

  zx_form_set_message (self->proposed_message, NULL, NULL);

  return TRUE;
}

static gboolean
validate_fine (ZxMeasureDialog *self,
               const char      *party_kind,
               gint64          *out_fen)
{
  g_autofree char *value = zx_form_entry_text (self->amount_entry);
  g_autoptr(GError) error = NULL;
  gboolean entity = g_strcmp0 (party_kind, "entity") == 0;
  gint64 min = entity ? self->fine_entity_min : 1;
  gint64 max = entity ? self->fine_entity_max : self->fine_person_max;
  g_autofree char *min_text = yuan (min);
  g_autofree char *max_text = yuan (max);
  g_autofree char *range = NULL;
  gint64 fen = 0;

  if (entity)
    /* Translators: the limits of a fine; each %s is an amount of money */
    range = g_strdup_printf (_("An entity is fined %s to %s."), min_text, max_text);
  else
    /* Translators: the limit of a fine; %s is an amount of money */
    range = g_strdup_printf (_("A person is fined up to %s."), max_text);

  if (*value == '\0')
    {
      zx_form_set_message (self->amount_message, range, NULL);
      return FALSE;
    }

  if (!zx_parse_amount_fen (value, &fen, &error))
    {
      zx_form_set_message (self->amount_message, error->message, "error");
      return FALSE;
    }

  if (fen < min || fen > max)
    {
      zx_form_set_message (self->amount_message, range, "error");
      return FALSE;
    }

  zx_form_set_message (self->amount_message, range, NULL);
  *out_fen = fen;

  return TRUE;
}

static void
validate (ZxMeasureDialog *self)
{
  const char *kind = selected_kind (self);
  const char *party_kind = NULL;
  gint64 party_id;
  gboolean detention = g_strcmp0 (kind, "detention") == 0;
  gboolean fine = g_strcmp0 (kind, "fine") == 0;
  gboolean date_ok;
  gboolean fine_ok = TRUE;
  gint64 fen = 0;

  /* Still being built. */
  if (self->save_button == NULL || self->party_ids == NULL)
    return;

  party_id = selected_party (self, &party_kind);

  gtk_widget_set_visible (self->days_label, detention);
  gtk_widget_set_visible (GTK_WIDGET (self->days_spin), detention);
  gtk_widget_set_visible (GTK_WIDGET (self->days_message), detention);
  gtk_widget_set_visible (self->amount_label, fine);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_entry), fine);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_message), fine);

  if (kind == NULL)
    gtk_label_set_label (self->approval_label, "");
  else if (zx_measures_needs_approval (kind))
    gtk_label_set_label (self->approval_label,
                         _("A summons, detention or fine needs the president's approval before "
                           "it is carried out."));
  else
    gtk_label_set_label (self->approval_label,
                         _("Recorded as proposed; the officer records it as carried out once it "
                           "is issued."));

  if (detention)
    {
      int max = (int) gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (self->days_spin));
      /* Translators: %d is the longest detention in days */
      g_autofree char *hint = g_strdup_printf (_("At most %d days."), max);

      zx_form_set_message (self->days_message, hint, NULL);
    }

  date_ok = validate_date (self);
  if (fine)
    fine_ok = validate_fine (self, party_kind, &fen);

  self->can_save = kind != NULL && party_id != 0 && date_ok && fine_ok;
  gtk_widget_set_sensitive (self->save_button, self->can_save);
}

/* ---- template callbacks -------------------------------------------------------------------- */

static void
field_changed_cb (ZxMeasureDialog *self)
{
  validate (self);
}

static void
save_clicked_cb (ZxMeasureDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *proposed_on = zx_form_entry_text (self->proposed_entry);
  g_autofree char *note = zx_form_entry_text (self->note_entry);
  ZxMeasureProposal proposal = { 0 };
  const char *party_kind = NULL;
  gint64 id;

  validate (self);
  if (!self->can_save)
    return;

  proposal.case_id = self->case_id;
  proposal.party_id = selected_party (self, &party_kind);
  proposal.kind = selected_kind (self);
  proposal.proposed_on = proposed_on;
  proposal.note = *note != '\0' ? note : NULL;
  if (g_strcmp0 (proposal.kind, "detention") == 0)
    proposal.days = gtk_spin_button_get_value_as_int (self->days_spin);
  if (g_strcmp0 (proposal.kind, "fine") == 0 && !validate_fine (self, party_kind, &proposal.amount))
    return;

  id = zx_measures_propose (self->store, &proposal, &error);
  if (id == 0)
    {
      g_debug ("Could not propose the measure: %s", error->message);
      show_banner (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
zx_measure_dialog_constructed (GObject *object)
{
  ZxMeasureDialog *self = ZX_MEASURE_DIALOG (object);
  GtkAdjustment *days = gtk_spin_button_get_adjustment (self->days_spin);

  G_OBJECT_CLASS (zx_measure_dialog_parent_class)->constructed (object);

  gtk_adjustment_set_upper (days, (double) zx_rules_param (self->store, "detention_max", 15));
  self->fine_person_max = zx_rules_param (self->store, "fine_person_max", 10000000);
  self->fine_entity_min = zx_rules_param (self->store, "fine_entity_min", 5000000);
  self->fine_entity_max = zx_rules_param (self->store, "fine_entity_max", 100000000);

  load_parties (self);
  validate (self);
}

static void
zx_measure_dialog_dispose (GObject *object)
{
  ZxMeasureDialog *self = ZX_MEASURE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_MEASURE_DIALOG);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (zx_measure_dialog_parent_class)->dispose (object);
}

static void
zx_measure_dialog_finalize (GObject *object)
{
  ZxMeasureDialog *self = ZX_MEASURE_DIALOG (object);

  g_free (self->today);
  g_clear_pointer (&self->party_ids, g_array_unref);
  g_clear_pointer (&self->party_kinds, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  G_OBJECT_CLASS (zx_measure_dialog_parent_class)->finalize (object);
}

static void
zx_measure_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZxMeasureDialog *self = ZX_MEASURE_DIALOG (object);

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
zx_measure_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZxMeasureDialog *self = ZX_MEASURE_DIALOG (object);

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
zx_measure_dialog_class_init (ZxMeasureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zx_measure_dialog_constructed;
  object_class->dispose = zx_measure_dialog_dispose;
  object_class->finalize = zx_measure_dialog_finalize;
  object_class->get_property = zx_measure_dialog_get_property;
  object_class->set_property = zx_measure_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZxMeasureDialog::saved:
   * @measure_id: the measure proposed
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-measure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, approval_label);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, party_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, proposed_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, proposed_message);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, days_label);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, days_message);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, amount_label);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, amount_message);
  gtk_widget_class_bind_template_child (widget_class, ZxMeasureDialog, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zx_measure_dialog_init (ZxMeasureDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  load_kinds (self);
  gtk_editable_set_text (GTK_EDITABLE (self->proposed_entry), self->today);
  self->party_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->party_kinds = g_ptr_array_new_with_free_func (g_free);
}

GtkWindow *
zx_measure_dialog_new (GtkWindow *parent,
                       ZxStore   *store,
                       gint64     case_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZX_IS_STORE (store), NULL);

  return g_object_new (ZX_TYPE_MEASURE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}
