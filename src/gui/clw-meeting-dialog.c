/* clw-meeting-dialog.c: the date, time and place of a new meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-meeting-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-date-entry.h"
#include "clw-gui-util.h"
#include "clw-meeting-dialog.h"

struct _ClwMeetingDialog
{
  AdwMessageDialog  parent_instance;

  ClwSession       *session;        /* owned */

  /* Template children */
  ClwDateEntry     *date_entry;
  GtkEntry         *place_entry;
  GtkEntry         *time_entry;
  GtkLabel         *warning_label;
};

G_DEFINE_FINAL_TYPE (ClwMeetingDialog, clw_meeting_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
validate_cb (ClwMeetingDialog *self)
{
  g_autofree char *starts_at = clw_meeting_dialog_dup_starts_at (self);
  g_autofree char *warning = NULL;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", starts_at != NULL);

  if (starts_at != NULL && self->session != NULL)
    warning = clw_session_dup_timing_warning (self->session, starts_at);
  gtk_label_set_label (self->warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);
}

static void
clw_meeting_dialog_dispose (GObject *object)
{
  ClwMeetingDialog *self = (ClwMeetingDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_MEETING_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (clw_meeting_dialog_parent_class)->dispose (object);
}

static void
clw_meeting_dialog_class_init (ClwMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_meeting_dialog_dispose;

  g_type_ensure (CLW_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-meeting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingDialog, place_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingDialog, time_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwMeetingDialog, warning_label);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
}

static void
clw_meeting_dialog_init (ClwMeetingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClwMeetingDialog *
clw_meeting_dialog_new (GtkWindow  *parent,
                        ClwSession *session,
                        const char *date)
{
  ClwMeetingDialog *self = g_object_new (CLW_TYPE_MEETING_DIALOG, "transient-for", parent, NULL);

  self->session = session != NULL ? g_object_ref (session) : NULL;
  clw_date_entry_set_text (self->date_entry, date);
  validate_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  return self;
}

char *
clw_meeting_dialog_dup_starts_at (ClwMeetingDialog *self)
{
  g_autofree char *starts_at = NULL;

  g_return_val_if_fail (CLW_IS_MEETING_DIALOG (self), NULL);

  starts_at = g_strdup_printf ("%sT%s",
                               clw_date_entry_get_text (self->date_entry),
                               gtk_editable_get_text (GTK_EDITABLE (self->time_entry)));
  if (!clw_datetime_is_valid (starts_at))
    return NULL;
  return g_steal_pointer (&starts_at);
}

const char *
clw_meeting_dialog_get_place (ClwMeetingDialog *self)
{
  g_return_val_if_fail (CLW_IS_MEETING_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->place_entry));
}
