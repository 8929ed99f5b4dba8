/* clw-request-row.c: one request of the decisions list, with Agree and Refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons ask the decisions page ("decisions.agree" and
 * "decisions.refuse", with the request's id), which stores the decision.
 */

#define G_LOG_DOMAIN "clw-decisions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-gui-util.h"
#include "clw-request-row.h"

struct _ClwRequestRow
{
  GtkWidget   parent_instance;

  ClwRequest *request;        /* owned, nullable */

  /* Template children */
  GtkWidget  *agree_button;
  GtkLabel   *details_label;
  GtkWidget  *refuse_button;
  GtkLabel   *summary_label;
  GtkLabel   *title_label;
};

G_DEFINE_FINAL_TYPE (ClwRequestRow, clw_request_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REQUEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
agree_clicked_cb (ClwRequestRow *self)
{
  if (self->request != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "decisions.agree", "s", clw_request_get_id (self->request));
}

static void
refuse_clicked_cb (ClwRequestRow *self)
{
  if (self->request != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "decisions.refuse", "s", clw_request_get_id (self->request));
}

static void
clw_request_row_dispose (GObject *object)
{
  ClwRequestRow *self = (ClwRequestRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_REQUEST_ROW);
  clw_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->request);

  G_OBJECT_CLASS (clw_request_row_parent_class)->dispose (object);
}

static void
clw_request_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClwRequestRow *self = CLW_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_request_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClwRequestRow *self = CLW_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      {
        GObject *request = g_value_get_object (value);
        clw_request_row_set_request (self, CLW_IS_REQUEST (request) ? CLW_REQUEST (request) : NULL);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_request_row_class_init (ClwRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_request_row_dispose;
  object_class->get_property = clw_request_row_get_property;
  object_class->set_property = clw_request_row_set_property;

  /* A GObject, so that a list item's "item" binds to it. */
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-request-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwRequestRow, agree_button);
  gtk_widget_class_bind_template_child (widget_class, ClwRequestRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, ClwRequestRow, refuse_button);
  gtk_widget_class_bind_template_child (widget_class, ClwRequestRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClwRequestRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, agree_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, refuse_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
clw_request_row_init (ClwRequestRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
}

void
clw_request_row_set_request (ClwRequestRow *self,
                             ClwRequest    *request)
{
  g_return_if_fail (CLW_IS_REQUEST_ROW (self));
  g_return_if_fail (request == NULL || CLW_IS_REQUEST (request));

  if (!g_set_object (&self->request, request))
    return;

  gtk_label_set_label (self->title_label, request != NULL ? clw_request_get_title (request) : "");
  gtk_label_set_label (self->summary_label, request != NULL ? clw_request_get_summary (request) : "");
  gtk_label_set_label (self->details_label, request != NULL ? clw_request_get_details (request) : "");

  if (request != NULL)
    {
      g_autofree char *agree = g_strdup_printf (_("Agree the request of %s"), clw_request_get_title (request));
      g_autofree char *refuse = g_strdup_printf (_("Refuse the request of %s"), clw_request_get_title (request));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->agree_button), GTK_ACCESSIBLE_PROPERTY_LABEL, agree, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->refuse_button), GTK_ACCESSIBLE_PROPERTY_LABEL, refuse, -1);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST]);
}

ClwRequest *
clw_request_row_get_request (ClwRequestRow *self)
{
  g_return_val_if_fail (CLW_IS_REQUEST_ROW (self), NULL);

  return self->request;
}
