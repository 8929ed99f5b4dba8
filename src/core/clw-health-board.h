/* clw-health-board.h: a health board, a row of the table `health_board`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_HEALTH_BOARD (clw_health_board_get_type ())

G_DECLARE_FINAL_TYPE (ClwHealthBoard, clw_health_board, CLW, HEALTH_BOARD, ClwRecord)

ClwHealthBoard *clw_health_board_new (void);

const char *clw_health_board_get_code         (ClwHealthBoard *self);
const char *clw_health_board_get_name         (ClwHealthBoard *self);
const char *clw_health_board_get_name_cy      (ClwHealthBoard *self);
const char *clw_health_board_get_short_name   (ClwHealthBoard *self);
const char *clw_health_board_get_cluster_term (ClwHealthBoard *self);
const char *clw_health_board_get_valid_from   (ClwHealthBoard *self);
const char *clw_health_board_get_valid_to     (ClwHealthBoard *self);

/* The health boards in being on @on_date ("YYYY-MM-DD"; NULL: all), by name. */
GListStore *clw_health_board_list_valid_on (ClwDatabase  *db,
                                            const char   *on_date,
                                            GError      **error);

G_END_DECLS
