/* clw-evidence.h: an evidence item, a row of the table `evidence`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_EVIDENCE (clw_evidence_get_type ())

G_DECLARE_FINAL_TYPE (ClwEvidence, clw_evidence, CLW, EVIDENCE, ClwRecord)

ClwEvidence *clw_evidence_new (void);

ClwEvidenceKind  clw_evidence_get_kind         (ClwEvidence *self);
const char      *clw_evidence_get_title        (ClwEvidence *self);
const char      *clw_evidence_get_evidence_on  (ClwEvidence *self);
const char      *clw_evidence_get_practice_id  (ClwEvidence *self);
const char      *clw_evidence_get_meeting_id   (ClwEvidence *self);
const char      *clw_evidence_get_indicator_id (ClwEvidence *self);
const char      *clw_evidence_get_notes        (ClwEvidence *self);
const char      *clw_evidence_get_original_name (ClwEvidence *self);
const char      *clw_evidence_get_content_type (ClwEvidence *self);
int              clw_evidence_get_size         (ClwEvidence *self);
const char      *clw_evidence_get_sha256       (ClwEvidence *self);
const char      *clw_evidence_get_attached_by  (ClwEvidence *self);

gboolean         clw_evidence_sha256_is_valid  (const char  *sha256);

/* The evidence recorded for a practice, by date. */
GListStore      *clw_evidence_list_for_practice (ClwDatabase  *db,
                                                 const char   *practice_id,
                                                 GError      **error);

G_END_DECLS
