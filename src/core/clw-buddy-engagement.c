/* clw-buddy-engagement.c: a record of engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-buddy-engagement"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-buddy-engagement.h"

#include "clw-meeting.h"
#include "clw-practice.h"

struct _ClwBuddyEngagement
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwBuddyEngagement, clw_buddy_engagement, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PRACTICE_ID,
  PROP_MEETING_ID,
  PROP_KIND,
  PROP_RECORDED_ON,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_buddy_engagement_describe (ClwRecord *record)
{
  ClwBuddyEngagement *self = CLW_BUDDY_ENGAGEMENT (record);

  return g_strdup_printf (_("Engagement (%s)"),
                          clw_engagement_kind_to_label (clw_buddy_engagement_get_kind (self)));
}

static gboolean
clw_buddy_engagement_validate (ClwRecord    *record,
                               ClwDatabase  *db,
                               GError      **error)
{
  ClwBuddyEngagement *self = CLW_BUDDY_ENGAGEMENT (record);

  return _clw_check_practice_in_collaborative (db, clw_buddy_engagement_get_practice_id (self),
                                               clw_buddy_engagement_get_meeting_id (self), error);
}

static void
clw_buddy_engagement_class_init (ClwBuddyEngagementClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "buddy_engagement";
  record_class->order_by = "recorded_on, id";
  record_class->validate = clw_buddy_engagement_validate;
  record_class->describe = clw_buddy_engagement_describe;

  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", N_("practice"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PRACTICE_ID,
                                   properties[PROP_PRACTICE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_PRACTICE);
  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", N_("meeting"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_MEETING_ID,
                                   properties[PROP_MEETING_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_MEETING);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("kind of engagement"), NULL,
                       CLW_TYPE_ENGAGEMENT_KIND, CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_KIND,
                                   properties[PROP_KIND],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_RECORDED_ON] =
    g_param_spec_string ("recorded-on", N_("date recorded"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_RECORDED_ON,
                                   properties[PROP_RECORDED_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", N_("note"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NOTE,
                                   properties[PROP_NOTE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_buddy_engagement_init (ClwBuddyEngagement *self)
{
}

ClwBuddyEngagement *
clw_buddy_engagement_new (void)
{
  return g_object_new (CLW_TYPE_BUDDY_ENGAGEMENT, NULL);
}

const char *
clw_buddy_engagement_get_practice_id (ClwBuddyEngagement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ENGAGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_PRACTICE_ID);
}

const char *
clw_buddy_engagement_get_meeting_id (ClwBuddyEngagement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ENGAGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_MEETING_ID);
}

ClwEngagementKind
clw_buddy_engagement_get_kind (ClwBuddyEngagement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ENGAGEMENT (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_KIND);
}

const char *
clw_buddy_engagement_get_recorded_on (ClwBuddyEngagement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ENGAGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_RECORDED_ON);
}

const char *
clw_buddy_engagement_get_note (ClwBuddyEngagement *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_ENGAGEMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NOTE);
}
