/* clw-buddy-checks.c: the rules of buddying, kept or broken, for one proposed pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line a rule, in the order core checks them: a tick or a cross, the
 * rule's name and core's sentence on why it is kept or broken. A broken
 * rule that does not stop the request (the health board must see it kept
 * before agreeing) has a warning sign rather than a cross.
 */

#define G_LOG_DOMAIN "clw-buddy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-checks.h"
#include "clw-core.h"
#include "clw-gui-util.h"

struct _ClwBuddyChecks
{
  GtkWidget   parent_instance;

  GListModel *checks;      /* owned, nullable */
  GtkListBox *list;        /* child */
};

G_DEFINE_FINAL_TYPE (ClwBuddyChecks, clw_buddy_checks, GTK_TYPE_WIDGET)

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  ClwBuddyRuleCheck *check = item;
  gboolean passed = clw_buddy_rule_check_get_passed (check);
  gboolean blocking = clw_buddy_rule_check_get_blocking (check);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon;
  GtkWidget *label;
  GtkWidget *message;
  g_autofree char *accessible = NULL;
  const char *state;

  if (passed)
    {
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      state = _("Kept");
    }
  else if (blocking)
    {
      icon = gtk_image_new_from_icon_name ("window-close-symbolic");
      gtk_widget_add_css_class (icon, "error");
      state = _("Broken");
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      state = _("Broken, to be kept before the health board agrees");
    }
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  /* The line says it in words; the icon would only repeat it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  label = gtk_label_new (clw_buddy_rule_check_get_label (check));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");

  message = gtk_label_new (clw_buddy_rule_check_get_message (check));
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (message, "caption");
  if (passed)
    gtk_widget_add_css_class (message, "dim-label");

  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (text), message);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: what a screen reader says of a rule: "Kept: The buddy is larger. W10002 has…" */
  accessible = g_strdup_printf (_("%s: %s. %s"), state, clw_buddy_rule_check_get_label (check),
                                clw_buddy_rule_check_get_message (check));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
clw_buddy_checks_dispose (GObject *object)
{
  ClwBuddyChecks *self = (ClwBuddyChecks *) object;

  g_clear_object (&self->checks);
  clw_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (clw_buddy_checks_parent_class)->dispose (object);
}

static void
clw_buddy_checks_class_init (ClwBuddyChecksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_buddy_checks_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
clw_buddy_checks_init (ClwBuddyChecks *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The rules of buddying"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}

GtkWidget *
clw_buddy_checks_new (void)
{
  return g_object_new (CLW_TYPE_BUDDY_CHECKS, NULL);
}

void
clw_buddy_checks_set_checks (ClwBuddyChecks *self,
                             GListModel     *checks)
{
  g_return_if_fail (CLW_IS_BUDDY_CHECKS (self));
  g_return_if_fail (checks == NULL || G_IS_LIST_MODEL (checks));

  if (!g_set_object (&self->checks, checks))
    return;

  gtk_list_box_bind_model (self->list, checks, create_row_cb, NULL, NULL);
}

GListModel *
clw_buddy_checks_get_checks (ClwBuddyChecks *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_CHECKS (self), NULL);

  return self->checks;
}
