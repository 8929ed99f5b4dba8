/* clw-attachment-store.h: evidence files, stored once by their SHA-256
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files of a database live in a folder beside it: "clwstwr.db" keeps
 * them in "clwstwr.attachments/" (mode 0700), each file under its SHA-256
 * as "ab/ab12…" (mode 0600, "ab" the first two hexadecimal digits). A file
 * is only ever added whole: it is hashed while it is copied into a
 * temporary file, which is renamed into place once complete and checked.
 * The hash of a file is its name, so the store can check itself.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CLW_TYPE_ATTACHMENT_STORE (clw_attachment_store_get_type ())

G_DECLARE_FINAL_TYPE (ClwAttachmentStore, clw_attachment_store, CLW, ATTACHMENT_STORE, GObject)

/* "NAME.db" -> "NAME.attachments" (any other name gets ".attachments"). */
char               *clw_attachment_store_folder_for_database (const char          *database_path);

ClwAttachmentStore *clw_attachment_store_new             (const char          *database_path);
ClwAttachmentStore *clw_attachment_store_new_for_folder  (const char          *folder);

const char         *clw_attachment_store_get_folder      (ClwAttachmentStore  *self);

/* Where the file of @sha256 is (or would be) stored; NULL when @sha256 is
 * not 64 lower-case hexadecimal digits. */
char               *clw_attachment_store_get_path        (ClwAttachmentStore  *self,
                                                          const char          *sha256);
gboolean            clw_attachment_store_has             (ClwAttachmentStore  *self,
                                                          const char          *sha256);

/* Whether @path could be stored: a regular file that can be read, of at
 * most @max_size bytes (0: no limit); the message says why not, as adding
 * it would. @size receives its size. Nothing is written. */
gboolean            clw_attachment_store_check_file      (const char          *path,
                                                          guint64              max_size,
                                                          guint64             *size,
                                                          GCancellable        *cancellable,
                                                          GError             **error);

/* Copy @path into the store and return its SHA-256. With @expected_sha256,
 * a file whose content does not match is refused and nothing is stored. */
char               *clw_attachment_store_add_file        (ClwAttachmentStore  *self,
                                                          const char          *path,
                                                          const char          *expected_sha256,
                                                          guint64             *size,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
void                clw_attachment_store_add_file_async  (ClwAttachmentStore  *self,
                                                          const char          *path,
                                                          const char          *expected_sha256,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char               *clw_attachment_store_add_file_finish (ClwAttachmentStore  *self,
                                                          GAsyncResult        *result,
                                                          guint64             *size,
                                                          GError             **error);
/* The same, refusing a file of more than @max_size bytes (0: no limit)
 * before anything is written, and calling @progress (from the calling
 * thread) as it copies. @added says whether the file was new to the store;
 * the same content added again replaces the copy there, repairing it if it
 * was damaged. On failure nothing is left behind, not even a temporary
 * file. */
char               *clw_attachment_store_add_file_full   (ClwAttachmentStore     *self,
                                                          const char             *path,
                                                          const char             *expected_sha256,
                                                          guint64                 max_size,
                                                          GFileProgressCallback   progress,
                                                          gpointer                progress_data,
                                                          guint64                *size,
                                                          gboolean               *added,
                                                          GCancellable           *cancellable,
                                                          GError                **error);
char               *clw_attachment_store_add_bytes       (ClwAttachmentStore  *self,
                                                          GBytes              *bytes,
                                                          const char          *expected_sha256,
                                                          GError             **error);

GInputStream       *clw_attachment_store_open            (ClwAttachmentStore  *self,
                                                          const char          *sha256,
                                                          GError             **error);
/* The whole file, checked against its hash; at most @max_size bytes. */
GBytes             *clw_attachment_store_load            (ClwAttachmentStore  *self,
                                                          const char          *sha256,
                                                          gsize                max_size,
                                                          GError             **error);

/* Whether the stored file still has the content its name says. */
gboolean            clw_attachment_store_verify          (ClwAttachmentStore  *self,
                                                          const char          *sha256,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
/* Check every file. FALSE when one is damaged or cannot be read; @damaged
 * (when not NULL) receives the hashes of those files. */
gboolean            clw_attachment_store_verify_all      (ClwAttachmentStore  *self,
                                                          guint               *n_checked,
                                                          GPtrArray          **damaged,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
void                clw_attachment_store_verify_all_async  (ClwAttachmentStore  *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean            clw_attachment_store_verify_all_finish (ClwAttachmentStore  *self,
                                                            GAsyncResult        *result,
                                                            guint               *n_checked,
                                                            GPtrArray          **damaged,
                                                            GError             **error);

/* The hashes of every stored file, sorted. */
GStrv               clw_attachment_store_list            (ClwAttachmentStore  *self,
                                                          GError             **error);
/* Delete the file of @sha256; a file that is not there is not an error.
 * The caller makes sure nothing refers to it (clw_evidence_prune()). */
gboolean            clw_attachment_store_remove          (ClwAttachmentStore  *self,
                                                          const char          *sha256,
                                                          GError             **error);
/* Delete the temporary files that copies cut short by a crash left behind:
 * those not written to for @older_than seconds (a copy in progress writes
 * to its own all the time). */
gboolean            clw_attachment_store_remove_stale    (ClwAttachmentStore  *self,
                                                          guint                older_than,
                                                          guint               *n_removed,
                                                          GError             **error);

G_END_DECLS
