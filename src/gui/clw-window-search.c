/* clw-window-search.c: the window's full-text search (Ctrl+F)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search button of the content's header bar opens a ClwSearchPopover,
 * made the first time it is opened. A result chosen opens its page the way
 * the sidebar and the dashboards do: its cluster first (so that Back leads
 * there), then the practice or the meeting; in its own cycle when it
 * belongs to another one than the cycle shown.
 */

#define G_LOG_DOMAIN "clw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-search-popover.h"
#include "clw-window-private.h"

/* Show the cycle @cycle_id, as if chosen in the header bar. */
static void
follow_cycle (ClwWindow  *self,
              const char *cycle_id)
{
  ClwCycle *current = clw_session_get_cycle (self->session);
  g_autoptr(ClwRecord) cycle = NULL;
  const char *code;

  if (cycle_id == NULL ||
      (current != NULL && g_strcmp0 (clw_record_get_id (CLW_RECORD (current)), cycle_id) == 0))
    return;

  cycle = clw_record_load (clw_session_get_database (self->session), CLW_TYPE_CYCLE, cycle_id, NULL);
  if (cycle == NULL)
    return;

  code = clw_cycle_get_code (CLW_CYCLE (cycle));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cycles)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->cycles, i), code) == 0)
      {
        /* The drop-down's handler sets the session's cycle and remembers it. */
        gtk_drop_down_set_selected (self->cycle_dropdown, i);
        return;
      }
}

static void
result_activated_cb (ClwWindow       *self,
                     ClwSearchResult *result)
{
  const char *practice_id = clw_search_result_get_practice_id (result);
  const char *meeting_id = clw_search_result_get_meeting_id (result);
  const char *cluster_id = clw_search_result_get_cluster_id (result);

  if (self->session == NULL)
    return;

  follow_cycle (self, clw_search_result_get_cycle_id (result));
  if (cluster_id != NULL)
    clw_window_show_item (self, cluster_id);

  switch (clw_search_result_get_kind (result))
    {
    case CLW_SEARCH_KIND_MEETING:
    case CLW_SEARCH_KIND_ACTION:
      if (meeting_id != NULL)
        clw_window_show_meeting (self, meeting_id);
      else if (cluster_id != NULL)
        adw_view_stack_set_visible_child_name (self->cluster_stack, "actions");
      break;

    case CLW_SEARCH_KIND_EVIDENCE:
      if (meeting_id != NULL)
        clw_window_show_meeting (self, meeting_id);
      else if (practice_id != NULL)
        clw_window_show_practice (self, practice_id);
      break;

    case CLW_SEARCH_KIND_PRACTICE:
    case CLW_SEARCH_KIND_IMTP_SECTION:
    default:
      if (practice_id != NULL)
        clw_window_show_practice (self, practice_id);
      break;
    }
}

static void
popover_shown_cb (ClwWindow *self)
{
  clw_search_popover_set_session (self->search_popover, self->session);
}

static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  ClwWindow *self = user_data;

  if (self->search_popover != NULL)
    return;

  self->search_popover = CLW_SEARCH_POPOVER (clw_search_popover_new ());
  g_object_add_weak_pointer (G_OBJECT (self->search_popover), (gpointer *) &self->search_popover);
  g_signal_connect_object (self->search_popover, "result-activated",
                           G_CALLBACK (result_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_popover, "show",
                           G_CALLBACK (popover_shown_cb), self, G_CONNECT_SWAPPED);
  clw_search_popover_set_session (self->search_popover, self->session);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->search_popover));
}

void
_clw_window_search_init (ClwWindow *self)
{
  gtk_menu_button_set_create_popup_func (self->search_button, create_popover_cb, self, NULL);
}

void
_clw_window_search_open (ClwWindow *self)
{
  if (self->session == NULL || self->opening)
    return;

  /* The button is in the content's header bar. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_menu_button_popup (self->search_button);
}
