/* clw-cli-sync.c: sync and copy-for-meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-cli.h"

typedef int (*SyncCommandFunc) (const ClwCliGlobals  *globals,
                                int                   argc,
                                char                **argv,
                                GError              **error);

static void
print_notes (ClwSyncReport *report)
{
  const char * const *notes = clw_sync_report_get_notes (report);

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_printerr ("%s\n", notes[i]);
}

static int
usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return 2;
}

static int
sync_export (const ClwCliGlobals  *globals,
             int                   argc,
             char                **argv,
             GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autofree char *output = NULL;
  g_autofree char *peer = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The bundle to write"), N_("FILE") },
    { "peer", 0, 0, G_OPTION_ARG_STRING, &peer, N_("The copy it is for (name or id), when there are several"), N_("COPY") },
    { NULL }
  };

  if (!clw_cli_parse_options ("sync export", NULL,
                              _("Write the changes the other copy has not confirmed having, with the "
                                "evidence files it lacks, into one bundle file."),
                              entries, &argc, &argv, error))
    return 2;
  if (argc != 1 || output == NULL)
    return usage_error (error, _("Give the file to write with -o FILE."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;
  report = clw_sync_export (db, peer, output, error);
  if (report == NULL)
    return 1;

  print_notes (report);
  g_print (ngettext ("Wrote %s for “%s”: %u change", "Wrote %s for “%s”: %u changes",
                        clw_sync_report_get_n_changes (report)),
           output, clw_sync_report_get_peer_name (report), clw_sync_report_get_n_changes (report));
  g_print (ngettext (", %u evidence file\n", ", %u evidence files\n",
                        clw_sync_report_get_n_files (report)),
           clw_sync_report_get_n_files (report));
  return 0;
}

static void
print_import (ClwSyncReport *report)
{
  g_print (_("Imported %s from “%s” (made by %s at %s): %u changes, %u applied, %u new conflicts, "
             "%u conflicts settled, %u evidence files.\n"),
           clw_sync_report_get_path (report), clw_sync_report_get_peer_name (report),
           clw_sync_report_get_author (report), clw_sync_report_get_made_at (report),
           clw_sync_report_get_n_changes (report), clw_sync_report_get_n_applied (report),
           clw_sync_report_get_n_conflicts (report), clw_sync_report_get_n_settled (report),
           clw_sync_report_get_n_files (report));
}

static void
print_follow_up (ClwSyncReport *report)
{
  if (clw_sync_report_get_n_conflicts (report) > 0)
    g_print ("%s\n", _("Some changes conflict with this copy's: run “clwstwr-cli sync conflicts”."));
  if (clw_sync_report_get_n_missing_files (report) > 0)
    g_printerr (ngettext ("%u evidence file is still missing from this copy.\n",
                             "%u evidence files are still missing from this copy.\n",
                             clw_sync_report_get_n_missing_files (report)),
                clw_sync_report_get_n_missing_files (report));
}

static int
sync_import (const ClwCliGlobals  *globals,
             int                   argc,
             char                **argv,
             GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwSyncReport) report = NULL;

  if (!clw_cli_parse_options ("sync import", "FILE",
                              _("Apply a bundle made by the other copy. A bundle that is damaged, made "
                                "for another copy, built on another base, imported already, or from a "
                                "meeting copy changing another cluster changes nothing."),
                              NULL, &argc, &argv, error))
    return 2;
  if (argc != 2)
    return usage_error (error, _("Name one bundle to import."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;
  report = clw_sync_import (db, argv[1], error);
  if (report == NULL)
    return 1;

  print_notes (report);
  print_import (report);
  print_follow_up (report);
  return 0;
}

static const char *
or_never (const char *timestamp)
{
  return timestamp != NULL ? timestamp : _("never");
}

static int
sync_status (const ClwCliGlobals  *globals,
             int                   argc,
             char                **argv,
             GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwSyncStatus) status = NULL;
  g_autofree char *summary = NULL;
  GListModel *peers;

  if (!clw_cli_parse_options ("sync status", NULL,
                              _("When and with whom this copy last synced, the changes waiting to go "
                                "out, and the conflicts to resolve."),
                              NULL, &argc, &argv, error))
    return 2;
  if (argc != 1)
    return usage_error (error, _("“sync status” takes no argument."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;
  status = clw_sync_get_status (db, error);
  if (status == NULL)
    return 1;

  summary = clw_sync_status_dup_summary (status);
  g_print (_("This copy: %s (%s)\n"), clw_sync_status_get_name (status),
           clw_sync_status_get_database_id (status));
  g_print ("%s\n", summary);

  peers = clw_sync_status_get_peers (status);
  for (guint i = 0; i < g_list_model_get_n_items (peers); i++)
    {
      g_autoptr(ClwSyncPeer) peer = g_list_model_get_item (peers, i);

      g_print ("\n%s (%s)\n", clw_sync_peer_get_name (peer), clw_sync_peer_get_id (peer));
      if (clw_sync_peer_get_scope (peer) == CLW_SCOPE_CLUSTER)
        g_print (_("  holds the cluster %s\n"), clw_sync_peer_get_scope_name (peer));
      g_print (_("  last received: %s%s%s\n"), or_never (clw_sync_peer_get_last_import_at (peer)),
               clw_sync_peer_get_last_import_author (peer) != NULL ? _(", made by ") : "",
               clw_sync_peer_get_last_import_author (peer) != NULL ? clw_sync_peer_get_last_import_author (peer) : "");
      g_print (_("  last sent: %s\n"), or_never (clw_sync_peer_get_last_export_at (peer)));
      g_print (_("  changes waiting to go out: %u\n"), clw_sync_peer_get_n_pending (peer));
      g_print (_("  bundles sent, not yet confirmed: %u\n"), clw_sync_peer_get_n_unconfirmed (peer));
      g_print (_("  conflicts to resolve: %u\n"), clw_sync_peer_get_n_conflicts (peer));
    }

  return 0;
}

static int
sync_conflicts (const ClwCliGlobals  *globals,
                int                   argc,
                char                **argv,
                GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  guint n;

  if (!clw_cli_parse_options ("sync conflicts", NULL,
                              _("List the conflicts still to resolve, with what each side holds, who "
                                "changed it and when."),
                              NULL, &argc, &argv, error))
    return 2;
  if (argc != 1)
    return usage_error (error, _("“sync conflicts” takes no argument."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;
  conflicts = clw_sync_list_conflicts (db, error);
  if (conflicts == NULL)
    return 1;

  n = g_list_model_get_n_items (conflicts);
  if (n == 0)
    {
      g_print ("%s\n", _("No conflicts to resolve."));
      return 0;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwSyncConflict) c = g_list_model_get_item (conflicts, i);

      g_print ("%s  %s\n", clw_sync_conflict_get_id (c),
               clw_sync_conflict_kind_to_label (clw_sync_conflict_get_kind (c)));
      if (clw_sync_conflict_get_field_label (c) != NULL)
        g_print ("  %s — %s\n", clw_sync_conflict_get_title (c), clw_sync_conflict_get_field_label (c));
      else
        g_print ("  %s\n", clw_sync_conflict_get_title (c));
      if (*clw_sync_conflict_get_message (c) != '\0')
        g_print ("  %s\n", clw_sync_conflict_get_message (c));
      if (clw_sync_conflict_get_base_text (c) != NULL)
        g_print (_("  before:  %s\n"), clw_sync_conflict_get_base_text (c));
      g_print (_("  mine:    %s (%s, %s)\n"), clw_sync_conflict_get_mine_text (c),
               clw_sync_conflict_get_mine_by (c) != NULL ? clw_sync_conflict_get_mine_by (c) : "—",
               clw_sync_conflict_get_mine_at (c) != NULL ? clw_sync_conflict_get_mine_at (c) : "—");
      g_print (_("  theirs:  %s (%s, %s; from “%s”, bundle made by %s)\n"),
               clw_sync_conflict_get_theirs_text (c),
               clw_sync_conflict_get_theirs_by (c) != NULL ? clw_sync_conflict_get_theirs_by (c) : "—",
               clw_sync_conflict_get_theirs_at (c) != NULL ? clw_sync_conflict_get_theirs_at (c) : "—",
               clw_sync_conflict_get_peer_name (c), clw_sync_conflict_get_author (c));
    }

  g_print ("\n%s\n", _("Resolve each with “clwstwr-cli sync resolve ID --mine”, “--theirs” or "
                       "“--value TEXT” (fields only)."));
  return 0;
}

static int
sync_resolve (const ClwCliGlobals  *globals,
              int                   argc,
              char                **argv,
              GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree char *value = NULL;
  gboolean mine = FALSE;
  gboolean theirs = FALSE;
  ClwSyncChoice choice;
  GOptionEntry entries[] = {
    { "mine", 0, 0, G_OPTION_ARG_NONE, &mine, N_("Keep what this copy holds"), NULL },
    { "theirs", 0, 0, G_OPTION_ARG_NONE, &theirs, N_("Take what the other copy holds"), NULL },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("Set the field to this value"), N_("TEXT") },
    { NULL }
  };

  if (!clw_cli_parse_options ("sync resolve", "ID",
                              _("Resolve a conflict: keep mine, take theirs, or set a value. The "
                                "choice goes to the other copy with the next bundle."),
                              entries, &argc, &argv, error))
    return 2;
  if (argc != 2)
    return usage_error (error, _("Name the conflict to resolve (its id, from “sync conflicts”)."));
  if (mine + theirs + (value != NULL) != 1)
    return usage_error (error, _("Give one of --mine, --theirs and --value TEXT."));

  choice = mine ? CLW_SYNC_CHOICE_MINE : theirs ? CLW_SYNC_CHOICE_THEIRS : CLW_SYNC_CHOICE_VALUE;

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL || !clw_sync_resolve (db, argv[1], choice, value, error))
    return 1;

  g_print ("%s\n", _("Resolved. The choice goes to the other copy with the next bundle."));
  return 0;
}

static int
sync_folder (const ClwCliGlobals  *globals,
             int                   argc,
             char                **argv,
             GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwSyncReport) report = NULL;

  if (!clw_cli_parse_options ("sync folder", "DIR",
                              _("Exchange bundles through a folder both copies can reach (a shared "
                                "or synchronised folder): apply those left for this copy, then leave "
                                "one for each copy that has something new to hear. The database is "
                                "never opened from the folder."),
                              NULL, &argc, &argv, error))
    return 2;
  if (argc != 2)
    return usage_error (error, _("Name the folder to exchange through."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;
  report = clw_sync_exchange_folder (db, argv[1], error);
  if (report == NULL)
    return 1;

  print_notes (report);
  g_print (_("Exchanged through %s: %u bundles imported (%u changes, %u applied, %u new conflicts, "
             "%u settled), %u skipped, %u refused, %u written.\n"),
           argv[1], clw_sync_report_get_n_imported (report), clw_sync_report_get_n_changes (report),
           clw_sync_report_get_n_applied (report), clw_sync_report_get_n_conflicts (report),
           clw_sync_report_get_n_settled (report), clw_sync_report_get_n_skipped (report),
           clw_sync_report_get_n_refused (report), clw_sync_report_get_n_written (report));
  print_follow_up (report);

  if (clw_sync_report_get_n_refused (report) > 0)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_OTHER_BASE,
                   ngettext ("%u bundle in the folder was refused (see above).",
                                "%u bundles in the folder were refused (see above).",
                                clw_sync_report_get_n_refused (report)),
                   clw_sync_report_get_n_refused (report));
      return 1;
    }
  return 0;
}

static int
sync_forget (const ClwCliGlobals  *globals,
             int                   argc,
             char                **argv,
             GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;

  if (!clw_cli_parse_options ("sync forget", "COPY",
                              _("Stop syncing with a copy (a laptop lost or retired): forget it, its "
                                "changes not yet imported and the conflicts with it. The copy itself "
                                "is not touched."),
                              NULL, &argc, &argv, error))
    return 2;
  if (argc != 2)
    return usage_error (error, _("Name the copy to forget (its name or id, from “sync status”)."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL || !clw_sync_forget_peer (db, argv[1], error))
    return 1;

  g_print (_("This database no longer syncs with “%s”.\n"), argv[1]);
  return 0;
}

static const struct {
  const char      *name;
  const char      *summary;
  SyncCommandFunc  func;
} sync_commands[] = {
  { "export", N_("Write this copy's changes into a bundle (-o FILE)"), sync_export },
  { "import", N_("Apply a bundle from the other copy"), sync_import },
  { "status", N_("When and with whom this copy last synced, what waits"), sync_status },
  { "conflicts", N_("List the conflicts to resolve"), sync_conflicts },
  { "resolve", N_("Resolve a conflict (--mine, --theirs or --value TEXT)"), sync_resolve },
  { "folder", N_("Exchange bundles through a shared folder"), sync_folder },
  { "forget", N_("Stop syncing with a copy that is gone"), sync_forget },
};

int
clw_cli_sync (const ClwCliGlobals  *globals,
              int                   argc,
              char                **argv,
              GError              **error)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("%s\n\n", _("Usage: clwstwr-cli [--db FILE] sync SUBCOMMAND [OPTION…]"));
      for (guint i = 0; i < G_N_ELEMENTS (sync_commands); i++)
        g_print ("  %-10s %s\n", sync_commands[i].name, _(sync_commands[i].summary));
      g_print ("\n%s\n", _("Run “clwstwr-cli sync SUBCOMMAND --help” for its options."));
      if (argc < 2)
        return usage_error (error, _("Name what to do: export, import, status, conflicts, resolve, folder or forget."));
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sync_commands); i++)
    if (g_str_equal (argv[1], sync_commands[i].name))
      return sync_commands[i].func (globals, argc - 1, argv + 1, error);

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
               _("Unknown “sync %s”: use export, import, status, conflicts, resolve, folder or forget."), argv[1]);
  return 2;
}

int
clw_cli_copy_for_meeting (const ClwCliGlobals  *globals,
                          int                   argc,
                          char                **argv,
                          GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  g_autofree char *scope_id = NULL;
  ClwScope scope;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster, N_("The cluster the copy holds (id or code)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The copy to write (must not exist)"), N_("FILE.db") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("How the copy is known (default: “Meeting copy of CLUSTER”)"), N_("NAME") },
    { NULL }
  };

  if (!clw_cli_parse_options ("copy-for-meeting", NULL,
                              _("Make a copy to take to a meeting: one cluster's data and evidence files, "
                                "and the reference data. Its changes come back with “sync export” and "
                                "“sync import”, and may only touch that cluster."),
                              entries, &argc, &argv, error))
    return 2;
  if (argc != 1 || cluster == NULL || output == NULL)
    return usage_error (error, _("Give the cluster with --cluster ID and the copy with -o FILE.db."));

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL ||
      !clw_cli_resolve_scope (db, NULL, cluster, NULL, &scope, &scope_id, error))
    return 1;

  report = clw_sync_make_copy (db, scope, scope_id, output, name, error);
  if (report == NULL)
    return 1;

  print_notes (report);
  g_print (_("Made “%s” at %s, with %u evidence files.\n"), clw_sync_report_get_peer_name (report),
           output, clw_sync_report_get_n_files (report));
  return 0;
}
