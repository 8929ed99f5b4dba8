/* clw-types.c: names and labels of the domain's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-types"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-types.h"
#include "clw-enums.h"

const char *
clw_enum_to_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
clw_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;
  return TRUE;
}

/* "a, b or c", for messages that list what is accepted. */
char *
clw_enum_list_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (str, i + 1 == klass->n_values ? _(" or ") : ", ");
      g_string_append (str, klass->values[i].value_nick);
    }

  return g_string_free (str, FALSE);
}

#define LABEL_FUNC(func, Type, ...)                                   \
  const char *                                                        \
  func (Type value)                                                   \
  {                                                                   \
    static const char *labels[] = { __VA_ARGS__ };                    \
    if ((guint) value >= G_N_ELEMENTS (labels))                       \
      return "";                                                      \
    return _(labels[value]);                                          \
  }

LABEL_FUNC (clw_profession_to_label, ClwProfession,
            N_("GP"),
            N_("Dental"),
            N_("Community pharmacy"),
            N_("Optometry"),
            N_("Community nursing"),
            N_("Allied health professions"),
            N_("Social care"))

LABEL_FUNC (clw_meeting_status_to_label, ClwMeetingStatus,
            N_("Planned"),
            N_("Held"),
            N_("Cancelled"))

LABEL_FUNC (clw_agenda_section_to_label, ClwAgendaSection,
            N_("Welcome and apologies"),
            N_("Declarations of interest"),
            N_("Minutes of the last meeting"),
            N_("Matters arising and the action log"),
            N_("Items for decision"),
            N_("Items for information"))

LABEL_FUNC (clw_action_status_to_label, ClwActionStatus,
            N_("Open"),
            N_("In progress"),
            N_("Done"))

LABEL_FUNC (clw_attendance_status_to_label, ClwAttendanceStatus,
            N_("Attended"),
            N_("Apologies"),
            N_("Absent"))

LABEL_FUNC (clw_representative_role_to_label, ClwRepresentativeRole,
            N_("Clinical partner"),
            N_("Salaried GP"),
            N_("Other senior clinician"),
            N_("Practice manager"),
            N_("Senior administrator"),
            N_("Other"))

LABEL_FUNC (clw_representation_kind_to_label, ClwRepresentationKind,
            N_("Practice manager or senior administrator"),
            N_("Alternative representative"))

LABEL_FUNC (clw_arrangement_status_to_label, ClwArrangementStatus,
            N_("Requested"),
            N_("Agreed"),
            N_("Refused"),
            N_("Ended"))

LABEL_FUNC (clw_engagement_kind_to_label, ClwEngagementKind,
            N_("E-mail participation"),
            N_("Comments fed to the buddy practice"))

LABEL_FUNC (clw_evidence_kind_to_label, ClwEvidenceKind,
            N_("QI participation"),
            N_("Peer review"),
            N_("Discussion of clinical incidents"),
            N_("CGSAT"),
            N_("IG toolkit"),
            N_("Partnership working"),
            N_("Demand and capacity"),
            N_("Population needs assessment contribution"),
            N_("Other"))

LABEL_FUNC (clw_contribution_status_to_label, ClwContributionStatus,
            N_("Draft"),
            N_("Submitted"))

LABEL_FUNC (clw_imtp_section_kind_to_label, ClwImtpSectionKind,
            N_("Population needs assessment"),
            N_("Services and gaps in provision"),
            N_("Workforce"),
            N_("Performance against the primary care measures"),
            N_("Demand and capacity (QI domain)"))

LABEL_FUNC (clw_section_status_to_label, ClwSectionStatus,
            N_("Not started"),
            N_("In progress"),
            N_("Complete"))

LABEL_FUNC (clw_workforce_role_to_label, ClwWorkforceRole,
            N_("GPs"),
            N_("Nurses"),
            N_("Pharmacists"),
            N_("Allied health professionals"),
            N_("Administrative staff"))

LABEL_FUNC (clw_verdict_to_label, ClwVerdict,
            N_("Achieved"),
            N_("On track"),
            N_("At risk"),
            N_("Not achieved"))

LABEL_FUNC (clw_buddy_rule_to_label, ClwBuddyRule,
            N_("Two different practices"),
            N_("Same GP Collaborative"),
            N_("The small practice may be buddied"),
            N_("The buddy is larger"),
            N_("No other request waiting"),
            N_("No other agreed buddy"),
            N_("The buddy is not itself buddied"),
            N_("The small practice is not a buddy"))

LABEL_FUNC (clw_search_kind_to_label, ClwSearchKind,
            N_("Practices"),
            N_("Meetings"),
            N_("Actions"),
            N_("Evidence"),
            N_("IMTP contributions"))

LABEL_FUNC (clw_file_problem_to_label, ClwFileProblem,
            N_("Missing"),
            N_("Changed or damaged"),
            N_("Cannot be read"))

gboolean
clw_representative_role_is_clinical (ClwRepresentativeRole role)
{
  return role == CLW_REPRESENTATIVE_ROLE_CLINICAL_PARTNER ||
         role == CLW_REPRESENTATIVE_ROLE_SALARIED_GP ||
         role == CLW_REPRESENTATIVE_ROLE_OTHER_SENIOR_CLINICIAN;
}
