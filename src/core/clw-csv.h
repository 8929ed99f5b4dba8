/* clw-csv.h: reading comma-separated values (RFC 4180) from a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole file is checked before any of it is used: it must be UTF-8 (a
 * byte order mark is allowed and dropped), and every quoted field must be
 * quoted the way RFC 4180 says (a field that starts with a quote ends with a
 * quote followed by a comma or the end of the record; a quote inside it is
 * doubled). Records end with CRLF, LF or CR; a quoted field may hold commas
 * and line breaks. Problems are reported with the row (the header is row 1,
 * as a spreadsheet numbers it) and the line of the file.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint   row;       /* the record's number, from 1 (the header) */
  guint   line;      /* the line of the file where it starts, from 1 */
  guint   n_fields;
  char  **fields;    /* n_fields strings, NULL-terminated */
} ClwCsvRecord;

void       clw_csv_record_free (ClwCsvRecord  *record);

/* Every record of @bytes (ClwCsvRecord), blank ones included so that row
 * numbers match the spreadsheet's. NULL with a CLW_IMPORT_ERROR when the
 * file is not UTF-8 text (CLW_IMPORT_ERROR_ENCODING) or is badly quoted
 * (CLW_IMPORT_ERROR_MALFORMED); @filename names it in messages. */
GPtrArray *clw_csv_parse       (GBytes        *bytes,
                                const char    *filename,
                                GError       **error);

/* Whether every field of @record is empty or spaces. */
gboolean   clw_csv_record_is_blank (const ClwCsvRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClwCsvRecord, clw_csv_record_free)

G_END_DECLS
