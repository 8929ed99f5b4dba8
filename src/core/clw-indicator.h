/* clw-indicator.h: a QAIF indicator, a row of the table `indicator`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_INDICATOR (clw_indicator_get_type ())

G_DECLARE_FINAL_TYPE (ClwIndicator, clw_indicator, CLW, INDICATOR, ClwRecord)

ClwIndicator *clw_indicator_new (void);

const char       *clw_indicator_get_cycle_id         (ClwIndicator *self);
const char       *clw_indicator_get_code             (ClwIndicator *self);
int               clw_indicator_get_position         (ClwIndicator *self);
int               clw_indicator_get_points           (ClwIndicator *self);
ClwIndicatorRule  clw_indicator_get_rule             (ClwIndicator *self);
ClwScoring        clw_indicator_get_scoring          (ClwIndicator *self);
int               clw_indicator_get_threshold        (ClwIndicator *self);
int               clw_indicator_get_risk_window_days (ClwIndicator *self);
const char       *clw_indicator_get_title            (ClwIndicator *self);
const char       *clw_indicator_get_title_cy         (ClwIndicator *self);
const char       *clw_indicator_get_description      (ClwIndicator *self);
const char       *clw_indicator_get_description_cy   (ClwIndicator *self);

G_END_DECLS
