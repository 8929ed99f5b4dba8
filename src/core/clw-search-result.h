/* clw-search-result.h: one row found by full-text search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_SEARCH_RESULT (clw_search_result_get_type ())

G_DECLARE_FINAL_TYPE (ClwSearchResult, clw_search_result, CLW, SEARCH_RESULT, GObject)

/* What the row is, and its id in its own table (practice, meeting,
 * action_item, evidence or imtp_section). */
ClwSearchKind  clw_search_result_get_kind            (ClwSearchResult *self);
const char    *clw_search_result_get_row_id          (ClwSearchResult *self);
/* "W12345 Meddygfa Ynys Môn", "Meeting of 12 Jan 2022, Neuadd y Dref". */
const char    *clw_search_result_get_title           (ClwSearchResult *self);
/* Where it belongs: "Action of the meeting of 12 Jan 2022". */
const char    *clw_search_result_get_subtitle        (ClwSearchResult *self);
/* The passage that matched, as plain text. */
const char    *clw_search_result_get_snippet         (ClwSearchResult *self);
/* The same as Pango/GMarkup, escaped, with the matches in <b></b>. */
const char    *clw_search_result_get_snippet_markup  (ClwSearchResult *self);
/* BM25, lower is better. */
double         clw_search_result_get_rank            (ClwSearchResult *self);

/* What the app needs to open the right page; NULL when it does not apply
 * (a practice has no meeting). */
const char    *clw_search_result_get_practice_id     (ClwSearchResult *self);
const char    *clw_search_result_get_meeting_id      (ClwSearchResult *self);
const char    *clw_search_result_get_cluster_id      (ClwSearchResult *self);
const char    *clw_search_result_get_cycle_id        (ClwSearchResult *self);
const char    *clw_search_result_get_contribution_id (ClwSearchResult *self);

G_END_DECLS
