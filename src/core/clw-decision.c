/* clw-decision.c: the health board's decision on a request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-decision"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-database.h"
#include "clw-decision.h"
#include "clw-enums.h"
#include "clw-error.h"

gboolean
clw_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
clw_check_date_order (const char  *first,
                      const char  *second,
                      const char  *first_label,
                      const char  *second_label,
                      GError     **error)
{
  /* ISO dates sort as text. */
  if (!clw_text_is_blank (first) && !clw_text_is_blank (second) && strcmp (second, first) < 0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The %s (%s) is before the %s (%s)."),
                   second_label, second, first_label, first);
      return FALSE;
    }

  return TRUE;
}

gboolean
clw_decision_validate (ClwArrangementStatus   status,
                       const char            *requested_on,
                       const char            *decision_on,
                       const char            *explanation,
                       GError               **error)
{
  gboolean decided = !clw_text_is_blank (decision_on);

  switch (status)
    {
    case CLW_ARRANGEMENT_STATUS_REQUESTED:
      if (decided)
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                       _("A request still waiting for the health board's decision "
                         "cannot have a decision date (%s)."), decision_on);
          return FALSE;
        }
      return TRUE;

    case CLW_ARRANGEMENT_STATUS_REFUSED:
      if (clw_text_is_blank (explanation))
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                       _("A refusal must carry an explanation for the practice. "
                         "Write why the health board did not agree."));
          return FALSE;
        }
      G_GNUC_FALLTHROUGH;

    case CLW_ARRANGEMENT_STATUS_AGREED:
    case CLW_ARRANGEMENT_STATUS_ENDED:
    default:
      if (!decided)
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                       _("A decided request needs the date of the health board's decision."));
          return FALSE;
        }
      return clw_check_date_order (requested_on, decision_on,
                                   _("date of the request"), _("date of the decision"), error);
    }
}

gboolean
clw_decision_apply (ClwRecord    *request,
                    ClwDatabase  *db,
                    gboolean      agree,
                    const char   *decision_on,
                    const char   *explanation,
                    GError      **error)
{
  g_autoptr(ClwRecord) decided = NULL;
  g_autoptr(ClwRecord) stored = NULL;
  ClwArrangementStatus status;
  gboolean ok;

  g_return_val_if_fail (CLW_IS_RECORD (request), FALSE);
  g_return_val_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (request), "decision-on"), FALSE);

  g_object_get (request, "status", &status, NULL);
  if (status != CLW_ARRANGEMENT_STATUS_REQUESTED)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("This request has been decided already (%s)."),
                   clw_arrangement_status_to_label (status));
      return FALSE;
    }

  decided = clw_record_copy (request);
  g_object_set (decided,
                "status", agree ? CLW_ARRANGEMENT_STATUS_AGREED : CLW_ARRANGEMENT_STATUS_REFUSED,
                "decision-on", decision_on,
                "explanation", explanation != NULL ? explanation : "",
                NULL);

  if (!clw_database_begin (db, error))
    return FALSE;
  clw_database_set_change_label (db, agree ? _("Agree request") : _("Refuse request"));

  /* What is stored decides, not the caller's copy: someone may have
   * decided the request since the copy was read. */
  if (clw_record_get_id (request) != NULL)
    stored = clw_record_load (db, G_OBJECT_TYPE (request), clw_record_get_id (request), error);
  else
    g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND, _("This request has not been saved yet."));
  if (stored == NULL)
    {
      clw_database_rollback (db);
      return FALSE;
    }
  g_object_get (stored, "status", &status, NULL);
  if (status != CLW_ARRANGEMENT_STATUS_REQUESTED)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("This request has been decided already (%s)."),
                   clw_arrangement_status_to_label (status));
      clw_database_rollback (db);
      return FALSE;
    }

  ok = clw_record_update (decided, db, CLW_WRITE_DEFAULT, error);
  if (!ok)
    {
      clw_database_rollback (db);
      return FALSE;
    }
  if (!clw_database_commit (db, error))
    return FALSE;

  /* The caller's object says what is stored now. */
  g_object_set (request,
                "status", agree ? CLW_ARRANGEMENT_STATUS_AGREED : CLW_ARRANGEMENT_STATUS_REFUSED,
                "decision-on", decision_on,
                "explanation", explanation != NULL ? explanation : "",
                "updated-at", clw_record_get_updated_at (decided),
                "updated-by", clw_record_get_updated_by (decided),
                NULL);
  return TRUE;
}
