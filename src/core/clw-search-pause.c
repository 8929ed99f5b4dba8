/* clw-search-pause.c: writing many rows without indexing them one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pause reads the search triggers from the schema (so it follows
 * whatever a later migration makes of them), drops them, and keeps the ids
 * of the rows written to the indexed tables in a temporary table. At the
 * end it puts the triggers back, gathers the documents of those rows from
 * the view search_source (one lookup by id each, which SQLite pushes into
 * the view), drops their old documents and writes the new ones in one
 * statement each: what the triggers do, in bulk.
 */

#define G_LOG_DOMAIN "clw-search-pause"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-search-pause-private.h"

#include "clw-database-private.h"

struct _ClwSearchPause
{
  ClwDatabase *db;         /* owned */
  GPtrArray   *triggers;   /* the SQL of each trigger, to put back */
  GHashTable  *tables;     /* the tables the triggers index */
  gboolean     ended;
};

static gboolean
step_done (ClwDatabase  *db,
           ClwStmt      *stmt,
           const char   *what,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, what, error);
  return TRUE;
}

void
_clw_search_pause_free (ClwSearchPause *pause)
{
  if (pause == NULL)
    return;

  g_clear_pointer (&pause->triggers, g_ptr_array_unref);
  g_clear_pointer (&pause->tables, g_hash_table_unref);
  g_clear_object (&pause->db);
  g_free (pause);
}

ClwSearchPause *
_clw_search_pause_begin (ClwDatabase  *db,
                         GError      **error)
{
  g_autoptr(ClwSearchPause) pause = g_new0 (ClwSearchPause, 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (clw_database_in_transaction (db), NULL);

  pause->db = g_object_ref (db);
  pause->triggers = g_ptr_array_new_with_free_func (g_free);
  pause->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = _clw_database_prepare (db,
                                "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' "
                                "AND name LIKE 'search\\_%' ESCAPE '\\' ORDER BY name",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, _clw_column_dup (stmt, 0));
      g_hash_table_add (pause->tables, _clw_column_dup (stmt, 1));
      g_ptr_array_add (pause->triggers, _clw_column_dup (stmt, 2));
    }
  g_clear_pointer (&stmt, _clw_stmt_release);
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("reading the schema"), error);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GString) sql = g_string_new ("DROP TRIGGER \"");

      for (const char *p = g_ptr_array_index (names, i); *p; p++)
        {
          if (*p == '"')
            g_string_append_c (sql, '"');
          g_string_append_c (sql, *p);
        }
      g_string_append_c (sql, '"');

      if (!clw_database_exec (db, sql->str, error))
        return NULL;
    }

  if (!clw_database_exec (db,
                          "CREATE TEMP TABLE clw_search_pending (row_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID; "
                          "CREATE TEMP TABLE clw_search_documents (kind, row_id, title, body)",
                          error))
    return NULL;

  return g_steal_pointer (&pause);
}

gboolean
_clw_search_pause_add (ClwSearchPause  *pause,
                       const char      *table,
                       const char      *row_id,
                       GError         **error)
{
  g_autoptr(ClwStmt) stmt = NULL;

  g_return_val_if_fail (pause != NULL && !pause->ended, FALSE);

  if (!g_hash_table_contains (pause->tables, table))
    return TRUE;

  stmt = _clw_database_prepare (pause->db,
                                "INSERT OR IGNORE INTO temp.clw_search_pending (row_id) VALUES (?1)",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, row_id);
  return step_done (pause->db, stmt, _("noting a row for the search index"), error);
}

gboolean
_clw_search_pause_end (ClwSearchPause  *pause,
                       GError         **error)
{
  ClwDatabase *db = pause->db;
  g_autoptr(ClwStmt) rows = NULL;
  g_autoptr(ClwStmt) gather = NULL;
  g_autoptr(ClwStmt) last = NULL;
  g_autoptr(ClwStmt) map = NULL;
  gint64 last_rowid;
  int rc;

  g_return_val_if_fail (pause != NULL && !pause->ended, FALSE);
  pause->ended = TRUE;

  for (guint i = 0; i < pause->triggers->len; i++)
    if (!clw_database_exec (db, g_ptr_array_index (pause->triggers, i), error))
      return FALSE;

  /* The documents as the triggers would write them. */
  rows = _clw_database_prepare (db, "SELECT row_id FROM temp.clw_search_pending", error);
  gather = _clw_database_prepare (db,
                                  "INSERT INTO temp.clw_search_documents (kind, row_id, title, body) "
                                  "SELECT kind, row_id, title, body FROM main.search_source WHERE row_id = ?1",
                                  error);
  if (rows == NULL || gather == NULL)
    return FALSE;
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      sqlite3_reset (gather);
      _clw_bind_text (gather, 1, _clw_column_text (rows, 0));
      if (!step_done (db, gather, _("updating the search index"), error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("updating the search index"), error);
  g_clear_pointer (&rows, _clw_stmt_release);
  g_clear_pointer (&gather, _clw_stmt_release);

  /* Out with the old documents of those rows, in with the new. */
  if (!clw_database_exec (db,
                          "DELETE FROM main.search_index WHERE rowid IN "
                          "  (SELECT fts_rowid FROM main.search_map "
                          "   WHERE row_id IN (SELECT row_id FROM temp.clw_search_pending)); "
                          "DELETE FROM main.search_map WHERE row_id IN (SELECT row_id FROM temp.clw_search_pending)",
                          error))
    return FALSE;

  last = _clw_database_prepare (db, "SELECT coalesce(max(rowid), 0) FROM main.search_index", error);
  if (last == NULL)
    return FALSE;
  rc = sqlite3_step (last);
  if (rc != SQLITE_ROW)
    return _clw_database_set_error (db, rc, _("updating the search index"), error);
  last_rowid = sqlite3_column_int64 (last, 0);
  g_clear_pointer (&last, _clw_stmt_release);

  if (!clw_database_exec (db,
                          "INSERT INTO main.search_index (kind, row_id, title, body) "
                          "  SELECT kind, row_id, title, body FROM temp.clw_search_documents",
                          error))
    return FALSE;

  map = _clw_database_prepare (db,
                               "INSERT INTO main.search_map (row_id, fts_rowid) "
                               "SELECT row_id, rowid FROM main.search_index WHERE rowid > ?1",
                               error);
  if (map == NULL)
    return FALSE;
  sqlite3_bind_int64 (map, 1, last_rowid);
  if (!step_done (db, map, _("updating the search index"), error))
    return FALSE;
  g_clear_pointer (&map, _clw_stmt_release);

  return clw_database_exec (db,
                            "DROP TABLE temp.clw_search_documents; DROP TABLE temp.clw_search_pending",
                            error);
}
