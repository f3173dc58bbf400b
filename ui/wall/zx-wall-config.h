/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ZX_WALL_SCROLL_SMOOTH,  /* continuous scrolling, the list repeating */
  ZX_WALL_SCROLL_PAGE,    /* one page at a time */
} ZxWallScrollMode;

/* The wall display's settings: the wall-* keys of GSettings, overridden by a key file for
 * screens without a desktop session (`zhixing --wall --wall-config FILE`):
 *
 *   [wall]
 *   mode=smooth            # or page
 *   speed=40               # pixels per second, 5–400
 *   font-scale=1.0         # 0.5–4
 *   columns=name;id-no;case-no;amount;conduct;published-on
 *   monitor=0              # -1: the primary monitor
 *   poll-seconds=3         # 1–300
 *   page-seconds=15        # 3–600
 *   bounty-every=60        # seconds between bounty slides (悬赏), 0: none; 0–86400
 *   bounty-seconds=8       # how long a bounty slide shows, 2–600
 *   bounty-first=false     # show the first bounty slide at once (screenshots, tests)
 *
 * Keys left out keep the GSettings value (or the built-in default). */
typedef struct
{
  int              monitor;       /* -1: the primary monitor */
  ZxWallScrollMode mode;
  double           speed;         /* pixels per second */
  double           font_scale;
  char           **columns;       /* column ids, see zx_wall_config_get_column_ids() */
  guint            page_seconds;
  guint            poll_seconds;
  guint            bounty_every;   /* seconds between bounty slides, 0: none */
  guint            bounty_seconds; /* how long one shows */
  gboolean         bounty_first;   /* the first slide at once, not after BOUNTY_EVERY */
} ZxWallConfig;

/* The built-in defaults. */
ZxWallConfig       *zx_wall_config_new              (void);
ZxWallConfig       *zx_wall_config_copy             (const ZxWallConfig *config);
void                zx_wall_config_free             (ZxWallConfig *config);

/* Takes the wall-* keys from SETTINGS (a cn.zhixing.Zhixing GSettings). wall-columns is only
 * taken once someone has set it: the schema's default predates the wall. */
void                zx_wall_config_load_settings    (ZxWallConfig *config,
                                                     GSettings    *settings);
/* Applies the keys of the [wall] group of the key file PATH. Fails (ZX_ERROR_INVALID-like
 * G_KEY_FILE_ERROR) naming the key for a value out of range or an unknown column, mode or key;
 * CONFIG is then unchanged. */
gboolean            zx_wall_config_load_file        (ZxWallConfig  *config,
                                                     const char    *path,
                                                     GError       **error);

/* The column ids the wall knows, NULL-terminated. */
const char *const  *zx_wall_config_get_column_ids   (void);
gboolean            zx_wall_config_is_column_id     (const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZxWallConfig, zx_wall_config_free)

G_END_DECLS
