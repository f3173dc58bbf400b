/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *from;     /* YYYY-MM-DD, inclusive */
  const char *to;       /* YYYY-MM-DD, inclusive */
  const char *today;    /* YYYY-MM-DD: overdue nodes are counted as of min(to, today) */
  gint64      team_id;  /* 0: every team */
  gint64      officer_id; /* 0: every officer */
} ZxStatsQuery;

/* Workload, indicators and work-report figures for a period, for the court, each team and each
 * officer, as one JSON object (the document `zhixingctl stats --json` prints; the README lists
 * its fields). Money is integer fen; rates are percentages with one decimal, or null when the
 * denominator is 0. */
JsonNode *zx_stats_compute (ZxStore *store, const ZxStatsQuery *query, GError **error);

G_END_DECLS
