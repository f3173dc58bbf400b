/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "io/zx-csv.h"

/* Reads everything, errors included (the reader resumes after them), into one string:
 * each record as "LINE<field><field>…\n", each error as "E message\n". */
static char *
dump (const char *data, gsize length)
{
  g_autoptr (ZxCsvReader) reader = zx_csv_reader_new (data, length);
  GString *out = g_string_new (NULL);

  for (;;)
    {
      g_autoptr (GPtrArray) fields = NULL;
      g_autoptr (GError) error = NULL;
      guint line = 0;

      if (!zx_csv_reader_next (reader, &fields, &line, &error))
        {
          if (error == NULL)
            break;
          g_assert_true (g_error_matches (error, ZX_ERROR, ZX_ERROR_INVALID));
          g_assert_null (fields);
          g_string_append_printf (out, "E %s\n", error->message);
          continue;
        }
      g_string_append_printf (out, "%u", line);
      for (guint i = 0; i < fields->len; i++)
        g_string_append_printf (out, "<%s>", (char *) g_ptr_array_index (fields, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *input;
  gssize      length;    /* -1: strlen */
  const char *expected;  /* dump (); an error line matches a message that starts with it */
} ReadCase;

static const ReadCase read_cases[] = {
  { "empty", "", -1, "" },
  { "bom only", "\xEF\xBB\xBF", -1, "" },
  { "one field no newline", "a", -1, "1<a>\n" },
  { "lf", "a,b\nc,d\n", -1, "1<a><b>\n2<c><d>\n" },
  { "crlf", "a,b\r\nc,d\r\n", -1, "1<a><b>\n2<c><d>\n" },
  { "lone cr", "a\rb\r", -1, "1<a>\n2<b>\n" },
  { "last record without newline", "a,b\r\nc,d", -1, "1<a><b>\n2<c><d>\n" },
  { "bom stripped", "\xEF\xBB\xBF" "案号,x\r\n1,2\r\n", -1, "1<案号><x>\n2<1><2>\n" },
  { "bom only at start", "a\n\xEF\xBB\xBF" "b\n", -1, "1<a>\n2<\xEF\xBB\xBF" "b>\n" },
  { "empty fields", ",,\n,\n", -1, "1<><><>\n2<><>\n" },
  { "blank line", "a\n\nb\n", -1, "1<a>\n2<>\n3<b>\n" },
  { "quoted", "\"a,b\",\"c\"\n", -1, "1<a,b><c>\n" },
  { "escaped quotes", "\"say \"\"hi\"\"\",\"\"\"\"\n", -1, "1<say \"hi\"><\">\n" },
  { "empty quoted", "\"\",x\n", -1, "1<><x>\n" },
  { "embedded lf", "\"a\nb\",c\nd\n", -1, "1<a\nb><c>\n3<d>\n" },
  { "embedded crlf", "\"a\r\nb\r\nc\",d\r\ne\r\n", -1, "1<a\r\nb\r\nc><d>\n4<e>\n" },
  { "embedded cr", "\"a\rb\"\nc\n", -1, "1<a\rb>\n3<c>\n" },
  { "quoted last field no newline", "a,\"b\nc\"", -1, "1<a><b\nc>\n" },
  { "spaces kept", " a , b \n", -1, "1< a >< b >\n" },
  { "utf8", "张三,（2018）冀0802执123号\n", -1, "1<张三><（2018）冀0802执123号>\n" },
  { "unterminated quote", "a\nb,\"c\nd\ne\n", -1,
    "1<a>\nE 2:2: the quote opened here is never closed\n" },
  { "unterminated at eof", "\"", -1, "E 1:1: the quote opened here is never closed\n" },
  { "stray quote", "a,b\"c,d\ne\n", -1, "E 1:2:\n2<e>\n" },
  { "text after closing quote", "\"a\"b,c\nd\n", -1, "E 1:1:\n2<d>\n" },
  { "invalid utf8", "ok\nx,\xC3\x28\ny\n", -1, "1<ok>\nE 2:2:\n3<y>\n" },
  { "invalid utf8 on an embedded line", "a,\"1\n2\n\xFF\"\nz\n", -1, "E 3:2:\n4<z>\n" },
  { "nul byte", "a\0b\nc\n", 6, "E 1:1:\n2<c>\n" },
};

/* Like strcmp () == 0, except that an expected "E …" line only has to start the line got. */
static gboolean
dump_matches (const char *got, const char *expected)
{
  g_auto (GStrv) got_lines = g_strsplit (got, "\n", -1);
  g_auto (GStrv) want_lines = g_strsplit (expected, "\n", -1);

  if (g_strv_length (got_lines) != g_strv_length (want_lines))
    return FALSE;
  for (guint i = 0; want_lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (want_lines[i], "E "))
        {
          if (!g_str_has_prefix (got_lines[i], want_lines[i]))
            return FALSE;
        }
      else if (g_strcmp0 (got_lines[i], want_lines[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
test_read (gconstpointer data)
{
  const ReadCase *c = data;
  gsize length = c->length >= 0 ? (gsize) c->length : strlen (c->input);
  g_autofree char *got = dump (c->input, length);

  if (!dump_matches (got, c->expected))
    g_error ("%s: got\n%s\nexpected\n%s", c->name, got, c->expected);
}

static void
test_line_numbers (void)
{
  const char *input = "h1,h2\r\n\"multi\r\nline\r\nnote\",x\r\nnext,y\r\n";
  g_autoptr (ZxCsvReader) reader = zx_csv_reader_new (input, strlen (input));
  guint lines[3] = { 0 };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (GPtrArray) fields = NULL;
      g_autoptr (GError) error = NULL;

      g_assert_true (zx_csv_reader_next (reader, &fields, &lines[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (lines[0], ==, 1);
  g_assert_cmpuint (lines[1], ==, 2);
  g_assert_cmpuint (lines[2], ==, 5);
}

typedef struct
{
  const char *fields[4];
  guint       n;
  const char *expected;
} WriteCase;

static const WriteCase write_cases[] = {
  { { "a", "b" }, 2, "a,b\r\n" },
  { { "", NULL, "" }, 3, ",,\r\n" },
  { { "a,b" }, 1, "\"a,b\"\r\n" },
  { { "say \"hi\"" }, 1, "\"say \"\"hi\"\"\"\r\n" },
  { { "l1\nl2", "c\rd", "e\r\nf" }, 3, "\"l1\nl2\",\"c\rd\",\"e\r\nf\"\r\n" },
  { { " lead", "trail ", "\ttab", "in side" }, 4, "\" lead\",\"trail \",\"\ttab\",in side\r\n" },
  { { "张三;李四", "1234.50" }, 2, "张三;李四,1234.50\r\n" },
};

static void
test_write (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (write_cases); i++)
    {
      const WriteCase *c = &write_cases[i];
      g_autoptr (GString) out = g_string_new (NULL);

      zx_csv_append_row (out, c->fields, c->n);
      g_assert_cmpstr (out->str, ==, c->expected);
    }
}

/* Whatever append_row writes, the reader gives back. */
static void
test_write_read_round_trip (void)
{
  const char *const fields[] = { "", " x ", "a\"b", "\"", "\r\n", "\n\n", ",", "纯文本", "end" };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (ZxCsvReader) reader = NULL;
  g_autoptr (GPtrArray) got = NULL;
  g_autoptr (GError) error = NULL;
  guint line = 0;

  zx_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  zx_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  reader = zx_csv_reader_new (out->str, out->len);
  for (guint round = 0; round < 2; round++)
    {
      g_clear_pointer (&got, g_ptr_array_unref);
      g_assert_true (zx_csv_reader_next (reader, &got, &line, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (got->len, ==, G_N_ELEMENTS (fields));
      for (guint i = 0; i < got->len; i++)
        g_assert_cmpstr (g_ptr_array_index (got, i), ==, fields[i]);
    }
  g_assert_cmpuint (line, ==, 5);
  g_clear_pointer (&got, g_ptr_array_unref);
  g_assert_false (zx_csv_reader_next (reader, &got, &line, &error));
  g_assert_no_error (error);
}

/* Random bytes from a nasty alphabet: the reader always ends, and never reads out of bounds
 * (run under ASan). Every call either consumes input or reports the end. */
static void
test_random_bytes (void)
{
  static const char alphabet[] = { 'a', ',', '"', '\r', '\n', ' ', '\xC3', '\xA9', '\xFF', '\0' };

  for (guint round = 0; round < 3000; round++)
    {
      gsize length = (gsize) g_test_rand_int_range (0, 64);
      g_autofree char *data = g_malloc (length + 1);
      g_autoptr (ZxCsvReader) reader = NULL;
      guint calls = 0;

      for (gsize i = 0; i < length; i++)
        data[i] = alphabet[g_test_rand_int_range (0, G_N_ELEMENTS (alphabet))];
      reader = zx_csv_reader_new (data, length);
      for (;;)
        {
          g_autoptr (GPtrArray) fields = NULL;
          g_autoptr (GError) error = NULL;
          guint line = 0;

          if (!zx_csv_reader_next (reader, &fields, &line, &error) && error == NULL)
            break;
          g_assert_cmpuint (++calls, <=, length + 1);
        }
    }
}

/* Random fields written then read give the same fields back. */
static void
test_random_round_trip (void)
{
  static const char *const pieces[] = { "a", "张", ",", "\"", "\r", "\n", "\r\n", " ", "\t", "" };

  for (guint round = 0; round < 2000; round++)
    {
      guint n = (guint) g_test_rand_int_range (1, 6);
      g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (ZxCsvReader) reader = NULL;
      g_autoptr (GPtrArray) got = NULL;
      g_autoptr (GError) error = NULL;

      for (guint i = 0; i < n; i++)
        {
          GString *field = g_string_new (NULL);
          guint len = (guint) g_test_rand_int_range (0, 6);

          for (guint j = 0; j < len; j++)
            g_string_append (field, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
          g_ptr_array_add (fields, g_string_free (field, FALSE));
        }
      /* one empty field alone is a blank line, which reads back the same */
      zx_csv_append_row (out, (const char *const *) fields->pdata, fields->len);
      reader = zx_csv_reader_new (out->str, out->len);
      g_assert_true (zx_csv_reader_next (reader, &got, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (got->len, ==, fields->len);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (fields, i));
      g_clear_pointer (&got, g_ptr_array_unref);
      g_assert_false (zx_csv_reader_next (reader, &got, NULL, &error));
      g_assert_no_error (error);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (read_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/read/%s", read_cases[i].name);
      g_test_add_data_func (path, &read_cases[i], test_read);
    }
  g_test_add_func ("/csv/read/line numbers", test_line_numbers);
  g_test_add_func ("/csv/write", test_write);
  g_test_add_func ("/csv/write-read", test_write_read_round_trip);
  g_test_add_func ("/csv/random/bytes", test_random_bytes);
  g_test_add_func ("/csv/random/write-read", test_random_round_trip);
  return g_test_run ();
}
