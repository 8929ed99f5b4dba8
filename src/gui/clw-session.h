/* clw-session.h: the open database, the QAIF cycle shown and its report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-core.h"
#include "clw-qaif.h"

G_BEGIN_DECLS

#define CLW_TYPE_SESSION (clw_session_get_type ())

G_DECLARE_FINAL_TYPE (ClwSession, clw_session, CLW, SESSION, GObject)

ClwSession         *clw_session_new               (ClwDatabase   *database);
/* With the cycle to show (NULL: today's) and its report, evaluated already
 * (NULL: evaluate it with clw_session_refresh()). */
ClwSession         *clw_session_new_full          (ClwDatabase   *database,
                                                   const char    *cycle_code,
                                                   ClwQaifReport *report);

ClwDatabase        *clw_session_get_database      (ClwSession    *self);
/* The codes of the cycles the database knows, oldest first. */
const char * const *clw_session_get_cycle_codes   (ClwSession    *self);
const char         *clw_session_get_cycle_code    (ClwSession    *self);
void                clw_session_set_cycle_code    (ClwSession    *self,
                                                   const char    *cycle_code);
/* The cycle shown, or NULL when the database has none. */
ClwCycle           *clw_session_get_cycle         (ClwSession    *self);
/* The all-Wales report of the cycle, NULL until the first evaluation. */
ClwQaifReport      *clw_session_get_report        (ClwSession    *self);
gboolean            clw_session_get_busy          (ClwSession    *self);
/* The report's practices of one cluster (ClwPracticeResult), a new model:
 * clw_qaif_report_list_cluster_practices() with the report's practices
 * grouped once, so that showing a cluster costs the size of the cluster,
 * not of Wales. */
GListModel         *clw_session_list_cluster_practices (ClwSession *self,
                                                        const char *cluster_id);
/* The database's today (a demo database is frozen at its reference date). */
GDate              *clw_session_dup_today         (ClwSession    *self);
char               *clw_session_dup_today_iso     (ClwSession    *self);

/* Evaluate the cycle again, off the main thread. Changes to the database
 * do this by themselves. */
void                clw_session_refresh           (ClwSession    *self);

/* Store @record (insert or update) as one change named @label, the name
 * the undo toast and the audit log show. */
gboolean            clw_session_save              (ClwSession    *self,
                                                   ClwRecord     *record,
                                                   const char    *label,
                                                   GError       **error);
gboolean            clw_session_delete            (ClwSession    *self,
                                                   ClwRecord     *record,
                                                   const char    *label,
                                                   GError       **error);

/* A warning about when a meeting is, or NULL: a meeting in the winter
 * pressure period. Warn, never block. @starts_at: "YYYY-MM-DDTHH:MM". */
char               *clw_session_dup_timing_warning (ClwSession   *self,
                                                    const char   *starts_at);

G_END_DECLS
