/* clw-buddy-request-dialog.h: confirming a buddy request, with the rules it keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_REQUEST_DIALOG (clw_buddy_request_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyRequestDialog, clw_buddy_request_dialog, CLW, BUDDY_REQUEST_DIALOG, AdwMessageDialog)

/* @small and @buddy name the practices ("W10001 Llys Surgery"); @checks
 * are clw_buddy_board_check()'s. When a blocking rule is broken the
 * dialog says which and why, and only closes; otherwise its "request"
 * response asks for the buddy. */
ClwBuddyRequestDialog *clw_buddy_request_dialog_new        (GtkWindow             *parent,
                                                           const char            *small,
                                                           const char            *buddy,
                                                           GListModel            *checks);
gboolean               clw_buddy_request_dialog_get_allowed (ClwBuddyRequestDialog *self);

G_END_DECLS
