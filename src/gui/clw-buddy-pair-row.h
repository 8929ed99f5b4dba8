/* clw-buddy-pair-row.h: an arrangement on the buddying board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_PAIR_ROW (clw_buddy_pair_row_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyPairRow, clw_buddy_pair_row, CLW, BUDDY_PAIR_ROW, GtkWidget)

ClwBuddyPairRow *clw_buddy_pair_row_new        (void);

ClwBuddyPair    *clw_buddy_pair_row_get_pair   (ClwBuddyPairRow *self);
void             clw_buddy_pair_row_set_pair   (ClwBuddyPairRow *self,
                                                ClwBuddyPair    *pair);
/* Open the row's menu, when its arrangement has something to do. */
void             clw_buddy_pair_row_popup_menu (ClwBuddyPairRow *self);

G_END_DECLS
