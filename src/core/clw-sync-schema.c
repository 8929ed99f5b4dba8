/* clw-sync-schema.c: the data tables as sync sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sync works on the data tables (_clw_database_list_data_tables) the way
 * SQLite's session extension does: a row is an array of values in the
 * order of the table's columns, keyed by its id. The SQL that reads and
 * writes rows is generated here from the schema, with names from the
 * schema and values always bound.
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-error.h"
#include "clw-sync-private.h"
#include "clw-record.h"

/* Values ------------------------------------------------------------------- */

SyncValues *
_clw_sync_values_new (guint n)
{
  SyncValues *values = g_malloc0 (sizeof (SyncValues) + n * sizeof (sqlite3_value *));

  values->n = n;
  return values;
}

SyncValues *
_clw_sync_values_copy (const SyncValues *values)
{
  SyncValues *copy = _clw_sync_values_new (values->n);

  for (guint i = 0; i < values->n; i++)
    copy->v[i] = values->v[i] != NULL ? sqlite3_value_dup (values->v[i]) : NULL;
  return copy;
}

void
_clw_sync_values_free (SyncValues *values)
{
  if (values == NULL)
    return;
  for (guint i = 0; i < values->n; i++)
    sqlite3_value_free (values->v[i]);
  g_free (values);
}

void
_clw_sync_values_set (SyncValues    *values,
                      guint          i,
                      sqlite3_value *value)
{
  g_return_if_fail (i < values->n);

  sqlite3_value_free (values->v[i]);
  values->v[i] = value != NULL ? sqlite3_value_dup (value) : NULL;
}

gboolean
_clw_sync_value_equal (sqlite3_value *a,
                       sqlite3_value *b)
{
  int ta, tb;

  if (a == NULL || b == NULL)
    return a == b;

  ta = sqlite3_value_type (a);
  tb = sqlite3_value_type (b);
  if (ta != tb)
    {
      /* 1 and 1.0 are the same number. */
      if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) && (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT))
        return sqlite3_value_double (a) == sqlite3_value_double (b);
      return FALSE;
    }

  switch (ta)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    case SQLITE_TEXT:
      {
        const unsigned char *sa = sqlite3_value_text (a);
        const unsigned char *sb = sqlite3_value_text (b);
        int na = sqlite3_value_bytes (a);
        int nb = sqlite3_value_bytes (b);
        return na == nb && memcmp (sa, sb, na) == 0;
      }
    case SQLITE_BLOB:
    default:
      {
        const void *ba = sqlite3_value_blob (a);
        const void *bb = sqlite3_value_blob (b);
        int na = sqlite3_value_bytes (a);
        int nb = sqlite3_value_bytes (b);
        return na == nb && (na == 0 || memcmp (ba, bb, na) == 0);
      }
    }
}

char *
_clw_sync_value_to_text (sqlite3_value *value)
{
  if (value == NULL)
    return NULL;

  switch (sqlite3_value_type (value))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_value_int64 (value));
    case SQLITE_FLOAT:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, sqlite3_value_double (value)));
      }
    case SQLITE_TEXT:
      return g_strndup ((const char *) sqlite3_value_text (value), sqlite3_value_bytes (value));
    case SQLITE_BLOB:
    default:
      return g_strdup_printf (ngettext ("(%d byte)", "(%d bytes)",
                                           sqlite3_value_bytes (value)),
                              sqlite3_value_bytes (value));
    }
}

/* Tables -------------------------------------------------------------------- */

static char *
quote_identifier (const char *name)
{
  g_autoptr(GString) str = g_string_new ("\"");

  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (str, '"');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '"');

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
quote_literal (const char *text)
{
  g_autoptr(GString) str = g_string_new ("'");

  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (str, '\'');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '\'');

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
sync_table_free (gpointer data)
{
  SyncTable *t = data;

  g_free (t->name);
  g_strfreev (t->columns);
  g_strfreev (t->types);
  for (guint i = 0; i < t->n_columns; i++)
    g_free (t->defaults[i]);
  g_free (t->defaults);
  for (guint i = 0; i < t->foreign_keys->len; i++)
    g_free (g_array_index (t->foreign_keys, SyncForeignKey, i).parent);
  g_array_unref (t->foreign_keys);
  g_array_unref (t->children);
  g_free (t->select_sql);
  g_free (t->insert_sql);
  g_free (t->delete_sql);
  g_free (t->exists_sql);
  g_free (t->json_sql);
  g_free (t->json_data_sql);
  g_free (t->from_json_sql);
  g_free (t->column_defs_sql);
  g_free (t->column_list_sql);
  g_free (t);
}

static void
build_sql (SyncTable *t)
{
  g_autofree char *qtable = quote_identifier (t->name);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("SELECT json_object(");
  g_autoptr(GString) json_data = g_string_new ("SELECT json_object(");
  g_autoptr(GString) from_json = g_string_new ("SELECT ");
  g_autoptr(GString) defs = g_string_new (NULL);
  gboolean first_data = TRUE;

  for (guint i = 0; i < t->n_columns; i++)
    {
      g_autofree char *qc = quote_identifier (t->columns[i]);
      g_autofree char *key = quote_literal (t->columns[i]);
      g_autofree char *path_inner = g_strdup_printf ("$.%s", qc);
      g_autofree char *path = quote_literal (path_inner);
      const char *sep = i > 0 ? ", " : "";

      g_string_append_printf (list, "%s%s", sep, qc);
      g_string_append_printf (params, "%s?%u", sep, i + 1);
      g_string_append_printf (json, "%s%s, ?%u", sep, key, i + 1);
      if (!_clw_sync_table_is_metadata (t, i))
        {
          g_string_append_printf (json_data, "%s%s, ?%u", first_data ? "" : ", ", key, i + 1);
          first_data = FALSE;
        }
      g_string_append_printf (from_json, "%sjson_extract(?1, %s)", sep, path);
      g_string_append_printf (defs, "%s %s, ", qc, t->types[i] != NULL ? t->types[i] : "");
    }
  g_string_append (json, ")");
  g_string_append (json_data, ")");
  g_string_append (defs, "PRIMARY KEY (\"id\")");

  t->column_list_sql = g_strdup (list->str);
  t->column_defs_sql = g_strdup (defs->str);
  t->select_sql = g_strdup_printf ("SELECT %s FROM main.%s WHERE \"id\" = ?1", list->str, qtable);
  t->insert_sql = g_strdup_printf ("INSERT INTO main.%s (%s) VALUES (%s)", qtable, list->str, params->str);
  t->delete_sql = g_strdup_printf ("DELETE FROM main.%s WHERE \"id\" = ?1", qtable);
  t->exists_sql = g_strdup_printf ("SELECT 1 FROM main.%s WHERE \"id\" = ?1", qtable);
  t->json_sql = g_strdup (json->str);
  t->json_data_sql = g_strdup (json_data->str);
  t->from_json_sql = g_strdup (from_json->str);
}

gboolean
_clw_sync_table_is_metadata (SyncTable *table,
                             guint      column)
{
  return column < 64 && (table->metadata_mask & (G_GUINT64_CONSTANT (1) << column)) != 0;
}

void
_clw_sync_append_value_rows (GString *sql,
                             guint    n_rows,
                             guint    n_columns)
{
  /* Anonymous parameters: a statement of 128 rows has over a thousand,
   * and SQLite looks each "?NNN" up among those already named. */
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (?" : "(?");
      for (guint i = 1; i < n_columns; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }
}

int
_clw_sync_table_find_column (SyncTable  *table,
                             const char *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i], name))
      return i;
  return -1;
}

const char *
_clw_sync_values_get_id (SyncTable  *table,
                         SyncValues *values)
{
  sqlite3_value *v = values != NULL ? values->v[table->id_column] : NULL;

  if (v == NULL || sqlite3_value_type (v) != SQLITE_TEXT)
    return NULL;
  return (const char *) sqlite3_value_text (v);
}

gboolean
_clw_sync_values_data_equal (SyncTable  *table,
                             SyncValues *a,
                             SyncValues *b)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (_clw_sync_table_is_metadata (table, i))
        continue;
      if (a->v[i] == NULL || b->v[i] == NULL || !_clw_sync_value_equal (a->v[i], b->v[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_columns (ClwDatabase  *db,
              SyncTable    *t,
              GError      **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr(GPtrArray) types = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr(GPtrArray) defaults = g_ptr_array_new ();
  int n_pk = 0;
  int id = -1;
  int rc;

  stmt = _clw_database_prepare (db,
                                "SELECT name, type, dflt_value, pk FROM pragma_table_info(?1, 'main') "
                                "ORDER BY cid",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, t->name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = _clw_column_text (stmt, 0);

      if (sqlite3_column_int (stmt, 3) > 0)
        {
          n_pk++;
          if (g_str_equal (name, "id"))
            id = names->len;
        }
      g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_add (types, _clw_column_dup (stmt, 1));
      g_ptr_array_add (defaults, _clw_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("reading the schema"), error);

  if (n_pk != 1 || id < 0 || names->len > 64)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_SQL,
                   _("The table %s cannot be synced: its primary key must be its id alone."),
                   t->name);
      for (guint i = 0; i < defaults->len; i++)
        g_free (g_ptr_array_index (defaults, i));
      return FALSE;
    }

  t->n_columns = names->len;
  t->columns = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  t->types = (char **) g_ptr_array_free (g_steal_pointer (&types), FALSE);
  t->defaults = (char **) g_ptr_array_free (g_steal_pointer (&defaults), FALSE);
  t->id_column = id;
  t->created_at_column = _clw_sync_table_find_column (t, "created_at");
  t->updated_at_column = _clw_sync_table_find_column (t, "updated_at");
  t->updated_by_column = _clw_sync_table_find_column (t, "updated_by");
  if (t->created_at_column >= 0)
    t->metadata_mask |= G_GUINT64_CONSTANT (1) << t->created_at_column;
  if (t->updated_at_column >= 0)
    t->metadata_mask |= G_GUINT64_CONSTANT (1) << t->updated_at_column;
  if (t->updated_by_column >= 0)
    t->metadata_mask |= G_GUINT64_CONSTANT (1) << t->updated_by_column;

  return TRUE;
}

SyncSchema *
_clw_sync_schema_load (ClwDatabase  *db,
                       GError      **error)
{
  g_autoptr(SyncSchema) schema = g_new0 (SyncSchema, 1);
  g_autoptr(GPtrArray) names = NULL;

  schema->tables = g_ptr_array_new_with_free_func (sync_table_free);
  schema->by_name = g_hash_table_new (g_str_hash, g_str_equal);

  names = _clw_database_list_data_tables (db, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      SyncTable *t = g_new0 (SyncTable, 1);

      t->name = g_strdup (g_ptr_array_index (names, i));
      t->index = i;
      t->foreign_keys = g_array_new (FALSE, TRUE, sizeof (SyncForeignKey));
      t->children = g_array_new (FALSE, TRUE, sizeof (SyncChild));
      t->record_type = clw_record_type_from_table (t->name);
      g_ptr_array_add (schema->tables, t);
      g_hash_table_insert (schema->by_name, t->name, t);

      if (!load_columns (db, t, error))
        return NULL;
      build_sql (t);
    }

  /* Keys between data tables, and the other way round. */
  for (guint i = 0; i < schema->tables->len; i++)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i);
      g_autoptr(ClwStmt) stmt = NULL;
      int rc;

      stmt = _clw_database_prepare (db,
                                    "SELECT \"from\", \"table\", on_delete "
                                    "FROM pragma_foreign_key_list(?1, 'main') ORDER BY id, seq",
                                    error);
      if (stmt == NULL)
        return NULL;
      _clw_bind_text (stmt, 1, t->name);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SyncForeignKey fk = { 0 };
          int column = _clw_sync_table_find_column (t, _clw_column_text (stmt, 0));

          if (column < 0 || !g_hash_table_contains (schema->by_name, _clw_column_text (stmt, 1)))
            continue;
          fk.column = column;
          fk.parent = _clw_column_dup (stmt, 1);
          fk.cascade = g_ascii_strcasecmp (_clw_column_text (stmt, 2), "CASCADE") == 0;
          g_array_append_val (t->foreign_keys, fk);
        }
      if (rc != SQLITE_DONE)
        {
          _clw_database_set_error (db, rc, _("reading the schema"), error);
          return NULL;
        }
    }

  for (guint i = 0; i < schema->tables->len; i++)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i);

      for (guint k = 0; k < t->foreign_keys->len; k++)
        {
          SyncForeignKey *fk = &g_array_index (t->foreign_keys, SyncForeignKey, k);
          SyncTable *parent = g_hash_table_lookup (schema->by_name, fk->parent);
          SyncChild child = { t, k };

          g_array_append_val (parent->children, child);
        }
    }

  return g_steal_pointer (&schema);
}

void
_clw_sync_schema_free (SyncSchema *schema)
{
  if (schema == NULL)
    return;
  g_clear_pointer (&schema->by_name, g_hash_table_unref);
  g_clear_pointer (&schema->tables, g_ptr_array_unref);
  g_free (schema);
}

SyncTable *
_clw_sync_schema_lookup (SyncSchema *schema,
                         const char *name)
{
  return g_hash_table_lookup (schema->by_name, name);
}

/* Rows in the database ------------------------------------------------------- */

static SyncValues *
values_from_stmt (ClwStmt *stmt,
                  guint    n)
{
  SyncValues *row = _clw_sync_values_new (n);

  for (guint i = 0; i < n; i++)
    row->v[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
  return row;
}

static void
bind_values (ClwStmt    *stmt,
             SyncValues *values,
             guint64     mask)
{
  for (guint i = 0; i < values->n; i++)
    {
      if (mask != 0 && !(mask & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      if (values->v[i] != NULL)
        sqlite3_bind_value (stmt, i + 1, values->v[i]);
      else
        sqlite3_bind_null (stmt, i + 1);
    }
}

gboolean
_clw_sync_main_fetch (ClwDatabase  *db,
                      SyncTable    *table,
                      const char   *id,
                      SyncValues  **row,
                      GError      **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, table->select_sql, error);
  int rc;

  *row = NULL;
  if (stmt == NULL)
    return FALSE;

  _clw_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *row = values_from_stmt (stmt, table->n_columns);
  else if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("reading a row"), error);

  return TRUE;
}

int
_clw_sync_main_insert (ClwDatabase *db,
                       SyncTable   *table,
                       SyncValues  *row)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, table->insert_sql, NULL);

  if (stmt == NULL)
    return SQLITE_ERROR;

  bind_values (stmt, row, 0);
  return sqlite3_step (stmt);
}

int
_clw_sync_main_update (ClwDatabase *db,
                       SyncTable   *table,
                       const char  *id,
                       SyncValues  *values,
                       guint64      mask)
{
  g_autofree char *qtable = quote_identifier (table->name);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(ClwStmt) stmt = NULL;
  gboolean first = TRUE;

  mask &= ~(G_GUINT64_CONSTANT (1) << table->id_column);
  if (mask == 0)
    return SQLITE_DONE;

  g_string_printf (sql, "UPDATE main.%s SET ", qtable);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *qc = NULL;

      if (!(mask & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      qc = quote_identifier (table->columns[i]);
      g_string_append_printf (sql, "%s%s = ?%u", first ? "" : ", ", qc, i + 1);
      first = FALSE;
    }
  g_string_append_printf (sql, " WHERE \"id\" = ?%u", table->n_columns + 1);

  stmt = _clw_database_prepare (db, sql->str, NULL);
  if (stmt == NULL)
    return SQLITE_ERROR;
  bind_values (stmt, values, mask);
  _clw_bind_text (stmt, table->n_columns + 1, id);
  return sqlite3_step (stmt);
}

gboolean
_clw_sync_main_delete (ClwDatabase  *db,
                       SyncTable    *table,
                       const char   *id,
                       GError      **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, table->delete_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("deleting a row"), error);
  return TRUE;
}

int
_clw_sync_main_put (ClwDatabase *db,
                    SyncTable   *table,
                    SyncValues  *row)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, table->exists_sql, NULL);
  const char *id = _clw_sync_values_get_id (table, row);
  gboolean exists;

  if (stmt == NULL || id == NULL)
    return SQLITE_ERROR;
  _clw_bind_text (stmt, 1, id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  g_clear_pointer (&stmt, _clw_stmt_release);

  if (exists)
    {
      guint64 all = table->n_columns >= 64 ? G_MAXUINT64
                                           : (G_GUINT64_CONSTANT (1) << table->n_columns) - 1;
      return _clw_sync_main_update (db, table, id, row, all);
    }
  return _clw_sync_main_insert (db, table, row);
}

/* JSON ----------------------------------------------------------------------- */

char *
_clw_sync_values_to_json (ClwDatabase *db,
                          SyncTable   *table,
                          SyncValues  *row,
                          gboolean     data_only)
{
  g_autoptr(ClwStmt) stmt = NULL;

  if (row == NULL)
    return NULL;

  stmt = _clw_database_prepare (db, data_only ? table->json_data_sql : table->json_sql, NULL);
  if (stmt == NULL)
    return NULL;
  bind_values (stmt, row, 0);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _clw_column_dup (stmt, 0);
}

SyncValues *
_clw_sync_values_from_json (ClwDatabase  *db,
                            SyncTable    *table,
                            const char   *json,
                            GError      **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, table->from_json_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, json);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _clw_database_set_error (db, rc, _("reading a row kept with a conflict"), error);
      return NULL;
    }
  return values_from_stmt (stmt, table->n_columns);
}

char *
_clw_sync_value_to_json (ClwDatabase   *db,
                         sqlite3_value *value)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT json_quote(?1)", NULL);

  if (stmt == NULL)
    return NULL;
  if (value != NULL)
    sqlite3_bind_value (stmt, 1, value);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _clw_column_dup (stmt, 0);
}

char *
_clw_sync_describe_row (ClwDatabase *db,
                        SyncTable   *table,
                        SyncValues  *row)
{
  g_autoptr(ClwRecord) record = NULL;
  const ClwColumn *columns;
  guint n;

  if (table->record_type == G_TYPE_INVALID || row == NULL)
    return g_strdup_printf ("%s %s", table->name,
                            row != NULL ? _clw_sync_values_get_id (table, row) : "");

  record = clw_record_new (table->record_type);
  columns = clw_record_class_get_columns (CLW_RECORD_GET_CLASS (record), &n);
  for (guint i = 0; i < n; i++)
    {
      int index = _clw_sync_table_find_column (table, columns[i].name);
      g_autofree char *text = NULL;

      if (index < 0)
        continue;
      text = _clw_sync_value_to_text (row->v[index]);
      if (text != NULL)
        clw_record_set_from_string (record, &columns[i], text, NULL);
    }

  return clw_record_describe (record);
}

/* Changesets --------------------------------------------------------------------- */

void
_clw_sync_change_free (SyncChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  _clw_sync_values_free (change->old_values);
  _clw_sync_values_free (change->new_values);
  g_free (change);
}

static gboolean
changeset_damaged (GError     **error,
                   const char  *filename,
                   const char  *detail)
{
  g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_DAMAGED,
               _("The changes in “%s” cannot be read (%s). Ask for the bundle again. "
                 "Nothing was changed."), filename, detail);
  return FALSE;
}

GPtrArray *
_clw_sync_changeset_parse (SyncSchema  *schema,
                           GBytes      *changeset,
                           const char  *filename,
                           GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) _clw_sync_change_free);
  sqlite3_changeset_iter *iter = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  gboolean ok = FALSE;
  int rc;

  if (size == 0)
    return g_steal_pointer (&changes);

  if (size > G_MAXINT)
    {
      changeset_damaged (error, filename, _("too large"));
      return NULL;
    }

  rc = sqlite3changeset_start (&iter, (int) size, (void *) data);
  if (rc != SQLITE_OK)
    {
      changeset_damaged (error, filename, sqlite3_errstr (rc));
      return NULL;
    }

  while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table_name;
      int n_columns, op, indirect;
      unsigned char *pk;
      int n_pk;
      SyncTable *t;
      SyncChange *change;
      SyncValues *id_source;

      if (sqlite3changeset_op (iter, &table_name, &n_columns, &op, &indirect) != SQLITE_OK ||
          sqlite3changeset_pk (iter, &pk, &n_pk) != SQLITE_OK)
        {
          changeset_damaged (error, filename, _("a change cannot be read"));
          goto out;
        }

      t = _clw_sync_schema_lookup (schema, table_name);
      if (t == NULL)
        {
          g_autofree char *detail = g_strdup_printf (_("it changes “%s”, which is not a table "
                                                       "Clwstwr syncs"), table_name);
          changeset_damaged (error, filename, detail);
          goto out;
        }
      if ((guint) n_columns != t->n_columns)
        {
          g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_VERSION,
                       _("“%s” was made with another layout of the table %s (%d columns, "
                         "here %u): both copies must run the same version of Clwstwr. "
                         "Nothing was changed."),
                       filename, t->name, n_columns, t->n_columns);
          goto out;
        }
      for (int i = 0; i < n_pk; i++)
        if ((pk[i] != 0) != ((guint) i == t->id_column))
          {
            changeset_damaged (error, filename, _("a table has the wrong key"));
            goto out;
          }

      change = g_new0 (SyncChange, 1);
      change->table = t;
      change->op = op;
      g_ptr_array_add (changes, change);

      if (op != SQLITE_INSERT && op != SQLITE_UPDATE && op != SQLITE_DELETE)
        {
          changeset_damaged (error, filename, _("a change is of an unknown kind"));
          goto out;
        }

      if (op != SQLITE_INSERT)
        {
          change->old_values = _clw_sync_values_new (t->n_columns);
          for (guint i = 0; i < t->n_columns; i++)
            {
              sqlite3_value *v = NULL;
              if (sqlite3changeset_old (iter, i, &v) != SQLITE_OK)
                {
                  changeset_damaged (error, filename, _("a change cannot be read"));
                  goto out;
                }
              _clw_sync_values_set (change->old_values, i, v);
            }
        }
      if (op != SQLITE_DELETE)
        {
          change->new_values = _clw_sync_values_new (t->n_columns);
          for (guint i = 0; i < t->n_columns; i++)
            {
              sqlite3_value *v = NULL;
              if (sqlite3changeset_new (iter, i, &v) != SQLITE_OK)
                {
                  changeset_damaged (error, filename, _("a change cannot be read"));
                  goto out;
                }
              _clw_sync_values_set (change->new_values, i, v);
            }
        }

      /* An insert and a delete carry the whole row. */
      id_source = op == SQLITE_INSERT ? change->new_values : change->old_values;
      for (guint i = 0; i < t->n_columns && op != SQLITE_UPDATE; i++)
        if (id_source->v[i] == NULL)
          {
            changeset_damaged (error, filename, _("a row is incomplete"));
            goto out;
          }

      change->id = g_strdup (_clw_sync_values_get_id (t, id_source));
      if (!clw_is_uuid (change->id))
        {
          changeset_damaged (error, filename, _("a row has no valid id"));
          goto out;
        }
    }

  if (rc != SQLITE_DONE)
    {
      changeset_damaged (error, filename, sqlite3_errstr (rc));
      goto out;
    }

  ok = TRUE;

out:
  sqlite3changeset_finalize (iter);
  return ok ? g_steal_pointer (&changes) : NULL;
}

/* What a meeting copy holds ------------------------------------------------------ */

#define PRACTICES "(SELECT p.id FROM main.practice p WHERE p.cluster_id = ?1)"
#define MEETINGS "(SELECT m.id FROM main.meeting m JOIN main.collaborative c " \
                 "ON c.id = m.collaborative_id WHERE c.cluster_id = ?1)"
#define CONTRIBUTIONS "(SELECT ic.id FROM main.imtp_contribution ic JOIN main.practice p " \
                      "ON p.id = ic.practice_id WHERE p.cluster_id = ?1)"

/* A new data table must be added here to travel to meeting copies; until
 * it is, its rows stay with the database that holds everything. */
static const struct {
  const char    *table;
  SyncScopeKind  kind;
  const char    *filter;
} scope_map[] = {
  { "health_board", SYNC_SCOPE_REFERENCE, NULL },
  { "pcpg", SYNC_SCOPE_REFERENCE, NULL },
  { "cluster", SYNC_SCOPE_REFERENCE, NULL },
  { "cycle", SYNC_SCOPE_REFERENCE, NULL },
  { "indicator", SYNC_SCOPE_REFERENCE, NULL },
  { "evidence_requirement", SYNC_SCOPE_REFERENCE, NULL },
  { "collaborative", SYNC_SCOPE_CLUSTER, "cluster_id = ?1" },
  { "practice", SYNC_SCOPE_CLUSTER, "cluster_id = ?1" },
  { "meeting", SYNC_SCOPE_CLUSTER,
    "collaborative_id IN (SELECT c.id FROM main.collaborative c WHERE c.cluster_id = ?1)" },
  { "agenda_item", SYNC_SCOPE_CLUSTER, "meeting_id IN " MEETINGS },
  { "action_item", SYNC_SCOPE_CLUSTER, "meeting_id IN " MEETINGS },
  { "attendance", SYNC_SCOPE_CLUSTER, "meeting_id IN " MEETINGS },
  { "representation", SYNC_SCOPE_CLUSTER, "practice_id IN " PRACTICES },
  { "buddy_arrangement", SYNC_SCOPE_CLUSTER, "small_practice_id IN " PRACTICES },
  { "buddy_engagement", SYNC_SCOPE_CLUSTER, "practice_id IN " PRACTICES },
  { "evidence", SYNC_SCOPE_CLUSTER, "practice_id IN " PRACTICES " OR meeting_id IN " MEETINGS },
  { "imtp_contribution", SYNC_SCOPE_CLUSTER, "practice_id IN " PRACTICES },
  { "imtp_section", SYNC_SCOPE_CLUSTER, "contribution_id IN " CONTRIBUTIONS },
  { "imtp_workforce", SYNC_SCOPE_CLUSTER, "contribution_id IN " CONTRIBUTIONS },
};

SyncScopeKind
_clw_sync_scope_of_table (const char  *table,
                          const char **filter)
{
  for (guint i = 0; i < G_N_ELEMENTS (scope_map); i++)
    if (g_str_equal (scope_map[i].table, table))
      {
        if (filter != NULL)
          *filter = scope_map[i].filter;
        return scope_map[i].kind;
      }

  if (filter != NULL)
    *filter = NULL;
  return SYNC_SCOPE_NONE;
}

gboolean
_clw_sync_row_in_cluster (ClwDatabase  *db,
                          SyncTable    *table,
                          const char   *id,
                          const char   *cluster_id,
                          gboolean     *in_cluster,
                          GError      **error)
{
  const char *filter;
  g_autofree char *qtable = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  *in_cluster = FALSE;
  if (_clw_sync_scope_of_table (table->name, &filter) != SYNC_SCOPE_CLUSTER)
    return TRUE;

  qtable = quote_identifier (table->name);
  sql = g_strdup_printf ("SELECT 1 FROM main.%s WHERE \"id\" = ?2 AND coalesce((%s), 0)",
                         qtable, filter);
  stmt = _clw_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, cluster_id);
  _clw_bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *in_cluster = TRUE;
  else if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("checking the cluster of a row"), error);

  return TRUE;
}

gboolean
_clw_sync_values_in_cluster (ClwDatabase  *db,
                             SyncTable    *table,
                             SyncValues   *row,
                             const char   *cluster_id,
                             gboolean     *in_cluster,
                             GError      **error)
{
  const char *filter;
  g_autoptr(GString) sql = g_string_new ("SELECT coalesce((");
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  *in_cluster = FALSE;
  if (_clw_sync_scope_of_table (table->name, &filter) != SYNC_SCOPE_CLUSTER)
    return TRUE;

  /* The filter, over a row that is not (or not yet) in the table. */
  g_string_append_printf (sql, "%s), 0) FROM (SELECT ", filter);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *qc = quote_identifier (table->columns[i]);
      g_string_append_printf (sql, "%s?%u AS %s", i > 0 ? ", " : "", i + 2, qc);
    }
  g_string_append (sql, ")");

  stmt = _clw_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, cluster_id);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (row->v[i] != NULL)
        sqlite3_bind_value (stmt, i + 2, row->v[i]);
      else
        sqlite3_bind_null (stmt, i + 2);
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _clw_database_set_error (db, rc, _("checking the cluster of a row"), error);

  *in_cluster = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}
