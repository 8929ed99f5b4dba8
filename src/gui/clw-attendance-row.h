/* clw-attendance-row.h: the widgets of one practice's line of the attendance sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clw-attendance-entry.h"

G_BEGIN_DECLS

#define CLW_TYPE_ATTENDANCE_ROW (clw_attendance_row_get_type ())

G_DECLARE_FINAL_TYPE (ClwAttendanceRow, clw_attendance_row, CLW, ATTENDANCE_ROW, GtkWidget)

void                clw_attendance_row_set_entry (ClwAttendanceRow   *self,
                                                  ClwAttendanceEntry *entry);
ClwAttendanceEntry *clw_attendance_row_get_entry (ClwAttendanceRow   *self);

G_END_DECLS
