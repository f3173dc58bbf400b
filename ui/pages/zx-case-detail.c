/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case beside the Cases list: a header with what a clerk asks first (number, status, team
 * and officer, amounts, filing day and statutory deadline) and a tab per kind of record. The
 * records of one case are few, so each tab is a GtkListBox rebuilt from a small SELECT
 * (zx-case-detail-data.c) — only when its rows differ from what is shown, so a refresh keeps
 * the scroll position of the tabs that did not change. Changes reported by the store for rows
 * of the shown case are coalesced into one refresh. */
#define G_LOG_DOMAIN "zx-case-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/zx-measure-dialog.h"
#include "dialogs/zx-party-dialog.h"
#include "dialogs/zx-query-dialog.h"
#include "store/zx-rules-load.h"
#include "zx-case-detail-private.h"

/* Changes come in bursts (a save touches a row, its nodes and its case): wait for the end. */
#define REFRESH_DELAY_MS 250

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZxCaseDetail, zx_case_detail, GTK_TYPE_WIDGET)

static const struct
{
  const char *name;         /* widget name: zx-detail-list-NAME */
  const char *title;
  const char *empty;
  const char *add_label;    /* NULL: no dialog */
  const char *add_action;
  const char *add_tooltip;
} section_info[ZX_CASE_DETAIL_N_SECTIONS] = {
  [ZX_CASE_DETAIL_PARTIES] = {
    "parties", N_("Parties"), N_("No parties recorded."),
    N_("_Add Party…"), "detail.add-party", N_("Add an applicant, respondent or third party") },
  [ZX_CASE_DETAIL_NODES] = {
    "nodes", N_("Nodes"), N_("No process nodes yet."), NULL, NULL, NULL },
  [ZX_CASE_DETAIL_QUERIES] = {
    "queries", N_("Asset Queries"), N_("No asset queries recorded."),
    N_("_Record Query…"), "detail.add-query", N_("Record a query of the respondent's assets") },
  [ZX_CASE_DETAIL_SEIZURES] = {
    "seizures", N_("Seizures"), N_("Nothing seized, frozen or distrained."), NULL, NULL, NULL },
  [ZX_CASE_DETAIL_MEASURES] = {
    "measures", N_("Measures"), N_("No compulsory measures."),
    N_("_Propose Measure…"), "detail.propose-measure",
    N_("Propose a notice, restriction, summons, detention, fine …") },
  [ZX_CASE_DETAIL_LIST_ENTRIES] = {
    "list-entries", N_("List Entries"), N_("No one in this case is on the dishonest-debtor list."),
    NULL, NULL, NULL },
  [ZX_CASE_DETAIL_AUCTIONS] = {
    "auctions", N_("Auctions"), N_("No auctions."), NULL, NULL, NULL },
  [ZX_CASE_DETAIL_AID] = {
    "aid", N_("Aid"), N_("No judicial aid applications."), NULL, NULL, NULL },
  [ZX_CASE_DETAIL_HISTORY] = {
    "history", N_("History"), N_("No changes recorded for this case."), NULL, NULL, NULL },
};

/* ---- small helpers ------------------------------------------------------------------------- */

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ---- sections ------------------------------------------------------------------------------ */

static char *
count_text (ZxCaseDetailSection section,
            guint               n)
{
  switch (section)
    {
    case ZX_CASE_DETAIL_PARTIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u party", "%u parties", n), n);
    case ZX_CASE_DETAIL_NODES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u process node",
                                           "%u process nodes", n), n);
    case ZX_CASE_DETAIL_QUERIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset query",
                                           "%u asset queries", n), n);
    case ZX_CASE_DETAIL_SEIZURES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u seizure", "%u seizures", n), n);
    case ZX_CASE_DETAIL_MEASURES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", n), n);
    case ZX_CASE_DETAIL_LIST_ENTRIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u list entry", "%u list entries",
                                           n), n);
    case ZX_CASE_DETAIL_AUCTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u auction", "%u auctions", n), n);
    case ZX_CASE_DETAIL_AID:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u aid application",
                                           "%u aid applications", n), n);
    case ZX_CASE_DETAIL_HISTORY:
      if (n >= ZX_CASE_DETAIL_HISTORY_LIMIT)
        /* Translators: %u is a number; older changes are not shown */
        return g_strdup_printf (_("The latest %u changes"), n);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n), n);
    case ZX_CASE_DETAIL_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

static char *
rows_signature (GPtrArray *rows)
{
  g_autoptr(JsonArray) array = json_array_sized_new (rows->len);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < rows->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (rows, i)));
  json_node_set_array (node, array);

  return json_to_string (node, FALSE);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* GTK 4.8 has no gtk_list_box_remove_all (4.12). */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* ALERT: "bad" (something is overdue), "warning" (due soon, awaiting approval) or NULL. */
static void
set_chip_alert (Section    *s,
                const char *alert)
{
  gtk_widget_remove_css_class (s->chip, "bad");
  gtk_widget_remove_css_class (s->chip, "warning");
  if (alert != NULL)
    gtk_widget_add_css_class (s->chip, alert);
}

static void
show_section (ZxCaseDetail        *self,
              ZxCaseDetailSection  section,
              GPtrArray           *rows,
              const GError        *error)
{
  Section *s = &self->sections[section];
  g_autofree char *signature = NULL;
  g_autofree char *count = NULL;
  g_autofree char *chip_count = NULL;
  const char *alert = NULL;

  /* Due dates are shown relative to today. */
  if (rows != NULL)
    {
      g_autofree char *json = rows_signature (rows);

      signature = g_strconcat (self->today, json, NULL);
    }
  else
    signature = g_strdup_printf ("error: %s", error->message);

  if (g_strcmp0 (signature, s->signature) == 0)
    return;

  g_free (s->signature);
  s->signature = g_steal_pointer (&signature);
  clear_list (s->list);

  if (rows == NULL)
    {
      gtk_list_box_append (s->list,
                           zx_case_detail_make_message_row (_("This could not be read"),
                                                            error->message, "bad"));
      gtk_label_set_label (s->count_label, "");
      gtk_label_set_label (s->chip_count, "!");
      set_chip_alert (s, "bad");
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = zx_case_detail_make_section_row (self, section,
                                                        g_ptr_array_index (rows, i));
      const char *row_alert = zx_case_detail_row_get_alert (row);

      if (row_alert != NULL && g_strcmp0 (alert, "bad") != 0)
        alert = row_alert;
      gtk_list_box_append (s->list, row);
    }

  count = count_text (section, rows->len);
  gtk_label_set_label (s->count_label, count);
  chip_count = g_strdup_printf ("%u", rows->len);
  gtk_label_set_label (s->chip_count, chip_count);
  set_chip_alert (s, alert);
}

/* ---- loading ------------------------------------------------------------------------------- */

static void
update_actions (ZxCaseDetail *self)
{
  gboolean can_edit = self->store != NULL && self->case_id != 0
                      && !zx_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-party", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.edit-party", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-query", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.propose-measure", can_edit);
}

static void
forget_shown (ZxCaseDetail *self)
{
  for (guint i = 0; i < ZX_CASE_DETAIL_N_SECTIONS; i++)
    g_clear_pointer (&self->sections[i].signature, g_free);
}

static void
refresh_now (ZxCaseDetail *self)
{
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  update_actions (self);

  if (self->store == NULL || self->case_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  g_free (self->today);
  self->today = today_string ();
  db = zx_store_get_db (self->store);

  row = zx_case_detail_data_load_case (db, self->case_id, &error);
  if (row == NULL)
    {
      g_debug ("Could not read case %" G_GINT64_FORMAT ": %s", self->case_id, error->message);
      zx_placeholder_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      forget_shown (self);
      return;
    }

  self->seizure_warn_days = (int) zx_rules_param (self->store, "seizure_warn_first", 30);
  self->seizure_urgent_days = (int) zx_rules_param (self->store, "seizure_warn_second", 7);
  zx_case_detail_show_header (self, row);

  for (ZxCaseDetailSection section = 0; section < ZX_CASE_DETAIL_N_SECTIONS; section++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) section_error = NULL;

      rows = zx_case_detail_data_load_section (db, section, self->case_id, &section_error);
      if (rows == NULL)
        g_warning ("Could not read the %s of case %" G_GINT64_FORMAT ": %s",
                   section_info[section].name, self->case_id, section_error->message);
      show_section (self, section, rows, section_error);
    }

  gtk_stack_set_visible_child_name (self->stack, "case");
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  ZxCaseDetail *self = user_data;

  self->refresh_source = 0;
  refresh_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ZxCaseDetail *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* Connected to changed:: of the case's own tables. */
static void
store_changed_cb (ZxCaseDetail *self,
                  const char   *entity,
                  gint64        id,
                  ZxStore      *store)
{
  gint64 case_id;

  if (self->case_id == 0 || self->refresh_source != 0)
    return;

  /* 0: the row is gone, and it may have been one of ours. */
  case_id = zx_case_detail_data_case_of (zx_store_get_db (store), entity, id);
  if (case_id != 0 && case_id != self->case_id)
    return;

  schedule_refresh (self);
}

/* Connected to changed::teams, changed::staff and changed::node_rules: names shown here. */
static void
store_names_changed_cb (ZxCaseDetail *self,
                        const char   *entity,
                        gint64        id,
                        ZxStore      *store)
{
  if (self->case_id != 0)
    schedule_refresh (self);
}

/* ---- dialogs ------------------------------------------------------------------------------- */

static GtkWindow *
parent_window (ZxCaseDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
dialog_saved_cb (ZxCaseDetail *self)
{
  /* Our own save: show it now rather than at the next poll. */
  refresh_now (self);
}

static void
present_dialog (ZxCaseDetail *self,
                GtkWindow    *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
add_party_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZxCaseDetail *self = ZX_CASE_DETAIL (widget);

  present_dialog (self, zx_party_dialog_new (parent_window (self), self->store, self->case_id, 0));
}

static void
edit_party_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ZxCaseDetail *self = ZX_CASE_DETAIL (widget);
  gint64 party_id = g_variant_get_int64 (parameter);

  present_dialog (self, zx_party_dialog_new (parent_window (self), self->store, self->case_id,
                                             party_id));
}

static void
add_query_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ZxCaseDetail *self = ZX_CASE_DETAIL (widget);

  present_dialog (self, zx_query_dialog_new (parent_window (self), self->store, self->case_id));
}

static void
propose_measure_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ZxCaseDetail *self = ZX_CASE_DETAIL (widget);

  present_dialog (self, zx_measure_dialog_new (parent_window (self), self->store,
                                               self->case_id));
}

static void
party_row_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        ZxCaseDetail  *self)
{
  gint64 party_id = zx_case_detail_row_get_party_id (row);

  if (party_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "detail.edit-party", "x", party_id);
}

/* ---- building the tabs ---------------------------------------------------------------------- */

static void
chip_toggled_cb (GtkToggleButton *chip,
                 ZxCaseDetail    *self)
{
  const char *name = g_object_get_data (G_OBJECT (chip), "zx-section");

  if (gtk_toggle_button_get_active (chip))
    gtk_stack_set_visible_child_name (self->section_stack, name);
}

/* A toggle button in the switcher ("Parties 4"); the first one is the group. */
static GtkWidget *
make_chip (ZxCaseDetail        *self,
           ZxCaseDetailSection  section,
           GtkLabel           **out_count)
{
  GtkWidget *chip = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 5);
  GtkWidget *title = gtk_label_new (_(section_info[section].title));
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (chip, "zx-chip");
  gtk_widget_add_css_class (count, "zx-chip-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  title, NULL, -1);
  g_object_set_data (G_OBJECT (chip), "zx-section", (gpointer) section_info[section].name);
  if (section > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (chip),
                                 GTK_TOGGLE_BUTTON (self->sections[0].chip));
  g_signal_connect_object (chip, "toggled", G_CALLBACK (chip_toggled_cb), self, 0);

  *out_count = GTK_LABEL (count);

  return chip;
}

static void
build_sections (ZxCaseDetail *self)
{
  for (ZxCaseDetailSection section = 0; section < ZX_CASE_DETAIL_N_SECTIONS; section++)
    {
      Section *s = &self->sections[section];
      g_autofree char *list_name = g_strdup_printf ("zx-detail-list-%s",
                                                    section_info[section].name);
      GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *placeholder = gtk_label_new (_(section_info[section].empty));
      GtkWidget *flow_child;

      s->page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (s->page, "zx-detail-page");

      gtk_widget_add_css_class (toolbar, "zx-detail-toolbar");
      s->count_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (s->count_label, 0.0f);
      gtk_widget_set_hexpand (GTK_WIDGET (s->count_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (s->count_label), "dim-label");
      gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (s->count_label));

      if (section_info[section].add_label != NULL)
        {
          s->add_button = gtk_button_new_with_mnemonic (_(section_info[section].add_label));
          gtk_widget_set_tooltip_text (s->add_button, _(section_info[section].add_tooltip));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (s->add_button),
                                          section_info[section].add_action);
          gtk_box_append (GTK_BOX (toolbar), s->add_button);
        }
      gtk_box_append (GTK_BOX (s->page), toolbar);

      s->list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_widget_set_name (GTK_WIDGET (s->list), list_name);
      gtk_list_box_set_selection_mode (s->list, GTK_SELECTION_NONE);
      gtk_list_box_set_show_separators (s->list, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (s->list), "zx-detail-list");
      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_add_css_class (placeholder, "zx-detail-empty");
      gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
      gtk_list_box_set_placeholder (s->list, placeholder);
      gtk_accessible_update_property (GTK_ACCESSIBLE (s->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(section_info[section].title), -1);
      if (section == ZX_CASE_DETAIL_PARTIES)
        g_signal_connect_object (s->list, "row-activated", G_CALLBACK (party_row_activated_cb),
                                 self, 0);

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_widget_set_vexpand (scroller, TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (s->list));
      gtk_box_append (GTK_BOX (s->page), scroller);

      gtk_stack_add_named (self->section_stack, s->page, section_info[section].name);

      s->chip = make_chip (self, section, &s->chip_count);
      gtk_flow_box_append (self->switcher, s->chip);
      /* The button takes the focus, not the flow box child around it. */
      flow_child = gtk_widget_get_parent (s->chip);
      gtk_widget_set_focusable (flow_child, FALSE);
    }

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sections[0].chip), TRUE);
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
disconnect_store (ZxCaseDetail *self)
{
  if (self->store == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_signal_handlers_disconnect_by_func (self->store, store_names_changed_cb, self);
}

static void
zx_case_detail_dispose (GObject *object)
{
  ZxCaseDetail *self = ZX_CASE_DETAIL (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  disconnect_store (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZX_TYPE_CASE_DETAIL);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (zx_case_detail_parent_class)->dispose (object);
}

static void
zx_case_detail_finalize (GObject *object)
{
  ZxCaseDetail *self = ZX_CASE_DETAIL (object);

  forget_shown (self);
  g_free (self->today);

  G_OBJECT_CLASS (zx_case_detail_parent_class)->finalize (object);
}

static void
zx_case_detail_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZxCaseDetail *self = ZX_CASE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_case_detail_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZxCaseDetail *self = ZX_CASE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      zx_case_detail_set_store (self, g_value_get_object (value));
      break;
    case PROP_CASE_ID:
      zx_case_detail_set_case_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zx_case_detail_class_init (ZxCaseDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zx_case_detail_dispose;
  object_class->finalize = zx_case_detail_finalize;
  object_class->get_property = zx_case_detail_get_property;
  object_class->set_property = zx_case_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZX_TYPE_PLACEHOLDER_PAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zxcasedetail");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/zhixing/Zhixing/ui/zx-case-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, case_no_label);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, type_label);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, team_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, officer_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, applied_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, realized_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, filed_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, deadline_value);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, flags_box);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, switcher);
  gtk_widget_class_bind_template_child (widget_class, ZxCaseDetail, section_stack);

  gtk_widget_class_install_action (widget_class, "detail.add-party", NULL, add_party_action);
  gtk_widget_class_install_action (widget_class, "detail.edit-party", "x", edit_party_action);
  gtk_widget_class_install_action (widget_class, "detail.add-query", NULL, add_query_action);
  gtk_widget_class_install_action (widget_class, "detail.propose-measure", NULL,
                                   propose_measure_action);
}

static void
zx_case_detail_init (ZxCaseDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = today_string ();
  build_sections (self);
  update_actions (self);
}

/* ---- public API ---------------------------------------------------------------------------- */

GtkWidget *
zx_case_detail_new (void)
{
  return g_object_new (ZX_TYPE_CASE_DETAIL, NULL);
}

ZxStore *
zx_case_detail_get_store (ZxCaseDetail *self)
{
  g_return_val_if_fail (ZX_IS_CASE_DETAIL (self), NULL);

  return self->store;
}

void
zx_case_detail_set_store (ZxCaseDetail *self,
                          ZxStore      *store)
{
  static const char *const rows[] = {
    "changed::cases", "changed::parties", "changed::nodes", "changed::measures",
    "changed::seizures", "changed::blacklist_entries", "changed::asset_queries",
    "changed::auctions", "changed::aid",
  };
  static const char *const names[] = {
    "changed::teams", "changed::staff", "changed::node_rules",
  };

  g_return_if_fail (ZX_IS_CASE_DETAIL (self));
  g_return_if_fail (store == NULL || ZX_IS_STORE (store));

  if (self->store == store)
    return;

  disconnect_store (self);
  g_set_object (&self->store, store);

  if (self->store != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        g_signal_connect_object (self->store, rows[i], G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_signal_connect_object (self->store, names[i], G_CALLBACK (store_names_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  forget_shown (self);
  refresh_now (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
zx_case_detail_get_case_id (ZxCaseDetail *self)
{
  g_return_val_if_fail (ZX_IS_CASE_DETAIL (self), 0);

  return self->case_id;
}

void
zx_case_detail_set_case_id (ZxCaseDetail *self,
                            gint64        case_id)
{
  g_return_if_fail (ZX_IS_CASE_DETAIL (self));

  if (self->case_id == case_id)
    return;

  self->case_id = case_id;
  /* Another case: every tab is rebuilt, and scrolled to its top. */
  forget_shown (self);
  refresh_now (self);

  for (guint i = 0; i < ZX_CASE_DETAIL_N_SECTIONS; i++)
    {
      GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->sections[i].list));

      /* The list sits in a viewport inside the scrolled window. */
      while (scroller != NULL && !GTK_IS_SCROLLED_WINDOW (scroller))
        scroller = gtk_widget_get_parent (scroller);
      if (scroller != NULL)
        gtk_adjustment_set_value (
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

void
zx_case_detail_refresh (ZxCaseDetail *self)
{
  g_return_if_fail (ZX_IS_CASE_DETAIL (self));

  refresh_now (self);
}

void
zx_case_detail_show_section (ZxCaseDetail        *self,
                             ZxCaseDetailSection  section)
{
  g_return_if_fail (ZX_IS_CASE_DETAIL (self));
  g_return_if_fail (section < ZX_CASE_DETAIL_N_SECTIONS);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sections[section].chip), TRUE);
}
