/* clw-screenshots.c: screenshots of the main screens, for the README and AppStream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * clwstwr-screenshots DEMO.db FOLDER: opens the demo database in the app's
 * window, goes to each main screen (choosing what shows the most: the
 * cluster with the most practices at risk, its practice most at risk, the
 * board with the most requests waiting...) and saves what the window shows
 * as FOLDER/NAME.png. Run it under Xvfb (build-aux/screenshots.sh).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "clw-ui-util.h"

#define TIMEOUT_MS 30000

static const char *folder;
static gboolean failed;

static void
shoot (GtkWindow  *window,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);

  clw_ui_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);
  /* Let animations (page transitions, the switcher) settle. */
  for (int i = 0; i < 3; i++)
    {
      g_usleep (150000);
      clw_ui_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);
    }

  if (!clw_ui_save_png (window, path, &error))
    {
      g_printerr ("clwstwr-screenshots: %s\n", error->message);
      failed = TRUE;
      return;
    }
  g_print ("%s\n", path);
}

static char *pick_meeting (ClwQaifReport *report,
                           const char    *cluster_id,
                           int           *n_warnings);

/* A cluster that fits the window, with a meeting whose sheet has
 * warnings, and the most practices at risk. */
static ClwClusterSummary *
pick_cluster (ClwQaifReport *report)
{
  GListModel *clusters = clw_qaif_report_get_clusters (report);
  ClwClusterSummary *best = NULL;
  int best_score = -1;

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, i);
      g_autofree char *meeting = NULL;
      int warnings = 0, score;

      if (clw_cluster_summary_get_n_practices (summary) > 8)
        continue;
      meeting = pick_meeting (report, clw_cluster_summary_get_cluster_id (summary), &warnings);
      score = (warnings > 0 ? 1000 : 0) + clw_cluster_summary_get_practices_at_risk (summary) * 10 +
              clw_cluster_summary_get_pending_requests (summary);
      if (score > best_score)
        {
          best_score = score;
          g_set_object (&best, summary);
        }
    }

  return best;
}

static const char *
pick_board_with_requests (ClwQaifReport *report)
{
  GListModel *clusters = clw_qaif_report_get_clusters (report);
  g_autoptr(GHashTable) pending = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  int most = -1;

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, i);
      const char *board = clw_cluster_summary_get_health_board_id (summary);
      int n = GPOINTER_TO_INT (g_hash_table_lookup (pending, board)) +
              clw_cluster_summary_get_pending_requests (summary);

      g_hash_table_insert (pending, (gpointer) board, GINT_TO_POINTER (n));
      if (n > most)
        {
          most = n;
          best = board;
        }
    }

  return best;
}

/* The practice of the cluster at risk on most indicators. */
static ClwPracticeResult *
pick_practice (ClwQaifReport *report,
               const char    *cluster_id)
{
  g_autoptr(GListModel) practices = clw_qaif_report_list_cluster_practices (report, cluster_id);
  ClwPracticeResult *best = NULL;
  int best_score = -1;

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);
      int score = 0;

      for (guint k = 0; k < clw_practice_result_get_n_indicators (result); k++)
        score += clw_practice_result_get_verdict (result, k) >= CLW_VERDICT_AT_RISK ? 1 : 0;
      if (score > best_score)
        {
          best_score = score;
          g_set_object (&best, result);
        }
    }

  return best;
}

/* A held meeting of the cluster where the most lines carry a warning. */
static char *
pick_meeting (ClwQaifReport *report,
              const char    *cluster_id,
              int           *n_warnings)
{
  g_autoptr(GListModel) practices = clw_qaif_report_list_cluster_practices (report, cluster_id);
  g_autoptr(GHashTable) warnings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *best = NULL;
  int most = -1;

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);

      for (guint m = 0; m < clw_practice_result_get_n_meetings (result); m++)
        {
          const ClwMeetingOutcome *outcome = clw_practice_result_get_meeting (result, m);
          int n;

          if (outcome->status != CLW_MEETING_STATUS_HELD)
            continue;
          n = GPOINTER_TO_INT (g_hash_table_lookup (warnings, outcome->meeting_id)) +
              (outcome->warning != NULL ? 1 : 0);
          g_hash_table_insert (warnings, g_strdup (outcome->meeting_id), GINT_TO_POINTER (n));
          if (n > most)
            {
              most = n;
              g_free (best);
              best = g_strdup (outcome->meeting_id);
            }
        }
    }

  if (n_warnings != NULL)
    *n_warnings = most;
  return g_steal_pointer (&best);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ClwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwClusterSummary) cluster = NULL;
  g_autoptr(ClwPracticeResult) practice = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *not_a_database = NULL;
  ClwWindow *window;
  ClwQaifReport *report;
  const char *board_id;

  setlocale (LC_ALL, "");
  clw_i18n_init ();

  if (argc != 3)
    {
      g_printerr ("Usage: clwstwr-screenshots DEMO.db FOLDER\n");
      return 2;
    }
  folder = argv[2];
  g_mkdir_with_parents (folder, 0755);

  gtk_init ();
  /* The font of a GNOME desktop, which Xvfb has no settings daemon to say. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
  app = clw_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("clwstwr-screenshots: %s\n", error->message);
      return 1;
    }

  window = clw_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  clw_window_show_welcome (window);
  gtk_window_present (GTK_WINDOW (window));
  shoot (GTK_WINDOW (window), "welcome");

  if (!clw_ui_open_and_wait (window, argv[1], TIMEOUT_MS))
    {
      g_printerr ("clwstwr-screenshots: could not open %s\n", argv[1]);
      return 1;
    }
  report = clw_session_get_report (clw_window_get_session (window));

  cluster = pick_cluster (report);
  clw_window_show_item (window, clw_cluster_summary_get_cluster_id (cluster));
  shoot (GTK_WINDOW (window), "cluster-dashboard");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 1);
  shoot (GTK_WINDOW (window), "meetings");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 2);
  shoot (GTK_WINDOW (window), "action-log");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 0);

  practice = pick_practice (report, clw_cluster_summary_get_cluster_id (cluster));
  clw_window_show_practice (window, clw_practice_result_get_practice_id (practice));
  shoot (GTK_WINDOW (window), "practice-page");

  meeting_id = pick_meeting (report, clw_cluster_summary_get_cluster_id (cluster), NULL);
  if (meeting_id != NULL)
    {
      clw_window_show_meeting (window, meeting_id);
      shoot (GTK_WINDOW (window), "attendance-sheet");
    }
  else
    {
      g_printerr ("clwstwr-screenshots: no held meeting in the cluster shown\n");
      failed = TRUE;
    }

  clw_window_show_item (window, clw_cluster_summary_get_health_board_id (cluster));
  shoot (GTK_WINDOW (window), "health-board-dashboard");

  board_id = pick_board_with_requests (report);
  clw_window_show_item (window, board_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 1);
  shoot (GTK_WINDOW (window), "decisions");

  /* What a file that is not a database looks like. */
  not_a_database = g_build_filename (g_get_tmp_dir (), "clwstwr-not-a-database.db", NULL);
  g_file_set_contents (not_a_database, "These are the minutes of a meeting, not a database.\n", -1, NULL);
  {
    g_autoptr(GFile) file = g_file_new_for_path (not_a_database);
    GListModel *toplevels;

    clw_window_open_file (window, file);
    while (clw_window_is_busy (window))
      g_main_context_iteration (NULL, TRUE);
    clw_ui_flush ();

    toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          {
            shoot (toplevel, "open-error");
            gtk_window_destroy (toplevel);
            break;
          }
      }
    g_unlink (not_a_database);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  clw_ui_flush ();
  return failed ? 1 : 0;
}
