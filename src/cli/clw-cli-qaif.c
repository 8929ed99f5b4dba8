/* clw-cli-qaif.c: qaif
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verdicts of the rules engine (clw-qaif.h) for a scope, in a cycle, as
 * of a date: readable text for a terminal, CSV, or XML of the qaif-report
 * schema. The command computes nothing itself.
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-cli.h"
#include "clw-qaif-export.h"
#include "clw-qaif.h"

#define TEXT_WIDTH 100
#define REASON_INDENT 34

/* Append @text from column @indent, wrapped at TEXT_WIDTH; the first line
 * continues where the output is. */
static void
append_wrapped (GString    *out,
                const char *text,
                guint       indent,
                guint       column)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = (guint) g_utf8_strlen (words[i], -1);

      if (*words[i] == '\0')
        continue;
      if (column > indent && column + 1 + length > TEXT_WIDTH)
        {
          g_string_append_c (out, '\n');
          for (column = 0; column < indent; column++)
            g_string_append_c (out, ' ');
        }
      else if (column > indent)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += length;
    }
  g_string_append_c (out, '\n');
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  guint length = (guint) g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (guint i = length; i < width; i++)
    g_string_append_c (out, ' ');
}

static char *
display_date (const GDate *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  iso = clw_date_format_iso (date);
  return clw_date_format_display (iso);
}

static char *
report_to_text (ClwQaifReport *report,
                const char    *scope_name)
{
  GString *out = g_string_new (NULL);
  GListModel *practices = clw_qaif_report_get_practices (report);
  guint n = g_list_model_get_n_items (practices);
  g_autofree char *as_of = display_date (clw_qaif_report_get_as_of (report));
  g_autofree char *deadline = display_date (clw_qaif_report_get_deadline (report));
  g_autofree char *cluster_id = NULL;
  guint verdict_width = 0;

  for (int v = CLW_VERDICT_ACHIEVED; v <= CLW_VERDICT_NOT_ACHIEVED; v++)
    verdict_width = MAX (verdict_width, (guint) g_utf8_strlen (clw_verdict_to_label (v), -1));

  g_string_append_printf (out, _("QAIF %s for %s, as of %s (deadline %s)"),
                          clw_qaif_report_get_cycle_code (report), scope_name, as_of, deadline);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, ngettext ("%u practice\n", "%u practices\n", n), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);
      guint n_indicators = clw_practice_result_get_n_indicators (result);
      const char *buddy = clw_practice_result_get_buddy_code (result);

      if (g_strcmp0 (cluster_id, clw_practice_result_get_cluster_id (result)) != 0)
        {
          ClwClusterSummary *summary;

          g_free (cluster_id);
          cluster_id = g_strdup (clw_practice_result_get_cluster_id (result));
          summary = clw_qaif_report_lookup_cluster (report, cluster_id);

          g_string_append_printf (out, "\n== %s", clw_practice_result_get_cluster_name (result));
          if (summary != NULL)
            {
              g_string_append (out, " — ");
              g_string_append_printf (out, _("%d of %d points; meetings: %d held, %d planned, %d required"),
                                      clw_cluster_summary_get_points (summary),
                                      clw_cluster_summary_get_points_possible (summary),
                                      clw_cluster_summary_get_meetings_held (summary),
                                      clw_cluster_summary_get_meetings_planned (summary),
                                      clw_cluster_summary_get_meetings_required (summary));
            }
          g_string_append (out, " ==\n");
        }

      g_string_append_printf (out, "\n%s  %s — %s, ", clw_practice_result_get_code (result),
                              clw_practice_result_get_name (result),
                              clw_verdict_to_label (clw_practice_result_get_overall_verdict (result)));
      g_string_append_printf (out, _("%d of %d points"),
                              clw_practice_result_get_points (result),
                              clw_practice_result_get_points_possible (result));
      if (buddy != NULL)
        g_string_append_printf (out, _(" (buddied with %s)"), buddy);
      g_string_append_c (out, '\n');

      for (guint k = 0; k < n_indicators; k++)
        {
          const ClwIndicatorResult *indicator = clw_practice_result_get_indicator (result, k);
          g_autofree char *points = g_strdup_printf ("%d/%d", indicator->points, indicator->points_possible);
          guint indent = 4 + 9 + 2 + verdict_width + 2 + 7 + 2;

          g_string_append (out, "    ");
          append_padded (out, indicator->code, 9);
          g_string_append (out, "  ");
          append_padded (out, clw_verdict_to_label (indicator->verdict), verdict_width);
          g_string_append (out, "  ");
          append_padded (out, points, 7);
          g_string_append (out, "  ");

          if (indicator->reasons == NULL || indicator->reasons[0] == NULL)
            g_string_append_c (out, '\n');
          for (guint r = 0; indicator->reasons != NULL && indicator->reasons[r] != NULL; r++)
            {
              if (r > 0)
                for (guint c = 0; c < indent; c++)
                  g_string_append_c (out, ' ');
              append_wrapped (out, indicator->reasons[r], indent, indent);
            }
        }
    }

  return g_string_free (out, FALSE);
}

static char *
describe_scope (ClwDatabase *db,
                ClwScope     scope,
                const char  *scope_id)
{
  GType type;
  g_autoptr(ClwRecord) record = NULL;

  switch (scope)
    {
    case CLW_SCOPE_HEALTH_BOARD:
      type = CLW_TYPE_HEALTH_BOARD;
      break;
    case CLW_SCOPE_CLUSTER:
      type = CLW_TYPE_CLUSTER;
      break;
    case CLW_SCOPE_PRACTICE:
      type = CLW_TYPE_PRACTICE;
      break;
    case CLW_SCOPE_ALL:
    default:
      return g_strdup (_("all of Wales"));
    }

  record = clw_record_load (db, type, scope_id, NULL);
  if (record == NULL)
    return g_strdup (scope_id);

  if (CLW_IS_HEALTH_BOARD (record))
    return g_strdup (clw_health_board_get_name (CLW_HEALTH_BOARD (record)));
  if (CLW_IS_CLUSTER (record))
    return g_strdup_printf (_("the %s cluster"), clw_cluster_get_name (CLW_CLUSTER (record)));
  return g_strdup_printf ("%s %s", clw_practice_get_code (CLW_PRACTICE (record)),
                          clw_practice_get_name (CLW_PRACTICE (record)));
}

static gboolean
check_cycle (ClwDatabase  *db,
             const char   *cycle,
             GError      **error)
{
  g_auto(GStrv) cycles = clw_qaif_list_cycles (db, error);
  g_autofree char *known = NULL;

  if (cycles == NULL)
    return FALSE;

  if (cycle != NULL && g_strv_contains ((const char * const *) cycles, cycle))
    return TRUE;

  known = g_strjoinv (", ", cycles);
  if (cycle == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("Say which QAIF cycle with --cycle: one of %s."), *known ? known : _("none"));
  else
    g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                 _("There is no QAIF cycle “%s”; the database knows %s."), cycle, *known ? known : _("none"));
  return FALSE;
}

int
clw_cli_qaif (const ClwCliGlobals  *globals,
              int                   argc,
              char                **argv,
              GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(GDate) as_of = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *cycle = NULL;
  g_autofree char *health_board = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *practice = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *scope_id = NULL;
  ClwCliFormat format;
  ClwScope scope;
  GOptionEntry entries[] = {
    { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle, N_("The QAIF cycle, as 2021-22 (required)"), N_("CODE") },
    { "health-board", 0, 0, G_OPTION_ARG_STRING, &health_board, N_("Only this health board (id or code)"), N_("ID") },
    { "cluster", 0, 0, G_OPTION_ARG_STRING, &cluster, N_("Only this cluster (id or code)"), N_("ID") },
    { "practice", 0, 0, G_OPTION_ARG_STRING, &practice, N_("Only this practice (id or code)"), N_("ID") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("Judge as on this day (default: the database's today)"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("text (the default), csv or xml"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };

  if (!clw_cli_parse_options ("qaif", NULL,
                              _("Give the QAIF verdicts on the GP Collaborative indicators for every "
                                "practice of a scope (all of Wales unless a health board, cluster or "
                                "practice is named), with the points and the reasons: as text, as CSV "
                                "(one row per practice and indicator) or as XML following "
                                "qaif-report.xsd."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Unexpected argument “%s”."), argv[1]);
      return 2;
    }

  if (!clw_cli_parse_format (format_name, TRUE, &format, error))
    return 2;

  if ((health_board != NULL) + (cluster != NULL) + (practice != NULL) > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give at most one of --health-board, --cluster and --practice."));
      return 2;
    }

  if (as_of_text != NULL)
    {
      as_of = clw_date_parse (as_of_text);
      if (as_of == NULL || strlen (as_of_text) != 10)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--as-of must be a date written YYYY-MM-DD, not “%s”."), as_of_text);
          return 2;
        }
    }

  db = clw_cli_open_database (globals, FALSE, error);
  if (db == NULL || !check_cycle (db, cycle, error))
    return db != NULL && cycle == NULL ? 2 : 1;

  if (!clw_cli_resolve_scope (db, health_board, cluster, practice, &scope, &scope_id, error))
    return 1;

  report = clw_qaif_evaluate (db, cycle, scope, scope_id, as_of, error);
  if (report == NULL)
    return 1;

  switch (format)
    {
    case CLW_CLI_FORMAT_CSV:
      bytes = clw_qaif_report_to_csv (report);
      break;

    case CLW_CLI_FORMAT_XML:
      bytes = clw_qaif_report_to_xml (report, scope, scope_id, error);
      if (bytes == NULL)
        return 1;
      break;

    case CLW_CLI_FORMAT_TEXT:
    default:
      {
        g_autofree char *scope_name = describe_scope (db, scope, scope_id);
        char *text = report_to_text (report, scope_name);
        bytes = g_bytes_new_take (text, strlen (text));
      }
      break;
    }

  {
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);

    return clw_cli_write_output (output, data, size, error) ? 0 : 1;
  }
}
