/* clw-record.c: a row of a data table, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-database-private.h"
#include "clw-date-format.h"
#include "clw-error.h"
#include "clw-record-private.h"
#include "clw-record.h"

/* The columns of a type: the four of ClwRecord first, then the subclass's
 * own in the order of their property ids. */
typedef struct
{
  GArray *columns;     /* of ClwColumn */
  guint   n_base;
  char   *select_sql;  /* SELECT c1, c2, ... FROM t */
  char   *insert_sql;
  char   *update_sql;
  char   *delete_sql;
  char   *exists_sql;
  char   *created_sql;
} TypeInfo;

typedef struct
{
  GValue *values;      /* one per column, allocated on first use */
  guint   n_values;
} ClwRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ClwRecord, clw_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_UPDATED_BY,
  N_PROPS
};

#define N_BASE_COLUMNS (N_PROPS - 1)

static GParamSpec *properties[N_PROPS];
static GQuark type_info_quark;

static void clw_record_get_property (GObject      *object,
                                     guint         prop_id,
                                     GValue       *value,
                                     GParamSpec   *pspec);
static void clw_record_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec);
static GQuark column_index_quark;

static TypeInfo *
type_info_peek (GType type)
{
  return g_type_get_qdata (type, type_info_quark);
}

static TypeInfo *
type_info_ensure (GType type)
{
  TypeInfo *info = type_info_peek (type);

  if (info == NULL)
    {
      TypeInfo *base = type_info_peek (CLW_TYPE_RECORD);

      info = g_new0 (TypeInfo, 1);
      info->columns = g_array_new (FALSE, TRUE, sizeof (ClwColumn));
      if (base != NULL && type != CLW_TYPE_RECORD)
        g_array_append_vals (info->columns, base->columns->data, base->columns->len);
      info->n_base = info->columns->len;
      g_type_set_qdata (type, type_info_quark, info);
    }

  return info;
}

static const char *
column_name_from_property (const char *property)
{
  g_autofree char *name = g_strdup (property);

  g_strdelimit (name, "-", '_');
  return g_intern_string (name);
}

void
clw_record_class_install_column (ClwRecordClass *klass,
                                 guint           property_id,
                                 GParamSpec     *pspec,
                                 ClwColumnKind   kind,
                                 ClwColumnFlags  flags,
                                 GType           ref_type)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  TypeInfo *info = type_info_ensure (type);
  ClwColumn column = { 0 };

  /* Columns are installed in the order of their property ids, from 1. */
  g_return_if_fail (property_id == info->columns->len - info->n_base + 1 || type == CLW_TYPE_RECORD);
  g_return_if_fail (kind != CLW_COLUMN_REFERENCE || g_type_is_a (ref_type, CLW_TYPE_RECORD));
  /* An enumeration that may be NULL is a string property naming its enum. */
  g_return_if_fail (kind != CLW_COLUMN_ENUM || G_IS_PARAM_SPEC_ENUM (pspec) ||
                    (G_IS_PARAM_SPEC_STRING (pspec) && G_TYPE_IS_ENUM (ref_type)));

  /* GObject does not let subclasses inherit these: every table's class
   * stores its columns the same way. */
  if (G_OBJECT_CLASS (klass)->get_property == NULL)
    G_OBJECT_CLASS (klass)->get_property = clw_record_get_property;
  if (G_OBJECT_CLASS (klass)->set_property == NULL)
    G_OBJECT_CLASS (klass)->set_property = clw_record_set_property;

  g_object_class_install_property (G_OBJECT_CLASS (klass), property_id, pspec);

  column.pspec = pspec;
  column.name = column_name_from_property (pspec->name);
  column.kind = kind;
  column.flags = flags;
  column.ref_type = ref_type;

  g_param_spec_set_qdata (pspec, column_index_quark, GUINT_TO_POINTER (info->columns->len + 1));
  g_array_append_val (info->columns, column);
}

static const char *
table_of_type (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return CLW_RECORD_CLASS (klass)->table_name;
}

static void
build_sql (GType     type,
           TypeInfo *info)
{
  const char *table = table_of_type (type);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autoptr(GString) differs = g_string_new (NULL);

  for (guint i = 0; i < info->columns->len; i++)
    {
      const ClwColumn *c = &g_array_index (info->columns, ClwColumn, i);

      g_string_append_printf (names, "%s%s", i ? ", " : "", c->name);
      g_string_append_printf (params, "%s?%u", i ? ", " : "", i + 1);
      if (i > 0)
        g_string_append_printf (sets, "%s%s = ?%u", i > 1 ? ", " : "", c->name, i + 1);
      /* A change to the data, not to who or when: metadata alone is not a change. */
      if (!(c->flags & CLW_COLUMN_METADATA))
        g_string_append_printf (differs, "%s%s IS NOT ?%u", differs->len ? " OR " : "", c->name, i + 1);
    }

  info->select_sql = g_strdup_printf ("SELECT %s FROM %s", names->str, table);
  info->insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, names->str, params->str);
  info->update_sql = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1 AND (%s)",
                                      table, sets->str, differs->len ? differs->str : "0");
  info->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  info->exists_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  info->created_sql = g_strdup_printf ("SELECT created_at FROM %s WHERE id = ?1", table);
}

static TypeInfo *
type_info_get (GType type)
{
  TypeInfo *info = type_info_peek (type);

  if (info == NULL)
    {
      /* The class declares its columns in class_init, which has not run
       * when no object of the type was made yet (a reference check names
       * the table it points to): run it. */
      g_type_class_unref (g_type_class_ref (type));
      info = type_info_peek (type);
    }

  g_assert (info != NULL);
  if (g_once_init_enter (&info->select_sql))
    {
      char *select_sql;

      build_sql (type, info);
      select_sql = info->select_sql;
      info->select_sql = NULL;
      g_once_init_leave (&info->select_sql, select_sql);
    }

  return info;
}

const ClwColumn *
clw_record_class_get_columns (ClwRecordClass *klass,
                              guint          *n_columns)
{
  TypeInfo *info = type_info_get (G_TYPE_FROM_CLASS (klass));

  if (n_columns != NULL)
    *n_columns = info->columns->len;
  return (const ClwColumn *) (gpointer) info->columns->data;
}

const ClwColumn *
clw_record_class_find_column (ClwRecordClass *klass,
                              const char     *property_name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property_name);
  TypeInfo *info = type_info_get (G_TYPE_FROM_CLASS (klass));
  guint index;

  if (pspec == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_param_spec_get_qdata (pspec, column_index_quark));
  if (index == 0)
    return NULL;

  return &g_array_index (info->columns, ClwColumn, index - 1);
}

static const struct
{
  const char *table;
  const char *label;
} table_labels[] = {
  { "action_item", NC_("record", "action") },
  { "agenda_item", NC_("record", "agenda item") },
  { "attendance", NC_("record", "attendance") },
  { "buddy_arrangement", NC_("record", "buddy arrangement") },
  { "buddy_engagement", NC_("record", "buddy engagement") },
  { "cluster", NC_("record", "cluster") },
  { "collaborative", NC_("record", "collaborative") },
  { "cycle", NC_("record", "QAIF cycle") },
  { "evidence", NC_("record", "evidence") },
  { "evidence_requirement", NC_("record", "evidence requirement") },
  { "health_board", NC_("record", "health board") },
  { "imtp_contribution", NC_("record", "IMTP contribution") },
  { "imtp_section", NC_("record", "IMTP section") },
  { "imtp_workforce", NC_("record", "IMTP workforce count") },
  { "indicator", NC_("record", "indicator") },
  { "meeting", NC_("record", "meeting") },
  { "pcpg", NC_("record", "pan cluster planning group") },
  { "practice", NC_("record", "practice") },
  { "representation", NC_("record", "representation request") },
};

const char *
clw_record_table_to_label (const char *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table_labels); i++)
    if (g_str_equal (table_labels[i].table, table))
      return g_dpgettext2 (NULL, "record", table_labels[i].label);
  return table;
}

const char *
clw_record_type_get_table (GType type)
{
  return table_of_type (type);
}

/* Values --------------------------------------------------------------------- */

static inline gboolean
is_string_enum (const ClwColumn *column)
{
  return column->kind == CLW_COLUMN_ENUM && column->pspec->value_type == G_TYPE_STRING;
}

static GValue *
ensure_values (ClwRecord *self)
{
  ClwRecordPrivate *priv = clw_record_get_instance_private (self);

  if (priv->values == NULL)
    {
      TypeInfo *info = type_info_get (G_OBJECT_TYPE (self));

      priv->n_values = info->columns->len;
      priv->values = g_new0 (GValue, priv->n_values);
      for (guint i = 0; i < priv->n_values; i++)
        {
          GParamSpec *pspec = g_array_index (info->columns, ClwColumn, i).pspec;
          g_value_init (&priv->values[i], pspec->value_type);
          g_param_value_set_default (pspec, &priv->values[i]);
        }
    }

  return priv->values;
}

static guint
index_of_pspec (GParamSpec *pspec)
{
  guint index = GPOINTER_TO_UINT (g_param_spec_get_qdata (pspec, column_index_quark));

  g_assert (index > 0);
  return index - 1;
}

static GValue *
value_for_property_id (ClwRecord *self,
                       guint      property_id)
{
  TypeInfo *info = type_info_get (G_OBJECT_TYPE (self));
  GValue *values = ensure_values (self);
  guint index = info->n_base + property_id - 1;

  g_assert (index < info->columns->len);
  return &values[index];
}

const char *
clw_record_get_string (ClwRecord *self,
                       guint      property_id)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), NULL);

  return g_value_get_string (value_for_property_id (self, property_id));
}

gint64
clw_record_get_integer (ClwRecord *self,
                        guint      property_id)
{
  GValue *value;

  g_return_val_if_fail (CLW_IS_RECORD (self), 0);

  value = value_for_property_id (self, property_id);
  return G_VALUE_HOLDS_INT64 (value) ? g_value_get_int64 (value) : g_value_get_int (value);
}

double
clw_record_get_real (ClwRecord *self,
                     guint      property_id)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), 0.0);

  return g_value_get_double (value_for_property_id (self, property_id));
}

gboolean
clw_record_get_boolean (ClwRecord *self,
                        guint      property_id)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), FALSE);

  return g_value_get_boolean (value_for_property_id (self, property_id));
}

int
clw_record_get_enum (ClwRecord *self,
                     guint      property_id)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), 0);

  return g_value_get_enum (value_for_property_id (self, property_id));
}

static const char *
get_base_string (ClwRecord *self,
                 guint      prop_id)
{
  return g_value_get_string (&ensure_values (self)[prop_id - 1]);
}

const char *
clw_record_get_id (ClwRecord *self)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), NULL);

  return get_base_string (self, PROP_ID);
}

void
clw_record_set_id (ClwRecord  *self,
                   const char *id)
{
  g_return_if_fail (CLW_IS_RECORD (self));

  g_object_set (self, "id", id, NULL);
}

const char *
clw_record_get_created_at (ClwRecord *self)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), NULL);

  return get_base_string (self, PROP_CREATED_AT);
}

const char *
clw_record_get_updated_at (ClwRecord *self)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), NULL);

  return get_base_string (self, PROP_UPDATED_AT);
}

const char *
clw_record_get_updated_by (ClwRecord *self)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), NULL);

  return get_base_string (self, PROP_UPDATED_BY);
}

void
clw_record_set_value (ClwRecord    *self,
                      const char   *property_name,
                      const GValue *value)
{
  g_return_if_fail (CLW_IS_RECORD (self));

  g_object_set_property (G_OBJECT (self), property_name, value);
}

/* Text forms ------------------------------------------------------------------ */

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
clw_date_is_valid (const char *text)
{
  guint64 y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return FALSE;

  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  return y >= 1900 && y <= 2200 && g_date_valid_dmy (d, m, y);
}

gboolean
clw_datetime_is_valid (const char *text)
{
  guint64 hh, mm;
  g_autofree char *date = NULL;

  if (text == NULL || strlen (text) != 16 || text[10] != 'T' || text[13] != ':')
    return FALSE;
  if (!all_digits (text + 11, 2) || !all_digits (text + 14, 2))
    return FALSE;

  date = g_strndup (text, 10);
  hh = g_ascii_strtoull (text + 11, NULL, 10);
  mm = g_ascii_strtoull (text + 14, NULL, 10);
  return clw_date_is_valid (date) && hh < 24 && mm < 60;
}

static gboolean
timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || strlen (text) < 20 || !g_str_has_suffix (text, "Z"))
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

GDate *
clw_date_parse (const char *text)
{
  if (text == NULL || strlen (text) < 10)
    return NULL;

  {
    g_autofree char *date = g_strndup (text, 10);
    if (!clw_date_is_valid (date))
      return NULL;
    return g_date_new_dmy (g_ascii_strtoull (date + 8, NULL, 10),
                           g_ascii_strtoull (date + 5, NULL, 10),
                           g_ascii_strtoull (date, NULL, 10));
  }
}

char *
clw_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
clw_date_format_display (const char *iso)
{
  g_autoptr(GDate) date = clw_date_parse (iso);

  if (date == NULL)
    return g_strdup (iso != NULL ? iso : "");

  /* A date has no time zone; clw_date_format() takes it at noon UTC, which
   * also spares g_date_time_new_local() reloading the local time zone on
   * every call when TZ is unset. */
  /* TRANSLATORS: a date as in "12 Jan 2022"; see g_date_time_format(). %b
   * is the "abbreviated month" translated in this catalogue. */
  /* xgettext:no-c-format */
  return clw_date_format (date, _("%-d %b %Y"));
}

static char *
real_to_string (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest form that reads back as the same number. */
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return g_strdup (buf);
}

char *
clw_record_dup_string (ClwRecord       *self,
                       const ClwColumn *column)
{
  GValue *value = &ensure_values (self)[index_of_pspec (column->pspec)];

  switch (column->kind)
    {
    case CLW_COLUMN_INTEGER:
      if (G_VALUE_HOLDS_INT64 (value))
        return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
      return g_strdup_printf ("%d", g_value_get_int (value));

    case CLW_COLUMN_REAL:
      return real_to_string (g_value_get_double (value));

    case CLW_COLUMN_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? "true" : "false");

    case CLW_COLUMN_ENUM:
      if (is_string_enum (column))
        return g_value_dup_string (value);
      return g_strdup (clw_enum_to_nick (G_VALUE_TYPE (value), g_value_get_enum (value)));

    case CLW_COLUMN_TEXT:
    case CLW_COLUMN_DATE:
    case CLW_COLUMN_DATETIME:
    case CLW_COLUMN_TIMESTAMP:
    case CLW_COLUMN_REFERENCE:
    default:
      return g_value_dup_string (value);
    }
}

static const char *
column_label (const ClwColumn *column)
{
  return _(g_param_spec_get_nick (column->pspec));
}

gboolean
clw_record_set_from_string (ClwRecord        *self,
                            const ClwColumn  *column,
                            const char       *text,
                            GError          **error)
{
  GValue *value = &ensure_values (self)[index_of_pspec (column->pspec)];
  GParamSpec *pspec = column->pspec;

  switch (column->kind)
    {
    case CLW_COLUMN_INTEGER:
      {
        gint64 n;
        gint64 min = G_IS_PARAM_SPEC_INT (pspec) ? G_PARAM_SPEC_INT (pspec)->minimum : G_MININT64;
        gint64 max = G_IS_PARAM_SPEC_INT (pspec) ? G_PARAM_SPEC_INT (pspec)->maximum : G_MAXINT64;

        if (text == NULL || !g_ascii_string_to_signed (text, 10, min, max, &n, NULL))
          {
            g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                         _("The %s must be a whole number from %lld"
                           " to %lld, not “%s”."),
                         column_label (column), (long long) min, (long long) max, text ? text : "");
            return FALSE;
          }
        if (G_VALUE_HOLDS_INT64 (value))
          g_value_set_int64 (value, n);
        else
          g_value_set_int (value, (int) n);
      }
      break;

    case CLW_COLUMN_REAL:
      {
        char *end = NULL;
        double d = text ? g_ascii_strtod (text, &end) : 0.0;
        GParamSpecDouble *ds = G_PARAM_SPEC_DOUBLE (pspec);

        if (text == NULL || *text == '\0' || *end != '\0' || d < ds->minimum || d > ds->maximum)
          {
            g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                         _("The %s must be a number from %g to %g, not “%s”."),
                         column_label (column), ds->minimum, ds->maximum, text ? text : "");
            return FALSE;
          }
        g_value_set_double (value, d);
      }
      break;

    case CLW_COLUMN_BOOLEAN:
      if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
        g_value_set_boolean (value, TRUE);
      else if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
        g_value_set_boolean (value, FALSE);
      else
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                       _("The %s must be true or false, not “%s”."),
                       column_label (column), text ? text : "");
          return FALSE;
        }
      break;

    case CLW_COLUMN_ENUM:
      {
        GType enum_type = is_string_enum (column) ? column->ref_type : G_VALUE_TYPE (value);
        int v;

        if (is_string_enum (column) && (text == NULL || *text == '\0'))
          {
            g_value_set_string (value, NULL);
            break;
          }
        if (!clw_enum_from_nick (enum_type, text, &v))
          {
            g_autofree char *accepted = clw_enum_list_nicks (enum_type);
            g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                         _("The %s must be one of %s, not “%s”."),
                         column_label (column), accepted, text ? text : "");
            return FALSE;
          }
        if (is_string_enum (column))
          g_value_set_string (value, text);
        else
          g_value_set_enum (value, v);
      }
      break;

    case CLW_COLUMN_TEXT:
    case CLW_COLUMN_DATE:
    case CLW_COLUMN_DATETIME:
    case CLW_COLUMN_TIMESTAMP:
    case CLW_COLUMN_REFERENCE:
    default:
      g_value_set_string (value, text);
      break;
    }

  return TRUE;
}

/* GObject ------------------------------------------------------------------- */

static void
clw_record_finalize (GObject *object)
{
  ClwRecord *self = (ClwRecord *) object;
  ClwRecordPrivate *priv = clw_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < priv->n_values; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (clw_record_parent_class)->finalize (object);
}

static void
clw_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ClwRecord *self = CLW_RECORD (object);

  g_value_copy (&ensure_values (self)[index_of_pspec (pspec)], value);
}

static void
clw_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ClwRecord *self = CLW_RECORD (object);

  g_value_copy (value, &ensure_values (self)[index_of_pspec (pspec)]);
}

static char *
clw_record_real_describe (ClwRecord *self)
{
  return g_strdup_printf ("%s %s", CLW_RECORD_GET_CLASS (self)->table_name,
                          clw_record_get_id (self) ? clw_record_get_id (self) : "");
}

static void
clw_record_class_init (ClwRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_record_finalize;
  object_class->get_property = clw_record_get_property;
  object_class->set_property = clw_record_set_property;

  klass->describe = clw_record_real_describe;
  klass->order_by = "id";

  type_info_quark = g_quark_from_static_string ("clw-record-type-info");
  column_index_quark = g_quark_from_static_string ("clw-record-column-index");

  properties[PROP_ID] =
    g_param_spec_string ("id", N_("id"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", N_("creation time"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", N_("time of the last change"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", N_("author of the last change"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  clw_record_class_install_column (klass, PROP_ID, properties[PROP_ID],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_METADATA, G_TYPE_INVALID);
  clw_record_class_install_column (klass, PROP_CREATED_AT, properties[PROP_CREATED_AT],
                                   CLW_COLUMN_TIMESTAMP, CLW_COLUMN_METADATA, G_TYPE_INVALID);
  clw_record_class_install_column (klass, PROP_UPDATED_AT, properties[PROP_UPDATED_AT],
                                   CLW_COLUMN_TIMESTAMP, CLW_COLUMN_METADATA, G_TYPE_INVALID);
  clw_record_class_install_column (klass, PROP_UPDATED_BY, properties[PROP_UPDATED_BY],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_METADATA, G_TYPE_INVALID);
}

static void
clw_record_init (ClwRecord *self)
{
}

/* Creating and copying ---------------------------------------------------------- */

ClwRecord *
clw_record_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, CLW_TYPE_RECORD), NULL);

  return g_object_new (type, NULL);
}

ClwRecord *
clw_record_copy (ClwRecord *self)
{
  ClwRecord *copy;
  GValue *src;
  GValue *dst;
  ClwRecordPrivate *priv;

  g_return_val_if_fail (CLW_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  src = ensure_values (self);
  dst = ensure_values (copy);
  priv = clw_record_get_instance_private (self);
  for (guint i = 0; i < priv->n_values; i++)
    g_value_copy (&src[i], &dst[i]);

  return copy;
}

char *
clw_record_describe (ClwRecord *self)
{
  g_return_val_if_fail (CLW_IS_RECORD (self), NULL);

  return CLW_RECORD_GET_CLASS (self)->describe (self);
}

/* Validation ----------------------------------------------------------------- */

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
clw_record_exists (ClwDatabase *db,
                   GType        type,
                   const char  *id)
{
  /* The columns are installed by class_init: a type never used before
   * (a meeting looked up by id on the command line) needs its class. */
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  TypeInfo *info = type_info_get (type);
  g_autoptr(ClwStmt) stmt = NULL;

  if (id == NULL)
    return FALSE;

  stmt = _clw_database_prepare (db, info->exists_sql, NULL);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
validate_columns (ClwRecord    *self,
                  ClwDatabase  *db,
                  GError      **error)
{
  TypeInfo *info = type_info_get (G_OBJECT_TYPE (self));
  GValue *values = ensure_values (self);

  for (guint i = 0; i < info->columns->len; i++)
    {
      const ClwColumn *c = &g_array_index (info->columns, ClwColumn, i);
      const char *text;
      gboolean ok = TRUE;

      if (!G_VALUE_HOLDS_STRING (&values[i]))
        continue;

      text = g_value_get_string (&values[i]);

      if (text_is_blank (text))
        {
          if (c->flags & CLW_COLUMN_REQUIRED)
            {
              g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                           _("The %s is required."), column_label (c));
              return FALSE;
            }
          continue;
        }

      /* Bytes are at least as many as characters: count only when needed. */
      if (strlen (text) > CLW_RECORD_MAX_TEXT_LENGTH)
        {
          glong length = g_utf8_strlen (text, -1);

          if (length > CLW_RECORD_MAX_TEXT_LENGTH)
            {
              g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                           _("Text too long for the %s: %ld characters, where %d is the most it may hold."),
                           column_label (c), length, CLW_RECORD_MAX_TEXT_LENGTH);
              return FALSE;
            }
        }

      switch (c->kind)
        {
        case CLW_COLUMN_DATE:
          ok = clw_date_is_valid (text);
          if (!ok)
            g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                         _("The %s must be a date written YYYY-MM-DD, not “%s”."),
                         column_label (c), text);
          break;

        case CLW_COLUMN_DATETIME:
          ok = clw_datetime_is_valid (text);
          if (!ok)
            g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                         _("The %s must be a date and time written YYYY-MM-DDTHH:MM, not “%s”."),
                         column_label (c), text);
          break;

        case CLW_COLUMN_TIMESTAMP:
          ok = timestamp_is_valid (text);
          if (!ok)
            g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                         _("The %s must be a UTC time written YYYY-MM-DDTHH:MM:SSZ, not “%s”."),
                         column_label (c), text);
          break;

        case CLW_COLUMN_REFERENCE:
          if (!clw_is_uuid (text))
            {
              ok = FALSE;
              g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                           _("The %s must be an id (a UUID), not “%s”."), column_label (c), text);
            }
          else if (!clw_record_exists (db, c->ref_type, text))
            {
              ok = FALSE;
              g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                           _("The %s refers to %s, which does not exist."), column_label (c), text);
            }
          break;

        case CLW_COLUMN_TEXT:
          if (c->pspec == properties[PROP_ID] && !clw_is_uuid (text))
            {
              ok = FALSE;
              g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                           _("The id must be a UUID, not “%s”."), text);
            }
          break;

        case CLW_COLUMN_ENUM:
          if (!clw_enum_from_nick (c->ref_type, text, NULL))
            {
              g_autofree char *accepted = clw_enum_list_nicks (c->ref_type);
              ok = FALSE;
              g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                           _("The %s must be one of %s, not “%s”."),
                           column_label (c), accepted, text);
            }
          break;

        case CLW_COLUMN_INTEGER:
        case CLW_COLUMN_REAL:
        case CLW_COLUMN_BOOLEAN:
        default:
          break;
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
prefix_error (ClwRecord  *self,
              GError    **error)
{
  if (error != NULL && *error != NULL)
    {
      g_autofree char *what = clw_record_describe (self);
      g_prefix_error (error, "%s: ", what);
    }
  return FALSE;
}

gboolean
clw_record_validate (ClwRecord    *self,
                     ClwDatabase  *db,
                     GError      **error)
{
  ClwRecordClass *klass;

  g_return_val_if_fail (CLW_IS_RECORD (self), FALSE);

  klass = CLW_RECORD_GET_CLASS (self);
  if (!validate_columns (self, db, error))
    return prefix_error (self, error);
  if (klass->validate != NULL && !klass->validate (self, db, error))
    return prefix_error (self, error);

  return TRUE;
}

/* Writing -------------------------------------------------------------------- */

static void
bind_values (ClwRecord *self,
             ClwStmt   *stmt)
{
  TypeInfo *info = type_info_get (G_OBJECT_TYPE (self));
  GValue *values = ensure_values (self);

  for (guint i = 0; i < info->columns->len; i++)
    {
      const ClwColumn *c = &g_array_index (info->columns, ClwColumn, i);
      GValue *v = &values[i];
      int index = i + 1;

      switch (c->kind)
        {
        case CLW_COLUMN_INTEGER:
          sqlite3_bind_int64 (stmt, index, G_VALUE_HOLDS_INT64 (v) ? g_value_get_int64 (v)
                                                                   : g_value_get_int (v));
          break;

        case CLW_COLUMN_REAL:
          sqlite3_bind_double (stmt, index, g_value_get_double (v));
          break;

        case CLW_COLUMN_BOOLEAN:
          sqlite3_bind_int (stmt, index, g_value_get_boolean (v) ? 1 : 0);
          break;

        case CLW_COLUMN_ENUM:
          if (is_string_enum (c))
            {
              const char *text = g_value_get_string (v);
              _clw_bind_text (stmt, index, text != NULL && *text != '\0' ? text : NULL);
            }
          else
            _clw_bind_text (stmt, index, clw_enum_to_nick (G_VALUE_TYPE (v), g_value_get_enum (v)));
          break;

        case CLW_COLUMN_TEXT:
        case CLW_COLUMN_DATE:
        case CLW_COLUMN_DATETIME:
        case CLW_COLUMN_TIMESTAMP:
        case CLW_COLUMN_REFERENCE:
        default:
          {
            const char *text = g_value_get_string (v);
            /* An empty optional date or reference is NULL, not ""; text
             * is never NULL, so that files and the database agree. */
            if (text != NULL && *text == '\0' && c->kind != CLW_COLUMN_TEXT)
              text = NULL;
            else if (text == NULL && c->kind == CLW_COLUMN_TEXT)
              text = "";
            _clw_bind_text (stmt, index, text);
          }
          break;
        }
    }
}

static void
stamp (ClwRecord     *self,
       ClwDatabase   *db,
       gboolean       creating,
       ClwWriteFlags  flags)
{
  GValue *values = ensure_values (self);
  gboolean keep = (flags & CLW_WRITE_KEEP_METADATA) != 0;
  g_autofree char *now = clw_timestamp_now ();

  if (g_value_get_string (&values[PROP_ID - 1]) == NULL)
    g_value_take_string (&values[PROP_ID - 1], clw_uuid_new ());

  /* A new row is created now, unless a document being imported says when;
   * a row that is updated keeps the time it was created (the caller reads
   * the stored one when the record does not carry it). */
  if (creating && (!keep || g_value_get_string (&values[PROP_CREATED_AT - 1]) == NULL))
    g_value_set_string (&values[PROP_CREATED_AT - 1], now);

  if (!keep ||
      g_value_get_string (&values[PROP_UPDATED_AT - 1]) == NULL ||
      g_value_get_string (&values[PROP_UPDATED_BY - 1]) == NULL)
    {
      g_value_set_string (&values[PROP_UPDATED_AT - 1], now);
      g_value_set_string (&values[PROP_UPDATED_BY - 1], clw_database_get_user (db));
    }
}

/* The creation time of the stored row, or NULL. */
static char *
stored_created_at (ClwRecord   *self,
                   ClwDatabase *db)
{
  TypeInfo *info = type_info_get (G_OBJECT_TYPE (self));
  g_autoptr(ClwStmt) stmt = _clw_database_prepare (db, info->created_sql, NULL);

  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, clw_record_get_id (self));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return _clw_column_dup (stmt, 0);
  return NULL;
}

/* Whether stamp() would change anything: rows written with the metadata
 * they carry (imports, sync, the demo) need no copy to stamp. */
static gboolean
needs_stamp (ClwRecord     *self,
             ClwWriteFlags  flags)
{
  GValue *values = ensure_values (self);

  return g_value_get_string (&values[PROP_ID - 1]) == NULL ||
         !(flags & CLW_WRITE_KEEP_METADATA) ||
         g_value_get_string (&values[PROP_CREATED_AT - 1]) == NULL ||
         g_value_get_string (&values[PROP_UPDATED_AT - 1]) == NULL ||
         g_value_get_string (&values[PROP_UPDATED_BY - 1]) == NULL;
}

static gboolean
write_row (ClwRecord      *self,
           ClwDatabase    *db,
           const char     *sql,
           gboolean        creating,
           ClwWriteFlags   flags,
           gboolean       *changed,
           GError        **error)
{
  g_autoptr(ClwRecord) stamped = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  /* Stamp a copy, so that the caller's record is unchanged when the write
   * fails; with nothing to stamp, the record is written as it is. */
  if (needs_stamp (self, flags))
    {
      stamped = clw_record_copy (self);

      if (!creating && clw_record_get_created_at (stamped) == NULL)
        {
          GValue *values = ensure_values (stamped);
          g_value_take_string (&values[PROP_CREATED_AT - 1], stored_created_at (stamped, db));
        }

      stamp (stamped, db, creating, flags);
    }
  else
    stamped = g_object_ref (self);

  if (!(flags & CLW_WRITE_SKIP_RULES) && !clw_record_validate (stamped, db, error))
    return FALSE;

  stmt = _clw_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stamped, stmt);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          g_autofree char *what = clw_record_describe (stamped);
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_DUPLICATE,
                       _("%s: this conflicts with what is stored already (%s)."),
                       what, sqlite3_errmsg (_clw_database_get_handle (db)));
          return FALSE;
        }
      return _clw_database_set_error (db, rc, _("saving"), error);
    }

  *changed = sqlite3_changes (_clw_database_get_handle (db)) > 0;
  if (*changed && creating &&
      !_clw_database_audit_bulk_insert (db, clw_record_type_get_table (G_OBJECT_TYPE (stamped)),
                                        clw_record_get_id (stamped), error))
    return FALSE;

  if (*changed && stamped != self)
    {
      /* The caller's record now says what is stored. */
      GValue *src = ensure_values (stamped);
      GValue *dst = ensure_values (self);
      ClwRecordPrivate *priv = clw_record_get_instance_private (self);

      g_object_freeze_notify (G_OBJECT (self));
      for (guint i = 0; i < priv->n_values; i++)
        g_value_copy (&src[i], &dst[i]);
      g_object_thaw_notify (G_OBJECT (self));
    }

  return TRUE;
}

static gboolean
write_in_transaction (ClwRecord        *self,
                      ClwDatabase      *db,
                      ClwWriteFlags     flags,
                      int               mode,   /* 0 insert, 1 update, 2 upsert */
                      ClwWriteOutcome  *outcome,
                      GError          **error)
{
  TypeInfo *info;
  gboolean changed = FALSE;
  gboolean nested;
  gboolean ok;

  g_return_val_if_fail (CLW_IS_RECORD (self), FALSE);
  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);

  info = type_info_get (G_OBJECT_TYPE (self));

  /* One row is one statement, after checks that only read: SQLite undoes a
   * failed statement by itself, so inside a transaction a savepoint would
   * add nothing but its cost (and a flush of the search index). */
  nested = clw_database_in_transaction (db);
  if (!nested && !clw_database_begin (db, error))
    return FALSE;

  if (mode == 2)
    mode = clw_record_exists (db, G_OBJECT_TYPE (self), clw_record_get_id (self)) ? 1 : 0;

  if (mode == 0)
    {
      ok = write_row (self, db, info->insert_sql, TRUE, flags, &changed, error);
    }
  else
    {
      if (!clw_record_exists (db, G_OBJECT_TYPE (self), clw_record_get_id (self)))
        {
          g_autofree char *what = clw_record_describe (self);
          g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                       _("%s no longer exists: it may have been deleted."), what);
          ok = FALSE;
        }
      else
        ok = write_row (self, db, info->update_sql, FALSE, flags, &changed, error);
    }

  if (!ok)
    {
      if (!nested)
        clw_database_rollback (db);
      return FALSE;
    }

  if (outcome != NULL)
    *outcome = mode == 0 ? CLW_WRITE_OUTCOME_INSERTED
                         : changed ? CLW_WRITE_OUTCOME_UPDATED : CLW_WRITE_OUTCOME_UNCHANGED;

  return nested || clw_database_commit (db, error);
}

gboolean
clw_record_insert (ClwRecord      *self,
                   ClwDatabase    *db,
                   ClwWriteFlags   flags,
                   GError        **error)
{
  return write_in_transaction (self, db, flags, 0, NULL, error);
}

gboolean
clw_record_update (ClwRecord      *self,
                   ClwDatabase    *db,
                   ClwWriteFlags   flags,
                   GError        **error)
{
  return write_in_transaction (self, db, flags, 1, NULL, error);
}

gboolean
clw_record_upsert (ClwRecord      *self,
                   ClwDatabase    *db,
                   ClwWriteFlags   flags,
                   GError        **error)
{
  return write_in_transaction (self, db, flags, 2, NULL, error);
}

gboolean
_clw_record_write (ClwRecord        *self,
                   ClwDatabase      *db,
                   ClwWriteFlags     flags,
                   ClwWriteOutcome  *outcome,
                   GError          **error)
{
  return write_in_transaction (self, db, flags, 2, outcome, error);
}

gboolean
clw_record_delete (ClwRecord    *self,
                   ClwDatabase  *db,
                   GError      **error)
{
  ClwRecordClass *klass;
  TypeInfo *info;
  g_autoptr(ClwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CLW_IS_RECORD (self), FALSE);
  g_return_val_if_fail (CLW_IS_DATABASE (db), FALSE);

  klass = CLW_RECORD_GET_CLASS (self);
  info = type_info_get (G_OBJECT_TYPE (self));

  if (!clw_database_begin (db, error))
    return FALSE;

  if (klass->validate_delete != NULL && !klass->validate_delete (self, db, error))
    {
      prefix_error (self, error);
      clw_database_rollback (db);
      return FALSE;
    }

  stmt = _clw_database_prepare (db, info->delete_sql, error);
  if (stmt == NULL)
    {
      clw_database_rollback (db);
      return FALSE;
    }
  _clw_bind_text (stmt, 1, clw_record_get_id (self));
  rc = sqlite3_step (stmt);
  g_clear_pointer (&stmt, _clw_stmt_release);
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("deleting"), error);
      clw_database_rollback (db);
      return FALSE;
    }

  return clw_database_commit (db, error);
}

/* Reading -------------------------------------------------------------------- */

static ClwRecord *
record_from_row (GType    type,
                 TypeInfo *info,
                 ClwStmt *stmt)
{
  ClwRecord *record = g_object_new (type, NULL);
  GValue *values = ensure_values (record);

  for (guint i = 0; i < info->columns->len; i++)
    {
      const ClwColumn *c = &g_array_index (info->columns, ClwColumn, i);
      GValue *v = &values[i];
      gboolean is_null = sqlite3_column_type (stmt, i) == SQLITE_NULL;

      switch (c->kind)
        {
        case CLW_COLUMN_INTEGER:
          if (G_VALUE_HOLDS_INT64 (v))
            g_value_set_int64 (v, sqlite3_column_int64 (stmt, i));
          else
            g_value_set_int (v, sqlite3_column_int (stmt, i));
          break;

        case CLW_COLUMN_REAL:
          g_value_set_double (v, sqlite3_column_double (stmt, i));
          break;

        case CLW_COLUMN_BOOLEAN:
          g_value_set_boolean (v, sqlite3_column_int (stmt, i) != 0);
          break;

        case CLW_COLUMN_ENUM:
          if (is_string_enum (c))
            g_value_set_string (v, is_null ? NULL : _clw_column_text (stmt, i));
          else
            {
              int e;
              if (!is_null && clw_enum_from_nick (G_VALUE_TYPE (v), _clw_column_text (stmt, i), &e))
                g_value_set_enum (v, e);
            }
          break;

        case CLW_COLUMN_TEXT:
        case CLW_COLUMN_DATE:
        case CLW_COLUMN_DATETIME:
        case CLW_COLUMN_TIMESTAMP:
        case CLW_COLUMN_REFERENCE:
        default:
          g_value_set_string (v, is_null ? NULL : _clw_column_text (stmt, i));
          break;
        }
    }

  return record;
}

ClwRecord *
clw_record_load (ClwDatabase  *db,
                 GType         type,
                 const char   *id,
                 GError      **error)
{
  const char *params[] = { id, NULL };
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  store = clw_record_list (db, type, "id = ?", params, error);
  if (store == NULL)
    return NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no %s with the id %s."),
                   clw_record_table_to_label (clw_record_type_get_table (type)), id);
      return NULL;
    }

  return g_list_model_get_item (G_LIST_MODEL (store), 0);
}

GListStore *
clw_record_list (ClwDatabase  *db,
                 GType         type,
                 const char   *where,
                 const char  **params,
                 GError      **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ClwStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *order_by;
  TypeInfo *info;
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (g_type_is_a (type, CLW_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  info = type_info_get (type);

  order_by = CLW_RECORD_CLASS (klass)->order_by;
  sql = g_strdup_printf ("%s%s%s ORDER BY %s%s", info->select_sql,
                         where ? " WHERE " : "", where ? where : "", order_by,
                         g_str_equal (order_by, "id") || g_str_has_suffix (order_by, ", id") ? "" : ", id");
  stmt = _clw_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    _clw_bind_text (stmt, i + 1, params[i]);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, record_from_row (type, info, stmt));
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("reading"), error);
      return NULL;
    }

  store = g_list_store_new (type);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return g_steal_pointer (&store);
}
