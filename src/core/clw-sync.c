/* clw-sync.c: offline copies and bringing their work back together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model (docs/sync.md): two copies that sync are peers. Each keeps, for
 * the other, a base: what the other is known to hold. An export sends the
 * difference between the base and the database, and leaves the base alone:
 * the bundle may never arrive. An import applies the peer's changes, and
 * brings the base up to what the peer holds: its changes that applied
 * here, and of this copy's own changes, those the peer confirms having
 * applied (the bundle names the last one it applied, and what of it it
 * could not). So a change is sent until the peer confirms it, and sending
 * it again changes nothing; and a conflict keeps the base at what both had
 * before, so that the peer meets the same conflict and lists it too.
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "clw-attachment-store.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-files.h"
#include "clw-sync-private.h"
#include "clw-record.h"

#define BUNDLE_SUFFIX ".clwsync"

static ClwSyncTestHook test_hook;
static gpointer test_hook_data;

void
_clw_sync_set_test_hook (ClwSyncTestHook hook,
                         gpointer        user_data)
{
  test_hook = hook;
  test_hook_data = user_data;
}

void
_clw_sync_run_test_hook (const char *stage)
{
  if (test_hook != NULL)
    test_hook (stage, test_hook_data);
}

/* Peers ---------------------------------------------------------------------------- */

#define PEER_COLUMNS "id, name, lineage_id, scope, scope_id, made_at, base_generation, out_seq, " \
                     "confirmed_seq, in_seq, in_bundle_id, in_unanswered, last_export_at, " \
                     "last_import_at, last_import_author"

void
_clw_sync_peer_row_free (SyncPeerRow *peer)
{
  if (peer == NULL)
    return;
  g_free (peer->id);
  g_free (peer->name);
  g_free (peer->lineage_id);
  g_free (peer->scope_id);
  g_free (peer->made_at);
  g_free (peer->base_generation);
  g_free (peer->in_bundle_id);
  g_free (peer->last_export_at);
  g_free (peer->last_import_at);
  g_free (peer->last_import_author);
  g_free (peer);
}

static SyncPeerRow *
peer_from_stmt (ClwStmt *stmt)
{
  SyncPeerRow *peer = g_new0 (SyncPeerRow, 1);

  peer->id = _clw_column_dup (stmt, 0);
  peer->name = _clw_column_dup (stmt, 1);
  peer->lineage_id = _clw_column_dup (stmt, 2);
  peer->scope = g_strcmp0 (_clw_column_text (stmt, 3), "cluster") == 0 ? CLW_SCOPE_CLUSTER : CLW_SCOPE_ALL;
  peer->scope_id = _clw_column_dup (stmt, 4);
  peer->made_at = _clw_column_dup (stmt, 5);
  peer->base_generation = _clw_column_dup (stmt, 6);
  peer->out_seq = sqlite3_column_int64 (stmt, 7);
  peer->confirmed_seq = sqlite3_column_int64 (stmt, 8);
  peer->in_seq = sqlite3_column_int64 (stmt, 9);
  peer->in_bundle_id = _clw_column_dup (stmt, 10);
  peer->in_unanswered = sqlite3_column_int (stmt, 11) != 0;
  peer->last_export_at = _clw_column_dup (stmt, 12);
  peer->last_import_at = _clw_column_dup (stmt, 13);
  peer->last_import_author = _clw_column_dup (stmt, 14);
  return peer;
}

SyncPeerRow *
_clw_sync_peer_load (ClwDatabase  *db,
                     const char   *id,
                     GError      **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT " PEER_COLUMNS " FROM sync_peer WHERE id = ?1",
                                                   error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return peer_from_stmt (stmt);
  if (rc != SQLITE_DONE)
    _clw_database_set_error (db, rc, _("reading the copies this one syncs with"), error);
  return NULL;
}

GPtrArray *
_clw_sync_peer_list (ClwDatabase  *db,
                     GError      **error)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT " PEER_COLUMNS " FROM sync_peer "
                                                   "ORDER BY made_at, name", error);
  g_autoptr(GPtrArray) peers = g_ptr_array_new_with_free_func ((GDestroyNotify) _clw_sync_peer_row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (peers, peer_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("reading the copies this one syncs with"), error);
      return NULL;
    }
  return g_steal_pointer (&peers);
}

static SyncPeerRow *
find_peer (ClwDatabase  *db,
           const char   *wanted,
           GError      **error)
{
  g_autoptr(GPtrArray) peers = _clw_sync_peer_list (db, error);
  g_autoptr(GString) names = g_string_new (NULL);
  SyncPeerRow *found = NULL;
  guint n_found = 0;

  if (peers == NULL)
    return NULL;

  for (guint i = 0; i < peers->len; i++)
    {
      SyncPeerRow *peer = g_ptr_array_index (peers, i);

      g_string_append_printf (names, "%s“%s” (%s)", i > 0 ? ", " : "", peer->name, peer->id);
      if (wanted == NULL || g_str_equal (wanted, peer->id) || g_str_equal (wanted, peer->name))
        {
          found = peer;
          n_found++;
        }
    }

  if (peers->len == 0)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_NO_PEER,
                   _("This database has no copy to sync with. Make one with “Take a copy for a "
                     "meeting” (clwstwr-cli copy-for-meeting)."));
      return NULL;
    }
  if (n_found == 0)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_NO_PEER,
                   _("No copy called “%s” syncs with this database; the copies are %s."),
                   wanted, names->str);
      return NULL;
    }
  if (n_found > 1)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_NO_PEER,
                   _("This database syncs with several copies (%s): say which, by its name or id."),
                   names->str);
      return NULL;
    }

  return _clw_sync_peer_load (db, found->id, error);
}

/* This copy ------------------------------------------------------------------------------ */

char *
clw_sync_get_database_id (ClwDatabase *db)
{
  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  return clw_database_get_meta (db, "database-id");
}

char *
clw_sync_get_name (ClwDatabase *db)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  name = clw_database_get_meta (db, "sync-name");
  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  return g_path_get_basename (clw_database_get_path (db));
}

gboolean
clw_sync_set_name (ClwDatabase  *db,
                   const char   *name,
                   GError      **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("A copy needs a name that people recognise."));
      return FALSE;
    }

  return clw_database_set_meta (db, "sync-name", stripped, error);
}

/* The cluster this copy holds, or NULL when it holds everything. */
static char *
own_cluster (ClwDatabase *db)
{
  g_autofree char *scope = clw_database_get_meta (db, "sync-scope");

  if (g_strcmp0 (scope, "cluster") != 0)
    return NULL;
  return clw_database_get_meta (db, "sync-scope-id");
}

static char *
cluster_name (ClwDatabase *db,
              const char  *cluster_id)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT name FROM cluster WHERE id = ?1", NULL);

  if (stmt != NULL && cluster_id != NULL)
    {
      _clw_bind_text (stmt, 1, cluster_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return _clw_column_dup (stmt, 0);
    }
  return g_strdup (cluster_id);
}

static guint
count_changes (GBytes *changeset)
{
  sqlite3_changeset_iter *iter = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  guint n = 0;

  if (size == 0 || sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    return 0;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    n++;
  sqlite3changeset_finalize (iter);
  return n;
}

/* Run SQL binding @n text parameters in order (a NULL one binds NULL). */
static gboolean
exec_bound (ClwDatabase  *db,
            const char   *sql,
            const char   *what,
            GError      **error,
            guint         n,
            ...)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, error);
  va_list args;
  int rc;

  if (stmt == NULL)
    return FALSE;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    _clw_bind_text (stmt, i + 1, va_arg (args, const char *));
  va_end (args);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _clw_database_set_error (db, rc, what, error);
  return TRUE;
}

/* Status ------------------------------------------------------------------------------ */

/* The count of @sql, which takes the peer's id as ?1 and, when it has one,
 * a number as ?2. */
static guint
count_rows (ClwDatabase *db,
            const char  *sql,
            const char  *peer_id,
            gint64       number)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, NULL);

  if (stmt == NULL)
    return 0;
  _clw_bind_text (stmt, 1, peer_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

ClwSyncStatus *
clw_sync_get_status (ClwDatabase  *db,
                     GError      **error)
{
  g_autoptr(ClwSyncStatus) status = NULL;
  g_autoptr(SyncSchema) schema = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autofree char *cluster = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  status = g_object_new (CLW_TYPE_SYNC_STATUS, NULL);
  status->database_id = clw_sync_get_database_id (db);
  status->name = clw_sync_get_name (db);
  cluster = own_cluster (db);
  status->scope = cluster != NULL ? CLW_SCOPE_CLUSTER : CLW_SCOPE_ALL;
  status->scope_id = g_steal_pointer (&cluster);

  schema = _clw_sync_schema_load (db, error);
  peers = schema != NULL ? _clw_sync_peer_list (db, error) : NULL;
  if (peers == NULL)
    return NULL;

  for (guint i = 0; i < peers->len; i++)
    {
      SyncPeerRow *row = g_ptr_array_index (peers, i);
      g_autoptr(ClwSyncPeer) peer = g_object_new (CLW_TYPE_SYNC_PEER, NULL);
      g_autoptr(GBytes) changeset = NULL;

      if (!_clw_sync_base_check (db, schema, row, error))
        return NULL;
      changeset = _clw_sync_diff (db, schema, row, NULL, error);
      if (changeset == NULL)
        return NULL;

      peer->id = g_strdup (row->id);
      peer->name = g_strdup (row->name);
      peer->scope = row->scope;
      peer->scope_id = g_strdup (row->scope_id);
      peer->scope_name = row->scope == CLW_SCOPE_CLUSTER ? cluster_name (db, row->scope_id) : NULL;
      peer->made_at = g_strdup (row->made_at);
      peer->last_import_at = g_strdup (row->last_import_at);
      peer->last_import_author = g_strdup (row->last_import_author);
      peer->last_export_at = g_strdup (row->last_export_at);
      peer->n_pending = count_changes (changeset);
      peer->n_unconfirmed = count_rows (db, "SELECT count(*) FROM sync_sent WHERE peer_id = ?1 AND seq > ?2",
                                        row->id, row->confirmed_seq);
      peer->n_conflicts = count_rows (db, "SELECT count(*) FROM sync_conflict WHERE peer_id = ?1 "
                                      "AND state = 'open'", row->id, 0);

      status->n_pending += peer->n_pending;
      status->n_unconfirmed += peer->n_unconfirmed;
      status->n_conflicts += peer->n_conflicts;
      if (row->last_import_at != NULL && g_strcmp0 (row->last_import_at, status->last_sync_at) > 0)
        {
          g_free (status->last_sync_at);
          g_free (status->last_sync_peer);
          status->last_sync_at = g_strdup (row->last_import_at);
          status->last_sync_peer = g_strdup (row->name);
        }

      g_list_store_append (status->peers, peer);
    }

  return g_steal_pointer (&status);
}

/* Export ------------------------------------------------------------------------------ */

static GVariant *
build_manifest (ClwDatabase  *db,
                SyncPeerRow  *peer,
                const char   *bundle_id,
                gint64        seq,
                const char   *made_at,
                guint         n_changes,
                GBytes       *changeset,
                GPtrArray    *hashes,
                GPtrArray    *contents,
                GError      **error)
{
  g_autoptr(GVariantBuilder) dict = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariantBuilder) rejected = g_variant_builder_new (G_VARIANT_TYPE ("a(sss)"));
  g_autoptr(GVariantBuilder) settled = g_variant_builder_new (G_VARIANT_TYPE ("a(ssss)"));
  g_autoptr(GVariantBuilder) files = g_variant_builder_new (G_VARIANT_TYPE ("a(st)"));
  g_autofree char *my_id = clw_sync_get_database_id (db);
  g_autofree char *my_name = clw_sync_get_name (db);
  g_autofree char *cluster = own_cluster (db);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, changeset);
  g_autofree char *acks_bundle = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = _clw_database_prepare (db,
                                "SELECT table_name, row_id, column_name FROM sync_rejected "
                                "WHERE peer_id = ?1 ORDER BY 1, 2, 3",
                                error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, peer->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add (rejected, "(sss)", _clw_column_text (stmt, 0), _clw_column_text (stmt, 1),
                           _clw_column_text (stmt, 2));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("reading what was not applied"), error);
      return NULL;
    }
  g_clear_pointer (&stmt, _clw_stmt_release);

  stmt = _clw_database_prepare (db,
                                "SELECT s.table_name, s.row_id, s.column_name, s.value_json "
                                "FROM sync_settled s JOIN sync_conflict c ON c.id = s.conflict_id "
                                "WHERE s.peer_id = ?1 AND c.state = 'resolved' AND c.confirmed = 0 "
                                "ORDER BY 1, 2, 3",
                                error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, peer->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add (settled, "(ssss)", _clw_column_text (stmt, 0), _clw_column_text (stmt, 1),
                           _clw_column_text (stmt, 2), _clw_column_text (stmt, 3));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("reading the resolved conflicts"), error);
      return NULL;
    }
  g_clear_pointer (&stmt, _clw_stmt_release);

  for (guint i = 0; i < hashes->len; i++)
    g_variant_builder_add (files, "(st)", g_ptr_array_index (hashes, i),
                           (guint64) g_bytes_get_size (g_ptr_array_index (contents, i)));

  acks_bundle = g_strdup (peer->in_bundle_id != NULL ? peer->in_bundle_id : "");

  g_variant_builder_add (dict, "{sv}", "bundle-id", g_variant_new_string (bundle_id));
  g_variant_builder_add (dict, "{sv}", "from", g_variant_new_string (my_id));
  g_variant_builder_add (dict, "{sv}", "from-name", g_variant_new_string (my_name));
  g_variant_builder_add (dict, "{sv}", "to", g_variant_new_string (peer->id));
  g_variant_builder_add (dict, "{sv}", "lineage", g_variant_new_string (peer->lineage_id));
  g_variant_builder_add (dict, "{sv}", "seq", g_variant_new_uint64 (seq));
  g_variant_builder_add (dict, "{sv}", "made-at", g_variant_new_string (made_at));
  g_variant_builder_add (dict, "{sv}", "author", g_variant_new_string (clw_database_get_user (db)));
  g_variant_builder_add (dict, "{sv}", "app-version", g_variant_new_string (PACKAGE_VERSION));
  g_variant_builder_add (dict, "{sv}", "schema-version", g_variant_new_int32 (clw_database_get_version (db)));
  g_variant_builder_add (dict, "{sv}", "scope", g_variant_new_string (cluster != NULL ? "cluster" : "all"));
  g_variant_builder_add (dict, "{sv}", "scope-id", g_variant_new_string (cluster != NULL ? cluster : ""));
  g_variant_builder_add (dict, "{sv}", "acks-seq", g_variant_new_uint64 (peer->in_seq));
  g_variant_builder_add (dict, "{sv}", "acks-bundle", g_variant_new_string (acks_bundle));
  g_variant_builder_add (dict, "{sv}", "confirmed-seq", g_variant_new_uint64 (peer->confirmed_seq));
  g_variant_builder_add (dict, "{sv}", "rejected", g_variant_builder_end (rejected));
  g_variant_builder_add (dict, "{sv}", "settled", g_variant_builder_end (settled));
  g_variant_builder_add (dict, "{sv}", "changes", g_variant_new_uint32 (n_changes));
  g_variant_builder_add (dict, "{sv}", "changeset-size", g_variant_new_uint64 (g_bytes_get_size (changeset)));
  g_variant_builder_add (dict, "{sv}", "changeset-sha256", g_variant_new_string (sha256));
  g_variant_builder_add (dict, "{sv}", "files", g_variant_builder_end (files));

  return g_variant_ref_sink (g_variant_builder_end (dict));
}

/* The evidence files the peer lacks: those of rows the changeset adds or
 * changes that no row of its base names. */
static void
gather_files (ClwDatabase    *db,
              GPtrArray      *changes,
              GHashTable     *base_files,
              GPtrArray      *hashes,
              GPtrArray      *contents,
              ClwSyncReport  *report)
{
  g_autoptr(ClwAttachmentStore) store = clw_attachment_store_new (clw_database_get_path (db));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      SyncChange *c = g_ptr_array_index (changes, i);
      int column;
      sqlite3_value *v;
      const char *sha256;
      g_autoptr(GBytes) content = NULL;
      g_autoptr(GError) local_error = NULL;

      if (c->op == SQLITE_DELETE || !g_str_equal (c->table->name, "evidence"))
        continue;
      column = _clw_sync_table_find_column (c->table, "sha256");
      if (column < 0 || (v = c->new_values->v[column]) == NULL || sqlite3_value_type (v) != SQLITE_TEXT)
        continue;
      sha256 = (const char *) sqlite3_value_text (v);
      if (*sha256 == '\0' || g_hash_table_contains (base_files, sha256) ||
          g_hash_table_contains (seen, sha256))
        continue;
      g_hash_table_add (seen, g_strdup (sha256));

      content = clw_attachment_store_load (store, sha256, CLW_SYNC_MAX_BUNDLE_SIZE, &local_error);
      if (content == NULL)
        {
          g_autofree char *note = g_strdup_printf (_("The evidence file %s is not in this copy (%s): "
                                                     "the other copy will lack it too."),
                                                   sha256, local_error->message);
          _clw_sync_report_add_note (report, note);
          report->n_missing_files++;
          continue;
        }

      g_ptr_array_add (hashes, g_strdup (sha256));
      g_ptr_array_add (contents, g_steal_pointer (&content));
    }

  report->n_files = hashes->len;
}

/* Write a bundle for @peer at @path. With @only_if_new, write nothing when
 * the peer has nothing new to hear (the last bundle still says it all). */
static ClwSyncReport *
export_for_peer (ClwDatabase  *db,
                 SyncSchema   *schema,
                 SyncPeerRow  *peer,
                 const char   *path,
                 gboolean      only_if_new,
                 gboolean     *written,
                 GError      **error)
{
  g_autoptr(ClwSyncReport) report = _clw_sync_report_new ();
  g_autoptr(GHashTable) base_files = NULL;
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GVariant) manifest = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *bundle_id = clw_uuid_new ();
  g_autofree char *made_at = clw_timestamp_now ();
  g_autofree char *sha256 = NULL;
  g_autofree char *seq_text = NULL;
  gint64 seq;

  *written = FALSE;

  if (!_clw_sync_base_check (db, schema, peer, error))
    return NULL;

  changeset = _clw_sync_diff (db, schema, peer, &base_files, error);
  if (changeset == NULL)
    return NULL;
  changes = _clw_sync_changeset_parse (schema, changeset, clw_database_get_path (db), error);
  if (changes == NULL)
    return NULL;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, changeset);

  if (only_if_new)
    {
      gboolean news = peer->in_unanswered;

      if (!news)
        news = count_rows (db, "SELECT count(*) FROM sync_conflict WHERE peer_id = ?1 AND "
                           "state = 'resolved' AND sent_seq IS NULL", peer->id, 0) > 0;
      if (!news && changes->len > 0)
        {
          g_autoptr(ClwStmt) stmt = _clw_database_prepare (db,
                                                           "SELECT changeset_sha256 FROM sync_sent "
                                                           "WHERE peer_id = ?1 AND seq = ?2 AND seq > ?3",
                                                           error);
          if (stmt == NULL)
            return NULL;
          _clw_bind_text (stmt, 1, peer->id);
          sqlite3_bind_int64 (stmt, 2, peer->out_seq);
          sqlite3_bind_int64 (stmt, 3, peer->confirmed_seq);
          news = sqlite3_step (stmt) != SQLITE_ROW || g_strcmp0 (_clw_column_text (stmt, 0), sha256) != 0;
        }
      if (!news)
        {
          report->peer_name = g_strdup (peer->name);
          return g_steal_pointer (&report);
        }
    }

  gather_files (db, changes, base_files, hashes, contents, report);

  seq = peer->out_seq + 1;
  manifest = build_manifest (db, peer, bundle_id, seq, made_at, changes->len, changeset, hashes,
                             contents, error);
  if (manifest == NULL)
    return NULL;

  /* Recorded first: a bundle that was written is always known here. */
  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  if (!clw_database_begin (db, error))
    return NULL;
  {
    g_autoptr(ClwStmt) stmt = _clw_database_prepare (db,
                                                     "INSERT INTO sync_sent (peer_id, seq, bundle_id, "
                                                     "made_at, changeset_sha256, changeset) VALUES "
                                                     "(?1, ?2, ?3, ?4, ?5, ?6)",
                                                     error);
    gsize size;
    gconstpointer data = g_bytes_get_data (changeset, &size);
    int rc;

    if (stmt == NULL)
      goto failed;
    _clw_bind_text (stmt, 1, peer->id);
    sqlite3_bind_int64 (stmt, 2, seq);
    _clw_bind_text (stmt, 3, bundle_id);
    _clw_bind_text (stmt, 4, made_at);
    _clw_bind_text (stmt, 5, sha256);
    sqlite3_bind_blob64 (stmt, 6, data != NULL ? data : "", size, SQLITE_TRANSIENT);
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_DONE)
      {
        _clw_database_set_error (db, rc, _("recording the bundle"), error);
        goto failed;
      }
  }
  if (!exec_bound (db, "UPDATE sync_peer SET out_seq = ?2, last_export_at = ?3, in_unanswered = 0 "
                   "WHERE id = ?1", _("recording the bundle"), error, 3,
                   peer->id, seq_text, made_at) ||
      !exec_bound (db, "UPDATE sync_conflict SET sent_seq = ?2 WHERE peer_id = ?1 AND "
                   "state = 'resolved' AND sent_seq IS NULL", _("recording the bundle"), error, 2,
                   peer->id, seq_text) ||
      !clw_database_commit (db, error))
    goto failed;

  bytes = _clw_sync_bundle_serialize (manifest, changeset, hashes, contents);
  if (!clw_files_write_private (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;

  *written = TRUE;
  peer->out_seq = seq;
  report->path = g_strdup (path);
  report->peer_name = g_strdup (peer->name);
  report->author = g_strdup (clw_database_get_user (db));
  report->made_at = g_steal_pointer (&made_at);
  report->n_changes = changes->len;
  return g_steal_pointer (&report);

failed:
  clw_database_rollback (db);
  return NULL;
}

ClwSyncReport *
clw_sync_export (ClwDatabase  *db,
                 const char   *peer,
                 const char   *path,
                 GError      **error)
{
  g_autoptr(SyncSchema) schema = NULL;
  g_autoptr(SyncPeerRow) row = NULL;
  gboolean written;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  schema = _clw_sync_schema_load (db, error);
  if (schema == NULL)
    return NULL;
  row = find_peer (db, peer, error);
  if (row == NULL)
    return NULL;

  return export_for_peer (db, schema, row, path, FALSE, &written, error);
}

/* Import ------------------------------------------------------------------------------ */

static gboolean
refuse_bundle (GError     **error,
               int          code,
               const char  *message)
{
  g_set_error_literal (error, CLW_SYNC_ERROR, code, message);
  return FALSE;
}

/* Everything that can be checked before touching anything. */
static gboolean
check_bundle (ClwDatabase    *db,
              ClwSyncBundle  *bundle,
              SyncPeerRow   **peer_out,
              GError        **error)
{
  GVariant *manifest = _clw_sync_bundle_get_manifest (bundle);
  g_autofree char *my_id = clw_sync_get_database_id (db);
  g_autoptr(SyncPeerRow) peer = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  const char *lineage, *acks_bundle;
  guint64 acks_seq, confirmed_seq;
  gint32 schema_version;
  const char *from_name = clw_sync_bundle_get_from_name (bundle);
  g_autofree char *message = NULL;
  int rc;

  g_variant_lookup (manifest, "lineage", "&s", &lineage);
  g_variant_lookup (manifest, "acks-bundle", "&s", &acks_bundle);
  g_variant_lookup (manifest, "acks-seq", "t", &acks_seq);
  g_variant_lookup (manifest, "confirmed-seq", "t", &confirmed_seq);
  g_variant_lookup (manifest, "schema-version", "i", &schema_version);

  if (g_strcmp0 (clw_sync_bundle_get_from_id (bundle), my_id) == 0)
    return refuse_bundle (error, CLW_SYNC_ERROR_NOT_FOR_US,
                          _("This bundle was made by this copy itself, for another copy: import it "
                            "there. Nothing was changed."));

  if (g_strcmp0 (clw_sync_bundle_get_to_id (bundle), my_id) != 0)
    {
      message = g_strdup_printf (_("This bundle was made by “%s” for another copy (%s), not for this "
                                   "one: import it there. Nothing was changed."),
                                 from_name, clw_sync_bundle_get_to_id (bundle));
      return refuse_bundle (error, CLW_SYNC_ERROR_NOT_FOR_US, message);
    }

  peer = _clw_sync_peer_load (db, clw_sync_bundle_get_from_id (bundle), error);
  if (peer == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      message = g_strdup_printf (_("This bundle comes from “%s”, which this database has never synced "
                                   "with: neither was made from the other. Nothing was changed."),
                                 from_name);
      return refuse_bundle (error, CLW_SYNC_ERROR_UNKNOWN_COPY, message);
    }

  if (!g_str_equal (lineage, peer->lineage_id))
    {
      message = g_strdup_printf (_("This bundle from “%s” was built on another base than the one this "
                                   "copy shares with it (was one of them made again?). Nothing was "
                                   "changed."), from_name);
      return refuse_bundle (error, CLW_SYNC_ERROR_OTHER_BASE, message);
    }

  if (schema_version != clw_database_get_version (db))
    {
      message = g_strdup_printf (_("This bundle from “%s” was made with database version %d; this "
                                   "copy is at version %d. Run the same version of Clwstwr on both "
                                   "copies. Nothing was changed."),
                                 from_name, schema_version, clw_database_get_version (db));
      return refuse_bundle (error, CLW_SYNC_ERROR_VERSION, message);
    }

  /* A peer made as a copy of one cluster must say it still is one. */
  if (peer->scope == CLW_SCOPE_CLUSTER &&
      (clw_sync_bundle_get_scope (bundle) != CLW_SCOPE_CLUSTER ||
       g_strcmp0 (clw_sync_bundle_get_scope_id (bundle), peer->scope_id) != 0))
    {
      message = g_strdup_printf (_("This bundle from “%s” says it holds something other than what this "
                                   "copy made it for. Nothing was changed."), from_name);
      return refuse_bundle (error, CLW_SYNC_ERROR_OUT_OF_SCOPE, message);
    }

  stmt = _clw_database_prepare (db, "SELECT applied_at, applied_by FROM sync_applied WHERE bundle_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, clw_sync_bundle_get_id (bundle));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      message = g_strdup_printf (_("This bundle from “%s” was imported already, on %s by %s. "
                                   "Nothing more was changed."),
                                 from_name, _clw_column_text (stmt, 0), _clw_column_text (stmt, 1));
      return refuse_bundle (error, CLW_SYNC_ERROR_ALREADY_APPLIED, message);
    }
  g_clear_pointer (&stmt, _clw_stmt_release);

  if ((gint64) clw_sync_bundle_get_seq (bundle) <= peer->in_seq)
    {
      message = g_strdup_printf (_("This bundle from “%s” (number %llu) is older than "
                                   "one imported already (number %lld), which carried "
                                   "all of its changes. Nothing was changed."),
                                 from_name, (unsigned long long) clw_sync_bundle_get_seq (bundle), (long long) peer->in_seq);
      return refuse_bundle (error, CLW_SYNC_ERROR_SUPERSEDED, message);
    }

  /* The base it was built on: what it says it heard from this copy. */
  if ((gint64) acks_seq > peer->out_seq || (gint64) acks_seq < peer->confirmed_seq)
    {
      message = g_strdup_printf (_("This bundle from “%s” answers bundle %llu of this "
                                   "copy's, which does not match what this copy sent (was one of them "
                                   "restored from a backup?). Nothing was changed."),
                                 from_name, (unsigned long long) acks_seq);
      return refuse_bundle (error, CLW_SYNC_ERROR_OTHER_BASE, message);
    }
  if (acks_seq > 0)
    {
      stmt = _clw_database_prepare (db, "SELECT bundle_id FROM sync_sent WHERE peer_id = ?1 AND seq = ?2",
                                    error);
      if (stmt == NULL)
        return FALSE;
      _clw_bind_text (stmt, 1, peer->id);
      sqlite3_bind_int64 (stmt, 2, acks_seq);
      if (sqlite3_step (stmt) != SQLITE_ROW || g_strcmp0 (_clw_column_text (stmt, 0), acks_bundle) != 0)
        {
          message = g_strdup_printf (_("This bundle from “%s” was built on a bundle this copy never "
                                       "made (was this copy restored from a backup?). Nothing was "
                                       "changed."), from_name);
          return refuse_bundle (error, CLW_SYNC_ERROR_OTHER_BASE, message);
        }
    }
  if ((gint64) confirmed_seq > peer->in_seq)
    {
      message = g_strdup_printf (_("This bundle from “%s” counts on changes of its own that this copy "
                                   "has lost (was this copy restored from a backup?). Nothing was "
                                   "changed."), from_name);
      return refuse_bundle (error, CLW_SYNC_ERROR_OTHER_BASE, message);
    }

  *peer_out = g_steal_pointer (&peer);
  return TRUE;
}

/* A large transaction: keep its pages in memory rather than spill them to
 * the WAL half-way, and keep statement journals (each statement that fires
 * the audit and search triggers opens one) in memory too. */
typedef struct
{
  int cache_size;
  int temp_store;
} Tuning;

static int
pragma_int (ClwDatabase *db,
            const char  *sql)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

static void
tune_for_bulk (ClwDatabase *db,
               Tuning      *saved)
{
  saved->cache_size = pragma_int (db, "PRAGMA cache_size");
  saved->temp_store = pragma_int (db, "PRAGMA temp_store");
  clw_database_exec (db, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY", NULL);
}

static void
untune (ClwDatabase *db,
        Tuning      *saved)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA temp_store = %d",
                                          saved->cache_size, saved->temp_store);

  clw_database_exec (db, sql, NULL);
}

static gboolean
store_files (ClwDatabase    *db,
             ClwSyncBundle  *bundle,
             GError        **error)
{
  g_autoptr(ClwAttachmentStore) store = clw_attachment_store_new (clw_database_get_path (db));
  GHashTableIter iter;
  const char *sha256;
  GBytes *content;

  g_hash_table_iter_init (&iter, _clw_sync_bundle_get_files (bundle));
  while (g_hash_table_iter_next (&iter, (gpointer *) &sha256, (gpointer *) &content))
    {
      g_autofree char *stored = clw_attachment_store_add_bytes (store, content, sha256, error);
      if (stored == NULL)
        return FALSE;
    }
  return TRUE;
}

static guint
count_missing_files (ClwDatabase *db)
{
  g_autoptr(ClwAttachmentStore) store = clw_attachment_store_new (clw_database_get_path (db));
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT DISTINCT sha256 FROM evidence "
                                                   "WHERE sha256 != ''", NULL);
  guint missing = 0;

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    if (!clw_attachment_store_has (store, _clw_column_text (stmt, 0)))
      missing++;
  return missing;
}

static ClwSyncReport *import_bundle_tuned (ClwDatabase    *db,
                                           ClwSyncBundle  *bundle,
                                           const char     *path,
                                           GError        **error);

static ClwSyncReport *
import_bundle (ClwDatabase    *db,
               ClwSyncBundle  *bundle,
               const char     *path,
               GError        **error)
{
  Tuning saved;
  ClwSyncReport *report;

  tune_for_bulk (db, &saved);
  report = import_bundle_tuned (db, bundle, path, error);
  untune (db, &saved);
  return report;
}

static ClwSyncReport *
import_bundle_tuned (ClwDatabase    *db,
                     ClwSyncBundle  *bundle,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(SyncPeerRow) peer = NULL;
  g_autoptr(SyncSchema) schema = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(SyncBaseTxn) base = NULL;
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *base_path = NULL;
  g_autofree char *generation = clw_uuid_new ();
  g_autofree char *now = clw_timestamp_now ();
  g_autofree char *label = NULL;
  g_autofree char *seq_text = NULL;
  g_autofree char *acks_text = NULL;
  g_autofree char *counts_text = NULL;
  g_autoptr(GVariantIter) settled = NULL;
  GVariant *manifest = _clw_sync_bundle_get_manifest (bundle);
  SyncApplyCounts counts = { 0 };
  guint64 acks_seq;
  gboolean unanswered;

  if (!check_bundle (db, bundle, &peer, error))
    return NULL;

  schema = _clw_sync_schema_load (db, error);
  if (schema == NULL)
    return NULL;
  changes = _clw_sync_changeset_parse (schema, _clw_sync_bundle_get_changeset (bundle), path, error);
  if (changes == NULL)
    return NULL;

  if (!_clw_sync_base_check (db, schema, peer, error))
    return NULL;

  /* Files first: content-addressed, so one more in the store harms nothing. */
  if (!store_files (db, bundle, error))
    return NULL;

  base_path = _clw_sync_base_path (clw_database_get_path (db), peer->id);
  base = _clw_sync_base_txn_begin (schema, base_path, error);
  if (base == NULL)
    return NULL;

  if (!clw_database_begin (db, error))
    return NULL;
  label = g_strdup_printf (_("Import changes from %s"), peer->name);
  clw_database_set_change_label (db, label);

  counts.tables = tables;
  if (!_clw_sync_apply (db, schema, peer, bundle, changes, base, &counts, error))
    goto failed;

  g_variant_lookup (manifest, "acks-seq", "t", &acks_seq);
  g_variant_lookup (manifest, "settled", "a(ssss)", &settled);
  unanswered = changes->len > 0 || g_variant_iter_n_children (settled) > 0;
  seq_text = g_strdup_printf ("%" G_GUINT64_FORMAT, clw_sync_bundle_get_seq (bundle));
  acks_text = g_strdup_printf ("%" G_GUINT64_FORMAT, acks_seq);

  if (!exec_bound (db, "UPDATE sync_peer SET in_seq = ?2, in_bundle_id = ?3, in_unanswered = ?4, "
                   "confirmed_seq = max(confirmed_seq, CAST(?5 AS INTEGER)), last_import_at = ?6, last_import_author = ?7, "
                   "base_generation = ?8 WHERE id = ?1", _("recording the import"), error, 8,
                   peer->id, seq_text, clw_sync_bundle_get_id (bundle), unanswered ? "1" : "0",
                   acks_text, now, clw_sync_bundle_get_author (bundle), generation) ||
      !exec_bound (db, "UPDATE sync_sent SET changeset = NULL WHERE peer_id = ?1 AND seq <= ?2",
                   _("recording the import"), error, 2, peer->id, acks_text) ||
      !exec_bound (db, "UPDATE sync_conflict SET confirmed = 1 WHERE peer_id = ?1 AND state = 'resolved' "
                   "AND sent_seq IS NOT NULL AND sent_seq <= ?2", _("recording the import"), error, 2,
                   peer->id, acks_text) ||
      !exec_bound (db, "DELETE FROM sync_settled WHERE peer_id = ?1 AND conflict_id IN "
                   "(SELECT id FROM sync_conflict WHERE confirmed = 1)", _("recording the import"), error, 1,
                   peer->id))
    goto failed;

  counts_text = g_strdup_printf ("%u", counts.n_conflicts);
  {
    g_autofree char *n_changes = g_strdup_printf ("%u", changes->len);
    if (!exec_bound (db, "INSERT INTO sync_applied (bundle_id, peer_id, seq, author, made_at, applied_at, "
                     "applied_by, n_changes, n_conflicts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                     _("recording the import"), error, 9,
                     clw_sync_bundle_get_id (bundle), peer->id, seq_text, clw_sync_bundle_get_author (bundle),
                     clw_sync_bundle_get_made_at (bundle), now, clw_database_get_user (db), n_changes,
                     counts_text))
      goto failed;
  }

  _clw_sync_run_test_hook ("import-applied");

  /* The base copy is made durable first; the database's commit decides. */
  if (!_clw_sync_base_txn_prepare (base, generation, error))
    goto failed;
  _clw_sync_run_test_hook ("import-base-written");

  if (!clw_database_commit (db, error))
    return NULL;
  _clw_sync_run_test_hook ("import-committed");

  if (!_clw_sync_base_txn_finish (base, error))
    return NULL;

  _clw_database_forget_undo (db);

  report = _clw_sync_report_new ();
  report->path = g_strdup (path);
  report->peer_name = g_strdup (peer->name);
  report->author = g_strdup (clw_sync_bundle_get_author (bundle));
  report->made_at = g_strdup (clw_sync_bundle_get_made_at (bundle));
  report->n_changes = counts.n_changes;
  report->n_applied = counts.n_applied;
  report->n_conflicts = counts.n_conflicts;
  report->n_settled = counts.n_settled;
  report->n_files = clw_sync_bundle_get_n_files (bundle);
  report->n_missing_files = count_missing_files (db);
  report->n_imported = 1;
  {
    GHashTableIter iter;
    const char *table;

    g_hash_table_iter_init (&iter, tables);
    while (g_hash_table_iter_next (&iter, (gpointer *) &table, NULL))
      _clw_sync_report_add_table (report, table);
  }
  return g_steal_pointer (&report);

failed:
  clw_database_rollback (db);
  return NULL;
}

ClwSyncReport *
clw_sync_import (ClwDatabase  *db,
                 const char   *path,
                 GError      **error)
{
  g_autoptr(ClwSyncBundle) bundle = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  bundle = clw_sync_bundle_load (path, error);
  if (bundle == NULL)
    return NULL;

  return import_bundle (db, bundle, path, error);
}

/* Folders ------------------------------------------------------------------------------ */

typedef struct
{
  char    *path;
  char    *from;
  guint64  seq;
} FolderEntry;

static void
folder_entry_free (gpointer data)
{
  FolderEntry *entry = data;

  g_free (entry->path);
  g_free (entry->from);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const FolderEntry *ea = *(FolderEntry * const *) a;
  const FolderEntry *eb = *(FolderEntry * const *) b;
  int cmp = g_strcmp0 (ea->from, eb->from);

  if (cmp != 0)
    return cmp;
  return ea->seq < eb->seq ? -1 : ea->seq > eb->seq;
}

/* "FROM_to_TO_SEQ.clwsync" */
static gboolean
parse_bundle_name (const char  *name,
                   char       **from,
                   char       **to,
                   guint64     *seq)
{
  g_autofree char *stem = NULL;
  g_auto(GStrv) parts = NULL;

  if (!g_str_has_suffix (name, BUNDLE_SUFFIX))
    return FALSE;
  stem = g_strndup (name, strlen (name) - strlen (BUNDLE_SUFFIX));
  parts = g_strsplit (stem, "_", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[1], "to") ||
      !clw_is_uuid (parts[0]) || !clw_is_uuid (parts[2]) ||
      !g_ascii_string_to_unsigned (parts[3], 10, 1, G_MAXUINT64, seq, NULL))
    return FALSE;

  *from = g_strdup (parts[0]);
  *to = g_strdup (parts[2]);
  return TRUE;
}

static GPtrArray *
list_folder (const char  *folder,
             const char  *from,
             const char  *to,
             GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (folder_entry_free);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not read the folder “%s”: %s"), folder, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry_from = NULL;
      g_autofree char *entry_to = NULL;
      guint64 seq;
      FolderEntry *entry;

      if (!parse_bundle_name (name, &entry_from, &entry_to, &seq))
        continue;
      if ((from != NULL && !g_str_equal (from, entry_from)) || (to != NULL && !g_str_equal (to, entry_to)))
        continue;

      entry = g_new0 (FolderEntry, 1);
      entry->path = g_build_filename (folder, name, NULL);
      entry->from = g_steal_pointer (&entry_from);
      entry->seq = seq;
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

static void
merge_report (ClwSyncReport *total,
              ClwSyncReport *one)
{
  total->n_changes += one->n_changes;
  total->n_applied += one->n_applied;
  total->n_conflicts += one->n_conflicts;
  total->n_settled += one->n_settled;
  total->n_files += one->n_files;
  total->n_missing_files = one->n_missing_files;
  for (guint i = 0; i < one->tables->len; i++)
    if (g_ptr_array_index (one->tables, i) != NULL)
      _clw_sync_report_add_table (total, g_ptr_array_index (one->tables, i));
  for (guint i = 0; i < one->notes->len; i++)
    if (g_ptr_array_index (one->notes, i) != NULL)
      _clw_sync_report_add_note (total, g_ptr_array_index (one->notes, i));
  g_free (total->path);
  total->path = g_strdup (one->path);
}

ClwSyncReport *
clw_sync_exchange_folder (ClwDatabase  *db,
                          const char   *folder,
                          GError      **error)
{
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(SyncSchema) schema = NULL;
  g_autoptr(GPtrArray) incoming = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autofree char *my_id = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no folder “%s”. Choose a folder both copies can reach."), folder);
      return NULL;
    }

  my_id = clw_sync_get_database_id (db);
  peers = _clw_sync_peer_list (db, error);
  if (peers == NULL)
    return NULL;
  if (peers->len == 0)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_NO_PEER,
                   _("This database has no copy to sync with. Make one with “Take a copy for a "
                     "meeting” (clwstwr-cli copy-for-meeting)."));
      return NULL;
    }

  report = _clw_sync_report_new ();

  /* What the others left for this copy, oldest first. */
  incoming = list_folder (folder, NULL, my_id, error);
  if (incoming == NULL)
    return NULL;

  for (guint i = 0; i < incoming->len; i++)
    {
      FolderEntry *entry = g_ptr_array_index (incoming, i);
      g_autoptr(ClwSyncBundle) bundle = NULL;
      g_autoptr(ClwSyncReport) one = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *note = NULL;

      bundle = clw_sync_bundle_load (entry->path, &local_error);
      if (bundle != NULL)
        one = import_bundle (db, bundle, entry->path, &local_error);

      if (one != NULL)
        {
          merge_report (report, one);
          report->n_imported++;
          g_unlink (entry->path);
          continue;
        }

      if (local_error->domain == CLW_DB_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (g_error_matches (local_error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_ALREADY_APPLIED) ||
          g_error_matches (local_error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_SUPERSEDED))
        {
          /* Its changes are here already: the file has done its work. */
          report->n_skipped++;
          g_unlink (entry->path);
          continue;
        }

      if (g_error_matches (local_error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_DAMAGED))
        {
          /* Perhaps still being copied into the folder: try again next time. */
          report->n_skipped++;
          note = g_strdup_printf (_("Skipped %s for now: %s"), entry->path, local_error->message);
        }
      else
        {
          report->n_refused++;
          note = g_strdup_printf (_("Refused %s: %s"), entry->path, local_error->message);
        }
      _clw_sync_report_add_note (report, note);
    }

  /* Then one bundle for each peer that has something new to hear. */
  schema = _clw_sync_schema_load (db, error);
  if (schema == NULL)
    return NULL;
  g_clear_pointer (&peers, g_ptr_array_unref);
  peers = _clw_sync_peer_list (db, error);
  if (peers == NULL)
    return NULL;

  for (guint i = 0; i < peers->len; i++)
    {
      SyncPeerRow *peer = g_ptr_array_index (peers, i);
      g_autofree char *name = g_strdup_printf ("%s_to_%s_%08" G_GINT64_FORMAT BUNDLE_SUFFIX,
                                               my_id, peer->id, peer->out_seq + 1);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(ClwSyncReport) one = NULL;
      g_autoptr(GPtrArray) older = NULL;
      gboolean written;

      one = export_for_peer (db, schema, peer, path, TRUE, &written, error);
      if (one == NULL)
        return NULL;
      if (!written)
        continue;

      report->n_written++;
      report->n_files += one->n_files;
      g_free (report->path);
      report->path = g_strdup (path);

      /* A bundle carries everything the peer has not confirmed: the older
       * ones for it are of no more use. */
      older = list_folder (folder, my_id, peer->id, NULL);
      for (guint k = 0; older != NULL && k < older->len; k++)
        {
          FolderEntry *entry = g_ptr_array_index (older, k);
          if (entry->seq < (guint64) peer->out_seq)
            g_unlink (entry->path);
        }
    }

  return g_steal_pointer (&report);
}

/* Conflicts ---------------------------------------------------------------------------- */

#define CONFLICT_COLUMNS "c.id, c.kind, c.peer_id, p.name, c.table_name, c.row_id, c.column_name, " \
                         "c.base_value, c.mine_value, c.theirs_value, c.mine_row, c.theirs_row, " \
                         "c.mine_by, c.mine_at, c.theirs_by, c.theirs_at, c.author, c.message, " \
                         "c.detected_at"

static char *
value_text (ClwStmt *stmt,
            int      column)
{
  char *text = _clw_sync_value_to_text (sqlite3_column_value (stmt, column));

  return text != NULL && *text != '\0' ? text : (g_free (text), g_strdup (_("(empty)")));
}

static char *
row_text (ClwDatabase *db,
          SyncTable   *table,
          const char  *json)
{
  g_autoptr(SyncValues) row = NULL;

  if (json == NULL)
    return g_strdup (_("(deleted)"));
  row = _clw_sync_values_from_json (db, table, json, NULL);
  if (row == NULL)
    return g_strdup (json);
  return _clw_sync_describe_row (db, table, row);
}

/* One column of a row that another table's row is named by: the practice's
 * code, or the meeting's date; NULL when the row is not there. */
static char *
lookup_reference (ClwDatabase *db,
                  SyncTable   *table,
                  SyncValues  *row,
                  const char  *column,
                  const char  *sql)
{
  int index = _clw_sync_table_find_column (table, column);
  g_autofree char *id = NULL;
  g_autoptr(ClwStmt) stmt = NULL;

  if (index < 0 || row->v[index] == NULL)
    return NULL;
  id = _clw_sync_value_to_text (row->v[index]);
  if (id == NULL || *id == '\0')
    return NULL;

  stmt = _clw_database_prepare (db, sql, NULL);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW || _clw_column_text (stmt, 0) == NULL)
    return NULL;
  return _clw_column_dup (stmt, 0);
}

/* A conflict's row in words, with what it belongs to: "Attendance of
 * W12345 at the meeting of 12 Jan 2022" rather than "Attendance". */
static char *
describe_in_words (ClwDatabase *db,
                   SyncTable   *table,
                   SyncValues  *row)
{
  g_autofree char *what = _clw_sync_describe_row (db, table, row);
  g_autofree char *practice = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *when = NULL;

  if (g_str_equal (table->name, "practice") || g_str_equal (table->name, "meeting"))
    return g_steal_pointer (&what);

  practice = lookup_reference (db, table, row, "practice_id",
                               "SELECT code FROM practice WHERE id = ?1");
  starts_at = lookup_reference (db, table, row, "meeting_id",
                                "SELECT starts_at FROM meeting WHERE id = ?1");
  if (starts_at != NULL)
    when = clw_date_format_display (starts_at);

  if (practice != NULL && when != NULL)
    /* Translators: a row in a conflict, as “Attendance of W12345 at the meeting of 12 Jan 2022” */
    return g_strdup_printf (_("%s of %s at the meeting of %s"), what, practice, when);
  if (practice != NULL)
    /* Translators: a row in a conflict, as “IMTP contribution of W12345” */
    return g_strdup_printf (_("%s of %s"), what, practice);
  if (when != NULL)
    /* Translators: a row in a conflict, as “Action at the meeting of 12 Jan 2022” */
    return g_strdup_printf (_("%s at the meeting of %s"), what, when);
  return g_steal_pointer (&what);
}

static ClwSyncConflict *
conflict_from_stmt (ClwDatabase *db,
                    SyncSchema  *schema,
                    ClwStmt     *stmt)
{
  ClwSyncConflict *c = g_object_new (CLW_TYPE_SYNC_CONFLICT, NULL);
  SyncTable *t = _clw_sync_schema_lookup (schema, _clw_column_text (stmt, 4));
  const char *column = _clw_column_text (stmt, 6);
  g_autoptr(SyncValues) row = NULL;
  int kind = CLW_SYNC_CONFLICT_FIELD;

  clw_enum_from_nick (CLW_TYPE_SYNC_CONFLICT_KIND, _clw_column_text (stmt, 1), &kind);
  c->id = _clw_column_dup (stmt, 0);
  c->kind = kind;
  c->peer_id = _clw_column_dup (stmt, 2);
  c->peer_name = _clw_column_dup (stmt, 3);
  c->table_name = _clw_column_dup (stmt, 4);
  c->row_id = _clw_column_dup (stmt, 5);
  c->column_name = column != NULL && *column != '\0' ? g_strdup (column) : NULL;
  c->mine_by = _clw_column_dup (stmt, 12);
  c->mine_at = _clw_column_dup (stmt, 13);
  c->theirs_by = _clw_column_dup (stmt, 14);
  c->theirs_at = _clw_column_dup (stmt, 15);
  c->author = _clw_column_dup (stmt, 16);
  c->message = _clw_column_dup (stmt, 17);
  c->detected_at = _clw_column_dup (stmt, 18);

  if (t == NULL)
    {
      c->title = g_strdup_printf ("%s %s", c->table_name, c->row_id);
      return c;
    }

  /* The row as it is here, or as one side has it. */
  _clw_sync_main_fetch (db, t, c->row_id, &row, NULL);
  if (row == NULL && _clw_column_text (stmt, 11) != NULL)
    row = _clw_sync_values_from_json (db, t, _clw_column_text (stmt, 11), NULL);
  if (row == NULL && _clw_column_text (stmt, 10) != NULL)
    row = _clw_sync_values_from_json (db, t, _clw_column_text (stmt, 10), NULL);
  c->title = row != NULL ? describe_in_words (db, t, row)
                         : g_strdup_printf ("%s %s", c->table_name, c->row_id);

  if (c->kind == CLW_SYNC_CONFLICT_FIELD)
    {
      c->base_text = value_text (stmt, 7);
      c->mine_text = value_text (stmt, 8);
      c->theirs_text = value_text (stmt, 9);
      c->field_label = g_strdup (c->column_name);
      if (t->record_type != G_TYPE_INVALID && c->column_name != NULL)
        {
          g_autoptr(GTypeClass) klass = g_type_class_ref (t->record_type);
          guint n;
          const ClwColumn *columns = clw_record_class_get_columns (CLW_RECORD_CLASS (klass), &n);

          for (guint i = 0; i < n; i++)
            if (g_str_equal (columns[i].name, c->column_name))
              {
                g_free (c->field_label);
                c->field_label = g_strdup (_(g_param_spec_get_nick (columns[i].pspec)));
              }
        }
    }
  else
    {
      c->mine_text = row_text (db, t, _clw_column_text (stmt, 10));
      c->theirs_text = row_text (db, t, _clw_column_text (stmt, 11));
    }

  return c;
}

GListModel *
clw_sync_list_conflicts (ClwDatabase  *db,
                         GError      **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CLW_TYPE_SYNC_CONFLICT);
  g_autoptr(SyncSchema) schema = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  schema = _clw_sync_schema_load (db, error);
  if (schema == NULL)
    return NULL;

  stmt = _clw_database_prepare (db,
                                "SELECT " CONFLICT_COLUMNS " FROM sync_conflict c JOIN sync_peer p "
                                "ON p.id = c.peer_id WHERE c.state = 'open' "
                                "ORDER BY c.detected_at, c.table_name, c.row_id, c.column_name",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, conflict_from_stmt (db, schema, stmt));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("reading the conflicts"), error);
      return NULL;
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

ClwSyncConflict *
clw_sync_get_conflict (ClwDatabase  *db,
                       const char   *conflict_id,
                       GError      **error)
{
  g_autoptr(SyncSchema) schema = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  schema = _clw_sync_schema_load (db, error);
  if (schema == NULL)
    return NULL;

  stmt = _clw_database_prepare (db,
                                "SELECT " CONFLICT_COLUMNS " FROM sync_conflict c JOIN sync_peer p "
                                "ON p.id = c.peer_id WHERE c.id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, conflict_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return conflict_from_stmt (db, schema, stmt);
  if (rc != SQLITE_DONE)
    _clw_database_set_error (db, rc, _("reading the conflicts"), error);
  else
    g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                 _("There is no conflict with the id %s."), conflict_id);
  return NULL;
}

gboolean
clw_sync_resolve (ClwDatabase    *db,
                  const char     *conflict_id,
                  ClwSyncChoice   choice,
                  const char     *value,
                  GError        **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  g_autoptr(SyncSchema) schema = NULL;
  g_autoptr(SyncPeerRow) peer = NULL;
  g_autoptr(SyncBaseTxn) base = NULL;
  g_autofree char *peer_id = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *generation = clw_uuid_new ();

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (conflict_id != NULL, FALSE);

  stmt = _clw_database_prepare (db, "SELECT peer_id FROM sync_conflict WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, conflict_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    peer_id = _clw_column_dup (stmt, 0);
  g_clear_pointer (&stmt, _clw_stmt_release);
  if (peer_id == NULL)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_RESOLVE,
                   _("There is no conflict with the id %s."), conflict_id);
      return FALSE;
    }

  schema = _clw_sync_schema_load (db, error);
  if (schema == NULL)
    return FALSE;
  peer = _clw_sync_peer_load (db, peer_id, error);
  if (peer == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_NO_PEER,
                     _("The copy this conflict is with is not known any more."));
      return FALSE;
    }
  if (!_clw_sync_base_check (db, schema, peer, error))
    return FALSE;

  base_path = _clw_sync_base_path (clw_database_get_path (db), peer->id);
  base = _clw_sync_base_txn_begin (schema, base_path, error);
  if (base == NULL)
    return FALSE;

  if (!clw_database_begin (db, error))
    return FALSE;
  clw_database_set_change_label (db, _("Resolve a sync conflict"));

  if (!_clw_sync_resolve_conflict (db, schema, peer, conflict_id, choice, value, base, error) ||
      !exec_bound (db, "UPDATE sync_peer SET base_generation = ?2 WHERE id = ?1",
                   _("recording the resolution"), error, 2, peer->id, generation) ||
      !_clw_sync_base_txn_prepare (base, generation, error))
    {
      clw_database_rollback (db);
      return FALSE;
    }

  if (!clw_database_commit (db, error))
    return FALSE;

  if (!_clw_sync_base_txn_finish (base, error))
    return FALSE;

  _clw_database_forget_undo (db);
  return TRUE;
}

gboolean
clw_sync_forget_peer (ClwDatabase  *db,
                      const char   *peer,
                      GError      **error)
{
  g_autoptr(SyncPeerRow) row = NULL;
  g_autofree char *base = NULL;
  g_autofree char *next = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (peer != NULL, FALSE);

  row = find_peer (db, peer, error);
  if (row == NULL)
    return FALSE;

  if (!clw_database_begin (db, error))
    return FALSE;
  clw_database_set_change_label (db, _("Forget a copy"));
  /* What was sent to it, rejected by it and in conflict with it goes too. */
  if (!exec_bound (db, "DELETE FROM sync_peer WHERE id = ?1", _("forgetting the copy"), error, 1, row->id) ||
      !clw_database_commit (db, error))
    {
      clw_database_rollback (db);
      return FALSE;
    }

  base = _clw_sync_base_path (clw_database_get_path (db), row->id);
  next = g_strconcat (base, ".next", NULL);
  g_unlink (base);
  g_unlink (next);
  return TRUE;
}

/* A copy for a meeting --------------------------------------------------------------------- */

static void
remove_quietly (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  return g_rmdir (path) == 0;
}

/* Leave in the copy only what it is for: the cluster's rows, the reference
 * data, and no history or sync state of the database it was made from. */
static gboolean
limit_copy (ClwDatabase  *copy,
            SyncSchema   *schema,
            ClwScope      scope,
            const char   *scope_id,
            GError      **error)
{
  static const char *local_tables[] = {
    "sync_settled", "sync_conflict", "sync_rejected", "sync_sent", "sync_applied", "sync_peer", "audit_log",
  };

  for (guint i = schema->tables->len; scope == CLW_SCOPE_CLUSTER && i > 0; i--)
    {
      SyncTable *t = g_ptr_array_index (schema->tables, i - 1);
      const char *filter;
      SyncScopeKind kind = _clw_sync_scope_of_table (t->name, &filter);
      g_autofree char *sql = NULL;
      g_autoptr(ClwStmt) stmt = NULL;
      int rc;

      if (kind == SYNC_SCOPE_REFERENCE)
        continue;
      if (kind == SYNC_SCOPE_CLUSTER)
        sql = g_strdup_printf ("DELETE FROM main.\"%s\" WHERE NOT coalesce((%s), 0)", t->name, filter);
      else
        sql = g_strdup_printf ("DELETE FROM main.\"%s\"", t->name);

      stmt = _clw_database_prepare (copy, sql, error);
      if (stmt == NULL)
        return FALSE;
      if (kind == SYNC_SCOPE_CLUSTER)
        _clw_bind_text (stmt, 1, scope_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return _clw_database_set_error (copy, rc, _("limiting the copy to the cluster"), error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (local_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM main.%s", local_tables[i]);
      if (!clw_database_exec (copy, sql, error))
        return FALSE;
    }

  return TRUE;
}

ClwSyncReport *
clw_sync_make_copy (ClwDatabase  *db,
                    ClwScope      scope,
                    const char   *scope_id,
                    const char   *path,
                    const char   *name,
                    GError      **error)
{
  g_autoptr(ClwSyncReport) report = NULL;
  g_autoptr(SyncSchema) schema = NULL;
  g_autoptr(SyncSchema) copy_schema = NULL;
  g_autoptr(ClwDatabase) copy = NULL;
  g_autoptr(ClwAttachmentStore) source_store = NULL;
  g_autoptr(ClwAttachmentStore) copy_store = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClwStmt) stmt = NULL;
  g_autofree char *my_id = NULL;
  g_autofree char *my_name = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *copy_id = clw_uuid_new ();
  g_autofree char *lineage = clw_uuid_new ();
  g_autofree char *generation = clw_uuid_new ();
  g_autofree char *now = clw_timestamp_now ();
  g_autofree char *partial = NULL;
  g_autofree char *copy_base = NULL;
  g_autofree char *my_base = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *attachments = NULL;
  gboolean made_attachments = FALSE;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!clw_database_in_transaction (db), NULL);

  if (scope != CLW_SCOPE_ALL && scope != CLW_SCOPE_CLUSTER)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_OUT_OF_SCOPE,
                   _("A copy holds everything, or one cluster."));
      return NULL;
    }

  schema = _clw_sync_schema_load (db, error);
  if (schema == NULL)
    return NULL;

  mine = own_cluster (db);
  if (scope == CLW_SCOPE_CLUSTER)
    {
      SyncTable *cluster_table = _clw_sync_schema_lookup (schema, "cluster");
      g_autoptr(SyncValues) cluster = NULL;

      if (cluster_table == NULL || scope_id == NULL ||
          !_clw_sync_main_fetch (db, cluster_table, scope_id, &cluster, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND, _("Name the cluster of the copy."));
          return NULL;
        }
      if (cluster == NULL)
        {
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                       _("There is no cluster with the id %s."), scope_id);
          return NULL;
        }
    }
  if (mine != NULL && (scope != CLW_SCOPE_CLUSTER || !g_str_equal (mine, scope_id)))
    {
      g_autofree char *held = cluster_name (db, mine);
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_OUT_OF_SCOPE,
                   _("This database is itself a copy of the cluster %s: a copy made from it can only "
                     "hold that cluster."), held);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” exists already. Choose another name for the copy; nothing was written."), path);
      return NULL;
    }

  my_id = clw_sync_get_database_id (db);
  my_name = clw_sync_get_name (db);
  if (name != NULL && *name != '\0')
    copy_name = g_strdup (name);
  else
    {
      g_autofree char *when = g_strndup (now, 10);
      g_autofree char *day = clw_date_format_display (when);

      if (scope == CLW_SCOPE_CLUSTER)
        {
          g_autofree char *cluster = cluster_name (db, scope_id);
          copy_name = g_strdup_printf (_("Meeting copy of %s (%s, %s)"), cluster,
                                       clw_database_get_user (db), day);
        }
      else
        copy_name = g_strdup_printf (_("Copy of %s (%s, %s)"), my_name, clw_database_get_user (db), day);
    }

  partial = g_strconcat (path, ".partial", NULL);
  copy_base = _clw_sync_base_path (path, my_id);
  my_base = _clw_sync_base_path (clw_database_get_path (db), copy_id);
  attachments = clw_attachment_store_folder_for_database (path);
  made_attachments = !g_file_test (attachments, G_FILE_TEST_EXISTS);
  remove_quietly (partial);

  /* A consistent snapshot of everything, into a file readable by its owner only. */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && !clw_files_ensure_private_dir (dir, error))
      return NULL;
  }
  if (!clw_files_write_private (partial, "", 0, error))
    return NULL;
  stmt = _clw_database_prepare (db, "VACUUM INTO ?1", error);
  if (stmt == NULL)
    goto failed;
  _clw_bind_text (stmt, 1, partial);
  rc = sqlite3_step (stmt);
  g_clear_pointer (&stmt, _clw_stmt_release);
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("copying the database"), error);
      goto failed;
    }

  copy = clw_database_open (partial, CLW_DATABASE_OPEN_TRUSTED, error);
  if (copy == NULL)
    goto failed;
  clw_database_set_user (copy, clw_database_get_user (db));
  copy_schema = _clw_sync_schema_load (copy, error);
  if (copy_schema == NULL)
    goto failed;

  /* No history of the rows that leave, no trace of the master's peers. */
  _clw_database_set_audit (copy, FALSE);
  if (!clw_database_begin (copy, error))
    goto failed;
  if (!limit_copy (copy, copy_schema, scope, scope_id, error) ||
      !clw_database_set_meta (copy, "database-id", copy_id, error) ||
      !clw_database_set_meta (copy, "created-at", now, error) ||
      !clw_database_set_meta (copy, "sync-name", copy_name, error) ||
      !clw_database_set_meta (copy, "sync-scope", scope == CLW_SCOPE_CLUSTER ? "cluster" : NULL, error) ||
      !clw_database_set_meta (copy, "sync-scope-id", scope == CLW_SCOPE_CLUSTER ? scope_id : NULL, error) ||
      !clw_database_set_meta (copy, "sync-made-from", my_id, error) ||
      !exec_bound (copy, "INSERT INTO sync_peer (id, name, lineage_id, scope, scope_id, made_at, "
                   "base_generation) VALUES (?1, ?2, ?3, 'all', NULL, ?4, ?5)",
                   _("recording the database the copy was made from"), error, 5,
                   my_id, my_name, lineage, now, generation))
    {
      clw_database_rollback (copy);
      _clw_database_set_audit (copy, TRUE);
      goto failed;
    }
  if (!clw_database_commit (copy, error))
    {
      _clw_database_set_audit (copy, TRUE);
      goto failed;
    }
  _clw_database_set_audit (copy, TRUE);

  /* What stayed in the copy, its base says; the evidence files go with it. */
  stmt = _clw_database_prepare (copy, "SELECT DISTINCT sha256 FROM evidence WHERE sha256 != ''", error);
  if (stmt == NULL)
    goto failed;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (hashes, _clw_column_dup (stmt, 0));
  g_clear_pointer (&stmt, _clw_stmt_release);

  g_unlink (copy_base);
  if (!_clw_sync_base_create (copy, copy_schema, copy_base, generation, my_id, error) ||
      !clw_database_exec (copy, "VACUUM", error))
    goto failed;
  g_clear_object (&copy);

  report = _clw_sync_report_new ();
  source_store = clw_attachment_store_new (clw_database_get_path (db));
  copy_store = clw_attachment_store_new (path);
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);
      g_autofree char *source = clw_attachment_store_get_path (source_store, sha256);
      g_autofree char *copied = NULL;
      g_autoptr(GError) local_error = NULL;

      copied = clw_attachment_store_add_file (copy_store, source, sha256, NULL, NULL, &local_error);
      if (copied == NULL)
        {
          g_autofree char *note = g_strdup_printf (_("The evidence file %s could not go with the copy: %s"),
                                                   sha256, local_error->message);
          _clw_sync_report_add_note (report, note);
          report->n_missing_files++;
          continue;
        }
      report->n_files++;
    }

  /* This database learns of the copy last: until then, nothing refers to it. */
  if (!_clw_sync_copy_private_file (copy_base, my_base, error))
    goto failed;
  if (!clw_database_begin (db, error))
    goto failed;
  if (!exec_bound (db, "INSERT INTO sync_peer (id, name, lineage_id, scope, scope_id, made_at, "
                   "base_generation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", _("recording the copy"), error, 7,
                   copy_id, copy_name, lineage, scope == CLW_SCOPE_CLUSTER ? "cluster" : "all",
                   scope == CLW_SCOPE_CLUSTER ? scope_id : NULL, now, generation))
    {
      clw_database_rollback (db);
      goto failed;
    }
  if (!clw_database_commit (db, error))
    goto failed;

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s."), path, g_strerror (saved_errno));
      exec_bound (db, "DELETE FROM sync_peer WHERE id = ?1", _("forgetting the copy"), NULL, 1, copy_id);
      goto failed;
    }

  report->path = g_strdup (path);
  report->peer_name = g_strdup (copy_name);
  report->author = g_strdup (clw_database_get_user (db));
  report->made_at = g_strdup (now);
  return g_steal_pointer (&report);

failed:
  g_clear_object (&copy);
  remove_quietly (partial);
  g_unlink (copy_base);
  g_unlink (my_base);
  if (made_attachments)
    remove_tree (attachments);
  return NULL;
}

/* Async ---------------------------------------------------------------------------------- */

typedef enum
{
  JOB_STATUS,
  JOB_EXPORT,
  JOB_IMPORT,
  JOB_FOLDER,
  JOB_COPY,
  JOB_RESOLVE,
} JobKind;

typedef struct
{
  JobKind        kind;
  char          *db_path;
  char          *user;
  char          *path;
  char          *peer;
  ClwScope       scope;
  char          *scope_id;
  char          *name;
  char          *conflict_id;
  ClwSyncChoice  choice;
  char          *value;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->db_path);
  g_free (job->user);
  g_free (job->path);
  g_free (job->peer);
  g_free (job->scope_id);
  g_free (job->name);
  g_free (job->conflict_id);
  g_free (job->value);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ClwDatabase) db = NULL;
  GObject *result = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A connection of the worker's own: the caller's stays with its thread. */
  db = clw_database_open (job->db_path, CLW_DATABASE_OPEN_TRUSTED, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  clw_database_set_user (db, job->user);

  switch (job->kind)
    {
    case JOB_STATUS:
      result = G_OBJECT (clw_sync_get_status (db, &error));
      break;
    case JOB_EXPORT:
      result = G_OBJECT (clw_sync_export (db, job->peer, job->path, &error));
      break;
    case JOB_IMPORT:
      result = G_OBJECT (clw_sync_import (db, job->path, &error));
      break;
    case JOB_FOLDER:
      result = G_OBJECT (clw_sync_exchange_folder (db, job->path, &error));
      break;
    case JOB_COPY:
      result = G_OBJECT (clw_sync_make_copy (db, job->scope, job->scope_id, job->path, job->name, &error));
      break;
    case JOB_RESOLVE:
    default:
      if (clw_sync_resolve (db, job->conflict_id, job->choice, job->value, &error))
        {
          g_autoptr(SyncSchema) schema = _clw_sync_schema_load (db, NULL);
          ClwSyncReport *report = _clw_sync_report_new ();

          for (guint i = 0; schema != NULL && i < schema->tables->len; i++)
            _clw_sync_report_add_table (report, ((SyncTable *) g_ptr_array_index (schema->tables, i))->name);
          result = G_OBJECT (report);
        }
      break;
    }

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/* Back in the caller's thread: tell the caller's connection what was written. */
static void
job_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  GObject *value = g_task_propagate_pointer (G_TASK (result), &error);

  if (value == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  if (CLW_IS_SYNC_REPORT (value))
    _clw_database_emit_changed (CLW_DATABASE (source_object),
                                clw_sync_report_get_tables (CLW_SYNC_REPORT (value)));

  g_task_return_pointer (outer, value, g_object_unref);
}

static void
run_job (ClwDatabase          *db,
         Job                  *job,
         gpointer              source_tag,
         GCancellable         *cancellable,
         GAsyncReadyCallback   callback,
         gpointer              user_data)
{
  GTask *outer = g_task_new (db, cancellable, callback, user_data);
  g_autoptr(GTask) inner = g_task_new (db, cancellable, job_done_cb, outer);

  g_task_set_source_tag (outer, source_tag);
  g_task_set_source_tag (inner, source_tag);
  job->db_path = g_strdup (clw_database_get_path (db));
  job->user = g_strdup (clw_database_get_user (db));
  g_task_set_task_data (inner, job, job_free);
  g_task_run_in_thread (inner, job_thread);
}

static gpointer
finish_job (ClwDatabase   *db,
            GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
clw_sync_get_status_async (ClwDatabase         *db,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (CLW_IS_DATABASE (db));

  job->kind = JOB_STATUS;
  run_job (db, job, clw_sync_get_status_async, cancellable, callback, user_data);
}

ClwSyncStatus *
clw_sync_get_status_finish (ClwDatabase   *db,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_job (db, result, clw_sync_get_status_async, error);
}

void
clw_sync_make_copy_async (ClwDatabase         *db,
                          ClwScope             scope,
                          const char          *scope_id,
                          const char          *path,
                          const char          *name,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (CLW_IS_DATABASE (db));
  g_return_if_fail (path != NULL);

  job->kind = JOB_COPY;
  job->scope = scope;
  job->scope_id = g_strdup (scope_id);
  job->path = g_strdup (path);
  job->name = g_strdup (name);
  run_job (db, job, clw_sync_make_copy_async, cancellable, callback, user_data);
}

ClwSyncReport *
clw_sync_make_copy_finish (ClwDatabase   *db,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish_job (db, result, clw_sync_make_copy_async, error);
}

void
clw_sync_export_async (ClwDatabase         *db,
                       const char          *peer,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (CLW_IS_DATABASE (db));
  g_return_if_fail (path != NULL);

  job->kind = JOB_EXPORT;
  job->peer = g_strdup (peer);
  job->path = g_strdup (path);
  run_job (db, job, clw_sync_export_async, cancellable, callback, user_data);
}

ClwSyncReport *
clw_sync_export_finish (ClwDatabase   *db,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_job (db, result, clw_sync_export_async, error);
}

void
clw_sync_import_async (ClwDatabase         *db,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (CLW_IS_DATABASE (db));
  g_return_if_fail (path != NULL);

  job->kind = JOB_IMPORT;
  job->path = g_strdup (path);
  run_job (db, job, clw_sync_import_async, cancellable, callback, user_data);
}

ClwSyncReport *
clw_sync_import_finish (ClwDatabase   *db,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_job (db, result, clw_sync_import_async, error);
}

void
clw_sync_exchange_folder_async (ClwDatabase         *db,
                                const char          *folder,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (CLW_IS_DATABASE (db));
  g_return_if_fail (folder != NULL);

  job->kind = JOB_FOLDER;
  job->path = g_strdup (folder);
  run_job (db, job, clw_sync_exchange_folder_async, cancellable, callback, user_data);
}

ClwSyncReport *
clw_sync_exchange_folder_finish (ClwDatabase   *db,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_job (db, result, clw_sync_exchange_folder_async, error);
}

void
clw_sync_resolve_async (ClwDatabase         *db,
                        const char          *conflict_id,
                        ClwSyncChoice        choice,
                        const char          *value,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (CLW_IS_DATABASE (db));
  g_return_if_fail (conflict_id != NULL);

  job->kind = JOB_RESOLVE;
  job->conflict_id = g_strdup (conflict_id);
  job->choice = choice;
  job->value = g_strdup (value);
  run_job (db, job, clw_sync_resolve_async, cancellable, callback, user_data);
}

gboolean
clw_sync_resolve_finish (ClwDatabase   *db,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(GObject) report = finish_job (db, result, clw_sync_resolve_async, error);

  return report != NULL;
}
