/* clw-window-private.h: what the files of ClwWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clw-action-log.h"
#include "clw-buddy-page.h"
#include "clw-cluster-dashboard.h"
#include "clw-decisions-page.h"
#include "clw-health-board-dashboard.h"
#include "clw-imtp-cluster-page.h"
#include "clw-imtp-page.h"
#include "clw-meeting-editor.h"
#include "clw-meetings-page.h"
#include "clw-opener.h"
#include "clw-practice-page.h"
#include "clw-search-popover.h"
#include "clw-sidebar.h"
#include "clw-welcome-page.h"
#include "clw-window.h"

G_BEGIN_DECLS

typedef struct _ClwWindowSync ClwWindowSync;

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
  /* clw-window-evidence.c */
  ClwBuddyPage            *buddy_page;
  ClwImtpClusterPage      *imtp_cluster_page;
  ClwImtpPage             *imtp_page;
  ClwSearchPopover        *search_popover;   /* made when first opened, owned by its button */
  ClwWindowSync           *sync;             /* owned: clw-window-sync.c */

  /* Template children */
  AdwBin                  *action_log_bin;
  GtkWidget               *back_button;
  AdwBin                  *board_dashboard_bin;
  AdwBin                  *buddy_page_bin;
  AdwViewStack            *board_stack;
  GtkSpinner              *busy_spinner;
  ClwClusterDashboard     *cluster_dashboard;
  AdwViewStack            *cluster_stack;
  GtkBox                  *content_box;
  AdwHeaderBar            *content_header;
  GtkStack                *content_stack;
  GtkDropDown             *cycle_dropdown;
  AdwBin                  *decisions_page_bin;
  AdwBin                  *imtp_cluster_page_bin;
  AdwBin                  *imtp_page_bin;
  AdwLeaflet              *leaflet;
  AdwStatusPage           *loading_page;
  GtkStack                *main_stack;
  AdwBin                  *meeting_editor_bin;
  AdwBin                  *meetings_page_bin;
  AdwBin                  *practice_page_bin;
  GMenu                   *recent_menu;
  GtkMenuButton           *search_button;
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

/* clw-window-evidence.c: the buddying board, IMTP contributions, evidence */
void _clw_window_class_add_evidence (GtkWidgetClass *widget_class);
void _clw_window_evidence_init      (ClwWindow      *self);
/* The session or the cluster shown changed. */
void _clw_window_evidence_update    (ClwWindow      *self);
/* The header bar's title of the IMTP contribution shown. */
void _clw_window_evidence_show_imtp_title (ClwWindow *self);
/* clw-window-returns.c: IMTP returns, meeting packs, practice lists. */
void _clw_window_returns_class_init     (GtkWidgetClass *widget_class);
void _clw_window_returns_update_actions (ClwWindow      *self);
/* clw-window-search.c */
void _clw_window_search_init      (ClwWindow      *self);
void _clw_window_search_open      (ClwWindow      *self);
/* clw-window-sync.c: the sync status, the meeting copy's banner, the
 * conflicts page and the "sync." actions. */
void _clw_window_sync_init            (ClwWindow *self);
void _clw_window_sync_dispose         (ClwWindow *self);
void _clw_window_sync_set_session     (ClwWindow *self);
void _clw_window_sync_update_actions  (ClwWindow *self);
void _clw_window_sync_update_title    (ClwWindow *self);

G_END_DECLS
