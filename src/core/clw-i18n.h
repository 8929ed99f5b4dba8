/* clw-i18n.h: where the translations are found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder Clwstwr's catalogues are read from: the build tree's po/
 * folder when CLWSTWR_UNINSTALLED is set (make run, the tests, meson
 * devenv) or when the installed folder has none of our catalogues (a
 * build that was never installed); otherwise the installed LOCALEDIR. */
const char *clw_i18n_get_localedir (void);

/* Bind and select Clwstwr's text domain in UTF-8. Call once from main(),
 * before the first message is translated (setlocale() may come before or
 * after: gtk_init() calls it in the application). */
void        clw_i18n_init          (void);

G_END_DECLS
