/* clw-date-entry.c: a date, typed as YYYY-MM-DD or picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ClwDateEntry::committed is emitted when the user is done with the date:
 * Enter in the entry, focus leaving it after a change, or a day picked in
 * the calendar.
 */

#define G_LOG_DOMAIN "clw-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-core.h"
#include "clw-date-entry.h"

struct _ClwDateEntry
{
  GtkWidget     parent_instance;

  char         *committed_text;   /* owned: the text when last committed */
  gboolean      syncing;          /* showing the typed date in the calendar */

  /* Template children */
  GtkCalendar  *calendar;
  GtkEntry     *entry;
  GtkPopover   *popover;
};

G_DEFINE_FINAL_TYPE (ClwDateEntry, clw_date_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LABEL,
  N_PROPS
};

enum {
  COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_validity (ClwDateEntry *self)
{
  if (clw_date_entry_is_valid (self, TRUE))
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
}

static void
commit (ClwDateEntry *self)
{
  const char *text = clw_date_entry_get_text (self);

  if (g_strcmp0 (text, self->committed_text) == 0)
    return;

  g_free (self->committed_text);
  self->committed_text = g_strdup (text);
  g_signal_emit (self, signals[COMMITTED], 0);
}

static void
entry_changed_cb (ClwDateEntry *self)
{
  update_validity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
entry_activate_cb (ClwDateEntry *self)
{
  commit (self);
}

static void
focus_leave_cb (ClwDateEntry *self)
{
  commit (self);
}

static void
popover_show_cb (ClwDateEntry *self)
{
  g_autoptr(GDate) date = clw_date_parse (clw_date_entry_get_text (self));
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL)
    return;

  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->syncing = FALSE;
}

static void
day_selected_cb (ClwDateEntry *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), iso);
  gtk_popover_popdown (self->popover);
  commit (self);
}

static void
clw_date_entry_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLW_TYPE_DATE_ENTRY);
  clw_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (clw_date_entry_parent_class)->dispose (object);
}

static void
clw_date_entry_finalize (GObject *object)
{
  ClwDateEntry *self = (ClwDateEntry *) object;

  g_free (self->committed_text);

  G_OBJECT_CLASS (clw_date_entry_parent_class)->finalize (object);
}

static void
clw_date_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClwDateEntry *self = CLW_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, clw_date_entry_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_date_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ClwDateEntry *self = CLW_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      clw_date_entry_set_text (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
clw_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CLW_DATE_ENTRY (widget)->entry));
}

static void
clw_date_entry_class_init (ClwDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_date_entry_dispose;
  object_class->finalize = clw_date_entry_finalize;
  object_class->get_property = clw_date_entry_get_property;
  object_class->set_property = clw_date_entry_set_property;

  widget_class->grab_focus = clw_date_entry_grab_focus;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the date is, for screen readers: "Due date". */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COMMITTED] = g_signal_new ("committed",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-date-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwDateEntry, calendar);
  gtk_widget_class_bind_template_child (widget_class, ClwDateEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, ClwDateEntry, popover);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
clw_date_entry_init (ClwDateEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
}

const char *
clw_date_entry_get_text (ClwDateEntry *self)
{
  g_return_val_if_fail (CLW_IS_DATE_ENTRY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
clw_date_entry_set_text (ClwDateEntry *self,
                         const char   *iso_date)
{
  g_return_if_fail (CLW_IS_DATE_ENTRY (self));

  if (iso_date == NULL)
    iso_date = "";

  g_free (self->committed_text);
  self->committed_text = g_strdup (iso_date);
  if (g_strcmp0 (iso_date, clw_date_entry_get_text (self)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), iso_date);
}

gboolean
clw_date_entry_is_valid (ClwDateEntry *self,
                         gboolean      allow_empty)
{
  const char *text;

  g_return_val_if_fail (CLW_IS_DATE_ENTRY (self), FALSE);

  text = clw_date_entry_get_text (self);
  if (*text == '\0')
    return allow_empty;
  return clw_date_is_valid (text);
}
