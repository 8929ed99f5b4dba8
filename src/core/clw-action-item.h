/* clw-action-item.h: an action, a row of the table `action_item`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_ACTION_ITEM (clw_action_item_get_type ())

G_DECLARE_FINAL_TYPE (ClwActionItem, clw_action_item, CLW, ACTION_ITEM, ClwRecord)

ClwActionItem *clw_action_item_new (void);

const char      *clw_action_item_get_meeting_id  (ClwActionItem *self);
const char      *clw_action_item_get_description (ClwActionItem *self);
const char      *clw_action_item_get_owner       (ClwActionItem *self);
const char      *clw_action_item_get_due_on      (ClwActionItem *self);
ClwActionStatus  clw_action_item_get_status      (ClwActionItem *self);
const char      *clw_action_item_get_notes       (ClwActionItem *self);

/* The actions of one meeting, by due date. */
GListStore      *clw_action_item_list_for_meeting       (ClwDatabase  *db,
                                                         const char   *meeting_id,
                                                         GError      **error);
/* The action log of a collaborative: the actions of all its meetings, by
 * due date. */
GListStore      *clw_action_item_list_for_collaborative (ClwDatabase  *db,
                                                         const char   *collaborative_id,
                                                         GError      **error);
/* Not done, and due before @today. */
gboolean         clw_action_item_is_overdue             (ClwActionItem *self,
                                                         const GDate   *today);

G_END_DECLS
