/* clw-conflict-row.c: one conflict, its sides and the choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row in words, why it is a conflict, the value both copies had
 * before (for a field), this copy's and the other copy's with who changed
 * each and when; then Keep Mine, Take Theirs, or a value typed here. The
 * row only asks: the conflicts page stores the choice (::resolve).
 */

#define G_LOG_DOMAIN "clw-conflict-row"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-conflict-row.h"
#include "clw-gui-util.h"

struct _ClwConflictRow
{
  GtkWidget        parent_instance;

  ClwSyncConflict *conflict;    /* owned, nullable */

  /* Template children */
  GtkLabel        *base_heading;
  GtkLabel        *base_value;
  GtkLabel        *message_label;
  GtkButton       *mine_button;
  GtkLabel        *mine_by;
  GtkLabel        *mine_heading;
  GtkLabel        *mine_value;
  GtkButton       *theirs_button;
  GtkLabel        *theirs_by;
  GtkLabel        *theirs_heading;
  GtkLabel        *theirs_value;
  GtkLabel        *title_label;
  GtkButton       *value_button;
  GtkEntry        *value_entry;
};

G_DEFINE_FINAL_TYPE (ClwConflictRow, clw_conflict_row, GTK_TYPE_WIDGET)

enum {
  RESOLVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
changed_by (const char *who,
            const char *when)
{
  g_autofree char *at = clw_format_timestamp (when);

  if (who == NULL || *who == '\0')
    return g_steal_pointer (&at);
  if (*at == '\0')
    /* Translators: who changed a value */
    return g_strdup_printf (_("by %s"), who);
  /* Translators: who changed a value, and when: “by Dr Lead, 1 Mar 2022 at 14:05” */
  return g_strdup_printf (_("by %s, %s"), who, at);
}

static void
update (ClwConflictRow *self)
{
  ClwSyncConflict *c = self->conflict;
  g_autofree char *message = NULL;
  g_autofree char *mine_by = NULL;
  g_autofree char *theirs_by = NULL;
  g_autofree char *accessible = NULL;
  gboolean field;

  gtk_widget_set_visible (GTK_WIDGET (self->value_entry), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  if (c == NULL)
    return;

  field = clw_sync_conflict_get_kind (c) == CLW_SYNC_CONFLICT_FIELD;
  gtk_label_set_label (self->title_label, clw_sync_conflict_get_title (c));

  if (field && clw_sync_conflict_get_field_label (c) != NULL)
    /* Translators: the kind of conflict, the field, then why: “Changed on both sides: list size. …” */
    message = g_strdup_printf (_("%s: %s. %s"),
                               clw_sync_conflict_kind_to_label (clw_sync_conflict_get_kind (c)),
                               clw_sync_conflict_get_field_label (c),
                               clw_sync_conflict_get_message (c));
  else
    message = g_strdup_printf (_("%s. %s"),
                               clw_sync_conflict_kind_to_label (clw_sync_conflict_get_kind (c)),
                               clw_sync_conflict_get_message (c));
  gtk_label_set_label (self->message_label, message);

  gtk_widget_set_visible (GTK_WIDGET (self->base_heading), field);
  gtk_widget_set_visible (GTK_WIDGET (self->base_value), field);
  gtk_label_set_label (self->base_value, clw_sync_conflict_get_base_text (c));
  gtk_label_set_label (self->mine_value, clw_sync_conflict_get_mine_text (c));
  gtk_label_set_label (self->theirs_value, clw_sync_conflict_get_theirs_text (c));

  mine_by = changed_by (clw_sync_conflict_get_mine_by (c), clw_sync_conflict_get_mine_at (c));
  theirs_by = changed_by (clw_sync_conflict_get_theirs_by (c), clw_sync_conflict_get_theirs_at (c));
  gtk_label_set_label (self->mine_by, mine_by);
  gtk_label_set_label (self->theirs_by, theirs_by);

  gtk_label_set_label (self->theirs_heading, clw_sync_conflict_get_peer_name (c));

  gtk_widget_set_visible (GTK_WIDGET (self->value_button), clw_sync_conflict_accepts_value (c));
  {
    g_autofree char *tip = g_strdup_printf (_("Take the value of “%s”"), clw_sync_conflict_get_peer_name (c));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->theirs_button), tip);
  }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_button),
                               _("Keep this copy's value; the other copy takes it at the next sync"));

  /* Translators: a conflict for screen readers: the row, then why */
  accessible = g_strdup_printf (_("Conflict: %s. %s"), clw_sync_conflict_get_title (c), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Callbacks ------------------------------------------------------------------- */

static void
mine_clicked_cb (ClwConflictRow *self)
{
  g_signal_emit (self, signals[RESOLVE], 0, CLW_SYNC_CHOICE_MINE, NULL);
}

static void
theirs_clicked_cb (ClwConflictRow *self)
{
  g_signal_emit (self, signals[RESOLVE], 0, CLW_SYNC_CHOICE_THEIRS, NULL);
}

static void
value_activated_cb (ClwConflictRow *self)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (self->value_entry));

  g_signal_emit (self, signals[RESOLVE], 0, CLW_SYNC_CHOICE_VALUE, value);
}

static void
value_clicked_cb (ClwConflictRow *self)
{
  /* First click: the entry, with this copy's value to start from;
   * second: store what was typed. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->value_entry)))
    {
      const char *mine = self->conflict != NULL ? clw_sync_conflict_get_mine_text (self->conflict) : "";

      gtk_editable_set_text (GTK_EDITABLE (self->value_entry), mine);
      gtk_widget_set_visible (GTK_WIDGET (self->value_entry), TRUE);
      gtk_button_set_label (self->value_button, _("_Set"));
      gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
      return;
    }

  value_activated_cb (self);
}

/* GObject --------------------------------------------------------------------- */

static void
clw_conflict_row_dispose (GObject *object)
{
  ClwConflictRow *self = (ClwConflictRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_CONFLICT_ROW);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->conflict);

  G_OBJECT_CLASS (clw_conflict_row_parent_class)->dispose (object);
}

static void
clw_conflict_row_class_init (ClwConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_conflict_row_dispose;

  /**
   * ClwConflictRow::resolve:
   * @choice: a #ClwSyncChoice
   * @value: (nullable): the value typed, for %CLW_SYNC_CHOICE_VALUE
   *
   * The user chose how to resolve the conflict.
   */
  signals[RESOLVE] =
    g_signal_new ("resolve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, base_heading);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, base_value);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, mine_button);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, mine_by);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, mine_heading);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, mine_value);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, theirs_button);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, theirs_by);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, theirs_heading);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, theirs_value);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, value_button);
  gtk_widget_class_bind_template_child (widget_class, ClwConflictRow, value_entry);
  gtk_widget_class_bind_template_callback (widget_class, mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, theirs_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_clicked_cb);
}

static void
clw_conflict_row_init (ClwConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API ---------------------------------------------------------------- */

ClwSyncConflict *
clw_conflict_row_get_conflict (ClwConflictRow *self)
{
  g_return_val_if_fail (CLW_IS_CONFLICT_ROW (self), NULL);

  return self->conflict;
}

void
clw_conflict_row_set_conflict (ClwConflictRow  *self,
                               ClwSyncConflict *conflict)
{
  g_return_if_fail (CLW_IS_CONFLICT_ROW (self));
  g_return_if_fail (conflict == NULL || CLW_IS_SYNC_CONFLICT (conflict));

  if (self->conflict == conflict)
    return;

  g_set_object (&self->conflict, conflict);
  gtk_button_set_label (self->value_button, _("_Set Value…"));
  clw_conflict_row_set_busy (self, FALSE);
  update (self);
}

void
clw_conflict_row_set_busy (ClwConflictRow *self,
                           gboolean        busy)
{
  g_return_if_fail (CLW_IS_CONFLICT_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->theirs_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->value_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->value_entry), !busy);
}
