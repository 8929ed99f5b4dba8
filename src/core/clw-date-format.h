/* clw-date-format.h: dates in the user's language, whatever locales the machine has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The names of months and weekdays come from Clwstwr's own catalogue, not
 * from the C library, whose names follow LC_TIME and need the user's locale
 * installed (cy_GB often is not: LANGUAGE=cy with LC_ALL=C.UTF-8 would show
 * "Wed 10 May"). Every date Clwstwr shows goes through these. */
const char *clw_date_month_name       (GDateMonth    month,
                                       gboolean      abbreviated);
const char *clw_date_weekday_name     (GDateWeekday  weekday,
                                       gboolean      abbreviated);

/* Like g_date_time_format(), with %a, %A, %b, %h and %B taken from the names
 * above (the flag '^' makes them upper case); every other directive is
 * g_date_time_format()'s. */
char       *clw_date_time_format      (GDateTime    *datetime,
                                       const char   *format);
/* The same for a day with no time of day. */
char       *clw_date_format           (const GDate  *date,
                                       const char   *format);

G_END_DECLS
