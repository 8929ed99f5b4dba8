/* clw-imtp-workforce.c: a workforce count of an IMTP contribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How many people of one role a practice has, as headcount and as
 * whole-time equivalents (WTE). The development needs are the text of the
 * contribution's workforce section.
 */

#define G_LOG_DOMAIN "clw-imtp-workforce"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-imtp-contribution.h"
#include "clw-imtp-workforce.h"

struct _ClwImtpWorkforce
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwImtpWorkforce, clw_imtp_workforce, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONTRIBUTION_ID,
  PROP_ROLE,
  PROP_HEADCOUNT,
  PROP_WTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_imtp_workforce_describe (ClwRecord *record)
{
  ClwImtpWorkforce *self = CLW_IMTP_WORKFORCE (record);

  return g_strdup_printf (_("Workforce (%s)"),
                          clw_workforce_role_to_label (clw_imtp_workforce_get_role (self)));
}

static gboolean
clw_imtp_workforce_validate (ClwRecord    *record,
                             ClwDatabase  *db,
                             GError      **error)
{
  ClwImtpWorkforce *self = CLW_IMTP_WORKFORCE (record);
  g_autoptr(ClwStmt) stmt = NULL;

  /* Whole-time equivalents can exceed the headcount only by overtime, never
   * more than a whole post per person. */
  if (clw_imtp_workforce_get_wte (self) > clw_imtp_workforce_get_headcount (self))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The whole-time equivalent (%.2f) cannot be more than the headcount (%d)."),
                   clw_imtp_workforce_get_wte (self), clw_imtp_workforce_get_headcount (self));
      return FALSE;
    }

  stmt = _clw_database_prepare (db,
                                "SELECT 1 FROM imtp_workforce "
                                "WHERE contribution_id = ?1 AND role = ?2 AND id IS NOT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_imtp_workforce_get_contribution_id (self));
  _clw_bind_text (stmt, 2, clw_enum_to_nick (CLW_TYPE_WORKFORCE_ROLE, clw_imtp_workforce_get_role (self)));
  _clw_bind_text (stmt, 3, clw_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_DUPLICATE,
                   _("The contribution already counts this role."));
      return FALSE;
    }

  return TRUE;
}

static void
clw_imtp_workforce_class_init (ClwImtpWorkforceClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "imtp_workforce";
  record_class->order_by = "contribution_id, role";
  record_class->validate = clw_imtp_workforce_validate;
  record_class->describe = clw_imtp_workforce_describe;

  properties[PROP_CONTRIBUTION_ID] =
    g_param_spec_string ("contribution-id", N_("contribution"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CONTRIBUTION_ID,
                                   properties[PROP_CONTRIBUTION_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_IMTP_CONTRIBUTION);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", N_("role"), NULL,
                       CLW_TYPE_WORKFORCE_ROLE, CLW_WORKFORCE_ROLE_GPS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_ROLE,
                                   properties[PROP_ROLE],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_HEADCOUNT] =
    g_param_spec_int ("headcount", N_("headcount"), NULL,
                      0, 100000, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_HEADCOUNT,
                                   properties[PROP_HEADCOUNT],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_WTE] =
    g_param_spec_double ("wte", N_("whole-time equivalent"), NULL,
                         0.0, 100000.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_WTE,
                                   properties[PROP_WTE],
                                   CLW_COLUMN_REAL, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
}

static void
clw_imtp_workforce_init (ClwImtpWorkforce *self)
{
}

ClwImtpWorkforce *
clw_imtp_workforce_new (void)
{
  return g_object_new (CLW_TYPE_IMTP_WORKFORCE, NULL);
}

const char *
clw_imtp_workforce_get_contribution_id (ClwImtpWorkforce *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_WORKFORCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CONTRIBUTION_ID);
}

ClwWorkforceRole
clw_imtp_workforce_get_role (ClwImtpWorkforce *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_WORKFORCE (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_ROLE);
}

int
clw_imtp_workforce_get_headcount (ClwImtpWorkforce *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_WORKFORCE (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_HEADCOUNT);
}

double
clw_imtp_workforce_get_wte (ClwImtpWorkforce *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_WORKFORCE (self), 0.0);

  return clw_record_get_real (CLW_RECORD (self), PROP_WTE);
}
