/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zx-store.h"

G_BEGIN_DECLS

/* The case register as the Cases page sees it: a filtered, sorted snapshot of case ids (cheap
 * even for a million cases), and the display rows for a window of those ids, fetched on demand.
 * Nothing here keeps a statement open between calls. */

typedef enum
{
  ZX_CASE_SORT_FILED,      /* filed_on, then id */
  ZX_CASE_SORT_CASE_NO,    /* year, type, sequence */
  ZX_CASE_SORT_APPLIED,    /* amount applied */
  ZX_CASE_SORT_REALIZED,   /* amount realized */
  ZX_CASE_SORT_TEAM,       /* team, then filed_on */
  ZX_CASE_SORT_STATUS,     /* status, then filed_on */
  ZX_CASE_SORT_DEADLINE,   /* statutory deadline (deadline_on) */
  ZX_CASE_SORT_RESPONDENT, /* min(name) of the respondents, then id */
  ZX_CASE_SORT_APPLICANT,  /* min(name) of the applicants, then id */
  ZX_CASE_SORT_OFFICER,    /* the officer's name, then filed_on, then id */
  ZX_CASE_SORT_NEXT_DUE,   /* earliest open node's due date (none: last either way), then id */
} ZxCaseSort;

typedef struct
{
  const char *text;         /* case number, party names, ID numbers, document numbers; any part */
  gint64      team_id;      /* 0: any */
  gint64      officer_id;   /* 0: any */
  const char *status;       /* NULL: any; "open" (in progress or suspended), "concluded", or one
                             * status of the schema */
  const char *type_code;    /* NULL: any */
  int         year;         /* 0: any (the case number's year) */
  gboolean    overdue_only; /* only cases with an open node past its due date on TODAY */
  const char *today;        /* YYYY-MM-DD */
  ZxCaseSort  sort;
  gboolean    descending;
} ZxCaseFilter;

/* The ids of the matching cases in display order (gint64). CANCELLABLE interrupts a long query
 * (sqlite3_interrupt) when the user typed on. */
GArray    *zx_case_query_ids (ZxStore *store, const ZxCaseFilter *filter,
                              GCancellable *cancellable, GError **error);

typedef struct
{
  gint64  id;
  gint64  version;
  char   *case_no;
  char   *filed_on;
  char   *applicant;        /* names joined with "、" */
  char   *respondent;
  gint64  amount_applied;   /* fen */
  gint64  amount_realized;  /* fen */
  gint64  team_id;
  char   *team;
  gint64  officer_id;
  char   *officer;
  char   *status;           /* schema value: in_progress, executed, … */
  char   *next_due_on;      /* earliest open node, or NULL */
  char   *next_due_kind;    /* its node kind */
  char   *next_due_status;  /* "open", "due_soon", "overdue" (as of TODAY) or NULL */
} ZxCaseRow;

void       zx_case_row_free (ZxCaseRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxCaseRow, zx_case_row_free)

/* Rows for IDS (any order, e.g. one window of the snapshot), returned in the same order; a case
 * deleted since the snapshot comes back as NULL in its slot. */
GPtrArray *zx_case_query_rows (ZxStore *store, const gint64 *ids, guint n_ids, const char *today,
                               GError **error);

/* Rebuilds the search index from scratch (after bulk loads such as demo data). */
gboolean   zx_case_search_rebuild (ZxStore *store, GError **error);

G_END_DECLS
