/* test-ui-welsh.c: the window in Welsh, and the cluster's table in any language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs in a process of its own (Check forks), chooses its
 * language with LANGUAGE before gtk_init, and reads the catalogue from the
 * build tree (CLWSTWR_UNINSTALLED, set by tests/meson.build). The tests of
 * the layout run in English and in Welsh, whose words are longer: what
 * fits in one must fit in the other.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "clw-cluster-dashboard.h"
#include "clw-test-util.h"
#include "clw-ui-util.h"

#define TIMEOUT_MS 30000

static char *demo_path;       /* generated once, before the tests fork */
static const char *const languages[] = { "en", "cy" };

typedef struct
{
  ClwApplication *app;
  ClwWindow      *window;
  char           *path;
} Fixture;

static Fixture fx;

static void
start (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_setenv ("LANGUAGE", language, TRUE);
  clw_i18n_init ();
  g_setenv ("XDG_DATA_HOME", clw_test_tmpdir (), TRUE);
  ck_assert_msg (gtk_init_check (), "no display: run under build-aux/with-xvfb.sh");
  /* The font of a GNOME desktop, as in the screenshots: Xvfb has no
   * settings daemon to say it. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  fx.path = clw_test_path ("demo.db");
  ck_assert (g_file_get_contents (demo_path, &contents, &length, &error));
  ck_assert (g_file_set_contents_full (fx.path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));

  fx.app = clw_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (fx.app), G_APPLICATION_NON_UNIQUE);
  ck_assert (g_application_register (G_APPLICATION (fx.app), NULL, &error));
  ck_assert_no_error (error);

  /* The size of the screenshots and of a common laptop. */
  fx.window = clw_window_new (fx.app);
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fx.window));
  clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
  ck_assert (clw_ui_open_and_wait (fx.window, fx.path, TIMEOUT_MS));
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

/* The catalogue is found from the build tree and used for the app's own
 * words and for dates, with no cy_GB locale (the tests run in C.UTF-8). */
START_TEST (test_messages_and_dates_in_welsh)
{
  g_autofree char *date = NULL;

  start ("cy");
  ck_assert_str_eq (C_("verdict chip", "At risk"), "Mewn perygl");
  ck_assert_str_eq (_("Database ready: %s\n"), "Mae'r gronfa ddata'n barod: %s\n");
  date = clw_date_format_display ("2023-06-15");
  ck_assert_str_eq (date, "15 Meh 2023");
}
END_TEST

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* In a window of 1280 pixels, the practices' table of several clusters
 * needs no scrolling sideways (the points, last, are in sight), and every
 * chip is wide enough for every verdict in the chip's own font. */
START_TEST (test_cluster_table_fits)
{
  GListModel *clusters;
  guint n_checked = 0;

  start (languages[_i]);
  clusters = clw_qaif_report_get_clusters (clw_session_get_report (clw_window_get_session (fx.window)));
  ck_assert_uint_gt (g_list_model_get_n_items (clusters), 3);

  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, c);
      g_autoptr(GPtrArray) cells = NULL;
      GtkWidget *dashboard;
      GtkWidget *view;
      GtkAdjustment *hadjustment;
      guint n_chips = 0;

      ck_assert (clw_window_show_item (fx.window, clw_cluster_summary_get_cluster_id (summary)));
      clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);
      clw_ui_wait_for_paint (GTK_WIDGET (fx.window), TIMEOUT_MS);

      dashboard = clw_ui_find (GTK_WIDGET (fx.window), NULL, CLW_TYPE_CLUSTER_DASHBOARD);
      ck_assert_ptr_nonnull (dashboard);
      view = clw_ui_find (dashboard, NULL, GTK_TYPE_COLUMN_VIEW);
      ck_assert_ptr_nonnull (view);
      hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
      ck_assert_msg (gtk_adjustment_get_upper (hadjustment) <= gtk_adjustment_get_page_size (hadjustment) + 0.5,
                     "%s, %s: the table is %.0f pixels wide in %.0f",
                     languages[_i], clw_cluster_summary_get_cluster_id (summary),
                     gtk_adjustment_get_upper (hadjustment), gtk_adjustment_get_page_size (hadjustment));

      cells = clw_ui_find_all (view, GTK_TYPE_INSCRIPTION);
      for (guint i = 0; i < cells->len; i++)
        {
          GtkWidget *chip = g_ptr_array_index (cells, i);
          const char *verdicts[] = {
            C_("verdict chip", "Achieved"),
            C_("verdict chip", "On track"),
            C_("verdict chip", "At risk"),
            C_("verdict chip", "Not achieved"),
          };

          if (!gtk_widget_get_mapped (chip) || !gtk_widget_has_css_class (chip, "verdict-chip"))
            continue;
          for (guint v = 0; v < G_N_ELEMENTS (verdicts); v++)
            ck_assert_msg (text_width (chip, verdicts[v]) <= gtk_widget_get_width (chip),
                           "%s: “%s” is %d pixels wide, its chip %d",
                           languages[_i], verdicts[v], text_width (chip, verdicts[v]),
                           gtk_widget_get_width (chip));
          n_chips++;
        }
      ck_assert_uint_gt (n_chips, 0);
      n_checked++;
    }
  ck_assert_uint_eq (n_checked, 3);
}
END_TEST

static Suite *
welsh_suite (void)
{
  Suite *s = suite_create ("ui-welsh");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, NULL, teardown);
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_messages_and_dates_in_welsh);
  tcase_add_loop_test (tc, test_cluster_table_fits, 0, G_N_ELEMENTS (languages));
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
  dir = g_dir_make_tmp ("clwstwr-ui-welsh-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  db = clw_database_open (demo_path, CLW_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  clw_demo_generate (db, 1, CLW_DEMO_DEFAULT_SEED, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  status = clw_test_run (welsh_suite (), argc, argv);

  g_unlink (demo_path);
  g_rmdir (dir);
  g_free (demo_path);
  return status;
}
