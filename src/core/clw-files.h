/* clw-files.h: writing output files safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Write @data to @path through a temporary file in the same folder that is
 * renamed over @path once complete, readable by its owner only: a reader
 * sees the old file or the new one, never half of one. */
gboolean clw_files_write_private  (const char  *path,
                                   const char  *data,
                                   gsize        length,
                                   GError     **error);

/* Read a whole file of at most @max_size bytes. */
GBytes  *clw_files_read_limited   (const char  *path,
                                   gsize        max_size,
                                   GError     **error);

/* Create @path (and its parents) as folders readable by their owner only. */
gboolean clw_files_ensure_private_dir (const char  *path,
                                       GError     **error);

G_END_DECLS
