/* clw-rules-private.h: checks of the domain shared by several tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-database.h"

G_BEGIN_DECLS

/* Whether the practice belongs to the GP Collaborative that holds the
 * meeting: attendance, engagement and alternative representatives are only
 * recorded for a practice's own collaborative. */
gboolean _clw_check_practice_in_collaborative (ClwDatabase  *db,
                                               const char   *practice_id,
                                               const char   *meeting_id,
                                               GError      **error);

G_END_DECLS
