"""What factcheck keeps between runs, as `factcheck cache info` shows it and `factcheck cache clean` removes it:
the claims cache (SQLite: claims, kept reports and rendered texts) and, beside it, the stored compiled patterns
and pint's answers."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
from pathlib import Path

from .errors import InputError
from .versions import CACHE_FAMILY, CACHE_FORMAT, default_cache_path

STORES = ("patterns", "units")  # folders beside the default claims cache (see text.patterns, normalize.units)


def _files(path: Path) -> list[Path]:
    """The claims cache's file and SQLite's journal files beside it, those there are."""
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def _format(path: Path) -> str | None:
    """The cache format a file records (None: not a factcheck claims cache); read only, nothing written."""
    try:
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        db.close()
    value = str(row[0]) if row else ""
    return value if value.startswith(CACHE_FAMILY) else None


def _checked(path: Path) -> str | None:
    """The format of the claims cache at `path` (None if there is none yet); InputError if the file is something
    else, which factcheck neither reads nor removes."""
    if not path.exists():
        return None
    if path.is_dir():
        raise InputError("is a folder, not a claims cache", str(path))
    found = _format(path)
    if found is None:
        raise InputError("not a factcheck claims cache: left as it is", str(path))
    return found


def _size(paths: list[Path]) -> int:
    total = 0
    for p in paths:
        if p.is_dir():
            total += sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
        elif p.exists():
            total += p.stat().st_size
    return total


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def cache_info(path: Path) -> list[str]:
    """Lines describing what is kept: the claims cache at `path` and the stores beside the default one."""
    found = _checked(path)
    if found is None:
        lines = [f"claims cache: {path} (none yet)"]
    elif found != CACHE_FORMAT:
        lines = [f"claims cache: {path} ({_mb(_size(_files(path)))}, format {found}: replaced by the next run)"]
    else:
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            documents, oldest = db.execute("SELECT count(*), min(day) FROM used").fetchone()
            reports = db.execute("SELECT count(*) FROM reports").fetchone()[0]
            outputs = db.execute("SELECT count(DISTINCT key) FROM outputs").fetchone()[0]
        except sqlite3.Error as exc:
            size = _mb(_size(_files(path)))
            return [f"claims cache: {path} ({size}, unreadable: {exc}; `factcheck cache clean` removes it)", *_stores()]
        finally:
            db.close()
        from .cache import UNUSED_DAYS, _today

        days = _today() - oldest if oldest is not None else None
        age = "" if days is None else ", the least recently read today" if days <= 0 else \
            f", the least recently read {_count(days, 'day')} ago"
        lines = [f"claims cache: {path} ({_mb(_size(_files(path)))})",
                 f"  claims of {_count(documents, 'document')}{age} (let go after {UNUSED_DAYS} days unread)",
                 f"  kept reports: {reports}; kept rendered runs: {outputs}"]
    return lines + _stores()


def _stores() -> list[str]:
    """A line for each store beside the default claims cache."""
    lines = []
    for name in STORES:
        folder = default_cache_path().parent / name
        count = sum(1 for f in folder.iterdir() if f.is_file()) if folder.is_dir() else 0
        lines.append(f"{name}: {folder} ({_count(count, 'file')}, {_mb(_size([folder]))})")
    return lines


def cache_clean(path: Path) -> list[str]:
    """Remove the claims cache at `path` and the stores beside the default one; what was removed, in lines. A run
    that has the cache open meanwhile goes on with its own copy, and the next run starts afresh."""
    _checked(path)
    removed: list[str] = []
    files = _files(path)
    if files:
        size = _size(files)
        for p in files:
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        removed.append(f"removed the claims cache {path} ({_mb(size)})")
    home = default_cache_path().parent
    for name in STORES:
        folder = home / name
        if folder.is_dir():
            size = _size([folder])
            # renamed first, so that a run storing a pattern meanwhile writes into a folder of its own
            gone = folder.with_name(f"{name}.removed-{time.time_ns()}")
            with contextlib.suppress(FileNotFoundError):
                folder.rename(gone)
                shutil.rmtree(gone, ignore_errors=True)
                removed.append(f"removed {folder} ({_mb(size)})")
    return removed or ["nothing to remove"]
