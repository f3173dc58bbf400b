/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"
#include "zx-case-detail-data.h"

G_BEGIN_DECLS

#define ZX_TYPE_CASE_DETAIL (zx_case_detail_get_type ())
G_DECLARE_FINAL_TYPE (ZxCaseDetail, zx_case_detail, ZX, CASE_DETAIL, GtkWidget)

/* One case beside the Cases list: a header (number, status, team and officer, amounts, filing
 * and statutory deadline) and tabs for its parties, process nodes, asset queries, seizures,
 * measures, list entries, auctions, aid and audit history. Parties, asset queries and measures
 * are added (parties also edited) through dialogs. It reads on STORE's connection and follows
 * the store's change signals for the rows of the shown case.
 *
 * Actions: detail.add-party, detail.edit-party (x: the party id), detail.add-query,
 * detail.propose-measure. Tests find the tabs' lists by widget name,
 * "zx-detail-list-<section>" (parties, nodes, queries, seizures, measures, list-entries,
 * auctions, aid, history). */
GtkWidget *zx_case_detail_new          (void);
ZxStore   *zx_case_detail_get_store    (ZxCaseDetail        *self);
void       zx_case_detail_set_store    (ZxCaseDetail        *self,
                                        ZxStore             *store);
/* The case shown, or 0 for none. */
gint64     zx_case_detail_get_case_id  (ZxCaseDetail        *self);
void       zx_case_detail_set_case_id  (ZxCaseDetail        *self,
                                        gint64               case_id);
/* Shows the tab of SECTION (the warnings page opens a case at its process nodes). */
void       zx_case_detail_show_section (ZxCaseDetail        *self,
                                        ZxCaseDetailSection  section);
/* Reads the case again now (it also does so by itself when the store reports changes). */
void       zx_case_detail_refresh      (ZxCaseDetail        *self);

G_END_DECLS
