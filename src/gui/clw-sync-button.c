/* clw-sync-button.c: the header bar's sync status, with its details and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A compact button: "Synced", or the changes waiting to go out, with a
 * badge counting the conflicts to resolve. Its popover says when and with
 * whom the copy last synced and where each other copy stands, and holds
 * the sync actions (the window's "sync." group). The status comes from
 * clw_sync_get_status_async(), asked again after every change to the
 * database, never on the main thread.
 */

#define G_LOG_DOMAIN "clw-sync-button"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-sync-button.h"

/* Changes come in bursts (typing, a sync): one status for each burst. */
#define REFRESH_DELAY_MS 250

struct _ClwSyncButton
{
  GtkWidget      parent_instance;

  ClwSession    *session;        /* owned, nullable */
  ClwSyncStatus *status;         /* owned, nullable: the last read */
  GCancellable  *cancellable;    /* owned, nullable: of the status being read */
  char          *folder;         /* owned, nullable */
  char          *text;           /* owned: what the button says */
  gulong         changed_id;
  guint          refresh_source;
  guint          fetching : 1;
  guint          dirty : 1;      /* changed while reading: read again */
  guint          busy : 1;

  /* Template children */
  GtkLabel      *badge;
  GtkMenuButton *button;
  GtkBox        *details;
  GtkLabel      *folder_label;
  GtkLabel      *heading_label;
  GtkImage      *icon;
  GtkStack      *icon_stack;
  GtkLabel      *label;
  GMenuModel    *menu;
  GtkBox        *peers_box;
  GtkLabel      *summary_label;
  GtkSpinner    *spinner;
};

G_DEFINE_FINAL_TYPE (ClwSyncButton, clw_sync_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_fetch (ClwSyncButton *self);

/* Showing --------------------------------------------------------------------- */

static void
set_text (ClwSyncButton *self,
          const char    *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  gtk_label_set_label (self->label, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static GtkWidget *
peer_card (ClwSyncPeer *peer)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (clw_sync_peer_get_name (peer));
  g_autoptr(GString) lines = g_string_new (NULL);
  GtkWidget *facts;

  gtk_widget_add_css_class (box, "sync-peer");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 44);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);

  if (clw_sync_peer_get_scope (peer) == CLW_SCOPE_CLUSTER && clw_sync_peer_get_scope_name (peer) != NULL)
    /* Translators: what another copy holds */
    g_string_append_printf (lines, _("Holds %s only"), clw_sync_peer_get_scope_name (peer));
  else
    g_string_append (lines, _("Holds everything"));
  g_string_append_c (lines, '\n');

  if (clw_sync_peer_get_last_import_at (peer) != NULL)
    {
      g_autofree char *when = clw_format_timestamp (clw_sync_peer_get_last_import_at (peer));
      /* Translators: the last changes from another copy applied here, and who made them */
      g_string_append_printf (lines, _("Last synced %s (changes by %s)"), when,
                              clw_sync_peer_get_last_import_author (peer));
    }
  else
    g_string_append (lines, _("No changes received from it yet"));
  g_string_append_c (lines, '\n');

  if (clw_sync_peer_get_last_export_at (peer) != NULL)
    {
      g_autofree char *when = clw_format_timestamp (clw_sync_peer_get_last_export_at (peer));
      g_string_append_printf (lines, _("Last sent %s"), when);
    }
  else
    g_string_append (lines, _("Nothing sent to it yet"));

  if (clw_sync_peer_get_n_pending (peer) > 0)
    {
      g_string_append_c (lines, '\n');
      g_string_append_printf (lines,
                              ngettext ("%u change waiting to go out", "%u changes waiting to go out",
                                        clw_sync_peer_get_n_pending (peer)),
                              clw_sync_peer_get_n_pending (peer));
    }
  if (clw_sync_peer_get_n_unconfirmed (peer) > 0)
    {
      g_string_append_c (lines, '\n');
      g_string_append_printf (lines,
                              ngettext ("%u bundle sent, not yet confirmed", "%u bundles sent, not yet confirmed",
                                        clw_sync_peer_get_n_unconfirmed (peer)),
                              clw_sync_peer_get_n_unconfirmed (peer));
    }
  if (clw_sync_peer_get_n_conflicts (peer) > 0)
    {
      g_string_append_c (lines, '\n');
      g_string_append_printf (lines,
                              ngettext ("%u conflict to resolve", "%u conflicts to resolve",
                                        clw_sync_peer_get_n_conflicts (peer)),
                              clw_sync_peer_get_n_conflicts (peer));
    }

  facts = gtk_label_new (lines->str);
  gtk_label_set_xalign (GTK_LABEL (facts), 0);
  gtk_label_set_wrap (GTK_LABEL (facts), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (facts), 44);
  gtk_widget_add_css_class (facts, "dim-label");
  gtk_box_append (GTK_BOX (box), facts);
  return box;
}

static void
update_folder (ClwSyncButton *self)
{
  g_autofree char *text = NULL;

  if (self->folder != NULL)
    /* Translators: the folder where copies leave bundles for each other */
    text = g_strdup_printf (_("Syncs through %s"), self->folder);
  else
    text = g_strdup (_("No sync folder chosen: exchange bundle files, or choose a folder both copies reach."));
  gtk_label_set_label (self->folder_label, text);
}

static void
update_view (ClwSyncButton *self)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;
  g_autofree char *accessible = NULL;
  guint n_peers = 0, n_pending = 0, n_conflicts = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->peers_box))) != NULL)
    gtk_box_remove (self->peers_box, child);

  if (self->status != NULL)
    {
      GListModel *peers = clw_sync_status_get_peers (self->status);

      n_peers = g_list_model_get_n_items (peers);
      n_pending = clw_sync_status_get_n_pending (self->status);
      n_conflicts = clw_sync_status_get_n_conflicts (self->status);
      summary = clw_sync_status_dup_summary (self->status);
      for (guint i = 0; i < n_peers; i++)
        {
          g_autoptr(ClwSyncPeer) peer = g_list_model_get_item (peers, i);
          gtk_box_append (self->peers_box, peer_card (peer));
        }
    }
  else
    summary = g_strdup (_("Finding out where this copy stands…"));

  gtk_stack_set_visible_child_name (self->icon_stack, self->busy ? "busy" : "icon");
  gtk_spinner_set_spinning (self->spinner, self->busy);

  if (self->busy)
    {
      set_text (self, _("Syncing…"));
      gtk_label_set_label (self->heading_label, _("Syncing…"));
    }
  else if (self->status == NULL)
    {
      set_text (self, "");
      gtk_label_set_label (self->heading_label, _("Sync"));
    }
  else if (n_peers == 0)
    {
      /* A database nobody took a copy of: the icon is enough. */
      set_text (self, "");
      gtk_label_set_label (self->heading_label, _("Not Synced"));
    }
  else if (n_pending > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u to Send", "%u to Send", n_pending), n_pending);
      set_text (self, text);
      gtk_label_set_label (self->heading_label,
                           ngettext ("A Change Waiting to Go Out", "Changes Waiting to Go Out", n_pending));
    }
  else
    {
      set_text (self, _("Synced"));
      gtk_label_set_label (self->heading_label, _("Synced"));
    }

  /* What needs doing comes first: the button says "Conflicts" beside
   * their count, not the changes to send beside a count of something
   * else (those are in the popover). */
  if (!self->busy && n_conflicts > 0)
    {
      set_text (self, ngettext ("Conflict", "Conflicts", n_conflicts));
      gtk_label_set_label (self->heading_label,
                           ngettext ("A Conflict to Resolve", "Conflicts to Resolve", n_conflicts));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->label), self->text != NULL && *self->text != '\0');
  gtk_image_set_from_icon_name (self->icon, n_conflicts > 0 ? "dialog-warning-symbolic"
                                                            : "emblem-synchronizing-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), n_conflicts > 0);
  if (n_conflicts > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_conflicts);
      gtk_label_set_label (self->badge, count);
    }

  gtk_label_set_label (self->summary_label, summary);
  /* With one other copy, its card says it all. */
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n_peers != 1);
  update_folder (self);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), summary);
  /* Translators: the sync button's name for screen readers, then what it says */
  accessible = g_strdup_printf (_("Sync status: %s"), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Reading the status -------------------------------------------------------------- */

static void
status_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClwSyncButton) self = user_data;
  g_autoptr(ClwSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = clw_sync_get_status_finish (CLW_DATABASE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->fetching = FALSE;
  if (self->session == NULL || clw_session_get_database (self->session) != CLW_DATABASE (source))
    return;

  if (status == NULL)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Could not find out where this copy stands: %s"),
                                                  error->message);
      g_warning ("%s", tooltip);
      g_clear_object (&self->status);
      update_view (self);
      gtk_label_set_label (self->summary_label, tooltip);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
    }
  else
    {
      g_set_object (&self->status, status);
      update_view (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);

  if (self->dirty)
    start_fetch (self);
}

static void
start_fetch (ClwSyncButton *self)
{
  self->dirty = FALSE;
  if (self->session == NULL)
    return;
  if (self->fetching)
    {
      self->dirty = TRUE;
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->fetching = TRUE;
  clw_sync_get_status_async (clw_session_get_database (self->session), self->cancellable,
                             status_ready_cb, g_object_ref (self));
}

static gboolean
refresh_cb (gpointer user_data)
{
  ClwSyncButton *self = user_data;

  self->refresh_source = 0;
  start_fetch (self);
  return G_SOURCE_REMOVE;
}

static void
session_changed_cb (ClwSyncButton *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/* GObject --------------------------------------------------------------------- */

static void
clw_sync_button_dispose (GObject *object)
{
  ClwSyncButton *self = (ClwSyncButton *) object;

  clw_sync_button_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_SYNC_BUTTON);

  G_OBJECT_CLASS (clw_sync_button_parent_class)->dispose (object);
}

static void
clw_sync_button_finalize (GObject *object)
{
  ClwSyncButton *self = (ClwSyncButton *) object;

  g_free (self->folder);
  g_free (self->text);

  G_OBJECT_CLASS (clw_sync_button_parent_class)->finalize (object);
}

static void
clw_sync_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClwSyncButton *self = CLW_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_object (value, self->status);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_sync_button_class_init (ClwSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_sync_button_dispose;
  object_class->finalize = clw_sync_button_finalize;
  object_class->get_property = clw_sync_button_get_property;

  properties[PROP_STATUS] =
    g_param_spec_object ("status", NULL, NULL, CLW_TYPE_SYNC_STATUS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, badge);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, button);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, details);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, folder_label);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, label);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, menu);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, peers_box);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClwSyncButton, spinner);
}

static void
clw_sync_button_init (ClwSyncButton *self)
{
  GtkPopover *popover;

  gtk_widget_init_template (GTK_WIDGET (self));

  popover = gtk_menu_button_get_popover (self->button);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), GTK_WIDGET (self->details), "details");
  update_view (self);
}

/* Public API ---------------------------------------------------------------- */

void
clw_sync_button_set_session (ClwSyncButton *self,
                             ClwSession    *session)
{
  g_return_if_fail (CLW_IS_SYNC_BUTTON (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  self->fetching = FALSE;
  self->dirty = FALSE;

  if (self->status != NULL)
    {
      g_clear_object (&self->status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  update_view (self);

  if (session != NULL)
    {
      self->changed_id = g_signal_connect_object (session, "changed",
                                                  G_CALLBACK (session_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
      start_fetch (self);
    }
}

void
clw_sync_button_refresh (ClwSyncButton *self)
{
  g_return_if_fail (CLW_IS_SYNC_BUTTON (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  start_fetch (self);
}

ClwSyncStatus *
clw_sync_button_get_status (ClwSyncButton *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUTTON (self), NULL);

  return self->status;
}

const char *
clw_sync_button_get_text (ClwSyncButton *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUTTON (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
clw_sync_button_set_busy (ClwSyncButton *self,
                          gboolean       busy)
{
  g_return_if_fail (CLW_IS_SYNC_BUTTON (self));

  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_view (self);
}

void
clw_sync_button_set_folder (ClwSyncButton *self,
                            const char    *folder)
{
  g_return_if_fail (CLW_IS_SYNC_BUTTON (self));

  if (folder != NULL && *folder == '\0')
    folder = NULL;
  if (g_strcmp0 (self->folder, folder) == 0)
    return;
  g_free (self->folder);
  self->folder = g_strdup (folder);
  update_folder (self);
}

void
clw_sync_button_popup (ClwSyncButton *self)
{
  g_return_if_fail (CLW_IS_SYNC_BUTTON (self));

  gtk_menu_button_popup (self->button);
}
