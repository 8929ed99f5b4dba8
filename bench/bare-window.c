/* bare-window.c: the yardstick of clwstwr --measure-startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GTK window with a header bar and a label, measured the way the app is:
 * the milliseconds from the top of main() to the first after-paint of the
 * window's frame clock, then the peak resident memory. Run it beside the
 * app in the same conditions and compare.
 */

#include <gtk/gtk.h>
#include <string.h>

static gint64 started_at;

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

static void
after_paint_cb (GdkFrameClock *clock,
                GMainLoop     *loop)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, loop);
  g_print ("startup: %.1f ms\n", (g_get_monotonic_time () - started_at) / 1000.0);
  g_print ("peak RSS: %.1f MB\n", peak_rss_mb ());
  g_main_loop_quit (loop);
}

static void
realize_cb (GtkWidget *window,
            GMainLoop *loop)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), loop);
}

int
main (int    argc,
      char **argv)
{
  GtkWidget *window;
  GMainLoop *loop;

  started_at = g_get_monotonic_time ();

  gtk_init ();
  loop = g_main_loop_new (NULL, FALSE);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("A bare GTK window"));
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), loop);
  gtk_window_present (GTK_WINDOW (window));

  g_main_loop_run (loop);
  g_main_loop_unref (loop);
  return 0;
}
