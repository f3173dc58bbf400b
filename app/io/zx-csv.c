/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zx-csv.h"

/* RFC 4180 reader over a buffer that the caller keeps alive.
 *
 * Lines: CRLF, LF and a lone CR each end a physical line, inside quotes too, so LINE always
 * matches what a text editor shows. Errors are "line:column: message" where column is the
 * 1-based field number, as a spreadsheet counts columns. After an error the reader resumes at
 * the next physical line (an unterminated quote has no next line: it ends the input), so a caller
 * can keep reading to collect every problem of a file. */
struct _ZxCsvReader
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;   /* physical line at POS */
};

ZxCsvReader *
zx_csv_reader_new (const char *data, gsize length)
{
  ZxCsvReader *self = g_new0 (ZxCsvReader, 1);

  self->data = data;
  self->length = data != NULL ? length : 0;
  self->line = 1;
  if (self->length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
  return self;
}

void
zx_csv_reader_free (ZxCsvReader *reader)
{
  g_free (reader);
}

/* The "line:column: " prefix stays out of the translated text, like a compiler's. */
static void
set_error (GError **error, guint line, guint column, const char *message)
{
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, "%u:%u: %s", line, column, message);
}

static gboolean
at_end (ZxCsvReader *self)
{
  return self->pos >= self->length;
}

static char
peek (ZxCsvReader *self)
{
  return at_end (self) ? '\0' : self->data[self->pos];
}

static gboolean
is_newline (char c)
{
  return c == '\r' || c == '\n';
}

/* Consumes one line break (CRLF, LF or CR) at POS, appending it to FIELD if not NULL. */
static void
take_newline (ZxCsvReader *self, GString *field)
{
  if (field != NULL)
    g_string_append_c (field, self->data[self->pos]);
  if (self->data[self->pos] == '\r' && self->pos + 1 < self->length
      && self->data[self->pos + 1] == '\n')
    {
      self->pos++;
      if (field != NULL)
        g_string_append_c (field, '\n');
    }
  self->pos++;
  self->line++;
}

static void
skip_rest_of_line (ZxCsvReader *self)
{
  while (!at_end (self) && !is_newline (peek (self)))
    self->pos++;
  if (!at_end (self))
    take_newline (self, NULL);
}

/* Reads a quoted field; POS is on the opening quote. */
static gboolean
read_quoted (ZxCsvReader *self, GString *field, guint column, GError **error)
{
  guint open_line = self->line;

  self->pos++;
  for (;;)
    {
      char c;

      if (at_end (self))
        {
          set_error (error, open_line, column, _("the quote opened here is never closed"));
          return FALSE;
        }
      c = peek (self);
      if (is_newline (c))
        {
          take_newline (self, field);
          continue;
        }
      self->pos++;
      if (c != '"')
        {
          g_string_append_c (field, c);
          continue;
        }
      if (peek (self) != '"')
        break;
      g_string_append_c (field, '"');
      self->pos++;
    }

  if (!at_end (self) && peek (self) != ',' && !is_newline (peek (self)))
    {
      set_error (error, self->line, column,
                 _("unexpected text after a closing quote (write a quote inside a quoted field "
                   "as \"\")"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_plain (ZxCsvReader *self, GString *field, guint column, GError **error)
{
  while (!at_end (self))
    {
      char c = peek (self);

      if (c == ',' || is_newline (c))
        break;
      if (c == '"')
        {
          set_error (error, self->line, column,
                     _("a quote inside a field that does not start with a quote (quote the "
                       "whole field and double the quote)"));
          return FALSE;
        }
      g_string_append_c (field, c);
      self->pos++;
    }
  return TRUE;
}

/* Checks that the record's fields are UTF-8; names the physical line of the first bad byte. */
static gboolean
check_utf8 (GPtrArray *fields, guint start_line, GError **error)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);
      const char *bad = NULL;
      guint line = start_line;

      if (g_utf8_validate (field, -1, &bad))
        continue;
      for (const char *p = field; p < bad; p++)
        if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
          line++;
      set_error (error, line, i + 1, _("the text is not valid UTF-8 (save the file as UTF-8)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_record (ZxCsvReader *self, GPtrArray *fields, GError **error)
{
  for (;;)
    {
      g_autoptr (GString) field = g_string_new (NULL);
      guint column = fields->len + 1;
      gboolean ok;

      if (peek (self) == '"')
        ok = read_quoted (self, field, column, error);
      else
        ok = read_plain (self, field, column, error);
      if (!ok)
        return FALSE;
      if (memchr (field->str, '\0', field->len) != NULL)
        {
          set_error (error, self->line, column,
                     _("the field contains a NUL byte (is this a text file?)"));
          return FALSE;
        }
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (peek (self) != ',')
        break;
      self->pos++;
    }
  if (!at_end (self))
    take_newline (self, NULL);
  return TRUE;
}

gboolean
zx_csv_reader_next (ZxCsvReader *reader, GPtrArray **out_fields, guint *out_line,
                    GError **error)
{
  g_autoptr (GPtrArray) fields = NULL;
  guint start_line;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (out_fields != NULL, FALSE);

  *out_fields = NULL;
  if (at_end (reader))
    return FALSE;

  start_line = reader->line;
  if (out_line != NULL)
    *out_line = start_line;
  fields = g_ptr_array_new_with_free_func (g_free);
  if (!read_record (reader, fields, error))
    {
      skip_rest_of_line (reader);
      return FALSE;
    }
  if (!check_utf8 (fields, start_line, error))
    return FALSE;

  *out_fields = g_steal_pointer (&fields);
  return TRUE;
}

static gboolean
needs_quotes (const char *field)
{
  gsize len = strlen (field);

  if (len == 0)
    return FALSE;
  if (field[0] == ' ' || field[0] == '\t' || field[len - 1] == ' ' || field[len - 1] == '\t')
    return TRUE;
  return strpbrk (field, ",\"\r\n") != NULL;
}

void
zx_csv_append_row (GString *out, const char *const *fields, guint n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
