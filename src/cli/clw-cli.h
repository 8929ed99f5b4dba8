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

int clw_cli_init          (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_import        (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_export        (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_evidence      (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_sync          (const ClwCliGlobals *globals, int argc, char **argv, GError **error);
int clw_cli_copy_for_meeting (const ClwCliGlobals *globals, int argc, char **argv, GError **error);

G_END_DECLS
