/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-domain"

#include "config.h"

#include "zx-deadlines.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* ---- process nodes --------------------------------------------------------------------- */

/* DOMAIN.md, "Process nodes". Everything here is a default the Settings page edits. */
static const ZxNodeRule default_node_rules[] = {
  /* SPC time-limit rules 2006 art. 2 */
  { "officer_assigned", "filed", 7, "days", 1, 3, "承办人确定", "SPC time-limit rules 2006 art. 2" },
  /* 执行通知书 + 报告财产令: 2006 art. 4, 2017 property-investigation rules art. 3 */
  { "execution_notice", "assigned", 3, "days", 1, 3,
    "执行通知书及报告财产令", "2006 art. 4; 2017 property-investigation rules art. 3" },
  /* 总对总, 报告财产令, 点对点, 四查两报: the seed report's local rules */
  { "network_query", "filed", 3, "days", 1, 3, "总对总网络查询", "local rule (seed report)" },
  { "property_report", "filed", 7, "days", 1, 3, "报告财产令发出", "local rule (seed report)" },
  { "p2p_query", "filed", 15, "days", 1, 3, "点对点查询", "local rule (seed report)" },
  { "four_checks", "filed", 3, "months", 1, 3, "四查两报完成", "local rule (seed report)" },
  /* 2017 property-investigation rules art. 2 */
  { "lead_verified", "lead", 7, "days", 1, 3, "线索核查", "2017 property-investigation rules art. 2" },
  { "lead_verified_urgent", "lead_urgent", 3, "days", 1, 1,
    "紧急线索核查", "2017 property-investigation rules art. 2" },
  /* 2006 art. 1. Warned a week ahead: an extension must be asked at least 5 days before. */
  { "case_concluded", "filed", 6, "months", 1, 7, "审限届满", "2006 art. 1" },
  /* 2016 终本 rules art. 9: every 6 months for 5 years */
  { "zhongben_requery", "zhongben", 6, "months", 10, 3, "终本后定期查询", "2016 终本 rules art. 9" },
  /* SPC rules on enforcement money 2017: paid out within 30 days of the arrival notice */
  { "money_payout", "money_received", 30, "days", 1, 3,
    "执行款发放", "SPC rules on enforcement money 2017" },
  /* 失信 rules art. 5: decided within 15 days of the application */
  { "listing_decision", "listing", 15, "days", 1, 3, "失信决定", "失信 rules art. 5" },
};

const ZxNodeRule *
zx_node_rules_defaults (gsize *out_n_rules)
{
  g_return_val_if_fail (out_n_rules != NULL, NULL);

  *out_n_rules = G_N_ELEMENTS (default_node_rules);
  return default_node_rules;
}

GStrv
zx_node_rule_due_dates (const ZxCalendar *cal, const ZxNodeRule *rule, const char *date,
                        GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (cal != NULL && rule != NULL, NULL);

  if (rule->repeat_count < 1 || rule->amount < 0
      || (gint64) rule->amount * rule->repeat_count > G_MAXINT)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Node rule “%s”: amount %d repeated %d times is not a usable period"),
                   rule->kind, rule->amount, rule->repeat_count);
      return NULL;
    }

  for (int k = 1; k <= rule->repeat_count; k++)
    {
      /* k × amount from the trigger itself, never from the previous due date. */
      g_autofree char *due = zx_calendar_add (cal, date, rule->amount * k, rule->unit, error);

      if (due == NULL)
        {
          g_prefix_error (error, _("Node rule “%s”: "), rule->kind);
          return NULL;
        }
      g_strv_builder_add (builder, due);
    }

  return g_strv_builder_end (builder);
}

static void
node_due_clear (gpointer data)
{
  ZxNodeDue *node = data;

  g_clear_pointer (&node->kind, g_free);
  g_clear_pointer (&node->due_on, g_free);
}

/* Appends the nodes one rule makes for one event. */
static gboolean
plan_rule (const ZxCalendar *cal, const ZxNodeRule *rule, const ZxNodeEvent *event,
           GArray *out, GError **error)
{
  g_auto (GStrv) dates = zx_node_rule_due_dates (cal, rule, event->date, error);

  if (dates == NULL)
    return FALSE;

  for (int k = 0; dates[k] != NULL; k++)
    {
      ZxNodeDue node = {
        .kind = g_strdup (rule->kind),
        .occurrence = k + 1,
        .ref_id = event->ref_id,
        .due_on = g_strdup (dates[k]),
        .warn_days = rule->warn_days,
      };

      g_array_append_val (out, node);
    }

  return TRUE;
}

GArray *
zx_nodes_plan (const ZxCalendar *cal, const ZxNodeRule *rules, gsize n_rules,
               const ZxNodeEvent *events, gsize n_events, GError **error)
{
  g_autoptr (GArray) nodes = g_array_new (FALSE, TRUE, sizeof (ZxNodeDue));

  g_return_val_if_fail (cal != NULL, NULL);
  g_return_val_if_fail (rules != NULL || n_rules == 0, NULL);
  g_return_val_if_fail (events != NULL || n_events == 0, NULL);

  g_array_set_clear_func (nodes, node_due_clear);

  for (gsize e = 0; e < n_events; e++)
    for (gsize r = 0; r < n_rules; r++)
      if (g_strcmp0 (rules[r].trigger, events[e].trigger) == 0
          && !plan_rule (cal, &rules[r], &events[e], nodes, error))
        return NULL;

  return g_steal_pointer (&nodes);
}

ZxNodeStatus
zx_node_status (const char *due_on, const char *done_on, const char *today, int warn_days)
{
  int days_left;

  /* The store reads an unset column as NULL; an empty string means the same. */
  if (done_on != NULL && *done_on != '\0')
    return zx_date_is_valid (done_on) ? ZX_NODE_DONE : ZX_NODE_UNKNOWN;

  if (!zx_date_days_between (today, due_on, &days_left))
    return ZX_NODE_UNKNOWN;

  if (days_left < 0)
    return ZX_NODE_OVERDUE;
  if (days_left <= warn_days)
    return ZX_NODE_DUE_SOON;
  return ZX_NODE_OPEN;
}

const char *
zx_node_status_to_string (ZxNodeStatus status)
{
  switch (status)
    {
    case ZX_NODE_OPEN:
      return "open";
    case ZX_NODE_DUE_SOON:
      return "due_soon";
    case ZX_NODE_OVERDUE:
      return "overdue";
    case ZX_NODE_DONE:
      return "done";
    case ZX_NODE_UNKNOWN:
    default:
      return "unknown";
    }
}

char *
zx_case_deadline (const char *filed_on, int limit_months, int extension_months,
                  int suspended_days)
{
  g_autofree char *limit = NULL;

  if (limit_months < 1 || extension_months < 0 || suspended_days < 0
      || limit_months > G_MAXINT - extension_months)
    return NULL;

  /* Procedural periods do not count their first day, so 6 months from 2026-01-10 end on
   * 2026-07-10 (same day-of-month, clamped), then the suspension is added on top. */
  limit = zx_date_add_months (filed_on, limit_months + extension_months);
  if (limit == NULL)
    return NULL;

  return zx_date_add_days (limit, suspended_days);
}

char *
zx_case_extension_ask_by (const char *deadline, int days_before)
{
  if (days_before < 0)
    return NULL;

  return zx_date_add_days (deadline, -days_before);
}

/* ---- seizures -------------------------------------------------------------------------- */

/* 民诉法解释 art. 485 (2022; art. 487 in 2015). */
static const ZxSeizureTerm default_seizure_terms[] = {
  { "deposit", 12 },
  { "movable", 24 },
  { "vehicle", 24 },
  { "real_estate", 36 },
  { "equity", 36 },
  { "other", 36 },
};

const ZxSeizureTerm *
zx_seizure_default_terms (gsize *out_n_terms)
{
  g_return_val_if_fail (out_n_terms != NULL, NULL);

  *out_n_terms = G_N_ELEMENTS (default_seizure_terms);
  return default_seizure_terms;
}

char *
zx_seizure_expiry (const char *start_on, int term_months)
{
  return zx_date_term_end (start_on, term_months);
}

char *
zx_seizure_renew (const char *expires_on, const char *renewed_on, int months, int max_months,
                  GError **error)
{
  g_autofree char *next_start = NULL;
  char *expiry;

  if (!zx_date_is_valid (expires_on) || !zx_date_is_valid (renewed_on))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("The expiry date and the renewal date must be real dates"));
      return NULL;
    }
  if (months < 1 || months > max_months)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("A renewal runs from 1 to %d months, not %d"), max_months, months);
      return NULL;
    }
  if (strcmp (renewed_on, expires_on) > 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("The seizure lapsed after %s; a renewal on %s is too late, seize again"),
                   expires_on, renewed_on);
      return NULL;
    }

  next_start = zx_date_add_days (expires_on, 1);
  expiry = zx_date_term_end (next_start, months);
  if (expiry == NULL)
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                 _("The renewed term does not fit the calendar"));

  return expiry;
}

ZxSeizureStatus
zx_seizure_status (const char *state, const char *expires_on, const char *today, int warn_days,
                   int urgent_days)
{
  int days_left;

  if (g_strcmp0 (state, "waiting") == 0)
    return ZX_SEIZURE_WAITING;
  if (g_strcmp0 (state, "released") == 0)
    return ZX_SEIZURE_RELEASED;
  if (g_strcmp0 (state, "lapsed") == 0)
    return ZX_SEIZURE_LAPSED;
  if (g_strcmp0 (state, "effective") != 0
      || !zx_date_days_between (today, expires_on, &days_left))
    return ZX_SEIZURE_UNKNOWN;

  /* In force through the expiry day itself; from the next day it has lapsed. */
  if (days_left < 0)
    return ZX_SEIZURE_LAPSED;
  if (days_left <= urgent_days)
    return ZX_SEIZURE_EXPIRING_SOON;
  if (days_left <= warn_days)
    return ZX_SEIZURE_EXPIRING;
  return ZX_SEIZURE_ACTIVE;
}

const char *
zx_seizure_status_to_string (ZxSeizureStatus status)
{
  switch (status)
    {
    case ZX_SEIZURE_ACTIVE:
      return "active";
    case ZX_SEIZURE_EXPIRING:
      return "expiring";
    case ZX_SEIZURE_EXPIRING_SOON:
      return "expiring_soon";
    case ZX_SEIZURE_LAPSED:
      return "lapsed";
    case ZX_SEIZURE_WAITING:
      return "waiting";
    case ZX_SEIZURE_RELEASED:
      return "released";
    case ZX_SEIZURE_UNKNOWN:
    default:
      return "unknown";
    }
}

gssize
zx_seizure_next_effective (const ZxSeizureSlot *slots, gsize n_slots, gint64 released_id,
                           const char *released_on, char **out_start, char **out_expiry)
{
  gssize best = -1;
  char *expiry;

  g_return_val_if_fail (slots != NULL || n_slots == 0, -1);
  g_return_val_if_fail (out_start != NULL && out_expiry != NULL, -1);

  for (gsize i = 0; i < n_slots; i++)
    {
      if (slots[i].id == released_id)
        continue;
      /* Only one seizure holds an object; while another does, the waiting ones wait. */
      if (g_strcmp0 (slots[i].state, "effective") == 0)
        return -1;
      if (g_strcmp0 (slots[i].state, "waiting") == 0
          && (best < 0 || slots[i].waiting_rank < slots[best].waiting_rank))
        best = (gssize) i;
    }

  if (best < 0)
    return -1;

  /* The waiting seizure's own term starts on the day the first one is released. */
  expiry = zx_date_term_end (released_on, slots[best].term_months);
  if (expiry == NULL)
    return -1;

  *out_start = g_strdup (released_on);
  *out_expiry = expiry;
  return best;
}
