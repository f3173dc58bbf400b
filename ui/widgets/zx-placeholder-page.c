/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A centered icon, title and description: what a page will hold in a later version. */
#define G_LOG_DOMAIN "zx-placeholder-page"

#include "config.h"

#include "zx-placeholder-page.h"

struct _ZxPlaceholderPage
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkImage  *image;
  GtkLabel  *title_label;
  GtkLabel  *description_label;
};

enum
{
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZxPlaceholderPage, zx_placeholder_page, GTK_TYPE_WIDGET)

static void
zx_placeholder_page_dispose (GObject *object)
{
  ZxPlaceholderPage *self = ZX_PLACEHOLDER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_PLACEHOLDER_PAGE);

  G_OBJECT_CLASS (zx_placeholder_page_parent_class)->dispose (object);
}

static void
zx_placeholder_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ZxPlaceholderPage *self = ZX_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, zx_placeholder_page_get_icon_name (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, zx_placeholder_page_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, zx_placeholder_page_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_placeholder_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ZxPlaceholderPage *self = ZX_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      zx_placeholder_page_set_icon_name (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      zx_placeholder_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      zx_placeholder_page_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_placeholder_page_class_init (ZxPlaceholderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_placeholder_page_dispose;
  object_class->get_property = zx_placeholder_page_get_property;
  object_class->set_property = zx_placeholder_page_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-placeholder-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxPlaceholderPage, box);
  gtk_widget_class_bind_template_child (widget_class, ZxPlaceholderPage, image);
  gtk_widget_class_bind_template_child (widget_class, ZxPlaceholderPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZxPlaceholderPage, description_label);
}

static void
zx_placeholder_page_init (ZxPlaceholderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->image), FALSE);
}

GtkWidget *
zx_placeholder_page_new (void)
{
  return g_object_new (ZX_TYPE_PLACEHOLDER_PAGE, NULL);
}

const char *
zx_placeholder_page_get_icon_name (ZxPlaceholderPage *self)
{
  g_return_val_if_fail (ZX_IS_PLACEHOLDER_PAGE (self), NULL);

  return gtk_image_get_icon_name (self->image);
}

void
zx_placeholder_page_set_icon_name (ZxPlaceholderPage *self,
                                   const char        *icon_name)
{
  g_return_if_fail (ZX_IS_PLACEHOLDER_PAGE (self));

  if (g_strcmp0 (icon_name, gtk_image_get_icon_name (self->image)) == 0)
    return;

  gtk_image_set_from_icon_name (self->image, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->image), icon_name != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char *
zx_placeholder_page_get_title (ZxPlaceholderPage *self)
{
  g_return_val_if_fail (ZX_IS_PLACEHOLDER_PAGE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
zx_placeholder_page_set_title (ZxPlaceholderPage *self,
                               const char        *title)
{
  g_return_if_fail (ZX_IS_PLACEHOLDER_PAGE (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
zx_placeholder_page_get_description (ZxPlaceholderPage *self)
{
  g_return_val_if_fail (ZX_IS_PLACEHOLDER_PAGE (self), NULL);

  return gtk_label_get_label (self->description_label);
}

void
zx_placeholder_page_set_description (ZxPlaceholderPage *self,
                                     const char        *description)
{
  g_return_if_fail (ZX_IS_PLACEHOLDER_PAGE (self));

  if (g_strcmp0 (description, gtk_label_get_label (self->description_label)) == 0)
    return;

  gtk_label_set_label (self->description_label, description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
