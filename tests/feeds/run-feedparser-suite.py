#!/usr/bin/env python3
# run-feedparser-suite.py
#
# Copyright 2026 The Văn Khố developers
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Runs `vankho-cli parse-feed` over the feed files of a conformance suite
written for Universal Feed Parser (each file says, in a comment, what the
parser should find: `Expect: not bozo and entries[0]['title'] == '…'`) and
counts how many of the checks that concern what Văn Khố reads it passes.

    run-feedparser-suite.py [--cli PATH] [--verbose] DIR…

DIR is a folder of such files, e.g. a checkout's tests/wellformed/rss. The
suite is not part of this repository; nothing here depends on it.

Văn Khố reads less than that parser: a feed's title, link, subtitle,
language and date, and an entry's title, link, id, dates, author, summary
and content, all as plain text. A check that asks for anything else
(categories, enclosures, `title_detail`, the format's version…) is counted
as not applicable. That parser's values are HTML, plain text escaped: an
expected value is compared as the text a reader sees of it, tags dropped,
entities decoded, white space collapsed. Whether the document was
well-formed (`bozo`) is not reported by Văn Khố, which reads what it can;
the rest of such a check is still evaluated.
"""

import argparse
import calendar
import email.utils
import html
import json
import os
import re
import subprocess
import sys
import time
from datetime import datetime, timezone

EXPECT_RE = re.compile(r"^\s*Expect:\s*(.*?)\s*$", re.MULTILINE)
BOZO_RE = re.compile(r"^\s*(not\s+)?bozo\s+and\s+")
TAG_RE = re.compile(r"<[^>]*>")
SPACE_RE = re.compile(r"\s+")


class NotApplicable(Exception):
    pass


def collapse(text):
    return SPACE_RE.sub(" ", text).strip()


def html_as_text(value):
    """What a reader sees of @value: that parser's values are HTML, text
    escaped as such."""
    return collapse(html.unescape(TAG_RE.sub(" ", value)))


class Text(str):
    """A string of ours, equal to an expected value with the same text."""

    def __eq__(self, other):
        if isinstance(other, str):
            return collapse(str(self)) == html_as_text(other)
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


class Date(str):
    """An ISO 8601 date of ours, equal to any spelling of the same instant."""

    def instant(self):
        return datetime.fromisoformat(str(self).replace("Z", "+00:00"))

    def __eq__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        if str(self) == other:
            return True
        try:
            theirs = email.utils.parsedate_to_datetime(other)
        except (TypeError, ValueError):
            try:
                theirs = datetime.fromisoformat(other.replace("Z", "+00:00"))
            except ValueError:
                raise NotApplicable("date spelled as %r" % other)
        if theirs.tzinfo is None:
            theirs = theirs.replace(tzinfo=timezone.utc)
        return self.instant() == theirs

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = str.__hash__


def parsed_date(iso):
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return time.gmtime(calendar.timegm(moment.utctimetuple()))


class Record(dict):
    """A feed or an entry, answering the keys Văn Khố reads and refusing
    the others as not applicable."""

    def __init__(self, fields, aliases):
        super().__init__()
        self.known = set()
        for key, value in fields.items():
            for name in aliases.get(key, (key,)):
                self.known.add(name)
                self.known.add(name + "_parsed")
                if value is None:
                    continue
                if key in ("published", "updated"):
                    self[name] = Date(value)
                    self[name + "_parsed"] = parsed_date(value)
                elif key == "content":
                    self[name] = [Record({"value": value}, {})]
                elif key == "value":
                    self[name] = Text(value)
                else:
                    self[name] = Text(value)
                    # Of a text construct's details, only its value is ours.
                    self.known.add(name + "_detail")
                    self[name + "_detail"] = Record({"value": value}, {})

    def __missing__(self, key):
        if key not in self.known:
            raise NotApplicable(key)
        # To a reader, a field left out is one with no text.
        if key == "content":
            return [Record({"value": ""}, {})]
        return Text("")

    def __contains__(self, key):
        if key not in self.known:
            raise NotApplicable(key)
        return dict.__contains__(self, key)

    def __getattr__(self, key):
        return self[key]

    def get(self, key, default=None):
        if key not in self.known:
            raise NotApplicable(key)
        return dict.get(self, key, default)


FEED_ALIASES = {
    "subtitle": ("subtitle", "tagline", "description"),
    "updated": ("updated", "modified", "date"),
}
ENTRY_ALIASES = {
    "id": ("id", "guid"),
    "published": ("published", "issued"),
    "updated": ("updated", "modified", "date"),
    "summary": ("summary", "description"),
}


def check(cli, path, expect):
    url = "http://127.0.0.1:8097/" + path.replace(os.sep, "/").lstrip("./")
    result = subprocess.run([cli, "parse-feed", "--base", url, path],
                            capture_output=True, timeout=30)
    if result.returncode != 0:
        return "fail", "no feed: " + result.stderr.decode(errors="replace").strip()
    parsed = json.loads(result.stdout)
    feed = Record(parsed.get("feed", {}), FEED_ALIASES)
    for entry in parsed.get("entries", []):
        # That parser's summary is the content when there is no other.
        if entry.get("summary") is None:
            entry["summary"] = entry.get("content")
    entries = [Record(entry, ENTRY_ALIASES) for entry in parsed.get("entries", [])]
    expression = BOZO_RE.sub("", expect)
    names = {"feed": feed, "entries": entries, "u": str, "bozo": False}
    try:
        ok = eval(expression, {}, names)
    except NotApplicable as reason:
        return "n/a", str(reason)
    except NameError as error:
        return "n/a", str(error)
    except (KeyError, IndexError, TypeError, AttributeError) as error:
        return "fail", "%s: %s" % (type(error).__name__, error)
    return ("pass", "") if ok else ("fail", json.dumps(parsed, ensure_ascii=False)[:400])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default="_build/src/cli/vankho-cli")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("folders", nargs="+")
    args = parser.parse_args()

    counts = {"pass": 0, "fail": 0, "n/a": 0}
    for folder in args.folders:
        for root, _, files in sorted(os.walk(folder)):
            for name in sorted(files):
                if not name.endswith((".xml", ".rdf", ".atom", ".rss")):
                    continue
                path = os.path.join(root, name)
                with open(path, "rb") as f:
                    match = EXPECT_RE.search(f.read().decode("utf-8", "replace"))
                if match is None:
                    continue
                verdict, detail = check(args.cli, path, match.group(1))
                counts[verdict] += 1
                if verdict == "fail" or args.verbose:
                    print("%-4s %s\n     expect: %s\n     %s" % (verdict, path, match.group(1), detail))
    applicable = counts["pass"] + counts["fail"]
    print("%d passed, %d failed, %d not applicable (%.1f %% of the applicable checks passed)"
          % (counts["pass"], counts["fail"], counts["n/a"],
             100.0 * counts["pass"] / applicable if applicable else 0.0))
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
