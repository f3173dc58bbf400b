/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/zx-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint       n_cases;  /* cases to generate */
  guint64     seed;     /* same seed, same today → same data */
  const char *today;    /* YYYY-MM-DD: cases are filed from 2016-01-01 up to today */
} ZxDemoOptions;

/* Fills an initialised database with a realistic district court: court settings, 11 teams,
 * about 50 execution staff, judicial police, a president and a bureau director (if not yet
 * there), then N_CASES cases with parties, nodes, queries, seizures, measures, list entries,
 * auctions and aid. Deterministic for (seed, today, n_cases). */
gboolean zx_demo_generate (ZxStore *store, const ZxDemoOptions *options, GError **error);

G_END_DECLS
