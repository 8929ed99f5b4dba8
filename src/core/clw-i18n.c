/* clw-i18n.c: where the translations are found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "clw-i18n.h"

static gboolean
has_catalogue (const char *localedir)
{
  g_auto(GStrv) languages = g_strsplit (CLW_LINGUAS, " ", -1);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (*languages[i] == '\0')
        continue;
      path = g_build_filename (localedir, languages[i], "LC_MESSAGES",
                               GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

const char *
clw_i18n_get_localedir (void)
{
  static const char *localedir;

  if (g_once_init_enter (&localedir))
    {
      const char *uninstalled = g_getenv ("CLWSTWR_UNINSTALLED");
      const char *chosen = LOCALEDIR;

      if ((uninstalled != NULL && *uninstalled != '\0' && g_strcmp0 (uninstalled, "0") != 0)
          || (!has_catalogue (LOCALEDIR) && has_catalogue (SOURCE_LOCALEDIR)))
        chosen = SOURCE_LOCALEDIR;
      g_once_init_leave (&localedir, chosen);
    }

  return localedir;
}

void
clw_i18n_init (void)
{
  bindtextdomain (GETTEXT_PACKAGE, clw_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
