"""Finding the input files, and reading the small files a run is configured by (rules, baselines, suppressions),
with one-line errors. Standard library only: a warm run walks the inputs before any heavy import."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"}


def iter_paths(paths: list[str]) -> Iterator[Path]:
    """Files named, and the supported files below folders named, in a stable (sorted) order."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in files
                             if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES)
            yield from sorted(found, key=lambda f: f.as_posix())
        elif p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                supported = ", ".join(sorted(SUFFIXES))
                raise InputError(f"unsupported file type {p.suffix or '(none)'} (use {supported})", raw)
            yield p
        elif p.exists():
            raise InputError("not a regular file", raw)
        else:
            raise InputError("no such file or directory", raw)


def read_text(path: str | Path, what: str, missing: str = "") -> str:
    """The UTF-8 text of `path`; a missing or unreadable file is an InputError that names it."""
    name = str(path)
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{what} file not found{f' ({missing})' if missing else ''}", name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the {what}: {exc}", name) from None


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all, also when two runs write it at once: into a temporary file beside
    it, then renamed (its folder made if need be). Raises OSError, for the caller to decide what a failure means."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
