/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zx-store.h"

G_BEGIN_DECLS

/* Seizures, freezes and distraints (查封、扣押、冻结) in the store. An object held by an
 * effective seizure can only be seized again in the queue (轮候: state waiting, the next
 * waiting_rank, no running term). Releasing the effective seizure (or its lapse) makes the
 * earliest waiting one effective from that day with its own kind's term, in the same
 * transaction. Terms come from rule_params (seizure_term_deposit 12, _movable 24,
 * _real_estate 36, _other 36 months). Steps check the actor's role (ZX_ACTION_SEIZURE, except
 * the lapse housekeeping) and are audited; EXPECTED_VERSION 0 means the current version. */

typedef struct
{
  gint64      case_id;
  gint64      party_id;     /* 0: none */
  const char *kind;         /* deposit, movable, vehicle, real_estate, equity, other */
  const char *object;       /* what is seized, as registered (the same text names the same
                             * object across cases) */
  const char *start_on;     /* effective from (or, when queued, registered on) */
  int         term_months;  /* 0: the kind's longest term; else 1 … that */
  gint64      amount;       /* fen, 0: none */
  const char *note;         /* may be NULL */
} ZxSeizureOrder;

/* Records a seizure: effective from START_ON with expires_on from its term, or waiting when
 * another seizure holds the object on that day. Returns its id, or 0 with ERROR set. */
gint64   zx_seizures_record (ZxStore *store, const ZxSeizureOrder *order, GError **error);

/* Renews an effective seizure on RENEWED_ON (no later than its expiry day) for MONTHS (0: the
 * kind's longest term): the new term follows the old one without a gap. */
gboolean zx_seizures_renew (ZxStore *store, gint64 id, gint64 expected_version,
                            const char *renewed_on, int months, GError **error);

/* Releases an effective or waiting seizure on RELEASED_ON. When it held the object, the
 * earliest waiting seizure of the object becomes effective on RELEASED_ON; its id goes to
 * OUT_NEXT_ID (0 if none; may be NULL). */
gboolean zx_seizures_release (ZxStore *store, gint64 id, gint64 expected_version,
                              const char *released_on, gint64 *out_next_id, GError **error);

/* Marks every effective seizure whose expiry day is before TODAY as lapsed, each making the
 * earliest waiting seizure of its object effective from the day after its expiry. The number
 * marked goes to OUT_N_LAPSED (may be NULL). */
gboolean zx_seizures_mark_lapsed (ZxStore *store, const char *today, guint *out_n_lapsed,
                                  GError **error);

G_END_DECLS
