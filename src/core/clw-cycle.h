/* clw-cycle.h: a QAIF cycle, a row of the table `cycle`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_CYCLE (clw_cycle_get_type ())

G_DECLARE_FINAL_TYPE (ClwCycle, clw_cycle, CLW, CYCLE, ClwRecord)

ClwCycle *clw_cycle_new (void);

const char *clw_cycle_get_code            (ClwCycle *self);
const char *clw_cycle_get_starts_on       (ClwCycle *self);
const char *clw_cycle_get_ends_on         (ClwCycle *self);
int         clw_cycle_get_pence_per_point (ClwCycle *self);

/* The cycle with this code ("2021-22"); NULL with CLW_DB_ERROR_NOT_FOUND. */
ClwCycle   *clw_cycle_find_by_code        (ClwDatabase  *db,
                                           const char   *code,
                                           GError      **error);

G_END_DECLS
