/* clw-opener.c: opening a database, and its first report, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application starts one as soon as it knows which database it will
 * show (the file on the command line, or the last one), before GTK is even
 * initialised, so that the file is opened and the first report worked out
 * on the second core while the main thread builds the window. One
 * connection does both: SQLite parses the schema (large, with the audit
 * and search triggers) once. The full integrity check is the window's to
 * start once the dashboard is up.
 */

#define G_LOG_DOMAIN "clw-opener"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "clw-dataset.h"
#include "clw-demo.h"
#include "clw-opener.h"

struct _ClwOpener
{
  GObject        parent_instance;

  char          *path;
  char          *cycle_code;     /* owned: the one wanted, then the one chosen */
  ClwOpenMode    mode;
  GCancellable  *cancellable;    /* owned */
  GPtrArray     *waiting;        /* owned: GTask of clw_opener_wait_async() */

  /* The outcome, once done. */
  ClwDatabase   *db;             /* owned */
  ClwQaifReport *report;         /* owned, nullable */
  GError        *error;          /* owned */
  gboolean       done;
};

G_DEFINE_FINAL_TYPE (ClwOpener, clw_opener, G_TYPE_OBJECT)

typedef struct
{
  char        *path;
  char        *cycle_code;
  ClwOpenMode  mode;
} OpenData;

typedef struct
{
  ClwDatabase   *db;
  char          *cycle_code;
  ClwQaifReport *report;
} OpenResult;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data->cycle_code);
  g_free (data);
}

static void
open_result_free (OpenResult *result)
{
  g_clear_object (&result->db);
  g_clear_object (&result->report);
  g_free (result->cycle_code);
  g_free (result);
}

/* The worker thread ----------------------------------------------------------- */

static ClwDatabase *
generate_demo (const char  *path,
               GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autofree char *wal = g_strconcat (partial, "-wal", NULL);
  g_autofree char *shm = g_strconcat (partial, "-shm", NULL);
  g_autoptr(ClwDatabase) db = NULL;

  /* Made aside and renamed when complete, so that an interrupted run
   * never leaves half a demo behind. */
  g_unlink (partial);
  g_unlink (wal);
  g_unlink (shm);
  db = clw_database_open (partial, CLW_DATABASE_OPEN_CREATE, error);
  if (db == NULL)
    return NULL;
  if (!clw_demo_generate (db, 1, CLW_DEMO_DEFAULT_SEED, error))
    {
      g_clear_object (&db);
      g_unlink (partial);
      return NULL;
    }
  g_clear_object (&db);
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move the demo data to “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  return clw_database_open (path, CLW_DATABASE_OPEN_CHECK_LATER, error);
}

static ClwDatabase *
open_database (OpenData  *data,
               GError   **error)
{
  g_autoptr(ClwDatabase) db = NULL;

  switch (data->mode)
    {
    case CLW_OPEN_NEW:
      /* A new database never replaces a file. */
      if (g_file_test (data->path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” exists already, and a new database never replaces a file. "
                         "Choose another name, or open it instead."), data->path);
          return NULL;
        }
      db = clw_database_open (data->path, CLW_DATABASE_OPEN_CREATE, error);
      if (db == NULL || !clw_dataset_load_reference (db, error))
        return NULL;
      return g_steal_pointer (&db);

    case CLW_OPEN_DEMO:
      if (!g_file_test (data->path, G_FILE_TEST_EXISTS))
        return generate_demo (data->path, error);
      return clw_database_open (data->path, CLW_DATABASE_OPEN_CHECK_LATER, error);

    case CLW_OPEN_EXISTING:
    default:
      return clw_database_open (data->path, CLW_DATABASE_OPEN_CHECK_LATER, error);
    }
}

/* The cycle wanted, if the database knows it, else today's. */
static char *
choose_cycle (ClwDatabase *db,
              const char  *wanted)
{
  g_auto(GStrv) cycles = clw_qaif_list_cycles (db, NULL);
  g_autoptr(GDate) today = NULL;

  if (wanted != NULL && cycles != NULL && g_strv_contains ((const char * const *) cycles, wanted))
    return g_strdup (wanted);

  today = clw_database_get_today (db);
  return clw_qaif_cycle_for_date (db, today, NULL);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(ClwDatabase) db = NULL;
  GError *error = NULL;
  OpenResult *result;

  db = open_database (data, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  /* On the same connection: its schema is parsed already. The session
   * evaluates again, and says why, if this fails. */
  result = g_new0 (OpenResult, 1);
  result->cycle_code = choose_cycle (db, data->cycle_code);
  if (result->cycle_code != NULL)
    result->report = clw_qaif_evaluate (db, result->cycle_code, CLW_SCOPE_ALL, NULL, NULL, NULL);
  result->db = g_steal_pointer (&db);

  g_task_return_pointer (task, result, (GDestroyNotify) open_result_free);
}

/* Back on the main thread --------------------------------------------------------- */

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClwOpener) self = user_data;
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);
  OpenResult *opened;

  opened = g_task_propagate_pointer (G_TASK (result), &self->error);
  if (opened != NULL)
    {
      self->db = g_steal_pointer (&opened->db);
      self->report = g_steal_pointer (&opened->report);
      g_free (self->cycle_code);
      self->cycle_code = g_steal_pointer (&opened->cycle_code);
      open_result_free (opened);
    }
  self->done = TRUE;

  for (guint i = 0; i < waiting->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiting, i), TRUE);
}

/* GObject ------------------------------------------------------------------------- */

static void
clw_opener_dispose (GObject *object)
{
  ClwOpener *self = (ClwOpener *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->db);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (clw_opener_parent_class)->dispose (object);
}

static void
clw_opener_finalize (GObject *object)
{
  ClwOpener *self = (ClwOpener *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_free (self->path);
  g_free (self->cycle_code);

  G_OBJECT_CLASS (clw_opener_parent_class)->finalize (object);
}

static void
clw_opener_class_init (ClwOpenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clw_opener_dispose;
  object_class->finalize = clw_opener_finalize;
}

static void
clw_opener_init (ClwOpener *self)
{
  self->cancellable = g_cancellable_new ();
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API ------------------------------------------------------------------------ */

ClwOpener *
clw_opener_new (const char  *path,
                ClwOpenMode  mode,
                const char  *cycle_code)
{
  ClwOpener *self;
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CLW_TYPE_OPENER, NULL);
  self->path = g_strdup (path);
  self->mode = mode;
  self->cycle_code = g_strdup (cycle_code);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->mode = mode;
  data->cycle_code = g_strdup (cycle_code);

  /* The worker's task holds no reference to the opener: what it made is
   * handed over, and freed, on this thread. */
  task = g_task_new (NULL, self->cancellable, opened_cb, g_object_ref (self));
  g_task_set_source_tag (task, clw_opener_new);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);

  return self;
}

const char *
clw_opener_get_path (ClwOpener *self)
{
  g_return_val_if_fail (CLW_IS_OPENER (self), NULL);

  return self->path;
}

ClwOpenMode
clw_opener_get_mode (ClwOpener *self)
{
  g_return_val_if_fail (CLW_IS_OPENER (self), CLW_OPEN_EXISTING);

  return self->mode;
}

gboolean
clw_opener_is_done (ClwOpener *self)
{
  g_return_val_if_fail (CLW_IS_OPENER (self), FALSE);

  return self->done;
}

void
clw_opener_cancel (ClwOpener *self)
{
  g_return_if_fail (CLW_IS_OPENER (self));

  g_cancellable_cancel (self->cancellable);
}

void
clw_opener_wait_async (ClwOpener           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CLW_IS_OPENER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_opener_wait_async);

  if (self->done)
    g_task_return_boolean (task, TRUE);
  else
    g_ptr_array_add (self->waiting, g_steal_pointer (&task));
}

ClwDatabase *
clw_opener_wait_finish (ClwOpener      *self,
                        GAsyncResult   *result,
                        char          **cycle_code,
                        ClwQaifReport **report,
                        GError        **error)
{
  g_return_val_if_fail (CLW_IS_OPENER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  if (self->db == NULL)
    {
      if (self->error != NULL)
        g_propagate_error (error, g_error_copy (self->error));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Opening was cancelled"));
      return NULL;
    }

  if (cycle_code != NULL)
    *cycle_code = g_strdup (self->cycle_code);
  if (report != NULL)
    *report = self->report != NULL ? g_object_ref (self->report) : NULL;
  return g_object_ref (self->db);
}
