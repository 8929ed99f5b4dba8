/* clw-buddy-rule-check.c: one rule of buddying checked for a proposed pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-buddy-board"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-rule-check.h"
#include "clw-enums.h"

struct _ClwBuddyRuleCheck
{
  GObject       parent_instance;

  ClwBuddyRule  rule;
  char         *message;
  guint         passed : 1;
  guint         blocking : 1;
};

G_DEFINE_FINAL_TYPE (ClwBuddyRuleCheck, clw_buddy_rule_check, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_LABEL,
  PROP_PASSED,
  PROP_BLOCKING,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_buddy_rule_check_finalize (GObject *object)
{
  ClwBuddyRuleCheck *self = (ClwBuddyRuleCheck *) object;

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (clw_buddy_rule_check_parent_class)->finalize (object);
}

static void
clw_buddy_rule_check_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ClwBuddyRuleCheck *self = CLW_BUDDY_RULE_CHECK (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_enum (value, self->rule);
      break;

    case PROP_LABEL:
      g_value_set_string (value, clw_buddy_rule_check_get_label (self));
      break;

    case PROP_PASSED:
      g_value_set_boolean (value, self->passed);
      break;

    case PROP_BLOCKING:
      g_value_set_boolean (value, self->blocking);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_rule_check_class_init (ClwBuddyRuleCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_buddy_rule_check_finalize;
  object_class->get_property = clw_buddy_rule_check_get_property;

  properties[PROP_RULE] =
    g_param_spec_enum ("rule", NULL, NULL,
                       CLW_TYPE_BUDDY_RULE, CLW_BUDDY_RULE_DIFFERENT_PRACTICES,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PASSED] =
    g_param_spec_boolean ("passed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKING] =
    g_param_spec_boolean ("blocking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_buddy_rule_check_init (ClwBuddyRuleCheck *self)
{
}

ClwBuddyRuleCheck *
clw_buddy_rule_check_new (ClwBuddyRule  rule,
                          gboolean      passed,
                          gboolean      blocking,
                          const char   *message)
{
  ClwBuddyRuleCheck *self = g_object_new (CLW_TYPE_BUDDY_RULE_CHECK, NULL);

  self->rule = rule;
  self->passed = !!passed;
  self->blocking = !!blocking;
  self->message = g_strdup (message);
  return self;
}

ClwBuddyRule
clw_buddy_rule_check_get_rule (ClwBuddyRuleCheck *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_RULE_CHECK (self), 0);

  return self->rule;
}

const char *
clw_buddy_rule_check_get_label (ClwBuddyRuleCheck *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_RULE_CHECK (self), NULL);

  return clw_buddy_rule_to_label (self->rule);
}

gboolean
clw_buddy_rule_check_get_passed (ClwBuddyRuleCheck *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_RULE_CHECK (self), FALSE);

  return self->passed;
}

gboolean
clw_buddy_rule_check_get_blocking (ClwBuddyRuleCheck *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_RULE_CHECK (self), FALSE);

  return self->blocking;
}

const char *
clw_buddy_rule_check_get_message (ClwBuddyRuleCheck *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_RULE_CHECK (self), NULL);

  return self->message;
}

static gboolean
checks_pass (GListModel *checks,
             gboolean    blocking_only)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (checks), FALSE);

  n = g_list_model_get_n_items (checks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwBuddyRuleCheck) check = g_list_model_get_item (checks, i);

      if (!check->passed && (check->blocking || !blocking_only))
        return FALSE;
    }

  return TRUE;
}

gboolean
clw_buddy_rule_checks_allow_request (GListModel *checks)
{
  return checks_pass (checks, TRUE);
}

gboolean
clw_buddy_rule_checks_all_passed (GListModel *checks)
{
  return checks_pass (checks, FALSE);
}
