/* clw-buddy-pair-row.c: an arrangement on the buddying board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both practices, the status and its dates. An agreed arrangement can be
 * dragged (its value is the ClwBuddyPair, which carries the arrangement's
 * id) out of the pairs onto the small practices' side, or onto "End
 * arrangement", to end it. The menu does the same from the keyboard, and
 * lets the health board agree or refuse a request; the buddying page does
 * each ("buddy.end", "buddy.agree", "buddy.refuse").
 */

#define G_LOG_DOMAIN "clw-buddy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-pair-row.h"
#include "clw-gui-util.h"

struct _ClwBuddyPairRow
{
  GtkWidget      parent_instance;

  ClwBuddyPair  *pair;            /* owned, nullable */

  /* Template children */
  GtkLabel      *buddy_label;
  GtkLabel      *details_label;
  GtkMenuButton *menu_button;
  GtkLabel      *small_label;
  GtkLabel      *status_label;
};

G_DEFINE_FINAL_TYPE (ClwBuddyPairRow, clw_buddy_pair_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_classes[] = {
  [CLW_ARRANGEMENT_STATUS_REQUESTED] = "on-track",
  [CLW_ARRANGEMENT_STATUS_AGREED] = "achieved",
  [CLW_ARRANGEMENT_STATUS_REFUSED] = "not-achieved",
  [CLW_ARRANGEMENT_STATUS_ENDED] = "ended",
};

static char *
describe (ClwBuddyPair *pair)
{
  g_autofree char *requested = clw_format_date (clw_buddy_pair_get_requested_on (pair));
  g_autofree char *decided = clw_format_date (clw_buddy_pair_get_decision_on (pair));
  g_autofree char *starts = clw_format_date (clw_buddy_pair_get_starts_on (pair));
  g_autofree char *ends = clw_format_date (clw_buddy_pair_get_ends_on (pair));
  const char *explanation = clw_buddy_pair_get_explanation (pair);

  switch (clw_buddy_pair_get_status (pair))
    {
    case CLW_ARRANGEMENT_STATUS_REQUESTED:
      /* Translators: "Requested 1 Dec 2022, to start 1 Jan 2023; waiting for the health board" */
      return g_strdup_printf (_("Requested %s, to start %s; waiting for the health board"), requested, starts);
    case CLW_ARRANGEMENT_STATUS_AGREED:
      if (clw_buddy_pair_get_in_force (pair))
        return g_strdup_printf (_("Agreed %s, in force since %s"), decided, starts);
      return g_strdup_printf (_("Agreed %s, from %s"), decided, starts);
    case CLW_ARRANGEMENT_STATUS_REFUSED:
      return g_strdup_printf (_("Refused %s: %s"), decided, explanation != NULL ? explanation : "");
    case CLW_ARRANGEMENT_STATUS_ENDED:
    default:
      return g_strdup_printf (_("From %s to %s"), starts, ends);
    }
}

static void
update (ClwBuddyPairRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *small = NULL;
  g_autofree char *buddy = NULL;
  g_autofree char *details = NULL;
  g_autofree char *menu_label = NULL;
  ClwArrangementStatus status;
  const char *id;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);

  if (self->pair == NULL)
    {
      gtk_label_set_label (self->small_label, "");
      gtk_label_set_label (self->buddy_label, "");
      gtk_label_set_label (self->details_label, "");
      gtk_label_set_label (self->status_label, "");
      gtk_menu_button_set_menu_model (self->menu_button, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->menu_button), FALSE);
      return;
    }

  status = clw_buddy_pair_get_status (self->pair);
  id = clw_buddy_pair_get_id (self->pair);
  small = g_strdup_printf ("%s %s", clw_buddy_pair_get_small_code (self->pair),
                           clw_buddy_pair_get_small_name (self->pair));
  switch (status)
    {
    case CLW_ARRANGEMENT_STATUS_REQUESTED:
      /* Translators: under the small practice, the buddy it asks for: "asks for W10002 Bryn Surgery" */
      buddy = g_strdup_printf (_("asks for %s %s"), clw_buddy_pair_get_buddy_code (self->pair),
                               clw_buddy_pair_get_buddy_name (self->pair));
      break;
    case CLW_ARRANGEMENT_STATUS_AGREED:
      /* Translators: under the small practice, its buddy: "buddied by W10002 Bryn Surgery" */
      buddy = g_strdup_printf (_("buddied by %s %s"), clw_buddy_pair_get_buddy_code (self->pair),
                               clw_buddy_pair_get_buddy_name (self->pair));
      break;
    case CLW_ARRANGEMENT_STATUS_REFUSED:
      /* Translators: under the small practice, the buddy it asked for: "asked for W10002 Bryn Surgery" */
      buddy = g_strdup_printf (_("asked for %s %s"), clw_buddy_pair_get_buddy_code (self->pair),
                               clw_buddy_pair_get_buddy_name (self->pair));
      break;
    case CLW_ARRANGEMENT_STATUS_ENDED:
    default:
      /* Translators: under the small practice, its buddy of before: "was buddied by W10002 Bryn Surgery" */
      buddy = g_strdup_printf (_("was buddied by %s %s"), clw_buddy_pair_get_buddy_code (self->pair),
                               clw_buddy_pair_get_buddy_name (self->pair));
      break;
    }
  details = describe (self->pair);

  gtk_label_set_label (self->small_label, small);
  gtk_label_set_label (self->buddy_label, buddy);
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->status_label, clw_arrangement_status_to_label (status));
  if ((guint) status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);

  if (status == CLW_ARRANGEMENT_STATUS_REQUESTED)
    {
      g_autoptr(GMenuItem) agree = g_menu_item_new (_("_Agree"), NULL);
      g_autoptr(GMenuItem) refuse = g_menu_item_new (_("_Refuse…"), NULL);

      g_menu_item_set_action_and_target (agree, "buddy.agree", "s", id);
      g_menu_item_set_action_and_target (refuse, "buddy.refuse", "s", id);
      g_menu_append_item (menu, agree);
      g_menu_append_item (menu, refuse);
    }
  else if (status == CLW_ARRANGEMENT_STATUS_AGREED)
    {
      g_autoptr(GMenuItem) end = g_menu_item_new (_("_End Arrangement"), NULL);

      g_menu_item_set_action_and_target (end, "buddy.end", "s", id);
      g_menu_append_item (menu, end);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));

  /* Translators: the accessible label of an arrangement's menu button */
  menu_label = g_strdup_printf (_("Buddying of %s by %s"), clw_buddy_pair_get_small_code (self->pair),
                                clw_buddy_pair_get_buddy_code (self->pair));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
}

/* Dragging an agreed arrangement apart --------------------------------------------- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource   *source,
                 double           x,
                 double           y,
                 ClwBuddyPairRow *self)
{
  if (self->pair == NULL || clw_buddy_pair_get_status (self->pair) != CLW_ARRANGEMENT_STATUS_AGREED)
    return NULL;

  return gdk_content_provider_new_typed (CLW_TYPE_BUDDY_PAIR, self->pair);
}

static void
drag_begin_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               ClwBuddyPairRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* GObject ------------------------------------------------------------------------ */

static void
clw_buddy_pair_row_dispose (GObject *object)
{
  ClwBuddyPairRow *self = (ClwBuddyPairRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_BUDDY_PAIR_ROW);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->pair);

  G_OBJECT_CLASS (clw_buddy_pair_row_parent_class)->dispose (object);
}

static void
clw_buddy_pair_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClwBuddyPairRow *self = CLW_BUDDY_PAIR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAIR:
      g_value_set_object (value, self->pair);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_pair_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ClwBuddyPairRow *self = CLW_BUDDY_PAIR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAIR:
      clw_buddy_pair_row_set_pair (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_pair_row_class_init (ClwBuddyPairRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_buddy_pair_row_dispose;
  object_class->get_property = clw_buddy_pair_row_get_property;
  object_class->set_property = clw_buddy_pair_row_set_property;

  properties[PROP_PAIR] =
    g_param_spec_object ("pair", NULL, NULL,
                         CLW_TYPE_BUDDY_PAIR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-buddy-pair-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPairRow, buddy_label);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPairRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPairRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPairRow, small_label);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPairRow, status_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clwbuddypairrow");
}

static void
clw_buddy_pair_row_init (ClwBuddyPairRow *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 10);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  update (self);
}

ClwBuddyPairRow *
clw_buddy_pair_row_new (void)
{
  return g_object_new (CLW_TYPE_BUDDY_PAIR_ROW, NULL);
}

ClwBuddyPair *
clw_buddy_pair_row_get_pair (ClwBuddyPairRow *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAIR_ROW (self), NULL);

  return self->pair;
}

void
clw_buddy_pair_row_set_pair (ClwBuddyPairRow *self,
                             ClwBuddyPair    *pair)
{
  g_return_if_fail (CLW_IS_BUDDY_PAIR_ROW (self));
  g_return_if_fail (pair == NULL || CLW_IS_BUDDY_PAIR (pair));

  if (!g_set_object (&self->pair, pair))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIR]);
}

void
clw_buddy_pair_row_popup_menu (ClwBuddyPairRow *self)
{
  g_return_if_fail (CLW_IS_BUDDY_PAIR_ROW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->menu_button)))
    gtk_menu_button_popup (self->menu_button);
}
