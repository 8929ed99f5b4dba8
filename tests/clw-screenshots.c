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
#include <string.h>
#include <locale.h>
#include <stdlib.h>

#include "clw-practice-import-dialog.h"
#include "clw-search-popover.h"
#include "clw-sync-button.h"
#include "clw-ui-util.h"
#include "clw-window-returns.h"
#include "clw-window-sync.h"

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

/* Scroll the page holding @widget so that it is at the top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double x, y;

  if (scroller == NULL ||
      !gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                         0, 0, &x, &y))
    {
      g_printerr ("clwstwr-screenshots: nothing to scroll to a %s\n", G_OBJECT_TYPE_NAME (widget));
      failed = TRUE;
      return;
    }
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, y - 12);
}

/* Minutes attached to the practice, as a file dropped on its page would
 * be: the demo's evidence has no files. */
static void
attach_minutes (ClwWindow  *window,
                const char *practice_id)
{
  ClwDatabase *db = clw_session_get_database (clw_window_get_session (window));
  g_autoptr(ClwEvidence) description = NULL;
  g_autoptr(ClwEvidence) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clw-screenshots-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GString) minutes = g_string_new ("%PDF-1.4\n");

  for (int i = 0; i < 4000; i++)
    g_string_append (minutes, "Cluster partnership working with the community frailty team.\n");
  if (dir != NULL)
    {
      path = g_build_filename (dir, "Frailty MDT minutes June 2023.pdf", NULL);
      if (g_file_set_contents (path, minutes->str, minutes->len, &error))
        {
          description = g_object_new (CLW_TYPE_EVIDENCE,
                                      "kind", CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING,
                                      "title", "Frailty MDT with the community team: minutes",
                                      "practice-id", practice_id,
                                      NULL);
          stored = clw_evidence_attach_file (db, description, path, 0, NULL, NULL, NULL, &error);
          g_unlink (path);
        }
      g_rmdir (dir);
    }
  if (stored == NULL)
    {
      g_printerr ("clwstwr-screenshots: could not attach the minutes: %s\n", error->message);
      failed = TRUE;
    }
}

/* The window with @popover open over it: a popover is a surface of its
 * own, which the window's own picture does not hold. */
static void
shoot_with_popover (GtkWindow  *window,
                    GtkWidget  *popover,
                    const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autoptr(GdkPaintable) window_picture = NULL;
  g_autoptr(GdkPaintable) popover_picture = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  double wx, wy, px, py;

  clw_ui_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);
  for (int i = 0; i < 3; i++)
    {
      g_usleep (150000);
      clw_ui_wait_for_paint (popover, TIMEOUT_MS);
      clw_ui_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);
    }

  gtk_native_get_surface_transform (GTK_NATIVE (window), &wx, &wy);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &px, &py);
  px += gdk_popup_get_position_x (GDK_POPUP (gtk_native_get_surface (GTK_NATIVE (popover)))) - wx;
  py += gdk_popup_get_position_y (GDK_POPUP (gtk_native_get_surface (GTK_NATIVE (popover)))) - wy;

  window_picture = gtk_widget_paintable_new (GTK_WIDGET (window));
  popover_picture = gtk_widget_paintable_new (popover);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (window_picture, snapshot, width, height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (px, py));
  gdk_paintable_snapshot (popover_picture, snapshot,
                          gtk_widget_get_width (popover), gtk_widget_get_height (popover));
  gtk_snapshot_restore (snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("clwstwr-screenshots: could not write %s\n", path);
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

/* A cluster that fits the window whose buddying board shows the most: a
 * request waiting, an arrangement agreed, several small practices. */
static char *
pick_buddy_cluster (ClwSession    *session,
                    ClwQaifReport *report)
{
  GListModel *clusters = clw_qaif_report_get_clusters (report);
  const char *cycle_id = clw_record_get_id (CLW_RECORD (clw_session_get_cycle (session)));
  g_autofree char *best = NULL;
  int best_score = -1;

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, i);
      g_autoptr(ClwBuddyBoard) board = NULL;
      GListModel *pairs;
      gboolean requested = FALSE, agreed = FALSE;
      int score;

      if (clw_cluster_summary_get_n_practices (summary) > 8)
        continue;
      board = clw_buddy_board_new (clw_session_get_database (session),
                                   clw_cluster_summary_get_cluster_id (summary), cycle_id, NULL, NULL);
      if (board == NULL)
        continue;

      pairs = clw_buddy_board_get_pairs (board);
      for (guint p = 0; p < g_list_model_get_n_items (pairs); p++)
        {
          g_autoptr(ClwBuddyPair) pair = g_list_model_get_item (pairs, p);

          requested |= clw_buddy_pair_get_status (pair) == CLW_ARRANGEMENT_STATUS_REQUESTED;
          agreed |= clw_buddy_pair_get_status (pair) == CLW_ARRANGEMENT_STATUS_AGREED;
        }
      score = (requested ? 100 : 0) + (agreed ? 100 : 0) +
              10 * (int) g_list_model_get_n_items (clw_buddy_board_get_small_practices (board)) +
              (int) g_list_model_get_n_items (pairs);
      if (score > best_score)
        {
          best_score = score;
          g_free (best);
          best = g_strdup (clw_cluster_summary_get_cluster_id (summary));
        }
    }

  return g_steal_pointer (&best);
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

static void
wait_for_work (ClwWindow *window)
{
  while (clw_window_is_working (window))
    g_main_context_iteration (NULL, TRUE);
  clw_ui_flush ();
}

/* The visible toplevel named @name, or of @type. */
static GtkWindow *
find_toplevel (const char *name,
               GType       type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          (name != NULL ? g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (toplevel)), name) == 0
                        : G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)))
        return toplevel;
    }
  return NULL;
}

static void
shoot_dialog (const char *toplevel_name,
              GType       type,
              const char *name)
{
  GtkWindow *dialog = find_toplevel (toplevel_name, type);

  if (dialog == NULL)
    {
      g_printerr ("clwstwr-screenshots: no %s to take\n", name);
      failed = TRUE;
      return;
    }
  shoot (dialog, name);
  gtk_window_destroy (dialog);
  clw_ui_flush ();
}

/* Remove @path and the files in it. */
static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, entry, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

/* A practice list of the cluster as a health board keeps it: one practice
 * changed, the others as they are, two new ones, and a row with mistakes. */
static char *
write_practice_list (ClwWindow  *window,
                     const char *cluster_id,
                     const char *dir_path)
{
  ClwSession *session = clw_window_get_session (window);
  g_autoptr(GListModel) practices = clw_session_list_cluster_practices (session, cluster_id);
  g_autoptr(ClwRecord) cluster = clw_record_load (clw_session_get_database (session), CLW_TYPE_CLUSTER,
                                                  cluster_id, NULL);
  const char *code = clw_cluster_get_code (CLW_CLUSTER (cluster));
  g_autoptr(GString) csv = g_string_new ("Practice Code,Practice Name,Cluster,Partners,List Size,Contact\r\n");
  char *path = g_build_filename (dir_path, "practices-2023.csv", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);
      int partners = clw_practice_result_get_partners (result);
      int list_size = clw_practice_result_get_list_size (result);

      /* The first practice has grown, and taken on a partner. */
      if (i == 0)
        {
          partners++;
          list_size += 312;
        }
      g_string_append_printf (csv, "%s,\"%s\",%s,%d,%d,practice.manager@example.nhs.wales\r\n",
                              clw_practice_result_get_code (result), clw_practice_result_get_name (result),
                              code, partners, list_size);
      if (i == 1)
        {
          g_string_append_printf (csv, "W00001,Meddygfa Glan yr Afon,%s,3,6120,\r\n", code);
          g_string_append (csv, "W0002,Canolfan Iechyd y Bryn,Gwent Valleys,2,\"8,400.5\",\r\n");
          g_string_append_printf (csv, "W00003,Riverside Family Practice,%s,2,4380,\r\n", code);
        }
    }

  g_file_set_contents (path, csv->str, csv->len, NULL);
  return path;
}

static void
wait_while_syncing (ClwWindow *window)
{
  while (clw_window_is_syncing (window))
    g_main_context_iteration (NULL, TRUE);
  clw_ui_flush ();
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
change_list_size (ClwWindow  *window,
                  const char *practice_id,
                  int         delta)
{
  ClwSession *session = clw_window_get_session (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) practice = clw_record_load (clw_session_get_database (session),
                                                   CLW_TYPE_PRACTICE, practice_id, &error);

  if (practice == NULL)
    {
      g_printerr ("clwstwr-screenshots: %s\n", error->message);
      return FALSE;
    }
  g_object_set (practice, "list-size", clw_practice_get_list_size (CLW_PRACTICE (practice)) + delta, NULL);
  if (!clw_session_save (session, practice, _("Change the list size"), &error))
    {
      g_printerr ("clwstwr-screenshots: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Wait until the button has read a status with @n_conflicts conflicts and
 * something waiting to go out. */
static gboolean
status_known (ClwSyncButton *button,
              guint          n_conflicts)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  ClwSyncStatus *status;

  while (g_get_monotonic_time () < deadline &&
         ((status = clw_sync_button_get_status (button)) == NULL ||
          clw_sync_status_get_n_conflicts (status) != n_conflicts ||
          clw_sync_status_get_n_pending (status) == 0))
    g_main_context_iteration (NULL, TRUE);
  return clw_sync_button_get_status (button) != NULL;
}

static gboolean
shoot_sync (ClwApplication *app,
            ClwWindow      *master,
            const char     *cluster_id,
            const char     *practice_id)
{
  GSettings *settings = clw_application_get_settings (app);
  g_autofree char *dir = g_dir_make_tmp ("clwstwr-screenshots-XXXXXX", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "meeting.db", NULL);
  g_autofree char *bundle = g_build_filename (dir, "from-the-meeting.clwsync", NULL);
  g_autofree char *shot = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  ClwSyncButton *button;
  GtkPopover *popover;
  ClwWindow *copy = NULL;
  GListModel *toplevels;

  g_settings_set_string (settings, "user-name", "Health Board Team");
  clw_window_show_item (master, cluster_id);
  clw_window_take_meeting_copy (master, cluster_id, copy_path);
  wait_while_syncing (master);
  dialog = find_dialog ();
  if (dialog == NULL)
    {
      g_printerr ("clwstwr-screenshots: the copy for a meeting was not made\n");
      return FALSE;
    }
  adw_message_dialog_response (dialog, "open");
  gtk_window_destroy (GTK_WINDOW (dialog));
  clw_ui_flush ();

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (CLW_IS_WINDOW (toplevel) && CLW_WINDOW (toplevel) != master)
        copy = CLW_WINDOW (toplevel);
    }
  if (copy == NULL)
    {
      g_printerr ("clwstwr-screenshots: the copy was not opened\n");
      return FALSE;
    }
  gtk_window_set_default_size (GTK_WINDOW (copy), 1280, 800);
  while (clw_window_is_busy (copy) || clw_window_get_session (copy) == NULL ||
         clw_session_get_report (clw_window_get_session (copy)) == NULL ||
         !clw_database_is_verified (clw_session_get_database (clw_window_get_session (copy))))
    g_main_context_iteration (NULL, TRUE);

  /* The same field on both sides: the team here, the cluster lead there. */
  if (!change_list_size (master, practice_id, 120))
    return FALSE;
  g_settings_set_string (settings, "user-name", "Dr Ceri Jones");
  if (!change_list_size (copy, practice_id, 240))
    return FALSE;
  clw_window_show_item (copy, cluster_id);
  status_known (CLW_SYNC_BUTTON (clw_ui_find (GTK_WIDGET (copy), NULL, CLW_TYPE_SYNC_BUTTON)), 0);
  shoot (GTK_WINDOW (copy), "meeting-copy");
  clw_window_export_changes (copy, NULL, bundle);
  wait_while_syncing (copy);
  g_settings_set_string (settings, "user-name", "Health Board Team");

  gtk_window_destroy (GTK_WINDOW (copy));
  clw_ui_flush ();

  clw_window_import_changes (master, bundle);
  wait_while_syncing (master);
  dialog = find_dialog ();
  if (dialog != NULL)
    {
      shoot (GTK_WINDOW (dialog), "sync-imported");
      gtk_window_destroy (GTK_WINDOW (dialog));
      clw_ui_flush ();
    }

  button = CLW_SYNC_BUTTON (clw_ui_find (GTK_WIDGET (master), NULL, CLW_TYPE_SYNC_BUTTON));
  if (!status_known (button, 1))
    return FALSE;
  clw_sync_button_popup (button);
  popover = GTK_POPOVER (clw_ui_find (GTK_WIDGET (button), NULL, GTK_TYPE_POPOVER));
  /* Let the popover's animation end. */
  for (int i = 0; i < 4; i++)
    {
      g_usleep (150000);
      clw_ui_wait_for_paint (GTK_WIDGET (master), TIMEOUT_MS);
      clw_ui_wait_for_paint (GTK_WIDGET (popover), TIMEOUT_MS);
    }
  shot = g_build_filename (folder, "sync-status.png", NULL);
  if (!clw_ui_save_png_with_popover (GTK_WINDOW (master), popover, shot, &error))
    {
      g_printerr ("clwstwr-screenshots: %s\n", error->message);
      return FALSE;
    }
  g_print ("%s\n", shot);
  gtk_popover_popdown (popover);

  clw_window_show_conflicts (master);
  shoot (GTK_WINDOW (master), "conflicts");
  clw_window_show_item (master, cluster_id);
  return TRUE;
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
  g_autofree char *practice_id = NULL;
  g_autofree char *buddy_cluster_id = NULL;
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

  buddy_cluster_id = pick_buddy_cluster (clw_window_get_session (window), report);
  clw_window_show_item (window, buddy_cluster_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cluster-view", "s", "buddying");
  shoot (GTK_WINDOW (window), "buddy-board");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 0);
  clw_window_show_item (window, clw_cluster_summary_get_cluster_id (cluster));

  practice = pick_practice (report, clw_cluster_summary_get_cluster_id (cluster));
  clw_window_show_practice (window, clw_practice_result_get_practice_id (practice));
  shoot (GTK_WINDOW (window), "practice-page");

  /* The practice's IMTP contribution, and every practice's of the cluster. */
  clw_window_show_imtp (window, clw_practice_result_get_practice_id (practice), NULL);
  shoot (GTK_WINDOW (window), "imtp-editor");
  {
    GtkWidget *page = clw_ui_find (GTK_WIDGET (window), NULL, g_type_from_name ("ClwImtpPage"));
    g_autoptr(GPtrArray) sections = clw_ui_find_all (page, g_type_from_name ("ClwImtpSectionEditor"));

    if (sections->len > 2)
      {
        scroll_to (g_ptr_array_index (sections, 2));
        shoot (GTK_WINDOW (window), "imtp-workforce");
      }
    else
      {
        g_printerr ("clwstwr-screenshots: the IMTP page has no workforce section\n");
        failed = TRUE;
      }
  }
  clw_window_show_item (window, clw_cluster_summary_get_cluster_id (cluster));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cluster-view", "s", "imtp");
  shoot (GTK_WINDOW (window), "imtp-contributions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 0);

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
  /* Search, for a service the demo's meetings, actions and IMTPs talk of. */
  {
    GtkWidget *popover;
    const char *word = "phlebotomy";

    gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
    popover = clw_ui_find (GTK_WIDGET (window), NULL, CLW_TYPE_SEARCH_POPOVER);
    if (popover == NULL)
      {
        g_printerr ("clwstwr-screenshots: the search did not open\n");
        failed = TRUE;
      }
    else
      {
        clw_search_popover_search (CLW_SEARCH_POPOVER (popover), word);
        while (clw_search_popover_get_searching (CLW_SEARCH_POPOVER (popover)))
          g_main_context_iteration (NULL, TRUE);
        shoot_with_popover (GTK_WINDOW (window), popover, "search");
        gtk_popover_popdown (GTK_POPOVER (popover));
      }
  }

  clw_window_show_item (window, clw_cluster_summary_get_health_board_id (cluster));
  shoot (GTK_WINDOW (window), "health-board-dashboard");

  board_id = pick_board_with_requests (report);
  clw_window_show_item (window, board_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 1);
  shoot (GTK_WINDOW (window), "decisions");

  /* The practice's evidence, a file attached: last, as the change makes
   * a new report. */
  practice_id = g_strdup (clw_practice_result_get_practice_id (practice));
  attach_minutes (window, practice_id);
  clw_window_show_practice (window, practice_id);
  clw_ui_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);
  scroll_to (clw_ui_find (GTK_WIDGET (window), NULL, g_type_from_name ("ClwEvidenceList")));
  shoot (GTK_WINDOW (window), "evidence-list");
  /* Returns, packs and practice lists, in a scratch folder. */
  {
    g_autofree char *scratch = g_dir_make_tmp ("clwstwr-screenshots-XXXXXX", NULL);
    g_autofree char *returns = g_build_filename (scratch, "returns", NULL);
    g_autofree char *csv = NULL;
    const char *cluster_id = clw_cluster_summary_get_cluster_id (cluster);
    ClwDatabase *db = clw_session_get_database (clw_window_get_session (window));

    g_mkdir (returns, 0700);

    if (meeting_id != NULL)
      {
        g_autofree char *name = clw_meeting_pack_dup_file_name_for (db, meeting_id, NULL);
        g_autofree char *pack = g_build_filename (scratch, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (pack);

        clw_window_show_item (window, cluster_id);
        clw_window_show_meeting (window, meeting_id);
        clw_window_save_meeting_pack (window, meeting_id, file);
        wait_for_work (window);
        shoot (GTK_WINDOW (window), "meeting-pack");
      }

    {
      g_autofree char *name = clw_imtp_return_dup_file_name_for (db, cluster_id,
                                                                 clw_session_get_cycle_code (clw_window_get_session (window)),
                                                                 NULL);
      g_autofree char *path = g_build_filename (scratch, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      /* From the meeting back to the cluster's dashboard, its overview. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
      clw_window_show_item (window, cluster_id);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 0);
      clw_ui_flush ();
      clw_window_export_imtp_return (window, cluster_id, file);
      wait_for_work (window);
      shoot (GTK_WINDOW (window), "export-return");
    }

    {
      g_autoptr(GFile) returns_folder = g_file_new_for_path (returns);

      clw_window_show_item (window, clw_cluster_summary_get_health_board_id (cluster));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 0);
      clw_ui_flush ();
      clw_window_export_imtp_returns (window, clw_cluster_summary_get_health_board_id (cluster), returns_folder);
      wait_for_work (window);
      shoot (GTK_WINDOW (window), "export-returns");
    }

    {
      g_autoptr(GFile) file = NULL;

      csv = write_practice_list (window, cluster_id, scratch);
      file = g_file_new_for_path (csv);
      clw_window_import_practices (window, file);
      wait_for_work (window);
      shoot_dialog (NULL, CLW_TYPE_PRACTICE_IMPORT_DIALOG, "import-preview");
    }

    /* A return whose text names a patient: said before it is sent. */
    {
      g_autoptr(GListModel) practices = clw_session_list_cluster_practices (clw_window_get_session (window),
                                                                            cluster_id);
      g_autoptr(ClwPracticeResult) first = g_list_model_get_item (practices, 0);
      g_autofree char *path = g_build_filename (scratch, "return.xml", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      ClwCycle *cycle = clw_session_get_cycle (clw_window_get_session (window));
      g_autoptr(ClwImtpEditor) editor = NULL;

      editor = clw_imtp_editor_new (db, clw_practice_result_get_practice_id (first),
                                    clw_record_get_id (CLW_RECORD (cycle)), NULL);
      if (editor == NULL || !clw_imtp_editor_ensure (editor, NULL) ||
          !clw_imtp_editor_save_section (editor, CLW_IMTP_SECTION_KIND_DEMAND_CAPACITY,
                                         "Demand for diabetic reviews has doubled: one patient "
                                         "(NHS no. 943 476 5919, born 12/03/1950) waited eleven weeks.",
                                         NULL, NULL))
        {
          g_printerr ("clwstwr-screenshots: could not write a contribution's text\n");
          failed = TRUE;
        }

      clw_window_show_item (window, cluster_id);
      clw_window_export_imtp_return (window, cluster_id, file);
      wait_for_work (window);
      shoot_dialog ("patient-data-dialog", G_TYPE_INVALID, "patient-data-warning");
    }

    remove_folder (returns);
    remove_folder (scratch);
  }

  /* Sync: a copy of the cluster for its meeting, the same field changed on
   * both sides, and what each window then shows. */
  if (!shoot_sync (app, window, clw_cluster_summary_get_cluster_id (cluster),
                   clw_practice_result_get_practice_id (practice)))
    failed = TRUE;

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
