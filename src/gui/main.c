/* main.c: clwstwr, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clw-application.h"

int
main (int    argc,
      char **argv)
{
  gint64 started_at = g_get_monotonic_time ();
  g_autoptr(ClwApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = clw_application_new (started_at);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
