/* clw-search-popover.h: full-text search from the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry and what it finds, grouped by kind (practices, meetings,
 * actions, evidence, IMTP contributions) with their counts. Queries run
 * off the main thread on a connection of their own (clw_search_async()),
 * a moment after the typing stops; a newer query cancels the one before.
 * Activating a result emits ClwSearchPopover::result-activated and closes
 * the popover: the window opens the result's page.
 */

#pragma once

#include <gtk/gtk.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_SEARCH_POPOVER (clw_search_popover_get_type ())

G_DECLARE_FINAL_TYPE (ClwSearchPopover, clw_search_popover, CLW, SEARCH_POPOVER, GtkPopover)

GtkWidget  *clw_search_popover_new          (void);
ClwSession *clw_search_popover_get_session  (ClwSearchPopover *self);
void        clw_search_popover_set_session  (ClwSearchPopover *self,
                                             ClwSession       *session);
/* The results shown: a model of ClwSearchGroup, NULL before the first
 * search finishes. */
GListModel *clw_search_popover_get_groups   (ClwSearchPopover *self);
/* A query is running. */
gboolean    clw_search_popover_get_searching (ClwSearchPopover *self);
/* Search for @text at once, without waiting for the typing to stop. */
void        clw_search_popover_search       (ClwSearchPopover *self,
                                             const char       *text);

G_END_DECLS
