/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data: a realistic basic-level court (承德市双桥区人民法院) with its teams and staff and
 * N cases filed from 2016-01-01 up to "today", with parties, process nodes, asset queries,
 * seizures, auctions, measures, list entries, judicial aid and the assignment log.
 *
 * Deterministic: everything comes from one xoshiro256** stream seeded with the seed, plus
 * today, n_cases and what the database already holds (calendar, teams, staff, routing rules).
 * No libm, no GLib random, no clock: the same inputs give the same rows (write timestamps
 * aside).  Assignment draws use the domain's random cycles with seeds from that stream, so
 * `zhixingctl assign verify` re-derives every one of them.
 *
 * Demo data goes only into a database without cases (ZX_ERROR_EXISTS otherwise): it numbers
 * its cases from 1 per type and year.  Teams and staff are created only when there are no
 * teams, otherwise the court's own active teams and staff are used; routing rules are the
 * store's defaults when there are none.
 *
 * Writing: the court first (one transaction), then the cases in transactions of CHUNK_CASES,
 * each with its counters, so a failure part-way leaves consistent, numbered cases behind;
 * then the search index is rebuilt.  Rows are buffered and written with multi-row INSERTs
 * reused through reset/bind; CHECK and foreign-key enforcement is off for the duration (see
 * BulkSettings).  The bulk rows are not audited one by one: one audit row ("demo") and one
 * change_log row (entity "cases", id 0 = many rows) record the whole generation. */
#define G_LOG_DOMAIN "zx-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "domain/zx-assign.h"
#include "io/zx-demo.h"
#include "store/zx-case-query.h"
#include "store/zx-cases.h"

#define COURT_NAME "承德市双桥区人民法院"
#define COURT_CODE "冀0802"
#define FIRST_YEAR 2016
#define NO_DAY G_MININT
/* Cases per write transaction: a few seconds each, so other writers wait at most that long;
 * smaller chunks journal and sync the same index pages again and again. */
#define CHUNK_CASES 100000
/* Page cache while generating (KiB): the random id_no index must stay in memory. */
#define DEMO_CACHE_KIB 262144

/* ---- random numbers: xoshiro256**, seeded by splitmix64 -------------------------------------- */

typedef struct
{
  guint64 s[4];
} Rng;

static inline guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl64 (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static void
rng_seed (Rng *r, guint64 seed)
{
  for (int i = 0; i < 4; i++)
    r->s[i] = splitmix64 (&seed);
}

static inline guint64
rng_next (Rng *r)
{
  guint64 *s = r->s;
  guint64 result = rotl64 (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl64 (s[3], 45);
  return result;
}

/* Uniform in [0, n). */
static inline guint32
rng_below (Rng *r, guint32 n)
{
  return (guint32) (((rng_next (r) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline int
rng_range (Rng *r, int lo, int hi)
{
  return hi <= lo ? lo : lo + (int) rng_below (r, (guint32) (hi - lo + 1));
}

/* TRUE with probability PERMILLE / 1000. */
static inline gboolean
rng_chance (Rng *r, guint permille)
{
  return rng_below (r, 1000) < permille;
}

static guint
rng_weighted (Rng *r, const guint16 *weights, guint n)
{
  guint total = 0, x;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  x = rng_below (r, total);
  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return n - 1;
}

typedef struct
{
  int     lo, hi;
  guint16 weight;
} Span;

static int
rng_span (Rng *r, const Span *spans, guint n)
{
  guint16 w[16];

  g_assert (n <= G_N_ELEMENTS (w));
  for (guint i = 0; i < n; i++)
    w[i] = spans[i].weight;
  const Span *s = &spans[rng_weighted (r, w, n)];
  return rng_range (r, s->lo, s->hi);
}

static guint64
hash64 (guint64 a, guint64 b)
{
  guint64 x = a ^ rotl64 (b, 29) ^ G_GUINT64_CONSTANT (0x2545F4914F6CDD1D);

  return splitmix64 (&x);
}

/* ---- days: day numbers since 1970-01-01, proleptic Gregorian --------------------------------- */

static int
days_from_civil (int y, int m, int d)
{
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (int z, int *y, int *m, int *d)
{
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;

  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

static int
days_in_month (int y, int m)
{
  static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

  return m == 2 && leap ? 29 : dim[m - 1];
}

/* Same day-of-month N months later, clamped to the month's last day. */
static int
add_months (int day, int n)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  m += n;
  y += (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  return days_from_civil (y, m, MIN (d, days_in_month (y, m)));
}

static int
year_of (int day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  return y;
}

/* Writes YYYY-MM-DD and a NUL into BUF (11 bytes). */
static void
format_day (int day, char *buf)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  buf[0] = '0' + y / 1000;
  buf[1] = '0' + y / 100 % 10;
  buf[2] = '0' + y / 10 % 10;
  buf[3] = '0' + y % 10;
  buf[4] = '-';
  buf[5] = '0' + m / 10;
  buf[6] = '0' + m % 10;
  buf[7] = '-';
  buf[8] = '0' + d / 10;
  buf[9] = '0' + d % 10;
  buf[10] = '\0';
}

static gboolean
parse_day (const char *text, int *out_day)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month (y, m))
    return FALSE;
  *out_day = days_from_civil (y, m, d);
  return TRUE;
}

/* ---- names, identity numbers, companies ------------------------------------------------------ */

typedef struct
{
  const char *han;
  const char *py;
  guint16     weight;
} NamePart;

/* Common surnames with a northern-China weighting (per mille, roughly). */
static const NamePart surnames[] = {
  { "王", "wang", 72 }, { "李", "li", 70 }, { "张", "zhang", 68 }, { "刘", "liu", 55 },
  { "陈", "chen", 35 }, { "杨", "yang", 32 }, { "赵", "zhao", 30 }, { "黄", "huang", 12 },
  { "周", "zhou", 16 }, { "吴", "wu", 14 }, { "徐", "xu", 13 }, { "孙", "sun", 16 },
  { "马", "ma", 14 }, { "朱", "zhu", 10 }, { "胡", "hu", 9 }, { "郭", "guo", 12 },
  { "何", "he", 6 }, { "高", "gao", 12 }, { "林", "lin", 5 }, { "罗", "luo", 5 },
  { "郑", "zheng", 6 }, { "梁", "liang", 6 }, { "谢", "xie", 4 }, { "宋", "song", 7 },
  { "唐", "tang", 5 }, { "许", "xu", 5 }, { "韩", "han", 8 }, { "冯", "feng", 6 },
  { "邓", "deng", 4 }, { "曹", "cao", 6 }, { "彭", "peng", 3 }, { "曾", "zeng", 2 },
  { "肖", "xiao", 4 }, { "田", "tian", 7 }, { "董", "dong", 7 }, { "袁", "yuan", 4 },
  { "潘", "pan", 3 }, { "于", "yu", 8 }, { "蒋", "jiang", 3 }, { "蔡", "cai", 3 },
  { "余", "yu", 2 }, { "杜", "du", 5 }, { "叶", "ye", 2 }, { "程", "cheng", 4 },
  { "苏", "su", 5 }, { "魏", "wei", 6 }, { "吕", "lv", 4 }, { "丁", "ding", 4 },
  { "任", "ren", 5 }, { "沈", "shen", 3 }, { "姚", "yao", 4 }, { "卢", "lu", 4 },
  { "姜", "jiang", 5 }, { "崔", "cui", 6 }, { "钟", "zhong", 2 }, { "谭", "tan", 2 },
  { "陆", "lu", 2 }, { "汪", "wang", 2 }, { "范", "fan", 4 }, { "金", "jin", 4 },
  { "石", "shi", 5 }, { "贾", "jia", 5 }, { "夏", "xia", 3 }, { "付", "fu", 4 },
  { "方", "fang", 3 }, { "白", "bai", 5 }, { "孟", "meng", 5 }, { "秦", "qin", 4 },
  { "邱", "qiu", 2 }, { "尹", "yin", 3 }, { "薛", "xue", 3 }, { "闫", "yan", 4 },
  { "段", "duan", 3 }, { "侯", "hou", 4 }, { "史", "shi", 4 }, { "贺", "he", 3 },
  { "顾", "gu", 2 }, { "毛", "mao", 2 }, { "郝", "hao", 5 }, { "邵", "shao", 2 },
  { "万", "wan", 2 }, { "钱", "qian", 2 }, { "武", "wu", 4 }, { "戴", "dai", 2 },
  { "孔", "kong", 2 }, { "常", "chang", 3 }, { "康", "kang", 3 }, { "齐", "qi", 3 },
  { "关", "guan", 3 }, { "佟", "tong", 2 }, { "岳", "yue", 2 }, { "路", "lu", 2 },
  { "温", "wen", 2 }, { "商", "shang", 1 }, { "纪", "ji", 2 }, { "靳", "jin", 2 },
};

static const NamePart male_chars[] = {
  { "伟", "wei", 1 }, { "强", "qiang", 1 }, { "磊", "lei", 1 }, { "军", "jun", 1 },
  { "勇", "yong", 1 }, { "杰", "jie", 1 }, { "涛", "tao", 1 }, { "斌", "bin", 1 },
  { "超", "chao", 1 }, { "明", "ming", 1 }, { "刚", "gang", 1 }, { "平", "ping", 1 },
  { "辉", "hui", 1 }, { "鹏", "peng", 1 }, { "华", "hua", 1 }, { "飞", "fei", 1 },
  { "鑫", "xin", 1 }, { "波", "bo", 1 }, { "宇", "yu", 1 }, { "浩", "hao", 1 },
  { "凯", "kai", 1 }, { "健", "jian", 1 }, { "俊", "jun", 1 }, { "帆", "fan", 1 },
  { "建", "jian", 1 }, { "国", "guo", 1 }, { "志", "zhi", 1 }, { "海", "hai", 1 },
  { "东", "dong", 1 }, { "春", "chun", 1 }, { "林", "lin", 1 }, { "峰", "feng", 1 },
  { "亮", "liang", 1 }, { "成", "cheng", 1 }, { "文", "wen", 1 }, { "永", "yong", 1 },
  { "宏", "hong", 1 }, { "德", "de", 1 }, { "立", "li", 1 }, { "新", "xin", 1 },
  { "庆", "qing", 1 }, { "金", "jin", 1 }, { "长", "chang", 1 }, { "福", "fu", 1 },
  { "生", "sheng", 1 }, { "学", "xue", 1 }, { "振", "zhen", 1 }, { "利", "li", 1 },
  { "全", "quan", 1 }, { "树", "shu", 1 }, { "忠", "zhong", 1 }, { "晓", "xiao", 1 },
  { "继", "ji", 1 }, { "光", "guang", 1 }, { "卫", "wei", 1 }, { "民", "min", 1 },
  { "胜", "sheng", 1 }, { "泽", "ze", 1 }, { "博", "bo", 1 }, { "晨", "chen", 1 },
  { "铁", "tie", 1 }, { "江", "jiang", 1 }, { "山", "shan", 1 }, { "兵", "bing", 1 },
  { "良", "liang", 1 }, { "宝", "bao", 1 }, { "占", "zhan", 1 }, { "旭", "xu", 1 },
};

static const NamePart female_chars[] = {
  { "芳", "fang", 1 }, { "娜", "na", 1 }, { "敏", "min", 1 }, { "静", "jing", 1 },
  { "丽", "li", 1 }, { "艳", "yan", 1 }, { "娟", "juan", 1 }, { "霞", "xia", 1 },
  { "秀", "xiu", 1 }, { "英", "ying", 1 }, { "玲", "ling", 1 }, { "燕", "yan", 1 },
  { "红", "hong", 1 }, { "梅", "mei", 1 }, { "洁", "jie", 1 }, { "琳", "lin", 1 },
  { "雪", "xue", 1 }, { "慧", "hui", 1 }, { "婷", "ting", 1 }, { "颖", "ying", 1 },
  { "倩", "qian", 1 }, { "晶", "jing", 1 }, { "萍", "ping", 1 }, { "兰", "lan", 1 },
  { "凤", "feng", 1 }, { "桂", "gui", 1 }, { "淑", "shu", 1 }, { "云", "yun", 1 },
  { "莉", "li", 1 }, { "丹", "dan", 1 }, { "佳", "jia", 1 }, { "欣", "xin", 1 },
  { "月", "yue", 1 }, { "春", "chun", 1 }, { "宁", "ning", 1 }, { "雅", "ya", 1 },
  { "晓", "xiao", 1 }, { "玉", "yu", 1 }, { "亚", "ya", 1 }, { "爱", "ai", 1 },
  { "翠", "cui", 1 }, { "素", "su", 1 }, { "彩", "cai", 1 }, { "琴", "qin", 1 },
  { "瑞", "rui", 1 }, { "冬", "dong", 1 }, { "文", "wen", 1 }, { "思", "si", 1 },
  { "悦", "yue", 1 }, { "菲", "fei", 1 }, { "蕾", "lei", 1 }, { "秋", "qiu", 1 },
};

static guint16 surname_weights[G_N_ELEMENTS (surnames)];

/* Writes a Chinese name into HAN (≥ 16 bytes) and, if PY is not NULL, its pinyin (≥ 24). */
static void
make_name (guint64 h, gboolean male, char *han, char *py)
{
  Rng r;
  const NamePart *pool = male ? male_chars : female_chars;
  guint n = male ? G_N_ELEMENTS (male_chars) : G_N_ELEMENTS (female_chars);
  const NamePart *parts[3];
  guint n_parts;

  rng_seed (&r, h);
  n_parts = rng_chance (&r, 350) ? 2 : 3;
  parts[0] = &surnames[rng_weighted (&r, surname_weights, G_N_ELEMENTS (surnames))];
  for (guint i = 1; i < n_parts; i++)
    parts[i] = &pool[rng_below (&r, n)];
  han[0] = '\0';
  if (py != NULL)
    py[0] = '\0';
  for (guint i = 0; i < n_parts; i++)
    {
      strcat (han, parts[i]->han);
      if (py != NULL)
        strcat (py, parts[i]->py);
    }
}

typedef struct
{
  const char *code;
  guint16     weight;
} Region;

/* Household registration regions: Chengde's districts and counties, a few from Shijiazhuang. */
static const Region id_regions[] = {
  { "130802", 40 }, { "130803", 8 }, { "130804", 3 }, { "130821", 10 }, { "130822", 6 },
  { "130823", 4 }, { "130824", 6 }, { "130825", 6 }, { "130826", 4 }, { "130827", 3 },
  { "130828", 4 }, { "130881", 4 }, { "130102", 2 }, { "130104", 2 }, { "130105", 2 },
  { "130108", 2 },
};

static guint16 id_region_weights[G_N_ELEMENTS (id_regions)];

static char
resident_check_char (const char *id17)
{
  static const int w[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (id17[i] - '0') * w[i];
  return "10X98765432"[sum % 11];
}

/* An 18-character resident ID (and NUL) for someone born on BIRTH. */
static void
make_resident_id (Rng *r, int birth, gboolean male, char *out)
{
  const Region *reg = &id_regions[rng_weighted (r, id_region_weights, G_N_ELEMENTS (id_regions))];
  char date[11];
  int seq = (int) rng_below (r, 500) * 2 + (male ? 1 : 0);

  format_day (birth, date);
  memcpy (out, reg->code, 6);
  memcpy (out + 6, date, 4);
  memcpy (out + 10, date + 5, 2);
  memcpy (out + 12, date + 8, 2);
  out[14] = '0' + seq / 100;
  out[15] = '0' + seq / 10 % 10;
  out[16] = '0' + seq % 10;
  out[17] = resident_check_char (out);
  out[18] = '\0';
}

static guint64
id_hash (const char *id, guint64 seed)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (int i = 0; i < 17; i++)
    h = (h ^ (guchar) id[i]) * G_GUINT64_CONSTANT (1099511628211);
  return hash64 (h, seed);
}

static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int
uscc_value (char c)
{
  const char *p = strchr (uscc_charset, c);

  return p ? (int) (p - uscc_charset) : 0;
}

/* GB 11714: 8 body characters, then the check character. */
static char
org_check_char (const char *body8)
{
  static const int w[] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0, c;

  for (int i = 0; i < 8; i++)
    {
      char ch = body8[i];
      sum += (g_ascii_isdigit (ch) ? ch - '0' : ch - 'A' + 10) * w[i];
    }
  c = 11 - sum % 11;
  return c == 10 ? 'X' : c == 11 ? '0' : '0' + c;
}

/* GB 32100: '9' '1' (enterprise), 6-digit region, 9-character organization code, check. */
static void
make_uscc (const char *region, const char *org9, char *out)
{
  static const int w[] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0;

  out[0] = '9';
  out[1] = '1';
  memcpy (out + 2, region, 6);
  memcpy (out + 8, org9, 9);
  for (int i = 0; i < 17; i++)
    sum += uscc_value (out[i]) * w[i];
  out[17] = uscc_charset[(31 - sum % 31) % 31];
  out[18] = '\0';
}

/* A unique organization code for company number IDX: old numeric codes, or the "MA" codes
 * given to companies registered after the 2015 reform (MODERN).  Both are IDX times a factor
 * coprime to the modulus plus an offset of the seed's, so no two companies share one. */
static void
make_org_code (guint idx, gboolean modern, guint64 seed, char *out)
{
  guint64 offset = hash64 (seed, 0x0C0DE);

  if (modern)
    {
      guint v = (guint) ((idx * G_GUINT64_CONSTANT (7) + offset) % (31u * 31u * 31u * 31u * 31u));

      out[0] = 'M';
      out[1] = 'A';
      out[2] = '0';
      for (int i = 7; i >= 3; i--, v /= 31)
        out[i] = uscc_charset[v % 31];
    }
  else
    {
      /* 10000000 … 99999999: old codes do not start with 0 */
      guint v = (guint) ((idx * G_GUINT64_CONSTANT (48271) + offset) % 90000000u) + 10000000u;

      for (int i = 7; i >= 0; i--, v /= 10)
        out[i] = '0' + v % 10;
    }
  out[8] = org_check_char (out);
}

typedef struct
{
  const char *name;
  const char *region;
} Prefix;

static const Prefix company_prefixes[] = {
  { "承德", "130802" }, { "承德市", "130800" }, { "河北", "130000" }, { "承德双桥", "130802" },
  { "承德县", "130821" }, { "滦平县", "130824" }, { "隆化县", "130825" }, { "兴隆县", "130822" },
  { "平泉", "130881" },
};

static const char *const company_brands[] = {
  "鑫源", "宏达", "华瑞", "恒信", "金泰", "盛世", "永丰", "天成", "瑞祥", "万通",
  "润泽", "博远", "德信", "冀东", "山庄", "兴业", "隆基", "嘉禾", "聚鑫", "泰和",
  "富民", "中诚", "宏远", "广源", "凯达", "昌盛", "正阳", "福源", "顺达", "安泰",
  "华通", "鼎盛", "恒通", "世纪", "北方", "燕山", "滦河", "武烈", "金山", "银河",
  "远航", "新城", "东方", "大地", "长城", "佳泰", "福瑞", "伟业", "金鼎", "龙腾",
};

static const char *const company_trades[] = {
  "商贸", "建筑工程", "房地产开发", "汽车销售", "物流", "餐饮管理", "矿业", "农业科技",
  "建材", "物业服务", "食品", "装饰工程", "信息技术", "医药", "旅游开发", "酒店管理",
  "钢铁", "机械设备", "园林绿化", "劳务",
};

#define N_COMPANIES (G_N_ELEMENTS (company_prefixes) * G_N_ELEMENTS (company_brands) \
                     * G_N_ELEMENTS (company_trades))

static const char *const lenders[] = {
  "中国工商银行股份有限公司承德分行", "中国农业银行股份有限公司承德分行",
  "中国银行股份有限公司承德分行", "中国建设银行股份有限公司承德分行",
  "中国邮政储蓄银行股份有限公司承德市分行", "承德银行股份有限公司",
  "河北银行股份有限公司承德分行", "承德双桥农村商业银行股份有限公司",
  "承德鑫达小额贷款有限公司", "承德中诚融资担保有限公司",
};

typedef struct
{
  char name[128];
  char uscc[19];
  char rep[16];
} Company;

/* Company IDX (0 .. N_COMPANIES-1, or N_COMPANIES + lender) always gets the same name, credit
 * code and legal representative for a given seed. */
static void
make_company (guint idx, guint64 seed, Company *co)
{
  guint64 h = hash64 (idx, seed);
  char org[10];
  const char *region = "130802";

  if (idx >= N_COMPANIES)
    {
      g_strlcpy (co->name, lenders[idx - N_COMPANIES], sizeof co->name);
      region = "130800";
    }
  else
    {
      guint np = G_N_ELEMENTS (company_prefixes), nb = G_N_ELEMENTS (company_brands);
      const Prefix *p = &company_prefixes[idx % np];

      g_snprintf (co->name, sizeof co->name, "%s%s%s%s", p->name,
                  company_brands[idx / np % nb], company_trades[idx / (np * nb)],
                  h % 7 == 0 ? "有限责任公司" : "有限公司");
      region = p->region;
    }
  make_org_code (idx, h % 5 < 2, seed, org);
  make_uscc (region, org, co->uscc);
  make_name (hash64 (h, 1), h % 5 != 0, co->rep, NULL);
}

/* ---- the court's organisation ---------------------------------------------------------------- */

typedef struct
{
  gint64 *ids;
  guint   n;
  guint64 key;     /* seeds the pool's cycles */
  guint   drawn;   /* the only state: how many have been drawn */
} Pool;

static void
pool_init (Pool *p, const gint64 *ids, guint n, guint64 key)
{
  p->ids = g_new (gint64, MAX (n, 1));
  p->n = n;
  p->key = key;
  p->drawn = 0;
  if (n > 0)
    memcpy (p->ids, ids, n * sizeof *ids);
}

static void
pool_clear (Pool *p)
{
  g_clear_pointer (&p->ids, g_free);
  p->n = 0;
}

/* Random cycles: cycle k deals the members in an order shuffled with a generator seeded from
 * the pool's key and k.  0 if the pool is empty. */
static gint64
pool_draw (Pool *p)
{
  guint order[64], cycle, pos, n = MIN (p->n, G_N_ELEMENTS (order));
  Rng r;

  if (n == 0)
    return 0;
  cycle = p->drawn / n;
  pos = p->drawn % n;
  p->drawn++;
  rng_seed (&r, hash64 (p->key, cycle));
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = rng_below (&r, i + 1), t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  return p->ids[order[pos]];
}

static gint64
pool_pick (Pool *p, Rng *r)
{
  return p->n == 0 ? 0 : p->ids[rng_below (r, p->n)];
}

/* ---- the generation context ------------------------------------------------------------------ */

/* The bulk tables.  Rows are buffered and written parent-first every FLUSH_CASES cases with
 * multi-row INSERTs (one statement for 32 rows costs about half of 32 single inserts). */
enum
{
  T_CASES,
  T_PARTIES,
  T_SEIZURES,
  T_NODES,
  T_QUERIES,
  T_AUCTIONS,
  T_MEASURES,
  T_LIST,
  T_AID,
  T_ASSIGN,
  N_TABLES
};

typedef struct
{
  const char *table;
  const char *columns;
  int         n_cols;
  gboolean    log;     /* at, actor instead of created_at, updated_at, updated_by */
} TableSpec;

static const TableSpec table_specs[N_TABLES] = {
  [T_CASES] = { "cases",
                "id, case_no, case_year, court_code, type_code, seq, filed_on, basis_type,"
                " basis_doc_no, basis_org, basis_effective_on, trial_judge_id, amount_applied,"
                " amount_realized, livelihood, small_amount, non_litigation, team_id,"
                " officer_id, assigned_on, status, concluded_on, deadline_on", 23 },
  [T_PARTIES] = { "parties", "id, case_id, role, kind, name, id_no, legal_rep, phone", 8 },
  [T_SEIZURES] = { "seizures",
                   "id, case_id, party_id, object, kind, state, waiting_rank, start_on,"
                   " expires_on, renewed_count, released_on, amount", 12 },
  [T_NODES] = { "nodes", "case_id, kind, occurrence, due_on, done_on", 5 },
  [T_QUERIES] = { "asset_queries",
                  "case_id, party_id, kind, channel, requested_on, answered_on, result,"
                  " found_amount", 8 },
  [T_AUCTIONS] = { "auctions",
                   "case_id, seizure_id, item, round, appraisal, reserve, deposit,"
                   " announced_on, auction_on, result, price", 11 },
  [T_MEASURES] = { "measures",
                   "case_id, party_id, kind, state, proposed_on, proposed_by, approved_on,"
                   " approver_id, executed_on, executed_by, days, amount, note", 13 },
  [T_LIST] = { "blacklist_entries",
               "case_id, party_id, ground, conduct, state, applied_on, decided_on, grace_until,"
               " published_on, period_end, removal_due_on, removed_on, removal_reason", 13 },
  [T_AID] = { "aid", "case_id, party_id, amount, state, applied_on, decided_on, paid_on, note",
              8 },
  [T_ASSIGN] = { "assignment_log",
                 "case_id, pool_key, pool_members, cycle_no, cycle_seed, position, chosen_kind,"
                 " chosen_id", 8, TRUE },
};

/* Rows per statement: a batch is written with as many 32-row statements as fit, then 8-row,
 * then single-row ones. */
static const int batch_sizes[] = { 32, 8, 1 };
#define N_BATCH_SIZES G_N_ELEMENTS (batch_sizes)
#define FLUSH_CASES 256
#define ARENA_SIZE (4 << 20)
#define ARENA_RESERVE (64 << 10)   /* more than one case ever needs */

typedef enum
{
  V_NULL,
  V_INT,
  V_TEXT,
} ValKind;

typedef struct
{
  ValKind kind;
  int     len;
  union
  {
    gint64      i;
    const char *s;
  };
} Val;

typedef struct
{
  sqlite3_stmt *stmts[N_BATCH_SIZES];
  GArray       *vals;     /* Val, n_cols per buffered row */
} Batch;

/* Case type codes, in the order of the counters. */
typedef enum
{
  TYPE_ZHI,      /* 执 */
  TYPE_HUI,      /* 执恢 */
  TYPE_BAO,      /* 执保 */
  TYPE_YI,       /* 执异 */
  N_TYPES
} CaseType;

static const char *const type_codes[N_TYPES] = { "执", "执恢", "执保", "执异" };
static const guint16 type_weights[N_TYPES] = { 830, 90, 60, 20 };

typedef enum
{
  ST_IN_PROGRESS,
  ST_SUSPENDED,
  ST_EXECUTED,
  ST_ZHONGBEN,
  ST_TERMINATED,
  ST_NOT_EXECUTED,
  ST_REJECTED,
  ST_WITHDRAWN,
  N_STATUSES
} Status;

static const char *const status_names[N_STATUSES] = {
  "in_progress", "suspended", "executed", "zhongben", "terminated", "not_executed", "rejected",
  "withdrawn",
};

typedef enum
{
  BASIS_JUDGMENT,
  BASIS_RULING,
  BASIS_MEDIATION,
  BASIS_ARBITRATION,
  BASIS_NOTARIZED,
  BASIS_PAYMENT_ORDER,
  BASIS_ADMINISTRATIVE,
  BASIS_OTHER,
  N_BASES
} Basis;

static const char *const basis_names[N_BASES] = {
  "judgment", "ruling", "mediation", "arbitration", "notarized", "payment_order",
  "administrative", "other",
};

/* A routing rule's random cycles (the domain's zx_assign_next, logged like a real filing). */
typedef struct
{
  char         key[32];   /* assignment_log.pool_key */
  GArray      *pool;      /* team ids, in pool order */
  char        *members;   /* the pool as JSON */
  ZxAssignDraw last;
  gboolean     has_last;
} DrawPool;

static void
draw_pool_clear (DrawPool *dp)
{
  g_clear_pointer (&dp->pool, g_array_unref);
  g_clear_pointer (&dp->members, g_free);
}

typedef struct
{
  Rng           rng;
  int           year_idx;
  guint         year_k;
  int           cursor;
  gint64        cursor_acc;
  gint64        year_weight;
  guint         done;
  gint64        next_case_id, next_party_id, next_seizure_id;
  guint        *last_seq;
  ZxAssignDraw *draws;
  gboolean     *has_draw;
  guint        *officers_drawn;
} Checkpoint;

typedef struct
{
  ZxStore      *store;
  sqlite3      *db;
  const char   *now;
  const char   *actor;
  Batch         batches[N_TABLES];
  char         *arena;          /* text of the buffered rows */
  gsize         arena_used;
  guint         buffered_cases;

  Rng           rng;
  guint64       seed;
  guint         n_cases;
  int           today;
  int           cal_base;
  int           cal_len;
  guint8       *workday;        /* 1 if a working day, from cal_base */

  /* organisation */
  guint         n_teams;
  gint64       *team_ids;
  Pool         *team_officers;  /* per team */
  GPtrArray    *rules;          /* ZxRoutingRule, by priority */
  DrawPool     *draw_pools;     /* one per rule, then "all-teams" */
  Pool          judges;
  Pool          police;
  gint64        president_id;

  /* filing plan */
  int           n_years;
  guint        *year_counts;
  int           year_idx;
  guint         year_k;         /* cases filed so far in the current year */
  int           cursor;         /* current working day */
  gint64        cursor_acc;     /* weight of the working days before the cursor */
  gint64        year_weight;
  guint        *last_seq;       /* [year][type] */

  guint         done;           /* cases generated so far */
  gint64        next_case_id;
  gint64        next_party_id;
  gint64        next_seizure_id;
  gboolean      setup_done;
  gboolean      in_chunk;       /* a case transaction started and did not finish */
  Checkpoint    checkpoint;
} DemoCtx;

/* Everything demo_setup() loads or plans. */
static void
clear_setup (DemoCtx *ctx)
{
  for (guint i = 0; i < ctx->n_teams; i++)
    pool_clear (&ctx->team_officers[i]);
  ctx->n_teams = 0;
  g_clear_pointer (&ctx->team_officers, g_free);
  g_clear_pointer (&ctx->team_ids, g_free);
  for (guint i = 0; ctx->draw_pools != NULL && i <= ctx->rules->len; i++)
    draw_pool_clear (&ctx->draw_pools[i]);
  g_clear_pointer (&ctx->draw_pools, g_free);
  g_clear_pointer (&ctx->rules, g_ptr_array_unref);
  pool_clear (&ctx->judges);
  pool_clear (&ctx->police);
  g_clear_pointer (&ctx->workday, g_free);
  g_clear_pointer (&ctx->year_counts, g_free);
  g_clear_pointer (&ctx->last_seq, g_free);
  ctx->setup_done = FALSE;
}

static void
checkpoint_clear (Checkpoint *cp)
{
  g_clear_pointer (&cp->last_seq, g_free);
  g_clear_pointer (&cp->draws, g_free);
  g_clear_pointer (&cp->has_draw, g_free);
  g_clear_pointer (&cp->officers_drawn, g_free);
}

static void
demo_ctx_clear (DemoCtx *ctx)
{
  clear_setup (ctx);
  checkpoint_clear (&ctx->checkpoint);
  for (int t = 0; t < N_TABLES; t++)
    g_clear_pointer (&ctx->batches[t].vals, g_array_unref);
  g_free (ctx->arena);
}

/* The generator's state at the start of a transaction, to start it over if the store runs
 * the transaction again (it does after ZX_ERROR_BUSY): the same cases come out either way. */
static void
checkpoint_save (DemoCtx *ctx)
{
  Checkpoint *cp = &ctx->checkpoint;
  guint n_pools = ctx->rules->len + 1, n_seq = (guint) ctx->n_years * N_TYPES;

  cp->rng = ctx->rng;
  cp->year_idx = ctx->year_idx;
  cp->year_k = ctx->year_k;
  cp->cursor = ctx->cursor;
  cp->cursor_acc = ctx->cursor_acc;
  cp->year_weight = ctx->year_weight;
  cp->done = ctx->done;
  cp->next_case_id = ctx->next_case_id;
  cp->next_party_id = ctx->next_party_id;
  cp->next_seizure_id = ctx->next_seizure_id;
  if (cp->last_seq == NULL)
    {
      cp->last_seq = g_new (guint, MAX (n_seq, 1));
      cp->draws = g_new (ZxAssignDraw, n_pools);
      cp->has_draw = g_new (gboolean, n_pools);
      cp->officers_drawn = g_new (guint, MAX (ctx->n_teams, 1));
    }
  memcpy (cp->last_seq, ctx->last_seq, n_seq * sizeof (guint));
  for (guint i = 0; i < n_pools; i++)
    {
      cp->draws[i] = ctx->draw_pools[i].last;
      cp->has_draw[i] = ctx->draw_pools[i].has_last;
    }
  for (guint i = 0; i < ctx->n_teams; i++)
    cp->officers_drawn[i] = ctx->team_officers[i].drawn;
}

static void
checkpoint_restore (DemoCtx *ctx)
{
  const Checkpoint *cp = &ctx->checkpoint;

  ctx->rng = cp->rng;
  ctx->year_idx = cp->year_idx;
  ctx->year_k = cp->year_k;
  ctx->cursor = cp->cursor;
  ctx->cursor_acc = cp->cursor_acc;
  ctx->year_weight = cp->year_weight;
  ctx->done = cp->done;
  ctx->next_case_id = cp->next_case_id;
  ctx->next_party_id = cp->next_party_id;
  ctx->next_seizure_id = cp->next_seizure_id;
  memcpy (ctx->last_seq, cp->last_seq, (gsize) ctx->n_years * N_TYPES * sizeof (guint));
  for (guint i = 0; i <= ctx->rules->len; i++)
    {
      ctx->draw_pools[i].last = cp->draws[i];
      ctx->draw_pools[i].has_last = cp->has_draw[i];
    }
  for (guint i = 0; i < ctx->n_teams; i++)
    ctx->team_officers[i].drawn = cp->officers_drawn[i];
  /* rows of the failed attempt that were not written yet */
  for (int t = 0; t < N_TABLES; t++)
    if (ctx->batches[t].vals != NULL)
      g_array_set_size (ctx->batches[t].vals, 0);
  ctx->arena_used = 0;
  ctx->buffered_cases = 0;
}

/* ---- statement helpers ----------------------------------------------------------------------- */

static gboolean
sql_fail (DemoCtx *ctx, int rc, const char *what, GError **error)
{
  zx_set_sqlite_error (error, ctx->db, rc, what);
  return FALSE;
}

static gboolean
run (DemoCtx *ctx, sqlite3_stmt *st, GError **error)
{
  int rc = sqlite3_step (st);

  if (rc != SQLITE_DONE)
    {
      sql_fail (ctx, rc, "generating demo data", error);
      sqlite3_reset (st);
      return FALSE;
    }
  sqlite3_reset (st);
  return TRUE;
}

static inline void
bind_text (sqlite3_stmt *st, int i, const char *v)
{
  if (v != NULL)
    sqlite3_bind_text (st, i, v, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (st, i);
}

/* Binds a row id, NULL for 0. */
static inline void
bind_id (sqlite3_stmt *st, int i, gint64 v)
{
  if (v > 0)
    sqlite3_bind_int64 (st, i, v);
  else
    sqlite3_bind_null (st, i);
}

static gboolean
prepare (DemoCtx *ctx, const char *sql, sqlite3_stmt **out, GError **error)
{
  int rc = sqlite3_prepare_v2 (ctx->db, sql, -1, out, NULL);

  if (rc != SQLITE_OK)
    return sql_fail (ctx, rc, "preparing demo statements", error);
  return TRUE;
}

/* ---- buffered rows --------------------------------------------------------------------------- */

/* INSERT of ROWS rows into table T: ?1 is the transaction's timestamp, ?2 the actor (bound
 * once), then the columns of each row. */
static char *
batch_sql (int t, int rows)
{
  const TableSpec *spec = &table_specs[t];
  GString *sql = g_string_new (NULL);
  int p = 3;

  /* OR FAIL: a multi-row INSERT that may abort needs a statement journal, which costs as
   * much again; a failure rolls back the whole transaction anyway. */
  g_string_append_printf (sql, "INSERT OR FAIL INTO %s (%s, %s) VALUES ", spec->table,
                          spec->columns,
                          spec->log ? "at, actor" : "created_at, updated_at, updated_by");
  for (int r = 0; r < rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (int c = 0; c < spec->n_cols; c++)
        g_string_append_printf (sql, "?%d, ", p++);
      g_string_append (sql, spec->log ? "?1, ?2)" : "?1, ?1, ?2)");
    }
  return g_string_free (sql, FALSE);
}

static gboolean
prepare_bulk (DemoCtx *ctx, GError **error)
{
  if (ctx->arena == NULL)
    ctx->arena = g_malloc (ARENA_SIZE);
  for (int t = 0; t < N_TABLES; t++)
    {
      Batch *b = &ctx->batches[t];

      if (b->vals == NULL)
        b->vals = g_array_new (FALSE, TRUE, sizeof (Val));
      for (guint k = 0; k < N_BATCH_SIZES; k++)
        {
          g_autofree char *sql = batch_sql (t, batch_sizes[k]);

          if (!prepare (ctx, sql, &b->stmts[k], error))
            return FALSE;
          sqlite3_bind_text (b->stmts[k], 1, ctx->now, -1, SQLITE_STATIC);
          sqlite3_bind_text (b->stmts[k], 2, ctx->actor, -1, SQLITE_STATIC);
        }
    }
  return TRUE;
}

static void
finalize_bulk (DemoCtx *ctx)
{
  for (int t = 0; t < N_TABLES; t++)
    for (guint k = 0; k < N_BATCH_SIZES; k++)
      g_clear_pointer (&ctx->batches[t].stmts[k], sqlite3_finalize);
}

/* A new row of TABLE, all NULL; valid until the next row of the same table. */
static Val *
row_new (DemoCtx *ctx, int table)
{
  GArray *vals = ctx->batches[table].vals;
  guint n = (guint) table_specs[table].n_cols;

  g_array_set_size (vals, vals->len + n);
  return &g_array_index (vals, Val, vals->len - n);
}

static inline void
v_int (Val *v, gint64 x)
{
  v->kind = V_INT;
  v->i = x;
}

/* A row id; stays NULL for 0. */
static inline void
v_id (Val *v, gint64 x)
{
  if (x > 0)
    v_int (v, x);
}

/* Text that outlives the flush (string literals); NULL stays NULL. */
static inline void
v_static (Val *v, const char *s)
{
  if (s == NULL)
    return;
  v->kind = V_TEXT;
  v->s = s;
  v->len = (int) strlen (s);
}

/* Text copied into the arena; NULL stays NULL. */
static inline void
v_text (DemoCtx *ctx, Val *v, const char *s)
{
  char *dst = ctx->arena + ctx->arena_used;

  if (s == NULL)
    return;
  v->kind = V_TEXT;
  v->len = (int) strlen (s);
  memcpy (dst, s, v->len);
  v->s = dst;
  ctx->arena_used += v->len;
}

/* A date as YYYY-MM-DD; NO_DAY stays NULL. */
static inline void
v_day (DemoCtx *ctx, Val *v, int day)
{
  char *dst = ctx->arena + ctx->arena_used;

  if (day == NO_DAY)
    return;
  format_day (day, dst);
  v->kind = V_TEXT;
  v->len = 10;
  v->s = dst;
  ctx->arena_used += 10;
}

static inline void
bind_val (sqlite3_stmt *st, int i, const Val *v)
{
  switch (v->kind)
    {
    case V_INT:
      sqlite3_bind_int64 (st, i, v->i);
      break;
    case V_TEXT:
      sqlite3_bind_text (st, i, v->s, v->len, SQLITE_STATIC);
      break;
    case V_NULL:
    default:
      sqlite3_bind_null (st, i);
      break;
    }
}

static gboolean
flush_table (DemoCtx *ctx, int t, GError **error)
{
  Batch *b = &ctx->batches[t];
  guint n_cols = (guint) table_specs[t].n_cols;
  guint n_rows = b->vals->len / n_cols, r = 0;
  const Val *vals = (const Val *) (gpointer) b->vals->data;

  for (guint k = 0; k < N_BATCH_SIZES; k++)
    for (guint rows = (guint) batch_sizes[k]; n_rows - r >= rows; r += rows)
      {
        for (guint j = 0; j < rows * n_cols; j++)
          bind_val (b->stmts[k], 3 + (int) j, &vals[r * n_cols + j]);
        if (!run (ctx, b->stmts[k], error))
          return FALSE;
      }
  g_array_set_size (b->vals, 0);
  return TRUE;
}

/* Writes the buffered rows, parents before children. */
static gboolean
flush_rows (DemoCtx *ctx, GError **error)
{
  for (int t = 0; t < N_TABLES; t++)
    if (!flush_table (ctx, t, error))
      return FALSE;
  ctx->arena_used = 0;
  ctx->buffered_cases = 0;
  return TRUE;
}

/* One integer from a parameterless SELECT; -1 on error. */
static gint64
query_int (DemoCtx *ctx, const char *sql, GError **error)
{
  sqlite3_stmt *st = NULL;
  gint64 v = -1;
  int rc;

  if (!prepare (ctx, sql, &st, error))
    return -1;
  rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    v = sqlite3_column_int64 (st, 0);
  else
    sql_fail (ctx, rc, "reading the database", error);
  sqlite3_finalize (st);
  return v;
}

/* All values of the first column of SQL, with ?1 bound to TEXT_PARAM if not NULL, else to
 * NUM_PARAM if positive. */
static gboolean
query_ids (DemoCtx    *ctx,
           const char *sql,
           const char *text_param,
           gint64      num_param,
           GArray     *out,
           GError    **error)
{
  sqlite3_stmt *st = NULL;
  int rc;

  if (!prepare (ctx, sql, &st, error))
    return FALSE;
  if (text_param != NULL)
    sqlite3_bind_text (st, 1, text_param, -1, SQLITE_STATIC);
  else if (num_param > 0)
    sqlite3_bind_int64 (st, 1, num_param);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 v = sqlite3_column_int64 (st, 0);
      g_array_append_val (out, v);
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    return sql_fail (ctx, rc, "reading the database", error);
  return TRUE;
}

/* ---- the calendar ---------------------------------------------------------------------------- */

static gboolean
is_workday (DemoCtx *ctx, int day)
{
  int i = day - ctx->cal_base;

  if (i >= 0 && i < ctx->cal_len)
    return ctx->workday[i];
  i = ((day + 4) % 7 + 7) % 7;   /* 0 = Sunday */
  return i != 0 && i != 6;
}

static int
next_workday (DemoCtx *ctx, int day)
{
  while (!is_workday (ctx, day))
    day++;
  return day;
}

static int
add_workdays (DemoCtx *ctx, int day, int n)
{
  while (n > 0)
    {
      day++;
      if (is_workday (ctx, day))
        n--;
    }
  return day;
}

/* Monday–Friday from 2015 to ten years after today, corrected by the calendar table. */
static gboolean
load_calendar (DemoCtx *ctx, GError **error)
{
  sqlite3_stmt *st = NULL;
  int rc;

  ctx->cal_base = days_from_civil (FIRST_YEAR - 1, 1, 1);
  ctx->cal_len = ctx->today + 3660 - ctx->cal_base;
  ctx->workday = g_new (guint8, ctx->cal_len);
  for (int i = 0; i < ctx->cal_len; i++)
    {
      int wd = ((ctx->cal_base + i + 4) % 7 + 7) % 7;
      ctx->workday[i] = wd != 0 && wd != 6;
    }
  if (!prepare (ctx, "SELECT day, kind FROM calendar ORDER BY day", &st, error))
    return FALSE;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      int day;
      const char *kind = (const char *) sqlite3_column_text (st, 1);

      if (parse_day ((const char *) sqlite3_column_text (st, 0), &day)
          && day >= ctx->cal_base && day < ctx->cal_base + ctx->cal_len && kind != NULL)
        ctx->workday[day - ctx->cal_base] = strcmp (kind, "work") == 0;
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    return sql_fail (ctx, rc, "reading the holiday calendar", error);
  return TRUE;
}

/* ---- setting up: meta, teams, staff, routing rules ------------------------------------------- */

static gboolean
write_meta (DemoCtx *ctx, GError **error)
{
  static const char *const kv[][2] = {
    { "court_name", COURT_NAME },
    { "court_code", COURT_CODE },
  };
  sqlite3_stmt *st = NULL;
  gboolean ok = TRUE;

  if (!prepare (ctx, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", &st, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (kv); i++)
    {
      bind_text (st, 1, kv[i][0]);
      bind_text (st, 2, kv[i][1]);
      ok = run (ctx, st, error);
    }
  sqlite3_finalize (st);
  return ok;
}

typedef struct
{
  sqlite3_stmt *team;
  sqlite3_stmt *staff;
  GHashTable   *logins;
} OrgWriter;

static void
org_writer_clear (OrgWriter *w)
{
  g_clear_pointer (&w->team, sqlite3_finalize);
  g_clear_pointer (&w->staff, sqlite3_finalize);
  g_clear_pointer (&w->logins, g_hash_table_unref);
}

static gboolean
org_writer_init (DemoCtx *ctx, OrgWriter *w, GError **error)
{
  g_autoptr (GPtrArray) logins = g_ptr_array_new ();
  sqlite3_stmt *st = NULL;
  int rc;

  w->logins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!prepare (ctx, "SELECT login FROM staff WHERE login IS NOT NULL", &st, error))
    return FALSE;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_hash_table_add (w->logins, g_strdup ((const char *) sqlite3_column_text (st, 0)));
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    return sql_fail (ctx, rc, "reading staff", error);
  if (!prepare (ctx,
                "INSERT INTO teams (name, kind, sort_order, created_at, updated_at, updated_by)"
                " VALUES (?3, ?4, ?5, ?1, ?1, ?2)",
                &w->team, error)
      || !prepare (ctx,
                   "INSERT INTO staff (name, login, role, team_id, phone, created_at, updated_at,"
                   " updated_by) VALUES (?3, ?4, ?5, ?6, ?7, ?1, ?1, ?2)",
                   &w->staff, error))
    return FALSE;
  bind_text (w->team, 1, ctx->now);
  bind_text (w->team, 2, ctx->actor);
  bind_text (w->staff, 1, ctx->now);
  bind_text (w->staff, 2, ctx->actor);
  return TRUE;
}

static void
make_phone (Rng *r, char *out)
{
  static const char second[] = "3578953";
  guint64 v = rng_next (r);

  out[0] = '1';
  out[1] = second[v % 7];
  v /= 7;
  for (int i = 2; i < 11; i++, v /= 10)
    out[i] = '0' + v % 10;
  out[11] = '\0';
}

static gboolean
add_staff (DemoCtx *ctx, OrgWriter *w, const char *role, gint64 team_id, guint male_permille,
           GError **error)
{
  char name[32], py[48], login[64], phone[12];
  gboolean male = rng_chance (&ctx->rng, male_permille);

  make_name (rng_next (&ctx->rng), male, name, py);
  for (guint n = 1;; n++)
    {
      g_snprintf (login, sizeof login, "%s%02u", py, n);
      if (!g_hash_table_contains (w->logins, login))
        break;
    }
  g_hash_table_add (w->logins, g_strdup (login));
  make_phone (&ctx->rng, phone);
  bind_text (w->staff, 3, name);
  bind_text (w->staff, 4, login);
  bind_text (w->staff, 5, role);
  bind_id (w->staff, 6, team_id);
  bind_text (w->staff, 7, phone);
  return run (ctx, w->staff, error);
}

static const char *const team_names[] = {
  "执行一组", "执行二组", "执行三组", "执行四组", "执行五组", "执行六组", "执行七组", "执行八组",
  "执行九组", "执行十组", "执行十一组",
};

/* One team with its leader, two officers and one or two clerks. */
static gboolean
add_team (DemoCtx *ctx, OrgWriter *w, guint i, GError **error)
{
  gint64 id;

  bind_text (w->team, 3, team_names[i]);
  bind_text (w->team, 4, "execution");
  sqlite3_bind_int (w->team, 5, (int) i + 1);
  if (!run (ctx, w->team, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (ctx->db);
  if (!add_staff (ctx, w, "team_leader", id, 800, error))
    return FALSE;
  for (int k = 0; k < 2; k++)
    if (!add_staff (ctx, w, "officer", id, 650, error))
      return FALSE;
  for (guint k = 0; k < (i < 6 ? 2u : 1u); k++)
    if (!add_staff (ctx, w, "clerk", id, 300, error))
      return FALSE;
  return TRUE;
}

/* 11 teams with 50 staff, the bureau director, the president, 6 judicial police, 10 trial
 * judges and an administrator. */
static gboolean
create_org (DemoCtx *ctx, GError **error)
{
  OrgWriter w = { 0 };
  gboolean ok = org_writer_init (ctx, &w, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (team_names); i++)
    ok = add_team (ctx, &w, i, error);
  ok = ok && add_staff (ctx, &w, "director", 0, 850, error);
  ok = ok && add_staff (ctx, &w, "president", 0, 800, error);
  for (int i = 0; ok && i < 6; i++)
    ok = add_staff (ctx, &w, "police", 0, 950, error);
  for (int i = 0; ok && i < 10; i++)
    ok = add_staff (ctx, &w, "judge", 0, 550, error);
  ok = ok && add_staff (ctx, &w, "admin", 0, 600, error);
  org_writer_clear (&w);
  return ok;
}

/* ---- loading the organisation the cases are assigned to -------------------------------------- */

static gboolean
load_staff_pool (DemoCtx *ctx, const char *role, Pool *pool, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!query_ids (ctx, "SELECT id FROM staff WHERE active = 1 AND role = ?1 ORDER BY id",
                  role, 0, ids, error))
    return FALSE;
  pool_init (pool, (gint64 *) ids->data, ids->len, 0);
  return TRUE;
}

static gboolean
load_teams (DemoCtx *ctx, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!query_ids (ctx, "SELECT id FROM teams WHERE active = 1 ORDER BY sort_order, id",
                  NULL, 0, ids, error))
    return FALSE;
  ctx->n_teams = ids->len;
  ctx->team_ids = g_new0 (gint64, MAX (ids->len, 1));
  ctx->team_officers = g_new0 (Pool, MAX (ids->len, 1));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GArray) officers = g_array_new (FALSE, FALSE, sizeof (gint64));

      ctx->team_ids[i] = g_array_index (ids, gint64, i);
      if (!query_ids (ctx,
                      "SELECT id FROM staff WHERE active = 1 AND team_id = ?1"
                      " AND role IN ('officer', 'team_leader') ORDER BY id",
                      NULL, ctx->team_ids[i], officers, error))
        return FALSE;
      pool_init (&ctx->team_officers[i], (gint64 *) officers->data, officers->len,
                 hash64 (ctx->seed, (guint64) ctx->team_ids[i]));
    }
  return TRUE;
}

static char *
ids_json (const gint64 *ids, guint n)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* "[1,2,3]" → ids; anything else → empty. */
static GArray *
parse_ids (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return ids;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return ids;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      gint64 id = json_array_get_int_element (json_node_get_array (root), i);
      g_array_append_val (ids, id);
    }
  return ids;
}

static char *
column_dup (sqlite3_stmt *st, int i)
{
  return g_strdup ((const char *) sqlite3_column_text (st, i));
}

static ZxRoutingRule *
read_rule (sqlite3_stmt *st)
{
  ZxRoutingRule *rule = zx_routing_rule_new ();
  g_autoptr (GArray) teams = parse_ids ((const char *) sqlite3_column_text (st, 9));

  rule->id = sqlite3_column_int64 (st, 0);
  rule->priority = sqlite3_column_int (st, 1);
  rule->name = column_dup (st, 2);
  rule->filed_before = column_dup (st, 3);
  rule->filed_from = column_dup (st, 4);
  rule->basis_type = column_dup (st, 5);
  rule->effective_from = column_dup (st, 6);
  rule->type_code = column_dup (st, 7);
  if (!zx_pool_kind_from_string ((const char *) sqlite3_column_text (st, 8), &rule->pool_kind))
    rule->pool_kind = ZX_POOL_TEAMS;
  g_array_append_vals (rule->pool_team_ids, teams->data, teams->len);
  return rule;
}

static void
draw_pool_init (DrawPool *dp, const char *key, const gint64 *ids, guint n)
{
  g_strlcpy (dp->key, key, sizeof dp->key);
  dp->pool = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (dp->pool, ids, n);
  dp->members = ids_json (ids, n);
  dp->has_last = FALSE;
}

/* The active routing rules, each with its cycle state, and "all-teams" for cases no rule
 * takes (as zx_store_file_case does). */
static gboolean
load_rules (DemoCtx *ctx, GError **error)
{
  sqlite3_stmt *st = NULL;
  int rc;

  ctx->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) zx_routing_rule_free);
  if (!prepare (ctx,
                "SELECT id, priority, name, filed_before, filed_from, basis_type, effective_from,"
                " type_code, pool_kind, pool_team_ids FROM routing_rules WHERE active = 1"
                " ORDER BY priority, id",
                &st, error))
    return FALSE;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (ctx->rules, read_rule (st));
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    return sql_fail (ctx, rc, "reading the routing rules", error);
  ctx->draw_pools = g_new0 (DrawPool, ctx->rules->len + 1);
  for (guint i = 0; i < ctx->rules->len; i++)
    {
      ZxRoutingRule *rule = g_ptr_array_index (ctx->rules, i);
      char key[32];

      g_snprintf (key, sizeof key, "rule:%" G_GINT64_FORMAT, rule->id);
      draw_pool_init (&ctx->draw_pools[i], key,
                      (const gint64 *) (gpointer) rule->pool_team_ids->data,
                      rule->pool_team_ids->len);
    }
  draw_pool_init (&ctx->draw_pools[ctx->rules->len], "all-teams", ctx->team_ids, ctx->n_teams);
  return TRUE;
}

static gboolean
load_org (DemoCtx *ctx, GError **error)
{
  Pool heads = { 0 };

  if (!load_teams (ctx, error)
      || !load_rules (ctx, error)
      || !load_staff_pool (ctx, "judge", &ctx->judges, error)
      || !load_staff_pool (ctx, "police", &ctx->police, error)
      || !load_staff_pool (ctx, "president", &heads, error))
    {
      pool_clear (&heads);
      return FALSE;
    }
  if (heads.n == 0)
    {
      pool_clear (&heads);
      if (!load_staff_pool (ctx, "director", &heads, error))
        return FALSE;
    }
  ctx->president_id = heads.n > 0 ? heads.ids[0] : 0;
  pool_clear (&heads);
  return TRUE;
}

/* ---- the filing plan: how many cases per year, on which working days ------------------------- */

/* Relative intake per year: growing, a dip in 2020, +6 % a year after 2025. */
static gint64
year_base (int year)
{
  static const int base[] = { 3400, 4300, 5300, 6200, 5700, 7000, 7600, 8700, 9800, 10600 };
  int i = year - FIRST_YEAR;
  gint64 v;

  if (i < (int) G_N_ELEMENTS (base))
    return base[i];
  v = base[G_N_ELEMENTS (base) - 1];
  for (int k = G_N_ELEMENTS (base) - 1; k < i; k++)
    v = v * 106 / 100;
  return v;
}

/* Filing weight of a working day: fewer around the Spring Festival and at the year's end. */
static int
day_weight (DemoCtx *ctx, int day)
{
  static const guint8 month_factor[] = { 95, 75, 110, 105, 100, 110, 105, 100, 105, 90, 105, 80 };
  int y, m, d;

  if (!is_workday (ctx, day))
    return 0;
  civil_from_days (day, &y, &m, &d);
  return month_factor[m - 1];
}

static gint64
weight_between (DemoCtx *ctx, int from, int to)
{
  gint64 w = 0;

  for (int day = from; day <= to; day++)
    w += day_weight (ctx, day);
  return w;
}

/* Splits n_cases over the years by largest remainder; the current year counts pro rata. */
static void
plan_years (DemoCtx *ctx)
{
  int last_year = year_of (ctx->today);
  gint64 *w, total = 0;
  guint assigned = 0;

  ctx->n_years = last_year - FIRST_YEAR + 1;
  ctx->year_counts = g_new0 (guint, ctx->n_years);
  ctx->last_seq = g_new0 (guint, ctx->n_years * N_TYPES);
  w = g_new0 (gint64, ctx->n_years);
  for (int i = 0; i < ctx->n_years; i++)
    {
      int jan1 = days_from_civil (FIRST_YEAR + i, 1, 1);
      int dec31 = days_from_civil (FIRST_YEAR + i, 12, 31);
      gint64 full = weight_between (ctx, jan1, dec31);

      w[i] = year_base (FIRST_YEAR + i) * 1000000
             * weight_between (ctx, jan1, MIN (dec31, ctx->today)) / MAX (full, 1);
      total += w[i];
    }
  for (int i = 0; i < ctx->n_years; i++)
    {
      ctx->year_counts[i] = (guint) ((gint64) ctx->n_cases * w[i] / MAX (total, 1));
      assigned += ctx->year_counts[i];
    }
  /* The remainder goes to the latest years that have working days: they are the heaviest. */
  for (int i = ctx->n_years - 1; assigned < ctx->n_cases; i = i > 0 ? i - 1 : ctx->n_years - 1)
    if (w[i] > 0)
      {
        ctx->year_counts[i]++;
        assigned++;
      }
  g_free (w);
  ctx->year_idx = -1;
  ctx->year_k = 0;
}

static void
start_year (DemoCtx *ctx, int i)
{
  int jan1 = days_from_civil (FIRST_YEAR + i, 1, 1);
  int dec31 = days_from_civil (FIRST_YEAR + i, 12, 31);

  ctx->year_idx = i;
  ctx->year_k = 0;
  ctx->year_weight = weight_between (ctx, jan1, MIN (dec31, ctx->today));
  ctx->cursor = next_workday (ctx, jan1);
  ctx->cursor_acc = 0;
}

/* The filing day of the next case: the year's cases are spread over its working days in
 * proportion to their weight, in order, so case numbers follow filing dates. */
static int
next_filing_day (DemoCtx *ctx)
{
  guint c;
  gint64 target;

  while (ctx->year_idx < 0 || ctx->year_k >= ctx->year_counts[ctx->year_idx])
    start_year (ctx, ctx->year_idx + 1);
  c = ctx->year_counts[ctx->year_idx];
  target = (2 * (gint64) ctx->year_k + 1) * ctx->year_weight / (2 * (gint64) c);
  while (ctx->cursor_acc + day_weight (ctx, ctx->cursor) <= target)
    {
      ctx->cursor_acc += day_weight (ctx, ctx->cursor);
      ctx->cursor = next_workday (ctx, ctx->cursor + 1);
    }
  ctx->year_k++;
  return ctx->cursor;
}

/* ---- one case -------------------------------------------------------------------------------- */

typedef struct
{
  gint64   id;
  CaseType type;
  int      year;
  guint    seq;
  Basis    basis;
  Status   status;
  int      filed, effective, assigned, concluded, deadline;
  int      end;              /* the last day anything may happen: concluded, else today */
  gint64   applied, realized;
  gboolean livelihood, small, nonlit;
  gint64   team_id, officer_id, judge_id;
  gint64   app_id;
  gboolean app_person;
  int      n_resp;
  gint64   resp_id[3];
  gboolean resp_person[3];
  int      national_done, p2p_done;
  gint64   bank_found;       /* frozen-able balance found, fen */
  int      bank_day, vehicle_day, realty_day;  /* when found, or NO_DAY */
} DemoCase;

static inline gboolean
is_main_type (const DemoCase *c)
{
  return c->type == TYPE_ZHI || c->type == TYPE_HUI;
}

static inline gboolean
is_concluded (const DemoCase *c)
{
  return c->concluded != NO_DAY;
}

/* Amounts in yuan: most between ¥5,000 and ¥500,000, a few millions. */
static const Span amount_spans[] = {
  { 500, 2000, 30 }, { 2000, 5000, 70 }, { 5000, 10000, 110 }, { 10000, 20000, 140 },
  { 20000, 50000, 200 }, { 50000, 100000, 150 }, { 100000, 200000, 110 },
  { 200000, 500000, 100 }, { 500000, 1000000, 50 }, { 1000000, 3000000, 28 },
  { 3000000, 10000000, 10 }, { 10000000, 50000000, 2 },
};

/* Wages, support payments, medical costs. */
static const Span livelihood_spans[] = {
  { 1000, 5000, 20 }, { 5000, 20000, 40 }, { 20000, 50000, 25 }, { 50000, 200000, 15 },
};

static gint64
draw_amount (DemoCtx *ctx, const Span *spans, guint n)
{
  gint64 fen = (gint64) rng_span (&ctx->rng, spans, n) * 100;

  if (rng_chance (&ctx->rng, 400))
    fen += rng_range (&ctx->rng, 1, 99);
  return fen;
}

static Basis
draw_basis (DemoCtx *ctx, DemoCase *c)
{
  static const guint16 w[N_BASES] = { 470, 20, 360, 70, 35, 30, 15, 0 };

  if (c->type == TYPE_BAO)
    return BASIS_RULING;
  if (c->type == TYPE_YI)
    return BASIS_OTHER;
  return (Basis) rng_weighted (&ctx->rng, w, N_BASES);
}

static void
draw_effective (DemoCtx *ctx, DemoCase *c)
{
  static const Span judgment[] = { { 15, 60, 40 }, { 60, 180, 35 }, { 180, 720, 25 } };
  static const Span mediation[] = { { 10, 45, 50 }, { 45, 180, 35 }, { 180, 540, 15 } };
  static const Span quick[] = { { 3, 20, 80 }, { 20, 90, 20 } };
  int back;

  if (c->basis == BASIS_JUDGMENT || c->basis == BASIS_ARBITRATION)
    back = rng_span (&ctx->rng, judgment, G_N_ELEMENTS (judgment));
  else if (c->basis == BASIS_MEDIATION || c->basis == BASIS_NOTARIZED)
    back = rng_span (&ctx->rng, mediation, G_N_ELEMENTS (mediation));
  else
    back = rng_span (&ctx->rng, quick, G_N_ELEMENTS (quick));
  c->effective = c->filed - back;
}

/* Number and issuing body of the basis document (执行依据). */
static const char *
make_basis_doc (DemoCtx *ctx, DemoCase *c, char *doc, gsize len)
{
  int y = year_of (c->effective) - (rng_chance (&ctx->rng, 300) ? 1 : 0);
  int n = rng_range (&ctx->rng, 1, 6000);

  switch (c->basis)
    {
    case BASIS_JUDGMENT:
      if (rng_chance (&ctx->rng, 150))
        {
          g_snprintf (doc, len, "（%d）冀08民终%d号", y, n / 3 + 1);
          return "河北省承德市中级人民法院";
        }
      G_GNUC_FALLTHROUGH;
    case BASIS_MEDIATION:
      g_snprintf (doc, len, "（%d）冀0802民初%d号", y, n);
      return COURT_NAME;
    case BASIS_RULING:
      if (c->type == TYPE_BAO)
        g_snprintf (doc, len, "（%d）冀0802财保%d号", year_of (c->filed), n / 20 + 1);
      else
        g_snprintf (doc, len, "（%d）冀0802民初%d号之一", y, n);
      return COURT_NAME;
    case BASIS_ARBITRATION:
      if (c->livelihood)
        {
          g_snprintf (doc, len, "双劳人仲案字〔%d〕%d号", y, n / 10 + 1);
          return "承德市双桥区劳动人事争议仲裁委员会";
        }
      g_snprintf (doc, len, "（%d）承仲字第%d号", y, n / 8 + 1);
      return "承德仲裁委员会";
    case BASIS_NOTARIZED:
      g_snprintf (doc, len, "（%d）冀承德证字第%d号", y, n);
      return "河北省承德市公证处";
    case BASIS_PAYMENT_ORDER:
      g_snprintf (doc, len, "（%d）冀0802民督%d号", y, n / 30 + 1);
      return COURT_NAME;
    case BASIS_ADMINISTRATIVE:
      g_snprintf (doc, len, "承双人社监罚字〔%d〕%d号", y, n / 60 + 1);
      return "承德市双桥区人力资源和社会保障局";
    case BASIS_OTHER:
    case N_BASES:
    default:
      g_snprintf (doc, len, "（%d）冀0802执%d号", year_of (c->filed), n);
      return COURT_NAME;
    }
}

static void
log_draw (DemoCtx *ctx, DemoCase *c, DrawPool *dp, const ZxAssignDraw *draw, gint64 judge)
{
  Val *v = row_new (ctx, T_ASSIGN);

  v_int (&v[0], c->id);
  v_static (&v[1], dp->key);
  v_static (&v[2], draw != NULL ? dp->members : "[]");
  if (draw != NULL)
    {
      v_int (&v[3], draw->cycle_no);
      v_int (&v[4], draw->cycle_seed);
      v_int (&v[5], draw->position);
    }
  v_static (&v[6], draw != NULL ? "team" : "judge");
  v_int (&v[7], draw != NULL ? draw->member : judge);
}

static int
team_slot (DemoCtx *ctx, gint64 team_id)
{
  for (guint i = 0; i < ctx->n_teams; i++)
    if (ctx->team_ids[i] == team_id)
      return (int) i;
  return -1;
}

/* The next draw of a pool's random cycles; FALSE if the pool cannot be drawn from. */
static gboolean
draw_team (DemoCtx *ctx, DrawPool *dp, ZxAssignDraw *draw)
{
  const gint64 *pool = (const gint64 *) (gpointer) dp->pool->data;
  guint64 fresh = rng_next (&ctx->rng) & G_MAXINT64;

  if (dp->pool->len == 0
      || !zx_assign_next (pool, dp->pool->len, dp->has_last ? pool : NULL,
                          dp->has_last ? dp->pool->len : 0, dp->has_last ? &dp->last : NULL,
                          fresh, draw, NULL))
    return FALSE;
  dp->last = *draw;
  dp->has_last = TRUE;
  return TRUE;
}

/* Routing as a real filing does it: the first matching rule; the trial judge for mediation
 * documents (when the court has judges), else a draw from the rule's team pool, logged so
 * that `zhixingctl assign verify` re-derives it.  The officer inside the team comes from the
 * team's own random cycle. */
static void
route_case (DemoCtx *ctx, DemoCase *c)
{
  char filed[11], effective[11];
  ZxRoutingCase rc = { filed, basis_names[c->basis], effective, type_codes[c->type] };
  const ZxRoutingRule *rule;
  DrawPool *dp = &ctx->draw_pools[ctx->rules->len];
  ZxAssignDraw draw;
  int slot;

  format_day (c->filed, filed);
  format_day (c->effective, effective);
  rule = zx_routing_match (ctx->rules, &rc);
  for (guint i = 0; rule != NULL && i < ctx->rules->len; i++)
    if (g_ptr_array_index (ctx->rules, i) == rule)
      dp = &ctx->draw_pools[i];
  if (rule != NULL && rule->pool_kind == ZX_POOL_TRIAL_JUDGE && ctx->judges.n > 0)
    {
      c->judge_id = pool_pick (&ctx->judges, &ctx->rng);
      c->officer_id = c->judge_id;
      log_draw (ctx, c, dp, NULL, c->judge_id);
      return;
    }
  if (!draw_team (ctx, dp, &draw))
    {
      dp = &ctx->draw_pools[ctx->rules->len];
      if (!draw_team (ctx, dp, &draw))
        return;
    }
  log_draw (ctx, c, dp, &draw, 0);
  c->team_id = draw.member;
  slot = team_slot (ctx, c->team_id);
  if (slot >= 0)
    c->officer_id = pool_draw (&ctx->team_officers[slot]);
}

static void
draw_assignment (DemoCtx *ctx, DemoCase *c)
{
  static const Span delay[] = { { 0, 0, 40 }, { 1, 1, 35 }, { 2, 2, 15 }, { 3, 6, 10 } };

  route_case (ctx, c);
  c->assigned = next_workday (ctx, c->filed + rng_span (&ctx->rng, delay, G_N_ELEMENTS (delay)));
  if (c->assigned > ctx->today)
    {
      c->assigned = NO_DAY;
      c->officer_id = 0;
    }
}

static const Span dur_executed[] = {
  { 5, 30, 15 }, { 30, 90, 35 }, { 90, 180, 33 }, { 180, 365, 12 }, { 365, 1000, 5 },
};
static const Span dur_zhongben[] = { { 92, 120, 25 }, { 120, 180, 50 }, { 180, 365, 20 },
                                     { 365, 900, 5 } };
static const Span dur_terminated[] = { { 15, 90, 35 }, { 90, 180, 40 }, { 180, 730, 25 } };
static const Span dur_withdrawn[] = { { 3, 30, 45 }, { 30, 120, 40 }, { 120, 365, 15 } };
static const Span dur_short[] = { { 5, 60, 100 } };
static const Span dur_preservation[] = { { 1, 15, 80 }, { 15, 60, 20 } };
static const Span dur_objection[] = { { 7, 15, 80 }, { 15, 45, 20 } };

static int
draw_duration (DemoCtx *ctx, DemoCase *c, Status outcome)
{
#define SPAN(t) rng_span (&ctx->rng, t, G_N_ELEMENTS (t))
  if (c->type == TYPE_BAO)
    return SPAN (dur_preservation);
  if (c->type == TYPE_YI)
    return SPAN (dur_objection);
  switch (outcome)
    {
    case ST_EXECUTED:
      return SPAN (dur_executed);
    case ST_ZHONGBEN:
      return SPAN (dur_zhongben);
    case ST_TERMINATED:
      return SPAN (dur_terminated);
    case ST_WITHDRAWN:
      return SPAN (dur_withdrawn);
    default:
      return SPAN (dur_short);
    }
#undef SPAN
}

/* How the case ends and when; still in progress if that is after today. */
static void
draw_outcome (DemoCtx *ctx, DemoCase *c)
{
  /* indexed by Status */
  static const guint16 main_w[N_STATUSES] = { 0, 0, 410, 360, 100, 30, 20, 80 };
  static const guint16 resumed_w[N_STATUSES] = { 0, 0, 500, 350, 100, 0, 0, 50 };
  static const guint16 bao_w[N_STATUSES] = { 0, 0, 920, 0, 20, 0, 0, 60 };
  static const guint16 yi_w[N_STATUSES] = { 0, 0, 0, 0, 250, 0, 600, 150 };
  const guint16 *w = c->type == TYPE_ZHI ? main_w : c->type == TYPE_HUI ? resumed_w
                   : c->type == TYPE_BAO ? bao_w : yi_w;
  Status outcome = (Status) rng_weighted (&ctx->rng, w, N_STATUSES);
  int dur = draw_duration (ctx, c, outcome);
  int day;

  if (is_main_type (c) && rng_chance (&ctx->rng, 30))
    dur += rng_range (&ctx->rng, 365, 1500);   /* the hard ones */
  day = next_workday (ctx, c->filed + dur);
  if (day <= ctx->today)
    {
      c->status = outcome;
      c->concluded = day;
      return;
    }
  c->status = ST_IN_PROGRESS;
  c->concluded = NO_DAY;
  if (ctx->today - c->filed > 120 && rng_chance (&ctx->rng, 60))
    c->status = ST_SUSPENDED;
}

static gint64
part_of (DemoCtx *ctx, gint64 amount, int lo_permille, int hi_permille)
{
  return amount * rng_range (&ctx->rng, lo_permille, hi_permille) / 1000;
}

static void
draw_realized (DemoCtx *ctx, DemoCase *c)
{
  gint64 a = c->applied;

  switch (c->status)
    {
    case ST_EXECUTED:
      c->realized = rng_chance (&ctx->rng, 850) ? a : part_of (ctx, a, 901, 999);
      break;
    case ST_ZHONGBEN:
      c->realized = rng_chance (&ctx->rng, 550) ? 0 : part_of (ctx, a, 10, 400);
      break;
    case ST_TERMINATED:
      c->realized = rng_chance (&ctx->rng, 600) ? 0 : part_of (ctx, a, 50, 600);
      break;
    case ST_WITHDRAWN:
      c->realized = rng_chance (&ctx->rng, 500) ? 0 : part_of (ctx, a, 300, 1000);
      break;
    case ST_IN_PROGRESS:
    case ST_SUSPENDED:
      c->realized = rng_chance (&ctx->rng, 650) ? 0 : part_of (ctx, a, 50, 700);
      break;
    case ST_NOT_EXECUTED:
    case ST_REJECTED:
    case N_STATUSES:
    default:
      c->realized = 0;
      break;
    }
}

static void
draw_case (DemoCtx *ctx, DemoCase *c)
{
  gboolean main_type;

  c->filed = next_filing_day (ctx);
  c->year = FIRST_YEAR + ctx->year_idx;
  c->type = (CaseType) rng_weighted (&ctx->rng, type_weights, N_TYPES);
  c->seq = ++ctx->last_seq[ctx->year_idx * N_TYPES + c->type];
  c->id = ctx->next_case_id++;
  main_type = is_main_type (c);
  c->livelihood = main_type && rng_chance (&ctx->rng, 120);
  c->basis = draw_basis (ctx, c);
  c->nonlit = c->basis == BASIS_ADMINISTRATIVE;
  draw_effective (ctx, c);
  if (c->type == TYPE_YI)
    c->applied = 0;
  else if (c->livelihood)
    c->applied = draw_amount (ctx, livelihood_spans, G_N_ELEMENTS (livelihood_spans));
  else
    c->applied = draw_amount (ctx, amount_spans, G_N_ELEMENTS (amount_spans));
  c->small = main_type && c->applied <= 1000000;
  draw_assignment (ctx, c);
  draw_outcome (ctx, c);
  c->end = is_concluded (c) ? c->concluded : ctx->today;
  draw_realized (ctx, c);
  c->deadline = add_months (c->filed, c->nonlit ? 3 : 6);
  if (c->end > c->deadline && rng_chance (&ctx->rng, 300))
    c->deadline = add_months (c->deadline, 3);   /* extension approved */
  c->national_done = c->p2p_done = NO_DAY;
  c->bank_day = c->vehicle_day = c->realty_day = NO_DAY;
}

static void
insert_case (DemoCtx *ctx, DemoCase *c)
{
  Val *v = row_new (ctx, T_CASES);
  char case_no[64], doc[96];

  g_snprintf (case_no, sizeof case_no, "（%d）%s%s%u号", c->year, COURT_CODE,
              type_codes[c->type], c->seq);
  v_int (&v[0], c->id);
  v_text (ctx, &v[1], case_no);
  v_int (&v[2], c->year);
  v_static (&v[3], COURT_CODE);
  v_static (&v[4], type_codes[c->type]);
  v_int (&v[5], c->seq);
  v_day (ctx, &v[6], c->filed);
  v_static (&v[7], basis_names[c->basis]);
  v_static (&v[9], make_basis_doc (ctx, c, doc, sizeof doc));
  v_text (ctx, &v[8], doc);
  v_day (ctx, &v[10], c->effective);
  v_id (&v[11], c->judge_id);
  v_int (&v[12], c->applied);
  v_int (&v[13], c->realized);
  v_int (&v[14], c->livelihood);
  v_int (&v[15], c->small);
  v_int (&v[16], c->nonlit);
  v_id (&v[17], c->team_id);
  v_id (&v[18], c->officer_id);
  v_day (ctx, &v[19], c->assigned);
  v_static (&v[20], status_names[c->status]);
  v_day (ctx, &v[21], c->concluded);
  v_day (ctx, &v[22], c->deadline);
}

/* ---- parties --------------------------------------------------------------------------------- */

static gint64
insert_party_row (DemoCtx    *ctx,
                  DemoCase   *c,
                  const char *role,
                  const char *kind,
                  const char *name,
                  const char *id_no,
                  const char *rep)
{
  Val *v = row_new (ctx, T_PARTIES);
  gint64 id = ctx->next_party_id++;
  char phone[12];

  make_phone (&ctx->rng, phone);
  v_int (&v[0], id);
  v_int (&v[1], c->id);
  v_static (&v[2], role);
  v_static (&v[3], kind);
  v_text (ctx, &v[4], name);
  v_text (ctx, &v[5], id_no);
  v_text (ctx, &v[6], rep);
  if (rng_chance (&ctx->rng, 850))
    v_text (ctx, &v[7], phone);
  return id;
}

/* An adult (20 to 70 at filing) with a valid resident ID; the name follows from the ID, so a
 * number drawn twice is the same person. */
static gint64
insert_person (DemoCtx *ctx, DemoCase *c, const char *role, guint male_permille)
{
  char id[19], name[32];
  gboolean male = rng_chance (&ctx->rng, male_permille);
  int birth = c->filed - rng_range (&ctx->rng, 7400, 7400 + 18250);

  make_resident_id (&ctx->rng, birth, male, id);
  make_name (id_hash (id, ctx->seed), male, name, NULL);
  return insert_party_row (ctx, c, role, "person", name, id, NULL);
}

/* Respondent companies repeat (a few are in many cases); lenders only apply. */
static gint64
insert_entity (DemoCtx *ctx, DemoCase *c, const char *role, gboolean lender)
{
  Company co;
  guint idx;

  if (lender)
    idx = N_COMPANIES + rng_below (&ctx->rng, G_N_ELEMENTS (lenders));
  else
    {
      guint64 a = rng_below (&ctx->rng, N_COMPANIES), b = rng_below (&ctx->rng, N_COMPANIES);
      idx = (guint) ((a * b / N_COMPANIES * 7919 + ctx->seed % N_COMPANIES) % N_COMPANIES);
    }
  make_company (idx, ctx->seed, &co);
  return insert_party_row (ctx, c, role, "entity", co.name, co.uscc, co.rep);
}

static void
gen_parties (DemoCtx *ctx, DemoCase *c)
{
  static const guint16 n_resp_w[] = { 700, 220, 80 };
  int n_app = rng_chance (&ctx->rng, 100) ? 2 : 1;

  for (int i = 0; i < n_app; i++)
    {
      gboolean person = c->livelihood || rng_chance (&ctx->rng, 620);
      gint64 id = person ? insert_person (ctx, c, "applicant", 520)
                         : insert_entity (ctx, c, "applicant", rng_chance (&ctx->rng, 400));
      if (i == 0)
        {
          c->app_id = id;
          c->app_person = person;
        }
    }
  c->n_resp = c->type == TYPE_ZHI ? 1 + (int) rng_weighted (&ctx->rng, n_resp_w, 3) : 1;
  for (int i = 0; i < c->n_resp; i++)
    {
      gboolean person = !rng_chance (&ctx->rng, c->livelihood ? 550 : 250);

      c->resp_id[i] = person ? insert_person (ctx, c, "respondent", 620)
                             : insert_entity (ctx, c, "respondent", FALSE);
      c->resp_person[i] = person;
    }
  /* An objection (执异) is usually brought by an outsider claiming the property. */
  if (c->type == TYPE_YI)
    insert_person (ctx, c, "third_party", 550);
}

/* ---- process nodes --------------------------------------------------------------------------- */

/* node_rules.kind of the default node rules. */
#define NODE_ASSIGNED "officer_assigned"
#define NODE_NOTICE "execution_notice"
#define NODE_NATIONAL "network_query"
#define NODE_REPORT "property_report"
#define NODE_P2P "p2p_query"
#define NODE_FOUR_CHECKS "four_checks"
#define NODE_CONCLUDED "case_concluded"
#define NODE_REQUERY "zhongben_requery"

static void
insert_node (DemoCtx *ctx, DemoCase *c, const char *kind, int occurrence, int due, int done)
{
  Val *v = row_new (ctx, T_NODES);

  v_int (&v[0], c->id);
  v_static (&v[1], kind);
  v_int (&v[2], occurrence);
  v_day (ctx, &v[3], due);
  v_day (ctx, &v[4], done);
}

/* When a node due on DUE, workable from START, was done: mostly in time, some late; in a
 * concluded case at the latest on the day it concluded; in a running case not yet if that is
 * after today, and a few overdue ones left open. */
static int
plan_done (DemoCtx *ctx, DemoCase *c, int start, int due)
{
  int done;

  if (rng_chance (&ctx->rng, 900))
    done = rng_range (&ctx->rng, start, MAX (start, due));
  else
    done = due + rng_range (&ctx->rng, 1, 25);
  if (is_concluded (c))
    return MIN (done, c->concluded);
  if (done > ctx->today || (due < ctx->today && rng_chance (&ctx->rng, 50)))
    return NO_DAY;
  return done;
}

/* After 终本 the network is queried again every 6 months for 5 years: the round before the
 * current one (done) and the current one (due around today).  Earlier rounds are left out to
 * keep the row count down; their occurrence numbers stay free. */
static void
gen_requery_nodes (DemoCtx *ctx, DemoCase *c)
{
  int k;

  for (k = 1; k <= 10; k++)
    if (add_months (c->concluded, 6 * k) >= ctx->today - 20)
      break;
  for (int j = MAX (k - 1, 1); j <= MIN (k, 10); j++)
    {
      int due = add_months (c->concluded, 6 * j), done = NO_DAY;

      if (due <= ctx->today && rng_chance (&ctx->rng, j < k ? 990 : 850))
        done = due - rng_range (&ctx->rng, 0, 10);
      insert_node (ctx, c, NODE_REQUERY, j, due, done);
    }
}

/* The nodes filing creates (and execution_notice, created on assignment), done as the case
 * went; the statutory limit (case_concluded) is met by any way of closing, 终本 included. */
static void
gen_nodes (DemoCtx *ctx, DemoCase *c)
{
  int f = c->filed;

  insert_node (ctx, c, NODE_ASSIGNED, 1, f + 7, c->assigned);
  insert_node (ctx, c, NODE_CONCLUDED, 1, c->deadline, c->concluded);
  if (c->type == TYPE_YI)
    return;
  c->national_done = plan_done (ctx, c, f, f + 3);
  insert_node (ctx, c, NODE_NATIONAL, 1, f + 3, c->national_done);
  if (c->type == TYPE_BAO)
    return;
  if (c->assigned != NO_DAY)
    insert_node (ctx, c, NODE_NOTICE, 1, c->assigned + 3,
                 plan_done (ctx, c, c->assigned, c->assigned + 3));
  insert_node (ctx, c, NODE_REPORT, 1, f + 7, plan_done (ctx, c, f + 1, f + 7));
  c->p2p_done = plan_done (ctx, c, f + 3, f + 15);
  insert_node (ctx, c, NODE_P2P, 1, f + 15, c->p2p_done);
  insert_node (ctx, c, NODE_FOUR_CHECKS, 1, add_months (f, 3),
               plan_done (ctx, c, f + 20, add_months (f, 3)));
  if (c->status == ST_ZHONGBEN)
    gen_requery_nodes (ctx, c);
}

/* ---- asset queries --------------------------------------------------------------------------- */

typedef enum
{
  Q_BANK,
  Q_REAL_ESTATE,
  Q_VEHICLE,
  Q_SECURITIES,
  Q_ONLINE_PAYMENT,
  Q_EQUITY,
  Q_BUSINESS,
  Q_HOUSING_FUND,
  Q_OTHER,
  N_QUERY_KINDS
} QueryKind;

static const char *const query_kinds[N_QUERY_KINDS] = {
  "bank", "real_estate", "vehicle", "securities", "online_payment", "equity", "business",
  "housing_fund", "other",
};

/* Chance (per mille) that a query of KIND finds something. */
static guint
found_chance (DemoCase *c, QueryKind kind)
{
  guint base = kind == Q_BANK ? 250 : kind == Q_VEHICLE ? 150 : kind == Q_REAL_ESTATE ? 120 : 80;

  if (c->status == ST_EXECUTED)
    return base * 2;
  if (c->status == ST_ZHONGBEN)
    return base / 3;
  return base;
}

/* Remembers what was found, for the seizures. */
static gint64
note_finding (DemoCtx *ctx, DemoCase *c, QueryKind kind, int answered)
{
  gint64 found = 0;

  if (kind == Q_BANK)
    {
      found = c->status == ST_ZHONGBEN ? rng_range (&ctx->rng, 100, 50000)
                                       : part_of (ctx, MAX (c->applied, 10000), 50, 1200);
      c->bank_found = found;
      c->bank_day = answered;
    }
  else if (kind == Q_VEHICLE)
    c->vehicle_day = answered;
  else if (kind == Q_REAL_ESTATE)
    c->realty_day = answered;
  return found;
}

static void
insert_query (DemoCtx *ctx, DemoCase *c, QueryKind kind, const char *channel, int requested)
{
  gboolean national = channel[0] == 'n', onsite = channel[0] == 'o';
  int answered = requested + (onsite ? 0 : national ? rng_range (&ctx->rng, 0, 2)
                                                    : rng_range (&ctx->rng, 2, 7));
  const char *result = "pending";
  gint64 found = 0;
  Val *v;

  if (requested > c->end)
    return;
  if (answered > ctx->today)
    answered = NO_DAY;
  else
    {
      answered = MIN (answered, c->end);
      result = rng_chance (&ctx->rng, found_chance (c, kind)) ? "found" : "none";
    }
  if (result[0] == 'f')
    found = note_finding (ctx, c, kind, answered);
  v = row_new (ctx, T_QUERIES);
  v_int (&v[0], c->id);
  v_id (&v[1], c->resp_id[0]);
  v_static (&v[2], query_kinds[kind]);
  v_static (&v[3], channel);
  v_day (ctx, &v[4], requested);
  v_day (ctx, &v[5], answered);
  v_static (&v[6], result);
  v_id (&v[7], found);
}

/* The national (总对总) query for deposits and one more kind, sometimes a local (点对点) query
 * of real estate or an on-site check. */
static void
gen_queries (DemoCtx *ctx, DemoCase *c)
{
  static const guint16 second_w[] = { 0, 30, 35, 10, 15, 5, 5, 0, 0 };
  int req = c->national_done != NO_DAY ? c->national_done : c->filed + rng_range (&ctx->rng, 1, 3);

  c->bank_found = 0;
  if (c->type == TYPE_YI)
    return;
  insert_query (ctx, c, Q_BANK, "national", req);
  if (c->type == TYPE_BAO)
    {
      insert_query (ctx, c, Q_REAL_ESTATE, "national", req);
      return;
    }
  if (rng_chance (&ctx->rng, 800))
    insert_query (ctx, c, (QueryKind) rng_weighted (&ctx->rng, second_w, N_QUERY_KINDS),
                  "national", req);
  if (rng_chance (&ctx->rng, 250))
    {
      int local = c->p2p_done != NO_DAY ? c->p2p_done : c->filed + rng_range (&ctx->rng, 5, 15);
      insert_query (ctx, c, rng_chance (&ctx->rng, 800) ? Q_REAL_ESTATE : Q_HOUSING_FUND,
                    "local", local);
    }
  if (rng_chance (&ctx->rng, 80))
    insert_query (ctx, c, Q_OTHER, "onsite", c->filed + rng_range (&ctx->rng, 20, 90));
}

/* ---- seizures and auctions ------------------------------------------------------------------- */

typedef enum
{
  SZ_DEPOSIT,
  SZ_MOVABLE,
  SZ_REAL_ESTATE,
  SZ_EQUITY,
  SZ_VEHICLE,
  N_SEIZURE_KINDS
} SeizureKind;

static const char *const seizure_kinds[N_SEIZURE_KINDS] = {
  "deposit", "movable", "real_estate", "equity", "vehicle",
};
/* Longest term in months: deposits 1 year, movables 2, real estate and other rights 3. */
static const int seizure_terms[N_SEIZURE_KINDS] = { 12, 24, 36, 36, 24 };

typedef struct
{
  int         round;
  gint64      appraisal, reserve, deposit, price;
  int         announced, held;
  const char *result;
} Round;

typedef struct
{
  SeizureKind kind;
  char        object[192];
  int         start;          /* NO_DAY while waiting (轮候) */
  int         rank;
  gint64      amount;
  int         n_rounds;
  Round       rounds[3];
  int         sold_day;
  const char *state;
  int         expires, released, renewed;
} Seizure;

static const char *const bank_short[] = {
  "工商银行", "农业银行", "中国银行", "建设银行", "邮储银行", "承德银行", "河北银行", "农村商业银行",
};
static const char *const estates[] = {
  "翠桥园", "阳光水岸", "山水家园", "御龙湾", "滨河花园", "南营子小区", "半壁山小区", "佟山嘉园",
  "馨苑小区", "丽景华庭", "锦绣山庄", "武烈河畔", "金龙湾", "水泉沟小区", "朝阳地小区", "龙城府",
};
static const char *const vehicles[] = { "小型轿车", "小型普通客车", "重型半挂牵引车", "轻型厢式货车" };
static const char *const movables[] = {
  "挖掘机一台", "装载机一台", "库存钢材一批", "办公设备一批", "库存建材一批", "生产设备一套",
};

static void
describe_seizure (DemoCtx *ctx, DemoCase *c, Seizure *sz)
{
  Rng *r = &ctx->rng;

  switch (sz->kind)
    {
    case SZ_DEPOSIT:
      g_snprintf (sz->object, sizeof sz->object, "%s账户（尾号%04d）存款",
                  bank_short[rng_below (r, G_N_ELEMENTS (bank_short))], rng_range (r, 0, 9999));
      break;
    case SZ_VEHICLE:
      g_snprintf (sz->object, sizeof sz->object, "%s一辆（冀H%c%04d）",
                  vehicles[rng_below (r, G_N_ELEMENTS (vehicles))],
                  "ABCDEFGHJKLMNPQRSTUVWXYZ"[rng_below (r, 24)], rng_range (r, 0, 9999));
      break;
    case SZ_REAL_ESTATE:
      g_snprintf (sz->object, sizeof sz->object, "承德市双桥区%s%d号楼%d单元%d%02d室房产",
                  estates[rng_below (r, G_N_ELEMENTS (estates))], rng_range (r, 1, 28),
                  rng_range (r, 1, 6), rng_range (r, 1, 18), rng_range (r, 1, 4));
      break;
    case SZ_EQUITY:
      {
        Company co;

        make_company (rng_below (r, N_COMPANIES), ctx->seed, &co);
        g_snprintf (sz->object, sizeof sz->object, "%s%d%%股权", co.name,
                    rng_range (r, 1, 19) * 5);
      }
      break;
    case SZ_MOVABLE:
    case N_SEIZURE_KINDS:
    default:
      g_strlcpy (sz->object, movables[rng_below (r, G_N_ELEMENTS (movables))],
                 sizeof sz->object);
      break;
    }
}

static gint64
ceil_to (gint64 v, gint64 unit)
{
  return (v + unit - 1) / unit * unit;
}

static void
appraise (DemoCtx *ctx, Seizure *sz, Round *rd)
{
  static const int lo[] = { 0, 10000, 150000, 100000, 15000 };
  static const int hi[] = { 0, 300000, 1600000, 3000000, 250000 };

  rd->appraisal = (gint64) rng_range (&ctx->rng, lo[sz->kind], hi[sz->kind]) / 1000 * 100000;
  /* reserve ≥ 70 % of the appraisal */
  rd->reserve = ceil_to (rd->appraisal * rng_range (&ctx->rng, 700, 1000) / 1000, 10000);
}

/* Plays one round held on HELD; TRUE if another round follows. */
static gboolean
play_round (DemoCtx *ctx, DemoCase *c, Seizure *sz, Round *rd)
{
  static const guint sold_permille[] = { 450, 400, 500 };
  guint roll = rng_below (&ctx->rng, 1000);

  /* deposit 5–20 % of the reserve, in hundreds of yuan */
  rd->deposit = rd->reserve * rng_range (&ctx->rng, 50, 200) / 1000 / 10000 * 10000;
  rd->deposit = MAX (rd->deposit, ceil_to (rd->reserve / 20, 10000));
  rd->price = 0;
  if (is_concluded (c) && rd->held > c->concluded)
    {
      rd->result = "withdrawn";
      rd->held = NO_DAY;
      return FALSE;
    }
  if (rd->held > ctx->today)
    {
      rd->result = "pending";
      return FALSE;
    }
  if (roll < sold_permille[rd->round - 1])
    {
      rd->result = "sold";
      rd->price = rd->reserve * rng_range (&ctx->rng, 1000, 1350) / 1000 / 100 * 100;
      sz->sold_day = rd->held;
      return FALSE;
    }
  rd->result = rd->round == 3 && roll >= 900 ? "withdrawn" : "failed";
  return rd->round < 3 && rd->result[0] == 'f';
}

/* Online auction: round 1 at ≥ 70 % of the appraisal, announced 30 days (real estate, rights)
 * or 15 days (movables) ahead; failed → round 2 within 30 days at most 20 % lower; failed →
 * sale (变卖) over 60 days at the second price. */
static void
plan_auction (DemoCtx *ctx, DemoCase *c, Seizure *sz)
{
  static const guint chance[] = { 0, 400, 600, 400, 500 };
  gboolean rights = sz->kind == SZ_REAL_ESTATE || sz->kind == SZ_EQUITY;
  int ann;

  sz->n_rounds = 0;
  if (sz->kind == SZ_DEPOSIT || sz->start == NO_DAY || sz->start + 45 > c->end
      || !rng_chance (&ctx->rng, chance[sz->kind]))
    return;
  ann = next_workday (ctx, sz->start + rng_range (&ctx->rng, 30, 150));
  for (int r = 1; r <= 3 && ann <= c->end; r++)
    {
      Round *rd = &sz->rounds[sz->n_rounds++];

      rd->round = r;
      rd->announced = ann;
      if (r == 1)
        appraise (ctx, sz, rd);
      else
        {
          rd->appraisal = rd[-1].appraisal;
          rd->reserve = r == 2 ? ceil_to (rd[-1].reserve * rng_range (&ctx->rng, 800, 950) / 1000,
                                          10000)
                               : rd[-1].reserve;
        }
      if (r == 1)
        rd->held = ann + (rights ? 30 : 15) + rng_range (&ctx->rng, 0, 5);
      else if (r == 2)
        rd->held = ann + (rights ? 15 : 7) + rng_range (&ctx->rng, 0, 5);
      else
        rd->held = ann + rng_range (&ctx->rng, 1, 60);
      if (!play_round (ctx, c, sz, rd))
        break;
      ann = next_workday (ctx, rd->held + rng_range (&ctx->rng, 1, r == 1 ? 5 : 10));
    }
}

/* Renewals, lapse, release after a sale or when the case ends (except 终本). */
static void
settle_seizure (DemoCtx *ctx, DemoCase *c, Seizure *sz)
{
  int release = NO_DAY, limit, term = seizure_terms[sz->kind];

  sz->renewed = 0;
  sz->expires = sz->released = NO_DAY;
  if (sz->sold_day != NO_DAY)
    release = sz->sold_day + rng_range (&ctx->rng, 10, 40);
  if (is_concluded (c) && c->status != ST_ZHONGBEN)
    {
      int first = sz->start != NO_DAY ? sz->start : c->filed;
      int r = c->concluded - rng_range (&ctx->rng, 0, 5);

      r = MAX (first, r);
      release = release == NO_DAY ? r : MIN (release, r);
    }
  if (release > ctx->today)
    release = NO_DAY;
  if (sz->start == NO_DAY)
    {
      sz->state = release != NO_DAY ? "released" : "waiting";
      sz->released = release;
      return;
    }
  limit = release != NO_DAY ? release : ctx->today;
  sz->expires = add_months (sz->start, term);
  while (sz->expires < limit && rng_chance (&ctx->rng, 820))
    sz->expires = add_months (sz->start, term * (++sz->renewed + 1));
  if (sz->expires < limit)
    sz->state = "lapsed";
  else if (release != NO_DAY)
    {
      sz->state = "released";
      sz->released = release;
    }
  else
    sz->state = "effective";
}

static void
insert_auction (DemoCtx *ctx, DemoCase *c, gint64 seizure_id, Seizure *sz, Round *rd)
{
  Val *v = row_new (ctx, T_AUCTIONS);

  v_int (&v[0], c->id);
  v_int (&v[1], seizure_id);
  v_text (ctx, &v[2], sz->object);
  v_int (&v[3], rd->round);
  v_int (&v[4], rd->appraisal);
  v_int (&v[5], rd->reserve);
  v_int (&v[6], rd->deposit);
  v_day (ctx, &v[7], rd->announced);
  v_day (ctx, &v[8], rd->held);
  v_static (&v[9], rd->result);
  v_id (&v[10], rd->price);
}

static void
insert_seizure (DemoCtx *ctx, DemoCase *c, Seizure *sz)
{
  Val *v = row_new (ctx, T_SEIZURES);
  gint64 id = ctx->next_seizure_id++;

  v_int (&v[0], id);
  v_int (&v[1], c->id);
  v_id (&v[2], c->resp_id[0]);
  v_text (ctx, &v[3], sz->object);
  v_static (&v[4], seizure_kinds[sz->kind]);
  v_static (&v[5], sz->state);
  if (sz->start == NO_DAY && sz->state[0] == 'w')
    v_int (&v[6], sz->rank);
  v_day (ctx, &v[7], sz->start);
  v_day (ctx, &v[8], sz->expires);
  v_int (&v[9], sz->renewed);
  v_day (ctx, &v[10], sz->released);
  v_id (&v[11], sz->amount);
  for (int i = 0; i < sz->n_rounds; i++)
    insert_auction (ctx, c, id, sz, &sz->rounds[i]);
}

static void
add_seizure (DemoCtx *ctx, DemoCase *c, SeizureKind kind, int found_day, gint64 amount)
{
  Seizure sz = { .kind = kind, .amount = amount, .sold_day = NO_DAY };
  int start = next_workday (ctx, found_day + rng_range (&ctx->rng, 0, 5));

  if (start > c->end)
    return;
  describe_seizure (ctx, c, &sz);
  sz.start = start;
  /* another court seized it first: we wait in line (轮候) */
  if (kind != SZ_DEPOSIT && rng_chance (&ctx->rng, 120))
    {
      sz.start = NO_DAY;
      sz.rank = rng_range (&ctx->rng, 1, 3);
    }
  plan_auction (ctx, c, &sz);
  settle_seizure (ctx, c, &sz);
  insert_seizure (ctx, c, &sz);
}

static void
gen_seizures (DemoCtx *ctx, DemoCase *c)
{
  Rng *r = &ctx->rng;
  int some_day = c->filed + rng_range (r, 10, 120);
  gboolean frozen = FALSE;

  if (c->type == TYPE_YI)
    return;
  if (c->bank_day != NO_DAY && rng_chance (r, 800))
    {
      add_seizure (ctx, c, SZ_DEPOSIT, c->bank_day, MIN (c->bank_found, MAX (c->applied, 1)));
      frozen = TRUE;
    }
  if (c->vehicle_day != NO_DAY && rng_chance (r, 650))
    add_seizure (ctx, c, SZ_VEHICLE, c->vehicle_day, 0);
  if (c->realty_day != NO_DAY && rng_chance (r, 700))
    add_seizure (ctx, c, SZ_REAL_ESTATE, c->realty_day, 0);
  if (c->type == TYPE_BAO)
    {
      /* preservation: freeze what the applicant asked for */
      if (!frozen && rng_chance (r, 600))
        add_seizure (ctx, c, SZ_DEPOSIT, c->filed, c->applied);
      return;
    }
  if (rng_chance (r, 8))
    add_seizure (ctx, c, SZ_EQUITY, some_day, 0);
  if (rng_chance (r, 10))
    add_seizure (ctx, c, SZ_MOVABLE, some_day, 0);
}

/* ---- measures -------------------------------------------------------------------------------- */

typedef struct
{
  const char *kind;
  gint64      party;
  const char *state;
  int         proposed, approved, executed;
  gint64      proposer, approver, executor;
  int         days;
  gint64      amount;
  const char *note;
} Measure;

static void
insert_measure (DemoCtx *ctx, DemoCase *c, Measure *m)
{
  Val *v = row_new (ctx, T_MEASURES);

  v_int (&v[0], c->id);
  v_id (&v[1], m->party);
  v_static (&v[2], m->kind);
  v_static (&v[3], m->state);
  v_day (ctx, &v[4], m->proposed);
  v_id (&v[5], m->proposer);
  v_day (ctx, &v[6], m->approved);
  v_id (&v[7], m->approved != NO_DAY ? m->approver : 0);
  v_day (ctx, &v[8], m->executed);
  v_id (&v[9], m->executed != NO_DAY ? m->executor : 0);
  v_id (&v[10], m->days);
  v_id (&v[11], m->amount);
  v_static (&v[12], m->note);
}

/* Proposed on PROPOSED; approved by the president (if APPROVAL) a few days later, then carried
 * out; some rejected or withdrawn; in a running case the later steps may still be ahead. */
static void
plan_measure (DemoCtx *ctx, DemoCase *c, Measure *m, int proposed, gboolean approval)
{
  int ap = approval ? next_workday (ctx, proposed + rng_range (&ctx->rng, 0, 3)) : proposed;
  int ex = ap + rng_range (&ctx->rng, approval ? 1 : 0, 7);
  guint roll = rng_below (&ctx->rng, 1000);

  m->proposed = proposed;
  m->approved = m->executed = NO_DAY;
  m->approver = approval ? ctx->president_id : 0;
  m->proposer = c->officer_id;
  if (ap > c->end)
    {
      m->state = is_concluded (c) ? "withdrawn" : "proposed";
      return;
    }
  if (approval)
    m->approved = ap;
  if (approval && roll < 40)
    m->state = "rejected";
  else if (roll < 90)
    m->state = "withdrawn";
  else if (ex > c->end)
    m->state = is_concluded (c) ? "withdrawn" : "approved";
  else
    {
      m->state = "executed";
      m->executed = ex;
    }
}

/* 限制消费令 for each respondent: almost always in running and 终本 cases; lifted once paid. */
static void
gen_restrictions (DemoCtx *ctx, DemoCase *c)
{
  guint chance;

  switch (c->status)
    {
    case ST_ZHONGBEN: chance = 1000; break;
    case ST_IN_PROGRESS: case ST_SUSPENDED: chance = 850; break;
    case ST_TERMINATED: chance = 500; break;
    case ST_EXECUTED: chance = 350; break;
    case ST_WITHDRAWN: chance = 200; break;
    default: chance = 0; break;
    }
  for (int i = 0; i < c->n_resp; i++)
    {
      Measure m = { .kind = "consumption_restriction", .party = c->resp_id[i] };
      int proposed = c->filed + rng_range (&ctx->rng, 10, 45);

      if (!rng_chance (&ctx->rng, chance))
        continue;
      if (c->status == ST_ZHONGBEN)
        proposed = MIN (proposed, c->concluded - 5);
      proposed = next_workday (ctx, proposed);
      if (proposed > c->end)
        continue;
      plan_measure (ctx, c, &m, proposed, TRUE);
      m.executor = c->officer_id;
      if (m.executed != NO_DAY && (c->status == ST_EXECUTED
                                   || (is_concluded (c) && c->status != ST_ZHONGBEN
                                       && rng_chance (&ctx->rng, 600))))
        m.state = "lifted";
      insert_measure (ctx, c, &m);
    }
}

/* Returns the day it was carried out, or NO_DAY. */
static int
gen_coercive (DemoCtx    *ctx,
              DemoCase   *c,
              const char *kind,
              gint64      party,
              int         proposed,
              gboolean    by_police)
{
  Measure m = { .kind = kind, .party = party };

  proposed = next_workday (ctx, proposed);
  if (proposed > c->end)
    return NO_DAY;
  plan_measure (ctx, c, &m, proposed, TRUE);
  m.executor = by_police ? pool_pick (&ctx->police, &ctx->rng) : c->officer_id;
  if (strcmp (kind, "detention") == 0)
    {
      m.days = rng_range (&ctx->rng, 5, 15);
      m.note = c->livelihood || c->small ? "首传必拘" : NULL;
    }
  else if (strcmp (kind, "fine") == 0)
    m.amount = c->resp_person[0] ? (gint64) rng_range (&ctx->rng, 1, 50) * 100000
                                 : (gint64) rng_range (&ctx->rng, 50, 300) * 100000;
  insert_measure (ctx, c, &m);
  return m.executed;
}

/* Summons, detention (first summons, then detention for livelihood and small cases), fines,
 * referral for the refusal crime, bounty notices. */
static void
gen_coercion (DemoCtx *ctx, DemoCase *c)
{
  Rng *r = &ctx->rng;
  gboolean urgent = c->livelihood || c->small, person = c->resp_person[0];
  gint64 party = c->resp_id[0];
  int summoned = NO_DAY, detained = NO_DAY;

  if (person && rng_chance (r, urgent ? 150 : 30))
    summoned = gen_coercive (ctx, c, "summons", party, c->filed + rng_range (r, 30, 150), TRUE);
  if (person && summoned != NO_DAY && urgent && rng_chance (r, 500))
    detained = gen_coercive (ctx, c, "detention", party, summoned + rng_range (r, 1, 10), TRUE);
  else if (person && rng_chance (r, 10))
    detained = gen_coercive (ctx, c, "detention", party, c->filed + rng_range (r, 40, 200),
                             TRUE);
  if (rng_chance (r, 12))
    gen_coercive (ctx, c, "fine", party, c->filed + rng_range (r, 30, 200), FALSE);
  if (rng_chance (r, detained != NO_DAY ? 80 : 2))
    gen_coercive (ctx, c, "referral", party,
                  (detained != NO_DAY ? detained : c->filed + 60) + rng_range (r, 10, 90), FALSE);
  if (rng_chance (r, 4))
    gen_coercive (ctx, c, "bounty", party, c->filed + rng_range (r, 60, 300), FALSE);
}

static void
gen_measures (DemoCtx *ctx, DemoCase *c)
{
  if (!is_main_type (c))
    return;
  if (rng_chance (&ctx->rng, 250))
    {
      Measure m = { .kind = "notice", .party = c->resp_id[0] };
      int day = next_workday (ctx, (c->assigned != NO_DAY ? c->assigned : c->filed)
                                   + rng_range (&ctx->rng, 1, 10));

      if (day <= c->end)
        {
          plan_measure (ctx, c, &m, day, FALSE);
          m.executor = c->officer_id;
          insert_measure (ctx, c, &m);
        }
    }
  gen_restrictions (ctx, c);
  gen_coercion (ctx, c);
}

/* ---- the dishonest-debtor list --------------------------------------------------------------- */

static const char *const list_conduct[] = {
  NULL,
  "有履行能力而拒不履行生效法律文书确定义务",
  "以暴力、威胁方法妨碍、抗拒执行",
  "以隐匿、转移财产等方法规避执行",
  "违反财产报告制度",
  "违反限制消费令",
  "无正当理由拒不履行执行和解协议",
};

typedef struct
{
  int         ground;
  const char *state;
  int         applied, decided, grace, published, period_end, removal_due, removed;
  const char *reason;
} ListEntry;

/* Why and from when the entry must go (NO_DAY if it stays). */
static int
removal_trigger (DemoCtx *ctx, DemoCase *c, ListEntry *e)
{
  int trigger = NO_DAY;

  e->reason = NULL;
  switch (c->status)
    {
    case ST_EXECUTED:
      trigger = c->concluded, e->reason = "被执行人已履行完毕";
      break;
    case ST_TERMINATED:
      trigger = c->concluded, e->reason = "本案已终结执行";
      break;
    case ST_WITHDRAWN:
      trigger = c->concluded, e->reason = "申请执行人撤回执行申请";
      break;
    case ST_ZHONGBEN:
      if (rng_chance (&ctx->rng, 120))
        trigger = add_months (c->concluded, 12), e->reason = "终本后两次网络查询无财产且无新线索";
      break;
    default:
      break;
    }
  if (e->period_end != NO_DAY && (trigger == NO_DAY || e->period_end < trigger))
    trigger = e->period_end, e->reason = "失信期限届满";
  if (rng_chance (&ctx->rng, 15))
    trigger = e->decided + rng_range (&ctx->rng, 5, 60), e->reason = "纳入错误，依法撤销";
  return trigger;
}

static void
settle_entry (DemoCtx *ctx, DemoCase *c, ListEntry *e)
{
  int trigger = removal_trigger (ctx, c, e);
  int removed = NO_DAY;

  e->removal_due = e->removed = NO_DAY;
  if (trigger != NO_DAY && trigger <= ctx->today)
    {
      e->removal_due = add_workdays (ctx, trigger, 3);
      removed = rng_chance (&ctx->rng, 960)
                ? trigger + rng_range (&ctx->rng, 0, e->removal_due - trigger)
                : e->removal_due + rng_range (&ctx->rng, 1, 10);
      if (removed <= ctx->today)
        e->removed = removed;
    }
  if (e->published > MIN (ctx->today, e->removed != NO_DAY ? e->removed : ctx->today))
    e->published = NO_DAY;
  if (e->removed != NO_DAY)
    {
      gboolean revoked = g_str_equal (e->reason, "纳入错误，依法撤销");
      e->state = revoked ? "revoked" : "removed";
    }
  else
    {
      e->state = e->published != NO_DAY ? "published" : "grace";
      if (e->removal_due == NO_DAY)
        e->reason = NULL;
    }
  if (e->grace == NO_DAY && e->published == NO_DAY && e->state[0] == 'g')
    e->state = "decided";
}

static void
insert_entry (DemoCtx *ctx, DemoCase *c, gint64 party, ListEntry *e)
{
  Val *v = row_new (ctx, T_LIST);

  v_int (&v[0], c->id);
  v_int (&v[1], party);
  v_int (&v[2], e->ground);
  v_static (&v[3], list_conduct[e->ground]);
  v_static (&v[4], e->state);
  v_day (ctx, &v[5], e->applied);
  v_day (ctx, &v[6], e->decided);
  v_day (ctx, &v[7], e->grace);
  v_day (ctx, &v[8], e->published);
  v_day (ctx, &v[9], e->period_end);
  v_day (ctx, &v[10], e->removal_due);
  v_day (ctx, &v[11], e->removed);
  v_static (&v[12], e->state[0] == 'r' || e->removal_due != NO_DAY ? e->reason : NULL);
}

/* Applied for 20–100 days after filing, decided within 15 days, published at once or after a
 * grace period of 1–3 months (since the 2019 guidance); 2 years for grounds 2–6. */
static void
gen_entry (DemoCtx *ctx, DemoCase *c, gint64 party)
{
  static const guint16 ground_w[] = { 0, 700, 20, 40, 150, 70, 20 };
  static const int grace_from_y = 2019, grace_from_m = 12, grace_from_d = 16;
  ListEntry e = { .grace = NO_DAY };
  int applied = next_workday (ctx, c->filed + rng_range (&ctx->rng, 20, 100));

  if (c->status == ST_ZHONGBEN)
    applied = MIN (applied, c->concluded - 7);
  if (applied > ctx->today || (is_concluded (c) && applied >= c->concluded))
    return;
  e.applied = applied;
  e.decided = next_workday (ctx, applied + rng_range (&ctx->rng, 0, 14));
  if (is_concluded (c))
    e.decided = MIN (e.decided, c->concluded - (c->status == ST_ZHONGBEN ? 1 : 0));
  if (e.decided > ctx->today)
    {
      /* not decided yet */
      e.ground = 1 + (int) rng_below (&ctx->rng, 6);
      e.state = "proposed";
      e.decided = e.published = e.period_end = e.removal_due = e.removed = NO_DAY;
      insert_entry (ctx, c, party, &e);
      return;
    }
  e.ground = (int) rng_weighted (&ctx->rng, ground_w, G_N_ELEMENTS (ground_w));
  e.published = e.decided;
  if (e.decided >= days_from_civil (grace_from_y, grace_from_m, grace_from_d)
      && rng_chance (&ctx->rng, 200))
    e.grace = e.published = add_months (e.decided, rng_range (&ctx->rng, 1, 3));
  e.period_end = NO_DAY;
  if (e.ground > 1)
    e.period_end = add_months (e.decided, 24 + (rng_chance (&ctx->rng, 80)
                                                ? 12 * rng_range (&ctx->rng, 1, 3) : 0));
  settle_entry (ctx, c, &e);
  insert_entry (ctx, c, party, &e);
}

static void
gen_list (DemoCtx *ctx, DemoCase *c)
{
  guint chance;

  if (!is_main_type (c))
    return;
  switch (c->status)
    {
    case ST_ZHONGBEN: chance = 480; break;
    case ST_IN_PROGRESS: case ST_SUSPENDED: chance = ctx->today - c->filed > 30 ? 220 : 0; break;
    case ST_TERMINATED: chance = 150; break;
    case ST_EXECUTED: chance = 90; break;
    case ST_WITHDRAWN: chance = 60; break;
    default: chance = 0; break;
    }
  if (!rng_chance (&ctx->rng, chance))
    return;
  gen_entry (ctx, c, c->resp_id[0]);
  if (c->n_resp > 1 && rng_chance (&ctx->rng, 300))
    gen_entry (ctx, c, c->resp_id[1]);
}

/* ---- judicial aid ---------------------------------------------------------------------------- */

/* For applicants of livelihood cases left unpaid: application → filing review → handler review
 * → committee → granted (or rejected) → paid. */
static void
gen_aid (DemoCtx *ctx, DemoCase *c)
{
  Rng *r = &ctx->rng;
  gint64 unpaid = c->applied - c->realized;
  int from, applied, filing, handler, committee, decided, paid;
  gint64 amount;
  const char *state;
  gboolean granted;
  Val *v;

  if (!c->livelihood || !c->app_person || unpaid < 100000)
    return;
  if (c->status == ST_ZHONGBEN)
    from = c->concluded;
  else if (!is_concluded (c) && ctx->today - c->filed > 180)
    from = c->filed + 180;
  else
    return;
  if (!rng_chance (r, 120))
    return;
  applied = next_workday (ctx, from + rng_range (r, 10, 90));
  if (applied > ctx->today)
    return;
  filing = applied + rng_range (r, 2, 7);
  handler = filing + rng_range (r, 5, 15);
  committee = handler + rng_range (r, 5, 15);
  decided = next_workday (ctx, committee + rng_range (r, 3, 10));
  paid = decided + rng_range (r, 3, 15);
  granted = rng_chance (r, 880);
  amount = (gint64) rng_range (r, 50, 600) * 10000;   /* ¥5,000 – ¥60,000 */
  state = ctx->today < filing ? "applied" : ctx->today < handler ? "filing_review"
        : ctx->today < committee ? "handler_review" : ctx->today < decided ? "committee"
        : !granted ? "rejected" : ctx->today < paid ? "granted" : "paid";
  v = row_new (ctx, T_AID);
  v_int (&v[0], c->id);
  v_int (&v[1], c->app_id);
  v_int (&v[2], MIN (unpaid, amount));
  v_static (&v[3], state);
  v_day (ctx, &v[4], applied);
  v_day (ctx, &v[5], decided <= ctx->today ? decided : NO_DAY);
  v_day (ctx, &v[6], granted && paid <= ctx->today ? paid : NO_DAY);
}

static void
gen_case (DemoCtx *ctx)
{
  DemoCase c = { 0 };

  draw_case (ctx, &c);
  insert_case (ctx, &c);
  gen_parties (ctx, &c);
  gen_nodes (ctx, &c);
  gen_queries (ctx, &c);
  gen_seizures (ctx, &c);
  gen_measures (ctx, &c);
  gen_list (ctx, &c);
  gen_aid (ctx, &c);
  ctx->done++;
  ctx->buffered_cases++;
}

/* ---- transactions ---------------------------------------------------------------------------- */

static gboolean
write_counters (DemoCtx *ctx, GError **error)
{
  sqlite3_stmt *st = NULL;
  gboolean ok = TRUE;

  if (!prepare (ctx,
                "INSERT INTO case_counters (court_code, type_code, year, last_seq)"
                " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (court_code, type_code, year)"
                " DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
                &st, error))
    return FALSE;
  for (int y = 0; ok && y < ctx->n_years; y++)
    for (int t = 0; ok && t < N_TYPES; t++)
      {
        guint last = ctx->last_seq[y * N_TYPES + t];

        if (last == 0)
          continue;
        bind_text (st, 1, COURT_CODE);
        bind_text (st, 2, type_codes[t]);
        sqlite3_bind_int (st, 3, FIRST_YEAR + y);
        sqlite3_bind_int (st, 4, (int) last);
        ok = run (ctx, st, error);
      }
  sqlite3_finalize (st);
  return ok;
}

/* One audit row and one change_log row for the whole generation (entity id 0: many rows). */
static gboolean
write_summary (DemoCtx *ctx, ZxTxn *txn, const char *today, GError **error)
{
  char json[160];

  g_snprintf (json, sizeof json,
              "{\"cases\":%u,\"seed\":%" G_GUINT64_FORMAT ",\"today\":\"%s\"}",
              ctx->n_cases, ctx->seed, today);
  return zx_txn_audit (txn, "demo", "cases", 0, NULL, json, error)
         && zx_txn_log_change (txn, "cases", 0, "insert", error);
}

/* Parties and seizures get their ids here: rows are written later, in batches. */
static gboolean
load_next_ids (DemoCtx *ctx, GError **error)
{
  ctx->next_case_id = query_int (ctx, "SELECT coalesce (max (id), 0) + 1 FROM cases", error);
  if (ctx->next_case_id > 0)
    ctx->next_party_id = query_int (ctx, "SELECT coalesce (max (id), 0) + 1 FROM parties",
                                    error);
  if (ctx->next_party_id > 0)
    ctx->next_seizure_id = query_int (ctx, "SELECT coalesce (max (id), 0) + 1 FROM seizures",
                                      error);
  return ctx->next_seizure_id > 0;
}

static gboolean
refuse_if_cases (DemoCtx *ctx, GError **error)
{
  gint64 n = query_int (ctx, "SELECT EXISTS (SELECT 1 FROM cases)", error);

  if (n > 0)
    g_set_error (error, ZX_ERROR, ZX_ERROR_EXISTS,
                 _("Demo data only goes into a database without cases; this one has cases."));
  return n == 0;
}

/* Cases are filed on working days: there must be one from 2016-01-01 to today. */
static gboolean
refuse_if_no_workday (DemoCtx *ctx, GError **error)
{
  gboolean ok;

  g_clear_pointer (&ctx->workday, g_free);
  if (!load_calendar (ctx, error))
    return FALSE;
  ok = ctx->n_cases == 0
       || weight_between (ctx, days_from_civil (FIRST_YEAR, 1, 1), ctx->today) > 0;
  if (!ok)
    g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                 _("There is no working day from %d-01-01 to today to file cases on."),
                 FIRST_YEAR);
  return ok;
}

/* First transaction: court settings, and teams and staff if there are none. */
static gboolean
org_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  DemoCtx *ctx = user_data;
  gint64 n_teams;

  /* staff names come from the generator: the same ones if the store runs this again */
  if (ctx->in_chunk)
    ctx->rng = ctx->checkpoint.rng;
  ctx->checkpoint.rng = ctx->rng;
  ctx->in_chunk = TRUE;
  ctx->db = zx_txn_get_db (txn);
  ctx->now = zx_txn_get_now (txn);
  if (!refuse_if_cases (ctx, error))
    return FALSE;
  if (!refuse_if_no_workday (ctx, error))
    return FALSE;
  n_teams = query_int (ctx, "SELECT count(*) FROM teams", error);
  if (n_teams < 0 || !write_meta (ctx, error) || (n_teams == 0 && !create_org (ctx, error)))
    return FALSE;
  ctx->in_chunk = FALSE;
  return TRUE;
}

/* Start of the first case transaction: what the cases are drawn from. */
static gboolean
demo_setup (DemoCtx *ctx, GError **error)
{
  clear_setup (ctx);   /* a run of this transaction that failed half-way */
  if (!refuse_if_cases (ctx, error)
      || !load_calendar (ctx, error)
      || !load_org (ctx, error)
      || !load_next_ids (ctx, error))
    return FALSE;
  plan_years (ctx);
  ctx->setup_done = TRUE;
  return TRUE;
}

typedef struct
{
  DemoCtx    *ctx;
  const char *today;
} TxnData;

/* Up to CHUNK_CASES cases with everything that belongs to them, and the counters so far (so
 * that a later failure leaves numbering consistent). */
static gboolean
cases_txn (ZxTxn *txn, gpointer user_data, GError **error)
{
  TxnData *data = user_data;
  DemoCtx *ctx = data->ctx;
  guint stop;
  gboolean ok;

  ctx->db = zx_txn_get_db (txn);
  ctx->now = zx_txn_get_now (txn);
  if (!ctx->setup_done && !demo_setup (ctx, error))
    return FALSE;
  if (ctx->in_chunk)
    checkpoint_restore (ctx);
  else
    checkpoint_save (ctx);
  ctx->in_chunk = TRUE;
  stop = MIN (ctx->n_cases, ctx->done + CHUNK_CASES);
  ok = prepare_bulk (ctx, error);
  while (ok && ctx->done < stop)
    {
      gen_case (ctx);
      if (ctx->buffered_cases >= FLUSH_CASES || ctx->arena_used > ARENA_SIZE - ARENA_RESERVE)
        ok = flush_rows (ctx, error);
    }
  ok = ok && flush_rows (ctx, error);
  finalize_bulk (ctx);
  ok = ok && write_counters (ctx, error);
  if (ok && ctx->done == ctx->n_cases)
    ok = write_summary (ctx, txn, data->today, error);
  ctx->in_chunk = !ok;
  return ok;
}

static void
init_weights (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    surname_weights[i] = surnames[i].weight;
  for (guint i = 0; i < G_N_ELEMENTS (id_regions); i++)
    id_region_weights[i] = id_regions[i].weight;
}

/* Connection settings for the bulk load, restored afterwards.  CHECK constraints with IN lists
 * make SQLite build a temporary table per row written, and foreign keys a statement journal
 * per multi-row INSERT: together they triple the time.  The generator keeps to both by
 * construction (tests run integrity_check and foreign_key_check on its output), and foreign
 * keys are still satisfied in write order (parents are flushed first). */
typedef struct
{
  gint64 cache_size;
  gint64 foreign_keys;
  gint64 ignore_checks;
} BulkSettings;

static gint64
pragma_value (sqlite3 *db, const char *sql, gint64 fallback)
{
  sqlite3_stmt *st = NULL;
  gint64 v = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step (st) == SQLITE_ROW)
    v = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return v;
}

static void
bulk_settings_enter (sqlite3 *db, BulkSettings *saved)
{
  saved->cache_size = pragma_value (db, "PRAGMA cache_size", -2000);
  saved->foreign_keys = pragma_value (db, "PRAGMA foreign_keys", 1);
  saved->ignore_checks = pragma_value (db, "PRAGMA ignore_check_constraints", 0);
  sqlite3_exec (db,
                "PRAGMA cache_size = -" G_STRINGIFY (DEMO_CACHE_KIB) ";"
                " PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON",
                NULL, NULL, NULL);
}

static void
bulk_settings_leave (sqlite3 *db, const BulkSettings *saved)
{
  char sql[64];

  g_snprintf (sql, sizeof sql, "PRAGMA cache_size = %" G_GINT64_FORMAT, saved->cache_size);
  sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_exec (db, saved->foreign_keys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF",
                NULL, NULL, NULL);
  sqlite3_exec (db,
                saved->ignore_checks ? "PRAGMA ignore_check_constraints = ON"
                                     : "PRAGMA ignore_check_constraints = OFF",
                NULL, NULL, NULL);
}

static gboolean
generate (DemoCtx *ctx, TxnData *data, GError **error)
{
  /* Teams first, then the store's default routing rules over them (if none yet), then the
   * cases in chunks, then the search index over all of them. */
  gint64 start = g_get_monotonic_time ();

  if (!zx_store_write (ctx->store, org_txn, ctx, error)
      || !zx_store_seed_routing (ctx->store, error))
    return FALSE;
  do
    {
      if (!zx_store_write (ctx->store, cases_txn, data, error))
        return FALSE;
      g_debug ("%u cases after %.1f s", ctx->done, (g_get_monotonic_time () - start) / 1e6);
    }
  while (ctx->done < ctx->n_cases);
  if (!zx_case_search_rebuild (ctx->store, error))
    return FALSE;
  g_debug ("search index rebuilt after %.1f s", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

gboolean
zx_demo_generate (ZxStore *store, const ZxDemoOptions *options, GError **error)
{
  DemoCtx ctx = { 0 };
  TxnData data = { &ctx, options ? options->today : NULL };
  BulkSettings saved;
  gboolean ok;

  g_return_val_if_fail (ZX_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_day (options->today, &ctx.today)
      || ctx.today < days_from_civil (FIRST_YEAR, 1, 1))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Today must be a date YYYY-MM-DD from %d-01-01 on, not “%s”."), FIRST_YEAR,
                   options->today ? options->today : "");
      return FALSE;
    }
  init_weights ();
  ctx.store = store;
  ctx.actor = zx_store_get_actor (store) ? zx_store_get_actor (store) : "demo";
  ctx.seed = options->seed;
  ctx.n_cases = options->n_cases;
  rng_seed (&ctx.rng, options->seed);
  bulk_settings_enter (zx_store_get_db (store), &saved);
  ok = generate (&ctx, &data, error);
  bulk_settings_leave (zx_store_get_db (store), &saved);
  demo_ctx_clear (&ctx);
  return ok;
}
