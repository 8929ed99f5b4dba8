/* clw-evidence-requirement.h: an evidence requirement, a row of the table `evidence_requirement`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_EVIDENCE_REQUIREMENT (clw_evidence_requirement_get_type ())

G_DECLARE_FINAL_TYPE (ClwEvidenceRequirement, clw_evidence_requirement, CLW, EVIDENCE_REQUIREMENT, ClwRecord)

ClwEvidenceRequirement *clw_evidence_requirement_new (void);

const char      *clw_evidence_requirement_get_cycle_id       (ClwEvidenceRequirement *self);
const char      *clw_evidence_requirement_get_indicator_id   (ClwEvidenceRequirement *self);
ClwEvidenceKind  clw_evidence_requirement_get_kind           (ClwEvidenceRequirement *self);
ClwEvidenceMode  clw_evidence_requirement_get_mode           (ClwEvidenceRequirement *self);
const char      *clw_evidence_requirement_get_due_on         (ClwEvidenceRequirement *self);
gboolean         clw_evidence_requirement_get_blocking       (ClwEvidenceRequirement *self);
const char      *clw_evidence_requirement_get_description    (ClwEvidenceRequirement *self);
const char      *clw_evidence_requirement_get_description_cy (ClwEvidenceRequirement *self);

G_END_DECLS
