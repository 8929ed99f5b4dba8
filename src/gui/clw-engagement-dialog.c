/* clw-engagement-dialog.c: how a buddied practice fed in to a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-engagement-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-date-entry.h"
#include "clw-engagement-dialog.h"

struct _ClwEngagementDialog
{
  AdwMessageDialog  parent_instance;

  /* Template children */
  ClwDateEntry     *date_entry;
  GtkDropDown      *kind_dropdown;
  GtkEntry         *note_entry;
};

G_DEFINE_FINAL_TYPE (ClwEngagementDialog, clw_engagement_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
validate_cb (ClwEngagementDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record",
                                           clw_date_entry_is_valid (self->date_entry, FALSE));
}

static void
clw_engagement_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLW_TYPE_ENGAGEMENT_DIALOG);

  G_OBJECT_CLASS (clw_engagement_dialog_parent_class)->dispose (object);
}

static void
clw_engagement_dialog_class_init (ClwEngagementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_engagement_dialog_dispose;

  g_type_ensure (CLW_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-engagement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwEngagementDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwEngagementDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClwEngagementDialog, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
}

static void
clw_engagement_dialog_init (ClwEngagementDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION; i <= CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY; i++)
    gtk_string_list_append (kinds, clw_engagement_kind_to_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
}

ClwEngagementDialog *
clw_engagement_dialog_new (GtkWindow  *parent,
                           const char *body,
                           const char *date)
{
  ClwEngagementDialog *self = g_object_new (CLW_TYPE_ENGAGEMENT_DIALOG,
                                            "transient-for", parent,
                                            "body", body,
                                            NULL);

  clw_date_entry_set_text (self->date_entry, date);
  validate_cb (self);
  return self;
}

ClwEngagementKind
clw_engagement_dialog_get_kind (ClwEngagementDialog *self)
{
  g_return_val_if_fail (CLW_IS_ENGAGEMENT_DIALOG (self), 0);

  return (ClwEngagementKind) gtk_drop_down_get_selected (self->kind_dropdown);
}

const char *
clw_engagement_dialog_get_recorded_on (ClwEngagementDialog *self)
{
  g_return_val_if_fail (CLW_IS_ENGAGEMENT_DIALOG (self), NULL);

  return clw_date_entry_get_text (self->date_entry);
}

const char *
clw_engagement_dialog_get_note (ClwEngagementDialog *self)
{
  g_return_val_if_fail (CLW_IS_ENGAGEMENT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
}
