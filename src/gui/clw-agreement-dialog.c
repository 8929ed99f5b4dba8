/* clw-agreement-dialog.c: the dates of a health board's agreement to a representative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-agreement-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-agreement-dialog.h"
#include "clw-date-entry.h"

struct _ClwAgreementDialog
{
  AdwMessageDialog  parent_instance;

  /* Template children */
  ClwDateEntry     *agreed_entry;
  GtkLabel         *kind_label;
  ClwDateEntry     *requested_entry;
};

G_DEFINE_FINAL_TYPE (ClwAgreementDialog, clw_agreement_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
validate_cb (ClwAgreementDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record",
                                           clw_date_entry_is_valid (self->requested_entry, FALSE) &&
                                           clw_date_entry_is_valid (self->agreed_entry, FALSE));
}

static void
clw_agreement_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLW_TYPE_AGREEMENT_DIALOG);

  G_OBJECT_CLASS (clw_agreement_dialog_parent_class)->dispose (object);
}

static void
clw_agreement_dialog_class_init (ClwAgreementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_agreement_dialog_dispose;

  g_type_ensure (CLW_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-agreement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwAgreementDialog, agreed_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwAgreementDialog, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ClwAgreementDialog, requested_entry);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
}

static void
clw_agreement_dialog_init (ClwAgreementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClwAgreementDialog *
clw_agreement_dialog_new (GtkWindow  *parent,
                          const char *kind,
                          const char *body,
                          const char *date)
{
  ClwAgreementDialog *self = g_object_new (CLW_TYPE_AGREEMENT_DIALOG,
                                           "transient-for", parent,
                                           "body", body,
                                           NULL);

  gtk_label_set_label (self->kind_label, kind);
  clw_date_entry_set_text (self->requested_entry, date);
  clw_date_entry_set_text (self->agreed_entry, date);
  validate_cb (self);
  return self;
}

const char *
clw_agreement_dialog_get_requested_on (ClwAgreementDialog *self)
{
  g_return_val_if_fail (CLW_IS_AGREEMENT_DIALOG (self), NULL);

  return clw_date_entry_get_text (self->requested_entry);
}

const char *
clw_agreement_dialog_get_agreed_on (ClwAgreementDialog *self)
{
  g_return_val_if_fail (CLW_IS_AGREEMENT_DIALOG (self), NULL);

  return clw_date_entry_get_text (self->agreed_entry);
}
