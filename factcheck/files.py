"""Reading the small files a run is configured by (rules, baselines, suppressions), with one-line errors."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def read_text(path: str | Path, what: str, missing: str = "") -> str:
    """The UTF-8 text of `path`; a missing or unreadable file is an InputError that names it."""
    name = str(path)
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{what} file not found{f' ({missing})' if missing else ''}", name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the {what}: {exc}", name) from None
