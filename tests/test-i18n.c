/* test-i18n.c: dates and the names of records in English and in Welsh, from Clwstwr's catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clw-test-util.h"

static GDate *
day (int        year,
     GDateMonth month,
     int        d)
{
  return g_date_new_dmy (d, month, year);
}

/* Switch the messages' language; textdomain() makes gettext forget what
 * it looked up in the other language. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  clw_i18n_init ();
}

START_TEST (test_english_names)
{
  g_autoptr(GDate) date = day (2023, G_DATE_MAY, 10);
  g_autofree char *full = NULL;
  g_autofree char *shortened = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *percent = NULL;

  use_language ("en");

  full = clw_date_format (date, "%A %-d %B %Y");
  ck_assert_str_eq (full, "Wednesday 10 May 2023");
  shortened = clw_date_format (date, "%a %d %b, %h");
  ck_assert_str_eq (shortened, "Wed 10 May, May");
  upper = clw_date_format (date, "%^a %^B");
  ck_assert_str_eq (upper, "WED MAY");
  /* A literal per cent sign stays one; other directives are GLib's. */
  percent = clw_date_format (date, "100%% %j %m");
  ck_assert_str_eq (percent, "100% 130 05");
}
END_TEST

/* In the C locale the C library's names are English: ours must be the
 * same, for every month and every weekday. */
START_TEST (test_english_matches_c_library)
{
  use_language ("en");

  for (GDateMonth m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2022, m, 1, 12, 0, 0);
      g_autofree char *full = g_date_time_format (dt, "%B");
      g_autofree char *abbreviated = g_date_time_format (dt, "%b");

      ck_assert_str_eq (clw_date_month_name (m, FALSE), full);
      ck_assert_str_eq (clw_date_month_name (m, TRUE), abbreviated);
    }

  /* 2 January 2023 was a Monday. */
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2023, 1, 2 + i, 12, 0, 0);
      g_autofree char *full = g_date_time_format (dt, "%A");
      g_autofree char *abbreviated = g_date_time_format (dt, "%a");
      GDateWeekday weekday = g_date_time_get_day_of_week (dt);

      ck_assert_int_eq (weekday, G_DATE_MONDAY + i);
      ck_assert_str_eq (clw_date_weekday_name (weekday, FALSE), full);
      ck_assert_str_eq (clw_date_weekday_name (weekday, TRUE), abbreviated);
    }
}
END_TEST

START_TEST (test_date_time_keeps_time_of_day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new (utc, 2022, 10, 12, 14, 5, 0);
  g_autofree char *text = NULL;

  use_language ("en");
  text = clw_date_time_format (dt, "%a %-d %b %Y, %H:%M");
  ck_assert_str_eq (text, "Wed 12 Oct 2022, 14:05");
}
END_TEST

/* The Welsh names come from po/cy.po, built into the build tree's po/
 * folder (CLWSTWR_UNINSTALLED, set by tests/meson.build), whether or not
 * the machine has the cy_GB locale: the tests run in C.UTF-8. */
START_TEST (test_welsh_names)
{
  g_autoptr(GDate) wednesday = day (2023, G_DATE_MAY, 10);
  g_autoptr(GDate) february = day (2022, G_DATE_FEBRUARY, 3);
  g_autofree char *full = NULL;
  g_autofree char *display = NULL;
  g_autofree char *upper = NULL;
  static const char *const months[] = {
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
    "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
  };

  use_language ("cy");

  for (GDateMonth m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    ck_assert_str_eq (clw_date_month_name (m, FALSE), months[m - 1]);
  ck_assert_str_eq (clw_date_month_name (G_DATE_FEBRUARY, TRUE), "Chwef");
  ck_assert_str_eq (clw_date_weekday_name (G_DATE_THURSDAY, FALSE), "Dydd Iau");
  ck_assert_str_eq (clw_date_weekday_name (G_DATE_SATURDAY, TRUE), "Sad");

  full = clw_date_format (wednesday, "%A %-d %B %Y");
  ck_assert_str_eq (full, "Dydd Mercher 10 Mai 2023");
  upper = clw_date_format (wednesday, "%^B");
  ck_assert_str_eq (upper, "MAI");
  /* What the app shows everywhere a day is displayed. */
  display = clw_date_format_display ("2022-02-03");
  ck_assert_str_eq (display, "3 Chwef 2022");

  use_language ("en");
  ck_assert_str_eq (clw_date_month_name (G_DATE_FEBRUARY, FALSE), "February");
}
END_TEST

/* Messages name a kind of record in words, never by its table. */
START_TEST (test_record_names_in_messages)
{
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  use_language ("en");
  ck_assert_str_eq (clw_record_table_to_label ("health_board"), "health board");
  ck_assert_str_eq (clw_record_table_to_label ("pcpg"), "pan cluster planning group");
  ck_assert_str_eq (clw_record_table_to_label ("no_such_table"), "no_such_table");
  /* Every table of a record has its name. */
  {
    guint n;
    const GType *types = clw_record_types_in_order (&n);

    for (guint i = 0; i < n; i++)
      {
        const char *table = clw_record_type_get_table (types[i]);

        ck_assert_msg (strchr (clw_record_table_to_label (table), '_') == NULL,
                       "the table %s has no name for messages", table);
      }
  }

  db = clw_test_new_database ();
  record = clw_record_load (db, CLW_TYPE_HEALTH_BOARD, "00000000-0000-4000-8000-000000000000", &error);
  ck_assert_ptr_null (record);
  ck_assert_str_eq (error->message,
                    "There is no health board with the id 00000000-0000-4000-8000-000000000000.");

  use_language ("cy");
  ck_assert_str_eq (clw_record_table_to_label ("health_board"), "bwrdd iechyd");
  ck_assert_str_eq (clw_record_table_to_label ("action_item"), "cam gweithredu");
  use_language ("en");
}
END_TEST

static Suite *
i18n_suite (void)
{
  Suite *s = suite_create ("i18n");
  TCase *tc = tcase_create ("i18n");

  tcase_add_test (tc, test_english_names);
  tcase_add_test (tc, test_english_matches_c_library);
  tcase_add_test (tc, test_date_time_keeps_time_of_day);
  tcase_add_test (tc, test_welsh_names);
  tcase_add_test (tc, test_record_names_in_messages);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int    argc,
      char **argv)
{
  return clw_test_run (i18n_suite (), argc, argv);
}
