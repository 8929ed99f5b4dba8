/* clw-evidence-files.h: the files of evidence items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An evidence item (ClwEvidence, a row of `evidence`) may carry one file.
 * The file is hashed and copied into the attachment store beside the
 * database (clw-attachment-store.h), once however many items carry it; the
 * row keeps what describes it: the original name, the content type, the
 * size, the SHA-256 and who attached it.
 *
 * A file that is too large (more than @max_size, CLW_EVIDENCE_DEFAULT_MAX_SIZE
 * unless the app says otherwise) or cannot be read is refused with a
 * message that says so, and nothing is stored: no row, no file, no
 * temporary file. Attaching and removing are each one change of the
 * database's undo. Removing an item leaves its file in the store, so that
 * undo brings it back whole; clw_evidence_prune() removes the files that
 * nothing refers to any more.
 */

#pragma once

#include <gio/gio.h>

#include "clw-attachment-store.h"
#include "clw-evidence.h"

G_BEGIN_DECLS

#define CLW_EVIDENCE_DEFAULT_MAX_SIZE (50 * 1024 * 1024)
/* Files of evidence removed within this many days are kept by prune, so
 * that the removal can still be undone. */
#define CLW_EVIDENCE_DEFAULT_KEEP_DAYS 30

/* The store of @db's files (one per database, kept with it). */
ClwAttachmentStore *clw_evidence_get_store          (ClwDatabase            *db);
/* Where the file of @evidence is stored, or NULL when it has none. */
char               *clw_evidence_dup_file_path      (ClwDatabase            *db,
                                                     ClwEvidence            *evidence);

/* Evidence of a practice or of a meeting (ClwEvidence), by date; with
 * neither, all of it. */
GListModel         *clw_evidence_list               (ClwDatabase            *db,
                                                     const char             *practice_id,
                                                     const char             *meeting_id,
                                                     GError                **error);

/* Store @path and record it as the evidence described by @evidence (kind,
 * title, date, practice, meeting or indicator, notes; not stored yet). An
 * empty title becomes the file's name and an empty date the database's
 * today. Returns the stored row. @progress is called as the file is
 * copied. */
ClwEvidence        *clw_evidence_attach_file        (ClwDatabase            *db,
                                                     ClwEvidence            *evidence,
                                                     const char             *path,
                                                     guint64                 max_size,
                                                     GFileProgressCallback   progress,
                                                     gpointer                progress_data,
                                                     GCancellable           *cancellable,
                                                     GError                **error);
/* The same, hashing and copying in a worker thread; @progress is called in
 * the thread-default main context of the caller, as the copy advances by
 * a hundredth or more. The row is written in that context too, when the
 * copy is done. */
void                clw_evidence_attach_file_async  (ClwDatabase            *db,
                                                     ClwEvidence            *evidence,
                                                     const char             *path,
                                                     guint64                 max_size,
                                                     GFileProgressCallback   progress,
                                                     gpointer                progress_data,
                                                     GDestroyNotify          progress_data_free,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
ClwEvidence        *clw_evidence_attach_file_finish (ClwDatabase            *db,
                                                     GAsyncResult           *result,
                                                     GError                **error);

/* Delete the evidence item (with undo); its file stays in the store. */
gboolean            clw_evidence_remove             (ClwDatabase            *db,
                                                     const char             *evidence_id,
                                                     GError                **error);

/* Delete the stored files that no evidence refers to, except those of
 * evidence removed or changed in the last @keep_days days, and the
 * temporary files a crash left behind. */
gboolean            clw_evidence_prune              (ClwDatabase            *db,
                                                     guint                   keep_days,
                                                     guint                  *n_removed,
                                                     GError                **error);

/* Write the file of the evidence to @destination (mode 0600, replacing it
 * whole), after checking it against its hash. */
gboolean            clw_evidence_export_file        (ClwDatabase            *db,
                                                     const char             *evidence_id,
                                                     const char             *destination,
                                                     GError                **error);

/* Check every stored file against its hash, and that every file the
 * evidence refers to is there: a new model of ClwEvidenceProblem, empty
 * when all is well. @n_checked receives the number of files read. */
GListModel         *clw_evidence_verify             (ClwDatabase            *db,
                                                     guint                  *n_checked,
                                                     GCancellable           *cancellable,
                                                     GError                **error);
/* The same in a worker thread, on its own read-only connection. */
void                clw_evidence_verify_async       (const char             *db_path,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
GListModel         *clw_evidence_verify_finish      (GAsyncResult           *result,
                                                     guint                  *n_checked,
                                                     GError                **error);

G_END_DECLS
