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

/* The meetings of a collaborative whose date is from @starts_on to
 * @ends_on ("YYYY-MM-DD", either NULL for no bound), by date. */
GListStore *clw_meeting_list_for_collaborative (ClwDatabase  *db,
                                                const char   *collaborative_id,
                                                const char   *starts_on,
                                                const char   *ends_on,
                                                GError      **error);
/* Insert @self, a new meeting, with the standard items of an NHS Wales
 * agenda (welcome and apologies, declarations of interest, minutes of the
 * last meeting, matters arising and the action log), as one change. */
gboolean    clw_meeting_create                 (ClwMeeting   *self,
                                                ClwDatabase  *db,
                                                GError      **error);

G_END_DECLS
