/* test-buddy-board.c: the buddy board, its rule checks, requests, decisions and ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clw-test-util.h"

#define ck_assert_error_matches(err, dom, c) \
  ck_assert_msg ((err) != NULL && g_error_matches ((err), (dom), (c)), \
                 "expected error %s/%d, got %s", g_quark_to_string (dom), (c), \
                 (err) ? (err)->message : "no error")

typedef struct
{
  ClwDatabase   *db;
  char          *cluster_id;
  char          *other_cluster_id;
  char          *cycle_id;
  char          *single;      /* W10001: 1 partner, 3,000 patients */
  char          *pair;        /* W10002: 2 partners, 4,500 patients */
  char          *struggling;  /* W10003: 6 partners with sustainability issues, 6,000 */
  char          *large;       /* W10004: 6 partners, 12,000 */
  char          *larger;      /* W10005: 8 partners, 15,000 */
  char          *elsewhere;   /* W20001: 7 partners, 14,000, another cluster */
  ClwBuddyBoard *board;
} Fixture;

static Fixture fx;

static char *
add_practice (const char *cluster_id,
              const char *code,
              int         partners,
              int         list_size,
              gboolean    sustainability)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPractice) practice = clw_practice_new ();

  g_object_set (practice,
                "cluster-id", cluster_id,
                "code", code,
                "name", code,
                "partners", partners,
                "list-size", list_size,
                "sustainability-issues", sustainability,
                NULL);
  clw_record_insert (CLW_RECORD (practice), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  return g_strdup (clw_record_get_id (CLW_RECORD (practice)));
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  fx.db = clw_test_new_database ();
  fx.cluster_id = clw_test_query_string (fx.db,
                                         "SELECT cluster_id FROM collaborative WHERE profession = 'gp' "
                                         "ORDER BY cluster_id LIMIT 1");
  fx.other_cluster_id = clw_test_query_string (fx.db,
                                               "SELECT cluster_id FROM collaborative WHERE profession = 'gp' "
                                               "ORDER BY cluster_id LIMIT 1 OFFSET 1");
  fx.cycle_id = clw_test_query_string (fx.db, "SELECT id FROM cycle WHERE code = '2021-22'");
  ck_assert_ptr_nonnull (fx.cluster_id);
  ck_assert_ptr_nonnull (fx.other_cluster_id);
  ck_assert_ptr_nonnull (fx.cycle_id);

  fx.single = add_practice (fx.cluster_id, "W10001", 1, 3000, FALSE);
  fx.pair = add_practice (fx.cluster_id, "W10002", 2, 4500, FALSE);
  fx.struggling = add_practice (fx.cluster_id, "W10003", 6, 6000, TRUE);
  fx.large = add_practice (fx.cluster_id, "W10004", 6, 12000, FALSE);
  fx.larger = add_practice (fx.cluster_id, "W10005", 8, 15000, FALSE);
  fx.elsewhere = add_practice (fx.other_cluster_id, "W20001", 7, 14000, FALSE);

  fx.board = clw_buddy_board_new (fx.db, fx.cluster_id, fx.cycle_id, "2022-01-15", &error);
  ck_assert_no_error (error);
}

static void
teardown (void)
{
  g_clear_object (&fx.board);
  g_clear_object (&fx.db);
  g_clear_pointer (&fx.cluster_id, g_free);
  g_clear_pointer (&fx.other_cluster_id, g_free);
  g_clear_pointer (&fx.cycle_id, g_free);
  g_clear_pointer (&fx.single, g_free);
  g_clear_pointer (&fx.pair, g_free);
  g_clear_pointer (&fx.struggling, g_free);
  g_clear_pointer (&fx.large, g_free);
  g_clear_pointer (&fx.larger, g_free);
  g_clear_pointer (&fx.elsewhere, g_free);
}

static char *
codes_of (GListModel *candidates)
{
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(ClwBuddyCandidate) c = g_list_model_get_item (candidates, i);
      g_string_append_printf (codes, "%s%s", i ? " " : "", clw_buddy_candidate_get_code (c));
    }

  return g_string_free (codes, FALSE);
}

static ClwBuddyRuleCheck *
find_check (GListModel   *checks,
            ClwBuddyRule  rule)
{
  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      ClwBuddyRuleCheck *check = g_list_model_get_item (checks, i);
      if (clw_buddy_rule_check_get_rule (check) == rule)
        {
          g_object_unref (check);  /* the model keeps it */
          return check;
        }
      g_object_unref (check);
    }

  ck_abort_msg ("no check for rule %d", rule);
  return NULL;
}

static char *
request_and_agree (const char *small,
                   const char *buddy,
                   const char *on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwBuddyArrangement) a = NULL;

  a = clw_buddy_board_request (fx.board, small, buddy, on, NULL, NULL, &error);
  ck_assert_no_error (error);
  clw_buddy_board_decide (fx.board, clw_record_get_id (CLW_RECORD (a)), TRUE, on, NULL, &error);
  ck_assert_no_error (error);
  return g_strdup (clw_record_get_id (CLW_RECORD (a)));
}

START_TEST (test_sides)
{
  g_autofree char *small = codes_of (clw_buddy_board_get_small_practices (fx.board));
  g_autofree char *buddies = codes_of (clw_buddy_board_get_buddy_practices (fx.board));

  /* Single-handed, 2 partners, and 6 partners with sustainability issues. */
  ck_assert_str_eq (small, "W10001 W10002 W10003");
  /* Larger than the smallest of those, largest first; not another cluster's. */
  ck_assert_str_eq (buddies, "W10005 W10004 W10003 W10002");
  ck_assert_str_eq (clw_buddy_board_get_as_of (fx.board), "2022-01-15");
  ck_assert_ptr_nonnull (clw_buddy_board_get_collaborative_id (fx.board));
}
END_TEST

START_TEST (test_check_good_pair)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) checks = NULL;

  checks = clw_buddy_board_check (fx.board, fx.single, fx.large, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (checks), CLW_N_BUDDY_RULES);
  for (guint i = 0; i < CLW_N_BUDDY_RULES; i++)
    {
      g_autoptr(ClwBuddyRuleCheck) check = g_list_model_get_item (checks, i);
      ck_assert_int_eq (clw_buddy_rule_check_get_rule (check), i);
      ck_assert_msg (clw_buddy_rule_check_get_passed (check), "%s",
                     clw_buddy_rule_check_get_message (check));
      ck_assert_str_ne (clw_buddy_rule_check_get_message (check), "");
      ck_assert_str_ne (clw_buddy_rule_check_get_label (check), "");
    }
  ck_assert (clw_buddy_rule_checks_allow_request (checks));
  ck_assert (clw_buddy_rule_checks_all_passed (checks));
  ck_assert_ptr_nonnull (strstr (clw_buddy_rule_check_get_message (find_check (checks, CLW_BUDDY_RULE_BUDDY_LARGER)),
                                 "12000"));
}
END_TEST

START_TEST (test_check_broken_pairs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) same = NULL;
  g_autoptr(GListModel) other = NULL;
  g_autoptr(GListModel) big = NULL;
  g_autoptr(GListModel) smaller = NULL;
  ClwBuddyRuleCheck *check;

  same = clw_buddy_board_check (fx.board, fx.single, fx.single, NULL, &error);
  ck_assert_no_error (error);
  check = find_check (same, CLW_BUDDY_RULE_DIFFERENT_PRACTICES);
  ck_assert (!clw_buddy_rule_check_get_passed (check));
  ck_assert (clw_buddy_rule_check_get_blocking (check));
  ck_assert (!clw_buddy_rule_checks_allow_request (same));

  other = clw_buddy_board_check (fx.board, fx.single, fx.elsewhere, NULL, &error);
  ck_assert_no_error (error);
  check = find_check (other, CLW_BUDDY_RULE_SAME_COLLABORATIVE);
  ck_assert (!clw_buddy_rule_check_get_passed (check));
  ck_assert_ptr_nonnull (strstr (clw_buddy_rule_check_get_message (check), "different clusters"));
  ck_assert (clw_buddy_rule_check_get_passed (find_check (other, CLW_BUDDY_RULE_BUDDY_LARGER)));
  ck_assert (!clw_buddy_rule_checks_allow_request (other));

  big = clw_buddy_board_check (fx.board, fx.large, fx.larger, NULL, &error);
  ck_assert_no_error (error);
  check = find_check (big, CLW_BUDDY_RULE_SMALL_QUALIFIES);
  ck_assert (!clw_buddy_rule_check_get_passed (check));
  ck_assert_ptr_nonnull (strstr (clw_buddy_rule_check_get_message (check), "W10004 has 6 partners"));

  smaller = clw_buddy_board_check (fx.board, fx.pair, fx.single, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_buddy_rule_check_get_passed (find_check (smaller, CLW_BUDDY_RULE_BUDDY_LARGER)));
  ck_assert (!clw_buddy_rule_checks_allow_request (smaller));

  /* A practice that does not exist is an error, not a rule. */
  ck_assert_ptr_null (clw_buddy_board_check (fx.board, fx.single, "7b0d0e52-0000-4000-8000-000000000000",
                                             NULL, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID);
}
END_TEST

START_TEST (test_request_and_undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwBuddyArrangement) a = NULL;
  g_autoptr(ClwBuddyPair) pair = NULL;

  ck_assert_uint_eq (g_list_model_get_n_items (clw_buddy_board_get_pairs (fx.board)), 0);

  a = clw_buddy_board_request (fx.board, fx.single, fx.large, NULL, NULL, "By e-mail", &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_buddy_arrangement_get_status (a), CLW_ARRANGEMENT_STATUS_REQUESTED);
  ck_assert_str_eq (clw_buddy_arrangement_get_requested_on (a), "2022-01-15");
  ck_assert_str_eq (clw_buddy_arrangement_get_starts_on (a), "2022-01-15");
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Request W10004 as the buddy of W10001");

  /* The board follows the database. */
  ck_assert_uint_eq (g_list_model_get_n_items (clw_buddy_board_get_pairs (fx.board)), 1);
  pair = g_list_model_get_item (clw_buddy_board_get_pairs (fx.board), 0);
  ck_assert_str_eq (clw_buddy_pair_get_small_code (pair), "W10001");
  ck_assert_str_eq (clw_buddy_pair_get_buddy_code (pair), "W10004");
  ck_assert_int_eq (clw_buddy_pair_get_status (pair), CLW_ARRANGEMENT_STATUS_REQUESTED);
  ck_assert (!clw_buddy_pair_get_in_force (pair));

  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (clw_buddy_board_get_pairs (fx.board)), 0);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM buddy_arrangement"), 0);
}
END_TEST

START_TEST (test_request_refused_by_rules)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwBuddyArrangement) a = NULL;
  g_autoptr(ClwBuddyArrangement) b = NULL;
  g_autoptr(GListModel) checks = NULL;
  gboolean could_undo = clw_database_can_undo (fx.db);

  a = clw_buddy_board_request (fx.board, fx.large, fx.larger, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (a);
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  ck_assert_ptr_nonnull (strstr (error->message, "W10004 has 6 partners"));
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM buddy_arrangement"), 0);
  ck_assert_int_eq (clw_database_can_undo (fx.db), could_undo);
  g_clear_error (&error);

  /* One request waiting at a time. */
  a = clw_buddy_board_request (fx.board, fx.single, fx.large, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  checks = clw_buddy_board_check (fx.board, fx.single, fx.larger, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_buddy_rule_check_get_passed (find_check (checks, CLW_BUDDY_RULE_NO_OTHER_REQUEST)));
  b = clw_buddy_board_request (fx.board, fx.single, fx.larger, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (b);
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  /* The same sentence as the check shows. */
  ck_assert_ptr_nonnull (strstr (error->message,
                                 clw_buddy_rule_check_get_message (find_check (checks, CLW_BUDDY_RULE_NO_OTHER_REQUEST))));
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM buddy_arrangement"), 1);
}
END_TEST

START_TEST (test_decide)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwBuddyArrangement) a = NULL;
  g_autoptr(ClwBuddyArrangement) b = NULL;
  g_autoptr(ClwBuddyPair) pair = NULL;
  g_autoptr(ClwBuddyCandidate) small = NULL;
  g_autofree char *buddies = NULL;
  const char *id;

  a = clw_buddy_board_request (fx.board, fx.single, fx.large, "2022-01-10", NULL, NULL, &error);
  ck_assert_no_error (error);
  id = clw_record_get_id (CLW_RECORD (a));

  /* A refusal carries an explanation. */
  ck_assert (!clw_buddy_board_decide (fx.board, id, FALSE, NULL, "", &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  g_clear_error (&error);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM buddy_arrangement WHERE status = 'requested'"), 1);

  clw_buddy_board_decide (fx.board, id, TRUE, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Agree W10004 as the buddy of W10001");

  pair = g_list_model_get_item (clw_buddy_board_get_pairs (fx.board), 0);
  ck_assert_int_eq (clw_buddy_pair_get_status (pair), CLW_ARRANGEMENT_STATUS_AGREED);
  ck_assert_str_eq (clw_buddy_pair_get_decision_on (pair), "2022-01-15");
  ck_assert (clw_buddy_pair_get_in_force (pair));
  small = g_list_model_get_item (clw_buddy_board_get_small_practices (fx.board), 0);
  ck_assert_str_eq (clw_buddy_candidate_get_code (small), "W10001");
  ck_assert_str_eq (clw_buddy_candidate_get_buddy_code (small), "W10004");

  /* Deciding twice is refused. */
  ck_assert (!clw_buddy_board_decide (fx.board, id, FALSE, NULL, "Changed our mind", &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  g_clear_error (&error);

  /* A practice that relies on a buddy is not offered as one. */
  buddies = codes_of (clw_buddy_board_get_buddy_practices (fx.board));
  ck_assert_str_eq (buddies, "W10005 W10004 W10003 W10002");

  /* A second buddy may be requested (to change buddy) but not agreed
   * while the first is in force. */
  b = clw_buddy_board_request (fx.board, fx.single, fx.larger, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_buddy_board_decide (fx.board, clw_record_get_id (CLW_RECORD (b)), TRUE, NULL, NULL, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  ck_assert_ptr_nonnull (strstr (error->message, "already has an agreed buddy (W10004"));
  g_clear_error (&error);

  /* Refused, with the reason. */
  clw_buddy_board_decide (fx.board, clw_record_get_id (CLW_RECORD (b)), FALSE, NULL,
                          "W10004 is buddying already.", &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM buddy_arrangement WHERE status = 'refused'"), 1);
}
END_TEST

START_TEST (test_chains_refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) checks = NULL;
  g_autofree char *first = NULL;
  ClwBuddyRuleCheck *check;
  g_autofree char *buddies = NULL;

  /* W10002 is buddied with W10005 ... */
  first = request_and_agree (fx.pair, fx.larger, "2022-01-15");
  buddies = codes_of (clw_buddy_board_get_buddy_practices (fx.board));
  ck_assert_str_eq (buddies, "W10005 W10004 W10003");

  /* ... so it cannot be the buddy of W10001 ... */
  checks = clw_buddy_board_check (fx.board, fx.single, fx.pair, NULL, &error);
  ck_assert_no_error (error);
  check = find_check (checks, CLW_BUDDY_RULE_BUDDY_NOT_BUDDIED);
  ck_assert (!clw_buddy_rule_check_get_passed (check));
  ck_assert (!clw_buddy_rule_check_get_blocking (check));
  ck_assert (clw_buddy_rule_checks_allow_request (checks));
  ck_assert (!clw_buddy_rule_checks_all_passed (checks));
  g_clear_object (&checks);

  /* ... and W10005, its buddy, cannot itself ask for one. */
  checks = clw_buddy_board_check (fx.board, fx.struggling, fx.larger, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (clw_buddy_rule_check_get_passed (find_check (checks, CLW_BUDDY_RULE_SMALL_NOT_A_BUDDY)));
  g_clear_object (&checks);
  checks = clw_buddy_board_check (fx.board, fx.struggling, fx.large, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (clw_buddy_rule_checks_all_passed (checks));
}
END_TEST

START_TEST (test_end_and_undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwBuddyArrangement) requested = NULL;
  g_autoptr(ClwBuddyPair) pair = NULL;
  g_autoptr(ClwBuddyArrangement) stored = NULL;
  g_autofree char *id = request_and_agree (fx.single, fx.large, "2021-11-01");

  /* Not before it started. */
  ck_assert (!clw_buddy_board_end (fx.board, id, "2021-10-01", &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID);
  g_clear_error (&error);

  clw_buddy_board_end (fx.board, id, "2022-01-10", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "End the buddying of W10001 by W10004");
  pair = g_list_model_get_item (clw_buddy_board_get_pairs (fx.board), 0);
  ck_assert_int_eq (clw_buddy_pair_get_status (pair), CLW_ARRANGEMENT_STATUS_ENDED);
  ck_assert_str_eq (clw_buddy_pair_get_ends_on (pair), "2022-01-10");
  ck_assert (!clw_buddy_pair_get_in_force (pair));
  g_clear_object (&pair);

  /* Only agreed arrangements end. */
  ck_assert (!clw_buddy_board_end (fx.board, id, NULL, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  g_clear_error (&error);
  requested = clw_buddy_board_request (fx.board, fx.pair, fx.larger, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_buddy_board_end (fx.board, clw_record_get_id (CLW_RECORD (requested)), NULL, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  g_clear_error (&error);

  /* Undo the request, then the end. */
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "End the buddying of W10001 by W10004");
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  stored = (ClwBuddyArrangement *) clw_record_load (fx.db, CLW_TYPE_BUDDY_ARRANGEMENT, id, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_buddy_arrangement_get_status (stored), CLW_ARRANGEMENT_STATUS_AGREED);
  ck_assert_ptr_null (clw_buddy_arrangement_get_ends_on (stored));
  pair = g_list_model_get_item (clw_buddy_board_get_pairs (fx.board), 0);
  ck_assert (clw_buddy_pair_get_in_force (pair));
}
END_TEST

START_TEST (test_end_after_practice_grew)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPractice) practice = NULL;
  g_autofree char *id = request_and_agree (fx.single, fx.large, "2021-11-01");

  /* The small practice takes on partners: its past arrangement still ends. */
  practice = (ClwPractice *) clw_record_load (fx.db, CLW_TYPE_PRACTICE, fx.single, &error);
  ck_assert_no_error (error);
  g_object_set (practice, "partners", 5, NULL);
  clw_record_update (CLW_RECORD (practice), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  clw_buddy_board_end (fx.board, id, "2022-03-31", &error);
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_validation_and_checks_agree)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) pair_error = NULL;
  g_autoptr(ClwBuddyArrangement) direct = clw_buddy_arrangement_new ();
  g_autoptr(GListModel) checks = NULL;
  g_autofree char *first = request_and_agree (fx.single, fx.large, "2021-11-01");
  g_autofree char *expected = NULL;

  /* A row written directly (an import) meets the same rule, in the same words. */
  checks = clw_buddy_board_check (fx.board, fx.single, fx.larger, "2022-02-01", &error);
  ck_assert_no_error (error);
  g_object_set (direct,
                "small-practice-id", fx.single,
                "buddy-practice-id", fx.larger,
                "status", CLW_ARRANGEMENT_STATUS_AGREED,
                "requested-on", "2022-01-20",
                "decision-on", "2022-01-25",
                "starts-on", "2022-02-01",
                NULL);
  ck_assert (!clw_record_insert (CLW_RECORD (direct), fx.db, CLW_WRITE_DEFAULT, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  expected = g_strdup_printf ("Buddy arrangement: %s",
                              clw_buddy_rule_check_get_message (find_check (checks, CLW_BUDDY_RULE_NO_OTHER_BUDDY)));
  ck_assert_str_eq (error->message, expected);

  /* check_pair keeps its meaning: the pair rules only. */
  ck_assert (clw_buddy_arrangement_check_pair (fx.db, fx.single, fx.larger, NULL));
  ck_assert (!clw_buddy_arrangement_check_pair (fx.db, fx.single, fx.elsewhere, &pair_error));
  ck_assert_error_matches (pair_error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
}
END_TEST

START_TEST (test_board_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwBuddyBoard) board = NULL;

  board = clw_buddy_board_new (fx.db, fx.cluster_id, fx.cycle_id, "15/01/2022", &error);
  ck_assert_ptr_null (board);
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID);
  g_clear_error (&error);

  board = clw_buddy_board_new (fx.db, "7b0d0e52-0000-4000-8000-000000000000", fx.cycle_id, NULL, &error);
  ck_assert_ptr_null (board);
  ck_assert_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Without a date, the database's today. */
  clw_database_set_meta (fx.db, "reference-date", "2022-06-30", &error);
  ck_assert_no_error (error);
  board = clw_buddy_board_new (fx.db, fx.cluster_id, fx.cycle_id, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_buddy_board_get_as_of (board), "2022-06-30");
}
END_TEST

static Suite *
buddy_board_suite (void)
{
  Suite *s = suite_create ("buddy-board");
  TCase *tc = tcase_create ("board");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_sides);
  tcase_add_test (tc, test_check_good_pair);
  tcase_add_test (tc, test_check_broken_pairs);
  tcase_add_test (tc, test_request_and_undo);
  tcase_add_test (tc, test_request_refused_by_rules);
  tcase_add_test (tc, test_decide);
  tcase_add_test (tc, test_chains_refused);
  tcase_add_test (tc, test_end_and_undo);
  tcase_add_test (tc, test_end_after_practice_grew);
  tcase_add_test (tc, test_validation_and_checks_agree);
  tcase_add_test (tc, test_board_errors);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (buddy_board_suite (), argc, argv);
}
