/* clw-evidence-files.c: the files of evidence items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-evidence-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "clw-evidence-files.h"
#include "clw-database-private.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-evidence-problem.h"
#include "clw-files.h"

#define STORE_KEY "clw-evidence-store"
/* A temporary file of the store not written to for this long is left over
 * from a copy that was cut short. */
#define STALE_SECONDS (60 * 60)
/* Enough of a file for its type to be recognised. */
#define SNIFF_SIZE 4096

/* What storing a file gave. */
typedef struct
{
  char     *sha256;
  guint64   size;
  gboolean  added;          /* the store did not have it before */
  char     *content_type;
} Stored;

static void
stored_clear (Stored *stored)
{
  g_clear_pointer (&stored->sha256, g_free);
  g_clear_pointer (&stored->content_type, g_free);
}

ClwAttachmentStore *
clw_evidence_get_store (ClwDatabase *db)
{
  ClwAttachmentStore *store;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  store = g_object_get_data (G_OBJECT (db), STORE_KEY);
  if (store == NULL)
    {
      store = clw_attachment_store_new (clw_database_get_path (db));
      g_object_set_data_full (G_OBJECT (db), STORE_KEY, store, g_object_unref);
    }

  return store;
}

char *
clw_evidence_dup_file_path (ClwDatabase *db,
                            ClwEvidence *evidence)
{
  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (CLW_IS_EVIDENCE (evidence), NULL);

  return clw_attachment_store_get_path (clw_evidence_get_store (db),
                                        clw_evidence_get_sha256 (evidence));
}

GListModel *
clw_evidence_list (ClwDatabase  *db,
                   const char   *practice_id,
                   const char   *meeting_id,
                   GError      **error)
{
  const char *params[] = { NULL, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  if (practice_id != NULL)
    {
      params[0] = practice_id;
      return G_LIST_MODEL (clw_record_list (db, CLW_TYPE_EVIDENCE, "practice_id = ?", params, error));
    }
  if (meeting_id != NULL)
    {
      params[0] = meeting_id;
      return G_LIST_MODEL (clw_record_list (db, CLW_TYPE_EVIDENCE, "meeting_id = ?", params, error));
    }

  return G_LIST_MODEL (clw_record_list (db, CLW_TYPE_EVIDENCE, NULL, NULL, error));
}

/* Attaching ---------------------------------------------------------------- */

static guint64
effective_limit (guint64 max_size)
{
  /* The row keeps the size as a 32-bit integer. */
  if (max_size == 0)
    max_size = CLW_EVIDENCE_DEFAULT_MAX_SIZE;
  return MIN (max_size, (guint64) G_MAXINT);
}

/* The row to store, from the caller's description, checked before the
 * file is copied so that a missing title costs no copy. */
static ClwEvidence *
prepare_row (ClwDatabase  *db,
             ClwEvidence  *evidence,
             const char   *path,
             GError      **error)
{
  g_autoptr(ClwEvidence) row = (ClwEvidence *) clw_record_copy (CLW_RECORD (evidence));
  g_autofree char *name = g_filename_display_basename (path);

  if (clw_text_is_blank (clw_evidence_get_title (row)))
    g_object_set (row, "title", name, NULL);
  if (clw_text_is_blank (clw_evidence_get_evidence_on (row)))
    {
      g_autoptr(GDate) today = clw_database_get_today (db);
      g_autofree char *iso = clw_date_format_iso (today);
      g_object_set (row, "evidence-on", iso, NULL);
    }

  g_object_set (row,
                "original-name", name,
                "attached-by", clw_database_get_user (db),
                "content-type", "",
                "size", 0,
                "sha256", "",
                NULL);

  if (!clw_record_validate (CLW_RECORD (row), db, error))
    return NULL;

  return g_steal_pointer (&row);
}

static char *
guess_content_type (const char *stored_path,
                    const char *name)
{
  guchar buffer[SNIFF_SIZE];
  gssize n = 0;
  g_autofree char *type = NULL;
  char *mime;
  int fd;

  fd = g_open (stored_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      do
        n = read (fd, buffer, sizeof buffer);
      while (n < 0 && errno == EINTR);
      close (fd);
    }

  type = g_content_type_guess (name, n > 0 ? buffer : NULL, MAX (n, 0), NULL);
  mime = g_content_type_get_mime_type (type);
  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}

/* Copy the file into the store: safe in a worker thread. */
static gboolean
store_file (ClwAttachmentStore     *store,
            const char             *path,
            const char             *name,
            guint64                 max_size,
            GFileProgressCallback   progress,
            gpointer                progress_data,
            Stored                 *stored,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autofree char *stored_path = NULL;

  stored->sha256 = clw_attachment_store_add_file_full (store, path, NULL, max_size,
                                                       progress, progress_data,
                                                       &stored->size, &stored->added,
                                                       cancellable, error);
  if (stored->sha256 == NULL)
    {
      g_prefix_error (error, _("Nothing was attached. "));
      return FALSE;
    }

  stored_path = clw_attachment_store_get_path (store, stored->sha256);
  stored->content_type = guess_content_type (stored_path, name);
  return TRUE;
}

static gboolean
sha256_in_use (ClwDatabase *db,
               const char  *sha256)
{
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, "SELECT 1 FROM evidence WHERE sha256 = ?", NULL);

  if (stmt == NULL)
    return TRUE;  /* when in doubt, keep the file */
  _clw_bind_text (stmt, 1, sha256);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* A file stored for a row that could not be written goes again, unless
 * something else refers to it. */
static void
discard_if_unused (ClwDatabase *db,
                   Stored      *stored)
{
  if (stored->added && !sha256_in_use (db, stored->sha256))
    clw_attachment_store_remove (clw_evidence_get_store (db), stored->sha256, NULL);
}

static ClwEvidence *
record_row (ClwDatabase  *db,
            ClwEvidence  *prepared,
            Stored       *stored,
            GError      **error)
{
  g_autoptr(ClwEvidence) row = (ClwEvidence *) clw_record_copy (CLW_RECORD (prepared));
  g_autofree char *label = NULL;

  g_object_set (row,
                "sha256", stored->sha256,
                "size", (int) stored->size,
                "content-type", stored->content_type,
                NULL);

  /* TRANSLATORS: an undo label, "Attach “Cluster plan 2022”" */
  label = g_strdup_printf (_("Attach “%s”"), clw_evidence_get_title (row));

  if (!clw_database_begin (db, error))
    goto failed;
  clw_database_set_change_label (db, label);
  if (!clw_record_insert (CLW_RECORD (row), db, CLW_WRITE_DEFAULT, error))
    {
      clw_database_rollback (db);
      goto failed;
    }
  if (!clw_database_commit (db, error))
    goto failed;

  return g_steal_pointer (&row);

failed:
  discard_if_unused (db, stored);
  return NULL;
}

ClwEvidence *
clw_evidence_attach_file (ClwDatabase            *db,
                          ClwEvidence            *evidence,
                          const char             *path,
                          guint64                 max_size,
                          GFileProgressCallback   progress,
                          gpointer                progress_data,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(ClwEvidence) row = NULL;
  ClwEvidence *result;
  Stored stored = { 0, };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (CLW_IS_EVIDENCE (evidence), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  row = prepare_row (db, evidence, path, error);
  if (row == NULL)
    return NULL;

  if (!store_file (clw_evidence_get_store (db), path, clw_evidence_get_original_name (row),
                   effective_limit (max_size), progress, progress_data, &stored, cancellable, error))
    return NULL;

  result = record_row (db, row, &stored, error);
  stored_clear (&stored);
  return result;
}

/* Progress, from the worker to the caller's main context. Shared by the
 * worker and every pending report, freed with the last of them. */
typedef struct
{
  GMainContext          *context;
  GFileProgressCallback  callback;
  gpointer               data;
  GDestroyNotify         data_free;
  int                    last_hundredth;   /* worker only */
} Progress;

typedef struct
{
  Progress *progress;
  goffset   current;
  goffset   total;
} ProgressReport;

static void
progress_clear (gpointer data)
{
  Progress *progress = data;

  if (progress->data_free != NULL)
    progress->data_free (progress->data);
  g_main_context_unref (progress->context);
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  g_atomic_rc_box_release_full (report->progress, progress_clear);
  g_free (report);
}

static gboolean
progress_report_cb (gpointer data)
{
  ProgressReport *report = data;

  report->progress->callback (report->current, report->total, report->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_in_thread_cb (goffset  current,
                       goffset  total,
                       gpointer data)
{
  Progress *progress = data;
  int hundredth = total > 0 ? (int) (current * 100 / total) : 100;
  ProgressReport *report;

  if (hundredth == progress->last_hundredth && current != total)
    return;
  progress->last_hundredth = hundredth;

  report = g_new0 (ProgressReport, 1);
  report->progress = g_atomic_rc_box_acquire (progress);
  report->current = current;
  report->total = total;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT,
                              progress_report_cb, report, progress_report_free);
}

typedef struct
{
  ClwEvidence        *row;        /* prepared on the calling thread */
  char               *path;
  guint64             max_size;
  ClwAttachmentStore *store;
  Progress           *progress;   /* NULL without a callback */
  Stored              stored;
} AttachData;

static void
attach_data_free (gpointer data)
{
  AttachData *ad = data;

  g_clear_object (&ad->row);
  g_clear_pointer (&ad->path, g_free);
  g_clear_object (&ad->store);
  if (ad->progress != NULL)
    g_atomic_rc_box_release_full (ad->progress, progress_clear);
  stored_clear (&ad->stored);
  g_free (ad);
}

static void
attach_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AttachData *ad = task_data;
  GError *error = NULL;

  if (store_file (ad->store, ad->path, clw_evidence_get_original_name (ad->row), ad->max_size,
                  ad->progress != NULL ? progress_in_thread_cb : NULL, ad->progress,
                  &ad->stored, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
attach_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClwDatabase *db = CLW_DATABASE (source);
  g_autoptr(GTask) task = user_data;
  AttachData *ad = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  ClwEvidence *row;

  /* The copy is over: let go of the progress here, in the caller's
   * context, whichever thread drops the task last. */
  if (ad->progress != NULL)
    g_atomic_rc_box_release_full (g_steal_pointer (&ad->progress), progress_clear);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Cancelled once the copy was done: the file goes, no row is written. */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      discard_if_unused (db, &ad->stored);
      g_task_return_error (task, error);
      return;
    }

  row = record_row (db, ad->row, &ad->stored, &error);
  if (row == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, row, g_object_unref);
}

void
clw_evidence_attach_file_async (ClwDatabase            *db,
                                ClwEvidence            *evidence,
                                const char             *path,
                                guint64                 max_size,
                                GFileProgressCallback   progress,
                                gpointer                progress_data,
                                GDestroyNotify          progress_data_free,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) copy = NULL;
  g_autoptr(ClwEvidence) row = NULL;
  GError *error = NULL;
  AttachData *ad;

  g_return_if_fail (CLW_IS_DATABASE (db));
  g_return_if_fail (CLW_IS_EVIDENCE (evidence));
  g_return_if_fail (path != NULL);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_evidence_attach_file_async);

  row = prepare_row (db, evidence, path, &error);
  if (row == NULL)
    {
      if (progress_data_free != NULL)
        progress_data_free (progress_data);
      g_task_return_error (task, error);
      return;
    }

  ad = g_new0 (AttachData, 1);
  ad->row = g_steal_pointer (&row);
  ad->path = g_strdup (path);
  ad->max_size = effective_limit (max_size);
  ad->store = g_object_ref (clw_evidence_get_store (db));
  if (progress != NULL)
    {
      ad->progress = g_atomic_rc_box_new0 (Progress);
      ad->progress->context = g_main_context_ref_thread_default ();
      ad->progress->callback = progress;
      ad->progress->data = progress_data;
      ad->progress->data_free = progress_data_free;
      ad->progress->last_hundredth = -1;
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);

  /* The copy runs in a thread; the row is written back here. */
  copy = g_task_new (db, cancellable, attach_stored_cb, g_steal_pointer (&task));
  g_task_set_source_tag (copy, clw_evidence_attach_file_async);
  g_task_set_task_data (copy, ad, attach_data_free);
  g_task_run_in_thread (copy, attach_thread);
}

ClwEvidence *
clw_evidence_attach_file_finish (ClwDatabase   *db,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clw_evidence_attach_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Removing and pruning --------------------------------------------------------- */

gboolean
clw_evidence_remove (ClwDatabase  *db,
                     const char   *evidence_id,
                     GError      **error)
{
  g_autoptr(ClwEvidence) evidence = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (evidence_id != NULL, FALSE);

  evidence = (ClwEvidence *) clw_record_load (db, CLW_TYPE_EVIDENCE, evidence_id, error);
  if (evidence == NULL)
    return FALSE;

  /* TRANSLATORS: an undo label, "Remove “Cluster plan 2022”" */
  label = g_strdup_printf (_("Remove “%s”"), clw_evidence_get_title (evidence));
  if (!clw_database_begin (db, error))
    return FALSE;
  clw_database_set_change_label (db, label);
  if (!clw_record_delete (CLW_RECORD (evidence), db, error))
    {
      clw_database_rollback (db);
      return FALSE;
    }

  return clw_database_commit (db, error);
}

/* The hashes that must stay: those of the evidence, and those of evidence
 * removed or changed since @since (so that undo finds its file). */
static GHashTable *
hashes_in_use (ClwDatabase  *db,
               const char   *since,
               GError      **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  stmt = _clw_database_prepare (db,
                                "SELECT sha256 FROM evidence WHERE sha256 != '' "
                                "UNION SELECT json_extract(old_values, '$.sha256') FROM audit_log "
                                "WHERE table_name = 'evidence' AND action IN ('update', 'delete') "
                                "AND at >= ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (_clw_column_text (stmt, 0) != NULL)
      g_hash_table_add (used, _clw_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("listing the evidence files in use"), error);
      return NULL;
    }

  return g_steal_pointer (&used);
}

gboolean
clw_evidence_prune (ClwDatabase  *db,
                    guint         keep_days,
                    guint        *n_removed,
                    GError      **error)
{
  ClwAttachmentStore *store;
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_days (now, -(int) MIN (keep_days, 36500));
  /* No days kept: no removal is kept for undo. */
  g_autofree char *since = keep_days == 0 ? g_strdup ("9999-12-31")
                                          : g_date_time_format (cutoff, "%Y-%m-%dT%H:%M:%S.000Z");
  g_auto(GStrv) stored = NULL;
  guint removed = 0;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);

  store = clw_evidence_get_store (db);
  used = hashes_in_use (db, since, error);
  if (used == NULL)
    return FALSE;
  stored = clw_attachment_store_list (store, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; stored[i] != NULL; i++)
    {
      if (g_hash_table_contains (used, stored[i]))
        continue;
      if (!clw_attachment_store_remove (store, stored[i], error))
        return FALSE;
      removed++;
    }

  /* And what copies cut short by a crash left behind. */
  if (!clw_attachment_store_remove_stale (store, STALE_SECONDS, NULL, error))
    return FALSE;

  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}

/* Exporting ---------------------------------------------------------------- */

gboolean
clw_evidence_export_file (ClwDatabase  *db,
                          const char   *evidence_id,
                          const char   *destination,
                          GError      **error)
{
  g_autoptr(ClwEvidence) evidence = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (evidence_id != NULL, FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  evidence = (ClwEvidence *) clw_record_load (db, CLW_TYPE_EVIDENCE, evidence_id, error);
  if (evidence == NULL)
    return FALSE;

  if (clw_text_is_blank (clw_evidence_get_sha256 (evidence)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The evidence “%s” has no file to export."), clw_evidence_get_title (evidence));
      return FALSE;
    }

  bytes = clw_attachment_store_load (clw_evidence_get_store (db), clw_evidence_get_sha256 (evidence),
                                     G_MAXSIZE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not export the file of “%s”: %s Nothing was written."),
                   clw_evidence_get_title (evidence), local_error->message);
      return FALSE;
    }

  return clw_files_write_private (destination, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), error);
}

/* Verifying ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray *ids;
  GPtrArray *titles;
} Users;

static void
users_free (gpointer data)
{
  Users *users = data;

  g_ptr_array_unref (users->ids);
  g_ptr_array_unref (users->titles);
  g_free (users);
}

static int
compare_hashes (gconstpointer a,
                gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
strv_from_array (GPtrArray *array)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv strv;

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (array, i));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

static char *
quote_titles (GPtrArray *titles)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < titles->len; i++)
    g_string_append_printf (text, "%s“%s”", i ? ", " : "", (const char *) g_ptr_array_index (titles, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static ClwEvidenceProblem *
make_problem (ClwFileProblem  problem,
              const char     *sha256,
              const char     *path,
              Users          *users,
              const char     *detail)
{
  g_autofree char *titles = users != NULL ? quote_titles (users->titles) : NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) title_list = NULL;

  switch (problem)
    {
    case CLW_FILE_PROBLEM_MISSING:
      message = g_strdup_printf (_("The file of the evidence %s is missing (%s). Restore the "
                                   "evidence folder from a backup, or attach the file again."),
                                 titles, path);
      break;

    case CLW_FILE_PROBLEM_CORRUPTED:
      if (titles != NULL)
        message = g_strdup_printf (_("The file of the evidence %s has been changed or damaged "
                                     "(%s no longer matches its SHA-256). Restore it from a "
                                     "backup, or attach the file again."),
                                   titles, path);
      else
        message = g_strdup_printf (_("%s has been changed or damaged; no evidence refers to it, "
                                     "so pruning the evidence folder removes it."),
                                   path);
      break;

    case CLW_FILE_PROBLEM_UNREADABLE:
    default:
      if (titles != NULL)
        message = g_strdup_printf (_("The file of the evidence %s cannot be read: %s"), titles, detail);
      else
        message = g_strdup (detail);
      break;
    }

  ids = strv_from_array (users != NULL ? users->ids : NULL);
  title_list = strv_from_array (users != NULL ? users->titles : NULL);
  return clw_evidence_problem_new (problem, sha256, path,
                                   (const char * const *) ids,
                                   (const char * const *) title_list,
                                   message);
}

static ClwEvidenceProblem *
check_one (ClwAttachmentStore  *store,
           const char          *sha256,
           Users               *users,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autofree char *path = clw_attachment_store_get_path (store, sha256);
  g_autoptr(GError) local_error = NULL;

  if (clw_attachment_store_verify (store, sha256, cancellable, &local_error))
    return NULL;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return make_problem (CLW_FILE_PROBLEM_MISSING, sha256, path, users, NULL);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    return make_problem (CLW_FILE_PROBLEM_CORRUPTED, sha256, path, users, NULL);
  return make_problem (CLW_FILE_PROBLEM_UNREADABLE, sha256, path, users, local_error->message);
}

GListModel *
clw_evidence_verify (ClwDatabase   *db,
                     guint         *n_checked,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ClwAttachmentStore *store;
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, users_free);
  g_autoptr(GListStore) problems = g_list_store_new (CLW_TYPE_EVIDENCE_PROBLEM);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new ();
  g_autoptr(ClwStmt) stmt = NULL;
  g_auto(GStrv) stored = NULL;
  guint checked = 0;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  store = clw_evidence_get_store (db);

  stmt = _clw_database_prepare (db,
                                "SELECT sha256, id, title FROM evidence WHERE sha256 != '' "
                                "ORDER BY sha256, evidence_on, title",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha256 = _clw_column_text (stmt, 0);
      Users *users = g_hash_table_lookup (referenced, sha256);

      if (users == NULL)
        {
          users = g_new0 (Users, 1);
          users->ids = g_ptr_array_new_with_free_func (g_free);
          users->titles = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (referenced, g_strdup (sha256), users);
        }
      g_ptr_array_add (users->ids, _clw_column_dup (stmt, 1));
      g_ptr_array_add (users->titles, _clw_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("listing the evidence files"), error);
      return NULL;
    }
  g_clear_pointer (&stmt, _clw_stmt_release);

  stored = clw_attachment_store_list (store, error);
  if (stored == NULL)
    return NULL;

  /* Every stored file, and every file the evidence names, once each, in
   * the order of their hashes. */
  for (guint i = 0; stored[i] != NULL; i++)
    g_ptr_array_add (hashes, stored[i]);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, referenced);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_strv_contains ((const char * const *) stored, key))
        g_ptr_array_add (hashes, key);
  }
  g_ptr_array_sort (hashes, compare_hashes);

  for (guint i = 0; i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);
      g_autoptr(ClwEvidenceProblem) problem = NULL;
      GError *local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      problem = check_one (store, sha256, g_hash_table_lookup (referenced, sha256),
                           cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (problem == NULL || clw_evidence_problem_get_problem (problem) != CLW_FILE_PROBLEM_MISSING)
        checked++;
      if (problem != NULL)
        g_list_store_append (problems, problem);
    }

  if (n_checked != NULL)
    *n_checked = checked;
  return G_LIST_MODEL (g_steal_pointer (&problems));
}

typedef struct
{
  char  *db_path;
  guint  n_checked;
} VerifyData;

static void
verify_data_free (gpointer data)
{
  VerifyData *vd = data;

  g_free (vd->db_path);
  g_free (vd);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *vd = task_data;
  g_autoptr(ClwDatabase) db = NULL;
  GError *error = NULL;
  GListModel *problems;

  db = clw_database_open (vd->db_path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  problems = clw_evidence_verify (db, &vd->n_checked, cancellable, &error);
  if (problems == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, problems, g_object_unref);
}

void
clw_evidence_verify_async (const char          *db_path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  VerifyData *vd;

  g_return_if_fail (db_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_evidence_verify_async);
  vd = g_new0 (VerifyData, 1);
  vd->db_path = g_strdup (db_path);
  g_task_set_task_data (task, vd, verify_data_free);
  g_task_run_in_thread (task, verify_thread);
}

GListModel *
clw_evidence_verify_finish (GAsyncResult  *result,
                            guint         *n_checked,
                            GError       **error)
{
  GListModel *problems;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clw_evidence_verify_async, NULL);

  problems = g_task_propagate_pointer (G_TASK (result), error);
  if (problems != NULL && n_checked != NULL)
    *n_checked = ((VerifyData *) g_task_get_task_data (G_TASK (result)))->n_checked;
  return problems;
}
