/* clw-cluster-summary.h: the figures of a cluster's dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made only by the rules engine (clw-qaif.c), for one cluster or summed
 * over several (a health board's roll-up); read-only for everyone else.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

/* Attendance at one meeting: the practices whose attendance counted, of all
 * the practices of the collaborative. */
typedef struct
{
  char             *meeting_id;
  char             *starts_at;
  ClwMeetingStatus  status;
  int               counted;
  int               practices;
} ClwMeetingAttendance;

#define CLW_TYPE_CLUSTER_SUMMARY (clw_cluster_summary_get_type ())

G_DECLARE_FINAL_TYPE (ClwClusterSummary, clw_cluster_summary, CLW, CLUSTER_SUMMARY, GObject)

/* NULL for a roll-up of several clusters. */
const char                 *clw_cluster_summary_get_cluster_id        (ClwClusterSummary *self);
/* The cluster's name, or the health board's for a roll-up. */
const char                 *clw_cluster_summary_get_name              (ClwClusterSummary *self);
const char                 *clw_cluster_summary_get_health_board_id   (ClwClusterSummary *self);
int                         clw_cluster_summary_get_n_clusters        (ClwClusterSummary *self);
int                         clw_cluster_summary_get_n_practices       (ClwClusterSummary *self);
int                         clw_cluster_summary_get_points            (ClwClusterSummary *self);
int                         clw_cluster_summary_get_points_possible   (ClwClusterSummary *self);
/* Practices at risk or not achieved on at least one indicator. */
int                         clw_cluster_summary_get_practices_at_risk (ClwClusterSummary *self);

/* How many practices have @verdict on the @index-th indicator. */
guint                       clw_cluster_summary_get_n_indicators      (ClwClusterSummary *self);
const char                 *clw_cluster_summary_get_indicator_code    (ClwClusterSummary *self,
                                                                       guint              index);
int                         clw_cluster_summary_count_verdict         (ClwClusterSummary *self,
                                                                       guint              index,
                                                                       ClwVerdict         verdict);

/* Meetings of the GP Collaborative in the cycle: held up to the as-of
 * date, and planned after it; against the number the cycle requires. */
int                         clw_cluster_summary_get_meetings_held     (ClwClusterSummary *self);
int                         clw_cluster_summary_get_meetings_planned  (ClwClusterSummary *self);
int                         clw_cluster_summary_get_meetings_required (ClwClusterSummary *self);
int                         clw_cluster_summary_get_days_left         (ClwClusterSummary *self);
int                         clw_cluster_summary_get_imtp_submitted    (ClwClusterSummary *self);
int                         clw_cluster_summary_get_imtp_total        (ClwClusterSummary *self);
/* Representation and buddy requests waiting for the health board. */
int                         clw_cluster_summary_get_pending_requests  (ClwClusterSummary *self);

/* For a single cluster: its meetings of the cycle, by date. */
guint                       clw_cluster_summary_get_n_meetings        (ClwClusterSummary *self);
const ClwMeetingAttendance *clw_cluster_summary_get_meeting           (ClwClusterSummary *self,
                                                                       guint              index);

G_END_DECLS
