/* test-timeout.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* How much slower than a plain build this run is: VANKHO_TIMEOUT_FACTOR,
 * set by make test-asan and make test-valgrind-ui. Waits and time budgets
 * are multiplied by it. */
static inline gint64
test_timeout_factor (void)
{
  const char *factor = g_getenv ("VANKHO_TIMEOUT_FACTOR");
  gint64 value = factor != NULL ? g_ascii_strtoll (factor, NULL, 10) : 1;

  return CLAMP (value, 1, 100);
}
