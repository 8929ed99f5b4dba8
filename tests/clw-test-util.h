/* clw-test-util.h: what the Check programs of core share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <check.h>
#include <glib.h>
#include <string.h>

#include "clw-core.h"

G_BEGIN_DECLS

/* Run @suite; with --tap print TAP for meson and exit 0 (meson reads the
 * result from the TAP), otherwise Check's normal report and its status. */
int          clw_test_run               (Suite       *suite,
                                         int          argc,
                                         char       **argv);

/* A fresh temporary folder for this test, removed at exit. */
const char  *clw_test_tmpdir            (void);
/* A path inside it. */
char        *clw_test_path              (const char  *name);

/* A new database in the test's folder, with the reference data loaded. */
ClwDatabase *clw_test_new_database      (void);
/* A new database without reference data (schema only). */
ClwDatabase *clw_test_new_empty_database (void);

/* The id of a row found by SQL, for fixtures: the first column of the first
 * row of @sql (which takes no parameters). */
char        *clw_test_query_string      (ClwDatabase *db,
                                         const char  *sql);
gint64       clw_test_query_int         (ClwDatabase *db,
                                         const char  *sql);

/* A file of the source tree (tests/data/...). */
char        *clw_test_source_path       (const char  *relative);

/* The whole content of a file; fails the test if it cannot be read. */
GBytes      *clw_test_read_file         (const char  *path);
void         clw_test_write_file        (const char  *path,
                                         const void  *data,
                                         gssize       length);
gboolean     clw_test_bytes_equal_file  (GBytes      *bytes,
                                         const char  *path);

/* The whole database in the dataset format, as text. */
char        *clw_test_export            (ClwDatabase *db);
gint64       clw_test_count_rows        (ClwDatabase *db,
                                         const char  *table);

/* Insert @record (transfer full: pass g_object_new (...) straight in), failing
 * the test on error; returns the new row's id. */
char        *clw_test_insert            (ClwDatabase *db,
                                         gpointer     record);

/* What a test compares to prove that a failed operation changed nothing:
 * every row of every data table (as an export) and the audit log. */
typedef struct
{
  char   *export;
  gint64  audit_rows;
  gint64  search_rows;
} ClwTestSnapshot;

ClwTestSnapshot *clw_test_snapshot_take (ClwDatabase     *db);
void             clw_test_snapshot_free (ClwTestSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClwTestSnapshot, clw_test_snapshot_free)

#define ck_assert_no_error(err) \
  ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")

/* @err is in @dom with the code @num and its message contains @fragment. */
#define ck_assert_error(err, dom, num, fragment) \
  G_STMT_START { \
    ck_assert_msg ((err) != NULL, "expected an error containing “%s”, got none", (fragment)); \
    ck_assert_msg ((err)->domain == (dom) && (err)->code == (int) (num), \
                   "expected %s %d, got %s %d: %s", g_quark_to_string (dom), (int) (num), \
                   g_quark_to_string ((err)->domain), (err)->code, (err)->message); \
    ck_assert_msg (strstr ((err)->message, (fragment)) != NULL, \
                   "the message “%s” does not say “%s”", (err)->message, (fragment)); \
  } G_STMT_END

/* The data is as @snap saw it (the audit log may have grown). */
#define ck_assert_same_data(db, snap) \
  G_STMT_START { \
    g_autoptr(ClwTestSnapshot) now__ = clw_test_snapshot_take (db); \
    ck_assert_msg (g_str_equal (now__->export, (snap)->export), "the data differs"); \
    ck_assert_int_eq (now__->search_rows, (snap)->search_rows); \
  } G_STMT_END

/* The database is as @snap saw it, audit log included. */
#define ck_assert_unchanged(db, snap) \
  G_STMT_START { \
    g_autoptr(ClwTestSnapshot) now__ = clw_test_snapshot_take (db); \
    ck_assert_msg (g_str_equal (now__->export, (snap)->export), "the data changed"); \
    ck_assert_int_eq (now__->audit_rows, (snap)->audit_rows); \
    ck_assert_int_eq (now__->search_rows, (snap)->search_rows); \
  } G_STMT_END

G_END_DECLS
