/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Cases page, first version: a summary of the caseload (totals, open and concluded cases,
 * teams) and a table by team, read with a few counting queries. The searchable case list
 * replaces most of it in a later version. */
#define G_LOG_DOMAIN "zx-cases-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zx-cases-page.h"

/* Changes arrive row by row (an import reports thousands); refresh at most this often. */
#define REFRESH_DELAY_MS 300

struct _ZxCasesPage
{
  GtkWidget parent_instance;

  ZxStore   *store;
  guint      refresh_source;
  GCancellable *cancellable;  /* the figures being read in a worker */

  GtkWidget *scroller;
  GtkLabel  *updated_label;
  GtkLabel  *total_value;
  GtkLabel  *total_detail;
  GtkLabel  *open_value;
  GtkLabel  *open_detail;
  GtkLabel  *concluded_value;
  GtkLabel  *concluded_detail;
  GtkLabel  *teams_value;
  GtkLabel  *teams_detail;
  GtkGrid   *team_grid;
};

typedef struct
{
  gint64 total;
  gint64 in_progress;
  gint64 suspended;
  char  *first_filed;
} CaseCounts;

typedef struct
{
  char  *name;
  gint64 total;
  gint64 open;
} TeamRow;

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZxCasesPage, zx_cases_page, GTK_TYPE_WIDGET)

static void
team_row_free (gpointer data)
{
  TeamRow *row = data;

  g_free (row->name);
  g_free (row);
}

static char *
format_count (gint64 n)
{
  /* %' groups digits the way the locale does (1,234 in zh_CN and en_US; none in C). */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static char *
format_rate (gint64 part,
             gint64 whole)
{
  if (whole <= 0)
    return g_strdup ("–");

  return g_strdup_printf ("%.1f%%", 100.0 * (double) part / (double) whole);
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the case figures"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_case_counts (sqlite3    *db,
                  CaseCounts *counts,
                  GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (db,
                "SELECT status, count(*), min(filed_on) FROM cases GROUP BY status",
                &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);
      const char *first = (const char *) sqlite3_column_text (stmt, 2);

      counts->total += n;
      if (g_strcmp0 (status, "in_progress") == 0)
        counts->in_progress += n;
      else if (g_strcmp0 (status, "suspended") == 0)
        counts->suspended += n;

      if (first != NULL && (counts->first_filed == NULL || strcmp (first, counts->first_filed) < 0))
        {
          g_free (counts->first_filed);
          counts->first_filed = g_strdup (first);
        }
    }

  if (rc != SQLITE_DONE)
    zx_set_sqlite_error (error, db, rc, _("Reading the case figures"));

  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
read_one_int (sqlite3     *db,
              const char  *sql,
              const char  *param1,
              const char  *param2,
              gint64      *out_value,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (db, sql, &stmt, error))
    return FALSE;

  if (param1 != NULL)
    sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_STATIC);
  if (param2 != NULL)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else
    zx_set_sqlite_error (error, db, rc, _("Reading the case figures"));

  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

/* Active teams in their display order, then a row for cases without a team if there are any. */
static GPtrArray *
read_team_rows (sqlite3 *db,
                GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (team_row_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (db,
                "SELECT t.name, count(c.id), coalesce(sum(c.status IN (?1, ?2)), 0)"
                " FROM teams AS t LEFT JOIN cases AS c ON c.team_id = t.id"
                " WHERE t.active = 1"
                " GROUP BY t.id"
                " ORDER BY t.sort_order, t.id",
                &stmt, error))
    return NULL;

  sqlite3_bind_text (stmt, 1, "in_progress", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "suspended", -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TeamRow *row = g_new0 (TeamRow, 1);

      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->total = sqlite3_column_int64 (stmt, 1);
      row->open = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the case figures"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  if (!prepare (db,
                "SELECT count(*), coalesce(sum(status IN (?1, ?2)), 0)"
                " FROM cases WHERE team_id IS NULL",
                &stmt, error))
    return NULL;

  sqlite3_bind_text (stmt, 1, "in_progress", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "suspended", -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      zx_set_sqlite_error (error, db, rc, _("Reading the case figures"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  if (sqlite3_column_int64 (stmt, 0) > 0)
    {
      TeamRow *row = g_new0 (TeamRow, 1);

      row->name = g_strdup (_("Not yet assigned"));
      row->total = sqlite3_column_int64 (stmt, 0);
      row->open = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&rows);
}

static void
attach_cell (ZxCasesPage *self,
             const char  *text,
             int          column,
             int          row,
             gboolean     numeric,
             const char  *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_widget_set_hexpand (label, column == 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (column == 0)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  gtk_grid_attach (self->team_grid, label, column, row, 1, 1);
}

static void
attach_team_row (ZxCasesPage *self,
                 int          row_index,
                 const char  *name,
                 gint64       total,
                 gint64       open,
                 const char  *css_class)
{
  g_autofree char *total_text = format_count (total);
  g_autofree char *open_text = format_count (open);
  g_autofree char *concluded_text = format_count (total - open);
  g_autofree char *rate_text = format_rate (total - open, total);

  attach_cell (self, name, 0, row_index, FALSE, css_class);
  attach_cell (self, total_text, 1, row_index, TRUE, css_class);
  attach_cell (self, open_text, 2, row_index, TRUE, css_class);
  attach_cell (self, concluded_text, 3, row_index, TRUE, css_class);
  attach_cell (self, rate_text, 4, row_index, TRUE, css_class);
}

static void
fill_team_grid (ZxCasesPage *self,
                GPtrArray   *rows)
{
  GtkWidget *child;
  gint64 total = 0;
  gint64 open = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->team_grid))) != NULL)
    gtk_grid_remove (self->team_grid, child);

  attach_cell (self, _("Team"), 0, 0, FALSE, "heading");
  attach_cell (self, _("Cases"), 1, 0, TRUE, "heading");
  attach_cell (self, _("In progress"), 2, 0, TRUE, "heading");
  attach_cell (self, _("Concluded"), 3, 0, TRUE, "heading");
  attach_cell (self, _("Conclusion rate"), 4, 0, TRUE, "heading");

  for (guint i = 0; i < rows->len; i++)
    {
      const TeamRow *row = g_ptr_array_index (rows, i);

      attach_team_row (self, (int) i + 1, row->name, row->total, row->open, NULL);
      total += row->total;
      open += row->open;
    }

  attach_team_row (self, (int) rows->len + 1, _("Total"), total, open, "total-row");
}

static void
show_error (ZxCasesPage  *self,
            const GError *error)
{
  g_autofree char *text = g_strdup_printf (_("The figures could not be read: %s"), error->message);

  g_warning ("%s", text);
  gtk_label_set_label (self->updated_label, text);
}

/* The figures, read in a worker thread on a connection of its own: counting a million cases
 * takes a second from a cold file, which the main loop must not wait for. */
typedef struct
{
  CaseCounts counts;
  gint64     teams;
  gint64     officers;
  GPtrArray *team_rows;
} Figures;

static void
figures_free (gpointer data)
{
  Figures *f = data;

  g_free (f->counts.first_filed);
  g_clear_pointer (&f->team_rows, g_ptr_array_unref);
  g_free (f);
}

static void
read_figures_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZxStore) store = zx_store_open (path, ZX_STORE_OPEN_VIEWER, &error);
  Figures *f = g_new0 (Figures, 1);
  sqlite3 *db;

  if (store == NULL)
    {
      figures_free (f);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  db = zx_store_get_db (store);
  if (!read_case_counts (db, &f->counts, &error)
      || !read_one_int (db, "SELECT count(*) FROM teams WHERE active = 1", NULL, NULL, &f->teams,
                        &error)
      || !read_one_int (db,
                        "SELECT count(*) FROM staff WHERE active = 1 AND role IN (?1, ?2)",
                        "officer", "team_leader", &f->officers, &error)
      || (f->team_rows = read_team_rows (db, &error)) == NULL)
    {
      figures_free (f);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, f, figures_free);
}

static void
show_figures (ZxCasesPage *self,
              Figures     *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_text = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  gint64 concluded = f->counts.total - f->counts.in_progress - f->counts.suspended;

  text = format_count (f->counts.total);
  gtk_label_set_label (self->total_value, text);
  g_clear_pointer (&text, g_free);
  if (f->counts.first_filed != NULL && strlen (f->counts.first_filed) >= 4)
    {
      g_autofree char *year = g_strndup (f->counts.first_filed, 4);

      /* Translators: %s is a year, e.g. “Filed since 2016” */
      detail = g_strdup_printf (_("Filed since %s"), year);
    }
  gtk_label_set_label (self->total_detail, detail != NULL ? detail : "");
  g_clear_pointer (&detail, g_free);

  text = format_count (f->counts.in_progress + f->counts.suspended);
  gtk_label_set_label (self->open_value, text);
  g_clear_pointer (&text, g_free);
  text = format_count (f->counts.suspended);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "including %s suspended",
                                         "including %s suspended",
                                         (gulong) f->counts.suspended),
                            text);
  gtk_label_set_label (self->open_detail, detail);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&detail, g_free);

  text = format_count (concluded);
  gtk_label_set_label (self->concluded_value, text);
  g_clear_pointer (&text, g_free);
  text = format_rate (concluded, f->counts.total);
  /* Translators: %s is a percentage, e.g. “Conclusion rate 85.2%” */
  detail = g_strdup_printf (_("Conclusion rate %s"), text);
  gtk_label_set_label (self->concluded_detail, detail);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&detail, g_free);

  text = format_count (f->teams);
  gtk_label_set_label (self->teams_value, text);
  g_clear_pointer (&text, g_free);
  text = format_count (f->officers);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s enforcement officer",
                                         "%s enforcement officers", (gulong) f->officers),
                            text);
  gtk_label_set_label (self->teams_detail, detail);

  fill_team_grid (self, f->team_rows);

  now_text = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  /* Translators: %s is a local date and time */
  updated = g_strdup_printf (_("All enforcement cases in the database, as of %s"), now_text);
  gtk_label_set_label (self->updated_label, updated);
}

static void
figures_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ZxCasesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Figures *f = g_task_propagate_pointer (G_TASK (result), &error);

  if (f == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  show_figures (self, f);
  figures_free (f);
}

void
zx_cases_page_refresh (ZxCasesPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZX_IS_CASES_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store == NULL)
    return;

  /* A newer read replaces one still running. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->cancellable, figures_read_cb, g_object_ref (self));
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (zx_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, read_figures_thread);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  ZxCasesPage *self = user_data;

  self->refresh_source = 0;
  zx_cases_page_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Connected to changed::cases, changed::teams and changed::staff. */
static void
store_changed_cb (ZxCasesPage *self,
                  const char  *entity,
                  gint64       id,
                  ZxStore     *store)
{
  g_assert (ZX_IS_CASES_PAGE (self));

  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
zx_cases_page_dispose (GObject *object)
{
  ZxCasesPage *self = ZX_CASES_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_CASES_PAGE);

  G_OBJECT_CLASS (zx_cases_page_parent_class)->dispose (object);
}

static void
zx_cases_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ZxCasesPage *self = ZX_CASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_cases_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ZxCasesPage *self = ZX_CASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      zx_cases_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_cases_page_class_init (ZxCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_cases_page_dispose;
  object_class->get_property = zx_cases_page_get_property;
  object_class->set_property = zx_cases_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, updated_label);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, total_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, total_detail);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, open_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, open_detail);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, concluded_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, concluded_detail);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, teams_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, teams_detail);
  gtk_widget_class_bind_template_child (widget_class, ZxCasesPage, team_grid);
}

static void
zx_cases_page_init (ZxCasesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
zx_cases_page_new (void)
{
  return g_object_new (ZX_TYPE_CASES_PAGE, NULL);
}

ZxStore *
zx_cases_page_get_store (ZxCasesPage *self)
{
  g_return_val_if_fail (ZX_IS_CASES_PAGE (self), NULL);

  return self->store;
}

void
zx_cases_page_set_store (ZxCasesPage *self,
                         ZxStore     *store)
{
  g_return_if_fail (ZX_IS_CASES_PAGE (self));
  g_return_if_fail (store == NULL || ZX_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);

  g_set_object (&self->store, store);

  if (self->store != NULL)
    {
      static const char *const signals[] = { "changed::cases", "changed::teams", "changed::staff" };

      for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
        g_signal_connect_object (self->store, signals[i], G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  zx_cases_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
