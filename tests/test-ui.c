/* test-ui.c: the app's window on the demo database, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs in a process of its own (Check forks), calls gtk_init
 * there, and works on its own copy of one demo database generated before
 * the tests start. The figures on screen are compared with the engine's
 * report for the same cluster, never with numbers written here.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "clw-attendance-entry.h"
#include "clw-attendance-row.h"
#include "clw-agreement-dialog.h"
#include "clw-attendance-sheet.h"
#include "clw-cluster-dashboard.h"
#include "clw-gui-util.h"
#include "clw-health-board-dashboard.h"
#include "clw-date-entry.h"
#include "clw-meeting-dialog.h"
#include "clw-meeting-editor.h"
#include "clw-refuse-dialog.h"
#include "clw-sidebar.h"
#include "clw-stat-tile.h"
#include "clw-test-util.h"
#include "clw-ui-util.h"

#define TIMEOUT_MS 30000

static char *demo_path;       /* generated once, before the tests fork */

typedef struct
{
  ClwApplication *app;
  ClwWindow      *window;
  char           *path;       /* this test's copy of the demo */
} Fixture;

static Fixture fx;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* The user's data folder (where the demo goes) is the test's own. */
  g_setenv ("XDG_DATA_HOME", clw_test_tmpdir (), TRUE);
  ck_assert_msg (gtk_init_check (), "no display: run under build-aux/with-xvfb.sh");

  fx.path = clw_test_path ("demo.db");
  ck_assert (g_file_get_contents (demo_path, &contents, &length, &error));
  ck_assert (g_file_set_contents_full (fx.path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));

  fx.app = clw_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (fx.app), G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (fx.app), NULL, &error));
  ck_assert_no_error (error);

  fx.window = clw_window_new (fx.app);
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fx.window));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
}

static void
teardown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (toplevel);
    }
  clw_ui_flush ();
  g_clear_object (&fx.app);
  g_clear_pointer (&fx.path, g_free);
}

static ClwSession *
session (void)
{
  return clw_window_get_session (fx.window);
}

static ClwQaifReport *
report (void)
{
  return clw_session_get_report (session ());
}

/* The numbers in a text, in order, thousands separators ignored: "1,240 of
 * 1,500" gives 1240 and 1500. */
static GArray *
numbers_in (const char *text)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (int));
  const char *p = text;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          int value = 0;

          while (g_ascii_isdigit (*p) || (*p == ',' && g_ascii_isdigit (p[1])))
            {
              if (*p != ',')
                value = value * 10 + (*p - '0');
              p++;
            }
          g_array_append_val (numbers, value);
        }
      else
        p++;
    }

  return numbers;
}

static int
number_at (const char *text,
           guint       index)
{
  g_autoptr(GArray) numbers = numbers_in (text);

  ck_assert_msg (index < numbers->len, "no number %u in “%s”", index, text);
  return g_array_index (numbers, int, index);
}

static ClwStatTile *
tile (GtkWidget  *page,
      const char *name)
{
  GtkWidget *widget = clw_ui_find (page, name, G_TYPE_INVALID);

  ck_assert_msg (CLW_IS_STAT_TILE (widget), "no tile %s", name);
  return CLW_STAT_TILE (widget);
}

static int
label_number (GtkWidget  *page,
              const char *name)
{
  GtkWidget *label = clw_ui_find (page, name, G_TYPE_INVALID);

  ck_assert_msg (GTK_IS_LABEL (label), "no label %s", name);
  return number_at (gtk_label_get_label (GTK_LABEL (label)), 0);
}

/* Every figure of the cluster dashboard is the engine's. */
static void
check_cluster_dashboard (const char *cluster_id)
{
  GtkWidget *dashboard = clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_CLUSTER_DASHBOARD);
  ClwClusterSummary *summary = clw_qaif_report_lookup_cluster (report (), cluster_id);
  g_autoptr(GListModel) practices = clw_qaif_report_list_cluster_practices (report (), cluster_id);
  GtkColumnView *view;
  const char *points = clw_stat_tile_get_value (tile (dashboard, "points-tile"));
  const char *imtp = clw_stat_tile_get_value (tile (dashboard, "imtp-tile"));
  const char *held = clw_stat_tile_get_value (tile (dashboard, "meetings-tile"));
  const char *planned = clw_stat_tile_get_caption (tile (dashboard, "meetings-tile"));
  const char *requests = clw_stat_tile_get_value (tile (dashboard, "requests-tile"));

  ck_assert_ptr_nonnull (summary);
  ck_assert_int_eq (number_at (points, 0), clw_cluster_summary_get_points (summary));
  ck_assert_int_eq (number_at (points, 1), clw_cluster_summary_get_points_possible (summary));
  ck_assert_int_eq (number_at (imtp, 0), clw_cluster_summary_get_imtp_submitted (summary));
  ck_assert_int_eq (number_at (imtp, 1), clw_cluster_summary_get_imtp_total (summary));
  ck_assert_int_eq (number_at (held, 0), clw_cluster_summary_get_meetings_held (summary));
  ck_assert_int_eq (number_at (planned, 0), clw_cluster_summary_get_meetings_planned (summary));
  ck_assert_int_eq (number_at (planned, 1), clw_cluster_summary_get_meetings_required (summary));
  ck_assert_int_eq (number_at (requests, 0), clw_cluster_summary_get_pending_requests (summary));

  for (guint i = 0; i < clw_cluster_summary_get_n_indicators (summary); i++)
    for (int v = 0; v < CLW_N_VERDICTS; v++)
      {
        g_autofree char *name = g_strdup_printf ("indicator-%s-%s",
                                                 clw_cluster_summary_get_indicator_code (summary, i),
                                                 clw_verdict_css_class (v));
        ck_assert_int_eq (label_number (dashboard, name), clw_cluster_summary_count_verdict (summary, i, v));
      }

  view = GTK_COLUMN_VIEW (clw_ui_find (dashboard, NULL, GTK_TYPE_COLUMN_VIEW));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                     g_list_model_get_n_items (practices));
  /* One column an indicator of the report, between the buddy and the points. */
  ck_assert_uint_eq (g_list_model_get_n_items (gtk_column_view_get_columns (view)),
                     7 + clw_cluster_summary_get_n_indicators (summary));
}

static void
check_board_dashboard (const char *board_id)
{
  GtkWidget *dashboard = clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_HEALTH_BOARD_DASHBOARD);
  g_autoptr(ClwClusterSummary) sum = clw_qaif_report_sum_clusters (report (), board_id);
  const char *points = clw_stat_tile_get_value (tile (dashboard, "board-points-tile"));
  const char *at_risk = clw_stat_tile_get_value (tile (dashboard, "board-at-risk-tile"));
  GtkColumnView *view = GTK_COLUMN_VIEW (clw_ui_find (dashboard, NULL, GTK_TYPE_COLUMN_VIEW));

  ck_assert_int_eq (number_at (points, 0), clw_cluster_summary_get_points (sum));
  ck_assert_int_eq (number_at (points, 1), clw_cluster_summary_get_points_possible (sum));
  ck_assert_int_eq (number_at (at_risk, 0), clw_cluster_summary_get_practices_at_risk (sum));
  ck_assert_int_eq (number_at (at_risk, 1), clw_cluster_summary_get_n_practices (sum));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                     (guint) clw_cluster_summary_get_n_clusters (sum));
}

/* One line of CSV into its fields, quotes and doubled quotes understood. */
static GPtrArray *
csv_fields (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p != '\r')
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  return fields;
}

/* What `clwstwr-cli qaif --format csv` says of a cluster agrees with its
 * dashboard: the points, and the practices with each verdict. */
static void
check_cluster_against_cli (const char *cluster_id)
{
  const char *cli = g_getenv ("CLW_CLI");
  ClwClusterSummary *summary = clw_qaif_report_lookup_cluster (report (), cluster_id);
  GtkWidget *dashboard = clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_CLUSTER_DASHBOARD);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int status = 0, points = 0;
  const char *argv[] = {
    cli, "--db", fx.path, "qaif",
    "--cycle", clw_qaif_report_get_cycle_code (report ()),
    "--cluster", cluster_id,
    "--format", "csv",
    NULL
  };

  ck_assert_msg (cli != NULL, "CLW_CLI names clwstwr-cli");
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  ck_assert_no_error (error);
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "clwstwr-cli qaif failed: %s", err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      g_autofree char *key = NULL;

      if (*lines[i] == '\0')
        continue;
      fields = csv_fields (lines[i]);
      ck_assert_uint_ge (fields->len, 7);
      /* indicator (4), verdict (5), points (6) */
      key = g_strdup_printf ("indicator-%s-%s", (char *) g_ptr_array_index (fields, 4),
                             (char *) g_ptr_array_index (fields, 5));
      g_hash_table_insert (counts, g_strdup (key),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
      points += atoi (g_ptr_array_index (fields, 6));
    }

  ck_assert_int_eq (number_at (clw_stat_tile_get_value (tile (dashboard, "points-tile")), 0), points);
  for (guint i = 0; i < clw_cluster_summary_get_n_indicators (summary); i++)
    for (int v = 0; v < CLW_N_VERDICTS; v++)
      {
        g_autofree char *name = g_strdup_printf ("indicator-%s-%s",
                                                 clw_cluster_summary_get_indicator_code (summary, i),
                                                 clw_verdict_css_class (v));
        ck_assert_int_eq (label_number (dashboard, name), GPOINTER_TO_INT (g_hash_table_lookup (counts, name)));
      }
}

START_TEST (test_walk_sidebar_and_dashboards)
{
  ClwSidebar *sidebar;
  GListModel *items;
  guint n_clusters = 0, n_boards = 0;

  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
  sidebar = CLW_SIDEBAR (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_SIDEBAR));
  items = clw_sidebar_get_items (sidebar);
  ck_assert_uint_gt (g_list_model_get_n_items (items), 0);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ClwSidebarItem) item = g_list_model_get_item (items, i);
      const char *id = clw_sidebar_item_get_id (item);

      ck_assert (clw_window_show_item (fx.window, id));
      clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
      ck_assert_ptr_eq (clw_sidebar_get_selected (sidebar), item);

      if (clw_sidebar_item_is_health_board (item))
        {
          g_autoptr(ClwClusterSummary) sum = clw_qaif_report_sum_clusters (report (), id);

          check_board_dashboard (id);
          ck_assert_int_eq (clw_sidebar_item_get_at_risk (item), clw_cluster_summary_get_practices_at_risk (sum));
          n_boards++;
        }
      else
        {
          check_cluster_dashboard (id);
          ck_assert_int_eq (clw_sidebar_item_get_at_risk (item),
                            clw_cluster_summary_get_practices_at_risk (clw_qaif_report_lookup_cluster (report (), id)));
          /* And for a few, what the command line says. */
          if (n_clusters % 20 == 0)
            check_cluster_against_cli (id);
          n_clusters++;
        }
    }

  ck_assert_uint_eq (n_boards, 7);
  ck_assert_uint_eq (n_clusters, g_list_model_get_n_items (clw_qaif_report_get_clusters (report ())));
}
END_TEST

START_TEST (test_sidebar_filters_by_typing)
{
  ClwSidebar *sidebar;
  GtkSearchEntry *entry;
  GtkListView *list;
  GListModel *shown;
  gboolean found = FALSE;

  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
  sidebar = CLW_SIDEBAR (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_SIDEBAR));
  entry = GTK_SEARCH_ENTRY (clw_ui_find (GTK_WIDGET (sidebar), NULL, GTK_TYPE_SEARCH_ENTRY));
  list = GTK_LIST_VIEW (clw_ui_find (GTK_WIDGET (sidebar), NULL, GTK_TYPE_LIST_VIEW));

  gtk_editable_set_text (GTK_EDITABLE (entry), "wrexham");
  /* GtkSearchEntry waits a little before it says the text changed. */
  g_signal_emit_by_name (entry, "search-changed");
  clw_ui_flush ();

  shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  ck_assert_uint_gt (g_list_model_get_n_items (shown), 1);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ClwSidebarItem) item = g_list_model_get_item (shown, i);

      if (!clw_sidebar_item_is_health_board (item))
        {
          g_autofree char *title = g_utf8_casefold (clw_sidebar_item_get_title (item), -1);
          ck_assert_msg (strstr (title, "wrexham") != NULL, "%s shown for “wrexham”", title);
          found = TRUE;
        }
      else
        ck_assert_str_eq (clw_sidebar_item_get_title (item), "Betsi Cadwaladr");
    }
  ck_assert (found);

  /* Enter shows the first cluster found. */
  g_signal_emit_by_name (entry, "activate");
  clw_ui_flush ();
  ck_assert (!clw_sidebar_item_is_health_board (clw_sidebar_get_selected (sidebar)));
}
END_TEST

/* Whether the practice is recorded as attending the meeting. */
static gboolean
recorded_as_attending (const char *meeting_id,
                       const char *practice_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) attendance = clw_attendance_list_for_meeting (clw_session_get_database (session ()),
                                                                      meeting_id, &error);

  ck_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (attendance)); i++)
    {
      g_autoptr(ClwAttendance) line = g_list_model_get_item (G_LIST_MODEL (attendance), i);

      if (g_str_equal (clw_attendance_get_practice_id (line), practice_id))
        return clw_attendance_get_status (line) == CLW_ATTENDANCE_STATUS_ATTENDED;
    }

  return FALSE;
}

/* A held meeting and a practice not recorded as attending it, one meeting
 * short of what the indicator needs: recording that it attended changes
 * its verdict. */
static gboolean
find_attendance_to_record (char **cluster_id,
                           char **practice_id,
                           char **meeting_id)
{
  GListModel *practices = clw_qaif_report_get_practices (report ());

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
              !recorded_as_attending (outcome->meeting_id, clw_practice_result_get_practice_id (result)))
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

static ClwAttendanceRow *
row_of (ClwAttendanceSheet *sheet,
        const char         *practice_id)
{
  GListModel *entries = clw_attendance_sheet_get_entries (sheet);
  g_autoptr(GPtrArray) rows = NULL;

  /* Bring the practice's line into view, so that it has its widgets. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(ClwAttendanceEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (clw_attendance_entry_get_practice_id (entry), practice_id))
        {
          GtkWidget *list = clw_ui_find (GTK_WIDGET (sheet), NULL, GTK_TYPE_LIST_VIEW);
          gtk_widget_activate_action (list, "list.scroll-to-item", "u", i);
          clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
        }
    }

  rows = clw_ui_find_all (GTK_WIDGET (sheet), CLW_TYPE_ATTENDANCE_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      ClwAttendanceRow *row = g_ptr_array_index (rows, i);
      ClwAttendanceEntry *entry = clw_attendance_row_get_entry (row);

      if (entry != NULL && g_str_equal (clw_attendance_entry_get_practice_id (entry), practice_id))
        return row;
    }

  return NULL;
}

/* Click a choice button of an attendance line and pick @value (-1 for
 * the first choice, "not recorded" or "no role") in its popover. */
static void
choose (GtkWidget *button,
        int        value)
{
  GtkWidget *popover;
  GtkListBox *list;

  g_signal_emit_by_name (button, "clicked");
  clw_ui_flush ();
  popover = clw_ui_find (button, NULL, GTK_TYPE_POPOVER);
  ck_assert_ptr_nonnull (popover);
  ck_assert (gtk_widget_get_visible (popover));
  list = GTK_LIST_BOX (clw_ui_find (popover, NULL, GTK_TYPE_LIST_BOX));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, value + 1));
  clw_ui_flush ();
}

START_TEST (test_record_attendance_changes_verdict_and_tiles)
{
  g_autofree char *cluster_id = NULL;
  g_autofree char *practice_id = NULL;
  g_autofree char *meeting_id = NULL;
  ClwAttendanceSheet *sheet;
  ClwAttendanceRow *row;
  GPtrArray *choices;
  ClwVerdict before, after;
  int counted_before;
  int count_before[CLW_N_VERDICTS];
  ClwClusterSummary *summary;
  ClwPracticeResult *result;
  GtkWidget *dashboard;
  g_autofree char *name = NULL;
  ClwQaifReport *before_edit;

  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
  ck_assert_msg (find_attendance_to_record (&cluster_id, &practice_id, &meeting_id),
                 "the demo has no practice one meeting short");

  result = clw_qaif_report_lookup_practice (report (), practice_id);
  before = clw_practice_result_get_verdict (result, 0);
  counted_before = clw_practice_result_get_meetings_counted (result);
  summary = clw_qaif_report_lookup_cluster (report (), cluster_id);
  for (int v = 0; v < CLW_N_VERDICTS; v++)
    count_before[v] = clw_cluster_summary_count_verdict (summary, 0, v);

  ck_assert (clw_window_show_item (fx.window, cluster_id));
  clw_window_show_meeting (fx.window, meeting_id);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  before_edit = report ();

  sheet = CLW_ATTENDANCE_SHEET (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_ATTENDANCE_SHEET));
  row = row_of (sheet, practice_id);
  ck_assert_ptr_nonnull (row);

  /* As a user would: the attendance, then the role, from their choices. */
  choices = clw_ui_find_all (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  ck_assert_uint_ge (choices->len, 2);
  choose (g_ptr_array_index (choices, 0), CLW_ATTENDANCE_STATUS_ATTENDED);
  /* Not stored yet: the role is needed first, and the sheet says so. */
  ck_assert_ptr_nonnull (clw_attendance_entry_get_hint (clw_attendance_row_get_entry (row)));
  choose (g_ptr_array_index (choices, 1), CLW_REPRESENTATIVE_ROLE_CLINICAL_PARTNER);
  g_ptr_array_unref (choices);
  ck_assert_ptr_null (clw_attendance_entry_get_hint (clw_attendance_row_get_entry (row)));
  ck_assert_str_eq (clw_database_get_undo_label (clw_session_get_database (session ())), "Record attendance");

  ck_assert (clw_ui_wait_for_report (session (), before_edit, TIMEOUT_MS));

  /* The engine's new verdict, and the sheet's reason from it. */
  result = clw_qaif_report_lookup_practice (report (), practice_id);
  ck_assert_int_eq (clw_practice_result_get_meetings_counted (result), counted_before + 1);
  after = clw_practice_result_get_verdict (result, 0);
  ck_assert_int_ne (after, before);
  {
    gboolean counted = FALSE;
    g_object_get (clw_attendance_row_get_entry (row), "counted", &counted, NULL);
    ck_assert (counted);
  }

  /* The dashboard's tiles follow. */
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.go-back", NULL);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  summary = clw_qaif_report_lookup_cluster (report (), cluster_id);
  ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 0, after), count_before[after] + 1);
  ck_assert_int_eq (clw_cluster_summary_count_verdict (summary, 0, before), count_before[before] - 1);
  dashboard = clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_CLUSTER_DASHBOARD);
  name = g_strdup_printf ("indicator-%s-%s", clw_cluster_summary_get_indicator_code (summary, 0),
                          clw_verdict_css_class (after));
  ck_assert_int_eq (label_number (dashboard, name), count_before[after] + 1);
  check_cluster_dashboard (cluster_id);
}
END_TEST

static gboolean
find_pending_board (char **board_id)
{
  GListModel *clusters = clw_qaif_report_get_clusters (report ());

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, i);

      if (clw_cluster_summary_get_pending_requests (summary) > 0)
        {
          *board_id = g_strdup (clw_cluster_summary_get_health_board_id (summary));
          return TRUE;
        }
    }

  return FALSE;
}

static ClwRefuseDialog *
find_refuse_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (CLW_IS_REFUSE_DIALOG (toplevel))
        return CLW_REFUSE_DIALOG (toplevel);
    }

  return NULL;
}

START_TEST (test_refusal_needs_an_explanation)
{
  g_autofree char *board_id = NULL;
  g_autoptr(GListStore) pending = NULL;
  g_autoptr(ClwRecord) request = NULL;
  g_autoptr(ClwRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  ClwRefuseDialog *dialog;
  guint n_before;
  const char *table;

  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
  ck_assert_msg (find_pending_board (&board_id), "the demo has no pending request");

  pending = clw_representation_list_pending (clw_session_get_database (session ()), board_id, &error);
  ck_assert_no_error (error);
  if (g_list_model_get_n_items (G_LIST_MODEL (pending)) == 0)
    {
      g_clear_object (&pending);
      pending = clw_buddy_arrangement_list_pending (clw_session_get_database (session ()), board_id, &error);
      ck_assert_no_error (error);
    }
  n_before = g_list_model_get_n_items (G_LIST_MODEL (pending));
  ck_assert_uint_gt (n_before, 0);
  request = g_list_model_get_item (G_LIST_MODEL (pending), 0);
  table = clw_record_type_get_table (G_OBJECT_TYPE (request));

  ck_assert (clw_window_show_item (fx.window, board_id));
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-decisions", NULL);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);

  page = clw_ui_find (GTK_WIDGET (fx.window), NULL, g_type_from_name ("ClwDecisionsPage"));
  ck_assert_ptr_nonnull (page);
  ck_assert (gtk_widget_activate_action (page, "decisions.refuse", "s", clw_record_get_id (request)));
  clw_ui_flush ();

  dialog = find_refuse_dialog ();
  ck_assert_ptr_nonnull (dialog);

  /* Blocked with no explanation, or only spaces. */
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "refuse"));
  clw_refuse_dialog_set_explanation (dialog, "  \n\t ");
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "refuse"));

  /* And core refuses one anyway: nothing is stored. */
  ck_assert (!clw_decision_apply (request, clw_session_get_database (session ()), FALSE, "2023-06-15", "  ", &error));
  ck_assert (g_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE));
  g_clear_error (&error);
  stored = clw_record_load (clw_session_get_database (session ()), G_OBJECT_TYPE (request),
                            clw_record_get_id (request), &error);
  ck_assert_no_error (error);
  {
    ClwArrangementStatus status;
    g_object_get (stored, "status", &status, NULL);
    ck_assert_int_eq (status, CLW_ARRANGEMENT_STATUS_REQUESTED);
  }

  clw_refuse_dialog_set_explanation (dialog, "The buddy practice has no capacity this year.");
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "refuse"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "refuse");
  clw_ui_flush ();

  g_clear_object (&stored);
  stored = clw_record_load (clw_session_get_database (session ()), G_OBJECT_TYPE (request),
                            clw_record_get_id (request), &error);
  ck_assert_no_error (error);
  {
    ClwArrangementStatus status;
    g_autofree char *explanation = NULL;

    g_object_get (stored, "status", &status, "explanation", &explanation, NULL);
    ck_assert_int_eq (status, CLW_ARRANGEMENT_STATUS_REFUSED);
    ck_assert_str_eq (explanation, "The buddy practice has no capacity this year.");
  }
  ck_assert_str_eq (clw_database_get_undo_label (clw_session_get_database (session ())), "Refuse request");
  ck_assert_str_ne (table, "");
}
END_TEST

START_TEST (test_undo_an_edit)
{
  g_autoptr(ClwRecord) practice = NULL;
  g_autoptr(ClwRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *original = NULL;
  GtkWidget *page, *row;
  ClwPracticeResult *first;

  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
  first = g_list_model_get_item (clw_qaif_report_get_practices (report ()), 0);
  practice = clw_record_load (clw_session_get_database (session ()), CLW_TYPE_PRACTICE,
                              clw_practice_result_get_practice_id (first), &error);
  g_object_unref (first);
  ck_assert_no_error (error);
  original = g_strdup (clw_practice_get_name (CLW_PRACTICE (practice)));

  /* Rename the practice on its page, as a user would. */
  ck_assert (clw_window_show_item (fx.window, clw_practice_get_cluster_id (CLW_PRACTICE (practice))));
  clw_window_show_practice (fx.window, clw_record_get_id (practice));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  page = clw_ui_find (GTK_WIDGET (fx.window), NULL, g_type_from_name ("ClwPracticePage"));
  row = clw_ui_find (page, NULL, ADW_TYPE_ENTRY_ROW);
  ck_assert_ptr_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Renamed Surgery");
  g_signal_emit_by_name (row, "apply");
  clw_ui_flush ();

  after = clw_record_load (clw_session_get_database (session ()), CLW_TYPE_PRACTICE, clw_record_get_id (practice), &error);
  ck_assert_str_eq (clw_practice_get_name (CLW_PRACTICE (after)), "Renamed Surgery");
  ck_assert_str_eq (clw_database_get_undo_label (clw_session_get_database (session ())), "Rename the practice");

  /* Ctrl+Z. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.undo", NULL));
  clw_ui_flush ();
  g_clear_object (&after);
  after = clw_record_load (clw_session_get_database (session ()), CLW_TYPE_PRACTICE, clw_record_get_id (practice), &error);
  ck_assert_str_eq (clw_practice_get_name (CLW_PRACTICE (after)), original);
  /* The page shows it at once. */
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (row)), original);
}
END_TEST

START_TEST (test_bad_file_is_explained_and_left_alone)
{
  g_autofree char *path = clw_test_path ("minutes.db");
  static const char text[] = "Minutes of the meeting of 12 October 2022.\n";
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean explained = FALSE;

  ck_assert (g_file_set_contents (path, text, -1, NULL));
  clw_window_open_file (fx.window, file);
  while (clw_window_is_busy (fx.window))
    g_main_context_iteration (NULL, TRUE);
  clw_ui_flush ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel));
          ck_assert (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), "minutes.db") != NULL);
          ck_assert (strstr (body, "not a Clwstwr database") != NULL);
          explained = TRUE;
        }
    }
  ck_assert (explained);
  ck_assert (!clw_window_has_database (fx.window));

  ck_assert (g_file_get_contents (path, &after, NULL, NULL));
  ck_assert_str_eq (after, text);
}
END_TEST

static gboolean
send_key (GtkWidget *widget,
          guint      keyval,
          GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  clw_ui_flush ();
  return handled;
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A held meeting of the first cluster with practices, and its sheet. */
static ClwAttendanceSheet *
open_held_meeting (void)
{
  GListModel *practices = clw_qaif_report_get_practices (report ());

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);

      for (guint m = 0; m < clw_practice_result_get_n_meetings (result); m++)
        {
          const ClwMeetingOutcome *outcome = clw_practice_result_get_meeting (result, m);

          if (outcome->status != CLW_MEETING_STATUS_HELD)
            continue;

          ck_assert (clw_window_show_item (fx.window, clw_practice_result_get_cluster_id (result)));
          clw_window_show_meeting (fx.window, outcome->meeting_id);
          clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
          return CLW_ATTENDANCE_SHEET (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_ATTENDANCE_SHEET));
        }
    }

  return NULL;
}

START_TEST (test_attendance_from_the_keyboard)
{
  ClwAttendanceSheet *sheet;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) first_choices = NULL;
  g_autoptr(GPtrArray) second_choices = NULL;
  ClwAttendanceRow *first, *second;
  ClwAttendanceEntry *entry;
  GtkWidget *name;

  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
  sheet = open_held_meeting ();
  ck_assert_ptr_nonnull (sheet);

  clw_attendance_sheet_focus_first (sheet);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);

  rows = clw_ui_find_all (GTK_WIDGET (sheet), CLW_TYPE_ATTENDANCE_ROW);
  ck_assert_uint_ge (rows->len, 2);
  first = g_ptr_array_index (rows, 0);
  second = g_ptr_array_index (rows, 1);
  first_choices = clw_ui_find_all (GTK_WIDGET (first), GTK_TYPE_BUTTON);
  second_choices = clw_ui_find_all (GTK_WIDGET (second), GTK_TYPE_BUTTON);
  entry = clw_attendance_row_get_entry (first);

  /* The first practice's attendance has the keyboard. */
  ck_assert (focus_is_in (g_ptr_array_index (first_choices, 0)));

  /* X: absent, stored at once. */
  ck_assert (send_key (GTK_WIDGET (first), GDK_KEY_x, 0));
  ck_assert_int_eq (clw_attendance_entry_get_status (entry), CLW_ATTENDANCE_STATUS_ABSENT);
  ck_assert_ptr_nonnull (clw_attendance_entry_get_attendance (entry));
  ck_assert_int_eq (clw_attendance_get_status (clw_attendance_entry_get_attendance (entry)),
                    CLW_ATTENDANCE_STATUS_ABSENT);

  /* A: attended; the role is asked for before it is stored. */
  ck_assert (send_key (GTK_WIDGET (first), GDK_KEY_a, 0));
  ck_assert_int_eq (clw_attendance_entry_get_status (entry), CLW_ATTENDANCE_STATUS_ATTENDED);

  /* Tab to the name, type it; Tab to the role, choose it by its letter. */
  name = clw_ui_find (GTK_WIDGET (first), NULL, GTK_TYPE_ENTRY);
  gtk_widget_grab_focus (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Dr Rhian Morgan");
  gtk_widget_grab_focus (g_ptr_array_index (first_choices, 1));
  ck_assert (send_key (GTK_WIDGET (first), GDK_KEY_c, 0));
  ck_assert_int_eq (clw_attendance_entry_get_role (entry), CLW_REPRESENTATIVE_ROLE_CLINICAL_PARTNER);
  ck_assert_ptr_null (clw_attendance_entry_get_hint (entry));
  ck_assert_str_eq (clw_attendance_get_representative_name (clw_attendance_entry_get_attendance (entry)),
                    "Dr Rhian Morgan");
  ck_assert_int_eq (clw_attendance_get_status (clw_attendance_entry_get_attendance (entry)),
                    CLW_ATTENDANCE_STATUS_ATTENDED);

  /* Tab after the role, or Enter, goes on to the next practice. */
  ck_assert (send_key (GTK_WIDGET (first), GDK_KEY_Tab, 0));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  ck_assert (focus_is_in (g_ptr_array_index (second_choices, 0)));

  /* Shift+Enter comes back. */
  ck_assert (send_key (GTK_WIDGET (second), GDK_KEY_Return, GDK_SHIFT_MASK));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  ck_assert (focus_is_in (g_ptr_array_index (first_choices, 0)));
}
END_TEST

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

/* A held meeting with a practice manager who does not count for want of
 * the health board's agreement: record it, dated before the meeting, and
 * the warning goes and the attendance counts. */
START_TEST (test_record_the_missing_agreement)
{
  GListModel *practices;
  ClwAttendanceSheet *sheet = NULL;
  ClwAttendanceEntry *entry = NULL;
  g_autofree char *meeting_day = NULL;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) dates = NULL;
  gboolean counted = FALSE;
  ClwQaifReport *before_edit;

  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
  practices = clw_qaif_report_get_practices (report ());

  for (guint i = 0; i < g_list_model_get_n_items (practices) && entry == NULL; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);

      for (guint m = 0; m < clw_practice_result_get_n_meetings (result) && entry == NULL; m++)
        {
          const ClwMeetingOutcome *outcome = clw_practice_result_get_meeting (result, m);
          GListModel *entries;

          if (outcome->warning == NULL || outcome->status != CLW_MEETING_STATUS_HELD)
            continue;

          ck_assert (clw_window_show_item (fx.window, clw_practice_result_get_cluster_id (result)));
          clw_window_show_meeting (fx.window, outcome->meeting_id);
          clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
          sheet = CLW_ATTENDANCE_SHEET (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_ATTENDANCE_SHEET));
          entries = clw_attendance_sheet_get_entries (sheet);
          for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
            {
              g_autoptr(ClwAttendanceEntry) candidate = g_list_model_get_item (entries, e);

              if (g_str_equal (clw_attendance_entry_get_practice_id (candidate),
                               clw_practice_result_get_practice_id (result)) &&
                  clw_attendance_entry_get_fix (candidate) == CLW_ATTENDANCE_FIX_AGREEMENT)
                {
                  entry = candidate;
                  meeting_day = g_strndup (outcome->starts_at, 10);
                }
            }
        }
    }
  ck_assert_msg (entry != NULL, "the demo has no practice manager without agreement");
  ck_assert_ptr_nonnull (clw_attendance_entry_get_warning (entry));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.fix", "s",
                                         clw_attendance_entry_get_practice_id (entry)));
  clw_ui_flush ();
  dialog = find_toplevel (CLW_TYPE_AGREEMENT_DIALOG);
  ck_assert_ptr_nonnull (dialog);

  /* Requested and agreed a month before the meeting. */
  dates = clw_ui_find_all (GTK_WIDGET (dialog), CLW_TYPE_DATE_ENTRY);
  ck_assert_uint_eq (dates->len, 2);
  {
    g_autoptr(GDate) before = clw_date_parse (meeting_day);
    g_autofree char *iso = NULL;

    g_date_subtract_months (before, 1);
    iso = clw_date_format_iso (before);
    clw_date_entry_set_text (g_ptr_array_index (dates, 0), iso);
    clw_date_entry_set_text (g_ptr_array_index (dates, 1), iso);
  }
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  before_edit = report ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  ck_assert_str_eq (clw_database_get_undo_label (clw_session_get_database (session ())),
                    "Record the health board’s agreement");

  ck_assert (clw_ui_wait_for_report (session (), before_edit, TIMEOUT_MS));
  ck_assert_ptr_null (clw_attendance_entry_get_warning (entry));
  g_object_get (entry, "counted", &counted, NULL);
  ck_assert (counted);
}
END_TEST

/* New Meeting: the date, time and place; the usual agenda comes with it. */
START_TEST (test_new_meeting_has_the_usual_agenda)
{
  g_autoptr(ClwCollaborative) collaborative = NULL;
  g_autoptr(GListStore) before = NULL;
  g_autoptr(GListStore) after = NULL;
  g_autoptr(GListStore) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwClusterSummary) first = NULL;
  g_autoptr(ClwMeeting) added = NULL;
  GtkWidget *page;
  GtkWindow *dialog;
  GtkWidget *place;
  ClwDateEntry *date;
  ClwDatabase *db;

  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
  db = clw_session_get_database (session ());
  first = g_list_model_get_item (clw_qaif_report_get_clusters (report ()), 0);
  collaborative = clw_collaborative_find_for_cluster (db, clw_cluster_summary_get_cluster_id (first),
                                                      CLW_PROFESSION_GP, &error);
  ck_assert_no_error (error);
  before = clw_meeting_list_for_collaborative (db, clw_record_get_id (CLW_RECORD (collaborative)), NULL, NULL, &error);
  ck_assert_no_error (error);

  ck_assert (clw_window_show_item (fx.window, clw_cluster_summary_get_cluster_id (first)));
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.view", "i", 1);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  page = clw_ui_find (GTK_WIDGET (fx.window), NULL, g_type_from_name ("ClwMeetingsPage"));
  ck_assert_ptr_nonnull (page);
  ck_assert (gtk_widget_activate_action (page, "meetings.new", NULL));
  clw_ui_flush ();

  dialog = find_toplevel (CLW_TYPE_MEETING_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  date = CLW_DATE_ENTRY (clw_ui_find (GTK_WIDGET (dialog), NULL, CLW_TYPE_DATE_ENTRY));
  clw_date_entry_set_text (date, "2023-07-12");
  {
    g_autoptr(GPtrArray) entries = clw_ui_find_all (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);

    /* The date's, the time's, the place's. */
    ck_assert_uint_eq (entries->len, 3);
    place = g_ptr_array_index (entries, 2);
    gtk_editable_set_text (GTK_EDITABLE (place), "Canolfan y Dref");
  }
  ck_assert (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));

  /* Not a date: Add is blocked. */
  clw_date_entry_set_text (date, "12/07/2023");
  ck_assert (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  clw_date_entry_set_text (date, "2023-07-12");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  clw_ui_flush ();

  after = clw_meeting_list_for_collaborative (db, clw_record_get_id (CLW_RECORD (collaborative)), NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (after)),
                     g_list_model_get_n_items (G_LIST_MODEL (before)) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (after)) && added == NULL; i++)
    {
      g_autoptr(ClwMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (after), i);
      if (g_str_equal (clw_meeting_get_starts_at (meeting), "2023-07-12T14:00"))
        added = g_steal_pointer (&meeting);
    }
  ck_assert_ptr_nonnull (added);
  ck_assert_str_eq (clw_meeting_get_place (added), "Canolfan y Dref");
  agenda = clw_agenda_item_list_for_meeting (db, clw_record_get_id (CLW_RECORD (added)), &error);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (agenda)), 4);

  /* The meeting is open in its editor; deleting it can be undone. */
  ck_assert (gtk_widget_activate_action (clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_MEETING_EDITOR),
                                         "editor.delete", NULL));
  clw_ui_flush ();
  ck_assert (!clw_record_exists (db, CLW_TYPE_MEETING, clw_record_get_id (CLW_RECORD (added))));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.undo", NULL));
  clw_ui_flush ();
  ck_assert (clw_record_exists (db, CLW_TYPE_MEETING, clw_record_get_id (CLW_RECORD (added))));
}
END_TEST

START_TEST (test_open_demo_data_from_the_welcome_page)
{
  g_autofree char *demo = g_build_filename (g_get_user_data_dir (), "clwstwr", "demo.db", NULL);
  g_autofree char *partial = g_strconcat (demo, ".part", NULL);
  gint64 deadline = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
  GStatBuf st;

  ck_assert_str_eq (g_get_user_data_dir (), clw_test_tmpdir ());
  clw_window_show_welcome (fx.window);
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  ck_assert (!g_file_test (demo, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (fx.app), "open-demo", NULL);
  /* Made off the main thread: the window keeps drawing meanwhile. */
  ck_assert (clw_window_is_busy (fx.window));
  ck_assert (clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS));

  while (g_get_monotonic_time () < deadline &&
         (clw_window_is_busy (fx.window) || session () == NULL || report () == NULL))
    g_main_context_iteration (NULL, TRUE);

  ck_assert (clw_window_has_database (fx.window));
  ck_assert_ptr_nonnull (report ());
  ck_assert_uint_gt (g_list_model_get_n_items (clw_qaif_report_get_practices (report ())), 300);
  ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (g_stat (demo, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
}
END_TEST

static Suite *
ui_suite (void)
{
  Suite *s = suite_create ("ui");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 900);
  tcase_add_test (tc, test_walk_sidebar_and_dashboards);
  tcase_add_test (tc, test_sidebar_filters_by_typing);
  tcase_add_test (tc, test_record_attendance_changes_verdict_and_tiles);
  tcase_add_test (tc, test_refusal_needs_an_explanation);
  tcase_add_test (tc, test_attendance_from_the_keyboard);
  tcase_add_test (tc, test_record_the_missing_agreement);
  tcase_add_test (tc, test_new_meeting_has_the_usual_agenda);
  tcase_add_test (tc, test_undo_an_edit);
  tcase_add_test (tc, test_bad_file_is_explained_and_left_alone);
  tcase_add_test (tc, test_open_demo_data_from_the_welcome_page);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree char *dir = NULL;
  int status;

  /* One demo for every test: made here, before Check forks, without GTK. */
  dir = g_dir_make_tmp ("clwstwr-ui-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  db = clw_database_open (demo_path, CLW_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  clw_demo_generate (db, 1, CLW_DEMO_DEFAULT_SEED, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  status = clw_test_run (ui_suite (), argc, argv);

  g_unlink (demo_path);
  g_rmdir (dir);
  g_free (demo_path);
  return status;
}
