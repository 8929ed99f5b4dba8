/* clw-practice-import.c: practice lists from a spreadsheet (CSV)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read whole (clw-csv.c), its header matched to the fields of a
 * practice, and every data row turned into a ClwPracticeImportRow that says
 * what applying it would do. Nothing is written until apply, which writes
 * every addition and change in one transaction or nothing.
 */

#define G_LOG_DOMAIN "clw-practice-import"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "clw-cluster.h"
#include "clw-csv.h"
#include "clw-database-private.h"
#include "clw-error.h"
#include "clw-files.h"
#include "clw-practice-import-private.h"
#include "clw-practice-import.h"
#include "clw-practice.h"
#include "clw-record.h"

/* How far down the file the header may be (title rows above it). */
#define MAX_HEADER_ROW 20

struct _ClwPracticeImport
{
  GObject     parent_instance;

  char       *filename;
  char       *db_path;                           /* canonical, to check apply's database */
  GListStore *rows;                              /* of ClwPracticeImportRow */
  guint       header_row;
  char       *columns[CLW_N_PRACTICE_FIELDS];    /* the header of each field, or NULL */
  GStrv       ignored_columns;
  gboolean    applied;
};

G_DEFINE_FINAL_TYPE (ClwPracticeImport, clw_practice_import, G_TYPE_OBJECT)

/* Headers ---------------------------------------------------------------------- */

typedef struct
{
  ClwPracticeField  field;
  const char       *property;
  const char       *label;
  gboolean          required;
  const char       *synonyms[24];   /* normalised: lower-case letters and digits only */
} FieldInfo;

static const FieldInfo fields[CLW_N_PRACTICE_FIELDS] = {
  { CLW_PRACTICE_FIELD_CODE, "code", N_("practice code"), TRUE,
    { "code", "practicecode", "practiceid", "gpcode", "gppracticecode", "nationalcode",
      "practicenationalcode", "odscode", "practiceodscode", "organisationcode", "orgcode",
      "cod", "codpractis", "codypractis", "codymeddygfa", NULL } },
  { CLW_PRACTICE_FIELD_NAME, "name", N_("name"), TRUE,
    { "name", "practicename", "practice", "gppractice", "gppracticename", "surgery",
      "surgeryname", "enw", "enwpractis", "enwrpractis", "enwypractis", "practis",
      "enwrfeddygfa", "enwymeddygfa", "meddygfa", NULL } },
  { CLW_PRACTICE_FIELD_CLUSTER, "cluster-id", N_("cluster"), TRUE,
    { "cluster", "clustername", "clustercode", "gpcluster", "gpclustername", "ncn", "ncnname",
      "ncncode", "network", "clusternetwork", "clwstwr", "enwrclwstwr", "enwclwstwr",
      "codclwstwr", "codyclwstwr", NULL } },
  { CLW_PRACTICE_FIELD_PARTNERS, "partners", N_("number of partners"), FALSE,
    { "partners", "noofpartners", "numberofpartners", "nopartners", "partnercount",
      "gppartners", "noofgppartners", "numberofgppartners", "partnersheadcount",
      "partneriaid", "niferypartneriaid", NULL } },
  { CLW_PRACTICE_FIELD_LIST_SIZE, "list-size", N_("registered list size"), FALSE,
    { "listsize", "list", "registeredpatients", "registeredlistsize", "registeredlist",
      "patients", "noofpatients", "numberofpatients", "noofregisteredpatients",
      "numberofregisteredpatients", "practicelistsize", "registeredpopulation",
      "practicepopulation", "maintyrhestr", "maintrhestr", "cleifioncofrestredig", NULL } },
  { CLW_PRACTICE_FIELD_SUSTAINABILITY, "sustainability-issues", N_("sustainability issues"), FALSE,
    { "sustainability", "sustainabilityissues", "sustainabilityissue", "sustainabilityconcerns",
      "sustainabilityrisk", "sustainabilityflag", "cynaliadwyedd", "problemaucynaliadwyedd",
      NULL } },
  { CLW_PRACTICE_FIELD_BRANCH_SURGERIES, "branch-surgeries", N_("branch surgeries"), FALSE,
    { "branchsurgeries", "branchsurgery", "branches", "branchsites", "noofbranchsurgeries",
      "numberofbranchsurgeries", "noofbranches", "numberofbranches", "canghennau",
      "meddygfeyddcangen", NULL } },
};

const char *
clw_practice_field_to_label (ClwPracticeField field)
{
  g_return_val_if_fail ((guint) field < CLW_N_PRACTICE_FIELDS, "");

  return _(fields[field].label);
}

/* Letters and digits only, lower case, accents dropped: "Côd" is "cod". */
static char *
normalise_key (const char *text,
               gboolean    drop_brackets)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  GString *key = g_string_new (NULL);
  int depth = 0;

  if (decomposed == NULL)
    return g_string_free (key, FALSE);

  for (const char *p = decomposed; *p; p++)
    {
      if (drop_brackets && (*p == '(' || *p == '['))
        depth++;
      else if (drop_brackets && (*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (depth == 0 && g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
    }

  return g_string_free (key, FALSE);
}

/* The field a header names, or -1. "Sustainability issues (Y/N)" is read
 * without what is in brackets, unless that is all there is. */
static int
field_for_header (const char *header)
{
  g_autofree char *key = normalise_key (header, TRUE);

  if (*key == '\0')
    {
      g_free (key);
      key = normalise_key (header, FALSE);
    }

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint s = 0; fields[f].synonyms[s] != NULL; s++)
      if (g_str_equal (key, fields[f].synonyms[s]))
        return (int) f;

  return -1;
}

/* Clusters ----------------------------------------------------------------------- */

typedef struct
{
  GHashTable *by_key;     /* normalised code or name -> ClwCluster, or ambiguous_marker */
  GPtrArray  *clusters;   /* owns them */
} ClusterIndex;

static char ambiguous_marker;

static void
cluster_index_clear (ClusterIndex *index)
{
  g_clear_pointer (&index->by_key, g_hash_table_unref);
  g_clear_pointer (&index->clusters, g_ptr_array_unref);
}

static void
cluster_index_add (ClusterIndex *index,
                   const char   *text,
                   ClwCluster   *cluster)
{
  g_autofree char *key = NULL;
  gpointer existing;

  if (text == NULL)
    return;

  key = normalise_key (text, FALSE);
  if (*key == '\0')
    return;

  existing = g_hash_table_lookup (index->by_key, key);
  if (existing == NULL)
    g_hash_table_insert (index->by_key, g_steal_pointer (&key), cluster);
  else if (existing != cluster)
    g_hash_table_replace (index->by_key, g_steal_pointer (&key), &ambiguous_marker);
}

static gboolean
cluster_index_load (ClusterIndex  *index,
                    ClwDatabase   *db,
                    GError       **error)
{
  g_autoptr(GListStore) clusters = clw_record_list (db, CLW_TYPE_CLUSTER, NULL, NULL, error);
  guint n;

  if (clusters == NULL)
    return FALSE;

  index->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->clusters = g_ptr_array_new_with_free_func (g_object_unref);

  n = g_list_model_get_n_items (G_LIST_MODEL (clusters));
  for (guint i = 0; i < n; i++)
    {
      ClwCluster *cluster = g_list_model_get_item (G_LIST_MODEL (clusters), i);

      g_ptr_array_add (index->clusters, cluster);
      cluster_index_add (index, clw_cluster_get_code (cluster), cluster);
      cluster_index_add (index, clw_cluster_get_name (cluster), cluster);
      cluster_index_add (index, clw_cluster_get_name_cy (cluster), cluster);
    }

  return TRUE;
}

/* The cluster @text names (code, English or Welsh name; a trailing
 * "cluster", "NCN" or "network" is not needed), NULL with @reason set. */
static ClwCluster *
cluster_index_find (ClusterIndex  *index,
                    const char    *text,
                    char         **reason)
{
  static const char *suffixes[] = { "clusternetwork", "cluster", "ncn", "network", "clwstwr" };
  g_autofree char *key = normalise_key (text, FALSE);
  gpointer found = g_hash_table_lookup (index->by_key, key);

  for (guint i = 0; found == NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_str_has_suffix (key, suffixes[i]) && strlen (key) > strlen (suffixes[i]))
        {
          g_autofree char *shorter = g_strndup (key, strlen (key) - strlen (suffixes[i]));
          found = g_hash_table_lookup (index->by_key, shorter);
        }
    }

  if (found == &ambiguous_marker)
    {
      *reason = g_strdup_printf (_("The cluster “%s” could be more than one cluster; give its "
                                   "code instead (as AB01)."), text);
      return NULL;
    }
  if (found == NULL)
    {
      *reason = g_strdup_printf (_("No cluster has the code or name “%s”. Give the cluster’s "
                                   "code (as AB01) or its name as Clwstwr lists it."), text);
      return NULL;
    }

  return found;
}

static char *
cluster_label (ClwCluster *cluster)
{
  return g_strdup_printf ("%s %s", clw_cluster_get_code (cluster), clw_cluster_get_name (cluster));
}

/* Values -------------------------------------------------------------------------- */

/* A whole number, with thousands grouped by commas or spaces as a
 * spreadsheet may write it ("8,400"), or with a decimal part of zeros
 * ("3.00"). */
static gboolean
parse_count (const char *text,
             gint64      max,
             int        *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;
  guint group = 0;
  gboolean grouped = FALSE;
  guint64 n;

  for (; *p && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          group++;
        }
      else if ((*p == ',' || *p == ' ') && digits->len > 0)
        {
          /* Groups of three after the first one. */
          if ((grouped && group != 3) || (!grouped && group > 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
        }
      else
        return FALSE;
    }
  if (digits->len == 0 || (grouped && group != 3))
    return FALSE;

  if (*p == '.')
    {
      for (p++; *p; p++)
        if (*p != '0')
          return FALSE;
    }

  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, (guint64) max, &n, NULL))
    return FALSE;

  *value = (int) n;
  return TRUE;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  static const char *yes[] = { "yes", "y", "true", "1" };
  static const char *no[] = { "no", "n", "false", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        {
          *value = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        {
          *value = FALSE;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
yes_no (gboolean value)
{
  return value ? _("yes") : _("no");
}

/* Spaces at the ends dropped, runs of white space (a line break inside a
 * cell) made one space. */
static char *
tidy_text (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *str = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, words[i]);
    }

  return g_string_free (str, FALSE);
}

/* Reading the rows ---------------------------------------------------------------- */

typedef struct
{
  int    columns[CLW_N_PRACTICE_FIELDS];   /* the column of each field, or -1 */
  int    cluster_columns[2];               /* a cluster may be given by code and by name */
  guint  n_cluster_columns;
  guint  n_columns;
} Header;

static void
list_headers (GString            *str,
              const ClwCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    g_string_append_printf (str, "%s“%s”", i > 0 ? ", " : "", record->fields[i]);
}

static gboolean
read_header (ClwPracticeImport   *self,
             GPtrArray           *records,
             Header              *header,
             guint               *first_data,
             GError             **error)
{
  const ClwCsvRecord *first_non_blank = NULL;
  const ClwCsvRecord *record = NULL;
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  guint index;

  /* The header is the first row that has a column for the practice code;
   * title rows above it are not read. */
  for (index = 0; index < records->len; index++)
    {
      const ClwCsvRecord *candidate = g_ptr_array_index (records, index);

      if (candidate->row > MAX_HEADER_ROW)
        break;
      if (clw_csv_record_is_blank (candidate))
        continue;
      if (first_non_blank == NULL)
        first_non_blank = candidate;

      for (guint c = 0; c < candidate->n_fields; c++)
        if (field_for_header (candidate->fields[c]) == CLW_PRACTICE_FIELD_CODE)
          record = candidate;
      if (record != NULL)
        break;
    }

  if (first_non_blank == NULL)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                   _("“%s” is empty: it has no header and no practices."), self->filename);
      return FALSE;
    }

  if (record == NULL)
    {
      g_autoptr(GString) found = g_string_new (NULL);

      list_headers (found, first_non_blank);
      if (first_non_blank->n_fields == 1 &&
          (strchr (first_non_blank->fields[0], ';') != NULL || strchr (first_non_blank->fields[0], '\t') != NULL))
        g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                     _("“%s” separates its columns with semicolons or tabs, not commas. Save it "
                       "again as “CSV UTF-8 (Comma delimited)”."), self->filename);
      else
        g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                     _("“%s” has no column for the practice code, which is required (row %u has "
                       "%s). Name that column “Practice code”; docs/practice-csv.md lists the "
                       "headers that are understood."),
                     self->filename, first_non_blank->row, found->str);
      return FALSE;
    }

  for (guint f = 0; f < CLW_N_PRACTICE_FIELDS; f++)
    header->columns[f] = -1;
  header->n_cluster_columns = 0;
  header->n_columns = record->n_fields;

  for (guint c = 0; c < record->n_fields; c++)
    {
      int f = field_for_header (record->fields[c]);
      g_autofree char *tidy = tidy_text (record->fields[c]);

      if (f < 0)
        {
          if (*tidy != '\0')
            g_ptr_array_add (ignored, g_steal_pointer (&tidy));
          continue;
        }

      if (f == CLW_PRACTICE_FIELD_CLUSTER && header->n_cluster_columns < G_N_ELEMENTS (header->cluster_columns))
        {
          header->cluster_columns[header->n_cluster_columns++] = (int) c;
          if (header->columns[f] < 0)
            header->columns[f] = (int) c;
          continue;
        }

      if (header->columns[f] >= 0)
        {
          g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                       _("“%s”, row %u: columns %d (“%s”) and %u (“%s”) both give the %s. Delete or "
                         "rename one of them."),
                       self->filename, record->row, header->columns[f] + 1,
                       record->fields[header->columns[f]], c + 1, record->fields[c],
                       _(fields[f].label));
          return FALSE;
        }
      header->columns[f] = (int) c;
    }

  for (guint f = 0; f < CLW_N_PRACTICE_FIELDS; f++)
    {
      if (fields[f].required && header->columns[f] < 0)
        {
          g_autoptr(GString) found = g_string_new (NULL);

          list_headers (found, record);
          g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                       _("“%s” has no column for the %s, which is required (the header, row %u, has "
                         "%s). docs/practice-csv.md lists the headers that are understood."),
                       self->filename, _(fields[f].label), record->row, found->str);
          return FALSE;
        }
      if (header->columns[f] >= 0)
        self->columns[f] = tidy_text (record->fields[header->columns[f]]);
    }

  g_ptr_array_add (ignored, NULL);
  self->ignored_columns = (GStrv) g_ptr_array_free (g_steal_pointer (&ignored), FALSE);
  self->header_row = record->row;
  *first_data = index + 1;
  return TRUE;
}

static const char *
cell (const ClwCsvRecord *record,
      int                 column)
{
  if (column < 0 || (guint) column >= record->n_fields)
    return "";
  return record->fields[column];
}

static void
reject_printf (ClwPracticeImportRow *row,
               const char           *format,
               ...) G_GNUC_PRINTF (2, 3);

static void
reject_printf (ClwPracticeImportRow *row,
               const char           *format,
               ...)
{
  va_list args;
  g_autofree char *reason = NULL;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  _clw_practice_import_row_reject (row, reason);
}

/* A whole-number column: -1 when the cell is empty (keep what is stored). */
static gboolean
read_count (ClwPracticeImportRow *row,
            const ClwCsvRecord   *record,
            const Header         *header,
            ClwPracticeField      field,
            int                   max,
            int                  *value)
{
  g_autofree char *text = tidy_text (cell (record, header->columns[field]));

  *value = -1;
  if (*text == '\0')
    return TRUE;

  if (!parse_count (text, max, value))
    {
      *value = -1;
      reject_printf (row, _("The %s must be a whole number from 0 to %d, not “%s”."),
                     _(fields[field].label), max, text);
      return FALSE;
    }

  return TRUE;
}

static int
param_max (const char *property)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (CLW_TYPE_PRACTICE);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);

  return G_PARAM_SPEC_INT (pspec)->maximum;
}

static void
compare_int (ClwPracticeImportRow *row,
             ClwPractice          *existing,
             ClwPractice          *proposed,
             ClwPracticeField      field,
             int                   value)
{
  const char *property = fields[field].property;
  int old_value = 0;

  if (value < 0)
    return;

  if (existing != NULL)
    {
      g_object_get (existing, property, &old_value, NULL);
      if (old_value != value)
        {
          g_autofree char *from = g_strdup_printf ("%d", old_value);
          g_autofree char *to = g_strdup_printf ("%d", value);
          _clw_practice_import_row_add_change (row, property, _(fields[field].label), from, to);
        }
    }

  g_object_set (proposed, property, value, NULL);
}

static ClwPracticeImportRow *
read_row (ClwPracticeImport  *self,
          const ClwCsvRecord *record,
          const Header       *header,
          ClusterIndex       *clusters,
          GHashTable         *practices,
          const GDate        *today)
{
  g_autoptr(ClwPracticeImportRow) row = _clw_practice_import_row_new (record->row);
  g_autofree char *code = tidy_text (cell (record, header->columns[CLW_PRACTICE_FIELD_CODE]));
  g_autofree char *name = tidy_text (cell (record, header->columns[CLW_PRACTICE_FIELD_NAME]));
  g_autofree char *cluster_text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *sustainability = NULL;
  ClwCluster *cluster = NULL;
  g_autoptr(ClwPractice) proposed = NULL;
  ClwPractice *existing;
  int partners, list_size, branches;
  gboolean sustainability_issues = FALSE;
  gboolean cluster_given = FALSE;
  gboolean ok = TRUE;

  {
    g_autofree char *upper = g_utf8_strup (code, -1);
    g_free (code);
    code = g_steal_pointer (&upper);
  }

  /* Cells beyond the header: probably a comma in a value without quotes. */
  for (guint c = header->n_columns; c < record->n_fields; c++)
    {
      g_autofree char *extra = tidy_text (record->fields[c]);
      if (*extra != '\0')
        {
          reject_printf (row, _("The row has %u cells but the header has %u columns: a value may "
                                "have a comma in it and no quotes around it."),
                         record->n_fields, header->n_columns);
          ok = FALSE;
          break;
        }
    }

  if (*code == '\0')
    {
      reject_printf (row, _("The practice code is empty."));
      ok = FALSE;
    }
  else if (!clw_practice_code_is_valid (code))
    {
      reject_printf (row, _("The practice code “%s” is not a capital letter and five digits, "
                            "as W12345."), code);
      ok = FALSE;
    }

  if (*name == '\0')
    {
      reject_printf (row, _("The name is empty."));
      ok = FALSE;
    }

  for (guint i = 0; i < header->n_cluster_columns; i++)
    {
      g_autofree char *text = tidy_text (cell (record, header->cluster_columns[i]));
      g_autofree char *reason = NULL;
      ClwCluster *found;

      if (*text == '\0')
        continue;

      cluster_given = TRUE;
      found = cluster_index_find (clusters, text, &reason);
      if (found == NULL)
        {
          _clw_practice_import_row_reject (row, reason);
          ok = FALSE;
          cluster = NULL;
          break;
        }
      if (cluster != NULL && found != cluster)
        {
          g_autofree char *first = cluster_label (cluster);
          g_autofree char *second = cluster_label (found);
          reject_printf (row, _("“%s” and “%s” name different clusters (%s and %s)."),
                         cluster_text, text, first, second);
          ok = FALSE;
          cluster = NULL;
          break;
        }
      cluster = found;
      if (cluster_text == NULL)
        cluster_text = g_steal_pointer (&text);
    }

  if (!cluster_given)
    {
      reject_printf (row, _("The cluster is empty."));
      ok = FALSE;
    }

  if (cluster != NULL && clw_cluster_get_valid_to (cluster) != NULL)
    {
      g_autoptr(GDate) closed = clw_date_parse (clw_cluster_get_valid_to (cluster));

      if (closed != NULL && g_date_compare (closed, today) < 0)
        {
          g_autofree char *when = clw_date_format_display (clw_cluster_get_valid_to (cluster));
          reject_printf (row, _("The cluster %s %s closed on %s; give the cluster that took its "
                                "practices."),
                         clw_cluster_get_code (cluster), clw_cluster_get_name (cluster), when);
          ok = FALSE;
        }
    }

  ok &= read_count (row, record, header, CLW_PRACTICE_FIELD_PARTNERS,
                    param_max ("partners"), &partners);
  ok &= read_count (row, record, header, CLW_PRACTICE_FIELD_LIST_SIZE,
                    param_max ("list-size"), &list_size);
  ok &= read_count (row, record, header, CLW_PRACTICE_FIELD_BRANCH_SURGERIES,
                    param_max ("branch-surgeries"), &branches);

  sustainability = tidy_text (cell (record, header->columns[CLW_PRACTICE_FIELD_SUSTAINABILITY]));
  if (*sustainability != '\0' && !parse_boolean (sustainability, &sustainability_issues))
    {
      reject_printf (row, _("Sustainability issues must be yes or no (or y, n, true, false, 1, 0), "
                            "not “%s”."), sustainability);
      ok = FALSE;
    }

  if (cluster != NULL)
    label = cluster_label (cluster);
  _clw_practice_import_row_set_read (row, code, name,
                                     cluster != NULL ? clw_record_get_id (CLW_RECORD (cluster)) : NULL,
                                     label);
  if (!ok)
    return g_steal_pointer (&row);

  existing = g_hash_table_lookup (practices, code);
  if (existing != NULL)
    {
      proposed = CLW_PRACTICE (clw_record_copy (CLW_RECORD (existing)));

      if (g_strcmp0 (clw_practice_get_name (existing), name) != 0)
        _clw_practice_import_row_add_change (row, "name", _("name"),
                                             clw_practice_get_name (existing), name);
      if (g_strcmp0 (clw_practice_get_cluster_id (existing), clw_record_get_id (CLW_RECORD (cluster))) != 0)
        {
          const char *old_id = clw_practice_get_cluster_id (existing);
          g_autofree char *old_label = NULL;

          for (guint i = 0; i < clusters->clusters->len && old_label == NULL; i++)
            {
              ClwCluster *c = g_ptr_array_index (clusters->clusters, i);
              if (g_strcmp0 (clw_record_get_id (CLW_RECORD (c)), old_id) == 0)
                old_label = cluster_label (c);
            }
          _clw_practice_import_row_add_change (row, "cluster-id", _("cluster"),
                                               old_label != NULL ? old_label : old_id, label);
        }
    }
  else
    {
      proposed = clw_practice_new ();
      g_object_set (proposed, "code", code, NULL);
    }

  g_object_set (proposed,
                "name", name,
                "cluster-id", clw_record_get_id (CLW_RECORD (cluster)),
                NULL);
  compare_int (row, existing, proposed, CLW_PRACTICE_FIELD_PARTNERS, partners);
  compare_int (row, existing, proposed, CLW_PRACTICE_FIELD_LIST_SIZE, list_size);

  if (*sustainability != '\0')
    {
      if (existing != NULL && clw_practice_get_sustainability_issues (existing) != sustainability_issues)
        _clw_practice_import_row_add_change (row, "sustainability-issues", _("sustainability issues"),
                                             yes_no (!sustainability_issues),
                                             yes_no (sustainability_issues));
      g_object_set (proposed, "sustainability-issues", sustainability_issues, NULL);
    }

  compare_int (row, existing, proposed, CLW_PRACTICE_FIELD_BRANCH_SURGERIES, branches);

  _clw_practice_import_row_settle (row, existing, proposed);
  return g_steal_pointer (&row);
}

/* A code may appear once: every row that repeats one is rejected, and says
 * where the others are. */
static void
reject_duplicates (GPtrArray *rows)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      ClwPracticeImportRow *row = g_ptr_array_index (rows, i);
      const char *code = clw_practice_import_row_get_code (row);
      GArray *where;

      if (code == NULL || *code == '\0')
        continue;
      where = g_hash_table_lookup (by_code, code);
      if (where == NULL)
        {
          where = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_code, (gpointer) code, where);
        }
      g_array_append_val (where, i);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      ClwPracticeImportRow *row = g_ptr_array_index (rows, i);
      const char *code = clw_practice_import_row_get_code (row);
      GArray *where = code != NULL ? g_hash_table_lookup (by_code, code) : NULL;
      g_autoptr(GString) others = NULL;
      guint n_others = 0;

      if (where == NULL || where->len < 2)
        continue;

      others = g_string_new (NULL);
      for (guint k = 0; k < where->len; k++)
        {
          ClwPracticeImportRow *other = g_ptr_array_index (rows, g_array_index (where, guint, k));

          if (other == row)
            continue;
          if (n_others > 0)
            g_string_append (others, ", ");
          g_string_append_printf (others, "%u", clw_practice_import_row_get_row (other));
          n_others++;
        }

      reject_printf (row,
                     ngettext ("The code %s is also in row %s: each practice may appear only once.",
                               "The code %s is also in rows %s: each practice may appear only once.",
                               n_others),
                     code, others->str);
    }
}

/* GObject ------------------------------------------------------------------------ */

static void
clw_practice_import_finalize (GObject *object)
{
  ClwPracticeImport *self = (ClwPracticeImport *) object;

  g_free (self->filename);
  g_free (self->db_path);
  g_clear_object (&self->rows);
  for (guint f = 0; f < CLW_N_PRACTICE_FIELDS; f++)
    g_free (self->columns[f]);
  g_strfreev (self->ignored_columns);

  G_OBJECT_CLASS (clw_practice_import_parent_class)->finalize (object);
}

static void
clw_practice_import_class_init (ClwPracticeImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_practice_import_finalize;
}

static void
clw_practice_import_init (ClwPracticeImport *self)
{
  self->rows = g_list_store_new (CLW_TYPE_PRACTICE_IMPORT_ROW);
}

/* Public API ----------------------------------------------------------------------- */

ClwPracticeImport *
clw_practice_import_preview_bytes (ClwDatabase  *db,
                                   GBytes       *bytes,
                                   const char   *filename,
                                   GError      **error)
{
  g_autoptr(ClwPracticeImport) self = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListStore) stored = NULL;
  g_autoptr(GHashTable) practices = NULL;
  g_autoptr(GDate) today = NULL;
  ClusterIndex clusters = { 0 };
  Header header;
  guint first_data = 0;
  guint n;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (CLW_TYPE_PRACTICE_IMPORT, NULL);
  self->filename = g_strdup (filename != NULL ? filename : _("the practice list"));
  self->db_path = g_canonicalize_filename (clw_database_get_path (db), NULL);

  records = clw_csv_parse (bytes, self->filename, error);
  if (records == NULL || !read_header (self, records, &header, &first_data, error))
    return NULL;

  if (!cluster_index_load (&clusters, db, error))
    return NULL;

  stored = clw_record_list (db, CLW_TYPE_PRACTICE, NULL, NULL, error);
  if (stored == NULL)
    {
      cluster_index_clear (&clusters);
      return NULL;
    }
  practices = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (stored));
  for (guint i = 0; i < n; i++)
    {
      ClwPractice *practice = g_list_model_get_item (G_LIST_MODEL (stored), i);
      g_hash_table_insert (practices, (gpointer) clw_practice_get_code (practice), practice);
    }

  today = clw_database_get_today (db);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = first_data; i < records->len; i++)
    {
      const ClwCsvRecord *record = g_ptr_array_index (records, i);

      if (clw_csv_record_is_blank (record))
        continue;
      g_ptr_array_add (rows, read_row (self, record, &header, &clusters, practices, today));
    }
  cluster_index_clear (&clusters);

  if (rows->len == 0)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_SCHEMA,
                   _("“%s” has a header (row %u) but no practices under it."),
                   self->filename, self->header_row);
      return NULL;
    }

  reject_duplicates (rows);
  g_list_store_splice (self->rows, 0, 0, rows->pdata, rows->len);

  return g_steal_pointer (&self);
}

ClwPracticeImport *
clw_practice_import_preview (ClwDatabase  *db,
                             const char   *path,
                             gsize         max_size,
                             GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  bytes = clw_files_read_limited (path, max_size > 0 ? max_size : CLW_PRACTICE_IMPORT_MAX_SIZE, error);
  if (bytes == NULL)
    return NULL;

  return clw_practice_import_preview_bytes (db, bytes, path, error);
}

typedef struct
{
  char  *db_path;
  char  *path;
  gsize  max_size;
} PreviewData;

static void
preview_data_free (PreviewData *data)
{
  g_free (data->db_path);
  g_free (data->path);
  g_free (data);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewData *data = task_data;
  g_autoptr(ClwDatabase) db = NULL;
  g_autoptr(ClwPracticeImport) import = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = clw_database_open (data->db_path, CLW_DATABASE_OPEN_READ_ONLY | CLW_DATABASE_OPEN_TRUSTED, &error);
  if (db != NULL)
    import = clw_practice_import_preview (db, data->path, data->max_size, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&import), g_object_unref);
}

void
clw_practice_import_preview_async (const char          *db_path,
                                   const char          *path,
                                   gsize                max_size,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PreviewData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (PreviewData, 1);
  data->db_path = g_strdup (db_path);
  data->path = g_strdup (path);
  data->max_size = max_size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, clw_practice_import_preview_async);
  g_task_set_task_data (task, data, (GDestroyNotify) preview_data_free);
  g_task_run_in_thread (task, preview_thread);
}

ClwPracticeImport *
clw_practice_import_preview_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == clw_practice_import_preview_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
clw_practice_import_get_filename (ClwPracticeImport *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (self), NULL);

  return self->filename;
}

GListModel *
clw_practice_import_get_rows (ClwPracticeImport *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (self), NULL);

  return G_LIST_MODEL (self->rows);
}

guint
clw_practice_import_count (ClwPracticeImport *self,
                           ClwImportAction    action)
{
  guint n, count = 0;

  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeImportRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      if (clw_practice_import_row_get_action (row) == action)
        count++;
    }

  return count;
}

guint
clw_practice_import_get_header_row (ClwPracticeImport *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (self), 0);

  return self->header_row;
}

const char *
clw_practice_import_get_column (ClwPracticeImport *self,
                                ClwPracticeField   field)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (self), NULL);
  g_return_val_if_fail ((guint) field < CLW_N_PRACTICE_FIELDS, NULL);

  return self->columns[field];
}

const char * const *
clw_practice_import_get_ignored_columns (ClwPracticeImport *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (self), NULL);

  return (const char * const *) self->ignored_columns;
}

gboolean
clw_practice_import_can_apply (ClwPracticeImport *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (self), FALSE);

  return !self->applied &&
         clw_practice_import_count (self, CLW_IMPORT_ACTION_REJECTED) == 0 &&
         (clw_practice_import_count (self, CLW_IMPORT_ACTION_ADD) > 0 ||
          clw_practice_import_count (self, CLW_IMPORT_ACTION_CHANGE) > 0);
}

/* Whether the stored practice is still what the preview compared with. */
static gboolean
check_unchanged_since_preview (ClwDatabase          *db,
                               ClwPracticeImportRow *row,
                               GError              **error)
{
  ClwPractice *existing = _clw_practice_import_row_get_existing (row);
  const char *code = clw_practice_import_row_get_code (row);
  g_autoptr(ClwStmt) stmt = NULL;
  gboolean same;
  int rc;

  stmt = _clw_database_prepare (db, "SELECT id, updated_at FROM practice WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _clw_database_set_error (db, rc, _("reading the practices"), error);

  if (existing == NULL)
    same = rc == SQLITE_DONE;
  else
    same = rc == SQLITE_ROW &&
           g_strcmp0 (_clw_column_text (stmt, 0), clw_record_get_id (CLW_RECORD (existing))) == 0 &&
           g_strcmp0 (_clw_column_text (stmt, 1), clw_record_get_updated_at (CLW_RECORD (existing))) == 0;

  if (!same)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_RULE,
                   _("Practice %s (row %u) has changed in the database since the preview. Preview "
                     "the file again; nothing was changed."),
                   code, clw_practice_import_row_get_row (row));
      return FALSE;
    }

  return TRUE;
}

gboolean
clw_practice_import_apply (ClwPracticeImport  *self,
                           ClwDatabase        *db,
                           GError            **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *label = NULL;
  guint n, rejected;

  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT (self), FALSE);
  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);

  if (self->applied)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_RULE,
                   _("“%s” has been imported already; preview it again to import it again."),
                   self->filename);
      return FALSE;
    }

  rejected = clw_practice_import_count (self, CLW_IMPORT_ACTION_REJECTED);
  if (rejected > 0)
    {
      g_autoptr(ClwPracticeImportRow) first = NULL;

      n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
      for (guint i = 0; i < n && first == NULL; i++)
        {
          g_autoptr(ClwPracticeImportRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
          if (clw_practice_import_row_get_action (row) == CLW_IMPORT_ACTION_REJECTED)
            first = g_steal_pointer (&row);
        }

      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_RULE,
                   ngettext ("“%s”: %u row is rejected (row %u: %s). Correct the spreadsheet and "
                             "import it again; nothing was changed.",
                             "“%s”: %u rows are rejected (the first, row %u: %s). Correct the "
                             "spreadsheet and import it again; nothing was changed.",
                             rejected),
                   self->filename, rejected, clw_practice_import_row_get_row (first),
                   clw_practice_import_row_get_summary (first));
      return FALSE;
    }

  db_path = g_canonicalize_filename (clw_database_get_path (db), NULL);
  if (g_strcmp0 (db_path, self->db_path) != 0)
    {
      g_set_error (error, CLW_IMPORT_ERROR, CLW_IMPORT_ERROR_RULE,
                   _("The preview of “%s” was made against another database (%s); preview it "
                     "again. Nothing was changed."),
                   self->filename, self->db_path);
      return FALSE;
    }

  if (!clw_database_begin (db, error))
    return FALSE;

  basename = g_path_get_basename (self->filename);
  label = g_strdup_printf (_("Import practices from %s"), basename);
  clw_database_set_change_label (db, label);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwPracticeImportRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      ClwImportAction action = clw_practice_import_row_get_action (row);
      g_autoptr(ClwRecord) record = NULL;
      gboolean ok;

      if (action != CLW_IMPORT_ACTION_ADD && action != CLW_IMPORT_ACTION_CHANGE)
        continue;

      if (!check_unchanged_since_preview (db, row, error))
        {
          clw_database_rollback (db);
          return FALSE;
        }

      record = clw_record_copy (CLW_RECORD (_clw_practice_import_row_get_proposed (row)));
      if (action == CLW_IMPORT_ACTION_ADD)
        ok = clw_record_insert (record, db, CLW_WRITE_DEFAULT, error);
      else
        ok = clw_record_update (record, db, CLW_WRITE_DEFAULT, error);

      if (!ok)
        {
          g_prefix_error (error, _("“%s”, row %u: "), self->filename, clw_practice_import_row_get_row (row));
          clw_database_rollback (db);
          return FALSE;
        }
    }

  if (!clw_database_commit (db, error))
    return FALSE;

  self->applied = TRUE;
  return TRUE;
}
