/* clw-date-entry.h: a date, typed as YYYY-MM-DD or picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CLW_TYPE_DATE_ENTRY (clw_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (ClwDateEntry, clw_date_entry, CLW, DATE_ENTRY, GtkWidget)

/* "YYYY-MM-DD", or what was typed when it is not a date. */
const char *clw_date_entry_get_text   (ClwDateEntry *self);
void        clw_date_entry_set_text   (ClwDateEntry *self,
                                       const char   *iso_date);
/* Whether the text is a valid date (or empty, when @allow_empty). */
gboolean    clw_date_entry_is_valid   (ClwDateEntry *self,
                                       gboolean      allow_empty);

G_END_DECLS
