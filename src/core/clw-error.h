/* clw-error.h: the error domains of Clwstwr's core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLW_DB_ERROR (clw_db_error_quark ())
#define CLW_DOMAIN_ERROR (clw_domain_error_quark ())
#define CLW_IMPORT_ERROR (clw_import_error_quark ())
#define CLW_SYNC_ERROR (clw_sync_error_quark ())

/* Opening, migrating and writing the database. */
typedef enum
{
  CLW_DB_ERROR_OPEN,          /* the file cannot be opened or created */
  CLW_DB_ERROR_NOT_DATABASE,  /* not an SQLite file, or not one of ours */
  CLW_DB_ERROR_DAMAGED,       /* fails the integrity check */
  CLW_DB_ERROR_TOO_NEW,       /* made by a newer Clwstwr */
  CLW_DB_ERROR_MIGRATION,     /* a migration failed; nothing was changed */
  CLW_DB_ERROR_SQL,           /* SQLite reported an error */
  CLW_DB_ERROR_BUSY,          /* another program holds the database */
  CLW_DB_ERROR_NOT_FOUND,     /* no row with that id */
  CLW_DB_ERROR_READ_ONLY,     /* the database was opened read-only */
  CLW_DB_ERROR_NOTHING_TO_UNDO,
  CLW_DB_ERROR_UNDO_CONFLICT, /* the row changed again since */
  CLW_DB_ERROR_CHECKING,      /* opened with the check for later: not checked yet */
} ClwDbError;

/* A domain rule was broken: the message says which and how to fix it. */
typedef enum
{
  CLW_DOMAIN_ERROR_INVALID,   /* a field is missing or malformed */
  CLW_DOMAIN_ERROR_RULE,      /* a rule of the domain is broken */
  CLW_DOMAIN_ERROR_DUPLICATE, /* the same thing exists already */
} ClwDomainError;

/* Reading a dataset or another file into the database. */
typedef enum
{
  CLW_IMPORT_ERROR_IO,
  CLW_IMPORT_ERROR_TOO_LARGE,
  CLW_IMPORT_ERROR_MALFORMED,
  CLW_IMPORT_ERROR_SCHEMA,
  CLW_IMPORT_ERROR_RULE,
  CLW_IMPORT_ERROR_ENCODING,  /* not UTF-8 text */
} ClwImportError;

/* Exchanging changes between copies of a database (docs/sync.md). */
typedef enum
{
  CLW_SYNC_ERROR_DAMAGED,         /* not a bundle, cut short or changed on the way */
  CLW_SYNC_ERROR_VERSION,         /* made by another version of Clwstwr */
  CLW_SYNC_ERROR_NOT_FOR_US,      /* made for another copy */
  CLW_SYNC_ERROR_UNKNOWN_COPY,    /* from a copy this one has never synced with */
  CLW_SYNC_ERROR_OTHER_BASE,      /* built on a state this copy does not share */
  CLW_SYNC_ERROR_ALREADY_APPLIED, /* imported before */
  CLW_SYNC_ERROR_SUPERSEDED,      /* older than a bundle imported already */
  CLW_SYNC_ERROR_OUT_OF_SCOPE,    /* a cluster copy changed rows outside its cluster */
  CLW_SYNC_ERROR_NO_PEER,         /* no copy to sync with, or not the one named */
  CLW_SYNC_ERROR_BASE,            /* the snapshot of the last sync is missing or out of step */
  CLW_SYNC_ERROR_RESOLVE,         /* a conflict cannot be resolved that way */
} ClwSyncError;

GQuark clw_db_error_quark     (void);
GQuark clw_domain_error_quark (void);
GQuark clw_import_error_quark (void);
GQuark clw_sync_error_quark   (void);

G_END_DECLS
