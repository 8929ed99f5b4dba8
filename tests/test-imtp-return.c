/* test-imtp-return.c: the IMTP return, its schema and what it must never carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <sys/stat.h>

#include "clw-imtp-return-private.h"
#include "clw-test-util.h"
#include "clw-xml.h"

#define CYCLE "2021-22"
#define AS_OF "2022-09-30"
/* Valid check digit (Modulus 11): 9434765919. */
#define NHS_NUMBER "943 476 5919"

typedef struct
{
  ClwDatabase *db;
  char        *cluster_id;
  char        *cycle_id;
  char        *collaborative_id;
  char        *small;       /* W90001: 2 partners, buddied */
  char        *large;       /* W90002 */
  char        *third;       /* W90003 */
  char        *meetings[4];
} Fixture;

static Fixture fx;

/* Insert a row of @type from property/text pairs, NULL-terminated. */
static char *
make (GType type,
      ...)
{
  g_autoptr(ClwRecord) record = clw_record_new (type);
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;

  va_start (args, type);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      const ClwColumn *column = clw_record_class_find_column (CLW_RECORD_GET_CLASS (record), name);

      ck_assert_msg (column != NULL, "no column %s", name);
      clw_record_set_from_string (record, column, value, &error);
      ck_assert_no_error (error);
    }
  va_end (args);

  clw_record_insert (record, fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_msg (error == NULL, "%s: %s", g_type_name (type), error ? error->message : "");
  return g_strdup (clw_record_get_id (record));
}

static void
attend (guint       meeting,
        const char *practice)
{
  g_free (make (CLW_TYPE_ATTENDANCE, "meeting-id", fx.meetings[meeting], "practice-id", practice,
                "status", "attended", "representative-name", "Dr A Jones",
                "representative-role", "clinical-partner", NULL));
}

static void
setup (void)
{
  const char *dates[] = { "2021-11-10T13:00", "2022-02-09T13:00", "2022-05-11T13:00", "2022-07-13T13:00" };
  g_autofree char *contribution = NULL;
  g_autofree char *indicator = NULL;

  fx.db = clw_test_new_database ();
  fx.cluster_id = clw_test_query_string (fx.db, "SELECT id FROM cluster WHERE code = 'AB01'");
  fx.cycle_id = clw_test_query_string (fx.db, "SELECT id FROM cycle WHERE code = '" CYCLE "'");
  fx.collaborative_id = clw_test_query_string (fx.db, "SELECT id FROM collaborative WHERE profession = 'gp' "
                                                      "AND cluster_id = (SELECT id FROM cluster WHERE code = 'AB01')");
  indicator = clw_test_query_string (fx.db, "SELECT id FROM indicator WHERE code = 'CND016W' "
                                            "AND cycle_id = (SELECT id FROM cycle WHERE code = '" CYCLE "')");

  fx.small = make (CLW_TYPE_PRACTICE, "cluster-id", fx.cluster_id, "code", "W90001",
                   "name", "Meddygfa’r Bont", "partners", "2", "list-size", "4350",
                   "sustainability-issues", "true", NULL);
  fx.large = make (CLW_TYPE_PRACTICE, "cluster-id", fx.cluster_id, "code", "W90002",
                   "name", "Tredegar Health Centre", "partners", "6", "list-size", "11200", NULL);
  fx.third = make (CLW_TYPE_PRACTICE, "cluster-id", fx.cluster_id, "code", "W90003",
                   "name", "Ebbw Vale Surgery", "partners", "4", "list-size", "8000", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    fx.meetings[i] = make (CLW_TYPE_MEETING, "collaborative-id", fx.collaborative_id, "starts-at", dates[i],
                           "place", "Tredegar Health Centre", "status", "held", NULL);

  for (guint i = 0; i < 4; i++)
    attend (i, fx.large);
  for (guint i = 0; i < 3; i++)
    attend (i, fx.third);
  g_free (make (CLW_TYPE_ATTENDANCE, "meeting-id", fx.meetings[3], "practice-id", fx.third,
                "status", "apologies", NULL));
  attend (0, fx.small);

  g_free (make (CLW_TYPE_BUDDY_ARRANGEMENT, "small-practice-id", fx.small, "buddy-practice-id", fx.large,
                "starts-on", "2021-10-20", "status", "refused", "requested-on", "2021-10-04",
                "decision-on", "2021-10-18",
                "explanation", "The practices are too far apart; ask again with a nearer buddy.", NULL));
  g_free (make (CLW_TYPE_REPRESENTATION, "practice-id", fx.third, "kind", "practice-manager",
                "representative-name", "Ms B Evans", "representative-role", "practice-manager",
                "starts-on", "2021-11-01", "status", "agreed", "requested-on", "2021-10-15",
                "decision-on", "2021-10-25", NULL));

  contribution = make (CLW_TYPE_IMTP_CONTRIBUTION, "practice-id", fx.large, "cycle-id", fx.cycle_id,
                       "status", "submitted", "submitted-on", "2022-09-21", NULL);
  g_free (make (CLW_TYPE_IMTP_SECTION, "contribution-id", contribution, "kind", "population-needs",
                "status", "complete", "body", "An older population; diabetes prevalence 8.1%.",
                "body-cy", "Poblogaeth hŷn; mynychder diabetes 8.1%.", NULL));
  g_free (make (CLW_TYPE_IMTP_SECTION, "contribution-id", contribution, "kind", "workforce",
                "status", "in-progress", "body", "One partner retires in 2023.", NULL));
  g_free (make (CLW_TYPE_IMTP_WORKFORCE, "contribution-id", contribution, "role", "gps",
                "headcount", "6", "wte", "4.4", NULL));
  g_free (make (CLW_TYPE_IMTP_WORKFORCE, "contribution-id", contribution, "role", "nurses",
                "headcount", "3", "wte", "2.5", NULL));

  g_free (make (CLW_TYPE_EVIDENCE, "kind", "pna-contribution", "title", "Population needs assessment notes",
                "evidence-on", "2022-06-30", "practice-id", fx.large, "indicator-id", indicator,
                "original-name", "PNA notes.docx", "content-type", "application/msword", "size", "48213",
                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "attached-by", "Test User", NULL));
  g_free (make (CLW_TYPE_EVIDENCE, "kind", "qi-participation", "title", "Cluster QI project: frailty",
                "evidence-on", "2022-05-11", "meeting-id", fx.meetings[2], NULL));
  /* Outside the cycle: not in the return. */
  g_free (make (CLW_TYPE_EVIDENCE, "kind", "peer-review", "title", "Peer review of 2020",
                "evidence-on", "2020-11-01", "practice-id", fx.large, NULL));
}

static void
teardown (void)
{
  g_clear_object (&fx.db);
  g_clear_pointer (&fx.cluster_id, g_free);
  g_clear_pointer (&fx.cycle_id, g_free);
  g_clear_pointer (&fx.collaborative_id, g_free);
  g_clear_pointer (&fx.small, g_free);
  g_clear_pointer (&fx.large, g_free);
  g_clear_pointer (&fx.third, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    g_clear_pointer (&fx.meetings[i], g_free);
  _clw_imtp_return_set_fault_for_tests (FALSE);
}

static GDate *
as_of (void)
{
  return clw_date_parse (AS_OF);
}

static ClwImtpReturn *
make_return (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = as_of ();
  ClwImtpReturn *ret = clw_imtp_return_new (fx.db, fx.cluster_id, CYCLE, date, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (ret);
  return ret;
}

/* Run xmllint, the independent validator, on @path with the schema of the
 * source tree. */
static void
assert_xmllint_valid (const char *path)
{
  g_autofree char *schema = clw_test_source_path ("../data/imtp-return.xsd");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { "xmllint", "--noout", "--nonet", "--schema", schema, path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  ck_assert_msg (error == NULL, "cannot run xmllint: %s", error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "xmllint refuses %s:\n%s", path, err);
  ck_assert_msg (strstr (err, "validates") != NULL, "%s", err);
}

typedef struct
{
  xmlDoc             *doc;
  xmlXPathContextPtr  xpath;
} Parsed;

static Parsed
parse (GBytes *bytes)
{
  Parsed p;

  p.doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), "return.xml",
                         NULL, XML_PARSE_NONET);
  ck_assert_ptr_nonnull (p.doc);
  p.xpath = xmlXPathNewContext (p.doc);
  xmlXPathRegisterNs (p.xpath, BAD_CAST "r", BAD_CAST CLW_IMTP_RETURN_NAMESPACE);
  return p;
}

static void
parsed_clear (Parsed *p)
{
  xmlXPathFreeContext (p->xpath);
  xmlFreeDoc (p->doc);
}

static char *
xpath_string (Parsed     *p,
              const char *expr)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expr);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST wrapped, p->xpath);
  char *value;

  ck_assert_ptr_nonnull (obj);
  value = g_strdup ((const char *) obj->stringval);
  xmlXPathFreeObject (obj);
  return value;
}

static int
xpath_int (Parsed     *p,
           const char *expr)
{
  g_autofree char *text = xpath_string (p, expr);

  ck_assert_msg (*text != '\0', "nothing at %s", expr);
  return atoi (text);
}

static int
xpath_count (Parsed     *p,
             const char *expr)
{
  g_autofree char *wrapped = g_strdup_printf ("count(%s)", expr);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST wrapped, p->xpath);
  int n;

  ck_assert_ptr_nonnull (obj);
  n = (int) obj->floatval;
  xmlXPathFreeObject (obj);
  return n;
}

/* Tests ------------------------------------------------------------------------------ */

START_TEST (test_return_valid_both_ways)
{
  g_autoptr(ClwImtpReturn) ret = make_return ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_xml_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *path = clw_test_path ("AB01.xml");
  g_autofree char *name = clw_imtp_return_dup_file_name (ret);
  GStatBuf st;

  ck_assert_str_eq (name, "AB01-2021-22-imtp-return.xml");

  /* The name a save dialog suggests before the return is made is the same. */
  {
    g_autofree char *before = clw_imtp_return_dup_file_name_for (fx.db, fx.cluster_id, CYCLE, &error);

    ck_assert_no_error (error);
    ck_assert_str_eq (before, name);
    ck_assert_ptr_null (clw_imtp_return_dup_file_name_for (fx.db, "00000000-0000-4000-8000-000000000000",
                                                           CYCLE, &error));
    ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
    g_clear_error (&error);
  }

  /* Our own validation, again, on the bytes. */
  doc = clw_xml_parse_untrusted (clw_imtp_return_get_bytes (ret), name, problems, &error);
  ck_assert_no_error (error);
  clw_xml_validate (doc, CLW_IMTP_RETURN_SCHEMA_RESOURCE, name, problems, &error);
  ck_assert_no_error (error);

  /* And xmllint's, on the file. */
  clw_imtp_return_save (ret, path, &error);
  ck_assert_no_error (error);
  assert_xmllint_valid (path);

  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
}
END_TEST

START_TEST (test_counts_are_the_engines)
{
  g_autoptr(ClwImtpReturn) ret = make_return ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = as_of ();
  g_autoptr(ClwQaifReport) report = clw_qaif_evaluate (fx.db, CYCLE, CLW_SCOPE_CLUSTER, fx.cluster_id, date, &error);
  g_autoptr(GListModel) practices = NULL;
  ClwClusterSummary *summary;
  Parsed p = parse (clw_imtp_return_get_bytes (ret));

  ck_assert_no_error (error);
  summary = clw_qaif_report_lookup_cluster (report, fx.cluster_id);
  ck_assert_ptr_nonnull (summary);

  ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@practices"), clw_cluster_summary_get_n_practices (summary));
  ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@points"), clw_cluster_summary_get_points (summary));
  ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@points-possible"),
                    clw_cluster_summary_get_points_possible (summary));
  ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@practices-at-risk"),
                    clw_cluster_summary_get_practices_at_risk (summary));
  ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@meetings-held"),
                    clw_cluster_summary_get_meetings_held (summary));
  ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@imtp-submitted"),
                    clw_cluster_summary_get_imtp_submitted (summary));
  ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@pending-requests"),
                    clw_cluster_summary_get_pending_requests (summary));

  for (guint i = 0; i < clw_cluster_summary_get_n_indicators (summary); i++)
    {
      const char *code = clw_cluster_summary_get_indicator_code (summary, i);
      const char *names[] = { "achieved", "on-track", "at-risk", "not-achieved" };

      for (ClwVerdict v = 0; v < CLW_N_VERDICTS; v++)
        {
          g_autofree char *expr = g_strdup_printf ("/r:imtp-return/r:summary/r:indicator[@code='%s']/@%s",
                                                   code, names[v]);
          ck_assert_int_eq (xpath_int (&p, expr), clw_cluster_summary_count_verdict (summary, i, v));
        }
    }

  practices = clw_qaif_report_list_cluster_practices (report, fx.cluster_id);
  ck_assert_int_eq (xpath_count (&p, "//r:practice"), (int) g_list_model_get_n_items (practices));
  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(ClwPracticeResult) result = g_list_model_get_item (practices, i);
      const char *code = clw_practice_result_get_code (result);
      g_autofree char *base = g_strdup_printf ("//r:practice[@code='%s']/r:qaif", code);
      g_autofree char *points = g_strconcat (base, "/@points", NULL);
      g_autofree char *counted = g_strconcat (base, "/@meetings-counted", NULL);
      g_autofree char *verdict = g_strconcat (base, "/@verdict", NULL);
      g_autofree char *verdict_text = xpath_string (&p, verdict);

      ck_assert_int_eq (xpath_int (&p, points), clw_practice_result_get_points (result));
      ck_assert_int_eq (xpath_int (&p, counted), clw_practice_result_get_meetings_counted (result));
      ck_assert_str_eq (verdict_text, clw_enum_to_nick (CLW_TYPE_VERDICT,
                                                        clw_practice_result_get_overall_verdict (result)));

      for (guint k = 0; k < clw_practice_result_get_n_indicators (result); k++)
        {
          const ClwIndicatorResult *ir = clw_practice_result_get_indicator (result, k);
          g_autofree char *reasons = g_strdup_printf ("%s/r:indicator[@code='%s']/r:reason", base, ir->code);
          g_autofree char *first = g_strdup_printf ("%s[1]", reasons);
          g_autofree char *first_text = xpath_string (&p, first);

          ck_assert_int_eq (xpath_count (&p, reasons), (int) g_strv_length (ir->reasons));
          if (ir->reasons != NULL && ir->reasons[0] != NULL)
            ck_assert_str_eq (first_text, ir->reasons[0]);
        }
    }

  /* The meetings, with what was recorded. */
  ck_assert_int_eq (xpath_count (&p, "//r:meeting"), 4);
  {
    g_autofree char *expr = g_strdup_printf ("//r:meeting[@id='%s']/@apologies", fx.meetings[3]);
    ck_assert_int_eq (xpath_int (&p, expr), 1);
  }

  parsed_clear (&p);
}
END_TEST

START_TEST (test_contents)
{
  g_autoptr(ClwImtpReturn) ret = make_return ();
  Parsed p = parse (clw_imtp_return_get_bytes (ret));
  g_autofree char *en = xpath_string (&p, "//r:practice[@code='W90002']//r:section[@kind='population-needs']"
                                          "/r:text[@xml:lang='en']");
  g_autofree char *cy = xpath_string (&p, "//r:practice[@code='W90002']//r:section[@kind='population-needs']"
                                          "/r:text[@xml:lang='cy']");
  g_autofree char *not_started = xpath_string (&p, "//r:practice[@code='W90002']//r:section[@kind='services-gaps']/@status");
  g_autofree char *wte = xpath_string (&p, "//r:staff[@role='gps']/@wte");
  g_autofree char *explanation = xpath_string (&p, "//r:buddy-arrangement/r:explanation");
  g_autofree char *sha = xpath_string (&p, "//r:evidence[@kind='pna-contribution']/@sha256");
  g_autofree char *lang = xpath_string (&p, "/r:imtp-return/@xml:lang");
  g_autofree char *text = g_strndup (g_bytes_get_data (clw_imtp_return_get_bytes (ret), NULL),
                                     g_bytes_get_size (clw_imtp_return_get_bytes (ret)));

  ck_assert_str_eq (en, "An older population; diabetes prevalence 8.1%.");
  ck_assert_str_eq (cy, "Poblogaeth hŷn; mynychder diabetes 8.1%.");
  ck_assert_str_eq (not_started, "not-started");
  ck_assert_int_eq (xpath_count (&p, "//r:practice[@code='W90002']//r:section"), 5);
  /* Only the practice with a contribution has one. */
  ck_assert_int_eq (xpath_count (&p, "//r:imtp-contribution"), 1);
  ck_assert_str_eq (wte, "4.4");
  ck_assert_str_eq (explanation, "The practices are too far apart; ask again with a nearer buddy.");
  ck_assert_int_eq (xpath_count (&p, "//r:representation[@practice='W90003' and @status='agreed']"), 1);
  ck_assert_str_eq (sha, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  ck_assert_int_eq (xpath_count (&p, "//r:evidence"), 2);
  ck_assert_str_eq (lang, "en");

  /* Aggregates only: no representative's name, no notes. */
  ck_assert_ptr_null (strstr (text, "Dr A Jones"));
  ck_assert_ptr_null (strstr (text, "Ms B Evans"));
  ck_assert_ptr_null (strstr (text, "Peer review of 2020"));

  ck_assert_ptr_null (clw_imtp_return_get_warnings (ret));
  parsed_clear (&p);
}
END_TEST

START_TEST (test_invalid_return_never_written)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = as_of ();
  g_autofree char *path = clw_test_path ("AB01.xml");
  g_autofree char *dir = clw_test_path ("board");
  g_autofree char *contents = NULL;
  g_auto(GStrv) paths = NULL;

  /* A return there already stays as it was. */
  g_file_set_contents (path, "the previous return", -1, &error);
  ck_assert_no_error (error);

  _clw_imtp_return_set_fault_for_tests (TRUE);
  paths = clw_imtp_return_write (fx.db, CLW_SCOPE_CLUSTER, fx.cluster_id, CYCLE, date, path, NULL, NULL, &error);
  ck_assert_ptr_null (paths);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  ck_assert_msg (strstr (error->message, "does not follow its schema") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "was not written") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "unexpected") != NULL, "%s", error->message);
  g_clear_error (&error);

  g_file_get_contents (path, &contents, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (contents, "the previous return");

  /* For a health board: not one file. */
  paths = clw_imtp_return_write (fx.db, CLW_SCOPE_HEALTH_BOARD,
                                 clw_test_query_string (fx.db, "SELECT health_board_id FROM cluster WHERE code = 'AB01'"),
                                 CYCLE, date, dir, NULL, NULL, &error);
  ck_assert_ptr_null (paths);
  ck_assert_msg (error != NULL && strstr (error->message, "does not follow its schema") != NULL, "%s",
                 error ? error->message : "no error");
  ck_assert (!g_file_test (dir, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_invalid_data_never_written)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = as_of ();
  g_autofree char *path = clw_test_path ("AB01.xml");
  g_autoptr(GString) name = g_string_new ("Surgery ");
  g_autoptr(ClwRecord) practice = clw_record_load (fx.db, CLW_TYPE_PRACTICE, fx.third, &error);
  g_auto(GStrv) paths = NULL;

  ck_assert_no_error (error);
  /* Longer than any name the schema allows. */
  while (name->len < 1200)
    g_string_append (name, "and partners ");
  g_object_set (practice, "name", name->str, NULL);
  clw_record_update (practice, fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  paths = clw_imtp_return_write (fx.db, CLW_SCOPE_CLUSTER, fx.cluster_id, CYCLE, date, path, NULL, NULL, &error);
  ck_assert_ptr_null (paths);
  ck_assert_msg (strstr (error->message, "<practice>") != NULL, "%s", error->message);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_warns_about_patient_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contribution = make (CLW_TYPE_IMTP_CONTRIBUTION, "practice-id", fx.third, "cycle-id", fx.cycle_id,
                                        "status", "draft", NULL);
  g_autoptr(ClwImtpReturn) ret = NULL;
  const char * const *warnings;
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  g_free (make (CLW_TYPE_IMTP_SECTION, "contribution-id", contribution, "kind", "services-gaps",
                "status", "in-progress",
                "body", "Mr X (NHS no. " NHS_NUMBER ") waited six weeks.",
                "body-cy", "Claf, dyddiad geni 12/03/1950, wedi aros.", NULL));

  ret = make_return ();
  warnings = clw_imtp_return_get_warnings (ret);
  ck_assert_ptr_nonnull (warnings);
  ck_assert_uint_eq (g_strv_length ((GStrv) warnings), 2);
  joined = g_strjoinv ("\n", (GStrv) warnings);
  ck_assert_msg (strstr (joined, "Practice W90003, Services and gaps") != NULL, "%s", joined);
  ck_assert_msg (strstr (joined, "(English)") != NULL && strstr (joined, "(Welsh)") != NULL, "%s", joined);
  ck_assert_msg (strstr (joined, "an NHS number (ending 5919)") != NULL, "%s", joined);
  ck_assert_msg (strstr (joined, "date of birth") != NULL, "%s", joined);
  /* The warning does not repeat the number. */
  ck_assert_ptr_null (strstr (joined, "943 476"));

  /* The return is still made, and valid: the warning is for the sender. */
  text = g_strndup (g_bytes_get_data (clw_imtp_return_get_bytes (ret), NULL),
                    g_bytes_get_size (clw_imtp_return_get_bytes (ret)));
  ck_assert_ptr_nonnull (strstr (text, NHS_NUMBER));
}
END_TEST

START_TEST (test_identifiers)
{
  const char *valid[] = { "9434765919", "4010232137", "9434765870" };
  const char *invalid[] = { "9434765918", "1234567890", "943476591", "94347659190", "943476591x" };
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) some = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    ck_assert_msg (clw_nhs_number_is_valid (valid[i]), "%s", valid[i]);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    ck_assert_msg (!clw_nhs_number_is_valid (invalid[i]), "%s", invalid[i]);

  /* Numbers that are not NHS numbers, and dates that are not of birth. */
  none = clw_text_find_patient_identifiers ("The DOB recording audit is planned for the spring. "
                                            "List of 11200 patients; phone 01495 123456; "
                                            "9434765918 fails its check; 943-476 5919 mixes separators; "
                                            "the plan is due 30/09/2022.");
  ck_assert_ptr_null (none);

  some = clw_text_find_patient_identifiers ("Refs 943-476-5919 and 4010232137; D.O.B.: 1 Jan 1950; "
                                            "ganwyd 3 Mawrth 1948.");
  ck_assert_ptr_nonnull (some);
  ck_assert_uint_eq (g_strv_length (some), 4);
}
END_TEST

START_TEST (test_health_board_folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = as_of ();
  g_autofree char *dir = clw_test_path ("returns");
  g_autofree char *board = clw_test_query_string (fx.db, "SELECT health_board_id FROM cluster WHERE code = 'AB01'");
  gint64 n_clusters = clw_test_query_int (fx.db, "SELECT count(*) FROM cluster WHERE health_board_id = "
                                                 "(SELECT health_board_id FROM cluster WHERE code = 'AB01')");
  g_auto(GStrv) paths = NULL;
  g_autofree char *first = g_build_filename (dir, "AB01-2021-22-imtp-return.xml", NULL);
  GStatBuf st;

  paths = clw_imtp_return_write (fx.db, CLW_SCOPE_HEALTH_BOARD, board, CYCLE, date, dir, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_strv_length (paths), n_clusters);
  ck_assert (g_strv_contains ((const char * const *) paths, first));
  for (guint i = 0; paths[i] != NULL; i++)
    assert_xmllint_valid (paths[i]);

  ck_assert_int_eq (g_stat (dir, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);

  /* A file where the folder should be. */
  g_strfreev (g_steal_pointer (&paths));
  paths = clw_imtp_return_write (fx.db, CLW_SCOPE_HEALTH_BOARD, board, CYCLE, date, first, NULL, NULL, &error);
  ck_assert_ptr_null (paths);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY));
}
END_TEST

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GStrv *out = user_data;
  g_autoptr(GError) error = NULL;

  *out = clw_imtp_return_write_finish (result, NULL, &error);
  ck_assert_no_error (error);
}

START_TEST (test_write_async)
{
  g_autoptr(GDate) date = as_of ();
  g_autofree char *path = clw_test_path ("async.xml");
  g_auto(GStrv) paths = NULL;

  clw_imtp_return_write_async (clw_database_get_path (fx.db), CLW_SCOPE_CLUSTER, fx.cluster_id, CYCLE, date,
                               path, NULL, write_done_cb, &paths);
  while (paths == NULL)
    g_main_context_iteration (NULL, TRUE);

  ck_assert_str_eq (paths[0], path);
  assert_xmllint_valid (path);
}
END_TEST

/* The example of docs/imtp-return.md is the test file, and it is valid. */
START_TEST (test_documented_example)
{
  g_autofree char *doc_path = clw_test_source_path ("../docs/imtp-return.md");
  g_autofree char *example_path = clw_test_source_path ("data/imtp-return-example.xml");
  g_autofree char *doc = NULL;
  g_autofree char *example = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_xml_problem_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) xml = NULL;
  const char *start, *end;
  g_autofree char *in_doc = NULL;

  g_file_get_contents (doc_path, &doc, NULL, &error);
  ck_assert_no_error (error);
  g_file_get_contents (example_path, &example, NULL, &error);
  ck_assert_no_error (error);

  start = strstr (doc, "```xml\n");
  ck_assert_ptr_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```");
  ck_assert_ptr_nonnull (end);
  in_doc = g_strndup (start, end - start);
  ck_assert_str_eq (in_doc, example);

  bytes = g_bytes_new (example, strlen (example));
  xml = clw_xml_parse_untrusted (bytes, "imtp-return-example.xml", problems, &error);
  ck_assert_no_error (error);
  clw_xml_validate (xml, CLW_IMTP_RETURN_SCHEMA_RESOURCE, "imtp-return-example.xml", problems, &error);
  ck_assert_no_error (error);

  assert_xmllint_valid (example_path);
}
END_TEST

/* The demo database: every cluster's return, both cycles, valid for our
 * validator and for xmllint, its counts the engine's. */
START_TEST (test_demo_every_cluster)
{
  g_autoptr(ClwDatabase) db = clw_test_new_empty_database ();
  g_autoptr(GError) error = NULL;
  const char *cycles[] = { "2021-22", "2022-23" };

  clw_demo_generate (db, 1, CLW_DEMO_DEFAULT_SEED, &error);
  ck_assert_no_error (error);

  for (guint c = 0; c < G_N_ELEMENTS (cycles); c++)
    {
      g_autoptr(ClwQaifReport) report = clw_qaif_evaluate (db, cycles[c], CLW_SCOPE_ALL, NULL, NULL, &error);
      g_autoptr(GPtrArray) returns = NULL;
      g_autofree char *dir = clw_test_path (cycles[c]);
      g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *schema = clw_test_source_path ("../data/imtp-return.xsd");
      g_autofree char *err = NULL;
      int status = -1;

      ck_assert_no_error (error);
      returns = clw_imtp_return_new_for_report (db, report, &error);
      ck_assert_no_error (error);
      ck_assert_int_eq (returns->len, clw_test_query_int (db, "SELECT count(*) FROM cluster"));
      g_mkdir_with_parents (dir, 0700);

      g_ptr_array_add (argv, g_strdup ("xmllint"));
      g_ptr_array_add (argv, g_strdup ("--noout"));
      g_ptr_array_add (argv, g_strdup ("--nonet"));
      g_ptr_array_add (argv, g_strdup ("--schema"));
      g_ptr_array_add (argv, g_strdup (schema));

      for (guint i = 0; i < returns->len; i++)
        {
          ClwImtpReturn *ret = g_ptr_array_index (returns, i);
          ClwClusterSummary *summary = clw_qaif_report_lookup_cluster (report, clw_imtp_return_get_cluster_id (ret));
          g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_xml_problem_free);
          g_autoptr(xmlDoc) doc = clw_xml_parse_untrusted (clw_imtp_return_get_bytes (ret), "return", problems, &error);
          g_autofree char *name = clw_imtp_return_dup_file_name (ret);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          Parsed p = parse (clw_imtp_return_get_bytes (ret));

          ck_assert_no_error (error);
          clw_xml_validate (doc, CLW_IMTP_RETURN_SCHEMA_RESOURCE, name, problems, &error);
          ck_assert_no_error (error);

          ck_assert_ptr_nonnull (summary);
          ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@practices"),
                            clw_cluster_summary_get_n_practices (summary));
          ck_assert_int_eq (xpath_count (&p, "//r:practice"), clw_cluster_summary_get_n_practices (summary));
          ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@points"), clw_cluster_summary_get_points (summary));
          ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@practices-at-risk"),
                            clw_cluster_summary_get_practices_at_risk (summary));
          ck_assert_int_eq (xpath_int (&p, "/r:imtp-return/r:summary/@imtp-submitted"),
                            clw_cluster_summary_get_imtp_submitted (summary));
          ck_assert_int_eq (xpath_int (&p, "sum(//r:practice/r:qaif/@points)"), clw_cluster_summary_get_points (summary));
          parsed_clear (&p);

          clw_imtp_return_save (ret, path, &error);
          ck_assert_no_error (error);
          g_ptr_array_add (argv, g_steal_pointer (&path));
        }

      g_ptr_array_add (argv, NULL);
      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                    NULL, NULL, NULL, &err, &status, &error);
      ck_assert_no_error (error);
      ck_assert_msg (g_spawn_check_wait_status (status, NULL), "xmllint refuses a return of %s:\n%.2000s",
                     cycles[c], err);
    }
}
END_TEST

static Suite *
imtp_return_suite (void)
{
  Suite *s = suite_create ("imtp-return");
  TCase *tc;

  tc = tcase_create ("return");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_return_valid_both_ways);
  tcase_add_test (tc, test_counts_are_the_engines);
  tcase_add_test (tc, test_contents);
  tcase_add_test (tc, test_invalid_return_never_written);
  tcase_add_test (tc, test_invalid_data_never_written);
  tcase_add_test (tc, test_warns_about_patient_data);
  tcase_add_test (tc, test_health_board_folder);
  tcase_add_test (tc, test_write_async);
  suite_add_tcase (s, tc);

  tc = tcase_create ("demo");
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_demo_every_cluster);
  suite_add_tcase (s, tc);

  tc = tcase_create ("format");
  tcase_add_test (tc, test_identifiers);
  tcase_add_test (tc, test_documented_example);
  suite_add_tcase (s, tc);

  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (imtp_return_suite (), argc, argv);
}
