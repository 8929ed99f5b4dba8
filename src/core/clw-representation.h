/* clw-representation.h: a representation request, a row of the table `representation`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_REPRESENTATION (clw_representation_get_type ())

G_DECLARE_FINAL_TYPE (ClwRepresentation, clw_representation, CLW, REPRESENTATION, ClwRecord)

ClwRepresentation *clw_representation_new (void);

const char            *clw_representation_get_practice_id         (ClwRepresentation *self);
ClwRepresentationKind  clw_representation_get_kind                (ClwRepresentation *self);
const char            *clw_representation_get_meeting_id          (ClwRepresentation *self);
const char            *clw_representation_get_representative_name (ClwRepresentation *self);
int                    clw_representation_get_representative_role (ClwRepresentation *self);
const char            *clw_representation_get_starts_on           (ClwRepresentation *self);
const char            *clw_representation_get_ends_on             (ClwRepresentation *self);
ClwArrangementStatus   clw_representation_get_status              (ClwRepresentation *self);
const char            *clw_representation_get_requested_on        (ClwRepresentation *self);
const char            *clw_representation_get_decision_on         (ClwRepresentation *self);
const char            *clw_representation_get_explanation         (ClwRepresentation *self);
const char            *clw_representation_get_notes               (ClwRepresentation *self);

/* The representation requests and arrangements of a practice, by the date
 * of the request. */
GListStore            *clw_representation_list_for_practice       (ClwDatabase  *db,
                                                                   const char   *practice_id,
                                                                   GError      **error);
/* The requests waiting for a decision of a health board (NULL: of every
 * board), oldest first. */
GListStore            *clw_representation_list_pending            (ClwDatabase  *db,
                                                                   const char   *health_board_id,
                                                                   GError      **error);

G_END_DECLS
