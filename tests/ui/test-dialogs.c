/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The New Case and Import dialogs and the Warnings page, in-process under Xvfb, on a 200-case
 * demo database with a fixed "today":
 * - New Case: a wrong ID number shows the validator's reason under the field and Save stays
 *   off; a wrong amount likewise; a save the routing refuses shows the store's message and
 *   files nothing; a good save files one case whose number is the one shown beforehand and
 *   the one in the database, and shows the drawn team;
 * - Import: a good CSV is previewed and imported (count + 2); a bad one is rejected with
 *   "line:column: message" problems and nothing saved;
 * - Warnings: as many items as `zhixingctl deadlines --json` counts for the same today, grouped
 *   under team and officer headings whose counts add up; "Mine" matches `--officer`; another
 *   client's change shows after a refresh; activating an item opens its case on the case
 *   register (its search cleared) at the item's tab.
 * With ZX_TEST_SCREENSHOT_DIR set, the dialogs are also written there as PNGs. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "ui-test-util.h"
#include "dialogs/zx-import-dialog.h"
#include "dialogs/zx-new-case-dialog.h"
#include "domain/zx-validate.h"
#include "pages/zx-case-detail.h"
#include "pages/zx-case-register.h"
#include "pages/zx-warnings-page.h"
#include "widgets/zx-warning-item.h"
#include "zx-screenshot.h"

#define TODAY          "2026-06-15"
#define N_CASES        "200"
#define WAIT_TIMEOUT_S 60

static char *test_dir;
static char *test_db;
static char *clerk_login;

/* ---- helpers ------------------------------------------------------------------------------- */

static void
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static ZxStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  ZxStore *store = zx_store_open (test_db, ZX_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  if (clerk_login != NULL)
    zx_store_set_actor (store, clerk_login);

  return store;
}

static char *
sql_text (const char *sql)
{
  g_autoptr(ZxStore) store = open_store ();
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (zx_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gint64
sql_int (const char *sql)
{
  g_autofree char *text = sql_text (sql);

  g_assert_nonnull (text);

  return g_ascii_strtoll (text, NULL, 10);
}

static gint64
count_cases (void)
{
  return sql_int ("SELECT count(*) FROM cases");
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

static void
set_text (gpointer    dialog,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, type, name)), text);
}

/* Writes WIDGET to $ZX_TEST_SCREENSHOT_DIR/NAME.png when that is set. */
typedef struct
{
  gboolean  done;
  GError   *error;
} Shot;

static void
shot_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Shot *shot = user_data;

  zx_screenshot_save_finish (GTK_WIDGET (object), result, &shot->error);
  shot->done = TRUE;
}

static gboolean
shot_done (gpointer data)
{
  return ((Shot *) data)->done;
}

static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("ZX_TEST_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  Shot shot = { 0 };

  if (dir == NULL || *dir == '\0')
    return;

  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  zx_screenshot_save_async (widget, path, NULL, shot_done_cb, &shot);
  wait_for (shot_done, &shot);
  g_assert_no_error (shot.error);
  g_test_message ("Wrote %s", path);
}

/* ---- New Case -------------------------------------------------------------------------------- */

#define NC ZX_TYPE_NEW_CASE_DIALOG

static ZxNewCaseDialog *
new_case_dialog (ZxStore *store)
{
  ZxNewCaseDialog *dialog = zx_new_case_dialog_new (NULL, store, TODAY);

  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
fill_good (ZxNewCaseDialog *dialog)
{
  set_text (dialog, NC, "basis_no_entry", "（2026）冀0802民初77号");
  set_text (dialog, NC, "effective_entry", "2026-05-20");
  set_text (dialog, NC, "amount_entry", "12,345.60");
  set_text (dialog, NC, "applicant_name_entry", "河北某某商贸有限公司");
  set_text (dialog, NC, "applicant_id_entry", "91350100M000100Y43");
  set_text (dialog, NC, "respondent_name_entry", "张伟");
  set_text (dialog, NC, "respondent_id_entry", "320106199003070012");
}

static gboolean
label_shows (ZxNewCaseDialog *dialog,
             const char      *name)
{
  GtkWidget *label = child (dialog, NC, name);

  return gtk_widget_get_visible (label) && *gtk_label_get_label (GTK_LABEL (label)) != '\0';
}

static void
test_new_case_bad_input (void)
{
  g_autoptr(ZxStore) store = open_store ();
  ZxNewCaseDialog *dialog = new_case_dialog (store);
  g_autoptr(GError) expected = NULL;
  gint64 before = count_cases ();
  GtkWidget *save = child (dialog, NC, "save_button");
  GtkLabel *message = child (dialog, NC, "respondent_message");

  /* Nothing typed yet: Save is off, and no field shouts. */
  g_assert_false (zx_new_case_dialog_get_can_save (dialog));
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (label_shows (dialog, "amount_message"));

  fill_good (dialog);
  g_assert_true (zx_new_case_dialog_get_can_save (dialog));
  g_assert_true (gtk_widget_is_sensitive (save));
  /* A valid ID says what it is. */
  g_assert_true (label_shows (dialog, "respondent_message"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "note"));

  /* A wrong check character: the validator's own reason, under the field; Save off. */
  set_text (dialog, NC, "respondent_id_entry", "320106199003070013");
  g_assert_false (zx_validate_resident_id ("320106199003070013", TODAY, FALSE, NULL, NULL,
                                           &expected));
  g_assert_true (label_shows (dialog, "respondent_message"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_cmpstr (gtk_label_get_label (message), ==, expected->message);
  g_assert_false (zx_new_case_dialog_get_can_save (dialog));
  g_assert_false (gtk_widget_is_sensitive (save));

  maybe_screenshot (GTK_WIDGET (dialog), "new-case-bad-id");

  /* Save does nothing while a field is wrong. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_false (zx_new_case_dialog_get_saving (dialog));

  /* A wrong amount likewise, with zx_parse_amount_fen's reason. */
  set_text (dialog, NC, "respondent_id_entry", "320106199003070012");
  g_assert_true (zx_new_case_dialog_get_can_save (dialog));
  set_text (dialog, NC, "amount_entry", "12.345");
  g_clear_error (&expected);
  g_assert_false (zx_parse_amount_fen ("12.345", NULL, &expected));
  g_assert_cmpstr (gtk_label_get_label (child (dialog, NC, "amount_message")), ==,
                   expected->message);
  g_assert_false (zx_new_case_dialog_get_can_save (dialog));

  /* A filing date after today. */
  set_text (dialog, NC, "amount_entry", "100");
  set_text (dialog, NC, "filed_entry", "2026-06-16");
  g_assert_true (label_shows (dialog, "filed_message"));
  g_assert_false (zx_new_case_dialog_get_can_save (dialog));
  set_text (dialog, NC, "filed_entry", TODAY);
  g_assert_true (zx_new_case_dialog_get_can_save (dialog));

  g_assert_cmpint (count_cases (), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
not_saving (gpointer data)
{
  return !zx_new_case_dialog_get_saving (data);
}

static void
test_new_case_routing_error (void)
{
  g_autoptr(ZxStore) store = open_store ();
  ZxNewCaseDialog *dialog = new_case_dialog (store);
  gint64 before = count_cases ();
  GtkDropDown *basis = child (dialog, NC, "basis_type_dropdown");
  GtkLabel *error = child (dialog, NC, "error_label");

  fill_good (dialog);
  /* A mediation document effective after May 2018 goes to the judge who tried the case; no
   * judge is chosen, so the store refuses. */
  gtk_drop_down_set_selected (basis, 2);
  g_assert_true (zx_new_case_dialog_get_can_save (dialog));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (zx_new_case_dialog_get_saving (dialog));
  wait_for (not_saving, dialog);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (dialog, NC, "stack")), ==, "form");
  g_assert_true (gtk_revealer_get_reveal_child (child (dialog, NC, "error_revealer")));
  g_test_message ("store said: %s", gtk_label_get_label (error));
  g_assert_cmpstr (gtk_label_get_label (error), !=, "");
  g_assert_cmpint (count_cases (), ==, before);
  /* Still editable, and Save is on again. */
  g_assert_true (zx_new_case_dialog_get_can_save (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_case_filed (ZxNewCaseDialog *dialog,
               gint64           case_id,
               const char      *case_no,
               gint64          *out_id)
{
  *out_id = case_id;
}

static void
test_new_case_save (void)
{
  g_autoptr(ZxStore) store = open_store ();
  ZxNewCaseDialog *dialog = new_case_dialog (store);
  gint64 before = count_cases ();
  g_autofree char *shown = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *db_case_no = NULL;
  g_autofree char *db_team = NULL;
  gint64 filed_id = 0;
  const char *assigned;

  g_signal_connect (dialog, "case-filed", G_CALLBACK (on_case_filed), &filed_id);

  fill_good (dialog);
  gtk_check_button_set_active (child (dialog, NC, "livelihood_check"), TRUE);
  shown = g_strdup (zx_new_case_dialog_get_next_case_no (dialog));
  g_assert_cmpstr (shown, !=, "");
  g_assert_cmpstr (gtk_label_get_label (child (dialog, NC, "next_no_label")), ==, shown);
  g_assert_true (zx_new_case_dialog_get_can_save (dialog));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  wait_for (not_saving, dialog);

  g_assert_false (gtk_revealer_get_reveal_child (child (dialog, NC, "error_revealer")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (dialog, NC, "stack")), ==, "result");
  g_assert_cmpint (count_cases (), ==, before + 1);
  g_assert_cmpint (filed_id, >, 0);

  sql = g_strdup_printf ("SELECT case_no FROM cases WHERE id = %" G_GINT64_FORMAT, filed_id);
  db_case_no = sql_text (sql);
  g_assert_cmpstr (gtk_label_get_label (child (dialog, NC, "result_case_no")), ==, db_case_no);
  g_assert_cmpstr (db_case_no, ==, shown);

  g_free (sql);
  sql = g_strdup_printf ("SELECT t.name FROM cases c JOIN teams t ON t.id = c.team_id"
                         " WHERE c.id = %" G_GINT64_FORMAT, filed_id);
  db_team = sql_text (sql);
  g_assert_nonnull (db_team);
  assigned = gtk_label_get_label (child (dialog, NC, "result_assigned"));
  g_assert_cmpstr (assigned, ==, db_team);
  g_assert_cmpstr (gtk_label_get_label (child (dialog, NC, "result_rule")), !=, "—");

  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM parties WHERE case_id = %" G_GINT64_FORMAT
                         " AND ((role = 'respondent' AND kind = 'person' AND id_no ="
                         " '320106199003070012') OR (role = 'applicant' AND kind = 'entity'))"
                         , filed_id);
  g_assert_cmpint (sql_int (sql), ==, 2);
  g_free (sql);
  sql = g_strdup_printf ("SELECT amount_applied || '/' || livelihood FROM cases WHERE id = %"
                         G_GINT64_FORMAT, filed_id);
  g_free (db_team);
  db_team = sql_text (sql);
  g_assert_cmpstr (db_team, ==, "1234560/1");

  maybe_screenshot (GTK_WIDGET (dialog), "new-case-result");

  /* File Another: back to the form, the next number moved on. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.another", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (dialog, NC, "stack")), ==, "form");
  g_assert_cmpstr (zx_new_case_dialog_get_next_case_no (dialog), !=, shown);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- Import ---------------------------------------------------------------------------------- */

typedef struct
{
  ZxImportDialog *dialog;
  ZxImportState   state;
} StateWait;

static gboolean
state_reached (gpointer data)
{
  StateWait *wait = data;

  return zx_import_dialog_get_state (wait->dialog) == wait->state;
}

static void
wait_state (ZxImportDialog *dialog,
            ZxImportState   state)
{
  StateWait wait = { dialog, state };

  wait_for (state_reached, &wait);
}

static ZxImportDialog *
import_file (ZxStore    *store,
             const char *name,
             const char *csv)
{
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZxImportDialog *dialog;

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);

  dialog = zx_import_dialog_new (NULL, store, TODAY);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (zx_import_dialog_get_state (dialog), ==, ZX_IMPORT_STATE_CHOOSE);
  if (g_str_equal (name, "good.csv"))
    maybe_screenshot (GTK_WIDGET (dialog), "import-choose");

  zx_import_dialog_load_file (dialog, file);
  wait_state (dialog, ZX_IMPORT_STATE_PREVIEW);

  return dialog;
}

#define IMPORT_HEADER \
  "case_no,filed_on,basis_type,amount_applied,applicant_name,applicant_id," \
  "respondent_name,respondent_id\r\n"

static void
test_import_good (void)
{
  g_autoptr(ZxStore) store = open_store ();
  g_autofree char *court = zx_store_get_meta (store, "court_code");
  g_autofree char *csv = NULL;
  ZxImportDialog *dialog;
  GtkColumnView *preview;
  gint64 before = count_cases ();

  csv = g_strdup_printf (IMPORT_HEADER
                         "（2026）%s执9001号,2026-03-02,判决书,5000,李明,11010519491231002X,"
                         "王芳,440524188001010014\r\n"
                         "（2026）%s执9002号,2026-03-03,,1234.5,河北某某银行股份有限公司,"
                         "91110108551385082Q,赵强,\r\n",
                         court, court);
  dialog = import_file (store, "good.csv", csv);

  preview = child (dialog, ZX_TYPE_IMPORT_DIALOG, "preview_view");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (preview)), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (preview))),
                    ==, 2);
  maybe_screenshot (GTK_WIDGET (dialog), "import-preview");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.import", NULL);
  g_assert_cmpint (zx_import_dialog_get_state (dialog), ==, ZX_IMPORT_STATE_IMPORTING);
  /* Nothing can stop it now: Cancel is off and closing is refused. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  g_assert_cmpint (zx_import_dialog_get_state (dialog), ==, ZX_IMPORT_STATE_IMPORTING);
  wait_state (dialog, ZX_IMPORT_STATE_DONE);

  g_assert_cmpuint (zx_import_dialog_get_imported (dialog), ==, 2);
  g_assert_cmpint (count_cases (), ==, before + 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_line_column_message (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[0-9]+:[0-9]+: .+", 0, 0, NULL);

  return g_regex_match (regex, text, 0, NULL);
}

static void
test_import_bad (void)
{
  g_autoptr(ZxStore) store = open_store ();
  g_autofree char *court = zx_store_get_meta (store, "court_code");
  g_autofree char *csv = NULL;
  g_autofree char *audit_before = sql_text ("SELECT max(seq) FROM audit");
  g_autofree char *audit_after = NULL;
  ZxImportDialog *dialog;
  GPtrArray *problems;
  GListModel *shown;
  gint64 before = count_cases ();
  gboolean line_3 = FALSE;
  gboolean line_4 = FALSE;

  /* Line 2 is good; line 3 has a date that does not exist; line 4 a wrong ID check digit. */
  csv = g_strdup_printf (IMPORT_HEADER
                         "（2026）%s执9101号,2026-03-02,,5000,李明,,王芳,\r\n"
                         "（2026）%s执9102号,2026-02-30,,5000,李明,,王芳,\r\n"
                         "（2026）%s执9103号,2026-03-04,,5000,李明,,王芳,440524188001010015\r\n",
                         court, court, court);
  dialog = import_file (store, "bad.csv", csv);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.import", NULL);
  wait_state (dialog, ZX_IMPORT_STATE_REJECTED);

  problems = zx_import_dialog_get_problems (dialog);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 2);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      g_test_message ("problem: %s", problem);
      g_assert_true (is_line_column_message (problem));
      line_3 |= g_str_has_prefix (problem, "3:2:");
      line_4 |= g_str_has_prefix (problem, "4:8:");
    }
  g_assert_true (line_3);
  g_assert_true (line_4);

  /* The list shows every problem. */
  shown = G_LIST_MODEL (gtk_list_view_get_model (child (dialog, ZX_TYPE_IMPORT_DIALOG,
                                                        "errors_view")));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, problems->len);
  maybe_screenshot (GTK_WIDGET (dialog), "import-rejected");

  /* Nothing changed, not even the audit trail. */
  g_assert_cmpint (count_cases (), ==, before);
  audit_after = sql_text ("SELECT max(seq) FROM audit");
  g_assert_cmpstr (audit_after, ==, audit_before);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- Warnings -------------------------------------------------------------------------------- */

static JsonObject *
cli_deadlines (const char *officer_id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = {
    ui_test_ctl (), "--db", test_db, "--today", TODAY, "deadlines", "--json",
    officer_id != NULL ? "--officer" : NULL, officer_id, NULL
  };

  g_assert_cmpint (ui_test_run (argv, NULL, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gint64
cli_total (const char *officer_id)
{
  g_autoptr(JsonObject) report = cli_deadlines (officer_id);

  return json_object_get_int_member (json_object_get_object_member (report, "counts"), "total");
}

static gboolean
page_loaded (gpointer data)
{
  return !zx_warnings_page_get_loading (data);
}

/* Items in the model, and the team headings' counts add up to them. */
static guint
count_items (ZxWarningsPage *page)
{
  GListModel *model = zx_warnings_page_get_model (page);
  guint items = 0;
  guint by_teams = 0;
  guint by_officers = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ZxWarningItem) item = g_list_model_get_item (model, i);

      switch (zx_warning_item_get_row_kind (item))
        {
        case ZX_WARNING_ROW_TEAM:
          by_teams += zx_warning_item_get_n_overdue (item) + zx_warning_item_get_n_due_soon (item);
          break;
        case ZX_WARNING_ROW_OFFICER:
          by_officers += zx_warning_item_get_n_overdue (item)
                         + zx_warning_item_get_n_due_soon (item);
          break;
        case ZX_WARNING_ROW_ITEM:
          items++;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_assert_cmpuint (by_teams, ==, items);
  g_assert_cmpuint (by_officers, ==, items);
  g_assert_cmpuint (zx_warnings_page_get_n_warnings (page), ==, items);

  return items;
}

typedef struct
{
  ZxWarningsPage *page;
  ZxStore        *store;
  guint           expected;
} RefreshWait;

static gboolean
refreshed (gpointer data)
{
  RefreshWait *wait = data;

  /* The window's poll, by hand. */
  zx_store_poll_changes (wait->store, NULL);

  return !zx_warnings_page_get_loading (wait->page)
         && zx_warnings_page_get_n_warnings (wait->page) == wait->expected;
}

static void
test_warnings (void)
{
  g_autoptr(ZxStore) store = open_store ();
  g_autoptr(ZxStore) other = open_store ();
  g_autoptr(JsonObject) report = cli_deadlines (NULL);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *officer_login = NULL;
  g_autofree char *officer_id = NULL;
  GtkWidget *window = gtk_window_new ();
  ZxWarningsPage *page = ZX_WARNINGS_PAGE (zx_warnings_page_new ());
  JsonArray *items = json_object_get_array_member (report, "items");
  gint64 total = json_object_get_int_member (json_object_get_object_member (report, "counts"),
                                             "total");
  gint64 node_id = 0;
  RefreshWait wait = { page, store, 0 };

  g_assert_cmpint (total, >, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  zx_warnings_page_set_today (page, TODAY);
  zx_warnings_page_set_store (page, store);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (page_loaded, page);

  g_assert_cmpuint (count_items (page), ==, total);
  maybe_screenshot (window, "warnings-page");

  /* "Mine": an officer with items sees exactly theirs. */
  for (guint i = 0; i < json_array_get_length (items) && officer_id == NULL; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonNode *id = json_object_get_member (item, "officer_id");
      g_autofree char *sql = NULL;
      g_autofree char *role = NULL;

      if (id == NULL || JSON_NODE_HOLDS_NULL (id))
        continue;

      sql = g_strdup_printf ("SELECT role FROM staff WHERE id = %" G_GINT64_FORMAT,
                             json_node_get_int (id));
      role = sql_text (sql);
      if (g_strcmp0 (role, "team_leader") == 0)
        continue;

      g_free (sql);
      sql = g_strdup_printf ("SELECT login FROM staff WHERE id = %" G_GINT64_FORMAT,
                             json_node_get_int (id));
      officer_login = sql_text (sql);
      officer_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
    }
  g_assert_nonnull (officer_id);

  zx_store_set_actor (store, officer_login);
  zx_warnings_page_set_mine (page, TRUE);
  wait_for (page_loaded, page);
  g_assert_cmpuint (count_items (page), ==, cli_total (officer_id));
  g_assert_cmpuint (count_items (page), <, total);

  zx_warnings_page_set_mine (page, FALSE);
  wait_for (page_loaded, page);
  g_assert_cmpuint (count_items (page), ==, total);

  /* Another client completes an overdue node: the page follows by itself. */
  for (guint i = 0; i < json_array_get_length (items) && node_id == 0; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "entity"), "nodes"))
        node_id = json_object_get_int_member (item, "id");
    }
  g_assert_cmpint (node_id, >, 0);

  node = zx_store_get_row (other, "nodes", node_id, &error);
  g_assert_no_error (error);
  json_object_set_string_member (fields, "done_on", TODAY);
  zx_store_update (other, "nodes", node_id, json_object_get_int_member (node, "version"), fields,
                   NULL, &error);
  g_assert_no_error (error);

  wait.expected = (guint) cli_total (NULL);
  g_assert_cmpuint (wait.expected, <, total);
  wait_for (refreshed, &wait);
  g_assert_cmpuint (count_items (page), ==, wait.expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Warnings → case ------------------------------------------------------------------------- */

static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *name)
{
  if ((type == G_TYPE_NONE || G_TYPE_CHECK_INSTANCE_TYPE (root, type))
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What ZxWindow does with ZxWarningsPage::case-activated. */
static void
open_warning_cb (ZxWarningsPage *page,
                 gint64          case_id,
                 const char     *entity,
                 gint64          entity_id,
                 ZxCaseRegister *case_register)
{
  zx_case_register_show_case (case_register, case_id, zx_case_detail_section_for_entity (entity));
}

typedef struct
{
  ZxCaseRegister *case_register;
  ZxCaseDetail   *detail;
  gint64          case_id;
} ShowWait;

static gboolean
register_empty (gpointer data)
{
  ZxCaseRegister *case_register = data;

  return !zx_case_register_get_loading (case_register)
         && g_list_model_get_n_items (G_LIST_MODEL (zx_case_register_get_model (case_register)))
            == 0;
}

static gboolean
case_shown (gpointer data)
{
  ShowWait *wait = data;
  guint position;

  return !zx_case_register_get_loading (wait->case_register)
         && zx_case_register_get_selected_id (wait->case_register) == wait->case_id
         && zx_case_detail_get_case_id (wait->detail) == wait->case_id
         && zx_case_list_model_find (zx_case_register_get_model (wait->case_register),
                                     wait->case_id, &position);
}

static void
test_warning_opens_case (void)
{
  g_autoptr(ZxStore) store = open_store ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  ZxWarningsPage *page = ZX_WARNINGS_PAGE (zx_warnings_page_new ());
  ZxCaseRegister *case_register = ZX_CASE_REGISTER (zx_case_register_new ());
  GListModel *rows;
  GtkWidget *list_view;
  GtkWidget *search_entry;
  GtkWidget *nodes_list;
  ShowWait wait = { case_register, NULL, 0 };
  guint position = GTK_INVALID_LIST_POSITION;

  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 800);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (page));
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (case_register));
  gtk_paned_set_position (GTK_PANED (paned), 400);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  zx_warnings_page_set_today (page, TODAY);
  zx_warnings_page_set_store (page, store);
  zx_case_register_set_store (case_register, store);
  g_signal_connect_object (page, "case-activated", G_CALLBACK (open_warning_cb), case_register,
                           0);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (page_loaded, page);

  wait.detail = ZX_CASE_DETAIL (find_descendant (GTK_WIDGET (case_register),
                                                 ZX_TYPE_CASE_DETAIL, NULL));
  g_assert_nonnull (wait.detail);

  /* A search that hides every case: the case must be found anyway. */
  search_entry = find_descendant (GTK_WIDGET (case_register), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search_entry);
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "zzzz-no-such-case");
  wait_for (register_empty, case_register);

  /* The first warning about a process node. */
  rows = zx_warnings_page_get_model (page);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && wait.case_id == 0; i++)
    {
      g_autoptr(ZxWarningItem) item = g_list_model_get_item (rows, i);

      if (zx_warning_item_is_heading (item)
          || g_strcmp0 (zx_warning_item_get_entity (item), "nodes") != 0)
        continue;

      wait.case_id = zx_warning_item_get_case_id (item);
      position = i;
    }
  g_assert_cmpint (wait.case_id, >, 0);

  list_view = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", position);

  wait_for (case_shown, &wait);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "");

  /* At the process nodes' tab. */
  nodes_list = find_descendant (GTK_WIDGET (wait.detail), G_TYPE_NONE, "zx-detail-list-nodes");
  g_assert_nonnull (nodes_list);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_get_mapped (nodes_list));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- main ------------------------------------------------------------------------------------ */

static void
make_demo_db (void)
{
  const char *init[] = { ui_test_ctl (), "--db", test_db, "init", NULL };
  const char *demo[] = {
    ui_test_ctl (), "--db", test_db, "--today", TODAY, "demo", "--cases", N_CASES, "--seed", "5",
    NULL
  };
  g_autofree char *err = NULL;

  g_assert_cmpint (ui_test_run (init, NULL, NULL, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ui_test_run (demo, NULL, NULL, &err), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;
  const char *localedir = g_getenv ("ZHIXING_LOCALEDIR");
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display (DISPLAY and WAYLAND_DISPLAY unset): skipping\n");
      return 77;
    }

  /* The app's messages, so that screenshots come out in the language asked for. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* No session bus under xvfb-run: without this GTK warns, and g_test makes warnings fatal. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/cn/zhixing/Zhixing/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  test_dir = g_dir_make_tmp ("zx-test-dialogs-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  test_db = g_build_filename (test_dir, "demo.db", NULL);
  make_demo_db ();
  clerk_login = sql_text ("SELECT login FROM staff WHERE role = 'clerk' AND active = 1"
                          " ORDER BY id LIMIT 1");
  g_assert_nonnull (clerk_login);

  g_test_add_func ("/dialogs/new-case/bad-input", test_new_case_bad_input);
  g_test_add_func ("/dialogs/new-case/routing-error", test_new_case_routing_error);
  g_test_add_func ("/dialogs/new-case/save", test_new_case_save);
  g_test_add_func ("/dialogs/import/good", test_import_good);
  g_test_add_func ("/dialogs/import/bad", test_import_bad);
  g_test_add_func ("/dialogs/warnings", test_warnings);
  g_test_add_func ("/dialogs/warnings/open-case", test_warning_opens_case);

  status = g_test_run ();

  if (g_getenv ("ZX_TEST_KEEP") == NULL)
    {
      g_autofree char *journal = g_strconcat (test_db, "-journal", NULL);

      g_unlink (journal);
      g_unlink (test_db);
      for (const char *const *name = (const char *const[]) { "good.csv", "bad.csv", NULL };
           *name != NULL; name++)
        {
          g_autofree char *path = g_build_filename (test_dir, *name, NULL);

          g_unlink (path);
        }
      g_rmdir (test_dir);
    }

  g_free (test_db);
  g_free (test_dir);
  g_free (clerk_login);

  return status;
}
