/* fuzz-common.h: shared bits of the libFuzzer targets
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

/* Inputs larger than this only slow the fuzzer down: every parser caps or
 * streams what it reads, and the caps are tested elsewhere.
 */
#define FUZZ_MAX_INPUT (256 * 1024)

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A critical is a programming error: make it a crash the fuzzer reports.
 * Warnings from the code under test are expected on hostile input and are
 * kept quiet so that they do not flood the fuzzer's output.
 */
static void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_printerr ("%s: %s\n", domain ? domain : "**", message);
      abort ();
    }
}

static inline void
fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_default_handler (fuzz_log_handler, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* A NUL-terminated copy, for the entry points that take C strings. */
static inline char *
fuzz_strndup (const uint8_t *data,
              size_t         size)
{
  char *s = g_malloc (size + 1);

  memcpy (s, data, size);
  s[size] = '\0';
  return s;
}
