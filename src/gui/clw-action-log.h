/* clw-action-log.h: the actions of every meeting of a GP Collaborative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_ACTION_LOG (clw_action_log_get_type ())

G_DECLARE_FINAL_TYPE (ClwActionLog, clw_action_log, CLW, ACTION_LOG, GtkWidget)

void clw_action_log_set_session    (ClwActionLog *self,
                                    ClwSession   *session);
void clw_action_log_set_cluster_id (ClwActionLog *self,
                                    const char   *cluster_id);

G_END_DECLS
