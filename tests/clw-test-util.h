/* clw-test-util.h: what the Check programs of core share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <check.h>
#include <glib.h>

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

#define ck_assert_no_error(err) \
  ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")

G_END_DECLS
