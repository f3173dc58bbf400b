/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zx-error.h"

G_BEGIN_DECLS

/* ---- random cycles (随机循环分配) ------------------------------------------------------------
 *
 * A pool is an ordered array of member ids (teams, or officers). Cases go out in cycles: each
 * cycle is a random permutation of the pool, walked from position 0 to n − 1, so at the end
 * of a cycle every member has had the same number of cases and at any moment the counts are
 * within one of each other (as long as the pool does not change inside a cycle).
 *
 * Seeds: each cycle's seed is drawn fresh by the caller (FRESH_SEED, from a good random
 * source, when the cycle starts) and logged with every draw of the cycle. Nothing is derived
 * from a court secret, so the order of a cycle cannot be known before it starts, and anyone
 * holding the log can re-derive every draw without any secret.
 *
 * Re-deriving a draw from (pool, cycle_no, cycle_seed, position), all 64-bit unsigned
 * arithmetic modulo 2^64 (documented here so that an auditor can re-implement it):
 *   state  = cycle_seed XOR (cycle_no × 0x9E3779B97F4A7C15)
 *   next() = splitmix64: state += 0x9E3779B97F4A7C15; z = state;
 *            z = (z XOR z >> 30) × 0xBF58476D1CE4E5B9; z = (z XOR z >> 27) × 0x94D049BB133111EB;
 *            return z XOR z >> 31
 *   below(b) = draw r = next() until r ≥ (2^64 − b) mod b; return r mod b   (no modulo bias)
 *   order = pool; for i = n − 1 down to 1: j = below(i + 1); swap order[i], order[j]
 *   member = order[position]
 */

typedef struct
{
  gint64 cycle_no;    /* 1, 2, … per pool */
  gint64 cycle_seed;  /* 0 … 2^63 − 1, so that it fits an SQLite INTEGER as is */
  int    position;    /* 0-based place in the cycle's order */
  gint64 member;      /* the chosen member id */
} ZxAssignDraw;

/* The whole order of a cycle: OUT_ORDER (N_POOL ids) receives the permutation of POOL.
 * FALSE (ZX_ERROR_INVALID) for an empty pool, a member listed twice or a negative seed. */
gboolean zx_assign_cycle_order (const gint64 *pool, gsize n_pool, gint64 cycle_no,
                                gint64 cycle_seed, gint64 *out_order, GError **error);

/* The next draw for POOL. LAST is the pool's previous draw (NULL for the first ever) and
 * LAST_POOL the pool it was drawn from. A new cycle (number + 1, seed from FRESH_SEED,
 * position 0) starts after the last position of a cycle and whenever the pool differs from
 * LAST_POOL (a member added, removed or reordered); otherwise the draw is the next position
 * of the same cycle. */
gboolean zx_assign_next (const gint64 *pool, gsize n_pool, const gint64 *last_pool,
                         gsize n_last_pool, const ZxAssignDraw *last, guint64 fresh_seed,
                         ZxAssignDraw *out, GError **error);

/* Re-derives DRAW from POOL and its logged cycle number, seed and position. FALSE with
 * ZX_ERROR_CORRUPT (naming the member it should have been) when it does not match. */
gboolean zx_assign_verify (const gint64 *pool, gsize n_pool, const ZxAssignDraw *draw,
                           GError **error);

/* One logged automatic draw (manual overrides are audited separately and left out). */
typedef struct
{
  const gint64 *pool;
  gsize         n_pool;
  ZxAssignDraw  draw;
} ZxAssignLogEntry;

/* Checks a pool's log in order: every draw re-derives, and each follows from the one before
 * (same cycle and seed at the next position, or a new cycle at position 0 only where
 * zx_assign_next() would start one) — so a cycle re-seeded midway to pick a member shows.
 * Returns the index of the first bad entry (with ZX_ERROR_CORRUPT saying why), or -1. */
gssize   zx_assign_verify_log (const ZxAssignLogEntry *entries, gsize n_entries,
                               GError **error);

/* ---- routing rules ---------------------------------------------------------------------- */

typedef enum
{
  ZX_POOL_TEAMS,        /* a random cycle over POOL_TEAM_IDS */
  ZX_POOL_TRIAL_JUDGE,  /* the judge who tried the case */
} ZxPoolKind;

/* One row of routing_rules. Conditions left NULL match anything; dates compare as
 * filed_on < filed_before, filed_on ≥ filed_from, basis_effective_on ≥ effective_from. */
typedef struct
{
  gint64      id;
  int         priority;        /* lowest first; ties go to the earlier rule in the array */
  char       *name;
  char       *filed_before;
  char       *filed_from;
  char       *basis_type;      /* judgment, mediation, … */
  char       *effective_from;
  char       *type_code;       /* 执, 执恢, … */
  ZxPoolKind  pool_kind;
  GArray     *pool_team_ids;   /* of gint64, in pool order; empty for the trial judge */
} ZxRoutingRule;

/* An empty rule (no conditions, an empty team pool); fill its fields with g_strdup(). */
ZxRoutingRule *zx_routing_rule_new (void);
void           zx_routing_rule_free (ZxRoutingRule *rule);

/* "teams" / "trial_judge" as in the routing_rules table. */
const char *zx_pool_kind_to_string (ZxPoolKind kind);
gboolean    zx_pool_kind_from_string (const char *text, ZxPoolKind *out_kind);

/* The facts of a new case that rules look at. */
typedef struct
{
  const char *filed_on;
  const char *basis_type;
  const char *basis_effective_on;  /* may be NULL: then no effective_from rule matches */
  const char *type_code;
} ZxRoutingCase;

/* The first rule (by priority) whose conditions all hold for CASE_, or NULL. RULES holds
 * ZxRoutingRule pointers and is not modified. */
const ZxRoutingRule *zx_routing_match (GPtrArray *rules, const ZxRoutingCase *case_);

/* The seed report's rules, as data for the store to insert: filed before 2018-05-01 → the
 * original teams; judgments effective on or after 2018-05-01 → the new teams; mediation
 * documents effective on or after 2018-05-01 → the trial judge; anything else → all teams
 * (original then new). Returns a GPtrArray of ZxRoutingRule that frees its elements. */
GPtrArray *zx_routing_default_rules (const gint64 *original_teams, gsize n_original,
                                     const gint64 *new_teams, gsize n_new);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxRoutingRule, zx_routing_rule_free)

G_END_DECLS
