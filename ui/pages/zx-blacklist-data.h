/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "domain/zx-blacklist-rules.h"

G_BEGIN_DECLS

/* What the Blacklist page shows, read with small prepared statements (bound parameters only)
 * on the window's connection. A row is a JsonObject of column → value (JSON null for NULL).
 * Plain GLib + SQLite, no GTK. */

/* The list entries (all states when STATE is NULL), newest first, as a GPtrArray of JsonObject:
 *   id case_id party_id ground conduct state applied_on decided_on grace_until published_on
 *   period_end removal_due_on removed_on removal_reason version
 *   kind name id_no legal_rep (the party)
 *   case_no filed_on amount_applied amount_realized basis_org basis_doc_no (the case) */
GPtrArray  *zx_blacklist_data_load_entries (sqlite3     *db,
                                            const char  *state,
                                            GError     **error);

/* One entry in the same form, or NULL with ZX_ERROR_NOT_FOUND. */
JsonObject *zx_blacklist_data_load_entry   (sqlite3     *db,
                                            gint64       id,
                                            GError     **error);

/* The number of entries (in STATE, or all when NULL); -1 with ERROR set. */
gint64      zx_blacklist_data_count        (sqlite3     *db,
                                            const char  *state,
                                            GError     **error);

/* A string member of ROW, or NULL when absent or null. */
const char *zx_blacklist_row_str           (JsonObject  *row,
                                            const char  *name);
/* An integer member of ROW, or 0 when absent or null. */
gint64      zx_blacklist_row_int           (JsonObject  *row,
                                            const char  *name);

/* The facts of ROW for zx_list_public_view() (strings borrowed from ROW and COURT). An entry
 * without its specific conduct is shown with the wording of its ground, as in the public
 * list. */
void        zx_blacklist_data_facts        (JsonObject       *row,
                                            const char       *court,
                                            ZxListEntryFacts *out_facts);

/* The translated wording of art. 1 ground GROUND (1–6): the long form the public sees, or a
 * short one for a column. "" outside 1–6. */
const char *zx_blacklist_ground_wording    (int          ground);
const char *zx_blacklist_ground_short      (int          ground);

/* The translated name of a blacklist_entries.state value. */
const char *zx_blacklist_state_label       (const char  *state);

G_END_DECLS
