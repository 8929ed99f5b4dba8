/* clw-buddy-rule-check.h: one rule of buddying checked for a proposed pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_BUDDY_RULE_CHECK (clw_buddy_rule_check_get_type ())

G_DECLARE_FINAL_TYPE (ClwBuddyRuleCheck, clw_buddy_rule_check, CLW, BUDDY_RULE_CHECK, GObject)

ClwBuddyRuleCheck *clw_buddy_rule_check_new         (ClwBuddyRule       rule,
                                                     gboolean           passed,
                                                     gboolean           blocking,
                                                     const char        *message);

ClwBuddyRule       clw_buddy_rule_check_get_rule    (ClwBuddyRuleCheck *self);
/* The rule's short name, "The buddy is larger". */
const char        *clw_buddy_rule_check_get_label   (ClwBuddyRuleCheck *self);
gboolean           clw_buddy_rule_check_get_passed  (ClwBuddyRuleCheck *self);
/* Whether breaking the rule stops the request being made; the other rules
 * must be kept before the health board can agree it. */
gboolean           clw_buddy_rule_check_get_blocking (ClwBuddyRuleCheck *self);
/* Why the rule is kept or broken, in a sentence. */
const char        *clw_buddy_rule_check_get_message (ClwBuddyRuleCheck *self);

/* Whether @checks (of ClwBuddyRuleCheck) allow the request: no blocking
 * rule is broken. */
gboolean           clw_buddy_rule_checks_allow_request (GListModel    *checks);
/* Whether the health board could agree it as things stand: no rule at all
 * is broken. */
gboolean           clw_buddy_rule_checks_all_passed    (GListModel    *checks);

G_END_DECLS
