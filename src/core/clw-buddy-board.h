/* clw-buddy-board.h: buddying in one GP Collaborative, for one cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model behind the buddying screen: on one side the small practices
 * of the cluster that may ask for a buddy, on the other the practices that
 * could be one, and the arrangements of the cycle as pairs with their
 * status. Before a request is made, clw_buddy_board_check() lists every
 * rule with whether the proposed pair keeps it; the same rules validate
 * the stored rows (clw-buddy-arrangement.c). Every write is one change of
 * the database's undo, named for the toast. The lists follow the database:
 * they reload after any change to practices or arrangements (an undo, an
 * import, a sync).
 */

#pragma once

#include <gio/gio.h>

#include "clw-buddy-arrangement.h"
#include "clw-buddy-candidate.h"
#include "clw-buddy-pair.h"
#include "clw-buddy-rule-check.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_BOARD (clw_buddy_board_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyBoard, clw_buddy_board, CLW, BUDDY_BOARD, GObject)

/* The board of the GP Collaborative of @cluster_id in the cycle @cycle_id,
 * as of @as_of ("YYYY-MM-DD"; NULL for the database's today). */
ClwBuddyBoard       *clw_buddy_board_new                 (ClwDatabase   *db,
                                                          const char    *cluster_id,
                                                          const char    *cycle_id,
                                                          const char    *as_of,
                                                          GError       **error);

ClwDatabase         *clw_buddy_board_get_database        (ClwBuddyBoard *self);
const char          *clw_buddy_board_get_cluster_id      (ClwBuddyBoard *self);
const char          *clw_buddy_board_get_collaborative_id (ClwBuddyBoard *self);
const char          *clw_buddy_board_get_cycle_id        (ClwBuddyBoard *self);
const char          *clw_buddy_board_get_as_of           (ClwBuddyBoard *self);

/* ClwBuddyCandidate: the practices that qualify as small (single-handed,
 * 2 or 3 partners, or with sustainability issues), by code. */
GListModel          *clw_buddy_board_get_small_practices (ClwBuddyBoard *self);
/* ClwBuddyCandidate: the practices larger than at least one of those that
 * are not themselves buddied on the board's date, largest first. */
GListModel          *clw_buddy_board_get_buddy_practices (ClwBuddyBoard *self);
/* ClwBuddyPair: the arrangements whose period overlaps the cycle and every
 * request still waiting for a decision, by small practice and start. */
GListModel          *clw_buddy_board_get_pairs           (ClwBuddyBoard *self);

gboolean             clw_buddy_board_reload              (ClwBuddyBoard *self,
                                                          GError       **error);

/* Every rule for buddying @small_practice_id with @buddy_practice_id from
 * @starts_on (NULL: the board's date): a new model of ClwBuddyRuleCheck in
 * the order of ClwBuddyRule. See clw_buddy_rule_checks_allow_request(). */
GListModel          *clw_buddy_board_check               (ClwBuddyBoard *self,
                                                          const char    *small_practice_id,
                                                          const char    *buddy_practice_id,
                                                          const char    *starts_on,
                                                          GError       **error);

/* Record the small practice's request to be buddied, dated @requested_on
 * (NULL: the board's date), to start on @starts_on (NULL: the date of the
 * request). Fails, changing nothing, when a blocking rule is broken. */
ClwBuddyArrangement *clw_buddy_board_request             (ClwBuddyBoard *self,
                                                          const char    *small_practice_id,
                                                          const char    *buddy_practice_id,
                                                          const char    *requested_on,
                                                          const char    *starts_on,
                                                          const char    *notes,
                                                          GError       **error);

/* The health board's decision on a waiting request (see clw_decision_apply();
 * a refusal needs an @explanation). @decision_on NULL: the board's date. */
gboolean             clw_buddy_board_decide              (ClwBuddyBoard *self,
                                                          const char    *arrangement_id,
                                                          gboolean       agree,
                                                          const char    *decision_on,
                                                          const char    *explanation,
                                                          GError       **error);

/* End an agreed arrangement on @ends_on (NULL: the board's date). */
gboolean             clw_buddy_board_end                 (ClwBuddyBoard *self,
                                                          const char    *arrangement_id,
                                                          const char    *ends_on,
                                                          GError       **error);

G_END_DECLS
