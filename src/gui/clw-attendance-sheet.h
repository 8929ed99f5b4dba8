/* clw-attendance-sheet.h: one line a practice, to record attendance at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_ATTENDANCE_SHEET (clw_attendance_sheet_get_type ())

G_DECLARE_FINAL_TYPE (ClwAttendanceSheet, clw_attendance_sheet, CLW, ATTENDANCE_SHEET, GtkWidget)

void        clw_attendance_sheet_set_session (ClwAttendanceSheet *self,
                                              ClwSession         *session);
void        clw_attendance_sheet_set_meeting (ClwAttendanceSheet *self,
                                              ClwMeeting         *meeting);
/* The lines (ClwAttendanceEntry), one a practice of the collaborative. */
GListModel *clw_attendance_sheet_get_entries (ClwAttendanceSheet *self);
/* Put the keyboard on the first practice's attendance. */
void        clw_attendance_sheet_focus_first (ClwAttendanceSheet *self);

G_END_DECLS
