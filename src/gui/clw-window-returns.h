/* clw-window-returns.h: what the window hands out and takes in: IMTP
 * returns, meeting packs (as PDF and on paper) and practice lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions (win.export-imtp-return, win.export-imtp-returns,
 * win.save-meeting-pack, win.print-meeting-pack, win.import-practices) ask
 * for a file or folder, then call these; each runs off the main thread,
 * with a progress dialog when it takes a while, and says how it went.
 */

#pragma once

#include "clw-window.h"

G_BEGIN_DECLS

/* Write @cluster_id's IMTP return of the cycle shown to @file. */
void     clw_window_export_imtp_return   (ClwWindow  *self,
                                          const char *cluster_id,
                                          GFile      *file);
/* Write the return of every cluster of @health_board_id into @folder, one
 * file a cluster; first asking before replacing returns already there. */
void     clw_window_export_imtp_returns  (ClwWindow  *self,
                                          const char *health_board_id,
                                          GFile      *folder);
/* Write the pack of @meeting_id to @file as an A4 PDF. */
void     clw_window_save_meeting_pack    (ClwWindow  *self,
                                          const char *meeting_id,
                                          GFile      *file);
/* Gather the pack of @meeting_id and print it: with the print dialog, or
 * straight into the PDF @export_path when it is not NULL (as the dialog's
 * "Print to File" does). */
void     clw_window_print_meeting_pack   (ClwWindow  *self,
                                          const char *meeting_id,
                                          const char *export_path);
/* Read the practice list @file and show what importing it would do. */
void     clw_window_import_practices     (ClwWindow  *self,
                                          GFile      *file);
/* One of the above is under way. */
gboolean clw_window_is_working           (ClwWindow  *self);

G_END_DECLS
