/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-domain"

#include "config.h"

#include "zx-calendar.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define YEAR_MIN 1
#define YEAR_MAX 9999

struct _ZxCalendar
{
  grefcount ref;
  GHashTable *days;   /* Julian day number → ZxDayKind */
  GHashTable *years;  /* years with at least one listed day (a set) */
};

/* ---- plain dates ----------------------------------------------------------------------- */

static int
digits (const char *p, int n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    v = v * 10 + (p[i] - '0');

  return v;
}

/* Parses exactly YYYY-MM-DD into OUT; FALSE for anything else or a date that does not exist. */
static gboolean
parse_date (const char *s, GDate *out)
{
  int y, m, d;

  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;

  y = digits (s, 4);
  m = digits (s + 5, 2);
  d = digits (s + 8, 2);
  if (y < YEAR_MIN || m < 1 || m > 12 || d < 1 || d > 31
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static guint32
julian_max (void)
{
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, YEAR_MAX);
  return g_date_get_julian (&last);
}

/* Moves DATE by N days; FALSE (DATE unchanged) if that leaves years 1–9999. GDate itself
 * would emit a critical there, and bad data must not abort a wall screen. */
static gboolean
shift_days (GDate *date, gint64 n)
{
  gint64 jd = (gint64) g_date_get_julian (date) + n;

  if (jd < 1 || jd > (gint64) julian_max ())
    return FALSE;

  g_date_set_julian (date, (guint32) jd);
  return TRUE;
}

/* The year and month N months after DATE's, or FALSE outside years 1–9999. */
static gboolean
month_after (const GDate *date, gint64 n, int *out_year, int *out_month)
{
  gint64 index = (gint64) g_date_get_year (date) * 12 + (g_date_get_month (date) - 1) + n;

  if (index < (gint64) YEAR_MIN * 12 || index > (gint64) YEAR_MAX * 12 + 11)
    return FALSE;

  *out_year = (int) (index / 12);
  *out_month = (int) (index % 12) + 1;
  return TRUE;
}

gboolean
zx_date_is_valid (const char *date)
{
  GDate d;

  return parse_date (date, &d);
}

char *
zx_date_add_days (const char *date, int n)
{
  GDate d;

  if (!parse_date (date, &d) || !shift_days (&d, n))
    return NULL;

  return format_date (&d);
}

char *
zx_date_add_months (const char *date, int n)
{
  GDate d;
  int year, month, day;

  if (!parse_date (date, &d) || !month_after (&d, n, &year, &month))
    return NULL;

  day = MIN ((int) g_date_get_day (&d),
             (int) g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return format_date (&d);
}

char *
zx_date_term_end (const char *start, int months)
{
  GDate d;
  int year, month, dim, day;

  if (months < 1 || !parse_date (start, &d) || !month_after (&d, months, &year, &month))
    return NULL;

  /* The start day is the first day of the term, so the term ends the day before the same
   * day-of-month. With no such day (a term from the 31st), the corresponding day is the
   * month's last day and it ends there (民法典 art. 203 by analogy), never earlier. */
  day = g_date_get_day (&d);
  dim = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  if (day > dim)
    {
      g_date_set_dmy (&d, (GDateDay) dim, (GDateMonth) month, (GDateYear) year);
      return format_date (&d);
    }

  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (!shift_days (&d, -1))
    return NULL;

  return format_date (&d);
}

gboolean
zx_date_days_between (const char *from, const char *to, int *out_days)
{
  GDate a, b;

  g_return_val_if_fail (out_days != NULL, FALSE);

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return FALSE;

  *out_days = g_date_days_between (&a, &b);
  return TRUE;
}

int
zx_date_weekday (const char *date)
{
  GDate d;

  if (!parse_date (date, &d))
    return 0;

  return g_date_get_weekday (&d);
}

/* ---- the calendar ---------------------------------------------------------------------- */

ZxCalendar *
zx_calendar_new (void)
{
  ZxCalendar *cal = g_new0 (ZxCalendar, 1);

  g_ref_count_init (&cal->ref);
  cal->days = g_hash_table_new (NULL, NULL);
  cal->years = g_hash_table_new (NULL, NULL);

  return cal;
}

ZxCalendar *
zx_calendar_ref (ZxCalendar *cal)
{
  g_return_val_if_fail (cal != NULL, NULL);

  g_ref_count_inc (&cal->ref);
  return cal;
}

void
zx_calendar_unref (ZxCalendar *cal)
{
  if (cal == NULL || !g_ref_count_dec (&cal->ref))
    return;

  g_hash_table_unref (cal->days);
  g_hash_table_unref (cal->years);
  g_free (cal);
}

static gboolean
parse_kind (const char *kind, ZxDayKind *out)
{
  if (g_strcmp0 (kind, "off") == 0)
    *out = ZX_DAY_OFF;
  else if (g_strcmp0 (kind, "work") == 0)
    *out = ZX_DAY_WORK;
  else
    return FALSE;

  return TRUE;
}

gboolean
zx_calendar_add_day (ZxCalendar *cal, const char *day, const char *kind, GError **error)
{
  GDate d;
  ZxDayKind k;
  gpointer key;

  g_return_val_if_fail (cal != NULL, FALSE);

  if (!parse_date (day, &d))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("“%s” is not a real date written YYYY-MM-DD"), day != NULL ? day : "");
      return FALSE;
    }
  if (!parse_kind (kind, &k))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("%s: the kind must be “off” or “work”, not “%s”"), day,
                   kind != NULL ? kind : "");
      return FALSE;
    }

  key = GUINT_TO_POINTER (g_date_get_julian (&d));
  /* A day listed twice is a typing error in the file, whichever kind wins. */
  if (g_hash_table_contains (cal->days, key))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("%s is listed twice"), day);
      return FALSE;
    }

  g_hash_table_insert (cal->days, key, GINT_TO_POINTER (k));
  g_hash_table_add (cal->years, GUINT_TO_POINTER (g_date_get_year (&d)));
  return TRUE;
}

ZxCalendar *
zx_calendar_new_from_days (const ZxCalendarDay *days, gsize n_days, GError **error)
{
  g_autoptr (ZxCalendar) cal = zx_calendar_new ();

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  for (gsize i = 0; i < n_days; i++)
    if (!zx_calendar_add_day (cal, days[i].day, days[i].kind, error))
      return NULL;

  return g_steal_pointer (&cal);
}

/* One line of the TSV file: "day<TAB>kind[<TAB>name]". Blank and '#' lines are skipped. */
static gboolean
add_tsv_line (ZxCalendar *cal, char *line, guint line_no, GError **error)
{
  g_auto (GStrv) fields = NULL;
  g_autoptr (GError) local_error = NULL;

  g_strstrip (line);
  if (*line == '\0' || *line == '#')
    return TRUE;

  fields = g_strsplit (line, "\t", 3);
  if (fields[1] == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Holiday calendar, line %u: expected “date<TAB>off|work<TAB>name”"),
                   line_no);
      return FALSE;
    }

  if (!zx_calendar_add_day (cal, g_strstrip (fields[0]), g_strstrip (fields[1]), &local_error))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("Holiday calendar, line %u: %s"),
                   line_no, local_error->message);
      return FALSE;
    }

  return TRUE;
}

ZxCalendar *
zx_calendar_new_from_tsv (const char *text, gssize length, GError **error)
{
  g_autoptr (ZxCalendar) cal = zx_calendar_new ();
  g_autofree char *copy = NULL;
  g_auto (GStrv) lines = NULL;
  const char *start;

  g_return_val_if_fail (text != NULL, NULL);

  copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
  /* Editors on Windows like to start a UTF-8 file with a byte-order mark. */
  start = g_str_has_prefix (copy, "\xEF\xBB\xBF") ? copy + 3 : copy;
  lines = g_strsplit (start, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!add_tsv_line (cal, lines[i], i + 1, error))
      return NULL;

  return g_steal_pointer (&cal);
}

guint
zx_calendar_get_n_days (const ZxCalendar *cal)
{
  g_return_val_if_fail (cal != NULL, 0);

  return g_hash_table_size (cal->days);
}

gboolean
zx_calendar_covers_year (const ZxCalendar *cal, int year)
{
  g_return_val_if_fail (cal != NULL, FALSE);

  return year > 0 && g_hash_table_contains (cal->years, GINT_TO_POINTER (year));
}

static gboolean
is_working (const ZxCalendar *cal, const GDate *date)
{
  gpointer kind = g_hash_table_lookup (cal->days, GUINT_TO_POINTER (g_date_get_julian (date)));
  GDateWeekday wd;

  if (GPOINTER_TO_INT (kind) == ZX_DAY_OFF)
    return FALSE;
  if (GPOINTER_TO_INT (kind) == ZX_DAY_WORK)
    return TRUE;

  wd = g_date_get_weekday (date);
  return wd != G_DATE_SATURDAY && wd != G_DATE_SUNDAY;
}

gboolean
zx_calendar_is_working_day (const ZxCalendar *cal, const char *date)
{
  GDate d;

  g_return_val_if_fail (cal != NULL, FALSE);

  return parse_date (date, &d) && is_working (cal, &d);
}

char *
zx_calendar_add_working_days (const ZxCalendar *cal, const char *date, int n)
{
  GDate d;
  int step = n < 0 ? -1 : 1;
  gint64 remaining = ABS ((gint64) n);

  g_return_val_if_fail (cal != NULL, NULL);

  if (!parse_date (date, &d))
    return NULL;

  /* Walk day by day: the day itself never counts, every working day after it does. The
   * year bound also ends the walk over a calendar that (wrongly) has no working days. */
  while (remaining > 0)
    {
      if (!shift_days (&d, step))
        return NULL;
      if (is_working (cal, &d))
        remaining--;
    }

  return format_date (&d);
}

char *
zx_calendar_add (const ZxCalendar *cal, const char *date, int amount, const char *unit,
                 GError **error)
{
  char *result;

  g_return_val_if_fail (cal != NULL, NULL);

  if (!zx_date_is_valid (date))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("“%s” is not a real date written YYYY-MM-DD"), date != NULL ? date : "");
      return NULL;
    }

  if (g_strcmp0 (unit, "days") == 0)
    result = zx_date_add_days (date, amount);
  else if (g_strcmp0 (unit, "working_days") == 0)
    result = zx_calendar_add_working_days (cal, date, amount);
  else if (g_strcmp0 (unit, "months") == 0)
    result = zx_date_add_months (date, amount);
  else if (g_strcmp0 (unit, "years") == 0)
    result = ABS ((gint64) amount) <= G_MAXINT / 12 ? zx_date_add_months (date, amount * 12)
                                                    : NULL;
  else
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("unknown period unit “%s” (expected days, working_days, months or years)"),
                   unit != NULL ? unit : "");
      return NULL;
    }

  if (result == NULL)
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                 _("%s plus %d %s falls outside the years 1–9999"), date, amount, unit);

  return result;
}
