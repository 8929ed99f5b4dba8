/* clw-qaif-export.c: a QAIF report as CSV or XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-qaif-export"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-qaif-export.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "clw-enums.h"
#include "clw-indicator.h"
#include "clw-record.h"
#include "clw-xml.h"

/* CSV ------------------------------------------------------------------- */

/* RFC 4180: quoted when it holds a comma, a quote or a line break. */
static void
append_field (GString    *out,
              const char *field)
{
  if (field == NULL)
    field = "";

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

GBytes *
clw_qaif_report_to_csv (ClwQaifReport *report)
{
  GListModel *practices;
  GString *out;
  guint n;

  g_return_val_if_fail (CLW_IS_QAIF_REPORT (report), NULL);

  out = g_string_new (CLW_QAIF_CSV_HEADER "\r\n");
  practices = clw_qaif_report_get_practices (report);
  n = g_list_model_get_n_items (practices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);
      guint n_indicators = clw_practice_result_get_n_indicators (result);

      for (guint k = 0; k < n_indicators; k++)
        {
          const ClwIndicatorResult *indicator = clw_practice_result_get_indicator (result, k);
          g_autofree char *reasons = indicator->reasons != NULL
                                     ? g_strjoinv ("; ", indicator->reasons) : g_strdup ("");
          char points[16];

          g_snprintf (points, sizeof points, "%d", indicator->points);

          append_field (out, clw_qaif_report_get_cycle_code (report));
          g_string_append_c (out, ',');
          append_field (out, clw_practice_result_get_cluster_name (result));
          g_string_append_c (out, ',');
          append_field (out, clw_practice_result_get_code (result));
          g_string_append_c (out, ',');
          append_field (out, clw_practice_result_get_name (result));
          g_string_append_c (out, ',');
          append_field (out, indicator->code);
          g_string_append_c (out, ',');
          append_field (out, clw_enum_to_nick (CLW_TYPE_VERDICT, indicator->verdict));
          g_string_append_c (out, ',');
          append_field (out, points);
          g_string_append_c (out, ',');
          append_field (out, reasons);
          g_string_append (out, "\r\n");
        }
    }

  return g_string_free_to_bytes (out);
}

/* XML ------------------------------------------------------------------- */

static char *
date_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return clw_date_format_iso (date);
}

static gboolean
write_int (xmlTextWriterPtr  writer,
           const char       *name,
           gint64            value)
{
  return xmlTextWriterWriteFormatAttribute (writer, BAD_CAST name, "%" G_GINT64_FORMAT, value) >= 0;
}

static gboolean
write_text (xmlTextWriterPtr  writer,
            const char       *name,
            const char       *value)
{
  return value == NULL || xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST value) >= 0;
}

static gboolean
write_indicators (xmlTextWriterPtr  writer,
                  ClwQaifReport    *report)
{
  GListModel *indicators = clw_qaif_report_get_indicators (report);
  guint n = g_list_model_get_n_items (indicators);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwIndicator) indicator = g_list_model_get_item (indicators, i);

      if (xmlTextWriterStartElement (writer, BAD_CAST "indicator") < 0 ||
          !write_text (writer, "code", clw_indicator_get_code (indicator)) ||
          !write_int (writer, "position", clw_indicator_get_position (indicator)) ||
          !write_int (writer, "points", clw_indicator_get_points (indicator)) ||
          !write_text (writer, "rule", clw_enum_to_nick (CLW_TYPE_INDICATOR_RULE, clw_indicator_get_rule (indicator))) ||
          !write_text (writer, "scoring", clw_enum_to_nick (CLW_TYPE_SCORING, clw_indicator_get_scoring (indicator))) ||
          !write_text (writer, "title", clw_indicator_get_title (indicator)) ||
          xmlTextWriterEndElement (writer) < 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
start_cluster (xmlTextWriterPtr   writer,
               ClwQaifReport     *report,
               ClwPracticeResult *first)
{
  const char *cluster_id = clw_practice_result_get_cluster_id (first);
  ClwClusterSummary *summary = clw_qaif_report_lookup_cluster (report, cluster_id);

  if (xmlTextWriterStartElement (writer, BAD_CAST "cluster") < 0 ||
      !write_text (writer, "id", cluster_id) ||
      !write_text (writer, "name", clw_practice_result_get_cluster_name (first)))
    return FALSE;

  if (summary == NULL)
    return TRUE;

  return write_text (writer, "health-board-id", clw_cluster_summary_get_health_board_id (summary)) &&
         write_int (writer, "practices", clw_cluster_summary_get_n_practices (summary)) &&
         write_int (writer, "points", clw_cluster_summary_get_points (summary)) &&
         write_int (writer, "points-possible", clw_cluster_summary_get_points_possible (summary)) &&
         write_int (writer, "practices-at-risk", clw_cluster_summary_get_practices_at_risk (summary)) &&
         write_int (writer, "meetings-held", clw_cluster_summary_get_meetings_held (summary)) &&
         write_int (writer, "meetings-planned", clw_cluster_summary_get_meetings_planned (summary)) &&
         write_int (writer, "meetings-required", clw_cluster_summary_get_meetings_required (summary)) &&
         write_int (writer, "imtp-submitted", clw_cluster_summary_get_imtp_submitted (summary)) &&
         write_int (writer, "imtp-total", clw_cluster_summary_get_imtp_total (summary)) &&
         write_int (writer, "pending-requests", clw_cluster_summary_get_pending_requests (summary));
}

static gboolean
write_practice (xmlTextWriterPtr   writer,
                ClwPracticeResult *result)
{
  guint n = clw_practice_result_get_n_indicators (result);
  const char *imtp = "none";

  if (clw_practice_result_has_imtp_contribution (result))
    imtp = clw_enum_to_nick (CLW_TYPE_CONTRIBUTION_STATUS, clw_practice_result_get_imtp_status (result));

  if (xmlTextWriterStartElement (writer, BAD_CAST "practice") < 0 ||
      !write_text (writer, "id", clw_practice_result_get_practice_id (result)) ||
      !write_text (writer, "code", clw_practice_result_get_code (result)) ||
      !write_text (writer, "name", clw_practice_result_get_name (result)) ||
      !write_int (writer, "partners", clw_practice_result_get_partners (result)) ||
      !write_int (writer, "list-size", clw_practice_result_get_list_size (result)) ||
      !write_text (writer, "sustainability-issues",
                   clw_practice_result_get_sustainability_issues (result) ? "true" : "false") ||
      !write_text (writer, "buddy-code", clw_practice_result_get_buddy_code (result)) ||
      !write_int (writer, "meetings-counted", clw_practice_result_get_meetings_counted (result)) ||
      !write_int (writer, "meetings-required", clw_practice_result_get_meetings_required (result)) ||
      !write_text (writer, "imtp-status", imtp) ||
      !write_text (writer, "verdict", clw_enum_to_nick (CLW_TYPE_VERDICT,
                                                        clw_practice_result_get_overall_verdict (result))) ||
      !write_int (writer, "points", clw_practice_result_get_points (result)) ||
      !write_int (writer, "points-possible", clw_practice_result_get_points_possible (result)))
    return FALSE;

  for (guint k = 0; k < n; k++)
    {
      const ClwIndicatorResult *indicator = clw_practice_result_get_indicator (result, k);

      if (xmlTextWriterStartElement (writer, BAD_CAST "result") < 0 ||
          !write_text (writer, "indicator", indicator->code) ||
          !write_text (writer, "verdict", clw_enum_to_nick (CLW_TYPE_VERDICT, indicator->verdict)) ||
          !write_int (writer, "points", indicator->points) ||
          !write_int (writer, "points-possible", indicator->points_possible))
        return FALSE;

      for (guint r = 0; indicator->reasons != NULL && indicator->reasons[r] != NULL; r++)
        if (*indicator->reasons[r] != '\0' &&
            xmlTextWriterWriteElement (writer, BAD_CAST "reason", BAD_CAST indicator->reasons[r]) < 0)
          return FALSE;

      if (xmlTextWriterEndElement (writer) < 0)
        return FALSE;
    }

  return xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_report (xmlTextWriterPtr  writer,
              ClwQaifReport    *report,
              ClwScope          scope,
              const char       *scope_id)
{
  static const char *scope_names[] = { "all", "health-board", "cluster", "practice" };
  g_autofree char *as_of = date_iso (clw_qaif_report_get_as_of (report));
  g_autofree char *deadline = date_iso (clw_qaif_report_get_deadline (report));
  GListModel *practices = clw_qaif_report_get_practices (report);
  guint n = g_list_model_get_n_items (practices);
  g_autofree char *cluster_id = NULL;

  if (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "qaif-report", BAD_CAST CLW_QAIF_REPORT_NAMESPACE) < 0 ||
      !write_text (writer, "format-version", CLW_QAIF_REPORT_FORMAT_VERSION) ||
      !write_text (writer, "cycle", clw_qaif_report_get_cycle_code (report)) ||
      !write_text (writer, "as-of", as_of) ||
      !write_text (writer, "deadline", deadline) ||
      !write_int (writer, "days-left", MAX (0, clw_qaif_report_get_days_left (report))) ||
      !write_int (writer, "pence-per-point", clw_qaif_report_get_pence_per_point (report)) ||
      !write_text (writer, "scope", scope_names[scope]) ||
      !write_text (writer, "scope-id", scope != CLW_SCOPE_ALL ? scope_id : NULL))
    return FALSE;

  if (!write_indicators (writer, report))
    return FALSE;

  /* The practices come by cluster: one <cluster> around each run of them. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);

      if (g_strcmp0 (cluster_id, clw_practice_result_get_cluster_id (result)) != 0)
        {
          if (cluster_id != NULL && xmlTextWriterEndElement (writer) < 0)
            return FALSE;
          g_free (cluster_id);
          cluster_id = g_strdup (clw_practice_result_get_cluster_id (result));
          if (!start_cluster (writer, report, result))
            return FALSE;
        }

      if (!write_practice (writer, result))
        return FALSE;
    }

  if (cluster_id != NULL && xmlTextWriterEndElement (writer) < 0)
    return FALSE;

  return xmlTextWriterEndElement (writer) >= 0 && xmlTextWriterEndDocument (writer) >= 0;
}

GBytes *
clw_qaif_report_to_xml (ClwQaifReport  *report,
                        ClwScope        scope,
                        const char     *scope_id,
                        GError        **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_xml_problem_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  GBytes *bytes = NULL;
  gboolean ok;

  g_return_val_if_fail (CLW_IS_QAIF_REPORT (report), NULL);
  g_return_val_if_fail (scope <= CLW_SCOPE_PRACTICE, NULL);

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  ok = write_report (writer, report, scope, scope_id);
  xmlFreeTextWriter (writer);

  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the QAIF report as XML."));
      xmlBufferFree (buffer);
      return NULL;
    }

  /* What we hand out follows the schema we publish. */
  doc = xmlReadMemory ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer),
                       "qaif-report.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  if (doc == NULL ||
      !clw_xml_validate (doc, CLW_QAIF_REPORT_SCHEMA_RESOURCE, "qaif-report.xml", problems, &local_error))
    {
      g_autofree char *first = problems->len > 0 ? clw_xml_problems_to_string (problems, "qaif-report.xml", 1)
                                                 : g_strdup (_("not well-formed"));
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The QAIF report does not follow its schema (%s), so it was not written. "
                     "This is a bug in Clwstwr: please report it."), first);
      xmlBufferFree (buffer);
      return NULL;
    }

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}
