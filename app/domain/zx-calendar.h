/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "zx-error.h"

G_BEGIN_DECLS

/* Date arithmetic for the court's periods (pure: no I/O, "today" is always a parameter).
 *
 * Dates go in and out as ISO "YYYY-MM-DD" strings, years 1–9999. Every function that returns
 * a date returns a newly allocated string, or NULL when an input date is not a real date or
 * the result would leave that range (no critical warning: bad dates come from data). */

/* ---- plain dates (no holidays involved) ------------------------------------------------- */

/* TRUE for a real date written exactly YYYY-MM-DD. */
gboolean zx_date_is_valid (const char *date);
/* DATE + N calendar days (N may be negative). */
char    *zx_date_add_days (const char *date, int n);
/* Same day-of-month N months later (N may be negative), clamped to the last day of the
 * target month: 2026-01-31 + 1 month = 2026-02-28. */
char    *zx_date_add_months (const char *date, int n);
/* The last day of a term of MONTHS months (≥ 1) in force from START, START itself included:
 * the day before the same day-of-month MONTHS months later, or, when that month has no such
 * day, its last day. A 1-year freeze from 2026-01-10 runs through 2027-01-09; 1 month from
 * 2026-01-31 runs through 2026-02-28. Used for seizure terms, list periods and grace periods. */
char    *zx_date_term_end (const char *start, int months);
/* TO − FROM in days into OUT_DAYS (negative when TO is earlier). FALSE for a bad date. */
gboolean zx_date_days_between (const char *from, const char *to, int *out_days);
/* 1 = Monday … 7 = Sunday; 0 for a bad date. */
int      zx_date_weekday (const char *date);

/* ---- the working-day calendar ----------------------------------------------------------- */

/* China's public holidays ('off') and make-up working days ('work', 调休) — the deviations
 * from the Monday–Friday pattern. Reference-counted, immutable once built. */
typedef struct _ZxCalendar ZxCalendar;

typedef enum
{
  ZX_DAY_OFF = 1,   /* a public holiday: not a working day even on a weekday */
  ZX_DAY_WORK = 2,  /* a make-up working day: a working day even on a weekend */
} ZxDayKind;

/* One deviation, as the store reads it from its calendar table. */
typedef struct
{
  const char *day;   /* YYYY-MM-DD */
  const char *kind;  /* "off" or "work" */
} ZxCalendarDay;

/* An empty calendar: plain Monday–Friday, no year covered. */
ZxCalendar *zx_calendar_new (void);
/* Parses data/holidays-cn.tsv: lines "YYYY-MM-DD<TAB>off|work<TAB>name"; blank lines and
 * lines starting with '#' are skipped. Errors (ZX_ERROR_INVALID) name the line. */
ZxCalendar *zx_calendar_new_from_tsv (const char *text, gssize length, GError **error);
/* The same from (day, kind) pairs. */
ZxCalendar *zx_calendar_new_from_days (const ZxCalendarDay *days, gsize n_days, GError **error);
/* Adds one deviation while building; a day listed twice is an error. */
gboolean    zx_calendar_add_day (ZxCalendar *cal, const char *day, const char *kind,
                                 GError **error);
ZxCalendar *zx_calendar_ref (ZxCalendar *cal);
void        zx_calendar_unref (ZxCalendar *cal);

/* Number of deviations loaded. */
guint    zx_calendar_get_n_days (const ZxCalendar *cal);
/* TRUE if the calendar lists any day of YEAR. A year it does not cover is computed as plain
 * Monday–Friday, which is wrong around its holidays: Settings flags such years. */
gboolean zx_calendar_covers_year (const ZxCalendar *cal, int year);
/* TRUE when DATE is a working day: Monday–Friday unless 'off'; Saturday and Sunday only if
 * 'work'. FALSE for a bad date. */
gboolean zx_calendar_is_working_day (const ZxCalendar *cal, const char *date);
/* "N working days after DATE": DATE itself never counts, the result is the N-th working day
 * after it (for N < 0, the |N|-th working day before it; N = 0 gives DATE). */
char    *zx_calendar_add_working_days (const ZxCalendar *cal, const char *date, int n);
/* The due-date units of the rules tables: "days" (calendar days), "working_days", "months"
 * (calendar months, clamped) and "years" (12 months). An unknown unit or a bad date sets
 * ZX_ERROR_INVALID. */
char    *zx_calendar_add (const ZxCalendar *cal, const char *date, int amount, const char *unit,
                          GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxCalendar, zx_calendar_unref)

G_END_DECLS
