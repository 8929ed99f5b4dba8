/* clw-refuse-dialog.c: refusing a request, with the explanation it must carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A refusal without an explanation cannot be confirmed here, and core
 * refuses one anyway (clw_decision_apply).
 */

#define G_LOG_DOMAIN "clw-refuse-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-core.h"
#include "clw-refuse-dialog.h"

struct _ClwRefuseDialog
{
  AdwMessageDialog  parent_instance;

  /* Template children */
  GtkTextBuffer    *explanation_buffer;
  GtkTextView      *explanation_view;
};

G_DEFINE_FINAL_TYPE (ClwRefuseDialog, clw_refuse_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
explanation_changed_cb (ClwRefuseDialog *self)
{
  g_autofree char *text = clw_refuse_dialog_dup_explanation (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "refuse",
                                           !clw_text_is_blank (text));
}

static void
clw_refuse_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLW_TYPE_REFUSE_DIALOG);

  G_OBJECT_CLASS (clw_refuse_dialog_parent_class)->dispose (object);
}

static void
clw_refuse_dialog_class_init (ClwRefuseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_refuse_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-refuse-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwRefuseDialog, explanation_buffer);
  gtk_widget_class_bind_template_child (widget_class, ClwRefuseDialog, explanation_view);
  gtk_widget_class_bind_template_callback (widget_class, explanation_changed_cb);
}

static void
clw_refuse_dialog_init (ClwRefuseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClwRefuseDialog *
clw_refuse_dialog_new (GtkWindow  *parent,
                       const char *request)
{
  ClwRefuseDialog *self = g_object_new (CLW_TYPE_REFUSE_DIALOG,
                                        "transient-for", parent,
                                        "body", request,
                                        NULL);

  explanation_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->explanation_view));
  return self;
}

char *
clw_refuse_dialog_dup_explanation (ClwRefuseDialog *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CLW_IS_REFUSE_DIALOG (self), NULL);

  gtk_text_buffer_get_bounds (self->explanation_buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (self->explanation_buffer, &start, &end, FALSE));
}

void
clw_refuse_dialog_set_explanation (ClwRefuseDialog *self,
                                   const char      *explanation)
{
  g_return_if_fail (CLW_IS_REFUSE_DIALOG (self));

  gtk_text_buffer_set_text (self->explanation_buffer, explanation != NULL ? explanation : "", -1);
}
