/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "domain/zx-case-no.h"
#include "domain/zx-validate.h"

/* Every validator is checked the same way: either it accepts and gives the expected
 * normalized form, or it refuses with ZX_ERROR_INVALID and a message containing ERROR. */
static void
check_outcome (gboolean ok, GError *error, const char *expected_error, const char *input)
{
  if (expected_error == NULL)
    {
      if (!ok)
        g_test_message ("“%s”: %s", input, error != NULL ? error->message : "(no error)");
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  if (strstr (error->message, expected_error) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", input, error->message, expected_error);
}

static void
add_table_tests (const char *prefix, gconstpointer table, gsize row_size, gsize n_rows,
                 GTestDataFunc func)
{
  for (gsize i = 0; i < n_rows; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%02" G_GSIZE_FORMAT, prefix, i);

      g_test_add_data_func (path, (const char *) table + i * row_size, func);
    }
}

#define ADD_TABLE(prefix, table, func) \
  add_table_tests (prefix, table, sizeof (table[0]), G_N_ELEMENTS (table), func)

/* ---- resident ID ----------------------------------------------------------------------- */

typedef struct
{
  const char *input;
  const char *today;
  gboolean allow_legacy;
  const char *normalized; /* NULL when refused */
  ZxIdFlags flags;
  const char *error;
} IdCase;

static const IdCase id_cases[] = {
  /* DOMAIN.md's valid examples (the first two are GB 11643's own). */
  { "11010519491231002X", "2024-06-01", FALSE, "11010519491231002X", ZX_ID_FLAG_NONE, NULL },
  { "440524188001010014", "2024-06-01", FALSE, "440524188001010014", ZX_ID_FLAG_NONE, NULL },
  { "320106199003070012", "2024-06-01", FALSE, "320106199003070012", ZX_ID_FLAG_NONE, NULL },
  /* Normalization: lowercase x, surrounding (also ideographic) spaces. */
  { "11010519491231002x", NULL, FALSE, "11010519491231002X", ZX_ID_FLAG_NONE, NULL },
  { "  320106199003070012\t", NULL, FALSE, "320106199003070012", ZX_ID_FLAG_NONE, NULL },
  { "\u3000320106199003070012\u3000", NULL, FALSE, "320106199003070012", ZX_ID_FLAG_NONE, NULL },
  /* Leap day; born today is not in the future. */
  { "110105200002290013", "2024-06-01", FALSE, "110105200002290013", ZX_ID_FLAG_NONE, NULL },
  { "110105200606120023", "2006-06-12", FALSE, "110105200606120023", ZX_ID_FLAG_NONE, NULL },
  /* Legacy 15 digits: 19YY inserted, check character computed. */
  { "110105801231001", NULL, TRUE, "110105198012310014", ZX_ID_FLAG_LEGACY_15, NULL },
  { "320106900307001", "2024-06-01", TRUE, "320106199003070012", ZX_ID_FLAG_LEGACY_15, NULL },
  /* An 18-digit ID is unaffected by allow_legacy. */
  { "11010519491231002X", NULL, TRUE, "11010519491231002X", ZX_ID_FLAG_NONE, NULL },

  { "11010519491231002", NULL, FALSE, NULL, 0, "ID number has 17 characters; it needs 18" },
  { "11010519491231002X1", NULL, FALSE, NULL, 0, "ID number has 19 characters; it needs 18" },
  { "110105801231001", NULL, FALSE, NULL, 0, "ID number has 15 characters; it needs 18" },
  { "1101058012310", NULL, TRUE, NULL, 0, "has 13 characters; it needs 18 (or 15)" },
  { "1", NULL, FALSE, NULL, 0, "ID number has 1 character; it needs 18" },
  { "", NULL, FALSE, NULL, 0, "ID number is empty" },
  { "   ", NULL, FALSE, NULL, 0, "ID number is empty" },
  { NULL, NULL, FALSE, NULL, 0, "ID number is empty" },
  { "\xff\xfe", NULL, FALSE, NULL, 0, "ID number is not valid text" },
  { "1101051949123100XX", NULL, FALSE, NULL, 0, "contains “X” at position 17" },
  { "11010519491231002Y", NULL, FALSE, NULL, 0, "ends with “Y”; the last character must be" },
  { "1101051949123100AX", NULL, FALSE, NULL, 0, "contains “A” at position 17" },
  { "1101 5194912310021", NULL, FALSE, NULL, 0, "contains “ ” at position 5" },
  { "１10105194912310021", NULL, FALSE, NULL, 0, "contains “１” at position 1" },
  { "11010580123100X", NULL, TRUE, NULL, 0, "contains “X” at position 15" },
  { "110105194912310023", NULL, FALSE, NULL, 0,
    "ID number check character is 3 but should be X" },
  { "440524188001010015", NULL, FALSE, NULL, 0, "check character is 5 but should be 4" },
  { "010105194912310026", NULL, FALSE, NULL, 0, "region code 010105 is not valid" },
  { "310101199902310012", NULL, FALSE, NULL, 0,
    "ID number birth date 19990231 is not a real date" },
  { "110105190002290017", NULL, FALSE, NULL, 0, "birth date 19000229 is not a real date" },
  { "110105199913010010", NULL, FALSE, NULL, 0, "birth date 19991301 is not a real date" },
  { "110105800231001", NULL, TRUE, NULL, 0, "birth date 19800231 is not a real date" },
  { "110105179912310016", NULL, FALSE, NULL, 0, "birth date 17991231 is before 1800" },
  { "11010520300101001X", "2024-06-01", FALSE, NULL, 0, "birth date 20300101 is in the future" },
  { "110105200606120023", "2006-06-11", FALSE, NULL, 0, "birth date 20060612 is in the future" },
  /* Without TODAY there is no future check. */
  { "11010520300101001X", NULL, FALSE, "11010520300101001X", ZX_ID_FLAG_NONE, NULL },
};

static void
test_resident_id (gconstpointer data)
{
  const IdCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *normalized = NULL;
  ZxIdFlags flags = 0xff;
  gboolean ok;

  ok = zx_validate_resident_id (c->input, c->today, c->allow_legacy, &normalized, &flags,
                                &error);
  check_outcome (ok, error, c->error, c->input);
  if (ok)
    {
      g_assert_cmpstr (normalized, ==, c->normalized);
      g_assert_cmpint (flags, ==, c->flags);
    }
}

static void
test_resident_id_optional_outputs (void)
{
  g_assert_true (zx_validate_resident_id ("11010519491231002X", NULL, FALSE, NULL, NULL, NULL));
  g_assert_false (zx_validate_resident_id ("11010519491231002", NULL, FALSE, NULL, NULL, NULL));
}

typedef struct
{
  const char *id;
  gboolean ok;
  char sex;
  const char *birth;
} IdInfoCase;

static const IdInfoCase info_cases[] = {
  { "11010519491231002X", TRUE, 'F', "1949-12-31" },
  { "11010519491231002x", TRUE, 'F', "1949-12-31" },
  { "440524188001010014", TRUE, 'M', "1880-01-01" },
  { "320106199003070012", TRUE, 'M', "1990-03-07" },
  { "110105200803010026", TRUE, 'F', "2008-03-01" },
  { "110105194912310023", FALSE, 0, NULL },
  { "110105801231001", FALSE, 0, NULL },
  { "", FALSE, 0, NULL },
  { NULL, FALSE, 0, NULL },
};

static void
test_resident_id_info (gconstpointer data)
{
  const IdInfoCase *c = data;
  char sex = '?';
  char birth[11] = "unchanged";

  g_assert_cmpint (zx_resident_id_info (c->id, &sex, birth), ==, c->ok);
  if (c->ok)
    {
      g_assert_cmpint (sex, ==, c->sex);
      g_assert_cmpstr (birth, ==, c->birth);
    }
}

typedef struct
{
  const char *id;
  const char *today;
  int age;
} AgeCase;

static const AgeCase age_cases[] = {
  { "11010519491231002X", "2024-12-30", 74 },
  { "11010519491231002X", "2024-12-31", 75 },
  { "11010519491231002X", "2025-01-01", 75 },
  { "320106199003070012", "1990-03-07", 0 },
  /* Turning 18 is what keeps a person off the public list. */
  { "110105200606120023", "2024-06-11", 17 },
  { "110105200606120023", "2024-06-12", 18 },
  /* Born on 29 February: a year older on 1 March in a common year. */
  { "110105200002290013", "2018-02-28", 17 },
  { "110105200002290013", "2018-03-01", 18 },
  { "110105200002290013", "2020-02-29", 20 },
  { "320106199003070012", "1990-03-06", -1 },
  { "110105194912310023", "2024-01-01", -1 },
  { "320106199003070012", "2024-02-30", -1 },
  { "320106199003070012", "20240101", -1 },
  { "320106199003070012", NULL, -1 },
};

static void
test_resident_id_age (gconstpointer data)
{
  const AgeCase *c = data;

  g_assert_cmpint (zx_resident_id_age (c->id, c->today), ==, c->age);
}

/* ---- credit code and organization code ------------------------------------------------- */

typedef struct
{
  const char *input;
  const char *normalized;
  ZxIdFlags flags;
  const char *error;
} CodeCase;

static const CodeCase uscc_cases[] = {
  { "91350100M000100Y43", "91350100M000100Y43", ZX_ID_FLAG_NONE, NULL },
  { "91110108551385082Q", "91110108551385082Q", ZX_ID_FLAG_NONE, NULL },
  { "91110108551385082q", "91110108551385082Q", ZX_ID_FLAG_NONE, NULL },
  { " 91350100m000100y43 ", "91350100M000100Y43", ZX_ID_FLAG_NONE, NULL },
  /* Right outer check, wrong inner one (should be 7): accepted, flagged. */
  { "91130802MA00000013", "91130802MA00000013", ZX_ID_FLAG_INNER_CHECK, NULL },

  { "91350100M000100Y44", NULL, 0, "credit code check character is 4 but should be 3" },
  { "91110108551385082R", NULL, 0, "check character is R but should be Q" },
  { "9135I100M000100Y43", NULL, 0, "credit code contains “I” at position 5, which is not allowed" },
  { "91350100M0001000Y3", NULL, 0, "check character is 3 but should be L" },
  { "913501o0M000100Y43", NULL, 0, "contains “O” at position 7" },
  { "91350100M000100S43", NULL, 0, "contains “S” at position 16" },
  { "91350100M000100Y4Z", NULL, 0, "contains “Z” at position 18" },
  { "91350100M000100Y4-", NULL, 0, "contains “-” at position 18" },
  { "9135010０M000100Y43", NULL, 0, "contains “０” at position 8" },
  { "91350100M000100Y4", NULL, 0, "credit code has 17 characters; it needs 18" },
  { "91350100M000100Y433", NULL, 0, "credit code has 19 characters; it needs 18" },
  { "", NULL, 0, "credit code is empty" },
  { NULL, NULL, 0, "credit code is empty" },
  { "\xc3\x28", NULL, 0, "credit code is not valid text" },
};

static void
test_uscc (gconstpointer data)
{
  const CodeCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *normalized = NULL;
  ZxIdFlags flags = 0xff;
  gboolean ok;

  ok = zx_validate_uscc (c->input, &normalized, &flags, &error);
  check_outcome (ok, error, c->error, c->input);
  if (ok)
    {
      g_assert_cmpstr (normalized, ==, c->normalized);
      g_assert_cmpint (flags, ==, c->flags);
    }
}

static const CodeCase org_cases[] = {
  /* 619848910 is an entity on the public list (domain notes, section 1). */
  { "619848910", "619848910", 0, NULL },
  { "61984891-0", "619848910", 0, NULL },
  { "D2143569X", "D2143569X", 0, NULL },
  { "d2143569-x", "D2143569X", 0, NULL },
  { "M000100Y4", "M000100Y4", 0, NULL },
  { "123456788", "123456788", 0, NULL },

  { "619848911", NULL, 0, "organization code check character is 1 but should be 0" },
  { "D21435690", NULL, 0, "check character is 0 but should be X" },
  { "12345678A", NULL, 0, "check character is A but should be 8" },
  { "6198489#0", NULL, 0, "contains “#” at position 8" },
  { "619-848910", NULL, 0, "contains “-” at position 4" },
  { "61984891", NULL, 0, "organization code has 8 characters; it needs 9" },
  { "6198489100", NULL, 0, "organization code has 10 characters; it needs 9" },
  { "", NULL, 0, "organization code is empty" },
};

static void
test_org_code (gconstpointer data)
{
  const CodeCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *normalized = NULL;
  gboolean ok;

  ok = zx_validate_org_code (c->input, &normalized, &error);
  check_outcome (ok, error, c->error, c->input);
  if (ok)
    g_assert_cmpstr (normalized, ==, c->normalized);
}

/* ---- dates ----------------------------------------------------------------------------- */

typedef struct
{
  const char *input;
  const char *error;
} DateCase;

static const DateCase date_cases[] = {
  { "2024-02-29", NULL },
  { "2000-02-29", NULL },
  { "1949-10-01", NULL },
  { "2018-12-31", NULL },
  { "2023-02-29", "date 2023-02-29 is not a real date" },
  { "1900-02-29", "is not a real date" },
  { "2024-04-31", "is not a real date" },
  { "2024-13-01", "is not a real date" },
  { "2024-00-10", "is not a real date" },
  { "0000-01-01", "is not a real date" },
  { "2024-2-3", "date “2024-2-3” must be written as YYYY-MM-DD" },
  { "2024/02/03", "must be written as YYYY-MM-DD" },
  { "20240203", "must be written as YYYY-MM-DD" },
  { "2024-02-03 ", "must be written as YYYY-MM-DD" },
  { "2024-02-03T00:00", "must be written as YYYY-MM-DD" },
  { "２０２４-02-03", "must be written as YYYY-MM-DD" },
  { "", "date is empty" },
  { NULL, "date is empty" },
};

static void
test_date (gconstpointer data)
{
  const DateCase *c = data;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = zx_validate_date (c->input, &error);
  check_outcome (ok, error, c->error, c->input);
}

/* ---- money ----------------------------------------------------------------------------- */

typedef struct
{
  const char *input;
  gint64 fen;
  const char *error;
} AmountCase;

static const AmountCase amount_cases[] = {
  { "1234", 123400, NULL },
  { "1234.5", 123450, NULL },
  { "1234.56", 123456, NULL },
  { "1,234.56", 123456, NULL },
  { "1,234,567.89", 123456789, NULL },
  { "¥1234.00", 123400, NULL },
  { "￥1,234", 123400, NULL },
  { "1234元", 123400, NULL },
  { " 12.30\t", 1230, NULL },
  { "0", 0, NULL },
  { "0.01", 1, NULL },
  { "0.1", 10, NULL },
  { "007", 700, NULL },
  { "100,000", 10000000, NULL },
  /* The largest amount in gint64 fen, and just past it. */
  { "92233720368547758.07", G_MAXINT64, NULL },
  { "92,233,720,368,547,758.07", G_MAXINT64, NULL },

  { "92233720368547758.08", 0, "is too large" },
  { "92233720368547759", 0, "is too large" },
  { "99999999999999999999999999", 0, "amount “99999999999999999999999999” is too large" },
  { "-5", 0, "amount must not be negative" },
  { "-0.01", 0, "amount must not be negative" },
  { "¥-5", 0, "amount must not be negative" },
  { "-¥5", 0, "amount must not be negative" },
  { "−5", 0, "amount must not be negative" },
  { "1.234", 0, "amount “1.234” has more than two decimal places" },
  { "0.001", 0, "more than two decimal places" },
  { "1,23", 0, "amount “1,23” has a misplaced thousands separator" },
  { "1234,567", 0, "misplaced thousands separator" },
  { "12,34.5", 0, "misplaced thousands separator" },
  { ",123", 0, "misplaced thousands separator" },
  { "1,,234", 0, "misplaced thousands separator" },
  { "1.", 0, "needs digits on both sides of the decimal point" },
  { ".5", 0, "needs digits on both sides of the decimal point" },
  { "1.2.3", 0, "amount “1.2.3” contains “.”, which is not a digit" },
  { "1.2,3", 0, "contains “,”" },
  { "12a", 0, "amount “12a” contains “a”, which is not a digit" },
  { "1 234", 0, "contains “ ”" },
  { "+5", 0, "contains “+”" },
  { "1e3", 0, "contains “e”" },
  { "１２３", 0, "contains “１”" },
  { "abc", 0, "contains “a”" },
  { "¥", 0, "amount “¥” has no digits" },
  { "元", 0, "has no digits" },
  { "", 0, "amount is empty" },
  { "  ", 0, "amount is empty" },
  { NULL, 0, "amount is empty" },
  { "\xe4\xb8", 0, "amount is not valid text" },
};

static void
test_amount (gconstpointer data)
{
  const AmountCase *c = data;
  g_autoptr (GError) error = NULL;
  gint64 fen = -1;
  gboolean ok;

  ok = zx_parse_amount_fen (c->input, &fen, &error);
  check_outcome (ok, error, c->error, c->input);
  if (ok)
    g_assert_cmpint (fen, ==, c->fen);
  else
    g_assert_cmpint (fen, ==, -1);
}

typedef struct
{
  gint64 fen;
  const char *text;
} FenCase;

static const FenCase fen_cases[] = {
  { 123450, "1234.50" },
  { 0, "0.00" },
  { 5, "0.05" },
  { 10, "0.10" },
  { 100, "1.00" },
  { 123456789, "1234567.89" },
  { -150, "-1.50" },
  { G_MAXINT64, "92233720368547758.07" },
  { G_MININT64, "-92233720368547758.08" },
};

static void
test_format_fen (gconstpointer data)
{
  const FenCase *c = data;
  g_autofree char *text = zx_format_fen (c->fen);
  g_autoptr (GError) error = NULL;
  gint64 back = -1;

  g_assert_cmpstr (text, ==, c->text);
  /* What we print, we read back (negative amounts are refused by design). */
  if (c->fen >= 0)
    {
      g_assert_true (zx_parse_amount_fen (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, c->fen);
    }
}

static void
test_fen_round_trip (void)
{
  /* Every fen value below 1000 yuan, then a spread of larger ones. */
  for (gint64 fen = 0; fen < 100000; fen++)
    {
      g_autofree char *text = zx_format_fen (fen);
      gint64 back = -1;

      g_assert_true (zx_parse_amount_fen (text, &back, NULL));
      g_assert_cmpint (back, ==, fen);
    }
  for (gint64 fen = 1; fen > 0 && fen < G_MAXINT64 / 7; fen = fen * 7 + 3)
    {
      g_autofree char *text = zx_format_fen (fen);
      gint64 back = -1;

      g_assert_true (zx_parse_amount_fen (text, &back, NULL));
      g_assert_cmpint (back, ==, fen);
    }
}

/* A 10 KB field (a pasted document, a fuzzer) gets a reason, not a crash or a silent pass. */
static void
test_huge_inputs (void)
{
  g_autofree char *digits = g_strnfill (10240, '9');
  g_autofree char *han = NULL;
  GString *s = g_string_new (NULL);
  const char *inputs[2];

  for (int i = 0; i < 3414; i++)
    g_string_append (s, "执");
  han = g_string_free (s, FALSE);
  inputs[0] = digits;
  inputs[1] = han;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, e5 = NULL, e6 = NULL;
      gint64 fen = 0;

      g_assert_false (zx_validate_resident_id (inputs[i], "2026-11-28", TRUE, NULL, NULL, &e1));
      g_assert_error (e1, ZX_ERROR, ZX_ERROR_INVALID);
      g_assert_false (zx_validate_uscc (inputs[i], NULL, NULL, &e2));
      g_assert_error (e2, ZX_ERROR, ZX_ERROR_INVALID);
      g_assert_false (zx_validate_org_code (inputs[i], NULL, &e3));
      g_assert_error (e3, ZX_ERROR, ZX_ERROR_INVALID);
      g_assert_false (zx_validate_date (inputs[i], &e4));
      g_assert_error (e4, ZX_ERROR, ZX_ERROR_INVALID);
      g_assert_false (zx_parse_amount_fen (inputs[i], &fen, &e5));
      g_assert_error (e5, ZX_ERROR, ZX_ERROR_INVALID);
      {
        ZxCaseNo no = { 0 };
        g_assert_false (zx_case_no_parse (inputs[i], &no, &e6));
        g_assert_error (e6, ZX_ERROR, ZX_ERROR_INVALID);
      }
      if (i == 0)
        g_assert_nonnull (strstr (e1->message, "10240"));
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD_TABLE ("/domain/validate/resident-id", id_cases, test_resident_id);
  g_test_add_func ("/domain/validate/resident-id/optional-outputs",
                   test_resident_id_optional_outputs);
  ADD_TABLE ("/domain/validate/resident-id-info", info_cases, test_resident_id_info);
  ADD_TABLE ("/domain/validate/resident-id-age", age_cases, test_resident_id_age);
  ADD_TABLE ("/domain/validate/uscc", uscc_cases, test_uscc);
  ADD_TABLE ("/domain/validate/org-code", org_cases, test_org_code);
  ADD_TABLE ("/domain/validate/date", date_cases, test_date);
  ADD_TABLE ("/domain/validate/amount", amount_cases, test_amount);
  ADD_TABLE ("/domain/validate/format-fen", fen_cases, test_format_fen);
  g_test_add_func ("/domain/validate/fen-round-trip", test_fen_round_trip);
  g_test_add_func ("/domain/validate/huge-inputs", test_huge_inputs);

  return g_test_run ();
}
