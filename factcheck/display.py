"""How claims' values and documents' paths are written for people (shared by the engine and the reports)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import PurePosixPath

from .models import Claim, DateValue, NumberValue
from .normalize import dates as nd
from .normalize.units import format_value


def normalized(c: Claim) -> str:
    """A claim's value normalized: "$24.5–25.5 billion", "2016", "Alexandr Wang"."""
    v = c.value
    if isinstance(v, NumberValue):
        return format_value(v.low, v.high, v.unit)
    if isinstance(v, DateValue):
        return nd.describe(v)
    return v.name


def period(c: Claim) -> str:
    """The period a claim speaks of, and how it is known: "2024", "2025-03-02 (publication date)"."""
    q = c.qualifiers
    if q.as_of is None or q.as_of.start is None:
        return "date unknown"
    label = nd.describe(q.as_of)
    return f"{label} (publication date)" if q.as_of_source == "published" else label


def periods(claims: Iterable[Claim]) -> str:
    """The periods a group of claims speaks of, each once, in order: the first two named, the rest counted."""
    seen = list(dict.fromkeys(period(c) for c in claims))
    if len(seen) <= 2:
        return " and ".join(seen)
    return f"{seen[0]}, {seen[1]} and {len(seen) - 2} other period{'s' if len(seen) > 3 else ''}"


def short_paths(paths: Iterable[str]) -> dict[str, str]:
    """How each document's path is shown: its file name (and record number) when no other document's file shares
    the name, else the whole path. One pass over all the paths, so a report of many documents stays linear."""
    paths = list(paths)
    files_by_name: dict[str, set[str]] = defaultdict(set)
    for p in paths:
        file = p.split("#")[0]
        files_by_name[PurePosixPath(file).name].add(file)
    out = {}
    for p in paths:
        file, _, record = p.partition("#")
        name = PurePosixPath(file).name
        shown = name if len(files_by_name[name]) <= 1 else file
        out[p] = f"{shown}#{record}" if record else shown
    return out
