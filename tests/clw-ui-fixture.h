/* clw-ui-fixture.h: the app's window on a copy of the demo, for the UI tests of one area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-test-util.h"
#include "clw-ui-util.h"

G_BEGIN_DECLS

#define CLW_UI_TIMEOUT_MS 30000

typedef struct
{
  ClwApplication *app;
  ClwWindow      *window;
  char           *path;       /* this test's copy of the demo */
} ClwUiFixture;

extern ClwUiFixture clw_ui_fx;

/* Check's fixture: gtk_init in the forked test, the demo copied, the
 * window presented at 1280 × 800 and the database opened. */
void        clw_ui_fixture_setup     (void);
void        clw_ui_fixture_teardown  (void);
/* Generate the demo once (before Check forks), run @suite, clean up. */
int         clw_ui_fixture_run       (Suite      *suite,
                                      int         argc,
                                      char      **argv);

ClwSession *clw_ui_session           (void);
ClwDatabase *clw_ui_database         (void);
ClwQaifReport *clw_ui_report         (void);

/* The first toplevel of @type, or NULL. */
GtkWindow  *clw_ui_find_toplevel     (GType       type);
/* Spin until a toplevel of @type is shown, or the timeout. */
GtkWindow  *clw_ui_wait_for_toplevel (GType       type,
                                      guint       timeout_ms);
/* Run xdotool with @args (NULL-terminated), under the test's display. */
void        clw_ui_xdotool           (const char *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
/* Move the pointer to (@x, @y) of @widget, in real X events. */
void        clw_ui_pointer_to        (GtkWidget  *widget,
                                      double      x,
                                      double      y);

G_END_DECLS
