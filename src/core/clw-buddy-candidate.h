/* clw-buddy-candidate.h: a practice on the buddy board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-practice.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_CANDIDATE (clw_buddy_candidate_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyCandidate, clw_buddy_candidate, CLW, BUDDY_CANDIDATE, GObject)

ClwPractice *clw_buddy_candidate_get_practice              (ClwBuddyCandidate *self);
const char  *clw_buddy_candidate_get_practice_id           (ClwBuddyCandidate *self);
const char  *clw_buddy_candidate_get_code                  (ClwBuddyCandidate *self);
const char  *clw_buddy_candidate_get_name                  (ClwBuddyCandidate *self);
int          clw_buddy_candidate_get_partners              (ClwBuddyCandidate *self);
int          clw_buddy_candidate_get_list_size             (ClwBuddyCandidate *self);
gboolean     clw_buddy_candidate_get_sustainability_issues (ClwBuddyCandidate *self);
/* Single-handed, 2 or 3 partners, or with sustainability issues. */
gboolean     clw_buddy_candidate_get_qualifies             (ClwBuddyCandidate *self);
/* The code of its agreed buddy in force on the board's date, or NULL. */
const char  *clw_buddy_candidate_get_buddy_code            (ClwBuddyCandidate *self);
/* How many practices it is the agreed buddy of on the board's date. */
guint        clw_buddy_candidate_get_n_buddying            (ClwBuddyCandidate *self);

G_END_DECLS
