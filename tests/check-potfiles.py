#!/usr/bin/env python3
# check-potfiles.py SOURCE_ROOT
#
# Fails when a file of src/, ui/ or data/ has strings marked for translation
# but is missing from po/POTFILES.in (its strings would never reach vi.po),
# or when POTFILES.in lists a file that does not exist (xgettext would fail).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

# C: _("…"), N_("…"), C_("ctx", "…"), NC_, Q_, g_dngettext, g_dpgettext2…
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\(|'
                    r'\bg_d(?:c|n|p|cn)?gettext2?\s*\(|\bn?gettext\s*\(')
# GtkBuilder: translatable="yes" (also "true", "1").
UI_MARK = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']', re.IGNORECASE)

SCANNED_DIRS = ('src', 'ui', 'data')


def is_marked(path):
    """Whether a file under src/, ui/ or data/ carries translatable strings."""
    name = os.path.basename(path)
    # Files merged by i18n.merge_file() or read by xgettext's own rules.
    if name.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')):
        return True
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    if name.endswith('.gschema.xml'):
        return '<summary' in text or '<description' in text
    if name.endswith(('.c', '.h')):
        return C_MARK.search(text) is not None
    if name.endswith(('.ui', '.ui.in', '.xml', '.xml.in')):
        return UI_MARK.search(text) is not None
    return False


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    potfiles = os.path.join(root, 'po', 'POTFILES.in')

    listed = []
    with open(potfiles, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)

    marked = set()
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for name in filenames:
                path = os.path.join(dirpath, name)
                if is_marked(path):
                    marked.add(os.path.relpath(path, root).replace(os.sep, '/'))

    status = 0
    n = 0

    for rel in sorted(marked):
        n += 1
        if rel in listed:
            print(f'ok {n} - {rel} is in po/POTFILES.in')
        else:
            print(f'not ok {n} - {rel} has translatable strings but is missing from po/POTFILES.in')
            status = 1

    seen = set()
    for rel in listed:
        if rel in marked and rel not in seen:
            seen.add(rel)
            continue
        n += 1
        if rel in seen:
            print(f'not ok {n} - {rel} is listed twice in po/POTFILES.in')
            status = 1
        elif not os.path.isfile(os.path.join(root, rel)):
            print(f'not ok {n} - po/POTFILES.in lists {rel}, which does not exist')
            status = 1
        else:
            # Harmless: xgettext finds nothing there.
            print(f'ok {n} - {rel} is listed but has no marked strings # note')
        seen.add(rel)

    print(f'1..{n}')
    if status:
        print('# Add the missing files to po/POTFILES.in (one path a line, relative to the '
              'source root), then run: meson compile -C _build vankho-pot vankho-update-po',
              file=sys.stderr)
    return status


if __name__ == '__main__':
    sys.exit(main())
