/* clw-search-group.h: the results of a search of one kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of ClwSearchResult, best first, with the kind, its label and
 * how many rows of that kind matched in all (more than are listed when the
 * search was limited).
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_SEARCH_GROUP (clw_search_group_get_type ())

G_DECLARE_FINAL_TYPE (ClwSearchGroup, clw_search_group, CLW, SEARCH_GROUP, GObject)

ClwSearchKind  clw_search_group_get_kind    (ClwSearchGroup *self);
/* "Meetings" */
const char    *clw_search_group_get_label   (ClwSearchGroup *self);
guint          clw_search_group_get_n_total (ClwSearchGroup *self);

G_END_DECLS
