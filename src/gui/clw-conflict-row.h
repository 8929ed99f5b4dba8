/* clw-conflict-row.h: one conflict, its sides and the choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_CONFLICT_ROW (clw_conflict_row_get_type ())

G_DECLARE_FINAL_TYPE (ClwConflictRow, clw_conflict_row, CLW, CONFLICT_ROW, GtkWidget)

ClwSyncConflict *clw_conflict_row_get_conflict (ClwConflictRow  *self);
void             clw_conflict_row_set_conflict (ClwConflictRow  *self,
                                                ClwSyncConflict *conflict);
/* The row's buttons say nothing can be chosen while a choice is stored. */
void             clw_conflict_row_set_busy     (ClwConflictRow  *self,
                                                gboolean         busy);

G_END_DECLS
