/* clw-practice-import-row.h: what importing one row of a practice list will do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made only by ClwPracticeImport (the preview of a CSV import); read-only
 * for everyone else. A GListModel of these is what the app shows before the
 * user agrees to apply the import.
 */

#pragma once

#include <glib-object.h>

#include "clw-types.h"

G_BEGIN_DECLS

/* One field that a row changes, in words for people. */
typedef struct
{
  const char *field;      /* the property of ClwPractice, "list-size" */
  char       *label;      /* "registered list size", translated */
  char       *old_value;  /* as shown: "8400", "yes", "AB01 Blaenau Gwent East" */
  char       *new_value;
} ClwPracticeImportChange;

#define CLW_TYPE_PRACTICE_IMPORT_ROW (clw_practice_import_row_get_type ())

G_DECLARE_FINAL_TYPE (ClwPracticeImportRow, clw_practice_import_row, CLW, PRACTICE_IMPORT_ROW, GObject)

/* The row of the file, numbered as a spreadsheet numbers it (the header
 * is row 1 when it is the first row). */
guint                          clw_practice_import_row_get_row          (ClwPracticeImportRow *self);
ClwImportAction                clw_practice_import_row_get_action       (ClwPracticeImportRow *self);
/* The code as read (upper-cased), possibly invalid for a rejected row. */
const char                    *clw_practice_import_row_get_code         (ClwPracticeImportRow *self);
/* The name the practice will have (for a rejected row, as read). */
const char                    *clw_practice_import_row_get_name         (ClwPracticeImportRow *self);
/* The cluster the practice will be in: its id and "AB01 Blaenau Gwent
 * East"; NULL when the row is rejected before a cluster was found. */
const char                    *clw_practice_import_row_get_cluster_id   (ClwPracticeImportRow *self);
const char                    *clw_practice_import_row_get_cluster_label (ClwPracticeImportRow *self);
/* The id of the practice the row updates, or NULL for a new one. */
const char                    *clw_practice_import_row_get_practice_id  (ClwPracticeImportRow *self);
/* One line: the changes, the reasons of a rejection, or what a new row adds. */
const char                    *clw_practice_import_row_get_summary      (ClwPracticeImportRow *self);
/* Why the row is rejected (each reason a sentence), or NULL. */
const char * const            *clw_practice_import_row_get_reasons      (ClwPracticeImportRow *self);

guint                          clw_practice_import_row_get_n_changes    (ClwPracticeImportRow *self);
const ClwPracticeImportChange *clw_practice_import_row_get_change       (ClwPracticeImportRow *self,
                                                                         guint                 index);

const char                    *clw_import_action_to_label               (ClwImportAction       action);

G_END_DECLS
