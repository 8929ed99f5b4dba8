/* clw-stat-tile.h: one figure of a dashboard, with what it means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CLW_TYPE_STAT_TILE (clw_stat_tile_get_type ())

G_DECLARE_FINAL_TYPE (ClwStatTile, clw_stat_tile, CLW, STAT_TILE, GtkWidget)

typedef enum
{
  CLW_STAT_TILE_NORMAL,
  CLW_STAT_TILE_WARNING,
  CLW_STAT_TILE_ERROR,
} ClwStatTileLevel;

const char *clw_stat_tile_get_value   (ClwStatTile      *self);
void        clw_stat_tile_set_value   (ClwStatTile      *self,
                                       const char       *value);
const char *clw_stat_tile_get_caption (ClwStatTile      *self);
void        clw_stat_tile_set_caption (ClwStatTile      *self,
                                       const char       *caption);
void        clw_stat_tile_set_level   (ClwStatTile      *self,
                                       ClwStatTileLevel  level);

G_END_DECLS
