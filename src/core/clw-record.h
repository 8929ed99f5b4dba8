/* clw-record.h: a row of a data table, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each data table has one subclass (ClwPractice for `practice`, ...). A
 * subclass declares its columns once, as properties with a column kind, and
 * ClwRecord does the rest the same way for every table: reading rows,
 * validating the generic constraints (required fields, dates, references),
 * inserting, updating and deleting inside a transaction. The subclass adds
 * the rules of the domain in its validate() vfunc. The dataset format walks
 * the same column list, so a new column is declared in one place.
 *
 * Property names are column names with '-' for '_' ("list-size" is the
 * column list_size and the XML attribute list-size).
 */

#pragma once

#include <gio/gio.h>

#include "clw-types.h"

G_BEGIN_DECLS

#define CLW_TYPE_RECORD (clw_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (ClwRecord, clw_record, CLW, RECORD, GObject)

/* The most characters a column of text holds: the dataset format carries
 * no more (data/dataset.xsd), so that every export can be imported again. */
#define CLW_RECORD_MAX_TEXT_LENGTH 100000

typedef enum
{
  CLW_COLUMN_TEXT,
  CLW_COLUMN_INTEGER,
  CLW_COLUMN_REAL,
  CLW_COLUMN_BOOLEAN,
  CLW_COLUMN_DATE,       /* "YYYY-MM-DD" */
  CLW_COLUMN_DATETIME,   /* local "YYYY-MM-DDTHH:MM" */
  CLW_COLUMN_TIMESTAMP,  /* UTC "YYYY-MM-DDTHH:MM:SS.sssZ" */
  CLW_COLUMN_ENUM,       /* stored as the value's nick */
  CLW_COLUMN_REFERENCE,  /* the id of a row of another table */
} ClwColumnKind;

typedef enum
{
  CLW_COLUMN_FLAGS_NONE     = 0,
  CLW_COLUMN_REQUIRED       = 1 << 0, /* text that may not be empty, a reference that must be set */
  CLW_COLUMN_METADATA       = 1 << 1, /* id, created-at, updated-at, updated-by */
  CLW_COLUMN_LONG           = 1 << 2, /* free text of several lines: an element, not an attribute, in files */
} ClwColumnFlags;

typedef struct
{
  GParamSpec     *pspec;     /* the property; its nick is the label */
  const char     *name;      /* the column, "list_size" */
  ClwColumnKind   kind;
  ClwColumnFlags  flags;
  GType           ref_type;  /* for references: the ClwRecord subclass pointed to */
} ClwColumn;

typedef enum
{
  CLW_WRITE_DEFAULT       = 0,
  /* Keep created-at, updated-at and updated-by as they are on the record
   * (import and sync write what the document says). */
  CLW_WRITE_KEEP_METADATA = 1 << 0,
  /* Skip the rules of the domain; only for data already checked as a
   * whole (a dataset import checks each row first and then writes). */
  CLW_WRITE_SKIP_RULES    = 1 << 1,
} ClwWriteFlags;

struct _ClwRecordClass
{
  GObjectClass parent_class;

  const char  *table_name;   /* "practice" */
  const char  *order_by;     /* SQL ORDER BY of lists and exports, "code"; rows
                              * that sort equal follow their ids, so that an
                              * export never depends on the order of writing */

  /* The rules of the domain for this row, checked inside the transaction
   * that writes it: return FALSE with a CLW_DOMAIN_ERROR that says what is
   * wrong and how to fix it. */
  gboolean   (*validate)       (ClwRecord    *self,
                                ClwDatabase  *db,
                                GError      **error);
  /* Whether this row may be deleted; FALSE with an error saying why not. */
  gboolean   (*validate_delete) (ClwRecord   *self,
                                 ClwDatabase *db,
                                 GError     **error);
  /* A short human description of the row for messages ("practice W12345"). */
  char      *(*describe)       (ClwRecord    *self);

  gpointer padding[8];
};

/* For subclasses, in class_init. */
void              clw_record_class_install_column (ClwRecordClass  *klass,
                                                   guint            property_id,
                                                   GParamSpec      *pspec,
                                                   ClwColumnKind    kind,
                                                   ClwColumnFlags   flags,
                                                   GType            ref_type);

const ClwColumn  *clw_record_class_get_columns    (ClwRecordClass  *klass,
                                                   guint           *n_columns);
const ClwColumn  *clw_record_class_find_column    (ClwRecordClass  *klass,
                                                   const char      *property_name);
const char       *clw_record_type_get_table       (GType            type);
/* What the rows of @table are called in messages ("health board" for
 * health_board), translated; @table itself for a table it does not know. */
const char       *clw_record_table_to_label       (const char      *table);
GType             clw_record_type_from_table      (const char      *table);
/* Every ClwRecord subclass, parents before the tables that refer to them. */
const GType      *clw_record_types_in_order       (guint           *n_types);

ClwRecord        *clw_record_new                  (GType            type);
ClwRecord        *clw_record_copy                 (ClwRecord       *self);

const char       *clw_record_get_id               (ClwRecord       *self);
void              clw_record_set_id               (ClwRecord       *self,
                                                   const char      *id);
const char       *clw_record_get_created_at       (ClwRecord       *self);
const char       *clw_record_get_updated_at       (ClwRecord       *self);
const char       *clw_record_get_updated_by       (ClwRecord       *self);
char             *clw_record_describe             (ClwRecord       *self);

/* Generic access by property id, for the subclasses' accessors. */
const char       *clw_record_get_string           (ClwRecord       *self,
                                                   guint            property_id);
gint64            clw_record_get_integer          (ClwRecord       *self,
                                                   guint            property_id);
double            clw_record_get_real             (ClwRecord       *self,
                                                   guint            property_id);
gboolean          clw_record_get_boolean          (ClwRecord       *self,
                                                   guint            property_id);
int               clw_record_get_enum             (ClwRecord       *self,
                                                   guint            property_id);
void              clw_record_set_value            (ClwRecord       *self,
                                                   const char      *property_name,
                                                   const GValue    *value);
/* Set a column from its text form (as stored and as written in files);
 * FALSE with CLW_DOMAIN_ERROR_INVALID when the text does not fit. */
gboolean          clw_record_set_from_string      (ClwRecord       *self,
                                                   const ClwColumn *column,
                                                   const char      *text,
                                                   GError         **error);
/* The column's text form, NULL for NULL. */
char             *clw_record_dup_string           (ClwRecord       *self,
                                                   const ClwColumn *column);

gboolean          clw_record_validate             (ClwRecord       *self,
                                                   ClwDatabase     *db,
                                                   GError         **error);

/* Writes: each runs in a transaction (a savepoint when one is open). */
gboolean          clw_record_insert               (ClwRecord       *self,
                                                   ClwDatabase     *db,
                                                   ClwWriteFlags    flags,
                                                   GError         **error);
gboolean          clw_record_update               (ClwRecord       *self,
                                                   ClwDatabase     *db,
                                                   ClwWriteFlags    flags,
                                                   GError         **error);
/* Insert, or update the row with the same id; a row with no change is not
 * written (and leaves no trace in the audit log). */
gboolean          clw_record_upsert               (ClwRecord       *self,
                                                   ClwDatabase     *db,
                                                   ClwWriteFlags    flags,
                                                   GError         **error);
gboolean          clw_record_delete               (ClwRecord       *self,
                                                   ClwDatabase     *db,
                                                   GError         **error);

/* Reads. @where is SQL from the program (never from user data) with ?
 * ? parameters, bound in order to @params (a NULL-terminated array of
 * strings; NULL elements are not allowed, use IS NULL in @where). */
ClwRecord        *clw_record_load                 (ClwDatabase     *db,
                                                   GType            type,
                                                   const char      *id,
                                                   GError         **error);
GListStore       *clw_record_list                 (ClwDatabase     *db,
                                                   GType            type,
                                                   const char      *where,
                                                   const char     **params,
                                                   GError         **error);
/* Whether a row of @type exists with this id. */
gboolean          clw_record_exists               (ClwDatabase     *db,
                                                   GType            type,
                                                   const char      *id);

/* Helpers for the subclasses' validate(). */
gboolean          clw_date_is_valid               (const char      *text);
gboolean          clw_datetime_is_valid           (const char      *text);
GDate            *clw_date_parse                  (const char      *text);
char             *clw_date_format_iso             (const GDate     *date);
/* "12 Jan 2022", in the user's language. */
char             *clw_date_format_display         (const char      *iso);

G_END_DECLS
