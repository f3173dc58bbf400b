/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by zx-case-detail.c (the widget: loading, tabs, dialogs) and zx-case-detail-rows.c
 * (how the case and its records are shown). */
#pragma once

#include <json-glib/json-glib.h>

#include "widgets/zx-placeholder-page.h"
#include "zx-case-detail-data.h"
#include "zx-case-detail.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget  *page;
  GtkLabel   *count_label;
  GtkListBox *list;
  GtkWidget  *add_button;
  GtkWidget  *chip;        /* its button in the switcher */
  GtkLabel   *chip_count;
  char       *signature;   /* the rows last shown, serialized */
} Section;

struct _ZxCaseDetail
{
  GtkWidget          parent_instance;

  ZxStore           *store;
  gint64             case_id;
  guint              refresh_source;
  char              *today;
  int                seizure_warn_days;    /* rule_params seizure_warn_first */
  int                seizure_urgent_days;  /* rule_params seizure_warn_second */
  Section            sections[ZX_CASE_DETAIL_N_SECTIONS];

  /* template children */
  GtkStack          *stack;
  ZxPlaceholderPage *error_page;
  GtkLabel          *case_no_label;
  GtkLabel          *status_label;
  GtkLabel          *type_label;
  GtkLabel          *team_value;
  GtkLabel          *officer_value;
  GtkLabel          *applied_value;
  GtkLabel          *realized_value;
  GtkLabel          *filed_value;
  GtkLabel          *deadline_value;
  GtkWidget         *flags_box;
  GtkFlowBox        *switcher;
  GtkStack          *section_stack;
};

/* ---- zx-case-detail-rows.c ------------------------------------------------------------- */

/* The list row showing ROW of SECTION. Party rows are activatable and carry the party id
 * (zx_case_detail_row_get_party_id()); rows that need attention carry an alert
 * (zx_case_detail_row_get_alert()); node rows have their state (done, open, due-soon, overdue)
 * as a style class. */
GtkWidget  *zx_case_detail_make_section_row  (ZxCaseDetail        *self,
                                              ZxCaseDetailSection  section,
                                              JsonObject          *row);
/* A row that says something instead of showing a record (a read error). */
GtkWidget  *zx_case_detail_make_message_row  (const char          *title,
                                              const char          *detail,
                                              const char          *detail_class);
/* "bad", "warning" or NULL. */
const char *zx_case_detail_row_get_alert     (GtkWidget           *row);
/* The party a party row shows, or 0. */
gint64      zx_case_detail_row_get_party_id  (GtkListBoxRow       *row);

/* Fills the header from the case's row (zx_case_detail_data_load_case()). */
void        zx_case_detail_show_header       (ZxCaseDetail        *self,
                                              JsonObject          *row);

G_END_DECLS
