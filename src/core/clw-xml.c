/* clw-xml.c: reading untrusted XML safely, and validating it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-xml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "clw-core-resources.h"
#include "clw-error.h"
#include "clw-xml.h"

#define RESOURCE_SCHEME "resource://"
#define CORE_RESOURCE_PREFIX "/io/github/clwstwr/Clwstwr/core/"
#define MAX_PROBLEMS 200

G_LOCK_DEFINE_STATIC (schemas);
static GHashTable *schemas;   /* resource path -> xmlSchema */

ClwXmlProblem *
clw_xml_problem_new (guint       line,
                     const char *element,
                     const char *message)
{
  ClwXmlProblem *problem = g_new0 (ClwXmlProblem, 1);

  problem->line = line;
  problem->element = g_strdup (element);
  problem->message = g_strdup (message);
  return problem;
}

void
clw_xml_problem_free (ClwXmlProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->element);
  g_free (problem->message);
  g_free (problem);
}

char *
clw_xml_problems_to_string (GPtrArray  *problems,
                            const char *filename,
                            guint       max)
{
  g_autoptr(GString) str = g_string_new (NULL);
  guint n = problems != NULL ? problems->len : 0;

  for (guint i = 0; i < n && i < max; i++)
    {
      ClwXmlProblem *p = g_ptr_array_index (problems, i);

      if (str->len > 0)
        g_string_append_c (str, '\n');
      g_string_append (str, filename != NULL ? filename : "");
      if (p->line > 0)
        g_string_append_printf (str, ":%u", p->line);
      g_string_append (str, ": ");
      if (p->element != NULL)
        g_string_append_printf (str, "<%s>: ", p->element);
      g_string_append (str, p->message);
    }

  if (n > max)
    g_string_append_printf (str,
                            ngettext ("\n… and %u more problem", "\n… and %u more problems", n - max),
                            n - max);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* The external entity loader: nothing from the network or the disk, only
 * the schemas compiled into the program (xml.xsd imported by a schema). */
static xmlParserInputPtr
load_entity (const char       *url,
             const char       *id,
             xmlParserCtxtPtr  ctxt)
{
  if (url != NULL && g_str_has_prefix (url, RESOURCE_SCHEME CORE_RESOURCE_PREFIX))
    {
      const char *path = url + strlen (RESOURCE_SCHEME);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (clw_core_get_resource (), path,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes != NULL)
        {
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);
          /* A copy: libxml2 2.9.14 misreads a static buffer here (the
           * schema it holds fails to parse). */
          xmlParserInputBufferPtr buffer =
            xmlParserInputBufferCreateMem (data, (int) size, XML_CHAR_ENCODING_NONE);
          return xmlNewIOInputStream (ctxt, buffer, XML_CHAR_ENCODING_NONE);
        }
    }

  /* libxml2 reports the entity it could not load. */
  return NULL;
}

static void
ensure_initialized (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (load_entity);
      g_once_init_leave (&initialized, 1);
    }
}

typedef struct
{
  GPtrArray *problems;
  guint      dropped;
} ErrorSink;

/* Remove every "{...}" from @message, in place. */
static void
strip_namespaces (char *message)
{
  char *out = message;

  for (const char *in = message; *in; )
    {
      const char *close = *in == '{' ? strchr (in, '}') : NULL;

      if (close != NULL)
        in = close + 1;
      else
        *out++ = *in++;
    }
  *out = '\0';
}

static void
collect_error (void        *user_data,
               xmlErrorPtr  err)
{
  ErrorSink *sink = user_data;
  g_autofree char *message = NULL;
  const char *element = NULL;

  if (err == NULL || err->level == XML_ERR_WARNING || err->level == XML_ERR_NONE)
    return;

  if (sink->problems->len >= MAX_PROBLEMS)
    {
      sink->dropped++;
      return;
    }

  message = g_strstrip (g_strdup (err->message != NULL ? err->message : _("unknown error")));
  /* The schema validator writes names as {namespace}name: the namespace is
   * the same throughout a file, and only makes the message harder to read. */
  if (err->domain == XML_FROM_SCHEMASV)
    strip_namespaces (message);

  if (err->node != NULL && ((xmlNode *) err->node)->type == XML_ELEMENT_NODE)
    element = (const char *) ((xmlNode *) err->node)->name;
  else if (err->domain == XML_FROM_PARSER && err->ctxt != NULL)
    {
      /* A document that is not well-formed: the element being read. */
      xmlParserCtxtPtr ctxt = err->ctxt;

      if (ctxt->node != NULL && ctxt->node->type == XML_ELEMENT_NODE)
        element = (const char *) ctxt->node->name;
    }

  /* libxml2 may say the same thing several times over (an entity loop is
   * reported at each level): once is enough. */
  if (sink->problems->len > 0)
    {
      ClwXmlProblem *last = g_ptr_array_index (sink->problems, sink->problems->len - 1);

      if (last->line == (guint) MAX (err->line, 0) &&
          g_strcmp0 (last->element, element) == 0 &&
          g_strcmp0 (last->message, message) == 0)
        return;
    }

  g_ptr_array_add (sink->problems, clw_xml_problem_new (err->line > 0 ? err->line : 0, element, message));
}

xmlDoc *
clw_xml_parse_untrusted (GBytes      *bytes,
                         const char  *filename,
                         GPtrArray   *problems,
                         GError     **error)
{
  ErrorSink sink = { problems, 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  gsize size;
  const char *data;
  guint first_problem = problems->len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  ensure_initialized ();
  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to read."), filename);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  xmlSetStructuredErrorFunc (&sink, collect_error);
  /* No NOENT, DTDLOAD, DTDVALID, XINCLUDE or HUGE: entities stay
   * unexpanded, nothing is fetched and the parser's limits apply. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, filename, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (doc != NULL && !ctxt->wellFormed)
    g_clear_pointer (&doc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);

  if (doc == NULL)
    {
      if (problems->len == first_problem)
        g_ptr_array_add (problems, clw_xml_problem_new (0, NULL, _("the file is not well-formed XML")));
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_MALFORMED,
                   _("“%s” is not well-formed XML; nothing was imported."), filename);
      return NULL;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      const char *doctype = g_strstr_len (data, size, "<!DOCTYPE");
      guint line = 0;

      /* libxml2 keeps no line for a DOCTYPE: count them. */
      if (doctype != NULL)
        {
          line = 1;
          for (const char *p = data; p < doctype; p++)
            line += *p == '\n';
        }
      g_ptr_array_add (problems,
                       clw_xml_problem_new (line, NULL,
                                            _("the document declares a DOCTYPE, which Clwstwr "
                                              "files never do; it is not read, for safety")));
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_MALFORMED,
                   _("“%s” declares a DOCTYPE and is not read; nothing was imported."), filename);
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

static xmlSchemaPtr
get_schema (const char  *resource,
            GError     **error)
{
  xmlSchemaPtr schema;

  G_LOCK (schemas);

  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);

  schema = g_hash_table_lookup (schemas, resource);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (clw_core_get_resource (), resource,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autofree char *url = g_strconcat (RESOURCE_SCHEME, resource, NULL);
      xmlDoc *schema_doc = NULL;
      xmlSchemaParserCtxtPtr pctxt = NULL;

      if (bytes != NULL)
        schema_doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                                    url, NULL, XML_PARSE_NONET);
      if (schema_doc != NULL)
        pctxt = xmlSchemaNewDocParserCtxt (schema_doc);
      if (pctxt != NULL)
        schema = xmlSchemaParse (pctxt);

      g_clear_pointer (&pctxt, xmlSchemaFreeParserCtxt);
      g_clear_pointer (&schema_doc, xmlFreeDoc);

      if (schema == NULL)
        {
          G_UNLOCK (schemas);
          g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                       _("The schema %s built into Clwstwr could not be loaded."), resource);
          return NULL;
        }

      g_hash_table_insert (schemas, (gpointer) g_intern_string (resource), schema);
    }

  G_UNLOCK (schemas);
  return schema;
}

gboolean
clw_xml_validate (xmlDoc      *doc,
                  const char  *schema_resource,
                  const char  *filename,
                  GPtrArray   *problems,
                  GError     **error)
{
  ErrorSink sink = { problems, 0 };
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr vctxt;
  guint first_problem = problems->len;
  int rc;

  ensure_initialized ();

  schema = get_schema (schema_resource, error);
  if (schema == NULL)
    return FALSE;

  vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, collect_error, &sink);
  rc = xmlSchemaValidateDoc (vctxt, doc);
  xmlSchemaFreeValidCtxt (vctxt);

  if (rc != 0)
    {
      if (problems->len == first_problem)
        g_ptr_array_add (problems, clw_xml_problem_new (0, NULL, _("the document does not follow the schema")));
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                   ngettext ("“%s” does not follow the schema (%u problem); nothing was imported.",
                             "“%s” does not follow the schema (%u problems); nothing was imported.",
                             problems->len - first_problem),
                   filename, problems->len - first_problem);
      return FALSE;
    }

  return TRUE;
}

char *
clw_xml_node_dup_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}
