/* clw-cli.h: what the commands of clwstwr-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char *db_path;   /* --db, or the default database */
  const char *user;      /* --user, or NULL for the login's name */
} ClwCliGlobals;

/* A command: parses its own arguments (argv[0] is the command's name) and
 * returns the exit status. On failure it sets @error and returns 1, and
 * main prints the one-line message. */
typedef int (*ClwCliCommandFunc) (const ClwCliGlobals  *globals,
                                  int                   argc,
                                  char                **argv,
                                  GError              **error);

typedef struct
{
  const char        *name;
  const char        *summary;
  ClwCliCommandFunc  func;
} ClwCliCommand;

/* Open the database of --db, creating it when @create. */
ClwDatabase *clw_cli_open_database   (const ClwCliGlobals  *globals,
                                      gboolean              create,
                                      GError              **error);

/* Parse a command's options; prints --help and exits, or sets @error. */
gboolean     clw_cli_parse_options   (const char           *command,
                                      const char           *parameter_string,
                                      const char           *summary,
                                      GOptionEntry         *entries,
                                      int                  *argc,
                                      char               ***argv,
                                      GError              **error);

/* Resolve --health-board/--cluster/--practice to a scope: each accepts an
 * id or a code. At most one may be given. */
gboolean     clw_cli_resolve_scope   (ClwDatabase          *db,
                                      const char           *health_board,
                                      const char           *cluster,
                                      const char           *practice,
                                      ClwScope             *scope,
                                      char                **scope_id,
                                      GError              **error);

/* Output ------------------------------------------------------------------ */

typedef enum
{
  CLW_CLI_FORMAT_TEXT,
  CLW_CLI_FORMAT_CSV,
  CLW_CLI_FORMAT_XML,
} ClwCliFormat;

/* --format: text (the default), csv, and xml where @allow_xml. */
gboolean     clw_cli_parse_format    (const char           *value,
                                      gboolean              allow_xml,
                                      ClwCliFormat         *format,
                                      GError              **error);

/* Write all of @data to @path (never half a file), or to the standard
 * output when @path is NULL or "-". */
gboolean     clw_cli_write_output    (const char           *path,
                                      const char           *data,
                                      gsize                 length,
                                      GError              **error);

typedef struct
{
  const char *name;      /* the CSV header: stable, never translated */
  const char *label;     /* the text header, marked with N_() */
  gboolean    numeric;   /* right-aligned in text */
} ClwCliColumn;

typedef struct _ClwCliTable ClwCliTable;

ClwCliTable *clw_cli_table_new       (const ClwCliColumn   *columns,
                                      guint                 n_columns);
void         clw_cli_table_free      (ClwCliTable          *table);
/* @cells holds one string (or NULL, written empty) per column. */
void         clw_cli_table_add_row   (ClwCliTable          *table,
                                      const char * const   *cells);
guint        clw_cli_table_get_n_rows (ClwCliTable         *table);
/* Aligned columns under a header, for a terminal. */
char        *clw_cli_table_to_text   (ClwCliTable          *table);
/* RFC 4180: a header row of the column names, CRLF line ends. */
char        *clw_cli_table_to_csv    (ClwCliTable          *table);

void         clw_cli_csv_append_field (GString             *out,
                                       const char          *field);
void         clw_cli_csv_append_row  (GString              *out,
                                      const char * const   *fields,
                                      guint                 n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClwCliTable, clw_cli_table_free)

/* Commands ----------------------------------------------------------------- */

int clw_cli_init          (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_import        (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_export        (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_import_practices (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_imtp_return    (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_meeting_pack   (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_demo          (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_list          (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_qaif          (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_evidence      (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_sync          (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_copy_for_meeting (const ClwCliGlobals *globals, int argc, char **argv, GError **error);

G_END_DECLS
