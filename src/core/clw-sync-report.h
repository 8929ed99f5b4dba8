/* clw-sync-report.h: what an export, an import or a folder exchange did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CLW_TYPE_SYNC_REPORT (clw_sync_report_get_type ())

G_DECLARE_FINAL_TYPE (ClwSyncReport, clw_sync_report, CLW, SYNC_REPORT, GObject)

/* The bundle written or read (the last one, for a folder exchange). */
const char         *clw_sync_report_get_path            (ClwSyncReport *self);
/* The other copy, and who made the bundle when. */
const char         *clw_sync_report_get_peer_name       (ClwSyncReport *self);
const char         *clw_sync_report_get_author          (ClwSyncReport *self);
const char         *clw_sync_report_get_made_at         (ClwSyncReport *self);
/* Changes in the bundle(s) written or read. */
guint               clw_sync_report_get_n_changes       (ClwSyncReport *self);
/* Of the changes read, those applied here. */
guint               clw_sync_report_get_n_applied       (ClwSyncReport *self);
/* New conflicts found, and conflicts settled by the other copy. */
guint               clw_sync_report_get_n_conflicts     (ClwSyncReport *self);
guint               clw_sync_report_get_n_settled       (ClwSyncReport *self);
/* Evidence files carried, and evidence files still missing here. */
guint               clw_sync_report_get_n_files         (ClwSyncReport *self);
guint               clw_sync_report_get_n_missing_files (ClwSyncReport *self);
/* A folder exchange: bundles imported, written, skipped and refused. */
guint               clw_sync_report_get_n_imported      (ClwSyncReport *self);
guint               clw_sync_report_get_n_written       (ClwSyncReport *self);
guint               clw_sync_report_get_n_skipped       (ClwSyncReport *self);
guint               clw_sync_report_get_n_refused       (ClwSyncReport *self);
/* Sentences for the user: what was skipped or refused and why. */
const char * const *clw_sync_report_get_notes           (ClwSyncReport *self);
/* The tables written (for refreshing views). */
const char * const *clw_sync_report_get_tables          (ClwSyncReport *self);

G_END_DECLS
