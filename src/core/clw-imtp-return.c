/* clw-imtp-return.c: a cluster's IMTP return to its health board, as XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verdicts, points, reasons and counts come from the rules engine's
 * report; the rest (the practices' texts and workforce numbers, attendance
 * as recorded, decisions, evidence) is read here in a few queries per
 * cluster. The document is written with xmlTextWriter into memory, parsed
 * back and validated against the schema in the core GResource before a
 * ClwImtpReturn exists: a return that does not follow the schema is never
 * written anywhere.
 */

#define G_LOG_DOMAIN "clw-imtp-return"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "clw-cluster.h"
#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-files.h"
#include "clw-health-board.h"
#include "clw-identifiers.h"
#include "clw-imtp-return-private.h"
#include "clw-imtp-return.h"
#include "clw-record.h"
#include "clw-xml.h"

struct _ClwImtpReturn
{
  GObject  parent_instance;

  GBytes  *bytes;
  char    *cluster_id;
  char    *cluster_code;
  char    *cluster_name;
  char    *cycle_code;
  GStrv    warnings;
};

G_DEFINE_FINAL_TYPE (ClwImtpReturn, clw_imtp_return, G_TYPE_OBJECT)

/* For tests: write an element the schema does not allow. */
static gboolean fault_for_tests;

void
_clw_imtp_return_set_fault_for_tests (gboolean fault)
{
  fault_for_tests = fault;
}

/* What every return of one report shares. */
typedef struct
{
  ClwDatabase   *db;             /* borrowed */
  ClwQaifReport *report;         /* borrowed */
  char          *cycle_id;
  char          *cycle_starts_on;
  char          *cycle_ends_on;
  char          *as_of;
  char          *deadline;
  char          *generated_at;
  const char    *generated_by;
  const char    *lang;
} Context;

static void
context_clear (Context *ctx)
{
  g_free (ctx->cycle_id);
  g_free (ctx->cycle_starts_on);
  g_free (ctx->cycle_ends_on);
  g_free (ctx->as_of);
  g_free (ctx->deadline);
  g_free (ctx->generated_at);
}

/* The language of the text Clwstwr writes (the reasons of the verdicts):
 * Welsh when the interface is in Welsh, English otherwise. */
static const char *
interface_language (void)
{
  const char * const *names = g_get_language_names ();

  if (names != NULL && names[0] != NULL && g_str_has_prefix (names[0], "cy") &&
      (names[0][2] == '\0' || names[0][2] == '_' || names[0][2] == '.' || names[0][2] == '@'))
    return "cy";
  return "en";
}

static gboolean
context_init (Context        *ctx,
              ClwDatabase    *db,
              ClwQaifReport  *report,
              GError        **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  const char *cycle_code = clw_qaif_report_get_cycle_code (report);
  int rc;

  memset (ctx, 0, sizeof *ctx);
  ctx->db = db;
  ctx->report = report;

  stmt = _clw_database_prepare (db, "SELECT id, starts_on, ends_on FROM cycle WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, cycle_code);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (db, rc, _("reading the QAIF cycle"), error);
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no QAIF cycle %s in the database."), cycle_code);
      return FALSE;
    }

  ctx->cycle_id = _clw_column_dup (stmt, 0);
  ctx->cycle_starts_on = _clw_column_dup (stmt, 1);
  ctx->cycle_ends_on = _clw_column_dup (stmt, 2);
  ctx->as_of = clw_date_format_iso (clw_qaif_report_get_as_of (report));
  ctx->deadline = clw_date_format_iso (clw_qaif_report_get_deadline (report));
  ctx->generated_at = clw_timestamp_now ();
  ctx->generated_by = clw_database_get_user (db);
  if (ctx->generated_by == NULL || *ctx->generated_by == '\0')
    ctx->generated_by = g_get_user_name ();
  ctx->lang = interface_language ();
  return TRUE;
}

/* What the database says beside the report ------------------------------------ */

typedef struct
{
  gboolean  present;
  char     *status;
  char     *body;
  char     *body_cy;
} Section;

typedef struct
{
  char    *role;
  int      headcount;
  double   wte;
} Staff;

typedef struct
{
  char      *status;
  char      *submitted_on;
  Section    sections[CLW_N_IMTP_SECTION_KINDS];
  GPtrArray *staff;       /* of Staff */
} Contribution;

static void
staff_free (Staff *staff)
{
  g_free (staff->role);
  g_free (staff);
}

static void
contribution_free (Contribution *c)
{
  g_free (c->status);
  g_free (c->submitted_on);
  for (guint i = 0; i < CLW_N_IMTP_SECTION_KINDS; i++)
    {
      g_free (c->sections[i].status);
      g_free (c->sections[i].body);
      g_free (c->sections[i].body_cy);
    }
  g_ptr_array_unref (c->staff);
  g_free (c);
}

typedef struct
{
  char *place;
  int   attended;
  int   apologies;
  int   absent;
} Recorded;

static void
recorded_free (Recorded *r)
{
  g_free (r->place);
  g_free (r);
}

typedef struct
{
  GHashTable *contributions;   /* practice id -> Contribution */
  GHashTable *recorded;        /* meeting id -> Recorded */
} ClusterData;

static void
cluster_data_clear (ClusterData *data)
{
  g_clear_pointer (&data->contributions, g_hash_table_unref);
  g_clear_pointer (&data->recorded, g_hash_table_unref);
}

/* From the cluster's practices to their contributions (CROSS JOIN fixes
 * that order: the other one reads every contribution of the cycle). */
#define CONTRIBUTIONS_OF_CLUSTER \
  "FROM practice p CROSS JOIN imtp_contribution c ON c.practice_id = p.id AND c.cycle_id = ?2 " \
  "WHERE p.cluster_id = ?1"

static gboolean
step_error (ClwDatabase  *db,
            int           rc,
            GError      **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  return _clw_database_set_error (db, rc, _("reading the IMTP return"), error);
}

static gboolean
load_cluster_data (Context      *ctx,
                   const char   *cluster_id,
                   ClusterData  *data,
                   GError      **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ClwStmt *stmt;
  int rc;

  data->contributions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) contribution_free);
  data->recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) recorded_free);

  /* Contributions, their sections and their workforce numbers. */
  {
    g_autoptr(ClwStmt) s = _clw_database_prepare (ctx->db,
      "SELECT c.id, c.practice_id, c.status, c.submitted_on " CONTRIBUTIONS_OF_CLUSTER, error);
    if ((stmt = s) == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, cluster_id);
    _clw_bind_text (stmt, 2, ctx->cycle_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        Contribution *c = g_new0 (Contribution, 1);

        c->status = _clw_column_dup (stmt, 2);
        c->submitted_on = _clw_column_dup (stmt, 3);
        c->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) staff_free);
        g_hash_table_insert (by_id, _clw_column_dup (stmt, 0), c);
        g_hash_table_insert (data->contributions, _clw_column_dup (stmt, 1), c);
      }
    if (!step_error (ctx->db, rc, error))
      return FALSE;
  }

  {
    g_autoptr(ClwStmt) s = _clw_database_prepare (ctx->db,
      "SELECT s.contribution_id, s.kind, s.status, s.body, s.body_cy FROM imtp_section s "
      "WHERE s.contribution_id IN (SELECT c.id " CONTRIBUTIONS_OF_CLUSTER ")", error);
    if ((stmt = s) == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, cluster_id);
    _clw_bind_text (stmt, 2, ctx->cycle_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        Contribution *c = g_hash_table_lookup (by_id, _clw_column_text (stmt, 0));
        int kind;

        if (c == NULL || !clw_enum_from_nick (CLW_TYPE_IMTP_SECTION_KIND, _clw_column_text (stmt, 1), &kind))
          continue;
        c->sections[kind].present = TRUE;
        c->sections[kind].status = _clw_column_dup (stmt, 2);
        c->sections[kind].body = _clw_column_dup (stmt, 3);
        c->sections[kind].body_cy = _clw_column_dup (stmt, 4);
      }
    if (!step_error (ctx->db, rc, error))
      return FALSE;
  }

  {
    g_autoptr(ClwStmt) s = _clw_database_prepare (ctx->db,
      "SELECT w.contribution_id, w.role, w.headcount, w.wte FROM imtp_workforce w "
      "WHERE w.contribution_id IN (SELECT c.id " CONTRIBUTIONS_OF_CLUSTER ") ORDER BY w.contribution_id", error);
    if ((stmt = s) == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, cluster_id);
    _clw_bind_text (stmt, 2, ctx->cycle_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        Contribution *c = g_hash_table_lookup (by_id, _clw_column_text (stmt, 0));
        Staff *staff;

        if (c == NULL)
          continue;
        staff = g_new0 (Staff, 1);
        staff->role = _clw_column_dup (stmt, 1);
        staff->headcount = sqlite3_column_int (stmt, 2);
        staff->wte = sqlite3_column_double (stmt, 3);
        g_ptr_array_add (c->staff, staff);
      }
    if (!step_error (ctx->db, rc, error))
      return FALSE;
  }

  /* Attendance as recorded at each meeting of the GP Collaborative. */
  {
    g_autoptr(ClwStmt) s = _clw_database_prepare (ctx->db,
      "SELECT m.id, m.place, "
      "  count(CASE WHEN a.status = 'attended' THEN 1 END), "
      "  count(CASE WHEN a.status = 'apologies' THEN 1 END), "
      "  count(CASE WHEN a.status = 'absent' THEN 1 END) "
      "FROM meeting m JOIN collaborative co ON co.id = m.collaborative_id "
      "LEFT JOIN attendance a ON a.meeting_id = m.id "
      "WHERE co.cluster_id = ?1 AND co.profession = 'gp' AND m.starts_at >= ?2 AND m.starts_at < ?3 "
      "GROUP BY m.id", error);
    g_autofree char *after_end = NULL;
    g_autoptr(GDate) end = clw_date_parse (ctx->cycle_ends_on);

    if ((stmt = s) == NULL)
      return FALSE;
    g_date_add_days (end, 1);
    after_end = clw_date_format_iso (end);
    _clw_bind_text (stmt, 1, cluster_id);
    _clw_bind_text (stmt, 2, ctx->cycle_starts_on);
    _clw_bind_text (stmt, 3, after_end);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        Recorded *r = g_new0 (Recorded, 1);

        r->place = _clw_column_dup (stmt, 1);
        r->attended = sqlite3_column_int (stmt, 2);
        r->apologies = sqlite3_column_int (stmt, 3);
        r->absent = sqlite3_column_int (stmt, 4);
        g_hash_table_insert (data->recorded, _clw_column_dup (stmt, 0), r);
      }
    if (!step_error (ctx->db, rc, error))
      return FALSE;
  }

  return TRUE;
}

/* Writing ----------------------------------------------------------------------- */

/* XML 1.0 cannot carry most control characters: they become U+FFFD rather
 * than make a document that cannot be read. */
static char *
xml_safe_text (const char *text)
{
  GString *str = NULL;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean allowed = c == 0x9 || c == 0xA || c == 0xD ||
                         (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
                         (c >= 0x10000 && c <= 0x10FFFF);

      if (!allowed && str == NULL)
        str = g_string_new_len (text, p - text);
      if (str != NULL)
        g_string_append_unichar (str, allowed ? c : 0xFFFD);
    }

  return str != NULL ? g_string_free (str, FALSE) : g_strdup (text);
}

typedef struct
{
  xmlTextWriterPtr  w;
  gboolean          failed;
  GPtrArray        *warnings;   /* of char* */
} Writer;

static void
start (Writer     *wr,
       const char *element)
{
  if (!wr->failed && xmlTextWriterStartElement (wr->w, BAD_CAST element) < 0)
    wr->failed = TRUE;
}

static void
end (Writer *wr)
{
  if (!wr->failed && xmlTextWriterEndElement (wr->w) < 0)
    wr->failed = TRUE;
}

/* An attribute; nothing for NULL or empty. */
static void
attr (Writer     *wr,
      const char *name,
      const char *value)
{
  g_autofree char *safe = NULL;

  if (wr->failed || value == NULL || *value == '\0')
    return;
  safe = xml_safe_text (value);
  if (xmlTextWriterWriteAttribute (wr->w, BAD_CAST name, BAD_CAST safe) < 0)
    wr->failed = TRUE;
}

static void
attr_int (Writer     *wr,
          const char *name,
          gint64      value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  attr (wr, name, buf);
}

static void
attr_enum (Writer     *wr,
           const char *name,
           GType       type,
           int         value)
{
  attr (wr, name, clw_enum_to_nick (type, value));
}

static void
text_element (Writer     *wr,
              const char *element,
              const char *lang,
              const char *text)
{
  g_autofree char *safe = NULL;

  if (wr->failed || text == NULL || *text == '\0')
    return;
  safe = xml_safe_text (text);
  start (wr, element);
  if (lang != NULL)
    attr (wr, "xml:lang", lang);
  if (!wr->failed && xmlTextWriterWriteString (wr->w, BAD_CAST safe) < 0)
    wr->failed = TRUE;
  end (wr);
}

/* A warning for each thing in @text that may identify a patient. */
static void
check_text (Writer     *wr,
            const char *where,
            const char *text)
{
  g_auto(GStrv) found = clw_text_find_patient_identifiers (text);

  for (guint i = 0; found != NULL && found[i] != NULL; i++)
    g_ptr_array_add (wr->warnings,
                     /* TRANSLATORS: "Practice W12345, population needs assessment (Welsh): an NHS number (ending 5919)." */
                     g_strdup_printf (_("%s: looks like it holds %s. Returns carry no patient-identifiable "
                                        "data: remove it from the text and make the return again."),
                                      where, found[i]));
}

static void
write_decimal (Writer     *wr,
               const char *name,
               double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *p;

  g_ascii_formatd (buf, sizeof buf, "%.3f", value);
  /* 2.400 is written 2.4, 3.000 is 3. */
  p = buf + strlen (buf) - 1;
  while (p > buf && *p == '0')
    *p-- = '\0';
  if (p > buf && *p == '.')
    *p = '\0';
  attr (wr, name, buf);
}

static void
write_summary (Writer            *wr,
               ClwClusterSummary *summary)
{
  guint n = clw_cluster_summary_get_n_indicators (summary);

  start (wr, "summary");
  attr_int (wr, "practices", clw_cluster_summary_get_n_practices (summary));
  attr_int (wr, "points", clw_cluster_summary_get_points (summary));
  attr_int (wr, "points-possible", clw_cluster_summary_get_points_possible (summary));
  attr_int (wr, "practices-at-risk", clw_cluster_summary_get_practices_at_risk (summary));
  attr_int (wr, "meetings-held", clw_cluster_summary_get_meetings_held (summary));
  attr_int (wr, "meetings-planned", clw_cluster_summary_get_meetings_planned (summary));
  attr_int (wr, "meetings-required", clw_cluster_summary_get_meetings_required (summary));
  attr_int (wr, "imtp-submitted", clw_cluster_summary_get_imtp_submitted (summary));
  attr_int (wr, "imtp-total", clw_cluster_summary_get_imtp_total (summary));
  attr_int (wr, "pending-requests", clw_cluster_summary_get_pending_requests (summary));

  for (guint i = 0; i < n; i++)
    {
      start (wr, "indicator");
      attr (wr, "code", clw_cluster_summary_get_indicator_code (summary, i));
      attr_int (wr, "achieved", clw_cluster_summary_count_verdict (summary, i, CLW_VERDICT_ACHIEVED));
      attr_int (wr, "on-track", clw_cluster_summary_count_verdict (summary, i, CLW_VERDICT_ON_TRACK));
      attr_int (wr, "at-risk", clw_cluster_summary_count_verdict (summary, i, CLW_VERDICT_AT_RISK));
      attr_int (wr, "not-achieved", clw_cluster_summary_count_verdict (summary, i, CLW_VERDICT_NOT_ACHIEVED));
      end (wr);
    }

  end (wr);
}

static void
write_contribution (Writer       *wr,
                    const char   *practice_code,
                    Contribution *c)
{
  start (wr, "imtp-contribution");
  attr (wr, "status", c->status);
  attr (wr, "submitted-on", c->submitted_on);

  /* Every part, in the order of the guidance; one not recorded is not
   * started. */
  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      const Section *s = &c->sections[kind];
      const char *label = clw_imtp_section_kind_to_label (kind);

      start (wr, "section");
      attr_enum (wr, "kind", CLW_TYPE_IMTP_SECTION_KIND, kind);
      attr (wr, "status", s->present ? s->status : clw_enum_to_nick (CLW_TYPE_SECTION_STATUS,
                                                                      CLW_SECTION_STATUS_NOT_STARTED));
      if (s->present)
        {
          /* TRANSLATORS: where a text is: "Practice W12345, Population needs assessment (English)" */
          g_autofree char *where_en = g_strdup_printf (_("Practice %s, %s (English)"), practice_code, label);
          g_autofree char *where_cy = g_strdup_printf (_("Practice %s, %s (Welsh)"), practice_code, label);

          text_element (wr, "text", "en", s->body);
          text_element (wr, "text", "cy", s->body_cy);
          check_text (wr, where_en, s->body);
          check_text (wr, where_cy, s->body_cy);
        }
      end (wr);
    }

  if (c->staff->len > 0)
    {
      start (wr, "workforce");
      for (guint i = 0; i < c->staff->len; i++)
        {
          Staff *staff = g_ptr_array_index (c->staff, i);

          start (wr, "staff");
          attr (wr, "role", staff->role);
          attr_int (wr, "headcount", staff->headcount);
          write_decimal (wr, "wte", staff->wte);
          end (wr);
        }
      end (wr);
    }

  end (wr);
}

static void
write_practice (Writer            *wr,
                ClwPracticeResult *result,
                ClusterData       *data)
{
  const char *code = clw_practice_result_get_code (result);
  guint n = clw_practice_result_get_n_indicators (result);
  Contribution *c = g_hash_table_lookup (data->contributions, clw_practice_result_get_practice_id (result));

  start (wr, "practice");
  attr (wr, "id", clw_practice_result_get_practice_id (result));
  attr (wr, "code", code);
  attr (wr, "name", clw_practice_result_get_name (result));
  attr_int (wr, "partners", clw_practice_result_get_partners (result));
  attr_int (wr, "list-size", clw_practice_result_get_list_size (result));
  attr (wr, "sustainability-issues", clw_practice_result_get_sustainability_issues (result) ? "true" : "false");
  attr (wr, "buddy-practice", clw_practice_result_get_buddy_code (result));

  start (wr, "qaif");
  attr_enum (wr, "verdict", CLW_TYPE_VERDICT, clw_practice_result_get_overall_verdict (result));
  attr_int (wr, "points", clw_practice_result_get_points (result));
  attr_int (wr, "points-possible", clw_practice_result_get_points_possible (result));
  attr_int (wr, "meetings-counted", clw_practice_result_get_meetings_counted (result));
  attr_int (wr, "meetings-required", clw_practice_result_get_meetings_required (result));
  for (guint i = 0; i < n; i++)
    {
      const ClwIndicatorResult *ir = clw_practice_result_get_indicator (result, i);

      start (wr, "indicator");
      attr (wr, "code", ir->code);
      attr_enum (wr, "verdict", CLW_TYPE_VERDICT, ir->verdict);
      attr_int (wr, "points", ir->points);
      attr_int (wr, "points-possible", ir->points_possible);
      for (guint r = 0; ir->reasons != NULL && ir->reasons[r] != NULL; r++)
        text_element (wr, "reason", NULL, ir->reasons[r]);
      end (wr);
    }
  end (wr);

  if (c != NULL)
    write_contribution (wr, code, c);

  end (wr);
}

static void
write_meetings (Writer            *wr,
                ClwClusterSummary *summary,
                ClusterData       *data)
{
  guint n = clw_cluster_summary_get_n_meetings (summary);

  start (wr, "meetings");
  for (guint i = 0; i < n; i++)
    {
      const ClwMeetingAttendance *m = clw_cluster_summary_get_meeting (summary, i);
      Recorded *r;

      if (m->status != CLW_MEETING_STATUS_HELD)
        continue;

      r = g_hash_table_lookup (data->recorded, m->meeting_id);
      start (wr, "meeting");
      attr (wr, "id", m->meeting_id);
      attr (wr, "starts-at", m->starts_at);
      attr (wr, "place", r != NULL ? r->place : NULL);
      attr_int (wr, "practices", m->practices);
      attr_int (wr, "counted", m->counted);
      attr_int (wr, "attended", r != NULL ? r->attended : 0);
      attr_int (wr, "apologies", r != NULL ? r->apologies : 0);
      attr_int (wr, "absent", r != NULL ? r->absent : 0);
      end (wr);
    }
  end (wr);
}

/* Requests of the cycle: made in it, decided in it, or in force during it. */
#define ARRANGEMENT_IN_CYCLE(t) \
  t ".requested_on <= ?3 AND (" t ".requested_on >= ?2 OR " t ".decision_on >= ?2 " \
  "OR (" t ".status IN ('requested', 'agreed') AND (" t ".ends_on IS NULL OR " t ".ends_on >= ?2)) " \
  "OR (" t ".status = 'ended' AND " t ".ends_on >= ?2))"

static gboolean
write_arrangements (Writer      *wr,
                    Context     *ctx,
                    const char  *cluster_id,
                    GError     **error)
{
  int rc;

  start (wr, "arrangements");

  {
    g_autoptr(ClwStmt) stmt = _clw_database_prepare (ctx->db,
      "SELECT b.id, sp.code, bp.code, b.status, b.requested_on, b.decision_on, b.starts_on, "
      "       b.ends_on, b.explanation "
      "FROM buddy_arrangement b "
      "JOIN practice sp ON sp.id = b.small_practice_id "
      "JOIN practice bp ON bp.id = b.buddy_practice_id "
      "WHERE sp.cluster_id = ?1 AND " ARRANGEMENT_IN_CYCLE ("b")
      " ORDER BY b.requested_on, sp.code, b.id", error);
    if (stmt == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, cluster_id);
    _clw_bind_text (stmt, 2, ctx->cycle_starts_on);
    _clw_bind_text (stmt, 3, ctx->cycle_ends_on);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_autofree char *where = g_strdup_printf (_("Buddy request of practice %s"), _clw_column_text (stmt, 1));

        start (wr, "buddy-arrangement");
        attr (wr, "id", _clw_column_text (stmt, 0));
        attr (wr, "small-practice", _clw_column_text (stmt, 1));
        attr (wr, "buddy-practice", _clw_column_text (stmt, 2));
        attr (wr, "status", _clw_column_text (stmt, 3));
        attr (wr, "requested-on", _clw_column_text (stmt, 4));
        attr (wr, "decision-on", _clw_column_text (stmt, 5));
        attr (wr, "starts-on", _clw_column_text (stmt, 6));
        attr (wr, "ends-on", _clw_column_text (stmt, 7));
        text_element (wr, "explanation", NULL, _clw_column_text (stmt, 8));
        check_text (wr, where, _clw_column_text (stmt, 8));
        end (wr);
      }
    if (!step_error (ctx->db, rc, error))
      return FALSE;
  }

  {
    g_autoptr(ClwStmt) stmt = _clw_database_prepare (ctx->db,
      "SELECT r.id, p.code, r.kind, r.representative_role, r.status, r.requested_on, r.decision_on, "
      "       r.starts_on, r.ends_on, r.meeting_id, m.starts_at, r.explanation "
      "FROM representation r "
      "JOIN practice p ON p.id = r.practice_id "
      "LEFT JOIN meeting m ON m.id = r.meeting_id "
      "WHERE p.cluster_id = ?1 AND " ARRANGEMENT_IN_CYCLE ("r")
      " ORDER BY r.requested_on, p.code, r.id", error);
    if (stmt == NULL)
      return FALSE;
    _clw_bind_text (stmt, 1, cluster_id);
    _clw_bind_text (stmt, 2, ctx->cycle_starts_on);
    _clw_bind_text (stmt, 3, ctx->cycle_ends_on);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_autofree char *where = g_strdup_printf (_("Representation request of practice %s"),
                                                  _clw_column_text (stmt, 1));

        start (wr, "representation");
        attr (wr, "id", _clw_column_text (stmt, 0));
        attr (wr, "practice", _clw_column_text (stmt, 1));
        attr (wr, "kind", _clw_column_text (stmt, 2));
        attr (wr, "representative-role", _clw_column_text (stmt, 3));
        attr (wr, "status", _clw_column_text (stmt, 4));
        attr (wr, "requested-on", _clw_column_text (stmt, 5));
        attr (wr, "decision-on", _clw_column_text (stmt, 6));
        attr (wr, "starts-on", _clw_column_text (stmt, 7));
        attr (wr, "ends-on", _clw_column_text (stmt, 8));
        attr (wr, "meeting-id", _clw_column_text (stmt, 9));
        attr (wr, "meeting-starts-at", _clw_column_text (stmt, 10));
        text_element (wr, "explanation", NULL, _clw_column_text (stmt, 11));
        check_text (wr, where, _clw_column_text (stmt, 11));
        end (wr);
      }
    if (!step_error (ctx->db, rc, error))
      return FALSE;
  }

  end (wr);
  return TRUE;
}

static gboolean
write_evidence (Writer      *wr,
                Context     *ctx,
                const char  *cluster_id,
                GError     **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (ctx->db,
    "SELECT e.id, e.kind, e.title, e.evidence_on, p.code, e.meeting_id, i.code, "
    "       e.original_name, e.content_type, e.size, e.sha256 "
    "FROM evidence e "
    "LEFT JOIN practice p ON p.id = e.practice_id "
    "LEFT JOIN indicator i ON i.id = e.indicator_id "
    "WHERE e.id IN (SELECT pe.id FROM practice pp CROSS JOIN evidence pe ON pe.practice_id = pp.id "
    "               WHERE pp.cluster_id = ?1 "
    "               UNION "
    "               SELECT me.id FROM collaborative co CROSS JOIN meeting m ON m.collaborative_id = co.id "
    "               CROSS JOIN evidence me ON me.meeting_id = m.id "
    "               WHERE co.cluster_id = ?1) "
    "  AND e.evidence_on >= ?2 AND e.evidence_on <= ?3 "
    "ORDER BY e.evidence_on, p.code, e.title, e.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _clw_bind_text (stmt, 1, cluster_id);
  _clw_bind_text (stmt, 2, ctx->cycle_starts_on);
  _clw_bind_text (stmt, 3, ctx->cycle_ends_on);

  start (wr, "evidence-manifest");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha256 = _clw_column_text (stmt, 10);
      gboolean has_file = sha256 != NULL && *sha256 != '\0';
      g_autofree char *where = g_strdup_printf (_("Evidence “%s”"), _clw_column_text (stmt, 2));

      start (wr, "evidence");
      attr (wr, "id", _clw_column_text (stmt, 0));
      attr (wr, "kind", _clw_column_text (stmt, 1));
      attr (wr, "title", _clw_column_text (stmt, 2));
      attr (wr, "evidence-on", _clw_column_text (stmt, 3));
      attr (wr, "practice", _clw_column_text (stmt, 4));
      attr (wr, "meeting-id", _clw_column_text (stmt, 5));
      attr (wr, "indicator", _clw_column_text (stmt, 6));
      if (has_file)
        {
          attr (wr, "original-name", _clw_column_text (stmt, 7));
          attr (wr, "content-type", _clw_column_text (stmt, 8));
          attr_int (wr, "size", sqlite3_column_int64 (stmt, 9));
          attr (wr, "sha256", sha256);
        }
      check_text (wr, where, _clw_column_text (stmt, 2));
      end (wr);
    }
  end (wr);

  return step_error (ctx->db, rc, error);
}

static char *
file_name_for (const char *cluster_code,
               const char *cycle_code)
{
  return g_strdup_printf ("%s-%s-imtp-return.xml", cluster_code, cycle_code);
}

/* Parse the document back and check it against the schema in the core
 * GResource: the one test that decides whether it may be written. */
static gboolean
validate (GBytes      *bytes,
          const char  *name,
          const char  *cluster_code,
          GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_xml_problem_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(xmlDoc) doc = clw_xml_parse_untrusted (bytes, name, problems, &local_error);

  if (doc != NULL && clw_xml_validate (doc, CLW_IMTP_RETURN_SCHEMA_RESOURCE, name, problems, &local_error))
    return TRUE;

  {
    g_autofree char *details = problems->len > 0 ? clw_xml_problems_to_string (problems, name, 5)
                                                 : g_strdup (local_error->message);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The IMTP return of cluster %s does not follow its schema (imtp-return.xsd), so it "
                   "was not written. What failed:\n%s"),
                 cluster_code, details);
  }
  return FALSE;
}

static ClwImtpReturn *
build_return (Context     *ctx,
              const char  *cluster_id,
              GError     **error)
{
  g_autoptr(ClwImtpReturn) self = NULL;
  g_autoptr(ClwRecord) cluster = NULL;
  g_autoptr(ClwRecord) board = NULL;
  g_autoptr(GListModel) practices = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  ClwClusterSummary *summary;
  ClusterData data = { 0 };
  xmlBufferPtr buffer;
  Writer wr = { 0 };
  gboolean ok = FALSE;
  guint n;

  cluster = clw_record_load (ctx->db, CLW_TYPE_CLUSTER, cluster_id, error);
  if (cluster == NULL)
    return NULL;
  board = clw_record_load (ctx->db, CLW_TYPE_HEALTH_BOARD,
                           clw_cluster_get_health_board_id (CLW_CLUSTER (cluster)), error);
  if (board == NULL)
    return NULL;

  summary = clw_qaif_report_lookup_cluster (ctx->report, cluster_id);
  if (summary == NULL)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("The QAIF report has no figures for cluster %s."),
                   clw_cluster_get_code (CLW_CLUSTER (cluster)));
      return NULL;
    }

  if (!load_cluster_data (ctx, cluster_id, &data, error))
    {
      cluster_data_clear (&data);
      return NULL;
    }

  buffer = xmlBufferCreate ();
  wr.w = xmlNewTextWriterMemory (buffer, 0);
  wr.warnings = warnings;
  xmlTextWriterSetIndent (wr.w, 1);
  xmlTextWriterSetIndentString (wr.w, BAD_CAST "  ");

  if (xmlTextWriterStartDocument (wr.w, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElementNS (wr.w, NULL, BAD_CAST "imtp-return", BAD_CAST CLW_IMTP_RETURN_NAMESPACE) < 0)
    wr.failed = TRUE;
  attr (&wr, "format-version", "1");
  attr (&wr, "generated-at", ctx->generated_at);
  attr (&wr, "generated-by", ctx->generated_by);
  attr (&wr, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
  attr (&wr, "xml:lang", ctx->lang);

  start (&wr, "health-board");
  attr (&wr, "id", clw_record_get_id (board));
  attr (&wr, "code", clw_health_board_get_code (CLW_HEALTH_BOARD (board)));
  attr (&wr, "name", clw_health_board_get_name (CLW_HEALTH_BOARD (board)));
  attr (&wr, "name-cy", clw_health_board_get_name_cy (CLW_HEALTH_BOARD (board)));
  end (&wr);

  start (&wr, "cluster");
  attr (&wr, "id", cluster_id);
  attr (&wr, "code", clw_cluster_get_code (CLW_CLUSTER (cluster)));
  attr (&wr, "name", clw_cluster_get_name (CLW_CLUSTER (cluster)));
  attr (&wr, "name-cy", clw_cluster_get_name_cy (CLW_CLUSTER (cluster)));
  end (&wr);

  start (&wr, "cycle");
  attr (&wr, "code", clw_qaif_report_get_cycle_code (ctx->report));
  attr (&wr, "starts-on", ctx->cycle_starts_on);
  attr (&wr, "ends-on", ctx->cycle_ends_on);
  attr (&wr, "as-of", ctx->as_of);
  attr (&wr, "deadline", ctx->deadline);
  attr_int (&wr, "days-left", MAX (0, clw_qaif_report_get_days_left (ctx->report)));
  end (&wr);

  write_summary (&wr, summary);

  practices = clw_qaif_report_list_cluster_practices (ctx->report, cluster_id);
  n = g_list_model_get_n_items (practices);
  start (&wr, "practices");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);
      write_practice (&wr, result, &data);
    }
  end (&wr);

  write_meetings (&wr, summary, &data);
  if (!write_arrangements (&wr, ctx, cluster_id, error) ||
      !write_evidence (&wr, ctx, cluster_id, error))
    goto out;

  if (fault_for_tests)
    {
      start (&wr, "unexpected");
      end (&wr);
    }

  if (!wr.failed && (xmlTextWriterEndElement (wr.w) < 0 || xmlTextWriterEndDocument (wr.w) < 0))
    wr.failed = TRUE;
  if (wr.failed)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the IMTP return of cluster %s."),
                   clw_cluster_get_code (CLW_CLUSTER (cluster)));
      goto out;
    }

  /* The writer flushes into the buffer when it is freed. */
  xmlFreeTextWriter (wr.w);
  wr.w = NULL;

  self = g_object_new (CLW_TYPE_IMTP_RETURN, NULL);
  self->bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  self->cluster_id = g_strdup (cluster_id);
  self->cluster_code = g_strdup (clw_cluster_get_code (CLW_CLUSTER (cluster)));
  self->cluster_name = g_strdup (clw_cluster_get_name (CLW_CLUSTER (cluster)));
  self->cycle_code = g_strdup (clw_qaif_report_get_cycle_code (ctx->report));
  if (warnings->len > 0)
    {
      g_ptr_array_add (warnings, NULL);
      self->warnings = (GStrv) g_ptr_array_steal (warnings, NULL);
    }

  name = file_name_for (self->cluster_code, self->cycle_code);
  ok = validate (self->bytes, name, self->cluster_code, error);

out:
  if (wr.w != NULL)
    xmlFreeTextWriter (wr.w);
  xmlBufferFree (buffer);
  cluster_data_clear (&data);

  return ok ? g_steal_pointer (&self) : NULL;
}

/* GObject ------------------------------------------------------------------------ */

static void
clw_imtp_return_finalize (GObject *object)
{
  ClwImtpReturn *self = (ClwImtpReturn *) object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->cluster_id);
  g_free (self->cluster_code);
  g_free (self->cluster_name);
  g_free (self->cycle_code);
  g_strfreev (self->warnings);

  G_OBJECT_CLASS (clw_imtp_return_parent_class)->finalize (object);
}

static void
clw_imtp_return_class_init (ClwImtpReturnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_imtp_return_finalize;
}

static void
clw_imtp_return_init (ClwImtpReturn *self)
{
}

/* Public API ------------------------------------------------------------------------ */

GPtrArray *
clw_imtp_return_new_for_report (ClwDatabase    *db,
                                ClwQaifReport  *report,
                                GError        **error)
{
  g_autoptr(GPtrArray) returns = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *clusters;
  Context ctx;
  guint n;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (report), NULL);

  if (!context_init (&ctx, db, report, error))
    {
      context_clear (&ctx);
      return NULL;
    }

  clusters = clw_qaif_report_get_clusters (report);
  n = g_list_model_get_n_items (clusters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (clusters, i);
      const char *cluster_id = clw_cluster_summary_get_cluster_id (summary);
      ClwImtpReturn *ret;

      if (cluster_id == NULL)
        continue;
      ret = build_return (&ctx, cluster_id, error);
      if (ret == NULL)
        {
          context_clear (&ctx);
          return NULL;
        }
      g_ptr_array_add (returns, ret);
    }

  context_clear (&ctx);
  return g_steal_pointer (&returns);
}

ClwImtpReturn *
clw_imtp_return_new (ClwDatabase  *db,
                     const char   *cluster_id,
                     const char   *cycle_code,
                     const GDate  *as_of,
                     GError      **error)
{
  g_autoptr(ClwQaifReport) report = NULL;
  ClwImtpReturn *ret;
  Context ctx;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);
  g_return_val_if_fail (cycle_code != NULL, NULL);

  if (!clw_record_exists (db, CLW_TYPE_CLUSTER, cluster_id))
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no cluster with the id %s."), cluster_id);
      return NULL;
    }

  report = clw_qaif_evaluate (db, cycle_code, CLW_SCOPE_CLUSTER, cluster_id, as_of, error);
  if (report == NULL)
    return NULL;

  if (!context_init (&ctx, db, report, error))
    {
      context_clear (&ctx);
      return NULL;
    }
  ret = build_return (&ctx, cluster_id, error);
  context_clear (&ctx);
  return ret;
}

GPtrArray *
clw_imtp_return_new_for_health_board (ClwDatabase  *db,
                                      const char   *health_board_id,
                                      const char   *cycle_code,
                                      const GDate  *as_of,
                                      GError      **error)
{
  g_autoptr(ClwQaifReport) report = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cycle_code != NULL, NULL);

  if (health_board_id != NULL && !clw_record_exists (db, CLW_TYPE_HEALTH_BOARD, health_board_id))
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no health board with the id %s."), health_board_id);
      return NULL;
    }

  report = clw_qaif_evaluate (db, cycle_code,
                              health_board_id != NULL ? CLW_SCOPE_HEALTH_BOARD : CLW_SCOPE_ALL,
                              health_board_id, as_of, error);
  if (report == NULL)
    return NULL;

  return clw_imtp_return_new_for_report (db, report, error);
}

GBytes *
clw_imtp_return_get_bytes (ClwImtpReturn *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_RETURN (self), NULL);

  return self->bytes;
}

const char *
clw_imtp_return_get_cluster_id (ClwImtpReturn *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_RETURN (self), NULL);

  return self->cluster_id;
}

const char *
clw_imtp_return_get_cluster_code (ClwImtpReturn *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_RETURN (self), NULL);

  return self->cluster_code;
}

const char *
clw_imtp_return_get_cluster_name (ClwImtpReturn *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_RETURN (self), NULL);

  return self->cluster_name;
}

const char *
clw_imtp_return_get_cycle_code (ClwImtpReturn *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_RETURN (self), NULL);

  return self->cycle_code;
}

const char * const *
clw_imtp_return_get_warnings (ClwImtpReturn *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_RETURN (self), NULL);

  return (const char * const *) self->warnings;
}

char *
clw_imtp_return_dup_file_name (ClwImtpReturn *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_RETURN (self), NULL);

  return file_name_for (self->cluster_code, self->cycle_code);
}

char *
clw_imtp_return_dup_file_name_for (ClwDatabase  *db,
                                   const char   *cluster_id,
                                   const char   *cycle_code,
                                   GError      **error)
{
  g_autoptr(ClwRecord) cluster = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);
  g_return_val_if_fail (cycle_code != NULL, NULL);

  cluster = clw_record_load (db, CLW_TYPE_CLUSTER, cluster_id, error);
  if (cluster == NULL)
    return NULL;

  return file_name_for (clw_cluster_get_code (CLW_CLUSTER (cluster)), cycle_code);
}

gboolean
clw_imtp_return_save (ClwImtpReturn  *self,
                      const char     *path,
                      GError        **error)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (CLW_IS_IMTP_RETURN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = g_bytes_get_data (self->bytes, &size);
  return clw_files_write_private (path, data, size, error);
}

static void
add_warnings (GPtrArray     *all,
              ClwImtpReturn *ret)
{
  for (guint i = 0; ret->warnings != NULL && ret->warnings[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup_printf ("%s: %s", ret->cluster_code, ret->warnings[i]));
}

GStrv
clw_imtp_return_write (ClwDatabase   *db,
                       ClwScope       scope,
                       const char    *scope_id,
                       const char    *cycle_code,
                       const GDate   *as_of,
                       const char    *path,
                       GStrv         *warnings,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) returns = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all_warnings = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cycle_code != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  switch (scope)
    {
    case CLW_SCOPE_CLUSTER:
      {
        ClwImtpReturn *ret = clw_imtp_return_new (db, scope_id, cycle_code, as_of, error);
        if (ret == NULL)
          return NULL;
        returns = g_ptr_array_new_with_free_func (g_object_unref);
        g_ptr_array_add (returns, ret);
      }
      break;

    case CLW_SCOPE_HEALTH_BOARD:
    case CLW_SCOPE_ALL:
      returns = clw_imtp_return_new_for_health_board (db, scope == CLW_SCOPE_ALL ? NULL : scope_id,
                                                      cycle_code, as_of, error);
      if (returns == NULL)
        return NULL;
      if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                       _("“%s” is a file: the returns of several clusters go into a folder, one "
                         "file each."), path);
          return NULL;
        }
      if (!clw_files_ensure_private_dir (path, error))
        return NULL;
      break;

    case CLW_SCOPE_PRACTICE:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An IMTP return is made for a cluster, a health board or all of Wales."));
      return NULL;
    }

  /* Every return is made and valid: now write them. */
  for (guint i = 0; i < returns->len; i++)
    {
      ClwImtpReturn *ret = g_ptr_array_index (returns, i);
      g_autofree char *name = clw_imtp_return_dup_file_name (ret);
      g_autofree char *file = scope == CLW_SCOPE_CLUSTER ? g_strdup (path) : g_build_filename (path, name, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !clw_imtp_return_save (ret, file, error))
        {
          if (paths->len > 0)
            g_prefix_error (error, ngettext ("%u return was written before this one: ",
                                             "%u returns were written before this one: ", paths->len),
                            paths->len);
          return NULL;
        }
      g_ptr_array_add (paths, g_steal_pointer (&file));
      add_warnings (all_warnings, ret);
    }

  if (warnings != NULL)
    {
      g_ptr_array_add (all_warnings, NULL);
      *warnings = (GStrv) g_ptr_array_steal (all_warnings, NULL);
    }

  g_ptr_array_add (paths, NULL);
  return (GStrv) g_ptr_array_steal (paths, NULL);
}

typedef struct
{
  char     *db_path;
  ClwScope  scope;
  char     *scope_id;
  char     *cycle_code;
  GDate    *as_of;
  char     *path;
} WriteData;

typedef struct
{
  GStrv paths;
  GStrv warnings;
} WriteResult;

static void
write_data_free (WriteData *data)
{
  g_free (data->db_path);
  g_free (data->scope_id);
  g_free (data->cycle_code);
  g_clear_pointer (&data->as_of, g_date_free);
  g_free (data->path);
  g_free (data);
}

static void
write_result_free (WriteResult *result)
{
  g_strfreev (result->paths);
  g_strfreev (result->warnings);
  g_free (result);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(ClwDatabase) db = NULL;
  GError *error = NULL;
  WriteResult *result;
  GStrv warnings = NULL;
  GStrv paths;

  db = clw_database_open (data->db_path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  paths = clw_imtp_return_write (db, data->scope, data->scope_id, data->cycle_code, data->as_of,
                                 data->path, &warnings, cancellable, &error);
  if (paths == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (WriteResult, 1);
  result->paths = paths;
  result->warnings = warnings;
  g_task_return_pointer (task, result, (GDestroyNotify) write_result_free);
}

void
clw_imtp_return_write_async (const char          *db_path,
                             ClwScope             scope,
                             const char          *scope_id,
                             const char          *cycle_code,
                             const GDate         *as_of,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (cycle_code != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->db_path = g_strdup (db_path);
  data->scope = scope;
  data->scope_id = g_strdup (scope_id);
  data->cycle_code = g_strdup (cycle_code);
  if (as_of != NULL)
    {
      data->as_of = g_date_new ();
      *data->as_of = *as_of;
    }
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_imtp_return_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

GStrv
clw_imtp_return_write_finish (GAsyncResult  *result,
                              GStrv         *warnings,
                              GError       **error)
{
  WriteResult *res;
  GStrv paths;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clw_imtp_return_write_async, NULL);

  res = g_task_propagate_pointer (G_TASK (result), error);
  if (res == NULL)
    return NULL;

  paths = g_steal_pointer (&res->paths);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&res->warnings);
  write_result_free (res);
  return paths;
}
