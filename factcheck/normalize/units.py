"""One pint registry holding just the units news figures use (currencies as their own dimensions)."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from ..versions import default_rules_dir

# The time units a duration is measured in (defined in rules/units.txt), one spelling each.
DURATION_UNITS = ("year", "month", "week", "day", "hour", "minute", "second")
# Units of length, area, mass, volume and speed as written, each with the one unit of its dimension figures are
# compared in and how many of those it is ("8,000 hectares" and "about 20,000 acres" are both areas in km2).
_AREA = {"acre": 0.40468564224e-2, "hectare": 0.01, "square mile": 2.589988110336, "square kilometre": 1.0,
         "square kilometer": 1.0, "sq km": 1.0, "km2": 1.0, "km²": 1.0, "sq mi": 2.589988110336,
         "square metre": 1e-6, "square meter": 1e-6, "m²": 1e-6, "sq m": 1e-6, "square foot": 9.290304e-8,
         "square feet": 9.290304e-8, "sq ft": 9.290304e-8}
_LENGTH = {"mile": 1.609344, "nautical mile": 1.852, "nmi": 1.852, "kilometre": 1.0, "kilometer": 1.0, "km": 1.0,
           "metre": 1e-3, "meter": 1e-3, "m": 1e-3,
           "centimetre": 1e-5, "centimeter": 1e-5, "cm": 1e-5, "millimetre": 1e-6, "millimeter": 1e-6, "mm": 1e-6,
           "foot": 3.048e-4, "feet": 3.048e-4, "ft": 3.048e-4, "inch": 2.54e-5, "inches": 2.54e-5,
           "in": 2.54e-5}
# (not grams nor milligrams: a dose stays in the unit it is written in)
_MASS = {"kilogram": 1.0, "kg": 1.0, "tonne": 1000.0, "ton": 907.18474}
_VOLUME = {"litre": 1.0, "liter": 1.0, "ml": 1e-3, "gallon": 3.785411784, "barrel": 158.987294928}
_SPEED = {"km/h": 1.0, "kph": 1.0, "mph": 1.609344}
_FLOW = {"barrels per day": 1.0, "barrels a day": 1.0, "barrel per day": 1.0, "barrel a day": 1.0, "bpd": 1.0,
         "b/d": 1.0}
CANONICAL_UNITS = {w: (unit, f) for table, unit in ((_AREA, "km2"), (_LENGTH, "km"), (_MASS, "kg"), (_VOLUME, "L"),
                                                   (_SPEED, "km/h"), (_FLOW, "bbl/d")) for w, f in table.items()}


_PER_HOUR = {"mile": "mph", "kilometre": "km/h", "kilometer": "km/h", "km": "km/h", "metre": "m/h", "meter": "m/h"}


# Temperatures, however written, in one spelling each (Fahrenheit is converted to Celsius by the recognizer, which
# sees whether it is a temperature or a difference of two)
_TEMPERATURES = {"c": "°C", "°c": "°C", "degrees celsius": "°C", "degree celsius": "°C", "f": "°F", "°f": "°F",
                 "degrees fahrenheit": "°F", "degree fahrenheit": "°F"}


def canonical_unit(written: str) -> tuple[str, float]:
    """The unit a physical figure is compared in, and the factor to it ("hectares": km2, 0.01); others as written."""
    w = " ".join(written.split())
    if w.lower() in _TEMPERATURES:
        return _TEMPERATURES[w.lower()], 1.0
    per = w.lower().split(" ")
    if len(per) == 3 and per[1] in ("per", "an", "a") and per[2] == "hour":  # "miles per hour", "km an hour"
        w = _PER_HOUR.get(per[0].removesuffix("s"), w)
    key = w if w in CANONICAL_UNITS else w.lower()
    if key not in CANONICAL_UNITS and key.endswith("s") and key[:-1] in CANONICAL_UNITS:
        key = key[:-1]
    return CANONICAL_UNITS.get(key, (written, 1.0))


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


# The unit a small or large figure of a compared unit is shown in: (below this many of it, shown as, times).
_DISPLAY: dict[str, tuple[tuple[float, str, float], ...]] = {
    "km": ((0.01, "cm", 1e5), (1.0, "m", 1e3)),
    "kg": ((1e-3, "mg", 1e6), (1.0, "g", 1e3)),
    "km2": ((0.01, "m²", 1e6),),
}


def format_value(low: float | None, high: float | None, unit: str) -> str:
    """A normalized interval for people: "$24.5–25.5 billion", "13.5–14.5%", "≥ 400 count"."""
    lo = -math.inf if low is None else low
    hi = math.inf if high is None else high
    finite = [abs(x) for x in (lo, hi) if math.isfinite(x)]
    if not finite:
        return "any value"
    ref = max(finite)
    for limit, shown_unit, factor in _DISPLAY.get(unit, ()):  # a dose in mg, not in millionths of a kg
        if ref < limit:
            lo, hi, ref, unit = lo * factor, hi * factor, ref * factor, shown_unit
            low, high = (None if low is None else low * factor), (None if high is None else high * factor)
            break
    _, word = _scaled(ref)
    div = {"trillion": 1e12, "billion": 1e9, "million": 1e6}.get(word, 1.0)
    if unit in ("percent", "percentage_point"):
        word, div = "", 1.0
    suffix = {"percent": "%", "percentage_point": " pp", "count": "", "dimensionless": ""}.get(unit, "")
    shown = {"km2": "km²"}.get(unit, unit)
    prefix = SYMBOLS.get(unit, "")
    if unit not in SYMBOLS and unit not in ("percent", "percentage_point", "count", "dimensionless"):
        suffix = f" {shown}"
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
