/* clw-sync-base.c: snapshots of what a peer holds, and the difference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A base is an SQLite file beside the database (NAME.db.sync-base-PEER,
 * mode 0600) with one table per data table: the same columns in the same
 * order, keyed by id, and no other constraint (it is a record of another
 * copy, not a place for rules). A table clw_sync_base_info names its
 * generation, which the database's sync_peer row must name too.
 *
 * The local changes for a peer are sqlite3session_diff() between the base
 * and the database (or, for a peer holding one cluster, an extract of the
 * database limited to that cluster and the reference data).
 *
 * A base is never written in place. A change copies it to NAME.next,
 * changes the copy on a connection of its own with no journal (the copy is
 * thrown away if anything fails), commits and fsyncs it, and only then does
 * the database commit the new generation; the copy is renamed over the base
 * afterwards. A crash between the two leaves a copy that the next sync
 * either finishes (its generation is the database's) or drops.
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clw-error.h"
#include "clw-sync-private.h"

/* "Clwb" */
#define BASE_APPLICATION_ID 0x436c7762
#define BASE_INFO_TABLE "clw_sync_base_info"
#define NEXT_SUFFIX ".next"

struct _SyncBaseTxn
{
  SyncSchema *schema;      /* borrowed */
  sqlite3    *db;
  char       *path;
  char       *next_path;
  GHashTable *statements;  /* SQL -> sqlite3_stmt */
  GHashTable *update_sql;  /* UpdateKey -> the SQL of that update */
  gboolean    finished;
};

/* The columns an update of a table writes, to find its statement again
 * without writing it out each time. */
typedef struct
{
  SyncTable *table;
  guint64    mask;
} UpdateKey;

static guint
update_key_hash (gconstpointer key)
{
  const UpdateKey *k = key;

  return g_direct_hash (k->table) ^ g_int64_hash (&k->mask);
}

static gboolean
update_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const UpdateKey *ka = a;
  const UpdateKey *kb = b;

  return ka->table == kb->table && ka->mask == kb->mask;
}

/* Files ------------------------------------------------------------------------ */

char *
_clw_sync_base_path (const char *db_path,
                     const char *peer_id)
{
  return g_strdup_printf ("%s.sync-base-%s", db_path, peer_id);
}

static gboolean io_error (GError     **error,
                          int          saved_errno,
                          const char  *format,
                          ...) G_GNUC_PRINTF (3, 4);

static gboolean
io_error (GError     **error,
          int          saved_errno,
          const char  *format,
          ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s.", what, g_strerror (saved_errno));
  return FALSE;
}

static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
fsync_path (const char  *path,
            GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;
      if (fd >= 0)
        close (fd);
      return io_error (error, saved_errno, _("Could not write “%s”"), path);
    }
  close (fd);
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0)
    return io_error (error, errno, _("Could not create “%s”"), path);
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

/* Copy @source to @dest (replaced if there), readable by its owner only,
 * and make it durable. */
static gboolean
copy_private_file (const char  *source,
                   const char  *dest,
                   GError     **error)
{
  g_autofree guint8 *buffer = g_malloc (256 * 1024);
  int in, out;

  in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    return io_error (error, errno, _("Could not read “%s”"), source);

  g_unlink (dest);
  out = g_open (dest, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (out < 0)
    {
      int saved_errno = errno;
      close (in);
      return io_error (error, saved_errno, _("Could not create “%s”"), dest);
    }
  fchmod (out, 0600);

  for (;;)
    {
      ssize_t n = read (in, buffer, 256 * 1024);
      ssize_t written = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          close (in);
          close (out);
          g_unlink (dest);
          return io_error (error, saved_errno, _("Could not read “%s”"), source);
        }
      if (n == 0)
        break;

      while (written < n)
        {
          ssize_t w = write (out, buffer + written, n - written);
          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              int saved_errno = errno;
              close (in);
              close (out);
              g_unlink (dest);
              return io_error (error, saved_errno, _("Could not write “%s”"), dest);
            }
          written += w;
        }
    }

  close (in);
  if (fsync (out) != 0)
    {
      int saved_errno = errno;
      close (out);
      g_unlink (dest);
      return io_error (error, saved_errno, _("Could not write “%s”"), dest);
    }
  close (out);
  return TRUE;
}

gboolean
_clw_sync_copy_private_file (const char  *source,
                             const char  *dest,
                             GError     **error)
{
  return copy_private_file (source, dest, error);
}

/* The generation a base file says it is, or NULL when it cannot be read. */
static char *
read_generation (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *generation = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT value FROM " BASE_INFO_TABLE " WHERE key = 'generation'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    generation = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return generation;
}

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

/* Creating a base ----------------------------------------------------------------- */

static gboolean
attach (ClwDatabase  *db,
        const char   *path,
        const char   *schema_name,
        GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("ATTACH ?1 AS %s", schema_name);
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, path);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("opening the snapshot of the last sync"), error);
  return TRUE;
}

static void
detach (ClwDatabase *db,
        const char  *schema_name)
{
  g_autofree char *sql = g_strdup_printf ("DETACH %s", schema_name);
  g_autoptr(GError) error = NULL;

  if (!clw_database_exec (db, sql, &error))
    g_warning ("Could not detach %s: %s", schema_name, error->message);
}

gboolean
_clw_sync_base_create (ClwDatabase  *db,
                       SyncSchema   *schema,
                       const char   *path,
                       const char   *generation,
                       const char   *peer_id,
                       GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(ClwStmt) info = NULL;
  int rc;

  g_return_val_if_fail (!clw_database_in_transaction (db), FALSE);

  if (!create_private_file (path, error))
    return FALSE;

  if (!attach (db, path, "clw_new_base", error))
    {
      g_unlink (path);
      return FALSE;
    }

  g_string_printf (sql, "PRAGMA clw_new_base.application_id = %d; BEGIN; "
                   "CREATE TABLE clw_new_base." BASE_INFO_TABLE " (key TEXT PRIMARY KEY NOT NULL, value TEXT);",
                   BASE_APPLICATION_ID);
  for (guint i = 0; i < schema->tables->len; i++)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i);
      g_autofree char *qt = quote_identifier (t->name);

      g_string_append_printf (sql, "CREATE TABLE clw_new_base.%s (%s); "
                              "INSERT INTO clw_new_base.%s (%s) SELECT %s FROM main.%s;",
                              qt, t->column_defs_sql, qt, t->column_list_sql, t->column_list_sql, qt);
    }

  if (!clw_database_exec (db, sql->str, error))
    goto failed;

  info = _clw_database_prepare (db,
                                "INSERT INTO clw_new_base." BASE_INFO_TABLE " (key, value) VALUES "
                                "('generation', ?1), ('peer', ?2), ('schema-version', ?3)",
                                error);
  if (info == NULL)
    goto failed;
  _clw_bind_text (info, 1, generation);
  _clw_bind_text (info, 2, peer_id);
  sqlite3_bind_int (info, 3, clw_database_get_version (db));
  rc = sqlite3_step (info);
  g_clear_pointer (&info, _clw_stmt_release);
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("writing the snapshot of the last sync"), error);
      goto failed;
    }

  if (!clw_database_exec (db, "COMMIT", error))
    goto failed;

  detach (db, "clw_new_base");
  return TRUE;

failed:
  if (sqlite3_get_autocommit (_clw_database_get_handle (db)) == 0)
    clw_database_exec (db, "ROLLBACK", NULL);
  detach (db, "clw_new_base");
  g_unlink (path);
  return FALSE;
}

/* Transactions on a base ----------------------------------------------------------- */

static sqlite3_stmt *
txn_prepare (SyncBaseTxn  *txn,
             const char   *sql,
             GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (txn->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v2 (txn->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("The snapshot of the last sync “%s” cannot be read (%s)."),
                   txn->path, sqlite3_errmsg (txn->db));
      return NULL;
    }

  g_hash_table_insert (txn->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
txn_exec (SyncBaseTxn  *txn,
          const char   *sql,
          GError      **error)
{
  char *message = NULL;

  if (sqlite3_exec (txn->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("Could not write the snapshot of the last sync “%s” (%s)."),
                   txn->next_path, message != NULL ? message : sqlite3_errmsg (txn->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
txn_step_done (SyncBaseTxn   *txn,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("Could not write the snapshot of the last sync “%s” (%s)."),
                   txn->next_path, sqlite3_errmsg (txn->db));
      return FALSE;
    }
  return TRUE;
}

static void
txn_bind (sqlite3_stmt *stmt,
          SyncValues   *values,
          guint64       mask)
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

SyncBaseTxn *
_clw_sync_base_txn_begin (SyncSchema  *schema,
                          const char  *base_path,
                          GError     **error)
{
  g_autoptr(SyncBaseTxn) txn = g_new0 (SyncBaseTxn, 1);

  txn->schema = schema;
  txn->path = g_strdup (base_path);
  txn->next_path = g_strconcat (base_path, NEXT_SUFFIX, NULL);
  txn->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) sqlite3_finalize);
  txn->update_sql = g_hash_table_new_full (update_key_hash, update_key_equal, g_free, g_free);

  if (!copy_private_file (txn->path, txn->next_path, error))
    {
      /* Nothing to drop: keep _free from unlinking someone else's file. */
      txn->finished = TRUE;
      return NULL;
    }

  if (sqlite3_open_v2 (txn->next_path, &txn->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("The snapshot of the last sync “%s” cannot be opened (%s)."),
                   txn->next_path, sqlite3_errmsg (txn->db));
      return NULL;
    }

  /* The copy is thrown away unless it is committed whole: no journal. */
  if (!txn_exec (txn, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN", error))
    return NULL;

  return g_steal_pointer (&txn);
}

gboolean
_clw_sync_base_txn_fetch (SyncBaseTxn  *txn,
                          SyncTable    *table,
                          const char   *id,
                          SyncValues  **row,
                          GError      **error)
{
  g_autofree char *qt = quote_identifier (table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE \"id\" = ?1",
                                          table->column_list_sql, qt);
  sqlite3_stmt *stmt = txn_prepare (txn, sql, error);
  int rc;

  *row = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *row = _clw_sync_values_new (table->n_columns);
      for (guint i = 0; i < table->n_columns; i++)
        (*row)->v[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("The snapshot of the last sync “%s” cannot be read (%s)."),
                   txn->path, sqlite3_errmsg (txn->db));
      return FALSE;
    }
  return TRUE;
}

gboolean
_clw_sync_base_txn_put (SyncBaseTxn  *txn,
                        SyncTable    *table,
                        SyncValues   *row,
                        GError      **error)
{
  g_autofree char *qt = quote_identifier (table->name);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (params, "%s?%u", i > 0 ? ", " : "", i + 1);
  sql = g_strdup_printf ("INSERT OR REPLACE INTO %s (%s) VALUES (%s)",
                         qt, table->column_list_sql, params->str);
  stmt = txn_prepare (txn, sql, error);
  if (stmt == NULL)
    return FALSE;
  txn_bind (stmt, row, 0);
  return txn_step_done (txn, stmt, error);
}

gboolean
_clw_sync_base_txn_put_many (SyncBaseTxn  *txn,
                             SyncTable    *table,
                             SyncValues  **rows,
                             guint         n_rows,
                             GError      **error)
{
  guint done = 0;

  /* Up to 128 rows a statement, in sizes that are powers of two. */
  while (done < n_rows)
    {
      g_autofree char *qt = quote_identifier (table->name);
      g_autoptr(GString) sql = NULL;
      sqlite3_stmt *stmt;
      guint n = 128;

      while (n > n_rows - done)
        n /= 2;

      sql = g_string_new (NULL);
      g_string_printf (sql, "INSERT OR REPLACE INTO %s (%s) VALUES ", qt, table->column_list_sql);
      _clw_sync_append_value_rows (sql, n, table->n_columns);

      stmt = txn_prepare (txn, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < n; r++)
        for (guint i = 0; i < table->n_columns; i++)
          {
            sqlite3_value *v = rows[done + r]->v[i];
            if (v != NULL)
              sqlite3_bind_value (stmt, r * table->n_columns + i + 1, v);
            else
              sqlite3_bind_null (stmt, r * table->n_columns + i + 1);
          }
      if (!txn_step_done (txn, stmt, error))
        return FALSE;

      done += n;
    }

  return TRUE;
}

GPtrArray *
_clw_sync_base_txn_children (SyncBaseTxn  *txn,
                             SyncChild    *child,
                             const char   *parent_id,
                             GError      **error)
{
  SyncForeignKey *fk = &g_array_index (child->table->foreign_keys, SyncForeignKey, child->fk);
  g_autofree char *qt = quote_identifier (child->table->name);
  g_autofree char *qc = quote_identifier (child->table->columns[fk->column]);
  g_autofree char *sql = g_strdup_printf ("SELECT \"id\" FROM %s WHERE %s = ?1", qt, qc);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = txn_prepare (txn, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("The snapshot of the last sync “%s” cannot be read (%s)."),
                   txn->path, sqlite3_errmsg (txn->db));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
_clw_sync_base_txn_delete (SyncBaseTxn  *txn,
                           SyncTable    *table,
                           const char   *id,
                           GError      **error)
{
  g_autofree char *qt = quote_identifier (table->name);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE \"id\" = ?1", qt);
  sqlite3_stmt *stmt;

  /* What hangs from the row goes with it, as in the database. */
  for (guint i = 0; i < table->children->len; i++)
    {
      SyncChild *child = &g_array_index (table->children, SyncChild, i);
      SyncForeignKey *fk = &g_array_index (child->table->foreign_keys, SyncForeignKey, child->fk);
      g_autoptr(GPtrArray) ids = NULL;

      if (!fk->cascade)
        continue;
      ids = _clw_sync_base_txn_children (txn, child, id, error);
      if (ids == NULL)
        return FALSE;
      for (guint k = 0; k < ids->len; k++)
        if (!_clw_sync_base_txn_delete (txn, child->table, g_ptr_array_index (ids, k), error))
          return FALSE;
    }

  stmt = txn_prepare (txn, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return txn_step_done (txn, stmt, error);
}

gboolean
_clw_sync_base_txn_update (SyncBaseTxn  *txn,
                           SyncTable    *table,
                           const char   *id,
                           SyncValues   *values,
                           guint64       mask,
                           GError      **error)
{
  UpdateKey key = { table, 0 };
  const char *sql;
  sqlite3_stmt *stmt;

  mask &= ~(G_GUINT64_CONSTANT (1) << table->id_column);
  if (mask == 0)
    return TRUE;

  key.mask = mask;
  sql = g_hash_table_lookup (txn->update_sql, &key);
  if (sql == NULL)
    {
      g_autofree char *qt = quote_identifier (table->name);
      g_autoptr(GString) text = g_string_new (NULL);
      gboolean first = TRUE;

      g_string_printf (text, "UPDATE %s SET ", qt);
      for (guint i = 0; i < table->n_columns; i++)
        {
          g_autofree char *qc = NULL;

          if (!(mask & (G_GUINT64_CONSTANT (1) << i)))
            continue;
          qc = quote_identifier (table->columns[i]);
          g_string_append_printf (text, "%s%s = ?%u", first ? "" : ", ", qc, i + 1);
          first = FALSE;
        }
      g_string_append_printf (text, " WHERE \"id\" = ?%u", table->n_columns + 1);

      sql = text->str;
      g_hash_table_insert (txn->update_sql, g_memdup2 (&key, sizeof key),
                           g_string_free (g_steal_pointer (&text), FALSE));
    }

  stmt = txn_prepare (txn, sql, error);
  if (stmt == NULL)
    return FALSE;
  txn_bind (stmt, values, mask);
  sqlite3_bind_text (stmt, table->n_columns + 1, id, -1, SQLITE_TRANSIENT);
  return txn_step_done (txn, stmt, error);
}

gboolean
_clw_sync_base_txn_apply (SyncBaseTxn  *txn,
                          SyncChange   *change,
                          gboolean      skip_row,
                          guint64       skip_mask,
                          GError      **error)
{
  SyncTable *t = change->table;
  guint64 mask = 0;

  if (skip_row)
    return TRUE;

  switch (change->op)
    {
    case SQLITE_INSERT:
      return _clw_sync_base_txn_put (txn, t, change->new_values, error);

    case SQLITE_DELETE:
      return _clw_sync_base_txn_delete (txn, t, change->id, error);

    case SQLITE_UPDATE:
    default:
      for (guint i = 0; i < t->n_columns; i++)
        if (change->new_values->v[i] != NULL)
          mask |= G_GUINT64_CONSTANT (1) << i;
      return _clw_sync_base_txn_update (txn, t, change->id, change->new_values,
                                        mask & ~skip_mask, error);
    }
}

gboolean
_clw_sync_base_txn_prepare (SyncBaseTxn  *txn,
                            const char   *generation,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = txn_prepare (txn, "UPDATE " BASE_INFO_TABLE " SET value = ?1 WHERE key = 'generation'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, generation, -1, SQLITE_TRANSIENT);
  if (!txn_step_done (txn, stmt, error) || !txn_exec (txn, "COMMIT", error))
    return FALSE;

  g_hash_table_remove_all (txn->statements);
  sqlite3_close (txn->db);
  txn->db = NULL;

  return fsync_path (txn->next_path, error);
}

gboolean
_clw_sync_base_txn_finish (SyncBaseTxn  *txn,
                           GError      **error)
{
  g_return_val_if_fail (txn->db == NULL, FALSE);

  if (g_rename (txn->next_path, txn->path) != 0)
    return io_error (error, errno, _("Could not replace the snapshot of the last sync “%s”"),
                     txn->path);

  txn->finished = TRUE;
  sync_folder_of (txn->path);
  return TRUE;
}

void
_clw_sync_base_txn_free (SyncBaseTxn *txn)
{
  if (txn == NULL)
    return;

  g_clear_pointer (&txn->statements, g_hash_table_unref);
  g_clear_pointer (&txn->update_sql, g_hash_table_unref);
  if (txn->db != NULL)
    sqlite3_close (txn->db);
  if (!txn->finished)
    g_unlink (txn->next_path);
  g_free (txn->path);
  g_free (txn->next_path);
  g_free (txn);
}

/* Checking a base ------------------------------------------------------------------ */

/* Tables and columns a migration added since the base was written. */
static gboolean
base_needs_upgrade (SyncSchema  *schema,
                    const char  *path,
                    gboolean    *needed,
                    GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok = TRUE;

  *needed = FALSE;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("The snapshot of the last sync “%s” cannot be opened (%s)."),
                   path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  for (guint i = 0; i < schema->tables->len && !*needed && ok; i++)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i);
      sqlite3_stmt *stmt = NULL;
      guint n = 0;
      int rc;

      sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, t->name, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);
          if (n >= t->n_columns || !g_str_equal (name, t->columns[n]))
            {
              g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                           _("The snapshot of the last sync “%s” does not match the table %s of "
                             "this database."), path, t->name);
              ok = FALSE;
              break;
            }
          n++;
        }
      sqlite3_finalize (stmt);
      if (ok && n < t->n_columns)
        *needed = TRUE;
    }

  sqlite3_close (db);
  return ok;
}

static gboolean
upgrade_base (ClwDatabase  *db,
              SyncSchema   *schema,
              SyncPeerRow  *peer,
              const char   *path,
              GError      **error)
{
  g_autoptr(SyncBaseTxn) txn = NULL;
  g_autofree char *generation = clw_uuid_new ();
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  txn = _clw_sync_base_txn_begin (schema, path, error);
  if (txn == NULL)
    return FALSE;

  for (guint i = 0; i < schema->tables->len; i++)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i);
      g_autofree char *qt = quote_identifier (t->name);
      sqlite3_stmt *info = NULL;
      guint n = 0;

      sqlite3_prepare_v2 (txn->db, "SELECT count(*) FROM pragma_table_info(?1)", -1, &info, NULL);
      sqlite3_bind_text (info, 1, t->name, -1, SQLITE_STATIC);
      if (sqlite3_step (info) == SQLITE_ROW)
        n = sqlite3_column_int (info, 0);
      sqlite3_finalize (info);

      if (n == 0)
        {
          /* A new table: the peer's migration made it as this one's did. */
          g_autofree char *create = g_strdup_printf ("CREATE TABLE %s (%s)", qt, t->column_defs_sql);
          if (!txn_exec (txn, create, error))
            return FALSE;
          continue;
        }

      for (guint c = n; c < t->n_columns; c++)
        {
          g_autofree char *qc = quote_identifier (t->columns[c]);
          g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s ADD COLUMN %s %s%s%s", qt, qc,
                                                  t->types[c] != NULL ? t->types[c] : "",
                                                  t->defaults[c] != NULL ? " DEFAULT " : "",
                                                  t->defaults[c] != NULL ? t->defaults[c] : "");
          if (!txn_exec (txn, sql, error))
            return FALSE;
        }
    }

  if (!_clw_sync_base_txn_prepare (txn, generation, error))
    return FALSE;

  if (!clw_database_begin (db, error))
    return FALSE;
  stmt = _clw_database_prepare (db, "UPDATE sync_peer SET base_generation = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    {
      clw_database_rollback (db);
      return FALSE;
    }
  _clw_bind_text (stmt, 1, generation);
  _clw_bind_text (stmt, 2, peer->id);
  rc = sqlite3_step (stmt);
  g_clear_pointer (&stmt, _clw_stmt_release);
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("recording the snapshot of the last sync"), error);
      clw_database_rollback (db);
      return FALSE;
    }
  if (!clw_database_commit (db, error))
    return FALSE;

  g_free (peer->base_generation);
  peer->base_generation = g_steal_pointer (&generation);
  return _clw_sync_base_txn_finish (txn, error);
}

gboolean
_clw_sync_base_check (ClwDatabase  *db,
                      SyncSchema   *schema,
                      SyncPeerRow  *peer,
                      GError      **error)
{
  g_autofree char *path = _clw_sync_base_path (clw_database_get_path (db), peer->id);
  g_autofree char *next = g_strconcat (path, NEXT_SUFFIX, NULL);
  g_autofree char *generation = NULL;
  gboolean upgrade;

  /* What an interrupted sync left: finish it if the database committed. */
  if (g_file_test (next, G_FILE_TEST_EXISTS))
    {
      g_autofree char *next_generation = read_generation (next);

      if (next_generation != NULL && g_str_equal (next_generation, peer->base_generation))
        {
          if (g_rename (next, path) != 0)
            return io_error (error, errno, _("Could not replace the snapshot of the last sync “%s”"),
                             path);
          sync_folder_of (path);
        }
      else
        g_unlink (next);
    }

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("The snapshot of the last sync with “%s” is missing (%s should be beside "
                     "the database). Without it this copy cannot tell its changes from the other "
                     "copy's: restore it from a backup, or make a new copy for the meeting."),
                   peer->name, path);
      return FALSE;
    }

  generation = read_generation (path);
  if (generation == NULL || !g_str_equal (generation, peer->base_generation))
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                   _("The snapshot of the last sync with “%s” (%s) does not belong to this "
                     "database as it is now (was one of them restored from a backup?). Restore "
                     "both from the same backup, or make a new copy for the meeting."),
                   peer->name, path);
      return FALSE;
    }

  if (!base_needs_upgrade (schema, path, &upgrade, error))
    return FALSE;
  if (upgrade && !upgrade_base (db, schema, peer, path, error))
    return FALSE;

  return TRUE;
}

/* The difference ------------------------------------------------------------------- */

static gboolean
build_extract (ClwDatabase  *db,
               SyncSchema   *schema,
               const char   *cluster_id,
               GError      **error)
{
  for (guint i = 0; i < schema->tables->len; i++)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i);
      g_autofree char *qt = quote_identifier (t->name);
      g_autofree char *create = g_strdup_printf ("CREATE TABLE " SYNC_CUR_SCHEMA ".%s (%s)",
                                                 qt, t->column_defs_sql);
      g_autofree char *copy = NULL;
      g_autoptr(ClwStmt) stmt = NULL;
      const char *filter;
      SyncScopeKind kind;
      int rc;

      if (!clw_database_exec (db, create, error))
        return FALSE;

      kind = _clw_sync_scope_of_table (t->name, &filter);
      if (kind == SYNC_SCOPE_NONE)
        continue;

      copy = g_strdup_printf ("INSERT INTO " SYNC_CUR_SCHEMA ".%s (%s) SELECT %s FROM main.%s%s%s%s",
                              qt, t->column_list_sql, t->column_list_sql, qt,
                              kind == SYNC_SCOPE_CLUSTER ? " WHERE coalesce((" : "",
                              kind == SYNC_SCOPE_CLUSTER ? filter : "",
                              kind == SYNC_SCOPE_CLUSTER ? "), 0)" : "");
      stmt = _clw_database_prepare (db, copy, error);
      if (stmt == NULL)
        return FALSE;
      if (kind == SYNC_SCOPE_CLUSTER)
        _clw_bind_text (stmt, 1, cluster_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (db, rc, _("gathering the changes of the cluster"), error);
    }

  return TRUE;
}

GBytes *
_clw_sync_diff (ClwDatabase  *db,
                SyncSchema   *schema,
                SyncPeerRow  *peer,
                GHashTable  **base_files,
                GError      **error)
{
  g_autofree char *path = _clw_sync_base_path (clw_database_get_path (db), peer->id);
  sqlite3 *handle = _clw_database_get_handle (db);
  sqlite3_session *session = NULL;
  const char *source = "main";
  gboolean extract = peer->scope == CLW_SCOPE_CLUSTER;
  GBytes *changeset = NULL;
  int rc;

  g_return_val_if_fail (!clw_database_in_transaction (db), NULL);

  if (!attach (db, path, SYNC_BASE_SCHEMA, error))
    return NULL;
  if (extract && !attach (db, ":memory:", SYNC_CUR_SCHEMA, error))
    {
      detach (db, SYNC_BASE_SCHEMA);
      return NULL;
    }

  /* One read of the database, whatever is written meanwhile. */
  if (!clw_database_exec (db, "BEGIN", error))
    goto out;

  if (extract)
    {
      if (!build_extract (db, schema, peer->scope_id, error))
        goto out;
      source = SYNC_CUR_SCHEMA;
    }

  rc = sqlite3session_create (handle, source, &session);
  if (rc != SQLITE_OK)
    {
      _clw_database_set_error (db, rc, _("comparing with the last sync"), error);
      goto out;
    }

  for (guint i = 0; i < schema->tables->len; i++)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i);
      char *message = NULL;

      rc = sqlite3session_attach (session, t->name);
      if (rc == SQLITE_OK)
        rc = sqlite3session_diff (session, SYNC_BASE_SCHEMA, t->name, &message);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_BASE,
                       _("Could not compare the table %s with the snapshot of the last sync "
                         "“%s” (%s)."), t->name, path, message != NULL ? message : sqlite3_errstr (rc));
          sqlite3_free (message);
          goto out;
        }
    }

  {
    int size = 0;
    void *data = NULL;

    rc = sqlite3session_changeset (session, &size, &data);
    if (rc != SQLITE_OK)
      {
        _clw_database_set_error (db, rc, _("gathering the changes"), error);
        goto out;
      }
    changeset = g_bytes_new (data, size);
    sqlite3_free (data);
  }

  if (base_files != NULL)
    {
      g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (_clw_sync_schema_lookup (schema, "evidence") != NULL)
        {
          g_autoptr(ClwStmt) stmt = _clw_database_prepare (db,
                                                           "SELECT DISTINCT sha256 FROM "
                                                           SYNC_BASE_SCHEMA ".evidence WHERE sha256 != ''",
                                                           error);
          if (stmt == NULL)
            {
              g_clear_pointer (&changeset, g_bytes_unref);
              goto out;
            }
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            g_hash_table_add (files, _clw_column_dup (stmt, 0));
        }
      *base_files = g_steal_pointer (&files);
    }

out:
  if (session != NULL)
    sqlite3session_delete (session);
  if (sqlite3_get_autocommit (handle) == 0)
    clw_database_exec (db, "ROLLBACK", NULL);
  if (extract)
    detach (db, SYNC_CUR_SCHEMA);
  detach (db, SYNC_BASE_SCHEMA);
  return changeset;
}
