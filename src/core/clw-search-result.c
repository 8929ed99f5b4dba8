/* clw-search-result.c: one row found by full-text search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-search-result.h"
#include "clw-enums.h"
#include "clw-search-private.h"

struct _ClwSearchResult
{
  GObject        parent_instance;

  ClwSearchKind  kind;
  char          *row_id;
  char          *title;
  char          *subtitle;
  char          *snippet;
  char          *snippet_markup;
  double         rank;
  char          *practice_id;
  char          *meeting_id;
  char          *cluster_id;
  char          *cycle_id;
  char          *contribution_id;
};

G_DEFINE_FINAL_TYPE (ClwSearchResult, clw_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ROW_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SNIPPET,
  PROP_SNIPPET_MARKUP,
  PROP_RANK,
  PROP_PRACTICE_ID,
  PROP_MEETING_ID,
  PROP_CLUSTER_ID,
  PROP_CYCLE_ID,
  PROP_CONTRIBUTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_clw_search_hit_clear (ClwSearchHit *hit)
{
  g_clear_pointer (&hit->row_id, g_free);
  g_clear_pointer (&hit->title, g_free);
  g_clear_pointer (&hit->subtitle, g_free);
  g_clear_pointer (&hit->snippet, g_free);
  g_clear_pointer (&hit->practice_id, g_free);
  g_clear_pointer (&hit->meeting_id, g_free);
  g_clear_pointer (&hit->cluster_id, g_free);
  g_clear_pointer (&hit->cycle_id, g_free);
  g_clear_pointer (&hit->contribution_id, g_free);
}

/* The snippet without its marks, and as escaped markup with the marks in bold. */
static void
render_snippet (const char  *marked,
                char       **plain,
                char       **markup)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) escaped = g_string_new (NULL);
  const char *p = marked != NULL ? marked : "";

  while (*p != '\0')
    {
      const char *start = strstr (p, CLW_SEARCH_MARK_START);
      const char *end = strstr (p, CLW_SEARCH_MARK_END);
      const char *next = start;
      g_autofree char *piece = NULL;

      if (next == NULL || (end != NULL && end < next))
        next = end;
      if (next == NULL)
        next = p + strlen (p);

      piece = g_markup_escape_text (p, next - p);
      g_string_append_len (text, p, next - p);
      g_string_append (escaped, piece);

      if (*next == '\0')
        break;
      if (next == start)
        {
          g_string_append (escaped, "<b>");
          p = next + strlen (CLW_SEARCH_MARK_START);
        }
      else
        {
          g_string_append (escaped, "</b>");
          p = next + strlen (CLW_SEARCH_MARK_END);
        }
    }

  *plain = g_strdup (text->str);
  *markup = g_strdup (escaped->str);
}

static void
clw_search_result_finalize (GObject *object)
{
  ClwSearchResult *self = (ClwSearchResult *) object;

  g_clear_pointer (&self->row_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->snippet_markup, g_free);
  g_clear_pointer (&self->practice_id, g_free);
  g_clear_pointer (&self->meeting_id, g_free);
  g_clear_pointer (&self->cluster_id, g_free);
  g_clear_pointer (&self->cycle_id, g_free);
  g_clear_pointer (&self->contribution_id, g_free);

  G_OBJECT_CLASS (clw_search_result_parent_class)->finalize (object);
}

static void
clw_search_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ClwSearchResult *self = CLW_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ROW_ID:
      g_value_set_string (value, self->row_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_SNIPPET_MARKUP:
      g_value_set_string (value, self->snippet_markup);
      break;

    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;

    case PROP_PRACTICE_ID:
      g_value_set_string (value, self->practice_id);
      break;

    case PROP_MEETING_ID:
      g_value_set_string (value, self->meeting_id);
      break;

    case PROP_CLUSTER_ID:
      g_value_set_string (value, self->cluster_id);
      break;

    case PROP_CYCLE_ID:
      g_value_set_string (value, self->cycle_id);
      break;

    case PROP_CONTRIBUTION_ID:
      g_value_set_string (value, self->contribution_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_search_result_class_init (ClwSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_search_result_finalize;
  object_class->get_property = clw_search_result_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CLW_TYPE_SEARCH_KIND, CLW_SEARCH_KIND_PRACTICE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_ID] =
    g_param_spec_string ("row-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET_MARKUP] =
    g_param_spec_string ("snippet-markup", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER_ID] =
    g_param_spec_string ("cluster-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CYCLE_ID] =
    g_param_spec_string ("cycle-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRIBUTION_ID] =
    g_param_spec_string ("contribution-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_search_result_init (ClwSearchResult *self)
{
}

ClwSearchResult *
_clw_search_result_new (ClwSearchHit *hit)
{
  ClwSearchResult *self = g_object_new (CLW_TYPE_SEARCH_RESULT, NULL);

  self->kind = hit->kind;
  self->row_id = g_steal_pointer (&hit->row_id);
  self->title = g_steal_pointer (&hit->title);
  self->subtitle = g_steal_pointer (&hit->subtitle);
  render_snippet (hit->snippet, &self->snippet, &self->snippet_markup);
  g_clear_pointer (&hit->snippet, g_free);
  self->rank = hit->rank;
  self->practice_id = g_steal_pointer (&hit->practice_id);
  self->meeting_id = g_steal_pointer (&hit->meeting_id);
  self->cluster_id = g_steal_pointer (&hit->cluster_id);
  self->cycle_id = g_steal_pointer (&hit->cycle_id);
  self->contribution_id = g_steal_pointer (&hit->contribution_id);
  return self;
}

ClwSearchKind
clw_search_result_get_kind (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), 0);

  return self->kind;
}

const char *
clw_search_result_get_row_id (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->row_id;
}

const char *
clw_search_result_get_title (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->title;
}

const char *
clw_search_result_get_subtitle (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->subtitle;
}

const char *
clw_search_result_get_snippet (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->snippet;
}

const char *
clw_search_result_get_snippet_markup (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->snippet_markup;
}

double
clw_search_result_get_rank (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), 0.0);

  return self->rank;
}

const char *
clw_search_result_get_practice_id (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->practice_id;
}

const char *
clw_search_result_get_meeting_id (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->meeting_id;
}

const char *
clw_search_result_get_cluster_id (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->cluster_id;
}

const char *
clw_search_result_get_cycle_id (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->cycle_id;
}

const char *
clw_search_result_get_contribution_id (ClwSearchResult *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_RESULT (self), NULL);

  return self->contribution_id;
}
