/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "zx-measures.h"
#include "zx-roles.h"
#include "zx-rules-load.h"
#include "zx-store-private.h"

/* The measures workflow: each public function packs its arguments into a Step and runs one
 * step function inside zx_store_write(). A step reads the row (checking the version the user
 * saw), checks the actor's role, then the state and the rule, and writes through
 * zx_txn_update()/zx_txn_insert(), which audit every change. */

static const struct
{
  const char *kind, *label;
} kind_labels[] = {
  { "notice", N_("performance notice") },
  { "consumption_restriction", N_("consumption restriction") },
  { "listing", N_("dishonest listing") },
  { "summons", N_("summons") },
  { "detention", N_("detention") },
  { "fine", N_("fine") },
  { "referral", N_("referral for refusal to execute") },
  { "bounty", N_("bounty notice") },
};

typedef struct
{
  gint64                   id;
  gint64                   version;
  const char              *date;
  const char              *text;
  int                      days;
  gint64                   amount;
  ZxMeasureOutcome         outcome;
  const ZxMeasureProposal *proposal;
  gint64                   new_id;
} Step;

const char *
zx_measures_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind_labels[i].kind, kind) == 0)
      return _(kind_labels[i].label);
  return kind != NULL ? kind : "?";
}

static gboolean
kind_is_known (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind_labels[i].kind, kind) == 0)
      return TRUE;
  return FALSE;
}

gboolean
zx_measures_needs_approval (const char *kind)
{
  return g_strcmp0 (kind, "summons") == 0 || g_strcmp0 (kind, "detention") == 0
         || g_strcmp0 (kind, "fine") == 0;
}

static const char *
state_label (const char *state)
{
  static const struct
  {
    const char *state, *label;
  } labels[] = {
    { "proposed", N_("proposed") },   { "approved", N_("approved") },
    { "executed", N_("carried out") }, { "withdrawn", N_("withdrawn") },
    { "rejected", N_("rejected") },   { "lifted", N_("lifted") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].state, state) == 0)
      return _(labels[i].label);
  return state != NULL ? state : "?";
}


/* "Measure 12 (detention) is carried out: it cannot be approved." */
static gboolean
refuse_state (JsonObject *row, const char *cannot, GError **error)
{
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
               _("Measure %" PRId64 " (%s) is %s: it cannot be %s."), zx_row_int (row, "id"),
               zx_measures_kind_label (zx_row_str (row, "kind")), state_label (zx_row_str (row, "state")),
               cannot);
  return FALSE;
}

static gboolean
state_is (JsonObject *row, const char *state)
{
  return g_strcmp0 (zx_row_str (row, "state"), state) == 0;
}

/* DATE must be a date and not before the step it follows (AFTER, a column of ROW). */
static gboolean
check_step_date (JsonObject *row, const char *date, const char *after, GError **error)
{
  const char *before = zx_row_str (row, after);

  if (!zx_rules_check_date (date, _("Measure"), error))
    return FALSE;
  if (before != NULL && strcmp (date, before) < 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Measure %" PRId64 ": %s is before the previous step (%s)."),
                   zx_row_int (row, "id"), date, before);
      return FALSE;
    }
  return TRUE;
}


/* Role check with the measure's kind in the message: "may not approve a detention". */
static gboolean
require_role (ZxTxn *txn, ZxAction action, const char *verb_fmt, const char *kind,
              ZxStaff *out_staff, GError **error)
{
  g_autofree char *what = g_strdup_printf (verb_fmt, zx_measures_kind_label (kind));

  return zx_roles_require (zx_txn_get_store (txn), action, what, out_staff, error);
}

/* ---- limits ------------------------------------------------------------------------------ */

static gboolean
check_detention_days (ZxStore *store, int days, GError **error)
{
  gint64 max = zx_rules_param (store, "detention_max", 15);

  if (days >= 1 && days <= max)
    return TRUE;
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
               _("A detention lasts 1 to %" PRId64 " days, not %d."), max, days);
  return FALSE;
}

static gboolean
check_fine (ZxStore *store, const char *party_kind, gint64 amount, GError **error)
{
  gboolean entity = g_strcmp0 (party_kind, "entity") == 0;
  gint64 min = entity ? zx_rules_param (store, "fine_entity_min", 5000000) : 1;
  gint64 max = entity ? zx_rules_param (store, "fine_entity_max", 100000000)
                      : zx_rules_param (store, "fine_person_max", 10000000);

  if (amount >= min && amount <= max)
    return TRUE;
  if (entity)
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                 _("A fine on an entity is %" PRId64 ".%02d to %" PRId64 ".%02d yuan, not %"
                   PRId64 ".%02d."),
                 min / 100, (int) (min % 100), max / 100, (int) (max % 100), amount / 100,
                 (int) ABS (amount % 100));
  else
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                 _("A fine on a person is at most %" PRId64 ".%02d yuan and more than 0, not %"
                   PRId64 ".%02d."),
                 max / 100, (int) (max % 100), amount / 100, (int) ABS (amount % 100));
  return FALSE;
}

/* Days and amount as the kind needs them: days only for a detention, an amount only for a
 * fine (PARTY_KIND decides its limits). */
static gboolean
check_terms (ZxStore *store, const char *kind, const char *party_kind, int days, gint64 amount,
             gboolean days_required, GError **error)
{
  gboolean detention = g_str_equal (kind, "detention");
  gboolean fine = g_str_equal (kind, "fine");

  if (!detention && days != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("Only a detention has a number of days."));
      return FALSE;
    }
  if (!fine && amount != 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("Only a fine has an amount."));
      return FALSE;
    }
  if (detention && (days != 0 || days_required) && !check_detention_days (store, days, error))
    return FALSE;
  if (fine && !check_fine (store, party_kind, amount, error))
    return FALSE;
  return TRUE;
}

/* The party row, which must belong to CASE_ID. */
static JsonObject *
get_party (ZxTxn *txn, gint64 case_id, gint64 party_id, GError **error)
{
  g_autoptr (JsonObject) party = NULL;

  if (party_id <= 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Choose the party the measure is aimed at."));
      return NULL;
    }
  party = zx_txn_get_row (txn, "parties", party_id, error);
  if (party == NULL)
    return NULL;
  if (zx_row_int (party, "case_id") != case_id)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Party %" PRId64 " (%s) is not a party of case %" PRId64 "."), party_id,
                   zx_row_str (party, "name"), case_id);
      return NULL;
    }
  return g_steal_pointer (&party);
}

/* ---- propose ----------------------------------------------------------------------------- */

static JsonObject *
proposal_fields (const ZxMeasureProposal *p, gint64 staff_id)
{
  JsonObject *fields = json_object_new ();

  json_object_set_int_member (fields, "case_id", p->case_id);
  json_object_set_int_member (fields, "party_id", p->party_id);
  json_object_set_string_member (fields, "kind", p->kind);
  json_object_set_string_member (fields, "state", "proposed");
  json_object_set_string_member (fields, "proposed_on", p->proposed_on);
  json_object_set_int_member (fields, "proposed_by", staff_id);
  if (p->days != 0)
    json_object_set_int_member (fields, "days", p->days);
  if (p->amount != 0)
    json_object_set_int_member (fields, "amount", p->amount);
  if (p->note != NULL && *p->note != '\0')
    json_object_set_string_member (fields, "note", p->note);
  return fields;
}

static gboolean
propose_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  const ZxMeasureProposal *p = s->proposal;
  g_auto (ZxStaff) staff = { 0 };
  g_autoptr (JsonObject) party = NULL;
  g_autoptr (JsonObject) kase = NULL;
  g_autoptr (JsonObject) fields = NULL;

  if (!kind_is_known (p->kind))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("“%s” is not a kind of measure."),
                   p->kind != NULL ? p->kind : "");
      return FALSE;
    }
  if (!require_role (txn, ZX_ACTION_MEASURE_PROPOSE, _("propose a %s"), p->kind, &staff, error)
      || !zx_rules_check_date (p->proposed_on, _("Measure"), error))
    return FALSE;
  kase = zx_txn_get_row (txn, "cases", p->case_id, error);
  if (kase == NULL || (party = get_party (txn, p->case_id, p->party_id, error)) == NULL)
    return FALSE;
  if (!check_terms (zx_txn_get_store (txn), p->kind, zx_row_str (party, "kind"), p->days, p->amount,
                    TRUE, error))
    return FALSE;
  fields = proposal_fields (p, staff.id);
  return zx_txn_insert (txn, "measures", fields, &s->new_id, error);
}

gint64
zx_measures_propose (ZxStore *store, const ZxMeasureProposal *proposal, GError **error)
{
  Step step = { .proposal = proposal };

  g_return_val_if_fail (ZX_IS_STORE (store), 0);
  g_return_val_if_fail (proposal != NULL, 0);

  if (!zx_store_write (store, propose_txn, &step, error))
    return 0;
  return step.new_id;
}

/* ---- amend ------------------------------------------------------------------------------- */

static gboolean
amend_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_autoptr (JsonObject) row = zx_rules_get_row_checked (txn, "measures", s->id, s->version,
                                                         error);
  g_autoptr (JsonObject) party = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  const char *kind;
  int days;
  gint64 amount;

  if (row == NULL)
    return FALSE;
  kind = zx_row_str (row, "kind");
  if (!require_role (txn, ZX_ACTION_MEASURE_PROPOSE, _("change a proposed %s"), kind, NULL,
                     error))
    return FALSE;
  if (!state_is (row, "proposed"))
    return refuse_state (row, _("changed"), error);
  party = get_party (txn, zx_row_int (row, "case_id"), zx_row_int (row, "party_id"), error);
  if (party == NULL)
    return FALSE;
  days = s->days != 0 ? s->days : (int) zx_row_int (row, "days");
  amount = s->amount != 0 ? s->amount : zx_row_int (row, "amount");
  if (!check_terms (zx_txn_get_store (txn), kind, zx_row_str (party, "kind"), days, amount, FALSE,
                    error))
    return FALSE;
  if (s->days != 0)
    json_object_set_int_member (fields, "days", s->days);
  if (s->amount != 0)
    json_object_set_int_member (fields, "amount", s->amount);
  if (s->text != NULL)
    json_object_set_string_member (fields, "note", s->text);
  return zx_txn_update (txn, "measures", s->id, zx_row_int (row, "version"), fields, error);
}

gboolean
zx_measures_amend (ZxStore *store, gint64 id, gint64 expected_version, int days, gint64 amount,
                   const char *note, GError **error)
{
  Step step = { .id = id, .version = expected_version, .days = days, .amount = amount,
                .text = note };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, amend_txn, &step, error);
}

/* ---- approve and reject ------------------------------------------------------------------ */

/* Reads the measure and checks the president may decide on it now. */
static JsonObject *
decidable_row (ZxTxn *txn, Step *s, const char *verb_fmt, const char *cannot, ZxStaff *staff,
               GError **error)
{
  g_autoptr (JsonObject) row = zx_rules_get_row_checked (txn, "measures", s->id, s->version,
                                                         error);
  const char *kind;

  if (row == NULL)
    return NULL;
  kind = zx_row_str (row, "kind");
  if (!require_role (txn, ZX_ACTION_MEASURE_APPROVE, verb_fmt, kind, staff, error))
    return NULL;
  if (!zx_measures_needs_approval (kind))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Measure %" PRId64 " (%s) needs no approval: record it as carried out."),
                   s->id, zx_measures_kind_label (kind));
      return NULL;
    }
  if (!state_is (row, "proposed"))
    {
      refuse_state (row, cannot, error);
      return NULL;
    }
  if (!check_step_date (row, s->date, "proposed_on", error))
    return NULL;
  return g_steal_pointer (&row);
}

static gboolean
approve_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_auto (ZxStaff) staff = { 0 };
  g_autoptr (JsonObject) row = decidable_row (txn, s, _("approve a %s"), _("approved"), &staff,
                                              error);
  g_autoptr (JsonObject) fields = json_object_new ();

  if (row == NULL)
    return FALSE;
  if (g_str_equal (zx_row_str (row, "kind"), "detention") && zx_row_int (row, "days") == 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Measure %" PRId64 " (detention) has no number of days yet; set it "
                     "before approving."),
                   s->id);
      return FALSE;
    }
  json_object_set_string_member (fields, "state", "approved");
  json_object_set_string_member (fields, "approved_on", s->date);
  json_object_set_int_member (fields, "approver_id", staff.id);
  return zx_txn_update (txn, "measures", s->id, zx_row_int (row, "version"), fields, error);
}

gboolean
zx_measures_approve (ZxStore *store, gint64 id, gint64 expected_version,
                     const char *approved_on, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = approved_on };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, approve_txn, &step, error);
}

static gboolean
reject_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_auto (ZxStaff) staff = { 0 };
  g_autoptr (JsonObject) row = NULL;
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *line = NULL;
  g_autofree char *note = NULL;

  row = decidable_row (txn, s, _("reject a %s"), _("rejected"), &staff, error);
  if (row == NULL || !zx_rules_require_text (s->text, _("Rejecting a measure"), error))
    return FALSE;
  line = g_strdup_printf (_("Rejected on %s by %s: %s"), s->date, staff.name, s->text);
  note = zx_rules_note_append (zx_row_str (row, "note"), line);
  json_object_set_string_member (fields, "state", "rejected");
  json_object_set_int_member (fields, "approver_id", staff.id);
  json_object_set_string_member (fields, "note", note);
  return zx_txn_update (txn, "measures", s->id, zx_row_int (row, "version"), fields, error);
}

gboolean
zx_measures_reject (ZxStore *store, gint64 id, gint64 expected_version, const char *rejected_on,
                    const char *reason, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = rejected_on, .text = reason };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, reject_txn, &step, error);
}

/* ---- execute ----------------------------------------------------------------------------- */

static gboolean
check_executable (JsonObject *row, const char *date, GError **error)
{
  const char *kind = zx_row_str (row, "kind");

  if (zx_measures_needs_approval (kind))
    {
      if (state_is (row, "proposed"))
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                       _("Measure %" PRId64 " (%s) has not been approved by the president: it "
                         "cannot be carried out yet."),
                       zx_row_int (row, "id"), zx_measures_kind_label (kind));
          return FALSE;
        }
      if (!state_is (row, "approved"))
        return refuse_state (row, _("carried out"), error);
      return check_step_date (row, date, "approved_on", error);
    }
  if (!state_is (row, "proposed"))
    return refuse_state (row, _("carried out"), error);
  return check_step_date (row, date, "proposed_on", error);
}

static const char *
outcome_line (ZxMeasureOutcome outcome)
{
  switch (outcome)
    {
    case ZX_MEASURE_OUTCOME_APPEARED:
      return _("Outcome: appeared");
    case ZX_MEASURE_OUTCOME_IGNORED:
      return _("Outcome: ignored");
    case ZX_MEASURE_OUTCOME_NONE:
    default:
      return NULL;
    }
}

/* A detention proposal for PARTY_ID that is still pending (proposed or approved). */
static gboolean
has_pending_detention (ZxStore *store, gint64 case_id, gint64 party_id, gboolean *out_pending,
                       GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = zx_store_prepare (store,
                           "SELECT 1 FROM measures WHERE case_id = ? AND party_id = ?"
                           " AND kind = 'detention' AND state IN ('proposed', 'approved')",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, party_id);
  rc = sqlite3_step (stmt);
  zx_store_release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, zx_store_get_db (store), rc, _("Reading the measures"));
      return FALSE;
    }
  *out_pending = rc == SQLITE_ROW;
  return TRUE;
}

/* 首传必拘: in a small-amount or livelihood case, a summons ignored raises a detention
 * proposal for the same party, handled by the case's officer. */
static gboolean
summons_ignored (ZxTxn *txn, JsonObject *summons, const char *date, gint64 *out_id,
                 GError **error)
{
  gint64 case_id = zx_row_int (summons, "case_id"), party_id = zx_row_int (summons, "party_id");
  g_autoptr (JsonObject) kase = zx_txn_get_row (txn, "cases", case_id, error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *note = NULL;
  gboolean pending = FALSE;

  if (kase == NULL)
    return FALSE;
  if (!zx_row_int (kase, "small_amount") && !zx_row_int (kase, "livelihood"))
    return TRUE;
  if (!has_pending_detention (zx_txn_get_store (txn), case_id, party_id, &pending, error))
    return FALSE;
  if (pending)
    return TRUE;
  note = g_strdup_printf (_("首传必拘: raised automatically because summons %" PRId64
                            " was ignored on %s."),
                          zx_row_int (summons, "id"), date);
  json_object_set_int_member (fields, "case_id", case_id);
  json_object_set_int_member (fields, "party_id", party_id);
  json_object_set_string_member (fields, "kind", "detention");
  json_object_set_string_member (fields, "state", "proposed");
  json_object_set_string_member (fields, "proposed_on", date);
  if (zx_row_int (kase, "officer_id") != 0)
    json_object_set_int_member (fields, "proposed_by", zx_row_int (kase, "officer_id"));
  json_object_set_string_member (fields, "note", note);
  return zx_txn_insert (txn, "measures", fields, out_id, error);
}

static gboolean
execute_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  Step *s = user_data;
  g_autoptr (JsonObject) row = zx_rules_get_row_checked (txn, "measures", s->id, s->version,
                                                         error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_auto (ZxStaff) staff = { 0 };
  g_autofree char *with_outcome = NULL;
  g_autofree char *note = NULL;
  const char *kind;
  gboolean by_police;

  if (row == NULL)
    return FALSE;
  kind = zx_row_str (row, "kind");
  by_police = g_str_equal (kind, "summons") || g_str_equal (kind, "detention");
  if (!require_role (txn, by_police ? ZX_ACTION_MEASURE_EXECUTE_POLICE : ZX_ACTION_MEASURE_EXECUTE,
                     _("carry out a %s"), kind, &staff, error)
      || !check_executable (row, s->date, error))
    return FALSE;
  if (s->outcome != ZX_MEASURE_OUTCOME_NONE && !g_str_equal (kind, "summons"))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Only a summons is recorded as appeared or ignored."));
      return FALSE;
    }

  with_outcome = zx_rules_note_append (zx_row_str (row, "note"), outcome_line (s->outcome));
  note = zx_rules_note_append (with_outcome, s->text);
  json_object_set_string_member (fields, "state", "executed");
  json_object_set_string_member (fields, "executed_on", s->date);
  json_object_set_int_member (fields, "executed_by", staff.id);
  if (note != NULL)
    json_object_set_string_member (fields, "note", note);
  if (!zx_txn_update (txn, "measures", s->id, zx_row_int (row, "version"), fields, error))
    return FALSE;
  if (s->outcome == ZX_MEASURE_OUTCOME_IGNORED)
    return summons_ignored (txn, row, s->date, &s->new_id, error);
  return TRUE;
}

gboolean
zx_measures_execute (ZxStore *store, gint64 id, gint64 expected_version,
                     const char *executed_on, ZxMeasureOutcome outcome, const char *note,
                     gint64 *out_detention_id, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = executed_on, .text = note,
                .outcome = outcome };
  gboolean ok;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  ok = zx_store_write (store, execute_txn, &step, error);
  if (out_detention_id != NULL)
    *out_detention_id = ok ? step.new_id : 0;
  return ok;
}

/* ---- withdraw and lift ------------------------------------------------------------------- */

typedef struct
{
  ZxAction           action;
  const char        *verb_fmt;  /* "withdraw a %s" */
  const char *const *from;      /* states it may leave */
  const char        *to;
  const char        *cannot;    /* "withdrawn" */
  const char        *line_fmt;  /* "Withdrawn on %s by %s: %s" */
  const char        *what;      /* "Withdrawing a measure", for a missing reason */
} CloseRule;

/* Moves the measure from one of RULE's states to its target, with a note "… on DATE by NAME:
 * REASON". */
static gboolean
close_step (ZxTxn *txn, Step *s, const CloseRule *rule, GError **error)
{
  g_autoptr (JsonObject) row = zx_rules_get_row_checked (txn, "measures", s->id, s->version,
                                                         error);
  g_autoptr (JsonObject) fields = json_object_new ();
  g_auto (ZxStaff) staff = { 0 };
  g_autofree char *line = NULL;
  g_autofree char *note = NULL;

  if (row == NULL
      || !require_role (txn, rule->action, rule->verb_fmt, zx_row_str (row, "kind"), &staff, error)
      || !zx_rules_require_text (s->text, rule->what, error))
    return FALSE;
  if (!g_strv_contains (rule->from, zx_row_str (row, "state")))
    return refuse_state (row, rule->cannot, error);
  if (!check_step_date (row, s->date, "proposed_on", error)
      || !check_step_date (row, s->date, "approved_on", error)
      || !check_step_date (row, s->date, "executed_on", error))
    return FALSE;
  line = g_strdup_printf (rule->line_fmt, s->date, staff.name, s->text);
  note = zx_rules_note_append (zx_row_str (row, "note"), line);
  json_object_set_string_member (fields, "state", rule->to);
  json_object_set_string_member (fields, "note", note);
  return zx_txn_update (txn, "measures", s->id, zx_row_int (row, "version"), fields, error);
}

static gboolean
withdraw_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  static const char *const from[] = { "proposed", "approved", NULL };
  CloseRule rule = { ZX_ACTION_MEASURE_WITHDRAW, _("withdraw a %s"), from, "withdrawn",
                     _("withdrawn"), _("Withdrawn on %s by %s: %s"),
                     _("Withdrawing a measure") };

  return close_step (txn, user_data, &rule, error);
}

gboolean
zx_measures_withdraw (ZxStore *store, gint64 id, gint64 expected_version,
                      const char *withdrawn_on, const char *reason, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = withdrawn_on, .text = reason };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, withdraw_txn, &step, error);
}

static gboolean
lift_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  static const char *const from[] = { "executed", NULL };
  Step *s = user_data;
  g_autoptr (JsonObject) row = zx_txn_get_row (txn, "measures", s->id, error);
  CloseRule rule = { ZX_ACTION_MEASURE_EXECUTE, _("lift a %s"), from, "lifted", _("lifted"),
                     _("Lifted on %s by %s: %s"), _("Lifting a measure") };

  if (row == NULL)
    return FALSE;
  if (!g_str_equal (zx_row_str (row, "kind"), "consumption_restriction"))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Measure %" PRId64 " (%s) is not a consumption restriction: only those "
                     "are lifted."),
                   s->id, zx_measures_kind_label (zx_row_str (row, "kind")));
      return FALSE;
    }
  return close_step (txn, s, &rule, error);
}

gboolean
zx_measures_lift (ZxStore *store, gint64 id, gint64 expected_version, const char *lifted_on,
                  const char *reason, GError **error)
{
  Step step = { .id = id, .version = expected_version, .date = lifted_on, .text = reason };

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  return zx_store_write (store, lift_txn, &step, error);
}
