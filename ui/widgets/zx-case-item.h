/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/zx-case-query.h"

G_BEGIN_DECLS

#define ZX_TYPE_CASE_ITEM (zx_case_item_get_type ())
G_DECLARE_FINAL_TYPE (ZxCaseItem, zx_case_item, ZX, CASE_ITEM, GObject)

ZxCaseItem *zx_case_item_new                 (gint64            id,
                                              const ZxCaseRow  *row);
/* Takes the values of ROW (the same case, read again), notifying the properties that changed;
 * NULL marks the case as gone (deleted since the snapshot). Returns whether anything changed. */
gboolean    zx_case_item_update              (ZxCaseItem       *self,
                                              const ZxCaseRow  *row);

gint64      zx_case_item_get_id              (ZxCaseItem       *self);
gint64      zx_case_item_get_version         (ZxCaseItem       *self);
gboolean    zx_case_item_get_loaded          (ZxCaseItem       *self);
const char *zx_case_item_get_case_no         (ZxCaseItem       *self);
const char *zx_case_item_get_filed_on        (ZxCaseItem       *self);
const char *zx_case_item_get_applicant       (ZxCaseItem       *self);
const char *zx_case_item_get_respondent      (ZxCaseItem       *self);
gint64      zx_case_item_get_amount_applied  (ZxCaseItem       *self);
gint64      zx_case_item_get_amount_realized (ZxCaseItem       *self);
gint64      zx_case_item_get_team_id         (ZxCaseItem       *self);
const char *zx_case_item_get_team            (ZxCaseItem       *self);
gint64      zx_case_item_get_officer_id      (ZxCaseItem       *self);
const char *zx_case_item_get_officer         (ZxCaseItem       *self);
const char *zx_case_item_get_status          (ZxCaseItem       *self);
const char *zx_case_item_get_next_due_on     (ZxCaseItem       *self);
const char *zx_case_item_get_next_due_kind   (ZxCaseItem       *self);
const char *zx_case_item_get_next_due_status (ZxCaseItem       *self);

/* Fen as yuan with two decimals and thousands separators ("1,234,567.89"), by integer
 * arithmetic: no rounding through floating point. */
char       *zx_format_fen_as_yuan            (gint64            fen);
/* A count with thousands separators ("12,345"), whatever the locale. */
char       *zx_format_count                  (gint64            n);
/* The translated label of a case status of the schema (in_progress, executed, …). */
const char *zx_case_status_label             (const char       *status);

G_END_DECLS
