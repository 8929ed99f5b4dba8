/* clw-attendance.h: an attendance record, a row of the table `attendance`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_ATTENDANCE (clw_attendance_get_type ())

G_DECLARE_FINAL_TYPE (ClwAttendance, clw_attendance, CLW, ATTENDANCE, ClwRecord)

ClwAttendance *clw_attendance_new (void);

const char          *clw_attendance_get_meeting_id          (ClwAttendance *self);
const char          *clw_attendance_get_practice_id         (ClwAttendance *self);
ClwAttendanceStatus  clw_attendance_get_status              (ClwAttendance *self);
const char          *clw_attendance_get_representative_name (ClwAttendance *self);
int                  clw_attendance_get_representative_role (ClwAttendance *self);
const char          *clw_attendance_get_notes               (ClwAttendance *self);

/* The attendance recorded for a meeting. */
GListStore          *clw_attendance_list_for_meeting        (ClwDatabase   *db,
                                                             const char    *meeting_id,
                                                             GError       **error);

G_END_DECLS
