"""Character spans to test for overlap, a bisection per test, so that a long document with many mentions costs
no more per mention than a short one."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """Spans (start, end), end excluded, fixed once made."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = list(spans)
        self._order = sorted(range(len(self._spans)), key=self._spans.__getitem__)
        self._starts = [self._spans[i][0] for i in self._order]
        self._reach = list(accumulate((self._spans[i][1] for i in self._order), max))  # the furthest end so far

    def reach(self, start: int, end: int) -> int | None:
        """The furthest end among the spans that overlap [start, end), or None when none does."""
        k = bisect_left(self._starts, end)  # the spans that start before `end`
        return self._reach[k - 1] if k and self._reach[k - 1] > start else None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end)."""
        return self.reach(start, end) is not None

    def overlapping(self, start: int, end: int) -> list[int]:
        """The places (in the order given) of the spans that overlap [start, end)."""
        out = []
        j = bisect_left(self._starts, end) - 1
        while j >= 0 and self._reach[j] > start:  # none before j reaches `start`
            if self._spans[self._order[j]][1] > start:
                out.append(self._order[j])
            j -= 1
        return out
