/* clw-ui-util.h: driving the app's window from a program, for UI tests and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-application.h"
#include "clw-window.h"

G_BEGIN_DECLS

/* Spin the main loop until @done (a gboolean) is TRUE or @timeout_ms
 * pass; TRUE when done. */
gboolean    clw_ui_wait_for          (gboolean   *done,
                                      guint       timeout_ms);
/* Spin until nothing is pending. */
void        clw_ui_flush             (void);
/* Queue a frame of @widget's window and wait for it to be painted. */
gboolean    clw_ui_wait_for_paint    (GtkWidget  *widget,
                                      guint       timeout_ms);
/* Open @path in @window and wait until its first report has arrived and
 * its full check has passed (nothing can be written before). */
gboolean    clw_ui_open_and_wait     (ClwWindow  *window,
                                      const char *path,
                                      guint       timeout_ms);
/* Wait until the session's report is another than @before (the one
 * before an edit: the new one may have come already). */
gboolean    clw_ui_wait_for_report   (ClwSession    *session,
                                      ClwQaifReport *before,
                                      guint          timeout_ms);
/* The first descendant of @widget named @name (gtk_widget_set_name),
 * or of type @type when @name is NULL. */
GtkWidget  *clw_ui_find              (GtkWidget  *widget,
                                      const char *name,
                                      GType       type);
/* Every descendant of @widget of @type, in order. */
GPtrArray  *clw_ui_find_all          (GtkWidget  *widget,
                                      GType       type);
/* Save what @window shows as a PNG. */
gboolean    clw_ui_save_png          (GtkWindow  *window,
                                      const char *path,
                                      GError    **error);

/* The same, with @popover (open, over @window) drawn where it is: a
 * popover is a surface of its own, which the window's picture leaves out. */
gboolean    clw_ui_save_png_with_popover (GtkWindow  *window,
                                          GtkPopover *popover,
                                          const char *path,
                                          GError    **error);

G_END_DECLS
