/* clw-sync-peer.h: another copy this one syncs with, and where they stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_SYNC_PEER (clw_sync_peer_get_type ())

G_DECLARE_FINAL_TYPE (ClwSyncPeer, clw_sync_peer, CLW, SYNC_PEER, GObject)

/* The other copy's database id. */
const char *clw_sync_peer_get_id                 (ClwSyncPeer *self);
const char *clw_sync_peer_get_name               (ClwSyncPeer *self);
/* What the other copy holds: everything (CLW_SCOPE_ALL) or one cluster. */
ClwScope    clw_sync_peer_get_scope              (ClwSyncPeer *self);
const char *clw_sync_peer_get_scope_id           (ClwSyncPeer *self);
const char *clw_sync_peer_get_scope_name         (ClwSyncPeer *self);
/* When one of the two copies was made from the other. */
const char *clw_sync_peer_get_made_at            (ClwSyncPeer *self);
/* The last bundle from the peer applied here (NULL if none yet). */
const char *clw_sync_peer_get_last_import_at     (ClwSyncPeer *self);
const char *clw_sync_peer_get_last_import_author (ClwSyncPeer *self);
/* The last bundle made here for the peer (NULL if none yet). */
const char *clw_sync_peer_get_last_export_at     (ClwSyncPeer *self);
/* Changes made here that the peer has not confirmed having. */
guint       clw_sync_peer_get_n_pending          (ClwSyncPeer *self);
/* Bundles made for the peer that it has not confirmed applying. */
guint       clw_sync_peer_get_n_unconfirmed      (ClwSyncPeer *self);
/* Conflicts with this peer still to resolve. */
guint       clw_sync_peer_get_n_conflicts        (ClwSyncPeer *self);

G_END_DECLS
