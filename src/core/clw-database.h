/* clw-database.h: one Clwstwr database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_DATABASE (clw_database_get_type ())

G_DECLARE_FINAL_TYPE (ClwDatabase, clw_database, CLW, DATABASE, GObject)

typedef enum
{
  CLW_DATABASE_OPEN_DEFAULT   = 0,
  /* Create the file (0600, in a 0700 folder) when it does not exist. */
  CLW_DATABASE_OPEN_CREATE    = 1 << 0,
  /* Open for reading only: no migration, no writes. Used by worker threads
   * beside the connection that writes. */
  CLW_DATABASE_OPEN_READ_ONLY = 1 << 1,
  /* Skip the full integrity check on open (the header, the version and
   * SQLite's own checks still apply). For worker connections to a file the
   * application has already checked. */
  CLW_DATABASE_OPEN_TRUSTED   = 1 << 2,
  /* Make the cheap checks now (the header, application_id, the version)
   * and leave SQLite's full integrity check for clw_database_verify_async(),
   * so that a big file opens at once. Until the check has passed, nothing
   * can be written (CLW_DB_ERROR_CHECKING). A file that needs migrating is
   * still checked in full before it is migrated. */
  CLW_DATABASE_OPEN_CHECK_LATER = 1 << 3,
} ClwDatabaseOpenFlags;

/* The schema version this build writes (the number of the last migration). */
int          clw_database_get_latest_version  (void);

char        *clw_database_get_default_path    (void);

ClwDatabase *clw_database_open                (const char            *path,
                                               ClwDatabaseOpenFlags   flags,
                                               GError               **error);
const char  *clw_database_get_path            (ClwDatabase           *self);
gboolean     clw_database_is_read_only        (ClwDatabase           *self);
int          clw_database_get_version         (ClwDatabase           *self);
const char  *clw_database_get_backup_path     (ClwDatabase           *self);

const char  *clw_database_get_user            (ClwDatabase           *self);
void         clw_database_set_user            (ClwDatabase           *self,
                                               const char            *user);

char        *clw_database_get_meta            (ClwDatabase           *self,
                                               const char            *key);
gboolean     clw_database_set_meta            (ClwDatabase           *self,
                                               const char            *key,
                                               const char            *value,
                                               GError               **error);

/* The date that "today" means for this database: the real date, unless the
 * database is demo data frozen at a reference date (meta key
 * "reference-date"). */
GDate       *clw_database_get_today           (ClwDatabase           *self);

/* Transactions nest (the inner ones are savepoints). Every write goes inside
 * one; the audit log groups the rows written by one outermost transaction
 * under one change id, which is what undo reverts. */
gboolean     clw_database_begin               (ClwDatabase           *self,
                                               GError               **error);
gboolean     clw_database_commit              (ClwDatabase           *self,
                                               GError               **error);
void         clw_database_rollback            (ClwDatabase           *self);
gboolean     clw_database_in_transaction      (ClwDatabase           *self);

/* Describe the change the current transaction makes, for the undo toast and
 * the audit log ("Record attendance"). */
void         clw_database_set_change_label    (ClwDatabase           *self,
                                               const char            *label);
/* Let the current transaction join the last change, as one step of undo,
 * when that change was made with the same @key less than @window_seconds
 * ago and nothing else has changed since (a run of saves while someone
 * types into one field). Call right after the outermost begin. */
void         clw_database_set_change_merge_key (ClwDatabase          *self,
                                               const char            *key,
                                               guint                  window_seconds);

/* Run SQL from the program (never with user data in it). */
gboolean     clw_database_exec                (ClwDatabase           *self,
                                               const char            *sql,
                                               GError               **error);

gboolean     clw_database_can_undo            (ClwDatabase           *self);
const char  *clw_database_get_undo_label      (ClwDatabase           *self);
gboolean     clw_database_undo                (ClwDatabase           *self,
                                               GError               **error);

gboolean     clw_database_check_integrity     (ClwDatabase           *self,
                                               GError               **error);

/* Whether the full integrity check has passed: TRUE unless the database was
 * opened with CLW_DATABASE_OPEN_CHECK_LATER and has not been verified yet. */
gboolean     clw_database_is_verified         (ClwDatabase           *self);
/* SQLite's full integrity check, on a read-only connection of its own in a
 * worker thread. When it passes, the database can be written; when it
 * fails (CLW_DB_ERROR_DAMAGED), it never will be. */
void         clw_database_verify_async        (ClwDatabase           *self,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
gboolean     clw_database_verify_finish       (ClwDatabase           *self,
                                               GAsyncResult          *result,
                                               GError               **error);

char        *clw_uuid_new                     (void);
char        *clw_uuid_new_ordered             (void);
char        *clw_timestamp_now                (void);
gboolean     clw_is_uuid                      (const char            *str);

G_END_DECLS
