/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case detail on a 300-case demo database, under Xvfb: its tabs list what SQL says the case
 * has (parties; nodes, with the overdue ones marked); the party dialog keeps Save insensitive
 * and shows the validator's reason for a bad ID number, and saves a good one (one row and one
 * audit row more); an edit that someone else's save beat shows the conflict and reloads; the
 * query and measure dialogs save through the store, and show what it refuses; a change from
 * another connection appears by itself; and `zhixing --screenshot` can show a selected case. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "dialogs/zx-measure-dialog.h"
#include "dialogs/zx-party-dialog.h"
#include "dialogs/zx-query-dialog.h"
#include "domain/zx-validate.h"
#include "pages/zx-case-detail-data.h"
#include "pages/zx-case-detail.h"
#include "ui-test-util.h"

#define N_CASES        "300"
#define SEED           "3"
#define WAIT_TIMEOUT_S 30

static char *test_dir;
static char *test_db;
static char *today;

/* ---- helpers ------------------------------------------------------------------------------- */

static ZxStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  ZxStore *store = zx_store_open (test_db, ZX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static gint64
sql_int (ZxStore    *store,
         const char *sql,
         gint64      param)
{
  sqlite3 *db = zx_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    {
      const char *name = sqlite3_bind_parameter_name (stmt, i);

      if (name != NULL && g_str_equal (name, "?2"))
        sqlite3_bind_text (stmt, i, today, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, i, param);
    }

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets pending idles and timeouts run for about MS milliseconds. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The first widget under ROOT (inclusive) whose widget name or buildable id is NAME. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *name)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 || g_strcmp0 (id, name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
require_widget (GtkWidget  *root,
                const char *name)
{
  GtkWidget *widget = find_widget (root, name);

  if (widget == NULL)
    g_error ("No widget “%s”", name);

  return widget;
}

static GtkListBox *
section_list (GtkWidget  *detail,
              const char *section)
{
  g_autofree char *name = g_strdup_printf ("zx-detail-list-%s", section);

  return GTK_LIST_BOX (require_widget (detail, name));
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static guint
n_rows_with_class (GtkListBox *list,
                   const char *css_class)
{
  guint n = 0;
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (gtk_widget_has_css_class (GTK_WIDGET (row), css_class))
        n++;
    }

  return n;
}

/* The open dialog of TYPE, or NULL. */
static GtkWindow *
find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        found = window;
    }

  return found;
}

static void
set_text (GtkWidget  *dialog,
          const char *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (require_widget (dialog, entry)), text);
}

static void
click (GtkWidget  *dialog,
       const char *button)
{
  GtkWidget *widget = require_widget (dialog, button);

  g_assert_true (gtk_widget_is_sensitive (widget));
  g_signal_emit_by_name (widget, "clicked");
}

static gboolean
dialog_gone_cb (gpointer data)
{
  return find_dialog (GPOINTER_TO_SIZE (data)) == NULL;
}

typedef struct
{
  GtkListBox *list;
  guint       n;
} RowCount;

static gboolean
row_count_cb (gpointer data)
{
  RowCount *count = data;

  return n_rows (count->list) == count->n;
}

/* The case with an overdue node and the most parties: something in every tab that matters. */
static gint64
pick_case (ZxStore *store)
{
  return sql_int (store,
                  "SELECT n.case_id FROM nodes n"
                  " WHERE n.done_on IS NULL AND n.due_on < ?2 AND ?1 = ?1"
                  " GROUP BY n.case_id"
                  " ORDER BY (SELECT count(*) FROM parties p WHERE p.case_id = n.case_id) DESC,"
                  " n.case_id LIMIT 1", 0);
}

typedef struct
{
  ZxStore   *store;
  gint64     case_id;
  GtkWidget *window;
  GtkWidget *detail;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = open_store ();
  fixture->case_id = pick_case (fixture->store);
  g_assert_cmpint (fixture->case_id, >, 0);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 560, 800);
  fixture->detail = zx_case_detail_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->detail);
  zx_case_detail_set_store (ZX_CASE_DETAIL (fixture->detail), fixture->store);
  zx_case_detail_set_case_id (ZX_CASE_DETAIL (fixture->detail), fixture->case_id);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = find_dialog (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (dialog);
  spin (20);
  g_clear_object (&fixture->store);
}

/* ---- tests --------------------------------------------------------------------------------- */

static void
test_tabs (Fixture       *fixture,
           gconstpointer  data)
{
  GtkListBox *parties = section_list (fixture->detail, "parties");
  GtkListBox *nodes = section_list (fixture->detail, "nodes");
  gint64 n_parties = sql_int (fixture->store, "SELECT count(*) FROM parties WHERE case_id = ?1",
                              fixture->case_id);
  gint64 n_nodes = sql_int (fixture->store, "SELECT count(*) FROM nodes WHERE case_id = ?1",
                            fixture->case_id);
  gint64 n_overdue = sql_int (fixture->store,
                              "SELECT count(*) FROM nodes WHERE case_id = ?1"
                              " AND done_on IS NULL AND due_on < ?2", fixture->case_id);
  gint64 n_done = sql_int (fixture->store,
                           "SELECT count(*) FROM nodes WHERE case_id = ?1 AND done_on IS NOT NULL",
                           fixture->case_id);
  gint64 n_queries = sql_int (fixture->store,
                              "SELECT count(*) FROM asset_queries WHERE case_id = ?1",
                              fixture->case_id);
  gint64 n_measures = sql_int (fixture->store, "SELECT count(*) FROM measures WHERE case_id = ?1",
                               fixture->case_id);

  g_test_message ("case %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT " parties, %" G_GINT64_FORMAT
                  " nodes (%" G_GINT64_FORMAT " overdue)", fixture->case_id, n_parties, n_nodes,
                  n_overdue);
  g_assert_cmpint (n_parties, >, 0);
  g_assert_cmpint (n_overdue, >, 0);

  g_assert_cmpuint (n_rows (parties), ==, n_parties);
  g_assert_cmpuint (n_rows (nodes), ==, n_nodes);
  g_assert_cmpuint (n_rows_with_class (nodes, "overdue"), ==, n_overdue);
  g_assert_cmpuint (n_rows_with_class (nodes, "done"), ==, n_done);
  g_assert_cmpuint (n_rows (section_list (fixture->detail, "queries")), ==, n_queries);
  g_assert_cmpuint (n_rows (section_list (fixture->detail, "measures")), ==, n_measures);

  /* The warnings page opens a case at its nodes. */
  zx_case_detail_show_section (ZX_CASE_DETAIL (fixture->detail), ZX_CASE_DETAIL_NODES);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (nodes)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (parties)));
  zx_case_detail_show_section (ZX_CASE_DETAIL (fixture->detail), ZX_CASE_DETAIL_PARTIES);

  /* Another case, then none. */
  zx_case_detail_set_case_id (ZX_CASE_DETAIL (fixture->detail), 1);
  g_assert_cmpuint (n_rows (parties), ==,
                    sql_int (fixture->store, "SELECT count(*) FROM parties WHERE case_id = ?1", 1));
  zx_case_detail_set_case_id (ZX_CASE_DETAIL (fixture->detail), 0);
  zx_case_detail_set_case_id (ZX_CASE_DETAIL (fixture->detail), 999999);
  zx_case_detail_set_case_id (ZX_CASE_DETAIL (fixture->detail), fixture->case_id);
  g_assert_cmpuint (n_rows (parties), ==, n_parties);
}

static void
test_add_party (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad_id = "110105194912310021";   /* the check character should be X */
  const char *good_id = "11010519491231002X";
  const char *sql_parties = "SELECT count(*) FROM parties WHERE case_id = ?1";
  const char *sql_audit = "SELECT count(*) FROM audit WHERE ?1 = ?1";
  gint64 parties_before = sql_int (fixture->store, sql_parties, fixture->case_id);
  gint64 audit_before = sql_int (fixture->store, sql_audit, 0);
  g_autoptr(GError) expected = NULL;
  GtkListBox *list = section_list (fixture->detail, "parties");
  GtkListBox *history = section_list (fixture->detail, "history");
  guint history_before = n_rows (history);
  GtkWidget *dialog;
  GtkWidget *save;
  GtkLabel *message;
  RowCount count;

  g_assert_false (zx_validate_resident_id (bad_id, today, FALSE, NULL, NULL, &expected));

  gtk_widget_activate_action (fixture->detail, "detail.add-party", NULL);
  dialog = GTK_WIDGET (find_dialog (ZX_TYPE_PARTY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog))
                 == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  save = require_widget (dialog, "save_button");
  message = GTK_LABEL (require_widget (dialog, "id_message"));

  /* Nothing typed yet. */
  g_assert_false (gtk_widget_is_sensitive (save));

  set_text (dialog, "name_entry", "测试当事人");
  set_text (dialog, "id_entry", bad_id);
  spin (20);
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (message), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (message)));

  /* Enter in a field must not save it either. */
  gtk_widget_activate (require_widget (dialog, "id_entry"));
  spin (20);
  g_assert_cmpint (sql_int (fixture->store, sql_parties, fixture->case_id), ==, parties_before);

  set_text (dialog, "id_entry", good_id);
  spin (20);
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));

  /* An empty name is refused too, with its reason. */
  set_text (dialog, "name_entry", "  ");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (require_widget (dialog, "name_message"))), !=,
                   "");
  set_text (dialog, "name_entry", "测试当事人");

  click (dialog, "save_button");
  wait_for (dialog_gone_cb, GSIZE_TO_POINTER (ZX_TYPE_PARTY_DIALOG), "the dialog to close");

  g_assert_cmpint (sql_int (fixture->store, sql_parties, fixture->case_id), ==,
                   parties_before + 1);
  g_assert_cmpint (sql_int (fixture->store, sql_audit, 0), ==, audit_before + 1);
  g_assert_cmpint (sql_int (fixture->store,
                            "SELECT count(*) FROM parties WHERE case_id = ?1"
                            " AND id_no = '11010519491231002X' AND kind = 'person'",
                            fixture->case_id), ==, 1);

  /* Shown at once, and in the history. */
  count.list = list;
  count.n = parties_before + 1;
  wait_for (row_count_cb, &count, "the new party");
  g_assert_cmpuint (n_rows (history), ==, history_before + 1);
}

static void
test_edit_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ZxStore) other = open_store ();
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 party_id = sql_int (fixture->store,
                             "SELECT id FROM parties WHERE case_id = ?1 ORDER BY id LIMIT 1",
                             fixture->case_id);
  gint64 version = sql_int (fixture->store, "SELECT version FROM parties WHERE id = ?1", party_id);
  g_autofree char *other_name = NULL;
  GtkWidget *dialog;
  GtkWidget *banner;

  other_name = zx_case_detail_data_staff_name (zx_store_get_db (fixture->store),
                                               "zhangjianwen01");
  g_assert_nonnull (other_name);

  gtk_widget_activate_action (fixture->detail, "detail.edit-party", "x", party_id);
  dialog = GTK_WIDGET (find_dialog (ZX_TYPE_PARTY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_is_sensitive (require_widget (dialog, "save_button")));

  /* Someone else saves first. */
  zx_store_set_actor (other, "zhangjianwen01");
  json_object_set_string_member (fields, "phone", "0314-2000000");
  g_assert_true (zx_store_update (other, "parties", party_id, version, fields, NULL, &error));
  g_assert_no_error (error);

  set_text (dialog, "address_entry", "承德市双桥区测试路1号");
  click (dialog, "save_button");
  spin (20);

  /* Still open, saying who and what, offering to reload. */
  g_assert_true (find_dialog (ZX_TYPE_PARTY_DIALOG) == GTK_WINDOW (dialog));
  banner = require_widget (dialog, "banner_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (require_widget (dialog,
                                                                            "banner_label"))),
                            other_name));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (require_widget (dialog,
                                                                            "changes_label"))),
                            "0314-2000000"));
  g_assert_true (gtk_widget_get_visible (require_widget (dialog, "reload_button")));
  g_assert_cmpint (sql_int (fixture->store, "SELECT version FROM parties WHERE id = ?1",
                            party_id), ==, version + 1);

  click (dialog, "reload_button");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_widget (dialog, "phone_entry"))),
                   ==, "0314-2000000");

  set_text (dialog, "address_entry", "承德市双桥区测试路1号");
  click (dialog, "save_button");
  wait_for (dialog_gone_cb, GSIZE_TO_POINTER (ZX_TYPE_PARTY_DIALOG), "the dialog to close");
  g_assert_cmpint (sql_int (fixture->store,
                            "SELECT count(*) FROM parties WHERE id = ?1"
                            " AND phone = '0314-2000000' AND address = '承德市双桥区测试路1号'",
                            party_id), ==, 1);
}

static void
test_record_query (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *sql = "SELECT count(*) FROM asset_queries WHERE case_id = ?1";
  gint64 before = sql_int (fixture->store, sql, fixture->case_id);
  GtkWidget *dialog;
  GtkWidget *save;

  gtk_widget_activate_action (fixture->detail, "detail.add-query", NULL);
  dialog = GTK_WIDGET (find_dialog (ZX_TYPE_QUERY_DIALOG));
  g_assert_nonnull (dialog);
  save = require_widget (dialog, "save_button");
  g_assert_true (gtk_widget_is_sensitive (save));

  /* A bad date, a future date, an answer before the request. */
  set_text (dialog, "requested_entry", "2026-02-30");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (require_widget (dialog, "requested_message"))),
                   !=, "");
  set_text (dialog, "requested_entry", "2999-01-01");
  g_assert_false (gtk_widget_is_sensitive (save));
  set_text (dialog, "requested_entry", today);
  set_text (dialog, "answered_entry", "2000-01-01");
  g_assert_false (gtk_widget_is_sensitive (save));
  set_text (dialog, "answered_entry", "");

  /* Found, with a bad amount, then a good one. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (require_widget (dialog, "result_dropdown")), 1);
  set_text (dialog, "answered_entry", today);
  set_text (dialog, "amount_entry", "12.345");
  g_assert_false (gtk_widget_is_sensitive (save));
  set_text (dialog, "amount_entry", "1,234.56");
  g_assert_true (gtk_widget_is_sensitive (save));

  click (dialog, "save_button");
  wait_for (dialog_gone_cb, GSIZE_TO_POINTER (ZX_TYPE_QUERY_DIALOG), "the dialog to close");
  g_assert_cmpint (sql_int (fixture->store, sql, fixture->case_id), ==, before + 1);
  g_assert_cmpint (sql_int (fixture->store,
                            "SELECT found_amount FROM asset_queries WHERE case_id = ?1"
                            " ORDER BY id DESC LIMIT 1", fixture->case_id), ==, 123456);
  g_assert_cmpuint (n_rows (section_list (fixture->detail, "queries")), ==, before + 1);
}

static void
test_propose_measure (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *sql = "SELECT count(*) FROM measures WHERE case_id = ?1";
  gint64 before = sql_int (fixture->store, sql, fixture->case_id);
  GtkWidget *dialog;

  /* Not a staff member: the store's refusal shows in the dialog, which stays open. */
  zx_store_set_actor (fixture->store, "nobody-here");
  gtk_widget_activate_action (fixture->detail, "detail.propose-measure", NULL);
  dialog = GTK_WIDGET (find_dialog (ZX_TYPE_MEASURE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_is_sensitive (require_widget (dialog, "save_button")));
  click (dialog, "save_button");
  spin (20);
  g_assert_true (find_dialog (ZX_TYPE_MEASURE_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (require_widget (dialog,
                                                                              "banner_revealer"))));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (require_widget (dialog,
                                                                            "banner_label"))),
                            "nobody-here"));
  g_assert_cmpint (sql_int (fixture->store, sql, fixture->case_id), ==, before);

  /* A fine without an amount cannot be proposed. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (require_widget (dialog, "kind_dropdown")), 5);
  g_assert_false (gtk_widget_is_sensitive (require_widget (dialog, "save_button")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (require_widget (dialog, "kind_dropdown")), 0);

  /* An officer may. */
  zx_store_set_actor (fixture->store, "zhangjianwen01");
  click (dialog, "save_button");
  wait_for (dialog_gone_cb, GSIZE_TO_POINTER (ZX_TYPE_MEASURE_DIALOG), "the dialog to close");
  g_assert_cmpint (sql_int (fixture->store, sql, fixture->case_id), ==, before + 1);
  g_assert_cmpuint (n_rows (section_list (fixture->detail, "measures")), ==, before + 1);
}

static void
test_live_refresh (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ZxStore) other = open_store ();
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  GtkListBox *list = section_list (fixture->detail, "parties");
  RowCount count = { list, n_rows (list) + 1 };
  guint n_before = n_rows (list);

  /* A change to another case does not matter here. */
  json_object_set_int_member (fields, "case_id", fixture->case_id == 1 ? 2 : 1);
  json_object_set_string_member (fields, "role", "third_party");
  json_object_set_string_member (fields, "kind", "person");
  json_object_set_string_member (fields, "name", "别的案子");
  g_assert_cmpint (zx_store_create (other, "parties", fields, NULL, &error), >, 0);
  g_assert_no_error (error);

  json_object_set_int_member (fields, "case_id", fixture->case_id);
  json_object_set_string_member (fields, "name", "另一台电脑");
  g_assert_cmpint (zx_store_create (other, "parties", fields, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpuint (n_rows (list), ==, n_before);
  g_assert_cmpuint (zx_store_poll_changes (fixture->store, &error), >=, 2);
  g_assert_no_error (error);
  wait_for (row_count_cb, &count, "the other desktop's party");
}

static void
test_screenshot (void)
{
  g_autofree char *png = g_build_filename (test_dir, "detail.png", NULL);
  g_autofree char *case_env = NULL;
  g_autoptr(ZxStore) store = open_store ();
  const char *argv[] = {
    ui_test_zhixing (), "--db", test_db, "--view", "cases", "--screenshot", png, NULL
  };
  const char *env[] = { NULL, "GSK_RENDERER=cairo", NULL };
  GStatBuf st;

  case_env = g_strdup_printf ("ZHIXING_SELECT_CASE=%" G_GINT64_FORMAT, pick_case (store));
  env[0] = case_env;

  g_assert_cmpint (ui_test_run (argv, env, NULL, NULL), ==, 0);
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  const char *init[] = { NULL, "--db", NULL, "init", NULL };
  const char *demo[] = { NULL, "--db", NULL, "demo", "--cases", N_CASES, "--seed", SEED, NULL };
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display (DISPLAY and WAYLAND_DISPLAY unset): skipping\n");
      return 77;
    }

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* No session bus under xvfb-run: without this GTK warns, and g_test makes warnings fatal. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  test_dir = g_dir_make_tmp ("zx-case-detail-XXXXXX", &error);
  g_assert_no_error (error);
  test_db = g_build_filename (test_dir, "demo.db", NULL);

  init[0] = demo[0] = ui_test_ctl ();
  init[2] = demo[2] = test_db;
  g_assert_cmpint (ui_test_run (init, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (ui_test_run (demo, NULL, NULL, NULL), ==, 0);

  g_test_add ("/case-detail/tabs", Fixture, NULL, fixture_set_up, test_tabs, fixture_tear_down);
  g_test_add ("/case-detail/add-party", Fixture, NULL, fixture_set_up, test_add_party,
              fixture_tear_down);
  g_test_add ("/case-detail/edit-conflict", Fixture, NULL, fixture_set_up, test_edit_conflict,
              fixture_tear_down);
  g_test_add ("/case-detail/record-query", Fixture, NULL, fixture_set_up, test_record_query,
              fixture_tear_down);
  g_test_add ("/case-detail/propose-measure", Fixture, NULL, fixture_set_up, test_propose_measure,
              fixture_tear_down);
  g_test_add ("/case-detail/live-refresh", Fixture, NULL, fixture_set_up, test_live_refresh,
              fixture_tear_down);
  g_test_add_func ("/case-detail/screenshot", test_screenshot);

  status = g_test_run ();

  if (status == 0)
    {
      g_autofree char *journal = g_strconcat (test_db, "-journal", NULL);
      g_autofree char *png = g_build_filename (test_dir, "detail.png", NULL);

      g_unlink (test_db);
      g_unlink (journal);
      g_unlink (png);
      g_rmdir (test_dir);
    }

  g_free (test_db);
  g_free (test_dir);
  g_free (today);

  return status;
}
