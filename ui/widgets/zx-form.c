/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-form"

#include "config.h"

#include <string.h>

#include "zx-form.h"

#define IDEOGRAPHIC_SPACE "\u3000"

char *
zx_form_entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GString *s = g_string_new (text);

  while (g_str_has_prefix (s->str, IDEOGRAPHIC_SPACE))
    g_string_erase (s, 0, strlen (IDEOGRAPHIC_SPACE));
  while (g_str_has_suffix (s->str, IDEOGRAPHIC_SPACE))
    g_string_truncate (s, s->len - strlen (IDEOGRAPHIC_SPACE));
  return g_strstrip (g_string_free (s, FALSE));
}

void
zx_form_set_message (GtkLabel *label, const char *message, const char *kind)
{
  const char *classes[] = { "zx-field-message", kind, NULL };

  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}
