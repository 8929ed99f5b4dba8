/* clw-imtp-section-editor.h: one section of an IMTP contribution, saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "clw-core.h"

G_BEGIN_DECLS

#define CLW_TYPE_IMTP_SECTION_EDITOR (clw_imtp_section_editor_get_type ())

G_DECLARE_FINAL_TYPE (ClwImtpSectionEditor, clw_imtp_section_editor, CLW, IMTP_SECTION_EDITOR, GtkWidget)

GtkWidget          *clw_imtp_section_editor_new          (ClwImtpEditor        *editor,
                                                          ClwImtpSectionKind    kind);

ClwImtpSectionKind  clw_imtp_section_editor_get_kind     (ClwImtpSectionEditor *self);
/* A draft is edited; a submitted contribution is only read. */
void                clw_imtp_section_editor_set_editable (ClwImtpSectionEditor *self,
                                                          gboolean              editable);
/* Put @widget (the workforce counts) above the text. */
void                clw_imtp_section_editor_set_extra    (ClwImtpSectionEditor *self,
                                                          GtkWidget            *widget);
/* Store what is typed and not saved yet. */
void                clw_imtp_section_editor_flush        (ClwImtpSectionEditor *self);

/* For tests and scripts: the English and Welsh text views' buffers. */
GtkTextBuffer      *clw_imtp_section_editor_get_buffer   (ClwImtpSectionEditor *self,
                                                          gboolean              welsh);
/* The status chooser. */
GtkDropDown        *clw_imtp_section_editor_get_status_dropdown (ClwImtpSectionEditor *self);

G_END_DECLS
