/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-domain"

#include "config.h"

#include "zx-zhongben.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zx-calendar.h"

static const char *const condition_names[] = {
  [ZX_ZHONGBEN_NOTICE] = "notice",
  [ZX_ZHONGBEN_REPORT_ORDER] = "report_order",
  [ZX_ZHONGBEN_REPORT_CHECKED] = "report_checked",
  [ZX_ZHONGBEN_RESTRICTION] = "restriction",
  [ZX_ZHONGBEN_LISTING] = "listing",
  [ZX_ZHONGBEN_QUERY_DEPOSITS] = "query_deposits",
  [ZX_ZHONGBEN_QUERY_VEHICLES] = "query_vehicles",
  [ZX_ZHONGBEN_QUERY_REAL_ESTATE] = "query_real_estate",
  [ZX_ZHONGBEN_QUERY_SECURITIES] = "query_securities",
  [ZX_ZHONGBEN_ONSITE] = "onsite",
  [ZX_ZHONGBEN_TIME] = "time",
  [ZX_ZHONGBEN_MISSING_SEARCH] = "missing_search",
};

const char *
zx_zhongben_condition_to_string (ZxZhongbenCondition condition)
{
  if ((guint) condition >= G_N_ELEMENTS (condition_names))
    return "unknown";

  return condition_names[condition];
}

char *
zx_zhongben_earliest (const char *filed_on, int min_months)
{
  g_autofree char *limit = zx_date_add_months (filed_on, min_months);

  /* "More than 3 months": the 3 months end on the same day-of-month (the filing day does
   * not count), so the condition holds from the day after. */
  return limit != NULL ? zx_date_add_days (limit, 1) : NULL;
}

static void
unmet_clear (gpointer data)
{
  ZxZhongbenUnmet *unmet = data;

  g_clear_pointer (&unmet->reason, g_free);
}

/* Adds an unmet condition; takes REASON. */
static void
add_unmet (GArray *out, ZxZhongbenCondition condition, int article_item, char *reason)
{
  ZxZhongbenUnmet unmet = { condition, article_item, reason };

  g_array_append_val (out, unmet);
}

static void
check_flag (GArray *out, gboolean met, ZxZhongbenCondition condition, int article_item,
            const char *reason)
{
  if (!met)
    add_unmet (out, condition, article_item, g_strdup (reason));
}

static void
check_time (GArray *out, const ZxZhongbenFacts *f)
{
  g_autofree char *earliest = zx_zhongben_earliest (f->filed_on, f->min_months);

  if (earliest == NULL || !zx_date_is_valid (f->today))
    add_unmet (out, ZX_ZHONGBEN_TIME, 4,
               g_strdup (_("The filing date is unknown, so the time since filing is too")));
  else if (strcmp (f->today, earliest) < 0)
    add_unmet (out, ZX_ZHONGBEN_TIME, 4,
               g_strdup_printf (_("Not more than %d months since filing on %s: possible from "
                                  "%s"),
                                f->min_months, f->filed_on, earliest));
}

GArray *
zx_zhongben_check (const ZxZhongbenFacts *f)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ZxZhongbenUnmet));

  g_return_val_if_fail (f != NULL, out);

  g_array_set_clear_func (out, unmet_clear);

  /* 1. notice and the duty to report property (art. 2) */
  check_flag (out, f->notice_issued, ZX_ZHONGBEN_NOTICE, 1,
              _("No execution notice (执行通知书) has been issued"));
  check_flag (out, f->report_order_issued, ZX_ZHONGBEN_REPORT_ORDER, 1,
              _("No property-report order (报告财产令) has been issued"));
  check_flag (out, f->report_checked, ZX_ZHONGBEN_REPORT_CHECKED, 1,
              _("The debtor's property report has not been checked"));
  /* 2. restriction and listing */
  check_flag (out, f->consumption_restricted, ZX_ZHONGBEN_RESTRICTION, 2,
              _("No consumption restriction (限制消费令) has been issued"));
  check_flag (out, f->qualifying_listed, ZX_ZHONGBEN_LISTING, 2,
              _("A respondent who qualifies is not on the dishonest-debtor list"));
  /* 3. property investigation exhausted (art. 3) */
  check_flag (out, f->queried_deposits, ZX_ZHONGBEN_QUERY_DEPOSITS, 3,
              _("Bank deposits have not been queried through the network"));
  check_flag (out, f->queried_vehicles, ZX_ZHONGBEN_QUERY_VEHICLES, 3,
              _("Vehicles have not been queried through the network"));
  check_flag (out, f->queried_real_estate, ZX_ZHONGBEN_QUERY_REAL_ESTATE, 3,
              _("Real estate has not been queried through the network"));
  check_flag (out, f->queried_securities, ZX_ZHONGBEN_QUERY_SECURITIES, 3,
              _("Securities have not been queried through the network"));
  check_flag (out, f->onsite_checked, ZX_ZHONGBEN_ONSITE, 3,
              _("No on-site investigation has been recorded"));
  /* 4. more than 3 months since filing */
  check_time (out, f);
  /* 5. the missing debtor */
  check_flag (out, f->missing_search_done, ZX_ZHONGBEN_MISSING_SEARCH, 5,
              _("The missing debtor has not been searched for"));

  return out;
}
