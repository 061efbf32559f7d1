#!/usr/bin/env python3
# check-translation.py PO_DIR
#
# For every language of PO_DIR/LINGUAS: `msgfmt --check --statistics` must
# pass and report no untranslated and no fuzzy message; mnemonics must be kept
# (msgfmt --check-accelerators); Vietnamese has one plural form. Also fails
# when a message was cut short by xgettext at a format macro it cannot read
# ("No article with id %" G_GINT64_FORMAT " …" becomes "No article with id %"):
# such a message is never translated at run time, whatever the .po says.
# Use PRId64 (<inttypes.h>) or %zu there; xgettext understands those.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys

PLURAL_FORMS = {
    'vi': 'nplurals=1; plural=0;',
}

STATS = re.compile(r'(\d+) translated messages?'
                   r'(?:, (\d+) fuzzy translations?)?'
                   r'(?:, (\d+) untranslated messages?)?')


def unquote(lines):
    return ''.join(eval(line) for line in lines)  # PO strings are C-like literals


def active_msgids(path):
    """The msgids (and plurals) of the entries that are not obsolete."""
    ids = []
    current = None
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if line.startswith('#~') or line.startswith('#'):
                current = None
                continue
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) (".*")$', line)
            if m:
                current = [] if m.group(1) in ('msgid', 'msgid_plural') else None
                if current is not None:
                    current.append(m.group(2))
                    ids.append(current)
                continue
            if line.startswith('"') and current is not None:
                current.append(line)
    return [unquote(parts) for parts in ids]


def cut_at_macro(msgid):
    """Whether msgid ends in a lone '%' (an unfinished conversion)."""
    trailing = len(msgid) - len(msgid.rstrip('%'))
    return trailing % 2 == 1


def main():
    po_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'po')
    msgfmt = shutil.which('msgfmt')
    if msgfmt is None:
        print('1..0 # SKIP msgfmt (gettext) is not installed')
        return 77

    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]

    status = 0
    n = 0

    def report(ok, text, detail=''):
        nonlocal status, n
        n += 1
        print(f'{"ok" if ok else "not ok"} {n} - {text}')
        if detail:
            for line in detail.rstrip().splitlines():
                print(f'# {line}')
        if not ok:
            status = 1

    for lang in languages:
        po = os.path.join(po_dir, f'{lang}.po')
        if not os.path.isfile(po):
            report(False, f'{lang}: {po} exists')
            continue

        result = subprocess.run([msgfmt, '--check', '--check-accelerators=_', '--statistics',
                                 '-o', os.devnull, po],
                                capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL='C', LANGUAGE='C'))
        errors = [line for line in result.stderr.splitlines()
                  if 'warning: header field' not in line and not STATS.search(line)]
        report(result.returncode == 0, f'{lang}: msgfmt --check passes', '\n'.join(errors))

        stats = STATS.search(result.stderr)
        if stats is None:
            report(False, f'{lang}: msgfmt --statistics', result.stderr)
            continue
        translated = int(stats.group(1))
        fuzzy = int(stats.group(2) or 0)
        untranslated = int(stats.group(3) or 0)
        print(f'# {lang}: {translated} translated, {fuzzy} fuzzy, {untranslated} untranslated')
        report(fuzzy == 0, f'{lang}: no fuzzy message ({fuzzy})')
        report(untranslated == 0, f'{lang}: no untranslated message ({untranslated})')
        report(translated > 0, f'{lang}: some messages are translated ({translated})')

        with open(po, encoding='utf-8') as f:
            header = f.read(4000)
        want = PLURAL_FORMS.get(lang)
        if want is not None:
            report(f'Plural-Forms: {want}' in header, f'{lang}: Plural-Forms is "{want}"')

        cut = sorted({m for m in active_msgids(po) if cut_at_macro(m)})
        report(not cut, f'{lang}: no message cut short at a format macro',
               'Cut short (use PRId64 or %zu instead of G_GINT64_FORMAT/G_GSIZE_FORMAT '
               'in translatable strings):\n' + '\n'.join(repr(m) for m in cut) if cut else '')

    print(f'1..{n}')
    return status


if __name__ == '__main__':
    sys.exit(main())
