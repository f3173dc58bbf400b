/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The New Case dialog: every field is checked as it is typed, with the validator's own words
 * under the field, and Save stays off until all are acceptable. The number the case will
 * probably get is shown (it is drawn only when the case is saved, so another desktop may take
 * it first). Saving runs zx_store_file_case in a worker thread on a connection of its own (a
 * busy share may make it wait up to the store's write timeout; the window stays responsive and
 * says so). The dialog then shows what the store decided: the case number, the drawn team or
 * the trial judge, the routing rule and the draw. A failed save shows the store's message in
 * the dialog and changes nothing. */
#define G_LOG_DOMAIN "zx-new-case-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "domain/zx-validate.h"
#include "store/zx-cases.h"
#include "widgets/zx-form.h"
#include "zx-new-case-dialog.h"

/* After this long a save is waiting for another client's write: say so. */
#define BUSY_NOTICE_MS 800

struct _ZxNewCaseDialog
{
  GtkWindow     parent_instance;

  ZxStore      *store;
  char         *today;
  char         *op_id;         /* one per case: a save retried after a lost reply is not doubled */
  GCancellable *cancellable;
  GArray       *judge_ids;     /* gint64, parallel to the judge dropdown (0: none) */
  char         *next_case_no;
  char         *peek_type;
  int           peek_year;
  gboolean      saving;
  gboolean      can_save;
  guint         busy_source;

  /* template children */
  GtkStack     *stack;
  GtkWidget    *form_grid;
  GtkLabel     *next_no_label;
  GtkDropDown  *type_dropdown;
  GtkEntry     *filed_entry;
  GtkLabel     *filed_message;
  GtkDropDown  *basis_type_dropdown;
  GtkEntry     *basis_no_entry;
  GtkEntry     *effective_entry;
  GtkLabel     *effective_message;
  GtkEntry     *amount_entry;
  GtkLabel     *amount_message;
  GtkCheckButton *livelihood_check;
  GtkDropDown  *judge_dropdown;
  GtkEntry     *applicant_name_entry;
  GtkEntry     *applicant_id_entry;
  GtkLabel     *applicant_message;
  GtkEntry     *respondent_name_entry;
  GtkEntry     *respondent_id_entry;
  GtkLabel     *respondent_message;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  GtkWidget    *reload_button;
  GtkLabel     *status_label;
  GtkSpinner   *spinner;
  GtkWidget    *cancel_button;
  GtkWidget    *save_button;
  GtkWidget    *close_button;
  GtkLabel     *result_case_no;
  GtkLabel     *result_assigned_caption;
  GtkLabel     *result_assigned;
  GtkLabel     *result_rule;
  GtkLabel     *result_draw;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  PROP_CAN_SAVE,
  PROP_SAVING,
  N_PROPS
};

enum
{
  SIGNAL_CASE_FILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZxNewCaseDialog, zx_new_case_dialog, GTK_TYPE_WINDOW)

/* Execution type codes (DOMAIN.md), the commonest first. */
static const struct
{
  const char *code;
  const char *description;
} case_types[] = {
  { "执", N_("First enforcement") },
  { "执恢", N_("Resumed enforcement") },
  { "执保", N_("Property preservation") },
  { "执异", N_("Enforcement objection") },
  { "执复", N_("Enforcement review") },
  { "执监", N_("Enforcement supervision") },
  { "执协", N_("Enforcement coordination") },
  { "执他", N_("Other enforcement") },
  { "司救执", N_("Judicial aid in enforcement") },
};

/* cases.basis_type values. */
static const struct
{
  const char *value;
  const char *label;
} basis_types[] = {
  { "judgment", N_("Judgment") },
  { "ruling", N_("Ruling") },
  { "mediation", N_("Mediation document") },
  { "arbitration", N_("Arbitral award") },
  { "notarized", N_("Notarized debt instrument") },
  { "payment_order", N_("Payment order") },
  { "administrative", N_("Administrative decision") },
  { "other", N_("Other") },
};

/* Words that make a name without an ID number an organization rather than a person. */
static const char *const organization_words[] = {
  "公司", "银行", "集团", "厂", "中心", "合作社", "委员会", "局", "院", "学校", "协会",
  "商行", "门市", "经营部", "事务所", "研究所", "工作室", "店", "社", "站", "处", "部",
};

/* ---- checking the fields --------------------------------------------------------------------- */

typedef enum
{
  MESSAGE_NONE,
  MESSAGE_NOTE,
  MESSAGE_WARNING,
  MESSAGE_ERROR,
} MessageKind;

static void
set_message (GtkLabel    *label,
             GtkEntry    *entry,
             MessageKind  kind,
             const char  *text)
{
  static const char *const kind_classes[] = { NULL, "note", "warning", "error" };
  const char *classes[] = { "zx-field-message", kind_classes[kind], NULL };

  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), kind != MESSAGE_NONE && text != NULL);
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);

  if (entry == NULL)
    return;

  if (kind == MESSAGE_ERROR)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}


static const char *
selected_type (ZxNewCaseDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->type_dropdown);

  return i < G_N_ELEMENTS (case_types) ? case_types[i].code : case_types[0].code;
}

static const char *
selected_basis_type (ZxNewCaseDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->basis_type_dropdown);

  return i < G_N_ELEMENTS (basis_types) ? basis_types[i].value : basis_types[0].value;
}

static gint64
selected_judge (ZxNewCaseDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->judge_dropdown);

  if (self->judge_ids == NULL || i >= self->judge_ids->len)
    return 0;

  return g_array_index (self->judge_ids, gint64, i);
}

/* Checks the filing date; OUT_FILED gets it when it is acceptable. */
static gboolean
check_filed (ZxNewCaseDialog  *self,
             char            **out_filed)
{
  g_autofree char *text = zx_form_entry_text (self->filed_entry);
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      set_message (self->filed_message, self->filed_entry, MESSAGE_ERROR,
                   _("Enter the filing date (YYYY-MM-DD)."));
      return FALSE;
    }

  if (!zx_validate_date (text, &error))
    {
      set_message (self->filed_message, self->filed_entry, MESSAGE_ERROR, error->message);
      return FALSE;
    }

  if (strcmp (text, self->today) > 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is today's date */
      message = g_strdup_printf (_("The filing date is after today (%s)."), self->today);
      set_message (self->filed_message, self->filed_entry, MESSAGE_ERROR, message);
      return FALSE;
    }

  set_message (self->filed_message, self->filed_entry, MESSAGE_NONE, NULL);
  *out_filed = g_steal_pointer (&text);

  return TRUE;
}

static gboolean
check_effective (ZxNewCaseDialog *self,
                 const char      *filed_on)
{
  g_autofree char *text = zx_form_entry_text (self->effective_entry);
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      set_message (self->effective_message, self->effective_entry, MESSAGE_NONE, NULL);
      return TRUE;
    }

  if (!zx_validate_date (text, &error))
    {
      set_message (self->effective_message, self->effective_entry, MESSAGE_ERROR,
                   error->message);
      return FALSE;
    }

  if (filed_on != NULL && strcmp (text, filed_on) > 0)
    {
      set_message (self->effective_message, self->effective_entry, MESSAGE_ERROR,
                   _("The basis document cannot take effect after the case is filed."));
      return FALSE;
    }

  set_message (self->effective_message, self->effective_entry, MESSAGE_NONE, NULL);

  return TRUE;
}

static gboolean
check_amount (ZxNewCaseDialog *self,
              gboolean        *out_missing)
{
  g_autofree char *text = zx_form_entry_text (self->amount_entry);
  g_autoptr(GError) error = NULL;
  gint64 fen = 0;

  *out_missing = *text == '\0';
  if (*out_missing)
    {
      set_message (self->amount_message, self->amount_entry, MESSAGE_NONE, NULL);
      return FALSE;
    }

  if (!zx_parse_amount_fen (text, &fen, &error))
    {
      set_message (self->amount_message, self->amount_entry, MESSAGE_ERROR, error->message);
      return FALSE;
    }

  set_message (self->amount_message, self->amount_entry, MESSAGE_NONE, NULL);

  return TRUE;
}

/* 17 digits and a check character (digit or X), or 15 digits: what a resident ID looks like. */
static gboolean
looks_like_resident_id (const char *value)
{
  gsize length = strlen (value);

  if (length != 18 && length != 15)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isdigit (value[i]))
        continue;
      if (i == 17 && (value[i] == 'X' || value[i] == 'x'))
        continue;
      return FALSE;
    }

  return TRUE;
}

static gboolean
name_is_organization (const char *name)
{
  if (g_utf8_strlen (name, -1) > 4)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (organization_words); i++)
    {
      if (strstr (name, organization_words[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  char       *name;
  char       *id_no;      /* normalized, or NULL */
  const char *kind;       /* "person" or "entity" */
  const char *id_flag;    /* NULL, "inner_check" */
} Party;

static void
party_clear (Party *party)
{
  g_clear_pointer (&party->name, g_free);
  g_clear_pointer (&party->id_no, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Party, party_clear)

/* Checks a party's name and ID number and says under the field what the number is (or what is
 * wrong with it). Returns FALSE if the party cannot be saved; OUT_NAME_MISSING says why. */
static gboolean
check_party (ZxNewCaseDialog *self,
             GtkEntry        *name_entry,
             GtkEntry        *id_entry,
             GtkLabel        *message,
             Party           *out_party,
             gboolean        *out_name_missing)
{
  g_autofree char *name = zx_form_entry_text (name_entry);
  g_autofree char *id = zx_form_entry_text (id_entry);
  g_autofree char *normalized = NULL;
  g_autoptr(GError) resident_error = NULL;
  g_autoptr(GError) code_error = NULL;
  ZxIdFlags flags = ZX_ID_FLAG_NONE;
  gboolean looks_resident;

  *out_name_missing = *name == '\0';
  memset (out_party, 0, sizeof *out_party);

  if (*id == '\0')
    {
      set_message (message, id_entry, MESSAGE_NONE, NULL);
      out_party->kind = *name != '\0' && name_is_organization (name) ? "entity" : "person";
      out_party->name = g_steal_pointer (&name);
      return !*out_name_missing;
    }

  looks_resident = looks_like_resident_id (id);

  if (looks_resident
      && zx_validate_resident_id (id, self->today, FALSE, &normalized, &flags, &resident_error))
    {
      char sex = 0;
      char birth[11] = { 0 };
      int age;
      g_autofree char *note = NULL;

      zx_resident_id_info (normalized, &sex, birth);
      age = zx_resident_id_age (normalized, self->today);
      note = sex == 'M'
             /* Translators: under a valid resident ID: birth date and age */
             ? g_strdup_printf (_("Person: male, born %s (age %d)"), birth, age)
             : g_strdup_printf (_("Person: female, born %s (age %d)"), birth, age);
      set_message (message, id_entry, MESSAGE_NOTE, note);
      out_party->kind = "person";
    }
  else if (zx_validate_uscc (id, &normalized, &flags, &code_error))
    {
      if (flags & ZX_ID_FLAG_INNER_CHECK)
        {
          set_message (message, id_entry, MESSAGE_WARNING,
                       _("Organization: the credit code's inner organization-code check is "
                         "wrong. It is accepted and flagged for verification."));
          out_party->id_flag = "inner_check";
        }
      else
        set_message (message, id_entry, MESSAGE_NOTE,
                     _("Organization: unified social credit code"));
      out_party->kind = "entity";
    }
  else
    {
      /* The reason of the validator for what the number looks like. */
      set_message (message, id_entry, MESSAGE_ERROR,
                   looks_resident ? resident_error->message : code_error->message);
      return FALSE;
    }

  out_party->name = g_steal_pointer (&name);
  out_party->id_no = g_steal_pointer (&normalized);

  return !*out_name_missing;
}

/* Why nothing can be saved on this connection, or NULL. */
static const char *
read_only_reason (ZxNewCaseDialog *self)
{
  if (self->store == NULL)
    return _("No database is open.");
  if (zx_store_is_read_only (self->store))
    return _("The database is open read-only; nothing can be saved.");

  return NULL;
}

static void
set_can_save (ZxNewCaseDialog *self,
              gboolean         can_save)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", can_save);

  if (self->can_save == can_save)
    return;

  self->can_save = can_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

static void refresh_next_number (ZxNewCaseDialog *self);

/* Checks every field, shows the messages, and turns Save on or off. */
static void
validate (ZxNewCaseDialog *self)
{
  g_autofree char *filed_on = NULL;
  g_auto(Party) applicant = { 0 };
  g_auto(Party) respondent = { 0 };
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  gboolean ok = TRUE;
  gboolean amount_missing = FALSE;
  gboolean name_missing = FALSE;
  const char *reason;

  ok &= check_filed (self, &filed_on);
  ok &= check_effective (self, filed_on);
  if (!check_amount (self, &amount_missing))
    {
      ok = FALSE;
      if (amount_missing)
        g_ptr_array_add (missing, (gpointer) _("the amount applied for"));
    }
  if (!check_party (self, self->applicant_name_entry, self->applicant_id_entry,
                    self->applicant_message, &applicant, &name_missing))
    {
      ok = FALSE;
      if (name_missing)
        g_ptr_array_add (missing, (gpointer) _("the applicant's name"));
    }
  if (!check_party (self, self->respondent_name_entry, self->respondent_id_entry,
                    self->respondent_message, &respondent, &name_missing))
    {
      ok = FALSE;
      if (name_missing)
        g_ptr_array_add (missing, (gpointer) _("the respondent's name"));
    }

  refresh_next_number (self);

  reason = read_only_reason (self);
  if (self->saving)
    {
      /* The status says "Saving…" until the answer comes. */
    }
  else if (reason != NULL)
    gtk_label_set_label (self->status_label, reason);
  else if (missing->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (missing, NULL);
      /* Translators: the separator of a list of missing fields */
      list = g_strjoinv (_(", "), (char **) missing->pdata);
      /* Translators: %s is a list such as “the applicant's name, the respondent's name” */
      text = g_strdup_printf (_("Still needed: %s."), list);
      gtk_label_set_label (self->status_label, text);
    }
  else
    gtk_label_set_label (self->status_label, "");

  set_can_save (self, ok && reason == NULL && !self->saving);
}

/* ---- the next number, the judges ------------------------------------------------------------- */

static void
refresh_next_number (ZxNewCaseDialog *self)
{
  g_autofree char *filed = zx_form_entry_text (self->filed_entry);
  g_autoptr(GError) error = NULL;
  const char *type = selected_type (self);
  int year;
  char *number;

  if (self->store == NULL)
    return;

  /* The year of the filing date when it is a date, else this year. */
  year = zx_validate_date (filed, NULL) ? atoi (filed) : atoi (self->today);
  if (self->next_case_no != NULL && year == self->peek_year
      && g_strcmp0 (type, self->peek_type) == 0)
    return;

  number = zx_store_peek_case_no (self->store, type, year, &error);
  g_free (self->peek_type);
  self->peek_type = g_strdup (type);
  self->peek_year = year;
  g_free (self->next_case_no);
  self->next_case_no = number != NULL ? number : g_strdup ("");

  gtk_label_set_label (self->next_no_label, number != NULL ? number : "—");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_no_label),
                               error != NULL ? error->message : NULL);
}

/* Another desktop filed a case: the next number moved on. */
static void
cases_changed_cb (ZxNewCaseDialog *self)
{
  g_clear_pointer (&self->next_case_no, g_free);
  refresh_next_number (self);
}

/* The active judges (a read of the window's connection; the list is short). */
static void
load_judges (ZxNewCaseDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 previous = selected_judge (self);
  sqlite3_stmt *stmt = NULL;
  guint selected = 0;

  g_clear_pointer (&self->judge_ids, g_array_unref);
  self->judge_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  gtk_string_list_append (names, _("None (not sent to the trial judge)"));
  g_array_set_size (self->judge_ids, 1);

  if (self->store != NULL
      && sqlite3_prepare_v2 (zx_store_get_db (self->store),
                             "SELECT id, name FROM staff WHERE role = 'judge' AND active = 1 "
                             "ORDER BY name, id",
                             -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (id == previous)
            selected = self->judge_ids->len;
          g_array_append_val (self->judge_ids, id);
          gtk_string_list_append (names, (const char *) sqlite3_column_text (stmt, 1));
        }
    }
  sqlite3_finalize (stmt);

  gtk_drop_down_set_model (self->judge_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->judge_dropdown, selected);
}

static void
staff_changed_cb (ZxNewCaseDialog *self)
{
  load_judges (self);
}

/* ---- saving ---------------------------------------------------------------------------------- */

typedef struct
{
  char       *path;
  char       *actor;
  char       *type_code;
  char       *filed_on;
  char       *op_id;
  JsonObject *fields;
  JsonArray  *parties;
} FileRequest;

typedef struct
{
  gint64  case_id;
  char   *case_no;
  char   *rule_name;
  gint64  team_id;
  char   *team_name;
  gint64  judge_id;
  char   *judge_name;
  gint64  cycle_no;
  int     position;
} FileResult;

static void
file_request_free (gpointer data)
{
  FileRequest *request = data;

  g_free (request->path);
  g_free (request->actor);
  g_free (request->type_code);
  g_free (request->filed_on);
  g_free (request->op_id);
  g_clear_pointer (&request->fields, json_object_unref);
  g_clear_pointer (&request->parties, json_array_unref);
  g_free (request);
}

static void
file_result_free (gpointer data)
{
  FileResult *result = data;

  g_free (result->case_no);
  g_free (result->rule_name);
  g_free (result->team_name);
  g_free (result->judge_name);
  g_free (result);
}

static char *
row_name (ZxStore    *store,
          const char *entity,
          gint64      id)
{
  g_autoptr(JsonObject) row = NULL;

  if (id <= 0)
    return NULL;

  row = zx_store_get_row (store, entity, id, NULL);
  if (row == NULL)
    return NULL;

  return g_strdup (json_object_get_string_member_with_default (row, "name", NULL));
}

static void
file_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FileRequest *request = task_data;
  g_autoptr(ZxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ZxNewCase new_case = { 0 };
  ZxFiledCase filed = { 0 };
  FileResult *result;

  /* A connection of this thread's own: a ZxStore is not thread-safe. */
  store = zx_store_open (request->path, ZX_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  zx_store_set_actor (store, request->actor);

  new_case.type_code = request->type_code;
  new_case.filed_on = request->filed_on;
  new_case.fields = request->fields;
  new_case.parties = request->parties;
  new_case.op_id = request->op_id;

  if (!zx_store_file_case (store, &new_case, &filed, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (FileResult, 1);
  result->case_id = filed.case_id;
  result->case_no = g_steal_pointer (&filed.case_no);
  result->rule_name = g_steal_pointer (&filed.rule_name);
  result->team_id = filed.team_id;
  result->judge_id = filed.judge_id;
  result->cycle_no = filed.cycle_no;
  result->position = filed.position;
  result->team_name = row_name (store, "teams", filed.team_id);
  result->judge_name = row_name (store, "staff", filed.judge_id);
  zx_filed_case_clear (&filed);

  g_task_return_pointer (task, result, file_result_free);
}

static void
show_error (ZxNewCaseDialog *self,
            const GError    *error)
{
  gboolean conflict = g_error_matches (error, ZX_ERROR, ZX_ERROR_CONFLICT);

  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (self->reload_button, conflict);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_error (ZxNewCaseDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_visible (self->reload_button, FALSE);
}

static void
set_saving (ZxNewCaseDialog *self,
            gboolean         saving)
{
  if (self->saving == saving)
    return;

  self->saving = saving;
  g_clear_handle_id (&self->busy_source, g_source_remove);

  if (saving)
    {
      gtk_spinner_start (self->spinner);
      gtk_label_set_label (self->status_label, _("Saving…"));
    }
  else
    {
      gtk_spinner_stop (self->spinner);
      gtk_label_set_label (self->status_label, "");
    }

  /* Nothing to change, nothing to cancel: the save will answer. */
  gtk_widget_set_sensitive (self->cancel_button, !saving);
  gtk_widget_set_sensitive (self->form_grid, !saving);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static gboolean
busy_notice_cb (gpointer user_data)
{
  ZxNewCaseDialog *self = user_data;

  self->busy_source = 0;
  gtk_label_set_label (self->status_label, _("Waiting for another user's save…"));

  return G_SOURCE_REMOVE;
}

static void
show_result (ZxNewCaseDialog *self,
             FileResult      *result)
{
  g_autofree char *draw = NULL;

  gtk_label_set_label (self->result_case_no, result->case_no);

  if (result->judge_id != 0)
    {
      gtk_label_set_label (self->result_assigned_caption, _("Trial judge"));
      gtk_label_set_label (self->result_assigned,
                           result->judge_name != NULL ? result->judge_name : "—");
    }
  else
    {
      gtk_label_set_label (self->result_assigned_caption, _("Team drawn"));
      gtk_label_set_label (self->result_assigned,
                           result->team_name != NULL ? result->team_name : "—");
    }

  gtk_label_set_label (self->result_rule, result->rule_name != NULL ? result->rule_name : "—");

  if (result->judge_id != 0)
    draw = g_strdup (_("None: the case goes to the judge who tried it"));
  else if (result->cycle_no > 0)
    /* Translators: the random round-robin draw: which cycle, which place in it */
    draw = g_strdup_printf (_("Cycle %" PRId64 ", position %d"), result->cycle_no,
                            result->position + 1);
  else
    draw = g_strdup (_("Saved earlier (the same save was already received)"));
  gtk_label_set_label (self->result_draw, draw);

  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);
  gtk_widget_grab_focus (self->close_button);
  /* Selectable for copying, but not shown selected. */
  gtk_label_select_region (self->result_case_no, 0, 0);
}

static void
file_done_cb (GObject      *object,
              GAsyncResult *async_result,
              gpointer      user_data)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (object);
  g_autoptr(GError) error = NULL;
  FileResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);

  if (result == NULL)
    {
      show_error (self, error);
      validate (self);
      return;
    }

  show_result (self, result);
  g_signal_emit (self, signals[SIGNAL_CASE_FILED], 0, result->case_id, result->case_no);
  file_result_free (result);
}

static void
add_party (JsonArray  *parties,
           const char *role,
           Party      *party)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "role", role);
  json_object_set_string_member (object, "kind", party->kind);
  json_object_set_string_member (object, "name", party->name);
  if (party->id_no != NULL)
    json_object_set_string_member (object, "id_no", party->id_no);
  if (party->id_flag != NULL)
    json_object_set_string_member (object, "id_flag", party->id_flag);

  json_array_add_object_element (parties, object);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *filed_on = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *basis_no = NULL;
  g_autofree char *amount = NULL;
  g_auto(Party) applicant = { 0 };
  g_auto(Party) respondent = { 0 };
  gboolean missing;
  FileRequest *request;
  gint64 fen = 0;
  gint64 judge;

  validate (self);
  if (!self->can_save)
    return;

  /* validate() said yes: these succeed. */
  check_filed (self, &filed_on);
  check_party (self, self->applicant_name_entry, self->applicant_id_entry,
               self->applicant_message, &applicant, &missing);
  check_party (self, self->respondent_name_entry, self->respondent_id_entry,
               self->respondent_message, &respondent, &missing);
  amount = zx_form_entry_text (self->amount_entry);
  zx_parse_amount_fen (amount, &fen, NULL);
  effective = zx_form_entry_text (self->effective_entry);
  basis_no = zx_form_entry_text (self->basis_no_entry);
  judge = selected_judge (self);

  request = g_new0 (FileRequest, 1);
  request->path = g_strdup (zx_store_get_path (self->store));
  request->actor = g_strdup (zx_store_get_actor (self->store));
  request->type_code = g_strdup (selected_type (self));
  request->filed_on = g_steal_pointer (&filed_on);
  request->op_id = g_strdup (self->op_id);

  request->fields = json_object_new ();
  json_object_set_string_member (request->fields, "basis_type", selected_basis_type (self));
  if (*basis_no != '\0')
    json_object_set_string_member (request->fields, "basis_doc_no", basis_no);
  if (*effective != '\0')
    json_object_set_string_member (request->fields, "basis_effective_on", effective);
  json_object_set_int_member (request->fields, "amount_applied", fen);
  json_object_set_int_member (request->fields, "livelihood",
                              gtk_check_button_get_active (self->livelihood_check) ? 1 : 0);
  if (judge > 0)
    json_object_set_int_member (request->fields, "trial_judge_id", judge);

  request->parties = json_array_new ();
  add_party (request->parties, "applicant", &applicant);
  add_party (request->parties, "respondent", &respondent);

  hide_error (self);
  set_saving (self, TRUE);
  set_can_save (self, FALSE);
  self->busy_source = g_timeout_add (BUSY_NOTICE_MS, busy_notice_cb, self);

  task = g_task_new (self, self->cancellable, file_done_cb, NULL);
  g_task_set_source_tag (task, save_action);
  g_task_set_name (task, "[zhixing] file case");
  g_task_set_task_data (task, request, file_request_free);
  g_task_run_in_thread (task, file_thread);
}

/* After a conflict: read again what the form depends on. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (widget);

  hide_error (self);
  load_judges (self);
  g_clear_pointer (&self->next_case_no, g_free);
  validate (self);
}

/* Back to the form for the next case: same type, date and document type; a new save id. */
static void
another_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (widget);
  GtkEntry *cleared[] = {
    self->basis_no_entry, self->effective_entry, self->amount_entry,
    self->applicant_name_entry, self->applicant_id_entry,
    self->respondent_name_entry, self->respondent_id_entry,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
    gtk_editable_set_text (GTK_EDITABLE (cleared[i]), "");
  gtk_check_button_set_active (self->livelihood_check, FALSE);
  gtk_drop_down_set_selected (self->judge_dropdown, 0);

  g_free (self->op_id);
  self->op_id = zx_new_op_id ();
  g_clear_pointer (&self->next_case_no, g_free);

  hide_error (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
}

static void
field_changed_cb (ZxNewCaseDialog *self)
{
  /* Widgets going away during dispose still say they changed. */
  if (self->filed_entry == NULL)
    return;

  validate (self);
}

static void
type_changed_cb (ZxNewCaseDialog *self)
{
  if (self->filed_entry == NULL)
    return;

  validate (self);
}

/* ---- GObject --------------------------------------------------------------------------------- */

static gboolean
zx_new_case_dialog_close_request (GtkWindow *window)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (window);

  /* The save cannot be called back; wait for its answer. */
  if (self->saving)
    return TRUE;

  if (GTK_WINDOW_CLASS (zx_new_case_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (zx_new_case_dialog_parent_class)->close_request (window);

  return FALSE;
}

static void
zx_new_case_dialog_constructed (GObject *object)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (object);

  G_OBJECT_CLASS (zx_new_case_dialog_parent_class)->constructed (object);

  if (self->today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->today = g_date_time_format (now, "%Y-%m-%d");
    }

  gtk_editable_set_text (GTK_EDITABLE (self->filed_entry), self->today);

  if (self->store != NULL)
    {
      g_signal_connect_object (self->store, "changed::cases", G_CALLBACK (cases_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed::case_counters",
                               G_CALLBACK (cases_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed::staff", G_CALLBACK (staff_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  load_judges (self);
  validate (self);
}

static void
zx_new_case_dialog_dispose (GObject *object)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->busy_source, g_source_remove);

  /* The default button is a template child: forget it before it goes. */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_NEW_CASE_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (zx_new_case_dialog_parent_class)->dispose (object);
}

static void
zx_new_case_dialog_finalize (GObject *object)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->op_id, g_free);
  g_clear_pointer (&self->next_case_no, g_free);
  g_clear_pointer (&self->peek_type, g_free);
  g_clear_pointer (&self->judge_ids, g_array_unref);

  G_OBJECT_CLASS (zx_new_case_dialog_parent_class)->finalize (object);
}

static void
zx_new_case_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_new_case_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZxNewCaseDialog *self = ZX_NEW_CASE_DIALOG (object);

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
zx_new_case_dialog_class_init (ZxNewCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = zx_new_case_dialog_constructed;
  object_class->dispose = zx_new_case_dialog_dispose;
  object_class->finalize = zx_new_case_dialog_finalize;
  object_class->get_property = zx_new_case_dialog_get_property;
  object_class->set_property = zx_new_case_dialog_set_property;

  window_class->close_request = zx_new_case_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZxNewCaseDialog::case-filed:
   * @case_id: the new case
   * @case_no: its number
   */
  signals[SIGNAL_CASE_FILED] =
    g_signal_new ("case-filed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-new-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, form_grid);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, next_no_label);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, filed_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, filed_message);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, basis_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, basis_no_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, effective_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, effective_message);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, amount_message);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, livelihood_check);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, judge_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, applicant_name_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, applicant_id_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, applicant_message);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, respondent_name_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, respondent_id_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, respondent_message);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, result_case_no);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, result_assigned_caption);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, result_assigned);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, result_rule);
  gtk_widget_class_bind_template_child (widget_class, ZxNewCaseDialog, result_draw);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "dialog.another", NULL, another_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
}

static void
zx_new_case_dialog_init (ZxNewCaseDialog *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) bases = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->op_id = zx_new_op_id ();

  for (guint i = 0; i < G_N_ELEMENTS (case_types); i++)
    {
      /* Translators: a case type in the New Case dialog: the code (执恢) and what it means */
      g_autofree char *text = g_strdup_printf (_("%s — %s"), case_types[i].code,
                                               _(case_types[i].description));

      gtk_string_list_append (types, text);
    }
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));

  for (guint i = 0; i < G_N_ELEMENTS (basis_types); i++)
    gtk_string_list_append (bases, _(basis_types[i].label));
  gtk_drop_down_set_model (self->basis_type_dropdown, G_LIST_MODEL (bases));

  /* Enter in a field saves, when Save is on. */
  {
    GtkEntry *entries[] = {
      self->filed_entry, self->basis_no_entry, self->effective_entry, self->amount_entry,
      self->applicant_name_entry, self->applicant_id_entry,
      self->respondent_name_entry, self->respondent_id_entry,
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      gtk_entry_set_activates_default (entries[i], TRUE);
  }
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
}

/* ---- public API ------------------------------------------------------------------------------ */

ZxNewCaseDialog *
zx_new_case_dialog_new (GtkWindow  *parent,
                        ZxStore    *store,
                        const char *today)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZX_IS_STORE (store), NULL);

  return g_object_new (ZX_TYPE_NEW_CASE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "today", today,
                       NULL);
}

gboolean
zx_new_case_dialog_get_can_save (ZxNewCaseDialog *self)
{
  g_return_val_if_fail (ZX_IS_NEW_CASE_DIALOG (self), FALSE);

  return self->can_save;
}

gboolean
zx_new_case_dialog_get_saving (ZxNewCaseDialog *self)
{
  g_return_val_if_fail (ZX_IS_NEW_CASE_DIALOG (self), FALSE);

  return self->saving;
}

const char *
zx_new_case_dialog_get_next_case_no (ZxNewCaseDialog *self)
{
  g_return_val_if_fail (ZX_IS_NEW_CASE_DIALOG (self), NULL);

  return self->next_case_no != NULL ? self->next_case_no : "";
}
