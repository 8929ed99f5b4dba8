/* clw-print-document.h: a printable document of sections, text and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Clwstwr prints (the meeting pack) is built as a list of blocks: a
 * cover, a contents page, sections (each starting a page, each a PDF
 * bookmark), headings, paragraphs and tables. The document lays itself out
 * for a page size and draws any page onto any cairo_t, so the PDF writer
 * and the app's GtkPrintOperation share one drawing code:
 *
 *   begin-print:  n = clw_print_document_paginate (doc, width, height);
 *                 gtk_print_operation_set_n_pages (op, n);
 *   draw-page:    clw_print_document_draw_page (doc, cr, page_nr);
 *
 * Units are points (call gtk_print_operation_set_unit (op, GTK_UNIT_POINTS))
 * and the origin is the top left of the area to draw in. Text wraps at the
 * width it is given; paragraphs and rows that do not fit continue on the
 * next page, and tables repeat their header there. Nothing is cut off.
 * Every page has a header (two texts given by the caller) and a footer with
 * the section's name and "Page N of M".
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A4 in points. */
#define CLW_PRINT_A4_WIDTH  595.2756
#define CLW_PRINT_A4_HEIGHT 841.8898

typedef enum
{
  CLW_PRINT_ROW_NORMAL = 0,
  /* Tinted, for what needs attention (an overdue action, a practice at
   * risk). Say it in the text too: the tint does not survive every printer. */
  CLW_PRINT_ROW_ALERT  = 1 << 0,
  /* One cell across the whole table, in bold: the heading of a group of
   * rows. */
  CLW_PRINT_ROW_GROUP  = 1 << 1,
} ClwPrintRowFlags;

#define CLW_TYPE_PRINT_DOCUMENT (clw_print_document_get_type ())

G_DECLARE_FINAL_TYPE (ClwPrintDocument, clw_print_document, CLW, PRINT_DOCUMENT, GObject)

ClwPrintDocument *clw_print_document_new             (void);

/* The small texts at the top of every page but the cover. */
void              clw_print_document_set_header      (ClwPrintDocument   *self,
                                                      const char         *left,
                                                      const char         *right);

/* Building. Texts called @markup are Pango markup (escape what comes from
 * the database with g_markup_printf_escaped()); the others are plain. */
void              clw_print_document_add_cover       (ClwPrintDocument   *self,
                                                      const char         *title,
                                                      const char * const *lines);
/* The contents: every section added after it, with its page. */
void              clw_print_document_add_contents    (ClwPrintDocument   *self,
                                                      const char         *title);
/* A section starts a page, is a bookmark and names the pages in their footer. */
void              clw_print_document_add_section     (ClwPrintDocument   *self,
                                                      const char         *title);
void              clw_print_document_add_heading     (ClwPrintDocument   *self,
                                                      const char         *markup);
void              clw_print_document_add_paragraph   (ClwPrintDocument   *self,
                                                      const char         *markup);
/* Smaller, grey text: how a figure was worked out, an "as of" date. */
void              clw_print_document_add_note        (ClwPrintDocument   *self,
                                                      const char         *markup);
/* A table of @n_columns whose widths are in proportion to @widths (NULL:
 * equal); rows are added to the last table added. */
void              clw_print_document_add_table       (ClwPrintDocument   *self,
                                                      guint               n_columns,
                                                      const char * const *headers,
                                                      const double       *widths);
void              clw_print_document_add_row         (ClwPrintDocument   *self,
                                                      ClwPrintRowFlags    flags,
                                                      const char * const *cells_markup);

/* Layout. */
guint             clw_print_document_paginate        (ClwPrintDocument   *self,
                                                      double              width,
                                                      double              height);
guint             clw_print_document_get_n_pages     (ClwPrintDocument   *self);
/* Draw page @page_nr (from 0) of the last pagination. */
void              clw_print_document_draw_page       (ClwPrintDocument   *self,
                                                      cairo_t            *cr,
                                                      guint               page_nr);

/* The sections of the last pagination, cover and contents included, and
 * the page (from 0) each starts on. */
guint             clw_print_document_get_n_sections  (ClwPrintDocument   *self);
const char       *clw_print_document_get_section_title (ClwPrintDocument *self,
                                                        guint             index);
guint             clw_print_document_get_section_page (ClwPrintDocument  *self,
                                                       guint              index);

/* The whole document as an A4 PDF with a bookmark for each section. */
GBytes           *clw_print_document_to_pdf          (ClwPrintDocument   *self,
                                                      const char         *title,
                                                      GError            **error);
/* The same written to @path through a temporary renamed over it (0600). */
gboolean          clw_print_document_write_pdf       (ClwPrintDocument   *self,
                                                      const char         *path,
                                                      const char         *title,
                                                      GError            **error);

G_END_DECLS
