/* clw-welcome-page.c: what the window shows with no database open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "clw-welcome"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "clw-gui-util.h"
#include "clw-welcome-page.h"

struct _ClwWelcomePage
{
  GtkWidget       parent_instance;

  guint           pulse_source;

  /* Template children */
  GtkWidget      *buttons;
  GtkWidget      *demo_button;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *progress_box;
  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (ClwWelcomePage, clw_welcome_page, GTK_TYPE_WIDGET)

static gboolean
pulse_cb (gpointer user_data)
{
  ClwWelcomePage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
clw_welcome_page_dispose (GObject *object)
{
  ClwWelcomePage *self = (ClwWelcomePage *) object;

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_WELCOME_PAGE);
  clw_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (clw_welcome_page_parent_class)->dispose (object);
}

static void
clw_welcome_page_class_init (ClwWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwWelcomePage, buttons);
  gtk_widget_class_bind_template_child (widget_class, ClwWelcomePage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, ClwWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClwWelcomePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ClwWelcomePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ClwWelcomePage, status_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_welcome_page_init (ClwWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
clw_welcome_page_set_busy (ClwWelcomePage *self,
                           const char     *text)
{
  g_return_if_fail (CLW_IS_WELCOME_PAGE (self));

  gtk_widget_set_sensitive (self->buttons, text == NULL);
  gtk_widget_set_visible (self->progress_box, text != NULL);
  gtk_label_set_label (self->progress_label, text != NULL ? text : "");

  if (text != NULL && self->pulse_source == 0)
    self->pulse_source = g_timeout_add (100, pulse_cb, self);
  else if (text == NULL)
    g_clear_handle_id (&self->pulse_source, g_source_remove);
}
