"""A plain run repeated: the texts an identical earlier run rendered, found from the bytes of the inputs alone,
before anything heavy is imported (the models, the rules, the recognizers). Standard library only."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path

from .errors import InputError
from .files import iter_paths
from .output import CHUNK, Output
from .severity import KNOWN, SEVERITY_RANK
from .versions import CACHE_FORMAT, code_version, default_rules_dir


def inputs_key(paths: list[str], rules_dirs: list[str], max_bytes: int) -> str | None:
    """A hash of what a plain run's rendered texts depend on, read as bytes: factcheck's code, every file of the
    shipped and the given rule folders, the size limit, and each input file's path and bytes in the order a run
    reads them. None when an input cannot be read as it stands: the run itself then says what is wrong."""
    h = hashlib.sha256(f"{code_version()}\x1f{max_bytes}".encode())
    try:
        for folder in [default_rules_dir(), *(Path(d) for d in rules_dirs)]:
            if not folder.is_dir():
                return None
            for f in sorted(p for p in folder.iterdir() if p.is_file()):
                h.update(f"\x1d{f.name}\x1f".encode())
                h.update(f.read_bytes())
        for p in iter_paths(paths):
            if p.stat().st_size > max_bytes:
                return None
            h.update(f"\x1e{p.as_posix()}\x1f".encode("utf-8", "surrogatepass"))
            h.update(p.read_bytes())
    except (InputError, OSError):
        return None
    return h.hexdigest()


def gated_key(key: str, baseline: str | None, suppressions: str | None, today: date | None = None) -> str | None:
    """The key of a run gated by a baseline or suppressions: the inputs' `key` and the bytes of those files (and,
    with suppressions, the day, since they may expire). None when one cannot be read: the run says why."""
    h = hashlib.sha256(key.encode())
    try:
        for label, path in (("baseline", baseline), ("suppressions", suppressions)):
            if path:
                h.update(f"\x1e{label}\x1f".encode())
                h.update(Path(path).read_bytes())
    except OSError:
        return None
    if suppressions:
        h.update(f"\x1etoday\x1f{(today or date.today()).isoformat()}".encode())
    return h.hexdigest()


def read_outputs(db: sqlite3.Connection, key: str, formats: list[str], outputs: list[Output]) -> list[str] | None:
    """Write the text (UTF-8) kept under `key` in each of `formats` to its output, and return the findings'
    marks (their severities, see `severity.tally`); None, with nothing written, unless every format is kept. Each
    is stored as the marks (a JSON list) and the text as it is, read a megabyte at a time (see
    ClaimCache.put_outputs)."""
    rows: list[int] = []
    severities: list[str] = []
    try:
        for fmt in formats:
            row = db.execute("SELECT rowid, severities FROM outputs WHERE key = ? AND format = ? "
                             "AND typeof(data) = 'blob'", (key, fmt)).fetchone()
            if row is None:
                return None
            kept = json.loads(row[1])
            if not isinstance(kept, list) or not all(isinstance(x, str) and x.removeprefix(KNOWN) in SEVERITY_RANK
                                                     for x in kept):
                return None
            rows.append(row[0])
            severities = kept
        for rowid, out in zip(rows, outputs, strict=True):
            with db.blobopen("outputs", "data", rowid, readonly=True) as blob:
                while piece := blob.read(CHUNK):
                    out.write(piece)
    except (sqlite3.Error, ValueError, TypeError):
        for out in outputs:
            out.reset()
        return None
    return severities


def kept_outputs(cache: Path, key: str, formats: list[str], outputs: list[Output]) -> list[str] | None:
    """`read_outputs` from the cache file at `cache`, opened only to read; None when it cannot be read (a missing,
    locked, damaged or foreign file is then dealt with by the run itself)."""
    try:
        db = sqlite3.connect(f"{cache.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        return read_outputs(db, key, formats, outputs) if row is not None and row[0] == CACHE_FORMAT else None
    except sqlite3.Error:
        return None
    finally:
        db.close()
