/* clw-imtp-editor.c: one practice's IMTP contribution for one cycle, as it is edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-imtp-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-imtp-editor.h"
#include "clw-database-private.h"
#include "clw-decision.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-cycle.h"
#include "clw-imtp-editor-private.h"
#include "clw-practice.h"

struct _ClwImtpEditor
{
  GObject              parent_instance;

  ClwDatabase         *db;              /* owned */
  char                *practice_id;
  char                *practice_code;
  char                *cycle_id;
  char                *cycle_starts_on;
  char                *cycle_ends_on;
  guint                merge_seconds;

  ClwImtpContribution *contribution;    /* owned; NULL before it is started */
  /* The same objects for the editor's life, updated in place. */
  GListStore          *sections;        /* owned: ClwImtpSection, one per kind */
  GListStore          *workforce;       /* owned: ClwImtpWorkforce, one per role */
};

G_DEFINE_FINAL_TYPE (ClwImtpEditor, clw_imtp_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_PRACTICE_ID,
  PROP_CYCLE_ID,
  PROP_DEADLINE,
  PROP_MERGE_SECONDS,
  PROP_EXISTS,
  PROP_STATUS,
  PROP_SUBMITTED_ON,
  PROP_LATE,
  PROP_READY,
  PROP_SECTIONS,
  PROP_WORKFORCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean               exists;
  ClwContributionStatus  status;
  char                  *submitted_on;
  gboolean               late;
  gboolean               ready;
} Snapshot;

gboolean
_clw_imtp_workforce_is_counted (guint  n_roles_entered,
                                gint64 total_headcount)
{
  return n_roles_entered == CLW_N_WORKFORCE_ROLES && total_headcount > 0;
}

gboolean
_clw_imtp_contribution_is_ready (guint    sections_complete,
                                 gboolean workforce_counted)
{
  return sections_complete == CLW_N_IMTP_SECTION_KINDS && workforce_counted;
}

/* Copy the columns of @src into @dst, setting (and notifying) only those
 * that differ. */
static void
record_assign (ClwRecord *dst,
               ClwRecord *src)
{
  guint n;
  const ClwColumn *columns = clw_record_class_get_columns (CLW_RECORD_GET_CLASS (src), &n);

  g_object_freeze_notify (G_OBJECT (dst));
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = columns[i].pspec;
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (dst), pspec->name, &a);
      g_object_get_property (G_OBJECT (src), pspec->name, &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        g_object_set_property (G_OBJECT (dst), pspec->name, &b);
    }
  g_object_thaw_notify (G_OBJECT (dst));
}

static ClwImtpSection *
section_at (ClwImtpEditor      *self,
            ClwImtpSectionKind  kind)
{
  g_autoptr(ClwImtpSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), kind);

  return section;  /* the store keeps it */
}

static ClwImtpWorkforce *
workforce_at (ClwImtpEditor    *self,
              ClwWorkforceRole  role)
{
  g_autoptr(ClwImtpWorkforce) count = g_list_model_get_item (G_LIST_MODEL (self->workforce), role);

  return count;  /* the store keeps it */
}

static ClwImtpSection *
new_unsaved_section (ClwImtpSectionKind kind)
{
  ClwImtpSection *section = clw_imtp_section_new ();

  g_object_set (section,
                "kind", kind,
                "status", CLW_SECTION_STATUS_NOT_STARTED,
                "body", "",
                "body-cy", "",
                NULL);
  return section;
}

static ClwImtpWorkforce *
new_unsaved_workforce (ClwWorkforceRole role)
{
  ClwImtpWorkforce *count = clw_imtp_workforce_new ();

  g_object_set (count, "role", role, NULL);
  return count;
}

static gboolean
is_stored (gpointer record)
{
  return clw_record_get_id (CLW_RECORD (record)) != NULL;
}

static gboolean
workforce_counted (ClwImtpEditor *self)
{
  guint entered = 0;
  gint64 total = 0;

  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      ClwImtpWorkforce *count = workforce_at (self, role);

      if (is_stored (count))
        {
          entered++;
          total += clw_imtp_workforce_get_headcount (count);
        }
    }

  return _clw_imtp_workforce_is_counted (entered, total);
}

static guint
sections_complete (ClwImtpEditor *self)
{
  guint complete = 0;

  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    if (clw_imtp_section_get_status (section_at (self, kind)) == CLW_SECTION_STATUS_COMPLETE)
      complete++;

  return complete;
}

static void
snapshot_take (ClwImtpEditor *self,
               Snapshot      *snapshot)
{
  snapshot->exists = clw_imtp_editor_get_exists (self);
  snapshot->status = clw_imtp_editor_get_status (self);
  snapshot->submitted_on = g_strdup (clw_imtp_editor_get_submitted_on (self));
  snapshot->late = clw_imtp_editor_is_late (self);
  snapshot->ready = clw_imtp_editor_is_ready (self);
}

static void
snapshot_notify (ClwImtpEditor *self,
                 Snapshot      *before)
{
  Snapshot after;

  snapshot_take (self, &after);
  if (after.exists != before->exists)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXISTS]);
  if (after.status != before->status)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (g_strcmp0 (after.submitted_on, before->submitted_on) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED_ON]);
  if (after.late != before->late)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATE]);
  if (after.ready != before->ready)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);

  g_free (after.submitted_on);
  g_clear_pointer (&before->submitted_on, g_free);
}

static void
database_changed_cb (ClwImtpEditor  *self,
                     const char    **tables,
                     ClwDatabase    *db)
{
  g_autoptr(GError) error = NULL;

  if (tables == NULL ||
      !(g_strv_contains (tables, "imtp_contribution") || g_strv_contains (tables, "imtp_section") ||
        g_strv_contains (tables, "imtp_workforce")))
    return;

  if (!clw_imtp_editor_reload (self, &error))
    g_warning ("Could not reload the IMTP contribution: %s", error->message);
}

static void
clw_imtp_editor_dispose (GObject *object)
{
  ClwImtpEditor *self = (ClwImtpEditor *) object;

  g_clear_object (&self->contribution);
  g_clear_object (&self->sections);
  g_clear_object (&self->workforce);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (clw_imtp_editor_parent_class)->dispose (object);
}

static void
clw_imtp_editor_finalize (GObject *object)
{
  ClwImtpEditor *self = (ClwImtpEditor *) object;

  g_clear_pointer (&self->practice_id, g_free);
  g_clear_pointer (&self->practice_code, g_free);
  g_clear_pointer (&self->cycle_id, g_free);
  g_clear_pointer (&self->cycle_starts_on, g_free);
  g_clear_pointer (&self->cycle_ends_on, g_free);

  G_OBJECT_CLASS (clw_imtp_editor_parent_class)->finalize (object);
}

static void
clw_imtp_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClwImtpEditor *self = CLW_IMTP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_PRACTICE_ID:
      g_value_set_string (value, self->practice_id);
      break;

    case PROP_CYCLE_ID:
      g_value_set_string (value, self->cycle_id);
      break;

    case PROP_DEADLINE:
      g_value_set_string (value, self->cycle_ends_on);
      break;

    case PROP_MERGE_SECONDS:
      g_value_set_uint (value, self->merge_seconds);
      break;

    case PROP_EXISTS:
      g_value_set_boolean (value, clw_imtp_editor_get_exists (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, clw_imtp_editor_get_status (self));
      break;

    case PROP_SUBMITTED_ON:
      g_value_set_string (value, clw_imtp_editor_get_submitted_on (self));
      break;

    case PROP_LATE:
      g_value_set_boolean (value, clw_imtp_editor_is_late (self));
      break;

    case PROP_READY:
      g_value_set_boolean (value, clw_imtp_editor_is_ready (self));
      break;

    case PROP_SECTIONS:
      g_value_set_object (value, self->sections);
      break;

    case PROP_WORKFORCE:
      g_value_set_object (value, self->workforce);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_imtp_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClwImtpEditor *self = CLW_IMTP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MERGE_SECONDS:
      clw_imtp_editor_set_merge_seconds (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_imtp_editor_class_init (ClwImtpEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clw_imtp_editor_dispose;
  object_class->finalize = clw_imtp_editor_finalize;
  object_class->get_property = clw_imtp_editor_get_property;
  object_class->set_property = clw_imtp_editor_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CLW_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRACTICE_ID] =
    g_param_spec_string ("practice-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CYCLE_ID] =
    g_param_spec_string ("cycle-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE] =
    g_param_spec_string ("deadline", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MERGE_SECONDS] =
    g_param_spec_uint ("merge-seconds", NULL, NULL,
                       0, G_MAXUINT, CLW_IMTP_EDITOR_DEFAULT_MERGE_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXISTS] =
    g_param_spec_boolean ("exists", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CLW_TYPE_CONTRIBUTION_STATUS, CLW_CONTRIBUTION_STATUS_DRAFT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBMITTED_ON] =
    g_param_spec_string ("submitted-on", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATE] =
    g_param_spec_boolean ("late", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTIONS] =
    g_param_spec_object ("sections", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKFORCE] =
    g_param_spec_object ("workforce", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_imtp_editor_init (ClwImtpEditor *self)
{
  self->merge_seconds = CLW_IMTP_EDITOR_DEFAULT_MERGE_SECONDS;
  self->sections = g_list_store_new (CLW_TYPE_IMTP_SECTION);
  self->workforce = g_list_store_new (CLW_TYPE_IMTP_WORKFORCE);

  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      g_autoptr(ClwImtpSection) section = new_unsaved_section (kind);
      g_list_store_append (self->sections, section);
    }
  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      g_autoptr(ClwImtpWorkforce) count = new_unsaved_workforce (role);
      g_list_store_append (self->workforce, count);
    }
}

ClwImtpEditor *
clw_imtp_editor_new (ClwDatabase  *db,
                     const char   *practice_id,
                     const char   *cycle_id,
                     GError      **error)
{
  g_autoptr(ClwImtpEditor) self = NULL;
  g_autoptr(ClwPractice) practice = NULL;
  g_autoptr(ClwCycle) cycle = NULL;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (practice_id != NULL, NULL);
  g_return_val_if_fail (cycle_id != NULL, NULL);

  practice = (ClwPractice *) clw_record_load (db, CLW_TYPE_PRACTICE, practice_id, error);
  if (practice == NULL)
    return NULL;
  cycle = (ClwCycle *) clw_record_load (db, CLW_TYPE_CYCLE, cycle_id, error);
  if (cycle == NULL)
    return NULL;

  self = g_object_new (CLW_TYPE_IMTP_EDITOR, NULL);
  self->db = g_object_ref (db);
  self->practice_id = g_strdup (practice_id);
  self->practice_code = g_strdup (clw_practice_get_code (practice));
  self->cycle_id = g_strdup (cycle_id);
  self->cycle_starts_on = g_strdup (clw_cycle_get_starts_on (cycle));
  self->cycle_ends_on = g_strdup (clw_cycle_get_ends_on (cycle));

  if (!clw_imtp_editor_reload (self, error))
    return NULL;

  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

const char *
clw_imtp_editor_get_practice_id (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), NULL);

  return self->practice_id;
}

const char *
clw_imtp_editor_get_cycle_id (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), NULL);

  return self->cycle_id;
}

const char *
clw_imtp_editor_get_deadline (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), NULL);

  return self->cycle_ends_on;
}

guint
clw_imtp_editor_get_merge_seconds (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), 0);

  return self->merge_seconds;
}

void
clw_imtp_editor_set_merge_seconds (ClwImtpEditor *self,
                                   guint          seconds)
{
  g_return_if_fail (CLW_IS_IMTP_EDITOR (self));

  if (self->merge_seconds == seconds)
    return;

  self->merge_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGE_SECONDS]);
}

gboolean
clw_imtp_editor_get_exists (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);

  return self->contribution != NULL;
}

ClwImtpContribution *
clw_imtp_editor_get_contribution (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), NULL);

  return self->contribution;
}

ClwContributionStatus
clw_imtp_editor_get_status (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), CLW_CONTRIBUTION_STATUS_DRAFT);

  if (self->contribution == NULL)
    return CLW_CONTRIBUTION_STATUS_DRAFT;
  return clw_imtp_contribution_get_status (self->contribution);
}

const char *
clw_imtp_editor_get_submitted_on (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), NULL);

  if (self->contribution == NULL)
    return NULL;
  return clw_imtp_contribution_get_submitted_on (self->contribution);
}

gboolean
clw_imtp_editor_is_late (ClwImtpEditor *self)
{
  const char *submitted_on;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);

  submitted_on = clw_imtp_editor_get_submitted_on (self);
  return clw_imtp_editor_get_status (self) == CLW_CONTRIBUTION_STATUS_SUBMITTED &&
         !clw_text_is_blank (submitted_on) &&
         g_strcmp0 (submitted_on, self->cycle_ends_on) > 0;
}

gboolean
clw_imtp_editor_would_be_late (ClwImtpEditor *self,
                               const char    *on)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);

  if (on == NULL)
    {
      g_autoptr(GDate) date = clw_database_get_today (self->db);
      on = today = clw_date_format_iso (date);
    }

  return g_strcmp0 (on, self->cycle_ends_on) > 0;
}

GListModel *
clw_imtp_editor_get_sections (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), NULL);

  return G_LIST_MODEL (self->sections);
}

ClwImtpSection *
clw_imtp_editor_get_section (ClwImtpEditor      *self,
                             ClwImtpSectionKind  kind)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), NULL);
  g_return_val_if_fail ((guint) kind < CLW_N_IMTP_SECTION_KINDS, NULL);

  return section_at (self, kind);
}

gboolean
clw_imtp_editor_get_workforce (ClwImtpEditor    *self,
                               ClwWorkforceRole  role,
                               int              *headcount,
                               double           *wte)
{
  ClwImtpWorkforce *count;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);
  g_return_val_if_fail ((guint) role < CLW_N_WORKFORCE_ROLES, FALSE);

  count = workforce_at (self, role);
  if (headcount != NULL)
    *headcount = clw_imtp_workforce_get_headcount (count);
  if (wte != NULL)
    *wte = clw_imtp_workforce_get_wte (count);
  return is_stored (count);
}

GStrv
clw_imtp_editor_list_missing (ClwImtpEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) roles = g_string_new (NULL);
  gint64 total = 0;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), NULL);

  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    if (clw_imtp_section_get_status (section_at (self, kind)) != CLW_SECTION_STATUS_COMPLETE)
      {
        g_autofree char *line = g_strdup_printf (_("The section “%s” is not complete."),
                                                 clw_imtp_section_kind_to_label (kind));
        g_strv_builder_add (builder, line);
      }

  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      ClwImtpWorkforce *count = workforce_at (self, role);

      if (!is_stored (count))
        g_string_append_printf (roles, "%s%s", roles->len ? ", " : "",
                                clw_workforce_role_to_label (role));
      else
        total += clw_imtp_workforce_get_headcount (count);
    }

  if (roles->len > 0)
    {
      g_autofree char *line = g_strdup_printf (_("The workforce is not counted: enter the "
                                                 "headcount and whole-time equivalent of %s "
                                                 "(0 where there are none)."), roles->str);
      g_strv_builder_add (builder, line);
    }
  else if (total == 0)
    g_strv_builder_add (builder, _("The workforce counts are all zero: enter the practice's staff."));

  return g_strv_builder_end (builder);
}

gboolean
clw_imtp_editor_is_ready (ClwImtpEditor *self)
{
  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);

  return _clw_imtp_contribution_is_ready (sections_complete (self), workforce_counted (self));
}

gboolean
clw_imtp_editor_reload (ClwImtpEditor  *self,
                        GError        **error)
{
  const char *params[] = { self->practice_id, self->cycle_id, NULL };
  g_autoptr(GListStore) contributions = NULL;
  g_autoptr(ClwImtpContribution) contribution = NULL;
  g_autoptr(GListStore) sections = NULL;
  g_autoptr(GListStore) counts = NULL;
  Snapshot before;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);

  contributions = clw_record_list (self->db, CLW_TYPE_IMTP_CONTRIBUTION,
                                   "practice_id = ? AND cycle_id = ?", params, error);
  if (contributions == NULL)
    return FALSE;
  contribution = g_list_model_get_item (G_LIST_MODEL (contributions), 0);

  if (contribution != NULL)
    {
      const char *id_params[] = { clw_record_get_id (CLW_RECORD (contribution)), NULL };

      sections = clw_record_list (self->db, CLW_TYPE_IMTP_SECTION, "contribution_id = ?",
                                  id_params, error);
      if (sections == NULL)
        return FALSE;
      counts = clw_record_list (self->db, CLW_TYPE_IMTP_WORKFORCE, "contribution_id = ?",
                                id_params, error);
      if (counts == NULL)
        return FALSE;
    }

  snapshot_take (self, &before);

  if (contribution == NULL)
    g_clear_object (&self->contribution);
  else if (self->contribution == NULL)
    self->contribution = g_object_ref (contribution);
  else
    record_assign (CLW_RECORD (self->contribution), CLW_RECORD (contribution));

  for (guint kind = 0; kind < CLW_N_IMTP_SECTION_KINDS; kind++)
    {
      g_autoptr(ClwImtpSection) stored = NULL;

      for (guint i = 0; sections != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (sections)); i++)
        {
          g_autoptr(ClwImtpSection) s = g_list_model_get_item (G_LIST_MODEL (sections), i);
          if (clw_imtp_section_get_kind (s) == kind)
            stored = g_steal_pointer (&s);
        }
      if (stored == NULL)
        stored = new_unsaved_section (kind);
      record_assign (CLW_RECORD (section_at (self, kind)), CLW_RECORD (stored));
    }

  for (guint role = 0; role < CLW_N_WORKFORCE_ROLES; role++)
    {
      g_autoptr(ClwImtpWorkforce) stored = NULL;

      for (guint i = 0; counts != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (counts)); i++)
        {
          g_autoptr(ClwImtpWorkforce) w = g_list_model_get_item (G_LIST_MODEL (counts), i);
          if (clw_imtp_workforce_get_role (w) == role)
            stored = g_steal_pointer (&w);
        }
      if (stored == NULL)
        stored = new_unsaved_workforce (role);
      record_assign (CLW_RECORD (workforce_at (self, role)), CLW_RECORD (stored));
    }

  snapshot_notify (self, &before);
  return TRUE;
}

/* Writing ---------------------------------------------------------------- */

static gboolean
begin_change (ClwImtpEditor  *self,
              const char     *label,
              const char     *merge_key,
              GError        **error)
{
  if (!clw_database_begin (self->db, error))
    return FALSE;

  clw_database_set_change_label (self->db, label);
  if (merge_key != NULL)
    clw_database_set_change_merge_key (self->db, merge_key, self->merge_seconds);
  return TRUE;
}

/* Commit, or roll back when @ok is FALSE. The database's "changed" signal
 * reloads the editor from what was stored. */
static gboolean
end_change (ClwImtpEditor  *self,
            gboolean        ok,
            GError        **error)
{
  if (!ok)
    {
      clw_database_rollback (self->db);
      return FALSE;
    }

  return clw_database_commit (self->db, error);
}

static gboolean
check_draft (ClwImtpEditor  *self,
             GError        **error)
{
  if (clw_imtp_editor_get_status (self) == CLW_CONTRIBUTION_STATUS_SUBMITTED)
    {
      g_autofree char *on = clw_date_format_display (clw_imtp_editor_get_submitted_on (self));
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("The IMTP contribution of %s was submitted on %s: reopen it to change it."),
                   self->practice_code, on);
      return FALSE;
    }

  return TRUE;
}

/* Inside a transaction: store the contribution and any of its sections not
 * stored yet. @section, when not NULL, receives a copy of the stored
 * section of @kind to change. */
static gboolean
ensure_in_transaction (ClwImtpEditor       *self,
                       ClwImtpSectionKind   kind,
                       ClwImtpSection     **section,
                       char               **contribution_id,
                       GError             **error)
{
  g_autoptr(ClwImtpContribution) contribution = NULL;

  if (self->contribution != NULL)
    contribution = g_object_ref (self->contribution);
  else
    {
      contribution = clw_imtp_contribution_new ();
      g_object_set (contribution,
                    "practice-id", self->practice_id,
                    "cycle-id", self->cycle_id,
                    "status", CLW_CONTRIBUTION_STATUS_DRAFT,
                    NULL);
      if (!clw_record_insert (CLW_RECORD (contribution), self->db, CLW_WRITE_DEFAULT, error))
        return FALSE;
    }

  for (guint k = 0; k < CLW_N_IMTP_SECTION_KINDS; k++)
    {
      g_autoptr(ClwImtpSection) copy = (ClwImtpSection *) clw_record_copy (CLW_RECORD (section_at (self, k)));

      if (!is_stored (copy))
        {
          g_object_set (copy, "contribution-id", clw_record_get_id (CLW_RECORD (contribution)), NULL);
          if (!clw_record_insert (CLW_RECORD (copy), self->db, CLW_WRITE_DEFAULT, error))
            return FALSE;
        }
      if (section != NULL && k == (guint) kind)
        *section = g_steal_pointer (&copy);
    }

  if (contribution_id != NULL)
    *contribution_id = g_strdup (clw_record_get_id (CLW_RECORD (contribution)));
  return TRUE;
}

gboolean
clw_imtp_editor_ensure (ClwImtpEditor  *self,
                        GError        **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);

  if (self->contribution != NULL)
    return TRUE;

  /* TRANSLATORS: an undo label, "Start the IMTP contribution of W12345" */
  label = g_strdup_printf (_("Start the IMTP contribution of %s"), self->practice_code);
  if (!begin_change (self, label, NULL, error))
    return FALSE;

  return end_change (self, ensure_in_transaction (self, 0, NULL, NULL, error), error);
}

gboolean
clw_imtp_editor_save_section (ClwImtpEditor       *self,
                              ClwImtpSectionKind   kind,
                              const char          *body,
                              const char          *body_cy,
                              GError             **error)
{
  g_autoptr(ClwImtpSection) section = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  gboolean ok;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);
  g_return_val_if_fail ((guint) kind < CLW_N_IMTP_SECTION_KINDS, FALSE);

  if (!check_draft (self, error))
    return FALSE;

  /* TRANSLATORS: an undo label, "Edit “Workforce” of W12345" */
  label = g_strdup_printf (_("Edit “%s” of %s"), clw_imtp_section_kind_to_label (kind),
                           self->practice_code);
  key = g_strdup_printf ("imtp-text:%s:%s:%u", self->practice_id, self->cycle_id, kind);
  if (!begin_change (self, label, key, error))
    return FALSE;

  ok = ensure_in_transaction (self, kind, &section, NULL, error);
  if (ok)
    {
      ClwSectionStatus status = clw_imtp_section_get_status (section);
      gboolean has_text;

      if (body != NULL)
        g_object_set (section, "body", body, NULL);
      if (body_cy != NULL)
        g_object_set (section, "body-cy", body_cy, NULL);

      has_text = !clw_text_is_blank (clw_imtp_section_get_body (section)) ||
                 !clw_text_is_blank (clw_imtp_section_get_body_cy (section));
      if (status == CLW_SECTION_STATUS_NOT_STARTED && has_text)
        g_object_set (section, "status", CLW_SECTION_STATUS_IN_PROGRESS, NULL);
      else if (status == CLW_SECTION_STATUS_COMPLETE && !has_text)
        g_object_set (section, "status", CLW_SECTION_STATUS_IN_PROGRESS, NULL);

      ok = clw_record_update (CLW_RECORD (section), self->db, CLW_WRITE_DEFAULT, error);
    }

  return end_change (self, ok, error);
}

gboolean
clw_imtp_editor_set_section_status (ClwImtpEditor       *self,
                                    ClwImtpSectionKind   kind,
                                    ClwSectionStatus     status,
                                    GError             **error)
{
  g_autoptr(ClwImtpSection) section = NULL;
  const char *kind_label;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);
  g_return_val_if_fail ((guint) kind < CLW_N_IMTP_SECTION_KINDS, FALSE);

  if (!check_draft (self, error))
    return FALSE;

  kind_label = clw_imtp_section_kind_to_label (kind);
  if (status == CLW_SECTION_STATUS_COMPLETE)
    {
      ClwImtpSection *current = section_at (self, kind);

      if (clw_text_is_blank (clw_imtp_section_get_body (current)) &&
          clw_text_is_blank (clw_imtp_section_get_body_cy (current)))
        {
          g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                       _("The section “%s” has no text yet: write it before marking it complete."),
                       kind_label);
          return FALSE;
        }
      /* TRANSLATORS: an undo label, "Mark “Workforce” of W12345 complete" */
      label = g_strdup_printf (_("Mark “%s” of %s complete"), kind_label, self->practice_code);
    }
  else if (status == CLW_SECTION_STATUS_IN_PROGRESS)
    /* TRANSLATORS: an undo label */
    label = g_strdup_printf (_("Mark “%s” of %s in progress"), kind_label, self->practice_code);
  else
    /* TRANSLATORS: an undo label */
    label = g_strdup_printf (_("Mark “%s” of %s not started"), kind_label, self->practice_code);

  if (!begin_change (self, label, NULL, error))
    return FALSE;

  ok = ensure_in_transaction (self, kind, &section, NULL, error);
  if (ok)
    {
      g_object_set (section, "status", status, NULL);
      ok = clw_record_update (CLW_RECORD (section), self->db, CLW_WRITE_DEFAULT, error);
    }

  return end_change (self, ok, error);
}

gboolean
clw_imtp_editor_set_workforce (ClwImtpEditor     *self,
                               ClwWorkforceRole   role,
                               int                headcount,
                               double             wte,
                               GError           **error)
{
  g_autoptr(ClwImtpWorkforce) count = NULL;
  g_autofree char *contribution_id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  gboolean ok;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);
  g_return_val_if_fail ((guint) role < CLW_N_WORKFORCE_ROLES, FALSE);

  if (headcount < 0 || wte < 0.0)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("A workforce count cannot be negative."));
      return FALSE;
    }

  if (!check_draft (self, error))
    return FALSE;

  /* TRANSLATORS: an undo label, "Count nurses of W12345"; %s is a role as "Nurses" */
  label = g_strdup_printf (_("Count “%s” of %s"), clw_workforce_role_to_label (role),
                           self->practice_code);
  key = g_strdup_printf ("imtp-workforce:%s:%s:%u", self->practice_id, self->cycle_id, role);
  if (!begin_change (self, label, key, error))
    return FALSE;

  ok = ensure_in_transaction (self, 0, NULL, &contribution_id, error);
  if (ok)
    {
      count = (ClwImtpWorkforce *) clw_record_copy (CLW_RECORD (workforce_at (self, role)));
      g_object_set (count,
                    "contribution-id", contribution_id,
                    "headcount", headcount,
                    "wte", wte,
                    NULL);
      ok = clw_record_upsert (CLW_RECORD (count), self->db, CLW_WRITE_DEFAULT, error);
    }

  return end_change (self, ok, error);
}

gboolean
clw_imtp_editor_submit (ClwImtpEditor  *self,
                        const char     *submitted_on,
                        GError        **error)
{
  g_autoptr(ClwImtpContribution) contribution = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);

  if (!check_draft (self, error))
    return FALSE;

  missing = clw_imtp_editor_list_missing (self);
  if (self->contribution == NULL || missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (" ", missing);
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("The IMTP contribution of %s cannot be submitted yet. %s"),
                   self->practice_code, list);
      return FALSE;
    }

  if (submitted_on == NULL)
    {
      g_autoptr(GDate) date = clw_database_get_today (self->db);
      submitted_on = today = clw_date_format_iso (date);
    }
  if (!clw_date_is_valid (submitted_on))
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The date of submission must be written YYYY-MM-DD, not “%s”."), submitted_on);
      return FALSE;
    }
  if (g_strcmp0 (submitted_on, self->cycle_starts_on) < 0)
    {
      g_autofree char *starts = clw_date_format_display (self->cycle_starts_on);
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_INVALID,
                   _("The date of submission (%s) is before the cycle starts (%s)."),
                   submitted_on, starts);
      return FALSE;
    }

  /* After the cycle's last day it is accepted, and late: see is_late(). */
  contribution = (ClwImtpContribution *) clw_record_copy (CLW_RECORD (self->contribution));
  g_object_set (contribution,
                "status", CLW_CONTRIBUTION_STATUS_SUBMITTED,
                "submitted-on", submitted_on,
                NULL);

  /* TRANSLATORS: an undo label, "Submit the IMTP contribution of W12345" */
  label = g_strdup_printf (_("Submit the IMTP contribution of %s"), self->practice_code);
  if (!begin_change (self, label, NULL, error))
    return FALSE;

  return end_change (self,
                     clw_record_update (CLW_RECORD (contribution), self->db, CLW_WRITE_DEFAULT, error),
                     error);
}

gboolean
clw_imtp_editor_reopen (ClwImtpEditor  *self,
                        GError        **error)
{
  g_autoptr(ClwImtpContribution) contribution = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CLW_IS_IMTP_EDITOR (self), FALSE);

  if (clw_imtp_editor_get_status (self) != CLW_CONTRIBUTION_STATUS_SUBMITTED)
    {
      g_set_error (error, CLW_DOMAIN_ERROR, CLW_DOMAIN_ERROR_RULE,
                   _("The IMTP contribution of %s is a draft already."), self->practice_code);
      return FALSE;
    }

  contribution = (ClwImtpContribution *) clw_record_copy (CLW_RECORD (self->contribution));
  g_object_set (contribution,
                "status", CLW_CONTRIBUTION_STATUS_DRAFT,
                "submitted-on", NULL,
                NULL);

  /* TRANSLATORS: an undo label, "Reopen the IMTP contribution of W12345" */
  label = g_strdup_printf (_("Reopen the IMTP contribution of %s"), self->practice_code);
  if (!begin_change (self, label, NULL, error))
    return FALSE;

  return end_change (self,
                     clw_record_update (CLW_RECORD (contribution), self->db, CLW_WRITE_DEFAULT, error),
                     error);
}

/* The cluster view ------------------------------------------------------- */

GListModel *
clw_imtp_editor_list_cluster (ClwDatabase  *db,
                              const char   *cluster_id,
                              const char   *cycle_id,
                              GError      **error)
{
  g_autoptr(ClwStmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (CLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);
  g_return_val_if_fail (cycle_id != NULL, NULL);

  if (!clw_record_exists (db, CLW_TYPE_CYCLE, cycle_id))
    {
      g_set_error (error, CLW_DB_ERROR, CLW_DB_ERROR_NOT_FOUND,
                   _("There is no cycle with the id %s."), cycle_id);
      return NULL;
    }

  stmt = _clw_database_prepare (db,
                                "SELECT p.id, p.code, p.name, c.id, c.status, c.submitted_on, "
                                "  c.submitted_on > y.ends_on, "
                                "  (SELECT count(*) FROM imtp_section s "
                                "   WHERE s.contribution_id = c.id AND s.status = 'complete'), "
                                "  (SELECT count(*) FROM imtp_workforce w WHERE w.contribution_id = c.id), "
                                "  (SELECT coalesce(sum(w.headcount), 0) FROM imtp_workforce w "
                                "   WHERE w.contribution_id = c.id) "
                                "FROM practice p JOIN cycle y ON y.id = ?2 "
                                "LEFT JOIN imtp_contribution c ON c.practice_id = p.id AND c.cycle_id = y.id "
                                "WHERE p.cluster_id = ?1 ORDER BY p.code",
                                error);
  if (stmt == NULL)
    return NULL;
  _clw_bind_text (stmt, 1, cluster_id);
  _clw_bind_text (stmt, 2, cycle_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClwContributionStatus status = CLW_CONTRIBUTION_STATUS_DRAFT;
      int value;

      if (clw_enum_from_nick (CLW_TYPE_CONTRIBUTION_STATUS, _clw_column_text (stmt, 4), &value))
        status = value;

      g_ptr_array_add (items,
                       _clw_imtp_practice_status_new (_clw_column_text (stmt, 0),
                                                      _clw_column_text (stmt, 1),
                                                      _clw_column_text (stmt, 2),
                                                      _clw_column_text (stmt, 3),
                                                      status,
                                                      _clw_column_text (stmt, 5),
                                                      status == CLW_CONTRIBUTION_STATUS_SUBMITTED &&
                                                      sqlite3_column_int (stmt, 6) != 0,
                                                      sqlite3_column_int (stmt, 7),
                                                      _clw_imtp_workforce_is_counted (sqlite3_column_int (stmt, 8),
                                                                                      sqlite3_column_int64 (stmt, 9))));
    }
  if (rc != SQLITE_DONE)
    {
      _clw_database_set_error (db, rc, _("listing the IMTP contributions"), error);
      return NULL;
    }

  store = g_list_store_new (CLW_TYPE_IMTP_PRACTICE_STATUS);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
