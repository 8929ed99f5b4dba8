/* clw-buddy-page.h: buddying in a cluster's GP Collaborative, by drag and drop or keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_PAGE (clw_buddy_page_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyPage, clw_buddy_page, CLW, BUDDY_PAGE, GtkWidget)

void           clw_buddy_page_set_session    (ClwBuddyPage *self,
                                              ClwSession   *session);
void           clw_buddy_page_set_cluster_id (ClwBuddyPage *self,
                                              const char   *cluster_id);
/* The board shown (of the session's cycle), or NULL before it is shown. */
ClwBuddyBoard *clw_buddy_page_get_board      (ClwBuddyPage *self);

G_END_DECLS
