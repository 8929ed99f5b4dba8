/* clw-bench.h: the benchmarks behind `make bench`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark is a row of a table (ClwBenchCase): what it measures, at what
 * scale of demo data, its target if it has one, and functions to prepare,
 * run and tear down, with a baseline that does the raw cost of the same work
 * (plain SQL, xmlTextWriter alone...) measured in the same run. Each area
 * keeps its rows in a file of its own (clw-bench-core.c, ...) and the runner
 * (clw-bench.c) lists the tables: adding a row is adding an entry to a
 * table; adding an area is one file and one line in `groups` there.
 *
 * Timings are wall-clock medians over repeated runs (at least five, more
 * for fast operations). Targets are printed, never asserted.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ClwBench ClwBench;

typedef struct
{
  const char *name;             /* what is measured: "QAIF, all of Wales" */
  guint       scale;            /* of the demo data used; 0 when none is */
  double      target;           /* seconds; 0 when there is no target */
  const char *baseline_name;    /* what the baseline does, NULL for none */

  /* Untimed, once: the state the runs share, or NULL with @error set. */
  gpointer  (*setup)           (ClwBench  *bench,
                                guint      scale,
                                GError   **error);
  /* Untimed, before each run (may be NULL). */
  gboolean  (*before_run)      (gpointer   state,
                                GError   **error);
  /* Timed. Set *@rows to the rows handled, for rows per second; leave it
   * at 0 when that does not apply. */
  gboolean  (*run)             (gpointer   state,
                                guint64   *rows,
                                GError   **error);
  /* Untimed, before each baseline run (may be NULL). */
  gboolean  (*before_baseline) (gpointer   state,
                                GError   **error);
  /* Timed: the raw cost of the same work (may be NULL). */
  gboolean  (*baseline)        (gpointer   state,
                                GError   **error);
  void      (*teardown)        (gpointer   state);
} ClwBenchCase;

/* The tables of the areas; each file defines one. */
extern const ClwBenchCase clw_bench_core_cases[];
extern const guint        clw_bench_core_n_cases;
extern const ClwBenchCase clw_bench_returns_cases[];
extern const guint        clw_bench_returns_n_cases;
extern const ClwBenchCase clw_bench_gui_cases[];
extern const guint        clw_bench_gui_n_cases;
extern const ClwBenchCase clw_bench_evidence_cases[];
extern const guint        clw_bench_evidence_n_cases;
extern const ClwBenchCase clw_bench_search_cases[];
extern const guint        clw_bench_search_n_cases;
extern const ClwBenchCase clw_bench_sync_cases[];
extern const guint        clw_bench_sync_n_cases;

/* A folder in the build tree kept between runs (demo databases). */
const char *clw_bench_get_cache_dir    (ClwBench     *bench);

/* A new path in a scratch folder removed when the bench ends. */
char       *clw_bench_scratch_path     (ClwBench     *bench,
                                        const char   *name);

/* The demo database of @scale (default seed) in the cache, made when it is
 * missing. Returns its path. */
char       *clw_bench_ensure_demo      (ClwBench     *bench,
                                        guint         scale,
                                        GError      **error);

/* Remove a database file with its -wal and -shm companions. */
void        clw_bench_remove_database  (const char   *path);

G_END_DECLS
