/* clw-action-log-entry.c: an action as the action log shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-action-log"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-action-log-entry.h"
#include "clw-gui-util.h"

struct _ClwActionLogEntry
{
  GObject        parent_instance;

  ClwActionItem *action;        /* owned */
  char          *meeting;       /* "12 Oct 2022" */
  char          *meeting_on;    /* "2022-10-12", for sorting */
  char          *due;           /* "31 Oct 2022" */
  gboolean       overdue;
};

G_DEFINE_FINAL_TYPE (ClwActionLogEntry, clw_action_log_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_DUE,
  PROP_DUE_ON,
  PROP_MEETING,
  PROP_MEETING_ON,
  PROP_STATUS,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_action_log_entry_finalize (GObject *object)
{
  ClwActionLogEntry *self = (ClwActionLogEntry *) object;

  g_clear_object (&self->action);
  g_free (self->meeting);
  g_free (self->meeting_on);
  g_free (self->due);

  G_OBJECT_CLASS (clw_action_log_entry_parent_class)->finalize (object);
}

static void
clw_action_log_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ClwActionLogEntry *self = CLW_ACTION_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, clw_action_item_get_description (self->action));
      break;

    case PROP_OWNER:
      g_value_set_string (value, clw_action_item_get_owner (self->action));
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, clw_action_item_get_due_on (self->action));
      break;

    case PROP_MEETING:
      g_value_set_string (value, self->meeting);
      break;

    case PROP_MEETING_ON:
      g_value_set_string (value, self->meeting_on);
      break;

    case PROP_STATUS:
      g_value_set_int (value, clw_action_item_get_status (self->action));
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_action_log_entry_class_init (ClwActionLogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_action_log_entry_finalize;
  object_class->get_property = clw_action_log_entry_get_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_string ("meeting", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ON] =
    g_param_spec_string ("meeting-on", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, CLW_ACTION_STATUS_DONE, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_action_log_entry_init (ClwActionLogEntry *self)
{
}

ClwActionLogEntry *
clw_action_log_entry_new (ClwActionItem *action,
                          ClwMeeting    *meeting,
                          const GDate   *today)
{
  ClwActionLogEntry *self;

  g_return_val_if_fail (CLW_IS_ACTION_ITEM (action), NULL);
  g_return_val_if_fail (meeting == NULL || CLW_IS_MEETING (meeting), NULL);

  self = g_object_new (CLW_TYPE_ACTION_LOG_ENTRY, NULL);
  self->action = g_object_ref (action);
  self->meeting_on = meeting != NULL ? g_strndup (clw_meeting_get_starts_at (meeting), 10) : g_strdup ("");
  self->meeting = clw_format_date (self->meeting_on);
  self->due = clw_format_date (clw_action_item_get_due_on (action));
  self->overdue = clw_action_item_is_overdue (action, today);
  return self;
}

ClwActionItem *
clw_action_log_entry_get_action (ClwActionLogEntry *self)
{
  g_return_val_if_fail (CLW_IS_ACTION_LOG_ENTRY (self), NULL);

  return self->action;
}

gboolean
clw_action_log_entry_is_overdue (ClwActionLogEntry *self)
{
  g_return_val_if_fail (CLW_IS_ACTION_LOG_ENTRY (self), FALSE);

  return self->overdue;
}
