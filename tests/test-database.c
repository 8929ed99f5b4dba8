/* test-database.c: opening, creating, migrating and refusing databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "clw-database-private.h"
#include "clw-test-util.h"

START_TEST (test_new_database_is_private)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = clw_test_path ("new/folder");
  g_autofree char *path = g_build_filename (dir, "clwstwr.db", NULL);
  g_autoptr(ClwDatabase) db = NULL;
  GStatBuf st;

  db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_database_get_version (db), clw_database_get_latest_version ());

  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_eq (g_stat (dir, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);
}
END_TEST

static Suite *
database_suite (void)
{
  Suite *s = suite_create ("database");
  TCase *tc = tcase_create ("open");

  tcase_add_test (tc, test_new_database_is_private);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (database_suite (), argc, argv);
}
