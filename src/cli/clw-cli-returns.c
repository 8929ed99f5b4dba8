/* clw-cli-returns.c: imtp-return and meeting-pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-cli.h"

static gboolean
parse_as_of (const char  *text,
             GDate      **date,
             GError     **error)
{
  *date = NULL;
  if (text == NULL)
    return TRUE;

  *date = clw_date_parse (text);
  if (*date == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--as-of must be a date as 2022-09-30, not “%s”."), text);
      return FALSE;
    }
  return TRUE;
}

int
clw_cli_imtp_return (const ClwCliGlobals  *globals,
                     int                   argc,
                     char                **argv,
                     GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree char *health_board = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *cycle = NULL;
  g_autofree char *output = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *scope_id = NULL;
  g_autoptr(GDate) as_of = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean all = FALSE;
  g_auto(GStrv) warnings = NULL;
  ClwScope scope;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster, N_("The cluster (id or code): one file"), N_("ID") },
    { "health-board", 0, 0, G_OPTION_ARG_STRING, &health_board,
      N_("Every cluster of this health board (id or code): one file each in a folder"), N_("ID") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every cluster of Wales: one file each in a folder"), NULL },
    { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle, N_("The QAIF cycle, as 2021-22 (default: today’s)"), N_("CYCLE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Evaluate the verdicts as at this date (default: today)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (--cluster) or the folder (--health-board)"), N_("PATH") },
    { NULL }
  };

  if (!clw_cli_parse_options ("imtp-return", NULL,
                              _("Write the IMTP return of a cluster for a QAIF cycle as XML "
                                "(data/imtp-return.xsd), or the returns of every cluster of a health "
                                "board (or of Wales) into a folder, one file each named after the cluster "
                                "and the cycle. Each return is checked against the schema before it is written; "
                                "an invalid return is never written."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 1 || output == NULL || (cluster != NULL) + (health_board != NULL) + all != 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give --cluster ID -o FILE.xml, --health-board ID -o FOLDER, or --all -o FOLDER."));
      return 2;
    }

  if (!parse_as_of (as_of_text, &as_of, error))
    return 2;

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL ||
      !clw_cli_resolve_scope (db, health_board, cluster, NULL, &scope, &scope_id, error))
    return 1;

  if (cycle == NULL)
    {
      g_autoptr(GDate) today = clw_database_get_today (db);

      cycle = clw_qaif_cycle_for_date (db, as_of != NULL ? as_of : today, error);
      if (cycle == NULL)
        return 1;
    }

  paths = clw_imtp_return_write (db, scope, scope_id, cycle, as_of, output, &warnings, NULL, error);
  if (paths == NULL)
    return 1;

  for (guint i = 0; paths[i] != NULL; i++)
    g_print (_("Wrote %s\n"), paths[i]);
  g_print (ngettext ("%u IMTP return for the %s cycle, valid against imtp-return.xsd.\n",
                     "%u IMTP returns for the %s cycle, valid against imtp-return.xsd.\n",
                     g_strv_length (paths)),
           g_strv_length (paths), cycle);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr (_("Warning: %s\n"), warnings[i]);

  return 0;
}

int
clw_cli_meeting_pack (const ClwCliGlobals  *globals,
                      int                   argc,
                      char                **argv,
                      GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwMeetingPack) pack = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *output = NULL;
  const char * const *at_risk;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The meeting (its id)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };

  if (!clw_cli_parse_options ("meeting-pack", NULL,
                              _("Write the pack of a meeting as one A4 PDF: cover, contents, agenda, "
                                "action log, attendance and the practices at risk, pending decisions, "
                                "IMTP contributions and the evidence still missing."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 1 || meeting == NULL || output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Give --meeting ID -o FILE.pdf."));
      return 2;
    }

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;

  pack = clw_meeting_pack_new (db, meeting, error);
  if (pack == NULL || !clw_meeting_pack_write_pdf (pack, output, error))
    return 1;

  g_print (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n",
                     clw_print_document_get_n_pages (clw_meeting_pack_get_document (pack))),
           output, clw_print_document_get_n_pages (clw_meeting_pack_get_document (pack)));

  at_risk = clw_meeting_pack_get_practices_at_risk (pack);
  for (guint i = 0; at_risk != NULL && at_risk[i] != NULL; i++)
    g_print (_("At risk: %s\n"), at_risk[i]);

  return 0;
}
