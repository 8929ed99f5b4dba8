/* clw-cli-demo.c: demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-cli.h"

int
clw_cli_demo (const ClwCliGlobals  *globals,
              int                   argc,
              char                **argv,
              GError              **error)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *today_iso = NULL;
  ClwDemoCounts counts = { 0 };
  int scale = 1;
  gint64 seed = CLW_DEMO_DEFAULT_SEED;
  gint64 started;
  double seconds;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale,
      N_("Make SCALE times the practices of Wales (default 1: about 390)"), N_("SCALE") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the random choices: the same seed makes the same data (default 2023)"), N_("SEED") },
    { NULL }
  };

  if (!clw_cli_parse_options ("demo", NULL,
                              _("Fill a database with invented demo data: practices in the real "
                                "clusters of Wales, two QAIF cycles of GP Collaborative meetings with "
                                "attendance, agendas and actions, representation and buddy requests, "
                                "evidence and IMTP contributions. The database is created if needed "
                                "and must not hold practices yet; the demo is frozen at a reference "
                                "date in the 2022-23 cycle."),
                              entries, &argc, &argv, error))
    return 2;

  if (argc != 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”."), argv[1]);
      return 2;
    }

  if (scale < 1 || scale > CLW_DEMO_MAX_SCALE)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--scale must be a whole number from 1 to %d, not %d."),
                   CLW_DEMO_MAX_SCALE, scale);
      return 2;
    }

  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--seed must be a whole number from 0 to %u."), G_MAXUINT32);
      return 2;
    }

  db = clw_cli_open_database (globals, TRUE, error);
  if (db == NULL)
    return 1;

  started = g_get_monotonic_time ();
  if (!clw_demo_generate_with_counts (db, (guint) scale, (guint32) seed, &counts, error))
    return 1;
  seconds = (g_get_monotonic_time () - started) / 1e6;

  today = clw_database_get_today (db);
  today_iso = clw_date_format_iso (today);
  today_text = clw_date_format_display (today_iso);

  g_print (_("Made demo data in %s (scale %d, seed %lld) in %.1f s, "
             "frozen on %s:\n"),
           clw_database_get_path (db), scale, (long long) seed, seconds, today_text);
  g_print ("  %-28s %8u\n", _("practices"), counts.practices);
  g_print ("  %-28s %8u  (%u %s, %u %s, %u %s)\n", _("meetings"), counts.meetings,
           counts.meetings_held, _("held"), counts.meetings_planned, _("planned"),
           counts.meetings_cancelled, _("cancelled"));
  g_print ("  %-28s %8u\n", _("agenda items"), counts.agenda_items);
  g_print ("  %-28s %8u\n", _("actions"), counts.action_items);
  g_print ("  %-28s %8u\n", _("attendance records"), counts.attendances);
  g_print ("  %-28s %8u\n", _("representation requests"), counts.representations);
  g_print ("  %-28s %8u\n", _("buddy requests"), counts.buddy_arrangements);
  g_print ("  %-28s %8u\n", _("buddy engagement records"), counts.buddy_engagements);
  g_print ("  %-28s %8u\n", _("evidence records"), counts.evidence);
  g_print ("  %-28s %8u\n", _("IMTP contributions"), counts.imtp_contributions);
  g_print ("  %-28s %8u\n", _("IMTP sections"), counts.imtp_sections);
  g_print ("  %-28s %8u\n", _("IMTP workforce counts"), counts.imtp_workforce);
  g_print ("  %-28s %8u\n", _("rows in all"), counts.rows);

  return 0;
}
