/* test-dataset.c: the dataset format, export, import, hostile files and
 * the reference data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "clw-database-private.h"
#include "clw-dataset.h"
#include "clw-test-fixture.h"
#include "clw-xml.h"

#define NS CLW_DATASET_NAMESPACE
#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<dataset xmlns=\"" NS "\" format-version=\"1\" scope=\"all\">\n"
#define STAMPS "created-at=\"2021-10-01T09:00:00.000Z\" updated-at=\"2021-10-01T09:00:00.000Z\" updated-by=\"Test\""

/* Documents written line by line, so that a test knows the line of each row. */
typedef struct
{
  GString *text;
  guint    line;
} Doc;

static Doc *
doc_new_with_root (const char *root)
{
  Doc *doc = g_new0 (Doc, 1);

  doc->text = g_string_new (HEADER);
  g_string_append (doc->text, root);
  doc->line = 2;
  return doc;
}

static Doc *
doc_new (void)
{
  return doc_new_with_root (ROOT);
}

G_GNUC_PRINTF (2, 3)
static guint
doc_add (Doc        *doc,
         const char *format,
         ...)
{
  va_list args;

  g_string_append (doc->text, "  ");
  va_start (args, format);
  g_string_append_vprintf (doc->text, format, args);
  va_end (args);
  g_string_append_c (doc->text, '\n');
  doc->line += 1 + (guint) (strchr (format, '\n') != NULL);
  return doc->line;
}

/* The text so far, without closing the root. */
static char *
doc_cut (Doc *doc)
{
  char *text = g_string_free (doc->text, FALSE);

  g_free (doc);
  return text;
}

static char *
doc_finish (Doc *doc)
{
  char *text;

  g_string_append (doc->text, "</dataset>\n");
  text = g_string_free (doc->text, FALSE);
  g_free (doc);
  return text;
}

static guint
add_practice (Doc        *doc,
              const char *cluster_id,
              const char *code,
              const char *extra)
{
  g_autofree char *id = clw_uuid_new ();

  return doc_add (doc, "<practice id=\"%s\" " STAMPS " cluster-id=\"%s\" code=\"%s\" name=\"Practice %s\"%s%s/>",
                  id, cluster_id, code, code, extra ? " " : "", extra ? extra : "");
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* Importing @text must fail with @code in CLW_IMPORT_ERROR and change nothing. */
static GPtrArray *
refused_at (int          line,
            ClwDatabase *db,
            const char  *text,
            int          code)
{
  g_autoptr(ClwTestSnapshot) snapshot = clw_test_snapshot_take (db);
  g_autoptr(GBytes) bytes = bytes_of (text);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = NULL;
  ClwImportCounts counts = { 7, 7, 7 };
  gboolean can_undo = clw_database_can_undo (db);
  const char *label = clw_database_get_undo_label (db);

  ck_assert_msg (!clw_dataset_import_bytes (db, bytes, "bad.xml", &counts, &problems, &error),
                 "line %d: the import was accepted", line);
  ck_assert_msg (error != NULL && error->domain == CLW_IMPORT_ERROR && error->code == code,
                 "line %d: expected import error %d, got %s %d: %s", line, code,
                 error ? g_quark_to_string (error->domain) : "none", error ? error->code : -1,
                 error ? error->message : "");
  ck_assert_msg (strstr (error->message, "bad.xml") != NULL && strstr (error->message, "nothing was imported"),
                 "line %d: %s", line, error->message);
  ck_assert_msg (problems != NULL && problems->len > 0, "line %d: no problem listed", line);
  /* The counts are not touched by a failed import. */
  ck_assert_uint_eq (counts.inserted, 7);
  ck_assert (!clw_database_in_transaction (db));
  ck_assert (clw_database_can_undo (db) == can_undo);
  ck_assert_pstr_eq (clw_database_get_undo_label (db), label);
  ck_assert_unchanged (db, snapshot);
  return problems;
}

#define refused(db, text, code) refused_at (__LINE__, (db), (text), (code))

/* @problems holds one at @line, about @element, that says @fragment. */
static void
has_problem_at (int         src_line,
                GPtrArray  *problems,
                guint       line,
                const char *element,
                const char *fragment)
{
  g_autofree char *all = clw_xml_problems_to_string (problems, "bad.xml", G_MAXUINT);

  for (guint i = 0; i < problems->len; i++)
    {
      ClwXmlProblem *p = g_ptr_array_index (problems, i);

      if (p->line == line && g_strcmp0 (p->element, element) == 0 && strstr (p->message, fragment) != NULL)
        return;
    }

  ck_abort_msg ("line %d: no problem at line %u about <%s> saying “%s” in:\n%s",
                src_line, line, element ? element : "(none)", fragment, all);
}

#define has_problem(problems, line, element, fragment) \
  has_problem_at (__LINE__, (problems), (line), (element), (fragment))

static GBytes *
export_bytes (ClwDatabase *db,
              ClwScope     scope,
              const char  *scope_id)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = clw_dataset_export_bytes (db, scope, scope_id, &error);

  ck_assert_no_error (error);
  return bytes;
}

static ClwImportCounts
import_ok (ClwDatabase *db,
           GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *listed = NULL;
  ClwImportCounts counts = { 0 };

  clw_dataset_import_bytes (db, bytes, "good.xml", &counts, &problems, &error);
  listed = clw_xml_problems_to_string (problems, "good.xml", 20);
  ck_assert_msg (error == NULL, "%s\n%s", error ? error->message : "", listed);
  return counts;
}

static gint64
count_all_rows (ClwDatabase *db)
{
  guint n_types;
  const GType *types = clw_record_types_in_order (&n_types);
  gint64 total = 0;

  for (guint i = 0; i < n_types; i++)
    total += clw_test_count_rows (db, clw_record_type_get_table (types[i]));
  return total;
}

/* Round trip ----------------------------------------------------------------------- */

START_TEST (test_round_trip)
{
  g_autoptr(ClwDatabase) source = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (source);
  g_autoptr(ClwDatabase) copy = clw_test_new_database ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autoptr(GError) error = NULL;
  guint added = clw_test_fill_every_table (source);
  gint64 reference_rows = count_all_rows (copy);
  gint64 source_rows = count_all_rows (source);
  ClwImportCounts counts;

  /* The fixture's practices and meetings, and a row in every table. */
  ck_assert_int_eq (source_rows, reference_rows + 8 + added);

  first = export_bytes (source, CLW_SCOPE_ALL, NULL);
  counts = import_ok (copy, first);
  ck_assert_uint_eq (counts.inserted, 8 + added);
  ck_assert_uint_eq (counts.updated, 0);
  ck_assert_uint_eq (counts.unchanged, reference_rows);
  ck_assert_int_eq (count_all_rows (copy), source_rows);

  second = export_bytes (copy, CLW_SCOPE_ALL, NULL);
  ck_assert_msg (g_bytes_equal (first, second), "the second export differs from the first");

  /* What was read is what was written, character for character. */
  {
    g_autofree char *minutes = clw_test_query_string (copy, "SELECT minutes FROM meeting WHERE minutes != ''");
    g_autofree char *place = clw_test_query_string (copy, "SELECT place FROM meeting WHERE place LIKE 'Neuadd%'");
    g_autofree char *name = clw_test_query_string (copy, "SELECT name FROM practice WHERE code = 'X10001'");
    g_autofree char *wte = clw_test_query_string (copy, "SELECT wte FROM imtp_workforce WHERE role = 'pharmacists'");
    g_autofree char *created = clw_test_query_string (source, "SELECT created_at FROM practice WHERE code = 'X10001'");
    g_autofree char *created_copy = clw_test_query_string (copy, "SELECT created_at FROM practice WHERE code = 'X10001'");

    ck_assert_str_eq (minutes, CLW_TEST_LONG_TEXT);
    ck_assert_str_eq (place, "Neuadd y Dref, Llanfair\nStryd Fawr & Heol \"Las\"");
    ck_assert_str_eq (name, "Meddygfa'r \"Bont\" & Co");
    ck_assert_str_eq (wte, "2.75");
    ck_assert_str_eq (created_copy, created);
  }

  /* The same file again changes nothing: no write, no history, no undo. */
  {
    g_autoptr(ClwTestSnapshot) snapshot = clw_test_snapshot_take (copy);
    g_autofree char *label = g_strdup (clw_database_get_undo_label (copy));

    counts = import_ok (copy, first);
    ck_assert_uint_eq (counts.inserted, 0);
    ck_assert_uint_eq (counts.updated, 0);
    ck_assert_uint_eq (counts.unchanged, source_rows);
    ck_assert_unchanged (copy, snapshot);
    ck_assert_pstr_eq (clw_database_get_undo_label (copy), label);
  }

  /* And through a file. */
  {
    g_autofree char *path = clw_test_path ("round-trip.xml");

    clw_dataset_export (copy, CLW_SCOPE_ALL, NULL, path, &error);
    ck_assert_no_error (error);
    ck_assert (clw_test_bytes_equal_file (first, path));
    third = clw_test_read_file (path);
    ck_assert (g_bytes_equal (first, third));
  }
}
END_TEST

/* The round trip's fixture is worth its name: every column of every table
 * holds something other than its default in at least one row. */
START_TEST (test_fixture_covers_every_column)
{
  g_autoptr(ClwDatabase) db = clw_test_new_empty_database ();
  guint n_types;
  const GType *types = clw_record_types_in_order (&n_types);

  clw_test_fill_every_table (db);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClwRecord) blank = clw_record_new (types[t]);
      g_autoptr(GListStore) rows = clw_record_list (db, types[t], NULL, NULL, &error);
      guint n_columns;
      const ClwColumn *columns = clw_record_class_get_columns (CLW_RECORD_GET_CLASS (blank), &n_columns);

      ck_assert_no_error (error);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *default_value = clw_record_dup_string (blank, &columns[c]);
          gboolean covered = FALSE;

          if (columns[c].flags & CLW_COLUMN_METADATA)
            continue;

          for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (rows)) && !covered; r++)
            {
              g_autoptr(ClwRecord) row = g_list_model_get_item (G_LIST_MODEL (rows), r);
              g_autofree char *value = clw_record_dup_string (row, &columns[c]);

              covered = value != NULL && *value != '\0' && g_strcmp0 (value, default_value) != 0;
            }
          ck_assert_msg (covered, "no row of %s sets %s", clw_record_type_get_table (types[t]), columns[c].name);
        }
    }
}
END_TEST

/* The order of an export depends on the data, never on the order the rows
 * were written in. */
START_TEST (test_export_order_is_stable)
{
  g_autoptr(ClwDatabase) one = clw_test_new_empty_database ();
  g_autoptr(ClwDatabase) two = clw_test_new_empty_database ();
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) exported_one = NULL;
  g_autoptr(GBytes) exported_two = NULL;
  static const char *board = "0b5c3c6c-4a2f-4d8e-9c59-1f6e7d1b2a01";
  static const char *cycle = "0b5c3c6c-4a2f-4d8e-9c59-1f6e7d1b2a02";
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GString *forward = g_string_new (HEADER ROOT);
  GString *backward = g_string_new (HEADER ROOT);
  g_autofree char *forward_text = NULL;
  g_autofree char *backward_text = NULL;

  /* Rows that sort equal on what each table is ordered by: two boards of
   * one name, two groups and two clusters of one name, two cycles
   * starting on one day, two requirements of one kind due on one day.
   * The ids are given so that the later row sorts first by id. */
  g_ptr_array_add (rows, g_strdup_printf ("<health-board id=\"ffffffff-0000-4000-8000-000000000001\" " STAMPS
                                          " code=\"7Y1\" name=\"Same Board\" valid-from=\"2020-01-01\"/>"));
  g_ptr_array_add (rows, g_strdup_printf ("<health-board id=\"%s\" " STAMPS
                                          " code=\"7Y2\" name=\"Same Board\" valid-from=\"2020-01-01\"/>", board));
  g_ptr_array_add (rows, g_strdup_printf ("<pcpg id=\"ffffffff-0000-4000-8000-000000000002\" " STAMPS
                                          " health-board-id=\"%s\" name=\"Same Group\" valid-from=\"2020-01-01\"/>", board));
  g_ptr_array_add (rows, g_strdup_printf ("<pcpg id=\"00000000-0000-4000-8000-000000000002\" " STAMPS
                                          " health-board-id=\"%s\" name=\"Same Group\" valid-from=\"2020-01-01\"/>", board));
  g_ptr_array_add (rows, g_strdup_printf ("<cluster id=\"ffffffff-0000-4000-8000-000000000003\" " STAMPS
                                          " health-board-id=\"%s\" code=\"YY01\" name=\"Same Cluster\" valid-from=\"2020-01-01\"/>", board));
  g_ptr_array_add (rows, g_strdup_printf ("<cluster id=\"00000000-0000-4000-8000-000000000003\" " STAMPS
                                          " health-board-id=\"%s\" code=\"YY02\" name=\"Same Cluster\" valid-from=\"2020-01-01\"/>", board));
  g_ptr_array_add (rows, g_strdup_printf ("<cycle id=\"ffffffff-0000-4000-8000-000000000004\" " STAMPS
                                          " code=\"A\" starts-on=\"2030-10-01\" ends-on=\"2031-09-30\"/>"));
  g_ptr_array_add (rows, g_strdup_printf ("<cycle id=\"%s\" " STAMPS
                                          " code=\"B\" starts-on=\"2030-10-01\" ends-on=\"2031-09-30\"/>", cycle));
  g_ptr_array_add (rows, g_strdup_printf ("<evidence-requirement id=\"ffffffff-0000-4000-8000-000000000005\" " STAMPS
                                          " cycle-id=\"%s\" kind=\"cgsat\" due-on=\"2031-03-31\">"
                                          "<description>One</description></evidence-requirement>", cycle));
  g_ptr_array_add (rows, g_strdup_printf ("<evidence-requirement id=\"00000000-0000-4000-8000-000000000005\" " STAMPS
                                          " cycle-id=\"%s\" kind=\"cgsat\" due-on=\"2031-03-31\">"
                                          "<description>Two</description></evidence-requirement>", cycle));

  /* Forward: as listed; backward: each table's two rows swapped. */
  for (guint i = 0; i < rows->len; i += 2)
    {
      g_string_append_printf (forward, "%s\n%s\n", (char *) rows->pdata[i], (char *) rows->pdata[i + 1]);
      g_string_append_printf (backward, "%s\n%s\n", (char *) rows->pdata[i + 1], (char *) rows->pdata[i]);
    }
  g_string_append (forward, "</dataset>\n");
  g_string_append (backward, "</dataset>\n");
  forward_text = g_string_free (forward, FALSE);
  backward_text = g_string_free (backward, FALSE);
  g_ptr_array_unref (rows);

  a = bytes_of (forward_text);
  b = bytes_of (backward_text);
  import_ok (one, a);
  import_ok (two, b);
  exported_one = export_bytes (one, CLW_SCOPE_ALL, NULL);
  exported_two = export_bytes (two, CLW_SCOPE_ALL, NULL);
  ck_assert_msg (g_bytes_equal (exported_one, exported_two), "the export follows the order of writing");
}
END_TEST

/* An import that says nothing of who changed a row and when keeps the time
 * existing rows were created, and stamps what it writes as the user's. */
START_TEST (test_import_without_metadata)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autofree char *created = clw_test_query_string (db, "SELECT created_at FROM practice WHERE code = 'W10001'");
  g_autofree char *text = NULL;
  g_autofree char *created_after = NULL;
  g_autofree char *updated_by = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *new_id = clw_uuid_new ();
  Doc *doc = doc_new ();
  ClwImportCounts counts;

  doc_add (doc, "<practice id=\"%s\" cluster-id=\"%s\" code=\"W10001\" name=\"Penybryn Medical Centre\" "
           "partners=\"2\" list-size=\"3000\"/>", fixture->small_id, fixture->cluster_id);
  doc_add (doc, "<practice id=\"%s\" cluster-id=\"%s\" code=\"W10009\" name=\"New Surgery\"/>",
           new_id, fixture->cluster_id);
  text = doc_finish (doc);
  bytes = bytes_of (text);

  clw_database_set_user (db, "Importer");
  counts = import_ok (db, bytes);
  ck_assert_uint_eq (counts.inserted, 1);
  ck_assert_uint_eq (counts.updated, 1);

  created_after = clw_test_query_string (db, "SELECT created_at FROM practice WHERE code = 'W10001'");
  updated_by = clw_test_query_string (db, "SELECT updated_by FROM practice WHERE code = 'W10001'");
  name = clw_test_query_string (db, "SELECT name FROM practice WHERE code = 'W10001'");
  ck_assert_str_eq (created_after, created);
  ck_assert_str_eq (updated_by, "Importer");
  ck_assert_str_eq (name, "Penybryn Medical Centre");
  g_free (updated_by);
  updated_by = clw_test_query_string (db, "SELECT updated_by FROM practice WHERE code = 'W10009'");
  ck_assert_str_eq (updated_by, "Importer");
}
END_TEST

/* Scopes ---------------------------------------------------------------------------- */

static void
check_scope (ClwDatabase *source,
             ClwScope     scope,
             const char  *scope_id,
             const char  *board_code,
             const char  *cluster_code)
{
  g_autoptr(ClwDatabase) empty = clw_test_new_empty_database ();
  g_autoptr(GBytes) exported = export_bytes (source, scope, scope_id);
  g_autoptr(GBytes) again = NULL;
  g_autofree char *board_id = NULL;
  g_autofree char *sql = NULL;
  ClwImportCounts counts;

  counts = import_ok (empty, exported);
  ck_assert_uint_eq (counts.updated + counts.unchanged, 0);

  /* Only the scope's board, and its clusters... */
  ck_assert_int_eq (clw_test_count_rows (empty, "health_board"), 1);
  board_id = clw_test_query_string (empty, "SELECT id FROM health_board");
  sql = g_strdup_printf ("SELECT code FROM health_board WHERE id = '%s'", board_id);
  {
    g_autofree char *code = clw_test_query_string (empty, sql);
    ck_assert_str_eq (code, board_code);
  }
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM cluster WHERE health_board_id != '%s'", board_id);
  ck_assert_int_eq (clw_test_query_int (empty, sql), 0);
  ck_assert_int_gt (clw_test_count_rows (empty, "cluster"), 0);
  if (cluster_code != NULL)
    {
      g_autofree char *code = clw_test_query_string (empty, "SELECT group_concat(code) FROM cluster");
      ck_assert_str_eq (code, cluster_code);
    }

  /* ... with everything in them, as the source has it... */
  {
    g_auto(GStrv) tables = g_strsplit ("practice meeting agenda_item action_item attendance representation "
                                       "buddy_arrangement buddy_engagement evidence imtp_contribution "
                                       "imtp_section imtp_workforce collaborative", " ", -1);
    g_autofree char *clusters = NULL;

    if (scope == CLW_SCOPE_CLUSTER)
      clusters = g_strdup_printf ("'%s'", scope_id);
    else
      clusters = g_strdup_printf ("SELECT id FROM cluster WHERE health_board_id = '%s'", scope_id);

    for (guint i = 0; tables[i] != NULL; i++)
      {
        g_autofree char *count_sql = NULL;
        gint64 expected;

        if (g_str_equal (tables[i], "practice") || g_str_equal (tables[i], "collaborative"))
          count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE cluster_id IN (%s)", tables[i], clusters);
        else if (g_str_equal (tables[i], "meeting"))
          count_sql = g_strdup_printf ("SELECT count(*) FROM meeting WHERE collaborative_id IN "
                                       "(SELECT id FROM collaborative WHERE cluster_id IN (%s))", clusters);
        else if (g_str_equal (tables[i], "agenda_item") || g_str_equal (tables[i], "action_item") ||
                 g_str_equal (tables[i], "attendance"))
          count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE meeting_id IN (SELECT id FROM meeting "
                                       "WHERE collaborative_id IN (SELECT id FROM collaborative "
                                       "WHERE cluster_id IN (%s)))", tables[i], clusters);
        else if (g_str_equal (tables[i], "buddy_arrangement"))
          count_sql = g_strdup_printf ("SELECT count(*) FROM buddy_arrangement WHERE small_practice_id IN "
                                       "(SELECT id FROM practice WHERE cluster_id IN (%s))", clusters);
        else if (g_str_equal (tables[i], "evidence"))
          count_sql = g_strdup_printf ("SELECT count(*) FROM evidence WHERE practice_id IN "
                                       "(SELECT id FROM practice WHERE cluster_id IN (%s)) OR meeting_id IN "
                                       "(SELECT id FROM meeting WHERE collaborative_id IN (SELECT id FROM "
                                       "collaborative WHERE cluster_id IN (%s)))", clusters, clusters);
        else if (g_str_equal (tables[i], "imtp_section") || g_str_equal (tables[i], "imtp_workforce"))
          count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE contribution_id IN (SELECT c.id FROM "
                                       "imtp_contribution c JOIN practice p ON p.id = c.practice_id "
                                       "WHERE p.cluster_id IN (%s))", tables[i], clusters);
        else
          count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE practice_id IN "
                                       "(SELECT id FROM practice WHERE cluster_id IN (%s))", tables[i], clusters);

        expected = clw_test_query_int (source, count_sql);
        ck_assert_msg (clw_test_count_rows (empty, tables[i]) == expected,
                       "%s: %" G_GINT64_FORMAT " rows in the scope, %" G_GINT64_FORMAT " imported",
                       tables[i], expected, clw_test_count_rows (empty, tables[i]));
      }
  }

  /* ... and the QAIF's reference data, which every scope needs. */
  ck_assert_int_eq (clw_test_count_rows (empty, "cycle"), clw_test_count_rows (source, "cycle"));
  ck_assert_int_eq (clw_test_count_rows (empty, "indicator"), clw_test_count_rows (source, "indicator"));
  ck_assert_int_eq (clw_test_count_rows (empty, "evidence_requirement"),
                    clw_test_count_rows (source, "evidence_requirement"));

  /* The same scope of the copy is the same document. */
  again = export_bytes (empty, scope, scope_id);
  ck_assert_msg (g_bytes_equal (exported, again), "the scoped export does not round-trip");
}

START_TEST (test_scopes)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autofree char *fill_board = NULL;
  g_autofree char *fill_cluster = NULL;
  g_autofree char *missing = clw_uuid_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) none = NULL;

  clw_test_fill_every_table (db);
  fill_board = clw_test_query_string (db, "SELECT id FROM health_board WHERE code = '" CLW_TEST_FILL_BOARD_CODE "'");
  fill_cluster = clw_test_query_string (db, "SELECT id FROM cluster WHERE code = '" CLW_TEST_FILL_CLUSTER_CODE "'");

  check_scope (db, CLW_SCOPE_HEALTH_BOARD, fill_board, CLW_TEST_FILL_BOARD_CODE, CLW_TEST_FILL_CLUSTER_CODE);
  check_scope (db, CLW_SCOPE_CLUSTER, fill_cluster, CLW_TEST_FILL_BOARD_CODE, CLW_TEST_FILL_CLUSTER_CODE);
  check_scope (db, CLW_SCOPE_HEALTH_BOARD, fixture->board_id, "7A6", NULL);
  check_scope (db, CLW_SCOPE_CLUSTER, fixture->cluster_id, "7A6", "AB01");

  /* A scope that names nothing. */
  none = clw_dataset_export_bytes (db, CLW_SCOPE_CLUSTER, missing, &error);
  ck_assert_ptr_null (none);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND, "There is no cluster");
}
END_TEST

/* All or nothing -------------------------------------------------------------------- */

START_TEST (test_not_well_formed)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  Doc *doc = doc_new ();
  guint line;

  add_practice (doc, fixture->cluster_id, "W11001", NULL);
  line = doc_add (doc, "<meeting id=\"%s\" collaborative-id=\"%s\" starts-at=\"2022-01-01T10:00\">",
                  fixture->meeting_id, fixture->gp_collaborative_id);
  doc_add (doc, "<minutes>Cut off here");
  /* Truncated: the minutes, the meeting and the dataset never close. */
  text = doc_cut (doc);

  problems = refused (db, text, CLW_IMPORT_ERROR_MALFORMED);
  ck_assert_uint_ge (problems->len, 1);
  {
    ClwXmlProblem *p = g_ptr_array_index (problems, 0);
    ck_assert_uint_ge (p->line, line);
    ck_assert_msg (p->element != NULL, "the problem names no element: %s", p->message);
  }
}
END_TEST

START_TEST (test_wrong_root)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) other_ns = NULL;

  problems = refused (db, HEADER "<datasets xmlns=\"" NS "\" format-version=\"1\" scope=\"all\"/>\n",
                      CLW_IMPORT_ERROR_SCHEMA);
  has_problem (problems, 2, "datasets", "No matching global declaration");

  /* The right name in another namespace is another element. */
  other_ns = refused (db, HEADER "<dataset xmlns=\"https://example.org/other\" format-version=\"1\" scope=\"all\"/>\n",
                      CLW_IMPORT_ERROR_SCHEMA);
  has_problem (other_ns, 2, "dataset", "No matching global declaration");
}
END_TEST

START_TEST (test_schema_problems)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);

  struct {
    const char *row;
    const char *element;
    const char *says;
  } cases[] = {
    { "<surgery id=\"%s\" name=\"Unknown\"/>", "surgery", "This element is not expected" },
    { "<practice id=\"%s\" cluster-id=\"%s\" code=\"W11002\" name=\"Colour\" colour=\"red\"/>",
      "practice", "The attribute 'colour' is not allowed" },
    { "<meeting id=\"%s\" collaborative-id=\"%s\" starts-at=\"2022-01-01T10:00\" status=\"postponed\"/>",
      "meeting", "'postponed' is not an element of the set" },
    { "<practice id=\"%s\" cluster-id=\"%s\" name=\"No Code\"/>",
      "practice", "The attribute 'code' is required but missing" },
    { "<action-item id=\"%s\" meeting-id=\"%s\" description=\"Leap\" owner=\"Dr Evans\" due-on=\"2022-02-30\"/>",
      "action-item", "'2022-02-30' is not a valid value" },
    { "<practice id=\"%s\" cluster-id=\"%s\" code=\"W11003\" name=\"Partners\" partners=\"many\"/>",
      "practice", "'many' is not a valid value" },
  };
  const char *refs[] = {
    NULL, fixture->cluster_id, fixture->gp_collaborative_id, fixture->cluster_id, fixture->meeting_id,
    fixture->cluster_id,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (refs) == G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *row_id = clw_uuid_new ();
      g_autofree char *row = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      Doc *doc = doc_new ();
      guint line;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      row = g_strdup_printf (cases[i].row, row_id, refs[i]);
#pragma GCC diagnostic pop
      add_practice (doc, fixture->cluster_id, "W11100", NULL);
      line = doc_add (doc, "%s", row);
      add_practice (doc, fixture->cluster_id, "W11101", NULL);
      text = doc_finish (doc);

      problems = refused (db, text, CLW_IMPORT_ERROR_SCHEMA);
      has_problem (problems, line, cases[i].element, cases[i].says);
    }

  /* Rows come grouped by table, in the order of the schema: a practice
   * after a meeting is out of place. */
  {
    g_autofree char *id = clw_uuid_new ();
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    Doc *doc = doc_new ();
    guint line;

    doc_add (doc, "<meeting id=\"%s\" collaborative-id=\"%s\" starts-at=\"2022-01-01T10:00\"/>",
             id, fixture->gp_collaborative_id);
    line = add_practice (doc, fixture->cluster_id, "W11102", NULL);
    text = doc_finish (doc);
    problems = refused (db, text, CLW_IMPORT_ERROR_SCHEMA);
    has_problem (problems, line, "practice", "Element 'practice': This element is not expected. "
                                             "Expected is one of ( meeting, agenda-item");
  }
}
END_TEST

START_TEST (test_several_problems_all_reported)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rule_problems = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rules_text = NULL;
  g_autofree char *missing = clw_uuid_new ();
  Doc *doc = doc_new ();
  guint bad_enum;
  guint bad_attribute;
  guint missing_code;
  guint bad_date;
  guint bad_code;
  guint dangling;
  guint cancelled;

  add_practice (doc, fixture->cluster_id, "W11200", NULL);
  bad_attribute = add_practice (doc, fixture->cluster_id, "W11201", "colour=\"red\"");
  missing_code = doc_add (doc, "<practice id=\"%s\" cluster-id=\"%s\" name=\"No Code\"/>",
                          fixture->large_id, fixture->cluster_id);
  bad_enum = doc_add (doc, "<meeting id=\"%s\" collaborative-id=\"%s\" starts-at=\"2022-01-01T10:00\" "
                      "status=\"postponed\"/>", missing, fixture->gp_collaborative_id);
  bad_date = doc_add (doc, "<action-item id=\"%s\" meeting-id=\"%s\" description=\"Leap\" owner=\"Dr Evans\" "
                      "due-on=\"2022-02-30\"/>", fixture->small_id, fixture->meeting_id);
  text = doc_finish (doc);
  problems = refused (db, text, CLW_IMPORT_ERROR_SCHEMA);
  has_problem (problems, bad_enum, "meeting", "'postponed'");
  has_problem (problems, bad_attribute, "practice", "'colour'");
  has_problem (problems, missing_code, "practice", "'code'");
  has_problem (problems, bad_date, "action-item", "'2022-02-30'");
  ck_assert_uint_eq (problems->len, 4);

  /* Rules are checked row by row, and every row is checked. */
  doc = doc_new ();
  add_practice (doc, fixture->cluster_id, "W11300", NULL);
  bad_code = add_practice (doc, fixture->cluster_id, "w11301", NULL);
  dangling = add_practice (doc, missing, "W11302", NULL);
  cancelled = doc_add (doc, "<attendance id=\"%s\" meeting-id=\"%s\" practice-id=\"%s\" status=\"attended\" "
                       "representative-role=\"clinical-partner\"/>",
                       missing, fixture->cancelled_meeting_id, fixture->small_id);
  rules_text = doc_finish (doc);
  rule_problems = refused (db, rules_text, CLW_IMPORT_ERROR_RULE);
  has_problem (rule_problems, bad_code, "practice", "capital letter and five digits");
  has_problem (rule_problems, dangling, "practice", "which does not exist");
  has_problem (rule_problems, cancelled, "attendance", "The meeting was cancelled");
  ck_assert_uint_eq (rule_problems->len, 3);

  /* A caller that does not take the list gets the first problem in the
   * message, with its line. */
  {
    g_autoptr(GBytes) bytes = bytes_of (rules_text);
    g_autoptr(GError) error = NULL;
    g_autofree char *where = g_strdup_printf ("bad.xml:%u: <practice>:", bad_code);

    ck_assert (!clw_dataset_import_bytes (db, bytes, "bad.xml", NULL, NULL, &error));
    ck_assert_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_RULE, where);
  }
}
END_TEST

START_TEST (test_duplicate_ids)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = clw_uuid_new ();
  Doc *doc = doc_new ();
  guint second;

  doc_add (doc, "<practice id=\"%s\" cluster-id=\"%s\" code=\"W11400\" name=\"One\"/>", id, fixture->cluster_id);
  add_practice (doc, fixture->cluster_id, "W11401", NULL);
  /* The same id in another table is the same id. */
  second = doc_add (doc, "<meeting id=\"%s\" collaborative-id=\"%s\" starts-at=\"2022-01-01T10:00\"/>",
                    id, fixture->gp_collaborative_id);
  text = doc_finish (doc);

  problems = refused (db, text, CLW_IMPORT_ERROR_SCHEMA);
  has_problem (problems, second, "meeting", "is used already, by the <practice> on line");
}
END_TEST

START_TEST (test_missing_reference)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  g_autofree char *missing = clw_uuid_new ();
  g_autofree char *says = g_strdup_printf ("The meeting refers to %s, which does not exist", missing);
  Doc *doc = doc_new ();
  guint line;

  add_practice (doc, fixture->cluster_id, "W11500", NULL);
  line = doc_add (doc, "<action-item id=\"%s\" meeting-id=\"%s\" description=\"Lost\" owner=\"Dr Evans\" "
                  "due-on=\"2022-02-28\"/>", fixture->small_id, missing);
  text = doc_finish (doc);

  problems = refused (db, text, CLW_IMPORT_ERROR_RULE);
  has_problem (problems, line, "action-item", says);
  ck_assert_uint_eq (problems->len, 1);
}
END_TEST

START_TEST (test_rule_after_fifty_good_rows)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = clw_uuid_new ();
  Doc *doc = doc_new ();
  gint64 practices = clw_test_count_rows (db, "practice");
  guint line;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *code = g_strdup_printf ("W4%04u", i);
      add_practice (doc, fixture->cluster_id, code, "partners=\"3\" list-size=\"4000\"");
    }
  /* A practice of four partners and no sustainability issues asks to be buddied. */
  line = doc_add (doc, "<buddy-arrangement id=\"%s\" small-practice-id=\"%s\" buddy-practice-id=\"%s\" "
                  "starts-on=\"2021-10-01\" requested-on=\"2021-09-01\"/>",
                  id, fixture->medium_id, fixture->large_id);
  text = doc_finish (doc);

  problems = refused (db, text, CLW_IMPORT_ERROR_RULE);
  has_problem (problems, line, "buddy-arrangement", "W10003 has 4 partners and no sustainability issues");
  ck_assert_uint_eq (problems->len, 1);
  ck_assert_int_eq (clw_test_count_rows (db, "practice"), practices);
}
END_TEST

/* A large import writes the audit rows of its inserts itself, without the
 * triggers: the rows must be those the trigger writes, and the triggers must
 * be back afterwards, whether the import succeeded or not. */
START_TEST (test_bulk_import_audit)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *good = NULL;
  g_autofree char *buddy_id = clw_uuid_new ();
  const char *triggers_sql = "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'";
  gint64 triggers = clw_test_query_int (db, triggers_sql);
  gint64 practices = clw_test_count_rows (db, "practice");
  Doc *doc;
  ClwImportCounts counts;

  ck_assert_int_gt (triggers, 30);

  /* Refused after a hundred good rows: nothing kept, the triggers whole. */
  doc = doc_new ();
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *code = g_strdup_printf ("W5%04u", i);
      add_practice (doc, fixture->cluster_id, code, "partners=\"3\" list-size=\"4000\"");
    }
  doc_add (doc, "<buddy-arrangement id=\"%s\" small-practice-id=\"%s\" buddy-practice-id=\"%s\" "
           "starts-on=\"2021-10-01\" requested-on=\"2021-09-01\"/>",
           buddy_id, fixture->medium_id, fixture->large_id);
  bad = doc_finish (doc);
  problems = refused (db, bad, CLW_IMPORT_ERROR_RULE);
  ck_assert_int_eq (clw_test_query_int (db, triggers_sql), triggers);

  /* Accepted: one audit row per practice, as the trigger writes it. */
  doc = doc_new ();
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *code = g_strdup_printf ("W6%04u", i);
      add_practice (doc, fixture->cluster_id, code, "partners=\"3\" list-size=\"4000\"");
    }
  good = doc_finish (doc);
  bytes = bytes_of (good);
  counts = import_ok (db, bytes);
  ck_assert_uint_eq (counts.inserted, 100);
  ck_assert_int_eq (clw_test_query_int (db, triggers_sql), triggers);
  ck_assert_int_eq (clw_test_query_int (db,
                                        "SELECT count(*) FROM audit_log a JOIN practice p ON p.id = a.row_id "
                                        "WHERE a.table_name = 'practice' AND a.action = 'insert' "
                                        "AND p.code LIKE 'W6%' AND a.old_values IS NULL "
                                        "AND a.new_values = json_object('id', p.id, 'created_at', p.created_at, "
                                        "'updated_at', p.updated_at, 'updated_by', p.updated_by, "
                                        "'cluster_id', p.cluster_id, 'code', p.code, 'name', p.name, "
                                        "'partners', p.partners, 'list_size', p.list_size, "
                                        "'sustainability_issues', p.sustainability_issues, "
                                        "'branch_surgeries', p.branch_surgeries)"),
                    100);
  ck_assert_int_eq (clw_test_query_int (db,
                                        "SELECT count(DISTINCT change_id) FROM audit_log a JOIN practice p "
                                        "ON p.id = a.row_id WHERE p.code LIKE 'W6%'"),
                    1);

  /* The triggers write the next change's rows again. */
  {
    g_autoptr(GError) error = NULL;
    gint64 audited = clw_test_count_rows (db, "audit_log");

    ck_assert (clw_database_exec (db, "INSERT INTO practice (id, created_at, updated_at, updated_by, cluster_id, code, name) "
                                  "SELECT 'c0ffee00-0000-4000-8000-000000000001', created_at, updated_at, updated_by, "
                                  "cluster_id, 'W70000', 'After' FROM practice WHERE code = 'W60000'", &error));
    ck_assert_no_error (error);
    ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), audited + 1);
  }

  /* And undo takes the whole import back. */
  {
    g_autoptr(GError) error = NULL;

    ck_assert (clw_database_exec (db, "DELETE FROM practice WHERE code = 'W70000'", &error));
    ck_assert (clw_database_undo (db, &error));
    ck_assert_no_error (error);
    ck_assert_int_eq (clw_test_count_rows (db, "practice"), practices);
  }
}
END_TEST

/* Hostile files ---------------------------------------------------------------------- */

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strstr_len (data, size, needle) != NULL;
}

/* Nothing about @secret anywhere: not in the database, not in a message. */
static void
assert_secret_absent (ClwDatabase *db,
                      GPtrArray   *problems,
                      const char  *secret)
{
  g_autofree char *listed = clw_xml_problems_to_string (problems, "bad.xml", G_MAXUINT);
  g_autoptr(GBytes) exported = export_bytes (db, CLW_SCOPE_ALL, NULL);

  ck_assert_msg (strstr (listed, secret) == NULL, "%s", listed);
  ck_assert (!bytes_contain (exported, secret));
}

START_TEST (test_external_entity)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) problems_attr = NULL;
  g_autofree char *secret_path = clw_test_path ("secret.txt");
  g_autofree char *secret_uri = g_filename_to_uri (secret_path, NULL, NULL);
  g_autofree char *text = NULL;
  g_autofree char *text_attr = NULL;
  g_autofree char *id = clw_uuid_new ();

  clw_test_write_file (secret_path, "TOP-SECRET-PATIENT-LIST", -1);

  text = g_strdup_printf (HEADER "<!DOCTYPE dataset [\n<!ENTITY leak SYSTEM \"%s\">\n]>\n" ROOT
                          "  <meeting id=\"%s\" collaborative-id=\"%s\" starts-at=\"2022-01-01T10:00\">"
                          "<minutes>&leak;</minutes></meeting>\n</dataset>\n",
                          secret_uri, id, fixture->gp_collaborative_id);
  problems = refused (db, text, CLW_IMPORT_ERROR_MALFORMED);
  has_problem (problems, 2, NULL, "DOCTYPE");
  assert_secret_absent (db, problems, "TOP-SECRET");

  /* A parameter entity, the other way files are pulled in. */
  text_attr = g_strdup_printf (HEADER "<!DOCTYPE dataset [\n<!ENTITY %% leak SYSTEM \"%s\">\n%%leak;\n]>\n" ROOT
                               "</dataset>\n", secret_uri);
  problems_attr = refused (db, text_attr, CLW_IMPORT_ERROR_MALFORMED);
  assert_secret_absent (db, problems_attr, "TOP-SECRET");

  /* Neither kind of entity is even opened: named pipes would block
   * whoever opened them (and the test would time out). */
  {
    g_autofree char *pipe_path = clw_test_path ("tripwire.txt");
    g_autofree char *pipe_uri = g_filename_to_uri (pipe_path, NULL, NULL);
    g_autofree char *general = NULL;
    g_autofree char *parameter = NULL;
    g_autoptr(GPtrArray) general_problems = NULL;
    g_autoptr(GPtrArray) parameter_problems = NULL;

    ck_assert_int_eq (mkfifo (pipe_path, 0600), 0);
    general = g_strdup_printf (HEADER "<!DOCTYPE dataset [\n<!ENTITY trip SYSTEM \"%s\">\n]>\n" ROOT
                               "  <meeting id=\"%s\" collaborative-id=\"%s\" starts-at=\"2022-01-01T10:00\">"
                               "<minutes>&trip;</minutes></meeting>\n</dataset>\n",
                               pipe_uri, id, fixture->gp_collaborative_id);
    general_problems = refused (db, general, CLW_IMPORT_ERROR_MALFORMED);
    parameter = g_strdup_printf (HEADER "<!DOCTYPE dataset [\n<!ENTITY %% trip SYSTEM \"%s\">\n%%trip;\n]>\n"
                                 ROOT "</dataset>\n", pipe_uri);
    parameter_problems = refused (db, parameter, CLW_IMPORT_ERROR_MALFORMED);
  }
}
END_TEST

START_TEST (test_external_dtd)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *dtd_path = clw_test_path ("tripwire.dtd");
  g_autofree char *dtd_uri = g_filename_to_uri (dtd_path, NULL, NULL);
  g_autofree char *text = NULL;

  /* A named pipe: reading it would block for ever (and the test would
   * time out), so the test proves the file is never opened. */
  ck_assert_int_eq (mkfifo (dtd_path, 0600), 0);

  text = g_strdup_printf (HEADER "<!DOCTYPE dataset SYSTEM \"%s\">\n" ROOT "</dataset>\n", dtd_uri);
  problems = refused (db, text, CLW_IMPORT_ERROR_MALFORMED);
  has_problem (problems, 2, NULL, "DOCTYPE");
}
END_TEST

START_TEST (test_entity_expansion_bomb)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GPtrArray) problems = NULL;
  GString *text = g_string_new (HEADER "<!DOCTYPE dataset [\n<!ENTITY lol0 \"lol\">\n");
  g_autofree char *bomb = NULL;
  struct rusage before, after;

  /* A billion laughs: ten levels of ten, 3 GB once expanded. */
  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (text, "<!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (text, "&lol%d;", i - 1);
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n" ROOT "  <health-board id=\"0b5c3c6c-4a2f-4d8e-9c59-1f6e7d1b2a01\" code=\"7Z9\" "
                   "name=\"&lol9;\" valid-from=\"2020-01-01\"><x>&lol9;</x></health-board>\n</dataset>\n");
  bomb = g_string_free (text, FALSE);

  getrusage (RUSAGE_SELF, &before);
  problems = refused (db, bomb, CLW_IMPORT_ERROR_MALFORMED);
  getrusage (RUSAGE_SELF, &after);

  /* No runaway memory: the peak grew by far less than the expansion. */
  ck_assert_msg (after.ru_maxrss - before.ru_maxrss < 64 * 1024,
                 "the peak memory grew by %ld kB", after.ru_maxrss - before.ru_maxrss);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM health_board WHERE code = '7Z9'"), 0);
}
END_TEST

static GBytes *
gzip (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GInputStream) source = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
  g_autoptr(GInputStream) compressed = g_converter_input_stream_new (source, G_CONVERTER (compressor));
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();

  g_output_stream_splice (sink, compressed,
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  ck_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (sink));
}

START_TEST (test_gzip_refused)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(ClwTestSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = clw_test_path ("dataset.xml");
  Doc *doc = doc_new ();

  add_practice (doc, fixture->cluster_id, "W11600", NULL);
  text = doc_finish (doc);

  packed = gzip (text);
  clw_test_write_file (path, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
  snapshot = clw_test_snapshot_take (db);

  ck_assert (!clw_dataset_import (db, path, 0, NULL, &problems, &error));
  ck_assert_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_MALFORMED, "is not well-formed XML");
  ck_assert_unchanged (db, snapshot);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM practice WHERE code = 'W11600'"), 0);

  /* The same text, not compressed, imports: it was refused for being gzip. */
  {
    g_autoptr(GBytes) plain = bytes_of (text);
    ClwImportCounts counts = import_ok (db, plain);

    ck_assert_uint_eq (counts.inserted, 1);
  }
}
END_TEST

/* A file of 50 MiB: rows and rows of practices, cut off before the end. */
static char *
write_big_file (const char *cluster_id,
                gsize      *size_out)
{
  char *path = clw_test_path ("big.xml");
  GString *text = g_string_sized_new (51 * 1024 * 1024);
  guint i = 0;

  g_string_append (text, HEADER ROOT);
  while (text->len < 50 * 1024 * 1024)
    {
      g_autofree char *id = clw_uuid_new ();
      g_string_append_printf (text, "  <practice id=\"%s\" " STAMPS " cluster-id=\"%s\" code=\"W%05u\" "
                              "name=\"Practice number %u of a file far too large\" partners=\"3\"/>\n",
                              id, cluster_id, i % 100000, i);
      i++;
    }
  /* No </dataset>: the end of the file is missing. */
  g_string_append (text, "  <practice id=\"");

  clw_test_write_file (path, text->str, text->len);
  *size_out = text->len;
  g_string_free (text, TRUE);
  return path;
}

START_TEST (test_big_file)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(ClwTestSnapshot) snapshot = clw_test_snapshot_take (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *default_limit = g_format_size_full (CLW_XML_DEFAULT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *small_limit = g_format_size_full (10 * 1024 * 1024, G_FORMAT_SIZE_IEC_UNITS);
  gsize size;

  path = write_big_file (fixture->cluster_id, &size);
  size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  ck_assert_uint_ge (size, 50 * 1024 * 1024);

  /* The default cap: refused before it is read, with the size and the limit. */
  ck_assert (!clw_dataset_import (db, path, 0, NULL, &problems, &error));
  ck_assert_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE, size_text);
  ck_assert_msg (strstr (error->message, default_limit) != NULL, "%s", error->message);
  ck_assert_unchanged (db, snapshot);
  g_clear_error (&error);

  /* A cap smaller than the file, given by the caller. */
  ck_assert (!clw_dataset_import (db, path, 10 * 1024 * 1024, NULL, NULL, &error));
  ck_assert_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE, small_limit);
  g_clear_error (&error);

  /* A larger cap: read, and refused as a file that does not end. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  ck_assert (!clw_dataset_import (db, path, 64 * 1024 * 1024, NULL, &problems, &error));
  ck_assert_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_MALFORMED, "is not well-formed XML");
  ck_assert_uint_ge (problems->len, 1);
  ck_assert_unchanged (db, snapshot);
}
END_TEST

START_TEST (test_xinclude_not_processed)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *included = clw_test_path ("included.xml");
  g_autofree char *text = NULL;
  guint line = 3;

  clw_test_write_file (included,
                       "<health-board xmlns=\"" NS "\" id=\"0b5c3c6c-4a2f-4d8e-9c59-1f6e7d1b2a07\" "
                       "code=\"7Z7\" name=\"INCLUDED-BOARD\" valid-from=\"2020-01-01\"/>\n", -1);
  text = g_strdup_printf (HEADER ROOT "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"%s\"/>\n"
                          "</dataset>\n", included);

  problems = refused (db, text, CLW_IMPORT_ERROR_SCHEMA);
  has_problem (problems, line, "include", "This element is not expected");
  assert_secret_absent (db, problems, "INCLUDED-BOARD");
}
END_TEST

START_TEST (test_schema_location_ignored)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *xsd_path = clw_test_path ("anything-goes.xsd");
  g_autofree char *xsd_uri = g_filename_to_uri (xsd_path, NULL, NULL);
  g_autofree char *root = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GBytes) good_bytes = NULL;
  Doc *doc;
  guint line;
  ClwImportCounts counts;

  /* A schema a document names is never read: a named pipe that would
   * block whoever opened it stands in for it. */
  ck_assert_int_eq (mkfifo (xsd_path, 0600), 0);
  root = g_strdup_printf ("<dataset xmlns=\"" NS "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                          "xsi:schemaLocation=\"" NS " %s\" format-version=\"1\" scope=\"all\">\n", xsd_uri);

  /* Valid by our schema: imported, whatever it names. */
  doc = doc_new_with_root (root);
  add_practice (doc, fixture->cluster_id, "W11700", NULL);
  good = doc_finish (doc);
  good_bytes = bytes_of (good);
  counts = import_ok (db, good_bytes);
  ck_assert_uint_eq (counts.inserted, 1);

  /* Not valid by ours, whatever the named schema would allow. */
  doc = doc_new_with_root (root);
  line = add_practice (doc, fixture->cluster_id, "W11701", "colour=\"red\"");
  bad = doc_finish (doc);
  problems = refused (db, bad, CLW_IMPORT_ERROR_SCHEMA);
  has_problem (problems, line, "practice", "'colour'");
}
END_TEST

/* The reference data ------------------------------------------------------------------ */

START_TEST (test_reference_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autofree char *path = clw_test_source_path ("../data/reference/wales.xml");
  g_autoptr(GBytes) bytes = clw_test_read_file (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_xml_problem_free);
  g_autoptr(xmlDoc) doc = NULL;
  static const struct { const char *code; int clusters; } boards[] = {
    { "7A1", 14 }, /* Betsi Cadwaladr */
    { "7A2", 7 },  /* Hywel Dda */
    { "7A3", 8 },  /* Swansea Bay */
    { "7A4", 9 },  /* Cardiff and Vale */
    { "7A5", 8 },  /* Cwm Taf Morgannwg */
    { "7A6", 11 }, /* Aneurin Bevan */
    { "7A7", 3 },  /* Powys Teaching */
  };
  static const char *cycles[] = { "2021-22", "2022-23", "2023-24", "2024-25", "2025-26", "2026-27" };

  /* The file follows the schema, read the way every import reads. */
  doc = clw_xml_parse_untrusted (bytes, path, problems, &error);
  ck_assert_no_error (error);
  clw_xml_validate (doc, CLW_DATASET_SCHEMA_RESOURCE, path, problems, &error);
  ck_assert_no_error (error);

  ck_assert_int_eq (clw_test_count_rows (db, "health_board"), 7);
  for (guint i = 0; i < G_N_ELEMENTS (boards); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cluster k JOIN health_board b "
                                              "ON b.id = k.health_board_id WHERE b.code = '%s'", boards[i].code);
      ck_assert_int_eq (clw_test_query_int (db, sql), boards[i].clusters);
    }
  ck_assert_int_eq (clw_test_count_rows (db, "cluster"), 60);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM cluster WHERE pcpg_id IS NULL"), 0);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM cluster k JOIN pcpg p ON p.id = k.pcpg_id "
                                            "WHERE p.health_board_id != k.health_board_id"), 0);

  /* One GP Collaborative per cluster (and one of each other profession). */
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM cluster k WHERE (SELECT count(*) "
                                            "FROM collaborative c WHERE c.cluster_id = k.id "
                                            "AND c.profession = 'gp') != 1"), 0);
  ck_assert_int_eq (clw_test_count_rows (db, "collaborative"), 60 * 7);

  /* The Bridgend clusters came to Cwm Taf Morgannwg on 1 April 2019. */
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM cluster k JOIN pcpg p ON p.id = k.pcpg_id "
                                            "WHERE p.name LIKE 'Bridgend%' AND k.valid_from = '2019-04-01'"), 3);

  /* The QAIF years, 1 October to 30 September, with the three indicators. */
  ck_assert_int_eq (clw_test_count_rows (db, "cycle"), G_N_ELEMENTS (cycles));
  for (guint i = 0; i < G_N_ELEMENTS (cycles); i++)
    {
      int year = 2021 + (int) i;
      g_autofree char *starts = g_strdup_printf ("SELECT starts_on || ' ' || ends_on || ' ' || pence_per_point "
                                                 "FROM cycle WHERE code = '%s'", cycles[i]);
      g_autofree char *expected = g_strdup_printf ("%d-10-01 %d-09-30 17900", year, year + 1);
      g_autofree char *found = clw_test_query_string (db, starts);
      g_autofree char *points = g_strdup_printf ("SELECT group_concat(code || '=' || points || '/' || rule, ' ') "
                                                 "FROM (SELECT i.* FROM indicator i JOIN cycle c ON c.id = i.cycle_id "
                                                 "WHERE c.code = '%s' ORDER BY i.position)", cycles[i]);
      g_autofree char *indicators = clw_test_query_string (db, points);
      g_autofree char *threshold_sql = g_strdup_printf ("SELECT threshold FROM indicator i JOIN cycle c "
                                                        "ON c.id = i.cycle_id WHERE c.code = '%s' "
                                                        "AND i.code = 'CND014W'", cycles[i]);
      g_autofree char *cgsat_sql = g_strdup_printf ("SELECT mode FROM evidence_requirement r JOIN cycle c "
                                                    "ON c.id = r.cycle_id WHERE c.code = '%s' "
                                                    "AND r.kind = 'cgsat'", cycles[i]);
      g_autofree char *ig_sql = g_strdup_printf ("SELECT due_on FROM evidence_requirement r JOIN cycle c "
                                                 "ON c.id = r.cycle_id WHERE c.code = '%s' "
                                                 "AND r.kind = 'ig-toolkit'", cycles[i]);
      g_autofree char *cgsat = clw_test_query_string (db, cgsat_sql);
      g_autofree char *ig = clw_test_query_string (db, ig_sql);
      g_autofree char *ig_expected = year >= 2023 ? g_strdup_printf ("%d-03-31", year + 1)
                                                  : g_strdup_printf ("%d-09-30", year + 1);

      ck_assert_str_eq (found, expected);
      ck_assert_str_eq (indicators, "CND014W=40/attendance CND015W=40/imtp-contribution "
                                    "CND016W=20/cluster-outcomes");
      ck_assert_int_eq (clw_test_query_int (db, threshold_sql), 4);
      /* From 2023 CGSAT is a declaration and the IG toolkit is due by 31 March. */
      ck_assert_str_eq (cgsat, year >= 2023 ? "declaration" : "upload");
      ck_assert_str_eq (ig, ig_expected);
    }

  /* Loading it again changes nothing. */
  {
    g_autoptr(ClwTestSnapshot) snapshot = clw_test_snapshot_take (db);

    clw_dataset_load_reference (db, &error);
    ck_assert_no_error (error);
    ck_assert_unchanged (db, snapshot);
  }
}
END_TEST

/* The example of docs/dataset-format.md ----------------------------------------------- */

START_TEST (test_documented_example)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *doc_path = clw_test_source_path ("../docs/dataset-format.md");
  g_autofree char *example_path = clw_test_source_path ("data/example-dataset.xml");
  g_autofree char *markdown = NULL;
  g_autofree char *example = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_xml_problem_free);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) elements = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  const char *marker = "<!-- example: tests/data/example-dataset.xml -->\n```xml\n";
  const char *start;
  const char *end;
  guint n_types;
  const GType *types = clw_record_types_in_order (&n_types);
  ClwImportCounts counts;

  g_file_get_contents (doc_path, &markdown, NULL, &error);
  ck_assert_no_error (error);
  g_file_get_contents (example_path, &example, NULL, &error);
  ck_assert_no_error (error);

  /* The document shows the file, all of it. */
  start = strstr (markdown, marker);
  ck_assert_msg (start != NULL, "docs/dataset-format.md has no example block");
  start += strlen (marker);
  end = strstr (start, "```\n");
  ck_assert_ptr_nonnull (end);
  quoted = g_strndup (start, end - start);
  ck_assert_str_eq (quoted, example);
  ck_assert_msg (strstr (end + 1, marker) == NULL, "two example blocks");

  /* It follows the schema... */
  bytes = clw_test_read_file (example_path);
  doc = clw_xml_parse_untrusted (bytes, example_path, problems, &error);
  ck_assert_no_error (error);
  clw_xml_validate (doc, CLW_DATASET_SCHEMA_RESOURCE, example_path, problems, &error);
  ck_assert_no_error (error);

  /* ... has a row of every element ... */
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      g_hash_table_add (elements, (gpointer) node->name);
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *element = g_strdup (clw_record_type_get_table (types[i]));
      g_strdelimit (element, "_", '-');
      ck_assert_msg (g_hash_table_contains (elements, element), "the example has no <%s>", element);
    }

  /* ... and imports into a database with the reference data. */
  clw_dataset_import (db, example_path, 0, &counts, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (counts.inserted, 16);
  /* The rows copied from the reference data are copied exactly. */
  ck_assert_uint_eq (counts.updated, 0);
  ck_assert_uint_eq (counts.unchanged, 7);
}
END_TEST

/* For the meson test that runs xmllint on an export: write the round-trip
 * fixture's export to the file named after --write-export. */
static const char *export_path;

START_TEST (test_write_export)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);

  clw_test_fill_every_table (db);
  clw_dataset_export (db, CLW_SCOPE_ALL, NULL, export_path, &error);
  ck_assert_no_error (error);
}
END_TEST

static int
write_export (const char *path)
{
  Suite *s = suite_create ("write-export");
  TCase *tc = tcase_create ("write-export");
  SRunner *runner;
  int failed;

  export_path = path;
  tcase_add_test (tc, test_write_export);
  suite_add_tcase (s, tc);
  runner = srunner_create (s);
  srunner_set_fork_status (runner, CK_NOFORK);
  srunner_run_all (runner, CK_SILENT);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}

static Suite *
dataset_suite (void)
{
  Suite *s = suite_create ("dataset");
  TCase *tc;

  tc = tcase_create ("round-trip");
  tcase_add_test (tc, test_round_trip);
  tcase_add_test (tc, test_fixture_covers_every_column);
  tcase_add_test (tc, test_export_order_is_stable);
  tcase_add_test (tc, test_import_without_metadata);
  tcase_add_test (tc, test_scopes);
  suite_add_tcase (s, tc);

  tc = tcase_create ("all-or-nothing");
  tcase_add_test (tc, test_not_well_formed);
  tcase_add_test (tc, test_wrong_root);
  tcase_add_test (tc, test_schema_problems);
  tcase_add_test (tc, test_several_problems_all_reported);
  tcase_add_test (tc, test_duplicate_ids);
  tcase_add_test (tc, test_missing_reference);
  tcase_add_test (tc, test_rule_after_fifty_good_rows);
  tcase_add_test (tc, test_bulk_import_audit);
  suite_add_tcase (s, tc);

  tc = tcase_create ("hostile");
  /* A hang guard for the named pipes and the bomb, not a measure of speed. */
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_external_entity);
  tcase_add_test (tc, test_external_dtd);
  tcase_add_test (tc, test_entity_expansion_bomb);
  tcase_add_test (tc, test_gzip_refused);
  tcase_add_test (tc, test_big_file);
  tcase_add_test (tc, test_xinclude_not_processed);
  tcase_add_test (tc, test_schema_location_ignored);
  suite_add_tcase (s, tc);

  tc = tcase_create ("reference");
  tcase_add_test (tc, test_reference_data);
  tcase_add_test (tc, test_documented_example);
  suite_add_tcase (s, tc);

  return s;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--write-export"))
    return write_export (argv[2]);

  return clw_test_run (dataset_suite (), argc, argv);
}
