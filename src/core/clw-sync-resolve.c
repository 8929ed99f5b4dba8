/* clw-sync-resolve.c: resolving a conflict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Resolving writes the chosen value here, and sets the base to what the
 * other copy holds (theirs), so that the next bundle carries the choice as
 * an ordinary change the other copy can apply without conflict. Where the
 * choice is what the other copy holds already, nothing would travel: the
 * resolution is also recorded row by row in sync_settled, and the next
 * bundles list it until the other copy confirms, which settles its own
 * record of the same conflict.
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-error.h"
#include "clw-sync-private.h"
#include "clw-record.h"

typedef struct
{
  char          *id;
  char          *kind;
  char          *state;
  char          *table;
  char          *row;
  char          *column;
  sqlite3_value *theirs_value;
  char          *mine_row;
  char          *theirs_row;
} StoredConflict;

static void
stored_conflict_clear (StoredConflict *c)
{
  g_free (c->id);
  g_free (c->kind);
  g_free (c->state);
  g_free (c->table);
  g_free (c->row);
  g_free (c->column);
  sqlite3_value_free (c->theirs_value);
  g_free (c->mine_row);
  g_free (c->theirs_row);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredConflict, stored_conflict_clear)

typedef struct
{
  ClwDatabase *db;
  SyncSchema  *schema;
  SyncPeerRow *peer;
  SyncBaseTxn *base;
  GPtrArray   *settled;   /* char*[4]: table, row, column, json */
} Resolve;

static void
add_settled (Resolve    *r,
             SyncTable  *table,
             const char *row,
             const char *column,
             const char *json)
{
  char **entry = g_new0 (char *, 5);

  entry[0] = g_strdup (table->name);
  entry[1] = g_strdup (row);
  entry[2] = g_strdup (column != NULL ? column : "");
  entry[3] = g_strdup (json);
  g_ptr_array_add (r->settled, entry);
}

/* What this copy now holds for a row, as the settled list says it. */
static gboolean
settle_row_as_now (Resolve     *r,
                   SyncTable   *table,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(SyncValues) row = NULL;
  g_autofree char *json = NULL;

  if (!_clw_sync_main_fetch (r->db, table, id, &row, error))
    return FALSE;
  json = row != NULL ? _clw_sync_values_to_json (r->db, table, row, TRUE) : g_strdup ("null");
  add_settled (r, table, id, NULL, json);
  return TRUE;
}

static gboolean
load_conflict (ClwDatabase     *db,
               const char      *conflict_id,
               StoredConflict  *c,
               GError         **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = _clw_database_prepare (db,
                                "SELECT id, kind, state, table_name, row_id, column_name, theirs_value, "
                                "mine_row, theirs_row FROM sync_conflict WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, conflict_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                   _("There is no conflict with the id %s."), conflict_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _clw_database_set_error (db, rc, _("reading a conflict"), error);

  c->id = _clw_column_dup (stmt, 0);
  c->kind = _clw_column_dup (stmt, 1);
  c->state = _clw_column_dup (stmt, 2);
  c->table = _clw_column_dup (stmt, 3);
  c->row = _clw_column_dup (stmt, 4);
  c->column = _clw_column_dup (stmt, 5);
  c->theirs_value = sqlite3_value_dup (sqlite3_column_value (stmt, 6));
  c->mine_row = _clw_column_dup (stmt, 7);
  c->theirs_row = _clw_column_dup (stmt, 8);
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *what,
        GError      *cause)
{
  g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
               _("%s cannot be chosen: %s Nothing was changed."), what, cause->message);
  return FALSE;
}

/* Restoring rows --------------------------------------------------------------------- */

static gboolean
row_exists (ClwDatabase *db,
            SyncTable   *table,
            const char  *id)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, table->exists_sql, NULL);

  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Put @row here, with the rows above it that this copy deleted but the base
 * (the other copy) still has. */
static gboolean
restore_with_parents (ClwDatabase  *db,
                      SyncSchema   *schema,
                      SyncBaseTxn  *base,
                      SyncTable    *table,
                      SyncValues   *row,
                      GPtrArray    *restored,
                      GError      **error)
{
  int rc;

  for (guint i = 0; i < table->foreign_keys->len; i++)
    {
      SyncForeignKey *fk = &g_array_index (table->foreign_keys, SyncForeignKey, i);
      SyncTable *parent = _clw_sync_schema_lookup (schema, fk->parent);
      sqlite3_value *v = row->v[fk->column];
      const char *parent_id;
      g_autoptr(SyncValues) parent_row = NULL;

      if (parent == NULL || v == NULL || sqlite3_value_type (v) != SQLITE_TEXT)
        continue;
      parent_id = (const char *) sqlite3_value_text (v);
      if (row_exists (db, parent, parent_id))
        continue;

      if (!_clw_sync_base_txn_fetch (base, parent, parent_id, &parent_row, error))
        return FALSE;
      if (parent_row == NULL)
        continue;
      if (!restore_with_parents (db, schema, base, parent, parent_row, restored, error))
        return FALSE;
    }

  /* Rows made from a conflict's JSON may lack the metadata. */
  if (table->created_at_column >= 0 && (row->v[table->created_at_column] == NULL ||
                                        sqlite3_value_type (row->v[table->created_at_column]) == SQLITE_NULL))
    {
      g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT ?1, ?2", error);
      g_autofree char *now = clw_timestamp_now ();

      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, now);
      _clw_bind_text (stmt, 2, clw_database_get_user (db));
      sqlite3_step (stmt);
      _clw_sync_values_set (row, table->created_at_column, sqlite3_column_value (stmt, 0));
      if (table->updated_at_column >= 0)
        _clw_sync_values_set (row, table->updated_at_column, sqlite3_column_value (stmt, 0));
      if (table->updated_by_column >= 0)
        _clw_sync_values_set (row, table->updated_by_column, sqlite3_column_value (stmt, 1));
    }

  rc = _clw_sync_main_put (db, table, row);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("putting a row back"), error);

  if (restored != NULL)
    g_ptr_array_add (restored, g_strconcat (table->name, "\x1f", _clw_sync_values_get_id (table, row), NULL));
  return TRUE;
}

/* Put back, under a restored row, the rows the other copy still has. */
static gboolean
restore_below (ClwDatabase  *db,
               SyncBaseTxn  *base,
               SyncTable    *table,
               const char   *id,
               GPtrArray    *restored,
               GError      **error)
{
  for (guint i = 0; i < table->children->len; i++)
    {
      SyncChild *child = &g_array_index (table->children, SyncChild, i);
      SyncForeignKey *fk = &g_array_index (child->table->foreign_keys, SyncForeignKey, child->fk);
      g_autoptr(GPtrArray) ids = NULL;

      if (!fk->cascade)
        continue;
      ids = _clw_sync_base_txn_children (base, child, id, error);
      if (ids == NULL)
        return FALSE;

      for (guint k = 0; k < ids->len; k++)
        {
          const char *child_id = g_ptr_array_index (ids, k);
          g_autoptr(SyncValues) row = NULL;
          int rc;

          if (row_exists (db, child->table, child_id))
            continue;
          if (!_clw_sync_base_txn_fetch (base, child->table, child_id, &row, error))
            return FALSE;
          if (row == NULL)
            continue;
          rc = _clw_sync_main_insert (db, child->table, row);
          if (rc != SQLITE_DONE)
            continue;
          g_ptr_array_add (restored, g_strconcat (child->table->name, "\x1f", child_id, NULL));
          if (!restore_below (db, base, child->table, child_id, restored, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
_clw_sync_restore_from_base (ClwDatabase  *db,
                             SyncSchema   *schema,
                             SyncBaseTxn  *base,
                             SyncTable    *table,
                             SyncValues   *row,
                             GError      **error)
{
  return restore_with_parents (db, schema, base, table, row, NULL, error);
}

/* Fields ------------------------------------------------------------------------------ */

static gboolean
resolve_field (Resolve         *r,
               StoredConflict  *c,
               SyncTable       *t,
               ClwSyncChoice    choice,
               const char      *value,
               GError         **error)
{
  int index = _clw_sync_table_find_column (t, c->column);
  g_autoptr(SyncValues) cur = NULL;
  g_autoptr(SyncValues) theirs = NULL;
  g_autoptr(GError) rule = NULL;
  g_autofree char *json = NULL;
  g_autofree char *what = NULL;
  int rc;

  if (index < 0)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                   _("The table %s has no column %s any more."), t->name, c->column);
      return FALSE;
    }

  if (!_clw_sync_main_fetch (r->db, t, c->row, &cur, error))
    return FALSE;
  if (cur == NULL)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                   _("The row of this conflict has been deleted here since. Nothing was changed."));
      return FALSE;
    }
  what = _clw_sync_describe_row (r->db, t, cur);

  theirs = _clw_sync_values_copy (cur);
  _clw_sync_values_set (theirs, index, c->theirs_value);

  switch (choice)
    {
    case CLW_SYNC_CHOICE_MINE:
      if (!_clw_sync_stamp_row (r->db, t, c->row, error))
        return FALSE;
      break;

    case CLW_SYNC_CHOICE_THEIRS:
      rc = _clw_sync_main_update (r->db, t, c->row, theirs, G_GUINT64_CONSTANT (1) << index);
      if (rc != SQLITE_DONE)
        {
          g_autoptr(GError) cause = NULL;
          _clw_database_set_error (r->db, rc, _("writing their value"), &cause);
          return refuse (error, _("Theirs"), cause);
        }
      if (!_clw_sync_validate_row (r->db, t, c->row, &rule))
        return refuse (error, _("Theirs"), rule);
      if (!_clw_sync_stamp_row (r->db, t, c->row, error))
        return FALSE;
      break;

    case CLW_SYNC_CHOICE_VALUE:
    default:
      {
        g_autoptr(ClwRecord) record = NULL;
        const ClwColumn *columns;
        const ClwColumn *column = NULL;
        guint n;

        if (t->record_type == G_TYPE_INVALID)
          {
            g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                         _("A value cannot be typed for the table %s."), t->name);
            return FALSE;
          }
        record = clw_record_load (r->db, t->record_type, c->row, error);
        if (record == NULL)
          return FALSE;
        columns = clw_record_class_get_columns (CLW_RECORD_GET_CLASS (record), &n);
        for (guint i = 0; i < n && column == NULL; i++)
          if (g_str_equal (columns[i].name, c->column))
            column = &columns[i];
        if (column == NULL)
          {
            g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                         _("The %s of %s cannot be set by hand."), c->column, what);
            return FALSE;
          }
        if (!clw_record_set_from_string (record, column, value, &rule) ||
            !clw_record_update (record, r->db, CLW_WRITE_DEFAULT, &rule))
          return refuse (error, _("That value"), rule);
      }
      break;
    }

  /* The other copy holds theirs: the choice travels as a change from it. */
  if (!_clw_sync_base_txn_update (r->base, t, c->row, theirs, G_GUINT64_CONSTANT (1) << index, error))
    return FALSE;

  g_clear_pointer (&cur, _clw_sync_values_free);
  if (!_clw_sync_main_fetch (r->db, t, c->row, &cur, error))
    return FALSE;
  json = _clw_sync_value_to_json (r->db, cur->v[index]);
  add_settled (r, t, c->row, c->column, json);
  return TRUE;
}

/* Rows ------------------------------------------------------------------------------- */

static gboolean
resolve_row (Resolve         *r,
             StoredConflict  *c,
             SyncTable       *t,
             ClwSyncChoice    choice,
             GError         **error)
{
  g_autoptr(SyncValues) theirs = NULL;
  g_autoptr(SyncValues) mine = NULL;
  g_autoptr(GPtrArray) restored = g_ptr_array_new_with_free_func (g_free);
  const char *mine_id = NULL;
  g_autoptr(GError) rule = NULL;

  if (choice == CLW_SYNC_CHOICE_VALUE)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                   _("This conflict is about a whole row: keep yours or take theirs, then change "
                     "the row if needed."));
      return FALSE;
    }

  if (c->theirs_row != NULL)
    {
      theirs = _clw_sync_values_from_json (r->db, t, c->theirs_row, error);
      if (theirs == NULL)
        return FALSE;
    }
  if (c->mine_row != NULL)
    {
      mine = _clw_sync_values_from_json (r->db, t, c->mine_row, error);
      if (mine == NULL)
        return FALSE;
      mine_id = _clw_sync_values_get_id (t, mine);
    }

  if (choice == CLW_SYNC_CHOICE_MINE)
    {
      /* The other copy holds theirs; what is here travels as a change. */
      if (theirs != NULL)
        {
          if (!_clw_sync_base_txn_put (r->base, t, theirs, error))
            return FALSE;
        }
      else if (!_clw_sync_base_txn_delete (r->base, t, c->row, error))
        return FALSE;

      if (row_exists (r->db, t, c->row) && !_clw_sync_stamp_row (r->db, t, c->row, error))
        return FALSE;
      if (!settle_row_as_now (r, t, c->row, error))
        return FALSE;
      if (mine_id != NULL && !g_str_equal (mine_id, c->row) && !settle_row_as_now (r, t, mine_id, error))
        return FALSE;
      return TRUE;
    }

  /* Theirs. */
  if (theirs == NULL)
    {
      /* They deleted it: so be it, with what hangs from it. */
      if (row_exists (r->db, t, c->row) && !_clw_sync_main_delete (r->db, t, c->row, error))
        return FALSE;
      if (!_clw_sync_base_txn_delete (r->base, t, c->row, error))
        return FALSE;
      return settle_row_as_now (r, t, c->row, error);
    }

  /* The row they added holds a key that a row here holds too: that one goes. */
  if (mine_id != NULL && !g_str_equal (mine_id, c->row) && row_exists (r->db, t, mine_id) &&
      !_clw_sync_main_delete (r->db, t, mine_id, error))
    return FALSE;

  {
    g_autoptr(GError) cause = NULL;

    if (!restore_with_parents (r->db, r->schema, r->base, t, theirs, restored, &cause))
      return refuse (error, _("Theirs"), cause);
  }
  if (g_str_equal (c->kind, "deleted-mine") &&
      !restore_below (r->db, r->base, t, c->row, restored, error))
    return FALSE;

  if (!_clw_sync_validate_row (r->db, t, c->row, &rule))
    return refuse (error, _("Theirs"), rule);

  if (!_clw_sync_base_txn_put (r->base, t, theirs, error))
    return FALSE;

  for (guint i = 0; i < restored->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (restored, i), "\x1f", 2);
      SyncTable *rt = _clw_sync_schema_lookup (r->schema, parts[0]);

      if (rt == NULL || (rt == t && g_str_equal (parts[1], c->row)))
        continue;
      if (!settle_row_as_now (r, rt, parts[1], error))
        return FALSE;
    }

  if (!settle_row_as_now (r, t, c->row, error))
    return FALSE;
  if (mine_id != NULL && !g_str_equal (mine_id, c->row) && !settle_row_as_now (r, t, mine_id, error))
    return FALSE;
  return TRUE;
}

/* Entry point -------------------------------------------------------------------------- */

static void
settled_entry_free (gpointer data)
{
  g_strfreev (data);
}

gboolean
_clw_sync_resolve_conflict (ClwDatabase    *db,
                            SyncSchema     *schema,
                            SyncPeerRow    *peer,
                            const char     *conflict_id,
                            ClwSyncChoice   choice,
                            const char     *value,
                            SyncBaseTxn    *base,
                            GError        **error)
{
  g_auto(StoredConflict) c = { 0 };
  g_autoptr(GPtrArray) settled = g_ptr_array_new_with_free_func (settled_entry_free);
  g_autoptr(ClwStmt) stmt = NULL;
  g_autofree char *now = clw_timestamp_now ();
  Resolve r = { db, schema, peer, base, settled };
  SyncTable *t;
  int rc;

  g_return_val_if_fail (clw_database_in_transaction (db), FALSE);

  if (!load_conflict (db, conflict_id, &c, error))
    return FALSE;

  if (!g_str_equal (c.state, "open"))
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                   _("This conflict has been resolved already."));
      return FALSE;
    }

  t = _clw_sync_schema_lookup (schema, c.table);
  if (t == NULL)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                   _("The table %s of this conflict does not exist any more."), c.table);
      return FALSE;
    }

  if (choice == CLW_SYNC_CHOICE_VALUE && value == NULL)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE, _("Give the value to set."));
      return FALSE;
    }

  if (g_str_equal (c.kind, "field"))
    {
      if (!resolve_field (&r, &c, t, choice, value, error))
        return FALSE;
    }
  else if (!resolve_row (&r, &c, t, choice, error))
    return FALSE;

  stmt = _clw_database_prepare (db,
                                "UPDATE sync_conflict SET state = 'resolved', resolution = ?2, "
                                "resolved_by = ?3, resolved_at = ?4, sent_seq = NULL, confirmed = 0 "
                                "WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, c.id);
  _clw_bind_text (stmt, 2, choice == CLW_SYNC_CHOICE_MINE ? "mine"
                           : choice == CLW_SYNC_CHOICE_THEIRS ? "theirs" : "value");
  _clw_bind_text (stmt, 3, clw_database_get_user (db));
  _clw_bind_text (stmt, 4, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("recording the resolution"), error);
  g_clear_pointer (&stmt, _clw_stmt_release);

  for (guint i = 0; i < settled->len; i++)
    {
      char **entry = g_ptr_array_index (settled, i);

      stmt = _clw_database_prepare (db,
                                    "INSERT OR REPLACE INTO sync_settled (conflict_id, peer_id, table_name, "
                                    "row_id, column_name, value_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, c.id);
      _clw_bind_text (stmt, 2, peer->id);
      for (int k = 0; k < 4; k++)
        _clw_bind_text (stmt, 3 + k, entry[k]);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (db, rc, _("recording the resolution"), error);
      g_clear_pointer (&stmt, _clw_stmt_release);
    }

  return TRUE;
}
