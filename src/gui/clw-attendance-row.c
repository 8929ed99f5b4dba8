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

  /* Template children */
  GtkLabel           *code_label;
  GtkWidget          *detail_box;
  GtkImage           *detail_icon;
  GtkLabel           *detail_label;
  GtkButton          *fix_button;
  GtkLabel           *name_label;
  GtkDropDown        *role_dropdown;
  GtkEntry           *rep_entry;
  GtkDropDown        *status_dropdown;
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

  gtk_label_set_label (self->code_label, clw_practice_get_code (clw_attendance_entry_get_practice (self->entry)));
  gtk_label_set_label (self->name_label, clw_practice_get_name (clw_attendance_entry_get_practice (self->entry)));
  gtk_drop_down_set_selected (self->status_dropdown, clw_attendance_entry_get_status (self->entry) + 1);
  gtk_drop_down_set_selected (self->role_dropdown, clw_attendance_entry_get_role (self->entry) + 1);
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_dropdown),
                            clw_attendance_entry_get_status (self->entry) == CLW_ATTENDANCE_STATUS_ATTENDED ||
                            clw_attendance_entry_get_status (self->entry) < 0);

  self->updating = FALSE;

  if (clw_attendance_entry_take_focus_request (self->entry))
    gtk_widget_grab_focus (GTK_WIDGET (self->status_dropdown));
}

static void
entry_notify_cb (ClwAttendanceRow *self)
{
  sync_from_entry (self);
}

static void
status_selected_cb (ClwAttendanceRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->updating || self->entry == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  clw_attendance_entry_set_status (self->entry, (int) selected - 1);
  ask_sheet (self, "sheet.store");
}

static void
role_selected_cb (ClwAttendanceRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);

  if (self->updating || self->entry == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  clw_attendance_entry_set_role (self->entry, (int) selected - 1);
  /* Choosing a role says the practice attended. */
  if (selected > 0 && clw_attendance_entry_get_status (self->entry) < 0)
    clw_attendance_entry_set_status (self->entry, CLW_ATTENDANCE_STATUS_ATTENDED);
  ask_sheet (self, "sheet.store");
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

/* The next role whose label starts with @c, after the one selected. */
static void
select_role_by_letter (ClwAttendanceRow *self,
                       gunichar          c)
{
  GListModel *model = gtk_drop_down_get_model (self->role_dropdown);
  guint n = g_list_model_get_n_items (model);
  guint current = gtk_drop_down_get_selected (self->role_dropdown);

  c = g_unichar_tolower (c);
  for (guint step = 1; step <= n; step++)
    {
      guint i = (current + step) % n;
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      if (i > 0 && label != NULL && g_unichar_tolower (g_utf8_get_char (label)) == c)
        {
          gtk_drop_down_set_selected (self->role_dropdown, i);
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
  gboolean in_status = focus_is_in (self, GTK_WIDGET (self->status_dropdown));
  gboolean in_role = focus_is_in (self, GTK_WIDGET (self->role_dropdown));
  gboolean in_name = focus_is_in (self, GTK_WIDGET (self->rep_entry));
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  state &= gtk_accelerator_get_default_mod_mask ();

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
          gtk_drop_down_set_selected (self->status_dropdown, status + 1);
          return TRUE;
        }
    }

  if (in_role)
    {
      gunichar c = gdk_keyval_to_unicode (keyval);

      if (c != 0 && g_unichar_isalpha (c))
        {
          select_role_by_letter (self, c);
          return TRUE;
        }
      if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete)
        {
          gtk_drop_down_set_selected (self->role_dropdown, 0);
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
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceRow, status_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, fix_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rep_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, rep_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clwattendancerow");
}

static void
clw_attendance_row_init (ClwAttendanceRow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  /* The labels are core's, so the sheet and the reports say the same. */
  gtk_string_list_append (statuses, _("Not recorded"));
  for (int i = CLW_ATTENDANCE_STATUS_ATTENDED; i <= CLW_ATTENDANCE_STATUS_ABSENT; i++)
    gtk_string_list_append (statuses, clw_attendance_status_to_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  gtk_string_list_append (roles, _("No role given"));
  for (int i = CLW_REPRESENTATIVE_ROLE_CLINICAL_PARTNER; i <= CLW_REPRESENTATIVE_ROLE_OTHER; i++)
    gtk_string_list_append (roles, clw_representative_role_to_label (i));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));

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
      const char *code = clw_practice_get_code (clw_attendance_entry_get_practice (entry));
      g_autofree char *status_label = g_strdup_printf (_("Attendance of %s"), code);
      g_autofree char *name_label = g_strdup_printf (_("Representative of %s"), code);
      g_autofree char *role_label = g_strdup_printf (_("Role of the representative of %s"), code);

      self->notify_id = g_signal_connect_object (entry, "notify", G_CALLBACK (entry_notify_cb), self,
                                                 G_CONNECT_SWAPPED);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, status_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rep_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, role_label, -1);
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
