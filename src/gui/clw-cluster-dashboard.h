/* clw-cluster-dashboard.h: the main screen: one cluster's QAIF figures and practices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_CLUSTER_DASHBOARD (clw_cluster_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (ClwClusterDashboard, clw_cluster_dashboard, CLW, CLUSTER_DASHBOARD, GtkWidget)

void clw_cluster_dashboard_set_session    (ClwClusterDashboard *self,
                                           ClwSession          *session);
void clw_cluster_dashboard_set_cluster_id (ClwClusterDashboard *self,
                                           const char          *cluster_id);

G_END_DECLS
