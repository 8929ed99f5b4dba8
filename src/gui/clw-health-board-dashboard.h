/* clw-health-board-dashboard.h: every cluster of a health board at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_HEALTH_BOARD_DASHBOARD (clw_health_board_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (ClwHealthBoardDashboard, clw_health_board_dashboard, CLW, HEALTH_BOARD_DASHBOARD, GtkWidget)

void clw_health_board_dashboard_set_session         (ClwHealthBoardDashboard *self,
                                                     ClwSession              *session);
void clw_health_board_dashboard_set_health_board_id (ClwHealthBoardDashboard *self,
                                                     const char              *health_board_id);

G_END_DECLS
