/* clw-meeting-item.c: a meeting as the meetings list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-meeting-item"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-meeting-item.h"

struct _ClwMeetingItem
{
  GObject     parent_instance;

  ClwMeeting *meeting;      /* owned */
  char       *when;
  char       *place;
  char       *attendance;
  char       *warning;
};

G_DEFINE_FINAL_TYPE (ClwMeetingItem, clw_meeting_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WHEN,
  PROP_PLACE,
  PROP_STATUS,
  PROP_ATTENDANCE,
  PROP_WARNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_meeting_item_finalize (GObject *object)
{
  ClwMeetingItem *self = (ClwMeetingItem *) object;

  g_clear_object (&self->meeting);
  g_free (self->when);
  g_free (self->place);
  g_free (self->attendance);
  g_free (self->warning);

  G_OBJECT_CLASS (clw_meeting_item_parent_class)->finalize (object);
}

static void
clw_meeting_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClwMeetingItem *self = CLW_MEETING_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, clw_record_get_id (CLW_RECORD (self->meeting)));
      break;

    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_STATUS:
      g_value_set_string (value, clw_meeting_status_to_label (clw_meeting_get_status (self->meeting)));
      break;

    case PROP_ATTENDANCE:
      g_value_set_string (value, self->attendance);
      break;

    case PROP_WARNING:
      g_value_set_string (value, self->warning);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_meeting_item_class_init (ClwMeetingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_meeting_item_finalize;
  object_class->get_property = clw_meeting_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDANCE] =
    g_param_spec_string ("attendance", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_string ("warning", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_meeting_item_init (ClwMeetingItem *self)
{
}

ClwMeetingItem *
clw_meeting_item_new (ClwMeeting                 *meeting,
                      const ClwMeetingAttendance *attendance,
                      const char                 *warning)
{
  ClwMeetingItem *self;
  const char *place;

  g_return_val_if_fail (CLW_IS_MEETING (meeting), NULL);

  self = g_object_new (CLW_TYPE_MEETING_ITEM, NULL);
  self->meeting = g_object_ref (meeting);
  self->when = clw_format_datetime (clw_meeting_get_starts_at (meeting));
  place = clw_meeting_get_place (meeting);
  self->place = g_strdup (place != NULL && *place != '\0' ? place : _("No place set"));
  self->warning = g_strdup (warning != NULL ? warning : "");

  if (clw_meeting_get_status (meeting) == CLW_MEETING_STATUS_HELD && attendance != NULL)
    self->attendance = g_strdup_printf (ngettext ("%d of %d practice counted",
                                                  "%d of %d practices counted",
                                                  attendance->practices),
                                        attendance->counted, attendance->practices);
  else
    self->attendance = g_strdup ("");

  return self;
}

ClwMeeting *
clw_meeting_item_get_meeting (ClwMeetingItem *self)
{
  g_return_val_if_fail (CLW_IS_MEETING_ITEM (self), NULL);

  return self->meeting;
}
