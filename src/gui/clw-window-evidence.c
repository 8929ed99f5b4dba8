/* clw-window-evidence.c: the window's pages of buddying, IMTP contributions and evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cluster's buddying board is a view of the cluster, beside its
 * dashboard, meetings and actions (Alt+4). Like the other pages it is made
 * the first time it is shown.
 */

#define G_LOG_DOMAIN "clw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-window-private.h"

static ClwBuddyPage *
ensure_buddy_page (ClwWindow *self)
{
  if (self->buddy_page == NULL)
    {
      self->buddy_page = g_object_new (CLW_TYPE_BUDDY_PAGE, NULL);
      adw_bin_set_child (self->buddy_page_bin, GTK_WIDGET (self->buddy_page));
      clw_buddy_page_set_session (self->buddy_page, self->session);
      clw_buddy_page_set_cluster_id (self->buddy_page, self->cluster_id);
    }
  return self->buddy_page;
}

static void
cluster_view_changed_cb (ClwWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->cluster_stack);

  if (g_strcmp0 (view, "buddying") == 0)
    ensure_buddy_page (self);
}

static void
show_cluster_view_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);

  if (self->cluster_id == NULL)
    return;

  _clw_window_show_page (self, "cluster", FALSE);
  adw_view_stack_set_visible_child_name (self->cluster_stack, g_variant_get_string (parameter, NULL));
}

void
_clw_window_evidence_update (ClwWindow *self)
{
  if (self->buddy_page != NULL)
    {
      clw_buddy_page_set_session (self->buddy_page, self->session);
      clw_buddy_page_set_cluster_id (self->buddy_page, self->cluster_id);
    }
}

void
_clw_window_evidence_init (ClwWindow *self)
{
  g_signal_connect_object (self->cluster_stack, "notify::visible-child",
                           G_CALLBACK (cluster_view_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_clw_window_class_add_evidence (GtkWidgetClass *widget_class)
{
  g_type_ensure (CLW_TYPE_BUDDY_PAGE);

  gtk_widget_class_bind_template_child (widget_class, ClwWindow, buddy_page_bin);

  /* A view of the cluster by its name: "buddying". */
  gtk_widget_class_install_action (widget_class, "win.show-cluster-view", "s", show_cluster_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.view", "i", 3);
}
