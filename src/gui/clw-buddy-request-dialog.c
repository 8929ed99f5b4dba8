/* clw-buddy-request-dialog.c: confirming a buddy request, with the rules it keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a drop of a small practice on a larger one asks before anything is
 * stored: every rule core checks, each with a tick or a cross and its
 * sentence. A request that breaks a blocking rule cannot be made: the
 * heading says so, the body names the first rule broken, and the only
 * response is Close.
 */

#define G_LOG_DOMAIN "clw-buddy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "clw-buddy-checks.h"
#include "clw-buddy-request-dialog.h"

struct _ClwBuddyRequestDialog
{
  AdwMessageDialog  parent_instance;

  gboolean          allowed;

  /* Template children */
  ClwBuddyChecks   *checks;
};

G_DEFINE_FINAL_TYPE (ClwBuddyRequestDialog, clw_buddy_request_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
clw_buddy_request_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLW_TYPE_BUDDY_REQUEST_DIALOG);

  G_OBJECT_CLASS (clw_buddy_request_dialog_parent_class)->dispose (object);
}

static void
clw_buddy_request_dialog_class_init (ClwBuddyRequestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_buddy_request_dialog_dispose;

  g_type_ensure (CLW_TYPE_BUDDY_CHECKS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clwstwr/Clwstwr/ui/clw-buddy-request-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwBuddyRequestDialog, checks);
}

static void
clw_buddy_request_dialog_init (ClwBuddyRequestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The first rule broken, blocking ones first. */
static ClwBuddyRuleCheck *
first_broken (GListModel *checks,
              gboolean    blocking)
{
  guint n = g_list_model_get_n_items (checks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClwBuddyRuleCheck) check = g_list_model_get_item (checks, i);

      if (!clw_buddy_rule_check_get_passed (check) && clw_buddy_rule_check_get_blocking (check) == blocking)
        return g_steal_pointer (&check);
    }

  return NULL;
}

ClwBuddyRequestDialog *
clw_buddy_request_dialog_new (GtkWindow  *parent,
                              const char *small,
                              const char *buddy,
                              GListModel *checks)
{
  ClwBuddyRequestDialog *self;
  g_autoptr(ClwBuddyRuleCheck) blocking = NULL;
  g_autoptr(ClwBuddyRuleCheck) other = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (small != NULL && buddy != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (checks), NULL);

  self = g_object_new (CLW_TYPE_BUDDY_REQUEST_DIALOG, "transient-for", parent, NULL);
  self->allowed = clw_buddy_rule_checks_allow_request (checks);
  clw_buddy_checks_set_checks (self->checks, checks);

  blocking = first_broken (checks, TRUE);
  other = first_broken (checks, FALSE);

  if (!self->allowed)
    {
      /* Translators: the heading when a drop breaks a rule: "W10004 Cannot Be the Buddy of W10001" */
      heading = g_strdup_printf (_("%s Cannot Be the Buddy of %s"), buddy, small);
      /* Translators: %s is the rule broken, as “The buddy is larger”, then why */
      body = g_strdup_printf (_("The request would break the rule “%s”: %s Nothing was stored."),
                              clw_buddy_rule_check_get_label (blocking),
                              clw_buddy_rule_check_get_message (blocking));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "close");
    }
  else
    {
      /* Translators: "Ask for W10002 as the Buddy of W10001?" */
      heading = g_strdup_printf (_("Ask for %s as the Buddy of %s?"), buddy, small);
      if (other != NULL)
        body = g_strdup_printf (_("The request can be made, and waits for the health board. It cannot "
                                  "agree it until the rule “%s” is kept."),
                                clw_buddy_rule_check_get_label (other));
      else
        body = g_strdup (_("Every rule is kept. The request waits for the health board to agree or "
                           "refuse it."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                        "cancel", _("_Cancel"),
                                        "request", _("_Ask for a Buddy"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "request",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "request");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
    }

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  return self;
}

gboolean
clw_buddy_request_dialog_get_allowed (ClwBuddyRequestDialog *self)
{
  g_return_val_if_fail (CLW_IS_BUDDY_REQUEST_DIALOG (self), FALSE);

  return self->allowed;
}
