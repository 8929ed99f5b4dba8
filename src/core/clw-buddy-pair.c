/* clw-buddy-pair.c: a buddy arrangement on the buddy board, with both practices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-buddy-board"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-pair.h"
#include "clw-enums.h"
#include "clw-buddy-board-private.h"

struct _ClwBuddyPair
{
  GObject              parent_instance;

  ClwBuddyArrangement *arrangement;   /* owned */
  char                *small_code;
  char                *small_name;
  char                *buddy_code;
  char                *buddy_name;
  gboolean             in_force;
};

G_DEFINE_FINAL_TYPE (ClwBuddyPair, clw_buddy_pair, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARRANGEMENT,
  PROP_ID,
  PROP_SMALL_PRACTICE_ID,
  PROP_SMALL_CODE,
  PROP_SMALL_NAME,
  PROP_BUDDY_PRACTICE_ID,
  PROP_BUDDY_CODE,
  PROP_BUDDY_NAME,
  PROP_STATUS,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_REQUESTED_ON,
  PROP_DECISION_ON,
  PROP_EXPLANATION,
  PROP_IN_FORCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_buddy_pair_dispose (GObject *object)
{
  ClwBuddyPair *self = (ClwBuddyPair *) object;

  g_clear_object (&self->arrangement);

  G_OBJECT_CLASS (clw_buddy_pair_parent_class)->dispose (object);
}

static void
clw_buddy_pair_finalize (GObject *object)
{
  ClwBuddyPair *self = (ClwBuddyPair *) object;

  g_clear_pointer (&self->small_code, g_free);
  g_clear_pointer (&self->small_name, g_free);
  g_clear_pointer (&self->buddy_code, g_free);
  g_clear_pointer (&self->buddy_name, g_free);

  G_OBJECT_CLASS (clw_buddy_pair_parent_class)->finalize (object);
}

static void
clw_buddy_pair_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClwBuddyPair *self = CLW_BUDDY_PAIR (object);

  switch (prop_id)
    {
    case PROP_ARRANGEMENT:
      g_value_set_object (value, self->arrangement);
      break;

    case PROP_ID:
      g_value_set_string (value, clw_buddy_pair_get_id (self));
      break;

    case PROP_SMALL_PRACTICE_ID:
      g_value_set_string (value, clw_buddy_pair_get_small_practice_id (self));
      break;

    case PROP_SMALL_CODE:
      g_value_set_string (value, self->small_code);
      break;

    case PROP_SMALL_NAME:
      g_value_set_string (value, self->small_name);
      break;

    case PROP_BUDDY_PRACTICE_ID:
      g_value_set_string (value, clw_buddy_pair_get_buddy_practice_id (self));
      break;

    case PROP_BUDDY_CODE:
      g_value_set_string (value, self->buddy_code);
      break;

    case PROP_BUDDY_NAME:
      g_value_set_string (value, self->buddy_name);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, clw_buddy_pair_get_status (self));
      break;

    case PROP_STARTS_ON:
      g_value_set_string (value, clw_buddy_pair_get_starts_on (self));
      break;

    case PROP_ENDS_ON:
      g_value_set_string (value, clw_buddy_pair_get_ends_on (self));
      break;

    case PROP_REQUESTED_ON:
      g_value_set_string (value, clw_buddy_pair_get_requested_on (self));
      break;

    case PROP_DECISION_ON:
      g_value_set_string (value, clw_buddy_pair_get_decision_on (self));
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, clw_buddy_pair_get_explanation (self));
      break;

    case PROP_IN_FORCE:
      g_value_set_boolean (value, self->in_force);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_pair_class_init (ClwBuddyPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clw_buddy_pair_dispose;
  object_class->finalize = clw_buddy_pair_finalize;
  object_class->get_property = clw_buddy_pair_get_property;

  properties[PROP_ARRANGEMENT] =
    g_param_spec_object ("arrangement", NULL, NULL, CLW_TYPE_BUDDY_ARRANGEMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMALL_PRACTICE_ID] =
    g_param_spec_string ("small-practice-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMALL_CODE] =
    g_param_spec_string ("small-code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMALL_NAME] =
    g_param_spec_string ("small-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDDY_PRACTICE_ID] =
    g_param_spec_string ("buddy-practice-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDDY_CODE] =
    g_param_spec_string ("buddy-code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDDY_NAME] =
    g_param_spec_string ("buddy-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CLW_TYPE_ARRANGEMENT_STATUS, CLW_ARRANGEMENT_STATUS_REQUESTED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTS_ON] =
    g_param_spec_string ("starts-on", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDS_ON] =
    g_param_spec_string ("ends-on", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUESTED_ON] =
    g_param_spec_string ("requested-on", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECISION_ON] =
    g_param_spec_string ("decision-on", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IN_FORCE] =
    g_param_spec_boolean ("in-force", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_buddy_pair_init (ClwBuddyPair *self)
{
}

ClwBuddyPair *
_clw_buddy_pair_new (ClwBuddyArrangement *arrangement,
                     const char          *small_code,
                     const char          *small_name,
                     const char          *buddy_code,
                     const char          *buddy_name,
                     gboolean             in_force)
{
  ClwBuddyPair *self;

  g_return_val_if_fail (CLW_IS_BUDDY_ARRANGEMENT (arrangement), NULL);

  self = g_object_new (CLW_TYPE_BUDDY_PAIR, NULL);
  self->arrangement = g_object_ref (arrangement);
  self->small_code = g_strdup (small_code);
  self->small_name = g_strdup (small_name);
  self->buddy_code = g_strdup (buddy_code);
  self->buddy_name = g_strdup (buddy_name);
  self->in_force = !!in_force;
  return self;
}

ClwBuddyArrangement *
clw_buddy_pair_get_arrangement (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return self->arrangement;
}

const char *
clw_buddy_pair_get_id (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return clw_record_get_id (CLW_RECORD (self->arrangement));
}

const char *
clw_buddy_pair_get_small_practice_id (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return clw_buddy_arrangement_get_small_practice_id (self->arrangement);
}

const char *
clw_buddy_pair_get_small_code (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return self->small_code;
}

const char *
clw_buddy_pair_get_small_name (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return self->small_name;
}

const char *
clw_buddy_pair_get_buddy_practice_id (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return clw_buddy_arrangement_get_buddy_practice_id (self->arrangement);
}

const char *
clw_buddy_pair_get_buddy_code (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return self->buddy_code;
}

const char *
clw_buddy_pair_get_buddy_name (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return self->buddy_name;
}

ClwArrangementStatus
clw_buddy_pair_get_status (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), 0);

  return clw_buddy_arrangement_get_status (self->arrangement);
}

const char *
clw_buddy_pair_get_starts_on (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return clw_buddy_arrangement_get_starts_on (self->arrangement);
}

const char *
clw_buddy_pair_get_ends_on (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return clw_buddy_arrangement_get_ends_on (self->arrangement);
}

const char *
clw_buddy_pair_get_requested_on (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return clw_buddy_arrangement_get_requested_on (self->arrangement);
}

const char *
clw_buddy_pair_get_decision_on (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return clw_buddy_arrangement_get_decision_on (self->arrangement);
}

const char *
clw_buddy_pair_get_explanation (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), NULL);

  return clw_buddy_arrangement_get_explanation (self->arrangement);
}

gboolean
clw_buddy_pair_get_in_force (ClwBuddyPair *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR (self), FALSE);

  return self->in_force;
}
