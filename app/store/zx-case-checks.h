/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "domain/zx-zhongben.h"
#include "zx-store.h"

G_BEGIN_DECLS

/* Case-level rules that need the case's records: the 终本 check and time-limit extensions. */

/* The facts of the 终本 check as the records show them (see zx-case-checks.c for how each is
 * read), then the domain check: the unmet conditions (GArray of ZxZhongbenUnmet), empty when
 * 终本 may be granted. */
GArray  *zx_store_zhongben_check (ZxStore *store, gint64 case_id, const char *today,
                                  GError **error);

/* Extends the case's time limit by MONTHS, approved by the president. ASKED_ON must be at least
 * `extension_request_before` days (5) before the current limit. Moves the case_concluded node
 * with it and writes REASON to the audit trail. */
gboolean zx_store_extend_case (ZxStore *store, gint64 case_id, gint64 expected_version,
                               int months, const char *asked_on, const char *reason,
                               GError **error);

G_END_DECLS
