/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zx-store.h"

G_BEGIN_DECLS

/* The dishonest-debtor list (失信被执行人名单) in the store: blacklist_entries through their
 * lifecycle
 *
 *   proposed → decided | grace → published → removed
 *                                          ↘ revoked (wrongly listed)
 *
 * with the rules of zx-blacklist-rules.h and the periods of rule_params (list_period,
 * list_grace_max, list_extension_max, list_removal, list_revoke …). Each step is one
 * transaction, checks the actor's role (zx-roles.h) and the state, and is audited; a refused
 * step changes nothing. EXPECTED_VERSION is the entry's version the user saw (0: the current
 * one). Dates are YYYY-MM-DD. */

typedef struct
{
  gint64      case_id;
  gint64      party_id;    /* a respondent of the case */
  int         ground;      /* art. 1, 1–6 */
  const char *conduct;     /* 失信行为具体情形 */
  const char *applied_on;
} ZxListingApplication;

/* Removal grounds (art. 10) and the end of a fixed period, as blacklist_entries.removal_reason. */
#define ZX_LISTING_PERFORMED             "performed"              /* paid in full */
#define ZX_LISTING_SETTLEMENT_PERFORMED  "settlement_performed"
#define ZX_LISTING_APPLICANT_REQUEST     "applicant_request"      /* approved by the court */
#define ZX_LISTING_NO_ASSETS             "no_assets_after_requeries" /* 2 empty re-queries after
                                                                   * 终本, no new lead */
#define ZX_LISTING_SUSPENDED             "suspended"              /* retrial or bankruptcy */
#define ZX_LISTING_NOT_EXECUTED          "not_executed"           /* 不予执行 */
#define ZX_LISTING_TERMINATED            "terminated"             /* 终结执行 */
#define ZX_LISTING_PERIOD_ENDED          "period_ended"
/* removal_reason of a revoked entry */
#define ZX_LISTING_WRONGFUL              "wrongful"

/* TRUE for one of the removal reasons above (not "wrongful"). */
gboolean    zx_listing_reason_is_valid (const char *reason);
/* Its translated wording. */
const char *zx_listing_reason_label (const char *reason);

/* Applies for a listing (state proposed). The party must be a respondent of the case without
 * another entry in force in it. Returns the entry id, or 0 with ERROR set. */
gint64   zx_listing_propose (ZxStore *store, const ZxListingApplication *application,
                             GError **error);

/* The president or the director decides (zx_list_check_proposal(): no minor on DECIDED_ON, an
 * executed consumption restriction for the party in the case, a ground 1–6, GRACE_MONTHS 0 or
 * up to list_grace_max). Sets decided_on, period_end (NULL for ground 1) and, with a grace
 * period, grace_until and state grace; otherwise state decided. */
gboolean zx_listing_decide (ZxStore *store, gint64 id, gint64 expected_version,
                            const char *decided_on, int grace_months, GError **error);

/* Publishes a decided entry; refused while it is in its grace period (on or before
 * grace_until) or after its period has ended. */
gboolean zx_listing_publish (ZxStore *store, gint64 id, gint64 expected_version,
                             const char *published_on, GError **error);

/* Records that a removal ground (REASON) arose on GROUND_ON: sets removal_reason and
 * removal_due_on (list_removal working days later, by the holiday calendar). The entry stays
 * in force until zx_listing_remove(); zx_listing_due_removals() lists it meanwhile. */
gboolean zx_listing_record_ground (ZxStore *store, gint64 id, gint64 expected_version,
                                   const char *reason, const char *ground_on, GError **error);

/* Removes the entry on REMOVED_ON. REASON and GROUND_ON may be NULL to use the ground recorded
 * before; for ZX_LISTING_PERIOD_ENDED the ground day is the period end. Sets removal_due_on
 * (3 working days after the ground), removed_on, removal_reason, state removed, and writes an
 * audit row "list_remove" saying whether the deadline was met (also into OUT_IN_TIME, may be
 * NULL). A late removal is still made. */
gboolean zx_listing_remove (ZxStore *store, gint64 id, gint64 expected_version,
                            const char *reason, const char *ground_on, const char *removed_on,
                            gboolean *out_in_time, GError **error);

/* Revokes a wrongful entry: ESTABLISHED_ON is the day the error was established, the deadline
 * list_revoke working days later; REASON (required) goes to the audit row "list_revoke".
 * State revoked, removal_reason "wrongful", removed_on REVOKED_ON. */
gboolean zx_listing_revoke (ZxStore *store, gint64 id, gint64 expected_version,
                            const char *established_on, const char *revoked_on,
                            const char *reason, gboolean *out_in_time, GError **error);

/* A correction of wrong data in an entry in force. */
typedef struct
{
  int         ground;        /* 0: unchanged; a change recomputes period_end from decided_on
                              * (an extension is dropped) */
  const char *conduct;       /* NULL: unchanged */
  JsonObject *party_fields;  /* NULL, or the party's name / id_no / legal_rep */
} ZxListingCorrection;

/* Corrects an entry in force (within list_revoke working days of ESTABLISHED_ON: the audit row
 * "list_correct" says whether that was met). A corrected ID is checked again for a minor. */
gboolean zx_listing_correct (ZxStore *store, gint64 id, gint64 expected_version,
                             const char *established_on, const char *corrected_on,
                             const ZxListingCorrection *correction, gboolean *out_in_time,
                             GError **error);

/* Extends the period of an entry on grounds 2–6 by MONTHS (list_extension_min …
 * list_extension_max, 12–36 by default; at most that much in all), decided on EXTENDED_ON,
 * no later than the period end. President or director. */
gboolean zx_listing_extend (ZxStore *store, gint64 id, gint64 expected_version, int months,
                            const char *extended_on, GError **error);

/* An entry that must be removed. */
typedef struct
{
  gint64  entry_id;
  gint64  case_id;
  char   *case_no;
  gint64  team_id;     /* 0: none */
  char   *team;        /* "" when none */
  gint64  officer_id;  /* 0: none */
  char   *officer;     /* "" when none */
  char   *party;
  char   *reason;      /* removal_reason, or "period_ended" */
  char   *due_on;      /* the last day to remove it */
  int     days;        /* due_on − TODAY: negative when overdue */
  gboolean overdue;
} ZxListingDue;

void     zx_listing_due_free (ZxListingDue *due);

/* The entries in force on TODAY that must be removed: a removal ground recorded, or a fixed
 * period that ended before TODAY; with their deadline, by due date. TEAM_ID / OFFICER_ID (0:
 * all) filter by the case's team and officer. A GPtrArray of ZxListingDue. */
GPtrArray *zx_listing_due_removals (ZxStore *store, const char *today, gint64 team_id,
                                    gint64 officer_id, GError **error);

G_END_DECLS
