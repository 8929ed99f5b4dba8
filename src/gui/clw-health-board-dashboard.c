/* clw-health-board-dashboard.c: every cluster of a health board at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roll-up of the board and one row a cluster, all from the session's
 * report, so that a team sees which clusters need attention.
 */

#define G_LOG_DOMAIN "clw-health-board-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-health-board-dashboard.h"
#include "clw-stat-tile.h"

struct _ClwHealthBoardDashboard
{
  GtkWidget          parent_instance;

  ClwSession        *session;            /* owned */
  char              *health_board_id;    /* owned */
  GListStore        *clusters;           /* owned: ClwClusterSummary */
  gulong             report_id;

  gboolean            dirty;          /* to refresh when shown */

  /* Template children */
  GtkLabel          *as_of_label;
  ClwStatTile       *at_risk_tile;
  GtkSortListModel  *clusters_sorted;
  GtkColumnView     *clusters_view;
  ClwStatTile       *imtp_tile;
  ClwStatTile       *meetings_tile;
  ClwStatTile       *points_tile;
  ClwStatTile       *requests_tile;
  GtkStack          *stack;
};

G_DEFINE_FINAL_TYPE (ClwHealthBoardDashboard, clw_health_board_dashboard, GTK_TYPE_WIDGET)

/* Closures of the template */

static char *
summary_name_cb (ClwClusterSummary *summary)
{
  return g_strdup (summary != NULL ? clw_cluster_summary_get_name (summary) : "");
}

static int
summary_practices_cb (ClwClusterSummary *summary)
{
  return summary != NULL ? clw_cluster_summary_get_n_practices (summary) : 0;
}

static int
summary_at_risk_cb (ClwClusterSummary *summary)
{
  return summary != NULL ? clw_cluster_summary_get_practices_at_risk (summary) : 0;
}

static int
summary_points_cb (ClwClusterSummary *summary)
{
  return summary != NULL ? clw_cluster_summary_get_points (summary) : 0;
}

static int
summary_meetings_cb (ClwClusterSummary *summary)
{
  return summary != NULL ? clw_cluster_summary_get_meetings_held (summary) : 0;
}

static int
summary_imtp_cb (ClwClusterSummary *summary)
{
  return summary != NULL ? clw_cluster_summary_get_imtp_submitted (summary) : 0;
}

static int
summary_requests_cb (ClwClusterSummary *summary)
{
  return summary != NULL ? clw_cluster_summary_get_pending_requests (summary) : 0;
}

static char *
item_name_cb (GtkListItem       *list_item,
              ClwClusterSummary *summary)
{
  return summary_name_cb (summary);
}

static char *
item_practices_cb (GtkListItem       *list_item,
                   ClwClusterSummary *summary)
{
  return summary != NULL ? g_strdup_printf ("%d", clw_cluster_summary_get_n_practices (summary)) : g_strdup ("");
}

static char *
item_at_risk_cb (GtkListItem       *list_item,
                 ClwClusterSummary *summary)
{
  return summary != NULL ? g_strdup_printf ("%d", clw_cluster_summary_get_practices_at_risk (summary)) : g_strdup ("");
}

static char *
item_points_cb (GtkListItem       *list_item,
                ClwClusterSummary *summary)
{
  g_autofree char *points = NULL;
  g_autofree char *possible = NULL;

  if (summary == NULL)
    return g_strdup ("");

  points = clw_format_count (clw_cluster_summary_get_points (summary));
  possible = clw_format_count (clw_cluster_summary_get_points_possible (summary));
  /* Translators: QAIF points earned of those possible: "1,240 of 1,500" */
  return g_strdup_printf (_("%s of %s"), points, possible);
}

static char *
item_meetings_cb (GtkListItem       *list_item,
                  ClwClusterSummary *summary)
{
  if (summary == NULL)
    return g_strdup ("");

  /* Translators: a cluster's meetings: held, planned, required: "2 + 2 planned of 4" */
  return g_strdup_printf (_("%d + %d planned of %d"),
                          clw_cluster_summary_get_meetings_held (summary),
                          clw_cluster_summary_get_meetings_planned (summary),
                          clw_cluster_summary_get_meetings_required (summary));
}

static char *
item_imtp_cb (GtkListItem       *list_item,
              ClwClusterSummary *summary)
{
  if (summary == NULL)
    return g_strdup ("");

  /* Translators: IMTP contributions submitted of all: "5 of 8" */
  return g_strdup_printf (_("%d of %d"),
                          clw_cluster_summary_get_imtp_submitted (summary),
                          clw_cluster_summary_get_imtp_total (summary));
}

static char *
item_requests_cb (GtkListItem       *list_item,
                  ClwClusterSummary *summary)
{
  return summary != NULL ? g_strdup_printf ("%d", clw_cluster_summary_get_pending_requests (summary)) : g_strdup ("");
}

static void
update_tiles (ClwHealthBoardDashboard *self,
              ClwQaifReport           *report,
              ClwClusterSummary       *sum)
{
  int practices = clw_cluster_summary_get_n_practices (sum);
  int at_risk = clw_cluster_summary_get_practices_at_risk (sum);
  int n_clusters = clw_cluster_summary_get_n_clusters (sum);
  int held = clw_cluster_summary_get_meetings_held (sum);
  int planned = clw_cluster_summary_get_meetings_planned (sum);
  int submitted = clw_cluster_summary_get_imtp_submitted (sum);
  int total = clw_cluster_summary_get_imtp_total (sum);
  int pending = clw_cluster_summary_get_pending_requests (sum);
  int pence = clw_qaif_report_get_pence_per_point (report);
  g_autofree char *points = clw_format_count (clw_cluster_summary_get_points (sum));
  g_autofree char *possible = clw_format_count (clw_cluster_summary_get_points_possible (sum));
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("%s of %s"), points, possible);
  clw_stat_tile_set_value (self->points_tile, text);
  g_clear_pointer (&text, g_free);
  if (pence > 0)
    {
      g_autofree char *earned = clw_format_money ((gint64) clw_cluster_summary_get_points (sum) * pence);
      g_autofree char *all = clw_format_money ((gint64) clw_cluster_summary_get_points_possible (sum) * pence);
      text = g_strdup_printf (_("Worth %s of %s"), earned, all);
    }
  clw_stat_tile_set_caption (self->points_tile, text != NULL ? text : "");
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (_("%d of %d"), at_risk, practices);
  clw_stat_tile_set_value (self->at_risk_tile, text);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (ngettext ("at risk or not achieved on an indicator, in %d cluster",
                                    "at risk or not achieved on an indicator, in %d clusters",
                                    n_clusters),
                          n_clusters);
  clw_stat_tile_set_caption (self->at_risk_tile, text);
  clw_stat_tile_set_level (self->at_risk_tile, at_risk > 0 ? CLW_STAT_TILE_WARNING : CLW_STAT_TILE_NORMAL);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (ngettext ("%d held", "%d held", held), held);
  clw_stat_tile_set_value (self->meetings_tile, text);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (ngettext ("%d planned, across the clusters",
                                    "%d planned, across the clusters", planned),
                          planned);
  clw_stat_tile_set_caption (self->meetings_tile, text);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (_("%d of %d"), submitted, total);
  clw_stat_tile_set_value (self->imtp_tile, text);
  clw_stat_tile_set_caption (self->imtp_tile, _("submitted to the health board"));
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf ("%d", pending);
  clw_stat_tile_set_value (self->requests_tile, text);
  clw_stat_tile_set_caption (self->requests_tile,
                             ngettext ("representation or buddy request",
                                       "representation and buddy requests", pending));
  clw_stat_tile_set_level (self->requests_tile, pending > 0 ? CLW_STAT_TILE_WARNING : CLW_STAT_TILE_NORMAL);
}

static void
refresh_now (ClwHealthBoardDashboard *self)
{
  ClwQaifReport *report = self->session != NULL ? clw_session_get_report (self->session) : NULL;
  g_autoptr(ClwClusterSummary) sum = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *clusters;

  if (self->health_board_id == NULL || report == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  sum = clw_qaif_report_sum_clusters (report, self->health_board_id);
  update_tiles (self, report, sum);

  {
    const GDate *as_of = clw_qaif_report_get_as_of (report);
    g_autofree char *iso = as_of != NULL ? clw_date_format_iso (as_of) : NULL;
    g_autofree char *date = clw_format_date (iso);
    g_autofree char *text = g_strdup_printf (_("QAIF cycle %s, as of %s"),
                                             clw_qaif_report_get_cycle_code (report), date);
    gtk_label_set_label (self->as_of_label, text);
  }

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  clusters = clw_qaif_report_get_clusters (report);
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      ClwClusterSummary *summary = g_list_model_get_item (clusters, i);

      if (g_strcmp0 (clw_cluster_summary_get_health_board_id (summary), self->health_board_id) == 0)
        g_ptr_array_add (rows, summary);
      else
        g_object_unref (summary);
    }
  g_list_store_splice (self->clusters, 0, g_list_model_get_n_items (G_LIST_MODEL (self->clusters)),
                       rows->pdata, rows->len);

  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

/* Only what is on screen is kept up to date; the rest when it is shown. */
static void
refresh (ClwHealthBoardDashboard *self)
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
clw_health_board_dashboard_map (GtkWidget *widget)
{
  ClwHealthBoardDashboard *self = CLW_HEALTH_BOARD_DASHBOARD (widget);

  GTK_WIDGET_CLASS (clw_health_board_dashboard_parent_class)->map (widget);

  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
}

static void
cluster_activated_cb (ClwHealthBoardDashboard *self,
                      guint                    position)
{
  g_autoptr(ClwClusterSummary) summary =
    g_list_model_get_item (G_LIST_MODEL (self->clusters_sorted), position);

  if (summary != NULL && clw_cluster_summary_get_cluster_id (summary) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "s",
                                clw_cluster_summary_get_cluster_id (summary));
}

static void
tile_activated_cb (ClwHealthBoardDashboard *self,
                   GtkFlowBoxChild         *child)
{
  if (gtk_flow_box_child_get_child (child) == GTK_WIDGET (self->requests_tile))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-decisions", NULL);
}

static void
clw_health_board_dashboard_dispose (GObject *object)
{
  ClwHealthBoardDashboard *self = (ClwHealthBoardDashboard *) object;

  clw_health_board_dashboard_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_HEALTH_BOARD_DASHBOARD);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->clusters);

  G_OBJECT_CLASS (clw_health_board_dashboard_parent_class)->dispose (object);
}

static void
clw_health_board_dashboard_finalize (GObject *object)
{
  ClwHealthBoardDashboard *self = (ClwHealthBoardDashboard *) object;

  g_free (self->health_board_id);

  G_OBJECT_CLASS (clw_health_board_dashboard_parent_class)->finalize (object);
}

static void
clw_health_board_dashboard_class_init (ClwHealthBoardDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_health_board_dashboard_dispose;
  object_class->finalize = clw_health_board_dashboard_finalize;

  widget_class->map = clw_health_board_dashboard_map;

  g_type_ensure (CLW_TYPE_STAT_TILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-health-board-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, at_risk_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, clusters_sorted);
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, clusters_view);
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, imtp_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, meetings_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, points_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, requests_tile);
  gtk_widget_class_bind_template_child (widget_class, ClwHealthBoardDashboard, stack);
  gtk_widget_class_bind_template_callback (widget_class, cluster_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_at_risk_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_imtp_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_meetings_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_points_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_practices_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_requests_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_at_risk_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_imtp_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_meetings_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_points_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_practices_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_requests_cb);
  gtk_widget_class_bind_template_callback (widget_class, tile_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_health_board_dashboard_init (ClwHealthBoardDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->clusters = g_list_store_new (CLW_TYPE_CLUSTER_SUMMARY);
  gtk_sort_list_model_set_model (self->clusters_sorted, G_LIST_MODEL (self->clusters));
  gtk_sort_list_model_set_sorter (self->clusters_sorted, gtk_column_view_get_sorter (self->clusters_view));
}

void
clw_health_board_dashboard_set_session (ClwHealthBoardDashboard *self,
                                        ClwSession              *session)
{
  g_return_if_fail (CLW_IS_HEALTH_BOARD_DASHBOARD (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->report_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->report_id = g_signal_connect_object (session, "notify::report",
                                               G_CALLBACK (refresh), self,
                                               G_CONNECT_SWAPPED);
  g_clear_pointer (&self->health_board_id, g_free);

  if (self->clusters != NULL)
    {
      g_list_store_remove_all (self->clusters);
      refresh (self);
    }
}

void
clw_health_board_dashboard_set_health_board_id (ClwHealthBoardDashboard *self,
                                                const char              *health_board_id)
{
  g_return_if_fail (CLW_IS_HEALTH_BOARD_DASHBOARD (self));

  if (g_strcmp0 (self->health_board_id, health_board_id) == 0)
    return;

  g_free (self->health_board_id);
  self->health_board_id = g_strdup (health_board_id);
  refresh (self);
}
