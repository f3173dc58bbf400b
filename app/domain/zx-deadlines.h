/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zx-calendar.h"
#include "zx-error.h"

G_BEGIN_DECLS

/* Due dates and their status: process nodes, the case's time limit, seizure terms.
 * Pure functions of plain data; the periods themselves come from the rules tables. */

/* ---- process nodes ---------------------------------------------------------------------- */

/* One row of node_rules (strings borrowed). */
typedef struct
{
  const char *kind;          /* officer_assigned, notice, … */
  const char *trigger;       /* filed, assigned, lead, lead_urgent, zhongben, seizure, listing,
                              * money_received */
  int         amount;
  const char *unit;          /* days, working_days, months */
  int         repeat_count;  /* ≥ 1: the k-th node is due k × amount after the trigger */
  int         warn_days;     /* "due soon" from this many days before the due date */
  const char *name;          /* as shown to clerks (Chinese, the court's own term) */
  const char *source;        /* the rule it comes from */
} ZxNodeRule;

/* Something that happened to a case and may start nodes. */
typedef struct
{
  const char *trigger;
  const char *date;
  gint64      ref_id;        /* the lead, seizure, list entry … it concerns; 0 for the case */
} ZxNodeEvent;

/* A node to create. */
typedef struct
{
  char   *kind;
  int     occurrence;        /* 1 … repeat_count */
  gint64  ref_id;
  char   *due_on;
  int     warn_days;
} ZxNodeDue;

/* DOMAIN.md's defaults, for the store to seed node_rules with (static data). The case limit
 * is the ordinary 6 months; for a 非诉 case pass a copy of that rule with the 3-month limit. */
const ZxNodeRule *zx_node_rules_defaults (gsize *out_n_rules);

/* The REPEAT_COUNT due dates of RULE for a trigger on DATE, NULL-terminated. Each is counted
 * from DATE itself (k × amount), so month clamping never drifts: 6-monthly from 2026-08-31
 * gives 2027-02-28 and then 2027-08-31. */
GStrv   zx_node_rule_due_dates (const ZxCalendar *cal, const ZxNodeRule *rule, const char *date,
                                GError **error);

/* Every node the EVENTS start under RULES, in event order then rule order: a GArray of
 * ZxNodeDue that clears its elements. */
GArray *zx_nodes_plan (const ZxCalendar *cal, const ZxNodeRule *rules, gsize n_rules,
                       const ZxNodeEvent *events, gsize n_events, GError **error);

typedef enum
{
  ZX_NODE_OPEN,       /* not done, not due within warn_days */
  ZX_NODE_DUE_SOON,   /* not done, due today or within warn_days */
  ZX_NODE_OVERDUE,    /* not done and today is after the due date */
  ZX_NODE_DONE,
  ZX_NODE_UNKNOWN,    /* a date in the record is not a real date */
} ZxNodeStatus;

ZxNodeStatus zx_node_status (const char *due_on, const char *done_on, const char *today,
                             int warn_days);
/* "open", "due_soon", "overdue", "done", "unknown" (stable: used in --json output). */
const char  *zx_node_status_to_string (ZxNodeStatus status);

/* The case's statutory time limit: LIMIT_MONTHS (6; 3 for 非诉) after filing, plus approved
 * extensions, plus the days the case was suspended (中止 periods do not count). */
char *zx_case_deadline (const char *filed_on, int limit_months, int extension_months,
                        int suspended_days);
/* The last day to ask for an extension: DAYS_BEFORE (5) days before DEADLINE. */
char *zx_case_extension_ask_by (const char *deadline, int days_before);

/* ---- seizures (查封、扣押、冻结) -------------------------------------------------------- */

/* Longest term per kind of object, as rule data (static). */
typedef struct
{
  const char *kind;    /* deposit, movable, vehicle, real_estate, equity, other */
  int         months;
} ZxSeizureTerm;

/* Deposits 12 months; movables and vehicles 24; real estate, equity and other rights 36. */
const ZxSeizureTerm *zx_seizure_default_terms (gsize *out_n_terms);

/* The last day a seizure from START_ON is in force: the start day counts, so a 12-month
 * freeze from 2026-01-10 runs through 2027-01-09 (see zx_date_term_end()). */
char *zx_seizure_expiry (const char *start_on, int term_months);

/* Renewal on RENEWED_ON for MONTHS (1 … MAX_MONTHS, the kind's term): the new term follows
 * the old one without a gap, so it starts the day after EXPIRES_ON. A renewal after the
 * expiry day is refused: the seizure has lapsed and a new one is needed. */
char *zx_seizure_renew (const char *expires_on, const char *renewed_on, int months,
                        int max_months, GError **error);

typedef enum
{
  ZX_SEIZURE_ACTIVE,         /* effective, expiry more than WARN_DAYS away */
  ZX_SEIZURE_EXPIRING,       /* effective, expiry within WARN_DAYS (30) */
  ZX_SEIZURE_EXPIRING_SOON,  /* effective, expiry within URGENT_DAYS (7) */
  ZX_SEIZURE_LAPSED,         /* today is after the expiry day and it was not renewed */
  ZX_SEIZURE_WAITING,        /* 轮候: no running term */
  ZX_SEIZURE_RELEASED,
  ZX_SEIZURE_UNKNOWN,        /* unknown state or a bad date */
} ZxSeizureStatus;

/* STATE is seizures.state (effective, waiting, released, lapsed). */
ZxSeizureStatus zx_seizure_status (const char *state, const char *expires_on, const char *today,
                                   int warn_days, int urgent_days);
/* "active", "expiring", "expiring_soon", "lapsed", "waiting", "released", "unknown". */
const char     *zx_seizure_status_to_string (ZxSeizureStatus status);

/* One seizure of the same object (strings borrowed). */
typedef struct
{
  gint64      id;
  const char *state;         /* effective, waiting, released, lapsed */
  int         waiting_rank;  /* 轮候 order: lower registered earlier */
  int         term_months;   /* the term it gets when it takes effect */
} ZxSeizureSlot;

/* When seizure RELEASED_ID is released on RELEASED_ON, the earliest waiting one (lowest
 * rank; ties by array order) takes effect on that day with its own term. Returns its index
 * in SLOTS with its start and expiry, or -1 when none is waiting or another seizure of the
 * object is still effective (it keeps the object; the waiting ones keep waiting). */
gssize zx_seizure_next_effective (const ZxSeizureSlot *slots, gsize n_slots, gint64 released_id,
                                  const char *released_on, char **out_start, char **out_expiry);

G_END_DECLS
