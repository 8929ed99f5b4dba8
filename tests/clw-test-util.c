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
