/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the case detail shows a case: the header, and one list row per record of each tab, with
 * its state worked out for today (node due dates, seizure expiry, approvals) and the audit
 * history as "field: old → new". */
#define G_LOG_DOMAIN "zx-case-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "domain/zx-deadlines.h"
#include "domain/zx-validate.h"
#include "store/zx-listing.h"
#include "store/zx-measures.h"
#include "widgets/zx-case-item.h"
#include "zx-case-detail-private.h"

/* History rows show this many changed fields, then "… and N more". */
#define MAX_CHANGES_SHOWN 8

/* ---- small helpers ------------------------------------------------------------------------- */

static const char *
str (JsonObject *row,
     const char *member)
{
  JsonNode *node = json_object_get_member (row, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A non-empty string member, or NULL. */
static const char *
text (JsonObject *row,
      const char *member)
{
  const char *value = str (row, member);

  return value != NULL && *value != '\0' ? value : NULL;
}

static gint64
integer (JsonObject *row,
         const char *member)
{
  JsonNode *node = json_object_get_member (row, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

static gboolean
has_integer (JsonObject *row,
             const char *member)
{
  JsonNode *node = json_object_get_member (row, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
parse_date (const char *value,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (value == NULL || sscanf (value, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);

  return TRUE;
}

/* TO − FROM in days, or G_MININT when a date is bad. */
static int
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return G_MININT;

  return g_date_days_between (&a, &b);
}

static char *
yuan (gint64 fen)
{
  g_autofree char *amount = zx_format_fen_as_yuan (fen);

  return g_strdup_printf ("¥%s", amount);
}

/* Parts joined with SEPARATOR, skipping NULL and empty ones; the list ends with (char *) -1. */
static char *
join_parts (const char *separator,
            const char *first,
            ...)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  const char *part = first;
  va_list args;

  va_start (args, first);
  for (guint i = 0; i < 16; i++)
    {
      if (part != NULL && *part != '\0')
        {
          if (joined->len > 0)
            g_string_append (joined, separator);
          g_string_append (joined, part);
        }
      part = va_arg (args, const char *);
      if (part == (const char *) -1)
        break;
    }
  va_end (args);

  if (joined->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&joined), FALSE);
}
#define JOIN(...) join_parts (" · ", __VA_ARGS__, (const char *) -1)
/* One part a line. */
#define JOIN_LINES(...) join_parts ("\n", __VA_ARGS__, (const char *) -1)

/* ---- values -------------------------------------------------------------------------------- */

#define LABEL(entity, field, value) zx_case_detail_data_value_label (entity, field, value)

static gboolean
is_money_field (const char *field)
{
  static const char *const fields[] = {
    "amount_applied", "amount_realized", "found_amount", "amount", "appraisal", "reserve",
    "deposit", "price",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (field, fields[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A value of a history diff as a clerk reads it: money in yuan, known codes translated. */
static char *
display_value (ZxCaseDetail *self,
               const char   *entity,
               const char   *field,
               const char   *value)
{
  g_autofree char *name = NULL;

  if (value == NULL)
    return g_strdup ("—");

  /* Ids of parties, staff and teams: their names. */
  name = zx_case_detail_data_name_of (zx_store_get_db (self->store), field,
                                      g_ascii_strtoll (value, NULL, 10));
  if (name != NULL)
    return g_steal_pointer (&name);

  if (is_money_field (field))
    {
      gint64 fen = g_ascii_strtoll (value, NULL, 10);

      return yuan (fen);
    }

  if (g_strcmp0 (field, "status") == 0 && g_strcmp0 (entity, "cases") == 0)
    return g_strdup (zx_case_status_label (value));

  return g_strdup (LABEL (entity, field, value));
}

/* ---- rows ---------------------------------------------------------------------------------- */

typedef struct
{
  const char *title;
  const char *subtitle;
  const char *subtitle2;     /* a second line like the subtitle */
  const char *detail;
  const char *detail_class;  /* "good", "warning", "bad" or NULL */
  const char *badge;
  const char *badge_class;   /* "good", "warning", "bad", "neutral" */
  const char *dot_class;     /* nodes: done, open, due-soon, overdue; NULL: no dot */
  const char *row_class;     /* added to the row itself */
  const char *alert;         /* what the section's switch shows: "bad", "warning" or NULL */
} RowSpec;

static GtkWidget *
make_label (const char *label,
            const char *css_class)
{
  GtkWidget *widget = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (widget), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);

  return widget;
}

static GtkWidget *
make_row (const RowSpec *spec)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (box, "zx-detail-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (spec->row_class != NULL)
    gtk_widget_add_css_class (row, spec->row_class);
  g_object_set_data (G_OBJECT (row), "zx-alert", (gpointer) spec->alert);

  if (spec->dot_class != NULL)
    {
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (dot, "zx-node-dot");
      gtk_widget_add_css_class (dot, spec->dot_class);
      gtk_widget_set_valign (dot, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), dot);
    }

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), make_label (spec->title, "zx-row-title"));
  if (spec->subtitle != NULL)
    gtk_box_append (GTK_BOX (texts), make_label (spec->subtitle, "zx-row-subtitle"));
  if (spec->subtitle2 != NULL)
    gtk_box_append (GTK_BOX (texts), make_label (spec->subtitle2, "zx-row-subtitle"));
  if (spec->detail != NULL)
    {
      GtkWidget *detail = make_label (spec->detail, "zx-row-detail");

      if (spec->detail_class != NULL)
        gtk_widget_add_css_class (detail, spec->detail_class);
      gtk_box_append (GTK_BOX (texts), detail);
    }
  gtk_box_append (GTK_BOX (box), texts);

  if (spec->badge != NULL)
    {
      GtkWidget *badge = gtk_label_new (spec->badge);

      gtk_widget_add_css_class (badge, "zx-pill");
      gtk_widget_add_css_class (badge, spec->badge_class != NULL ? spec->badge_class : "neutral");
      gtk_widget_set_valign (badge, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), badge);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* ---- parties ------------------------------------------------------------------------------- */

/* What the ID number of a party says about itself: CLASS good, warning or bad. */
static char *
describe_id (JsonObject  *row,
             const char  *today,
             const char **out_class)
{
  const char *kind = str (row, "kind");
  const char *id_no = text (row, "id_no");
  const char *flag = text (row, "id_flag");
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  ZxIdFlags flags = ZX_ID_FLAG_NONE;
  gboolean ok;

  if (id_no == NULL)
    {
      *out_class = "warning";
      return g_strdup (_("No ID number recorded"));
    }

  if (g_strcmp0 (kind, "entity") == 0)
    {
      if (strlen (id_no) <= 10)
        ok = zx_validate_org_code (id_no, &normalized, &error);
      else
        ok = zx_validate_uscc (id_no, &normalized, &flags, &error);
    }
  else
    ok = zx_validate_resident_id (id_no, today, TRUE, &normalized, &flags, &error);

  if (!ok)
    {
      *out_class = "bad";
      /* Translators: %s says what is wrong with the ID number */
      return g_strdup_printf (_("✗ Invalid: %s"), error->message);
    }

  if ((flags & ZX_ID_FLAG_INNER_CHECK) || g_strcmp0 (flag, "inner_check") == 0)
    {
      *out_class = "warning";
      return g_strdup (_("⚠ Accepted, but the organization code in it has a wrong check "
                         "character: verify it"));
    }

  if ((flags & ZX_ID_FLAG_LEGACY_15) || g_strcmp0 (flag, "legacy15") == 0)
    {
      *out_class = "warning";
      return g_strdup (_("⚠ An old 15-digit ID number"));
    }

  if (flag != NULL)
    {
      *out_class = "warning";
      /* Translators: %s is a flag the import set on the ID number */
      return g_strdup_printf (_("⚠ Flagged: %s"), flag);
    }

  *out_class = "good";

  if (g_strcmp0 (kind, "entity") != 0)
    {
      char sex = 0;
      char birth[11];
      int age = zx_resident_id_age (normalized, today);

      if (zx_resident_id_info (normalized, &sex, birth) && age >= 0)
        {
          if (sex == 'M')
            /* Translators: %d is an age in years */
            return g_strdup_printf (_("✓ Valid · male, %d"), age);
          else
            /* Translators: %d is an age in years */
            return g_strdup_printf (_("✓ Valid · female, %d"), age);
        }
    }

  return g_strdup (_("✓ Valid"));
}

static GtkWidget *
party_row (ZxCaseDetail *self,
           JsonObject   *row)
{
  const char *role = str (row, "role");
  const char *kind = str (row, "kind");
  const char *legal_rep = text (row, "legal_rep");
  g_autofree char *rep = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *subtitle2 = NULL;
  g_autofree char *validity = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *widget;
  GtkWidget *button;
  gint64 *party_id;
  RowSpec spec = { 0 };

  if (legal_rep != NULL)
    /* Translators: %s is the name of an entity's legal representative */
    rep = g_strdup_printf (_("Legal representative %s"), legal_rep);

  subtitle = JOIN (LABEL ("parties", "kind", kind), text (row, "id_no"));
  subtitle2 = JOIN (rep, text (row, "phone"), text (row, "address"));
  validity = describe_id (row, self->today, &spec.detail_class);

  spec.title = str (row, "name");
  spec.subtitle = subtitle;
  spec.subtitle2 = subtitle2;
  spec.detail = validity;
  spec.badge = LABEL ("parties", "role", role);
  spec.badge_class = g_strcmp0 (role, "respondent") == 0 ? "respondent" : "neutral";
  widget = make_row (&spec);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
  party_id = g_new (gint64, 1);
  *party_id = integer (row, "id");
  g_object_set_data_full (G_OBJECT (widget), "zx-party-id", party_id, g_free);

  /* Translators: %s is a party's name */
  tooltip = g_strdup_printf (_("Edit %s"), spec.title);
  button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "detail.edit-party");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", integer (row, "id"));
  gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget))), button);

  return widget;
}

/* ---- nodes --------------------------------------------------------------------------------- */

static GtkWidget *
node_row (ZxCaseDetail *self,
          JsonObject   *row)
{
  const char *due_on = str (row, "due_on");
  const char *done_on = text (row, "done_on");
  ZxNodeStatus status = zx_node_status (due_on, done_on, self->today,
                                        (int) integer (row, "warn_days"));
  gint64 occurrence = integer (row, "occurrence");
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *done = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *badge = NULL;
  RowSpec spec = { 0 };
  int days = days_between (self->today, due_on);

  if (occurrence > 1)
    /* Translators: a process node that repeats, e.g. “终本后定期查询 (3)”: the third one */
    title = g_strdup_printf (_("%s (%d)"), str (row, "name"), (int) occurrence);
  else
    title = g_strdup (str (row, "name"));

  /* Translators: %s is a date */
  due = g_strdup_printf (_("Due %s"), due_on != NULL ? due_on : "?");
  if (done_on != NULL)
    /* Translators: %s is a date */
    done = g_strdup_printf (_("done %s"), done_on);
  subtitle = JOIN (due, done, text (row, "note"));

  switch (status)
    {
    case ZX_NODE_DONE:
      badge = g_strdup (_("Done"));
      spec.badge_class = "good";
      spec.dot_class = "done";
      break;
    case ZX_NODE_OVERDUE:
      badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                            "Overdue by %d days", -days), -days);
      spec.badge_class = "bad";
      spec.dot_class = "overdue";
      spec.alert = "bad";
      break;
    case ZX_NODE_DUE_SOON:
      if (days == 0)
        badge = g_strdup (_("Due today"));
      else
        badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d day",
                                              "Due in %d days", days), days);
      spec.badge_class = "warning";
      spec.dot_class = "due-soon";
      spec.alert = "warning";
      break;
    case ZX_NODE_OPEN:
      badge = g_strdup (_("Open"));
      spec.badge_class = "neutral";
      spec.dot_class = "open";
      break;
    case ZX_NODE_UNKNOWN:
    default:
      badge = g_strdup (_("Bad date"));
      spec.badge_class = "bad";
      spec.dot_class = "open";
      break;
    }

  spec.title = title;
  spec.subtitle = subtitle;
  spec.badge = badge;
  spec.row_class = spec.dot_class;

  return make_row (&spec);
}

/* ---- asset queries ------------------------------------------------------------------------- */

static GtkWidget *
query_row (ZxCaseDetail *self,
           JsonObject   *row)
{
  const char *result = str (row, "result");
  const char *answered_on = text (row, "answered_on");
  g_autofree char *requested = NULL;
  g_autofree char *answered = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *found = NULL;
  RowSpec spec = { 0 };

  /* Translators: %s is a date */
  requested = g_strdup_printf (_("requested %s"), str (row, "requested_on"));
  if (answered_on != NULL)
    /* Translators: %s is a date */
    answered = g_strdup_printf (_("answered %s"), answered_on);
  subtitle = JOIN (LABEL ("asset_queries", "channel", str (row, "channel")), text (row, "party"));

  if (has_integer (row, "found_amount"))
    {
      g_autofree char *amount = yuan (integer (row, "found_amount"));

      /* Translators: %s is an amount of money */
      found = g_strdup_printf (_("found %s"), amount);
    }
  detail = JOIN (requested, answered, found, text (row, "note"));

  if (g_strcmp0 (result, "found") == 0)
    {
      spec.badge = _("Found");
      spec.badge_class = "good";
    }
  else if (g_strcmp0 (result, "none") == 0)
    {
      spec.badge = _("Nothing found");
      spec.badge_class = "neutral";
    }
  else
    {
      spec.badge = _("Waiting for the answer");
      spec.badge_class = "warning";
    }

  spec.title = LABEL ("asset_queries", "kind", str (row, "kind"));
  spec.subtitle = subtitle;
  spec.detail = detail;

  return make_row (&spec);
}

/* ---- seizures ------------------------------------------------------------------------------ */

static GtkWidget *
seizure_row (ZxCaseDetail *self,
             JsonObject   *row)
{
  int warn_days = self->seizure_warn_days;
  int urgent_days = self->seizure_urgent_days;
  const char *expires_on = text (row, "expires_on");
  const char *start_on = text (row, "start_on");
  ZxSeizureStatus status = zx_seizure_status (str (row, "state"), expires_on, self->today,
                                              warn_days, urgent_days);
  gint64 renewed = integer (row, "renewed_count");
  g_autofree char *term = NULL;
  g_autofree char *renewals = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *released = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *badge = NULL;
  RowSpec spec = { 0 };
  int days = days_between (self->today, expires_on);

  if (start_on != NULL && expires_on != NULL)
    /* Translators: a seizure's term: the first %s is its start date, the second its expiry */
    term = g_strdup_printf (_("%s to %s"), start_on, expires_on);
  if (renewed > 0)
    renewals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "renewed %d time",
                                             "renewed %d times", renewed), (int) renewed);
  if (has_integer (row, "amount"))
    amount = yuan (integer (row, "amount"));
  if (text (row, "released_on") != NULL)
    /* Translators: %s is a date */
    released = g_strdup_printf (_("released %s"), str (row, "released_on"));

  subtitle = JOIN (LABEL ("seizures", "kind", str (row, "kind")), text (row, "party"));
  detail = JOIN (term, renewals, amount, released, text (row, "note"));

  switch (status)
    {
    case ZX_SEIZURE_ACTIVE:
      badge = g_strdup (_("In force"));
      spec.badge_class = "good";
      break;
    case ZX_SEIZURE_EXPIRING:
    case ZX_SEIZURE_EXPIRING_SOON:
      badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expires in %d day",
                                            "Expires in %d days", days), days);
      spec.badge_class = status == ZX_SEIZURE_EXPIRING_SOON ? "bad" : "warning";
      spec.alert = spec.badge_class;
      break;
    case ZX_SEIZURE_LAPSED:
      badge = g_strdup (_("Lapsed"));
      spec.badge_class = "bad";
      break;
    case ZX_SEIZURE_WAITING:
      if (has_integer (row, "waiting_rank"))
        /* Translators: a waiting seizure (轮候) and its place in the queue */
        badge = g_strdup_printf (_("Waiting, no. %d"), (int) integer (row, "waiting_rank"));
      else
        badge = g_strdup (_("Waiting"));
      spec.badge_class = "neutral";
      break;
    case ZX_SEIZURE_RELEASED:
      badge = g_strdup (_("Released"));
      spec.badge_class = "neutral";
      break;
    case ZX_SEIZURE_UNKNOWN:
    default:
      badge = g_strdup (str (row, "state"));
      spec.badge_class = "neutral";
      break;
    }

  spec.title = str (row, "object");
  spec.subtitle = subtitle;
  spec.detail = detail;
  spec.badge = badge;

  return make_row (&spec);
}

/* ---- measures ------------------------------------------------------------------------------ */

static char *
step_text (const char *format,
           const char *date,
           const char *who)
{
  if (date == NULL)
    return NULL;

  return g_strdup_printf (format, date, who != NULL ? who : "?");
}

static GtkWidget *
measure_row (ZxCaseDetail *self,
             JsonObject   *row)
{
  const char *kind = str (row, "kind");
  const char *state = str (row, "state");
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *proposed = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *executed = NULL;
  g_autofree char *detail = NULL;
  RowSpec spec = { 0 };

  if (integer (row, "days") > 0)
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days",
                                         integer (row, "days")), (int) integer (row, "days"));
  else if (has_integer (row, "amount"))
    what = yuan (integer (row, "amount"));
  subtitle = JOIN (text (row, "party"), what);

  /* Translators: the first %s is a date, the second a staff member's name */
  proposed = step_text (_("proposed %s by %s"), text (row, "proposed_on"), text (row, "proposer"));
  /* Translators: the first %s is a date, the second a staff member's name */
  approved = step_text (_("approved %s by %s"), text (row, "approved_on"), text (row, "approver"));
  /* Translators: the first %s is a date, the second a staff member's name */
  executed = step_text (_("carried out %s by %s"), text (row, "executed_on"),
                        text (row, "executor"));
  detail = JOIN_LINES (proposed, approved, executed, text (row, "note"));

  spec.title = LABEL ("measures", "kind", kind);
  spec.subtitle = subtitle;
  spec.detail = detail;

  if (g_strcmp0 (state, "proposed") == 0 && zx_measures_needs_approval (kind))
    {
      spec.badge = _("Awaiting approval");
      spec.badge_class = "warning";
      spec.alert = "warning";
    }
  else
    {
      spec.badge = LABEL ("measures", "state", state);
      if (g_strcmp0 (state, "executed") == 0 || g_strcmp0 (state, "approved") == 0)
        spec.badge_class = "good";
      else if (g_strcmp0 (state, "rejected") == 0)
        spec.badge_class = "bad";
      else if (g_strcmp0 (state, "proposed") == 0)
        spec.badge_class = "warning";
      else
        spec.badge_class = "neutral";
    }

  return make_row (&spec);
}

/* ---- list entries, auctions, aid ----------------------------------------------------------- */

static char *
dated (const char *format,
       const char *date)
{
  return date != NULL ? g_strdup_printf (format, date) : NULL;
}

static GtkWidget *
list_entry_row (ZxCaseDetail *self,
                JsonObject   *row)
{
  const char *state = str (row, "state");
  g_autofree char *ground = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *grace = NULL;
  g_autofree char *published = NULL;
  g_autofree char *period = NULL;
  g_autofree char *removal_due = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *detail = NULL;
  RowSpec spec = { 0 };

  /* Translators: %d is the ground of listing (art. 1 of the rules, 1–6) */
  ground = g_strdup_printf (_("Ground %d"), (int) integer (row, "ground"));
  subtitle = JOIN (ground, text (row, "conduct"));

  /* Translators: %s is a date */
  decided = dated (_("decided %s"), text (row, "decided_on"));
  /* Translators: %s is a date */
  grace = dated (_("grace until %s"), text (row, "grace_until"));
  /* Translators: %s is a date */
  published = dated (_("published %s"), text (row, "published_on"));
  if (text (row, "period_end") != NULL)
    /* Translators: %s is a date */
    period = g_strdup_printf (_("period ends %s"), str (row, "period_end"));
  else if (integer (row, "ground") == 1)
    period = g_strdup (_("no fixed period"));
  if (text (row, "removed_on") == NULL)
    /* Translators: %s is a date */
    removal_due = dated (_("to be removed by %s"), text (row, "removal_due_on"));
  if (text (row, "removed_on") != NULL)
    {
      const char *reason = text (row, "removal_reason");

      /* Translators: the first %s is a date, the second why it was removed */
      removed = g_strdup_printf (_("removed %s (%s)"), str (row, "removed_on"),
                                 reason != NULL ? zx_listing_reason_label (reason) : "?");
    }
  detail = JOIN (decided, grace, published, period, removal_due, removed);

  spec.title = text (row, "party") != NULL ? text (row, "party") : "?";
  spec.subtitle = subtitle;
  spec.detail = detail;
  spec.badge = LABEL ("blacklist_entries", "state", state);
  if (g_strcmp0 (state, "published") == 0)
    spec.badge_class = "bad";
  else if (g_strcmp0 (state, "removed") == 0 || g_strcmp0 (state, "revoked") == 0)
    spec.badge_class = "neutral";
  else
    spec.badge_class = "warning";
  if (removal_due != NULL)
    {
      spec.detail_class = "warning";
      spec.alert = "warning";
    }

  return make_row (&spec);
}

static GtkWidget *
auction_row (ZxCaseDetail *self,
             JsonObject   *row)
{
  const char *result = str (row, "result");
  gint64 round = integer (row, "round");
  g_autofree char *appraisal = NULL;
  g_autofree char *reserve = NULL;
  g_autofree char *price = NULL;
  g_autofree char *on = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *detail = NULL;
  const char *round_text;
  RowSpec spec = { 0 };

  if (round == 1)
    round_text = _("First auction");
  else if (round == 2)
    round_text = _("Second auction");
  else
    round_text = _("Sale (变卖)");

  /* Translators: %s is a date */
  on = dated (_("on %s"), text (row, "auction_on"));
  subtitle = JOIN (round_text, on);

  if (has_integer (row, "appraisal"))
    {
      g_autofree char *amount = yuan (integer (row, "appraisal"));

      /* Translators: %s is an amount of money */
      appraisal = g_strdup_printf (_("appraised %s"), amount);
    }
  if (has_integer (row, "reserve"))
    {
      g_autofree char *amount = yuan (integer (row, "reserve"));

      /* Translators: %s is an amount of money */
      reserve = g_strdup_printf (_("reserve %s"), amount);
    }
  if (has_integer (row, "price"))
    {
      g_autofree char *amount = yuan (integer (row, "price"));

      /* Translators: %s is an amount of money */
      price = g_strdup_printf (_("sold for %s"), amount);
    }
  detail = JOIN (appraisal, reserve, price);

  spec.title = str (row, "item");
  spec.subtitle = subtitle;
  spec.detail = detail;
  spec.badge = LABEL ("auctions", "result", result);
  spec.badge_class = g_strcmp0 (result, "sold") == 0 ? "good"
                     : g_strcmp0 (result, "pending") == 0 ? "warning" : "neutral";

  return make_row (&spec);
}

static GtkWidget *
aid_row (ZxCaseDetail *self,
         JsonObject   *row)
{
  const char *state = str (row, "state");
  g_autofree char *amount = yuan (integer (row, "amount"));
  g_autofree char *title = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *subtitle = NULL;
  RowSpec spec = { 0 };

  title = JOIN (text (row, "party"), amount);
  /* Translators: %s is a date */
  applied = dated (_("applied %s"), text (row, "applied_on"));
  /* Translators: %s is a date */
  decided = dated (_("decided %s"), text (row, "decided_on"));
  /* Translators: %s is a date */
  paid = dated (_("paid %s"), text (row, "paid_on"));
  subtitle = JOIN (applied, decided, paid, text (row, "note"));

  spec.title = title;
  spec.subtitle = subtitle;
  spec.badge = LABEL ("aid", "state", state);
  spec.badge_class = g_strcmp0 (state, "paid") == 0 || g_strcmp0 (state, "granted") == 0 ? "good"
                     : g_strcmp0 (state, "rejected") == 0 ? "neutral" : "warning";

  return make_row (&spec);
}

/* ---- history ------------------------------------------------------------------------------- */

static char *
describe_changes (ZxCaseDetail *self,
                  const char *entity,
                  const char *action,
                  const char *before_json,
                  const char *after_json)
{
  g_autoptr(GPtrArray) changes = zx_case_detail_data_diff_json (before_json, after_json);
  g_autoptr(GString) lines = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      ZxFieldChange *change = g_ptr_array_index (changes, i);
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      /* A new row: its filled-in fields only. */
      if (before_json == NULL && change->new_value == NULL)
        continue;
      if (g_strcmp0 (change->field, "case_id") == 0)
        continue;

      if (shown == MAX_CHANGES_SHOWN)
        {
          guint more = changes->len - i;

          if (lines->len > 0)
            g_string_append_c (lines, '\n');
          g_string_append_printf (lines, g_dngettext (GETTEXT_PACKAGE, "… and %u more field",
                                                      "… and %u more fields", more), more);
          break;
        }

      if (lines->len > 0)
        g_string_append_c (lines, '\n');

      new_value = display_value (self, entity, change->field, change->new_value);
      if (*change->field == '\0')
        g_string_append (lines, new_value);
      else if (before_json == NULL)
        g_string_append_printf (lines, "%s: %s", zx_case_detail_data_field_label (change->field),
                                new_value);
      else
        {
          old_value = display_value (self, entity, change->field, change->old_value);
          g_string_append_printf (lines, "%s: %s → %s",
                                  zx_case_detail_data_field_label (change->field), old_value,
                                  new_value);
        }
      shown++;
    }

  if (lines->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static GtkWidget *
history_row (ZxCaseDetail *self,
             JsonObject   *row)
{
  const char *entity = str (row, "entity");
  const char *action = str (row, "action");
  const char *who = text (row, "actor_name") != NULL ? text (row, "actor_name")
                                                     : text (row, "actor");
  g_autofree char *when = zx_case_detail_data_local_time (str (row, "at"));
  g_autofree char *subtitle = JOIN (when, who);
  g_autofree char *detail = describe_changes (self, entity, action, text (row, "before_json"),
                                              text (row, "after_json"));
  g_autofree char *subject = zx_case_detail_data_audit_subject (zx_store_get_db (self->store),
                                                                entity,
                                                                text (row, "before_json"),
                                                                text (row, "after_json"));
  g_autofree char *title = JOIN (LABEL ("audit", "entity", entity), subject);
  RowSpec spec = { 0 };

  spec.title = title;
  spec.subtitle = subtitle;
  spec.detail = detail;
  spec.badge = LABEL ("audit", "action", action);
  spec.badge_class = "neutral";

  return make_row (&spec);
}

/* ---- rows of a section --------------------------------------------------------------------- */

GtkWidget *
zx_case_detail_make_section_row (ZxCaseDetail        *self,
                                 ZxCaseDetailSection  section,
                                 JsonObject          *row)
{
  switch (section)
    {
    case ZX_CASE_DETAIL_PARTIES:
      return party_row (self, row);
    case ZX_CASE_DETAIL_NODES:
      return node_row (self, row);
    case ZX_CASE_DETAIL_QUERIES:
      return query_row (self, row);
    case ZX_CASE_DETAIL_SEIZURES:
      return seizure_row (self, row);
    case ZX_CASE_DETAIL_MEASURES:
      return measure_row (self, row);
    case ZX_CASE_DETAIL_LIST_ENTRIES:
      return list_entry_row (self, row);
    case ZX_CASE_DETAIL_AUCTIONS:
      return auction_row (self, row);
    case ZX_CASE_DETAIL_AID:
      return aid_row (self, row);
    case ZX_CASE_DETAIL_HISTORY:
      return history_row (self, row);
    case ZX_CASE_DETAIL_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

GtkWidget *
zx_case_detail_make_message_row (const char *title,
                                 const char *detail,
                                 const char *detail_class)
{
  RowSpec spec = { 0 };

  spec.title = title;
  spec.detail = detail;
  spec.detail_class = detail_class;

  return make_row (&spec);
}

const char *
zx_case_detail_row_get_alert (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "zx-alert");
}

gint64
zx_case_detail_row_get_party_id (GtkListBoxRow *row)
{
  gint64 *party_id = g_object_get_data (G_OBJECT (row), "zx-party-id");

  return party_id != NULL ? *party_id : 0;
}

/* ---- header -------------------------------------------------------------------------------- */

static void
add_flag (ZxCaseDetail *self,
          const char   *label,
          const char   *tooltip)
{
  GtkWidget *flag = gtk_label_new (label);

  gtk_widget_add_css_class (flag, "zx-pill");
  gtk_widget_add_css_class (flag, "flag");
  gtk_widget_set_tooltip_text (flag, tooltip);
  gtk_box_append (GTK_BOX (self->flags_box), flag);
}

void
zx_case_detail_show_header (ZxCaseDetail *self,
                            JsonObject   *row)
{
  const char *status = str (row, "status");
  const char *deadline_on = text (row, "deadline_on");
  const char *concluded_on = text (row, "concluded_on");
  const char *basis_type = text (row, "basis_type");
  gboolean open = g_strcmp0 (status, "in_progress") == 0 || g_strcmp0 (status, "suspended") == 0;
  gint64 applied = integer (row, "amount_applied");
  gint64 realized = integer (row, "amount_realized");
  g_autofree char *type_line = NULL;
  g_autofree char *applied_text = yuan (applied);
  g_autofree char *realized_text = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *status_text = NULL;
  const char *status_classes[] = { "zx-pill", NULL, NULL };
  const char *deadline_classes[] = { "numeric", NULL, NULL };
  GtkWidget *child;

  gtk_label_set_label (self->case_no_label, str (row, "case_no"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->case_no_label), str (row, "case_no"));

  if (open)
    status_text = g_strdup (zx_case_status_label (status));
  else if (concluded_on != NULL)
    /* Translators: the first %s is how the case ended (e.g. Executed), the second a date */
    status_text = g_strdup_printf (_("%s %s"), zx_case_status_label (status), concluded_on);
  else
    status_text = g_strdup (zx_case_status_label (status));
  status_classes[1] = open ? "open" : "neutral";
  gtk_label_set_label (self->status_label, status_text);
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), status_classes);

  type_line = JOIN (basis_type != NULL ? LABEL ("cases", "basis_type", basis_type) : NULL,
                    text (row, "basis_doc_no"), text (row, "basis_org"));
  gtk_label_set_label (self->type_label, type_line != NULL ? type_line : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->type_label), type_line);
  gtk_widget_set_visible (GTK_WIDGET (self->type_label), type_line != NULL);

  gtk_label_set_label (self->team_value, text (row, "team") != NULL ? text (row, "team") : "—");
  if (text (row, "officer") != NULL)
    gtk_label_set_label (self->officer_value, text (row, "officer"));
  else if (text (row, "trial_judge") != NULL)
    /* Translators: %s is the trial judge who handles the case instead of an officer */
    gtk_label_set_label (self->officer_value, text (row, "trial_judge"));
  else
    gtk_label_set_label (self->officer_value, "—");

  gtk_label_set_label (self->applied_value, applied_text);
  if (applied > 0)
    {
      g_autofree char *amount = yuan (realized);

      /* Translators: an amount realized and its share of the amount applied, e.g. “¥1,000.00
       * (25%)” */
      realized_text = g_strdup_printf (_("%s (%d%%)"), amount,
                                       (int) (realized * 100 / applied));
    }
  else
    realized_text = yuan (realized);
  gtk_label_set_label (self->realized_value, realized_text);
  gtk_label_set_label (self->filed_value, str (row, "filed_on"));

  if (deadline_on == NULL)
    deadline_text = g_strdup ("—");
  else if (!open)
    deadline_text = g_strdup (deadline_on);
  else
    {
      int days = days_between (self->today, deadline_on);

      if (days < 0)
        {
          deadline_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%s (overdue by %d day)",
                                                        "%s (overdue by %d days)", -days),
                                           deadline_on, -days);
          deadline_classes[1] = "overdue";
        }
      else
        {
          deadline_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (in %d day)",
                                                        "%s (in %d days)", days),
                                           deadline_on, days);
          if (days <= 7)
            deadline_classes[1] = "due-soon";
        }
    }
  gtk_label_set_label (self->deadline_value, deadline_text);
  gtk_widget_set_css_classes (GTK_WIDGET (self->deadline_value), deadline_classes);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadline_value), deadline_text);

  while ((child = gtk_widget_get_first_child (self->flags_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->flags_box), child);
  if (integer (row, "livelihood"))
    add_flag (self, _("Livelihood"),
              _("涉民生: wages, support payments or medical costs — first summons, then "
                "detention"));
  if (integer (row, "small_amount"))
    add_flag (self, _("Small amount"), NULL);
  if (integer (row, "non_litigation"))
    add_flag (self, _("Non-litigation"), _("非诉: the time limit is 3 months"));
  if (g_strcmp0 (status, "suspended") == 0)
    add_flag (self, _("Suspended"), _("The time limit does not run while the case is suspended"));
  gtk_widget_set_visible (self->flags_box, gtk_widget_get_first_child (self->flags_box) != NULL);
}
