/* clw-buddy-arrangement.h: a buddy arrangement, a row of the table `buddy_arrangement`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_ARRANGEMENT (clw_buddy_arrangement_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyArrangement, clw_buddy_arrangement, CLW, BUDDY_ARRANGEMENT, ClwRecord)

ClwBuddyArrangement *clw_buddy_arrangement_new (void);

/* A practice of this many partners or fewer may be buddied (single-handed,
 * 2 or 3 partners), as may any practice with sustainability issues. */
#define CLW_BUDDY_MAX_SMALL_PARTNERS 3

gboolean clw_buddy_arrangement_small_practice_qualifies (int           partners,
                                                        gboolean      sustainability_issues);
/* Whether @buddy_practice_id may be the buddy of @small_practice_id: two
 * different practices of the same cluster, the small one qualifying, the
 * buddy larger. FALSE with an error that says which rule is broken. */
gboolean clw_buddy_arrangement_check_pair            (ClwDatabase  *db,
                                                        const char   *small_practice_id,
                                                        const char   *buddy_practice_id,
                                                        GError      **error);

const char           *clw_buddy_arrangement_get_small_practice_id (ClwBuddyArrangement *self);
const char           *clw_buddy_arrangement_get_buddy_practice_id (ClwBuddyArrangement *self);
const char           *clw_buddy_arrangement_get_starts_on         (ClwBuddyArrangement *self);
const char           *clw_buddy_arrangement_get_ends_on           (ClwBuddyArrangement *self);
ClwArrangementStatus  clw_buddy_arrangement_get_status            (ClwBuddyArrangement *self);
const char           *clw_buddy_arrangement_get_requested_on      (ClwBuddyArrangement *self);
const char           *clw_buddy_arrangement_get_decision_on       (ClwBuddyArrangement *self);
const char           *clw_buddy_arrangement_get_explanation       (ClwBuddyArrangement *self);
const char           *clw_buddy_arrangement_get_notes             (ClwBuddyArrangement *self);

/* The arrangements a practice is part of, as the small practice or as the
 * buddy, by start date. */
GListStore           *clw_buddy_arrangement_list_for_practice (ClwDatabase  *db,
                                                               const char   *practice_id,
                                                               GError      **error);
/* The requests waiting for a decision of a health board (NULL: of every
 * board), by start date. */
GListStore           *clw_buddy_arrangement_list_pending      (ClwDatabase  *db,
                                                               const char   *health_board_id,
                                                               GError      **error);

G_END_DECLS
