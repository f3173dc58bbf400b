/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A row of the Warnings page (heading or item); plain getters, no properties: the page's list
 * factory reads them in bind. */
#define G_LOG_DOMAIN "zx-warning-item"

#include "config.h"

#include "zx-warning-item.h"

struct _ZxWarningItem
{
  GObject           parent_instance;

  ZxWarningRowKind  row_kind;
  char             *title;
  guint             n_overdue;
  guint             n_due_soon;

  char             *kind;
  char             *subkind;
  char             *entity;
  gint64            entity_id;
  gint64            case_id;
  char             *case_no;
  char             *team;
  char             *officer;
  char             *due_on;
  char             *status;
  gint64            days;

  char             *key;
};

G_DEFINE_FINAL_TYPE (ZxWarningItem, zx_warning_item, G_TYPE_OBJECT)

static void
zx_warning_item_finalize (GObject *object)
{
  ZxWarningItem *self = ZX_WARNING_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->subkind, g_free);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->case_no, g_free);
  g_clear_pointer (&self->team, g_free);
  g_clear_pointer (&self->officer, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (zx_warning_item_parent_class)->finalize (object);
}

static void
zx_warning_item_class_init (ZxWarningItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zx_warning_item_finalize;
}

static void
zx_warning_item_init (ZxWarningItem *self)
{
}

ZxWarningItem *
zx_warning_item_new_heading (ZxWarningRowKind  row_kind,
                             const char       *title,
                             guint             n_overdue,
                             guint             n_due_soon)
{
  ZxWarningItem *self;

  g_return_val_if_fail (row_kind == ZX_WARNING_ROW_TEAM || row_kind == ZX_WARNING_ROW_OFFICER,
                        NULL);

  self = g_object_new (ZX_TYPE_WARNING_ITEM, NULL);
  self->row_kind = row_kind;
  self->title = g_strdup (title != NULL ? title : "");
  self->n_overdue = n_overdue;
  self->n_due_soon = n_due_soon;
  self->key = g_strdup_printf ("%d\x1f%s\x1f%u\x1f%u", row_kind, self->title, n_overdue,
                               n_due_soon);

  return self;
}

ZxWarningItem *
zx_warning_item_new (const char *kind,
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
                     const char *label)
{
  ZxWarningItem *self = g_object_new (ZX_TYPE_WARNING_ITEM, NULL);

  self->row_kind = ZX_WARNING_ROW_ITEM;
  self->kind = g_strdup (kind != NULL ? kind : "");
  self->subkind = g_strdup (subkind != NULL ? subkind : "");
  self->entity = g_strdup (entity != NULL ? entity : "");
  self->entity_id = entity_id;
  self->case_id = case_id;
  self->case_no = g_strdup (case_no != NULL ? case_no : "");
  self->team = g_strdup (team != NULL ? team : "");
  self->officer = g_strdup (officer != NULL ? officer : "");
  self->due_on = g_strdup (due_on != NULL ? due_on : "");
  self->status = g_strdup (status != NULL ? status : "");
  self->days = days;
  self->title = g_strdup (label != NULL ? label : "");
  self->key = g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s"
                               "\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s",
                               ZX_WARNING_ROW_ITEM, self->kind, self->subkind, self->entity,
                               entity_id, self->case_no, self->team, self->officer,
                               self->due_on, self->status, days, self->title);

  return self;
}

ZxWarningRowKind
zx_warning_item_get_row_kind (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), ZX_WARNING_ROW_ITEM);

  return self->row_kind;
}

gboolean
zx_warning_item_is_heading (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), FALSE);

  return self->row_kind != ZX_WARNING_ROW_ITEM;
}

const char *
zx_warning_item_get_title (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->title;
}

guint
zx_warning_item_get_n_overdue (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), 0);

  return self->n_overdue;
}

guint
zx_warning_item_get_n_due_soon (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), 0);

  return self->n_due_soon;
}

const char *
zx_warning_item_get_kind (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->kind;
}

const char *
zx_warning_item_get_subkind (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->subkind;
}

const char *
zx_warning_item_get_entity (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->entity;
}

gint64
zx_warning_item_get_entity_id (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), 0);

  return self->entity_id;
}

gint64
zx_warning_item_get_case_id (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), 0);

  return self->case_id;
}

const char *
zx_warning_item_get_case_no (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->case_no;
}

const char *
zx_warning_item_get_team (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->team;
}

const char *
zx_warning_item_get_officer (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->officer;
}

const char *
zx_warning_item_get_due_on (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->due_on;
}

const char *
zx_warning_item_get_status (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->status;
}

gboolean
zx_warning_item_is_overdue (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), FALSE);

  return g_strcmp0 (self->status, "overdue") == 0;
}

gint64
zx_warning_item_get_days (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), 0);

  return self->days;
}

const char *
zx_warning_item_get_key (ZxWarningItem *self)
{
  g_return_val_if_fail (ZX_IS_WARNING_ITEM (self), NULL);

  return self->key;
}
