/* clw-practice-row.h: a line of the practices table, which keeps its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-practice-result.h"

G_BEGIN_DECLS

#define CLW_TYPE_PRACTICE_ROW (clw_practice_row_get_type ())

G_DECLARE_FINAL_TYPE (ClwPracticeRow, clw_practice_row, CLW, PRACTICE_ROW, GObject)

ClwPracticeRow    *clw_practice_row_new        (ClwPracticeResult *result);
ClwPracticeResult *clw_practice_row_get_result (ClwPracticeRow    *self);
/* Show another practice in this line: the cells bound to it follow. */
void               clw_practice_row_set_result (ClwPracticeRow    *self,
                                                ClwPracticeResult *result);

G_END_DECLS
