/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zx-store.h"

G_BEGIN_DECLS

/* Compulsory measures (强制措施) and their workflow:
 *
 *   summons, detention, fine:   proposed → approved (president) → executed (police for summons
 *                               and detention, the officer for fines)
 *   every other kind:           proposed → executed (the officer)
 *   any kind, before executed:  → withdrawn;  proposed → rejected (president)
 *   consumption restriction:    executed → lifted
 *
 * Every step runs in one transaction, checks the actor's role (zx-roles.h) and the state,
 * records who and when, and is audited; a refused step changes nothing. EXPECTED_VERSION is the
 * measure's version the user saw (0: the current one); a mismatch is ZX_ERROR_CONFLICT. Dates
 * are YYYY-MM-DD and never earlier than the step before. Limits come from rule_params:
 * detention_max (days), fine_person_max, fine_entity_min, fine_entity_max (fen). */

typedef struct
{
  gint64      case_id;
  gint64      party_id;     /* the party it is aimed at (must belong to the case) */
  const char *kind;         /* notice, consumption_restriction, listing, summons, detention,
                             * fine, referral, bounty */
  const char *proposed_on;
  int         days;         /* detention: 1 … detention_max; 0 for other kinds */
  gint64      amount;       /* fine: fen, within the limits for the party's kind; 0 otherwise */
  const char *note;         /* may be NULL */
} ZxMeasureProposal;

/* How a summons went, when it is recorded as carried out. */
typedef enum
{
  ZX_MEASURE_OUTCOME_NONE,      /* not a summons, or nothing to record */
  ZX_MEASURE_OUTCOME_APPEARED,  /* the person came */
  ZX_MEASURE_OUTCOME_IGNORED,   /* the person ignored it: 首传必拘 in small-amount and
                                 * livelihood cases */
} ZxMeasureOutcome;

/* TRUE for summons, detention and fine. */
gboolean    zx_measures_needs_approval (const char *kind);
/* The translated name of a measures.kind value ("detention"). */
const char *zx_measures_kind_label (const char *kind);

/* Proposes a measure; returns its id, or 0 with ERROR set. */
gint64   zx_measures_propose (ZxStore *store, const ZxMeasureProposal *proposal,
                              GError **error);
/* Corrects the days, amount (0: unchanged) or note (NULL: unchanged) of a proposal before it
 * is approved, with the same limits. */
gboolean zx_measures_amend (ZxStore *store, gint64 id, gint64 expected_version, int days,
                            gint64 amount, const char *note, GError **error);
gboolean zx_measures_approve (ZxStore *store, gint64 id, gint64 expected_version,
                              const char *approved_on, GError **error);
/* The president refuses a proposal; REASON is required. */
gboolean zx_measures_reject (ZxStore *store, gint64 id, gint64 expected_version,
                             const char *rejected_on, const char *reason, GError **error);
/* Records the measure as carried out. OUTCOME is for summonses: a summons ignored in a
 * small-amount or livelihood case creates a detention proposal for the same party in the
 * same transaction (首传必拘), unless one is already pending; its id goes to OUT_DETENTION_ID
 * (0 when none was made; may be NULL). */
gboolean zx_measures_execute (ZxStore *store, gint64 id, gint64 expected_version,
                              const char *executed_on, ZxMeasureOutcome outcome,
                              const char *note, gint64 *out_detention_id, GError **error);
/* Withdraws a proposed or approved measure; REASON is required. */
gboolean zx_measures_withdraw (ZxStore *store, gint64 id, gint64 expected_version,
                               const char *withdrawn_on, const char *reason, GError **error);
/* Lifts an executed consumption restriction (paid in full, security, the applicant's consent:
 * REASON). */
gboolean zx_measures_lift (ZxStore *store, gint64 id, gint64 expected_version,
                           const char *lifted_on, const char *reason, GError **error);

G_END_DECLS
