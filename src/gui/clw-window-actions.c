/* clw-window-actions.c: what the window can do, for menus and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-window-private.h"

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  ClwDatabase *db;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  db = clw_session_get_database (self->session);
  if (!clw_database_can_undo (db))
    return;

  label = g_strdup (clw_database_get_undo_label (db));
  if (!clw_database_undo (db, &error))
    {
      clw_show_error (widget, _("Could Not Undo"), error);
      _clw_window_update_actions (self);
      return;
    }

  /* Translators: the toast after Ctrl+Z; %s names the change undone, as “Record attendance” */
  title = label != NULL ? g_strdup_printf (_("Undone: %s"), label) : g_strdup (_("Undone"));
  clw_widget_add_toast (widget, title, FALSE);
  _clw_window_update_actions (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _clw_window_go_back (CLW_WINDOW (widget));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _clw_window_search_open (CLW_WINDOW (widget));
}

static void
find_cluster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  clw_sidebar_focus_search (self->sidebar);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  AdwViewStack *stack;
  g_autoptr(GtkSelectionModel) pages = NULL;
  int index = g_variant_get_int32 (parameter);

  if (g_strcmp0 (page, "board") == 0)
    stack = self->board_stack;
  else if (g_strcmp0 (page, "cluster") == 0)
    stack = self->cluster_stack;
  else
    return;

  pages = adw_view_stack_get_pages (stack);
  if (index >= 0 && (guint) index < g_list_model_get_n_items (G_LIST_MODEL (pages)))
    gtk_selection_model_select_item (pages, index, TRUE);
}

static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  clw_window_show_item (CLW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_practice_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  clw_window_show_practice (CLW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  clw_window_show_meeting (CLW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_decisions_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  ClwSidebarItem *selected = clw_sidebar_get_selected (self->sidebar);

  if (selected == NULL)
    return;

  if (clw_window_show_item (self, clw_sidebar_item_get_health_board_id (selected)))
    adw_view_stack_set_visible_child_name (self->board_stack, "decisions");
}

/* The shortcuts window, made when asked for: GtkApplication would build it
 * with every window otherwise, before the window is first shown. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *overlay;

  /* One at a time. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (widget))
        {
          gtk_window_present (toplevel);
          return;
        }
    }

  builder = gtk_builder_new_from_resource ("/io/github/clwstwr/Clwstwr/shortcuts.ui");
  overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_present (overlay);
}

void
_clw_window_update_actions (ClwWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean has_db = self->session != NULL;
  gboolean can_undo = has_db && clw_database_can_undo (clw_session_get_database (self->session));
  gboolean main = has_db && !self->opening;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", main && can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", main && self->history->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-cluster", main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar", main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view",
                                 main && (g_strcmp0 (page, "board") == 0 || g_strcmp0 (page, "cluster") == 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-item", main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-practice", main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-meeting", main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-decisions", main);
  _clw_window_returns_update_actions (self);
  _clw_window_sync_update_actions (self);
}

void
_clw_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find-cluster", NULL, find_cluster_action);
  gtk_widget_class_install_action (widget_class, "win.view", "i", view_action);
  gtk_widget_class_install_action (widget_class, "win.show-item", "s", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-practice", "s", show_practice_action);
  gtk_widget_class_install_action (widget_class, "win.show-meeting", "s", show_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.show-decisions", NULL, show_decisions_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-cluster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "i", 2);
}
