/* clw-meeting.c: a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-meeting"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-meeting.h"

#include "clw-collaborative.h"

struct _ClwMeeting
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwMeeting, clw_meeting, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COLLABORATIVE_ID,
  PROP_STARTS_AT,
  PROP_PLACE,
  PROP_STATUS,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_meeting_describe (ClwRecord *record)
{
  ClwMeeting *self = CLW_MEETING (record);
  g_autofree char *when = NULL;

  if (clw_text_is_blank (clw_meeting_get_starts_at (self)))
    return g_strdup (_("Meeting"));

  when = clw_date_format_display (clw_meeting_get_starts_at (self));
  return g_strdup_printf (_("Meeting of %s"), when);
}

static gboolean
clw_meeting_validate (ClwRecord    *record,
                      ClwDatabase  *db,
                      GError      **error)
{
  return TRUE;
}

static void
clw_meeting_class_init (ClwMeetingClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "meeting";
  record_class->order_by = "starts_at, id";
  record_class->validate = clw_meeting_validate;
  record_class->describe = clw_meeting_describe;

  properties[PROP_COLLABORATIVE_ID] =
    g_param_spec_string ("collaborative-id", N_("collaborative"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_COLLABORATIVE_ID,
                                   properties[PROP_COLLABORATIVE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_COLLABORATIVE);
  properties[PROP_STARTS_AT] =
    g_param_spec_string ("starts-at", N_("date and time"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STARTS_AT,
                                   properties[PROP_STARTS_AT],
                                   CLW_COLUMN_DATETIME, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", N_("place"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PLACE,
                                   properties[PROP_PLACE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("status"), NULL,
                       CLW_TYPE_MEETING_STATUS, CLW_MEETING_STATUS_PLANNED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STATUS,
                                   properties[PROP_STATUS],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_MINUTES] =
    g_param_spec_string ("minutes", N_("minutes"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_MINUTES,
                                   properties[PROP_MINUTES],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_meeting_init (ClwMeeting *self)
{
}

ClwMeeting *
clw_meeting_new (void)
{
  return g_object_new (CLW_TYPE_MEETING, NULL);
}

const char *
clw_meeting_get_collaborative_id (ClwMeeting *self)
{
  g_return_val_if_fail (CLW_IS_MEETING (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_COLLABORATIVE_ID);
}

const char *
clw_meeting_get_starts_at (ClwMeeting *self)
{
  g_return_val_if_fail (CLW_IS_MEETING (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_STARTS_AT);
}

const char *
clw_meeting_get_place (ClwMeeting *self)
{
  g_return_val_if_fail (CLW_IS_MEETING (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_PLACE);
}

ClwMeetingStatus
clw_meeting_get_status (ClwMeeting *self)
{
  g_return_val_if_fail (CLW_IS_MEETING (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_STATUS);
}

const char *
clw_meeting_get_minutes (ClwMeeting *self)
{
  g_return_val_if_fail (CLW_IS_MEETING (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_MINUTES);
}
