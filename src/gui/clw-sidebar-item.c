/* clw-sidebar-item.c: a health board or a cluster in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-sidebar-item.h"

struct _ClwSidebarItem
{
  GObject   parent_instance;

  char     *id;
  char     *health_board_id;
  char     *title;
  char     *code;
  char     *search_key;   /* title and code, folded */
  int       at_risk;
  gboolean  is_health_board;
};

G_DEFINE_FINAL_TYPE (ClwSidebarItem, clw_sidebar_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_IS_HEALTH_BOARD,
  PROP_TITLE,
  PROP_CODE,
  PROP_AT_RISK,
  PROP_BADGE,
  PROP_BADGE_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_badge (ClwSidebarItem *self)
{
  if (self->at_risk <= 0)
    return g_strdup ("");
  return g_strdup_printf ("%d", self->at_risk);
}

static char *
dup_badge_description (ClwSidebarItem *self)
{
  if (self->at_risk < 0)
    return g_strdup ("");
  return g_strdup_printf (ngettext ("%d practice at risk this cycle",
                                    "%d practices at risk this cycle",
                                    self->at_risk),
                          self->at_risk);
}

static void
clw_sidebar_item_finalize (GObject *object)
{
  ClwSidebarItem *self = (ClwSidebarItem *) object;

  g_free (self->id);
  g_free (self->health_board_id);
  g_free (self->title);
  g_free (self->code);
  g_free (self->search_key);

  G_OBJECT_CLASS (clw_sidebar_item_parent_class)->finalize (object);
}

static void
clw_sidebar_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClwSidebarItem *self = CLW_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_IS_HEALTH_BOARD:
      g_value_set_boolean (value, self->is_health_board);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_AT_RISK:
      g_value_set_int (value, self->at_risk);
      break;

    case PROP_BADGE:
      g_value_take_string (value, dup_badge (self));
      break;

    case PROP_BADGE_DESCRIPTION:
      g_value_take_string (value, dup_badge_description (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_sidebar_item_class_init (ClwSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_sidebar_item_finalize;
  object_class->get_property = clw_sidebar_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_HEALTH_BOARD] =
    g_param_spec_boolean ("is-health-board", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT_RISK] =
    g_param_spec_int ("at-risk", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BADGE] =
    g_param_spec_string ("badge", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BADGE_DESCRIPTION] =
    g_param_spec_string ("badge-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_sidebar_item_init (ClwSidebarItem *self)
{
  self->at_risk = -1;
}

ClwSidebarItem *
clw_sidebar_item_new (gboolean    is_health_board,
                      const char *id,
                      const char *health_board_id,
                      const char *title,
                      const char *code)
{
  ClwSidebarItem *self = g_object_new (CLW_TYPE_SIDEBAR_ITEM, NULL);
  g_autofree char *key = NULL;

  self->is_health_board = is_health_board;
  self->id = g_strdup (id);
  self->health_board_id = g_strdup (health_board_id);
  self->title = g_strdup (title);
  self->code = g_strdup (code);
  key = g_strdup_printf ("%s %s", title != NULL ? title : "", code != NULL ? code : "");
  self->search_key = g_utf8_casefold (key, -1);

  return self;
}

gboolean
clw_sidebar_item_is_health_board (ClwSidebarItem *self)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR_ITEM (self), FALSE);

  return self->is_health_board;
}

const char *
clw_sidebar_item_get_id (ClwSidebarItem *self)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR_ITEM (self), NULL);

  return self->id;
}

const char *
clw_sidebar_item_get_health_board_id (ClwSidebarItem *self)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR_ITEM (self), NULL);

  return self->health_board_id;
}

const char *
clw_sidebar_item_get_title (ClwSidebarItem *self)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR_ITEM (self), NULL);

  return self->title;
}

const char *
clw_sidebar_item_get_code (ClwSidebarItem *self)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR_ITEM (self), NULL);

  return self->code;
}

int
clw_sidebar_item_get_at_risk (ClwSidebarItem *self)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR_ITEM (self), -1);

  return self->at_risk;
}

void
clw_sidebar_item_set_at_risk (ClwSidebarItem *self,
                              int             at_risk)
{
  g_return_if_fail (CLW_IS_SIDEBAR_ITEM (self));

  if (self->at_risk == at_risk)
    return;

  self->at_risk = at_risk;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_RISK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE_DESCRIPTION]);
}

gboolean
clw_sidebar_item_matches (ClwSidebarItem *self,
                          const char     *needle)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR_ITEM (self), FALSE);

  return needle == NULL || *needle == '\0' || strstr (self->search_key, needle) != NULL;
}
