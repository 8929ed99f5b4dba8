/* clw-bench-sync.c: the benchmarks of sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - applying a bundle of 10,000 changes from a meeting copy to the health
 *   board's database (target 1 s), three ways: 10,000 action items added,
 *   10,000 changed, and a mix (8,000 added, 2,000 changed): checks,
 *   conflicts, the rules of the domain on every row, the audit log, the
 *   search index and the base, all in one transaction.
 *   Each run prepares a fresh pair of databases and the bundle, untimed
 *   (clw_sync_bench_prepare); the baseline applies the same changeset
 *   with SQLite's session extension alone (the search index written in
 *   bulk, as the import does), so the ratio says what sync's
 *   checks and bookkeeping add to writing the rows.
 */

#define G_LOG_DOMAIN "clw-bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "clw-bench.h"
#include "clw-sync-bench.h"

typedef struct
{
  ClwBench     *bench;
  ClwSyncBench *sync;
  guint         n_inserts;
  guint         n_updates;
} State;

static gpointer
new_state (ClwBench *bench,
           guint     n_inserts,
           guint     n_updates)
{
  State *s = g_new0 (State, 1);

  s->bench = bench;
  s->n_inserts = n_inserts;
  s->n_updates = n_updates;
  return s;
}

static gpointer
setup_inserts (ClwBench  *bench,
               guint      scale,
               GError   **error)
{
  return new_state (bench, 10000, 0);
}

static gpointer
setup_updates (ClwBench  *bench,
               guint      scale,
               GError   **error)
{
  return new_state (bench, 0, 10000);
}

static gpointer
setup_mixed (ClwBench  *bench,
             guint      scale,
             GError   **error)
{
  return new_state (bench, 8000, 2000);
}

static gboolean
prepare (gpointer   state,
         GError   **error)
{
  State *s = state;
  g_autofree char *folder = clw_bench_scratch_path (s->bench, "sync");

  g_clear_pointer (&s->sync, clw_sync_bench_free);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not make %s", folder);
      return FALSE;
    }
  s->sync = clw_sync_bench_prepare (folder, s->n_inserts, s->n_updates, error);
  return s->sync != NULL;
}

static gboolean
apply_run (gpointer   state,
           guint64   *rows,
           GError   **error)
{
  State *s = state;

  *rows = clw_sync_bench_get_n_changes (s->sync);
  return clw_sync_bench_import (s->sync, error);
}

static gboolean
apply_baseline (gpointer   state,
                GError   **error)
{
  State *s = state;

  return clw_sync_bench_apply_raw (s->sync, error);
}

static void
sync_teardown (gpointer state)
{
  State *s = state;

  g_clear_pointer (&s->sync, clw_sync_bench_free);
  g_free (s);
}

const ClwBenchCase clw_bench_sync_cases[] = {
  { "Sync: apply 10,000 new rows", 0, 1.0, "sqlite3changeset_apply, index in bulk",
    setup_inserts, prepare, apply_run, prepare, apply_baseline, sync_teardown },
  { "Sync: apply 10,000 changed rows", 0, 1.0, "sqlite3changeset_apply, index in bulk",
    setup_updates, prepare, apply_run, prepare, apply_baseline, sync_teardown },
  { "Sync: apply 8,000 new, 2,000 changed", 0, 1.0, "sqlite3changeset_apply, index in bulk",
    setup_mixed, prepare, apply_run, prepare, apply_baseline, sync_teardown },
};

const guint clw_bench_sync_n_cases = G_N_ELEMENTS (clw_bench_sync_cases);
