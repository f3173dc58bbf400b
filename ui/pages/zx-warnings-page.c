/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Warnings page: what is overdue or due soon (process nodes, seizures, list removals,
 * approvals), grouped by team and then officer, with the counts at the top.
 *
 * The deadlines report runs in a worker thread on a viewer connection of the page's own (a
 * ZxStore is not thread-safe); at most one report runs at a time, and that connection is handed
 * to the worker and back with it. Changes reported by the window's store start a refresh at most
 * every REFRESH_INTERVAL_MS. A refresh keeps the row objects of unchanged rows, so the list keeps
 * its scroll position and selection. */
#define G_LOG_DOMAIN "zx-warnings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "stats/zx-deadlines-report.h"
#include "store/zx-roles.h"
#include "widgets/zx-warning-item.h"
#include "zx-warnings-page.h"

/* Changes coalesce: at most one report per this interval. */
#define REFRESH_INTERVAL_MS 2000
/* A burst of change signals from one poll comes in together; wait this long for the rest. */
#define REFRESH_SETTLE_MS   150
/* Without a fixed "today", look this often whether the date has moved on. */
#define DATE_CHECK_S        60

struct _ZxWarningsPage
{
  GtkWidget     parent_instance;

  ZxStore      *store;
  ZxStore      *worker_store;   /* NULL while a report runs (the worker has it) */
  GListStore   *rows;
  GCancellable *cancellable;
  char         *today;          /* fixed today, or NULL */
  char         *shown_today;    /* the today of the report shown */
  gboolean      mine;
  gboolean      loading;
  gboolean      running;
  gboolean      again;          /* another refresh was asked for while one ran */
  guint         n_warnings;
  gint64        last_start_us;
  guint         refresh_source;
  guint         date_source;
  GtkSingleSelection *selection;

  /* template children */
  GtkLabel          *overdue_label;
  GtkLabel          *due_soon_label;
  GtkLabel          *total_label;
  GtkLabel          *as_of_label;
  GtkSpinner        *spinner;
  GtkWidget         *error_box;
  GtkLabel          *error_label;
  GtkToggleButton   *mine_button;
  GtkStack          *content_stack;
  GtkListView       *list_view;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  PROP_MINE,
  PROP_LOADING,
  N_PROPS
};

enum
{
  SIGNAL_CASE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZxWarningsPage, zx_warnings_page, GTK_TYPE_WIDGET)

static void schedule_refresh (ZxWarningsPage *self);

/* ---- the report, in a worker ---------------------------------------------------------------- */

typedef struct
{
  char    *path;
  char    *today;
  gint64   team_id;
  gint64   officer_id;
  ZxStore *worker_store;  /* handed to the worker and back */
} ReportRequest;

typedef struct
{
  GPtrArray *rows;        /* ZxWarningItem */
  char      *today;
  guint      total;
  guint      overdue;
  guint      due_soon;
} ReportResult;

static void
report_request_free (gpointer data)
{
  ReportRequest *request = data;

  g_free (request->path);
  g_free (request->today);
  g_clear_object (&request->worker_store);
  g_free (request);
}

static void
report_result_free (gpointer data)
{
  ReportResult *result = data;

  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result->today);
  g_free (result);
}

typedef struct
{
  gint64     id;
  char      *name;
  guint      overdue;
  guint      due_soon;
  GPtrArray *items;    /* ZxWarningItem, in the report's order (by due date) */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->name);
  g_clear_pointer (&group->items, g_ptr_array_unref);
  g_free (group);
}

/* Teams and officers in a stable order: by id (teams are numbered in their sort order), the
 * ones without last. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = *(Group * const *) a;
  const Group *y = *(Group * const *) b;

  if ((x->id == 0) != (y->id == 0))
    return x->id == 0 ? 1 : -1;

  return x->id < y->id ? -1 : x->id > y->id;
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;

  return json_node_get_int (node);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";

  return json_node_get_string (node);
}

static Group *
find_group (GPtrArray  *groups,
            GHashTable *index,
            gint64      id,
            const char *name)
{
  Group *group = g_hash_table_lookup (index, &id);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->id = id;
      group->name = g_strdup (name);
      group->items = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (groups, group);
      g_hash_table_insert (index, &group->id, group);
    }

  return group;
}

/* Team headings, officer headings and items, in display order. */
static GPtrArray *
group_items (JsonArray *items)
{
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(GHashTable) team_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* per team: officers (GPtrArray of Group) and their index */
  g_autoptr(GHashTable) officers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) officer_indexes =
    g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                           (GDestroyNotify) g_hash_table_unref);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);
      gboolean overdue = g_strcmp0 (member_string (object, "status"), "overdue") == 0;
      Group *team;
      Group *officer;
      GPtrArray *team_officers;
      GHashTable *officer_index;

      team = find_group (teams, team_index, member_int (object, "team_id"),
                         member_string (object, "team"));
      team_officers = g_hash_table_lookup (officers, team);
      if (team_officers == NULL)
        {
          team_officers = g_ptr_array_new_with_free_func (group_free);
          g_hash_table_insert (officers, team, team_officers);
          officer_index = g_hash_table_new (g_int64_hash, g_int64_equal);
          g_hash_table_insert (officer_indexes, team, officer_index);
        }
      officer_index = g_hash_table_lookup (officer_indexes, team);
      officer = find_group (team_officers, officer_index, member_int (object, "officer_id"),
                            member_string (object, "officer"));

      if (overdue)
        {
          team->overdue++;
          officer->overdue++;
        }
      else
        {
          team->due_soon++;
          officer->due_soon++;
        }

      g_ptr_array_add (officer->items,
                       zx_warning_item_new (member_string (object, "kind"),
                                            member_string (object, "subkind"),
                                            member_string (object, "entity"),
                                            member_int (object, "id"),
                                            member_int (object, "case_id"),
                                            member_string (object, "case_no"),
                                            member_string (object, "team"),
                                            member_string (object, "officer"),
                                            member_string (object, "due_on"),
                                            member_string (object, "status"),
                                            member_int (object, "days"),
                                            member_string (object, "label")));
    }

  g_ptr_array_sort (teams, compare_groups);

  for (guint t = 0; t < teams->len; t++)
    {
      Group *team = g_ptr_array_index (teams, t);
      GPtrArray *team_officers = g_hash_table_lookup (officers, team);

      g_ptr_array_add (rows, zx_warning_item_new_heading (ZX_WARNING_ROW_TEAM, team->name,
                                                          team->overdue, team->due_soon));
      g_ptr_array_sort (team_officers, compare_groups);

      for (guint o = 0; o < team_officers->len; o++)
        {
          Group *officer = g_ptr_array_index (team_officers, o);

          g_ptr_array_add (rows,
                           zx_warning_item_new_heading (ZX_WARNING_ROW_OFFICER, officer->name,
                                                        officer->overdue, officer->due_soon));
          for (guint k = 0; k < officer->items->len; k++)
            g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (officer->items, k)));
        }
    }

  return rows;
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportRequest *request = task_data;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GError) error = NULL;
  ZxDeadlinesQuery query = { request->today, request->team_id, request->officer_id };
  ReportResult *result;
  JsonObject *root;
  JsonObject *counts;

  if (request->worker_store == NULL)
    {
      request->worker_store = zx_store_open (request->path, ZX_STORE_OPEN_VIEWER, &error);
      if (request->worker_store == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  report = zx_deadlines_report (request->worker_store, &query, &error);
  if (report == NULL)
    {
      /* Open again next time: the share may have come back as a different file. */
      g_clear_object (&request->worker_store);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  root = json_node_get_object (report);
  counts = json_object_get_object_member (root, "counts");

  result = g_new0 (ReportResult, 1);
  result->today = g_strdup (request->today);
  result->total = (guint) json_object_get_int_member (counts, "total");
  result->overdue = (guint) json_object_get_int_member (counts, "overdue");
  result->due_soon = (guint) json_object_get_int_member (counts, "due_soon");
  result->rows = group_items (json_object_get_array_member (root, "items"));

  g_task_return_pointer (task, result, report_result_free);
}

/* ---- showing the result --------------------------------------------------------------------- */

static char *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
set_loading (ZxWarningsPage *self,
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
show_counts (ZxWarningsPage *self,
             ReportResult   *result)
{
  g_autofree char *overdue = NULL;
  g_autofree char *due_soon = NULL;
  g_autofree char *total = NULL;
  g_autofree char *as_of = NULL;

  /* Translators: a count at the top of the Warnings page */
  overdue = g_strdup_printf (ngettext ("%u overdue", "%u overdue", result->overdue),
                             result->overdue);
  /* Translators: a count at the top of the Warnings page */
  due_soon = g_strdup_printf (ngettext ("%u due soon", "%u due soon", result->due_soon),
                              result->due_soon);
  /* Translators: a count at the top of the Warnings page */
  total = g_strdup_printf (ngettext ("%u item in all", "%u items in all", result->total),
                           result->total);
  /* Translators: %s is a date, YYYY-MM-DD */
  as_of = g_strdup_printf (_("as of %s"), result->today);

  gtk_label_set_label (self->overdue_label, overdue);
  gtk_label_set_label (self->due_soon_label, due_soon);
  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->as_of_label, as_of);
}

/* Replaces the rows in one items-changed, reusing the objects of rows that did not change. */
static void
show_rows (ZxWarningsPage *self,
           GPtrArray      *rows)
{
  g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GPtrArray) old_items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_old; i++)
    {
      ZxWarningItem *item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      g_ptr_array_add (old_items, item);
      g_hash_table_insert (old, (gpointer) zx_warning_item_get_key (item), item);
    }

  self->n_warnings = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      ZxWarningItem *item = g_ptr_array_index (rows, i);
      ZxWarningItem *same = g_hash_table_lookup (old, zx_warning_item_get_key (item));

      if (!zx_warning_item_is_heading (item))
        self->n_warnings++;

      if (same != NULL)
        {
          /* Each old object once: two equal rows stay two objects. */
          g_hash_table_remove (old, zx_warning_item_get_key (item));
          g_ptr_array_index (rows, i) = g_object_ref (same);
          g_object_unref (item);
        }
    }

  g_list_store_splice (self->rows, 0, n_old, rows->pdata, rows->len);

  gtk_stack_set_visible_child_name (self->content_stack, rows->len > 0 ? "list" : "empty");
}

static void
report_done_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  ZxWarningsPage *self = ZX_WARNINGS_PAGE (object);
  ReportRequest *request = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(GError) error = NULL;
  ReportResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);

  /* Cancelled: the page is going away or shows another file; a newer report may be running. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The connection comes back, whatever happened to the report. */
  self->running = FALSE;
  if (self->worker_store == NULL)
    self->worker_store = g_steal_pointer (&request->worker_store);

  if (result == NULL)
    {
      /* Keep the last good rows; say why they are not current. */
      g_debug ("Deadlines report: %s", error->message);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (self->error_box, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->error_box, FALSE);
      g_free (self->shown_today);
      self->shown_today = g_strdup (result->today);
      show_counts (self, result);
      show_rows (self, result->rows);
      report_result_free (result);
    }

  if (self->again)
    {
      self->again = FALSE;
      schedule_refresh (self);
      return;
    }

  set_loading (self, FALSE);
}

/* The officer or team the "Mine" filter stands for; FALSE if the user is not a staff member. */
static gboolean
lookup_mine (ZxWarningsPage *self,
             gint64         *out_team_id,
             gint64         *out_officer_id)
{
  g_auto(ZxStaff) staff = { 0 };

  *out_team_id = 0;
  *out_officer_id = 0;

  if (self->store == NULL || !zx_roles_get_actor (self->store, &staff, NULL))
    return FALSE;

  if (g_strcmp0 (staff.role, "team_leader") == 0 && staff.team_id != 0)
    *out_team_id = staff.team_id;
  else
    *out_officer_id = staff.id;

  return TRUE;
}

static void
start_report (ZxWarningsPage *self)
{
  g_autoptr(GTask) task = NULL;
  ReportRequest *request;

  if (self->store == NULL)
    return;

  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  request = g_new0 (ReportRequest, 1);
  request->path = g_strdup (zx_store_get_path (self->store));
  request->today = self->today != NULL ? g_strdup (self->today) : local_today ();
  request->worker_store = g_steal_pointer (&self->worker_store);
  if (self->mine && !lookup_mine (self, &request->team_id, &request->officer_id))
    /* Not a staff member (any more): nothing is "mine". */
    request->officer_id = -1;

  self->running = TRUE;
  self->last_start_us = g_get_monotonic_time ();
  set_loading (self, TRUE);

  task = g_task_new (self, self->cancellable, report_done_cb, NULL);
  g_task_set_source_tag (task, start_report);
  g_task_set_name (task, "[zhixing] deadlines report");
  g_task_set_task_data (task, request, report_request_free);
  g_task_run_in_thread (task, report_thread);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  ZxWarningsPage *self = user_data;

  self->refresh_source = 0;
  start_report (self);

  return G_SOURCE_REMOVE;
}

/* A refresh soon, but not sooner than REFRESH_INTERVAL_MS after the last one started. */
static void
schedule_refresh (ZxWarningsPage *self)
{
  gint64 since_ms;
  guint delay_ms;

  if (self->refresh_source != 0)
    return;

  since_ms = (g_get_monotonic_time () - self->last_start_us) / 1000;
  delay_ms = since_ms >= REFRESH_INTERVAL_MS
             ? REFRESH_SETTLE_MS
             : (guint) MAX (REFRESH_INTERVAL_MS - since_ms, REFRESH_SETTLE_MS);

  self->refresh_source = g_timeout_add (delay_ms, refresh_timeout_cb, self);
  g_source_set_name_by_id (self->refresh_source, "[zhixing] warnings refresh");
}

static void
store_changed_cb (ZxWarningsPage *self,
                  const char     *entity,
                  gint64          id,
                  ZxStore        *store)
{
  schedule_refresh (self);
}

/* The staff list changed: "Mine" may mean someone else now, or no one. */
static void
update_mine_button (ZxWarningsPage *self)
{
  gint64 team_id;
  gint64 officer_id;
  gboolean staff = lookup_mine (self, &team_id, &officer_id);

  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), staff);
  if (staff)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_button),
                                 team_id != 0
                                 ? _("Only your team's cases")
                                 : _("Only the cases you handle"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_button),
                                 _("You are not in the staff list, so no cases are yours"));
}

static void
staff_changed_cb (ZxWarningsPage *self,
                  const char     *entity,
                  gint64          id,
                  ZxStore        *store)
{
  update_mine_button (self);
  schedule_refresh (self);
}

static gboolean
date_check_cb (gpointer user_data)
{
  ZxWarningsPage *self = user_data;
  g_autofree char *today = NULL;

  if (self->today != NULL || self->shown_today == NULL)
    return G_SOURCE_CONTINUE;

  today = local_today ();
  if (g_strcmp0 (today, self->shown_today) != 0)
    schedule_refresh (self);

  return G_SOURCE_CONTINUE;
}

/* ---- rows ------------------------------------------------------------------------------------ */

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "node") == 0)
    return C_("warning kind", "Process node");
  if (g_strcmp0 (kind, "seizure") == 0)
    return C_("warning kind", "Seizure");
  if (g_strcmp0 (kind, "list_removal") == 0)
    return C_("warning kind", "List removal");
  if (g_strcmp0 (kind, "approval") == 0)
    return C_("warning kind", "Approval");

  return kind;
}

static char *
status_text (ZxWarningItem *item)
{
  gint64 days = zx_warning_item_get_days (item);

  if (days < 0)
    return g_strdup_printf (ngettext ("Overdue %d day", "Overdue %d days", (gulong) -days),
                            (int) -days);
  if (days == 0)
    return g_strdup (_("Due today"));

  return g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", (gulong) days), (int) days);
}

static char *
heading_counts (ZxWarningItem *item)
{
  guint overdue = zx_warning_item_get_n_overdue (item);
  guint due_soon = zx_warning_item_get_n_due_soon (item);

  if (overdue > 0 && due_soon > 0)
    /* Translators: counts beside a team or officer on the Warnings page */
    return g_strdup_printf (_("%u overdue, %u due soon"), overdue, due_soon);
  if (overdue > 0)
    return g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue), overdue);

  return g_strdup_printf (ngettext ("%u due soon", "%u due soon", due_soon), due_soon);
}

/* A row: [heading title, heading counts] or [status, due date, what, case number, kind]. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *counts = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *due = gtk_label_new (NULL);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *case_no = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "zx-warning-row");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "zx-warning-title");

  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  gtk_widget_set_hexpand (counts, TRUE);
  gtk_widget_add_css_class (counts, "zx-warning-counts");

  gtk_label_set_xalign (GTK_LABEL (status), 0.5);
  gtk_label_set_width_chars (GTK_LABEL (status), 15);
  gtk_widget_add_css_class (status, "zx-warning-status");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (due), 0);
  gtk_label_set_width_chars (GTK_LABEL (due), 10);
  gtk_widget_add_css_class (due, "numeric");

  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_ellipsize (GTK_LABEL (what), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (what, TRUE);

  gtk_label_set_xalign (GTK_LABEL (case_no), 0);
  gtk_label_set_width_chars (GTK_LABEL (case_no), 20);
  gtk_label_set_selectable (GTK_LABEL (case_no), FALSE);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_label_set_width_chars (GTK_LABEL (kind), 10);
  gtk_widget_add_css_class (kind, "dim-label");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), due);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), case_no);
  gtk_box_append (GTK_BOX (box), kind);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ZxWarningItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *counts = gtk_widget_get_next_sibling (title);
  GtkWidget *status = gtk_widget_get_next_sibling (counts);
  GtkWidget *due = gtk_widget_get_next_sibling (status);
  GtkWidget *what = gtk_widget_get_next_sibling (due);
  GtkWidget *case_no = gtk_widget_get_next_sibling (what);
  GtkWidget *kind = gtk_widget_get_next_sibling (case_no);
  gboolean heading = zx_warning_item_is_heading (item);
  const char *classes[] = { "zx-warning-row", NULL, NULL };

  gtk_widget_set_visible (title, heading);
  gtk_widget_set_visible (counts, heading);
  gtk_widget_set_visible (status, !heading);
  gtk_widget_set_visible (due, !heading);
  gtk_widget_set_visible (what, !heading);
  gtk_widget_set_visible (case_no, !heading);
  gtk_widget_set_visible (kind, !heading);

  /* Headings are not selectable: Enter and double-click open items only. */
  gtk_list_item_set_selectable (list_item, !heading);
  gtk_list_item_set_activatable (list_item, !heading);

  if (heading)
    {
      g_autofree char *text = heading_counts (item);
      const char *name = zx_warning_item_get_title (item);
      gboolean team = zx_warning_item_get_row_kind (item) == ZX_WARNING_ROW_TEAM;

      if (*name == '\0')
        name = team ? _("No team") : _("No officer assigned");

      classes[1] = team ? "team" : "officer";
      gtk_label_set_label (GTK_LABEL (title), name);
      gtk_label_set_label (GTK_LABEL (counts), text);
      gtk_widget_set_tooltip_text (box, NULL);
    }
  else
    {
      g_autofree char *text = status_text (item);
      g_autofree char *tooltip = NULL;

      classes[1] = zx_warning_item_is_overdue (item) ? "overdue" : "due-soon";
      gtk_label_set_label (GTK_LABEL (status), text);
      gtk_label_set_label (GTK_LABEL (due), zx_warning_item_get_due_on (item));
      gtk_label_set_label (GTK_LABEL (what), zx_warning_item_get_title (item));
      gtk_label_set_label (GTK_LABEL (case_no), zx_warning_item_get_case_no (item));
      gtk_label_set_label (GTK_LABEL (kind), kind_label (zx_warning_item_get_kind (item)));

      /* Translators: tooltip of a row on the Warnings page: what, case number, due date */
      tooltip = g_strdup_printf (_("%s\n%s, due %s"), zx_warning_item_get_title (item),
                                 zx_warning_item_get_case_no (item),
                                 zx_warning_item_get_due_on (item));
      gtk_widget_set_tooltip_text (box, tooltip);
    }

  gtk_widget_set_css_classes (box, classes);
}

static void
list_activate_cb (ZxWarningsPage *self,
                  guint           position)
{
  g_autoptr(ZxWarningItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (item == NULL || zx_warning_item_is_heading (item))
    return;

  g_signal_emit (self, signals[SIGNAL_CASE_ACTIVATED], 0, zx_warning_item_get_case_id (item),
                 zx_warning_item_get_entity (item), zx_warning_item_get_entity_id (item));
}

static void
mine_toggled_cb (ZxWarningsPage *self)
{
  zx_warnings_page_set_mine (self, gtk_toggle_button_get_active (self->mine_button));
}

static void
refresh_clicked_cb (ZxWarningsPage *self)
{
  zx_warnings_page_refresh (self);
}

/* ---- GObject --------------------------------------------------------------------------------- */

static void
zx_warnings_page_dispose (GObject *object)
{
  ZxWarningsPage *self = ZX_WARNINGS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->date_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_WARNINGS_PAGE);
  /* The template's outer box is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->worker_store);
  g_clear_object (&self->rows);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (zx_warnings_page_parent_class)->dispose (object);
}

static void
zx_warnings_page_finalize (GObject *object)
{
  ZxWarningsPage *self = ZX_WARNINGS_PAGE (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->shown_today, g_free);

  G_OBJECT_CLASS (zx_warnings_page_parent_class)->finalize (object);
}

static void
zx_warnings_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZxWarningsPage *self = ZX_WARNINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_MINE:
      g_value_set_boolean (value, self->mine);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_warnings_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ZxWarningsPage *self = ZX_WARNINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      zx_warnings_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      zx_warnings_page_set_today (self, g_value_get_string (value));
      break;
    case PROP_MINE:
      zx_warnings_page_set_mine (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_warnings_page_class_init (ZxWarningsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_warnings_page_dispose;
  object_class->finalize = zx_warnings_page_finalize;
  object_class->get_property = zx_warnings_page_get_property;
  object_class->set_property = zx_warnings_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINE] =
    g_param_spec_boolean ("mine", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZxWarningsPage::case-activated:
   * @case_id: the case
   * @entity: the row the warning is about ("nodes", "seizures", "measures", …)
   * @entity_id: its id
   *
   * An item was activated (double-click or Enter): open the case at that row.
   */
  signals[SIGNAL_CASE_ACTIVATED] =
    g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64);

  g_type_ensure (ZX_TYPE_WARNING_ITEM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-warnings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, due_soon_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ZxWarningsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, mine_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
zx_warnings_page_init (ZxWarningsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (ZX_TYPE_WARNING_ITEM);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), FALSE);
  self->date_source = g_timeout_add_seconds (DATE_CHECK_S, date_check_cb, self);
}

/* ---- public API ------------------------------------------------------------------------------ */

GtkWidget *
zx_warnings_page_new (void)
{
  return g_object_new (ZX_TYPE_WARNINGS_PAGE, NULL);
}

ZxStore *
zx_warnings_page_get_store (ZxWarningsPage *self)
{
  g_return_val_if_fail (ZX_IS_WARNINGS_PAGE (self), NULL);

  return self->store;
}

void
zx_warnings_page_set_store (ZxWarningsPage *self,
                            ZxStore        *store)
{
  static const char *const entities[] = {
    "nodes", "measures", "seizures", "blacklist_entries", "cases", "teams",
  };

  g_return_if_fail (ZX_IS_WARNINGS_PAGE (self));
  g_return_if_fail (store == NULL || ZX_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_clear_object (&self->store);
    }

  /* A report still running reads the old file: drop its result. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = FALSE;
  self->again = FALSE;
  g_clear_object (&self->worker_store);

  if (store != NULL)
    {
      self->store = g_object_ref (store);

      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", entities[i], NULL);

          g_signal_connect_object (store, signal, G_CALLBACK (store_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      g_signal_connect_object (store, "changed::staff", G_CALLBACK (staff_changed_cb), self,
                               G_CONNECT_SWAPPED);

      update_mine_button (self);
      start_report (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
zx_warnings_page_get_today (ZxWarningsPage *self)
{
  g_return_val_if_fail (ZX_IS_WARNINGS_PAGE (self), NULL);

  return self->today;
}

void
zx_warnings_page_set_today (ZxWarningsPage *self,
                            const char     *today)
{
  g_return_if_fail (ZX_IS_WARNINGS_PAGE (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);
  start_report (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

gboolean
zx_warnings_page_get_mine (ZxWarningsPage *self)
{
  g_return_val_if_fail (ZX_IS_WARNINGS_PAGE (self), FALSE);

  return self->mine;
}

void
zx_warnings_page_set_mine (ZxWarningsPage *self,
                           gboolean        mine)
{
  g_return_if_fail (ZX_IS_WARNINGS_PAGE (self));

  mine = !!mine;
  if (self->mine == mine)
    return;

  self->mine = mine;
  gtk_toggle_button_set_active (self->mine_button, mine);
  start_report (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINE]);
}

gboolean
zx_warnings_page_get_loading (ZxWarningsPage *self)
{
  g_return_val_if_fail (ZX_IS_WARNINGS_PAGE (self), FALSE);

  return self->loading;
}

GListModel *
zx_warnings_page_get_model (ZxWarningsPage *self)
{
  g_return_val_if_fail (ZX_IS_WARNINGS_PAGE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

guint
zx_warnings_page_get_n_warnings (ZxWarningsPage *self)
{
  g_return_val_if_fail (ZX_IS_WARNINGS_PAGE (self), 0);

  return self->n_warnings;
}

void
zx_warnings_page_refresh (ZxWarningsPage *self)
{
  g_return_if_fail (ZX_IS_WARNINGS_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  start_report (self);
}
