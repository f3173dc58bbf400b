/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/zx-store.h"

G_BEGIN_DECLS

/* A fresh temp dir for one test, removed with its content by zx_test_tmpdir_free(). */
char    *zx_test_tmpdir_new (void);
void     zx_test_tmpdir_free (char *dir);

/* Creates DIR/NAME as a new, initialised database and returns the open store. */
ZxStore *zx_test_new_store (const char *dir, const char *name);

/* The same, closed again: just the file. */
void     zx_test_create_db (const char *dir, const char *name);

/* Reads the whole file; aborts the test on failure. */
GBytes  *zx_test_read_file (const char *path);
/* Runs argv (NULL-terminated) and returns its exit status; stdout/stderr captured if non-NULL. */
int      zx_test_spawn (const char *const *argv, char **out_stdout, char **out_stderr);
/* Starts argv (NULL-terminated) in the background; OUT_STDOUT_FD (if non-NULL) reads its
 * stdout. Reap it with zx_test_wait(). */
GPid     zx_test_spawn_async (const char *const *argv, int *out_stdout_fd);
/* Waits for PID and returns its exit status (128 + signal if killed). */
int      zx_test_wait (GPid pid);

/* Path of zhixingctl from the build ($ZHIXINGCTL). */
const char *zx_test_ctl (void);

/* Creates a team and returns its id. */
gint64   zx_test_add_team (ZxStore *store, const char *name);
/* One integer (first column of the first row) from a SELECT with no parameters. */
gint64   zx_test_query_int (sqlite3 *db, const char *sql);

G_END_DECLS
