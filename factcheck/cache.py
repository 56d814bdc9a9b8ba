"""A claims cache in SQLite: claims stored per document content and extractor version, so an unchanged document
is never read twice. Safe under concurrent runs (WAL, busy timeout) and after a killed run (one transaction per
batch); a corrupt or foreign file is reported and rebuilt, never trusted. Bounded: a document's claims not read
for `UNUSED_DAYS` days are let go (a daily feed's articles of last month, a changed article's older text), as
ruff's cache drops what it has not seen for 30 days."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import TypeAdapter, ValidationError

from .engine.passages import Rows
from .kept import read_outputs
from .models import Claim, Document, Figure, Report
from .versions import CACHE_FAMILY, CACHE_FORMAT, extractor_version

if TYPE_CHECKING:
    from .output import Output

REPORTS_KEPT = 8
UNUSED_DAYS = 30  # a document's claims not read for this many days are let go
_CLAIMS = TypeAdapter(list[Claim])
_FIGURES = TypeAdapter(list[Figure])
Extracted = tuple[list[Claim], Rows, list[Figure]]  # a document's claims, sentences' shingles and figures
_REPORT = TypeAdapter(Report)


def _json(claims: list[Claim]) -> str:
    """Claims as JSON, without the document path (a cached entry serves any path with the same text)."""
    return _CLAIMS.dump_json(claims, exclude={"__all__": {"document"}}).decode()


def _figures_json(figures: list[Figure]) -> str:
    """Figures as JSON arrays, without the document path (see `_json`)."""
    return _FIGURES.dump_json([f._replace(document="") for f in figures]).decode()


def _claims(items: list[dict[str, object]]) -> list[Claim]:
    for item in items:
        item.setdefault("document", "")  # given its path by the run that reads it
    return _CLAIMS.validate_python(items)


class OlderCache(sqlite3.DatabaseError):
    """A cache written by another version of factcheck's cache format."""


def document_key(doc: Document) -> str:
    """What a document's claims depend on, hashed: its text, title and publication date, and where its lines stand
    in its file (front matter grown by a line moves every claim a line down), not its path."""
    h = hashlib.sha256()
    for part in (doc.read_text(), doc.title or "", doc.published.isoformat() if doc.published else "",
                 str(doc.line_shift)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    h.update(array("q", doc.line_map).tobytes())
    return h.hexdigest()


class ClaimCache:
    """Claims by document key and extractor version."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices: list[str] = []
        self.version = extractor_version()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open_waiting()
        except OlderCache:
            self._discard()  # written by an earlier factcheck: replaced without a word
            self.db = self._open_waiting()
        except sqlite3.DatabaseError as exc:
            self.notices.append(f"the claims cache {path} was unreadable ({exc}); it was rebuilt")
            self._discard()
            self.db = self._open_waiting()

    def _open_waiting(self) -> sqlite3.Connection:
        """Open the cache, waiting while another run holds it (a lock is not damage)."""
        for attempt in range(60):
            try:
                return self._open()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or attempt == 59:
                    raise
                time.sleep(0.05 * (1 + attempt % 10))
        raise sqlite3.OperationalError("the claims cache stayed locked")

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout=30000")
            # set before the first table is made (a file made by an earlier format keeps its own setting): pages
            # freed when claims are let go can then be given back (see `_let_go_unused`)
            db.execute("PRAGMA auto_vacuum=INCREMENTAL")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if row is None and tables - {"meta"}:
                raise sqlite3.DatabaseError("not a factcheck claims cache")
            if row is not None and row[0] != CACHE_FORMAT:
                if str(row[0]).startswith(CACHE_FAMILY):
                    raise OlderCache(row[0])
                raise sqlite3.DatabaseError(f"cache format {row[0]!r}, expected {CACHE_FORMAT!r}")
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (CACHE_FORMAT,))
            db.execute("CREATE TABLE IF NOT EXISTS claims (key TEXT, version TEXT, data BLOB, "
                       "PRIMARY KEY (key, version))")
            # the day each entry was last read or written, apart: a day written into the claims' own record would
            # have SQLite read and write the whole record, tens of kilobytes, for each entry read
            db.execute("CREATE TABLE IF NOT EXISTS used (key TEXT, version TEXT, day INTEGER, "
                       "PRIMARY KEY (key, version)) WITHOUT ROWID")
            db.execute("CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, data BLOB, used REAL)")
            # The text last: SQLite writes a zeroblob as zeros lazily only in a record's last column (see put_outputs)
            db.execute("CREATE TABLE IF NOT EXISTS outputs (key TEXT, format TEXT, severities TEXT, used REAL, "
                       "data BLOB, PRIMARY KEY (key, format))")
            last = db.execute("SELECT value FROM meta WHERE key = 'extractor'").fetchone()
            if last is None or last[0] != self.version:
                # Claims of another extractor are never read again: each upgrade would leave a copy of the corpus's.
                db.execute("DELETE FROM claims WHERE version != ?", (self.version,))
                db.execute("DELETE FROM used WHERE version != ?", (self.version,))
                db.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (self.version,))
            let_go = _let_go_unused(db)
            db.execute("COMMIT")
            if let_go:  # free pages given back: run whole by sqlite3_exec (a cursor would step it once, a page)
                with contextlib.suppress(sqlite3.DatabaseError):  # if not now, the pages serve the next entries
                    db.executescript("PRAGMA incremental_vacuum;")
            db.execute("SELECT count(*) FROM claims LIMIT 1").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(self.path) + suffix).unlink()

    def get_many(self, keys: list[str], shingle: int = 8) -> dict[str, Extracted]:
        """Cached claims, shingles and figures of the documents that have them, by document key (`document_key`;
        document path left empty).
        An entry whose shingles were made with another shingle size counts as missing."""
        out: dict[str, Extracted] = {}
        found: list[str] = []
        items = list(dict.fromkeys(keys))
        for i in range(0, len(items), 500):
            chunk = items[i : i + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self.db.execute(f"SELECT key, data FROM claims WHERE version = ? AND key IN ({marks})",
                                       [self.version, *chunk]).fetchall()
            except sqlite3.DatabaseError as exc:
                self.notices.append(f"the claims cache {self.path} could not be read ({exc}); not used")
                return {}
            found += [key for key, _ in rows]
            for key, data in rows:
                try:
                    entry = json.loads(data)
                    if entry.get("k") != shingle:
                        continue
                    sentences = Rows.from_json(entry["s"])
                    out[key] = (_claims(entry["c"]), sentences, _FIGURES.validate_python(entry["g"]))
                except (ValidationError, ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError):
                    continue  # a damaged entry is read again from the document
        self._mark_used(found)
        return out

    def _mark_used(self, keys: list[str]) -> None:
        """Mark these entries as read today (written only where they were last read on an earlier day, so that a
        run a day writes each entry once). Nothing is written, nor the file locked, when none was read."""
        if not keys:
            return
        today = _today()
        chunks = [keys[i : i + 500] for i in range(0, len(keys), 500)]
        self._write([(f"UPDATE used SET day = ? WHERE version = ? AND day < ? AND key IN "
                      f"({','.join('?' * len(chunk))})", (today, self.version, today, *chunk)) for chunk in chunks])

    def put_many(self, items: list[tuple[str, Extracted, int]]) -> None:
        """Store documents' claims, shingles and figures by document key (`document_key`), in one transaction."""
        rows = []
        for key, (claims, sentence_rows, figures), shingle in items:
            sentences = json.dumps(sentence_rows.to_json())
            data = f'{{"k":{int(shingle)},"s":{sentences},"c":{_json(claims)},"g":{_figures_json(figures)}}}'
            rows.append((key, self.version, data))
        today = _today()
        self._write([("INSERT OR REPLACE INTO claims VALUES (?, ?, ?)", row) for row in rows]
                    + [("INSERT OR REPLACE INTO used VALUES (?, ?, ?)", (key, self.version, today))
                       for key, _, _ in rows])

    def _write(self, statements: list[tuple[str, tuple[object, ...]]]) -> None:
        """Run the statements in one transaction (see `_transaction`)."""
        with self._transaction():
            for sql, params in statements:
                self.db.execute(sql, params)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction; on a database error it is rolled back and the notices say so."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            yield
            self.db.execute("COMMIT")
        except (sqlite3.DatabaseError, ValueError) as exc:  # ValueError: text SQLite cannot take (a lone surrogate)
            with contextlib.suppress(sqlite3.DatabaseError):
                self.db.execute("ROLLBACK")
            self.notices.append(f"the claims cache {self.path} could not be written ({exc})")

    def get_report(self, key: str) -> Report | None:
        """The report of an identical earlier run (same documents, rules and extractor), if kept."""
        try:
            row = self.db.execute("SELECT data FROM reports WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        try:
            report = Report.model_validate_json(row[0])
        except ValidationError:
            return None
        with contextlib.suppress(sqlite3.DatabaseError):
            self.db.execute("UPDATE reports SET used = ? WHERE key = ?", (time.time(), key))
        return report.model_copy(update={"notices": list(self.notices) + list(report.notices)})

    def put_report(self, key: str, report: Report) -> None:
        """Keep a run's report for the next identical run (the last few runs only)."""
        # UTF-8 bytes as pydantic writes them, stored as they are: a text would be a second copy of a large
        # report (and a third while SQLite encodes it).
        data = _REPORT.dump_json(report.model_copy(update={"notices": []}), by_alias=True)
        self._write([("INSERT OR REPLACE INTO reports VALUES (?, ?, ?)", (key, data, time.time())),
                     (f"DELETE FROM reports WHERE key NOT IN (SELECT key FROM reports ORDER BY used DESC "
                      f"LIMIT {REPORTS_KEPT})", ())])

    def get_outputs(self, key: str, formats: list[str], outputs: list[Output]) -> list[str] | None:
        """Write the text an identical earlier run rendered in each of `formats` to its output, and return its
        findings' marks (see `severity.tally`); None, with nothing written, unless every format is kept."""
        return read_outputs(self.db, key, formats, outputs)

    def put_outputs(self, key: str, formats: list[str], outputs: list[Output], severities: list[str]) -> None:
        """Keep a run's rendered reports (what was written to `outputs`) and its findings' marks (`severities`, see
        `severity.tally`) for the next identical run (the last few runs only)."""
        now = time.time()
        # The severities apart from the text, which is stored as it is (UTF-8, as written to its file) and copied
        # in a megabyte at a time: a text of megabytes is neither escaped into JSON and parsed back (a tenth of a
        # warm run) nor held in memory whole.
        head = json.dumps(severities)
        with self._transaction():
            for fmt, out in zip(formats, outputs, strict=True):
                row = self.db.execute("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, zeroblob(?))",
                                      (key, fmt, head, now, out.size())).lastrowid
                assert row is not None
                with self.db.blobopen("outputs", "data", row) as blob:
                    for piece in out.chunks():
                        blob.write(piece)
            self.db.execute(f"DELETE FROM outputs WHERE key NOT IN (SELECT key FROM outputs GROUP BY key "
                            f"ORDER BY max(used) DESC LIMIT {REPORTS_KEPT})")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.DatabaseError):
            self.db.close()


def _today() -> int:
    """Today, as days since 1970 (UTC): when an entry was last used."""
    return int(time.time() // 86400)


def _let_go_unused(db: sqlite3.Connection) -> bool:
    """Delete the claims not read for `UNUSED_DAYS` days, in the caller's transaction; at most once a day (it reads
    the day of every entry): whether it did. The caller then gives the free pages back, so that the file shrinks."""
    today = _today()
    last = db.execute("SELECT value FROM meta WHERE key = 'let-go'").fetchone()
    if last is not None and str(last[0]).isdigit() and int(last[0]) >= today:
        return False
    db.execute("DELETE FROM claims WHERE (key, version) IN (SELECT key, version FROM used WHERE day < ?)",
               (today - UNUSED_DAYS,))
    db.execute("DELETE FROM used WHERE day < ?", (today - UNUSED_DAYS,))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('let-go', ?)", (str(today),))
    return True
