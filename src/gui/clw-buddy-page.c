/* clw-buddy-page.c: buddying in a cluster's GP Collaborative, by drag and drop or keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three lists of core's buddy board (ClwBuddyBoard) for the cycle shown:
 * the small practices that may ask for a buddy, the arrangements of the
 * cycle, the larger practices that could be one. Dropping a small practice
 * on a larger one proposes the pair: core checks every rule and the
 * confirmation shows them; a pair that breaks a blocking rule is refused
 * there, naming the rule, and nothing is stored. Dragging an agreed
 * arrangement back to the small practices, or onto "End arrangement",
 * ends it. Every row has a menu (Shift+F10, or Enter on the row) that does
 * the same from the keyboard, and lets the health board agree or refuse a
 * request. Each write is one change of the database, with an undo toast.
 */

#define G_LOG_DOMAIN "clw-buddy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-page.h"
#include "clw-buddy-pair-row.h"
#include "clw-buddy-practice-row.h"
#include "clw-buddy-request-dialog.h"
#include "clw-buddy-with-dialog.h"
#include "clw-gui-util.h"
#include "clw-refuse-dialog.h"

struct _ClwBuddyPage
{
  GtkWidget       parent_instance;

  ClwSession     *session;        /* owned */
  char           *cluster_id;     /* owned */
  ClwBuddyBoard  *board;          /* owned, nullable */
  char           *board_key;      /* owned: the cluster and cycle of the board */
  gulong          cycle_id;
  gboolean        dirty;          /* to make again when shown */

  /* Template children */
  GtkStack       *buddies_stack;
  GtkListView    *buddies_view;
  GtkWidget      *end_area;
  GtkLabel       *intro_label;
  GtkStack       *pairs_stack;
  GtkListView    *pairs_view;
  GtkWidget      *small_column;
  GtkStack       *small_stack;
  GtkListView    *small_view;
  GtkStack       *stack;
  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (ClwBuddyPage, clw_buddy_page, GTK_TYPE_WIDGET)

/* What to call a practice or a pair ---------------------------------------------------- */

static ClwBuddyCandidate *
find_candidate (ClwBuddyPage *self,
                const char   *practice_id)
{
  GListModel *lists[2] = {
    clw_buddy_board_get_small_practices (self->board),
    clw_buddy_board_get_buddy_practices (self->board),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(ClwBuddyCandidate) candidate = g_list_model_get_item (lists[l], i);

        if (g_strcmp0 (clw_buddy_candidate_get_practice_id (candidate), practice_id) == 0)
          return g_steal_pointer (&candidate);
      }

  return NULL;
}

static char *
practice_title (ClwBuddyPage *self,
                const char   *practice_id)
{
  g_autoptr(ClwBuddyCandidate) candidate = find_candidate (self, practice_id);

  if (candidate == NULL)
    return g_strdup (practice_id);
  return g_strdup_printf ("%s %s", clw_buddy_candidate_get_code (candidate),
                          clw_buddy_candidate_get_name (candidate));
}

static char *
practice_code (ClwBuddyPage *self,
               const char   *practice_id)
{
  g_autoptr(ClwBuddyCandidate) candidate = find_candidate (self, practice_id);

  return g_strdup (candidate != NULL ? clw_buddy_candidate_get_code (candidate) : practice_id);
}

static ClwBuddyPair *
find_pair (ClwBuddyPage *self,
           const char   *arrangement_id)
{
  GListModel *pairs = clw_buddy_board_get_pairs (self->board);

  for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(ClwBuddyPair) pair = g_list_model_get_item (pairs, i);

      if (g_strcmp0 (clw_buddy_pair_get_id (pair), arrangement_id) == 0)
        return g_steal_pointer (&pair);
    }

  return NULL;
}

/* Showing the board ----------------------------------------------------------------------- */

static void
update_stacks (ClwBuddyPage *self)
{
  gboolean any_small = g_list_model_get_n_items (clw_buddy_board_get_small_practices (self->board)) > 0;
  gboolean any_pair = g_list_model_get_n_items (clw_buddy_board_get_pairs (self->board)) > 0;
  gboolean any_buddy = g_list_model_get_n_items (clw_buddy_board_get_buddy_practices (self->board)) > 0;

  gtk_stack_set_visible_child_name (self->small_stack, any_small ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->pairs_stack, any_pair ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->buddies_stack, any_buddy ? "list" : "empty");
}

static void
show_message (ClwBuddyPage *self,
              const char   *title,
              const char   *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
set_board (ClwBuddyPage  *self,
           ClwBuddyBoard *board)
{
  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_func (clw_buddy_board_get_small_practices (self->board), update_stacks, self);
      g_signal_handlers_disconnect_by_func (clw_buddy_board_get_pairs (self->board), update_stacks, self);
      g_signal_handlers_disconnect_by_func (clw_buddy_board_get_buddy_practices (self->board), update_stacks, self);
    }

  g_set_object (&self->board, board);

  gtk_no_selection_set_model (GTK_NO_SELECTION (gtk_list_view_get_model (self->small_view)),
                              board != NULL ? clw_buddy_board_get_small_practices (board) : NULL);
  gtk_no_selection_set_model (GTK_NO_SELECTION (gtk_list_view_get_model (self->pairs_view)),
                              board != NULL ? clw_buddy_board_get_pairs (board) : NULL);
  gtk_no_selection_set_model (GTK_NO_SELECTION (gtk_list_view_get_model (self->buddies_view)),
                              board != NULL ? clw_buddy_board_get_buddy_practices (board) : NULL);

  if (board == NULL)
    return;

  g_signal_connect_swapped (clw_buddy_board_get_small_practices (board), "items-changed",
                            G_CALLBACK (update_stacks), self);
  g_signal_connect_swapped (clw_buddy_board_get_pairs (board), "items-changed",
                            G_CALLBACK (update_stacks), self);
  g_signal_connect_swapped (clw_buddy_board_get_buddy_practices (board), "items-changed",
                            G_CALLBACK (update_stacks), self);
  update_stacks (self);
}

static void
refresh_now (ClwBuddyPage *self)
{
  ClwCycle *cycle = self->session != NULL ? clw_session_get_cycle (self->session) : NULL;
  g_autoptr(ClwBuddyBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *intro = NULL;

  if (self->session == NULL || self->cluster_id == NULL || cycle == NULL)
    {
      g_clear_pointer (&self->board_key, g_free);
      set_board (self, NULL);
      show_message (self, _("No Cycle"),
                    _("The database has no QAIF cycle to buddy practices in. Open a database with "
                      "the reference data."));
      return;
    }

  /* The board follows the database by itself; only another cluster or
   * cycle needs another board. */
  key = g_strdup_printf ("%s/%s", self->cluster_id, clw_record_get_id (CLW_RECORD (cycle)));
  if (self->board != NULL && g_strcmp0 (key, self->board_key) == 0)
    return;

  board = clw_buddy_board_new (clw_session_get_database (self->session), self->cluster_id,
                               clw_record_get_id (CLW_RECORD (cycle)), NULL, &error);
  g_free (self->board_key);
  self->board_key = g_steal_pointer (&key);
  set_board (self, board);
  if (board == NULL)
    {
      show_message (self, _("No Buddying Here"), error->message);
      return;
    }

  as_of = clw_format_date (clw_buddy_board_get_as_of (board));
  /* Translators: above the buddying board: the cycle and the date, then how to use it */
  intro = g_strdup_printf (_("QAIF cycle %s, as of %s. Drag a small practice onto a larger one to ask "
                             "for a buddy, or use its menu (Shift+F10). Drag an agreed arrangement back "
                             "to the small practices, or onto “End arrangement”, to end it."),
                           clw_cycle_get_code (cycle), as_of);
  gtk_label_set_label (self->intro_label, intro);
  gtk_stack_set_visible_child_name (self->stack, "board");
}

/* Only what is on screen is kept up to date; the rest when it is shown. */
static void
refresh (ClwBuddyPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
  else
    self->dirty = TRUE;
}

/* The rows ------------------------------------------------------------------------------ */

static void
small_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (clw_buddy_practice_row_new (TRUE)));
}

static void
buddy_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (clw_buddy_practice_row_new (FALSE)));
}

static void
practice_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  clw_buddy_practice_row_set_candidate (CLW_BUDDY_PRACTICE_ROW (gtk_list_item_get_child (list_item)),
                                        gtk_list_item_get_item (list_item));
}

static void
practice_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  clw_buddy_practice_row_set_candidate (CLW_BUDDY_PRACTICE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
pair_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (clw_buddy_pair_row_new ()));
}

static void
pair_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  clw_buddy_pair_row_set_pair (CLW_BUDDY_PAIR_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
pair_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  clw_buddy_pair_row_set_pair (CLW_BUDDY_PAIR_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* The row of @type that has the keyboard in @view: the focus is on a
 * list item (the row is its child) or inside a row. */
static GtkWidget *
focused_row (GtkWidget *view,
             GType      type)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, view))
    return NULL;

  for (GtkWidget *widget = focus; widget != NULL && widget != view; widget = gtk_widget_get_parent (widget))
    if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
      return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (focus); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;

  return NULL;
}

static gboolean
popup_menu_cb (GtkWidget *view,
               GVariant  *args,
               gpointer   user_data)
{
  GtkWidget *row = focused_row (view, CLW_TYPE_BUDDY_PRACTICE_ROW);

  if (row != NULL)
    {
      clw_buddy_practice_row_popup_menu (CLW_BUDDY_PRACTICE_ROW (row));
      return TRUE;
    }

  row = focused_row (view, CLW_TYPE_BUDDY_PAIR_ROW);
  if (row != NULL)
    {
      clw_buddy_pair_row_popup_menu (CLW_BUDDY_PAIR_ROW (row));
      return TRUE;
    }

  return FALSE;
}

static void
add_menu_shortcut (GtkListView *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutAction *action = gtk_callback_action_new (popup_menu_cb, NULL, NULL);
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu");

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), gtk_shortcut_new (trigger, action));
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

/* Enter on a small practice: choose its buddy. */
static void
small_activated_cb (ClwBuddyPage *self,
                    guint         position)
{
  g_autoptr(ClwBuddyCandidate) candidate = NULL;

  if (self->board == NULL)
    return;

  candidate = g_list_model_get_item (clw_buddy_board_get_small_practices (self->board), position);
  if (candidate != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "buddy.buddy-with", "s",
                                clw_buddy_candidate_get_practice_id (candidate));
}

/* Enter on an arrangement: what can be done with it. */
static void
pair_activated_cb (ClwBuddyPage *self,
                   guint         position)
{
  popup_menu_cb (GTK_WIDGET (self->pairs_view), NULL, NULL);
}

/* Dropping an arrangement to end it ----------------------------------------------------- */

static gboolean
pair_dropped_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 ClwBuddyPage  *self)
{
  ClwBuddyPair *pair;

  if (!G_VALUE_HOLDS (value, CLW_TYPE_BUDDY_PAIR) || (pair = g_value_get_object (value)) == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "buddy.end", "s", clw_buddy_pair_get_id (pair));
}

static void
add_pair_drop_target (ClwBuddyPage *self,
                      GtkWidget    *widget)
{
  GtkDropTarget *target = gtk_drop_target_new (CLW_TYPE_BUDDY_PAIR, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (pair_dropped_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

/* What the board does ----------------------------------------------------------------------- */

static void
request (ClwBuddyPage *self,
         const char   *small_practice_id,
         const char   *buddy_practice_id)
{
  g_autoptr(ClwBuddyArrangement) arrangement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *small = practice_code (self, small_practice_id);
  g_autofree char *buddy = practice_code (self, buddy_practice_id);
  g_autofree char *toast = NULL;

  arrangement = clw_buddy_board_request (self->board, small_practice_id, buddy_practice_id,
                                         NULL, NULL, NULL, &error);
  if (arrangement == NULL)
    {
      clw_show_error (GTK_WIDGET (self), _("Could Not Ask for a Buddy"), error);
      return;
    }

  /* Translators: a toast: "Asked for W10002 as the buddy of W10001" */
  toast = g_strdup_printf (_("Asked for %s as the buddy of %s"), buddy, small);
  clw_widget_add_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
request_response_cb (ClwBuddyRequestDialog *dialog,
                     const char            *response,
                     ClwBuddyPage          *self)
{
  const char *small = g_object_get_data (G_OBJECT (dialog), "small-practice-id");
  const char *buddy = g_object_get_data (G_OBJECT (dialog), "buddy-practice-id");

  if (g_str_equal (response, "request") && self->board != NULL)
    request (self, small, buddy);
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClwBuddyPage *self = CLW_BUDDY_PAGE (widget);
  g_autoptr(GListModel) checks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *small_title = NULL;
  g_autofree char *buddy_title = NULL;
  const char *small_id;
  const char *buddy_id;
  ClwBuddyRequestDialog *dialog;

  if (self->board == NULL)
    return;

  g_variant_get (parameter, "(&s&s)", &small_id, &buddy_id);
  checks = clw_buddy_board_check (self->board, small_id, buddy_id, NULL, &error);
  if (checks == NULL)
    {
      clw_show_error (widget, _("Could Not Check the Rules of Buddying"), error);
      return;
    }

  small_title = practice_title (self, small_id);
  buddy_title = practice_title (self, buddy_id);
  dialog = clw_buddy_request_dialog_new (clw_widget_get_window (widget), small_title, buddy_title, checks);
  g_object_set_data_full (G_OBJECT (dialog), "small-practice-id", g_strdup (small_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "buddy-practice-id", g_strdup (buddy_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (request_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
buddy_with_response_cb (ClwBuddyWithDialog *dialog,
                        const char         *response,
                        ClwBuddyPage       *self)
{
  ClwBuddyCandidate *chosen = clw_buddy_with_dialog_get_chosen (dialog);

  if (g_str_equal (response, "request") && chosen != NULL && self->board != NULL)
    request (self, clw_buddy_with_dialog_get_small_practice_id (dialog),
             clw_buddy_candidate_get_practice_id (chosen));
}

static void
buddy_with_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClwBuddyPage *self = CLW_BUDDY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  ClwBuddyWithDialog *dialog;

  if (self->board == NULL)
    return;

  dialog = clw_buddy_with_dialog_new (clw_widget_get_window (widget), self->board,
                                      g_variant_get_string (parameter, NULL), &error);
  if (dialog == NULL)
    {
      clw_show_error (widget, _("Could Not Check the Rules of Buddying"), error);
      return;
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (buddy_with_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ClwBuddyPage *self = CLW_BUDDY_PAGE (widget);
  g_autoptr(ClwBuddyPair) pair = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (self->board == NULL || (pair = find_pair (self, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  if (!clw_buddy_board_end (self->board, clw_buddy_pair_get_id (pair), NULL, &error))
    {
      clw_show_error (widget, _("Could Not End the Arrangement"), error);
      return;
    }

  /* Translators: a toast: "Ended the buddying of W10001 by W10002" */
  toast = g_strdup_printf (_("Ended the buddying of %s by %s"), clw_buddy_pair_get_small_code (pair),
                           clw_buddy_pair_get_buddy_code (pair));
  clw_widget_add_toast (widget, toast, TRUE);
}

static void
decide (ClwBuddyPage *self,
        ClwBuddyPair *pair,
        gboolean      agree,
        const char   *explanation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!clw_buddy_board_decide (self->board, clw_buddy_pair_get_id (pair), agree, NULL, explanation, &error))
    {
      clw_show_error (GTK_WIDGET (self),
                      agree ? _("Could Not Agree the Request") : _("Could Not Refuse the Request"),
                      error);
      return;
    }

  toast = agree
    /* Translators: a toast: "Agreed W10002 as the buddy of W10001" */
    ? g_strdup_printf (_("Agreed %s as the buddy of %s"), clw_buddy_pair_get_buddy_code (pair),
                       clw_buddy_pair_get_small_code (pair))
    /* Translators: a toast: "Refused W10002 as the buddy of W10001" */
    : g_strdup_printf (_("Refused %s as the buddy of %s"), clw_buddy_pair_get_buddy_code (pair),
                       clw_buddy_pair_get_small_code (pair));
  clw_widget_add_toast (GTK_WIDGET (self), toast, TRUE);
}

static void
agree_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClwBuddyPage *self = CLW_BUDDY_PAGE (widget);
  g_autoptr(ClwBuddyPair) pair = NULL;

  if (self->board != NULL && (pair = find_pair (self, g_variant_get_string (parameter, NULL))) != NULL)
    decide (self, pair, TRUE, NULL);
}

static void
refuse_response_cb (ClwRefuseDialog *dialog,
                    const char      *response,
                    ClwBuddyPage    *self)
{
  ClwBuddyPair *pair = g_object_get_data (G_OBJECT (dialog), "pair");

  if (g_str_equal (response, "refuse") && pair != NULL && self->board != NULL)
    {
      g_autofree char *explanation = clw_refuse_dialog_dup_explanation (dialog);
      decide (self, pair, FALSE, explanation);
    }
}

static void
refuse_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClwBuddyPage *self = CLW_BUDDY_PAGE (widget);
  g_autoptr(ClwBuddyPair) pair = NULL;
  g_autofree char *body = NULL;
  ClwRefuseDialog *dialog;

  if (self->board == NULL || (pair = find_pair (self, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  /* Translators: the body of the refusal dialog: "W10001 Llys Surgery asks for W10002 Bryn Surgery as its buddy" */
  body = g_strdup_printf (_("%s %s asks for %s %s as its buddy."),
                          clw_buddy_pair_get_small_code (pair), clw_buddy_pair_get_small_name (pair),
                          clw_buddy_pair_get_buddy_code (pair), clw_buddy_pair_get_buddy_name (pair));
  dialog = clw_refuse_dialog_new (clw_widget_get_window (widget), body);
  g_object_set_data_full (G_OBJECT (dialog), "pair", g_object_ref (pair), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (refuse_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject and GtkWidget ---------------------------------------------------------------------- */

static void
clw_buddy_page_map (GtkWidget *widget)
{
  ClwBuddyPage *self = CLW_BUDDY_PAGE (widget);

  GTK_WIDGET_CLASS (clw_buddy_page_parent_class)->map (widget);

  if (self->dirty)
    {
      self->dirty = FALSE;
      refresh_now (self);
    }
}

static void
clw_buddy_page_dispose (GObject *object)
{
  ClwBuddyPage *self = (ClwBuddyPage *) object;

  clw_buddy_page_set_session (self, NULL);
  if (self->small_view != NULL)
    set_board (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_BUDDY_PAGE);
  clw_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (clw_buddy_page_parent_class)->dispose (object);
}

static void
clw_buddy_page_finalize (GObject *object)
{
  ClwBuddyPage *self = (ClwBuddyPage *) object;

  g_free (self->cluster_id);
  g_free (self->board_key);

  G_OBJECT_CLASS (clw_buddy_page_parent_class)->finalize (object);
}

static void
clw_buddy_page_class_init (ClwBuddyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_buddy_page_dispose;
  object_class->finalize = clw_buddy_page_finalize;

  widget_class->map = clw_buddy_page_map;

  g_type_ensure (CLW_TYPE_BUDDY_PAIR_ROW);
  g_type_ensure (CLW_TYPE_BUDDY_PRACTICE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-buddy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, buddies_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, buddies_view);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, end_area);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, pairs_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, pairs_view);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, small_column);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, small_stack);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, small_view);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyPage, status_page);
  gtk_widget_class_bind_template_callback (widget_class, buddy_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, practice_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, practice_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, small_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, small_setup_cb);

  gtk_widget_class_install_action (widget_class, "buddy.propose", "(ss)", propose_action);
  gtk_widget_class_install_action (widget_class, "buddy.buddy-with", "s", buddy_with_action);
  gtk_widget_class_install_action (widget_class, "buddy.end", "s", end_action);
  gtk_widget_class_install_action (widget_class, "buddy.agree", "s", agree_action);
  gtk_widget_class_install_action (widget_class, "buddy.refuse", "s", refuse_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
clw_buddy_page_init (ClwBuddyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_menu_shortcut (self->small_view);
  add_menu_shortcut (self->pairs_view);
  add_pair_drop_target (self, self->small_column);
  add_pair_drop_target (self, self->end_area);
}

void
clw_buddy_page_set_session (ClwBuddyPage *self,
                            ClwSession   *session)
{
  g_return_if_fail (CLW_IS_BUDDY_PAGE (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->cycle_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->cycle_id = g_signal_connect_object (session, "notify::cycle-code",
                                              G_CALLBACK (refresh), self,
                                              G_CONNECT_SWAPPED);
  g_clear_pointer (&self->cluster_id, g_free);
  g_clear_pointer (&self->board_key, g_free);

  if (self->stack != NULL)
    {
      set_board (self, NULL);
      refresh (self);
    }
}

void
clw_buddy_page_set_cluster_id (ClwBuddyPage *self,
                               const char   *cluster_id)
{
  g_return_if_fail (CLW_IS_BUDDY_PAGE (self));

  if (g_strcmp0 (self->cluster_id, cluster_id) == 0)
    return;

  g_free (self->cluster_id);
  self->cluster_id = g_strdup (cluster_id);
  refresh (self);
}

ClwBuddyBoard *
clw_buddy_page_get_board (ClwBuddyPage *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_PAGE (self), NULL);

  return self->board;
}
