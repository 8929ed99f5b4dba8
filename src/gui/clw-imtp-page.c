/* clw-imtp-page.c: a practice's IMTP contribution for a cycle, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The five sections of core's ClwImtpEditor, each with its status and
 * text (ClwImtpSectionEditor), the workforce counts by role, and where
 * the contribution stands: what is still missing before it can be
 * submitted, the deadline, and whether submitting now would be late (core
 * says so before, and after). Submit checks completeness and shows what
 * is missing; Reopen takes it back to draft. Everything is stored as it is
 * typed, each store one small change that undo takes back.
 */

#define G_LOG_DOMAIN "clw-imtp-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-imtp-page.h"
#include "clw-imtp-section-editor.h"

#define WORKFORCE_PAUSE_MS 600

struct _ClwImtpPage
{
  GtkWidget       parent_instance;

  ClwSession     *session;                              /* owned */
  char           *practice_id;                          /* owned */
  char           *cycle_id;                             /* owned: asked for, or NULL for the session's */
  char           *practice_code;                        /* owned */
  char           *title;                                /* owned */
  ClwImtpEditor  *editor;                               /* owned, nullable */
  GPtrArray      *section_editors;                      /* owned: the widgets made */
  GtkSpinButton  *headcount[CLW_N_WORKFORCE_ROLES];     /* in the workforce grid */
  GtkSpinButton  *wte[CLW_N_WORKFORCE_ROLES];
  GtkLabel       *entered[CLW_N_WORKFORCE_ROLES];
  guint           workforce_source[CLW_N_WORKFORCE_ROLES];
  gulong          changed_id;
  guint           refresh_source;
  gboolean        updating;

  /* Template children */
  GtkLabel       *detail_label;
  GtkLabel       *missing_label;
  GtkButton      *reopen_button;
  GtkBox         *sections_box;
  GtkStack       *stack;
  GtkWidget      *status_box;
  GtkLabel       *status_label;
  AdwStatusPage  *status_page;
  GtkButton      *submit_button;
  GtkLabel       *subtitle_label;
  GtkLabel       *title_label;
};

G_DEFINE_FINAL_TYPE (ClwImtpPage, clw_imtp_page, GTK_TYPE_WIDGET)

static void
show_message (ClwImtpPage *self,
              const char  *title,
              const char  *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

/* Where the contribution stands ------------------------------------------------------- */

static char *
format_deadline (ClwImtpPage *self)
{
  return clw_format_date (clw_imtp_editor_get_deadline (self->editor));
}

static void
update_status (ClwImtpPage *self)
{
  gboolean submitted;
  gboolean late_now;
  g_autofree char *deadline = NULL;
  g_autofree char *status = NULL;
  g_autofree char *detail = NULL;

  if (self->editor == NULL)
    return;

  submitted = clw_imtp_editor_get_status (self->editor) == CLW_CONTRIBUTION_STATUS_SUBMITTED;
  late_now = clw_imtp_editor_would_be_late (self->editor, NULL);
  deadline = format_deadline (self);

  gtk_widget_remove_css_class (self->status_box, "late");
  gtk_widget_remove_css_class (self->status_box, "submitted");

  if (submitted)
    {
      g_autofree char *on = clw_format_date (clw_imtp_editor_get_submitted_on (self->editor));

      if (clw_imtp_editor_is_late (self->editor))
        {
          /* Translators: "Submitted Late, on 3 Oct 2022" */
          status = g_strdup_printf (_("Submitted Late, on %s"), on);
          detail = g_strdup_printf (_("It was submitted after the deadline of %s: a late contribution "
                                      "does not count for CND015W. Reopen it to change it."), deadline);
          gtk_widget_add_css_class (self->status_box, "late");
        }
      else
        {
          status = g_strdup_printf (_("Submitted on %s"), on);
          detail = g_strdup_printf (_("The health board has it, in time for %s. Reopen it to change it."),
                                    deadline);
          gtk_widget_add_css_class (self->status_box, "submitted");
        }
    }
  else
    {
      status = g_strdup (clw_imtp_editor_get_exists (self->editor) ? _("Draft") : _("Not Started"));
      if (late_now)
        {
          detail = g_strdup_printf (_("The deadline, %s, has passed: submitted now, the contribution is "
                                      "late, and a late contribution does not count for CND015W."), deadline);
          gtk_widget_add_css_class (self->status_box, "late");
        }
      else
        detail = g_strdup_printf (_("Due to the health board by %s. Everything is stored as it is typed."),
                                  deadline);
    }

  gtk_label_set_label (self->status_label, status);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), !submitted);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), submitted);

  /* What is missing, as core lists it, while it is a draft. */
  if (!submitted)
    {
      g_auto(GStrv) missing = clw_imtp_editor_list_missing (self->editor);
      g_autoptr(GString) text = g_string_new (NULL);

      if (missing[0] == NULL)
        g_string_append (text, _("Every section is complete and the workforce is counted: it can be submitted."));
      else
        {
          g_string_append (text, _("Still needed before it can be submitted:"));
          for (guint i = 0; missing[i] != NULL; i++)
            g_string_append_printf (text, "\n• %s", missing[i]);
        }
      gtk_label_set_label (self->missing_label, text->str);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), !submitted);

  for (guint i = 0; i < self->section_editors->len; i++)
    clw_imtp_section_editor_set_editable (g_ptr_array_index (self->section_editors, i), !submitted);
  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    if (self->headcount[role] != NULL)
      {
        gtk_widget_set_sensitive (GTK_WIDGET (self->headcount[role]), !submitted);
        gtk_widget_set_sensitive (GTK_WIDGET (self->wte[role]), !submitted);
      }
}

/* The workforce ------------------------------------------------------------------------ */

static void
update_workforce (ClwImtpPage *self)
{
  if (self->editor == NULL)
    return;

  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      int headcount = 0;
      double wte = 0;
      gboolean entered;

      if (self->headcount[role] == NULL || self->workforce_source[role] != 0)
        continue;

      entered = clw_imtp_editor_get_workforce (self->editor, role, &headcount, &wte);
      self->updating = TRUE;
      gtk_spin_button_set_value (self->headcount[role], headcount);
      gtk_spin_button_set_value (self->wte[role], wte);
      self->updating = FALSE;
      gtk_label_set_label (self->entered[role], entered ? "" : _("Not entered"));
    }
}

static void
store_workforce (ClwImtpPage      *self,
                 ClwWorkforceRole  role)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->workforce_source[role], g_source_remove);
  if (self->editor == NULL)
    return;

  gtk_spin_button_update (self->headcount[role]);
  gtk_spin_button_update (self->wte[role]);
  if (!clw_imtp_editor_set_workforce (self->editor, role,
                                      gtk_spin_button_get_value_as_int (self->headcount[role]),
                                      gtk_spin_button_get_value (self->wte[role]),
                                      &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Count “%s”"), clw_workforce_role_to_label (role));
      clw_show_error (GTK_WIDGET (self), heading, error);
    }
  update_workforce (self);
}

typedef struct
{
  ClwImtpPage      *page;
  ClwWorkforceRole  role;
} RolePause;

static gboolean
workforce_pause_cb (gpointer user_data)
{
  RolePause *pause = user_data;

  pause->page->workforce_source[pause->role] = 0;
  store_workforce (pause->page, pause->role);
  return G_SOURCE_REMOVE;
}

static void
workforce_changed_cb (GtkSpinButton *spin,
                      ClwImtpPage   *self)
{
  ClwWorkforceRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "role"));
  RolePause *pause;

  if (self->updating)
    return;

  g_clear_handle_id (&self->workforce_source[role], g_source_remove);
  pause = g_new0 (RolePause, 1);
  pause->page = self;
  pause->role = role;
  self->workforce_source[role] = g_timeout_add_full (G_PRIORITY_DEFAULT, WORKFORCE_PAUSE_MS,
                                                     workforce_pause_cb, pause, g_free);
}

/* Enter records the count as it is, 0 included. GTK 4.8's spin button has
 * no "activate" of its own: its text has. */
static void
workforce_activated_cb (GtkText     *text,
                        ClwImtpPage *self)
{
  store_workforce (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (text), "role")));
}

static void
flush_workforce (ClwImtpPage *self)
{
  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    if (self->workforce_source[role] != 0)
      store_workforce (self, role);
}

static GtkWidget *
make_spin (ClwImtpPage      *self,
           ClwWorkforceRole  role,
           gboolean          wte)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, 9999, wte ? 0.1 : 1, wte ? 1 : 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, wte ? 2 : 0);
  GtkEditable *delegate;
  /* Translators: accessible labels of the workforce counts: "Headcount of Nurses" */
  g_autofree char *label = g_strdup_printf (wte ? _("Whole-time equivalents of %s") : _("Headcount of %s"),
                                            clw_workforce_role_to_label (role));

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (spin), "role", GUINT_TO_POINTER (role));
  g_signal_connect (spin, "value-changed", G_CALLBACK (workforce_changed_cb), self);
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (spin));
  g_object_set_data (G_OBJECT (delegate), "role", GUINT_TO_POINTER (role));
  g_signal_connect (delegate, "activate", G_CALLBACK (workforce_activated_cb), self);
  return spin;
}

static GtkWidget *
make_workforce_grid (ClwImtpPage *self)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *headings[] = { N_("Role"), N_("Headcount"), N_("Whole-time equivalents") };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The practice’s workforce by role"), -1);

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    {
      GtkWidget *heading = gtk_label_new (_(headings[c]));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), heading, c, 0, 1, 1);
    }

  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      GtkWidget *label = gtk_label_new (clw_workforce_role_to_label (role));
      GtkWidget *entered = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (entered, "dim-label");
      gtk_widget_add_css_class (entered, "caption");

      self->headcount[role] = GTK_SPIN_BUTTON (make_spin (self, role, FALSE));
      self->wte[role] = GTK_SPIN_BUTTON (make_spin (self, role, TRUE));
      self->entered[role] = GTK_LABEL (entered);

      gtk_grid_attach (GTK_GRID (grid), label, 0, role + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->headcount[role]), 1, role + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->wte[role]), 2, role + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entered, 3, role + 1, 1, 1);
    }

  return grid;
}

/* Loading ------------------------------------------------------------------------------- */

static void
clear_sections (ClwImtpPage *self)
{
  for (guint i = 0; i < self->section_editors->len; i++)
    gtk_box_remove (self->sections_box, g_ptr_array_index (self->section_editors, i));
  g_ptr_array_set_size (self->section_editors, 0);

  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      g_clear_handle_id (&self->workforce_source[role], g_source_remove);
      self->headcount[role] = NULL;
      self->wte[role] = NULL;
      self->entered[role] = NULL;
    }
}

static void
set_editor (ClwImtpPage   *self,
            ClwImtpEditor *editor)
{
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_func (self->editor, update_status, self);
  clear_sections (self);
  g_set_object (&self->editor, editor);

  if (editor == NULL)
    return;

  g_signal_connect_swapped (editor, "notify", G_CALLBACK (update_status), self);
  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      GtkWidget *section = clw_imtp_section_editor_new (editor, kind);

      if (kind == CLW_IMTP_SECTION_KIND_WORKFORCE)
        clw_imtp_section_editor_set_extra (CLW_IMTP_SECTION_EDITOR (section), make_workforce_grid (self));
      gtk_box_append (self->sections_box, section);
      g_ptr_array_add (self->section_editors, section);
    }
}

static void
load (ClwImtpPage *self)
{
  g_autoptr(ClwImtpEditor) editor = NULL;
  g_autoptr(ClwRecord) practice = NULL;
  g_autoptr(ClwRecord) cycle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  const char *cycle_id = self->cycle_id;
  ClwDatabase *db;

  g_clear_pointer (&self->title, g_free);
  set_editor (self, NULL);

  if (self->session == NULL || self->practice_id == NULL)
    {
      show_message (self, _("No Practice"), _("Choose a practice to see its IMTP contribution."));
      return;
    }

  db = clw_session_get_database (self->session);
  if (cycle_id == NULL && clw_session_get_cycle (self->session) != NULL)
    cycle_id = clw_record_get_id (CLW_RECORD (clw_session_get_cycle (self->session)));

  practice = clw_record_load (db, CLW_TYPE_PRACTICE, self->practice_id, &error);
  if (practice != NULL && cycle_id != NULL)
    cycle = clw_record_load (db, CLW_TYPE_CYCLE, cycle_id, &error);
  if (cycle != NULL)
    editor = clw_imtp_editor_new (db, self->practice_id, cycle_id, &error);
  if (editor == NULL)
    {
      show_message (self, _("No IMTP Contribution Here"),
                    error != NULL ? error->message
                                  : _("The database has no QAIF cycle to contribute to."));
      return;
    }

  g_free (self->practice_code);
  self->practice_code = g_strdup (clw_practice_get_code (CLW_PRACTICE (practice)));
  self->title = g_strdup_printf ("%s %s", clw_practice_get_code (CLW_PRACTICE (practice)),
                                 clw_practice_get_name (CLW_PRACTICE (practice)));
  gtk_label_set_label (self->title_label, clw_practice_get_name (CLW_PRACTICE (practice)));
  /* Translators: under the practice's name: "W12345 · IMTP contribution for 2022-23" */
  subtitle = g_strdup_printf (_("%s · IMTP contribution for %s"), clw_practice_get_code (CLW_PRACTICE (practice)),
                              clw_cycle_get_code (CLW_CYCLE (cycle)));
  gtk_label_set_label (self->subtitle_label, subtitle);

  set_editor (self, editor);
  update_workforce (self);
  update_status (self);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
refresh_cb (gpointer user_data)
{
  ClwImtpPage *self = user_data;

  self->refresh_source = 0;
  update_workforce (self);
  update_status (self);
}

static void
database_changed_cb (ClwImtpPage  *self,
                     const char  **tables)
{
  if (g_strv_contains (tables, "practice") && self->practice_id != NULL &&
      !clw_record_exists (clw_session_get_database (self->session), CLW_TYPE_PRACTICE, self->practice_id))
    {
      load (self);
      return;
    }

  /* After the editor itself has read the change. */
  if (self->refresh_source == 0 &&
      (g_strv_contains (tables, "imtp_contribution") || g_strv_contains (tables, "imtp_section") ||
       g_strv_contains (tables, "imtp_workforce")))
    self->refresh_source = g_idle_add_once (refresh_cb, self);
}

/* Submitting and reopening ---------------------------------------------------------- */

static void
submit_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ClwImtpPage      *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!g_str_equal (response, "submit") || self->editor == NULL)
    return;

  if (!clw_imtp_editor_submit (self->editor, NULL, &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Submit the IMTP Contribution"), error);
      return;
    }

  toast = clw_imtp_editor_is_late (self->editor)
    /* Translators: a toast: "Submitted, late, the IMTP contribution of W12345" */
    ? g_strdup_printf (_("Submitted, late, the IMTP contribution of %s"), self->practice_code)
    /* Translators: a toast: "Submitted the IMTP contribution of W12345" */
    : g_strdup_printf (_("Submitted the IMTP contribution of %s"), self->practice_code);
  clw_widget_add_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClwImtpPage *self = CLW_IMTP_PAGE (widget);
  g_auto(GStrv) missing = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *deadline = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_text = NULL;
  GtkWidget *dialog;

  if (self->editor == NULL)
    return;

  /* What was typed counts. */
  clw_imtp_page_flush (self);

  missing = clw_imtp_editor_list_missing (self->editor);
  if (missing[0] != NULL)
    {
      /* Translators: the body of the dialog refusing to submit: "The contribution of W12345 needs:" */
      g_string_append_printf (body, _("Before the contribution of %s can go to the health board:"),
                              self->practice_code);
      for (guint i = 0; missing[i] != NULL; i++)
        g_string_append_printf (body, "\n• %s", missing[i]);
      dialog = adw_message_dialog_new (clw_widget_get_window (widget), _("Not Ready to Submit"), body->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  deadline = format_deadline (self);
  today = clw_session_dup_today_iso (self->session);
  today_text = clw_format_date (today);
  /* Translators: "The contribution of W12345 goes to the health board, dated 15 Jun 2023." */
  g_string_append_printf (body, _("The contribution of %s goes to the health board, dated %s."),
                          self->practice_code, today_text);
  if (clw_imtp_editor_would_be_late (self->editor, NULL))
    g_string_append_printf (body, " %s",
                            _("It is after the deadline: it will be recorded as late, and a late "
                              "contribution does not count for CND015W."));
  g_string_append_printf (body, " %s", _("It can be reopened."));

  dialog = adw_message_dialog_new (clw_widget_get_window (widget), _("Submit the IMTP Contribution?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "submit", _("_Submit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (submit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClwImtpPage *self = CLW_IMTP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (self->editor == NULL)
    return;

  if (!clw_imtp_editor_reopen (self->editor, &error))
    {
      clw_show_error (widget, _("Could Not Reopen the IMTP Contribution"), error);
      return;
    }

  /* Translators: a toast: "Reopened the IMTP contribution of W12345" */
  toast = g_strdup_printf (_("Reopened the IMTP contribution of %s"), self->practice_code);
  clw_widget_add_toast (widget, toast, TRUE);
}

/* GObject and GtkWidget -------------------------------------------------------------- */

static void
clw_imtp_page_unmap (GtkWidget *widget)
{
  flush_workforce (CLW_IMTP_PAGE (widget));

  GTK_WIDGET_CLASS (clw_imtp_page_parent_class)->unmap (widget);
}

static void
clw_imtp_page_dispose (GObject *object)
{
  ClwImtpPage *self = (ClwImtpPage *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->sections_box != NULL)
    {
      flush_workforce (self);
      set_editor (self, NULL);
    }
  clw_imtp_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_IMTP_PAGE);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->section_editors, g_ptr_array_unref);

  G_OBJECT_CLASS (clw_imtp_page_parent_class)->dispose (object);
}

static void
clw_imtp_page_finalize (GObject *object)
{
  ClwImtpPage *self = (ClwImtpPage *) object;

  g_free (self->practice_id);
  g_free (self->cycle_id);
  g_free (self->practice_code);
  g_free (self->title);

  G_OBJECT_CLASS (clw_imtp_page_parent_class)->finalize (object);
}

static void
clw_imtp_page_class_init (ClwImtpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_imtp_page_dispose;
  object_class->finalize = clw_imtp_page_finalize;

  widget_class->unmap = clw_imtp_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-imtp-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ClwImtpPage, title_label);

  gtk_widget_class_install_action (widget_class, "imtp.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "imtp.reopen", NULL, reopen_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_imtp_page_init (ClwImtpPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->section_editors = g_ptr_array_new ();
}

void
clw_imtp_page_set_session (ClwImtpPage *self,
                           ClwSession  *session)
{
  g_return_if_fail (CLW_IS_IMTP_PAGE (self));
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
  g_clear_pointer (&self->practice_id, g_free);
  g_clear_pointer (&self->cycle_id, g_free);

  if (self->stack != NULL)
    load (self);
}

void
clw_imtp_page_set_contribution (ClwImtpPage *self,
                                const char  *practice_id,
                                const char  *cycle_id)
{
  g_return_if_fail (CLW_IS_IMTP_PAGE (self));

  clw_imtp_page_flush (self);
  g_free (self->practice_id);
  self->practice_id = g_strdup (practice_id);
  g_free (self->cycle_id);
  self->cycle_id = g_strdup (cycle_id);
  load (self);
}

const char *
clw_imtp_page_get_title (ClwImtpPage *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PAGE (self), NULL);

  return self->title != NULL ? self->title : "";
}

ClwImtpEditor *
clw_imtp_page_get_editor (ClwImtpPage *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PAGE (self), NULL);

  return self->editor;
}

void
clw_imtp_page_flush (ClwImtpPage *self)
{
  g_return_if_fail (CLW_IS_IMTP_PAGE (self));

  for (guint i = 0; i < self->section_editors->len; i++)
    clw_imtp_section_editor_flush (g_ptr_array_index (self->section_editors, i));
  flush_workforce (self);
}
