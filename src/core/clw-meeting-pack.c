/* clw-meeting-pack.c: what a cluster lead takes into a meeting, as one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathers what the meeting needs (the agenda, the action log, and the rules
 * engine's report for the cluster as of the meeting's date) and builds a
 * ClwPrintDocument from it. Nothing here computes a verdict: attendance,
 * risk, the IMTP deadline and the missing evidence are the engine's.
 */

#define G_LOG_DOMAIN "clw-meeting-pack"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "clw-agenda-item.h"
#include "clw-cluster.h"
#include "clw-collaborative.h"
#include "clw-database-private.h"
#include "clw-date-format.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-health-board.h"
#include "clw-indicator.h"
#include "clw-meeting-pack.h"
#include "clw-meeting.h"
#include "clw-qaif.h"
#include "clw-record.h"

/* More meetings than this in a cycle and the attendance table shows the
 * counts only, so that its columns stay readable. */
#define MAX_MEETING_COLUMNS 6

struct _ClwMeetingPack
{
  GObject           parent_instance;

  ClwPrintDocument *document;
  char             *title;
  char             *file_name;
  GStrv             practices_at_risk;
};

G_DEFINE_FINAL_TYPE (ClwMeetingPack, clw_meeting_pack, G_TYPE_OBJECT)

/* What the builder works from. */
typedef struct
{
  ClwDatabase       *db;            /* borrowed */
  ClwPrintDocument  *doc;           /* borrowed */
  ClwMeeting        *meeting;
  ClwCollaborative  *collaborative;
  ClwCluster        *cluster;
  ClwRecord         *board;
  char              *date;          /* the meeting's, "YYYY-MM-DD" */
  GDate             *gdate;
  char              *eve;           /* the day before: the verdicts are as at then */
  GDate             *geve;
  char              *cycle_code;    /* NULL when no QAIF cycle covers the date */
  ClwQaifReport     *report;        /* NULL for other professions or no cycle */
  GListModel        *practices;     /* ClwPracticeResult of the cluster */
  ClwClusterSummary *summary;       /* borrowed from the report */
  char              *attendance_code;
  char              *imtp_code;
  GPtrArray         *at_risk;       /* of char*, "W12345 Name" */
} Builder;

static void
builder_clear (Builder *b)
{
  g_clear_object (&b->meeting);
  g_clear_object (&b->collaborative);
  g_clear_object (&b->cluster);
  g_clear_object (&b->board);
  g_clear_pointer (&b->date, g_free);
  g_clear_pointer (&b->gdate, g_date_free);
  g_clear_pointer (&b->eve, g_free);
  g_clear_pointer (&b->geve, g_date_free);
  g_clear_pointer (&b->cycle_code, g_free);
  g_clear_object (&b->report);
  g_clear_object (&b->practices);
  g_clear_pointer (&b->attendance_code, g_free);
  g_clear_pointer (&b->imtp_code, g_free);
  g_clear_pointer (&b->at_risk, g_ptr_array_unref);
}

/* "12 Jan 2022", kept on one line (no-break spaces). */
static char *
display_date (const char *iso)
{
  g_autofree char *text = clw_date_format_display (iso);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return g_strjoinv ("\u00a0", words);
}

/* "Wednesday 14 June 2023". */
static char *
long_date (const GDate *date)
{
  /* TRANSLATORS: a date in full, see g_date_time_format(); %A and %B are the
   * "weekday" and "month" of this catalogue */
  return clw_date_format (date, _("%A %-d %B %Y"));
}

static gboolean
step_done (ClwDatabase  *db,
           int           rc,
           GError      **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  return _clw_database_set_error (db, rc, _("reading the meeting pack"), error);
}

/* The cover and the contents ---------------------------------------------------------- */

static void
add_cover (Builder *b)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = long_date (b->gdate);
  g_autoptr(GDate) today = clw_database_get_today (b->db);
  g_autofree char *today_iso = clw_date_format_iso (today);
  g_autofree char *prepared = display_date (today_iso);
  const char *starts_at = clw_meeting_get_starts_at (b->meeting);
  const char *place = clw_meeting_get_place (b->meeting);
  const char *lead = clw_collaborative_get_lead_name (b->collaborative);
  const char *name_cy = clw_cluster_get_name_cy (b->cluster);

  g_ptr_array_add (lines, g_strdup (clw_collaborative_get_name (b->collaborative)));
  if (name_cy != NULL && *name_cy != '\0')
    g_ptr_array_add (lines, g_strdup_printf (_("Cluster %s %s (%s)"), clw_cluster_get_code (b->cluster),
                                             clw_cluster_get_name (b->cluster), name_cy));
  else
    g_ptr_array_add (lines, g_strdup_printf (_("Cluster %s %s"), clw_cluster_get_code (b->cluster),
                                             clw_cluster_get_name (b->cluster)));
  g_ptr_array_add (lines, g_strdup (clw_health_board_get_name (CLW_HEALTH_BOARD (b->board))));
  g_ptr_array_add (lines, g_strdup (""));
  /* TRANSLATORS: "Wednesday 14 June 2023 at 13:00" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s at %s"), when, strlen (starts_at) >= 16 ? starts_at + 11 : ""));
  if (place != NULL && *place != '\0')
    g_ptr_array_add (lines, g_strdup (place));
  if (lead != NULL && *lead != '\0')
    g_ptr_array_add (lines, g_strdup_printf (_("Chair: %s"), lead));
  g_ptr_array_add (lines, g_strdup (""));
  if (b->report != NULL)
    {
      g_autofree char *as_of = display_date (b->eve);
      g_ptr_array_add (lines, g_strdup_printf (_("QAIF cycle %s; verdicts as they stand before the "
                                                 "meeting (as at %s)"),
                                               b->cycle_code, as_of));
    }
  g_ptr_array_add (lines, g_strdup_printf (_("Prepared on %s by %s"), prepared, clw_database_get_user (b->db)));
  g_ptr_array_add (lines, NULL);

  clw_print_document_add_cover (b->doc, _("Meeting pack"), (const char * const *) lines->pdata);
  clw_print_document_add_contents (b->doc, _("Contents"));
}

/* The agenda ------------------------------------------------------------------------- */

static gboolean
add_agenda (Builder  *b,
            GError  **error)
{
  const char *params[] = { clw_record_get_id (CLW_RECORD (b->meeting)), NULL };
  g_autoptr(GListStore) items = clw_record_list (b->db, CLW_TYPE_AGENDA_ITEM, "meeting_id = ?", params, error);
  g_autofree char *previous = NULL;
  g_autoptr(GPtrArray) apologies = g_ptr_array_new_with_free_func (g_free);
  guint n;
  int rc;

  if (items == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (items));

  /* The last meeting held, whose minutes are approved. */
  {
    g_autoptr(ClwStmt) stmt = _clw_database_prepare (b->db,
      "SELECT starts_at FROM meeting WHERE collaborative_id = ?1 AND starts_at < ?2 AND status = 'held' "
      "ORDER BY starts_at DESC LIMIT 1", error);
    if (stmt == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, clw_record_get_id (CLW_RECORD (b->collaborative)));
    _clw_bind_text (stmt, 2, clw_meeting_get_starts_at (b->meeting));
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        g_autofree char *day = g_strndup (_clw_column_text (stmt, 0), 10);
        previous = display_date (day);
      }
    else if (!step_done (b->db, rc, error))
      return FALSE;
  }

  /* Apologies recorded for this meeting so far. */
  {
    g_autoptr(ClwStmt) stmt = _clw_database_prepare (b->db,
      "SELECT p.code, p.name FROM attendance a JOIN practice p ON p.id = a.practice_id "
      "WHERE a.meeting_id = ?1 AND a.status = 'apologies' ORDER BY p.code", error);
    if (stmt == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, clw_record_get_id (CLW_RECORD (b->meeting)));
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (apologies, g_strdup_printf ("%s %s", _clw_column_text (stmt, 0), _clw_column_text (stmt, 1)));
    if (!step_done (b->db, rc, error))
      return FALSE;
  }

  clw_print_document_add_section (b->doc, _("Agenda"));

  for (int section = CLW_AGENDA_SECTION_WELCOME; section <= CLW_AGENDA_SECTION_INFORMATION; section++)
    {
      g_autofree char *heading = g_markup_printf_escaped ("%d. %s", section + 1,
                                                          clw_agenda_section_to_label (section));
      guint number = 0;
      gboolean has_items = FALSE;

      clw_print_document_add_heading (b->doc, heading);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClwAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);
          if ((int) clw_agenda_item_get_section (item) == section)
            has_items = TRUE;
        }

      if (section == CLW_AGENDA_SECTION_WELCOME && apologies->len > 0)
        {
          g_ptr_array_add (apologies, NULL);
          {
            g_autofree char *list = g_strjoinv (", ", (GStrv) apologies->pdata);
            g_autofree char *text = g_markup_printf_escaped (_("Apologies received so far: %s."), list);
            clw_print_document_add_paragraph (b->doc, text);
          }
        }
      if (section == CLW_AGENDA_SECTION_MINUTES && previous != NULL && !has_items)
        {
          g_autofree char *text = g_markup_printf_escaped (_("The minutes of the meeting of %s, for approval."),
                                                           previous);
          clw_print_document_add_paragraph (b->doc, text);
        }
      if (section == CLW_AGENDA_SECTION_MATTERS_ARISING && !has_items)
        clw_print_document_add_paragraph (b->doc, _("Review of the open actions: see the action log."));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClwAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);
          const char *presenter = clw_agenda_item_get_presenter (item);
          const char *notes = clw_agenda_item_get_notes (item);
          g_autofree char *line = NULL;

          if ((int) clw_agenda_item_get_section (item) != section)
            continue;

          number++;
          if (presenter != NULL && *presenter != '\0')
            line = g_markup_printf_escaped ("<b>%d.%u</b>  %s <span foreground='#5c6166'>— %s</span>",
                                            section + 1, number, clw_agenda_item_get_title (item), presenter);
          else
            line = g_markup_printf_escaped ("<b>%d.%u</b>  %s", section + 1, number,
                                            clw_agenda_item_get_title (item));
          clw_print_document_add_paragraph (b->doc, line);
          if (notes != NULL && *notes != '\0')
            {
              g_autofree char *escaped = g_markup_escape_text (notes, -1);
              clw_print_document_add_note (b->doc, escaped);
            }
        }

      if (!has_items && (section == CLW_AGENDA_SECTION_DECISION || section == CLW_AGENDA_SECTION_INFORMATION))
        clw_print_document_add_note (b->doc, _("No items."));
    }

  return TRUE;
}

/* The action log ------------------------------------------------------------------------ */

static gboolean
add_action_log (Builder  *b,
                GError  **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (b->db,
    "SELECT a.description, a.owner, a.due_on, a.status, m.starts_at, a.notes "
    "FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
    "WHERE m.collaborative_id = ?1 AND m.starts_at < ?2 AND a.status != 'done' "
    "ORDER BY a.due_on, m.starts_at, a.created_at, a.id", error);
  const char *headers[] = { _("No."), _("Action"), _("Owner"), _("Raised"), _("Due"), _("Status") };
  const double widths[] = { 0.45, 3.7, 1.5, 1.3, 1.3, 1.2 };
  g_autofree char *as_of = display_date (b->date);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) flags = g_array_new (FALSE, FALSE, sizeof (ClwPrintRowFlags));
  guint overdue = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_record_get_id (CLW_RECORD (b->collaborative)));
  _clw_bind_text (stmt, 2, clw_meeting_get_starts_at (b->meeting));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *due = _clw_column_text (stmt, 2);
      const char *notes = _clw_column_text (stmt, 5);
      int status = CLW_ACTION_STATUS_OPEN;
      gboolean is_overdue = g_strcmp0 (due, b->date) < 0;
      g_autofree char *raised_day = g_strndup (_clw_column_text (stmt, 4), 10);
      g_autofree char *raised = display_date (raised_day);
      g_autofree char *due_text = display_date (due);
      GStrv cells = g_new0 (char *, 7);
      ClwPrintRowFlags f = is_overdue ? CLW_PRINT_ROW_ALERT : CLW_PRINT_ROW_NORMAL;

      clw_enum_from_nick (CLW_TYPE_ACTION_STATUS, _clw_column_text (stmt, 3), &status);
      cells[0] = g_strdup_printf ("%u", rows->len + 1);
      if (notes != NULL && *notes != '\0')
        cells[1] = g_markup_printf_escaped ("%s\n<span size='smaller' foreground='#5c6166'>%s</span>",
                                            _clw_column_text (stmt, 0), notes);
      else
        cells[1] = g_markup_escape_text (_clw_column_text (stmt, 0), -1);
      cells[2] = g_markup_escape_text (_clw_column_text (stmt, 1), -1);
      cells[3] = g_markup_escape_text (raised, -1);
      cells[4] = g_markup_escape_text (due_text, -1);
      if (is_overdue)
        {
          g_autoptr(GDate) due_date = clw_date_parse (due);
          int days = g_date_days_between (due_date, b->gdate);

          g_autofree char *late = g_strdup_printf (ngettext ("%d day", "%d days", days), days);

          cells[5] = g_markup_printf_escaped ("<b><span foreground='#a4161a'>%s</span></b>\n%s",
                                              _("Overdue"), late);
          overdue++;
        }
      else
        cells[5] = g_markup_escape_text (clw_action_status_to_label (status), -1);

      g_ptr_array_add (rows, cells);
      g_array_append_val (flags, f);
    }
  if (!step_done (b->db, rc, error))
    return FALSE;

  clw_print_document_add_section (b->doc, _("Action log"));

  if (rows->len == 0)
    {
      clw_print_document_add_paragraph (b->doc, _("No actions from earlier meetings are open."));
      return TRUE;
    }

  {
    g_autofree char *open = g_strdup_printf (ngettext ("%u action", "%u actions", rows->len),
                                             rows->len);
    g_autofree char *summary = g_markup_printf_escaped (
      ngettext (
                   "Open actions from earlier meetings, by due date: %s, of which <b>%u is overdue</b> at the meeting date (%s).",
                   "Open actions from earlier meetings, by due date: %s, of which <b>%u are overdue</b> at the meeting date (%s).",
                   overdue),
      open, overdue, as_of);
    clw_print_document_add_paragraph (b->doc, summary);
  }

  clw_print_document_add_table (b->doc, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < rows->len; i++)
    clw_print_document_add_row (b->doc, g_array_index (flags, ClwPrintRowFlags, i),
                                (const char * const *) g_ptr_array_index (rows, i));

  return TRUE;
}

/* Attendance -------------------------------------------------------------------------- */

static const ClwMeetingOutcome *
find_outcome (ClwPracticeResult *result,
              const char        *meeting_id)
{
  guint n = clw_practice_result_get_n_meetings (result);

  for (guint i = 0; i < n; i++)
    {
      const ClwMeetingOutcome *outcome = clw_practice_result_get_meeting (result, i);
      if (g_strcmp0 (outcome->meeting_id, meeting_id) == 0)
        return outcome;
    }
  return NULL;
}

static char *
practice_markup (ClwPracticeResult *result)
{
  return g_markup_printf_escaped ("<b>%s</b> %s", clw_practice_result_get_code (result),
                                  clw_practice_result_get_name (result));
}

static char *
verdict_markup (ClwVerdict verdict)
{
  if (verdict == CLW_VERDICT_AT_RISK || verdict == CLW_VERDICT_NOT_ACHIEVED)
    return g_markup_printf_escaped ("<b><span foreground='#a4161a'>%s</span></b>", clw_verdict_to_label (verdict));
  return g_markup_escape_text (clw_verdict_to_label (verdict), -1);
}

static void
add_attendance (Builder *b)
{
  guint n_meetings = clw_cluster_summary_get_n_meetings (b->summary);
  guint n_practices = g_list_model_get_n_items (b->practices);
  gboolean meeting_columns = n_meetings > 0 && n_meetings <= MAX_MEETING_COLUMNS;
  guint n_columns = 3 + (meeting_columns ? n_meetings : 0);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *as_of = display_date (b->eve);
  double w;

  clw_print_document_add_section (b->doc, _("Attendance this cycle"));

  {
    g_autofree char *intro = g_markup_printf_escaped (
      _("Meetings of the %s cycle that count towards %s for each practice going into this meeting "
        "(as at %s), of the %d the cycle requires. ✓ counted; ✗ held but did not count; – not held "
        "(planned or cancelled)."),
      b->cycle_code, b->attendance_code != NULL ? b->attendance_code : "CND014W", as_of,
      clw_cluster_summary_get_meetings_required (b->summary));
    clw_print_document_add_note (b->doc, intro);
  }

  g_ptr_array_add (headers, g_strdup (_("Practice")));
  w = 3.4;
  g_array_append_val (widths, w);
  if (meeting_columns)
    for (guint m = 0; m < n_meetings; m++)
      {
        const ClwMeetingAttendance *meeting = clw_cluster_summary_get_meeting (b->summary, m);
        g_autofree char *day = g_strndup (meeting->starts_at, 10);
        g_autoptr(GDate) date = clw_date_parse (day);

        /* TRANSLATORS: a meeting's date in a narrow column, see strftime();
         * %b is the "abbreviated month" of this catalogue */
        g_ptr_array_add (headers, date != NULL ? clw_date_format (date, _("%d %b")) : g_strdup (""));
        w = 1.0;
        g_array_append_val (widths, w);
      }
  g_ptr_array_add (headers, g_strdup (_("Counted")));
  w = 1.1;
  g_array_append_val (widths, w);
  g_ptr_array_add (headers, g_strdup (b->attendance_code != NULL ? b->attendance_code : _("Verdict")));
  w = 1.3;
  g_array_append_val (widths, w);
  g_ptr_array_add (headers, NULL);

  clw_print_document_add_table (b->doc, n_columns, (const char * const *) headers->pdata,
                                (const double *) (gpointer) widths->data);

  for (guint i = 0; i < n_practices; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (b->practices, i);
      const ClwIndicatorResult *ir = b->attendance_code != NULL
                                     ? clw_practice_result_find_indicator (result, b->attendance_code) : NULL;
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      gboolean at_risk = ir != NULL && (ir->verdict == CLW_VERDICT_AT_RISK || ir->verdict == CLW_VERDICT_NOT_ACHIEVED);

      g_ptr_array_add (cells, practice_markup (result));
      if (meeting_columns)
        for (guint m = 0; m < n_meetings; m++)
          {
            const ClwMeetingAttendance *meeting = clw_cluster_summary_get_meeting (b->summary, m);
            const ClwMeetingOutcome *outcome = find_outcome (result, meeting->meeting_id);

            if (outcome == NULL || outcome->status != CLW_MEETING_STATUS_HELD || outcome->in_future)
              g_ptr_array_add (cells, g_strdup ("–"));
            else if (outcome->counted)
              g_ptr_array_add (cells, g_strdup ("✓"));
            else
              g_ptr_array_add (cells, g_strdup ("<b><span foreground='#a4161a'>✗</span></b>"));
          }
      /* TRANSLATORS: meetings counted of those required, "3 of 4" */
      g_ptr_array_add (cells, g_strdup_printf (_("%d of %d"), clw_practice_result_get_meetings_counted (result),
                                               clw_practice_result_get_meetings_required (result)));
      g_ptr_array_add (cells, ir != NULL ? verdict_markup (ir->verdict) : g_strdup (""));
      g_ptr_array_add (cells, NULL);

      clw_print_document_add_row (b->doc, at_risk ? CLW_PRINT_ROW_ALERT : CLW_PRINT_ROW_NORMAL,
                                  (const char * const *) cells->pdata);
    }

  clw_print_document_add_heading (b->doc, _("Practices at risk"));
  if (b->at_risk->len == 0)
    {
      g_autofree char *text = g_markup_printf_escaped (_("No practice is at risk of missing %s."),
                                                       b->attendance_code != NULL ? b->attendance_code : "");
      clw_print_document_add_paragraph (b->doc, text);
      return;
    }

  for (guint i = 0; i < n_practices; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (b->practices, i);
      const ClwIndicatorResult *ir = b->attendance_code != NULL
                                     ? clw_practice_result_find_indicator (result, b->attendance_code) : NULL;
      g_autofree char *reasons = NULL;
      g_autofree char *text = NULL;

      if (ir == NULL || (ir->verdict != CLW_VERDICT_AT_RISK && ir->verdict != CLW_VERDICT_NOT_ACHIEVED))
        continue;

      reasons = ir->reasons != NULL ? g_strjoinv (" ", ir->reasons) : g_strdup ("");
      /* TRANSLATORS: "W12345 Name (At risk): the reasons" */
      text = g_markup_printf_escaped (_("<b>%s %s</b> (%s): %s"), clw_practice_result_get_code (result),
                                      clw_practice_result_get_name (result), clw_verdict_to_label (ir->verdict),
                                      reasons);
      clw_print_document_add_paragraph (b->doc, text);
    }
}

/* Pending requests ---------------------------------------------------------------------- */

static int
days_waiting (Builder    *b,
              const char *requested_on)
{
  g_autoptr(GDate) requested = clw_date_parse (requested_on);

  return requested != NULL ? MAX (0, g_date_days_between (requested, b->gdate)) : 0;
}

static gboolean
add_pending (Builder  *b,
             GError  **error)
{
  const char *headers[] = { _("Practice"), _("Request"), _("Requested"), _("Waiting"), _("Details") };
  const double widths[] = { 2.9, 1.9, 1.35, 1.0, 3.0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int rc;

  {
    g_autoptr(ClwStmt) stmt = _clw_database_prepare (b->db,
      "SELECT sp.code, sp.name, bp.code, bp.name, b.requested_on, b.starts_on "
      "FROM buddy_arrangement b JOIN practice sp ON sp.id = b.small_practice_id "
      "JOIN practice bp ON bp.id = b.buddy_practice_id "
      "WHERE sp.cluster_id = ?1 AND b.status = 'requested' AND b.requested_on <= ?2 "
      "ORDER BY b.requested_on, sp.code", error);
    if (stmt == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, clw_record_get_id (CLW_RECORD (b->cluster)));
    _clw_bind_text (stmt, 2, b->date);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        GStrv cells = g_new0 (char *, 6);
        g_autofree char *requested = display_date (_clw_column_text (stmt, 4));
        g_autofree char *starts = display_date (_clw_column_text (stmt, 5));
        int days = days_waiting (b, _clw_column_text (stmt, 4));

        cells[0] = g_markup_printf_escaped ("<b>%s</b> %s", _clw_column_text (stmt, 0), _clw_column_text (stmt, 1));
        cells[1] = g_markup_escape_text (_("Buddy arrangement"), -1);
        cells[2] = g_markup_escape_text (requested, -1);
        cells[3] = g_strdup_printf (ngettext ("%d day", "%d days", days), days);
        cells[4] = g_markup_printf_escaped (_("With %s %s, from %s"), _clw_column_text (stmt, 2),
                                            _clw_column_text (stmt, 3), starts);
        g_ptr_array_add (rows, cells);
      }
    if (!step_done (b->db, rc, error))
      return FALSE;
  }

  {
    g_autoptr(ClwStmt) stmt = _clw_database_prepare (b->db,
      "SELECT p.code, p.name, r.kind, r.representative_role, r.requested_on, m.starts_at, r.starts_on "
      "FROM representation r JOIN practice p ON p.id = r.practice_id "
      "LEFT JOIN meeting m ON m.id = r.meeting_id "
      "WHERE p.cluster_id = ?1 AND r.status = 'requested' AND r.requested_on <= ?2 "
      "ORDER BY r.requested_on, p.code", error);
    if (stmt == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, clw_record_get_id (CLW_RECORD (b->cluster)));
    _clw_bind_text (stmt, 2, b->date);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        GStrv cells = g_new0 (char *, 6);
        g_autofree char *requested = display_date (_clw_column_text (stmt, 4));
        int kind = CLW_REPRESENTATION_KIND_PRACTICE_MANAGER;
        int role = -1;
        int days = days_waiting (b, _clw_column_text (stmt, 4));
        g_autoptr(GString) details = g_string_new (NULL);

        clw_enum_from_nick (CLW_TYPE_REPRESENTATION_KIND, _clw_column_text (stmt, 2), &kind);
        if (clw_enum_from_nick (CLW_TYPE_REPRESENTATIVE_ROLE, _clw_column_text (stmt, 3), &role))
          g_string_append (details, clw_representative_role_to_label (role));
        if (_clw_column_text (stmt, 5) != NULL)
          {
            g_autofree char *day = g_strndup (_clw_column_text (stmt, 5), 10);
            g_autofree char *when = display_date (day);
            if (details->len > 0)
              g_string_append (details, ", ");
            g_string_append_printf (details, _("for the meeting of %s"), when);
          }
        else if (_clw_column_text (stmt, 6) != NULL)
          {
            g_autofree char *from = display_date (_clw_column_text (stmt, 6));
            if (details->len > 0)
              g_string_append (details, ", ");
            g_string_append_printf (details, _("from %s"), from);
          }

        cells[0] = g_markup_printf_escaped ("<b>%s</b> %s", _clw_column_text (stmt, 0), _clw_column_text (stmt, 1));
        cells[1] = g_markup_escape_text (clw_representation_kind_to_label (kind), -1);
        cells[2] = g_markup_escape_text (requested, -1);
        cells[3] = g_strdup_printf (ngettext ("%d day", "%d days", days), days);
        cells[4] = g_markup_escape_text (details->str, -1);
        g_ptr_array_add (rows, cells);
      }
    if (!step_done (b->db, rc, error))
      return FALSE;
  }

  clw_print_document_add_section (b->doc, _("Decisions pending"));

  if (rows->len == 0)
    {
      clw_print_document_add_paragraph (b->doc, _("No buddy or representation request is waiting for the "
                                                  "health board’s decision."));
      return TRUE;
    }

  {
    g_autofree char *intro = g_strdup_printf (
      ngettext (
                   "%u buddy or representation request is waiting for the health board’s decision. "
                   "A refusal must give the practice an explanation.",
                   "%u buddy and representation requests are waiting for the health board’s decision. "
                   "A refusal must give the practice an explanation.",
                   rows->len),
      rows->len);
    clw_print_document_add_paragraph (b->doc, intro);
  }

  clw_print_document_add_table (b->doc, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < rows->len; i++)
    clw_print_document_add_row (b->doc, CLW_PRINT_ROW_NORMAL, (const char * const *) g_ptr_array_index (rows, i));

  return TRUE;
}

/* IMTP contributions ----------------------------------------------------------------------- */

typedef struct
{
  char *status;
  char *submitted_on;
  int   complete;
} Contribution;

static void
contribution_free (Contribution *c)
{
  g_free (c->status);
  g_free (c->submitted_on);
  g_free (c);
}

static gboolean
add_imtp (Builder  *b,
          GError  **error)
{
  const char *headers[] = { _("Practice"), _("Contribution"), _("Sections complete"),
                            b->imtp_code != NULL ? b->imtp_code : _("Verdict") };
  const double widths[] = { 4.0, 2.2, 1.6, 1.4 };
  g_autoptr(GHashTable) contributions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) contribution_free);
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (b->db,
    "SELECT c.practice_id, c.status, c.submitted_on, "
    "  (SELECT count(*) FROM imtp_section s WHERE s.contribution_id = c.id AND s.status = 'complete') "
    "FROM imtp_contribution c JOIN practice p ON p.id = c.practice_id "
    "WHERE p.cluster_id = ?1 AND c.cycle_id = (SELECT id FROM cycle WHERE code = ?2)", error);
  g_autofree char *deadline_text = long_date (clw_qaif_report_get_deadline (b->report));
  /* Days from the meeting to the deadline: arithmetic on the engine's
   * deadline, not a verdict. */
  int days_left = MAX (0, g_date_days_between (b->gdate, clw_qaif_report_get_deadline (b->report)));
  guint n = g_list_model_get_n_items (b->practices);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_record_get_id (CLW_RECORD (b->cluster)));
  _clw_bind_text (stmt, 2, b->cycle_code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Contribution *c = g_new0 (Contribution, 1);

      c->status = _clw_column_dup (stmt, 1);
      c->submitted_on = _clw_column_dup (stmt, 2);
      c->complete = sqlite3_column_int (stmt, 3);
      g_hash_table_insert (contributions, _clw_column_dup (stmt, 0), c);
    }
  if (!step_done (b->db, rc, error))
    return FALSE;

  clw_print_document_add_section (b->doc, _("IMTP contributions"));

  {
    g_autofree char *text = NULL;

    if (days_left > 0)
      text = g_markup_printf_escaped (ngettext (
                                                   "<b>%d day left</b> after this meeting until %s, when the "
                                                   "practices’ IMTP contributions are shared with the health board.",
                                                   "<b>%d days left</b> after this meeting until %s, when the "
                                                   "practices’ IMTP contributions are shared with the health board.",
                                                   days_left),
                                      days_left, deadline_text);
    else
      text = g_markup_printf_escaped (_("The deadline for sharing IMTP contributions with the health board, "
                                        "%s, has passed."), deadline_text);
    clw_print_document_add_paragraph (b->doc, text);
  }

  {
    g_autofree char *summary = g_strdup_printf (_("%d of %d contributions submitted."),
                                                clw_cluster_summary_get_imtp_submitted (b->summary),
                                                clw_cluster_summary_get_imtp_total (b->summary));
    clw_print_document_add_note (b->doc, summary);
  }

  clw_print_document_add_table (b->doc, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (b->practices, i);
      Contribution *c = g_hash_table_lookup (contributions, clw_practice_result_get_practice_id (result));
      const ClwIndicatorResult *ir = b->imtp_code != NULL
                                     ? clw_practice_result_find_indicator (result, b->imtp_code) : NULL;
      gboolean attention = ir != NULL && (ir->verdict == CLW_VERDICT_AT_RISK || ir->verdict == CLW_VERDICT_NOT_ACHIEVED);
      g_autofree char *practice = practice_markup (result);
      g_autofree char *status = NULL;
      g_autofree char *sections = NULL;
      g_autofree char *verdict = ir != NULL ? verdict_markup (ir->verdict) : g_strdup ("");

      if (c == NULL)
        status = g_markup_escape_text (_("Not started"), -1);
      else if (g_strcmp0 (c->status, "submitted") == 0 && c->submitted_on != NULL)
        {
          g_autofree char *on = display_date (c->submitted_on);
          status = g_markup_printf_escaped (_("Submitted on %s"), on);
        }
      else
        status = g_markup_escape_text (_("Draft"), -1);

      /* TRANSLATORS: sections complete of the five, "3 of 5" */
      sections = g_strdup_printf (_("%d of %d"), c != NULL ? c->complete : 0, CLW_N_IMTP_SECTION_KINDS);

      {
        const char *cells[] = { practice, status, sections, verdict, NULL };
        clw_print_document_add_row (b->doc, attention ? CLW_PRINT_ROW_ALERT : CLW_PRINT_ROW_NORMAL, cells);
      }
    }

  return TRUE;
}

/* Missing evidence ----------------------------------------------------------------------- */

static void
add_missing_evidence (Builder *b)
{
  const char *headers[] = { _("Evidence"), _("Due"), _("Status"), _("What is asked for") };
  const double widths[] = { 2.3, 1.2, 1.9, 4.2 };
  guint n = g_list_model_get_n_items (b->practices);
  g_autoptr(GPtrArray) complete = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *as_of = display_date (b->eve);
  g_autofree char *meeting_day = display_date (b->date);
  guint total = 0;
  gboolean table = FALSE;

  clw_print_document_add_section (b->doc, _("Evidence still missing"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (b->practices, i);
      total += clw_practice_result_get_n_missing_evidence (result);
    }

  {
    g_autofree char *intro = g_markup_printf_escaped (
      ngettext (
                   "Evidence the %s cycle asks for that is not recorded yet, practice by practice, as at %s: "
                   "%u item. Overdue: its due date is before the meeting (%s).",
                   "Evidence the %s cycle asks for that is not recorded yet, practice by practice, as at %s: "
                   "%u items. Overdue: its due date is before the meeting (%s).",
                   total),
      b->cycle_code, as_of, total, meeting_day);
    clw_print_document_add_note (b->doc, intro);
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (b->practices, i);
      guint missing = clw_practice_result_get_n_missing_evidence (result);

      if (missing == 0)
        {
          g_ptr_array_add (complete, g_strdup_printf ("%s %s", clw_practice_result_get_code (result),
                                                      clw_practice_result_get_name (result)));
          continue;
        }

      if (!table)
        {
          clw_print_document_add_table (b->doc, G_N_ELEMENTS (headers), headers, widths);
          table = TRUE;
        }

      {
        g_autofree char *group = g_markup_printf_escaped ("%s %s", clw_practice_result_get_code (result),
                                                          clw_practice_result_get_name (result));
        const char *cells[] = { group, NULL };
        clw_print_document_add_row (b->doc, CLW_PRINT_ROW_GROUP, cells);
      }

      for (guint k = 0; k < missing; k++)
        {
          const ClwMissingEvidence *m = clw_practice_result_get_missing_evidence (result, k);
          g_autofree char *kind = g_markup_escape_text (clw_evidence_kind_to_label (m->kind), -1);
          g_autofree char *due_text = display_date (m->due_on);
          g_autofree char *due = g_markup_escape_text (due_text, -1);
          g_autofree char *status = NULL;
          g_autofree char *description = g_markup_escape_text (m->description != NULL ? m->description : "", -1);
          /* Overdue at the meeting: the engine's list, the meeting's date. */
          gboolean overdue = g_strcmp0 (m->due_on, b->date) < 0;

          if (overdue && m->blocking)
            status = g_markup_printf_escaped ("<b><span foreground='#a4161a'>%s</span></b>\n%s",
                                              _("Overdue"), _("needed for the indicator"));
          else if (overdue)
            status = g_markup_printf_escaped ("<b><span foreground='#a4161a'>%s</span></b>", _("Overdue"));
          else if (m->blocking)
            status = g_markup_printf_escaped ("%s\n%s", _("Due"), _("needed for the indicator"));
          else
            status = g_markup_escape_text (_("Due"), -1);

          {
            const char *cells[] = { kind, due, status, description, NULL };
            clw_print_document_add_row (b->doc, overdue ? CLW_PRINT_ROW_ALERT : CLW_PRINT_ROW_NORMAL, cells);
          }
        }
    }

  if (!table)
    clw_print_document_add_paragraph (b->doc, _("No evidence is missing."));

  if (complete->len > 0 && table)
    {
      g_autofree char *list = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (complete, NULL);
      list = g_strjoinv (", ", (GStrv) complete->pdata);
      text = g_markup_printf_escaped (_("Nothing missing: %s."), list);
      clw_print_document_add_note (b->doc, text);
    }
}

/* Building ---------------------------------------------------------------------------------- */

/* "AB01-2023-06-14-meeting-pack.pdf" from the cluster's code and the date. */
static char *
file_name_for (const char *cluster_code,
               const char *date)
{
  return g_strdup_printf ("%s-%s-meeting-pack.pdf", cluster_code, date);
}

static gboolean
load (Builder     *b,
      const char  *meeting_id,
      GError     **error)
{
  const char *starts_at;

  b->meeting = CLW_MEETING (clw_record_load (b->db, CLW_TYPE_MEETING, meeting_id, error));
  if (b->meeting == NULL)
    return FALSE;
  b->collaborative = CLW_COLLABORATIVE (clw_record_load (b->db, CLW_TYPE_COLLABORATIVE,
                                                         clw_meeting_get_collaborative_id (b->meeting), error));
  if (b->collaborative == NULL)
    return FALSE;
  b->cluster = CLW_CLUSTER (clw_record_load (b->db, CLW_TYPE_CLUSTER,
                                             clw_collaborative_get_cluster_id (b->collaborative), error));
  if (b->cluster == NULL)
    return FALSE;
  b->board = clw_record_load (b->db, CLW_TYPE_HEALTH_BOARD, clw_cluster_get_health_board_id (b->cluster), error);
  if (b->board == NULL)
    return FALSE;

  starts_at = clw_meeting_get_starts_at (b->meeting);
  b->date = g_strndup (starts_at, 10);
  b->gdate = clw_date_parse (b->date);
  if (b->gdate == NULL)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The meeting has no valid date (“%s”)."), starts_at);
      return FALSE;
    }

  /* The pack shows how things stand going into the meeting: the engine
   * evaluates as at the day before, so that the meeting itself counts as
   * planned, not as a past meeting nobody recorded. */
  b->geve = g_date_copy (b->gdate);
  g_date_subtract_days (b->geve, 1);
  b->eve = clw_date_format_iso (b->geve);

  b->at_risk = g_ptr_array_new_with_free_func (g_free);

  /* The QAIF indicators are about GP Collaboratives. */
  if (clw_collaborative_get_profession (b->collaborative) == CLW_PROFESSION_GP)
    {
      GListModel *indicators;
      g_autoptr(GError) local_error = NULL;

      b->cycle_code = clw_qaif_cycle_for_date (b->db, b->gdate, &local_error);
      if (b->cycle_code == NULL)
        {
          /* No cycle at all: the pack is made without the QAIF pages. */
          if (!g_error_matches (local_error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return TRUE;
        }

      b->report = clw_qaif_evaluate (b->db, b->cycle_code, CLW_SCOPE_CLUSTER,
                                     clw_record_get_id (CLW_RECORD (b->cluster)), b->geve, error);
      if (b->report == NULL)
        return FALSE;
      b->summary = clw_qaif_report_lookup_cluster (b->report, clw_record_get_id (CLW_RECORD (b->cluster)));
      b->practices = clw_qaif_report_list_cluster_practices (b->report, clw_record_get_id (CLW_RECORD (b->cluster)));

      indicators = clw_qaif_report_get_indicators (b->report);
      for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
        {
          g_autoptr(ClwIndicator) indicator = g_list_model_get_item (indicators, i);

          if (clw_indicator_get_rule (indicator) == CLW_INDICATOR_RULE_ATTENDANCE && b->attendance_code == NULL)
            b->attendance_code = g_strdup (clw_indicator_get_code (indicator));
          else if (clw_indicator_get_rule (indicator) == CLW_INDICATOR_RULE_IMTP_CONTRIBUTION && b->imtp_code == NULL)
            b->imtp_code = g_strdup (clw_indicator_get_code (indicator));
        }

      for (guint i = 0; b->attendance_code != NULL && i < g_list_model_get_n_items (b->practices); i++)
        {
          g_autoptr(ClwPracticeResult) result = g_list_model_get_item (b->practices, i);
          const ClwIndicatorResult *ir = clw_practice_result_find_indicator (result, b->attendance_code);

          if (ir != NULL && (ir->verdict == CLW_VERDICT_AT_RISK || ir->verdict == CLW_VERDICT_NOT_ACHIEVED))
            g_ptr_array_add (b->at_risk, g_strdup_printf ("%s %s", clw_practice_result_get_code (result),
                                                          clw_practice_result_get_name (result)));
        }
    }

  return TRUE;
}

static gboolean
build (ClwMeetingPack  *self,
       ClwDatabase     *db,
       const char      *meeting_id,
       GError         **error)
{
  Builder b = { .db = db, .doc = self->document };
  g_autofree char *date_text = NULL;
  g_autofree char *header = NULL;
  gboolean ok = FALSE;

  if (!load (&b, meeting_id, error))
    goto out;

  date_text = clw_date_format_display (b.date);
  /* TRANSLATORS: the PDF's title: "Meeting pack: Blaenau Gwent East GP Collaborative, 14 Jun 2023" */
  self->title = g_strdup_printf (_("Meeting pack: %s, %s"), clw_collaborative_get_name (b.collaborative), date_text);
  self->file_name = file_name_for (clw_cluster_get_code (b.cluster), b.date);
  header = g_strdup_printf (_("%s — meeting pack"), clw_collaborative_get_name (b.collaborative));
  clw_print_document_set_header (self->document, header, date_text);

  add_cover (&b);
  if (!add_agenda (&b, error) || !add_action_log (&b, error))
    goto out;

  if (b.report != NULL && b.summary != NULL)
    {
      add_attendance (&b);
      if (!add_pending (&b, error) || !add_imtp (&b, error))
        goto out;
      add_missing_evidence (&b);
    }
  else
    {
      if (!add_pending (&b, error))
        goto out;
      clw_print_document_add_section (self->document, _("QAIF indicators"));
      clw_print_document_add_paragraph (self->document,
                                        clw_collaborative_get_profession (b.collaborative) == CLW_PROFESSION_GP
                                        ? _("No QAIF cycle covers the date of this meeting: attendance, IMTP "
                                            "contributions and evidence are not shown.")
                                        : _("The QAIF GP Collaborative indicators apply to GP Collaboratives: "
                                            "attendance, IMTP contributions and evidence are not shown for "
                                            "this collaborative."));
    }

  g_ptr_array_add (b.at_risk, NULL);
  self->practices_at_risk = (GStrv) g_ptr_array_steal (b.at_risk, NULL);
  ok = TRUE;

out:
  builder_clear (&b);
  return ok;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
clw_meeting_pack_finalize (GObject *object)
{
  ClwMeetingPack *self = (ClwMeetingPack *) object;

  g_clear_object (&self->document);
  g_free (self->title);
  g_free (self->file_name);
  g_strfreev (self->practices_at_risk);

  G_OBJECT_CLASS (clw_meeting_pack_parent_class)->finalize (object);
}

static void
clw_meeting_pack_class_init (ClwMeetingPackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_meeting_pack_finalize;
}

static void
clw_meeting_pack_init (ClwMeetingPack *self)
{
  self->document = clw_print_document_new ();
}

/* Public API ---------------------------------------------------------------------------------- */

ClwMeetingPack *
clw_meeting_pack_new (ClwDatabase  *db,
                      const char   *meeting_id,
                      GError      **error)
{
  g_autoptr(ClwMeetingPack) self = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  self = g_object_new (CLW_TYPE_MEETING_PACK, NULL);
  if (!build (self, db, meeting_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

typedef struct
{
  char *db_path;
  char *meeting_id;
  char *path;
} PackData;

static void
pack_data_free (PackData *data)
{
  g_free (data->db_path);
  g_free (data->meeting_id);
  g_free (data->path);
  g_free (data);
}

static void
pack_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PackData *data = task_data;
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwMeetingPack) pack = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = clw_database_open (data->db_path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, &error);
  if (db != NULL)
    pack = clw_meeting_pack_new (db, data->meeting_id, &error);
  if (pack == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->path == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&pack), g_object_unref);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!clw_meeting_pack_write_pdf (pack, data->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_async (const char          *db_path,
           const char          *meeting_id,
           const char          *path,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PackData *data = g_new0 (PackData, 1);

  data->db_path = g_strdup (db_path);
  data->meeting_id = g_strdup (meeting_id);
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) pack_data_free);
  g_task_run_in_thread (task, pack_thread);
}

void
clw_meeting_pack_new_async (const char          *db_path,
                            const char          *meeting_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (meeting_id != NULL);

  run_async (db_path, meeting_id, NULL, clw_meeting_pack_new_async, cancellable, callback, user_data);
}

ClwMeetingPack *
clw_meeting_pack_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clw_meeting_pack_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
clw_meeting_pack_write_pdf_async (const char          *db_path,
                                  const char          *meeting_id,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (meeting_id != NULL);
  g_return_if_fail (path != NULL);

  run_async (db_path, meeting_id, path, clw_meeting_pack_write_pdf_async, cancellable, callback, user_data);
}

gboolean
clw_meeting_pack_write_pdf_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clw_meeting_pack_write_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

ClwPrintDocument *
clw_meeting_pack_get_document (ClwMeetingPack *self)
{
  g_return_val_if_fail (CLW_IS_MEETING_PACK (self), NULL);

  return self->document;
}

const char *
clw_meeting_pack_get_title (ClwMeetingPack *self)
{
  g_return_val_if_fail (CLW_IS_MEETING_PACK (self), NULL);

  return self->title;
}

char *
clw_meeting_pack_dup_file_name (ClwMeetingPack *self)
{
  g_return_val_if_fail (CLW_IS_MEETING_PACK (self), NULL);

  return g_strdup (self->file_name);
}

char *
clw_meeting_pack_dup_file_name_for (ClwDatabase  *db,
                                    const char   *meeting_id,
                                    GError      **error)
{
  g_autoptr(ClwRecord) meeting = NULL;
  g_autoptr(ClwRecord) collaborative = NULL;
  g_autoptr(ClwRecord) cluster = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  meeting = clw_record_load (db, CLW_TYPE_MEETING, meeting_id, error);
  if (meeting != NULL)
    collaborative = clw_record_load (db, CLW_TYPE_COLLABORATIVE,
                                     clw_meeting_get_collaborative_id (CLW_MEETING (meeting)), error);
  if (collaborative != NULL)
    cluster = clw_record_load (db, CLW_TYPE_CLUSTER,
                               clw_collaborative_get_cluster_id (CLW_COLLABORATIVE (collaborative)), error);
  if (cluster == NULL)
    return NULL;

  date = g_strndup (clw_meeting_get_starts_at (CLW_MEETING (meeting)), 10);
  return file_name_for (clw_cluster_get_code (CLW_CLUSTER (cluster)), date);
}

const char * const *
clw_meeting_pack_get_practices_at_risk (ClwMeetingPack *self)
{
  g_return_val_if_fail (CLW_IS_MEETING_PACK (self), NULL);

  return (const char * const *) self->practices_at_risk;
}

guint
clw_meeting_pack_paginate (ClwMeetingPack *self,
                           double          width,
                           double          height)
{
  g_return_val_if_fail (CLW_IS_MEETING_PACK (self), 0);

  return clw_print_document_paginate (self->document, width, height);
}

void
clw_meeting_pack_draw_page (ClwMeetingPack *self,
                            cairo_t        *cr,
                            guint           page_nr)
{
  g_return_if_fail (CLW_IS_MEETING_PACK (self));

  clw_print_document_draw_page (self->document, cr, page_nr);
}

gboolean
clw_meeting_pack_write_pdf (ClwMeetingPack  *self,
                            const char      *path,
                            GError         **error)
{
  g_return_val_if_fail (CLW_IS_MEETING_PACK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return clw_print_document_write_pdf (self->document, path, self->title, error);
}
