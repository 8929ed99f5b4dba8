/* clw-decisions-page.c: the requests waiting for a health board's decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One list of the representation and buddy requests of every practice of
 * the board, oldest first, each with Agree and Refuse. A refusal asks for
 * the explanation the practice is owed; core stores the decision.
 */

#define G_LOG_DOMAIN "clw-decisions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-decisions-page.h"
#include "clw-gui-util.h"
#include "clw-refuse-dialog.h"
#include "clw-request-row.h"
#include "clw-request.h"

struct _ClwDecisionsPage
{
  GtkWidget    parent_instance;

  ClwSession  *session;           /* owned */
  char        *health_board_id;   /* owned */
  gulong       changed_id;

  gboolean            dirty;          /* to refresh when shown */

  /* Template children */
  GtkLabel    *intro_label;
  GtkListView *list_view;
  GListStore  *requests;
  GtkStack    *stack;
};

G_DEFINE_FINAL_TYPE (ClwDecisionsPage, clw_decisions_page, GTK_TYPE_WIDGET)

static int
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ClwRequest *first = *(ClwRequest * const *) a;
  ClwRequest *second = *(ClwRequest * const *) b;

  return g_strcmp0 (clw_request_get_requested_on (first), clw_request_get_requested_on (second));
}

static void
refresh_now (ClwDecisionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) representations = NULL;
  g_autoptr(GListStore) buddies = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  ClwDatabase *db;
  guint n;

  if (self->session == NULL || self->health_board_id == NULL)
    {
      g_list_store_remove_all (self->requests);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  db = clw_session_get_database (self->session);
  representations = clw_representation_list_pending (db, self->health_board_id, &error);
  if (representations != NULL)
    buddies = clw_buddy_arrangement_list_pending (db, self->health_board_id, &error);
  if (buddies == NULL)
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not List the Requests"), error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (representations)); i++)
    {
      g_autoptr(ClwRecord) record = g_list_model_get_item (G_LIST_MODEL (representations), i);
      g_ptr_array_add (rows, clw_request_new (db, record));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (buddies)); i++)
    {
      g_autoptr(ClwRecord) record = g_list_model_get_item (G_LIST_MODEL (buddies), i);
      g_ptr_array_add (rows, clw_request_new (db, record));
    }
  g_ptr_array_sort_with_data (rows, compare_requests, NULL);

  g_list_store_splice (self->requests, 0, g_list_model_get_n_items (G_LIST_MODEL (self->requests)),
                       rows->pdata, rows->len);

  n = rows->len;
  if (n > 0)
    {
      g_autofree char *intro = g_strdup_printf (ngettext ("%u request from the practices of this health "
                                                          "board is waiting for a decision, oldest first.",
                                                          "%u requests from the practices of this health "
                                                          "board are waiting for a decision, oldest first.",
                                                          n), n);
      gtk_label_set_label (self->intro_label, intro);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Only what is on screen is kept up to date; the rest when it is shown. */
static void
refresh (ClwDecisionsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
  else
    self->dirty = TRUE;
}

static void
clw_decisions_page_map (GtkWidget *widget)
{
  ClwDecisionsPage *self = CLW_DECISIONS_PAGE (widget);

  GTK_WIDGET_CLASS (clw_decisions_page_parent_class)->map (widget);

  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
}

static void
database_changed_cb (ClwDecisionsPage  *self,
                     const char       **tables)
{
  if (g_strv_contains (tables, "representation") || g_strv_contains (tables, "buddy_arrangement") ||
      g_strv_contains (tables, "practice"))
    refresh (self);
}

static ClwRequest *
find_request (ClwDecisionsPage *self,
              const char       *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->requests));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwRequest) request = g_list_model_get_item (G_LIST_MODEL (self->requests), i);

      if (g_strcmp0 (clw_request_get_id (request), id) == 0)
        return g_steal_pointer (&request);
    }

  return NULL;
}

static void
decide (ClwDecisionsPage *self,
        ClwRequest       *request,
        gboolean          agree,
        const char       *explanation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = clw_session_dup_today_iso (self->session);
  g_autofree char *toast = NULL;

  if (!clw_decision_apply (clw_request_get_record (request), clw_session_get_database (self->session),
                           agree, today, explanation, &error))
    {
      clw_show_error (GTK_WIDGET (self),
                      agree ? _("Could Not Agree the Request") : _("Could Not Refuse the Request"),
                      error);
      return;
    }

  toast = g_strdup_printf (agree ? _("Agreed: %s") : _("Refused: %s"), clw_request_get_title (request));
  clw_widget_add_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
agree_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClwDecisionsPage *self = CLW_DECISIONS_PAGE (widget);
  g_autoptr(ClwRequest) request = find_request (self, g_variant_get_string (parameter, NULL));

  if (request != NULL)
    decide (self, request, TRUE, NULL);
}

static void
refuse_response_cb (ClwRefuseDialog  *dialog,
                    const char       *response,
                    ClwDecisionsPage *self)
{
  ClwRequest *request = g_object_get_data (G_OBJECT (dialog), "request");

  if (g_str_equal (response, "refuse") && request != NULL && self->session != NULL)
    {
      g_autofree char *explanation = clw_refuse_dialog_dup_explanation (dialog);
      decide (self, request, FALSE, explanation);
    }
}

static void
refuse_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClwDecisionsPage *self = CLW_DECISIONS_PAGE (widget);
  g_autoptr(ClwRequest) request = find_request (self, g_variant_get_string (parameter, NULL));
  g_autofree char *body = NULL;
  ClwRefuseDialog *dialog;

  if (request == NULL)
    return;

  /* Translators: the body of the refusal dialog: the practice, then what it asked */
  body = g_strdup_printf (_("%s — %s"), clw_request_get_title (request), clw_request_get_summary (request));
  dialog = clw_refuse_dialog_new (clw_widget_get_window (widget), body);
  g_object_set_data_full (G_OBJECT (dialog), "request", g_object_ref (request), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (refuse_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clw_decisions_page_dispose (GObject *object)
{
  ClwDecisionsPage *self = (ClwDecisionsPage *) object;

  clw_decisions_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_DECISIONS_PAGE);
  clw_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (clw_decisions_page_parent_class)->dispose (object);
}

static void
clw_decisions_page_finalize (GObject *object)
{
  ClwDecisionsPage *self = (ClwDecisionsPage *) object;

  g_free (self->health_board_id);

  G_OBJECT_CLASS (clw_decisions_page_parent_class)->finalize (object);
}

static void
clw_decisions_page_class_init (ClwDecisionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_decisions_page_dispose;
  object_class->finalize = clw_decisions_page_finalize;

  widget_class->map = clw_decisions_page_map;

  g_type_ensure (CLW_TYPE_REQUEST);
  g_type_ensure (CLW_TYPE_REQUEST_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-decisions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwDecisionsPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ClwDecisionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ClwDecisionsPage, requests);
  gtk_widget_class_bind_template_child (widget_class, ClwDecisionsPage, stack);

  gtk_widget_class_install_action (widget_class, "decisions.agree", "s", agree_action);
  gtk_widget_class_install_action (widget_class, "decisions.refuse", "s", refuse_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_decisions_page_init (ClwDecisionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
clw_decisions_page_set_session (ClwDecisionsPage *self,
                                ClwSession       *session)
{
  g_return_if_fail (CLW_IS_DECISIONS_PAGE (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->changed_id = g_signal_connect_object (session, "changed",
                                                G_CALLBACK (database_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  g_clear_pointer (&self->health_board_id, g_free);

  if (self->requests != NULL)
    refresh (self);
}

void
clw_decisions_page_set_health_board_id (ClwDecisionsPage *self,
                                        const char       *health_board_id)
{
  g_return_if_fail (CLW_IS_DECISIONS_PAGE (self));

  if (g_strcmp0 (self->health_board_id, health_board_id) == 0)
    return;

  g_free (self->health_board_id);
  self->health_board_id = g_strdup (health_board_id);
  refresh (self);
}
