/* clw-date-format.c: dates in the user's language, whatever locales the machine has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-date-format"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-date-format.h"

/* Marked with N_()/NC_() here, translated where they are used, so that a
 * change of language (the tests, LANGUAGE) is followed. */
static const char *const month_names[12][2] = {
  { NC_("month", "January"), NC_("abbreviated month", "Jan") },
  { NC_("month", "February"), NC_("abbreviated month", "Feb") },
  { NC_("month", "March"), NC_("abbreviated month", "Mar") },
  { NC_("month", "April"), NC_("abbreviated month", "Apr") },
  { NC_("month", "May"), NC_("abbreviated month", "May") },
  { NC_("month", "June"), NC_("abbreviated month", "Jun") },
  { NC_("month", "July"), NC_("abbreviated month", "Jul") },
  { NC_("month", "August"), NC_("abbreviated month", "Aug") },
  { NC_("month", "September"), NC_("abbreviated month", "Sep") },
  { NC_("month", "October"), NC_("abbreviated month", "Oct") },
  { NC_("month", "November"), NC_("abbreviated month", "Nov") },
  { NC_("month", "December"), NC_("abbreviated month", "Dec") },
};

/* G_DATE_MONDAY (1) to G_DATE_SUNDAY (7). */
static const char *const weekday_names[7][2] = {
  { NC_("weekday", "Monday"), NC_("abbreviated weekday", "Mon") },
  { NC_("weekday", "Tuesday"), NC_("abbreviated weekday", "Tue") },
  { NC_("weekday", "Wednesday"), NC_("abbreviated weekday", "Wed") },
  { NC_("weekday", "Thursday"), NC_("abbreviated weekday", "Thu") },
  { NC_("weekday", "Friday"), NC_("abbreviated weekday", "Fri") },
  { NC_("weekday", "Saturday"), NC_("abbreviated weekday", "Sat") },
  { NC_("weekday", "Sunday"), NC_("abbreviated weekday", "Sun") },
};

const char *
clw_date_month_name (GDateMonth month,
                     gboolean   abbreviated)
{
  g_return_val_if_fail (month >= G_DATE_JANUARY && month <= G_DATE_DECEMBER, "");

  if (abbreviated)
    return g_dpgettext2 (NULL, "abbreviated month", month_names[month - 1][1]);
  return g_dpgettext2 (NULL, "month", month_names[month - 1][0]);
}

const char *
clw_date_weekday_name (GDateWeekday weekday,
                       gboolean     abbreviated)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");

  if (abbreviated)
    return g_dpgettext2 (NULL, "abbreviated weekday", weekday_names[weekday - 1][1]);
  return g_dpgettext2 (NULL, "weekday", weekday_names[weekday - 1][0]);
}

/* @name with every '%' doubled, so that g_date_time_format() copies it. */
static void
append_escaped (GString    *out,
                const char *name,
                gboolean    upper)
{
  g_autofree char *upper_name = upper ? g_utf8_strup (name, -1) : NULL;

  for (const char *p = upper ? upper_name : name; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append_c (out, '%');
      g_string_append_c (out, *p);
    }
}

char *
clw_date_time_format (GDateTime  *datetime,
                      const char *format)
{
  g_autoptr(GString) rewritten = NULL;
  const char *p;

  g_return_val_if_fail (datetime != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  rewritten = g_string_sized_new (strlen (format) + 16);
  for (p = format; *p != '\0'; p++)
    {
      const char *start = p;
      gboolean upper = FALSE;

      if (*p != '%')
        {
          g_string_append_c (rewritten, *p);
          continue;
        }

      /* The flags g_date_time_format() knows, then the conversion. */
      for (p++; *p != '\0' && strchr ("-_0^#", *p) != NULL; p++)
        upper |= (*p == '^');
      if (*p == '\0')
        {
          g_string_append (rewritten, start);
          break;
        }

      switch (*p)
        {
        case 'a':
        case 'A':
          append_escaped (rewritten,
                          clw_date_weekday_name (g_date_time_get_day_of_week (datetime), *p == 'a'),
                          upper);
          break;

        case 'b':
        case 'h':
        case 'B':
          append_escaped (rewritten,
                          clw_date_month_name (g_date_time_get_month (datetime), *p != 'B'),
                          upper);
          break;

        default:
          g_string_append_len (rewritten, start, p - start + 1);
          break;
        }
    }

  return g_date_time_format (datetime, rewritten->str);
}

char *
clw_date_format (const GDate *date,
                 const char  *format)
{
  g_autoptr(GDateTime) datetime = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  /* A day has no time zone: UTC, noon. */
  datetime = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                  g_date_get_day (date), 12, 0, 0);
  return clw_date_time_format (datetime, format);
}
