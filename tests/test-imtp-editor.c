/* test-imtp-editor.c: editing, submitting and reopening IMTP contributions, with undo
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
  char          *cycle_id;
  char          *practice_id;
  char          *other_practice_id;
  ClwImtpEditor *editor;
} Fixture;

static Fixture fx;

static char *
add_practice (const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPractice) practice = clw_practice_new ();

  g_object_set (practice,
                "cluster-id", fx.cluster_id,
                "code", code,
                "name", "Meddygfa Test",
                "partners", 4,
                "list-size", 8000,
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
  fx.cluster_id = clw_test_query_string (fx.db, "SELECT id FROM cluster ORDER BY code LIMIT 1");
  fx.cycle_id = clw_test_query_string (fx.db, "SELECT id FROM cycle WHERE code = '2021-22'");
  fx.practice_id = add_practice ("W30001");
  fx.other_practice_id = add_practice ("W30002");
  clw_database_set_meta (fx.db, "reference-date", "2022-06-01", &error);
  ck_assert_no_error (error);

  fx.editor = clw_imtp_editor_new (fx.db, fx.practice_id, fx.cycle_id, &error);
  ck_assert_no_error (error);
}

static void
teardown (void)
{
  g_clear_object (&fx.editor);
  g_clear_object (&fx.db);
  g_clear_pointer (&fx.cluster_id, g_free);
  g_clear_pointer (&fx.cycle_id, g_free);
  g_clear_pointer (&fx.practice_id, g_free);
  g_clear_pointer (&fx.other_practice_id, g_free);
}

static const char *
body_of (ClwImtpSectionKind kind)
{
  return clw_imtp_section_get_body (clw_imtp_editor_get_section (fx.editor, kind));
}

static void
save (ClwImtpSectionKind  kind,
      const char         *text)
{
  g_autoptr(GError) error = NULL;

  clw_imtp_editor_save_section (fx.editor, kind, text, NULL, &error);
  ck_assert_no_error (error);
}

static void
undo (void)
{
  g_autoptr(GError) error = NULL;

  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
}

static void
make_ready (void)
{
  g_autoptr(GError) error = NULL;

  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      save (kind, "Text of the section.");
      clw_imtp_editor_set_section_status (fx.editor, kind, CLW_SECTION_STATUS_COMPLETE, &error);
      ck_assert_no_error (error);
    }
  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      clw_imtp_editor_set_workforce (fx.editor, role, role == CLW_WORKFORCE_ROLE_PHARMACISTS ? 0 : 3,
                                     role == CLW_WORKFORCE_ROLE_PHARMACISTS ? 0.0 : 2.5, &error);
      ck_assert_no_error (error);
    }
}

static guint notified;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  notified++;
}

START_TEST (test_new_editor)
{
  g_auto(GStrv) missing = NULL;

  ck_assert (!clw_imtp_editor_get_exists (fx.editor));
  ck_assert_ptr_null (clw_imtp_editor_get_contribution (fx.editor));
  ck_assert_uint_eq (g_list_model_get_n_items (clw_imtp_editor_get_sections (fx.editor)), 5);
  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      ClwImtpSection *section = clw_imtp_editor_get_section (fx.editor, kind);
      ck_assert_int_eq (clw_imtp_section_get_kind (section), kind);
      ck_assert_int_eq (clw_imtp_section_get_status (section), CLW_SECTION_STATUS_NOT_STARTED);
      ck_assert_ptr_null (clw_record_get_id (CLW_RECORD (section)));
    }
  ck_assert (!clw_imtp_editor_get_workforce (fx.editor, CLW_WORKFORCE_ROLE_GPS, NULL, NULL));
  ck_assert_str_eq (clw_imtp_editor_get_deadline (fx.editor), "2022-09-30");
  ck_assert (!clw_imtp_editor_is_ready (fx.editor));
  missing = clw_imtp_editor_list_missing (fx.editor);
  ck_assert_uint_eq (g_strv_length (missing), 6);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM imtp_contribution"), 0);
}
END_TEST

START_TEST (test_first_edit_creates_and_undo_removes)
{
  ClwImtpSection *section = clw_imtp_editor_get_section (fx.editor, CLW_IMTP_SECTION_KIND_WORKFORCE);

  save (CLW_IMTP_SECTION_KIND_WORKFORCE, "Two nurses need prescribing training.");

  ck_assert (clw_imtp_editor_get_exists (fx.editor));
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM imtp_contribution"), 1);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM imtp_section"), 5);
  /* The same object, now stored and in progress. */
  ck_assert_ptr_eq (section, clw_imtp_editor_get_section (fx.editor, CLW_IMTP_SECTION_KIND_WORKFORCE));
  ck_assert_ptr_nonnull (clw_record_get_id (CLW_RECORD (section)));
  ck_assert_str_eq (clw_imtp_section_get_body (section), "Two nurses need prescribing training.");
  ck_assert_int_eq (clw_imtp_section_get_status (section), CLW_SECTION_STATUS_IN_PROGRESS);
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Edit “Workforce” of W30001");

  g_signal_connect (section, "notify::body", G_CALLBACK (notify_cb), NULL);
  notified = 0;
  undo ();
  ck_assert_uint_eq (notified, 1);
  ck_assert (!clw_imtp_editor_get_exists (fx.editor));
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM imtp_contribution"), 0);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM imtp_section"), 0);
  ck_assert_ptr_eq (section, clw_imtp_editor_get_section (fx.editor, CLW_IMTP_SECTION_KIND_WORKFORCE));
  ck_assert_str_eq (clw_imtp_section_get_body (section), "");
  ck_assert_ptr_null (clw_record_get_id (CLW_RECORD (section)));
  g_signal_handlers_disconnect_by_func (section, notify_cb, NULL);
}
END_TEST

START_TEST (test_typing_is_one_undo_step)
{
  const char *before = clw_database_get_undo_label (fx.db);
  g_autofree char *before_label = g_strdup (before);

  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing");
  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing population");
  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing population in the valleys.");
  ck_assert_str_eq (body_of (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS), "Ageing population in the valleys.");

  undo ();
  /* The whole run of typing, and the contribution it started. */
  ck_assert (!clw_imtp_editor_get_exists (fx.editor));
  ck_assert_str_eq (body_of (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS), "");
  ck_assert_str_eq (clw_database_get_undo_label (fx.db) ? clw_database_get_undo_label (fx.db) : "",
                    before_label ? before_label : "");
}
END_TEST

START_TEST (test_saves_without_merging)
{
  clw_imtp_editor_set_merge_seconds (fx.editor, 0);
  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing");
  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing population");

  undo ();
  ck_assert_str_eq (body_of (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS), "Ageing");
  ck_assert (clw_imtp_editor_get_exists (fx.editor));
}
END_TEST

START_TEST (test_other_changes_break_the_run)
{
  g_autoptr(GError) error = NULL;

  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing");
  save (CLW_IMTP_SECTION_KIND_SERVICES_GAPS, "No phlebotomy");
  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing population");

  undo ();
  ck_assert_str_eq (body_of (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS), "Ageing");
  ck_assert_str_eq (body_of (CLW_IMTP_SECTION_KIND_SERVICES_GAPS), "No phlebotomy");
  undo ();
  ck_assert_str_eq (body_of (CLW_IMTP_SECTION_KIND_SERVICES_GAPS), "");
  ck_assert_str_eq (body_of (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS), "Ageing");

  /* A status change is a step of its own. */
  clw_imtp_editor_set_section_status (fx.editor, CLW_IMTP_SECTION_KIND_POPULATION_NEEDS,
                                      CLW_SECTION_STATUS_COMPLETE, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Mark “Population needs assessment” of W30001 complete");
  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing population");
  undo ();
  ck_assert_str_eq (body_of (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS), "Ageing");
  ck_assert_int_eq (clw_imtp_section_get_status (clw_imtp_editor_get_section (fx.editor, CLW_IMTP_SECTION_KIND_POPULATION_NEEDS)),
                    CLW_SECTION_STATUS_COMPLETE);
  undo ();
  ck_assert_int_eq (clw_imtp_section_get_status (clw_imtp_editor_get_section (fx.editor, CLW_IMTP_SECTION_KIND_POPULATION_NEEDS)),
                    CLW_SECTION_STATUS_IN_PROGRESS);
}
END_TEST

START_TEST (test_status_rules)
{
  g_autoptr(GError) error = NULL;
  ClwImtpSection *section = clw_imtp_editor_get_section (fx.editor, CLW_IMTP_SECTION_KIND_PERFORMANCE);

  ck_assert (!clw_imtp_editor_set_section_status (fx.editor, CLW_IMTP_SECTION_KIND_PERFORMANCE,
                                                  CLW_SECTION_STATUS_COMPLETE, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM imtp_contribution"), 0);
  g_clear_error (&error);

  /* Welsh text alone is text. */
  clw_imtp_editor_save_section (fx.editor, CLW_IMTP_SECTION_KIND_PERFORMANCE, NULL,
                                "Mae’r perfformiad yn dda.", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_imtp_section_get_body_cy (section), "Mae’r perfformiad yn dda.");
  ck_assert_str_eq (clw_imtp_section_get_body (section), "");
  clw_imtp_editor_set_section_status (fx.editor, CLW_IMTP_SECTION_KIND_PERFORMANCE,
                                      CLW_SECTION_STATUS_COMPLETE, &error);
  ck_assert_no_error (error);

  /* Emptying a complete section takes it back to in progress. */
  clw_imtp_editor_save_section (fx.editor, CLW_IMTP_SECTION_KIND_PERFORMANCE, NULL, "  ", &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_imtp_section_get_status (section), CLW_SECTION_STATUS_IN_PROGRESS);
}
END_TEST

START_TEST (test_workforce)
{
  g_autoptr(GError) error = NULL;
  int headcount = -1;
  double wte = -1;

  ck_assert (!clw_imtp_editor_set_workforce (fx.editor, CLW_WORKFORCE_ROLE_NURSES, 2, 3.5, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM imtp_contribution"), 0);
  g_clear_error (&error);

  clw_imtp_editor_set_workforce (fx.editor, CLW_WORKFORCE_ROLE_NURSES, 4, 3.2, &error);
  ck_assert_no_error (error);
  ck_assert (clw_imtp_editor_get_workforce (fx.editor, CLW_WORKFORCE_ROLE_NURSES, &headcount, &wte));
  ck_assert_int_eq (headcount, 4);
  ck_assert_double_eq_tol (wte, 3.2, 1e-9);
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Count “Nurses” of W30001");

  /* A run of changes to one count is one step. */
  clw_imtp_editor_set_workforce (fx.editor, CLW_WORKFORCE_ROLE_NURSES, 5, 3.2, &error);
  ck_assert_no_error (error);
  clw_imtp_editor_set_workforce (fx.editor, CLW_WORKFORCE_ROLE_NURSES, 6, 3.2, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT headcount FROM imtp_workforce"), 6);
  undo ();
  ck_assert (!clw_imtp_editor_get_workforce (fx.editor, CLW_WORKFORCE_ROLE_NURSES, &headcount, NULL));
  ck_assert_int_eq (headcount, 0);
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM imtp_workforce"), 0);
}
END_TEST

START_TEST (test_submit_and_reopen)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;

  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing population");
  ck_assert (!clw_imtp_editor_submit (fx.editor, NULL, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  ck_assert_ptr_nonnull (strstr (error->message, "“Services and gaps in provision” is not complete"));
  ck_assert_ptr_nonnull (strstr (error->message, "GPs, Nurses"));
  g_clear_error (&error);

  make_ready ();
  missing = clw_imtp_editor_list_missing (fx.editor);
  ck_assert_uint_eq (g_strv_length (missing), 0);
  ck_assert (clw_imtp_editor_is_ready (fx.editor));

  /* Not before the cycle. */
  ck_assert (!clw_imtp_editor_submit (fx.editor, "2021-09-30", &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID);
  g_clear_error (&error);

  clw_imtp_editor_submit (fx.editor, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_imtp_editor_get_status (fx.editor), CLW_CONTRIBUTION_STATUS_SUBMITTED);
  ck_assert_str_eq (clw_imtp_editor_get_submitted_on (fx.editor), "2022-06-01");
  ck_assert (!clw_imtp_editor_is_late (fx.editor));
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Submit the IMTP contribution of W30001");

  /* A submission is not edited. */
  ck_assert (!clw_imtp_editor_save_section (fx.editor, CLW_IMTP_SECTION_KIND_WORKFORCE, "More", NULL, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  g_clear_error (&error);
  ck_assert (!clw_imtp_editor_submit (fx.editor, NULL, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  g_clear_error (&error);

  clw_imtp_editor_reopen (fx.editor, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_imtp_editor_get_status (fx.editor), CLW_CONTRIBUTION_STATUS_DRAFT);
  ck_assert_ptr_null (clw_imtp_editor_get_submitted_on (fx.editor));
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Reopen the IMTP contribution of W30001");
  ck_assert (!clw_imtp_editor_reopen (fx.editor, &error));
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE);
  g_clear_error (&error);

  /* After 30 September: accepted, and late, as said before. */
  ck_assert (!clw_imtp_editor_would_be_late (fx.editor, NULL));
  ck_assert (!clw_imtp_editor_would_be_late (fx.editor, "2022-09-30"));
  ck_assert (clw_imtp_editor_would_be_late (fx.editor, "2022-10-01"));
  clw_imtp_editor_submit (fx.editor, "2022-10-03", &error);
  ck_assert_no_error (error);
  ck_assert (clw_imtp_editor_is_late (fx.editor));

  undo ();
  ck_assert_int_eq (clw_imtp_editor_get_status (fx.editor), CLW_CONTRIBUTION_STATUS_DRAFT);
  ck_assert (!clw_imtp_editor_is_late (fx.editor));
}
END_TEST

START_TEST (test_notifications)
{
  g_autoptr(GError) error = NULL;

  g_signal_connect (fx.editor, "notify::ready", G_CALLBACK (notify_cb), NULL);
  notified = 0;
  make_ready ();
  ck_assert_uint_eq (notified, 1);
  undo ();  /* the last count */
  ck_assert_uint_eq (notified, 2);
  ck_assert (!clw_imtp_editor_is_ready (fx.editor));
  g_signal_handlers_disconnect_by_func (fx.editor, notify_cb, NULL);
}
END_TEST

START_TEST (test_cluster_view)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) view = NULL;
  g_autoptr(ClwImtpPracticeStatus) first = NULL;
  g_autoptr(ClwImtpPracticeStatus) second = NULL;
  g_autofree char *text = NULL;

  make_ready ();
  clw_imtp_editor_submit (fx.editor, "2022-10-03", &error);
  ck_assert_no_error (error);

  view = clw_imtp_editor_list_cluster (fx.db, fx.cluster_id, fx.cycle_id, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (view), 2);

  first = g_list_model_get_item (view, 0);
  ck_assert_str_eq (clw_imtp_practice_status_get_code (first), "W30001");
  ck_assert (clw_imtp_practice_status_get_started (first));
  ck_assert_int_eq (clw_imtp_practice_status_get_status (first), CLW_CONTRIBUTION_STATUS_SUBMITTED);
  ck_assert (clw_imtp_practice_status_get_late (first));
  ck_assert_uint_eq (clw_imtp_practice_status_get_sections_complete (first), 5);
  ck_assert (clw_imtp_practice_status_get_workforce_counted (first));
  ck_assert (clw_imtp_practice_status_get_ready (first));
  text = clw_imtp_practice_status_describe (first);
  ck_assert_str_eq (text, "Submitted late, on 3 Oct 2022");

  second = g_list_model_get_item (view, 1);
  ck_assert_str_eq (clw_imtp_practice_status_get_code (second), "W30002");
  ck_assert (!clw_imtp_practice_status_get_started (second));
  ck_assert (!clw_imtp_practice_status_get_ready (second));
  ck_assert (!clw_imtp_practice_status_get_late (second));

  ck_assert_ptr_null (clw_imtp_editor_list_cluster (fx.db, fx.cluster_id,
                                                    "7b0d0e52-0000-4000-8000-000000000000", &error));
  ck_assert_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_cluster_view_draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) view = NULL;
  g_autoptr(ClwImtpPracticeStatus) first = NULL;
  g_autofree char *text = NULL;

  save (CLW_IMTP_SECTION_KIND_POPULATION_NEEDS, "Ageing population");
  clw_imtp_editor_set_section_status (fx.editor, CLW_IMTP_SECTION_KIND_POPULATION_NEEDS,
                                      CLW_SECTION_STATUS_COMPLETE, &error);
  ck_assert_no_error (error);

  view = clw_imtp_editor_list_cluster (fx.db, fx.cluster_id, fx.cycle_id, &error);
  ck_assert_no_error (error);
  first = g_list_model_get_item (view, 0);
  ck_assert_uint_eq (clw_imtp_practice_status_get_sections_complete (first), 1);
  ck_assert (!clw_imtp_practice_status_get_workforce_counted (first));
  text = clw_imtp_practice_status_describe (first);
  ck_assert_str_eq (text, "Draft, 1 of 5 sections complete");
}
END_TEST

START_TEST (test_editor_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwImtpEditor) editor = NULL;

  editor = clw_imtp_editor_new (fx.db, "7b0d0e52-0000-4000-8000-000000000000", fx.cycle_id, &error);
  ck_assert_ptr_null (editor);
  ck_assert_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND);
}
END_TEST

static Suite *
imtp_editor_suite (void)
{
  Suite *s = suite_create ("imtp-editor");
  TCase *tc = tcase_create ("editor");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_new_editor);
  tcase_add_test (tc, test_first_edit_creates_and_undo_removes);
  tcase_add_test (tc, test_typing_is_one_undo_step);
  tcase_add_test (tc, test_saves_without_merging);
  tcase_add_test (tc, test_other_changes_break_the_run);
  tcase_add_test (tc, test_status_rules);
  tcase_add_test (tc, test_workforce);
  tcase_add_test (tc, test_submit_and_reopen);
  tcase_add_test (tc, test_notifications);
  tcase_add_test (tc, test_cluster_view);
  tcase_add_test (tc, test_cluster_view_draft);
  tcase_add_test (tc, test_editor_errors);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (imtp_editor_suite (), argc, argv);
}
