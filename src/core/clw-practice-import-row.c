/* clw-practice-import-row.c: what importing one row of a practice list will do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-practice-import"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-enums.h"
#include "clw-practice-import-private.h"
#include "clw-practice-import-row.h"

struct _ClwPracticeImportRow
{
  GObject          parent_instance;

  guint            row;
  ClwImportAction  action;
  char            *code;
  char            *name;
  char            *cluster_id;
  char            *cluster_label;
  char            *summary;
  GPtrArray       *reasons;     /* of char*, NULL-terminated when not empty */
  GArray          *changes;     /* of ClwPracticeImportChange */
  ClwPractice     *existing;    /* owned, NULL for a new practice */
  ClwPractice     *proposed;    /* owned, NULL when rejected */
};

G_DEFINE_FINAL_TYPE (ClwPracticeImportRow, clw_practice_import_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  PROP_ACTION,
  PROP_CODE,
  PROP_NAME,
  PROP_CLUSTER_ID,
  PROP_CLUSTER_LABEL,
  PROP_PRACTICE_ID,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_clear (gpointer data)
{
  ClwPracticeImportChange *change = data;

  g_free (change->label);
  g_free (change->old_value);
  g_free (change->new_value);
}

static void
update_summary (ClwPracticeImportRow *self)
{
  g_autoptr(GString) str = g_string_new (NULL);

  switch (self->action)
    {
    case CLW_IMPORT_ACTION_REJECTED:
      for (guint i = 0; i < self->reasons->len && self->reasons->pdata[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (str, ' ');
          g_string_append (str, self->reasons->pdata[i]);
        }
      break;

    case CLW_IMPORT_ACTION_CHANGE:
      for (guint i = 0; i < self->changes->len; i++)
        {
          const ClwPracticeImportChange *c = &g_array_index (self->changes, ClwPracticeImportChange, i);

          if (i > 0)
            g_string_append (str, "; ");
          /* TRANSLATORS: a field that changes: "registered list size: 8400 → 8512" */
          g_string_append_printf (str, _("%s: %s → %s"), c->label, c->old_value, c->new_value);
        }
      break;

    case CLW_IMPORT_ACTION_ADD:
      g_string_append_printf (str, _("New practice in %s"), self->cluster_label);
      break;

    case CLW_IMPORT_ACTION_UNCHANGED:
    default:
      g_string_append (str, _("Already up to date"));
      break;
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&str), FALSE);
}

static void
clw_practice_import_row_finalize (GObject *object)
{
  ClwPracticeImportRow *self = (ClwPracticeImportRow *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->cluster_id);
  g_free (self->cluster_label);
  g_free (self->summary);
  g_ptr_array_unref (self->reasons);
  g_array_unref (self->changes);
  g_clear_object (&self->existing);
  g_clear_object (&self->proposed);

  G_OBJECT_CLASS (clw_practice_import_row_parent_class)->finalize (object);
}

static void
clw_practice_import_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ClwPracticeImportRow *self = CLW_PRACTICE_IMPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint (value, self->row);
      break;
    case PROP_ACTION:
      g_value_set_enum (value, self->action);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CLUSTER_ID:
      g_value_set_string (value, self->cluster_id);
      break;
    case PROP_CLUSTER_LABEL:
      g_value_set_string (value, self->cluster_label);
      break;
    case PROP_PRACTICE_ID:
      g_value_set_string (value, clw_practice_import_row_get_practice_id (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_practice_import_row_class_init (ClwPracticeImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_practice_import_row_finalize;
  object_class->get_property = clw_practice_import_row_get_property;

  properties[PROP_ROW] =
    g_param_spec_uint ("row", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_enum ("action", NULL, NULL, CLW_TYPE_IMPORT_ACTION, CLW_IMPORT_ACTION_ADD,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_ID] =
    g_param_spec_string ("cluster-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_LABEL] =
    g_param_spec_string ("cluster-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_practice_import_row_init (ClwPracticeImportRow *self)
{
  self->action = CLW_IMPORT_ACTION_ADD;
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  self->changes = g_array_new (FALSE, TRUE, sizeof (ClwPracticeImportChange));
  g_array_set_clear_func (self->changes, change_clear);
}

/* For ClwPracticeImport ------------------------------------------------------ */

ClwPracticeImportRow *
_clw_practice_import_row_new (guint row)
{
  ClwPracticeImportRow *self = g_object_new (CLW_TYPE_PRACTICE_IMPORT_ROW, NULL);

  self->row = row;
  return self;
}

void
_clw_practice_import_row_reject (ClwPracticeImportRow *self,
                                 const char           *reason)
{
  g_return_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self));

  /* Keep the array NULL-terminated for get_reasons(). */
  if (self->reasons->len > 0)
    g_ptr_array_remove_index (self->reasons, self->reasons->len - 1);
  g_ptr_array_add (self->reasons, g_strdup (reason));
  g_ptr_array_add (self->reasons, NULL);

  self->action = CLW_IMPORT_ACTION_REJECTED;
  g_clear_object (&self->proposed);
  update_summary (self);
}

void
_clw_practice_import_row_set_read (ClwPracticeImportRow *self,
                                   const char           *code,
                                   const char           *name,
                                   const char           *cluster_id,
                                   const char           *cluster_label)
{
  g_return_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self));

  g_free (self->code);
  self->code = g_strdup (code);
  g_free (self->name);
  self->name = g_strdup (name);
  g_free (self->cluster_id);
  self->cluster_id = g_strdup (cluster_id);
  g_free (self->cluster_label);
  self->cluster_label = g_strdup (cluster_label);
}

void
_clw_practice_import_row_add_change (ClwPracticeImportRow *self,
                                     const char           *field,
                                     const char           *label,
                                     const char           *old_value,
                                     const char           *new_value)
{
  ClwPracticeImportChange change = {
    .field = g_intern_string (field),
    .label = g_strdup (label),
    .old_value = g_strdup (old_value),
    .new_value = g_strdup (new_value),
  };

  g_return_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self));

  g_array_append_val (self->changes, change);
}

void
_clw_practice_import_row_settle (ClwPracticeImportRow *self,
                                 ClwPractice          *existing,
                                 ClwPractice          *proposed)
{
  g_return_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self));
  g_return_if_fail (self->action != CLW_IMPORT_ACTION_REJECTED);

  g_set_object (&self->existing, existing);
  g_set_object (&self->proposed, proposed);

  if (existing == NULL)
    self->action = CLW_IMPORT_ACTION_ADD;
  else if (self->changes->len > 0)
    self->action = CLW_IMPORT_ACTION_CHANGE;
  else
    self->action = CLW_IMPORT_ACTION_UNCHANGED;

  update_summary (self);
}

ClwPractice *
_clw_practice_import_row_get_existing (ClwPracticeImportRow *self)
{
  return self->existing;
}

ClwPractice *
_clw_practice_import_row_get_proposed (ClwPracticeImportRow *self)
{
  return self->proposed;
}

/* Public API ------------------------------------------------------------------ */

guint
clw_practice_import_row_get_row (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), 0);

  return self->row;
}

ClwImportAction
clw_practice_import_row_get_action (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), CLW_IMPORT_ACTION_REJECTED);

  return self->action;
}

const char *
clw_practice_import_row_get_code (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), NULL);

  return self->code;
}

const char *
clw_practice_import_row_get_name (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), NULL);

  return self->name;
}

const char *
clw_practice_import_row_get_cluster_id (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), NULL);

  return self->cluster_id;
}

const char *
clw_practice_import_row_get_cluster_label (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), NULL);

  return self->cluster_label;
}

const char *
clw_practice_import_row_get_practice_id (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), NULL);

  return self->existing != NULL ? clw_record_get_id (CLW_RECORD (self->existing)) : NULL;
}

const char *
clw_practice_import_row_get_summary (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), NULL);

  return self->summary;
}

const char * const *
clw_practice_import_row_get_reasons (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), NULL);

  if (self->reasons->len == 0)
    return NULL;
  return (const char * const *) self->reasons->pdata;
}

guint
clw_practice_import_row_get_n_changes (ClwPracticeImportRow *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), 0);

  return self->changes->len;
}

const ClwPracticeImportChange *
clw_practice_import_row_get_change (ClwPracticeImportRow *self,
                                    guint                 index)
{
  g_return_val_if_fail (CLW_IS_PRACTICE_IMPORT_ROW (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);

  return &g_array_index (self->changes, ClwPracticeImportChange, index);
}

const char *
clw_import_action_to_label (ClwImportAction action)
{
  switch (action)
    {
    case CLW_IMPORT_ACTION_ADD:
      return _("Add");
    case CLW_IMPORT_ACTION_CHANGE:
      return _("Change");
    case CLW_IMPORT_ACTION_UNCHANGED:
      return _("Unchanged");
    case CLW_IMPORT_ACTION_REJECTED:
      return _("Rejected");
    default:
      return "";
    }
}
