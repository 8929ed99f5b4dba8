/* clw-bench-core.c: the benchmarks of core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a new database, making the demo, the QAIF rules engine, dataset
 * export and import. Each has a baseline that does the raw cost of the same
 * work, so that the ratio says what Clwstwr's layers add:
 *
 * - open and migrate: sqlite3_open and the migration scripts run as they
 *   are, without the checks, the audit triggers and the bookkeeping;
 * - demo generation: the same rows inserted with plain prepared INSERTs
 *   (copied from the cached demo of the same scale and seed), in one
 *   transaction, through the same schema and triggers, and indexed for
 *   search in one statement at the end as the generator does;
 * - QAIF: plain SELECTs of the rows of the cycle the engine reads, every
 *   column of every row stepped through;
 * - export: the same elements, attributes and texts written with
 *   xmlTextWriter alone;
 * - import: parsing the same document with libxml2.
 *
 * The baselines use SQLite directly: that is their point. The benchmark is
 * not the application, and the rule that SQL lives in core does not apply.
 */

#define G_LOG_DOMAIN "clw-bench"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <sqlite3.h>
#include <string.h>

#include "clw-bench.h"
#include "clw-core.h"
#include "clw-core-resources.h"
#include "clw-dataset.h"
#include "clw-qaif.h"

#define QAIF_CYCLE "2022-23"

static gboolean
sqlite_error (sqlite3     *db,
              int          rc,
              const char  *what,
              GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* Open and migrate a new database ---------------------------------------------- */

typedef struct
{
  ClwBench *bench;
  char     *path;
  GPtrArray *migrations;   /* the SQL of each migration, in order */
} OpenState;

static gpointer
open_setup (ClwBench  *bench,
            guint      scale,
            GError   **error)
{
  OpenState *s = g_new0 (OpenState, 1);
  const char *dir = "/io/github/clwstwr/Clwstwr/core/migrations/";
  g_auto(GStrv) names = g_resource_enumerate_children (clw_core_get_resource (), dir,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  guint n;

  if (names == NULL)
    {
      g_free (s);
      return NULL;
    }

  /* 0001-initial.sql is the migration to version 1, and so on. */
  n = g_strv_length (names);
  s->bench = bench;
  s->migrations = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 1; i <= n; i++)
    for (guint j = 0; j < n; j++)
      if (g_ascii_strtoull (names[j], NULL, 10) == i)
        {
          g_autofree char *path = g_strconcat (dir, names[j], NULL);
          g_autoptr(GBytes) bytes = g_resource_lookup_data (clw_core_get_resource (), path,
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          g_ptr_array_add (s->migrations, g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
        }

  return s;
}

static gboolean
open_before (gpointer   state,
             GError   **error)
{
  OpenState *s = state;

  if (s->path != NULL)
    clw_bench_remove_database (s->path);
  g_free (s->path);
  s->path = clw_bench_scratch_path (s->bench, "open.db");
  return TRUE;
}

static gboolean
open_run (gpointer   state,
          guint64   *rows,
          GError   **error)
{
  OpenState *s = state;
  ClwDatabase *db = clw_database_open (s->path, CLW_DATABASE_OPEN_CREATE, error);

  if (db == NULL)
    return FALSE;
  g_object_unref (db);
  return TRUE;
}

static gboolean
open_baseline (gpointer   state,
               GError   **error)
{
  OpenState *s = state;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (s->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL; BEGIN", NULL, NULL, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < s->migrations->len; i++)
    rc = sqlite3_exec (db, g_ptr_array_index (s->migrations, i), NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_error (db, rc, "migrating", error);
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);
  return TRUE;
}

static void
open_teardown (gpointer state)
{
  OpenState *s = state;

  if (s->path != NULL)
    clw_bench_remove_database (s->path);
  g_free (s->path);
  g_ptr_array_unref (s->migrations);
  g_free (s);
}

/* Demo generation ------------------------------------------------------------- */

/* The tables the generator fills, in the order of their foreign keys. */
static const char *demo_tables[] = {
  "practice", "representation", "buddy_arrangement", "meeting", "agenda_item", "action_item",
  "attendance", "buddy_engagement", "evidence", "imtp_contribution", "imtp_section", "imtp_workforce",
};

typedef struct
{
  ClwBench    *bench;
  guint        scale;
  char        *source;      /* the cached demo of this scale, for the baseline */
  char        *path;        /* the database of the current run */
  ClwDatabase *db;          /* open during a run */
  sqlite3     *raw;         /* open during a baseline run */
} DemoState;

static gpointer
demo_setup (ClwBench  *bench,
            guint      scale,
            GError   **error)
{
  DemoState *s = g_new0 (DemoState, 1);

  s->bench = bench;
  s->scale = scale;
  s->source = clw_bench_ensure_demo (bench, scale, error);
  if (s->source == NULL)
    {
      g_free (s);
      return NULL;
    }
  return s;
}

static void
demo_close (DemoState *s)
{
  g_clear_object (&s->db);
  g_clear_pointer (&s->raw, sqlite3_close);
  if (s->path != NULL)
    clw_bench_remove_database (s->path);
  g_clear_pointer (&s->path, g_free);
}

/* A new database with the reference data, as a user has after `init`. */
static ClwDatabase *
new_reference_database (DemoState  *s,
                        GError    **error)
{
  g_autoptr(ClwDatabase) db = NULL;

  demo_close (s);
  s->path = clw_bench_scratch_path (s->bench, "demo.db");
  db = clw_database_open (s->path, CLW_DATABASE_OPEN_CREATE, error);
  if (db == NULL || !clw_dataset_load_reference (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

static gboolean
demo_before (gpointer   state,
             GError   **error)
{
  DemoState *s = state;

  s->db = new_reference_database (s, error);
  return s->db != NULL;
}

static gboolean
demo_run (gpointer   state,
          guint64   *rows,
          GError   **error)
{
  DemoState *s = state;
  ClwDemoCounts counts;

  if (!clw_demo_generate_with_counts (s->db, s->scale, CLW_DEMO_DEFAULT_SEED, &counts, error))
    return FALSE;
  *rows = counts.rows;
  return TRUE;
}

/* The functions the audit triggers call: with audit off, as the generator
 * writes, only clw_audit_enabled() is ever called. */
static void
sql_zero (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_int (ctx, 0);
}

static gboolean
demo_before_baseline (gpointer   state,
                      GError   **error)
{
  DemoState *s = state;
  static const char *functions[] = {
    "clw_uuid", "clw_now", "clw_user", "clw_change_id", "clw_reverts", "clw_audit_enabled",
  };
  g_autofree char *attach = NULL;
  int rc;

  /* The schema and reference data made by Clwstwr, then a raw connection
   * configured as ClwDatabase configures its own. */
  g_autoptr(ClwDatabase) db = new_reference_database (s, error);
  if (db == NULL)
    return FALSE;
  g_clear_object (&db);

  rc = sqlite3_open_v2 (s->path, &s->raw, SQLITE_OPEN_READWRITE, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (functions); i++)
    rc = sqlite3_create_function (s->raw, functions[i], 0, SQLITE_UTF8, NULL, sql_zero, NULL, NULL);
  attach = sqlite3_mprintf ("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                            "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; "
                            "ATTACH %Q AS src", s->source);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (s->raw, attach, NULL, NULL, NULL);
  sqlite3_free (g_steal_pointer (&attach));

  /* Without the search triggers: the rows are indexed at the end. */
  if (rc == SQLITE_OK)
    {
      sqlite3_stmt *stmt = NULL;
      g_autoptr(GString) drop = g_string_new (NULL);

      rc = sqlite3_prepare_v2 (s->raw, "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                               "AND name LIKE 'search\\_%' ESCAPE '\\'", -1, &stmt, NULL);
      while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (drop, "DROP TRIGGER \"%s\";", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (s->raw, drop->str, NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    return sqlite_error (s->raw, rc, "preparing the baseline", error);

  return TRUE;
}

static gboolean
demo_baseline (gpointer   state,
               GError   **error)
{
  DemoState *s = state;
  int rc = sqlite3_exec (s->raw, "BEGIN", NULL, NULL, NULL);

  for (guint t = 0; rc == SQLITE_OK && t < G_N_ELEMENTS (demo_tables); t++)
    {
      char *select_sql = sqlite3_mprintf ("SELECT * FROM src.\"%w\"", demo_tables[t]);
      sqlite3_stmt *select = NULL;
      sqlite3_stmt *insert = NULL;

      rc = sqlite3_prepare_v2 (s->raw, select_sql, -1, &select, NULL);
      sqlite3_free (select_sql);
      if (rc == SQLITE_OK)
        {
          int n = sqlite3_column_count (select);
          GString *sql = g_string_new (NULL);

          g_string_printf (sql, "INSERT INTO main.\"%s\" VALUES (", demo_tables[t]);
          for (int i = 0; i < n; i++)
            g_string_append (sql, i > 0 ? ", ?" : "?");
          g_string_append_c (sql, ')');
          rc = sqlite3_prepare_v2 (s->raw, sql->str, -1, &insert, NULL);
          g_string_free (sql, TRUE);

          while (rc == SQLITE_OK && (rc = sqlite3_step (select)) == SQLITE_ROW)
            {
              for (int i = 0; i < n; i++)
                sqlite3_bind_value (insert, i + 1, sqlite3_column_value (select, i));
              rc = sqlite3_step (insert);
              sqlite3_reset (insert);
              rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
            }
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      sqlite3_finalize (select);
      sqlite3_finalize (insert);
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (s->raw,
                       "INSERT INTO search_index (kind, row_id, title, body) "
                       "  SELECT kind, row_id, title, body FROM search_source "
                       "  WHERE row_id NOT IN (SELECT row_id FROM search_map); "
                       "INSERT INTO search_map (row_id, fts_rowid) "
                       "  SELECT row_id, rowid FROM search_index "
                       "  WHERE row_id NOT IN (SELECT row_id FROM search_map); "
                       "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_error (s->raw, rc, "inserting", error);
      sqlite3_exec (s->raw, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static void
demo_teardown (gpointer state)
{
  DemoState *s = state;

  demo_close (s);
  g_free (s->source);
  g_free (s);
}

/* QAIF --------------------------------------------------------------------- */

typedef struct
{
  ClwDatabase *db;
  sqlite3     *raw;
  char        *starts_on;
  char        *ends_on;
} QaifState;

static void
qaif_teardown (gpointer state)
{
  QaifState *s = state;

  g_clear_object (&s->db);
  g_clear_pointer (&s->raw, sqlite3_close);
  g_free (s->starts_on);
  g_free (s->ends_on);
  g_free (s);
}

static gpointer
qaif_setup (ClwBench  *bench,
            guint      scale,
            GError   **error)
{
  QaifState *s = g_new0 (QaifState, 1);
  g_autofree char *path = clw_bench_ensure_demo (bench, scale, error);
  const char *params[] = { QAIF_CYCLE, NULL };
  g_autoptr(GListStore) cycles = NULL;
  g_autoptr(ClwCycle) cycle = NULL;
  int rc;

  if (path == NULL)
    goto failed;
  s->db = clw_database_open (path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, error);
  if (s->db == NULL)
    goto failed;

  cycles = clw_record_list (s->db, CLW_TYPE_CYCLE, "code = ?", params, error);
  if (cycles == NULL)
    goto failed;
  cycle = g_list_model_get_item (G_LIST_MODEL (cycles), 0);
  if (cycle == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No cycle %s", QAIF_CYCLE);
      goto failed;
    }
  s->starts_on = g_strdup (clw_cycle_get_starts_on (cycle));
  s->ends_on = g_strdup (clw_cycle_get_ends_on (cycle));

  rc = sqlite3_open_v2 (path, &s->raw, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_error (s->raw, rc, "opening", error);
      goto failed;
    }

  return s;

failed:
  qaif_teardown (s);
  return NULL;
}

static gboolean
qaif_run (gpointer   state,
          guint64   *rows,
          GError   **error)
{
  QaifState *s = state;
  g_autoptr(ClwQaifReport) report = clw_qaif_evaluate (s->db, QAIF_CYCLE, CLW_SCOPE_ALL, NULL, NULL, error);

  if (report == NULL)
    return FALSE;

  /* Practices judged, each on every indicator. */
  *rows = g_list_model_get_n_items (clw_qaif_report_get_practices (report));
  return TRUE;
}

/* The rows of the cycle that the engine reads, every column of each. */
static gboolean
qaif_baseline (gpointer   state,
               GError   **error)
{
  QaifState *s = state;
  static const char *queries[] = {
    "SELECT * FROM cycle WHERE starts_on = ?1",
    "SELECT i.* FROM indicator i JOIN cycle c ON c.id = i.cycle_id WHERE c.starts_on = ?1",
    "SELECT r.* FROM evidence_requirement r JOIN cycle c ON c.id = r.cycle_id WHERE c.starts_on = ?1",
    "SELECT * FROM health_board",
    "SELECT * FROM cluster",
    "SELECT * FROM collaborative WHERE profession = 'gp'",
    "SELECT * FROM practice",
    "SELECT * FROM meeting WHERE starts_at >= ?1 AND starts_at <= ?2 || 'T23:59'",
    "SELECT a.* FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
    "WHERE m.starts_at >= ?1 AND m.starts_at <= ?2 || 'T23:59'",
    "SELECT * FROM representation",
    "SELECT * FROM buddy_arrangement",
    "SELECT e.* FROM buddy_engagement e JOIN meeting m ON m.id = e.meeting_id "
    "WHERE m.starts_at >= ?1 AND m.starts_at <= ?2 || 'T23:59'",
    "SELECT * FROM evidence WHERE evidence_on BETWEEN ?1 AND ?2",
    "SELECT i.* FROM imtp_contribution i JOIN cycle c ON c.id = i.cycle_id WHERE c.starts_on = ?1",
    "SELECT s.* FROM imtp_section s JOIN imtp_contribution i ON i.id = s.contribution_id "
    "JOIN cycle c ON c.id = i.cycle_id WHERE c.starts_on = ?1",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (s->raw, queries[q], -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        {
          int n = sqlite3_column_count (stmt);

          for (int p = 1; p <= sqlite3_bind_parameter_count (stmt); p++)
            sqlite3_bind_text (stmt, p, p == 1 ? s->starts_on : s->ends_on, -1, SQLITE_STATIC);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            for (int i = 0; i < n; i++)
              (void) sqlite3_column_text (stmt, i);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return sqlite_error (s->raw, rc, "reading", error);
    }

  return TRUE;
}

/* Dataset export ------------------------------------------------------------ */

typedef struct
{
  ClwDatabase *db;
  xmlDoc      *doc;      /* what the export writes, for the baseline */
  guint64      rows;
} ExportState;

static void
export_teardown (gpointer state)
{
  ExportState *s = state;

  g_clear_object (&s->db);
  g_clear_pointer (&s->doc, xmlFreeDoc);
  g_free (s);
}

static gpointer
export_setup (ClwBench  *bench,
              guint      scale,
              GError   **error)
{
  ExportState *s = g_new0 (ExportState, 1);
  g_autofree char *path = clw_bench_ensure_demo (bench, scale, error);
  g_autoptr(GBytes) bytes = NULL;

  if (path == NULL)
    goto failed;
  s->db = clw_database_open (path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, error);
  if (s->db == NULL)
    goto failed;

  bytes = clw_dataset_export_bytes (s->db, CLW_SCOPE_ALL, NULL, error);
  if (bytes == NULL)
    goto failed;
  s->doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), "export.xml",
                          NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  if (s->doc == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not read the export back");
      goto failed;
    }
  for (xmlNode *node = xmlDocGetRootElement (s->doc)->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      s->rows++;

  return s;

failed:
  export_teardown (s);
  return NULL;
}

static gboolean
export_run (gpointer   state,
            guint64   *rows,
            GError   **error)
{
  ExportState *s = state;
  g_autoptr(GBytes) bytes = clw_dataset_export_bytes (s->db, CLW_SCOPE_ALL, NULL, error);

  if (bytes == NULL)
    return FALSE;
  *rows = s->rows;
  return TRUE;
}

static gboolean
write_node (xmlTextWriterPtr  writer,
            xmlNode          *node)
{
  if (node->type == XML_TEXT_NODE)
    return xmlTextWriterWriteString (writer, node->content) >= 0;
  if (node->type != XML_ELEMENT_NODE)
    return TRUE;

  if (xmlTextWriterStartElement (writer, node->name) < 0)
    return FALSE;
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (xmlTextWriterWriteAttribute (writer, attr->name, attr->children->content) < 0)
      return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (!write_node (writer, child))
      return FALSE;
  return xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
export_baseline (gpointer   state,
                 GError   **error)
{
  ExportState *s = state;
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  gboolean ok;

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  ok = xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) >= 0 &&
       write_node (writer, xmlDocGetRootElement (s->doc)) &&
       xmlTextWriterEndDocument (writer) >= 0;
  xmlFreeTextWriter (writer);
  xmlBufferFree (buffer);

  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "xmlTextWriter failed");
  return ok;
}

/* Dataset import ----------------------------------------------------------- */

typedef struct
{
  ClwBench    *bench;
  GBytes      *bytes;
  char        *path;
  ClwDatabase *db;
} ImportState;

static void
import_close (ImportState *s)
{
  g_clear_object (&s->db);
  if (s->path != NULL)
    clw_bench_remove_database (s->path);
  g_clear_pointer (&s->path, g_free);
}

static void
import_teardown (gpointer state)
{
  ImportState *s = state;

  import_close (s);
  g_clear_pointer (&s->bytes, g_bytes_unref);
  g_free (s);
}

static gpointer
import_setup (ClwBench  *bench,
              guint      scale,
              GError   **error)
{
  ImportState *s = g_new0 (ImportState, 1);
  g_autofree char *path = clw_bench_ensure_demo (bench, scale, error);
  g_autoptr(ClwDatabase) db = NULL;

  s->bench = bench;
  if (path != NULL)
    db = clw_database_open (path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, error);
  if (db != NULL)
    s->bytes = clw_dataset_export_bytes (db, CLW_SCOPE_ALL, NULL, error);
  if (s->bytes == NULL)
    {
      import_teardown (s);
      return NULL;
    }

  return s;
}

static gboolean
import_before (gpointer   state,
               GError   **error)
{
  ImportState *s = state;

  /* A new, empty database: the document carries the reference data too. */
  import_close (s);
  s->path = clw_bench_scratch_path (s->bench, "import.db");
  s->db = clw_database_open (s->path, CLW_DATABASE_OPEN_CREATE, error);
  return s->db != NULL;
}

static gboolean
import_run (gpointer   state,
            guint64   *rows,
            GError   **error)
{
  ImportState *s = state;
  ClwImportCounts counts = { 0 };

  if (!clw_dataset_import_bytes (s->db, s->bytes, "demo.xml", &counts, NULL, error))
    return FALSE;
  *rows = counts.inserted + counts.updated + counts.unchanged;
  return TRUE;
}

static gboolean
import_baseline (gpointer   state,
                 GError   **error)
{
  ImportState *s = state;
  xmlDoc *doc = xmlReadMemory (g_bytes_get_data (s->bytes, NULL), (int) g_bytes_get_size (s->bytes),
                               "demo.xml", NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);

  if (doc == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not parse the document");
      return FALSE;
    }
  xmlFreeDoc (doc);
  return TRUE;
}

/* The table --------------------------------------------------------------- */

#define OPEN(name, scale, target) \
  { name, scale, target, "sqlite3_exec of the migrations", \
    open_setup, open_before, open_run, open_before, open_baseline, open_teardown }
#define DEMO(name, scale, target) \
  { name, scale, target, "the same rows, plain INSERTs", \
    demo_setup, demo_before, demo_run, demo_before_baseline, demo_baseline, demo_teardown }
#define QAIF(name, scale, target) \
  { name, scale, target, "plain SELECTs of the same rows", \
    qaif_setup, NULL, qaif_run, NULL, qaif_baseline, qaif_teardown }
#define EXPORT(name, scale, target) \
  { name, scale, target, "the same document, xmlTextWriter", \
    export_setup, NULL, export_run, NULL, export_baseline, export_teardown }
#define IMPORT(name, scale, target) \
  { name, scale, target, "parsing the same document", \
    import_setup, import_before, import_run, NULL, import_baseline, import_teardown }

const ClwBenchCase clw_bench_core_cases[] = {
  OPEN ("open and migrate a new database", 0, 0),
  DEMO ("demo generation", 1, 3.0),
  DEMO ("demo generation", 10, 30.0),
  QAIF ("QAIF " QAIF_CYCLE ", all of Wales", 1, 0.020),
  QAIF ("QAIF " QAIF_CYCLE ", all of Wales", 10, 0),
  QAIF ("QAIF " QAIF_CYCLE ", all of Wales", 100, 2.0),
  EXPORT ("dataset export, all of Wales", 1, 1.0),
  EXPORT ("dataset export, all of Wales", 10, 0),
  IMPORT ("dataset import, all of Wales", 1, 1.0),
  IMPORT ("dataset import, all of Wales", 10, 0),
};

const guint clw_bench_core_n_cases = G_N_ELEMENTS (clw_bench_core_cases);
