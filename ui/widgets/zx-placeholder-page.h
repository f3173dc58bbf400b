/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ZX_TYPE_PLACEHOLDER_PAGE (zx_placeholder_page_get_type ())
G_DECLARE_FINAL_TYPE (ZxPlaceholderPage, zx_placeholder_page, ZX, PLACEHOLDER_PAGE, GtkWidget)

GtkWidget  *zx_placeholder_page_new             (void);
const char *zx_placeholder_page_get_icon_name   (ZxPlaceholderPage *self);
void        zx_placeholder_page_set_icon_name   (ZxPlaceholderPage *self,
                                                 const char        *icon_name);
const char *zx_placeholder_page_get_title       (ZxPlaceholderPage *self);
void        zx_placeholder_page_set_title       (ZxPlaceholderPage *self,
                                                 const char        *title);
const char *zx_placeholder_page_get_description (ZxPlaceholderPage *self);
void        zx_placeholder_page_set_description (ZxPlaceholderPage *self,
                                                 const char        *description);

G_END_DECLS
