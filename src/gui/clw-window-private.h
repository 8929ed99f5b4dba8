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
#include "clw-opener.h"
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
  ClwOpener               *opener;           /* owned, nullable: the opening under way */
  GCancellable            *verify_cancellable; /* owned: of the check of the database shown */
  GPtrArray               *history;          /* owned: the content pages before this one */
  gulong                   report_id;
  gulong                   failed_id;
  gulong                   busy_id;
  gulong                   changed_id;
  guint                    spinner_source;
  guint                    present_source;   /* presenting once opened, or at the latest then */
  guint                    verify_source;    /* checking again after a failed try */
  guint                    measuring : 1;
  guint                    opening : 1;
  guint                    updating_cycles : 1;
  char                    *board_id;         /* owned: the board shown */
  char                    *cluster_id;       /* owned: the cluster shown */

  /* Made the first time they are shown, in their bins: a window opens
   * faster without the pages nobody has looked at yet. */
  ClwHealthBoardDashboard *board_dashboard;
  ClwDecisionsPage        *decisions_page;
  ClwMeetingsPage         *meetings_page;
  ClwActionLog            *action_log;
  ClwPracticePage         *practice_page;
  ClwMeetingEditor        *meeting_editor;
  ClwWelcomePage          *welcome_page;

  /* Template children */
  AdwBin                  *action_log_bin;
  GtkWidget               *back_button;
  AdwBin                  *board_dashboard_bin;
  AdwViewStack            *board_stack;
  GtkSpinner              *busy_spinner;
  ClwClusterDashboard     *cluster_dashboard;
  AdwViewStack            *cluster_stack;
  GtkStack                *content_stack;
  GtkDropDown             *cycle_dropdown;
  AdwBin                  *decisions_page_bin;
  AdwLeaflet              *leaflet;
  AdwStatusPage           *loading_page;
  GtkStack                *main_stack;
  AdwBin                  *meeting_editor_bin;
  AdwBin                  *meetings_page_bin;
  AdwBin                  *practice_page_bin;
  GMenu                   *recent_menu;
  ClwSidebar              *sidebar;
  AdwWindowTitle          *sidebar_title;
  AdwWindowTitle          *subpage_title;
  AdwViewSwitcherBar      *switcher_bar;
  AdwViewSwitcherTitle    *switcher_title;
  GtkStack                *title_stack;
  AdwToastOverlay         *toast_overlay;
  AdwBin                  *welcome_page_bin;
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
