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

G_END_DECLS
