/* test-ui-startup.c: how the app opens its first database, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app opens the database given on its command line while GTK starts,
 * shows the dashboard before SQLite's full integrity check, and makes that
 * check once the dashboard is painted. These tests run the application as
 * main() does, and open a file whose damage only the full check finds: it
 * must be closed with a clear message, and left exactly as it was.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "clw-test-util.h"
#include "clw-ui-util.h"

#define TIMEOUT_MS 60000

static char *demo_path;       /* generated once, before the tests fork */

static void
setup (void)
{
  /* The user's data folder is the test's own. */
  g_setenv ("XDG_DATA_HOME", clw_test_tmpdir (), TRUE);
}

/* This test's copy of the demo. */
static char *
copy_demo (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *path = clw_test_path (name);
  gsize length;

  ck_assert (g_file_get_contents (demo_path, &contents, &length, &error));
  ck_assert (g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  ck_assert_no_error (error);
  return path;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A copy of the demo with one page of its search index broken: the
 * header, the schema and everything the first report reads are whole, so
 * that only SQLite's full integrity check finds it. */
static char *
copy_damaged_demo (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *path = copy_demo (name);
  sqlite3 *raw = NULL;
  gint64 page_size;
  gint64 page;
  gsize length;

  ck_assert_int_eq (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  page_size = query_int (raw, "PRAGMA page_size");
  page = query_int (raw, "SELECT pageno FROM dbstat WHERE name = 'search_index_content' "
                         "AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2");
  sqlite3_close (raw);
  ck_assert_int_gt (page, 1);

  ck_assert (g_file_get_contents (path, &contents, &length, &error));
  memset (contents + (page - 1) * page_size, 0x5a, 8);
  ck_assert (g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  ck_assert_no_error (error);
  return path;
}

/* Running the application as main() does -------------------------------------- */

typedef struct
{
  ClwApplication *app;
  ClwWindow      *window;
  char           *path;            /* the database given */
  gboolean        had_dashboard;   /* the database was shown before its check ended */
  gboolean        verified;
  gboolean        menu_opened;     /* the main menu, made when first opened, opened */
  gboolean        shortcuts_shown; /* the shortcuts window, made when asked for, shown */
  char           *refused;         /* the message dialog's heading and body */
  guint           poll_source;
  guint           timeout_source;
} Run;

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
quit (Run *run)
{
  g_clear_handle_id (&run->poll_source, g_source_remove);
  g_clear_handle_id (&run->timeout_source, g_source_remove);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (run->app)); l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_destroy (window);
    }
  g_application_quit (G_APPLICATION (run->app));
}

/* Open the main menu of the page shown: its popover is made then. */
static gboolean
open_main_menu (ClwWindow *window)
{
  g_autoptr(GPtrArray) buttons = clw_ui_find_all (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      GtkPopover *popover;

      if (!gtk_widget_is_drawable (GTK_WIDGET (button)) ||
          g_strcmp0 (gtk_menu_button_get_icon_name (button), "open-menu-symbolic") != 0)
        continue;

      ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (button)));
      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      ck_assert_ptr_nonnull (popover);
      ck_assert (GTK_IS_POPOVER_MENU (popover));
      ck_assert_ptr_nonnull (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)));
      ck_assert (gtk_widget_get_visible (GTK_WIDGET (popover)));
      gtk_menu_button_popdown (button);
      return TRUE;
    }
  return FALSE;
}

static gboolean
show_shortcuts (ClwWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Asked for twice, one window. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ck_assert_uint_eq (g_list_model_get_n_items (toplevels), 2);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        {
          ck_assert_ptr_eq (gtk_window_get_transient_for (toplevel), GTK_WINDOW (window));
          gtk_window_destroy (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
poll_cb (gpointer user_data)
{
  Run *run = user_data;
  AdwMessageDialog *dialog = find_message_dialog ();
  ClwSession *session;

  if (run->window == NULL)
    run->window = CLW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
  if (run->window == NULL)
    return G_SOURCE_CONTINUE;

  session = clw_window_get_session (run->window);
  if (session != NULL && clw_session_get_report (session) != NULL)
    {
      ClwDatabase *db = clw_session_get_database (session);

      ck_assert_str_eq (clw_database_get_path (db), run->path);
      run->had_dashboard = TRUE;
      if (clw_database_is_verified (db))
        {
          run->verified = TRUE;
          run->menu_opened = open_main_menu (run->window);
          run->shortcuts_shown = show_shortcuts (run->window);
          run->poll_source = 0;
          quit (run);
          return G_SOURCE_REMOVE;
        }
    }

  if (dialog != NULL)
    {
      run->refused = g_strdup_printf ("%s\n%s", adw_message_dialog_get_heading (dialog),
                                      adw_message_dialog_get_body (dialog));
      run->poll_source = 0;
      quit (run);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timeout_source = 0;
  quit (run);
  return G_SOURCE_REMOVE;
}

static void
startup_cb (GApplication *app,
            Run          *run)
{
  run->poll_source = g_timeout_add (10, poll_cb, run);
  run->timeout_source = g_timeout_add (TIMEOUT_MS, timeout_cb, run);
}

/* Run the app with @path on its command line until it shows the database
 * checked, or refuses it. */
static void
run_app (Run        *run,
         const char *path)
{
  char *argv[] = { (char *) "clwstwr", (char *) path, NULL };

  run->path = g_strdup (path);
  run->app = clw_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (run->app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (run->app, "startup", G_CALLBACK (startup_cb), run);

  ck_assert_int_eq (g_application_run (G_APPLICATION (run->app), 2, argv), 0);
  clw_ui_flush ();
}

static void
run_clear (Run *run)
{
  g_clear_object (&run->app);
  g_clear_pointer (&run->path, g_free);
  g_clear_pointer (&run->refused, g_free);
}

START_TEST (test_command_line_database_is_shown_then_checked)
{
  g_autofree char *path = copy_demo ("given.db");
  Run run = { 0 };

  run_app (&run, path);
  ck_assert_msg (run.refused == NULL, "%s", run.refused);
  ck_assert (run.had_dashboard);
  ck_assert (run.verified);
  ck_assert (run.menu_opened);
  ck_assert (run.shortcuts_shown);
  run_clear (&run);
}
END_TEST

START_TEST (test_damage_found_later_closes_the_database)
{
  g_autofree char *path = copy_damaged_demo ("damaged.db");
  g_autoptr(GBytes) before = clw_test_read_file (path);
  Run run = { 0 };

  run_app (&run, path);
  ck_assert (!run.verified);
  ck_assert_ptr_nonnull (run.refused);
  /* Which file, what is wrong with it, and what to do. */
  ck_assert_msg (strstr (run.refused, "damaged.db") != NULL, "%s", run.refused);
  ck_assert_msg (strstr (run.refused, "integrity check failed") != NULL, "%s", run.refused);
  ck_assert_msg (strstr (run.refused, "backup") != NULL, "%s", run.refused);
  run_clear (&run);

  /* Nothing was written to it. */
  ck_assert (clw_test_bytes_equal_file (before, path));
}
END_TEST

/* Opened from the window (Open…, recent databases): the same check. */
START_TEST (test_damage_found_later_from_the_window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = copy_damaged_demo ("damaged.db");
  g_autoptr(GBytes) before = clw_test_read_file (path);
  g_autoptr(ClwApplication) app = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog = NULL;
  ClwWindow *window;
  gint64 deadline;

  ck_assert_msg (gtk_init_check (), "no display: run under build-aux/with-xvfb.sh");
  app = clw_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (app), NULL, &error));
  ck_assert_no_error (error);

  window = clw_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  clw_window_open_file (window, file);
  while (clw_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);

  /* Shown at once, unchecked: nothing can be written yet. */
  ck_assert (clw_window_has_database (window));
  {
    ClwDatabase *db = clw_session_get_database (clw_window_get_session (window));

    if (!clw_database_is_verified (db))
      {
        ck_assert (!clw_database_set_meta (db, "test", "value", &error));
        ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_CHECKING) ||
                   g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED));
        g_clear_error (&error);
      }
  }

  deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  while ((dialog = find_message_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  ck_assert_ptr_nonnull (dialog);
  ck_assert (strstr (adw_message_dialog_get_heading (dialog), "damaged.db") != NULL);
  ck_assert_msg (strstr (adw_message_dialog_get_body (dialog), "integrity check failed") != NULL,
                 "%s", adw_message_dialog_get_body (dialog));
  ck_assert (!clw_window_has_database (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  clw_ui_flush ();
  ck_assert (clw_test_bytes_equal_file (before, path));
}
END_TEST

static Suite *
startup_suite (void)
{
  Suite *s = suite_create ("ui-startup");
  TCase *tc = tcase_create ("startup");

  tcase_add_checked_fixture (tc, setup, NULL);
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_command_line_database_is_shown_then_checked);
  tcase_add_test (tc, test_damage_found_later_closes_the_database);
  tcase_add_test (tc, test_damage_found_later_from_the_window);
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
  dir = g_dir_make_tmp ("clwstwr-ui-startup-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  db = clw_database_open (demo_path, CLW_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  clw_demo_generate (db, 1, CLW_DEMO_DEFAULT_SEED, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  status = clw_test_run (startup_suite (), argc, argv);

  g_unlink (demo_path);
  g_rmdir (dir);
  g_free (demo_path);
  return status;
}
