/* clw-identifiers.h: spotting what may identify a patient in free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Returns to the health board carry aggregates only. The texts in them are
 * the practices' own words, which must not hold patient-identifiable data;
 * these checks warn when a text looks as if it does. They are heuristics
 * for a warning, never a guarantee and never a refusal.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @digits is ten digits whose last is the NHS Modulus 11 check
 * digit of the first nine. */
gboolean clw_nhs_number_is_valid            (const char  *digits);

/* What in @text may identify a patient, one description per finding
 * ("an NHS number (ending 5919)"), never repeating the whole identifier;
 * NULL when nothing was found. Looks for:
 * - NHS numbers: ten digits, together or grouped 3-3-4 by spaces or
 *   hyphens, with a valid check digit;
 * - dates of birth: a date (12/03/1950, 12-3-50, 12 March 1950, 12 Mawrth
 *   1950) within 40 characters of "DOB", "date of birth", "birth date",
 *   "born", "dyddiad geni", "ganwyd" or "ganed". */
GStrv    clw_text_find_patient_identifiers  (const char  *text);

G_END_DECLS
