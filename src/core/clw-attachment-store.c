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
#include "clw-evidence.h"
#include "clw-files.h"

#define BUFFER_SIZE (256 * 1024)
#define TEMP_PREFIX ".incoming-"

struct _ClwAttachmentStore
{
  GObject  parent_instance;

  char    *folder;
};

G_DEFINE_FINAL_TYPE (ClwAttachmentStore, clw_attachment_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ----------------------------------------------------------------- */

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
  return FALSE;
}

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

/* read(2), again after a signal. */
static gssize
read_some (int    fd,
           void  *buffer,
           gsize  size)
{
  gssize n;

  do
    n = read (fd, buffer, size);
  while (n < 0 && errno == EINTR);

  return n;
}

static gboolean
write_all (int          fd,
           const void  *buffer,
           gsize        size)
{
  const char *p = buffer;

  while (size > 0)
    {
      gssize n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      size -= n;
    }

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

/* Hash an open file to its end. */
static char *
hash_fd (int            fd,
         const char    *path,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (BUFFER_SIZE);

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      n = read_some (fd, buffer, BUFFER_SIZE);
      if (n < 0)
        {
          int saved_errno = errno;
          g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s."),
                                                      path, g_strerror (saved_errno));
          set_errno_error (error, saved_errno, message);
          return NULL;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }

  return g_strdup (g_checksum_get_string (checksum));
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

  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_attachment_store_init (ClwAttachmentStore *self)
{
}

/* Public API ----------------------------------------------------------------- */

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

  memcpy (prefix, sha256, 2);
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
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree guint8 *buffer = NULL;
  g_autofree char *display = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *target_dir = NULL;
  g_autofree char *sha256 = NULL;
  struct stat st;
  guint64 total = 0;
  int in = -1;
  int out = -1;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  if (expected_sha256 != NULL && !check_hash (expected_sha256, error))
    return NULL;

  /* Everything that can be refused is refused before anything is written. */
  in = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s. Check that the file "
                                                    "exists and that you may read it."),
                                                  display, g_strerror (saved_errno));
      set_errno_error (error, saved_errno, message);
      return NULL;
    }

  if (fstat (in, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file (it may be a folder or a device): only files can be "
                     "attached."), display);
      goto out;
    }

  if (max_size > 0 && (guint64) st.st_size > max_size)
    {
      g_autofree char *actual = g_format_size (st.st_size);
      g_autofree char *limit = g_format_size (max_size);
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is %s, more than the limit of %s for an evidence file. Attach a "
                     "smaller file (a PDF of the pages that matter) or raise the limit."),
                   display, actual, limit);
      goto out;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!clw_files_ensure_private_dir (self->folder, error))
    goto out;

  temp_path = g_build_filename (self->folder, TEMP_PREFIX "XXXXXX", NULL);
  out = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (out < 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not write in the evidence folder “%s”: %s."),
                                                  self->folder, g_strerror (saved_errno));
      g_clear_pointer (&temp_path, g_free);
      set_errno_error (error, saved_errno, message);
      goto out;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (BUFFER_SIZE);

  if (progress != NULL)
    progress (0, st.st_size, progress_data);

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      n = read_some (in, buffer, BUFFER_SIZE);
      if (n < 0)
        {
          int saved_errno = errno;
          g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s."),
                                                      display, g_strerror (saved_errno));
          set_errno_error (error, saved_errno, message);
          goto out;
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
          goto out;
        }

      g_checksum_update (checksum, buffer, n);
      if (!write_all (out, buffer, n))
        {
          int saved_errno = errno;
          g_autofree char *message = g_strdup_printf (_("Could not write in the evidence folder “%s”: %s."),
                                                      self->folder, g_strerror (saved_errno));
          set_errno_error (error, saved_errno, message);
          goto out;
        }

      if (progress != NULL)
        progress (total, MAX ((guint64) st.st_size, total), progress_data);
    }

  if (fsync (out) != 0 || close (out) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not write in the evidence folder “%s”: %s."),
                                                  self->folder, g_strerror (saved_errno));
      out = -1;
      set_errno_error (error, saved_errno, message);
      goto out;
    }
  out = -1;

  sha256 = g_strdup (g_checksum_get_string (checksum));
  if (expected_sha256 != NULL && g_strcmp0 (sha256, expected_sha256) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” does not have the content expected (its SHA-256 is %s, not %s)."),
                   display, sha256, expected_sha256);
      goto out;
    }

  target = clw_attachment_store_get_path (self, sha256);
  target_dir = g_path_get_dirname (target);

  /* Stored once: the same content attached again takes the place of the
   * file that is there (the same bytes, or the right ones if that file has
   * been damaged since). */
  {
    GStatBuf existing;

    if (added != NULL)
      *added = !(g_stat (target, &existing) == 0 && S_ISREG (existing.st_mode));
  }

  if (!clw_files_ensure_private_dir (target_dir, error))
    goto out;

  if (g_rename (temp_path, target) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not store the evidence file “%s”: %s."),
                                                  target, g_strerror (saved_errno));
      set_errno_error (error, saved_errno, message);
      goto out;
    }
  g_clear_pointer (&temp_path, g_free);
  sync_folder (target_dir);
  ok = TRUE;

out:
  if (in >= 0)
    close (in);
  if (out >= 0)
    close (out);
  if (temp_path != NULL)
    g_unlink (temp_path);

  if (!ok)
    return NULL;

  if (size != NULL)
    *size = total;
  return g_steal_pointer (&sha256);
}

GBytes *
clw_attachment_store_load (ClwAttachmentStore  *self,
                           const char          *sha256,
                           gsize                max_size,
                           GError             **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);

  if (!check_hash (sha256, error))
    return NULL;

  path = clw_attachment_store_get_path (self, sha256);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The evidence file %s is missing from “%s”. Restore the folder from a "
                     "backup, or attach the file again."), sha256, self->folder);
      return NULL;
    }

  bytes = clw_files_read_limited (path, max_size, error);
  if (bytes == NULL)
    return NULL;

  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The evidence file “%s” has been changed or damaged since it was stored. "
                     "Restore it from a backup, or attach the file again."), path);
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
  g_autofree char *path = NULL;
  g_autofree char *actual = NULL;
  int fd;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), FALSE);

  if (!check_hash (sha256, error))
    return FALSE;

  path = clw_attachment_store_get_path (self, sha256);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("“%s” is missing."), path);
          return FALSE;
        }

      {
        g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s."),
                                                    path, g_strerror (saved_errno));
        return set_errno_error (error, saved_errno, message);
      }
    }

  actual = hash_fd (fd, path, cancellable, error);
  close (fd);
  if (actual == NULL)
    return FALSE;

  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” has been changed or damaged: its content no longer matches its "
                     "SHA-256."), path);
      return FALSE;
    }

  return TRUE;
}

gboolean
clw_attachment_store_verify_all (ClwAttachmentStore  *self,
                                 guint               *n_checked,
                                 GPtrArray          **damaged,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_auto(GStrv) hashes = NULL;
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), FALSE);

  hashes = clw_attachment_store_list (self, error);
  if (hashes == NULL)
    return FALSE;

  for (guint i = 0; hashes[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!clw_attachment_store_verify (self, hashes[i], cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_ptr_array_add (bad, g_strdup (hashes[i]));
        }
      checked++;
    }

  if (n_checked != NULL)
    *n_checked = checked;

  if (bad->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   ngettext ("%u evidence file in “%s” is damaged or cannot be read.",
                             "%u evidence files in “%s” are damaged or cannot be read.",
                             bad->len),
                   bad->len, self->folder);
      if (damaged != NULL)
        *damaged = g_steal_pointer (&bad);
      return FALSE;
    }

  if (damaged != NULL)
    *damaged = g_steal_pointer (&bad);
  return TRUE;
}

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
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (CLW_IS_ATTACHMENT_STORE (self), NULL);

  dir = g_dir_open (self->folder, 0, &local_error);
  if (dir == NULL)
    {
      /* No folder: nothing was ever attached. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_new0 (char *, 1);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read the evidence folder “%s”: %s."),
                   self->folder, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = NULL;
      g_autoptr(GDir) subdir = NULL;
      const char *file;

      /* Only the two-digit folders; temporary files and strangers are not ours. */
      if (strlen (name) != 2 || !g_ascii_isxdigit (name[0]) || !g_ascii_isxdigit (name[1]))
        continue;

      sub = g_build_filename (self->folder, name, NULL);
      subdir = g_dir_open (sub, 0, NULL);
      if (subdir == NULL)
        continue;

      while ((file = g_dir_read_name (subdir)) != NULL)
        if (clw_evidence_sha256_is_valid (file) && strncmp (file, name, 2) == 0)
          g_ptr_array_add (hashes, g_strdup (file));
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
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not delete “%s”: %s."),
                                                  path, g_strerror (saved_errno));
      return set_errno_error (error, saved_errno, message);
    }

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
                       _("Could not read the evidence folder “%s”: %s."),
                       self->folder, local_error->message);
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
