"""Date expressions found in text, turned into date intervals; dateparser reads only free-form dates such as a
publication date written "June 3rd, 2024 at 10am"."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..models import DateValue

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3}


@lru_cache(maxsize=4096)
def parse_date_expression(text: str, base: date | None = None) -> date | None:
    """dateparser's reading of one short date expression (cached: a call costs milliseconds)."""
    import dateparser  # slow import kept off the start-up path

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return parsed.date() if parsed else None


def year_interval(year: int) -> DateValue:
    return DateValue(start=date(year, 1, 1), end=date(year, 12, 31), granularity="year")


def month_interval(year: int, month: int) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(start=date(year, month, 1), end=date(year, month, last), granularity="month")


def quarter_interval(year: int, quarter: int) -> DateValue:
    first = 3 * (quarter - 1) + 1
    last = calendar.monthrange(year, first + 2)[1]
    return DateValue(start=date(year, first, 1), end=date(year, first + 2, last), granularity="quarter")


def half_interval(year: int, half: int) -> DateValue:
    if half == 1:
        return DateValue(start=date(year, 1, 1), end=date(year, 6, 30), granularity="half")
    return DateValue(start=date(year, 7, 1), end=date(year, 12, 31), granularity="half")


def day_interval(d: date) -> DateValue:
    return DateValue(start=d, end=d, granularity="day")


def week_interval(d: date) -> DateValue:
    monday = d - timedelta(days=d.weekday())
    return DateValue(start=monday, end=monday + timedelta(days=6), granularity="week")


def unanchored(granularity: str) -> DateValue:
    """A relative date in a document with no publication date: said to be unknown, never guessed."""
    return DateValue(start=None, end=None, granularity=granularity, anchored=False, relative=True)  # type: ignore[arg-type]


def shift_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def relative_interval(unit: str, offset: int, base: date | None, partial: str | None = None) -> DateValue:
    """The period `offset` units from `base` ("last year": unit year, offset -1); `partial` is earlier/later."""
    unit = unit.rstrip("s")
    gran = unit if unit in ("year", "month", "week", "quarter", "day") else "year" if unit == "decade" else "day"
    if base is None:
        return unanchored(gran)
    if unit == "decade":
        first = (base.year // 10 + offset) * 10
        v = DateValue(start=date(first, 1, 1), end=date(first + 9, 12, 31), granularity="year")
    elif unit == "year":
        v = year_interval(base.year + offset)
    elif unit == "month":
        m = shift_months(base.replace(day=1), offset)
        v = month_interval(m.year, m.month)
    elif unit == "quarter":
        q = (base.month - 1) // 3 + offset
        year = base.year + q // 4
        v = quarter_interval(year, q % 4 + 1)
    elif unit == "week":
        v = week_interval(base + timedelta(weeks=offset))
    else:
        v = day_interval(base + timedelta(days=offset))
    if partial == "earlier" and v.start and v.start <= base:
        v = DateValue(start=v.start, end=min(v.end or base, base), granularity=v.granularity)
    elif partial == "later" and v.end and base <= v.end:
        v = DateValue(start=max(v.start or base, base), end=v.end, granularity=v.granularity)
    return v.model_copy(update={"relative": True})


def ago_interval(amount: int, unit: str, base: date | None) -> DateValue:
    """"two years ago": that many calendar units before `base`, with the unit's granularity. Computed, not
    parsed: the amount and unit are already read, and dateparser's first call costs a third of a second."""
    unit = unit.rstrip("s")
    if base is None:
        return unanchored(unit if unit in ("year", "month", "week", "day") else "day")
    if unit in ("year", "month", "decade"):
        point = shift_months(base, -amount * {"year": 12, "month": 1, "decade": 120}[unit])
    else:
        point = base - timedelta(days=amount * (7 if unit == "week" else 1))
    if unit == "year":
        v = year_interval(point.year)
    elif unit == "month":
        v = month_interval(point.year, point.month)
    elif unit == "week":
        v = week_interval(point)
    else:
        v = day_interval(point)
    return v.model_copy(update={"relative": True})


def describe(v: DateValue | None) -> str:
    """A short human reading of a period: "2024", "Q3 2023", "June 2024", "2025-06-13", "unknown"."""
    if v is None or v.start is None or v.end is None:
        return "unknown date"
    if v.granularity == "year":
        return str(v.start.year) if v.start.year == v.end.year else f"{v.start.year}–{v.end.year}"
    months = (v.end.year - v.start.year) * 12 + v.end.month - v.start.month + 1
    if v.granularity == "quarter" and months == 3:
        return f"Q{(v.start.month - 1) // 3 + 1} {v.start.year}"
    if v.granularity == "half" and months == 6:
        return f"H{1 if v.start.month == 1 else 2} {v.start.year}"
    if v.granularity in ("month", "quarter", "half"):
        first = f"{calendar.month_name[v.start.month]}"
        if months == 1:
            return f"{first} {v.start.year}"
        # "at the end of 2022" is read as its last months: named as such, not as the first of them
        last = calendar.month_name[v.end.month]
        return (f"{first}–{last} {v.end.year}" if v.start.year == v.end.year
                else f"{first} {v.start.year}–{last} {v.end.year}")
    if v.start == v.end:
        return v.start.isoformat()
    return f"{v.start.isoformat()} to {v.end.isoformat()}"
