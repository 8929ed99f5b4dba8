/* test-evidence.c: evidence files: attaching, storing once, refusing, removing, verifying
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "clw-test-util.h"

#define ck_assert_error_matches(err, dom, c) \
  ck_assert_msg ((err) != NULL && g_error_matches ((err), (dom), (c)), \
                 "expected error %s/%d, got %s", g_quark_to_string (dom), (c), \
                 (err) ? (err)->message : "no error")

typedef struct
{
  ClwDatabase *db;
  char        *practice_id;
  char        *meeting_id;
  char        *indicator_id;
  char        *store_folder;
} Fixture;

static Fixture fx;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwPractice) practice = clw_practice_new ();
  g_autoptr(ClwMeeting) meeting = clw_meeting_new ();
  g_autofree char *cluster_id = NULL;
  g_autofree char *collaborative_id = NULL;

  fx.db = clw_test_new_database ();
  cluster_id = clw_test_query_string (fx.db,
                                      "SELECT cluster_id FROM collaborative WHERE profession = 'gp' "
                                      "ORDER BY cluster_id LIMIT 1");
  collaborative_id = clw_test_query_string (fx.db,
                                            "SELECT id FROM collaborative WHERE profession = 'gp' "
                                            "ORDER BY cluster_id LIMIT 1");
  fx.indicator_id = clw_test_query_string (fx.db,
                                           "SELECT i.id FROM indicator i JOIN cycle y ON y.id = i.cycle_id "
                                           "WHERE y.code = '2021-22' AND i.code = 'CND015W'");

  g_object_set (practice, "cluster-id", cluster_id, "code", "W50001", "name", "Meddygfa'r Bont",
                "partners", 3, "list-size", 6000, NULL);
  clw_record_insert (CLW_RECORD (practice), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  fx.practice_id = g_strdup (clw_record_get_id (CLW_RECORD (practice)));

  g_object_set (meeting, "collaborative-id", collaborative_id, "starts-at", "2022-01-12T14:00",
                "status", CLW_MEETING_STATUS_HELD, NULL);
  clw_record_insert (CLW_RECORD (meeting), fx.db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  fx.meeting_id = g_strdup (clw_record_get_id (CLW_RECORD (meeting)));

  fx.store_folder = g_strdup (clw_attachment_store_get_folder (clw_evidence_get_store (fx.db)));
}

static void
teardown (void)
{
  g_clear_object (&fx.db);
  g_clear_pointer (&fx.practice_id, g_free);
  g_clear_pointer (&fx.meeting_id, g_free);
  g_clear_pointer (&fx.indicator_id, g_free);
  g_clear_pointer (&fx.store_folder, g_free);
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = clw_test_path (name);

  g_file_set_contents (path, contents, length, &error);
  ck_assert_no_error (error);
  return path;
}

static ClwEvidence *
describe (ClwEvidenceKind  kind,
          const char      *title)
{
  ClwEvidence *evidence = clw_evidence_new ();

  g_object_set (evidence,
                "kind", kind,
                "title", title,
                "evidence-on", "2022-03-01",
                "practice-id", fx.practice_id,
                NULL);
  return evidence;
}

static ClwEvidence *
attach (const char *path,
        const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwEvidence) evidence = describe (CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING, title);
  ClwEvidence *row;

  row = clw_evidence_attach_file (fx.db, evidence, path, 0, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (row);
  return row;
}

/* Every entry under the store's folder, files and folders, as "ab/ab12…". */
static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder, name, NULL);
      n++;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_entries (child);
    }
  return n;
}

static guint
n_stored (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hashes = clw_attachment_store_list (clw_evidence_get_store (fx.db), &error);

  ck_assert_no_error (error);
  return g_strv_length (hashes);
}

START_TEST (test_attach)
{
  g_autofree char *path = write_file ("minutes.txt", "Cluster meeting with the council.\n", -1);
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             "Cluster meeting with the council.\n", -1);
  g_autoptr(ClwEvidence) row = attach (path, "Joint meeting with the council");
  g_autoptr(ClwEvidence) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;

  stored = (ClwEvidence *) clw_record_load (fx.db, CLW_TYPE_EVIDENCE,
                                            clw_record_get_id (CLW_RECORD (row)), &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_evidence_get_kind (stored), CLW_EVIDENCE_KIND_PARTNERSHIP_WORKING);
  ck_assert_str_eq (clw_evidence_get_title (stored), "Joint meeting with the council");
  ck_assert_str_eq (clw_evidence_get_evidence_on (stored), "2022-03-01");
  ck_assert_str_eq (clw_evidence_get_original_name (stored), "minutes.txt");
  ck_assert_str_eq (clw_evidence_get_content_type (stored), "text/plain");
  ck_assert_int_eq (clw_evidence_get_size (stored), 34);
  ck_assert_str_eq (clw_evidence_get_sha256 (stored), expected);
  ck_assert_str_eq (clw_evidence_get_attached_by (stored), "Test User");
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Attach “Joint meeting with the council”");

  /* Beside the database, readable by its owner only. */
  file = clw_evidence_dup_file_path (fx.db, stored);
  ck_assert (g_str_has_prefix (file, fx.store_folder));
  ck_assert (g_str_has_suffix (file, expected));
  ck_assert_int_eq (g_stat (file, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  dir = g_path_get_dirname (file);
  ck_assert_int_eq (g_stat (dir, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);
  ck_assert_int_eq (g_stat (fx.store_folder, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);
  {
    g_autofree char *db_base = g_strndup (clw_database_get_path (fx.db),
                                          strlen (clw_database_get_path (fx.db)) - 3);
    g_autofree char *expected_folder = g_strconcat (db_base, ".attachments", NULL);
    ck_assert_str_eq (fx.store_folder, expected_folder);
  }
}
END_TEST

START_TEST (test_defaults_and_types)
{
  static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
  g_autofree char *path = write_file ("Cynllun y clwstwr.pdf", pdf, sizeof pdf - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwEvidence) evidence = clw_evidence_new ();
  g_autoptr(ClwEvidence) row = NULL;

  clw_database_set_meta (fx.db, "reference-date", "2022-05-04", &error);
  ck_assert_no_error (error);

  /* Linked to a meeting and an indicator only; no title, no date. */
  g_object_set (evidence, "kind", CLW_EVIDENCE_KIND_DEMAND_CAPACITY,
                "meeting-id", fx.meeting_id, "indicator-id", fx.indicator_id, NULL);
  row = clw_evidence_attach_file (fx.db, evidence, path, 0, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_evidence_get_title (row), "Cynllun y clwstwr.pdf");
  ck_assert_str_eq (clw_evidence_get_evidence_on (row), "2022-05-04");
  ck_assert_str_eq (clw_evidence_get_content_type (row), "application/pdf");
  ck_assert_str_eq (clw_evidence_get_meeting_id (row), fx.meeting_id);
}
END_TEST

START_TEST (test_same_file_stored_once)
{
  g_autofree char *path = write_file ("plan.txt", "The same plan.\n", -1);
  g_autofree char *copy = write_file ("plan-copy.txt", "The same plan.\n", -1);
  g_autoptr(ClwEvidence) first = attach (path, "Plan");
  g_autoptr(ClwEvidence) second = attach (copy, "Plan again");

  ck_assert_str_eq (clw_evidence_get_sha256 (first), clw_evidence_get_sha256 (second));
  ck_assert_str_eq (clw_evidence_get_original_name (second), "plan-copy.txt");
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM evidence"), 2);
  ck_assert_uint_eq (n_stored (), 1);
  /* The store's folder, one two-digit folder and one file: no temporary left. */
  ck_assert_uint_eq (count_entries (fx.store_folder), 2);
}
END_TEST

static void
assert_nothing_stored (gint64 rows_before)
{
  ck_assert_int_eq (clw_test_query_int (fx.db, "SELECT count(*) FROM evidence"), rows_before);
  ck_assert_uint_eq (count_entries (fx.store_folder), 0);
}

START_TEST (test_too_large)
{
  g_autofree char *big = g_strnfill (4096, 'x');
  g_autofree char *path = write_file ("big.txt", big, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwEvidence) evidence = describe (CLW_EVIDENCE_KIND_OTHER, "Big");
  g_autoptr(ClwEvidence) row = NULL;

  row = clw_evidence_attach_file (fx.db, evidence, path, 4095, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (row);
  ck_assert_error_matches (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE);
  ck_assert_ptr_nonnull (strstr (error->message, "big.txt"));
  ck_assert_ptr_nonnull (strstr (error->message, "Nothing was attached"));
  assert_nothing_stored (0);

  /* At the limit it is accepted. */
  g_clear_object (&row);
  row = clw_evidence_attach_file (fx.db, evidence, path, 4096, NULL, NULL, NULL, &error);
  ck_assert_ptr_nonnull (row);
}
END_TEST

START_TEST (test_unreadable)
{
  g_autofree char *missing = clw_test_path ("no-such-file.pdf");
  g_autofree char *folder = clw_test_path ("a-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwEvidence) evidence = describe (CLW_EVIDENCE_KIND_OTHER, "Unreadable");
  g_autoptr(ClwEvidence) row = NULL;

  row = clw_evidence_attach_file (fx.db, evidence, missing, 0, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (row);
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  ck_assert_ptr_nonnull (strstr (error->message, "no-such-file.pdf"));
  assert_nothing_stored (0);
  g_clear_error (&error);

  ck_assert_int_eq (g_mkdir (folder, 0700), 0);
  row = clw_evidence_attach_file (fx.db, evidence, folder, 0, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (row);
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_nothing_stored (0);
  g_clear_error (&error);

  /* Opened, then failing as it is read: the temporary file goes. */
  if (g_file_test ("/proc/self/mem", G_FILE_TEST_EXISTS))
    {
      row = clw_evidence_attach_file (fx.db, evidence, "/proc/self/mem", 0, NULL, NULL, NULL, &error);
      ck_assert_ptr_null (row);
      ck_assert_msg (error != NULL && error->domain == G_IO_ERROR, "no read error");
      assert_nothing_stored (0);
      g_clear_error (&error);
    }

  /* Without read permission (root reads anything). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = write_file ("locked.txt", "secret", -1);

      ck_assert_int_eq (g_chmod (locked, 0), 0);
      row = clw_evidence_attach_file (fx.db, evidence, locked, 0, NULL, NULL, NULL, &error);
      ck_assert_ptr_null (row);
      ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      assert_nothing_stored (0);
    }
}
END_TEST

START_TEST (test_invalid_description_costs_no_copy)
{
  g_autofree char *path = write_file ("notes.txt", "Notes", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwEvidence) evidence = clw_evidence_new ();
  g_autoptr(ClwEvidence) row = NULL;

  /* Linked to nothing. */
  g_object_set (evidence, "kind", CLW_EVIDENCE_KIND_OTHER, "title", "Loose", NULL);
  row = clw_evidence_attach_file (fx.db, evidence, path, 0, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (row);
  ck_assert_error_matches (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID);
  assert_nothing_stored (0);
}
END_TEST

START_TEST (test_remove_undo_prune)
{
  g_autofree char *path = write_file ("review.txt", "Peer review notes", -1);
  g_autofree char *other = write_file ("other.txt", "Something else", -1);
  g_autoptr(ClwEvidence) row = attach (path, "Peer review");
  g_autoptr(ClwEvidence) kept = attach (other, "Kept");
  g_autoptr(GError) error = NULL;
  g_autofree char *file = clw_evidence_dup_file_path (fx.db, row);
  const char *id = clw_record_get_id (CLW_RECORD (row));
  guint removed = 99;

  clw_evidence_remove (fx.db, id, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_database_get_undo_label (fx.db), "Remove “Peer review”");
  ck_assert (!clw_record_exists (fx.db, CLW_TYPE_EVIDENCE, id));
  /* The file stays while the removal may be undone. */
  ck_assert (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  clw_evidence_prune (fx.db, CLW_EVIDENCE_DEFAULT_KEEP_DAYS, &removed, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (removed, 0);
  ck_assert (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert (clw_record_exists (fx.db, CLW_TYPE_EVIDENCE, id));
  {
    g_autofree char *title = clw_test_query_string (fx.db, "SELECT title FROM evidence "
                                                           "WHERE title = 'Peer review'");
    ck_assert_str_eq (title, "Peer review");
  }

  /* Referenced files are never pruned. */
  clw_evidence_prune (fx.db, 0, &removed, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (removed, 0);
  ck_assert_uint_eq (n_stored (), 2);

  /* Removed for good: prune takes the file. */
  clw_evidence_remove (fx.db, id, &error);
  ck_assert_no_error (error);
  clw_evidence_prune (fx.db, 0, &removed, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (removed, 1);
  ck_assert (!g_file_test (file, G_FILE_TEST_EXISTS));
  ck_assert_uint_eq (n_stored (), 1);

  ck_assert (!clw_evidence_remove (fx.db, id, &error));
  ck_assert_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_prune_stale_temporaries)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = g_build_filename (fx.store_folder, ".incoming-AbC123", NULL);
  g_autofree char *fresh = g_build_filename (fx.store_folder, ".incoming-XyZ789", NULL);
  g_autofree char *stranger = g_build_filename (fx.store_folder, "README", NULL);
  struct utimbuf old = { 1000000000, 1000000000 };
  guint removed = 0;

  ck_assert_int_eq (g_mkdir (fx.store_folder, 0700), 0);
  g_file_set_contents (stale, "half a file", -1, &error);
  g_file_set_contents (fresh, "a copy in progress", -1, &error);
  g_file_set_contents (stranger, "not ours", -1, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_utime (stale, &old), 0);
  ck_assert_int_eq (g_utime (stranger, &old), 0);

  clw_evidence_prune (fx.db, 0, &removed, &error);
  ck_assert_no_error (error);
  ck_assert (!g_file_test (stale, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (fresh, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (stranger, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_verify)
{
  g_autofree char *a = write_file ("a.txt", "First file", -1);
  g_autofree char *b = write_file ("b.txt", "Second file", -1);
  g_autoptr(ClwEvidence) first = attach (a, "First");
  g_autoptr(ClwEvidence) second = attach (b, "Second");
  g_autoptr(ClwEvidence) twin = attach (b, "Second, again");
  g_autofree char *first_file = clw_evidence_dup_file_path (fx.db, first);
  g_autofree char *second_file = clw_evidence_dup_file_path (fx.db, second);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(ClwEvidenceProblem) corrupted = NULL;
  g_autoptr(ClwEvidenceProblem) missing = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *titles;
  guint checked = 0;

  problems = clw_evidence_verify (fx.db, &checked, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (problems), 0);
  ck_assert_uint_eq (checked, 2);
  g_clear_object (&problems);

  /* One file changed on disk, the same size; another deleted. */
  g_file_set_contents (first_file, "First FILE", -1, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_unlink (second_file), 0);

  problems = clw_evidence_verify (fx.db, &checked, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (problems), 2);
  ck_assert_uint_eq (checked, 1);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ClwEvidenceProblem) p = g_list_model_get_item (problems, i);
      if (clw_evidence_problem_get_problem (p) == CLW_FILE_PROBLEM_CORRUPTED)
        corrupted = g_steal_pointer (&p);
      else if (clw_evidence_problem_get_problem (p) == CLW_FILE_PROBLEM_MISSING)
        missing = g_steal_pointer (&p);
    }
  ck_assert_ptr_nonnull (corrupted);
  ck_assert_ptr_nonnull (missing);

  ck_assert_str_eq (clw_evidence_problem_get_sha256 (corrupted), clw_evidence_get_sha256 (first));
  ck_assert_str_eq (clw_evidence_problem_get_path (corrupted), first_file);
  ck_assert_ptr_nonnull (strstr (clw_evidence_problem_get_message (corrupted), "“First”"));
  titles = clw_evidence_problem_get_titles (missing);
  ck_assert_uint_eq (g_strv_length ((char **) titles), 2);
  ck_assert_ptr_nonnull (strstr (clw_evidence_problem_get_message (missing), "“Second”, “Second, again”"));
  ck_assert_uint_eq (g_strv_length ((char **) clw_evidence_problem_get_evidence_ids (missing)), 2);

  /* Attaching the files again repairs them. */
  g_clear_object (&problems);
  {
    g_autoptr(ClwEvidence) again = attach (b, "Second, restored");
    g_autoptr(ClwEvidence) first_again = attach (a, "First, restored");
  }
  problems = clw_evidence_verify (fx.db, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_list_model_get_n_items (problems), 0);
  ck_assert_uint_eq (n_stored (), 2);
}
END_TEST

START_TEST (test_export)
{
  static const char content[] = "Demand and capacity analysis\n";
  g_autofree char *path = write_file ("dc.txt", content, -1);
  g_autoptr(ClwEvidence) row = attach (path, "Demand and capacity");
  g_autofree char *out = clw_test_path ("exported.txt");
  g_autofree char *file = clw_evidence_dup_file_path (fx.db, row);
  g_autofree char *read_back = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  clw_evidence_export_file (fx.db, clw_record_get_id (CLW_RECORD (row)), out, &error);
  ck_assert_no_error (error);
  g_file_get_contents (out, &read_back, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (read_back, content);
  ck_assert_int_eq (g_stat (out, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_eq (g_unlink (out), 0);

  /* A damaged file is not exported. */
  g_file_set_contents (file, "Damaged", -1, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_evidence_export_file (fx.db, clw_record_get_id (CLW_RECORD (row)), out, &error));
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
}
END_TEST

typedef struct
{
  GAsyncResult *result;
  goffset       last;
  goffset       total;
  guint         calls;
  gboolean      backwards;
  gboolean      freed;
} AsyncState;

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer data)
{
  AsyncState *state = data;

  if (current < state->last)
    state->backwards = TRUE;
  state->last = current;
  state->total = total;
  state->calls++;
}

static void
progress_free (gpointer data)
{
  ((AsyncState *) data)->freed = TRUE;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  ((AsyncState *) data)->result = g_object_ref (result);
}

static ClwEvidence *
attach_async (const char    *path,
              guint64        max_size,
              GCancellable  *cancellable,
              AsyncState    *state,
              GError       **error)
{
  g_autoptr(ClwEvidence) evidence = describe (CLW_EVIDENCE_KIND_QI_PARTICIPATION, "QI project");
  ClwEvidence *row;

  clw_evidence_attach_file_async (fx.db, evidence, path, max_size, progress_cb, state, progress_free,
                                  cancellable, done_cb, state);
  while (state->result == NULL || !state->freed)
    g_main_context_iteration (NULL, TRUE);
  row = clw_evidence_attach_file_finish (fx.db, state->result, error);
  g_clear_object (&state->result);
  return row;
}

START_TEST (test_attach_async)
{
  gsize size = 3 * 1024 * 1024 + 17;
  g_autofree char *data = g_malloc (size);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwEvidence) row = NULL;
  AsyncState state = { 0, };

  for (gsize i = 0; i < size; i++)
    data[i] = (char) (i * 31 + i / 7);
  path = write_file ("large.bin", data, size);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);

  row = attach_async (path, 0, NULL, &state, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (clw_evidence_get_sha256 (row), expected);
  ck_assert_int_eq (clw_evidence_get_size (row), (int) size);
  ck_assert_uint_gt (state.calls, 2);
  ck_assert (!state.backwards);
  ck_assert_int_eq (state.last, (goffset) size);
  ck_assert_int_eq (state.total, (goffset) size);
  ck_assert (clw_record_exists (fx.db, CLW_TYPE_EVIDENCE, clw_record_get_id (CLW_RECORD (row))));
}
END_TEST

START_TEST (test_attach_async_refused)
{
  g_autofree char *path = write_file ("big.txt", "0123456789", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ClwEvidence) row = NULL;
  AsyncState state = { 0, };

  row = attach_async (path, 5, NULL, &state, &error);
  ck_assert_ptr_null (row);
  ck_assert_error_matches (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE);
  assert_nothing_stored (0);
  g_clear_error (&error);

  memset (&state, 0, sizeof state);
  g_cancellable_cancel (cancellable);
  row = attach_async (path, 0, cancellable, &state, &error);
  ck_assert_ptr_null (row);
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_nothing_stored (0);
}
END_TEST

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

START_TEST (test_verify_async)
{
  g_autofree char *path = write_file ("v.txt", "Verify me", -1);
  g_autoptr(ClwEvidence) row = attach (path, "Verify");
  g_autofree char *file = clw_evidence_dup_file_path (fx.db, row);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_set_contents (file, "Verify ME", -1, &error);
  ck_assert_no_error (error);

  clw_evidence_verify_async (clw_database_get_path (fx.db), NULL, verify_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  problems = clw_evidence_verify_finish (result, &checked, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (checked, 1);
  ck_assert_uint_eq (g_list_model_get_n_items (problems), 1);
}
END_TEST

START_TEST (test_store_checks_expected_hash)
{
  g_autofree char *path = write_file ("h.txt", "Hashed", -1);
  g_autofree char *wrong = g_strnfill (64, 'a');
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  ClwAttachmentStore *store = clw_evidence_get_store (fx.db);

  sha = clw_attachment_store_add_file (store, path, wrong, NULL, NULL, &error);
  ck_assert_ptr_null (sha);
  ck_assert_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  ck_assert_uint_eq (count_entries (fx.store_folder), 0);
  g_clear_error (&error);

  sha = clw_attachment_store_add_file (store, path, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (clw_attachment_store_has (store, sha));
  ck_assert (clw_attachment_store_verify (store, sha, NULL, &error));
  ck_assert_ptr_null (clw_attachment_store_get_path (store, "not-a-hash"));
}
END_TEST

static ClwVerdict
verdict_of (const char *code,
            const char *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = clw_date_parse (as_of);
  g_autoptr(ClwQaifReport) report = NULL;
  ClwPracticeResult *result;
  const ClwIndicatorResult *indicator;

  report = clw_qaif_evaluate (fx.db, "2021-22", CLW_SCOPE_PRACTICE, fx.practice_id, date, &error);
  ck_assert_no_error (error);
  result = clw_qaif_report_lookup_practice (report, fx.practice_id);
  ck_assert_ptr_nonnull (result);
  indicator = clw_practice_result_find_indicator (result, code);
  ck_assert_ptr_nonnull (indicator);
  return indicator->verdict;
}

START_TEST (test_evidence_feeds_verdicts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwImtpEditor) editor = NULL;
  g_autoptr(ClwEvidence) partnership = NULL;
  g_autoptr(ClwEvidence) pna = NULL;
  g_autofree char *cycle_id = clw_test_query_string (fx.db, "SELECT id FROM cycle WHERE code = '2021-22'");
  g_autofree char *minutes = write_file ("council.txt", "Joint work with the council", -1);
  g_autofree char *pna_file = write_file ("pna.txt", "Practice data for the PNA", -1);

  /* A complete contribution, submitted in time. */
  editor = clw_imtp_editor_new (fx.db, fx.practice_id, cycle_id, &error);
  ck_assert_no_error (error);
  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      clw_imtp_editor_save_section (editor, kind, "Written.", NULL, &error);
      ck_assert_no_error (error);
      clw_imtp_editor_set_section_status (editor, kind, CLW_SECTION_STATUS_COMPLETE, &error);
      ck_assert_no_error (error);
    }
  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      clw_imtp_editor_set_workforce (editor, role, 2, 1.5, &error);
      ck_assert_no_error (error);
    }
  clw_imtp_editor_submit (editor, "2022-09-01", &error);
  ck_assert_no_error (error);

  /* Without evidence of partnership working, CND015W is not achieved;
   * without a PNA contribution, neither is CND016W. */
  ck_assert_int_eq (verdict_of ("CND015W", "2022-10-15"), CLW_VERDICT_NOT_ACHIEVED);
  ck_assert_int_eq (verdict_of ("CND016W", "2022-10-15"), CLW_VERDICT_NOT_ACHIEVED);

  partnership = attach (minutes, "Joint work with the council");
  ck_assert_int_eq (verdict_of ("CND015W", "2022-10-15"), CLW_VERDICT_ACHIEVED);
  ck_assert_int_eq (verdict_of ("CND016W", "2022-10-15"), CLW_VERDICT_NOT_ACHIEVED);

  {
    g_autoptr(ClwEvidence) description = describe (CLW_EVIDENCE_KIND_PNA_CONTRIBUTION, "PNA data return");
    pna = clw_evidence_attach_file (fx.db, description, pna_file, 0, NULL, NULL, NULL, &error);
    ck_assert_no_error (error);
  }
  ck_assert_int_eq (verdict_of ("CND016W", "2022-10-15"), CLW_VERDICT_ACHIEVED);

  /* Removing it takes the verdict back; undo restores both. */
  clw_evidence_remove (fx.db, clw_record_get_id (CLW_RECORD (partnership)), &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (verdict_of ("CND015W", "2022-10-15"), CLW_VERDICT_NOT_ACHIEVED);
  clw_database_undo (fx.db, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (verdict_of ("CND015W", "2022-10-15"), CLW_VERDICT_ACHIEVED);

  /* A late submission is not achieved, evidence or not; the editor says
   * it is late. */
  clw_imtp_editor_reopen (editor, &error);
  ck_assert_no_error (error);
  clw_imtp_editor_submit (editor, "2022-10-03", &error);
  ck_assert_no_error (error);
  ck_assert (clw_imtp_editor_is_late (editor));
  ck_assert_int_eq (verdict_of ("CND015W", "2022-10-15"), CLW_VERDICT_NOT_ACHIEVED);
}
END_TEST

static Suite *
evidence_suite (void)
{
  Suite *s = suite_create ("evidence");
  TCase *tc = tcase_create ("files");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_attach);
  tcase_add_test (tc, test_defaults_and_types);
  tcase_add_test (tc, test_same_file_stored_once);
  tcase_add_test (tc, test_too_large);
  tcase_add_test (tc, test_unreadable);
  tcase_add_test (tc, test_invalid_description_costs_no_copy);
  tcase_add_test (tc, test_remove_undo_prune);
  tcase_add_test (tc, test_prune_stale_temporaries);
  tcase_add_test (tc, test_verify);
  tcase_add_test (tc, test_export);
  tcase_add_test (tc, test_attach_async);
  tcase_add_test (tc, test_attach_async_refused);
  tcase_add_test (tc, test_verify_async);
  tcase_add_test (tc, test_store_checks_expected_hash);
  tcase_add_test (tc, test_evidence_feeds_verdicts);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (evidence_suite (), argc, argv);
}
