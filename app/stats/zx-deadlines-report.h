/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *today;       /* YYYY-MM-DD */
  gint64      team_id;     /* 0: every team */
  gint64      officer_id;  /* 0: every officer */
} ZxDeadlinesQuery;

/* What is overdue or due soon as of TODAY, for the court or one team / officer (the case's
 * team and officer), as one JSON object (the document `zhixingctl deadlines --json` prints):
 *
 *   { "today", "team_id", "officer_id" (null when not filtered),
 *     "counts": { "total", "overdue", "due_soon" },
 *     "items": [ { "kind", "subkind", "entity", "id", "case_id", "case_no", "team_id", "team",
 *                  "officer_id", "officer", "due_on", "status", "days", "label" } … ] }
 *
 * Items, by due_on then kind and case number:
 *   kind "node"          an open process node due within its rule's warn_days or overdue
 *                        (subkind: the node kind; nodes of a concluded case only when they
 *                        outlive it: 终本 re-queries, money payouts);
 *   kind "seizure"       an effective seizure expiring within seizure_warn_first (30) days,
 *                        or past its expiry unrenewed (subkind: expiring, expiring_soon,
 *                        lapsed);
 *   kind "list_removal"  a list entry in force whose removal ground is recorded or whose
 *                        period has ended (subkind: the removal reason; due_on: 3 working
 *                        days after the ground);
 *   kind "approval"      a summons, detention or fine waiting for the president (subkind: the
 *                        measure kind; due_on: proposed_on + measure_approval_days, 3 when
 *                        that rule parameter is missing).
 * status is "due_soon" or "overdue"; days is due_on − today (negative: overdue by that many
 * days); team/officer are names ("" and id null when the case has none). Reads only bounded
 * index ranges (nodes_open_due, seizures_expiry, measures_state, blacklist_state). */
JsonNode *zx_deadlines_report (ZxStore *store, const ZxDeadlinesQuery *query, GError **error);

G_END_DECLS
