/* clw-collaborative.h: a professional collaborative, a row of the table `collaborative`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_COLLABORATIVE (clw_collaborative_get_type ())

G_DECLARE_FINAL_TYPE (ClwCollaborative, clw_collaborative, CLW, COLLABORATIVE, ClwRecord)

ClwCollaborative *clw_collaborative_new (void);

const char    *clw_collaborative_get_cluster_id (ClwCollaborative *self);
ClwProfession  clw_collaborative_get_profession (ClwCollaborative *self);
const char    *clw_collaborative_get_name       (ClwCollaborative *self);
const char    *clw_collaborative_get_lead_name  (ClwCollaborative *self);

/* The collaborative of @profession in a cluster; NULL with
 * CLW_DB_ERROR_NOT_FOUND when the cluster has none. */
ClwCollaborative *clw_collaborative_find_for_cluster (ClwDatabase    *db,
                                                      const char     *cluster_id,
                                                      ClwProfession   profession,
                                                      GError        **error);

G_END_DECLS
