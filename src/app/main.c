/* main.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "vankho-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(VankhoApplication) app = NULL;
  const char *localedir = g_getenv ("VANKHO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = vankho_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
