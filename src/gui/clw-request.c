/* clw-request.c: a representation or buddy request, as the decisions list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-request"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-request.h"

struct _ClwRequest
{
  GObject    parent_instance;

  ClwRecord *record;     /* owned */
  char      *title;
  char      *summary;
  char      *details;
};

G_DEFINE_FINAL_TYPE (ClwRequest, clw_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_practice (ClwDatabase  *db,
                   const char   *practice_id,
                   char        **cluster_name)
{
  g_autoptr(ClwRecord) practice = clw_record_load (db, CLW_TYPE_PRACTICE, practice_id, NULL);

  if (practice == NULL)
    return g_strdup (practice_id);

  if (cluster_name != NULL)
    {
      g_autoptr(ClwRecord) cluster = clw_record_load (db, CLW_TYPE_CLUSTER,
                                                      clw_practice_get_cluster_id (CLW_PRACTICE (practice)),
                                                      NULL);
      *cluster_name = g_strdup (cluster != NULL ? clw_cluster_get_name (CLW_CLUSTER (cluster)) : "");
    }

  return g_strdup_printf ("%s %s",
                          clw_practice_get_code (CLW_PRACTICE (practice)),
                          clw_practice_get_name (CLW_PRACTICE (practice)));
}

static void
describe_representation (ClwRequest        *self,
                         ClwDatabase       *db,
                         ClwRepresentation *request,
                         char             **cluster_name)
{
  const char *name = clw_representation_get_representative_name (request);
  int role = clw_representation_get_representative_role (request);
  g_autofree char *who = NULL;

  self->title = describe_practice (db, clw_representation_get_practice_id (request), cluster_name);

  if (name != NULL && *name != '\0' && role >= 0)
    /* Translators: a representative: name and role, "Ms B Evans (Practice manager)" */
    who = g_strdup_printf (_("%s (%s)"), name, clw_representative_role_to_label (role));
  else if (name != NULL && *name != '\0')
    who = g_strdup (name);
  else
    who = g_strdup (role >= 0 ? clw_representative_role_to_label (role) : _("someone else"));

  if (clw_representation_get_kind (request) == CLW_REPRESENTATION_KIND_ALTERNATIVE)
    {
      g_autoptr(ClwRecord) meeting = NULL;
      g_autofree char *when = NULL;

      if (clw_representation_get_meeting_id (request) != NULL)
        meeting = clw_record_load (db, CLW_TYPE_MEETING, clw_representation_get_meeting_id (request), NULL);
      when = meeting != NULL ? clw_format_datetime (clw_meeting_get_starts_at (CLW_MEETING (meeting)))
                             : g_strdup (_("a meeting"));
      /* Translators: an alternative representative for one meeting */
      self->summary = g_strdup_printf (_("Alternative representative, in exceptional circumstances: "
                                         "%s, at the meeting of %s"), who, when);
    }
  else
    {
      g_autofree char *from = clw_format_date (clw_representation_get_starts_on (request));

      /* Translators: a standing arrangement for a practice manager or senior administrator */
      self->summary = g_strdup_printf (_("Represented by %s from %s"), who, from);
    }
}

static void
describe_buddy (ClwRequest          *self,
                ClwDatabase         *db,
                ClwBuddyArrangement *request,
                char               **cluster_name)
{
  g_autofree char *buddy = describe_practice (db, clw_buddy_arrangement_get_buddy_practice_id (request), NULL);
  g_autofree char *from = clw_format_date (clw_buddy_arrangement_get_starts_on (request));

  self->title = describe_practice (db, clw_buddy_arrangement_get_small_practice_id (request), cluster_name);
  /* Translators: a buddy request: the buddy practice and the date it starts */
  self->summary = g_strdup_printf (_("To be buddied with %s from %s"), buddy, from);
}

static void
clw_request_finalize (GObject *object)
{
  ClwRequest *self = (ClwRequest *) object;

  g_clear_object (&self->record);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->details);

  G_OBJECT_CLASS (clw_request_parent_class)->finalize (object);
}

static void
clw_request_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ClwRequest *self = CLW_REQUEST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_request_class_init (ClwRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_request_finalize;
  object_class->get_property = clw_request_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_request_init (ClwRequest *self)
{
}

ClwRequest *
clw_request_new (ClwDatabase *db,
                 ClwRecord   *record)
{
  ClwRequest *self;
  g_autofree char *cluster_name = NULL;
  g_autofree char *requested = NULL;
  const char *requested_on;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (CLW_IS_REPRESENTATION (record) || CLW_IS_BUDDY_ARRANGEMENT (record), NULL);

  self = g_object_new (CLW_TYPE_REQUEST, NULL);
  self->record = g_object_ref (record);

  if (CLW_IS_REPRESENTATION (record))
    {
      describe_representation (self, db, CLW_REPRESENTATION (record), &cluster_name);
      requested_on = clw_representation_get_requested_on (CLW_REPRESENTATION (record));
    }
  else
    {
      describe_buddy (self, db, CLW_BUDDY_ARRANGEMENT (record), &cluster_name);
      requested_on = clw_buddy_arrangement_get_requested_on (CLW_BUDDY_ARRANGEMENT (record));
    }

  requested = clw_format_date (requested_on);
  /* Translators: under a request: its cluster and the date it was made */
  self->details = g_strdup_printf (_("%s · requested %s"), cluster_name != NULL ? cluster_name : "", requested);
  return self;
}

ClwRecord *
clw_request_get_record (ClwRequest *self)
{
  g_return_val_if_fail (CLW_IS_REQUEST (self), NULL);

  return self->record;
}

const char *
clw_request_get_id (ClwRequest *self)
{
  g_return_val_if_fail (CLW_IS_REQUEST (self), NULL);

  return clw_record_get_id (self->record);
}

const char *
clw_request_get_title (ClwRequest *self)
{
  g_return_val_if_fail (CLW_IS_REQUEST (self), NULL);

  return self->title;
}

const char *
clw_request_get_summary (ClwRequest *self)
{
  g_return_val_if_fail (CLW_IS_REQUEST (self), NULL);

  return self->summary;
}

const char *
clw_request_get_details (ClwRequest *self)
{
  g_return_val_if_fail (CLW_IS_REQUEST (self), NULL);

  return self->details;
}

const char *
clw_request_get_requested_on (ClwRequest *self)
{
  g_return_val_if_fail (CLW_IS_REQUEST (self), NULL);

  if (CLW_IS_REPRESENTATION (self->record))
    return clw_representation_get_requested_on (CLW_REPRESENTATION (self->record));
  return clw_buddy_arrangement_get_requested_on (CLW_BUDDY_ARRANGEMENT (self->record));
}
