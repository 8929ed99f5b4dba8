/* clw-sync-bench.h: measuring sync, for the benchmark program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Make a health board database and a meeting copy of one cluster in
 * @folder (which must exist and be empty); on the copy, add @n_inserts
 * action items and change @n_updates that both had; export that, and time
 * only the import of the bundle into the health board's database, which
 * also checks that every change was applied. Returns the seconds taken,
 * or a negative number with @error set. */
double clw_sync_bench_apply (const char  *folder,
                             guint        n_inserts,
                             guint        n_updates,
                             GError     **error);

G_END_DECLS
