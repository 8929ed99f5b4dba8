/* clw-qaif.c: the QAIF rules engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An evaluation reads what it needs in a handful of queries, each over the
 * whole scope and all inside one read transaction (the cycle with its
 * indicators and evidence requirements; the clusters; their practices; the
 * GP Collaborative meetings of the cycle; the attendance and the buddy
 * engagement at those meetings; the representation and buddy arrangements;
 * the practices' evidence; the IMTP contributions with their sections),
 * then works in memory: meetings get an index inside their cluster, so a
 * practice's attendance is an array indexed by meeting, and nothing is
 * looked up by a query per practice. It always evaluates whole clusters: a
 * small practice's verdict depends on its buddy's attendance.
 *
 * Measured on a synthetic Wales (390 practices, 720 meetings, 4,290
 * attendance rows) on a two-core machine, all of Wales takes about 9 ms of
 * processor time, and a hundred times the practices about 1.4 s; a fresh
 * worker connection adds about 3 ms to open and its first statements.
 *
 * The rules are written out, beside the guidance they come from, in
 * docs/qaif-rules.md: keep the two in step.
 */

#define G_LOG_DOMAIN "clw-qaif"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-qaif.h"
#include "clw-qaif-private.h"

#include "clw-cluster.h"
#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-health-board.h"
#include "clw-indicator.h"
#include "clw-practice.h"

/* Evidence dated up to this long before the cycle is read, only to tell a
 * practice why it does not count. */
#define EVIDENCE_LOOKBACK_DAYS 366

struct _ClwQaifReport
{
  GObject      parent_instance;

  char        *cycle_code;
  GDate        as_of;
  GDate        starts_on;
  GDate        deadline;
  int          days_left;
  int          pence_per_point;

  GListStore  *indicators;      /* owned: ClwIndicator */
  GListStore  *practices;       /* owned: ClwPracticeResult */
  GListStore  *clusters;        /* owned: ClwClusterSummary */
  GHashTable  *practice_index;  /* owned: practice id -> ClwPracticeResult (borrowed) */
  GHashTable  *cluster_index;   /* owned: cluster id -> ClwClusterSummary (borrowed) */
  GHashTable  *board_names;     /* owned: health board id -> name */
  char        *rollup_name;     /* the name of a roll-up of the whole report */
};

G_DEFINE_FINAL_TYPE (ClwQaifReport, clw_qaif_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CYCLE_CODE,
  PROP_DAYS_LEFT,
  PROP_PENCE_PER_POINT,
  PROP_INDICATORS,
  PROP_PRACTICES,
  PROP_CLUSTERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the engine holds in memory ------------------------------------------- */

typedef struct _Cluster Cluster;

typedef struct
{
  const char       *id;             /* borrowed from the report's list of indicators */
  const char       *code;
  ClwIndicatorRule  rule;
  ClwScoring        scoring;
  int               points;
  int               threshold;
  int               risk_window_days;
} Indicator;

typedef struct
{
  char             *indicator_id;   /* NULL: asked for by the cycle, not an indicator */
  ClwEvidenceKind   kind;
  char             *due_on;         /* GRefString, shared with the results */
  guint32           due;
  gboolean          blocking;
  char             *description;    /* GRefString */
} Requirement;

typedef struct
{
  char             *id;             /* GRefString, shared with the results */
  char             *starts_at;      /* GRefString */
  guint32           day;
  ClwMeetingStatus  status;
  Cluster          *cluster;
  guint             index;          /* in the cluster's meetings */
} Meeting;

struct _Cluster
{
  const char       *id;
  const char       *name;
  const char       *health_board_id;
  const char       *health_board_name;
  const char       *collaborative_id; /* of its GP Collaborative, or NULL */
  GPtrArray        *meetings;       /* owned array of borrowed Meeting, by date */
  GPtrArray        *practices;      /* owned array of borrowed Practice, by code */
  int              *counted;        /* owned: per meeting, the practices it counted for */
  int               pending_requests;
};

typedef struct
{
  gboolean             recorded;
  ClwAttendanceStatus  status;
  int                  role;        /* ClwRepresentativeRole, or -1 */
  const char          *name;
} Attendance;

typedef struct
{
  ClwRepresentationKind  kind;
  ClwArrangementStatus   status;
  Meeting               *meeting;   /* an alternative representative's meeting */
  guint32                starts;
  guint32                ends;      /* 0: open */
  guint32                decision;  /* 0: not decided */
} Representation;

typedef struct
{
  const char            *buddy_id;
  const char            *buddy_code;
  ClwArrangementStatus   status;
  guint32                starts;
  guint32                ends;
  guint32                decision;
} BuddyArrangement;

typedef struct
{
  ClwEvidenceKind  kind;
  guint32          day;
} Evidence;

typedef struct
{
  const char            *id;
  const char            *code;
  const char            *name;
  int                    partners;
  int                    list_size;
  gboolean               sustainability_issues;
  Cluster               *cluster;

  Attendance            *attendance;      /* owned: per meeting of the cluster, or NULL */
  guint8                *engagement;      /* owned: per meeting, a bit per ClwEngagementKind recorded */
  GArray                *representations; /* owned: Representation, or NULL */
  GArray                *buddies;         /* owned: BuddyArrangement as the small practice, or NULL */
  GArray                *evidence;        /* owned: Evidence, or NULL */

  gboolean               has_contribution;
  ClwContributionStatus  contribution_status;
  guint32                submitted;
  ClwSectionStatus       sections[CLW_N_IMTP_SECTION_KINDS];

  ClwPracticeResult     *result;          /* owned */
} Practice;

typedef struct
{
  ClwDatabase   *db;
  ClwScope       scope;
  const char    *scope_id;
  GCancellable  *cancellable;

  char          *cycle_id;
  char          *cycle_code;
  int            pence_per_point;
  guint32        start;
  guint32        end;
  guint32        as_of;
  char          *start_iso;
  char          *end_next_iso;    /* the day after the cycle: meetings start before it */
  char          *evidence_from_iso;
  char          *evidence_to_iso;

  GListStore    *indicator_list;  /* ClwIndicator */
  GArray        *indicators;      /* Indicator */
  GPtrArray     *requirements;    /* Requirement */
  const Indicator *attendance;    /* the first attendance indicator, or NULL */

  GStringChunk  *strings;
  GPtrArray     *clusters;        /* Cluster, in the report's order */
  GPtrArray     *practices;       /* Practice, by code */
  GPtrArray     *meetings;        /* Meeting, by date */
  GHashTable    *cluster_by_id;
  GHashTable    *practice_by_id;
  GHashTable    *meeting_by_id;
  GHashTable    *cluster_by_collaborative; /* GP Collaborative id -> Cluster */
  Meeting       *last_meeting;    /* of the last row read */
  Practice      *last_practice;   /* of the last row read */
  gboolean       scan_meeting_rows; /* read attendance and engagement by scanning */
  GHashTable    *display_dates;   /* julian day -> "12 Jan 2022" */
  GHashTable    *translations;    /* msgid -> its translation */
  const char    *evidence_labels[CLW_EVIDENCE_KIND_OTHER + 1];

  GEnumClass    *attendance_status_class;
  GEnumClass    *role_class;
  GEnumClass    *representation_kind_class;
  GEnumClass    *arrangement_status_class;
  GEnumClass    *engagement_kind_class;
  GEnumClass    *evidence_kind_class;
  GEnumClass    *contribution_status_class;
  GEnumClass    *section_kind_class;
  GEnumClass    *section_status_class;
  GEnumClass    *meeting_status_class;
} Engine;

static void
requirement_free (gpointer data)
{
  Requirement *requirement = data;

  g_free (requirement->indicator_id);
  g_clear_pointer (&requirement->due_on, g_ref_string_release);
  g_clear_pointer (&requirement->description, g_ref_string_release);
  g_free (requirement);
}

static void
meeting_free (gpointer data)
{
  Meeting *meeting = data;

  g_clear_pointer (&meeting->id, g_ref_string_release);
  g_clear_pointer (&meeting->starts_at, g_ref_string_release);
  g_free (meeting);
}

static void
cluster_free (gpointer data)
{
  Cluster *cluster = data;

  g_clear_pointer (&cluster->meetings, g_ptr_array_unref);
  g_clear_pointer (&cluster->practices, g_ptr_array_unref);
  g_free (cluster->counted);
  g_free (cluster);
}

static void
practice_free (gpointer data)
{
  Practice *practice = data;

  g_free (practice->attendance);
  g_free (practice->engagement);
  g_clear_pointer (&practice->representations, g_array_unref);
  g_clear_pointer (&practice->buddies, g_array_unref);
  g_clear_pointer (&practice->evidence, g_array_unref);
  g_clear_object (&practice->result);
  g_free (practice);
}

static void
engine_init (Engine       *self,
             ClwDatabase  *db,
             ClwScope      scope,
             const char   *scope_id,
             GCancellable *cancellable)
{
  memset (self, 0, sizeof *self);
  self->db = db;
  self->scope = scope;
  self->scope_id = scope_id;
  self->cancellable = cancellable;

  self->indicators = g_array_new (FALSE, TRUE, sizeof (Indicator));
  self->requirements = g_ptr_array_new_with_free_func (requirement_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->clusters = g_ptr_array_new_with_free_func (cluster_free);
  self->practices = g_ptr_array_new_with_free_func (practice_free);
  self->meetings = g_ptr_array_new_with_free_func (meeting_free);
  self->cluster_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->practice_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->meeting_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->cluster_by_collaborative = g_hash_table_new (g_str_hash, g_str_equal);
  self->display_dates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->translations = g_hash_table_new (NULL, NULL);

  self->attendance_status_class = g_type_class_ref (CLW_TYPE_ATTENDANCE_STATUS);
  self->role_class = g_type_class_ref (CLW_TYPE_REPRESENTATIVE_ROLE);
  self->representation_kind_class = g_type_class_ref (CLW_TYPE_REPRESENTATION_KIND);
  self->arrangement_status_class = g_type_class_ref (CLW_TYPE_ARRANGEMENT_STATUS);
  self->engagement_kind_class = g_type_class_ref (CLW_TYPE_ENGAGEMENT_KIND);
  self->evidence_kind_class = g_type_class_ref (CLW_TYPE_EVIDENCE_KIND);
  self->contribution_status_class = g_type_class_ref (CLW_TYPE_CONTRIBUTION_STATUS);
  self->section_kind_class = g_type_class_ref (CLW_TYPE_IMTP_SECTION_KIND);
  self->section_status_class = g_type_class_ref (CLW_TYPE_SECTION_STATUS);
  self->meeting_status_class = g_type_class_ref (CLW_TYPE_MEETING_STATUS);
}

static void
engine_clear (Engine *self)
{
  g_clear_pointer (&self->cycle_id, g_free);
  g_clear_pointer (&self->cycle_code, g_free);
  g_clear_pointer (&self->start_iso, g_free);
  g_clear_pointer (&self->end_next_iso, g_free);
  g_clear_pointer (&self->evidence_from_iso, g_free);
  g_clear_pointer (&self->evidence_to_iso, g_free);
  g_clear_object (&self->indicator_list);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_pointer (&self->requirements, g_ptr_array_unref);
  g_clear_pointer (&self->cluster_by_id, g_hash_table_unref);
  g_clear_pointer (&self->practice_by_id, g_hash_table_unref);
  g_clear_pointer (&self->meeting_by_id, g_hash_table_unref);
  g_clear_pointer (&self->cluster_by_collaborative, g_hash_table_unref);
  g_clear_pointer (&self->display_dates, g_hash_table_unref);
  g_clear_pointer (&self->translations, g_hash_table_unref);
  /* Practices point into clusters and meetings: free them first. */
  g_clear_pointer (&self->practices, g_ptr_array_unref);
  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  g_clear_pointer (&self->attendance_status_class, g_type_class_unref);
  g_clear_pointer (&self->role_class, g_type_class_unref);
  g_clear_pointer (&self->representation_kind_class, g_type_class_unref);
  g_clear_pointer (&self->arrangement_status_class, g_type_class_unref);
  g_clear_pointer (&self->engagement_kind_class, g_type_class_unref);
  g_clear_pointer (&self->evidence_kind_class, g_type_class_unref);
  g_clear_pointer (&self->contribution_status_class, g_type_class_unref);
  g_clear_pointer (&self->section_kind_class, g_type_class_unref);
  g_clear_pointer (&self->section_status_class, g_type_class_unref);
  g_clear_pointer (&self->meeting_status_class, g_type_class_unref);
}

/* Dates ------------------------------------------------------------------------ */

/* The Julian day of "YYYY-MM-DD" (the rest of the text, such as a time, is
 * ignored), or 0 when there is no valid date. */
static guint32
parse_day (const char *text)
{
  GDate date;
  int year, month, day;

  if (text == NULL)
    return 0;
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return 0;
        }
      else if (!g_ascii_isdigit (text[i]))
        return 0;
    }

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  if (!g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static char *
iso_from_day (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* "12 Jan 2022", formatted once per date of an evaluation. */
static const char *
engine_date (Engine  *self,
             guint32  day)
{
  char *text = g_hash_table_lookup (self->display_dates, GUINT_TO_POINTER (day));

  if (text == NULL)
    {
      g_autofree char *iso = iso_from_day (day);

      text = clw_date_format_display (iso);
      g_hash_table_insert (self->display_dates, GUINT_TO_POINTER (day), text);
    }

  return text;
}

/* Words ------------------------------------------------------------------------ */

static const char *tr (Engine     *self,
                       const char *msgid) G_GNUC_FORMAT (2);

/* The translation of @msgid (marked with N_()), looked up once per
 * evaluation: the reasons repeat a few sentences thousands of times, and
 * gettext() is not free. */
static const char *
tr (Engine     *self,
    const char *msgid)
{
  const char *translation = g_hash_table_lookup (self->translations, msgid);

  if (translation == NULL)
    {
      translation = _(msgid);
      g_hash_table_insert (self->translations, (gpointer) msgid, (gpointer) translation);
    }

  return translation;
}

static const char *
evidence_label (Engine          *self,
                ClwEvidenceKind  kind)
{
  if ((guint) kind >= G_N_ELEMENTS (self->evidence_labels))
    return clw_evidence_kind_to_label (kind);
  if (self->evidence_labels[kind] == NULL)
    self->evidence_labels[kind] = clw_evidence_kind_to_label (kind);
  return self->evidence_labels[kind];
}

/* Days from the as-of date to the end of the cycle; 0 once it has passed. */
static int
engine_days_left (Engine *self)
{
  return self->as_of < self->end ? (int) (self->end - self->as_of) : 0;
}

/* Reading ---------------------------------------------------------------------- */

static const char *
intern (Engine     *self,
        ClwStmt    *stmt,
        int         column)
{
  const char *text = _clw_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

static int
enum_value (GEnumClass *klass,
            const char *nick,
            int         fallback)
{
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value != NULL ? value->value : fallback;
}

/* The clusters of the scope, as SQL; ?1 is the scope's id. All of Wales
 * needs no filter at all (see expand_scope()). */
static const char *
scope_clusters (ClwScope scope)
{
  switch (scope)
    {
    case CLW_SCOPE_HEALTH_BOARD:
      return "SELECT id FROM cluster WHERE health_board_id = ?1";
    case CLW_SCOPE_CLUSTER:
      return "SELECT ?1";
    case CLW_SCOPE_PRACTICE:
      /* A practice is always evaluated with its whole cluster: its buddy's
       * attendance counts for it. */
      return "SELECT cluster_id FROM practice WHERE id = ?1";
    case CLW_SCOPE_ALL:
    default:
      return "SELECT id FROM cluster";
    }
}

/* Prepare @template for the scope and bind what every query may use:
 * ?1 the scope's id, ?2 the cycle's first day, ?3 the day after its last,
 * ?4 the cycle's id, ?5 and ?6 the dates of the evidence read.
 * @CLUSTERS@ becomes the clusters of the scope; "@IN_CLUSTERS(column)@"
 * a condition that the column is one of them (always true for all of
 * Wales); @IN_SCOPE@ a join that keeps the rows whose @practice_column is
 * a practice of the scope (none for all of Wales, where every practice is). */
static ClwStmt *
engine_prepare (Engine      *self,
                const char  *template,
                const char  *practice_column,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new (template);
  const char *params[] = {
    self->scope_id, self->start_iso, self->end_next_iso, self->cycle_id,
    self->evidence_from_iso, self->evidence_to_iso,
  };
  ClwStmt *stmt;
  int n;

  if (practice_column != NULL && self->scope != CLW_SCOPE_ALL)
    {
      g_autofree char *join = g_strdup_printf ("JOIN practice scope_p ON scope_p.id = %s "
                                               "AND scope_p.cluster_id IN (@CLUSTERS@)",
                                               practice_column);
      g_string_replace (sql, "@IN_SCOPE@", join, 0);
    }
  else
    g_string_replace (sql, "@IN_SCOPE@", "", 0);

  for (char *start; (start = strstr (sql->str, "@IN_CLUSTERS(")) != NULL;)
    {
      const char *column = start + strlen ("@IN_CLUSTERS(");
      const char *end = strstr (column, ")@");
      g_autofree char *condition = NULL;
      gssize pos = start - sql->str;

      g_assert (end != NULL);
      if (self->scope == CLW_SCOPE_ALL)
        condition = g_strdup ("1");
      else
        condition = g_strdup_printf ("%.*s IN (@CLUSTERS@)", (int) (end - column), column);
      g_string_erase (sql, pos, end + 2 - start);
      g_string_insert (sql, pos, condition);
    }
  g_string_replace (sql, "@CLUSTERS@", scope_clusters (self->scope), 0);
  g_string_replace (sql, "@EXPLICIT@",
                    self->scope == CLW_SCOPE_CLUSTER || self->scope == CLW_SCOPE_PRACTICE ? "1" : "0", 0);

  stmt = _clw_database_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  n = MIN (sqlite3_bind_parameter_count (stmt), (int) G_N_ELEMENTS (params));
  for (int i = 0; i < n; i++)
    _clw_bind_text (stmt, i + 1, params[i]);

  return stmt;
}

static gboolean
engine_check_cancelled (Engine  *self,
                        GError **error)
{
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static gboolean
load_cycle (Engine      *self,
            const char  *cycle_code,
            GError     **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = _clw_database_prepare (self->db,
                                "SELECT id, starts_on, ends_on, pence_per_point FROM cycle WHERE code = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, cycle_code);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no QAIF cycle “%s” in the database. Choose one of the "
                     "cycles it lists, or import the reference data of that cycle."),
                   cycle_code);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _clw_database_set_error (self->db, rc, _("reading the QAIF cycle"), error);

  self->cycle_id = _clw_column_dup (stmt, 0);
  self->cycle_code = g_strdup (cycle_code);
  self->start = parse_day (_clw_column_text (stmt, 1));
  self->end = parse_day (_clw_column_text (stmt, 2));
  self->pence_per_point = sqlite3_column_int (stmt, 3);

  if (self->start == 0 || self->end == 0 || self->end < self->start)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("The QAIF cycle “%s” has no valid dates (%s to %s). Correct the "
                     "cycle in the reference data."),
                   cycle_code, _clw_column_text (stmt, 1), _clw_column_text (stmt, 2));
      return FALSE;
    }

  self->start_iso = iso_from_day (self->start);
  self->end_next_iso = iso_from_day (self->end + 1);
  return TRUE;
}

static gboolean
load_indicators (Engine  *self,
                 GError **error)
{
  const char *params[] = { self->cycle_id, NULL };
  g_autoptr(ClwStmt) stmt = NULL;
  guint32 last_due = self->end;
  guint n;
  int rc;

  self->indicator_list = clw_record_list (self->db, CLW_TYPE_INDICATOR, "cycle_id = ?", params, error);
  if (self->indicator_list == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->indicator_list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicator_list), i);
      Indicator entry = { 0 };

      entry.id = clw_record_get_id (CLW_RECORD (indicator));
      entry.code = clw_indicator_get_code (indicator);
      entry.rule = clw_indicator_get_rule (indicator);
      entry.scoring = clw_indicator_get_scoring (indicator);
      entry.points = clw_indicator_get_points (indicator);
      entry.threshold = clw_indicator_get_threshold (indicator);
      entry.risk_window_days = clw_indicator_get_risk_window_days (indicator);
      g_array_append_val (self->indicators, entry);
    }

  for (guint i = 0; i < self->indicators->len; i++)
    if (g_array_index (self->indicators, Indicator, i).rule == CLW_INDICATOR_RULE_ATTENDANCE)
      {
        self->attendance = &g_array_index (self->indicators, Indicator, i);
        break;
      }

  stmt = _clw_database_prepare (self->db,
                                "SELECT indicator_id, kind, due_on, blocking, description "
                                "FROM evidence_requirement WHERE cycle_id = ?1 "
                                "ORDER BY due_on, kind, id",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, self->cycle_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Requirement *requirement = g_new0 (Requirement, 1);

      requirement->indicator_id = _clw_column_dup (stmt, 0);
      requirement->kind = enum_value (self->evidence_kind_class, _clw_column_text (stmt, 1),
                                      CLW_EVIDENCE_KIND_OTHER);
      requirement->due_on = g_ref_string_new (_clw_column_text (stmt, 2) != NULL
                                              ? _clw_column_text (stmt, 2) : "");
      requirement->due = parse_day (requirement->due_on);
      if (requirement->due == 0)
        requirement->due = self->end;
      requirement->blocking = sqlite3_column_int (stmt, 3) != 0;
      requirement->description = g_ref_string_new (_clw_column_text (stmt, 4) != NULL
                                                   ? _clw_column_text (stmt, 4) : "");
      last_due = MAX (last_due, requirement->due);
      g_ptr_array_add (self->requirements, requirement);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the evidence the cycle requires"), error);

  self->evidence_from_iso = iso_from_day (self->start > EVIDENCE_LOOKBACK_DAYS
                                          ? self->start - EVIDENCE_LOOKBACK_DAYS : 1);
  self->evidence_to_iso = iso_from_day (last_due);
  return TRUE;
}

static gboolean
load_clusters (Engine  *self,
               GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  /* Clusters are dated: a health board or all of Wales lists those that
   * existed during the cycle, and any that still has practices. */
  stmt = engine_prepare (self,
                         "SELECT c.id, c.name, c.health_board_id, h.name, "
                         "  (SELECT g.id FROM collaborative g "
                         "   WHERE g.cluster_id = c.id AND g.profession = 'gp') "
                         "FROM cluster c JOIN health_board h ON h.id = c.health_board_id "
                         "WHERE c.id IN (@CLUSTERS@) "
                         "AND (@EXPLICIT@ "
                         "     OR (c.valid_from < ?3 AND (c.valid_to IS NULL OR c.valid_to >= ?2)) "
                         "     OR EXISTS (SELECT 1 FROM practice p WHERE p.cluster_id = c.id)) "
                         "ORDER BY h.name, c.name, c.id",
                         NULL, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Cluster *cluster = g_new0 (Cluster, 1);

      cluster->id = intern (self, stmt, 0);
      cluster->name = intern (self, stmt, 1);
      cluster->health_board_id = intern (self, stmt, 2);
      cluster->health_board_name = intern (self, stmt, 3);
      cluster->collaborative_id = intern (self, stmt, 4);
      cluster->meetings = g_ptr_array_new ();
      cluster->practices = g_ptr_array_new ();
      g_ptr_array_add (self->clusters, cluster);
      g_hash_table_insert (self->cluster_by_id, (gpointer) cluster->id, cluster);
      if (cluster->collaborative_id != NULL)
        g_hash_table_insert (self->cluster_by_collaborative, (gpointer) cluster->collaborative_id, cluster);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the clusters"), error);

  return TRUE;
}

static gboolean
load_practices (Engine  *self,
                GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = engine_prepare (self,
                         "SELECT id, cluster_id, code, name, partners, list_size, sustainability_issues "
                         "FROM practice WHERE @IN_CLUSTERS(cluster_id)@ ORDER BY code, id",
                         NULL, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Cluster *cluster = g_hash_table_lookup (self->cluster_by_id, _clw_column_text (stmt, 1));
      Practice *practice;

      if (cluster == NULL)
        continue;

      practice = g_new0 (Practice, 1);
      practice->id = intern (self, stmt, 0);
      practice->cluster = cluster;
      practice->code = intern (self, stmt, 2);
      practice->name = intern (self, stmt, 3);
      practice->partners = sqlite3_column_int (stmt, 4);
      practice->list_size = sqlite3_column_int (stmt, 5);
      practice->sustainability_issues = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (self->practices, practice);
      g_ptr_array_add (cluster->practices, practice);
      g_hash_table_insert (self->practice_by_id, (gpointer) practice->id, practice);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the practices"), error);

  return TRUE;
}

#define MEETINGS_OF_SCOPE \
  "JOIN meeting m ON m.id = x.meeting_id " \
  "JOIN collaborative g ON g.id = m.collaborative_id " \
  "WHERE g.profession = 'gp' AND @IN_CLUSTERS(g.cluster_id)@ " \
  "AND m.starts_at >= ?2 AND m.starts_at < ?3"

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  const Meeting *first = *(const Meeting * const *) a;
  const Meeting *second = *(const Meeting * const *) b;
  int cmp = strcmp (first->starts_at, second->starts_at);

  return cmp != 0 ? cmp : strcmp (first->id, second->id);
}

/* The GP Collaborative meetings of the cycle, by date in each cluster.
 *
 * For all of Wales the whole meeting table is read: following the index
 * from each collaborative costs a B-tree search and a row lookup per
 * meeting, several times what reading a row in order costs. Counting the
 * GP meetings of every year on the way tells how much of the attendance
 * and engagement tables the cycle makes up, and so whether to read those
 * in order too (see load_attendance()). */
static gboolean
load_meetings (Engine  *self,
               GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  gboolean scan = self->scope == CLW_SCOPE_ALL;
  guint n_gp_meetings = 0;
  int rc;

  if (scan)
    stmt = engine_prepare (self,
                           "SELECT m.id, m.collaborative_id, m.starts_at, m.status FROM meeting m",
                           NULL, error);
  else
    stmt = engine_prepare (self,
                           "SELECT m.id, m.collaborative_id, m.starts_at, m.status "
                           "FROM meeting m JOIN collaborative g ON g.id = m.collaborative_id "
                           "WHERE g.profession = 'gp' AND @IN_CLUSTERS(g.cluster_id)@ "
                           "AND m.starts_at >= ?2 AND m.starts_at < ?3",
                           NULL, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Cluster *cluster = g_hash_table_lookup (self->cluster_by_collaborative, _clw_column_text (stmt, 1));
      const char *starts_at = _clw_column_text (stmt, 2);
      guint32 day;
      Meeting *meeting;

      if (cluster == NULL)
        continue;
      n_gp_meetings++;

      day = parse_day (starts_at);
      if (day < self->start || day > self->end)
        continue;

      meeting = g_new0 (Meeting, 1);
      meeting->id = g_ref_string_new (_clw_column_text (stmt, 0));
      meeting->starts_at = g_ref_string_new (starts_at);
      meeting->day = day;
      meeting->status = enum_value (self->meeting_status_class, _clw_column_text (stmt, 3),
                                    CLW_MEETING_STATUS_PLANNED);
      meeting->cluster = cluster;
      g_ptr_array_add (self->meetings, meeting);
      g_ptr_array_add (cluster->meetings, meeting);
      g_hash_table_insert (self->meeting_by_id, meeting->id, meeting);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the meetings"), error);

  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (self->clusters, i);

      g_ptr_array_sort (cluster->meetings, compare_meetings);
      for (guint j = 0; j < cluster->meetings->len; j++)
        ((Meeting *) g_ptr_array_index (cluster->meetings, j))->index = j;
      cluster->counted = g_new0 (int, MAX (cluster->meetings->len, 1));
    }

  /* Reading a row in order costs about a third of following the index to
   * it: scan when the cycle holds a third or more of the GP meetings kept. */
  self->scan_meeting_rows = scan && self->meetings->len * 3 >= n_gp_meetings;

  return TRUE;
}
/* The practice of a row, or NULL when it is not in the evaluation. The
 * rows of a practice usually come together: the last one is tried first. */
static Practice *
lookup_practice (Engine     *self,
                 const char *practice_id)
{
  if (practice_id == NULL)
    return NULL;
  if (self->last_practice == NULL || strcmp (self->last_practice->id, practice_id) != 0)
    self->last_practice = g_hash_table_lookup (self->practice_by_id, practice_id);
  return self->last_practice;
}

/* The practice and the meeting of a row, when both are in the evaluation
 * and the practice is a member of the meeting's collaborative. Rows of a
 * meeting come together: the last meeting found is tried first. */
static gboolean
lookup_practice_meeting (Engine      *self,
                         ClwStmt     *stmt,
                         int          practice_column,
                         int          meeting_column,
                         Practice   **practice,
                         Meeting    **meeting)
{
  const char *meeting_id = _clw_column_text (stmt, meeting_column);
  const char *practice_id;
  GPtrArray *practices;

  *practice = NULL;
  if (meeting_id == NULL)
    return FALSE;
  if (self->last_meeting == NULL || strcmp (self->last_meeting->id, meeting_id) != 0)
    self->last_meeting = g_hash_table_lookup (self->meeting_by_id, meeting_id);
  *meeting = self->last_meeting;
  if (*meeting == NULL)
    return FALSE;

  /* A handful of practices per cluster, whose ids differ in their first
   * characters: quicker than hashing the id. */
  practice_id = _clw_column_text (stmt, practice_column);
  practices = (*meeting)->cluster->practices;
  for (guint i = 0; practice_id != NULL && i < practices->len; i++)
    {
      Practice *candidate = g_ptr_array_index (practices, i);

      if (strcmp (candidate->id, practice_id) == 0)
        {
          *practice = candidate;
          return TRUE;
        }
    }

  return FALSE;
}
static gboolean
load_attendance (Engine  *self,
                 GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  if (self->scan_meeting_rows)
    stmt = engine_prepare (self,
                           "SELECT x.meeting_id, x.practice_id, x.status, x.representative_name, "
                           "x.representative_role FROM attendance x",
                           NULL, error);
  else
    stmt = engine_prepare (self,
                           "SELECT x.meeting_id, x.practice_id, x.status, x.representative_name, "
                           "x.representative_role FROM attendance x " MEETINGS_OF_SCOPE,
                           NULL, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Practice *practice;
      Meeting *meeting;
      Attendance *attendance;

      if (!lookup_practice_meeting (self, stmt, 1, 0, &practice, &meeting))
        continue;

      if (practice->attendance == NULL)
        practice->attendance = g_new0 (Attendance, practice->cluster->meetings->len);

      attendance = &practice->attendance[meeting->index];
      attendance->recorded = TRUE;
      attendance->status = enum_value (self->attendance_status_class, _clw_column_text (stmt, 2),
                                       CLW_ATTENDANCE_STATUS_ABSENT);
      if (attendance->status == CLW_ATTENDANCE_STATUS_ATTENDED)
        {
          attendance->name = g_string_chunk_insert (self->strings,
                                                    _clw_column_text (stmt, 3) != NULL
                                                    ? _clw_column_text (stmt, 3) : "");
          attendance->role = enum_value (self->role_class, _clw_column_text (stmt, 4), -1);
        }
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the attendance"), error);

  return TRUE;
}

static gboolean
load_engagement (Engine  *self,
                 GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  if (self->scan_meeting_rows)
    stmt = engine_prepare (self,
                           "SELECT x.meeting_id, x.practice_id, x.kind FROM buddy_engagement x",
                           NULL, error);
  else
    stmt = engine_prepare (self,
                           "SELECT x.meeting_id, x.practice_id, x.kind FROM buddy_engagement x "
                           MEETINGS_OF_SCOPE,
                           NULL, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Practice *practice;
      Meeting *meeting;

      if (!lookup_practice_meeting (self, stmt, 1, 0, &practice, &meeting))
        continue;

      if (practice->engagement == NULL)
        practice->engagement = g_new0 (guint8, practice->cluster->meetings->len);

      /* Every kind recorded for the meeting, as bits: the reason names
       * e-mail participation when there is some. */
      practice->engagement[meeting->index] |=
        1 << enum_value (self->engagement_kind_class, _clw_column_text (stmt, 2),
                         CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the buddy engagement"), error);

  return TRUE;
}

static gboolean
load_representations (Engine  *self,
                      GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = engine_prepare (self,
                         "SELECT r.practice_id, r.kind, r.meeting_id, r.status, r.starts_on, "
                         "r.ends_on, r.requested_on, r.decision_on "
                         "FROM representation r @IN_SCOPE@ ORDER BY r.requested_on, r.id",
                         "r.practice_id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Practice *practice = lookup_practice (self, _clw_column_text (stmt, 0));
      Representation representation = { 0 };
      const char *meeting_id = _clw_column_text (stmt, 2);

      if (practice == NULL)
        continue;

      representation.kind = enum_value (self->representation_kind_class, _clw_column_text (stmt, 1),
                                        CLW_REPRESENTATION_KIND_ALTERNATIVE);
      if (meeting_id != NULL)
        representation.meeting = g_hash_table_lookup (self->meeting_by_id, meeting_id);
      representation.status = enum_value (self->arrangement_status_class, _clw_column_text (stmt, 3),
                                          CLW_ARRANGEMENT_STATUS_REQUESTED);
      representation.starts = parse_day (_clw_column_text (stmt, 4));
      representation.ends = parse_day (_clw_column_text (stmt, 5));
      representation.decision = parse_day (_clw_column_text (stmt, 7));

      if (representation.status == CLW_ARRANGEMENT_STATUS_REQUESTED)
        {
          guint32 requested = parse_day (_clw_column_text (stmt, 6));

          if (requested != 0 && requested <= self->as_of)
            practice->cluster->pending_requests++;
        }

      if (practice->representations == NULL)
        practice->representations = g_array_new (FALSE, FALSE, sizeof (Representation));
      g_array_append_val (practice->representations, representation);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the representation arrangements"), error);

  return TRUE;
}

static gboolean
load_buddies (Engine  *self,
              GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = engine_prepare (self,
                         "SELECT b.small_practice_id, b.buddy_practice_id, q.code, b.status, "
                         "b.starts_on, b.ends_on, b.requested_on, b.decision_on "
                         "FROM buddy_arrangement b @IN_SCOPE@ "
                         "JOIN practice q ON q.id = b.buddy_practice_id "
                         "ORDER BY b.starts_on, b.id",
                         "b.small_practice_id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Practice *practice = lookup_practice (self, _clw_column_text (stmt, 0));
      BuddyArrangement arrangement = { 0 };

      if (practice == NULL)
        continue;

      arrangement.buddy_id = intern (self, stmt, 1);
      arrangement.buddy_code = intern (self, stmt, 2);
      arrangement.status = enum_value (self->arrangement_status_class, _clw_column_text (stmt, 3),
                                       CLW_ARRANGEMENT_STATUS_REQUESTED);
      arrangement.starts = parse_day (_clw_column_text (stmt, 4));
      arrangement.ends = parse_day (_clw_column_text (stmt, 5));
      arrangement.decision = parse_day (_clw_column_text (stmt, 7));

      if (arrangement.status == CLW_ARRANGEMENT_STATUS_REQUESTED)
        {
          guint32 requested = parse_day (_clw_column_text (stmt, 6));

          if (requested != 0 && requested <= self->as_of)
            practice->cluster->pending_requests++;
        }

      if (practice->buddies == NULL)
        practice->buddies = g_array_new (FALSE, FALSE, sizeof (BuddyArrangement));
      g_array_append_val (practice->buddies, arrangement);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the buddy arrangements"), error);

  return TRUE;
}

static gboolean
load_evidence (Engine  *self,
               GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = engine_prepare (self,
                         "SELECT e.practice_id, e.kind, e.evidence_on FROM evidence e @IN_SCOPE@ "
                         "WHERE e.practice_id IS NOT NULL "
                         "AND e.evidence_on >= ?5 AND e.evidence_on <= ?6",
                         "e.practice_id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Practice *practice = lookup_practice (self, _clw_column_text (stmt, 0));
      Evidence evidence = { 0 };

      if (practice == NULL)
        continue;

      evidence.kind = enum_value (self->evidence_kind_class, _clw_column_text (stmt, 1),
                                  CLW_EVIDENCE_KIND_OTHER);
      evidence.day = parse_day (_clw_column_text (stmt, 2));
      /* What was recorded with a date after the as-of date did not exist yet. */
      if (evidence.day == 0 || evidence.day > self->as_of)
        continue;

      if (practice->evidence == NULL)
        practice->evidence = g_array_new (FALSE, FALSE, sizeof (Evidence));
      g_array_append_val (practice->evidence, evidence);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the evidence"), error);

  return TRUE;
}

static gboolean
load_contributions (Engine  *self,
                    GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = engine_prepare (self,
                         "SELECT c.practice_id, c.status, c.submitted_on, s.kind, s.status "
                         "FROM imtp_contribution c @IN_SCOPE@ "
                         "LEFT JOIN imtp_section s ON s.contribution_id = c.id "
                         "WHERE c.cycle_id = ?4",
                         "c.practice_id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Practice *practice = lookup_practice (self, _clw_column_text (stmt, 0));
      int kind;

      if (practice == NULL)
        continue;

      practice->has_contribution = TRUE;
      practice->contribution_status = enum_value (self->contribution_status_class,
                                                  _clw_column_text (stmt, 1),
                                                  CLW_CONTRIBUTION_STATUS_DRAFT);
      practice->submitted = parse_day (_clw_column_text (stmt, 2));

      kind = enum_value (self->section_kind_class, _clw_column_text (stmt, 3), -1);
      if (kind >= 0 && kind < CLW_N_IMTP_SECTION_KINDS)
        practice->sections[kind] = enum_value (self->section_status_class, _clw_column_text (stmt, 4),
                                               CLW_SECTION_STATUS_NOT_STARTED);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self->db, rc, _("reading the IMTP contributions"), error);

  return TRUE;
}

/* Attendance: whose attendance counts at a meeting ------------------------------ */

/* What the health board agreed about a practice's representative at a
 * meeting, from the least to the most favourable. */
typedef enum
{
  AGREEMENT_NONE,
  AGREEMENT_BEFORE_START,   /* an agreed arrangement that started after the meeting */
  AGREEMENT_AFTER_END,      /* an agreed arrangement that ended before the meeting */
  AGREEMENT_REFUSED,
  AGREEMENT_PENDING,        /* requested, not decided before the meeting */
  AGREEMENT_LATE,           /* agreed after the meeting */
  AGREEMENT_STANDING,       /* a practice manager arrangement in force */
  AGREEMENT_ALTERNATIVE,    /* agreed for this meeting before it */
} Agreement;

static gboolean
is_decided_agreement (ClwArrangementStatus status,
                      guint32              decision)
{
  return (status == CLW_ARRANGEMENT_STATUS_AGREED || status == CLW_ARRANGEMENT_STATUS_ENDED) &&
         decision != 0;
}

static Agreement
decision_at (ClwArrangementStatus status,
             guint32              decision,
             guint32              day,
             Agreement            agreed)
{
  if (is_decided_agreement (status, decision))
    return decision <= day ? agreed : AGREEMENT_LATE;
  if (status == CLW_ARRANGEMENT_STATUS_REFUSED && decision != 0)
    return AGREEMENT_REFUSED;
  /* Requested, or a decision with no date: nothing agreed before the meeting. */
  return AGREEMENT_PENDING;
}

/* The health board's agreement for @practice's representative at @meeting:
 * an alternative representative for that meeting, or (when @standing) a
 * practice manager arrangement. A decision dated on the meeting day is in
 * time; the day after is not. */
static Agreement
find_agreement (Practice              *practice,
                Meeting               *meeting,
                gboolean               standing,
                const Representation **found)
{
  Agreement best = AGREEMENT_NONE;

  *found = NULL;
  if (practice->representations == NULL)
    return AGREEMENT_NONE;

  for (guint i = 0; i < practice->representations->len; i++)
    {
      const Representation *r = &g_array_index (practice->representations, Representation, i);
      Agreement agreement = AGREEMENT_NONE;

      if (r->kind == CLW_REPRESENTATION_KIND_ALTERNATIVE)
        {
          if (r->meeting != meeting)
            continue;
          agreement = decision_at (r->status, r->decision, meeting->day, AGREEMENT_ALTERNATIVE);
        }
      else if (standing)
        {
          gboolean covers = r->starts != 0 && r->starts <= meeting->day &&
                            (r->ends == 0 || meeting->day <= r->ends);

          if (covers)
            agreement = decision_at (r->status, r->decision, meeting->day, AGREEMENT_STANDING);
          else if (is_decided_agreement (r->status, r->decision) && r->decision <= meeting->day)
            agreement = r->starts > meeting->day ? AGREEMENT_BEFORE_START : AGREEMENT_AFTER_END;
        }

      if (agreement > best)
        {
          best = agreement;
          *found = r;
        }
    }

  return best;
}

/* Who attended, when the role needs the health board's agreement. */
static char *
describe_representative (Engine           *self,
                         const Attendance *attendance)
{
  const char *name = attendance->name != NULL && *attendance->name != '\0'
                     ? attendance->name : tr (self, N_("name not recorded"));

  switch (attendance->role)
    {
    case CLW_REPRESENTATIVE_ROLE_PRACTICE_MANAGER:
      /* TRANSLATORS: follows "Attended by"; %s is the person's name */
      return g_strdup_printf (tr (self, N_("the practice manager (%s)")), name);
    case CLW_REPRESENTATIVE_ROLE_SENIOR_ADMINISTRATOR:
      /* TRANSLATORS: follows "Attended by"; %s is the person's name */
      return g_strdup_printf (tr (self, N_("a senior administrator (%s)")), name);
    case CLW_REPRESENTATIVE_ROLE_OTHER:
      /* TRANSLATORS: follows "Attended by"; %s is the person's name */
      return g_strdup_printf (tr (self, N_("a representative in another role (%s)")), name);
    default:
      /* TRANSLATORS: follows "Attended by"; %s is the person's name */
      return g_strdup_printf (tr (self, N_("a representative whose role is not recorded (%s)")), name);
    }
}

typedef enum
{
  OWN_NOT_ATTENDED,
  OWN_NOT_COUNTED,   /* someone attended, but it does not count */
  OWN_COUNTED,
} OwnAttendance;

/* Rules 1 to 3: whether the practice's own representative counts at
 * @meeting; the reason in @reason when it is not NULL. */
static OwnAttendance
evaluate_own (Engine   *self,
              Practice *practice,
              Meeting  *meeting,
              char    **reason)
{
  const Attendance *attendance = practice->attendance != NULL
                                 ? &practice->attendance[meeting->index] : NULL;
  g_autofree char *who = NULL;
  const Representation *representation = NULL;
  Agreement agreement;
  gboolean standing;

  if (attendance == NULL || !attendance->recorded ||
      attendance->status != CLW_ATTENDANCE_STATUS_ATTENDED)
    {
      if (reason != NULL)
        {
          if (attendance == NULL || !attendance->recorded)
            *reason = g_strdup (tr (self, N_("Not represented.")));
          else if (attendance->status == CLW_ATTENDANCE_STATUS_APOLOGIES)
            *reason = g_strdup (tr (self, N_("Sent apologies; not counted.")));
          else
            *reason = g_strdup (tr (self, N_("Recorded as absent; not counted.")));
        }
      return OWN_NOT_ATTENDED;
    }

  if (attendance->role >= 0 && clw_representative_role_is_clinical (attendance->role))
    {
      if (reason != NULL)
        {
          const char *name = attendance->name != NULL && *attendance->name != '\0'
                             ? attendance->name : tr (self, N_("name not recorded"));

          /* The most common outcome by far: one sentence per role. */
          if (attendance->role == CLW_REPRESENTATIVE_ROLE_CLINICAL_PARTNER)
            *reason = g_strdup_printf (tr (self, N_("Attended by a clinical partner (%s).")), name);
          else if (attendance->role == CLW_REPRESENTATIVE_ROLE_SALARIED_GP)
            *reason = g_strdup_printf (tr (self, N_("Attended by a salaried GP (%s).")), name);
          else
            *reason = g_strdup_printf (tr (self, N_("Attended by a senior clinician of the practice "
                                                    "(%s).")),
                                       name);
        }
      return OWN_COUNTED;
    }

  /* A practice manager or senior administrator may attend under a standing
   * arrangement; anyone else only as an alternative representative agreed
   * for the meeting. */
  standing = attendance->role == CLW_REPRESENTATIVE_ROLE_PRACTICE_MANAGER ||
             attendance->role == CLW_REPRESENTATIVE_ROLE_SENIOR_ADMINISTRATOR;
  agreement = find_agreement (practice, meeting, standing, &representation);

  if (reason == NULL)
    return agreement >= AGREEMENT_STANDING ? OWN_COUNTED : OWN_NOT_COUNTED;

  who = describe_representative (self, attendance);
  switch (agreement)
    {
    case AGREEMENT_ALTERNATIVE:
      *reason = g_strdup_printf (tr (self, N_("Attended by %s, with the health board's prior agreement "
                                              "of %s for this meeting.")),
                                 who, engine_date (self, representation->decision));
      return OWN_COUNTED;

    case AGREEMENT_STANDING:
      *reason = g_strdup_printf (tr (self, N_("Attended by %s, under the arrangement the health board "
                                              "agreed on %s.")),
                                 who, engine_date (self, representation->decision));
      return OWN_COUNTED;

    case AGREEMENT_LATE:
      *reason = g_strdup_printf (tr (self, N_("Attended by %s, but the health board agreed only on %s, "
                                              "after the meeting; not counted.")),
                                 who, engine_date (self, representation->decision));
      return OWN_NOT_COUNTED;

    case AGREEMENT_PENDING:
      *reason = g_strdup_printf (tr (self, N_("Attended by %s, but the health board had not agreed the "
                                              "request before the meeting; not counted.")),
                                 who);
      return OWN_NOT_COUNTED;

    case AGREEMENT_REFUSED:
      *reason = g_strdup_printf (tr (self, N_("Attended by %s, but the health board refused the request "
                                              "on %s; not counted.")),
                                 who, engine_date (self, representation->decision));
      return OWN_NOT_COUNTED;

    case AGREEMENT_BEFORE_START:
      *reason = g_strdup_printf (tr (self, N_("Attended by %s before the arrangement agreed by the health "
                                              "board started on %s; not counted.")),
                                 who, engine_date (self, representation->starts));
      return OWN_NOT_COUNTED;

    case AGREEMENT_AFTER_END:
      *reason = g_strdup_printf (tr (self, N_("Attended by %s after the arrangement agreed by the health "
                                              "board ended on %s; not counted.")),
                                 who, engine_date (self, representation->ends));
      return OWN_NOT_COUNTED;

    case AGREEMENT_NONE:
    default:
      *reason = g_strdup_printf (tr (self, N_("Attended by %s without the health board's prior agreement; "
                                              "not counted.")),
                                 who);
      return OWN_NOT_COUNTED;
    }
}

typedef enum
{
  BUDDY_NONE,
  BUDDY_ENDED,      /* an agreed arrangement that ended before the meeting */
  BUDDY_LATE,       /* agreed after the meeting */
  BUDDY_IN_FORCE,
} BuddyState;

/* The buddy arrangement of @practice (as the small practice) at @day. */
static BuddyState
find_buddy (Practice                *practice,
            guint32                  day,
            const BuddyArrangement **found)
{
  BuddyState best = BUDDY_NONE;

  *found = NULL;
  if (practice->buddies == NULL)
    return BUDDY_NONE;

  for (guint i = 0; i < practice->buddies->len; i++)
    {
      const BuddyArrangement *a = &g_array_index (practice->buddies, BuddyArrangement, i);
      BuddyState state = BUDDY_NONE;
      gboolean covers;

      if (!is_decided_agreement (a->status, a->decision))
        continue;

      covers = a->starts != 0 && a->starts <= day && (a->ends == 0 || day <= a->ends);
      if (covers)
        state = a->decision <= day ? BUDDY_IN_FORCE : BUDDY_LATE;
      else if (a->ends != 0 && a->ends < day)
        state = BUDDY_ENDED;

      if (state > best || (state == BUDDY_ENDED && best == BUDDY_ENDED && a->ends > (*found)->ends))
        {
          best = state;
          *found = a;
        }
    }

  return best;
}

/* Rule 4, on top of rules 1 to 3: a practice whose own attendance does not
 * count is represented through its buddy when an arrangement is in force,
 * the buddy's own attendance counts and the practice's engagement is
 * recorded against the meeting. */
static gboolean
evaluate_held_meeting (Engine    *self,
                       Practice  *practice,
                       Meeting   *meeting,
                       char     **reason,
                       char     **warning)
{
  g_autofree char *own_reason = NULL;
  const BuddyArrangement *arrangement = NULL;
  OwnAttendance own;
  BuddyState state;
  Practice *buddy;
  guint8 engagement;

  own = evaluate_own (self, practice, meeting, &own_reason);
  if (own == OWN_COUNTED)
    {
      *reason = g_steal_pointer (&own_reason);
      return TRUE;
    }

  state = find_buddy (practice, meeting->day, &arrangement);
  buddy = arrangement != NULL ? g_hash_table_lookup (self->practice_by_id, arrangement->buddy_id) : NULL;
  if (buddy == NULL || buddy->cluster != meeting->cluster ||
      evaluate_own (self, buddy, meeting, NULL) != OWN_COUNTED)
    {
      if (state == BUDDY_IN_FORCE)
        /* TRANSLATORS: the first %s is the practice's own attendance, as
         * "Sent apologies; not counted."; the second a practice code */
        *reason = g_strdup_printf (tr (self, N_("%s Its buddy %s was not represented either.")),
                                   own_reason, arrangement->buddy_code);
      else
        *reason = g_steal_pointer (&own_reason);
      if (own == OWN_NOT_COUNTED)
        *warning = g_strdup (*reason);
      return FALSE;
    }

  switch (state)
    {
    case BUDDY_IN_FORCE:
      engagement = practice->engagement != NULL ? practice->engagement[meeting->index] : 0;
      if (engagement & (1 << CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION))
        {
          *reason = g_strdup_printf (tr (self, N_("Represented through its buddy %s, with e-mail "
                                                  "participation recorded.")),
                                     arrangement->buddy_code);
          return TRUE;
        }
      if (engagement != 0)
        {
          *reason = g_strdup_printf (tr (self, N_("Represented through its buddy %s, with comments fed to "
                                                  "the buddy practice recorded.")),
                                     arrangement->buddy_code);
          return TRUE;
        }
      *reason = g_strdup_printf (tr (self, N_("Its buddy %s attended, but no e-mail participation or "
                                              "comments from the practice are recorded for this meeting; "
                                              "not counted.")),
                                 arrangement->buddy_code);
      *warning = g_strdup (*reason);
      return FALSE;

    case BUDDY_LATE:
      *reason = g_strdup_printf (tr (self, N_("%s Its buddy %s attended, but the health board agreed the "
                                              "buddy arrangement only on %s, after the meeting.")),
                                 own_reason, arrangement->buddy_code,
                                 engine_date (self, arrangement->decision));
      break;

    case BUDDY_ENDED:
      *reason = g_strdup_printf (tr (self, N_("%s Its buddy %s attended, but the buddy arrangement ended "
                                              "on %s.")),
                                 own_reason, arrangement->buddy_code,
                                 engine_date (self, arrangement->ends));
      break;

    case BUDDY_NONE:
    default:
      *reason = g_steal_pointer (&own_reason);
      break;
    }

  if (own == OWN_NOT_COUNTED)
    *warning = g_strdup (*reason);
  return FALSE;
}

typedef struct
{
  int        counted;    /* N: meetings that counted */
  int        held;       /* H: meetings held up to the as-of date */
  int        planned;    /* R: meetings planned after the as-of date */
  GPtrArray *lines;      /* "12 Jan 2022: reason" for the past meetings that did not count */
} Tally;

/* Every meeting of the practice's collaborative in the cycle, with its
 * outcome for the practice. */
static void
evaluate_meetings (Engine   *self,
                   Practice *practice,
                   Tally    *tally)
{
  Cluster *cluster = practice->cluster;

  for (guint i = 0; i < cluster->meetings->len; i++)
    {
      Meeting *meeting = g_ptr_array_index (cluster->meetings, i);
      gboolean in_future = meeting->day > self->as_of;
      gboolean counted = FALSE;
      char *reason = NULL;
      char *warning = NULL;

      if (meeting->status == CLW_MEETING_STATUS_CANCELLED)
        reason = g_strdup (tr (self, N_("Cancelled; does not count.")));
      else if (in_future || meeting->status == CLW_MEETING_STATUS_PLANNED)
        {
          /* Not held (yet): still warn about a representative recorded
           * beforehand, or at the meeting before it is marked as held. */
          const Attendance *attendance = practice->attendance != NULL
                                         ? &practice->attendance[i] : NULL;

          if (attendance != NULL && attendance->recorded &&
              attendance->status == CLW_ATTENDANCE_STATUS_ATTENDED)
            {
              char *own_reason = NULL;

              if (evaluate_own (self, practice, meeting, &own_reason) == OWN_NOT_COUNTED)
                warning = own_reason;
              else
                g_free (own_reason);
            }

          if (in_future)
            {
              tally->planned++;
              reason = g_strdup (tr (self, N_("Not held yet.")));
            }
          else
            {
              reason = g_strdup (tr (self, N_("Still marked as planned: record whether the meeting was held "
                                              "and who attended; not counted.")));
              g_ptr_array_add (tally->lines,
                               g_strdup_printf (tr (self, N_("%s: %s")),
                                                engine_date (self, meeting->day), reason));
            }
        }
      else
        {
          tally->held++;
          counted = evaluate_held_meeting (self, practice, meeting, &reason, &warning);
          if (counted)
            {
              tally->counted++;
              cluster->counted[i]++;
            }
          else
            /* TRANSLATORS: a meeting's date and what happened, as
             * "12 Jan 2022: Sent apologies; not counted." */
            g_ptr_array_add (tally->lines,
                             g_strdup_printf (tr (self, N_("%s: %s")),
                                              engine_date (self, meeting->day), reason));
        }

      _clw_practice_result_add_meeting (practice->result, meeting->id, meeting->starts_at,
                                        meeting->status, counted, in_future, reason, warning);
    }
}

static GStrv
steal_reasons (GPtrArray *reasons)
{
  g_ptr_array_add (reasons, NULL);
  return (GStrv) g_ptr_array_free (reasons, FALSE);
}

static void
evaluate_attendance (Engine          *self,
                     Practice        *practice,
                     const Indicator *indicator,
                     const Tally     *tally)
{
  GPtrArray *reasons = g_ptr_array_new ();
  int n = tally->counted;
  int t = MAX (indicator->threshold, 0);
  ClwVerdict verdict;
  int points;

  if (n <= t)
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("%d of %d meeting counted.",
                                                         "%d of %d meetings counted.", t),
                                               n, t));
  else
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("%d meeting counted; %d required.",
                                                         "%d meetings counted; %d required.", n),
                                               n, t));

  if (practice->cluster->collaborative_id == NULL)
    g_ptr_array_add (reasons, g_strdup (tr (self, N_("The cluster has no GP Collaborative recorded."))));

  if (n >= t)
    verdict = CLW_VERDICT_ACHIEVED;
  else if (self->as_of >= self->end)
    {
      verdict = CLW_VERDICT_NOT_ACHIEVED;
      if (tally->held < t)
        g_ptr_array_add (reasons,
                         g_strdup_printf (ngettext ("The collaborative held only %d meeting in "
                                                    "the cycle; %d are required.",
                                                    "The collaborative held only %d meetings in "
                                                    "the cycle; %d are required.", tally->held),
                                          tally->held, t));
    }
  else if (n + tally->planned >= t)
    {
      verdict = CLW_VERDICT_ON_TRACK;
      g_ptr_array_add (reasons,
                       g_strdup_printf (ngettext ("%d more meeting is planned before %s.",
                                                  "%d more meetings are planned before %s.",
                                                  tally->planned),
                                        tally->planned, engine_date (self, self->end)));
    }
  else
    {
      int more = t - n - tally->planned;

      verdict = CLW_VERDICT_AT_RISK;
      if (tally->planned == 0)
        g_ptr_array_add (reasons,
                         g_strdup_printf (tr (self, N_("No more meetings are planned before %s.")),
                                          engine_date (self, self->end)));
      else
        g_ptr_array_add (reasons,
                         g_strdup_printf (ngettext ("Only %d more meeting is planned before %s.",
                                                    "Only %d more meetings are planned before %s.",
                                                    tally->planned),
                                          tally->planned, engine_date (self, self->end)));
      g_ptr_array_add (reasons,
                       g_strdup_printf (ngettext ("%d more meeting must be planned and attended.",
                                                  "%d more meetings must be planned and attended.",
                                                  more),
                                        more));
    }

  for (guint i = 0; i < tally->lines->len; i++)
    g_ptr_array_add (reasons, g_strdup (g_ptr_array_index (tally->lines, i)));

  if (indicator->scoring == CLW_SCORING_PROPORTIONAL && t > 0)
    points = indicator->points * MIN (n, t) / t;
  else
    points = verdict == CLW_VERDICT_ACHIEVED ? indicator->points : 0;

  _clw_practice_result_add_indicator (practice->result, indicator->code, verdict, points,
                                      indicator->points, steal_reasons (reasons));
}

/* Evidence ---------------------------------------------------------------------- */

/* The latest evidence of @kind dated in [@from, @to], or 0. */
static guint32
find_evidence (Practice        *practice,
               ClwEvidenceKind  kind,
               guint32          from,
               guint32          to)
{
  guint32 found = 0;

  if (practice->evidence == NULL)
    return 0;

  for (guint i = 0; i < practice->evidence->len; i++)
    {
      const Evidence *evidence = &g_array_index (practice->evidence, Evidence, i);

      if (evidence->kind == kind && evidence->day >= from && evidence->day <= to)
        found = MAX (found, evidence->day);
    }

  return found;
}

/* The earliest evidence of @kind dated in [@from, @to], or 0. */
static guint32
find_earliest_evidence (Practice        *practice,
                        ClwEvidenceKind  kind,
                        guint32          from,
                        guint32          to)
{
  guint32 found = 0;

  if (practice->evidence == NULL)
    return 0;

  for (guint i = 0; i < practice->evidence->len; i++)
    {
      const Evidence *evidence = &g_array_index (practice->evidence, Evidence, i);

      if (evidence->kind == kind && evidence->day >= from && evidence->day <= to &&
          (found == 0 || evidence->day < found))
        found = evidence->day;
    }

  return found;
}

/* Whether @practice has the evidence @requirement asks for: dated in the
 * cycle, by the due date and by the as-of date. */
static guint32
requirement_met (Engine            *self,
                 Practice          *practice,
                 const Requirement *requirement)
{
  return find_evidence (practice, requirement->kind, self->start,
                        MIN (requirement->due, self->as_of));
}

typedef struct
{
  GPtrArray *missing;   /* owned: what is missing, and why evidence does not count */
  GPtrArray *met;       /* owned: the evidence that counts */
  guint      n_blocking;
  gboolean   all_met;
  gboolean   expired;   /* a blocking requirement's due date passed with nothing */
} EvidenceCheck;

/* The blocking evidence requirements of @indicator, for @practice. The
 * caller takes @check's arrays (see append_all()). */
static void
check_evidence (Engine          *self,
                Practice        *practice,
                const Indicator *indicator,
                EvidenceCheck   *check)
{
  check->missing = g_ptr_array_new_with_free_func (g_free);
  check->met = g_ptr_array_new_with_free_func (g_free);
  check->n_blocking = 0;
  check->all_met = TRUE;
  check->expired = FALSE;

  for (guint i = 0; i < self->requirements->len; i++)
    {
      const Requirement *requirement = g_ptr_array_index (self->requirements, i);
      const char *label = evidence_label (self, requirement->kind);
      guint32 day, before, after;

      if (!requirement->blocking || g_strcmp0 (requirement->indicator_id, indicator->id) != 0)
        continue;

      check->n_blocking++;
      day = requirement_met (self, practice, requirement);
      if (day != 0)
        {
          /* TRANSLATORS: a kind of evidence and its date, as
           * "Partnership working: evidence dated 3 Mar 2022." */
          g_ptr_array_add (check->met, g_strdup_printf (tr (self, N_("%s: evidence dated %s.")),
                                                        label, engine_date (self, day)));
          continue;
        }

      check->all_met = FALSE;
      if (requirement->due < self->as_of)
        {
          check->expired = TRUE;
          g_ptr_array_add (check->missing,
                           g_strdup_printf (tr (self, N_("Missing evidence: %s, due %s; the due date has "
                                                         "passed.")),
                                            label, engine_date (self, requirement->due)));
        }
      else
        g_ptr_array_add (check->missing,
                         g_strdup_printf (tr (self, N_("Missing evidence: %s, due %s.")),
                                          label, engine_date (self, requirement->due)));

      before = self->start > 1 ? find_evidence (practice, requirement->kind, 1, self->start - 1) : 0;
      if (before != 0)
        g_ptr_array_add (check->missing,
                         g_strdup_printf (tr (self, N_("%s: the evidence dated %s is from before the cycle, "
                                                       "which started on %s; it does not count.")),
                                          label, engine_date (self, before),
                                          engine_date (self, self->start)));

      after = find_earliest_evidence (practice, requirement->kind, requirement->due + 1, self->as_of);
      if (after != 0)
        g_ptr_array_add (check->missing,
                         g_strdup_printf (tr (self, N_("%s: the evidence dated %s is after its due "
                                                       "date of %s; it does not count.")),
                                          label, engine_date (self, after),
                                          engine_date (self, requirement->due)));
    }
}

/* Move the sentences of @lines to the end of @reasons; frees @lines. */
static void
append_all (GPtrArray *reasons,
            GPtrArray *lines)
{
  g_ptr_array_extend_and_steal (reasons, lines);
}

/* The verdict on something not achieved yet: final once the deadline has
 * passed, at risk inside the indicator's risk window, on track before. */
static ClwVerdict
pending_verdict (Engine          *self,
                 const Indicator *indicator,
                 gboolean         expired,
                 GPtrArray       *reasons)
{
  int days_left;

  if (expired || self->as_of >= self->end)
    return CLW_VERDICT_NOT_ACHIEVED;

  days_left = self->end - self->as_of;
  g_ptr_array_add (reasons,
                   g_strdup_printf (ngettext ("%d day left before the %s deadline.",
                                              "%d days left before the %s deadline.", days_left),
                                    days_left, engine_date (self, self->end)));

  return days_left <= indicator->risk_window_days ? CLW_VERDICT_AT_RISK : CLW_VERDICT_ON_TRACK;
}

/* Whether the practice had submitted its contribution by the as-of date:
 * a submission dated after it had not happened yet. */
static gboolean
contribution_submitted (Engine   *self,
                        Practice *practice)
{
  return practice->has_contribution &&
         practice->contribution_status == CLW_CONTRIBUTION_STATUS_SUBMITTED &&
         practice->submitted != 0 && practice->submitted <= self->as_of;
}

static void
evaluate_imtp (Engine          *self,
               Practice        *practice,
               const Indicator *indicator)
{
  GPtrArray *reasons = g_ptr_array_new ();
  EvidenceCheck check;
  g_autoptr(GString) incomplete = g_string_new (NULL);
  gboolean submitted, on_time, late, achieved, sections_complete = TRUE;
  ClwVerdict verdict;

  submitted = contribution_submitted (self, practice);
  on_time = submitted && practice->submitted <= self->end;
  late = submitted && !on_time;

  for (guint k = 0; k < CLW_N_IMTP_SECTION_KINDS; k++)
    if (practice->sections[k] != CLW_SECTION_STATUS_COMPLETE)
      {
        sections_complete = FALSE;
        if (incomplete->len > 0)
          /* TRANSLATORS: separates the names of IMTP sections in a list */
          g_string_append (incomplete, tr (self, N_(", ")));
        g_string_append (incomplete, clw_imtp_section_kind_to_label (k));
      }

  check_evidence (self, practice, indicator, &check);
  achieved = on_time && sections_complete && check.all_met;

  /* The headline: where the contribution stands. */
  if (achieved)
    g_ptr_array_add (reasons,
                     g_strdup_printf (tr (self, N_("Submitted on %s with all five sections complete and "
                                                   "the evidence required.")),
                                      engine_date (self, practice->submitted)));
  else if (late)
    g_ptr_array_add (reasons,
                     g_strdup_printf (tr (self, N_("Submitted on %s, after the %s deadline.")),
                                      engine_date (self, practice->submitted),
                                      engine_date (self, self->end)));
  else if (on_time)
    g_ptr_array_add (reasons,
                     g_strdup_printf (tr (self, N_("Submitted on %s, but not everything required is in "
                                                   "place.")),
                                      engine_date (self, practice->submitted)));
  else if (!practice->has_contribution && self->as_of >= self->end)
    g_ptr_array_add (reasons,
                     g_strdup_printf (tr (self, N_("No IMTP contribution was submitted by the %s "
                                                   "deadline.")),
                                      engine_date (self, self->end)));
  else if (!practice->has_contribution)
    g_ptr_array_add (reasons, g_strdup (tr (self, N_("No IMTP contribution is recorded yet."))));
  else if (self->as_of >= self->end)
    g_ptr_array_add (reasons,
                     g_strdup_printf (tr (self, N_("The IMTP contribution was not submitted by the %s "
                                                   "deadline.")),
                                      engine_date (self, self->end)));
  else
    g_ptr_array_add (reasons, g_strdup (tr (self, N_("The IMTP contribution is still a draft: it has "
                                                     "not been submitted to the health board."))));

  if (practice->has_contribution && !sections_complete)
    g_ptr_array_add (reasons, g_strdup_printf (tr (self, N_("Sections not complete: %s.")),
                                               incomplete->str));
  append_all (reasons, check.missing);
  append_all (reasons, check.met);

  if (achieved)
    verdict = CLW_VERDICT_ACHIEVED;
  else if (late)
    verdict = CLW_VERDICT_NOT_ACHIEVED;
  else
    verdict = pending_verdict (self, indicator, check.expired, reasons);

  _clw_practice_result_add_indicator (practice->result, indicator->code, verdict,
                                      verdict == CLW_VERDICT_ACHIEVED ? indicator->points : 0,
                                      indicator->points, steal_reasons (reasons));
}

static void
evaluate_cluster_outcomes (Engine          *self,
                           Practice        *practice,
                           const Indicator *indicator)
{
  GPtrArray *reasons = g_ptr_array_new ();
  EvidenceCheck check;
  ClwVerdict verdict;

  check_evidence (self, practice, indicator, &check);

  /* When something is missing, the first thing missing is the headline. */
  if (check.n_blocking == 0)
    g_ptr_array_add (reasons, g_strdup (tr (self, N_("No evidence is required for this indicator in "
                                                     "this cycle."))));
  else if (check.all_met)
    g_ptr_array_add (reasons, g_strdup (tr (self, N_("The evidence required is recorded."))));
  append_all (reasons, check.missing);
  append_all (reasons, check.met);

  if (check.all_met)
    verdict = CLW_VERDICT_ACHIEVED;
  else
    verdict = pending_verdict (self, indicator, check.expired, reasons);

  _clw_practice_result_add_indicator (practice->result, indicator->code, verdict,
                                      verdict == CLW_VERDICT_ACHIEVED ? indicator->points : 0,
                                      indicator->points, steal_reasons (reasons));
}

/* The buddy practice agreed and in force at the as-of date. */
static const char *
current_buddy_code (Engine   *self,
                    Practice *practice)
{
  if (practice->buddies == NULL)
    return NULL;

  for (guint i = 0; i < practice->buddies->len; i++)
    {
      const BuddyArrangement *a = &g_array_index (practice->buddies, BuddyArrangement, i);

      if (a->status == CLW_ARRANGEMENT_STATUS_AGREED && a->decision != 0 &&
          a->decision <= self->as_of && a->starts != 0 && a->starts <= self->as_of &&
          (a->ends == 0 || self->as_of <= a->ends))
        return a->buddy_code;
    }

  return NULL;
}

static void
evaluate_practice (Engine   *self,
                   Practice *practice)
{
  Tally tally = { 0 };

  practice->result = _clw_practice_result_new (practice->id, practice->code, practice->name,
                                               practice->cluster->id, practice->cluster->name,
                                               practice->partners, practice->list_size,
                                               practice->sustainability_issues);
  _clw_practice_result_reserve (practice->result, self->indicators->len,
                                practice->cluster->meetings->len, self->requirements->len);
  _clw_practice_result_set_buddy_code (practice->result, current_buddy_code (self, practice));
  _clw_practice_result_set_imtp (practice->result, practice->has_contribution,
                                 contribution_submitted (self, practice)
                                 ? CLW_CONTRIBUTION_STATUS_SUBMITTED : CLW_CONTRIBUTION_STATUS_DRAFT);

  tally.lines = g_ptr_array_new_with_free_func (g_free);
  evaluate_meetings (self, practice, &tally);
  _clw_practice_result_set_meetings (practice->result, tally.counted,
                                     self->attendance != NULL ? MAX (self->attendance->threshold, 0) : 0);

  for (guint i = 0; i < self->indicators->len; i++)
    {
      const Indicator *indicator = &g_array_index (self->indicators, Indicator, i);

      switch (indicator->rule)
        {
        case CLW_INDICATOR_RULE_ATTENDANCE:
          evaluate_attendance (self, practice, indicator, &tally);
          break;

        case CLW_INDICATOR_RULE_IMTP_CONTRIBUTION:
          evaluate_imtp (self, practice, indicator);
          break;

        case CLW_INDICATOR_RULE_CLUSTER_OUTCOMES:
          evaluate_cluster_outcomes (self, practice, indicator);
          break;

        default:
          {
            GPtrArray *reasons = g_ptr_array_new ();

            g_ptr_array_add (reasons, g_strdup (_("This version of Clwstwr cannot evaluate this "
                                                  "indicator's rule; update Clwstwr.")));
            _clw_practice_result_add_indicator (practice->result, indicator->code,
                                                CLW_VERDICT_NOT_ACHIEVED, 0, indicator->points,
                                                steal_reasons (reasons));
          }
          break;
        }
    }

  g_ptr_array_unref (tally.lines);

  for (guint i = 0; i < self->requirements->len; i++)
    {
      const Requirement *requirement = g_ptr_array_index (self->requirements, i);

      if (requirement_met (self, practice, requirement) == 0)
        _clw_practice_result_add_missing_evidence (practice->result, requirement->kind,
                                                   requirement->due_on, requirement->blocking,
                                                   requirement->due < self->as_of,
                                                   requirement->description);
    }
}

static ClwClusterSummary *
summarise_cluster (Engine      *self,
                   Cluster     *cluster,
                   const char **codes)
{
  ClwClusterSummary *summary;
  int held = 0, planned = 0, submitted = 0;

  summary = _clw_cluster_summary_new (cluster->id, cluster->name, cluster->health_board_id,
                                      codes, self->indicators->len);

  for (guint i = 0; i < cluster->practices->len; i++)
    {
      Practice *practice = g_ptr_array_index (cluster->practices, i);

      _clw_cluster_summary_add_practice (summary, practice->result);
      if (contribution_submitted (self, practice))
        submitted++;
    }

  for (guint i = 0; i < cluster->meetings->len; i++)
    {
      Meeting *meeting = g_ptr_array_index (cluster->meetings, i);

      if (meeting->status != CLW_MEETING_STATUS_CANCELLED)
        {
          if (meeting->day > self->as_of)
            planned++;
          else if (meeting->status == CLW_MEETING_STATUS_HELD)
            held++;
        }

      _clw_cluster_summary_add_meeting (summary, meeting->id, meeting->starts_at, meeting->status,
                                        cluster->counted[i], cluster->practices->len);
    }

  _clw_cluster_summary_set_meetings (summary, held, planned,
                                     self->attendance != NULL ? MAX (self->attendance->threshold, 0) : 0);
  _clw_cluster_summary_set_days_left (summary, engine_days_left (self));
  _clw_cluster_summary_set_imtp (summary, submitted, cluster->practices->len);
  _clw_cluster_summary_set_pending_requests (summary, cluster->pending_requests);

  return summary;
}

/* A statement with no result, prepared once per connection. */
static gboolean
run_statement (ClwDatabase  *db,
               const char   *sql,
               GError      **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("reading the QAIF data"), error);
  return TRUE;
}

static gboolean
check_scope (ClwDatabase  *db,
             ClwScope      scope,
             const char   *scope_id,
             GError      **error)
{
  switch (scope)
    {
    case CLW_SCOPE_HEALTH_BOARD:
      if (!clw_record_exists (db, CLW_TYPE_HEALTH_BOARD, scope_id))
        {
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                       _("There is no health board with the id %s."), scope_id);
          return FALSE;
        }
      return TRUE;

    case CLW_SCOPE_CLUSTER:
      if (!clw_record_exists (db, CLW_TYPE_CLUSTER, scope_id))
        {
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                       _("There is no cluster with the id %s."), scope_id);
          return FALSE;
        }
      return TRUE;

    case CLW_SCOPE_PRACTICE:
      if (!clw_record_exists (db, CLW_TYPE_PRACTICE, scope_id))
        {
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                       _("There is no practice with the id %s."), scope_id);
          return FALSE;
        }
      return TRUE;

    case CLW_SCOPE_ALL:
    default:
      return TRUE;
    }
}

static ClwQaifReport *
evaluate (ClwDatabase   *db,
          const char    *cycle_code,
          ClwScope       scope,
          const char    *scope_id,
          const GDate   *as_of,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(ClwQaifReport) report = NULL;
  g_autoptr(GPtrArray) practice_results = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree const char **codes = NULL;
  g_autoptr(GDate) today = NULL;
  Engine engine;
  Engine *self = &engine;
  gboolean ok;

  if (!check_scope (db, scope, scope_id, error))
    return NULL;

  if (as_of == NULL)
    as_of = today = clw_database_get_today (db);

  engine_init (self, db, scope, scope_id, cancellable);
  self->as_of = g_date_get_julian (as_of);

  /* One read transaction: every query sees the same state of the
   * database, even with another connection writing meanwhile. A savepoint
   * nests in the caller's transaction, if there is one. */
  if (!run_statement (db, "SAVEPOINT clw_qaif_evaluate", error))
    {
      engine_clear (self);
      return NULL;
    }

  ok = load_cycle (self, cycle_code, error) &&
       load_indicators (self, error) &&
       load_clusters (self, error) &&
       load_practices (self, error) &&
       load_meetings (self, error) &&
       engine_check_cancelled (self, error) &&
       load_attendance (self, error) &&
       load_engagement (self, error) &&
       load_representations (self, error) &&
       load_buddies (self, error) &&
       load_evidence (self, error) &&
       load_contributions (self, error);
  /* Nothing was written: releasing the savepoint cannot fail in a way
   * that matters to what was read. */
  run_statement (db, "RELEASE clw_qaif_evaluate", NULL);
  if (!ok || !engine_check_cancelled (self, error))
    {
      engine_clear (self);
      return NULL;
    }

  for (guint i = 0; i < self->practices->len; i++)
    evaluate_practice (self, g_ptr_array_index (self->practices, i));

  report = g_object_new (CLW_TYPE_QAIF_REPORT, NULL);
  report->cycle_code = g_strdup (self->cycle_code);
  g_date_set_julian (&report->as_of, self->as_of);
  g_date_set_julian (&report->starts_on, self->start);
  g_date_set_julian (&report->deadline, self->end);
  report->days_left = engine_days_left (self);
  report->pence_per_point = self->pence_per_point;
  report->indicators = g_object_ref (self->indicator_list);

  codes = g_new0 (const char *, self->indicators->len + 1);
  for (guint i = 0; i < self->indicators->len; i++)
    codes[i] = g_array_index (self->indicators, Indicator, i).code;

  practice_results = g_ptr_array_new ();
  summaries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (self->clusters, i);
      ClwClusterSummary *summary = summarise_cluster (self, cluster, codes);

      g_ptr_array_add (summaries, summary);
      g_hash_table_insert (report->cluster_index, g_strdup (cluster->id), summary);
      g_hash_table_insert (report->board_names, g_strdup (cluster->health_board_id),
                           g_strdup (cluster->health_board_name));

      for (guint j = 0; j < cluster->practices->len; j++)
        {
          Practice *practice = g_ptr_array_index (cluster->practices, j);

          /* A practice's scope evaluates its cluster and lists the practice. */
          if (scope == CLW_SCOPE_PRACTICE && !g_str_equal (practice->id, scope_id))
            continue;
          g_ptr_array_add (practice_results, practice->result);
          g_hash_table_insert (report->practice_index, g_strdup (practice->id), practice->result);
        }
    }

  g_list_store_splice (report->practices, 0, 0, practice_results->pdata, practice_results->len);
  g_list_store_splice (report->clusters, 0, 0, summaries->pdata, summaries->len);

  if (scope == CLW_SCOPE_ALL || self->clusters->len == 0)
    report->rollup_name = g_strdup (_("All of Wales"));
  else
    {
      Cluster *first = g_ptr_array_index (self->clusters, 0);

      report->rollup_name = g_strdup (first->health_board_name);
    }

  engine_clear (self);
  return g_steal_pointer (&report);
}

/* The report ---------------------------------------------------------------------- */

static void
clw_qaif_report_finalize (GObject *object)
{
  ClwQaifReport *self = (ClwQaifReport *) object;

  g_clear_pointer (&self->cycle_code, g_free);
  g_clear_pointer (&self->rollup_name, g_free);
  g_clear_pointer (&self->practice_index, g_hash_table_unref);
  g_clear_pointer (&self->cluster_index, g_hash_table_unref);
  g_clear_pointer (&self->board_names, g_hash_table_unref);
  g_clear_object (&self->indicators);
  g_clear_object (&self->practices);
  g_clear_object (&self->clusters);

  G_OBJECT_CLASS (clw_qaif_report_parent_class)->finalize (object);
}

static void
clw_qaif_report_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClwQaifReport *self = CLW_QAIF_REPORT (object);

  switch (prop_id)
    {
    case PROP_CYCLE_CODE:
      g_value_set_string (value, self->cycle_code);
      break;

    case PROP_DAYS_LEFT:
      g_value_set_int (value, self->days_left);
      break;

    case PROP_PENCE_PER_POINT:
      g_value_set_int (value, self->pence_per_point);
      break;

    case PROP_INDICATORS:
      g_value_set_object (value, self->indicators);
      break;

    case PROP_PRACTICES:
      g_value_set_object (value, self->practices);
      break;

    case PROP_CLUSTERS:
      g_value_set_object (value, self->clusters);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_qaif_report_class_init (ClwQaifReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_qaif_report_finalize;
  object_class->get_property = clw_qaif_report_get_property;

  properties[PROP_CYCLE_CODE] =
    g_param_spec_string ("cycle-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS_LEFT] =
    g_param_spec_int ("days-left", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENCE_PER_POINT] =
    g_param_spec_int ("pence-per-point", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDICATORS] =
    g_param_spec_object ("indicators", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRACTICES] =
    g_param_spec_object ("practices", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTERS] =
    g_param_spec_object ("clusters", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_qaif_report_init (ClwQaifReport *self)
{
  g_date_clear (&self->as_of, 1);
  g_date_clear (&self->starts_on, 1);
  g_date_clear (&self->deadline, 1);
  self->practices = g_list_store_new (CLW_TYPE_PRACTICE_RESULT);
  self->clusters = g_list_store_new (CLW_TYPE_CLUSTER_SUMMARY);
  self->practice_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cluster_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->board_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Evaluating off the main thread ------------------------------------------------ */

typedef struct
{
  char     *db_path;
  char     *cycle_code;
  ClwScope  scope;
  char     *scope_id;
  GDate     as_of;        /* invalid: the database's today */
} EvaluateData;

static void
evaluate_data_free (gpointer data)
{
  EvaluateData *task_data = data;

  g_free (task_data->db_path);
  g_free (task_data->cycle_code);
  g_free (task_data->scope_id);
  g_free (task_data);
}

static void
evaluate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      data,
                 GCancellable *cancellable)
{
  EvaluateData *task_data = data;
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  ClwQaifReport *report;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = clw_database_open (task_data->db_path,
                          CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED,
                          &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = evaluate (db, task_data->cycle_code, task_data->scope, task_data->scope_id,
                     g_date_valid (&task_data->as_of) ? &task_data->as_of : NULL,
                     cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/* Public API ------------------------------------------------------------------ */

gboolean
clw_qaif_is_winter_pressure (const GDate *date)
{
  GDateMonth month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  month = g_date_get_month (date);
  return month == G_DATE_DECEMBER || month == G_DATE_JANUARY || month == G_DATE_FEBRUARY;
}

ClwQaifReport *
clw_qaif_evaluate (ClwDatabase  *db,
                   const char   *cycle_code,
                   ClwScope      scope,
                   const char   *scope_id,
                   const GDate  *as_of,
                   GError      **error)
{
  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cycle_code != NULL, NULL);
  g_return_val_if_fail (scope == CLW_SCOPE_ALL || scope_id != NULL, NULL);
  g_return_val_if_fail (as_of == NULL || g_date_valid (as_of), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return evaluate (db, cycle_code, scope, scope == CLW_SCOPE_ALL ? NULL : scope_id, as_of, NULL, error);
}

void
clw_qaif_evaluate_async (const char          *db_path,
                         const char          *cycle_code,
                         ClwScope             scope,
                         const char          *scope_id,
                         const GDate         *as_of,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EvaluateData *task_data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (cycle_code != NULL);
  g_return_if_fail (scope == CLW_SCOPE_ALL || scope_id != NULL);
  g_return_if_fail (as_of == NULL || g_date_valid (as_of));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task_data = g_new0 (EvaluateData, 1);
  task_data->db_path = g_strdup (db_path);
  task_data->cycle_code = g_strdup (cycle_code);
  task_data->scope = scope;
  task_data->scope_id = scope == CLW_SCOPE_ALL ? NULL : g_strdup (scope_id);
  g_date_clear (&task_data->as_of, 1);
  if (as_of != NULL)
    task_data->as_of = *as_of;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_qaif_evaluate_async);
  g_task_set_name (task, "clw_qaif_evaluate_async");
  g_task_set_task_data (task, task_data, evaluate_data_free);
  g_task_run_in_thread (task, evaluate_thread);
}

ClwQaifReport *
clw_qaif_evaluate_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clw_qaif_evaluate_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GStrv
clw_qaif_list_cycles (ClwDatabase  *db,
                      GError      **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  stmt = _clw_database_prepare (db, "SELECT code FROM cycle ORDER BY starts_on, code", error);
  if (stmt == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _clw_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("listing the QAIF cycles"), error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

char *
clw_qaif_cycle_for_date (ClwDatabase  *db,
                         const GDate  *date,
                         GError      **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  g_autofree char *iso = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  iso = clw_date_format_iso (date);
  stmt = _clw_database_prepare (db,
                                "SELECT code FROM cycle WHERE starts_on <= ?1 "
                                "ORDER BY starts_on DESC, code DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, iso);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _clw_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("finding the QAIF cycle of a date"), error);
      return NULL;
    }

  {
    g_autofree char *display = clw_date_format_display (iso);

    g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                 _("No QAIF cycle starts on or before %s. Import the reference data "
                   "of the cycles."), display);
  }
  return NULL;
}

const char *
clw_qaif_report_get_cycle_code (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);

  return self->cycle_code;
}

const GDate *
clw_qaif_report_get_as_of (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);

  return &self->as_of;
}

const GDate *
clw_qaif_report_get_starts_on (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);

  return &self->starts_on;
}

const GDate *
clw_qaif_report_get_deadline (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);

  return &self->deadline;
}

int
clw_qaif_report_get_days_left (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), 0);

  return self->days_left;
}

int
clw_qaif_report_get_pence_per_point (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), 0);

  return self->pence_per_point;
}

GListModel *
clw_qaif_report_get_indicators (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);

  return G_LIST_MODEL (self->indicators);
}

GListModel *
clw_qaif_report_get_practices (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);

  return G_LIST_MODEL (self->practices);
}

GListModel *
clw_qaif_report_get_clusters (ClwQaifReport *self)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);

  return G_LIST_MODEL (self->clusters);
}

ClwPracticeResult *
clw_qaif_report_lookup_practice (ClwQaifReport *self,
                                 const char    *practice_id)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);
  g_return_val_if_fail (practice_id != NULL, NULL);

  return g_hash_table_lookup (self->practice_index, practice_id);
}

ClwClusterSummary *
clw_qaif_report_lookup_cluster (ClwQaifReport *self,
                                const char    *cluster_id)
{
  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);

  return g_hash_table_lookup (self->cluster_index, cluster_id);
}

GListModel *
clw_qaif_report_list_cluster_practices (ClwQaifReport *self,
                                        const char    *cluster_id)
{
  GListStore *store;
  guint n;

  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);

  store = g_list_store_new (CLW_TYPE_PRACTICE_RESULT);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->practices));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (G_LIST_MODEL (self->practices), i);

      if (g_strcmp0 (clw_practice_result_get_cluster_id (result), cluster_id) == 0)
        g_list_store_append (store, result);
    }

  return G_LIST_MODEL (store);
}

ClwClusterSummary *
clw_qaif_report_sum_clusters (ClwQaifReport *self,
                              const char    *health_board_id)
{
  g_autofree const char **codes = NULL;
  ClwClusterSummary *sum;
  const char *name;
  guint n_indicators, n_clusters;

  g_return_val_if_fail (CLW_IS_QAIF_REPORT (self), NULL);

  n_indicators = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));
  codes = g_new0 (const char *, n_indicators + 1);
  for (guint i = 0; i < n_indicators; i++)
    {
      g_autoptr(ClwIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);

      /* The report's list keeps the indicator, and so its code, alive. */
      codes[i] = clw_indicator_get_code (indicator);
    }

  if (health_board_id != NULL)
    {
      name = g_hash_table_lookup (self->board_names, health_board_id);
      if (name == NULL)
        name = "";
    }
  else
    name = self->rollup_name;

  sum = _clw_cluster_summary_new (NULL, name, health_board_id, codes, n_indicators);

  n_clusters = g_list_model_get_n_items (G_LIST_MODEL (self->clusters));
  for (guint i = 0; i < n_clusters; i++)
    {
      g_autoptr(ClwClusterSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->clusters), i);

      if (health_board_id == NULL ||
          g_strcmp0 (clw_cluster_summary_get_health_board_id (summary), health_board_id) == 0)
        _clw_cluster_summary_add_summary (sum, summary);
    }
  _clw_cluster_summary_set_days_left (sum, self->days_left);

  return sum;
}
