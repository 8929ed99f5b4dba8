/* clw-buddy-arrangement-private.h: the rules of buddying, for the buddy board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are evaluated in one place, _clw_buddy_rules_evaluate(): the
 * validation of a ClwBuddyArrangement turns the first broken rule that
 * applies to the row's status into its error, and the buddy board shows
 * every rule, kept or broken, before a request is made.
 */

#pragma once

#include "clw-buddy-arrangement.h"

G_BEGIN_DECLS

typedef struct
{
  ClwBuddyRule  rule;
  gboolean      passed;
  char         *message;   /* a sentence saying why it is kept or broken */
} ClwBuddyRuleOutcome;

/* Which rules a row of @status must keep. */
gboolean   _clw_buddy_rule_applies   (ClwBuddyRule          rule,
                                      ClwArrangementStatus  status);

/* Evaluate the rules in @rules (a mask of 1 << ClwBuddyRule) for @small_practice_id
 * buddied with @buddy_practice_id from @starts_on to @ends_on (NULL: open),
 * ignoring the arrangement @arrangement_id itself (NULL for a new one).
 * Returns an array of ClwBuddyRuleOutcome in the order of ClwBuddyRule, or
 * NULL with @error when a practice does not exist or the database fails. */
GArray    *_clw_buddy_rules_evaluate (ClwDatabase          *db,
                                      guint                 rules,
                                      const char           *arrangement_id,
                                      const char           *small_practice_id,
                                      const char           *buddy_practice_id,
                                      const char           *starts_on,
                                      const char           *ends_on,
                                      GError              **error);

#define CLW_BUDDY_RULES_ALL ((1u << CLW_N_BUDDY_RULES) - 1)

G_END_DECLS
