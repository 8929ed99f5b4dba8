/* clw-attendance-sheet.c: one line a practice, to record attendance at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every line is stored as soon as it is complete (an attended practice
 * needs its representative's role). Beside each line is the engine's
 * reason for the meeting counting or not; where it does not count although
 * someone took part, the sheet offers what puts it right: recording the
 * health board's agreement to the representative, or the buddied
 * practice's engagement. A meeting in the winter pressure period is
 * pointed out, never refused.
 */

#define G_LOG_DOMAIN "clw-attendance-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-agreement-dialog.h"
#include "clw-attendance-entry.h"
#include "clw-attendance-row.h"
#include "clw-attendance-sheet.h"
#include "clw-engagement-dialog.h"
#include "clw-gui-util.h"

struct _ClwAttendanceSheet
{
  GtkWidget    parent_instance;

  ClwSession  *session;       /* owned */
  ClwMeeting  *meeting;       /* owned */
  GHashTable  *by_practice;   /* owned: practice id -> ClwAttendanceEntry (borrowed) */
  gulong       changed_id;
  gulong       report_id;

  /* Template children */
  GListStore  *entries;
  GtkListView *list_view;
  GtkLabel    *summary_label;
  GtkWidget   *timing_box;
  GtkLabel    *timing_label;
};

G_DEFINE_FINAL_TYPE (ClwAttendanceSheet, clw_attendance_sheet, GTK_TYPE_WIDGET)

static const char *
meeting_id (ClwAttendanceSheet *self)
{
  return self->meeting != NULL ? clw_record_get_id (CLW_RECORD (self->meeting)) : NULL;
}

static ClwAttendanceFix
fix_for (ClwAttendanceEntry *entry,
         ClwPracticeResult  *result)
{
  int role = clw_attendance_entry_get_role (entry);

  if (clw_attendance_entry_get_status (entry) == CLW_ATTENDANCE_STATUS_ATTENDED &&
      role >= 0 && !clw_representative_role_is_clinical (role))
    return CLW_ATTENDANCE_FIX_AGREEMENT;

  if (result != NULL && clw_practice_result_get_buddy_code (result) != NULL)
    return CLW_ATTENDANCE_FIX_ENGAGEMENT;

  return CLW_ATTENDANCE_FIX_NONE;
}

static void
update_summary (ClwAttendanceSheet *self,
                ClwQaifReport      *report)
{
  g_autofree char *text = NULL;
  ClwMeetingStatus status = clw_meeting_get_status (self->meeting);

  if (status == CLW_MEETING_STATUS_CANCELLED)
    text = g_strdup (_("The meeting was cancelled: nobody can be recorded as attending it."));
  else if (report != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
      guint counted = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClwAttendanceEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
          gboolean c = FALSE;

          g_object_get (entry, "counted", &c, NULL);
          counted += c ? 1 : 0;
        }

      if (status == CLW_MEETING_STATUS_PLANNED)
        text = g_strdup (_("The meeting is planned. Record who attended on the day; what is "
                           "recorded counts once the meeting is marked as held."));
      else
        text = g_strdup_printf (ngettext ("The attendance of %u of %u practice counts towards "
                                          "the collaborative indicator.",
                                          "The attendance of %u of %u practices counts towards "
                                          "the collaborative indicator.", n),
                                counted, n);
    }

  gtk_label_set_label (self->summary_label, text != NULL ? text : "");
}

static void
update_outcomes (ClwAttendanceSheet *self)
{
  ClwQaifReport *report = self->session != NULL ? clw_session_get_report (self->session) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (self->meeting == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwAttendanceEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      ClwPracticeResult *result = NULL;
      const ClwMeetingOutcome *outcome = NULL;

      if (report != NULL)
        result = clw_qaif_report_lookup_practice (report, clw_attendance_entry_get_practice_id (entry));
      if (result != NULL)
        outcome = clw_practice_result_find_meeting (result, meeting_id (self));

      if (outcome == NULL)
        clw_attendance_entry_set_outcome (entry, NULL, NULL, FALSE, CLW_ATTENDANCE_FIX_NONE);
      else
        clw_attendance_entry_set_outcome (entry, outcome->reason, outcome->warning, outcome->counted,
                                          outcome->warning != NULL ? fix_for (entry, result)
                                                                   : CLW_ATTENDANCE_FIX_NONE);
    }

  update_summary (self, report);
}

/* Show what is stored, keeping the lines still being filled in. */
static void
reload_attendance (ClwAttendanceSheet *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) stored = NULL;
  g_autoptr(GHashTable) by_practice = NULL;
  guint n;

  if (self->meeting == NULL)
    return;

  stored = clw_attendance_list_for_meeting (clw_session_get_database (self->session), meeting_id (self), &error);
  if (stored == NULL)
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Read the Attendance"), error);
      return;
    }

  by_practice = g_hash_table_new (g_str_hash, g_str_equal);
  n = g_list_model_get_n_items (G_LIST_MODEL (stored));
  for (guint i = 0; i < n; i++)
    {
      ClwAttendance *attendance = g_list_model_get_item (G_LIST_MODEL (stored), i);

      g_hash_table_insert (by_practice, (gpointer) clw_attendance_get_practice_id (attendance), attendance);
      g_object_unref (attendance); /* the store keeps it */
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwAttendanceEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const char *hint = clw_attendance_entry_get_hint (entry);

      if (hint == NULL || *hint == '\0')
        clw_attendance_entry_set_attendance (entry,
                                             g_hash_table_lookup (by_practice,
                                                                  clw_attendance_entry_get_practice_id (entry)));
    }
}

static void
load (ClwAttendanceSheet *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) collaborative = NULL;
  g_autoptr(GListStore) practices = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *warning = NULL;
  guint n, n_old;

  g_hash_table_remove_all (self->by_practice);
  gtk_widget_set_visible (self->timing_box, FALSE);

  if (self->session == NULL || self->meeting == NULL)
    {
      g_list_store_remove_all (self->entries);
      return;
    }

  collaborative = clw_record_load (clw_session_get_database (self->session), CLW_TYPE_COLLABORATIVE,
                                   clw_meeting_get_collaborative_id (self->meeting), &error);
  if (collaborative != NULL)
    practices = clw_practice_list_for_cluster (clw_session_get_database (self->session),
                                               clw_collaborative_get_cluster_id (CLW_COLLABORATIVE (collaborative)),
                                               &error);
  if (practices == NULL)
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Read the Practices"), error);
      return;
    }

  /* The lines already there take the practices in order (their widgets
   * stay); lines are added or removed only for the difference. */
  n = g_list_model_get_n_items (G_LIST_MODEL (practices));
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPractice) practice = g_list_model_get_item (G_LIST_MODEL (practices), i);
      ClwAttendanceEntry *entry;

      if (i < n_old)
        {
          entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
          clw_attendance_entry_set_practice (entry, practice);
          g_object_unref (entry); /* the store keeps it */
        }
      else
        {
          entry = clw_attendance_entry_new (practice);
          g_ptr_array_add (entries, entry);
        }
      g_hash_table_insert (self->by_practice, (gpointer) clw_attendance_entry_get_practice_id (entry), entry);
    }
  if (n > n_old)
    g_list_store_splice (self->entries, n_old, 0, entries->pdata, entries->len);
  else if (n < n_old)
    g_list_store_splice (self->entries, n, n_old - n, NULL, 0);

  reload_attendance (self);
  update_outcomes (self);

  if (clw_meeting_get_status (self->meeting) != CLW_MEETING_STATUS_CANCELLED)
    warning = clw_session_dup_timing_warning (self->session, clw_meeting_get_starts_at (self->meeting));
  gtk_label_set_label (self->timing_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (self->timing_box, warning != NULL);
}

static void
database_changed_cb (ClwAttendanceSheet  *self,
                     const char         **tables)
{
  if (self->meeting == NULL)
    return;

  if (g_strv_contains (tables, "practice"))
    load (self);
  else if (g_strv_contains (tables, "attendance"))
    reload_attendance (self);
}

static ClwAttendanceEntry *
lookup_entry (ClwAttendanceSheet *self,
              GVariant           *parameter)
{
  return g_hash_table_lookup (self->by_practice, g_variant_get_string (parameter, NULL));
}

/* Actions of the rows ---------------------------------------------------------- */

static void
store_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClwAttendanceSheet *self = CLW_ATTENDANCE_SHEET (widget);
  ClwAttendanceEntry *entry = lookup_entry (self, parameter);
  ClwAttendance *stored;
  g_autoptr(ClwAttendance) record = NULL;
  g_autoptr(GError) error = NULL;
  int status, role;

  if (entry == NULL || self->session == NULL || self->meeting == NULL)
    return;

  stored = clw_attendance_entry_get_attendance (entry);
  status = clw_attendance_entry_get_status (entry);
  role = clw_attendance_entry_get_role (entry);

  if (status < 0)
    {
      g_autoptr(ClwAttendance) removed = NULL;

      clw_attendance_entry_set_hint (entry, NULL);
      if (stored == NULL)
        return;

      removed = g_object_ref (stored);
      if (!clw_session_delete (self->session, CLW_RECORD (removed), _("Clear attendance"), &error))
        {
          clw_show_error (widget, _("Could Not Clear the Attendance"), error);
          clw_attendance_entry_set_attendance (entry, stored);
          return;
        }
      clw_widget_add_toast (widget, _("Attendance cleared"), TRUE);
      return;
    }

  if (status == CLW_ATTENDANCE_STATUS_ATTENDED && role < 0)
    {
      clw_attendance_entry_set_hint (entry, _("Choose the representative’s role to record the attendance."));
      return;
    }

  record = stored != NULL ? CLW_ATTENDANCE (clw_record_copy (CLW_RECORD (stored))) : clw_attendance_new ();
  g_object_set (record,
                "meeting-id", meeting_id (self),
                "practice-id", clw_attendance_entry_get_practice_id (entry),
                "status", status,
                NULL);
  if (status == CLW_ATTENDANCE_STATUS_ATTENDED)
    g_object_set (record,
                  "representative-name", clw_attendance_entry_get_representative_name (entry),
                  "representative-role", clw_enum_to_nick (CLW_TYPE_REPRESENTATIVE_ROLE, role),
                  NULL);
  else
    g_object_set (record,
                  "representative-name", "",
                  "representative-role", NULL,
                  NULL);

  if (!clw_session_save (self->session, CLW_RECORD (record), _("Record attendance"), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Record the Attendance of %s"),
                                                  clw_practice_get_code (clw_attendance_entry_get_practice (entry)));
      clw_show_error (widget, heading, error);
      clw_attendance_entry_set_attendance (entry, stored);
      return;
    }

  clw_attendance_entry_set_hint (entry, NULL);
  clw_attendance_entry_set_attendance (entry, record);
}

static void
move_focus (ClwAttendanceSheet *self,
            GVariant           *parameter,
            int                 step)
{
  ClwAttendanceEntry *entry = lookup_entry (self, parameter);
  guint position;
  g_autoptr(ClwAttendanceEntry) target = NULL;

  if (entry == NULL || !g_list_store_find (self->entries, entry, &position))
    return;

  if ((step < 0 && position == 0) ||
      (step > 0 && position + 1 >= g_list_model_get_n_items (G_LIST_MODEL (self->entries))))
    return;

  position += step;
  target = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  clw_attendance_entry_request_focus (target);
}

static void
focus_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_focus (CLW_ATTENDANCE_SHEET (widget), parameter, 1);
}

static void
focus_previous_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_focus (CLW_ATTENDANCE_SHEET (widget), parameter, -1);
}

static void
agreement_response_cb (ClwAgreementDialog *dialog,
                       const char         *response,
                       ClwAttendanceSheet *self)
{
  ClwAttendanceEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(ClwRepresentation) representation = NULL;
  g_autoptr(GError) error = NULL;
  int role;
  gboolean standing;

  if (!g_str_equal (response, "record") || entry == NULL || self->session == NULL || self->meeting == NULL)
    return;

  role = clw_attendance_entry_get_role (entry);
  standing = role == CLW_REPRESENTATIVE_ROLE_PRACTICE_MANAGER || role == CLW_REPRESENTATIVE_ROLE_SENIOR_ADMINISTRATOR;

  representation = clw_representation_new ();
  g_object_set (representation,
                "practice-id", clw_attendance_entry_get_practice_id (entry),
                "kind", standing ? CLW_REPRESENTATION_KIND_PRACTICE_MANAGER : CLW_REPRESENTATION_KIND_ALTERNATIVE,
                "meeting-id", standing ? NULL : meeting_id (self),
                "representative-name", clw_attendance_entry_get_representative_name (entry),
                "representative-role", clw_enum_to_nick (CLW_TYPE_REPRESENTATIVE_ROLE, role),
                "starts-on", standing ? clw_agreement_dialog_get_agreed_on (dialog) : NULL,
                "status", CLW_ARRANGEMENT_STATUS_AGREED,
                "requested-on", clw_agreement_dialog_get_requested_on (dialog),
                "decision-on", clw_agreement_dialog_get_agreed_on (dialog),
                NULL);

  if (!clw_session_save (self->session, CLW_RECORD (representation),
                         _("Record the health board’s agreement"), &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Record the Agreement"), error);
      return;
    }

  clw_widget_add_toast (GTK_WIDGET (self), _("Agreement recorded"), TRUE);
}

static void
engagement_response_cb (ClwEngagementDialog *dialog,
                        const char          *response,
                        ClwAttendanceSheet  *self)
{
  ClwAttendanceEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(ClwBuddyEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "record") || entry == NULL || self->session == NULL || self->meeting == NULL)
    return;

  engagement = clw_buddy_engagement_new ();
  g_object_set (engagement,
                "practice-id", clw_attendance_entry_get_practice_id (entry),
                "meeting-id", meeting_id (self),
                "kind", clw_engagement_dialog_get_kind (dialog),
                "recorded-on", clw_engagement_dialog_get_recorded_on (dialog),
                "note", clw_engagement_dialog_get_note (dialog),
                NULL);

  if (!clw_session_save (self->session, CLW_RECORD (engagement), _("Record engagement"), &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Record the Engagement"), error);
      return;
    }

  clw_widget_add_toast (GTK_WIDGET (self), _("Engagement recorded"), TRUE);
}

static void
fix_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ClwAttendanceSheet *self = CLW_ATTENDANCE_SHEET (widget);
  ClwAttendanceEntry *entry = lookup_entry (self, parameter);
  ClwPractice *practice;
  g_autofree char *when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *body = NULL;
  GtkWindow *window = clw_widget_get_window (widget);

  if (entry == NULL || self->meeting == NULL || self->session == NULL)
    return;

  practice = clw_attendance_entry_get_practice (entry);
  when = clw_format_datetime (clw_meeting_get_starts_at (self->meeting));
  day = g_strndup (clw_meeting_get_starts_at (self->meeting), 10);

  switch (clw_attendance_entry_get_fix (entry))
    {
    case CLW_ATTENDANCE_FIX_AGREEMENT:
      {
        int role = clw_attendance_entry_get_role (entry);
        gboolean standing = role == CLW_REPRESENTATIVE_ROLE_PRACTICE_MANAGER ||
                            role == CLW_REPRESENTATIVE_ROLE_SENIOR_ADMINISTRATOR;
        const char *name = clw_attendance_entry_get_representative_name (entry);
        g_autofree char *today = clw_session_dup_today_iso (self->session);
        ClwAgreementDialog *dialog;

        /* Translators: why the agreement matters: the representative, the practice, the meeting */
        body = g_strdup_printf (_("%s represented %s %s at the meeting of %s. The attendance counts only "
                                  "if the health board agreed to this before the meeting."),
                                *name != '\0' ? name : _("Someone"),
                                clw_practice_get_code (practice), clw_practice_get_name (practice), when);
        dialog = clw_agreement_dialog_new (window,
                                           standing ? _("A standing arrangement for a practice manager or "
                                                        "senior administrator")
                                                    : _("An alternative representative for this meeting, "
                                                        "in exceptional circumstances"),
                                           body, today);
        g_object_set_data_full (G_OBJECT (dialog), "entry", g_object_ref (entry), g_object_unref);
        g_signal_connect_object (dialog, "response", G_CALLBACK (agreement_response_cb), self, 0);
        gtk_window_present (GTK_WINDOW (dialog));
      }
      break;

    case CLW_ATTENDANCE_FIX_ENGAGEMENT:
      {
        ClwEngagementDialog *dialog;

        /* Translators: why engagement matters for a buddied practice */
        body = g_strdup_printf (_("%s %s is buddied. The meeting of %s counts for it only if it fed in: "
                                  "by taking part by e-mail, or with comments sent to its buddy practice."),
                                clw_practice_get_code (practice), clw_practice_get_name (practice), when);
        dialog = clw_engagement_dialog_new (window, body, day);
        g_object_set_data_full (G_OBJECT (dialog), "entry", g_object_ref (entry), g_object_unref);
        g_signal_connect_object (dialog, "response", G_CALLBACK (engagement_response_cb), self, 0);
        gtk_window_present (GTK_WINDOW (dialog));
      }
      break;

    case CLW_ATTENDANCE_FIX_NONE:
    default:
      break;
    }
}

/* GObject ---------------------------------------------------------------------- */

static void
clw_attendance_sheet_dispose (GObject *object)
{
  ClwAttendanceSheet *self = (ClwAttendanceSheet *) object;

  clw_attendance_sheet_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_ATTENDANCE_SHEET);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->by_practice, g_hash_table_unref);

  G_OBJECT_CLASS (clw_attendance_sheet_parent_class)->dispose (object);
}

static void
clw_attendance_sheet_class_init (ClwAttendanceSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_attendance_sheet_dispose;

  g_type_ensure (CLW_TYPE_ATTENDANCE_ENTRY);
  g_type_ensure (CLW_TYPE_ATTENDANCE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-attendance-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceSheet, entries);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceSheet, list_view);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceSheet, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceSheet, timing_box);
  gtk_widget_class_bind_template_child (widget_class, ClwAttendanceSheet, timing_label);

  gtk_widget_class_install_action (widget_class, "sheet.store", "s", store_action);
  gtk_widget_class_install_action (widget_class, "sheet.focus-next", "s", focus_next_action);
  gtk_widget_class_install_action (widget_class, "sheet.focus-previous", "s", focus_previous_action);
  gtk_widget_class_install_action (widget_class, "sheet.fix", "s", fix_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_attendance_sheet_init (ClwAttendanceSheet *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->by_practice = g_hash_table_new (g_str_hash, g_str_equal);
}

void
clw_attendance_sheet_set_session (ClwAttendanceSheet *self,
                                  ClwSession         *session)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_SHEET (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->session);
      g_clear_signal_handler (&self->report_id, self->session);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      self->changed_id = g_signal_connect_object (session, "changed",
                                                  G_CALLBACK (database_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
      self->report_id = g_signal_connect_object (session, "notify::report",
                                                 G_CALLBACK (update_outcomes), self,
                                                 G_CONNECT_SWAPPED);
    }
  g_clear_object (&self->meeting);

  if (self->entries != NULL)
    load (self);
}

void
clw_attendance_sheet_set_meeting (ClwAttendanceSheet *self,
                                  ClwMeeting         *meeting)
{
  g_return_if_fail (CLW_IS_ATTENDANCE_SHEET (self));
  g_return_if_fail (meeting == NULL || CLW_IS_MEETING (meeting));

  /* The same meeting, changed (held, moved): keep the lines. */
  if (self->meeting != NULL && meeting != NULL &&
      g_strcmp0 (meeting_id (self), clw_record_get_id (CLW_RECORD (meeting))) == 0)
    {
      g_set_object (&self->meeting, meeting);
      update_outcomes (self);
      {
        g_autofree char *warning = clw_meeting_get_status (meeting) != CLW_MEETING_STATUS_CANCELLED
                                     ? clw_session_dup_timing_warning (self->session, clw_meeting_get_starts_at (meeting))
                                     : NULL;
        gtk_label_set_label (self->timing_label, warning != NULL ? warning : "");
        gtk_widget_set_visible (self->timing_box, warning != NULL);
      }
      return;
    }

  g_set_object (&self->meeting, meeting);
  load (self);
}

GListModel *
clw_attendance_sheet_get_entries (ClwAttendanceSheet *self)
{
  g_return_val_if_fail (CLW_IS_ATTENDANCE_SHEET (self), NULL);

  return G_LIST_MODEL (self->entries);
}

void
clw_attendance_sheet_focus_first (ClwAttendanceSheet *self)
{
  g_autoptr(ClwAttendanceEntry) first = NULL;

  g_return_if_fail (CLW_IS_ATTENDANCE_SHEET (self));

  first = g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0
            ? g_list_model_get_item (G_LIST_MODEL (self->entries), 0) : NULL;
  if (first == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  clw_attendance_entry_request_focus (first);
}
