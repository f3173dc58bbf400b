/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zx-test-util.h"

G_BEGIN_DECLS

/* A court in a fresh database: two teams and one staff member of every role. Each login is the
 * one tests pass to zx_store_set_actor(). */

#define ADULT_ID     "342301196402143224"  /* a woman born 1964-02-14 */
#define ADULT_ID_2   "320106199003070012"
#define MINOR_ID     "110105201003070017"  /* born 2010-03-07 */
#define CREDIT_CODE  "91350100M000100Y43"

typedef struct
{
  char    *dir;
  ZxStore *store;
  gint64   team_a;
  gint64   team_b;
  gint64   officer;       /* 王强, team A, login "officer" */
  gint64   officer_b;     /* 孙丽, team B, login "officer_b" */
  gint64   president;     /* login "president" */
  gint64   director;      /* login "director" */
  gint64   police;        /* login "police" */
  gint64   clerk;         /* login "clerk" */
  gint64   admin;         /* login "admin" */
  gint64   team_leader;   /* login "leader" */
  gint64   judge;         /* login "judge" */
} RulesFixture;

void   rules_fixture_set_up (RulesFixture *f, gconstpointer data);
void   rules_fixture_tear_down (RulesFixture *f, gconstpointer data);

/* A case of team TEAM and OFFICER (0: none) filed on FILED_ON. */
gint64 rules_add_case (RulesFixture *f, const char *case_no, const char *filed_on, gint64 team,
                       gint64 officer, gboolean small_amount, gboolean livelihood);
/* A party: ROLE applicant/respondent, KIND person/entity. */
gint64 rules_add_party (RulesFixture *f, gint64 case_id, const char *role, const char *kind,
                        const char *name, const char *id_no);
/* Runs as LOGIN from now on. */
void   rules_act_as (RulesFixture *f, const char *login);

/* A column of one row, as text (NULL for NULL) or integer. */
char  *rules_get_text (RulesFixture *f, const char *table, gint64 id, const char *column);
gint64 rules_get_int (RulesFixture *f, const char *table, gint64 id, const char *column);
/* count(*) of a query with no parameters. */
gint64 rules_count (RulesFixture *f, const char *sql);

/* Sets a rule parameter (rule_params.value). */
void   rules_set_param (RulesFixture *f, const char *key, gint64 value);

/* An executed consumption restriction of PARTY, made through the measures workflow. */
gint64 rules_add_restriction (RulesFixture *f, gint64 case_id, gint64 party_id,
                              const char *executed_on);

#define RULES_TEST(path, func) \
  g_test_add (path, RulesFixture, NULL, rules_fixture_set_up, func, rules_fixture_tear_down)

G_END_DECLS
