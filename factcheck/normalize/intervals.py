"""Numbers as intervals: the rounding written digits imply, hedges, and interval arithmetic."""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf


def rounding_halfwidth(digits: str, max_relative: float = 1.0) -> float:
    """Half the rounding unit the written digits imply: "25" 0.5, "14.3" 0.05, "6,000" 500, "6,800" 50.

    Trailing zeros say the figure is rounded to its last non-zero digit, but by at most `max_relative` of the
    figure: "6,000" may be 5,500 to 6,500, while "$10 billion" is not read as anything from 5 to 15, nor
    "$2 billion" as anything from 1.5 to 2.5.
    """
    s = digits.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").lstrip("-−+")
    if "." in s:
        decimals = len(s.split(".", 1)[1])
        return 0.5 * 10.0**-decimals
    body = s.lstrip("0")
    if not body:
        return 0.5
    zeros = len(body) - len(body.rstrip("0"))
    if zeros == 0:
        return min(0.5, max_relative * float(body))
    return max(0.5, min(0.5 * 10.0**zeros, max_relative * float(body)))


def apply_hedge(value: float, low: float, high: float, shape: str | None, relative: float) -> tuple[float, float]:
    """The interval a hedge makes of `value` whose rounding interval is [low, high]."""
    if shape is None:
        return low, high
    spread = abs(value) * relative
    if shape == "around":
        return min(low, value - spread), max(high, value + spread)
    if shape == "below":
        return value - spread, value
    if shape == "just_over":
        return value, value + spread
    if shape in ("above", "at_least", "plus"):
        return value, INF
    if shape in ("at_most", "under"):
        return (0.0 if value >= 0 else -INF), value
    return low, high


@dataclass(frozen=True)
class Interval:
    """A closed interval [low, high] of magnitudes in one pint unit; infinite ends mean unbounded."""

    low: float
    high: float
    unit: str = ""

    def overlaps(self, other: Interval, relative: float = 0.0, absolute: float = 0.0) -> bool:
        """True when the intervals share more than an end point, after widening each side by the tolerance.

        Rounding intervals that only touch are different figures: "$0.12" (0.115 to 0.125) is not "$0.13"
        (0.125 to 0.135). A point (an exact value) overlaps an interval that contains it.
        """
        pad_a = self._pad(relative, absolute)
        pad_b = other._pad(relative, absolute)
        a_lo, a_hi = self.low - pad_a, self.high + pad_a
        b_lo, b_hi = other.low - pad_b, other.high + pad_b
        if a_lo == a_hi or b_lo == b_hi or (a_lo == b_lo and a_hi == b_hi):
            return a_lo <= b_hi and b_lo <= a_hi
        return a_lo < b_hi and b_lo < a_hi

    def _pad(self, relative: float, absolute: float) -> float:
        mags = [abs(x) for x in (self.low, self.high) if math.isfinite(x)]
        return absolute + relative * (max(mags) if mags else 0.0)

    def scaled(self, factor: float, unit: str | None = None) -> Interval:
        a, b = _mul(self.low, factor), _mul(self.high, factor)
        return Interval(min(a, b), max(a, b), self.unit if unit is None else unit)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high, self.unit)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low, self.unit)

    def __mul__(self, other: Interval) -> Interval:
        products = [_mul(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products), self.unit)

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= other.high:
            if other.low == 0 == other.high:
                raise ZeroDivisionError("division by an interval that is exactly zero")
            if other.low < 0 < other.high:
                return Interval(-INF, INF, self.unit)
        inverses = [_inv(other.low), _inv(other.high)]
        return self * Interval(min(inverses), max(inverses))


def _mul(a: float, b: float) -> float:
    if a == 0 or b == 0:
        return 0.0
    return a * b


def _inv(x: float) -> float:
    if x == 0:
        return INF
    if math.isinf(x):
        return 0.0
    return 1.0 / x
