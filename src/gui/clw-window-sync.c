/* clw-window-sync.c: the window's side of offline copies and sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync status in the header bar (ClwSyncButton), the banner of a
 * meeting copy, the conflicts page, and the "sync." actions: taking a copy
 * for a meeting, exporting and importing bundles, and exchanging them
 * through a folder. Core does the work (clw-sync.h), each time off the
 * main thread; this file chooses files, shows progress and says what
 * happened.
 */

#define G_LOG_DOMAIN "clw-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-conflicts-page.h"
#include "clw-gui-util.h"
#include "clw-sync-button.h"
#include "clw-window-private.h"
#include "clw-window-sync.h"

#define PULSE_INTERVAL_MS 120

struct _ClwWindowSync
{
  GSimpleActionGroup *actions;          /* owned */
  GCancellable       *cancellable;      /* owned: of the operations under way */
  ClwSyncButton      *button;           /* borrowed: in the header bar */
  GtkMenuButton      *cluster_menu;     /* borrowed: in the header bar */
  GtkRevealer        *banner;           /* borrowed: under the header bar */
  GtkLabel           *banner_label;     /* borrowed */
  AdwBin             *conflicts_bin;    /* borrowed: a page of the content stack */
  ClwConflictsPage   *conflicts_page;   /* borrowed: made when first shown */
  guint               n_running;
};

/* What an operation needs when it is done. */
typedef struct
{
  ClwWindow      *window;        /* owned */
  char           *path;
  char           *name;          /* the cluster's, for a copy */
  AdwMessageDialog *progress;    /* owned, nullable: the copy's progress */
  guint           pulse_source;
} Operation;

static void
operation_free (Operation *op)
{
  g_clear_handle_id (&op->pulse_source, g_source_remove);
  if (op->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (op->progress));
  g_clear_object (&op->progress);
  g_object_unref (op->window);
  g_free (op->path);
  g_free (op->name);
  g_free (op);
}

static ClwDatabase *
get_database (ClwWindow *self)
{
  return self->session != NULL ? clw_session_get_database (self->session) : NULL;
}

static ClwSyncStatus *
get_status (ClwWindow *self)
{
  return clw_sync_button_get_status (self->sync->button);
}

static char *
dup_cluster_name (ClwWindow  *self,
                  const char *cluster_id)
{
  g_autoptr(ClwRecord) cluster = NULL;

  if (get_database (self) == NULL || cluster_id == NULL)
    return NULL;
  cluster = clw_record_load (get_database (self), CLW_TYPE_CLUSTER, cluster_id, NULL);
  return cluster != NULL ? g_strdup (clw_cluster_get_name (CLW_CLUSTER (cluster))) : NULL;
}

/* A name for a file from something people named: no folder separators. */
static char *
file_name_from (const char *text)
{
  g_autofree char *name = g_strdup (text != NULL ? text : "");

  g_strdelimit (name, "/\\:", '-');
  return g_strstrip (g_steal_pointer (&name));
}

static Operation *
begin_operation (ClwWindow  *self,
                 const char *path)
{
  Operation *op = g_new0 (Operation, 1);

  op->window = g_object_ref (self);
  op->path = g_strdup (path);
  if (self->sync->n_running++ == 0)
    {
      g_clear_object (&self->sync->cancellable);
      self->sync->cancellable = g_cancellable_new ();
    }
  clw_sync_button_set_busy (self->sync->button, TRUE);
  _clw_window_update_actions (self);
  return op;
}

/* FALSE when the window was closed meanwhile: nothing more to show. */
static gboolean
end_operation (Operation *op)
{
  ClwWindow *self = op->window;

  if (self->sync == NULL)
    return FALSE;

  if (self->sync->n_running > 0)
    self->sync->n_running--;
  clw_sync_button_set_busy (self->sync->button, self->sync->n_running > 0);
  clw_sync_button_refresh (self->sync->button);
  if (self->sync->conflicts_page != NULL)
    clw_conflicts_page_reload (self->sync->conflicts_page);
  _clw_window_update_actions (self);
  return TRUE;
}

static AdwMessageDialog *
new_dialog (ClwWindow  *self,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

static void
append_notes (GString       *body,
              ClwSyncReport *report)
{
  const char * const *notes = clw_sync_report_get_notes (report);

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_string_append_printf (body, "\n\n%s", notes[i]);
}

/* The banner of a meeting copy ------------------------------------------------- */

static void
update_banner (ClwWindow *self)
{
  ClwSyncStatus *status = get_status (self);
  g_autofree char *cluster = NULL;
  g_autofree char *text = NULL;
  ClwSyncPeer *master = NULL;
  GListModel *peers;

  if (status == NULL || clw_sync_status_get_scope (status) != CLW_SCOPE_CLUSTER)
    {
      gtk_revealer_set_reveal_child (self->sync->banner, FALSE);
      return;
    }

  peers = clw_sync_status_get_peers (status);
  for (guint i = 0; i < g_list_model_get_n_items (peers) && master == NULL; i++)
    {
      g_autoptr(ClwSyncPeer) peer = g_list_model_get_item (peers, i);

      if (clw_sync_peer_get_scope (peer) == CLW_SCOPE_ALL)
        master = peer;
    }

  cluster = dup_cluster_name (self, clw_sync_status_get_scope_id (status));
  if (cluster == NULL)
    cluster = g_strdup (clw_sync_status_get_scope_id (status));

  if (master != NULL)
    {
      g_autofree char *made = clw_format_timestamp (clw_sync_peer_get_made_at (master));

      /* Translators: the banner of a copy taken for a meeting: the cluster,
       * the database it came from, and when it was taken */
      text = g_strdup_printf (_("Meeting copy of %s, from the master “%s”, taken %s. "
                                "Only %s can be changed here; Export Changes or Sync Now takes the changes back."),
                              cluster, clw_sync_peer_get_name (master), made, cluster);
    }
  else
    text = g_strdup_printf (_("Meeting copy of %s. Only %s can be changed here."), cluster, cluster);

  gtk_label_set_label (self->sync->banner_label, text);
  gtk_revealer_set_reveal_child (self->sync->banner, TRUE);
}

static void
status_changed_cb (ClwWindow *self)
{
  update_banner (self);
  _clw_window_update_actions (self);
}

/* The sync folder ----------------------------------------------------------------- */

static void
update_folder (ClwWindow *self)
{
  g_autofree char *folder = clw_window_dup_sync_folder (self);

  clw_sync_button_set_folder (self->sync->button, folder);
}

/* Taking a copy for a meeting ------------------------------------------------------- */

static gboolean
pulse_cb (gpointer user_data)
{
  GtkProgressBar *bar = user_data;

  gtk_progress_bar_pulse (bar);
  return G_SOURCE_CONTINUE;
}

static void
open_copy_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_object_get_data (G_OBJECT (dialog), "path"));
  ClwWindow *self = user_data;
  ClwWindow *window;

  if (g_strcmp0 (response, "open") != 0)
    return;

  /* The master stays open: the copy gets a window of its own. */
  window = clw_window_new (CLW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  clw_window_open_file (window, file);
  clw_window_present_when_ready (window, 400);
}

static void
copy_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Operation *op = user_data;
  ClwWindow *self = op->window;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *basename = g_path_get_basename (op->path);
  g_autofree char *body = NULL;
  guint n_files;

  report = clw_sync_make_copy_finish (CLW_DATABASE (source), result, &error);
  if (!end_operation (op))
    {
      operation_free (op);
      return;
    }

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        clw_widget_add_toast (GTK_WIDGET (self), _("The copy was cancelled; nothing was written"), FALSE);
      else
        clw_show_error (GTK_WIDGET (self), _("Could Not Take a Copy for the Meeting"), error);
      operation_free (op);
      return;
    }

  n_files = clw_sync_report_get_n_files (report);
  if (n_files == 0)
    /* Translators: the copy for a meeting is made: the file, the cluster */
    body = g_strdup_printf (_("“%s” holds %s: its practices, meetings, attendance and actions; "
                              "its evidence has no files. Take it to the meeting, then bring the changes "
                              "back with Export Changes or Sync Now."), basename, op->name);
  else
    /* Translators: the copy for a meeting is made: the file, the cluster, the evidence files */
    body = g_strdup_printf (ngettext ("“%s” holds %s: its practices, meetings, attendance and actions, "
                                    "with %u evidence file. Take it to the meeting, then bring the changes "
                                    "back with Export Changes or Sync Now.",
                                    "“%s” holds %s: its practices, meetings, attendance and actions, "
                                    "with %u evidence files. Take it to the meeting, then bring the changes "
                                    "back with Export Changes or Sync Now.", n_files),
                          basename, op->name, n_files);
  dialog = new_dialog (self, _("Copy for the Meeting Ready"), body);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (op->path), g_free);
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "open", _("_Open the Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_copy_response_cb), self, 0);
  operation_free (op);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_progress_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           ClwWindow        *self)
{
  if (g_strcmp0 (response, "cancel") == 0)
    g_cancellable_cancel (self->sync->cancellable);
}

/* File choosers ------------------------------------------------------------------ */

typedef void (*ChosenFunc) (ClwWindow  *self,
                            const char *path,
                            const char *extra);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ClwWindow       *self)
{
  ChosenFunc chosen = g_object_get_data (G_OBJECT (chooser), "chosen");
  const char *extra = g_object_get_data (G_OBJECT (chooser), "extra");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        chosen (self, path, extra);
      else if (file != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *uri = g_file_get_uri (file);

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("“%s” is not on this computer. Choose a file or folder of this computer's "
                         "(a shared folder mounted here works)."), uri);
          clw_show_error (GTK_WIDGET (self), _("Could Not Use That Place"), error);
        }
    }

  g_object_unref (chooser);
}

static void
choose (ClwWindow            *self,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept,
        const char           *suggested_name,
        gboolean              bundles,
        ChosenFunc            chosen,
        const char           *extra)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (bundles)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Clwstwr Sync Bundles"));
      gtk_file_filter_add_pattern (filter, "*.clwsync");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  else if (action == GTK_FILE_CHOOSER_ACTION_SAVE && g_str_has_suffix (suggested_name, ".db"))
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Clwstwr Databases"));
      gtk_file_filter_add_pattern (filter, "*.db");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  g_object_set_data (G_OBJECT (chooser), "chosen", chosen);
  g_object_set_data_full (G_OBJECT (chooser), "extra", g_strdup (extra), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_chosen (ClwWindow  *self,
             const char *path,
             const char *cluster_id)
{
  clw_window_take_meeting_copy (self, cluster_id, path);
}

static void
export_chosen (ClwWindow  *self,
               const char *path,
               const char *peer)
{
  clw_window_export_changes (self, peer, path);
}

static void
import_chosen (ClwWindow  *self,
               const char *path,
               const char *extra)
{
  clw_window_import_changes (self, path);
}

static void
folder_chosen (ClwWindow  *self,
               const char *path,
               const char *extra)
{
  clw_window_set_sync_folder (self, path);
  clw_window_sync_now (self);
}

/* Exporting -------------------------------------------------------------------- */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Operation *op = user_data;
  ClwWindow *self = op->window;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (op->path);
  g_autofree char *toast = NULL;
  guint n_changes, n_files;

  report = clw_sync_export_finish (CLW_DATABASE (source), result, &error);
  if (!end_operation (op))
    {
      operation_free (op);
      return;
    }

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        clw_show_error (GTK_WIDGET (self), _("Could Not Export the Changes"), error);
      operation_free (op);
      return;
    }

  n_changes = clw_sync_report_get_n_changes (report);
  n_files = clw_sync_report_get_n_files (report);
  {
    g_autofree char *changes = g_strdup_printf (ngettext ("%u change", "%u changes", n_changes), n_changes);
    g_autofree char *files = g_strdup_printf (ngettext ("%u evidence file", "%u evidence files", n_files), n_files);

    /* Translators: after an export: the file, the copy it is for, “12 changes”, “2 evidence files” */
    toast = g_strdup_printf (_("“%s” saved for “%s”: %s, %s"), basename,
                             clw_sync_report_get_peer_name (report), changes, files);
  }
  clw_widget_add_toast (GTK_WIDGET (self), toast, FALSE);

  if (clw_sync_report_get_notes (report) != NULL && clw_sync_report_get_notes (report)[0] != NULL)
    {
      g_autoptr(GString) body = g_string_new (toast);
      AdwMessageDialog *dialog;

      append_notes (body, report);
      dialog = new_dialog (self, _("Changes Exported, with Notes"), body->str);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  operation_free (op);
}

static void
peer_chosen_cb (AdwMessageDialog *dialog,
                const char       *response,
                ClwWindow        *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  ClwSyncPeer *peer = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *today = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *peer_name = NULL;

  if (g_strcmp0 (response, "choose") != 0 || peer == NULL)
    return;

  today = clw_session_dup_today_iso (self->session);
  peer_name = file_name_from (clw_sync_peer_get_name (peer));
  /* Translators: the suggested name of a bundle: the copy it is for, and today */
  suggested = g_strdup_printf (_("Changes for %s, %s.clwsync"), peer_name, today);
  choose (self, _("Export Changes"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), suggested, TRUE,
          export_chosen, clw_sync_peer_get_id (peer));
}

static char *
peer_name_cb (ClwSyncPeer *peer)
{
  return g_strdup (peer != NULL ? clw_sync_peer_get_name (peer) : "");
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ClwWindow *self = user_data;
  ClwSyncStatus *status = get_status (self);
  GListModel *peers = status != NULL ? clw_sync_status_get_peers (status) : NULL;
  guint n_peers = peers != NULL ? g_list_model_get_n_items (peers) : 0;

  if (n_peers > 1)
    {
      /* Several copies: the user says which the bundle is for. */
      AdwMessageDialog *dialog = new_dialog (self, _("Export Changes for Which Copy?"),
                                             _("A bundle carries the changes one copy has not received yet. "
                                               "Choose the copy it will go to."));
      GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                               G_CALLBACK (peer_name_cb), NULL, NULL);
      GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (peers), expression);

      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The copy the changes are for"), -1);
      adw_message_dialog_set_extra_child (dialog, dropdown);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "choose", _("_Continue"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "choose");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (peer_chosen_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *today = self->session != NULL ? clw_session_dup_today_iso (self->session) : NULL;
    g_autofree char *peer_name = NULL;
    g_autofree char *suggested = NULL;

    if (n_peers == 1)
      {
        g_autoptr(ClwSyncPeer) peer = g_list_model_get_item (peers, 0);
        peer_name = file_name_from (clw_sync_peer_get_name (peer));
        suggested = g_strdup_printf (_("Changes for %s, %s.clwsync"), peer_name, today);
      }
    else
      /* Translators: the suggested name of a bundle, with today's date */
      suggested = g_strdup_printf (_("Changes, %s.clwsync"), today);

    choose (self, _("Export Changes"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), suggested, TRUE,
            export_chosen, NULL);
  }
}

/* Importing -------------------------------------------------------------------- */

static const char *
refusal_heading (const GError *error)
{
  if (error->domain != CLW_SYNC_ERROR)
    return _("Could Not Import the Changes");

  switch (error->code)
    {
    case CLW_SYNC_ERROR_DAMAGED:
      return _("Bundle Refused: Damaged or Changed on the Way");
    case CLW_SYNC_ERROR_VERSION:
      return _("Bundle Refused: Made by Another Version");
    case CLW_SYNC_ERROR_NOT_FOR_US:
      return _("Bundle Refused: Made for Another Copy");
    case CLW_SYNC_ERROR_UNKNOWN_COPY:
      return _("Bundle Refused: From an Unknown Copy");
    case CLW_SYNC_ERROR_OTHER_BASE:
      return _("Bundle Refused: Built on Another Base");
    case CLW_SYNC_ERROR_ALREADY_APPLIED:
      return _("Bundle Refused: Imported Already");
    case CLW_SYNC_ERROR_SUPERSEDED:
      return _("Bundle Refused: Older Than One Imported");
    case CLW_SYNC_ERROR_OUT_OF_SCOPE:
      return _("Bundle Refused: Outside the Meeting Copy's Cluster");
    case CLW_SYNC_ERROR_NO_PEER:
    case CLW_SYNC_ERROR_BASE:
    case CLW_SYNC_ERROR_RESOLVE:
    default:
      return _("Bundle Refused");
    }
}

static void
import_result_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           ClwWindow        *self)
{
  if (g_strcmp0 (response, "conflicts") == 0)
    clw_window_show_conflicts (self);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Operation *op = user_data;
  ClwWindow *self = op->window;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (op->path);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  guint n;

  report = clw_sync_import_finish (CLW_DATABASE (source), result, &error);
  if (!end_operation (op))
    {
      operation_free (op);
      return;
    }

  if (report == NULL)
    {
      const char *nothing = _("Nothing was changed.");

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          operation_free (op);
          return;
        }

      /* Translators: the file refused, then why */
      g_string_append_printf (body, _("“%s” was not imported. %s"), basename, error->message);
      if (strstr (error->message, nothing) == NULL)
        g_string_append_printf (body, " %s", nothing);
      dialog = new_dialog (self, refusal_heading (error), body->str);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      operation_free (op);
      return;
    }

  {
    g_autofree char *made = clw_format_timestamp (clw_sync_report_get_made_at (report));
    /* Translators: where imported changes came from: the copy, who made the bundle, when */
    g_string_append_printf (body, _("From “%s”, made by %s on %s."),
                            clw_sync_report_get_peer_name (report),
                            clw_sync_report_get_author (report), made);
  }

  n = clw_sync_report_get_n_applied (report);
  g_string_append (body, "\n\n");
  if (n == 0 && clw_sync_report_get_n_changes (report) == 0)
    g_string_append (body, _("No new changes: this copy had everything already."));
  else
    g_string_append_printf (body, ngettext ("%u change applied.", "%u changes applied.", n), n);

  n = clw_sync_report_get_n_conflicts (report);
  if (n > 0)
    {
      g_string_append (body, "\n");
      g_string_append_printf (body,
                              ngettext ("%u conflict found: until you resolve it, this copy keeps its own value.",
                                        "%u conflicts found: until you resolve them, this copy keeps its own values.", n),
                              n);
    }
  if (clw_sync_report_get_n_settled (report) > 0)
    {
      g_string_append (body, "\n");
      g_string_append_printf (body, ngettext ("%u conflict settled by the other copy.",
                                              "%u conflicts settled by the other copy.",
                                              clw_sync_report_get_n_settled (report)),
                              clw_sync_report_get_n_settled (report));
    }
  g_string_append (body, "\n");
  if (clw_sync_report_get_n_files (report) == 0)
    g_string_append (body, _("No evidence files came with it."));
  else
    g_string_append_printf (body, ngettext ("%u evidence file received.", "%u evidence files received.",
                                            clw_sync_report_get_n_files (report)),
                            clw_sync_report_get_n_files (report));
  if (clw_sync_report_get_n_missing_files (report) > 0)
    {
      g_string_append (body, "\n");
      g_string_append_printf (body, ngettext ("%u evidence file is still missing here.",
                                              "%u evidence files are still missing here.",
                                              clw_sync_report_get_n_missing_files (report)),
                              clw_sync_report_get_n_missing_files (report));
    }
  append_notes (body, report);

  dialog = new_dialog (self, _("Changes Imported"), body->str);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (clw_sync_report_get_n_conflicts (report) > 0)
    {
      adw_message_dialog_add_response (dialog, "conflicts", _("_Resolve Conflicts"));
      adw_message_dialog_set_response_appearance (dialog, "conflicts", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "conflicts");
    }
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_result_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  operation_free (op);
}

/* Through a folder ----------------------------------------------------------------- */

static void
exchange_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Operation *op = user_data;
  ClwWindow *self = op->window;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *written = NULL;

  report = clw_sync_exchange_folder_finish (CLW_DATABASE (source), result, &error);
  if (!end_operation (op))
    {
      operation_free (op);
      return;
    }

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        clw_show_error (GTK_WIDGET (self), _("Could Not Sync Through the Folder"), error);
      operation_free (op);
      return;
    }

  imported = g_strdup_printf (ngettext ("%u bundle received", "%u bundles received",
                                        clw_sync_report_get_n_imported (report)),
                              clw_sync_report_get_n_imported (report));
  written = g_strdup_printf (ngettext ("%u left for other copies", "%u left for other copies",
                                       clw_sync_report_get_n_written (report)),
                             clw_sync_report_get_n_written (report));
  /* Translators: after a sync through a folder: “2 bundles received, 1 left for other copies” */
  toast = g_strdup_printf (_("Synced: %s, %s"), imported, written);
  clw_widget_add_toast (GTK_WIDGET (self), toast, FALSE);

  if (clw_sync_report_get_n_refused (report) > 0 || clw_sync_report_get_n_conflicts (report) > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      AdwMessageDialog *dialog;
      guint n = clw_sync_report_get_n_conflicts (report);

      g_string_append_printf (body, "%s.", toast);
      if (clw_sync_report_get_n_refused (report) > 0)
        {
          g_string_append (body, " ");
          g_string_append_printf (body, ngettext ("%u bundle was refused and changed nothing:",
                                                  "%u bundles were refused and changed nothing:",
                                                  clw_sync_report_get_n_refused (report)),
                                  clw_sync_report_get_n_refused (report));
        }
      append_notes (body, report);
      if (n > 0)
        {
          g_string_append (body, "\n\n");
          g_string_append_printf (body,
                                  ngettext ("%u conflict found: until you resolve it, this copy keeps its own value.",
                                            "%u conflicts found: until you resolve them, this copy keeps its own values.", n),
                                  n);
        }

      dialog = new_dialog (self, clw_sync_report_get_n_refused (report) > 0 ? _("Some Changes Were Refused")
                                                                             : _("Synced, with Conflicts"),
                           body->str);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      if (n > 0)
        {
          adw_message_dialog_add_response (dialog, "conflicts", _("_Resolve Conflicts"));
          adw_message_dialog_set_response_appearance (dialog, "conflicts", ADW_RESPONSE_SUGGESTED);
        }
      adw_message_dialog_set_close_response (dialog, "close");
      g_signal_connect_object (dialog, "response", G_CALLBACK (import_result_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  operation_free (op);
}

/* Actions ------------------------------------------------------------------------ */

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  choose (user_data, _("Import Changes"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL, TRUE,
          import_chosen, NULL);
}

static void
choose_folder_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  choose (user_data, _("Sync Through a Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _("_Sync Through It"), NULL, FALSE, folder_chosen, NULL);
}

static void
now_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  clw_window_sync_now (user_data);
}

static void
conflicts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  clw_window_show_conflicts (user_data);
}

static void
take_copy_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ClwWindow *self = user_data;
  g_autofree char *name = dup_cluster_name (self, self->cluster_id);
  g_autofree char *file_name = NULL;
  g_autofree char *suggested = NULL;

  if (self->cluster_id == NULL)
    return;

  file_name = file_name_from (name != NULL ? name : self->cluster_id);
  /* Translators: the suggested file name of a copy for a meeting: the cluster's name */
  suggested = g_strdup_printf (_("%s meeting copy.db"), file_name);
  choose (self, _("Take a Copy for a Meeting"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Take the Copy"),
          suggested, FALSE, copy_chosen, self->cluster_id);
}

static const GActionEntry sync_actions[] = {
  { "export", export_action },
  { "import", import_action },
  { "choose-folder", choose_folder_action },
  { "now", now_action },
  { "conflicts", conflicts_action },
  { "take-copy", take_copy_action },
};

static void
set_enabled (ClwWindow  *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->sync->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* With ClwWindow ------------------------------------------------------------------ */

static ClwConflictsPage *
ensure_conflicts_page (ClwWindow *self)
{
  if (self->sync->conflicts_page == NULL)
    {
      self->sync->conflicts_page = g_object_new (CLW_TYPE_CONFLICTS_PAGE, NULL);
      adw_bin_set_child (self->sync->conflicts_bin, GTK_WIDGET (self->sync->conflicts_page));
      clw_conflicts_page_set_session (self->sync->conflicts_page, self->session);
    }
  return self->sync->conflicts_page;
}

void
_clw_window_sync_init (ClwWindow *self)
{
  ClwWindowSync *sync = g_new0 (ClwWindowSync, 1);
  g_autoptr(GMenu) cluster_menu = g_menu_new ();
  GtkWidget *box, *icon, *label, *button;

  self->sync = sync;

  sync->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (sync->actions), sync_actions,
                                   G_N_ELEMENTS (sync_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "sync", G_ACTION_GROUP (sync->actions));

  /* The status, in the content's header bar. */
  sync->button = g_object_new (CLW_TYPE_SYNC_BUTTON, NULL);
  adw_header_bar_pack_end (self->content_header, GTK_WIDGET (sync->button));

  /* The cluster's menu, beside it while a cluster is shown. */
  g_menu_append (cluster_menu, _("Take a _Copy for a Meeting…"), "sync.take-copy");
  sync->cluster_menu = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (sync->cluster_menu, "view-more-symbolic");
  gtk_menu_button_set_menu_model (sync->cluster_menu, G_MENU_MODEL (cluster_menu));
  gtk_widget_set_tooltip_text (GTK_WIDGET (sync->cluster_menu), _("Cluster Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sync->cluster_menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cluster menu"), -1);
  gtk_widget_set_visible (GTK_WIDGET (sync->cluster_menu), FALSE);
  adw_header_bar_pack_end (self->content_header, GTK_WIDGET (sync->cluster_menu));

  /* The banner of a meeting copy, under the header bar. */
  sync->banner = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (sync->banner, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "meeting-copy-banner");
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", "x-office-calendar-symbolic",
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_name (label, "meeting-copy-banner");
  sync->banner_label = GTK_LABEL (label);
  button = gtk_button_new_with_mnemonic (_("_Export Changes…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sync.export");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (sync->banner, box);
  gtk_box_insert_child_after (self->content_box, GTK_WIDGET (sync->banner), GTK_WIDGET (self->content_header));

  /* The conflicts, a page of the content made when first shown. */
  sync->conflicts_bin = ADW_BIN (adw_bin_new ());
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (sync->conflicts_bin), "conflicts");

  g_signal_connect_object (sync->button, "notify::status", G_CALLBACK (status_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_clw_window_sync_dispose (ClwWindow *self)
{
  if (self->sync == NULL)
    return;

  g_cancellable_cancel (self->sync->cancellable);
  g_clear_object (&self->sync->cancellable);
  g_clear_object (&self->sync->actions);
  g_clear_pointer (&self->sync, g_free);
}

void
_clw_window_sync_set_session (ClwWindow *self)
{
  clw_sync_button_set_session (self->sync->button, self->session);
  if (self->sync->conflicts_page != NULL)
    clw_conflicts_page_set_session (self->sync->conflicts_page, self->session);
  update_folder (self);
  update_banner (self);
}

void
_clw_window_sync_update_actions (ClwWindow *self)
{
  ClwSyncStatus *status;
  const char *page;
  g_autofree char *folder = NULL;
  gboolean has_db, idle, cluster;
  ClwSidebarItem *selected;

  if (self->sync == NULL)
    return;

  status = get_status (self);
  page = gtk_stack_get_visible_child_name (self->content_stack);
  has_db = self->session != NULL && !self->opening;
  idle = has_db && self->sync->n_running == 0;
  selected = clw_sidebar_get_selected (self->sidebar);
  cluster = selected != NULL && !clw_sidebar_item_is_health_board (selected) && self->cluster_id != NULL;
  folder = has_db ? clw_window_dup_sync_folder (self) : NULL;

  set_enabled (self, "export", idle);
  set_enabled (self, "import", idle);
  set_enabled (self, "choose-folder", idle);
  set_enabled (self, "now", idle && folder != NULL);
  set_enabled (self, "conflicts", has_db && status != NULL && clw_sync_status_get_n_conflicts (status) > 0);
  set_enabled (self, "take-copy", idle && cluster);

  gtk_widget_set_visible (GTK_WIDGET (self->sync->button), has_db);
  gtk_widget_set_visible (GTK_WIDGET (self->sync->cluster_menu), has_db && g_strcmp0 (page, "cluster") == 0);
}

void
_clw_window_sync_update_title (ClwWindow *self)
{
  ClwSyncStatus *status = get_status (self);
  guint n = status != NULL ? clw_sync_status_get_n_conflicts (status) : 0;
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u to resolve", "%u to resolve", n), n);

  adw_window_title_set_title (self->subpage_title, _("Conflicts"));
  adw_window_title_set_subtitle (self->subpage_title, subtitle);
}

/* Public API ---------------------------------------------------------------- */

void
clw_window_take_meeting_copy (ClwWindow  *self,
                              const char *cluster_id,
                              const char *path)
{
  Operation *op;
  GtkWidget *bar;
  g_autofree char *basename = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (cluster_id != NULL);
  g_return_if_fail (path != NULL);

  if (get_database (self) == NULL)
    return;

  op = begin_operation (self, path);
  op->name = dup_cluster_name (self, cluster_id);
  if (op->name == NULL)
    op->name = g_strdup (cluster_id);

  /* Progress: the copy reads every row of the cluster and copies its files. */
  basename = g_path_get_basename (path);
  /* Translators: while a copy for a meeting is made: the cluster, the file */
  body = g_strdup_printf (_("Copying the data and evidence files of %s into “%s”. Nothing of other "
                            "clusters goes with it."), op->name, basename);
  op->progress = g_object_ref_sink (new_dialog (self, _("Taking a Copy for the Meeting"), body));
  bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Taking the copy"), -1);
  adw_message_dialog_set_extra_child (op->progress, bar);
  adw_message_dialog_add_response (op->progress, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (op->progress, "cancel");
  g_signal_connect_object (op->progress, "response", G_CALLBACK (copy_progress_response_cb), self, 0);
  op->pulse_source = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, bar);
  gtk_window_present (GTK_WINDOW (op->progress));

  clw_sync_make_copy_async (get_database (self), CLW_SCOPE_CLUSTER, cluster_id, path, NULL,
                            self->sync->cancellable, copy_done_cb, op);
}

void
clw_window_export_changes (ClwWindow  *self,
                           const char *peer,
                           const char *path)
{
  Operation *op;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (get_database (self) == NULL)
    return;

  op = begin_operation (self, path);
  clw_sync_export_async (get_database (self), peer, path, self->sync->cancellable, export_done_cb, op);
}

void
clw_window_import_changes (ClwWindow  *self,
                           const char *path)
{
  Operation *op;

  g_return_if_fail (CLW_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (get_database (self) == NULL)
    return;

  op = begin_operation (self, path);
  clw_sync_import_async (get_database (self), path, self->sync->cancellable, import_done_cb, op);
}

char *
clw_window_dup_sync_folder (ClwWindow *self)
{
  g_autoptr(GVariant) folders = NULL;
  const char *folder = NULL;

  g_return_val_if_fail (CLW_IS_WINDOW (self), NULL);

  if (get_database (self) == NULL || self->settings == NULL)
    return NULL;

  folders = g_settings_get_value (self->settings, "sync-folders");
  if (!g_variant_lookup (folders, clw_database_get_path (get_database (self)), "&s", &folder) ||
      *folder == '\0')
    return NULL;
  return g_strdup (folder);
}

void
clw_window_set_sync_folder (ClwWindow  *self,
                            const char *folder)
{
  g_autoptr(GVariant) folders = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;
  const char *path;

  g_return_if_fail (CLW_IS_WINDOW (self));

  if (get_database (self) == NULL)
    return;

  path = clw_database_get_path (get_database (self));
  folders = g_settings_get_value (self->settings, "sync-folders");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, folders);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, path))
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (folder != NULL && *folder != '\0')
    g_variant_builder_add (&builder, "{ss}", path, folder);
  g_settings_set_value (self->settings, "sync-folders", g_variant_builder_end (&builder));

  update_folder (self);
  _clw_window_update_actions (self);
}

void
clw_window_sync_now (ClwWindow *self)
{
  g_autofree char *folder = NULL;
  Operation *op;

  g_return_if_fail (CLW_IS_WINDOW (self));

  folder = clw_window_dup_sync_folder (self);
  if (get_database (self) == NULL || folder == NULL)
    return;

  op = begin_operation (self, folder);
  clw_sync_exchange_folder_async (get_database (self), folder, self->sync->cancellable,
                                  exchange_done_cb, op);
}

void
clw_window_show_conflicts (ClwWindow *self)
{
  g_return_if_fail (CLW_IS_WINDOW (self));

  if (self->session == NULL)
    return;

  clw_conflicts_page_reload (ensure_conflicts_page (self));
  _clw_window_show_page (self, "conflicts", TRUE);
}

gboolean
clw_window_is_syncing (ClwWindow *self)
{
  g_return_val_if_fail (CLW_IS_WINDOW (self), FALSE);

  return self->sync != NULL && self->sync->n_running > 0;
}
