/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-domain"

#include "config.h"

#include <inttypes.h>

#include "zx-assign.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zx-calendar.h"

#define GOLDEN_GAMMA G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
/* A pool is the teams (or officers) of one court; this only stops absurd input. */
#define POOL_MAX 10000

/* The day the court's new teams started taking cases (seed report). */
#define NEW_TEAMS_FROM "2018-05-01"

/* ---- the generator (splitmix64: tiny, well tested, same result on every platform) ------- */

static guint64
splitmix64_next (guint64 *state)
{
  guint64 z;

  *state += GOLDEN_GAMMA;
  z = *state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, BOUND): values below 2^64 mod BOUND are redrawn, so no member is favoured. */
static guint64
below (guint64 *state, guint64 bound)
{
  guint64 threshold = (0 - bound) % bound;
  guint64 r;

  do
    r = splitmix64_next (state);
  while (r < threshold);

  return r % bound;
}

static void
shuffle (gint64 *order, gsize n, gint64 cycle_no, gint64 cycle_seed)
{
  guint64 state = (guint64) cycle_seed ^ ((guint64) cycle_no * GOLDEN_GAMMA);

  for (gsize i = n - 1; i > 0; i--)
    {
      gsize j = (gsize) below (&state, i + 1);
      gint64 tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }
}

/* ---- cycles ---------------------------------------------------------------------------- */

static gboolean
check_pool (const gint64 *pool, gsize n_pool, GError **error)
{
  g_autoptr (GHashTable) seen = NULL;

  if (pool == NULL || n_pool == 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("The pool has no members"));
      return FALSE;
    }
  if (n_pool > POOL_MAX)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("The pool has too many members"));
      return FALSE;
    }

  /* A member listed twice would get two cases per cycle. */
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (gsize i = 0; i < n_pool; i++)
    if (!g_hash_table_add (seen, (gpointer) &pool[i]))
      {
        g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                     _("Member %" PRId64 " is in the pool twice"), pool[i]);
        return FALSE;
      }

  return TRUE;
}

gboolean
zx_assign_cycle_order (const gint64 *pool, gsize n_pool, gint64 cycle_no, gint64 cycle_seed,
                       gint64 *out_order, GError **error)
{
  g_return_val_if_fail (out_order != NULL, FALSE);

  if (!check_pool (pool, n_pool, error))
    return FALSE;
  if (cycle_seed < 0)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("A cycle seed is never negative"));
      return FALSE;
    }

  memcpy (out_order, pool, n_pool * sizeof (gint64));
  shuffle (out_order, n_pool, cycle_no, cycle_seed);
  return TRUE;
}

/* The member at DRAW's position, or FALSE for a draw that cannot come from POOL. */
static gboolean
derive_member (const gint64 *pool, gsize n_pool, const ZxAssignDraw *draw, gint64 *out_member,
               GError **error)
{
  g_autofree gint64 *order = NULL;

  if (draw->cycle_no < 1 || draw->position < 0 || (gsize) draw->position >= n_pool)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT,
                   _("Cycle %" PRId64 ", position %d does not exist in a pool of %"
                     "zu"),
                   draw->cycle_no, draw->position, n_pool);
      return FALSE;
    }

  order = g_new (gint64, n_pool);
  if (!zx_assign_cycle_order (pool, n_pool, draw->cycle_no, draw->cycle_seed, order, error))
    return FALSE;

  *out_member = order[draw->position];
  return TRUE;
}

static gboolean
same_pool (const gint64 *a, gsize n_a, const gint64 *b, gsize n_b)
{
  return n_a == n_b && a != NULL && b != NULL && memcmp (a, b, n_a * sizeof (gint64)) == 0;
}

/* TRUE when the draw after PREV (from PREV_POOL) stays in PREV's cycle. */
static gboolean
continues_cycle (const gint64 *pool, gsize n_pool, const gint64 *prev_pool, gsize n_prev_pool,
                 const ZxAssignDraw *prev)
{
  return same_pool (pool, n_pool, prev_pool, n_prev_pool) && (gsize) prev->position + 1 < n_pool;
}

/* A previous draw that no zx_assign_next() could have made: the log was edited by hand. */
static gboolean
check_last (const ZxAssignDraw *last, gsize n_last_pool, GError **error)
{
  if (last == NULL
      || (last->cycle_no >= 1 && last->cycle_no < G_MAXINT64 && last->cycle_seed >= 0
          && last->position >= 0 && (gsize) last->position < n_last_pool))
    return TRUE;

  g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT,
               _("The pool's last draw (cycle %" PRId64 ", position %d) is impossible"),
               last->cycle_no, last->position);
  return FALSE;
}

gboolean
zx_assign_next (const gint64 *pool, gsize n_pool, const gint64 *last_pool, gsize n_last_pool,
                const ZxAssignDraw *last, guint64 fresh_seed, ZxAssignDraw *out, GError **error)
{
  ZxAssignDraw next = { 0 };

  g_return_val_if_fail (out != NULL, FALSE);

  if (!check_pool (pool, n_pool, error) || !check_last (last, n_last_pool, error))
    return FALSE;

  if (last != NULL && continues_cycle (pool, n_pool, last_pool, n_last_pool, last))
    {
      next.cycle_no = last->cycle_no;
      next.cycle_seed = last->cycle_seed;
      next.position = last->position + 1;
    }
  else
    {
      next.cycle_no = last != NULL ? last->cycle_no + 1 : 1;
      /* 63 bits: the log keeps it in a signed SQLite INTEGER. */
      next.cycle_seed = (gint64) (fresh_seed & G_MAXINT64);
      next.position = 0;
    }

  if (!derive_member (pool, n_pool, &next, &next.member, error))
    return FALSE;

  *out = next;
  return TRUE;
}

gboolean
zx_assign_verify (const gint64 *pool, gsize n_pool, const ZxAssignDraw *draw, GError **error)
{
  gint64 expected;

  g_return_val_if_fail (draw != NULL, FALSE);

  if (!derive_member (pool, n_pool, draw, &expected, error))
    return FALSE;

  if (expected != draw->member)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT,
                   _("Cycle %" PRId64 ", position %d gives member %" PRId64
                     ", but the log says %" PRId64),
                   draw->cycle_no, draw->position, expected, draw->member);
      return FALSE;
    }

  return TRUE;
}

/* Whether CUR may follow PREV in a pool's log. */
static gboolean
check_sequence (const ZxAssignLogEntry *prev, const ZxAssignLogEntry *cur, GError **error)
{
  const ZxAssignDraw *p = &prev->draw;
  const ZxAssignDraw *c = &cur->draw;

  if (continues_cycle (cur->pool, cur->n_pool, prev->pool, prev->n_pool, p))
    {
      if (c->cycle_no == p->cycle_no && c->cycle_seed == p->cycle_seed
          && c->position == p->position + 1)
        return TRUE;

      g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT,
                   _("Expected position %d of cycle %" PRId64 " with the same seed, "
                     "found position %d of cycle %" PRId64),
                   p->position + 1, p->cycle_no, c->position, c->cycle_no);
      return FALSE;
    }

  if (c->cycle_no == p->cycle_no + 1 && c->position == 0)
    return TRUE;

  g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT,
               _("Expected the start of cycle %" PRId64 ", found position %d of cycle %"
                 PRId64),
               p->cycle_no + 1, c->position, c->cycle_no);
  return FALSE;
}

gssize
zx_assign_verify_log (const ZxAssignLogEntry *entries, gsize n_entries, GError **error)
{
  g_return_val_if_fail (entries != NULL || n_entries == 0, 0);

  for (gsize i = 0; i < n_entries; i++)
    {
      const ZxAssignLogEntry *e = &entries[i];
      gboolean ok;

      /* A log begins at the start of a cycle, like zx_assign_next()'s first draw. */
      if (i == 0 && e->draw.position != 0)
        {
          g_set_error (error, ZX_ERROR, ZX_ERROR_CORRUPT,
                       _("The log starts in the middle of a cycle"));
          ok = FALSE;
        }
      else
        ok = zx_assign_verify (e->pool, e->n_pool, &e->draw, error)
             && (i == 0 || check_sequence (&entries[i - 1], e, error));

      if (!ok)
        {
          g_prefix_error (error, _("Draw %" "zu" ": "), i + 1);
          return (gssize) i;
        }
    }

  return -1;
}

/* ---- routing --------------------------------------------------------------------------- */

ZxRoutingRule *
zx_routing_rule_new (void)
{
  ZxRoutingRule *rule = g_new0 (ZxRoutingRule, 1);

  rule->pool_kind = ZX_POOL_TEAMS;
  rule->pool_team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return rule;
}

void
zx_routing_rule_free (ZxRoutingRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->name);
  g_free (rule->filed_before);
  g_free (rule->filed_from);
  g_free (rule->basis_type);
  g_free (rule->effective_from);
  g_free (rule->type_code);
  g_clear_pointer (&rule->pool_team_ids, g_array_unref);
  g_free (rule);
}

const char *
zx_pool_kind_to_string (ZxPoolKind kind)
{
  return kind == ZX_POOL_TRIAL_JUDGE ? "trial_judge" : "teams";
}

gboolean
zx_pool_kind_from_string (const char *text, ZxPoolKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (g_strcmp0 (text, "teams") == 0)
    *out_kind = ZX_POOL_TEAMS;
  else if (g_strcmp0 (text, "trial_judge") == 0)
    *out_kind = ZX_POOL_TRIAL_JUDGE;
  else
    return FALSE;

  return TRUE;
}

/* A date condition: NULL holds always; otherwise both dates must be real (a case without
 * the date, or a rule with a broken one, does not match) and compare as ISO strings do. */
static gboolean
date_holds (const char *value, const char *bound, gboolean before)
{
  int cmp;

  if (bound == NULL)
    return TRUE;
  if (!zx_date_is_valid (value) || !zx_date_is_valid (bound))
    return FALSE;

  cmp = strcmp (value, bound);
  return before ? cmp < 0 : cmp >= 0;
}

static gboolean
rule_matches (const ZxRoutingRule *rule, const ZxRoutingCase *c)
{
  return date_holds (c->filed_on, rule->filed_before, TRUE)
         && date_holds (c->filed_on, rule->filed_from, FALSE)
         && date_holds (c->basis_effective_on, rule->effective_from, FALSE)
         && (rule->basis_type == NULL || g_strcmp0 (rule->basis_type, c->basis_type) == 0)
         && (rule->type_code == NULL || g_strcmp0 (rule->type_code, c->type_code) == 0);
}

const ZxRoutingRule *
zx_routing_match (GPtrArray *rules, const ZxRoutingCase *case_)
{
  const ZxRoutingRule *best = NULL;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (case_ != NULL, NULL);

  for (guint i = 0; i < rules->len; i++)
    {
      const ZxRoutingRule *rule = g_ptr_array_index (rules, i);

      if ((best == NULL || rule->priority < best->priority) && rule_matches (rule, case_))
        best = rule;
    }

  return best;
}

static ZxRoutingRule *
default_rule (int priority, const char *name, ZxPoolKind kind)
{
  ZxRoutingRule *rule = zx_routing_rule_new ();

  rule->priority = priority;
  rule->name = g_strdup (name);
  rule->pool_kind = kind;
  return rule;
}

GPtrArray *
zx_routing_default_rules (const gint64 *original_teams, gsize n_original,
                          const gint64 *new_teams, gsize n_new)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) zx_routing_rule_free);
  ZxRoutingRule *rule;

  g_return_val_if_fail (original_teams != NULL || n_original == 0, NULL);
  g_return_val_if_fail (new_teams != NULL || n_new == 0, NULL);

  /* Priorities leave gaps so that a court can slot its own rules in between. */
  rule = default_rule (10, _("Filed before 2018-05-01: original teams"), ZX_POOL_TEAMS);
  rule->filed_before = g_strdup (NEW_TEAMS_FROM);
  g_array_append_vals (rule->pool_team_ids, original_teams, (guint) n_original);
  g_ptr_array_add (rules, rule);

  rule = default_rule (20, _("Judgments effective from 2018-05-01: new teams"), ZX_POOL_TEAMS);
  rule->basis_type = g_strdup ("judgment");
  rule->effective_from = g_strdup (NEW_TEAMS_FROM);
  g_array_append_vals (rule->pool_team_ids, new_teams, (guint) n_new);
  g_ptr_array_add (rules, rule);

  rule = default_rule (30, _("Mediation effective from 2018-05-01: the trial judge"),
                       ZX_POOL_TRIAL_JUDGE);
  rule->basis_type = g_strdup ("mediation");
  rule->effective_from = g_strdup (NEW_TEAMS_FROM);
  g_ptr_array_add (rules, rule);

  rule = default_rule (1000, _("Everything else: all teams"), ZX_POOL_TEAMS);
  g_array_append_vals (rule->pool_team_ids, original_teams, (guint) n_original);
  g_array_append_vals (rule->pool_team_ids, new_teams, (guint) n_new);
  g_ptr_array_add (rules, rule);

  return rules;
}
