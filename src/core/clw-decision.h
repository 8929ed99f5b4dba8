/* clw-decision.h: the health board's decision on a request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Representation requests and buddy requests are decided the same way: a
 * request is agreed or refused on a date, never before it was made, and a
 * refusal carries an explanation for the practice.
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

gboolean clw_decision_validate (ClwArrangementStatus   status,
                                const char            *requested_on,
                                const char            *decision_on,
                                const char            *explanation,
                                GError               **error);

/* Agree or refuse @request (a ClwRepresentation or ClwBuddyArrangement
 * waiting for a decision) and store it. */
gboolean clw_decision_apply    (ClwRecord             *request,
                                ClwDatabase           *db,
                                gboolean               agree,
                                const char            *decision_on,
                                const char            *explanation,
                                GError               **error);

gboolean clw_check_date_order  (const char            *first,
                                const char            *second,
                                const char            *first_label,
                                const char            *second_label,
                                GError               **error);

gboolean clw_text_is_blank     (const char            *text);

G_END_DECLS
