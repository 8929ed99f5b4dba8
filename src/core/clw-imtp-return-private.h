/* clw-imtp-return-private.h: for the tests of the IMTP return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-imtp-return.h"

G_BEGIN_DECLS

/* Make every return carry an element the schema does not allow, so that
 * the tests can show an invalid return is never written. */
void _clw_imtp_return_set_fault_for_tests (gboolean fault);

G_END_DECLS
