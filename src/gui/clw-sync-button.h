/* clw-sync-button.h: the header bar's sync status, with its details and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_SYNC_BUTTON (clw_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (ClwSyncButton, clw_sync_button, CLW, SYNC_BUTTON, GtkWidget)

void           clw_sync_button_set_session (ClwSyncButton *self,
                                            ClwSession    *session);
/* Ask core where the copy stands again, off the main thread. Changes to
 * the database do this by themselves. */
void           clw_sync_button_refresh     (ClwSyncButton *self);
/* The last status read, NULL until the first has arrived. */
ClwSyncStatus *clw_sync_button_get_status  (ClwSyncButton *self);
/* What the button says: "Synced", "3 to Send", "Syncing…". */
const char    *clw_sync_button_get_text    (ClwSyncButton *self);
/* A sync is under way: the button says so. */
void           clw_sync_button_set_busy    (ClwSyncButton *self,
                                            gboolean       busy);
/* The folder this copy syncs through, for the details; NULL for none. */
void           clw_sync_button_set_folder  (ClwSyncButton *self,
                                            const char    *folder);
/* Show the details (the popover). */
void           clw_sync_button_popup       (ClwSyncButton *self);

G_END_DECLS
