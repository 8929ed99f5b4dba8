/* clw-buddy-engagement.h: a record of engagement, a row of the table `buddy_engagement`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_ENGAGEMENT (clw_buddy_engagement_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyEngagement, clw_buddy_engagement, CLW, BUDDY_ENGAGEMENT, ClwRecord)

ClwBuddyEngagement *clw_buddy_engagement_new (void);

const char        *clw_buddy_engagement_get_practice_id (ClwBuddyEngagement *self);
const char        *clw_buddy_engagement_get_meeting_id  (ClwBuddyEngagement *self);
ClwEngagementKind  clw_buddy_engagement_get_kind        (ClwBuddyEngagement *self);
const char        *clw_buddy_engagement_get_recorded_on (ClwBuddyEngagement *self);
const char        *clw_buddy_engagement_get_note        (ClwBuddyEngagement *self);

G_END_DECLS
