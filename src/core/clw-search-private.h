/* clw-search-private.h: what full-text search makes its results with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-search-group.h"
#include "clw-search-result.h"

G_BEGIN_DECLS

/* Around each match in the snippets of search_index, as SQLite writes them:
 * characters of Unicode's private use area, which no text of ours holds. */
#define CLW_SEARCH_MARK_START "\xee\x80\x80"   /* U+E000 */
#define CLW_SEARCH_MARK_END   "\xee\x80\x81"   /* U+E001 */

typedef struct
{
  ClwSearchKind  kind;
  char          *row_id;
  char          *title;
  char          *subtitle;
  char          *snippet;        /* with the marks */
  double         rank;
  char          *practice_id;
  char          *meeting_id;
  char          *cluster_id;
  char          *cycle_id;
  char          *contribution_id;
} ClwSearchHit;

void             _clw_search_hit_clear   (ClwSearchHit *hit);

/* Takes the strings of @hit. */
ClwSearchResult *_clw_search_result_new  (ClwSearchHit *hit);

ClwSearchGroup  *_clw_search_group_new   (ClwSearchKind  kind,
                                          guint          n_total,
                                          GPtrArray     *results);

G_END_DECLS
