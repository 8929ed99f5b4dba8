/* clw-application.h: the Clwstwr application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLW_TYPE_APPLICATION (clw_application_get_type ())

G_DECLARE_FINAL_TYPE (ClwApplication, clw_application, CLW, APPLICATION, AdwApplication)

/* What --measure-startup and --measure-cluster-switch ask for. */
typedef enum
{
  CLW_MEASURE_NONE,
  CLW_MEASURE_STARTUP,
  CLW_MEASURE_CLUSTER_SWITCH,
} ClwMeasure;

/* @started_at: g_get_monotonic_time() at the top of main(). */
ClwApplication *clw_application_new             (gint64          started_at);

GSettings      *clw_application_get_settings    (ClwApplication *self);
gint64          clw_application_get_started_at  (ClwApplication *self);
ClwMeasure      clw_application_get_measure     (ClwApplication *self);

/* The name recorded in the audit log: the preference, or NULL for the
 * login's name. */
char           *clw_application_dup_user_name   (ClwApplication *self);

/* Remember @path as the last database and the first of the recent ones. */
void            clw_application_note_opened     (ClwApplication *self,
                                                 const char     *path);

G_END_DECLS
