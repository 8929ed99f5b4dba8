/* test-meeting-pack.c: the meeting pack, read back with poppler's tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "clw-test-util.h"

#define LONG_NOTE_END "ZEBRAFINCH-END"

typedef struct
{
  ClwDatabase *db;
  char        *collaborative_id;
  char        *cluster_id;
  char        *small;        /* W90001, at risk */
  char        *large;        /* W90002 */
  char        *third;        /* W90003 */
  char        *meetings[3];  /* held */
  char        *meeting;      /* the meeting of the pack, planned */
} Fixture;

static Fixture fx;

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
action (guint       meeting,
        const char *description,
        const char *due_on,
        const char *status)
{
  g_free (make (CLW_TYPE_ACTION_ITEM, "meeting-id", fx.meetings[meeting], "description", description,
                "owner", "Dr Siân Llŷr", "due-on", due_on, "status", status, NULL));
}

static void
setup (void)
{
  const char *dates[] = { "2021-11-10T13:00", "2022-02-09T13:00", "2022-05-11T13:00" };
  g_autoptr(GString) long_note = g_string_new (NULL);

  fx.db = clw_test_new_database ();
  fx.cluster_id = clw_test_query_string (fx.db, "SELECT id FROM cluster WHERE code = 'AB01'");
  fx.collaborative_id = clw_test_query_string (fx.db, "SELECT id FROM collaborative WHERE profession = 'gp' "
                                                      "AND cluster_id = (SELECT id FROM cluster WHERE code = 'AB01')");

  fx.small = make (CLW_TYPE_PRACTICE, "cluster-id", fx.cluster_id, "code", "W90001",
                   "name", "Meddygfa Tŷ Ŵyn", "partners", "2", "list-size", "4350", NULL);
  fx.large = make (CLW_TYPE_PRACTICE, "cluster-id", fx.cluster_id, "code", "W90002",
                   "name", "Tredegar Health Centre", "partners", "6", "list-size", "11200", NULL);
  fx.third = make (CLW_TYPE_PRACTICE, "cluster-id", fx.cluster_id, "code", "W90003",
                   "name", "Ebbw Vale Surgery", "partners", "4", "list-size", "8000", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    fx.meetings[i] = make (CLW_TYPE_MEETING, "collaborative-id", fx.collaborative_id, "starts-at", dates[i],
                           "place", "Tredegar Health Centre", "status", "held", NULL);
  fx.meeting = make (CLW_TYPE_MEETING, "collaborative-id", fx.collaborative_id, "starts-at", "2022-06-15T13:00",
                     "place", "Canolfan Iechyd Glynebwy", "status", "planned", NULL);

  /* Three of three for two practices (on track with the planned meeting),
   * one of three for the small one (at risk). */
  for (guint i = 0; i < 3; i++)
    {
      attend (i, fx.large);
      attend (i, fx.third);
    }
  attend (0, fx.small);

  action (0, "Draft the cluster's response to the winter plan", "2022-03-01", "open");
  action (1, "Share the demand and capacity audit", "2022-07-01", "in-progress");
  action (1, "Book the room for the away day", "2022-04-01", "done");

  g_free (make (CLW_TYPE_AGENDA_ITEM, "meeting-id", fx.meeting, "section", "decision", "position", "1",
                "title", "Cluster spending plan 2022-23", "presenter", "Dr Siân Llŷr", NULL));
  while (long_note->len < 6000)
    g_string_append (long_note, "The health board asks every cluster to say how its funding supports the "
                                "priorities of the three-year plan, with the evidence for each. ");
  g_string_append (long_note, LONG_NOTE_END);
  g_free (make (CLW_TYPE_AGENDA_ITEM, "meeting-id", fx.meeting, "section", "information", "position", "1",
                "title", "Primary care measures: the latest figures", "presenter", "Primary Care Team",
                "notes", long_note->str, NULL));

  g_free (make (CLW_TYPE_BUDDY_ARRANGEMENT, "small-practice-id", fx.small, "buddy-practice-id", fx.large,
                "starts-on", "2022-07-01", "status", "requested", "requested-on", "2022-05-20", NULL));
}

static void
teardown (void)
{
  g_clear_object (&fx.db);
  g_clear_pointer (&fx.collaborative_id, g_free);
  g_clear_pointer (&fx.cluster_id, g_free);
  g_clear_pointer (&fx.small, g_free);
  g_clear_pointer (&fx.large, g_free);
  g_clear_pointer (&fx.third, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fx.meetings); i++)
    g_clear_pointer (&fx.meetings[i], g_free);
  g_clear_pointer (&fx.meeting, g_free);
}

/* Whether @needle is in @size bytes that may hold NUL bytes (a PDF). */
static gboolean
bytes_contain (const char *bytes,
               gsize       size,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (bytes[i] == needle[0] && memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Poppler's tools ------------------------------------------------------------------- */

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  ck_assert_msg (error == NULL, "cannot run %s: %s", argv[0], error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", n, "-l", n, pdf, "-", NULL };

  return run (argv);
}

static char *
write_pack (ClwMeetingPack **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeetingPack) pack = clw_meeting_pack_new (fx.db, fx.meeting, &error);
  char *path = clw_test_path ("pack.pdf");

  ck_assert_no_error (error);
  clw_meeting_pack_write_pdf (pack, path, &error);
  ck_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&pack);
  return path;
}

/* Tests ------------------------------------------------------------------------------ */

START_TEST (test_pack_pages_and_contents)
{
  g_autoptr(ClwMeetingPack) pack = NULL;
  g_autofree char *path = write_pack (&pack);
  ClwPrintDocument *doc = clw_meeting_pack_get_document (pack);
  guint n_pages = clw_print_document_get_n_pages (doc);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (info_argv);
  g_autofree char *pages_line = g_strdup_printf ("(?m)^Pages:\\s+%u$", n_pages);
  g_autofree char *contents = page_text (path, 2);
  const char *expected[] = { "Meeting pack", "Contents", "Agenda", "Action log", "Attendance this cycle",
                             "Decisions pending", "IMTP contributions", "Evidence still missing" };
  g_autofree char *file_name = clw_meeting_pack_dup_file_name (pack);
  GStatBuf st;

  ck_assert_str_eq (file_name, "AB01-2022-06-15-meeting-pack.pdf");
  /* The name a save dialog suggests before the pack is gathered is the same. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *before = clw_meeting_pack_dup_file_name_for (fx.db, fx.meeting, &error);

    ck_assert_no_error (error);
    ck_assert_str_eq (before, file_name);
  }
  ck_assert_msg (g_regex_match_simple ("(?m)^Page size:\\s+595.276 x 841.89 pts \\(A4\\)$", info, 0, 0), "%s", info);
  ck_assert_msg (g_regex_match_simple (pages_line, info, 0, 0), "%s", info);
  ck_assert_msg (g_regex_match_simple ("(?m)^Title:\\s+Meeting pack: Blaenau Gwent East GP Collaborative, "
                                      "15 Jun 2022$", info, 0, 0), "%s", info);
  ck_assert_uint_ge (n_pages, 8);

  /* Every section, in the NHS Wales order, each on the page the contents
   * gives for it. */
  ck_assert_uint_eq (clw_print_document_get_n_sections (doc), G_N_ELEMENTS (expected));
  ck_assert_ptr_nonnull (strstr (contents, "Contents"));
  for (guint s = 0; s < G_N_ELEMENTS (expected); s++)
    {
      guint page = clw_print_document_get_section_page (doc, s) + 1;
      g_autofree char *text = page_text (path, page);

      ck_assert_str_eq (clw_print_document_get_section_title (doc, s), expected[s]);
      ck_assert_msg (strstr (text, expected[s]) != NULL, "page %u does not show “%s”:\n%s", page, expected[s], text);
      if (s >= 2)
        {
          g_autofree char *pattern = g_strdup_printf ("(?m)^\\s*%s\\s+%u\\s*$", expected[s], page);
          ck_assert_msg (g_regex_match_simple (pattern, contents, 0, 0),
                         "the contents does not give page %u for “%s”:\n%s", page, expected[s], contents);
        }
    }

  /* The footer of every page: its section and its number. */
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = page_text (path, p);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p, n_pages);

      ck_assert_msg (strstr (text, number) != NULL, "page %u has no “%s”", p, number);
    }

  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
}
END_TEST

START_TEST (test_pack_bookmarks)
{
  g_autofree char *path = write_pack (NULL);
  const char *argv[] = { "pdfinfo", "-dests", path, NULL };
  g_autofree char *dests = run (argv);
  g_autofree char *bytes = NULL;
  gsize size;
  g_autoptr(GError) error = NULL;
  const char *titles[] = { "Contents", "Agenda", "Action log", "Attendance this cycle", "Decisions pending",
                           "IMTP contributions", "Evidence still missing" };

  for (guint s = 0; s < 8; s++)
    {
      g_autofree char *name = g_strdup_printf ("\"section-%u\"", s);
      ck_assert_msg (strstr (dests, name) != NULL, "no destination %s:\n%s", name, dests);
    }

  /* The outline: cairo writes it uncompressed, titles as PDF strings. */
  g_file_get_contents (path, &bytes, &size, &error);
  ck_assert_no_error (error);
  ck_assert (bytes_contain (bytes, size, "/Outlines"));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *title = g_strdup_printf ("/Title (%s)", titles[i]);
      ck_assert_msg (bytes_contain (bytes, size, title), "no bookmark %s", title);
    }
}
END_TEST

START_TEST (test_pack_content)
{
  g_autoptr(ClwMeetingPack) pack = NULL;
  g_autofree char *path = write_pack (&pack);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *raw_argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *text = run (argv);
  g_autofree char *raw = run (raw_argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) eve = clw_date_parse ("2022-06-14");
  g_autoptr(ClwQaifReport) report = clw_qaif_evaluate (fx.db, "2021-22", CLW_SCOPE_CLUSTER, fx.cluster_id, eve, &error);
  const char * const *at_risk = clw_meeting_pack_get_practices_at_risk (pack);
  ClwPracticeResult *small;
  const ClwIndicatorResult *ir;

  ck_assert_no_error (error);

  /* The agenda, in order, with its items. */
  {
    const char *order[] = { "1. Welcome and apologies", "2. Declarations of interest",
                            "3. Minutes of the last meeting", "4. Matters arising and the action log",
                            "5. Items for decision", "6. Items for information" };
    const char *from = text;

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        const char *at = strstr (from, order[i]);
        ck_assert_msg (at != NULL, "“%s” missing or out of order", order[i]);
        from = at;
      }
  }
  ck_assert_ptr_nonnull (strstr (text, "Cluster spending plan 2022-23"));
  ck_assert_ptr_nonnull (strstr (text, "The minutes of the meeting of 11 May 2022, for approval."));

  /* Text too long for a page wraps and goes on: nothing is cut off. */
  ck_assert_ptr_nonnull (strstr (raw, LONG_NOTE_END));

  /* The action log: the open ones, the overdue marked, the done left out. */
  ck_assert_ptr_nonnull (strstr (text, "Draft the cluster's response to the winter plan"));
  ck_assert_ptr_nonnull (strstr (text, "Share the demand and capacity audit"));
  ck_assert_ptr_null (strstr (text, "Book the room for the away day"));
  ck_assert_ptr_nonnull (strstr (raw, "Overdue"));
  ck_assert_ptr_nonnull (strstr (raw, "of which 1 is overdue"));

  /* Attendance: the engine's verdict, and the practice at risk named. */
  small = clw_qaif_report_lookup_practice (report, fx.small);
  ck_assert_ptr_nonnull (small);
  ir = clw_practice_result_find_indicator (small, "CND014W");
  ck_assert_ptr_nonnull (ir);
  ck_assert_int_eq (ir->verdict, CLW_VERDICT_AT_RISK);
  ck_assert_ptr_nonnull (at_risk);
  ck_assert_uint_eq (g_strv_length ((GStrv) at_risk), 1);
  ck_assert_str_eq (at_risk[0], "W90001 Meddygfa Tŷ Ŵyn");
  ck_assert_ptr_nonnull (strstr (raw, "W90001 Meddygfa Tŷ Ŵyn (At risk)"));
  ck_assert_ptr_nonnull (strstr (raw, ir->reasons[0]));
  ck_assert_ptr_nonnull (strstr (text, "1 of 4"));

  /* Welsh characters render (and come back out of the PDF). */
  ck_assert_ptr_nonnull (strstr (text, "Canolfan Iechyd Glynebwy"));
  ck_assert_ptr_nonnull (strstr (raw, "Dr Siân Llŷr"));

  /* The pending buddy request. */
  ck_assert_ptr_nonnull (strstr (raw, "Buddy arrangement"));
  ck_assert_ptr_nonnull (strstr (raw, "26 days"));

  /* The IMTP deadline, counted from the meeting. */
  ck_assert_ptr_nonnull (strstr (raw, "107 days left"));
  ck_assert_ptr_nonnull (strstr (raw, "Not started"));

  /* Missing evidence, practice by practice. */
  if (clw_practice_result_get_n_missing_evidence (small) > 0)
    {
      const ClwMissingEvidence *m = clw_practice_result_get_missing_evidence (small, 0);
      ck_assert_ptr_nonnull (strstr (raw, clw_evidence_kind_to_label (m->kind)));
    }
}
END_TEST

START_TEST (test_long_tables_repeat_their_header)
{
  g_autofree char *path = NULL;
  g_autoptr(ClwMeetingPack) pack = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  ClwPrintDocument *doc;
  guint first, last;

  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *description = g_strdup_printf ("Action number %u: follow up the audit with every practice", i + 1);
      action (i % 3, description, "2022-01-15", "open");
    }

  path = write_pack (&pack);
  doc = clw_meeting_pack_get_document (pack);
  first = clw_print_document_get_section_page (doc, 3) + 1;
  last = clw_print_document_get_section_page (doc, 4);    /* the page before attendance */
  ck_assert_uint_gt (last, first);

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint p = first; p <= last; p++)
    {
      char *text = page_text (path, p);

      g_ptr_array_add (texts, text);
      ck_assert_msg (g_regex_match_simple ("No\\.\\s+Action\\s+Owner\\s+Raised\\s+Due\\s+Status", text, 0, 0),
                     "page %u has no table header:\n%s", p, text);
      ck_assert_msg (strstr (text, "Action log") != NULL, "page %u does not name its section", p);
    }

  /* Every row is there, once. */
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *row = g_strdup_printf ("Action number %u: follow up", i + 1);
      guint found = 0;

      for (guint k = 0; k < texts->len; k++)
        if (strstr (g_ptr_array_index (texts, k), row) != NULL)
          found++;
      ck_assert_msg (found == 1, "“%s” is on %u pages", row, found);
    }
}
END_TEST

/* A row taller than a page goes on over the next pages, each cell where it
 * stopped, under the table's header. */
START_TEST (test_tall_row_splits)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(ClwMeetingPack) pack = NULL;
  ClwPrintDocument *doc;
  const char *raw_argv[] = { "pdftotext", "-raw", NULL, "-", NULL };
  g_autofree char *raw = NULL;
  guint first, last;

  while (notes->len < 12000)
    g_string_append (notes, "Progress was reported at each meeting and the practices asked for more time. ");
  g_string_append (notes, "KESTREL-END");
  g_free (make (CLW_TYPE_ACTION_ITEM, "meeting-id", fx.meetings[2], "description", "Write the cluster's plan",
                "owner", "Dr Siân Llŷr", "due-on", "2022-05-31", "status", "open", "notes", notes->str, NULL));

  path = write_pack (&pack);
  doc = clw_meeting_pack_get_document (pack);
  first = clw_print_document_get_section_page (doc, 3) + 1;
  last = clw_print_document_get_section_page (doc, 4);
  ck_assert_uint_ge (last, first + 1);

  raw_argv[2] = path;
  raw = run (raw_argv);
  ck_assert_ptr_nonnull (strstr (raw, "KESTREL-END"));
  for (guint p = first; p <= last; p++)
    {
      g_autofree char *text = page_text (path, p);
      ck_assert_msg (g_regex_match_simple ("No\\.\\s+Action\\s+Owner", text, 0, 0), "page %u has no header", p);
    }
}
END_TEST

START_TEST (test_print_path_shares_the_drawing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeetingPack) pack = clw_meeting_pack_new (fx.db, fx.meeting, &error);
  guint a4, letter;

  ck_assert_no_error (error);

  /* As GtkPrintOperation would: paginate for its page, draw each page on
   * the cairo_t it gives. */
  letter = clw_meeting_pack_paginate (pack, 612.0, 792.0);
  ck_assert_uint_ge (letter, 8);
  for (guint p = 0; p < letter; p++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
      cairo_t *cr = cairo_create (surface);
      const unsigned char *data;
      gboolean inked = FALSE;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      clw_meeting_pack_draw_page (pack, cr, p);
      ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);

      data = cairo_image_surface_get_data (surface);
      for (int i = 0; i < cairo_image_surface_get_stride (surface) * 792 && !inked; i += 4)
        inked = data[i] != 0xff || data[i + 1] != 0xff || data[i + 2] != 0xff;
      ck_assert_msg (inked, "page %u is blank", p);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  a4 = clw_meeting_pack_paginate (pack, CLW_PRINT_A4_WIDTH, CLW_PRINT_A4_HEIGHT);
  ck_assert_uint_ge (a4, 8);
}
END_TEST

START_TEST (test_other_profession)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dental = clw_test_query_string (fx.db, "SELECT id FROM collaborative WHERE profession = 'dental' "
                                                          "AND cluster_id = (SELECT id FROM cluster WHERE code = 'AB01')");
  g_autofree char *meeting = make (CLW_TYPE_MEETING, "collaborative-id", dental, "starts-at", "2022-06-16T18:00",
                                   "status", "planned", NULL);
  g_autoptr(ClwMeetingPack) pack = clw_meeting_pack_new (fx.db, meeting, &error);
  g_autofree char *path = clw_test_path ("dental.pdf");
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *text = NULL;

  ck_assert_no_error (error);
  clw_meeting_pack_write_pdf (pack, path, &error);
  ck_assert_no_error (error);
  text = run (argv);
  ck_assert_ptr_nonnull (strstr (text, "Action log"));
  ck_assert_ptr_nonnull (strstr (text, "apply to GP Collaboratives"));
  ck_assert_ptr_null (strstr (text, "Attendance this cycle"));
}
END_TEST

START_TEST (test_unknown_meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwMeetingPack) pack = clw_meeting_pack_new (fx.db, "00000000-0000-4000-8000-000000000000", &error);

  ck_assert_ptr_null (pack);
  ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
  g_clear_error (&error);

  ck_assert_ptr_null (clw_meeting_pack_dup_file_name_for (fx.db, "00000000-0000-4000-8000-000000000000", &error));
  ck_assert (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND));
}
END_TEST

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  int *done = user_data;
  g_autoptr(GError) error = NULL;

  clw_meeting_pack_write_pdf_finish (result, &error);
  ck_assert_no_error (error);
  *done = 1;
}

START_TEST (test_write_async)
{
  g_autofree char *path = clw_test_path ("async.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  int done = 0;

  clw_meeting_pack_write_pdf_async (clw_database_get_path (fx.db), fx.meeting, path, NULL, write_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  info = run (argv);
  ck_assert_ptr_nonnull (strstr (info, "(A4)"));

  /* Written through a temporary that is renamed: none is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    ck_assert_msg (g_str_has_suffix (name, ".db") || g_str_has_suffix (name, ".pdf") ||
                   strstr (name, ".db-") != NULL, "left behind: %s", name);
}
END_TEST

static Suite *
meeting_pack_suite (void)
{
  Suite *s = suite_create ("meeting-pack");
  TCase *tc = tcase_create ("pack");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_pack_pages_and_contents);
  tcase_add_test (tc, test_pack_bookmarks);
  tcase_add_test (tc, test_pack_content);
  tcase_add_test (tc, test_long_tables_repeat_their_header);
  tcase_add_test (tc, test_tall_row_splits);
  tcase_add_test (tc, test_print_path_shares_the_drawing);
  tcase_add_test (tc, test_other_profession);
  tcase_add_test (tc, test_unknown_meeting);
  tcase_add_test (tc, test_write_async);
  suite_add_tcase (s, tc);

  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (meeting_pack_suite (), argc, argv);
}
