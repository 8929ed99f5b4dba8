/* clw-buddy-practice-row.c: a practice on the buddying board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small practice's row is a drag source whose value is its
 * ClwBuddyCandidate (which carries the practice's id), with a menu
 * ("Buddy with…") for the keyboard. A larger practice's row is a drop
 * target for that value. What a drop means is the buddying page's to say:
 * the row only asks it, with the "buddy.propose" action.
 */

#define G_LOG_DOMAIN "clw-buddy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-practice-row.h"
#include "clw-gui-util.h"

struct _ClwBuddyPracticeRow
{
  GtkWidget          parent_instance;

  ClwBuddyCandidate *candidate;      /* owned, nullable */
  gboolean           small;

  /* Template children */
  GtkLabel          *details_label;
  GtkMenuButton     *menu_button;
  GtkLabel          *name_label;
};

G_DEFINE_FINAL_TYPE (ClwBuddyPracticeRow, clw_buddy_practice_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANDIDATE,
  PROP_SMALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe (ClwBuddyCandidate *candidate,
          gboolean           small)
{
  GString *text = g_string_new (NULL);
  int partners = clw_buddy_candidate_get_partners (candidate);
  g_autofree char *patients = clw_format_count (clw_buddy_candidate_get_list_size (candidate));
  guint n_buddying = clw_buddy_candidate_get_n_buddying (candidate);

  if (partners <= 1)
    g_string_append (text, _("Single-handed"));
  else
    g_string_append_printf (text, ngettext ("%d partner", "%d partners", partners), partners);
  /* Translators: after the partners: "3 partners · 5,200 patients" */
  g_string_append_printf (text, _(" · %s patients"), patients);
  if (clw_buddy_candidate_get_sustainability_issues (candidate))
    g_string_append (text, _(" · sustainability issues"));
  if (small && clw_buddy_candidate_get_buddy_code (candidate) != NULL)
    /* Translators: "· buddied by W10002" */
    g_string_append_printf (text, _(" · buddied by %s"), clw_buddy_candidate_get_buddy_code (candidate));
  if (n_buddying > 0)
    g_string_append_printf (text, ngettext (" · buddy of %u practice", " · buddy of %u practices", n_buddying),
                            n_buddying);

  return g_string_free (text, FALSE);
}

static void
update (ClwBuddyPracticeRow *self)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;
  g_autofree char *details = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *menu_label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), self->small);

  if (self->candidate == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->details_label, "");
      gtk_menu_button_set_menu_model (self->menu_button, NULL);
      return;
    }

  details = describe (self->candidate, self->small);
  /* The code as the code_label of the other rows shows it: monospace, dim. */
  heading = g_markup_printf_escaped ("<span font_family=\"monospace\" weight=\"normal\" alpha=\"55%%\">%s</span>"
                                     "  %s",
                                     clw_buddy_candidate_get_code (self->candidate),
                                     clw_buddy_candidate_get_name (self->candidate));
  gtk_label_set_label (self->name_label, heading);
  gtk_label_set_label (self->details_label, details);

  if (!self->small)
    return;

  menu = g_menu_new ();
  item = g_menu_item_new (_("_Buddy with…"), NULL);
  g_menu_item_set_action_and_target (item, "buddy.buddy-with", "s",
                                     clw_buddy_candidate_get_practice_id (self->candidate));
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));

  /* Translators: the accessible label of a practice's menu button */
  menu_label = g_strdup_printf (_("Buddying of %s"), clw_buddy_candidate_get_code (self->candidate));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
}

/* Dragging a small practice ------------------------------------------------------ */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource       *source,
                 double               x,
                 double               y,
                 ClwBuddyPracticeRow *self)
{
  if (self->candidate == NULL)
    return NULL;

  return gdk_content_provider_new_typed (CLW_TYPE_BUDDY_CANDIDATE, self->candidate);
}

static void
drag_begin_cb (GtkDragSource       *source,
               GdkDrag             *drag,
               ClwBuddyPracticeRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* Dropping on a larger practice ------------------------------------------------------ */

static gboolean
drop_cb (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         ClwBuddyPracticeRow *self)
{
  ClwBuddyCandidate *small;

  if (self->candidate == NULL || !G_VALUE_HOLDS (value, CLW_TYPE_BUDDY_CANDIDATE))
    return FALSE;

  small = g_value_get_object (value);
  if (small == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "buddy.propose", "(ss)",
                                     clw_buddy_candidate_get_practice_id (small),
                                     clw_buddy_candidate_get_practice_id (self->candidate));
}

static void
setup_side (ClwBuddyPracticeRow *self)
{
  if (self->small)
    {
      GtkDragSource *source = gtk_drag_source_new ();

      gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
    }
  else
    {
      GtkDropTarget *target = gtk_drop_target_new (CLW_TYPE_BUDDY_CANDIDATE, GDK_ACTION_COPY);

      g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
    }
}

/* GObject ---------------------------------------------------------------------------- */

static void
clw_buddy_practice_row_constructed (GObject *object)
{
  ClwBuddyPracticeRow *self = (ClwBuddyPracticeRow *) object;

  G_OBJECT_CLASS (clw_buddy_practice_row_parent_class)->constructed (object);

  setup_side (self);
  update (self);
}

static void
clw_buddy_practice_row_dispose (GObject *object)
{
  ClwBuddyPracticeRow *self = (ClwBuddyPracticeRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_BUDDY_PRACTICE_ROW);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->candidate);

  G_OBJECT_CLASS (clw_buddy_practice_row_parent_class)->dispose (object);
}

static void
clw_buddy_practice_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ClwBuddyPracticeRow *self = CLW_BUDDY_PRACTICE_ROW (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    case PROP_SMALL:
      g_value_set_boolean (value, self->small);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_practice_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ClwBuddyPracticeRow *self = CLW_BUDDY_PRACTICE_ROW (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      clw_buddy_practice_row_set_candidate (self, g_value_get_object (value));
      break;

    case PROP_SMALL:
      self->small = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_buddy_practice_row_class_init (ClwBuddyPracticeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = clw_buddy_practice_row_constructed;
  object_class->dispose = clw_buddy_practice_row_dispose;
  object_class->get_property = clw_buddy_practice_row_get_property;
  object_class->set_property = clw_buddy_practice_row_set_property;

  properties[PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL,
                         CLW_TYPE_BUDDY_CANDIDATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMALL] =
    g_param_spec_boolean ("small", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-buddy-practice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPracticeRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPracticeRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPracticeRow, name_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clwbuddypracticerow");
}

static void
clw_buddy_practice_row_init (ClwBuddyPracticeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 10);
}

ClwBuddyPracticeRow *
clw_buddy_practice_row_new (gboolean small)
{
  return g_object_new (CLW_TYPE_BUDDY_PRACTICE_ROW, "small", small, NULL);
}

ClwBuddyCandidate *
clw_buddy_practice_row_get_candidate (ClwBuddyPracticeRow *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PRACTICE_ROW (self), NULL);

  return self->candidate;
}

void
clw_buddy_practice_row_set_candidate (ClwBuddyPracticeRow *self,
                                      ClwBuddyCandidate   *candidate)
{
  g_return_if_fail (CLW_IS_BUDDY_PRACTICE_ROW (self));
  g_return_if_fail (candidate == NULL || CLW_IS_BUDDY_CANDIDATE (candidate));

  if (!g_set_object (&self->candidate, candidate))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANDIDATE]);
}

gboolean
clw_buddy_practice_row_get_small (ClwBuddyPracticeRow *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PRACTICE_ROW (self), FALSE);

  return self->small;
}

void
clw_buddy_practice_row_popup_menu (ClwBuddyPracticeRow *self)
{
  g_return_if_fail (CLW_IS_BUDDY_PRACTICE_ROW (self));

  if (self->small && self->candidate != NULL)
    gtk_menu_button_popup (self->menu_button);
}
