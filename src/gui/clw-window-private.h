/* clw-window-private.h: what the files of ClwWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-action-log.h"
#include "clw-cluster-dashboard.h"
#include "clw-decisions-page.h"
#include "clw-health-board-dashboard.h"
#include "clw-meeting-editor.h"
#include "clw-meetings-page.h"
#include "clw-practice-page.h"
#include "clw-sidebar.h"
#include "clw-welcome-page.h"
#include "clw-window.h"

G_BEGIN_DECLS

struct _ClwWindow
{
  AdwApplicationWindow     parent_instance;

  ClwSession              *session;          /* owned, nullable */
  GSettings               *settings;         /* owned */
  GtkStringList           *cycles;           /* owned: the cycle selector's model */
  GCancellable            *cancellable;      /* owned: of the opening under way */
  GPtrArray               *history;          /* owned: the content pages before this one */
  gulong                   report_id;
  gulong                   failed_id;
  gulong                   busy_id;
  gulong                   changed_id;
  guint                    spinner_source;
  guint                    measuring : 1;
  guint                    opening : 1;
  guint                    updating_cycles : 1;

  /* Template children */
  GtkWidget               *back_button;
  AdwViewStack            *board_stack;
  ClwHealthBoardDashboard *board_dashboard;
  GtkSpinner              *busy_spinner;
  ClwActionLog            *action_log;
  ClwClusterDashboard     *cluster_dashboard;
  AdwViewStack            *cluster_stack;
  GtkStack                *content_stack;
  GtkDropDown             *cycle_dropdown;
  ClwDecisionsPage        *decisions_page;
  AdwLeaflet              *leaflet;
  AdwStatusPage           *loading_page;
  GtkStack                *main_stack;
  ClwMeetingEditor        *meeting_editor;
  ClwMeetingsPage         *meetings_page;
  ClwPracticePage         *practice_page;
  GMenu                   *recent_menu;
  ClwSidebar              *sidebar;
  AdwWindowTitle          *sidebar_title;
  AdwWindowTitle          *subpage_title;
  AdwViewSwitcherBar      *switcher_bar;
  AdwViewSwitcherTitle    *switcher_title;
  GtkStack                *title_stack;
  AdwToastOverlay         *toast_overlay;
  ClwWelcomePage          *welcome_page;
};

void _clw_window_class_add_actions (GtkWidgetClass *widget_class);
void _clw_window_update_actions    (ClwWindow      *self);
/* Show a content page ("board", "cluster", "practice", "meeting"),
 * remembering the one shown before it when @push. */
void _clw_window_show_page         (ClwWindow      *self,
                                    const char     *page,
                                    gboolean        push);
void _clw_window_go_back           (ClwWindow      *self);

G_END_DECLS
