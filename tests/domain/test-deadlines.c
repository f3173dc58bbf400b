/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "domain/zx-deadlines.h"
#include "zx-domain-test.h"

/* ---- a case's node timeline across the 2026 Spring Festival ----------------------------- */

/* Filed Thursday 2026-02-12, the last week before the holiday (off Sun 02-15 … Mon 02-23,
 * make-up working days Sat 02-14 and Sat 02-28); assigned Friday 02-13; a lead recorded on
 * the make-up Saturday; an urgent lead after the holiday. */
static const ZxNodeEvent case_events[] = {
  { "filed", "2026-02-12", 0 },
  { "assigned", "2026-02-13", 0 },
  { "lead", "2026-02-14", 501 },
  { "lead_urgent", "2026-02-24", 502 },
};

typedef struct
{
  const char *kind;
  gint64 ref_id;
  const char *due_on;
  const char *done_on;
  ZxNodeStatus status;  /* on 2026-02-17, in the middle of the holiday */
} TimelineRow;

/* DOMAIN.md's default rules are calendar days and months: the holiday does not move them. */
static const TimelineRow default_timeline[] = {
  { "officer_assigned", 0, "2026-02-19", NULL, ZX_NODE_DUE_SOON },
  { "network_query", 0, "2026-02-15", NULL, ZX_NODE_OVERDUE },
  { "property_report", 0, "2026-02-19", NULL, ZX_NODE_DUE_SOON },
  { "p2p_query", 0, "2026-02-27", NULL, ZX_NODE_OPEN },
  { "four_checks", 0, "2026-05-12", NULL, ZX_NODE_OPEN },
  { "case_concluded", 0, "2026-08-12", NULL, ZX_NODE_OPEN },
  { "execution_notice", 0, "2026-02-16", "2026-02-16", ZX_NODE_DONE },
  { "lead_verified", 501, "2026-02-21", NULL, ZX_NODE_OPEN },
  { "lead_verified_urgent", 502, "2026-02-27", NULL, ZX_NODE_OPEN },
};

static void
assert_timeline (GArray *nodes, const TimelineRow *rows, gsize n_rows, const char *today)
{
  g_assert_cmpuint (nodes->len, ==, n_rows);
  for (gsize i = 0; i < n_rows; i++)
    {
      const ZxNodeDue *node = &g_array_index (nodes, ZxNodeDue, i);

      g_assert_cmpstr (node->kind, ==, rows[i].kind);
      g_assert_cmpint (node->occurrence, ==, 1);
      g_assert_cmpint (node->ref_id, ==, rows[i].ref_id);
      g_assert_cmpstr (node->due_on, ==, rows[i].due_on);
      g_assert_cmpint (zx_node_status (node->due_on, rows[i].done_on, today, node->warn_days), ==,
                       rows[i].status);
    }
}

static void
test_timeline_defaults (void)
{
  const ZxNodeRule *rules;
  gsize n_rules;
  g_autoptr (GArray) nodes = NULL;
  g_autoptr (GError) error = NULL;

  rules = zx_node_rules_defaults (&n_rules);
  nodes = zx_nodes_plan (zx_test_holidays (), rules, n_rules, case_events,
                         G_N_ELEMENTS (case_events), &error);
  g_assert_no_error (error);
  assert_timeline (nodes, default_timeline, G_N_ELEMENTS (default_timeline), "2026-02-17");
}

/* A court that counts the notice and lead checks in working days. */
static const ZxNodeRule working_rules[] = {
  { "execution_notice", "assigned", 3, "working_days", 1, 1 },
  { "lead_verified", "lead", 7, "working_days", 1, 2 },
  { "case_concluded", "filed", 6, "months", 1, 7 },
};

static const TimelineRow working_timeline[] = {
  { "case_concluded", 0, "2026-08-12", NULL, ZX_NODE_OPEN },
  /* Fri 02-13 → make-up Sat 02-14, Tue 02-24, Wed 02-25 */
  { "execution_notice", 0, "2026-02-25", NULL, ZX_NODE_DUE_SOON },
  /* Sat 02-14 → 02-24 … 02-27, make-up Sat 02-28, Mon 03-02, Tue 03-03 */
  { "lead_verified", 501, "2026-03-03", NULL, ZX_NODE_OPEN },
};

static void
test_timeline_working_days (void)
{
  g_autoptr (GArray) nodes = NULL;
  g_autoptr (GError) error = NULL;

  nodes = zx_nodes_plan (zx_test_holidays (), working_rules, G_N_ELEMENTS (working_rules),
                         case_events, G_N_ELEMENTS (case_events), &error);
  g_assert_no_error (error);
  assert_timeline (nodes, working_timeline, G_N_ELEMENTS (working_timeline), "2026-02-24");
}

static void
test_plan_errors (void)
{
  static const ZxNodeRule bad_unit[] = { { "x", "filed", 3, "fortnights", 1, 3 } };
  static const ZxNodeRule bad_repeat[] = { { "x", "filed", 3, "days", 0, 3 } };
  static const ZxNodeEvent bad_date[] = { { "filed", "2026-02-30", 0 } };
  static const ZxNodeEvent other[] = { { "seizure", "2026-02-01", 9 } };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) none = NULL;
  const ZxCalendar *cal = zx_test_holidays ();

  g_assert_null (zx_nodes_plan (cal, bad_unit, 1, case_events, 1, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Node rule “x”: unknown period unit"));
  g_clear_error (&error);

  g_assert_null (zx_nodes_plan (cal, bad_repeat, 1, case_events, 1, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (zx_nodes_plan (cal, working_rules, 3, bad_date, 1, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);

  /* An event no rule listens to makes no nodes. */
  none = zx_nodes_plan (cal, working_rules, 3, other, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---- 终本: re-query every 6 months for 5 years ------------------------------------------ */

typedef struct
{
  const char *zhongben_on;
  const char *due[11];
} RequeryCase;

static const RequeryCase requery_cases[] = {
  { "2026-03-15",
    { "2026-09-15", "2027-03-15", "2027-09-15", "2028-03-15", "2028-09-15", "2029-03-15",
      "2029-09-15", "2030-03-15", "2030-09-15", "2031-03-15", NULL } },
  /* Month ends: each date is counted from the 终本 day, so 02-28 never drifts into 08-28. */
  { "2026-08-31",
    { "2027-02-28", "2027-08-31", "2028-02-29", "2028-08-31", "2029-02-28", "2029-08-31",
      "2030-02-28", "2030-08-31", "2031-02-28", "2031-08-31", NULL } },
};

static const ZxNodeRule *
default_rule (const char *kind)
{
  gsize n;
  const ZxNodeRule *rules = zx_node_rules_defaults (&n);

  for (gsize i = 0; i < n; i++)
    if (strcmp (rules[i].kind, kind) == 0)
      return &rules[i];

  g_assert_not_reached ();
}

static void
test_requery (gconstpointer data)
{
  const RequeryCase *c = data;
  const ZxNodeRule *rule = default_rule ("zhongben_requery");
  ZxNodeEvent event = { "zhongben", c->zhongben_on, 0 };
  g_autoptr (GArray) nodes = NULL;
  g_auto (GStrv) dates = NULL;

  g_assert_cmpint (rule->repeat_count, ==, 10);
  dates = zx_node_rule_due_dates (zx_test_holidays (), rule, c->zhongben_on, NULL);
  g_assert_cmpstrv (dates, c->due);

  nodes = zx_nodes_plan (zx_test_holidays (), rule, 1, &event, 1, NULL);
  g_assert_cmpuint (nodes->len, ==, 10);
  for (guint i = 0; i < nodes->len; i++)
    {
      g_assert_cmpint (g_array_index (nodes, ZxNodeDue, i).occurrence, ==, (int) i + 1);
      g_assert_cmpstr (g_array_index (nodes, ZxNodeDue, i).due_on, ==, c->due[i]);
    }
}

/* ---- node status ----------------------------------------------------------------------- */

typedef struct
{
  const char *due_on;
  const char *done_on;
  const char *today;
  int warn_days;
  ZxNodeStatus status;
} StatusCase;

static const StatusCase status_cases[] = {
  { "2026-03-10", NULL, "2026-03-01", 3, ZX_NODE_OPEN },
  { "2026-03-10", NULL, "2026-03-06", 3, ZX_NODE_OPEN },
  { "2026-03-10", NULL, "2026-03-07", 3, ZX_NODE_DUE_SOON },  /* exactly warn_days ahead */
  { "2026-03-10", NULL, "2026-03-10", 3, ZX_NODE_DUE_SOON },  /* the due day itself */
  { "2026-03-10", NULL, "2026-03-11", 3, ZX_NODE_OVERDUE },
  { "2026-03-10", NULL, "2026-03-10", 0, ZX_NODE_DUE_SOON },
  { "2026-03-10", NULL, "2026-03-09", 0, ZX_NODE_OPEN },
  { "2026-03-10", "", "2026-03-11", 3, ZX_NODE_OVERDUE },     /* empty means not done */
  { "2026-03-10", "2026-03-20", "2026-04-01", 3, ZX_NODE_DONE },  /* late, but done */
  { "2026-03-10", "2026-03-02", "2026-03-01", 3, ZX_NODE_DONE },
  { "2026-03-10", "yesterday", "2026-03-01", 3, ZX_NODE_UNKNOWN },
  { "2026-02-30", NULL, "2026-03-01", 3, ZX_NODE_UNKNOWN },
  { NULL, NULL, "2026-03-01", 3, ZX_NODE_UNKNOWN },
  { "2026-03-10", NULL, NULL, 3, ZX_NODE_UNKNOWN },
};

static void
test_status (gconstpointer data)
{
  const StatusCase *c = data;

  g_assert_cmpint (zx_node_status (c->due_on, c->done_on, c->today, c->warn_days), ==,
                   c->status);
}

static void
test_status_strings (void)
{
  g_assert_cmpstr (zx_node_status_to_string (ZX_NODE_DUE_SOON), ==, "due_soon");
  g_assert_cmpstr (zx_node_status_to_string (ZX_NODE_OVERDUE), ==, "overdue");
  g_assert_cmpstr (zx_seizure_status_to_string (ZX_SEIZURE_EXPIRING_SOON), ==, "expiring_soon");
  g_assert_cmpstr (zx_seizure_status_to_string (ZX_SEIZURE_LAPSED), ==, "lapsed");
}

/* ---- the case's statutory limit --------------------------------------------------------- */

static void
test_case_deadline (void)
{
  struct
  {
    const char *filed_on;
    int months, extension, suspended;
    const char *deadline;
  } rows[] = {
    { "2026-01-10", 6, 0, 0, "2026-07-10" },
    { "2026-01-10", 3, 0, 0, "2026-04-10" },    /* 非诉 */
    { "2026-01-10", 6, 3, 0, "2026-10-10" },
    { "2026-01-10", 6, 3, 20, "2026-10-30" },   /* 20 days of 中止 do not count */
    { "2025-08-31", 6, 0, 0, "2026-02-28" },
    { "2026-01-10", 0, 0, 0, NULL },
    { "2026-01-10", 6, -1, 0, NULL },
    { "2026-01-10", 6, 0, -1, NULL },
    { "2026-1-10", 6, 0, 0, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *deadline = zx_case_deadline (rows[i].filed_on, rows[i].months,
                                                    rows[i].extension, rows[i].suspended);

      g_assert_cmpstr (deadline, ==, rows[i].deadline);
    }

  {
    g_autofree char *ask = zx_case_extension_ask_by ("2026-07-10", 5);

    g_assert_cmpstr (ask, ==, "2026-07-05");
  }
}

/* ---- seizures -------------------------------------------------------------------------- */

static int
default_term (const char *kind)
{
  gsize n;
  const ZxSeizureTerm *terms = zx_seizure_default_terms (&n);

  for (gsize i = 0; i < n; i++)
    if (strcmp (terms[i].kind, kind) == 0)
      return terms[i].months;

  g_assert_not_reached ();
}

static void
test_seizure_expiry (void)
{
  g_autofree char *deposit = zx_seizure_expiry ("2026-01-10", default_term ("deposit"));
  g_autofree char *car = zx_seizure_expiry ("2026-03-31", default_term ("vehicle"));
  g_autofree char *house = zx_seizure_expiry ("2024-02-29", default_term ("real_estate"));
  g_autofree char *shares = zx_seizure_expiry ("2026-03-01", default_term ("equity"));

  g_assert_cmpint (default_term ("movable"), ==, 24);
  g_assert_cmpint (default_term ("other"), ==, 36);
  /* A 1-year freeze from 2026-01-10 runs through 2027-01-09. */
  g_assert_cmpstr (deposit, ==, "2027-01-09");
  g_assert_cmpstr (car, ==, "2028-03-30");
  g_assert_cmpstr (house, ==, "2027-02-28");
  g_assert_cmpstr (shares, ==, "2029-02-28");
}

static void
test_seizure_renewed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = zx_seizure_expiry ("2026-01-10", 12);
  g_autofree char *renewed = NULL;
  g_autofree char *on_the_day = NULL;
  g_autofree char *shorter = NULL;
  char *late, *too_long;

  /* Renewed before expiry: the new year follows the old one without a gap. */
  renewed = zx_seizure_renew (first, "2026-12-20", 12, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renewed, ==, "2028-01-09");
  g_assert_cmpint (zx_seizure_status ("effective", renewed, "2027-01-10", 30, 7), ==,
                   ZX_SEIZURE_ACTIVE);

  on_the_day = zx_seizure_renew (first, "2027-01-09", 12, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_the_day, ==, "2028-01-09");

  shorter = zx_seizure_renew ("2027-01-31", "2027-01-02", 1, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shorter, ==, "2027-02-28");

  late = zx_seizure_renew (first, "2027-01-10", 12, 12, &error);
  g_assert_null (late);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "lapsed after 2027-01-09"));
  g_clear_error (&error);

  too_long = zx_seizure_renew (first, "2026-12-20", 13, 12, &error);
  g_assert_null (too_long);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
}

typedef struct
{
  const char *state;
  const char *expires_on;
  const char *today;
  ZxSeizureStatus status;
} SeizureStatusCase;

/* A deposit freeze from 2026-01-10, in force through 2027-01-09, warned 30 and 7 days ahead. */
static const SeizureStatusCase seizure_status_cases[] = {
  { "effective", "2027-01-09", "2026-12-09", ZX_SEIZURE_ACTIVE },
  { "effective", "2027-01-09", "2026-12-10", ZX_SEIZURE_EXPIRING },  /* 30 days left */
  { "effective", "2027-01-09", "2027-01-01", ZX_SEIZURE_EXPIRING },
  { "effective", "2027-01-09", "2027-01-02", ZX_SEIZURE_EXPIRING_SOON },  /* 7 days left */
  { "effective", "2027-01-09", "2027-01-09", ZX_SEIZURE_EXPIRING_SOON },
  { "effective", "2027-01-09", "2027-01-10", ZX_SEIZURE_LAPSED },  /* not renewed */
  { "lapsed", "2027-01-09", "2027-01-10", ZX_SEIZURE_LAPSED },
  { "released", "2027-01-09", "2027-03-01", ZX_SEIZURE_RELEASED },
  { "waiting", NULL, "2027-03-01", ZX_SEIZURE_WAITING },
  { "effective", NULL, "2027-03-01", ZX_SEIZURE_UNKNOWN },
  { "frozen", "2027-01-09", "2027-03-01", ZX_SEIZURE_UNKNOWN },
};

static void
test_seizure_status (gconstpointer data)
{
  const SeizureStatusCase *c = data;

  g_assert_cmpint (zx_seizure_status (c->state, c->expires_on, c->today, 30, 7), ==, c->status);
}

static void
test_seizure_waiting (void)
{
  /* A house seized by case 1; cases 2 and 3 wait (3 registered first). */
  ZxSeizureSlot slots[] = {
    { 1, "effective", 0, 36 },
    { 2, "waiting", 2, 36 },
    { 3, "waiting", 1, 24 },
    { 4, "released", 0, 36 },
  };
  g_autofree char *start = NULL;
  g_autofree char *expiry = NULL;
  char *unused_start = NULL, *unused_expiry = NULL;

  g_assert_cmpint (zx_seizure_next_effective (slots, G_N_ELEMENTS (slots), 1, "2026-05-20",
                                              &start, &expiry),
                   ==, 2);
  g_assert_cmpstr (start, ==, "2026-05-20");
  g_assert_cmpstr (expiry, ==, "2028-05-19");

  /* Later the second seizure is released too: the last waiting one takes over. */
  slots[0].state = "released";
  slots[2].state = "effective";
  g_clear_pointer (&start, g_free);
  g_clear_pointer (&expiry, g_free);
  g_assert_cmpint (zx_seizure_next_effective (slots, G_N_ELEMENTS (slots), 3, "2027-01-04",
                                              &start, &expiry),
                   ==, 1);
  g_assert_cmpstr (start, ==, "2027-01-04");
  g_assert_cmpstr (expiry, ==, "2030-01-03");

  /* While another seizure still holds the object, nobody moves up. */
  slots[3].state = "effective";
  g_assert_cmpint (zx_seizure_next_effective (slots, G_N_ELEMENTS (slots), 3, "2027-01-04",
                                              &unused_start, &unused_expiry),
                   ==, -1);

  /* Nobody waiting. */
  g_assert_cmpint (zx_seizure_next_effective (slots, 1, 1, "2027-01-04", &unused_start,
                                              &unused_expiry),
                   ==, -1);
  g_assert_null (unused_start);
  g_assert_null (unused_expiry);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/domain/deadlines/timeline/defaults", test_timeline_defaults);
  g_test_add_func ("/domain/deadlines/timeline/working-days", test_timeline_working_days);
  g_test_add_func ("/domain/deadlines/plan-errors", test_plan_errors);
  ZX_ADD_TABLE ("/domain/deadlines/requery", requery_cases, test_requery);
  ZX_ADD_TABLE ("/domain/deadlines/status", status_cases, test_status);
  g_test_add_func ("/domain/deadlines/status-strings", test_status_strings);
  g_test_add_func ("/domain/deadlines/case-deadline", test_case_deadline);
  g_test_add_func ("/domain/deadlines/seizure/expiry", test_seizure_expiry);
  g_test_add_func ("/domain/deadlines/seizure/renewed", test_seizure_renewed);
  ZX_ADD_TABLE ("/domain/deadlines/seizure/status", seizure_status_cases, test_seizure_status);
  g_test_add_func ("/domain/deadlines/seizure/waiting", test_seizure_waiting);

  return g_test_run ();
}
