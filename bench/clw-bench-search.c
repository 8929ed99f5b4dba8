/* clw-bench-search.c: the benchmarks of full-text search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the search popover does as the user types, on the demo database:
 * each run searches for every word of QUERIES in turn (a word of practices'
 * names, one of meeting notes, two prefixes being typed, a word found
 * nowhere): the time of a run is that of the five, so the target of 50 ms
 * a query is 250 ms a run. Two rows:
 *
 * - on an open database: clw_search();
 * - as the app does it: clw_search_async() (a read-only connection of its
 *   own, opened per query, off the main thread), waited for on the main
 *   context.
 *
 * Baseline: the same FTS5 MATCH, ranked and limited, with its snippets,
 * stepped through with SQLite directly, without the describing of each
 * result (its title, practice, meeting and cycle).
 */

#define G_LOG_DOMAIN "clw-bench"

#include "config.h"

#include <sqlite3.h>

#include "clw-bench.h"
#include "clw-core.h"

static const char * const queries[] = {
  "meddygfa",       /* practices' names */
  "phlebotomy",     /* meetings' notes, actions, IMTP text */
  "prescrib",       /* a prefix as it is typed, thousands of IMTP sections */
  "mon",            /* a short prefix: "Môn", "Monmouth", "monitor"... */
  "zzqxwv",         /* nothing */
};

#define N_QUERIES G_N_ELEMENTS (queries)

typedef struct
{
  char        *path;
  ClwDatabase *db;
  sqlite3     *raw;
  gboolean     async;
} SearchState;

static void
search_teardown (gpointer state)
{
  SearchState *s = state;

  g_clear_object (&s->db);
  if (s->raw != NULL)
    sqlite3_close (s->raw);
  g_free (s->path);
  g_free (s);
}

static gpointer
search_setup_common (ClwBench  *bench,
                     guint      scale,
                     gboolean   async,
                     GError   **error)
{
  SearchState *s = g_new0 (SearchState, 1);
  int rc;

  s->async = async;
  s->path = clw_bench_ensure_demo (bench, scale, error);
  if (s->path == NULL)
    goto failed;
  s->db = clw_database_open (s->path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, error);
  if (s->db == NULL)
    goto failed;

  rc = sqlite3_open_v2 (s->path, &s->raw, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", s->path, sqlite3_errstr (rc));
      goto failed;
    }
  return s;

failed:
  search_teardown (s);
  return NULL;
}

static gpointer
search_setup (ClwBench  *bench,
              guint      scale,
              GError   **error)
{
  return search_setup_common (bench, scale, FALSE, error);
}

static gpointer
search_async_setup (ClwBench  *bench,
                    guint      scale,
                    GError   **error)
{
  return search_setup_common (bench, scale, TRUE, error);
}

typedef struct
{
  GListModel *groups;
  GError     *error;
  gboolean    done;
} Waiting;

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Waiting *waiting = user_data;

  waiting->groups = clw_search_finish (result, &waiting->error);
  waiting->done = TRUE;
}

static guint64
count_results (GListModel *groups)
{
  guint64 n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(GListModel) group = g_list_model_get_item (groups, i);

      n += g_list_model_get_n_items (group);
    }
  return n;
}

static gboolean
search_run (gpointer   state,
            guint64   *rows,
            GError   **error)
{
  SearchState *s = state;

  for (guint i = 0; i < N_QUERIES; i++)
    {
      g_autoptr(GListModel) groups = NULL;

      if (s->async)
        {
          Waiting waiting = { NULL, NULL, FALSE };

          clw_search_async (s->path, queries[i], CLW_SEARCH_DEFAULT_LIMIT, NULL, search_done_cb, &waiting);
          while (!waiting.done)
            g_main_context_iteration (NULL, TRUE);
          if (waiting.error != NULL)
            {
              g_propagate_error (error, waiting.error);
              return FALSE;
            }
          groups = waiting.groups;
        }
      else
        {
          groups = clw_search (s->db, queries[i], CLW_SEARCH_DEFAULT_LIMIT, error);
          if (groups == NULL)
            return FALSE;
        }

      /* Results listed. */
      *rows += count_results (groups);
    }
  return TRUE;
}

static gboolean
search_baseline (gpointer   state,
                 GError   **error)
{
  SearchState *s = state;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (s->raw,
                           "SELECT kind, row_id, snippet(search_index, -1, '[', ']', '…', 16) "
                           "FROM search_index WHERE search_index MATCH ?1 "
                           "ORDER BY bm25(search_index, 0.0, 0.0, 10.0, 1.0) LIMIT 100",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (s->raw));
      return FALSE;
    }

  for (guint i = 0; i < N_QUERIES && rc != SQLITE_ERROR; i++)
    {
      g_autofree char *query = clw_search_build_query (queries[i]);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
    }
  if (rc != SQLITE_DONE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (s->raw));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Targets are for one query; each run makes N_QUERIES (5). */
const ClwBenchCase clw_bench_search_cases[] = {
  {
    "search, 5 queries, open database", 10, 5 * 50e-3, "FTS5 MATCH alone, ranked, with snippets",
    search_setup, NULL, search_run, NULL, search_baseline, search_teardown,
  },
  {
    "search, 5 queries, as the app does", 10, 5 * 50e-3, "FTS5 MATCH alone, ranked, with snippets",
    search_async_setup, NULL, search_run, NULL, search_baseline, search_teardown,
  },
};

const guint clw_bench_search_n_cases = G_N_ELEMENTS (clw_bench_search_cases);
