/* clw-evidence-list.c: the evidence of a practice or a meeting, with its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table of the evidence (kind, title, date, file, size, who attached
 * it), with Attach… and files dropped from the file manager. Before
 * anything is asked, each file is checked as core would store it (a file
 * that is too large, by the limit of the preferences, or cannot be read is
 * refused with core's message); then the kind, title and date are asked;
 * then core hashes and copies the files in a worker thread, one after the
 * other, with a progress bar for the large ones and a Cancel button, and
 * writes each row: one change each, with an undo toast. The window keeps
 * drawing throughout.
 *
 * A file is opened with the desktop's default application from a copy
 * (checked against its hash, named as it was attached, mode 0600) in the
 * user's runtime folder, made off the main thread; the store's own file is
 * never handed out. The session's re-evaluation after each change
 * (ClwSession on the database's "changed" signal) carries the new evidence
 * to the verdicts and the dashboards.
 */

#define G_LOG_DOMAIN "clw-evidence-list"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "clw-attach-dialog.h"
#include "clw-evidence-list.h"
#include "clw-gui-util.h"

/* A copy that takes longer than this shows its progress. */
#define PROGRESS_DELAY_MS 150

typedef struct
{
  char        *path;
  char        *name;           /* for display */
  ClwEvidence *description;    /* not stored: what core stores with the file */
} AttachJob;

struct _ClwEvidenceList
{
  GtkWidget            parent_instance;

  ClwSession          *session;          /* owned */
  char                *practice_id;      /* owned */
  char                *meeting_id;       /* owned */
  GSettings           *settings;         /* owned */
  gulong               changed_id;
  gboolean             dirty;            /* to read again when shown */

  GQueue               jobs;             /* of AttachJob, waiting */
  AttachJob           *current;          /* owned: being stored */
  GCancellable        *cancellable;      /* owned, of the files being stored */
  GPtrArray           *failures;         /* owned: messages of the files not stored */
  guint                n_attached;
  char                *last_title;       /* owned */
  guint                progress_source;

  /* Template children */
  GtkButton           *attach_button;
  GtkColumnViewColumn *date_column;
  GtkLabel            *description_label;
  GListStore          *items;
  GtkWidget           *progress_box;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sorted;
  GtkStack            *stack;
  GtkColumnView       *view;
};

G_DEFINE_FINAL_TYPE (ClwEvidenceList, clw_evidence_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attach_job_free (AttachJob *job)
{
  g_free (job->path);
  g_free (job->name);
  g_clear_object (&job->description);
  g_free (job);
}

/* The preference is in MB as GNOME counts them (10⁶ bytes, as
 * g_format_size() shows sizes), so that the limit a message quotes is the
 * one the preferences show. */
static guint64
max_size (ClwEvidenceList *self)
{
  return (guint64) g_settings_get_uint (self->settings, "evidence-max-size") * 1000 * 1000;
}

static ClwDatabase *
get_database (ClwEvidenceList *self)
{
  return self->session != NULL ? clw_session_get_database (self->session) : NULL;
}

/* The table --------------------------------------------------------------------------- */

static char *
kind_label_cb (gpointer        unused,
               ClwEvidenceKind kind)
{
  return g_strdup (clw_evidence_kind_to_label (kind));
}

static char *
date_cb (gpointer    unused,
         const char *iso)
{
  return clw_format_date (iso);
}

static char *
file_name_cb (gpointer    unused,
              const char *name)
{
  return g_strdup (name != NULL && *name != '\0' ? name : _("No file"));
}

static char *
size_cb (gpointer unused,
         int      size)
{
  return size > 0 ? g_format_size (size) : g_strdup ("—");
}

static GtkWidget *
action_button (const char *icon_name,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
actions_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  /* Remove stays in line whether or not Open is shown. */
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), action_button ("document-open-symbolic", C_("evidence file", "Open")));
  gtk_box_append (GTK_BOX (box), action_button ("user-trash-symbolic", _("Remove")));
  gtk_list_item_set_child (list_item, box);
}

static void
actions_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  ClwEvidence *evidence = gtk_list_item_get_item (list_item);
  GtkWidget *open = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *remove = gtk_widget_get_next_sibling (open);
  const char *id = clw_record_get_id (CLW_RECORD (evidence));
  const char *sha256 = clw_evidence_get_sha256 (evidence);
  g_autofree char *open_label = NULL;
  g_autofree char *remove_label = NULL;

  /* The target first: a name without its target is a mismatch. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "evidence.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "evidence.remove");
  /* Only evidence with a file can be opened. */
  gtk_widget_set_visible (open, sha256 != NULL && *sha256 != '\0');

  /* Translators: accessible labels of the buttons of an evidence line */
  open_label = g_strdup_printf (_("Open “%s”"), clw_evidence_get_title (evidence));
  remove_label = g_strdup_printf (_("Remove “%s”"), clw_evidence_get_title (evidence));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

static ClwEvidence *
find_item (ClwEvidenceList *self,
           const char      *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (clw_record_get_id (CLW_RECORD (evidence)), id) == 0)
        return g_steal_pointer (&evidence);
    }

  return NULL;
}

static void
reload_now (ClwEvidenceList *self)
{
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ClwDatabase *db = get_database (self);

  if (db != NULL && (self->practice_id != NULL || self->meeting_id != NULL))
    {
      found = clw_evidence_list (db, self->practice_id, self->meeting_id, &error);
      if (found == NULL)
        {
          clw_show_error (GTK_WIDGET (self), _("Could Not Read the Evidence"), error);
          return;
        }
      for (guint i = 0; i < g_list_model_get_n_items (found); i++)
        g_ptr_array_add (items, g_list_model_get_item (found, i));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
}

/* Only what is on screen is kept up to date; the rest when it is shown. */
static void
reload (ClwEvidenceList *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = FALSE;
      reload_now (self);
    }
  else
    self->dirty = TRUE;
}

static void
database_changed_cb (ClwEvidenceList  *self,
                     const char      **tables)
{
  if (g_strv_contains (tables, "evidence"))
    reload (self);
}

/* Storing files, one after the other ------------------------------------------------ */

static void run_next (ClwEvidenceList *self);

static gboolean
show_progress_cb (gpointer user_data)
{
  ClwEvidenceList *self = user_data;

  self->progress_source = 0;
  gtk_widget_set_visible (self->progress_box, TRUE);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer user_data)
{
  ClwEvidenceList *self = user_data;
  g_autofree char *done = g_format_size (current);
  g_autofree char *all = g_format_size (total);
  g_autofree char *text = NULL;

  if (self->current == NULL)
    return;

  /* Translators: while a file is stored: "Attaching “plan.pdf”: 12.0 MB of 48.2 MB" */
  text = g_strdup_printf (_("Attaching “%s”: %s of %s"), self->current->name, done, all);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) current / total : 1.0);
}

static void
show_failures (ClwEvidenceList *self,
               GPtrArray       *messages,
               guint            n_files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_ptr_array_add (messages, NULL);
  body = g_strjoinv ("\n\n", (char **) messages->pdata);
  g_ptr_array_remove_index (messages, messages->len - 1);
  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, body);
  clw_show_error (GTK_WIDGET (self),
                  n_files == 1 ? _("The File Was Not Attached")
                               : _("Some Files Were Not Attached"),
                  error);
}

static void
finish_all (ClwEvidenceList *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_visible (self->progress_box, FALSE);
  g_clear_object (&self->cancellable);

  if (self->failures->len > 0)
    show_failures (self, self->failures, self->failures->len);

  if (self->n_attached == 1)
    {
      /* Translators: a toast: "Attached “Cluster plan 2023”" */
      g_autofree char *toast = g_strdup_printf (_("Attached “%s”"), self->last_title);
      clw_widget_add_toast (GTK_WIDGET (self), toast, TRUE);
    }
  else if (self->n_attached > 1)
    {
      g_autofree char *toast = g_strdup_printf (ngettext ("Attached %u file", "Attached %u files",
                                                          self->n_attached), self->n_attached);
      clw_widget_add_toast (GTK_WIDGET (self), toast, FALSE);
    }

  self->n_attached = 0;
  g_clear_pointer (&self->last_title, g_free);
  g_ptr_array_set_size (self->failures, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
attached_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClwEvidenceList) self = user_data;
  g_autoptr(ClwEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  evidence = clw_evidence_attach_file_finish (CLW_DATABASE (source), result, &error);
  g_clear_pointer (&self->current, attach_job_free);

  if (evidence != NULL)
    {
      self->n_attached++;
      g_free (self->last_title);
      self->last_title = g_strdup (clw_evidence_get_title (evidence));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_queue_clear_full (&self->jobs, (GDestroyNotify) attach_job_free);
  else
    g_ptr_array_add (self->failures, g_strdup (error->message));

  run_next (self);
}

static void
run_next (ClwEvidenceList *self)
{
  ClwDatabase *db = get_database (self);

  if (self->current != NULL)
    return;

  self->current = g_queue_pop_head (&self->jobs);
  if (self->current == NULL || db == NULL)
    {
      g_clear_pointer (&self->current, attach_job_free);
      g_queue_clear_full (&self->jobs, (GDestroyNotify) attach_job_free);
      finish_all (self);
      return;
    }

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  progress_cb (0, 0, self);
  if (!gtk_widget_get_visible (self->progress_box) && self->progress_source == 0)
    self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);

  clw_evidence_attach_file_async (db, self->current->description, self->current->path, max_size (self),
                                  progress_cb, g_object_ref (self), g_object_unref,
                                  self->cancellable, attached_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (ClwEvidenceList *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* Asking what the files are ---------------------------------------------------------- */

typedef struct
{
  GPtrArray *paths;            /* of char*, checked */
  int        kind;
  char      *indicator_id;
} Pending;

static void
pending_free (Pending *pending)
{
  g_ptr_array_unref (pending->paths);
  g_free (pending->indicator_id);
  g_free (pending);
}

static void
attach_response_cb (ClwAttachDialog *dialog,
                    const char      *response,
                    ClwEvidenceList *self)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "pending");
  g_autofree char *title = NULL;
  gboolean was_busy = clw_evidence_list_get_busy (self);

  if (!g_str_equal (response, "attach") || self->session == NULL)
    return;

  title = clw_attach_dialog_dup_title (dialog);
  for (guint i = 0; i < pending->paths->len; i++)
    {
      const char *path = g_ptr_array_index (pending->paths, i);
      AttachJob *job = g_new0 (AttachJob, 1);

      job->path = g_strdup (path);
      job->name = g_filename_display_basename (path);
      job->description = clw_evidence_new ();
      g_object_set (job->description,
                    "kind", clw_attach_dialog_get_kind (dialog),
                    "title", title != NULL ? title : "",
                    "evidence-on", clw_attach_dialog_get_date (dialog),
                    "practice-id", self->practice_id,
                    "meeting-id", self->meeting_id,
                    "indicator-id", pending->indicator_id,
                    "notes", "",
                    NULL);
      g_queue_push_tail (&self->jobs, job);
    }

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  run_next (self);
}

static void
ask (ClwEvidenceList *self,
     Pending         *pending)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *today = clw_session_dup_today_iso (self->session);
  ClwAttachDialog *dialog;

  for (guint i = 0; i < pending->paths->len; i++)
    {
      g_autofree char *name = g_filename_display_basename (g_ptr_array_index (pending->paths, i));
      g_strv_builder_add (builder, name);
    }
  names = g_strv_builder_end (builder);

  dialog = clw_attach_dialog_new (clw_widget_get_window (GTK_WIDGET (self)), (const char * const *) names,
                                  pending->kind >= 0 ? pending->kind : CLW_EVIDENCE_KIND_OTHER, today);
  g_object_set_data_full (G_OBJECT (dialog), "pending", pending, (GDestroyNotify) pending_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (attach_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refused_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ClwEvidenceList  *self)
{
  Pending *pending = g_object_steal_data (G_OBJECT (dialog), "pending");

  if (pending != NULL && self->session != NULL)
    ask (self, pending);
  else if (pending != NULL)
    pending_free (pending);
}

/* Choosing files ---------------------------------------------------------------------- */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ClwEvidenceList *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      clw_evidence_list_attach_files (self,
                                      list,
                                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind")),
                                      g_object_get_data (G_OBJECT (chooser), "indicator-id"));
      g_slist_free_full (list, g_object_unref);
    }

  g_object_unref (chooser);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  clw_evidence_list_choose_files (CLW_EVIDENCE_LIST (widget), -1, NULL);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         ClwEvidenceList *self)
{
  GSList *files;

  /* Only the value: a drop emitted by a test has no GdkDrop. */
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->session == NULL ||
      (self->practice_id == NULL && self->meeting_id == NULL))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  clw_evidence_list_attach_files (self, files, -1, NULL);
  g_slist_free (files);
  return TRUE;
}

/* Opening and removing ------------------------------------------------------------------- */

typedef struct
{
  char *db_path;
  char *evidence_id;
  char *destination;
  char *title;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->db_path);
  g_free (data->evidence_id);
  g_free (data->destination);
  g_free (data->title);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(ClwDatabase) db = NULL;
  GError *error = NULL;

  db = clw_database_open (data->db_path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, &error);
  if (db == NULL || !clw_evidence_export_file (db, data->evidence_id, data->destination, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ClwEvidenceList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_prefix_error (&error, _("No application opened the file: "));
      clw_show_error (GTK_WIDGET (self), _("Could Not Open the File"), error);
    }
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClwEvidenceList *self = CLW_EVIDENCE_LIST (source);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  GtkWindow *window;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), data->title);
      clw_show_error (GTK_WIDGET (self), heading, error);
      return;
    }

  window = clw_widget_get_window (GTK_WIDGET (self));
  if (window == NULL)
    return;

  file = g_file_new_for_path (data->destination);
  uri = g_file_get_uri (file);
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, shown_cb, g_object_ref (self));
}

/* A folder of the user's own for the copies opened: the runtime folder is
 * the user's only (0700) and emptied when they log out. */
static char *
make_open_folder (GError **error)
{
  g_autofree char *parent = g_build_filename (g_get_user_runtime_dir (), "clwstwr", "opened", NULL);
  g_autofree char *template = NULL;

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), parent, g_strerror (saved_errno));
      return NULL;
    }

  template = g_build_filename (parent, "XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make a folder in “%s”: %s"), parent, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&template);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClwEvidenceList *self = CLW_EVIDENCE_LIST (widget);
  g_autoptr(ClwEvidence) evidence = find_item (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  OpenData *data;

  if (evidence == NULL || get_database (self) == NULL || clw_text_is_blank (clw_evidence_get_sha256 (evidence)))
    return;

  folder = make_open_folder (&error);
  if (folder == NULL)
    {
      clw_show_error (widget, _("Could Not Open the File"), error);
      return;
    }

  /* The name it was attached with, as a name only. */
  name = g_path_get_basename (clw_evidence_get_original_name (evidence));
  if (clw_text_is_blank (name) || g_str_equal (name, ".") || g_str_equal (name, G_DIR_SEPARATOR_S))
    {
      g_free (name);
      name = g_strdup ("evidence");
    }

  data = g_new0 (OpenData, 1);
  data->db_path = g_strdup (clw_database_get_path (get_database (self)));
  data->evidence_id = g_strdup (clw_record_get_id (CLW_RECORD (evidence)));
  data->destination = g_build_filename (folder, name, NULL);
  data->title = g_strdup (clw_evidence_get_title (evidence));

  task = g_task_new (self, NULL, exported_cb, NULL);
  g_task_set_source_tag (task, open_action);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
remove_evidence (ClwEvidenceList *self,
                 const char      *id)
{
  g_autoptr(ClwEvidence) evidence = find_item (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (evidence == NULL || get_database (self) == NULL)
    return;

  if (!clw_evidence_remove (get_database (self), id, &error))
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Remove the Evidence"), error);
      return;
    }

  /* Translators: a toast: "Removed “Cluster plan 2023”" */
  toast = g_strdup_printf (_("Removed “%s”"), clw_evidence_get_title (evidence));
  clw_widget_add_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  remove_evidence (CLW_EVIDENCE_LIST (widget), g_variant_get_string (parameter, NULL));
}

static void
remove_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClwEvidenceList *self = CLW_EVIDENCE_LIST (widget);
  ClwEvidence *evidence = gtk_single_selection_get_selected_item (self->selection);

  if (evidence != NULL)
    remove_evidence (self, clw_record_get_id (CLW_RECORD (evidence)));
}

/* Enter on a line opens its file. */
static void
activated_cb (ClwEvidenceList *self,
              guint            position)
{
  g_autoptr(ClwEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (evidence != NULL && !clw_text_is_blank (clw_evidence_get_sha256 (evidence)))
    gtk_widget_activate_action (GTK_WIDGET (self), "evidence.open", "s",
                                clw_record_get_id (CLW_RECORD (evidence)));
}

/* GObject and GtkWidget ------------------------------------------------------------------- */

static void
clw_evidence_list_map (GtkWidget *widget)
{
  ClwEvidenceList *self = CLW_EVIDENCE_LIST (widget);

  GTK_WIDGET_CLASS (clw_evidence_list_parent_class)->map (widget);

  if (self->dirty)
    {
      self->dirty = FALSE;
      reload_now (self);
    }
}

static void
clw_evidence_list_dispose (GObject *object)
{
  ClwEvidenceList *self = (ClwEvidenceList *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  clw_evidence_list_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_EVIDENCE_LIST);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_queue_clear_full (&self->jobs, (GDestroyNotify) attach_job_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (clw_evidence_list_parent_class)->dispose (object);
}

static void
clw_evidence_list_finalize (GObject *object)
{
  ClwEvidenceList *self = (ClwEvidenceList *) object;

  g_free (self->practice_id);
  g_free (self->meeting_id);
  g_free (self->last_title);
  g_clear_pointer (&self->current, attach_job_free);
  g_clear_pointer (&self->failures, g_ptr_array_unref);

  G_OBJECT_CLASS (clw_evidence_list_parent_class)->finalize (object);
}

static void
clw_evidence_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClwEvidenceList *self = CLW_EVIDENCE_LIST (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, clw_evidence_list_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_evidence_list_class_init (ClwEvidenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_evidence_list_dispose;
  object_class->finalize = clw_evidence_list_finalize;
  object_class->get_property = clw_evidence_list_get_property;

  widget_class->map = clw_evidence_list_map;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CLW_TYPE_EVIDENCE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-evidence-list.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, attach_button);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, date_column);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, description_label);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, items);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, selection);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, sorted);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, stack);
  gtk_widget_class_bind_template_child (widget_class, ClwEvidenceList, view);
  gtk_widget_class_bind_template_callback (widget_class, actions_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, actions_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_cb);
  gtk_widget_class_bind_template_callback (widget_class, file_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_cb);

  gtk_widget_class_install_action (widget_class, "evidence.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "evidence.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove-selected", NULL, remove_selected_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_evidence_list_init (ClwEvidenceList *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->failures = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&self->jobs);

  /* Delete removes the line chosen (with undo). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("evidence.remove-selected")));
  gtk_widget_add_controller (GTK_WIDGET (self->view), shortcuts);

  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->view));
  gtk_column_view_sort_by_column (self->view, self->date_column, GTK_SORT_DESCENDING);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
clw_evidence_list_set_session (ClwEvidenceList *self,
                               ClwSession      *session)
{
  g_return_if_fail (CLW_IS_EVIDENCE_LIST (self));
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
  g_clear_pointer (&self->meeting_id, g_free);

  if (self->items != NULL)
    reload (self);
}

void
clw_evidence_list_set_practice_id (ClwEvidenceList *self,
                                   const char      *practice_id)
{
  g_return_if_fail (CLW_IS_EVIDENCE_LIST (self));

  g_clear_pointer (&self->meeting_id, g_free);
  g_free (self->practice_id);
  self->practice_id = g_strdup (practice_id);
  gtk_label_set_label (self->description_label,
                       _("Files that show what the practice did: partnership working, its contribution "
                         "to the population needs assessment, QI, peer review… Drop files on the page "
                         "to attach them."));
  reload (self);
}

void
clw_evidence_list_set_meeting_id (ClwEvidenceList *self,
                                  const char      *meeting_id)
{
  g_return_if_fail (CLW_IS_EVIDENCE_LIST (self));

  g_clear_pointer (&self->practice_id, g_free);
  g_free (self->meeting_id);
  self->meeting_id = g_strdup (meeting_id);
  gtk_label_set_label (self->description_label,
                       _("Files of the meeting: papers, presentations, the signed minutes. Drop files "
                         "on the page to attach them."));
  reload (self);
}

GListModel *
clw_evidence_list_get_items (ClwEvidenceList *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_LIST (self), NULL);

  return G_LIST_MODEL (self->items);
}

gboolean
clw_evidence_list_get_busy (ClwEvidenceList *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_LIST (self), FALSE);

  return self->current != NULL || !g_queue_is_empty (&self->jobs);
}

void
clw_evidence_list_choose_files (ClwEvidenceList *self,
                                int              kind,
                                const char      *indicator_id)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (CLW_IS_EVIDENCE_LIST (self));

  chooser = gtk_file_chooser_native_new (_("Attach Evidence"), clw_widget_get_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (chooser), "indicator-id", g_strdup (indicator_id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
clw_evidence_list_attach_files (ClwEvidenceList *self,
                                GSList          *files,
                                int              kind,
                                const char      *indicator_id)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  Pending *pending;

  g_return_if_fail (CLW_IS_EVIDENCE_LIST (self));

  if (self->session == NULL || (self->practice_id == NULL && self->meeting_id == NULL))
    return;

  pending = g_new0 (Pending, 1);
  pending->paths = g_ptr_array_new_with_free_func (g_free);
  pending->kind = kind;
  pending->indicator_id = g_strdup (indicator_id);

  /* Refused now, with core's reason, rather than after the questions. */
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (l->data);
          g_ptr_array_add (refused, g_strdup_printf (_("“%s” is not a file on this computer: copy it to a "
                                                       "folder of yours and attach it from there."), uri));
          continue;
        }

      if (!clw_attachment_store_check_file (path, max_size (self), NULL, NULL, &error))
        {
          if (g_error_matches (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE))
            g_ptr_array_add (refused, g_strdup_printf (_("%s The limit is in Preferences."), error->message));
          else
            g_ptr_array_add (refused, g_strdup (error->message));
          continue;
        }

      g_ptr_array_add (pending->paths, g_steal_pointer (&path));
    }

  if (refused->len == 0)
    {
      ask (self, pending);
      return;
    }

  {
    g_autofree char *body = NULL;
    GtkWidget *dialog;

    g_ptr_array_add (refused, NULL);
    body = g_strjoinv ("\n\n", (char **) refused->pdata);
    dialog = adw_message_dialog_new (clw_widget_get_window (GTK_WIDGET (self)),
                                     refused->len - 1 == 1 ? _("The File Cannot Be Attached")
                                                           : _("Some Files Cannot Be Attached"),
                                     body);
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                     pending->paths->len > 0 ? _("_Attach the Others") : _("_Close"));
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
    if (pending->paths->len > 0)
      {
        g_object_set_data_full (G_OBJECT (dialog), "pending", pending, (GDestroyNotify) pending_free);
        g_signal_connect_object (dialog, "response", G_CALLBACK (refused_response_cb), self, 0);
      }
    else
      pending_free (pending);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

void
clw_evidence_list_add_drop_target (ClwEvidenceList *self,
                                   GtkWidget       *widget)
{
  GtkDropTarget *target;

  g_return_if_fail (CLW_IS_EVIDENCE_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}
