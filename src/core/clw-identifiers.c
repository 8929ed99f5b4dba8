/* clw-identifiers.c: spotting what may identify a patient in free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-identifiers"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-identifiers.h"

/* How near a date must be to a word such as "DOB" to be read as a date of
 * birth, in characters. */
#define DOB_WINDOW 40

typedef struct
{
  int start;
  int end;
} Span;

typedef struct
{
  GRegex *nhs_number;
  GRegex *date;
  GRegex *dob_word;
} Patterns;

static const Patterns *
get_patterns (void)
{
  static Patterns patterns;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      const char *months =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
        "ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr";
      g_autofree char *date = g_strdup_printf (
        "(?<![0-9])(?:[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"
        "|[0-9]{1,2}(?:st|nd|rd|th)?\\s+(?:%s)\\.?,?\\s+[0-9]{4})(?![0-9])", months);

      /* The same separator twice, or none: 943 476 5919, 943-476-5919, 9434765919. */
      patterns.nhs_number = g_regex_new ("(?<![0-9])([0-9]{3})([ -]?)([0-9]{3})\\2([0-9]{4})(?![0-9])",
                                         G_REGEX_OPTIMIZE, 0, NULL);
      patterns.date = g_regex_new (date, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      patterns.dob_word = g_regex_new ("(?<![[:alpha:]])(?:d\\.?o\\.?b\\b\\.?|date\\s+of\\s+birth|"
                                       "birth\\s*date|born|dyddiad\\s+geni|ganwyd|ganed)(?![[:alpha:]])",
                                       G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      g_assert (patterns.nhs_number != NULL && patterns.date != NULL && patterns.dob_word != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return &patterns;
}

gboolean
clw_nhs_number_is_valid (const char *digits)
{
  int sum = 0;
  int check;

  if (digits == NULL || strlen (digits) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;

  /* Weights 10 down to 2 on the first nine digits. */
  for (int i = 0; i < 9; i++)
    sum += (digits[i] - '0') * (10 - i);

  check = 11 - (sum % 11);
  if (check == 11)
    check = 0;
  if (check == 10)
    return FALSE;

  return check == digits[9] - '0';
}

static void
find_nhs_numbers (const char *text,
                  GPtrArray  *found)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (get_patterns ()->nhs_number, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *a = g_match_info_fetch (match, 1);
      g_autofree char *b = g_match_info_fetch (match, 3);
      g_autofree char *c = g_match_info_fetch (match, 4);
      g_autofree char *digits = g_strconcat (a, b, c, NULL);

      if (clw_nhs_number_is_valid (digits))
        /* TRANSLATORS: %s is the last four digits of the number */
        g_ptr_array_add (found, g_strdup_printf (_("an NHS number (ending %s)"), c));

      g_match_info_next (match, NULL);
    }
}

static void
find_dates_of_birth (const char *text,
                     GPtrArray  *found)
{
  g_autoptr(GMatchInfo) words = NULL;
  g_autoptr(GArray) word_spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GMatchInfo) dates = NULL;

  g_regex_match (get_patterns ()->dob_word, text, 0, &words);
  while (g_match_info_matches (words))
    {
      Span span;

      g_match_info_fetch_pos (words, 0, &span.start, &span.end);
      g_array_append_val (word_spans, span);
      g_match_info_next (words, NULL);
    }
  if (word_spans->len == 0)
    return;

  g_regex_match (get_patterns ()->date, text, 0, &dates);
  while (g_match_info_matches (dates))
    {
      int start, end;

      g_match_info_fetch_pos (dates, 0, &start, &end);
      for (guint i = 0; i < word_spans->len; i++)
        {
          const Span *span = &g_array_index (word_spans, Span, i);
          glong gap;

          if (span->end <= start)
            gap = g_utf8_strlen (text + span->end, start - span->end);
          else if (end <= span->start)
            gap = g_utf8_strlen (text + end, span->start - end);
          else
            gap = 0;

          if (gap <= DOB_WINDOW)
            {
              g_autofree char *word = g_strndup (text + span->start, span->end - span->start);
              g_ptr_array_add (found, g_strdup_printf (_("what looks like a date of birth (a date "
                                                         "next to “%s”)"), word));
              break;
            }
        }
      g_match_info_next (dates, NULL);
    }
}

GStrv
clw_text_find_patient_identifiers (const char *text)
{
  g_autoptr(GPtrArray) found = NULL;

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return NULL;

  found = g_ptr_array_new_with_free_func (g_free);
  find_nhs_numbers (text, found);
  find_dates_of_birth (text, found);

  if (found->len == 0)
    return NULL;

  g_ptr_array_add (found, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}
