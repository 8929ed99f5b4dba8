/* clw-buddy-option.c: a practice that could be asked to be a buddy, with the rules checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item of the "Buddy with…" dialog's list: the checks are core's, made
 * once when the dialog opens; the summary only says what they say.
 */

#define G_LOG_DOMAIN "clw-buddy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-option.h"

struct _ClwBuddyOption
{
  GObject            parent_instance;

  ClwBuddyCandidate *buddy;     /* owned */
  GListModel        *checks;    /* owned */
  gboolean           allowed;
  char              *title;
  char              *summary;
};

G_DEFINE_FINAL_TYPE (ClwBuddyOption, clw_buddy_option, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUDDY,
  PROP_ALLOWED,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_buddy_option_dispose (GObject *object)
{
  ClwBuddyOption *self = (ClwBuddyOption *) object;

  g_clear_object (&self->buddy);
  g_clear_object (&self->checks);

  G_OBJECT_CLASS (clw_buddy_option_parent_class)->dispose (object);
}

static void
clw_buddy_option_finalize (GObject *object)
{
  ClwBuddyOption *self = (ClwBuddyOption *) object;

  g_free (self->title);
  g_free (self->summary);

  G_OBJECT_CLASS (clw_buddy_option_parent_class)->finalize (object);
}

static void
clw_buddy_option_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClwBuddyOption *self = CLW_BUDDY_OPTION (object);

  switch (prop_id)
    {
    case PROP_BUDDY:
      g_value_set_object (value, self->buddy);
      break;

    case PROP_ALLOWED:
      g_value_set_boolean (value, self->allowed);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_option_class_init (ClwBuddyOptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clw_buddy_option_dispose;
  object_class->finalize = clw_buddy_option_finalize;
  object_class->get_property = clw_buddy_option_get_property;

  properties[PROP_BUDDY] =
    g_param_spec_object ("buddy", NULL, NULL, CLW_TYPE_BUDDY_CANDIDATE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOWED] =
    g_param_spec_boolean ("allowed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_buddy_option_init (ClwBuddyOption *self)
{
}

ClwBuddyOption *
clw_buddy_option_new (ClwBuddyCandidate *buddy,
                      GListModel        *checks)
{
  ClwBuddyOption *self;
  ClwBuddyRuleCheck *first_broken = NULL;
  guint n;

  g_return_val_if_fail (CLW_IS_BUDDY_CANDIDATE (buddy), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (checks), NULL);

  self = g_object_new (CLW_TYPE_BUDDY_OPTION, NULL);
  self->buddy = g_object_ref (buddy);
  self->checks = g_object_ref (checks);
  self->allowed = clw_buddy_rule_checks_allow_request (checks);
  self->title = g_strdup_printf ("%s %s", clw_buddy_candidate_get_code (buddy),
                                 clw_buddy_candidate_get_name (buddy));

  /* The first rule broken, a blocking one before the others. */
  n = g_list_model_get_n_items (checks);
  for (int pass = 0; pass < 2 && first_broken == NULL; pass++)
    for (guint i = 0; i < n && first_broken == NULL; i++)
      {
        g_autoptr(ClwBuddyRuleCheck) check = g_list_model_get_item (checks, i);

        if (!clw_buddy_rule_check_get_passed (check) &&
            clw_buddy_rule_check_get_blocking (check) == (pass == 0))
          first_broken = check;
      }

  if (first_broken == NULL)
    self->summary = g_strdup (_("Every rule is kept."));
  else if (!self->allowed)
    /* Translators: why a practice cannot be asked: "Not allowed: The buddy is larger. W10004 has…" */
    self->summary = g_strdup_printf (_("Not allowed: %s. %s"), clw_buddy_rule_check_get_label (first_broken),
                                     clw_buddy_rule_check_get_message (first_broken));
  else
    /* Translators: the request can be made, but the health board cannot agree it yet */
    self->summary = g_strdup_printf (_("Can be asked; to keep before the health board agrees: %s. %s"),
                                     clw_buddy_rule_check_get_label (first_broken),
                                     clw_buddy_rule_check_get_message (first_broken));

  return self;
}

ClwBuddyCandidate *
clw_buddy_option_get_buddy (ClwBuddyOption *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_OPTION (self), NULL);

  return self->buddy;
}

GListModel *
clw_buddy_option_get_checks (ClwBuddyOption *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_OPTION (self), NULL);

  return self->checks;
}

gboolean
clw_buddy_option_get_allowed (ClwBuddyOption *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_OPTION (self), FALSE);

  return self->allowed;
}

const char *
clw_buddy_option_get_title (ClwBuddyOption *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_OPTION (self), NULL);

  return self->title;
}

const char *
clw_buddy_option_get_summary (ClwBuddyOption *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_OPTION (self), NULL);

  return self->summary;
}
