"""One pint registry holding just the units news figures use (currencies as their own dimensions)."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from ..versions import default_rules_dir

# The time units a duration is measured in (defined in rules/units.txt), one spelling each.
DURATION_UNITS = ("year", "month", "week", "day", "hour", "minute", "second")
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "C$", "AUD": "A$", "HKD": "HK$"}


@lru_cache(maxsize=1)
def registry() -> Any:
    """The unit registry, built on first use from `rules/units.txt` (pint is imported only then)."""
    import pint

    ureg: Any = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    ureg.load_definitions(str(default_rules_dir() / "units.txt"))
    return ureg


class _Stored:
    """What pint answered before, kept on disk (`$XDG_CACHE_HOME/factcheck/units/`) by the units' definitions and
    pint's version, as `text.patterns.compile_stored` keeps compiled patterns: a run whose figures combine units
    met before never builds the registry (0.13 s, a twentieth of a run of 400 articles). A missing, damaged or
    unwritable store means asking pint, as without it."""

    def __init__(self) -> None:
        self.path: Any = None
        self.known: dict[str, Any] | None = None

    def _known(self) -> dict[str, Any]:
        """The answers read from disk, read on first need."""
        if self.known is not None:
            return self.known
        import hashlib
        import json
        from importlib import metadata

        from ..versions import default_cache_path

        definitions = (default_rules_dir() / "units.txt").read_bytes()
        try:
            pint_version = metadata.version("pint")
        except metadata.PackageNotFoundError:
            pint_version = "?"
        key = hashlib.sha256(definitions + f"\n{STORED_FORMAT}\n{pint_version}".encode()).hexdigest()[:32]
        self.path = default_cache_path().parent / "units" / f"{key}.json"
        try:
            known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        self.known = known if isinstance(known, dict) else {}
        return self.known

    def get(self, key: str) -> Any:
        """The stored answer (a JSON value, checked by the caller), or None when there is none."""
        return self._known().get(key)

    def put(self, key: str, value: Any) -> None:
        """Store an answer with those already on disk (see `files.write_whole`)."""
        import contextlib
        import json

        from ..files import write_whole

        known = self._known()
        known[key] = value
        try:
            on_disk = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(on_disk, dict):  # another run's answers, kept
                known.update({k: v for k, v in on_disk.items() if k not in known})
        except (OSError, ValueError):
            pass
        with contextlib.suppress(OSError):  # a read-only home: pint is asked again next run
            write_whole(self.path, json.dumps(known).encode("utf-8"))


STORED_FORMAT = "factcheck-units/1"
_STORED = _Stored()


def _is_number(x: Any) -> bool:
    """Whether a value read from the store is a number (JSON's true and false are not)."""
    return isinstance(x, (int, float)) and not isinstance(x, bool)


@lru_cache(maxsize=1024)
def conversion_factor(from_unit: str, to_unit: str) -> float:
    """How many `to_unit` one `from_unit` is; raises ValueError across dimensions (EUR to USD)."""
    key = f"to\t{from_unit}\t{to_unit}"
    factor = _STORED.get(key)
    if not (factor == "none" or _is_number(factor)):
        factor = _pint_conversion(from_unit, to_unit)
        _STORED.put(key, factor)
    if factor == "none":
        raise ValueError(f"cannot convert {from_unit} to {to_unit}")
    return float(factor)


def _pint_conversion(from_unit: str, to_unit: str) -> float | str:
    import pint

    ureg = registry()
    try:
        return float(ureg.Quantity(1.0, from_unit).to(to_unit).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
        return "none"


@lru_cache(maxsize=256)
def combine_units(op: str, left: str, right: str) -> tuple[str, float]:
    """The unit of `left op right` and the factor to apply to magnitudes (percent / percent is 1)."""
    key = f"{op}\t{left}\t{right}"
    stored = _STORED.get(key)
    if isinstance(stored, list) and len(stored) == 2 and isinstance(stored[0], str) and _is_number(stored[1]):
        return stored[0], float(stored[1])
    unit, factor = _pint_combination(op, left, right)
    _STORED.put(key, [unit, factor])
    return unit, factor


def _pint_combination(op: str, left: str, right: str) -> tuple[str, float]:
    ureg = registry()
    a = ureg.Quantity(1.0, left or "dimensionless").to_base_units()
    b = ureg.Quantity(1.0, right or "dimensionless").to_base_units()
    q = a * b if op == "*" else a / b
    if q.dimensionless:
        return "dimensionless", float(q.to("dimensionless").magnitude)
    return str(q.units).replace(" ", ""), float(q.magnitude)


def _scaled(x: float) -> tuple[float, str]:
    ax = abs(x)
    for limit, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if ax >= limit:
            return x / limit, word
    return x, ""


def _num(x: float) -> str:
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    if abs(x) >= 100 or x == int(x):
        return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 or abs(x) >= 1000 else f"{x:,.1f}"
    return f"{x:.3g}" if abs(x) < 10 else f"{x:.1f}"


def format_value(low: float | None, high: float | None, unit: str) -> str:
    """A normalized interval for people: "$24.5–25.5 billion", "13.5–14.5%", "≥ 400 count"."""
    lo = -math.inf if low is None else low
    hi = math.inf if high is None else high
    finite = [abs(x) for x in (lo, hi) if math.isfinite(x)]
    if not finite:
        return "any value"
    ref = max(finite)
    _, word = _scaled(ref)
    div = {"trillion": 1e12, "billion": 1e9, "million": 1e6}.get(word, 1.0)
    if unit in ("percent", "percentage_point"):
        word, div = "", 1.0
    suffix = {"percent": "%", "percentage_point": " pp", "count": "", "dimensionless": ""}.get(unit, "")
    prefix = SYMBOLS.get(unit, "")
    if unit not in SYMBOLS and unit not in ("percent", "percentage_point", "count", "dimensionless"):
        suffix = f" {unit}"
    scale = f" {word}" if word else ""
    if not math.isfinite(hi):
        body = f"≥ {prefix}{_num(lo / div)}"
    elif not math.isfinite(lo) or (lo == 0 and hi > 0 and low == 0.0 and unit != "percent"):
        body = f"≤ {prefix}{_num(hi / div)}"
    elif abs(hi - lo) <= 1e-9 * max(1.0, abs(hi)):
        body = f"{prefix}{_num(lo / div)}"
    else:
        # Enough decimals to show the width of the interval, no more.
        width = (hi - lo) / div
        d = min(4, max(0, math.ceil(-math.log10(width) - 1e-9) + 1))
        a, b = lo / div, hi / div
        if d == 0 and abs(b) < 100 and (a % 1 or b % 1):
            d = 1
        sep = " to " if a < 0 or b < 0 else "–"
        body = f"{prefix}{a:,.{d}f}{sep}{b:,.{d}f}"
    return f"{body}{scale}{suffix}"
