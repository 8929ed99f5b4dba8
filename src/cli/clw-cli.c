/* clw-cli.c: clwstwr-cli, every headless operation of Clwstwr
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "clw-cli.h"

static const ClwCliCommand commands[] = {
  { "init", N_("Create a database with the reference data"), clw_cli_init },
  { "import", N_("Import a dataset file, all or nothing"), clw_cli_import },
  { "export", N_("Export the database, a health board or a cluster as a dataset file"), clw_cli_export },
  { "import-practices", N_("Add and update practices from a CSV practice list"), clw_cli_import_practices },
  { "imtp-return", N_("Write the IMTP return of a cluster, or of every cluster of a health board, as XML"), clw_cli_imtp_return },
  { "meeting-pack", N_("Write the pack of a meeting as a PDF"), clw_cli_meeting_pack },
  { "demo", N_("Fill a new database with invented demo data of all of Wales"), clw_cli_demo },
  { "list", N_("List health boards, clusters, practices or meetings, as text or CSV"), clw_cli_list },
  { "qaif", N_("Give the QAIF verdicts, points and reasons, as text, CSV or XML"), clw_cli_qaif },
  { "evidence", N_("Attach, list, export, verify and prune evidence files"), clw_cli_evidence },
  { "sync", N_("Exchange changes with another copy: export, import, status, conflicts, resolve, folder"), clw_cli_sync },
  { "copy-for-meeting", N_("Make a copy of one cluster to take to a meeting"), clw_cli_copy_for_meeting },
};

ClwDatabase *
clw_cli_open_database (const ClwCliGlobals  *globals,
                       gboolean              create,
                       GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;

  db = clw_database_open (globals->db_path,
                          create ? CLW_DATABASE_OPEN_CREATE : CLW_DATABASE_OPEN_DEFAULT,
                          error);
  if (db == NULL)
    return NULL;

  if (globals->user != NULL)
    clw_database_set_user (db, globals->user);

  if (clw_database_get_backup_path (db) != NULL)
    g_printerr (_("Updated the database to version %d; the old one is kept as %s\n"),
                clw_database_get_version (db), clw_database_get_backup_path (db));

  return g_steal_pointer (&db);
}

gboolean
clw_cli_parse_options (const char    *command,
                       const char    *parameter_string,
                       const char    *summary,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv,
                       GError       **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *params = g_strdup_printf ("%s%s%s", command,
                                             parameter_string ? " " : "",
                                             parameter_string ? parameter_string : "");

  context = g_option_context_new (params);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return g_option_context_parse (context, argc, argv, error);
}

static gboolean
match_code_or_id (ClwDatabase  *db,
                  GType         type,
                  const char   *value,
                  char        **id,
                  GError      **error)
{
  const char *params[] = { value, value, NULL };
  g_autoptr(GListStore) rows = clw_record_list (db, type, "id = ? OR code = ?", params, error);

  if (rows == NULL)
    return FALSE;

  if (g_list_model_get_n_items (G_LIST_MODEL (rows)) == 0)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no %s with the id or code “%s”."),
                   clw_record_table_to_label (clw_record_type_get_table (type)), value);
      return FALSE;
    }

  {
    g_autoptr(ClwRecord) record = g_list_model_get_item (G_LIST_MODEL (rows), 0);
    *id = g_strdup (clw_record_get_id (record));
  }
  return TRUE;
}

gboolean
clw_cli_resolve_scope (ClwDatabase  *db,
                       const char   *health_board,
                       const char   *cluster,
                       const char   *practice,
                       ClwScope     *scope,
                       char        **scope_id,
                       GError      **error)
{
  int given = (health_board != NULL) + (cluster != NULL) + (practice != NULL);

  if (given > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give at most one of --health-board, --cluster and --practice."));
      return FALSE;
    }

  *scope_id = NULL;
  if (health_board != NULL)
    {
      *scope = CLW_SCOPE_HEALTH_BOARD;
      return match_code_or_id (db, CLW_TYPE_HEALTH_BOARD, health_board, scope_id, error);
    }
  if (cluster != NULL)
    {
      *scope = CLW_SCOPE_CLUSTER;
      return match_code_or_id (db, CLW_TYPE_CLUSTER, cluster, scope_id, error);
    }
  if (practice != NULL)
    {
      *scope = CLW_SCOPE_PRACTICE;
      return match_code_or_id (db, CLW_TYPE_PRACTICE, practice, scope_id, error);
    }

  *scope = CLW_SCOPE_ALL;
  return TRUE;
}

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: clwstwr-cli [--db FILE] [--user NAME] COMMAND [OPTION…]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-18s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “clwstwr-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *user = NULL;
  gboolean version = FALSE;
  gboolean help = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database (default: the user's database)"), N_("FILE") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("The name recorded in the audit log"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("List the commands and exit"), NULL },
    { NULL }
  };
  ClwCliGlobals globals = { 0 };
  int status;

  setlocale (LC_ALL, "");
  clw_i18n_init ();
  g_set_prgname ("clwstwr-cli");

  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("clwstwr-cli: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("clwstwr-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (help || argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage ();
      return help || argc >= 2 ? 0 : 2;
    }

  if (db_path == NULL)
    db_path = clw_database_get_default_path ();
  globals.db_path = db_path;
  globals.user = user;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (commands[i].name, argv[1]))
        continue;

      status = commands[i].func (&globals, argc - 1, argv + 1, &error);
      if (status != 0 && error != NULL)
        g_printerr ("clwstwr-cli %s: %s\n", commands[i].name, error->message);
      return status;
    }

  g_printerr (_("clwstwr-cli: unknown command “%s”; run “clwstwr-cli --help” for the list\n"), argv[1]);
  return 2;
}
