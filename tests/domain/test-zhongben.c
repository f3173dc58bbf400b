/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "domain/zx-zhongben.h"
#include "zx-domain-test.h"

/* A case filed 2026-01-10 where everything has been done, checked on 2026-05-01. */
static ZxZhongbenFacts
complete_case (void)
{
  return (ZxZhongbenFacts) {
    .filed_on = "2026-01-10",
    .today = "2026-05-01",
    .min_months = 3,
    .notice_issued = TRUE,
    .report_order_issued = TRUE,
    .report_checked = TRUE,
    .consumption_restricted = TRUE,
    .qualifying_listed = TRUE,
    .queried_deposits = TRUE,
    .queried_vehicles = TRUE,
    .queried_real_estate = TRUE,
    .queried_securities = TRUE,
    .onsite_checked = TRUE,
    .missing_search_done = TRUE,
  };
}

static void
test_all_met (void)
{
  ZxZhongbenFacts facts = complete_case ();
  g_autoptr (GArray) unmet = zx_zhongben_check (&facts);

  g_assert_cmpuint (unmet->len, ==, 0);
}

typedef struct
{
  gsize offset;                   /* of the gboolean in ZxZhongbenFacts */
  ZxZhongbenCondition condition;
  int article_item;
  const char *name;
  const char *reason;
} FlagCase;

#define FLAG(field) G_STRUCT_OFFSET (ZxZhongbenFacts, field)

static const FlagCase flag_cases[] = {
  { FLAG (notice_issued), ZX_ZHONGBEN_NOTICE, 1, "notice", "执行通知书" },
  { FLAG (report_order_issued), ZX_ZHONGBEN_REPORT_ORDER, 1, "report_order", "报告财产令" },
  { FLAG (report_checked), ZX_ZHONGBEN_REPORT_CHECKED, 1, "report_checked", "not been checked" },
  { FLAG (consumption_restricted), ZX_ZHONGBEN_RESTRICTION, 2, "restriction", "限制消费令" },
  { FLAG (qualifying_listed), ZX_ZHONGBEN_LISTING, 2, "listing", "dishonest-debtor list" },
  { FLAG (queried_deposits), ZX_ZHONGBEN_QUERY_DEPOSITS, 3, "query_deposits", "Bank deposits" },
  { FLAG (queried_vehicles), ZX_ZHONGBEN_QUERY_VEHICLES, 3, "query_vehicles", "Vehicles" },
  { FLAG (queried_real_estate), ZX_ZHONGBEN_QUERY_REAL_ESTATE, 3, "query_real_estate",
    "Real estate" },
  { FLAG (queried_securities), ZX_ZHONGBEN_QUERY_SECURITIES, 3, "query_securities",
    "Securities" },
  { FLAG (onsite_checked), ZX_ZHONGBEN_ONSITE, 3, "onsite", "on-site" },
  { FLAG (missing_search_done), ZX_ZHONGBEN_MISSING_SEARCH, 5, "missing_search",
    "missing debtor" },
};

/* Each condition missing alone is the only one reported, with its own reason. */
static void
test_one_missing (gconstpointer data)
{
  const FlagCase *c = data;
  ZxZhongbenFacts facts = complete_case ();
  g_autoptr (GArray) unmet = NULL;
  const ZxZhongbenUnmet *u;

  G_STRUCT_MEMBER (gboolean, &facts, c->offset) = FALSE;
  unmet = zx_zhongben_check (&facts);

  g_assert_cmpuint (unmet->len, ==, 1);
  u = &g_array_index (unmet, ZxZhongbenUnmet, 0);
  g_assert_cmpint (u->condition, ==, c->condition);
  g_assert_cmpint (u->article_item, ==, c->article_item);
  g_assert_cmpstr (zx_zhongben_condition_to_string (u->condition), ==, c->name);
  if (strstr (u->reason, c->reason) == NULL)
    g_error ("reason “%s” lacks “%s”", u->reason, c->reason);
}

typedef struct
{
  const char *filed_on;
  const char *today;
  gboolean met;
  const char *reason;
} TimeCase;

static const TimeCase time_cases[] = {
  /* "More than 3 months": 2026-01-10 + 3 months = 2026-04-10, so from 04-11. */
  { "2026-01-10", "2026-04-10", FALSE, "possible from 2026-04-11" },
  { "2026-01-10", "2026-04-11", TRUE, NULL },
  { "2026-01-10", "2026-02-01", FALSE, "Not more than 3 months since filing on 2026-01-10" },
  /* Month end: 2025-11-30 + 3 months = 2026-02-28 (clamped). */
  { "2025-11-30", "2026-02-28", FALSE, "possible from 2026-03-01" },
  { "2025-11-30", "2026-03-01", TRUE, NULL },
  { NULL, "2026-03-01", FALSE, "filing date is unknown" },
  { "2026-01-10", "someday", FALSE, "filing date is unknown" },
};

static void
test_time (gconstpointer data)
{
  const TimeCase *c = data;
  ZxZhongbenFacts facts = complete_case ();
  g_autoptr (GArray) unmet = NULL;

  facts.filed_on = c->filed_on;
  facts.today = c->today;
  unmet = zx_zhongben_check (&facts);

  if (c->met)
    {
      g_assert_cmpuint (unmet->len, ==, 0);
      return;
    }
  g_assert_cmpuint (unmet->len, ==, 1);
  g_assert_cmpint (g_array_index (unmet, ZxZhongbenUnmet, 0).condition, ==, ZX_ZHONGBEN_TIME);
  g_assert_cmpint (g_array_index (unmet, ZxZhongbenUnmet, 0).article_item, ==, 4);
  g_assert_nonnull (strstr (g_array_index (unmet, ZxZhongbenUnmet, 0).reason, c->reason));
}

/* A fresh case fails everything, in the order of art. 1. */
static void
test_nothing_done (void)
{
  ZxZhongbenFacts facts = { .filed_on = "2026-02-12", .today = "2026-02-24", .min_months = 3 };
  g_autoptr (GArray) unmet = zx_zhongben_check (&facts);
  int last_item = 0;

  g_assert_cmpuint (unmet->len, ==, 12);
  for (guint i = 0; i < unmet->len; i++)
    {
      const ZxZhongbenUnmet *u = &g_array_index (unmet, ZxZhongbenUnmet, i);

      g_assert_cmpint (u->condition, ==, (ZxZhongbenCondition) i);
      g_assert_cmpint (u->article_item, >=, last_item);
      g_assert_true (u->reason != NULL && *u->reason != '\0');
      last_item = u->article_item;
    }
}

static void
test_earliest (void)
{
  g_autofree char *a = zx_zhongben_earliest ("2026-01-10", 3);
  g_autofree char *b = zx_zhongben_earliest ("2026-02-30", 3);

  g_assert_cmpstr (a, ==, "2026-04-11");
  g_assert_null (b);
  g_assert_cmpstr (zx_zhongben_condition_to_string (99), ==, "unknown");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/domain/zhongben/all-met", test_all_met);
  ZX_ADD_TABLE ("/domain/zhongben/one-missing", flag_cases, test_one_missing);
  ZX_ADD_TABLE ("/domain/zhongben/time", time_cases, test_time);
  g_test_add_func ("/domain/zhongben/nothing-done", test_nothing_done);
  g_test_add_func ("/domain/zhongben/earliest", test_earliest);

  return g_test_run ();
}
