/* clw-sidebar-item.h: a health board or a cluster in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CLW_TYPE_SIDEBAR_ITEM (clw_sidebar_item_get_type ())

G_DECLARE_FINAL_TYPE (ClwSidebarItem, clw_sidebar_item, CLW, SIDEBAR_ITEM, GObject)

ClwSidebarItem *clw_sidebar_item_new                 (gboolean        is_health_board,
                                                      const char     *id,
                                                      const char     *health_board_id,
                                                      const char     *title,
                                                      const char     *code);

gboolean        clw_sidebar_item_is_health_board     (ClwSidebarItem *self);
const char     *clw_sidebar_item_get_id              (ClwSidebarItem *self);
const char     *clw_sidebar_item_get_health_board_id (ClwSidebarItem *self);
const char     *clw_sidebar_item_get_title           (ClwSidebarItem *self);
const char     *clw_sidebar_item_get_code            (ClwSidebarItem *self);
/* Practices at risk this cycle; -1 while unknown. */
int             clw_sidebar_item_get_at_risk         (ClwSidebarItem *self);
void            clw_sidebar_item_set_at_risk         (ClwSidebarItem *self,
                                                      int             at_risk);
/* Whether @needle (lower case) is in the title or the code. */
gboolean        clw_sidebar_item_matches             (ClwSidebarItem *self,
                                                      const char     *needle);

G_END_DECLS
