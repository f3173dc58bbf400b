/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-domain"

#include "config.h"

#include "zx-case-no.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define YEAR_MIN 1990
#define YEAR_MAX 2100
/* The 2016 rules (法〔2015〕137号) dropped 字 and 第; older numbers keep them. */
#define YEAR_FIRST_MODERN 2016
/* Numbers restart every year per court and type; nine digits is far beyond any court. */
#define SEQ_MAX_DIGITS 9

/* Longest first, so that a prefix match can never stop at 执 inside 执恢. */
static const char *const type_codes[] = {
  "司救执", "执恢", "执保", "执异", "执复", "执监", "执协", "执他", "执", NULL,
};

/* Pre-2016 numbers also used 执请 (requests for instructions); read-only, so accept it there. */
static const char *const legacy_extra_type_codes[] = { "执请", NULL };

/* High-court codes (法院代字): the 31 provinces as the case-number standard abbreviates them
 * (Inner Mongolia 内, Guizhou 黔), the PLA courts 军 and the XPCC courts 兵. */
static const char *const court_prefixes[] = {
  "京", "津", "冀", "晋", "内", "辽", "吉", "黑", "沪", "苏", "浙", "皖",
  "闽", "赣", "鲁", "豫", "鄂", "湘", "粤", "桂", "琼", "渝", "川", "黔",
  "云", "藏", "陕", "甘", "青", "宁", "新", "军", "兵", NULL,
};

#define SUPREME_COURT "最高法"

const char *const *
zx_case_no_type_codes (void)
{
  return type_codes;
}

void
zx_case_no_clear (ZxCaseNo *no)
{
  if (no == NULL)
    return;

  g_clear_pointer (&no->court_code, g_free);
  g_clear_pointer (&no->type_code, g_free);
  g_clear_pointer (&no->normalized, g_free);
}

char *
zx_case_no_format (int year, const char *court_code, const char *type_code, gint64 seq)
{
  g_return_val_if_fail (court_code != NULL && type_code != NULL, NULL);
  g_return_val_if_fail (seq > 0, NULL);

  return g_strdup_printf ("（%d）%s%s%" G_GINT64_FORMAT "号", year, court_code, type_code, seq);
}

/* ---- scanning helpers ------------------------------------------------------------------ */

static gboolean
is_space_char (gunichar c)
{
  /* Pasted numbers often carry an ideographic space (U+3000). */
  return g_unichar_isspace (c) || c == 0x3000;
}

static char *
strip_copy (const char *value)
{
  const char *start = value;
  const char *end = value + strlen (value);

  while (*start != '\0' && is_space_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && is_space_char (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  return g_strndup (start, end - start);
}

/* A copy without any white space: clerks type （2018）冀0802 执 123号, and the normalized
 * form is rebuilt from the parts anyway. */
static char *
compact_copy (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_space_char (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);

  return g_string_free (out, FALSE);
}

/* Advances *P past any of ALTERNATIVES (NULL-terminated); returns the one matched or NULL. */
static const char *
eat_any (const char **p, const char *const *alternatives)
{
  for (int i = 0; alternatives[i] != NULL; i++)
    {
      if (g_str_has_prefix (*p, alternatives[i]))
        {
          *p += strlen (alternatives[i]);
          return alternatives[i];
        }
    }

  return NULL;
}

static gboolean
eat (const char **p, const char *token)
{
  const char *one[] = { token, NULL };

  return eat_any (p, one) != NULL;
}

static size_t
count_digits (const char *p)
{
  size_t n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;

  return n;
}

static gboolean
is_type_code (const char *s, const char *const *codes)
{
  for (int i = 0; codes[i] != NULL; i++)
    if (strcmp (s, codes[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Sets ZX_ERROR_INVALID and returns FALSE, so that a check reads "return fail (…)". */
static gboolean
fail (GError **error, const char *format, ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  g_return_val_if_fail (*error == NULL, FALSE);

  va_start (args, format);
  *error = g_error_new_valist (ZX_ERROR, ZX_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

/* ---- the parts ------------------------------------------------------------------------- */

/* （2018） or (2018), brackets of either width and even mixed, as typed in practice. */
static gboolean
parse_year (const char **p, int *out_year, GError **error)
{
  static const char *const open[] = { "（", "(", NULL };
  static const char *const close[] = { "）", ")", NULL };
  size_t n;
  int year;

  if (eat_any (p, open) == NULL)
    return fail (error, _("case number must start with the year in brackets, like （2018）"));

  n = count_digits (*p);
  if (n != 4)
    return fail (error, _("case number year must be 4 digits in brackets, like （2018）"));
  year = (int) g_ascii_strtoll (*p, NULL, 10);
  *p += n;

  if (eat_any (p, close) == NULL)
    return fail (error, _("case number year must be closed with a bracket, like （2018）"));
  if (year < YEAR_MIN || year > YEAR_MAX)
    return fail (error, _("year %d out of range %d–%d"), year, YEAR_MIN, YEAR_MAX);

  *out_year = year;
  return TRUE;
}

/* 最高法, or a province abbreviation alone (high court), + 2 digits (intermediate court) or
 * + 4 digits (basic court). Special courts use reserved digits (粤72 a maritime court) and
 * need nothing more here; the 2018 专门审判代字 after the court code is not supported. */
static char *
parse_court (const char **p, GError **error)
{
  const char *start = *p;
  const char *prefix;
  size_t n;

  if (**p == '\0')
    {
      fail (error, _("case number has nothing after the year"));
      return NULL;
    }
  if (eat (p, SUPREME_COURT))
    return g_strdup (SUPREME_COURT);

  prefix = eat_any (p, court_prefixes);
  if (prefix == NULL)
    {
      fail (error,
            _("court code must start with a province abbreviation such as 冀, or be 最高法; "
              "“%.*s” is not one"),
            (int) (g_utf8_next_char (*p) - *p), *p);
      return NULL;
    }

  n = count_digits (*p);
  if (n != 0 && n != 2 && n != 4 && ((*p)[n] == '\0' || g_str_has_prefix (*p + n, "号")))
    {
      /* 冀0802123号: the court digits ran into the sequence number. */
      fail (error, _("case number has no type code (such as 执) between the court code and the "
                     "sequence number"));
      return NULL;
    }
  if (n != 0 && n != 2 && n != 4)
    {
      fail (error,
            _("court code %s%.*s needs 2 digits (intermediate court) or 4 (basic court)"),
            prefix, (int) n, *p);
      return NULL;
    }
  *p += n;

  return g_strndup (start, *p - start);
}

/* The type code runs up to the sequence number (the first digit) or 号. */
static char *
parse_type (const char **p, const char *court, GError **error)
{
  const char *end = *p;
  g_autofree char *type = NULL;

  while (*end != '\0' && !g_ascii_isdigit (*end) && !g_str_has_prefix (end, "号"))
    end = g_utf8_next_char (end);

  type = g_strndup (*p, end - *p);
  if (*type == '\0')
    {
      fail (error, _("case number has no type code (such as 执) after the court code %s"), court);
      return NULL;
    }
  if (!is_type_code (type, type_codes))
    {
      fail (error, _("unknown case type code “%s”"), type);
      return NULL;
    }

  *p = end;
  return g_steal_pointer (&type);
}

/* After the sequence number: 号 and nothing more. */
static gboolean
parse_end (const char **p, GError **error)
{
  if (**p == '\0')
    return fail (error, _("case number must end with 号"));
  if (!eat (p, "号"))
    return fail (error, _("case number has “%.*s” after the sequence number; expected 号"),
                 (int) (g_utf8_next_char (*p) - *p), *p);
  if (**p != '\0')
    return fail (error, _("case number has extra text “%s” after 号"), *p);

  return TRUE;
}

/* Digits, then 号. The standard prints natural numbers, so a leading 0 is refused unless
 * ALLOW_LEADING_ZEROS (old numbers were zero-padded: 第00232号). */
static gboolean
parse_seq (const char **p, gboolean allow_leading_zeros, gint64 *out_seq, GError **error)
{
  size_t n = count_digits (*p);
  const char *digits = *p;
  gint64 seq = 0;

  if (n == 0 && (**p == '\0' || g_str_has_prefix (*p, "号")))
    return fail (error, _("case number has no sequence number"));
  if (n == 0)
    return fail (error, _("case number has “%.*s” where the sequence number should be"),
                 (int) (g_utf8_next_char (*p) - *p), *p);
  if (!allow_leading_zeros && n > 1 && digits[0] == '0')
    return fail (error, _("sequence number %.*s must not start with 0"), (int) n, digits);

  *p += n;
  while (n > 1 && digits[0] == '0')
    {
      digits++;
      n--;
    }
  if (n > SEQ_MAX_DIGITS)
    return fail (error, _("sequence number %.*s is too large"), (int) n, digits);
  seq = g_ascii_strtoll (digits, NULL, 10);
  if (seq == 0)
    return fail (error, _("sequence number must be at least 1"));
  if (!parse_end (p, error))
    return FALSE;

  *out_seq = seq;
  return TRUE;
}

/* ---- modern and legacy forms ----------------------------------------------------------- */

static gboolean
parse_modern (const char *p, int year, ZxCaseNo *out, GError **error)
{
  g_autofree char *court = NULL;
  g_autofree char *type = NULL;
  gint64 seq = 0;

  court = parse_court (&p, error);
  if (court == NULL)
    return FALSE;
  type = parse_type (&p, court, error);
  if (type == NULL || !parse_seq (&p, FALSE, &seq, error))
    return FALSE;

  out->year = year;
  out->seq = seq;
  out->legacy = FALSE;
  out->normalized = zx_case_no_format (year, court, type, seq);
  out->court_code = g_steal_pointer (&court);
  out->type_code = g_steal_pointer (&type);
  return TRUE;
}

/* Splits HEAD (the text before 字 or 第) into court and the type code at its end. */
static gboolean
split_legacy_head (const char *head, char **out_court, char **out_type)
{
  const char *const *lists[] = { type_codes, legacy_extra_type_codes, NULL };

  for (int l = 0; lists[l] != NULL; l++)
    for (int i = 0; lists[l][i] != NULL; i++)
      {
        const char *code = lists[l][i];

        if (g_str_has_suffix (head, code) && strlen (head) > strlen (code))
          {
            *out_court = g_strndup (head, strlen (head) - strlen (code));
            *out_type = g_strdup (code);
            return TRUE;
          }
      }

  return FALSE;
}

/* (2014)广法执字第00232号: court text (free form then: 广法, 双, 深中法), type code, 字,
 * optional 第, zero-padded number, 号. Kept as given, since there is no canonical form. */
static gboolean
parse_legacy (const char *p, int year, const char *trimmed, ZxCaseNo *out, GError **error)
{
  const char *marker = strstr (p, "字");
  g_autofree char *head = NULL;
  g_autofree char *court = NULL;
  g_autofree char *type = NULL;
  gint64 seq = 0;

  if (year >= YEAR_FIRST_MODERN)
    return fail (error, _("case number has 字 or 第, which numbers from 2016 on do not have"));

  if (marker == NULL)
    marker = strstr (p, "第");
  head = g_strndup (p, marker - p);
  if (!split_legacy_head (head, &court, &type))
    return fail (error, _("old-style case number “%s” has no court code followed by a type code "
                          "such as 执"),
                 trimmed);

  p = marker;
  eat (&p, "字");
  eat (&p, "第");
  if (!parse_seq (&p, TRUE, &seq, error))
    return FALSE;

  out->year = year;
  out->seq = seq;
  out->legacy = TRUE;
  out->normalized = g_strdup (trimmed);
  out->court_code = g_steal_pointer (&court);
  out->type_code = g_steal_pointer (&type);
  return TRUE;
}

/* OUT is overwritten on success (not freed first) and left alone on failure. */
gboolean
zx_case_no_parse (const char *value, ZxCaseNo *out, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *compact = NULL;
  const char *p;
  int year = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return fail (error, value == NULL ? _("case number is empty")
                                      : _("case number is not valid text"));
  trimmed = strip_copy (value);
  if (*trimmed == '\0')
    return fail (error, _("case number is empty"));

  compact = compact_copy (trimmed);
  p = compact;
  if (!parse_year (&p, &year, error))
    return FALSE;

  if (strstr (p, "字") != NULL || strstr (p, "第") != NULL)
    return parse_legacy (p, year, trimmed, out, error);
  return parse_modern (p, year, out, error);
}
