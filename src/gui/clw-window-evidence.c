/* clw-window-evidence.c: the window's pages of buddying and IMTP contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cluster's buddying board and its practices' IMTP contributions are
 * views of the cluster, beside its dashboard, meetings and actions (Alt+4,
 * Alt+5); one practice's contribution is a page of its own, like a
 * practice's or a meeting's. Like the other pages they are made the first
 * time they are shown.
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

static ClwImtpClusterPage *
ensure_imtp_cluster_page (ClwWindow *self)
{
  if (self->imtp_cluster_page == NULL)
    {
      self->imtp_cluster_page = g_object_new (CLW_TYPE_IMTP_CLUSTER_PAGE, NULL);
      adw_bin_set_child (self->imtp_cluster_page_bin, GTK_WIDGET (self->imtp_cluster_page));
      clw_imtp_cluster_page_set_session (self->imtp_cluster_page, self->session);
      clw_imtp_cluster_page_set_cluster_id (self->imtp_cluster_page, self->cluster_id);
    }
  return self->imtp_cluster_page;
}

static ClwImtpPage *
ensure_imtp_page (ClwWindow *self)
{
  if (self->imtp_page == NULL)
    {
      self->imtp_page = g_object_new (CLW_TYPE_IMTP_PAGE, NULL);
      adw_bin_set_child (self->imtp_page_bin, GTK_WIDGET (self->imtp_page));
      clw_imtp_page_set_session (self->imtp_page, self->session);
    }
  return self->imtp_page;
}

static void
cluster_view_changed_cb (ClwWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->cluster_stack);

  if (g_strcmp0 (view, "buddying") == 0)
    ensure_buddy_page (self);
  else if (g_strcmp0 (view, "imtp") == 0)
    ensure_imtp_cluster_page (self);
}

static void
show_cluster_view_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);

  if (self->cluster_id == NULL)
    return;

  /* A view of the cluster is where one goes back to, not from. */
  g_ptr_array_set_size (self->history, 0);
  _clw_window_show_page (self, "cluster", FALSE);
  adw_view_stack_set_visible_child_name (self->cluster_stack, g_variant_get_string (parameter, NULL));
}

static void
show_imtp_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  clw_window_show_imtp (CLW_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

void
_clw_window_evidence_show_imtp_title (ClwWindow *self)
{
  adw_window_title_set_title (self->subpage_title, clw_imtp_page_get_title (ensure_imtp_page (self)));
  adw_window_title_set_subtitle (self->subpage_title, _("IMTP Contribution"));
  gtk_stack_set_visible_child_name (self->title_stack, "subpage");
}

void
_clw_window_evidence_update (ClwWindow *self)
{
  if (self->buddy_page != NULL)
    {
      clw_buddy_page_set_session (self->buddy_page, self->session);
      clw_buddy_page_set_cluster_id (self->buddy_page, self->cluster_id);
    }
  if (self->imtp_cluster_page != NULL)
    {
      clw_imtp_cluster_page_set_session (self->imtp_cluster_page, self->session);
      clw_imtp_cluster_page_set_cluster_id (self->imtp_cluster_page, self->cluster_id);
    }
  if (self->imtp_page != NULL)
    clw_imtp_page_set_session (self->imtp_page, self->session);
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
  g_type_ensure (CLW_TYPE_IMTP_CLUSTER_PAGE);
  g_type_ensure (CLW_TYPE_IMTP_PAGE);

  gtk_widget_class_bind_template_child (widget_class, ClwWindow, buddy_page_bin);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, imtp_cluster_page_bin);
  gtk_widget_class_bind_template_child (widget_class, ClwWindow, imtp_page_bin);

  /* A view of the cluster by its name: "buddying", "imtp". */
  gtk_widget_class_install_action (widget_class, "win.show-cluster-view", "s", show_cluster_view_action);
  /* A practice's IMTP contribution, of the cycle shown. */
  gtk_widget_class_install_action (widget_class, "win.show-imtp", "s", show_imtp_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.view", "i", 3);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.view", "i", 4);
}

void
clw_window_show_imtp (ClwWindow  *self,
                      const char *practice_id,
                      const char *cycle_id)
{
  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (practice_id != NULL);

  clw_imtp_page_set_contribution (ensure_imtp_page (self), practice_id, cycle_id);
  _clw_window_show_page (self, "imtp", TRUE);
}
