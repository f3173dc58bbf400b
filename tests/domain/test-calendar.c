/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "domain/zx-calendar.h"
#include "zx-domain-test.h"

/* 2026 in data/holidays-cn.tsv: New Year off 01-01…01-03, work Sun 01-04; Spring Festival off
 * Sun 02-15 … Mon 02-23, work Sat 02-14 and Sat 02-28; National Day off 10-01…10-07, work
 * Sun 09-20 and Sat 10-10 (Mid-Autumn off Fri 09-25 … Sun 09-27). 2025: National Day and
 * Mid-Autumn off 10-01…10-08, work Sun 09-28 and Sat 10-11. */

/* ---- working days ---------------------------------------------------------------------- */

typedef struct
{
  const char *date;
  gboolean working;
} WorkingCase;

static const WorkingCase working_cases[] = {
  { "2026-02-13", TRUE },   /* Friday before the Spring Festival */
  { "2026-02-14", TRUE },   /* Saturday, make-up working day */
  { "2026-02-15", FALSE },  /* Sunday, holiday */
  { "2026-02-16", FALSE },  /* Monday, holiday */
  { "2026-02-17", FALSE },  /* 春节 itself */
  { "2026-02-23", FALSE },  /* Monday, last day off */
  { "2026-02-24", TRUE },   /* Tuesday, back at work */
  { "2026-02-28", TRUE },   /* Saturday, make-up working day */
  { "2026-03-01", FALSE },  /* an ordinary Sunday */
  { "2026-03-07", FALSE },  /* an ordinary Saturday */
  { "2026-01-04", TRUE },   /* Sunday, New Year make-up day */
  { "2026-10-01", FALSE },
  { "2026-10-10", TRUE },
  { "2026-09-20", TRUE },
  { "2025-10-08", FALSE },  /* Wednesday, 2025 National Day */
  { "2025-10-11", TRUE },
  { "2027-01-01", TRUE },   /* a year the file does not cover: plain Monday–Friday */
  { "2027-01-02", FALSE },
  { "2026-02-30", FALSE },  /* not a date */
  { "2026-2-13", FALSE },
  { NULL, FALSE },
};

static void
test_working_day (gconstpointer data)
{
  const WorkingCase *c = data;

  g_assert_cmpint (zx_calendar_is_working_day (zx_test_holidays (), c->date), ==, c->working);
}

typedef struct
{
  const char *date;
  int n;
  const char *expected;
} AddCase;

static const AddCase working_add_cases[] = {
  /* Across the 2026 Spring Festival: Fri 02-13, then the make-up Saturday 02-14, then nine
   * days off until Tue 02-24. */
  { "2026-02-12", 1, "2026-02-13" },
  { "2026-02-12", 2, "2026-02-14" },
  { "2026-02-12", 3, "2026-02-24" },
  { "2026-02-13", 3, "2026-02-25" },
  { "2026-02-14", 1, "2026-02-24" },
  { "2026-02-15", 1, "2026-02-24" },  /* from a holiday: the day itself never counts */
  { "2026-02-24", 4, "2026-02-28" },  /* lands on the second make-up Saturday */
  { "2026-02-24", 5, "2026-03-02" },
  { "2026-02-12", 10, "2026-03-04" },
  { "2026-02-24", -1, "2026-02-14" },
  { "2026-02-24", 0, "2026-02-24" },
  /* Across National Day */
  { "2025-09-26", 1, "2025-09-28" },  /* the Sunday make-up day */
  { "2025-09-30", 3, "2025-10-11" },  /* Thu 10-09, Fri 10-10, make-up Sat 10-11 */
  { "2026-09-24", 1, "2026-09-28" },  /* over the Mid-Autumn weekend */
  { "2026-09-30", 3, "2026-10-10" },
  /* Across New Year into the make-up Sunday */
  { "2025-12-31", 1, "2026-01-04" },
  /* Labour Day 2026 */
  { "2026-04-30", 3, "2026-05-08" },
  /* A year not in the file: plain Monday–Friday */
  { "2028-01-09", 3, "2028-01-12" },
  { "2026-13-01", 1, NULL },
};

static void
test_add_working_days (gconstpointer data)
{
  const AddCase *c = data;
  g_autofree char *result = zx_calendar_add_working_days (zx_test_holidays (), c->date, c->n);

  g_assert_cmpstr (result, ==, c->expected);
}

static void
test_working_days_in_february (void)
{
  const ZxCalendar *cal = zx_test_holidays ();
  int count = 0;

  /* 20 weekdays, 6 of them off, 2 make-up Saturdays. */
  for (int d = 1; d <= 28; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-02-%02d", d);

      count += zx_calendar_is_working_day (cal, date);
    }
  g_assert_cmpint (count, ==, 16);
}

static void
test_covers_years (void)
{
  const ZxCalendar *cal = zx_test_holidays ();

  for (int year = 2016; year <= 2026; year++)
    g_assert_true (zx_calendar_covers_year (cal, year));
  g_assert_false (zx_calendar_covers_year (cal, 2015));
  g_assert_false (zx_calendar_covers_year (cal, 2027));
  g_assert_cmpuint (zx_calendar_get_n_days (cal), ==, 397);
}

/* ---- plain dates ----------------------------------------------------------------------- */

static const AddCase month_cases[] = {
  { "2026-01-31", 1, "2026-02-28" },
  { "2024-01-31", 1, "2024-02-29" },
  { "2026-03-31", 1, "2026-04-30" },
  { "2026-08-31", 6, "2027-02-28" },
  { "2026-12-31", 2, "2027-02-28" },
  { "2026-01-15", -1, "2025-12-15" },
  { "2026-03-31", -1, "2026-02-28" },
  { "2024-02-29", 12, "2025-02-28" },
  { "2026-05-10", 0, "2026-05-10" },
  { "9999-12-01", 1, NULL },
  { "0001-01-15", -1, NULL },
  { "2026-02-29", 1, NULL },
};

static void
test_add_months (gconstpointer data)
{
  const AddCase *c = data;
  g_autofree char *result = zx_date_add_months (c->date, c->n);

  g_assert_cmpstr (result, ==, c->expected);
}

static const AddCase term_cases[] = {
  { "2026-01-10", 12, "2027-01-09" },  /* a 1-year freeze */
  { "2026-03-01", 1, "2026-03-31" },
  { "2026-01-31", 1, "2026-02-28" },   /* no 31 February: the month's last day */
  { "2026-01-30", 1, "2026-02-28" },
  { "2026-01-29", 1, "2026-02-28" },
  { "2026-01-28", 1, "2026-02-27" },
  { "2024-02-29", 12, "2025-02-28" },
  { "2024-02-29", 48, "2028-02-28" },
  { "2026-12-01", 1, "2026-12-31" },
  { "2026-01-10", 0, NULL },
  { "2026-01-10", -1, NULL },
  { "9999-06-01", 12, NULL },
};

static void
test_term_end (gconstpointer data)
{
  const AddCase *c = data;
  g_autofree char *result = zx_date_term_end (c->date, c->n);

  g_assert_cmpstr (result, ==, c->expected);
}

static const AddCase day_cases[] = {
  { "2026-02-12", 7, "2026-02-19" },
  { "2026-12-28", 7, "2027-01-04" },
  { "2024-02-28", 1, "2024-02-29" },
  { "2026-01-01", -1, "2025-12-31" },
  { "9999-12-31", 1, NULL },
  { "0001-01-01", -1, NULL },
  { "2026-00-01", 1, NULL },
  { "20260101", 1, NULL },
};

static void
test_add_days (gconstpointer data)
{
  const AddCase *c = data;
  g_autofree char *result = zx_date_add_days (c->date, c->n);

  g_assert_cmpstr (result, ==, c->expected);
}

static void
test_days_between (void)
{
  int days = 12345;

  g_assert_true (zx_date_days_between ("2026-01-01", "2026-12-31", &days));
  g_assert_cmpint (days, ==, 364);
  g_assert_true (zx_date_days_between ("2026-03-01", "2026-02-01", &days));
  g_assert_cmpint (days, ==, -28);
  g_assert_true (zx_date_days_between ("2024-02-28", "2024-03-01", &days));
  g_assert_cmpint (days, ==, 2);
  days = 7;
  g_assert_false (zx_date_days_between ("2026-02-29", "2026-03-01", &days));
  g_assert_false (zx_date_days_between ("2026-02-28", NULL, &days));
  g_assert_cmpint (days, ==, 7);

  g_assert_cmpint (zx_date_weekday ("2026-02-14"), ==, 6);
  g_assert_cmpint (zx_date_weekday ("2026-02-16"), ==, 1);
  g_assert_cmpint (zx_date_weekday ("nope"), ==, 0);
}

/* ---- zx_calendar_add with the rules' units ---------------------------------------------- */

typedef struct
{
  const char *date;
  int amount;
  const char *unit;
  const char *expected;
  const char *error;
} UnitCase;

static const UnitCase unit_cases[] = {
  { "2026-02-12", 3, "days", "2026-02-15", NULL },
  { "2026-02-12", 3, "working_days", "2026-02-24", NULL },
  { "2026-01-31", 1, "months", "2026-02-28", NULL },
  { "2024-02-29", 1, "years", "2025-02-28", NULL },
  { "2026-02-12", 3, "weeks", NULL, "unknown period unit “weeks”" },
  { "2026-02-12", 3, NULL, NULL, "unknown period unit" },
  { "2026-02-31", 3, "days", NULL, "is not a real date" },
  { NULL, 3, "days", NULL, "is not a real date" },
  { "9999-12-30", 3, "days", NULL, "outside the years" },
  { "2026-01-01", G_MAXINT, "years", NULL, "outside the years" },
};

static void
test_add_unit (gconstpointer data)
{
  const UnitCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *result = zx_calendar_add (zx_test_holidays (), c->date, c->amount, c->unit,
                                             &error);

  g_assert_cmpstr (result, ==, c->expected);
  if (c->error == NULL)
    {
      g_assert_no_error (error);
      return;
    }
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, c->error));
}

/* ---- building a calendar ---------------------------------------------------------------- */

typedef struct
{
  const char *text;
  guint n_days;
  const char *error;  /* NULL: accepted */
} TsvCase;

static const TsvCase tsv_cases[] = {
  { "", 0, NULL },
  { "2026-02-14\twork\t春节\n2026-02-15\toff\t春节\n", 2, NULL },
  /* Comments, blank lines, CRLF, a byte-order mark, no name, spaces around fields */
  { "\xEF\xBB\xBF# holidays\r\n\r\n2026-02-14\twork\r\n 2026-02-15 \t off \t春节\r\n", 2, NULL },
  { "2026-02-14\twork\n2026-02-30\toff\tbad\n", 0, "line 2: “2026-02-30” is not a real date" },
  { "2026-02-14\tholiday\tx\n", 0, "line 1: 2026-02-14: the kind must be “off” or “work”" },
  { "2026-02-14\n", 0, "line 1: expected" },
  { "2026-02-14 off\n", 0, "line 1: expected" },
  { "2026-02-14\twork\n2026-02-14\twork\n", 0, "line 2: 2026-02-14 is listed twice" },
  { "2026-02-14\twork\n2026-02-14\toff\n", 0, "line 2: 2026-02-14 is listed twice" },
};

static void
test_tsv (gconstpointer data)
{
  const TsvCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxCalendar) cal = zx_calendar_new_from_tsv (c->text, -1, &error);

  if (c->error == NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (zx_calendar_get_n_days (cal), ==, c->n_days);
      return;
    }
  g_assert_null (cal);
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);
  if (strstr (error->message, c->error) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, c->error);
}

static void
test_tsv_length (void)
{
  const char *text = "2026-02-14\twork\n2026-02-15\toff\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxCalendar) cal = zx_calendar_new_from_tsv (text, 16, &error);

  /* Only the first line is inside LENGTH. */
  g_assert_no_error (error);
  g_assert_cmpuint (zx_calendar_get_n_days (cal), ==, 1);
}

static void
test_from_days (void)
{
  static const ZxCalendarDay days[] = {
    { "2026-02-14", "work" },
    { "2026-02-16", "off" },
  };
  static const ZxCalendarDay bad[] = {
    { "2026-02-14", "work" },
    { "2026-02-16", "of" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZxCalendar) cal = zx_calendar_new_from_days (days, G_N_ELEMENTS (days), &error);
  g_autoptr (ZxCalendar) ref = NULL;
  g_autoptr (ZxCalendar) empty = zx_calendar_new ();
  g_autofree char *due = NULL;

  g_assert_no_error (error);
  g_assert_true (zx_calendar_is_working_day (cal, "2026-02-14"));
  g_assert_false (zx_calendar_is_working_day (cal, "2026-02-16"));
  g_assert_true (zx_calendar_is_working_day (cal, "2026-02-17"));  /* not listed here */
  g_assert_true (zx_calendar_covers_year (cal, 2026));
  g_assert_false (zx_calendar_covers_year (cal, 2025));

  ref = zx_calendar_ref (cal);
  g_assert_true (ref == cal);

  g_assert_null (zx_calendar_new_from_days (bad, G_N_ELEMENTS (bad), &error));
  g_assert_error (error, ZX_ERROR, ZX_ERROR_INVALID);

  /* An empty calendar is plain Monday–Friday. */
  due = zx_calendar_add_working_days (empty, "2026-02-13", 1);
  g_assert_cmpstr (due, ==, "2026-02-16");
  g_assert_false (zx_calendar_covers_year (empty, 2026));
}

/* A calendar in which no day is a working day must not hang "N working days". */
static void
test_no_working_days (void)
{
  g_autoptr (ZxCalendar) cal = zx_calendar_new ();
  g_autofree char *due = NULL;

  for (int d = 1; d <= 31; d++)
    {
      g_autofree char *date = g_strdup_printf ("9999-12-%02d", d);

      g_assert_true (zx_calendar_add_day (cal, date, "off", NULL));
    }
  due = zx_calendar_add_working_days (cal, "9999-11-30", 1);
  g_assert_null (due);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ZX_ADD_TABLE ("/domain/calendar/working-day", working_cases, test_working_day);
  ZX_ADD_TABLE ("/domain/calendar/add-working-days", working_add_cases, test_add_working_days);
  g_test_add_func ("/domain/calendar/february-2026", test_working_days_in_february);
  g_test_add_func ("/domain/calendar/covers-years", test_covers_years);
  ZX_ADD_TABLE ("/domain/calendar/add-months", month_cases, test_add_months);
  ZX_ADD_TABLE ("/domain/calendar/term-end", term_cases, test_term_end);
  ZX_ADD_TABLE ("/domain/calendar/add-days", day_cases, test_add_days);
  g_test_add_func ("/domain/calendar/days-between", test_days_between);
  ZX_ADD_TABLE ("/domain/calendar/add-unit", unit_cases, test_add_unit);
  ZX_ADD_TABLE ("/domain/calendar/tsv", tsv_cases, test_tsv);
  g_test_add_func ("/domain/calendar/tsv-length", test_tsv_length);
  g_test_add_func ("/domain/calendar/from-days", test_from_days);
  g_test_add_func ("/domain/calendar/no-working-days", test_no_working_days);

  return g_test_run ();
}
