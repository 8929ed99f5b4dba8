/* clw-demo.c: a realistic, invented dataset of all of Wales
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is invented: practices, people, meetings and texts. Only
 * the structure is real (health boards, clusters and collaboratives come
 * from the reference data) and the proportions try to be: the number of
 * practices per health board, the mix of partnership sizes and list sizes,
 * how practices are represented at meetings, how often small practices ask
 * for a buddy, how late IMTP contributions are.
 *
 * One GRand seeded by the caller drives every choice, ids and timestamps
 * included, so that a seed always gives the same database. Rows are
 * written through the record API (ClwRecord subclasses), so each one passes
 * the rules of the domain; the order of generation is the order of the
 * foreign keys, because a row's references are checked when it is written.
 */

#define G_LOG_DOMAIN "clw-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "clw-core.h"
#include "clw-database-private.h"
#include "clw-dataset.h"
#include "clw-demo.h"
#include "clw-search-pause-private.h"

/* A day, as a Julian day number (GDate's): days are compared and added. */
typedef guint32 Day;

#define DAY_NEVER G_MAXUINT32

typedef enum
{
  PM_NONE,        /* clinicians attend */
  PM_AGREED,      /* an agreed practice manager arrangement */
  PM_LATE,        /* agreed, but decided after meetings the manager attended */
  PM_NO_REQUEST,  /* the manager attends with no arrangement at all */
  PM_REFUSED,     /* asked, refused with an explanation */
  PM_PENDING,     /* asked recently, not decided yet */
  PM_ENDED,       /* agreed, then ended */
} PmProfile;

typedef struct _Board Board;
typedef struct _Cluster Cluster;
typedef struct _Practice Practice;

struct _Board
{
  ClwHealthBoard *record;       /* owned */
  const char     *team[3];      /* the primary care team, in the string chunk */
  guint           n_practices;  /* at scale 1 */
};

struct _Cluster
{
  ClwCluster *record;           /* owned */
  const char *collaborative_id; /* of its GP Collaborative, in the string chunk */
  Board      *board;
  const char *lead;             /* the cluster lead, a GP */
  const char *manager;          /* the cluster development manager */
  const char *usual_time;       /* "12:30" */
  GPtrArray  *practices;        /* of Practice, borrowed */
  guint       target;           /* practices to make */
  guint       short_cycle;      /* bit i: only 3 meetings in cycle i */
};

struct _Practice
{
  char        id[37];
  char        code[7];
  const char *name;
  Cluster    *cluster;
  int         partners;
  int         salaried;
  int         list_size;
  gboolean    sustainability;
  int         branches;
  gboolean    diligent;         /* most practices: on time, evidence in order */
  const char *partner_names[12];
  const char *salaried_name;    /* NULL when there is none */
  const char *clinician;        /* an advanced nurse practitioner */
  const char *manager;
  gboolean    manager_is_admin; /* a business manager: senior administrator */

  PmProfile   pm;
  Day         pm_from;          /* the manager attends from */
  Day         pm_until;         /* ... until (DAY_NEVER) */

  Practice   *buddy;            /* an agreed (or ended) buddy, or NULL */
  Day         buddy_from;
  Day         buddy_until;
  /* A practice that relies on a buddy cannot be one, and a buddy cannot be
   * buddied: each practice takes one side, whatever the dates. */
  gboolean    asked_for_buddy;
  gboolean    is_a_buddy;
};

typedef struct
{
  ClwCycle   *record;           /* owned */
  const char *code;
  Day         starts;
  Day         ends;
  const char *attendance_indicator;
  const char *imtp_indicator;
  const char *outcomes_indicator;
} Cycle;

typedef struct
{
  char              id[37];
  Day               day;
  ClwMeetingStatus  status;
  Cycle            *cycle;
  const char       *decision;   /* the first item for decision */
} Meeting;

typedef struct
{
  ClwDatabase   *db;
  GRand         *rand;
  guint          scale;
  Day            today;
  GStringChunk  *strings;
  GPtrArray     *boards;        /* of Board, owned */
  GPtrArray     *clusters;      /* of Cluster, owned */
  GPtrArray     *practices;     /* of Practice, owned */
  Cycle          cycles[2];
  GHashTable    *codes;         /* practice codes used (in the string chunk) */
  GHashTable    *names;         /* practice names used */
  ClwSearchPause *search;       /* rows are indexed together at the end */
  ClwDemoCounts  counts;
} Gen;

#define N_CYCLES 2
static const char *cycle_codes[N_CYCLES] = { "2021-22", "2022-23" };

/* Data ------------------------------------------------------------------- */

/* Practices per health board at scale 1, roughly as in Wales. */
static const struct
{
  const char *code;
  guint       practices;
} board_sizes[] = {
  { "7A6", 72 },  /* Aneurin Bevan */
  { "7A1", 96 },  /* Betsi Cadwaladr */
  { "7A4", 58 },  /* Cardiff and Vale */
  { "7A5", 50 },  /* Cwm Taf Morgannwg */
  { "7A2", 47 },  /* Hywel Dda */
  { "7A7", 16 },  /* Powys */
  { "7A3", 48 },  /* Swansea Bay */
};

#define DEFAULT_PRACTICES_PER_CLUSTER 6
#define MIN_PRACTICES_PER_CLUSTER 3
#define MAX_PRACTICES_PER_CLUSTER 9

static const char *first_names[] = {
  "Rhian", "Gareth", "Siân", "Dafydd", "Catrin", "Owain", "Megan", "Rhys", "Eleri", "Huw",
  "Ffion", "Geraint", "Bethan", "Iwan", "Nia", "Alun", "Carys", "Emyr", "Lowri", "Gwyn",
  "Angharad", "Dylan", "Manon", "Ioan", "Sioned", "Tomos", "Heledd", "Aled", "Elin", "Rhodri",
  "Cerys", "Llinos", "Meinir", "Gethin", "Osian", "Hywel", "Mari", "Delyth", "Elgan", "Non",
  "Sarah", "James", "Helen", "David", "Claire", "Mark", "Emma", "Paul", "Rachel", "Andrew",
  "Priya", "Omar", "Aisha", "Sanjay", "Fiona", "Michael", "Joanne", "Chris", "Karen", "Tom",
  "Anjali", "Ravi", "Hannah", "Lucy", "Ben", "Nadia", "Kwame", "Grace",
};

static const char *surnames[] = {
  "Evans", "Jones", "Williams", "Davies", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
  "Griffiths", "Price", "Rees", "Owen", "Jenkins", "Powell", "Pritchard", "Parry", "Howells",
  "Lloyd", "Vaughan", "Bowen", "Phillips", "Edwards", "Prosser", "Watkins", "Probert",
  "Meredith", "Gwynne", "Llywelyn", "Pugh", "Wyn", "Humphreys", "Ellis", "Bevan", "Rowlands",
  "Patel", "Khan", "Ahmed", "Shah", "Murphy", "O'Brien", "Kaur", "Smith", "Taylor", "Walker",
  "Clarke", "Harris", "Morris", "Matthews", "Mensah", "Okafor", "Nowak",
};

/* Invented names with a Welsh flavour: "Meddygfa Glan Rhyd", "Heol Fawr
 * Medical Centre". Place-name elements, never the name of a real practice. */
static const char *name_first[] = {
  "Glan", "Pen y", "Bryn", "Cwm", "Maes", "Tŷ", "Heol", "Llys", "Pont", "Nant", "Coed",
  "Cae", "Bron", "Dôl", "Rhos", "Tal y", "Pentre", "Ffordd", "Gwaun", "Min y",
};

static const char *name_second[] = {
  "Rhyd", "Teg", "Mawr", "Fach", "Gwyn", "Glas", "Derwen", "Onnen", "Celyn", "Eithin",
  "Helyg", "Afon", "Ffynnon", "Newydd", "Isaf", "Uchaf", "Hir", "Fawr", "Llwyd", "Meillion",
  "Castell", "Eglwys", "Wen", "Haf", "Bedw", "Bryn", "Meddyg", "Gwenyn", "Grug", "Môr",
};

typedef enum
{
  FORM_MEDDYGFA,
  FORM_SURGERY,
  FORM_MEDICAL_CENTRE,
  FORM_HEALTH_CENTRE,
  FORM_MEDICAL_PRACTICE,
  FORM_THE_PRACTICE,
  FORM_CANOLFAN,
  FORM_FAMILY_PRACTICE,
  FORM_BARE,
} NameForm;

static const struct
{
  NameForm form;
  double   weight;
} name_forms[] = {
  { FORM_MEDDYGFA, 20 },
  { FORM_SURGERY, 25 },
  { FORM_MEDICAL_CENTRE, 15 },
  { FORM_HEALTH_CENTRE, 10 },
  { FORM_MEDICAL_PRACTICE, 10 },
  { FORM_THE_PRACTICE, 5 },
  { FORM_CANOLFAN, 5 },
  { FORM_FAMILY_PRACTICE, 5 },
  { FORM_BARE, 5 },
};

static const char *meeting_times[] = { "12:30", "13:00", "18:30" };

/* Halls, before and after the cluster's name. */
static const char *hall_forms[][2] = {
  { "", " Community Hall" },
  { "Memorial Hall, ", "" },
  { "", " Community Resource Centre" },
  { "Health board locality office, ", "" },
  { "", " Rugby Club function room" },
  { "Canolfan Gymunedol, ", "" },
};

static const char *decision_items[] = {
  "Cluster spending plan: allocation of the cluster development fund",
  "Cluster IMTP priorities for the three-year plan",
  "Winter resilience plan for the cluster",
  "Recruitment of a cluster pharmacist",
  "Extension of the care home support scheme",
  "Re-commissioning the social prescribing service",
  "Cluster maturity self-assessment",
  "Bid for an urgent primary care pathfinder",
  "Demand and capacity audit: next steps",
  "Choice of the two collaborative QI initiatives",
  "Shared phlebotomy service across the cluster",
  "Terms of reference of the GP Collaborative",
};

static const char *decision_outcomes[] = {
  "agreed.",
  "agreed, with the changes discussed.",
  "agreed unanimously.",
  "agreed, subject to the health board's approval of the funding.",
  "deferred to the next meeting: the practices asked for more figures.",
};

static const char *information_items[] = {
  "Health board primary care update",
  "Population needs assessment: progress",
  "QAIF update: the cluster indicators",
  "Community pharmacy: common ailments service uptake",
  "Mental health practitioner pilot: quarterly report",
  "Report from the Pan Cluster Planning Group",
  "Digital: online consultations and the NHS Wales App",
  "Update from the dental and optometry collaboratives",
  "Welsh language: the Active Offer in practices",
};

static const char *actions[] = {
  "Circulate the draft cluster spending plan to all practices",
  "Send the practices' workforce figures to the cluster development manager",
  "Book a venue for the next meeting",
  "Share the demand and capacity audit template with practice managers",
  "Write to the health board about the shared phlebotomy service",
  "Collate the practices' comments on the population needs assessment",
  "Arrange a peer review session on antimicrobial prescribing",
  "Update the action log and circulate it with the minutes",
  "Confirm the practice leads for the two QI initiatives",
  "Invite the community pharmacy lead to the next meeting",
  "Ask the health board for the latest access figures for each practice",
  "Draft the cluster's response to the winter resilience plan",
};

static const char *apology_notes[] = {
  "Apologies: on call",
  "Apologies: short of clinicians this week",
  "Apologies: covering a care home outbreak",
  "Apologies: annual leave",
  "",
};

static const char *alternative_reasons[] = {
  "both partners on leave",
  "the partners covering an outbreak in a care home",
  "illness in the practice",
  "a clinical emergency on the day",
};

static const char *alternative_roles[] = {
  "deputy practice manager",
  "practice nurse manager",
  "operations manager",
};

static const char *pm_refusals[] = {
  "The practice has partners who can attend in turn: the health board expects a clinician "
  "to represent it.",
  "The request does not say why no clinician can attend. Send a clinician, or apply again "
  "with the reasons.",
  "Refused for the meetings that agree the cluster spending plan, where a clinical view is "
  "needed; the practice may apply again for the other meetings.",
};

static const char *alternative_refusals[] = {
  "The meeting agrees the cluster spending plan: a clinician must represent the practice.",
  "The request came after the meeting had been planned around the practice's clinicians; "
  "please send a salaried GP instead.",
};

static const char *buddy_refusals[] = {
  "The proposed buddy practice has not agreed to take on the arrangement.",
  "The practice is able to release a clinician for the meetings: buddying is for practices "
  "that cannot.",
  "The health board asks the two practices to agree first how the small practice will feed "
  "in to the meetings; please apply again with that agreement.",
};

static const char *buddy_endings[] = {
  "Ended when the practice recruited a salaried GP.",
  "Ended at the practice's request: a partner now attends.",
  "Ended when the buddy practice merged with a neighbouring practice.",
};


typedef struct
{
  ClwEvidenceKind kind;
  double          share[N_CYCLES];  /* of practices, per cycle (the second is unfinished) */
  int             indicator;        /* 0 none, 2 CND015W, 3 CND016W */
  double          at_meeting;       /* share linked to a meeting */
  const char     *titles[4];
} EvidenceKindInfo;

static const EvidenceKindInfo evidence_kinds[] = {
  { CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, { 0.80, 0.70 }, 2, 0.30,
    { "Joint MDT with the community nursing team",
      "Multi-agency frailty meeting with social services",
      "Social prescribing with the local third sector",
      "Care home ward rounds with the community resource team" } },
  { CLW_EVIDENCE_KIND_PNA_CONTRIBUTION, { 0.75, 0.55 }, 3, 0.20,
    { "Practice data return for the population needs assessment",
      "Comments on the cluster population needs assessment",
      "Patient survey results shared for the needs assessment",
      "Vulnerable groups in the practice population: notes for the PNA" } },
  { CLW_EVIDENCE_KIND_DEMAND_CAPACITY, { 0.60, 0.40 }, 2, 0.0,
    { "Demand and capacity audit over two weeks",
      "Appointment demand analysis for the QI domain",
      "Telephone demand audit: Monday mornings",
      NULL } },
  { CLW_EVIDENCE_KIND_QI_PARTICIPATION, { 0.65, 0.45 }, 0, 0.0,
    { "QI initiative: asthma reviews in young adults",
      "QI initiative: reducing repeat prescribing waste",
      "QI initiative: identifying frailty",
      "QI initiative: detecting atrial fibrillation" } },
  { CLW_EVIDENCE_KIND_PEER_REVIEW, { 0.50, 0.35 }, 0, 0.50,
    { "Peer review: antimicrobial prescribing",
      "Peer review: referrals to secondary care",
      "Peer review: suspected cancer referrals",
      NULL } },
  { CLW_EVIDENCE_KIND_INCIDENT_DISCUSSION, { 0.45, 0.35 }, 0, 0.50,
    { "Significant event analysis: delayed test results",
      "Clinical incident discussed: a prescribing error",
      "Learning from a concern about access",
      NULL } },
  { CLW_EVIDENCE_KIND_CGSAT, { 0.70, 0.30 }, 0, 0.0,
    { "Clinical governance self-assessment (CGSAT) completed", NULL, NULL, NULL } },
  { CLW_EVIDENCE_KIND_IG_TOOLKIT, { 0.75, 0.40 }, 0, 0.0,
    { "Information governance toolkit submitted", NULL, NULL, NULL } },
};

static const char *collaborative_qi[] = {
  "Collaborative QI initiative: prescribing of gabapentinoids",
  "Collaborative QI initiative: childhood immunisation uptake",
  "Collaborative QI initiative: diabetes foot checks",
  "Collaborative QI initiative: reducing did-not-attend appointments",
};

static const char *population_needs[] = {
  "an ageing population with several long-term conditions",
  "high rates of diabetes and obesity",
  "mental health needs among young adults",
  "deprivation in the former mining communities",
  "rural isolation and long journeys to services",
  "a growing number of families with young children",
  "a seasonal population of students",
};

static const char *service_gaps[] = {
  "physiotherapy waiting times of more than twelve weeks",
  "no local phlebotomy on Saturdays",
  "limited access to talking therapies",
  "few community pharmacies open in the evening",
  "no dietetics clinic in the cluster",
  "long waits for memory assessment",
};

static const char *performance_notes[] = {
  "meets most of the primary care measures; access by telephone at 8am remains below target",
  "is above the health board average for influenza immunisation and below it for cervical screening",
  "has improved the share of patients with diabetes who had all their care processes",
  "meets the measures on antimicrobial prescribing and is working on repeat prescribing",
};

static const char *demand_findings[] = {
  "that demand peaks on Monday mornings, when a third of the week's calls arrive",
  "that one in five appointments could have been seen by another professional",
  "that same-day demand has risen by a tenth since the last audit",
  "that most requests for medication reviews could go to the cluster pharmacist",
};

static const char *qi_actions[] = {
  "moved two clinical sessions to Monday",
  "started sign-posting to the community pharmacy common ailments service",
  "added an online consultation route for administrative requests",
  "asked the cluster pharmacist to take the medication reviews",
};

static const char *month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* Randomness -------------------------------------------------------------- */

/* Practices that keep up with everything, and the others: a practice late
 * with its IMTP contribution is the one with evidence missing and more
 * apologies, as in life. The shares of the whole stay as stated. */
#define DILIGENT_SHARE 0.8

static double
share_for (gboolean diligent,
           double   share)
{
  double high = MIN (0.97, share * 1.2);

  return diligent ? high : (share - DILIGENT_SHARE * high) / (1 - DILIGENT_SHARE);
}

static int
rnd (Gen *gen,
     int  lo,
     int  hi)
{
  return g_rand_int_range (gen->rand, lo, hi + 1);
}

static gboolean
chance (Gen    *gen,
        double  p)
{
  return g_rand_double (gen->rand) < p;
}

static double
uniform (Gen    *gen,
         double  lo,
         double  hi)
{
  return g_rand_double_range (gen->rand, lo, hi);
}

#define PICK(gen, array) ((array)[rnd ((gen), 0, G_N_ELEMENTS (array) - 1)])

/* A version 4 UUID made of the generator's bits, so that ids are the same
 * for the same seed. */
static void
make_uuid (Gen  *gen,
           char  out[37])
{
  guint8 b[16];

  for (guint i = 0; i < 4; i++)
    {
      guint32 r = g_rand_int (gen->rand);
      b[i * 4] = r >> 24;
      b[i * 4 + 1] = r >> 16;
      b[i * 4 + 2] = r >> 8;
      b[i * 4 + 3] = r;
    }
  b[6] = (b[6] & 0x0f) | 0x40;   /* version 4 */
  b[8] = (b[8] & 0x3f) | 0x80;   /* RFC 4122 variant */

  g_snprintf (out, 37,
              "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
              b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
              b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static const char *
keep (Gen        *gen,
      const char *text)
{
  return g_string_chunk_insert (gen->strings, text);
}

G_GNUC_PRINTF (2, 3)
static const char *
keepf (Gen        *gen,
       const char *format,
       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  return keep (gen, text);
}

/* Draws are made one per statement: the order in which C evaluates the
 * arguments of a call is unspecified, and the data must not depend on the
 * compiler. */
static const char *
person (Gen *gen)
{
  const char *first = PICK (gen, first_names);
  const char *last = PICK (gen, surnames);

  return keepf (gen, "%s %s", first, last);
}

static const char *
doctor (Gen *gen)
{
  const char *first = PICK (gen, first_names);
  const char *last = PICK (gen, surnames);

  return keepf (gen, "Dr %s %s", first, last);
}

/* Days ------------------------------------------------------------------- */

static Day
day_from_dmy (int d,
              int m,
              int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static Day
day_parse (const char *iso)
{
  g_autoptr(GDate) date = clw_date_parse (iso);

  g_return_val_if_fail (date != NULL, 0);
  return g_date_get_julian (date);
}

static void
day_get (Day  day,
         int *d,
         int *m,
         int *y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  *d = g_date_get_day (&date);
  *m = g_date_get_month (&date);
  *y = g_date_get_year (&date);
}

static GDateWeekday
day_weekday (Day day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_weekday (&date);
}

/* "2023-06-15"; @buf holds 11 bytes. */
static const char *
day_iso (Day   day,
         char *buf)
{
  int d, m, y;

  day_get (day, &d, &m, &y);
  g_snprintf (buf, 11, "%04d-%02d-%02d", y, m, d);
  return buf;
}

/* "15 June 2023", for the texts of the demo (which are in English). */
static char *
day_text (Day day)
{
  int d, m, y;

  day_get (day, &d, &m, &y);
  return g_strdup_printf ("%d %s %d", d, month_names[m - 1], y);
}

/* MIN() and MAX() evaluate an argument twice: never give them a draw. */
static Day
day_min (Day a,
         Day b)
{
  return MIN (a, b);
}

static int
int_max (int a,
         int b)
{
  return MAX (a, b);
}

static Day
day_between (Gen *gen,
             Day  first,
             Day  last)
{
  if (last <= first)
    return first;
  return first + (Day) rnd (gen, 0, (int) (last - first));
}

/* Writing ---------------------------------------------------------------- */

static void
format_timestamp (Day   day,
                  int   seconds,
                  char *buf)
{
  int d, m, y;

  day_get (day, &d, &m, &y);
  g_snprintf (buf, 32, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
              y, m, d, seconds / 3600, seconds / 60 % 60, seconds % 60, 0);
}

/* Give @record an id and the metadata of its story: made on @created,
 * last changed on @updated by @by (never after the reference date). */
static void
stamp (Gen        *gen,
       gpointer    record,
       Day         created,
       Day         updated,
       const char *by)
{
  char id[37];
  char created_at[32];
  char updated_at[32];
  int t1, t2;

  created = MIN (created, gen->today);
  updated = MIN (MAX (updated, created), gen->today);

  t1 = rnd (gen, 8 * 3600, 17 * 3600);
  t2 = updated == created ? rnd (gen, t1, 18 * 3600) : rnd (gen, 8 * 3600, 18 * 3600);

  make_uuid (gen, id);
  format_timestamp (created, t1, created_at);
  format_timestamp (updated, t2, updated_at);

  g_object_set (record,
                "id", id,
                "created-at", created_at,
                "updated-at", updated_at,
                "updated-by", by,
                NULL);
}

static gboolean
insert (Gen         *gen,
        gpointer     record,
        Day          created,
        Day          updated,
        const char  *by,
        guint       *counter,
        GError     **error)
{
  stamp (gen, record, created, updated, by);

  if (!clw_record_insert (CLW_RECORD (record), gen->db, CLW_WRITE_KEEP_METADATA, error) ||
      !_clw_search_pause_add (gen->search, clw_record_type_get_table (G_OBJECT_TYPE (record)),
                              clw_record_get_id (CLW_RECORD (record)), error))
    return FALSE;

  (*counter)++;
  gen->counts.rows++;
  return TRUE;
}

/* Reading the reference data --------------------------------------------- */

static void
board_free (gpointer data)
{
  Board *board = data;

  g_clear_object (&board->record);
  g_free (board);
}

static void
cluster_free (gpointer data)
{
  Cluster *cluster = data;

  g_clear_object (&cluster->record);
  g_clear_pointer (&cluster->practices, g_ptr_array_unref);
  g_free (cluster);
}

static gint64
count_rows (ClwDatabase  *db,
            const char   *sql,
            GError      **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _clw_database_set_error (db, rc, _("counting rows"), error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
read_reference (Gen     *gen,
                GError **error)
{
  g_autoptr(GListStore) boards = NULL;
  g_autoptr(GListStore) clusters = NULL;
  g_autoptr(GListStore) collaboratives = NULL;
  g_autoptr(GHashTable) board_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) collaborative_by_cluster = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  boards = clw_record_list (gen->db, CLW_TYPE_HEALTH_BOARD, NULL, NULL, error);
  if (boards == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (boards));
  for (guint i = 0; i < n; i++)
    {
      Board *board = g_new0 (Board, 1);

      board->record = g_list_model_get_item (G_LIST_MODEL (boards), i);
      board->n_practices = 0;
      for (guint j = 0; j < G_N_ELEMENTS (board_sizes); j++)
        if (g_strcmp0 (board_sizes[j].code, clw_health_board_get_code (board->record)) == 0)
          board->n_practices = board_sizes[j].practices;
      for (guint j = 0; j < G_N_ELEMENTS (board->team); j++)
        board->team[j] = person (gen);
      g_ptr_array_add (gen->boards, board);
      g_hash_table_insert (board_by_id, (gpointer) clw_record_get_id (CLW_RECORD (board->record)), board);
    }

  collaboratives = clw_record_list (gen->db, CLW_TYPE_COLLABORATIVE, "profession = 'gp'", NULL, error);
  if (collaboratives == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (collaboratives));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwCollaborative) collaborative = g_list_model_get_item (G_LIST_MODEL (collaboratives), i);

      g_hash_table_insert (collaborative_by_cluster,
                           (gpointer) keep (gen, clw_collaborative_get_cluster_id (collaborative)),
                           (gpointer) keep (gen, clw_record_get_id (CLW_RECORD (collaborative))));
    }

  /* Clusters that are current on the reference date, in the order of their codes. */
  clusters = clw_record_list (gen->db, CLW_TYPE_CLUSTER, NULL, NULL, error);
  if (clusters == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (clusters));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwCluster) record = g_list_model_get_item (G_LIST_MODEL (clusters), i);
      const char *valid_to = clw_cluster_get_valid_to (record);
      const char *collaborative_id;
      Cluster *cluster;

      if (valid_to != NULL && *valid_to != '\0' && day_parse (valid_to) < gen->today)
        continue;

      collaborative_id = g_hash_table_lookup (collaborative_by_cluster, clw_record_get_id (CLW_RECORD (record)));
      if (collaborative_id == NULL)
        continue;

      cluster = g_new0 (Cluster, 1);
      cluster->record = g_steal_pointer (&record);
      cluster->collaborative_id = collaborative_id;
      cluster->board = g_hash_table_lookup (board_by_id, clw_cluster_get_health_board_id (cluster->record));
      cluster->lead = doctor (gen);
      cluster->manager = person (gen);
      cluster->usual_time = PICK (gen, meeting_times);
      cluster->practices = g_ptr_array_new ();
      g_assert (cluster->board != NULL);
      g_ptr_array_add (gen->clusters, cluster);
    }

  if (gen->clusters->len == 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("The reference data has no cluster with a GP Collaborative: the demo "
                     "has nowhere to put its practices. Load the reference data again."));
      return FALSE;
    }

  for (guint c = 0; c < N_CYCLES; c++)
    {
      const char *params[] = { cycle_codes[c], NULL };
      g_autoptr(GListStore) cycles = NULL;
      g_autoptr(GListStore) indicators = NULL;
      Cycle *cycle = &gen->cycles[c];

      cycles = clw_record_list (gen->db, CLW_TYPE_CYCLE, "code = ?", params, error);
      if (cycles == NULL)
        return FALSE;
      if (g_list_model_get_n_items (G_LIST_MODEL (cycles)) == 0)
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                       _("The reference data has no QAIF cycle %s, which the demo needs. "
                         "Load the reference data again."), cycle_codes[c]);
          return FALSE;
        }
      cycle->record = g_list_model_get_item (G_LIST_MODEL (cycles), 0);
      cycle->code = cycle_codes[c];
      cycle->starts = day_parse (clw_cycle_get_starts_on (cycle->record));
      cycle->ends = day_parse (clw_cycle_get_ends_on (cycle->record));

      {
        const char *by_cycle[] = { clw_record_get_id (CLW_RECORD (cycle->record)), NULL };

        indicators = clw_record_list (gen->db, CLW_TYPE_INDICATOR, "cycle_id = ?", by_cycle, error);
        if (indicators == NULL)
          return FALSE;
      }
      n = g_list_model_get_n_items (G_LIST_MODEL (indicators));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ClwIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (indicators), i);
          const char *id = keep (gen, clw_record_get_id (CLW_RECORD (indicator)));

          switch (clw_indicator_get_rule (indicator))
            {
            case CLW_INDICATOR_RULE_ATTENDANCE:
              cycle->attendance_indicator = id;
              break;
            case CLW_INDICATOR_RULE_IMTP_CONTRIBUTION:
              cycle->imtp_indicator = id;
              break;
            case CLW_INDICATOR_RULE_CLUSTER_OUTCOMES:
            default:
              cycle->outcomes_indicator = id;
              break;
            }
        }
    }

  return TRUE;
}

/* Practices ------------------------------------------------------------- */

/* Share each board's practices between its clusters: at least 3 and at
 * most 9 (times the scale) each, more where a random weight says so. */
static void
size_clusters (Gen *gen)
{
  for (guint b = 0; b < gen->boards->len; b++)
    {
      Board *board = g_ptr_array_index (gen->boards, b);
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();
      g_autofree double *weights = NULL;
      guint lo = MIN_PRACTICES_PER_CLUSTER * gen->scale;
      guint hi = MAX_PRACTICES_PER_CLUSTER * gen->scale;
      guint total;
      double sum = 0;

      for (guint c = 0; c < gen->clusters->len; c++)
        {
          Cluster *cluster = g_ptr_array_index (gen->clusters, c);
          if (cluster->board == board)
            g_ptr_array_add (mine, cluster);
        }
      if (mine->len == 0)
        continue;

      total = board->n_practices > 0 ? board->n_practices * gen->scale
                                     : DEFAULT_PRACTICES_PER_CLUSTER * gen->scale * mine->len;
      total = CLAMP (total, lo * mine->len, hi * mine->len);

      weights = g_new (double, mine->len);
      for (guint c = 0; c < mine->len; c++)
        {
          Cluster *cluster = g_ptr_array_index (mine, c);
          cluster->target = lo;
          weights[c] = uniform (gen, 0.3, 1.7);
          sum += weights[c];
        }

      for (guint left = total - lo * mine->len; left > 0;)
        {
          double r = uniform (gen, 0, sum);
          guint c = 0;

          while (c + 1 < mine->len && r >= weights[c])
            r -= weights[c++];

          {
            Cluster *cluster = g_ptr_array_index (mine, c);
            if (cluster->target < hi)
              {
                cluster->target++;
                left--;
              }
            else
              {
                /* Full: take it out of the draw. */
                sum -= weights[c];
                weights[c] = 0;
              }
          }
        }
    }
}

static int
draw_partners (Gen *gen)
{
  double r = g_rand_double (gen->rand);

  if (r < 0.08)
    return 1;
  if (r < 0.23)
    return 2;
  if (r < 0.43)
    return 3;
  if (r < 0.93)
    return rnd (gen, 4, 7);
  return rnd (gen, 8, 12);
}

static const char *
practice_name (Gen *gen)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *place = NULL;
      g_autofree char *name = NULL;
      double total = 0, r;
      NameForm form = FORM_SURGERY;

      const char *first = PICK (gen, name_first);
      const char *second = PICK (gen, name_second);

      if (g_str_equal (first, "Bryn") && g_str_equal (second, "Bryn"))
        continue;
      place = g_strdup_printf ("%s %s", first, second);

      for (guint i = 0; i < G_N_ELEMENTS (name_forms); i++)
        total += name_forms[i].weight;
      r = uniform (gen, 0, total);
      for (guint i = 0; i < G_N_ELEMENTS (name_forms); i++)
        {
          if (r < name_forms[i].weight)
            {
              form = name_forms[i].form;
              break;
            }
          r -= name_forms[i].weight;
        }

      switch (form)
        {
        case FORM_MEDDYGFA:
          name = g_strdup_printf ("Meddygfa %s", place);
          break;
        case FORM_MEDICAL_CENTRE:
          name = g_strdup_printf ("%s Medical Centre", place);
          break;
        case FORM_HEALTH_CENTRE:
          name = g_strdup_printf ("%s Health Centre", place);
          break;
        case FORM_MEDICAL_PRACTICE:
          name = g_strdup_printf ("%s Medical Practice", place);
          break;
        case FORM_THE_PRACTICE:
          name = g_strdup_printf ("The %s Practice", place);
          break;
        case FORM_CANOLFAN:
          name = g_strdup_printf ("Canolfan Iechyd %s", place);
          break;
        case FORM_FAMILY_PRACTICE:
          name = g_strdup_printf ("%s Family Practice", place);
          break;
        case FORM_BARE:
          name = g_strdup (place);
          break;
        case FORM_SURGERY:
        default:
          name = g_strdup_printf ("%s Surgery", place);
          break;
        }

      /* Names repeat only when the demo is larger than Wales. */
      if (attempt < 20 && g_hash_table_contains (gen->names, name))
        continue;

      {
        const char *kept = keep (gen, name);
        g_hash_table_add (gen->names, (gpointer) kept);
        return kept;
      }
    }
}

static void
make_code (Gen  *gen,
           char  code[7])
{
  do
    g_snprintf (code, 7, "W%05d", rnd (gen, 10000, 99999));
  while (g_hash_table_contains (gen->codes, code));

  g_hash_table_add (gen->codes, (gpointer) keep (gen, code));
}

static void
draw_representation_profile (Gen      *gen,
                             Practice *p)
{
  const Cycle *first = &gen->cycles[0];
  double r = g_rand_double (gen->rand);

  p->pm = PM_NONE;
  p->pm_from = DAY_NEVER;
  p->pm_until = DAY_NEVER;

  if (r < 0.12)
    {
      p->pm = PM_AGREED;
      /* Most before the first cycle, some during it. */
      if (chance (gen, 0.7))
        p->pm_from = day_between (gen, first->starts - 90, first->starts - 10);
      else
        p->pm_from = day_between (gen, first->starts + 60, first->ends + 120);
    }
  else if (r < 0.14)
    {
      p->pm = PM_LATE;
      p->pm_from = day_between (gen, first->starts + 14, first->starts + 60);
    }
  else if (r < 0.18)
    p->pm = PM_NO_REQUEST;
  else if (r < 0.20)
    {
      p->pm = PM_REFUSED;
      p->pm_from = day_between (gen, first->starts + 14, gen->today - 60);
    }
  else if (r < 0.215)
    {
      p->pm = PM_PENDING;
      p->pm_from = day_between (gen, gen->today - 75, gen->today - 15);
    }
  else if (r < 0.225)
    {
      p->pm = PM_ENDED;
      p->pm_from = day_between (gen, first->starts - 90, first->starts - 10);
      p->pm_until = day_min (p->pm_from + (Day) rnd (gen, 200, 400), gen->today - 10);
    }
}

static gboolean
make_practices (Gen     *gen,
                GError **error)
{
  Day created_from = gen->cycles[0].starts - 45;
  Day created_to = gen->cycles[0].starts - 5;

  size_clusters (gen);

  for (guint c = 0; c < gen->clusters->len; c++)
    {
      Cluster *cluster = g_ptr_array_index (gen->clusters, c);

      for (guint i = 0; i < cluster->target; i++)
        {
          Practice *p = g_new0 (Practice, 1);
          g_autoptr(ClwPractice) record = NULL;
          double per_partner;
          Day created, updated;
          const char *by;

          p->cluster = cluster;
          make_code (gen, p->code);
          p->name = practice_name (gen);
          p->partners = draw_partners (gen);
          p->salaried = chance (gen, 0.6) ? rnd (gen, 1, p->partners <= 3 ? 2 : 3) : 0;
          per_partner = uniform (gen, 1550, 2350);
          p->list_size = (int) (p->partners * per_partner * uniform (gen, 0.92, 1.08));
          p->sustainability = chance (gen, p->partners <= 3 ? 0.18 : 0.045);
          {
            double r = g_rand_double (gen->rand);
            p->branches = r < 0.62 ? 0 : r < 0.90 ? 1 : r < 0.98 ? 2 : 3;
          }
          p->diligent = chance (gen, DILIGENT_SHARE);
          for (int k = 0; k < p->partners; k++)
            p->partner_names[k] = doctor (gen);
          p->salaried_name = p->salaried > 0 ? doctor (gen) : NULL;
          p->clinician = person (gen);
          p->manager = person (gen);
          p->manager_is_admin = chance (gen, 0.15);
          draw_representation_profile (gen, p);
          p->buddy_from = DAY_NEVER;
          p->buddy_until = DAY_NEVER;

          record = g_object_new (CLW_TYPE_PRACTICE,
                                 "cluster-id", clw_record_get_id (CLW_RECORD (cluster->record)),
                                 "code", p->code,
                                 "name", p->name,
                                 "partners", p->partners,
                                 "list-size", p->list_size,
                                 "sustainability-issues", p->sustainability,
                                 "branch-surgeries", p->branches,
                                 NULL);
          created = day_between (gen, created_from, created_to);
          updated = day_between (gen, created_to, gen->cycles[0].starts + 200);
          by = PICK (gen, cluster->board->team);
          if (!insert (gen, record, created, updated, by, &gen->counts.practices, error))
            {
              g_free (p);
              return FALSE;
            }
          g_strlcpy (p->id, clw_record_get_id (CLW_RECORD (record)), sizeof p->id);

          g_ptr_array_add (gen->practices, p);
          g_ptr_array_add (cluster->practices, p);
        }
    }

  return TRUE;
}

/* Representation and buddy requests ------------------------------------- */

static gboolean
insert_representation (Gen                   *gen,
                       Practice              *p,
                       ClwRepresentationKind  kind,
                       const char            *meeting_id,
                       const char            *name,
                       const char            *role,
                       Day                    starts,
                       Day                    ends,
                       ClwArrangementStatus   status,
                       Day                    requested,
                       Day                    decided,
                       const char            *explanation,
                       const char            *notes,
                       GError               **error)
{
  g_autoptr(ClwRepresentation) record = NULL;
  char starts_on[11], ends_on[11], requested_on[11], decision_on[11];

  record = g_object_new (CLW_TYPE_REPRESENTATION,
                         "practice-id", p->id,
                         "kind", kind,
                         "meeting-id", meeting_id,
                         "representative-name", name,
                         "representative-role", role,
                         "starts-on", starts != DAY_NEVER ? day_iso (starts, starts_on) : NULL,
                         "ends-on", ends != DAY_NEVER ? day_iso (ends, ends_on) : NULL,
                         "status", status,
                         "requested-on", day_iso (requested, requested_on),
                         "decision-on", decided != DAY_NEVER ? day_iso (decided, decision_on) : NULL,
                         "explanation", explanation != NULL ? explanation : "",
                         "notes", notes != NULL ? notes : "",
                         NULL);

  return insert (gen, record, requested, decided != DAY_NEVER ? decided : requested,
                 PICK (gen, p->cluster->board->team), &gen->counts.representations, error);
}

static gboolean
make_manager_arrangements (Gen     *gen,
                           GError **error)
{
  for (guint i = 0; i < gen->practices->len; i++)
    {
      Practice *p = g_ptr_array_index (gen->practices, i);
      const char *role = p->manager_is_admin ? "senior-administrator" : "practice-manager";
      Day requested, decided;

      switch (p->pm)
        {
        case PM_AGREED:
          decided = p->pm_from - (Day) rnd (gen, 0, 5);
          requested = decided - (Day) rnd (gen, 7, 30);
          if (!insert_representation (gen, p, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL,
                                      p->manager, role, p->pm_from, DAY_NEVER,
                                      CLW_ARRANGEMENT_STATUS_AGREED, requested, decided,
                                      NULL, NULL, error))
            return FALSE;
          break;

        case PM_LATE:
          /* Asked at the start of the cycle, agreed months later: the
           * meetings the manager attended before then do not count. */
          requested = p->pm_from;
          decided = requested + (Day) rnd (gen, 90, 150);
          if (!insert_representation (gen, p, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL,
                                      p->manager, role, p->pm_from, DAY_NEVER,
                                      CLW_ARRANGEMENT_STATUS_AGREED, requested, decided,
                                      NULL, NULL, error))
            return FALSE;
          break;

        case PM_REFUSED:
          requested = p->pm_from;
          decided = day_min (requested + (Day) rnd (gen, 14, 45), gen->today);
          p->pm_until = decided;
          if (!insert_representation (gen, p, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL,
                                      p->manager, role, requested + 14, DAY_NEVER,
                                      CLW_ARRANGEMENT_STATUS_REFUSED, requested, decided,
                                      PICK (gen, pm_refusals), NULL, error))
            return FALSE;
          break;

        case PM_PENDING:
          requested = p->pm_from;
          if (!insert_representation (gen, p, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL,
                                      p->manager, role, requested + 14, DAY_NEVER,
                                      CLW_ARRANGEMENT_STATUS_REQUESTED, requested, DAY_NEVER,
                                      NULL, NULL, error))
            return FALSE;
          break;

        case PM_ENDED:
          decided = p->pm_from - (Day) rnd (gen, 0, 5);
          requested = decided - (Day) rnd (gen, 7, 30);
          if (!insert_representation (gen, p, CLW_REPRESENTATION_KIND_PRACTICE_MANAGER, NULL,
                                      p->manager, role, p->pm_from, p->pm_until,
                                      CLW_ARRANGEMENT_STATUS_ENDED, requested, decided,
                                      NULL, "The practice manager left the practice.", error))
            return FALSE;
          break;

        case PM_NONE:
        case PM_NO_REQUEST:
        default:
          break;
        }
    }

  return TRUE;
}

static gboolean
make_buddy_arrangements (Gen     *gen,
                         GError **error)
{
  Day first_start = gen->cycles[0].starts;

  for (guint c = 0; c < gen->clusters->len; c++)
    {
      Cluster *cluster = g_ptr_array_index (gen->clusters, c);

      for (guint i = 0; i < cluster->practices->len; i++)
        {
          Practice *small = g_ptr_array_index (cluster->practices, i);
          g_autoptr(GPtrArray) larger = g_ptr_array_new ();
          g_autoptr(ClwBuddyArrangement) record = NULL;
          ClwArrangementStatus status;
          Practice *buddy;
          Day requested, decided = DAY_NEVER, starts, ends = DAY_NEVER;
          char starts_on[11], ends_on[11], requested_on[11], decision_on[11];
          const char *explanation = "";
          const char *notes = "";
          double r;

          if (!clw_buddy_arrangement_small_practice_qualifies (small->partners, small->sustainability) ||
              !chance (gen, 0.25) || small->is_a_buddy)
            continue;

          /* A larger practice of the same collaborative, preferably a
           * partnership of four or more. */
          for (guint j = 0; j < cluster->practices->len; j++)
            {
              Practice *other = g_ptr_array_index (cluster->practices, j);
              if (other != small && other->list_size > small->list_size && !other->asked_for_buddy &&
                  (other->partners >= 4 || larger->len == 0))
                g_ptr_array_add (larger, other);
            }
          if (larger->len == 0)
            continue;
          buddy = g_ptr_array_index (larger, rnd (gen, 0, larger->len - 1));
          small->asked_for_buddy = TRUE;
          buddy->is_a_buddy = TRUE;

          r = g_rand_double (gen->rand);
          if (r < 0.55)
            {
              status = CLW_ARRANGEMENT_STATUS_AGREED;
              requested = day_between (gen, first_start - 120, gen->today - 200);
              decided = requested + (Day) rnd (gen, 10, 40);
              starts = decided + (Day) rnd (gen, 0, 14);
            }
          else if (r < 0.70)
            {
              status = CLW_ARRANGEMENT_STATUS_ENDED;
              requested = day_between (gen, first_start - 120, first_start + 60);
              decided = requested + (Day) rnd (gen, 10, 40);
              starts = decided + (Day) rnd (gen, 0, 14);
              ends = day_min (starts + (Day) rnd (gen, 120, 300), gen->today - 10);
              notes = PICK (gen, buddy_endings);
            }
          else if (r < 0.85)
            {
              status = CLW_ARRANGEMENT_STATUS_REFUSED;
              requested = day_between (gen, first_start - 30, gen->today - 60);
              decided = requested + (Day) rnd (gen, 10, 40);
              starts = requested + 30;
              explanation = PICK (gen, buddy_refusals);
            }
          else
            {
              status = CLW_ARRANGEMENT_STATUS_REQUESTED;
              requested = day_between (gen, gen->today - 60, gen->today - 5);
              starts = requested + 30;
            }

          record = g_object_new (CLW_TYPE_BUDDY_ARRANGEMENT,
                                 "small-practice-id", small->id,
                                 "buddy-practice-id", buddy->id,
                                 "starts-on", day_iso (starts, starts_on),
                                 "ends-on", ends != DAY_NEVER ? day_iso (ends, ends_on) : NULL,
                                 "status", status,
                                 "requested-on", day_iso (requested, requested_on),
                                 "decision-on", decided != DAY_NEVER ? day_iso (decided, decision_on) : NULL,
                                 "explanation", explanation,
                                 "notes", notes,
                                 NULL);
          if (!insert (gen, record, requested, decided != DAY_NEVER ? MAX (decided, ends == DAY_NEVER ? decided : ends) : requested,
                       PICK (gen, cluster->board->team), &gen->counts.buddy_arrangements, error))
            return FALSE;

          if (status == CLW_ARRANGEMENT_STATUS_AGREED || status == CLW_ARRANGEMENT_STATUS_ENDED)
            {
              small->buddy = buddy;
              small->buddy_from = starts;
              small->buddy_until = ends;
            }
        }
    }

  return TRUE;
}

/* Meetings --------------------------------------------------------------- */

/* Months of the QAIF year from October, and how likely a meeting is in
 * each: the collaboratives avoid the winter pressure period, mostly. */
static const double month_weights[12] = {
  3.0, 3.0, 0.12, 0.12, 0.2, 3.0, 2.2, 3.0, 3.0, 2.5, 0.6, 2.5,
};

static guint
plan_meeting_days (Gen   *gen,
                   Cycle *cycle,
                   guint  n,
                   Day   *days)
{
  double weights[12];
  int start_d, start_m, start_y;

  memcpy (weights, month_weights, sizeof weights);
  day_get (cycle->starts, &start_d, &start_m, &start_y);

  for (guint i = 0; i < n; i++)
    {
      double sum = 0, r;
      guint month = 0;
      int y, m;
      Day candidates[31];
      guint n_candidates = 0;

      for (guint k = 0; k < 12; k++)
        sum += weights[k];
      r = uniform (gen, 0, sum);
      while (month < 11 && (weights[month] == 0 || r >= weights[month]))
        r -= weights[month++];
      weights[month] = 0;

      /* Month index 0 is the cycle's first month (October). */
      m = (start_m - 1 + (int) month) % 12 + 1;
      y = start_y + (start_m - 1 + (int) month) / 12;

      /* A Tuesday, Wednesday or Thursday in the middle of the month. */
      for (int d = 8; d <= 26; d++)
        {
          Day day = day_from_dmy (d, m, y);
          GDateWeekday wd = day_weekday (day);
          if (wd == G_DATE_TUESDAY || wd == G_DATE_WEDNESDAY || wd == G_DATE_THURSDAY)
            candidates[n_candidates++] = day;
        }
      days[i] = candidates[rnd (gen, 0, n_candidates - 1)];
    }

  /* By date. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && days[j] < days[j - 1]; j--)
      {
        Day t = days[j];
        days[j] = days[j - 1];
        days[j - 1] = t;
      }

  return n;
}

static const char *
meeting_place (Gen     *gen,
               Cluster *cluster,
               Cycle   *cycle)
{
  double teams = cycle == &gen->cycles[0] ? 0.45 : 0.25;
  double r = g_rand_double (gen->rand);

  if (r < teams)
    return "Microsoft Teams";
  if (r < teams + 0.35 && cluster->practices->len > 0)
    {
      Practice *host = g_ptr_array_index (cluster->practices, rnd (gen, 0, cluster->practices->len - 1));
      return host->name;
    }
  {
    guint form = (guint) rnd (gen, 0, G_N_ELEMENTS (hall_forms) - 1);

    return keepf (gen, "%s%s%s", hall_forms[form][0], clw_cluster_get_name (cluster->record),
                  hall_forms[form][1]);
  }
}

typedef enum
{
  ALT_NONE,
  ALT_PRIOR,      /* agreed before the meeting */
  ALT_AFTER,      /* agreed, after the meeting */
  ALT_REFUSED,    /* refused before the meeting, came anyway */
  ALT_NO_REQUEST, /* nobody asked */
} AltKind;

typedef struct
{
  Practice            *practice;
  ClwAttendanceStatus  status;
  const char          *role;    /* a ClwRepresentativeRole nick, or NULL */
  const char          *name;
  const char          *notes;
  AltKind              alternative;
  gboolean             engaged; /* a buddied practice that fed in */
} Presence;

static void
decide_presence (Gen      *gen,
                 Practice *p,
                 Day       day,
                 Presence *out)
{
  gboolean buddied = p->buddy != NULL && day >= p->buddy_from && day <= p->buddy_until;
  gboolean manager = FALSE;
  double r;

  memset (out, 0, sizeof *out);
  out->practice = p;
  out->status = CLW_ATTENDANCE_STATUS_ATTENDED;
  out->name = "";
  out->notes = "";

  if (buddied)
    {
      /* Buddied practices often leave the meeting to their buddy and feed
       * in by e-mail or through comments; that is recorded most times. */
      r = g_rand_double (gen->rand);
      if (r < 0.60)
        {
          out->status = r < 0.25 ? CLW_ATTENDANCE_STATUS_APOLOGIES : CLW_ATTENDANCE_STATUS_ABSENT;
          out->notes = keepf (gen, "Buddied with %s.", p->buddy->code);
          out->engaged = chance (gen, 0.8);
          return;
        }
    }
  else
    {
      switch (p->pm)
        {
        case PM_AGREED:
        case PM_ENDED:
          manager = day >= p->pm_from && day <= p->pm_until && chance (gen, 0.65);
          break;
        case PM_LATE:
          manager = day >= p->pm_from && chance (gen, 0.8);
          break;
        case PM_REFUSED:
        case PM_PENDING:
          manager = day >= p->pm_from && day <= p->pm_until && chance (gen, 0.7);
          break;
        case PM_NO_REQUEST:
          manager = chance (gen, 0.6);
          break;
        case PM_NONE:
        default:
          break;
        }
    }

  if (manager)
    {
      out->role = p->manager_is_admin ? "senior-administrator" : "practice-manager";
      out->name = p->manager;
      return;
    }

  r = g_rand_double (gen->rand);
  if (r < share_for (p->diligent, 0.035))
    {
      out->status = CLW_ATTENDANCE_STATUS_APOLOGIES;
      out->notes = PICK (gen, apology_notes);
    }
  else if (r < share_for (p->diligent, 0.05))
    out->status = CLW_ATTENDANCE_STATUS_ABSENT;
  else if (r < share_for (p->diligent, 0.05) + 0.015 && !buddied)
    {
      double k = g_rand_double (gen->rand);

      const char *what;
      const char *why;

      out->alternative = k < 0.5 ? ALT_PRIOR : k < 0.7 ? ALT_AFTER : k < 0.85 ? ALT_REFUSED : ALT_NO_REQUEST;
      out->role = "other";
      out->name = person (gen);
      what = PICK (gen, alternative_roles);
      why = PICK (gen, alternative_reasons);
      out->notes = keepf (gen, "%s, attending in exceptional circumstances: %s.", what, why);
    }
  else
    {
      double k = g_rand_double (gen->rand);

      if (k < 0.15 && p->salaried_name != NULL)
        {
          out->role = "salaried-gp";
          out->name = p->salaried_name;
        }
      else if (k > 0.96)
        {
          out->role = "other-senior-clinician";
          out->name = p->clinician;
          out->notes = "Advanced nurse practitioner";
        }
      else
        {
          out->role = "clinical-partner";
          out->name = p->partner_names[rnd (gen, 0, p->partners - 1)];
        }
    }
}

static char *
write_minutes (Gen        *gen,
               Cluster    *cluster,
               Meeting    *meeting,
               Day         previous,
               guint       represented,
               guint       apologies,
               GPtrArray  *decisions,
               GPtrArray  *information)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          "Chair: %s, cluster lead. Present: representatives of %u of the %u "
                          "practices of the %s GP Collaborative",
                          cluster->lead, represented, cluster->practices->len,
                          clw_cluster_get_name (cluster->record));
  if (apologies > 0)
    g_string_append_printf (text, "; apologies from %u", apologies);
  g_string_append (text, ".\n\n");

  if (previous != 0)
    {
      g_autofree char *when = day_text (previous);
      g_string_append_printf (text, "The minutes of the meeting of %s were agreed as a true record. "
                              "Matters arising were taken with the action log.\n\n", when);
    }
  else
    g_string_append (text, "The minutes of the last meeting of the previous year were agreed. "
                     "Matters arising were taken with the action log.\n\n");

  for (guint i = 0; i < decisions->len; i++)
    g_string_append_printf (text, "%s: %s\n", (const char *) g_ptr_array_index (decisions, i),
                            PICK (gen, decision_outcomes));

  if (information->len > 0)
    {
      g_string_append (text, "\nThe Collaborative noted: ");
      for (guint i = 0; i < information->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "; " : "",
                                (const char *) g_ptr_array_index (information, i));
      g_string_append (text, ".");
    }

  return g_string_free (text, FALSE);
}

/* Pick @n distinct entries of @array (of @len). */
static void
pick_distinct (Gen         *gen,
               const char **array,
               guint        len,
               guint        n,
               GPtrArray   *out)
{
  g_autofree guint *order = g_new (guint, len);

  for (guint i = 0; i < len; i++)
    order[i] = i;
  for (guint i = 0; i < n && i < len; i++)
    {
      guint j = i + (guint) rnd (gen, 0, (int) (len - i - 1));
      guint t = order[i];
      order[i] = order[j];
      order[j] = t;
      g_ptr_array_add (out, (gpointer) array[order[i]]);
    }
}

static gboolean
insert_agenda_item (Gen              *gen,
                    Meeting          *meeting,
                    ClwAgendaSection  section,
                    guint             position,
                    const char       *title,
                    const char       *presenter,
                    Day               created,
                    const char       *by,
                    GError          **error)
{
  g_autoptr(ClwAgendaItem) item = g_object_new (CLW_TYPE_AGENDA_ITEM,
                                                "meeting-id", meeting->id,
                                                "section", section,
                                                "position", position,
                                                "title", title,
                                                "presenter", presenter,
                                                NULL);

  return insert (gen, item, created, created, by, &gen->counts.agenda_items, error);
}

static gboolean
make_action_items (Gen      *gen,
                   Cluster  *cluster,
                   Meeting  *meeting,
                   GError  **error)
{
  guint n = (guint) rnd (gen, 1, 4);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  pick_distinct (gen, actions, G_N_ELEMENTS (actions), n, chosen);

  for (guint i = 0; i < chosen->len; i++)
    {
      g_autoptr(ClwActionItem) item = NULL;
      Day due = meeting->day + (Day) rnd (gen, 14, 90);
      Day created = meeting->day + (Day) rnd (gen, 0, 3);
      Day updated = created;
      ClwActionStatus status;
      const char *owner;
      const char *notes = "";
      char due_on[11];
      double r = g_rand_double (gen->rand);

      if (due < gen->today)
        {
          /* Some are still open after their due date: the overdue ones. */
          status = r < 0.70 ? CLW_ACTION_STATUS_DONE
                 : r < 0.82 ? CLW_ACTION_STATUS_IN_PROGRESS : CLW_ACTION_STATUS_OPEN;
          if (status == CLW_ACTION_STATUS_DONE)
            {
              g_autofree char *when = NULL;
              updated = day_between (gen, created, due + 10);
              when = day_text (MIN (updated, gen->today));
              notes = keepf (gen, "Done on %s.", when);
            }
        }
      else
        status = r < 0.55 ? CLW_ACTION_STATUS_OPEN
               : r < 0.90 ? CLW_ACTION_STATUS_IN_PROGRESS : CLW_ACTION_STATUS_DONE;

      if (status == CLW_ACTION_STATUS_IN_PROGRESS)
        updated = day_between (gen, created, gen->today);

      r = g_rand_double (gen->rand);
      if (r < 0.35)
        owner = cluster->lead;
      else if (r < 0.70)
        owner = cluster->manager;
      else if (r < 0.85)
        owner = keepf (gen, "Primary Care Team, %s", clw_health_board_get_short_name (cluster->board->record));
      else
        {
          Practice *p = g_ptr_array_index (cluster->practices, rnd (gen, 0, cluster->practices->len - 1));
          owner = keepf (gen, "%s (%s)", p->partner_names[0], p->code);
        }

      item = g_object_new (CLW_TYPE_ACTION_ITEM,
                           "meeting-id", meeting->id,
                           "description", (const char *) g_ptr_array_index (chosen, i),
                           "owner", owner,
                           "due-on", day_iso (due, due_on),
                           "status", status,
                           "notes", notes,
                           NULL);
      if (!insert (gen, item, created, updated, cluster->manager, &gen->counts.action_items, error))
        return FALSE;
    }

  return TRUE;
}

static const char *
engagement_note (Gen               *gen,
                 ClwEngagementKind  kind,
                 const char        *item,
                 const char        *buddy)
{
  if (kind == CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY)
    return keepf (gen, "Comments on “%s” sent to the buddy practice (%s) before the meeting.",
                  item, buddy);
  if (chance (gen, 0.5))
    return keepf (gen, "Views on “%s” e-mailed to the cluster lead; the buddy practice (%s) "
                  "presented them.", item, buddy);
  return keepf (gen, "Took part by e-mail on “%s”; minutes read and agreed with %s.", item, buddy);
}

static gboolean
record_presence (Gen       *gen,
                 Cluster   *cluster,
                 Meeting   *meeting,
                 Presence  *presence,
                 GError   **error)
{
  Practice *p = presence->practice;
  g_autoptr(ClwAttendance) attendance = NULL;
  Day recorded = day_min (meeting->day + (Day) rnd (gen, 0, 2), gen->today);

  /* The request behind an alternative representative. */
  if (presence->alternative != ALT_NONE && presence->alternative != ALT_NO_REQUEST)
    {
      Day requested = meeting->day - (Day) rnd (gen, 4, 14);
      Day decided;
      ClwArrangementStatus status = CLW_ARRANGEMENT_STATUS_AGREED;
      const char *explanation = NULL;

      if (presence->alternative == ALT_AFTER && meeting->day < gen->today)
        decided = day_min (meeting->day + (Day) rnd (gen, 1, 14), gen->today);
      else
        {
          decided = day_between (gen, requested, meeting->day - 1);
          if (presence->alternative == ALT_REFUSED)
            {
              status = CLW_ARRANGEMENT_STATUS_REFUSED;
              explanation = PICK (gen, alternative_refusals);
            }
        }

      if (!insert_representation (gen, p, CLW_REPRESENTATION_KIND_ALTERNATIVE, meeting->id,
                                  presence->name, presence->role, meeting->day, meeting->day,
                                  status, requested, decided, explanation, NULL, error))
        return FALSE;
    }

  attendance = g_object_new (CLW_TYPE_ATTENDANCE,
                             "meeting-id", meeting->id,
                             "practice-id", p->id,
                             "status", presence->status,
                             "representative-name", presence->name,
                             "representative-role", presence->role,
                             "notes", presence->notes,
                             NULL);
  if (!insert (gen, attendance, recorded, recorded, cluster->manager, &gen->counts.attendances, error))
    return FALSE;

  if (presence->engaged)
    {
      g_autoptr(ClwBuddyEngagement) engagement = NULL;
      ClwEngagementKind kind = chance (gen, 0.55) ? CLW_ENGAGEMENT_KIND_EMAIL_PARTICIPATION
                                                  : CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY;
      Day on = kind == CLW_ENGAGEMENT_KIND_COMMENTS_TO_BUDDY
               ? meeting->day - (Day) rnd (gen, 0, 3)
               : day_min (meeting->day + (Day) rnd (gen, 0, 2), gen->today);
      char recorded_on[11];

      engagement = g_object_new (CLW_TYPE_BUDDY_ENGAGEMENT,
                                 "practice-id", p->id,
                                 "meeting-id", meeting->id,
                                 "kind", kind,
                                 "recorded-on", day_iso (on, recorded_on),
                                 "note", engagement_note (gen, kind, meeting->decision, p->buddy->code),
                                 NULL);
      if (!insert (gen, engagement, MAX (on, recorded), MAX (on, recorded), cluster->manager,
                   &gen->counts.buddy_engagements, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
make_meeting (Gen      *gen,
              Cluster  *cluster,
              Cycle    *cycle,
              Meeting  *meeting,
              Day       previous,
              GError  **error)
{
  g_autoptr(ClwMeeting) record = NULL;
  g_autoptr(GPtrArray) decisions = g_ptr_array_new ();
  g_autoptr(GPtrArray) information = g_ptr_array_new ();
  g_autofree Presence *presence = NULL;
  g_autofree char *minutes = NULL;
  const char *time = chance (gen, 0.8) ? cluster->usual_time : PICK (gen, meeting_times);
  g_autofree char *starts_at = NULL;
  char date[11];
  Day created = meeting->day - (Day) rnd (gen, 21, 60);
  Day updated = created;
  guint n = cluster->practices->len;
  guint position = 1;
  const char *place;

  starts_at = g_strdup_printf ("%sT%s", day_iso (meeting->day, date), time);
  place = meeting_place (gen, cluster, cycle);

  pick_distinct (gen, decision_items, G_N_ELEMENTS (decision_items), (guint) rnd (gen, 1, 3), decisions);
  pick_distinct (gen, information_items, G_N_ELEMENTS (information_items), (guint) rnd (gen, 1, 3), information);
  meeting->decision = g_ptr_array_index (decisions, 0);

  if (meeting->status == CLW_MEETING_STATUS_HELD)
    {
      guint represented = 0, apologies = 0;

      presence = g_new0 (Presence, n);
      for (guint i = 0; i < n; i++)
        {
          decide_presence (gen, g_ptr_array_index (cluster->practices, i), meeting->day, &presence[i]);
          if (presence[i].status == CLW_ATTENDANCE_STATUS_ATTENDED)
            represented++;
          else if (presence[i].status == CLW_ATTENDANCE_STATUS_APOLOGIES)
            apologies++;
        }
      minutes = write_minutes (gen, cluster, meeting, previous, represented, apologies, decisions, information);
      updated = day_min (meeting->day + (Day) rnd (gen, 1, 7), gen->today);
    }
  else if (meeting->status == CLW_MEETING_STATUS_CANCELLED)
    updated = day_min (meeting->day - (Day) rnd (gen, 1, 10), gen->today);

  record = g_object_new (CLW_TYPE_MEETING,
                         "collaborative-id", cluster->collaborative_id,
                         "starts-at", starts_at,
                         "place", place,
                         "status", meeting->status,
                         "minutes", minutes != NULL ? minutes : "",
                         NULL);
  if (!insert (gen, record, created, updated, cluster->manager, &gen->counts.meetings, error))
    return FALSE;
  g_strlcpy (meeting->id, clw_record_get_id (CLW_RECORD (record)), sizeof meeting->id);

  switch (meeting->status)
    {
    case CLW_MEETING_STATUS_HELD:
      gen->counts.meetings_held++;
      break;
    case CLW_MEETING_STATUS_CANCELLED:
      gen->counts.meetings_cancelled++;
      break;
    case CLW_MEETING_STATUS_PLANNED:
    default:
      gen->counts.meetings_planned++;
      break;
    }

  /* The agenda, in the order of an NHS Wales meeting pack. */
  {
    g_autofree char *minutes_title = NULL;
    const char *board = clw_health_board_get_short_name (cluster->board->record);
    Day agenda_day = created + (Day) rnd (gen, 0, 10);

    if (previous != 0)
      {
        g_autofree char *when = day_text (previous);
        minutes_title = g_strdup_printf ("Minutes of the meeting of %s", when);
      }
    else
      minutes_title = g_strdup ("Minutes of the last meeting");

    if (!insert_agenda_item (gen, meeting, CLW_AGENDA_SECTION_WELCOME, position++,
                             "Welcome, introductions and apologies", cluster->lead, agenda_day,
                             cluster->manager, error) ||
        !insert_agenda_item (gen, meeting, CLW_AGENDA_SECTION_DECLARATIONS, position++,
                             "Declarations of interest", cluster->lead, agenda_day,
                             cluster->manager, error) ||
        !insert_agenda_item (gen, meeting, CLW_AGENDA_SECTION_MINUTES, position++,
                             minutes_title, cluster->lead, agenda_day, cluster->manager, error) ||
        !insert_agenda_item (gen, meeting, CLW_AGENDA_SECTION_MATTERS_ARISING, position++,
                             "Matters arising and the action log", cluster->manager, agenda_day,
                             cluster->manager, error))
      return FALSE;

    for (guint i = 0; i < decisions->len; i++)
      {
        const char *presenter = chance (gen, 0.5) ? cluster->lead
                              : chance (gen, 0.5) ? cluster->manager
                              : keepf (gen, "Primary Care Team, %s", board);
        if (!insert_agenda_item (gen, meeting, CLW_AGENDA_SECTION_DECISION, position++,
                                 g_ptr_array_index (decisions, i), presenter, agenda_day,
                                 cluster->manager, error))
          return FALSE;
      }

    for (guint i = 0; i < information->len; i++)
      {
        const char *presenter = chance (gen, 0.4) ? keepf (gen, "Primary Care Team, %s", board)
                              : chance (gen, 0.5) ? cluster->manager : person (gen);
        if (!insert_agenda_item (gen, meeting, CLW_AGENDA_SECTION_INFORMATION, position++,
                                 g_ptr_array_index (information, i), presenter, agenda_day,
                                 cluster->manager, error))
          return FALSE;
      }

    if (!insert_agenda_item (gen, meeting, CLW_AGENDA_SECTION_INFORMATION, position++,
                             "Any other business", cluster->lead, agenda_day, cluster->manager, error))
      return FALSE;
  }

  if (meeting->status != CLW_MEETING_STATUS_HELD)
    return TRUE;

  if (!make_action_items (gen, cluster, meeting, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!record_presence (gen, cluster, meeting, &presence[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
make_meetings (Gen        *gen,
               GPtrArray  *meetings,
               GError    **error)
{
  /* A couple of clusters hold only three meetings in a cycle. */
  for (guint c = 0; c < N_CYCLES; c++)
    for (guint k = 0; k < (c == 0 ? 2u : 1u); k++)
      {
        Cluster *cluster = g_ptr_array_index (gen->clusters, rnd (gen, 0, gen->clusters->len - 1));
        cluster->short_cycle |= 1u << c;
      }

  for (guint c = 0; c < gen->clusters->len; c++)
    {
      Cluster *cluster = g_ptr_array_index (gen->clusters, c);
      Day previous = 0;

      for (guint y = 0; y < N_CYCLES; y++)
        {
          Cycle *cycle = &gen->cycles[y];
          Day days[6];
          guint n;
          double r = g_rand_double (gen->rand);

          if (cluster->short_cycle & (1u << y))
            n = 3;
          else
            n = r < 0.20 ? 4 : r < 0.65 ? 5 : 6;
          plan_meeting_days (gen, cycle, n, days);

          for (guint i = 0; i < n; i++)
            {
              Meeting *meeting = g_new0 (Meeting, 1);

              meeting->day = days[i];
              meeting->cycle = cycle;
              if (days[i] > gen->today)
                meeting->status = CLW_MEETING_STATUS_PLANNED;
              else if (chance (gen, n >= 5 ? 0.06 : 0.01))
                meeting->status = CLW_MEETING_STATUS_CANCELLED;
              else
                meeting->status = CLW_MEETING_STATUS_HELD;

              g_ptr_array_add (meetings, meeting);
              if (!make_meeting (gen, cluster, cycle, meeting, previous, error))
                return FALSE;

              if (meeting->status == CLW_MEETING_STATUS_HELD)
                previous = meeting->day;
            }
        }

      /* Requests for alternative representatives at planned meetings,
       * waiting for the health board. */
      for (guint i = 0; i < meetings->len; i++)
        {
          Meeting *meeting = g_ptr_array_index (meetings, i);

          if (meeting->status != CLW_MEETING_STATUS_PLANNED || meeting->cycle != &gen->cycles[1])
            continue;
          for (guint j = 0; j < cluster->practices->len; j++)
            {
              Practice *p = g_ptr_array_index (cluster->practices, j);
              const char *name, *what, *why;
              Day requested;

              if (!chance (gen, 0.01))
                continue;
              name = person (gen);
              requested = gen->today - (Day) rnd (gen, 0, 14);
              what = PICK (gen, alternative_roles);
              why = PICK (gen, alternative_reasons);
              if (!insert_representation (gen, p, CLW_REPRESENTATION_KIND_ALTERNATIVE, meeting->id,
                                          name, "other", meeting->day, meeting->day,
                                          CLW_ARRANGEMENT_STATUS_REQUESTED, requested, DAY_NEVER,
                                          NULL, keepf (gen, "%s: %s.", what, why), error))
                return FALSE;
            }
        }

      /* The cluster's meetings are done with: keep the list short. */
      g_ptr_array_set_size (meetings, 0);
    }

  return TRUE;
}

/* Evidence --------------------------------------------------------------- */

static gboolean
insert_evidence (Gen              *gen,
                 ClwEvidenceKind   kind,
                 const char       *title,
                 Day               on,
                 const char       *practice_id,
                 const char       *meeting_id,
                 const char       *indicator_id,
                 const char       *by,
                 GError          **error)
{
  g_autoptr(ClwEvidence) record = NULL;
  char evidence_on[11];
  Day created = day_min (on + (Day) rnd (gen, 0, 5), gen->today);

  record = g_object_new (CLW_TYPE_EVIDENCE,
                         "kind", kind,
                         "title", title,
                         "evidence-on", day_iso (on, evidence_on),
                         "practice-id", practice_id,
                         "meeting-id", meeting_id,
                         "indicator-id", indicator_id,
                         NULL);
  return insert (gen, record, created, created, by, &gen->counts.evidence, error);
}

static gboolean
make_evidence (Gen     *gen,
               GError **error)
{
  for (guint c = 0; c < gen->clusters->len; c++)
    {
      Cluster *cluster = g_ptr_array_index (gen->clusters, c);
      g_autoptr(GListStore) meetings = NULL;
      const char *params[] = { cluster->collaborative_id, NULL };
      guint n_meetings;

      meetings = clw_record_list (gen->db, CLW_TYPE_MEETING,
                                  "collaborative_id = ? AND status = 'held'", params, error);
      if (meetings == NULL)
        return FALSE;
      n_meetings = g_list_model_get_n_items (G_LIST_MODEL (meetings));

      for (guint y = 0; y < N_CYCLES; y++)
        {
          Cycle *cycle = &gen->cycles[y];
          Day last = MIN (cycle->ends, gen->today);
          g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
          const char *indicators[] = { NULL, NULL, cycle->imtp_indicator, cycle->outcomes_indicator };

          for (guint i = 0; i < n_meetings; i++)
            {
              ClwMeeting *meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);
              g_autofree char *date = g_strndup (clw_meeting_get_starts_at (meeting), 10);
              Day day = day_parse (date);

              if (day >= cycle->starts && day <= cycle->ends)
                g_ptr_array_add (held, meeting);
              else
                g_object_unref (meeting);
            }

          /* The two QI initiatives of the collaborative, minuted at a meeting. */
          for (guint k = 0; k < 2 && held->len > 0; k++)
            {
              ClwMeeting *meeting = g_ptr_array_index (held, rnd (gen, 0, held->len - 1));
              g_autofree char *date = g_strndup (clw_meeting_get_starts_at (meeting), 10);

              if (!insert_evidence (gen, CLW_EVIDENCE_KIND_QI_PARTICIPATION,
                                    collaborative_qi[(c + k * 2 + y) % G_N_ELEMENTS (collaborative_qi)],
                                    day_parse (date), NULL, clw_record_get_id (CLW_RECORD (meeting)),
                                    NULL, cluster->manager, error))
                return FALSE;
            }

          for (guint i = 0; i < cluster->practices->len; i++)
            {
              Practice *p = g_ptr_array_index (cluster->practices, i);

              for (guint k = 0; k < G_N_ELEMENTS (evidence_kinds); k++)
                {
                  const EvidenceKindInfo *info = &evidence_kinds[k];
                  const char *meeting_id = NULL;
                  const char *title;
                  guint n_titles = 0;
                  Day on;

                  if (!chance (gen, share_for (p->diligent, info->share[y])))
                    continue;

                  while (n_titles < G_N_ELEMENTS (info->titles) && info->titles[n_titles] != NULL)
                    n_titles++;
                  title = info->titles[rnd (gen, 0, n_titles - 1)];

                  if (held->len > 0 && chance (gen, info->at_meeting))
                    {
                      ClwMeeting *meeting = g_ptr_array_index (held, rnd (gen, 0, held->len - 1));
                      g_autofree char *date = g_strndup (clw_meeting_get_starts_at (meeting), 10);

                      meeting_id = clw_record_get_id (CLW_RECORD (meeting));
                      on = day_parse (date);
                    }
                  else
                    on = day_between (gen, cycle->starts + 20, last);

                  if (!insert_evidence (gen, info->kind, title, on, p->id, meeting_id,
                                        indicators[info->indicator], p->manager, error))
                    return FALSE;
                }
            }
        }
    }

  return TRUE;
}

/* IMTP contributions ------------------------------------------------------- */

static char *
section_body (Gen                *gen,
              Practice           *p,
              ClwImtpSectionKind  kind,
              gboolean            complete,
              int                 gps,
              int                 nurses)
{
  const char *cluster = clw_cluster_get_name (p->cluster->record);
  const char *need1 = PICK (gen, population_needs);
  const char *need2 = PICK (gen, population_needs);
  const char *gap1 = PICK (gen, service_gaps);
  const char *gap2 = PICK (gen, service_gaps);
  const char *performance = PICK (gen, performance_notes);
  const char *finding = PICK (gen, demand_findings);
  const char *action = PICK (gen, qi_actions);

  switch (kind)
    {
    case CLW_IMTP_SECTION_KIND_POPULATION_NEEDS:
      return complete
        ? g_strdup_printf ("%s serves %d registered patients in the %s cluster. The main needs of "
                           "its population are %s and %s. The practice shared its disease "
                           "registers and list turnover with the cluster for the needs assessment.",
                           p->name, p->list_size, cluster, need1,
                           g_str_equal (need1, need2) ? "long waits for routine care" : need2)
        : g_strdup_printf ("%s serves %d registered patients. Main needs: %s (to be completed).",
                           p->name, p->list_size, need1);

    case CLW_IMTP_SECTION_KIND_SERVICES_GAPS:
      return complete
        ? g_strdup_printf ("Patients have access to the cluster's social prescribing, "
                           "pharmacist and mental health practitioner services. The gaps the "
                           "practice sees are %s and %s.", gap1,
                           g_str_equal (gap1, gap2) ? "little support for carers" : gap2)
        : g_strdup_printf ("Gaps so far: %s.", gap1);

    case CLW_IMTP_SECTION_KIND_WORKFORCE:
      return complete
        ? g_strdup_printf ("The practice has %d GPs (%d partners) and %d nurses. Development "
                           "needs: a nurse prescriber, training for the reception team in care "
                           "navigation, and succession planning for %s.",
                           gps, p->partners, nurses,
                           p->partners <= 2 ? "a partner who retires within three years"
                                            : "the practice manager")
        : g_strdup_printf ("%d GPs and %d nurses; development needs to be agreed.", gps, nurses);

    case CLW_IMTP_SECTION_KIND_PERFORMANCE:
      return complete
        ? g_strdup_printf ("Against the primary care measures the practice %s.",
                           performance)
        : g_strdup ("Waiting for the health board's latest figures.");

    case CLW_IMTP_SECTION_KIND_DEMAND_CAPACITY:
    default:
      return complete
        ? g_strdup_printf ("A demand and capacity audit over two weeks found %s. As its QI "
                           "action the practice %s, and will repeat the audit next year.",
                           finding, action)
        : g_strdup ("The audit is under way.");
    }
}

static char *
section_body_cy (Practice           *p,
                 ClwImtpSectionKind  kind,
                 int                 gps,
                 int                 nurses)
{
  switch (kind)
    {
    case CLW_IMTP_SECTION_KIND_POPULATION_NEEDS:
      return g_strdup_printf ("Mae %s yn gwasanaethu %d o gleifion cofrestredig yng nghlwstwr %s. "
                              "Y prif anghenion yw gofal clefydau cronig a chymorth iechyd meddwl.",
                              p->name, p->list_size, clw_cluster_get_name (p->cluster->record));
    case CLW_IMTP_SECTION_KIND_SERVICES_GAPS:
      return g_strdup ("Mae angen rhagor o wasanaethau ffisiotherapi a chymorth iechyd meddwl yn lleol.");
    case CLW_IMTP_SECTION_KIND_WORKFORCE:
      return g_strdup_printf ("Mae gan y practis %d o feddygon teulu a %d o nyrsys.", gps, nurses);
    case CLW_IMTP_SECTION_KIND_PERFORMANCE:
      return g_strdup ("Mae'r practis yn cyrraedd y rhan fwyaf o fesurau gofal sylfaenol.");
    case CLW_IMTP_SECTION_KIND_DEMAND_CAPACITY:
    default:
      return g_strdup ("Dangosodd yr archwiliad galw a chapasiti fod y galw ar ei uchaf ar fore Llun.");
    }
}

static double
round_wte (double wte,
           int    headcount)
{
  return MIN (round (wte * 10) / 10, (double) headcount);
}

static gboolean
make_contribution (Gen                    *gen,
                   Practice               *p,
                   Cycle                  *cycle,
                   ClwContributionStatus   status,
                   Day                     started,
                   Day                     submitted,
                   gboolean                complete,
                   GError                **error)
{
  g_autoptr(ClwImtpContribution) contribution = NULL;
  ClwSectionStatus statuses[CLW_N_IMTP_SECTION_KINDS];
  char submitted_on[11];
  Day updated = submitted != DAY_NEVER ? submitted : day_between (gen, started, gen->today);
  int gps = p->partners + p->salaried;
  int nurses = int_max (1, p->list_size / 2500 + rnd (gen, -1, 1));

  contribution = g_object_new (CLW_TYPE_IMTP_CONTRIBUTION,
                               "practice-id", p->id,
                               "cycle-id", clw_record_get_id (CLW_RECORD (cycle->record)),
                               "status", status,
                               "submitted-on", submitted != DAY_NEVER ? day_iso (submitted, submitted_on) : NULL,
                               "notes", submitted != DAY_NEVER && submitted > cycle->ends
                                          ? "Sent after the deadline: the practice was short of a partner in September."
                                          : "",
                               NULL);
  if (!insert (gen, contribution, started, updated, p->manager, &gen->counts.imtp_contributions, error))
    return FALSE;

  for (guint k = 0; k < CLW_N_IMTP_SECTION_KINDS; k++)
    {
      double r = g_rand_double (gen->rand);

      if (complete)
        statuses[k] = CLW_SECTION_STATUS_COMPLETE;
      else
        statuses[k] = r < 0.40 ? CLW_SECTION_STATUS_COMPLETE
                    : r < 0.75 ? CLW_SECTION_STATUS_IN_PROGRESS : CLW_SECTION_STATUS_NOT_STARTED;
    }

  for (guint k = 0; k < CLW_N_IMTP_SECTION_KINDS; k++)
    {
      g_autoptr(ClwImtpSection) section = NULL;
      g_autofree char *body = NULL;
      g_autofree char *body_cy = NULL;

      if (statuses[k] != CLW_SECTION_STATUS_NOT_STARTED)
        {
          body = section_body (gen, p, k, statuses[k] == CLW_SECTION_STATUS_COMPLETE, gps, nurses);
          if (statuses[k] == CLW_SECTION_STATUS_COMPLETE && chance (gen, 0.25))
            body_cy = section_body_cy (p, k, gps, nurses);
        }

      section = g_object_new (CLW_TYPE_IMTP_SECTION,
                              "contribution-id", clw_record_get_id (CLW_RECORD (contribution)),
                              "kind", k,
                              "status", statuses[k],
                              "body", body != NULL ? body : "",
                              "body-cy", body_cy != NULL ? body_cy : "",
                              NULL);
      if (!insert (gen, section, started, day_between (gen, started, updated), p->manager,
                   &gen->counts.imtp_sections, error))
        return FALSE;
    }

  /* Workforce counts once the workforce part is begun. */
  if (statuses[CLW_IMTP_SECTION_KIND_WORKFORCE] != CLW_SECTION_STATUS_NOT_STARTED)
    {
      int headcount[CLW_N_WORKFORCE_ROLES];
      const double share[CLW_N_WORKFORCE_ROLES][2] = {
        { 0.55, 0.90 }, { 0.60, 0.95 }, { 0.40, 1.00 }, { 0.30, 0.90 }, { 0.60, 0.90 },
      };

      headcount[CLW_WORKFORCE_ROLE_GPS] = gps;
      headcount[CLW_WORKFORCE_ROLE_NURSES] = nurses;
      headcount[CLW_WORKFORCE_ROLE_PHARMACISTS] = rnd (gen, 0, 2);
      headcount[CLW_WORKFORCE_ROLE_ALLIED_HEALTH] = rnd (gen, 0, 3);
      headcount[CLW_WORKFORCE_ROLE_ADMINISTRATIVE] = int_max (3, p->list_size / 900 + rnd (gen, 0, 3));

      for (guint k = 0; k < CLW_N_WORKFORCE_ROLES; k++)
        {
          g_autoptr(ClwImtpWorkforce) workforce = NULL;
          double wte = round_wte (headcount[k] * uniform (gen, share[k][0], share[k][1]), headcount[k]);

          workforce = g_object_new (CLW_TYPE_IMTP_WORKFORCE,
                                    "contribution-id", clw_record_get_id (CLW_RECORD (contribution)),
                                    "role", k,
                                    "headcount", headcount[k],
                                    "wte", wte,
                                    NULL);
          if (!insert (gen, workforce, started, day_between (gen, started, updated), p->manager,
                       &gen->counts.imtp_workforce, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
make_contributions (Gen     *gen,
                    GError **error)
{
  /* Cumulative shares, for the other practices and the diligent ones. */
  static const double past_shares[2][3] = {
    { 0.32, 0.56, 0.80 },   /* on time, late, draft */
    { 0.92, 0.96, 0.99 },
  };
  static const double current_shares[2][2] = {
    { 0.02, 0.72 },         /* submitted, draft */
    { 0.07, 0.95 },
  };
  Cycle *past = &gen->cycles[0];
  Cycle *current = &gen->cycles[1];

  for (guint i = 0; i < gen->practices->len; i++)
    {
      Practice *p = g_ptr_array_index (gen->practices, i);
      double r = g_rand_double (gen->rand);
      const double *t;
      Day started;

      /* 2021-22: due by 30 September 2022. Of all practices, about 80%
       * submit on time, 8% late, 7% leave a draft and the rest nothing. */
      started = day_between (gen, past->ends - 150, past->ends - 60);
      t = past_shares[p->diligent ? 1 : 0];
      if (r < t[0])
        {
          if (!make_contribution (gen, p, past, CLW_CONTRIBUTION_STATUS_SUBMITTED, started,
                                  day_between (gen, past->ends - 75, past->ends), TRUE, error))
            return FALSE;
        }
      else if (r < t[1])
        {
          if (!make_contribution (gen, p, past, CLW_CONTRIBUTION_STATUS_SUBMITTED, started,
                                  day_between (gen, past->ends + 3, past->ends + 31), TRUE, error))
            return FALSE;
        }
      else if (r < t[2])
        {
          if (!make_contribution (gen, p, past, CLW_CONTRIBUTION_STATUS_DRAFT, started,
                                  DAY_NEVER, FALSE, error))
            return FALSE;
        }

      /* 2022-23, in progress on the reference date: about 6% submitted
       * already, 84% drafts, the rest not begun. */
      r = g_rand_double (gen->rand);
      started = day_between (gen, current->starts + 60, gen->today - 20);
      t = current_shares[p->diligent ? 1 : 0];
      if (r < t[0])
        {
          if (!make_contribution (gen, p, current, CLW_CONTRIBUTION_STATUS_SUBMITTED, started,
                                  day_between (gen, started + 10, gen->today), TRUE, error))
            return FALSE;
        }
      else if (r < t[1])
        {
          if (!make_contribution (gen, p, current, CLW_CONTRIBUTION_STATUS_DRAFT, started,
                                  DAY_NEVER, FALSE, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Public API ----------------------------------------------------------------- */

static gboolean
generate (Gen     *gen,
          GError **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClwSearchPause) search = NULL;
  gint64 n;

  n = count_rows (gen->db, "SELECT count(*) FROM practice", error);
  if (n < 0)
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   ngettext ("“%s” already holds %lld practice: demo data goes only "
                             "into a database without practices. Make a new database for the demo.",
                             "“%s” already holds %lld practices: demo data goes only "
                             "into a database without practices. Make a new database for the demo.",
                             n),
                   clw_database_get_path (gen->db), (long long) n);
      return FALSE;
    }

  n = count_rows (gen->db, "SELECT count(*) FROM health_board", error);
  if (n < 0)
    return FALSE;
  if (n == 0 && !clw_dataset_load_reference (gen->db, error))
    return FALSE;

  if (!read_reference (gen, error))
    return FALSE;

  /* Thousands of rows: indexed for search together, not one by one. */
  search = _clw_search_pause_begin (gen->db, error);
  if (search == NULL)
    return FALSE;
  gen->search = search;

  return make_practices (gen, error) &&
         make_manager_arrangements (gen, error) &&
         make_buddy_arrangements (gen, error) &&
         make_meetings (gen, meetings, error) &&
         make_evidence (gen, error) &&
         make_contributions (gen, error) &&
         _clw_search_pause_end (search, error) &&
         clw_database_set_meta (gen->db, "reference-date", CLW_DEMO_REFERENCE_DATE, error);
}

gboolean
clw_demo_generate_with_counts (ClwDatabase    *db,
                               guint           scale,
                               guint32         seed,
                               ClwDemoCounts  *counts,
                               GError        **error)
{
  Gen gen = { 0 };
  gboolean ok;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (scale < 1 || scale > CLW_DEMO_MAX_SCALE)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The scale of the demo must be a whole number from 1 to %d, not %u."),
                   CLW_DEMO_MAX_SCALE, scale);
      return FALSE;
    }

  gen.db = db;
  gen.rand = g_rand_new_with_seed (seed);
  gen.scale = scale;
  gen.today = day_parse (CLW_DEMO_REFERENCE_DATE);
  gen.strings = g_string_chunk_new (64 * 1024);
  gen.boards = g_ptr_array_new_with_free_func (board_free);
  gen.clusters = g_ptr_array_new_with_free_func (cluster_free);
  gen.practices = g_ptr_array_new_with_free_func (g_free);
  gen.codes = g_hash_table_new (g_str_hash, g_str_equal);
  gen.names = g_hash_table_new (g_str_hash, g_str_equal);

  ok = clw_database_begin (db, error);
  if (ok)
    {
      clw_database_set_change_label (db, _("Generate demo data"));
      _clw_database_set_audit (db, FALSE);
      ok = generate (&gen, error);
      _clw_database_set_audit (db, TRUE);

      if (ok)
        ok = clw_database_commit (db, error);
      else
        clw_database_rollback (db);
    }

  if (ok && counts != NULL)
    *counts = gen.counts;

  for (guint c = 0; c < N_CYCLES; c++)
    g_clear_object (&gen.cycles[c].record);
  g_hash_table_unref (gen.names);
  g_hash_table_unref (gen.codes);
  g_ptr_array_unref (gen.practices);
  g_ptr_array_unref (gen.clusters);
  g_ptr_array_unref (gen.boards);
  g_string_chunk_free (gen.strings);
  g_rand_free (gen.rand);

  return ok;
}

gboolean
clw_demo_generate (ClwDatabase  *db,
                   guint         scale,
                   guint32       seed,
                   GError      **error)
{
  return clw_demo_generate_with_counts (db, scale, seed, NULL, error);
}
