/* test-i18n.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the built vankho-cli under LANGUAGE=vi and LANGUAGE=en, with the
 * translations of the build tree (VANKHO_LOCALEDIR), and checks that its help
 * speaks the language asked for: Vietnamese strings and no English ones in
 * vi, the English ones in en.
 */

#include "config.h"

#include <string.h>
#include <glib.h>

static const char *cli_path;
static const char *localedir;

typedef struct
{
  const char *language;  /* LANGUAGE */
  const char *locale;    /* LANG and LC_ALL */
  const char *command;   /* NULL for the main help */
  const char * const *present;
  const char * const *absent;
} HelpCase;

/* Whether `locale -a` lists @name (vi_VN.UTF-8 is listed as vi_VN.utf8). */
static gboolean
locale_installed (const char *name)
{
  g_autofree char *out = NULL;
  g_autofree char *want = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) normal = g_string_new (NULL);
  const char *argv[] = { "locale", "-a", NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (normal, g_ascii_tolower (*p));
  want = g_string_free (g_steal_pointer (&normal), FALSE);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (const char *p = lines[i]; *p != '\0'; p++)
        if (*p != '-' && !g_ascii_isspace (*p))
          g_string_append_c (line, g_ascii_tolower (*p));
      if (g_strcmp0 (line->str, want) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
run_help (const HelpCase *test)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[4] = { cli_path, NULL, NULL, NULL };
  int wait_status = 0;

  if (test->command != NULL)
    {
      argv[1] = test->command;
      argv[2] = "--help";
    }
  else
    argv[1] = "--help";

  env = g_environ_setenv (env, "LANGUAGE", test->language, TRUE);
  env = g_environ_setenv (env, "LANG", test->locale, TRUE);
  env = g_environ_setenv (env, "LC_ALL", test->locale, TRUE);
  env = g_environ_setenv (env, "VANKHO_LOCALEDIR", localedir, TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  if (err != NULL && *err != '\0')
    g_test_message ("stderr: %s", err);

  return g_steal_pointer (&out);
}

static void
test_help (gconstpointer data)
{
  const HelpCase *test = data;
  g_autofree char *out = NULL;

  if (strcmp (test->language, "vi") == 0 && !locale_installed (test->locale))
    {
      g_test_skip ("The vi_VN.UTF-8 locale is not installed (see `locale -a`): gettext ignores "
                   "LANGUAGE=vi under the C locale. Generate it (Debian: the locales package, "
                   "vi_VN.UTF-8 in /etc/locale.gen, then locale-gen) to run this test.");
      return;
    }

  out = run_help (test);
  g_test_message ("LANGUAGE=%s vankho-cli %s --help:\n%s", test->language,
                  test->command ? test->command : "", out);

  for (guint i = 0; test->present[i] != NULL; i++)
    if (strstr (out, test->present[i]) == NULL)
      g_error ("LANGUAGE=%s: “%s” is missing from the help:\n%s", test->language, test->present[i], out);

  for (guint i = 0; test->absent != NULL && test->absent[i] != NULL; i++)
    if (strstr (out, test->absent[i]) != NULL)
      g_error ("LANGUAGE=%s: “%s” was left untranslated in the help:\n%s",
               test->language, test->absent[i], out);
}

/* The main help. */
static const char * const main_en[] = {
  "Văn Khố: an archive of news on how resolutions on the People's Public Security force are carried out.",
  "Commands:",
  "Import text files and folders",
  "Search articles",
  "Count what the library holds",
  "Manage subscribed feeds",
  "Use the library at PATH instead of the default one",
  "Print the version and exit",
  "“vankho-cli COMMAND --help” tells more about each command.",
  NULL
};

static const char * const main_vi[] = {
  "Văn Khố: kho lưu trữ tin tức về việc thực hiện các nghị quyết về lực lượng Công an nhân dân.",
  "Các lệnh:",
  "Nhập tệp văn bản và thư mục",
  "Tìm bài viết",
  "Thống kê nội dung thư viện",
  "Quản lý nguồn tin đã đăng ký",
  "Dùng thư viện tại ĐƯỜNG_DẪN thay cho thư viện mặc định",
  "In số phiên bản rồi thoát",
  "“vankho-cli LỆNH --help”",
  NULL
};

/* `vankho-cli import --help`. */
static const char * const import_en[] = {
  "Import text files, or every file in folders, into the library.",
  "Add the sample articles that come with Văn Khố",
  "Print only the summary and the failures",
  "PATH…",
  NULL
};

static const char * const import_vi[] = {
  "Nhập tệp văn bản, hoặc mọi tệp trong các thư mục, vào thư viện.",
  "Thêm các bài viết mẫu có sẵn trong Văn Khố",
  "Chỉ in phần tóm tắt và các lỗi",
  "ĐƯỜNG_DẪN…",
  NULL
};

static const HelpCase cases[] = {
  { "vi", "vi_VN.UTF-8", NULL, main_vi, main_en },
  { "en", "en_US.UTF-8", NULL, main_en, main_vi },
  { "vi", "vi_VN.UTF-8", "import", import_vi, import_en },
  { "en", "en_US.UTF-8", "import", import_en, import_vi },
};

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("VANKHO_CLI");
  localedir = g_getenv ("VANKHO_LOCALEDIR");
  if (cli_path == NULL || localedir == NULL)
    g_error ("VANKHO_CLI and VANKHO_LOCALEDIR must name the built vankho-cli and the build's po "
             "directory (meson test sets them)");

  {
    g_autofree char *mo = g_build_filename (localedir, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

    if (!g_file_test (mo, G_FILE_TEST_EXISTS))
      g_error ("%s was not built", mo);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/cli/%s-help/%s",
                                               cases[i].command ? cases[i].command : "main",
                                               cases[i].language);

      g_test_add_data_func (path, &cases[i], test_help);
    }

  return g_test_run ();
}
