/* clw-welcome-page.h: what the window shows with no database open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CLW_TYPE_WELCOME_PAGE (clw_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (ClwWelcomePage, clw_welcome_page, CLW, WELCOME_PAGE, GtkWidget)

/* Show that something long is under way (@text says what), or, with NULL,
 * that it is over. The buttons are insensitive meanwhile. */
void clw_welcome_page_set_busy (ClwWelcomePage *self,
                                const char     *text);

G_END_DECLS
