#!/usr/bin/env python3
# bench-recoll.py
#
# Copyright 2026 The Văn Khố developers
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Recoll, the desktop full-text search, on the corpus and the queries of
`make bench`, for a comparison that `make bench` itself does not make
(Recoll is not among what `make test` installs):

    bench-recoll.py LIBRARY CORPUS [N_QUERIES]

LIBRARY is a library made by bench-import (bench-search draws its queries
from LIBRARY.bare.db), CORPUS the folder of text files it was made from.
The first run indexes CORPUS into LIBRARY.recoll/ (accents and case
folded, and đ to d, as Văn Khố does) and prints

    recoll_import_rate <n> articles/s    recollindex, from nothing
    recoll_size <n> bytes/article        its Xapian index

then every run times the queries as Recoll's window runs them, each once
to warm the cache and then once timed:

    recoll_first_100_p50 <ms> ms         the query, and its first 100 results
    recoll_first_100_p95 <ms> ms
    recoll_hits_mean <n> articles

Recoll ranks with early termination: it finds the best 100 without scoring
every match, where bench-search's figure is every match ranked.

Needs Debian's recollcmd and python3-recoll, for /usr/bin/python3.
"""

import os
import subprocess
import sys
import time

try:
    from recoll import recoll
except ImportError:
    sys.exit("bench-recoll: no recoll module; install recollcmd and python3-recoll "
             "and run this with /usr/bin/python3")

HERE = os.path.dirname(os.path.abspath(__file__))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def index(confdir, corpus):
    dbdir = os.path.join(confdir, "xapiandb")
    if os.path.isdir(dbdir):
        return
    os.makedirs(confdir, exist_ok=True)
    with open(os.path.join(confdir, "recoll.conf"), "w") as conf:
        conf.write("topdirs = %s\n" % os.path.abspath(corpus))
        conf.write("dbdir = %s\n" % dbdir)
        conf.write("indexStripChars = 1\n")
        # Recoll leaves đ alone when it strips accents: 'dang' would not
        # find 'đảng', which every Vietnamese reader types so.
        conf.write("unac_except_trans = đd Đd\n")
        conf.write("noaspell = 1\n")
        conf.write("idxflushmb = 200\n")
        conf.write("loglevel = 2\n")
    start = time.monotonic()
    subprocess.run(["recollindex", "-c", confdir, "-z"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    n_docs = sum(len(names) for _, _, names in os.walk(corpus))
    size = sum(os.path.getsize(os.path.join(root, name))
               for root, _, names in os.walk(dbdir) for name in names)
    print("recoll_import_rate %.0f articles/s" % (n_docs / seconds))
    print("recoll_size %.0f bytes/article" % (size / max(n_docs, 1)))


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: bench-recoll.py LIBRARY CORPUS [N_QUERIES]")
    library, corpus = sys.argv[1], sys.argv[2]
    n_queries = sys.argv[3] if len(sys.argv) > 3 else "300"
    confdir = os.path.abspath(library + ".recoll")
    bench_search = os.environ.get("BENCH_SEARCH", os.path.join(
        HERE, "..", "..", "_build", "tests", "bench", "bench-search"))

    index(confdir, corpus)
    queries = subprocess.run([bench_search, "--print-queries", library, n_queries],
                             check=True, capture_output=True, text=True).stdout.splitlines()
    db = recoll.connect(confdir=confdir)

    def run(text):
        query = db.query()
        start = time.perf_counter()
        n_hits = query.execute(text, stemming=0)
        query.fetchmany(100)
        return (time.perf_counter() - start) * 1000, n_hits

    for text in queries:
        run(text)
    times, hits = [], 0
    for text in queries:
        ms, n_hits = run(text)
        times.append(ms)
        hits += n_hits
        if os.environ.get("BENCH_VERBOSE"):
            print("%8.2f %7d  %s" % (ms, n_hits, text), file=sys.stderr)

    print("recoll_first_100_p50 %.2f ms" % percentile(times, 0.50))
    print("recoll_first_100_p95 %.2f ms" % percentile(times, 0.95))
    print("recoll_hits_mean %.0f articles" % (hits / len(queries)))


if __name__ == "__main__":
    main()
