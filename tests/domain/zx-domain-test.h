/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the domain rule tests (header-only: each test is one executable). */

#include <glib.h>

#include "domain/zx-calendar.h"

/* One GTest per table row: "/prefix/00", "/prefix/01", … so a failure names its row. */
static inline void
zx_add_table_tests (const char *prefix, gconstpointer table, gsize row_size, gsize n_rows,
                    GTestDataFunc func)
{
  for (gsize i = 0; i < n_rows; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%02" G_GSIZE_FORMAT, prefix, i);

      g_test_add_data_func (path, (const char *) table + i * row_size, func);
    }
}

#define ZX_ADD_TABLE(prefix, table, func) \
  zx_add_table_tests (prefix, table, sizeof (table[0]), G_N_ELEMENTS (table), func)

/* The calendar the app ships, data/holidays-cn.tsv (tests/meson.build sets ZX_TEST_SRCDIR to
 * the tests/ source folder). Loaded once per test program. */
static inline const ZxCalendar *
zx_test_holidays (void)
{
  static ZxCalendar *cal;

  if (cal == NULL)
    {
      const char *srcdir = g_getenv ("ZX_TEST_SRCDIR");
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      gsize length;

      g_assert_nonnull (srcdir);
      path = g_build_filename (srcdir, "..", "data", "holidays-cn.tsv", NULL);
      g_file_get_contents (path, &text, &length, &error);
      g_assert_no_error (error);
      cal = zx_calendar_new_from_tsv (text, (gssize) length, &error);
      g_assert_no_error (error);
    }

  return cal;
}
