/* clw-sync-bundle.h: one file carrying a copy's changes to another copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The container is documented in docs/sync-format.md: a magic and a
 * version, a manifest, the changeset, the evidence files the other copy
 * does not have, and a SHA-256 over the whole, so that a file cut short or
 * changed on the way is refused before anything is read from it. Loading a
 * bundle changes nothing; it lets the interface say what is in it.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

/* The largest bundle Clwstwr reads. */
#define CLW_SYNC_MAX_BUNDLE_SIZE ((gsize) 512 * 1024 * 1024)

#define CLW_TYPE_SYNC_BUNDLE (clw_sync_bundle_get_type ())

G_DECLARE_FINAL_TYPE (ClwSyncBundle, clw_sync_bundle, CLW, SYNC_BUNDLE, GObject)

ClwSyncBundle *clw_sync_bundle_load           (const char     *path,
                                               GError        **error);
ClwSyncBundle *clw_sync_bundle_new_from_bytes (GBytes         *bytes,
                                               const char     *filename,
                                               GError        **error);

const char    *clw_sync_bundle_get_id         (ClwSyncBundle  *self);
/* The copy that made it, and the copy it is for. */
const char    *clw_sync_bundle_get_from_id    (ClwSyncBundle  *self);
const char    *clw_sync_bundle_get_from_name  (ClwSyncBundle  *self);
const char    *clw_sync_bundle_get_to_id      (ClwSyncBundle  *self);
guint64        clw_sync_bundle_get_seq        (ClwSyncBundle  *self);
const char    *clw_sync_bundle_get_author     (ClwSyncBundle  *self);
const char    *clw_sync_bundle_get_made_at    (ClwSyncBundle  *self);
/* What the copy that made it holds. */
ClwScope       clw_sync_bundle_get_scope      (ClwSyncBundle  *self);
const char    *clw_sync_bundle_get_scope_id   (ClwSyncBundle  *self);
guint          clw_sync_bundle_get_n_changes  (ClwSyncBundle  *self);
guint          clw_sync_bundle_get_n_files    (ClwSyncBundle  *self);

G_END_DECLS
