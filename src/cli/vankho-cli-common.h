/* vankho-cli-common.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vankho-library.h"

G_BEGIN_DECLS

/* 0 success, 1 the user's input was wrong, 2 an internal failure. */
enum {
  EXIT_OK = 0,
  EXIT_USER_ERROR = 1,
  EXIT_INTERNAL_ERROR = 2,
};

extern gboolean output_json;

int             vankho_cli_report_error        (const GError        *error);
int             vankho_cli_usage_error         (const char          *message);
GOptionContext *vankho_cli_command_context_new (const char          *parameters,
                                                const char          *summary,
                                                const GOptionEntry  *entries);
gboolean        vankho_cli_parse_command       (GOptionContext      *context,
                                                int                 *argc,
                                                char              ***argv,
                                                int                 *status);
VankhoLibrary  *vankho_cli_open_library        (GError             **error);
VankhoLibrary  *vankho_cli_open_library_to_write (GError           **error);
char           *vankho_cli_dup_library_path    (void);

G_END_DECLS
