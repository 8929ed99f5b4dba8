/* clw-buddy-candidate.c: a practice on the buddy board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-buddy-board"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-candidate.h"
#include "clw-buddy-arrangement.h"
#include "clw-buddy-board-private.h"

struct _ClwBuddyCandidate
{
  GObject      parent_instance;

  ClwPractice *practice;     /* owned */
  char        *buddy_code;
  guint        n_buddying;
};

G_DEFINE_FINAL_TYPE (ClwBuddyCandidate, clw_buddy_candidate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRACTICE,
  PROP_PRACTICE_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_PARTNERS,
  PROP_LIST_SIZE,
  PROP_SUSTAINABILITY_ISSUES,
  PROP_QUALIFIES,
  PROP_BUDDY_CODE,
  PROP_N_BUDDYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_buddy_candidate_dispose (GObject *object)
{
  ClwBuddyCandidate *self = (ClwBuddyCandidate *) object;

  g_clear_object (&self->practice);

  G_OBJECT_CLASS (clw_buddy_candidate_parent_class)->dispose (object);
}

static void
clw_buddy_candidate_finalize (GObject *object)
{
  ClwBuddyCandidate *self = (ClwBuddyCandidate *) object;

  g_clear_pointer (&self->buddy_code, g_free);

  G_OBJECT_CLASS (clw_buddy_candidate_parent_class)->finalize (object);
}

static void
clw_buddy_candidate_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ClwBuddyCandidate *self = CLW_BUDDY_CANDIDATE (object);

  switch (prop_id)
    {
    case PROP_PRACTICE:
      g_value_set_object (value, self->practice);
      break;

    case PROP_PRACTICE_ID:
      g_value_set_string (value, clw_buddy_candidate_get_practice_id (self));
      break;

    case PROP_CODE:
      g_value_set_string (value, clw_buddy_candidate_get_code (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, clw_buddy_candidate_get_name (self));
      break;

    case PROP_PARTNERS:
      g_value_set_int (value, clw_buddy_candidate_get_partners (self));
      break;

    case PROP_LIST_SIZE:
      g_value_set_int (value, clw_buddy_candidate_get_list_size (self));
      break;

    case PROP_SUSTAINABILITY_ISSUES:
      g_value_set_boolean (value, clw_buddy_candidate_get_sustainability_issues (self));
      break;

    case PROP_QUALIFIES:
      g_value_set_boolean (value, clw_buddy_candidate_get_qualifies (self));
      break;

    case PROP_BUDDY_CODE:
      g_value_set_string (value, self->buddy_code);
      break;

    case PROP_N_BUDDYING:
      g_value_set_uint (value, self->n_buddying);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_candidate_class_init (ClwBuddyCandidateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clw_buddy_candidate_dispose;
  object_class->finalize = clw_buddy_candidate_finalize;
  object_class->get_property = clw_buddy_candidate_get_property;

  properties[PROP_PRACTICE] =
    g_param_spec_object ("practice", NULL, NULL, CLW_TYPE_PRACTICE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNERS] =
    g_param_spec_int ("partners", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_SIZE] =
    g_param_spec_int ("list-size", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUSTAINABILITY_ISSUES] =
    g_param_spec_boolean ("sustainability-issues", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUALIFIES] =
    g_param_spec_boolean ("qualifies", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDDY_CODE] =
    g_param_spec_string ("buddy-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_BUDDYING] =
    g_param_spec_uint ("n-buddying", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_buddy_candidate_init (ClwBuddyCandidate *self)
{
}

ClwBuddyCandidate *
_clw_buddy_candidate_new (ClwPractice *practice,
                          const char  *buddy_code,
                          guint        n_buddying)
{
  ClwBuddyCandidate *self;

  g_return_val_if_fail (CLW_IS_PRACTICE (practice), NULL);

  self = g_object_new (CLW_TYPE_BUDDY_CANDIDATE, NULL);
  self->practice = g_object_ref (practice);
  self->buddy_code = g_strdup (buddy_code);
  self->n_buddying = n_buddying;
  return self;
}

ClwPractice *
clw_buddy_candidate_get_practice (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), NULL);

  return self->practice;
}

const char *
clw_buddy_candidate_get_practice_id (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), NULL);

  return clw_record_get_id (CLW_RECORD (self->practice));
}

const char *
clw_buddy_candidate_get_code (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), NULL);

  return clw_practice_get_code (self->practice);
}

const char *
clw_buddy_candidate_get_name (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), NULL);

  return clw_practice_get_name (self->practice);
}

int
clw_buddy_candidate_get_partners (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), 0);

  return clw_practice_get_partners (self->practice);
}

int
clw_buddy_candidate_get_list_size (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), 0);

  return clw_practice_get_list_size (self->practice);
}

gboolean
clw_buddy_candidate_get_sustainability_issues (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), FALSE);

  return clw_practice_get_sustainability_issues (self->practice);
}

gboolean
clw_buddy_candidate_get_qualifies (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), FALSE);

  return clw_buddy_arrangement_small_practice_qualifies (clw_practice_get_partners (self->practice),
                                                         clw_practice_get_sustainability_issues (self->practice));
}

const char *
clw_buddy_candidate_get_buddy_code (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), NULL);

  return self->buddy_code;
}

guint
clw_buddy_candidate_get_n_buddying (ClwBuddyCandidate *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (self), 0);

  return self->n_buddying;
}
