/* clw-bench-returns.c: the benchmarks of IMTP returns and meeting packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the demo database:
 *
 * - one cluster's IMTP return (target 50 ms): evaluated, written and
 *   validated against the schema; the baseline is the rules engine's
 *   evaluation of the same cluster alone, so the ratio says what making
 *   and checking the XML adds;
 * - every cluster's return, all of Wales (target 1 s); the baseline is the
 *   engine's evaluation of all of Wales;
 * - a meeting pack written as a PDF (target 1 s), for the planned GP
 *   Collaborative meeting of the largest cluster; the baseline draws the
 *   same pages of a pack gathered beforehand, so the ratio says what
 *   gathering the figures costs beside drawing.
 */

#define G_LOG_DOMAIN "clw-bench"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "clw-bench.h"
#include "clw-core.h"

#define RETURN_CYCLE "2022-23"

typedef struct
{
  ClwBench       *bench;
  ClwDatabase    *db;
  char           *cluster_id;
  char           *meeting_id;
  char           *pdf_path;
  ClwMeetingPack *pack;      /* for the drawing baseline */
} State;

/* The first row of @sql (from the program) on the demo file. */
static char *
query_demo (const char  *path,
            const char  *sql,
            GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (value == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", sql,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gpointer
returns_setup (ClwBench  *bench,
               guint      scale,
               GError   **error)
{
  g_autofree char *path = clw_bench_ensure_demo (bench, scale, error);
  State *s;

  if (path == NULL)
    return NULL;

  s = g_new0 (State, 1);
  s->bench = bench;
  s->cluster_id = query_demo (path, "SELECT id FROM cluster WHERE code = 'AB01'", error);
  if (s->cluster_id != NULL)
    s->meeting_id = query_demo (path,
                                "SELECT m.id FROM meeting m JOIN collaborative c ON c.id = m.collaborative_id "
                                "WHERE c.profession = 'gp' AND m.status = 'planned' "
                                "ORDER BY (SELECT count(*) FROM practice p WHERE p.cluster_id = c.cluster_id) DESC, "
                                "m.starts_at, m.id LIMIT 1", error);
  if (s->meeting_id != NULL)
    s->db = clw_database_open (path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, error);
  if (s->db == NULL)
    {
      g_free (s->cluster_id);
      g_free (s->meeting_id);
      g_free (s);
      return NULL;
    }

  s->pdf_path = clw_bench_scratch_path (bench, "pack.pdf");
  return s;
}

static void
returns_teardown (gpointer state)
{
  State *s = state;

  g_clear_object (&s->pack);
  g_clear_object (&s->db);
  g_free (s->cluster_id);
  g_free (s->meeting_id);
  g_free (s->pdf_path);
  g_free (s);
}

/* One cluster -------------------------------------------------------------------- */

static gboolean
cluster_run (gpointer   state,
             guint64   *rows,
             GError   **error)
{
  State *s = state;
  g_autoptr(ClwImtpReturn) ret = clw_imtp_return_new (s->db, s->cluster_id, RETURN_CYCLE, NULL, error);

  if (ret == NULL)
    return FALSE;
  *rows = 1;
  return TRUE;
}

static gboolean
cluster_baseline (gpointer   state,
                  GError   **error)
{
  State *s = state;
  g_autoptr(ClwQaifReport) report = clw_qaif_evaluate (s->db, RETURN_CYCLE, CLW_SCOPE_CLUSTER,
                                                       s->cluster_id, NULL, error);

  return report != NULL;
}

/* All of Wales --------------------------------------------------------------------- */

static gboolean
wales_run (gpointer   state,
           guint64   *rows,
           GError   **error)
{
  State *s = state;
  g_autoptr(GPtrArray) returns = clw_imtp_return_new_for_health_board (s->db, NULL, RETURN_CYCLE, NULL, error);

  if (returns == NULL)
    return FALSE;
  *rows = returns->len;
  return TRUE;
}

static gboolean
wales_baseline (gpointer   state,
                GError   **error)
{
  State *s = state;
  g_autoptr(ClwQaifReport) report = clw_qaif_evaluate (s->db, RETURN_CYCLE, CLW_SCOPE_ALL, NULL, NULL, error);

  return report != NULL;
}

/* A meeting pack ------------------------------------------------------------------- */

static gboolean
pack_run (gpointer   state,
          guint64   *rows,
          GError   **error)
{
  State *s = state;
  g_autoptr(ClwMeetingPack) pack = clw_meeting_pack_new (s->db, s->meeting_id, error);

  if (pack == NULL || !clw_meeting_pack_write_pdf (pack, s->pdf_path, error))
    return FALSE;
  *rows = clw_print_document_get_n_pages (clw_meeting_pack_get_document (pack));
  return TRUE;
}

static gboolean
pack_before_baseline (gpointer   state,
                      GError   **error)
{
  State *s = state;

  if (s->pack == NULL)
    s->pack = clw_meeting_pack_new (s->db, s->meeting_id, error);
  return s->pack != NULL;
}

static gboolean
pack_baseline (gpointer   state,
               GError   **error)
{
  State *s = state;
  g_autoptr(GBytes) pdf = clw_print_document_to_pdf (clw_meeting_pack_get_document (s->pack), NULL, error);

  return pdf != NULL;
}

const ClwBenchCase clw_bench_returns_cases[] = {
  { "IMTP return, one cluster", 1, 0.050, "QAIF evaluation of the cluster",
    returns_setup, NULL, cluster_run, NULL, cluster_baseline, returns_teardown },
  { "IMTP returns, all of Wales", 1, 1.0, "QAIF evaluation of Wales",
    returns_setup, NULL, wales_run, NULL, wales_baseline, returns_teardown },
  { "Meeting pack as PDF", 1, 1.0, "drawing the same pages",
    returns_setup, NULL, pack_run, pack_before_baseline, pack_baseline, returns_teardown },
};

const guint clw_bench_returns_n_cases = G_N_ELEMENTS (clw_bench_returns_cases);
