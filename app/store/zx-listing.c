/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "domain/zx-blacklist-rules.h"
#include "zx-listing.h"
#include "zx-nodes.h"
#include "zx-roles.h"
#include "zx-rules-load.h"
#include "zx-store-private.h"

/* Each public function packs its arguments into a Step and runs one step function inside
 * zx_store_write(): read the entry (checking the version the user saw), check the role, the
 * state and the rule (domain/zx-blacklist-rules.h), write through zx_txn_update(). */

static const char *const in_force[] = { "decided", "grace", "published", NULL };

static const struct
{
  const char *reason, *label;
} reasons[] = {
  { ZX_LISTING_PERFORMED, N_("the obligation is performed in full") },
  { ZX_LISTING_SETTLEMENT_PERFORMED, N_("the settlement is performed") },
  { ZX_LISTING_APPLICANT_REQUEST, N_("the applicant asked for removal and the court agreed") },
  { ZX_LISTING_NO_ASSETS, N_("two network re-queries after 终本 found nothing and no new lead "
                             "was given") },
  { ZX_LISTING_SUSPENDED, N_("execution is suspended for retrial or bankruptcy") },
  { ZX_LISTING_NOT_EXECUTED, N_("the court ruled not to execute") },
  { ZX_LISTING_TERMINATED, N_("execution is terminated") },
  { ZX_LISTING_PERIOD_ENDED, N_("the listing period has ended") },
};

typedef struct
{
  gint64                      id;
  gint64                      version;
  const char                 *date;        /* the step's own day */
  const char                 *from;        /* ground day, established day */
  const char                 *text;        /* reason */
  int                         months;
  const ZxListingApplication *application;
  const ZxListingCorrection  *correction;
  gboolean                    in_time;
  gint64                      new_id;
} Step;

gboolean
zx_listing_reason_is_valid (const char *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reasons[i].reason, reason) == 0)
      return TRUE;
  return FALSE;
}

const char *
zx_listing_reason_label (const char *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reasons[i].reason, reason) == 0)
      return _(reasons[i].label);
  if (g_strcmp0 (reason, ZX_LISTING_WRONGFUL) == 0)
    return _("wrongly listed");
  return reason != NULL ? reason : "";
}


static const char *
state_label (const char *state)
{
  static const struct
  {
    const char *state, *label;
  } labels[] = {
    { "proposed", N_("proposed") },    { "decided", N_("decided") },
    { "grace", N_("in its grace period") }, { "published", N_("published") },
    { "removed", N_("removed") },      { "revoked", N_("revoked") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].state, state) == 0)
      return _(labels[i].label);
  return state != NULL ? state : "?";
}

/* "List entry 7 is removed: it cannot be published." unless its state is one of STATES. */
static gboolean
require_state (JsonObject *row, const char *const *states, const char *cannot, GError **error)
{
  if (g_strv_contains (states, zx_row_str (row, "state")))
    return TRUE;
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
               _("List entry %" PRId64 " is %s: it cannot be %s."), zx_row_int (row, "id"),
               state_label (zx_row_str (row, "state")), cannot);
  return FALSE;
}

/* DATE is a date, not before the column AFTER of ROW (when set). */
static gboolean
check_not_before (JsonObject *row, const char *date, const char *after, GError **error)
{
  const char *before = zx_row_str (row, after);

  if (!zx_rules_check_date (date, _("List entry"), error))
    return FALSE;
  if (before != NULL && strcmp (date, before) < 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 ": %s is before %s, the day of the previous step."),
                   zx_row_int (row, "id"), date, before);
      return FALSE;
    }
  return TRUE;
}


/* The entry, after the version and role checks. */
static JsonObject *
entry_for (ZxTxn *txn, Step *s, ZxAction action, GError **error)
{
  g_autoptr (JsonObject) row = zx_rules_get_row_checked (txn, "blacklist_entries", s->id,
                                                         s->version, error);

  if (row == NULL || !zx_roles_require (zx_txn_get_store (txn), action, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&row);
}

/* An audit row for a deadline: what was due when and whether it was met. */
static gboolean
audit_deadline (ZxTxn *txn, const char *action, gint64 id, const char *reason,
                const char *from, const char *due_on, const char *done_on, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, reason);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, from);
  json_builder_set_member_name (b, "due_on");
  json_builder_add_string_value (b, due_on);
  json_builder_set_member_name (b, "done_on");
  json_builder_add_string_value (b, done_on);
  json_builder_set_member_name (b, "deadline_met");
  json_builder_add_boolean_value (b, strcmp (done_on, due_on) <= 0);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  json = json_to_string (node, FALSE);
  return zx_txn_audit (txn, action, "blacklist_entries", id, NULL, json, error);
}

/* ---- propose ----------------------------------------------------------------------------- */

static gboolean
check_respondent (ZxTxn *txn, const ZxListingApplication *a, GError **error)
{
  g_autoptr (JsonObject) party = zx_txn_get_row (txn, "parties", a->party_id, error);

  if (party == NULL)
    return FALSE;
  if (zx_row_int (party, "case_id") != a->case_id || g_strcmp0 (zx_row_str (party, "role"), "respondent") != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("%s is not a respondent of case %" PRId64 ": only respondents are listed."),
                   zx_row_str (party, "name"), a->case_id);
      return FALSE;
    }
  return TRUE;
}

/* Refuses a second entry in force for the same party in the same case. */
static gboolean
check_no_entry_in_force (ZxStore *store, const ZxListingApplication *a, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 other = 0;
  int rc;

  stmt = zx_store_prepare (store,
                           "SELECT id FROM blacklist_entries WHERE case_id = ? AND party_id = ?"
                           " AND state IN ('proposed', 'decided', 'grace', 'published')",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->case_id);
  sqlite3_bind_int64 (stmt, 2, a->party_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    other = sqlite3_column_int64 (stmt, 0);
  zx_store_release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the list entries"));
      return FALSE;
    }
  if (other != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("This party already has list entry %" PRId64 " in this case."), other);
      return FALSE;
    }
  return TRUE;
}

static gboolean
propose_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  const ZxListingApplication *a = s->application;
  g_autoptr (JsonObject) fields = json_object_new ();

  if (!zx_roles_require (zx_txn_get_store (txn), ZX_ACTION_LIST_PROPOSE, NULL, NULL, error)
      || !zx_rules_check_date (a->applied_on, _("List entry"), error))
    return FALSE;
  if (a->ground < 1 || a->ground > 6)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Ground %d does not exist: the grounds are 1 to 6."), a->ground);
      return FALSE;
    }
  if (!check_respondent (txn, a, error)
      || !check_no_entry_in_force (zx_txn_get_store (txn), a, error))
    return FALSE;
  json_object_set_int_member (fields, "case_id", a->case_id);
  json_object_set_int_member (fields, "party_id", a->party_id);
  json_object_set_int_member (fields, "ground", a->ground);
  if (a->conduct != NULL)
    json_object_set_string_member (fields, "conduct", a->conduct);
  json_object_set_string_member (fields, "state", "proposed");
  json_object_set_string_member (fields, "applied_on", a->applied_on);
  return zx_txn_insert (txn, "blacklist_entries", fields, &s->new_id, error)
         && zx_nodes_create_for_event_ref (txn, a->case_id, "listing", a->applied_on, s->new_id,
                                           NULL, NULL, error);
}

gint64
zx_listing_propose (ZxStore *store, const ZxListingApplication *application, GError **error)
{
  Step step = { .application = application };

  g_return_val_if_fail (ZX_IS_STORE (store), 0);
  g_return_val_if_fail (application != NULL, 0);

  if (!zx_store_write (store, propose_txn, &step, error))
    return 0;
  return step.new_id;
}

/* ---- decide ------------------------------------------------------------------------------ */

/* An executed (not lifted) consumption restriction of the party in the case by DATE. */
static gboolean
has_restriction (ZxStore *store, JsonObject *entry, const char *date, gboolean *out_has,
                 GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = zx_store_prepare (store,
                           "SELECT 1 FROM measures WHERE case_id = ? AND party_id = ?"
                           " AND kind = 'consumption_restriction' AND state = 'executed'"
                           " AND executed_on <= ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, zx_row_int (entry, "case_id"));
  sqlite3_bind_int64 (stmt, 2, zx_row_int (entry, "party_id"));
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  zx_store_release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the measures"));
      return FALSE;
    }
  *out_has = rc == SQLITE_ROW;
  return TRUE;
}

/* The domain's checks on the entry's party as listed on DECIDED_ON; the restriction is looked
 * up only when WITH_RESTRICTION (a correction does not decide again). */
static gboolean
check_listable (ZxTxn *txn, const ZxListParams *params, JsonObject *entry, JsonObject *party,
                const char *decided_on, int grace_months, gboolean with_restriction,
                GError **error)
{
  ZxListProposal p = {
    .ground = (int) zx_row_int (entry, "ground"),
    .is_person = g_strcmp0 (zx_row_str (party, "kind"), "person") == 0,
    .id_no = zx_row_str (party, "id_no"),
    .decided_on = decided_on,
    .grace_months = grace_months,
    .has_consumption_restriction = TRUE,
  };

  if (with_restriction
      && !has_restriction (zx_txn_get_store (txn), entry, decided_on,
                           &p.has_consumption_restriction, error))
    return FALSE;
  if (!zx_list_check_proposal (params, &p, error))
    {
      g_prefix_error (error, "%s: ", zx_row_str (party, "name"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decide_fields (const ZxListParams *params, JsonObject *row, const char *decided_on,
               int grace_months, JsonObject *fields, GError **error)
{
  g_autofree char *period_end = NULL;
  g_autofree char *grace_until = NULL;

  if (!zx_list_period_end (params, (int) zx_row_int (row, "ground"), decided_on, 0, &period_end, error)
      || !zx_list_grace_until (params, decided_on, grace_months, &grace_until, error))
    return FALSE;
  json_object_set_string_member (fields, "state", grace_until != NULL ? "grace" : "decided");
  json_object_set_string_member (fields, "decided_on", decided_on);
  if (period_end != NULL)
    json_object_set_string_member (fields, "period_end", period_end);
  else
    json_object_set_null_member (fields, "period_end");
  if (grace_until != NULL)
    json_object_set_string_member (fields, "grace_until", grace_until);
  return TRUE;
}

static gboolean
decide_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  static const char *const from[] = { "proposed", NULL };
  Step *s = user_data;
  g_autoptr (JsonObject) row = entry_for (txn, s, ZX_ACTION_LIST_DECIDE, error);
  g_autoptr (JsonObject) party = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  ZxListParams params;

  if (row == NULL || !require_state (row, from, _("decided"), error)
      || !check_not_before (row, s->date, "applied_on", error))
    return FALSE;
  party = zx_txn_get_row (txn, "parties", zx_row_int (row, "party_id"), error);
  if (party == NULL)
    return FALSE;
  zx_rules_load_list_params (zx_txn_get_store (txn), &params);
  if (!check_listable (txn, &params, row, party, s->date, s->months, TRUE, error)
      || !decide_fields (&params, row, s->date, s->months, fields, error))
    return FALSE;
  return zx_txn_update (txn, "blacklist_entries", s->id, zx_row_int (row, "version"), fields, error)
         && zx_nodes_complete_ref (txn, zx_row_int (row, "case_id"), "listing_decision", s->id, s->date,
                                   error);
}

gboolean
zx_listing_decide (ZxStore *store, gint64 id, gint64 expected_version, const char *decided_on,
                   int grace_months, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = decided_on,
                .months = grace_months };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, decide_txn, &step, error);
}

/* ---- publish ----------------------------------------------------------------------------- */

static gboolean
check_publishable (JsonObject *row, const char *date, GError **error)
{
  const char *grace_until = zx_row_str (row, "grace_until");
  const char *period_end = zx_row_str (row, "period_end");

  if (grace_until != NULL && strcmp (date, grace_until) <= 0)
    {
      g_autofree char *first = zx_date_add_days (grace_until, 1);

      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 " is in its grace period until %s: it can be "
                     "published from %s."),
                   zx_row_int (row, "id"), grace_until, first);
      return FALSE;
    }
  if (period_end != NULL && strcmp (date, period_end) > 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 ": its period ended on %s; remove it instead."),
                   zx_row_int (row, "id"), period_end);
      return FALSE;
    }
  return TRUE;
}

static gboolean
publish_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  static const char *const from[] = { "decided", "grace", NULL };
  Step *s = user_data;
  g_autoptr (JsonObject) row = entry_for (txn, s, ZX_ACTION_LIST_MANAGE, error);
  g_autoptr (JsonObject) fields = json_object_new ();

  if (row == NULL || !require_state (row, from, _("published"), error)
      || !check_not_before (row, s->date, "decided_on", error)
      || !check_publishable (row, s->date, error))
    return FALSE;
  json_object_set_string_member (fields, "state", "published");
  json_object_set_string_member (fields, "published_on", s->date);
  return zx_txn_update (txn, "blacklist_entries", s->id, zx_row_int (row, "version"), fields, error);
}

gboolean
zx_listing_publish (ZxStore *store, gint64 id, gint64 expected_version,
                    const char *published_on, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = published_on };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, publish_txn, &step, error);
}

/* ---- removal grounds and removal --------------------------------------------------------- */

/* The last day to act, WORKING_DAYS_KEY working days after FROM by the holiday calendar. */
static char *
action_due (ZxStore *store, const char *working_days_key, const char *from, GError **error)
{
  g_autoptr (ZxCalendar) cal = zx_rules_load_calendar (store, error);
  ZxListParams params;
  char *due;

  if (cal == NULL)
    return NULL;
  zx_rules_load_list_params (store, &params);
  params.action_working_days = (int) zx_rules_param (store, working_days_key,
                                                     params.action_working_days);
  due = zx_list_action_due (cal, &params, from);
  if (due == NULL)
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("%s is not a date."), from);
  return due;
}

static gboolean
check_reason (const char *reason, GError **error)
{
  if (zx_listing_reason_is_valid (reason))
    return TRUE;
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
               _("“%s” is not a removal ground: use one of art. 10 (performed, "
                 "settlement_performed, applicant_request, no_assets_after_requeries, suspended, "
                 "not_executed, terminated) or period_ended."),
               reason != NULL ? reason : "");
  return FALSE;
}

static gboolean
record_ground_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_autoptr (JsonObject) row = entry_for (txn, s, ZX_ACTION_LIST_GROUND, error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *due = NULL;

  if (row == NULL || !require_state (row, in_force, _("given a removal ground"), error)
      || !check_reason (s->text, error) || !check_not_before (row, s->from, "decided_on", error))
    return FALSE;
  if (g_str_equal (s->text, ZX_LISTING_PERIOD_ENDED))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("The end of the period needs no recording: the entry is due for removal "
                     "by itself."));
      return FALSE;
    }
  due = action_due (zx_txn_get_store (txn), "list_removal", s->from, error);
  if (due == NULL)
    return FALSE;
  json_object_set_string_member (fields, "removal_reason", s->text);
  json_object_set_string_member (fields, "removal_due_on", due);
  return zx_txn_update (txn, "blacklist_entries", s->id, zx_row_int (row, "version"), fields, error);
}

gboolean
zx_listing_record_ground (ZxStore *store, gint64 id, gint64 expected_version,
                          const char *reason, const char *ground_on, GError **error)
{
  Step step = { .id = id, .version = expected_version, .text = reason, .from = ground_on };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, record_ground_txn, &step, error);
}

/* The reason and deadline of a removal: given now, recorded before, or the period end. */
static gboolean
removal_deadline (ZxTxn *txn, Step *s, JsonObject *row, const char **out_reason,
                  char **out_from, char **out_due, GError **error)
{
  const char *reason = s->text != NULL ? s->text : zx_row_str (row, "removal_reason");

  if (reason == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 ": give the removal ground."), s->id);
      return FALSE;
    }
  if (!check_reason (reason, error))
    return FALSE;
  *out_reason = reason;
  if (g_str_equal (reason, ZX_LISTING_PERIOD_ENDED))
    {
      if (zx_row_str (row, "period_end") == NULL)
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                       _("List entry %" PRId64 " (ground 1) has no fixed period."), s->id);
          return FALSE;
        }
      *out_from = g_strdup (zx_row_str (row, "period_end"));
    }
  else if (s->from != NULL)
    {
      if (!check_not_before (row, s->from, "decided_on", error))
        return FALSE;
      *out_from = g_strdup (s->from);
    }
  else if (zx_row_str (row, "removal_due_on") != NULL
           && g_strcmp0 (reason, zx_row_str (row, "removal_reason")) == 0)
    {
      *out_from = NULL;
      *out_due = g_strdup (zx_row_str (row, "removal_due_on"));
      return TRUE;
    }
  else
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 ": give the day the removal ground arose."), s->id);
      return FALSE;
    }
  *out_due = action_due (zx_txn_get_store (txn), "list_removal", *out_from, error);
  return *out_due != NULL;
}

static gboolean
remove_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_autoptr (JsonObject) row = entry_for (txn, s, ZX_ACTION_LIST_MANAGE, error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *from = NULL;
  g_autofree char *due = NULL;
  const char *reason = NULL;

  if (row == NULL || !require_state (row, in_force, _("removed"), error)
      || !check_not_before (row, s->date, "decided_on", error)
      || !removal_deadline (txn, s, row, &reason, &from, &due, error))
    return FALSE;
  if (from != NULL && strcmp (s->date, from) < 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 ": the removal (%s) is before its ground (%s)."),
                   s->id, s->date, from);
      return FALSE;
    }
  s->in_time = strcmp (s->date, due) <= 0;
  json_object_set_string_member (fields, "state", "removed");
  json_object_set_string_member (fields, "removed_on", s->date);
  json_object_set_string_member (fields, "removal_reason", reason);
  json_object_set_string_member (fields, "removal_due_on", due);
  return zx_txn_update (txn, "blacklist_entries", s->id, zx_row_int (row, "version"), fields, error)
         && audit_deadline (txn, "list_remove", s->id, reason, from, due, s->date, error);
}

gboolean
zx_listing_remove (ZxStore *store, gint64 id, gint64 expected_version, const char *reason,
                   const char *ground_on, const char *removed_on, gboolean *out_in_time,
                   GError **error)
{
  Step step = { .id = id, .version = expected_version, .text = reason, .from = ground_on,
                .date = removed_on };
  gboolean ok;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  ok = zx_store_write (store, remove_txn, &step, error);
  if (out_in_time != NULL)
    *out_in_time = ok && step.in_time;
  return ok;
}

/* ---- revoke and correct ------------------------------------------------------------------ */

static gboolean
revoke_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_autoptr (JsonObject) row = entry_for (txn, s, ZX_ACTION_LIST_MANAGE, error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *due = NULL;

  if (row == NULL || !require_state (row, in_force, _("revoked"), error)
      || !zx_rules_require_text (s->text, _("Revoking a list entry"), error)
      || !check_not_before (row, s->from, "decided_on", error)
      || !zx_rules_check_date (s->date, _("List entry"), error))
    return FALSE;
  if (strcmp (s->date, s->from) < 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 ": revoked on %s, before the error was established "
                     "(%s)."),
                   s->id, s->date, s->from);
      return FALSE;
    }
  due = action_due (zx_txn_get_store (txn), "list_revoke", s->from, error);
  if (due == NULL)
    return FALSE;
  s->in_time = strcmp (s->date, due) <= 0;
  json_object_set_string_member (fields, "state", "revoked");
  json_object_set_string_member (fields, "removed_on", s->date);
  json_object_set_string_member (fields, "removal_reason", ZX_LISTING_WRONGFUL);
  json_object_set_string_member (fields, "removal_due_on", due);
  return zx_txn_update (txn, "blacklist_entries", s->id, zx_row_int (row, "version"), fields, error)
         && audit_deadline (txn, "list_revoke", s->id, s->text, s->from, due, s->date, error);
}

gboolean
zx_listing_revoke (ZxStore *store, gint64 id, gint64 expected_version,
                   const char *established_on, const char *revoked_on, const char *reason,
                   gboolean *out_in_time, GError **error)
{
  Step step = { .id = id, .version = expected_version, .from = established_on,
                .date = revoked_on, .text = reason };
  gboolean ok;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  ok = zx_store_write (store, revoke_txn, &step, error);
  if (out_in_time != NULL)
    *out_in_time = ok && step.in_time;
  return ok;
}

/* Only the party fields that the list publishes may be corrected from here. */
static gboolean
correct_party (ZxTxn *txn, JsonObject *party, JsonObject *changes, GError **error)
{
  static const char *const allowed[] = { "name", "id_no", "legal_rep", NULL };
  g_autoptr (GList) names = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();

  names = json_object_get_members (changes);
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                       _("“%s” cannot be corrected from the list entry."),
                       (const char *) l->data);
          return FALSE;
        }
      json_object_set_member (fields, l->data,
                              json_node_copy (json_object_get_member (changes, l->data)));
    }
  return zx_txn_update (txn, "parties", zx_row_int (party, "id"), zx_row_int (party, "version"), fields, error);
}

static gboolean
correct_entry_fields (ZxTxn *txn, Step *s, JsonObject *row, JsonObject *fields, GError **error)
{
  const ZxListingCorrection *c = s->correction;
  g_autofree char *period_end = NULL;
  ZxListParams params;

  if (c->conduct != NULL)
    json_object_set_string_member (fields, "conduct", c->conduct);
  if (c->ground == 0 || c->ground == zx_row_int (row, "ground"))
    return TRUE;
  zx_rules_load_list_params (zx_txn_get_store (txn), &params);
  if (!zx_list_period_end (&params, c->ground, zx_row_str (row, "decided_on"), 0, &period_end, error))
    return FALSE;
  json_object_set_int_member (fields, "ground", c->ground);
  if (period_end != NULL)
    json_object_set_string_member (fields, "period_end", period_end);
  else
    json_object_set_null_member (fields, "period_end");
  return TRUE;
}

/* After the correction the party must still be listable (a corrected ID may show a minor). */
static gboolean
recheck_party (ZxTxn *txn, JsonObject *row, GError **error)
{
  g_autoptr (JsonObject) entry = zx_txn_get_row (txn, "blacklist_entries", zx_row_int (row, "id"), error);
  g_autoptr (JsonObject) party = NULL;
  ZxListParams params;

  if (entry == NULL)
    return FALSE;
  party = zx_txn_get_row (txn, "parties", zx_row_int (entry, "party_id"), error);
  if (party == NULL)
    return FALSE;
  zx_rules_load_list_params (zx_txn_get_store (txn), &params);
  return check_listable (txn, &params, entry, party, zx_row_str (entry, "decided_on"), 0, FALSE, error);
}

static gboolean
correct_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_autoptr (JsonObject) row = entry_for (txn, s, ZX_ACTION_LIST_MANAGE, error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autoptr (JsonObject) party = NULL;
  g_autofree char *due = NULL;

  if (row == NULL || !require_state (row, in_force, _("corrected"), error)
      || !check_not_before (row, s->from, "decided_on", error)
      || !check_not_before (row, s->date, "decided_on", error)
      || !correct_entry_fields (txn, s, row, fields, error))
    return FALSE;
  if (json_object_get_size (fields) > 0
      && !zx_txn_update (txn, "blacklist_entries", s->id, zx_row_int (row, "version"), fields, error))
    return FALSE;
  if (s->correction->party_fields != NULL)
    {
      party = zx_txn_get_row (txn, "parties", zx_row_int (row, "party_id"), error);
      if (party == NULL || !correct_party (txn, party, s->correction->party_fields, error))
        return FALSE;
    }
  if (!recheck_party (txn, row, error))
    return FALSE;
  due = action_due (zx_txn_get_store (txn), "list_revoke", s->from, error);
  if (due == NULL)
    return FALSE;
  s->in_time = strcmp (s->date, due) <= 0;
  return audit_deadline (txn, "list_correct", s->id, NULL, s->from, due, s->date, error);
}

gboolean
zx_listing_correct (ZxStore *store, gint64 id, gint64 expected_version,
                    const char *established_on, const char *corrected_on,
                    const ZxListingCorrection *correction, gboolean *out_in_time,
                    GError **error)
{
  Step step = { .id = id, .version = expected_version, .from = established_on,
                .date = corrected_on, .correction = correction };
  gboolean ok;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  g_return_val_if_fail (correction != NULL, FALSE);
  ok = zx_store_write (store, correct_txn, &step, error);
  if (out_in_time != NULL)
    *out_in_time = ok && step.in_time;
  return ok;
}

/* ---- extend ------------------------------------------------------------------------------ */

/* The period end after extending by MONTHS, within the total the rules allow. */
static char *
extended_end (const ZxListParams *params, JsonObject *row, int months, GError **error)
{
  g_autofree char *next = zx_date_add_days (zx_row_str (row, "period_end"), 1);
  g_autofree char *limit = zx_date_term_end (zx_row_str (row, "decided_on"),
                                             params->period_months + params->extension_max_months);
  g_autofree char *end = next != NULL ? zx_date_term_end (next, months) : NULL;

  if (months < params->extension_min_months || months > params->extension_max_months)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("An extension is %d to %d months, not %d."), params->extension_min_months,
                   params->extension_max_months, months);
      return NULL;
    }
  if (end == NULL || limit == NULL || strcmp (end, limit) > 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 " can be extended by at most %d months in all: its "
                     "period may run through %s at the latest."),
                   zx_row_int (row, "id"), params->extension_max_months, limit != NULL ? limit : "?");
      return NULL;
    }
  return g_steal_pointer (&end);
}

static gboolean
extend_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_autoptr (JsonObject) row = entry_for (txn, s, ZX_ACTION_LIST_DECIDE, error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *end = NULL;
  ZxListParams params;

  if (row == NULL || !require_state (row, in_force, _("extended"), error)
      || !check_not_before (row, s->date, "decided_on", error))
    return FALSE;
  if (zx_row_str (row, "period_end") == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 " (ground 1) has no fixed period to extend."), s->id);
      return FALSE;
    }
  if (strcmp (s->date, zx_row_str (row, "period_end")) > 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("List entry %" PRId64 ": its period ended on %s; it can no longer be "
                     "extended."),
                   s->id, zx_row_str (row, "period_end"));
      return FALSE;
    }
  zx_rules_load_list_params (zx_txn_get_store (txn), &params);
  end = extended_end (&params, row, s->months, error);
  if (end == NULL)
    return FALSE;
  json_object_set_string_member (fields, "period_end", end);
  return zx_txn_update (txn, "blacklist_entries", s->id, zx_row_int (row, "version"), fields, error);
}

gboolean
zx_listing_extend (ZxStore *store, gint64 id, gint64 expected_version, int months,
                   const char *extended_on, GError **error)
{
  Step step = { .id = id, .version = expected_version, .months = months, .date = extended_on };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, extend_txn, &step, error);
}

/* ---- due removals ------------------------------------------------------------------------ */

void
zx_listing_due_free (ZxListingDue *due)
{
  if (due == NULL)
    return;
  g_free (due->case_no);
  g_free (due->team);
  g_free (due->officer);
  g_free (due->party);
  g_free (due->reason);
  g_free (due->due_on);
  g_free (due);
}

/* Entries in force with a recorded ground or a period that ended before ?1 (blacklist_state
 * index: only entries in force are read). */
static const char due_sql[] =
  "SELECT e.id, e.case_id, c.case_no, coalesce(c.team_id, 0), coalesce(t.name, ''),"
  " coalesce(c.officer_id, 0), coalesce(s.name, ''), p.name, e.removal_reason,"
  " e.removal_due_on, e.period_end"
  " FROM blacklist_entries e"
  " JOIN cases c ON c.id = e.case_id"
  " JOIN parties p ON p.id = e.party_id"
  " LEFT JOIN teams t ON t.id = c.team_id"
  " LEFT JOIN staff s ON s.id = c.officer_id"
  " WHERE e.state IN ('decided', 'grace', 'published')"
  "   AND (e.removal_due_on IS NOT NULL OR e.period_end < ?1)"
  "   AND (?2 = 0 OR c.team_id = ?2) AND (?3 = 0 OR c.officer_id = ?3)";

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static ZxListingDue *
due_from_row (sqlite3_stmt *stmt, const ZxCalendar *cal, const ZxListParams *params,
              const char *today)
{
  g_autoptr (GError) error = NULL;
  ZxListingDue *due = g_new0 (ZxListingDue, 1);
  const char *recorded = (const char *) sqlite3_column_text (stmt, 9);

  due->entry_id = sqlite3_column_int64 (stmt, 0);
  due->case_id = sqlite3_column_int64 (stmt, 1);
  due->case_no = column_dup (stmt, 2);
  due->team_id = sqlite3_column_int64 (stmt, 3);
  due->team = column_dup (stmt, 4);
  due->officer_id = sqlite3_column_int64 (stmt, 5);
  due->officer = column_dup (stmt, 6);
  due->party = column_dup (stmt, 7);
  if (recorded != NULL)
    {
      due->reason = column_dup (stmt, 8);
      due->due_on = g_strdup (recorded);
    }
  else
    {
      due->reason = g_strdup (ZX_LISTING_PERIOD_ENDED);
      due->due_on = zx_list_action_due (cal, params, (const char *) sqlite3_column_text (stmt, 10));
    }
  if (due->due_on == NULL || !zx_date_days_between (today, due->due_on, &due->days))
    {
      zx_listing_due_free (due);
      return NULL;
    }
  due->overdue = due->days < 0;
  return due;
}

static int
compare_due (gconstpointer a, gconstpointer b)
{
  const ZxListingDue *x = *(ZxListingDue *const *) a;
  const ZxListingDue *y = *(ZxListingDue *const *) b;
  int order = strcmp (x->due_on, y->due_on);

  return order != 0 ? order : (x->entry_id > y->entry_id) - (x->entry_id < y->entry_id);
}

GPtrArray *
zx_listing_due_removals (ZxStore *store, const char *today, gint64 team_id, gint64 officer_id,
                         GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) zx_listing_due_free);
  g_autoptr (ZxCalendar) cal = NULL;
  ZxListParams params;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZX_IS_STORE (store), NULL);

  if (!zx_rules_check_date (today, _("Today"), error)
      || (cal = zx_rules_load_calendar (store, error)) == NULL)
    return NULL;
  zx_rules_load_list_params (store, &params);
  stmt = zx_store_prepare (store, due_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, team_id);
  sqlite3_bind_int64 (stmt, 3, officer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZxListingDue *due = due_from_row (stmt, cal, &params, today);

      if (due != NULL)
        g_ptr_array_add (out, due);
    }
  zx_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the list entries"));
      return NULL;
    }
  g_ptr_array_sort (out, compare_due);
  return g_steal_pointer (&out);
}
