/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZX_TYPE_BLACKLIST_ITEM (zx_blacklist_item_get_type ())
G_DECLARE_FINAL_TYPE (ZxBlacklistItem, zx_blacklist_item, ZX, BLACKLIST_ITEM, GObject)

/* One row of the Blacklist page: a list entry with its party and case, as
 * zx_blacklist_data_load_entries() reads it (the item keeps a reference to ROW). */
ZxBlacklistItem *zx_blacklist_item_new         (JsonObject      *row);

JsonObject      *zx_blacklist_item_get_row     (ZxBlacklistItem *self);
gint64           zx_blacklist_item_get_id      (ZxBlacklistItem *self);
gint64           zx_blacklist_item_get_version (ZxBlacklistItem *self);
const char      *zx_blacklist_item_get_state   (ZxBlacklistItem *self);

G_END_DECLS
