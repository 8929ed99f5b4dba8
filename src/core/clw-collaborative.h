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

G_END_DECLS
