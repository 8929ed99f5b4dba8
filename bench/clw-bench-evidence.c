/* clw-bench-evidence.c: the benchmark of storing evidence files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - hashing and storing a 50 MB file (target 2 s: the app shows its
 *   progress meanwhile, and keeps working) in an attachment
 *   store, as attaching evidence does (off the main thread in the app):
 *   SHA-256 while copying to a temporary file, then renamed into place by
 *   its hash; the same content each run, which the store copies again
 *   (repairing a damaged copy). The baseline hashes the file with
 *   GChecksum and copies it with g_file_copy(), so the ratio says what
 *   the store's care (temporary file, sync, rename) adds, less the
 *   second read the store saves by hashing as it copies.
 */

#define G_LOG_DOMAIN "clw-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "clw-bench.h"
#include "clw-core.h"

#define FILE_SIZE (50 * 1000 * 1000)

typedef struct
{
  ClwAttachmentStore *store;
  char               *path;        /* the 50 MB file */
  char               *copy_path;   /* the baseline's copy */
} State;

static void
evidence_teardown (gpointer state)
{
  State *s = state;

  if (s == NULL)
    return;
  if (s->path != NULL)
    g_unlink (s->path);
  if (s->copy_path != NULL)
    g_unlink (s->copy_path);
  g_clear_object (&s->store);
  g_free (s->path);
  g_free (s->copy_path);
  g_free (s);
}

static gpointer
evidence_setup (ClwBench  *bench,
                guint      scale,
                GError   **error)
{
  State *s = g_new0 (State, 1);
  g_autofree char *folder = clw_bench_scratch_path (bench, "attachments");
  g_autofree guint8 *contents = g_malloc (FILE_SIZE);
  guint32 seed = 2022;

  /* Not compressible, not all one value: what a scanned PDF looks like to
   * the hash and the disk. */
  for (gsize i = 0; i < FILE_SIZE; i++)
    {
      seed = seed * 1664525u + 1013904223u;
      contents[i] = seed >> 24;
    }

  s->path = clw_bench_scratch_path (bench, "scanned-bundle.pdf");
  s->copy_path = clw_bench_scratch_path (bench, "copy.pdf");
  s->store = clw_attachment_store_new_for_folder (folder);
  if (!g_file_set_contents (s->path, (const char *) contents, FILE_SIZE, error))
    {
      evidence_teardown (s);
      return NULL;
    }

  return s;
}

static gboolean
store_run (gpointer   state,
           guint64   *rows,
           GError   **error)
{
  State *s = state;
  g_autofree char *sha256 = NULL;
  guint64 size = 0;

  sha256 = clw_attachment_store_add_file_full (s->store, s->path, NULL, CLW_EVIDENCE_DEFAULT_MAX_SIZE,
                                               NULL, NULL, &size, NULL, NULL, error);
  if (sha256 == NULL)
    return FALSE;
  if (size != FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stored %" G_GUINT64_FORMAT " bytes of %d",
                   size, FILE_SIZE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
store_baseline (gpointer   state,
                GError   **error)
{
  State *s = state;
  g_autoptr(GFile) source = g_file_new_for_path (s->path);
  g_autoptr(GFile) copy = g_file_new_for_path (s->copy_path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gssize n;

  in = g_file_read (source, NULL, error);
  if (in == NULL)
    return FALSE;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 64 * 1024, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return FALSE;

  return g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

const ClwBenchCase clw_bench_evidence_cases[] = {
  { "evidence: hash and store 50 MB", 0, 2.0, "SHA-256 and a plain copy",
    evidence_setup, NULL, store_run, NULL, store_baseline, evidence_teardown },
};

const guint clw_bench_evidence_n_cases = G_N_ELEMENTS (clw_bench_evidence_cases);
