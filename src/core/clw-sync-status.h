/* clw-sync-status.h: where this copy stands with the copies it syncs with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_SYNC_STATUS (clw_sync_status_get_type ())

G_DECLARE_FINAL_TYPE (ClwSyncStatus, clw_sync_status, CLW, SYNC_STATUS, GObject)

/* This copy: its id, its name, and what it holds (a meeting copy holds
 * one cluster). */
const char *clw_sync_status_get_database_id    (ClwSyncStatus *self);
const char *clw_sync_status_get_name           (ClwSyncStatus *self);
ClwScope    clw_sync_status_get_scope          (ClwSyncStatus *self);
const char *clw_sync_status_get_scope_id       (ClwSyncStatus *self);
/* The last time a bundle from another copy was applied here, and which. */
const char *clw_sync_status_get_last_sync_at   (ClwSyncStatus *self);
const char *clw_sync_status_get_last_sync_peer (ClwSyncStatus *self);
guint       clw_sync_status_get_n_pending      (ClwSyncStatus *self);
guint       clw_sync_status_get_n_unconfirmed  (ClwSyncStatus *self);
guint       clw_sync_status_get_n_conflicts    (ClwSyncStatus *self);
/* A GListModel of ClwSyncPeer. */
GListModel *clw_sync_status_get_peers          (ClwSyncStatus *self);
/* One sentence for a status line: "Last synced with … on …; 3 changes
 * waiting to go out; 1 conflict to resolve." */
char       *clw_sync_status_dup_summary        (ClwSyncStatus *self);

G_END_DECLS
