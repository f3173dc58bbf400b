/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "domain/zx-calendar.h"
#include "zx-rules-load.h"
#include "zx-store.h"

G_BEGIN_DECLS

/* Process nodes in the store: created when their rule's trigger happens, done when the event
 * that fulfils them is recorded. These run inside the caller's write transaction. */

/* Creates the nodes of every active rule whose trigger is TRIGGER (filed, assigned, lead,
 * lead_urgent, zhongben, seizure, listing, money_received) for a trigger on EVENT_DATE, with
 * due dates from zx_node_rule_due_dates(). CALENDAR and RULES may be NULL: they are then read
 * from the database (pass them when creating nodes for many cases in one transaction).
 * A node that already exists (same case, kind, occurrence and ref) is left alone, so calling
 * this twice for the same event creates nothing more. */
gboolean zx_nodes_create_for_event (ZxTxn *txn, gint64 case_id, const char *trigger,
                                    const char *event_date, ZxCalendar *calendar,
                                    const ZxNodeRules *rules, GError **error);
/* The same for an event about one lead, seizure or list entry (nodes.ref_id = REF_ID). */
gboolean zx_nodes_create_for_event_ref (ZxTxn *txn, gint64 case_id, const char *trigger,
                                        const char *event_date, gint64 ref_id,
                                        ZxCalendar *calendar, const ZxNodeRules *rules,
                                        GError **error);

/* Marks the earliest open node of KIND of the case done on DONE_ON (audited). Nothing open of
 * that kind is not an error: the event simply completes nothing. */
gboolean zx_nodes_complete (ZxTxn *txn, gint64 case_id, const char *kind, const char *done_on,
                            GError **error);
/* The same, only among the nodes of REF_ID (0: any). */
gboolean zx_nodes_complete_ref (ZxTxn *txn, gint64 case_id, const char *kind, gint64 ref_id,
                                const char *done_on, GError **error);

/* Applies an event to the case's nodes: completes the node it fulfils and creates the nodes it
 * triggers. EVENT is one of:
 *   filed                   creates the 'filed' nodes
 *   assigned                completes officer_assigned, creates the 'assigned' nodes
 *   execution_notice        completes execution_notice (执行通知书 issued)
 *   property_report_order   completes property_report (报告财产令 issued)
 *   query_national          completes network_query (总对总)
 *   query_p2p               completes p2p_query (点对点)
 *   four_checks             completes four_checks
 *   lead, lead_urgent       creates the lead nodes (REF_ID: the lead)
 *   lead_verified           completes lead_verified or lead_verified_urgent of REF_ID
 *   concluded               completes case_concluded (any way of closing but 终本)
 *   zhongben                completes case_concluded, creates the zhongben_requery nodes
 *   requery                 completes the earliest open zhongben_requery
 *   money_received          creates money_payout
 *   money_paid_out          completes money_payout
 * An unknown event is ZX_ERROR_INVALID. */
gboolean zx_nodes_on_event (ZxTxn *txn, gint64 case_id, const char *event, const char *date,
                            gint64 ref_id, GError **error);

/* zx_nodes_on_event() in a transaction of its own. */
gboolean zx_nodes_record_event (ZxStore *store, gint64 case_id, const char *event,
                                const char *date, gint64 ref_id, GError **error);

/* Records an asset query (FIELDS: an asset_queries row: case_id, kind, channel, requested_on,
 * …) and completes the node it fulfils, in one transaction: channel national → network_query
 * (and, in a 终本 case after its conclusion, the earliest open zhongben_requery); local
 * (点对点) → p2p_query. Returns the new row id, or 0 with ERROR set. */
gint64   zx_nodes_record_query (ZxStore *store, JsonObject *fields, GError **error);

G_END_DECLS
