/* clw-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-application.h"
#include "clw-opener.h"
#include "clw-session.h"

G_BEGIN_DECLS

#define CLW_TYPE_WINDOW (clw_window_get_type ())

G_DECLARE_FINAL_TYPE (ClwWindow, clw_window, CLW, WINDOW, AdwApplicationWindow)

ClwWindow  *clw_window_new                 (ClwApplication *application);

/* Open a database off the main thread; a file that cannot be opened is
 * explained in a dialog and left as it was. */
void        clw_window_open_file           (ClwWindow      *self,
                                            GFile          *file);
/* Show the database @opener is opening, started before the window was
 * made. */
void        clw_window_open_prepared       (ClwWindow      *self,
                                            ClwOpener      *opener);
void        clw_window_choose_database     (ClwWindow      *self);
void        clw_window_choose_new_database (ClwWindow      *self);
/* Open the demo database of the user's data folder, generating it first
 * when there is none. */
void        clw_window_open_demo           (ClwWindow      *self);

/* Show the window once the database being opened is shown, so that it
 * appears with its dashboard rather than "Opening…" a moment before; or
 * after @max_wait_ms, whichever comes first. */
void        clw_window_present_when_ready  (ClwWindow      *self,
                                            guint           max_wait_ms);
/* What the window shows with no database: the demo, a new one, Open. */
void        clw_window_show_welcome        (ClwWindow      *self);
gboolean    clw_window_has_database        (ClwWindow      *self);
/* Opening or generating a database. */
gboolean    clw_window_is_busy             (ClwWindow      *self);
ClwSession *clw_window_get_session         (ClwWindow      *self);

/* Show a health board's or a cluster's dashboard, a practice or a meeting. */
gboolean    clw_window_show_item           (ClwWindow      *self,
                                            const char     *id);
void        clw_window_show_practice       (ClwWindow      *self,
                                            const char     *practice_id);
void        clw_window_show_meeting        (ClwWindow      *self,
                                            const char     *meeting_id);
/* The IMTP contribution of @practice_id for @cycle_id (NULL: the cycle
 * shown). */
void        clw_window_show_imtp           (ClwWindow      *self,
                                            const char     *practice_id,
                                            const char     *cycle_id);

G_END_DECLS
