/* clw-cli-practices.c: import-practices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-cli.h"

static void
print_preview (ClwPracticeImport *import,
               gboolean           all)
{
  GListModel *rows = clw_practice_import_get_rows (import);
  const char * const *ignored = clw_practice_import_get_ignored_columns (import);
  guint n = g_list_model_get_n_items (rows);

  g_print (_("%s: the header is row %u\n"), clw_practice_import_get_filename (import),
           clw_practice_import_get_header_row (import));
  for (guint f = 0; f < CLW_N_PRACTICE_FIELDS; f++)
    {
      const char *column = clw_practice_import_get_column (import, f);
      if (column != NULL)
        g_print (_("  “%s” gives the %s\n"), column, clw_practice_field_to_label (f));
    }
  for (guint i = 0; ignored != NULL && ignored[i] != NULL; i++)
    g_print (_("  “%s” is not read\n"), ignored[i]);
  g_print ("\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeImportRow) row = g_list_model_get_item (rows, i);
      ClwImportAction action = clw_practice_import_row_get_action (row);
      const char *code = clw_practice_import_row_get_code (row);

      if (action == CLW_IMPORT_ACTION_UNCHANGED && !all)
        continue;

      g_print (_("row %-5u %-10s %-7s %s\n"), clw_practice_import_row_get_row (row),
               clw_import_action_to_label (action), code != NULL ? code : "",
               clw_practice_import_row_get_name (row) != NULL ? clw_practice_import_row_get_name (row) : "");
      if (action == CLW_IMPORT_ACTION_REJECTED)
        {
          const char * const *reasons = clw_practice_import_row_get_reasons (row);
          for (guint r = 0; reasons != NULL && reasons[r] != NULL; r++)
            g_print ("          %s\n", reasons[r]);
        }
      else if (action == CLW_IMPORT_ACTION_CHANGE)
        {
          for (guint c = 0; c < clw_practice_import_row_get_n_changes (row); c++)
            {
              const ClwPracticeImportChange *change = clw_practice_import_row_get_change (row, c);
              g_print (_("          %s: %s → %s\n"), change->label, change->old_value, change->new_value);
            }
        }
      else if (action == CLW_IMPORT_ACTION_ADD)
        g_print ("          %s\n", clw_practice_import_row_get_summary (row));
    }

  g_print (_("\n%u to add, %u to change, %u unchanged, %u rejected\n"),
           clw_practice_import_count (import, CLW_IMPORT_ACTION_ADD),
           clw_practice_import_count (import, CLW_IMPORT_ACTION_CHANGE),
           clw_practice_import_count (import, CLW_IMPORT_ACTION_UNCHANGED),
           clw_practice_import_count (import, CLW_IMPORT_ACTION_REJECTED));
  g_print ("%s\n", _("Practices that are not in the file are left as they are."));
}

int
clw_cli_import_practices (const ClwCliGlobals  *globals,
                          int                   argc,
                          char                **argv,
                          GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  gboolean dry_run = FALSE;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what would change"), NULL },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("List the unchanged practices too"), NULL },
    { NULL }
  };

  if (!clw_cli_parse_options ("import-practices", "FILE.csv",
                              _("Add and update practices from a CSV practice list (docs/practice-csv.md). "
                                "Practices are matched by code; those not in the file are left alone. "
                                "The preview is printed first; then everything is written in one "
                                "change, or nothing when a row is rejected."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Name one CSV file to import."));
      return 2;
    }

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL)
    return 1;

  import = clw_practice_import_preview (db, argv[1], 0, error);
  if (import == NULL)
    return 1;

  print_preview (import, all);

  if (clw_practice_import_count (import, CLW_IMPORT_ACTION_REJECTED) > 0)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_RULE,
                   _("Rows are rejected: correct them in the spreadsheet and import it again. "
                     "Nothing was changed."));
      return 1;
    }

  if (dry_run)
    {
      g_print ("%s\n", _("Dry run: nothing was changed."));
      return 0;
    }

  if (!clw_practice_import_can_apply (import))
    {
      g_print ("%s\n", _("Nothing to change."));
      return 0;
    }

  if (!clw_practice_import_apply (import, db, error))
    return 1;

  g_print (_("Imported: %u added, %u changed.\n"),
           clw_practice_import_count (import, CLW_IMPORT_ACTION_ADD),
           clw_practice_import_count (import, CLW_IMPORT_ACTION_CHANGE));
  return 0;
}
