/* clw-evidence.c: an evidence item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-evidence"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-database-private.h"
#include "clw-enums.h"
#include "clw-decision.h"
#include "clw-error.h"
#include "clw-rules-private.h"
#include "clw-evidence.h"

#include "clw-indicator.h"
#include "clw-meeting.h"
#include "clw-practice.h"

struct _ClwEvidence
{
  ClwRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ClwEvidence, clw_evidence, CLW_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_EVIDENCE_ON,
  PROP_PRACTICE_ID,
  PROP_MEETING_ID,
  PROP_INDICATOR_ID,
  PROP_NOTES,
  PROP_ORIGINAL_NAME,
  PROP_CONTENT_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_ATTACHED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
clw_evidence_describe (ClwRecord *record)
{
  const char *value = clw_record_get_string (record, PROP_TITLE);

  return g_strdup_printf (_("Evidence “%s”"), value != NULL ? value : "");
}

/* 64 lower-case hexadecimal digits. */
gboolean
clw_evidence_sha256_is_valid (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (int i = 0; i < 64; i++)
    if (!g_ascii_isdigit (sha256[i]) && !(sha256[i] >= 'a' && sha256[i] <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
clw_evidence_validate (ClwRecord    *record,
                       ClwDatabase  *db,
                       GError      **error)
{
  ClwEvidence *self = CLW_EVIDENCE (record);
  const char *sha256 = clw_evidence_get_sha256 (self);

  if (!clw_text_is_blank (sha256) && !clw_evidence_sha256_is_valid (sha256))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The SHA-256 of the file must be 64 lower-case hexadecimal digits, not “%s”."),
                   sha256);
      return FALSE;
    }

  if (clw_text_is_blank (clw_evidence_get_practice_id (self)) &&
      clw_text_is_blank (clw_evidence_get_meeting_id (self)) &&
      clw_text_is_blank (clw_evidence_get_indicator_id (self)))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("Evidence must prove something: link it to a practice, a meeting "
                     "or an indicator."));
      return FALSE;
    }

  return TRUE;
}

static void
clw_evidence_class_init (ClwEvidenceClass *klass)
{
  ClwRecordClass *record_class = CLW_RECORD_CLASS (klass);

  record_class->table_name = "evidence";
  record_class->order_by = "evidence_on, id";
  record_class->validate = clw_evidence_validate;
  record_class->describe = clw_evidence_describe;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("kind"), NULL,
                       CLW_TYPE_EVIDENCE_KIND, CLW_EVIDENCE_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_KIND,
                                   properties[PROP_KIND],
                                   CLW_COLUMN_ENUM, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("title"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_TITLE,
                                   properties[PROP_TITLE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_EVIDENCE_ON] =
    g_param_spec_string ("evidence-on", N_("date"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_EVIDENCE_ON,
                                   properties[PROP_EVIDENCE_ON],
                                   CLW_COLUMN_DATE, CLW_COLUMN_REQUIRED, G_TYPE_INVALID);
  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", N_("practice"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_PRACTICE_ID,
                                   properties[PROP_PRACTICE_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_FLAGS_NONE, CLW_TYPE_PRACTICE);
  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", N_("meeting"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_MEETING_ID,
                                   properties[PROP_MEETING_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_FLAGS_NONE, CLW_TYPE_MEETING);
  properties[PROP_INDICATOR_ID] =
    g_param_spec_string ("indicator-id", N_("indicator"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_INDICATOR_ID,
                                   properties[PROP_INDICATOR_ID],
                                   CLW_COLUMN_REFERENCE, CLW_COLUMN_FLAGS_NONE, CLW_TYPE_INDICATOR);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("notes"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_NOTES,
                                   properties[PROP_NOTES],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_LONG, G_TYPE_INVALID);

  /* The file, when one is attached: stored once by its SHA-256. */
  properties[PROP_ORIGINAL_NAME] =
    g_param_spec_string ("original-name", N_("file name"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_ORIGINAL_NAME,
                                   properties[PROP_ORIGINAL_NAME],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", N_("type of file"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_CONTENT_TYPE,
                                   properties[PROP_CONTENT_TYPE],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", N_("size of the file"), NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_SIZE,
                                   properties[PROP_SIZE],
                                   CLW_COLUMN_INTEGER, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", N_("SHA-256 of the file"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_SHA256,
                                   properties[PROP_SHA256],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
  properties[PROP_ATTACHED_BY] =
    g_param_spec_string ("attached-by", N_("who attached the file"), NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  clw_record_class_install_column (record_class, PROP_ATTACHED_BY,
                                   properties[PROP_ATTACHED_BY],
                                   CLW_COLUMN_TEXT, CLW_COLUMN_FLAGS_NONE, G_TYPE_INVALID);
}

static void
clw_evidence_init (ClwEvidence *self)
{
}

ClwEvidence *
clw_evidence_new (void)
{
  return g_object_new (CLW_TYPE_EVIDENCE, NULL);
}

ClwEvidenceKind
clw_evidence_get_kind (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), 0);

  return clw_record_get_enum (CLW_RECORD (self), PROP_KIND);
}

const char *
clw_evidence_get_title (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_TITLE);
}

const char *
clw_evidence_get_evidence_on (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_EVIDENCE_ON);
}

const char *
clw_evidence_get_practice_id (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_PRACTICE_ID);
}

const char *
clw_evidence_get_meeting_id (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_MEETING_ID);
}

const char *
clw_evidence_get_indicator_id (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_INDICATOR_ID);
}

const char *
clw_evidence_get_notes (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_NOTES);
}

const char *
clw_evidence_get_original_name (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_ORIGINAL_NAME);
}

const char *
clw_evidence_get_content_type (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_CONTENT_TYPE);
}

int
clw_evidence_get_size (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), 0);

  return (int) clw_record_get_integer (CLW_RECORD (self), PROP_SIZE);
}

const char *
clw_evidence_get_sha256 (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_SHA256);
}

const char *
clw_evidence_get_attached_by (ClwEvidence *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE (self), NULL);

  return clw_record_get_string (CLW_RECORD (self), PROP_ATTACHED_BY);
}

GListStore *
clw_evidence_list_for_practice (ClwDatabase  *db,
                                const char   *practice_id,
                                GError      **error)
{
  const char *params[] = { practice_id, NULL };

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (practice_id != NULL, NULL);

  return clw_record_list (db, CLW_TYPE_EVIDENCE, "practice_id = ?1", params, error);
}
