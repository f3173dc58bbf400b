/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "store/zx-measures.h"
#include "zx-rules-test.h"

/* The measures workflow: proposed → approved → executed, the roles that may take each step
 * (checked in the store), the limits from rule_params, illegal transitions that change
 * nothing, and 首传必拘. */

typedef struct
{
  gint64 kase;
  gint64 person;
  gint64 entity;
} Case;

static Case
add_case (RulesFixture *f, gboolean small_amount)
{
  Case c;

  c.kase = rules_add_case (f, small_amount ? "（2026）冀0802执101号" : "（2026）冀0802执102号",
                           "2026-03-02", f->team_a, f->officer, small_amount, FALSE);
  rules_add_party (f, c.kase, "applicant", "person", "甲申请人", ADULT_ID_2);
  c.person = rules_add_party (f, c.kase, "respondent", "person", "乙被执行人", ADULT_ID);
  c.entity = rules_add_party (f, c.kase, "respondent", "entity", "丙公司", CREDIT_CODE);
  return c;
}

static gint64
propose (RulesFixture *f, gint64 kase, gint64 party, const char *kind, int days, gint64 amount,
         GError **error)
{
  ZxMeasureProposal p = { kase, party, kind, "2026-03-10", days, amount, NULL };

  return zx_measures_propose (f->store, &p, error);
}

static gint64
propose_ok (RulesFixture *f, gint64 kase, gint64 party, const char *kind, int days, gint64 amount)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  rules_act_as (f, "officer");
  id = propose (f, kase, party, kind, days, amount, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_state (RulesFixture *f, gint64 id, const char *state)
{
  g_autofree char *value = rules_get_text (f, "measures", id, "state");

  g_assert_cmpstr (value, ==, state);
}

static gint64
audit_rows (RulesFixture *f)
{
  return rules_count (f, "SELECT count(*) FROM audit");
}

/* ---- the happy path --------------------------------------------------------------------- */

static void
test_detention_workflow (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, FALSE);
  gint64 id = propose_ok (f, c.kase, c.person, "detention", 15, 0);
  gint64 audit_before;

  assert_state (f, id, "proposed");
  g_assert_cmpint (rules_get_int (f, "measures", id, "proposed_by"), ==, f->officer);

  rules_act_as (f, "president");
  zx_measures_approve (f->store, id, 1, "2026-03-11", &error);
  g_assert_no_error (error);
  assert_state (f, id, "approved");
  g_assert_cmpint (rules_get_int (f, "measures", id, "approver_id"), ==, f->president);

  rules_act_as (f, "police");
  audit_before = audit_rows (f);
  zx_measures_execute (f->store, id, 2, "2026-03-12", ZX_MEASURE_OUTCOME_NONE, "送拘留所", NULL,
                       &error);
  g_assert_no_error (error);
  assert_state (f, id, "executed");
  g_assert_cmpint (rules_get_int (f, "measures", id, "executed_by"), ==, f->police);
  g_assert_cmpint (audit_rows (f), ==, audit_before + 1);
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit WHERE entity = 'measures'"
                                   " AND actor = 'president'"), ==, 1);
}

/* A notice needs no approval: proposed → executed by the officer. */
static void
test_notice_needs_no_approval (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, FALSE);
  gint64 id = propose_ok (f, c.kase, c.person, "notice", 0, 0);

  rules_act_as (f, "president");
  g_assert_false (zx_measures_approve (f->store, id, 0, "2026-03-11", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs no approval"));
  g_clear_error (&error);

  rules_act_as (f, "officer");
  zx_measures_execute (f->store, id, 0, "2026-03-11", ZX_MEASURE_OUTCOME_NONE, NULL, NULL,
                       &error);
  g_assert_no_error (error);
  assert_state (f, id, "executed");
}

/* ---- roles ------------------------------------------------------------------------------ */

static void
assert_denied (RulesFixture *f, GError *error, const char *who, const char *needed)
{
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, who));
  if (needed != NULL)
    g_assert_nonnull (strstr (error->message, needed));
}

static void
test_approve_roles (RulesFixture *f, gconstpointer data)
{
  static const struct
  {
    const char *login, *name;
  } refused[] = {
    { "officer", "王强" }, { "director", "张局长" }, { "admin", "陈管理员" },
    { "leader", "周组长" }, { "police", "赵警官" },
  };
  Case c = add_case (f, FALSE);
  gint64 id = propose_ok (f, c.kase, c.person, "detention", 5, 0);
  gint64 audit_before = audit_rows (f);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;

      rules_act_as (f, refused[i].login);
      g_assert_false (zx_measures_approve (f->store, id, 0, "2026-03-11", &error));
      assert_denied (f, error, refused[i].name, "president");
      g_assert_nonnull (strstr (error->message, "detention"));
    }
  /* The message names the role too: "王强 (officer) may not approve a detention; …" */
  {
    g_autoptr (GError) error = NULL;

    rules_act_as (f, "officer");
    zx_measures_reject (f->store, id, 0, "2026-03-11", "no", &error);
    assert_denied (f, error, "王强 (officer) may not reject a detention", "president");
  }
  assert_state (f, id, "proposed");
  g_assert_cmpint (rules_get_int (f, "measures", id, "version"), ==, 1);
  g_assert_cmpint (audit_rows (f), ==, audit_before);
}

static void
test_execute_and_propose_roles (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, FALSE);
  gint64 id = propose_ok (f, c.kase, c.person, "summons", 0, 0);

  rules_act_as (f, "president");
  zx_measures_approve (f->store, id, 0, "2026-03-11", &error);
  g_assert_no_error (error);

  /* Only judicial police carry out a summons or detention. */
  rules_act_as (f, "officer");
  zx_measures_execute (f->store, id, 0, "2026-03-12", ZX_MEASURE_OUTCOME_APPEARED, NULL, NULL,
                       &error);
  assert_denied (f, error, "王强", "judicial police");
  g_clear_error (&error);
  assert_state (f, id, "approved");

  /* Police and the president do not propose. */
  rules_act_as (f, "police");
  g_assert_cmpint (propose (f, c.kase, c.person, "fine", 0, 100000, &error), ==, 0);
  assert_denied (f, error, "赵警官", "propose");
  g_clear_error (&error);

  /* Someone who is not on the staff list. */
  rules_act_as (f, "stranger");
  g_assert_cmpint (propose (f, c.kase, c.person, "notice", 0, 0, &error), ==, 0);
  assert_denied (f, error, "stranger", "not a staff member");
  g_clear_error (&error);

  /* Judges, clerks and team leaders may propose. */
  rules_act_as (f, "judge");
  g_assert_cmpint (propose (f, c.kase, c.person, "notice", 0, 0, &error), >, 0);
  g_assert_no_error (error);
}

/* ---- limits ----------------------------------------------------------------------------- */

static void
test_detention_limit (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, FALSE);
  gint64 measures_before = rules_count (f, "SELECT count(*) FROM measures");
  gint64 audit_before = audit_rows (f);

  rules_act_as (f, "officer");
  g_assert_cmpint (propose (f, c.kase, c.person, "detention", 16, 0, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 to 15 days"));
  g_clear_error (&error);
  g_assert_cmpint (propose (f, c.kase, c.person, "detention", 0, 0, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  /* Days belong to a detention only. */
  g_assert_cmpint (propose (f, c.kase, c.person, "summons", 3, 0, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM measures"), ==, measures_before);
  g_assert_cmpint (audit_rows (f), ==, audit_before);

  /* The limit is data: a court that sets 10 refuses 12. */
  rules_set_param (f, "detention_max", 10);
  g_assert_cmpint (propose (f, c.kase, c.person, "detention", 12, 0, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 to 10 days"));
  g_clear_error (&error);
  g_assert_cmpint (propose (f, c.kase, c.person, "detention", 10, 0, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_fine_limits (RulesFixture *f, gconstpointer data)
{
  static const struct
  {
    gboolean entity;
    gint64 amount;
    gboolean ok;
  } cases[] = {
    { FALSE, 1, TRUE },
    { FALSE, 10000000, TRUE },       /* ¥100,000 */
    { FALSE, 10000001, FALSE },
    { FALSE, 0, FALSE },
    { TRUE, 4999999, FALSE },
    { TRUE, 5000000, TRUE },         /* ¥50,000 */
    { TRUE, 100000000, TRUE },       /* ¥1,000,000 */
    { TRUE, 100000001, FALSE },
  };
  Case c = add_case (f, FALSE);

  rules_act_as (f, "officer");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 party = cases[i].entity ? c.entity : c.person;
      gint64 id = propose (f, c.kase, party, "fine", 0, cases[i].amount, &error);

      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
        }
      else
        {
          g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].entity ? "entity" : "person"));
          g_assert_cmpint (id, ==, 0);
        }
    }
  /* A fine is aimed at a party of the case. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_cmpint (propose (f, c.kase, 0, "fine", 0, 100, &error), ==, 0);
    g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  }
}

/* ---- transitions ------------------------------------------------------------------------ */

static void
expect_invalid (gboolean ok, GError **error, const char *fragment)
{
  g_assert_false (ok);
  g_assert_error (*error, ZX_ERROR, ZX_ERROR_INVALID);
  if (fragment != NULL)
    g_assert_nonnull (strstr ((*error)->message, fragment));
  g_clear_error (error);
}

static void
test_illegal_transitions (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, FALSE);
  gint64 id = propose_ok (f, c.kase, c.person, "detention", 7, 0);
  gint64 version;

  /* Not approved yet. */
  rules_act_as (f, "police");
  expect_invalid (zx_measures_execute (f->store, id, 0, "2026-03-12", ZX_MEASURE_OUTCOME_NONE,
                                       NULL, NULL, &error),
                  &error, "not been approved");
  /* Approval before the proposal. */
  rules_act_as (f, "president");
  expect_invalid (zx_measures_approve (f->store, id, 0, "2026-03-01", &error), &error,
                  "before the previous step");
  /* Rejecting needs a reason. */
  expect_invalid (zx_measures_reject (f->store, id, 0, "2026-03-11", "  ", &error), &error,
                  "reason");
  zx_measures_approve (f->store, id, 0, "2026-03-11", &error);
  g_assert_no_error (error);
  expect_invalid (zx_measures_approve (f->store, id, 0, "2026-03-11", &error), &error,
                  "is approved: it cannot be approved");

  rules_act_as (f, "police");
  zx_measures_execute (f->store, id, 0, "2026-03-12", ZX_MEASURE_OUTCOME_NONE, NULL, NULL,
                       &error);
  g_assert_no_error (error);
  version = rules_get_int (f, "measures", id, "version");

  rules_act_as (f, "officer");
  expect_invalid (zx_measures_withdraw (f->store, id, 0, "2026-03-13", "settled", &error),
                  &error, "cannot be withdrawn");
  expect_invalid (zx_measures_lift (f->store, id, 0, "2026-03-13", "paid", &error), &error,
                  "not a consumption restriction");
  /* An outcome belongs to a summons. */
  {
    gint64 notice = propose_ok (f, c.kase, c.person, "notice", 0, 0);

    expect_invalid (zx_measures_execute (f->store, notice, 0, "2026-03-12",
                                         ZX_MEASURE_OUTCOME_IGNORED, NULL, NULL, &error),
                    &error, "summons");
  }
  assert_state (f, id, "executed");
  g_assert_cmpint (rules_get_int (f, "measures", id, "version"), ==, version);
}

static void
test_withdraw_reject_lift (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, FALSE);
  gint64 fine = propose_ok (f, c.kase, c.entity, "fine", 0, 6000000);
  gint64 summons = propose_ok (f, c.kase, c.person, "summons", 0, 0);
  gint64 restriction = propose_ok (f, c.kase, c.person, "consumption_restriction", 0, 0);
  g_autofree char *note = NULL;

  rules_act_as (f, "president");
  zx_measures_reject (f->store, fine, 0, "2026-03-11", "证据不足", &error);
  g_assert_no_error (error);
  assert_state (f, fine, "rejected");
  note = rules_get_text (f, "measures", fine, "note");
  g_assert_nonnull (strstr (note, "证据不足"));
  g_assert_nonnull (strstr (note, "李院长"));

  zx_measures_approve (f->store, summons, 0, "2026-03-11", &error);
  g_assert_no_error (error);
  rules_act_as (f, "officer");
  zx_measures_withdraw (f->store, summons, 0, "2026-03-12", "已履行", &error);
  g_assert_no_error (error);
  assert_state (f, summons, "withdrawn");

  zx_measures_execute (f->store, restriction, 0, "2026-03-10", ZX_MEASURE_OUTCOME_NONE, NULL,
                       NULL, &error);
  g_assert_no_error (error);
  zx_measures_lift (f->store, restriction, 0, "2026-04-01", "全部履行", &error);
  g_assert_no_error (error);
  assert_state (f, restriction, "lifted");
}

static void
test_version_conflict (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, FALSE);
  gint64 id = propose_ok (f, c.kase, c.person, "detention", 3, 0);

  /* The officer corrects the days (version 2) while the president has version 1 on screen. */
  zx_measures_amend (f->store, id, 1, 5, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rules_get_int (f, "measures", id, "days"), ==, 5);

  rules_act_as (f, "president");
  g_assert_false (zx_measures_approve (f->store, id, 1, "2026-03-11", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "officer"));
  g_clear_error (&error);
  assert_state (f, id, "proposed");
  zx_measures_approve (f->store, id, 2, "2026-03-11", &error);
  g_assert_no_error (error);
}

/* ---- 首传必拘 --------------------------------------------------------------------------- */

static gint64
summons_ignored (RulesFixture *f, Case *c, ZxMeasureOutcome outcome, GError **error)
{
  gint64 summons = propose_ok (f, c->kase, c->person, "summons", 0, 0);
  gint64 detention = -1;

  rules_act_as (f, "president");
  zx_measures_approve (f->store, summons, 0, "2026-03-11", error);
  g_assert_no_error (*error);
  rules_act_as (f, "police");
  zx_measures_execute (f->store, summons, 0, "2026-03-12", outcome, NULL, &detention, error);
  g_assert_no_error (*error);
  assert_state (f, summons, "executed");
  return detention;
}

static void
test_first_summons_then_detention (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, TRUE);
  gint64 detention = summons_ignored (f, &c, ZX_MEASURE_OUTCOME_IGNORED, &error);
  g_autofree char *note = NULL;

  g_assert_cmpint (detention, >, 0);
  assert_state (f, detention, "proposed");
  g_assert_cmpint (rules_get_int (f, "measures", detention, "case_id"), ==, c.kase);
  g_assert_cmpint (rules_get_int (f, "measures", detention, "party_id"), ==, c.person);
  g_assert_cmpint (rules_get_int (f, "measures", detention, "proposed_by"), ==, f->officer);
  note = rules_get_text (f, "measures", detention, "note");
  g_assert_nonnull (strstr (note, "首传必拘"));
  /* Audited like any other row. */
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit WHERE entity = 'measures'"
                                   " AND action = 'create' AND after_json LIKE '%首传必拘%'"),
                   ==, 1);

  /* A second ignored summons does not pile up another proposal while one is pending. */
  g_assert_cmpint (summons_ignored (f, &c, ZX_MEASURE_OUTCOME_IGNORED, &error), ==, 0);

  /* The president needs the days before approving; the officer sets them. */
  rules_act_as (f, "president");
  g_assert_false (zx_measures_approve (f->store, detention, 0, "2026-03-13", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  rules_act_as (f, "officer");
  zx_measures_amend (f->store, detention, 0, 15, 0, NULL, &error);
  g_assert_no_error (error);
  rules_act_as (f, "president");
  zx_measures_approve (f->store, detention, 0, "2026-03-13", &error);
  g_assert_no_error (error);
}

static void
test_summons_ignored_ordinary_case (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f, FALSE);
  Case s = add_case (f, TRUE);

  /* Not a small-amount or livelihood case: nothing automatic. */
  g_assert_cmpint (summons_ignored (f, &c, ZX_MEASURE_OUTCOME_IGNORED, &error), ==, 0);
  /* The person came: nothing either. */
  g_assert_cmpint (summons_ignored (f, &s, ZX_MEASURE_OUTCOME_APPEARED, &error), ==, 0);
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM measures WHERE kind = 'detention'"), ==,
                   0);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  RULES_TEST ("/measures/detention-workflow", test_detention_workflow);
  RULES_TEST ("/measures/notice-needs-no-approval", test_notice_needs_no_approval);
  RULES_TEST ("/measures/roles/approve", test_approve_roles);
  RULES_TEST ("/measures/roles/execute-propose", test_execute_and_propose_roles);
  RULES_TEST ("/measures/limits/detention", test_detention_limit);
  RULES_TEST ("/measures/limits/fine", test_fine_limits);
  RULES_TEST ("/measures/illegal-transitions", test_illegal_transitions);
  RULES_TEST ("/measures/withdraw-reject-lift", test_withdraw_reject_lift);
  RULES_TEST ("/measures/version-conflict", test_version_conflict);
  RULES_TEST ("/measures/first-summons-then-detention", test_first_summons_then_detention);
  RULES_TEST ("/measures/summons-ignored-ordinary", test_summons_ignored_ordinary_case);

  return g_test_run ();
}
