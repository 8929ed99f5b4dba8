/* test-ui-sync.c: copies for meetings and sync through the app's window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs in a process of its own (Check forks), calls gtk_init
 * there, and works on its own copy of one demo database (the master)
 * generated before the tests start. The copy for the meeting, the bundles
 * and their imports go through the window's own code (clw-window-sync.h),
 * the same the file choosers call; what the window shows is compared with
 * the engine's report and with core's view of the sync.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "clw-cluster-dashboard.h"
#include "clw-conflict-row.h"
#include "clw-conflicts-page.h"
#include "clw-gui-util.h"
#include "clw-sync-button.h"
#include "clw-test-util.h"
#include "clw-ui-fixture.h"
#include "clw-ui-util.h"
#include "clw-window-sync.h"

#define TIMEOUT_MS 60000


/* The window on a copy of the demo: clw-ui-fixture.c. */
#define fx clw_ui_fx

static void
setup (void)
{
  clw_ui_fixture_setup ();
}

static void
teardown (void)
{
  clw_ui_fixture_teardown ();
}

/* Waiting ----------------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) TIMEOUT_MS * 1000;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  clw_ui_flush ();
  return condition (data);
}

static gboolean
sync_done (gpointer data)
{
  return !clw_window_is_syncing (data);
}

static gboolean
window_ready (gpointer data)
{
  ClwWindow *window = data;

  /* Ready to edit: shown, and its integrity check passed. */
  return !clw_window_is_busy (window) && clw_window_get_session (window) != NULL &&
         clw_session_get_report (clw_window_get_session (window)) != NULL &&
         clw_database_is_verified (clw_session_get_database (clw_window_get_session (window)));
}

static ClwSyncButton *
sync_button (ClwWindow *window)
{
  GtkWidget *button = clw_ui_find (GTK_WIDGET (window), NULL, CLW_TYPE_SYNC_BUTTON);

  ck_assert_ptr_nonnull (button);
  return CLW_SYNC_BUTTON (button);
}

/* The status read since a bundle was imported. */
static gboolean
has_synced (gpointer data)
{
  ClwSyncStatus *status = clw_sync_button_get_status (data);

  return status != NULL && clw_sync_status_get_last_sync_at (status) != NULL;
}

typedef struct
{
  ClwSyncButton *button;
  const char    *text;
} ButtonText;

static gboolean
button_says (gpointer data)
{
  ButtonText *expected = data;

  return g_strcmp0 (clw_sync_button_get_text (expected->button), expected->text) == 0;
}

/* The dialog whose heading has @part, or NULL. */
static AdwMessageDialog *
find_dialog (const char *part)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), part) != NULL)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
close_dialog (AdwMessageDialog *dialog,
              const char       *response)
{
  /* As a click does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  clw_ui_flush ();
}

/* The window other than the master's. */
static ClwWindow *
other_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (CLW_IS_WINDOW (toplevel) && CLW_WINDOW (toplevel) != fx.window)
        return CLW_WINDOW (toplevel);
    }

  return NULL;
}

/* The master ----------------------------------------------------------------------- */

static ClwSession *
session (ClwWindow *window)
{
  return clw_window_get_session (window);
}

static ClwQaifReport *
report (ClwWindow *window)
{
  return clw_session_get_report (session (window));
}

static ClwDatabase *
database (ClwWindow *window)
{
  return clw_session_get_database (session (window));
}

static gboolean
recorded_as_attending (ClwDatabase *db,
                       const char  *meeting_id,
                       const char  *practice_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) attendance = clw_attendance_list_for_meeting (db, meeting_id, &error);

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (attendance)); i++)
    {
      g_autoptr(ClwAttendance) line = g_list_model_get_item (G_LIST_MODEL (attendance), i);

      if (g_str_equal (clw_attendance_get_practice_id (line), practice_id))
        return clw_attendance_get_status (line) == CLW_ATTENDANCE_STATUS_ATTENDED;
    }

  return FALSE;
}

/* The practice's line of the meeting's attendance, or NULL. */
static ClwRecord *
find_attendance (ClwDatabase *db,
                 const char  *meeting_id,
                 const char  *practice_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) attendance = clw_attendance_list_for_meeting (db, meeting_id, &error);

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (attendance)); i++)
    {
      g_autoptr(ClwAttendance) line = g_list_model_get_item (G_LIST_MODEL (attendance), i);

      if (g_str_equal (clw_attendance_get_practice_id (line), practice_id))
        return CLW_RECORD (g_steal_pointer (&line));
    }

  return NULL;
}

/* A held meeting and a practice not recorded as attending it, one meeting
 * short of what the indicator needs: its attendance changes its verdict. */
static gboolean
find_attendance_to_record (char **cluster_id,
                           char **practice_id,
                           char **meeting_id)
{
  GListModel *practices = clw_qaif_report_get_practices (report (fx.window));

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);

      if (clw_practice_result_get_buddy_code (result) != NULL ||
          clw_practice_result_get_meetings_counted (result) + 1 != clw_practice_result_get_meetings_required (result))
        continue;

      for (guint m = 0; m < clw_practice_result_get_n_meetings (result); m++)
        {
          const ClwMeetingOutcome *outcome = clw_practice_result_get_meeting (result, m);

          if (outcome->status == CLW_MEETING_STATUS_HELD && !outcome->counted && !outcome->in_future &&
              !recorded_as_attending (database (fx.window), outcome->meeting_id,
                                      clw_practice_result_get_practice_id (result)))
            {
              *cluster_id = g_strdup (clw_practice_result_get_cluster_id (result));
              *practice_id = g_strdup (clw_practice_result_get_practice_id (result));
              *meeting_id = g_strdup (outcome->meeting_id);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* Take a copy of the cluster as the menu item does, open it from the
 * dialog that offers to, and return the copy's window. */
static ClwWindow *
take_copy (const char *cluster_id,
           const char *path)
{
  AdwMessageDialog *ready;
  ClwWindow *copy;

  ck_assert (clw_window_show_item (fx.window, cluster_id));
  clw_ui_flush ();

  clw_window_take_meeting_copy (fx.window, cluster_id, path);
  ck_assert (clw_window_is_syncing (fx.window));
  /* The progress, while it works. */
  ck_assert_ptr_nonnull (find_dialog ("Taking a Copy"));
  ck_assert (wait_until (sync_done, fx.window));
  ck_assert_ptr_null (find_dialog ("Taking a Copy"));

  ready = find_dialog ("Ready");
  ck_assert_msg (ready != NULL, "no dialog offering to open the copy");
  ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  close_dialog (ready, "open");

  copy = other_window ();
  ck_assert_ptr_nonnull (copy);
  ck_assert (wait_until (window_ready, copy));
  ck_assert_str_eq (clw_database_get_path (database (copy)), path);
  return copy;
}

static char *
banner_text (ClwWindow *window)
{
  GtkWidget *label = clw_ui_find (GTK_WIDGET (window), "meeting-copy-banner", G_TYPE_INVALID);
  GtkWidget *revealer;

  ck_assert (GTK_IS_LABEL (label));
  revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);
  if (revealer == NULL || !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;
  return g_strdup (gtk_label_get_label (GTK_LABEL (label)));
}

static gboolean
banner_shown (gpointer data)
{
  g_autofree char *text = banner_text (data);

  return text != NULL;
}

static void
export_and_import (ClwWindow  *from,
                   const char *bundle)
{
  clw_window_export_changes (from, NULL, bundle);
  ck_assert (wait_until (sync_done, from));
  ck_assert (g_file_test (bundle, G_FILE_TEST_IS_REGULAR));

  clw_window_import_changes (fx.window, bundle);
  ck_assert (wait_until (sync_done, fx.window));
}

static int
label_number (GtkWidget  *page,
              const char *name)
{
  GtkWidget *label = clw_ui_find (page, name, G_TYPE_INVALID);
  const char *text;

  ck_assert_msg (GTK_IS_LABEL (label), "no label %s", name);
  text = gtk_label_get_label (GTK_LABEL (label));
  while (*text != '\0' && !g_ascii_isdigit (*text))
    text++;
  return atoi (text);
}

/* The tests --------------------------------------------------------------------- */

START_TEST (test_meeting_copy_round_trip)
{
  g_autofree char *cluster_id = NULL;
  g_autofree char *practice_id = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *copy_path = clw_test_path ("meeting.db");
  g_autofree char *bundle = clw_test_path ("from-the-meeting.clwsync");
  g_autofree char *banner = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *body = NULL;
  g_autoptr(ClwRecord) attendance = NULL;
  g_autoptr(GError) error = NULL;
  ClwPracticeResult *result;
  ClwClusterSummary *summary;
  ClwQaifReport *before_import;
  ClwVerdict before, after;
  int counted_before, count_after_before;
  AdwMessageDialog *imported;
  ButtonText synced;
  ClwWindow *copy;
  GtkWidget *dashboard;
  const char *cluster_name;

  ck_assert_msg (find_attendance_to_record (&cluster_id, &practice_id, &meeting_id),
                 "the demo has no practice one meeting short");
  result = clw_qaif_report_lookup_practice (report (fx.window), practice_id);
  before = clw_practice_result_get_verdict (result, 0);
  counted_before = clw_practice_result_get_meetings_counted (result);
  cluster_name = clw_practice_result_get_cluster_name (result);

  copy = take_copy (cluster_id, copy_path);

  /* The copy's window says what it is, so nobody takes it for the master. */
  ck_assert (wait_until (banner_shown, copy));
  banner = banner_text (copy);
  ck_assert_msg (g_str_has_prefix (banner, "Meeting copy of ") && strstr (banner, cluster_name) != NULL,
                 "banner: %s", banner);
  ck_assert_ptr_null (banner_text (fx.window));

  /* At the meeting: the practice attended, by its clinical partner. */
  attendance = find_attendance (database (copy), meeting_id, practice_id);
  if (attendance == NULL)
    attendance = clw_record_new (CLW_TYPE_ATTENDANCE);
  g_object_set (attendance,
                "meeting-id", meeting_id,
                "practice-id", practice_id,
                "status", CLW_ATTENDANCE_STATUS_ATTENDED,
                "representative-name", "Dr Hughes",
                "representative-role", clw_enum_to_nick (CLW_TYPE_REPRESENTATIVE_ROLE,
                                                         CLW_REPRESENTATIVE_ROLE_CLINICAL_PARTNER),
                NULL);
  ck_assert_msg (clw_session_save (session (copy), attendance, "Record attendance", &error),
                 "%s", error->message);

  /* The copy has a change to send. */
  synced.button = sync_button (copy);
  synced.text = "1 to Send";
  ck_assert_msg (wait_until (button_says, &synced), "the copy's button says “%s”",
                 clw_sync_button_get_text (synced.button));

  before_import = report (fx.window);
  summary = clw_qaif_report_lookup_cluster (before_import, cluster_id);
  after = before == CLW_VERDICT_ACHIEVED ? before : CLW_VERDICT_ACHIEVED;
  count_after_before = clw_cluster_summary_count_verdict (summary, 0, after);

  export_and_import (copy, bundle);

  imported = find_dialog ("Changes Imported");
  ck_assert_msg (imported != NULL, "no report of the import");
  body = g_strdup (adw_message_dialog_get_body (imported));
  ck_assert_msg (strstr (body, "1 change applied.") != NULL, "%s", body);
  ck_assert_msg (strstr (body, "No evidence files came with it.") != NULL, "%s", body);
  close_dialog (imported, "close");

  /* The master's engine and dashboard count the new attendance. */
  ck_assert (clw_ui_wait_for_report (session (fx.window), before_import, TIMEOUT_MS));
  ck_assert (recorded_as_attending (database (fx.window), meeting_id, practice_id));
  result = clw_qaif_report_lookup_practice (report (fx.window), practice_id);
  ck_assert_int_eq (clw_practice_result_get_meetings_counted (result), counted_before + 1);
  after = clw_practice_result_get_verdict (result, 0);
  ck_assert_int_ne (after, before);

  ck_assert (clw_window_show_item (fx.window, cluster_id));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  summary = clw_qaif_report_lookup_cluster (report (fx.window), cluster_id);
  dashboard = clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_CLUSTER_DASHBOARD);
  indicator = g_strdup_printf ("indicator-%s-%s", clw_cluster_summary_get_indicator_code (summary, 0),
                               clw_verdict_css_class (after));
  ck_assert_int_eq (label_number (dashboard, indicator), clw_cluster_summary_count_verdict (summary, 0, after));
  if (after == CLW_VERDICT_ACHIEVED)
    ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 0, after), count_after_before + 1);

  /* The master's header bar: synced with the copy, nothing waiting. */
  synced.button = sync_button (fx.window);
  synced.text = "Synced";
  ck_assert_msg (wait_until (has_synced, synced.button), "the master's status does not know of the sync");
  ck_assert_str_eq (clw_sync_button_get_text (synced.button), "Synced");
  ck_assert_uint_eq (clw_sync_status_get_n_conflicts (clw_sync_button_get_status (synced.button)), 0);
}
END_TEST

typedef struct
{
  ClwConflictsPage *page;
  guint             n;
} ConflictCount;

static gboolean
conflicts_are (gpointer data)
{
  ConflictCount *count = data;

  return !clw_conflicts_page_get_busy (count->page) &&
         g_list_model_get_n_items (clw_conflicts_page_get_conflicts (count->page)) == count->n;
}

static void
set_list_size (ClwWindow  *window,
               const char *practice_id,
               int         list_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) practice = clw_record_load (database (window), CLW_TYPE_PRACTICE, practice_id, &error);

  ck_assert_no_error (error);
  g_object_set (practice, "list-size", list_size, NULL);
  ck_assert (clw_session_save (session (window), practice, "Change the list size", &error));
  ck_assert_no_error (error);
}

static gboolean
no_conflicts (gpointer data)
{
  ClwSyncStatus *status = clw_sync_button_get_status (data);

  return status != NULL && clw_sync_status_get_n_conflicts (status) == 0 &&
         !clw_window_is_syncing (fx.window);
}

static gboolean
one_conflict (gpointer data)
{
  ClwSyncStatus *status = clw_sync_button_get_status (data);

  return status != NULL && clw_sync_status_get_n_conflicts (status) == 1 &&
         !clw_window_is_syncing (fx.window);
}

static GtkWidget *
badge_label (ClwSyncButton *button)
{
  g_autoptr(GPtrArray) labels = clw_ui_find_all (GTK_WIDGET (button), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "sync-badge"))
      return g_ptr_array_index (labels, i);
  ck_abort_msg ("no badge on the sync button");
  return NULL;
}

static gboolean
dashboard_shows (GtkWidget  *dashboard,
                 const char *text)
{
  g_autoptr(GPtrArray) cells = clw_ui_find_all (dashboard, GTK_TYPE_INSCRIPTION);

  /* The practices' table: its cells are inscriptions. */
  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (gtk_inscription_get_text (g_ptr_array_index (cells, i)), text) == 0)
      return TRUE;
  return FALSE;
}

START_TEST (test_conflict_take_theirs)
{
  g_autofree char *copy_path = clw_test_path ("meeting.db");
  g_autofree char *bundle = clw_test_path ("from-the-meeting.clwsync");
  g_autofree char *mine_text = NULL;
  g_autofree char *theirs_text = NULL;
  g_autofree char *theirs_shown = NULL;
  g_autoptr(ClwPracticeResult) practice = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) stored = NULL;
  ClwQaifReport *before_resolve;
  ClwConflictsPage *page;
  ClwConflictRow *row = NULL;
  ClwSyncConflict *conflict;
  AdwMessageDialog *imported;
  ConflictCount count;
  ButtonText badge;
  GtkWidget *dashboard, *take_theirs;
  const char *practice_id, *cluster_id, *code;
  int base, mine, theirs;

  /* A practice of the first cluster with practices. */
  {
    GListModel *practices = clw_qaif_report_get_practices (report (fx.window));
    practice = g_list_model_get_item (practices, 0);
  }
  practice_id = clw_practice_result_get_practice_id (practice);
  cluster_id = clw_practice_result_get_cluster_id (practice);
  code = clw_practice_result_get_code (practice);
  base = clw_practice_result_get_list_size (practice);
  mine = base + 111;
  theirs = base + 222;
  mine_text = g_strdup_printf ("%d", mine);
  theirs_text = g_strdup_printf ("%d", theirs);
  theirs_shown = clw_format_count (theirs);

  {
    ClwWindow *copy = take_copy (cluster_id, copy_path);

    /* The same field, changed on both sides. */
    set_list_size (fx.window, practice_id, mine);
    set_list_size (copy, practice_id, theirs);
    export_and_import (copy, bundle);
  }

  imported = find_dialog ("Changes Imported");
  ck_assert_ptr_nonnull (imported);
  ck_assert_msg (strstr (adw_message_dialog_get_body (imported), "1 conflict found") != NULL,
                 "%s", adw_message_dialog_get_body (imported));
  /* The dialog leads to the conflicts. */
  close_dialog (imported, "conflicts");

  /* The header bar has a badge; until resolved, the master keeps its value. */
  badge.button = sync_button (fx.window);
  ck_assert (wait_until (one_conflict, badge.button));
  ck_assert (gtk_widget_get_visible (badge_label (badge.button)));
  ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (badge_label (badge.button))), "1");
  ck_assert_str_eq (clw_sync_button_get_text (badge.button), "Conflict");
  stored = clw_record_load (database (fx.window), CLW_TYPE_PRACTICE, practice_id, &error);
  ck_assert_int_eq (clw_practice_get_list_size (CLW_PRACTICE (stored)), mine);
  g_clear_object (&stored);

  /* The conflicts page, as the dialog opened it. */
  page = CLW_CONFLICTS_PAGE (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_CONFLICTS_PAGE));
  ck_assert_ptr_nonnull (page);
  ck_assert (gtk_widget_get_mapped (GTK_WIDGET (page)));
  ck_assert_uint_eq (g_list_model_get_n_items (clw_conflicts_page_get_conflicts (page)), 1);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);

  rows = clw_ui_find_all (GTK_WIDGET (page), CLW_TYPE_CONFLICT_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (clw_conflict_row_get_conflict (g_ptr_array_index (rows, i)) != NULL)
      row = g_ptr_array_index (rows, i);
  ck_assert_ptr_nonnull (row);
  conflict = clw_conflict_row_get_conflict (row);
  ck_assert_int_eq (clw_sync_conflict_get_kind (conflict), CLW_SYNC_CONFLICT_FIELD);
  ck_assert_str_eq (clw_sync_conflict_get_column_name (conflict), "list_size");
  ck_assert_str_eq (clw_sync_conflict_get_mine_text (conflict), mine_text);
  ck_assert_str_eq (clw_sync_conflict_get_theirs_text (conflict), theirs_text);

  /* What the row shows: the row in words, the field, each side and who. */
  {
    g_autoptr(GPtrArray) labels = clw_ui_find_all (GTK_WIDGET (row), GTK_TYPE_LABEL);
    gboolean title = FALSE, field = FALSE, shows_mine = FALSE, shows_theirs = FALSE, who = FALSE;

    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_label (g_ptr_array_index (labels, i));

        title |= strstr (text, code) != NULL;
        field |= strstr (text, "list size") != NULL;
        shows_mine |= g_strcmp0 (text, mine_text) == 0;
        shows_theirs |= g_strcmp0 (text, theirs_text) == 0;
        who |= g_str_has_prefix (text, "by ");
      }
    ck_assert (title && field && shows_mine && shows_theirs && who);
  }

  /* Take Theirs, as a click. */
  take_theirs = clw_ui_find (GTK_WIDGET (row), "take-theirs", G_TYPE_INVALID);
  ck_assert (GTK_IS_BUTTON (take_theirs));
  before_resolve = report (fx.window);
  g_signal_emit_by_name (take_theirs, "clicked");

  count.page = page;
  count.n = 0;
  ck_assert (wait_until (conflicts_are, &count));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (GTK_STACK (clw_ui_find (GTK_WIDGET (page), NULL, GTK_TYPE_STACK))),
                    "empty");

  /* The value, the report and the dashboard follow; the badge goes. */
  stored = clw_record_load (database (fx.window), CLW_TYPE_PRACTICE, practice_id, &error);
  ck_assert_int_eq (clw_practice_get_list_size (CLW_PRACTICE (stored)), theirs);
  ck_assert (clw_ui_wait_for_report (session (fx.window), before_resolve, TIMEOUT_MS));
  ck_assert_int_eq (clw_practice_result_get_list_size (clw_qaif_report_lookup_practice (report (fx.window), practice_id)),
                    theirs);

  ck_assert (clw_window_show_item (fx.window, cluster_id));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  dashboard = clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_CLUSTER_DASHBOARD);
  ck_assert_msg (dashboard_shows (dashboard, theirs_shown), "the dashboard does not show %s", theirs_shown);

  ck_assert (wait_until (no_conflicts, badge.button));
  ck_assert (!gtk_widget_get_visible (badge_label (badge.button)));
}
END_TEST

START_TEST (test_tampered_bundle_refused)
{
  g_autofree char *copy_path = clw_test_path ("meeting.db");
  g_autofree char *bundle = clw_test_path ("tampered.clwsync");
  g_autoptr(ClwTestSnapshot) before = NULL;
  g_autoptr(ClwTestSnapshot) after = NULL;
  g_autoptr(ClwPracticeResult) practice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *refused;
  ClwSyncStatus *status;
  ClwWindow *copy;
  ButtonText text;
  gsize length;

  {
    GListModel *practices = clw_qaif_report_get_practices (report (fx.window));
    practice = g_list_model_get_item (practices, 0);
  }
  copy = take_copy (clw_practice_result_get_cluster_id (practice), copy_path);
  set_list_size (copy, clw_practice_result_get_practice_id (practice),
                 clw_practice_result_get_list_size (practice) + 5);
  clw_window_export_changes (copy, NULL, bundle);
  ck_assert (wait_until (sync_done, copy));

  /* Changed on the way: one byte of the middle. */
  ck_assert (g_file_get_contents (bundle, &contents, &length, &error));
  contents[length / 2] ^= 0x20;
  ck_assert (g_file_set_contents (bundle, contents, length, &error));

  text.button = sync_button (fx.window);
  text.text = "Synced";
  ck_assert (wait_until (button_says, &text));
  before = clw_test_snapshot_take (database (fx.window));

  clw_window_import_changes (fx.window, bundle);
  ck_assert (wait_until (sync_done, fx.window));

  ck_assert_ptr_null (find_dialog ("Changes Imported"));
  refused = find_dialog ("Refused");
  ck_assert_msg (refused != NULL, "no dialog refusing the bundle");
  ck_assert (strstr (adw_message_dialog_get_heading (refused), "Changed on the Way") != NULL);
  ck_assert_msg (strstr (adw_message_dialog_get_body (refused), "tampered.clwsync") != NULL,
                 "%s", adw_message_dialog_get_body (refused));
  ck_assert_msg (strstr (adw_message_dialog_get_body (refused), "Nothing was changed.") != NULL,
                 "%s", adw_message_dialog_get_body (refused));
  close_dialog (refused, "close");

  /* Nothing changed: not a row, not the audit log, not the sync. */
  after = clw_test_snapshot_take (database (fx.window));
  ck_assert_str_eq (after->export, before->export);
  ck_assert_int_eq (after->audit_rows, before->audit_rows);
  status = clw_sync_get_status (database (fx.window), &error);
  ck_assert_no_error (error);
  ck_assert_ptr_null (clw_sync_status_get_last_sync_at (status));
  g_object_unref (status);
}
END_TEST

static Suite *
ui_sync_suite (void)
{
  Suite *s = suite_create ("ui-sync");
  TCase *tc = tcase_create ("sync");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 900);
  tcase_add_test (tc, test_meeting_copy_round_trip);
  tcase_add_test (tc, test_conflict_take_theirs);
  tcase_add_test (tc, test_tampered_bundle_refused);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_ui_fixture_run (ui_sync_suite (), argc, argv);
}
