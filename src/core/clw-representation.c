/* clw-representation.c: a representation request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-representation"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-representation.h"

#include "clw-meeting.h"
#include "clw-practice.h"

struct _ClwRepresentation
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwRepresentation, clw_representation, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PRACTICE_ID,
  PROP_KIND,
  PROP_MEETING_ID,
  PROP_REPRESENTATIVE_NAME,
  PROP_REPRESENTATIVE_ROLE,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_STATUS,
  PROP_REQUESTED_ON,
  PROP_DECISION_ON,
  PROP_EXPLANATION,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_representation_describe (ClwRecord *record)
{
  ClwRepresentation *self = CLW_REPRESENTATION (record);

  return g_strdup_printf (_("Request for %s"),
                          clw_representation_kind_to_label (clw_representation_get_kind (self)));
}

static gboolean
clw_representation_validate (ClwRecord    *record,
                             ClwDatabase  *db,
                             GError      **error)
{
  ClwRepresentation *self = CLW_REPRESENTATION (record);
  const char *meeting_id = clw_representation_get_meeting_id (self);

  if (clw_representation_get_kind (self) == CLW_REPRESENTATION_KIND_ALTERNATIVE)
    {
      if (clw_text_is_blank (meeting_id))
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                       _("An alternative representative is agreed for one meeting: say which."));
          return FALSE;
        }
    }
  else if (clw_text_is_blank (clw_representation_get_starts_on (self)))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("A practice manager arrangement needs the date it starts from."));
      return FALSE;
    }

  if (!clw_text_is_blank (meeting_id) &&
      !_clw_check_practice_in_collaborative (db, clw_representation_get_practice_id (self),
                                             meeting_id, error))
    return FALSE;

  if (!clw_check_date_order (clw_representation_get_starts_on (self),
                             clw_representation_get_ends_on (self),
                             _("start date"), _("end date"), error))
    return FALSE;

  return clw_decision_validate (clw_representation_get_status (self),
                                clw_representation_get_requested_on (self),
                                clw_representation_get_decision_on (self),
                                clw_representation_get_explanation (self),
                                error);
}

static void
clw_representation_class_init (ClwRepresentationClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "representation";
  record_class->order_by = "requested_on, id";
  record_class->validate = clw_representation_validate;
  record_class->describe = clw_representation_describe;

  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", N_("practice"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PRACTICE_ID,
                                   properties[PROP_PRACTICE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_PRACTICE);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("kind of arrangement"), NULL,
                       CLW_TYPE_REPRESENTATION_KIND, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_KIND,
                                   properties[PROP_KIND],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", N_("meeting"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_MEETING_ID,
                                   properties[PROP_MEETING_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_FLAGS_NONE, CLW_TYPE_MEETING);
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
  properties[PROP_STARTS_ON] =
    g_param_spec_string ("starts-on", N_("start date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STARTS_ON,
                                   properties[PROP_STARTS_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_ENDS_ON] =
    g_param_spec_string ("ends-on", N_("end date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_ENDS_ON,
                                   properties[PROP_ENDS_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("status"), NULL,
                       CLW_TYPE_ARRANGEMENT_STATUS, CLW_ARRANGEMENT_STATUS_REQUESTED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_STATUS,
                                   properties[PROP_STATUS],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_REQUESTED_ON] =
    g_param_spec_string ("requested-on", N_("date of the request"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_REQUESTED_ON,
                                   properties[PROP_REQUESTED_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_DECISION_ON] =
    g_param_spec_string ("decision-on", N_("date of the decision"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_DECISION_ON,
                                   properties[PROP_DECISION_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", N_("explanation"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_EXPLANATION,
                                   properties[PROP_EXPLANATION],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NOTES,
                                   properties[PROP_NOTES],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);
}

static void
clw_representation_init (ClwRepresentation *self)
{
}

ClwRepresentation *
clw_representation_new (void)
{
  return g_object_new (CLW_TYPE_REPRESENTATION, NULL);
}

const char *
clw_representation_get_practice_id (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_PRACTICE_ID);
}

ClwRepresentationKind
clw_representation_get_kind (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_KIND);
}

const char *
clw_representation_get_meeting_id (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_MEETING_ID);
}

const char *
clw_representation_get_representative_name (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_REPRESENTATIVE_NAME);
}

int
clw_representation_get_representative_role (ClwRepresentation *self)
{
  int value = -1;

  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), -1);

  clw_enum_from_nick (CLW_TYPE_REPRESENTATIVE_ROLE,
                      clw_record_get_string (CLW_RECORD (self), PROP_REPRESENTATIVE_ROLE),
                      &value);
  return value;
}

const char *
clw_representation_get_starts_on (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_STARTS_ON);
}

const char *
clw_representation_get_ends_on (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_ENDS_ON);
}

ClwArrangementStatus
clw_representation_get_status (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_STATUS);
}

const char *
clw_representation_get_requested_on (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_REQUESTED_ON);
}

const char *
clw_representation_get_decision_on (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_DECISION_ON);
}

const char *
clw_representation_get_explanation (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_EXPLANATION);
}

const char *
clw_representation_get_notes (ClwRepresentation *self)
{
  g_return_val_if_fail (CLW_IS_REPRESENTATION (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NOTES);
}

GListStore *
clw_representation_list_for_practice (ClwDatabase  *db,
                                      const char   *practice_id,
                                      GError      **error)
{
  const char *params[] = { practice_id, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (practice_id != NULL, NULL);

  return clw_record_list (db, CLW_TYPE_REPRESENTATION, "practice_id = ?1", params, error);
}

GListStore *
clw_representation_list_pending (ClwDatabase  *db,
                                 const char   *health_board_id,
                                 GError      **error)
{
  const char *params[] = { health_board_id, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  if (health_board_id == NULL)
    return clw_record_list (db, CLW_TYPE_REPRESENTATION, "status = 'requested'", NULL, error);

  return clw_record_list (db, CLW_TYPE_REPRESENTATION,
                          "status = 'requested' AND practice_id IN "
                          "(SELECT p.id FROM practice p JOIN cluster c ON c.id = p.cluster_id "
                          "WHERE c.health_board_id = ?1)",
                          params, error);
}
