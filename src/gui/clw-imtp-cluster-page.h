/* clw-imtp-cluster-page.h: every practice's IMTP contribution in a cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_IMTP_CLUSTER_PAGE (clw_imtp_cluster_page_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpClusterPage, clw_imtp_cluster_page, CLW, IMTP_CLUSTER_PAGE, GtkWidget)

void        clw_imtp_cluster_page_set_session    (ClwImtpClusterPage *self,
                                                  ClwSession         *session);
void        clw_imtp_cluster_page_set_cluster_id (ClwImtpClusterPage *self,
                                                  const char         *cluster_id);
/* The practices and their contributions (ClwImtpPracticeStatus). */
GListModel *clw_imtp_cluster_page_get_items      (ClwImtpClusterPage *self);

G_END_DECLS
