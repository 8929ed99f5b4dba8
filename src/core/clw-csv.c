/* clw-csv.c: reading comma-separated values (RFC 4180) from a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser walks the bytes once. Every character that has a meaning in
 * CSV (comma, quote, CR, LF) is ASCII, so it can find the fields before
 * knowing the encoding; each field is then checked to be UTF-8, which lets
 * a wrong encoding be reported with its row and the text around it.
 */

#define G_LOG_DOMAIN "clw-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-csv.h"
#include "clw-error.h"

#define SAVE_AS_HINT \
  N_("In Excel choose File › Save As and the type “CSV UTF-8 (Comma delimited)”; in " \
     "LibreOffice Calc choose Save As, “Text CSV”, and the character set “Unicode (UTF-8)”.")

void
clw_csv_record_free (ClwCsvRecord *record)
{
  if (record == NULL)
    return;

  g_strfreev (record->fields);
  g_free (record);
}

gboolean
clw_csv_record_is_blank (const ClwCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    {
      for (const char *p = record->fields[i]; *p; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }

  return TRUE;
}

/* Whole-file problems that show before any parsing: another kind of file
 * saved under a .csv name, or text in UTF-16. */
static gboolean
check_signature (const guchar  *data,
                 gsize          size,
                 const char    *filename,
                 GError       **error)
{
  const guchar *nul;

  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_ENCODING,
                   _("“%s” is saved as UTF-16 (“Unicode Text”), not as UTF-8 CSV. %s"),
                   filename, _(SAVE_AS_HINT));
      return FALSE;
    }

  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_ENCODING,
                   _("“%s” is a spreadsheet workbook (.xlsx or .ods), not a CSV file. %s"),
                   filename, _(SAVE_AS_HINT));
      return FALSE;
    }

  if (size >= 4 && memcmp (data, "\320\317\021\340", 4) == 0)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_ENCODING,
                   _("“%s” is an Excel 97–2003 workbook (.xls), not a CSV file. %s"),
                   filename, _(SAVE_AS_HINT));
      return FALSE;
    }

  nul = memchr (data, '\0', size);
  if (nul != NULL)
    {
      guint line = 1;

      for (const guchar *p = data; p < nul; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_ENCODING,
                   _("“%s” is not a text file in UTF-8: line %u has a NUL byte (files saved as "
                     "UTF-16 look like this). %s"),
                   filename, line, _(SAVE_AS_HINT));
      return FALSE;
    }

  return TRUE;
}

static void
set_encoding_error (const char   *filename,
                    guint         row,
                    guint         line,
                    guint         column,
                    const char   *field,
                    gsize         length,
                    GError      **error)
{
  const char *end = NULL;
  g_autofree char *as_cp1252 = NULL;
  g_autofree char *where = NULL;

  g_utf8_validate (field, length, &end);
  as_cp1252 = g_convert (field, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  where = g_strdup_printf (_("row %u (line %u), column %u"), row, line, column);

  if (as_cp1252 != NULL)
    g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_ENCODING,
                 _("“%s” is not UTF-8 text: at %s the byte 0x%02X is not UTF-8. It looks like "
                   "the Windows-1252 encoding of plain “CSV (Comma delimited)”, where the cell "
                   "reads “%s”. %s"),
                 filename, where, (guchar) *end, as_cp1252, _(SAVE_AS_HINT));
  else
    g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_ENCODING,
                 _("“%s” is not UTF-8 text: at %s the byte 0x%02X is not UTF-8. %s"),
                 filename, where, (guchar) *end, _(SAVE_AS_HINT));
}

static inline gboolean
is_line_break (guchar c)
{
  return c == '\r' || c == '\n';
}

/* Step over one line break (CRLF, LF or CR) at @pos. */
static gsize
skip_line_break (const guchar *data,
                 gsize         size,
                 gsize         pos)
{
  if (data[pos] == '\r' && pos + 1 < size && data[pos + 1] == '\n')
    return pos + 2;
  return pos + 1;
}

static char *
describe_byte (guchar c)
{
  if (c >= 0x20 && c < 0x7F)
    return g_strdup_printf ("“%c”", c);
  return g_strdup_printf ("0x%02X", c);
}

GPtrArray *
clw_csv_parse (GBytes      *bytes,
               const char  *filename,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_csv_record_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const guchar *data;
  gsize size;
  gsize pos = 0;
  guint row = 1;
  guint line = 1;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (filename == NULL)
    filename = _("the file");

  if (!check_signature (data, size, filename, error))
    return NULL;

  /* A byte order mark, as Excel writes in “CSV UTF-8”. */
  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    pos = 3;

  while (pos < size)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      ClwCsvRecord *record;
      guint record_line = line;
      gboolean end_of_record = FALSE;

      while (!end_of_record)
        {
          guint field_line = line;

          g_string_truncate (field, 0);

          if (pos < size && data[pos] == '"')
            {
              gboolean closed = FALSE;

              pos++;
              while (pos < size)
                {
                  guchar c = data[pos];

                  if (c == '"')
                    {
                      if (pos + 1 < size && data[pos + 1] == '"')
                        {
                          g_string_append_c (field, '"');
                          pos += 2;
                          continue;
                        }
                      pos++;
                      closed = TRUE;
                      break;
                    }

                  if (is_line_break (c))
                    {
                      /* A line break inside a cell: kept as one LF. */
                      g_string_append_c (field, '\n');
                      pos = skip_line_break (data, size, pos);
                      line++;
                      continue;
                    }

                  g_string_append_c (field, (char) c);
                  pos++;
                }

              if (!closed)
                {
                  g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_MALFORMED,
                               _("“%s”, row %u (line %u), column %u: the quoted cell that starts "
                                 "here is never closed: a quote mark is missing, so the rest of the "
                                 "file would be read as one cell. Check the quotes in that row."),
                               filename, row, field_line, fields->len + 1);
                  return NULL;
                }

              if (pos < size && data[pos] != ',' && !is_line_break (data[pos]))
                {
                  g_autofree char *what = describe_byte (data[pos]);
                  g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_MALFORMED,
                               _("“%s”, row %u (line %u), column %u: a quoted cell must end with its "
                                 "closing quote, but %s follows it. A quote mark inside a quoted cell "
                                 "is written twice (\"\")."),
                               filename, row, line, fields->len + 1, what);
                  return NULL;
                }
            }
          else
            {
              while (pos < size && data[pos] != ',' && !is_line_break (data[pos]))
                {
                  if (data[pos] == '"')
                    {
                      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_MALFORMED,
                                   _("“%s”, row %u (line %u), column %u: a quote mark in the middle of "
                                     "a cell that does not start with one. A cell with quote marks is "
                                     "put in quotes as a whole, with each quote mark written twice "
                                     "(\"\"), and with no space before the opening quote."),
                                   filename, row, line, fields->len + 1);
                      return NULL;
                    }
                  g_string_append_c (field, (char) data[pos]);
                  pos++;
                }
            }

          if (!g_utf8_validate_len (field->str, field->len, NULL))
            {
              set_encoding_error (filename, row, field_line, fields->len + 1,
                                  field->str, field->len, error);
              return NULL;
            }

          g_ptr_array_add (fields, g_strndup (field->str, field->len));

          if (pos >= size)
            end_of_record = TRUE;
          else if (data[pos] == ',')
            pos++;
          else
            {
              pos = skip_line_break (data, size, pos);
              line++;
              end_of_record = TRUE;
            }
        }

      record = g_new0 (ClwCsvRecord, 1);
      record->row = row++;
      record->line = record_line;
      record->n_fields = fields->len;
      g_ptr_array_add (fields, NULL);
      record->fields = (char **) g_ptr_array_steal (fields, NULL);
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}
