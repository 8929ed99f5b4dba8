/* clw-pcpg.h: a pan cluster planning group, a row of the table `pcpg`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_PCPG (clw_pcpg_get_type ())

G_DECLARE_FINAL_TYPE (ClwPcpg, clw_pcpg, CLW, PCPG, ClwRecord)

ClwPcpg *clw_pcpg_new (void);

const char *clw_pcpg_get_health_board_id (ClwPcpg *self);
const char *clw_pcpg_get_name            (ClwPcpg *self);
const char *clw_pcpg_get_name_cy         (ClwPcpg *self);
const char *clw_pcpg_get_valid_from      (ClwPcpg *self);
const char *clw_pcpg_get_valid_to        (ClwPcpg *self);

G_END_DECLS
