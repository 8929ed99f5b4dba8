/* clw-evidence-problem.c: a stored evidence file that is missing or damaged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-evidence-files"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-evidence-problem.h"
#include "clw-enums.h"

struct _ClwEvidenceProblem
{
  GObject         parent_instance;

  ClwFileProblem  problem;
  char           *sha256;
  char           *path;
  GStrv           evidence_ids;
  GStrv           titles;
  char           *message;
};

G_DEFINE_FINAL_TYPE (ClwEvidenceProblem, clw_evidence_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROBLEM,
  PROP_SHA256,
  PROP_PATH,
  PROP_EVIDENCE_IDS,
  PROP_TITLES,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_evidence_problem_finalize (GObject *object)
{
  ClwEvidenceProblem *self = (ClwEvidenceProblem *) object;

  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->evidence_ids, g_strfreev);
  g_clear_pointer (&self->titles, g_strfreev);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (clw_evidence_problem_parent_class)->finalize (object);
}

static void
clw_evidence_problem_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ClwEvidenceProblem *self = CLW_EVIDENCE_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_enum (value, self->problem);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_EVIDENCE_IDS:
      g_value_set_boxed (value, self->evidence_ids);
      break;

    case PROP_TITLES:
      g_value_set_boxed (value, self->titles);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_evidence_problem_class_init (ClwEvidenceProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_evidence_problem_finalize;
  object_class->get_property = clw_evidence_problem_get_property;

  properties[PROP_PROBLEM] =
    g_param_spec_enum ("problem", NULL, NULL, CLW_TYPE_FILE_PROBLEM, CLW_FILE_PROBLEM_MISSING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVIDENCE_IDS] =
    g_param_spec_boxed ("evidence-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLES] =
    g_param_spec_boxed ("titles", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_evidence_problem_init (ClwEvidenceProblem *self)
{
}

ClwEvidenceProblem *
clw_evidence_problem_new (ClwFileProblem       problem,
                          const char          *sha256,
                          const char          *path,
                          const char * const  *evidence_ids,
                          const char * const  *titles,
                          const char          *message)
{
  ClwEvidenceProblem *self = g_object_new (CLW_TYPE_EVIDENCE_PROBLEM, NULL);
  const char * const empty[] = { NULL };

  self->problem = problem;
  self->sha256 = g_strdup (sha256);
  self->path = g_strdup (path);
  self->evidence_ids = g_strdupv ((char **) (evidence_ids != NULL ? evidence_ids : empty));
  self->titles = g_strdupv ((char **) (titles != NULL ? titles : empty));
  self->message = g_strdup (message);
  return self;
}

ClwFileProblem
clw_evidence_problem_get_problem (ClwEvidenceProblem *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_PROBLEM (self), 0);

  return self->problem;
}

const char *
clw_evidence_problem_get_sha256 (ClwEvidenceProblem *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_PROBLEM (self), NULL);

  return self->sha256;
}

const char *
clw_evidence_problem_get_path (ClwEvidenceProblem *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_PROBLEM (self), NULL);

  return self->path;
}

const char * const *
clw_evidence_problem_get_evidence_ids (ClwEvidenceProblem *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_PROBLEM (self), NULL);

  return (const char * const *) self->evidence_ids;
}

const char * const *
clw_evidence_problem_get_titles (ClwEvidenceProblem *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_PROBLEM (self), NULL);

  return (const char * const *) self->titles;
}

const char *
clw_evidence_problem_get_message (ClwEvidenceProblem *self)
{
  g_return_val_if_fail (CLW_IS_EVIDENCE_PROBLEM (self), NULL);

  return self->message;
}
