/* clw-database.c: one Clwstwr database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening checks, in order, before anything is written: the file is an
 * SQLite file, it is one of ours (application_id), it is not newer than
 * this build, and it passes SQLite's integrity check. Only then is it
 * opened for writing, copied to a dated backup when it needs migrating, and
 * migrated inside one transaction.
 *
 * With CLW_DATABASE_OPEN_CHECK_LATER the integrity check, which reads every
 * page of the file, is left for clw_database_verify_async(): the database
 * opens at once, and refuses every write until the check has passed (an
 * authorizer on the connection, besides clw_database_begin() saying why).
 */

#define G_LOG_DOMAIN "clw-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clw-database-private.h"
#include "clw-error.h"
#include "clw-core-resources.h"
#include "clw-record.h"

/* "Clws" */
#define CLW_APPLICATION_ID 0x436c7773
#define MIGRATIONS_PATH "/io/github/clwstwr/Clwstwr/core/migrations/"

typedef struct
{
  char   *change_id;
  char   *label;
  char   *merge_key;      /* see clw_database_set_change_merge_key() */
  gint64  last_written;   /* monotonic time of the last transaction in it */
} UndoEntry;

struct _ClwDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *user;
  char       *backup_path;
  GHashTable *statements;       /* owned: SQL text -> sqlite3_stmt */
  GQueue      undo_stack;       /* owned: UndoEntry */
  GHashTable *changed_tables;   /* owned: names touched in this transaction */

  int         version;
  guint       depth;            /* nesting of transactions */
  char       *change_id;        /* of the outermost transaction */
  char       *change_label;
  char       *change_at;
  char       *reverts;          /* while undoing: the change id reverted */
  char       *merge_key;        /* of the outermost transaction */
  gboolean    merging;          /* it continues the change at the head of the undo stack */
  gboolean    audited;          /* the transaction wrote to the audit log */

  GHashTable *bulk_audit;       /* while writing in bulk: table -> SQL of its audit row */
  GError     *verify_error;     /* owned: why the deferred check failed */

  guint       read_only : 1;
  guint       audit_enabled : 1;
  guint       verified : 1;     /* the integrity check has passed */
};

G_DEFINE_FINAL_TYPE (ClwDatabase, clw_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  g_free (entry->change_id);
  g_free (entry->label);
  g_free (entry->merge_key);
  g_free (entry);
}

char *
clw_uuid_new (void)
{
  return g_uuid_string_random ();
}

/* A version 7 UUID: the time in milliseconds, then random bits. Rows keyed
 * by these (the audit log) are appended at the end of their index instead of
 * scattered through it, which keeps big imports fast. */
char *
clw_uuid_new_ordered (void)
{
  static const char hex[] = "0123456789abcdef";
  static gint64 last_ms;
  static guint16 sequence;
  guint8 bytes[16];
  guint32 r1 = g_random_int ();
  guint32 r2 = g_random_int ();
  gint64 ms = g_get_real_time () / 1000;
  char *text = g_malloc (37);
  char *out = text;

  /* Within one millisecond, count up so the order still holds. */
  if (ms <= last_ms)
    {
      ms = last_ms;
      sequence++;
    }
  else
    sequence = (guint16) (r1 & 0x3ff);
  last_ms = ms;

  for (int i = 0; i < 6; i++)
    bytes[i] = (guint8) (ms >> (40 - 8 * i));
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  for (int i = 0; i < 4; i++)
    {
      bytes[8 + i] = (guint8) (r1 >> (8 * i));
      bytes[12 + i] = (guint8) (r2 >> (8 * i));
    }
  bytes[8] = 0x80 | (bytes[8] & 0x3f);

  for (int i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *out++ = '-';
      *out++ = hex[bytes[i] >> 4];
      *out++ = hex[bytes[i] & 0xf];
    }
  *out = '\0';

  return text;
}

gboolean
clw_is_uuid (const char *str)
{
  return str != NULL && g_uuid_string_is_valid (str);
}

char *
clw_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *base = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (now) / 1000);
}

/* SQL functions used by the audit triggers ---------------------------------- */

static void
sql_uuid (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_text (ctx, clw_uuid_new_ordered (), -1, g_free);
}

static void
sql_now (sqlite3_context *ctx,
         int              argc,
         sqlite3_value  **argv)
{
  ClwDatabase *self = sqlite3_user_data (ctx);

  if (self->change_at != NULL)
    sqlite3_result_text (ctx, self->change_at, -1, SQLITE_TRANSIENT);
  else
    sqlite3_result_text (ctx, clw_timestamp_now (), -1, g_free);
}

static void
sql_user (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  ClwDatabase *self = sqlite3_user_data (ctx);

  sqlite3_result_text (ctx, self->user, -1, SQLITE_TRANSIENT);
}

static void
sql_change_id (sqlite3_context *ctx,
               int              argc,
               sqlite3_value  **argv)
{
  ClwDatabase *self = sqlite3_user_data (ctx);

  self->audited = TRUE;
  if (self->change_id == NULL)
    self->change_id = clw_uuid_new ();
  sqlite3_result_text (ctx, self->change_id, -1, SQLITE_TRANSIENT);
}

static void
sql_reverts (sqlite3_context *ctx,
             int              argc,
             sqlite3_value  **argv)
{
  ClwDatabase *self = sqlite3_user_data (ctx);

  if (self->reverts != NULL)
    sqlite3_result_text (ctx, self->reverts, -1, SQLITE_TRANSIENT);
  else
    sqlite3_result_null (ctx);
}

static void
sql_audit_enabled (sqlite3_context *ctx,
                   int              argc,
                   sqlite3_value  **argv)
{
  ClwDatabase *self = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, self->audit_enabled);
}

static void
register_functions (ClwDatabase *self)
{
  static const struct {
    const char *name;
    void (*func) (sqlite3_context *, int, sqlite3_value **);
  } functions[] = {
    { "clw_uuid", sql_uuid },
    { "clw_now", sql_now },
    { "clw_user", sql_user },
    { "clw_change_id", sql_change_id },
    { "clw_reverts", sql_reverts },
    { "clw_audit_enabled", sql_audit_enabled },
  };

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    sqlite3_create_function (self->db, functions[i].name, 0,
                             SQLITE_UTF8 | SQLITE_INNOCUOUS, self,
                             functions[i].func, NULL, NULL);
}

/* Errors ------------------------------------------------------------------- */

/* Why the database cannot be written yet, or ever: it is still being
 * checked, or the check found it damaged. Returns FALSE. */
static gboolean
set_unverified_error (ClwDatabase  *self,
                      GError      **error)
{
  if (self->verify_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->verify_error));
      return FALSE;
    }

  g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_CHECKING,
               _("“%s” is still being checked for damage, which takes a moment for a big "
                 "database: nothing was saved. Try again when the check is done."),
               self->path != NULL ? self->path : "");
  return FALSE;
}

gboolean
_clw_database_set_error (ClwDatabase  *self,
                         int           rc,
                         const char   *what,
                         GError      **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  const char *path = self->path != NULL ? self->path : "";

  /* Writing was refused until the integrity check has passed. */
  if ((rc & 0xff) == SQLITE_AUTH && !self->verified)
    return set_unverified_error (self, error);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_BUSY,
                   _("Another program is using the database “%s” while %s. "
                     "Close it and try again."), path, what);
      break;

    case SQLITE_FULL:
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_SQL,
                   _("The disk holding “%s” is full while %s: nothing was saved. "
                     "Free some space and try again."), path, what);
      break;

    case SQLITE_READONLY:
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written while %s (%s). "
                     "Check that the file and its folder are writable."), path, what, detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED,
                   _("The database “%s” is damaged (%s) while %s. "
                     "Restore it from a backup."), path, detail, what);
      break;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_OPEN,
                   _("Could not read or write “%s” while %s: %s."), path, what, detail);
      break;

    default:
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_SQL,
                   _("Database error while %s: %s."), what, detail);
      break;
    }

  return FALSE;
}

/* Statements ----------------------------------------------------------------- */

sqlite3 *
_clw_database_get_handle (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), NULL);

  return self->db;
}

ClwStmt *
_clw_database_prepare (ClwDatabase  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _clw_database_set_error (self, rc, _("preparing a query"), error);
      g_warning ("Could not prepare %s: %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
clw_database_exec (ClwDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("running “%.60s”"), sql);
      sqlite3_free (errmsg);
      return _clw_database_set_error (self, rc, what, error);
    }

  return TRUE;
}

/* Files ------------------------------------------------------------------- */

char *
clw_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "clwstwr", "clwstwr.db", NULL);
}

/* Create an empty file readable by its owner only, in a folder that is
 * created 0700 if it does not exist. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  /* The umask may have taken bits away, never added them; make sure. */
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

typedef enum {
  HEADER_EMPTY,
  HEADER_SQLITE,
  HEADER_OTHER,
} HeaderKind;

/* What the first 100 bytes of an SQLite file say (its database header),
 * as of the last checkpoint: a -wal file beside it may hold newer values. */
typedef struct
{
  HeaderKind kind;
  gboolean   complete;        /* the whole header was read */
  gboolean   wal;             /* the file is in WAL mode */
  guint32    user_version;
  guint32    application_id;
} Header;

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

static gboolean
read_header (const char  *path,
             Header      *header,
             GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 buf[100];
  ssize_t n;
  int fd;

  memset (header, 0, sizeof *header);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_OPEN,
                   _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  n = read (fd, buf, sizeof buf);
  close (fd);

  if (n == 0)
    header->kind = HEADER_EMPTY;
  else if (n >= (ssize_t) sizeof magic && memcmp (buf, magic, sizeof magic) == 0)
    header->kind = HEADER_SQLITE;
  else
    header->kind = HEADER_OTHER;

  if (header->kind == HEADER_SQLITE && n == sizeof buf)
    {
      /* The file format's write and read versions are 2 in WAL mode. */
      header->complete = TRUE;
      header->wal = buf[18] == 2 && buf[19] == 2;
      header->user_version = read_be32 (buf + 60);
      header->application_id = read_be32 (buf + 68);
    }

  return TRUE;
}

/* Migrations ------------------------------------------------------------------ */

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_migrations (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (clw_core_get_resource (),
                                                       MIGRATIONS_PATH,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv sorted;
  guint n;

  g_assert (names != NULL);
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    {
      /* 0001-initial.sql is the migration to version 1, and so on. */
      g_assert (g_ascii_strtoll (names[i], NULL, 10) == (gint64) i + 1);
      g_strv_builder_add (builder, names[i]);
    }

  sorted = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return sorted;
}

int
clw_database_get_latest_version (void)
{
  static gsize latest;

  if (g_once_init_enter (&latest))
    {
      g_auto(GStrv) names = list_migrations ();
      g_once_init_leave (&latest, g_strv_length (names));
    }

  return (int) latest;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc_out != NULL)
    *rc_out = rc;
  return value;
}

static gboolean
side_file_exists (const char *path,
                  const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

/* Add what PRAGMA integrity_check said to @problems, on one line. */
static void
append_integrity_problem (GString    *problems,
                          const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line == '\0' || g_str_equal (line, "ok") || g_str_has_prefix (line, "*** in database"))
        continue;
      g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
}

/* The checks made on a read-only connection before anything is written.
 *
 * Even a read-only connection to a database in WAL mode creates the -wal
 * and -shm files beside it, and leaves them there when it cannot write. So
 * when nobody has the file open (no -wal or -journal beside it), the file
 * is all there is and it is read as immutable: no lock, no side file, a
 * file that is refused is left exactly as it was found. */
static gboolean
inspect_existing_once (const char            *path,
                       ClwDatabaseOpenFlags   flags,
                       gboolean               immutable,
                       int                   *version_out,
                       GError               **error)
{
  sqlite3 *db = NULL;
  int rc;
  int app_id;
  int version;
  int n_tables;

  if (immutable)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
      g_autofree char *uri = g_strconcat (file_uri, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_OPEN,
                   _("Could not open “%s”: %s"), path, sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);

  app_id = query_int (db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = query_int (db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    n_tables = query_int (db, "SELECT count(*) FROM sqlite_schema", &rc);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_BUSY)
        g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_BUSY,
                     _("Another program is using “%s”. Close it and try again."), path);
      else
        g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be read (%s). Nothing was changed; "
                       "restore it from a backup."), path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  if (app_id != CLW_APPLICATION_ID && !(app_id == 0 && n_tables == 0))
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_DATABASE,
                   _("“%s” is an SQLite database, but not a Clwstwr database. "
                     "Nothing was changed."), path);
      sqlite3_close (db);
      return FALSE;
    }

  if (version > clw_database_get_latest_version ())
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Clwstwr (database version %d; "
                     "this version reads up to %d). Open it with the newer version. "
                     "Nothing was changed."),
                   path, version, clw_database_get_latest_version ());
      sqlite3_close (db);
      return FALSE;
    }

  if (!(flags & CLW_DATABASE_OPEN_TRUSTED))
    {
      sqlite3_stmt *stmt = NULL;
      g_autoptr(GString) problems = g_string_new (NULL);

      rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(5)", -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          append_integrity_problem (problems, (const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE && rc != SQLITE_OK)
        append_integrity_problem (problems, sqlite3_errmsg (db));

      if (problems->len > 0)
        {
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED,
                       _("“%s” is damaged: SQLite's integrity check failed (%s). "
                         "Nothing was changed; restore it from a backup."), path, problems->str);
          sqlite3_close (db);
          return FALSE;
        }
    }

  sqlite3_close (db);
  *version_out = version;
  return TRUE;
}

static gboolean
inspect_existing (const char            *path,
                  ClwDatabaseOpenFlags   flags,
                  int                   *version_out,
                  GError               **error)
{
  gboolean in_use = side_file_exists (path, "-wal") || side_file_exists (path, "-journal");
  g_autoptr(GError) local_error = NULL;

  if (in_use)
    return inspect_existing_once (path, flags, FALSE, version_out, error);

  if (inspect_existing_once (path, flags, TRUE, version_out, &local_error) &&
      !side_file_exists (path, "-wal") && !side_file_exists (path, "-journal"))
    return TRUE;

  /* Another program started writing while the file was read as immutable:
   * what was read may be out of date, so read it again the ordinary way. */
  if (side_file_exists (path, "-wal") || side_file_exists (path, "-journal"))
    return inspect_existing_once (path, flags, FALSE, version_out, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The header of @path is that of a database of this version, in WAL mode,
 * and no one has it open (no -wal or -journal beside it, so the header is
 * all there is). */
static gboolean
is_current_and_idle (const char   *path,
                     const Header *header)
{
  return header->complete &&
         header->wal &&
         header->application_id == CLW_APPLICATION_ID &&
         header->user_version == (guint32) clw_database_get_latest_version () &&
         !side_file_exists (path, "-wal") &&
         !side_file_exists (path, "-journal");
}

/* The authorizer of a connection whose file has not been checked yet:
 * reading, and the temporary tables of queries, only. */
static int
refuse_writes_cb (void       *user_data,
                  int         action,
                  const char *arg1,
                  const char *arg2,
                  const char *db_name,
                  const char *trigger)
{
  switch (action)
    {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      return g_strcmp0 (db_name, "temp") == 0 ? SQLITE_OK : SQLITE_DENY;

    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_VTABLE:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
    case SQLITE_DROP_VTABLE:
    case SQLITE_ALTER_TABLE:
    case SQLITE_REINDEX:
    case SQLITE_ANALYZE:
    case SQLITE_ATTACH:
      return SQLITE_DENY;

    case SQLITE_PRAGMA:
      /* Setting these writes the file's header. */
      if (arg2 != NULL &&
          (g_ascii_strcasecmp (arg1, "user_version") == 0 ||
           g_ascii_strcasecmp (arg1, "application_id") == 0 ||
           g_ascii_strcasecmp (arg1, "journal_mode") == 0 ||
           g_ascii_strcasecmp (arg1, "page_size") == 0 ||
           g_ascii_strcasecmp (arg1, "auto_vacuum") == 0))
        return SQLITE_DENY;
      return SQLITE_OK;

    default:
      return SQLITE_OK;
    }
}

static void
set_verified (ClwDatabase *self)
{
  if (self->verified)
    return;

  self->verified = TRUE;
  g_clear_error (&self->verify_error);
  if (self->db != NULL && !self->read_only)
    sqlite3_set_authorizer (self->db, NULL, NULL);
}

static char *
make_backup_path (const char *path,
                  int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = NULL;

  if (g_str_has_suffix (path, ".db"))
    base = g_strndup (path, strlen (path) - 3);
  else
    base = g_strdup (path);

  for (guint i = 0; ; i++)
    {
      g_autofree char *candidate = NULL;

      if (i == 0)
        candidate = g_strdup_printf ("%s.v%d-backup-%s.db", base, version, stamp);
      else
        candidate = g_strdup_printf ("%s.v%d-backup-%s-%u.db", base, version, stamp, i);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
}

static gboolean
backup (ClwDatabase  *self,
        GError      **error)
{
  g_autofree char *backup_path = make_backup_path (self->path, self->version);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  if (!create_private_file (backup_path, error))
    return FALSE;

  stmt = _clw_database_prepare (self, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, backup_path);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("copying it to the backup “%s”"), backup_path);
      g_unlink (backup_path);
      return _clw_database_set_error (self, rc, what, error);
    }

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&backup_path);
  return TRUE;
}

static gboolean
migrate (ClwDatabase  *self,
         int           latest,
         GError      **error)
{
  g_auto(GStrv) names = list_migrations ();
  g_autofree char *pragmas = NULL;

  g_assert (latest <= (int) g_strv_length (names));

  if (!clw_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int v = self->version; v < latest; v++)
    {
      g_autofree char *resource = g_strconcat (MIGRATIONS_PATH, names[v], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      char *errmsg = NULL;
      int rc;

      bytes = g_resource_lookup_data (clw_core_get_resource (), resource,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_MIGRATION,
                       _("Could not update “%s” to database version %d (%s): %s. "
                         "Nothing was changed."),
                       self->path, v + 1, names[v], errmsg != NULL ? errmsg : sqlite3_errstr (rc));
          sqlite3_free (errmsg);
          clw_database_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             CLW_APPLICATION_ID, latest);
  if (!_clw_database_refresh_audit_triggers (self, error) ||
      !clw_database_exec (self, pragmas, error) ||
      !clw_database_exec (self, "COMMIT", error))
    {
      clw_database_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  self->version = latest;
  return TRUE;
}

/* Audit triggers ------------------------------------------------------------ */

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

static GPtrArray *
list_columns (ClwDatabase  *self,
              const char   *table,
              GError      **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = _clw_database_prepare (self, "SELECT name FROM pragma_table_info(?) ORDER BY cid", error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (columns, _clw_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (self, rc, _("reading the schema"), error);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

GPtrArray *
_clw_database_list_data_tables (ClwDatabase  *self,
                                GError      **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  /* A data table has the four columns of the convention. */
  stmt = _clw_database_prepare (self,
                                "SELECT m.name FROM sqlite_schema m "
                                "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' "
                                "AND (SELECT count(*) FROM pragma_table_info(m.name) c "
                                "     WHERE c.name IN ('id', 'created_at', 'updated_at', 'updated_by')) = 4 "
                                "ORDER BY m.rowid",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, _clw_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (self, rc, _("reading the schema"), error);
      return NULL;
    }

  return g_steal_pointer (&tables);
}

static char *
json_object_sql (GPtrArray  *columns,
                 const char *row)
{
  g_autoptr(GString) sql = g_string_new ("json_object(");

  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (columns, i));
      g_string_append_printf (sql, "%s'%s', %s.%s", i ? ", " : "",
                              (const char *) g_ptr_array_index (columns, i), row, quoted);
    }
  g_string_append_c (sql, ')');

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

gboolean
_clw_database_refresh_audit_triggers (ClwDatabase  *self,
                                      GError      **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = _clw_database_prepare (self,
                                "SELECT name FROM sqlite_schema "
                                "WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (triggers, _clw_column_dup (stmt, 0));
  g_clear_pointer (&stmt, _clw_stmt_release);

  for (guint i = 0; i < triggers->len; i++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (triggers, i));
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER %s", quoted);
      if (!clw_database_exec (self, sql, error))
        return FALSE;
    }

  tables = _clw_database_list_data_tables (self, error);
  if (tables == NULL)
    return FALSE;

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *qtable = quote_identifier (table);
      g_autoptr(GPtrArray) columns = list_columns (self, table, error);
      g_autofree char *old_json = NULL;
      g_autofree char *new_json = NULL;
      g_autoptr(GString) changed = g_string_new (NULL);
      g_autofree char *sql = NULL;

      if (columns == NULL)
        return FALSE;

      old_json = json_object_sql (columns, "OLD");
      new_json = json_object_sql (columns, "NEW");
      for (guint c = 0; c < columns->len; c++)
        {
          g_autofree char *qc = quote_identifier (g_ptr_array_index (columns, c));
          g_string_append_printf (changed, "%sOLD.%s IS NOT NEW.%s", c ? " OR " : "", qc, qc);
        }

#define AUDIT_INSERT \
  "INSERT INTO audit_log (id, change_id, at, user, table_name, row_id, action, " \
  "old_values, new_values, reverts) VALUES (clw_uuid(), clw_change_id(), clw_now(), clw_user(), "

      sql = g_strdup_printf (
        "CREATE TRIGGER \"audit_%s_insert\" AFTER INSERT ON %s WHEN clw_audit_enabled() BEGIN "
        AUDIT_INSERT "'%s', NEW.id, 'insert', NULL, %s, clw_reverts()); END;"
        "CREATE TRIGGER \"audit_%s_update\" AFTER UPDATE ON %s WHEN clw_audit_enabled() AND (%s) BEGIN "
        AUDIT_INSERT "'%s', NEW.id, 'update', %s, %s, clw_reverts()); END;"
        "CREATE TRIGGER \"audit_%s_delete\" AFTER DELETE ON %s WHEN clw_audit_enabled() BEGIN "
        AUDIT_INSERT "'%s', OLD.id, 'delete', %s, NULL, clw_reverts()); END;",
        table, qtable, table, new_json,
        table, qtable, changed->str, table, old_json, new_json,
        table, qtable, table, old_json);
#undef AUDIT_INSERT

      if (!clw_database_exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* Writing in bulk ------------------------------------------------------------
 *
 * An AFTER INSERT trigger makes every INSERT a statement that writes two
 * tables, and SQLite then keeps a statement journal for it: a copy of every
 * page it touches, made and thrown away row by row. For thousands of rows
 * (an import) that copying costs more than the rows themselves. So, while
 * writing in bulk, the insert triggers of the audit log are dropped (inside
 * the transaction: a rollback puts them back) and the record layer writes
 * each audit row itself, right after its row, with the same values the
 * trigger would have written: the row as stored, read back by its id.
 */

static char *
quote_literal (const char *text)
{
  g_autoptr(GString) quoted = g_string_new ("'");

  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

gboolean
_clw_database_begin_bulk_audit (ClwDatabase  *self,
                                GError      **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GHashTable) statements = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  g_return_val_if_fail (self->bulk_audit == NULL, FALSE);

  tables = _clw_database_list_data_tables (self, error);
  if (tables == NULL)
    return FALSE;

  statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *qtable = quote_identifier (table);
      g_autofree char *trigger_name = g_strdup_printf ("audit_%s_insert", table);
      g_autofree char *qtrigger = quote_identifier (trigger_name);
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER IF EXISTS %s", qtrigger);
      g_autoptr(GPtrArray) columns = list_columns (self, table, error);
      g_autofree char *new_json = NULL;
      g_autofree char *literal = quote_literal (table);

      if (columns == NULL || !clw_database_exec (self, drop, error))
        return FALSE;

      new_json = json_object_sql (columns, qtable);
      g_hash_table_insert (statements, g_strdup (table),
                           g_strdup_printf ("INSERT INTO audit_log (id, change_id, at, user, table_name, "
                                            "row_id, action, old_values, new_values, reverts) "
                                            "VALUES (clw_uuid(), clw_change_id(), clw_now(), clw_user(), "
                                            "%s, ?1, 'insert', NULL, (SELECT %s FROM %s WHERE id = ?1), "
                                            "clw_reverts())",
                                            literal, new_json, qtable));
    }

  self->bulk_audit = g_steal_pointer (&statements);
  return TRUE;
}

gboolean
_clw_database_end_bulk_audit (ClwDatabase  *self,
                              GError      **error)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  if (self->bulk_audit == NULL)
    return TRUE;

  g_clear_pointer (&self->bulk_audit, g_hash_table_unref);
  return _clw_database_refresh_audit_triggers (self, error);
}

gboolean
_clw_database_audit_bulk_insert (ClwDatabase  *self,
                                 const char   *table,
                                 const char   *row_id,
                                 GError      **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  const char *sql;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  if (self->bulk_audit == NULL || !self->audit_enabled)
    return TRUE;

  sql = g_hash_table_lookup (self->bulk_audit, table);
  if (sql == NULL)
    return TRUE;

  stmt = _clw_database_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, row_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self, rc, _("writing the audit log"), error);
  return TRUE;
}

void
_clw_database_set_audit (ClwDatabase *self,
                         gboolean     enabled)
{
  g_return_if_fail (CLW_IS_DATABASE (self));

  self->audit_enabled = !!enabled;
}

/* Change notification -------------------------------------------------------- */

static void
update_hook (void          *user_data,
             int            op,
             const char    *db_name,
             const char    *table,
             sqlite3_int64  rowid)
{
  ClwDatabase *self = user_data;

  /* Listeners care about the data, not the log or the index kept beside it. */
  if (g_str_equal (table, "audit_log") || g_str_has_prefix (table, "search_"))
    return;

  if (self->depth > 0 && !g_hash_table_contains (self->changed_tables, table))
    g_hash_table_add (self->changed_tables, g_strdup (table));
}

static void
emit_changed (ClwDatabase *self)
{
  g_autofree const char **tables = NULL;
  guint n;

  if (g_hash_table_size (self->changed_tables) == 0)
    return;

  tables = (const char **) g_hash_table_get_keys_as_array (self->changed_tables, &n);
  g_hash_table_steal_all (self->changed_tables);

  g_signal_emit (self, signals[CHANGED], 0, tables);

  for (guint i = 0; i < n; i++)
    g_free ((char *) tables[i]);
}

void
_clw_database_forget_undo (ClwDatabase *self)
{
  g_return_if_fail (CLW_IS_DATABASE (self));

  g_queue_clear_full (&self->undo_stack, undo_entry_free);
}

void
_clw_database_emit_changed (ClwDatabase        *self,
                            const char * const *tables)
{
  g_return_if_fail (CLW_IS_DATABASE (self));

  if (tables == NULL || tables[0] == NULL)
    return;

  g_signal_emit (self, signals[CHANGED], 0, tables);
}

/* GObject ------------------------------------------------------------------- */

static void
clw_database_finalize (GObject *object)
{
  ClwDatabase *self = (ClwDatabase *) object;

  g_clear_pointer (&self->bulk_audit, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_queue_clear_full (&self->undo_stack, undo_entry_free);
  g_clear_pointer (&self->changed_tables, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->change_id, g_free);
  g_clear_pointer (&self->change_label, g_free);
  g_clear_pointer (&self->change_at, g_free);
  g_clear_pointer (&self->reverts, g_free);
  g_clear_pointer (&self->merge_key, g_free);
  g_clear_error (&self->verify_error);

  G_OBJECT_CLASS (clw_database_parent_class)->finalize (object);
}

static void
clw_database_class_init (ClwDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_database_finalize;

  /**
   * ClwDatabase::changed:
   * @tables: (array zero-terminated=1): the tables written
   *
   * Emitted after a transaction that wrote rows is committed, or a change
   * is undone.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
clw_database_init (ClwDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->changed_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->undo_stack);
  self->user = g_strdup (g_get_real_name ());
  if (self->user == NULL || *self->user == '\0' || g_str_equal (self->user, "Unknown"))
    {
      g_free (self->user);
      self->user = g_strdup (g_get_user_name ());
    }
  self->audit_enabled = TRUE;
}

/* Public API ---------------------------------------------------------------- */

ClwDatabase *
clw_database_open (const char            *path,
                   ClwDatabaseOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(ClwDatabase) self = NULL;
  gboolean fresh = FALSE;
  gboolean read_only = (flags & CLW_DATABASE_OPEN_READ_ONLY) != 0;
  gboolean check_later = (flags & CLW_DATABASE_OPEN_CHECK_LATER) && !(flags & CLW_DATABASE_OPEN_TRUSTED);
  gboolean verified = TRUE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & CLW_DATABASE_OPEN_CREATE) || read_only)
        {
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_OPEN,
                       _("There is no database at “%s”."), path);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
      fresh = TRUE;
    }
  else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_DATABASE,
                   _("“%s” is not a Clwstwr database: it is not a file."), path);
      return NULL;
    }
  else
    {
      Header header;

      if (!read_header (path, &header, error))
        return NULL;

      if (header.kind == HEADER_OTHER)
        {
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_DATABASE,
                       _("“%s” is not a Clwstwr database: it is not an SQLite file. "
                         "Nothing was changed."), path);
          return NULL;
        }
      else if (header.kind == HEADER_EMPTY)
        {
          /* An empty file is a database created and never migrated (a
           * process killed at the wrong moment): start it afresh. */
          fresh = !read_only;
          if (!fresh)
            {
              g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_DATABASE,
                           _("“%s” is empty."), path);
              return NULL;
            }
          /* It is about to hold health board data: as private as a new file. */
          if (g_chmod (path, 0600) != 0)
            {
              int saved_errno = errno;
              g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_OPEN,
                           _("Could not make “%s” readable by its owner only: %s"),
                           path, g_strerror (saved_errno));
              return NULL;
            }
        }
      else if (check_later && is_current_and_idle (path, &header))
        {
          /* Ours, of this version, in WAL mode, and closed: the header says
           * all the cheap checks would, with no connection to open. */
          version = (int) header.user_version;
          verified = FALSE;
        }
      else if (check_later)
        {
          /* The cheap checks; the full one only where writing comes next:
           * migrating, or turning on WAL mode. */
          if (!inspect_existing (path, flags | CLW_DATABASE_OPEN_TRUSTED, &version, error))
            return NULL;
          if (!read_only && (version < clw_database_get_latest_version () || !header.wal))
            {
              if (!inspect_existing (path, flags & ~CLW_DATABASE_OPEN_CHECK_LATER, &version, error))
                return NULL;
            }
          else
            verified = FALSE;
        }
      else if (!inspect_existing (path, flags, &version, error))
        return NULL;
    }

  self = g_object_new (CLW_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->version = version;
  self->read_only = read_only;
  self->verified = verified;

  rc = sqlite3_open_v2 (path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_OPEN,
                   _("Could not open “%s”: %s"), path, sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  register_functions (self);
  sqlite3_update_hook (self->db, update_hook, self);

  /* Savepoint journals stay in memory: once one spills to a temporary
   * file, SQLite writes every later savepoint through it. */
  /* A 32 MiB page cache holds a whole import or sync in memory until it
   * commits; SQLite only takes what it uses. */
  if (!clw_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                          "PRAGMA cache_size = -32768", error))
    return NULL;

  if (!read_only)
    {
      if (!clw_database_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error))
        return NULL;

      /* Not one page written until the check has passed. */
      if (!self->verified)
        sqlite3_set_authorizer (self->db, refuse_writes_cb, self);

      if (self->version < clw_database_get_latest_version ())
        {
          if (!fresh && self->version > 0 && !backup (self, error))
            return NULL;
          if (!migrate (self, clw_database_get_latest_version (), error))
            {
              /* Nothing was changed: the backup is the same as the file. */
              if (self->backup_path != NULL)
                g_unlink (self->backup_path);
              g_clear_pointer (&self->backup_path, g_free);
              return NULL;
            }
        }

      if (fresh)
        {
          g_autofree char *id = clw_uuid_new ();
          g_autofree char *now = clw_timestamp_now ();

          if (!clw_database_set_meta (self, "database-id", id, error) ||
              !clw_database_set_meta (self, "created-at", now, error))
            return NULL;
        }
    }
  else if (self->version < clw_database_get_latest_version ())
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY,
                   _("“%s” needs updating to database version %d and cannot be read "
                     "until it is opened for writing."),
                   path, clw_database_get_latest_version ());
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clw_database_get_path (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), NULL);

  return self->path;
}

gboolean
clw_database_is_read_only (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), TRUE);

  return self->read_only;
}

int
clw_database_get_version (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), 0);

  return self->version;
}

/* The backup made before migrating on open, or NULL. */
const char *
clw_database_get_backup_path (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), NULL);

  return self->backup_path;
}

const char *
clw_database_get_user (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), NULL);

  return self->user;
}

void
clw_database_set_user (ClwDatabase *self,
                       const char  *user)
{
  g_return_if_fail (CLW_IS_DATABASE (self));

  if (user == NULL || *user == '\0')
    return;

  g_free (self->user);
  self->user = g_strdup (user);
}

char *
clw_database_get_meta (ClwDatabase *self,
                       const char  *key)
{
  g_autoptr(ClwStmt) stmt = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (self), NULL);

  stmt = _clw_database_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return _clw_column_dup (stmt, 0);

  return NULL;
}

gboolean
clw_database_set_meta (ClwDatabase  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  if (!self->verified && !self->read_only)
    return set_unverified_error (self, error);

  if (value != NULL)
    stmt = _clw_database_prepare (self,
                                  "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT (key) DO UPDATE SET value = ?2",
                                  error);
  else
    stmt = _clw_database_prepare (self, "DELETE FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;

  _clw_bind_text (stmt, 1, key);
  if (value != NULL)
    _clw_bind_text (stmt, 2, value);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self, rc, _("saving a setting"), error);

  return TRUE;
}

GDate *
clw_database_get_today (ClwDatabase *self)
{
  g_autofree char *reference = clw_database_get_meta (self, "reference-date");
  GDate *date = g_date_new ();

  if (reference != NULL)
    g_date_set_parse (date, reference);

  if (!g_date_valid (date))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_set_dmy (date,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  return date;
}

gboolean
clw_database_in_transaction (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  return self->depth > 0;
}

gboolean
clw_database_begin (ClwDatabase  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_READ_ONLY,
                   _("The database “%s” is open for reading only."), self->path);
      return FALSE;
    }

  if (!self->verified)
    return set_unverified_error (self, error);

  if (self->depth == 0)
    {
      if (!clw_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      g_clear_pointer (&self->change_id, g_free);
      g_clear_pointer (&self->change_label, g_free);
      g_clear_pointer (&self->merge_key, g_free);
      self->merging = FALSE;
      g_free (self->change_at);
      self->change_at = clw_timestamp_now ();
      self->audited = FALSE;
      g_hash_table_remove_all (self->changed_tables);
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT clw_%u", self->depth);
      if (!clw_database_exec (self, sql, error))
        return FALSE;
    }

  self->depth++;
  return TRUE;
}

void
clw_database_set_change_label (ClwDatabase *self,
                               const char  *label)
{
  g_return_if_fail (CLW_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  /* The outermost label wins: it describes the whole change. */
  if (self->change_label == NULL)
    self->change_label = g_strdup (label);
}

void
clw_database_set_change_merge_key (ClwDatabase *self,
                                   const char  *key,
                                   guint        window_seconds)
{
  UndoEntry *head;

  g_return_if_fail (CLW_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);
  g_return_if_fail (key != NULL);

  /* Only the outermost transaction decides, and only before it writes. */
  if (self->depth > 1 || self->merge_key != NULL || self->change_id != NULL)
    return;

  self->merge_key = g_strdup (key);

  head = g_queue_peek_head (&self->undo_stack);
  if (head != NULL && g_strcmp0 (head->merge_key, key) == 0 &&
      g_get_monotonic_time () - head->last_written < (gint64) window_seconds * G_USEC_PER_SEC)
    {
      /* The audit rows of this transaction join that change: undo reverts
       * them all, the newest first. */
      self->change_id = g_strdup (head->change_id);
      self->merging = TRUE;
    }
}

gboolean
clw_database_commit (ClwDatabase  *self,
                     GError      **error)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE clw_%u", self->depth - 1);
      if (!clw_database_exec (self, sql, error))
        return FALSE;
      self->depth--;
      return TRUE;
    }

  /* Never commit without the audit triggers. */
  if (self->bulk_audit != NULL && !_clw_database_end_bulk_audit (self, error))
    {
      clw_database_rollback (self);
      return FALSE;
    }

  if (!clw_database_exec (self, "COMMIT", error))
    {
      /* A failed COMMIT (a deferred foreign key, a full disk) leaves the
       * transaction open: undo all of it. */
      clw_database_rollback (self);
      return FALSE;
    }

  self->depth = 0;
  g_clear_pointer (&self->change_at, g_free);

  if (self->audited && self->reverts == NULL && self->merging)
    {
      UndoEntry *head = g_queue_peek_head (&self->undo_stack);
      head->last_written = g_get_monotonic_time ();
    }
  else if (self->audited && self->reverts == NULL)
    {
      UndoEntry *entry = g_new0 (UndoEntry, 1);
      entry->change_id = g_steal_pointer (&self->change_id);
      entry->label = g_steal_pointer (&self->change_label);
      entry->merge_key = g_steal_pointer (&self->merge_key);
      entry->last_written = g_get_monotonic_time ();
      g_queue_push_head (&self->undo_stack, entry);
    }
  g_clear_pointer (&self->change_id, g_free);
  g_clear_pointer (&self->change_label, g_free);
  g_clear_pointer (&self->merge_key, g_free);
  self->merging = FALSE;

  emit_changed (self);
  return TRUE;
}

void
clw_database_rollback (ClwDatabase *self)
{
  g_return_if_fail (CLW_IS_DATABASE (self));

  if (self->depth == 0)
    return;

  if (self->depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO clw_%u; RELEASE clw_%u",
                                              self->depth - 1, self->depth - 1);
      clw_database_exec (self, sql, NULL);
      self->depth--;
      return;
    }

  if (sqlite3_get_autocommit (self->db) == 0)
    clw_database_exec (self, "ROLLBACK", NULL);

  self->depth = 0;
  self->audited = FALSE;
  self->merging = FALSE;
  /* The rollback brought the dropped triggers back. */
  g_clear_pointer (&self->bulk_audit, g_hash_table_unref);
  g_clear_pointer (&self->change_id, g_free);
  g_clear_pointer (&self->change_label, g_free);
  g_clear_pointer (&self->merge_key, g_free);
  g_clear_pointer (&self->change_at, g_free);
  g_hash_table_remove_all (self->changed_tables);
}

/* Undo ------------------------------------------------------------------------ */

gboolean
clw_database_can_undo (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  return !g_queue_is_empty (&self->undo_stack);
}

const char *
clw_database_get_undo_label (ClwDatabase *self)
{
  UndoEntry *entry;

  g_return_val_if_fail (CLW_IS_DATABASE (self), NULL);

  entry = g_queue_peek_head (&self->undo_stack);
  return entry != NULL ? entry->label : NULL;
}

/* The row as the audit log writes it, or NULL when it does not exist. */
static char *
current_row_json (ClwDatabase  *self,
                  const char   *table,
                  const char   *row_id,
                  GError      **error)
{
  g_autoptr(GPtrArray) columns = list_columns (self, table, error);
  g_autofree char *qtable = NULL;
  g_autofree char *object = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  if (columns == NULL)
    return NULL;

  qtable = quote_identifier (table);
  object = json_object_sql (columns, "t");
  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.id = ?", object, qtable);
  stmt = _clw_database_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _clw_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    _clw_database_set_error (self, rc, _("reading a row to undo"), error);

  return NULL;
}

static gboolean
revert_row (ClwDatabase  *self,
            const char   *table,
            const char   *row_id,
            const char   *action,
            const char   *old_values,
            const char   *new_values,
            GError      **error)
{
  g_autoptr(GPtrArray) columns = list_columns (self, table, error);
  g_autofree char *qtable = NULL;
  g_autofree char *current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  if (columns == NULL)
    return FALSE;

  /* Only undo what is still as the change left it. */
  current = current_row_json (self, table, row_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (current, new_values) != 0)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_UNDO_CONFLICT,
                   _("This change cannot be undone: the %s has been changed again since."),
                   clw_record_table_to_label (table));
      return FALSE;
    }

  qtable = quote_identifier (table);

  if (g_str_equal (action, "insert"))
    {
      g_string_printf (sql, "DELETE FROM %s WHERE id = ?2", qtable);
    }
  else if (g_str_equal (action, "delete"))
    {
      g_string_printf (sql, "INSERT INTO %s (", qtable);
      for (guint i = 0; i < columns->len; i++)
        {
          g_autofree char *qc = quote_identifier (g_ptr_array_index (columns, i));
          g_string_append_printf (sql, "%s%s", i ? ", " : "", qc);
        }
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%sjson_extract(?1, '$.%s')", i ? ", " : "",
                                (const char *) g_ptr_array_index (columns, i));
      g_string_append (sql, ")");
    }
  else
    {
      g_string_printf (sql, "UPDATE %s SET ", qtable);
      for (guint i = 0; i < columns->len; i++)
        {
          g_autofree char *qc = quote_identifier (g_ptr_array_index (columns, i));
          g_string_append_printf (sql, "%s%s = json_extract(?1, '$.%s')", i ? ", " : "", qc,
                                  (const char *) g_ptr_array_index (columns, i));
        }
      g_string_append (sql, " WHERE id = ?2");
    }

  stmt = _clw_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, old_values);
  _clw_bind_text (stmt, 2, row_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self, rc, _("undoing a change"), error);

  return TRUE;
}

/* table_name, row_id, action, old_values, new_values: old or new values
 * may be NULL, so not a NULL-terminated array. */
#define AUDIT_ROW_COLUMNS 5

static void
audit_row_free (gpointer data)
{
  char **row = data;

  for (int i = 0; i < AUDIT_ROW_COLUMNS; i++)
    g_free (row[i]);
  g_free (row);
}

gboolean
clw_database_undo (ClwDatabase  *self,
                   GError      **error)
{
  UndoEntry *entry;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  entry = g_queue_peek_head (&self->undo_stack);
  if (entry == NULL)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOTHING_TO_UNDO,
                   _("There is nothing to undo."));
      return FALSE;
    }

  if (!clw_database_begin (self, error))
    return FALSE;
  self->reverts = g_strdup (entry->change_id);

  {
    g_autoptr(ClwStmt) stmt = NULL;

    stmt = _clw_database_prepare (self,
                                  "SELECT table_name, row_id, action, old_values, new_values "
                                  "FROM audit_log WHERE change_id = ? ORDER BY rowid DESC",
                                  error);
    if (stmt == NULL)
      goto failed;
    _clw_bind_text (stmt, 1, entry->change_id);

    rows = g_ptr_array_new_with_free_func (audit_row_free);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        char **row = g_new0 (char *, AUDIT_ROW_COLUMNS);
        for (int i = 0; i < AUDIT_ROW_COLUMNS; i++)
          row[i] = _clw_column_dup (stmt, i);
        g_ptr_array_add (rows, row);
      }
    if (rc != SQLITE_DONE)
      {
        _clw_database_set_error (self, rc, _("reading the audit log"), error);
        goto failed;
      }
  }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      if (!revert_row (self, row[0], row[1], row[2], row[3], row[4], error))
        goto failed;
    }

  if (!clw_database_commit (self, error))
    goto failed;

  g_clear_pointer (&self->reverts, g_free);
  undo_entry_free (g_queue_pop_head (&self->undo_stack));
  return TRUE;

failed:
  clw_database_rollback (self);
  g_clear_pointer (&self->reverts, g_free);
  /* A change that cannot be undone now never will be: drop it, so the
   * next Ctrl+Z reaches the one before. */
  if (error != NULL && *error != NULL &&
      g_error_matches (*error, CLW_DB_ERROR, CLW_DB_ERROR_UNDO_CONFLICT))
    undo_entry_free (g_queue_pop_head (&self->undo_stack));
  return FALSE;
}

gboolean
clw_database_check_integrity (ClwDatabase  *self,
                              GError      **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  stmt = _clw_database_prepare (self, "PRAGMA integrity_check(5)", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append_integrity_problem (problems, _clw_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return _clw_database_set_error (self, rc, _("checking the database"), error);

  if (problems->len > 0)
    {
      g_autoptr(GError) damaged = g_error_new (CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED,
                                               _("“%s” is damaged: SQLite's integrity check failed (%s)."),
                                               self->path, problems->str);

      /* Checked now: never written. */
      if (!self->verified)
        {
          g_clear_error (&self->verify_error);
          self->verify_error = g_error_copy (damaged);
        }
      g_propagate_error (error, g_steal_pointer (&damaged));
      return FALSE;
    }

  set_verified (self);
  return TRUE;
}

/* The deferred check ------------------------------------------------------------ */

static int
verify_progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

static void
verify_cancelled_cb (GCancellable *cancellable,
                     sqlite3      *db)
{
  sqlite3_interrupt (db);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gulong cancelled_id = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_task_return_new_error (task, CLW_DB_ERROR, CLW_DB_ERROR_OPEN,
                               _("Could not open “%s” to check it: %s"), path, sqlite3_errstr (rc));
      sqlite3_close (db);
      return;
    }
  sqlite3_busy_timeout (db, 5000);
  if (cancellable != NULL)
    {
      sqlite3_progress_handler (db, 1000, verify_progress_cb, cancellable);
      cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (verify_cancelled_cb), db, NULL);
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(5)", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      append_integrity_problem (problems, (const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_OK && (rc & 0xff) != SQLITE_INTERRUPT &&
      (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
    append_integrity_problem (problems, sqlite3_errmsg (db));

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, cancelled_id);
  sqlite3_close (db);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (problems->len > 0)
    g_task_return_new_error (task, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED,
                             _("“%s” is damaged: SQLite's integrity check failed (%s). Nothing was "
                               "saved to it; restore it from a backup."), path, problems->str);
  else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_task_return_new_error (task, CLW_DB_ERROR, CLW_DB_ERROR_BUSY,
                             _("Another program is using “%s”, so it could not be checked. "
                               "Close it and open the database again."), path);
  else
    g_task_return_boolean (task, TRUE);
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ClwDatabase *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Damaged: nothing will ever be written to it. Other failures
       * (cancelled, busy) leave it to be checked again. */
      if (g_error_matches (error, CLW_DB_ERROR, CLW_DB_ERROR_DAMAGED) && !self->verified)
        {
          g_clear_error (&self->verify_error);
          self->verify_error = g_error_copy (error);
        }
      g_task_return_error (task, error);
      return;
    }

  set_verified (self);
  g_task_return_boolean (task, TRUE);
}

gboolean
clw_database_is_verified (ClwDatabase *self)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);

  return self->verified;
}

void
clw_database_verify_async (ClwDatabase         *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) check = NULL;

  g_return_if_fail (CLW_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_database_verify_async);

  if (self->verified)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->verify_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->verify_error));
      return;
    }

  /* The state is recorded by verify_done_cb() before the caller hears of
   * it, whether or not the caller calls _finish(). The worker's task holds
   * no reference to the database: it may outlive the callback briefly in
   * the worker thread, and the database must be closed on its own thread. */
  check = g_task_new (NULL, cancellable, verify_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (check, verify_thread);
  g_task_set_task_data (check, g_strdup (self->path), g_free);
  g_task_run_in_thread (check, verify_thread);
}

gboolean
clw_database_verify_finish (ClwDatabase   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, clw_database_verify_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* For the tests of migrations: a new database as an older version made it. */
gboolean
_clw_database_create_at_version (const char  *path,
                                 int          version,
                                 GError     **error)
{
  g_autoptr(ClwDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (version >= 1 && version <= clw_database_get_latest_version (), FALSE);

  if (!create_private_file (path, error))
    return FALSE;

  self = g_object_new (CLW_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return _clw_database_set_error (self, rc, "opening", error);
  register_functions (self);

  return clw_database_exec (self, "PRAGMA journal_mode = WAL", error) &&
         migrate (self, version, error);
}
