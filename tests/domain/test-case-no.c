/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "domain/zx-case-no.h"

typedef struct
{
  const char *input;
  /* Expected parts when accepted (ERROR NULL). */
  int year;
  const char *court;
  const char *type;
  gint64 seq;
  gboolean legacy;
  const char *normalized;
  /* Expected message substring when refused. */
  const char *error;
} CaseNoCase;

#define OK(in, y, court, type, seq, norm) { in, y, court, type, seq, FALSE, norm, NULL }
#define LEGACY(in, y, court, type, seq, norm) { in, y, court, type, seq, TRUE, norm, NULL }
#define BAD(in, err) { in, 0, NULL, NULL, 0, FALSE, NULL, err }

static const CaseNoCase cases[] = {
  OK ("（2018）冀0802执123号", 2018, "冀0802", "执", 123, "（2018）冀0802执123号"),
  /* Half-width and mixed brackets, as on the public site; normalized to full width. */
  OK ("(2018)冀0802执123号", 2018, "冀0802", "执", 123, "（2018）冀0802执123号"),
  OK ("（2018)冀0802执恢12号", 2018, "冀0802", "执恢", 12, "（2018）冀0802执恢12号"),
  OK ("(2019)皖1122执1194号", 2019, "皖1122", "执", 1194, "（2019）皖1122执1194号"),
  OK ("（2025）粤0605执10286号", 2025, "粤0605", "执", 10286, "（2025）粤0605执10286号"),
  /* Every type code, longest first: 执恢 must not stop at 执. */
  OK ("（2020）粤07执保3号", 2020, "粤07", "执保", 3, "（2020）粤07执保3号"),
  OK ("（2020）粤0703执异4号", 2020, "粤0703", "执异", 4, "（2020）粤0703执异4号"),
  OK ("（2020）京执复5号", 2020, "京", "执复", 5, "（2020）京执复5号"),
  OK ("(2021)最高法执监344号", 2021, "最高法", "执监", 344, "（2021）最高法执监344号"),
  OK ("（2020）沪执协6号", 2020, "沪", "执协", 6, "（2020）沪执协6号"),
  OK ("（2020）新01执他7号", 2020, "新01", "执他", 7, "（2020）新01执他7号"),
  OK ("（2018）冀0802司救执1号", 2018, "冀0802", "司救执", 1, "（2018）冀0802司救执1号"),
  /* Inner Mongolia is 内 and Guizhou 黔; 兵 for the XPCC, 军 for the PLA courts. */
  OK ("（2019）内0102执8号", 2019, "内0102", "执", 8, "（2019）内0102执8号"),
  OK ("（2019）黔01执9号", 2019, "黔01", "执", 9, "（2019）黔01执9号"),
  OK ("（2019）兵0101执10号", 2019, "兵0101", "执", 10, "（2019）兵0101执10号"),
  OK ("（2019）军执11号", 2019, "军", "执", 11, "（2019）军执11号"),
  /* A special court with reserved digits (72: maritime) is an ordinary court code here. */
  OK ("（2019）粤72执12号", 2019, "粤72", "执", 12, "（2019）粤72执12号"),
  /* Pasted with spaces. */
  OK ("  （2018） 冀0802 执 123号\u3000", 2018, "冀0802", "执", 123, "（2018）冀0802执123号"),
  OK ("（1990）京01执1号", 1990, "京01", "执", 1, "（1990）京01执1号"),
  OK ("（2100）京01执999999999号", 2100, "京01", "执", 999999999, "（2100）京01执999999999号"),

  LEGACY ("(2014)广法执字第00232号", 2014, "广法", "执", 232, "(2014)广法执字第00232号"),
  LEGACY ("（2014）双执字第232号", 2014, "双", "执", 232, "（2014）双执字第232号"),
  LEGACY (" (2015)深中法执恢字第12号 ", 2015, "深中法", "执恢", 12, "(2015)深中法执恢字第12号"),
  LEGACY ("(2013)X法执请字第5号", 2013, "X法", "执请", 5, "(2013)X法执请字第5号"),
  LEGACY ("(2014)X法执字00232号", 2014, "X法", "执", 232, "(2014)X法执字00232号"),
  LEGACY ("(2012)京二中执异字第3号", 2012, "京二中", "执异", 3, "(2012)京二中执异字第3号"),

  BAD ("", "case number is empty"),
  BAD ("  \u3000", "case number is empty"),
  BAD (NULL, "case number is empty"),
  BAD ("\xe4\xb8", "case number is not valid text"),
  BAD ("2018冀0802执123号", "must start with the year in brackets"),
  BAD ("[2018]冀0802执123号", "must start with the year in brackets"),
  BAD ("（18）冀0802执123号", "year must be 4 digits"),
  BAD ("（20180）冀0802执123号", "year must be 4 digits"),
  BAD ("（2018冀0802执123号", "year must be closed with a bracket"),
  BAD ("（1899）冀0802执123号", "year 1899 out of range"),
  BAD ("（1989）冀0802执123号", "year 1989 out of range"),
  BAD ("（2101）冀0802执123号", "year 2101 out of range"),
  BAD ("（2018）", "case number has nothing after the year"),
  BAD ("（2018）港0802执123号", "province abbreviation such as 冀, or be 最高法; “港” is not one"),
  BAD ("（2018）0802执123号", "“0” is not one"),
  BAD ("（2018）最高执123号", "“最” is not one"),
  BAD ("（2018）冀080执123号", "court code 冀080 needs 2 digits (intermediate court) or 4"),
  BAD ("（2018）冀08021执123号", "court code 冀08021 needs 2 digits"),
  BAD ("（2018）冀0执123号", "court code 冀0 needs 2 digits"),
  BAD ("（2018）冀0802123号", "no type code (such as 执) between the court code and the"),
  BAD ("（2018）最高法123号", "no type code (such as 执) after the court code 最高法"),
  BAD ("（2018）冀0802执x123号", "unknown case type code “执x”"),
  BAD ("（2018）冀0802民初123号", "unknown case type code “民初”"),
  BAD ("（2018）冀0802执请123号", "unknown case type code “执请”"),
  BAD ("（2018）冀0802知执123号", "unknown case type code “知执”"),
  BAD ("（2018）冀0802执号", "case number has no sequence number"),
  BAD ("（2018）冀0802执", "case number has no sequence number"),
  BAD ("（2018）冀0802执123", "case number must end with 号"),
  BAD ("（2018）冀0802执12a号", "has “a” after the sequence number; expected 号"),
  BAD ("（2018）冀0802执123号之一", "extra text “之一” after 号"),
  BAD ("（2018）冀0802执0123号", "sequence number 0123 must not start with 0"),
  BAD ("（2018）冀0802执0号", "sequence number must be at least 1"),
  BAD ("（2018）冀0802执1234567890号", "sequence number 1234567890 is too large"),
  /* 字 and 第 belong to numbers from before 2016 only. */
  BAD ("（2018）冀0802执第123号", "has 字 or 第, which numbers from 2016 on do not have"),
  BAD ("（2016）冀0802执字第123号", "has 字 or 第"),
  BAD ("(2014)字第5号", "has no court code followed by a type code"),
  BAD ("(2014)广法民字第5号", "has no court code followed by a type code"),
  BAD ("(2014)执字第5号", "has no court code followed by a type code"),
  BAD ("(2014)广法执字第00000号", "sequence number must be at least 1"),
  BAD ("(2014)广法执字第232", "case number must end with 号"),
};

static void
test_parse (gconstpointer data)
{
  const CaseNoCase *c = data;
  g_autoptr (GError) error = NULL;
  ZxCaseNo no = { 0 };
  gboolean ok;

  ok = zx_case_no_parse (c->input, &no, &error);
  if (c->error != NULL)
    {
      g_assert_false (ok);
      g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
      if (strstr (error->message, c->error) == NULL)
        g_error ("“%s”: message “%s” lacks “%s”", c->input, error->message, c->error);
      g_assert_null (no.court_code);
      return;
    }

  if (!ok)
    g_test_message ("“%s”: %s", c->input, error->message);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (no.year, ==, c->year);
  g_assert_cmpstr (no.court_code, ==, c->court);
  g_assert_cmpstr (no.type_code, ==, c->type);
  g_assert_cmpint (no.seq, ==, c->seq);
  g_assert_cmpint (no.legacy, ==, c->legacy);
  g_assert_cmpstr (no.normalized, ==, c->normalized);

  zx_case_no_clear (&no);
  g_assert_null (no.court_code);
  g_assert_null (no.type_code);
  g_assert_null (no.normalized);
  zx_case_no_clear (&no);
}

/* What zx_case_no_format builds parses back to the same parts, for every type code. */
static void
test_format_round_trip (void)
{
  const char *const *types = zx_case_no_type_codes ();
  const char *const courts[] = { "冀0802", "粤07", "京", "最高法" };

  for (int t = 0; types[t] != NULL; t++)
    for (guint k = 0; k < G_N_ELEMENTS (courts); k++)
      {
        g_autofree char *text = zx_case_no_format (2018 + t, courts[k], types[t], 1 + 37 * t);
        g_autoptr (GError) error = NULL;
        ZxCaseNo no = { 0 };

        g_assert_true (zx_case_no_parse (text, &no, &error));
        g_assert_no_error (error);
        g_assert_cmpint (no.year, ==, 2018 + t);
        g_assert_cmpstr (no.court_code, ==, courts[k]);
        g_assert_cmpstr (no.type_code, ==, types[t]);
        g_assert_cmpint (no.seq, ==, 1 + 37 * t);
        g_assert_false (no.legacy);
        g_assert_cmpstr (no.normalized, ==, text);
        zx_case_no_clear (&no);
      }
}

static void
test_format (void)
{
  g_autofree char *text = zx_case_no_format (2018, "冀0802", "执", 123);

  g_assert_cmpstr (text, ==, "（2018）冀0802执123号");
}

static void
test_type_codes (void)
{
  const char *const expected[] = {
    "司救执", "执恢", "执保", "执异", "执复", "执监", "执协", "执他", "执", NULL,
  };
  const char *const *codes = zx_case_no_type_codes ();
  int i;

  for (i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (codes[i], ==, expected[i]);
  g_assert_null (codes[i]);

  /* Longest first, so that matching by prefix would still be right. */
  for (i = 1; codes[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (codes[i - 1], -1), >=, g_utf8_strlen (codes[i], -1));
}

static void
test_parse_without_error (void)
{
  ZxCaseNo no = { 0 };

  g_assert_false (zx_case_no_parse ("（2018）冀0802执0123号", &no, NULL));
  g_assert_true (zx_case_no_parse ("（2018）冀0802执123号", &no, NULL));
  zx_case_no_clear (&no);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/domain/case-no/parse/%02u", i);

      g_test_add_data_func (path, &cases[i], test_parse);
    }
  g_test_add_func ("/domain/case-no/format", test_format);
  g_test_add_func ("/domain/case-no/format-round-trip", test_format_round_trip);
  g_test_add_func ("/domain/case-no/type-codes", test_type_codes);
  g_test_add_func ("/domain/case-no/parse-without-error", test_parse_without_error);

  return g_test_run ();
}
