"""Stage 3: recognize mentions (money, numbers, percentages, dates, people, roles, organizations) in text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ..models import Mention, NameValue
from ..text.spans import Spans
from .dates import recognize_dates
from .numbers import recognize_numbers
from .organizations import recognize_organizations
from .people import person_mentions, recognize_roles

__all__ = ["recognize"]


def _clear_of(items: list[Mention], spans: Iterable[tuple[int, int]]) -> list[Mention]:
    """The items that overlap none of the spans (start, end)."""
    index = Spans(spans)
    return [m for m in items if not index.overlaps(m.start, m.end)]


def _spans(mentions: list[Mention]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in mentions]


# An e-mail address starts where a run of its characters does (else a long run without "@" costs its square).
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")


def _may_hold_address(text: str) -> bool:
    return "@" in text or "://" in text or "www." in text


def recognize(text: str, published: date | None = None) -> list[Mention]:
    """Every mention in `text`, sorted by position; relative dates are anchored to `published` when given."""
    # Most texts hold no address: the pattern, tried at each word, is not run on them.
    urls = [(u.start(), u.end()) for u in _URL.finditer(text)] if _may_hold_address(text) else []
    out = _recognize(text, published)
    if urls:  # figures inside web addresses and e-mail addresses are not figures
        out = _clear_of(out, urls)
    return out


def _recognize(text: str, published: date | None) -> list[Mention]:
    numbers = recognize_numbers(text)
    dates = recognize_dates(text, published)
    # A date wins over a bare count inside it ("June 13"); money and percentages win over a date.
    strong = [n for n in numbers if n.kind != "quantity" or n.value.noun]  # type: ignore[union-attr]
    dates = _clear_of(dates, _spans(strong))
    dated = Spans(_spans(dates))
    strong_ids = {id(n) for n in strong}
    numbers = [n for n in numbers if id(n) in strong_ids or not dated.overlaps(n.start, n.end)]
    roles = recognize_roles(text)
    persons = person_mentions(roles)
    names = {p.value.name for p in persons if isinstance(p.value, NameValue)}
    # (and no date: "on New Year's Day" names no company)
    orgs = _clear_of(recognize_organizations(text, names), _spans(persons + numbers + dates))
    out = numbers + dates + roles + persons + orgs
    out.sort(key=lambda m: (m.start, -m.end))
    return out
