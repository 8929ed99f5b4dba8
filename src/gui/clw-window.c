/* clw-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar of health boards and clusters beside the content: a board's
 * overview and decisions, or a cluster's dashboard, meetings and actions,
 * and on top of them the page of one practice or one meeting. Databases
 * are opened (checked, migrated, generated) off the main thread.
 */

#define G_LOG_DOMAIN "clw-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "clw-dataset.h"
#include "clw-demo.h"
#include "clw-gui-util.h"
#include "clw-window-private.h"

G_DEFINE_FINAL_TYPE (ClwWindow, clw_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean present_now_cb (gpointer user_data);

/* --measure-cluster-switch */
typedef struct
{
  ClwWindow *window;
  GPtrArray *cluster_ids;
  GArray    *timings;      /* of double, milliseconds */
  guint      next;
  gint64     started_at;
} SwitchMeasure;

static ClwApplication *
get_application (ClwWindow *self)
{
  return CLW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static ClwMeasure
get_measure (ClwWindow *self)
{
  ClwApplication *app = get_application (self);

  return app != NULL ? clw_application_get_measure (app) : CLW_MEASURE_NONE;
}

static char *
dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "clwstwr", "demo.db", NULL);
}

/* Measuring ----------------------------------------------------------------- */

/* The peak resident memory of this process, in MB: VmHWM, which starts
 * again at exec, where getrusage() would report a parent's peak, inherited
 * through fork. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
switch_measure_free (SwitchMeasure *measure)
{
  g_ptr_array_unref (measure->cluster_ids);
  g_array_unref (measure->timings);
  g_free (measure);
}

static void switch_next_cluster (SwitchMeasure *measure);

static void
switch_painted_cb (GdkFrameClock *clock,
                   SwitchMeasure *measure)
{
  double elapsed = (g_get_monotonic_time () - measure->started_at) / 1000.0;

  g_signal_handlers_disconnect_by_func (clock, switch_painted_cb, measure);
  g_array_append_val (measure->timings, elapsed);
  g_idle_add_once ((GSourceOnceFunc) switch_next_cluster, measure);
}

static void
switch_next_cluster (SwitchMeasure *measure)
{
  ClwWindow *self = measure->window;
  GdkFrameClock *clock;

  if (measure->next >= measure->cluster_ids->len)
    {
      GArray *t = measure->timings;
      double median = 0, max = 0;

      if (t->len > 0)
        {
          g_array_sort (t, compare_doubles);
          median = t->len % 2 ? g_array_index (t, double, t->len / 2)
                              : (g_array_index (t, double, t->len / 2 - 1) +
                                 g_array_index (t, double, t->len / 2)) / 2;
          max = g_array_index (t, double, t->len - 1);
        }
      g_print ("cluster switch: median %.1f ms, max %.1f ms over %u clusters\n",
               median, max, t->len);
      g_print ("peak RSS: %.1f MB\n", peak_rss_mb ());
      switch_measure_free (measure);
      g_application_quit (G_APPLICATION (get_application (self)));
      return;
    }

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  measure->started_at = g_get_monotonic_time ();
  clw_window_show_item (self, g_ptr_array_index (measure->cluster_ids, measure->next++));
  g_signal_connect (clock, "after-paint", G_CALLBACK (switch_painted_cb), measure);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
start_switch_measure (ClwWindow *self)
{
  SwitchMeasure *measure = g_new0 (SwitchMeasure, 1);
  GListModel *items = clw_sidebar_get_items (self->sidebar);

  measure->window = self;
  measure->cluster_ids = g_ptr_array_new_with_free_func (g_free);
  measure->timings = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ClwSidebarItem) item = g_list_model_get_item (items, i);

      if (!clw_sidebar_item_is_health_board (item))
        g_ptr_array_add (measure->cluster_ids, g_strdup (clw_sidebar_item_get_id (item)));
    }

  switch_next_cluster (measure);
}

/* The database's full check takes the other core until it ends (seconds on
 * a big file): the switches are timed after it. */
static gboolean
switch_measure_when_checked_cb (gpointer user_data)
{
  ClwWindow *self = user_data;
  ClwDatabase *db = self->session != NULL ? clw_session_get_database (self->session) : NULL;

  if (db == NULL)
    {
      g_printerr ("%s\n", _("The database was closed before its clusters could be shown"));
      g_application_quit (G_APPLICATION (get_application (self)));
      return G_SOURCE_REMOVE;
    }
  if (!clw_database_is_verified (db))
    return G_SOURCE_CONTINUE;

  start_switch_measure (self);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                ClwWindow     *self)
{
  ClwApplication *app = get_application (self);
  gint64 elapsed = g_get_monotonic_time () - clw_application_get_started_at (app);

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);

  if (clw_application_get_measure (app) == CLW_MEASURE_STARTUP)
    {
      g_print ("startup: %.1f ms\n", elapsed / 1000.0);
      g_print ("peak RSS: %.1f MB\n", peak_rss_mb ());
      g_application_quit (G_APPLICATION (app));
      return;
    }

  g_timeout_add_full (G_PRIORITY_DEFAULT, 10, switch_measure_when_checked_cb,
                      g_object_ref (self), g_object_unref);
}

static void measure_first_dashboard (ClwWindow *self);

static void
mapped_for_measure_cb (ClwWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, mapped_for_measure_cb, NULL);
  measure_first_dashboard (self);
}

/* The first dashboard has its figures: measure to its first frame, once
 * the window is shown. */
static void
measure_first_dashboard (ClwWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->measuring)
    return;

  if (clock == NULL)
    {
      g_signal_handlers_disconnect_by_func (self, mapped_for_measure_cb, NULL);
      g_signal_connect_after (self, "map", G_CALLBACK (mapped_for_measure_cb), NULL);
      return;
    }

  self->measuring = TRUE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The pages made when first shown ---------------------------------------------- */

static ClwHealthBoardDashboard *
ensure_board_dashboard (ClwWindow *self)
{
  if (self->board_dashboard == NULL)
    {
      self->board_dashboard = g_object_new (CLW_TYPE_HEALTH_BOARD_DASHBOARD, NULL);
      adw_bin_set_child (self->board_dashboard_bin, GTK_WIDGET (self->board_dashboard));
      clw_health_board_dashboard_set_session (self->board_dashboard, self->session);
      clw_health_board_dashboard_set_health_board_id (self->board_dashboard, self->board_id);
    }
  return self->board_dashboard;
}

static ClwDecisionsPage *
ensure_decisions_page (ClwWindow *self)
{
  if (self->decisions_page == NULL)
    {
      self->decisions_page = g_object_new (CLW_TYPE_DECISIONS_PAGE, NULL);
      adw_bin_set_child (self->decisions_page_bin, GTK_WIDGET (self->decisions_page));
      clw_decisions_page_set_session (self->decisions_page, self->session);
      clw_decisions_page_set_health_board_id (self->decisions_page, self->board_id);
    }
  return self->decisions_page;
}

static ClwMeetingsPage *
ensure_meetings_page (ClwWindow *self)
{
  if (self->meetings_page == NULL)
    {
      self->meetings_page = g_object_new (CLW_TYPE_MEETINGS_PAGE, NULL);
      adw_bin_set_child (self->meetings_page_bin, GTK_WIDGET (self->meetings_page));
      clw_meetings_page_set_session (self->meetings_page, self->session);
      clw_meetings_page_set_cluster_id (self->meetings_page, self->cluster_id);
    }
  return self->meetings_page;
}

static ClwActionLog *
ensure_action_log (ClwWindow *self)
{
  if (self->action_log == NULL)
    {
      self->action_log = g_object_new (CLW_TYPE_ACTION_LOG, NULL);
      adw_bin_set_child (self->action_log_bin, GTK_WIDGET (self->action_log));
      clw_action_log_set_session (self->action_log, self->session);
      clw_action_log_set_cluster_id (self->action_log, self->cluster_id);
    }
  return self->action_log;
}

static ClwPracticePage *
ensure_practice_page (ClwWindow *self)
{
  if (self->practice_page == NULL)
    {
      self->practice_page = g_object_new (CLW_TYPE_PRACTICE_PAGE, NULL);
      adw_bin_set_child (self->practice_page_bin, GTK_WIDGET (self->practice_page));
      clw_practice_page_set_session (self->practice_page, self->session);
    }
  return self->practice_page;
}

static ClwMeetingEditor *
ensure_meeting_editor (ClwWindow *self)
{
  if (self->meeting_editor == NULL)
    {
      self->meeting_editor = g_object_new (CLW_TYPE_MEETING_EDITOR, NULL);
      adw_bin_set_child (self->meeting_editor_bin, GTK_WIDGET (self->meeting_editor));
      clw_meeting_editor_set_session (self->meeting_editor, self->session);
    }
  return self->meeting_editor;
}

static ClwWelcomePage *
ensure_welcome_page (ClwWindow *self)
{
  if (self->welcome_page == NULL)
    {
      self->welcome_page = g_object_new (CLW_TYPE_WELCOME_PAGE, NULL);
      adw_bin_set_child (self->welcome_page_bin, GTK_WIDGET (self->welcome_page));
    }
  return self->welcome_page;
}

static void
main_page_changed_cb (ClwWindow *self)
{
  if (self->main_stack != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    ensure_welcome_page (self);
}

/* Make the page of a view stack when it is first shown. */
static void
view_changed_cb (ClwWindow *self)
{
  const char *board_view;
  const char *cluster_view;
  const char *page;

  /* The template is still being built. */
  if (self->content_stack == NULL || self->board_stack == NULL || self->cluster_stack == NULL)
    return;

  board_view = adw_view_stack_get_visible_child_name (self->board_stack);
  cluster_view = adw_view_stack_get_visible_child_name (self->cluster_stack);
  page = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (page, "board") == 0)
    {
      if (g_strcmp0 (board_view, "decisions") == 0)
        ensure_decisions_page (self);
      else
        ensure_board_dashboard (self);
    }
  else if (g_strcmp0 (page, "cluster") == 0)
    {
      if (g_strcmp0 (cluster_view, "meetings") == 0)
        ensure_meetings_page (self);
      else if (g_strcmp0 (cluster_view, "actions") == 0)
        ensure_action_log (self);
    }
}

/* The session ----------------------------------------------------------------- */

static void
report_changed_cb (ClwWindow *self)
{
  if (get_measure (self) != CLW_MEASURE_NONE && clw_session_get_report (self->session) != NULL)
    measure_first_dashboard (self);
}

static void
evaluation_failed_cb (ClwWindow    *self,
                      const GError *error)
{
  clw_show_error (GTK_WIDGET (self), _("Could Not Work Out the Verdicts"), error);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  ClwWindow *self = user_data;

  self->spinner_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  return G_SOURCE_REMOVE;
}

static void
busy_changed_cb (ClwWindow *self)
{
  /* Only a long evaluation shows; most take milliseconds. */
  if (clw_session_get_busy (self->session))
    {
      if (self->spinner_source == 0)
        self->spinner_source = g_timeout_add (300, show_spinner_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->spinner_source, g_source_remove);
      gtk_spinner_stop (self->busy_spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
    }
}

static void
apply_user_name (ClwWindow *self)
{
  g_autofree char *name = NULL;

  if (self->session == NULL)
    return;

  name = clw_application_dup_user_name (get_application (self));
  clw_database_set_user (clw_session_get_database (self->session),
                         name != NULL ? name : g_get_real_name ());
}

static void
update_cycles (ClwWindow *self)
{
  const char * const *codes = self->session != NULL ? clw_session_get_cycle_codes (self->session) : NULL;
  const char *current = self->session != NULL ? clw_session_get_cycle_code (self->session) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cycles));

  /* Filling the model selects its first item: not a choice of the user's. */
  self->updating_cycles = TRUE;
  gtk_string_list_splice (self->cycles, 0, n, codes);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], current) == 0)
      gtk_drop_down_set_selected (self->cycle_dropdown, i);
  self->updating_cycles = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->cycle_dropdown), codes != NULL && codes[0] != NULL);
}

static void
select_first_cluster (ClwWindow *self)
{
  GListModel *items = clw_sidebar_get_items (self->sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ClwSidebarItem) item = g_list_model_get_item (items, i);

      if (!clw_sidebar_item_is_health_board (item))
        {
          clw_sidebar_select (self->sidebar, clw_sidebar_item_get_id (item));
          return;
        }
    }
}

static void
set_session (ClwWindow  *self,
             ClwSession *session)
{
  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->report_id, self->session);
      g_clear_signal_handler (&self->failed_id, self->session);
      g_clear_signal_handler (&self->busy_id, self->session);
      g_clear_signal_handler (&self->changed_id, self->session);
    }
  g_set_object (&self->session, session);

  /* The check of the database shown before is of no more use. */
  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  self->verify_cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->verify_source, g_source_remove);

  g_ptr_array_set_size (self->history, 0);
  _clw_window_show_page (self, "empty", FALSE);

  g_clear_pointer (&self->board_id, g_free);
  g_clear_pointer (&self->cluster_id, g_free);
  clw_sidebar_set_session (self->sidebar, session);
  clw_cluster_dashboard_set_session (self->cluster_dashboard, session);
  if (self->board_dashboard != NULL)
    clw_health_board_dashboard_set_session (self->board_dashboard, session);
  if (self->decisions_page != NULL)
    clw_decisions_page_set_session (self->decisions_page, session);
  if (self->meetings_page != NULL)
    clw_meetings_page_set_session (self->meetings_page, session);
  if (self->action_log != NULL)
    clw_action_log_set_session (self->action_log, session);
  if (self->practice_page != NULL)
    clw_practice_page_set_session (self->practice_page, session);
  if (self->meeting_editor != NULL)
    clw_meeting_editor_set_session (self->meeting_editor, session);
  _clw_window_evidence_update (self);
  _clw_window_sync_set_session (self);

  if (session != NULL)
    {
      g_autofree char *basename = g_path_get_basename (clw_database_get_path (clw_session_get_database (session)));
      g_autofree char *last = g_settings_get_string (self->settings, "last-selection");

      self->report_id = g_signal_connect_object (session, "notify::report",
                                                 G_CALLBACK (report_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
      self->failed_id = g_signal_connect_object (session, "failed",
                                                 G_CALLBACK (evaluation_failed_cb), self,
                                                 G_CONNECT_SWAPPED);
      self->busy_id = g_signal_connect_object (session, "notify::busy",
                                               G_CALLBACK (busy_changed_cb), self,
                                               G_CONNECT_SWAPPED);
      /* Undo follows every change, whoever made it. */
      self->changed_id = g_signal_connect_object (session, "changed",
                                                  G_CALLBACK (_clw_window_update_actions), self,
                                                  G_CONNECT_SWAPPED);
      adw_window_title_set_subtitle (self->sidebar_title, basename);
      apply_user_name (self);

      if (get_measure (self) != CLW_MEASURE_NONE || *last == '\0' ||
          !clw_sidebar_select (self->sidebar, last))
        select_first_cluster (self);

      gtk_stack_set_visible_child_name (self->main_stack, "main");
    }
  else
    {
      adw_window_title_set_subtitle (self->sidebar_title, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  update_cycles (self);
  _clw_window_update_actions (self);
}

/* Opening ------------------------------------------------------------------- */

/* The database shown now, to compare with one whose check just ended. */
static ClwDatabase *
get_database (ClwWindow *self)
{
  return self->session != NULL ? clw_session_get_database (self->session) : NULL;
}

static void
show_file_name (ClwWindow  *self,
                const char *suffix)
{
  ClwDatabase *db = get_database (self);
  g_autofree char *basename = db != NULL ? g_path_get_basename (clw_database_get_path (db)) : NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: under the window's title while the database is checked: "demo.db · Checking…" */
  if (basename != NULL && suffix != NULL)
    subtitle = g_strdup_printf (_("%s · %s"), basename, suffix);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle != NULL ? subtitle : basename);
}

static void start_verify (ClwWindow *self);

static gboolean
verify_again_cb (gpointer user_data)
{
  ClwWindow *self = user_data;

  self->verify_source = 0;
  start_verify (self);
  return G_SOURCE_REMOVE;
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClwDatabase *db = CLW_DATABASE (source);
  g_autoptr(ClwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (clw_database_verify_finish (db, result, &error))
    {
      if (get_database (self) == db)
        show_file_name (self, NULL);
      return;
    }

  /* Closed, or another database opened, meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || get_database (self) != db)
    return;

  if (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED))
    {
      g_autofree char *name = g_path_get_basename (clw_database_get_path (db));
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      /* Nothing was written to it: close it, and say why. */
      set_session (self, NULL);
      clw_show_error (GTK_WIDGET (self), heading, error);
      return;
    }

  /* It could not be read just now (another program held it): until it has
   * been checked, nothing is saved, so try again shortly. */
  clw_widget_add_toast (GTK_WIDGET (self), error->message, FALSE);
  if (self->verify_source == 0)
    self->verify_source = g_timeout_add_seconds (10, verify_again_cb, self);
}

/* SQLite's full integrity check, left out of opening so that the dashboard
 * comes at once: it runs on the other core while the user reads it. */
static void
start_verify (ClwWindow *self)
{
  ClwDatabase *db = get_database (self);

  if (db == NULL || clw_database_is_verified (db))
    return;

  show_file_name (self, _("Checking…"));
  clw_database_verify_async (db, self->verify_cancellable, verified_cb, g_object_ref (self));
}

static void verify_after_paint (ClwWindow *self);

static void
painted_for_verify_cb (GdkFrameClock *clock,
                       ClwWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, painted_for_verify_cb, self);
  start_verify (self);
}

static void
mapped_for_verify_cb (ClwWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, mapped_for_verify_cb, NULL);
  verify_after_paint (self);
}

/* Not before the dashboard is painted: the check would take the core the
 * first frame needs. */
static void
verify_after_paint (ClwWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      g_signal_handlers_disconnect_by_func (self, mapped_for_verify_cb, NULL);
      g_signal_connect_after (self, "map", G_CALLBACK (mapped_for_verify_cb), NULL);
      return;
    }

  g_signal_handlers_disconnect_by_func (clock, painted_for_verify_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (painted_for_verify_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClwOpener *opener = CLW_OPENER (source);
  g_autoptr(ClwWindow) self = user_data;
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwQaifReport) report = NULL;
  g_autofree char *cycle_code = NULL;
  g_autoptr(GError) error = NULL;

  db = clw_opener_wait_finish (opener, result, &cycle_code, &report, &error);

  /* The window is closing, or another database is being opened. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || opener != self->opener)
    return;

  self->opening = FALSE;
  g_clear_object (&self->opener);
  if (self->welcome_page != NULL)
    clw_welcome_page_set_busy (self->welcome_page, NULL);

  /* The window waited for the database: it appears now, with it. */
  if (self->present_source != 0)
    {
      g_clear_handle_id (&self->present_source, g_source_remove);
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, present_now_cb, g_object_ref (self), g_object_unref);
    }

  if (db == NULL)
    {
      g_autofree char *name = g_path_get_basename (clw_opener_get_path (opener));
      g_autofree char *heading = NULL;

      switch (clw_opener_get_mode (opener))
        {
        case CLW_OPEN_NEW:
          heading = g_strdup_printf (_("Could Not Create “%s”"), name);
          break;
        case CLW_OPEN_DEMO:
          heading = g_strdup (_("Could Not Open the Demo Data"));
          break;
        case CLW_OPEN_EXISTING:
        default:
          heading = g_strdup_printf (_("Could Not Open “%s”"), name);
          break;
        }

      gtk_stack_set_visible_child_name (self->main_stack, self->session != NULL ? "main" : "welcome");
      _clw_window_update_actions (self);
      clw_show_error (GTK_WIDGET (self), heading, error);

      if (get_measure (self) != CLW_MEASURE_NONE)
        {
          g_printerr ("clwstwr: %s\n", error->message);
          g_application_quit (G_APPLICATION (get_application (self)));
        }
      return;
    }

  {
    g_autoptr(ClwSession) session = clw_session_new_full (db, cycle_code, report);

    set_session (self, session);
    if (clw_session_get_report (session) == NULL)
      clw_session_refresh (session);
    else
      report_changed_cb (self);
  }

  clw_application_note_opened (get_application (self), clw_database_get_path (db));

  if (clw_database_get_backup_path (db) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The database was updated for this version; "
                                                    "the old one is kept as %s"),
                                                  clw_database_get_backup_path (db));
      clw_widget_add_toast (GTK_WIDGET (self), message, FALSE);
    }

  verify_after_paint (self);
}

/* Show @opener's database when it is open; the window says what is under
 * way meanwhile. */
static void
watch_opener (ClwWindow *self,
              ClwOpener *opener)
{
  const char *path = clw_opener_get_path (opener);
  ClwOpenMode mode = clw_opener_get_mode (opener);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->opener, opener);
  self->opening = TRUE;
  _clw_window_update_actions (self);

  if (mode == CLW_OPEN_DEMO && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Generating takes a while: the welcome page shows it. */
      clw_welcome_page_set_busy (ensure_welcome_page (self),
                                 _("Making invented practices, meetings and attendance for all of Wales…"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  else if (!clw_opener_is_done (opener))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *title = g_strdup_printf (_("Opening “%s”…"), name);

      adw_status_page_set_title (self->loading_page, title);
      adw_status_page_set_description (self->loading_page,
                                       mode == CLW_OPEN_NEW ? _("Adding the Welsh health boards, clusters and QAIF cycles.")
                                                            : _("Reading the database."));
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }

  clw_opener_wait_async (opener, self->cancellable, open_done_cb, g_object_ref (self));
}

static void
start_open (ClwWindow   *self,
            const char  *path,
            ClwOpenMode  mode)
{
  g_autoptr(ClwOpener) opener = NULL;
  g_autofree char *cycle_code = NULL;

  if (self->opening)
    return;

  if (get_measure (self) == CLW_MEASURE_NONE)
    {
      cycle_code = g_settings_get_string (self->settings, "cycle");
      if (*cycle_code == '\0')
        g_clear_pointer (&cycle_code, g_free);
    }

  opener = clw_opener_new (path, mode, cycle_code);
  watch_opener (self, opener);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ClwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      ClwOpenMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "mode"));

      if (path != NULL)
        start_open (self, path, mode);
    }

  g_object_unref (chooser);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("Clwstwr Databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_chooser_add_filter (chooser, databases);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* Restoring ------------------------------------------------------------------- */

static void
update_recent_menu (ClwWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;

      name = g_path_get_basename (recent[i]);
      folder = g_path_get_dirname (recent[i]);
      /* Translators: a recent database in the menu: its name, then its folder */
      label = g_strdup_printf (_("%s — %s"), name, folder);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
settings_changed_cb (ClwWindow  *self,
                     const char *key)
{
  if (g_str_equal (key, "recent-databases"))
    update_recent_menu (self);
  else if (g_str_equal (key, "user-name"))
    apply_user_name (self);
}

/* Callbacks ------------------------------------------------------------------- */

static void
update_switcher_bar (ClwWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean switcher = g_strcmp0 (page, "board") == 0 || g_strcmp0 (page, "cluster") == 0;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    switcher && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
sidebar_item_selected_cb (ClwWindow      *self,
                          ClwSidebarItem *item)
{
  const char *id;

  if (item == NULL)
    return;

  id = clw_sidebar_item_get_id (item);
  g_ptr_array_set_size (self->history, 0);

  if (clw_sidebar_item_is_health_board (item))
    {
      g_free (self->board_id);
      self->board_id = g_strdup (id);
      if (self->board_dashboard != NULL)
        clw_health_board_dashboard_set_health_board_id (self->board_dashboard, id);
      if (self->decisions_page != NULL)
        clw_decisions_page_set_health_board_id (self->decisions_page, id);
      adw_view_switcher_title_set_title (self->switcher_title, clw_sidebar_item_get_title (item));
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("Health board"));
      _clw_window_show_page (self, "board", FALSE);
    }
  else
    {
      GListModel *items = clw_sidebar_get_items (self->sidebar);
      const char *board_name = NULL;

      g_free (self->cluster_id);
      self->cluster_id = g_strdup (id);
      clw_cluster_dashboard_set_cluster_id (self->cluster_dashboard, id);
      if (self->meetings_page != NULL)
        clw_meetings_page_set_cluster_id (self->meetings_page, id);
      if (self->action_log != NULL)
        clw_action_log_set_cluster_id (self->action_log, id);
      _clw_window_evidence_update (self);

      for (guint i = 0; i < g_list_model_get_n_items (items) && board_name == NULL; i++)
        {
          g_autoptr(ClwSidebarItem) board = g_list_model_get_item (items, i);
          if (g_strcmp0 (clw_sidebar_item_get_id (board), clw_sidebar_item_get_health_board_id (item)) == 0)
            board_name = clw_sidebar_item_get_title (board);
        }
      adw_view_switcher_title_set_title (self->switcher_title, clw_sidebar_item_get_title (item));
      adw_view_switcher_title_set_subtitle (self->switcher_title, board_name);
      _clw_window_show_page (self, "cluster", FALSE);
    }

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  if (get_measure (self) == CLW_MEASURE_NONE)
    g_settings_set_string (self->settings, "last-selection", id);
}

static void
cycle_selected_cb (ClwWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->cycle_dropdown);
  const char *code;

  if (self->session == NULL || self->updating_cycles || selected == GTK_INVALID_LIST_POSITION)
    return;

  code = gtk_string_list_get_string (self->cycles, selected);
  if (code == NULL || g_strcmp0 (code, clw_session_get_cycle_code (self->session)) == 0)
    return;

  clw_session_set_cycle_code (self->session, code);
  g_settings_set_string (self->settings, "cycle", code);
}

/* GObject and GtkWidget --------------------------------------------------------- */

static gboolean
clw_window_close_request (GtkWindow *window)
{
  ClwWindow *self = CLW_WINDOW (window);

  if (get_measure (self) == CLW_MEASURE_NONE)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (clw_window_parent_class)->close_request (window);
}

/* The application is set after construction: what depends on it is done here. */
static void
setup_for_application (ClwWindow      *self,
                       ClwApplication *app)
{
  self->settings = g_object_ref (clw_application_get_settings (app));
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  update_recent_menu (self);
  _clw_window_update_actions (self);
}

static void
clw_window_dispose (GObject *object)
{
  ClwWindow *self = (ClwWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->verify_cancellable);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  g_clear_handle_id (&self->present_source, g_source_remove);
  g_clear_handle_id (&self->verify_source, g_source_remove);
  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->report_id, self->session);
      g_clear_signal_handler (&self->failed_id, self->session);
      g_clear_signal_handler (&self->busy_id, self->session);
      g_clear_signal_handler (&self->changed_id, self->session);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_WINDOW);
  _clw_window_sync_dispose (self);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->cycles);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->verify_cancellable);
  g_clear_object (&self->opener);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->board_id, g_free);
  g_clear_pointer (&self->cluster_id, g_free);

  G_OBJECT_CLASS (clw_window_parent_class)->dispose (object);
}

static void
clw_window_class_init (ClwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = clw_window_dispose;

  window_class->close_request = clw_window_close_request;

  /* The types the template uses. */
  g_type_ensure (CLW_TYPE_ACTION_LOG);
  g_type_ensure (CLW_TYPE_CLUSTER_DASHBOARD);
  g_type_ensure (CLW_TYPE_DECISIONS_PAGE);
  g_type_ensure (CLW_TYPE_HEALTH_BOARD_DASHBOARD);
  g_type_ensure (CLW_TYPE_MEETING_EDITOR);
  g_type_ensure (CLW_TYPE_MEETINGS_PAGE);
  g_type_ensure (CLW_TYPE_PRACTICE_PAGE);
  g_type_ensure (CLW_TYPE_SIDEBAR);
  g_type_ensure (CLW_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, action_log_bin);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, board_dashboard_bin);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, board_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, cluster_dashboard);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, cluster_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, cycle_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, decisions_page_bin);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, meeting_editor_bin);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, meetings_page_bin);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, practice_page_bin);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, subpage_title);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, welcome_page_bin);
  /* Kept for create_main_menu_cb(). */
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "welcome_menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "main_menu_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, cycle_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, main_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  _clw_window_class_add_actions (widget_class);
  _clw_window_class_add_evidence (widget_class);
  _clw_window_returns_class_init (widget_class);
}

/* The main menu's popover is made when first opened: made with the window,
 * it would cost the first frame a few milliseconds for nothing. */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (button), CLW_TYPE_WINDOW);
  GObject *menu = gtk_widget_get_template_child (window, CLW_TYPE_WINDOW, "primary_menu");

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
clw_window_init (ClwWindow *self)
{
  static const char * const menu_buttons[] = { "welcome_menu_button", "main_menu_button" };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (menu_buttons); i++)
    gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), CLW_TYPE_WINDOW,
                                                                                            menu_buttons[i])),
                                           create_main_menu_cb, NULL, NULL);

  self->history = g_ptr_array_new_with_free_func (g_free);
  _clw_window_sync_init (self);
  self->cycles = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->cycle_dropdown, G_LIST_MODEL (self->cycles));
  _clw_window_evidence_init (self);
  _clw_window_search_init (self);
}

/* Pages --------------------------------------------------------------------- */

void
_clw_window_show_page (ClwWindow  *self,
                       const char *page,
                       gboolean    push)
{
  const char *current = gtk_stack_get_visible_child_name (self->content_stack);

  if (push && current != NULL && g_strcmp0 (current, page) != 0)
    g_ptr_array_add (self->history, g_strdup (current));

  gtk_stack_set_visible_child_name (self->content_stack, page);
  view_changed_cb (self);

  if (g_str_equal (page, "board") || g_str_equal (page, "cluster"))
    {
      AdwViewStack *stack = g_str_equal (page, "board") ? self->board_stack : self->cluster_stack;

      adw_view_switcher_title_set_stack (self->switcher_title, stack);
      adw_view_switcher_bar_set_stack (self->switcher_bar, stack);
      gtk_stack_set_visible_child_name (self->title_stack, "switcher");
    }
  else if (g_str_equal (page, "practice"))
    {
      adw_window_title_set_title (self->subpage_title,
                                  clw_practice_page_get_title (ensure_practice_page (self)));
      adw_window_title_set_subtitle (self->subpage_title, _("Practice"));
      gtk_stack_set_visible_child_name (self->title_stack, "subpage");
    }
  else if (g_str_equal (page, "meeting"))
    {
      adw_window_title_set_title (self->subpage_title,
                                  clw_meeting_editor_get_title (ensure_meeting_editor (self)));
      adw_window_title_set_subtitle (self->subpage_title, _("Meeting"));
      gtk_stack_set_visible_child_name (self->title_stack, "subpage");
    }
  else if (g_str_equal (page, "imtp"))
    _clw_window_evidence_show_imtp_title (self);
  else if (g_str_equal (page, "conflicts"))
    {
      _clw_window_sync_update_title (self);
      gtk_stack_set_visible_child_name (self->title_stack, "subpage");
    }
  else
    {
      adw_window_title_set_title (self->subpage_title, "");
      adw_window_title_set_subtitle (self->subpage_title, NULL);
      gtk_stack_set_visible_child_name (self->title_stack, "subpage");
    }

  gtk_widget_set_visible (self->back_button, self->history->len > 0);
  update_switcher_bar (self);
  _clw_window_update_actions (self);
}

void
_clw_window_go_back (ClwWindow *self)
{
  g_autofree char *previous = NULL;

  if (self->history->len == 0)
    return;

  previous = g_strdup (g_ptr_array_index (self->history, self->history->len - 1));
  g_ptr_array_remove_index (self->history, self->history->len - 1);
  _clw_window_show_page (self, previous, FALSE);
}

/* Public API ---------------------------------------------------------------- */

ClwWindow *
clw_window_new (ClwApplication *application)
{
  ClwWindow *self;

  g_return_val_if_fail (CLW_IS_APPLICATION (application), NULL);

  self = g_object_new (CLW_TYPE_WINDOW, "application", application, NULL);
  setup_for_application (self, application);
  return self;
}

void
clw_window_open_file (ClwWindow *self,
                      GFile     *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer. Copy it to a folder of yours "
                     "and open it from there."), uri);
      clw_show_error (GTK_WIDGET (self), _("Could Not Open the Database"), error);
      return;
    }

  start_open (self, path, CLW_OPEN_EXISTING);
}

void
clw_window_open_prepared (ClwWindow *self,
                          ClwOpener *opener)
{
  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (CLW_IS_OPENER (opener));

  if (self->opening)
    return;

  watch_opener (self, opener);
}

void
clw_window_choose_database (ClwWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (CLW_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("Open a Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (chooser), "mode", GINT_TO_POINTER (CLW_OPEN_EXISTING));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
clw_window_choose_new_database (ClwWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (CLW_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("clwstwr.db"));
  g_object_set_data (G_OBJECT (chooser), "mode", GINT_TO_POINTER (CLW_OPEN_NEW));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
clw_window_open_demo (ClwWindow *self)
{
  g_autofree char *path = dup_demo_path ();

  g_return_if_fail (CLW_IS_WINDOW (self));

  start_open (self, path, CLW_OPEN_DEMO);
}

static gboolean
present_now_cb (gpointer user_data)
{
  ClwWindow *self = user_data;

  self->present_source = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

void
clw_window_present_when_ready (ClwWindow *self,
                               guint      max_wait_ms)
{
  g_return_if_fail (CLW_IS_WINDOW (self));

  if (!self->opening || gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  if (self->present_source == 0)
    self->present_source = g_timeout_add (max_wait_ms, present_now_cb, self);
}

void
clw_window_show_welcome (ClwWindow *self)
{
  g_return_if_fail (CLW_IS_WINDOW (self));

  if (self->session == NULL && !self->opening)
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

gboolean
clw_window_has_database (ClwWindow *self)
{
  g_return_val_if_fail (CLW_IS_WINDOW (self), FALSE);

  return self->session != NULL;
}

gboolean
clw_window_is_busy (ClwWindow *self)
{
  g_return_val_if_fail (CLW_IS_WINDOW (self), FALSE);

  return self->opening;
}

ClwSession *
clw_window_get_session (ClwWindow *self)
{
  g_return_val_if_fail (CLW_IS_WINDOW (self), NULL);

  return self->session;
}

gboolean
clw_window_show_item (ClwWindow  *self,
                      const char *id)
{
  g_return_val_if_fail (CLW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return clw_sidebar_select (self->sidebar, id);
}

void
clw_window_show_practice (ClwWindow  *self,
                          const char *practice_id)
{
  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (practice_id != NULL);

  clw_practice_page_set_practice_id (ensure_practice_page (self), practice_id);
  _clw_window_show_page (self, "practice", TRUE);
}

void
clw_window_show_meeting (ClwWindow  *self,
                         const char *meeting_id)
{
  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (meeting_id != NULL);

  clw_meeting_editor_set_meeting_id (ensure_meeting_editor (self), meeting_id);
  _clw_window_show_page (self, "meeting", TRUE);
}
