/* test-practice-import.c: practice lists from CSV, every edge case with its message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clw-database-private.h"
#include "clw-test-util.h"

#define BOM "\xEF\xBB\xBF"

/* Everything about the practices and the audit log, to show that a refused
 * import changed nothing. */
static char *
fingerprint (ClwDatabase *db)
{
  g_autofree char *rows = clw_test_query_string (db,
    "SELECT group_concat(r, '|') FROM (SELECT id || code || name || cluster_id || partners || "
    "list_size || sustainability_issues || branch_surgeries || updated_at AS r FROM practice ORDER BY id)");
  gint64 audit = clw_test_query_int (db, "SELECT count(*) FROM audit_log");

  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, rows != NULL ? rows : "", audit);
}

static ClwPracticeImport *
preview_text (ClwDatabase  *db,
              const char   *text,
              GError      **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return clw_practice_import_preview_bytes (db, bytes, "list.csv", error);
}

static ClwPracticeImportRow *
row_at (ClwPracticeImport *import,
        guint              index)
{
  GListModel *rows = clw_practice_import_get_rows (import);

  ck_assert_uint_lt (index, g_list_model_get_n_items (rows));
  return g_list_model_get_item (rows, index);
}

static void
insert_practice (ClwDatabase *db,
                 const char  *code,
                 const char  *name,
                 const char  *cluster_code,
                 int          partners,
                 int          list_size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM cluster WHERE code = '%s'", cluster_code);
  g_autofree char *cluster_id = clw_test_query_string (db, sql);
  g_autoptr(ClwPractice) practice = clw_practice_new ();

  ck_assert_ptr_nonnull (cluster_id);
  g_object_set (practice, "code", code, "name", name, "cluster-id", cluster_id,
                "partners", partners, "list-size", list_size, NULL);
  clw_record_insert (CLW_RECORD (practice), db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
}

/* Preview @text, expect one rejected row at @row with a reason containing @needle,
 * and show that apply changes nothing. */
static void
expect_rejected (const char *text,
                 guint       row,
                 const char *needle)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GListModel *rows;
  gboolean found = FALSE;

  insert_practice (db, "W00001", "Existing Surgery", "AB01", 2, 5000);
  before = fingerprint (db);

  import = preview_text (db, text, &error);
  ck_assert_no_error (error);
  ck_assert_uint_ge (clw_practice_import_count (import, CLW_IMPORT_ACTION_REJECTED), 1);
  ck_assert (!clw_practice_import_can_apply (import));

  rows = clw_practice_import_get_rows (import);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ClwPracticeImportRow) r = g_list_model_get_item (rows, i);
      if (clw_practice_import_row_get_row (r) == row &&
          clw_practice_import_row_get_action (r) == CLW_IMPORT_ACTION_REJECTED)
        {
          ck_assert_msg (strstr (clw_practice_import_row_get_summary (r), needle) != NULL,
                         "row %u: “%s” does not say “%s”", row,
                         clw_practice_import_row_get_summary (r), needle);
          found = TRUE;
        }
    }
  ck_assert_msg (found, "row %u is not rejected", row);

  ck_assert (!clw_practice_import_apply (import, db, &error));
  ck_assert (g_error_matches (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_RULE));
  ck_assert_msg (strstr (error->message, "nothing was changed") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "rejected (") != NULL, "%s", error->message);

  after = fingerprint (db);
  ck_assert_str_eq (before, after);
}

/* Preview @text and expect the whole file refused with @code and a message
 * containing each of the needles. */
static void
expect_refused (const char *text,
                gsize       length,
                int         code,
                const char *needle1,
                const char *needle2)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, length == (gsize) -1 ? strlen (text) : length);
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autofree char *before = fingerprint (db);
  g_autofree char *after = NULL;

  import = clw_practice_import_preview_bytes (db, bytes, "list.csv", &error);
  ck_assert_ptr_null (import);
  ck_assert_msg (g_error_matches (error, CLW_IMPORT_ERROR, code),
                 "expected code %d, got %s", code, error ? error->message : "no error");
  ck_assert_msg (strstr (error->message, needle1) != NULL, "“%s” does not say “%s”", error->message, needle1);
  if (needle2 != NULL)
    ck_assert_msg (strstr (error->message, needle2) != NULL, "“%s” does not say “%s”", error->message, needle2);

  after = fingerprint (db);
  ck_assert_str_eq (before, after);
}

/* Parsing --------------------------------------------------------------------------- */

START_TEST (test_csv_rfc4180)
{
  const char text[] = BOM "a,b,c\r\n"
                      "\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
                      ",,\r\n"
                      "last,\"\",end";
  g_autoptr(GBytes) bytes = g_bytes_new (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = clw_csv_parse (bytes, "t.csv", &error);
  ClwCsvRecord *r;

  ck_assert_no_error (error);
  ck_assert_uint_eq (records->len, 4);

  r = g_ptr_array_index (records, 0);
  ck_assert_uint_eq (r->n_fields, 3);
  ck_assert_str_eq (r->fields[0], "a");   /* the BOM is gone */

  r = g_ptr_array_index (records, 1);
  ck_assert_uint_eq (r->row, 2);
  ck_assert_uint_eq (r->line, 2);
  ck_assert_str_eq (r->fields[0], "x, y");
  ck_assert_str_eq (r->fields[1], "say \"hi\"");
  ck_assert_str_eq (r->fields[2], "two\nlines");

  r = g_ptr_array_index (records, 2);
  ck_assert_uint_eq (r->row, 3);
  ck_assert_uint_eq (r->line, 4);   /* the embedded line break took a line */
  ck_assert (clw_csv_record_is_blank (r));

  r = g_ptr_array_index (records, 3);
  ck_assert_uint_eq (r->n_fields, 3);
  ck_assert_str_eq (r->fields[1], "");
  ck_assert_str_eq (r->fields[2], "end");
}
END_TEST

START_TEST (test_csv_line_endings)
{
  const char *texts[] = { "a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,b\rc,d\r", "a,b\nc,d" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (texts[i], strlen (texts[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = clw_csv_parse (bytes, "t.csv", &error);
      ClwCsvRecord *r;

      ck_assert_no_error (error);
      ck_assert_uint_eq (records->len, 2);
      r = g_ptr_array_index (records, 1);
      ck_assert_uint_eq (r->line, 2);
      ck_assert_str_eq (r->fields[0], "c");
      ck_assert_str_eq (r->fields[1], "d");
    }
}
END_TEST

START_TEST (test_csv_bad_quoting)
{
  expect_refused ("Code,Name,Cluster\nW00002,\"Unclosed,AB01\nW00003,x,AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_MALFORMED, "row 2 (line 2), column 2", "never closed");
  expect_refused ("Code,Name,Cluster\nW00002,Half\"quoted,AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_MALFORMED, "row 2 (line 2), column 2", "does not start with one");
  expect_refused ("Code,Name,Cluster\nW00002,\"Closed\"early,AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_MALFORMED, "row 2 (line 2), column 2", "“e” follows it");
  expect_refused ("Code,Name,Cluster\nW00002, \"Space before\",AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_MALFORMED, "column 2", "no space before the opening quote");
  /* The row counts records, the line counts lines: a cell with a line
   * break above the problem makes them differ. */
  expect_refused ("Code,Name,Cluster\nW00002,\"Two\nlines\",AB01\nW00003,Bad\"quote,AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_MALFORMED, "row 3 (line 4)", NULL);
}
END_TEST

START_TEST (test_csv_wrong_encoding)
{
  /* Windows-1252, as Excel writes plain "CSV (Comma delimited)". */
  expect_refused ("Code,Name,Cluster\nW00002,Meddygfa\x92r Bont,AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_ENCODING, "row 2 (line 2), column 2", "CSV UTF-8");
  expect_refused ("Code,Name,Cluster\nW00002,Meddygfa\x92r Bont,AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_ENCODING, "Meddygfa’r Bont", "Windows-1252");
  /* UTF-16 with its byte order mark. */
  expect_refused ("\xFF\xFE" "C\0o\0d\0e\0", 10, CLW_IMPORT_ERROR_ENCODING, "UTF-16", "CSV UTF-8");
  /* UTF-16 without one: NUL bytes. */
  expect_refused ("C\0o\0d\0e\0\n\0", 10, CLW_IMPORT_ERROR_ENCODING, "NUL", "CSV UTF-8");
  /* A workbook renamed .csv. */
  expect_refused ("PK\003\004\024\0\006\0", 8, CLW_IMPORT_ERROR_ENCODING, "workbook", "CSV UTF-8");
}
END_TEST

/* Headers ---------------------------------------------------------------------------- */

START_TEST (test_headers_matched_loosely)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autoptr(ClwPracticeImportRow) row = NULL;

  import = preview_text (db,
                         "Practice Code,practice_name,Cluster name,No. of partners,Registered patients,"
                         "Sustainability issues (Y/N),Branch surgeries,Notes\n"
                         "W00002,Meddygfa’r Bont,Blaenau Gwent East,3,\"8,400\",Y,1,anything\n",
                         &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_practice_import_get_column (import, CLW_PRACTICE_FIELD_CODE), "Practice Code");
  ck_assert_str_eq (clw_practice_import_get_column (import, CLW_PRACTICE_FIELD_NAME), "practice_name");
  ck_assert_str_eq (clw_practice_import_get_column (import, CLW_PRACTICE_FIELD_CLUSTER), "Cluster name");
  ck_assert_str_eq (clw_practice_import_get_column (import, CLW_PRACTICE_FIELD_PARTNERS), "No. of partners");
  ck_assert_str_eq (clw_practice_import_get_column (import, CLW_PRACTICE_FIELD_LIST_SIZE), "Registered patients");
  ck_assert_str_eq (clw_practice_import_get_column (import, CLW_PRACTICE_FIELD_SUSTAINABILITY),
                    "Sustainability issues (Y/N)");
  ck_assert_str_eq (clw_practice_import_get_column (import, CLW_PRACTICE_FIELD_BRANCH_SURGERIES),
                    "Branch surgeries");
  ck_assert_str_eq (clw_practice_import_get_ignored_columns (import)[0], "Notes");

  row = row_at (import, 0);
  ck_assert_int_eq (clw_practice_import_row_get_action (row), CLW_IMPORT_ACTION_ADD);
  ck_assert_str_eq (clw_practice_import_row_get_cluster_label (row), "AB01 Blaenau Gwent East");
}
END_TEST

START_TEST (test_headers_other_spellings)
{
  const char *headers[] = {
    "CODE,NAME,CLUSTER,PARTNERS,LIST SIZE,SUSTAINABILITY",
    "gp_practice_code,Surgery name,Cluster code,Number of partners,list-size,sustainability_issues",
    "Côd practis,Enw'r practis,Clwstwr,Nifer y partneriaid,Maint y rhestr,Problemau cynaliadwyedd",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(ClwDatabase) db = clw_test_new_database ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("%s\nW00002,Meddygfa,AB01,2,4000,no\n", headers[i]);
      g_autoptr(ClwPracticeImport) import = preview_text (db, text, &error);

      ck_assert_msg (error == NULL, "%s: %s", headers[i], error ? error->message : "");
      for (guint f = 0; f < CLW_PRACTICE_FIELD_BRANCH_SURGERIES; f++)
        ck_assert_msg (clw_practice_import_get_column (import, f) != NULL, "%s: no field %u", headers[i], f);
      ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_ADD), 1);
    }
}
END_TEST

START_TEST (test_title_rows_above_header)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autoptr(ClwPracticeImportRow) row = NULL;

  import = preview_text (db,
                         "Aneurin Bevan practice list,,\n"
                         ",,\n"
                         "Code,Name,Cluster\n"
                         "W00002,Meddygfa,AB01\n"
                         ",,\n"
                         "W00003,Surgery,AB02\n", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (clw_practice_import_get_header_row (import), 3);
  ck_assert_uint_eq (g_list_model_get_n_items (clw_practice_import_get_rows (import)), 2);
  row = row_at (import, 1);
  /* Rows are the spreadsheet's: the blank row 5 still counts. */
  ck_assert_uint_eq (clw_practice_import_row_get_row (row), 6);
}
END_TEST

START_TEST (test_missing_required_column)
{
  expect_refused ("Code,Name,Partners\nW00002,Meddygfa,3\n", (gsize) -1,
                  CLW_IMPORT_ERROR_SCHEMA, "no column for the cluster", "“Code”, “Name”, “Partners”");
  expect_refused ("Cluster,Name\nAB01,Meddygfa\n", (gsize) -1,
                  CLW_IMPORT_ERROR_SCHEMA, "no column for the practice code", "row 1");
  expect_refused ("Code,Cluster\nW00002,AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_SCHEMA, "no column for the name", NULL);
  expect_refused ("Code;Name;Cluster\nW00002;Meddygfa;AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_SCHEMA, "semicolons", "Comma delimited");
  expect_refused ("Code,Name,Practice name,Cluster\nW00002,a,b,AB01\n", (gsize) -1,
                  CLW_IMPORT_ERROR_SCHEMA, "columns 2 (“Name”) and 3 (“Practice name”)", "Delete or rename");
}
END_TEST

START_TEST (test_empty_files)
{
  expect_refused ("", 0, CLW_IMPORT_ERROR_SCHEMA, "is empty", NULL);
  expect_refused (BOM "\r\n,,\r\n", (gsize) -1, CLW_IMPORT_ERROR_SCHEMA, "is empty", NULL);
  expect_refused ("Code,Name,Cluster\r\n,,\r\n", (gsize) -1, CLW_IMPORT_ERROR_SCHEMA, "no practices", NULL);
}
END_TEST

START_TEST (test_size_cap)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("big.csv");
  g_autoptr(GString) text = g_string_new ("Code,Name,Cluster\n");
  g_autoptr(ClwPracticeImport) import = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "W%05u,Practice %u,AB01\n", i + 2, i);
  g_file_set_contents (path, text->str, text->len, &error);
  ck_assert_no_error (error);

  import = clw_practice_import_preview (db, path, 1024, &error);
  ck_assert_ptr_null (import);
  ck_assert (g_error_matches (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE));
  ck_assert_msg (strstr (error->message, "limit") != NULL, "%s", error->message);
  g_clear_error (&error);

  import = clw_practice_import_preview (db, path, 0, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_ADD), 200);
}
END_TEST

/* Rows --------------------------------------------------------------------------------- */

START_TEST (test_row_duplicate_code)
{
  expect_rejected ("Code,Name,Cluster\nW00002,One,AB01\nW00003,Two,AB01\nw00002,Again,AB01\n",
                   2, "The code W00002 is also in row 4");
  expect_rejected ("Code,Name,Cluster\nW00002,One,AB01\nW00003,Two,AB01\nw00002,Again,AB01\n",
                   4, "The code W00002 is also in row 2");
}
END_TEST

START_TEST (test_row_unknown_cluster)
{
  expect_rejected ("Code,Name,Cluster\nW00002,One,Atlantis\n", 2, "No cluster has the code or name “Atlantis”");
  expect_rejected ("Code,Name,Cluster\nW00002,One,\n", 2, "The cluster is empty");
  expect_rejected ("Code,Name,Cluster code,Cluster name\nW00002,One,AB01,Blaenau Gwent West\n", 2,
                   "name different clusters (AB01 Blaenau Gwent East and AB02 Blaenau Gwent West)");
}
END_TEST

START_TEST (test_row_bad_numbers)
{
  expect_rejected ("Code,Name,Cluster,Partners\nW00002,One,AB01,two\n", 2,
                   "The number of partners must be a whole number from 0 to 1000, not “two”");
  expect_rejected ("Code,Name,Cluster,List size\nW00002,One,AB01,-5\n", 2,
                   "registered list size must be a whole number from 0 to 1000000, not “-5”");
  expect_rejected ("Code,Name,Cluster,List size\nW00002,One,AB01,8400.5\n", 2, "not “8400.5”");
  expect_rejected ("Code,Name,Cluster,List size\nW00002,One,AB01,\"84,00\"\n", 2, "not “84,00”");
  expect_rejected ("Code,Name,Cluster,List size\nW00002,One,AB01,2000000\n", 2, "not “2000000”");
  expect_rejected ("Code,Name,Cluster,Sustainability issues (Y/N)\nW00002,One,AB01,maybe\n", 2,
                   "Sustainability issues must be yes or no");
}
END_TEST

START_TEST (test_row_bad_code_and_name)
{
  expect_rejected ("Code,Name,Cluster\nW1234,One,AB01\n", 2, "“W1234” is not a capital letter and five digits");
  expect_rejected ("Code,Name,Cluster\n,One,AB01\n", 2, "The practice code is empty");
  expect_rejected ("Code,Name,Cluster\nW00002,,AB01\n", 2, "The name is empty");
  expect_rejected ("Code,Name,Cluster\nW00002,Smith, Jones and Partners,AB01\n", 2,
                   "The row has 4 cells but the header has 3 columns");
}
END_TEST

START_TEST (test_row_reasons_all_listed)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autoptr(ClwPracticeImportRow) row = NULL;
  const char * const *reasons;

  import = preview_text (db, "Code,Name,Cluster,Partners,List size\nX1,,Nowhere,a,b\n", &error);
  ck_assert_no_error (error);
  row = row_at (import, 0);
  reasons = clw_practice_import_row_get_reasons (row);
  ck_assert_uint_eq (g_strv_length ((GStrv) reasons), 5);
}
END_TEST

START_TEST (test_closed_cluster)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autoptr(ClwPracticeImportRow) row = NULL;
  g_autofree char *id = clw_test_query_string (db, "SELECT id FROM cluster WHERE code = 'AB02'");
  g_autoptr(ClwRecord) cluster = clw_record_load (db, CLW_TYPE_CLUSTER, id, &error);

  ck_assert_no_error (error);
  g_object_set (cluster, "valid-to", "2015-03-31", NULL);
  clw_record_update (cluster, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  import = preview_text (db, "Code,Name,Cluster\nW00002,One,AB02\n", &error);
  ck_assert_no_error (error);
  row = row_at (import, 0);
  ck_assert_int_eq (clw_practice_import_row_get_action (row), CLW_IMPORT_ACTION_REJECTED);
  ck_assert_msg (strstr (clw_practice_import_row_get_summary (row), "closed on") != NULL, "%s",
                 clw_practice_import_row_get_summary (row));
}
END_TEST

/* Applying --------------------------------------------------------------------------- */

START_TEST (test_preview_and_apply)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autoptr(ClwPracticeImportRow) changed = NULL;
  g_autoptr(ClwPracticeImportRow) added = NULL;
  g_autoptr(ClwPracticeImportRow) same = NULL;
  const ClwPracticeImportChange *change;
  g_autofree char *untouched_before = NULL;
  g_autofree char *untouched_after = NULL;

  insert_practice (db, "W00001", "Old Name Surgery", "AB01", 2, 5000);
  insert_practice (db, "W00009", "Same Surgery", "AB02", 4, 7000);
  insert_practice (db, "W00050", "Not In The File", "AB03", 6, 9000);
  untouched_before = clw_test_query_string (db, "SELECT updated_at || name FROM practice WHERE code = 'W00050'");

  import = preview_text (db,
                         "Code,Name,Cluster,Partners,List size,Sustainability\r\n"
                         "W00001,New Name Surgery,AB02,2,\"5,250\",yes\r\n"
                         "W00002,\"Meddygfa'r Bont, Tredegar\",Blaenau Gwent East cluster,1,3100,Y\r\n"
                         "W00009,Same Surgery,ab02,4,7000,\r\n", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_ADD), 1);
  ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_CHANGE), 1);
  ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_UNCHANGED), 1);
  ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_REJECTED), 0);
  ck_assert (clw_practice_import_can_apply (import));

  changed = row_at (import, 0);
  ck_assert_int_eq (clw_practice_import_row_get_action (changed), CLW_IMPORT_ACTION_CHANGE);
  ck_assert_uint_eq (clw_practice_import_row_get_n_changes (changed), 4);
  change = clw_practice_import_row_get_change (changed, 0);
  ck_assert_str_eq (change->field, "name");
  ck_assert_str_eq (change->old_value, "Old Name Surgery");
  ck_assert_str_eq (change->new_value, "New Name Surgery");
  change = clw_practice_import_row_get_change (changed, 1);
  ck_assert_str_eq (change->field, "cluster-id");
  ck_assert_str_eq (change->old_value, "AB01 Blaenau Gwent East");
  ck_assert_str_eq (change->new_value, "AB02 Blaenau Gwent West");
  change = clw_practice_import_row_get_change (changed, 2);
  ck_assert_str_eq (change->field, "list-size");
  ck_assert_str_eq (change->new_value, "5250");
  change = clw_practice_import_row_get_change (changed, 3);
  ck_assert_str_eq (change->field, "sustainability-issues");
  ck_assert_str_eq (change->old_value, "no");
  ck_assert_str_eq (change->new_value, "yes");
  ck_assert_ptr_nonnull (strstr (clw_practice_import_row_get_summary (changed), "registered list size: 5000 → 5250"));

  added = row_at (import, 1);
  ck_assert_int_eq (clw_practice_import_row_get_action (added), CLW_IMPORT_ACTION_ADD);
  ck_assert_str_eq (clw_practice_import_row_get_name (added), "Meddygfa'r Bont, Tredegar");
  ck_assert_ptr_null (clw_practice_import_row_get_practice_id (added));

  same = row_at (import, 2);
  ck_assert_int_eq (clw_practice_import_row_get_action (same), CLW_IMPORT_ACTION_UNCHANGED);

  /* Nothing is written by the preview. */
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM practice WHERE code = 'W00002'"), 0);

  clw_practice_import_apply (import, db, &error);
  ck_assert_no_error (error);

  ck_assert_int_eq (clw_test_query_int (db, "SELECT list_size FROM practice WHERE code = 'W00001'"), 5250);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT sustainability_issues FROM practice WHERE code = 'W00001'"), 1);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT partners FROM practice WHERE code = 'W00002'"), 1);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT list_size FROM practice WHERE code = 'W00002'"), 3100);
  {
    g_autofree char *cluster = clw_test_query_string (db,
      "SELECT c.code FROM practice p JOIN cluster c ON c.id = p.cluster_id WHERE p.code = 'W00001'");
    ck_assert_str_eq (cluster, "AB02");
  }

  /* Practices not in the file are left alone. */
  untouched_after = clw_test_query_string (db, "SELECT updated_at || name FROM practice WHERE code = 'W00050'");
  ck_assert_str_eq (untouched_before, untouched_after);

  /* One change in the audit log: undo takes all of it back. */
  ck_assert (clw_database_can_undo (db));
  ck_assert_ptr_nonnull (strstr (clw_database_get_undo_label (db), "list.csv"));
  clw_database_undo (db, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM practice WHERE code = 'W00002'"), 0);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT list_size FROM practice WHERE code = 'W00001'"), 5000);

  /* An import is applied once. */
  ck_assert (!clw_practice_import_apply (import, db, &error));
  ck_assert_msg (strstr (error->message, "imported already") != NULL, "%s", error->message);
}
END_TEST

START_TEST (test_empty_optional_cells_keep_values)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;

  insert_practice (db, "W00001", "Surgery", "AB01", 3, 6000);
  import = preview_text (db, "Code,Name,Cluster,Partners,List size\nW00001,Surgery,AB01,,\n", &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_UNCHANGED), 1);
  ck_assert (!clw_practice_import_can_apply (import));
}
END_TEST

START_TEST (test_apply_refused_when_changed_since_preview)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  insert_practice (db, "W00001", "Surgery", "AB01", 3, 6000);
  import = preview_text (db,
                         "Code,Name,Cluster,List size\n"
                         "W00001,Surgery,AB01,6100\n"
                         "W00002,Another,AB01,4000\n"
                         "W00003,Third,AB01,4000\n", &error);
  ck_assert_no_error (error);
  ck_assert (clw_practice_import_can_apply (import));

  /* Someone adds W00003 between the preview and apply: the first two rows
   * would be written before the third fails, and must be taken back. */
  insert_practice (db, "W00003", "Added meanwhile", "AB02", 1, 100);
  before = fingerprint (db);

  ck_assert (!clw_practice_import_apply (import, db, &error));
  ck_assert_msg (strstr (error->message, "W00003 (row 4) has changed") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "nothing was changed") != NULL, "%s", error->message);

  after = fingerprint (db);
  ck_assert_str_eq (before, after);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT list_size FROM practice WHERE code = 'W00001'"), 6000);
}
END_TEST

START_TEST (test_apply_refused_on_another_database)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwDatabase) other = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPracticeImport) import = preview_text (db, "Code,Name,Cluster\nW00002,One,AB01\n", &error);

  ck_assert_no_error (error);
  ck_assert (!clw_practice_import_apply (import, other, &error));
  ck_assert_msg (strstr (error->message, "another database") != NULL, "%s", error->message);
  ck_assert_int_eq (clw_test_query_int (other, "SELECT count(*) FROM practice"), 0);
}
END_TEST

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClwPracticeImport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = clw_practice_import_preview_finish (result, &error);
  ck_assert_no_error (error);
}

START_TEST (test_preview_async)
{
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("async.csv");
  g_autoptr(ClwPracticeImport) import = NULL;
  const char *text = "Code,Name,Cluster\nW00002,One,AB01\nW00003,Two,Nowhere\n";

  g_file_set_contents (path, text, -1, &error);
  ck_assert_no_error (error);

  clw_practice_import_preview_async (clw_database_get_path (db), path, 0, NULL, preview_done_cb, &import);
  while (import == NULL)
    g_main_context_iteration (NULL, TRUE);

  ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_ADD), 1);
  ck_assert_uint_eq (clw_practice_import_count (import, CLW_IMPORT_ACTION_REJECTED), 1);

  /* Applied on the main connection: refused because of the rejected row. */
  ck_assert (!clw_practice_import_apply (import, db, &error));
  ck_assert_msg (strstr (error->message, "row 3") != NULL, "%s", error->message);
}
END_TEST

static Suite *
practice_import_suite (void)
{
  Suite *s = suite_create ("practice-import");
  TCase *tc;

  tc = tcase_create ("csv");
  tcase_add_test (tc, test_csv_rfc4180);
  tcase_add_test (tc, test_csv_line_endings);
  tcase_add_test (tc, test_csv_bad_quoting);
  tcase_add_test (tc, test_csv_wrong_encoding);
  suite_add_tcase (s, tc);

  tc = tcase_create ("headers");
  tcase_add_test (tc, test_headers_matched_loosely);
  tcase_add_test (tc, test_headers_other_spellings);
  tcase_add_test (tc, test_title_rows_above_header);
  tcase_add_test (tc, test_missing_required_column);
  tcase_add_test (tc, test_empty_files);
  tcase_add_test (tc, test_size_cap);
  suite_add_tcase (s, tc);

  tc = tcase_create ("rows");
  tcase_add_test (tc, test_row_duplicate_code);
  tcase_add_test (tc, test_row_unknown_cluster);
  tcase_add_test (tc, test_row_bad_numbers);
  tcase_add_test (tc, test_row_bad_code_and_name);
  tcase_add_test (tc, test_row_reasons_all_listed);
  tcase_add_test (tc, test_closed_cluster);
  suite_add_tcase (s, tc);

  tc = tcase_create ("apply");
  tcase_add_test (tc, test_preview_and_apply);
  tcase_add_test (tc, test_empty_optional_cells_keep_values);
  tcase_add_test (tc, test_apply_refused_when_changed_since_preview);
  tcase_add_test (tc, test_apply_refused_on_another_database);
  tcase_add_test (tc, test_preview_async);
  suite_add_tcase (s, tc);

  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (practice_import_suite (), argc, argv);
}
