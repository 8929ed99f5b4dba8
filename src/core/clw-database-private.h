/* clw-database-private.h: SQLite access for the rest of core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only files in src/core (and core's tests) include this: the GUI and the
 * command line never see SQL.
 */

#pragma once

#include <sqlite3.h>

#include "clw-database.h"

G_BEGIN_DECLS

sqlite3      *_clw_database_get_handle     (ClwDatabase  *self);

/* A cached prepared statement, reset and with its bindings cleared. Use it
 * as g_autoptr(ClwStmt) so it is reset again when it goes out of scope. */
typedef sqlite3_stmt ClwStmt;
ClwStmt      *_clw_database_prepare        (ClwDatabase  *self,
                                            const char   *sql,
                                            GError      **error);

/* Set @error from the connection's last SQLite error, with @what saying
 * what was being done ("saving the practice"). Returns FALSE. */
gboolean      _clw_database_set_error      (ClwDatabase  *self,
                                            int           rc,
                                            const char   *what,
                                            GError      **error);

/* Write without the audit log (the demo generator only: a generated
 * dataset has no history). */
void          _clw_database_set_audit      (ClwDatabase  *self,
                                            gboolean      enabled);

/* After a sync has written to the database, earlier changes can no longer
 * be undone safely: forget them. */
void          _clw_database_forget_undo    (ClwDatabase  *self);

/* Emit ::changed for @tables written on another connection (a worker). */
void          _clw_database_emit_changed   (ClwDatabase        *self,
                                            const char * const *tables);

/* The audit triggers, regenerated from the schema after each migration. */
gboolean      _clw_database_refresh_audit_triggers (ClwDatabase  *self,
                                                    GError      **error);

/* Writing many rows in one transaction: the record layer writes the audit
 * rows of inserts itself (see clw-database.c). Ends by itself at commit or
 * rollback. */
gboolean      _clw_database_begin_bulk_audit (ClwDatabase  *self,
                                              GError      **error);
gboolean      _clw_database_end_bulk_audit   (ClwDatabase  *self,
                                              GError      **error);
/* The audit row of the row @row_id just inserted into @table, when writing
 * in bulk; otherwise nothing. */
gboolean      _clw_database_audit_bulk_insert (ClwDatabase  *self,
                                               const char   *table,
                                               const char   *row_id,
                                               GError      **error);

/* For tests: create a database at an older schema version. */
gboolean      _clw_database_create_at_version (const char  *path,
                                               int          version,
                                               GError     **error);

/* The tables that hold user or reference data (with id, created_at,
 * updated_at and updated_by), in the order of the schema. */
GPtrArray    *_clw_database_list_data_tables (ClwDatabase  *self,
                                              GError      **error);

static inline void
_clw_stmt_release (ClwStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClwStmt, _clw_stmt_release)

static inline void
_clw_bind_text (ClwStmt    *stmt,
                int         index,
                const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static inline const char *
_clw_column_text (ClwStmt *stmt,
                  int      column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static inline char *
_clw_column_dup (ClwStmt *stmt,
                 int      column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

G_END_DECLS
