"""Character spans to test for overlap, a bisection per test, so that a long document with many mentions costs
no more per mention than a short one."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """Spans (start, end), end excluded, fixed once made."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))  # the furthest end of the spans so far

    def reach(self, start: int, end: int) -> int | None:
        """The furthest end among the spans that overlap [start, end), or None when none does."""
        k = bisect_left(self._starts, end)  # the spans that start before `end`
        return self._reach[k - 1] if k and self._reach[k - 1] > start else None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end)."""
        return self.reach(start, end) is not None
