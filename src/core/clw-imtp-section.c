/* clw-imtp-section.c: a section of an IMTP contribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-imtp-section"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-imtp-section.h"

#include "clw-imtp-contribution.h"

struct _ClwImtpSection
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwImtpSection, clw_imtp_section, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONTRIBUTION_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_BODY,
  PROP_BODY_CY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_imtp_section_describe (ClwRecord *record)
{
  ClwImtpSection *self = CLW_IMTP_SECTION (record);

  return g_strdup_printf (_("IMTP section “%s”"),
                          clw_imtp_section_kind_to_label (clw_imtp_section_get_kind (self)));
}

static gboolean
clw_imtp_section_validate (ClwRecord    *record,
                           ClwDatabase  *db,
                           GError      **error)
{
  ClwImtpSection *self = CLW_IMTP_SECTION (record);
  g_autoptr(ClwStmt) stmt = NULL;

  stmt = _clw_database_prepare (db,
                                "SELECT 1 FROM imtp_section "
                                "WHERE contribution_id = ?1 AND kind = ?2 AND id IS NOT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_imtp_section_get_contribution_id (self));
  _clw_bind_text (stmt, 2, clw_enum_to_nick (CLW_TYPE_IMTP_SECTION_KIND, clw_imtp_section_get_kind (self)));
  _clw_bind_text (stmt, 3, clw_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_DUPLICATE,
                   _("The contribution already has this section."));
      return FALSE;
    }

  return TRUE;
}

static void
clw_imtp_section_class_init (ClwImtpSectionClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "imtp_section";
  record_class->order_by = "contribution_id, kind";
  record_class->validate = clw_imtp_section_validate;
  record_class->describe = clw_imtp_section_describe;

  properties[PROP_CONTRIBUTION_ID] =
    g_param_spec_string ("contribution-id", N_("contribution"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CONTRIBUTION_ID,
                                   properties[PROP_CONTRIBUTION_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_IMTP_CONTRIBUTION);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("section"), NULL,
                       CLW_TYPE_IMTP_SECTION_KIND, CLW_IMTP_SECTION_KIND_POPULATION_NEEDS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_KIND,
                                   properties[PROP_KIND],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("status"), NULL,
                       CLW_TYPE_SECTION_STATUS, CLW_SECTION_STATUS_NOT_STARTED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STATUS,
                                   properties[PROP_STATUS],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_BODY] =
    g_param_spec_string ("body", N_("text"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_BODY,
                                   properties[PROP_BODY],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
  properties[PROP_BODY_CY] =
    g_param_spec_string ("body-cy", N_("Welsh text"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_BODY_CY,
                                   properties[PROP_BODY_CY],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_imtp_section_init (ClwImtpSection *self)
{
}

ClwImtpSection *
clw_imtp_section_new (void)
{
  return g_object_new (CLW_TYPE_IMTP_SECTION, NULL);
}

const char *
clw_imtp_section_get_contribution_id (ClwImtpSection *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_SECTION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CONTRIBUTION_ID);
}

ClwImtpSectionKind
clw_imtp_section_get_kind (ClwImtpSection *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_SECTION (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_KIND);
}

ClwSectionStatus
clw_imtp_section_get_status (ClwImtpSection *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_SECTION (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_STATUS);
}

const char *
clw_imtp_section_get_body (ClwImtpSection *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_SECTION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_BODY);
}

const char *
clw_imtp_section_get_body_cy (ClwImtpSection *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_SECTION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_BODY_CY);
}
