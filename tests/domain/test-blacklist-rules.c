/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "domain/zx-blacklist-rules.h"
#include "zx-domain-test.h"

/* A woman born 1964-02-14: published as 3423011964****3224 (the domain notes' sample). */
#define ADULT_ID "342301196402143224"
#define ADULT_MASKED "3423011964****3224"
#define MINOR_ID "110105201003070017"      /* born 2010-03-07 */
#define EIGHTEEN_ID "110105200803010026"   /* born 2008-03-01: 18 on 2026-03-01 */
#define SEVENTEEN_ID "110105200803020013"  /* born 2008-03-02: 18 on 2026-03-02 */
#define BAD_CHECK_ID "342301196402143225"
#define CREDIT_CODE "91350100M000100Y43"

#define TODAY "2026-03-01"

static ZxListParams params;

/* ---- periods and deadlines ------------------------------------------------------------- */

typedef struct
{
  int ground;
  const char *decided_on;
  int extension;
  gboolean ok;
  const char *end;
} PeriodCase;

static const PeriodCase period_cases[] = {
  { 1, "2026-01-10", 0, TRUE, NULL },  /* no fixed period */
  { 2, "2026-01-10", 0, TRUE, "2028-01-09" },
  { 2, "2026-01-10", 12, TRUE, "2029-01-09" },
  { 5, "2026-01-10", 36, TRUE, "2031-01-09" },
  { 6, "2024-02-29", 0, TRUE, "2026-02-28" },
  { 2, "2026-01-10", 6, FALSE, NULL },
  { 2, "2026-01-10", 48, FALSE, NULL },
  { 1, "2026-01-10", 12, FALSE, NULL },
  { 0, "2026-01-10", 0, FALSE, NULL },
  { 7, "2026-01-10", 0, FALSE, NULL },
  { 3, "2026-01-32", 0, FALSE, NULL },
  { 1, NULL, 0, FALSE, NULL },
};

static void
test_period_end (gconstpointer data)
{
  const PeriodCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *end = NULL;
  gboolean ok = zx_list_period_end (&params, c->ground, c->decided_on, c->extension, &end,
                                    &error);

  g_assert_cmpint (ok, ==, c->ok);
  g_assert_cmpstr (end, ==, c->end);
  if (ok)
    g_assert_no_error (error);
  else
    g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
}

static void
test_grace (void)
{
  struct
  {
    int months;
    gboolean ok;
    const char *until;
  } rows[] = {
    { 0, TRUE, NULL }, { 1, TRUE, "2026-02-09" }, { 3, TRUE, "2026-04-09" },
    { 4, FALSE, NULL }, { -1, FALSE, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *until = NULL;

      g_assert_cmpint (zx_list_grace_until (&params, "2026-01-10", rows[i].months, &until,
                                            &error),
                       ==, rows[i].ok);
      g_assert_cmpstr (until, ==, rows[i].until);
      if (!rows[i].ok)
        g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
    }
}

typedef struct
{
  const char *from;
  const char *due;
} ActionCase;

static const ActionCase action_cases[] = {
  /* Paid in full on Thu 2026-02-12: Fri 02-13, make-up Sat 02-14, then the Spring Festival
   * until Mon 02-23: the entry must be gone by Tue 02-24. */
  { "2026-02-12", "2026-02-24" },
  { "2026-02-13", "2026-02-25" },
  /* A fixed period ending Thu 2026-04-30, just before Labour Day (off 05-01 … 05-05). */
  { "2026-04-30", "2026-05-08" },
  /* A wrong entry found on 2025-09-30: corrected by the make-up Saturday 2025-10-11. */
  { "2025-09-30", "2025-10-11" },
  { "2026-03-02", "2026-03-05" },
  { "2026-03-32", NULL },
};

static void
test_action_due (gconstpointer data)
{
  const ActionCase *c = data;
  g_autofree char *due = zx_list_action_due (zx_test_holidays (), &params, c->from);

  g_assert_cmpstr (due, ==, c->due);
}

static void
test_decision_due (void)
{
  g_autofree char *due = zx_list_decision_due (&params, "2026-02-01");

  g_assert_cmpstr (due, ==, "2026-02-16");
}

/* ---- who may be listed ----------------------------------------------------------------- */

typedef struct
{
  ZxListProposal proposal;
  const char *errors[3];  /* all empty: accepted */
} ProposalCase;

static const ProposalCase proposal_cases[] = {
  { { 1, TRUE, ADULT_ID, "2026-03-01", TRUE, 0, 0 }, { NULL } },
  { { 3, FALSE, NULL, "2026-03-01", TRUE, 2, 0 }, { NULL } },
  { { 2, TRUE, ADULT_ID, "2026-03-01", TRUE, 3, 36 }, { NULL } },
  { { 1, TRUE, EIGHTEEN_ID, "2026-03-01", TRUE, 0, 0 }, { NULL } },  /* 18 that day */
  { { 1, TRUE, EIGHTEEN_ID, "2026-02-28", TRUE, 0, 0 },
    { "a minor (aged 17 on 2026-02-28) is never listed" } },
  { { 1, TRUE, MINOR_ID, "2026-03-01", TRUE, 0, 0 },
    { "a minor (aged 15 on 2026-03-01) is never listed" } },
  { { 1, TRUE, BAD_CHECK_ID, "2026-03-01", TRUE, 0, 0 },
    { "the age cannot be established: ID number check character" } },
  { { 1, TRUE, NULL, "2026-03-01", TRUE, 0, 0 },
    { "the age cannot be established: ID number is empty" } },
  { { 1, TRUE, MINOR_ID, "2009-12-01", TRUE, 0, 0 },
    { "the age cannot be established", "is in the future" } },
  { { 0, FALSE, NULL, "2026-03-01", TRUE, 0, 0 }, { "a ground of art. 1 (1 to 6)" } },
  { { 7, FALSE, NULL, "2026-03-01", TRUE, 0, 0 }, { "a ground of art. 1 (1 to 6)" } },
  { { 1, FALSE, NULL, "2026-03-01", FALSE, 0, 0 }, { "consumption restriction" } },
  { { 1, FALSE, NULL, "2026-03-01", TRUE, 4, 0 }, { "the grace period is at most 3 months" } },
  { { 1, FALSE, NULL, "2026-03-01", TRUE, 0, 12 }, { "an extension is 12 to 36 months" } },
  { { 2, FALSE, NULL, "2026-03-01", TRUE, 0, 6 }, { "an extension is 12 to 36 months" } },
  { { 2, FALSE, NULL, "03/01/2026", TRUE, 0, 0 }, { "the decision date is not a real date" } },
  /* Every reason at once. */
  { { 4, TRUE, MINOR_ID, "2026-03-01", FALSE, 5, 0 },
    { "a minor (aged 15", "consumption restriction", "at most 3 months" } },
};

static void
test_proposal (gconstpointer data)
{
  const ProposalCase *c = data;
  g_autoptr (GError) error = NULL;
  gboolean ok = zx_list_check_proposal (&params, &c->proposal, &error);

  if (c->errors[0] == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Cannot list: "));
  for (gsize i = 0; i < G_N_ELEMENTS (c->errors) && c->errors[i] != NULL; i++)
    if (strstr (error->message, c->errors[i]) == NULL)
      g_error ("message “%s” lacks “%s”", error->message, c->errors[i]);
}

/* ---- the public view ------------------------------------------------------------------- */

static ZxListEntryFacts
published_person (void)
{
  return (ZxListEntryFacts) {
    .state = "published",
    .decided_on = "2025-10-20",
    .published_on = "2026-01-05",
    .period_end = "2027-10-19",
    .grace_until = "2026-01-04",
    .removed_on = NULL,
    .is_person = TRUE,
    .name = "王某某",
    .id_no = ADULT_ID,
    .legal_rep = "should not show",
    .obligation = "支付货款 120000 元及利息",
    .amount_due = 12000000,
    .amount_performed = 3000000,
    .conduct = "违反财产报告制度",
    .basis_org = "来安县人民法院",
    .basis_doc_no = "（2025）皖1122民初321号",
    .case_no = "（2025）皖1122执1194号",
    .filed_on = "2025-09-01",
    .court = "来安县人民法院",
  };
}

static void
test_view_person (void)
{
  ZxListEntryFacts facts = published_person ();
  g_autoptr (ZxPublicEntry) entry = zx_list_public_view (&facts, TODAY);

  g_assert_nonnull (entry);
  g_assert_true (entry->is_person);
  g_assert_cmpstr (entry->name, ==, "王某某");
  g_assert_cmpstr (entry->id_shown, ==, ADULT_MASKED);
  g_assert_cmpint (entry->sex, ==, 'F');
  g_assert_cmpint (entry->age, ==, 62);
  g_assert_cmpstr (entry->legal_rep, ==, "");
  g_assert_cmpstr (entry->obligation, ==, "支付货款 120000 元及利息");
  g_assert_cmpint (entry->amount_due, ==, 12000000);
  g_assert_cmpint (entry->amount_performed, ==, 3000000);
  g_assert_cmpint (entry->performance, ==, ZX_PERFORMANCE_PARTIAL);
  g_assert_cmpstr (entry->conduct, ==, "违反财产报告制度");
  g_assert_cmpstr (entry->basis_org, ==, "来安县人民法院");
  g_assert_cmpstr (entry->basis_doc_no, ==, "（2025）皖1122民初321号");
  g_assert_cmpstr (entry->case_no, ==, "（2025）皖1122执1194号");
  g_assert_cmpstr (entry->filed_on, ==, "2025-09-01");
  g_assert_cmpstr (entry->court, ==, "来安县人民法院");
  g_assert_cmpstr (entry->published_on, ==, "2026-01-05");
}

static void
test_view_entity (void)
{
  ZxListEntryFacts facts = published_person ();
  g_autoptr (ZxPublicEntry) entry = NULL;

  facts.is_person = FALSE;
  facts.name = "某某建材有限公司";
  facts.id_no = CREDIT_CODE;
  facts.legal_rep = "蔡某某";
  facts.amount_performed = 0;
  facts.conduct = NULL;
  entry = zx_list_public_view (&facts, TODAY);

  g_assert_nonnull (entry);
  g_assert_false (entry->is_person);
  g_assert_cmpstr (entry->id_shown, ==, CREDIT_CODE);  /* entity codes are shown whole */
  g_assert_cmpstr (entry->legal_rep, ==, "蔡某某");
  g_assert_cmpint (entry->sex, ==, 0);
  g_assert_cmpint (entry->age, ==, -1);
  g_assert_cmpint (entry->performance, ==, ZX_PERFORMANCE_NONE);
  g_assert_cmpstr (entry->conduct, ==, "");
}

typedef struct
{
  const char *what;
  const char *state;
  const char *published_on;
  const char *grace_until;
  const char *period_end;
  const char *removed_on;
  const char *id_no;
  const char *decided_on;
  gboolean shown;
} ViewCase;

/* Today is 2026-03-01. */
static const ViewCase view_cases[] = {
  { "published", "published", "2026-01-05", NULL, "2027-10-19", NULL, ADULT_ID, NULL, TRUE },
  { "published today", "published", TODAY, NULL, NULL, NULL, ADULT_ID, NULL, TRUE },
  { "last day of period", "published", "2026-01-05", NULL, TODAY, NULL, ADULT_ID, NULL, TRUE },
  { "grace ended yesterday", "published", "2026-01-05", "2026-02-28", NULL, NULL, ADULT_ID,
    NULL, TRUE },
  { "18 today", "published", "2026-01-05", NULL, NULL, NULL, EIGHTEEN_ID, NULL, TRUE },
  { "proposed", "proposed", NULL, NULL, NULL, NULL, ADULT_ID, NULL, FALSE },
  { "decided", "decided", NULL, NULL, NULL, NULL, ADULT_ID, NULL, FALSE },
  { "grace state", "grace", "2026-01-05", NULL, NULL, NULL, ADULT_ID, NULL, FALSE },
  { "removed", "removed", "2026-01-05", NULL, NULL, "2026-02-20", ADULT_ID, NULL, FALSE },
  { "revoked", "revoked", "2026-01-05", NULL, NULL, NULL, ADULT_ID, NULL, FALSE },
  { "removed date", "published", "2026-01-05", NULL, NULL, "2026-02-20", ADULT_ID, NULL, FALSE },
  { "not yet published", "published", "2026-03-02", NULL, NULL, NULL, ADULT_ID, NULL, FALSE },
  { "no publication date", "published", NULL, NULL, NULL, NULL, ADULT_ID, NULL, FALSE },
  { "in grace today", "published", "2026-01-05", TODAY, NULL, NULL, ADULT_ID, NULL, FALSE },
  { "in grace", "published", "2026-01-05", "2026-05-01", NULL, NULL, ADULT_ID, NULL, FALSE },
  { "period ended", "published", "2024-01-05", NULL, "2026-02-28", NULL, ADULT_ID, NULL, FALSE },
  { "minor", "published", "2026-01-05", NULL, NULL, NULL, MINOR_ID, NULL, FALSE },
  { "17 today", "published", "2026-01-05", NULL, NULL, NULL, SEVENTEEN_ID, NULL, FALSE },
  { "minor when listed", "published", "2026-01-05", NULL, NULL, NULL, EIGHTEEN_ID, "2026-01-04",
    FALSE },
  { "bad ID", "published", "2026-01-05", NULL, NULL, NULL, BAD_CHECK_ID, NULL, FALSE },
  { "no ID", "published", "2026-01-05", NULL, NULL, NULL, NULL, NULL, FALSE },
  { "15-digit ID", "published", "2026-01-05", NULL, NULL, NULL, "110105801231001", NULL, FALSE },
  { "bad period end", "published", "2026-01-05", NULL, "2027-02-30", NULL, ADULT_ID, NULL,
    FALSE },
  { "bad grace", "published", "2026-01-05", "soon", NULL, NULL, ADULT_ID, NULL, FALSE },
  { "bad decision date", "published", "2026-01-05", NULL, NULL, NULL, ADULT_ID, "2026-13-01",
    FALSE },
};

static void
test_view (gconstpointer data)
{
  const ViewCase *c = data;
  ZxListEntryFacts facts = published_person ();
  g_autoptr (ZxPublicEntry) entry = NULL;

  facts.state = c->state;
  facts.published_on = c->published_on;
  facts.grace_until = c->grace_until;
  facts.period_end = c->period_end;
  facts.removed_on = c->removed_on;
  facts.id_no = c->id_no;
  facts.decided_on = c->decided_on;
  entry = zx_list_public_view (&facts, TODAY);

  if (c->shown != (entry != NULL))
    g_error ("%s: %s", c->what, c->shown ? "hidden but should be shown" : "shown");
  if (entry != NULL)
    g_assert_cmpstr (entry->id_shown + 10, ==,
                     strcmp (c->id_no, ADULT_ID) == 0 ? "****3224" : "****0026");
}

static void
test_view_bad_today (void)
{
  ZxListEntryFacts facts = published_person ();

  g_assert_null (zx_list_public_view (&facts, NULL));
  g_assert_null (zx_list_public_view (&facts, "2026-02-29"));
}

/* Every combination of state, dates and identity: the view shows exactly the entries that
 * are published, in period, out of grace, not removed and of an adult, and never shows a
 * person's birth month and day. */
static void
test_view_never_leaks (void)
{
  const char *states[] = { "proposed", "decided", "grace", "published", "removed", "revoked" };
  const char *published[] = { NULL, "2025-06-01", TODAY, "2026-03-02", "bad" };
  const gboolean published_ok[] = { FALSE, TRUE, TRUE, FALSE, FALSE };
  const char *graces[] = { NULL, "2026-02-28", TODAY, "2026-06-01" };
  const gboolean grace_ok[] = { TRUE, TRUE, FALSE, FALSE };
  const char *periods[] = { NULL, "2026-02-28", TODAY, "2027-12-31" };
  const gboolean period_ok[] = { TRUE, FALSE, TRUE, TRUE };
  const char *removed[] = { NULL, "2026-02-20" };
  const char *ids[] = { ADULT_ID, EIGHTEEN_ID, SEVENTEEN_ID, MINOR_ID, BAD_CHECK_ID, NULL };
  const gboolean adult[] = { TRUE, TRUE, FALSE, FALSE, FALSE, FALSE };
  guint n_shown = 0, n_total = 0;

  for (gsize s = 0; s < G_N_ELEMENTS (states); s++)
    for (gsize p = 0; p < G_N_ELEMENTS (published); p++)
      for (gsize g = 0; g < G_N_ELEMENTS (graces); g++)
        for (gsize e = 0; e < G_N_ELEMENTS (periods); e++)
          for (gsize r = 0; r < G_N_ELEMENTS (removed); r++)
            for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
              {
                ZxListEntryFacts facts = published_person ();
                g_autoptr (ZxPublicEntry) entry = NULL;
                gboolean expected;

                facts.state = states[s];
                facts.published_on = published[p];
                facts.grace_until = graces[g];
                facts.period_end = periods[e];
                facts.removed_on = removed[r];
                facts.id_no = ids[i];
                facts.decided_on = NULL;
                entry = zx_list_public_view (&facts, TODAY);

                expected = strcmp (states[s], "published") == 0 && published_ok[p]
                           && grace_ok[g] && period_ok[e] && removed[r] == NULL && adult[i];
                g_assert_cmpint (entry != NULL, ==, expected);

                n_total++;
                if (entry == NULL)
                  continue;
                n_shown++;
                g_assert_cmpstr (entry->id_shown, !=, ids[i]);
                g_assert_true (memcmp (entry->id_shown + 10, "****", 4) == 0);
                g_assert_cmpint (strlen (entry->id_shown), ==, 18);
              }

  g_assert_cmpuint (n_total, ==, 6 * 5 * 4 * 4 * 2 * 6);
  /* published (past or today) × grace (none, ended) × period (today, later, none) × adults */
  g_assert_cmpuint (n_shown, ==, 2 * 2 * 3 * 2);
}

static void
test_mask (void)
{
  g_autofree char *masked = zx_mask_resident_id (ADULT_ID);
  g_autofree char *lower = zx_mask_resident_id ("11010519491231002x");

  g_assert_cmpstr (masked, ==, ADULT_MASKED);
  g_assert_cmpstr (lower, ==, "1101051949****002X");
  g_assert_null (zx_mask_resident_id (BAD_CHECK_ID));
  g_assert_null (zx_mask_resident_id (CREDIT_CODE));
  g_assert_null (zx_mask_resident_id (NULL));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  zx_list_params_init_defaults (&params);

  ZX_ADD_TABLE ("/domain/blacklist/period-end", period_cases, test_period_end);
  g_test_add_func ("/domain/blacklist/grace", test_grace);
  ZX_ADD_TABLE ("/domain/blacklist/action-due", action_cases, test_action_due);
  g_test_add_func ("/domain/blacklist/decision-due", test_decision_due);
  ZX_ADD_TABLE ("/domain/blacklist/proposal", proposal_cases, test_proposal);
  g_test_add_func ("/domain/blacklist/view/person", test_view_person);
  g_test_add_func ("/domain/blacklist/view/entity", test_view_entity);
  ZX_ADD_TABLE ("/domain/blacklist/view", view_cases, test_view);
  g_test_add_func ("/domain/blacklist/view/bad-today", test_view_bad_today);
  g_test_add_func ("/domain/blacklist/view/never-leaks", test_view_never_leaks);
  g_test_add_func ("/domain/blacklist/mask", test_mask);

  return g_test_run ();
}
