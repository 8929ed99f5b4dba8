/* clw-application.c: the Clwstwr application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clwstwr"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "clw-application.h"
#include "clw-preferences-window.h"
#include "clw-window.h"

#define MAX_RECENT 8

/* How long a window may wait for its database before it appears anyway,
 * saying it is opening it. */
#define PRESENT_WAIT_MS 400

struct _ClwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;     /* owned */
  ClwOpener      *opener;       /* owned, nullable: the database of the first window */
  GFile          *given;        /* owned, nullable: a file given that is not on this computer */
  gboolean        theme_set;    /* GTK_THEME was set for GTK's start only */
  gint64          started_at;
  ClwMeasure      measure;
};

G_DEFINE_FINAL_TYPE (ClwApplication, clw_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STARTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ClwWindow *
get_window (ClwApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CLW_IS_WINDOW (window))
    return CLW_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (CLW_IS_WINDOW (l->data))
      return l->data;

  return clw_window_new (self);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ClwWindow *window = get_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  clw_window_choose_new_database (window);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ClwWindow *window = get_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  clw_window_choose_database (window);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ClwWindow *window = get_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  clw_window_open_demo (window);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ClwWindow *window = get_window (user_data);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  gtk_window_present (GTK_WINDOW (window));
  clw_window_open_file (window, file);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ClwApplication *self = user_data;
  ClwPreferencesWindow *preferences = clw_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (get_window (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ClwApplication *self = user_data;
  static const char *developers[] = { "The Clwstwr developers", NULL };

  adw_show_about_window (GTK_WINDOW (get_window (self)),
                         "application-name", _("Clwstwr"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Clwstwr developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/clwstwr/clwstwr",
                         "issue-url", "https://github.com/clwstwr/clwstwr/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Run GP Collaboratives and follow their QAIF cluster indicators. "
                                       "For NHS Wales health board primary care teams and cluster leads."),
                         "developers", developers,
                         /* Translators: put your names here, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ClwApplication *self = user_data;

  /* Close the windows so that they save their state. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-demo", open_demo_action },
  { "open-recent", open_recent_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* libadwaita styles everything with its own stylesheet and sets GTK's
 * theme to its empty one, but by then GTK has parsed its default theme:
 * wasted work, a fifth of the time to the first frame. So GTK starts with
 * the empty theme (GTK_THEME), and the variable is gone again before
 * libadwaita looks at it (it leaves the styling to a theme given there).
 * Set while this is the only thread: GTK_THEME is then the last of the
 * variables, and removing it moves no other under a thread reading them. */
static void
prepare_theme (ClwApplication *self)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;

  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  self->theme_set = TRUE;
}

static void
start_gtk_with_empty_theme (ClwApplication *self)
{
  if (!self->theme_set)
    return;

  gtk_init ();
  gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
  self->theme_set = FALSE;
}

static gpointer
load_icon_theme_thread (gpointer data)
{
  g_autoptr(GtkIconTheme) theme = data;
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, "open-menu-symbolic", NULL, 16, 1, GTK_TEXT_DIR_NONE, 0);
  return NULL;
}

/* The first icon looked up reads the index of every folder of the icon
 * theme and its parents (a tenth of the time to the first frame): do it on
 * the other core while the window is made. Once set up, a GtkIconTheme may
 * be used from any thread. */
static void
load_icon_theme (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_thread_unref (g_thread_new ("clw-icon-theme", load_icon_theme_thread, g_object_ref (theme)));
}

static void
clw_application_startup (GApplication *application)
{
  ClwApplication *self = CLW_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "sync.take-copy", { "<Control><Shift>m", NULL } },
    { "sync.export", { "<Control><Shift>e", NULL } },
    { "sync.import", { "<Control><Shift>o", NULL } },
    { "sync.now", { "<Control><Shift>s", NULL } },
    { "sync.conflicts", { "<Control><Shift>c", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  start_gtk_with_empty_theme (self);
  G_APPLICATION_CLASS (clw_application_parent_class)->startup (application);
  load_icon_theme ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
clw_application_activate (GApplication *application)
{
  ClwApplication *self = CLW_APPLICATION (application);
  ClwWindow *window = get_window (self);
  g_autoptr(ClwOpener) opener = g_steal_pointer (&self->opener);

  /* The database given on the command line, or the last one, opened
   * meanwhile. */
  if (opener != NULL && !clw_window_has_database (window) && !clw_window_is_busy (window))
    clw_window_open_prepared (window, opener);
  else if (self->given != NULL)
    {
      g_autoptr(GFile) given = g_steal_pointer (&self->given);
      clw_window_open_file (window, given);
    }
  else if (!clw_window_has_database (window) && !clw_window_is_busy (window))
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");

      if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) file = g_file_new_for_path (last);
          clw_window_open_file (window, file);
        }
      else
        clw_window_show_welcome (window);
    }

  clw_window_present_when_ready (window, PRESENT_WAIT_MS);
}

static void
clw_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  ClwApplication *self = CLW_APPLICATION (application);
  ClwWindow *window = get_window (self);

  /* One database at a time: the first one given. Opening it runs in a
   * thread; the window appears with it, or says it is opening it if that
   * takes long. */
  if (n_files > 0)
    clw_window_open_file (window, files[0]);
  clw_window_present_when_ready (window, PRESENT_WAIT_MS);
}

/* What the first window will show: the file given, or else the last one. */
static char *
choose_first_database (ClwApplication *self,
                       const char     *given)
{
  g_autofree char *last = NULL;

  if (given != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (given);
      char *path = g_file_get_path (file);

      /* The window explains why it cannot open that. */
      if (path == NULL)
        g_set_object (&self->given, file);
      return path;
    }

  last = g_settings_get_string (self->settings, "last-database");
  if (self->measure == CLW_MEASURE_NONE && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return NULL;
}

static int
clw_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  ClwApplication *self = CLW_APPLICATION (application);
  g_autofree const char **files = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("clwstwr %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "measure-startup"))
    self->measure = CLW_MEASURE_STARTUP;
  else if (g_variant_dict_contains (options, "measure-cluster-switch"))
    self->measure = CLW_MEASURE_CLUSTER_SWITCH;

  if (self->measure != CLW_MEASURE_NONE)
    {
      /* A measurement runs in a process of its own, whatever else runs. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  prepare_theme (self);

  /* Open the database from the first millisecond: in a thread, while GTK
   * starts and the window is made on this one. */
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  first = choose_first_database (self, files != NULL ? files[0] : NULL);
  if (first != NULL)
    {
      g_autofree char *cycle_code = NULL;

      if (self->measure == CLW_MEASURE_NONE)
        {
          cycle_code = g_settings_get_string (self->settings, "cycle");
          if (*cycle_code == '\0')
            g_clear_pointer (&cycle_code, g_free);
        }
      self->opener = clw_opener_new (first, CLW_OPEN_EXISTING, cycle_code);
    }

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("clwstwr: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (g_application_get_is_remote (application))
    {
      /* Another Clwstwr runs: it opens the file. Wait for this opening to
       * end (it may have begun a migration) before leaving. */
      if (self->opener != NULL)
        {
          clw_opener_cancel (self->opener);
          while (!clw_opener_is_done (self->opener))
            g_main_context_iteration (NULL, TRUE);
          g_clear_object (&self->opener);
        }

      if (files != NULL && files[0] != NULL)
        {
          g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; files[i] != NULL; i++)
            g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));
          g_application_open (application, (GFile **) gfiles->pdata, gfiles->len, "");
          return EXIT_SUCCESS;
        }
    }

  /* The files were taken out of the arguments: GApplication activates,
   * and the first window shows the database opening already. */
  return -1;
}

static void
clw_application_dispose (GObject *object)
{
  ClwApplication *self = (ClwApplication *) object;

  if (self->opener != NULL)
    clw_opener_cancel (self->opener);
  g_clear_object (&self->opener);
  g_clear_object (&self->given);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (clw_application_parent_class)->dispose (object);
}

static void
clw_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClwApplication *self = CLW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STARTED_AT:
      g_value_set_int64 (value, self->started_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClwApplication *self = CLW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STARTED_AT:
      self->started_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_application_class_init (ClwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = clw_application_dispose;
  object_class->get_property = clw_application_get_property;
  object_class->set_property = clw_application_set_property;

  app_class->startup = clw_application_startup;
  app_class->activate = clw_application_activate;
  app_class->open = clw_application_open;
  app_class->handle_local_options = clw_application_handle_local_options;

  properties[PROP_STARTED_AT] =
    g_param_spec_int64 ("started-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clw_application_init (ClwApplication *self)
{
  static const GOptionEntry options[] = {
    { "measure-startup", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the milliseconds to the first painted dashboard of FILE, and the peak memory, then quit"), NULL },
    { "measure-cluster-switch", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show every cluster of FILE in turn and print the median time to paint one, then quit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    /* The database to open; described by the parameter string below. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
    { NULL }
  };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.db]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Run GP Collaboratives and follow their QAIF cluster indicators."));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr (_("The settings schema %s is not installed. Run “meson install”, or set "
                    "GSETTINGS_SCHEMA_DIR to the build's data folder.\n"), APPLICATION_ID);
      exit (EXIT_FAILURE);
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
}

ClwApplication *
clw_application_new (gint64 started_at)
{
  return g_object_new (CLW_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/clwstwr/Clwstwr",
                       "started-at", started_at,
                       NULL);
}

GSettings *
clw_application_get_settings (ClwApplication *self)
{
  g_return_val_if_fail (CLW_IS_APPLICATION (self), NULL);

  return self->settings;
}

gint64
clw_application_get_started_at (ClwApplication *self)
{
  g_return_val_if_fail (CLW_IS_APPLICATION (self), 0);

  return self->started_at;
}

ClwMeasure
clw_application_get_measure (ClwApplication *self)
{
  g_return_val_if_fail (CLW_IS_APPLICATION (self), CLW_MEASURE_NONE);

  return self->measure;
}

char *
clw_application_dup_user_name (ClwApplication *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CLW_IS_APPLICATION (self), NULL);

  name = g_strstrip (g_settings_get_string (self->settings, "user-name"));
  if (*name == '\0')
    return NULL;
  return g_steal_pointer (&name);
}

void
clw_application_note_opened (ClwApplication *self,
                             const char     *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (CLW_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  /* A measurement leaves the user's settings alone. */
  if (self->measure != CLW_MEASURE_NONE)
    return;

  g_settings_set_string (self->settings, "last-database", path);

  recent = g_settings_get_strv (self->settings, "recent-databases");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) updated);
}
