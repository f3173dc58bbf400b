/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of the Warnings page: a team heading, an officer heading under it, or one overdue or
 * soon-due item of the deadlines report. Immutable once made. */
typedef enum
{
  ZX_WARNING_ROW_TEAM,
  ZX_WARNING_ROW_OFFICER,
  ZX_WARNING_ROW_ITEM,
} ZxWarningRowKind;

#define ZX_TYPE_WARNING_ITEM (zx_warning_item_get_type ())
G_DECLARE_FINAL_TYPE (ZxWarningItem, zx_warning_item, ZX, WARNING_ITEM, GObject)

/* A heading: TITLE is the team's or officer's name ("" for none), with the counts of the items
 * under it. */
ZxWarningItem   *zx_warning_item_new_heading      (ZxWarningRowKind  row_kind,
                                                   const char       *title,
                                                   guint             n_overdue,
                                                   guint             n_due_soon);
/* An item of the report: KIND ("node", "seizure", "list_removal", "approval"), ENTITY and
 * ENTITY_ID the row it is about, STATUS "overdue" or "due_soon", DAYS due_on − today. */
ZxWarningItem   *zx_warning_item_new              (const char *kind,
                                                   const char *subkind,
                                                   const char *entity,
                                                   gint64      entity_id,
                                                   gint64      case_id,
                                                   const char *case_no,
                                                   const char *team,
                                                   const char *officer,
                                                   const char *due_on,
                                                   const char *status,
                                                   gint64      days,
                                                   const char *label);

ZxWarningRowKind zx_warning_item_get_row_kind     (ZxWarningItem *self);
gboolean         zx_warning_item_is_heading       (ZxWarningItem *self);
/* Headings: the name; items: the label (what is due). */
const char      *zx_warning_item_get_title        (ZxWarningItem *self);
guint            zx_warning_item_get_n_overdue    (ZxWarningItem *self);
guint            zx_warning_item_get_n_due_soon   (ZxWarningItem *self);

const char      *zx_warning_item_get_kind         (ZxWarningItem *self);
const char      *zx_warning_item_get_subkind      (ZxWarningItem *self);
const char      *zx_warning_item_get_entity       (ZxWarningItem *self);
gint64           zx_warning_item_get_entity_id    (ZxWarningItem *self);
gint64           zx_warning_item_get_case_id      (ZxWarningItem *self);
const char      *zx_warning_item_get_case_no      (ZxWarningItem *self);
const char      *zx_warning_item_get_team         (ZxWarningItem *self);
const char      *zx_warning_item_get_officer      (ZxWarningItem *self);
const char      *zx_warning_item_get_due_on       (ZxWarningItem *self);
const char      *zx_warning_item_get_status       (ZxWarningItem *self);
gboolean         zx_warning_item_is_overdue       (ZxWarningItem *self);
gint64           zx_warning_item_get_days         (ZxWarningItem *self);

/* A string that is equal for two rows exactly when they show the same thing: a refresh keeps
 * the old object for an unchanged row, so the list keeps its scroll position and selection. */
const char      *zx_warning_item_get_key          (ZxWarningItem *self);

G_END_DECLS
