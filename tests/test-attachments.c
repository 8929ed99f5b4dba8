/* test-attachments.c: the content-addressed store of evidence files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "clw-test-util.h"

#define MINUTES "minutes of the meeting\n"

static char *
sha256_of (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static ClwAttachmentStore *
new_store (void)
{
  g_autofree char *db_path = clw_test_path ("clwstwr.db");

  return clw_attachment_store_new (db_path);
}

START_TEST (test_folder_beside_database)
{
  g_autofree char *a = clw_attachment_store_folder_for_database ("/data/clwstwr.db");
  g_autofree char *b = clw_attachment_store_folder_for_database ("/data/board");
  g_autoptr(ClwAttachmentStore) store = clw_attachment_store_new ("/data/clwstwr.db");

  ck_assert_str_eq (a, "/data/clwstwr.attachments");
  ck_assert_str_eq (b, "/data/board.attachments");
  ck_assert_str_eq (clw_attachment_store_get_folder (store), "/data/clwstwr.attachments");
}
END_TEST

START_TEST (test_add_bytes_layout_and_modes)
{
  g_autoptr(ClwAttachmentStore) store = new_store ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (MINUTES, strlen (MINUTES));
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = sha256_of (MINUTES);
  g_autofree char *sha256 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *subdir = NULL;
  g_autofree char *prefix = NULL;
  GStatBuf st;

  ck_assert (!clw_attachment_store_has (store, expected));

  sha256 = clw_attachment_store_add_bytes (store, bytes, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (sha256, expected);
  ck_assert (clw_attachment_store_has (store, sha256));

  /* XX/SHA256, the folders 0700 and the file 0600. */
  path = clw_attachment_store_get_path (store, sha256);
  prefix = g_strndup (sha256, 2);
  subdir = g_build_filename (clw_attachment_store_get_folder (store), prefix, NULL);
  {
    g_autofree char *expected_path = g_build_filename (subdir, sha256, NULL);
    ck_assert_str_eq (path, expected_path);
  }
  ck_assert_int_eq (g_stat (clw_attachment_store_get_folder (store), &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);
  ck_assert_int_eq (g_stat (subdir, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_eq (st.st_size, strlen (MINUTES));

  /* Adding the same content again stores nothing new. */
  {
    g_autofree char *again = clw_attachment_store_add_bytes (store, bytes, sha256, &error);
    ck_assert_no_error (error);
    ck_assert_str_eq (again, sha256);
  }
}
END_TEST

START_TEST (test_add_file_hashes_while_copying)
{
  g_autoptr(ClwAttachmentStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *source = clw_test_path ("peer-review.pdf");
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) loaded = NULL;
  guint64 size = 0;

  /* Larger than one buffer of the copy. */
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (content, "line %d of the peer review\n", i);
  g_file_set_contents (source, content->str, content->len, &error);
  ck_assert_no_error (error);
  expected = sha256_of (content->str);

  sha256 = clw_attachment_store_add_file (store, source, expected, &size, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (sha256, expected);
  ck_assert_uint_eq (size, content->len);

  loaded = clw_attachment_store_load (store, sha256, 10 * 1024 * 1024, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (g_bytes_get_size (loaded), content->len);
  ck_assert_int_eq (memcmp (g_bytes_get_data (loaded, NULL), content->str, content->len), 0);

  /* And it reads back as a stream. */
  {
    g_autoptr(GInputStream) stream = clw_attachment_store_open (store, sha256, &error);
    char buf[10];
    gsize n = 0;

    ck_assert_no_error (error);
    g_input_stream_read_all (stream, buf, sizeof buf, &n, NULL, &error);
    ck_assert_no_error (error);
    ck_assert_int_eq (memcmp (buf, content->str, sizeof buf), 0);
  }
}
END_TEST

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder, name, NULL);
      n += g_file_test (child, G_FILE_TEST_IS_DIR) ? count_files (child) : 1;
    }
  return n;
}

START_TEST (test_mismatch_is_refused)
{
  g_autoptr(ClwAttachmentStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *source = clw_test_path ("minutes.txt");
  g_autofree char *wrong = sha256_of ("something else");
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (MINUTES, strlen (MINUTES));

  g_file_set_contents (source, MINUTES, -1, &error);
  ck_assert_no_error (error);

  sha256 = clw_attachment_store_add_file (store, source, wrong, NULL, NULL, &error);
  ck_assert_ptr_null (sha256);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  ck_assert_ptr_nonnull (strstr (error->message, wrong));
  g_clear_error (&error);
  /* Nothing stored, no temporary left behind. */
  ck_assert_uint_eq (count_files (clw_attachment_store_get_folder (store)), 0);
  ck_assert (!clw_attachment_store_has (store, wrong));

  sha256 = clw_attachment_store_add_bytes (store, bytes, wrong, &error);
  ck_assert_ptr_null (sha256);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  g_clear_error (&error);
  ck_assert_uint_eq (count_files (clw_attachment_store_get_folder (store)), 0);

  /* A hash that is not one. */
  sha256 = clw_attachment_store_add_bytes (store, bytes, "not-a-hash", &error);
  ck_assert_ptr_null (sha256);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  ck_assert_ptr_null (clw_attachment_store_get_path (store, "../../etc/passwd"));
}
END_TEST

START_TEST (test_missing_file)
{
  g_autoptr(ClwAttachmentStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = sha256_of ("never stored");
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *source = clw_test_path ("nowhere/file.pdf");

  stream = clw_attachment_store_open (store, sha256, &error);
  ck_assert_ptr_null (stream);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_clear_error (&error);

  ck_assert (!clw_attachment_store_verify (store, sha256, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_clear_error (&error);

  stored = clw_attachment_store_add_file (store, source, NULL, NULL, NULL, &error);
  ck_assert_ptr_null (stored);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
}
END_TEST

/* What adding would refuse, said before anything is read or written. */
START_TEST (test_check_file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = clw_test_path ("minutes.txt");
  g_autofree char *missing = clw_test_path ("nowhere/file.pdf");
  g_autofree char *folder = clw_test_path ("a-folder");
  guint64 size = 0;

  ck_assert (g_file_set_contents (file, MINUTES, -1, NULL));
  ck_assert_int_eq (g_mkdir (folder, 0700), 0);

  ck_assert (clw_attachment_store_check_file (file, 0, &size, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (size, strlen (MINUTES));
  ck_assert (clw_attachment_store_check_file (file, strlen (MINUTES), NULL, NULL, &error));

  ck_assert (!clw_attachment_store_check_file (file, strlen (MINUTES) - 1, NULL, NULL, &error));
  ck_assert (g_error_matches (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE));
  ck_assert_msg (strstr (error->message, "minutes.txt") != NULL && strstr (error->message, "limit") != NULL,
                 "%s", error->message);
  g_clear_error (&error);

  ck_assert (!clw_attachment_store_check_file (missing, 0, NULL, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_clear_error (&error);

  ck_assert (!clw_attachment_store_check_file (folder, 0, NULL, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
}
END_TEST

START_TEST (test_verify_finds_damage)
{
  g_autoptr(ClwAttachmentStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) damaged = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *path = NULL;
  guint n_checked = 0;

  {
    g_autoptr(GBytes) one = g_bytes_new_static ("first file", 10);
    g_autoptr(GBytes) two = g_bytes_new_static ("second file", 11);
    a = clw_attachment_store_add_bytes (store, one, NULL, &error);
    ck_assert_no_error (error);
    b = clw_attachment_store_add_bytes (store, two, NULL, &error);
    ck_assert_no_error (error);
  }

  ck_assert (clw_attachment_store_verify (store, a, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (clw_attachment_store_verify_all (store, &n_checked, &damaged, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_checked, 2);
  ck_assert_uint_eq (damaged->len, 0);
  g_clear_pointer (&damaged, g_ptr_array_unref);

  /* One file changed on disk. */
  path = clw_attachment_store_get_path (store, b);
  g_file_set_contents (path, "second filE", -1, &error);
  ck_assert_no_error (error);

  ck_assert (!clw_attachment_store_verify (store, b, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  g_clear_error (&error);

  ck_assert (!clw_attachment_store_verify_all (store, &n_checked, &damaged, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  ck_assert_uint_eq (n_checked, 2);
  ck_assert_uint_eq (damaged->len, 1);
  ck_assert_str_eq (g_ptr_array_index (damaged, 0), b);
  g_clear_error (&error);

  /* Loading checks the hash too. */
  {
    g_autoptr(GBytes) bytes = clw_attachment_store_load (store, b, 1024, &error);
    ck_assert_ptr_null (bytes);
    ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  }
}
END_TEST

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) damaged = NULL;
  guint n_checked = 0;

  ck_assert (clw_attachment_store_verify_all_finish (CLW_ATTACHMENT_STORE (source), result,
                                                     &n_checked, &damaged, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (n_checked, 1);
  ck_assert_uint_eq (damaged->len, 0);
  g_main_loop_quit (loop);
}

static void
add_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *expected = sha256_of (MINUTES);
  guint64 size = 0;

  sha256 = clw_attachment_store_add_file_finish (CLW_ATTACHMENT_STORE (source), result, &size, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (sha256, expected);
  ck_assert_uint_eq (size, strlen (MINUTES));

  clw_attachment_store_verify_all_async (CLW_ATTACHMENT_STORE (source), NULL, verify_done_cb, loop);
}

START_TEST (test_async)
{
  g_autoptr(ClwAttachmentStore) store = new_store ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = clw_test_path ("minutes.txt");

  g_file_set_contents (source, MINUTES, -1, &error);
  ck_assert_no_error (error);

  clw_attachment_store_add_file_async (store, source, NULL, NULL, add_done_cb, loop);
  g_main_loop_run (loop);
}
END_TEST

static Suite *
attachments_suite (void)
{
  Suite *s = suite_create ("attachments");
  TCase *tc = tcase_create ("store");

  tcase_add_test (tc, test_folder_beside_database);
  tcase_add_test (tc, test_add_bytes_layout_and_modes);
  tcase_add_test (tc, test_add_file_hashes_while_copying);
  tcase_add_test (tc, test_mismatch_is_refused);
  tcase_add_test (tc, test_missing_file);
  tcase_add_test (tc, test_check_file);
  tcase_add_test (tc, test_verify_finds_damage);
  tcase_add_test (tc, test_async);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (attachments_suite (), argc, argv);
}
