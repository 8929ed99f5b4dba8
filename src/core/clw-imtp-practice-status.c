/* clw-imtp-practice-status.c: where one practice's IMTP contribution stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-imtp-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-imtp-practice-status.h"
#include "clw-enums.h"
#include "clw-imtp-editor-private.h"
#include "clw-record.h"

struct _ClwImtpPracticeStatus
{
  GObject                parent_instance;

  char                  *practice_id;
  char                  *code;
  char                  *name;
  char                  *contribution_id;
  char                  *submitted_on;
  ClwContributionStatus  status;
  guint                  sections_complete;
  guint                  workforce_counted : 1;
  guint                  late : 1;
};

G_DEFINE_FINAL_TYPE (ClwImtpPracticeStatus, clw_imtp_practice_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRACTICE_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_CONTRIBUTION_ID,
  PROP_STARTED,
  PROP_STATUS,
  PROP_SUBMITTED_ON,
  PROP_LATE,
  PROP_SECTIONS_COMPLETE,
  PROP_WORKFORCE_COUNTED,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_imtp_practice_status_finalize (GObject *object)
{
  ClwImtpPracticeStatus *self = (ClwImtpPracticeStatus *) object;

  g_clear_pointer (&self->practice_id, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->contribution_id, g_free);
  g_clear_pointer (&self->submitted_on, g_free);

  G_OBJECT_CLASS (clw_imtp_practice_status_parent_class)->finalize (object);
}

static void
clw_imtp_practice_status_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ClwImtpPracticeStatus *self = CLW_IMTP_PRACTICE_STATUS (object);

  switch (prop_id)
    {
    case PROP_PRACTICE_ID:
      g_value_set_string (value, self->practice_id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CONTRIBUTION_ID:
      g_value_set_string (value, self->contribution_id);
      break;

    case PROP_STARTED:
      g_value_set_boolean (value, self->contribution_id != NULL);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SUBMITTED_ON:
      g_value_set_string (value, self->submitted_on);
      break;

    case PROP_LATE:
      g_value_set_boolean (value, self->late);
      break;

    case PROP_SECTIONS_COMPLETE:
      g_value_set_uint (value, self->sections_complete);
      break;

    case PROP_WORKFORCE_COUNTED:
      g_value_set_boolean (value, self->workforce_counted);
      break;

    case PROP_READY:
      g_value_set_boolean (value, clw_imtp_practice_status_get_ready (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_imtp_practice_status_class_init (ClwImtpPracticeStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_imtp_practice_status_finalize;
  object_class->get_property = clw_imtp_practice_status_get_property;

  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRIBUTION_ID] =
    g_param_spec_string ("contribution-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED] =
    g_param_spec_boolean ("started", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CLW_TYPE_CONTRIBUTION_STATUS, CLW_CONTRIBUTION_STATUS_DRAFT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBMITTED_ON] =
    g_param_spec_string ("submitted-on", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATE] =
    g_param_spec_boolean ("late", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTIONS_COMPLETE] =
    g_param_spec_uint ("sections-complete", NULL, NULL, 0, CLW_N_IMTP_SECTION_KINDS, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKFORCE_COUNTED] =
    g_param_spec_boolean ("workforce-counted", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_imtp_practice_status_init (ClwImtpPracticeStatus *self)
{
}

ClwImtpPracticeStatus *
_clw_imtp_practice_status_new (const char            *practice_id,
                               const char            *code,
                               const char            *name,
                               const char            *contribution_id,
                               ClwContributionStatus  status,
                               const char            *submitted_on,
                               gboolean               late,
                               guint                  sections_complete,
                               gboolean               workforce_counted)
{
  ClwImtpPracticeStatus *self = g_object_new (CLW_TYPE_IMTP_PRACTICE_STATUS, NULL);

  self->practice_id = g_strdup (practice_id);
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->contribution_id = g_strdup (contribution_id);
  self->status = status;
  self->submitted_on = g_strdup (submitted_on);
  self->late = !!late;
  self->sections_complete = sections_complete;
  self->workforce_counted = !!workforce_counted;
  return self;
}

const char *
clw_imtp_practice_status_get_practice_id (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), NULL);

  return self->practice_id;
}

const char *
clw_imtp_practice_status_get_code (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), NULL);

  return self->code;
}

const char *
clw_imtp_practice_status_get_name (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), NULL);

  return self->name;
}

const char *
clw_imtp_practice_status_get_contribution_id (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), NULL);

  return self->contribution_id;
}

gboolean
clw_imtp_practice_status_get_started (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), FALSE);

  return self->contribution_id != NULL;
}

ClwContributionStatus
clw_imtp_practice_status_get_status (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), 0);

  return self->status;
}

const char *
clw_imtp_practice_status_get_submitted_on (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), NULL);

  return self->submitted_on;
}

gboolean
clw_imtp_practice_status_get_late (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), FALSE);

  return self->late;
}

guint
clw_imtp_practice_status_get_sections_complete (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), 0);

  return self->sections_complete;
}

gboolean
clw_imtp_practice_status_get_workforce_counted (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), FALSE);

  return self->workforce_counted;
}

gboolean
clw_imtp_practice_status_get_ready (ClwImtpPracticeStatus *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), FALSE);

  return _clw_imtp_contribution_is_ready (self->sections_complete, self->workforce_counted);
}

char *
clw_imtp_practice_status_describe (ClwImtpPracticeStatus *self)
{
  g_autofree char *on = NULL;

  g_return_val_if_fail (CLW_IS_IMTP_PRACTICE_STATUS (self), NULL);

  if (self->contribution_id == NULL)
    return g_strdup (_("Not started"));

  if (self->status == CLW_CONTRIBUTION_STATUS_SUBMITTED)
    {
      on = clw_date_format_display (self->submitted_on);
      if (self->late)
        return g_strdup_printf (_("Submitted late, on %s"), on);
      return g_strdup_printf (_("Submitted on %s"), on);
    }

  /* TRANSLATORS: "Draft, 3 of 5 sections complete" */
  return g_strdup_printf (ngettext ("Draft, %u of %d section complete",
                                    "Draft, %u of %d sections complete",
                                    CLW_N_IMTP_SECTION_KINDS),
                          self->sections_complete, CLW_N_IMTP_SECTION_KINDS);
}
