/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Blacklist page: every entry of the dishonest-debtor list (失信被执行人名单) with its state,
 * ground and deadlines, filtered by state; the selected entry's details, the steps of its
 * lifecycle (each through app/store/zx-listing, which checks the role and audits) and a
 * preview of exactly what zx_list_public_view() shows the public; the public list as CSV.
 *
 * The entries are a few hundred rows at most: they are read in one prepared SELECT on the
 * window's connection and replaced in one items-changed. */
#define G_LOG_DOMAIN "zx-blacklist-page"

#include "config.h"

#include <glib/gi18n.h>

#include "domain/zx-blacklist-rules.h"
#include "stats/zx-public-list.h"
#include "store/zx-listing.h"
#include "store/zx-roles.h"
#include "widgets/zx-blacklist-item.h"
#include "zx-blacklist-data.h"
#include "zx-blacklist-page.h"

/* The state filter, in the dropdown's order (index 0: all). */
static const char *const filter_states[] = {
  NULL, "proposed", "decided", "grace", "published", "removed", "revoked",
};

/* The columns of the view, as the keys the bind callback reads. */
typedef enum
{
  COL_NAME,
  COL_CASE_NO,
  COL_GROUND,
  COL_STATE,
  COL_DECIDED,
  COL_PUBLISHED,
  COL_PERIOD_END,
  COL_REMOVAL_DUE,
  N_COLS
} Column;

struct _ZxBlacklistPage
{
  GtkWidget           parent_instance;

  ZxStore            *store;
  GListStore         *rows;
  GtkSingleSelection *selection;
  char               *today;
  char               *state_filter;
  char               *message;
  char               *preview;
  guint               reload_source;

  /* template children */
  GtkDropDown        *state_dropdown;
  GtkLabel           *count_label;
  GtkLabel           *load_error_label;
  GtkWidget          *export_button;
  GtkColumnView      *column_view;
  GtkStack           *detail_stack;
  GtkLabel           *title_label;
  GtkLabel           *facts_label;
  GtkWidget          *decide_button;
  GtkWidget          *publish_button;
  GtkWidget          *remove_button;
  GtkWidget          *revoke_button;
  GtkWidget          *correct_button;
  GtkWidget          *extend_button;
  GtkLabel           *message_label;
  GtkLabel           *preview_label;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  PROP_STATE_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZxBlacklistPage, zx_blacklist_page, GTK_TYPE_WIDGET)

static void update_detail (ZxBlacklistPage *self);

/* ---- helpers -------------------------------------------------------------------------------- */

static char *
get_today (ZxBlacklistPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static ZxBlacklistItem *
selected_item (ZxBlacklistPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "–";
}

/* TRUE when ROW is in force with a removal deadline before TODAY. */
static gboolean
removal_overdue (JsonObject *row,
                 const char *today)
{
  const char *due = zx_blacklist_row_str (row, "removal_due_on");

  return due != NULL && zx_blacklist_row_str (row, "removed_on") == NULL
         && g_strcmp0 (due, today) < 0;
}

/* ---- the column view ------------------------------------------------------------------------ */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ZxBlacklistPage          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "zx-column"));
  ZxBlacklistItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  JsonObject *row = zx_blacklist_item_get_row (item);
  g_autofree char *today = NULL;
  const char *text = NULL;
  gboolean overdue = FALSE;

  switch (column)
    {
    case COL_NAME:
      text = zx_blacklist_row_str (row, "name");
      break;
    case COL_CASE_NO:
      text = zx_blacklist_row_str (row, "case_no");
      break;
    case COL_GROUND:
      text = zx_blacklist_ground_short ((int) zx_blacklist_row_int (row, "ground"));
      gtk_widget_set_tooltip_text (label, zx_blacklist_ground_wording (
                                     (int) zx_blacklist_row_int (row, "ground")));
      break;
    case COL_STATE:
      text = zx_blacklist_state_label (zx_blacklist_row_str (row, "state"));
      break;
    case COL_DECIDED:
      text = zx_blacklist_row_str (row, "decided_on");
      break;
    case COL_PUBLISHED:
      text = zx_blacklist_row_str (row, "published_on");
      break;
    case COL_PERIOD_END:
      text = zx_blacklist_row_str (row, "period_end");
      break;
    case COL_REMOVAL_DUE:
      today = get_today (self);
      text = zx_blacklist_row_str (row, "removal_due_on");
      overdue = removal_overdue (row, today);
      gtk_widget_set_tooltip_text (label, overdue ? _("Overdue: remove the entry now") : NULL);
      break;
    case N_COLS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (GTK_LABEL (label), or_dash (text));
  if (overdue)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
add_columns (ZxBlacklistPage *self)
{
  const struct
  {
    Column      column;
    const char *title;
    gboolean    expand;
  } columns[] = {
    { COL_NAME, N_("Debtor"), TRUE },
    { COL_CASE_NO, N_("Case number"), FALSE },
    { COL_GROUND, N_("Ground"), TRUE },
    { COL_STATE, N_("State"), FALSE },
    { COL_DECIDED, N_("Decided"), FALSE },
    { COL_PUBLISHED, N_("Published"), FALSE },
    { COL_PERIOD_END, N_("Period end"), FALSE },
    { COL_REMOVAL_DUE, N_("Removal due"), FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "zx-column", GINT_TO_POINTER (columns[i].column));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      /* Whole case numbers and dates are what clerks look for: the other columns give way
       * (and the list scrolls sideways when the window is narrow). */
      if (columns[i].column == COL_CASE_NO)
        gtk_column_view_column_set_fixed_width (column, 184);
      else if (columns[i].column >= COL_DECIDED)
        gtk_column_view_column_set_fixed_width (column, 96);
      else if (columns[i].column == COL_STATE)
        gtk_column_view_column_set_fixed_width (column, 72);
      else
        gtk_column_view_column_set_fixed_width (column, 120);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* ---- loading -------------------------------------------------------------------------------- */

static void
show_load_error (ZxBlacklistPage *self,
                 const GError    *error)
{
  gtk_label_set_label (self->load_error_label, error != NULL ? error->message : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->load_error_label),
                               error != NULL ? error->message : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), error != NULL);
}

/* Reads the entries again and swaps them in with one items-changed, keeping the selection. */
static void
reload (ZxBlacklistPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  ZxBlacklistItem *selected = selected_item (self);
  gint64 selected_id = selected != NULL ? zx_blacklist_item_get_id (selected) : 0;
  guint position = GTK_INVALID_LIST_POSITION;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->rows);
      return;
    }

  rows = zx_blacklist_data_load_entries (zx_store_get_db (self->store), self->state_filter,
                                         &error);
  if (rows == NULL)
    {
      /* Keep what is shown: the share may come back. */
      show_load_error (self, error);
      return;
    }
  show_load_error (self, NULL);

  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *row = g_ptr_array_index (rows, i);

      if (zx_blacklist_row_int (row, "id") == selected_id)
        position = i;
      g_ptr_array_add (items, zx_blacklist_item_new (row));
    }

  /* The first entry is shown in the detail area until the user picks another. */
  if (position == GTK_INVALID_LIST_POSITION && selected_id == 0 && rows->len > 0)
    position = 0;

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, position);

  /* Translators: the number of list entries shown */
  count = g_strdup_printf (ngettext ("%u entry", "%u entries", rows->len), rows->len);
  gtk_label_set_label (self->count_label, count);

  update_detail (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  ZxBlacklistPage *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* changed::blacklist_entries and friends: one poll brings a burst, reload once after it. */
static void
store_changed_cb (ZxBlacklistPage *self,
                  const char      *entity,
                  gint64           id,
                  ZxStore         *store)
{
  if (self->reload_source == 0)
    {
      self->reload_source = g_timeout_add (100, reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[zhixing] reload blacklist");
    }
}

/* ---- the detail area ------------------------------------------------------------------------ */

static void
set_message (ZxBlacklistPage *self,
             const char      *message,
             gboolean         is_error)
{
  g_free (self->message);
  self->message = g_strdup (message != NULL ? message : "");

  gtk_label_set_label (self->message_label, self->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), *self->message != '\0');
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "zx-dialog-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "zx-dialog-error");
}

/* Why zx_list_public_view() shows nothing for ROW on TODAY. */
static char *
hidden_reason (JsonObject *row,
               const char *today)
{
  const char *state = zx_blacklist_row_str (row, "state");
  const char *grace = zx_blacklist_row_str (row, "grace_until");
  const char *period_end = zx_blacklist_row_str (row, "period_end");
  const char *published = zx_blacklist_row_str (row, "published_on");

  if (g_strcmp0 (state, "published") != 0)
    /* Translators: %s is the state of the entry: proposed, decided, in grace, removed … */
    return g_strdup_printf (_("the entry is %s, not published"), zx_blacklist_state_label (state));
  if (published == NULL || g_strcmp0 (published, today) > 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("it is published only from %s"), or_dash (published));
  if (grace != NULL && g_strcmp0 (grace, today) >= 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("it is in its grace period until %s"), grace);
  if (period_end != NULL && g_strcmp0 (period_end, today) < 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("its listing period ended on %s"), period_end);
  if (zx_blacklist_row_str (row, "removed_on") != NULL)
    return g_strdup (_("it is removed"));

  return g_strdup (_("the debtor is a minor, or the ID number is not a valid 18-digit "
                     "resident ID"));
}

static char *
describe_public_entry (const ZxPublicEntry *entry)
{
  GString *text = g_string_new (NULL);
  g_autofree char *due = zx_public_format_yuan (entry->amount_due, TRUE);
  g_autofree char *performed = zx_public_format_yuan (entry->amount_performed, TRUE);
  const char *performance;

  switch (entry->performance)
    {
    case ZX_PERFORMANCE_NONE:
      performance = _("not performed");
      break;
    case ZX_PERFORMANCE_PARTIAL:
      performance = _("partly performed");
      break;
    case ZX_PERFORMANCE_FULL:
    default:
      performance = _("performed");
      break;
    }

  g_string_append_printf (text, _("Name: %s"), entry->name);
  g_string_append_c (text, '\n');
  if (entry->is_person)
    {
      g_string_append_printf (text, _("Sex: %s   Age: %d"),
                              entry->sex == 'F' ? _("female") : _("male"), entry->age);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("ID number: %s"), entry->id_shown);
    }
  else
    {
      g_string_append_printf (text, _("Credit code: %s"), entry->id_shown);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Legal representative: %s"), entry->legal_rep);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Case number: %s   Filed: %s"), entry->case_no,
                          entry->filed_on);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Court: %s"), entry->court);
  g_string_append_c (text, '\n');
  /* Translators: the body that made the basis document, and its number */
  g_string_append_printf (text, _("Basis document: %s %s"), entry->basis_org,
                          entry->basis_doc_no);
  g_string_append_c (text, '\n');
  /* Translators: amounts in yuan, then “not performed”, “partly performed” or “performed” */
  g_string_append_printf (text, _("Amount due: %s yuan, performed: %s yuan (%s)"), due,
                          performed, performance);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Dishonest conduct: %s"), entry->conduct);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Published: %s"), entry->published_on);

  return g_string_free (text, FALSE);
}

static void
update_preview (ZxBlacklistPage *self,
                JsonObject      *row)
{
  g_autofree char *today = get_today (self);
  g_autofree char *court = zx_store_get_meta (self->store, "court_name");
  g_autoptr(ZxPublicEntry) entry = NULL;
  ZxListEntryFacts facts;

  zx_blacklist_data_facts (row, court != NULL ? court : "", &facts);
  entry = zx_list_public_view (&facts, today);

  g_free (self->preview);
  if (entry != NULL)
    self->preview = describe_public_entry (entry);
  else
    {
      g_autofree char *why = hidden_reason (row, today);

      /* Translators: %s says why, e.g. “the entry is removed, not published” */
      self->preview = g_strdup_printf (_("Not shown to the public: %s."), why);
    }

  gtk_label_set_label (self->preview_label, self->preview);
  if (entry == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "dim-label");
}

/* A button is on when the entry's state allows the step and the signed-in role may take it;
 * otherwise its tooltip says why. */
static void
update_button (GtkWidget  *button,
               gboolean    state_ok,
               const char *state_reason,
               gboolean    role_ok,
               const char *role_reason,
               const char *tooltip)
{
  gtk_widget_set_sensitive (button, state_ok && role_ok);
  gtk_widget_set_tooltip_text (button, !role_ok ? role_reason
                                       : !state_ok ? state_reason : tooltip);
}

static void
update_buttons (ZxBlacklistPage *self,
                JsonObject      *row)
{
  g_auto(ZxStaff) staff = { 0 };
  g_autoptr(GError) error = NULL;
  const char *state = zx_blacklist_row_str (row, "state");
  gboolean in_force = g_strcmp0 (state, "decided") == 0 || g_strcmp0 (state, "grace") == 0
                      || g_strcmp0 (state, "published") == 0;
  gboolean is_staff = self->store != NULL && !zx_store_is_read_only (self->store)
                      && zx_roles_get_actor (self->store, &staff, &error);
  gboolean may_decide = is_staff && zx_roles_allows (staff.role, ZX_ACTION_LIST_DECIDE);
  gboolean may_manage = is_staff && zx_roles_allows (staff.role, ZX_ACTION_LIST_MANAGE);
  g_autofree char *who_decides = NULL;
  g_autofree char *who_manages = NULL;
  g_autofree char *not_in_force = NULL;

  if (!is_staff)
    {
      const char *why = error != NULL ? error->message
                                      : _("The database is open read-only.");

      who_decides = g_strdup (why);
      who_manages = g_strdup (why);
    }
  else
    {
      /* Translators: %s is the signed-in user's role, e.g. “officer” */
      who_decides = g_strdup_printf (_("Only the president or the director decides a listing "
                                       "or extends it (you are: %s)."),
                                     zx_role_label (staff.role));
      /* Translators: %s is the signed-in user's role, e.g. “officer” */
      who_manages = g_strdup_printf (_("Only a clerk, a team leader, the director or an "
                                       "administrator publishes, removes, revokes or corrects "
                                       "list entries (you are: %s)."),
                                     zx_role_label (staff.role));
    }
  /* Translators: %s is the state of the entry */
  not_in_force = g_strdup_printf (_("The entry is %s: it is not in force."),
                                  zx_blacklist_state_label (state));

  update_button (self->decide_button, g_strcmp0 (state, "proposed") == 0,
                 _("Only a proposed entry is decided."), may_decide, who_decides,
                 _("Decide the listing, with an optional grace period"));
  update_button (self->publish_button,
                 g_strcmp0 (state, "decided") == 0 || g_strcmp0 (state, "grace") == 0,
                 _("Only a decided entry is published."), may_manage, who_manages,
                 _("Publish the entry today"));
  update_button (self->remove_button, in_force, not_in_force, may_manage, who_manages,
                 _("Remove the entry on a ground of art. 10"));
  update_button (self->revoke_button, in_force, not_in_force, may_manage, who_manages,
                 _("Revoke a wrongful entry"));
  update_button (self->correct_button, in_force, not_in_force, may_manage, who_manages,
                 _("Correct the ground or the conduct of the entry"));
  update_button (self->extend_button,
                 in_force && zx_blacklist_row_int (row, "ground") != 1, in_force
                 ? _("Ground 1 has no fixed period to extend.") : not_in_force,
                 may_decide, who_decides, _("Extend the listing period"));
}

static void
update_detail (ZxBlacklistPage *self)
{
  ZxBlacklistItem *item = selected_item (self);
  JsonObject *row;
  GString *facts;
  const char *reason;
  const char *conduct;

  if (item == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      g_clear_pointer (&self->preview, g_free);
      return;
    }

  row = zx_blacklist_item_get_row (item);
  gtk_stack_set_visible_child_name (self->detail_stack, "entry");
  gtk_label_set_label (self->title_label, or_dash (zx_blacklist_row_str (row, "name")));

  facts = g_string_new (NULL);
  conduct = zx_blacklist_row_str (row, "conduct");
  reason = zx_blacklist_row_str (row, "removal_reason");
  g_string_append_printf (facts, _("Case: %s"), or_dash (zx_blacklist_row_str (row, "case_no")));
  g_string_append_c (facts, '\n');
  /* Translators: the ground number (1–6) and its wording */
  g_string_append_printf (facts, _("Ground %d: %s"), (int) zx_blacklist_row_int (row, "ground"),
                          zx_blacklist_ground_wording ((int) zx_blacklist_row_int (row, "ground")));
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Conduct: %s"), or_dash (conduct));
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("State: %s"),
                          zx_blacklist_state_label (zx_blacklist_row_str (row, "state")));
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Applied: %s   Decided: %s"),
                          or_dash (zx_blacklist_row_str (row, "applied_on")),
                          or_dash (zx_blacklist_row_str (row, "decided_on")));
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Grace until: %s   Published: %s"),
                          or_dash (zx_blacklist_row_str (row, "grace_until")),
                          or_dash (zx_blacklist_row_str (row, "published_on")));
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Period end: %s   Removal due: %s   Removed: %s"),
                          or_dash (zx_blacklist_row_str (row, "period_end")),
                          or_dash (zx_blacklist_row_str (row, "removal_due_on")),
                          or_dash (zx_blacklist_row_str (row, "removed_on")));
  if (reason != NULL)
    {
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Removal ground: %s"), zx_listing_reason_label (reason));
    }
  gtk_label_set_label (self->facts_label, facts->str);
  g_string_free (facts, TRUE);

  update_buttons (self, row);
  update_preview (self, row);
}

static void
selection_changed_cb (ZxBlacklistPage *self)
{
  set_message (self, NULL, FALSE);
  update_detail (self);
}

/* ---- the steps ------------------------------------------------------------------------------ */

static gboolean
run_request (ZxBlacklistPage          *self,
             ZxBlacklistItem          *item,
             const ZxBlacklistRequest *request,
             GError                  **error)
{
  g_autofree char *today = get_today (self);
  const char *date = request->date != NULL && *request->date != '\0' ? request->date : today;
  const char *established = request->established_on != NULL && *request->established_on != '\0'
                            ? request->established_on : date;
  gint64 id = zx_blacklist_item_get_id (item);
  gint64 version = zx_blacklist_item_get_version (item);
  gboolean in_time = TRUE;

  switch (request->action)
    {
    case ZX_BLACKLIST_DECIDE:
      return zx_listing_decide (self->store, id, version, date, request->months, error);
    case ZX_BLACKLIST_PUBLISH:
      return zx_listing_publish (self->store, id, version, date, error);
    case ZX_BLACKLIST_REMOVE:
      return zx_listing_remove (self->store, id, version, request->reason, request->ground_on,
                                date, &in_time, error);
    case ZX_BLACKLIST_REVOKE:
      return zx_listing_revoke (self->store, id, version, established, date, request->reason,
                                &in_time, error);
    case ZX_BLACKLIST_CORRECT:
      {
        ZxListingCorrection correction = { request->ground, request->conduct, NULL };

        return zx_listing_correct (self->store, id, version, established, date, &correction,
                                   &in_time, error);
      }
    case ZX_BLACKLIST_EXTEND:
      return zx_listing_extend (self->store, id, version, request->months, date, error);
    default:
      g_assert_not_reached ();
    }
}

/* ---- dialogs -------------------------------------------------------------------------------- */

/* A small dialog window of its own: a grid of fields, the store's message, Cancel and OK. */
typedef struct
{
  ZxBlacklistPage  *page;
  ZxBlacklistAction action;
  GtkWindow        *window;
  GtkEditable      *date;
  GtkEditable      *established;
  GtkEditable      *ground_on;
  GtkEditable      *text;
  GtkSpinButton    *months;
  GtkDropDown      *choice;
  GtkLabel         *error_label;
  GtkGrid          *grid;
  int               n_rows;
} Dialog;

static const char *const removal_reasons[] = {
  ZX_LISTING_PERFORMED, ZX_LISTING_SETTLEMENT_PERFORMED, ZX_LISTING_APPLICANT_REQUEST,
  ZX_LISTING_NO_ASSETS, ZX_LISTING_SUSPENDED, ZX_LISTING_NOT_EXECUTED, ZX_LISTING_TERMINATED,
  ZX_LISTING_PERIOD_ENDED,
};

static void
dialog_free (gpointer data)
{
  Dialog *dialog = data;

  g_clear_object (&dialog->page);
  g_free (dialog);
}

static void
dialog_add_row (Dialog     *dialog,
                const char *label,
                GtkWidget  *widget)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (dialog->grid, caption, 0, dialog->n_rows, 1, 1);
  gtk_grid_attach (dialog->grid, widget, 1, dialog->n_rows, 1, 1);
  dialog->n_rows++;
}

static GtkEditable *
dialog_add_entry (Dialog     *dialog,
                  const char *label,
                  const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  dialog_add_row (dialog, label, entry);

  return GTK_EDITABLE (entry);
}

static GtkSpinButton *
dialog_add_months (Dialog     *dialog,
                   const char *label,
                   int         min,
                   int         max,
                   int         value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  dialog_add_row (dialog, label, spin);

  return GTK_SPIN_BUTTON (spin);
}

static const char *
editable_text (GtkEditable *editable)
{
  const char *text;

  if (editable == NULL)
    return NULL;
  text = gtk_editable_get_text (editable);

  return *text != '\0' ? text : NULL;
}

static void
dialog_ok_cb (GtkButton *button,
              Dialog    *dialog)
{
  g_autoptr(GError) error = NULL;
  ZxBlacklistRequest request = { dialog->action };
  guint choice = dialog->choice != NULL ? gtk_drop_down_get_selected (dialog->choice)
                                        : GTK_INVALID_LIST_POSITION;

  request.date = editable_text (dialog->date);
  request.established_on = editable_text (dialog->established);
  request.ground_on = editable_text (dialog->ground_on);
  request.months = dialog->months != NULL ? gtk_spin_button_get_value_as_int (dialog->months) : 0;

  switch (dialog->action)
    {
    case ZX_BLACKLIST_REMOVE:
      if (choice < G_N_ELEMENTS (removal_reasons))
        request.reason = removal_reasons[choice];
      break;
    case ZX_BLACKLIST_REVOKE:
      request.reason = editable_text (dialog->text);
      break;
    case ZX_BLACKLIST_CORRECT:
      request.ground = choice != GTK_INVALID_LIST_POSITION ? (int) choice + 1 : 0;
      request.conduct = editable_text (dialog->text);
      break;
    default:
      break;
    }

  if (zx_blacklist_page_run_action (dialog->page, &request, &error))
    {
      gtk_window_destroy (dialog->window);
      return;
    }

  gtk_label_set_label (dialog->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (dialog->error_label), TRUE);
}

static GtkWindow *
open_dialog (ZxBlacklistPage  *self,
             ZxBlacklistAction action)
{
  ZxBlacklistItem *item = selected_item (self);
  JsonObject *row;
  g_autofree char *today = get_today (self);
  g_autofree char *title = NULL;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *buttons;
  GtkWidget *cancel;
  GtkWidget *ok;
  GtkRoot *root;
  Dialog *dialog;
  const char *ok_label = _("_OK");

  if (item == NULL)
    return NULL;
  row = zx_blacklist_item_get_row (item);

  dialog = g_new0 (Dialog, 1);
  dialog->page = g_object_ref (self);
  dialog->action = action;

  window = gtk_window_new ();
  dialog->window = GTK_WINDOW (window);
  gtk_window_set_modal (dialog->window, TRUE);
  gtk_window_set_resizable (dialog->window, FALSE);
  gtk_window_set_default_size (dialog->window, 460, -1);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog->window, GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (dialog->window, TRUE);
  g_object_set_data_full (G_OBJECT (window), "zx-dialog", dialog, dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_window_set_child (dialog->window, box);

  dialog->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (dialog->grid, 8);
  gtk_grid_set_column_spacing (dialog->grid, 10);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->grid));

  switch (action)
    {
    case ZX_BLACKLIST_DECIDE:
      ok_label = _("_Decide");
      /* Translators: %s is the debtor's name */
      title = g_strdup_printf (_("Decide the listing of %s"), zx_blacklist_row_str (row, "name"));
      dialog->date = dialog_add_entry (dialog, _("_Decided on"), today);
      dialog->months = dialog_add_months (dialog, _("_Grace months (0: none)"), 0, 3, 0);
      break;
    case ZX_BLACKLIST_PUBLISH:
      ok_label = _("_Publish");
      /* Translators: %s is the debtor's name */
      title = g_strdup_printf (_("Publish the entry of %s"), zx_blacklist_row_str (row, "name"));
      dialog->date = dialog_add_entry (dialog, _("_Published on"), today);
      break;
    case ZX_BLACKLIST_REMOVE:
      {
        const char *recorded = zx_blacklist_row_str (row, "removal_reason");
        g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

        ok_label = _("_Remove");
        /* Translators: %s is the debtor's name */
        title = g_strdup_printf (_("Remove %s from the list"), zx_blacklist_row_str (row, "name"));
        for (guint i = 0; i < G_N_ELEMENTS (removal_reasons); i++)
          gtk_string_list_append (reasons, zx_listing_reason_label (removal_reasons[i]));
        dialog->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&reasons)),
                                                           NULL));
        for (guint i = 0; i < G_N_ELEMENTS (removal_reasons); i++)
          if (g_strcmp0 (recorded, removal_reasons[i]) == 0)
            gtk_drop_down_set_selected (dialog->choice, i);
        dialog_add_row (dialog, _("_Ground (art. 10)"), GTK_WIDGET (dialog->choice));
        dialog->ground_on = dialog_add_entry (dialog, _("Ground _arose on"), today);
        dialog->date = dialog_add_entry (dialog, _("_Removed on"), today);
      }
      break;
    case ZX_BLACKLIST_REVOKE:
      ok_label = _("Re_voke");
      /* Translators: %s is the debtor's name */
      title = g_strdup_printf (_("Revoke the wrongful entry of %s"),
                               zx_blacklist_row_str (row, "name"));
      dialog->text = dialog_add_entry (dialog, _("_Why it is wrongful"), NULL);
      dialog->established = dialog_add_entry (dialog, _("Error _established on"), today);
      dialog->date = dialog_add_entry (dialog, _("_Revoked on"), today);
      break;
    case ZX_BLACKLIST_CORRECT:
      {
        g_autoptr(GtkStringList) grounds = gtk_string_list_new (NULL);

        ok_label = _("_Correct");
        /* Translators: %s is the debtor's name */
        title = g_strdup_printf (_("Correct the entry of %s"), zx_blacklist_row_str (row, "name"));
        for (int g = 1; g <= 6; g++)
          {
            g_autofree char *text = g_strdup_printf ("%d · %s", g, zx_blacklist_ground_wording (g));

            gtk_string_list_append (grounds, text);
          }
        dialog->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&grounds)),
                                                           NULL));
        gtk_drop_down_set_selected (dialog->choice,
                                    (guint) MAX (zx_blacklist_row_int (row, "ground") - 1, 0));
        dialog_add_row (dialog, _("_Ground (art. 1)"), GTK_WIDGET (dialog->choice));
        dialog->text = dialog_add_entry (dialog, _("C_onduct"),
                                         zx_blacklist_row_str (row, "conduct"));
        dialog->established = dialog_add_entry (dialog, _("Error _established on"), today);
        dialog->date = dialog_add_entry (dialog, _("_Corrected on"), today);
      }
      break;
    case ZX_BLACKLIST_EXTEND:
      ok_label = _("E_xtend");
      /* Translators: %s is the debtor's name */
      title = g_strdup_printf (_("Extend the listing of %s"), zx_blacklist_row_str (row, "name"));
      dialog->months = dialog_add_months (dialog, _("_Months"), 12, 36, 12);
      dialog->date = dialog_add_entry (dialog, _("_Decided on"), today);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_window_set_title (dialog->window, title);

  dialog->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (dialog->error_label, TRUE);
  gtk_label_set_xalign (dialog->error_label, 0);
  gtk_label_set_max_width_chars (dialog->error_label, 50);
  gtk_label_set_selectable (dialog->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->error_label), "zx-dialog-error");
  gtk_widget_set_visible (GTK_WIDGET (dialog->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->error_label));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  ok = gtk_button_new_with_mnemonic (ok_label);
  gtk_widget_add_css_class (ok, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), ok);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_default_widget (dialog->window, ok);

  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect (ok, "clicked", G_CALLBACK (dialog_ok_cb), dialog);
  g_object_set_data (G_OBJECT (window), "zx-ok-button", ok);

  gtk_window_present (dialog->window);

  return dialog->window;
}

static void
decide_clicked_cb (ZxBlacklistPage *self)
{
  open_dialog (self, ZX_BLACKLIST_DECIDE);
}

/* Publishing asks nothing: it is published today; a refusal shows under the buttons. */
static void
publish_clicked_cb (ZxBlacklistPage *self)
{
  ZxBlacklistRequest request = { ZX_BLACKLIST_PUBLISH };

  zx_blacklist_page_run_action (self, &request, NULL);
}

static void
remove_clicked_cb (ZxBlacklistPage *self)
{
  open_dialog (self, ZX_BLACKLIST_REMOVE);
}

static void
revoke_clicked_cb (ZxBlacklistPage *self)
{
  open_dialog (self, ZX_BLACKLIST_REVOKE);
}

static void
correct_clicked_cb (ZxBlacklistPage *self)
{
  open_dialog (self, ZX_BLACKLIST_CORRECT);
}

static void
extend_clicked_cb (ZxBlacklistPage *self)
{
  open_dialog (self, ZX_BLACKLIST_EXTEND);
}

/* ---- toolbar -------------------------------------------------------------------------------- */

static void
state_selected_cb (ZxBlacklistPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  if (selected >= G_N_ELEMENTS (filter_states))
    selected = 0;
  zx_blacklist_page_set_state_filter (self, filter_states[selected]);
}

static void
refresh_clicked_cb (ZxBlacklistPage *self)
{
  reload (self);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    ZxBlacklistPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (!zx_blacklist_page_export_csv (self, file, &error))
        {
          /* Translators: %s is the reason */
          g_autofree char *text = g_strdup_printf (_("The public list was not saved: %s"),
                                                   error->message);
          show_load_error (self, NULL);
          gtk_label_set_label (self->load_error_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), TRUE);
        }
    }

  g_object_unref (native);
}

static void
export_clicked_cb (ZxBlacklistPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *today = get_today (self);
  /* Translators: the default file name of the public list export; %s is the date */
  g_autofree char *name = g_strdup_printf (_("public-list-%s.csv"), today);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export Public List"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- vfuncs --------------------------------------------------------------------------------- */

static void
zx_blacklist_page_dispose (GObject *object)
{
  ZxBlacklistPage *self = ZX_BLACKLIST_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_BLACKLIST_PAGE);
  /* The template's unnamed top box. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (zx_blacklist_page_parent_class)->dispose (object);
}

static void
zx_blacklist_page_finalize (GObject *object)
{
  ZxBlacklistPage *self = ZX_BLACKLIST_PAGE (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->state_filter, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->preview, g_free);

  G_OBJECT_CLASS (zx_blacklist_page_parent_class)->finalize (object);
}

static void
zx_blacklist_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ZxBlacklistPage *self = ZX_BLACKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_STATE_FILTER:
      g_value_set_string (value, self->state_filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_blacklist_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ZxBlacklistPage *self = ZX_BLACKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      zx_blacklist_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      zx_blacklist_page_set_today (self, g_value_get_string (value));
      break;
    case PROP_STATE_FILTER:
      zx_blacklist_page_set_state_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_blacklist_page_class_init (ZxBlacklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_blacklist_page_dispose;
  object_class->finalize = zx_blacklist_page_finalize;
  object_class->get_property = zx_blacklist_page_get_property;
  object_class->set_property = zx_blacklist_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_FILTER] =
    g_param_spec_string ("state-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-blacklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, load_error_label);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, decide_button);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, publish_button);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, revoke_button);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, correct_button);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, extend_button);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, ZxBlacklistPage, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, decide_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revoke_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, correct_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, extend_clicked_cb);
}

static void
zx_blacklist_page_init (ZxBlacklistPage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  self->rows = g_list_store_new (ZX_TYPE_BLACKLIST_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (states, C_("list entry state filter", "All"));
  for (guint i = 1; i < G_N_ELEMENTS (filter_states); i++)
    gtk_string_list_append (states, zx_blacklist_state_label (filter_states[i]));
  g_signal_handlers_block_by_func (self->state_dropdown, state_selected_cb, self);
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->state_dropdown, state_selected_cb, self);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_unref (self->selection);

  add_columns (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
}

/* ---- public API ----------------------------------------------------------------------------- */

GtkWidget *
zx_blacklist_page_new (void)
{
  return g_object_new (ZX_TYPE_BLACKLIST_PAGE, NULL);
}

ZxStore *
zx_blacklist_page_get_store (ZxBlacklistPage *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), NULL);

  return self->store;
}

void
zx_blacklist_page_set_store (ZxBlacklistPage *self,
                             ZxStore         *store)
{
  g_return_if_fail (ZX_IS_BLACKLIST_PAGE (self));
  g_return_if_fail (store == NULL || ZX_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      static const char *const entities[] = { "blacklist_entries", "parties", "cases" };

      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", entities[i], NULL);

          g_signal_connect_object (store, signal, G_CALLBACK (store_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      /* Who is signed in decides which buttons are on. */
      g_signal_connect_object (store, "changed::staff", G_CALLBACK (update_detail), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_set_sensitive (self->export_button, store != NULL);
  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
zx_blacklist_page_get_today (ZxBlacklistPage *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), NULL);

  return self->today;
}

void
zx_blacklist_page_set_today (ZxBlacklistPage *self,
                             const char      *today)
{
  g_return_if_fail (ZX_IS_BLACKLIST_PAGE (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);
  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

const char *
zx_blacklist_page_get_state_filter (ZxBlacklistPage *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), NULL);

  return self->state_filter;
}

void
zx_blacklist_page_set_state_filter (ZxBlacklistPage *self,
                                    const char      *state)
{
  g_return_if_fail (ZX_IS_BLACKLIST_PAGE (self));

  if (g_strcmp0 (self->state_filter, state) == 0)
    return;

  g_free (self->state_filter);
  self->state_filter = g_strdup (state);

  for (guint i = 0; i < G_N_ELEMENTS (filter_states); i++)
    if (g_strcmp0 (filter_states[i], state) == 0
        && gtk_drop_down_get_selected (self->state_dropdown) != i)
      gtk_drop_down_set_selected (self->state_dropdown, i);

  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_FILTER]);
}

GListModel *
zx_blacklist_page_get_model (ZxBlacklistPage *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

void
zx_blacklist_page_refresh (ZxBlacklistPage *self)
{
  g_return_if_fail (ZX_IS_BLACKLIST_PAGE (self));

  reload (self);
}

gboolean
zx_blacklist_page_select_entry (ZxBlacklistPage *self,
                                gint64           id)
{
  guint n;

  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZxBlacklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (zx_blacklist_item_get_id (item) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item",
                                      "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

gint64
zx_blacklist_page_get_selected_id (ZxBlacklistPage *self)
{
  ZxBlacklistItem *item;

  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), 0);

  item = selected_item (self);

  return item != NULL ? zx_blacklist_item_get_id (item) : 0;
}

gboolean
zx_blacklist_page_run_action (ZxBlacklistPage          *self,
                              const ZxBlacklistRequest *request,
                              GError                  **error)
{
  g_autoptr(ZxBlacklistItem) item = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL || selected_item (self) == NULL)
    {
      g_set_error_literal (error, ZX_ERROR, ZX_ERROR_INVALID, _("No list entry is selected."));
      return FALSE;
    }

  item = g_object_ref (selected_item (self));
  if (!run_request (self, item, request, &local_error))
    {
      set_message (self, local_error->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  reload (self);
  set_message (self, _("Saved."), FALSE);

  return TRUE;
}

const char *
zx_blacklist_page_get_message (ZxBlacklistPage *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), NULL);

  return self->message != NULL ? self->message : "";
}

const char *
zx_blacklist_page_get_preview (ZxBlacklistPage *self)
{
  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), NULL);

  return self->preview != NULL ? self->preview : "";
}

gboolean
zx_blacklist_page_export_csv (ZxBlacklistPage *self,
                              GFile           *file,
                              GError         **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (ZX_IS_BLACKLIST_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, ZX_ERROR, ZX_ERROR_INVALID, _("No database is open."));
      return FALSE;
    }

  today = get_today (self);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;

  if (!zx_public_list_export_csv (self->store, today, G_OUTPUT_STREAM (out), error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
