/* clw-imtp-section.h: a section of an IMTP contribution, a row of the table `imtp_section`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-record.h"

G_BEGIN_DECLS

#define CLW_TYPE_IMTP_SECTION (clw_imtp_section_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpSection, clw_imtp_section, CLW, IMTP_SECTION, ClwRecord)

ClwImtpSection *clw_imtp_section_new (void);

const char         *clw_imtp_section_get_contribution_id (ClwImtpSection *self);
ClwImtpSectionKind  clw_imtp_section_get_kind            (ClwImtpSection *self);
ClwSectionStatus    clw_imtp_section_get_status          (ClwImtpSection *self);
const char         *clw_imtp_section_get_body            (ClwImtpSection *self);
const char         *clw_imtp_section_get_body_cy         (ClwImtpSection *self);

G_END_DECLS
