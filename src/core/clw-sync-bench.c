/* clw-sync-bench.c: measuring sync, for the benchmark program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-sync-bench.h"
#include "clw-core.h"
#include "clw-dataset.h"
#include "clw-database-private.h"
#include "clw-search-pause-private.h"
#include "clw-sync-private.h"

static ClwRecord *
action_item (const char *meeting_id,
             guint       i)
{
  g_autoptr(ClwRecord) record = clw_record_new (CLW_TYPE_ACTION_ITEM);
  g_autofree char *description = g_strdup_printf ("Action %u of the meeting", i);

  g_object_set (record,
                "meeting-id", meeting_id,
                "description", description,
                "owner", "Cluster lead",
                "due-on", "2022-04-01",
                "status", CLW_ACTION_STATUS_OPEN,
                NULL);
  return g_steal_pointer (&record);
}

static char *
first_id (ClwDatabase  *db,
          const char   *sql,
          GError      **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND, _("The reference data has no cluster."));
      return NULL;
    }
  return _clw_column_dup (stmt, 0);
}

struct _ClwSyncBench
{
  ClwDatabase *master;     /* owned */
  char        *bundle;
  guint        n_changes;
};

void
clw_sync_bench_free (ClwSyncBench *bench)
{
  if (bench == NULL)
    return;
  g_clear_object (&bench->master);
  g_free (bench->bundle);
  g_free (bench);
}

ClwSyncBench *
clw_sync_bench_prepare (const char  *folder,
                        guint        n_inserts,
                        guint        n_updates,
                        GError     **error)
{
  g_autofree char *master_path = g_build_filename (folder, "bench-board.db", NULL);
  g_autofree char *copy_path = g_build_filename (folder, "bench-meeting.db", NULL);
  g_autofree char *bundle = g_build_filename (folder, "bench.clwsync", NULL);
  g_autoptr(ClwDatabase) master = NULL;
  g_autoptr(ClwDatabase) copy = NULL;
  g_autoptr(ClwRecord) meeting = NULL;
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cluster = NULL;
  g_autofree char *collaborative = NULL;
  g_autofree char *sql = NULL;
  guint n_changes = n_inserts + n_updates;
  ClwSyncBench *bench;

  master = clw_database_open (master_path, CLW_DATABASE_OPEN_CREATE, error);
  if (master == NULL || !clw_dataset_load_reference (master, error))
    return NULL;
  clw_database_set_user (master, "Health board");

  cluster = first_id (master, "SELECT id FROM cluster ORDER BY code LIMIT 1", error);
  if (cluster == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT id FROM collaborative WHERE profession = 'gp' AND cluster_id = '%s'", cluster);
  collaborative = first_id (master, sql, error);
  if (collaborative == NULL)
    return NULL;

  meeting = clw_record_new (CLW_TYPE_MEETING);
  g_object_set (meeting, "collaborative-id", collaborative, "starts-at", "2022-03-01T14:00",
                "place", "Tenby", "status", CLW_MEETING_STATUS_HELD, NULL);
  if (!clw_record_insert (meeting, master, CLW_WRITE_DEFAULT, error))
    return NULL;

  /* The rows the copy will change. */
  if (!clw_database_begin (master, error))
    return NULL;
  for (guint i = 0; i < n_updates; i++)
    {
      g_autoptr(ClwRecord) record = action_item (clw_record_get_id (meeting), i);
      if (!clw_record_insert (record, master, CLW_WRITE_DEFAULT, error))
        {
          clw_database_rollback (master);
          return NULL;
        }
      g_ptr_array_add (ids, g_strdup (clw_record_get_id (record)));
    }
  if (!clw_database_commit (master, error))
    return NULL;

  report = clw_sync_make_copy (master, CLW_SCOPE_CLUSTER, cluster, copy_path, NULL, error);
  if (report == NULL)
    return NULL;
  g_clear_object (&report);

  copy = clw_database_open (copy_path, CLW_DATABASE_OPEN_DEFAULT, error);
  if (copy == NULL)
    return NULL;
  clw_database_set_user (copy, "Cluster lead");

  if (!clw_database_begin (copy, error))
    return NULL;
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(ClwRecord) record = NULL;
      gboolean ok;

      if (i < n_updates)
        {
          record = clw_record_load (copy, CLW_TYPE_ACTION_ITEM, g_ptr_array_index (ids, i), error);
          if (record == NULL)
            {
              clw_database_rollback (copy);
              return NULL;
            }
          g_object_set (record, "notes", "Discussed at the meeting", "status", CLW_ACTION_STATUS_DONE, NULL);
          ok = clw_record_update (record, copy, CLW_WRITE_DEFAULT, error);
        }
      else
        {
          record = action_item (clw_record_get_id (meeting), i);
          ok = clw_record_insert (record, copy, CLW_WRITE_DEFAULT, error);
        }
      if (!ok)
        {
          clw_database_rollback (copy);
          return NULL;
        }
    }
  if (!clw_database_commit (copy, error))
    return NULL;

  report = clw_sync_export (copy, NULL, bundle, error);
  if (report == NULL)
    return NULL;
  g_clear_object (&report);

  bench = g_new0 (ClwSyncBench, 1);
  bench->master = g_steal_pointer (&master);
  bench->bundle = g_steal_pointer (&bundle);
  bench->n_changes = n_changes;
  return bench;
}

guint
clw_sync_bench_get_n_changes (ClwSyncBench *bench)
{
  return bench->n_changes;
}

ClwDatabase *
clw_sync_bench_get_database (ClwSyncBench *bench)
{
  return bench->master;
}

gboolean
clw_sync_bench_import (ClwSyncBench  *bench,
                       GError       **error)
{
  g_autoptr(ClwSyncReport) report = clw_sync_import (bench->master, bench->bundle, error);

  if (report == NULL)
    return FALSE;

  if (clw_sync_report_get_n_applied (report) != bench->n_changes)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_OTHER_BASE,
                   "Only %u of the %u changes were applied.", clw_sync_report_get_n_applied (report),
                   bench->n_changes);
      return FALSE;
    }
  return TRUE;
}

static int
abort_on_conflict_cb (void                   *ctx,
                      int                     conflict,
                      sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_ABORT;
}

gboolean
clw_sync_bench_apply_raw (ClwSyncBench  *bench,
                          GError       **error)
{
  g_autoptr(ClwSyncBundle) loaded = clw_sync_bundle_load (bench->bundle, error);
  g_autoptr(ClwSearchPause) pause = NULL;
  sqlite3_changeset_iter *iter = NULL;
  GBytes *changeset;
  gsize size;
  gconstpointer data;
  int rc;

  if (loaded == NULL)
    return FALSE;

  changeset = _clw_sync_bundle_get_changeset (loaded);
  data = g_bytes_get_data (changeset, &size);
  if (!clw_database_begin (bench->master, error))
    return FALSE;

  /* The search index in bulk, as the import does it: applied row by row,
   * FTS5 would write a segment of its index for each change. */
  pause = _clw_search_pause_begin (bench->master, error);
  if (pause == NULL)
    {
      clw_database_rollback (bench->master);
      return FALSE;
    }
  rc = sqlite3changeset_apply (_clw_database_get_handle (bench->master), (int) size, (void *) data,
                               NULL, abort_on_conflict_cb, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_start (&iter, (int) size, (void *) data);
  while (rc == SQLITE_OK && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;
      sqlite3_value *id = NULL;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (op == SQLITE_DELETE)
        sqlite3changeset_old (iter, 0, &id);
      else if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 0, &id);
      else
        sqlite3changeset_old (iter, 0, &id);
      if (id != NULL && !_clw_search_pause_add (pause, table, (const char *) sqlite3_value_text (id), error))
        {
          sqlite3changeset_finalize (iter);
          clw_database_rollback (bench->master);
          return FALSE;
        }
    }
  if (iter != NULL)
    rc = sqlite3changeset_finalize (iter);
  if (rc != SQLITE_OK)
    {
      clw_database_rollback (bench->master);
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_SQL, "sqlite3changeset_apply: %s", sqlite3_errstr (rc));
      return FALSE;
    }
  if (!_clw_search_pause_end (pause, error))
    {
      clw_database_rollback (bench->master);
      return FALSE;
    }
  return clw_database_commit (bench->master, error);
}

double
clw_sync_bench_apply (const char  *folder,
                      guint        n_inserts,
                      guint        n_updates,
                      GError     **error)
{
  ClwSyncBench *bench = clw_sync_bench_prepare (folder, n_inserts, n_updates, error);
  gint64 start;
  gboolean ok;

  if (bench == NULL)
    return -1;

  start = g_get_monotonic_time ();
  ok = clw_sync_bench_import (bench, error);
  clw_sync_bench_free (bench);
  if (!ok)
    return -1;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}
