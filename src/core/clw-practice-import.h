/* clw-practice-import.h: practice lists from a spreadsheet (CSV)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Health boards keep their practice lists in spreadsheets. An import has
 * two steps: a preview reads the CSV file and says, row by row, which
 * practices it adds, which it changes (and what changes), which are already
 * up to date and which rows are rejected (with the row and the reason); then
 * apply writes the additions and changes in one transaction, and only when
 * no row is rejected. Practices are matched by their code; practices that
 * are not in the file are left alone. Which headers are understood is in
 * docs/practice-csv.md.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"
#include "clw-practice-import-row.h"

G_BEGIN_DECLS

/* The largest file a preview reads (a list of every practice in Wales is
 * about 40 kB). */
#define CLW_PRACTICE_IMPORT_MAX_SIZE (4 * 1024 * 1024)

/* The fields of a practice that a column can give. */
typedef enum
{
  CLW_PRACTICE_FIELD_CODE,
  CLW_PRACTICE_FIELD_NAME,
  CLW_PRACTICE_FIELD_CLUSTER,
  CLW_PRACTICE_FIELD_PARTNERS,
  CLW_PRACTICE_FIELD_LIST_SIZE,
  CLW_PRACTICE_FIELD_SUSTAINABILITY,
  CLW_PRACTICE_FIELD_BRANCH_SURGERIES,
} ClwPracticeField;

#define CLW_N_PRACTICE_FIELDS 7

#define CLW_TYPE_PRACTICE_IMPORT (clw_practice_import_get_type ())

G_DECLARE_FINAL_TYPE (ClwPracticeImport, clw_practice_import, CLW, PRACTICE_IMPORT, GObject)

/* Read @path (at most @max_size bytes, 0 for CLW_PRACTICE_IMPORT_MAX_SIZE)
 * and compare it with @db. NULL with an error when the file as a whole
 * cannot be read: not UTF-8 (CLW_IMPORT_ERROR_ENCODING), badly quoted
 * (CLW_IMPORT_ERROR_MALFORMED), no column for a required field
 * (CLW_IMPORT_ERROR_SCHEMA), too large, empty. Problems of single rows do
 * not fail the preview: those rows are rejected, with their reasons. */
ClwPracticeImport  *clw_practice_import_preview         (ClwDatabase        *db,
                                                         const char         *path,
                                                         gsize               max_size,
                                                         GError            **error);
ClwPracticeImport  *clw_practice_import_preview_bytes   (ClwDatabase        *db,
                                                         GBytes             *bytes,
                                                         const char         *filename,
                                                         GError            **error);

/* The same off the main thread, on a read-only connection of its own to
 * the database file at @db_path. */
void                clw_practice_import_preview_async   (const char         *db_path,
                                                         const char         *path,
                                                         gsize               max_size,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
ClwPracticeImport  *clw_practice_import_preview_finish  (GAsyncResult       *result,
                                                         GError            **error);

/* The name of the file, as given. */
const char         *clw_practice_import_get_filename    (ClwPracticeImport  *self);
/* Every data row that is not blank, in the file's order
 * (ClwPracticeImportRow). */
GListModel         *clw_practice_import_get_rows        (ClwPracticeImport  *self);
guint               clw_practice_import_count           (ClwPracticeImport  *self,
                                                         ClwImportAction     action);
/* The row of the header (1 unless there are title rows above it). */
guint               clw_practice_import_get_header_row  (ClwPracticeImport  *self);
/* The header of the column that gives @field, or NULL when none does. For a
 * cluster given by two columns (code and name), the first. */
const char         *clw_practice_import_get_column      (ClwPracticeImport  *self,
                                                         ClwPracticeField    field);
/* Headers that name no field Clwstwr knows: those columns are not read. */
const char * const *clw_practice_import_get_ignored_columns (ClwPracticeImport *self);

/* Whether apply would write anything and may: no row rejected, and at
 * least one to add or change. */
gboolean            clw_practice_import_can_apply       (ClwPracticeImport  *self);

/* Write the additions and changes in one transaction (one undoable change
 * in the audit log). Refused, changing nothing, when a row is rejected,
 * when @db is not the database of the preview, or when a practice of the
 * preview has changed since (preview again). */
gboolean            clw_practice_import_apply           (ClwPracticeImport  *self,
                                                         ClwDatabase        *db,
                                                         GError            **error);

const char         *clw_practice_field_to_label         (ClwPracticeField    field);

G_END_DECLS
