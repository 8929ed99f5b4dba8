/* clw-attendance-row.c: the widgets of one practice's line of the attendance sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made for fast entry in the room without the mouse: A, P or X on the
 * attendance sets it, Tab moves from field to field, Enter (and Tab after
 * the role) goes on to the next practice, Shift+Enter back. The row stores
 * nothing itself: it asks the sheet ("sheet.store"), which knows the
 * meeting and the session.
 */

#define G_LOG_DOMAIN "clw-attendance-row"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-attendance-row.h"

struct _ClwAttendanceRow
{
  GtkWidget           parent_instance;

  ClwAttendanceEntry *entry;        /* owned, nullable */
  gulong              notify_id;
  gboolean            updating;     /* showing the entry: no edit */

  GtkWidget          *choices;      /* owned: the popover of choices, made when first needed */
  GtkListBox         *choice_list;
  gboolean            choosing_role;

  /* Template children */
  GtkInscription     *code_label;
  GtkWidget          *detail_box;
  GtkImage           *detail_icon;
  GtkLabel           *detail_label;
  GtkButton          *fix_button;
  GtkInscription     *name_label;
  GtkWidget          *role_button;
  GtkInscription     *role_label;
  GtkEntry           *rep_entry;
  GtkWidget          *status_button;
  GtkInscription     *status_label;
};

G_DEFINE_FINAL_TYPE (ClwAttendanceRow, clw_attendance_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ask_sheet (ClwAttendanceRow *self,
           const char       *action)
{
  if (self->entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "s",
                                clw_attendance_entry_get_practice_id (self->entry));
}

/* -1 is "not recorded", as the entry says. */
static const char *
status_text (int status)
{
  return status < 0 ? _("Not recorded") : clw_attendance_status_to_label (status);
}

static const char *
role_text (int role)
{
  return role < 0 ? _("No role given") : clw_representative_role_to_label (role);
}

static void
update_choice_labels (ClwAttendanceRow *self)
{
  const char *code = clw_practice_get_code (clw_attendance_entry_get_practice (self->entry));
  int status = clw_attendance_entry_get_status (self->entry);
  int role = clw_attendance_entry_get_role (self->entry);
  g_autofree char *status_a11y = NULL;
  g_autofree char *role_a11y = NULL;
  g_autofree char *name_a11y = NULL;

  gtk_inscription_set_text (self->status_label, status_text (status));
  gtk_inscription_set_text (self->role_label, role_text (role));

  /* Translators: for screen readers: the field, the practice, its value */
  status_a11y = g_strdup_printf (_("Attendance of %s: %s"), code, status_text (status));
  role_a11y = g_strdup_printf (_("Role of the representative of %s: %s"), code, role_text (role));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button), GTK_ACCESSIBLE_PROPERTY_LABEL, status_a11y, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_button), GTK_ACCESSIBLE_PROPERTY_LABEL, role_a11y, -1);
  name_a11y = g_strdup_printf (_("Representative of %s"), code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rep_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name_a11y, -1);
}

static void
sync_from_entry (ClwAttendanceRow *self)
{
  const char *warning, *hint, *reason;
  const char *text = NULL;
  const char *icon = NULL;
  ClwAttendanceFix fix;

  if (self->entry == NULL)
    return;

  self->updating = TRUE;

  gtk_inscription_set_text (self->code_label, clw_practice_get_code (clw_attendance_entry_get_practice (self->entry)));
  gtk_inscription_set_text (self->name_label, clw_practice_get_name (clw_attendance_entry_get_practice (self->entry)));
  update_choice_labels (self);
  /* Never replace what is being typed. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->rep_entry)) &&
      !gtk_widget_is_focus (GTK_WIDGET (self->rep_entry)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->rep_entry)),
                 clw_attendance_entry_get_representative_name (self->entry)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->rep_entry),
                           clw_attendance_entry_get_representative_name (self->entry));

  warning = clw_attendance_entry_get_warning (self->entry);
  hint = clw_attendance_entry_get_hint (self->entry);
  reason = clw_attendance_entry_get_reason (self->entry);
  fix = clw_attendance_entry_get_fix (self->entry);

  gtk_widget_remove_css_class (GTK_WIDGET (self->detail_label), "inline-warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  gtk_widget_remove_css_class (self->detail_box, "inline-warning-box");
  gtk_widget_remove_css_class (GTK_WIDGET (self->detail_icon), "inline-warning");

  if (hint != NULL && *hint != '\0')
    {
      text = hint;
      icon = "dialog-information-symbolic";
    }
  else if (warning != NULL && *warning != '\0')
    {
      text = warning;
      icon = "dialog-warning-symbolic";
      gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "inline-warning");
      gtk_widget_add_css_class (self->detail_box, "inline-warning-box");
      gtk_widget_add_css_class (GTK_WIDGET (self->detail_icon), "inline-warning");
    }
  else if (reason != NULL && *reason != '\0')
    {
      text = reason;
      icon = clw_attendance_entry_get_status (self->entry) >= 0 ? "emblem-ok-symbolic" : NULL;
      gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
    }

  gtk_label_set_label (self->detail_label, text != NULL ? text : "");
  gtk_image_set_from_icon_name (self->detail_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_icon), icon != NULL);
  gtk_widget_set_visible (self->detail_box, text != NULL);

  switch (fix)
    {
    case CLW_ATTENDANCE_FIX_AGREEMENT:
      gtk_button_set_label (self->fix_button, _("Record _Agreement…"));
      break;
    case CLW_ATTENDANCE_FIX_ENGAGEMENT:
      gtk_button_set_label (self->fix_button, _("Record _Engagement…"));
      break;
    case CLW_ATTENDANCE_FIX_NONE:
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->fix_button),
                          fix != CLW_ATTENDANCE_FIX_NONE && (hint == NULL || *hint == '\0'));

  /* The name field only means something for a practice that attended. */
  gtk_widget_set_sensitive (self->role_button,
                            clw_attendance_entry_get_status (self->entry) == CLW_ATTENDANCE_STATUS_ATTENDED ||
                            clw_attendance_entry_get_status (self->entry) < 0);

  self->updating = FALSE;

  if (clw_attendance_entry_take_focus_request (self->entry))
    gtk_widget_grab_focus (self->status_button);
}

static void
entry_notify_cb (ClwAttendanceRow *self,
                 GParamSpec       *pspec)
{
  /* Another practice in this line: what was typed was the other's. */
  if (pspec != NULL && g_str_equal (pspec->name, "code"))
    gtk_editable_set_text (GTK_EDITABLE (self->rep_entry),
                           clw_attendance_entry_get_representative_name (self->entry));
  sync_from_entry (self);
}

static void
choose_status (ClwAttendanceRow *self,
               int               status)
{
  if (self->updating || self->entry == NULL || status == clw_attendance_entry_get_status (self->entry))
    return;

  clw_attendance_entry_set_status (self->entry, status);
  ask_sheet (self, "sheet.store");
}

static void
choose_role (ClwAttendanceRow *self,
             int               role)
{
  if (self->updating || self->entry == NULL || role == clw_attendance_entry_get_role (self->entry))
    return;

  clw_attendance_entry_set_role (self->entry, role);
  /* Choosing a role says the practice attended. */
  if (role >= 0 && clw_attendance_entry_get_status (self->entry) < 0)
    clw_attendance_entry_set_status (self->entry, CLW_ATTENDANCE_STATUS_ATTENDED);
  ask_sheet (self, "sheet.store");
}

/* The choices: one small popover a row, made the first time it is asked
 * for (a drop-down a field would make 400 popovers for 200 lines). */
static void
choice_activated_cb (ClwAttendanceRow *self,
                     GtkListBoxRow    *row)
{
  int value = gtk_list_box_row_get_index (row) - 1;
  GtkWidget *button = self->choosing_role ? self->role_button : self->status_button;

  gtk_popover_popdown (GTK_POPOVER (self->choices));
  if (self->choosing_role)
    choose_role (self, value);
  else
    choose_status (self, value);
  gtk_widget_grab_focus (button);
}

static void
show_choices (ClwAttendanceRow *self,
              gboolean          role)
{
  GtkWidget *button = role ? self->role_button : self->status_button;
  int current;
  int last = role ? CLW_REPRESENTATIVE_ROLE_OTHER : CLW_ATTENDANCE_STATUS_ABSENT;
  GtkWidget *child;

  if (self->entry == NULL)
    return;

  if (self->choices == NULL)
    {
      /* Ours: it moves between the two buttons. */
      self->choices = g_object_ref_sink (gtk_popover_new ());
      self->choice_list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_widget_add_css_class (GTK_WIDGET (self->choice_list), "navigation-sidebar");
      g_signal_connect_swapped (self->choice_list, "row-activated", G_CALLBACK (choice_activated_cb), self);
      gtk_popover_set_child (GTK_POPOVER (self->choices), GTK_WIDGET (self->choice_list));
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choice_list))) != NULL)
    gtk_list_box_remove (self->choice_list, child);
  for (int value = -1; value <= last; value++)
    {
      GtkWidget *label = gtk_label_new (role ? role_text (value) : status_text (value));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->choice_list, label);
    }

  if (gtk_widget_get_parent (self->choices) != button)
    {
      if (gtk_widget_get_parent (self->choices) != NULL)
        gtk_widget_unparent (self->choices);
      gtk_widget_set_parent (self->choices, button);
    }

  self->choosing_role = role;
  current = role ? clw_attendance_entry_get_role (self->entry) : clw_attendance_entry_get_status (self->entry);
  gtk_popover_popup (GTK_POPOVER (self->choices));
  {
    GtkListBoxRow *selected = gtk_list_box_get_row_at_index (self->choice_list, current + 1);
    gtk_list_box_select_row (self->choice_list, selected);
    gtk_widget_grab_focus (GTK_WIDGET (selected));
  }
}

static void
status_clicked_cb (ClwAttendanceRow *self)
{
  show_choices (self, FALSE);
}

static void
role_clicked_cb (ClwAttendanceRow *self)
{
  show_choices (self, TRUE);
}

static void
commit_name (ClwAttendanceRow *self)
{
  const char *text;

  if (self->entry == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->rep_entry));
  if (g_strcmp0 (text, clw_attendance_entry_get_representative_name (self->entry)) == 0)
    return;

  clw_attendance_entry_set_representative_name (self->entry, text);
  /* A representative's name says the practice attended. */
  if (*text != '\0' && clw_attendance_entry_get_status (self->entry) != CLW_ATTENDANCE_STATUS_ATTENDED)
    clw_attendance_entry_set_status (self->entry, CLW_ATTENDANCE_STATUS_ATTENDED);
  ask_sheet (self, "sheet.store");
}

static void
rep_activate_cb (ClwAttendanceRow *self)
{
  commit_name (self);
}

static void
rep_focus_leave_cb (ClwAttendanceRow *self)
{
  commit_name (self);
}

static void
fix_clicked_cb (ClwAttendanceRow *self)
{
  ask_sheet (self, "sheet.fix");
}

static gboolean
focus_is_in (ClwAttendanceRow *self,
             GtkWidget        *widget)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The next role whose label starts with @c, after the one chosen. */
static void
choose_role_by_letter (ClwAttendanceRow *self,
                       gunichar          c)
{
  int n = CLW_REPRESENTATIVE_ROLE_OTHER + 2;   /* with "no role" */
  int current = clw_attendance_entry_get_role (self->entry) + 1;

  c = g_unichar_tolower (c);
  for (int step = 1; step <= n; step++)
    {
      int i = (current + step) % n;
      const char *label = role_text (i - 1);

      if (i > 0 && g_unichar_tolower (g_utf8_get_char (label)) == c)
        {
          choose_role (self, i - 1);
          return;
        }
    }
}

static gboolean
key_pressed_cb (ClwAttendanceRow *self,
                guint             keyval,
                guint             keycode,
                GdkModifierType   state)
{
  gboolean in_status = focus_is_in (self, self->status_button);
  gboolean in_role = focus_is_in (self, self->role_button);
  gboolean in_name = focus_is_in (self, GTK_WIDGET (self->rep_entry));
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  state &= gtk_accelerator_get_default_mod_mask ();

  if (self->entry == NULL)
    return FALSE;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      if (state & ~GDK_SHIFT_MASK)
        return FALSE;
      if (in_name)
        commit_name (self);
      ask_sheet (self, shift ? "sheet.focus-previous" : "sheet.focus-next");
      return TRUE;
    }

  if (keyval == GDK_KEY_Tab && state == 0 && in_role)
    {
      ask_sheet (self, "sheet.focus-next");
      return TRUE;
    }

  if ((keyval == GDK_KEY_ISO_Left_Tab || (keyval == GDK_KEY_Tab && shift)) && in_status)
    {
      ask_sheet (self, "sheet.focus-previous");
      return TRUE;
    }

  if (state != 0 && state != GDK_SHIFT_MASK)
    return FALSE;

  if (in_status)
    {
      int status = -2;

      switch (gdk_keyval_to_lower (keyval))
        {
        case GDK_KEY_a:
          status = CLW_ATTENDANCE_STATUS_ATTENDED;
          break;
        case GDK_KEY_p:
          status = CLW_ATTENDANCE_STATUS_APOLOGIES;
          break;
        case GDK_KEY_x:
          status = CLW_ATTENDANCE_STATUS_ABSENT;
          break;
        case GDK_KEY_BackSpace:
        case GDK_KEY_Delete:
          status = -1;
          break;
        default:
          break;
        }

      if (status != -2)
        {
          choose_status (self, status);
          return TRUE;
        }
    }

  if (in_role)
    {
      gunichar c = gdk_keyval_to_unicode (keyval);

      if (c != 0 && g_unichar_isalpha (c))
        {
          choose_role_by_letter (self, c);
          return TRUE;
        }
      if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete)
        {
          choose_role (self, -1);
          return TRUE;
        }
    }

  return FALSE;
}

static void
clw_attendance_row_dispose (GObject *object)
{
  ClwAttendanceRow *self = (ClwAttendanceRow *) object;

  clw_attendance_row_set_entry (self, NULL);
  if (self->choices != NULL && gtk_widget_get_parent (self->choices) != NULL)
    gtk_widget_unparent (self->choices);
  g_clear_object (&self->choices);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_ATTENDANCE_ROW);
  clw_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (clw_attendance_row_parent_class)->dispose (object);
}

static void
clw_attendance_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClwAttendanceRow *self = CLW_ATTENDANCE_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_attendance_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ClwAttendanceRow *self = CLW_ATTENDANCE_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      {
        GObject *entry = g_value_get_object (value);
        clw_attendance_row_set_entry (self, CLW_IS_ATTENDANCE_ENTRY (entry) ? CLW_ATTENDANCE_ENTRY (entry) : NULL);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_attendance_row_class_init (ClwAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_attendance_row_dispose;
  object_class->get_property = clw_attendance_row_get_property;
  object_class->set_property = clw_attendance_row_set_property;

  /* A GObject, so that a list item's "item" binds to it. */
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, detail_box);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, detail_icon);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, fix_button);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, rep_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, role_button);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, role_label);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, status_button);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, fix_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rep_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, rep_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clwattendancerow");
}

static void
clw_attendance_row_init (ClwAttendanceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_widget_set_visible (self->detail_box, FALSE);
}

void
clw_attendance_row_set_entry (ClwAttendanceRow   *self,
                              ClwAttendanceEntry *entry)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_ROW (self));
  g_return_if_fail (entry == NULL || CLW_IS_ATTENDANCE_ENTRY (entry));

  if (self->entry == entry)
    return;

  if (self->entry != NULL)
    {
      /* What was typed for the practice shown so far is not lost. */
      commit_name (self);
      g_clear_signal_handler (&self->notify_id, self->entry);
    }
  g_set_object (&self->entry, entry);

  if (entry != NULL)
    {
      self->notify_id = g_signal_connect_object (entry, "notify", G_CALLBACK (entry_notify_cb), self,
                                                 G_CONNECT_SWAPPED);
      /* A recycled row shows another practice: drop what was typed. */
      gtk_editable_set_text (GTK_EDITABLE (self->rep_entry),
                             clw_attendance_entry_get_representative_name (entry));
      sync_from_entry (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

ClwAttendanceEntry *
clw_attendance_row_get_entry (ClwAttendanceRow *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_ROW (self), NULL);

  return self->entry;
}
