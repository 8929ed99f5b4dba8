/* clw-meeting-pack.h: what a cluster lead takes into a meeting, as one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack of one meeting of a GP Collaborative: a cover, a contents page,
 * the agenda in the usual NHS Wales order, the action log with the actions
 * overdue at the meeting date, attendance so far in the QAIF cycle and the
 * practices at risk, pending buddy and representation requests, the IMTP
 * contributions with the days left to the deadline, and the evidence still
 * missing, practice by practice. Every figure and verdict comes from the
 * rules engine's report as of the meeting's date.
 *
 * The pack is a ClwPrintDocument: the app prints it with GtkPrintOperation
 * through clw_meeting_pack_paginate() and clw_meeting_pack_draw_page(), and
 * the same drawing makes the PDF.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "clw-print-document.h"
#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_MEETING_PACK (clw_meeting_pack_get_type ())

G_DECLARE_FINAL_TYPE (ClwMeetingPack, clw_meeting_pack, CLW, MEETING_PACK, GObject)

/* Gather everything the pack of @meeting_id shows. */
ClwMeetingPack   *clw_meeting_pack_new              (ClwDatabase         *db,
                                                     const char          *meeting_id,
                                                     GError             **error);
/* The same off the main thread, on a read-only connection of its own. */
void              clw_meeting_pack_new_async        (const char          *db_path,
                                                     const char          *meeting_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ClwMeetingPack   *clw_meeting_pack_new_finish       (GAsyncResult        *result,
                                                     GError             **error);

ClwPrintDocument *clw_meeting_pack_get_document     (ClwMeetingPack      *self);
/* "Meeting pack: Blaenau Gwent East GP Collaborative, 14 June 2023". */
const char       *clw_meeting_pack_get_title        (ClwMeetingPack      *self);
/* "AB01-2023-06-14-meeting-pack.pdf". */
char             *clw_meeting_pack_dup_file_name    (ClwMeetingPack      *self);
/* The same name without gathering the pack (three rows read): what a save
 * dialog suggests before the pack is made. */
char             *clw_meeting_pack_dup_file_name_for (ClwDatabase        *db,
                                                      const char         *meeting_id,
                                                      GError            **error);
/* The practices whose attendance (CND014W) is at risk or not achieved at
 * the meeting's date, "W12345 Name", as the pack names them. */
const char * const *clw_meeting_pack_get_practices_at_risk (ClwMeetingPack *self);

/* For GtkPrintOperation: lay out for pages of @width × @height points and
 * say how many there are; then draw each on the print context's cairo_t. */
guint             clw_meeting_pack_paginate         (ClwMeetingPack      *self,
                                                     double               width,
                                                     double               height);
void              clw_meeting_pack_draw_page        (ClwMeetingPack      *self,
                                                     cairo_t             *cr,
                                                     guint                page_nr);

/* Write the pack as an A4 PDF with bookmarks, through a temporary renamed
 * over @path (0600). */
gboolean          clw_meeting_pack_write_pdf        (ClwMeetingPack      *self,
                                                     const char          *path,
                                                     GError             **error);
/* Gather and write off the main thread. */
void              clw_meeting_pack_write_pdf_async  (const char          *db_path,
                                                     const char          *meeting_id,
                                                     const char          *path,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          clw_meeting_pack_write_pdf_finish (GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
