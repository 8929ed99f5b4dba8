/* clw-attendance-entry.c: one practice's line of the attendance sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds what is stored for the practice at the meeting, what the user has
 * typed but not stored yet (an attended practice needs its representative's
 * role first), and the engine's reason and warning for the line.
 */

#define G_LOG_DOMAIN "clw-attendance-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-attendance-entry.h"

struct _ClwAttendanceEntry
{
  GObject           parent_instance;

  ClwPractice      *practice;     /* owned */
  ClwAttendance    *attendance;   /* owned, nullable */
  int               status;
  char             *name;
  int               role;
  char             *reason;
  char             *warning;
  char             *hint;
  ClwAttendanceFix  fix;
  gboolean          counted;
  gboolean          wants_focus;
};

G_DEFINE_FINAL_TYPE (ClwAttendanceEntry, clw_attendance_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_PRACTICE_NAME,
  PROP_STATUS,
  PROP_REPRESENTATIVE_NAME,
  PROP_ROLE,
  PROP_REASON,
  PROP_WARNING,
  PROP_HINT,
  PROP_FIX,
  PROP_COUNTED,
  PROP_WANTS_FOCUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (ClwAttendanceEntry *self,
            char              **field,
            const char         *value,
            guint               prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
clw_attendance_entry_finalize (GObject *object)
{
  ClwAttendanceEntry *self = (ClwAttendanceEntry *) object;

  g_clear_object (&self->practice);
  g_clear_object (&self->attendance);
  g_free (self->name);
  g_free (self->reason);
  g_free (self->warning);
  g_free (self->hint);

  G_OBJECT_CLASS (clw_attendance_entry_parent_class)->finalize (object);
}

static void
clw_attendance_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ClwAttendanceEntry *self = CLW_ATTENDANCE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, clw_practice_get_code (self->practice));
      break;

    case PROP_PRACTICE_NAME:
      g_value_set_string (value, clw_practice_get_name (self->practice));
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_REPRESENTATIVE_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_WARNING:
      g_value_set_string (value, self->warning);
      break;

    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;

    case PROP_FIX:
      g_value_set_int (value, self->fix);
      break;

    case PROP_COUNTED:
      g_value_set_boolean (value, self->counted);
      break;

    case PROP_WANTS_FOCUS:
      g_value_set_boolean (value, self->wants_focus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_attendance_entry_class_init (ClwAttendanceEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_attendance_entry_finalize;
  object_class->get_property = clw_attendance_entry_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRACTICE_NAME] =
    g_param_spec_string ("practice-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, -1, CLW_ATTENDANCE_STATUS_ABSENT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPRESENTATIVE_NAME] =
    g_param_spec_string ("representative-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL, -1, CLW_REPRESENTATIVE_ROLE_OTHER, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_string ("warning", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIX] =
    g_param_spec_int ("fix", NULL, NULL, CLW_ATTENDANCE_FIX_NONE, CLW_ATTENDANCE_FIX_ENGAGEMENT,
                      CLW_ATTENDANCE_FIX_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTED] =
    g_param_spec_boolean ("counted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WANTS_FOCUS] =
    g_param_spec_boolean ("wants-focus", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_attendance_entry_init (ClwAttendanceEntry *self)
{
  self->status = -1;
  self->role = -1;
}

ClwAttendanceEntry *
clw_attendance_entry_new (ClwPractice *practice)
{
  ClwAttendanceEntry *self;

  g_return_val_if_fail (CLW_IS_PRACTICE (practice), NULL);

  self = g_object_new (CLW_TYPE_ATTENDANCE_ENTRY, NULL);
  self->practice = g_object_ref (practice);
  return self;
}

ClwPractice *
clw_attendance_entry_get_practice (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), NULL);

  return self->practice;
}

void
clw_attendance_entry_set_practice (ClwAttendanceEntry *self,
                                   ClwPractice        *practice)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ENTRY (self));
  g_return_if_fail (CLW_IS_PRACTICE (practice));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->practice, practice))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRACTICE_NAME]);
    }
  clw_attendance_entry_set_attendance (self, NULL);
  clw_attendance_entry_set_outcome (self, NULL, NULL, FALSE, CLW_ATTENDANCE_FIX_NONE);
  self->wants_focus = FALSE;
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
clw_attendance_entry_get_practice_id (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), NULL);

  return clw_record_get_id (CLW_RECORD (self->practice));
}

ClwAttendance *
clw_attendance_entry_get_attendance (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), NULL);

  return self->attendance;
}

void
clw_attendance_entry_set_attendance (ClwAttendanceEntry *self,
                                     ClwAttendance      *attendance)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ENTRY (self));
  g_return_if_fail (attendance == NULL || CLW_IS_ATTENDANCE (attendance));

  g_set_object (&self->attendance, attendance);

  g_object_freeze_notify (G_OBJECT (self));
  clw_attendance_entry_set_status (self, attendance != NULL ? (int) clw_attendance_get_status (attendance) : -1);
  clw_attendance_entry_set_representative_name (self, attendance != NULL
                                                        ? clw_attendance_get_representative_name (attendance)
                                                        : "");
  clw_attendance_entry_set_role (self, attendance != NULL ? clw_attendance_get_representative_role (attendance) : -1);
  clw_attendance_entry_set_hint (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

int
clw_attendance_entry_get_status (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), -1);

  return self->status;
}

void
clw_attendance_entry_set_status (ClwAttendanceEntry *self,
                                 int                 status)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ENTRY (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
clw_attendance_entry_get_representative_name (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), NULL);

  return self->name != NULL ? self->name : "";
}

void
clw_attendance_entry_set_representative_name (ClwAttendanceEntry *self,
                                              const char         *name)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ENTRY (self));

  set_string (self, &self->name, name, PROP_REPRESENTATIVE_NAME);
}

int
clw_attendance_entry_get_role (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), -1);

  return self->role;
}

void
clw_attendance_entry_set_role (ClwAttendanceEntry *self,
                               int                 role)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ENTRY (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

void
clw_attendance_entry_set_outcome (ClwAttendanceEntry *self,
                                  const char         *reason,
                                  const char         *warning,
                                  gboolean            counted,
                                  ClwAttendanceFix    fix)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ENTRY (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->reason, reason, PROP_REASON);
  set_string (self, &self->warning, warning, PROP_WARNING);
  if (self->counted != counted)
    {
      self->counted = counted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTED]);
    }
  if (self->fix != fix)
    {
      self->fix = fix;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIX]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
clw_attendance_entry_get_reason (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), NULL);

  return self->reason;
}

const char *
clw_attendance_entry_get_warning (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), NULL);

  return self->warning;
}

ClwAttendanceFix
clw_attendance_entry_get_fix (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), CLW_ATTENDANCE_FIX_NONE);

  return self->fix;
}

void
clw_attendance_entry_set_hint (ClwAttendanceEntry *self,
                               const char         *hint)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ENTRY (self));

  set_string (self, &self->hint, hint, PROP_HINT);
}

const char *
clw_attendance_entry_get_hint (ClwAttendanceEntry *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), NULL);

  return self->hint;
}

void
clw_attendance_entry_request_focus (ClwAttendanceEntry *self)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ENTRY (self));

  self->wants_focus = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WANTS_FOCUS]);
}

gboolean
clw_attendance_entry_take_focus_request (ClwAttendanceEntry *self)
{
  gboolean wanted;

  g_return_val_if_fail (CLW_IS_ATTENDANCE_ENTRY (self), FALSE);

  wanted = self->wants_focus;
  self->wants_focus = FALSE;
  return wanted;
}
