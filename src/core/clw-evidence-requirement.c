/* clw-evidence-requirement.c: an evidence requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-evidence-requirement"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-evidence-requirement.h"

#include "clw-cycle.h"
#include "clw-indicator.h"

struct _ClwEvidenceRequirement
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwEvidenceRequirement, clw_evidence_requirement, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CYCLE_ID,
  PROP_INDICATOR_ID,
  PROP_KIND,
  PROP_MODE,
  PROP_DUE_ON,
  PROP_BLOCKING,
  PROP_DESCRIPTION,
  PROP_DESCRIPTION_CY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_evidence_requirement_describe (ClwRecord *record)
{
  ClwEvidenceRequirement *self = CLW_EVIDENCE_REQUIREMENT (record);

  return g_strdup_printf (_("Evidence requirement (%s)"),
                          clw_evidence_kind_to_label (clw_evidence_requirement_get_kind (self)));
}

static gboolean
clw_evidence_requirement_validate (ClwRecord    *record,
                                   ClwDatabase  *db,
                                   GError      **error)
{
  ClwEvidenceRequirement *self = CLW_EVIDENCE_REQUIREMENT (record);
  const char *indicator_id = clw_evidence_requirement_get_indicator_id (self);

  if (!clw_text_is_blank (indicator_id))
    {
      g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT cycle_id FROM indicator WHERE id = ?", error);

      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, indicator_id);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 (_clw_column_text (stmt, 0), clw_evidence_requirement_get_cycle_id (self)) != 0)
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                       _("The indicator belongs to another QAIF cycle."));
          return FALSE;
        }
    }

  return TRUE;
}

static void
clw_evidence_requirement_class_init (ClwEvidenceRequirementClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "evidence_requirement";
  record_class->order_by = "cycle_id, due_on, kind";
  record_class->validate = clw_evidence_requirement_validate;
  record_class->describe = clw_evidence_requirement_describe;

  properties[PROP_CYCLE_ID] =
    g_param_spec_string ("cycle-id", N_("cycle"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CYCLE_ID,
                                   properties[PROP_CYCLE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_CYCLE);
  properties[PROP_INDICATOR_ID] =
    g_param_spec_string ("indicator-id", N_("indicator"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_INDICATOR_ID,
                                   properties[PROP_INDICATOR_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_FLAGS_NONE, CLW_TYPE_INDICATOR);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("kind"), NULL,
                       CLW_TYPE_EVIDENCE_KIND, CLW_EVIDENCE_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_KIND,
                                   properties[PROP_KIND],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", N_("mode"), NULL,
                       CLW_TYPE_EVIDENCE_MODE, CLW_EVIDENCE_MODE_UPLOAD,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_MODE,
                                   properties[PROP_MODE],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", N_("due date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DUE_ON,
                                   properties[PROP_DUE_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_BLOCKING] =
    g_param_spec_boolean ("blocking", N_("whether the indicator needs it"), NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_BLOCKING,
                                   properties[PROP_BLOCKING],
                                   CLW_COLUMN_BOOLEAN, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("description"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DESCRIPTION,
                                   properties[PROP_DESCRIPTION],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED | CLW_COLUMN_LONG, G_TYPE_INVALID);
  properties[PROP_DESCRIPTION_CY] =
    g_param_spec_string ("description-cy", N_("Welsh description"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DESCRIPTION_CY,
                                   properties[PROP_DESCRIPTION_CY],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_evidence_requirement_init (ClwEvidenceRequirement *self)
{
}

ClwEvidenceRequirement *
clw_evidence_requirement_new (void)
{
  return g_object_new (CLW_TYPE_EVIDENCE_REQUIREMENT, NULL);
}

const char *
clw_evidence_requirement_get_cycle_id (ClwEvidenceRequirement *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_REQUIREMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CYCLE_ID);
}

const char *
clw_evidence_requirement_get_indicator_id (ClwEvidenceRequirement *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_REQUIREMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_INDICATOR_ID);
}

ClwEvidenceKind
clw_evidence_requirement_get_kind (ClwEvidenceRequirement *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_REQUIREMENT (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_KIND);
}

ClwEvidenceMode
clw_evidence_requirement_get_mode (ClwEvidenceRequirement *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_REQUIREMENT (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_MODE);
}

const char *
clw_evidence_requirement_get_due_on (ClwEvidenceRequirement *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_REQUIREMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DUE_ON);
}

gboolean
clw_evidence_requirement_get_blocking (ClwEvidenceRequirement *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_REQUIREMENT (self), 0);

  return clw_record_get_boolean (CLW_RECORD (self), PROP_BLOCKING);
}

const char *
clw_evidence_requirement_get_description (ClwEvidenceRequirement *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_REQUIREMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DESCRIPTION);
}

const char *
clw_evidence_requirement_get_description_cy (ClwEvidenceRequirement *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_REQUIREMENT (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DESCRIPTION_CY);
}
