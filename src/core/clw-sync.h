/* clw-sync.h: offline copies and bringing their work back together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A copy made for a meeting (clw_sync_make_copy) and the database it was
 * made from are peers: each keeps a snapshot of what the other is known to
 * hold (its base), so that its own changes are the difference between the
 * base and the database. An export writes those changes, with the evidence
 * files the other copy lacks, into one bundle file; an import applies a
 * bundle, merging changes to different fields of a row and listing every
 * conflict instead of overwriting anything. docs/sync.md explains the
 * model; docs/sync-format.md the bundle file.
 *
 * Functions that may take long have an _async variant that works on its
 * own connection in a worker thread and emits ClwDatabase::changed on @db
 * when it has written rows.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"
#include "clw-sync-bundle.h"
#include "clw-sync-conflict.h"
#include "clw-sync-peer.h"
#include "clw-sync-report.h"
#include "clw-sync-status.h"

G_BEGIN_DECLS

/* This copy's id (the meta key "database-id"). */
char            *clw_sync_get_database_id      (ClwDatabase          *db);
/* How other copies know this one. */
char            *clw_sync_get_name             (ClwDatabase          *db);
gboolean         clw_sync_set_name             (ClwDatabase          *db,
                                                const char           *name,
                                                GError              **error);

/* Where a copy stands: last sync, changes waiting, conflicts. Counting the
 * changes waiting compares the database with each base: prefer the async
 * variant in the interface. */
ClwSyncStatus   *clw_sync_get_status           (ClwDatabase          *db,
                                                GError              **error);
void             clw_sync_get_status_async     (ClwDatabase          *db,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ClwSyncStatus   *clw_sync_get_status_finish    (ClwDatabase          *db,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Make a copy for a meeting at @path (which must not exist): the data of
 * one cluster (CLW_SCOPE_CLUSTER, @scope_id its id) with its evidence
 * files, and the reference data; or everything (CLW_SCOPE_ALL). The copy
 * and this database become peers. @name is how the copy is known (NULL
 * for "Meeting copy of CLUSTER"). */
ClwSyncReport   *clw_sync_make_copy            (ClwDatabase          *db,
                                                ClwScope              scope,
                                                const char           *scope_id,
                                                const char           *path,
                                                const char           *name,
                                                GError              **error);
void             clw_sync_make_copy_async      (ClwDatabase          *db,
                                                ClwScope              scope,
                                                const char           *scope_id,
                                                const char           *path,
                                                const char           *name,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ClwSyncReport   *clw_sync_make_copy_finish     (ClwDatabase          *db,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Write the changes the peer has not confirmed having into a bundle at
 * @path. @peer is a peer's id or name, or NULL when there is only one. */
ClwSyncReport   *clw_sync_export               (ClwDatabase          *db,
                                                const char           *peer,
                                                const char           *path,
                                                GError              **error);
void             clw_sync_export_async         (ClwDatabase          *db,
                                                const char           *peer,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ClwSyncReport   *clw_sync_export_finish        (ClwDatabase          *db,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Apply a bundle made by a peer. All or nothing: a bundle that is damaged,
 * not for this copy, built on another base, applied already, or from a
 * meeting copy changing rows outside its cluster changes nothing. */
ClwSyncReport   *clw_sync_import               (ClwDatabase          *db,
                                                const char           *path,
                                                GError              **error);
void             clw_sync_import_async         (ClwDatabase          *db,
                                                const char           *path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ClwSyncReport   *clw_sync_import_finish        (ClwDatabase          *db,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Exchange through a folder both copies can reach: apply the bundles other
 * copies left there for this one, then leave one for each peer that has
 * something new to hear. The database itself is never opened from the
 * folder. Bundles that cannot be applied are counted as refused in the
 * report, with the reason in its notes. */
ClwSyncReport   *clw_sync_exchange_folder      (ClwDatabase          *db,
                                                const char           *folder,
                                                GError              **error);
void             clw_sync_exchange_folder_async  (ClwDatabase          *db,
                                                  const char           *folder,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
ClwSyncReport   *clw_sync_exchange_folder_finish (ClwDatabase          *db,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Stop syncing with a copy (a laptop lost or retired): forget it, its base,
 * what was sent to it and the conflicts with it. Its changes not yet
 * imported are lost; the copy itself is not touched. */
gboolean         clw_sync_forget_peer          (ClwDatabase          *db,
                                                const char           *peer,
                                                GError              **error);

/* The conflicts still to resolve: a GListModel of ClwSyncConflict. */
GListModel      *clw_sync_list_conflicts       (ClwDatabase          *db,
                                                GError              **error);
ClwSyncConflict *clw_sync_get_conflict         (ClwDatabase          *db,
                                                const char           *conflict_id,
                                                GError              **error);

/* Resolve a conflict: keep mine, take theirs, or (for a field) set @value,
 * written as the field is written in dataset files. The choice is told to
 * the other copy with the next bundle, which settles its copy of the
 * conflict. */
gboolean         clw_sync_resolve              (ClwDatabase          *db,
                                                const char           *conflict_id,
                                                ClwSyncChoice         choice,
                                                const char           *value,
                                                GError              **error);
void             clw_sync_resolve_async        (ClwDatabase          *db,
                                                const char           *conflict_id,
                                                ClwSyncChoice         choice,
                                                const char           *value,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean         clw_sync_resolve_finish       (ClwDatabase          *db,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
