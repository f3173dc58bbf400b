/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-domain"

#include "config.h"

#include "zx-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* GB 11643: weights 2^(18-i) mod 11, and the check character for each remainder. */
static const int id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_check_map[] = "10X98765432";

/* The floor only catches typing errors in the year. GB 11643's own example, 440524188001010014,
 * was born in 1880 (DOMAIN.md lists it as valid), so 1900 would be too strict. */
#define ID_BIRTH_YEAR_MIN 1800

/* GB 32100: the 31 characters of a credit code (no I O S V Z, they read like digits). */
static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int uscc_weights[17] = { 1,  3, 9,  27, 19, 26, 16, 17, 20,
                                      29, 25, 13, 8, 24, 10, 30, 28 };

/* GB 11714. */
static const int org_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

/* ---- shared helpers ------------------------------------------------------------------- */

static gboolean invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Sets ZX_ERROR_INVALID and returns FALSE, so that a check reads "return invalid (…)". */
static gboolean
invalid (GError **error, const char *format, ...)
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

static gboolean
is_space_char (gunichar c)
{
  /* Pasted values often carry an ideographic space (U+3000) from a Chinese document. */
  return g_unichar_isspace (c) || c == 0x3000;
}

/* A copy of VALUE without surrounding white space; NULL for NULL or invalid UTF-8. */
static char *
strip_copy (const char *value)
{
  const char *start = value;
  const char *end;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  end = value + strlen (value);
  while (*start != '\0' && is_space_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* The character at P as its own string, for quoting it in a message. */
static char *
char_at (const char *p)
{
  return g_strndup (p, g_utf8_next_char (p) - p);
}

/* Strips, checks for empty or broken text and uppercases ASCII letters (x → X). Codes are
 * ASCII; a non-ASCII character survives so that the caller can name it with its position. */
static char *
prepare_code (const char *value, const char *empty_msg, const char *bad_text_msg,
              GError **error)
{
  g_autofree char *clean = strip_copy (value);

  if (value != NULL && clean == NULL)
    {
      invalid (error, "%s", bad_text_msg);
      return NULL;
    }
  if (clean == NULL || *clean == '\0')
    {
      invalid (error, "%s", empty_msg);
      return NULL;
    }

  for (char *p = clean; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);

  return g_steal_pointer (&clean);
}

/* Index of the first character (0-based, in characters) that ACCEPT rejects, or -1.
 * ACCEPT sees the character and its 0-based index. */
typedef gboolean (*CharAccept) (gunichar c, int index);

static int
first_bad_char (const char *s, CharAccept accept, const char **out_at)
{
  int i = 0;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if (!accept (g_utf8_get_char (p), i))
        {
          *out_at = p;
          return i;
        }
    }

  return -1;
}

static int
digits_value (const char *p, int n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    v = v * 10 + (p[i] - '0');

  return v;
}

/* Dates as yyyymmdd integers compare in calendar order. */
static int
ymd_key (int y, int m, int d)
{
  return y * 10000 + m * 100 + d;
}

static gboolean
is_real_date (int y, int m, int d)
{
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Parses YYYY-MM-DD exactly. 0 for anything else, otherwise the yyyymmdd key. */
static int
parse_iso_date (const char *value, gboolean *out_well_formed)
{
  int y, m, d;

  *out_well_formed = FALSE;
  if (value == NULL || strlen (value) != 10 || value[4] != '-' || value[7] != '-')
    return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (value[i]))
      return 0;

  *out_well_formed = TRUE;
  y = digits_value (value, 4);
  m = digits_value (value + 5, 2);
  d = digits_value (value + 8, 2);

  return is_real_date (y, m, d) ? ymd_key (y, m, d) : 0;
}

/* ---- dates ----------------------------------------------------------------------------- */

gboolean
zx_validate_date (const char *value, GError **error)
{
  gboolean well_formed;

  if (value == NULL || *value == '\0')
    return invalid (error, _("date is empty"));
  if (parse_iso_date (value, &well_formed) != 0)
    return TRUE;
  if (!well_formed)
    return invalid (error, _("date “%s” must be written as YYYY-MM-DD, like 2018-05-01"), value);
  return invalid (error, _("date %s is not a real date"), value);
}

/* ---- resident ID (GB 11643) ------------------------------------------------------------ */

static char
id_check_char (const char *digits17)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (digits17[i] - '0') * id_weights[i];

  return id_check_map[sum % 11];
}

static gboolean
id18_accept (gunichar c, int index)
{
  /* g_ascii_isdigit() looks at the low byte only: keep other characters away from it. */
  return c < 0x80 && (g_ascii_isdigit (c) || (index == 17 && c == 'X'));
}

static gboolean
digit_accept (gunichar c, int index)
{
  return c < 0x80 && g_ascii_isdigit (c);
}

static gboolean
check_id_chars (const char *id, gboolean legacy, GError **error)
{
  const char *at = NULL;
  int bad = first_bad_char (id, legacy ? digit_accept : id18_accept, &at);
  g_autofree char *c = NULL;

  if (bad < 0)
    return TRUE;

  c = char_at (at);
  if (bad == 17)
    return invalid (error, _("ID number ends with “%s”; the last character must be a digit or X"),
                    c);
  return invalid (error, _("ID number contains “%s” at position %d; only digits are allowed there"),
                  c, bad + 1);
}

/* BIRTH points at YYYYMMDD. TODAY_KEY 0 skips the future check. */
static gboolean
check_id_birth (const char *birth, int today_key, GError **error)
{
  int y = digits_value (birth, 4);
  int m = digits_value (birth + 4, 2);
  int d = digits_value (birth + 6, 2);

  if (!is_real_date (y, m, d))
    return invalid (error, _("ID number birth date %.8s is not a real date"), birth);
  if (y < ID_BIRTH_YEAR_MIN)
    return invalid (error, _("ID number birth date %.8s is before %d"), birth, ID_BIRTH_YEAR_MIN);
  if (today_key != 0 && ymd_key (y, m, d) > today_key)
    return invalid (error, _("ID number birth date %.8s is in the future"), birth);

  return TRUE;
}

static gboolean
check_id_region (const char *id, GError **error)
{
  /* GB/T 2260 province codes run 11–82; a leading 0 is always a typing error. */
  if (id[0] != '0')
    return TRUE;

  return invalid (error, _("ID number region code %.6s is not valid: it cannot start with 0"),
                  id);
}

static gboolean
check_id_length (glong n, gboolean allow_legacy, GError **error)
{
  if (n == 18 || (allow_legacy && n == 15))
    return TRUE;

  if (allow_legacy)
    return invalid (error,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "ID number has %ld character; it needs 18 (or 15)",
                                 "ID number has %ld characters; it needs 18 (or 15)", n),
                    n);
  return invalid (error,
                  g_dngettext (GETTEXT_PACKAGE, "ID number has %ld character; it needs 18",
                               "ID number has %ld characters; it needs 18", n),
                  n);
}

/* Old IDs (before 1999) had a two-digit year, always 19YY, and no check character. */
static char *
upgrade_id15 (const char *id15)
{
  char id18[19];

  memcpy (id18, id15, 6);
  memcpy (id18 + 6, "19", 2);
  memcpy (id18 + 8, id15 + 6, 9);
  id18[17] = id_check_char (id18);
  id18[18] = '\0';

  return g_strdup (id18);
}

static int
today_key_or_zero (const char *today)
{
  gboolean well_formed;

  return today != NULL ? parse_iso_date (today, &well_formed) : 0;
}

gboolean
zx_validate_resident_id (const char *value, const char *today, gboolean allow_legacy,
                         char **out_normalized, ZxIdFlags *out_flags, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *id18 = NULL;
  int today_key = today_key_or_zero (today);
  gboolean legacy;
  glong n;

  g_return_val_if_fail (today == NULL || today_key != 0, FALSE);

  id = prepare_code (value, _("ID number is empty"), _("ID number is not valid text"), error);
  if (id == NULL)
    return FALSE;
  n = g_utf8_strlen (id, -1);
  if (!check_id_length (n, allow_legacy, error))
    return FALSE;

  legacy = n == 15;
  if (!check_id_chars (id, legacy, error) || !check_id_region (id, error))
    return FALSE;

  id18 = legacy ? upgrade_id15 (id) : g_steal_pointer (&id);
  if (!check_id_birth (id18 + 6, today_key, error))
    return FALSE;

  if (!legacy && id_check_char (id18) != id18[17])
    return invalid (error, _("ID number check character is %c but should be %c"), id18[17],
                    id_check_char (id18));

  if (out_flags != NULL)
    *out_flags = legacy ? ZX_ID_FLAG_LEGACY_15 : ZX_ID_FLAG_NONE;
  if (out_normalized != NULL)
    *out_normalized = g_steal_pointer (&id18);
  return TRUE;
}

gboolean
zx_resident_id_info (const char *id18, char *out_sex, char out_birth[11])
{
  g_autofree char *id = NULL;

  if (!zx_validate_resident_id (id18, NULL, FALSE, &id, NULL, NULL))
    return FALSE;

  /* The 17th digit (the last of the sequence) is odd for men. */
  if (out_sex != NULL)
    *out_sex = (id[16] - '0') % 2 == 1 ? 'M' : 'F';
  if (out_birth != NULL)
    g_snprintf (out_birth, 11, "%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);

  return TRUE;
}

int
zx_resident_id_age (const char *id18, const char *today)
{
  char birth[11];
  int birth_key, today_key, age;
  gboolean well_formed;

  if (!zx_resident_id_info (id18, NULL, birth))
    return -1;
  today_key = parse_iso_date (today, &well_formed);
  birth_key = parse_iso_date (birth, &well_formed);
  if (today_key == 0 || birth_key > today_key)
    return -1;

  /* Whole years: one more on the birthday itself. Someone born on 29 February turns a year
   * older on 1 March in a common year. */
  age = today_key / 10000 - birth_key / 10000;
  if (today_key % 10000 < birth_key % 10000)
    age--;

  return age;
}

/* ---- organization code (GB 11714) ------------------------------------------------------ */

/* Digits count 0–9, letters A=10 … Z=35; the check is 11 − Σ mod 11 with 10 → X, 11 → 0. */
static char
org_check_char (const char *body8)
{
  int sum = 0, c;

  for (int i = 0; i < 8; i++)
    {
      int v = g_ascii_isdigit (body8[i]) ? body8[i] - '0' : body8[i] - 'A' + 10;

      sum += v * org_weights[i];
    }

  c = 11 - sum % 11;
  return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
}

static gboolean
org_accept (gunichar c, int index)
{
  return c < 0x80 && (g_ascii_isdigit (c) || g_ascii_isupper (c));
}

/* A hyphen before the check character is how the code is printed on old certificates. */
static char *
drop_org_hyphen (const char *code)
{
  char *copy = g_strdup (code);

  if (g_utf8_strlen (copy, -1) == 10 && copy[8] == '-')
    memmove (copy + 8, copy + 9, strlen (copy + 9) + 1);

  return copy;
}

gboolean
zx_validate_org_code (const char *value, char **out_normalized, GError **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *code = NULL;
  const char *at = NULL;
  glong n;
  int bad;

  raw = prepare_code (value, _("organization code is empty"),
                      _("organization code is not valid text"), error);
  if (raw == NULL)
    return FALSE;

  /* Characters first: a hyphen in the wrong place is better named than counted. */
  code = drop_org_hyphen (raw);
  bad = first_bad_char (code, org_accept, &at);
  if (bad >= 0)
    {
      g_autofree char *c = char_at (at);

      return invalid (error,
                      _("organization code contains “%s” at position %d; only digits and "
                        "letters A–Z are allowed"),
                      c, bad + 1);
    }

  n = g_utf8_strlen (code, -1);
  if (n != 9)
    return invalid (error,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "organization code has %ld character; it needs 9",
                                 "organization code has %ld characters; it needs 9", n),
                    n);

  if (org_check_char (code) != code[8])
    return invalid (error, _("organization code check character is %c but should be %c"),
                    code[8], org_check_char (code));

  if (out_normalized != NULL)
    *out_normalized = g_steal_pointer (&code);
  return TRUE;
}

/* ---- unified social credit code (GB 32100) --------------------------------------------- */

static gboolean
uscc_accept (gunichar c, int index)
{
  return c != 0 && c < 0x80 && strchr (uscc_charset, (int) c) != NULL;
}

static char
uscc_check_char (const char *code)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (uscc_charset, code[i]) - uscc_charset) * uscc_weights[i];

  return uscc_charset[(31 - sum % 31) % 31];
}

gboolean
zx_validate_uscc (const char *value, char **out_normalized, ZxIdFlags *out_flags,
                  GError **error)
{
  g_autofree char *code = NULL;
  const char *at = NULL;
  glong n;
  int bad;

  code = prepare_code (value, _("credit code is empty"), _("credit code is not valid text"),
                       error);
  if (code == NULL)
    return FALSE;

  n = g_utf8_strlen (code, -1);
  if (n != 18)
    return invalid (error,
                    g_dngettext (GETTEXT_PACKAGE, "credit code has %ld character; it needs 18",
                                 "credit code has %ld characters; it needs 18", n),
                    n);

  bad = first_bad_char (code, uscc_accept, &at);
  if (bad >= 0)
    {
      g_autofree char *c = char_at (at);

      return invalid (error, _("credit code contains “%s” at position %d, which is not allowed"),
                      c, bad + 1);
    }

  if (uscc_check_char (code) != code[17])
    return invalid (error, _("credit code check character is %c but should be %c"), code[17],
                    uscc_check_char (code));

  /* Positions 9–17 are the old organization code. Registries issued codes whose inner check
   * is wrong; they are real, so accept and flag them for a clerk to verify. */
  if (out_flags != NULL)
    *out_flags = org_check_char (code + 8) != code[16] ? ZX_ID_FLAG_INNER_CHECK
                                                        : ZX_ID_FLAG_NONE;
  if (out_normalized != NULL)
    *out_normalized = g_steal_pointer (&code);
  return TRUE;
}

/* ---- money ----------------------------------------------------------------------------- */

static const char *
skip_prefix (const char *p, const char *prefix)
{
  return g_str_has_prefix (p, prefix) ? p + strlen (prefix) : p;
}

/* Skips a yuan sign: ¥ (U+00A5) or the full-width ￥ (U+FFE5) that Chinese input methods type. */
static const char *
skip_currency (const char *p)
{
  return skip_prefix (skip_prefix (p, "¥"), "￥");
}

/* Thousands separators must sit between groups of exactly three digits. */
static gboolean
grouping_ok (const char *int_part, size_t len)
{
  const char *comma = memchr (int_part, ',', len);
  size_t group;

  if (comma == NULL)
    return TRUE;
  if (comma == int_part || comma - int_part > 3)
    return FALSE;

  group = 0;
  for (const char *p = comma + 1; p < int_part + len; p++)
    {
      if (*p == ',')
        {
          if (group != 3)
            return FALSE;
          group = 0;
        }
      else
        group++;
    }

  return group == 3;
}

/* Digits (and commas) of INT_PART into whole yuan; FALSE once it cannot fit in gint64 fen.
 * The bound keeps yuan * 10 + 9 well inside guint64, so the check itself cannot overflow. */
static gboolean
accumulate_yuan (const char *int_part, size_t len, guint64 *out_yuan)
{
  guint64 yuan = 0;

  for (size_t i = 0; i < len; i++)
    {
      if (int_part[i] == ',')
        continue;
      yuan = yuan * 10 + (guint64) (int_part[i] - '0');
      if (yuan > (guint64) G_MAXINT64 / 100)
        return FALSE;
    }

  *out_yuan = yuan;
  return TRUE;
}

/* Checks the characters of the number part P (after any sign and yuan sign). */
static gboolean
check_amount_chars (const char *shown, const char *p, GError **error)
{
  gboolean seen_point = FALSE;

  for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
    {
      if (*q == '.' && !seen_point)
        seen_point = TRUE;
      else if (!g_ascii_isdigit (*q) && !(*q == ',' && !seen_point))
        {
          g_autofree char *c = char_at (q);

          return invalid (error, _("amount “%s” contains “%s”, which is not a digit"), shown, c);
        }
    }

  return TRUE;
}

/* P is the number alone: digits, optional thousands separators, optional decimals. SHOWN is
 * what the clerk typed, for the message. */
static gboolean
parse_fen_digits (const char *shown, const char *p, gint64 *out_fen, GError **error)
{
  const char *point = strchr (p, '.');
  size_t int_len = point != NULL ? (size_t) (point - p) : strlen (p);
  size_t frac_len = point != NULL ? strlen (point + 1) : 0;
  guint64 yuan, fen;

  if (!check_amount_chars (shown, p, error))
    return FALSE;
  if (int_len == 0 || (point != NULL && frac_len == 0))
    return invalid (error, _("amount “%s” needs digits on both sides of the decimal point"),
                    shown);
  if (frac_len > 2)
    return invalid (error, _("amount “%s” has more than two decimal places"), shown);
  if (!grouping_ok (p, int_len))
    return invalid (error, _("amount “%s” has a misplaced thousands separator"), shown);

  fen = 0;
  if (frac_len >= 1)
    fen += (guint64) (point[1] - '0') * 10;
  if (frac_len == 2)
    fen += (guint64) (point[2] - '0');
  if (!accumulate_yuan (p, int_len, &yuan) || yuan * 100 > (guint64) G_MAXINT64 - fen)
    return invalid (error, _("amount “%s” is too large"), shown);
  fen += yuan * 100;

  *out_fen = (gint64) fen;
  return TRUE;
}

gboolean
zx_parse_amount_fen (const char *value, gint64 *out_fen, GError **error)
{
  g_autofree char *clean = strip_copy (value);
  g_autofree char *number = NULL;
  const char *p;
  gint64 fen = 0;

  if (value != NULL && clean == NULL)
    return invalid (error, _("amount is not valid text"));
  if (clean == NULL || *clean == '\0')
    return invalid (error, _("amount is empty"));

  /* The minus may come before or after the yuan sign: "-¥5" and "¥-5" are both written. */
  p = skip_currency (clean);
  if (*p == '-' || g_str_has_prefix (p, "−"))
    return invalid (error, _("amount must not be negative"));

  number = g_str_has_suffix (p, "元") ? g_strndup (p, strlen (p) - strlen ("元")) : g_strdup (p);
  if (*number == '\0')
    return invalid (error, _("amount “%s” has no digits"), clean);
  if (!parse_fen_digits (clean, number, &fen, error))
    return FALSE;

  if (out_fen != NULL)
    *out_fen = fen;
  return TRUE;
}

char *
zx_format_fen (gint64 fen)
{
  /* Through unsigned so that G_MININT64 has an absolute value too. */
  guint64 abs_fen = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "", abs_fen / 100,
                          (guint) (abs_fen % 100));
}
