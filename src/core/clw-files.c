/* clw-files.c: writing output files safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clw-error.h"
#include "clw-files.h"

gboolean
clw_files_write_private (const char  *path,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->domain == G_FILE_ERROR &&
                   local_error->code == G_FILE_ERROR_NOSPC ? G_IO_ERROR_NO_SPACE : G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s. Nothing was written."), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

GBytes *
clw_files_read_limited (const char  *path,
                        gsize        max_size,
                        GError     **error)
{
  GStatBuf st;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) local_error = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s."), path, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file."), path);
      return NULL;
    }

  if ((guint64) st.st_size > max_size)
    {
      /* In MiB, as --max-size counts. */
      g_autofree char *size = g_format_size_full (st.st_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is %s, more than the limit of %s. Nothing was read; if a file "
                     "this large is expected, raise the limit."),
                   path, size, limit);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read “%s”: %s."), path, local_error->message);
      return NULL;
    }

  /* The file may have grown since it was measured. */
  if (length > max_size)
    {
      g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is more than the limit of %s. Nothing was read; if a file "
                     "this large is expected, raise the limit."), path, limit);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

gboolean
clw_files_ensure_private_dir (const char  *path,
                              GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
