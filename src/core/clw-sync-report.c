/* clw-sync-report.c: what an export, an import or a folder exchange did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include "clw-sync-private.h"

G_DEFINE_FINAL_TYPE (ClwSyncReport, clw_sync_report, G_TYPE_OBJECT)

static void
clw_sync_report_finalize (GObject *object)
{
  ClwSyncReport *self = (ClwSyncReport *) object;

  g_free (self->path);
  g_free (self->peer_name);
  g_free (self->author);
  g_free (self->made_at);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->tables);

  G_OBJECT_CLASS (clw_sync_report_parent_class)->finalize (object);
}

static void
clw_sync_report_class_init (ClwSyncReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_sync_report_finalize;
}

static void
clw_sync_report_init (ClwSyncReport *self)
{
  self->notes = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->tables = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

ClwSyncReport *
_clw_sync_report_new (void)
{
  return g_object_new (CLW_TYPE_SYNC_REPORT, NULL);
}

void
_clw_sync_report_add_note (ClwSyncReport *self,
                           const char    *note)
{
  g_ptr_array_add (self->notes, g_strdup (note));
}

void
_clw_sync_report_add_table (ClwSyncReport *self,
                            const char    *table)
{
  for (guint i = 0; i < self->tables->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tables, i), table))
      return;
  g_ptr_array_add (self->tables, g_strdup (table));
}

const char *
clw_sync_report_get_path (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), NULL);
  return self->path;
}

const char *
clw_sync_report_get_peer_name (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), NULL);
  return self->peer_name;
}

const char *
clw_sync_report_get_author (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), NULL);
  return self->author;
}

const char *
clw_sync_report_get_made_at (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), NULL);
  return self->made_at;
}

guint
clw_sync_report_get_n_changes (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_changes;
}

guint
clw_sync_report_get_n_applied (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_applied;
}

guint
clw_sync_report_get_n_conflicts (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_conflicts;
}

guint
clw_sync_report_get_n_settled (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_settled;
}

guint
clw_sync_report_get_n_files (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_files;
}

guint
clw_sync_report_get_n_missing_files (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_missing_files;
}

guint
clw_sync_report_get_n_imported (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_imported;
}

guint
clw_sync_report_get_n_written (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_written;
}

guint
clw_sync_report_get_n_skipped (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_skipped;
}

guint
clw_sync_report_get_n_refused (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), 0);
  return self->n_refused;
}

const char * const *
clw_sync_report_get_notes (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), NULL);
  return (const char * const *) self->notes->pdata;
}

const char * const *
clw_sync_report_get_tables (ClwSyncReport *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_REPORT (self), NULL);
  return (const char * const *) self->tables->pdata;
}
