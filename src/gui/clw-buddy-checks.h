/* clw-buddy-checks.h: the rules of buddying, kept or broken, for one proposed pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_CHECKS (clw_buddy_checks_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyChecks, clw_buddy_checks, CLW, BUDDY_CHECKS, GtkWidget)

GtkWidget  *clw_buddy_checks_new        (void);

/* @checks: ClwBuddyRuleCheck, from clw_buddy_board_check(). */
void        clw_buddy_checks_set_checks (ClwBuddyChecks *self,
                                         GListModel     *checks);
GListModel *clw_buddy_checks_get_checks (ClwBuddyChecks *self);

G_END_DECLS
