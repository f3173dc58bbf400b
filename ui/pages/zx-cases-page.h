/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_CASES_PAGE (zx_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (ZxCasesPage, zx_cases_page, ZX, CASES_PAGE, GtkWidget)

GtkWidget *zx_cases_page_new       (void);
ZxStore   *zx_cases_page_get_store (ZxCasesPage *self);
void       zx_cases_page_set_store (ZxCasesPage *self,
                                    ZxStore     *store);
/* Reads the figures now (the page also refreshes itself when the store reports changes). */
void       zx_cases_page_refresh   (ZxCasesPage *self);

G_END_DECLS
