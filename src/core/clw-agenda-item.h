/* clw-agenda-item.h: an agenda item, a row of the table `agenda_item`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_AGENDA_ITEM (clw_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (ClwAgendaItem, clw_agenda_item, CLW, AGENDA_ITEM, ClwRecord)

ClwAgendaItem *clw_agenda_item_new (void);

const char       *clw_agenda_item_get_meeting_id (ClwAgendaItem *self);
ClwAgendaSection  clw_agenda_item_get_section    (ClwAgendaItem *self);
int               clw_agenda_item_get_position   (ClwAgendaItem *self);
const char       *clw_agenda_item_get_title      (ClwAgendaItem *self);
const char       *clw_agenda_item_get_presenter  (ClwAgendaItem *self);
const char       *clw_agenda_item_get_notes      (ClwAgendaItem *self);

/* The agenda of a meeting, in the order of an NHS Wales meeting pack:
 * by section, then by position within it. */
GListStore *clw_agenda_item_list_for_meeting (ClwDatabase  *db,
                                              const char   *meeting_id,
                                              GError      **error);

G_END_DECLS
