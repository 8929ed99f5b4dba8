/* clw-practice-result.c: one practice's QAIF verdicts, with the reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An immutable value made by the rules engine. Its figures are read-only
 * properties as well, so that list widgets can bind to them.
 */

#define G_LOG_DOMAIN "clw-practice-result"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-enums.h"
#include "clw-practice-result.h"
#include "clw-qaif-private.h"

struct _ClwPracticeResult
{
  GObject                parent_instance;

  char                  *practice_id;
  char                  *code;
  char                  *name;
  char                  *cluster_id;
  char                  *cluster_name;
  char                  *buddy_code;
  int                    partners;
  int                    list_size;
  int                    meetings_counted;
  int                    meetings_required;
  int                    points;
  int                    points_possible;
  ClwVerdict             overall_verdict;
  ClwContributionStatus  imtp_status;
  guint                  sustainability_issues : 1;
  guint                  has_imtp_contribution : 1;

  GArray                *indicators;  /* owned: ClwIndicatorResult */
  GArray                *meetings;    /* owned: ClwMeetingOutcome */
  GArray                *missing;     /* owned: ClwMissingEvidence */
};

G_DEFINE_FINAL_TYPE (ClwPracticeResult, clw_practice_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRACTICE_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_CLUSTER_ID,
  PROP_CLUSTER_NAME,
  PROP_PARTNERS,
  PROP_LIST_SIZE,
  PROP_SUSTAINABILITY_ISSUES,
  PROP_BUDDY_CODE,
  PROP_MEETINGS_COUNTED,
  PROP_MEETINGS_REQUIRED,
  PROP_POINTS,
  PROP_POINTS_POSSIBLE,
  PROP_OVERALL_VERDICT,
  PROP_NEEDS_ATTENTION,
  PROP_IMTP_STATUS,
  PROP_HAS_IMTP_CONTRIBUTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
indicator_result_clear (gpointer data)
{
  ClwIndicatorResult *result = data;

  g_clear_pointer (&result->code, g_free);
  g_clear_pointer (&result->reasons, g_strfreev);
}

static void
meeting_outcome_clear (gpointer data)
{
  ClwMeetingOutcome *outcome = data;

  g_clear_pointer (&outcome->meeting_id, g_ref_string_release);
  g_clear_pointer (&outcome->starts_at, g_ref_string_release);
  g_clear_pointer (&outcome->reason, g_free);
  g_clear_pointer (&outcome->warning, g_free);
}

static void
missing_evidence_clear (gpointer data)
{
  ClwMissingEvidence *missing = data;

  g_clear_pointer (&missing->due_on, g_ref_string_release);
  g_clear_pointer (&missing->description, g_ref_string_release);
}

static GArray *
new_array (guint          element_size,
           guint          reserved,
           GDestroyNotify clear_func)
{
  GArray *array = g_array_sized_new (FALSE, TRUE, element_size, reserved);

  g_array_set_clear_func (array, clear_func);
  return array;
}

static void
clw_practice_result_finalize (GObject *object)
{
  ClwPracticeResult *self = (ClwPracticeResult *) object;

  g_clear_pointer (&self->practice_id, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->cluster_id, g_free);
  g_clear_pointer (&self->cluster_name, g_free);
  g_clear_pointer (&self->buddy_code, g_free);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_pointer (&self->meetings, g_array_unref);
  g_clear_pointer (&self->missing, g_array_unref);

  G_OBJECT_CLASS (clw_practice_result_parent_class)->finalize (object);
}

static void
clw_practice_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ClwPracticeResult *self = CLW_PRACTICE_RESULT (object);

  switch (prop_id)
    {
    case PROP_PRACTICE_ID:
      g_value_set_string (value, self->practice_id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CLUSTER_ID:
      g_value_set_string (value, self->cluster_id);
      break;

    case PROP_CLUSTER_NAME:
      g_value_set_string (value, self->cluster_name);
      break;

    case PROP_PARTNERS:
      g_value_set_int (value, self->partners);
      break;

    case PROP_LIST_SIZE:
      g_value_set_int (value, self->list_size);
      break;

    case PROP_SUSTAINABILITY_ISSUES:
      g_value_set_boolean (value, self->sustainability_issues);
      break;

    case PROP_BUDDY_CODE:
      g_value_set_string (value, self->buddy_code);
      break;

    case PROP_MEETINGS_COUNTED:
      g_value_set_int (value, self->meetings_counted);
      break;

    case PROP_MEETINGS_REQUIRED:
      g_value_set_int (value, self->meetings_required);
      break;

    case PROP_POINTS:
      g_value_set_int (value, self->points);
      break;

    case PROP_POINTS_POSSIBLE:
      g_value_set_int (value, self->points_possible);
      break;

    case PROP_OVERALL_VERDICT:
      g_value_set_enum (value, self->overall_verdict);
      break;

    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, clw_practice_result_needs_attention (self));
      break;

    case PROP_IMTP_STATUS:
      g_value_set_enum (value, self->imtp_status);
      break;

    case PROP_HAS_IMTP_CONTRIBUTION:
      g_value_set_boolean (value, self->has_imtp_contribution);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_practice_result_class_init (ClwPracticeResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_practice_result_finalize;
  object_class->get_property = clw_practice_result_get_property;

  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_ID] =
    g_param_spec_string ("cluster-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_NAME] =
    g_param_spec_string ("cluster-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNERS] =
    g_param_spec_int ("partners", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_SIZE] =
    g_param_spec_int ("list-size", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUSTAINABILITY_ISSUES] =
    g_param_spec_boolean ("sustainability-issues", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUDDY_CODE] =
    g_param_spec_string ("buddy-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETINGS_COUNTED] =
    g_param_spec_int ("meetings-counted", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETINGS_REQUIRED] =
    g_param_spec_int ("meetings-required", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POINTS] =
    g_param_spec_int ("points", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POINTS_POSSIBLE] =
    g_param_spec_int ("points-possible", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERALL_VERDICT] =
    g_param_spec_enum ("overall-verdict", NULL, NULL,
                       CLW_TYPE_VERDICT, CLW_VERDICT_ACHIEVED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMTP_STATUS] =
    g_param_spec_enum ("imtp-status", NULL, NULL,
                       CLW_TYPE_CONTRIBUTION_STATUS, CLW_CONTRIBUTION_STATUS_DRAFT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_IMTP_CONTRIBUTION] =
    g_param_spec_boolean ("has-imtp-contribution", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_practice_result_init (ClwPracticeResult *self)
{
  self->indicators = new_array (sizeof (ClwIndicatorResult), 0, indicator_result_clear);
  self->meetings = new_array (sizeof (ClwMeetingOutcome), 0, meeting_outcome_clear);
  self->missing = new_array (sizeof (ClwMissingEvidence), 0, missing_evidence_clear);
  self->overall_verdict = CLW_VERDICT_ACHIEVED;
  self->imtp_status = CLW_CONTRIBUTION_STATUS_DRAFT;
}

/* For the engine -------------------------------------------------------------- */

ClwPracticeResult *
_clw_practice_result_new (const char *practice_id,
                          const char *code,
                          const char *name,
                          const char *cluster_id,
                          const char *cluster_name,
                          int         partners,
                          int         list_size,
                          gboolean    sustainability_issues)
{
  ClwPracticeResult *self = g_object_new (CLW_TYPE_PRACTICE_RESULT, NULL);

  self->practice_id = g_strdup (practice_id);
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->cluster_id = g_strdup (cluster_id);
  self->cluster_name = g_strdup (cluster_name);
  self->partners = partners;
  self->list_size = list_size;
  self->sustainability_issues = !!sustainability_issues;

  return self;
}

void
_clw_practice_result_reserve (ClwPracticeResult *self,
                              guint              n_indicators,
                              guint              n_meetings,
                              guint              n_missing_evidence)
{
  g_return_if_fail (CLW_IS_PRACTICE_RESULT (self));
  g_return_if_fail (self->indicators->len == 0 && self->meetings->len == 0 && self->missing->len == 0);

  g_array_unref (self->indicators);
  self->indicators = new_array (sizeof (ClwIndicatorResult), n_indicators, indicator_result_clear);
  g_array_unref (self->meetings);
  self->meetings = new_array (sizeof (ClwMeetingOutcome), n_meetings, meeting_outcome_clear);
  g_array_unref (self->missing);
  self->missing = new_array (sizeof (ClwMissingEvidence), n_missing_evidence, missing_evidence_clear);
}

void
_clw_practice_result_set_buddy_code (ClwPracticeResult *self,
                                     const char        *buddy_code)
{
  g_return_if_fail (CLW_IS_PRACTICE_RESULT (self));

  g_free (self->buddy_code);
  self->buddy_code = g_strdup (buddy_code);
}

void
_clw_practice_result_set_meetings (ClwPracticeResult *self,
                                   int                counted,
                                   int                required)
{
  g_return_if_fail (CLW_IS_PRACTICE_RESULT (self));

  self->meetings_counted = counted;
  self->meetings_required = required;
}

void
_clw_practice_result_set_imtp (ClwPracticeResult     *self,
                               gboolean               has_contribution,
                               ClwContributionStatus  status)
{
  g_return_if_fail (CLW_IS_PRACTICE_RESULT (self));

  self->has_imtp_contribution = !!has_contribution;
  self->imtp_status = status;
}

void
_clw_practice_result_add_indicator (ClwPracticeResult *self,
                                    const char        *code,
                                    ClwVerdict         verdict,
                                    int                points,
                                    int                points_possible,
                                    GStrv              reasons)
{
  ClwIndicatorResult result = { 0 };

  g_return_if_fail (CLW_IS_PRACTICE_RESULT (self));

  result.code = g_strdup (code);
  result.verdict = verdict;
  result.points = points;
  result.points_possible = points_possible;
  result.reasons = reasons != NULL ? reasons : g_new0 (char *, 1);
  g_array_append_val (self->indicators, result);

  self->points += points;
  self->points_possible += points_possible;
  /* The verdicts are declared from the best to the worst. */
  self->overall_verdict = MAX (self->overall_verdict, verdict);
}

void
_clw_practice_result_add_meeting (ClwPracticeResult *self,
                                  char              *meeting_id,
                                  char              *starts_at,
                                  ClwMeetingStatus   status,
                                  gboolean           counted,
                                  gboolean           in_future,
                                  char              *reason,
                                  char              *warning)
{
  ClwMeetingOutcome outcome = { 0 };

  g_return_if_fail (CLW_IS_PRACTICE_RESULT (self));

  outcome.meeting_id = g_ref_string_acquire (meeting_id);
  outcome.starts_at = g_ref_string_acquire (starts_at);
  outcome.status = status;
  outcome.counted = counted;
  outcome.in_future = in_future;
  outcome.reason = reason;
  outcome.warning = warning;
  g_array_append_val (self->meetings, outcome);
}

void
_clw_practice_result_add_missing_evidence (ClwPracticeResult *self,
                                           ClwEvidenceKind    kind,
                                           char              *due_on,
                                           gboolean           blocking,
                                           gboolean           overdue,
                                           char              *description)
{
  ClwMissingEvidence missing = { 0 };

  g_return_if_fail (CLW_IS_PRACTICE_RESULT (self));

  missing.kind = kind;
  missing.due_on = g_ref_string_acquire (due_on);
  missing.blocking = blocking;
  missing.overdue = overdue;
  missing.description = g_ref_string_acquire (description);
  g_array_append_val (self->missing, missing);
}

/* Public API ---------------------------------------------------------------- */

const char *
clw_practice_result_get_practice_id (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);

  return self->practice_id;
}

const char *
clw_practice_result_get_code (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);

  return self->code;
}

const char *
clw_practice_result_get_name (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);

  return self->name;
}

const char *
clw_practice_result_get_cluster_id (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);

  return self->cluster_id;
}

const char *
clw_practice_result_get_cluster_name (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);

  return self->cluster_name;
}

int
clw_practice_result_get_partners (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->partners;
}

int
clw_practice_result_get_list_size (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->list_size;
}

gboolean
clw_practice_result_get_sustainability_issues (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), FALSE);

  return self->sustainability_issues;
}

const char *
clw_practice_result_get_buddy_code (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);

  return self->buddy_code;
}

int
clw_practice_result_get_meetings_counted (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->meetings_counted;
}

int
clw_practice_result_get_meetings_required (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->meetings_required;
}

int
clw_practice_result_get_points (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->points;
}

int
clw_practice_result_get_points_possible (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->points_possible;
}

ClwVerdict
clw_practice_result_get_overall_verdict (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), CLW_VERDICT_NOT_ACHIEVED);

  return self->overall_verdict;
}

gboolean
clw_practice_result_needs_attention (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), FALSE);

  return self->overall_verdict == CLW_VERDICT_AT_RISK ||
         self->overall_verdict == CLW_VERDICT_NOT_ACHIEVED;
}

ClwContributionStatus
clw_practice_result_get_imtp_status (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), CLW_CONTRIBUTION_STATUS_DRAFT);

  return self->imtp_status;
}

gboolean
clw_practice_result_has_imtp_contribution (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), FALSE);

  return self->has_imtp_contribution;
}

guint
clw_practice_result_get_n_indicators (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->indicators->len;
}

const ClwIndicatorResult *
clw_practice_result_get_indicator (ClwPracticeResult *self,
                                   guint              index)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);

  return &g_array_index (self->indicators, ClwIndicatorResult, index);
}

const ClwIndicatorResult *
clw_practice_result_find_indicator (ClwPracticeResult *self,
                                    const char        *code)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < self->indicators->len; i++)
    {
      const ClwIndicatorResult *result = &g_array_index (self->indicators, ClwIndicatorResult, i);

      if (g_str_equal (result->code, code))
        return result;
    }

  return NULL;
}

ClwVerdict
clw_practice_result_get_verdict (ClwPracticeResult *self,
                                 guint              index)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), CLW_VERDICT_NOT_ACHIEVED);
  g_return_val_if_fail (index < self->indicators->len, CLW_VERDICT_NOT_ACHIEVED);

  return g_array_index (self->indicators, ClwIndicatorResult, index).verdict;
}

guint
clw_practice_result_get_n_meetings (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->meetings->len;
}

const ClwMeetingOutcome *
clw_practice_result_get_meeting (ClwPracticeResult *self,
                                 guint              index)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);
  g_return_val_if_fail (index < self->meetings->len, NULL);

  return &g_array_index (self->meetings, ClwMeetingOutcome, index);
}

const ClwMeetingOutcome *
clw_practice_result_find_meeting (ClwPracticeResult *self,
                                  const char        *meeting_id)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  for (guint i = 0; i < self->meetings->len; i++)
    {
      const ClwMeetingOutcome *outcome = &g_array_index (self->meetings, ClwMeetingOutcome, i);

      if (g_str_equal (outcome->meeting_id, meeting_id))
        return outcome;
    }

  return NULL;
}

guint
clw_practice_result_get_n_missing_evidence (ClwPracticeResult *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), 0);

  return self->missing->len;
}

const ClwMissingEvidence *
clw_practice_result_get_missing_evidence (ClwPracticeResult *self,
                                          guint              index)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_RESULT (self), NULL);
  g_return_val_if_fail (index < self->missing->len, NULL);

  return &g_array_index (self->missing, ClwMissingEvidence, index);
}
