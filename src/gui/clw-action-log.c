/* clw-action-log.c: the actions of every meeting of a GP Collaborative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The action log people bring to "matters arising": every action with its
 * owner and due date, the overdue ones marked, the status changed in place.
 */

#define G_LOG_DOMAIN "clw-action-log"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-action-log-entry.h"
#include "clw-action-log.h"
#include "clw-gui-util.h"

struct _ClwActionLog
{
  GtkWidget           parent_instance;

  ClwSession         *session;       /* owned */
  char               *cluster_id;    /* owned */
  gulong              changed_id;

  gboolean            dirty;          /* to refresh when shown */

  /* Template children */
  GtkColumnViewColumn *due_column;
  AdwStatusPage      *empty_page;
  GListStore         *entries;
  GtkCustomFilter    *filter;
  GtkLabel           *intro_label;
  GtkCheckButton     *show_done_check;
  GtkSortListModel   *sorted;
  GtkStack           *stack;
  GtkColumnViewColumn *status_column;
  GtkColumnView      *view;
};

G_DEFINE_FINAL_TYPE (ClwActionLog, clw_action_log, GTK_TYPE_WIDGET)

static char **
overdue_classes_cb (gpointer unused,
                    gboolean overdue)
{
  static const char *classes[] = { "overdue", NULL };
  static const char *none[] = { NULL };

  return g_strdupv ((char **) (overdue ? classes : none));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ClwActionLog *self = user_data;
  ClwActionItem *action = clw_action_log_entry_get_action (item);

  return gtk_check_button_get_active (self->show_done_check) ||
         clw_action_item_get_status (action) != CLW_ACTION_STATUS_DONE;
}

static void
refresh_now (ClwActionLog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwCollaborative) collaborative = NULL;
  g_autoptr(GListStore) actions = NULL;
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(GHashTable) meeting_by_id = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) today = NULL;
  ClwDatabase *db;
  guint n, overdue = 0, open = 0;

  if (self->session == NULL || self->cluster_id == NULL)
    {
      g_list_store_remove_all (self->entries);
      return;
    }

  db = clw_session_get_database (self->session);
  collaborative = clw_collaborative_find_for_cluster (db, self->cluster_id, CLW_PROFESSION_GP, &error);
  if (collaborative != NULL)
    actions = clw_action_item_list_for_collaborative (db, clw_record_get_id (CLW_RECORD (collaborative)), &error);
  if (actions != NULL)
    meetings = clw_meeting_list_for_collaborative (db, clw_record_get_id (CLW_RECORD (collaborative)),
                                                   NULL, NULL, &error);
  if (meetings == NULL)
    {
      gtk_label_set_label (self->intro_label, error->message);
      g_list_store_remove_all (self->entries);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  meeting_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (meetings)); i++)
    {
      ClwMeeting *meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);
      g_hash_table_insert (meeting_by_id, (gpointer) clw_record_get_id (CLW_RECORD (meeting)), meeting);
      g_object_unref (meeting); /* the store keeps it */
    }

  today = clw_session_dup_today (self->session);
  n = g_list_model_get_n_items (G_LIST_MODEL (actions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwActionItem) action = g_list_model_get_item (G_LIST_MODEL (actions), i);
      ClwActionLogEntry *entry = clw_action_log_entry_new (action,
                                                           g_hash_table_lookup (meeting_by_id,
                                                                                clw_action_item_get_meeting_id (action)),
                                                           today);

      if (clw_action_item_get_status (action) != CLW_ACTION_STATUS_DONE)
        open++;
      if (clw_action_log_entry_is_overdue (entry))
        overdue++;
      g_ptr_array_add (rows, entry);
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       rows->pdata, rows->len);

  {
    g_autofree char *intro = NULL;

    if (overdue > 0)
      /* Translators: above the action log */
      intro = g_strdup_printf (ngettext ("%u action still open, %u of them overdue.",
                                         "%u actions still open, %u of them overdue.", open),
                               open, overdue);
    else
      intro = g_strdup_printf (ngettext ("%u action still open, none overdue.",
                                         "%u actions still open, none overdue.", open),
                               open);
    gtk_label_set_label (self->intro_label, intro);
  }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Only what is on screen is kept up to date; the rest when it is shown. */
static void
refresh (ClwActionLog *self)
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
clw_action_log_map (GtkWidget *widget)
{
  ClwActionLog *self = CLW_ACTION_LOG (widget);

  GTK_WIDGET_CLASS (clw_action_log_parent_class)->map (widget);

  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
}

static void
database_changed_cb (ClwActionLog  *self,
                     const char   **tables)
{
  if (g_strv_contains (tables, "action_item") || g_strv_contains (tables, "meeting"))
    refresh (self);
}

static void
show_done_toggled_cb (ClwActionLog *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter),
                      gtk_check_button_get_active (self->show_done_check) ? GTK_FILTER_CHANGE_LESS_STRICT
                                                                          : GTK_FILTER_CHANGE_MORE_STRICT);
}

static void
action_activated_cb (ClwActionLog *self,
                     guint         position)
{
  g_autoptr(ClwActionLogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "s",
                                clw_action_item_get_meeting_id (clw_action_log_entry_get_action (entry)));
}

/* The status column: a drop-down that stores the change. */

static void
status_selected_cb (GtkDropDown  *dropdown,
                    GParamSpec   *pspec,
                    ClwActionLog *self)
{
  ClwActionLogEntry *entry = g_object_get_data (G_OBJECT (dropdown), "entry");
  guint selected = gtk_drop_down_get_selected (dropdown);
  ClwActionItem *action;
  g_autoptr(ClwRecord) changed = NULL;
  g_autoptr(GError) error = NULL;

  if (entry == NULL || selected == GTK_INVALID_LIST_POSITION || self->session == NULL)
    return;

  action = clw_action_log_entry_get_action (entry);
  if (selected == (guint) clw_action_item_get_status (action))
    return;

  changed = clw_record_copy (CLW_RECORD (action));
  g_object_set (changed, "status", (ClwActionStatus) selected, NULL);
  if (!clw_session_save (self->session, changed, _("Change an action’s status"), &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Change the Action"), error);
      gtk_drop_down_set_selected (dropdown, clw_action_item_get_status (action));
    }
}

static void
status_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 ClwActionLog             *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (int i = CLW_ACTION_STATUS_OPEN; i <= CLW_ACTION_STATUS_DONE; i++)
    gtk_string_list_append (statuses, clw_action_status_to_label (i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
  gtk_widget_add_css_class (dropdown, "flat");
  gtk_list_item_set_child (list_item, dropdown);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ClwActionLog             *self)
{
  ClwActionLogEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);
  ClwActionItem *action = clw_action_log_entry_get_action (entry);
  g_autofree char *label = g_strdup_printf (_("Status of “%s”"), clw_action_item_get_description (action));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), clw_action_item_get_status (action));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (dropdown), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self);
}

static void
status_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  ClwActionLog             *self)
{
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);

  g_signal_handlers_disconnect_by_func (dropdown, status_selected_cb, self);
  g_object_set_data (G_OBJECT (dropdown), "entry", NULL);
}

static void
clw_action_log_dispose (GObject *object)
{
  ClwActionLog *self = (ClwActionLog *) object;

  clw_action_log_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_ACTION_LOG);
  clw_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (clw_action_log_parent_class)->dispose (object);
}

static void
clw_action_log_finalize (GObject *object)
{
  ClwActionLog *self = (ClwActionLog *) object;

  g_free (self->cluster_id);

  G_OBJECT_CLASS (clw_action_log_parent_class)->finalize (object);
}

static void
clw_action_log_class_init (ClwActionLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_action_log_dispose;
  object_class->finalize = clw_action_log_finalize;

  widget_class->map = clw_action_log_map;

  g_type_ensure (CLW_TYPE_ACTION_LOG_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-action-log.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, due_column);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, entries);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, filter);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, show_done_check);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, sorted);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, stack);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, status_column);
  gtk_widget_class_bind_template_child (widget_class, ClwActionLog, view);
  gtk_widget_class_bind_template_callback (widget_class, action_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_done_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_action_log_init (ClwActionLog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->view));
  gtk_column_view_sort_by_column (self->view, self->due_column, GTK_SORT_ASCENDING);

  g_signal_connect (factory, "setup", G_CALLBACK (status_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (status_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (status_unbind_cb), self);
  gtk_column_view_column_set_factory (self->status_column, factory);
}

void
clw_action_log_set_session (ClwActionLog *self,
                            ClwSession   *session)
{
  g_return_if_fail (CLW_IS_ACTION_LOG (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->changed_id = g_signal_connect_object (session, "changed",
                                                G_CALLBACK (database_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  g_clear_pointer (&self->cluster_id, g_free);

  if (self->entries != NULL)
    refresh (self);
}

void
clw_action_log_set_cluster_id (ClwActionLog *self,
                               const char   *cluster_id)
{
  g_return_if_fail (CLW_IS_ACTION_LOG (self));

  if (g_strcmp0 (self->cluster_id, cluster_id) == 0)
    return;

  g_free (self->cluster_id);
  self->cluster_id = g_strdup (cluster_id);
  refresh (self);
}
