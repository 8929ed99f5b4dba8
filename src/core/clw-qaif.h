/* clw-qaif.h: the QAIF rules engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where verdicts are computed. For every practice in a scope
 * (a practice, a cluster, a health board or all of Wales), in a QAIF cycle,
 * as of a date, it gives each indicator's verdict (achieved, on track, at
 * risk, not achieved), the points earned and the reasons in plain words; for
 * every cluster, the figures of its dashboard. The app, the command line, the
 * IMTP return and the meeting pack all read this report: nothing else
 * computes a verdict. The rules and the guidance they come from are in
 * docs/qaif-rules.md.
 *
 * The engine reads everything it needs in a handful of queries and works in
 * memory, so that all of Wales takes milliseconds.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"
#include "clw-cluster-summary.h"
#include "clw-practice-result.h"

G_BEGIN_DECLS

#define CLW_TYPE_QAIF_REPORT (clw_qaif_report_get_type ())

G_DECLARE_FINAL_TYPE (ClwQaifReport, clw_qaif_report, CLW, QAIF_REPORT, GObject)

/* Evaluate @cycle_code ("2021-22") for @scope as of @as_of (NULL: the
 * database's today, see clw_database_get_today()). @scope_id is the id of
 * the practice, cluster or health board, NULL for CLW_SCOPE_ALL. */
ClwQaifReport     *clw_qaif_evaluate                (ClwDatabase     *db,
                                                     const char      *cycle_code,
                                                     ClwScope         scope,
                                                     const char      *scope_id,
                                                     const GDate     *as_of,
                                                     GError         **error);

/* The same off the main thread: the worker opens its own read-only
 * connection to the database file at @db_path. */
void               clw_qaif_evaluate_async          (const char      *db_path,
                                                     const char      *cycle_code,
                                                     ClwScope         scope,
                                                     const char      *scope_id,
                                                     const GDate     *as_of,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
ClwQaifReport     *clw_qaif_evaluate_finish         (GAsyncResult    *result,
                                                     GError         **error);

/* Whether @date falls in the winter pressure period (1 December to the
 * last day of February): the guidance asks for meetings to avoid it, so a
 * meeting then gets a warning, never a refusal. */
gboolean           clw_qaif_is_winter_pressure      (const GDate     *date);

/* The codes of the cycles the database knows, oldest first. */
GStrv              clw_qaif_list_cycles             (ClwDatabase     *db,
                                                     GError         **error);
/* The cycle that contains @date, or the latest one before it. */
char              *clw_qaif_cycle_for_date          (ClwDatabase     *db,
                                                     const GDate     *date,
                                                     GError         **error);

const char        *clw_qaif_report_get_cycle_code   (ClwQaifReport   *self);
const GDate       *clw_qaif_report_get_as_of        (ClwQaifReport   *self);
/* The cycle's first day. */
const GDate       *clw_qaif_report_get_starts_on    (ClwQaifReport   *self);
/* The cycle's last day: contributions reach the health board by then. */
const GDate       *clw_qaif_report_get_deadline     (ClwQaifReport   *self);
/* Days from the as-of date to the deadline; 0 once it has passed. */
int                clw_qaif_report_get_days_left    (ClwQaifReport   *self);
int                clw_qaif_report_get_pence_per_point (ClwQaifReport *self);

/* The cycle's indicators (ClwIndicator), in their order; index i of a
 * practice result's indicators is the i-th of these. */
GListModel        *clw_qaif_report_get_indicators   (ClwQaifReport   *self);
/* Every practice of the scope (ClwPracticeResult), by cluster then code. */
GListModel        *clw_qaif_report_get_practices    (ClwQaifReport   *self);
/* Every cluster of the scope (ClwClusterSummary), by health board then name. */
GListModel        *clw_qaif_report_get_clusters     (ClwQaifReport   *self);

ClwPracticeResult *clw_qaif_report_lookup_practice  (ClwQaifReport   *self,
                                                     const char      *practice_id);
ClwClusterSummary *clw_qaif_report_lookup_cluster   (ClwQaifReport   *self,
                                                     const char      *cluster_id);
/* The practices of one cluster (ClwPracticeResult), a new model. */
GListModel        *clw_qaif_report_list_cluster_practices (ClwQaifReport *self,
                                                           const char    *cluster_id);
/* The roll-up of every cluster of a health board, or of the whole report
 * when @health_board_id is NULL: one summary whose figures are the sums. */
ClwClusterSummary *clw_qaif_report_sum_clusters     (ClwQaifReport   *self,
                                                     const char      *health_board_id);

G_END_DECLS
