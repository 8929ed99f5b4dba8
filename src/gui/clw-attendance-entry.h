/* clw-attendance-entry.h: one practice's line of the attendance sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_ATTENDANCE_ENTRY (clw_attendance_entry_get_type ())

G_DECLARE_FINAL_TYPE (ClwAttendanceEntry, clw_attendance_entry, CLW, ATTENDANCE_ENTRY, GObject)

/* What the sheet offers to put right. */
typedef enum
{
  CLW_ATTENDANCE_FIX_NONE,
  CLW_ATTENDANCE_FIX_AGREEMENT,   /* record the health board's agreement */
  CLW_ATTENDANCE_FIX_ENGAGEMENT,  /* record the small practice's engagement */
} ClwAttendanceFix;

ClwAttendanceEntry *clw_attendance_entry_new          (ClwPractice        *practice);

ClwPractice        *clw_attendance_entry_get_practice (ClwAttendanceEntry *self);
/* Make the line another practice's (the sheet keeps its lines, and their
 * widgets, from one meeting to the next): nothing recorded yet. */
void                clw_attendance_entry_set_practice (ClwAttendanceEntry *self,
                                                       ClwPractice        *practice);
const char         *clw_attendance_entry_get_practice_id (ClwAttendanceEntry *self);
/* What is stored, or NULL when nothing is recorded yet. */
ClwAttendance      *clw_attendance_entry_get_attendance (ClwAttendanceEntry *self);
/* Show what is stored (NULL: nothing), replacing what was typed. */
void                clw_attendance_entry_set_attendance (ClwAttendanceEntry *self,
                                                         ClwAttendance      *attendance);

/* What the sheet shows and the user edits: -1 for none. */
int                 clw_attendance_entry_get_status   (ClwAttendanceEntry *self);
void                clw_attendance_entry_set_status   (ClwAttendanceEntry *self,
                                                       int                 status);
const char         *clw_attendance_entry_get_representative_name (ClwAttendanceEntry *self);
void                clw_attendance_entry_set_representative_name (ClwAttendanceEntry *self,
                                                                  const char         *name);
int                 clw_attendance_entry_get_role     (ClwAttendanceEntry *self);
void                clw_attendance_entry_set_role     (ClwAttendanceEntry *self,
                                                       int                 role);

/* From the engine: why the meeting counted for the practice or not, and
 * what does not count although someone took part. */
void                clw_attendance_entry_set_outcome  (ClwAttendanceEntry *self,
                                                       const char         *reason,
                                                       const char         *warning,
                                                       gboolean            counted,
                                                       ClwAttendanceFix    fix);
const char         *clw_attendance_entry_get_reason   (ClwAttendanceEntry *self);
const char         *clw_attendance_entry_get_warning  (ClwAttendanceEntry *self);
ClwAttendanceFix    clw_attendance_entry_get_fix      (ClwAttendanceEntry *self);
/* What the sheet needs before it can store the line ("Choose the role"). */
void                clw_attendance_entry_set_hint     (ClwAttendanceEntry *self,
                                                       const char         *hint);
const char         *clw_attendance_entry_get_hint     (ClwAttendanceEntry *self);

/* Ask the row showing this entry to take the keyboard focus. */
void                clw_attendance_entry_request_focus (ClwAttendanceEntry *self);
gboolean            clw_attendance_entry_take_focus_request (ClwAttendanceEntry *self);

G_END_DECLS
