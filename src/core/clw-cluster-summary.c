/* clw-cluster-summary.c: the figures of a cluster's dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An immutable value made by the rules engine, for one cluster or summed
 * over several. Its figures are read-only properties as well, so that
 * widgets can bind to them.
 */

#define G_LOG_DOMAIN "clw-cluster-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-cluster-summary.h"
#include "clw-qaif-private.h"

typedef struct
{
  char *code;
  int   counts[CLW_N_VERDICTS];
} IndicatorCounts;

struct _ClwClusterSummary
{
  GObject  parent_instance;

  char    *cluster_id;
  char    *name;
  char    *health_board_id;

  int      n_clusters;
  int      n_practices;
  int      points;
  int      points_possible;
  int      practices_at_risk;
  int      meetings_held;
  int      meetings_planned;
  int      meetings_required;
  int      days_left;
  int      imtp_submitted;
  int      imtp_total;
  int      pending_requests;

  GArray  *indicators;  /* owned: IndicatorCounts */
  GArray  *meetings;    /* owned: ClwMeetingAttendance */
};

G_DEFINE_FINAL_TYPE (ClwClusterSummary, clw_cluster_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLUSTER_ID,
  PROP_NAME,
  PROP_HEALTH_BOARD_ID,
  PROP_N_CLUSTERS,
  PROP_N_PRACTICES,
  PROP_POINTS,
  PROP_POINTS_POSSIBLE,
  PROP_PRACTICES_AT_RISK,
  PROP_MEETINGS_HELD,
  PROP_MEETINGS_PLANNED,
  PROP_MEETINGS_REQUIRED,
  PROP_DAYS_LEFT,
  PROP_IMTP_SUBMITTED,
  PROP_IMTP_TOTAL,
  PROP_PENDING_REQUESTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
indicator_counts_clear (gpointer data)
{
  IndicatorCounts *counts = data;

  g_clear_pointer (&counts->code, g_free);
}

static void
meeting_attendance_clear (gpointer data)
{
  ClwMeetingAttendance *meeting = data;

  g_clear_pointer (&meeting->meeting_id, g_ref_string_release);
  g_clear_pointer (&meeting->starts_at, g_ref_string_release);
}

static void
clw_cluster_summary_finalize (GObject *object)
{
  ClwClusterSummary *self = (ClwClusterSummary *) object;

  g_clear_pointer (&self->cluster_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->health_board_id, g_free);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_pointer (&self->meetings, g_array_unref);

  G_OBJECT_CLASS (clw_cluster_summary_parent_class)->finalize (object);
}

static void
clw_cluster_summary_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ClwClusterSummary *self = CLW_CLUSTER_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_CLUSTER_ID:
      g_value_set_string (value, self->cluster_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_HEALTH_BOARD_ID:
      g_value_set_string (value, self->health_board_id);
      break;

    case PROP_N_CLUSTERS:
      g_value_set_int (value, self->n_clusters);
      break;

    case PROP_N_PRACTICES:
      g_value_set_int (value, self->n_practices);
      break;

    case PROP_POINTS:
      g_value_set_int (value, self->points);
      break;

    case PROP_POINTS_POSSIBLE:
      g_value_set_int (value, self->points_possible);
      break;

    case PROP_PRACTICES_AT_RISK:
      g_value_set_int (value, self->practices_at_risk);
      break;

    case PROP_MEETINGS_HELD:
      g_value_set_int (value, self->meetings_held);
      break;

    case PROP_MEETINGS_PLANNED:
      g_value_set_int (value, self->meetings_planned);
      break;

    case PROP_MEETINGS_REQUIRED:
      g_value_set_int (value, self->meetings_required);
      break;

    case PROP_DAYS_LEFT:
      g_value_set_int (value, self->days_left);
      break;

    case PROP_IMTP_SUBMITTED:
      g_value_set_int (value, self->imtp_submitted);
      break;

    case PROP_IMTP_TOTAL:
      g_value_set_int (value, self->imtp_total);
      break;

    case PROP_PENDING_REQUESTS:
      g_value_set_int (value, self->pending_requests);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_cluster_summary_class_init (ClwClusterSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_cluster_summary_finalize;
  object_class->get_property = clw_cluster_summary_get_property;

  properties[PROP_CLUSTER_ID] =
    g_param_spec_string ("cluster-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEALTH_BOARD_ID] =
    g_param_spec_string ("health-board-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

#define INT_PROPERTY(id, name) \
  properties[id] = g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0, \
                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  INT_PROPERTY (PROP_N_CLUSTERS, "n-clusters");
  INT_PROPERTY (PROP_N_PRACTICES, "n-practices");
  INT_PROPERTY (PROP_POINTS, "points");
  INT_PROPERTY (PROP_POINTS_POSSIBLE, "points-possible");
  INT_PROPERTY (PROP_PRACTICES_AT_RISK, "practices-at-risk");
  INT_PROPERTY (PROP_MEETINGS_HELD, "meetings-held");
  INT_PROPERTY (PROP_MEETINGS_PLANNED, "meetings-planned");
  INT_PROPERTY (PROP_MEETINGS_REQUIRED, "meetings-required");
  INT_PROPERTY (PROP_DAYS_LEFT, "days-left");
  INT_PROPERTY (PROP_IMTP_SUBMITTED, "imtp-submitted");
  INT_PROPERTY (PROP_IMTP_TOTAL, "imtp-total");
  INT_PROPERTY (PROP_PENDING_REQUESTS, "pending-requests");
#undef INT_PROPERTY

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_cluster_summary_init (ClwClusterSummary *self)
{
  self->indicators = g_array_new (FALSE, TRUE, sizeof (IndicatorCounts));
  g_array_set_clear_func (self->indicators, indicator_counts_clear);
  self->meetings = g_array_new (FALSE, TRUE, sizeof (ClwMeetingAttendance));
  g_array_set_clear_func (self->meetings, meeting_attendance_clear);
}

/* For the engine -------------------------------------------------------------- */

ClwClusterSummary *
_clw_cluster_summary_new (const char         *cluster_id,
                          const char         *name,
                          const char         *health_board_id,
                          const char * const *indicator_codes,
                          guint               n_indicators)
{
  ClwClusterSummary *self = g_object_new (CLW_TYPE_CLUSTER_SUMMARY, NULL);

  self->cluster_id = g_strdup (cluster_id);
  self->name = g_strdup (name);
  self->health_board_id = g_strdup (health_board_id);
  self->n_clusters = cluster_id != NULL ? 1 : 0;

  for (guint i = 0; i < n_indicators; i++)
    {
      IndicatorCounts counts = { 0 };

      counts.code = g_strdup (indicator_codes[i]);
      g_array_append_val (self->indicators, counts);
    }

  return self;
}

void
_clw_cluster_summary_add_practice (ClwClusterSummary *self,
                                   ClwPracticeResult *result)
{
  guint n;

  g_return_if_fail (CLW_IS_CLUSTER_SUMMARY (self));
  g_return_if_fail (CLW_IS_PRACTICE_RESULT (result));

  self->n_practices++;
  self->points += clw_practice_result_get_points (result);
  self->points_possible += clw_practice_result_get_points_possible (result);
  if (clw_practice_result_needs_attention (result))
    self->practices_at_risk++;

  n = MIN (self->indicators->len, clw_practice_result_get_n_indicators (result));
  for (guint i = 0; i < n; i++)
    {
      IndicatorCounts *counts = &g_array_index (self->indicators, IndicatorCounts, i);
      ClwVerdict verdict = clw_practice_result_get_verdict (result, i);

      if ((guint) verdict < CLW_N_VERDICTS)
        counts->counts[verdict]++;
    }
}

void
_clw_cluster_summary_set_meetings (ClwClusterSummary *self,
                                   int                held,
                                   int                planned,
                                   int                required)
{
  g_return_if_fail (CLW_IS_CLUSTER_SUMMARY (self));

  self->meetings_held = held;
  self->meetings_planned = planned;
  self->meetings_required = required;
}

void
_clw_cluster_summary_set_days_left (ClwClusterSummary *self,
                                    int                days_left)
{
  g_return_if_fail (CLW_IS_CLUSTER_SUMMARY (self));

  self->days_left = days_left;
}

void
_clw_cluster_summary_set_imtp (ClwClusterSummary *self,
                               int                submitted,
                               int                total)
{
  g_return_if_fail (CLW_IS_CLUSTER_SUMMARY (self));

  self->imtp_submitted = submitted;
  self->imtp_total = total;
}

void
_clw_cluster_summary_set_pending_requests (ClwClusterSummary *self,
                                           int                pending)
{
  g_return_if_fail (CLW_IS_CLUSTER_SUMMARY (self));

  self->pending_requests = pending;
}

void
_clw_cluster_summary_add_meeting (ClwClusterSummary *self,
                                  char              *meeting_id,
                                  char              *starts_at,
                                  ClwMeetingStatus   status,
                                  int                counted,
                                  int                practices)
{
  ClwMeetingAttendance meeting = { 0 };

  g_return_if_fail (CLW_IS_CLUSTER_SUMMARY (self));

  meeting.meeting_id = g_ref_string_acquire (meeting_id);
  meeting.starts_at = g_ref_string_acquire (starts_at);
  meeting.status = status;
  meeting.counted = counted;
  meeting.practices = practices;
  g_array_append_val (self->meetings, meeting);
}

void
_clw_cluster_summary_add_summary (ClwClusterSummary *self,
                                  ClwClusterSummary *other)
{
  guint n;

  g_return_if_fail (CLW_IS_CLUSTER_SUMMARY (self));
  g_return_if_fail (CLW_IS_CLUSTER_SUMMARY (other));

  self->n_clusters += other->n_clusters;
  self->n_practices += other->n_practices;
  self->points += other->points;
  self->points_possible += other->points_possible;
  self->practices_at_risk += other->practices_at_risk;
  self->meetings_held += other->meetings_held;
  self->meetings_planned += other->meetings_planned;
  self->meetings_required += other->meetings_required;
  self->imtp_submitted += other->imtp_submitted;
  self->imtp_total += other->imtp_total;
  self->pending_requests += other->pending_requests;
  /* The same cycle and as-of date for all: the days left do not add up. */
  self->days_left = other->days_left;

  n = MIN (self->indicators->len, other->indicators->len);
  for (guint i = 0; i < n; i++)
    {
      IndicatorCounts *mine = &g_array_index (self->indicators, IndicatorCounts, i);
      IndicatorCounts *theirs = &g_array_index (other->indicators, IndicatorCounts, i);

      for (guint v = 0; v < CLW_N_VERDICTS; v++)
        mine->counts[v] += theirs->counts[v];
    }
}

/* Public API ---------------------------------------------------------------- */

const char *
clw_cluster_summary_get_cluster_id (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), NULL);

  return self->cluster_id;
}

const char *
clw_cluster_summary_get_name (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), NULL);

  return self->name;
}

const char *
clw_cluster_summary_get_health_board_id (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), NULL);

  return self->health_board_id;
}

int
clw_cluster_summary_get_n_clusters (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->n_clusters;
}

int
clw_cluster_summary_get_n_practices (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->n_practices;
}

int
clw_cluster_summary_get_points (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->points;
}

int
clw_cluster_summary_get_points_possible (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->points_possible;
}

int
clw_cluster_summary_get_practices_at_risk (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->practices_at_risk;
}

guint
clw_cluster_summary_get_n_indicators (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->indicators->len;
}

const char *
clw_cluster_summary_get_indicator_code (ClwClusterSummary *self,
                                        guint              index)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);

  return g_array_index (self->indicators, IndicatorCounts, index).code;
}

int
clw_cluster_summary_count_verdict (ClwClusterSummary *self,
                                   guint              index,
                                   ClwVerdict         verdict)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);
  g_return_val_if_fail (index < self->indicators->len, 0);
  g_return_val_if_fail ((guint) verdict < CLW_N_VERDICTS, 0);

  return g_array_index (self->indicators, IndicatorCounts, index).counts[verdict];
}

int
clw_cluster_summary_get_meetings_held (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->meetings_held;
}

int
clw_cluster_summary_get_meetings_planned (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->meetings_planned;
}

int
clw_cluster_summary_get_meetings_required (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->meetings_required;
}

int
clw_cluster_summary_get_days_left (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->days_left;
}

int
clw_cluster_summary_get_imtp_submitted (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->imtp_submitted;
}

int
clw_cluster_summary_get_imtp_total (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->imtp_total;
}

int
clw_cluster_summary_get_pending_requests (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->pending_requests;
}

guint
clw_cluster_summary_get_n_meetings (ClwClusterSummary *self)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), 0);

  return self->meetings->len;
}

const ClwMeetingAttendance *
clw_cluster_summary_get_meeting (ClwClusterSummary *self,
                                 guint              index)
{
  g_return_val_if_fail (CLW_IS_CLUSTER_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->meetings->len, NULL);

  return &g_array_index (self->meetings, ClwMeetingAttendance, index);
}
