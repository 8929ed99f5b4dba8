/* clw-cli-output.c: tables as aligned text or CSV, and writing output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Output is built in memory and written in one go: to standard output, or
 * to a file through clw_files_write_private(), so that a file is never half
 * written.
 */

#define G_LOG_DOMAIN "clwstwr-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "clw-cli.h"
#include "clw-files.h"

struct _ClwCliTable
{
  guint       n_columns;
  GStrv       names;      /* CSV header: stable, never translated */
  GStrv       labels;     /* text header: translated */
  gboolean   *numeric;    /* right-aligned in text */
  GPtrArray  *rows;       /* of GStrv */
};

ClwCliTable *
clw_cli_table_new (const ClwCliColumn *columns,
                   guint               n_columns)
{
  ClwCliTable *table = g_new0 (ClwCliTable, 1);

  table->n_columns = n_columns;
  table->names = g_new0 (char *, n_columns + 1);
  table->labels = g_new0 (char *, n_columns + 1);
  table->numeric = g_new0 (gboolean, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->names[i] = g_strdup (columns[i].name);
      table->labels[i] = g_strdup (_(columns[i].label));
      table->numeric[i] = columns[i].numeric;
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return table;
}

void
clw_cli_table_free (ClwCliTable *table)
{
  if (table == NULL)
    return;

  g_strfreev (table->names);
  g_strfreev (table->labels);
  g_free (table->numeric);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
clw_cli_table_add_row (ClwCliTable        *table,
                       const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");

  g_ptr_array_add (table->rows, row);
}

guint
clw_cli_table_get_n_rows (ClwCliTable *table)
{
  return table->rows->len;
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * its quotes doubled. */
void
clw_cli_csv_append_field (GString    *out,
                          const char *field)
{
  if (field == NULL)
    field = "";

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Records end with CRLF, as RFC 4180 says. */
void
clw_cli_csv_append_row (GString            *out,
                        const char * const *fields,
                        guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      clw_cli_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  guint length = (guint) g_utf8_strlen (text, -1);

  if (right)
    for (guint i = length; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = length; i < width; i++)
      g_string_append_c (out, ' ');
}

char *
clw_cli_table_to_text (ClwCliTable *table)
{
  GString *out = g_string_new (NULL);
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    widths[c] = (guint) g_utf8_strlen (table->labels[c], -1);
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r <= table->rows->len + 1; r++)
    {
      char **row = r == 0 ? table->labels : r == 1 ? NULL : g_ptr_array_index (table->rows, r - 2);
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        {
          if (c > 0)
            g_string_append (line, "  ");
          if (row == NULL)
            for (guint i = 0; i < widths[c]; i++)
              g_string_append (line, "─");
          else
            append_padded (line, row[c], widths[c], table->numeric[c] && r > 0);
        }

      /* No trailing blanks. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_len (out, line->str, line->len);
      g_string_append_c (out, '\n');
      g_string_free (line, TRUE);
    }

  return g_string_free (out, FALSE);
}

char *
clw_cli_table_to_csv (ClwCliTable *table)
{
  GString *out = g_string_new (NULL);

  clw_cli_csv_append_row (out, (const char * const *) table->names, table->n_columns);
  for (guint r = 0; r < table->rows->len; r++)
    clw_cli_csv_append_row (out, (const char * const *) g_ptr_array_index (table->rows, r),
                            table->n_columns);

  return g_string_free (out, FALSE);
}

gboolean
clw_cli_parse_format (const char    *value,
                      gboolean       allow_xml,
                      ClwCliFormat  *format,
                      GError       **error)
{
  if (value == NULL || g_str_equal (value, "text"))
    *format = CLW_CLI_FORMAT_TEXT;
  else if (g_str_equal (value, "csv"))
    *format = CLW_CLI_FORMAT_CSV;
  else if (allow_xml && g_str_equal (value, "xml"))
    *format = CLW_CLI_FORMAT_XML;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   allow_xml ? _("--format must be text, csv or xml, not “%s”.")
                             : _("--format must be text or csv, not “%s”."),
                   value);
      return FALSE;
    }

  return TRUE;
}

gboolean
clw_cli_write_output (const char  *path,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  if (path != NULL && !g_str_equal (path, "-"))
    return clw_files_write_private (path, data, length, error);

  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write to the standard output."));
      return FALSE;
    }

  return TRUE;
}
