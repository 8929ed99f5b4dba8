/* main.c: clwstwr, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clw-application.h"
#include "clw-i18n.h"

int
main (int    argc,
      char **argv)
{
  gint64 started_at = g_get_monotonic_time ();
  g_autoptr(ClwApplication) app = NULL;

  clw_i18n_init ();

  app = clw_application_new (started_at);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
