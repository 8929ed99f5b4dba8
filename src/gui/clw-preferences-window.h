/* clw-preferences-window.h: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CLW_TYPE_PREFERENCES_WINDOW (clw_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ClwPreferencesWindow, clw_preferences_window, CLW, PREFERENCES_WINDOW, AdwPreferencesWindow)

ClwPreferencesWindow *clw_preferences_window_new (GSettings *settings);

G_END_DECLS
