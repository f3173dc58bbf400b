/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A light row object for the Blacklist page's column view. */
#define G_LOG_DOMAIN "zx-blacklist-item"

#include "config.h"

#include "pages/zx-blacklist-data.h"
#include "zx-blacklist-item.h"

struct _ZxBlacklistItem
{
  GObject     parent_instance;

  JsonObject *row;
};

G_DEFINE_FINAL_TYPE (ZxBlacklistItem, zx_blacklist_item, G_TYPE_OBJECT)

static void
zx_blacklist_item_finalize (GObject *object)
{
  ZxBlacklistItem *self = ZX_BLACKLIST_ITEM (object);

  g_clear_pointer (&self->row, json_object_unref);

  G_OBJECT_CLASS (zx_blacklist_item_parent_class)->finalize (object);
}

static void
zx_blacklist_item_class_init (ZxBlacklistItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zx_blacklist_item_finalize;
}

static void
zx_blacklist_item_init (ZxBlacklistItem *self)
{
}

ZxBlacklistItem *
zx_blacklist_item_new (JsonObject *row)
{
  ZxBlacklistItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (ZX_TYPE_BLACKLIST_ITEM, NULL);
  self->row = json_object_ref (row);

  return self;
}

JsonObject *
zx_blacklist_item_get_row (ZxBlacklistItem *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_ITEM (self), NULL);

  return self->row;
}

gint64
zx_blacklist_item_get_id (ZxBlacklistItem *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_ITEM (self), 0);

  return zx_blacklist_row_int (self->row, "id");
}

gint64
zx_blacklist_item_get_version (ZxBlacklistItem *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_ITEM (self), 0);

  return zx_blacklist_row_int (self->row, "version");
}

const char *
zx_blacklist_item_get_state (ZxBlacklistItem *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_ITEM (self), NULL);

  return zx_blacklist_row_str (self->row, "state");
}
