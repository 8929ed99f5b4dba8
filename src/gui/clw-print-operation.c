/* clw-print-operation.c: printing what core lays out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is drawn here: the document paginates itself for the print
 * context's size and draws each page on its cairo_t (clw-print-document.c),
 * exactly as it does for its PDF.
 */

#define G_LOG_DOMAIN "clw-print"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-print-operation.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ClwPrintDocument  *document)
{
  guint n_pages = clw_print_document_paginate (document,
                                               gtk_print_context_get_width (context),
                                               gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              ClwPrintDocument  *document)
{
  clw_print_document_draw_page (document, gtk_print_context_get_cairo_context (context), page_nr);
}

GtkPrintOperation *
clw_print_operation_new (ClwPrintDocument *document,
                         const char       *job_name)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) a4 = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (CLW_IS_PRINT_DOCUMENT (document), NULL);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (a4, paper);
  gtk_page_setup_set_orientation (a4, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, a4);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (job_name != NULL)
    gtk_print_operation_set_job_name (operation, job_name);

  /* The operation keeps the document as long as it lives. */
  g_object_set_data_full (G_OBJECT (operation), "clw-document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), document, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), document, 0);

  return operation;
}
