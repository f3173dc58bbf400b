/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Small helpers the record dialogs share. */

/* The entry's text without surrounding spaces (ASCII and the ideographic space U+3000, which
 * Chinese input methods type). */
char *zx_form_entry_text (GtkEntry *entry);

/* The message under a field. KIND: NULL (a plain hint), "error", "warning" or "success"; an
 * empty message takes no room. */
void  zx_form_set_message (GtkLabel *label, const char *message, const char *kind);

G_END_DECLS
