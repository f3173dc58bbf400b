/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The 终本 check (终结本次执行程序, 2016 rules art. 1–3): whether a case may end this round of
 * execution, and if not, which conditions fail and why. */

/* What the store knows about the case. */
typedef struct
{
  const char *filed_on;
  const char *today;
  int         min_months;                /* 3: more than this many months since filing */
  gboolean    notice_issued;             /* 执行通知书 */
  gboolean    report_order_issued;       /* 报告财产令 */
  gboolean    report_checked;            /* the report (or its absence) was checked, art. 2 */
  gboolean    consumption_restricted;    /* 限制消费令 */
  gboolean    qualifying_listed;         /* every respondent who qualifies is on the list
                                          * (TRUE when none qualifies) */
  gboolean    queried_deposits;          /* network queries, art. 3 (2) */
  gboolean    queried_vehicles;
  gboolean    queried_real_estate;
  gboolean    queried_securities;
  gboolean    onsite_checked;            /* on-site investigation, art. 3 (3) */
  gboolean    missing_search_done;       /* a missing debtor was searched for (TRUE when no
                                          * debtor is missing) */
} ZxZhongbenFacts;

typedef enum
{
  ZX_ZHONGBEN_NOTICE,
  ZX_ZHONGBEN_REPORT_ORDER,
  ZX_ZHONGBEN_REPORT_CHECKED,
  ZX_ZHONGBEN_RESTRICTION,
  ZX_ZHONGBEN_LISTING,
  ZX_ZHONGBEN_QUERY_DEPOSITS,
  ZX_ZHONGBEN_QUERY_VEHICLES,
  ZX_ZHONGBEN_QUERY_REAL_ESTATE,
  ZX_ZHONGBEN_QUERY_SECURITIES,
  ZX_ZHONGBEN_ONSITE,
  ZX_ZHONGBEN_TIME,
  ZX_ZHONGBEN_MISSING_SEARCH,
} ZxZhongbenCondition;

/* One unmet condition. */
typedef struct
{
  ZxZhongbenCondition condition;
  int                 article_item;  /* which of art. 1's five conditions (1–5) it belongs to */
  char               *reason;        /* translated, for the clerk */
} ZxZhongbenUnmet;

/* The unmet conditions in art. 1 order: a GArray of ZxZhongbenUnmet that clears its
 * elements, empty when 终本 may be granted. A filing date or today that is not a real date
 * fails the time condition. */
GArray *zx_zhongben_check (const ZxZhongbenFacts *facts);

/* The first day on which the time condition holds (the day after FILED_ON + MIN_MONTHS). */
char   *zx_zhongben_earliest (const char *filed_on, int min_months);

/* A stable name for --json output: "notice", "report_order", … */
const char *zx_zhongben_condition_to_string (ZxZhongbenCondition condition);

G_END_DECLS
