/* clw-evidence-problem.h: a stored evidence file that is missing or damaged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item of what clw_evidence_verify() finds.
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_EVIDENCE_PROBLEM (clw_evidence_problem_get_type ())

G_DECLARE_FINAL_TYPE (ClwEvidenceProblem, clw_evidence_problem, CLW, EVIDENCE_PROBLEM, GObject)

ClwEvidenceProblem *clw_evidence_problem_new             (ClwFileProblem       problem,
                                                          const char          *sha256,
                                                          const char          *path,
                                                          const char * const  *evidence_ids,
                                                          const char * const  *titles,
                                                          const char          *message);

ClwFileProblem      clw_evidence_problem_get_problem     (ClwEvidenceProblem *self);
const char         *clw_evidence_problem_get_sha256      (ClwEvidenceProblem *self);
/* Where the file is (or should be) in the store. */
const char         *clw_evidence_problem_get_path        (ClwEvidenceProblem *self);
/* The evidence rows that refer to the file; empty for a file nothing refers to. */
const char * const *clw_evidence_problem_get_evidence_ids (ClwEvidenceProblem *self);
const char * const *clw_evidence_problem_get_titles      (ClwEvidenceProblem *self);
/* A sentence naming the file and the evidence, and what to do. */
const char         *clw_evidence_problem_get_message     (ClwEvidenceProblem *self);

G_END_DECLS
