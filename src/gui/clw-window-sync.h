/* clw-window-sync.h: the window's side of offline copies and sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window's sync actions ("sync." group) do once the user has
 * chosen a file or a folder: each runs off the main thread, shows its
 * progress and says what it did. UI tests call these directly, in place
 * of the file choosers.
 */

#pragma once

#include "clw-window.h"

G_BEGIN_DECLS

/* Take a copy of the cluster @cluster_id for a meeting into @path (which
 * must not exist), then offer to open it in a window of its own. */
void      clw_window_take_meeting_copy (ClwWindow  *self,
                                        const char *cluster_id,
                                        const char *path);
/* Save the changes the copy @peer (its id or name; NULL when there is
 * only one) has not confirmed having into the bundle @path. */
void      clw_window_export_changes    (ClwWindow  *self,
                                        const char *peer,
                                        const char *path);
/* Apply the bundle @path and say what it did, or why it was refused. */
void      clw_window_import_changes    (ClwWindow  *self,
                                        const char *path);
/* The folder this database syncs through (remembered per database),
 * NULL for none. */
char     *clw_window_dup_sync_folder   (ClwWindow  *self);
void      clw_window_set_sync_folder   (ClwWindow  *self,
                                        const char *folder);
/* Exchange bundles through the sync folder. */
void      clw_window_sync_now          (ClwWindow  *self);
/* Show the page of the conflicts to resolve. */
void      clw_window_show_conflicts    (ClwWindow  *self);
/* A sync operation (copy, export, import, exchange) is under way. */
gboolean  clw_window_is_syncing        (ClwWindow  *self);

G_END_DECLS
