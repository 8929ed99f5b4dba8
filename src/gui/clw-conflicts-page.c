/* clw-conflicts-page.c: every conflict with another copy, to resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conflicts are kept in the database (they survive restarts), so the
 * page only lists what core gives (clw_sync_list_conflicts) and reads it
 * again after every change. A choice is stored off the main thread
 * (clw_sync_resolve_async); until then, and until a conflict is resolved,
 * this copy's value stays.
 */

#define G_LOG_DOMAIN "clw-conflicts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-conflict-row.h"
#include "clw-conflicts-page.h"
#include "clw-gui-util.h"

struct _ClwConflictsPage
{
  GtkWidget       parent_instance;

  ClwSession     *session;       /* owned, nullable */
  GListStore     *conflicts;     /* owned: of ClwSyncConflict */
  GCancellable   *cancellable;   /* owned: of the resolutions under way */
  gulong          changed_id;
  guint           reload_source;
  guint           n_busy;
  char           *empty_description;  /* owned: the empty page's, from the template */

  /* Template children */
  AdwStatusPage  *empty_page;
  GtkLabel       *intro_label;
  GtkListView    *list_view;
  GtkStack       *stack;
};

G_DEFINE_FINAL_TYPE (ClwConflictsPage, clw_conflicts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  ClwConflictsPage *page;     /* owned */
  ClwConflictRow   *row;      /* owned */
  ClwSyncChoice     choice;
  char             *title;
  char             *peer_name;
} Resolution;

static void
resolution_free (Resolution *resolution)
{
  g_object_unref (resolution->page);
  g_object_unref (resolution->row);
  g_free (resolution->title);
  g_free (resolution->peer_name);
  g_free (resolution);
}

static void
update_view (ClwConflictsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  g_autofree char *intro = NULL;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  intro = g_strdup_printf (ngettext ("%u conflict with another copy. Until it is resolved, this copy keeps its own value; "
                                     "your choice goes to the other copy with the next sync.",
                                     "%u conflicts with other copies. Until each is resolved, this copy keeps its own value; "
                                     "your choices go to the other copies with the next sync.", n), n);
  gtk_label_set_label (self->intro_label, intro);
}

/* Resolving ------------------------------------------------------------------- */

static void
set_busy (ClwConflictsPage *self,
          gboolean          busy)
{
  gboolean was = self->n_busy > 0;

  if (busy)
    self->n_busy++;
  else if (self->n_busy > 0)
    self->n_busy--;

  if (was != (self->n_busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
resolved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Resolution *resolution = user_data;
  ClwConflictsPage *self = resolution->page;
  g_autoptr(GError) error = NULL;

  if (!clw_sync_resolve_finish (CLW_DATABASE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          clw_conflict_row_set_busy (resolution->row, FALSE);
          clw_show_error (GTK_WIDGET (self), _("Could Not Resolve the Conflict"), error);
        }
    }
  else
    {
      g_autofree char *toast = NULL;

      switch (resolution->choice)
        {
        case CLW_SYNC_CHOICE_MINE:
          /* Translators: after resolving a conflict; %s is the row in words */
          toast = g_strdup_printf (_("%s: kept this copy's value"), resolution->title);
          break;
        case CLW_SYNC_CHOICE_THEIRS:
          /* Translators: after resolving a conflict; the row in words, then the other copy */
          toast = g_strdup_printf (_("%s: took the value of “%s”"), resolution->title, resolution->peer_name);
          break;
        case CLW_SYNC_CHOICE_VALUE:
        default:
          toast = g_strdup_printf (_("%s: set to the value typed"), resolution->title);
          break;
        }
      clw_widget_add_toast (GTK_WIDGET (self), toast, FALSE);
      clw_conflicts_page_reload (self);
    }

  set_busy (self, FALSE);
  resolution_free (resolution);
}

static void
row_resolve_cb (ClwConflictRow   *row,
                int               choice,
                const char       *value,
                ClwConflictsPage *self)
{
  ClwSyncConflict *conflict = clw_conflict_row_get_conflict (row);
  Resolution *resolution;

  if (conflict == NULL || self->session == NULL)
    return;

  resolution = g_new0 (Resolution, 1);
  resolution->page = g_object_ref (self);
  resolution->row = g_object_ref (row);
  resolution->choice = choice;
  resolution->title = g_strdup (clw_sync_conflict_get_title (conflict));
  resolution->peer_name = g_strdup (clw_sync_conflict_get_peer_name (conflict));

  clw_conflict_row_set_busy (row, TRUE);
  set_busy (self, TRUE);
  clw_sync_resolve_async (clw_session_get_database (self->session),
                          clw_sync_conflict_get_id (conflict),
                          choice, value, self->cancellable,
                          resolved_cb, resolution);
}

/* The list --------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ClwConflictsPage         *self)
{
  GtkWidget *row = g_object_new (CLW_TYPE_CONFLICT_ROW, NULL);

  g_signal_connect_object (row, "resolve", G_CALLBACK (row_resolve_cb), self, 0);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ClwConflictsPage         *self)
{
  clw_conflict_row_set_conflict (CLW_CONFLICT_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ClwConflictsPage         *self)
{
  clw_conflict_row_set_conflict (CLW_CONFLICT_ROW (gtk_list_item_get_child (item)), NULL);
}

static gboolean
reload_cb (gpointer user_data)
{
  ClwConflictsPage *self = user_data;

  self->reload_source = 0;
  clw_conflicts_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
session_changed_cb (ClwConflictsPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

/* GObject --------------------------------------------------------------------- */

static void
clw_conflicts_page_dispose (GObject *object)
{
  ClwConflictsPage *self = (ClwConflictsPage *) object;

  clw_conflicts_page_set_session (self, NULL);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_CONFLICTS_PAGE);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->empty_description, g_free);

  G_OBJECT_CLASS (clw_conflicts_page_parent_class)->dispose (object);
}

static void
clw_conflicts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClwConflictsPage *self = CLW_CONFLICTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_conflicts_page_class_init (ClwConflictsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_conflicts_page_dispose;
  object_class->get_property = clw_conflicts_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-conflicts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwConflictsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictsPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictsPage, stack);
}

static void
clw_conflicts_page_init (ClwConflictsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->empty_description = g_strdup (adw_status_page_get_description (self->empty_page));
  self->conflicts = g_list_store_new (CLW_TYPE_SYNC_CONFLICT);
  self->cancellable = g_cancellable_new ();
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->conflicts)));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_view (self);
}

/* Public API ---------------------------------------------------------------- */

void
clw_conflicts_page_set_session (ClwConflictsPage *self,
                                ClwSession       *session)
{
  g_return_if_fail (CLW_IS_CONFLICTS_PAGE (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->changed_id = g_signal_connect_object (session, "changed",
                                                G_CALLBACK (session_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  clw_conflicts_page_reload (self);
}

void
clw_conflicts_page_reload (ClwConflictsPage *self)
{
  g_autoptr(GListModel) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (CLW_IS_CONFLICTS_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->session != NULL)
    {
      conflicts = clw_sync_list_conflicts (clw_session_get_database (self->session), &error);
      if (conflicts == NULL)
        {
          g_autofree char *description = g_strdup_printf (_("The conflicts cannot be read: %s"), error->message);

          adw_status_page_set_title (self->empty_page, _("Could Not Read the Conflicts"));
          adw_status_page_set_description (self->empty_page, description);
          adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Conflicts"));
          adw_status_page_set_description (self->empty_page, self->empty_description);
          adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
          for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
            g_ptr_array_add (items, g_list_model_get_item (conflicts, i));
        }
    }

  g_list_store_splice (self->conflicts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)),
                       items->pdata, items->len);
  update_view (self);
}

GListModel *
clw_conflicts_page_get_conflicts (ClwConflictsPage *self)
{
  g_return_val_if_fail (CLW_IS_CONFLICTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->conflicts);
}

gboolean
clw_conflicts_page_get_busy (ClwConflictsPage *self)
{
  g_return_val_if_fail (CLW_IS_CONFLICTS_PAGE (self), FALSE);

  return self->n_busy > 0;
}
