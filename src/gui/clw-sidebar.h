/* clw-sidebar.h: the health boards and their clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clw-session.h"
#include "clw-sidebar-item.h"

G_BEGIN_DECLS

#define CLW_TYPE_SIDEBAR (clw_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (ClwSidebar, clw_sidebar, CLW, SIDEBAR, GtkWidget)

void            clw_sidebar_set_session      (ClwSidebar  *self,
                                              ClwSession  *session);
/* Every item, boards and clusters, whatever the filter. */
GListModel     *clw_sidebar_get_items        (ClwSidebar  *self);
ClwSidebarItem *clw_sidebar_get_selected     (ClwSidebar  *self);
/* Select the board or cluster with this id; FALSE when there is none. */
gboolean        clw_sidebar_select           (ClwSidebar  *self,
                                              const char  *id);
void            clw_sidebar_focus_search     (ClwSidebar  *self);

G_END_DECLS
