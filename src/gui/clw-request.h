/* clw-request.h: a representation or buddy request, as the decisions list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_REQUEST (clw_request_get_type ())

G_DECLARE_FINAL_TYPE (ClwRequest, clw_request, CLW, REQUEST, GObject)

/* @record is a ClwRepresentation or a ClwBuddyArrangement; the practices
 * and meeting it names are read from @db. */
ClwRequest *clw_request_new          (ClwDatabase *db,
                                      ClwRecord   *record);

ClwRecord  *clw_request_get_record   (ClwRequest  *self);
const char *clw_request_get_id       (ClwRequest  *self);
/* "W10001 Llys Surgery" */
const char *clw_request_get_title    (ClwRequest  *self);
/* What is asked: "To be buddied with W10002 Bryn Surgery from 1 Jan 2023" */
const char *clw_request_get_summary  (ClwRequest  *self);
/* "Cardiff North · requested 1 Dec 2022" */
const char *clw_request_get_details  (ClwRequest  *self);
/* The date of the request, for sorting. */
const char *clw_request_get_requested_on (ClwRequest *self);

G_END_DECLS
