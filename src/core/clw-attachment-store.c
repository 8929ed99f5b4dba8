/* clw-attachment-store.c: evidence files, stored once by their SHA-256
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-attachment-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clw-attachment-store.h"
#include "clw-error.h"
#include "clw-files.h"
#include "clw-evidence.h"

#define COPY_BUFFER_SIZE (64 * 1024)
#define TEMP_PREFIX ".incoming-"

struct _ClwAttachmentStore
{
  GObject  parent_instance;

  char    *folder;   /* owned */
};

G_DEFINE_FINAL_TYPE (ClwAttachmentStore, clw_attachment_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ---------------------------------------------------------------- */

static gboolean
check_hash (const char  *sha256,
            GError     **error)
{
  if (clw_evidence_sha256_is_valid (sha256))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a SHA-256 (64 lower-case hexadecimal digits)."),
               sha256 != NULL ? sha256 : "");
  return FALSE;
}

static gboolean set_errno_error (GError     **error,
                                 int          saved_errno,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_errno_error (GError     **error,
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

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;

  return clw_files_ensure_private_dir (folder, error);
}

/* Make a file durable before it is renamed into place. */
static gboolean
sync_fd (int          fd,
         const char  *path,
         GError     **error)
{
  if (fsync (fd) != 0)
    return set_errno_error (error, errno, _("Could not write “%s”"), path);
  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Hash a stream to its end. */
static char *
hash_stream (GInputStream  *stream,
             guint64       *size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (COPY_BUFFER_SIZE);
  guint64 total = 0;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, COPY_BUFFER_SIZE, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      total += n;
    }

  if (size != NULL)
    *size = total;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Move a complete temporary file to its place in the store. */
static gboolean
install_temporary (ClwAttachmentStore  *self,
                   const char          *temp_path,
                   const char          *sha256,
                   GError             **error)
{
  g_autofree char *path = clw_attachment_store_get_path (self, sha256);
  g_autofree char *dir = g_path_get_dirname (path);

  if (!ensure_folder (dir, error))
    return FALSE;

  if (g_rename (temp_path, path) != 0)
    return set_errno_error (error, errno, _("Could not store the evidence file “%s”"), path);

  sync_folder (dir);
  return TRUE;
}

/* GObject ------------------------------------------------------------------ */

static void
clw_attachment_store_finalize (GObject *object)
{
  ClwAttachmentStore *self = (ClwAttachmentStore *) object;

  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (clw_attachment_store_parent_class)->finalize (object);
}

static void
clw_attachment_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ClwAttachmentStore *self = CLW_ATTACHMENT_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_attachment_store_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ClwAttachmentStore *self = CLW_ATTACHMENT_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_attachment_store_class_init (ClwAttachmentStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_attachment_store_finalize;
  object_class->get_property = clw_attachment_store_get_property;
  object_class->set_property = clw_attachment_store_set_property;

  /**
   * ClwAttachmentStore:folder:
   *
   * The folder holding the files.
   */
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_attachment_store_init (ClwAttachmentStore *self)
{
}

/* Public API --------------------------------------------------------------- */

char *
clw_attachment_store_folder_for_database (const char *database_path)
{
  g_return_val_if_fail (database_path != NULL, NULL);

  if (g_str_has_suffix (database_path, ".db"))
    {
      g_autofree char *base = g_strndup (database_path, strlen (database_path) - 3);
      return g_strconcat (base, ".attachments", NULL);
    }

  return g_strconcat (database_path, ".attachments", NULL);
}

ClwAttachmentStore *
clw_attachment_store_new (const char *database_path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  folder = clw_attachment_store_folder_for_database (database_path);
  return clw_attachment_store_new_for_folder (folder);
}

ClwAttachmentStore *
clw_attachment_store_new_for_folder (const char *folder)
{
  g_return_val_if_fail (folder != NULL, NULL);

  return g_object_new (CLW_TYPE_ATTACHMENT_STORE, "folder", folder, NULL);
}

const char *
clw_attachment_store_get_folder (ClwAttachmentStore *self)
{
  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);

  return self->folder;
}

char *
clw_attachment_store_get_path (ClwAttachmentStore *self,
                               const char         *sha256)
{
  char prefix[3];

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);

  if (!clw_evidence_sha256_is_valid (sha256))
    return NULL;

  prefix[0] = sha256[0];
  prefix[1] = sha256[1];
  prefix[2] = '\0';
  return g_build_filename (self->folder, prefix, sha256, NULL);
}

gboolean
clw_attachment_store_has (ClwAttachmentStore *self,
                          const char         *sha256)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), FALSE);

  path = clw_attachment_store_get_path (self, sha256);
  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

char *
clw_attachment_store_add_file (ClwAttachmentStore  *self,
                               const char          *path,
                               const char          *expected_sha256,
                               guint64             *size,
                               GCancellable        *cancellable,
                               GError             **error)
{
  return clw_attachment_store_add_file_full (self, path, expected_sha256, 0, NULL, NULL,
                                             size, NULL, cancellable, error);
}

/* Open @path to be stored: a regular file, readable, of at most @max_size
 * bytes (0: no limit). */
static GFileInputStream *
open_source (const char    *path,
             guint64        max_size,
             guint64       *size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  guint64 file_size;

  input = g_file_read (source, cancellable, &local_error);
  if (input != NULL)
    info = g_file_input_stream_query_info (input, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                           G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
      (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file (it may be a folder or a device): only files can be "
                     "attached."), display);
      return NULL;
    }
  if (info == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read the evidence file “%s”: "), display);
      return NULL;
    }

  file_size = g_file_info_get_size (info);
  if (max_size > 0 && file_size > max_size)
    {
      g_autofree char *actual = g_format_size (file_size);
      g_autofree char *limit = g_format_size (max_size);
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is %s, more than the limit of %s for an evidence file. Attach a "
                     "smaller file (a PDF of the pages that matter) or raise the limit."),
                   display, actual, limit);
      return NULL;
    }

  if (size != NULL)
    *size = file_size;
  return g_steal_pointer (&input);
}

gboolean
clw_attachment_store_check_file (const char    *path,
                                 guint64        max_size,
                                 guint64       *size,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GFileInputStream) input = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  input = open_source (path, max_size, size, cancellable, error);
  return input != NULL;
}

char *
clw_attachment_store_add_file_full (ClwAttachmentStore     *self,
                                    const char             *path,
                                    const char             *expected_sha256,
                                    guint64                 max_size,
                                    GFileProgressCallback   progress,
                                    gpointer                progress_data,
                                    guint64                *size,
                                    gboolean               *added,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree guint8 *buffer = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *display = NULL;
  guint64 expected_size;
  guint64 total = 0;
  gboolean existed;
  int fd = -1;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (expected_sha256 != NULL && !check_hash (expected_sha256, error))
    return NULL;

  display = g_filename_display_name (path);

  /* Everything that can be refused is refused before anything is written. */
  input = open_source (path, max_size, &expected_size, cancellable, error);
  if (input == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!ensure_folder (self->folder, error))
    return NULL;

  temp_path = g_build_filename (self->folder, TEMP_PREFIX "XXXXXX", NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not create a file in “%s”"), self->folder);
      return NULL;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (COPY_BUFFER_SIZE);

  if (progress != NULL)
    progress (0, expected_size, progress_data);

  /* Hash while copying: what is stored is exactly what was hashed. */
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (input), buffer, COPY_BUFFER_SIZE,
                                      cancellable, error);
      gssize written = 0;

      if (n < 0)
        {
          g_prefix_error (error, _("Could not read the evidence file “%s”: "), display);
          goto failed;
        }
      if (n == 0)
        break;

      total += n;
      /* It may grow while it is read. */
      if (max_size > 0 && total > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);
          g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” is more than the limit of %s for an evidence file (it grew while "
                         "it was read)."), display, limit);
          goto failed;
        }

      while (written < n)
        {
          ssize_t w = write (fd, buffer + written, n - written);
          if (w < 0)
            {
              if (errno == EINTR)
                continue;
              set_errno_error (error, errno, _("Could not store the evidence file “%s”"), display);
              goto failed;
            }
          written += w;
        }

      g_checksum_update (checksum, buffer, n);

      if (progress != NULL)
        progress (total, MAX (expected_size, total), progress_data);
    }

  if (!sync_fd (fd, temp_path, error))
    goto failed;
  close (fd);
  fd = -1;

  sha256 = g_strdup (g_checksum_get_string (checksum));

  if (expected_sha256 != NULL && !g_str_equal (sha256, expected_sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The evidence file “%s” does not match its SHA-256 (expected %s, found %s): "
                     "it was changed or damaged on the way. Nothing was stored."),
                   display, expected_sha256, sha256);
      goto failed;
    }

  /* Stored once: the same content added again takes the place of the copy
   * there (the same bytes, or the right ones if that copy was damaged). */
  existed = clw_attachment_store_has (self, sha256);
  if (!install_temporary (self, temp_path, sha256, error))
    goto failed;

  if (size != NULL)
    *size = total;
  if (added != NULL)
    *added = !existed;
  return g_steal_pointer (&sha256);

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (temp_path);
  return NULL;
}

char *
clw_attachment_store_add_bytes (ClwAttachmentStore  *self,
                                GBytes              *bytes,
                                const char          *expected_sha256,
                                GError             **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (expected_sha256 != NULL && !check_hash (expected_sha256, error))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);

  if (expected_sha256 != NULL && !g_str_equal (sha256, expected_sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("An evidence file does not match its SHA-256 (expected %s, found %s): "
                     "it was changed or damaged on the way. Nothing was stored."),
                   expected_sha256, sha256);
      return NULL;
    }

  if (clw_attachment_store_has (self, sha256))
    return g_steal_pointer (&sha256);

  path = clw_attachment_store_get_path (self, sha256);
  dir = g_path_get_dirname (path);
  if (!ensure_folder (self->folder, error) ||
      !ensure_folder (dir, error) ||
      !clw_files_write_private (path, data, length, error))
    return NULL;

  return g_steal_pointer (&sha256);
}

GInputStream *
clw_attachment_store_open (ClwAttachmentStore  *self,
                           const char          *sha256,
                           GError             **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GFileInputStream *stream;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);

  if (!check_hash (sha256, error))
    return NULL;

  path = clw_attachment_store_get_path (self, sha256);
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    {
      g_prefix_error (error, _("The evidence file %s is not in “%s”: "), sha256, self->folder);
      return NULL;
    }

  return G_INPUT_STREAM (stream);
}

GBytes *
clw_attachment_store_load (ClwAttachmentStore  *self,
                           const char          *sha256,
                           gsize                max_size,
                           GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guchar *data;
  gsize length;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);

  if (!check_hash (sha256, error))
    return NULL;

  path = clw_attachment_store_get_path (self, sha256);
  bytes = clw_files_read_limited (path, max_size, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  if (!g_str_equal (actual, sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The evidence file “%s” is damaged: its content no longer matches its "
                     "SHA-256. Restore it from a backup."), path);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

gboolean
clw_attachment_store_verify (ClwAttachmentStore  *self,
                             const char          *sha256,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), FALSE);

  stream = clw_attachment_store_open (self, sha256, error);
  if (stream == NULL)
    return FALSE;

  path = clw_attachment_store_get_path (self, sha256);
  actual = hash_stream (stream, NULL, cancellable, error);
  if (actual == NULL)
    {
      g_prefix_error (error, _("Could not read “%s”: "), path);
      return FALSE;
    }

  if (!g_str_equal (actual, sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The evidence file “%s” is damaged: its content no longer matches its "
                     "SHA-256. Restore it from a backup."), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_hex_name (const char *name,
             gsize       length)
{
  if (strlen (name) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (name[i]) && !(name[i] >= 'a' && name[i] <= 'f'))
      return FALSE;
  return TRUE;
}

gboolean
clw_attachment_store_verify_all (ClwAttachmentStore  *self,
                                 guint               *n_checked,
                                 GPtrArray          **damaged,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) top = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *prefix;
  guint checked = 0;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), FALSE);

  if (!g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      /* No file was ever attached. */
      if (n_checked != NULL)
        *n_checked = 0;
      if (damaged != NULL)
        *damaged = g_steal_pointer (&bad);
      return TRUE;
    }

  top = g_dir_open (self->folder, 0, &local_error);
  if (top == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read the folder “%s”: %s"), self->folder, local_error->message);
      return FALSE;
    }

  while ((prefix = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *subdir = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (!is_hex_name (prefix, 2))
        continue;

      subdir = g_build_filename (self->folder, prefix, NULL);
      dir = g_dir_open (subdir, 0, NULL);
      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autoptr(GError) file_error = NULL;

          if (!is_hex_name (name, 64) || strncmp (name, prefix, 2) != 0)
            continue;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;

          checked++;
          if (!clw_attachment_store_verify (self, name, cancellable, &file_error))
            {
              if (g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                {
                  g_propagate_error (error, g_steal_pointer (&file_error));
                  return FALSE;
                }
              g_ptr_array_add (bad, g_strdup (name));
            }
        }
    }

  if (n_checked != NULL)
    *n_checked = checked;

  if (bad->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   ngettext ("%u of %u evidence files in “%s” is damaged (%s…). "
                             "Restore it from a backup.",
                             "%u of %u evidence files in “%s” are damaged (%s…). "
                             "Restore them from a backup.",
                             bad->len),
                   bad->len, checked, self->folder, (const char *) g_ptr_array_index (bad, 0));
      if (damaged != NULL)
        *damaged = g_steal_pointer (&bad);
      return FALSE;
    }

  if (damaged != NULL)
    *damaged = g_steal_pointer (&bad);
  return TRUE;
}

/* Async --------------------------------------------------------------------- */

typedef struct
{
  char    *path;
  char    *expected;
  char    *sha256;
  guint64  size;
} AddData;

static void
add_data_free (gpointer data)
{
  AddData *add = data;

  g_free (add->path);
  g_free (add->expected);
  g_free (add->sha256);
  g_free (add);
}

static void
add_file_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AddData *add = task_data;
  GError *error = NULL;

  add->sha256 = clw_attachment_store_add_file (source_object, add->path, add->expected,
                                               &add->size, cancellable, &error);
  if (add->sha256 == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
clw_attachment_store_add_file_async (ClwAttachmentStore  *self,
                                     const char          *path,
                                     const char          *expected_sha256,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AddData *add;

  g_return_if_fail (CLW_IS_ATTACHMENT_STORE (self));
  g_return_if_fail (path != NULL);

  add = g_new0 (AddData, 1);
  add->path = g_strdup (path);
  add->expected = g_strdup (expected_sha256);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_attachment_store_add_file_async);
  g_task_set_task_data (task, add, add_data_free);
  g_task_run_in_thread (task, add_file_thread);
}

char *
clw_attachment_store_add_file_finish (ClwAttachmentStore  *self,
                                      GAsyncResult        *result,
                                      guint64             *size,
                                      GError             **error)
{
  AddData *add;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  add = g_task_get_task_data (G_TASK (result));
  if (size != NULL)
    *size = add->size;
  return g_strdup (add->sha256);
}

typedef struct
{
  guint      n_checked;
  GPtrArray *damaged;
} VerifyData;

static void
verify_data_free (gpointer data)
{
  VerifyData *verify = data;

  g_clear_pointer (&verify->damaged, g_ptr_array_unref);
  g_free (verify);
}

static void
verify_all_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  VerifyData *verify = task_data;
  GError *error = NULL;

  if (!clw_attachment_store_verify_all (source_object, &verify->n_checked, &verify->damaged,
                                        cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
clw_attachment_store_verify_all_async (ClwAttachmentStore  *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CLW_IS_ATTACHMENT_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_attachment_store_verify_all_async);
  g_task_set_task_data (task, g_new0 (VerifyData, 1), verify_data_free);
  g_task_run_in_thread (task, verify_all_thread);
}

gboolean
clw_attachment_store_verify_all_finish (ClwAttachmentStore  *self,
                                        GAsyncResult        *result,
                                        guint               *n_checked,
                                        GPtrArray          **damaged,
                                        GError             **error)
{
  VerifyData *verify;
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  verify = g_task_get_task_data (G_TASK (result));
  ok = g_task_propagate_boolean (G_TASK (result), error);

  if (n_checked != NULL)
    *n_checked = verify->n_checked;
  if (damaged != NULL)
    *damaged = verify->damaged != NULL ? g_ptr_array_ref (verify->damaged) : NULL;
  return ok;
}

/* Listing and removing ---------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
clw_attachment_store_list (ClwAttachmentStore  *self,
                           GError             **error)
{
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) top = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *prefix;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);

  top = g_dir_open (self->folder, 0, &local_error);
  if (top == NULL)
    {
      /* No folder: nothing was ever attached. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_new0 (char *, 1);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read the folder “%s”: %s"), self->folder, local_error->message);
      return NULL;
    }

  while ((prefix = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *subdir = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* Only the two-digit folders: temporary files and strangers are not ours. */
      if (!is_hex_name (prefix, 2))
        continue;

      subdir = g_build_filename (self->folder, prefix, NULL);
      dir = g_dir_open (subdir, 0, NULL);
      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        if (is_hex_name (name, 64) && strncmp (name, prefix, 2) == 0)
          g_ptr_array_add (hashes, g_strdup (name));
    }

  g_ptr_array_sort (hashes, compare_strings);
  g_ptr_array_add (hashes, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&hashes), FALSE);
}

gboolean
clw_attachment_store_remove (ClwAttachmentStore  *self,
                             const char          *sha256,
                             GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), FALSE);

  if (!check_hash (sha256, error))
    return FALSE;

  path = clw_attachment_store_get_path (self, sha256);
  if (g_unlink (path) != 0 && errno != ENOENT)
    return set_errno_error (error, errno, _("Could not delete “%s”"), path);

  /* The two-digit folder goes when it is empty. */
  dir = g_path_get_dirname (path);
  g_rmdir (dir);
  return TRUE;
}

gboolean
clw_attachment_store_remove_stale (ClwAttachmentStore  *self,
                                   guint                older_than,
                                   guint               *n_removed,
                                   GError             **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), FALSE);

  dir = g_dir_open (self->folder, 0, &local_error);
  if (dir == NULL)
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not read the folder “%s”: %s"), self->folder, local_error->message);
          return FALSE;
        }
    }
  else
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          GStatBuf st;

          if (!g_str_has_prefix (name, TEMP_PREFIX))
            continue;

          path = g_build_filename (self->folder, name, NULL);
          if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
              now - (gint64) st.st_mtime < (gint64) older_than)
            continue;

          if (g_unlink (path) == 0)
            removed++;
        }
    }

  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}
