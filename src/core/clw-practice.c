/* clw-practice.c: a practice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-practice"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-practice.h"

#include "clw-cluster.h"

struct _ClwPractice
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwPractice, clw_practice, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLUSTER_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_PARTNERS,
  PROP_LIST_SIZE,
  PROP_SUSTAINABILITY_ISSUES,
  PROP_BRANCH_SURGERIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_practice_describe (ClwRecord *record)
{
  ClwPractice *self = CLW_PRACTICE (record);
  const char *code = clw_practice_get_code (self);

  if (clw_text_is_blank (code))
    return g_strdup (_("Practice"));

  return g_strdup_printf (_("Practice %s"), code);
}

/* A letter and five digits, as W12345. */
gboolean
clw_practice_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 6 || !g_ascii_isupper (code[0]))
    return FALSE;
  for (int i = 1; i < 6; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
clw_practice_validate (ClwRecord    *record,
                       ClwDatabase  *db,
                       GError      **error)
{
  ClwPractice *self = CLW_PRACTICE (record);
  const char *code = clw_practice_get_code (self);
  g_autoptr(ClwStmt) stmt = NULL;

  if (!clw_practice_code_is_valid (code))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The practice code must be a capital letter and five digits, "
                     "as W12345, not “%s”."), code);
      return FALSE;
    }

  stmt = _clw_database_prepare (db, "SELECT name FROM practice WHERE code = ?1 AND id IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  _clw_bind_text (stmt, 1, code);
  _clw_bind_text (stmt, 2, clw_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_DUPLICATE,
                   _("The code %s is already used by %s."), code, _clw_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

static void
clw_practice_class_init (ClwPracticeClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "practice";
  record_class->order_by = "code";
  record_class->validate = clw_practice_validate;
  record_class->describe = clw_practice_describe;

  properties[PROP_CLUSTER_ID] =
    g_param_spec_string ("cluster-id", N_("cluster"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CLUSTER_ID,
                                   properties[PROP_CLUSTER_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_REQUIRED, CLW_TYPE_CLUSTER);
  properties[PROP_CODE] =
    g_param_spec_string ("code", N_("practice code"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CODE,
                                   properties[PROP_CODE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("name"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NAME,
                                   properties[PROP_NAME],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_PARTNERS] =
    g_param_spec_int ("partners", N_("number of partners"), NULL,
                      0, 1000, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PARTNERS,
                                   properties[PROP_PARTNERS],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_LIST_SIZE] =
    g_param_spec_int ("list-size", N_("registered list size"), NULL,
                      0, 1000000, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_LIST_SIZE,
                                   properties[PROP_LIST_SIZE],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_SUSTAINABILITY_ISSUES] =
    g_param_spec_boolean ("sustainability-issues", N_("sustainability issues"), NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_SUSTAINABILITY_ISSUES,
                                   properties[PROP_SUSTAINABILITY_ISSUES],
                                   CLW_COLUMN_BOOLEAN, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_BRANCH_SURGERIES] =
    g_param_spec_int ("branch-surgeries", N_("number of branch surgeries"), NULL,
                      0, 100, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_BRANCH_SURGERIES,
                                   properties[PROP_BRANCH_SURGERIES],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
}

static void
clw_practice_init (ClwPractice *self)
{
}

ClwPractice *
clw_practice_new (void)
{
  return g_object_new (CLW_TYPE_PRACTICE, NULL);
}

const char *
clw_practice_get_cluster_id (ClwPractice *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CLUSTER_ID);
}

const char *
clw_practice_get_code (ClwPractice *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CODE);
}

const char *
clw_practice_get_name (ClwPractice *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NAME);
}

int
clw_practice_get_partners (ClwPractice *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_PARTNERS);
}

int
clw_practice_get_list_size (ClwPractice *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_LIST_SIZE);
}

gboolean
clw_practice_get_sustainability_issues (ClwPractice *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE (self), 0);

  return clw_record_get_boolean (CLW_RECORD (self), PROP_SUSTAINABILITY_ISSUES);
}

int
clw_practice_get_branch_surgeries (ClwPractice *self)
{
  g_return_val_if_fail (CLW_IS_PRACTICE (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_BRANCH_SURGERIES);
}
