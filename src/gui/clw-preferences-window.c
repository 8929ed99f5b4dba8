/* clw-preferences-window.c: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences take effect at once; there is nothing to apply or save.
 */

#define G_LOG_DOMAIN "clw-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-preferences-window.h"

struct _ClwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;        /* owned */

  /* Template children */
  GtkAdjustment        *evidence_size_adjustment;
  AdwPreferencesGroup  *identity_group;
  AdwEntryRow          *user_name_row;
};

G_DEFINE_FINAL_TYPE (ClwPreferencesWindow, clw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clw_preferences_window_constructed (GObject *object)
{
  ClwPreferencesWindow *self = (ClwPreferencesWindow *) object;
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (clw_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "user-name", self->user_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "evidence-max-size", self->evidence_size_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);

  description = g_strdup_printf (_("Recorded in the audit log beside every change you make. "
                                   "Leave it empty to use the name of your login, %s."),
                                 g_get_real_name ());
  adw_preferences_group_set_description (self->identity_group, description);
}

static void
clw_preferences_window_dispose (GObject *object)
{
  ClwPreferencesWindow *self = (ClwPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (clw_preferences_window_parent_class)->dispose (object);
}

static void
clw_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ClwPreferencesWindow *self = CLW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_preferences_window_class_init (ClwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = clw_preferences_window_constructed;
  object_class->dispose = clw_preferences_window_dispose;
  object_class->set_property = clw_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwPreferencesWindow, evidence_size_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ClwPreferencesWindow, identity_group);
  gtk_widget_class_bind_template_child (widget_class, ClwPreferencesWindow, user_name_row);
}

static void
clw_preferences_window_init (ClwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ClwPreferencesWindow *
clw_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CLW_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
