/* clw-action-log-entry.h: an action as the action log shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_ACTION_LOG_ENTRY (clw_action_log_entry_get_type ())

G_DECLARE_FINAL_TYPE (ClwActionLogEntry, clw_action_log_entry, CLW, ACTION_LOG_ENTRY, GObject)

/* @meeting: the meeting that agreed the action; @today: for "overdue". */
ClwActionLogEntry *clw_action_log_entry_new        (ClwActionItem     *action,
                                                    ClwMeeting        *meeting,
                                                    const GDate       *today);
ClwActionItem     *clw_action_log_entry_get_action (ClwActionLogEntry *self);
gboolean           clw_action_log_entry_is_overdue (ClwActionLogEntry *self);

G_END_DECLS
