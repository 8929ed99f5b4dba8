/* clw-meeting.h: a meeting, a row of the table `meeting`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_MEETING (clw_meeting_get_type ())

G_DECLARE_FINAL_TYPE (ClwMeeting, clw_meeting, CLW, MEETING, ClwRecord)

ClwMeeting *clw_meeting_new (void);

const char       *clw_meeting_get_collaborative_id (ClwMeeting *self);
const char       *clw_meeting_get_starts_at        (ClwMeeting *self);
const char       *clw_meeting_get_place            (ClwMeeting *self);
ClwMeetingStatus  clw_meeting_get_status           (ClwMeeting *self);
const char       *clw_meeting_get_minutes          (ClwMeeting *self);

G_END_DECLS
