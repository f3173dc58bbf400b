/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The wall display's settings: built-in defaults, then GSettings, then a key file. The ranges
 * are those of the GSettings schema, so a key file cannot set what dconf could not. */
#define G_LOG_DOMAIN "zx-wall"

#include "config.h"

#include <glib/gi18n.h>

#include "zx-wall-config.h"

#define GROUP "wall"

#define SPEED_MIN          5.0
#define SPEED_MAX          400.0
#define FONT_SCALE_MIN     0.5
#define FONT_SCALE_MAX     4.0
#define MONITOR_MIN        -1
#define MONITOR_MAX        63
#define POLL_SECONDS_MIN   1
#define POLL_SECONDS_MAX   300
#define PAGE_SECONDS_MIN   3
#define PAGE_SECONDS_MAX   600
#define BOUNTY_EVERY_MIN   0
#define BOUNTY_EVERY_MAX   86400
#define BOUNTY_SECONDS_MIN 2
#define BOUNTY_SECONDS_MAX 600

/* "obligation" (the schema's name for the obligation and how much is performed) shows the same
 * as "amount". */
static const char *const column_ids[] = {
  "name", "id-no", "case-no", "amount", "obligation", "conduct", "published-on", "filed-on",
  "court", "basis", NULL
};

/* Art. 6 of the provisions, as a hall can read it on one line per entry. */
static const char *const default_columns[] = {
  "name", "id-no", "case-no", "amount", "conduct", "published-on", NULL
};

static const char *const known_keys[] = {
  "mode", "speed", "font-scale", "columns", "monitor", "poll-seconds", "page-seconds",
  "bounty-every", "bounty-seconds", "bounty-first", NULL
};

const char *const *
zx_wall_config_get_column_ids (void)
{
  return column_ids;
}

gboolean
zx_wall_config_is_column_id (const char *id)
{
  return id != NULL && g_strv_contains (column_ids, id);
}

ZxWallConfig *
zx_wall_config_new (void)
{
  ZxWallConfig *config = g_new0 (ZxWallConfig, 1);

  config->monitor = -1;
  config->mode = ZX_WALL_SCROLL_SMOOTH;
  /* 60 px/s moves a whole pixel each frame at 60 Hz: smooth, no uneven steps. */
  config->speed = 60.0;
  config->font_scale = 1.0;
  config->columns = g_strdupv ((char **) default_columns);
  config->page_seconds = 15;
  config->poll_seconds = 3;
  config->bounty_every = 60;
  config->bounty_seconds = 8;
  config->bounty_first = FALSE;

  return config;
}

ZxWallConfig *
zx_wall_config_copy (const ZxWallConfig *config)
{
  ZxWallConfig *copy;

  g_return_val_if_fail (config != NULL, NULL);

  copy = g_memdup2 (config, sizeof *config);
  copy->columns = g_strdupv (config->columns);

  return copy;
}

void
zx_wall_config_free (ZxWallConfig *config)
{
  if (config == NULL)
    return;

  g_strfreev (config->columns);
  g_free (config);
}

/* Known ids only, at least one; NULL otherwise (BAD_ID gets the first unknown one). */
static char **
valid_columns (const char *const  *ids,
               const char        **bad_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *id = g_strstrip (g_strdup (ids[i]));

      if (*id == '\0')
        continue;
      if (!zx_wall_config_is_column_id (id))
        {
          if (bad_id != NULL)
            *bad_id = ids[i];
          return NULL;
        }
      g_strv_builder_add (builder, id);
      n++;
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

void
zx_wall_config_load_settings (ZxWallConfig *config,
                              GSettings    *settings)
{
  g_autoptr(GVariant) user_columns = NULL;

  g_return_if_fail (config != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  config->monitor = g_settings_get_int (settings, "wall-monitor");
  config->mode = g_settings_get_enum (settings, "wall-scroll-mode") == 1
                   ? ZX_WALL_SCROLL_PAGE
                   : ZX_WALL_SCROLL_SMOOTH;
  config->speed = g_settings_get_double (settings, "wall-speed");
  config->font_scale = g_settings_get_double (settings, "wall-font-scale");
  config->page_seconds = g_settings_get_uint (settings, "wall-page-seconds");
  config->poll_seconds = g_settings_get_uint (settings, "wall-poll-seconds");

  user_columns = g_settings_get_user_value (settings, "wall-columns");
  if (user_columns != NULL)
    {
      g_autofree const char **ids = g_variant_get_strv (user_columns, NULL);
      const char *bad_id = NULL;
      char **columns = valid_columns (ids, &bad_id);

      if (columns != NULL)
        {
          g_strfreev (config->columns);
          config->columns = columns;
        }
      else
        {
          g_warning ("wall-columns: unknown column “%s”, or none; using the default columns",
                     bad_id != NULL ? bad_id : "");
        }
    }
}

static gboolean
out_of_range (const char  *key,
              const char  *path,
              GError     **error)
{
  /* Translators: %s are a key and a file name */
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               _("Key “%s” in %s is out of range"), key, path);
  return FALSE;
}

static gboolean
read_double (GKeyFile    *file,
             const char  *path,
             const char  *key,
             double       min,
             double       max,
             double      *out,
             GError     **error)
{
  GError *local_error = NULL;
  double value;

  if (!g_key_file_has_key (file, GROUP, key, NULL))
    return TRUE;

  value = g_key_file_get_double (file, GROUP, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", path);
      return FALSE;
    }
  if (!(value >= min && value <= max))
    return out_of_range (key, path, error);

  *out = value;
  return TRUE;
}

static gboolean
read_int (GKeyFile    *file,
          const char  *path,
          const char  *key,
          int          min,
          int          max,
          int         *out,
          GError     **error)
{
  GError *local_error = NULL;
  int value;

  if (!g_key_file_has_key (file, GROUP, key, NULL))
    return TRUE;

  value = g_key_file_get_integer (file, GROUP, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", path);
      return FALSE;
    }
  if (value < min || value > max)
    return out_of_range (key, path, error);

  *out = value;
  return TRUE;
}

gboolean
zx_wall_config_load_file (ZxWallConfig  *config,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(ZxWallConfig) next = NULL;
  g_auto(GStrv) keys = NULL;
  int poll_seconds;
  int page_seconds;
  int bounty_every;
  int bounty_seconds;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  if (!g_key_file_has_group (file, GROUP))
    {
      /* Translators: the first %s is a file name, the second a group name like [wall] */
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("%s has no [%s] group"), path, GROUP);
      return FALSE;
    }

  /* A misspelt key would otherwise be ignored without a word, on a screen nobody watches. */
  keys = g_key_file_get_keys (file, GROUP, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!g_strv_contains (known_keys, keys[i]))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) known_keys);

          /* Translators: the first %s is a key, the second a file name, the third a list */
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                       _("Unknown key “%s” in %s; the keys are %s"), keys[i], path, known);
          return FALSE;
        }
    }

  next = zx_wall_config_copy (config);
  poll_seconds = (int) next->poll_seconds;
  page_seconds = (int) next->page_seconds;
  bounty_every = (int) next->bounty_every;
  bounty_seconds = (int) next->bounty_seconds;

  if (!read_double (file, path, "speed", SPEED_MIN, SPEED_MAX, &next->speed, error)
      || !read_double (file, path, "font-scale", FONT_SCALE_MIN, FONT_SCALE_MAX,
                       &next->font_scale, error)
      || !read_int (file, path, "monitor", MONITOR_MIN, MONITOR_MAX, &next->monitor, error)
      || !read_int (file, path, "poll-seconds", POLL_SECONDS_MIN, POLL_SECONDS_MAX,
                    &poll_seconds, error)
      || !read_int (file, path, "page-seconds", PAGE_SECONDS_MIN, PAGE_SECONDS_MAX,
                    &page_seconds, error)
      || !read_int (file, path, "bounty-every", BOUNTY_EVERY_MIN, BOUNTY_EVERY_MAX,
                    &bounty_every, error)
      || !read_int (file, path, "bounty-seconds", BOUNTY_SECONDS_MIN, BOUNTY_SECONDS_MAX,
                    &bounty_seconds, error))
    return FALSE;
  next->poll_seconds = (guint) poll_seconds;
  next->page_seconds = (guint) page_seconds;
  next->bounty_every = (guint) bounty_every;
  next->bounty_seconds = (guint) bounty_seconds;

  if (g_key_file_has_key (file, GROUP, "bounty-first", NULL))
    {
      GError *local_error = NULL;
      gboolean value = g_key_file_get_boolean (file, GROUP, "bounty-first", &local_error);

      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, local_error, "%s: ", path);
          return FALSE;
        }
      next->bounty_first = value;
    }

  if (g_key_file_has_key (file, GROUP, "mode", NULL))
    {
      g_autofree char *mode = g_strstrip (g_key_file_get_string (file, GROUP, "mode", NULL));

      if (g_strcmp0 (mode, "smooth") == 0)
        next->mode = ZX_WALL_SCROLL_SMOOTH;
      else if (g_strcmp0 (mode, "page") == 0)
        next->mode = ZX_WALL_SCROLL_PAGE;
      else
        {
          /* Translators: %s is a file name; “smooth” and “page” are values, keep them */
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("Key “mode” in %s must be “smooth” or “page”"), path);
          return FALSE;
        }
    }

  if (g_key_file_has_key (file, GROUP, "columns", NULL))
    {
      g_auto(GStrv) ids = g_key_file_get_string_list (file, GROUP, "columns", NULL, NULL);
      const char *bad_id = NULL;
      char **columns = valid_columns ((const char *const *) ids, &bad_id);

      if (columns == NULL)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) column_ids);

          /* Translators: the first %s is a column name, the second a file name, the third a
           * list of column names */
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("Unknown column “%s” in %s; the columns are %s"),
                       bad_id != NULL ? bad_id : "", path, known);
          return FALSE;
        }
      g_strfreev (next->columns);
      next->columns = columns;
    }

  /* Everything checked: take it. */
  g_strfreev (config->columns);
  *config = *next;
  next->columns = NULL;

  return TRUE;
}
