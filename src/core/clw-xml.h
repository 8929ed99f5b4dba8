/* clw-xml.h: reading untrusted XML safely, and validating it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every XML file Clwstwr reads comes from outside (a USB stick, an e-mail)
 * and is read the same way: into memory with a size cap, parsed with no
 * network and no external entities, refused if it declares a DOCTYPE, and
 * validated against a schema compiled into the program, never one the
 * document names.
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The most a file to import may weigh unless the user says otherwise. */
#define CLW_XML_DEFAULT_MAX_SIZE (32 * 1024 * 1024)

typedef struct
{
  guint  line;      /* 0 when unknown */
  char  *element;   /* the element concerned, or NULL */
  char  *message;
} ClwXmlProblem;

ClwXmlProblem *clw_xml_problem_new        (guint        line,
                                           const char  *element,
                                           const char  *message);
void           clw_xml_problem_free       (ClwXmlProblem *problem);

/* "file.xml:12: <practice>: message", one line per problem, at most @max. */
char          *clw_xml_problems_to_string (GPtrArray   *problems,
                                           const char  *filename,
                                           guint        max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClwXmlProblem, clw_xml_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Parse @bytes. On failure returns NULL, adds what is wrong to @problems
 * (ClwXmlProblem) and sets @error to a summary. */
xmlDoc        *clw_xml_parse_untrusted    (GBytes      *bytes,
                                           const char  *filename,
                                           GPtrArray   *problems,
                                           GError     **error);

/* Validate against the schema at @schema_resource (a path inside the
 * core GResource, e.g. "/io/github/clwstwr/Clwstwr/core/dataset.xsd"). */
gboolean       clw_xml_validate           (xmlDoc      *doc,
                                           const char  *schema_resource,
                                           const char  *filename,
                                           GPtrArray   *problems,
                                           GError     **error);

/* The text of an element, or NULL. */
char          *clw_xml_node_dup_text      (xmlNode     *node);

G_END_DECLS
