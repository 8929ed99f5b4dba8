/* clw-search-popover.c: full-text search from the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind lists its best SHORT_LIMIT results, so that every kind found
 * shows at once, then a "Show all" row that lists up to LONG_LIMIT of that
 * kind. Results follow the cycle shown: of the best CLW_SEARCH_DEFAULT_LIMIT
 * of a kind, those of that cycle come first; the others say their cycle,
 * and opening one shows its cycle. That is a short list, so a GtkListBox (with a header before the
 * first result of each kind) rather than a list view, which in GTK 4.8 has
 * neither section headers nor a way to move the keyboard focus to a row.
 */

#define G_LOG_DOMAIN "clw-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-search-popover.h"

#define SHORT_LIMIT 3
#define LONG_LIMIT  100

struct _ClwSearchPopover
{
  GtkPopover      parent_instance;

  ClwSession     *session;        /* owned, nullable */
  GCancellable   *cancellable;    /* owned: of the query under way */
  GListModel     *groups;         /* owned: ClwSearchGroup, nullable */
  GListStore     *rows;           /* owned: ClwSearchResult, and ClwSearchGroup for "Show all" */
  char           *text;           /* owned: what was searched for */
  gulong          changed_id;
  guint           searching : 1;
  guint           activate_when_done : 1;  /* Enter came before the results */
  int             expanded_kind;  /* listed in full, or -1 */
  guint           focus_kind_after : 1;  /* "Show all" had the focus */
  guint           stale : 1;      /* the database changed while closed */

  /* Template children */
  GtkLabel       *empty_title;
  GtkLabel       *error_description;
  GtkListBox     *list_box;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
};

G_DEFINE_FINAL_TYPE (ClwSearchPopover, clw_search_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SEARCHING,
  N_PROPS
};

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_search    (ClwSearchPopover *self);
static void activate_result (ClwSearchPopover *self,
                             ClwSearchResult  *result);

static void
set_searching (ClwSearchPopover *self,
               gboolean          searching)
{
  if (self->searching == !!searching)
    return;

  self->searching = !!searching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* The group of @kind in the results shown. */
static ClwSearchGroup *
find_group (ClwSearchPopover *self,
            ClwSearchKind     kind)
{
  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(ClwSearchGroup) group = g_list_model_get_item (self->groups, i);

      if (clw_search_group_get_kind (group) == kind)
        return group;
    }
  return NULL;
}

/* The code of the cycle @cycle_id when it is not the one shown, else NULL. */
static char *
dup_other_cycle_code (ClwSearchPopover *self,
                      const char       *cycle_id)
{
  ClwCycle *current;
  g_autoptr(ClwRecord) cycle = NULL;

  if (cycle_id == NULL || self->session == NULL)
    return NULL;

  current = clw_session_get_cycle (self->session);
  if (current != NULL && g_strcmp0 (clw_record_get_id (CLW_RECORD (current)), cycle_id) == 0)
    return NULL;

  cycle = clw_record_load (clw_session_get_database (self->session), CLW_TYPE_CYCLE, cycle_id, NULL);
  return cycle != NULL ? g_strdup (clw_cycle_get_code (CLW_CYCLE (cycle))) : NULL;
}

/* @text with each run of white space (new lines) made one space. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* The last row of a kind with more results than listed. */
static GtkWidget *
create_more_row (ClwSearchGroup *group)
{
  guint n_total = clw_search_group_get_n_total (group);
  g_autofree char *text = NULL;
  GtkWidget *row, *label;

  /* Translators: the last row of a kind of search results, when only the best are listed; %u is how many there are in all */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show all %u", "Show all %u", n_total), n_total);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "accent");
  gtk_widget_set_margin_top (label, 2);
  gtk_widget_set_margin_bottom (label, 2);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "clw-group", g_object_ref (group), g_object_unref);
  {
    /* Translators: what a screen reader says of that row: “Show all 57 Meetings” */
    g_autofree char *description = g_strdup_printf (_("Show all %u %s"), n_total, clw_search_group_get_label (group));

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  }
  return row;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ClwSearchPopover *self = user_data;
  ClwSearchResult *result;
  g_autofree char *other_cycle = NULL;
  g_autofree char *description = NULL;
  GtkWidget *row, *box, *top, *label;
  const char *subtitle, *snippet, *markup;

  if (CLW_IS_SEARCH_GROUP (item))
    return create_more_row (item);

  result = item;
  other_cycle = dup_other_cycle_code (self, clw_search_result_get_cycle_id (result));
  subtitle = clw_search_result_get_subtitle (result);
  snippet = clw_search_result_get_snippet (result);
  markup = clw_search_result_get_snippet_markup (result);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (clw_search_result_get_title (result));
  /* The passage of a practice is its title: show the match there, once. */
  if (g_strcmp0 (snippet, clw_search_result_get_title (result)) == 0 && markup != NULL)
    {
      gtk_label_set_markup (GTK_LABEL (label), markup);
      markup = NULL;
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (top), label);
  if (other_cycle != NULL)
    {
      /* Translators: beside a search result of another QAIF cycle than the one shown; %s is its code, as “2022/23” */
      g_autofree char *tag = g_strdup_printf (_("Cycle %s"), other_cycle);

      label = gtk_label_new (tag);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, _("Opening it shows that cycle"));
      gtk_box_append (GTK_BOX (top), label);
    }
  gtk_box_append (GTK_BOX (box), top);

  if (subtitle != NULL && *subtitle != '\0')
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (markup != NULL && *markup != '\0')
    {
      /* One passage: the paragraphs of the notes run on. */
      g_autofree char *flat = collapse_spaces (markup);

      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), flat);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_widget_add_css_class (label, "search-snippet");
      gtk_box_append (GTK_BOX (box), label);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "clw-result", g_object_ref (result), g_object_unref);

  description = g_strjoin (". ",
                           clw_search_result_get_title (result),
                           subtitle != NULL ? subtitle : "",
                           snippet != NULL ? snippet : "",
                           NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  return row;
}

static ClwSearchResult *
row_get_result (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "clw-result") : NULL;
}

/* The kind of a row, result or "Show all". */
static int
row_get_kind (GtkListBoxRow *row)
{
  ClwSearchResult *result = row_get_result (row);
  ClwSearchGroup *group;

  if (result != NULL)
    return clw_search_result_get_kind (result);
  group = row != NULL ? g_object_get_data (G_OBJECT (row), "clw-group") : NULL;
  return group != NULL ? (int) clw_search_group_get_kind (group) : -1;
}

/* A heading before the first result of each kind: "Meetings  3", or
 * "Practices  20 of 57" when only the best are listed. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  ClwSearchPopover *self = user_data;
  int kind = row_get_kind (row);
  ClwSearchGroup *group;
  g_autofree char *count = NULL;
  GtkWidget *header, *label;
  guint n_total, n_shown;

  if (kind < 0 || (before != NULL && row_get_kind (before) == kind))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  group = find_group (self, kind);
  if (group == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  n_total = clw_search_group_get_n_total (group);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (group));
  if (kind != self->expanded_kind)
    n_shown = MIN (n_shown, SHORT_LIMIT);
  if (n_total > n_shown)
    /* Translators: the count of a kind of search results when only the best are listed, as “20 of 57” */
    count = g_strdup_printf (_("%u of %u"), n_shown, n_total);
  else
    count = g_strdup_printf ("%u", n_total);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "search-group-header");
  /* In line with the rows' text. */
  gtk_widget_set_margin_start (header, 14);
  gtk_widget_set_margin_end (header, 14);
  gtk_widget_set_margin_bottom (header, 2);
  if (before != NULL)
    gtk_widget_set_margin_top (header, 10);

  label = gtk_label_new (clw_search_group_get_label (group));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);

  label = gtk_label_new (count);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (header), label);

  gtk_list_box_row_set_header (row, header);
}

static void
show_groups (ClwSearchPopover *self,
             GListModel       *groups)
{
  g_autoptr(GListStore) rows = g_list_store_new (G_TYPE_OBJECT);
  ClwCycle *cycle = self->session != NULL ? clw_session_get_cycle (self->session) : NULL;
  const char *cycle_id = cycle != NULL ? clw_record_get_id (CLW_RECORD (cycle)) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ClwSearchGroup) group = g_list_model_get_item (groups, i);
      g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (group));
      guint listed = (int) clw_search_group_get_kind (group) == self->expanded_kind ? n : MIN (n, SHORT_LIMIT);

      /* The best of the cycle shown (and of no cycle: practices) first,
       * then those of other cycles, each best first. */
      for (int pass = 0; pass < 2; pass++)
        for (guint j = 0; j < n; j++)
          {
            g_autoptr(ClwSearchResult) result = g_list_model_get_item (G_LIST_MODEL (group), j);
            const char *of = clw_search_result_get_cycle_id (result);
            gboolean current = of == NULL || cycle_id == NULL || g_str_equal (of, cycle_id);

            if (current == (pass == 0))
              g_ptr_array_add (ordered, g_steal_pointer (&result));
          }

      for (guint j = 0; j < listed; j++)
        g_list_store_append (rows, g_ptr_array_index (ordered, j));
      if (listed < clw_search_group_get_n_total (group) && listed < LONG_LIMIT)
        g_list_store_append (rows, group);
    }

  g_set_object (&self->groups, groups);
  g_set_object (&self->rows, rows);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->rows), create_row, self, NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    {
      g_autofree char *typed = g_strstrip (g_strdup (self->text));
      /* Translators: the empty state of search; %s is what was typed */
      g_autofree char *title = g_strdup_printf (_("No Results for “%s”"), typed);

      gtk_label_set_text (self->empty_title, title);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
    }
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClwSearchPopover) self = user_data;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = clw_search_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_searching (self, FALSE);

  if (groups == NULL)
    {
      gtk_label_set_text (self->error_description, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_groups (self, groups);

  /* After "Show all", the keyboard goes on from the first result that was
   * not listed before. */
  if (self->focus_kind_after)
    {
      GtkListBoxRow *row = NULL;
      int i = 0, in_kind = 0;

      for (GtkListBoxRow *r; (r = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
        if (row_get_kind (r) == self->expanded_kind)
          {
            row = r;
            if (++in_kind > SHORT_LIMIT)
              break;
          }
      if (row != NULL)
        {
          gtk_list_box_select_row (self->list_box, row);
          gtk_widget_grab_focus (GTK_WIDGET (row));
        }
      self->focus_kind_after = FALSE;
    }

  if (self->activate_when_done && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    {
      g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (self->rows), 0);

      self->activate_when_done = FALSE;
      if (CLW_IS_SEARCH_RESULT (first))
        activate_result (self, CLW_SEARCH_RESULT (first));
    }
  self->activate_when_done = FALSE;
}

static void
start_search (ClwSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = clw_search_build_query (text);
  g_autofree char *typed = g_strstrip (g_strdup (text));
  ClwDatabase *db;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->stale = FALSE;

  g_free (self->text);
  self->text = g_strdup (text);

  if (self->session == NULL || query == NULL)
    {
      g_clear_object (&self->groups);
      g_clear_object (&self->rows);
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
      /* Punctuation alone finds nothing: say so, rather than nothing. */
      if (self->session != NULL && *typed != '\0')
        {
          g_autoptr(GListModel) none = G_LIST_MODEL (g_list_store_new (CLW_TYPE_SEARCH_GROUP));

          show_groups (self, none);
        }
      else
        gtk_stack_set_visible_child_name (self->stack, "start");
      set_searching (self, FALSE);
      return;
    }

  db = clw_session_get_database (self->session);
  self->cancellable = g_cancellable_new ();
  set_searching (self, TRUE);
  clw_search_async (clw_database_get_path (db), text,
                    self->expanded_kind >= 0 ? LONG_LIMIT : CLW_SEARCH_DEFAULT_LIMIT,
                    self->cancellable, search_done_cb, g_object_ref (self));
}

static void
session_changed_cb (ClwSearchPopover *self)
{
  /* An edit, an import or an undo: what is shown may have changed. */
  if (self->groups == NULL)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    start_search (self);
  else
    self->stale = TRUE;
}

static void
activate_result (ClwSearchPopover *self,
                 ClwSearchResult  *result)
{
  g_autoptr(ClwSearchResult) hold = g_object_ref (result);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[RESULT_ACTIVATED], 0, hold);
}

static void
search_changed_cb (ClwSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Searched for already (by Enter, or clw_search_popover_search()). */
  if (g_strcmp0 (text, self->text) == 0 && (self->searching || self->groups != NULL))
    return;
  self->activate_when_done = FALSE;
  self->expanded_kind = -1;
  start_search (self);
}

static void
entry_activate_cb (ClwSearchPopover *self)
{
  g_autoptr(GObject) first = NULL;

  /* Enter before the results of the last keystroke came: search now, and
   * open the first result when they come. */
  if (g_strcmp0 (self->text, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    start_search (self);
  if (self->searching)
    {
      self->activate_when_done = TRUE;
      return;
    }

  if (self->rows != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    {
      first = g_list_model_get_item (G_LIST_MODEL (self->rows), 0);
      if (CLW_IS_SEARCH_RESULT (first))
        activate_result (self, CLW_SEARCH_RESULT (first));
    }
}

static void
stop_search_cb (ClwSearchPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
row_activated_cb (ClwSearchPopover *self,
                  GtkListBoxRow    *row)
{
  ClwSearchResult *result = row_get_result (row);
  ClwSearchGroup *group = g_object_get_data (G_OBJECT (row), "clw-group");

  if (result != NULL)
    activate_result (self, result);
  else if (group != NULL)
    {
      /* Show all of that kind: search again for more of it. */
      self->expanded_kind = clw_search_group_get_kind (group);
      self->focus_kind_after = TRUE;
      start_search (self);
    }
}

static gboolean
list_keynav_failed_cb (ClwSearchPopover *self,
                       GtkDirectionType  direction)
{
  /* Up from the first result goes back to the entry. */
  if (direction == GTK_DIR_UP)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return TRUE;
    }
  return FALSE;
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      ClwSearchPopover      *self)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  first = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (first == NULL || !gtk_widget_get_mapped (GTK_WIDGET (first)))
    return FALSE;

  gtk_list_box_select_row (self->list_box, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
shown_cb (ClwSearchPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  if (self->stale)
    {
      self->stale = FALSE;
      start_search (self);
    }
}

static void
clw_search_popover_dispose (GObject *object)
{
  ClwSearchPopover *self = (ClwSearchPopover *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), CLW_TYPE_SEARCH_POPOVER);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->groups);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (clw_search_popover_parent_class)->dispose (object);
}

static void
clw_search_popover_finalize (GObject *object)
{
  ClwSearchPopover *self = (ClwSearchPopover *) object;

  g_free (self->text);

  G_OBJECT_CLASS (clw_search_popover_parent_class)->finalize (object);
}

static void
clw_search_popover_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClwSearchPopover *self = CLW_SEARCH_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_search_popover_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ClwSearchPopover *self = CLW_SEARCH_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      clw_search_popover_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clw_search_popover_class_init (ClwSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clw_search_popover_dispose;
  object_class->finalize = clw_search_popover_finalize;
  object_class->get_property = clw_search_popover_get_property;
  object_class->set_property = clw_search_popover_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CLW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ClwSearchPopover::result-activated:
   * @result: the ClwSearchResult chosen
   *
   * The user chose a result: open its page.
   */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CLW_TYPE_SEARCH_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clwstwr/Clwstwr/ui/clw-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ClwSearchPopover, empty_title);
  gtk_widget_class_bind_template_child (widget_class, ClwSearchPopover, error_description);
  gtk_widget_class_bind_template_child (widget_class, ClwSearchPopover, list_box);
  gtk_widget_class_bind_template_child (widget_class, ClwSearchPopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClwSearchPopover, stack);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_keynav_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
clw_search_popover_init (ClwSearchPopover *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded_kind = -1;

  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);
  /* Typing on a result goes on typing in the entry. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));

  /* Capture: the entry's text would take Down for itself. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
clw_search_popover_new (void)
{
  return g_object_new (CLW_TYPE_SEARCH_POPOVER, NULL);
}

ClwSession *
clw_search_popover_get_session (ClwSearchPopover *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_POPOVER (self), NULL);

  return self->session;
}

void
clw_search_popover_set_session (ClwSearchPopover *self,
                                ClwSession       *session)
{
  g_return_if_fail (CLW_IS_SEARCH_POPOVER (self));
  g_return_if_fail (session == NULL || CLW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->changed_id = g_signal_connect_object (session, "changed",
                                                G_CALLBACK (session_changed_cb), self,
                                                G_CONNECT_SWAPPED);

  /* Another database: nothing found in the last one stands. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  start_search (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GListModel *
clw_search_popover_get_groups (ClwSearchPopover *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_POPOVER (self), NULL);

  return self->groups;
}

gboolean
clw_search_popover_get_searching (ClwSearchPopover *self)
{
  g_return_val_if_fail (CLW_IS_SEARCH_POPOVER (self), FALSE);

  return self->searching;
}

void
clw_search_popover_search (ClwSearchPopover *self,
                           const char       *text)
{
  g_return_if_fail (CLW_IS_SEARCH_POPOVER (self));
  g_return_if_fail (text != NULL);

  /* Setting the text starts the entry's wait; search at once instead. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  start_search (self);
}
