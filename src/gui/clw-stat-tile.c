/* clw-stat-tile.c: one figure of a dashboard, with what it means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-stat-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-stat-tile.h"

struct _ClwStatTile
{
  GtkWidget  parent_instance;

  /* Template children */
  GtkLabel  *caption_label;
  GtkLabel  *heading_label;
  GtkLabel  *value_label;
};

G_DEFINE_FINAL_TYPE (ClwStatTile, clw_stat_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEADING,
  PROP_VALUE,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (ClwStatTile *self)
{
  g_autofree char *text = g_strdup_printf ("%s: %s. %s",
                                           gtk_label_get_label (self->heading_label),
                                           gtk_label_get_label (self->value_label),
                                           gtk_label_get_label (self->caption_label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
clw_stat_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLW_TYPE_STAT_TILE);
  clw_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (clw_stat_tile_parent_class)->dispose (object);
}

static void
clw_stat_tile_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClwStatTile *self = CLW_STAT_TILE (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, gtk_label_get_label (self->heading_label));
      break;

    case PROP_VALUE:
      g_value_set_string (value, gtk_label_get_label (self->value_label));
      break;

    case PROP_CAPTION:
      g_value_set_string (value, gtk_label_get_label (self->caption_label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_stat_tile_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ClwStatTile *self = CLW_STAT_TILE (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      gtk_label_set_label (self->heading_label, g_value_get_string (value));
      update_accessible (self);
      break;

    case PROP_VALUE:
      clw_stat_tile_set_value (self, g_value_get_string (value));
      break;

    case PROP_CAPTION:
      clw_stat_tile_set_caption (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_stat_tile_class_init (ClwStatTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_stat_tile_dispose;
  object_class->get_property = clw_stat_tile_get_property;
  object_class->set_property = clw_stat_tile_set_property;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-stat-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwStatTile, caption_label);
  gtk_widget_class_bind_template_child (widget_class, ClwStatTile, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ClwStatTile, value_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "clwstattile");
}

static void
clw_stat_tile_init (ClwStatTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

const char *
clw_stat_tile_get_value (ClwStatTile *self)
{
  g_return_val_if_fail (CLW_IS_STAT_TILE (self), NULL);

  return gtk_label_get_label (self->value_label);
}

void
clw_stat_tile_set_value (ClwStatTile *self,
                         const char  *value)
{
  g_return_if_fail (CLW_IS_STAT_TILE (self));

  if (g_strcmp0 (value, gtk_label_get_label (self->value_label)) == 0)
    return;

  gtk_label_set_label (self->value_label, value);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
clw_stat_tile_get_caption (ClwStatTile *self)
{
  g_return_val_if_fail (CLW_IS_STAT_TILE (self), NULL);

  return gtk_label_get_label (self->caption_label);
}

void
clw_stat_tile_set_caption (ClwStatTile *self,
                           const char  *caption)
{
  g_return_if_fail (CLW_IS_STAT_TILE (self));

  if (g_strcmp0 (caption, gtk_label_get_label (self->caption_label)) == 0)
    return;

  gtk_label_set_label (self->caption_label, caption);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

void
clw_stat_tile_set_level (ClwStatTile      *self,
                         ClwStatTileLevel  level)
{
  g_return_if_fail (CLW_IS_STAT_TILE (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  if (level == CLW_STAT_TILE_WARNING)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else if (level == CLW_STAT_TILE_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
}
