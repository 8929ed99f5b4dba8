/* clw-meeting-dialog.h: the date, time and place of a new meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_MEETING_DIALOG (clw_meeting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ClwMeetingDialog, clw_meeting_dialog, CLW, MEETING_DIALOG, AdwMessageDialog)

/* The "add" response is enabled once the date and time are valid. */
ClwMeetingDialog *clw_meeting_dialog_new           (GtkWindow        *parent,
                                                    ClwSession       *session,
                                                    const char       *date);
/* "YYYY-MM-DDTHH:MM", NULL while not valid. */
char             *clw_meeting_dialog_dup_starts_at (ClwMeetingDialog *self);
const char       *clw_meeting_dialog_get_place     (ClwMeetingDialog *self);

G_END_DECLS
