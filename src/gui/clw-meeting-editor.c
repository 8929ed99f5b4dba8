/* clw-meeting-editor.c: one meeting: details, agenda, attendance, actions, minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit is stored when it is made (a field when it is applied, the
 * minutes when typing pauses or the focus leaves), as one change that
 * Ctrl+Z undoes. What another part of the window changes (an undo) shows
 * here at once.
 */

#define G_LOG_DOMAIN "clw-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-attendance-sheet.h"
#include "clw-date-entry.h"
#include "clw-evidence-list.h"
#include "clw-gui-util.h"
#include "clw-meeting-editor.h"

#define MINUTES_PAUSE_MS 1500

struct _ClwMeetingEditor
{
  GtkWidget           parent_instance;

  ClwSession         *session;       /* owned */
  ClwMeeting         *meeting;       /* owned */
  char               *meeting_id;    /* owned */
  char               *title;         /* owned */
  gulong              changed_id;
  guint               minutes_source;
  gboolean            updating;      /* showing the meeting: no edit */

  /* Template children */
  GtkWidget          *actions_group;
  GtkBox             *agenda_box;
  ClwDateEntry       *date_entry;
  AdwViewStack       *editor_stack;
  ClwEvidenceList    *evidence_list;
  GtkTextBuffer      *minutes_buffer;
  GtkTextView        *minutes_view;
  AdwEntryRow        *new_action_row;
  ClwDateEntry       *new_due_entry;
  AdwEntryRow        *new_owner_row;
  AdwEntryRow        *place_row;
  ClwAttendanceSheet *sheet;
  GtkStack           *stack;
  AdwComboRow        *status_row;
  AdwEntryRow        *time_row;
  GtkLabel           *timing_label;
  GPtrArray          *agenda_groups;   /* owned: the groups made for the sections */
  GPtrArray          *action_rows;     /* owned: the rows made for the actions */
};

G_DEFINE_FINAL_TYPE (ClwMeetingEditor, clw_meeting_editor, GTK_TYPE_WIDGET)

static gboolean
save (ClwMeetingEditor *self,
      ClwRecord        *record,
      const char       *label,
      const char       *heading)
{
  g_autoptr(GError) error = NULL;

  if (!clw_session_save (self->session, record, label, &error))
    {
      clw_show_error (GTK_WIDGET (self), heading, error);
      return FALSE;
    }
  return TRUE;
}

static ClwMeeting *
copy_meeting (ClwMeetingEditor *self)
{
  return CLW_MEETING (clw_record_copy (CLW_RECORD (self->meeting)));
}

/* Details ---------------------------------------------------------------------- */

static void
show_details (ClwMeetingEditor *self)
{
  const char *starts_at = clw_meeting_get_starts_at (self->meeting);
  g_autofree char *date = g_strndup (starts_at, 10);
  g_autofree char *warning = NULL;

  self->updating = TRUE;
  clw_date_entry_set_text (self->date_entry, date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), strlen (starts_at) >= 16 ? starts_at + 11 : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), clw_meeting_get_place (self->meeting));
  adw_combo_row_set_selected (self->status_row, clw_meeting_get_status (self->meeting));
  self->updating = FALSE;

  if (clw_meeting_get_status (self->meeting) != CLW_MEETING_STATUS_CANCELLED)
    warning = clw_session_dup_timing_warning (self->session, starts_at);
  gtk_label_set_label (self->timing_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->timing_label), warning != NULL);

  g_free (self->title);
  self->title = clw_format_datetime (starts_at);
}

static void
change_starts_at (ClwMeetingEditor *self,
                  const char       *date,
                  const char       *time)
{
  g_autofree char *starts_at = g_strdup_printf ("%sT%s", date, time);
  g_autoptr(ClwMeeting) changed = NULL;

  if (!clw_datetime_is_valid (starts_at))
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("“%s” is not a date and time: write the date as YYYY-MM-DD and the "
                     "time as HH:MM, as 2023-03-14 and 14:00."), starts_at);
      clw_show_error (GTK_WIDGET (self), _("Could Not Move the Meeting"), error);
      show_details (self);
      return;
    }

  if (g_strcmp0 (starts_at, clw_meeting_get_starts_at (self->meeting)) == 0)
    return;

  changed = copy_meeting (self);
  g_object_set (changed, "starts-at", starts_at, NULL);
  save (self, CLW_RECORD (changed), _("Move the meeting"), _("Could Not Move the Meeting"));
}

static void
date_committed_cb (ClwMeetingEditor *self)
{
  if (self->updating || self->meeting == NULL)
    return;

  change_starts_at (self, clw_date_entry_get_text (self->date_entry),
                    gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
}

static void
time_applied_cb (ClwMeetingEditor *self)
{
  if (self->updating || self->meeting == NULL)
    return;

  change_starts_at (self, clw_date_entry_get_text (self->date_entry),
                    gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
}

static void
place_applied_cb (ClwMeetingEditor *self)
{
  g_autoptr(ClwMeeting) changed = NULL;

  if (self->updating || self->meeting == NULL)
    return;

  changed = copy_meeting (self);
  g_object_set (changed, "place", gtk_editable_get_text (GTK_EDITABLE (self->place_row)), NULL);
  save (self, CLW_RECORD (changed), _("Change the place"), _("Could Not Change the Place"));
}

static void
status_selected_cb (ClwMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);
  g_autoptr(ClwMeeting) changed = NULL;
  const char *label;

  if (self->updating || self->meeting == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) clw_meeting_get_status (self->meeting))
    return;

  switch (selected)
    {
    case CLW_MEETING_STATUS_HELD:
      label = _("Mark the meeting held");
      break;
    case CLW_MEETING_STATUS_CANCELLED:
      label = _("Cancel the meeting");
      break;
    case CLW_MEETING_STATUS_PLANNED:
    default:
      label = _("Mark the meeting planned");
      break;
    }

  changed = copy_meeting (self);
  g_object_set (changed, "status", (ClwMeetingStatus) selected, NULL);
  if (!save (self, CLW_RECORD (changed), label, _("Could Not Change the Meeting’s Status")))
    show_details (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClwMeetingEditor *self = CLW_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeeting) meeting = NULL;

  if (self->meeting == NULL)
    return;

  meeting = g_object_ref (self->meeting);
  if (!clw_session_delete (self->session, CLW_RECORD (meeting), _("Delete the meeting"), &error))
    {
      clw_show_error (widget, _("Could Not Delete the Meeting"), error);
      return;
    }

  clw_widget_add_toast (widget, _("Meeting deleted"), TRUE);
  gtk_widget_activate_action (widget, "win.go-back", NULL);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (CLW_MEETING_EDITOR (widget)->editor_stack, "details");
}

/* Minutes ---------------------------------------------------------------------- */

static void
store_minutes (ClwMeetingEditor *self)
{
  g_autoptr(ClwMeeting) changed = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->minutes_source, g_source_remove);
  if (self->meeting == NULL || self->session == NULL)
    return;

  gtk_text_buffer_get_bounds (self->minutes_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->minutes_buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, clw_meeting_get_minutes (self->meeting)) == 0)
    return;

  changed = copy_meeting (self);
  g_object_set (changed, "minutes", text, NULL);
  save (self, CLW_RECORD (changed), _("Edit the minutes"), _("Could Not Store the Minutes"));
}

static gboolean
minutes_pause_cb (gpointer user_data)
{
  ClwMeetingEditor *self = user_data;

  self->minutes_source = 0;
  store_minutes (self);
  return G_SOURCE_REMOVE;
}

static void
minutes_changed_cb (ClwMeetingEditor *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->minutes_source, g_source_remove);
  self->minutes_source = g_timeout_add (MINUTES_PAUSE_MS, minutes_pause_cb, self);
}

static void
minutes_focus_leave_cb (ClwMeetingEditor *self)
{
  store_minutes (self);
}

static void
show_minutes (ClwMeetingEditor *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  /* Never under the user's fingers. */
  if (gtk_widget_has_focus (GTK_WIDGET (self->minutes_view)) || self->minutes_source != 0)
    return;

  gtk_text_buffer_get_bounds (self->minutes_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->minutes_buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, clw_meeting_get_minutes (self->meeting)) == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (self->minutes_buffer, clw_meeting_get_minutes (self->meeting), -1);
  self->updating = FALSE;
}

/* Agenda ---------------------------------------------------------------------- */

static void
agenda_item_applied_cb (AdwEntryRow      *row,
                        ClwMeetingEditor *self)
{
  ClwAgendaItem *item = g_object_get_data (G_OBJECT (row), "item");
  g_autoptr(ClwRecord) changed = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (clw_text_is_blank (text))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), clw_agenda_item_get_title (item));
      return;
    }

  changed = clw_record_copy (CLW_RECORD (item));
  g_object_set (changed, "title", text, NULL);
  save (self, changed, _("Rename an agenda item"), _("Could Not Rename the Agenda Item"));
}

static void
agenda_item_remove_cb (GtkButton        *button,
                       ClwMeetingEditor *self)
{
  ClwAgendaItem *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(ClwAgendaItem) removed = g_object_ref (item);
  g_autoptr(GError) error = NULL;

  if (!clw_session_delete (self->session, CLW_RECORD (removed), _("Remove an agenda item"), &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Remove the Agenda Item"), error);
      return;
    }
  clw_widget_add_toast (GTK_WIDGET (self), _("Agenda item removed"), TRUE);
}

static void
agenda_item_added_cb (AdwEntryRow      *row,
                      ClwMeetingEditor *self)
{
  ClwAgendaSection section = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "section"));
  int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "next-position"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(ClwAgendaItem) item = NULL;

  if (clw_text_is_blank (text) || self->meeting == NULL)
    return;

  item = clw_agenda_item_new ();
  g_object_set (item,
                "meeting-id", self->meeting_id,
                "section", section,
                "position", position,
                "title", text,
                NULL);
  if (save (self, CLW_RECORD (item), _("Add an agenda item"), _("Could Not Add the Agenda Item")))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
show_agenda (ClwMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) items = NULL;
  guint n;

  for (guint i = 0; i < self->agenda_groups->len; i++)
    gtk_box_remove (self->agenda_box, g_ptr_array_index (self->agenda_groups, i));
  g_ptr_array_set_size (self->agenda_groups, 0);

  items = clw_agenda_item_list_for_meeting (clw_session_get_database (self->session), self->meeting_id, &error);
  if (items == NULL)
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Read the Agenda"), error);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (items));

  /* One group a section, in the order of an NHS Wales meeting pack. */
  for (int section = CLW_AGENDA_SECTION_WELCOME; section <= CLW_AGENDA_SECTION_INFORMATION; section++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *add_row = adw_entry_row_new ();
      g_autofree char *title = g_strdup_printf ("%d. %s", section + 1, clw_agenda_section_to_label (section));
      int next_position = 0;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClwAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);
          GtkWidget *row, *remove;
          g_autofree char *row_title = NULL;

          if ((int) clw_agenda_item_get_section (item) != section)
            continue;

          next_position = MAX (next_position, clw_agenda_item_get_position (item) + 1);
          row = adw_entry_row_new ();
          row_title = clw_agenda_item_get_presenter (item) != NULL && *clw_agenda_item_get_presenter (item) != '\0'
                        ? g_strdup_printf (_("Item, presented by %s"), clw_agenda_item_get_presenter (item))
                        : g_strdup (_("Item"));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
          gtk_editable_set_text (GTK_EDITABLE (row), clw_agenda_item_get_title (item));
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);
          g_signal_connect (row, "apply", G_CALLBACK (agenda_item_applied_cb), self);

          remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove the Item"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Remove the item"), -1);
          g_object_set_data_full (G_OBJECT (remove), "item", g_object_ref (item), g_object_unref);
          g_signal_connect (remove, "clicked", G_CALLBACK (agenda_item_remove_cb), self);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add an item"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
      g_object_set_data (G_OBJECT (add_row), "section", GINT_TO_POINTER (section));
      g_object_set_data (G_OBJECT (add_row), "next-position", GINT_TO_POINTER (next_position));
      g_signal_connect (add_row, "apply", G_CALLBACK (agenda_item_added_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_row);

      gtk_box_append (self->agenda_box, group);
      g_ptr_array_add (self->agenda_groups, group);
    }
}

/* Actions --------------------------------------------------------------------- */

static void
action_status_cb (GtkDropDown      *dropdown,
                  GParamSpec       *pspec,
                  ClwMeetingEditor *self)
{
  ClwActionItem *action = g_object_get_data (G_OBJECT (dropdown), "action");
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(ClwRecord) changed = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) clw_action_item_get_status (action))
    return;

  changed = clw_record_copy (CLW_RECORD (action));
  g_object_set (changed, "status", (ClwActionStatus) selected, NULL);
  save (self, changed, _("Change an action’s status"), _("Could Not Change the Action"));
}

static void
action_field_applied_cb (AdwEntryRow      *row,
                         ClwMeetingEditor *self)
{
  ClwActionItem *action = g_object_get_data (G_OBJECT (row), "action");
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  g_autoptr(ClwRecord) changed = clw_record_copy (CLW_RECORD (action));

  g_object_set (changed, property, gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
  if (!save (self, changed, _("Edit an action"), _("Could Not Change the Action")))
    {
      g_autofree char *stored = NULL;
      g_object_get (action, property, &stored, NULL);
      gtk_editable_set_text (GTK_EDITABLE (row), stored != NULL ? stored : "");
    }
}

static void
action_due_committed_cb (ClwDateEntry     *entry,
                         ClwMeetingEditor *self)
{
  ClwActionItem *action = g_object_get_data (G_OBJECT (entry), "action");
  g_autoptr(ClwRecord) changed = clw_record_copy (CLW_RECORD (action));

  g_object_set (changed, "due-on", clw_date_entry_get_text (entry), NULL);
  if (!save (self, changed, _("Change an action’s due date"), _("Could Not Change the Action")))
    clw_date_entry_set_text (entry, clw_action_item_get_due_on (action));
}

static void
action_remove_cb (GtkButton        *button,
                  ClwMeetingEditor *self)
{
  g_autoptr(ClwActionItem) removed = g_object_ref (g_object_get_data (G_OBJECT (button), "action"));
  g_autoptr(GError) error = NULL;

  if (!clw_session_delete (self->session, CLW_RECORD (removed), _("Remove an action"), &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Remove the Action"), error);
      return;
    }
  clw_widget_add_toast (GTK_WIDGET (self), _("Action removed"), TRUE);
}

static GtkWidget *
make_action_row (ClwMeetingEditor *self,
                 ClwActionItem    *action,
                 const GDate      *today)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *description = adw_entry_row_new ();
  GtkWidget *owner = adw_entry_row_new ();
  GtkWidget *due_row = adw_action_row_new ();
  GtkWidget *due = g_object_new (CLW_TYPE_DATE_ENTRY, "label", _("Due date"), NULL);
  GtkWidget *status = gtk_drop_down_new (NULL, NULL);
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Action"));
  GtkWidget *remove_row = adw_action_row_new ();
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *due_text = clw_format_date (clw_action_item_get_due_on (action));
  g_autofree char *subtitle = NULL;
  gboolean overdue = clw_action_item_is_overdue (action, today);

  /* Translators: under an action: its owner and due date */
  subtitle = g_strdup_printf (overdue ? _("%s · overdue since %s") : _("%s · due %s"),
                              clw_action_item_get_owner (action), due_text);
  g_object_set (row,
                "title", clw_action_item_get_description (action),
                "subtitle", subtitle,
                NULL);
  if (overdue)
    {
      GtkWidget *flag = gtk_label_new (_("Overdue"));
      gtk_widget_add_css_class (flag, "overdue");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), flag);
    }

  for (int i = CLW_ACTION_STATUS_OPEN; i <= CLW_ACTION_STATUS_DONE; i++)
    gtk_string_list_append (statuses, clw_action_status_to_label (i));
  gtk_drop_down_set_model (GTK_DROP_DOWN (status), G_LIST_MODEL (statuses));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), clw_action_item_get_status (action));
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_object_set_data_full (G_OBJECT (status), "action", g_object_ref (action), g_object_unref);
  g_signal_connect (status, "notify::selected", G_CALLBACK (action_status_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (description), _("What is to be done"));
  gtk_editable_set_text (GTK_EDITABLE (description), clw_action_item_get_description (action));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (description), TRUE);
  g_object_set_data_full (G_OBJECT (description), "action", g_object_ref (action), g_object_unref);
  g_object_set_data (G_OBJECT (description), "property", (gpointer) "description");
  g_signal_connect (description, "apply", G_CALLBACK (action_field_applied_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), description);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (owner), _("Owner"));
  gtk_editable_set_text (GTK_EDITABLE (owner), clw_action_item_get_owner (action));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (owner), TRUE);
  g_object_set_data_full (G_OBJECT (owner), "action", g_object_ref (action), g_object_unref);
  g_object_set_data (G_OBJECT (owner), "property", (gpointer) "owner");
  g_signal_connect (owner, "apply", G_CALLBACK (action_field_applied_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), owner);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due_row), _("Due"));
  clw_date_entry_set_text (CLW_DATE_ENTRY (due), clw_action_item_get_due_on (action));
  g_object_set_data_full (G_OBJECT (due), "action", g_object_ref (action), g_object_unref);
  g_signal_connect (due, "committed", G_CALLBACK (action_due_committed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (due_row), due);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), due_row);

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (remove), "action", g_object_ref (action), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (action_remove_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);

  return row;
}

static void
show_actions (ClwMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) actions = NULL;
  g_autoptr(GDate) today = clw_session_dup_today (self->session);
  guint n;

  for (guint i = 0; i < self->action_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->actions_group),
                                  g_ptr_array_index (self->action_rows, i));
  g_ptr_array_set_size (self->action_rows, 0);

  actions = clw_action_item_list_for_meeting (clw_session_get_database (self->session), self->meeting_id, &error);
  if (actions == NULL)
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Read the Actions"), error);
      return;
    }

  self->updating = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (actions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwActionItem) action = g_list_model_get_item (G_LIST_MODEL (actions), i);
      GtkWidget *row = make_action_row (self, action, today);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->actions_group), row);
      g_ptr_array_add (self->action_rows, row);
    }
  self->updating = FALSE;

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->actions_group),
                                         n == 0 ? _("No actions yet. Add them below as they are agreed.") : NULL);
}

static void
new_action_changed_cb (ClwMeetingEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-action",
                                 !clw_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->new_action_row))) &&
                                 !clw_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->new_owner_row))) &&
                                 clw_date_entry_is_valid (self->new_due_entry, FALSE));
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClwMeetingEditor *self = CLW_MEETING_EDITOR (widget);
  g_autoptr(ClwActionItem) action = NULL;

  if (self->meeting == NULL)
    return;

  action = clw_action_item_new ();
  g_object_set (action,
                "meeting-id", self->meeting_id,
                "description", gtk_editable_get_text (GTK_EDITABLE (self->new_action_row)),
                "owner", gtk_editable_get_text (GTK_EDITABLE (self->new_owner_row)),
                "due-on", clw_date_entry_get_text (self->new_due_entry),
                "status", CLW_ACTION_STATUS_OPEN,
                NULL);
  if (!save (self, CLW_RECORD (action), _("Add an action"), _("Could Not Add the Action")))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->new_action_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_owner_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_action_row));
}

/* Loading --------------------------------------------------------------------- */

static void
load (ClwMeetingEditor *self,
      gboolean          everything)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) meeting = NULL;

  if (self->session == NULL || self->meeting_id == NULL)
    {
      g_clear_object (&self->meeting);
      clw_attendance_sheet_set_meeting (self->sheet, NULL);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }

  meeting = clw_record_load (clw_session_get_database (self->session), CLW_TYPE_MEETING, self->meeting_id, &error);
  if (meeting == NULL)
    {
      /* Gone (deleted, or its adding undone) is said on the page itself. */
      if (!g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND))
        clw_show_error (GTK_WIDGET (self), _("Could Not Read the Meeting"), error);
      g_clear_object (&self->meeting);
      clw_attendance_sheet_set_meeting (self->sheet, NULL);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }

  g_set_object (&self->meeting, CLW_MEETING (meeting));
  show_details (self);
  show_minutes (self);
  clw_attendance_sheet_set_meeting (self->sheet, self->meeting);
  if (everything)
    {
      show_agenda (self);
      show_actions (self);
    }
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
database_changed_cb (ClwMeetingEditor  *self,
                     const char       **tables)
{
  if (self->meeting_id == NULL)
    return;

  if (g_strv_contains (tables, "meeting"))
    load (self, FALSE);
  if (g_strv_contains (tables, "agenda_item") || g_strv_contains (tables, "meeting"))
    show_agenda (self);
  if (g_strv_contains (tables, "action_item") || g_strv_contains (tables, "meeting"))
    show_actions (self);
}

/* GObject ---------------------------------------------------------------------- */

static void
clw_meeting_editor_dispose (GObject *object)
{
  ClwMeetingEditor *self = (ClwMeetingEditor *) object;

  if (self->minutes_source != 0)
    store_minutes (self);
  clw_meeting_editor_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_MEETING_EDITOR);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->agenda_groups, g_ptr_array_unref);
  g_clear_pointer (&self->action_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (clw_meeting_editor_parent_class)->dispose (object);
}

static void
clw_meeting_editor_finalize (GObject *object)
{
  ClwMeetingEditor *self = (ClwMeetingEditor *) object;

  g_free (self->meeting_id);
  g_free (self->title);

  G_OBJECT_CLASS (clw_meeting_editor_parent_class)->finalize (object);
}

static void
clw_meeting_editor_unmap (GtkWidget *widget)
{
  ClwMeetingEditor *self = CLW_MEETING_EDITOR (widget);

  /* Leaving the meeting keeps what was typed. */
  if (self->minutes_source != 0)
    store_minutes (self);

  GTK_WIDGET_CLASS (clw_meeting_editor_parent_class)->unmap (widget);
}

static void
clw_meeting_editor_class_init (ClwMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_meeting_editor_dispose;
  object_class->finalize = clw_meeting_editor_finalize;

  widget_class->unmap = clw_meeting_editor_unmap;

  g_type_ensure (CLW_TYPE_ATTENDANCE_SHEET);
  g_type_ensure (CLW_TYPE_DATE_ENTRY);
  g_type_ensure (CLW_TYPE_EVIDENCE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, actions_group);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, minutes_buffer);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, minutes_view);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, new_action_row);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, new_due_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, new_owner_row);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, sheet);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingEditor, timing_label);
  gtk_widget_class_bind_template_callback (widget_class, date_committed_cb);
  gtk_widget_class_bind_template_callback (widget_class, minutes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, minutes_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_action_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_applied_cb);

  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.show-details", NULL, show_details_action);
  gtk_widget_class_install_action (widget_class, "editor.add-action", NULL, add_action_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_meeting_editor_init (ClwMeetingEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->agenda_groups = g_ptr_array_new ();
  self->action_rows = g_ptr_array_new ();
  /* Files dropped anywhere on the meeting are its evidence. */
  clw_evidence_list_add_drop_target (self->evidence_list, GTK_WIDGET (self));

  for (int i = CLW_MEETING_STATUS_PLANNED; i <= CLW_MEETING_STATUS_CANCELLED; i++)
    gtk_string_list_append (statuses, clw_meeting_status_to_label (i));
  self->updating = TRUE;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->updating = FALSE;

  new_action_changed_cb (self);
}

void
clw_meeting_editor_set_session (ClwMeetingEditor *self,
                                ClwSession       *session)
{
  g_return_if_fail (CLW_IS_MEETING_EDITOR (self));
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
  g_clear_pointer (&self->meeting_id, g_free);
  g_clear_object (&self->meeting);

  if (self->sheet != NULL)
    {
      clw_attendance_sheet_set_session (self->sheet, session);
      clw_evidence_list_set_session (self->evidence_list, session);
      load (self, TRUE);
    }
}

void
clw_meeting_editor_set_meeting_id (ClwMeetingEditor *self,
                                   const char       *meeting_id)
{
  g_return_if_fail (CLW_IS_MEETING_EDITOR (self));

  if (self->minutes_source != 0)
    store_minutes (self);

  g_free (self->meeting_id);
  self->meeting_id = g_strdup (meeting_id);
  clw_evidence_list_set_meeting_id (self->evidence_list, meeting_id);
  load (self, TRUE);

  /* At a meeting, the attendance comes first. */
  adw_view_stack_set_visible_child_name (self->editor_stack, "attendance");
}

const char *
clw_meeting_editor_get_meeting_id (ClwMeetingEditor *self)
{
  g_return_val_if_fail (CLW_IS_MEETING_EDITOR (self), NULL);

  return self->meeting != NULL ? self->meeting_id : NULL;
}

const char *
clw_meeting_editor_get_title (ClwMeetingEditor *self)
{
  g_return_val_if_fail (CLW_IS_MEETING_EDITOR (self), NULL);

  return self->title != NULL ? self->title : "";
}

void
clw_meeting_editor_show_attendance (ClwMeetingEditor *self)
{
  g_return_if_fail (CLW_IS_MEETING_EDITOR (self));

  adw_view_stack_set_visible_child_name (self->editor_stack, "attendance");
  clw_attendance_sheet_focus_first (self->sheet);
}

void
clw_meeting_editor_show_view (ClwMeetingEditor *self,
                              const char       *name)
{
  g_return_if_fail (CLW_IS_MEETING_EDITOR (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->editor_stack, name);
}
