/* clw-attendance-chart.h: attendance at each meeting of a cycle, as bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clw-cluster-summary.h"

G_BEGIN_DECLS

#define CLW_TYPE_ATTENDANCE_CHART (clw_attendance_chart_get_type ())

G_DECLARE_FINAL_TYPE (ClwAttendanceChart, clw_attendance_chart, CLW, ATTENDANCE_CHART, GtkWidget)

GtkWidget  *clw_attendance_chart_new         (void);
/* Show the meetings of @summary (NULL: none). */
void        clw_attendance_chart_set_summary (ClwAttendanceChart *self,
                                              ClwClusterSummary  *summary);
/* What the chart shows, in words: its accessible description. */
const char *clw_attendance_chart_get_description (ClwAttendanceChart *self);

G_END_DECLS
