/* clw-cli-dataset.c: init, import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-cli.h"
#include "clw-dataset.h"
#include "clw-xml.h"

int
clw_cli_init (const ClwCliGlobals  *globals,
              int                   argc,
              char                **argv,
              GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;

  if (!clw_cli_parse_options ("init", NULL,
                              _("Create the database (0600, in a 0700 folder) and load the reference "
                                "data: the Welsh health boards, their clusters and the QAIF cycles. "
                                "Running it on an existing database brings its reference data up to date."),
                              NULL, &argc, &argv, error))
    return 2;

  db = clw_cli_open_database (globals, TRUE, error);
  if (db == NULL || !clw_dataset_load_reference (db, error))
    return 1;

  g_print (_("Database ready: %s\n"), clw_database_get_path (db));
  return 0;
}

int
clw_cli_import (const ClwCliGlobals  *globals,
                int                   argc,
                char                **argv,
                GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ClwImportCounts counts = { 0 };
  int max_size_mb = CLW_XML_DEFAULT_MAX_SIZE / (1024 * 1024);
  GOptionEntry entries[] = {
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_size_mb, N_("Refuse files larger than this (default 32)"), N_("MB") },
    { NULL }
  };

  if (!clw_cli_parse_options ("import", "FILE",
                              _("Import a dataset file. All or nothing: a file that is not well-formed, "
                                "does not follow the schema or breaks a rule changes nothing, and every "
                                "problem is listed with its line."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Name one file to import."));
      return 2;
    }

  if (max_size_mb <= 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--max-size must be positive."));
      return 2;
    }

  db = clw_cli_open_database (globals, TRUE, error);
  if (db == NULL)
    return 1;

  if (!clw_dataset_import (db, argv[1], (gsize) max_size_mb * 1024 * 1024, &counts, &problems, error))
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          ClwXmlProblem *p = g_ptr_array_index (problems, i);
          g_autoptr(GPtrArray) one = g_ptr_array_new ();
          g_autofree char *line = NULL;

          g_ptr_array_add (one, p);
          line = clw_xml_problems_to_string (one, argv[1], 1);
          g_printerr ("%s\n", line);
        }
      return 1;
    }

  g_print (_("Imported %s: %u added, %u changed, %u unchanged\n"),
           argv[1], counts.inserted, counts.updated, counts.unchanged);
  return 0;
}

int
clw_cli_export (const ClwCliGlobals  *globals,
                int                   argc,
                char                **argv,
                GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree char *health_board = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *scope_id = NULL;
  ClwScope scope;
  GOptionEntry entries[] = {
    { "health-board", 0, 0, G_OPTION_ARG_STRING, &health_board, N_("Only this health board (id or code)"), N_("ID") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster, N_("Only this cluster (id or code)"), N_("ID") },
    { NULL }
  };

  if (!clw_cli_parse_options ("export", "FILE",
                              _("Write the database, or one health board or cluster of it, as a dataset "
                                "file. The file is written whole or not at all."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Name the file to write."));
      return 2;
    }

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL ||
      !clw_cli_resolve_scope (db, health_board, cluster, NULL, &scope, &scope_id, error) ||
      !clw_dataset_export (db, scope, scope_id, argv[1], error))
    return 1;

  return 0;
}
