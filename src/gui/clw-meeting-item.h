/* clw-meeting-item.h: a meeting as the meetings list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-core.h"
#include "clw-cluster-summary.h"

G_BEGIN_DECLS

#define CLW_TYPE_MEETING_ITEM (clw_meeting_item_get_type ())

G_DECLARE_FINAL_TYPE (ClwMeetingItem, clw_meeting_item, CLW, MEETING_ITEM, GObject)

/* @attendance: the meeting's figures in the report, or NULL. */
ClwMeetingItem *clw_meeting_item_new         (ClwMeeting                 *meeting,
                                              const ClwMeetingAttendance *attendance,
                                              const char                 *warning);
ClwMeeting     *clw_meeting_item_get_meeting (ClwMeetingItem             *self);

G_END_DECLS
