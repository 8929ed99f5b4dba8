/* clw-sidebar.c: the health boards and their clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One flat list, each board followed by its clusters, filtered by what is
 * typed. The badge of a cluster counts its practices at risk this cycle,
 * from the session's all-Wales report; a board's, those of its clusters.
 */

#define G_LOG_DOMAIN "clw-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-sidebar.h"

struct _ClwSidebar
{
  GtkWidget           parent_instance;

  ClwSession         *session;          /* owned */
  GListStore         *items;            /* owned: ClwSidebarItem */
  GHashTable         *visible;          /* owned: ids shown by the filter, NULL for all */
  gulong              report_id;
  gulong              cycle_id;
  gulong              changed_id;

  /* Template children */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (ClwSidebar, clw_sidebar, GTK_TYPE_WIDGET)

enum {
  ITEM_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ClwSidebar *self = user_data;

  return self->visible == NULL ||
         g_hash_table_contains (self->visible, clw_sidebar_item_get_id (item));
}

static void
update_filter (ClwSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (g_strstrip (g_strdup (text)), -1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  g_clear_pointer (&self->visible, g_hash_table_unref);

  if (*needle != '\0')
    {
      g_autoptr(GHashTable) boards_matching = g_hash_table_new (g_str_hash, g_str_equal);

      self->visible = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* A board that matches shows all its clusters; a cluster that
       * matches shows its board above it. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClwSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          if (clw_sidebar_item_is_health_board (item) && clw_sidebar_item_matches (item, needle))
            g_hash_table_add (boards_matching, (gpointer) g_intern_string (clw_sidebar_item_get_id (item)));
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClwSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
          const char *board = clw_sidebar_item_get_health_board_id (item);

          if (clw_sidebar_item_matches (item, needle) ||
              g_hash_table_contains (boards_matching, g_intern_string (board)))
            {
              g_hash_table_add (self->visible, g_strdup (clw_sidebar_item_get_id (item)));
              g_hash_table_add (self->visible, g_strdup (board));
            }
        }
    }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_badges (ClwSidebar *self)
{
  ClwQaifReport *report = self->session != NULL ? clw_session_get_report (self->session) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      int at_risk = -1;

      if (report != NULL)
        {
          if (clw_sidebar_item_is_health_board (item))
            {
              g_autoptr(ClwClusterSummary) sum =
                clw_qaif_report_sum_clusters (report, clw_sidebar_item_get_id (item));
              at_risk = sum != NULL ? clw_cluster_summary_get_practices_at_risk (sum) : 0;
            }
          else
            {
              ClwClusterSummary *summary =
                clw_qaif_report_lookup_cluster (report, clw_sidebar_item_get_id (item));
              at_risk = summary != NULL ? clw_cluster_summary_get_practices_at_risk (summary) : 0;
            }
        }

      clw_sidebar_item_set_at_risk (item, at_risk);
    }
}

/* The boards and clusters in being at the end of the cycle shown. */
static void
load_items (ClwSidebar *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) boards = NULL;
  g_autoptr(GListStore) clusters = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *selected_id = NULL;
  ClwDatabase *db;
  ClwCycle *cycle;
  const char *on_date;
  guint n_boards, n_clusters;

  if (clw_sidebar_get_selected (self) != NULL)
    selected_id = g_strdup (clw_sidebar_item_get_id (clw_sidebar_get_selected (self)));

  if (self->session == NULL)
    {
      g_list_store_remove_all (self->items);
      return;
    }

  db = clw_session_get_database (self->session);
  cycle = clw_session_get_cycle (self->session);
  on_date = cycle != NULL ? clw_cycle_get_ends_on (cycle) : NULL;

  boards = clw_health_board_list_valid_on (db, on_date, &error);
  if (boards != NULL)
    clusters = clw_cluster_list_for_health_board (db, NULL, on_date, &error);
  if (clusters == NULL)
    {
      g_warning ("Could not list the health boards and clusters: %s", error->message);
      return;
    }

  n_boards = g_list_model_get_n_items (G_LIST_MODEL (boards));
  n_clusters = g_list_model_get_n_items (G_LIST_MODEL (clusters));
  for (guint b = 0; b < n_boards; b++)
    {
      g_autoptr(ClwHealthBoard) board = g_list_model_get_item (G_LIST_MODEL (boards), b);
      const char *board_id = clw_record_get_id (CLW_RECORD (board));
      const char *short_name = clw_health_board_get_short_name (board);

      g_ptr_array_add (items, clw_sidebar_item_new (TRUE, board_id, board_id,
                                                    short_name != NULL && *short_name != '\0'
                                                      ? short_name : clw_health_board_get_name (board),
                                                    clw_health_board_get_code (board)));

      for (guint c = 0; c < n_clusters; c++)
        {
          g_autoptr(ClwCluster) cluster = g_list_model_get_item (G_LIST_MODEL (clusters), c);

          if (g_strcmp0 (clw_cluster_get_health_board_id (cluster), board_id) != 0)
            continue;
          g_ptr_array_add (items, clw_sidebar_item_new (FALSE,
                                                        clw_record_get_id (CLW_RECORD (cluster)),
                                                        board_id,
                                                        clw_cluster_get_name (cluster),
                                                        clw_cluster_get_code (cluster)));
        }
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  update_filter (self);
  update_badges (self);

  if (selected_id != NULL)
    clw_sidebar_select (self, selected_id);
}

static void
report_changed_cb (ClwSidebar *self)
{
  update_badges (self);
}

static void
cycle_changed_cb (ClwSidebar *self)
{
  load_items (self);
}

static void
database_changed_cb (ClwSidebar  *self,
                     const char **tables)
{
  if (g_strv_contains (tables, "cluster") || g_strv_contains (tables, "health_board"))
    load_items (self);
}

static void
search_changed_cb (ClwSidebar *self)
{
  update_filter (self);
}

static void
search_activate_cb (ClwSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  /* Enter shows the first cluster found. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (!clw_sidebar_item_is_health_board (item) || i + 1 == n)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
          return;
        }
    }
}

static void
stop_search_cb (ClwSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
selected_item_changed_cb (ClwSidebar *self)
{
  g_signal_emit (self, signals[ITEM_SELECTED], 0, clw_sidebar_get_selected (self));
}

/* The rows: a title and a badge, made in code (GtkBuilder templates per
 * row are slow to make at start). */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "badge");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (list_item, box);
}

static void
update_badge (ClwSidebarItem *item,
              GParamSpec     *pspec,
              GtkListItem    *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *badge = gtk_widget_get_last_child (box);
  int at_risk = clw_sidebar_item_get_at_risk (item);
  g_autofree char *text = g_strdup_printf ("%d", at_risk);
  g_autofree char *description = NULL;

  gtk_label_set_label (GTK_LABEL (badge), text);
  gtk_widget_set_visible (badge, at_risk > 0);
  g_object_get (item, "badge-description", &description, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ClwSidebarItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  gboolean board = clw_sidebar_item_is_health_board (item);

  gtk_label_set_label (GTK_LABEL (title), clw_sidebar_item_get_title (item));
  if (board)
    {
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_remove_css_class (title, "cluster-name");
    }
  else
    {
      gtk_widget_add_css_class (title, "cluster-name");
      gtk_widget_remove_css_class (title, "heading");
    }

  update_badge (item, NULL, list_item);
  g_signal_connect (item, "notify::at-risk", G_CALLBACK (update_badge), list_item);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ClwSidebarItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, update_badge, list_item);
}

static void
clw_sidebar_dispose (GObject *object)
{
  ClwSidebar *self = (ClwSidebar *) object;

  clw_sidebar_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_SIDEBAR);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->items);
  g_clear_pointer (&self->visible, g_hash_table_unref);

  G_OBJECT_CLASS (clw_sidebar_parent_class)->dispose (object);
}

static void
clw_sidebar_class_init (ClwSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_sidebar_dispose;

  /**
   * ClwSidebar::item-selected:
   * @item: (nullable): the board or cluster selected
   */
  signals[ITEM_SELECTED] = g_signal_new ("item-selected",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CLW_TYPE_SIDEBAR_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwSidebar, filter);
  gtk_widget_class_bind_template_child (widget_class, ClwSidebar, filter_model);
  gtk_widget_class_bind_template_child (widget_class, ClwSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, ClwSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwSidebar, selection);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_unbind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clwsidebar");
}

static void
clw_sidebar_init (ClwSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->items = g_list_store_new (CLW_TYPE_SIDEBAR_ITEM);
  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->items));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

void
clw_sidebar_set_session (ClwSidebar *self,
                         ClwSession *session)
{
  g_return_if_fail (CLW_IS_SIDEBAR (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->report_id, self->session);
      g_clear_signal_handler (&self->cycle_id, self->session);
      g_clear_signal_handler (&self->changed_id, self->session);
      g_clear_object (&self->session);
    }

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      self->report_id = g_signal_connect_object (session, "notify::report",
                                                 G_CALLBACK (report_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
      self->cycle_id = g_signal_connect_object (session, "notify::cycle-code",
                                                G_CALLBACK (cycle_changed_cb), self,
                                                G_CONNECT_SWAPPED);
      self->changed_id = g_signal_connect_object (session, "changed",
                                                  G_CALLBACK (database_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
    }

  if (self->items != NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      load_items (self);
    }
}

GListModel *
clw_sidebar_get_items (ClwSidebar *self)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->items);
}

ClwSidebarItem *
clw_sidebar_get_selected (ClwSidebar *self)
{
  g_return_val_if_fail (CLW_IS_SIDEBAR (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
clw_sidebar_select (ClwSidebar *self,
                    const char *id)
{
  guint n;

  g_return_val_if_fail (CLW_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* A board or cluster hidden by the filter is shown by clearing it. */
  if (self->visible != NULL && !g_hash_table_contains (self->visible, id))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (g_strcmp0 (clw_sidebar_item_get_id (item), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

void
clw_sidebar_focus_search (ClwSidebar *self)
{
  g_return_if_fail (CLW_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
