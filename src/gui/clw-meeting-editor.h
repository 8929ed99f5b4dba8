/* clw-meeting-editor.h: one meeting: details, agenda, attendance, actions, minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_MEETING_EDITOR (clw_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (ClwMeetingEditor, clw_meeting_editor, CLW, MEETING_EDITOR, GtkWidget)

void        clw_meeting_editor_set_session     (ClwMeetingEditor *self,
                                                ClwSession       *session);
void        clw_meeting_editor_set_meeting_id  (ClwMeetingEditor *self,
                                                const char       *meeting_id);
/* The meeting shown, or NULL when there is none (or it is gone). */
const char *clw_meeting_editor_get_meeting_id  (ClwMeetingEditor *self);
/* The meeting's date, for the header bar. */
const char *clw_meeting_editor_get_title       (ClwMeetingEditor *self);
/* Show the attendance sheet. */
void        clw_meeting_editor_show_attendance (ClwMeetingEditor *self);
/* Show one view: "attendance", "details", "agenda", "actions", "evidence"
 * or "minutes". */
void        clw_meeting_editor_show_view       (ClwMeetingEditor *self,
                                                const char       *name);

G_END_DECLS
