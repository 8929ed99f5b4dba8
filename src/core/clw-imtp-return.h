/* clw-imtp-return.h: a cluster's IMTP return to its health board, as XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One XML document per cluster and QAIF cycle: the practices' IMTP
 * contributions in their own words (English and Welsh), their verdicts,
 * points and reasons as the rules engine gives them (never recomputed), the
 * meetings held with attendance counts, buddy and representation decisions,
 * and a manifest of the evidence (never the files). Aggregates only. The
 * format is data/imtp-return.xsd, documented in docs/imtp-return.md.
 *
 * A return is validated against the schema compiled into Clwstwr as soon as
 * it is made: one that does not follow the schema is never made, so never
 * written, and the error says what failed. Files are written whole through
 * a temporary, readable by their owner only.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"
#include "clw-qaif.h"

G_BEGIN_DECLS

#define CLW_IMTP_RETURN_NAMESPACE "https://clwstwr.github.io/ns/imtp-return/1"
#define CLW_IMTP_RETURN_SCHEMA_RESOURCE "/io/github/clwstwr/Clwstwr/core/imtp-return.xsd"

#define CLW_TYPE_IMTP_RETURN (clw_imtp_return_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpReturn, clw_imtp_return, CLW, IMTP_RETURN, GObject)

/* The return of one cluster for @cycle_code ("2021-22"), its verdicts
 * evaluated as of @as_of (NULL: the database's today). */
ClwImtpReturn *clw_imtp_return_new                  (ClwDatabase     *db,
                                                     const char      *cluster_id,
                                                     const char      *cycle_code,
                                                     const GDate     *as_of,
                                                     GError         **error);
/* The returns of every cluster of a report (ClwImtpReturn, in the report's
 * order of clusters); the report is evaluated once for all of them. */
GPtrArray     *clw_imtp_return_new_for_report       (ClwDatabase     *db,
                                                     ClwQaifReport   *report,
                                                     GError         **error);
/* Every cluster of a health board (@health_board_id), or of Wales (NULL). */
GPtrArray     *clw_imtp_return_new_for_health_board (ClwDatabase     *db,
                                                     const char      *health_board_id,
                                                     const char      *cycle_code,
                                                     const GDate     *as_of,
                                                     GError         **error);

/* The document, valid against the schema. */
GBytes        *clw_imtp_return_get_bytes            (ClwImtpReturn   *self);
const char    *clw_imtp_return_get_cluster_id       (ClwImtpReturn   *self);
const char    *clw_imtp_return_get_cluster_code     (ClwImtpReturn   *self);
const char    *clw_imtp_return_get_cluster_name     (ClwImtpReturn   *self);
const char    *clw_imtp_return_get_cycle_code       (ClwImtpReturn   *self);
/* Texts that look as if they hold patient-identifiable data (an NHS number,
 * a date of birth), each a sentence saying where; NULL when none. The
 * return is made all the same: these are warnings for the person sending
 * it. */
const char * const *clw_imtp_return_get_warnings    (ClwImtpReturn   *self);
/* "AB01-2021-22-imtp-return.xml": the cluster's code and the cycle. */
char          *clw_imtp_return_dup_file_name        (ClwImtpReturn   *self);
/* The same name without making the return (one row read): what a save
 * dialog suggests before the return is made. */
char          *clw_imtp_return_dup_file_name_for    (ClwDatabase     *db,
                                                     const char      *cluster_id,
                                                     const char      *cycle_code,
                                                     GError         **error);

/* Write the return to @path, through a temporary renamed over it (0600). */
gboolean       clw_imtp_return_save                 (ClwImtpReturn   *self,
                                                     const char      *path,
                                                     GError         **error);

/* Make one cluster's return (@scope CLW_SCOPE_CLUSTER) and write it to the
 * file @path, or every cluster's of a health board (CLW_SCOPE_HEALTH_BOARD)
 * or of Wales (CLW_SCOPE_ALL, @scope_id NULL) into the folder @path, one
 * file per cluster named by clw_imtp_return_dup_file_name(). Every return is
 * made and validated before the first file is written. Off the main thread,
 * on a read-only connection of its own to @db_path. */
void           clw_imtp_return_write_async          (const char      *db_path,
                                                     ClwScope         scope,
                                                     const char      *scope_id,
                                                     const char      *cycle_code,
                                                     const GDate     *as_of,
                                                     const char      *path,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
/* The paths written; @warnings (may be NULL) receives the warnings of every
 * return written. */
GStrv          clw_imtp_return_write_finish         (GAsyncResult    *result,
                                                     GStrv           *warnings,
                                                     GError         **error);
/* The same, on @db in this thread. */
GStrv          clw_imtp_return_write                (ClwDatabase     *db,
                                                     ClwScope         scope,
                                                     const char      *scope_id,
                                                     const char      *cycle_code,
                                                     const GDate     *as_of,
                                                     const char      *path,
                                                     GStrv           *warnings,
                                                     GCancellable    *cancellable,
                                                     GError         **error);

G_END_DECLS
