/* clw-buddy-with-dialog.h: choosing a small practice's buddy from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_WITH_DIALOG (clw_buddy_with_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyWithDialog, clw_buddy_with_dialog, CLW, BUDDY_WITH_DIALOG, AdwMessageDialog)

/* Every practice of @board that could be the buddy of @small_practice_id,
 * with core's checks for each. Its "request" response asks for the one
 * chosen; it is enabled only when that one breaks no blocking rule. */
ClwBuddyWithDialog *clw_buddy_with_dialog_new            (GtkWindow          *parent,
                                                          ClwBuddyBoard      *board,
                                                          const char         *small_practice_id,
                                                          GError            **error);

const char         *clw_buddy_with_dialog_get_small_practice_id (ClwBuddyWithDialog *self);
/* The options (ClwBuddyOption), those allowed first. */
GListModel         *clw_buddy_with_dialog_get_options    (ClwBuddyWithDialog *self);
/* The practice chosen, or NULL. */
ClwBuddyCandidate  *clw_buddy_with_dialog_get_chosen     (ClwBuddyWithDialog *self);
void                clw_buddy_with_dialog_choose         (ClwBuddyWithDialog *self,
                                                          guint               position);

G_END_DECLS
