/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zx-domain"

#include "config.h"

#include "zx-blacklist-rules.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zx-validate.h"

/* Civil Code art. 17. The law, not a court setting: a minor is never listed (失信 rules
 * art. 4) nor shown. */
#define ADULT_AGE 18
#define GROUND_MIN 1
#define GROUND_MAX 6

static const ZxListParams default_params = {
  .period_months = 24,
  .extension_min_months = 12,
  .extension_max_months = 36,
  .grace_max_months = 3,
  .action_working_days = 3,
  .decision_days = 15,
};

void
zx_list_params_init_defaults (ZxListParams *params)
{
  g_return_if_fail (params != NULL);

  *params = default_params;
}

static gboolean
unset (const char *s)
{
  return s == NULL || *s == '\0';
}

/* ---- periods and deadlines ------------------------------------------------------------- */

static gboolean
extension_ok (const ZxListParams *params, int ground, int extension_months)
{
  if (extension_months == 0)
    return TRUE;

  /* Ground 1 has no fixed period, so there is nothing to extend. */
  return ground != 1 && extension_months >= params->extension_min_months
         && extension_months <= params->extension_max_months;
}

gboolean
zx_list_period_end (const ZxListParams *params, int ground, const char *decided_on,
                    int extension_months, char **out_end, GError **error)
{
  g_return_val_if_fail (params != NULL && out_end != NULL, FALSE);

  *out_end = NULL;
  if (ground < GROUND_MIN || ground > GROUND_MAX)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("Ground %d does not exist: the grounds are 1 to 6"), ground);
      return FALSE;
    }
  if (!extension_ok (params, ground, extension_months))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("An extension of %d months is not possible for ground %d"),
                   extension_months, ground);
      return FALSE;
    }
  if (!zx_date_is_valid (decided_on))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("The decision date is not a real date"));
      return FALSE;
    }
  if (ground == 1)
    return TRUE;

  *out_end = zx_date_term_end (decided_on, params->period_months + extension_months);
  if (*out_end == NULL)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("The listing period does not fit the calendar"));
      return FALSE;
    }

  return TRUE;
}

gboolean
zx_list_grace_until (const ZxListParams *params, const char *decided_on, int grace_months,
                     char **out_until, GError **error)
{
  g_return_val_if_fail (params != NULL && out_until != NULL, FALSE);

  *out_until = NULL;
  if (grace_months < 0 || grace_months > params->grace_max_months)
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID,
                   _("A grace period runs from 1 to %d months, not %d"),
                   params->grace_max_months, grace_months);
      return FALSE;
    }
  if (!zx_date_is_valid (decided_on))
    {
      g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("The decision date is not a real date"));
      return FALSE;
    }
  if (grace_months == 0)
    return TRUE;

  *out_until = zx_date_term_end (decided_on, grace_months);
  return *out_until != NULL;
}

char *
zx_list_action_due (const ZxCalendar *cal, const ZxListParams *params, const char *from)
{
  g_return_val_if_fail (cal != NULL && params != NULL, NULL);

  return zx_calendar_add_working_days (cal, from, params->action_working_days);
}

char *
zx_list_decision_due (const ZxListParams *params, const char *applied_on)
{
  g_return_val_if_fail (params != NULL, NULL);

  return zx_date_add_days (applied_on, params->decision_days);
}

/* ---- who may be listed ----------------------------------------------------------------- */

/* Adds why a person may not be listed, if anything: the ID must be valid and show an adult
 * on the decision day. */
static void
check_person (const ZxListProposal *p, GPtrArray *reasons)
{
  g_autoptr (GError) id_error = NULL;
  g_autofree char *id18 = NULL;
  int age;

  if (!zx_validate_resident_id (p->id_no, p->decided_on, FALSE, &id18, NULL, &id_error))
    {
      g_ptr_array_add (reasons, g_strdup_printf (_("the age cannot be established: %s"),
                                                 id_error->message));
      return;
    }

  age = zx_resident_id_age (id18, p->decided_on);
  if (age >= 0 && age < ADULT_AGE)
    g_ptr_array_add (reasons, g_strdup_printf (_("a minor (aged %d on %s) is never listed"), age,
                                               p->decided_on));
}

gboolean
zx_list_check_proposal (const ZxListParams *params, const ZxListProposal *p, GError **error)
{
  g_autoptr (GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;

  g_return_val_if_fail (params != NULL && p != NULL, FALSE);

  if (p->ground < GROUND_MIN || p->ground > GROUND_MAX)
    g_ptr_array_add (reasons, g_strdup (_("a ground of art. 1 (1 to 6) is required")));
  if (!zx_date_is_valid (p->decided_on))
    g_ptr_array_add (reasons, g_strdup (_("the decision date is not a real date")));
  else if (p->is_person)
    check_person (p, reasons);
  if (!p->has_consumption_restriction)
    g_ptr_array_add (reasons, g_strdup (_("everyone listed must also be under a consumption "
                                          "restriction: issue one first")));
  if (p->grace_months < 0 || p->grace_months > params->grace_max_months)
    g_ptr_array_add (reasons, g_strdup_printf (_("the grace period is at most %d months"),
                                               params->grace_max_months));
  if (!extension_ok (params, p->ground, p->extension_months))
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("an extension is %d to %d months, for grounds 2 to 6"),
                                      params->extension_min_months,
                                      params->extension_max_months));

  if (reasons->len == 0)
    return TRUE;

  g_ptr_array_add (reasons, NULL);
  message = g_strjoinv ("; ", (char **) reasons->pdata);
  g_set_error (error, ZX_ERROR, ZX_ERROR_INVALID, _("Cannot list: %s"), message);
  return FALSE;
}

/* ---- the public view ------------------------------------------------------------------- */

char *
zx_mask_resident_id (const char *id18)
{
  g_autofree char *normalized = NULL;

  if (!zx_validate_resident_id (id18, NULL, FALSE, &normalized, NULL, NULL))
    return NULL;

  /* Digits 11–14 are the birth month and day (as the national disclosure site masks them). */
  memcpy (normalized + 10, "****", 4);
  return g_steal_pointer (&normalized);
}

/* Whether the entry is in its published period on TODAY. Any date that is not a real date
 * hides the entry: a wall screen must fail closed. */
static gboolean
in_published_period (const ZxListEntryFacts *f, const char *today)
{
  if (g_strcmp0 (f->state, "published") != 0 || !unset (f->removed_on))
    return FALSE;
  if (!zx_date_is_valid (today) || !zx_date_is_valid (f->published_on)
      || strcmp (f->published_on, today) > 0)
    return FALSE;
  if (!unset (f->grace_until)
      && (!zx_date_is_valid (f->grace_until) || strcmp (today, f->grace_until) <= 0))
    return FALSE;
  if (!unset (f->period_end)
      && (!zx_date_is_valid (f->period_end) || strcmp (today, f->period_end) > 0))
    return FALSE;

  return TRUE;
}

/* A person is shown only with a valid ID that shows an adult, today and when listed. */
static gboolean
adult_person (const ZxListEntryFacts *f, const char *today, char **out_id18, int *out_age)
{
  g_autofree char *id18 = NULL;
  int age;

  if (!zx_validate_resident_id (f->id_no, today, FALSE, &id18, NULL, NULL))
    return FALSE;

  age = zx_resident_id_age (id18, today);
  if (age < ADULT_AGE)
    return FALSE;
  if (!unset (f->decided_on) && zx_resident_id_age (id18, f->decided_on) < ADULT_AGE)
    return FALSE;

  *out_id18 = g_steal_pointer (&id18);
  *out_age = age;
  return TRUE;
}

static ZxPerformance
performance_of (gint64 due, gint64 performed)
{
  if (performed <= 0)
    return ZX_PERFORMANCE_NONE;
  return performed < due ? ZX_PERFORMANCE_PARTIAL : ZX_PERFORMANCE_FULL;
}

static char *
text_or_empty (const char *s)
{
  return g_strdup (s != NULL ? s : "");
}

ZxPublicEntry *
zx_list_public_view (const ZxListEntryFacts *f, const char *today)
{
  g_autoptr (ZxPublicEntry) entry = NULL;
  g_autofree char *id18 = NULL;
  int age = -1;

  g_return_val_if_fail (f != NULL, NULL);

  if (!in_published_period (f, today) || unset (f->name))
    return NULL;
  if (f->is_person && !adult_person (f, today, &id18, &age))
    return NULL;

  entry = g_new0 (ZxPublicEntry, 1);
  entry->is_person = f->is_person;
  entry->name = g_strdup (f->name);
  entry->age = age;
  if (f->is_person)
    {
      zx_resident_id_info (id18, &entry->sex, NULL);
      entry->id_shown = zx_mask_resident_id (id18);
      entry->legal_rep = g_strdup ("");
    }
  else
    {
      /* Entity codes are published whole. */
      entry->id_shown = g_strstrip (text_or_empty (f->id_no));
      entry->legal_rep = text_or_empty (f->legal_rep);
    }

  entry->obligation = text_or_empty (f->obligation);
  entry->amount_due = f->amount_due;
  entry->amount_performed = f->amount_performed;
  entry->performance = performance_of (f->amount_due, f->amount_performed);
  entry->conduct = text_or_empty (f->conduct);
  entry->basis_org = text_or_empty (f->basis_org);
  entry->basis_doc_no = text_or_empty (f->basis_doc_no);
  entry->case_no = text_or_empty (f->case_no);
  entry->filed_on = text_or_empty (f->filed_on);
  entry->court = text_or_empty (f->court);
  entry->published_on = g_strdup (f->published_on);

  return g_steal_pointer (&entry);
}

void
zx_public_entry_free (ZxPublicEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->name);
  g_free (entry->id_shown);
  g_free (entry->legal_rep);
  g_free (entry->obligation);
  g_free (entry->conduct);
  g_free (entry->basis_org);
  g_free (entry->basis_doc_no);
  g_free (entry->case_no);
  g_free (entry->filed_on);
  g_free (entry->court);
  g_free (entry->published_on);
  g_free (entry);
}
