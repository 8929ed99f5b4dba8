/* clw-meetings-page.c: the meetings of a cluster's GP Collaborative in the cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-meetings-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-gui-util.h"
#include "clw-meeting-dialog.h"
#include "clw-meeting-item.h"
#include "clw-meetings-page.h"

struct _ClwMeetingsPage
{
  GtkWidget         parent_instance;

  ClwSession       *session;            /* owned */
  char             *cluster_id;         /* owned */
  ClwCollaborative *collaborative;      /* owned: the cluster's GP Collaborative */
  gulong            changed_id;
  gulong            report_id;

  gboolean            dirty;          /* to refresh when shown */

  /* Template children */
  GtkLabel         *intro_label;
  GtkListView      *list_view;
  GListStore       *meetings;
  GtkStack         *stack;
};

G_DEFINE_FINAL_TYPE (ClwMeetingsPage, clw_meetings_page, GTK_TYPE_WIDGET)

static gboolean
text_visible_cb (gpointer    unused,
                 const char *text)
{
  return text != NULL && *text != '\0';
}

static const ClwMeetingAttendance *
find_attendance (ClwClusterSummary *summary,
                 const char        *meeting_id)
{
  guint n = summary != NULL ? clw_cluster_summary_get_n_meetings (summary) : 0;

  for (guint i = 0; i < n; i++)
    {
      const ClwMeetingAttendance *attendance = clw_cluster_summary_get_meeting (summary, i);
      if (g_strcmp0 (attendance->meeting_id, meeting_id) == 0)
        return attendance;
    }

  return NULL;
}

static void
refresh_now (ClwMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ClwQaifReport *report;
  ClwClusterSummary *summary = NULL;
  ClwCycle *cycle;
  guint n;

  g_clear_object (&self->collaborative);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new", FALSE);

  if (self->session == NULL || self->cluster_id == NULL)
    {
      g_list_store_remove_all (self->meetings);
      return;
    }

  self->collaborative = clw_collaborative_find_for_cluster (clw_session_get_database (self->session),
                                                            self->cluster_id, CLW_PROFESSION_GP, &error);
  if (self->collaborative == NULL)
    {
      gtk_label_set_label (self->intro_label, error->message);
      g_list_store_remove_all (self->meetings);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  cycle = clw_session_get_cycle (self->session);
  meetings = clw_meeting_list_for_collaborative (clw_session_get_database (self->session),
                                                 clw_record_get_id (CLW_RECORD (self->collaborative)),
                                                 cycle != NULL ? clw_cycle_get_starts_on (cycle) : NULL,
                                                 cycle != NULL ? clw_cycle_get_ends_on (cycle) : NULL,
                                                 &error);
  if (meetings == NULL)
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not List the Meetings"), error);
      return;
    }

  report = clw_session_get_report (self->session);
  if (report != NULL)
    summary = clw_qaif_report_lookup_cluster (report, self->cluster_id);

  n = g_list_model_get_n_items (G_LIST_MODEL (meetings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);
      g_autofree char *warning = NULL;

      if (clw_meeting_get_status (meeting) != CLW_MEETING_STATUS_CANCELLED)
        warning = clw_session_dup_timing_warning (self->session, clw_meeting_get_starts_at (meeting));
      g_ptr_array_add (items, clw_meeting_item_new (meeting,
                                                    find_attendance (summary, clw_record_get_id (CLW_RECORD (meeting))),
                                                    warning));
    }
  g_list_store_splice (self->meetings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->meetings)),
                       items->pdata, items->len);

  {
    g_autofree char *intro = NULL;
    int required = summary != NULL ? clw_cluster_summary_get_meetings_required (summary) : 4;

    /* Translators: above the meetings: the collaborative, the cycle, how many meetings it needs */
    intro = g_strdup_printf (ngettext ("%s in %s: at least %d meeting is required.",
                                       "%s in %s: at least %d meetings are required.",
                                       required),
                             clw_collaborative_get_name (self->collaborative),
                             clw_session_get_cycle_code (self->session), required);
    gtk_label_set_label (self->intro_label, intro);
  }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new", TRUE);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Only what is on screen is kept up to date; the rest when it is shown. */
static void
refresh (ClwMeetingsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
  else
    self->dirty = TRUE;
}

static void
clw_meetings_page_map (GtkWidget *widget)
{
  ClwMeetingsPage *self = CLW_MEETINGS_PAGE (widget);

  GTK_WIDGET_CLASS (clw_meetings_page_parent_class)->map (widget);

  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
}

static void
database_changed_cb (ClwMeetingsPage  *self,
                     const char      **tables)
{
  if (g_strv_contains (tables, "meeting") || g_strv_contains (tables, "collaborative"))
    refresh (self);
}

static void
meeting_activated_cb (ClwMeetingsPage *self,
                      guint            position)
{
  g_autoptr(ClwMeetingItem) item = g_list_model_get_item (G_LIST_MODEL (self->meetings), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "s",
                                clw_record_get_id (CLW_RECORD (clw_meeting_item_get_meeting (item))));
}

static void
new_meeting_response_cb (ClwMeetingDialog *dialog,
                         const char       *response,
                         ClwMeetingsPage  *self)
{
  g_autofree char *starts_at = NULL;
  g_autofree char *today = NULL;
  g_autoptr(ClwMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || self->collaborative == NULL || self->session == NULL)
    return;

  starts_at = clw_meeting_dialog_dup_starts_at (dialog);
  if (starts_at == NULL)
    return;

  today = clw_session_dup_today_iso (self->session);
  meeting = clw_meeting_new ();
  g_object_set (meeting,
                "collaborative-id", clw_record_get_id (CLW_RECORD (self->collaborative)),
                "starts-at", starts_at,
                "place", clw_meeting_dialog_get_place (dialog),
                /* A meeting added after the day is one that was held. */
                "status", strncmp (starts_at, today, 10) < 0 ? CLW_MEETING_STATUS_HELD
                                                             : CLW_MEETING_STATUS_PLANNED,
                NULL);

  if (!clw_meeting_create (meeting, clw_session_get_database (self->session), &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Add the Meeting"), error);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "s",
                              clw_record_get_id (CLW_RECORD (meeting)));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ClwMeetingsPage *self = CLW_MEETINGS_PAGE (widget);
  g_autofree char *today = NULL;
  ClwMeetingDialog *dialog;

  if (self->session == NULL)
    return;

  today = clw_session_dup_today_iso (self->session);
  dialog = clw_meeting_dialog_new (clw_widget_get_window (widget), self->session, today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_meeting_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clw_meetings_page_dispose (GObject *object)
{
  ClwMeetingsPage *self = (ClwMeetingsPage *) object;

  clw_meetings_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_MEETINGS_PAGE);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->collaborative);

  G_OBJECT_CLASS (clw_meetings_page_parent_class)->dispose (object);
}

static void
clw_meetings_page_finalize (GObject *object)
{
  ClwMeetingsPage *self = (ClwMeetingsPage *) object;

  g_free (self->cluster_id);

  G_OBJECT_CLASS (clw_meetings_page_parent_class)->finalize (object);
}

static void
clw_meetings_page_class_init (ClwMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_meetings_page_dispose;
  object_class->finalize = clw_meetings_page_finalize;

  widget_class->map = clw_meetings_page_map;

  g_type_ensure (CLW_TYPE_MEETING_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingsPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingsPage, meetings);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingsPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, meeting_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_visible_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_meetings_page_init (ClwMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
clw_meetings_page_set_session (ClwMeetingsPage *self,
                               ClwSession      *session)
{
  g_return_if_fail (CLW_IS_MEETINGS_PAGE (self));
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
      /* The attendance figures, and another cycle. */
      self->report_id = g_signal_connect_object (session, "notify::report",
                                                 G_CALLBACK (refresh), self,
                                                 G_CONNECT_SWAPPED);
    }
  g_clear_pointer (&self->cluster_id, g_free);

  if (self->meetings != NULL)
    refresh (self);
}

void
clw_meetings_page_set_cluster_id (ClwMeetingsPage *self,
                                  const char      *cluster_id)
{
  g_return_if_fail (CLW_IS_MEETINGS_PAGE (self));

  if (g_strcmp0 (self->cluster_id, cluster_id) == 0)
    return;

  g_free (self->cluster_id);
  self->cluster_id = g_strdup (cluster_id);
  refresh (self);
}
