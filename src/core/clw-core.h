/* clw-core.h: everything the app, the command line and the tests use of core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-types.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-database.h"
#include "clw-record.h"
#include "clw-date-format.h"
#include "clw-i18n.h"
#include "clw-decision.h"
#include "clw-attachment-store.h"
#include "clw-sync.h"

#include "clw-health-board.h"
#include "clw-pcpg.h"
#include "clw-cluster.h"
#include "clw-collaborative.h"
#include "clw-cycle.h"
#include "clw-indicator.h"
#include "clw-evidence-requirement.h"
#include "clw-practice.h"
#include "clw-meeting.h"
#include "clw-agenda-item.h"
#include "clw-action-item.h"
#include "clw-attendance.h"
#include "clw-representation.h"
#include "clw-buddy-arrangement.h"
#include "clw-buddy-engagement.h"
#include "clw-buddy-board.h"
#include "clw-evidence.h"
#include "clw-attachment-store.h"
#include "clw-evidence-files.h"
#include "clw-evidence-problem.h"
#include "clw-imtp-contribution.h"
#include "clw-imtp-section.h"
#include "clw-imtp-workforce.h"
#include "clw-imtp-editor.h"
#include "clw-search.h"

#include "clw-qaif.h"
#include "clw-demo.h"

#include "clw-csv.h"
#include "clw-practice-import.h"
#include "clw-identifiers.h"
#include "clw-imtp-return.h"
#include "clw-print-document.h"
#include "clw-meeting-pack.h"
