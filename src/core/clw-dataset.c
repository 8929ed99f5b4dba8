/* clw-dataset.c: a whole database, or part of it, as one XML document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is flat: after the root come the rows of each table in the
 * order of clw_record_types_in_order(), each row an element named after its
 * table, each column an attribute named after its property, and columns of
 * long text child elements. The same column list drives the database, so
 * the format follows the schema of the database without a second
 * description of it. Export is deterministic (rows in a fixed order, no
 * time of export), so export, import and export again give the same bytes.
 */

#define G_LOG_DOMAIN "clw-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "clw-core-resources.h"
#include "clw-database-private.h"
#include "clw-dataset.h"
#include "clw-error.h"
#include "clw-files.h"
#include "clw-record-private.h"
#include "clw-record.h"
#include "clw-search-pause-private.h"
#include "clw-xml.h"

#define REFERENCE_RESOURCE "/io/github/clwstwr/Clwstwr/core/reference/wales.xml"
#define MAX_RULE_PROBLEMS 200
/* From this many rows an import indexes them for search together. */
#define BULK_ROWS 64

/* Which rows belong to a scope ----------------------------------------------- */

#define CLUSTERS_OF_BOARD "SELECT id FROM cluster WHERE health_board_id = ?1"
#define CLUSTERS_OF_CLUSTER "SELECT ?1"

static char *
scope_filter (const char *table,
              ClwScope    scope)
{
  const char *clusters;
  g_autofree char *practices = NULL;
  g_autofree char *meetings = NULL;

  if (scope == CLW_SCOPE_ALL)
    return NULL;

  if (g_str_equal (table, "health_board"))
    return g_strdup (scope == CLW_SCOPE_HEALTH_BOARD
                     ? "id = ?1"
                     : "id = (SELECT health_board_id FROM cluster WHERE id = ?1)");
  if (g_str_equal (table, "pcpg"))
    return g_strdup (scope == CLW_SCOPE_HEALTH_BOARD
                     ? "health_board_id = ?1"
                     : "id = (SELECT pcpg_id FROM cluster WHERE id = ?1)");
  if (g_str_equal (table, "cluster"))
    return g_strdup (scope == CLW_SCOPE_HEALTH_BOARD ? "health_board_id = ?1" : "id = ?1");

  /* The reference data of the QAIF applies to every scope. */
  if (g_str_equal (table, "cycle") || g_str_equal (table, "indicator") ||
      g_str_equal (table, "evidence_requirement"))
    return NULL;

  clusters = scope == CLW_SCOPE_HEALTH_BOARD ? CLUSTERS_OF_BOARD : CLUSTERS_OF_CLUSTER;
  practices = g_strdup_printf ("SELECT id FROM practice WHERE cluster_id IN (%s)", clusters);
  meetings = g_strdup_printf ("SELECT id FROM meeting WHERE collaborative_id IN "
                              "(SELECT id FROM collaborative WHERE cluster_id IN (%s))", clusters);

  if (g_str_equal (table, "collaborative") || g_str_equal (table, "practice"))
    return g_strdup_printf ("cluster_id IN (%s)", clusters);
  if (g_str_equal (table, "meeting"))
    return g_strdup_printf ("collaborative_id IN (SELECT id FROM collaborative WHERE cluster_id IN (%s))",
                            clusters);
  if (g_str_equal (table, "agenda_item") || g_str_equal (table, "action_item") ||
      g_str_equal (table, "attendance"))
    return g_strdup_printf ("meeting_id IN (%s)", meetings);
  if (g_str_equal (table, "representation") || g_str_equal (table, "buddy_engagement") ||
      g_str_equal (table, "imtp_contribution"))
    return g_strdup_printf ("practice_id IN (%s)", practices);
  if (g_str_equal (table, "buddy_arrangement"))
    return g_strdup_printf ("small_practice_id IN (%s)", practices);
  if (g_str_equal (table, "evidence"))
    return g_strdup_printf ("practice_id IN (%s) OR meeting_id IN (%s)", practices, meetings);
  if (g_str_equal (table, "imtp_section") || g_str_equal (table, "imtp_workforce"))
    return g_strdup_printf ("contribution_id IN (SELECT id FROM imtp_contribution WHERE practice_id IN (%s))",
                            practices);

  g_return_val_if_reached (g_strdup ("0"));
}

static char *
element_name (GType type)
{
  char *name = g_strdup (clw_record_type_get_table (type));

  return g_strdelimit (name, "_", '-');
}

/* Export -------------------------------------------------------------------- */

/* XML 1.0 cannot carry most control characters: replace them rather than
 * write a document that cannot be read back. */
static char *
xml_safe_text (const char *text)
{
  GString *str = NULL;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean allowed = c == 0x9 || c == 0xA || c == 0xD ||
                         (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
                         (c >= 0x10000 && c <= 0x10FFFF);

      if (!allowed && str == NULL)
        str = g_string_new_len (text, p - text);
      if (str != NULL)
        {
          if (allowed)
            g_string_append_unichar (str, c);
          else
            g_string_append_unichar (str, 0xFFFD);
        }
    }

  return str != NULL ? g_string_free (str, FALSE) : g_strdup (text);
}

static gboolean
write_record (xmlTextWriterPtr  writer,
              ClwRecord        *record,
              const char       *element)
{
  guint n;
  const ClwColumn *columns = clw_record_class_get_columns (CLW_RECORD_GET_CLASS (record), &n);

  if (xmlTextWriterStartElement (writer, BAD_CAST element) < 0)
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const ClwColumn *c = &columns[i];
        gboolean is_long = (c->flags & CLW_COLUMN_LONG) != 0;
        g_autofree char *value = NULL;
        g_autofree char *safe = NULL;
        int rc;

        /* Attributes first, then the long texts as elements. */
        if (is_long != (pass == 1))
          continue;

        value = clw_record_dup_string (record, c);
        if (value == NULL || *value == '\0')
          continue;

        safe = xml_safe_text (value);
        if (is_long)
          rc = xmlTextWriterWriteElement (writer, BAD_CAST c->pspec->name, BAD_CAST safe);
        else
          rc = xmlTextWriterWriteAttribute (writer, BAD_CAST c->pspec->name, BAD_CAST safe);
        if (rc < 0)
          return FALSE;
      }

  return xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
check_scope (ClwDatabase  *db,
             ClwScope      scope,
             const char   *scope_id,
             GError      **error)
{
  GType type;

  switch (scope)
    {
    case CLW_SCOPE_ALL:
      return TRUE;
    case CLW_SCOPE_HEALTH_BOARD:
      type = clw_record_type_from_table ("health_board");
      break;
    case CLW_SCOPE_CLUSTER:
      type = clw_record_type_from_table ("cluster");
      break;
    case CLW_SCOPE_PRACTICE:
    default:
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("A dataset covers all of the database, a health board or a cluster."));
      return FALSE;
    }

  if (!clw_record_exists (db, type, scope_id))
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   scope == CLW_SCOPE_HEALTH_BOARD ? _("There is no health board with the id %s.")
                                                   : _("There is no cluster with the id %s."),
                   scope_id != NULL ? scope_id : "");
      return FALSE;
    }

  return TRUE;
}

GBytes *
clw_dataset_export_bytes (ClwDatabase  *db,
                          ClwScope      scope,
                          const char   *scope_id,
                          GError      **error)
{
  static const char *scope_names[] = { "all", "health-board", "cluster", "practice" };
  xmlBufferPtr buffer = NULL;
  xmlTextWriterPtr writer = NULL;
  const GType *types;
  guint n_types;
  gboolean ok = FALSE;
  GBytes *bytes = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);

  if (!check_scope (db, scope, scope_id, error))
    return NULL;

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");

  if (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "dataset", BAD_CAST CLW_DATASET_NAMESPACE) < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "format-version", BAD_CAST "1") < 0 ||
      xmlTextWriterWriteAttribute (writer, BAD_CAST "scope", BAD_CAST scope_names[scope]) < 0)
    goto out;
  if (scope != CLW_SCOPE_ALL &&
      xmlTextWriterWriteAttribute (writer, BAD_CAST "scope-id", BAD_CAST scope_id) < 0)
    goto out;

  types = clw_record_types_in_order (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autofree char *where = scope_filter (clw_record_type_get_table (types[t]), scope);
      g_autofree char *element = element_name (types[t]);
      const char *params[] = { scope_id, NULL };
      g_autoptr(GListStore) rows = NULL;
      guint n_rows;

      rows = clw_record_list (db, types[t], where, where != NULL ? params : NULL, error);
      if (rows == NULL)
        goto out;

      n_rows = g_list_model_get_n_items (G_LIST_MODEL (rows));
      for (guint i = 0; i < n_rows; i++)
        {
          g_autoptr(ClwRecord) record = g_list_model_get_item (G_LIST_MODEL (rows), i);
          if (!write_record (writer, record, element))
            goto out;
        }
    }

  if (xmlTextWriterEndElement (writer) < 0 || xmlTextWriterEndDocument (writer) < 0)
    goto out;

  ok = TRUE;

out:
  if (writer != NULL)
    xmlFreeTextWriter (writer);

  if (ok)
    bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  else if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the dataset."));

  xmlBufferFree (buffer);
  return bytes;
}

gboolean
clw_dataset_export (ClwDatabase  *db,
                    ClwScope      scope,
                    const char   *scope_id,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(GBytes) bytes = clw_dataset_export_bytes (db, scope, scope_id, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return clw_files_write_private (path, data, size, error);
}

/* Import -------------------------------------------------------------------- */

typedef struct
{
  ClwRecord *record;
  guint      line;
  char      *element;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->record);
  g_free (row->element);
  g_free (row);
}

static GType
type_from_element (const char *name)
{
  g_autofree char *table = g_strdelimit (g_strdup (name), "-", '_');

  return clw_record_type_from_table (table);
}

static void
add_problem (GPtrArray  *problems,
             xmlNode    *node,
             const char *message)
{
  g_ptr_array_add (problems, clw_xml_problem_new (xmlGetLineNo (node) > 0 ? xmlGetLineNo (node) : 0,
                                                  (const char *) node->name, message));
}

/* Turn the elements into records; what does not fit a column is a problem. */
static GPtrArray *
read_rows (xmlNode   *root,
           GPtrArray *problems)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  /* id -> the first row with it: no two rows of a file share an id. */
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autoptr(ClwRecord) record = NULL;
      ClwRecordClass *klass;
      GType type;
      Row *row;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      type = type_from_element ((const char *) node->name);
      if (type == G_TYPE_INVALID)
        {
          g_autofree char *message = g_strdup_printf (_("unknown element <%s>"), node->name);
          add_problem (problems, node, message);
          continue;
        }

      record = clw_record_new (type);
      klass = CLW_RECORD_GET_CLASS (record);

      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          const ClwColumn *column = clw_record_class_find_column (klass, (const char *) attr->name);
          xmlChar *value;
          g_autoptr(GError) local_error = NULL;

          if (column == NULL || (column->flags & CLW_COLUMN_LONG))
            {
              g_autofree char *message = g_strdup_printf (_("unknown attribute “%s”"), attr->name);
              add_problem (problems, node, message);
              continue;
            }

          value = xmlNodeListGetString (node->doc, attr->children, 1);
          if (!clw_record_set_from_string (record, column, (const char *) value, &local_error))
            add_problem (problems, node, local_error->message);
          xmlFree (value);
        }

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          const ClwColumn *column;
          g_autofree char *text = NULL;
          g_autoptr(GError) local_error = NULL;

          if (child->type != XML_ELEMENT_NODE)
            continue;

          column = clw_record_class_find_column (klass, (const char *) child->name);
          if (column == NULL || !(column->flags & CLW_COLUMN_LONG))
            {
              g_autofree char *message = g_strdup_printf (_("unknown element <%s>"), child->name);
              add_problem (problems, child, message);
              continue;
            }

          text = clw_xml_node_dup_text (child);
          if (!clw_record_set_from_string (record, column, text, &local_error))
            add_problem (problems, child, local_error->message);
        }

      row = g_new0 (Row, 1);
      row->record = g_steal_pointer (&record);
      row->line = xmlGetLineNo (node) > 0 ? xmlGetLineNo (node) : 0;
      row->element = g_strdup ((const char *) node->name);
      g_ptr_array_add (rows, row);

      if (clw_record_get_id (row->record) != NULL)
        {
          Row *first = g_hash_table_lookup (ids, clw_record_get_id (row->record));

          if (first != NULL)
            {
              g_autofree char *message =
                g_strdup_printf (_("the id %s is used already, by the <%s> on line %u: every row "
                                   "needs an id of its own"),
                                 clw_record_get_id (row->record), first->element, first->line);
              add_problem (problems, node, message);
            }
          else
            g_hash_table_insert (ids, (gpointer) clw_record_get_id (row->record), row);
        }
    }

  return g_steal_pointer (&rows);
}

gboolean
clw_dataset_import_bytes (ClwDatabase      *db,
                          GBytes           *bytes,
                          const char       *filename,
                          ClwImportCounts  *counts,
                          GPtrArray       **problems_out,
                          GError          **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) clw_xml_problem_free);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ClwSearchPause) pause = NULL;
  ClwImportCounts local_counts = { 0 };
  xmlNode *root;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  doc = clw_xml_parse_untrusted (bytes, filename, problems, error);
  if (doc == NULL)
    goto out;

  if (!clw_xml_validate (doc, CLW_DATASET_SCHEMA_RESOURCE, filename, problems, error))
    goto out;

  root = xmlDocGetRootElement (doc);
  rows = read_rows (root, problems);
  if (problems->len > 0)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                   _("“%s” has values that do not fit; nothing was imported."), filename);
      goto out;
    }

  if (!clw_database_begin (db, error))
    goto out;
  clw_database_set_change_label (db, _("Import dataset"));

  if (rows->len >= BULK_ROWS)
    {
      pause = _clw_search_pause_begin (db, error);
      if (pause == NULL || !_clw_database_begin_bulk_audit (db, error))
        {
          clw_database_rollback (db);
          goto out;
        }
    }

  for (guint i = 0; i < rows->len && problems->len < MAX_RULE_PROBLEMS; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) local_error = NULL;
      ClwWriteOutcome outcome;

      if (!_clw_record_write (row->record, db, CLW_WRITE_KEEP_METADATA, &outcome, &local_error))
        {
          g_ptr_array_add (problems, clw_xml_problem_new (row->line, row->element, local_error->message));
          /* A database error (a full disk) is not the document's fault: stop. */
          if (local_error->domain == CLW_DB_ERROR)
            break;
          continue;
        }

      switch (outcome)
        {
        case CLW_WRITE_OUTCOME_INSERTED:
          local_counts.inserted++;
          break;
        case CLW_WRITE_OUTCOME_UPDATED:
          local_counts.updated++;
          break;
        case CLW_WRITE_OUTCOME_UNCHANGED:
        default:
          local_counts.unchanged++;
          break;
        }

      if (pause != NULL && outcome != CLW_WRITE_OUTCOME_UNCHANGED &&
          !_clw_search_pause_add (pause, clw_record_type_get_table (G_OBJECT_TYPE (row->record)),
                                  clw_record_get_id (row->record), &local_error))
        {
          g_ptr_array_add (problems, clw_xml_problem_new (row->line, row->element, local_error->message));
          break;
        }
    }

  if (problems->len > 0)
    {
      clw_database_rollback (db);
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_RULE,
                   ngettext ("“%s” breaks a rule (%u problem); nothing was imported.",
                             "“%s” breaks the rules (%u problems); nothing was imported.",
                             problems->len),
                   filename, problems->len);
      goto out;
    }

  if (pause != NULL && !_clw_search_pause_end (pause, error))
    {
      clw_database_rollback (db);
      goto out;
    }

  if (!clw_database_commit (db, error))
    goto out;

  ok = TRUE;
  if (counts != NULL)
    *counts = local_counts;

out:
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  else if (!ok && error != NULL && *error != NULL && problems->len > 0)
    {
      /* A caller that does not list the problems gets the first one. */
      g_autofree char *first = clw_xml_problems_to_string (problems, filename, 1);
      g_prefix_error (error, "%s — ", first);
    }
  return ok;
}

gboolean
clw_dataset_import (ClwDatabase      *db,
                    const char       *path,
                    gsize             max_size,
                    ClwImportCounts  *counts,
                    GPtrArray       **problems,
                    GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);

  bytes = clw_files_read_limited (path, max_size > 0 ? max_size : CLW_XML_DEFAULT_MAX_SIZE, error);
  if (bytes == NULL)
    return FALSE;

  return clw_dataset_import_bytes (db, bytes, path, counts, problems, error);
}

gboolean
clw_dataset_load_reference (ClwDatabase  *db,
                            GError      **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (clw_core_get_resource (), REFERENCE_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);
  return clw_dataset_import_bytes (db, bytes, _("the reference data"), NULL, NULL, error);
}
