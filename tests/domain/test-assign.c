/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "domain/zx-assign.h"
#include "zx-domain-test.h"

#define N_TEAMS 11
#define N_DRAWS 10000

static const gint64 all_teams[N_TEAMS] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

/* The tests' own seed source (deterministic, so every run checks the same draws). */
static guint64
test_seed (guint64 *state)
{
  *state = *state * G_GUINT64_CONSTANT (6364136223846793005) + 1442695040888963407;
  return *state ^ (*state >> 29);
}

/* ---- the generator, against an independent implementation of the header's spec -------- */

typedef struct
{
  gint64 pool[N_TEAMS];
  gsize n_pool;
  gint64 cycle_no;
  gint64 cycle_seed;
  gint64 order[N_TEAMS];
} OrderCase;

/* Expected orders computed by a separate Python script written from zx-assign.h's comment;
 * if these change, every logged draw in every court stops verifying. */
static const OrderCase order_cases[] = {
  { { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 11, 1, 12345,
    { 8, 6, 7, 2, 4, 11, 5, 3, 10, 9, 1 } },
  { { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 11, 2, 12345,
    { 11, 6, 8, 7, 9, 5, 2, 10, 4, 3, 1 } },
  { { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 11, 1, 0,
    { 5, 2, 7, 9, 1, 6, 3, 4, 8, 10, 11 } },
  { { 101, 102, 103 }, 3, 7, G_MAXINT64, { 102, 103, 101 } },
  { { 42 }, 1, 3, 99, { 42 } },
};

static void
test_cycle_order (gconstpointer data)
{
  const OrderCase *c = data;
  gint64 order[N_TEAMS] = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (zx_assign_cycle_order (c->pool, c->n_pool, c->cycle_no, c->cycle_seed, order,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpmem (order, c->n_pool * sizeof (gint64), c->order, c->n_pool * sizeof (gint64));
}

static void
test_bad_pools (void)
{
  static const gint64 twice[] = { 1, 2, 1 };
  gint64 order[3];
  ZxAssignDraw draw;
  ZxAssignDraw impossible = { .cycle_no = 1, .cycle_seed = 5, .position = 3, .member = 1 };
  g_autoptr (GError) error = NULL;

  g_assert_false (zx_assign_cycle_order (twice, 3, 1, 1, order, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (zx_assign_next (NULL, 0, NULL, 0, NULL, 1, &draw, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (zx_assign_cycle_order (all_teams, 3, 1, -5, order, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_clear_error (&error);

  /* Position 3 cannot exist in a pool of 3. */
  g_assert_false (zx_assign_next (all_teams, 3, all_teams, 3, &impossible, 1, &draw, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_false (zx_assign_verify (all_teams, 3, &impossible, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CORRUPT);
}

/* ---- 10,000 draws over 11 teams -------------------------------------------------------- */

typedef struct
{
  ZxAssignDraw draws[N_DRAWS];
  ZxAssignLogEntry log[N_DRAWS];
} Simulation;

static void
simulate (Simulation *sim)
{
  guint64 seeds = 20180501;
  const ZxAssignDraw *last = NULL;

  for (gsize i = 0; i < N_DRAWS; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (zx_assign_next (all_teams, N_TEAMS, all_teams, N_TEAMS, last,
                                     test_seed (&seeds), &sim->draws[i], &error));
      g_assert_no_error (error);
      sim->log[i] = (ZxAssignLogEntry) { all_teams, N_TEAMS, sim->draws[i] };
      last = &sim->draws[i];
    }
}

static void
assert_balanced (const int *counts, gboolean cycle_complete)
{
  int lo = G_MAXINT, hi = 0;

  for (int t = 0; t < N_TEAMS; t++)
    {
      lo = MIN (lo, counts[t]);
      hi = MAX (hi, counts[t]);
    }

  g_assert_cmpint (hi - lo, <=, 1);
  if (cycle_complete)
    g_assert_cmpint (hi, ==, lo);
}

static void
test_balance (void)
{
  g_autofree Simulation *sim = g_new0 (Simulation, 1);
  int counts[N_TEAMS] = { 0 };
  int first_of_cycle[N_TEAMS] = { 0 };
  int n_complete = 0;

  simulate (sim);

  for (gsize i = 0; i < N_DRAWS; i++)
    {
      const ZxAssignDraw *d = &sim->draws[i];
      gboolean complete = d->position == N_TEAMS - 1;

      g_assert_cmpint (d->cycle_no, ==, (gint64) (i / N_TEAMS) + 1);
      g_assert_cmpint (d->position, ==, (int) (i % N_TEAMS));
      g_assert_cmpint (d->member, >=, 1);
      g_assert_cmpint (d->member, <=, N_TEAMS);
      counts[d->member - 1]++;
      if (d->position == 0)
        first_of_cycle[d->member - 1]++;
      assert_balanced (counts, complete);
      n_complete += complete;
    }

  g_assert_cmpint (n_complete, ==, N_DRAWS / N_TEAMS);
  /* 909 cycles: each team should open about 83 of them; a fixed order would give 909 to one. */
  for (int t = 0; t < N_TEAMS; t++)
    g_assert_cmpint (first_of_cycle[t], >, 40);
}

static void
test_orders_differ (void)
{
  g_autofree Simulation *sim = g_new0 (Simulation, 1);
  g_autoptr (GHashTable) orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int n_cycles = 0;

  simulate (sim);

  for (gsize start = 0; start + N_TEAMS <= N_DRAWS; start += N_TEAMS)
    {
      GString *order = g_string_new (NULL);

      for (gsize k = 0; k < N_TEAMS; k++)
        g_string_append_printf (order, "%" G_GINT64_FORMAT ",", sim->draws[start + k].member);
      g_hash_table_add (orders, g_string_free (order, FALSE));
      n_cycles++;

      /* Every cycle has its own seed. */
      if (start > 0)
        g_assert_cmpint (sim->draws[start].cycle_seed, !=, sim->draws[start - 1].cycle_seed);
    }

  /* 11! orders: with 909 cycles, a repeat would mean a broken seed source or shuffle. */
  g_assert_cmpint (g_hash_table_size (orders), ==, n_cycles);
}

static void
test_verify (void)
{
  g_autofree Simulation *sim = g_new0 (Simulation, 1);
  g_autoptr (GError) error = NULL;
  ZxAssignLogEntry saved;

  simulate (sim);

  for (gsize i = 0; i < N_DRAWS; i++)
    {
      g_assert_true (zx_assign_verify (all_teams, N_TEAMS, &sim->draws[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (zx_assign_verify_log (sim->log, N_DRAWS, &error), ==, -1);
  g_assert_no_error (error);

  /* One draw handed to another team. */
  saved = sim->log[5000];
  sim->log[5000].draw.member = sim->log[5000].draw.member % N_TEAMS + 1;
  g_assert_false (zx_assign_verify (all_teams, N_TEAMS, &sim->log[5000].draw, &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (zx_assign_verify_log (sim->log, N_DRAWS, &error), ==, 5000);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "Draw 5001: "));
  g_clear_error (&error);
  sim->log[5000] = saved;

  /* A log cut at the start (a cycle's first draws dropped). */
  g_assert_cmpint (zx_assign_verify_log (sim->log + 3, 20, &error), ==, 0);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A draw deleted from the log (position 8 of cycle 64) breaks the sequence there. */
  memmove (&sim->log[701], &sim->log[702], (N_DRAWS - 702) * sizeof (ZxAssignLogEntry));
  g_assert_cmpint (zx_assign_verify_log (sim->log, N_DRAWS - 1, &error), ==, 701);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CORRUPT);
}

/* Re-seeding a cycle midway (to steer the next case) makes every draw re-derive on its own,
 * but the log no longer follows from itself. */
static void
test_verify_reseeded (void)
{
  g_autofree Simulation *sim = g_new0 (Simulation, 1);
  g_autoptr (GError) error = NULL;
  gint64 order[N_TEAMS];
  gsize start = 22 * N_TEAMS;  /* cycle 23 */

  simulate (sim);

  g_assert_true (zx_assign_cycle_order (all_teams, N_TEAMS, 23, 777, order, NULL));
  for (gsize k = 4; k < N_TEAMS; k++)
    {
      ZxAssignDraw *d = &sim->log[start + k].draw;

      d->cycle_seed = 777;
      d->member = order[k];
      g_assert_true (zx_assign_verify (all_teams, N_TEAMS, d, NULL));
    }

  g_assert_cmpint (zx_assign_verify_log (sim->log, N_DRAWS, &error), ==, (gssize) start + 4);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "with the same seed"));
}

/* A team added or removed, or the pool reordered: the cycle restarts. */
static void
test_pool_change (void)
{
  static const gint64 eight[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  static const gint64 eight_reordered[] = { 2, 1, 3, 4, 5, 6, 7, 8 };
  ZxAssignDraw a, b, c, d;
  ZxAssignLogEntry log[4];

  g_assert_true (zx_assign_next (eight, 8, NULL, 0, NULL, 11, &a, NULL));
  g_assert_true (zx_assign_next (eight, 8, eight, 8, &a, 12, &b, NULL));
  g_assert_cmpint (b.cycle_no, ==, 1);
  g_assert_cmpint (b.position, ==, 1);
  g_assert_cmpint (b.cycle_seed, ==, a.cycle_seed);

  g_assert_true (zx_assign_next (all_teams, N_TEAMS, eight, 8, &b, 13, &c, NULL));
  g_assert_cmpint (c.cycle_no, ==, 2);
  g_assert_cmpint (c.position, ==, 0);
  g_assert_cmpint (c.cycle_seed, ==, 13);

  g_assert_true (zx_assign_next (eight_reordered, 8, all_teams, N_TEAMS, &c, 14, &d, NULL));
  g_assert_cmpint (d.cycle_no, ==, 3);
  g_assert_cmpint (d.position, ==, 0);

  log[0] = (ZxAssignLogEntry) { eight, 8, a };
  log[1] = (ZxAssignLogEntry) { eight, 8, b };
  log[2] = (ZxAssignLogEntry) { all_teams, N_TEAMS, c };
  log[3] = (ZxAssignLogEntry) { eight_reordered, 8, d };
  g_assert_cmpint (zx_assign_verify_log (log, 4, NULL), ==, -1);
}

static void
test_seed_range (void)
{
  ZxAssignDraw draw;

  /* The top bit is dropped: the seed must fit a signed SQLite INTEGER. */
  g_assert_true (zx_assign_next (all_teams, N_TEAMS, NULL, 0, NULL, G_MAXUINT64, &draw, NULL));
  g_assert_cmpint (draw.cycle_seed, ==, G_MAXINT64);
  g_assert_cmpint (draw.cycle_no, ==, 1);
  g_assert_true (zx_assign_verify (all_teams, N_TEAMS, &draw, NULL));
}

/* ---- routing --------------------------------------------------------------------------- */

static const gint64 original8[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static const gint64 new3[] = { 9, 10, 11 };

typedef struct
{
  ZxRoutingCase facts;
  int priority;     /* of the expected rule; 0 for no match */
  ZxPoolKind kind;
  guint n_teams;
} RouteCase;

static const RouteCase route_cases[] = {
  /* Filed before the boundary: the original teams, whatever the basis. */
  { { "2018-04-30", "judgment", "2018-05-02", "执" }, 10, ZX_POOL_TEAMS, 8 },
  { { "2018-04-30", "mediation", "2018-05-02", "执" }, 10, ZX_POOL_TEAMS, 8 },
  { { "2016-01-04", "arbitration", NULL, "执恢" }, 10, ZX_POOL_TEAMS, 8 },
  /* Judgments effective on or after 2018-05-01: the new teams. */
  { { "2018-05-01", "judgment", "2018-05-01", "执" }, 20, ZX_POOL_TEAMS, 3 },
  { { "2019-03-01", "judgment", "2018-12-01", "执" }, 20, ZX_POOL_TEAMS, 3 },
  /* A judgment effective before the boundary, filed after it: everybody. */
  { { "2018-05-02", "judgment", "2018-04-30", "执" }, 1000, ZX_POOL_TEAMS, 11 },
  { { "2018-05-02", "judgment", NULL, "执" }, 1000, ZX_POOL_TEAMS, 11 },
  /* Mediation effective after: the trial judge. */
  { { "2018-05-01", "mediation", "2018-05-01", "执" }, 30, ZX_POOL_TRIAL_JUDGE, 0 },
  { { "2018-06-01", "mediation", "2018-04-30", "执" }, 1000, ZX_POOL_TEAMS, 11 },
  /* Other bases after the boundary. */
  { { "2020-01-01", "notarized", "2019-12-01", "执" }, 1000, ZX_POOL_TEAMS, 11 },
  /* A filing date that is not a date never satisfies a date condition. */
  { { "2018/04/30", "arbitration", NULL, "执" }, 1000, ZX_POOL_TEAMS, 11 },
};

static void
test_route (gconstpointer data)
{
  const RouteCase *c = data;
  g_autoptr (GPtrArray) rules = zx_routing_default_rules (original8, 8, new3, 3);
  const ZxRoutingRule *rule = zx_routing_match (rules, &c->facts);

  g_assert_nonnull (rule);
  g_assert_cmpint (rule->priority, ==, c->priority);
  g_assert_cmpint (rule->pool_kind, ==, c->kind);
  g_assert_cmpuint (rule->pool_team_ids->len, ==, c->n_teams);
}

static void
test_route_defaults (void)
{
  g_autoptr (GPtrArray) rules = zx_routing_default_rules (original8, 8, new3, 3);
  const ZxRoutingRule *all = g_ptr_array_index (rules, 3);
  const ZxRoutingRule *fresh = g_ptr_array_index (rules, 1);
  ZxPoolKind kind;

  g_assert_cmpuint (rules->len, ==, 4);
  for (guint i = 0; i < 11; i++)
    g_assert_cmpint (g_array_index (all->pool_team_ids, gint64, i), ==, (gint64) i + 1);
  g_assert_cmpint (g_array_index (fresh->pool_team_ids, gint64, 0), ==, 9);

  g_assert_cmpstr (zx_pool_kind_to_string (ZX_POOL_TRIAL_JUDGE), ==, "trial_judge");
  g_assert_true (zx_pool_kind_from_string ("teams", &kind));
  g_assert_cmpint (kind, ==, ZX_POOL_TEAMS);
  g_assert_false (zx_pool_kind_from_string ("judge", &kind));
}

static void
test_route_priority (void)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (
      (GDestroyNotify) zx_routing_rule_free);
  ZxRoutingRule *late = zx_routing_rule_new ();
  ZxRoutingRule *early = zx_routing_rule_new ();
  ZxRoutingRule *tie = zx_routing_rule_new ();
  ZxRoutingRule *preservation = zx_routing_rule_new ();
  ZxRoutingCase facts = { "2026-02-12", "judgment", "2026-01-05", "执" };
  ZxRoutingCase keep = { "2026-02-12", "judgment", "2026-01-05", "执保" };

  late->id = 1;
  late->priority = 50;
  early->id = 2;
  early->priority = 5;
  early->filed_from = g_strdup ("2026-01-01");
  tie->id = 3;
  tie->priority = 5;
  preservation->id = 4;
  preservation->priority = 1;
  preservation->type_code = g_strdup ("执保");
  g_ptr_array_add (rules, late);
  g_ptr_array_add (rules, early);
  g_ptr_array_add (rules, tie);
  g_ptr_array_add (rules, preservation);

  /* Lowest priority wins, ties go to the earlier rule; the array is left as it was. */
  g_assert_cmpint (zx_routing_match (rules, &facts)->id, ==, 2);
  g_assert_cmpint (zx_routing_match (rules, &keep)->id, ==, 4);
  g_assert_true (g_ptr_array_index (rules, 0) == late);

  facts.filed_on = "2025-12-31";
  g_assert_cmpint (zx_routing_match (rules, &facts)->id, ==, 3);

  g_ptr_array_set_size (rules, 0);
  g_assert_null (zx_routing_match (rules, &facts));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ZX_ADD_TABLE ("/domain/assign/cycle-order", order_cases, test_cycle_order);
  g_test_add_func ("/domain/assign/bad-pools", test_bad_pools);
  g_test_add_func ("/domain/assign/balance", test_balance);
  g_test_add_func ("/domain/assign/orders-differ", test_orders_differ);
  g_test_add_func ("/domain/assign/verify", test_verify);
  g_test_add_func ("/domain/assign/verify-reseeded", test_verify_reseeded);
  g_test_add_func ("/domain/assign/pool-change", test_pool_change);
  g_test_add_func ("/domain/assign/seed-range", test_seed_range);
  ZX_ADD_TABLE ("/domain/assign/route", route_cases, test_route);
  g_test_add_func ("/domain/assign/route-defaults", test_route_defaults);
  g_test_add_func ("/domain/assign/route-priority", test_route_priority);

  return g_test_run ();
}
