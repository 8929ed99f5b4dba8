/* clw-practice-import-dialog.c: what importing a practice list will do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of the file grouped by what importing them does (rejected
 * first, with the row and every reason; then additions; then changes, each
 * field old → new; the unchanged on request), with the counts. Import
 * applies the whole file as one change, which Undo takes back; it stays
 * disabled, and says why, while a row is rejected (core refuses it then
 * anyway) or when there is nothing to change. The file can be read again
 * once corrected. Everything the import decides comes from core's preview.
 */

#define G_LOG_DOMAIN "clw-practice-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-practice-import-dialog.h"

struct _ClwPracticeImportDialog
{
  AdwWindow           parent_instance;

  ClwSession         *session;       /* owned */
  GFile              *file;          /* owned */
  ClwPracticeImport  *import;        /* owned, nullable: NULL while the file cannot be read */
  GCancellable       *cancellable;   /* owned, nullable: of the reading under way */
  GtkCustomFilter    *filter;        /* owned */
  gboolean            busy;

  /* Template children */
  GtkLabel           *add_count;
  GtkLabel           *change_count;
  GtkLabel           *columns_label;
  GtkButton          *import_button;
  GtkBox             *reason_box;
  GtkLabel           *reason_label;
  GtkSpinner         *reading_spinner;
  GtkStack           *reread_stack;
  GtkLabel           *rejected_count;
  GtkFilterListModel *rows_filtered;
  GtkSortListModel   *rows_sorted;
  GtkColumnView      *rows_view;
  GtkCheckButton     *unchanged_check;
  GtkLabel           *unchanged_count;
  AdwWindowTitle     *window_title;
};

G_DEFINE_FINAL_TYPE (ClwPracticeImportDialog, clw_practice_import_dialog, ADW_TYPE_WINDOW)

/* The order of the groups: what stops the import first. */
static int
action_rank (ClwImportAction action)
{
  switch (action)
    {
    case CLW_IMPORT_ACTION_REJECTED:
      return 0;
    case CLW_IMPORT_ACTION_ADD:
      return 1;
    case CLW_IMPORT_ACTION_CHANGE:
      return 2;
    case CLW_IMPORT_ACTION_UNCHANGED:
    default:
      return 3;
    }
}

/* Closures of the template ------------------------------------------------------ */

static char *
row_number_cb (GtkListItem          *list_item,
               ClwPracticeImportRow *row)
{
  return row != NULL ? g_strdup_printf ("%u", clw_practice_import_row_get_row (row)) : g_strdup ("");
}

static char *
row_action_cb (GtkListItem          *list_item,
               ClwPracticeImportRow *row)
{
  if (row == NULL)
    return g_strdup ("");

  switch (clw_practice_import_row_get_action (row))
    {
    case CLW_IMPORT_ACTION_ADD:
      return g_strdup (C_("practice import", "To add"));
    case CLW_IMPORT_ACTION_CHANGE:
      return g_strdup (C_("practice import", "To change"));
    case CLW_IMPORT_ACTION_REJECTED:
      return g_strdup (C_("practice import", "Rejected"));
    case CLW_IMPORT_ACTION_UNCHANGED:
    default:
      return g_strdup (C_("practice import", "Unchanged"));
    }
}

static GStrv
row_action_classes_cb (GtkListItem          *list_item,
                       ClwPracticeImportRow *row)
{
  const char *look;

  switch (row != NULL ? clw_practice_import_row_get_action (row) : CLW_IMPORT_ACTION_UNCHANGED)
    {
    case CLW_IMPORT_ACTION_ADD:
      look = "achieved";
      break;
    case CLW_IMPORT_ACTION_CHANGE:
      look = "on-track";
      break;
    case CLW_IMPORT_ACTION_REJECTED:
      look = "not-achieved";
      break;
    case CLW_IMPORT_ACTION_UNCHANGED:
    default:
      look = "dim-label";
      break;
    }

  return g_strdupv ((char *[]) { (char *) "verdict-chip", (char *) look, NULL });
}

static char *
row_code_cb (GtkListItem          *list_item,
             ClwPracticeImportRow *row)
{
  const char *code = row != NULL ? clw_practice_import_row_get_code (row) : NULL;

  /* Translators: the practice code of a row that has none */
  return g_strdup (code != NULL && *code != '\0' ? code : C_("practice code", "—"));
}

static char *
row_name_cb (GtkListItem          *list_item,
             ClwPracticeImportRow *row)
{
  const char *name = row != NULL ? clw_practice_import_row_get_name (row) : NULL;

  return g_strdup (name != NULL ? name : "");
}

static char *
row_cluster_cb (GtkListItem          *list_item,
                ClwPracticeImportRow *row)
{
  const char *label = row != NULL ? clw_practice_import_row_get_cluster_label (row) : NULL;

  return g_strdup (label != NULL ? label : "");
}

/* One line a change (field: old → new) or a reason; else core's summary. */
static char *
row_details_cb (GtkListItem          *list_item,
                ClwPracticeImportRow *row)
{
  g_autoptr(GString) text = NULL;
  const char * const *reasons;
  guint n_changes;

  if (row == NULL)
    return g_strdup ("");

  text = g_string_new (NULL);
  reasons = clw_practice_import_row_get_reasons (row);
  n_changes = clw_practice_import_row_get_n_changes (row);

  if (clw_practice_import_row_get_action (row) == CLW_IMPORT_ACTION_REJECTED && reasons != NULL)
    {
      for (guint i = 0; reasons[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, reasons[i]);
        }
    }
  else if (clw_practice_import_row_get_action (row) == CLW_IMPORT_ACTION_CHANGE && n_changes > 0)
    {
      for (guint i = 0; i < n_changes; i++)
        {
          const ClwPracticeImportChange *change = clw_practice_import_row_get_change (row, i);

          if (i > 0)
            g_string_append_c (text, '\n');
          /* Translators: a field an import changes: "registered list size: 8400 → 8512" */
          g_string_append_printf (text, _("%s: %s → %s"), change->label, change->old_value, change->new_value);
        }
    }
  else
    g_string_append (text, clw_practice_import_row_get_summary (row));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Showing the preview ---------------------------------------------------------- */

static void
set_count (GtkLabel *label,
           guint     count,
           char     *text)
{
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), count > 0);
  g_free (text);
}

static char *
dup_columns_text (ClwPracticeImport *import)
{
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_free);
  const char * const *ignored = clw_practice_import_get_ignored_columns (import);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *read_list = NULL;

  for (int field = CLW_PRACTICE_FIELD_CODE; field < CLW_N_PRACTICE_FIELDS; field++)
    {
      const char *header = clw_practice_import_get_column (import, field);

      if (header != NULL)
        /* Translators: a column of a spreadsheet and what Clwstwr reads in it: "“ODS Code” as practice code" */
        g_ptr_array_add (read, g_strdup_printf (_("“%s” as %s"), header, clw_practice_field_to_label (field)));
    }
  g_ptr_array_add (read, NULL);
  read_list = g_strjoinv (_(", "), (GStrv) read->pdata);

  /* Translators: %u is the row of the header in the spreadsheet, %s the columns read */
  g_string_append_printf (text, _("Header on row %u. Read: %s."),
                          clw_practice_import_get_header_row (import), read_list);

  if (ignored != NULL && ignored[0] != NULL)
    {
      g_autoptr(GPtrArray) quoted = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; ignored[i] != NULL; i++)
        g_ptr_array_add (quoted, g_strdup_printf (_("“%s”"), ignored[i]));
      g_ptr_array_add (quoted, NULL);
      list = g_strjoinv (_(", "), (GStrv) quoted->pdata);
      g_string_append_c (text, ' ');
      /* Translators: the columns of the spreadsheet that Clwstwr does not know */
      g_string_append_printf (text, _("Not read (no field of a practice): %s."), list);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
first_rejected_row (ClwPracticeImport *import)
{
  GListModel *rows = clw_practice_import_get_rows (import);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeImportRow) row = g_list_model_get_item (rows, i);

      if (clw_practice_import_row_get_action (row) == CLW_IMPORT_ACTION_REJECTED)
        return clw_practice_import_row_get_row (row);
    }
  return 0;
}

/* Import is possible, or the reason it is not. */
static void
update_state (ClwPracticeImportDialog *self)
{
  g_autofree char *reason = NULL;
  gboolean can_apply = !self->busy && self->import != NULL && clw_practice_import_can_apply (self->import);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_apply);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.read-again", !self->busy);
  gtk_stack_set_visible_child_name (self->reread_stack, self->busy ? "reading" : "button");
  gtk_spinner_set_spinning (self->reading_spinner, self->busy);

  if (self->busy)
    reason = g_strdup (_("Reading the file again…"));
  else if (self->import == NULL)
    reason = g_strdup (_("The file could not be read, so nothing can be imported. Correct it, save it as "
                         "CSV UTF-8 and read it again (F5)."));
  else
    {
      guint rejected = clw_practice_import_count (self->import, CLW_IMPORT_ACTION_REJECTED);

      if (rejected == 1)
        reason = g_strdup_printf (_("Row %u is rejected, and nothing is imported while a row is rejected. "
                                    "Correct it in the spreadsheet, save it as CSV UTF-8 again, then read "
                                    "the file again (F5)."),
                                  first_rejected_row (self->import));
      else if (rejected > 1)
        reason = g_strdup_printf (ngettext ("%u row is rejected, the first on row %u, and nothing is imported "
                                            "while a row is rejected. Correct them in the spreadsheet, save it "
                                            "as CSV UTF-8 again, then read the file again (F5).",
                                            "%u rows are rejected, the first on row %u, and nothing is imported "
                                            "while a row is rejected. Correct them in the spreadsheet, save it "
                                            "as CSV UTF-8 again, then read the file again (F5).",
                                            rejected),
                                  rejected, first_rejected_row (self->import));
      else if (!can_apply)
        reason = g_strdup (_("Every practice in the file is already as Clwstwr has it: there is nothing to "
                             "import."));
    }

  gtk_label_set_label (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_box), reason != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_button), reason);
}

static void
show_import (ClwPracticeImportDialog *self)
{
  ClwPracticeImport *import = self->import;
  guint added = import != NULL ? clw_practice_import_count (import, CLW_IMPORT_ACTION_ADD) : 0;
  guint changed = import != NULL ? clw_practice_import_count (import, CLW_IMPORT_ACTION_CHANGE) : 0;
  guint unchanged = import != NULL ? clw_practice_import_count (import, CLW_IMPORT_ACTION_UNCHANGED) : 0;
  guint rejected = import != NULL ? clw_practice_import_count (import, CLW_IMPORT_ACTION_REJECTED) : 0;
  g_autofree char *check_label = NULL;

  set_count (self->rejected_count, rejected,
             g_strdup_printf (ngettext ("%u rejected", "%u rejected", rejected), rejected));
  set_count (self->add_count, added,
             g_strdup_printf (ngettext ("%u to add", "%u to add", added), added));
  set_count (self->change_count, changed,
             g_strdup_printf (ngettext ("%u to change", "%u to change", changed), changed));
  set_count (self->unchanged_count, unchanged,
             g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", unchanged), unchanged));

  if (import != NULL)
    {
      g_autofree char *columns = dup_columns_text (import);

      gtk_label_set_label (self->columns_label, columns);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->columns_label), import != NULL);

  check_label = g_strdup_printf (ngettext ("Show the %u _unchanged practice",
                                           "Show the %u _unchanged practices", unchanged),
                                 unchanged);
  gtk_check_button_set_label (self->unchanged_check, check_label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unchanged_check), unchanged > 0);
  /* A file that changes nothing shows what it holds rather than nothing. */
  if (unchanged > 0 && added + changed + rejected == 0)
    gtk_check_button_set_active (self->unchanged_check, TRUE);

  gtk_sort_list_model_set_model (self->rows_sorted, import != NULL ? clw_practice_import_get_rows (import) : NULL);
  update_state (self);
}

static void
set_import (ClwPracticeImportDialog *self,
            ClwPracticeImport       *import)
{
  g_set_object (&self->import, import);
  show_import (self);
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  ClwPracticeImportDialog *self = user_data;

  return clw_practice_import_row_get_action (item) != CLW_IMPORT_ACTION_UNCHANGED ||
         gtk_check_button_get_active (self->unchanged_check);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  ClwPracticeImportRow *x = (ClwPracticeImportRow *) a;
  ClwPracticeImportRow *y = (ClwPracticeImportRow *) b;
  int rx = action_rank (clw_practice_import_row_get_action (x));
  int ry = action_rank (clw_practice_import_row_get_action (y));
  guint nx = clw_practice_import_row_get_row (x);
  guint ny = clw_practice_import_row_get_row (y);

  if (rx != ry)
    return rx < ry ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return nx < ny ? GTK_ORDERING_SMALLER : nx > ny ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Callbacks ----------------------------------------------------------------------- */

static void
unchanged_toggled_cb (ClwPracticeImportDialog *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter),
                        gtk_check_button_get_active (self->unchanged_check) ? GTK_FILTER_CHANGE_LESS_STRICT
                                                                            : GTK_FILTER_CHANGE_MORE_STRICT);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClwPracticeImportDialog) self = user_data;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = clw_practice_import_preview_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  g_clear_object (&self->cancellable);
  set_import (self, import);

  if (import == NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Read “%s”"), name);

      clw_show_error (GTK_WIDGET (self), heading, error);
    }
}

static void
read_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClwPracticeImportDialog *self = CLW_PRACTICE_IMPORT_DIALOG (widget);
  g_autofree char *path = g_file_get_path (self->file);

  if (self->busy || path == NULL)
    return;

  self->busy = TRUE;
  self->cancellable = g_cancellable_new ();
  update_state (self);

  clw_practice_import_preview_async (clw_database_get_path (clw_session_get_database (self->session)),
                                     path, 0, self->cancellable, preview_done_cb, g_object_ref (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClwPracticeImportDialog *self = CLW_PRACTICE_IMPORT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *added_text = NULL;
  g_autofree char *changed_text = NULL;
  g_autofree char *title = NULL;
  guint added, changed;

  if (self->busy || self->import == NULL || !clw_practice_import_can_apply (self->import))
    return;

  added = clw_practice_import_count (self->import, CLW_IMPORT_ACTION_ADD);
  changed = clw_practice_import_count (self->import, CLW_IMPORT_ACTION_CHANGE);

  if (!clw_practice_import_apply (self->import, clw_session_get_database (self->session), &error))
    {
      clw_show_error (widget, _("Could Not Import the Practices"), error);
      return;
    }

  name = g_file_get_basename (self->file);
  added_text = g_strdup_printf (ngettext ("%u practice added", "%u practices added", added), added);
  changed_text = g_strdup_printf (ngettext ("%u practice changed", "%u practices changed", changed), changed);
  if (added > 0 && changed > 0)
    /* Translators: the toast after an import: "3 practices added, 2 practices changed (list.csv)" */
    title = g_strdup_printf (_("%s, %s (%s)"), added_text, changed_text, name);
  else
    /* Translators: the toast after an import: "3 practices added (list.csv)" */
    title = g_strdup_printf (_("%s (%s)"), added > 0 ? added_text : changed_text, name);

  if (parent != NULL)
    clw_widget_add_toast (GTK_WIDGET (parent), title, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject ------------------------------------------------------------------------ */

static void
clw_practice_import_dialog_dispose (GObject *object)
{
  ClwPracticeImportDialog *self = (ClwPracticeImportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_PRACTICE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (clw_practice_import_dialog_parent_class)->dispose (object);
}

static void
clw_practice_import_dialog_class_init (ClwPracticeImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_practice_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-practice-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, add_count);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, change_count);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, columns_label);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, reason_box);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, reread_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, rejected_count);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, rows_filtered);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, rows_sorted);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, rows_view);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, unchanged_check);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, unchanged_count);
  gtk_widget_class_bind_template_child (widget_class, ClwPracticeImportDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, row_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_action_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_cluster_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_details_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, unchanged_toggled_cb);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.read-again", NULL, read_again_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "import.read-again", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "import.read-again", NULL);
}

static void
clw_practice_import_dialog_init (ClwPracticeImportDialog *self)
{
  g_autoptr(GtkCustomSorter) sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  sorter = gtk_custom_sorter_new (compare_rows, NULL, NULL);
  gtk_sort_list_model_set_sorter (self->rows_sorted, GTK_SORTER (sorter));
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  gtk_filter_list_model_set_filter (self->rows_filtered, GTK_FILTER (self->filter));
}

/* Public API ----------------------------------------------------------------------- */

ClwPracticeImportDialog *
clw_practice_import_dialog_new (GtkWindow         *parent,
                                ClwSession        *session,
                                GFile             *file,
                                ClwPracticeImport *import)
{
  ClwPracticeImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CLW_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (import), NULL);

  self = g_object_new (CLW_TYPE_PRACTICE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->file = g_object_ref (file);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  set_import (self, import);

  return self;
}

ClwPracticeImport *
clw_practice_import_dialog_get_import (ClwPracticeImportDialog *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_DIALOG (self), NULL);

  return self->import;
}

gboolean
clw_practice_import_dialog_get_busy (ClwPracticeImportDialog *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}
