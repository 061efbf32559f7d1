/* vankho-library-schema.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Forward-only migrations: entry N takes a library from user_version N to
 * N + 1. Never edit an entry that has shipped; add a new one.
 */
static const char * const vankho_library_migrations[] = {
  /* 0 → 1: the first schema */
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('import', 'sample', 'feed')),"
  "  title TEXT,"
  "  url TEXT UNIQUE,"
  "  site_url TEXT,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  interval_minutes INTEGER NOT NULL DEFAULT 60,"
  "  last_checked INTEGER,"
  "  last_status INTEGER,"
  "  last_error TEXT,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  created INTEGER NOT NULL DEFAULT (unixepoch ())"
  ");"
  "CREATE UNIQUE INDEX sources_local ON sources (kind, title) WHERE url IS NULL;"

  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL,"
  "  byline TEXT,"
  "  outlet TEXT,"
  "  url TEXT,"
  "  guid TEXT,"
  "  file_path TEXT,"
  "  published TEXT,"  /* ISO 8601 at its precision, NULL if unknown */
  "  published_precision TEXT NOT NULL DEFAULT 'unknown'"
  "    CHECK (published_precision IN ('day', 'month', 'year', 'unknown')),"
  "  published_origin TEXT NOT NULL DEFAULT 'auto' CHECK (published_origin IN ('auto', 'user')),"
  "  body TEXT NOT NULL,"
  "  html TEXT,"
  "  language TEXT NOT NULL DEFAULT 'vi',"
  "  content_hash TEXT NOT NULL UNIQUE,"
  "  is_sample INTEGER NOT NULL DEFAULT 0,"
  "  is_read INTEGER NOT NULL DEFAULT 0,"
  "  is_starred INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT,"
  "  added INTEGER NOT NULL DEFAULT (unixepoch ())"
  ");"
  "CREATE INDEX articles_by_date ON articles (published, id);"
  "CREATE INDEX articles_by_source ON articles (source_id);"
  "CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;"
  "CREATE UNIQUE INDEX articles_by_guid ON articles (source_id, guid) WHERE guid IS NOT NULL;"

  /* The index keeps no copy of the text: snippets read it from articles. */
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, body, content='articles', content_rowid='id', tokenize='vankho');"
  "INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');"
  "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "END;"
  "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"

  "CREATE TABLE places ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  province TEXT NOT NULL,"  /* ISO 3166-2 code of the 63-province era */
  /* 'excluded': the user said the article is not about this province. */
  "  role TEXT NOT NULL CHECK (role IN ('primary', 'mentioned', 'excluded')),"
  "  evidence TEXT NOT NULL,"  /* 'text', 'district', 'byline', 'domain', 'user' */
  "  evidence_offset INTEGER,"
  "  evidence_length INTEGER,"
  "  origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'user'))"
  ");"
  "CREATE INDEX places_by_article ON places (article_id);"
  "CREATE INDEX places_by_province ON places (province, role, article_id);"

  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  canonical_key TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  number TEXT,"
  "  symbol TEXT,"
  "  issuer TEXT,"
  "  issued TEXT,"
  "  issued_precision TEXT NOT NULL DEFAULT 'unknown',"
  "  title TEXT,"
  "  origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('catalogue', 'auto', 'user')),"
  "  merged_into INTEGER REFERENCES documents (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX documents_by_symbol ON documents (symbol);"
  "CREATE INDEX documents_by_kind ON documents (kind, number);"

  "CREATE TABLE citations ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  mention TEXT NOT NULL,"
  "  mention_offset INTEGER NOT NULL,"
  "  mention_length INTEGER NOT NULL,"
  "  sentence TEXT,"
  "  confidence REAL NOT NULL DEFAULT 1.0,"
  "  origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'user')),"
  "  rejected INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX citations_by_article ON citations (article_id);"
  "CREATE INDEX citations_by_document ON citations (document_id, article_id);"

  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  period TEXT,"
  "  happened TEXT,"
  "  origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'user'))"
  ");"
  "CREATE INDEX events_by_article ON events (article_id);"
  "CREATE INDEX events_by_document ON events (document_id, kind);",

  /* 1 → 2: the user's own tags; 'key' is the name folded (vankho-text.c),
   * so 'Sơ kết' and 'SƠ KẾT' are one tag. */
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  key TEXT NOT NULL UNIQUE"
  ");"
  "CREATE TABLE article_tags ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (article_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);"
  /* The date the source gave (a ' date YYYY-MM' line, a feed entry's date),
   * kept so that re-extraction starts from the same facts. */
  "ALTER TABLE articles ADD COLUMN source_date TEXT;"
  "CREATE INDEX articles_unread ON articles (is_read, published) WHERE is_read = 0;"
  "CREATE INDEX articles_starred ON articles (is_starred, published) WHERE is_starred = 1;",

  /* 2 → 3: feeds. A story re-issued under a new address or with small
   * edits is kept as another version of the first (version_of). */
  "ALTER TABLE sources ADD COLUMN fetch_full TEXT NOT NULL DEFAULT 'auto'"
  "  CHECK (fetch_full IN ('off', 'on', 'auto'));"
  "ALTER TABLE sources ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE sources ADD COLUMN next_check INTEGER;"
  "ALTER TABLE sources ADD COLUMN new_items INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE articles ADD COLUMN url_key TEXT;"
  "ALTER TABLE articles ADD COLUMN title_key TEXT;"
  "ALTER TABLE articles ADD COLUMN version_of INTEGER REFERENCES articles (id) ON DELETE SET NULL;"
  "ALTER TABLE articles ADD COLUMN feed_text TEXT;"
  "CREATE INDEX articles_by_url_key ON articles (url_key) WHERE url_key IS NOT NULL;"
  "CREATE INDEX articles_by_title_key ON articles (title_key) WHERE title_key IS NOT NULL;"
  "CREATE INDEX articles_versions ON articles (version_of) WHERE version_of IS NOT NULL;",

  /* 3 → 4: what the document lists and filters look up at 100 000 articles. */
  "CREATE INDEX citations_live ON citations (document_id, article_id) WHERE NOT rejected;"
  "CREATE INDEX documents_merged ON documents (merged_into) WHERE merged_into IS NOT NULL;",

  /* 4 → 5: each citation carries its article's date, so that the document
   * list, the document page and its timeline count and date citations from
   * one covering index instead of looking up every citing article (at
   * 100 000 articles: list 2.4 s → 0.4 s, page 140 → 11 ms); related
   * documents go from article to document on an index alone. Extraction
   * gives the date as it inserts; the triggers fill it for other writers
   * and follow a corrected date. */
  "ALTER TABLE citations ADD COLUMN published TEXT;"
  "UPDATE citations SET published = (SELECT a.published FROM articles a WHERE a.id = citations.article_id);"
  "DROP INDEX citations_live;"
  "DROP INDEX citations_by_document;"
  "CREATE INDEX citations_by_document ON citations (document_id, article_id, published, rejected);"
  "DROP INDEX citations_by_article;"
  "CREATE INDEX citations_by_article ON citations (article_id, document_id, rejected);"
  "CREATE TRIGGER citations_published_insert AFTER INSERT ON citations"
  "  WHEN NEW.published IS NULL BEGIN"
  "  UPDATE citations SET published = (SELECT published FROM articles WHERE id = NEW.article_id)"
  "    WHERE id = NEW.id;"
  "END;"
  "CREATE TRIGGER citations_published_follow AFTER UPDATE OF published ON articles"
  "  WHEN NEW.published IS NOT OLD.published BEGIN"
  "  UPDATE citations SET published = NEW.published WHERE article_id = NEW.id;"
  "END;",

  /* 5 → 6: which articles cite each document, one row per pair however
   * many citations the article makes, and each document's number of them
   * and newest citation, all kept by the citations' own triggers. The
   * document list reads one row per document instead of counting 700 000
   * citations (at 100 000 articles: 380 → 33 ms), related documents scan
   * pairs instead of citations. Counts are per entry: merged entries are
   * added up by the readers, since an article may cite two of them. */
  "CREATE TABLE document_articles ("
  "  document_id INTEGER NOT NULL,"
  "  article_id INTEGER NOT NULL,"
  "  PRIMARY KEY (document_id, article_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO document_articles (document_id, article_id)"
  "  SELECT DISTINCT document_id, article_id FROM citations WHERE NOT rejected;"
  /* The newest live citation of a document in one step, for the triggers
   * below: new articles are usually the newest, and recounting the
   * citations of 12-NQ/TW for each of theirs made a sync 4× slower. */
  "CREATE INDEX citations_by_document_date ON citations (document_id, published) WHERE NOT rejected;"
  "CREATE TABLE document_stats ("
  "  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  n_articles INTEGER NOT NULL DEFAULT 0,"
  "  latest TEXT"
  ");"
  "INSERT INTO document_stats (document_id, n_articles, latest)"
  "  SELECT document_id, count (DISTINCT article_id), max (published)"
  "  FROM citations WHERE NOT rejected GROUP BY document_id;"
  "CREATE TRIGGER document_articles_insert AFTER INSERT ON document_articles BEGIN"
  "  INSERT INTO document_stats (document_id, n_articles) VALUES (NEW.document_id, 1)"
  "    ON CONFLICT (document_id) DO UPDATE SET n_articles = n_articles + 1;"
  "END;"
  "CREATE TRIGGER document_articles_delete AFTER DELETE ON document_articles BEGIN"
  "  UPDATE document_stats SET n_articles = n_articles - 1 WHERE document_id = OLD.document_id;"
  "END;"
  /* The date may still be NULL here when the date trigger runs after this
   * one; the article has it then. */
  "CREATE TRIGGER document_stats_insert AFTER INSERT ON citations"
  "  WHEN NOT NEW.rejected BEGIN"
  "  INSERT INTO document_articles (document_id, article_id)"
  "    SELECT NEW.document_id, NEW.article_id WHERE NOT EXISTS (SELECT 1 FROM document_articles"
  "      WHERE document_id = NEW.document_id AND article_id = NEW.article_id);"
  "  UPDATE document_stats SET"
  "    latest = max (coalesce (latest, coalesce (NEW.published,"
  "                    (SELECT published FROM articles WHERE id = NEW.article_id))),"
  "                  coalesce (NEW.published,"
  "                    (SELECT published FROM articles WHERE id = NEW.article_id), latest))"
  "  WHERE document_id = NEW.document_id;"
  "END;"
  "CREATE TRIGGER document_stats_delete AFTER DELETE ON citations"
  "  WHEN NOT OLD.rejected BEGIN"
  "  DELETE FROM document_articles"
  "    WHERE document_id = OLD.document_id AND article_id = OLD.article_id"
  "      AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.article_id = OLD.article_id"
  "        AND c.document_id = OLD.document_id AND NOT c.rejected);"
  "  UPDATE document_stats SET"
  "    latest = (SELECT max (published) FROM citations"
  "              WHERE document_id = OLD.document_id AND NOT rejected)"
  "  WHERE document_id = OLD.document_id AND OLD.published >= latest;"
  "END;"
  /* A citation moved to another document or article, rejected or taken
   * back: the pair it left may lose its last live citation, the pair it
   * joined may gain its first. */
  "CREATE TRIGGER document_stats_update AFTER UPDATE OF article_id, document_id, rejected ON citations"
  "  WHEN OLD.article_id IS NOT NEW.article_id OR OLD.document_id IS NOT NEW.document_id"
  "    OR OLD.rejected IS NOT NEW.rejected BEGIN"
  "  DELETE FROM document_articles"
  "    WHERE document_id = OLD.document_id AND article_id = OLD.article_id"
  "      AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.article_id = OLD.article_id"
  "        AND c.document_id = OLD.document_id AND NOT c.rejected);"
  "  INSERT INTO document_articles (document_id, article_id)"
  "    SELECT NEW.document_id, NEW.article_id WHERE NOT NEW.rejected AND NOT EXISTS (SELECT 1"
  "      FROM document_articles WHERE document_id = NEW.document_id AND article_id = NEW.article_id);"
  "  UPDATE document_stats SET"
  "    latest = (SELECT max (published) FROM citations"
  "              WHERE document_id = document_stats.document_id AND NOT rejected)"
  "  WHERE document_id IN (OLD.document_id, NEW.document_id);"
  "END;"
  /* Writers index a new article themselves (vankho_library_add_article):
   * an insert that fires a trigger writing to FTS5 runs in a statement
   * savepoint, and FTS5 flushes its pending terms at each one, so every
   * article became a segment of its own (import 1.7× slower). */
  "DROP TRIGGER articles_fts_insert;"
  /* The implementation table reads a document's events and each one's
   * article's primary province from indexes alone. */
  "DROP INDEX events_by_document;"
  "CREATE INDEX events_by_document ON events (document_id, kind, period, article_id, happened);"
  "DROP INDEX places_by_article;"
  "CREATE INDEX places_by_article ON places (article_id, role, province);"
  "CREATE TRIGGER document_stats_date AFTER UPDATE OF published ON citations"
  "  WHEN NOT NEW.rejected AND NEW.published IS NOT OLD.published BEGIN"
  "  UPDATE document_stats SET"
  "    latest = CASE WHEN OLD.published >= latest"
  "      THEN (SELECT max (published) FROM citations"
  "            WHERE document_id = NEW.document_id AND NOT rejected)"
  "      ELSE max (coalesce (latest, NEW.published), coalesce (NEW.published, latest)) END"
  "  WHERE document_id = NEW.document_id;"
  "END;",

  /* 6 → 7: the list filtered by a province or a document reads its ids in
   * date order from one index, instead of looking up each article's date
   * and sorting (at 100 000 articles the lookups were most of the time:
   * province 13 017 articles 75 ms, 12-NQ/TW 44 435 articles 190–450 ms).
   * Places carry their article's date as citations do since schema 5;
   * the triggers fill it in and follow a corrected date. Each index also
   * holds the column of its own condition: SQLite 3.40 counts a partial
   * index as covering only then, and otherwise chose another and sorted. */
  "ALTER TABLE places ADD COLUMN published TEXT;"
  "UPDATE places SET published = a.published FROM articles a WHERE a.id = places.article_id;"
  "CREATE INDEX places_by_province_date ON places (province, published, article_id, role)"
  "  WHERE role != 'excluded';"
  "CREATE TRIGGER places_published_insert AFTER INSERT ON places"
  "  WHEN NEW.published IS NOT (SELECT published FROM articles WHERE id = NEW.article_id) BEGIN"
  "  UPDATE places SET published = (SELECT published FROM articles WHERE id = NEW.article_id)"
  "    WHERE id = NEW.id;"
  "END;"
  "CREATE TRIGGER places_published_follow AFTER UPDATE OF published ON articles"
  "  WHEN NEW.published IS NOT OLD.published BEGIN"
  "  UPDATE places SET published = NEW.published WHERE article_id = NEW.id;"
  "END;"
  "DROP INDEX citations_by_document_date;"
  "CREATE INDEX citations_by_document_date ON citations (document_id, published, article_id, rejected)"
  "  WHERE NOT rejected;",

  /* 7 → 8: one index of citations by document, not two. Every reader asks
   * for a document's live citations by date or by article, and both
   * indexes held the same four columns; the one kept now holds rejected
   * citations too, for the cascades and re-attachments that find them by
   * document. Each citation inserted updated both (import of 100 000
   * articles, alternated: 1 256 and 1 139 -> 1 281 and 1 242 articles/s;
   * 12 779 -> 12 564 bytes an article). */
  "DROP INDEX citations_by_document;"
  "DROP INDEX citations_by_document_date;"
  "CREATE INDEX citations_by_document_date ON citations (document_id, published, article_id, rejected);",

  /* 8 → 9: a citation's document and its article paired by an insert that
   * ignores a pair already there, not by a lookup and then an insert; the
   * document's newest date written only when the citation is newer, not
   * rewritten unchanged at every citation. The same counts and dates. */
  "DROP TRIGGER document_stats_insert;"
  "CREATE TRIGGER document_stats_insert AFTER INSERT ON citations"
  "  WHEN NOT NEW.rejected BEGIN"
  "  INSERT OR IGNORE INTO document_articles (document_id, article_id)"
  "    VALUES (NEW.document_id, NEW.article_id);"
  "  UPDATE document_stats"
  "    SET latest = coalesce (NEW.published, (SELECT published FROM articles WHERE id = NEW.article_id))"
  "    WHERE document_id = NEW.document_id"
  "      AND coalesce (NEW.published, (SELECT published FROM articles WHERE id = NEW.article_id))"
  "          > coalesce (latest, '');"
  "END;",

  /* 9 → 10: a citation's sentence kept as its offsets in the article's
   * body, not as a copy of that text: a quarter of a gigabyte at 100 000
   * articles, written by every import and its checkpoints. Older rows keep
   * their copy; the readers take whichever there is. */
  "ALTER TABLE citations ADD COLUMN sentence_offset INTEGER;"
  "ALTER TABLE citations ADD COLUMN sentence_length INTEGER;",
};
