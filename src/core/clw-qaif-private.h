/* clw-qaif-private.h: how the rules engine builds its results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ClwPracticeResult and ClwClusterSummary are read-only for everyone but
 * the engine (clw-qaif.c), which makes and fills them with these.
 */

#pragma once

#include "clw-cluster-summary.h"
#include "clw-practice-result.h"

G_BEGIN_DECLS

/* ClwPracticeResult ------------------------------------------------------- */

ClwPracticeResult *_clw_practice_result_new                (const char            *practice_id,
                                                           const char            *code,
                                                           const char            *name,
                                                           const char            *cluster_id,
                                                           const char            *cluster_name,
                                                           int                    partners,
                                                           int                    list_size,
                                                           gboolean               sustainability_issues);
/* Room for what the engine is about to add. */
void               _clw_practice_result_reserve           (ClwPracticeResult     *self,
                                                           guint                  n_indicators,
                                                           guint                  n_meetings,
                                                           guint                  n_missing_evidence);
void               _clw_practice_result_set_buddy_code    (ClwPracticeResult     *self,
                                                           const char            *buddy_code);
void               _clw_practice_result_set_meetings      (ClwPracticeResult     *self,
                                                           int                    counted,
                                                           int                    required);
void               _clw_practice_result_set_imtp          (ClwPracticeResult     *self,
                                                           gboolean               has_contribution,
                                                           ClwContributionStatus  status);
/* Takes @reasons. */
void               _clw_practice_result_add_indicator     (ClwPracticeResult     *self,
                                                           const char            *code,
                                                           ClwVerdict             verdict,
                                                           int                    points,
                                                           int                    points_possible,
                                                           GStrv                  reasons);
/* @meeting_id and @starts_at are GRefStrings shared by every practice of
 * the collaborative (a reference is taken); takes @reason and @warning. */
void               _clw_practice_result_add_meeting       (ClwPracticeResult     *self,
                                                           char                  *meeting_id,
                                                           char                  *starts_at,
                                                           ClwMeetingStatus       status,
                                                           gboolean               counted,
                                                           gboolean               in_future,
                                                           char                  *reason,
                                                           char                  *warning);
/* @due_on and @description are GRefStrings (a reference is taken). */
void               _clw_practice_result_add_missing_evidence (ClwPracticeResult  *self,
                                                              ClwEvidenceKind     kind,
                                                              char               *due_on,
                                                              gboolean            blocking,
                                                              gboolean            overdue,
                                                              char               *description);

/* ClwClusterSummary ------------------------------------------------------- */

/* @indicator_codes: the cycle's indicators, in their order. */
ClwClusterSummary *_clw_cluster_summary_new               (const char            *cluster_id,
                                                           const char            *name,
                                                           const char            *health_board_id,
                                                           const char * const    *indicator_codes,
                                                           guint                  n_indicators);
/* Count one practice's verdicts and points. */
void               _clw_cluster_summary_add_practice      (ClwClusterSummary     *self,
                                                           ClwPracticeResult     *result);
void               _clw_cluster_summary_set_meetings      (ClwClusterSummary     *self,
                                                           int                    held,
                                                           int                    planned,
                                                           int                    required);
void               _clw_cluster_summary_set_days_left     (ClwClusterSummary     *self,
                                                           int                    days_left);
void               _clw_cluster_summary_set_imtp          (ClwClusterSummary     *self,
                                                           int                    submitted,
                                                           int                    total);
void               _clw_cluster_summary_set_pending_requests (ClwClusterSummary  *self,
                                                              int                 pending);
/* @meeting_id and @starts_at as for _clw_practice_result_add_meeting(). */
void               _clw_cluster_summary_add_meeting       (ClwClusterSummary     *self,
                                                           char                  *meeting_id,
                                                           char                  *starts_at,
                                                           ClwMeetingStatus       status,
                                                           int                    counted,
                                                           int                    practices);
/* Add the figures of @other (a cluster or a roll-up) to the roll-up @self. */
void               _clw_cluster_summary_add_summary       (ClwClusterSummary     *self,
                                                           ClwClusterSummary     *other);

G_END_DECLS
