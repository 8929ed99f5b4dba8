/* test-qaif.c: the QAIF rules engine, rule by rule and edge by edge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test builds a small cluster on top of the reference data (cycle
 * 2021-22: 1 October 2021 to 30 September 2022; CND014W 40 points for 4
 * meetings; CND015W 40 points, CND016W 20 points, both with a 60-day risk
 * window) and checks a verdict, its points and a reason.
 */

#include "config.h"

#include <string.h>

#include "clw-test-util.h"

#define CYCLE "2021-22"

typedef struct
{
  ClwDatabase *db;
  char        *board_id;
  char        *cluster_id;
  char        *collaborative_id;
  char        *cycle_id;
  char        *large;          /* W10001, 6 partners */
  char        *small;          /* W10002, 2 partners: may be buddied */
  char        *buddy;          /* W10003, 5 partners, larger than W10002 */
  char        *meetings[4];    /* held: 10 Nov 2021, 12 Jan, 9 Mar, 8 Jun 2022 */
} Fixture;

static Fixture fx;

static const char *meeting_dates[4] = {
  "2021-11-10T14:00", "2022-01-12T14:00", "2022-03-09T14:00", "2022-06-08T14:00",
};

/* Building the fixture ------------------------------------------------------ */

static char *
insert (gpointer object)
{
  g_autoptr(ClwRecord) record = object;
  g_autoptr(GError) error = NULL;

  clw_record_insert (record, fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  return g_strdup (clw_record_get_id (record));
}

static char *
add_practice_in (const char *cluster_id,
                 const char *code,
                 int         partners,
                 int         list_size)
{
  g_autofree char *name = g_strdup_printf ("Surgery %s", code);

  return insert (g_object_new (CLW_TYPE_PRACTICE,
                               "cluster-id", cluster_id,
                               "code", code,
                               "name", name,
                               "partners", partners,
                               "list-size", list_size,
                               NULL));
}

static char *
add_meeting_of (const char       *collaborative_id,
                const char       *starts_at,
                ClwMeetingStatus  status)
{
  return insert (g_object_new (CLW_TYPE_MEETING,
                               "collaborative-id", collaborative_id,
                               "starts-at", starts_at,
                               "place", "Canolfan Gymunedol",
                               "status", status,
                               NULL));
}

static char *
add_meeting (const char       *starts_at,
             ClwMeetingStatus  status)
{
  return add_meeting_of (fx.collaborative_id, starts_at, status);
}

static void
attend (const char          *meeting_id,
        const char          *practice_id,
        ClwAttendanceStatus  status,
        const char          *role,
        const char          *name)
{
  g_free (insert (g_object_new (CLW_TYPE_ATTENDANCE,
                                "meeting-id", meeting_id,
                                "practice-id", practice_id,
                                "status", status,
                                "representative-role", role,
                                "representative-name", name != NULL ? name : "",
                                NULL)));
}

static void
attend_all (const char *practice_id,
            const char *role,
            const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    attend (fx.meetings[i], practice_id, CLW_ATTENDANCE_STATUS_ATTENDED, role, name);
}

/* A practice manager arrangement (@meeting_id NULL) or an alternative
 * representative for one meeting. */
static void
represent (const char            *practice_id,
           ClwRepresentationKind  kind,
           const char            *meeting_id,
           const char            *starts_on,
           const char            *ends_on,
           ClwArrangementStatus   status,
           const char            *requested_on,
           const char            *decision_on)
{
  g_free (insert (g_object_new (CLW_TYPE_REPRESENTATION,
                                "practice-id", practice_id,
                                "kind", kind,
                                "meeting-id", meeting_id,
                                "starts-on", starts_on,
                                "ends-on", ends_on,
                                "status", status,
                                "requested-on", requested_on,
                                "decision-on", decision_on,
                                "explanation", status == CLW_ARRANGEMENT_STATUS_REFUSED
                                               ? "The practice has two partners able to attend." : "",
                                NULL)));
}

static void
buddy_up (const char           *small_id,
          const char           *buddy_id,
          const char           *starts_on,
          const char           *ends_on,
          ClwArrangementStatus  status,
          const char           *requested_on,
          const char           *decision_on)
{
  g_free (insert (g_object_new (CLW_TYPE_BUDDY_ARRANGEMENT,
                                "small-practice-id", small_id,
                                "buddy-practice-id", buddy_id,
                                "starts-on", starts_on,
                                "ends-on", ends_on,
                                "status", status,
                                "requested-on", requested_on,
                                "decision-on", decision_on,
                                NULL)));
}

static void
engage (const char        *practice_id,
        const char        *meeting_id,
        ClwEngagementKind  kind)
{
  g_free (insert (g_object_new (CLW_TYPE_BUDDY_ENGAGEMENT,
                                "practice-id", practice_id,
                                "meeting-id", meeting_id,
                                "kind", kind,
                                "recorded-on", "2022-06-10",
                                NULL)));
}

static void
add_evidence (const char      *practice_id,
              ClwEvidenceKind  kind,
              const char      *evidence_on)
{
  g_free (insert (g_object_new (CLW_TYPE_EVIDENCE,
                                "kind", kind,
                                "title", "Evidence",
                                "evidence-on", evidence_on,
                                "practice-id", practice_id,
                                NULL)));
}

/* An IMTP contribution of the cycle whose sections are complete except
 * those in @incomplete (a mask of 1 << ClwImtpSectionKind). */
static void
contribute (const char            *practice_id,
            ClwContributionStatus  status,
            const char            *submitted_on,
            guint                  incomplete)
{
  g_autofree char *id = NULL;

  id = insert (g_object_new (CLW_TYPE_IMTP_CONTRIBUTION,
                             "practice-id", practice_id,
                             "cycle-id", fx.cycle_id,
                             "status", status,
                             "submitted-on", submitted_on,
                             NULL));

  for (int kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    g_free (insert (g_object_new (CLW_TYPE_IMTP_SECTION,
                                  "contribution-id", id,
                                  "kind", kind,
                                  "status", (incomplete & (1u << kind)) ? CLW_SECTION_STATUS_IN_PROGRESS
                                                                        : CLW_SECTION_STATUS_COMPLETE,
                                  "body", "Text",
                                  NULL)));
}

static char *
gp_collaborative_of (const char *cluster_id)
{
  g_autoptr(GError) error = NULL;
  const char *params[] = { cluster_id, NULL };
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(ClwRecord) collaborative = NULL;

  rows = clw_record_list (fx.db, CLW_TYPE_COLLABORATIVE, "cluster_id = ? AND profession = 'gp'",
                          params, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 1);
  collaborative = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  return g_strdup (clw_record_get_id (collaborative));
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) cluster = NULL;

  fx.db = clw_test_new_database ();
  fx.cluster_id = clw_test_query_string (fx.db, "SELECT id FROM cluster ORDER BY code LIMIT 1");
  cluster = clw_record_load (fx.db, CLW_TYPE_CLUSTER, fx.cluster_id, &error);
  ck_assert_no_error (error);
  fx.board_id = g_strdup (clw_cluster_get_health_board_id (CLW_CLUSTER (cluster)));
  fx.collaborative_id = gp_collaborative_of (fx.cluster_id);
  fx.cycle_id = clw_test_query_string (fx.db, "SELECT id FROM cycle WHERE code = '" CYCLE "'");

  fx.large = add_practice_in (fx.cluster_id, "W10001", 6, 12000);
  fx.small = add_practice_in (fx.cluster_id, "W10002", 2, 3000);
  fx.buddy = add_practice_in (fx.cluster_id, "W10003", 5, 9000);
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    fx.meetings[i] = add_meeting (meeting_dates[i], CLW_MEETING_STATUS_HELD);
}

static void
teardown (void)
{
  g_clear_object (&fx.db);
  g_clear_pointer (&fx.board_id, g_free);
  g_clear_pointer (&fx.cluster_id, g_free);
  g_clear_pointer (&fx.collaborative_id, g_free);
  g_clear_pointer (&fx.cycle_id, g_free);
  g_clear_pointer (&fx.large, g_free);
  g_clear_pointer (&fx.small, g_free);
  g_clear_pointer (&fx.buddy, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    g_clear_pointer (&fx.meetings[i], g_free);
}

/* Evaluating and checking ---------------------------------------------------- */

static ClwQaifReport *
evaluate_scope (const char *as_of,
                ClwScope    scope,
                const char *scope_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = clw_date_parse (as_of);
  ClwQaifReport *report;

  ck_assert_ptr_nonnull (date);
  report = clw_qaif_evaluate (fx.db, CYCLE, scope, scope_id, date, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (report);
  return report;
}

static ClwQaifReport *
evaluate (const char *as_of)
{
  return evaluate_scope (as_of, CLW_SCOPE_CLUSTER, fx.cluster_id);
}

static ClwPracticeResult *
practice_result (ClwQaifReport *report,
                 const char    *practice_id)
{
  ClwPracticeResult *result = clw_qaif_report_lookup_practice (report, practice_id);

  ck_assert_ptr_nonnull (result);
  return result;
}

static gboolean
has_reason (GStrv       reasons,
            const char *needle)
{
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    if (strstr (reasons[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

#define check_indicator(report, practice_id, code, verdict, points, reason) \
  check_indicator_at (__LINE__, report, practice_id, code, verdict, points, reason)

static void
check_indicator_at (int            line,
                    ClwQaifReport *report,
                    const char    *practice_id,
                    const char    *code,
                    ClwVerdict     verdict,
                    int            points,
                    const char    *reason)
{
  ClwPracticeResult *result = practice_result (report, practice_id);
  const ClwIndicatorResult *indicator = clw_practice_result_find_indicator (result, code);
  g_autofree char *reasons = NULL;

  ck_assert_msg (indicator != NULL, "line %d: no result for %s", line, code);
  reasons = g_strjoinv (" | ", indicator->reasons);
  ck_assert_msg (indicator->verdict == verdict,
                 "line %d: %s of %s is “%s”, expected “%s”; reasons: %s", line, code,
                 clw_practice_result_get_code (result), clw_verdict_to_label (indicator->verdict),
                 clw_verdict_to_label (verdict), reasons);
  ck_assert_msg (indicator->points == points, "line %d: %s earns %d points, expected %d; reasons: %s",
                 line, code, indicator->points, points, reasons);
  ck_assert_msg (indicator->reasons[0] != NULL, "line %d: %s has no reason", line, code);
  ck_assert_msg (has_reason (indicator->reasons, reason),
                 "line %d: no reason of %s says “%s”; reasons: %s", line, code, reason, reasons);
}

#define check_outcome(report, practice_id, meeting_id, counted, reason) \
  check_outcome_at (__LINE__, report, practice_id, meeting_id, counted, reason)

static const ClwMeetingOutcome *
check_outcome_at (int            line,
                  ClwQaifReport *report,
                  const char    *practice_id,
                  const char    *meeting_id,
                  gboolean       counted,
                  const char    *reason)
{
  ClwPracticeResult *result = practice_result (report, practice_id);
  const ClwMeetingOutcome *outcome = clw_practice_result_find_meeting (result, meeting_id);

  ck_assert_msg (outcome != NULL, "line %d: no outcome for the meeting", line);
  ck_assert_msg (outcome->counted == counted, "line %d: meeting of %s %s, expected %s: %s",
                 line, outcome->starts_at, outcome->counted ? "counted" : "not counted",
                 counted ? "counted" : "not counted", outcome->reason);
  ck_assert_msg (strstr (outcome->reason, reason) != NULL,
                 "line %d: the reason “%s” does not say “%s”", line, outcome->reason, reason);
  return outcome;
}

/* Attendance: who may represent a practice ------------------------------------- */

START_TEST (test_clinical_attendance)
{
  g_autoptr(ClwQaifReport) report = NULL;
  ClwPracticeResult *result;
  const ClwMeetingOutcome *outcome;

  attend_all (fx.large, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[0], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "salaried-gp", "Dr B Owen");
  attend (fx.meetings[1], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "other-senior-clinician", "N C Rees");
  attend (fx.meetings[2], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", NULL);
  attend (fx.meetings[3], fx.buddy, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL, NULL);

  report = evaluate ("2022-10-15");
  result = practice_result (report, fx.large);
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
  ck_assert_str_eq (clw_practice_result_find_indicator (result, "CND014W")->reasons[0],
                    "4 of 4 meetings counted.");
  ck_assert_int_eq (clw_practice_result_get_meetings_counted (result), 4);
  ck_assert_int_eq (clw_practice_result_get_meetings_required (result), 4);
  outcome = check_outcome (report, fx.large, fx.meetings[0], TRUE,
                           "Attended by a clinical partner (Dr A Jones).");
  ck_assert_ptr_null (outcome->warning);
  ck_assert_int_eq (outcome->status, CLW_MEETING_STATUS_HELD);
  ck_assert (!outcome->in_future);

  check_outcome (report, fx.buddy, fx.meetings[0], TRUE, "Attended by a salaried GP (Dr B Owen).");
  check_outcome (report, fx.buddy, fx.meetings[1], TRUE, "a senior clinician of the practice (N C Rees)");
  check_outcome (report, fx.buddy, fx.meetings[2], TRUE, "(name not recorded)");
  check_outcome (report, fx.buddy, fx.meetings[3], FALSE, "Sent apologies; not counted.");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "8 Jun 2022: Sent apologies; not counted.");
  check_outcome (report, fx.small, fx.meetings[0], FALSE, "Not represented.");
}
END_TEST

START_TEST (test_practice_manager_prior_agreement)
{
  g_autoptr(ClwQaifReport) report = NULL;

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[3], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "practice-manager", "Mrs C Evans");
  represent (fx.large, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2022-01-01", NULL,
             CLW_ARRANGEMENT_STATUS_AGREED, "2021-12-01", "2022-01-05");

  report = evaluate ("2022-10-15");
  check_outcome (report, fx.large, fx.meetings[3], TRUE,
                 "Attended by the practice manager (Mrs C Evans), under the arrangement the "
                 "health board agreed on 5 Jan 2022.");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
}
END_TEST

START_TEST (test_practice_manager_agreed_same_day)
{
  g_autoptr(ClwQaifReport) report = NULL;
  const ClwMeetingOutcome *outcome;

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[3], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "senior-administrator", "Mr D Hughes");
  /* Agreed on the morning of the meeting. */
  represent (fx.large, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2022-06-01", NULL,
             CLW_ARRANGEMENT_STATUS_AGREED, "2022-06-01", "2022-06-08");

  report = evaluate ("2022-10-15");
  outcome = check_outcome (report, fx.large, fx.meetings[3], TRUE,
                           "a senior administrator (Mr D Hughes), under the arrangement the health "
                           "board agreed on 8 Jun 2022");
  ck_assert_ptr_null (outcome->warning);
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
}
END_TEST

START_TEST (test_practice_manager_agreed_day_after)
{
  g_autoptr(ClwQaifReport) report = NULL;
  const ClwMeetingOutcome *outcome;

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[3], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "practice-manager", "Mrs C Evans");
  represent (fx.large, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2022-06-01", NULL,
             CLW_ARRANGEMENT_STATUS_AGREED, "2022-06-01", "2022-06-09");

  report = evaluate ("2022-10-15");
  outcome = check_outcome (report, fx.large, fx.meetings[3], FALSE,
                           "but the health board agreed only on 9 Jun 2022, after the meeting; "
                           "not counted.");
  ck_assert_ptr_nonnull (outcome->warning);
  ck_assert_str_eq (outcome->warning, outcome->reason);
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "8 Jun 2022: Attended by the practice manager (Mrs C Evans), but the health "
                   "board agreed only on 9 Jun 2022");
}
END_TEST

START_TEST (test_practice_manager_without_agreement)
{
  g_autoptr(ClwQaifReport) report = NULL;
  const ClwMeetingOutcome *outcome;

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[3], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "practice-manager", "Mrs C Evans");
  /* Requests that do not help: another practice's, a refused one, and
   * one agreed for a period that ended before the meeting. */
  represent (fx.buddy, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2021-10-01", NULL,
             CLW_ARRANGEMENT_STATUS_AGREED, "2021-09-01", "2021-09-20");

  report = evaluate ("2022-10-15");
  outcome = check_outcome (report, fx.large, fx.meetings[3], FALSE,
                           "Attended by the practice manager (Mrs C Evans) without the health "
                           "board's prior agreement; not counted.");
  ck_assert_ptr_nonnull (outcome->warning);
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "8 Jun 2022: Attended by the practice manager (Mrs C Evans) without the "
                   "health board's prior agreement; not counted.");
  g_clear_object (&report);

  represent (fx.large, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2021-10-01", "2022-03-31",
             CLW_ARRANGEMENT_STATUS_ENDED, "2021-09-01", "2021-09-20");
  report = evaluate ("2022-10-15");
  check_outcome (report, fx.large, fx.meetings[3], FALSE,
                 "after the arrangement agreed by the health board ended on 31 Mar 2022; not counted.");
  g_clear_object (&report);

  represent (fx.large, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2022-04-01", NULL,
             CLW_ARRANGEMENT_STATUS_REFUSED, "2022-04-01", "2022-04-20");
  report = evaluate ("2022-10-15");
  check_outcome (report, fx.large, fx.meetings[3], FALSE,
                 "but the health board refused the request on 20 Apr 2022; not counted.");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
}
END_TEST

START_TEST (test_alternative_representative)
{
  g_autoptr(ClwQaifReport) report = NULL;

  for (guint i = 0; i < 3; i++)
    {
      attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
      attend (fx.meetings[i], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr E Price");
    }
  /* W10001 sends its senior administrator with the prior agreement of the
   * health board for that meeting; W10003 asked, but nobody decided. */
  attend (fx.meetings[3], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "senior-administrator", "Mr D Hughes");
  represent (fx.large, CLW_REPRESENTATION_KIND_ALTERNATIVE, fx.meetings[3], NULL, NULL,
             CLW_ARRANGEMENT_STATUS_AGREED, "2022-05-20", "2022-06-01");
  attend (fx.meetings[3], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "senior-administrator", "Ms F Lloyd");
  represent (fx.buddy, CLW_REPRESENTATION_KIND_ALTERNATIVE, fx.meetings[3], NULL, NULL,
             CLW_ARRANGEMENT_STATUS_REQUESTED, "2022-06-01", NULL);

  report = evaluate ("2022-10-15");
  check_outcome (report, fx.large, fx.meetings[3], TRUE,
                 "Attended by a senior administrator (Mr D Hughes), with the health board's prior "
                 "agreement of 1 Jun 2022 for this meeting.");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
  check_outcome (report, fx.buddy, fx.meetings[3], FALSE,
                 "but the health board had not agreed the request before the meeting; not counted.");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
}
END_TEST

START_TEST (test_role_other)
{
  g_autoptr(ClwQaifReport) report = NULL;

  for (guint i = 0; i < 3; i++)
    {
      attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
      attend (fx.meetings[i], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr E Price");
    }
  /* A practice manager arrangement does not cover someone in another role. */
  attend (fx.meetings[3], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "other", "Mr G Morgan");
  represent (fx.large, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2021-10-01", NULL,
             CLW_ARRANGEMENT_STATUS_AGREED, "2021-09-01", "2021-09-20");
  /* An alternative representative agreed for the meeting does. */
  attend (fx.meetings[3], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "other", "Ms H Thomas");
  represent (fx.buddy, CLW_REPRESENTATION_KIND_ALTERNATIVE, fx.meetings[3], NULL, NULL,
             CLW_ARRANGEMENT_STATUS_AGREED, "2022-06-01", "2022-06-07");

  report = evaluate ("2022-10-15");
  check_outcome (report, fx.large, fx.meetings[3], FALSE,
                 "Attended by a representative in another role (Mr G Morgan) without the health "
                 "board's prior agreement; not counted.");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
  check_outcome (report, fx.buddy, fx.meetings[3], TRUE,
                 "with the health board's prior agreement of 7 Jun 2022 for this meeting.");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
}
END_TEST

/* Buddying --------------------------------------------------------------------- */

static void
small_sends_apologies (void)
{
  attend_all (fx.buddy, "clinical-partner", "Dr E Price");
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    attend (fx.meetings[i], fx.small, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL, NULL);
}

START_TEST (test_buddy_with_engagement)
{
  g_autoptr(ClwQaifReport) report = NULL;

  small_sends_apologies ();
  buddy_up (fx.small, fx.buddy, "2021-10-15", NULL, CLW_ARRANGEMENT_STATUS_AGREED,
            "2021-10-01", "2021-10-14");
  for (guint i = 0; i < 3; i++)
    engage (fx.small, fx.meetings[i], CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);
  engage (fx.small, fx.meetings[3], CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY);

  report = evaluate ("2022-10-15");
  check_outcome (report, fx.small, fx.meetings[0], TRUE,
                 "Represented through its buddy W10003, with e-mail participation recorded.");
  check_outcome (report, fx.small, fx.meetings[3], TRUE,
                 "Represented through its buddy W10003, with comments fed to the buddy practice recorded.");
  check_indicator (report, fx.small, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
  ck_assert_str_eq (clw_practice_result_get_buddy_code (practice_result (report, fx.small)), "W10003");
  ck_assert_ptr_null (clw_practice_result_get_buddy_code (practice_result (report, fx.buddy)));
}
END_TEST

START_TEST (test_buddy_without_engagement)
{
  g_autoptr(ClwQaifReport) report = NULL;
  const ClwMeetingOutcome *outcome;

  small_sends_apologies ();
  buddy_up (fx.small, fx.buddy, "2021-10-15", NULL, CLW_ARRANGEMENT_STATUS_AGREED,
            "2021-10-01", "2021-10-14");
  for (guint i = 0; i < 3; i++)
    engage (fx.small, fx.meetings[i], CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);

  report = evaluate ("2022-10-15");
  outcome = check_outcome (report, fx.small, fx.meetings[3], FALSE,
                           "Its buddy W10003 attended, but no e-mail participation or comments from "
                           "the practice are recorded for this meeting; not counted.");
  ck_assert_ptr_nonnull (outcome->warning);
  check_indicator (report, fx.small, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
}
END_TEST

START_TEST (test_buddy_agreed_after_meeting)
{
  g_autoptr(ClwQaifReport) report = NULL;

  small_sends_apologies ();
  /* The arrangement runs from 1 November but was agreed on 15 November,
   * after the meeting of 10 November. */
  buddy_up (fx.small, fx.buddy, "2021-11-01", NULL, CLW_ARRANGEMENT_STATUS_AGREED,
            "2021-10-20", "2021-11-15");
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    engage (fx.small, fx.meetings[i], CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);

  report = evaluate ("2022-10-15");
  check_outcome (report, fx.small, fx.meetings[0], FALSE,
                 "Sent apologies; not counted. Its buddy W10003 attended, but the health board "
                 "agreed the buddy arrangement only on 15 Nov 2021, after the meeting.");
  check_outcome (report, fx.small, fx.meetings[1], TRUE, "Represented through its buddy W10003");
  check_indicator (report, fx.small, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
}
END_TEST

START_TEST (test_buddy_arrangement_ended)
{
  g_autoptr(ClwQaifReport) report = NULL;

  small_sends_apologies ();
  buddy_up (fx.small, fx.buddy, "2021-10-15", "2022-02-28", CLW_ARRANGEMENT_STATUS_ENDED,
            "2021-10-01", "2021-10-14");
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    engage (fx.small, fx.meetings[i], CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);

  report = evaluate ("2022-10-15");
  check_outcome (report, fx.small, fx.meetings[1], TRUE, "Represented through its buddy W10003");
  check_outcome (report, fx.small, fx.meetings[2], FALSE,
                 "Its buddy W10003 attended, but the buddy arrangement ended on 28 Feb 2022.");
  check_outcome (report, fx.small, fx.meetings[3], FALSE, "Sent apologies; not counted.");
  check_indicator (report, fx.small, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "2 of 4 meetings counted.");
  ck_assert_int_eq (clw_practice_result_get_meetings_counted (practice_result (report, fx.small)), 2);
  /* Ended: no buddy any more. */
  ck_assert_ptr_null (clw_practice_result_get_buddy_code (practice_result (report, fx.small)));
}
END_TEST

START_TEST (test_buddy_not_represented)
{
  g_autoptr(ClwQaifReport) report = NULL;

  attend (fx.meetings[0], fx.buddy, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL, NULL);
  attend (fx.meetings[0], fx.small, CLW_ATTENDANCE_STATUS_ABSENT, NULL, NULL);
  buddy_up (fx.small, fx.buddy, "2021-10-15", NULL, CLW_ARRANGEMENT_STATUS_AGREED,
            "2021-10-01", "2021-10-14");
  engage (fx.small, fx.meetings[0], CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);

  report = evaluate ("2022-10-15");
  check_outcome (report, fx.small, fx.meetings[0], FALSE,
                 "Recorded as absent; not counted. Its buddy W10003 was not represented either.");
  check_indicator (report, fx.small, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "0 of 4 meetings counted.");
}
END_TEST

/* Meetings ---------------------------------------------------------------------- */

START_TEST (test_cancelled_meeting)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autofree char *cancelled = add_meeting ("2022-07-13T14:00", CLW_MEETING_STATUS_CANCELLED);
  const ClwMeetingOutcome *outcome;

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (cancelled, fx.large, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL, NULL);
  attend_all (fx.buddy, "clinical-partner", "Dr E Price");

  report = evaluate ("2022-10-15");
  outcome = check_outcome (report, fx.large, cancelled, FALSE, "Cancelled; does not count.");
  ck_assert_int_eq (outcome->status, CLW_MEETING_STATUS_CANCELLED);
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
  ck_assert_uint_eq (clw_practice_result_get_n_meetings (practice_result (report, fx.large)), 5);
  ck_assert_int_eq (clw_cluster_summary_get_meetings_held (clw_qaif_report_lookup_cluster (report, fx.cluster_id)), 4);
}
END_TEST

START_TEST (test_meeting_still_planned_in_the_past)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autofree char *unrecorded = add_meeting ("2022-07-13T14:00", CLW_MEETING_STATUS_PLANNED);
  const ClwMeetingOutcome *outcome;

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  /* Attendance typed in at the meeting, which nobody marked as held. */
  attend (unrecorded, fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");

  report = evaluate ("2022-10-15");
  outcome = check_outcome (report, fx.large, unrecorded, FALSE, "Still marked as planned");
  ck_assert (!outcome->in_future);
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "13 Jul 2022: Still marked as planned");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
}
END_TEST

START_TEST (test_collaborative_held_three_meetings)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) fourth = clw_record_load (fx.db, CLW_TYPE_MEETING, fx.meetings[3], &error);

  ck_assert_no_error (error);
  g_object_set (fourth, "status", CLW_MEETING_STATUS_CANCELLED, NULL);
  clw_record_update (fourth, fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");

  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "The collaborative held only 3 meetings in the cycle; 4 are required.");
}
END_TEST

START_TEST (test_on_track_or_at_risk)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) fourth = NULL;
  const ClwMeetingOutcome *outcome;

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[0], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr E Price");

  /* As of 1 April 2022 the June meeting (recorded as held since) was
   * still to come. */
  report = evaluate ("2022-04-01");
  outcome = check_outcome (report, fx.large, fx.meetings[3], FALSE, "Not held yet.");
  ck_assert (outcome->in_future);
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_ON_TRACK, 0,
                   "1 more meeting is planned before 30 Sep 2022.");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_ON_TRACK, 0, "3 of 4 meetings counted.");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_AT_RISK, 0,
                   "Only 1 more meeting is planned before 30 Sep 2022.");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_AT_RISK, 0,
                   "2 more meetings must be planned and attended.");
  g_clear_object (&report);

  /* Without the June meeting nothing more is planned. */
  fourth = clw_record_load (fx.db, CLW_TYPE_MEETING, fx.meetings[3], &error);
  ck_assert_no_error (error);
  clw_record_delete (fourth, fx.db, &error);
  ck_assert_no_error (error);

  report = evaluate ("2022-04-01");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_AT_RISK, 0,
                   "No more meetings are planned before 30 Sep 2022.");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_AT_RISK, 0,
                   "1 more meeting must be planned and attended.");
}
END_TEST

START_TEST (test_as_of_around_deadline)
{
  g_autoptr(ClwQaifReport) before = NULL;
  g_autoptr(ClwQaifReport) on = NULL;
  g_autoptr(ClwQaifReport) after = NULL;

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  contribute (fx.buddy, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-09-30", 0);
  add_evidence (fx.buddy, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2022-06-01");

  before = evaluate ("2022-09-29");
  check_indicator (before, fx.large, "CND014W", CLW_VERDICT_AT_RISK, 0,
                   "No more meetings are planned before 30 Sep 2022.");
  /* Submitted the next day: as of the 29th, it was not yet. */
  check_indicator (before, fx.buddy, "CND015W", CLW_VERDICT_AT_RISK, 0, "1 day left before the 30 Sep 2022 deadline.");
  ck_assert_int_eq (clw_practice_result_get_imtp_status (practice_result (before, fx.buddy)),
                    CLW_CONTRIBUTION_STATUS_DRAFT);
  ck_assert_int_eq (clw_cluster_summary_get_imtp_submitted (clw_qaif_report_lookup_cluster (before, fx.cluster_id)), 0);
  ck_assert_int_eq (clw_qaif_report_get_days_left (before), 1);

  on = evaluate ("2022-09-30");
  check_indicator (on, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
  check_indicator (on, fx.buddy, "CND015W", CLW_VERDICT_ACHIEVED, 40, "Submitted on 30 Sep 2022");
  ck_assert_int_eq (clw_practice_result_get_imtp_status (practice_result (on, fx.buddy)),
                    CLW_CONTRIBUTION_STATUS_SUBMITTED);
  ck_assert_int_eq (clw_cluster_summary_get_imtp_submitted (clw_qaif_report_lookup_cluster (on, fx.cluster_id)), 1);
  check_indicator (on, fx.small, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "No IMTP contribution was submitted by the 30 Sep 2022 deadline.");
  ck_assert_int_eq (clw_qaif_report_get_days_left (on), 0);

  after = evaluate ("2023-01-10");
  check_indicator (after, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "3 of 4 meetings counted.");
  check_indicator (after, fx.buddy, "CND015W", CLW_VERDICT_ACHIEVED, 40, "Submitted on 30 Sep 2022");
  ck_assert_int_eq (clw_qaif_report_get_days_left (after), 0);
}
END_TEST

/* IMTP contribution -------------------------------------------------------------- */

START_TEST (test_imtp_submitted_on_deadline)
{
  g_autoptr(ClwQaifReport) report = NULL;

  contribute (fx.large, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-09-30", 0);
  add_evidence (fx.large, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2022-05-01");

  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_ACHIEVED, 40,
                   "Submitted on 30 Sep 2022 with all five sections complete and the evidence required.");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_ACHIEVED, 40,
                   "Partnership working: evidence dated 1 May 2022.");
  ck_assert (clw_practice_result_has_imtp_contribution (practice_result (report, fx.large)));
  ck_assert_int_eq (clw_practice_result_get_imtp_status (practice_result (report, fx.large)),
                    CLW_CONTRIBUTION_STATUS_SUBMITTED);
}
END_TEST

START_TEST (test_imtp_submitted_late)
{
  g_autoptr(ClwQaifReport) report = NULL;

  contribute (fx.large, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-10-01", 0);
  add_evidence (fx.large, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2022-05-01");

  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "Submitted on 1 Oct 2022, after the 30 Sep 2022 deadline.");
  ck_assert_str_eq (clw_practice_result_find_indicator (practice_result (report, fx.large), "CND015W")->reasons[0],
                    "Submitted on 1 Oct 2022, after the 30 Sep 2022 deadline.");
}
END_TEST

START_TEST (test_imtp_incomplete_sections)
{
  g_autoptr(ClwQaifReport) report = NULL;

  contribute (fx.large, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-09-01",
              1u << CLW_IMTP_SECTION_KIND_DEMAND_CAPACITY | 1u << CLW_IMTP_SECTION_KIND_WORKFORCE);
  add_evidence (fx.large, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2022-05-01");
  contribute (fx.buddy, CLW_CONTRIBUTION_STATUS_DRAFT, NULL, 1u << CLW_IMTP_SECTION_KIND_PERFORMANCE);
  add_evidence (fx.buddy, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2022-05-01");

  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "Sections not complete: Workforce, Demand and capacity (QI domain).");
  check_indicator (report, fx.buddy, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "The IMTP contribution was not submitted by the 30 Sep 2022 deadline.");
  check_indicator (report, fx.buddy, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "Sections not complete: Performance against the primary care measures.");
  g_clear_object (&report);

  /* Before the deadline there is still time. */
  report = evaluate ("2022-05-15");
  check_indicator (report, fx.buddy, "CND015W", CLW_VERDICT_ON_TRACK, 0,
                   "The IMTP contribution is still a draft");
  check_indicator (report, fx.buddy, "CND015W", CLW_VERDICT_ON_TRACK, 0,
                   "138 days left before the 30 Sep 2022 deadline.");
}
END_TEST

START_TEST (test_imtp_missing_partnership_evidence)
{
  g_autoptr(ClwQaifReport) report = NULL;

  contribute (fx.large, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-09-01", 0);
  /* Evidence of another kind does not do. */
  add_evidence (fx.large, CLW_EVIDENCE_KIND_DEMAND_CAPACITY, "2022-05-01");

  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "Missing evidence: Partnership working, due 30 Sep 2022; the due date has passed.");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "Submitted on 1 Sep 2022, but not everything required is in place.");
}
END_TEST

START_TEST (test_imtp_evidence_before_cycle)
{
  g_autoptr(ClwQaifReport) report = NULL;

  contribute (fx.large, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-09-01", 0);
  add_evidence (fx.large, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2021-09-15");

  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "Partnership working: the evidence dated 15 Sep 2021 is from before the cycle, "
                   "which started on 1 Oct 2021; it does not count.");
  g_clear_object (&report);

  /* Dated on the first day of the cycle, it counts. */
  add_evidence (fx.large, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2021-10-01");
  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_ACHIEVED, 40,
                   "Partnership working: evidence dated 1 Oct 2021.");
}
END_TEST

START_TEST (test_imtp_risk_window)
{
  g_autoptr(ClwQaifReport) report = NULL;

  contribute (fx.large, CLW_CONTRIBUTION_STATUS_DRAFT, NULL, 0);

  /* 61 days before 30 September: on track. */
  report = evaluate ("2022-07-31");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_ON_TRACK, 0,
                   "61 days left before the 30 Sep 2022 deadline.");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_ON_TRACK, 0,
                   "Missing evidence: Partnership working, due 30 Sep 2022.");
  g_clear_object (&report);

  /* 60 days: inside the window. */
  report = evaluate ("2022-08-01");
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_AT_RISK, 0,
                   "60 days left before the 30 Sep 2022 deadline.");
  ck_assert (clw_practice_result_needs_attention (practice_result (report, fx.large)));
}
END_TEST

/* Cluster outcomes --------------------------------------------------------------- */

START_TEST (test_cluster_outcomes)
{
  g_autoptr(ClwQaifReport) report = NULL;

  add_evidence (fx.large, CLW_EVIDENCE_KIND_PNA_CONTRIBUTION, "2022-03-03");

  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND016W", CLW_VERDICT_ACHIEVED, 20,
                   "Population needs assessment contribution: evidence dated 3 Mar 2022.");
  check_indicator (report, fx.small, "CND016W", CLW_VERDICT_NOT_ACHIEVED, 0,
                   "Missing evidence: Population needs assessment contribution, due 30 Sep 2022");
  g_clear_object (&report);

  report = evaluate ("2022-06-15");
  check_indicator (report, fx.small, "CND016W", CLW_VERDICT_ON_TRACK, 0,
                   "107 days left before the 30 Sep 2022 deadline.");
  g_clear_object (&report);

  report = evaluate ("2022-09-01");
  check_indicator (report, fx.small, "CND016W", CLW_VERDICT_AT_RISK, 0,
                   "29 days left before the 30 Sep 2022 deadline.");
  /* The evidence of March did not exist as of February. */
  g_clear_object (&report);
  report = evaluate ("2022-02-01");
  check_indicator (report, fx.large, "CND016W", CLW_VERDICT_ON_TRACK, 0,
                   "Missing evidence: Population needs assessment contribution");
}
END_TEST

START_TEST (test_missing_evidence_list)
{
  g_autoptr(ClwQaifReport) report = NULL;
  ClwPracticeResult *result;
  gint64 n_requirements = clw_test_query_int (fx.db,
                                              "SELECT count(*) FROM evidence_requirement r "
                                              "JOIN cycle c ON c.id = r.cycle_id WHERE c.code = '" CYCLE "'");
  gboolean saw_blocking = FALSE;

  add_evidence (fx.large, CLW_EVIDENCE_KIND_PEER_REVIEW, "2022-04-01");

  report = evaluate ("2022-05-01");
  result = practice_result (report, fx.large);
  ck_assert_int_gt (n_requirements, 2);
  ck_assert_uint_eq (clw_practice_result_get_n_missing_evidence (result), n_requirements - 1);
  for (guint i = 0; i < clw_practice_result_get_n_missing_evidence (result); i++)
    {
      const ClwMissingEvidence *missing = clw_practice_result_get_missing_evidence (result, i);

      ck_assert_int_ne (missing->kind, CLW_EVIDENCE_KIND_PEER_REVIEW);
      ck_assert_str_eq (missing->due_on, "2022-09-30");
      ck_assert (!missing->overdue);
      ck_assert_ptr_nonnull (missing->description);
      if (missing->kind == CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING)
        saw_blocking = missing->blocking;
    }
  ck_assert (saw_blocking);
  g_clear_object (&report);

  report = evaluate ("2022-10-01");
  result = practice_result (report, fx.large);
  ck_assert (clw_practice_result_get_missing_evidence (result, 0)->overdue);
}
END_TEST

/* Scoring ------------------------------------------------------------------------- */

START_TEST (test_proportional_scoring)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) indicators = NULL;
  const char *params[] = { fx.cycle_id, NULL };

  indicators = clw_record_list (fx.db, CLW_TYPE_INDICATOR, "cycle_id = ?", params, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (indicators)); i++)
    {
      g_autoptr(ClwRecord) indicator = g_list_model_get_item (G_LIST_MODEL (indicators), i);

      g_object_set (indicator, "scoring", CLW_SCORING_PROPORTIONAL, NULL);
      clw_record_update (indicator, fx.db, CLW_WRITE_DEFAULT, &error);
      ck_assert_no_error (error);
    }

  for (guint i = 0; i < 3; i++)
    attend (fx.meetings[i], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[0], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr E Price");
  contribute (fx.large, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-09-01", 1u << CLW_IMTP_SECTION_KIND_WORKFORCE);

  report = evaluate ("2022-10-15");
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 30, "3 of 4 meetings counted.");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 10, "1 of 4 meetings counted.");
  check_indicator (report, fx.small, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "0 of 4 meetings counted.");
  /* The other rules stay all or nothing. */
  check_indicator (report, fx.large, "CND015W", CLW_VERDICT_NOT_ACHIEVED, 0, "Sections not complete: Workforce.");
  ck_assert_int_eq (clw_practice_result_get_points (practice_result (report, fx.large)), 30);
  ck_assert_int_eq (clw_practice_result_get_points_possible (practice_result (report, fx.large)), 100);
}
END_TEST

/* Summaries and scopes --------------------------------------------------------------- */

static char *
second_cluster_of_board (void)
{
  g_autoptr(GError) error = NULL;
  const char *params[] = { fx.board_id, fx.cluster_id, NULL };
  g_autoptr(GListStore) clusters = NULL;
  g_autoptr(ClwRecord) cluster = NULL;

  clusters = clw_record_list (fx.db, CLW_TYPE_CLUSTER, "health_board_id = ? AND id != ?", params, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (g_list_model_get_n_items (G_LIST_MODEL (clusters)), 0);
  cluster = g_list_model_get_item (G_LIST_MODEL (clusters), 0);
  return g_strdup (clw_record_get_id (cluster));
}

static guint
count_board_clusters (void)
{
  g_autoptr(GError) error = NULL;
  const char *params[] = { fx.board_id, NULL };
  g_autoptr(GListStore) clusters = NULL;

  clusters = clw_record_list (fx.db, CLW_TYPE_CLUSTER, "health_board_id = ?", params, &error);
  ck_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (clusters));
}

START_TEST (test_cluster_summary)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(ClwQaifReport) all = NULL;
  g_autoptr(ClwClusterSummary) board = NULL;
  g_autoptr(ClwClusterSummary) wales = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) third = NULL;
  g_autoptr(ClwRecord) fourth = NULL;
  g_autofree char *other_cluster = second_cluster_of_board ();
  g_autofree char *other_collaborative = gp_collaborative_of (other_cluster);
  g_autofree char *other_practice = add_practice_in (other_cluster, "W20001", 4, 8000);
  g_autofree char *other_meeting = add_meeting_of (other_collaborative, "2021-12-01T13:00",
                                                   CLW_MEETING_STATUS_HELD);
  g_autofree char *september = add_meeting ("2022-09-14T14:00", CLW_MEETING_STATUS_PLANNED);
  gint64 n_board_clusters;
  ClwClusterSummary *summary;
  const ClwMeetingAttendance *meeting;

  /* The meeting of 9 March was cancelled, the one of 8 June is planned. */
  third = clw_record_load (fx.db, CLW_TYPE_MEETING, fx.meetings[2], &error);
  ck_assert_no_error (error);
  g_object_set (third, "status", CLW_MEETING_STATUS_CANCELLED, NULL);
  clw_record_update (third, fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  fourth = clw_record_load (fx.db, CLW_TYPE_MEETING, fx.meetings[3], &error);
  ck_assert_no_error (error);
  g_object_set (fourth, "status", CLW_MEETING_STATUS_PLANNED, NULL);
  clw_record_update (fourth, fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  attend (fx.meetings[0], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[1], fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[0], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr E Price");
  attend (fx.meetings[1], fx.buddy, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL, NULL);
  attend (fx.meetings[0], fx.small, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL, NULL);
  attend (fx.meetings[1], fx.small, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL, NULL);
  buddy_up (fx.small, fx.buddy, "2021-10-15", NULL, CLW_ARRANGEMENT_STATUS_AGREED, "2021-10-01", "2021-10-14");
  engage (fx.small, fx.meetings[0], CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);
  attend (other_meeting, other_practice, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr I Roberts");

  contribute (fx.large, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-03-20", 0);
  add_evidence (fx.large, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2022-02-01");
  add_evidence (fx.large, CLW_EVIDENCE_KIND_PNA_CONTRIBUTION, "2022-03-01");
  contribute (fx.buddy, CLW_CONTRIBUTION_STATUS_DRAFT, NULL, 0);
  /* Submitted after the as-of date: not yet. */
  contribute (other_practice, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-06-01", 0);

  /* Waiting for the health board: two as of 1 April, one made later. */
  represent (fx.buddy, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2022-03-01", NULL,
             CLW_ARRANGEMENT_STATUS_REQUESTED, "2022-02-01", NULL);
  buddy_up (fx.small, fx.large, "2022-10-01", NULL, CLW_ARRANGEMENT_STATUS_REQUESTED, "2022-03-01", NULL);
  represent (fx.large, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2022-06-01", NULL,
             CLW_ARRANGEMENT_STATUS_REQUESTED, "2022-05-01", NULL);
  represent (other_practice, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL, "2022-03-01", NULL,
             CLW_ARRANGEMENT_STATUS_REQUESTED, "2022-02-01", NULL);

  report = evaluate_scope ("2022-04-01", CLW_SCOPE_HEALTH_BOARD, fx.board_id);
  summary = clw_qaif_report_lookup_cluster (report, fx.cluster_id);
  ck_assert_ptr_nonnull (summary);
  ck_assert_str_eq (clw_cluster_summary_get_cluster_id (summary), fx.cluster_id);
  ck_assert_str_eq (clw_cluster_summary_get_health_board_id (summary), fx.board_id);
  ck_assert_int_eq (clw_cluster_summary_get_n_clusters (summary), 1);
  ck_assert_int_eq (clw_cluster_summary_get_n_practices (summary), 3);
  /* W10001: on track for CND014W, CND015W and CND016W achieved. */
  check_indicator (report, fx.large, "CND014W", CLW_VERDICT_ON_TRACK, 0, "2 more meetings are planned");
  check_indicator (report, fx.buddy, "CND014W", CLW_VERDICT_AT_RISK, 0, "1 of 4 meetings counted.");
  check_indicator (report, fx.small, "CND014W", CLW_VERDICT_AT_RISK, 0, "1 of 4 meetings counted.");
  ck_assert_int_eq (clw_cluster_summary_get_points (summary), 60);
  ck_assert_int_eq (clw_cluster_summary_get_points_possible (summary), 300);
  ck_assert_int_eq (clw_cluster_summary_get_practices_at_risk (summary), 2);
  ck_assert_uint_eq (clw_cluster_summary_get_n_indicators (summary), 3);
  ck_assert_str_eq (clw_cluster_summary_get_indicator_code (summary, 0), "CND014W");
  ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 0, CLW_VERDICT_ON_TRACK), 1);
  ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 0, CLW_VERDICT_AT_RISK), 2);
  ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 0, CLW_VERDICT_ACHIEVED), 0);
  ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 1, CLW_VERDICT_ACHIEVED), 1);
  ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 1, CLW_VERDICT_ON_TRACK), 2);
  ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 2, CLW_VERDICT_ACHIEVED), 1);
  ck_assert_int_eq (clw_cluster_summary_get_meetings_held (summary), 2);
  ck_assert_int_eq (clw_cluster_summary_get_meetings_planned (summary), 2);
  ck_assert_int_eq (clw_cluster_summary_get_meetings_required (summary), 4);
  ck_assert_int_eq (clw_cluster_summary_get_days_left (summary), 182);
  ck_assert_int_eq (clw_cluster_summary_get_imtp_submitted (summary), 1);
  ck_assert_int_eq (clw_cluster_summary_get_imtp_total (summary), 3);
  ck_assert_int_eq (clw_cluster_summary_get_pending_requests (summary), 2);

  ck_assert_uint_eq (clw_cluster_summary_get_n_meetings (summary), 5);
  meeting = clw_cluster_summary_get_meeting (summary, 0);
  ck_assert_str_eq (meeting->meeting_id, fx.meetings[0]);
  ck_assert_int_eq (meeting->counted, 3);
  ck_assert_int_eq (meeting->practices, 3);
  meeting = clw_cluster_summary_get_meeting (summary, 1);
  ck_assert_int_eq (meeting->counted, 1);
  meeting = clw_cluster_summary_get_meeting (summary, 2);
  ck_assert_int_eq (meeting->status, CLW_MEETING_STATUS_CANCELLED);
  ck_assert_int_eq (meeting->counted, 0);
  meeting = clw_cluster_summary_get_meeting (summary, 4);
  ck_assert_str_eq (meeting->meeting_id, september);
  ck_assert_str_eq (meeting->starts_at, "2022-09-14T14:00");
  ck_assert_int_eq (meeting->status, CLW_MEETING_STATUS_PLANNED);

  /* The health board's roll-up adds up its clusters. */
  n_board_clusters = count_board_clusters ();
  ck_assert_int_eq (g_list_model_get_n_items (clw_qaif_report_get_clusters (report)), n_board_clusters);
  board = clw_qaif_report_sum_clusters (report, fx.board_id);
  ck_assert_ptr_null (clw_cluster_summary_get_cluster_id (board));
  ck_assert_str_eq (clw_cluster_summary_get_health_board_id (board), fx.board_id);
  ck_assert_str_eq (clw_cluster_summary_get_name (board), "Aneurin Bevan University Health Board");
  ck_assert_int_eq (clw_cluster_summary_get_n_clusters (board), n_board_clusters);
  ck_assert_int_eq (clw_cluster_summary_get_n_practices (board), 4);
  /* W20001 has earned nothing yet: its contribution came in June. */
  ck_assert_int_eq (clw_cluster_summary_get_points (board), 60);
  ck_assert_int_eq (clw_cluster_summary_get_points_possible (board), 400);
  ck_assert_int_eq (clw_cluster_summary_get_meetings_held (board), 3);
  ck_assert_int_eq (clw_cluster_summary_get_meetings_required (board), 4 * n_board_clusters);
  ck_assert_int_eq (clw_cluster_summary_get_imtp_submitted (board), 1);
  ck_assert_int_eq (clw_cluster_summary_get_imtp_total (board), 4);
  ck_assert_int_eq (clw_cluster_summary_get_pending_requests (board), 3);
  ck_assert_int_eq (clw_cluster_summary_get_days_left (board), 182);
  ck_assert_int_eq (clw_cluster_summary_count_verdict (board, 0, CLW_VERDICT_AT_RISK), 3);
  ck_assert_uint_eq (clw_cluster_summary_get_n_meetings (board), 0);

  /* All of Wales: the same figures, and every cluster. */
  all = evaluate_scope ("2022-04-01", CLW_SCOPE_ALL, NULL);
  wales = clw_qaif_report_sum_clusters (all, NULL);
  ck_assert_str_eq (clw_cluster_summary_get_name (wales), "All of Wales");
  ck_assert_int_eq (clw_cluster_summary_get_n_clusters (wales),
                    clw_test_query_int (fx.db, "SELECT count(*) FROM cluster"));
  ck_assert_int_eq (clw_cluster_summary_get_n_practices (wales), 4);
  ck_assert_int_eq (clw_cluster_summary_get_points (wales), 60);
  ck_assert_int_eq (clw_cluster_summary_get_pending_requests (wales), 3);
  ck_assert_uint_eq (g_list_model_get_n_items (clw_qaif_report_get_practices (all)), 4);
}
END_TEST

START_TEST (test_practice_scope)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(GListModel) cluster_practices = NULL;
  ClwClusterSummary *summary;

  small_sends_apologies ();
  buddy_up (fx.small, fx.buddy, "2021-10-15", NULL, CLW_ARRANGEMENT_STATUS_AGREED,
            "2021-10-01", "2021-10-14");
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    engage (fx.small, fx.meetings[i], CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);

  /* The small practice alone: its buddy's attendance still counts. */
  report = evaluate_scope ("2022-10-15", CLW_SCOPE_PRACTICE, fx.small);
  ck_assert_uint_eq (g_list_model_get_n_items (clw_qaif_report_get_practices (report)), 1);
  ck_assert_ptr_null (clw_qaif_report_lookup_practice (report, fx.buddy));
  check_indicator (report, fx.small, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
  ck_assert_str_eq (clw_practice_result_get_cluster_id (practice_result (report, fx.small)), fx.cluster_id);

  ck_assert_uint_eq (g_list_model_get_n_items (clw_qaif_report_get_clusters (report)), 1);
  summary = clw_qaif_report_lookup_cluster (report, fx.cluster_id);
  ck_assert_ptr_nonnull (summary);
  ck_assert_int_eq (clw_cluster_summary_get_n_practices (summary), 3);
  ck_assert_int_eq (clw_cluster_summary_get_meeting (summary, 0)->counted, 2);

  cluster_practices = clw_qaif_report_list_cluster_practices (report, fx.cluster_id);
  ck_assert_uint_eq (g_list_model_get_n_items (cluster_practices), 1);
  ck_assert_uint_eq (g_list_model_get_n_items (clw_qaif_report_get_indicators (report)), 3);
  ck_assert_str_eq (clw_qaif_report_get_cycle_code (report), CYCLE);
  ck_assert_int_eq (clw_qaif_report_get_pence_per_point (report), 17900);
  ck_assert_int_eq (g_date_get_month (clw_qaif_report_get_deadline (report)), G_DATE_SEPTEMBER);
  ck_assert_int_eq (g_date_get_day (clw_qaif_report_get_starts_on (report)), 1);
  ck_assert_int_eq (g_date_get_year (clw_qaif_report_get_as_of (report)), 2022);
}
END_TEST

static void
assert_same_results (ClwQaifReport *expected,
                     ClwQaifReport *actual)
{
  GListModel *practices = clw_qaif_report_get_practices (expected);

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) a = g_list_model_get_item (practices, i);
      ClwPracticeResult *b = practice_result (actual, clw_practice_result_get_practice_id (a));

      ck_assert_uint_eq (clw_practice_result_get_n_indicators (a), clw_practice_result_get_n_indicators (b));
      for (guint j = 0; j < clw_practice_result_get_n_indicators (a); j++)
        {
          const ClwIndicatorResult *x = clw_practice_result_get_indicator (a, j);
          const ClwIndicatorResult *y = clw_practice_result_get_indicator (b, j);

          ck_assert_int_eq (x->verdict, y->verdict);
          ck_assert_int_eq (x->points, y->points);
          ck_assert (g_strv_equal ((const char * const *) x->reasons, (const char * const *) y->reasons));
        }
      ck_assert_uint_eq (clw_practice_result_get_n_meetings (a), clw_practice_result_get_n_meetings (b));
      for (guint j = 0; j < clw_practice_result_get_n_meetings (a); j++)
        {
          const ClwMeetingOutcome *x = clw_practice_result_get_meeting (a, j);
          const ClwMeetingOutcome *y = clw_practice_result_get_meeting (b, j);

          ck_assert_str_eq (x->meeting_id, y->meeting_id);
          ck_assert_int_eq (x->counted, y->counted);
          ck_assert_str_eq (x->reason, y->reason);
          ck_assert_str_eq (x->warning ? x->warning : "", y->warning ? y->warning : "");
        }
    }
}

START_TEST (test_all_of_wales_matches_cluster)
{
  g_autoptr(ClwQaifReport) cluster = NULL;
  g_autoptr(ClwQaifReport) wales = NULL;
  int counted = 0;

  /* A bit of everything. */
  attend_all (fx.large, "clinical-partner", "Dr A Jones");
  attend (fx.meetings[0], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "practice-manager", "Mrs C Evans");
  attend (fx.meetings[1], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr E Price");
  attend (fx.meetings[2], fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "other", "Mr G Morgan");
  represent (fx.buddy, CLW_REPRESENTATION_KIND_ALTERNATIVE, fx.meetings[2], NULL, NULL,
             CLW_ARRANGEMENT_STATUS_AGREED, "2022-03-01", "2022-03-02");
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    attend (fx.meetings[i], fx.small, CLW_ATTENDANCE_STATUS_APOLOGIES, NULL, NULL);
  buddy_up (fx.small, fx.large, "2021-10-15", NULL, CLW_ARRANGEMENT_STATUS_AGREED, "2021-10-01", "2021-10-14");
  engage (fx.small, fx.meetings[0], CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY);
  engage (fx.small, fx.meetings[1], CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY);
  engage (fx.small, fx.meetings[1], CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);
  contribute (fx.large, CLW_CONTRIBUTION_STATUS_SUBMITTED, "2022-09-01", 0);
  add_evidence (fx.large, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, "2022-02-01");
  add_evidence (fx.small, CLW_EVIDENCE_KIND_PNA_CONTRIBUTION, "2021-09-01");

  /* The cycle holds every GP meeting, then only a few of them: all of
   * Wales may read the tables either way, with the same results. */
  for (int round = 0; round < 2; round++)
    {
      cluster = evaluate ("2022-10-15");
      wales = evaluate_scope ("2022-10-15", CLW_SCOPE_ALL, NULL);
      assert_same_results (cluster, wales);
      check_indicator (wales, fx.small, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "2 of 4 meetings counted.");
      check_outcome (wales, fx.small, fx.meetings[0], TRUE, "with comments fed to the buddy practice recorded.");
      check_outcome (wales, fx.small, fx.meetings[1], TRUE, "with e-mail participation recorded.");
      check_indicator (wales, fx.buddy, "CND014W", CLW_VERDICT_NOT_ACHIEVED, 0, "2 of 4 meetings counted.");
      check_indicator (wales, fx.large, "CND015W", CLW_VERDICT_ACHIEVED, 40, "Submitted on 1 Sep 2022");
      counted += clw_practice_result_get_meetings_counted (practice_result (wales, fx.large));
      g_clear_object (&cluster);
      g_clear_object (&wales);

      for (int month = 1; round == 0 && month <= 12; month++)
        {
          g_autofree char *starts_at = g_strdup_printf ("%d-%02d-10T14:00", month >= 10 ? 2022 : 2023, month);

          g_free (add_meeting (starts_at, CLW_MEETING_STATUS_PLANNED));
        }
    }
  ck_assert_int_eq (counted, 8);
}
END_TEST

START_TEST (test_report_order_and_lists)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(GListModel) cluster_practices = NULL;
  GListModel *practices;
  g_autoptr(ClwPracticeResult) first = NULL;
  g_autoptr(ClwPracticeResult) last = NULL;
  g_autoptr(ClwIndicator) indicator = NULL;
  g_autofree char *code = NULL;
  ClwVerdict overall;

  report = evaluate ("2022-10-15");
  practices = clw_qaif_report_get_practices (report);
  ck_assert_uint_eq (g_list_model_get_n_items (practices), 3);
  first = g_list_model_get_item (practices, 0);
  last = g_list_model_get_item (practices, 2);
  ck_assert_str_eq (clw_practice_result_get_code (first), "W10001");
  ck_assert_str_eq (clw_practice_result_get_code (last), "W10003");
  ck_assert_int_eq (clw_practice_result_get_partners (first), 6);
  ck_assert_int_eq (clw_practice_result_get_list_size (first), 12000);
  ck_assert (!clw_practice_result_get_sustainability_issues (first));
  ck_assert_ptr_nonnull (clw_practice_result_get_cluster_name (first));
  ck_assert_uint_eq (clw_practice_result_get_n_indicators (first), 3);
  ck_assert_str_eq (clw_practice_result_get_indicator (first, 1)->code, "CND015W");
  ck_assert_int_eq (clw_practice_result_get_verdict (first, 0), CLW_VERDICT_NOT_ACHIEVED);
  ck_assert_int_eq (clw_practice_result_get_overall_verdict (first), CLW_VERDICT_NOT_ACHIEVED);
  ck_assert (!clw_practice_result_has_imtp_contribution (first));

  /* The figures are properties too, for list widgets. */
  g_object_get (first, "code", &code, "overall-verdict", &overall, NULL);
  ck_assert_str_eq (code, "W10001");
  ck_assert_int_eq (overall, CLW_VERDICT_NOT_ACHIEVED);

  indicator = g_list_model_get_item (clw_qaif_report_get_indicators (report), 0);
  ck_assert_str_eq (clw_indicator_get_code (indicator), "CND014W");

  cluster_practices = clw_qaif_report_list_cluster_practices (report, fx.cluster_id);
  ck_assert_uint_eq (g_list_model_get_n_items (cluster_practices), 3);
}
END_TEST

START_TEST (test_attendance_sheet_warning)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autofree char *today = add_meeting ("2022-09-14T14:00", CLW_MEETING_STATUS_PLANNED);
  const ClwMeetingOutcome *outcome;

  /* Typed in at the meeting, before it is marked as held. */
  attend (today, fx.large, CLW_ATTENDANCE_STATUS_ATTENDED, "practice-manager", "Mrs C Evans");
  attend (today, fx.buddy, CLW_ATTENDANCE_STATUS_ATTENDED, "clinical-partner", "Dr E Price");

  report = evaluate ("2022-09-14");
  outcome = check_outcome (report, fx.large, today, FALSE, "Still marked as planned");
  ck_assert_ptr_nonnull (outcome->warning);
  ck_assert_msg (strstr (outcome->warning, "without the health board's prior agreement") != NULL,
                 "warning: %s", outcome->warning);
  outcome = check_outcome (report, fx.buddy, today, FALSE, "Still marked as planned");
  ck_assert_ptr_null (outcome->warning);
  ck_assert_ptr_null (clw_practice_result_find_meeting (practice_result (report, fx.buddy),
                                                        fx.cluster_id));
}
END_TEST

/* Cycles, dates, errors, async --------------------------------------------------- */

START_TEST (test_cycles)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cycles = clw_qaif_list_cycles (fx.db, &error);
  g_autoptr(GDate) date = NULL;
  g_autofree char *code = NULL;

  ck_assert_no_error (error);
  ck_assert_uint_eq (g_strv_length (cycles), 6);
  ck_assert_str_eq (cycles[0], "2021-22");
  ck_assert_str_eq (cycles[5], "2026-27");

  date = clw_date_parse ("2022-09-30");
  code = clw_qaif_cycle_for_date (fx.db, date, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (code, "2021-22");
  g_free (code);

  g_date_add_days (date, 1);
  code = clw_qaif_cycle_for_date (fx.db, date, &error);
  ck_assert_str_eq (code, "2022-23");
  g_free (code);

  g_date_set_dmy (date, 1, 1, 2035);
  code = clw_qaif_cycle_for_date (fx.db, date, &error);
  ck_assert_str_eq (code, "2026-27");
  g_free (code);

  g_date_set_dmy (date, 1, 1, 2020);
  code = clw_qaif_cycle_for_date (fx.db, date, &error);
  ck_assert_ptr_null (code);
  ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_winter_pressure)
{
  g_autoptr(GDate) date = g_date_new_dmy (30, G_DATE_NOVEMBER, 2021);

  ck_assert (!clw_qaif_is_winter_pressure (date));
  g_date_set_dmy (date, 1, G_DATE_DECEMBER, 2021);
  ck_assert (clw_qaif_is_winter_pressure (date));
  g_date_set_dmy (date, 12, G_DATE_JANUARY, 2022);
  ck_assert (clw_qaif_is_winter_pressure (date));
  g_date_set_dmy (date, 29, G_DATE_FEBRUARY, 2024);
  ck_assert (clw_qaif_is_winter_pressure (date));
  g_date_set_dmy (date, 1, G_DATE_MARCH, 2024);
  ck_assert (!clw_qaif_is_winter_pressure (date));
}
END_TEST

START_TEST (test_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_MAY, 2022);
  ClwQaifReport *report;

  report = clw_qaif_evaluate (fx.db, "1999-00", CLW_SCOPE_ALL, NULL, date, &error);
  ck_assert_ptr_null (report);
  ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
  ck_assert_msg (strstr (error->message, "1999-00") != NULL, "%s", error->message);
  g_clear_error (&error);

  report = clw_qaif_evaluate (fx.db, CYCLE, CLW_SCOPE_CLUSTER, fx.large, date, &error);
  ck_assert_ptr_null (report);
  ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
  g_clear_error (&error);

  report = clw_qaif_evaluate (fx.db, CYCLE, CLW_SCOPE_PRACTICE, fx.cluster_id, date, &error);
  ck_assert_ptr_null (report);
  ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_as_of_defaults_to_database_today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwQaifReport) report = NULL;

  clw_database_set_meta (fx.db, "reference-date", "2022-04-01", &error);
  ck_assert_no_error (error);
  report = clw_qaif_evaluate (fx.db, CYCLE, CLW_SCOPE_CLUSTER, fx.cluster_id, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_date_get_month (clw_qaif_report_get_as_of (report)), G_DATE_APRIL);
  ck_assert_int_eq (clw_qaif_report_get_days_left (report), 182);
}
END_TEST

typedef struct
{
  GMainLoop     *loop;
  ClwQaifReport *report;
  GError        *error;
  gboolean       timed_out;
} AsyncState;

static void
evaluated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;

  state->report = clw_qaif_evaluate_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  AsyncState *state = user_data;

  state->timed_out = TRUE;
  g_main_loop_quit (state->loop);
  return G_SOURCE_REMOVE;
}

static void
run_async (AsyncState   *state,
           const char   *path,
           const char   *cycle,
           GDate        *as_of,
           GCancellable *cancellable)
{
  guint timeout;

  memset (state, 0, sizeof *state);
  state->loop = g_main_loop_new (NULL, FALSE);
  timeout = g_timeout_add_seconds (30, timeout_cb, state);
  clw_qaif_evaluate_async (path, cycle, CLW_SCOPE_CLUSTER, fx.cluster_id, as_of, cancellable,
                           evaluated_cb, state);
  g_main_loop_run (state->loop);
  if (!state->timed_out)
    g_source_remove (timeout);
  g_main_loop_unref (state->loop);
  ck_assert (!state->timed_out);
}

START_TEST (test_async)
{
  g_autoptr(GDate) as_of = g_date_new_dmy (15, G_DATE_OCTOBER, 2022);
  g_autoptr(ClwQaifReport) sync = NULL;
  g_autofree char *missing = clw_test_path ("no-such.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state;

  attend_all (fx.large, "clinical-partner", "Dr A Jones");
  sync = evaluate ("2022-10-15");

  run_async (&state, clw_database_get_path (fx.db), CYCLE, as_of, NULL);
  ck_assert_no_error (state.error);
  ck_assert_ptr_nonnull (state.report);
  ck_assert_uint_eq (g_list_model_get_n_items (clw_qaif_report_get_practices (state.report)), 3);
  check_indicator (state.report, fx.large, "CND014W", CLW_VERDICT_ACHIEVED, 40, "4 of 4 meetings counted.");
  ck_assert_int_eq (clw_practice_result_get_points (practice_result (state.report, fx.large)),
                    clw_practice_result_get_points (practice_result (sync, fx.large)));
  g_clear_object (&state.report);

  run_async (&state, clw_database_get_path (fx.db), "1999-00", as_of, NULL);
  ck_assert_ptr_null (state.report);
  ck_assert (g_error_matches (state.error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
  g_clear_error (&state.error);

  run_async (&state, missing, CYCLE, NULL, NULL);
  ck_assert_ptr_null (state.report);
  ck_assert (g_error_matches (state.error, CLW_DB_ERROR, CLW_DB_ERROR_OPEN));
  g_clear_error (&state.error);

  g_cancellable_cancel (cancellable);
  run_async (&state, clw_database_get_path (fx.db), CYCLE, as_of, cancellable);
  ck_assert_ptr_null (state.report);
  ck_assert (g_error_matches (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&state.error);
}
END_TEST

static Suite *
qaif_suite (void)
{
  Suite *s = suite_create ("qaif");
  TCase *tc;

  tc = tcase_create ("attendance");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_clinical_attendance);
  tcase_add_test (tc, test_practice_manager_prior_agreement);
  tcase_add_test (tc, test_practice_manager_agreed_same_day);
  tcase_add_test (tc, test_practice_manager_agreed_day_after);
  tcase_add_test (tc, test_practice_manager_without_agreement);
  tcase_add_test (tc, test_alternative_representative);
  tcase_add_test (tc, test_role_other);
  tcase_add_test (tc, test_attendance_sheet_warning);
  suite_add_tcase (s, tc);

  tc = tcase_create ("buddying");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_buddy_with_engagement);
  tcase_add_test (tc, test_buddy_without_engagement);
  tcase_add_test (tc, test_buddy_agreed_after_meeting);
  tcase_add_test (tc, test_buddy_arrangement_ended);
  tcase_add_test (tc, test_buddy_not_represented);
  suite_add_tcase (s, tc);

  tc = tcase_create ("meetings");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_cancelled_meeting);
  tcase_add_test (tc, test_meeting_still_planned_in_the_past);
  tcase_add_test (tc, test_collaborative_held_three_meetings);
  tcase_add_test (tc, test_on_track_or_at_risk);
  tcase_add_test (tc, test_as_of_around_deadline);
  suite_add_tcase (s, tc);

  tc = tcase_create ("imtp");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_imtp_submitted_on_deadline);
  tcase_add_test (tc, test_imtp_submitted_late);
  tcase_add_test (tc, test_imtp_incomplete_sections);
  tcase_add_test (tc, test_imtp_missing_partnership_evidence);
  tcase_add_test (tc, test_imtp_evidence_before_cycle);
  tcase_add_test (tc, test_imtp_risk_window);
  tcase_add_test (tc, test_cluster_outcomes);
  tcase_add_test (tc, test_missing_evidence_list);
  suite_add_tcase (s, tc);

  tc = tcase_create ("report");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_proportional_scoring);
  tcase_add_test (tc, test_cluster_summary);
  tcase_add_test (tc, test_practice_scope);
  tcase_add_test (tc, test_all_of_wales_matches_cluster);
  tcase_add_test (tc, test_report_order_and_lists);
  tcase_add_test (tc, test_cycles);
  tcase_add_test (tc, test_winter_pressure);
  tcase_add_test (tc, test_errors);
  tcase_add_test (tc, test_as_of_defaults_to_database_today);
  tcase_add_test (tc, test_async);
  suite_add_tcase (s, tc);

  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (qaif_suite (), argc, argv);
}
