/* clw-sync-apply.c: applying another copy's changes, and finding conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The changeset comes from sqlite3session_diff() on the other copy: each
 * change carries the old values (as the other copy's base had them) and the
 * new ones. A change applies cleanly where this copy still holds the old
 * value; a field both copies changed is a conflict, and the local value
 * stays. Changes to different fields of one row merge: an UPDATE carries
 * only the columns it changes, and each column is decided on its own.
 * updated_at/updated_by are not data: each copy keeps the later of the two,
 * so both end up with the same.
 *
 * The order: what the peer confirms of this copy's changes joins the base;
 * deletes, decided parents first and done children first; inserts and
 * updates, parents first, retrying those a unique key held back; keys that
 * point nowhere; the rules of the domain on every row touched; conflicts of
 * earlier bundles that can now be applied; conflicts the peer resolved; and
 * last the base, brought to what the peer holds.
 *
 * Everything here runs inside the database's transaction (and writes the
 * base's copy, see clw-sync-base.c): a failure leaves both as they were.
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-error.h"
#include "clw-search-pause-private.h"
#include "clw-sync-private.h"
#include "clw-record.h"

#define MAX_FK_ROUNDS 64
#define MAX_BATCH 128
/* From how many rows written a bundle pauses the search triggers. */
#define SEARCH_PAUSE_MIN_ROWS 256


typedef struct
{
  char          *id;
  char          *kind;
  char          *state;       /* "open" or "resolved" */
  char          *table;
  char          *row;
  char          *column;      /* "" for a row */
  gint64         sent_seq;    /* 0: not sent yet */
  sqlite3_value *base_value;
  sqlite3_value *theirs_value;
} Conflict;

typedef struct
{
  SyncTable  *table;
  char       *id;
  SyncValues *preimage;       /* the row before, NULL when inserted */
} Touched;

typedef struct
{
  SyncTable  *table;
  char       *id;
  int         op;             /* SQLITE_INSERT: the whole row; SQLITE_UPDATE: mask; SQLITE_DELETE */
  SyncValues *values;
  gboolean    borrowed;       /* values are a change's, which outlives the import */
  guint64     mask;
} BaseOp;

typedef struct
{
  ClwDatabase     *db;
  SyncSchema      *schema;
  SyncPeerRow     *peer;
  ClwSyncBundle   *bundle;
  SyncBaseTxn     *base;
  SyncApplyCounts *counts;
  const char      *bundle_id;
  const char      *author;
  const char      *made_at;
  guint64          acks_seq;
  char            *now;

  GHashTable *open;           /* key -> Conflict: open, with this peer */
  GHashTable *resolved;       /* key -> Conflict: resolved here, not confirmed by the peer */
  GHashTable *rejected;       /* keys of the bundle not applied */
  GHashTable *kept;           /* row keys whose delete was refused */
  GHashTable *deleted;        /* row key -> SyncChange of a delete applied */
  GHashTable *touched;        /* row key -> Touched */
  GPtrArray  *touched_order;  /* row keys, in the order written */
  GPtrArray  *base_ops;       /* BaseOp */
  GHashTable *dropped;        /* row keys whose base changes are dropped */
  GHashTable *whole;          /* row keys of changes applied whole */
  gboolean    reverted;       /* a row written was put back */
} Apply;

/* Keys ---------------------------------------------------------------------------- */

/* A row: "table\x1fid"; a field: "table\x1fid\x1fcolumn"; the conflict
 * about a whole row: "table\x1fid\x1f". */
static char *
row_key (SyncTable  *table,
         const char *id)
{
  return g_strconcat (table->name, "\x1f", id, NULL);
}

static char *
field_key (const char *table,
           const char *id,
           const char *column)
{
  return g_strconcat (table, "\x1f", id, "\x1f", column != NULL ? column : "", NULL);
}

static void
conflict_free (gpointer data)
{
  Conflict *c = data;

  g_free (c->id);
  g_free (c->kind);
  g_free (c->state);
  g_free (c->table);
  g_free (c->row);
  g_free (c->column);
  sqlite3_value_free (c->base_value);
  sqlite3_value_free (c->theirs_value);
  g_free (c);
}

static void
touched_free (gpointer data)
{
  Touched *t = data;

  g_free (t->id);
  _clw_sync_values_free (t->preimage);
  g_free (t);
}

static void
base_op_free (gpointer data)
{
  BaseOp *op = data;

  g_free (op->id);
  if (!op->borrowed)
    _clw_sync_values_free (op->values);
  g_free (op);
}

static void
apply_clear (Apply *a)
{
  g_free (a->now);
  g_clear_pointer (&a->open, g_hash_table_unref);
  g_clear_pointer (&a->resolved, g_hash_table_unref);
  g_clear_pointer (&a->rejected, g_hash_table_unref);
  g_clear_pointer (&a->kept, g_hash_table_unref);
  g_clear_pointer (&a->deleted, g_hash_table_unref);
  g_clear_pointer (&a->touched, g_hash_table_unref);
  g_clear_pointer (&a->touched_order, g_ptr_array_unref);
  g_clear_pointer (&a->base_ops, g_ptr_array_unref);
  g_clear_pointer (&a->dropped, g_hash_table_unref);
  g_clear_pointer (&a->whole, g_hash_table_unref);
}

static void
reject (Apply      *a,
        SyncTable  *table,
        const char *id,
        const char *column)
{
  g_hash_table_add (a->rejected, field_key (table->name, id, column));
}

static void
unreject_row (Apply      *a,
              SyncTable  *table,
              const char *id)
{
  g_autofree char *prefix = field_key (table->name, id, "");
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, a->rejected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_hash_table_iter_remove (&iter);
}

static void
add_table (Apply     *a,
           SyncTable *table)
{
  g_hash_table_add (a->counts->tables, g_strdup (table->name));
}

static void
base_op (Apply      *a,
         SyncTable  *table,
         const char *id,
         int         op,
         SyncValues *values,
         guint64     mask)
{
  BaseOp *b = g_new0 (BaseOp, 1);

  b->table = table;
  b->id = g_strdup (id);
  b->op = op;
  b->values = values != NULL ? _clw_sync_values_copy (values) : NULL;
  b->mask = mask;
  g_ptr_array_add (a->base_ops, b);
}

/* The same, with the values of a change of the bundle, not copied. */
static void
base_op_change (Apply      *a,
                SyncChange *c,
                int         op,
                guint64     mask)
{
  BaseOp *b = g_new0 (BaseOp, 1);

  b->table = c->table;
  b->id = g_strdup (c->id);
  b->op = op;
  b->values = c->new_values;
  b->borrowed = TRUE;
  b->mask = mask;
  g_ptr_array_add (a->base_ops, b);
}

static void
drop_base_ops (Apply      *a,
               SyncTable  *table,
               const char *id)
{
  g_hash_table_add (a->dropped, row_key (table, id));
}

/* Small helpers ---------------------------------------------------------------------- */

static const char *
text_of (sqlite3_value *value)
{
  if (value == NULL || sqlite3_value_type (value) != SQLITE_TEXT)
    return NULL;
  return (const char *) sqlite3_value_text (value);
}

static const char *
column_text (SyncTable  *table,
             SyncValues *row,
             int         column)
{
  if (row == NULL || column < 0)
    return NULL;
  return text_of (row->v[column]);
}

/* Whether (at, by) is later than the row's. */
static gboolean
metadata_newer (const char *at,
                const char *by,
                const char *row_at,
                const char *row_by)
{
  int cmp = g_strcmp0 (at, row_at);

  if (cmp != 0)
    return cmp > 0;
  return g_strcmp0 (by, row_by) > 0;
}

static gboolean
fetch_base (Apply       *a,
            SyncTable   *table,
            const char  *id,
            SyncValues **row,
            GError     **error)
{
  return _clw_sync_base_txn_fetch (a->base, table, id, row, error);
}

/* Conflicts in the database ------------------------------------------------------------ */

static gboolean
load_conflicts (Apply   *a,
                GError **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = _clw_database_prepare (a->db,
                                "SELECT id, kind, state, table_name, row_id, column_name, "
                                "coalesce(sent_seq, 0), base_value, theirs_value FROM sync_conflict "
                                "WHERE peer_id = ?1 AND (state = 'open' OR (state = 'resolved' "
                                "AND (sent_seq IS NULL OR sent_seq > ?2)))",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, a->peer->id);
  sqlite3_bind_int64 (stmt, 2, a->acks_seq);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Conflict *c = g_new0 (Conflict, 1);

      c->id = _clw_column_dup (stmt, 0);
      c->kind = _clw_column_dup (stmt, 1);
      c->state = _clw_column_dup (stmt, 2);
      c->table = _clw_column_dup (stmt, 3);
      c->row = _clw_column_dup (stmt, 4);
      c->column = _clw_column_dup (stmt, 5);
      c->sent_seq = sqlite3_column_int64 (stmt, 6);
      c->base_value = sqlite3_value_dup (sqlite3_column_value (stmt, 7));
      c->theirs_value = sqlite3_value_dup (sqlite3_column_value (stmt, 8));

      g_hash_table_replace (g_str_equal (c->state, "open") ? a->open : a->resolved,
                            field_key (c->table, c->row, c->column), c);
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (a->db, rc, _("reading the conflicts"), error);

  return TRUE;
}

typedef struct
{
  const char    *kind;
  SyncTable     *table;
  const char    *row_id;
  const char    *column;       /* NULL for a row */
  sqlite3_value *base_value;
  sqlite3_value *mine_value;
  sqlite3_value *theirs_value;
  const char    *mine_row;
  const char    *theirs_row;
  const char    *mine_by;
  const char    *mine_at;
  const char    *theirs_by;
  const char    *theirs_at;
  const char    *message;
} NewConflict;

static void
bind_optional_value (ClwStmt       *stmt,
                     int            index,
                     sqlite3_value *value)
{
  if (value != NULL)
    sqlite3_bind_value (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Record a conflict, or bring up to date the open one about the same thing. */
static gboolean
record_conflict (Apply        *a,
                 NewConflict  *n,
                 GError      **error)
{
  g_autofree char *key = field_key (n->table->name, n->row_id, n->column);
  Conflict *existing = g_hash_table_lookup (a->open, key);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  if (existing != NULL)
    {
      stmt = _clw_database_prepare (a->db,
                                    "UPDATE sync_conflict SET bundle_id = ?2, kind = ?3, mine_value = ?4, "
                                    "theirs_value = ?5, mine_row = ?6, theirs_row = ?7, mine_by = ?8, "
                                    "mine_at = ?9, theirs_by = ?10, theirs_at = ?11, author = ?12, "
                                    "message = ?13 WHERE id = ?1",
                                    error);
      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, existing->id);
    }
  else
    {
      stmt = _clw_database_prepare (a->db,
                                    "INSERT INTO sync_conflict (id, bundle_id, kind, mine_value, "
                                    "theirs_value, mine_row, theirs_row, mine_by, mine_at, theirs_by, "
                                    "theirs_at, author, message, peer_id, table_name, row_id, "
                                    "column_name, base_value, detected_at, state) VALUES (?1, ?2, ?3, "
                                    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                                    "?18, ?19, 'open')",
                                    error);
      if (stmt == NULL)
        return FALSE;

      existing = g_new0 (Conflict, 1);
      existing->id = clw_uuid_new ();
      existing->kind = g_strdup (n->kind);
      existing->state = g_strdup ("open");
      existing->table = g_strdup (n->table->name);
      existing->row = g_strdup (n->row_id);
      existing->column = g_strdup (n->column != NULL ? n->column : "");
      g_hash_table_replace (a->open, g_strdup (key), existing);

      _clw_bind_text (stmt, 1, existing->id);
      _clw_bind_text (stmt, 14, a->peer->id);
      _clw_bind_text (stmt, 15, n->table->name);
      _clw_bind_text (stmt, 16, n->row_id);
      _clw_bind_text (stmt, 17, n->column != NULL ? n->column : "");
      bind_optional_value (stmt, 18, n->base_value);
      _clw_bind_text (stmt, 19, a->now);
      a->counts->n_conflicts++;
    }

  _clw_bind_text (stmt, 2, a->bundle_id);
  _clw_bind_text (stmt, 3, n->kind);
  bind_optional_value (stmt, 4, n->mine_value);
  bind_optional_value (stmt, 5, n->theirs_value);
  _clw_bind_text (stmt, 6, n->mine_row);
  _clw_bind_text (stmt, 7, n->theirs_row);
  _clw_bind_text (stmt, 8, n->mine_by);
  _clw_bind_text (stmt, 9, n->mine_at);
  _clw_bind_text (stmt, 10, n->theirs_by != NULL ? n->theirs_by : a->author);
  _clw_bind_text (stmt, 11, n->theirs_at != NULL ? n->theirs_at : a->made_at);
  _clw_bind_text (stmt, 12, a->author);
  _clw_bind_text (stmt, 13, n->message != NULL ? n->message : "");

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (a->db, rc, _("recording a conflict"), error);

  return TRUE;
}

/* The conflict is over: the peer resolved it, both now agree, or what was
 * held back could be applied. */
static gboolean
settle (Apply       *a,
        const char  *key,
        const char  *how,
        GError     **error)
{
  Conflict *c = g_hash_table_lookup (a->open, key);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  if (c == NULL)
    return TRUE;

  stmt = _clw_database_prepare (a->db,
                                "UPDATE sync_conflict SET state = 'settled', resolution = ?2, "
                                "resolved_by = ?3, resolved_at = ?4 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, c->id);
  _clw_bind_text (stmt, 2, how);
  _clw_bind_text (stmt, 3, a->author);
  _clw_bind_text (stmt, 4, a->now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (a->db, rc, _("recording a conflict"), error);

  g_hash_table_remove (a->open, key);
  a->counts->n_settled++;
  return TRUE;
}

/* Every open conflict about a row (its fields and the row itself). */
static gboolean
settle_row (Apply       *a,
            SyncTable   *table,
            const char  *id,
            GError     **error)
{
  g_autofree char *prefix = field_key (table->name, id, "");
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key;

  if (g_hash_table_size (a->open) == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, a->open);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_ptr_array_add (keys, g_strdup (key));

  for (guint i = 0; i < keys->len; i++)
    if (!settle (a, g_ptr_array_index (keys, i), "peer", error))
      return FALSE;

  return TRUE;
}

/* An open conflict holding a row of theirs that is not applied here. */
static Conflict *
find_held_back (Apply      *a,
                SyncTable  *table,
                const char *id)
{
  g_autofree char *key = field_key (table->name, id, "");
  Conflict *c = g_hash_table_lookup (a->open, key);

  if (c == NULL)
    return NULL;
  if (g_str_equal (c->kind, "rule") || g_str_equal (c->kind, "duplicate") ||
      g_str_equal (c->kind, "parent-missing") || g_str_equal (c->kind, "deleted-mine"))
    return c;
  return NULL;
}

/* A conflict about this row or field resolved here that the peer has not
 * heard of yet: what it sends again was decided already. */
static Conflict *
find_resolved (Apply      *a,
               SyncTable  *table,
               const char *id,
               const char *column)
{
  g_autofree char *row = field_key (table->name, id, "");
  Conflict *c = NULL;

  if (column != NULL)
    {
      g_autofree char *key = field_key (table->name, id, column);
      c = g_hash_table_lookup (a->resolved, key);
    }
  if (c == NULL)
    c = g_hash_table_lookup (a->resolved, row);
  return c;
}

/* Bring the row held back with a conflict up to date with a later change. */
static gboolean
update_held_back (Apply       *a,
                  Conflict    *c,
                  SyncChange  *change,
                  GError     **error)
{
  SyncTable *t = change->table;
  g_autoptr(ClwStmt) stmt = NULL;
  g_autoptr(SyncValues) theirs = NULL;
  g_autofree char *json = NULL;
  g_autofree char *theirs_json = NULL;
  int rc;

  stmt = _clw_database_prepare (a->db, "SELECT theirs_row FROM sync_conflict WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, c->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    theirs_json = _clw_column_dup (stmt, 0);
  g_clear_pointer (&stmt, _clw_stmt_release);

  if (change->op == SQLITE_INSERT)
    theirs = _clw_sync_values_copy (change->new_values);
  else if (theirs_json != NULL)
    {
      theirs = _clw_sync_values_from_json (a->db, t, theirs_json, error);
      if (theirs == NULL)
        return FALSE;
      for (guint i = 0; i < t->n_columns; i++)
        if (change->new_values->v[i] != NULL)
          _clw_sync_values_set (theirs, i, change->new_values->v[i]);
    }

  json = _clw_sync_values_to_json (a->db, t, theirs, FALSE);

  stmt = _clw_database_prepare (a->db,
                                "UPDATE sync_conflict SET theirs_row = ?2, bundle_id = ?3, author = ?4 "
                                "WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, c->id);
  _clw_bind_text (stmt, 2, json);
  _clw_bind_text (stmt, 3, a->bundle_id);
  _clw_bind_text (stmt, 4, a->author);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (a->db, rc, _("recording a conflict"), error);

  reject (a, t, change->id, NULL);
  return TRUE;
}

/* What the peer confirms ---------------------------------------------------------- */

/* The peer applied our bundle acks_seq, except what it lists as rejected:
 * that is now what it holds, so it joins the base. */
static gboolean
apply_acknowledgement (Apply   *a,
                       GError **error)
{
  GVariant *manifest = _clw_sync_bundle_get_manifest (a->bundle);
  g_autoptr(GHashTable) rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *table, *row, *column;
  int rc;

  if (a->acks_seq <= (guint64) a->peer->confirmed_seq)
    return TRUE;

  stmt = _clw_database_prepare (a->db,
                                "SELECT changeset FROM sync_sent WHERE peer_id = ?1 AND seq = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, a->peer->id);
  sqlite3_bind_int64 (stmt, 2, a->acks_seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
    changeset = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_ROW)
    changeset = g_bytes_new (NULL, 0);
  else if (rc != SQLITE_DONE)
    return _clw_database_set_error (a->db, rc, _("reading the bundles sent"), error);
  g_clear_pointer (&stmt, _clw_stmt_release);

  if (changeset == NULL)
    return TRUE;

  changes = _clw_sync_changeset_parse (a->schema, changeset, _("a bundle sent before"), error);
  if (changes == NULL)
    return FALSE;

  g_variant_lookup (manifest, "rejected", "a(sss)", &iter);
  while (g_variant_iter_next (iter, "(&s&s&s)", &table, &row, &column))
    g_hash_table_add (rejected, field_key (table, row, column));

  for (guint i = 0; i < changes->len; i++)
    {
      SyncChange *change = g_ptr_array_index (changes, i);
      SyncTable *t = change->table;
      g_autofree char *whole = field_key (t->name, change->id, "");
      guint64 skip = 0;

      if (change->op == SQLITE_UPDATE)
        for (guint c = 0; c < t->n_columns; c++)
          {
            g_autofree char *key = field_key (t->name, change->id, t->columns[c]);
            if (g_hash_table_contains (rejected, key))
              skip |= G_GUINT64_CONSTANT (1) << c;
          }

      if (!_clw_sync_base_txn_apply (a->base, change, g_hash_table_contains (rejected, whole),
                                     skip, error))
        return FALSE;
    }

  return TRUE;
}

/* A meeting copy changes its cluster only ------------------------------------------ */

static gboolean
out_of_scope (Apply       *a,
              SyncTable   *table,
              SyncValues  *row,
              GError     **error)
{
  g_autofree char *what = _clw_sync_describe_row (a->db, table, row);
  g_autofree char *cluster = NULL;
  SyncTable *cluster_table = _clw_sync_schema_lookup (a->schema, "cluster");
  g_autoptr(SyncValues) cluster_row = NULL;

  if (cluster_table != NULL)
    _clw_sync_main_fetch (a->db, cluster_table, a->peer->scope_id, &cluster_row, NULL);
  cluster = cluster_row != NULL ? _clw_sync_describe_row (a->db, cluster_table, cluster_row)
                                : g_strdup (a->peer->scope_id);

  g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_OUT_OF_SCOPE,
               _("The bundle from “%s”, a meeting copy of %s, changes %s, which is outside that "
                 "cluster. A meeting copy may only change its own cluster. Nothing was changed."),
               a->peer->name, cluster, what);
  return FALSE;
}

/* Whether a key of @row points at a row that is not in the database. */
static gboolean
values_refer_to_missing (Apply       *a,
                         SyncTable   *table,
                         SyncValues  *row,
                         gboolean    *missing,
                         GError     **error)
{
  *missing = FALSE;

  for (guint k = 0; row != NULL && k < table->foreign_keys->len && !*missing; k++)
    {
      SyncForeignKey *fk = &g_array_index (table->foreign_keys, SyncForeignKey, k);
      SyncTable *parent = _clw_sync_schema_lookup (a->schema, fk->parent);
      const char *parent_id = text_of (row->v[fk->column]);
      g_autoptr(ClwStmt) stmt = NULL;

      if (parent_id == NULL)
        continue;
      stmt = _clw_database_prepare (a->db, parent->exists_sql, error);
      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, parent_id);
      *missing = sqlite3_step (stmt) != SQLITE_ROW;
    }

  return TRUE;
}

/* The ids as a JSON array, for "id IN (SELECT value FROM json_each(?))":
 * ids are UUIDs, checked when the changeset was read. */
static char *
ids_json (GPtrArray *ids,
          guint      start,
          guint      n)
{
  g_autoptr(GString) json = g_string_new ("[");

  /* The ids are UUIDs (checked when the bundle was read): nothing to
   * escape. Appended piece by piece: a printf per row shows in profiles. */
  for (guint i = start; i < start + n && i < ids->len; i++)
    {
      if (i > start)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      g_string_append (json, g_ptr_array_index (ids, i));
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* The first of @ids (rows of @t in the database) outside the cluster. */
static gboolean
find_outside (Apply       *a,
              SyncTable   *t,
              GPtrArray   *ids,
              SyncValues **outside,
              GError     **error)
{
  const char *filter;

  *outside = NULL;
  if (ids->len == 0)
    return TRUE;
  if (_clw_sync_scope_of_table (t->name, &filter) != SYNC_SCOPE_CLUSTER)
    return _clw_sync_main_fetch (a->db, t, g_ptr_array_index (ids, 0), outside, error);

  for (guint start = 0; start < ids->len && *outside == NULL; start += 1000)
    {
      g_autofree char *json = ids_json (ids, start, 1000);
      g_autofree char *sql = g_strdup_printf ("SELECT \"id\" FROM main.\"%s\" WHERE \"id\" IN "
                                              "(SELECT value FROM json_each(?2)) "
                                              "AND NOT coalesce((%s), 0)",
                                              t->name, filter);
      g_autoptr(ClwStmt) stmt = _clw_database_prepare (a->db, sql, error);
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      int rc;

      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, a->peer->scope_id);
      _clw_bind_text (stmt, 2, json);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (found, _clw_column_dup (stmt, 0));
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (a->db, rc, _("checking the cluster of rows"), error);
      g_clear_pointer (&stmt, _clw_stmt_release);

      /* A row whose parent is not here belongs to no cluster yet: it is
       * held back, and can only come in with a parent of the cluster's. */
      for (guint k = 0; k < found->len && *outside == NULL; k++)
        {
          g_autoptr(SyncValues) row = NULL;
          gboolean missing;

          if (!_clw_sync_main_fetch (a->db, t, g_ptr_array_index (found, k), &row, error) ||
              !values_refer_to_missing (a, t, row, &missing, error))
            return FALSE;
          if (!missing)
            *outside = g_steal_pointer (&row);
        }
    }

  return TRUE;
}

/* Before: every row the bundle deletes or changes that is here is one of
 * the cluster's, and no change touches the reference data. */
static gboolean
check_scope_before (Apply      *a,
                    GPtrArray  *changes,
                    GError    **error)
{
  g_autoptr(GHashTable) by_table = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  SyncTable *t;
  GPtrArray *ids;

  for (guint i = 0; i < changes->len; i++)
    {
      SyncChange *c = g_ptr_array_index (changes, i);

      if (_clw_sync_scope_of_table (c->table->name, NULL) != SYNC_SCOPE_CLUSTER)
        return out_of_scope (a, c->table, c->op == SQLITE_INSERT ? c->new_values : c->old_values, error);

      ids = g_hash_table_lookup (by_table, c->table);
      if (ids == NULL)
        {
          ids = g_ptr_array_new ();
          g_hash_table_insert (by_table, c->table, ids);
        }
      g_ptr_array_add (ids, c->id);
    }

  g_hash_table_iter_init (&iter, by_table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &t, (gpointer *) &ids))
    {
      g_autoptr(SyncValues) outside = NULL;

      if (!find_outside (a, t, ids, &outside, error))
        return FALSE;
      if (outside != NULL)
        return out_of_scope (a, t, outside, error);
    }

  return TRUE;
}

/* After: every row the bundle adds or changes stays in the cluster,
 * whether it could be applied or not. */
static gboolean
check_scope_after (Apply      *a,
                   GPtrArray  *changes,
                   GError    **error)
{
  g_autoptr(GHashTable) by_table = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  SyncTable *t;
  GPtrArray *ids;

  for (guint i = 0; i < changes->len; i++)
    {
      SyncChange *c = g_ptr_array_index (changes, i);
      g_autofree char *key = NULL;
      g_autoptr(SyncValues) row = NULL;
      gboolean in = FALSE;

      if (c->op == SQLITE_DELETE)
        continue;

      /* Applied whole: the row here says where it is. */
      key = row_key (c->table, c->id);
      if (g_hash_table_contains (a->whole, key))
        {
          ids = g_hash_table_lookup (by_table, c->table);
          if (ids == NULL)
            {
              ids = g_ptr_array_new ();
              g_hash_table_insert (by_table, c->table, ids);
            }
          g_ptr_array_add (ids, c->id);
          continue;
        }

      /* Otherwise, the row as the change would make it. */
      if (c->op == SQLITE_INSERT)
        row = _clw_sync_values_copy (c->new_values);
      else
        {
          if (!_clw_sync_main_fetch (a->db, c->table, c->id, &row, error))
            return FALSE;
          if (row == NULL && !fetch_base (a, c->table, c->id, &row, error))
            return FALSE;
          if (row == NULL)
            continue;
          for (guint k = 0; k < c->table->n_columns; k++)
            if (c->new_values->v[k] != NULL)
              _clw_sync_values_set (row, k, c->new_values->v[k]);
        }

      if (!_clw_sync_values_in_cluster (a->db, c->table, row, a->peer->scope_id, &in, error))
        return FALSE;
      if (!in)
        {
          gboolean missing;

          if (!values_refer_to_missing (a, c->table, row, &missing, error))
            return FALSE;
          if (!missing)
            return out_of_scope (a, c->table, row, error);
        }
    }

  g_hash_table_iter_init (&iter, by_table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &t, (gpointer *) &ids))
    {
      g_autoptr(SyncValues) outside = NULL;

      if (!find_outside (a, t, ids, &outside, error))
        return FALSE;
      if (outside != NULL)
        return out_of_scope (a, t, outside, error);
    }

  return TRUE;
}

/* Deletes ----------------------------------------------------------------------- */

static gboolean
cascade_parent_kept (Apply      *a,
                     SyncChange *c)
{
  SyncTable *t = c->table;

  for (guint i = 0; i < t->foreign_keys->len; i++)
    {
      SyncForeignKey *fk = &g_array_index (t->foreign_keys, SyncForeignKey, i);
      const char *parent_id = text_of (c->old_values->v[fk->column]);
      g_autofree char *key = NULL;

      if (!fk->cascade || parent_id == NULL)
        continue;
      key = g_strconcat (fk->parent, "\x1f", parent_id, NULL);
      if (g_hash_table_contains (a->kept, key))
        return TRUE;
    }
  return FALSE;
}

/* Rows below this one (through ON DELETE CASCADE) that this copy changed
 * since the peer last heard: deleting the row would take them away. A row
 * the bundle itself deletes, as this copy has it, is not taken away: the
 * peer saw it, and deletes it too. */
static gboolean
find_local_changes_below (Apply       *a,
                          SyncTable   *table,
                          const char  *id,
                          GHashTable  *deleted_as_here,
                          guint       *n_found,
                          char       **first,
                          GError     **error)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  *n_found = 0;
  *first = NULL;
  g_queue_push_tail (queue, g_strdup (id));
  g_queue_push_tail (queue, table);

  while (!g_queue_is_empty (queue))
    {
      g_autofree char *parent_id = g_queue_pop_head (queue);
      SyncTable *parent = g_queue_pop_head (queue);

      for (guint i = 0; i < parent->children->len; i++)
        {
          SyncChild *child = &g_array_index (parent->children, SyncChild, i);
          SyncForeignKey *fk = &g_array_index (child->table->foreign_keys, SyncForeignKey, child->fk);
          g_autofree char *sql = NULL;
          g_autoptr(ClwStmt) stmt = NULL;
          g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
          int rc;

          if (!fk->cascade)
            continue;

          sql = g_strdup_printf ("SELECT \"id\" FROM main.\"%s\" WHERE \"%s\" = ?1",
                                 child->table->name, child->table->columns[fk->column]);
          stmt = _clw_database_prepare (a->db, sql, error);
          if (stmt == NULL)
            return FALSE;
          _clw_bind_text (stmt, 1, parent_id);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            g_ptr_array_add (ids, _clw_column_dup (stmt, 0));
          if (rc != SQLITE_DONE)
            return _clw_database_set_error (a->db, rc, _("reading a row"), error);
          g_clear_pointer (&stmt, _clw_stmt_release);

          for (guint k = 0; k < ids->len; k++)
            {
              const char *child_id = g_ptr_array_index (ids, k);
              g_autoptr(SyncValues) mine = NULL;
              g_autoptr(SyncValues) base = NULL;

              if (!_clw_sync_main_fetch (a->db, child->table, child_id, &mine, error) ||
                  !fetch_base (a, child->table, child_id, &base, error))
                return FALSE;

              if (mine != NULL && (base == NULL || !_clw_sync_values_data_equal (child->table, mine, base)))
                {
                  g_autofree char *child_key = row_key (child->table, child_id);

                  if (!g_hash_table_contains (deleted_as_here, child_key))
                    {
                      if (*first == NULL)
                        *first = _clw_sync_describe_row (a->db, child->table, mine);
                      (*n_found)++;
                    }
                }

              g_queue_push_tail (queue, g_strdup (child_id));
              g_queue_push_tail (queue, child->table);
            }
        }
    }

  return TRUE;
}

static int
compare_by_table (gconstpointer a,
                  gconstpointer b)
{
  const SyncChange *ca = *(SyncChange * const *) a;
  const SyncChange *cb = *(SyncChange * const *) b;

  return (int) ca->table->index - (int) cb->table->index;
}

static gboolean
apply_deletes (Apply      *a,
               GPtrArray  *changes,
               GError    **error)
{
  g_autoptr(GPtrArray) deletes = g_ptr_array_new ();
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(GHashTable) deleted_as_here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      SyncChange *c = g_ptr_array_index (changes, i);
      g_autoptr(SyncValues) cur = NULL;

      if (c->op != SQLITE_DELETE)
        continue;
      g_ptr_array_add (deletes, c);

      /* Deleted by the peer as it is here. */
      if (!_clw_sync_main_fetch (a->db, c->table, c->id, &cur, error))
        return FALSE;
      if (cur != NULL && _clw_sync_values_data_equal (c->table, cur, c->old_values))
        g_hash_table_add (deleted_as_here, row_key (c->table, c->id));
    }
  g_ptr_array_sort (deletes, compare_by_table);

  /* Decide, parents first: a refused delete keeps what hangs from it. */
  for (guint i = 0; i < deletes->len; i++)
    {
      SyncChange *c = g_ptr_array_index (deletes, i);
      SyncTable *t = c->table;
      g_autoptr(SyncValues) cur = NULL;
      g_autofree char *key = row_key (t, c->id);
      Conflict *held;
      guint n_below = 0;
      g_autofree char *below = NULL;
      gboolean changed_here = FALSE;

      held = find_held_back (a, t, c->id);
      if (held != NULL && !g_str_equal (held->kind, "deleted-mine"))
        {
          /* They withdrew the row that was held back: nothing left to decide. */
          g_autofree char *whole = field_key (t->name, c->id, "");
          if (!settle (a, whole, "peer", error))
            return FALSE;
          base_op (a, t, c->id, SQLITE_DELETE, NULL, 0);
          continue;
        }

      if (!_clw_sync_main_fetch (a->db, t, c->id, &cur, error))
        return FALSE;

      if (cur == NULL)
        {
          /* Deleted on both sides. */
          if (!settle_row (a, t, c->id, error))
            return FALSE;
          base_op (a, t, c->id, SQLITE_DELETE, NULL, 0);
          a->counts->n_applied++;
          continue;
        }

      if (cascade_parent_kept (a, c))
        {
          g_hash_table_add (a->kept, g_steal_pointer (&key));
          reject (a, t, c->id, NULL);
          continue;
        }

      /* Changed here since: unlike what they deleted, and unlike what they
       * are known to hold (they may have changed it themselves before). */
      if (!_clw_sync_values_data_equal (t, cur, c->old_values))
        {
          g_autoptr(SyncValues) base = NULL;

          if (!fetch_base (a, t, c->id, &base, error))
            return FALSE;
          changed_here = base == NULL || !_clw_sync_values_data_equal (t, cur, base);
        }

      if (!changed_here && !find_local_changes_below (a, t, c->id, deleted_as_here, &n_below, &below, error))
        return FALSE;

      if (changed_here || n_below > 0)
        {
          g_autofree char *mine_json = _clw_sync_values_to_json (a->db, t, cur, FALSE);
          g_autofree char *message = NULL;
          NewConflict n = { 0 };

          if (find_resolved (a, t, c->id, NULL) == NULL)
            {
              if (n_below > 0)
                message = g_strdup_printf (ngettext ("Deleted on “%s” by %s, but %u row under it was "
                                                     "changed here since (%s).",
                                                     "Deleted on “%s” by %s, but %u rows under it were "
                                                     "changed here since (%s…).", n_below),
                                           a->peer->name, a->author, n_below, below);
              else
                message = g_strdup_printf (_("Deleted on “%s” by %s, but changed here since."),
                                           a->peer->name, a->author);

              n.kind = "deleted-theirs";
              n.table = t;
              n.row_id = c->id;
              n.mine_row = mine_json;
              n.mine_by = column_text (t, cur, t->updated_by_column);
              n.mine_at = column_text (t, cur, t->updated_at_column);
              n.message = message;
              if (!record_conflict (a, &n, error))
                return FALSE;
            }

          g_hash_table_add (a->kept, g_steal_pointer (&key));
          reject (a, t, c->id, NULL);
          continue;
        }

      g_ptr_array_add (doomed, c);
    }

  /* Delete, children first, many rows of a table at a time. */
  for (guint end = doomed->len; end > 0; )
    {
      SyncChange *last = g_ptr_array_index (doomed, end - 1);
      guint n = MAX_BATCH;
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(ClwStmt) stmt = NULL;
      int rc;

      while (n > 1 && (n > end ||
                       ((SyncChange *) g_ptr_array_index (doomed, end - n))->table != last->table))
        n /= 2;

      g_string_printf (sql, "DELETE FROM main.\"%s\" WHERE \"id\" IN (", last->table->name);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (sql, "%s?%u", k > 0 ? ", " : "", k + 1);
      g_string_append_c (sql, ')');

      stmt = _clw_database_prepare (a->db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint k = 0; k < n; k++)
        _clw_bind_text (stmt, k + 1, ((SyncChange *) g_ptr_array_index (doomed, end - n + k))->id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (a->db, rc, _("applying deletions"), error);
      g_clear_pointer (&stmt, _clw_stmt_release);

      for (guint k = 0; k < n; k++)
        {
          SyncChange *c = g_ptr_array_index (doomed, end - n + k);

          g_hash_table_replace (a->deleted, row_key (c->table, c->id), c);
          if (!settle_row (a, c->table, c->id, error))
            return FALSE;
          base_op (a, c->table, c->id, SQLITE_DELETE, NULL, 0);
          add_table (a, c->table);
          a->counts->n_applied++;
        }

      end -= n;
    }

  return TRUE;
}

/* Inserts and updates ----------------------------------------------------------- */

/* Note a row written, with @preimage (taken) the row before it. */
static void
touch (Apply      *a,
       SyncTable  *table,
       const char *id,
       SyncValues *preimage)
{
  g_autoptr(SyncValues) before = preimage;
  g_autofree char *key = row_key (table, id);
  Touched *t;

  if (g_hash_table_contains (a->touched, key))
    return;

  t = g_new0 (Touched, 1);
  t->table = table;
  t->id = g_strdup (id);
  t->preimage = g_steal_pointer (&before);
  g_ptr_array_add (a->touched_order, g_strdup (key));
  g_hash_table_insert (a->touched, g_steal_pointer (&key), t);
}

/* A change of an insert or an update, decided before it is written, so that
 * the rows of a table can be written together: one statement for many
 * rows keeps the statement journal (and the FTS5 index, which writes out
 * its pending terms at each statement) from working once per row. */
typedef enum
{
  PLAN_DONE,    /* nothing to write: held back, a conflict, or already so */
  PLAN_INSERT,
  PLAN_UPDATE,
} PlanKind;

typedef struct
{
  SyncChange *c;
  PlanKind    kind;
  SyncValues *cur;          /* the row here before, NULL for an insert */
  SyncValues *row;          /* the row to write */
  guint64     clean;        /* data columns of theirs applied */
  guint64     equal;        /* data columns already as theirs */
  guint64     meta;         /* metadata columns of theirs taken */
  guint64     skip;         /* columns kept out of the base */
  guint64     defined;      /* columns the change carries */
  GArray     *conflicted;   /* column indexes */
  GPtrArray  *agreed;       /* field keys to settle */
} Plan;

static void
plan_free (gpointer data)
{
  Plan *plan = data;

  _clw_sync_values_free (plan->cur);
  _clw_sync_values_free (plan->row);
  g_clear_pointer (&plan->conflicted, g_array_unref);
  g_clear_pointer (&plan->agreed, g_ptr_array_unref);
  g_free (plan);
}

static gboolean
plan_insert (Apply       *a,
             Plan        *plan,
             GError     **error)
{
  SyncChange *c = plan->c;
  SyncTable *t = c->table;
  g_autoptr(SyncValues) cur = NULL;
  Conflict *held;
  int rc;

  plan->kind = PLAN_DONE;

  held = find_held_back (a, t, c->id);
  if (held != NULL && !g_str_equal (held->kind, "deleted-mine"))
    return update_held_back (a, held, c, error);

  if (!_clw_sync_main_fetch (a->db, t, c->id, &cur, error))
    return FALSE;

  if (cur == NULL)
    {
      plan->kind = PLAN_INSERT;
      plan->row = _clw_sync_values_copy (c->new_values);
      return TRUE;
    }

  if (_clw_sync_values_data_equal (t, cur, c->new_values))
    {
      /* The same row on both sides: only the later stamp matters. */
      const char *at = column_text (t, c->new_values, t->updated_at_column);
      const char *by = column_text (t, c->new_values, t->updated_by_column);

      if (metadata_newer (at, by, column_text (t, cur, t->updated_at_column),
                          column_text (t, cur, t->updated_by_column)))
        {
          rc = _clw_sync_main_update (a->db, t, c->id, c->new_values, t->metadata_mask);
          if (rc != SQLITE_DONE)
            return _clw_database_set_error (a->db, rc, _("applying a change"), error);
          add_table (a, t);
        }
      if (!settle_row (a, t, c->id, error))
        return FALSE;
      base_op_change (a, c, SQLITE_INSERT, 0);
      a->counts->n_applied++;
      return TRUE;
    }

  /* The same id with other content: both copies added it differently. */
  if (find_resolved (a, t, c->id, NULL) == NULL)
    {
      g_autofree char *mine = _clw_sync_values_to_json (a->db, t, cur, FALSE);
      g_autofree char *theirs = _clw_sync_values_to_json (a->db, t, c->new_values, FALSE);
      NewConflict n = { 0 };

      n.kind = "duplicate";
      n.table = t;
      n.row_id = c->id;
      n.mine_row = mine;
      n.theirs_row = theirs;
      n.mine_by = column_text (t, cur, t->updated_by_column);
      n.mine_at = column_text (t, cur, t->updated_at_column);
      n.theirs_by = column_text (t, c->new_values, t->updated_by_column);
      n.theirs_at = column_text (t, c->new_values, t->updated_at_column);
      n.message = _("Added on both copies with different content.");
      if (!record_conflict (a, &n, error))
        return FALSE;
    }
  reject (a, t, c->id, NULL);
  return TRUE;
}

static gboolean
finish_insert (Apply   *a,
               Plan    *plan,
               GError **error)
{
  SyncChange *c = plan->c;

  touch (a, c->table, c->id, NULL);
  g_hash_table_add (a->whole, row_key (c->table, c->id));
  if (!settle_row (a, c->table, c->id, error))
    return FALSE;
  base_op_change (a, c, SQLITE_INSERT, 0);
  add_table (a, c->table);
  a->counts->n_applied++;
  return TRUE;
}

static gboolean
plan_update (Apply   *a,
             Plan    *plan,
             GError **error)
{
  SyncChange *c = plan->c;
  SyncTable *t = c->table;
  g_autoptr(SyncValues) base = NULL;
  gboolean base_fetched = FALSE;
  Conflict *held;

  plan->kind = PLAN_DONE;

  held = find_held_back (a, t, c->id);
  if (held != NULL)
    return update_held_back (a, held, c, error);

  if (!_clw_sync_main_fetch (a->db, t, c->id, &plan->cur, error))
    return FALSE;

  if (plan->cur == NULL)
    {
      /* Changed there, deleted here. */
      g_autoptr(SyncValues) theirs = NULL;
      g_autofree char *theirs_json = NULL;
      g_autofree char *message = NULL;
      NewConflict n = { 0 };

      reject (a, t, c->id, NULL);
      if (find_resolved (a, t, c->id, NULL) != NULL)
        return TRUE;

      if (!fetch_base (a, t, c->id, &theirs, error))
        return FALSE;
      if (theirs == NULL)
        theirs = _clw_sync_values_copy (c->old_values);
      for (guint i = 0; i < t->n_columns; i++)
        if (c->new_values->v[i] != NULL)
          _clw_sync_values_set (theirs, i, c->new_values->v[i]);
      theirs_json = _clw_sync_values_to_json (a->db, t, theirs, FALSE);
      message = g_strdup_printf (_("Deleted here, but changed on “%s” since."), a->peer->name);

      n.kind = "deleted-mine";
      n.table = t;
      n.row_id = c->id;
      n.theirs_row = theirs_json;
      n.theirs_by = column_text (t, theirs, t->updated_by_column);
      n.theirs_at = column_text (t, theirs, t->updated_at_column);
      n.message = message;
      return record_conflict (a, &n, error);
    }

  plan->conflicted = g_array_new (FALSE, FALSE, sizeof (guint));
  plan->agreed = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < t->n_columns; i++)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << i;
      sqlite3_value *mine = plan->cur->v[i];
      sqlite3_value *theirs = c->new_values->v[i];
      sqlite3_value *before = c->old_values->v[i];
      Conflict *resolved;

      if (i == t->id_column || theirs == NULL)
        continue;
      plan->defined |= bit;
      if (_clw_sync_table_is_metadata (t, i))
        continue;

      if (_clw_sync_value_equal (mine, theirs))
        {
          plan->equal |= bit;
          g_ptr_array_add (plan->agreed, field_key (t->name, c->id, t->columns[i]));
          continue;
        }

      resolved = find_resolved (a, t, c->id, t->columns[i]);
      if (resolved == NULL || *resolved->column == '\0')
        {
          gboolean changed_here = before == NULL || !_clw_sync_value_equal (mine, before);

          /* Not changed here if it is what they are known to hold: their
           * own earlier change, which their base did not have yet. */
          if (changed_here)
            {
              if (!base_fetched && !fetch_base (a, t, c->id, &base, error))
                return FALSE;
              base_fetched = TRUE;
              changed_here = base == NULL || !_clw_sync_value_equal (mine, base->v[i]);
            }

          if (!changed_here)
            {
              plan->clean |= bit;
              g_ptr_array_add (plan->agreed, field_key (t->name, c->id, t->columns[i]));
              continue;
            }
          if (resolved != NULL)
            {
              /* The row was decided here; they send what they had before. */
              plan->skip |= bit;
              reject (a, t, c->id, t->columns[i]);
              continue;
            }
        }
      else if (_clw_sync_value_equal (resolved->theirs_value, theirs) &&
               _clw_sync_value_equal (resolved->base_value, before))
        {
          /* They send again the change that was decided here already. */
          plan->skip |= bit;
          reject (a, t, c->id, t->columns[i]);
          continue;
        }

      /* Changed on both sides; or resolved here while they changed it
       * again, or resolved it otherwise, before hearing of it. */
      g_array_append_val (plan->conflicted, i);
      plan->skip |= bit;
    }

  /* updated_at and updated_by: the later of the two, on both sides. */
  if (t->updated_at_column >= 0 && c->new_values->v[t->updated_at_column] != NULL)
    {
      const char *at = column_text (t, c->new_values, t->updated_at_column);
      const char *by = c->new_values->v[t->updated_by_column] != NULL
                       ? column_text (t, c->new_values, t->updated_by_column)
                       : column_text (t, plan->cur, t->updated_by_column);

      if (metadata_newer (at, by, column_text (t, plan->cur, t->updated_at_column),
                          column_text (t, plan->cur, t->updated_by_column)))
        plan->meta = plan->defined & t->metadata_mask;
    }

  if ((plan->clean | plan->meta) != 0)
    {
      plan->kind = PLAN_UPDATE;
      plan->row = _clw_sync_values_copy (plan->cur);
      for (guint i = 0; i < t->n_columns; i++)
        if ((plan->clean | plan->meta) & (G_GUINT64_CONSTANT (1) << i))
          _clw_sync_values_set (plan->row, i, c->new_values->v[i]);
    }

  return TRUE;
}

/* What an update leads to once written (or when there was nothing to write). */
static gboolean
finish_update (Apply   *a,
               Plan    *plan,
               GError **error)
{
  SyncChange *c = plan->c;
  SyncTable *t = c->table;

  if (plan->cur == NULL)
    return TRUE;

  if (plan->kind == PLAN_UPDATE)
    add_table (a, t);

  for (guint k = 0; k < plan->agreed->len; k++)
    if (!settle (a, g_ptr_array_index (plan->agreed, k), "peer", error))
      return FALSE;

  for (guint k = 0; k < plan->conflicted->len; k++)
    {
      guint i = g_array_index (plan->conflicted, guint, k);
      NewConflict n = { 0 };

      n.kind = "field";
      n.table = t;
      n.row_id = c->id;
      n.column = t->columns[i];
      n.base_value = c->old_values->v[i];
      n.mine_value = plan->cur->v[i];
      n.theirs_value = c->new_values->v[i];
      n.mine_by = column_text (t, plan->cur, t->updated_by_column);
      n.mine_at = column_text (t, plan->cur, t->updated_at_column);
      n.theirs_by = column_text (t, c->new_values, t->updated_by_column);
      n.theirs_at = column_text (t, c->new_values, t->updated_at_column);
      if (find_resolved (a, t, c->id, t->columns[i]) != NULL)
        n.message = _("Resolved differently on both copies at the same time: choose again.");
      if (!record_conflict (a, &n, error))
        return FALSE;
      reject (a, t, c->id, t->columns[i]);
    }

  /* The row before is not needed here after this. */
  if (plan->clean != 0)
    touch (a, t, c->id, g_steal_pointer (&plan->cur));
  if (plan->conflicted->len == 0 && plan->skip == 0)
    g_hash_table_add (a->whole, row_key (t, c->id));
  if ((plan->clean | plan->equal | plan->meta) != 0 || plan->conflicted->len == 0)
    a->counts->n_applied++;

  base_op_change (a, c, SQLITE_UPDATE, plan->defined & ~plan->skip);
  return TRUE;
}

static gboolean
finish_plan (Apply   *a,
             Plan    *plan,
             GError **error)
{
  return plan->c->op == SQLITE_INSERT ? finish_insert (a, plan, error)
                                      : finish_update (a, plan, error);
}

/* Writing planned rows ------------------------------------------------------------- */

/* The columns a plan writes: a whole row for an insert; for an update,
 * the id and the columns it changes (so that indexes and foreign keys of
 * the others are left alone). */
static guint64
plan_columns (Plan *plan)
{
  SyncTable *t = plan->c->table;

  if (plan->kind == PLAN_INSERT)
    return t->n_columns >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << t->n_columns) - 1;
  return plan->clean | plan->meta | (G_GUINT64_CONSTANT (1) << t->id_column);
}

/* The statement that writes @n rows of @t at once, the columns of
 * @columns (the id first for an update). */
static char *
batch_sql (SyncTable *t,
           PlanKind   kind,
           guint64    columns,
           guint      n)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new ("VALUES ");
  guint n_columns = 0;

  for (guint i = 0; i < t->n_columns; i++)
    if (columns & (G_GUINT64_CONSTANT (1) << i))
      n_columns++;
  _clw_sync_append_value_rows (values, n, n_columns);

  if (kind == PLAN_INSERT)
    {
      g_string_printf (sql, "INSERT INTO main.\"%s\" (%s) %s", t->name, t->column_list_sql, values->str);
      return g_string_free (g_steal_pointer (&sql), FALSE);
    }

  g_string_printf (sql, "UPDATE main.\"%s\" SET (", t->name);
  for (guint i = 0, first = 1; i < t->n_columns; i++)
    if (i != t->id_column && (columns & (G_GUINT64_CONSTANT (1) << i)))
      {
        g_string_append_printf (sql, "%s\"%s\"", first ? "" : ", ", t->columns[i]);
        first = 0;
      }
  g_string_append (sql, ") = (");
  for (guint i = 0, v = 2; i < t->n_columns; i++)
    if (i != t->id_column && (columns & (G_GUINT64_CONSTANT (1) << i)))
      {
        g_string_append_printf (sql, "%sv.column%u", v > 2 ? ", " : "", v);
        v++;
      }
  g_string_append_printf (sql, ") FROM (%s) AS v WHERE \"%s\".\"id\" = v.column1",
                          values->str, t->name);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static int
compare_by_columns (gconstpointer a,
                    gconstpointer b)
{
  guint64 ca = plan_columns (*(Plan **) a);
  guint64 cb = plan_columns (*(Plan **) b);

  return ca < cb ? -1 : ca > cb;
}

/* Write the planned rows (all of one table and kind) in statements of up
 * to MAX_BATCH rows that write the same columns; the plans of a statement
 * a constraint refused go to @refused, to be tried one by one. */
static gboolean
write_batch (Apply      *a,
             GPtrArray  *plans,
             GPtrArray  *refused,
             GError    **error)
{
  guint start = 0;

  g_ptr_array_sort (plans, compare_by_columns);

  while (start < plans->len)
    {
      Plan *first = g_ptr_array_index (plans, start);
      SyncTable *t = first->c->table;
      guint64 columns = plan_columns (first);
      guint n = MAX_BATCH;
      guint run = 1;
      guint param = 1;
      g_autofree char *sql = NULL;
      g_autoptr(ClwStmt) stmt = NULL;
      int rc;

      while (start + run < plans->len && run < MAX_BATCH &&
             plan_columns (g_ptr_array_index (plans, start + run)) == columns)
        run++;

      /* Sizes that are powers of two, so that few statements are cached. */
      while (n > run)
        n /= 2;

      sql = batch_sql (t, first->kind, columns, n);
      stmt = _clw_database_prepare (a->db, sql, error);
      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < n; r++)
        {
          Plan *plan = g_ptr_array_index (plans, start + r);

          if (first->kind == PLAN_UPDATE)
            sqlite3_bind_value (stmt, param++, plan->row->v[t->id_column]);
          for (guint i = 0; i < t->n_columns; i++)
            {
              sqlite3_value *v = plan->row->v[i];

              if (!(columns & (G_GUINT64_CONSTANT (1) << i)) ||
                  (first->kind == PLAN_UPDATE && i == t->id_column))
                continue;
              if (v != NULL)
                sqlite3_bind_value (stmt, param, v);
              param++;
            }
        }

      rc = sqlite3_step (stmt);
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          /* The statement undid itself: try its rows one by one. */
          for (guint r = 0; r < n; r++)
            g_ptr_array_add (refused, g_ptr_array_index (plans, start + r));
        }
      else if (rc != SQLITE_DONE)
        return _clw_database_set_error (a->db, rc, _("applying changes"), error);
      else
        for (guint r = 0; r < n; r++)
          if (!finish_plan (a, g_ptr_array_index (plans, start + r), error))
            return FALSE;

      start += n;
    }

  return TRUE;
}

static int
write_one (Apply *a,
           Plan  *plan)
{
  SyncChange *c = plan->c;

  if (plan->kind == PLAN_INSERT)
    return _clw_sync_main_insert (a->db, c->table, plan->row);
  return _clw_sync_main_update (a->db, c->table, c->id, plan->row, plan->clean | plan->meta);
}

/* The local row that holds the same unique key as @row, if any. */
static gboolean
find_duplicate (Apply       *a,
                SyncTable   *t,
                SyncValues  *row,
                SyncValues **duplicate,
                GError     **error)
{
  g_autoptr(ClwStmt) indexes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  *duplicate = NULL;

  indexes = _clw_database_prepare (a->db,
                                   "SELECT name FROM pragma_index_list(?1, 'main') "
                                   "WHERE \"unique\" AND origin != 'pk'",
                                   error);
  if (indexes == NULL)
    return FALSE;
  _clw_bind_text (indexes, 1, t->name);
  while ((rc = sqlite3_step (indexes)) == SQLITE_ROW)
    g_ptr_array_add (names, _clw_column_dup (indexes, 0));
  g_clear_pointer (&indexes, _clw_stmt_release);

  for (guint i = 0; i < names->len && *duplicate == NULL; i++)
    {
      g_autoptr(ClwStmt) info = NULL;
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(ClwStmt) stmt = NULL;

      info = _clw_database_prepare (a->db,
                                    "SELECT name FROM pragma_index_info(?1, 'main') ORDER BY seqno",
                                    error);
      if (info == NULL)
        return FALSE;
      _clw_bind_text (info, 1, g_ptr_array_index (names, i));
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          int column = _clw_sync_table_find_column (t, _clw_column_text (info, 0));
          if (column >= 0)
            g_array_append_val (columns, column);
        }
      g_clear_pointer (&info, _clw_stmt_release);
      if (columns->len == 0)
        continue;

      g_string_printf (sql, "SELECT \"id\" FROM main.\"%s\" WHERE \"id\" != ?1", t->name);
      for (guint k = 0; k < columns->len; k++)
        g_string_append_printf (sql, " AND \"%s\" IS ?%u",
                                t->columns[g_array_index (columns, int, k)], k + 2);

      stmt = _clw_database_prepare (a->db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, _clw_sync_values_get_id (t, row));
      for (guint k = 0; k < columns->len; k++)
        {
          sqlite3_value *v = row->v[g_array_index (columns, int, k)];
          if (v != NULL)
            sqlite3_bind_value (stmt, k + 2, v);
        }
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *id = _clw_column_dup (stmt, 0);
          g_clear_pointer (&stmt, _clw_stmt_release);
          if (!_clw_sync_main_fetch (a->db, t, id, duplicate, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A change a constraint of the database refused for good. */
static gboolean
held_back_by_constraint (Apply       *a,
                         SyncChange  *c,
                         const char  *sqlite_message,
                         GError     **error)
{
  SyncTable *t = c->table;
  g_autoptr(SyncValues) cur = NULL;
  g_autoptr(SyncValues) theirs = NULL;
  g_autoptr(SyncValues) duplicate = NULL;
  g_autofree char *theirs_json = NULL;
  g_autofree char *mine_json = NULL;
  g_autofree char *message = NULL;
  NewConflict n = { 0 };

  reject (a, t, c->id, NULL);
  if (find_resolved (a, t, c->id, NULL) != NULL)
    return TRUE;

  if (!_clw_sync_main_fetch (a->db, t, c->id, &cur, error))
    return FALSE;

  if (c->op == SQLITE_INSERT)
    theirs = _clw_sync_values_copy (c->new_values);
  else
    {
      theirs = _clw_sync_values_copy (cur);
      for (guint i = 0; i < t->n_columns; i++)
        if (c->new_values->v[i] != NULL)
          _clw_sync_values_set (theirs, i, c->new_values->v[i]);
    }

  if (!find_duplicate (a, t, theirs, &duplicate, error))
    return FALSE;

  theirs_json = _clw_sync_values_to_json (a->db, t, theirs, FALSE);
  if (duplicate != NULL)
    {
      g_autofree char *mine_what = _clw_sync_describe_row (a->db, t, duplicate);

      mine_json = _clw_sync_values_to_json (a->db, t, duplicate, FALSE);
      n.kind = "duplicate";
      n.mine_by = column_text (t, duplicate, t->updated_by_column);
      n.mine_at = column_text (t, duplicate, t->updated_at_column);
      message = g_strdup_printf (_("Added on both copies: “%s” here is the same as theirs. "
                                   "Keep one."), mine_what);
    }
  else
    {
      mine_json = _clw_sync_values_to_json (a->db, t, cur, FALSE);
      n.kind = "rule";
      n.mine_by = column_text (t, cur, t->updated_by_column);
      n.mine_at = column_text (t, cur, t->updated_at_column);
      message = g_strdup_printf (_("The database refuses their version (%s)."), sqlite_message);
    }

  n.table = t;
  n.row_id = c->id;
  n.mine_row = mine_json;
  n.theirs_row = theirs_json;
  n.theirs_by = column_text (t, theirs, t->updated_by_column);
  n.theirs_at = column_text (t, theirs, t->updated_at_column);
  n.message = message;
  return record_conflict (a, &n, error);
}

static gboolean
write_upserts (Apply      *a,
               GPtrArray  *upserts,
               GError    **error)
{
  guint start = 0;

  /* Table by table, parents first. */
  while (start < upserts->len)
    {
      SyncTable *table = ((SyncChange *) g_ptr_array_index (upserts, start))->table;
      g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (plan_free);
      g_autoptr(GPtrArray) updates = g_ptr_array_new ();
      g_autoptr(GPtrArray) inserts = g_ptr_array_new ();
      g_autoptr(GPtrArray) retry = g_ptr_array_new ();
      gboolean progress = TRUE;
      guint end = start;

      while (end < upserts->len && ((SyncChange *) g_ptr_array_index (upserts, end))->table == table)
        end++;

      for (guint i = start; i < end; i++)
        {
          Plan *plan = g_new0 (Plan, 1);
          gboolean ok;

          plan->c = g_ptr_array_index (upserts, i);
          g_ptr_array_add (plans, plan);
          ok = plan->c->op == SQLITE_INSERT ? plan_insert (a, plan, error) : plan_update (a, plan, error);
          if (!ok)
            return FALSE;

          if (plan->kind == PLAN_INSERT)
            g_ptr_array_add (inserts, plan);
          else if (plan->kind == PLAN_UPDATE)
            g_ptr_array_add (updates, plan);
          else if (plan->c->op == SQLITE_UPDATE && !finish_update (a, plan, error))
            return FALSE;
        }

      if (!write_batch (a, updates, retry, error) ||
          !write_batch (a, inserts, retry, error))
        return FALSE;

      /* A unique key may be freed by another row of the table: again,
       * one by one, while that helps. */
      while (retry->len > 0 && progress)
        {
          g_autoptr(GPtrArray) still = g_ptr_array_new ();

          for (guint i = 0; i < retry->len; i++)
            {
              Plan *plan = g_ptr_array_index (retry, i);
              int rc = write_one (a, plan);

              if ((rc & 0xff) == SQLITE_CONSTRAINT)
                g_ptr_array_add (still, plan);
              else if (rc != SQLITE_DONE)
                return _clw_database_set_error (a->db, rc, _("applying a change"), error);
              else if (!finish_plan (a, plan, error))
                return FALSE;
            }
          progress = still->len < retry->len;
          g_ptr_array_unref (retry);
          retry = g_steal_pointer (&still);
        }

      for (guint i = 0; i < retry->len; i++)
        {
          Plan *plan = g_ptr_array_index (retry, i);
          g_autofree char *message = NULL;

          /* Once more, to read the message of the constraint. */
          write_one (a, plan);
          message = g_strdup (sqlite3_errmsg (_clw_database_get_handle (a->db)));
          if (!held_back_by_constraint (a, plan->c, message, error))
            return FALSE;
        }

      start = end;
    }

  return TRUE;
}

static gboolean
apply_upserts (Apply      *a,
               GPtrArray  *changes,
               GError    **error)
{
  g_autoptr(GPtrArray) upserts = g_ptr_array_new ();
  g_autoptr(ClwSearchPause) pause = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      SyncChange *c = g_ptr_array_index (changes, i);
      if (c->op != SQLITE_DELETE)
        g_ptr_array_add (upserts, c);
    }
  g_ptr_array_sort (upserts, compare_by_table);

  /* Many rows: the search index's triggers step aside while they are
   * written, and the rows are indexed together once written (FTS5 would
   * write a segment of its index at every statement). Only the rows of
   * @upserts are written meanwhile; a rollback undoes the pause. */
  if (upserts->len >= SEARCH_PAUSE_MIN_ROWS)
    {
      pause = _clw_search_pause_begin (a->db, error);
      if (pause == NULL)
        return FALSE;
    }

  if (!write_upserts (a, upserts, error))
    return FALSE;

  if (pause != NULL)
    {
      for (guint i = 0; i < upserts->len; i++)
        {
          SyncChange *c = g_ptr_array_index (upserts, i);

          if (!_clw_search_pause_add (pause, c->table->name, c->id, error))
            return FALSE;
        }
      if (!_clw_search_pause_end (pause, error))
        return FALSE;
    }

  return TRUE;
}

/* Undoing part of the import ---------------------------------------------------------- */

static gboolean revert_touched (Apply       *a,
                                const char  *key,
                                const char  *kind,
                                const char  *message,
                                GError     **error);

/* Rows this import added below an added row that has to go. */
static gboolean
revert_touched_below (Apply       *a,
                      SyncTable   *table,
                      const char  *id,
                      const char  *what,
                      GError     **error)
{
  for (guint i = 0; i < table->children->len; i++)
    {
      SyncChild *child = &g_array_index (table->children, SyncChild, i);
      SyncForeignKey *fk = &g_array_index (child->table->foreign_keys, SyncForeignKey, child->fk);
      g_autofree char *sql = g_strdup_printf ("SELECT \"id\" FROM main.\"%s\" WHERE \"%s\" = ?1",
                                              child->table->name, child->table->columns[fk->column]);
      g_autoptr(ClwStmt) stmt = _clw_database_prepare (a->db, sql, error);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (ids, _clw_column_dup (stmt, 0));
      g_clear_pointer (&stmt, _clw_stmt_release);

      for (guint k = 0; k < ids->len; k++)
        {
          g_autofree char *key = row_key (child->table, g_ptr_array_index (ids, k));
          g_autofree char *message = NULL;

          if (!g_hash_table_contains (a->touched, key))
            continue;
          message = g_strdup_printf (_("Added on “%s” to %s, which could not be applied here."),
                                     a->peer->name, what);
          if (!revert_touched (a, key, "parent-missing", message, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Put a row this import wrote back as it was, and hold theirs back with a
 * conflict. */
static gboolean
revert_touched (Apply       *a,
                const char  *key,
                const char  *kind,
                const char  *message,
                GError     **error)
{
  Touched *t = g_hash_table_lookup (a->touched, key);
  g_autoptr(SyncValues) applied = NULL;
  g_autofree char *theirs_json = NULL;
  g_autofree char *mine_json = NULL;
  g_autofree char *id = NULL;
  SyncTable *table;
  NewConflict n = { 0 };

  if (t == NULL)
    return TRUE;

  table = t->table;
  id = g_strdup (t->id);
  if (!_clw_sync_main_fetch (a->db, table, id, &applied, error))
    return FALSE;
  theirs_json = _clw_sync_values_to_json (a->db, table, applied, FALSE);
  mine_json = _clw_sync_values_to_json (a->db, table, t->preimage, FALSE);

  if (t->preimage == NULL)
    {
      g_autofree char *what = _clw_sync_describe_row (a->db, table, applied);

      if (!revert_touched_below (a, table, id, what, error))
        return FALSE;
      if (applied != NULL && !_clw_sync_main_delete (a->db, table, id, error))
        return FALSE;
    }
  else
    {
      int rc = _clw_sync_main_put (a->db, table, t->preimage);
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (a->db, rc, _("putting a row back"), error);
    }

  reject (a, table, id, NULL);
  drop_base_ops (a, table, id);

  if (find_resolved (a, table, id, NULL) == NULL)
    {
      n.kind = kind;
      n.table = table;
      n.row_id = id;
      n.mine_row = mine_json;
      n.theirs_row = theirs_json;
      n.mine_by = column_text (table, t->preimage, table->updated_by_column);
      n.mine_at = column_text (table, t->preimage, table->updated_at_column);
      n.theirs_by = column_text (table, applied, table->updated_by_column);
      n.theirs_at = column_text (table, applied, table->updated_at_column);
      n.message = message;
      if (!record_conflict (a, &n, error))
        return FALSE;
    }

  g_hash_table_remove (a->touched, key);
  a->reverted = TRUE;
  if (a->counts->n_applied > 0)
    a->counts->n_applied--;
  return TRUE;
}

/* Put back a row this import deleted, that rows here still need. */
static gboolean
revert_delete (Apply       *a,
               const char  *key,
               const char  *needed_by,
               GError     **error)
{
  SyncChange *c = g_hash_table_lookup (a->deleted, key);
  g_autofree char *mine_json = NULL;
  g_autofree char *message = NULL;
  NewConflict n = { 0 };
  int rc;

  rc = _clw_sync_main_insert (a->db, c->table, c->old_values);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (a->db, rc, _("putting a row back"), error);

  reject (a, c->table, c->id, NULL);
  drop_base_ops (a, c->table, c->id);

  mine_json = _clw_sync_values_to_json (a->db, c->table, c->old_values, FALSE);
  message = g_strdup_printf (_("Deleted on “%s” by %s, but rows here still need it (%s)."),
                             a->peer->name, a->author, needed_by);
  n.kind = "deleted-theirs";
  n.table = c->table;
  n.row_id = c->id;
  n.mine_row = mine_json;
  n.mine_by = column_text (c->table, c->old_values, c->table->updated_by_column);
  n.mine_at = column_text (c->table, c->old_values, c->table->updated_at_column);
  n.message = message;
  if (!record_conflict (a, &n, error))
    return FALSE;

  g_hash_table_remove (a->deleted, key);
  if (a->counts->n_applied > 0)
    a->counts->n_applied--;
  return TRUE;
}

typedef struct
{
  char   *table;
  gint64  rowid;
  gint64  fkid;
} Violation;

static void
violation_free (gpointer data)
{
  Violation *v = data;

  g_free (v->table);
  g_free (v);
}

/* Whether a key of the row points at a row that is not here. */
static gboolean
refers_to_missing (Apply       *a,
                   SyncTable   *table,
                   const char  *id,
                   gboolean    *missing,
                   GError     **error)
{
  g_autoptr(SyncValues) row = NULL;

  *missing = FALSE;
  if (!_clw_sync_main_fetch (a->db, table, id, &row, error))
    return FALSE;
  return values_refer_to_missing (a, table, row, missing, error);
}

/* Rows that refer to rows that are not there: theirs pointing at what was
 * deleted here, or ours pointing at what they deleted. */
static gboolean
fix_foreign_keys (Apply   *a,
                  GError **error)
{
  /* Without deletes or rows put back, only the rows this import wrote can
   * point at rows that are not here, and validating them checks their
   * keys: no need to go through every key of the database. */
  if (g_hash_table_size (a->deleted) == 0 && !a->reverted)
    return TRUE;

  for (guint round = 0; round < MAX_FK_ROUNDS; round++)
    {
      g_autoptr(GPtrArray) violations = g_ptr_array_new_with_free_func (violation_free);
      g_autoptr(ClwStmt) check = NULL;
      gboolean progress = FALSE;
      int rc;

      check = _clw_database_prepare (a->db, "PRAGMA main.foreign_key_check", error);
      if (check == NULL)
        return FALSE;
      while ((rc = sqlite3_step (check)) == SQLITE_ROW)
        {
          Violation *v = g_new0 (Violation, 1);
          v->table = _clw_column_dup (check, 0);
          v->rowid = sqlite3_column_int64 (check, 1);
          v->fkid = sqlite3_column_int64 (check, 3);
          g_ptr_array_add (violations, v);
        }
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (a->db, rc, _("checking references"), error);
      g_clear_pointer (&check, _clw_stmt_release);

      if (violations->len == 0)
        return TRUE;

      for (guint i = 0; i < violations->len; i++)
        {
          Violation *v = g_ptr_array_index (violations, i);
          SyncTable *t = _clw_sync_schema_lookup (a->schema, v->table);
          g_autofree char *sql = NULL;
          g_autofree char *id = NULL;
          g_autofree char *key = NULL;
          g_autoptr(ClwStmt) stmt = NULL;
          g_autoptr(SyncValues) row = NULL;

          if (t == NULL)
            continue;

          sql = g_strdup_printf ("SELECT \"id\" FROM main.\"%s\" WHERE rowid = ?1", t->name);
          stmt = _clw_database_prepare (a->db, sql, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, v->rowid);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = _clw_column_dup (stmt, 0);
          g_clear_pointer (&stmt, _clw_stmt_release);
          if (id == NULL)
            continue;

          key = row_key (t, id);
          if (g_hash_table_contains (a->touched, key))
            {
              g_autofree char *message = g_strdup_printf (_("Added on “%s” to something that was "
                                                            "deleted here."), a->peer->name);
              if (!revert_touched (a, key, "parent-missing", message, error))
                return FALSE;
              progress = TRUE;
              continue;
            }

          /* A row of ours whose parent this import deleted. */
          if (!_clw_sync_main_fetch (a->db, t, id, &row, error))
            return FALSE;
          for (guint k = 0; row != NULL && k < t->foreign_keys->len; k++)
            {
              SyncForeignKey *fk = &g_array_index (t->foreign_keys, SyncForeignKey, k);
              const char *parent_id = text_of (row->v[fk->column]);
              g_autofree char *parent_key = NULL;

              if (parent_id == NULL)
                continue;
              parent_key = g_strconcat (fk->parent, "\x1f", parent_id, NULL);
              if (g_hash_table_contains (a->deleted, parent_key))
                {
                  g_autofree char *what = _clw_sync_describe_row (a->db, t, row);
                  if (!revert_delete (a, parent_key, what, error))
                    return FALSE;
                  progress = TRUE;
                }
            }
        }

      if (!progress)
        {
          Violation *v = g_ptr_array_index (violations, 0);
          g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_OTHER_BASE,
                       _("The changes from “%s” leave rows of %s that refer to rows this copy does "
                         "not have. Nothing was changed."), a->peer->name, v->table);
          return FALSE;
        }
    }

  g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_OTHER_BASE,
               _("The changes from “%s” leave rows that refer to missing rows. Nothing was changed."),
               a->peer->name);
  return FALSE;
}

/* The rules of the domain ------------------------------------------------------------- */

gboolean
_clw_sync_validate_row (ClwDatabase  *db,
                        SyncTable    *table,
                        const char   *id,
                        GError      **error)
{
  g_autoptr(ClwRecord) record = NULL;

  if (table->record_type == G_TYPE_INVALID)
    return TRUE;

  record = clw_record_load (db, table->record_type, id, error);
  if (record == NULL)
    return FALSE;
  return clw_record_validate (record, db, error);
}

/* Validate the rows this import wrote, loading them a table at a time.
 * @failed receives the row keys whose rows break a rule. */
static gboolean
validate_batch (Apply      *a,
                GPtrArray  *failed,
                GError    **error)
{
  g_autoptr(GHashTable) by_table = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  SyncTable *t;
  GPtrArray *ids;

  for (guint i = 0; i < a->touched_order->len; i++)
    {
      Touched *touched = g_hash_table_lookup (a->touched, g_ptr_array_index (a->touched_order, i));

      if (touched == NULL || touched->table->record_type == G_TYPE_INVALID)
        continue;
      ids = g_hash_table_lookup (by_table, touched->table);
      if (ids == NULL)
        {
          ids = g_ptr_array_new ();
          g_hash_table_insert (by_table, touched->table, ids);
        }
      g_ptr_array_add (ids, touched->id);
    }

  g_hash_table_iter_init (&iter, by_table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &t, (gpointer *) &ids))
    for (guint start = 0; start < ids->len; start += 1000)
      {
        g_autofree char *json = ids_json (ids, start, 1000);
        const char *params[] = { json, NULL };
        g_autoptr(GListStore) records = NULL;
        guint n;

        records = clw_record_list (a->db, t->record_type, "id IN (SELECT value FROM json_each(?))",
                                   params, error);
        if (records == NULL)
          return FALSE;

        n = g_list_model_get_n_items (G_LIST_MODEL (records));
        for (guint k = 0; k < n; k++)
          {
            g_autoptr(ClwRecord) record = g_list_model_get_item (G_LIST_MODEL (records), k);
            g_autoptr(GError) rule = NULL;

            if (clw_record_validate (record, a->db, &rule))
              continue;
            if (rule->domain == CLW_DB_ERROR)
              {
                g_propagate_error (error, g_steal_pointer (&rule));
                return FALSE;
              }
            g_ptr_array_add (failed, row_key (t, clw_record_get_id (record)));
          }
      }

  return TRUE;
}

static gboolean
validate_touched (Apply   *a,
                  GError **error)
{
  gboolean reverted = TRUE;

  while (reverted)
    {
      g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);

      reverted = FALSE;
      if (!validate_batch (a, failed, error))
        return FALSE;

      /* Put back what breaks a rule, one at a time: putting back one row
       * may be what another needed. */
      for (guint i = 0; i < failed->len; i++)
        {
          const char *key = g_ptr_array_index (failed, i);
          Touched *t = g_hash_table_lookup (a->touched, key);
          g_autoptr(GError) rule = NULL;
          gboolean missing;

          if (t == NULL)
            continue;
          if (_clw_sync_validate_row (a->db, t->table, t->id, &rule))
            continue;
          if (rule->domain == CLW_DB_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&rule));
              return FALSE;
            }

          if (!refers_to_missing (a, t->table, t->id, &missing, error))
            return FALSE;
          if (missing)
            {
              g_autofree char *message = g_strdup_printf (_("Added on “%s” to something that is not "
                                                            "here (it was deleted here)."), a->peer->name);
              if (!revert_touched (a, key, "parent-missing", message, error))
                return FALSE;
            }
          else if (!revert_touched (a, key, "rule", rule->message, error))
            return FALSE;
          reverted = TRUE;
        }

      if (reverted && !fix_foreign_keys (a, error))
        return FALSE;
    }

  return TRUE;
}

/* Conflicts of earlier bundles that can now be applied --------------------------------- */

static gboolean
retry_held_back (Apply   *a,
                 GError **error)
{
  gboolean progress = TRUE;

  while (progress)
    {
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
      GHashTableIter iter;
      const char *key;
      Conflict *c;

      progress = FALSE;
      g_hash_table_iter_init (&iter, a->open);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &c))
        if (*c->column == '\0' && (g_str_equal (c->kind, "rule") || g_str_equal (c->kind, "duplicate") ||
                                   g_str_equal (c->kind, "parent-missing")))
          g_ptr_array_add (candidates, g_strdup (key));

      for (guint i = 0; i < candidates->len; i++)
        {
          g_autofree char *ckey = g_ptr_array_index (candidates, i);
          g_autoptr(ClwStmt) stmt = NULL;
          g_autoptr(SyncValues) theirs = NULL;
          g_autoptr(SyncValues) cur = NULL;
          g_autofree char *theirs_json = NULL;
          g_autofree char *mine_json = NULL;
          g_autoptr(GError) local_error = NULL;
          SyncTable *t;
          int rc;

          c = g_hash_table_lookup (a->open, ckey);
          if (c == NULL)
            continue;
          t = _clw_sync_schema_lookup (a->schema, c->table);
          if (t == NULL)
            continue;

          stmt = _clw_database_prepare (a->db,
                                        "SELECT theirs_row, mine_row FROM sync_conflict WHERE id = ?1",
                                        error);
          if (stmt == NULL)
            return FALSE;
          _clw_bind_text (stmt, 1, c->id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              theirs_json = _clw_column_dup (stmt, 0);
              mine_json = _clw_column_dup (stmt, 1);
            }
          g_clear_pointer (&stmt, _clw_stmt_release);
          if (theirs_json == NULL)
            continue;

          /* Only while the row here is as the conflict found it. */
          if (!_clw_sync_main_fetch (a->db, t, c->row, &cur, error))
            return FALSE;
          if (cur != NULL)
            {
              g_autoptr(SyncValues) mine = NULL;

              if (g_str_equal (c->kind, "duplicate") || mine_json == NULL)
                continue;
              mine = _clw_sync_values_from_json (a->db, t, mine_json, error);
              if (mine == NULL)
                return FALSE;
              if (!_clw_sync_values_data_equal (t, cur, mine))
                continue;
            }

          theirs = _clw_sync_values_from_json (a->db, t, theirs_json, error);
          if (theirs == NULL)
            return FALSE;

          if (!clw_database_begin (a->db, error))
            return FALSE;
          rc = _clw_sync_main_put (a->db, t, theirs);
          if (rc != SQLITE_DONE || !_clw_sync_validate_row (a->db, t, c->row, &local_error))
            {
              clw_database_rollback (a->db);
              if (local_error != NULL && local_error->domain == CLW_DB_ERROR)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              continue;
            }
          if (!clw_database_commit (a->db, error))
            return FALSE;

          /* Applied after all: the peer may count it as here. */
          unreject_row (a, t, c->row);
          base_op (a, t, c->row, SQLITE_INSERT, theirs, 0);
          if (!settle (a, ckey, "applied", error))
            return FALSE;
          add_table (a, t);
          a->counts->n_applied++;
          progress = TRUE;
        }
    }

  return TRUE;
}

/* Rows the peer withdrew ------------------------------------------------------------------- */

/* A bundle carries every change the peer has not seen confirmed, so while
 * a row of theirs is held back here, each of their bundles carries it
 * again. One that does not means they no longer have it (or, for a row
 * they changed and this copy deleted, they undid the change): there is
 * nothing left to decide. */
static gboolean
settle_withdrawn (Apply      *a,
                  GPtrArray  *changes,
                  GError    **error)
{
  g_autoptr(GHashTable) carried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) withdrawn = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key;
  Conflict *c;

  for (guint i = 0; i < changes->len; i++)
    {
      SyncChange *change = g_ptr_array_index (changes, i);
      g_hash_table_add (carried, field_key (change->table->name, change->id, ""));
    }

  g_hash_table_iter_init (&iter, a->open);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &c))
    if (*c->column == '\0' && !g_hash_table_contains (carried, key) &&
        (g_str_equal (c->kind, "rule") || g_str_equal (c->kind, "duplicate") ||
         g_str_equal (c->kind, "parent-missing") || g_str_equal (c->kind, "deleted-mine")))
      g_ptr_array_add (withdrawn, g_strdup (key));

  for (guint i = 0; i < withdrawn->len; i++)
    if (!settle (a, g_ptr_array_index (withdrawn, i), "peer", error))
      return FALSE;

  return TRUE;
}

/* Conflicts the peer resolved ------------------------------------------------------------ */

static gboolean
apply_settled (Apply   *a,
               GError **error)
{
  GVariant *manifest = _clw_sync_bundle_get_manifest (a->bundle);
  g_autoptr(GVariantIter) iter = NULL;
  const char *table, *row, *column, *json;

  g_variant_lookup (manifest, "settled", "a(ssss)", &iter);
  while (g_variant_iter_next (iter, "(&s&s&s&s)", &table, &row, &column, &json))
    {
      SyncTable *t = _clw_sync_schema_lookup (a->schema, table);
      g_autoptr(SyncValues) cur = NULL;
      g_autofree char *cur_json = NULL;
      g_autofree char *key = NULL;
      Conflict *resolved;
      int index = -1;

      if (t == NULL || !clw_is_uuid (row))
        continue;
      if (*column != '\0' && (index = _clw_sync_table_find_column (t, column)) < 0)
        continue;

      if (!_clw_sync_main_fetch (a->db, t, row, &cur, error))
        return FALSE;
      if (index < 0)
        cur_json = cur != NULL ? _clw_sync_values_to_json (a->db, t, cur, TRUE) : g_strdup ("null");
      else if (cur != NULL)
        cur_json = _clw_sync_value_to_json (a->db, cur->v[index]);
      else
        continue;

      key = field_key (table, row, column);

      if (g_hash_table_contains (a->open, key))
        {
          if (g_strcmp0 (cur_json, json) != 0)
            continue;
          if (!settle (a, key, "peer", error))
            return FALSE;
          /* The peer holds what this copy holds. */
          if (index >= 0)
            base_op (a, t, row, SQLITE_UPDATE, cur, G_GUINT64_CONSTANT (1) << index);
          else if (cur != NULL)
            base_op (a, t, row, SQLITE_INSERT, cur, 0);
          else
            base_op (a, t, row, SQLITE_DELETE, NULL, 0);
          continue;
        }

      resolved = g_hash_table_lookup (a->resolved, key);
      if (resolved != NULL && g_strcmp0 (cur_json, json) != 0)
        {
          /* Both resolved the same conflict at once, differently. */
          g_autoptr(ClwStmt) stmt = NULL;
          g_autoptr(SyncValues) theirs = NULL;
          g_autofree char *mine_json = NULL;
          NewConflict n = { 0 };
          int rc;

          if (index >= 0)
            {
              theirs = _clw_sync_values_copy (cur);
              stmt = _clw_database_prepare (a->db, "SELECT json_extract(?1, '$')", error);
              if (stmt == NULL)
                return FALSE;
              _clw_bind_text (stmt, 1, json);
              rc = sqlite3_step (stmt);
              if (rc != SQLITE_ROW)
                return _clw_database_set_error (a->db, rc, _("reading a resolved conflict"), error);
              _clw_sync_values_set (theirs, index, sqlite3_column_value (stmt, 0));
              g_clear_pointer (&stmt, _clw_stmt_release);

              n.kind = "field";
              n.column = t->columns[index];
              n.mine_value = cur->v[index];
              n.theirs_value = theirs->v[index];
              base_op (a, t, row, SQLITE_UPDATE, theirs, G_GUINT64_CONSTANT (1) << index);
            }
          else
            {
              mine_json = _clw_sync_values_to_json (a->db, t, cur, FALSE);
              n.kind = resolved->kind;
              n.mine_row = mine_json;
              if (g_str_equal (json, "null"))
                base_op (a, t, row, SQLITE_DELETE, NULL, 0);
              else
                {
                  theirs = _clw_sync_values_from_json (a->db, t, json, error);
                  if (theirs == NULL)
                    return FALSE;
                  n.theirs_row = json;
                  base_op (a, t, row, SQLITE_UPDATE, theirs, ~t->metadata_mask);
                }
            }

          n.message = _("Resolved differently on both copies at the same time: choose again.");
          n.table = t;
          n.row_id = row;
          if (!record_conflict (a, &n, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The base ---------------------------------------------------------------------------- */

static gboolean
write_base (Apply   *a,
            GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  SyncTable *rows_table = NULL;

  for (guint i = 0; i <= a->base_ops->len; i++)
    {
      BaseOp *op = i < a->base_ops->len ? g_ptr_array_index (a->base_ops, i) : NULL;
      g_autofree char *key = NULL;
      gboolean ok = TRUE;

      if (op != NULL)
        {
          key = row_key (op->table, op->id);
          if (g_hash_table_contains (a->dropped, key))
            continue;
        }

      /* Whole rows of one table go in together; anything else first
       * writes out what was gathered, to keep the order. */
      if (op != NULL && op->op == SQLITE_INSERT && (rows_table == NULL || rows_table == op->table))
        {
          rows_table = op->table;
          g_ptr_array_add (rows, op->values);
          continue;
        }
      if (rows->len > 0)
        {
          if (!_clw_sync_base_txn_put_many (a->base, rows_table, (SyncValues **) rows->pdata, rows->len, error))
            return FALSE;
          g_ptr_array_set_size (rows, 0);
          rows_table = NULL;
        }
      if (op == NULL)
        break;

      switch (op->op)
        {
        case SQLITE_INSERT:
          rows_table = op->table;
          g_ptr_array_add (rows, op->values);
          break;
        case SQLITE_DELETE:
          ok = _clw_sync_base_txn_delete (a->base, op->table, op->id, error);
          break;
        case SQLITE_UPDATE:
        default:
          ok = _clw_sync_base_txn_update (a->base, op->table, op->id, op->values, op->mask, error);
          break;
        }
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_rejected (Apply   *a,
                GError **error)
{
  g_autoptr(ClwStmt) clear = NULL;
  GHashTableIter iter;
  const char *key;
  int rc;

  clear = _clw_database_prepare (a->db, "DELETE FROM sync_rejected WHERE peer_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  _clw_bind_text (clear, 1, a->peer->id);
  rc = sqlite3_step (clear);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (a->db, rc, _("recording what was not applied"), error);
  g_clear_pointer (&clear, _clw_stmt_release);

  g_hash_table_iter_init (&iter, a->rejected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 3);
      g_autoptr(ClwStmt) stmt = NULL;

      stmt = _clw_database_prepare (a->db,
                                    "INSERT OR IGNORE INTO sync_rejected (peer_id, table_name, row_id, "
                                    "column_name) VALUES (?1, ?2, ?3, ?4)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, a->peer->id);
      _clw_bind_text (stmt, 2, parts[0]);
      _clw_bind_text (stmt, 3, parts[1]);
      _clw_bind_text (stmt, 4, parts[2]);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (a->db, rc, _("recording what was not applied"), error);
    }

  return TRUE;
}

/* Entry point ------------------------------------------------------------------------- */

gboolean
_clw_sync_apply (ClwDatabase      *db,
                 SyncSchema       *schema,
                 SyncPeerRow      *peer,
                 ClwSyncBundle    *bundle,
                 GPtrArray        *changes,
                 SyncBaseTxn      *base,
                 SyncApplyCounts  *counts,
                 GError          **error)
{
  Apply a = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (clw_database_in_transaction (db), FALSE);

  a.db = db;
  a.schema = schema;
  a.peer = peer;
  a.bundle = bundle;
  a.base = base;
  a.counts = counts;
  a.bundle_id = clw_sync_bundle_get_id (bundle);
  a.author = clw_sync_bundle_get_author (bundle);
  a.made_at = clw_sync_bundle_get_made_at (bundle);
  g_variant_lookup (_clw_sync_bundle_get_manifest (bundle), "acks-seq", "t", &a.acks_seq);
  a.now = clw_timestamp_now ();
  a.open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, conflict_free);
  a.resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, conflict_free);
  a.rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, touched_free);
  a.touched_order = g_ptr_array_new_with_free_func (g_free);
  a.base_ops = g_ptr_array_new_with_free_func (base_op_free);
  a.dropped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.whole = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  counts->n_changes = changes->len;

  if (!load_conflicts (&a, error) ||
      !apply_acknowledgement (&a, error))
    goto out;

  if (peer->scope == CLW_SCOPE_CLUSTER && !check_scope_before (&a, changes, error))
    goto out;

  if (!apply_deletes (&a, changes, error) ||
      !apply_upserts (&a, changes, error))
    goto out;

  if (peer->scope == CLW_SCOPE_CLUSTER && !check_scope_after (&a, changes, error))
    goto out;

  if (!fix_foreign_keys (&a, error) ||
      !validate_touched (&a, error) ||
      !settle_withdrawn (&a, changes, error) ||
      !retry_held_back (&a, error) ||
      !apply_settled (&a, error) ||
      !write_base (&a, error) ||
      !write_rejected (&a, error))
    goto out;

  ok = TRUE;

out:
  apply_clear (&a);
  return ok;
}

/* Shared with resolving ------------------------------------------------------------------- */

gboolean
_clw_sync_stamp_row (ClwDatabase  *db,
                     SyncTable    *table,
                     const char   *id,
                     GError      **error)
{
  g_autoptr(SyncValues) values = _clw_sync_values_new (table->n_columns);
  g_autoptr(ClwStmt) stmt = NULL;
  g_autofree char *now = clw_timestamp_now ();
  guint64 mask = 0;
  int rc;

  if (table->updated_at_column < 0 || table->updated_by_column < 0)
    return TRUE;

  stmt = _clw_database_prepare (db, "SELECT ?1, ?2", error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, now);
  _clw_bind_text (stmt, 2, clw_database_get_user (db));
  sqlite3_step (stmt);
  _clw_sync_values_set (values, table->updated_at_column, sqlite3_column_value (stmt, 0));
  _clw_sync_values_set (values, table->updated_by_column, sqlite3_column_value (stmt, 1));
  g_clear_pointer (&stmt, _clw_stmt_release);

  mask = (G_GUINT64_CONSTANT (1) << table->updated_at_column) |
         (G_GUINT64_CONSTANT (1) << table->updated_by_column);
  rc = _clw_sync_main_update (db, table, id, values, mask);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("recording who resolved the conflict"), error);
  return TRUE;
}
