/* test-lists.c: the lists the app shows, read through core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clw-test-util.h"

/* Two clusters of one board and one of another; practices in them. */
typedef struct
{
  ClwDatabase *db;
  char        *board_a;
  char        *board_b;
  char        *cluster_a;
  char        *cluster_b;
  char        *collaborative_a;
  char        *small;
  char        *large;
  char        *other_board_practice;
} Fixture;

static Fixture fx;

static char *
add_practice (const char *cluster_id,
              const char *code,
              int         partners,
              int         list_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPractice) practice = clw_practice_new ();

  g_object_set (practice,
                "cluster-id", cluster_id,
                "code", code,
                "name", code,
                "partners", partners,
                "list-size", list_size,
                NULL);
  clw_record_insert (CLW_RECORD (practice), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  return g_strdup (clw_record_get_id (CLW_RECORD (practice)));
}

static ClwMeeting *
add_meeting (const char *collaborative_id,
             const char *starts_at)
{
  g_autoptr(GError) error = NULL;
  ClwMeeting *meeting = clw_meeting_new ();

  g_object_set (meeting,
                "collaborative-id", collaborative_id,
                "starts-at", starts_at,
                "status", CLW_MEETING_STATUS_PLANNED,
                NULL);
  clw_meeting_create (meeting, fx.db, &error);
  ck_assert_no_error (error);
  return meeting;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwCollaborative) collaborative = NULL;

  fx.db = clw_test_new_database ();
  fx.board_a = clw_test_query_string (fx.db, "SELECT id FROM health_board WHERE code = '7A6'");
  fx.board_b = clw_test_query_string (fx.db, "SELECT id FROM health_board WHERE code = '7A7'");
  fx.cluster_a = clw_test_query_string (fx.db, "SELECT id FROM cluster WHERE code = 'AB01'");
  fx.cluster_b = clw_test_query_string (fx.db,
                                        "SELECT c.id FROM cluster c JOIN health_board h "
                                        "ON h.id = c.health_board_id WHERE h.code = '7A7' "
                                        "ORDER BY c.code LIMIT 1");

  collaborative = clw_collaborative_find_for_cluster (fx.db, fx.cluster_a, CLW_PROFESSION_GP, &error);
  ck_assert_no_error (error);
  fx.collaborative_a = g_strdup (clw_record_get_id (CLW_RECORD (collaborative)));

  fx.small = add_practice (fx.cluster_a, "W10001", 1, 2000);
  fx.large = add_practice (fx.cluster_a, "W10002", 8, 12000);
  fx.other_board_practice = add_practice (fx.cluster_b, "W20001", 2, 3000);
}

static void
teardown (void)
{
  g_clear_object (&fx.db);
  g_clear_pointer (&fx.board_a, g_free);
  g_clear_pointer (&fx.board_b, g_free);
  g_clear_pointer (&fx.cluster_a, g_free);
  g_clear_pointer (&fx.cluster_b, g_free);
  g_clear_pointer (&fx.collaborative_a, g_free);
  g_clear_pointer (&fx.small, g_free);
  g_clear_pointer (&fx.large, g_free);
  g_clear_pointer (&fx.other_board_practice, g_free);
}

static guint
n_items (GListStore *store)
{
  ck_assert_ptr_nonnull (store);
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

START_TEST (test_boards_and_clusters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) boards = clw_health_board_list_valid_on (fx.db, "2022-06-01", &error);
  g_autoptr(GListStore) before = clw_health_board_list_valid_on (fx.db, "2015-01-01", &error);
  g_autoptr(GListStore) clusters = NULL;
  g_autoptr(GListStore) all = NULL;
  guint n_in_board;

  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (boards), 7);
  /* Cwm Taf Morgannwg and Swansea Bay were made in 2019. */
  ck_assert_uint_eq (n_items (before), 5);

  clusters = clw_cluster_list_for_health_board (fx.db, fx.board_a, "2022-06-01", &error);
  ck_assert_no_error (error);
  n_in_board = n_items (clusters);
  ck_assert_uint_eq (n_in_board,
                     clw_test_query_int (fx.db,
                                         "SELECT count(*) FROM cluster c JOIN health_board h "
                                         "ON h.id = c.health_board_id WHERE h.code = '7A6'"));
  for (guint i = 0; i < n_in_board; i++)
    {
      g_autoptr(ClwCluster) cluster = g_list_model_get_item (G_LIST_MODEL (clusters), i);
      ck_assert_str_eq (clw_cluster_get_health_board_id (cluster), fx.board_a);
    }

  all = clw_cluster_list_for_health_board (fx.db, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (all), clw_test_query_int (fx.db, "SELECT count(*) FROM cluster"));
}
END_TEST

START_TEST (test_collaborative_and_cycle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwCollaborative) dental = NULL;
  g_autoptr(ClwCycle) cycle = NULL;
  g_autoptr(ClwCycle) missing = NULL;

  dental = clw_collaborative_find_for_cluster (fx.db, fx.cluster_a, CLW_PROFESSION_DENTAL, &error);
  if (dental != NULL)
    ck_assert_int_eq (clw_collaborative_get_profession (dental), CLW_PROFESSION_DENTAL);
  else
    ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
  g_clear_error (&error);

  cycle = clw_cycle_find_by_code (fx.db, "2021-22", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_cycle_get_starts_on (cycle), "2021-10-01");
  ck_assert_str_eq (clw_cycle_get_ends_on (cycle), "2022-09-30");

  missing = clw_cycle_find_by_code (fx.db, "1999-00", &error);
  ck_assert_ptr_null (missing);
  ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_practices_of_cluster)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) practices = clw_practice_list_for_cluster (fx.db, fx.cluster_a, &error);
  g_autoptr(ClwPractice) first = NULL;

  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (practices), 2);
  first = g_list_model_get_item (G_LIST_MODEL (practices), 0);
  ck_assert_str_eq (clw_practice_get_code (first), "W10001");
}
END_TEST

START_TEST (test_meetings_of_cycle_with_standard_agenda)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeeting) before = add_meeting (fx.collaborative_a, "2021-09-30T14:00");
  g_autoptr(ClwMeeting) first = add_meeting (fx.collaborative_a, "2021-10-01T09:30");
  g_autoptr(ClwMeeting) last = add_meeting (fx.collaborative_a, "2022-09-30T18:00");
  g_autoptr(GListStore) in_cycle = NULL;
  g_autoptr(GListStore) everything = NULL;
  g_autoptr(GListStore) agenda = NULL;
  g_autoptr(ClwMeeting) m0 = NULL;
  g_autoptr(ClwAgendaItem) extra = clw_agenda_item_new ();
  g_autoptr(ClwAgendaItem) a0 = NULL;
  g_autoptr(ClwAgendaItem) a4 = NULL;
  ClwAgendaSection previous = 0;

  in_cycle = clw_meeting_list_for_collaborative (fx.db, fx.collaborative_a,
                                                 "2021-10-01", "2022-09-30", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (in_cycle), 2);
  m0 = g_list_model_get_item (G_LIST_MODEL (in_cycle), 0);
  ck_assert_str_eq (clw_record_get_id (CLW_RECORD (m0)), clw_record_get_id (CLW_RECORD (first)));

  everything = clw_meeting_list_for_collaborative (fx.db, fx.collaborative_a, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (everything), 3);

  /* One change for the meeting and its standard agenda. */
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Add meeting");

  /* An item for decision added first still comes after the standard ones. */
  g_object_set (extra,
                "meeting-id", clw_record_get_id (CLW_RECORD (last)),
                "section", CLW_AGENDA_SECTION_DECISION,
                "position", 0,
                "title", "Cluster spending plan",
                NULL);
  clw_record_insert (CLW_RECORD (extra), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  agenda = clw_agenda_item_list_for_meeting (fx.db, clw_record_get_id (CLW_RECORD (last)), &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (agenda), 5);
  a0 = g_list_model_get_item (G_LIST_MODEL (agenda), 0);
  a4 = g_list_model_get_item (G_LIST_MODEL (agenda), 4);
  ck_assert_int_eq (clw_agenda_item_get_section (a0), CLW_AGENDA_SECTION_WELCOME);
  ck_assert_str_eq (clw_agenda_item_get_title (a4), "Cluster spending plan");
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ClwAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (agenda), i);
      ck_assert_int_ge (clw_agenda_item_get_section (item), previous);
      previous = clw_agenda_item_get_section (item);
    }

  /* Undo removes the meeting and its agenda together. */
  ck_assert (clw_database_undo (fx.db, &error));
  ck_assert_no_error (error);
  ck_assert (clw_database_undo (fx.db, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM meeting"), 2);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM agenda_item"), 8);
}
END_TEST

START_TEST (test_actions_and_overdue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeeting) meeting = add_meeting (fx.collaborative_a, "2022-01-10T14:00");
  g_autoptr(ClwMeeting) later = add_meeting (fx.collaborative_a, "2022-03-10T14:00");
  g_autoptr(GListStore) of_meeting = NULL;
  g_autoptr(GListStore) log = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_FEBRUARY, 2022);
  struct {
    ClwMeeting      *meeting;
    const char      *due_on;
    ClwActionStatus  status;
    gboolean         overdue;
  } actions[] = {
    { meeting, "2022-01-31", CLW_ACTION_STATUS_OPEN, TRUE },
    { meeting, "2022-01-31", CLW_ACTION_STATUS_DONE, FALSE },
    { later, "2022-02-01", CLW_ACTION_STATUS_IN_PROGRESS, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(ClwActionItem) action = clw_action_item_new ();

      g_object_set (action,
                    "meeting-id", clw_record_get_id (CLW_RECORD (actions[i].meeting)),
                    "description", "Send the figures",
                    "owner", "Dr A Jones",
                    "due-on", actions[i].due_on,
                    "status", actions[i].status,
                    NULL);
      clw_record_insert (CLW_RECORD (action), fx.db, CLW_WRITE_DEFAULT, &error);
      ck_assert_no_error (error);
      ck_assert_int_eq (clw_action_item_is_overdue (action, today), actions[i].overdue);
    }

  of_meeting = clw_action_item_list_for_meeting (fx.db, clw_record_get_id (CLW_RECORD (meeting)), &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (of_meeting), 2);

  log = clw_action_item_list_for_collaborative (fx.db, fx.collaborative_a, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (log), 3);
}
END_TEST

START_TEST (test_attendance_of_meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeeting) meeting = add_meeting (fx.collaborative_a, "2022-01-10T14:00");
  g_autoptr(ClwMeeting) other = add_meeting (fx.collaborative_a, "2022-03-10T14:00");
  g_autoptr(ClwAttendance) attendance = clw_attendance_new ();
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GListStore) none = NULL;

  g_object_set (attendance,
                "meeting-id", clw_record_get_id (CLW_RECORD (meeting)),
                "practice-id", fx.large,
                "status", CLW_ATTENDANCE_STATUS_ATTENDED,
                "representative-name", "Dr A Jones",
                "representative-role", "clinical-partner",
                NULL);
  clw_record_insert (CLW_RECORD (attendance), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  list = clw_attendance_list_for_meeting (fx.db, clw_record_get_id (CLW_RECORD (meeting)), &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (list), 1);
  none = clw_attendance_list_for_meeting (fx.db, clw_record_get_id (CLW_RECORD (other)), &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (none), 0);
}
END_TEST

START_TEST (test_pending_requests_of_board)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeeting) meeting = add_meeting (fx.collaborative_a, "2022-01-10T14:00");
  g_autoptr(ClwRepresentation) pm = clw_representation_new ();
  g_autoptr(ClwRepresentation) decided = NULL;
  g_autoptr(ClwBuddyArrangement) buddy = clw_buddy_arrangement_new ();
  g_autoptr(GListStore) reps_a = NULL;
  g_autoptr(GListStore) reps_b = NULL;
  g_autoptr(GListStore) reps_all = NULL;
  g_autoptr(GListStore) buddies_a = NULL;
  g_autoptr(GListStore) buddies_b = NULL;
  g_autoptr(GListStore) of_small = NULL;
  g_autoptr(GListStore) of_large = NULL;
  g_autoptr(GListStore) reps_of_small = NULL;

  g_object_set (pm,
                "practice-id", fx.small,
                "kind", CLW_REPRESENTATION_KIND_PRACTICE_MANAGER,
                "representative-name", "Ms B Evans",
                "representative-role", "practice-manager",
                "starts-on", "2022-01-01",
                "status", CLW_ARRANGEMENT_STATUS_REQUESTED,
                "requested-on", "2021-12-01",
                NULL);
  clw_record_insert (CLW_RECORD (pm), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  decided = CLW_REPRESENTATION (clw_record_copy (CLW_RECORD (pm)));
  clw_record_set_id (CLW_RECORD (decided), NULL);
  g_object_set (decided,
                "kind", CLW_REPRESENTATION_KIND_ALTERNATIVE,
                "meeting-id", clw_record_get_id (CLW_RECORD (meeting)),
                "status", CLW_ARRANGEMENT_STATUS_AGREED,
                "decision-on", "2021-12-05",
                NULL);
  clw_record_insert (CLW_RECORD (decided), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  g_object_set (buddy,
                "small-practice-id", fx.small,
                "buddy-practice-id", fx.large,
                "starts-on", "2022-01-01",
                "status", CLW_ARRANGEMENT_STATUS_REQUESTED,
                "requested-on", "2021-12-01",
                NULL);
  clw_record_insert (CLW_RECORD (buddy), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  reps_a = clw_representation_list_pending (fx.db, fx.board_a, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (reps_a), 1);
  reps_b = clw_representation_list_pending (fx.db, fx.board_b, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (reps_b), 0);
  reps_all = clw_representation_list_pending (fx.db, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (reps_all), 1);
  reps_of_small = clw_representation_list_for_practice (fx.db, fx.small, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (reps_of_small), 2);

  buddies_a = clw_buddy_arrangement_list_pending (fx.db, fx.board_a, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (buddies_a), 1);
  buddies_b = clw_buddy_arrangement_list_pending (fx.db, fx.board_b, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (buddies_b), 0);

  /* The arrangement shows on both practices' pages. */
  of_small = clw_buddy_arrangement_list_for_practice (fx.db, fx.small, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (of_small), 1);
  of_large = clw_buddy_arrangement_list_for_practice (fx.db, fx.large, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (of_large), 1);

  /* Decided, it is no longer pending. */
  clw_decision_apply (CLW_RECORD (buddy), fx.db, FALSE, "2021-12-10", "The buddy is not large enough", &error);
  ck_assert_no_error (error);
  g_clear_object (&buddies_a);
  buddies_a = clw_buddy_arrangement_list_pending (fx.db, fx.board_a, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (buddies_a), 0);
}
END_TEST

START_TEST (test_evidence_of_practice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwEvidence) evidence = clw_evidence_new ();
  g_autoptr(GListStore) of_small = NULL;
  g_autoptr(GListStore) of_large = NULL;

  g_object_set (evidence,
                "kind", CLW_EVIDENCE_KIND_PEER_REVIEW,
                "title", "Peer review of referrals",
                "evidence-on", "2022-02-01",
                "practice-id", fx.small,
                NULL);
  clw_record_insert (CLW_RECORD (evidence), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  of_small = clw_evidence_list_for_practice (fx.db, fx.small, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (of_small), 1);
  of_large = clw_evidence_list_for_practice (fx.db, fx.large, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_items (of_large), 0);
}
END_TEST

static Suite *
lists_suite (void)
{
  Suite *s = suite_create ("lists");
  TCase *tc = tcase_create ("lists");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_boards_and_clusters);
  tcase_add_test (tc, test_collaborative_and_cycle);
  tcase_add_test (tc, test_practices_of_cluster);
  tcase_add_test (tc, test_meetings_of_cycle_with_standard_agenda);
  tcase_add_test (tc, test_actions_and_overdue);
  tcase_add_test (tc, test_attendance_of_meeting);
  tcase_add_test (tc, test_pending_requests_of_board);
  tcase_add_test (tc, test_evidence_of_practice);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (lists_suite (), argc, argv);
}
