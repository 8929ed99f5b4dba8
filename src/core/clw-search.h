/* clw-search.h: full-text search across practices, meetings, actions, evidence and IMTP text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index (search_index, an FTS5 table) is kept in step with its sources
 * by triggers (migration 2), so it is right after every edit, import, undo
 * and sync. This is the query side. What the user types is never passed to
 * FTS5 as query syntax: it is split into words, each word keeps only the
 * characters the index's tokenizer keeps and is quoted, the last word is
 * matched as a prefix while it is being typed, and every word must match
 * (see clw_search_build_query()). Accents do not matter: the index folds
 * them (remove_diacritics 2), so "mon" finds "Môn" and "wyr" finds "ŵyr".
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"
#include "clw-search-group.h"
#include "clw-search-result.h"

G_BEGIN_DECLS

#define CLW_SEARCH_DEFAULT_LIMIT 20

/* The FTS5 query for @text, or NULL when it holds nothing to search for
 * (empty, spaces, punctuation). At most CLW_SEARCH_MAX_TERMS words of at
 * most CLW_SEARCH_MAX_TERM_CHARS characters are used. */
#define CLW_SEARCH_MAX_TERMS 16
#define CLW_SEARCH_MAX_TERM_CHARS 64
char       *clw_search_build_query (const char           *text);

/* Each kind ranks at most this many of its matches, the newest (the rows
 * written last); the others are counted, not ranked. A word so common
 * that a kind has more matches shows the best of the newest, and the
 * group's count is still every match. */
#define CLW_SEARCH_MAX_RANKED 1000

/* Search for @text: a new model of ClwSearchGroup, one per kind that has
 * results, in the order of ClwSearchKind, each with its best
 * @limit_per_kind results (0: CLW_SEARCH_DEFAULT_LIMIT; see
 * CLW_SEARCH_MAX_RANKED). Nothing to search for gives an empty model, not
 * an error. */
GListModel *clw_search             (ClwDatabase          *db,
                                    const char           *text,
                                    guint                 limit_per_kind,
                                    GError              **error);

/* The same off the main thread, on a read-only connection of its own to
 * the database file at @db_path. Cancelling @cancellable (as the user
 * types on) stops the query. */
void        clw_search_async       (const char           *db_path,
                                    const char           *text,
                                    guint                 limit_per_kind,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
GListModel *clw_search_finish      (GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
