/* clw-sync-private.h: what the files of sync share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * clw-sync-schema.c  the data tables as sync sees them, rows as values, the
 *                    changeset reader, the scope of a meeting copy
 * clw-sync-base.c    the base files (snapshots of what a peer holds) and
 *                    the difference between a base and the database
 * clw-sync-apply.c   applying a peer's changeset, conflicts
 * clw-sync-resolve.c resolving a conflict
 * clw-sync.c         the public API: copies, export, import, folders, status
 */

#pragma once

#include <sqlite3.h>

#include "clw-database-private.h"
#include "clw-sync.h"

G_BEGIN_DECLS

#define CLW_SYNC_FORMAT_VERSION 1
#define SYNC_BASE_SCHEMA "clw_base"
#define SYNC_CUR_SCHEMA "clw_cur"

/* Tests stop an import at a named stage (to kill it there). */
typedef void (*ClwSyncTestHook) (const char *stage,
                                 gpointer    user_data);
void      _clw_sync_set_test_hook   (ClwSyncTestHook  hook,
                                     gpointer         user_data);
void      _clw_sync_run_test_hook   (const char      *stage);

/* Values ------------------------------------------------------------------- */

/* A row, or the part of a row a change carries: a NULL entry is a value the
 * change leaves undefined (an SQL NULL is an sqlite3_value of type NULL). */
typedef struct
{
  guint          n;
  sqlite3_value *v[];
} SyncValues;

SyncValues *_clw_sync_values_new    (guint              n);
SyncValues *_clw_sync_values_copy   (const SyncValues  *values);
void        _clw_sync_values_free   (SyncValues        *values);
/* Store a copy of @value (NULL: undefined). */
void        _clw_sync_values_set    (SyncValues        *values,
                                     guint              i,
                                     sqlite3_value     *value);
gboolean    _clw_sync_value_equal   (sqlite3_value     *a,
                                     sqlite3_value     *b);
/* For messages and the conflict list. */
char       *_clw_sync_value_to_text (sqlite3_value     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncValues, _clw_sync_values_free)

/* The data tables -------------------------------------------------------------- */

typedef struct
{
  guint     column;    /* in the child table */
  char     *parent;    /* the data table referred to */
  gboolean  cascade;   /* ON DELETE CASCADE */
} SyncForeignKey;

typedef struct _SyncTable SyncTable;

typedef struct
{
  SyncTable *table;    /* the child table */
  guint      fk;       /* index in its foreign_keys */
} SyncChild;

struct _SyncTable
{
  char      *name;
  guint      index;              /* in the order of the schema: parents first */
  guint      n_columns;
  char     **columns;            /* in the order of the table */
  char     **types;
  char     **defaults;           /* SQL of the default, or NULL */
  guint      id_column;
  int        created_at_column;
  int        updated_at_column;
  int        updated_by_column;
  guint64    metadata_mask;      /* bits of created_at, updated_at, updated_by */
  GArray    *foreign_keys;       /* SyncForeignKey, to data tables */
  GArray    *children;           /* SyncChild: keys of other tables to this one */
  GType      record_type;        /* G_TYPE_INVALID when no record class has the table */

  char      *select_sql;         /* SELECT cols FROM main.t WHERE id = ?1 */
  char      *insert_sql;         /* INSERT INTO main.t (cols) VALUES (?1, …) */
  char      *delete_sql;         /* DELETE FROM main.t WHERE id = ?1 */
  char      *exists_sql;         /* SELECT 1 FROM main.t WHERE id = ?1 */
  char      *json_sql;           /* SELECT json_object('c', ?1, …) */
  char      *json_data_sql;      /* the same without the metadata columns */
  char      *from_json_sql;      /* SELECT json_extract(?1, '$."c"'), … */
  char      *column_defs_sql;    /* "c" TYPE, …, PRIMARY KEY ("id") */
  char      *column_list_sql;    /* "c1", "c2", … */
};

typedef struct
{
  GPtrArray  *tables;            /* SyncTable, parents first */
  GHashTable *by_name;
} SyncSchema;

SyncSchema *_clw_sync_schema_load        (ClwDatabase  *db,
                                          GError      **error);
void        _clw_sync_schema_free        (SyncSchema   *schema);
SyncTable  *_clw_sync_schema_lookup      (SyncSchema   *schema,
                                          const char   *name);
int         _clw_sync_table_find_column  (SyncTable    *table,
                                          const char   *name);
gboolean    _clw_sync_table_is_metadata  (SyncTable    *table,
                                          guint         column);
/* Append "(?, ?…), (?, ?…)…": @n_rows rows of @n_columns values, as
 * anonymous parameters numbered from 1 in the order written. */
void        _clw_sync_append_value_rows  (GString      *sql,
                                          guint         n_rows,
                                          guint         n_columns);
const char *_clw_sync_values_get_id      (SyncTable    *table,
                                          SyncValues   *values);
/* Whether the columns that are not metadata are equal (both defined). */
gboolean    _clw_sync_values_data_equal  (SyncTable    *table,
                                          SyncValues   *a,
                                          SyncValues   *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncSchema, _clw_sync_schema_free)

/* Rows in the database. */
gboolean    _clw_sync_main_fetch         (ClwDatabase  *db,
                                          SyncTable    *table,
                                          const char   *id,
                                          SyncValues  **row,
                                          GError      **error);
/* Returns the SQLite result code (SQLITE_DONE on success). */
int         _clw_sync_main_insert        (ClwDatabase  *db,
                                          SyncTable    *table,
                                          SyncValues   *row);
int         _clw_sync_main_update        (ClwDatabase  *db,
                                          SyncTable    *table,
                                          const char   *id,
                                          SyncValues   *values,
                                          guint64       mask);
gboolean    _clw_sync_main_delete        (ClwDatabase  *db,
                                          SyncTable    *table,
                                          const char   *id,
                                          GError      **error);
/* Make the row exactly @row: update it, or insert it. */
int         _clw_sync_main_put           (ClwDatabase  *db,
                                          SyncTable    *table,
                                          SyncValues   *row);

/* Rows as JSON objects (column names as keys), as SQLite writes them, so
 * that two copies holding the same row write the same text. */
char       *_clw_sync_values_to_json     (ClwDatabase  *db,
                                          SyncTable    *table,
                                          SyncValues   *row,
                                          gboolean      data_only);
SyncValues *_clw_sync_values_from_json   (ClwDatabase  *db,
                                          SyncTable    *table,
                                          const char   *json,
                                          GError      **error);
char       *_clw_sync_value_to_json      (ClwDatabase  *db,
                                          sqlite3_value *value);

/* "Practice W12345": a row described by its record class. */
char       *_clw_sync_describe_row       (ClwDatabase  *db,
                                          SyncTable    *table,
                                          SyncValues   *row);

/* Changesets ----------------------------------------------------------------- */

typedef struct
{
  SyncTable  *table;
  int         op;          /* SQLITE_INSERT, SQLITE_UPDATE or SQLITE_DELETE */
  char       *id;
  SyncValues *old_values;  /* NULL for an insert */
  SyncValues *new_values;  /* NULL for a delete */
} SyncChange;

void        _clw_sync_change_free        (SyncChange   *change);
/* Read every change, checking each table and column against the schema;
 * refuse what does not fit. */
GPtrArray  *_clw_sync_changeset_parse    (SyncSchema   *schema,
                                          GBytes       *changeset,
                                          const char   *filename,
                                          GError      **error);

/* What a meeting copy holds --------------------------------------------------- */

typedef enum
{
  SYNC_SCOPE_REFERENCE,  /* in every copy; changed only where everything is held */
  SYNC_SCOPE_CLUSTER,    /* rows of one cluster: the filter says which */
  SYNC_SCOPE_NONE,       /* not in cluster copies */
} SyncScopeKind;

/* For the rows of @table that belong to the cluster ?1, @filter receives a
 * WHERE clause over the tables of "main". */
SyncScopeKind _clw_sync_scope_of_table   (const char   *table,
                                          const char  **filter);
/* Whether the row of @table with @id (in main) belongs to the cluster. */
gboolean    _clw_sync_row_in_cluster     (ClwDatabase  *db,
                                          SyncTable    *table,
                                          const char   *id,
                                          const char   *cluster_id,
                                          gboolean     *in_cluster,
                                          GError      **error);

/* Whether @row (a whole row, in the table or not) belongs to the cluster. */
gboolean    _clw_sync_values_in_cluster  (ClwDatabase  *db,
                                          SyncTable    *table,
                                          SyncValues   *row,
                                          const char   *cluster_id,
                                          gboolean     *in_cluster,
                                          GError      **error);

/* Peers ----------------------------------------------------------------------- */

typedef struct
{
  char     *id;
  char     *name;
  char     *lineage_id;
  ClwScope  scope;
  char     *scope_id;
  char     *made_at;
  char     *base_generation;
  gint64    out_seq;
  gint64    confirmed_seq;
  gint64    in_seq;
  char     *in_bundle_id;
  gboolean  in_unanswered;
  char     *last_export_at;
  char     *last_import_at;
  char     *last_import_author;
} SyncPeerRow;

void         _clw_sync_peer_row_free     (SyncPeerRow  *peer);
/* NULL, with no error, when there is no such peer. */
SyncPeerRow *_clw_sync_peer_load         (ClwDatabase  *db,
                                          const char   *id,
                                          GError      **error);
GPtrArray   *_clw_sync_peer_list         (ClwDatabase  *db,
                                          GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncPeerRow, _clw_sync_peer_row_free)

/* Bases ------------------------------------------------------------------------ */

/* "NAME.db.sync-base-PEER" */
char        *_clw_sync_base_path         (const char   *db_path,
                                          const char   *peer_id);
/* Write a base at @path (which must not exist) holding the data tables of
 * @db as they are, as generation @generation. */
gboolean     _clw_sync_base_create       (ClwDatabase  *db,
                                          SyncSchema   *schema,
                                          const char   *path,
                                          const char   *generation,
                                          const char   *peer_id,
                                          GError      **error);
/* Copy a file, readable by its owner only, durably. */
gboolean     _clw_sync_copy_private_file (const char   *source,
                                          const char   *dest,
                                          GError      **error);
/* Make sure the base of @peer is the one the database expects: finish or
 * drop what an interrupted sync left, add what a migration added. */
gboolean     _clw_sync_base_check        (ClwDatabase  *db,
                                          SyncSchema   *schema,
                                          SyncPeerRow  *peer,
                                          GError      **error);

/* The changes of the database that @peer has not confirmed having (for a
 * peer holding one cluster, only that cluster and the reference data), as
 * a changeset; @base_files receives the SHA-256 of the evidence files the
 * peer is known to have. */
GBytes      *_clw_sync_diff              (ClwDatabase  *db,
                                          SyncSchema   *schema,
                                          SyncPeerRow  *peer,
                                          GHashTable  **base_files,
                                          GError      **error);

/* Changing a base: a copy of it is changed on a connection of its own,
 * committed and made durable before the database commits, and renamed
 * over the base after. A crash in between leaves a copy whose generation
 * tells _clw_sync_base_check() whether the database committed. */
typedef struct _SyncBaseTxn SyncBaseTxn;

SyncBaseTxn *_clw_sync_base_txn_begin    (SyncSchema   *schema,
                                          const char   *base_path,
                                          GError      **error);
gboolean     _clw_sync_base_txn_fetch    (SyncBaseTxn  *txn,
                                          SyncTable    *table,
                                          const char   *id,
                                          SyncValues  **row,
                                          GError      **error);
gboolean     _clw_sync_base_txn_put      (SyncBaseTxn  *txn,
                                          SyncTable    *table,
                                          SyncValues   *row,
                                          GError      **error);
/* Put many whole rows of @table at once. */
gboolean     _clw_sync_base_txn_put_many (SyncBaseTxn  *txn,
                                          SyncTable    *table,
                                          SyncValues  **rows,
                                          guint         n_rows,
                                          GError      **error);
/* Delete the row and what hangs from it (ON DELETE CASCADE). */
gboolean     _clw_sync_base_txn_delete   (SyncBaseTxn  *txn,
                                          SyncTable    *table,
                                          const char   *id,
                                          GError      **error);
gboolean     _clw_sync_base_txn_update   (SyncBaseTxn  *txn,
                                          SyncTable    *table,
                                          const char   *id,
                                          SyncValues   *values,
                                          guint64       mask,
                                          GError      **error);
/* Apply @change as it is (no checks), except the whole row when
 * @skip_row, and the columns of @skip_mask. */
gboolean     _clw_sync_base_txn_apply    (SyncBaseTxn  *txn,
                                          SyncChange   *change,
                                          gboolean      skip_row,
                                          guint64       skip_mask,
                                          GError      **error);
/* The ids of the rows of @child whose key refers to @parent_id. */
GPtrArray   *_clw_sync_base_txn_children (SyncBaseTxn  *txn,
                                          SyncChild    *child,
                                          const char   *parent_id,
                                          GError      **error);
gboolean     _clw_sync_base_txn_prepare  (SyncBaseTxn  *txn,
                                          const char   *generation,
                                          GError      **error);
gboolean     _clw_sync_base_txn_finish   (SyncBaseTxn  *txn,
                                          GError      **error);
/* Drops the copy unless finished. */
void         _clw_sync_base_txn_free     (SyncBaseTxn  *txn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncBaseTxn, _clw_sync_base_txn_free)

/* Applying and resolving ------------------------------------------------------- */

typedef struct
{
  guint       n_changes;
  guint       n_applied;
  guint       n_conflicts;
  guint       n_settled;
  GHashTable *tables;      /* names of the tables written */
} SyncApplyCounts;

/* Inside the database's transaction: apply @changes from @bundle, record
 * conflicts, and bring @base up to what the peer holds. */
gboolean     _clw_sync_apply              (ClwDatabase      *db,
                                           SyncSchema       *schema,
                                           SyncPeerRow      *peer,
                                           ClwSyncBundle    *bundle,
                                           GPtrArray        *changes,
                                           SyncBaseTxn      *base,
                                           SyncApplyCounts  *counts,
                                           GError          **error);

/* Inside the database's transaction: resolve one conflict with @peer. */
gboolean     _clw_sync_resolve_conflict   (ClwDatabase      *db,
                                           SyncSchema       *schema,
                                           SyncPeerRow      *peer,
                                           const char       *conflict_id,
                                           ClwSyncChoice     choice,
                                           const char       *value,
                                           SyncBaseTxn      *base,
                                           GError          **error);

/* Put back a row (and, with @with_parents, the rows it needs above it)
 * from @base where the database lacks it. Used when theirs is chosen. */
gboolean     _clw_sync_restore_from_base  (ClwDatabase      *db,
                                           SyncSchema       *schema,
                                           SyncBaseTxn      *base,
                                           SyncTable        *table,
                                           SyncValues       *row,
                                           GError          **error);

/* Stamp a row as changed now by the user of @db (a resolution is an edit). */
gboolean     _clw_sync_stamp_row          (ClwDatabase      *db,
                                           SyncTable        *table,
                                           const char       *id,
                                           GError          **error);

/* Validate the row as a record of its table (clw_record_validate). */
gboolean     _clw_sync_validate_row       (ClwDatabase      *db,
                                           SyncTable        *table,
                                           const char       *id,
                                           GError          **error);

/* Bundles ---------------------------------------------------------------------- */

GVariant    *_clw_sync_bundle_get_manifest  (ClwSyncBundle   *self);
GBytes      *_clw_sync_bundle_get_changeset (ClwSyncBundle   *self);
/* SHA-256 -> GBytes of each evidence file carried. */
GHashTable  *_clw_sync_bundle_get_files     (ClwSyncBundle   *self);
/* The whole file: @manifest (a{sv}), the changeset, and the files
 * (@hashes and @contents in the same order). */
GBytes      *_clw_sync_bundle_serialize     (GVariant        *manifest,
                                             GBytes          *changeset,
                                             GPtrArray       *hashes,
                                             GPtrArray       *contents);

/* The objects of the public API -------------------------------------------------- */

struct _ClwSyncReport
{
  GObject    parent_instance;

  char      *path;
  char      *peer_name;
  char      *author;
  char      *made_at;
  guint      n_changes;
  guint      n_applied;
  guint      n_conflicts;
  guint      n_settled;
  guint      n_files;
  guint      n_missing_files;
  guint      n_imported;
  guint      n_written;
  guint      n_skipped;
  guint      n_refused;
  GPtrArray *notes;     /* NULL-terminated strings */
  GPtrArray *tables;    /* NULL-terminated strings */
};

ClwSyncReport   *_clw_sync_report_new        (void);
void             _clw_sync_report_add_note   (ClwSyncReport  *self,
                                              const char     *note);
void             _clw_sync_report_add_table  (ClwSyncReport  *self,
                                              const char     *table);

struct _ClwSyncPeer
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  ClwScope  scope;
  char     *scope_id;
  char     *scope_name;
  char     *made_at;
  char     *last_import_at;
  char     *last_import_author;
  char     *last_export_at;
  guint     n_pending;
  guint     n_unconfirmed;
  guint     n_conflicts;
};

struct _ClwSyncStatus
{
  GObject     parent_instance;

  char       *database_id;
  char       *name;
  ClwScope    scope;
  char       *scope_id;
  char       *last_sync_at;
  char       *last_sync_peer;
  guint       n_pending;
  guint       n_unconfirmed;
  guint       n_conflicts;
  GListStore *peers;
};

struct _ClwSyncConflict
{
  GObject              parent_instance;

  char                *id;
  ClwSyncConflictKind  kind;
  char                *peer_id;
  char                *peer_name;
  char                *table_name;
  char                *row_id;
  char                *column_name;
  char                *title;
  char                *field_label;
  char                *base_text;
  char                *mine_text;
  char                *theirs_text;
  char                *mine_by;
  char                *mine_at;
  char                *theirs_by;
  char                *theirs_at;
  char                *author;
  char                *message;
  char                *detected_at;
};

G_END_DECLS
