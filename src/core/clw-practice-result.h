/* clw-practice-result.h: one practice's QAIF verdicts, with the reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made only by the rules engine (clw-qaif.c); read-only for everyone else.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

/* The verdict on one indicator. */
typedef struct
{
  char       *code;            /* "CND014W" */
  ClwVerdict  verdict;
  int         points;          /* earned: 0 unless the scoring gives some */
  int         points_possible; /* the indicator's points */
  GStrv       reasons;         /* plain sentences, the most important first */
} ClwIndicatorResult;

/* How one held (or planned, or cancelled) meeting of the cycle went for the
 * practice, for the practice page and the meeting pack. */
typedef struct
{
  char             *meeting_id;
  char             *starts_at;    /* "YYYY-MM-DDTHH:MM" */
  ClwMeetingStatus  status;
  gboolean          counted;      /* counts towards CND014W */
  gboolean          in_future;    /* after the as-of date */
  char             *reason;       /* "Attended by a clinical partner (Dr A Jones)." */
  /* For the attendance sheet: set when what is recorded for the practice at
   * this meeting does not count although someone took part (a practice
   * manager without the health board's prior agreement, a buddy who
   * attended with no engagement recorded...), whatever the meeting's
   * status; NULL otherwise. Says what is wrong, as the reason does. */
  char             *warning;
} ClwMeetingOutcome;

/* Evidence the cycle asks for that the practice has not recorded yet. */
typedef struct
{
  ClwEvidenceKind  kind;
  char            *due_on;        /* "YYYY-MM-DD" */
  gboolean         blocking;      /* an indicator cannot be achieved without it */
  gboolean         overdue;       /* the due date is before the as-of date */
  char            *description;
} ClwMissingEvidence;

#define CLW_TYPE_PRACTICE_RESULT (clw_practice_result_get_type ())

G_DECLARE_FINAL_TYPE (ClwPracticeResult, clw_practice_result, CLW, PRACTICE_RESULT, GObject)

const char               *clw_practice_result_get_practice_id      (ClwPracticeResult *self);
const char               *clw_practice_result_get_code             (ClwPracticeResult *self);
const char               *clw_practice_result_get_name             (ClwPracticeResult *self);
const char               *clw_practice_result_get_cluster_id       (ClwPracticeResult *self);
const char               *clw_practice_result_get_cluster_name     (ClwPracticeResult *self);
int                       clw_practice_result_get_partners         (ClwPracticeResult *self);
int                       clw_practice_result_get_list_size        (ClwPracticeResult *self);
gboolean                  clw_practice_result_get_sustainability_issues (ClwPracticeResult *self);
/* The code of the buddy practice agreed for this practice at the as-of
 * date, or NULL. */
const char               *clw_practice_result_get_buddy_code       (ClwPracticeResult *self);
int                       clw_practice_result_get_meetings_counted (ClwPracticeResult *self);
int                       clw_practice_result_get_meetings_required (ClwPracticeResult *self);
int                       clw_practice_result_get_points           (ClwPracticeResult *self);
int                       clw_practice_result_get_points_possible  (ClwPracticeResult *self);
/* The worst verdict of the practice's indicators. */
ClwVerdict                clw_practice_result_get_overall_verdict  (ClwPracticeResult *self);
/* At risk or not achieved on at least one indicator. */
gboolean                  clw_practice_result_needs_attention      (ClwPracticeResult *self);
ClwContributionStatus     clw_practice_result_get_imtp_status      (ClwPracticeResult *self);
gboolean                  clw_practice_result_has_imtp_contribution (ClwPracticeResult *self);

guint                     clw_practice_result_get_n_indicators     (ClwPracticeResult *self);
const ClwIndicatorResult *clw_practice_result_get_indicator        (ClwPracticeResult *self,
                                                                    guint              index);
const ClwIndicatorResult *clw_practice_result_find_indicator       (ClwPracticeResult *self,
                                                                    const char        *code);
ClwVerdict                clw_practice_result_get_verdict          (ClwPracticeResult *self,
                                                                    guint              index);

/* The meetings of the practice's GP Collaborative in the cycle, by date. */
guint                     clw_practice_result_get_n_meetings       (ClwPracticeResult *self);
const ClwMeetingOutcome  *clw_practice_result_get_meeting          (ClwPracticeResult *self,
                                                                    guint              index);
/* The outcome of one meeting, or NULL when it is not a meeting of the
 * practice's collaborative in the cycle. */
const ClwMeetingOutcome  *clw_practice_result_find_meeting         (ClwPracticeResult *self,
                                                                    const char        *meeting_id);

guint                     clw_practice_result_get_n_missing_evidence (ClwPracticeResult *self);
const ClwMissingEvidence *clw_practice_result_get_missing_evidence (ClwPracticeResult *self,
                                                                    guint              index);

G_END_DECLS
