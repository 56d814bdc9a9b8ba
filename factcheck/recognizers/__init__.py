"""Stage 3: recognize mentions (money, numbers, percentages, dates, people, roles, organizations) in text."""

from __future__ import annotations

import re
from datetime import date

from ..models import Mention, NameValue
from .dates import recognize_dates
from .numbers import recognize_numbers
from .organizations import recognize_organizations
from .people import person_mentions, recognize_roles

__all__ = ["recognize"]


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")


def recognize(text: str, published: date | None = None) -> list[Mention]:
    """Every mention in `text`, sorted by position; relative dates are anchored to `published` when given."""
    urls = [(u.start(), u.end()) for u in _URL.finditer(text)]
    out = _recognize(text, published)
    if urls:  # figures inside web addresses and e-mail addresses are not figures
        out = [m for m in out if not any(s < m.end and m.start < e for s, e in urls)]
    return out


def _recognize(text: str, published: date | None) -> list[Mention]:
    numbers = recognize_numbers(text)
    dates = recognize_dates(text, published)
    # A date wins over a bare count inside it ("June 13"); money and percentages win over a date.
    strong = [n for n in numbers if n.kind != "quantity" or n.value.noun]  # type: ignore[union-attr]
    dates = [d for d in dates if not any(_overlaps(d, n) for n in strong)]
    strong_ids = {id(n) for n in strong}
    numbers = [n for n in numbers if id(n) in strong_ids or not any(_overlaps(n, d) for d in dates)]
    roles = recognize_roles(text)
    persons = person_mentions(roles)
    names = {p.value.name for p in persons if isinstance(p.value, NameValue)}
    orgs = [o for o in recognize_organizations(text, names) if not any(_overlaps(o, p) for p in persons + numbers)]
    out = numbers + dates + roles + persons + orgs
    out.sort(key=lambda m: (m.start, -m.end))
    return out
