/* clw-buddy-option.h: a practice that could be asked to be a buddy, with the rules checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_OPTION (clw_buddy_option_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyOption, clw_buddy_option, CLW, BUDDY_OPTION, GObject)

/* @checks: clw_buddy_board_check() for the small practice and @buddy. */
ClwBuddyOption    *clw_buddy_option_new           (ClwBuddyCandidate *buddy,
                                                   GListModel        *checks);

ClwBuddyCandidate *clw_buddy_option_get_buddy     (ClwBuddyOption    *self);
GListModel        *clw_buddy_option_get_checks    (ClwBuddyOption    *self);
/* No blocking rule is broken: the request can be made. */
gboolean           clw_buddy_option_get_allowed   (ClwBuddyOption    *self);
/* "W10002 Bryn Surgery" */
const char        *clw_buddy_option_get_title     (ClwBuddyOption    *self);
/* "Every rule is kept", or the first rule broken and why. */
const char        *clw_buddy_option_get_summary   (ClwBuddyOption    *self);

G_END_DECLS
