/* clw-qaif-export.h: a QAIF report as CSV or XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formats are documented in docs/qaif-report-format.md; the XML has its
 * own schema (data/qaif-report.xsd), and every document is validated
 * against it before it is handed out.
 */

#pragma once

#include <gio/gio.h>

#include "clw-qaif.h"

G_BEGIN_DECLS

#define CLW_QAIF_REPORT_NAMESPACE "https://clwstwr.github.io/ns/qaif-report/1"
#define CLW_QAIF_REPORT_FORMAT_VERSION "1"
#define CLW_QAIF_REPORT_SCHEMA_RESOURCE "/io/github/clwstwr/Clwstwr/core/qaif-report.xsd"

/* The header of the CSV form, one row per practice and indicator. */
#define CLW_QAIF_CSV_HEADER "cycle,cluster,practice_code,practice_name,indicator,verdict,points,reasons"

/* RFC 4180 (CRLF line ends); reasons joined with "; ". */
GBytes *clw_qaif_report_to_csv (ClwQaifReport  *report);

/* The report as a document of the qaif-report schema; NULL with an error if
 * it could not be written or does not follow the schema. */
GBytes *clw_qaif_report_to_xml (ClwQaifReport  *report,
                                ClwScope        scope,
                                const char     *scope_id,
                                GError        **error);

G_END_DECLS
