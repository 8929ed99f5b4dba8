/* clw-search-pause-private.h: writing many rows without indexing them one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triggers keep the search index (migration 2) row by row. Inside a
 * transaction FTS5 then writes a segment of its index at the end of every
 * statement (it syncs at each statement's savepoint) and merges them as it
 * goes: for writes of thousands of rows (the demo, a dataset import) that is
 * most of the cost. A pause sets the triggers aside inside the transaction,
 * notes the rows written, and indexes them together when it ends, still in
 * the transaction: the index is the one the triggers would have made, and a
 * rollback undoes the pause with the rest.
 */

#pragma once

#include "clw-database.h"

G_BEGIN_DECLS

typedef struct _ClwSearchPause ClwSearchPause;

/* Inside a transaction, with no statement running. */
ClwSearchPause *_clw_search_pause_begin (ClwDatabase     *db,
                                         GError         **error);
/* The row @row_id of @table was inserted or changed during the pause. */
gboolean        _clw_search_pause_add   (ClwSearchPause  *pause,
                                         const char      *table,
                                         const char      *row_id,
                                         GError         **error);
/* Put the triggers back and index the rows added. Call before committing;
 * on rollback just free the pause. */
gboolean        _clw_search_pause_end   (ClwSearchPause  *pause,
                                         GError         **error);
void            _clw_search_pause_free  (ClwSearchPause  *pause);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClwSearchPause, _clw_search_pause_free)

G_END_DECLS
