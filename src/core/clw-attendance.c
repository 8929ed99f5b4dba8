/* clw-attendance.c: an attendance record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-attendance"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-attendance.h"

#include "clw-meeting.h"
#include "clw-practice.h"

struct _ClwAttendance
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwAttendance, clw_attendance, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MEETING_ID,
  PROP_PRACTICE_ID,
  PROP_STATUS,
  PROP_REPRESENTATIVE_NAME,
  PROP_REPRESENTATIVE_ROLE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_attendance_describe (ClwRecord *record)
{
  return g_strdup (_("Attendance"));
}

static gboolean
clw_attendance_validate (ClwRecord    *record,
                         ClwDatabase  *db,
                         GError      **error)
{
  ClwAttendance *self = CLW_ATTENDANCE (record);
  g_autoptr(ClwStmt) stmt = NULL;

  if (!_clw_check_practice_in_collaborative (db, clw_attendance_get_practice_id (self),
                                             clw_attendance_get_meeting_id (self), error))
    return FALSE;

  if (clw_attendance_get_status (self) == CLW_ATTENDANCE_STATUS_ATTENDED &&
      clw_attendance_get_representative_role (self) < 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("Say in what role the practice's representative attended."));
      return FALSE;
    }

  stmt = _clw_database_prepare (db,
                                "SELECT m.status FROM meeting m WHERE m.id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_attendance_get_meeting_id (self));
  if (sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 (_clw_column_text (stmt, 0), "cancelled") == 0 &&
      clw_attendance_get_status (self) == CLW_ATTENDANCE_STATUS_ATTENDED)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("The meeting was cancelled: nobody can have attended it."));
      return FALSE;
    }
  g_clear_pointer (&stmt, _clw_stmt_release);

  stmt = _clw_database_prepare (db,
                                "SELECT 1 FROM attendance WHERE meeting_id = ?1 AND practice_id = ?2 AND id IS NOT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_attendance_get_meeting_id (self));
  _clw_bind_text (stmt, 2, clw_attendance_get_practice_id (self));
  _clw_bind_text (stmt, 3, clw_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_DUPLICATE,
                   _("The practice's attendance at this meeting is recorded already."));
      return FALSE;
    }

  return TRUE;
}

static void
clw_attendance_class_init (ClwAttendanceClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "attendance";
  record_class->order_by = "meeting_id, practice_id";
  record_class->validate = clw_attendance_validate;
  record_class->describe = clw_attendance_describe;

  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", N_("meeting"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_MEETING_ID,
                                   properties[PROP_MEETING_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_MEETING);
  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", N_("practice"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PRACTICE_ID,
                                   properties[PROP_PRACTICE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_PRACTICE);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("attendance"), NULL,
                       CLW_TYPE_ATTENDANCE_STATUS, CLW_ATTENDANCE_STATUS_ABSENT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STATUS,
                                   properties[PROP_STATUS],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_REPRESENTATIVE_NAME] =
    g_param_spec_string ("representative-name", N_("representative's name"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_REPRESENTATIVE_NAME,
                                   properties[PROP_REPRESENTATIVE_NAME],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_REPRESENTATIVE_ROLE] =
    g_param_spec_string ("representative-role", N_("representative's role"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_REPRESENTATIVE_ROLE,
                                   properties[PROP_REPRESENTATIVE_ROLE],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, CLW_TYPE_REPRESENTATIVE_ROLE);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NOTES,
                                   properties[PROP_NOTES],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_attendance_init (ClwAttendance *self)
{
}

ClwAttendance *
clw_attendance_new (void)
{
  return g_object_new (CLW_TYPE_ATTENDANCE, NULL);
}

const char *
clw_attendance_get_meeting_id (ClwAttendance *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_MEETING_ID);
}

const char *
clw_attendance_get_practice_id (ClwAttendance *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_PRACTICE_ID);
}

ClwAttendanceStatus
clw_attendance_get_status (ClwAttendance *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_STATUS);
}

const char *
clw_attendance_get_representative_name (ClwAttendance *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_REPRESENTATIVE_NAME);
}

int
clw_attendance_get_representative_role (ClwAttendance *self)
{
  int value = -1;

  g_return_val_if_fail (CLW_IS_ATTENDANCE (self), -1);

  clw_enum_from_nick (CLW_TYPE_REPRESENTATIVE_ROLE,
                      clw_record_get_string (CLW_RECORD (self), PROP_REPRESENTATIVE_ROLE),
                      &value);
  return value;
}

const char *
clw_attendance_get_notes (ClwAttendance *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NOTES);
}

GListStore *
clw_attendance_list_for_meeting (ClwDatabase  *db,
                                 const char   *meeting_id,
                                 GError      **error)
{
  const char *params[] = { meeting_id, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  return clw_record_list (db, CLW_TYPE_ATTENDANCE, "meeting_id = ?1", params, error);
}
