/* clw-window-returns.c: what the window hands out and takes in: IMTP
 * returns, meeting packs (as PDF and on paper) and practice lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions ask for a file or a folder (GtkFileChooserNative),
 * then run core's asynchronous functions: a return is made, validated
 * against its schema and written by core; a pack is gathered and drawn by
 * core, for the PDF and for the printer alike; a practice list is read and
 * compared by core, then shown for the user to apply. One job runs at a
 * time, with a progress dialog (which can cancel it) when it takes longer
 * than a moment. Nothing about formats or drawing is decided here.
 */

#define G_LOG_DOMAIN "clw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-practice-import-dialog.h"
#include "clw-print-operation.h"
#include "clw-window-private.h"
#include "clw-window-returns.h"

/* Most jobs take less: no dialog flashes by for them. */
#define PROGRESS_DELAY_MS 400
/* The files named in a question; the others are counted. */
#define MAX_NAMES_SHOWN 4

typedef struct
{
  GCancellable      *cancellable;      /* owned, nullable: of the job under way */
  GtkWidget         *progress;         /* weak: the progress dialog, once shown */
  guint              progress_source;
  char              *progress_heading; /* owned */
  char              *progress_body;    /* owned */
  gboolean           busy;
  GtkPrintOperation *print_operation;  /* owned, nullable: printing under way */
  GtkPrintSettings  *print_settings;   /* owned, nullable: the last print's, for the next */
  char              *last_folder;      /* owned, nullable: where the last file went */
} Returns;

/* What a job's callback needs. */
typedef struct
{
  ClwWindow *window;       /* owned */
  char      *id;           /* owned: the cluster, board or meeting */
  char      *subject;      /* owned: its name, for people */
  char      *path;         /* owned: the file or folder */
  char      *cycle_code;   /* owned, nullable */
  gboolean   finished;
} Job;

static void
returns_free (Returns *returns)
{
  g_cancellable_cancel (returns->cancellable);
  g_clear_object (&returns->cancellable);
  g_clear_handle_id (&returns->progress_source, g_source_remove);
  if (returns->progress != NULL)
    g_object_remove_weak_pointer (G_OBJECT (returns->progress), (gpointer *) &returns->progress);
  g_clear_object (&returns->print_operation);
  g_clear_object (&returns->print_settings);
  g_free (returns->progress_heading);
  g_free (returns->progress_body);
  g_free (returns->last_folder);
  g_free (returns);
}

static Returns *
peek_returns (ClwWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "clw-window-returns");
}

static Returns *
get_returns (ClwWindow *self)
{
  Returns *returns = peek_returns (self);

  if (returns == NULL)
    {
      returns = g_new0 (Returns, 1);
      g_object_set_data_full (G_OBJECT (self), "clw-window-returns", returns, (GDestroyNotify) returns_free);
    }
  return returns;
}

static Job *
job_new (ClwWindow  *self,
         const char *id,
         const char *subject,
         const char *path)
{
  Job *job = g_new0 (Job, 1);

  job->window = g_object_ref (self);
  job->id = g_strdup (id);
  job->subject = g_strdup (subject);
  job->path = g_strdup (path);
  if (self->session != NULL)
    job->cycle_code = g_strdup (clw_session_get_cycle_code (self->session));
  return job;
}

static void
job_free (Job *job)
{
  g_object_unref (job->window);
  g_free (job->id);
  g_free (job->subject);
  g_free (job->path);
  g_free (job->cycle_code);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* The window was closed while the job ran: nobody to tell. */
static gboolean
window_gone (ClwWindow *self)
{
  return self->session == NULL || self->toast_overlay == NULL;
}

static const char *
db_path (ClwWindow *self)
{
  return clw_database_get_path (clw_session_get_database (self->session));
}

/* The names people know ------------------------------------------------------- */

static char *
dup_cluster_name (ClwWindow  *self,
                  const char *cluster_id)
{
  ClwQaifReport *report = clw_session_get_report (self->session);
  ClwClusterSummary *summary = report != NULL ? clw_qaif_report_lookup_cluster (report, cluster_id) : NULL;

  return g_strdup (summary != NULL ? clw_cluster_summary_get_name (summary) : cluster_id);
}

static char *
dup_board_name (ClwWindow  *self,
                const char *board_id)
{
  ClwQaifReport *report = clw_session_get_report (self->session);
  g_autoptr(ClwClusterSummary) sum = NULL;

  if (report == NULL)
    return g_strdup (board_id);
  sum = clw_qaif_report_sum_clusters (report, board_id);
  return g_strdup (sum != NULL ? clw_cluster_summary_get_name (sum) : board_id);
}

/* The ids of the clusters of @board_id in the session's report. */
static GPtrArray *
list_board_clusters (ClwWindow  *self,
                     const char *board_id)
{
  ClwQaifReport *report = clw_session_get_report (self->session);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *clusters;

  if (report == NULL)
    return ids;

  clusters = clw_qaif_report_get_clusters (report);
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, i);

      if (g_strcmp0 (clw_cluster_summary_get_health_board_id (summary), board_id) == 0)
        g_ptr_array_add (ids, g_strdup (clw_cluster_summary_get_cluster_id (summary)));
    }
  return ids;
}

/* "a.xml, b.xml, c.xml, d.xml and 3 more" */
static char *
dup_name_list (GPtrArray *names)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < names->len && i < MAX_NAMES_SHOWN; i++)
    g_ptr_array_add (shown, g_ptr_array_index (names, i));
  g_ptr_array_add (shown, NULL);
  list = g_strjoinv (_(", "), (GStrv) shown->pdata);

  if (names->len <= MAX_NAMES_SHOWN)
    return g_steal_pointer (&list);

  /* Translators: the end of a list of files too long to name them all: "a.xml, b.xml and 3 more" */
  return g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", names->len - MAX_NAMES_SHOWN),
                          list, names->len - MAX_NAMES_SHOWN);
}

/* Jobs and their progress -------------------------------------------------------- */

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ClwWindow        *self)
{
  Returns *returns = peek_returns (self);

  if (returns != NULL && g_str_equal (response, "cancel"))
    g_cancellable_cancel (returns->cancellable);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  ClwWindow *self = user_data;
  Returns *returns = get_returns (self);
  GtkWidget *dialog;
  GtkWidget *spinner;

  returns->progress_source = 0;
  /* Closed while the job runs: no dialog for a window that is gone. */
  if (window_gone (self))
    return G_SOURCE_REMOVE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), returns->progress_heading, returns->progress_body);
  gtk_widget_set_name (dialog, "progress-dialog");
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  returns->progress_heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (progress_response_cb), self, 0);

  returns->progress = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &returns->progress);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

/* Start a job: the window's actions are disabled until it ends, and a
 * progress dialog says what is happening if it takes a while. */
static GCancellable *
job_begin (ClwWindow  *self,
           const char *heading,
           const char *body)
{
  Returns *returns = get_returns (self);

  g_clear_object (&returns->cancellable);
  returns->cancellable = g_cancellable_new ();
  returns->busy = TRUE;
  g_free (returns->progress_heading);
  returns->progress_heading = g_strdup (heading);
  g_free (returns->progress_body);
  returns->progress_body = g_strdup (body);
  g_clear_handle_id (&returns->progress_source, g_source_remove);
  returns->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);

  _clw_window_update_actions (self);
  return returns->cancellable;
}

static void
job_hide_progress (ClwWindow *self)
{
  Returns *returns = get_returns (self);

  g_clear_handle_id (&returns->progress_source, g_source_remove);
  if (returns->progress != NULL)
    {
      GtkWidget *progress = returns->progress;

      g_object_remove_weak_pointer (G_OBJECT (progress), (gpointer *) &returns->progress);
      returns->progress = NULL;
      g_signal_handlers_disconnect_by_func (progress, progress_response_cb, self);
      gtk_window_destroy (GTK_WINDOW (progress));
    }
}

static void
job_end (ClwWindow *self)
{
  Returns *returns = get_returns (self);

  job_hide_progress (self);
  g_clear_object (&returns->cancellable);
  returns->busy = FALSE;
  if (!window_gone (self))
    _clw_window_update_actions (self);
}

/* Telling how it went ------------------------------------------------------------- */

static void
remember_folder (ClwWindow  *self,
                 const char *path,
                 gboolean    is_folder)
{
  Returns *returns = get_returns (self);

  g_free (returns->last_folder);
  returns->last_folder = is_folder ? g_strdup (path) : g_path_get_dirname (path);
}

static void
set_current_folder (ClwWindow      *self,
                    GtkFileChooser *chooser)
{
  Returns *returns = get_returns (self);

  if (returns->last_folder != NULL && g_file_test (returns->last_folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (returns->last_folder);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, filter);
}

static void
add_toast (ClwWindow  *self,
           const char *title,
           const char *button_label,
           const char *action_name,
           const char *path)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  /* What was just asked for is said at once, before older news. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      adw_toast_set_action_target_value (toast, g_variant_new_string (path));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The warnings, one a paragraph in a card; many of them scroll. */
#define LINES_UNSCROLLED 4

static GtkWidget *
make_warning_list (const char * const *lines)
{
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  guint n = g_strv_length ((GStrv) lines);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", lines[i]);
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (inner), label);
    }

  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_widget_set_margin_top (inner, 8);
  gtk_widget_set_margin_bottom (inner, 8);

  if (n <= LINES_UNSCROLLED)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_widget_add_css_class (card, "card");
      gtk_box_append (GTK_BOX (card), inner);
      return card;
    }
  else
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_widget_add_css_class (scrolled, "card");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), inner);
      return scrolled;
    }
}

/* Texts that look as if they hold patient data: each named as core says it
 * (an NHS number only by its last digits), before the return is sent. */
static void
show_warnings (ClwWindow          *self,
               const char         *body,
               const char * const *warnings)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Check the Return Before Sending It"), body);
  gtk_widget_set_name (dialog, "patient-data-dialog");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      make_warning_list (warnings));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static char *
dup_local_path (ClwWindow  *self,
                GFile      *file,
                const char *heading)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not on this computer. Choose a folder of yours, then copy the file "
                     "where it has to go."), uri);
      clw_show_error (GTK_WIDGET (self), heading, error);
    }
  return path;
}

/* A file that could not be written: what happened, as core says it, and
 * what to do about it. */
static void
show_write_error (ClwWindow    *self,
                  const char   *heading,
                  const GError *error)
{
  g_autoptr(GError) advised = NULL;

  if (error == NULL || error->domain != G_IO_ERROR || error->code == G_IO_ERROR_NOT_SUPPORTED)
    {
      clw_show_error (GTK_WIDGET (self), heading, error);
      return;
    }

  advised = g_error_new (error->domain, error->code, "%s\n\n%s", error->message,
                         error->code == G_IO_ERROR_NO_SPACE
                           ? _("Make room on the disk, or choose a folder on another one, then try again.")
                           : _("Choose a folder you can write to, such as your Documents folder, then try "
                               "again."));
  clw_show_error (GTK_WIDGET (self), heading, advised);
}

/* One cluster's IMTP return ----------------------------------------------------- */

static void
export_return_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  ClwWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  paths = clw_imtp_return_write_finish (result, &warnings, &error);
  job_end (self);
  if (window_gone (self))
    return;

  if (paths == NULL)
    {
      if (is_cancelled (error))
        add_toast (self, _("Export cancelled: nothing was written"), NULL, NULL, NULL);
      else
        show_write_error (self, _("Could Not Export the IMTP Return"), error);
      return;
    }

  name = g_filename_display_basename (paths[0]);
  if (warnings != NULL && warnings[0] != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("The return of %s was saved as “%s”. Before sending it, "
                                                 "correct what is found below in Clwstwr, then export the "
                                                 "return again."),
                                               job->subject, name);

      show_warnings (self, body, (const char * const *) warnings);
    }

  /* Translators: the toast after an export: the cluster, then the file */
  title = g_strdup_printf (_("IMTP return of %s saved as “%s”"), job->subject, name);
  add_toast (self, title, _("Show _File"), "win.show-file", paths[0]);
}

void
clw_window_export_imtp_return (ClwWindow  *self,
                               const char *cluster_id,
                               GFile      *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  const char *cycle;
  GCancellable *cancellable;
  Job *job;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (cluster_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL || clw_window_is_working (self) ||
      (cycle = clw_session_get_cycle_code (self->session)) == NULL)
    return;

  path = dup_local_path (self, file, _("Could Not Export the IMTP Return"));
  if (path == NULL)
    return;
  remember_folder (self, path, FALSE);

  name = dup_cluster_name (self, cluster_id);
  job = job_new (self, cluster_id, name, path);
  body = g_strdup_printf (_("Making the return of %s for %s, checking it against the schema, then writing it."),
                          name, cycle);
  cancellable = job_begin (self, _("Exporting the IMTP Return…"), body);
  clw_imtp_return_write_async (db_path (self), CLW_SCOPE_CLUSTER, cluster_id, cycle, NULL, path,
                               cancellable, export_return_done_cb, job);
}

static void
export_return_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           ClwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *cluster_id = g_object_get_data (G_OBJECT (chooser), "cluster-id");

      if (file != NULL)
        clw_window_export_imtp_return (self, cluster_id, file);
    }
  g_object_unref (chooser);
}

static void
export_imtp_return_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->session == NULL || self->cluster_id == NULL || clw_session_get_cycle_code (self->session) == NULL)
    return;

  name = clw_imtp_return_dup_file_name_for (clw_session_get_database (self->session), self->cluster_id,
                                            clw_session_get_cycle_code (self->session), &error);
  if (name == NULL)
    {
      clw_show_error (widget, _("Could Not Export the IMTP Return"), error);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export IMTP Return"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("IMTP Returns (XML)"), "application/xml", "xml");
  set_current_folder (self, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "cluster-id", g_strdup (self->cluster_id), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_return_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Every cluster of a health board ---------------------------------------------------- */

static void
export_returns_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  ClwWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;
  guint n;

  paths = clw_imtp_return_write_finish (result, &warnings, &error);
  job_end (self);
  if (window_gone (self))
    return;

  if (paths == NULL)
    {
      if (is_cancelled (error))
        add_toast (self, _("Export cancelled: the returns written before are kept"), NULL, NULL, NULL);
      else
        show_write_error (self, _("Could Not Export the IMTP Returns"), error);
      return;
    }

  n = g_strv_length (paths);
  folder = g_filename_display_basename (job->path);

  if (warnings != NULL && warnings[0] != NULL)
    {
      g_autofree char *body = NULL;

      body = g_strdup_printf (ngettext ("The return of the %u cluster of %s was saved in “%s”. Before sending "
                                        "it, correct what is found below in Clwstwr, then export again.",
                                        "The returns of the %u clusters of %s were saved in “%s”. Before "
                                        "sending them, correct what is found below in Clwstwr, then export "
                                        "again.", n),
                              n, job->subject, folder);
      show_warnings (self, body, (const char * const *) warnings);
    }

  /* Translators: the toast after exporting a health board's returns: the
   * number of files, the board, then the folder */
  title = g_strdup_printf (ngettext ("%u IMTP return of %s saved in “%s”",
                                     "%u IMTP returns of %s saved in “%s”", n),
                           n, job->subject, folder);
  add_toast (self, title, _("_Open Folder"), "win.open-file", job->path);
}

static void
start_board_export (ClwWindow  *self,
                    const char *board_id,
                    const char *path)
{
  g_autofree char *name = dup_board_name (self, board_id);
  g_autoptr(GPtrArray) clusters = list_board_clusters (self, board_id);
  g_autofree char *body = NULL;
  const char *cycle = clw_session_get_cycle_code (self->session);
  GCancellable *cancellable;
  Job *job;

  job = job_new (self, board_id, name, path);
  body = g_strdup_printf (ngettext ("Making the return of the %u cluster of %s for %s, checking it against "
                                    "the schema, then writing it.",
                                    "Making the returns of the %u clusters of %s for %s, checking each "
                                    "against the schema, then writing them.",
                                    clusters->len),
                          clusters->len, name, cycle);
  cancellable = job_begin (self, _("Exporting IMTP Returns…"), body);
  clw_imtp_return_write_async (db_path (self), CLW_SCOPE_HEALTH_BOARD, board_id, cycle, NULL, path,
                               cancellable, export_returns_done_cb, job);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ClwWindow        *self)
{
  if (g_str_equal (response, "replace") && !window_gone (self) && !clw_window_is_working (self))
    start_board_export (self,
                        g_object_get_data (G_OBJECT (dialog), "board-id"),
                        g_object_get_data (G_OBJECT (dialog), "folder"));
}

void
clw_window_export_imtp_returns (ClwWindow  *self,
                                const char *health_board_id,
                                GFile      *folder)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  const char *cycle;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (health_board_id != NULL);
  g_return_if_fail (G_IS_FILE (folder));

  if (self->session == NULL || clw_window_is_working (self) ||
      (cycle = clw_session_get_cycle_code (self->session)) == NULL)
    return;

  path = dup_local_path (self, folder, _("Could Not Export the IMTP Returns"));
  if (path == NULL)
    return;
  remember_folder (self, path, TRUE);

  /* Returns of the same clusters and cycle already there are replaced:
   * ask first. */
  clusters = list_board_clusters (self, health_board_id);
  existing = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < clusters->len; i++)
    {
      g_autofree char *name = clw_imtp_return_dup_file_name_for (clw_session_get_database (self->session),
                                                                 g_ptr_array_index (clusters, i), cycle, NULL);
      g_autofree char *file = name != NULL ? g_build_filename (path, name, NULL) : NULL;

      if (file != NULL && g_file_test (file, G_FILE_TEST_EXISTS))
        g_ptr_array_add (existing, g_filename_display_name (name));
    }

  if (existing->len > 0)
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;
      g_autofree char *list = dup_name_list (existing);
      g_autofree char *folder_name = g_filename_display_name (path);
      GtkWidget *dialog;

      heading = g_strdup_printf (ngettext ("Replace %u Return?", "Replace %u Returns?", existing->len),
                                 existing->len);
      body = g_strdup_printf (ngettext ("“%s” already holds a return of %s: %s. Exporting replaces it with "
                                        "the return as it stands now.",
                                        "“%s” already holds returns of %s: %s. Exporting replaces them with "
                                        "the returns as they stand now.",
                                        existing->len),
                              folder_name, cycle, list);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
      gtk_widget_set_name (dialog, "replace-dialog");
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "board-id", g_strdup (health_board_id), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "folder", g_strdup (path), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  start_board_export (self, health_board_id, path);
}

static void
export_returns_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            ClwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *board_id = g_object_get_data (G_OBJECT (chooser), "board-id");

      if (folder != NULL)
        clw_window_export_imtp_returns (self, board_id, folder);
    }
  g_object_unref (chooser);
}

static void
export_imtp_returns_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->session == NULL || self->board_id == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Choose a Folder for the IMTP Returns"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  set_current_folder (self, GTK_FILE_CHOOSER (chooser));
  g_object_set_data_full (G_OBJECT (chooser), "board-id", g_strdup (self->board_id), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_returns_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The returns of what is shown: a cluster's, or every cluster's of a board. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (page, "cluster") == 0)
    gtk_widget_activate_action (widget, "win.export-imtp-return", NULL);
  else if (g_strcmp0 (page, "board") == 0)
    gtk_widget_activate_action (widget, "win.export-imtp-returns", NULL);
}

/* A meeting pack as PDF -------------------------------------------------------------- */

static void
save_pack_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  ClwWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean ok;

  ok = clw_meeting_pack_write_pdf_finish (result, &error);
  job_end (self);
  if (window_gone (self))
    return;

  if (!ok)
    {
      if (!is_cancelled (error))
        show_write_error (self, _("Could Not Save the Meeting Pack"), error);
      return;
    }

  name = g_filename_display_basename (job->path);
  /* Translators: the toast after saving a meeting pack; %s is the file */
  title = g_strdup_printf (_("Meeting pack saved as “%s”"), name);
  add_toast (self, title, _("_Open"), "win.open-file", job->path);
}

void
clw_window_save_meeting_pack (ClwWindow  *self,
                              const char *meeting_id,
                              GFile      *file)
{
  g_autofree char *path = NULL;
  GCancellable *cancellable;
  Job *job;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (meeting_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL || clw_window_is_working (self))
    return;

  path = dup_local_path (self, file, _("Could Not Save the Meeting Pack"));
  if (path == NULL)
    return;
  remember_folder (self, path, FALSE);

  job = job_new (self, meeting_id, NULL, path);
  cancellable = job_begin (self, _("Saving the Meeting Pack…"),
                           _("Gathering the agenda, the action log, attendance, requests, IMTP contributions "
                             "and the evidence still missing, then writing the PDF."));
  clw_meeting_pack_write_pdf_async (db_path (self), meeting_id, path, cancellable, save_pack_done_cb, job);
}

static void
save_pack_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       ClwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *meeting_id = g_object_get_data (G_OBJECT (chooser), "meeting-id");

      if (file != NULL)
        clw_window_save_meeting_pack (self, meeting_id, file);
    }
  g_object_unref (chooser);
}

static const char *
shown_meeting_id (ClwWindow *self)
{
  if (self->meeting_editor == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "meeting") != 0)
    return NULL;
  return clw_meeting_editor_get_meeting_id (self->meeting_editor);
}

static void
save_meeting_pack_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  const char *meeting_id = shown_meeting_id (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->session == NULL || meeting_id == NULL)
    return;

  name = clw_meeting_pack_dup_file_name_for (clw_session_get_database (self->session), meeting_id, &error);
  if (name == NULL)
    {
      clw_show_error (widget, _("Could Not Save the Meeting Pack"), error);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Meeting Pack"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), "application/pdf", "pdf");
  set_current_folder (self, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "meeting-id", g_strdup (meeting_id), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (save_pack_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A meeting pack on paper ------------------------------------------------------------- */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               Job                     *job)
{
  /* The job belongs to the operation, which is let go of below. */
  g_autoptr(GtkPrintOperation) keep = g_object_ref (operation);
  g_autoptr(ClwWindow) self = g_object_ref (job->window);
  Returns *returns = get_returns (self);
  g_autoptr(GError) error = NULL;

  if (job->finished)
    return;
  job->finished = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&returns->print_settings, gtk_print_operation_get_print_settings (operation));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);

  job_end (self);
  g_clear_object (&returns->print_operation);
  if (window_gone (self))
    return;

  if (error != NULL)
    clw_show_error (GTK_WIDGET (self), _("Could Not Print the Meeting Pack"), error);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (job->path);
      g_autofree char *title = g_strdup_printf (_("Meeting pack printed to “%s”"), name);

      add_toast (self, title, _("_Open"), "win.open-file", job->path);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    add_toast (self, _("Meeting pack sent to the printer"), NULL, NULL, NULL);
}

static void
print_pack_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Job *job = user_data;
  ClwWindow *self = job->window;
  Returns *returns = get_returns (self);
  g_autoptr(ClwMeetingPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult run;

  pack = clw_meeting_pack_new_finish (result, &error);
  if (pack == NULL || window_gone (self))
    {
      job_end (self);
      if (!window_gone (self) && !is_cancelled (error))
        clw_show_error (GTK_WIDGET (self), _("Could Not Print the Meeting Pack"), error);
      job_free (job);
      return;
    }

  /* Printing shows its own dialogs and progress. */
  job_hide_progress (self);

  operation = clw_print_operation_new (clw_meeting_pack_get_document (pack), clw_meeting_pack_get_title (pack));
  if (returns->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, returns->print_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (job->path != NULL)
    gtk_print_operation_set_export_filename (operation, job->path);

  g_object_set_data_full (G_OBJECT (operation), "clw-job", job, (GDestroyNotify) job_free);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);
  g_set_object (&returns->print_operation, operation);

  run = gtk_print_operation_run (operation,
                                 job->path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                   : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                 GTK_WINDOW (self), &error);
  /* Said by "done" already, or to be; else here. */
  if (run == GTK_PRINT_OPERATION_RESULT_ERROR && !job->finished)
    {
      job->finished = TRUE;
      job_end (self);
      g_clear_object (&returns->print_operation);
      clw_show_error (GTK_WIDGET (self), _("Could Not Print the Meeting Pack"), error);
    }
  else if (run == GTK_PRINT_OPERATION_RESULT_CANCEL && !job->finished)
    print_done_cb (operation, run, job);
}

void
clw_window_print_meeting_pack (ClwWindow  *self,
                               const char *meeting_id,
                               const char *export_path)
{
  GCancellable *cancellable;
  Job *job;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (meeting_id != NULL);

  if (self->session == NULL || clw_window_is_working (self))
    return;

  job = job_new (self, meeting_id, NULL, export_path);
  cancellable = job_begin (self, _("Preparing the Meeting Pack…"),
                           _("Gathering the agenda, the action log, attendance, requests, IMTP contributions "
                             "and the evidence still missing, to print them."));
  clw_meeting_pack_new_async (db_path (self), meeting_id, cancellable, print_pack_ready_cb, job);
}

static void
print_meeting_pack_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  const char *meeting_id = shown_meeting_id (self);

  if (meeting_id != NULL)
    clw_window_print_meeting_pack (self, meeting_id, NULL);
}

/* Practice lists ------------------------------------------------------------------- */

static void
import_preview_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  ClwWindow *self = job->window;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  ClwPracticeImportDialog *dialog;

  import = clw_practice_import_preview_finish (result, &error);
  job_end (self);
  if (window_gone (self))
    return;

  if (import == NULL)
    {
      g_autofree char *name = g_filename_display_basename (job->path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Read “%s”"), name);

      if (!is_cancelled (error))
        clw_show_error (GTK_WIDGET (self), heading, error);
      return;
    }

  dialog = clw_practice_import_dialog_new (GTK_WINDOW (self), self->session, file, import);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
clw_window_import_practices (ClwWindow *self,
                             GFile     *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GCancellable *cancellable;
  Job *job;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL || clw_window_is_working (self))
    return;

  path = dup_local_path (self, file, _("Could Not Import the Practices"));
  if (path == NULL)
    return;
  remember_folder (self, path, FALSE);

  name = g_filename_display_basename (path);
  job = job_new (self, NULL, name, path);
  body = g_strdup_printf (_("Reading “%s” and comparing it with the practices in the database."), name);
  cancellable = job_begin (self, _("Reading the Practice List…"), body);
  clw_practice_import_preview_async (db_path (self), path, 0, cancellable, import_preview_done_cb, job);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ClwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        clw_window_import_practices (self, file);
    }
  g_object_unref (chooser);
}

static void
import_practices_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ClwWindow *self = CLW_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->session == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Practices from a Spreadsheet (CSV)"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Read"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets Saved as CSV"), "text/csv", "csv");
  set_current_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Opening what was written ------------------------------------------------------------- */

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !window_gone (self))
    clw_show_error (GTK_WIDGET (self), _("Could Not Open It"), error);
}

static void
open_path (ClwWindow  *self,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, launched_cb, g_object_ref (self));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_path (CLW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

typedef struct
{
  ClwWindow *window;   /* owned */
  char      *path;     /* owned */
} ShowFile;

static void
show_file_free (ShowFile *show)
{
  g_object_unref (show->window);
  g_free (show->path);
  g_free (show);
}

/* The file manager shows the file selected in its folder; without one on
 * the session bus, the folder is opened. */
static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ShowFile *show = user_data;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply == NULL)
    {
      g_autofree char *folder = g_path_get_dirname (show->path);

      open_path (show->window, folder);
    }
  show_file_free (show);
}

static void
bus_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  ShowFile *show = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (show->path);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      g_autofree char *folder = g_path_get_dirname (show->path);

      open_path (show->window, folder);
      show_file_free (show);
      return;
    }

  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          shown_cb, show);
}

static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShowFile *show = g_new0 (ShowFile, 1);

  show->window = g_object_ref (CLW_WINDOW (widget));
  show->path = g_strdup (g_variant_get_string (parameter, NULL));
  g_bus_get (G_BUS_TYPE_SESSION, NULL, bus_cb, show);
}

/* The window ---------------------------------------------------------------------------- */

gboolean
clw_window_is_working (ClwWindow *self)
{
  Returns *returns;

  g_return_val_if_fail (CLW_IS_WINDOW (self), FALSE);

  returns = peek_returns (self);
  return returns != NULL && returns->busy;
}

void
_clw_window_returns_update_actions (ClwWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean ready = self->session != NULL && !self->opening && !clw_window_is_working (self);
  gboolean cycle = ready && clw_session_get_cycle_code (self->session) != NULL;
  gboolean cluster = cycle && self->cluster_id != NULL && g_strcmp0 (page, "cluster") == 0;
  gboolean board = cycle && self->board_id != NULL && g_strcmp0 (page, "board") == 0;
  gboolean meeting = ready && shown_meeting_id (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", cluster || board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-imtp-return", cluster);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-imtp-returns", board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-meeting-pack", meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-meeting-pack", meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-practices", ready);
}

void
_clw_window_returns_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-imtp-return", NULL, export_imtp_return_action);
  gtk_widget_class_install_action (widget_class, "win.export-imtp-returns", NULL, export_imtp_returns_action);
  gtk_widget_class_install_action (widget_class, "win.save-meeting-pack", NULL, save_meeting_pack_action);
  gtk_widget_class_install_action (widget_class, "win.print-meeting-pack", NULL, print_meeting_pack_action);
  gtk_widget_class_install_action (widget_class, "win.import-practices", NULL, import_practices_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-file", "s", show_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-meeting-pack", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-meeting-pack", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-practices", NULL);
}
