/* clw-attach-dialog.c: what files are evidence of, asked before they are attached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kind of evidence (which requirement it answers), its title (the
 * file's name unless it is changed) and its date (today unless it is
 * changed: the engine counts evidence by its date).
 */

#define G_LOG_DOMAIN "clw-evidence-list"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-attach-dialog.h"
#include "clw-date-entry.h"

struct _ClwAttachDialog
{
  AdwMessageDialog  parent_instance;

  gboolean          several;

  /* Template children */
  ClwDateEntry     *date_entry;
  AdwComboRow      *kind_row;
  AdwEntryRow      *title_row;
};

G_DEFINE_FINAL_TYPE (ClwAttachDialog, clw_attach_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
changed_cb (ClwAttachDialog *self)
{
  gboolean ok = clw_date_entry_is_valid (self->date_entry, FALSE) &&
                (self->several || !clw_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "attach", ok);
}

static void
clw_attach_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLW_TYPE_ATTACH_DIALOG);

  G_OBJECT_CLASS (clw_attach_dialog_parent_class)->dispose (object);
}

static void
clw_attach_dialog_class_init (ClwAttachDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_attach_dialog_dispose;

  g_type_ensure (CLW_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-attach-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwAttachDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwAttachDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ClwAttachDialog, title_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
clw_attach_dialog_init (ClwAttachDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int kind = CLW_EVIDENCE_KIND_QI_PARTICIPATION; kind <= CLW_EVIDENCE_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, clw_evidence_kind_to_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

ClwAttachDialog *
clw_attach_dialog_new (GtkWindow          *parent,
                       const char * const *names,
                       ClwEvidenceKind     kind,
                       const char         *date)
{
  ClwAttachDialog *self;
  guint n;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (names != NULL && names[0] != NULL, NULL);

  n = g_strv_length ((char **) names);
  self = g_object_new (CLW_TYPE_ATTACH_DIALOG, "transient-for", parent, NULL);
  self->several = n > 1;

  if (self->several)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) names);
      g_autofree char *body = NULL;

      /* Translators: the heading when several files are dropped */
      heading = g_strdup_printf (ngettext ("Attach %u File", "Attach %u Files", n), n);
      /* Translators: %s lists the files */
      body = g_strdup_printf (_("%s. Each is titled by its name; the kind and date apply to all."), list);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
      gtk_widget_set_visible (GTK_WIDGET (self->title_row), FALSE);
    }
  else
    {
      /* Translators: the heading of the dialog attaching a file: "Attach “plan.pdf”" */
      heading = g_strdup_printf (_("Attach “%s”"), names[0]);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), names[0]);
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  clw_attach_dialog_set_kind (self, kind);
  clw_date_entry_set_text (self->date_entry, date);
  changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
  return self;
}

ClwEvidenceKind
clw_attach_dialog_get_kind (ClwAttachDialog *self)
{
  guint selected;

  g_return_val_if_fail (CLW_IS_ATTACH_DIALOG (self), CLW_EVIDENCE_KIND_OTHER);

  selected = adw_combo_row_get_selected (self->kind_row);
  return selected <= CLW_EVIDENCE_KIND_OTHER ? (ClwEvidenceKind) selected : CLW_EVIDENCE_KIND_OTHER;
}

void
clw_attach_dialog_set_kind (ClwAttachDialog *self,
                            ClwEvidenceKind  kind)
{
  g_return_if_fail (CLW_IS_ATTACH_DIALOG (self));
  g_return_if_fail (kind <= CLW_EVIDENCE_KIND_OTHER);

  adw_combo_row_set_selected (self->kind_row, kind);
}

char *
clw_attach_dialog_dup_title (ClwAttachDialog *self)
{
  g_return_val_if_fail (CLW_IS_ATTACH_DIALOG (self), NULL);

  if (self->several)
    return NULL;
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
}

void
clw_attach_dialog_set_title (ClwAttachDialog *self,
                             const char      *title)
{
  g_return_if_fail (CLW_IS_ATTACH_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
}

const char *
clw_attach_dialog_get_date (ClwAttachDialog *self)
{
  g_return_val_if_fail (CLW_IS_ATTACH_DIALOG (self), NULL);

  return clw_date_entry_get_text (self->date_entry);
}
