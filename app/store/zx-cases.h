/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zx-store.h"

G_BEGIN_DECLS

/* Filing a case (有案必录): the next number for its court, type and year, the routing rule, the
 * random-cycle draw and the case's first nodes, all in one write transaction. */
typedef struct
{
  const char *type_code;  /* 执 when NULL */
  const char *filed_on;   /* YYYY-MM-DD */
  JsonObject *fields;     /* further case columns: basis_type, basis_effective_on, amount_applied,
                           * trial_judge_id, livelihood, … (no case_no, team_id, officer_id) */
  JsonArray  *parties;    /* objects with party columns (role, kind, name, id_no, …) */
  const char *op_id;      /* client save id; NULL makes one */
} ZxNewCase;

typedef struct
{
  gint64  case_id;
  char   *case_no;
  char   *rule_name;      /* the routing rule that chose the pool */
  gint64  team_id;        /* the drawn team, 0 when the case went to the trial judge */
  gint64  judge_id;       /* the trial judge, 0 when a team was drawn */
  gint64  cycle_no;
  int     position;
} ZxFiledCase;

void     zx_filed_case_clear (ZxFiledCase *filed);

gboolean zx_store_file_case (ZxStore *store, const ZxNewCase *new_case, ZxFiledCase *out,
                             GError **error);

/* The number the next case of TYPE_CODE filed in YEAR would get (shown in the New Case dialog;
 * not reserved: the number is drawn when the case is saved). */
char    *zx_store_peek_case_no (ZxStore *store, const char *type_code, int year, GError **error);

/* Moves a case to TEAM_ID by hand; REASON is required and goes into the assignment log and the
 * audit trail. Fails with ZX_ERROR_CONFLICT if the case changed since EXPECTED_VERSION. */
gboolean zx_store_reassign_case (ZxStore *store, gint64 case_id, gint64 expected_version,
                                 gint64 team_id, const char *reason, GError **error);

/* Inserts the seed report's routing rules if there are none: teams sorted by (sort_order, id),
 * the first 8 being the original teams and the rest the new ones. */
gboolean zx_store_seed_routing (ZxStore *store, GError **error);

/* Re-derives every logged automatic draw. Returns the number checked; OUT_PROBLEMS gets one line
 * per draw that does not match ("assignment log id N, case …: …"). */
gint64   zx_store_verify_assignments (ZxStore *store, GPtrArray **out_problems, GError **error);

G_END_DECLS
