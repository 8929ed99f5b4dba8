/* clw-print-operation.h: printing what core lays out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "clw-core.h"

G_BEGIN_DECLS

/* A print operation for @document (a meeting pack's, say) that lays it out
 * in begin-print for the paper chosen (in points, on the whole sheet: the
 * document keeps its own margins, so that a printed page is the PDF's
 * page) and draws page N in draw-page, with the drawing code of the PDF.
 * A4 unless the user chooses other paper. */
GtkPrintOperation *clw_print_operation_new (ClwPrintDocument *document,
                                            const char       *job_name);

G_END_DECLS
