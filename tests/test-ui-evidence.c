/* test-ui-evidence.c: evidence files on the practice and meeting pages, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files are dropped as the file manager drops them: the page's drop target
 * gets a GdkFileList (its "drop" signal emitted, as the notes on headless
 * testing describe). What is stored is read back from the database and
 * the attachment store; what the engine makes of it, from the session's
 * new report.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "clw-attach-dialog.h"
#include "clw-evidence-list.h"
#include "clw-meeting-editor.h"
#include "clw-practice-page.h"
#include "clw-ui-fixture.h"

/* A practice of the cycle still missing evidence of @kind. */
static char *
practice_missing (ClwEvidenceKind kind)
{
  GListModel *practices = clw_qaif_report_get_practices (clw_ui_report ());

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);

      for (guint m = 0; m < clw_practice_result_get_n_missing_evidence (result); m++)
        if (clw_practice_result_get_missing_evidence (result, m)->kind == kind)
          return g_strdup (clw_practice_result_get_practice_id (result));
    }

  return NULL;
}

static gboolean
still_missing (const char      *practice_id,
               ClwEvidenceKind  kind)
{
  ClwPracticeResult *result = clw_qaif_report_lookup_practice (clw_ui_report (), practice_id);

  for (guint m = 0; m < clw_practice_result_get_n_missing_evidence (result); m++)
    if (clw_practice_result_get_missing_evidence (result, m)->kind == kind)
      return TRUE;

  return FALSE;
}

static char *
write_file (const char *name,
            gsize       size)
{
  char *path = clw_test_path (name);
  g_autofree char *contents = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    contents[i] = "Partnership working with the community mental health team.\n"[i % 59];
  clw_test_write_file (path, contents, size);
  return path;
}

/* Drop @paths on @widget as the file manager would. */
static gboolean
drop_files (GtkWidget          *widget,
            const char * const *paths)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  GtkDropTarget *target = NULL;
  gboolean dropped = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                             GDK_TYPE_FILE_LIST))
        target = GTK_DROP_TARGET (controller);
    }
  ck_assert_msg (target != NULL, "%s takes no files", G_OBJECT_TYPE_NAME (widget));

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);

  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &dropped);
  clw_ui_flush ();
  return dropped;
}

static ClwEvidenceList *
evidence_list_of (GtkWidget *page)
{
  GtkWidget *list = clw_ui_find (page, NULL, CLW_TYPE_EVIDENCE_LIST);

  ck_assert_ptr_nonnull (list);
  return CLW_EVIDENCE_LIST (list);
}

static void
wait_until_attached (ClwEvidenceList *list)
{
  gint64 deadline = g_get_monotonic_time () + CLW_UI_TIMEOUT_MS * 1000;

  while (clw_evidence_list_get_busy (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ck_assert (!clw_evidence_list_get_busy (list));
  clw_ui_flush ();
}

static ClwEvidence *
stored_titled (const char *practice_id,
               const char *meeting_id,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) evidence = clw_evidence_list (clw_ui_database (), practice_id, meeting_id, &error);

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(ClwEvidence) e = g_list_model_get_item (evidence, i);

      if (g_strcmp0 (clw_evidence_get_title (e), title) == 0)
        return g_steal_pointer (&e);
    }

  return NULL;
}

static guint
n_stored_files (void)
{
  ClwAttachmentStore *store = clw_evidence_get_store (clw_ui_database ());
  g_auto(GStrv) files = clw_attachment_store_list (store, NULL);

  return files != NULL ? g_strv_length (files) : 0;
}

START_TEST (test_drop_partnership_evidence)
{
  g_autofree char *practice_id = practice_missing (CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING);
  g_autofree char *file = write_file ("Partnership minutes.pdf", 200 * 1024);
  g_autofree char *stored_path = NULL;
  g_autoptr(ClwEvidence) stored = NULL;
  const char *paths[] = { file, NULL };
  ClwEvidenceList *list;
  GtkWidget *page;
  GtkWindow *dialog;
  ClwQaifReport *before;
  GStatBuf st;

  ck_assert_msg (practice_id != NULL, "the demo has no practice missing partnership working evidence");
  ck_assert (still_missing (practice_id, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING));
  clw_window_show_practice (clw_ui_fx.window, practice_id);
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  page = clw_ui_find (GTK_WIDGET (clw_ui_fx.window), NULL, CLW_TYPE_PRACTICE_PAGE);
  list = evidence_list_of (page);

  /* Dropped on the page: the kind, title (its name) and date are asked. */
  ck_assert (drop_files (page, paths));
  dialog = clw_ui_wait_for_toplevel (CLW_TYPE_ATTACH_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  {
    g_autofree char *title = clw_attach_dialog_dup_title (CLW_ATTACH_DIALOG (dialog));
    ck_assert_str_eq (title, "Partnership minutes.pdf");
  }
  clw_attach_dialog_set_kind (CLW_ATTACH_DIALOG (dialog), CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING);
  clw_attach_dialog_set_title (CLW_ATTACH_DIALOG (dialog), "Minutes with the community mental health team");
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "attach"));

  before = clw_ui_report ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "attach");
  gtk_window_destroy (dialog);
  wait_until_attached (list);

  /* The row, as stored. */
  stored = stored_titled (practice_id, NULL, "Minutes with the community mental health team");
  ck_assert_ptr_nonnull (stored);
  ck_assert_int_eq (clw_evidence_get_kind (stored), CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING);
  ck_assert_str_eq (clw_evidence_get_original_name (stored), "Partnership minutes.pdf");
  ck_assert_int_eq (clw_evidence_get_size (stored), 200 * 1024);
  ck_assert (clw_evidence_sha256_is_valid (clw_evidence_get_sha256 (stored)));
  ck_assert_str_eq (clw_database_get_undo_label (clw_ui_database ()),
                    "Attach “Minutes with the community mental health team”");

  /* The file, in the store, readable by its owner only. */
  stored_path = clw_evidence_dup_file_path (clw_ui_database (), stored);
  ck_assert_int_eq (g_stat (stored_path, &st), 0);
  ck_assert_int_eq (st.st_size, 200 * 1024);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  /* The list shows it. */
  {
    GListModel *items = clw_evidence_list_get_items (list);
    gboolean shown = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(ClwEvidence) e = g_list_model_get_item (items, i);
        shown |= g_strcmp0 (clw_record_get_id (CLW_RECORD (e)), clw_record_get_id (CLW_RECORD (stored))) == 0;
      }
    ck_assert (shown);
  }

  /* The engine sees it: the partnership working evidence is no longer
   * missing. */
  ck_assert (clw_ui_wait_for_report (clw_ui_session (), before, CLW_UI_TIMEOUT_MS));
  ck_assert (!still_missing (practice_id, CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING));

  /* Removed, with undo. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (list), "evidence.remove", "s",
                                         clw_record_get_id (CLW_RECORD (stored))));
  clw_ui_flush ();
  ck_assert (!clw_record_exists (clw_ui_database (), CLW_TYPE_EVIDENCE, clw_record_get_id (CLW_RECORD (stored))));
  ck_assert (g_file_test (stored_path, G_FILE_TEST_EXISTS));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (clw_ui_fx.window), "win.undo", NULL));
  clw_ui_flush ();
  ck_assert (clw_record_exists (clw_ui_database (), CLW_TYPE_EVIDENCE, clw_record_get_id (CLW_RECORD (stored))));
}
END_TEST

START_TEST (test_size_limit_and_folders_refused)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *big = write_file ("Scanned bundle.pdf", 2500 * 1000);
  g_autofree char *limit = g_format_size (2 * 1000 * 1000);
  g_autofree char *size = g_format_size (2500 * 1000);
  g_autofree char *folder = clw_test_path ("A folder");
  g_autofree char *practice_id = practice_missing (CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING);
  g_autoptr(ClwTestSnapshot) before = NULL;
  g_autoptr(ClwTestSnapshot) after = NULL;
  const char *paths[] = { big, folder, NULL };
  guint files_before;
  GtkWidget *page;
  GtkWindow *dialog;
  const char *body;

  ck_assert_int_eq (g_mkdir (folder, 0700), 0);
  /* The preference: 2 MB. */
  g_settings_set_uint (settings, "evidence-max-size", 2);

  clw_window_show_practice (clw_ui_fx.window, practice_id);
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  page = clw_ui_find (GTK_WIDGET (clw_ui_fx.window), NULL, CLW_TYPE_PRACTICE_PAGE);
  before = clw_test_snapshot_take (clw_ui_database ());
  files_before = n_stored_files ();

  ck_assert (drop_files (page, paths));
  dialog = clw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  /* Refused before anything is asked. */
  ck_assert (!CLW_IS_ATTACH_DIALOG (dialog));
  ck_assert_ptr_null (clw_ui_find_toplevel (CLW_TYPE_ATTACH_DIALOG));
  ck_assert_str_eq (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Some Files Cannot Be Attached");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  /* What, how large, the limit (as the preferences say it), what to do. */
  ck_assert (strstr (body, "Scanned bundle.pdf") != NULL);
  ck_assert (strstr (body, size) != NULL);
  ck_assert (strstr (body, limit) != NULL);
  ck_assert (strstr (body, "Preferences") != NULL);
  ck_assert (strstr (body, "A folder") != NULL);
  ck_assert (strstr (body, "not a file") != NULL);
  ck_assert (!adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "attach"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (dialog);
  clw_ui_flush ();
  ck_assert_ptr_null (clw_ui_find_toplevel (CLW_TYPE_ATTACH_DIALOG));

  /* Nothing stored: no row, no file. */
  after = clw_test_snapshot_take (clw_ui_database ());
  ck_assert_str_eq (after->export, before->export);
  ck_assert_int_eq (after->audit_rows, before->audit_rows);
  ck_assert_uint_eq (n_stored_files (), files_before);
}
END_TEST

static gboolean painted;

static void
painted_cb (GdkFrameClock *clock)
{
  painted = TRUE;
}

/* A large file is stored off the main thread: the window keeps drawing,
 * and shows the progress. */
START_TEST (test_large_file_attached_in_the_background)
{
  GListModel *clusters = clw_qaif_report_get_clusters (clw_ui_report ());
  g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, 0);
  g_autoptr(GListModel) practices = clw_qaif_report_list_cluster_practices (clw_ui_report (),
                                                                           clw_cluster_summary_get_cluster_id (summary));
  g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, 0);
  g_autofree char *large = write_file ("Demand and capacity.csv", 40 * 1024 * 1024);
  g_autoptr(ClwEvidence) stored = NULL;
  const char *paths[] = { large, NULL };
  const char *practice_id = clw_practice_result_get_practice_id (result);
  GtkWidget *progress_bar;
  GdkFrameClock *clock;
  ClwEvidenceList *list;
  GtkWidget *page;
  GtkWindow *dialog;
  guint frames = 0;
  gulong id;

  clw_window_show_practice (clw_ui_fx.window, practice_id);
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  page = clw_ui_find (GTK_WIDGET (clw_ui_fx.window), NULL, CLW_TYPE_PRACTICE_PAGE);
  list = evidence_list_of (page);

  ck_assert (drop_files (page, paths));
  dialog = clw_ui_wait_for_toplevel (CLW_TYPE_ATTACH_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  clw_attach_dialog_set_kind (CLW_ATTACH_DIALOG (dialog), CLW_EVIDENCE_KIND_DEMAND_CAPACITY);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "attach");
  gtk_window_destroy (dialog);
  ck_assert (clw_evidence_list_get_busy (list));

  /* While it is stored, frames are drawn. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (clw_ui_fx.window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), NULL);
  progress_bar = clw_ui_find (GTK_WIDGET (list), NULL, GTK_TYPE_PROGRESS_BAR);
  while (clw_evidence_list_get_busy (list))
    {
      painted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (clw_ui_fx.window));
      clw_ui_wait_for (&painted, CLW_UI_TIMEOUT_MS);
      if (painted && clw_evidence_list_get_busy (list))
        frames++;
    }
  g_signal_handler_disconnect (clock, id);
  ck_assert_uint_ge (frames, 1);
  ck_assert_ptr_nonnull (progress_bar);
  ck_assert (!gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (progress_bar))));

  stored = stored_titled (practice_id, NULL, "Demand and capacity.csv");
  ck_assert_ptr_nonnull (stored);
  ck_assert_int_eq (clw_evidence_get_size (stored), 40 * 1024 * 1024);
  ck_assert_int_eq (clw_evidence_get_kind (stored), CLW_EVIDENCE_KIND_DEMAND_CAPACITY);
}
END_TEST

/* The meeting page takes files too; they are the meeting's. */
START_TEST (test_drop_on_a_meeting)
{
  GListModel *practices = clw_qaif_report_get_practices (clw_ui_report ());
  g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, 0);
  const ClwMeetingOutcome *outcome = clw_practice_result_get_meeting (result, 0);
  g_autofree char *file = write_file ("Presentation.odp", 4096);
  g_autoptr(ClwEvidence) stored = NULL;
  const char *paths[] = { file, NULL };
  ClwEvidenceList *list;
  GtkWidget *editor;
  GtkWindow *dialog;

  ck_assert_ptr_nonnull (outcome);
  clw_window_show_meeting (clw_ui_fx.window, outcome->meeting_id);
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  editor = clw_ui_find (GTK_WIDGET (clw_ui_fx.window), NULL, CLW_TYPE_MEETING_EDITOR);
  list = evidence_list_of (editor);

  ck_assert (drop_files (editor, paths));
  dialog = clw_ui_wait_for_toplevel (CLW_TYPE_ATTACH_DIALOG, CLW_UI_TIMEOUT_MS);
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "attach");
  gtk_window_destroy (dialog);
  wait_until_attached (list);

  stored = stored_titled (NULL, outcome->meeting_id, "Presentation.odp");
  ck_assert_ptr_nonnull (stored);
  ck_assert_ptr_null (clw_evidence_get_practice_id (stored));
  ck_assert_int_eq (clw_evidence_get_kind (stored), CLW_EVIDENCE_KIND_OTHER);

  /* Shown on the meeting's Evidence view. */
  clw_meeting_editor_show_view (CLW_MEETING_EDITOR (editor), "evidence");
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  ck_assert_uint_ge (g_list_model_get_n_items (clw_evidence_list_get_items (list)), 1);
}
END_TEST

static Suite *
evidence_suite (void)
{
  Suite *s = suite_create ("ui-evidence");
  TCase *tc = tcase_create ("evidence");

  tcase_add_checked_fixture (tc, clw_ui_fixture_setup, clw_ui_fixture_teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_drop_partnership_evidence);
  tcase_add_test (tc, test_size_limit_and_folders_refused);
  tcase_add_test (tc, test_large_file_attached_in_the_background);
  tcase_add_test (tc, test_drop_on_a_meeting);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_ui_fixture_run (evidence_suite (), argc, argv);
}
