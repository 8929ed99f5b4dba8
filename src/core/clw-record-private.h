/* clw-record-private.h: writing records, for the rest of core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

typedef enum
{
  CLW_WRITE_OUTCOME_INSERTED,
  CLW_WRITE_OUTCOME_UPDATED,
  CLW_WRITE_OUTCOME_UNCHANGED,
} ClwWriteOutcome;

/* Insert or update, and say which (or that nothing changed). */
gboolean _clw_record_write (ClwRecord        *self,
                            ClwDatabase      *db,
                            ClwWriteFlags     flags,
                            ClwWriteOutcome  *outcome,
                            GError          **error);

G_END_DECLS
