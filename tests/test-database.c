/* test-database.c: opening, creating, migrating and refusing databases;
 * transactions, the audit log and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "clw-database-private.h"
#include "clw-dataset.h"
#include "clw-test-fixture.h"

/* Raw SQLite, as an older Clwstwr or another program left the file ------------ */

#define OLD_STAMP "2021-10-05T10:00:00.000Z"
#define OLD_BOARD "11111111-1111-4111-8111-111111111111"
#define OLD_CLUSTER "22222222-2222-4222-8222-222222222222"
#define OLD_COLLABORATIVE "33333333-3333-4333-8333-333333333333"
#define OLD_PRACTICE "44444444-4444-4444-8444-444444444444"
#define OLD_MEETING "55555555-5555-4555-8555-555555555555"
#define OLD_EVIDENCE "66666666-6666-4666-8666-666666666666"

static void
old_uuid (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (ctx, g_uuid_string_random (), -1, g_free);
}

static void
old_text (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (ctx, sqlite3_user_data (ctx), -1, SQLITE_STATIC);
}

static void
old_null (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_null (ctx);
}

static void
old_one (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_int (ctx, 1);
}

/* A connection of our own to @path; the audit triggers of a Clwstwr
 * database call functions of the program, so register stand-ins for them
 * as an older version would have had. */
static sqlite3 *
raw_open (const char *path,
          int         flags)
{
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open_v2 (path, &db, flags, NULL), SQLITE_OK);
  sqlite3_create_function (db, "clw_uuid", 0, SQLITE_UTF8, NULL, old_uuid, NULL, NULL);
  sqlite3_create_function (db, "clw_now", 0, SQLITE_UTF8, (void *) OLD_STAMP, old_text, NULL, NULL);
  sqlite3_create_function (db, "clw_user", 0, SQLITE_UTF8, (void *) "Older Clwstwr", old_text, NULL, NULL);
  sqlite3_create_function (db, "clw_change_id", 0, SQLITE_UTF8,
                           (void *) "77777777-7777-4777-8777-777777777777", old_text, NULL, NULL);
  sqlite3_create_function (db, "clw_reverts", 0, SQLITE_UTF8, NULL, old_null, NULL, NULL);
  sqlite3_create_function (db, "clw_audit_enabled", 0, SQLITE_UTF8, NULL, old_one, NULL, NULL);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  ck_assert_msg (rc == SQLITE_OK, "%s: %s", sql, message ? message : "");
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_string (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* The schema as SQLite keeps it, to compare two databases. */
static char *
raw_schema (sqlite3 *db)
{
  return raw_string (db, "SELECT group_concat(type || ' ' || name || ': ' || coalesce(sql, ''), '\n') "
                         "FROM (SELECT * FROM sqlite_schema ORDER BY type, name)");
}

/* Rows an older version would have written, in the columns of version 1,
 * which every later version keeps. */
static const char old_rows_sql[] =
  "BEGIN;"
  "INSERT INTO health_board (id, created_at, updated_at, updated_by, code, name, valid_from) "
  "  VALUES ('" OLD_BOARD "', '" OLD_STAMP "', '" OLD_STAMP "', 'Older Clwstwr', '7A6', "
  "          'Aneurin Bevan University Health Board', '2009-10-01');"
  "INSERT INTO cluster (id, created_at, updated_at, updated_by, health_board_id, code, name, valid_from) "
  "  VALUES ('" OLD_CLUSTER "', '" OLD_STAMP "', '" OLD_STAMP "', 'Older Clwstwr', '" OLD_BOARD "', "
  "          'AB01', 'Blaenau Gwent East', '2010-04-01');"
  "INSERT INTO collaborative (id, created_at, updated_at, updated_by, cluster_id, profession, name) "
  "  VALUES ('" OLD_COLLABORATIVE "', '" OLD_STAMP "', '" OLD_STAMP "', 'Older Clwstwr', '" OLD_CLUSTER "', "
  "          'gp', 'Blaenau Gwent East GP Collaborative');"
  "INSERT INTO practice (id, created_at, updated_at, updated_by, cluster_id, code, name, partners, list_size) "
  "  VALUES ('" OLD_PRACTICE "', '" OLD_STAMP "', '" OLD_STAMP "', 'Older Clwstwr', '" OLD_CLUSTER "', "
  "          'W10001', 'Penybryn Surgery', 2, 3000);"
  "INSERT INTO meeting (id, created_at, updated_at, updated_by, collaborative_id, starts_at, place, status, minutes) "
  "  VALUES ('" OLD_MEETING "', '" OLD_STAMP "', '" OLD_STAMP "', 'Older Clwstwr', '" OLD_COLLABORATIVE "', "
  "          '2021-11-10T13:00', 'Tredegar', 'held', 'The Llanelli pathway was discussed.');"
  "INSERT INTO attendance (id, created_at, updated_at, updated_by, meeting_id, practice_id, status, "
  "                        representative_name, representative_role) "
  "  VALUES ('88888888-8888-4888-8888-888888888888', '" OLD_STAMP "', '" OLD_STAMP "', 'Older Clwstwr', "
  "          '" OLD_MEETING "', '" OLD_PRACTICE "', 'attended', 'Dr Jones', 'clinical-partner');"
  "INSERT INTO action_item (id, created_at, updated_at, updated_by, meeting_id, description, owner, due_on, status) "
  "  VALUES ('99999999-9999-4999-8999-999999999999', '" OLD_STAMP "', '" OLD_STAMP "', 'Older Clwstwr', "
  "          '" OLD_MEETING "', 'Circulate the audit', 'Dr Jones', '2021-12-01', 'open');"
  "INSERT INTO evidence (id, created_at, updated_at, updated_by, kind, title, evidence_on, practice_id, meeting_id) "
  "  VALUES ('" OLD_EVIDENCE "', '" OLD_STAMP "', '" OLD_STAMP "', 'Older Clwstwr', 'peer-review', "
  "          'Peer review of prescribing', '2021-11-10', '" OLD_PRACTICE "', '" OLD_MEETING "');"
  "COMMIT;";

static const char *old_tables[] = {
  "health_board", "cluster", "collaborative", "practice", "meeting", "attendance", "action_item", "evidence",
};

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
side_files_exist (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return file_exists (wal) || file_exists (shm) || file_exists (journal);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  ck_assert_int_eq (g_stat (path, &st), 0);
  return st.st_mode & 0777;
}

/* A Clwstwr database of the latest version at @path, closed again. */
static void
make_latest_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);

  ck_assert_no_error (error);
  clw_dataset_load_reference (db, &error);
  ck_assert_no_error (error);
}

/* Opening and creating ------------------------------------------------------------ */

START_TEST (test_new_database_is_private)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = clw_test_path ("new");
  g_autofree char *dir = g_build_filename (parent, "folder", NULL);
  g_autofree char *path = g_build_filename (dir, "clwstwr.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ClwDatabase) db = NULL;

  db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_database_get_version (db), clw_database_get_latest_version ());
  ck_assert_ptr_null (clw_database_get_backup_path (db));

  ck_assert_uint_eq (file_mode (path), 0600);
  ck_assert_uint_eq (file_mode (dir), 0700);
  ck_assert_uint_eq (file_mode (parent), 0700);

  journal_mode = clw_test_query_string (db, "PRAGMA journal_mode");
  ck_assert_str_eq (journal_mode, "wal");
  ck_assert_int_eq (clw_test_query_int (db, "PRAGMA foreign_keys"), 1);
  ck_assert_int_eq (clw_test_query_int (db, "PRAGMA application_id"), 0x436c7773);

  /* The write-ahead log holds the same data: it is as private. */
  clw_database_set_meta (db, "test", "value", &error);
  ck_assert_no_error (error);
  ck_assert (file_exists (wal));
  ck_assert_uint_eq (file_mode (wal), 0600);

  id = clw_database_get_meta (db, "database-id");
  ck_assert (clw_is_uuid (id));
}
END_TEST

START_TEST (test_missing_without_create)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("missing.db");
  g_autoptr(ClwDatabase) db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);

  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_OPEN, "There is no database");
  ck_assert (!file_exists (path));
}
END_TEST

START_TEST (test_reopen_keeps_everything)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("reopen.db");
  g_autofree char *id_before = NULL;
  g_autofree char *id_after = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  gint64 practices;

  db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);
  ck_assert_no_error (error);
  clw_dataset_load_reference (db, &error);
  ck_assert_no_error (error);
  id_before = clw_database_get_meta (db, "database-id");
  practices = clw_test_count_rows (db, "cluster");
  g_clear_object (&db);

  db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_no_error (error);
  id_after = clw_database_get_meta (db, "database-id");
  ck_assert_str_eq (id_before, id_after);
  ck_assert_int_eq (clw_test_count_rows (db, "cluster"), practices);
  /* Nothing to migrate, so no backup. */
  ck_assert_ptr_null (clw_database_get_backup_path (db));
}
END_TEST

/* Migrations ---------------------------------------------------------------------- */

static char *
make_old_database (int version)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("old-%u-v%d.db", ++counter, version);
  char *path = clw_test_path (name);
  sqlite3 *raw;

  _clw_database_create_at_version (path, version, &error);
  ck_assert_no_error (error);

  raw = raw_open (path, SQLITE_OPEN_READWRITE);
  ck_assert_int_eq (raw_int (raw, "PRAGMA user_version"), version);
  raw_exec (raw, old_rows_sql);
  sqlite3_close (raw);

  ck_assert (!side_files_exist (path));
  return path;
}

/* Every older version migrates to the latest, keeps its data, and leaves a
 * backup of what it was. */
START_TEST (test_migrate_from_every_version)
{
  int version = _i;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_old_database (version);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".db"));
  g_autofree char *pattern = g_strdup_printf ("^%s\\.v%d-backup-[0-9]{8}-[0-9]{6}\\.db$", stem, version);
  g_autofree char *backup_name = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *old_schema = NULL;
  g_autofree char *backup_schema = NULL;
  g_autofree char *reference_path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *backup;
  const char *entry;
  guint n_backups = 0;
  gint64 old_audit_rows;
  sqlite3 *raw;

  raw = raw_open (path, SQLITE_OPEN_READONLY);
  old_schema = raw_schema (raw);
  old_audit_rows = raw_int (raw, "SELECT count(*) FROM audit_log");
  sqlite3_close (raw);
  ck_assert_int_eq (old_audit_rows, G_N_ELEMENTS (old_tables));

  db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_database_get_version (db), clw_database_get_latest_version ());
  ck_assert_int_eq (clw_test_query_int (db, "PRAGMA user_version"), clw_database_get_latest_version ());

  /* The data is all there, and the history with it. */
  for (guint i = 0; i < G_N_ELEMENTS (old_tables); i++)
    ck_assert_int_eq (clw_test_count_rows (db, old_tables[i]), 1);
  ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), old_audit_rows);
  name = clw_test_query_string (db, "SELECT name FROM practice WHERE id = '" OLD_PRACTICE "'");
  ck_assert_str_eq (name, "Penybryn Surgery");

  /* What migration 2 added: the columns of an evidence file, the
   * workforce counts and the search index, built from the old rows. */
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM evidence WHERE sha256 = ''"), 1);
  ck_assert_int_eq (clw_test_count_rows (db, "imtp_workforce"), 0);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM search_index "
                                            "WHERE search_index MATCH 'Penybryn' AND row_id = '" OLD_PRACTICE "'"), 1);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM search_index "
                                            "WHERE search_index MATCH 'Llanelli' AND row_id = '" OLD_MEETING "'"), 1);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM search_index "
                                            "WHERE search_index MATCH 'prescribing' AND row_id = '" OLD_EVIDENCE "'"), 1);

  /* The audit triggers cover every table of the new schema. */
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                            "AND name LIKE 'audit\\_imtp\\_workforce\\_%' ESCAPE '\\'"), 3);

  /* And the migrated database works: a change is audited and indexed. */
  {
    g_autoptr(ClwRecord) practice = clw_record_load (db, CLW_TYPE_PRACTICE, OLD_PRACTICE, &error);
    ck_assert_no_error (error);
    g_object_set (practice, "name", "Penybryn Medical Centre", NULL);
    clw_record_update (practice, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), old_audit_rows + 1);
    ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM search_index "
                                              "WHERE search_index MATCH 'Medical'"), 1);
  }

  /* A migrated database has the schema of a new one. */
  {
    g_autofree char *fresh_path = clw_test_path ("fresh-for-schema.db");
    g_autofree char *fresh_schema = NULL;
    g_autofree char *migrated_schema = NULL;
    g_autoptr(ClwDatabase) fresh = clw_database_open (fresh_path, CLW_DATABASE_OPEN_CREATE, &error);

    ck_assert_no_error (error);
    raw = raw_open (fresh_path, SQLITE_OPEN_READONLY);
    fresh_schema = raw_schema (raw);
    sqlite3_close (raw);
    raw = raw_open (path, SQLITE_OPEN_READONLY);
    migrated_schema = raw_schema (raw);
    sqlite3_close (raw);
    ck_assert_str_eq (migrated_schema, fresh_schema);
  }

  /* The backup: one file beside the database, named after the version it
   * holds and the time it was made, private, with the old content. */
  backup = clw_database_get_backup_path (db);
  ck_assert_ptr_nonnull (backup);
  backup_dir = g_path_get_dirname (backup);
  backup_name = g_path_get_basename (backup);
  ck_assert_str_eq (backup_dir, dir);
  ck_assert_msg (g_regex_match_simple (pattern, backup_name, 0, 0), "backup named %s", backup_name);

  listing = g_dir_open (dir, 0, &error);
  ck_assert_no_error (error);
  while ((entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (entry, stem) && strstr (entry, "backup") != NULL)
      n_backups++;
  ck_assert_uint_eq (n_backups, 1);

  ck_assert_uint_eq (file_mode (backup), 0600);

  raw = raw_open (backup, SQLITE_OPEN_READONLY);
  ck_assert_int_eq (raw_int (raw, "PRAGMA user_version"), version);
  ck_assert_int_eq (raw_int (raw, "PRAGMA application_id"), 0x436c7773);
  backup_schema = raw_schema (raw);
  ck_assert_str_eq (backup_schema, old_schema);
  for (guint i = 0; i < G_N_ELEMENTS (old_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", old_tables[i]);
      ck_assert_int_eq (raw_int (raw, sql), 1);
    }
  ck_assert_int_eq (raw_int (raw, "SELECT count(*) FROM audit_log"), old_audit_rows);
  {
    g_autofree char *old_name = raw_string (raw, "SELECT name FROM practice");
    ck_assert_str_eq (old_name, "Penybryn Surgery");
  }
  ck_assert_int_eq (sqlite3_close (raw), SQLITE_OK);

  /* The backup is a database of that version as this build makes one. */
  reference_path = clw_test_path ("reference-old.db");
  _clw_database_create_at_version (reference_path, version, &error);
  ck_assert_no_error (error);
  raw = raw_open (reference_path, SQLITE_OPEN_READONLY);
  {
    g_autofree char *reference_schema = raw_schema (raw);
    ck_assert_str_eq (reference_schema, backup_schema);
  }
  sqlite3_close (raw);
}
END_TEST

START_TEST (test_failed_migration_changes_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *entry;
  sqlite3 *raw;

  /* Migration 2 creates the table imtp_workforce: a version 1 database
   * that already has one (left by a development build) cannot take it. */
  path = make_old_database (1);
  raw = raw_open (path, SQLITE_OPEN_READWRITE);
  raw_exec (raw, "CREATE TABLE imtp_workforce (role TEXT)");
  sqlite3_close (raw);
  ck_assert (!side_files_exist (path));
  before = clw_test_read_file (path);

  db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_MIGRATION, "0002-evidence-files-workforce-search.sql");
  ck_assert_msg (strstr (error->message, "version 2") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "imtp_workforce") != NULL, "%s", error->message);

  /* The same bytes, the same version, nothing beside it. */
  ck_assert (clw_test_bytes_equal_file (before, path));
  ck_assert (!side_files_exist (path));
  raw = raw_open (path, SQLITE_OPEN_READONLY);
  ck_assert_int_eq (raw_int (raw, "PRAGMA user_version"), 1);
  sqlite3_close (raw);
  ck_assert (clw_test_bytes_equal_file (before, path));

  /* The backup made before migrating is not needed: the file is intact. */
  g_clear_error (&error);
  dir = g_path_get_dirname (path);
  stem = g_path_get_basename (path);
  stem[strlen (stem) - strlen (".db")] = '\0';
  listing = g_dir_open (dir, 0, &error);
  ck_assert_no_error (error);
  while ((entry = g_dir_read_name (listing)) != NULL)
    ck_assert_msg (!g_str_has_prefix (entry, stem) || strstr (entry, "backup") == NULL,
                   "a backup was left: %s", entry);
}
END_TEST

/* Refusing what is not ours, or not whole --------------------------------------------- */

START_TEST (test_too_new_refused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("newer.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", clw_database_get_latest_version () + 1);
  g_autofree char *expected = g_strdup_printf ("database version %d", clw_database_get_latest_version () + 1);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  sqlite3 *raw;

  make_latest_database (path);
  raw = raw_open (path, SQLITE_OPEN_READWRITE);
  raw_exec (raw, sql);
  sqlite3_close (raw);
  ck_assert (!side_files_exist (path));
  before = clw_test_read_file (path);

  db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_TOO_NEW, expected);
  ck_assert (clw_test_bytes_equal_file (before, path));
  ck_assert (!side_files_exist (path));

  /* Not for reading either. */
  g_clear_error (&error);
  db = clw_database_open (path, CLW_DATABASE_OPEN_READ_ONLY, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_TOO_NEW, expected);
  ck_assert (clw_test_bytes_equal_file (before, path));
  ck_assert (!side_files_exist (path));
}
END_TEST

/* A database of the latest version, closed, with the middle of one of its
 * practice table's pages overwritten; its path. */
static char *
make_damaged_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree char *contents = NULL;
  char *path;
  gsize length;
  gint64 page_size;
  gint64 page;

  /* Enough practices to fill pages of their own. */
  db = clw_test_new_database ();
  {
    g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);

    clw_database_begin (db, &error);
    ck_assert_no_error (error);
    for (int i = 0; i < 300; i++)
      {
        g_autofree char *code = g_strdup_printf ("W3%04d", i);
        g_autofree char *id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                                                 "cluster-id", fixture->cluster_id,
                                                                 "code", code,
                                                                 "name", "A practice with quite a long name",
                                                                 NULL));
      }
    clw_database_commit (db, &error);
    ck_assert_no_error (error);
  }
  path = g_strdup (clw_database_get_path (db));
  page_size = clw_test_query_int (db, "PRAGMA page_size");
  page = clw_test_query_int (db, "SELECT pageno FROM dbstat WHERE name = 'practice' AND pagetype = 'leaf' "
                                 "ORDER BY pageno LIMIT 1 OFFSET 2");
  ck_assert_int_gt (page, 1);
  g_clear_object (&db);
  ck_assert (!side_files_exist (path));

  /* Overwrite the middle of one of the table's pages. */
  g_file_get_contents (path, &contents, &length, &error);
  ck_assert_no_error (error);
  memset (contents + (page - 1) * page_size + page_size / 2 - 256, 0x5a, 512);
  clw_test_write_file (path, contents, length);
  g_chmod (path, 0600);
  return path;
}

START_TEST (test_damaged_page_refused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_damaged_database ();
  g_autoptr(GBytes) before = clw_test_read_file (path);
  g_autoptr(ClwDatabase) db = NULL;

  db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED, "integrity check failed");
  ck_assert_msg (strstr (error->message, "backup") != NULL, "%s", error->message);
  ck_assert (clw_test_bytes_equal_file (before, path));
  ck_assert (!side_files_exist (path));
}
END_TEST

START_TEST (test_garbage_after_header_refused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("garbage.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree guint8 *data = g_malloc (8192);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 8192; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  memcpy (data, "SQLite format 3", 16);
  clw_test_write_file (path, data, 8192);
  before = clw_test_read_file (path);

  db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED, "damaged");
  ck_assert (clw_test_bytes_equal_file (before, path));
  ck_assert (!side_files_exist (path));
}
END_TEST

START_TEST (test_text_file_refused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("notes.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  static const char text[] = "Minutes of the meeting of 10 November 2021.\nPresent: ...\n";

  clw_test_write_file (path, text, -1);
  before = clw_test_read_file (path);

  db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_DATABASE, "not an SQLite file");
  ck_assert (clw_test_bytes_equal_file (before, path));
  ck_assert (!side_files_exist (path));
}
END_TEST

START_TEST (test_other_program_refused)
{
  /* Another program's database (its own application_id), and a plain
   * SQLite database with tables but no application_id at all. */
  static const char *setups[] = {
    "PRAGMA application_id = 1234; CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);"
    "INSERT INTO accounts (name) VALUES ('cash');",
    "CREATE TABLE practice (id TEXT PRIMARY KEY, name TEXT); INSERT INTO practice VALUES ('x', 'y');",
  };

  for (guint i = 0; i < G_N_ELEMENTS (setups); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("other-%u.db", i);
      g_autofree char *path = clw_test_path (name);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(ClwDatabase) db = NULL;
      sqlite3 *raw = raw_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

      raw_exec (raw, setups[i]);
      sqlite3_close (raw);
      before = clw_test_read_file (path);

      db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);
      ck_assert_ptr_null (db);
      ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_DATABASE, "not a Clwstwr database");
      ck_assert (clw_test_bytes_equal_file (before, path));
      ck_assert (!side_files_exist (path));
    }
}
END_TEST

START_TEST (test_empty_file_initialised)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("empty.db");
  g_autofree char *id = NULL;
  g_autoptr(ClwDatabase) db = NULL;

  /* A file created and never written (a process killed at the wrong
   * moment, or `touch`), readable by others as files are by default. */
  clw_test_write_file (path, "", 0);
  g_chmod (path, 0644);

  db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_database_get_version (db), clw_database_get_latest_version ());
  id = clw_database_get_meta (db, "database-id");
  ck_assert (clw_is_uuid (id));
  ck_assert_int_eq (clw_test_count_rows (db, "practice"), 0);
  /* It holds health board data now: as private as a new file. */
  ck_assert_uint_eq (file_mode (path), 0600);
}
END_TEST

/* The audit log ----------------------------------------------------------------------- */

typedef struct
{
  char *at;
  char *user;
  char *table_name;
  char *row_id;
  char *action;
  char *old_values;
  char *new_values;
  char *change_id;
} AuditRow;

static void
audit_row_free (AuditRow *row)
{
  g_free (row->at);
  g_free (row->user);
  g_free (row->table_name);
  g_free (row->row_id);
  g_free (row->action);
  g_free (row->old_values);
  g_free (row->new_values);
  g_free (row->change_id);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuditRow, audit_row_free)

static AuditRow *
last_audit_row (ClwDatabase *db)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db,
                                                   "SELECT at, user, table_name, row_id, action, "
                                                   "old_values, new_values, change_id "
                                                   "FROM audit_log ORDER BY rowid DESC LIMIT 1", NULL);
  AuditRow *row = g_new0 (AuditRow, 1);

  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  row->at = _clw_column_dup (stmt, 0);
  row->user = _clw_column_dup (stmt, 1);
  row->table_name = _clw_column_dup (stmt, 2);
  row->row_id = _clw_column_dup (stmt, 3);
  row->action = _clw_column_dup (stmt, 4);
  row->old_values = _clw_column_dup (stmt, 5);
  row->new_values = _clw_column_dup (stmt, 6);
  row->change_id = _clw_column_dup (stmt, 7);
  return row;
}

static char *
json_field (ClwDatabase *db,
            const char  *json,
            const char  *path)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT json_extract(?1, ?2)", NULL);

  _clw_bind_text (stmt, 1, json);
  _clw_bind_text (stmt, 2, path);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  return _clw_column_dup (stmt, 0);
}

START_TEST (test_audit_insert_update_delete)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(ClwRecord) practice = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 n_rows;

  clw_database_set_user (db, "Eleri Morgan");
  n_rows = clw_test_count_rows (db, "audit_log");

  /* Insert. */
  before = clw_timestamp_now ();
  practice = g_object_new (CLW_TYPE_PRACTICE,
                           "cluster-id", fixture->cluster_id,
                           "code", "W19999",
                           "name", "Cwm Surgery",
                           "partners", 3,
                           NULL);
  clw_record_insert (practice, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  after = clw_timestamp_now ();
  ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), n_rows + 1);
  {
    g_autoptr(AuditRow) row = last_audit_row (db);
    g_autofree char *code = json_field (db, row->new_values, "$.code");
    g_autofree char *partners = json_field (db, row->new_values, "$.partners");
    g_autofree char *by = json_field (db, row->new_values, "$.updated_by");

    ck_assert_str_eq (row->user, "Eleri Morgan");
    ck_assert_str_eq (row->table_name, "practice");
    ck_assert_str_eq (row->row_id, clw_record_get_id (practice));
    ck_assert_str_eq (row->action, "insert");
    ck_assert_ptr_null (row->old_values);
    ck_assert_str_eq (code, "W19999");
    ck_assert_str_eq (partners, "3");
    ck_assert_str_eq (by, "Eleri Morgan");
    /* When: a UTC time of this transaction. */
    ck_assert_msg (g_strcmp0 (before, row->at) <= 0 && g_strcmp0 (row->at, after) <= 0,
                   "%s is not between %s and %s", row->at, before, after);
    ck_assert (clw_is_uuid (row->change_id));
  }

  /* Update: one row, with the old and the new values. */
  g_object_set (practice, "name", "Cwm Medical Practice", NULL);
  clw_record_update (practice, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), n_rows + 2);
  {
    g_autoptr(AuditRow) row = last_audit_row (db);
    g_autofree char *old_name = json_field (db, row->old_values, "$.name");
    g_autofree char *new_name = json_field (db, row->new_values, "$.name");

    ck_assert_str_eq (row->action, "update");
    ck_assert_str_eq (row->user, "Eleri Morgan");
    ck_assert_str_eq (row->row_id, clw_record_get_id (practice));
    ck_assert_str_eq (old_name, "Cwm Surgery");
    ck_assert_str_eq (new_name, "Cwm Medical Practice");
  }

  /* An update that changes nothing writes nothing, not even the time. */
  {
    g_autofree char *updated_at = g_strdup (clw_record_get_updated_at (practice));
    g_autoptr(ClwRecord) same = clw_record_copy (practice);

    clw_record_update (same, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), n_rows + 2);
    g_clear_object (&same);
    same = clw_record_load (db, CLW_TYPE_PRACTICE, clw_record_get_id (practice), &error);
    ck_assert_no_error (error);
    ck_assert_str_eq (clw_record_get_updated_at (same), updated_at);
  }

  /* Delete. */
  clw_record_delete (practice, db, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), n_rows + 3);
  {
    g_autoptr(AuditRow) row = last_audit_row (db);
    g_autofree char *old_name = json_field (db, row->old_values, "$.name");

    ck_assert_str_eq (row->action, "delete");
    ck_assert_str_eq (row->table_name, "practice");
    ck_assert_str_eq (row->row_id, clw_record_get_id (practice));
    ck_assert_str_eq (old_name, "Cwm Medical Practice");
    ck_assert_ptr_null (row->new_values);
  }
}
END_TEST

START_TEST (test_audit_rollback_leaves_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(ClwTestSnapshot) snapshot = clw_test_snapshot_take (db);
  g_autofree char *id = NULL;

  clw_database_begin (db, &error);
  ck_assert_no_error (error);
  id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                          "cluster-id", fixture->cluster_id,
                                          "code", "W19998",
                                          "name", "Rolled Back Surgery",
                                          NULL));
  ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), snapshot->audit_rows + 1);
  clw_database_rollback (db);

  ck_assert (!clw_database_in_transaction (db));
  ck_assert (!clw_record_exists (db, CLW_TYPE_PRACTICE, id));
  ck_assert_unchanged (db, snapshot);
}
END_TEST

START_TEST (test_audit_disabled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  gint64 audit_rows = clw_test_count_rows (db, "audit_log");
  const char *label;
  g_autofree char *id = NULL;

  clw_database_begin (db, &error);
  ck_assert_no_error (error);
  clw_database_set_change_label (db, "Before");
  clw_database_commit (db, &error);
  ck_assert_no_error (error);
  label = clw_database_get_undo_label (db);

  /* Generated demo data has no history, and nothing to undo. */
  _clw_database_set_audit (db, FALSE);
  id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                          "cluster-id", fixture->cluster_id,
                                          "code", "W16001",
                                          "name", "Demo Surgery",
                                          NULL));
  ck_assert (clw_record_exists (db, CLW_TYPE_PRACTICE, id));
  ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), audit_rows);
  ck_assert_pstr_eq (clw_database_get_undo_label (db), label);

  _clw_database_set_audit (db, TRUE);
  g_free (id);
  id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                          "cluster-id", fixture->cluster_id,
                                          "code", "W16002",
                                          "name", "Real Surgery",
                                          NULL));
  ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), audit_rows + 1);
}
END_TEST

START_TEST (test_reference_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_empty_database ();
  g_autoptr(GDate) frozen = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;

  /* Demo data is frozen at a date of its own. */
  clw_database_set_meta (db, "reference-date", "2022-03-15", &error);
  ck_assert_no_error (error);
  frozen = clw_database_get_today (db);
  ck_assert_int_eq (g_date_get_year (frozen), 2022);
  ck_assert_int_eq (g_date_get_month (frozen), 3);
  ck_assert_int_eq (g_date_get_day (frozen), 15);

  clw_database_set_meta (db, "reference-date", NULL, &error);
  ck_assert_no_error (error);
  today = clw_database_get_today (db);
  after = g_date_time_new_now_local ();
  ck_assert (g_date_get_year (today) == (GDateYear) g_date_time_get_year (before) ||
             g_date_get_year (today) == (GDateYear) g_date_time_get_year (after));
  ck_assert (g_date_get_day_of_year (today) == (guint) g_date_time_get_day_of_year (before) ||
             g_date_get_day_of_year (today) == (guint) g_date_time_get_day_of_year (after));
}
END_TEST

/* Undo -------------------------------------------------------------------------------- */

typedef struct
{
  guint       n_emissions;
  GHashTable *tables;
} ChangedLog;

static void
changed_cb (ClwDatabase  *db,
            const char  **tables,
            ChangedLog   *log)
{
  log->n_emissions++;
  for (guint i = 0; tables[i] != NULL; i++)
    g_hash_table_add (log->tables, g_strdup (tables[i]));
}

static void
changed_log_reset (ChangedLog *log)
{
  log->n_emissions = 0;
  g_hash_table_remove_all (log->tables);
}

START_TEST (test_undo_insert_update_delete)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(ClwTestSnapshot) at_start = NULL;
  g_autoptr(ClwTestSnapshot) inserted = NULL;
  g_autoptr(ClwRecord) practice = NULL;
  ChangedLog log = { 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &log);

  at_start = clw_test_snapshot_take (db);

  /* Undo an insert. */
  practice = g_object_new (CLW_TYPE_PRACTICE,
                           "cluster-id", fixture->cluster_id,
                           "code", "W19997",
                           "name", "Undo Surgery",
                           NULL);
  clw_database_begin (db, &error);
  ck_assert_no_error (error);
  clw_database_set_change_label (db, "Add a practice");
  clw_record_insert (practice, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);
  clw_database_commit (db, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (log.n_emissions, 1);
  ck_assert (g_hash_table_contains (log.tables, "practice"));
  ck_assert (clw_database_can_undo (db));
  ck_assert_str_eq (clw_database_get_undo_label (db), "Add a practice");

  inserted = clw_test_snapshot_take (db);
  changed_log_reset (&log);
  clw_database_undo (db, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_record_exists (db, CLW_TYPE_PRACTICE, clw_record_get_id (practice)));
  ck_assert_same_data (db, at_start);
  ck_assert_uint_eq (log.n_emissions, 1);
  ck_assert (g_hash_table_contains (log.tables, "practice"));
  /* The undo is in the log too, saying what it reverted. */
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM audit_log WHERE reverts IS NOT NULL"), 1);

  /* Undo an update: the row is back as it was, metadata and all. */
  {
    g_autoptr(ClwRecord) again = g_object_new (CLW_TYPE_PRACTICE,
                                               "cluster-id", fixture->cluster_id,
                                               "code", "W19996",
                                               "name", "Before Surgery",
                                               "list-size", 4000,
                                               NULL);
    g_autoptr(ClwTestSnapshot) before_update = NULL;
    g_autofree char *found = NULL;

    clw_record_insert (again, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    before_update = clw_test_snapshot_take (db);

    clw_database_set_user (db, "Someone Else");
    g_object_set (again, "name", "After Surgery", "list-size", 4100, NULL);
    clw_record_update (again, db, CLW_WRITE_DEFAULT, &error);
    ck_assert_no_error (error);
    {
      g_autofree char *changed = clw_test_export (db);
      ck_assert_str_ne (changed, before_update->export);
    }

    clw_database_undo (db, &error);
    ck_assert_no_error (error);
    ck_assert_same_data (db, before_update);
    /* The search index follows. */
    found = clw_test_query_string (db, "SELECT row_id FROM search_index WHERE search_index MATCH 'Before'");
    ck_assert_str_eq (found, clw_record_get_id (again));
    ck_assert_int_eq (clw_test_query_int (db, "SELECT count(*) FROM search_index WHERE search_index MATCH 'After'"), 0);

    /* Undo a delete. */
    clw_record_delete (again, db, &error);
    ck_assert_no_error (error);
    ck_assert (!clw_record_exists (db, CLW_TYPE_PRACTICE, clw_record_get_id (again)));
    clw_database_undo (db, &error);
    ck_assert_no_error (error);
    ck_assert_same_data (db, before_update);
  }

  g_hash_table_unref (log.tables);
}
END_TEST

START_TEST (test_undo_cascading_delete)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(ClwTestSnapshot) before = NULL;
  g_autoptr(ClwRecord) meeting = NULL;
  g_autofree char *attendance1 = NULL;
  g_autofree char *attendance2 = NULL;
  g_autofree char *action = NULL;
  g_autofree char *agenda = NULL;
  ChangedLog log = { 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  attendance1 = clw_test_insert (db, g_object_new (CLW_TYPE_ATTENDANCE,
                                                   "meeting-id", fixture->meeting_id,
                                                   "practice-id", fixture->small_id,
                                                   "status", CLW_ATTENDANCE_STATUS_ATTENDED,
                                                   "representative-name", "Dr Evans",
                                                   "representative-role", "clinical-partner",
                                                   NULL));
  attendance2 = clw_test_insert (db, g_object_new (CLW_TYPE_ATTENDANCE,
                                                   "meeting-id", fixture->meeting_id,
                                                   "practice-id", fixture->large_id,
                                                   "status", CLW_ATTENDANCE_STATUS_APOLOGIES,
                                                   NULL));
  action = clw_test_insert (db, g_object_new (CLW_TYPE_ACTION_ITEM,
                                              "meeting-id", fixture->meeting_id,
                                              "description", "Share the audit",
                                              "owner", "Dr Evans",
                                              "due-on", "2021-12-01",
                                              NULL));
  agenda = clw_test_insert (db, g_object_new (CLW_TYPE_AGENDA_ITEM,
                                              "meeting-id", fixture->meeting_id,
                                              "title", "Welcome",
                                              NULL));
  before = clw_test_snapshot_take (db);

  meeting = clw_record_load (db, CLW_TYPE_MEETING, fixture->meeting_id, &error);
  ck_assert_no_error (error);
  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &log);
  clw_record_delete (meeting, db, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_record_exists (db, CLW_TYPE_ATTENDANCE, attendance1));
  ck_assert (!clw_record_exists (db, CLW_TYPE_ATTENDANCE, attendance2));
  ck_assert (!clw_record_exists (db, CLW_TYPE_ACTION_ITEM, action));
  ck_assert (!clw_record_exists (db, CLW_TYPE_AGENDA_ITEM, agenda));
  ck_assert_uint_eq (log.n_emissions, 1);
  ck_assert (g_hash_table_contains (log.tables, "meeting"));
  ck_assert (g_hash_table_contains (log.tables, "attendance"));
  ck_assert (g_hash_table_contains (log.tables, "action_item"));
  ck_assert (g_hash_table_contains (log.tables, "agenda_item"));

  /* One change: the meeting and the rows that went with it. */
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(DISTINCT change_id) FROM audit_log "
                                            "WHERE rowid > (SELECT max(rowid) - 5 FROM audit_log)"), 1);

  changed_log_reset (&log);
  clw_database_undo (db, &error);
  ck_assert_no_error (error);
  ck_assert_same_data (db, before);
  ck_assert_uint_eq (log.n_emissions, 1);
  ck_assert (g_hash_table_contains (log.tables, "meeting"));
  ck_assert (g_hash_table_contains (log.tables, "attendance"));
  ck_assert (g_hash_table_contains (log.tables, "action_item"));

  g_hash_table_unref (log.tables);
}
END_TEST

START_TEST (test_undo_conflict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autofree char *path = g_strdup (clw_database_get_path (db));
  g_autoptr(ClwDatabase) other = NULL;
  g_autoptr(ClwRecord) mine = NULL;
  g_autoptr(ClwRecord) theirs = NULL;
  g_autoptr(ClwTestSnapshot) snapshot = NULL;
  ChangedLog log = { 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  /* A new session, with nothing to undo yet. */
  g_clear_object (&db);
  db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_database_can_undo (db));

  /* I rename a practice; someone else (another window, a sync) renames it
   * again; my undo would throw their change away. */
  mine = clw_record_load (db, CLW_TYPE_PRACTICE, fixture->small_id, &error);
  ck_assert_no_error (error);
  g_object_set (mine, "name", "Mine", NULL);
  clw_record_update (mine, db, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  other = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_no_error (error);
  theirs = clw_record_load (other, CLW_TYPE_PRACTICE, fixture->small_id, &error);
  ck_assert_no_error (error);
  g_object_set (theirs, "name", "Theirs", NULL);
  clw_record_update (theirs, other, CLW_WRITE_DEFAULT, &error);
  ck_assert_no_error (error);

  snapshot = clw_test_snapshot_take (db);
  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &log);
  ck_assert (clw_database_can_undo (db));
  clw_database_undo (db, &error);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_UNDO_CONFLICT, "changed again");
  ck_assert_unchanged (db, snapshot);
  ck_assert (!clw_database_in_transaction (db));
  ck_assert_uint_eq (log.n_emissions, 0);

  /* The change cannot be undone any more; there was nothing before it
   * through this connection. */
  g_clear_error (&error);
  ck_assert (!clw_database_can_undo (db));
  clw_database_undo (db, &error);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOTHING_TO_UNDO, "nothing to undo");
  ck_assert_unchanged (db, snapshot);

  g_hash_table_unref (log.tables);
}
END_TEST

START_TEST (test_nothing_to_undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("fresh.db");
  g_autoptr(ClwDatabase) db = clw_database_open (path, CLW_DATABASE_OPEN_CREATE, &error);

  ck_assert_no_error (error);
  ck_assert (!clw_database_can_undo (db));
  ck_assert_ptr_null (clw_database_get_undo_label (db));
  ck_assert (!clw_database_undo (db, &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOTHING_TO_UNDO, "nothing to undo");
}
END_TEST

/* Transactions ------------------------------------------------------------------------ */

START_TEST (test_nested_inner_rollback_keeps_outer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autofree char *outer = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *after = NULL;
  gint64 audit_rows = clw_test_count_rows (db, "audit_log");

  clw_database_begin (db, &error);
  ck_assert_no_error (error);
  clw_database_set_change_label (db, "Outer work");
  outer = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                             "cluster-id", fixture->cluster_id,
                                             "code", "W18001",
                                             "name", "Outer Surgery",
                                             NULL));

  clw_database_begin (db, &error);
  ck_assert_no_error (error);
  clw_database_set_change_label (db, "Inner work");
  inner = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                             "cluster-id", fixture->cluster_id,
                                             "code", "W18002",
                                             "name", "Inner Surgery",
                                             NULL));
  clw_database_rollback (db);
  ck_assert (clw_database_in_transaction (db));

  /* The outer transaction carries on after the inner one failed. */
  after = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                             "cluster-id", fixture->cluster_id,
                                             "code", "W18003",
                                             "name", "After Surgery",
                                             NULL));
  clw_database_commit (db, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_database_in_transaction (db));

  ck_assert (clw_record_exists (db, CLW_TYPE_PRACTICE, outer));
  ck_assert (!clw_record_exists (db, CLW_TYPE_PRACTICE, inner));
  ck_assert (clw_record_exists (db, CLW_TYPE_PRACTICE, after));
  ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), audit_rows + 2);
  ck_assert_int_eq (clw_test_query_int (db, "SELECT count(DISTINCT change_id) FROM audit_log "
                                            "WHERE rowid > (SELECT max(rowid) - 2 FROM audit_log)"), 1);

  /* One change, labelled by the outermost transaction; undone whole. */
  ck_assert_str_eq (clw_database_get_undo_label (db), "Outer work");
  clw_database_undo (db, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_record_exists (db, CLW_TYPE_PRACTICE, outer));
  ck_assert (!clw_record_exists (db, CLW_TYPE_PRACTICE, after));
}
END_TEST

START_TEST (test_failed_commit_leaves_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClwDatabase) db = clw_test_new_database ();
  g_autoptr(ClwTestFixture) fixture = clw_test_fixture_new (db);
  g_autoptr(ClwTestSnapshot) snapshot = clw_test_snapshot_take (db);
  g_autoptr(ClwRecord) orphan = NULL;
  g_autofree char *good = NULL;
  g_autofree char *missing = clw_uuid_new ();
  gboolean could_undo = clw_database_can_undo (db);
  ChangedLog log = { 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &log);

  clw_database_begin (db, &error);
  ck_assert_no_error (error);
  good = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                            "cluster-id", fixture->cluster_id,
                                            "code", "W18004",
                                            "name", "Good Surgery",
                                            NULL));
  /* A row whose reference is only checked when the transaction commits
   * (foreign keys are deferred). */
  orphan = g_object_new (CLW_TYPE_PRACTICE,
                         "cluster-id", missing,
                         "code", "W18005",
                         "name", "Orphan Surgery",
                         NULL);
  clw_record_insert (orphan, db, CLW_WRITE_SKIP_RULES, &error);
  ck_assert_no_error (error);

  ck_assert (!clw_database_commit (db, &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_SQL, "FOREIGN KEY");
  ck_assert (!clw_database_in_transaction (db));
  ck_assert (!clw_record_exists (db, CLW_TYPE_PRACTICE, good));
  ck_assert_unchanged (db, snapshot);
  ck_assert (clw_database_can_undo (db) == could_undo);
  ck_assert_uint_eq (log.n_emissions, 0);

  /* The connection is usable again. */
  g_clear_error (&error);
  g_free (good);
  good = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                            "cluster-id", fixture->cluster_id,
                                            "code", "W18004",
                                            "name", "Good Surgery",
                                            NULL));
  ck_assert (clw_record_exists (db, CLW_TYPE_PRACTICE, good));

  g_hash_table_unref (log.tables);
}
END_TEST

START_TEST (test_read_only_cannot_write)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("read-only.db");
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwRecord) practice = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *before = NULL;
  gint64 audit_rows;

  make_latest_database (path);

  db = clw_database_open (path, CLW_DATABASE_OPEN_READ_ONLY, &error);
  ck_assert_no_error (error);
  ck_assert (clw_database_is_read_only (db));
  before = clw_test_export (db);
  audit_rows = clw_test_count_rows (db, "audit_log");
  cluster = clw_test_query_string (db, "SELECT id FROM cluster WHERE code = 'AB01'");

  ck_assert (!clw_database_begin (db, &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY, "reading only");
  g_clear_error (&error);

  practice = g_object_new (CLW_TYPE_PRACTICE,
                           "cluster-id", cluster,
                           "code", "W17001",
                           "name", "Read Only Surgery",
                           NULL);
  ck_assert (!clw_record_insert (practice, db, CLW_WRITE_DEFAULT, &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY, "reading only");
  g_clear_error (&error);

  ck_assert (!clw_database_set_meta (db, "key", "value", &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY, "cannot be written");
  g_clear_error (&error);

  ck_assert (!clw_database_exec (db, "DELETE FROM practice", &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY, "cannot be written");
  g_clear_error (&error);

  {
    g_autofree char *after = clw_test_export (db);
    ck_assert_str_eq (after, before);
    ck_assert_int_eq (clw_test_count_rows (db, "audit_log"), audit_rows);
  }
}
END_TEST

START_TEST (test_read_only_needs_migration)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_old_database (clw_database_get_latest_version () - 1);
  g_autoptr(GBytes) before = clw_test_read_file (path);
  g_autoptr(ClwDatabase) db = clw_database_open (path, CLW_DATABASE_OPEN_READ_ONLY, &error);

  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY, "needs updating");
  ck_assert (clw_test_bytes_equal_file (before, path));
}
END_TEST

/* The integrity check left for later ------------------------------------------ */

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = clw_database_verify_finish (CLW_DATABASE (source), result, error);

  ck_assert (ok == (*error == NULL));
  g_object_set_data (source, "test-verified", GINT_TO_POINTER (1));
}

/* Run the deferred check to its end; FALSE with @error when it failed. */
static gboolean
verify (ClwDatabase   *db,
        GCancellable  *cancellable,
        GError       **error)
{
  g_object_set_data (G_OBJECT (db), "test-verified", NULL);
  clw_database_verify_async (db, cancellable, verify_done_cb, error);
  while (g_object_get_data (G_OBJECT (db), "test-verified") == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *error == NULL;
}

/* Every write is refused, with the reason, while the check is pending. */
static void
assert_writes_refused (ClwDatabase *db,
                       ClwDbError   code,
                       const char  *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cluster = clw_test_query_string (db, "SELECT id FROM cluster WHERE code = 'AB01'");
  g_autoptr(ClwRecord) practice = NULL;

  ck_assert (!clw_database_begin (db, &error));
  ck_assert_error (error, CLW_DB_ERROR, code, fragment);
  ck_assert (!clw_database_in_transaction (db));
  g_clear_error (&error);

  practice = g_object_new (CLW_TYPE_PRACTICE,
                           "cluster-id", cluster,
                           "code", "W17002",
                           "name", "Unchecked Surgery",
                           NULL);
  ck_assert (!clw_record_insert (practice, db, CLW_WRITE_DEFAULT, &error));
  ck_assert_error (error, CLW_DB_ERROR, code, fragment);
  g_clear_error (&error);

  ck_assert (!clw_database_set_meta (db, "key", "value", &error));
  ck_assert_error (error, CLW_DB_ERROR, code, fragment);
  g_clear_error (&error);

  /* Even SQL run past the transactions. */
  ck_assert (!clw_database_exec (db, "DELETE FROM practice", &error));
  ck_assert_error (error, CLW_DB_ERROR, code, fragment);
  g_clear_error (&error);
  ck_assert (!clw_database_exec (db, "PRAGMA user_version = 1", &error));
  ck_assert_error (error, CLW_DB_ERROR, code, fragment);
  g_clear_error (&error);
}

START_TEST (test_check_later_refuses_writes_until_checked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("later.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *cluster = NULL;
  g_autofree char *id = NULL;

  make_latest_database (path);
  before = clw_test_read_file (path);

  db = clw_database_open (path, CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_database_is_verified (db));

  /* Reading, and the queries' temporary tables, work at once. */
  exported = clw_test_export (db);
  ck_assert_int_gt (clw_test_count_rows (db, "cluster"), 0);
  {
    g_autoptr(ClwQaifReport) report = clw_qaif_evaluate (db, "2022-23", CLW_SCOPE_ALL, NULL, NULL, &error);
    ck_assert_no_error (error);
    ck_assert_ptr_nonnull (report);
  }

  assert_writes_refused (db, CLW_DB_ERROR_CHECKING, "still being checked");

  /* Nothing reached the file. */
  g_clear_object (&db);
  ck_assert (clw_test_bytes_equal_file (before, path));
  ck_assert (!side_files_exist (path));

  db = clw_database_open (path, CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_no_error (error);
  ck_assert (verify (db, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (clw_database_is_verified (db));

  /* Checked: it writes as any other, the audit log and undo included. */
  cluster = clw_test_query_string (db, "SELECT id FROM cluster WHERE code = 'AB01'");
  id = clw_test_insert (db, g_object_new (CLW_TYPE_PRACTICE,
                                          "cluster-id", cluster,
                                          "code", "W17003",
                                          "name", "Checked Surgery",
                                          NULL));
  ck_assert (clw_record_exists (db, CLW_TYPE_PRACTICE, id));
  ck_assert (clw_database_can_undo (db));
  ck_assert (clw_database_set_meta (db, "key", "value", &error));
  ck_assert_no_error (error);

  /* Once checked, checking again is at once. */
  ck_assert (verify (db, NULL, &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_check_later_finds_damage)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_damaged_database ();
  g_autoptr(GBytes) before = clw_test_read_file (path);
  g_autoptr(ClwDatabase) db = NULL;

  /* The cheap checks pass: the damage is in the middle of the file. */
  db = clw_database_open (path, CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_database_is_verified (db));

  ck_assert (!verify (db, NULL, &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED, "integrity check failed");
  ck_assert_msg (strstr (error->message, "backup") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert (!clw_database_is_verified (db));

  /* Never written, and asked again, the same answer at once. */
  assert_writes_refused (db, CLW_DB_ERROR_DAMAGED, "integrity check failed");
  ck_assert (!verify (db, NULL, &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED, "integrity check failed");

  g_clear_object (&db);
  ck_assert (clw_test_bytes_equal_file (before, path));
  ck_assert (!side_files_exist (path));
}
END_TEST

START_TEST (test_check_later_cancelled)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("cancelled.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ClwDatabase) db = NULL;

  make_latest_database (path);
  db = clw_database_open (path, CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_no_error (error);

  /* A check given up proves nothing: still unchecked, and it can run again. */
  g_cancellable_cancel (cancellable);
  ck_assert (!verify (db, cancellable, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  ck_assert (!clw_database_is_verified (db));
  assert_writes_refused (db, CLW_DB_ERROR_CHECKING, "still being checked");

  ck_assert (verify (db, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (clw_database_is_verified (db));
}
END_TEST

START_TEST (test_check_later_by_check_integrity)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("checked-here.db");
  g_autoptr(ClwDatabase) db = NULL;

  make_latest_database (path);

  /* Opened the usual way, it is checked already. */
  db = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_no_error (error);
  ck_assert (clw_database_is_verified (db));
  g_clear_object (&db);

  /* The check run on the connection itself counts too. */
  db = clw_database_open (path, CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_no_error (error);
  ck_assert (!clw_database_is_verified (db));
  ck_assert (clw_database_check_integrity (db, &error));
  ck_assert_no_error (error);
  ck_assert (clw_database_is_verified (db));
  ck_assert (clw_database_set_meta (db, "key", "value", &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_check_later_in_use)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("in-use.db");
  g_autoptr(ClwDatabase) writer = NULL;
  g_autoptr(ClwDatabase) db = NULL;

  make_latest_database (path);

  /* Another connection has it open (a -wal beside it): the cheap checks
   * read it through SQLite, and the full one is still left for later. */
  writer = clw_database_open (path, CLW_DATABASE_OPEN_DEFAULT, &error);
  ck_assert_no_error (error);
  ck_assert (clw_database_set_meta (writer, "key", "value", &error));
  ck_assert_no_error (error);
  ck_assert (side_files_exist (path));

  db = clw_database_open (path, CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_database_get_version (db), clw_database_get_latest_version ());
  ck_assert (!clw_database_is_verified (db));
  {
    g_autofree char *value = clw_database_get_meta (db, "key");
    ck_assert_str_eq (value, "value");
  }
  ck_assert (verify (db, NULL, &error));
  ck_assert_no_error (error);
}
END_TEST

/* A file that needs migrating is checked in full before anything is
 * written to it, whatever was asked. */
START_TEST (test_check_later_migrates_checked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_old_database (clw_database_get_latest_version () - 1);
  g_autofree char *damaged_path = make_old_database (clw_database_get_latest_version () - 1);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(ClwDatabase) db = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 page_size;
  gint64 page;

  db = clw_database_open (path, CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (clw_database_get_version (db), clw_database_get_latest_version ());
  ck_assert (clw_database_is_verified (db));
  ck_assert_ptr_nonnull (clw_database_get_backup_path (db));
  g_clear_object (&db);

  /* The same, with the first page of its practices broken. */
  {
    /* Read-write: a read-only connection leaves the -wal and -shm behind. */
    sqlite3 *raw = raw_open (damaged_path, SQLITE_OPEN_READWRITE);

    page_size = raw_int (raw, "PRAGMA page_size");
    page = raw_int (raw, "SELECT rootpage FROM sqlite_schema WHERE name = 'practice'");
    sqlite3_close (raw);
  }
  ck_assert_int_gt (page, 1);
  ck_assert (!side_files_exist (damaged_path));
  g_file_get_contents (damaged_path, &contents, &length, &error);
  ck_assert_no_error (error);
  memset (contents + (page - 1) * page_size, 0x5a, 8);
  clw_test_write_file (damaged_path, contents, length);
  g_chmod (damaged_path, 0600);
  before = clw_test_read_file (damaged_path);

  db = clw_database_open (damaged_path, CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_ptr_null (db);
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED, "damaged");
  ck_assert (clw_test_bytes_equal_file (before, damaged_path));
  ck_assert (!side_files_exist (damaged_path));
}
END_TEST

START_TEST (test_check_later_read_only)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = clw_test_path ("later-read-only.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(ClwDatabase) db = NULL;

  make_latest_database (path);
  before = clw_test_read_file (path);

  db = clw_database_open (path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_CHECK_LATER, &error);
  ck_assert_no_error (error);
  ck_assert_int_gt (clw_test_count_rows (db, "health_board"), 0);
  ck_assert (!clw_database_begin (db, &error));
  ck_assert_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY, "reading only");
  g_clear_error (&error);
  ck_assert (verify (db, NULL, &error));
  ck_assert_no_error (error);
  g_clear_object (&db);
  ck_assert (clw_test_bytes_equal_file (before, path));
}
END_TEST

static Suite *
database_suite (void)
{
  Suite *s = suite_create ("database");
  TCase *tc;

  tc = tcase_create ("open");
  tcase_add_test (tc, test_new_database_is_private);
  tcase_add_test (tc, test_missing_without_create);
  tcase_add_test (tc, test_reopen_keeps_everything);
  tcase_add_test (tc, test_empty_file_initialised);
  suite_add_tcase (s, tc);

  tc = tcase_create ("migrate");
  tcase_add_loop_test (tc, test_migrate_from_every_version, 1, clw_database_get_latest_version ());
  tcase_add_test (tc, test_failed_migration_changes_nothing);
  suite_add_tcase (s, tc);

  tc = tcase_create ("refuse");
  tcase_add_test (tc, test_too_new_refused);
  tcase_add_test (tc, test_damaged_page_refused);
  tcase_add_test (tc, test_garbage_after_header_refused);
  tcase_add_test (tc, test_text_file_refused);
  tcase_add_test (tc, test_other_program_refused);
  tcase_add_test (tc, test_read_only_needs_migration);
  suite_add_tcase (s, tc);

  tc = tcase_create ("check-later");
  tcase_add_test (tc, test_check_later_refuses_writes_until_checked);
  tcase_add_test (tc, test_check_later_finds_damage);
  tcase_add_test (tc, test_check_later_cancelled);
  tcase_add_test (tc, test_check_later_by_check_integrity);
  tcase_add_test (tc, test_check_later_in_use);
  tcase_add_test (tc, test_check_later_migrates_checked);
  tcase_add_test (tc, test_check_later_read_only);
  suite_add_tcase (s, tc);

  tc = tcase_create ("audit");
  tcase_add_test (tc, test_audit_insert_update_delete);
  tcase_add_test (tc, test_audit_rollback_leaves_nothing);
  tcase_add_test (tc, test_audit_disabled);
  tcase_add_test (tc, test_reference_date);
  suite_add_tcase (s, tc);

  tc = tcase_create ("undo");
  tcase_add_test (tc, test_undo_insert_update_delete);
  tcase_add_test (tc, test_undo_cascading_delete);
  tcase_add_test (tc, test_undo_conflict);
  tcase_add_test (tc, test_nothing_to_undo);
  suite_add_tcase (s, tc);

  tc = tcase_create ("transactions");
  tcase_add_test (tc, test_nested_inner_rollback_keeps_outer);
  tcase_add_test (tc, test_failed_commit_leaves_nothing);
  tcase_add_test (tc, test_read_only_cannot_write);
  suite_add_tcase (s, tc);

  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (database_suite (), argc, argv);
}
