/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zx-calendar.h"
#include "zx-error.h"

G_BEGIN_DECLS

/* The dishonest-debtor list (失信被执行人名单): periods, deadlines, who may be listed, and the
 * one public view of an entry that every public output (wall, exports) goes through. */

/* The periods, as rule data (rule_params). */
typedef struct
{
  int period_months;         /* 24: fixed period for grounds 2–6 */
  int extension_min_months;  /* 12 */
  int extension_max_months;  /* 36 */
  int grace_max_months;      /* 3: 宽限期 before publication */
  int action_working_days;   /* 3: removal, revocation, correction */
  int decision_days;         /* 15: decision after the application */
} ZxListParams;

/* The defaults of DOMAIN.md. */
void zx_list_params_init_defaults (ZxListParams *params);

/* The last day of the listing period. Ground 1 has no fixed period: OUT_END is NULL. Grounds
 * 2–6: PERIOD_MONTHS + EXTENSION_MONTHS (0, or between the extension bounds) from DECIDED_ON,
 * the decision day counting as the first day (2 years from 2026-01-10 run through
 * 2028-01-09). ZX_ERROR_INVALID for a ground outside 1–6, a bad extension or date. */
gboolean zx_list_period_end (const ZxListParams *params, int ground, const char *decided_on,
                             int extension_months, char **out_end, GError **error);

/* The last day of the grace period that starts on DECIDED_ON (publication may follow the day
 * after). GRACE_MONTHS 0 means none: OUT_UNTIL is NULL. More than the maximum is refused. */
gboolean zx_list_grace_until (const ZxListParams *params, const char *decided_on,
                              int grace_months, char **out_until, GError **error);

/* "Within 3 working days of FROM": the deadline for removing an entry after a removal
 * ground (payment in full, settlement performed, …: FROM is that day) or after the end of a
 * fixed period (FROM is PERIOD_END), and for revoking or correcting one (FROM is the day the
 * error was established). */
char *zx_list_action_due (const ZxCalendar *cal, const ZxListParams *params, const char *from);

/* The decision on an application is due DECISION_DAYS after APPLIED_ON. */
char *zx_list_decision_due (const ZxListParams *params, const char *applied_on);

/* A proposal to list a respondent. */
typedef struct
{
  int         ground;                       /* art. 1, 1–6 */
  gboolean    is_person;
  const char *id_no;                        /* a person's 18-digit resident ID */
  const char *decided_on;                   /* the decision day: the age is taken then */
  gboolean    has_consumption_restriction;  /* one exists for this respondent */
  int         grace_months;                 /* 0, or 1 … grace_max_months */
  int         extension_months;             /* 0, or within the bounds (grounds 2–6 only) */
} ZxListProposal;

/* TRUE if the respondent may be listed as proposed. Otherwise ZX_ERROR_INVALID whose message
 * gives every reason, separated by "; ": a minor (age from the ID on the decision day), a
 * person without a valid ID, no ground 1–6, no consumption restriction, grace or extension
 * out of bounds. */
gboolean zx_list_check_proposal (const ZxListParams *params, const ZxListProposal *proposal,
                                 GError **error);

/* ---- the public view -------------------------------------------------------------------- */

/* An entry's raw fields as the store reads them (strings borrowed; NULL for unset). */
typedef struct
{
  const char *state;           /* blacklist_entries.state: only "published" is ever shown */
  const char *decided_on;      /* optional: a person who was a minor then is never shown */
  const char *published_on;
  const char *period_end;      /* NULL: ground 1, no fixed period */
  const char *grace_until;
  const char *removed_on;
  gboolean    is_person;
  const char *name;
  const char *id_no;           /* person: resident ID; entity: credit or organization code */
  const char *legal_rep;       /* entity: legal representative or principal */
  const char *obligation;      /* 生效法律文书确定的义务 */
  gint64      amount_due;      /* fen */
  gint64      amount_performed;
  const char *conduct;         /* 失信行为具体情形 */
  const char *basis_org;       /* body that made the basis document */
  const char *basis_doc_no;
  const char *case_no;
  const char *filed_on;
  const char *court;
} ZxListEntryFacts;

typedef enum
{
  ZX_PERFORMANCE_NONE,     /* 全部未履行 */
  ZX_PERFORMANCE_PARTIAL,  /* 部分未履行 */
  ZX_PERFORMANCE_FULL,     /* performed; the entry is waiting to be removed */
} ZxPerformance;

/* Only what art. 6 publishes. Strings are never NULL (empty when unknown). */
typedef struct
{
  gboolean      is_person;
  char         *name;
  char          sex;           /* person: 'M' or 'F'; entity: 0 */
  int           age;           /* person: whole years today; entity: -1 */
  char         *id_shown;      /* person: 3423011964****3224; entity: the code, whole */
  char         *legal_rep;     /* entity only; "" for a person */
  char         *obligation;
  gint64        amount_due;
  gint64        amount_performed;
  ZxPerformance performance;
  char         *conduct;
  char         *basis_org;
  char         *basis_doc_no;
  char         *case_no;
  char         *filed_on;
  char         *court;
  char         *published_on;
} ZxPublicEntry;

/* The entry as the public may see it on TODAY, or NULL when it must not be shown: not
 * published (or published later than TODAY), removed, revoked, still in its grace period,
 * past its period end, a minor (today or on the decision day), or a person whose ID number
 * is not a valid 18-digit ID (the age cannot be established, the mask not applied). */
ZxPublicEntry *zx_list_public_view (const ZxListEntryFacts *facts, const char *today);
void           zx_public_entry_free (ZxPublicEntry *entry);

/* The published form of a resident ID: digits 11–14 (birth month and day) replaced by
 * "****". NULL unless ID18 is a valid 18-digit resident ID. */
char *zx_mask_resident_id (const char *id18);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxPublicEntry, zx_public_entry_free)

G_END_DECLS
