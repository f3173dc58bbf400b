/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "domain/zx-blacklist-rules.h"
#include "domain/zx-calendar.h"
#include "domain/zx-deadlines.h"
#include "zx-store.h"

G_BEGIN_DECLS

/* The rules tables (calendar, node_rules, rule_params) in the form the pure domain functions
 * take. Every loader reads the current rows, so an edit in Settings applies to the next
 * mutation. They may be called inside or outside a write transaction. */

/* The working-day calendar from the calendar table. */
ZxCalendar *zx_rules_load_calendar (ZxStore *store, GError **error);

/* rule_params.value of KEY, or FALLBACK when the row is missing or unreadable. */
gint64      zx_rules_param (ZxStore *store, const char *key, gint64 fallback);
/* The same for a period in months: a value kept in 'years' is converted to months. */
int         zx_rules_param_months (ZxStore *store, const char *key, int fallback);

/* The list periods (list_period, list_extension_max, list_grace_max, list_removal,
 * list_decision_days), starting from the domain defaults for anything missing. */
void        zx_rules_load_list_params (ZxStore *store, ZxListParams *out_params);

/* The longest term in months of a seizure of KIND (seizure_term_deposit, _movable,
 * _real_estate, _other), or 0 for a kind that does not exist. */
int         zx_rules_seizure_term (ZxStore *store, const char *kind);

/* The active rows of node_rules. */
typedef struct
{
  ZxNodeRule   *rules;
  gsize         n_rules;
  /*< private >*/
  GStringChunk *strings;
} ZxNodeRules;

ZxNodeRules      *zx_rules_load_node_rules (ZxStore *store, GError **error);
/* The rule for nodes of KIND, or NULL. */
const ZxNodeRule *zx_node_rules_find (const ZxNodeRules *rules, const char *kind);
void              zx_node_rules_free (ZxNodeRules *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxNodeRules, zx_node_rules_free)

/* ---- helpers shared by the rule mutations (measures, listing, seizures) ---------------- */

/* Row ID of ENTITY read inside TXN for a workflow step. When EXPECTED_VERSION is not 0 and the
 * row has moved on, fails with ZX_ERROR_CONFLICT naming who saved it last and when, before any
 * rule is checked against the newer row. */
JsonObject *zx_rules_get_row_checked (ZxTxn *txn, const char *entity, gint64 id,
                                      gint64 expected_version, GError **error);
/* ZX_ERROR_INVALID "WHAT: “…” is not a date (YYYY-MM-DD)." unless DATE is a real date. */
gboolean    zx_rules_check_date (const char *date, const char *what, GError **error);
/* NOTE with LINE appended on a line of its own (either may be NULL; NULL if both are). */
char       *zx_rules_note_append (const char *note, const char *line);

/* A column of a row read with zx_txn_get_row(): NULL / 0 when absent or null. */
const char *zx_row_str (JsonObject *row, const char *name);
gint64      zx_row_int (JsonObject *row, const char *name);
/* TEXT has something besides white space; else "WHAT: a reason is required." */
gboolean    zx_rules_require_text (const char *text, const char *what, GError **error);

G_END_DECLS
