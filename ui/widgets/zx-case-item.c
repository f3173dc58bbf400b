/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One row of the case register: the columns of one case, made on demand by ZxCaseListModel and
 * updated in place when the case changes (cells listen to notify, so a changed row is redrawn
 * without the list model reporting a change). */
#define G_LOG_DOMAIN "zx-case-item"

#include "config.h"

#include <glib/gi18n.h>

#include "zx-case-item.h"

struct _ZxCaseItem
{
  GObject   parent_instance;

  gint64    id;
  gint64    version;
  gboolean  loaded;
  char     *case_no;
  char     *filed_on;
  char     *applicant;
  char     *respondent;
  gint64    amount_applied;
  gint64    amount_realized;
  gint64    team_id;
  char     *team;
  gint64    officer_id;
  char     *officer;
  char     *status;
  char     *next_due_on;
  char     *next_due_kind;
  char     *next_due_status;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_LOADED,
  PROP_CASE_NO,
  PROP_FILED_ON,
  PROP_APPLICANT,
  PROP_RESPONDENT,
  PROP_AMOUNT_APPLIED,
  PROP_AMOUNT_REALIZED,
  PROP_TEAM_ID,
  PROP_TEAM,
  PROP_OFFICER_ID,
  PROP_OFFICER,
  PROP_STATUS,
  PROP_NEXT_DUE_ON,
  PROP_NEXT_DUE_KIND,
  PROP_NEXT_DUE_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZxCaseItem, zx_case_item, G_TYPE_OBJECT)

static void
update_string (ZxCaseItem  *self,
               char       **field,
               const char  *value,
               guint        prop_id,
               gboolean    *changed)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  *changed = TRUE;
}

static void
update_int (ZxCaseItem *self,
            gint64     *field,
            gint64      value,
            guint       prop_id,
            gboolean   *changed)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  *changed = TRUE;
}

static void
zx_case_item_finalize (GObject *object)
{
  ZxCaseItem *self = ZX_CASE_ITEM (object);

  g_free (self->case_no);
  g_free (self->filed_on);
  g_free (self->applicant);
  g_free (self->respondent);
  g_free (self->team);
  g_free (self->officer);
  g_free (self->status);
  g_free (self->next_due_on);
  g_free (self->next_due_kind);
  g_free (self->next_due_status);

  G_OBJECT_CLASS (zx_case_item_parent_class)->finalize (object);
}

static void
zx_case_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZxCaseItem *self = ZX_CASE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_CASE_NO:
      g_value_set_string (value, self->case_no);
      break;
    case PROP_FILED_ON:
      g_value_set_string (value, self->filed_on);
      break;
    case PROP_APPLICANT:
      g_value_set_string (value, self->applicant);
      break;
    case PROP_RESPONDENT:
      g_value_set_string (value, self->respondent);
      break;
    case PROP_AMOUNT_APPLIED:
      g_value_set_int64 (value, self->amount_applied);
      break;
    case PROP_AMOUNT_REALIZED:
      g_value_set_int64 (value, self->amount_realized);
      break;
    case PROP_TEAM_ID:
      g_value_set_int64 (value, self->team_id);
      break;
    case PROP_TEAM:
      g_value_set_string (value, self->team);
      break;
    case PROP_OFFICER_ID:
      g_value_set_int64 (value, self->officer_id);
      break;
    case PROP_OFFICER:
      g_value_set_string (value, self->officer);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_NEXT_DUE_ON:
      g_value_set_string (value, self->next_due_on);
      break;
    case PROP_NEXT_DUE_KIND:
      g_value_set_string (value, self->next_due_kind);
      break;
    case PROP_NEXT_DUE_STATUS:
      g_value_set_string (value, self->next_due_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_case_item_class_init (ZxCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = zx_case_item_finalize;
  object_class->get_property = zx_case_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_CASE_NO] = g_param_spec_string ("case-no", NULL, NULL, NULL, flags);
  properties[PROP_FILED_ON] = g_param_spec_string ("filed-on", NULL, NULL, NULL, flags);
  properties[PROP_APPLICANT] = g_param_spec_string ("applicant", NULL, NULL, NULL, flags);
  properties[PROP_RESPONDENT] = g_param_spec_string ("respondent", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT_APPLIED] =
    g_param_spec_int64 ("amount-applied", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AMOUNT_REALIZED] =
    g_param_spec_int64 ("amount-realized", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TEAM_ID] = g_param_spec_int64 ("team-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TEAM] = g_param_spec_string ("team", NULL, NULL, NULL, flags);
  properties[PROP_OFFICER_ID] =
    g_param_spec_int64 ("officer-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OFFICER] = g_param_spec_string ("officer", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DUE_ON] = g_param_spec_string ("next-due-on", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DUE_KIND] = g_param_spec_string ("next-due-kind", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DUE_STATUS] =
    g_param_spec_string ("next-due-status", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zx_case_item_init (ZxCaseItem *self)
{
}

ZxCaseItem *
zx_case_item_new (gint64           id,
                  const ZxCaseRow *row)
{
  ZxCaseItem *self = g_object_new (ZX_TYPE_CASE_ITEM, NULL);

  self->id = id;

  /* Nobody listens yet: fill the fields without notifications. */
  if (row != NULL)
    {
      self->loaded = TRUE;
      self->version = row->version;
      self->case_no = g_strdup (row->case_no);
      self->filed_on = g_strdup (row->filed_on);
      self->applicant = g_strdup (row->applicant);
      self->respondent = g_strdup (row->respondent);
      self->amount_applied = row->amount_applied;
      self->amount_realized = row->amount_realized;
      self->team_id = row->team_id;
      self->team = g_strdup (row->team);
      self->officer_id = row->officer_id;
      self->officer = g_strdup (row->officer);
      self->status = g_strdup (row->status);
      self->next_due_on = g_strdup (row->next_due_on);
      self->next_due_kind = g_strdup (row->next_due_kind);
      self->next_due_status = g_strdup (row->next_due_status);
    }

  return self;
}

gboolean
zx_case_item_update (ZxCaseItem      *self,
                     const ZxCaseRow *row)
{
  static const ZxCaseRow gone = { 0 };
  gboolean changed = FALSE;

  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), FALSE);
  g_return_val_if_fail (row == NULL || row->id == self->id, FALSE);

  if (row == NULL)
    row = &gone;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->loaded != (row != &gone))
    {
      self->loaded = row != &gone;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
      changed = TRUE;
    }

  update_int (self, &self->version, row->version, PROP_VERSION, &changed);
  update_string (self, &self->case_no, row->case_no, PROP_CASE_NO, &changed);
  update_string (self, &self->filed_on, row->filed_on, PROP_FILED_ON, &changed);
  update_string (self, &self->applicant, row->applicant, PROP_APPLICANT, &changed);
  update_string (self, &self->respondent, row->respondent, PROP_RESPONDENT, &changed);
  update_int (self, &self->amount_applied, row->amount_applied, PROP_AMOUNT_APPLIED, &changed);
  update_int (self, &self->amount_realized, row->amount_realized, PROP_AMOUNT_REALIZED, &changed);
  update_int (self, &self->team_id, row->team_id, PROP_TEAM_ID, &changed);
  update_string (self, &self->team, row->team, PROP_TEAM, &changed);
  update_int (self, &self->officer_id, row->officer_id, PROP_OFFICER_ID, &changed);
  update_string (self, &self->officer, row->officer, PROP_OFFICER, &changed);
  update_string (self, &self->status, row->status, PROP_STATUS, &changed);
  update_string (self, &self->next_due_on, row->next_due_on, PROP_NEXT_DUE_ON, &changed);
  update_string (self, &self->next_due_kind, row->next_due_kind, PROP_NEXT_DUE_KIND, &changed);
  update_string (self, &self->next_due_status, row->next_due_status, PROP_NEXT_DUE_STATUS,
                 &changed);

  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

gint64
zx_case_item_get_id (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), 0);

  return self->id;
}

gint64
zx_case_item_get_version (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), 0);

  return self->version;
}

gboolean
zx_case_item_get_loaded (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), FALSE);

  return self->loaded;
}

const char *
zx_case_item_get_case_no (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->case_no;
}

const char *
zx_case_item_get_filed_on (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->filed_on;
}

const char *
zx_case_item_get_applicant (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->applicant;
}

const char *
zx_case_item_get_respondent (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->respondent;
}

gint64
zx_case_item_get_amount_applied (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), 0);

  return self->amount_applied;
}

gint64
zx_case_item_get_amount_realized (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), 0);

  return self->amount_realized;
}

gint64
zx_case_item_get_team_id (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), 0);

  return self->team_id;
}

const char *
zx_case_item_get_team (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->team;
}

gint64
zx_case_item_get_officer_id (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), 0);

  return self->officer_id;
}

const char *
zx_case_item_get_officer (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->officer;
}

const char *
zx_case_item_get_status (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->status;
}

const char *
zx_case_item_get_next_due_on (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->next_due_on;
}

const char *
zx_case_item_get_next_due_kind (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->next_due_kind;
}

const char *
zx_case_item_get_next_due_status (ZxCaseItem *self)
{
  g_return_val_if_fail (ZX_IS_CASE_ITEM (self), NULL);

  return self->next_due_status;
}

/* Appends MAGNITUDE with a comma between groups of three digits. */
static void
append_grouped (GString *text,
                guint64  magnitude)
{
  char digits[24];
  int n_digits = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);

  for (int i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
}

char *
zx_format_fen_as_yuan (gint64 fen)
{
  GString *text = g_string_new (NULL);
  /* Through guint64, so that G_MININT64 has a magnitude too. */
  guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;

  if (fen < 0)
    g_string_append_c (text, '-');
  append_grouped (text, magnitude / 100);
  g_string_append_printf (text, ".%02u", (guint) (magnitude % 100));

  return g_string_free (text, FALSE);
}

char *
zx_format_count (gint64 n)
{
  GString *text = g_string_new (NULL);

  if (n < 0)
    g_string_append_c (text, '-');
  append_grouped (text, n < 0 ? (guint64) 0 - (guint64) n : (guint64) n);

  return g_string_free (text, FALSE);
}

const char *
zx_case_status_label (const char *status)
{
  if (status == NULL)
    return "";
  if (g_str_equal (status, "in_progress"))
    return C_("case status", "In progress");
  if (g_str_equal (status, "suspended"))
    return C_("case status", "Suspended");
  if (g_str_equal (status, "executed"))
    return C_("case status", "Executed");
  if (g_str_equal (status, "zhongben"))
    return C_("case status", "Round ended");
  if (g_str_equal (status, "terminated"))
    return C_("case status", "Terminated");
  if (g_str_equal (status, "not_executed"))
    return C_("case status", "Not enforced");
  if (g_str_equal (status, "rejected"))
    return C_("case status", "Rejected");
  if (g_str_equal (status, "withdrawn"))
    return C_("case status", "Withdrawn");

  return status;
}
