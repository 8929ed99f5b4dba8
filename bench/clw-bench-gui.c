/* clw-bench-gui.c: the benchmarks of the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under an X server (make bench runs the table under Xvfb):
 *
 * - the app's start, to the first painted frame of the dashboard of the
 *   demo (clwstwr --measure-startup, a process each run), against a bare
 *   GTK window measured the same way (bench/bare-window): target 1.5× its
 *   time. After the row, the peak memory of both: target 2×;
 * - showing another cluster's dashboard, in turn over all of them, to its
 *   first painted frame (the app's window in this process): targets 16 ms
 *   at scale 1 and 50 ms at scale 100. The baseline repaints the window
 *   without a change: what a frame costs anyway.
 */

#define G_LOG_DOMAIN "clw-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "clw-application.h"
#include "clw-bench.h"
#include "clw-core.h"
#include "clw-window.h"

#define WAIT_MS 600000

/* What the notes on headless GTK found steady: the same for the app, the
 * bare window and this process. */
static void
set_gui_environment (void)
{
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
}

/* The app's start --------------------------------------------------------- */

typedef struct
{
  char   *demo;
  double  app_peak_mb;
  double  bare_peak_mb;
} Startup;

static gpointer
startup_setup (ClwBench  *bench,
               guint      scale,
               GError   **error)
{
  Startup *state = g_new0 (Startup, 1);

  state->demo = clw_bench_ensure_demo (bench, scale, error);
  if (state->demo == NULL)
    {
      g_free (state);
      return NULL;
    }

  set_gui_environment ();
  return state;
}

/* Run @argv; the peak memory it prints, in MB, raises *@peak_mb. */
static gboolean
spawn_measured (const char **argv,
                double      *peak_mb,
                GError     **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *peak;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL) || strstr (out, "startup:") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s did not measure its start: %s%s",
                   argv[0], out, err);
      return FALSE;
    }

  peak = strstr (out, "peak RSS:");
  if (peak != NULL)
    *peak_mb = MAX (*peak_mb, g_ascii_strtod (peak + strlen ("peak RSS:"), NULL));
  return TRUE;
}

static gboolean
startup_run (gpointer   data,
             guint64   *rows,
             GError   **error)
{
  Startup *state = data;
  const char *argv[] = { BENCH_APP_PATH, "--measure-startup", state->demo, NULL };

  return spawn_measured (argv, &state->app_peak_mb, error);
}

static gboolean
startup_baseline (gpointer   data,
                  GError   **error)
{
  Startup *state = data;
  const char *argv[] = { BENCH_BARE_WINDOW_PATH, NULL };

  return spawn_measured (argv, &state->bare_peak_mb, error);
}

static void
startup_teardown (gpointer data)
{
  Startup *state = data;

  if (state->app_peak_mb > 0 && state->bare_peak_mb > 0)
    printf ("%-34s %6s %6s %10.1fM %8s %10s  %-36s%9.1fM %7.1f×  < 2.0× (%s)\n",
            "App peak memory", "1", "", state->app_peak_mb, "", "", "bare GTK window",
            state->bare_peak_mb, state->app_peak_mb / state->bare_peak_mb,
            state->app_peak_mb / state->bare_peak_mb < 2.0 ? "met" : "missed");
  fflush (stdout);

  g_free (state->demo);
  g_free (state);
}

/* Showing another cluster ------------------------------------------------- */

typedef struct
{
  ClwApplication *app;
  ClwWindow      *window;
  GPtrArray      *cluster_ids;
  guint           next;
} Switch;

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
expired_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Queue a frame and wait for it to be painted. */
static gboolean
wait_for_paint (ClwWindow  *window,
                GError    **error)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE, expired = FALSE;
  guint timeout;
  gulong id;

  if (clock == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window is not shown");
      return FALSE;
    }

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  timeout = g_timeout_add (10000, expired_cb, &expired);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  if (!expired)
    g_source_remove (timeout);

  if (!painted)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "No frame was painted in 10 s");
  return painted;
}

static void switch_teardown (gpointer data);

static gboolean
switch_is_ready (ClwWindow *window)
{
  ClwSession *session = clw_window_get_session (window);

  return !clw_window_is_busy (window) && session != NULL && clw_session_get_report (session) != NULL &&
         clw_database_is_verified (clw_session_get_database (session));
}

static gpointer
switch_setup (ClwBench  *bench,
              guint      scale,
              GError   **error)
{
  g_autofree char *demo = clw_bench_ensure_demo (bench, scale, error);
  g_autoptr(GFile) file = NULL;
  Switch *state;
  GListModel *clusters;
  gint64 deadline;

  if (demo == NULL)
    return NULL;

  set_gui_environment ();
  if (!gtk_init_check ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "No display: run the benchmarks under build-aux/with-xvfb.sh");
      return NULL;
    }

  state = g_new0 (Switch, 1);
  state->cluster_ids = g_ptr_array_new_with_free_func (g_free);
  state->app = clw_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (state->app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (state->app), NULL, error))
    {
      switch_teardown (state);
      return NULL;
    }

  state->window = clw_window_new (state->app);
  gtk_window_set_default_size (GTK_WINDOW (state->window), 1280, 820);
  file = g_file_new_for_path (demo);
  clw_window_open_file (state->window, file);
  gtk_window_present (GTK_WINDOW (state->window));

  /* Until the database's full check ends (seconds at scale 100), it takes
   * the other core: the switches are timed after it. */
  deadline = g_get_monotonic_time () + (gint64) WAIT_MS * 1000;
  while (g_get_monotonic_time () < deadline && !switch_is_ready (state->window))
    g_main_context_iteration (NULL, TRUE);
  if (!switch_is_ready (state->window))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not open %s in the app's window", demo);
      switch_teardown (state);
      return NULL;
    }

  clusters = clw_qaif_report_get_clusters (clw_session_get_report (clw_window_get_session (state->window)));
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, i);
      g_ptr_array_add (state->cluster_ids, g_strdup (clw_cluster_summary_get_cluster_id (summary)));
    }

  /* Once round first, untimed: the first showing makes the lines of the
   * tables; the runs measure showing another cluster after that. */
  for (guint i = 0; i < state->cluster_ids->len; i++)
    {
      clw_window_show_item (state->window, g_ptr_array_index (state->cluster_ids, i));
      if (!wait_for_paint (state->window, error))
        {
          switch_teardown (state);
          return NULL;
        }
    }
  return state;
}

static gboolean
switch_run (gpointer   data,
            guint64   *rows,
            GError   **error)
{
  Switch *state = data;
  const char *id = g_ptr_array_index (state->cluster_ids, state->next++ % state->cluster_ids->len);

  clw_window_show_item (state->window, id);
  return wait_for_paint (state->window, error);
}

static gboolean
switch_baseline (gpointer   data,
                 GError   **error)
{
  Switch *state = data;

  return wait_for_paint (state->window, error);
}

static void
switch_teardown (gpointer data)
{
  Switch *state = data;

  if (state->window != NULL)
    gtk_window_destroy (GTK_WINDOW (state->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&state->app);
  g_ptr_array_unref (state->cluster_ids);
  g_free (state);
}

const ClwBenchCase clw_bench_gui_cases[] = {
  {
    "App start to first dashboard", 1, 0, "bare GTK window (target: < 1.5×)",
    startup_setup, NULL, startup_run, NULL, startup_baseline, startup_teardown,
  },
  {
    "Show another cluster", 1, 16e-3, "repaint without a change",
    switch_setup, NULL, switch_run, NULL, switch_baseline, switch_teardown,
  },
  {
    "Show another cluster", 100, 50e-3, "repaint without a change",
    switch_setup, NULL, switch_run, NULL, switch_baseline, switch_teardown,
  },
};

const guint clw_bench_gui_n_cases = G_N_ELEMENTS (clw_bench_gui_cases);
