/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Cases page: every case in a GtkColumnView over ZxCaseListModel, with one search field,
 * filters (team, status, type, year, mine, overdue), sorting by clicking a column header, and the
 * count of matching cases. The query runs in a worker thread on the model's own connection; a
 * new one cancels the one before. Changes from other desktops (the store's change feed) run the
 * query again at most once a second, keeping the selected case and the scroll position. */
#define G_LOG_DOMAIN "zx-case-register"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "domain/zx-case-no.h"
#include "pages/zx-case-detail.h"
#include "widgets/zx-placeholder-page.h"
#include "zx-case-register.h"

/* Changes from the store come in bursts (an import reports thousands of rows): wait this long
 * for the burst to end … */
#define LIVE_DELAY_MS        300
/* … and query at most once in this time. */
#define LIVE_MIN_INTERVAL_MS 1000

typedef enum
{
  COLUMN_CASE_NO,
  COLUMN_FILED,
  COLUMN_RESPONDENT,
  COLUMN_APPLICANT,
  COLUMN_APPLIED,
  COLUMN_REALIZED,
  COLUMN_TEAM,
  COLUMN_OFFICER,
  COLUMN_STATUS,
  COLUMN_DEADLINE,
  N_COLUMNS
} Column;

/* What clicking a column header sorts by; -1: the column cannot be sorted. */
static const int column_sorts[N_COLUMNS] = {
  [COLUMN_CASE_NO] = ZX_CASE_SORT_CASE_NO,
  [COLUMN_FILED] = ZX_CASE_SORT_FILED,
  [COLUMN_RESPONDENT] = ZX_CASE_SORT_RESPONDENT,
  [COLUMN_APPLICANT] = ZX_CASE_SORT_APPLICANT,
  [COLUMN_APPLIED] = ZX_CASE_SORT_APPLIED,
  [COLUMN_REALIZED] = ZX_CASE_SORT_REALIZED,
  [COLUMN_TEAM] = ZX_CASE_SORT_TEAM,
  [COLUMN_OFFICER] = ZX_CASE_SORT_OFFICER,
  [COLUMN_STATUS] = ZX_CASE_SORT_STATUS,
  /* The column shows the earliest open node, so it sorts by that (ZX_CASE_SORT_DEADLINE is the
   * statutory limit, another date). */
  [COLUMN_DEADLINE] = ZX_CASE_SORT_NEXT_DUE,
};

/* The status filter's choices after "all", in order. */
static const char *const status_values[] = {
  "open", "concluded", "in_progress", "suspended", "executed", "zhongben", "terminated",
  "not_executed", "rejected", "withdrawn",
};

struct _ZxCaseRegister
{
  GtkWidget            parent_instance;

  ZxStore             *store;
  ZxCaseListModel     *model;
  GtkSingleSelection  *selection;
  GCancellable        *query_cancellable;
  gboolean             loading;
  gboolean             user_query;      /* the running query follows a user's change */
  gboolean             live_pending;    /* changes arrived while a query ran */
  guint                live_source;
  gint64               last_query_time;
  gint64               selected_id;
  gboolean             applying;        /* a new snapshot is being shown */
  gboolean             updating_filters;
  gint64               my_staff_id;
  GArray              *team_ids;        /* gint64 per team choice; 0 = all */
  GArray              *years;           /* int per year choice; 0 = all */
  GPtrArray           *type_codes;      /* per type choice; NULL = all */
  GHashTable          *node_names;      /* node kind → name, for the deadline's tooltip */

  /* Finding the clicked column: GTK 4.8 has no public GtkColumnViewSorter API, so each column's
   * sorter records that it was asked, and the column view's sorter's answer gives the order. */
  GObject             *probe_a;
  GObject             *probe_b;
  int                  probe_column;
  ZxCaseSort           sort;
  gboolean             descending;

  /* template children */
  GtkWidget           *paned;
  GtkSearchEntry      *search_entry;
  GtkSpinner          *spinner;
  GtkLabel            *count_label;
  GtkDropDown         *team_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *type_dropdown;
  GtkDropDown         *year_dropdown;
  GtkToggleButton     *mine_button;
  GtkToggleButton     *overdue_button;
  GtkStack            *list_stack;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  ZxPlaceholderPage   *empty_page;
  ZxPlaceholderPage   *error_page;
  GtkWidget           *detail_box;
  ZxCaseDetail        *detail;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark column_quark;

G_DEFINE_FINAL_TYPE (ZxCaseRegister, zx_case_register, GTK_TYPE_WIDGET)

static void start_query          (ZxCaseRegister *self,
                                  gboolean        user_query);
static void selection_changed_cb (ZxCaseRegister *self);

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static const char *
type_description (const char *code)
{
  static const struct
  {
    const char *code;
    const char *description;
  } types[] = {
    { "执", N_("First enforcement") },
    { "执恢", N_("Resumed enforcement") },
    { "执保", N_("Property preservation") },
    { "执异", N_("Enforcement objection") },
    { "执复", N_("Enforcement review") },
    { "执监", N_("Enforcement supervision") },
    { "执协", N_("Enforcement coordination") },
    { "执他", N_("Other enforcement") },
    { "司救执", N_("Judicial aid in enforcement") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (g_str_equal (code, types[i].code))
        return _(types[i].description);
    }

  return NULL;
}

/* ---- cells --------------------------------------------------------------------------------- */

static void
fill_deadline_cell (GtkWidget  *box,
                    ZxCaseItem *item,
                    GHashTable *node_names)
{
  GtkWidget *label = gtk_widget_get_last_child (box);
  const char *due_on = zx_case_item_get_next_due_on (item);
  const char *status = zx_case_item_get_next_due_status (item);
  const char *kind = zx_case_item_get_next_due_kind (item);
  const char *classes[] = { "zx-deadline", NULL, NULL };
  g_autofree char *tooltip = NULL;

  if (g_strcmp0 (status, "overdue") == 0)
    classes[1] = "overdue";
  else if (g_strcmp0 (status, "due_soon") == 0)
    classes[1] = "due-soon";
  else if (due_on != NULL)
    classes[1] = "open";

  gtk_widget_set_css_classes (box, classes);
  gtk_inscription_set_text (GTK_INSCRIPTION (label), due_on != NULL ? due_on : "—");

  if (due_on != NULL)
    {
      const char *name = kind != NULL && node_names != NULL
                         ? g_hash_table_lookup (node_names, kind) : NULL;

      if (name == NULL)
        name = kind;

      if (g_strcmp0 (status, "overdue") == 0)
        /* Translators: the first %s is a process node (e.g. 执行通知), the second a date */
        tooltip = g_strdup_printf (_("%s, overdue since %s"), name, due_on);
      else
        /* Translators: the first %s is a process node (e.g. 执行通知), the second a date */
        tooltip = g_strdup_printf (_("%s, due on %s"), name, due_on);
    }

  gtk_widget_set_tooltip_text (box, tooltip);
}

static void
fill_cell (GtkListItem *list_item,
           GHashTable  *node_names)
{
  Column column = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (list_item), column_quark)) - 1;
  ZxCaseItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (item == NULL || child == NULL)
    return;

  switch (column)
    {
    case COLUMN_CASE_NO:
      text = zx_case_item_get_case_no (item);
      break;
    case COLUMN_FILED:
      text = zx_case_item_get_filed_on (item);
      break;
    case COLUMN_RESPONDENT:
      text = zx_case_item_get_respondent (item);
      gtk_widget_set_tooltip_text (child, text);
      break;
    case COLUMN_APPLICANT:
      text = zx_case_item_get_applicant (item);
      gtk_widget_set_tooltip_text (child, text);
      break;
    case COLUMN_APPLIED:
      if (zx_case_item_get_loaded (item))
        text = owned = zx_format_fen_as_yuan (zx_case_item_get_amount_applied (item));
      break;
    case COLUMN_REALIZED:
      if (zx_case_item_get_loaded (item))
        text = owned = zx_format_fen_as_yuan (zx_case_item_get_amount_realized (item));
      break;
    case COLUMN_TEAM:
      text = zx_case_item_get_team (item);
      break;
    case COLUMN_OFFICER:
      text = zx_case_item_get_officer (item);
      break;
    case COLUMN_STATUS:
      {
        const char *status = zx_case_item_get_status (item);
        gboolean open = g_strcmp0 (status, "in_progress") == 0
                        || g_strcmp0 (status, "suspended") == 0;

        text = zx_case_status_label (status);
        if (open)
          gtk_widget_remove_css_class (child, "dim-label");
        else
          gtk_widget_add_css_class (child, "dim-label");
      }
      break;
    case COLUMN_DEADLINE:
      fill_deadline_cell (child, item, node_names);
      return;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
cell_item_notify_cb (ZxCaseItem  *item,
                     GParamSpec  *pspec,
                     GtkListItem *list_item)
{
  ZxCaseRegister *self = g_object_get_data (G_OBJECT (list_item), "zx-case-register");

  fill_cell (list_item, self != NULL ? self->node_names : NULL);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ZxCaseRegister           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "zx-column"));
  GtkWidget *inscription = gtk_inscription_new (NULL);

  g_object_set_qdata (G_OBJECT (list_item), column_quark, GINT_TO_POINTER (column + 1));
  /* Not a reference: the page owns the column view, which owns the list items. */
  g_object_set_data (G_OBJECT (list_item), "zx-case-register", self);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), 1);

  switch (column)
    {
    case COLUMN_APPLIED:
    case COLUMN_REALIZED:
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0f);
      gtk_widget_add_css_class (inscription, "numeric");
      break;
    case COLUMN_FILED:
      gtk_widget_add_css_class (inscription, "numeric");
      break;
    case COLUMN_DEADLINE:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

        gtk_widget_add_css_class (dot, "zx-deadline-dot");
        gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (inscription, "numeric");
        gtk_widget_set_hexpand (inscription, TRUE);
        gtk_box_append (GTK_BOX (box), dot);
        gtk_box_append (GTK_BOX (box), inscription);
        gtk_list_item_set_child (list_item, box);
        return;
      }
    default:
      break;
    }

  gtk_list_item_set_child (list_item, inscription);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ZxCaseRegister           *self)
{
  ZxCaseItem *item = gtk_list_item_get_item (list_item);

  fill_cell (list_item, self->node_names);
  /* A case changed on another desktop is updated in place: redraw when it is. */
  g_signal_connect_object (item, "notify", G_CALLBACK (cell_item_notify_cb), list_item, 0);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ZxCaseRegister           *self)
{
  ZxCaseItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, cell_item_notify_cb, list_item);
}

/* ---- sorting ------------------------------------------------------------------------------- */

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  ZxCaseRegister *self = g_object_get_data (G_OBJECT (column), "zx-case-register");

  if (self->probe_column < 0)
    self->probe_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "zx-column"));

  /* Never "equal", so the column view's sorter stops at its primary column. */
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (ZxCaseRegister *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering ordering;

  self->probe_column = -1;
  ordering = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);

  if (self->probe_column >= 0 && column_sorts[self->probe_column] >= 0)
    {
      self->sort = column_sorts[self->probe_column];
      self->descending = ordering == GTK_ORDERING_LARGER;
    }
  else
    {
      /* No column: newest first. */
      self->sort = ZX_CASE_SORT_FILED;
      self->descending = TRUE;
    }

  g_debug ("Sort by %d, %s", self->sort, self->descending ? "descending" : "ascending");

  if (self->store != NULL)
    start_query (self, TRUE);
}

/* ---- filters ------------------------------------------------------------------------------- */

static void
set_dropdown_strings (GtkDropDown *dropdown,
                      GPtrArray   *strings,
                      guint        selected)
{
  g_autoptr(GtkStringList) list = NULL;

  g_ptr_array_add (strings, NULL);
  list = gtk_string_list_new ((const char *const *) strings->pdata);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
load_status_choices (ZxCaseRegister *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();

  g_ptr_array_add (strings, (gpointer) _("All statuses"));
  g_ptr_array_add (strings, (gpointer) C_("case filter", "Open"));
  g_ptr_array_add (strings, (gpointer) C_("case filter", "Concluded"));
  for (guint i = 2; i < G_N_ELEMENTS (status_values); i++)
    g_ptr_array_add (strings, (gpointer) zx_case_status_label (status_values[i]));

  set_dropdown_strings (self->status_dropdown, strings, 0);
}

static void
load_type_choices (ZxCaseRegister *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  const char *const *codes = zx_case_no_type_codes ();

  g_ptr_array_set_size (self->type_codes, 0);
  g_ptr_array_add (self->type_codes, NULL);
  g_ptr_array_add (strings, g_strdup (_("All types")));

  /* Shortest first reads better in a menu: 执, then 执恢 … */
  for (guint length = 1; length <= 3; length++)
    {
      for (guint i = 0; codes[i] != NULL; i++)
        {
          const char *description;

          if (g_utf8_strlen (codes[i], -1) != length)
            continue;

          description = type_description (codes[i]);
          g_ptr_array_add (self->type_codes, (gpointer) codes[i]);
          g_ptr_array_add (strings, description != NULL
                                    ? g_strdup_printf ("%s · %s", codes[i], description)
                                    : g_strdup (codes[i]));
        }
    }

  set_dropdown_strings (self->type_dropdown, strings, 0);
  /* set_dropdown_strings added a NULL terminator, which the free func ignores. */
}

/* The teams (active ones, in their order), keeping the chosen team if it is still there. */
static void
load_team_choices (ZxCaseRegister *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint old_selected = gtk_drop_down_get_selected (self->team_dropdown);
  gint64 old_team = 0;
  gint64 none = 0;
  guint selected = 0;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  if (old_selected != GTK_INVALID_LIST_POSITION && old_selected < self->team_ids->len)
    old_team = g_array_index (self->team_ids, gint64, old_selected);

  g_array_set_size (self->team_ids, 0);
  g_array_append_val (self->team_ids, none);
  g_ptr_array_add (strings, g_strdup (_("All teams")));

  db = self->store != NULL ? zx_store_get_db (self->store) : NULL;
  if (db != NULL
      && sqlite3_prepare_v2 (db,
                             "SELECT id, name FROM teams WHERE active = 1"
                             " ORDER BY sort_order, id",
                             -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (id == old_team)
            selected = self->team_ids->len;
          g_array_append_val (self->team_ids, id);
          g_ptr_array_add (strings, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
    }
  sqlite3_finalize (stmt);

  set_dropdown_strings (self->team_dropdown, strings, selected);
}

/* Years of the case numbers to choose from: from the first filing to this year, newest first. */
static void
load_year_choices (ZxCaseRegister *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint old_selected = gtk_drop_down_get_selected (self->year_dropdown);
  int old_year = 0;
  int first = g_date_time_get_year (now);
  int last = first;
  int none = 0;
  guint selected = 0;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  if (old_selected != GTK_INVALID_LIST_POSITION && old_selected < self->years->len)
    old_year = g_array_index (self->years, int, old_selected);

  /* Two subqueries, so that each is answered from the index on filed_on. */
  db = self->store != NULL ? zx_store_get_db (self->store) : NULL;
  if (db != NULL
      && sqlite3_prepare_v2 (db,
                             "SELECT (SELECT min(filed_on) FROM cases),"
                             " (SELECT max(filed_on) FROM cases)",
                             -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *min_filed = (const char *) sqlite3_column_text (stmt, 0);
      const char *max_filed = (const char *) sqlite3_column_text (stmt, 1);

      if (min_filed != NULL)
        first = MIN (first, atoi (min_filed));
      if (max_filed != NULL)
        last = MAX (last, atoi (max_filed));
    }
  sqlite3_finalize (stmt);

  g_array_set_size (self->years, 0);
  g_array_append_val (self->years, none);
  g_ptr_array_add (strings, g_strdup (_("All years")));

  for (int year = last; year >= first && year > 0; year--)
    {
      if (year == old_year)
        selected = self->years->len;
      g_array_append_val (self->years, year);
      g_ptr_array_add (strings, g_strdup_printf ("%d", year));
    }

  set_dropdown_strings (self->year_dropdown, strings, selected);
}

/* "Mine": the staff member whose login is this computer's user. */
static void
load_my_staff_id (ZxCaseRegister *self)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = self->store != NULL ? zx_store_get_db (self->store) : NULL;

  self->my_staff_id = 0;

  if (db != NULL
      && sqlite3_prepare_v2 (db, "SELECT id FROM staff WHERE login = ?1 AND active = 1", -1,
                             &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        self->my_staff_id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), self->my_staff_id != 0);
  if (self->my_staff_id != 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_button),
                                   _("Only the cases you handle"));
    }
  else
    {
      /* Translators: %s is the computer account name */
      g_autofree char *tooltip = g_strdup_printf (_("No staff member has the login “%s”"),
                                                  g_get_user_name ());

      gtk_toggle_button_set_active (self->mine_button, FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_button), tooltip);
    }
}

static void
load_node_names (ZxCaseRegister *self)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = self->store != NULL ? zx_store_get_db (self->store) : NULL;

  g_hash_table_remove_all (self->node_names);

  if (db != NULL
      && sqlite3_prepare_v2 (db, "SELECT kind, name FROM node_rules", -1, &stmt,
                             NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (self->node_names,
                             g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
}

static void
load_choices (ZxCaseRegister *self)
{
  self->updating_filters = TRUE;
  load_team_choices (self);
  load_year_choices (self);
  load_my_staff_id (self);
  load_node_names (self);
  self->updating_filters = FALSE;
}

static void
build_filter (ZxCaseRegister *self,
              ZxCaseFilter   *filter,
              const char     *today)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint team = gtk_drop_down_get_selected (self->team_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint year = gtk_drop_down_get_selected (self->year_dropdown);

  memset (filter, 0, sizeof *filter);
  filter->text = text != NULL && *text != '\0' ? text : NULL;
  if (team != GTK_INVALID_LIST_POSITION && team < self->team_ids->len)
    filter->team_id = g_array_index (self->team_ids, gint64, team);
  if (gtk_toggle_button_get_active (self->mine_button))
    filter->officer_id = self->my_staff_id;
  if (status != GTK_INVALID_LIST_POSITION && status > 0 && status <= G_N_ELEMENTS (status_values))
    filter->status = status_values[status - 1];
  if (type != GTK_INVALID_LIST_POSITION && type < self->type_codes->len)
    filter->type_code = g_ptr_array_index (self->type_codes, type);
  if (year != GTK_INVALID_LIST_POSITION && year < self->years->len)
    filter->year = g_array_index (self->years, int, year);
  filter->overdue_only = gtk_toggle_button_get_active (self->overdue_button);
  filter->today = today;
  filter->sort = self->sort;
  filter->descending = self->descending;
}

/* Whether the list shows every case: no search and no filter. */
static gboolean
filter_is_empty (const ZxCaseFilter *filter)
{
  return filter->text == NULL && filter->team_id == 0 && filter->officer_id == 0
         && filter->status == NULL && filter->type_code == NULL && filter->year == 0
         && !filter->overdue_only;
}

/* ---- queries ------------------------------------------------------------------------------- */

static void
set_loading (ZxCaseRegister *self,
             gboolean        loading)
{
  if (loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_count (ZxCaseRegister *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *number = zx_format_count (n);
  g_autofree char *text = NULL;

  /* Translators: %s is a number, e.g. “12,345 cases” */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s case", "%s cases", n), number);
  gtk_label_set_label (self->count_label, text);
}

/* The internal list view of the column view: GTK 4.8 has no gtk_column_view_scroll_to, but the
 * list view has the list.scroll-to-item action. */
static void
scroll_to_position (ZxCaseRegister *self,
                    guint           position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

/* After a new snapshot: the selected case stays selected where it now is, or, if it no longer
 * matches, nothing is. */
static void
restore_selection (ZxCaseRegister *self,
                   gboolean        scroll)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected_id != 0 && !zx_case_list_model_find (self->model, self->selected_id,
                                                          &position))
    position = GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  /* The selection may have gone while the snapshot changed, unnoticed (see applying). */
  selection_changed_cb (self);

  if (!scroll)
    return;

  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_position (self, position);
  else
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ZxCaseRegister) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *today = NULL;
  gboolean user_query;

  ids = zx_case_list_model_query_finish (ZX_CASE_LIST_MODEL (object), result, &error);

  /* A newer query took over (or the page went away). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || ZX_CASE_LIST_MODEL (object) != self->model)
    return;

  g_clear_object (&self->query_cancellable);
  user_query = self->user_query;
  self->user_query = FALSE;

  if (ids == NULL)
    {
      g_warning ("Could not search the cases: %s", error->message);
      zx_placeholder_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      gtk_label_set_label (self->count_label, "");
    }
  else
    {
      gint64 started = g_get_monotonic_time ();

      today = today_string ();
      self->applying = TRUE;
      zx_case_list_model_set_ids (self->model, ids, today);
      self->applying = FALSE;
      restore_selection (self, user_query);
      g_debug ("Showed %u cases in %.1f ms", ids->len,
               (g_get_monotonic_time () - started) / 1000.0);

      update_count (self);

      if (ids->len == 0)
        {
          ZxCaseFilter filter;

          build_filter (self, &filter, today);
          if (filter_is_empty (&filter))
            {
              zx_placeholder_page_set_title (self->empty_page, _("No Cases Yet"));
              zx_placeholder_page_set_description (self->empty_page,
                                                   _("Cases show here once they are filed or "
                                                     "imported."));
            }
          else
            {
              zx_placeholder_page_set_title (self->empty_page, _("No Matching Cases"));
              zx_placeholder_page_set_description (self->empty_page,
                                                   _("Try other words, or fewer filters."));
            }
        }

      gtk_stack_set_visible_child_name (self->list_stack, ids->len > 0 ? "list" : "empty");
    }

  set_loading (self, FALSE);

  if (self->live_pending)
    {
      self->live_pending = FALSE;
      start_query (self, FALSE);
    }
}

/* USER_QUERY: the user changed the search, a filter or the sort (cancel what runs, and scroll
 * to the selection); otherwise the store reported changes (keep the view where it is). */
static void
start_query (ZxCaseRegister *self,
             gboolean        user_query)
{
  g_autofree char *today = NULL;
  ZxCaseFilter filter;

  if (self->model == NULL || self->updating_filters)
    return;

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();
  self->user_query = self->user_query || user_query;
  self->last_query_time = g_get_monotonic_time ();

  today = today_string ();
  build_filter (self, &filter, today);
  zx_case_list_model_query_async (self->model, &filter, self->query_cancellable, query_done_cb,
                                  g_object_ref (self));
  set_loading (self, TRUE);
}

static gboolean
live_timeout_cb (gpointer user_data)
{
  ZxCaseRegister *self = user_data;

  self->live_source = 0;

  /* Do not cancel a query that is running: it may be slow, and changes may keep coming. */
  if (self->query_cancellable != NULL)
    self->live_pending = TRUE;
  else
    start_query (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Connected to changed::cases, changed::parties and changed::nodes. */
static void
store_changed_cb (ZxCaseRegister *self,
                  const char     *entity,
                  gint64          id,
                  ZxStore        *store)
{
  gint64 since_ms;
  guint delay_ms;

  if (self->live_source != 0)
    return;

  since_ms = (g_get_monotonic_time () - self->last_query_time) / 1000;
  delay_ms = (guint) CLAMP (LIVE_MIN_INTERVAL_MS - since_ms, LIVE_DELAY_MS, LIVE_MIN_INTERVAL_MS);
  self->live_source = g_timeout_add (delay_ms, live_timeout_cb, self);
}

/* Connected to changed::teams, changed::staff and changed::node_rules. */
static void
store_choices_changed_cb (ZxCaseRegister *self,
                          const char     *entity,
                          gint64          id,
                          ZxStore        *store)
{
  load_choices (self);
  /* Team and officer names show in the rows. */
  store_changed_cb (self, entity, id, store);
}

/* ---- template callbacks -------------------------------------------------------------------- */

static void
search_changed_cb (ZxCaseRegister *self)
{
  start_query (self, TRUE);
}

static void
filter_changed_cb (ZxCaseRegister *self)
{
  start_query (self, TRUE);
}

static void
selection_changed_cb (ZxCaseRegister *self)
{
  ZxCaseItem *item = gtk_single_selection_get_selected_item (self->selection);
  gint64 id = item != NULL ? zx_case_item_get_id (item) : 0;

  /* While a new snapshot is shown, the selection may pass through nothing: keep the case. */
  if (self->applying)
    return;

  gtk_widget_set_visible (self->detail_box, item != NULL);
  zx_case_detail_set_case_id (self->detail, id);

  if (self->selected_id == id)
    return;

  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* ---- actions ------------------------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZxCaseRegister *self = ZX_CASE_REGISTER (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
disconnect_store (ZxCaseRegister *self)
{
  if (self->store == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_signal_handlers_disconnect_by_func (self->store, store_choices_changed_cb, self);
}

static void
zx_case_register_dispose (GObject *object)
{
  ZxCaseRegister *self = ZX_CASE_REGISTER (object);

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_clear_handle_id (&self->live_source, g_source_remove);
  disconnect_store (self);

  if (self->column_view != NULL)
    {
      /* Removing the columns changes the sorter: no query for that. */
      g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                            sorter_changed_cb, self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_CASE_REGISTER);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (zx_case_register_parent_class)->dispose (object);
}

static void
zx_case_register_finalize (GObject *object)
{
  ZxCaseRegister *self = ZX_CASE_REGISTER (object);

  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_pointer (&self->node_names, g_hash_table_unref);

  G_OBJECT_CLASS (zx_case_register_parent_class)->finalize (object);
}

static void
zx_case_register_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZxCaseRegister *self = ZX_CASE_REGISTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_case_register_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ZxCaseRegister *self = ZX_CASE_REGISTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      zx_case_register_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_case_register_class_init (ZxCaseRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_case_register_dispose;
  object_class->finalize = zx_case_register_finalize;
  object_class->get_property = zx_case_register_get_property;
  object_class->set_property = zx_case_register_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  column_quark = g_quark_from_static_string ("zx-case-register-column");

  g_type_ensure (ZX_TYPE_PLACEHOLDER_PAGE);
  g_type_ensure (ZX_TYPE_CASE_DETAIL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-case-register.ui");
  /* Bound so that gtk_widget_dispose_template unparents it. */
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, paned);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, mine_button);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, scroller);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "case_no_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_CASE_NO]));
  gtk_widget_class_bind_template_child_full (widget_class, "filed_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_FILED]));
  gtk_widget_class_bind_template_child_full (widget_class, "respondent_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_RESPONDENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "applicant_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_APPLICANT]));
  gtk_widget_class_bind_template_child_full (widget_class, "applied_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_APPLIED]));
  gtk_widget_class_bind_template_child_full (widget_class, "realized_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_REALIZED]));
  gtk_widget_class_bind_template_child_full (widget_class, "team_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_TEAM]));
  gtk_widget_class_bind_template_child_full (widget_class, "officer_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_OFFICER]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "deadline_column", FALSE,
                                             G_STRUCT_OFFSET (ZxCaseRegister,
                                                              columns[COLUMN_DEADLINE]));
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, detail_box);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseRegister, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "case-register.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "case-register.search", NULL);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
zx_case_register_init (ZxCaseRegister *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->loading = TRUE;
  self->sort = ZX_CASE_SORT_FILED;
  self->descending = TRUE;
  self->team_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->years = g_array_new (FALSE, TRUE, sizeof (int));
  self->type_codes = g_ptr_array_new ();
  self->node_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "zx-column", GINT_TO_POINTER (column));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);
      gtk_column_view_column_set_factory (self->columns[column], factory);

      g_object_set_data (G_OBJECT (self->columns[column]), "zx-column", GINT_TO_POINTER (column));
      g_object_set_data (G_OBJECT (self->columns[column]), "zx-case-register", self);
      if (column_sorts[column] >= 0)
        {
          g_autoptr(GtkCustomSorter) sorter = NULL;

          sorter = gtk_custom_sorter_new (probe_compare_cb, self->columns[column], NULL);
          gtk_column_view_column_set_sorter (self->columns[column], GTK_SORTER (sorter));
        }
    }

  /* Newest first, with the arrow on the column. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_FILED],
                                  GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  /* Typing in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  load_status_choices (self);
  load_type_choices (self);
  self->updating_filters = TRUE;
  load_team_choices (self);
  load_year_choices (self);
  self->updating_filters = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), FALSE);
}

GtkWidget *
zx_case_register_new (void)
{
  return g_object_new (ZX_TYPE_CASE_REGISTER, NULL);
}

ZxStore *
zx_case_register_get_store (ZxCaseRegister *self)
{
  g_return_val_if_fail (ZX_IS_CASE_REGISTER (self), NULL);

  return self->store;
}

void
zx_case_register_set_store (ZxCaseRegister *self,
                            ZxStore        *store)
{
  g_return_if_fail (ZX_IS_CASE_REGISTER (self));
  g_return_if_fail (store == NULL || ZX_IS_STORE (store));

  if (self->store == store)
    return;

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_clear_handle_id (&self->live_source, g_source_remove);
  disconnect_store (self);

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  self->selected_id = 0;

  g_set_object (&self->store, store);
  zx_case_detail_set_store (self->detail, store);

  /* For screenshots of a case: ZHIXING_SELECT_CASE=<id> selects it once the list shows (one
   * on the first screen: the list is not scrolled to it). */
  if (store != NULL && g_getenv ("ZHIXING_SELECT_CASE") != NULL)
    self->selected_id = g_ascii_strtoll (g_getenv ("ZHIXING_SELECT_CASE"), NULL, 10);

  if (self->store != NULL)
    {
      static const char *const rows[] = {
        "changed::cases", "changed::parties", "changed::nodes"
      };
      static const char *const choices[] = {
        "changed::teams", "changed::staff", "changed::node_rules"
      };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        g_signal_connect_object (self->store, rows[i], G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
        g_signal_connect_object (self->store, choices[i], G_CALLBACK (store_choices_changed_cb),
                                 self, G_CONNECT_SWAPPED);

      self->model = zx_case_list_model_new (self->store);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

      load_choices (self);
      start_query (self, self->selected_id == 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
zx_case_register_get_loading (ZxCaseRegister *self)
{
  g_return_val_if_fail (ZX_IS_CASE_REGISTER (self), FALSE);

  return self->loading;
}

ZxCaseListModel *
zx_case_register_get_model (ZxCaseRegister *self)
{
  g_return_val_if_fail (ZX_IS_CASE_REGISTER (self), NULL);

  return self->model;
}

gint64
zx_case_register_get_selected_id (ZxCaseRegister *self)
{
  g_return_val_if_fail (ZX_IS_CASE_REGISTER (self), 0);

  return self->selected_id;
}

void
zx_case_register_refresh (ZxCaseRegister *self)
{
  g_return_if_fail (ZX_IS_CASE_REGISTER (self));

  start_query (self, FALSE);
}

/* Every case: no search, no filter (the sort stays). */
static void
clear_filters (ZxCaseRegister *self)
{
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->team_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_toggle_button_set_active (self->mine_button, FALSE);
  gtk_toggle_button_set_active (self->overdue_button, FALSE);
  self->updating_filters = FALSE;
}

void
zx_case_register_show_case (ZxCaseRegister      *self,
                            gint64               case_id,
                            ZxCaseDetailSection  section)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (ZX_IS_CASE_REGISTER (self));
  g_return_if_fail (case_id > 0);
  g_return_if_fail (section < ZX_CASE_DETAIL_N_SECTIONS);

  if (self->model == NULL)
    return;

  if (self->selected_id != case_id)
    {
      self->selected_id = case_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
    }

  if (zx_case_list_model_find (self->model, case_id, &position))
    {
      /* In the current snapshot: select it there (selection_changed_cb shows it). */
      gtk_single_selection_set_selected (self->selection, position);
      scroll_to_position (self, position);
    }
  else
    {
      /* Not among the matches: show every case; the query's result selects it
       * (restore_selection) and scrolls to it. Until then the old row is not selected. */
      self->applying = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->applying = FALSE;
      clear_filters (self);
      start_query (self, TRUE);
    }

  gtk_widget_set_visible (self->detail_box, TRUE);
  zx_case_detail_set_case_id (self->detail, case_id);
  zx_case_detail_show_section (self->detail, section);
}
