/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/zx-store.h"

G_BEGIN_DECLS

#define ZX_TYPE_PARTY_DIALOG (zx_party_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZxPartyDialog, zx_party_dialog, ZX, PARTY_DIALOG, GtkWindow)

/* Adds a party to case CASE_ID (PARTY_ID 0) or edits party PARTY_ID: modal, transient for
 * PARENT. The ID number is checked as it is typed (resident ID for a person, unified social
 * credit code — or an old organization code — for an entity) with the validator's reason under
 * the field, and Save stays insensitive while a field is wrong. A save that someone else's
 * beat shows who changed what and offers to reload. Emits ::saved (the party id) and closes
 * after a successful save. */
GtkWindow *zx_party_dialog_new (GtkWindow *parent,
                                ZxStore   *store,
                                gint64     case_id,
                                gint64     party_id);

G_END_DECLS
