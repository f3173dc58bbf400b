/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "store/zx-listing.h"
#include "zx-rules-test.h"

/* The list lifecycle in the store: who may be listed, decision with a grace period,
 * publication, removal deadlines in working days across the 2026 National Day holiday,
 * period ends, revocation, correction and extension. */

typedef struct
{
  gint64 kase;
  gint64 person;
  gint64 minor;
  gint64 entity;
} Case;

static Case
add_case (RulesFixture *f)
{
  Case c;

  c.kase = rules_add_case (f, "（2024）冀0802执55号", "2024-01-15", f->team_a, f->officer, FALSE,
                           FALSE);
  rules_add_party (f, c.kase, "applicant", "person", "甲申请人", ADULT_ID_2);
  c.person = rules_add_party (f, c.kase, "respondent", "person", "乙被执行人", ADULT_ID);
  c.minor = rules_add_party (f, c.kase, "respondent", "person", "丁未成年", MINOR_ID);
  c.entity = rules_add_party (f, c.kase, "respondent", "entity", "丙公司", CREDIT_CODE);
  return c;
}

static gint64
propose (RulesFixture *f, Case *c, gint64 party, int ground, const char *applied_on)
{
  g_autoptr (GError) error = NULL;
  ZxListingApplication a = { c->kase, party, ground, "有履行能力而拒不履行", applied_on };
  gint64 id;

  rules_act_as (f, "officer");
  id = zx_listing_propose (f->store, &a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
decide_ok (RulesFixture *f, gint64 id, const char *decided_on, int grace)
{
  g_autoptr (GError) error = NULL;

  rules_act_as (f, "director");
  zx_listing_decide (f->store, id, 0, decided_on, grace, &error);
  g_assert_no_error (error);
}

/* A published entry of ground GROUND for the person, decided on DECIDED_ON. */
static gint64
published (RulesFixture *f, Case *c, int ground, const char *decided_on)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  rules_add_restriction (f, c->kase, c->person, decided_on);
  id = propose (f, c, c->person, ground, decided_on);
  decide_ok (f, id, decided_on, 0);
  rules_act_as (f, "clerk");
  zx_listing_publish (f->store, id, 0, decided_on, &error);
  g_assert_no_error (error);
  return id;
}

static void
assert_text (RulesFixture *f, gint64 id, const char *column, const char *expected)
{
  g_autofree char *value = rules_get_text (f, "blacklist_entries", id, column);

  g_assert_cmpstr (value, ==, expected);
}

/* ---- who may be listed ------------------------------------------------------------------ */

static void
test_minor_refused (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f);
  gint64 id;

  rules_add_restriction (f, c.kase, c.minor, "2026-03-01");
  id = propose (f, &c, c.minor, 2, "2026-03-01");
  rules_act_as (f, "president");
  g_assert_false (zx_listing_decide (f->store, id, 0, "2026-03-05", 0, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "minor"));
  g_assert_nonnull (strstr (error->message, "丁未成年"));
  assert_text (f, id, "state", "proposed");
  assert_text (f, id, "decided_on", NULL);
}

static void
test_restriction_required (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f);
  gint64 id = propose (f, &c, c.entity, 3, "2026-03-01");

  rules_act_as (f, "president");
  g_assert_false (zx_listing_decide (f->store, id, 0, "2026-03-05", 0, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "consumption restriction"));
  g_clear_error (&error);
  assert_text (f, id, "state", "proposed");

  /* A restriction issued after the decision day does not count; one before it does. */
  rules_add_restriction (f, c.kase, c.entity, "2026-03-06");
  g_assert_false (zx_listing_decide (f->store, id, 0, "2026-03-05", 0, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  decide_ok (f, id, "2026-03-06", 0);
  assert_text (f, id, "state", "decided");
  assert_text (f, id, "period_end", "2028-03-05");
}

static void
test_propose_checks (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f);
  gint64 applicant = rules_add_party (f, c.kase, "applicant", "person", "戊申请人", ADULT_ID);
  ZxListingApplication bad_ground = { c.kase, c.person, 7, NULL, "2026-03-01" };
  ZxListingApplication not_respondent = { c.kase, applicant, 2, NULL, "2026-03-01" };
  ZxListingApplication ok = { c.kase, c.person, 2, NULL, "2026-03-01" };

  rules_act_as (f, "officer");
  g_assert_cmpint (zx_listing_propose (f->store, &bad_ground, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (zx_listing_propose (f->store, &not_respondent, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "respondent"));
  g_clear_error (&error);
  g_assert_cmpint (zx_listing_propose (f->store, &ok, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (zx_listing_propose (f->store, &ok, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);

  rules_act_as (f, "police");
  g_assert_cmpint (zx_listing_propose (f->store, &ok, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
}

/* ---- decision, grace, publication ------------------------------------------------------- */

static void
test_decide_grace_publish (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f);
  gint64 id;

  rules_add_restriction (f, c.kase, c.person, "2026-01-05");
  id = propose (f, &c, c.person, 2, "2026-01-05");

  /* Officers and clerks do not decide; the president or the director does. */
  rules_act_as (f, "officer");
  g_assert_false (zx_listing_decide (f->store, id, 0, "2026-01-10", 2, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "president or the director"));
  g_clear_error (&error);
  rules_act_as (f, "clerk");
  g_assert_false (zx_listing_decide (f->store, id, 0, "2026-01-10", 2, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);
  /* At most 3 months of grace. */
  rules_act_as (f, "president");
  g_assert_false (zx_listing_decide (f->store, id, 0, "2026-01-10", 4, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);

  zx_listing_decide (f->store, id, 0, "2026-01-10", 2, &error);
  g_assert_no_error (error);
  assert_text (f, id, "state", "grace");
  assert_text (f, id, "decided_on", "2026-01-10");
  assert_text (f, id, "grace_until", "2026-03-09");
  assert_text (f, id, "period_end", "2028-01-09");

  /* Not while in grace; not by an officer; from the day after grace_until by the clerk. */
  rules_act_as (f, "clerk");
  g_assert_false (zx_listing_publish (f->store, id, 0, "2026-03-09", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-03-10"));
  g_clear_error (&error);
  assert_text (f, id, "state", "grace");
  rules_act_as (f, "officer");
  g_assert_false (zx_listing_publish (f->store, id, 0, "2026-03-10", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);
  rules_act_as (f, "clerk");
  zx_listing_publish (f->store, id, 0, "2026-03-10", &error);
  g_assert_no_error (error);
  assert_text (f, id, "state", "published");
  assert_text (f, id, "published_on", "2026-03-10");
  /* Once only. */
  g_assert_false (zx_listing_publish (f->store, id, 0, "2026-03-11", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
}

static void
test_ground_one_no_period (RulesFixture *f, gconstpointer data)
{
  Case c = add_case (f);
  gint64 id;

  rules_add_restriction (f, c.kase, c.person, "2026-01-05");
  id = propose (f, &c, c.person, 1, "2026-01-05");
  decide_ok (f, id, "2026-01-06", 0);
  assert_text (f, id, "state", "decided");
  assert_text (f, id, "period_end", NULL);
  assert_text (f, id, "grace_until", NULL);
}

/* ---- removal ---------------------------------------------------------------------------- */

static ZxListingDue *
find_due (GPtrArray *dues, gint64 id)
{
  for (guint i = 0; i < dues->len; i++)
    if (((ZxListingDue *) g_ptr_array_index (dues, i))->entry_id == id)
      return g_ptr_array_index (dues, i);
  return NULL;
}

static GPtrArray *
dues_on (RulesFixture *f, const char *today)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *dues = zx_listing_due_removals (f->store, today, 0, 0, &error);

  g_assert_no_error (error);
  return dues;
}

/* Paid in full on Wednesday 2026-09-30: 10-01 … 10-07 are the National Day holiday, 10-08 and
 * 10-09 work, Saturday 10-10 is a make-up working day: removal is due on 2026-10-10. */
static void
test_removal_after_payment_across_holiday (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) within = NULL;
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GPtrArray) after = NULL;
  Case c = add_case (f);
  gint64 id = published (f, &c, 2, "2026-06-01");
  ZxListingDue *due;
  gboolean in_time = FALSE;

  before = dues_on (f, "2026-10-09");
  g_assert_null (find_due (before, id));

  rules_act_as (f, "officer");
  zx_listing_record_ground (f->store, id, 0, ZX_LISTING_PERFORMED, "2026-09-30", &error);
  g_assert_no_error (error);
  assert_text (f, id, "removal_due_on", "2026-10-10");
  assert_text (f, id, "state", "published");

  within = dues_on (f, "2026-10-09");
  due = find_due (within, id);
  g_assert_nonnull (due);
  g_assert_cmpstr (due->due_on, ==, "2026-10-10");
  g_assert_cmpstr (due->reason, ==, ZX_LISTING_PERFORMED);
  g_assert_cmpstr (due->party, ==, "乙被执行人");
  g_assert_cmpint (due->days, ==, 1);
  g_assert_false (due->overdue);
  late = dues_on (f, "2026-10-12");
  due = find_due (late, id);
  g_assert_nonnull (due);
  g_assert_cmpint (due->days, ==, -2);
  g_assert_true (due->overdue);

  /* Only command-center staff remove. */
  g_assert_false (zx_listing_remove (f->store, id, 0, NULL, NULL, "2026-10-09", NULL, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);
  rules_act_as (f, "clerk");
  zx_listing_remove (f->store, id, 0, NULL, NULL, "2026-10-10", &in_time, &error);
  g_assert_no_error (error);
  g_assert_true (in_time);
  assert_text (f, id, "state", "removed");
  assert_text (f, id, "removed_on", "2026-10-10");
  assert_text (f, id, "removal_reason", "performed");
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit WHERE action = 'list_remove'"
                                   " AND after_json LIKE '%\"deadline_met\":true%'"),
                   ==, 1);
  after = dues_on (f, "2026-10-12");
  g_assert_null (find_due (after, id));
}

static void
test_late_removal_recorded (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f);
  gint64 id = published (f, &c, 3, "2026-06-01");
  gboolean in_time = TRUE;

  rules_act_as (f, "admin");
  /* A ground given at removal time: settlement performed on 2026-09-30. */
  zx_listing_remove (f->store, id, 0, ZX_LISTING_SETTLEMENT_PERFORMED, "2026-09-30",
                     "2026-10-12", &in_time, &error);
  g_assert_no_error (error);
  g_assert_false (in_time);
  assert_text (f, id, "removal_due_on", "2026-10-10");
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit WHERE action = 'list_remove'"
                                   " AND after_json LIKE '%\"deadline_met\":false%'"),
                   ==, 1);
}

/* Decided 2024-03-01, ground 2: the two years run through 2026-02-28, a Saturday that is a
 * make-up working day of the 2026 Spring Festival. The next three working days are 03-02,
 * 03-03, 03-04. */
static void
test_period_end_removal (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) on_end = NULL;
  g_autoptr (GPtrArray) after = NULL;
  Case c = add_case (f);
  gint64 id = published (f, &c, 2, "2024-03-01");
  ZxListingDue *due;
  gboolean in_time = FALSE;

  assert_text (f, id, "period_end", "2026-02-28");
  on_end = dues_on (f, "2026-02-28");
  g_assert_null (find_due (on_end, id));
  after = dues_on (f, "2026-03-02");
  due = find_due (after, id);
  g_assert_nonnull (due);
  g_assert_cmpstr (due->reason, ==, ZX_LISTING_PERIOD_ENDED);
  g_assert_cmpstr (due->due_on, ==, "2026-03-04");
  g_assert_cmpint (due->days, ==, 2);

  rules_act_as (f, "clerk");
  /* Not before the period has run. */
  g_assert_false (zx_listing_remove (f->store, id, 0, ZX_LISTING_PERIOD_ENDED, NULL,
                                     "2026-02-27", NULL, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  zx_listing_remove (f->store, id, 0, ZX_LISTING_PERIOD_ENDED, NULL, "2026-03-03", &in_time,
                     &error);
  g_assert_no_error (error);
  g_assert_true (in_time);
  assert_text (f, id, "removal_due_on", "2026-03-04");
  assert_text (f, id, "state", "removed");
}

static void
test_removal_needs_a_ground (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f);
  gint64 id = published (f, &c, 1, "2026-06-01");

  rules_act_as (f, "clerk");
  g_assert_false (zx_listing_remove (f->store, id, 0, NULL, NULL, "2026-10-09", NULL, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zx_listing_remove (f->store, id, 0, "paid", "2026-10-01", "2026-10-09", NULL,
                                     &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  /* Ground 1 has no period to end. */
  g_assert_false (zx_listing_remove (f->store, id, 0, ZX_LISTING_PERIOD_ENDED, NULL,
                                     "2026-10-09", NULL, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  assert_text (f, id, "state", "published");
}

/* ---- revocation, correction, extension -------------------------------------------------- */

static void
test_revoke (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f);
  gint64 id = published (f, &c, 2, "2026-06-01");
  gboolean in_time = FALSE;

  rules_act_as (f, "director");
  g_assert_false (zx_listing_revoke (f->store, id, 0, "2026-09-30", "2026-10-09", NULL, NULL,
                                     &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  zx_listing_revoke (f->store, id, 0, "2026-09-30", "2026-10-09", "被执行人身份错误", &in_time,
                     &error);
  g_assert_no_error (error);
  g_assert_true (in_time);
  assert_text (f, id, "state", "revoked");
  assert_text (f, id, "removal_reason", "wrongful");
  assert_text (f, id, "removal_due_on", "2026-10-10");
  assert_text (f, id, "removed_on", "2026-10-09");
  g_assert_cmpint (rules_count (f, "SELECT count(*) FROM audit WHERE action = 'list_revoke'"
                                   " AND after_json LIKE '%被执行人身份错误%'"),
                   ==, 1);
}

static void
test_correct (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) party = json_object_new ();
  g_autoptr (JsonObject) to_minor = json_object_new ();
  Case c = add_case (f);
  gint64 id = published (f, &c, 2, "2026-06-01");
  ZxListingCorrection fix = { 1, "隐匿财产", NULL };
  ZxListingCorrection bad = { 0, NULL, to_minor };
  g_autofree char *name = NULL;
  gboolean in_time = FALSE;

  rules_act_as (f, "leader");
  json_object_set_string_member (party, "name", "乙某某");
  fix.party_fields = party;
  zx_listing_correct (f->store, id, 0, "2026-09-30", "2026-10-12", &fix, &in_time, &error);
  g_assert_no_error (error);
  g_assert_false (in_time);
  assert_text (f, id, "conduct", "隐匿财产");
  assert_text (f, id, "period_end", NULL);
  g_assert_cmpint (rules_get_int (f, "blacklist_entries", id, "ground"), ==, 1);
  name = rules_get_text (f, "parties", c.person, "name");
  g_assert_cmpstr (name, ==, "乙某某");

  /* A corrected ID that shows a minor is refused, and nothing changes. */
  json_object_set_string_member (to_minor, "id_no", MINOR_ID);
  g_assert_false (zx_listing_correct (f->store, id, 0, "2026-10-12", "2026-10-12", &bad, NULL,
                                      &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "minor"));
  g_clear_error (&error);
  g_clear_pointer (&name, g_free);
  name = rules_get_text (f, "parties", c.person, "id_no");
  g_assert_cmpstr (name, ==, ADULT_ID);
}

static void
test_extend (RulesFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Case c = add_case (f);
  gint64 id = published (f, &c, 2, "2026-01-10");

  assert_text (f, id, "period_end", "2028-01-09");
  rules_act_as (f, "clerk");
  g_assert_false (zx_listing_extend (f->store, id, 0, 12, "2027-12-01", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_DENIED);
  g_clear_error (&error);
  rules_act_as (f, "president");
  g_assert_false (zx_listing_extend (f->store, id, 0, 6, "2027-12-01", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);
  zx_listing_extend (f->store, id, 0, 24, "2027-12-01", &error);
  g_assert_no_error (error);
  assert_text (f, id, "period_end", "2030-01-09");
  /* 3 years in all at most: 24 + 12 fits, 24 + 24 does not. */
  g_assert_false (zx_listing_extend (f->store, id, 0, 24, "2029-12-01", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2031-01-09"));
  g_clear_error (&error);
  zx_listing_extend (f->store, id, 0, 12, "2029-12-01", &error);
  g_assert_no_error (error);
  assert_text (f, id, "period_end", "2031-01-09");
  /* Not after the period has ended. */
  g_assert_false (zx_listing_extend (f->store, id, 0, 12, "2031-02-01", &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
}

/* The 'listing' node rule (listing_decision: 15 days): an application starts the node, the
 * decision completes it. */
static void
test_decision_node (RulesFixture *f, gconstpointer data)
{
  Case c = add_case (f);
  g_autofree char *due = NULL;
  g_autofree char *done = NULL;
  gint64 id, node;

  rules_add_restriction (f, c.kase, c.person, "2026-03-01");
  id = propose (f, &c, c.person, 2, "2026-03-01");
  node = rules_count (f, "SELECT id FROM nodes WHERE kind = 'listing_decision'");
  g_assert_cmpint (rules_get_int (f, "nodes", node, "ref_id"), ==, id);
  due = rules_get_text (f, "nodes", node, "due_on");
  g_assert_cmpstr (due, ==, "2026-03-16");
  decide_ok (f, id, "2026-03-10", 0);
  done = rules_get_text (f, "nodes", node, "done_on");
  g_assert_cmpstr (done, ==, "2026-03-10");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  RULES_TEST ("/listing/minor-refused", test_minor_refused);
  RULES_TEST ("/listing/restriction-required", test_restriction_required);
  RULES_TEST ("/listing/propose-checks", test_propose_checks);
  RULES_TEST ("/listing/decide-grace-publish", test_decide_grace_publish);
  RULES_TEST ("/listing/ground-one-no-period", test_ground_one_no_period);
  RULES_TEST ("/listing/removal/after-payment-across-holiday",
              test_removal_after_payment_across_holiday);
  RULES_TEST ("/listing/removal/late", test_late_removal_recorded);
  RULES_TEST ("/listing/removal/period-end", test_period_end_removal);
  RULES_TEST ("/listing/removal/needs-a-ground", test_removal_needs_a_ground);
  RULES_TEST ("/listing/revoke", test_revoke);
  RULES_TEST ("/listing/correct", test_correct);
  RULES_TEST ("/listing/extend", test_extend);
  RULES_TEST ("/listing/decision-node", test_decision_node);

  return g_test_run ();
}
