/* clw-practice-row.c: a line of the practices table, which keeps its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list views keep about 200 lines' widgets, made anew for every
 * new item of their model. A cluster's table is a list of these lines,
 * kept from one cluster to the next: showing another cluster gives the
 * lines other practices, and the cells bound to them update, instead of
 * 200 lines of widgets being destroyed and made again.
 */

#define G_LOG_DOMAIN "clw-cluster-dashboard"

#include "config.h"

#include "clw-practice-row.h"

struct _ClwPracticeRow
{
  GObject            parent_instance;

  ClwPracticeResult *result;   /* owned */
};

G_DEFINE_FINAL_TYPE (ClwPracticeRow, clw_practice_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_practice_row_dispose (GObject *object)
{
  ClwPracticeRow *self = (ClwPracticeRow *) object;

  g_clear_object (&self->result);

  G_OBJECT_CLASS (clw_practice_row_parent_class)->dispose (object);
}

static void
clw_practice_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClwPracticeRow *self = CLW_PRACTICE_ROW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_practice_row_class_init (ClwPracticeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clw_practice_row_dispose;
  object_class->get_property = clw_practice_row_get_property;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL,
                         CLW_TYPE_PRACTICE_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_practice_row_init (ClwPracticeRow *self)
{
}

ClwPracticeRow *
clw_practice_row_new (ClwPracticeResult *result)
{
  ClwPracticeRow *self = g_object_new (CLW_TYPE_PRACTICE_ROW, NULL);

  self->result = g_object_ref (result);
  return self;
}

ClwPracticeResult *
clw_practice_row_get_result (ClwPracticeRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_ROW (self), NULL);

  return self->result;
}

void
clw_practice_row_set_result (ClwPracticeRow    *self,
                             ClwPracticeResult *result)
{
  g_return_if_fail (CLW_IS_PRACTICE_ROW (self));
  g_return_if_fail (CLW_IS_PRACTICE_RESULT (result));

  if (g_set_object (&self->result, result))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}
