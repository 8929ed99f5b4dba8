/* clw-search-group.c: the results of a search of one kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-search"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-search-group.h"
#include "clw-enums.h"
#include "clw-search-private.h"

struct _ClwSearchGroup
{
  GObject        parent_instance;

  ClwSearchKind  kind;
  guint          n_total;
  GPtrArray     *results;   /* owned: ClwSearchResult */
};

static void clw_search_group_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClwSearchGroup, clw_search_group, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      clw_search_group_list_model_init))

enum {
  PROP_0,
  PROP_KIND,
  PROP_LABEL,
  PROP_N_TOTAL,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
clw_search_group_get_item_type (GListModel *model)
{
  return CLW_TYPE_SEARCH_RESULT;
}

static guint
clw_search_group_get_n_items (GListModel *model)
{
  return CLW_SEARCH_GROUP (model)->results->len;
}

static gpointer
clw_search_group_get_item (GListModel *model,
                           guint       position)
{
  ClwSearchGroup *self = CLW_SEARCH_GROUP (model);

  if (position >= self->results->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->results, position));
}

static void
clw_search_group_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = clw_search_group_get_item_type;
  iface->get_n_items = clw_search_group_get_n_items;
  iface->get_item = clw_search_group_get_item;
}

static void
clw_search_group_finalize (GObject *object)
{
  ClwSearchGroup *self = (ClwSearchGroup *) object;

  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (clw_search_group_parent_class)->finalize (object);
}

static void
clw_search_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClwSearchGroup *self = CLW_SEARCH_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LABEL:
      g_value_set_string (value, clw_search_group_get_label (self));
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->results->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_search_group_class_init (ClwSearchGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_search_group_finalize;
  object_class->get_property = clw_search_group_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CLW_TYPE_SEARCH_KIND, CLW_SEARCH_KIND_PRACTICE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_search_group_init (ClwSearchGroup *self)
{
}

ClwSearchGroup *
_clw_search_group_new (ClwSearchKind  kind,
                       guint          n_total,
                       GPtrArray     *results)
{
  ClwSearchGroup *self = g_object_new (CLW_TYPE_SEARCH_GROUP, NULL);

  self->kind = kind;
  self->n_total = n_total;
  self->results = g_ptr_array_ref (results);
  return self;
}

ClwSearchKind
clw_search_group_get_kind (ClwSearchGroup *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_GROUP (self), 0);

  return self->kind;
}

const char *
clw_search_group_get_label (ClwSearchGroup *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_GROUP (self), NULL);

  return clw_search_kind_to_label (self->kind);
}

guint
clw_search_group_get_n_total (ClwSearchGroup *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_GROUP (self), 0);

  return self->n_total;
}
