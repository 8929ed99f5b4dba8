/* clw-buddy-board-private.h: what the buddy board makes its items with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-buddy-candidate.h"
#include "clw-buddy-pair.h"

G_BEGIN_DECLS

ClwBuddyCandidate *_clw_buddy_candidate_new (ClwPractice         *practice,
                                             const char          *buddy_code,
                                             guint                n_buddying);

ClwBuddyPair      *_clw_buddy_pair_new      (ClwBuddyArrangement *arrangement,
                                             const char          *small_code,
                                             const char          *small_name,
                                             const char          *buddy_code,
                                             const char          *buddy_name,
                                             gboolean             in_force);

G_END_DECLS
