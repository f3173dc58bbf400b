/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $ZHIXING_BIN and $ZHIXINGCTL, set by tests/ui/meson.build. */
const char *ui_test_zhixing (void);
const char *ui_test_ctl     (void);

/* Runs ARGV (NULL-terminated) with the test's environment plus ENV_SET ("NAME=value" strings,
 * NULL-terminated, may be NULL) and returns its exit status (128 + signal if killed). */
int         ui_test_run     (const char *const *argv,
                             const char *const *env_set,
                             char             **out_stdout,
                             char             **out_stderr);

/* A fresh demo database in DIR: `zhixingctl --db DIR/NAME init` and `demo --cases N --seed 1`.
 * Returns its path. */
char       *ui_test_make_demo_db (const char *dir,
                                  const char *name,
                                  guint       n_cases);

G_END_DECLS
