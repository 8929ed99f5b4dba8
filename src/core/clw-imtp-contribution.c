/* clw-imtp-contribution.c: an IMTP contribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-imtp-contribution"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-imtp-contribution.h"

#include "clw-cycle.h"
#include "clw-practice.h"

struct _ClwImtpContribution
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwImtpContribution, clw_imtp_contribution, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PRACTICE_ID,
  PROP_CYCLE_ID,
  PROP_STATUS,
  PROP_SUBMITTED_ON,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_imtp_contribution_describe (ClwRecord *record)
{
  return g_strdup (_("IMTP contribution"));
}

static gboolean
clw_imtp_contribution_validate (ClwRecord    *record,
                                ClwDatabase  *db,
                                GError      **error)
{
  ClwImtpContribution *self = CLW_IMTP_CONTRIBUTION (record);
  gboolean submitted = clw_imtp_contribution_get_status (self) == CLW_CONTRIBUTION_STATUS_SUBMITTED;
  gboolean dated = !clw_text_is_blank (clw_imtp_contribution_get_submitted_on (self));
  g_autoptr(ClwStmt) stmt = NULL;

  if (submitted && !dated)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("A submitted contribution needs the date it was submitted."));
      return FALSE;
    }
  if (!submitted && dated)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("A draft contribution has no submission date."));
      return FALSE;
    }

  stmt = _clw_database_prepare (db,
                                "SELECT 1 FROM imtp_contribution "
                                "WHERE practice_id = ?1 AND cycle_id = ?2 AND id IS NOT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_imtp_contribution_get_practice_id (self));
  _clw_bind_text (stmt, 2, clw_imtp_contribution_get_cycle_id (self));
  _clw_bind_text (stmt, 3, clw_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_DUPLICATE,
                   _("The practice already has an IMTP contribution for this cycle."));
      return FALSE;
    }

  return TRUE;
}

static void
clw_imtp_contribution_class_init (ClwImtpContributionClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "imtp_contribution";
  record_class->order_by = "practice_id, cycle_id";
  record_class->validate = clw_imtp_contribution_validate;
  record_class->describe = clw_imtp_contribution_describe;

  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", N_("practice"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PRACTICE_ID,
                                   properties[PROP_PRACTICE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_PRACTICE);
  properties[PROP_CYCLE_ID] =
    g_param_spec_string ("cycle-id", N_("cycle"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CYCLE_ID,
                                   properties[PROP_CYCLE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_CYCLE);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("status"), NULL,
                       CLW_TYPE_CONTRIBUTION_STATUS, CLW_CONTRIBUTION_STATUS_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STATUS,
                                   properties[PROP_STATUS],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_SUBMITTED_ON] =
    g_param_spec_string ("submitted-on", N_("date of submission"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_SUBMITTED_ON,
                                   properties[PROP_SUBMITTED_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NOTES,
                                   properties[PROP_NOTES],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_imtp_contribution_init (ClwImtpContribution *self)
{
}

ClwImtpContribution *
clw_imtp_contribution_new (void)
{
  return g_object_new (CLW_TYPE_IMTP_CONTRIBUTION, NULL);
}

const char *
clw_imtp_contribution_get_practice_id (ClwImtpContribution *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_CONTRIBUTION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_PRACTICE_ID);
}

const char *
clw_imtp_contribution_get_cycle_id (ClwImtpContribution *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_CONTRIBUTION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CYCLE_ID);
}

ClwContributionStatus
clw_imtp_contribution_get_status (ClwImtpContribution *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_CONTRIBUTION (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_STATUS);
}

const char *
clw_imtp_contribution_get_submitted_on (ClwImtpContribution *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_CONTRIBUTION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_SUBMITTED_ON);
}

const char *
clw_imtp_contribution_get_notes (ClwImtpContribution *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_CONTRIBUTION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NOTES);
}
