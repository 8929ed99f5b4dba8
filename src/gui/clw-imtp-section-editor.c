/* clw-imtp-section-editor.c: one section of an IMTP contribution, saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The section's status and its text in English and (optionally) Welsh.
 * The text is stored when typing pauses, when the focus leaves it and
 * when the page goes: each store is a small change, and core joins a run
 * of them into one step of undo (see clw-imtp-editor.h). What is shown
 * follows the section object core keeps up to date, unless it is under
 * the user's fingers (focused, or typed and not stored yet).
 */

#define G_LOG_DOMAIN "clw-imtp-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-imtp-section-editor.h"

#define SAVE_PAUSE_MS 800

struct _ClwImtpSectionEditor
{
  GtkWidget           parent_instance;

  ClwImtpEditor      *editor;          /* owned */
  ClwImtpSectionKind  kind;
  ClwImtpSection     *section;         /* owned: core's, updated in place */
  guint               save_source;
  guint               pending_en : 1;  /* typed, not stored */
  guint               pending_cy : 1;
  guint               updating : 1;

  /* Template children */
  GtkLabel           *description_label;
  GtkTextBuffer      *en_buffer;
  GtkTextView        *en_view;
  GtkBox             *extra_box;
  GtkTextBuffer      *cy_buffer;
  GtkTextView        *cy_view;
  GtkExpander        *cy_expander;
  GtkLabel           *heading_label;
  GtkDropDown        *status_dropdown;
};

G_DEFINE_FINAL_TYPE (ClwImtpSectionEditor, clw_imtp_section_editor, GTK_TYPE_WIDGET)

/* What each section asks for, from the GMS contract's guidance on CND015W. */
static const char * const descriptions[CLW_N_IMTP_SECTION_KINDS] = {
  [CLW_IMTP_SECTION_KIND_POPULATION_NEEDS] =
    N_("The needs of the practice’s population that the cluster plan should meet: the practice’s "
       "contribution to the population needs assessment."),
  [CLW_IMTP_SECTION_KIND_SERVICES_GAPS] =
    N_("The services the practice provides now, and the gaps in provision it sees."),
  [CLW_IMTP_SECTION_KIND_WORKFORCE] =
    N_("The practice’s staff now, by role, as headcount and whole-time equivalents (0 where there are "
       "none; Enter records a 0), and below, the skills and development needs the cluster should plan for."),
  [CLW_IMTP_SECTION_KIND_PERFORMANCE] =
    N_("How the practice performs against the primary care measures."),
  [CLW_IMTP_SECTION_KIND_DEMAND_CAPACITY] =
    N_("Demand and capacity planning from the QI domain: what the practice has measured, and what it plans."),
};

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (ClwImtpSectionEditor *self,
                 GtkTextBuffer        *buffer,
                 const char           *text)
{
  g_autofree char *shown = buffer_text (buffer);

  if (g_strcmp0 (shown, text != NULL ? text : "") == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->updating = FALSE;
}

/* What core stored, where the user is not typing. */
static void
show_section (ClwImtpSectionEditor *self)
{
  if (!self->pending_en && !gtk_widget_has_focus (GTK_WIDGET (self->en_view)))
    set_buffer_text (self, self->en_buffer, clw_imtp_section_get_body (self->section));
  if (!self->pending_cy && !gtk_widget_has_focus (GTK_WIDGET (self->cy_view)))
    set_buffer_text (self, self->cy_buffer, clw_imtp_section_get_body_cy (self->section));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, clw_imtp_section_get_status (self->section));
  self->updating = FALSE;

  /* Welsh text shows without asking. */
  if (!clw_text_is_blank (clw_imtp_section_get_body_cy (self->section)))
    gtk_expander_set_expanded (self->cy_expander, TRUE);
}

static void
save (ClwImtpSectionEditor *self)
{
  g_autofree char *en = NULL;
  g_autofree char *cy = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->pending_en && !self->pending_cy)
    return;

  if (self->pending_en)
    en = buffer_text (self->en_buffer);
  if (self->pending_cy)
    cy = buffer_text (self->cy_buffer);
  self->pending_en = FALSE;
  self->pending_cy = FALSE;

  if (!clw_imtp_editor_save_section (self->editor, self->kind, en, cy, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Store “%s”"),
                                                  clw_imtp_section_kind_to_label (self->kind));
      clw_show_error (GTK_WIDGET (self), heading, error);
      show_section (self);
    }
}

static gboolean
save_pause_cb (gpointer user_data)
{
  ClwImtpSectionEditor *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed (ClwImtpSectionEditor *self,
              gboolean              welsh)
{
  if (self->updating)
    return;

  if (welsh)
    self->pending_cy = TRUE;
  else
    self->pending_en = TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_PAUSE_MS, save_pause_cb, self);
}

static void
en_changed_cb (ClwImtpSectionEditor *self)
{
  text_changed (self, FALSE);
}

static void
cy_changed_cb (ClwImtpSectionEditor *self)
{
  text_changed (self, TRUE);
}

static void
focus_leave_cb (ClwImtpSectionEditor *self)
{
  save (self);
  show_section (self);
}

static void
status_selected_cb (ClwImtpSectionEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) clw_imtp_section_get_status (self->section))
    return;

  /* The text first, so that "complete" sees it. */
  save (self);
  if (!clw_imtp_editor_set_section_status (self->editor, self->kind, selected, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Change the Status of “%s”"),
                                                  clw_imtp_section_kind_to_label (self->kind));
      clw_show_error (GTK_WIDGET (self), heading, error);
      show_section (self);
    }
}

/* GObject and GtkWidget -------------------------------------------------------------- */

static void
clw_imtp_section_editor_unmap (GtkWidget *widget)
{
  /* Leaving the page keeps what was typed. */
  save (CLW_IMTP_SECTION_EDITOR (widget));

  GTK_WIDGET_CLASS (clw_imtp_section_editor_parent_class)->unmap (widget);
}

static void
clw_imtp_section_editor_dispose (GObject *object)
{
  ClwImtpSectionEditor *self = (ClwImtpSectionEditor *) object;

  if (self->editor != NULL)
    save (self);
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_IMTP_SECTION_EDITOR);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->section);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (clw_imtp_section_editor_parent_class)->dispose (object);
}

static void
clw_imtp_section_editor_class_init (ClwImtpSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_imtp_section_editor_dispose;

  widget_class->unmap = clw_imtp_section_editor_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-imtp-section-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, cy_buffer);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, cy_expander);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, cy_view);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, description_label);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, en_buffer);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, en_view);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, extra_box);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpSectionEditor, status_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, cy_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, en_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_imtp_section_editor_init (ClwImtpSectionEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int status = CLW_SECTION_STATUS_NOT_STARTED; status <= CLW_SECTION_STATUS_COMPLETE; status++)
    gtk_string_list_append (statuses, clw_section_status_to_label (status));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->updating = FALSE;
}

GtkWidget *
clw_imtp_section_editor_new (ClwImtpEditor      *editor,
                             ClwImtpSectionKind  kind)
{
  ClwImtpSectionEditor *self;
  g_autofree char *heading = NULL;
  g_autofree char *en_label = NULL;
  g_autofree char *cy_label = NULL;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (editor), NULL);
  g_return_val_if_fail ((guint) kind < CLW_N_IMTP_SECTION_KINDS, NULL);

  self = g_object_new (CLW_TYPE_IMTP_SECTION_EDITOR, NULL);
  self->editor = g_object_ref (editor);
  self->kind = kind;
  self->section = g_object_ref (clw_imtp_editor_get_section (editor, kind));

  heading = g_strdup_printf ("%d. %s", kind + 1, clw_imtp_section_kind_to_label (kind));
  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->description_label, _(descriptions[kind]));

  /* Translators: accessible labels of a section's text: "Workforce, in English" */
  en_label = g_strdup_printf (_("%s, in English"), clw_imtp_section_kind_to_label (kind));
  cy_label = g_strdup_printf (_("%s, in Welsh"), clw_imtp_section_kind_to_label (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->en_view), GTK_ACCESSIBLE_PROPERTY_LABEL, en_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cy_view), GTK_ACCESSIBLE_PROPERTY_LABEL, cy_label, -1);
  {
    /* Translators: accessible label of a section's status: "Status of Workforce" */
    g_autofree char *status_label = g_strdup_printf (_("Status of %s"), clw_imtp_section_kind_to_label (kind));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    status_label, -1);
  }

  g_signal_connect_swapped (self->section, "notify", G_CALLBACK (show_section), self);
  show_section (self);
  return GTK_WIDGET (self);
}

ClwImtpSectionKind
clw_imtp_section_editor_get_kind (ClwImtpSectionEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_SECTION_EDITOR (self), 0);

  return self->kind;
}

void
clw_imtp_section_editor_set_editable (ClwImtpSectionEditor *self,
                                      gboolean              editable)
{
  g_return_if_fail (CLW_IS_IMTP_SECTION_EDITOR (self));

  gtk_text_view_set_editable (self->en_view, editable);
  gtk_text_view_set_editable (self->cy_view, editable);
  gtk_text_view_set_cursor_visible (self->en_view, editable);
  gtk_text_view_set_cursor_visible (self->cy_view, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown), editable);
}

void
clw_imtp_section_editor_set_extra (ClwImtpSectionEditor *self,
                                   GtkWidget            *widget)
{
  g_return_if_fail (CLW_IS_IMTP_SECTION_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->extra_box, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_box), TRUE);
}

void
clw_imtp_section_editor_flush (ClwImtpSectionEditor *self)
{
  g_return_if_fail (CLW_IS_IMTP_SECTION_EDITOR (self));

  save (self);
}

GtkTextBuffer *
clw_imtp_section_editor_get_buffer (ClwImtpSectionEditor *self,
                                    gboolean              welsh)
{
  g_return_val_if_fail (CLW_IS_IMTP_SECTION_EDITOR (self), NULL);

  return welsh ? self->cy_buffer : self->en_buffer;
}

GtkDropDown *
clw_imtp_section_editor_get_status_dropdown (ClwImtpSectionEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_SECTION_EDITOR (self), NULL);

  return self->status_dropdown;
}
