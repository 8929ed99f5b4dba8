/* clw-imtp-cluster-page.c: every practice's IMTP contribution in a cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table of core's clw_imtp_editor_list_cluster() for the cycle shown:
 * each practice, where its contribution stands, its sections complete and
 * whether its workforce is counted. Enter or a double click opens the
 * contribution ("win.show-imtp").
 */

#define G_LOG_DOMAIN "clw-imtp-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-imtp-cluster-page.h"

struct _ClwImtpClusterPage
{
  GtkWidget       parent_instance;

  ClwSession     *session;       /* owned */
  char           *cluster_id;    /* owned */
  gulong          changed_id;
  gulong          cycle_id;
  gboolean        dirty;         /* to read again when shown */

  /* Template children */
  GtkLabel       *intro_label;
  GListStore     *items;
  GtkSortListModel *sorted;
  GtkStack       *stack;
  AdwStatusPage  *status_page;
  GtkColumnView  *view;
};

G_DEFINE_FINAL_TYPE (ClwImtpClusterPage, clw_imtp_cluster_page, GTK_TYPE_WIDGET)

static char *
describe_cb (gpointer               unused,
             ClwImtpPracticeStatus *status)
{
  return status != NULL ? clw_imtp_practice_status_describe (status) : NULL;
}

static char *
workforce_cb (gpointer unused,
              gboolean counted)
{
  return g_strdup (counted ? C_("workforce role", "Counted") : C_("workforce role", "Not counted"));
}

static char **
status_classes_cb (gpointer               unused,
                   ClwImtpPracticeStatus *status)
{
  const char *class = NULL;

  if (status == NULL)
    class = NULL;
  else if (clw_imtp_practice_status_get_late (status))
    class = "at-risk";
  else if (clw_imtp_practice_status_get_status (status) == CLW_CONTRIBUTION_STATUS_SUBMITTED)
    class = "achieved";
  else if (clw_imtp_practice_status_get_ready (status))
    class = "on-track";

  return g_strdupv ((char *[]) { (char *) (class != NULL ? "verdict-text" : NULL), (char *) class, NULL });
}

static void
refresh_now (ClwImtpClusterPage *self)
{
  ClwCycle *cycle = self->session != NULL ? clw_session_get_cycle (self->session) : NULL;
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *deadline = NULL;
  g_autofree char *intro = NULL;
  guint n_submitted = 0, n_late = 0;

  if (self->session == NULL || self->cluster_id == NULL || cycle == NULL)
    {
      g_list_store_remove_all (self->items);
      adw_status_page_set_title (self->status_page, _("No Cycle"));
      adw_status_page_set_description (self->status_page,
                                       _("The database has no QAIF cycle for practices to contribute to."));
      gtk_stack_set_visible_child_name (self->stack, "message");
      return;
    }

  statuses = clw_imtp_editor_list_cluster (clw_session_get_database (self->session), self->cluster_id,
                                           clw_record_get_id (CLW_RECORD (cycle)), &error);
  if (statuses == NULL)
    {
      adw_status_page_set_title (self->status_page, _("Could Not List the Contributions"));
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "message");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      ClwImtpPracticeStatus *status = g_list_model_get_item (statuses, i);

      if (clw_imtp_practice_status_get_status (status) == CLW_CONTRIBUTION_STATUS_SUBMITTED)
        n_submitted++;
      if (clw_imtp_practice_status_get_late (status))
        n_late++;
      g_ptr_array_add (items, status);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  if (items->len == 0)
    {
      adw_status_page_set_title (self->status_page, _("No Practices"));
      adw_status_page_set_description (self->status_page,
                                       _("The cluster has no practices yet, so there are no contributions."));
      gtk_stack_set_visible_child_name (self->stack, "message");
      return;
    }

  deadline = clw_format_date (clw_cycle_get_ends_on (cycle));
  /* Translators: above the list: "Each practice’s contribution to the cluster IMTP for 2022-23, due by
   * 30 Sep 2023: 2 of 7 submitted." */
  intro = g_strdup_printf (ngettext ("Each practice’s contribution to the cluster IMTP for %s, due by %s: "
                                     "%u of %u submitted.",
                                     "Each practice’s contribution to the cluster IMTP for %s, due by %s: "
                                     "%u of %u submitted.", items->len),
                           clw_cycle_get_code (cycle), deadline, n_submitted, items->len);
  if (n_late > 0)
    {
      g_autofree char *late = g_strdup_printf (ngettext (" %u was late.", " %u were late.", n_late), n_late);
      g_autofree char *all = g_strconcat (intro, late, NULL);
      g_free (intro);
      intro = g_steal_pointer (&all);
    }
  gtk_label_set_label (self->intro_label, intro);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Only what is on screen is kept up to date; the rest when it is shown. */
static void
refresh (ClwImtpClusterPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
  else
    self->dirty = TRUE;
}

static void
database_changed_cb (ClwImtpClusterPage  *self,
                     const char         **tables)
{
  if (g_strv_contains (tables, "imtp_contribution") || g_strv_contains (tables, "imtp_section") ||
      g_strv_contains (tables, "imtp_workforce") || g_strv_contains (tables, "practice"))
    refresh (self);
}

static void
activated_cb (ClwImtpClusterPage *self,
              guint               position)
{
  g_autoptr(ClwImtpPracticeStatus) status = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (status != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-imtp", "s",
                                clw_imtp_practice_status_get_practice_id (status));
}

static void
clw_imtp_cluster_page_map (GtkWidget *widget)
{
  ClwImtpClusterPage *self = CLW_IMTP_CLUSTER_PAGE (widget);

  GTK_WIDGET_CLASS (clw_imtp_cluster_page_parent_class)->map (widget);

  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
}

static void
clw_imtp_cluster_page_dispose (GObject *object)
{
  ClwImtpClusterPage *self = (ClwImtpClusterPage *) object;

  clw_imtp_cluster_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_IMTP_CLUSTER_PAGE);
  clw_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (clw_imtp_cluster_page_parent_class)->dispose (object);
}

static void
clw_imtp_cluster_page_finalize (GObject *object)
{
  ClwImtpClusterPage *self = (ClwImtpClusterPage *) object;

  g_free (self->cluster_id);

  G_OBJECT_CLASS (clw_imtp_cluster_page_parent_class)->finalize (object);
}

static void
clw_imtp_cluster_page_class_init (ClwImtpClusterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_imtp_cluster_page_dispose;
  object_class->finalize = clw_imtp_cluster_page_finalize;

  widget_class->map = clw_imtp_cluster_page_map;

  g_type_ensure (CLW_TYPE_IMTP_PRACTICE_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-imtp-cluster-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwImtpClusterPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpClusterPage, items);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpClusterPage, sorted);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpClusterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpClusterPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpClusterPage, view);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, describe_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, workforce_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_imtp_cluster_page_init (ClwImtpClusterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->view));
}

void
clw_imtp_cluster_page_set_session (ClwImtpClusterPage *self,
                                   ClwSession         *session)
{
  g_return_if_fail (CLW_IS_IMTP_CLUSTER_PAGE (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->session);
      g_clear_signal_handler (&self->cycle_id, self->session);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      self->changed_id = g_signal_connect_object (session, "changed",
                                                  G_CALLBACK (database_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
      self->cycle_id = g_signal_connect_object (session, "notify::cycle-code",
                                                G_CALLBACK (refresh), self,
                                                G_CONNECT_SWAPPED);
    }
  g_clear_pointer (&self->cluster_id, g_free);

  if (self->items != NULL)
    refresh (self);
}

void
clw_imtp_cluster_page_set_cluster_id (ClwImtpClusterPage *self,
                                      const char         *cluster_id)
{
  g_return_if_fail (CLW_IS_IMTP_CLUSTER_PAGE (self));

  if (g_strcmp0 (self->cluster_id, cluster_id) == 0)
    return;

  g_free (self->cluster_id);
  self->cluster_id = g_strdup (cluster_id);
  refresh (self);
}

GListModel *
clw_imtp_cluster_page_get_items (ClwImtpClusterPage *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_CLUSTER_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}
