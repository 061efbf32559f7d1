/* vankho-cli-feeds.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

G_BEGIN_DECLS

int vankho_cli_command_feed       (int    argc,
                                   char **argv);
int vankho_cli_command_sync       (int    argc,
                                   char **argv);
int vankho_cli_command_parse_feed (int    argc,
                                   char **argv);

G_END_DECLS
