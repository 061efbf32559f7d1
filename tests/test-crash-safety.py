#!/usr/bin/env python3
# test-crash-safety.py: SIGKILL `vankho-cli import`, `reindex` and `sync` at
# random moments and check that the library survives every kill whole.
#
# Copyright 2026 The Văn Khố developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Needs VANKHO_CLI (the built vankho-cli; tests/meson.build sets it). Prints TAP.
# After every kill, with Python's own sqlite3 (it cannot load our FTS
# tokenizer, so the index is checked through its shadow tables):
#   - PRAGMA integrity_check is "ok" and foreign keys hold;
#   - every article has its full-text row (articles vs articles_fts_docsize);
#   - every article has its extraction rows: each generated article names a
#     province and cites a resolution, so each must have a place and a citation;
#   - no place, citation or event points at a missing article or document.
# At the end of each part the command is rerun to completion and the library
# must hold each article exactly once.
#
# Environment: CRASH_SAFETY_KILLS (20), CRASH_SAFETY_SEED (random).

import http.server
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

CLI = os.environ.get('VANKHO_CLI')
KILLS = int(os.environ.get('CRASH_SAFETY_KILLS', '20'))
SEED = int(os.environ.get('CRASH_SAFETY_SEED', str(random.randrange(1 << 30))))
# Each kill round gets work of its own, the same amount each time: a folder of
# BATCH new files to import, a feed of FEED_BATCH new entries to sync (as a
# real feed shows only its latest). Otherwise every run after the first
# finds nothing to do and the kills land on an idle process.
BATCH = 40
FEED_BATCH = 60

PROVINCES = ['Quảng Ninh', 'Lào Cai', 'Gia Lai', 'Nghệ An', 'Cà Mau', 'Đắk Lắk',
             'Thanh Hóa', 'Bình Định', 'Hà Giang', 'Kiên Giang']
DOCS = ['Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị',
        'Chỉ thị số 11/CT-BCA ngày 5/6/2021 của Bộ Công an',
        'Nghị quyết số 22-NQ/TW ngày 11/4/2013 của Bộ Chính trị']

failures = 0
test_number = 0
rng = random.Random(SEED)


def ok(cond, name, detail=''):
    global failures, test_number
    test_number += 1
    if cond:
        print(f'ok {test_number} - {name}')
    else:
        failures += 1
        print(f'not ok {test_number} - {name}')
        for line in str(detail).splitlines():
            print(f'# {line}')
    sys.stdout.flush()
    return cond


def article_text(i, for_feed=False):
    province = PROVINCES[i % len(PROVINCES)]
    doc = DOCS[i % len(DOCS)]
    title = f'Công an tỉnh {province} triển khai văn bản, bài số {i}'
    paragraphs = [
        f'Sáng {1 + i % 28}/{1 + i % 12}/2023, Đảng ủy Công an tỉnh {province} tổ chức '
        f'hội nghị quán triệt, triển khai {doc} về xây dựng lực lượng Công an nhân dân '
        f'thật sự trong sạch, vững mạnh. Mã bài {i:06d}.',
    ]
    # Long enough for the extractors and the index to take real time.
    for j in range(12):
        paragraphs.append(
            f'Đoạn {j} của bài {i}: cán bộ, chiến sĩ Công an tỉnh {province} thực hiện '
            f'nghiêm {doc}, gắn với phong trào thi đua vì an ninh Tổ quốc; '
            f'kết quả được báo cáo lên Bộ Công an theo định kỳ, lần {i * 13 + j}.')
    if for_feed:
        return title, '\n\n'.join(paragraphs)
    return f' date 2023-{1 + i % 12:02d}\n{title}\n\n' + '\n\n'.join(paragraphs) + '\n'


def write_articles(directory, start, n):
    os.makedirs(directory, exist_ok=True)
    for i in range(start, start + n):
        with open(os.path.join(directory, f'bai-{i:04d}.txt'), 'w', encoding='utf-8') as f:
            f.write(article_text(i))


def feed_xml(start, n):
    from xml.sax.saxutils import escape
    items = []
    for i in range(start, start + n):
        title, body = article_text(10000 + i, for_feed=True)
        items.append(
            '<item>'
            f'<title>{escape(title)}</title>'
            f'<link>http://127.0.0.1/bai/{i}.html</link>'
            f'<guid>urn:vankho:crash:{i}</guid>'
            f'<pubDate>Thu, {1 + i % 28:02d} Jun 2023 08:00:00 +0700</pubDate>'
            f'<description>{escape(body)}</description>'
            '</item>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            '<title>Báo Thử</title><link>http://127.0.0.1/</link>'
            '<description>Tin thử</description>' + ''.join(items) + '</channel></rss>\n')


def cli(library, *args, timeout=120):
    return subprocess.run([CLI, '-L', library, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout,
                          env=dict(os.environ, LC_ALL='C.UTF-8'))


def kill_at_random(library, args, max_delay):
    """Starts the command, SIGKILLs it after a random delay; returns whether it
    was still running then."""
    proc = subprocess.Popen([CLI, '-L', library, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=dict(os.environ, LC_ALL='C.UTF-8'))
    time.sleep(rng.uniform(0.0, max_delay))
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    return killed


def check_library(library):
    """Returns a list of problems (empty if none) and the article count."""
    problems = []
    if not os.path.exists(library):
        return problems, 0
    # Killed while the new library was switching to WAL, it is left with a
    # rollback journal that only a writer can roll back, as the app's next
    # open does; a read-only look would fail before it.
    if os.path.exists(library + '-journal'):
        sqlite3.connect(library).execute('SELECT count(*) FROM sqlite_master').fetchall()
    # The WAL is part of the library: open it as the app would, read-only.
    db = sqlite3.connect(f'file:{library}?mode=ro', uri=True)
    try:
        integrity = [r[0] for r in db.execute('PRAGMA integrity_check')]
        if integrity != ['ok']:
            problems.append('integrity_check: ' + '; '.join(integrity[:5]))
        fk = db.execute('PRAGMA foreign_key_check').fetchall()
        if fk:
            problems.append(f'foreign_key_check: {fk[:5]}')
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if 'articles' not in tables:
            # Killed before the schema was committed: an empty library is fine.
            return problems, 0
        n = db.execute('SELECT count(*) FROM articles').fetchone()[0]
        n_fts = db.execute('SELECT count(*) FROM articles_fts_docsize').fetchone()[0]
        if n != n_fts:
            problems.append(f'{n} articles but {n_fts} full-text rows')
        missing_fts = db.execute('SELECT count(*) FROM articles WHERE id NOT IN '
                                 '(SELECT id FROM articles_fts_docsize)').fetchone()[0]
        if missing_fts:
            problems.append(f'{missing_fts} articles without a full-text row')
        for table in ('places', 'citations', 'events'):
            dangling = db.execute(f'SELECT count(*) FROM {table} WHERE article_id NOT IN '
                                  '(SELECT id FROM articles)').fetchone()[0]
            if dangling:
                problems.append(f'{dangling} {table} point at a missing article')
        for table in ('citations', 'events'):
            dangling = db.execute(f'SELECT count(*) FROM {table} WHERE document_id IS NOT NULL '
                                  'AND document_id NOT IN (SELECT id FROM documents)').fetchone()[0]
            if dangling:
                problems.append(f'{dangling} {table} point at a missing document')
        no_place = db.execute('SELECT count(*) FROM articles WHERE is_sample = 0 AND id NOT IN '
                              '(SELECT article_id FROM places)').fetchone()[0]
        if no_place:
            problems.append(f'{no_place} articles without their places')
        no_citation = db.execute('SELECT count(*) FROM articles WHERE is_sample = 0 AND id NOT IN '
                                 '(SELECT article_id FROM citations)').fetchone()[0]
        if no_citation:
            problems.append(f'{no_citation} articles without their citations')
        dup = db.execute('SELECT count(*) FROM (SELECT title FROM articles '
                         'GROUP BY title HAVING count(*) > 1)').fetchone()[0]
        if dup:
            problems.append(f'{dup} titles stored more than once')
        return problems, n
    finally:
        db.close()


def kill_loop(name, library, args, max_delay, before_round=None):
    killed = 0
    counts = []
    for k in range(KILLS):
        if before_round:
            args = before_round(k, args)
        was_running = kill_at_random(library, args, max_delay)
        killed += was_running
        problems, n = check_library(library)
        counts.append(n)
        ok(not problems, f'{name}: library whole after kill {k + 1} '
           f'({"killed" if was_running else "had finished"}, {n} articles)', '\n'.join(problems))
    print(f'# {name}: {killed} of {KILLS} runs killed while working; articles after each: {counts}')
    return killed


class FeedHandler(http.server.BaseHTTPRequestHandler):
    body = b''

    def do_GET(self):
        if self.path.startswith('/feed.rss'):
            self.send_response(200)
            self.send_header('Content-Type', 'application/rss+xml; charset=utf-8')
            self.send_header('Content-Length', str(len(self.body)))
            self.end_headers()
            self.wfile.write(self.body)
        else:
            # Article pages: nothing to fetch, the feed carries the text.
            self.send_error(404)

    def log_message(self, *args):
        pass


def main():
    if not CLI or not os.access(CLI, os.X_OK):
        print('1..0 # SKIP VANKHO_CLI is not set to the built vankho-cli')
        return 0
    print(f'# seed {SEED} (CRASH_SAFETY_SEED to repeat), {KILLS} kills per command')
    work = tempfile.mkdtemp(prefix='vankho-crash-')
    try:
        os.environ['HOME'] = work
        os.environ['XDG_DATA_HOME'] = os.path.join(work, 'data')
        os.environ['XDG_CONFIG_HOME'] = os.path.join(work, 'config')
        os.environ['XDG_CACHE_HOME'] = os.path.join(work, 'cache')
        articles = os.path.join(work, 'articles')
        library = os.path.join(work, 'library.db')
        n_files = BATCH * KILLS

        # How long one batch takes sets the window the kills fall in.
        def batch_dir(k):
            return os.path.join(articles, f'{k:02d}')

        write_articles(batch_dir(0), 0, BATCH)
        scratch = os.path.join(work, 'timing.db')
        start = time.monotonic()
        r = cli(scratch, 'import', '--quiet', batch_dir(0))
        batch_import = time.monotonic() - start
        problems, n = check_library(scratch)
        ok(r.returncode == 0 and not problems and n == BATCH,
           f'importing {BATCH} files runs ({batch_import:.2f} s)',
           r.stderr.decode() + '\n'.join(problems))

        # 1. import: each round a new folder; the reruns import them all
        for k in range(1, KILLS):
            write_articles(batch_dir(k), k * BATCH, BATCH)
        kill_loop('import', library, ['import', '--quiet', batch_dir(0)], batch_import * 1.2,
                  lambda k, args: args[:-1] + [batch_dir(k)])
        r = cli(library, 'import', '--quiet', articles)
        problems, n = check_library(library)
        ok(r.returncode == 0 and not problems and n == n_files,
           f'import: rerun completes with each article once ({n} of {n_files})',
           r.stderr.decode() + '\n'.join(problems))
        r = cli(library, 'import', '--quiet', articles)
        problems, n = check_library(library)
        ok(r.returncode == 0 and n == n_files, 'import: another run adds nothing',
           r.stderr.decode() + '\n'.join(problems))

        # 2. reindex, over the complete library
        start = time.monotonic()
        r = cli(library, 'reindex')
        full_reindex = time.monotonic() - start
        ok(r.returncode == 0, f'a whole reindex runs ({full_reindex:.2f} s)', r.stderr.decode())
        kill_loop('reindex', library, ['reindex'], full_reindex)
        r = cli(library, 'reindex')
        problems, n = check_library(library)
        ok(r.returncode == 0 and not problems and n == n_files,
           f'reindex: rerun completes ({n} articles)', r.stderr.decode() + '\n'.join(problems))

        # 3. sync, against a feed served on 127.0.0.1 that grows each round
        n_items = FEED_BATCH * KILLS
        FeedHandler.body = feed_xml(0, FEED_BATCH).encode('utf-8')
        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), FeedHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        feed_url = f'http://127.0.0.1:{server.server_address[1]}/feed.rss'
        try:
            sync_library = os.path.join(work, 'sync.db')
            r = cli(sync_library, 'feed', 'add', feed_url)
            ok(r.returncode == 0, f'feed add {feed_url}', r.stdout.decode() + r.stderr.decode())
            timing = os.path.join(work, 'sync-timing.db')
            shutil.copy(sync_library, timing)
            start = time.monotonic()
            r = cli(timing, 'sync')
            batch_sync = time.monotonic() - start
            problems, n = check_library(timing)
            ok(r.returncode == 0 and n == FEED_BATCH,
               f'syncing {FEED_BATCH} entries runs ({batch_sync:.2f} s)',
               r.stdout.decode() + r.stderr.decode() + '\n'.join(problems))

            def next_entries(k, args):
                FeedHandler.body = feed_xml(FEED_BATCH * k, FEED_BATCH).encode('utf-8')
                return args

            kill_loop('sync', sync_library, ['sync'], batch_sync * 1.2, next_entries)
            # The rerun sees every entry, those of killed rounds too.
            FeedHandler.body = feed_xml(0, n_items).encode('utf-8')
            r = cli(sync_library, 'sync')
            problems, n = check_library(sync_library)
            ok(r.returncode == 0 and not problems and n == n_items,
               f'sync: rerun completes with each entry once ({n} of {n_items})',
               r.stdout.decode() + r.stderr.decode() + '\n'.join(problems))
            r = cli(sync_library, 'sync')
            problems, n = check_library(sync_library)
            ok(r.returncode == 0 and n == n_items, 'sync: another run adds nothing',
               r.stderr.decode() + '\n'.join(problems))
        finally:
            server.shutdown()
            server.server_close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f'1..{test_number}')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
