/* clw-test-util.c: what the Check programs of core share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "clw-database-private.h"
#include "clw-dataset.h"
#include "clw-test-util.h"

static char *tmpdir;
static guint counter;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
cleanup_tmpdir (void)
{
  if (tmpdir != NULL && g_getenv ("CLW_TEST_KEEP") == NULL)
    remove_tree (tmpdir);
}

const char *
clw_test_tmpdir (void)
{
  /* Check forks per test: each child makes its own folder. */
  static int pid;

  if (tmpdir == NULL || pid != getpid ())
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("clwstwr-test-XXXXXX", &error);
      g_assert_no_error (error);
      pid = getpid ();
      atexit (cleanup_tmpdir);
    }

  return tmpdir;
}

char *
clw_test_path (const char *name)
{
  return g_build_filename (clw_test_tmpdir (), name, NULL);
}

ClwDatabase *
clw_test_new_empty_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("test-%u.db", ++counter);
  g_autofree char *path = clw_test_path (name);
  ClwDatabase *db;

  db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);
  ck_assert_no_error (error);
  clw_database_set_user (db, "Test User");
  return db;
}

ClwDatabase *
clw_test_new_database (void)
{
  g_autoptr(GError) error = NULL;
  ClwDatabase *db = clw_test_new_empty_database ();

  clw_dataset_load_reference (db, &error);
  ck_assert_no_error (error);
  return db;
}

char *
clw_test_query_string (ClwDatabase *db,
                       const char  *sql)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, NULL);

  ck_assert_ptr_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _clw_column_dup (stmt, 0);
}

gint64
clw_test_query_int (ClwDatabase *db,
                    const char  *sql)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, NULL);

  ck_assert_ptr_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

char *
clw_test_source_path (const char *relative)
{
  return g_build_filename (TEST_SOURCE_DIR, relative, NULL);
}

GBytes *
clw_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  ck_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
clw_test_write_file (const char *path,
                     const void *data,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  ck_assert_no_error (error);
}

gboolean
clw_test_bytes_equal_file (GBytes     *bytes,
                           const char *path)
{
  g_autoptr(GBytes) now = clw_test_read_file (path);

  return g_bytes_equal (bytes, now);
}

char *
clw_test_export (ClwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = clw_dataset_export_bytes (db, CLW_SCOPE_ALL, NULL, &error);
  gsize size;
  const char *data;

  ck_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

gint64
clw_test_count_rows (ClwDatabase *db,
                     const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

  return clw_test_query_int (db, sql);
}

char *
clw_test_insert (ClwDatabase *db,
                 gpointer     record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwRecord) owned = record;

  clw_record_insert (owned, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  return g_strdup (clw_record_get_id (owned));
}

ClwTestSnapshot *
clw_test_snapshot_take (ClwDatabase *db)
{
  ClwTestSnapshot *snapshot = g_new0 (ClwTestSnapshot, 1);

  snapshot->export = clw_test_export (db);
  snapshot->audit_rows = clw_test_count_rows (db, "audit_log");
  snapshot->search_rows = clw_test_count_rows (db, "search_map");
  return snapshot;
}

void
clw_test_snapshot_free (ClwTestSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->export);
  g_free (snapshot);
}

int
clw_test_run (Suite  *suite,
              int     argc,
              char  **argv)
{
  SRunner *runner = srunner_create (suite);
  gboolean tap = FALSE;
  int failed;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--tap"))
      tap = TRUE;

  if (tap)
    srunner_set_tap (runner, "-");

  srunner_run_all (runner, tap ? CK_SILENT : CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);

  if (tap)
    return 0;
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
