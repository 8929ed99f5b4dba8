/* clw-ui-fixture.c: the app's window on a copy of the demo, for the UI tests of one area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As tests/test-ui.c does it: one demo generated before Check forks, and
 * in each forked test gtk_init, a copy of the demo and a window on it.
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <stdarg.h>

#include "clw-ui-fixture.h"

ClwUiFixture clw_ui_fx;

static char *demo_path;

void
clw_ui_fixture_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* The user's data folder is the test's own. */
  g_setenv ("XDG_DATA_HOME", clw_test_tmpdir (), TRUE);
  g_setenv ("XDG_RUNTIME_DIR", clw_test_tmpdir (), TRUE);
  ck_assert_msg (gtk_init_check (), "no display: run under build-aux/with-xvfb.sh");

  clw_ui_fx.path = clw_test_path ("demo.db");
  ck_assert (g_file_get_contents (demo_path, &contents, &length, &error));
  ck_assert (g_file_set_contents_full (clw_ui_fx.path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));

  clw_ui_fx.app = clw_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (clw_ui_fx.app), G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (clw_ui_fx.app), NULL, &error));
  ck_assert_no_error (error);

  clw_ui_fx.window = clw_window_new (clw_ui_fx.app);
  gtk_window_set_default_size (GTK_WINDOW (clw_ui_fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (clw_ui_fx.window));
  clw_ui_wait_for_paint (GTK_WIDGET (clw_ui_fx.window), CLW_UI_TIMEOUT_MS);
  ck_assert (clw_ui_open_and_wait (clw_ui_fx.window, clw_ui_fx.path, CLW_UI_TIMEOUT_MS));
}

void
clw_ui_fixture_teardown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The pointer off every window first: GTK 4.8 keeps a tooltip's timeout
   * for the widget under it, which fails once its window is gone. */
  g_spawn_command_line_sync ("xdotool mousemove 1279 1023", NULL, NULL, NULL, NULL);
  clw_ui_flush ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (toplevel);
    }
  clw_ui_flush ();
  g_clear_object (&clw_ui_fx.app);
  g_clear_pointer (&clw_ui_fx.path, g_free);
}

int
clw_ui_fixture_run (Suite  *suite,
                    int     argc,
                    char  **argv)
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

  status = clw_test_run (suite, argc, argv);

  g_unlink (demo_path);
  g_rmdir (dir);
  g_clear_pointer (&demo_path, g_free);
  return status;
}

ClwSession *
clw_ui_session (void)
{
  return clw_window_get_session (clw_ui_fx.window);
}

ClwDatabase *
clw_ui_database (void)
{
  return clw_session_get_database (clw_ui_session ());
}

ClwQaifReport *
clw_ui_report (void)
{
  return clw_session_get_report (clw_ui_session ());
}

GtkWindow *
clw_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

GtkWindow *
clw_ui_wait_for_toplevel (GType type,
                          guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  GtkWindow *found;

  while ((found = clw_ui_find_toplevel (type)) == NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);

  return found;
}

void
clw_ui_xdotool (const char *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  ck_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                           NULL, NULL, NULL, &err, &status, &error));
  ck_assert_no_error (error);
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "xdotool failed: %s", err);
}

void
clw_ui_pointer_to (GtkWidget *widget,
                   double     x,
                   double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  double wx = 0, wy = 0, sx = 0, sy = 0;
  g_autofree char *id = NULL;
  g_autofree char *px = NULL;
  g_autofree char *py = NULL;

  ck_assert (GDK_IS_X11_SURFACE (surface));
  ck_assert (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &wx, &wy));
  gtk_native_get_surface_transform (native, &sx, &sy);

  id = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  px = g_strdup_printf ("%d", (int) (wx + sx));
  py = g_strdup_printf ("%d", (int) (wy + sy));
  clw_ui_xdotool ("mousemove", "--window", id, px, py, NULL);
}
