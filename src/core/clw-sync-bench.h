/* clw-sync-bench.h: measuring sync, for the benchmark program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "clw-types.h"

G_BEGIN_DECLS

typedef struct _ClwSyncBench ClwSyncBench;

/* Make a health board database and a meeting copy of one cluster in
 * @folder (which must exist and be empty); on the copy, add @n_inserts
 * action items and change @n_updates that both had, and export that into
 * a bundle for the health board's database, which stays open. */
ClwSyncBench *clw_sync_bench_prepare   (const char    *folder,
                                        guint          n_inserts,
                                        guint          n_updates,
                                        GError       **error);
/* Import the bundle into the health board's database, checking that every
 * change was applied: what the benchmark times. Once per preparation. */
gboolean      clw_sync_bench_import    (ClwSyncBench  *bench,
                                        GError       **error);
/* The raw cost of the same work: the bundle's changeset applied by
 * SQLite's session extension alone (sqlite3changeset_apply) in one
 * transaction, the search index written in bulk as an import does, with
 * no checks, conflicts or base. Once per preparation, instead of
 * clw_sync_bench_import(). */
gboolean      clw_sync_bench_apply_raw (ClwSyncBench  *bench,
                                        GError       **error);
guint         clw_sync_bench_get_n_changes (ClwSyncBench *bench);
/* The health board's database the bundle is for. */
ClwDatabase  *clw_sync_bench_get_database  (ClwSyncBench *bench);
void          clw_sync_bench_free      (ClwSyncBench  *bench);

/* All of it at once: prepare, then time only the import. Returns the
 * seconds taken, or a negative number with @error set. */
double        clw_sync_bench_apply     (const char    *folder,
                                        guint          n_inserts,
                                        guint          n_updates,
                                        GError       **error);

G_END_DECLS
