/* clw-buddy-with-dialog.c: choosing a small practice's buddy from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What dragging does, without a mouse: the practices that could be the
 * buddy, each with the first rule it would break (or that it keeps them
 * all), and every rule for the one chosen. Arrow keys choose, Enter asks.
 */

#define G_LOG_DOMAIN "clw-buddy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-checks.h"
#include "clw-buddy-option.h"
#include "clw-buddy-with-dialog.h"

struct _ClwBuddyWithDialog
{
  AdwMessageDialog    parent_instance;

  char               *small_practice_id;   /* owned */
  GListStore         *options;             /* owned: ClwBuddyOption */

  /* Template children */
  ClwBuddyChecks     *checks;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (ClwBuddyWithDialog, clw_buddy_with_dialog, ADW_TYPE_MESSAGE_DIALOG)

static ClwBuddyOption *
chosen_option (ClwBuddyWithDialog *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
selection_changed_cb (ClwBuddyWithDialog *self)
{
  ClwBuddyOption *option = chosen_option (self);

  clw_buddy_checks_set_checks (self->checks, option != NULL ? clw_buddy_option_get_checks (option) : NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "request",
                                           option != NULL && clw_buddy_option_get_allowed (option));
}

static void
activated_cb (ClwBuddyWithDialog *self,
              guint               position)
{
  ClwBuddyOption *option;

  gtk_single_selection_set_selected (self->selection, position);
  option = chosen_option (self);
  if (option != NULL && clw_buddy_option_get_allowed (option))
    {
      /* As the button would: answer, then close. */
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "request");
      gtk_window_close (GTK_WINDOW (self));
    }
}

static char *
allowed_icon_cb (gpointer  unused,
                 gboolean  allowed)
{
  return g_strdup (allowed ? "emblem-ok-symbolic" : "window-close-symbolic");
}

static char **
allowed_classes_cb (gpointer  unused,
                    gboolean  allowed)
{
  return g_strdupv ((char *[]) { allowed ? "success" : "error", NULL });
}

static void
clw_buddy_with_dialog_dispose (GObject *object)
{
  ClwBuddyWithDialog *self = (ClwBuddyWithDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_BUDDY_WITH_DIALOG);
  g_clear_object (&self->options);

  G_OBJECT_CLASS (clw_buddy_with_dialog_parent_class)->dispose (object);
}

static void
clw_buddy_with_dialog_finalize (GObject *object)
{
  ClwBuddyWithDialog *self = (ClwBuddyWithDialog *) object;

  g_free (self->small_practice_id);

  G_OBJECT_CLASS (clw_buddy_with_dialog_parent_class)->finalize (object);
}

static void
clw_buddy_with_dialog_class_init (ClwBuddyWithDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_buddy_with_dialog_dispose;
  object_class->finalize = clw_buddy_with_dialog_finalize;

  g_type_ensure (CLW_TYPE_BUDDY_CHECKS);
  g_type_ensure (CLW_TYPE_BUDDY_OPTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-buddy-with-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyWithDialog, checks);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyWithDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyWithDialog, selection);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, allowed_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, allowed_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
}

static void
clw_buddy_with_dialog_init (ClwBuddyWithDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->options = g_list_store_new (CLW_TYPE_BUDDY_OPTION);
}

ClwBuddyWithDialog *
clw_buddy_with_dialog_new (GtkWindow      *parent,
                           ClwBuddyBoard  *board,
                           const char     *small_practice_id,
                           GError        **error)
{
  g_autoptr(ClwBuddyWithDialog) self = NULL;
  g_autoptr(GPtrArray) allowed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *buddies;
  const char *small_code = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (CLW_IS_BUDDY_BOARD (board), NULL);
  g_return_val_if_fail (small_practice_id != NULL, NULL);

  buddies = clw_buddy_board_get_buddy_practices (board);
  for (guint i = 0; i < g_list_model_get_n_items (buddies); i++)
    {
      g_autoptr(ClwBuddyCandidate) buddy = g_list_model_get_item (buddies, i);
      g_autoptr(GListModel) checks = NULL;

      if (g_strcmp0 (clw_buddy_candidate_get_practice_id (buddy), small_practice_id) == 0)
        continue;

      checks = clw_buddy_board_check (board, small_practice_id, clw_buddy_candidate_get_practice_id (buddy),
                                      NULL, error);
      if (checks == NULL)
        return NULL;

      g_ptr_array_add (clw_buddy_rule_checks_allow_request (checks) ? allowed : others,
                       clw_buddy_option_new (buddy, checks));
    }

  {
    GListModel *small = clw_buddy_board_get_small_practices (board);

    for (guint i = 0; i < g_list_model_get_n_items (small) && small_code == NULL; i++)
      {
        g_autoptr(ClwBuddyCandidate) candidate = g_list_model_get_item (small, i);

        if (g_strcmp0 (clw_buddy_candidate_get_practice_id (candidate), small_practice_id) == 0)
          small_code = g_intern_string (clw_buddy_candidate_get_code (candidate));
      }
  }

  self = g_object_ref_sink (g_object_new (CLW_TYPE_BUDDY_WITH_DIALOG, "transient-for", parent, NULL));
  self->small_practice_id = g_strdup (small_practice_id);
  g_list_store_splice (self->options, 0, 0, allowed->pdata, allowed->len);
  g_list_store_splice (self->options, allowed->len, 0, others->pdata, others->len);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->options));
  selection_changed_cb (self);

  /* Translators: the heading of the dialog choosing a buddy: "Buddy W10001 With…" */
  heading = g_strdup_printf (_("Buddy %s With…"), small_code != NULL ? small_code : "");
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->options)) == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("No practice of the cluster is larger than this one and free to be a "
                                   "buddy: there is nobody to ask."));

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return g_steal_pointer (&self);
}

const char *
clw_buddy_with_dialog_get_small_practice_id (ClwBuddyWithDialog *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_WITH_DIALOG (self), NULL);

  return self->small_practice_id;
}

GListModel *
clw_buddy_with_dialog_get_options (ClwBuddyWithDialog *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_WITH_DIALOG (self), NULL);

  return G_LIST_MODEL (self->options);
}

ClwBuddyCandidate *
clw_buddy_with_dialog_get_chosen (ClwBuddyWithDialog *self)
{
  ClwBuddyOption *option;

  g_return_val_if_fail (CLW_IS_BUDDY_WITH_DIALOG (self), NULL);

  option = chosen_option (self);
  return option != NULL ? clw_buddy_option_get_buddy (option) : NULL;
}

void
clw_buddy_with_dialog_choose (ClwBuddyWithDialog *self,
                              guint               position)
{
  g_return_if_fail (CLW_IS_BUDDY_WITH_DIALOG (self));

  gtk_single_selection_set_selected (self->selection, position);
}
