/* clw-practice-import-private.h: building the rows of a practice import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clw-practice.h"
#include "clw-practice-import-row.h"

G_BEGIN_DECLS

ClwPracticeImportRow *_clw_practice_import_row_new         (guint                  row);
void                  _clw_practice_import_row_reject      (ClwPracticeImportRow  *self,
                                                            const char            *reason);
void                  _clw_practice_import_row_set_read    (ClwPracticeImportRow  *self,
                                                            const char            *code,
                                                            const char            *name,
                                                            const char            *cluster_id,
                                                            const char            *cluster_label);
void                  _clw_practice_import_row_add_change  (ClwPracticeImportRow  *self,
                                                            const char            *field,
                                                            const char            *label,
                                                            const char            *old_value,
                                                            const char            *new_value);
/* Decide add, change or unchanged from the changes recorded: @existing is
 * the practice as it is stored (NULL for a new one), @proposed what will be
 * written. Both are kept for clw_practice_import_apply(). */
void                  _clw_practice_import_row_settle      (ClwPracticeImportRow  *self,
                                                            ClwPractice           *existing,
                                                            ClwPractice           *proposed);
ClwPractice          *_clw_practice_import_row_get_existing (ClwPracticeImportRow *self);
ClwPractice          *_clw_practice_import_row_get_proposed (ClwPracticeImportRow *self);

G_END_DECLS
