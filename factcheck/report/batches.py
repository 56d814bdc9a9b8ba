"""A report's long lists cut into pieces of about one size, for the formats written a piece at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from ..models import Finding

T = TypeVar("T")

BUDGET = 1_000  # units a piece holds: a claim or a document is one, a plain finding one or two


def weight(item: object) -> int:
    """What an item costs to write, in units of about one claim: a finding citing the thousand places that print
    one figure writes them all (a story reprinted by thousands of outlets makes findings of megabytes)."""
    if isinstance(item, Finding):
        return 1 + (len(item.locations) + len(item.claims) + len(item.documents)) // 4
    return 1


def batches(items: Sequence[T], budget: int | None = None) -> Iterator[Sequence[T]]:
    """`items` in runs in order, each of at most `budget` units or a single item, so that a piece of a report
    takes a megabyte or so however its findings are spread (a thousand findings at a time took 190 MB of JSON
    for the first thousand of a 100,000-document report, which cite the most places)."""
    budget = BUDGET if budget is None else budget
    start = total = 0
    for i, item in enumerate(items):
        w = weight(item)
        if total and total + w > budget:
            yield items[start:i]
            start, total = i, 0
        total += w
    if start < len(items):
        yield items[start:]
