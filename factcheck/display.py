"""How claims' values and documents' paths are written for people (shared by the engine and the reports)."""

from __future__ import annotations

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


def short_path(path: str, all_paths: list[str]) -> str:
    """A document's path as shown: its file name (and record number) when no other document shares the name."""
    file, _, record = path.partition("#")
    name = PurePosixPath(file).name
    same = {p.split("#")[0] for p in all_paths if PurePosixPath(p.split("#")[0]).name == name}
    shown = name if len(same) <= 1 else file
    return f"{shown}#{record}" if record else shown
