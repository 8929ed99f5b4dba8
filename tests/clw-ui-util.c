/* clw-ui-util.c: driving the app's window from a program, for UI tests and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clw-ui-util.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
clw_ui_wait_for (gboolean *done,
                 guint     timeout_ms)
{
  gboolean expired = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_cb, &expired);

  while (!*done && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (source);
  return *done;
}

void
clw_ui_flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

gboolean
clw_ui_wait_for_paint (GtkWidget *widget,
                       guint      timeout_ms)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  clw_ui_flush ();
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return FALSE;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  clw_ui_wait_for (&painted, timeout_ms);
  g_signal_handler_disconnect (clock, id);
  return painted;
}

gboolean
clw_ui_wait_for_report (ClwSession    *session,
                        ClwQaifReport *before,
                        guint          timeout_ms)
{
  gboolean expired = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_cb, &expired);

  while (!expired && (clw_session_get_report (session) == NULL || clw_session_get_report (session) == before))
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (source);
  return clw_session_get_report (session) != NULL && clw_session_get_report (session) != before;
}

static gboolean
is_ready (ClwWindow *window)
{
  ClwSession *session = clw_window_get_session (window);

  return !clw_window_is_busy (window) && session != NULL && clw_session_get_report (session) != NULL &&
         clw_database_is_verified (clw_session_get_database (session));
}

gboolean
clw_ui_open_and_wait (ClwWindow  *window,
                      const char *path,
                      guint       timeout_ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  clw_window_open_file (window, file);

  /* Opening runs in a thread; then the session evaluates the cycle, and
   * once the dashboard is painted, the database's full check runs in
   * another: until it has passed, nothing can be written. */
  while (g_get_monotonic_time () < deadline && !is_ready (window))
    g_main_context_iteration (NULL, TRUE);

  return is_ready (window);
}

static void
find_all (GtkWidget  *widget,
          const char *name,
          GType       type,
          GPtrArray  *found,
          gboolean    first_only)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && !(first_only && found->len > 0);
       child = gtk_widget_get_next_sibling (child))
    {
      if ((name != NULL && g_strcmp0 (gtk_widget_get_name (child), name) == 0) ||
          (name == NULL && G_TYPE_CHECK_INSTANCE_TYPE (child, type)))
        g_ptr_array_add (found, child);
      find_all (child, name, type, found, first_only);
    }
}

GtkWidget *
clw_ui_find (GtkWidget  *widget,
             const char *name,
             GType       type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (widget, name, type, found, TRUE);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

GPtrArray *
clw_ui_find_all (GtkWidget *widget,
                 GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  find_all (widget, NULL, type, found, FALSE);
  return found;
}

gboolean
clw_ui_save_png (GtkWindow   *window,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing to draw for %s", path);
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

static GskRenderNode *
widget_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

gboolean
clw_ui_save_png_with_popover (GtkWindow   *window,
                              GtkPopover  *popover,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GskRenderNode) window_node = widget_node (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) popover_node = widget_node (GTK_WIDGET (popover));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  double wx, wy, px, py;

  if (window_node == NULL || popover_node == NULL || renderer == NULL || !GDK_IS_POPUP (surface))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing to draw for %s", path);
      return FALSE;
    }

  /* Where the popover's widget is, in the window's widget's coordinates. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &wx, &wy);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &px, &py);
  gtk_snapshot_append_node (snapshot, window_node);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + px - wx,
                                                          gdk_popup_get_position_y (GDK_POPUP (surface)) + py - wy));
  gtk_snapshot_append_node (snapshot, popover_node);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}
