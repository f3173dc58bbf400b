/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding or editing a party of a case. The ID number goes through the same validators the store
 * runs (zx-validate.h), as it is typed, so the clerk sees the exact reason under the field
 * before saving; the store checks again when it writes. An edit carries the row version it was
 * loaded with: if someone saved the party meanwhile, the store refuses with ZX_ERROR_CONFLICT,
 * and the dialog shows who, the fields they changed, and a Reload button. */
#define G_LOG_DOMAIN "zx-party-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domain/zx-validate.h"
#include "pages/zx-case-detail-data.h"
#include "widgets/zx-form.h"
#include "zx-party-dialog.h"

static const char *const role_values[] = { "applicant", "respondent", "third_party" };
static const char *const kind_values[] = { "person", "entity" };

struct _ZxPartyDialog
{
  GtkWindow     parent_instance;

  ZxStore      *store;
  gint64        case_id;
  gint64        party_id;
  gint64        version;
  JsonObject   *original;      /* the row as loaded, for showing what others changed */
  char         *op_id;
  char         *today;
  gboolean      name_touched;
  gboolean      can_save;
  gboolean      load_failed;

  /* template children */
  GtkWidget    *save_button;
  GtkRevealer  *banner_revealer;
  GtkLabel     *banner_label;
  GtkLabel     *changes_label;
  GtkWidget    *reload_button;
  GtkDropDown  *role_dropdown;
  GtkDropDown  *kind_dropdown;
  GtkEntry     *name_entry;
  GtkLabel     *name_message;
  GtkLabel     *id_label;
  GtkEntry     *id_entry;
  GtkLabel     *id_message;
  GtkWidget    *legal_rep_label;
  GtkEntry     *legal_rep_entry;
  GtkEntry     *phone_entry;
  GtkEntry     *address_entry;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_PARTY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZxPartyDialog, zx_party_dialog, GTK_TYPE_WINDOW)

/* ---- helpers ------------------------------------------------------------------------------- */


static guint
index_of (const char *const *values,
          guint              n_values,
          const char        *value)
{
  for (guint i = 0; i < n_values; i++)
    {
      if (g_strcmp0 (values[i], value) == 0)
        return i;
    }

  return 0;
}

static const char *
selected_value (GtkDropDown       *dropdown,
                const char *const *values,
                guint              n_values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return values[selected < n_values ? selected : 0];
}

static gboolean
is_entity (ZxPartyDialog *self)
{
  return g_str_equal (selected_value (self->kind_dropdown, kind_values,
                                      G_N_ELEMENTS (kind_values)), "entity");
}


static void
hide_banner (ZxPartyDialog *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_label), FALSE);
  gtk_widget_set_visible (self->reload_button, FALSE);
}

static void
show_banner (ZxPartyDialog *self,
             const char    *message,
             const char    *changes,
             gboolean       offer_reload)
{
  gtk_label_set_label (self->banner_label, message);
  gtk_label_set_label (self->changes_label, changes != NULL ? changes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->changes_label), changes != NULL);
  gtk_widget_set_visible (self->reload_button, offer_reload);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* ---- validation ---------------------------------------------------------------------------- */

static gboolean
validate_name (ZxPartyDialog *self)
{
  g_autofree char *name = zx_form_entry_text (self->name_entry);
  gboolean ok = *name != '\0';

  if (!ok && self->name_touched)
    zx_form_set_message (self->name_message, _("Enter the party's name."), "error");
  else
    zx_form_set_message (self->name_message, NULL, NULL);

  return ok;
}

static gboolean
validate_id (ZxPartyDialog *self)
{
  g_autofree char *id_no = zx_form_entry_text (self->id_entry);
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;
  ZxIdFlags flags = ZX_ID_FLAG_NONE;
  gboolean entity = is_entity (self);
  gboolean ok;

  if (*id_no == '\0')
    {
      zx_form_set_message (self->id_message,
                   entity ? _("Optional. The unified social credit code is published with a "
                              "dishonest-debtor listing.")
                          : _("Optional, but a person cannot be put on the dishonest-debtor "
                              "list without it."),
                   NULL);
      return TRUE;
    }

  if (entity)
    {
      /* Old records carry a 9-character organization code, as the store accepts. */
      if (strlen (id_no) <= 10)
        ok = zx_validate_org_code (id_no, &normalized, &error);
      else
        ok = zx_validate_uscc (id_no, &normalized, &flags, &error);
    }
  else
    ok = zx_validate_resident_id (id_no, self->today, FALSE, &normalized, &flags, &error);

  if (!ok)
    {
      zx_form_set_message (self->id_message, error->message, "error");
      return FALSE;
    }

  if (flags & ZX_ID_FLAG_INNER_CHECK)
    {
      zx_form_set_message (self->id_message,
                   _("Accepted, but the organization code inside it has a wrong check "
                     "character; the party will be flagged for verification."),
                   "warning");
    }
  else if (!entity)
    {
      g_autofree char *info = NULL;
      char sex = 0;
      char birth[11];
      int age = zx_resident_id_age (normalized, self->today);

      if (zx_resident_id_info (normalized, &sex, birth))
        {
          if (sex == 'M')
            /* Translators: the first %s is a birth date, %d the age in years */
            info = g_strdup_printf (_("Valid: male, born %s, age %d"), birth, age);
          else
            /* Translators: the first %s is a birth date, %d the age in years */
            info = g_strdup_printf (_("Valid: female, born %s, age %d"), birth, age);
        }
      zx_form_set_message (self->id_message, info != NULL ? info : _("Valid"), "success");
    }
  else if (strlen (normalized) <= 10)
    zx_form_set_message (self->id_message, _("Valid organization code (an old record)"), "success");
  else
    zx_form_set_message (self->id_message, _("Valid unified social credit code"), "success");

  return TRUE;
}

static void
validate (ZxPartyDialog *self)
{
  gboolean name_ok;
  gboolean id_ok;

  /* Still being built. */
  if (self->save_button == NULL)
    return;

  name_ok = validate_name (self);
  id_ok = validate_id (self);
  self->can_save = name_ok && id_ok && !self->load_failed;
  gtk_widget_set_sensitive (self->save_button, self->can_save);
}

/* ---- loading ------------------------------------------------------------------------------- */

static void
set_entry (GtkEntry   *entry,
           JsonObject *row,
           const char *member)
{
  g_autofree char *value = zx_case_detail_data_value_text (row, member);

  gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
}

static void
show_row (ZxPartyDialog *self,
          JsonObject    *row)
{
  g_autofree char *role = zx_case_detail_data_value_text (row, "role");
  g_autofree char *kind = zx_case_detail_data_value_text (row, "kind");

  self->version = json_object_get_int_member_with_default (row, "version", 0);
  g_clear_pointer (&self->original, json_object_unref);
  self->original = json_object_ref (row);

  gtk_drop_down_set_selected (self->role_dropdown,
                              index_of (role_values, G_N_ELEMENTS (role_values), role));
  gtk_drop_down_set_selected (self->kind_dropdown,
                              index_of (kind_values, G_N_ELEMENTS (kind_values), kind));
  set_entry (self->name_entry, row, "name");
  set_entry (self->id_entry, row, "id_no");
  set_entry (self->legal_rep_entry, row, "legal_rep");
  set_entry (self->phone_entry, row, "phone");
  set_entry (self->address_entry, row, "address");
  self->name_touched = TRUE;
}

/* Reads the party as it is saved now. */
static gboolean
load_row (ZxPartyDialog *self)
{
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(GError) error = NULL;

  row = zx_store_get_row (self->store, "parties", self->party_id, &error);
  if (row == NULL)
    {
      self->load_failed = TRUE;
      show_banner (self, error->message, NULL, FALSE);
      validate (self);
      return FALSE;
    }

  self->load_failed = FALSE;
  show_row (self, row);
  validate (self);

  return TRUE;
}

/* ---- template callbacks -------------------------------------------------------------------- */

static void
name_changed_cb (ZxPartyDialog *self)
{
  self->name_touched = TRUE;
  validate (self);
}

static void
id_changed_cb (ZxPartyDialog *self)
{
  validate (self);
}

static void
kind_changed_cb (ZxPartyDialog *self)
{
  gboolean entity;

  if (self->id_label == NULL)
    return;

  entity = is_entity (self);
  gtk_label_set_text_with_mnemonic (self->id_label,
                                    entity ? _("_Credit code") : _("_ID number"));
  gtk_widget_set_visible (self->legal_rep_label, entity);
  gtk_widget_set_visible (GTK_WIDGET (self->legal_rep_entry), entity);
  validate (self);
}

static void
reload_clicked_cb (ZxPartyDialog *self)
{
  if (load_row (self))
    hide_banner (self);
}

/* Who saved the party meanwhile and when (OUT_WHO), and "Name: 张三 → 张三丰", one line per field
 * they changed (OUT_CHANGES, NULL if none can be told). FALSE if the party cannot be read. */
static gboolean
describe_conflict (ZxPartyDialog  *self,
                   char          **out_who,
                   char          **out_changes)
{
  g_autoptr(JsonObject) current = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *login = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *at = NULL;

  *out_who = NULL;
  *out_changes = NULL;

  current = zx_store_get_row (self->store, "parties", self->party_id, NULL);
  if (current == NULL)
    return FALSE;

  login = zx_case_detail_data_value_text (current, "updated_by");
  at = zx_case_detail_data_value_text (current, "updated_at");
  name = zx_case_detail_data_staff_name (zx_store_get_db (self->store), login);
  when = zx_case_detail_data_local_time (at);
  /* Translators: the first %s is a staff member (or a login), the second a date and time */
  *out_who = g_strdup_printf (_("%s saved this party at %s, while you were editing it. Nothing "
                                "of yours was saved: reload to see their changes, then edit "
                                "again."),
                              name != NULL ? name : login, when);

  if (self->original == NULL)
    return TRUE;

  changes = zx_case_detail_data_diff_rows (self->original, current);
  if (changes->len == 0)
    return TRUE;

  text = g_string_new (_("They changed:"));
  for (guint i = 0; i < changes->len; i++)
    {
      ZxFieldChange *change = g_ptr_array_index (changes, i);

      const char *old_value = change->old_value != NULL
                              ? zx_case_detail_data_value_label ("parties", change->field,
                                                                 change->old_value)
                              : "—";
      const char *new_value = change->new_value != NULL
                              ? zx_case_detail_data_value_label ("parties", change->field,
                                                                 change->new_value)
                              : "—";

      g_string_append_printf (text, "\n%s: %s → %s",
                              zx_case_detail_data_field_label (change->field), old_value,
                              new_value);
    }
  *out_changes = g_string_free (g_steal_pointer (&text), FALSE);

  return TRUE;
}

static void
set_optional (JsonObject *fields,
              const char *member,
              const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (fields, member, value);
  else
    json_object_set_null_member (fields, member);
}

static void
save_clicked_cb (ZxPartyDialog *self)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = zx_form_entry_text (self->name_entry);
  g_autofree char *id_no = zx_form_entry_text (self->id_entry);
  g_autofree char *legal_rep = zx_form_entry_text (self->legal_rep_entry);
  g_autofree char *phone = zx_form_entry_text (self->phone_entry);
  g_autofree char *address = zx_form_entry_text (self->address_entry);
  gboolean entity = is_entity (self);
  gint64 id = self->party_id;

  /* Enter in a field activates Save even while it is insensitive. */
  validate (self);
  if (!self->can_save)
    return;

  if (self->party_id == 0)
    json_object_set_int_member (fields, "case_id", self->case_id);
  json_object_set_string_member (fields, "role",
                                 selected_value (self->role_dropdown, role_values,
                                                 G_N_ELEMENTS (role_values)));
  json_object_set_string_member (fields, "kind", entity ? "entity" : "person");
  json_object_set_string_member (fields, "name", name);
  set_optional (fields, "id_no", id_no);
  set_optional (fields, "legal_rep", entity ? legal_rep : NULL);
  set_optional (fields, "phone", phone);
  set_optional (fields, "address", address);

  if (self->party_id == 0)
    id = zx_store_create (self->store, "parties", fields, self->op_id, &error);
  else if (!zx_store_update (self->store, "parties", self->party_id, self->version, fields,
                             self->op_id, &error))
    id = 0;

  if (id == 0)
    {
      g_autofree char *who = NULL;
      g_autofree char *changes = NULL;

      g_debug ("Could not save the party: %s", error->message);
      if (g_error_matches (error, ZX_ERROR, ZX_ERROR_CONFLICT)
          && describe_conflict (self, &who, &changes))
        show_banner (self, who, changes, TRUE);
      else
        show_banner (self, error->message, NULL, FALSE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
zx_party_dialog_constructed (GObject *object)
{
  ZxPartyDialog *self = ZX_PARTY_DIALOG (object);

  G_OBJECT_CLASS (zx_party_dialog_parent_class)->constructed (object);

  kind_changed_cb (self);

  if (self->party_id != 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Party"));
      load_row (self);
    }
  else
    {
      /* Most parties added later are respondents (an heir, a guarantor …). */
      gtk_drop_down_set_selected (self->role_dropdown, 1);
      validate (self);
    }
}

static void
zx_party_dialog_dispose (GObject *object)
{
  ZxPartyDialog *self = ZX_PARTY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_PARTY_DIALOG);

  g_clear_object (&self->store);
  g_clear_pointer (&self->original, json_object_unref);

  G_OBJECT_CLASS (zx_party_dialog_parent_class)->dispose (object);
}

static void
zx_party_dialog_finalize (GObject *object)
{
  ZxPartyDialog *self = ZX_PARTY_DIALOG (object);

  g_free (self->op_id);
  g_free (self->today);

  G_OBJECT_CLASS (zx_party_dialog_parent_class)->finalize (object);
}

static void
zx_party_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZxPartyDialog *self = ZX_PARTY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_PARTY_ID:
      g_value_set_int64 (value, self->party_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_party_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZxPartyDialog *self = ZX_PARTY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_PARTY_ID:
      self->party_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_party_dialog_class_init (ZxPartyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = zx_party_dialog_constructed;
  object_class->dispose = zx_party_dialog_dispose;
  object_class->finalize = zx_party_dialog_finalize;
  object_class->get_property = zx_party_dialog_get_property;
  object_class->set_property = zx_party_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTY_ID] =
    g_param_spec_int64 ("party-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZxPartyDialog::saved:
   * @party_id: the party added or changed
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-party-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, changes_label);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, id_label);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, id_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, id_message);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, legal_rep_label);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, legal_rep_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxPartyDialog, address_entry);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zx_party_dialog_init (ZxPartyDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->today = g_date_time_format (now, "%Y-%m-%d");
  self->op_id = zx_new_op_id ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
zx_party_dialog_new (GtkWindow *parent,
                     ZxStore   *store,
                     gint64     case_id,
                     gint64     party_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZX_IS_STORE (store), NULL);

  return g_object_new (ZX_TYPE_PARTY_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "case-id", case_id,
                       "party-id", party_id,
                       NULL);
}
