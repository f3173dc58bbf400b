/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Settings page: the court's name and code, teams, staff and roles, node rules (editable by
 * an administrator or the bureau director), routing rules, rule parameters and the holiday
 * calendar (read-only), where the database lives with a lock self-test, and backups.
 *
 * The tables read here are small (tens of rows), so they are read on the window's connection
 * and laid out in grids. The lock self-test and the backup run in worker threads, each on a
 * connection of its own: a ZxStore is not thread-safe. */
#define G_LOG_DOMAIN "zx-settings-page"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pages/zx-settings-data.h"
#include "pages/zx-settings-page.h"
#include "store/zx-roles.h"

#define SCHEMA_ID          "cn.zhixing.Zhixing"
#define REFRESH_DELAY_MS   300
#define PULSE_INTERVAL_MS  100

struct _ZxSettingsPage
{
  GtkWidget     parent_instance;

  ZxStore      *store;
  GSettings    *settings;      /* NULL when the schema is not installed */
  char         *backup_dir;
  GCancellable *cancellable;
  GCancellable *backup_cancellable; /* the running "Back up now", for its Cancel button */
  GArray       *team_ids;      /* gint64, the team drop-downs' items after "none" */
  GHashTable   *team_versions; /* team id → row version as last read */
  guint         n_teams;
  guint         n_staff;
  gboolean      can_edit;
  guint         refresh_source;
  guint         pulse_source;

  /* template children */
  GtkWidget     *scroller;
  GtkLabel      *readonly_label;
  GtkEditable   *court_name_entry;
  GtkEditable   *court_code_entry;
  GtkWidget     *court_save_button;
  GtkLabel      *court_error_label;
  GtkLabel      *teams_count_label;
  GtkGrid       *teams_grid;
  GtkWidget     *team_add_box;
  GtkEditable   *team_new_entry;
  GtkLabel      *teams_error_label;
  GtkLabel      *staff_count_label;
  GtkGrid       *staff_grid;
  GtkWidget     *staff_add_box;
  GtkEditable   *staff_new_name;
  GtkEditable   *staff_new_login;
  GtkDropDown   *staff_new_role;
  GtkDropDown   *staff_new_team;
  GtkLabel      *staff_error_label;
  GtkGrid       *routes_grid;
  GtkGrid       *node_rules_grid;
  GtkLabel      *node_rules_error_label;
  GtkGrid       *params_grid;
  GtkGrid       *calendar_grid;
  GtkLabel      *calendar_note_label;
  GtkLabel      *db_path_label;
  GtkLabel      *db_fs_label;
  GtkLabel      *db_journal_label;
  GtkLabel      *db_schema_label;
  GtkLabel      *db_settings_label;
  GtkWidget     *lock_test_button;
  GtkSpinner    *lock_spinner;
  GtkLabel      *lock_result_label;
  GtkLabel      *backup_dir_label;
  GtkWidget     *backup_choose_button;
  GtkSpinButton *backup_keep_spin;
  GtkWidget     *backup_button;
  GtkWidget     *backup_cancel_button;
  GtkProgressBar *backup_progress;
  GtkLabel      *backup_result_label;
};

G_DEFINE_FINAL_TYPE (ZxSettingsPage, zx_settings_page, GTK_TYPE_WIDGET)

/* ---- helpers ------------------------------------------------------------------------------ */

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_label (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell (GtkGrid    *grid,
      int         column,
      int         row,
      const char *text)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "–");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_grid_attach (grid, label, column, row, 1, 1);

  return label;
}

static void
header (GtkGrid           *grid,
        const char *const *titles)
{
  for (int i = 0; titles[i] != NULL; i++)
    gtk_widget_add_css_class (cell (grid, i, 0, titles[i]), "heading");
}

static char *
int_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static GtkWidget *
spin (gint64 value,
      double upper)
{
  GtkWidget *button = gtk_spin_button_new_with_range (0, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (button), value);

  return button;
}

/* teams.kind as people say it. */
static const char *
team_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "execution") == 0)
    return C_("team kind", "Execution");
  if (g_strcmp0 (kind, "fast_track") == 0)
    return C_("team kind", "Fast track");
  if (g_strcmp0 (kind, "preservation") == 0)
    return C_("team kind", "Preservation");
  return C_("team kind", "Other");
}

static GtkWidget *
active_switch (gboolean active,
               gboolean sensitive)
{
  GtkWidget *sw = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (sw, sensitive);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Active"), -1);

  return sw;
}

static GtkWidget *
role_drop_down (const char *role)
{
  const char *const *roles = zx_settings_roles ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; roles[i] != NULL; i++)
    {
      gtk_string_list_append (labels, zx_role_label (roles[i]));
      if (g_strcmp0 (roles[i], role) == 0)
        selected = i;
    }

  {
    GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
    return drop_down;
  }
}

static void
fill_role_drop_down (GtkDropDown *drop_down)
{
  const char *const *roles = zx_settings_roles ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; roles[i] != NULL; i++)
    gtk_string_list_append (labels, zx_role_label (roles[i]));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (drop_down, 1);  /* officer */
}

/* "None" followed by the teams, in the order of self->team_ids. */
static GtkStringList *
team_labels (ZxSettingsPage *self,
             GPtrArray      *teams)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("No team"));
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    gtk_string_list_append (labels, ((ZxSettingsTeam *) teams->pdata[i])->name);

  return labels;
}

static guint
team_position (ZxSettingsPage *self,
               gint64          team_id)
{
  for (guint i = 0; i < self->team_ids->len; i++)
    if (g_array_index (self->team_ids, gint64, i) == team_id)
      return i + 1;

  return 0;
}

static gint64
team_at (ZxSettingsPage *self,
         guint           position)
{
  if (position == 0 || position > self->team_ids->len)
    return 0;

  return g_array_index (self->team_ids, gint64, position - 1);
}

static void
set_team_field (JsonObject *fields,
                gint64      team_id)
{
  if (team_id > 0)
    json_object_set_int_member (fields, "team_id", team_id);
  else
    json_object_set_null_member (fields, "team_id");
}

static gboolean
require_edit (ZxSettingsPage  *self,
              GError         **error)
{
  if (self->store == NULL || !self->can_edit)
    {
      g_set_error_literal (error, ZX_ERROR, ZX_ERROR_DENIED,
                           _("Only an administrator or the bureau director may change the "
                             "settings"));
      return FALSE;
    }

  return TRUE;
}

/* ---- loading ------------------------------------------------------------------------------ */

static void team_save_cb (ZxSettingsPage *self, GtkButton *button);
static void staff_save_cb (ZxSettingsPage *self, GtkButton *button);
static void node_rule_save_cb (ZxSettingsPage *self, GtkButton *button);

static void
load_court (ZxSettingsPage *self)
{
  g_autofree char *name = zx_store_get_meta (self->store, "court_name");
  g_autofree char *code = zx_store_get_meta (self->store, "court_code");

  gtk_editable_set_text (self->court_name_entry, name != NULL ? name : "");
  gtk_editable_set_text (self->court_code_entry, code != NULL ? code : "");
  gtk_editable_set_editable (self->court_name_entry, self->can_edit);
  gtk_editable_set_editable (self->court_code_entry, self->can_edit);
  gtk_widget_set_visible (self->court_save_button, self->can_edit);
}

static void
load_teams (ZxSettingsPage *self,
            GPtrArray      *teams)
{
  const char *titles[] = { _("Team"), _("Kind"), _("Staff"), _("Active"), NULL };
  g_autofree char *count = NULL;

  clear_grid (self->teams_grid);
  header (self->teams_grid, titles);
  g_array_set_size (self->team_ids, 0);
  g_hash_table_remove_all (self->team_versions);
  self->n_teams = teams->len;

  for (guint i = 0; i < teams->len; i++)
    {
      ZxSettingsTeam *team = teams->pdata[i];
      g_autofree char *n_staff = int_text (team->n_staff);
      GtkWidget *sw = active_switch (team->active, self->can_edit);
      int row = i + 1;

      g_array_append_val (self->team_ids, team->id);
      g_hash_table_insert (self->team_versions, g_memdup2 (&team->id, sizeof team->id),
                           g_memdup2 (&team->version, sizeof team->version));
      if (self->can_edit)
        {
          GtkWidget *entry = gtk_entry_new ();
          GtkWidget *save = gtk_button_new_with_label (_("Save"));

          gtk_editable_set_text (GTK_EDITABLE (entry), team->name);
          gtk_widget_set_hexpand (entry, TRUE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Team name"), -1);
          gtk_grid_attach (self->teams_grid, entry, 0, row, 1, 1);
          g_object_set_data (G_OBJECT (save), "zx-id", GINT_TO_POINTER ((int) team->id));
          g_object_set_data (G_OBJECT (save), "zx-name", entry);
          g_object_set_data (G_OBJECT (save), "zx-active", sw);
          g_signal_connect_object (save, "clicked", G_CALLBACK (team_save_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_grid_attach (self->teams_grid, save, 4, row, 1, 1);
        }
      else
        {
          gtk_widget_set_hexpand (cell (self->teams_grid, 0, row, team->name), TRUE);
        }
      cell (self->teams_grid, 1, row, team_kind_label (team->kind));
      gtk_widget_add_css_class (cell (self->teams_grid, 2, row, n_staff), "numeric");
      gtk_grid_attach (self->teams_grid, sw, 3, row, 1, 1);
    }

  count = g_strdup_printf (ngettext ("%u team", "%u teams", teams->len), teams->len);
  gtk_label_set_label (self->teams_count_label, count);
  gtk_widget_set_visible (self->team_add_box, self->can_edit);
}

static void
load_staff (ZxSettingsPage *self,
            GPtrArray      *teams,
            GPtrArray      *staff)
{
  const char *titles[] = { C_("staff column", "Name"), _("Login"), C_("staff column", "Role"), _("Team"), _("Active"), NULL };
  g_autoptr(GtkStringList) new_teams = team_labels (self, teams);
  g_autofree char *count = NULL;

  clear_grid (self->staff_grid);
  header (self->staff_grid, titles);
  self->n_staff = staff->len;

  for (guint i = 0; i < staff->len; i++)
    {
      ZxSettingsStaff *member = staff->pdata[i];
      GtkWidget *sw = active_switch (member->active, self->can_edit);
      int row = i + 1;

      cell (self->staff_grid, 0, row, member->name);
      cell (self->staff_grid, 1, row, member->login);
      if (self->can_edit)
        {
          GtkWidget *role = role_drop_down (member->role);
          g_autoptr(GtkStringList) labels = team_labels (self, teams);
          GtkWidget *team = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
          GtkWidget *save = gtk_button_new_with_label (_("Save"));

          gtk_drop_down_set_selected (GTK_DROP_DOWN (team), team_position (self, member->team_id));
          gtk_grid_attach (self->staff_grid, role, 2, row, 1, 1);
          gtk_grid_attach (self->staff_grid, team, 3, row, 1, 1);
          g_object_set_data (G_OBJECT (save), "zx-id", GINT_TO_POINTER ((int) member->id));
          g_object_set_data (G_OBJECT (save), "zx-version",
                             GINT_TO_POINTER ((int) member->version));
          g_object_set_data (G_OBJECT (save), "zx-role", role);
          g_object_set_data (G_OBJECT (save), "zx-team", team);
          g_object_set_data (G_OBJECT (save), "zx-active", sw);
          g_signal_connect_object (save, "clicked", G_CALLBACK (staff_save_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_grid_attach (self->staff_grid, save, 5, row, 1, 1);
        }
      else
        {
          cell (self->staff_grid, 2, row, zx_role_label (member->role));
          cell (self->staff_grid, 3, row, member->team_name);
        }
      gtk_grid_attach (self->staff_grid, sw, 4, row, 1, 1);
    }

  count = g_strdup_printf (ngettext ("%u staff member", "%u staff members", staff->len),
                           staff->len);
  gtk_label_set_label (self->staff_count_label, count);
  gtk_drop_down_set_model (self->staff_new_team, G_LIST_MODEL (new_teams));
  gtk_widget_set_visible (self->staff_add_box, self->can_edit);
}

static void
load_routes (ZxSettingsPage *self,
             GPtrArray      *routes)
{
  const char *titles[] = { _("Priority"), _("Rule"), _("Conditions"), _("Pool"), NULL };

  clear_grid (self->routes_grid);
  header (self->routes_grid, titles);
  for (guint i = 0; i < routes->len; i++)
    {
      ZxSettingsRoute *route = routes->pdata[i];
      g_autofree char *priority = int_text (route->priority);
      GtkWidget *conditions;

      gtk_widget_add_css_class (cell (self->routes_grid, 0, i + 1, priority), "numeric");
      cell (self->routes_grid, 1, i + 1, route->name);
      conditions = cell (self->routes_grid, 2, i + 1, route->conditions);
      gtk_widget_set_tooltip_text (conditions, route->conditions);
      gtk_widget_set_hexpand (conditions, TRUE);
      cell (self->routes_grid, 3, i + 1, route->pool);
      if (!route->active)
        for (int c = 0; c < 4; c++)
          gtk_widget_add_css_class (gtk_grid_get_child_at (self->routes_grid, c, i + 1),
                                    "dim-label");
    }
}

static void
load_node_rules (ZxSettingsPage *self,
                 GPtrArray      *rules)
{
  const char *titles[] = {
    _("Node"), _("Time limit"), _("Unit"), _("Warn days before"), _("Active"), NULL
  };
  const char *const *units = zx_settings_node_units ();

  clear_grid (self->node_rules_grid);
  header (self->node_rules_grid, titles);
  for (guint i = 0; i < rules->len; i++)
    {
      ZxSettingsNodeRule *rule = rules->pdata[i];
      GtkWidget *name = cell (self->node_rules_grid, 0, i + 1, rule->name);
      GtkWidget *sw = active_switch (rule->active, self->can_edit);
      int row = i + 1;

      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (name, rule->kind);
      if (self->can_edit)
        {
          GtkWidget *amount = spin (rule->amount, 10000);
          GtkWidget *warn = spin (rule->warn_days, 365);
          g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
          GtkWidget *unit;
          GtkWidget *save = gtk_button_new_with_label (_("Save"));

          for (guint u = 0; units[u] != NULL; u++)
            gtk_string_list_append (labels, zx_settings_unit_label (units[u]));
          unit = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
          for (guint u = 0; units[u] != NULL; u++)
            if (g_strcmp0 (units[u], rule->unit) == 0)
              gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), u);

          gtk_grid_attach (self->node_rules_grid, amount, 1, row, 1, 1);
          gtk_grid_attach (self->node_rules_grid, unit, 2, row, 1, 1);
          gtk_grid_attach (self->node_rules_grid, warn, 3, row, 1, 1);
          g_object_set_data (G_OBJECT (save), "zx-id", GINT_TO_POINTER ((int) rule->id));
          g_object_set_data (G_OBJECT (save), "zx-version", GINT_TO_POINTER ((int) rule->version));
          g_object_set_data (G_OBJECT (save), "zx-amount", amount);
          g_object_set_data (G_OBJECT (save), "zx-unit", unit);
          g_object_set_data (G_OBJECT (save), "zx-warn", warn);
          g_object_set_data (G_OBJECT (save), "zx-active", sw);
          g_signal_connect_object (save, "clicked", G_CALLBACK (node_rule_save_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_grid_attach (self->node_rules_grid, save, 5, row, 1, 1);
        }
      else
        {
          g_autofree char *amount = int_text (rule->amount);
          g_autofree char *warn = int_text (rule->warn_days);

          gtk_widget_add_css_class (cell (self->node_rules_grid, 1, row, amount), "numeric");
          cell (self->node_rules_grid, 2, row, zx_settings_unit_label (rule->unit));
          gtk_widget_add_css_class (cell (self->node_rules_grid, 3, row, warn), "numeric");
        }
      gtk_grid_attach (self->node_rules_grid, sw, 4, row, 1, 1);
    }
}

static void
load_params (ZxSettingsPage *self,
             GPtrArray      *params)
{
  const char *titles[] = { _("Parameter"), _("Value"), _("Unit"), _("Description"), NULL };

  clear_grid (self->params_grid);
  header (self->params_grid, titles);
  for (guint i = 0; i < params->len; i++)
    {
      ZxSettingsParam *param = params->pdata[i];
      g_autofree char *value = int_text (param->value);
      GtkWidget *description;

      cell (self->params_grid, 0, i + 1, param->key);
      gtk_widget_add_css_class (cell (self->params_grid, 1, i + 1, value), "numeric");
      cell (self->params_grid, 2, i + 1, zx_settings_unit_label (param->unit));
      description = cell (self->params_grid, 3, i + 1, param->description);
      gtk_widget_set_tooltip_text (description, param->description);
      gtk_widget_set_hexpand (description, TRUE);
    }
}

static void
load_calendar (ZxSettingsPage *self,
               GPtrArray      *years)
{
  const char *titles[] = { _("Year"), _("Holidays (off)"), _("Make-up working days"), NULL };
  g_autofree char *note = NULL;

  clear_grid (self->calendar_grid);
  header (self->calendar_grid, titles);
  for (guint i = 0; i < years->len; i++)
    {
      ZxSettingsYear *year = years->pdata[i];
      g_autofree char *y = g_strdup_printf ("%d", year->year);
      g_autofree char *off = int_text (year->n_off);
      g_autofree char *work = int_text (year->n_work);

      gtk_widget_add_css_class (cell (self->calendar_grid, 0, i + 1, y), "numeric");
      gtk_widget_add_css_class (cell (self->calendar_grid, 1, i + 1, off), "numeric");
      gtk_widget_add_css_class (cell (self->calendar_grid, 2, i + 1, work), "numeric");
    }

  if (years->len == 0)
    note = g_strdup (_("No holidays are recorded: every year counts as plain Monday–Friday."));
  else
    note = g_strdup_printf (_("Years after %d count as plain Monday–Friday until their "
                              "holidays are added (zhixingctl calendar import)."),
                            ((ZxSettingsYear *) years->pdata[years->len - 1])->year);
  gtk_label_set_label (self->calendar_note_label, note);
}

static void
load_database (ZxSettingsPage *self)
{
  g_autofree char *schema = g_strdup_printf ("%d", zx_store_get_schema_version (self->store));
  g_autofree char *configured = NULL;
  const char *journal = zx_store_get_journal_mode (self->store);
  const char *fs;

  switch (zx_store_get_fs_kind (self->store))
    {
    case ZX_FS_LOCAL: fs = _("Local disk"); break;
    case ZX_FS_NFS: fs = _("Network share (NFS)"); break;
    case ZX_FS_SMB: fs = _("Network share (SMB/CIFS)"); break;
    case ZX_FS_FUSE: fs = _("FUSE file system"); break;
    case ZX_FS_OTHER_NETWORK:
    default: fs = _("Network file system"); break;
    }

  if (self->settings != NULL)
    configured = g_settings_get_string (self->settings, "database-path");
  if (configured == NULL || *configured == '\0')
    {
      g_free (configured);
      configured = g_strdup (_("Not set (the default location)"));
    }

  gtk_label_set_label (self->db_path_label, zx_store_get_path (self->store));
  gtk_label_set_label (self->db_fs_label, fs);
  gtk_label_set_label (self->db_journal_label, journal != NULL ? journal : "–");
  gtk_label_set_label (self->db_schema_label, schema);
  gtk_label_set_label (self->db_settings_label, configured);
}

static void
update_backup_widgets (ZxSettingsPage *self)
{
  gboolean have_dir = self->backup_dir != NULL && *self->backup_dir != '\0';

  gtk_label_set_label (self->backup_dir_label,
                       have_dir ? self->backup_dir : _("No folder chosen"));
  gtk_widget_set_sensitive (self->backup_button,
                            have_dir && self->store != NULL && self->pulse_source == 0);
}

void
zx_settings_page_refresh (ZxSettingsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) params = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_auto(ZxStaff) actor = { 0, };
  sqlite3 *db;

  g_return_if_fail (ZX_IS_SETTINGS_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store == NULL)
    return;

  db = zx_store_get_db (self->store);

  if (zx_roles_get_actor (self->store, &actor, &error))
    self->can_edit = (g_strcmp0 (actor.role, "admin") == 0
                      || g_strcmp0 (actor.role, "director") == 0)
                     && !zx_store_is_read_only (self->store);
  else
    self->can_edit = FALSE;
  g_clear_error (&error);

  if (zx_store_is_read_only (self->store))
    gtk_label_set_label (self->readonly_label,
                         _("The database is open read-only: the settings are shown, not "
                           "changed."));
  else if (!self->can_edit)
    gtk_label_set_label (self->readonly_label,
                         _("Only an administrator or the bureau director may change these "
                           "settings; they are shown read-only."));
  gtk_widget_set_visible (GTK_WIDGET (self->readonly_label), !self->can_edit);

  load_court (self);

  teams = zx_settings_data_load_teams (db, &error);
  if (teams != NULL)
    load_teams (self, teams);
  show_error (self->teams_error_label, error);
  g_clear_error (&error);

  staff = zx_settings_data_load_staff (db, &error);
  if (staff != NULL)
    load_staff (self, teams, staff);
  show_error (self->staff_error_label, error);
  g_clear_error (&error);

  routes = zx_settings_data_load_routes (db, &error);
  if (routes != NULL)
    load_routes (self, routes);
  else
    g_warning ("%s", error->message);
  g_clear_error (&error);

  rules = zx_settings_data_load_node_rules (db, &error);
  if (rules != NULL)
    load_node_rules (self, rules);
  show_error (self->node_rules_error_label, error);
  g_clear_error (&error);

  params = zx_settings_data_load_params (db, &error);
  if (params != NULL)
    load_params (self, params);
  else
    g_warning ("%s", error->message);
  g_clear_error (&error);

  years = zx_settings_data_load_calendar (db, &error);
  if (years != NULL)
    load_calendar (self, years);
  else
    g_warning ("%s", error->message);
  g_clear_error (&error);

  load_database (self);
  update_backup_widgets (self);
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  ZxSettingsPage *self = data;

  self->refresh_source = 0;
  zx_settings_page_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (ZxSettingsPage *self,
                  const char     *entity,
                  gint64          id,
                  ZxStore        *store)
{
  static const char *const entities[] = {
    "meta", "teams", "staff", "routing_rules", "node_rules", "rule_params", "calendar", NULL
  };

  if (!g_strv_contains (entities, entity) || self->refresh_source != 0)
    return;

  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* ---- edits -------------------------------------------------------------------------------- */

gboolean
zx_settings_page_save_court (ZxSettingsPage  *self,
                             const char      *name,
                             const char      *code,
                             GError         **error)
{
  g_autofree char *old_name = NULL;
  g_autofree char *old_code = NULL;

  g_return_val_if_fail (ZX_IS_SETTINGS_PAGE (self), FALSE);

  if (!require_edit (self, error))
    return FALSE;

  old_name = zx_store_get_meta (self->store, "court_name");
  old_code = zx_store_get_meta (self->store, "court_code");
  if (g_strcmp0 (old_name, name) != 0
      && !zx_store_set_meta (self->store, "court_name", name, error))
    return FALSE;
  if (g_strcmp0 (old_code, code) != 0
      && !zx_store_set_meta (self->store, "court_code", code, error))
    return FALSE;

  return TRUE;
}

static void
court_save_cb (ZxSettingsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->court_name_entry)));
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (self->court_code_entry)));

  zx_settings_page_save_court (self, name, code, &error);
  show_error (self->court_error_label, error);
}

gboolean
zx_settings_page_save_team (ZxSettingsPage  *self,
                            gint64           team_id,
                            const char      *name,
                            gboolean         active,
                            GError         **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  const gint64 *version;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_val_if_fail (ZX_IS_SETTINGS_PAGE (self), FALSE);

  if (!require_edit (self, error))
    return FALSE;
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, ZX_ERROR, ZX_ERROR_INVALID, _("A team needs a name"));
      return FALSE;
    }

  /* The version the page showed: a save by someone else since then is a conflict. */
  version = g_hash_table_lookup (self->team_versions, &team_id);
  if (version == NULL)
    {
      g_set_error_literal (error, ZX_ERROR, ZX_ERROR_NOT_FOUND, _("No such team"));
      return FALSE;
    }

  json_object_set_string_member (fields, "name", trimmed);
  json_object_set_boolean_member (fields, "active", active);

  return zx_store_update (self->store, "teams", team_id, *version, fields, NULL, error);
}

static void
team_save_cb (ZxSettingsPage *self,
              GtkButton      *button)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zx-id"));
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "zx-name");
  GtkSwitch *sw = g_object_get_data (G_OBJECT (button), "zx-active");

  if (zx_settings_page_save_team (self, id, gtk_editable_get_text (entry),
                                  gtk_switch_get_active (sw), &error))
    zx_settings_page_refresh (self);
  show_error (self->teams_error_label, error);
}

static void
team_add_cb (ZxSettingsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->team_new_entry)));

  if (!require_edit (self, &error))
    ;
  else if (*name == '\0')
    g_set_error_literal (&error, ZX_ERROR, ZX_ERROR_INVALID, _("A team needs a name"));
  else
    {
      json_object_set_string_member (fields, "name", name);
      json_object_set_int_member (fields, "sort_order", self->n_teams + 1);
      if (zx_store_create (self->store, "teams", fields, NULL, &error) > 0)
        {
          gtk_editable_set_text (self->team_new_entry, "");
          zx_settings_page_refresh (self);
        }
    }
  show_error (self->teams_error_label, error);
}

static void
staff_save_cb (ZxSettingsPage *self,
               GtkButton      *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zx-id"));
  gint64 version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zx-version"));
  GtkDropDown *role = g_object_get_data (G_OBJECT (button), "zx-role");
  GtkDropDown *team = g_object_get_data (G_OBJECT (button), "zx-team");
  GtkSwitch *sw = g_object_get_data (G_OBJECT (button), "zx-active");

  if (require_edit (self, &error))
    {
      json_object_set_string_member (fields, "role",
                                     zx_settings_roles ()[gtk_drop_down_get_selected (role)]);
      set_team_field (fields, team_at (self, gtk_drop_down_get_selected (team)));
      json_object_set_boolean_member (fields, "active", gtk_switch_get_active (sw));
      if (zx_store_update (self->store, "staff", id, version, fields, NULL, &error))
        zx_settings_page_refresh (self);
    }
  show_error (self->staff_error_label, error);
}

static void
staff_add_cb (ZxSettingsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->staff_new_name)));
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (self->staff_new_login)));
  guint role = gtk_drop_down_get_selected (self->staff_new_role);

  if (!require_edit (self, &error))
    ;
  else if (*name == '\0')
    g_set_error_literal (&error, ZX_ERROR, ZX_ERROR_INVALID, _("A staff member needs a name"));
  else if (role == GTK_INVALID_LIST_POSITION)
    g_set_error_literal (&error, ZX_ERROR, ZX_ERROR_INVALID, _("Choose a role"));
  else
    {
      json_object_set_string_member (fields, "name", name);
      if (*login != '\0')
        json_object_set_string_member (fields, "login", login);
      json_object_set_string_member (fields, "role", zx_settings_roles ()[role]);
      set_team_field (fields, team_at (self, gtk_drop_down_get_selected (self->staff_new_team)));
      if (zx_store_create (self->store, "staff", fields, NULL, &error) > 0)
        {
          gtk_editable_set_text (self->staff_new_name, "");
          gtk_editable_set_text (self->staff_new_login, "");
          zx_settings_page_refresh (self);
        }
    }
  show_error (self->staff_error_label, error);
}

static void
node_rule_save_cb (ZxSettingsPage *self,
                   GtkButton      *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zx-id"));
  gint64 version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zx-version"));
  GtkSpinButton *amount = g_object_get_data (G_OBJECT (button), "zx-amount");
  GtkDropDown *unit = g_object_get_data (G_OBJECT (button), "zx-unit");
  GtkSpinButton *warn = g_object_get_data (G_OBJECT (button), "zx-warn");
  GtkSwitch *sw = g_object_get_data (G_OBJECT (button), "zx-active");

  if (require_edit (self, &error))
    {
      json_object_set_int_member (fields, "amount", gtk_spin_button_get_value_as_int (amount));
      json_object_set_string_member (fields, "unit",
                                     zx_settings_node_units ()[gtk_drop_down_get_selected (unit)]);
      json_object_set_int_member (fields, "warn_days", gtk_spin_button_get_value_as_int (warn));
      json_object_set_boolean_member (fields, "active", gtk_switch_get_active (sw));
      if (zx_store_update (self->store, "node_rules", id, version, fields, NULL, &error))
        zx_settings_page_refresh (self);
    }
  show_error (self->node_rules_error_label, error);
}

/* ---- lock self-test ----------------------------------------------------------------------- */

static void
lock_test_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (zx_settings_run_lock_test (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
zx_settings_page_test_location_async (ZxSettingsPage      *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZX_IS_SETTINGS_PAGE (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zx_settings_page_test_location_async);
  g_task_set_task_data (task, g_strdup (zx_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, lock_test_thread);
}

gboolean
zx_settings_page_test_location_finish (ZxSettingsPage  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lock_test_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ZxSettingsPage *self = ZX_SETTINGS_PAGE (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = zx_settings_page_test_location_finish (self, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->lock_spinner);
  gtk_widget_set_sensitive (self->lock_test_button, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->lock_result_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->lock_result_label), "success");
  if (ok)
    {
      gtk_label_set_label (self->lock_result_label,
                           _("Locking works here: a second program was kept out while this "
                             "one held the write lock."));
      gtk_widget_add_css_class (GTK_WIDGET (self->lock_result_label), "success");
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("The test failed: %s"), error->message);

      gtk_label_set_label (self->lock_result_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->lock_result_label), "error");
    }
}

static void
lock_test_cb (ZxSettingsPage *self)
{
  if (self->store == NULL)
    return;

  gtk_widget_set_sensitive (self->lock_test_button, FALSE);
  gtk_spinner_start (self->lock_spinner);
  gtk_label_set_label (self->lock_result_label, _("Testing…"));
  zx_settings_page_test_location_async (self, self->cancellable, lock_test_done_cb, NULL);
}

/* ---- backup ------------------------------------------------------------------------------- */

typedef struct
{
  char  *path;
  char  *dir;
  guint  keep;
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;

  g_free (job->path);
  g_free (job->dir);
  g_free (job);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  GError *error = NULL;
  char *path = zx_settings_run_backup (job->path, job->dir, job->keep, cancellable, &error);

  if (path != NULL)
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

const char *
zx_settings_page_get_backup_dir (ZxSettingsPage *self)
{
  g_return_val_if_fail (ZX_IS_SETTINGS_PAGE (self), NULL);

  return self->backup_dir;
}

void
zx_settings_page_set_backup_dir (ZxSettingsPage *self,
                                 const char     *dir)
{
  g_return_if_fail (ZX_IS_SETTINGS_PAGE (self));

  if (g_strcmp0 (self->backup_dir, dir) == 0)
    return;

  g_free (self->backup_dir);
  self->backup_dir = g_strdup (dir);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "backup-dir", dir != NULL ? dir : "");
  update_backup_widgets (self);
}

void
zx_settings_page_backup_async (ZxSettingsPage      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (ZX_IS_SETTINGS_PAGE (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zx_settings_page_backup_async);
  if (self->backup_dir == NULL || *self->backup_dir == '\0')
    {
      g_task_return_new_error (task, ZX_ERROR, ZX_ERROR_INVALID,
                               _("Choose a backup folder first"));
      return;
    }

  job = g_new0 (BackupJob, 1);
  job->path = g_strdup (zx_store_get_path (self->store));
  job->dir = g_strdup (self->backup_dir);
  job->keep = (guint) gtk_spin_button_get_value_as_int (self->backup_keep_spin);
  g_task_set_task_data (task, job, backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

char *
zx_settings_page_backup_finish (ZxSettingsPage  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
pulse_cb (gpointer data)
{
  ZxSettingsPage *self = data;

  gtk_progress_bar_pulse (self->backup_progress);

  return G_SOURCE_CONTINUE;
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ZxSettingsPage *self = ZX_SETTINGS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = zx_settings_page_backup_finish (self, result, &error);
  g_autofree char *text = NULL;

  /* The page went away (dispose cancels everything): nothing to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable)))
    return;

  g_clear_object (&self->backup_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_progress), FALSE);
  gtk_widget_set_visible (self->backup_cancel_button, FALSE);
  update_backup_widgets (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->backup_result_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->backup_result_label), "success");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup (_("Backup cancelled; nothing was kept"));
  else if (path != NULL)
    {
      text = g_strdup_printf (_("Backed up and verified: %s"), path);
      gtk_widget_add_css_class (GTK_WIDGET (self->backup_result_label), "success");
    }
  else
    {
      text = g_strdup_printf (_("The backup failed: %s"), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->backup_result_label), "error");
    }
  gtk_label_set_label (self->backup_result_label, text);
}

static void
backup_now_cb (ZxSettingsPage *self)
{
  if (self->store == NULL || self->pulse_source != 0)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->backup_progress), TRUE);
  self->pulse_source = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  update_backup_widgets (self);
  gtk_label_set_label (self->backup_result_label, _("Backing up…"));
  g_clear_object (&self->backup_cancellable);
  self->backup_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->backup_cancel_button, TRUE);
  gtk_widget_set_visible (self->backup_cancel_button, TRUE);
  zx_settings_page_backup_async (self, self->backup_cancellable, backup_done_cb, NULL);
}

static void
backup_cancel_cb (ZxSettingsPage *self)
{
  if (self->backup_cancellable == NULL)
    return;
  /* The copy itself is one uninterruptible step: the backup stops when it ends. */
  gtk_widget_set_sensitive (self->backup_cancel_button, FALSE);
  gtk_label_set_label (self->backup_result_label, _("Cancelling…"));
  g_cancellable_cancel (self->backup_cancellable);
}

static void
backup_keep_changed_cb (ZxSettingsPage *self)
{
  if (self->settings != NULL)
    g_settings_set_uint (self->settings, "backup-keep",
                         (guint) gtk_spin_button_get_value_as_int (self->backup_keep_spin));
}

static void
chooser_response_cb (ZxSettingsPage       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        zx_settings_page_set_backup_dir (self, path);
    }

  g_object_unref (chooser);
}

static void
backup_choose_cb (ZxSettingsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Backup Folder"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->backup_dir != NULL && g_file_test (self->backup_dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->backup_dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
zx_settings_page_dispose (GObject *object)
{
  ZxSettingsPage *self = ZX_SETTINGS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->backup_cancellable);
  g_clear_object (&self->backup_cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->team_versions, g_hash_table_unref);
  g_clear_pointer (&self->backup_dir, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_SETTINGS_PAGE);

  G_OBJECT_CLASS (zx_settings_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ZxSettingsPage, name)

static void
zx_settings_page_class_init (ZxSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_settings_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-settings-page.ui");
  BIND (scroller);
  BIND (readonly_label);
  BIND (court_name_entry);
  BIND (court_code_entry);
  BIND (court_save_button);
  BIND (court_error_label);
  BIND (teams_count_label);
  BIND (teams_grid);
  BIND (team_add_box);
  BIND (team_new_entry);
  BIND (teams_error_label);
  BIND (staff_count_label);
  BIND (staff_grid);
  BIND (staff_add_box);
  BIND (staff_new_name);
  BIND (staff_new_login);
  BIND (staff_new_role);
  BIND (staff_new_team);
  BIND (staff_error_label);
  BIND (routes_grid);
  BIND (node_rules_grid);
  BIND (node_rules_error_label);
  BIND (params_grid);
  BIND (calendar_grid);
  BIND (calendar_note_label);
  BIND (db_path_label);
  BIND (db_fs_label);
  BIND (db_journal_label);
  BIND (db_schema_label);
  BIND (db_settings_label);
  BIND (lock_test_button);
  BIND (lock_spinner);
  BIND (lock_result_label);
  BIND (backup_dir_label);
  BIND (backup_choose_button);
  BIND (backup_keep_spin);
  BIND (backup_button);
  BIND (backup_cancel_button);
  BIND (backup_progress);
  BIND (backup_result_label);

  gtk_widget_class_bind_template_callback (widget_class, court_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, staff_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, lock_test_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_keep_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_now_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_cancel_cb);
}

#undef BIND

static void
zx_settings_page_init (ZxSettingsPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->team_versions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  fill_role_drop_down (self->staff_new_role);

  /* Not installed (running from the build tree without GSETTINGS_SCHEMA_DIR): no settings. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (SCHEMA_ID);
      self->backup_dir = g_settings_get_string (self->settings, "backup-dir");
      g_signal_handlers_block_by_func (self->backup_keep_spin, backup_keep_changed_cb, self);
      gtk_spin_button_set_value (self->backup_keep_spin,
                                 g_settings_get_uint (self->settings, "backup-keep"));
      g_signal_handlers_unblock_by_func (self->backup_keep_spin, backup_keep_changed_cb, self);
    }
  else
    {
      gtk_spin_button_set_value (self->backup_keep_spin, 14);
    }

  update_backup_widgets (self);
}

GtkWidget *
zx_settings_page_new (void)
{
  return g_object_new (ZX_TYPE_SETTINGS_PAGE, NULL);
}

ZxStore *
zx_settings_page_get_store (ZxSettingsPage *self)
{
  g_return_val_if_fail (ZX_IS_SETTINGS_PAGE (self), NULL);

  return self->store;
}

void
zx_settings_page_set_store (ZxSettingsPage *self,
                            ZxStore        *store)
{
  g_return_if_fail (ZX_IS_SETTINGS_PAGE (self));
  g_return_if_fail (store == NULL || ZX_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  zx_settings_page_refresh (self);
}

gboolean
zx_settings_page_get_can_edit (ZxSettingsPage *self)
{
  g_return_val_if_fail (ZX_IS_SETTINGS_PAGE (self), FALSE);

  return self->can_edit;
}

guint
zx_settings_page_get_n_teams (ZxSettingsPage *self)
{
  g_return_val_if_fail (ZX_IS_SETTINGS_PAGE (self), 0);

  return self->n_teams;
}

guint
zx_settings_page_get_n_staff (ZxSettingsPage *self)
{
  g_return_val_if_fail (ZX_IS_SETTINGS_PAGE (self), 0);

  return self->n_staff;
}
