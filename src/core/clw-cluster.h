/* clw-cluster.h: a cluster, a row of the table `cluster`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_CLUSTER (clw_cluster_get_type ())

G_DECLARE_FINAL_TYPE (ClwCluster, clw_cluster, CLW, CLUSTER, ClwRecord)

ClwCluster *clw_cluster_new (void);

const char *clw_cluster_get_health_board_id (ClwCluster *self);
const char *clw_cluster_get_pcpg_id         (ClwCluster *self);
const char *clw_cluster_get_code            (ClwCluster *self);
const char *clw_cluster_get_name            (ClwCluster *self);
const char *clw_cluster_get_name_cy         (ClwCluster *self);
const char *clw_cluster_get_valid_from      (ClwCluster *self);
const char *clw_cluster_get_valid_to        (ClwCluster *self);

/* The clusters of a health board (NULL: of every board) in being on
 * @on_date ("YYYY-MM-DD"; NULL: whatever their dates), by name. */
GListStore *clw_cluster_list_for_health_board (ClwDatabase  *db,
                                               const char   *health_board_id,
                                               const char   *on_date,
                                               GError      **error);

G_END_DECLS
