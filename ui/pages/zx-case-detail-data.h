/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What the case detail shows, read with small prepared statements (bound parameters only) on
 * the window's connection. A row is a JsonObject of column → value (JSON null for NULL), the
 * form zx_store_get_row() returns. Plain GLib + SQLite, no GTK: these can move to app/store. */

typedef enum
{
  ZX_CASE_DETAIL_PARTIES,
  ZX_CASE_DETAIL_NODES,
  ZX_CASE_DETAIL_QUERIES,
  ZX_CASE_DETAIL_SEIZURES,
  ZX_CASE_DETAIL_MEASURES,
  ZX_CASE_DETAIL_LIST_ENTRIES,
  ZX_CASE_DETAIL_AUCTIONS,
  ZX_CASE_DETAIL_AID,
  ZX_CASE_DETAIL_HISTORY,
  ZX_CASE_DETAIL_N_SECTIONS
} ZxCaseDetailSection;

/* The tab that shows a row of ENTITY (nodes, seizures, measures, blacklist_entries, parties,
 * asset_queries, auctions, aid); the process nodes for anything else (a case's own deadline). */
ZxCaseDetailSection zx_case_detail_section_for_entity (const char *entity);

/* The most recent audit rows the history shows. */
#define ZX_CASE_DETAIL_HISTORY_LIMIT 300

/* The case with its team, officer and trial judge names; NULL with ZX_ERROR_NOT_FOUND when
 * there is no such case. */
JsonObject *zx_case_detail_data_load_case    (sqlite3              *db,
                                              gint64                case_id,
                                              GError              **error);

/* The rows of SECTION for the case, in the order they are shown (a GPtrArray of JsonObject):
 *   parties       id role kind name id_no id_flag legal_rep phone address version
 *   nodes         id kind occurrence ref_id due_on done_on note name warn_days (by due date)
 *   queries       id kind channel requested_on answered_on result found_amount note party
 *   seizures      id object kind state waiting_rank start_on expires_on renewed_count
 *                 released_on amount note party
 *   measures      id kind state proposed_on approved_on executed_on days amount note version
 *                 party party_kind proposer approver executor
 *   list entries  id ground conduct state applied_on decided_on grace_until published_on
 *                 period_end removal_due_on removed_on removal_reason party
 *   auctions      id item round appraisal reserve deposit announced_on auction_on result price
 *   aid           id amount state applied_on decided_on paid_on note party
 *   history       seq at actor actor_name action entity entity_id before_json after_json
 *                 (newest first, at most ZX_CASE_DETAIL_HISTORY_LIMIT: the case's own audit
 *                 rows and those of every row that belongs to it) */
GPtrArray  *zx_case_detail_data_load_section (sqlite3              *db,
                                              ZxCaseDetailSection   section,
                                              gint64                case_id,
                                              GError              **error);

/* The case a row of ENTITY (cases, parties, nodes, asset_queries, seizures, measures,
 * blacklist_entries, auctions, aid) belongs to: 0 when the row is gone or ENTITY is not one of
 * those. */
gint64      zx_case_detail_data_case_of      (sqlite3              *db,
                                              const char           *entity,
                                              gint64                id);

/* The name of the staff member whose login is LOGIN (audit actors, updated_by), or NULL. */
char       *zx_case_detail_data_staff_name   (sqlite3              *db,
                                              const char           *login);

/* The name a reference column holds the id of: FIELD party_id (a party), team_id (a team),
 * officer_id, trial_judge_id, proposed_by, approver_id, executed_by (staff); NULL for another
 * field or an id that is gone. */
char       *zx_case_detail_data_name_of      (sqlite3              *db,
                                              const char           *field,
                                              gint64                id);

/* What an audit row of ENTITY is about, from its row as the audit keeps it (AFTER_JSON, or
 * BEFORE_JSON when there is no after): a party's name, a node's name, a seizure's object, the
 * kind of a measure or query …; NULL when nothing says more than the table. */
char       *zx_case_detail_data_audit_subject (sqlite3             *db,
                                               const char          *entity,
                                               const char          *before_json,
                                               const char          *after_json);

/* An ISO 8601 timestamp (UTC, as the store writes them) in local time, to the minute
 * ("2026-11-28 22:40"); NULL for NULL, ISO itself if it does not parse. */
char       *zx_case_detail_data_local_time   (const char           *iso);

/* One field of a row that differs between two versions; NULL values were empty. */
typedef struct
{
  char *field;
  char *old_value;
  char *new_value;
} ZxFieldChange;

void        zx_field_change_free             (ZxFieldChange        *change);

/* The fields that differ between BEFORE and AFTER, JSON objects of a row as the audit keeps
 * them (either may be NULL: a creation has no before). Bookkeeping columns (id, version,
 * created_at, updated_at, updated_by) are left out. A GPtrArray of ZxFieldChange. */
GPtrArray  *zx_case_detail_data_diff_json    (const char           *before_json,
                                              const char           *after_json);
/* The same for two rows already parsed (either may be NULL). */
GPtrArray  *zx_case_detail_data_diff_rows    (JsonObject           *before,
                                              JsonObject           *after);

/* A column's value as text (NULL for null or a missing member). */
char       *zx_case_detail_data_value_text   (JsonObject           *row,
                                              const char           *member);

/* The translated name of a column of the schema ("id_no" → "ID number"), or FIELD itself. */
const char *zx_case_detail_data_field_label  (const char           *field);

/* The translated label of VALUE, a code of column FIELD of table ENTITY (party roles and kinds,
 * query kinds, channels and results, seizure kinds, measure kinds and states, list entry states,
 * auction results, aid states, basis types; and for ENTITY "audit", FIELD "entity" or "action":
 * the names of tables and audit actions), or VALUE itself when it is not one. */
const char *zx_case_detail_data_value_label  (const char           *entity,
                                              const char           *field,
                                              const char           *value);
/* The codes of FIELD of ENTITY in the order to offer them (borrowed strings; empty when the
 * column has no table here). */
GPtrArray  *zx_case_detail_data_value_codes  (const char           *entity,
                                              const char           *field);

G_END_DECLS
