/* clw-buddy-pair.h: a buddy arrangement on the buddy board, with both practices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-buddy-arrangement.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_PAIR (clw_buddy_pair_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyPair, clw_buddy_pair, CLW, BUDDY_PAIR, GObject)

ClwBuddyArrangement  *clw_buddy_pair_get_arrangement       (ClwBuddyPair *self);
/* The arrangement's id. */
const char           *clw_buddy_pair_get_id                (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_small_practice_id (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_small_code        (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_small_name        (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_buddy_practice_id (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_buddy_code        (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_buddy_name        (ClwBuddyPair *self);
ClwArrangementStatus  clw_buddy_pair_get_status            (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_starts_on         (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_ends_on           (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_requested_on      (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_decision_on       (ClwBuddyPair *self);
const char           *clw_buddy_pair_get_explanation       (ClwBuddyPair *self);
/* Agreed and in force on the board's date. */
gboolean              clw_buddy_pair_get_in_force          (ClwBuddyPair *self);

G_END_DECLS
