/* test-search.c: full-text search, its safety with hostile input, and its index after edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clw-dataset.h"
#include "clw-test-util.h"

#define ck_assert_error_matches(err, dom, c) \
  ck_assert_msg ((err) != NULL && g_error_matches ((err), (dom), (c)), \
                 "expected error %s/%d, got %s", g_quark_to_string (dom), (c), \
                 (err) ? (err)->message : "no error")

typedef struct
{
  ClwDatabase *db;
  char        *cluster_id;
  char        *cycle_id;
  char        *practice_id;
  char        *meeting_id;
  char        *action_id;
  char        *evidence_id;
} Fixture;

static Fixture fx;

static void
insert (gpointer record)
{
  g_autoptr(GError) error = NULL;

  clw_record_insert (CLW_RECORD (record), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPractice) practice = clw_practice_new ();
  g_autoptr(ClwMeeting) meeting = clw_meeting_new ();
  g_autoptr(ClwActionItem) action = clw_action_item_new ();
  g_autoptr(ClwEvidence) evidence = clw_evidence_new ();
  g_autoptr(ClwImtpEditor) editor = NULL;
  g_autofree char *collaborative_id = NULL;

  fx.db = clw_test_new_database ();
  fx.cluster_id = clw_test_query_string (fx.db,
                                         "SELECT cluster_id FROM collaborative WHERE profession = 'gp' "
                                         "ORDER BY cluster_id LIMIT 1");
  collaborative_id = clw_test_query_string (fx.db,
                                            "SELECT id FROM collaborative WHERE profession = 'gp' "
                                            "ORDER BY cluster_id LIMIT 1");
  fx.cycle_id = clw_test_query_string (fx.db, "SELECT id FROM cycle WHERE code = '2021-22'");

  g_object_set (practice,
                "cluster-id", fx.cluster_id,
                "code", "W40001",
                "name", "Meddygfa Ynys Môn",
                "partners", 2,
                "list-size", 5000,
                NULL);
  insert (practice);
  fx.practice_id = g_strdup (clw_record_get_id (CLW_RECORD (practice)));

  g_object_set (meeting,
                "collaborative-id", collaborative_id,
                "starts-at", "2022-01-12T14:00",
                "place", "Neuadd y Dref",
                "status", CLW_MEETING_STATUS_HELD,
                "minutes", "Discussed the phlebotomy service <b>&</b> the ŵyr project.",
                NULL);
  insert (meeting);
  fx.meeting_id = g_strdup (clw_record_get_id (CLW_RECORD (meeting)));

  g_object_set (action,
                "meeting-id", fx.meeting_id,
                "description", "Book Canolfan Gymunedol for the spring meeting",
                "owner", "Dr Siân Jones",
                "due-on", "2022-02-01",
                "status", CLW_ACTION_STATUS_OPEN,
                NULL);
  insert (action);
  fx.action_id = g_strdup (clw_record_get_id (CLW_RECORD (action)));

  g_object_set (evidence,
                "kind", CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING,
                "title", "Audit",
                "evidence-on", "2022-03-01",
                "practice-id", fx.practice_id,
                "notes", "Title: Phlebotomy audit with Cyngor Gwynedd",
                NULL);
  insert (evidence);
  fx.evidence_id = g_strdup (clw_record_get_id (CLW_RECORD (evidence)));

  editor = clw_imtp_editor_new (fx.db, fx.practice_id, fx.cycle_id, &error);
  ck_assert_no_error (error);
  clw_imtp_editor_save_section (editor, CLW_IMTP_SECTION_KIND_POPULATION_NEEDS,
                                "An ageing population in Llŷn.", "Poblogaeth sy'n heneiddio yn Llŷn.", &error);
  ck_assert_no_error (error);
}

static void
teardown (void)
{
  g_clear_object (&fx.db);
  g_clear_pointer (&fx.cluster_id, g_free);
  g_clear_pointer (&fx.cycle_id, g_free);
  g_clear_pointer (&fx.practice_id, g_free);
  g_clear_pointer (&fx.meeting_id, g_free);
  g_clear_pointer (&fx.action_id, g_free);
  g_clear_pointer (&fx.evidence_id, g_free);
}

static GListModel *
run (const char *text)
{
  g_autoptr(GError) error = NULL;
  GListModel *groups = clw_search (fx.db, text, 0, &error);

  ck_assert_msg (error == NULL, "searching “%s”: %s", text, error ? error->message : "");
  ck_assert_ptr_nonnull (groups);
  return groups;
}

/* How many results of @kind, or of every kind when @kind is -1. */
static guint
count (const char *text,
       int         kind)
{
  g_autoptr(GListModel) groups = run (text);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ClwSearchGroup) group = g_list_model_get_item (groups, i);
      if (kind < 0 || clw_search_group_get_kind (group) == (ClwSearchKind) kind)
        n += g_list_model_get_n_items (G_LIST_MODEL (group));
    }

  return n;
}

static ClwSearchResult *
first_of (const char    *text,
          ClwSearchKind  kind)
{
  g_autoptr(GListModel) groups = run (text);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ClwSearchGroup) group = g_list_model_get_item (groups, i);
      if (clw_search_group_get_kind (group) == kind && g_list_model_get_n_items (G_LIST_MODEL (group)) > 0)
        return g_list_model_get_item (G_LIST_MODEL (group), 0);
    }

  ck_abort_msg ("nothing of kind %d found for “%s”", kind, text);
  return NULL;
}

static void
check_query (const char *text,
             const char *expected)
{
  g_autofree char *query = clw_search_build_query (text);

  if (expected == NULL)
    ck_assert_msg (query == NULL, "“%s” gave “%s”", text, query != NULL ? query : "");
  else
    ck_assert_msg (g_strcmp0 (query, expected) == 0, "“%s” gave “%s”, not “%s”", text,
                   query != NULL ? query : "(nothing)", expected);
}

START_TEST (test_build_query)
{
  g_autofree char *many = NULL;
  g_autofree char *query = NULL;

  check_query (NULL, NULL);
  check_query ("", NULL);
  check_query ("   \t\n", NULL);
  check_query ("!!! --- \"\" ()", NULL);
  check_query ("*", NULL);
  check_query ("Môn", "\"Môn\" *");
  check_query ("Ynys Môn ", "\"Ynys\" \"Môn\"");
  check_query ("Mo\xcc\x82n", "\"Môn\" *");             /* o + combining circumflex */
  check_query ("title:phlebotomy", "\"title phlebotomy\" *");
  check_query ("\"hello", "\"hello\" *");
  check_query ("a OR bc", "\"a\" \"OR\" \"bc\" *");
  check_query ("NEAR(a, b)", "\"NEAR a\" \"b\"");
  check_query ("-x ^y +zz", "\"x\" \"y\" \"zz\" *");
  check_query ("physio* clinic", "\"physio\" * \"clinic\" *");
  check_query ("physio*", "\"physio\" *");
  check_query ("W", "\"W\"");
  check_query ("Ynys\xc2\xa0" "M\xc3\xb4n\xe3\x80\x80" "Bont\t", "\"Ynys\" \"Môn\" \"Bont\"");
  check_query ("a* bc", "\"a\" \"bc\" *");
  check_query ("Ynys M", "\"Ynys\" \"M\"");
  check_query ("Yn", "\"Yn\" *");
  check_query ("a'r Fro", "\"a r\" \"Fro\" *");
  check_query ("{title body}: xy", "\"title\" \"body\" \"xy\" *");

  many = g_strjoinv (" ", (char *[]) { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                       "k", "l", "m", "n", "o", "p", "q", "r", NULL });
  query = clw_search_build_query (many);
  ck_assert_str_eq (query, "\"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\" "
                           "\"i\" \"j\" \"k\" \"l\" \"m\" \"n\" \"o\" \"p\"");
  g_clear_pointer (&query, g_free);

  /* Not UTF-8: read as well as it can be, never an error. */
  query = clw_search_build_query ("\xff\xfe" "abc");
  ck_assert_str_eq (query, "\"abc\" *");
}
END_TEST

START_TEST (test_finds_every_kind)
{
  g_autoptr(ClwSearchResult) practice = first_of ("ynys mon", CLW_SEARCH_KIND_PRACTICE);
  g_autoptr(ClwSearchResult) meeting = first_of ("phlebotomy service", CLW_SEARCH_KIND_MEETING);
  g_autoptr(ClwSearchResult) action = first_of ("canolfan", CLW_SEARCH_KIND_ACTION);
  g_autoptr(ClwSearchResult) evidence = first_of ("gwynedd", CLW_SEARCH_KIND_EVIDENCE);
  g_autoptr(ClwSearchResult) section = first_of ("heneiddio", CLW_SEARCH_KIND_IMTP_SECTION);

  ck_assert_str_eq (clw_search_result_get_row_id (practice), fx.practice_id);
  ck_assert_str_eq (clw_search_result_get_title (practice), "W40001 Meddygfa Ynys Môn");
  ck_assert_str_eq (clw_search_result_get_practice_id (practice), fx.practice_id);
  ck_assert_str_eq (clw_search_result_get_cluster_id (practice), fx.cluster_id);
  ck_assert_ptr_null (clw_search_result_get_meeting_id (practice));
  ck_assert_str_eq (clw_search_result_get_snippet_markup (practice), "W40001 Meddygfa <b>Ynys</b> <b>Môn</b>");

  ck_assert_str_eq (clw_search_result_get_row_id (meeting), fx.meeting_id);
  ck_assert_str_eq (clw_search_result_get_title (meeting), "Meeting of 12 Jan 2022, Neuadd y Dref");
  ck_assert_str_eq (clw_search_result_get_meeting_id (meeting), fx.meeting_id);
  ck_assert_str_eq (clw_search_result_get_cluster_id (meeting), fx.cluster_id);
  ck_assert_str_eq (clw_search_result_get_cycle_id (meeting), fx.cycle_id);
  /* The text is escaped; only the marks of the match are markup. */
  ck_assert_str_eq (clw_search_result_get_snippet_markup (meeting),
                    "Discussed the <b>phlebotomy</b> <b>service</b> &lt;b&gt;&amp;&lt;/b&gt; the ŵyr project.");
  ck_assert_str_eq (clw_search_result_get_snippet (meeting),
                    "Discussed the phlebotomy service <b>&</b> the ŵyr project.");

  ck_assert_str_eq (clw_search_result_get_row_id (action), fx.action_id);
  ck_assert_str_eq (clw_search_result_get_meeting_id (action), fx.meeting_id);
  ck_assert_str_eq (clw_search_result_get_cycle_id (action), fx.cycle_id);
  ck_assert_str_eq (clw_search_result_get_subtitle (action),
                    "Action for Dr Siân Jones, from the meeting of 12 Jan 2022");

  ck_assert_str_eq (clw_search_result_get_row_id (evidence), fx.evidence_id);
  ck_assert_str_eq (clw_search_result_get_practice_id (evidence), fx.practice_id);
  ck_assert_str_eq (clw_search_result_get_cluster_id (evidence), fx.cluster_id);
  ck_assert_str_eq (clw_search_result_get_cycle_id (evidence), fx.cycle_id);

  ck_assert_str_eq (clw_search_result_get_title (section), "Population needs assessment");
  ck_assert_str_eq (clw_search_result_get_practice_id (section), fx.practice_id);
  ck_assert_str_eq (clw_search_result_get_cycle_id (section), fx.cycle_id);
  ck_assert_ptr_nonnull (clw_search_result_get_contribution_id (section));
  ck_assert_ptr_nonnull (strstr (clw_search_result_get_snippet_markup (section), "<b>heneiddio</b>"));
}
END_TEST

START_TEST (test_welsh_and_prefixes)
{
  /* Accents fold both ways. */
  ck_assert_uint_eq (count ("Mon", CLW_SEARCH_KIND_PRACTICE), 1);
  ck_assert_uint_eq (count ("Môn", CLW_SEARCH_KIND_PRACTICE), 1);
  ck_assert_uint_eq (count ("MÔN", CLW_SEARCH_KIND_PRACTICE), 1);
  ck_assert_uint_eq (count ("wyr", CLW_SEARCH_KIND_MEETING), 1);
  ck_assert_uint_eq (count ("Llyn", CLW_SEARCH_KIND_IMTP_SECTION), 1);
  ck_assert_uint_eq (count ("Llŷn", CLW_SEARCH_KIND_IMTP_SECTION), 1);
  ck_assert_uint_eq (count ("Sian", CLW_SEARCH_KIND_ACTION), 1);
  /* The word being typed is a prefix; a finished one is not. */
  ck_assert_uint_eq (count ("Medd", CLW_SEARCH_KIND_PRACTICE), 1);
  ck_assert_uint_eq (count ("Medd ", CLW_SEARCH_KIND_PRACTICE), 0);
  ck_assert_uint_eq (count ("phleb", -1), 2);
  ck_assert_uint_eq (count ("w4000", CLW_SEARCH_KIND_PRACTICE), 1);
  /* Every word must match. */
  ck_assert_uint_eq (count ("phlebotomy gwynedd", -1), 1);
  ck_assert_uint_eq (count ("nothing-like-this", -1), 0);
  ck_assert_uint_eq (count ("", -1), 0);
}
END_TEST

START_TEST (test_hostile_input)
{
  static const char * const hostile[] = {
    "\"", "\"\"", "'", "*", "**", "(", ")", "(((", ":", "^", "-", "+", "AND", "OR", "NOT",
    "NEAR", "NEAR/2", "NEAR(", "a AND", "OR b", "title:", "body:x", "kind:practice",
    "{title}: x", "- x", "x -", "\"unterminated", "a\"b", "rowid:1", "x NOT", "a NEAR/99 b",
    "'; DROP TABLE practice; --", "\\", "%", "_", "…", "😀", "\xe2\x80\x8b", "\xff", "W40001*",
  };
  g_autofree char *long_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GListModel) groups = run (hostile[i]);
      (void) groups;
    }

  long_text = g_strnfill (20000, 'x');
  count (long_text, -1);

  /* Operators are words, not syntax. */
  ck_assert_uint_eq (count ("Meddygfa", -1), 1);
  ck_assert_uint_eq (count ("Dref", -1), 1);
  ck_assert_uint_eq (count ("Meddygfa OR Dref", -1), 0);
  ck_assert_uint_eq (count ("Meddygfa NOT Dref", -1), 0);
  ck_assert_uint_eq (count ("NEAR(Ynys Meddygfa)", -1), 0);
  ck_assert_uint_eq (count ("-Ynys", CLW_SEARCH_KIND_PRACTICE), 1);
  ck_assert_uint_eq (count ("^Ynys", CLW_SEARCH_KIND_PRACTICE), 1);
  /* A column filter would look in titles only ("Audit"); the words are
   * found in the notes. */
  ck_assert_uint_eq (count ("title:phlebotomy", CLW_SEARCH_KIND_EVIDENCE), 1);

  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM practice"), 1);
}
END_TEST

START_TEST (test_index_follows_edits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwActionItem) action = NULL;
  g_autoptr(ClwActionItem) other = clw_action_item_new ();

  /* Insert. */
  g_object_set (other,
                "meeting-id", fx.meeting_id,
                "description", "Write to the dysgu team",
                "owner", "Lead",
                "due-on", "2022-02-01",
                "status", CLW_ACTION_STATUS_OPEN,
                NULL);
  insert (other);
  ck_assert_uint_eq (count ("dysgu", CLW_SEARCH_KIND_ACTION), 1);

  /* Update. */
  action = (ClwActionItem *) clw_record_load (fx.db, CLW_TYPE_ACTION_ITEM, fx.action_id, &error);
  ck_assert_no_error (error);
  g_object_set (action, "description", "Book Tŷ Hywel for the spring meeting", NULL);
  clw_record_update (CLW_RECORD (action), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("canolfan", -1), 0);
  ck_assert_uint_eq (count ("Ty Hywel", CLW_SEARCH_KIND_ACTION), 1);

  /* Delete. */
  clw_record_delete (CLW_RECORD (action), fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("hywel", -1), 0);

  /* Undo the delete, then the update. */
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("hywel", CLW_SEARCH_KIND_ACTION), 1);
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("hywel", -1), 0);
  ck_assert_uint_eq (count ("canolfan", CLW_SEARCH_KIND_ACTION), 1);

  /* Undo the insert. */
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("dysgu", -1), 0);
}
END_TEST

START_TEST (test_index_after_import)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ClwDatabase) copy = NULL;
  g_autoptr(GListModel) groups = NULL;
  ClwDatabase *original = fx.db;
  ClwImportCounts counts = { 0 };

  bytes = clw_dataset_export_bytes (fx.db, CLW_SCOPE_ALL, NULL, &error);
  ck_assert_no_error (error);

  copy = clw_test_new_empty_database ();
  clw_dataset_import_bytes (copy, bytes, "export.xml", &counts, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (counts.inserted, 0);

  fx.db = copy;
  ck_assert_uint_eq (count ("Ynys Mon", CLW_SEARCH_KIND_PRACTICE), 1);
  ck_assert_uint_eq (count ("phlebotomy", -1), 2);
  ck_assert_uint_eq (count ("Llyn", CLW_SEARCH_KIND_IMTP_SECTION), 1);
  groups = run ("canolfan");
  ck_assert_uint_eq (g_list_model_get_n_items (groups), 1);
  fx.db = original;
}
END_TEST

/* Deleting a row removes what cascades from it from the index too. */
START_TEST (test_index_follows_cascades)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) meeting = NULL;
  g_autoptr(ClwRecord) practice = NULL;

  ck_assert_uint_eq (count ("canolfan", CLW_SEARCH_KIND_ACTION), 1);
  ck_assert_uint_eq (count ("phlebotomy", -1), 2);

  /* The meeting, and with it its action. */
  meeting = clw_record_load (fx.db, CLW_TYPE_MEETING, fx.meeting_id, &error);
  ck_assert_no_error (error);
  clw_record_delete (meeting, fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("canolfan", -1), 0);
  ck_assert_uint_eq (count ("Neuadd", -1), 0);
  ck_assert_uint_eq (count ("phlebotomy", CLW_SEARCH_KIND_EVIDENCE), 1);
  ck_assert_uint_eq (count ("phlebotomy", CLW_SEARCH_KIND_MEETING), 0);

  /* The practice, and with it its evidence and its IMTP contribution. */
  practice = clw_record_load (fx.db, CLW_TYPE_PRACTICE, fx.practice_id, &error);
  ck_assert_no_error (error);
  clw_record_delete (practice, fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("Ynys Mon", -1), 0);
  ck_assert_uint_eq (count ("phlebotomy", -1), 0);
  ck_assert_uint_eq (count ("Llyn", -1), 0);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM search_index"),
                    clw_test_query_int (fx.db, "SELECT count(*) FROM search_source"));

  /* Undo brings both back, indexed. */
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("Ynys Mon", CLW_SEARCH_KIND_PRACTICE), 1);
  ck_assert_uint_eq (count ("Llyn", CLW_SEARCH_KIND_IMTP_SECTION), 1);
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("canolfan", CLW_SEARCH_KIND_ACTION), 1);
  ck_assert_uint_eq (count ("phlebotomy", -1), 2);
}
END_TEST

/* An import that changes rows already there: the old words go, the new
 * ones are found, nothing is indexed twice. */
START_TEST (test_index_after_import_of_changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ClwRecord) practice = NULL;
  ClwImportCounts counts = { 0 };
  int indexed;

  practice = clw_record_load (fx.db, CLW_TYPE_PRACTICE, fx.practice_id, &error);
  ck_assert_no_error (error);
  g_object_set (practice, "name", "Meddygfa Bro Ddyfi", NULL);
  clw_record_update (practice, fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  bytes = clw_dataset_export_bytes (fx.db, CLW_SCOPE_ALL, NULL, &error);
  ck_assert_no_error (error);
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count ("Ddyfi", -1), 0);
  indexed = clw_test_query_int (fx.db, "SELECT count(*) FROM search_index");

  clw_dataset_import_bytes (fx.db, bytes, "export.xml", &counts, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (counts.updated, 0);

  ck_assert_uint_eq (count ("Ddyfi", CLW_SEARCH_KIND_PRACTICE), 1);
  ck_assert_uint_eq (count ("Ynys", -1), 0);
  ck_assert_uint_eq (count ("phlebotomy", -1), 2);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM search_index"), indexed);
}
END_TEST

START_TEST (test_groups_and_limits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(ClwSearchGroup) group = NULL;
  double last = -G_MAXDOUBLE;

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(ClwActionItem) action = clw_action_item_new ();
      g_autofree char *text = g_strdup_printf ("Audit number %u%s", i, i == 7 ? " audit audit" : "");

      g_object_set (action,
                    "meeting-id", fx.meeting_id,
                    "description", text,
                    "owner", "Lead",
                    "due-on", "2022-02-01",
                    "status", CLW_ACTION_STATUS_OPEN,
                    NULL);
      insert (action);
    }

  groups = clw_search (fx.db, "audit", 5, &error);
  ck_assert_no_error (error);
  /* Actions, then evidence: in the order of the kinds. */
  ck_assert_uint_eq (g_list_model_get_n_items (groups), 2);
  group = g_list_model_get_item (groups, 0);
  ck_assert_int_eq (clw_search_group_get_kind (group), CLW_SEARCH_KIND_ACTION);
  ck_assert_str_eq (clw_search_group_get_label (group), "Actions");
  ck_assert_uint_eq (clw_search_group_get_n_total (group), 30);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (group)), 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ClwSearchResult) result = g_list_model_get_item (G_LIST_MODEL (group), i);
      ck_assert (clw_search_result_get_rank (result) >= last);
      last = clw_search_result_get_rank (result);
      if (i == 0)
        ck_assert_str_eq (clw_search_result_get_title (result), "Audit number 7 audit audit");
    }
  g_clear_object (&group);
  group = g_list_model_get_item (groups, 1);
  ck_assert_int_eq (clw_search_group_get_kind (group), CLW_SEARCH_KIND_EVIDENCE);
}
END_TEST

/* A word so common that a kind has more matches than it ranks: every match
 * is counted, the newest are ranked, the oldest only counted. */
START_TEST (test_common_word_ranks_the_newest)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(ClwSearchGroup) group = NULL;
  g_autoptr(ClwSearchResult) best = NULL;
  guint n = CLW_SEARCH_MAX_RANKED + 50;

  ck_assert (clw_database_begin (fx.db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwActionItem) action = clw_action_item_new ();
      g_autofree char *text = NULL;

      /* The oldest would rank best, one of the newest next. */
      if (i == 0)
        text = g_strdup ("Referral referral referral referral");
      else if (i == n - 10)
        text = g_strdup ("Referral referral, newest");
      else
        text = g_strdup_printf ("Referral pathway number %u", i);

      g_object_set (action,
                    "meeting-id", fx.meeting_id,
                    "description", text,
                    "owner", "Lead",
                    "due-on", "2022-02-01",
                    "status", CLW_ACTION_STATUS_OPEN,
                    NULL);
      insert (action);
    }
  ck_assert (clw_database_commit (fx.db, &error));

  groups = clw_search (fx.db, "referral", 5, &error);
  ck_assert_no_error (error);
  group = g_list_model_get_item (groups, 0);
  ck_assert_int_eq (clw_search_group_get_kind (group), CLW_SEARCH_KIND_ACTION);
  ck_assert_uint_eq (clw_search_group_get_n_total (group), n);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (group)), 5);
  best = g_list_model_get_item (G_LIST_MODEL (group), 0);
  ck_assert_str_eq (clw_search_result_get_title (best), "Referral referral, newest");
}
END_TEST

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

START_TEST (test_async)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ClwSearchGroup) group = NULL;

  clw_search_async (clw_database_get_path (fx.db), "Ynys", 0, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  groups = clw_search_finish (result, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (groups), 1);
  group = g_list_model_get_item (groups, 0);
  ck_assert_int_eq (clw_search_group_get_kind (group), CLW_SEARCH_KIND_PRACTICE);

  g_cancellable_cancel (cancellable);
  clw_search_async (clw_database_get_path (fx.db), "Ynys", 0, cancellable, async_done_cb, &cancelled_result);
  while (cancelled_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  none = clw_search_finish (cancelled_result, &error);
  ck_assert_ptr_null (none);
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}
END_TEST

static Suite *
search_suite (void)
{
  Suite *s = suite_create ("search");
  TCase *tc = tcase_create ("search");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_build_query);
  tcase_add_test (tc, test_finds_every_kind);
  tcase_add_test (tc, test_welsh_and_prefixes);
  tcase_add_test (tc, test_hostile_input);
  tcase_add_test (tc, test_index_follows_edits);
  tcase_add_test (tc, test_index_after_import);
  tcase_add_test (tc, test_index_follows_cascades);
  tcase_add_test (tc, test_index_after_import_of_changes);
  tcase_add_test (tc, test_groups_and_limits);
  tcase_add_test (tc, test_common_word_ranks_the_newest);
  tcase_add_test (tc, test_async);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (search_suite (), argc, argv);
}
