#!/usr/bin/env python3
# Runs every archive benchmark on 1 000 generated articles and checks that
# each prints well-formed 'name value unit' lines with the figures expected.
# A benchmark is not a test: no timing is checked here.
import os, re, subprocess, sys, tempfile

bindir = sys.argv[1]
# Under sanitizers (make test-asan) everything runs several times slower.
TIMEOUT = 50 * float(os.environ.get('VANKHO_TIMEOUT_FACTOR', '1'))
LINE = re.compile(r'^[a-z0-9_]+ -?[0-9]+(\.[0-9]+)? \S+$')
EXPECTED = {
    'bench-import': ['import_rate', 'import_rate_floor', 'import_ratio', 'size_library',
                     'size_raw_text', 'size_floor', 'size_ratio'],
    'bench-search': ['search_p50', 'search_p50_floor', 'search_p95', 'search_p95_floor',
                     'search_ratio_p95'],
    'bench-list': ['list_first_100', 'list_first_100_floor', 'list_bind_1000',
                   'list_bind_1000_floor', 'list_rss_10000_rows', 'filter_province',
                   'filter_province_floor', 'filter_document', 'filter_document_floor',
                   'filter_dates', 'filter_dates_floor'],
}

def comma_locale():
    """A locale whose decimal separator is a comma, where one is installed:
    the figures must keep their decimal point for the user who has it."""
    try:
        names = subprocess.run(['locale', '-a'], stdout=subprocess.PIPE, text=True).stdout.split()
    except OSError:
        return None
    return next((n for n in names if n.lower() in ('vi_vn.utf8', 'vi_vn.utf-8')), None)

ENV = dict(os.environ)
COMMA_LOCALE = comma_locale()
if COMMA_LOCALE:
    ENV['LC_ALL'] = COMMA_LOCALE

def run(name, *args):
    out = subprocess.run([os.path.join(bindir, name), *args], check=True, env=ENV,
                         stdout=subprocess.PIPE, text=True, timeout=TIMEOUT).stdout
    names = []
    for line in out.splitlines():
        if not LINE.match(line):
            sys.exit(f'{name}: malformed line: {line!r}')
        names.append(line.split()[0])
    missing = [n for n in EXPECTED.get(name, []) if n not in names]
    if missing:
        sys.exit(f'{name}: missing figures {missing}')
    print(out, end='')

with tempfile.TemporaryDirectory() as tmp:
    corpus = os.path.join(tmp, 'corpus')
    library = os.path.join(tmp, 'library.db')
    subprocess.run([os.path.join(bindir, 'gen-corpus'), '--count', '1000', '--seed', '1',
                    '--output', corpus], check=True, timeout=TIMEOUT)
    files = sum(len(f) for _, _, f in os.walk(corpus))
    if files != 1000:
        sys.exit(f'gen-corpus wrote {files} files, not 1000')
    run('bench-import', corpus, library)
    run('bench-search', library, '100')
    # The queries bench-recoll.py times: the same 100, one a line.
    queries = subprocess.run([os.path.join(bindir, 'bench-search'), '--print-queries', library, '100'],
                             check=True, env=ENV, stdout=subprocess.PIPE, text=True,
                             timeout=TIMEOUT).stdout.splitlines()
    if len(queries) != 100 or not all(q.strip() for q in queries):
        sys.exit(f'bench-search --print-queries printed {len(queries)} queries, not 100')
    run('bench-list', library)
