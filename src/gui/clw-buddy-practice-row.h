/* clw-buddy-practice-row.h: a practice on the buddying board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_PRACTICE_ROW (clw_buddy_practice_row_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyPracticeRow, clw_buddy_practice_row, CLW, BUDDY_PRACTICE_ROW, GtkWidget)

/* A small practice (@small) is dragged and has a menu; a larger one is
 * where it is dropped. */
ClwBuddyPracticeRow *clw_buddy_practice_row_new           (gboolean             small);

ClwBuddyCandidate   *clw_buddy_practice_row_get_candidate (ClwBuddyPracticeRow *self);
void                 clw_buddy_practice_row_set_candidate (ClwBuddyPracticeRow *self,
                                                           ClwBuddyCandidate   *candidate);
gboolean             clw_buddy_practice_row_get_small     (ClwBuddyPracticeRow *self);
/* Open the row's menu (a small practice's). */
void                 clw_buddy_practice_row_popup_menu    (ClwBuddyPracticeRow *self);

G_END_DECLS
