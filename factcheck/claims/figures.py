"""Every figure a document writes, of the attribute "(figure)" when no named claim reads it.

The aligned-figure check (FC106) compares figures across documents by the words around them, so it needs the
figures no attribute names as well as those that became claims: "sales of $5bn" and "guided for sales of $4bn".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Claim, DateValue, Figure, FigureDate, FigureNumber, Mention, NumberValue, Sentence
from ..normalize import dates as nd

FIGURE = "(figure)"
_QUARTER = re.compile(r"\bQ([1-4])\b|\b([1-4])Q\b|\b(first|second|third|fourth)\s+(?:fiscal\s+)?quarter\b", re.I)


def quarter_number(text: str) -> float | None:
    """The quarter a yearless expression names: "Q2", "2Q", "the second quarter" are 2."""
    m = _QUARTER.search(text)
    if m is None:
        return None
    return float(m.group(1) or m.group(2) or nd.ORDINALS[m.group(3).lower()])


def figures_of(sent: Sentence, mentions: list[Mention], made: list[Claim],
               where: Callable[[Mention], tuple[int, int, str]],
               dated: Callable[[Mention], DateValue | None]) -> list[Figure]:
    """The figures of one sentence: numbers with a value and dates with an absolute period. A figure that became
    a claim points at it (`relates`) and keeps its subject and attribute. A figure has no id of its own until a
    finding cites it (see `Figure.numbered`): a large corpus holds millions, and a string each would be a fifth
    of their memory. `dated`: the date written next to a figure that became no claim, if any ("down from 365 in
    2019")."""
    by_place = {(c.line, c.column): c for c in made}
    out: list[Figure] = []
    for m in mentions:
        v = m.value
        if isinstance(v, NumberValue):
            if m.kind not in ("money", "percent", "quantity") or v.value is None:
                continue
        elif isinstance(v, DateValue):
            if v.start is None and v.granularity == "quarter" and (q := quarter_number(m.text)):
                # "Q2" in an undated document: the quarter is known, the year is not; kept as its number
                v = NumberValue(low=q, high=q, value=q, unit="quarter of the year")
            elif v.start is None or v.end is None or not v.anchored:
                continue
        else:
            continue
        line, column, document = where(m)
        claim = by_place.get((line, column))
        value = FigureNumber.of(v) if isinstance(v, NumberValue) else FigureDate.of(v)
        if claim is None:
            when = dated(m) if isinstance(v, NumberValue) else None
            out.append(Figure("", document, line, column, sent.index, "(story)", FIGURE,
                              m.text, value, sent.text, None, when, "explicit" if when else "unknown"))
        else:
            quals = claim.qualifiers
            # (a part's figure is another measure than the whole's or another part's: "revenue (iphone)")
            attribute = f"{claim.attribute} ({quals.segment})" if quals.segment else claim.attribute
            out.append(Figure("", document, line, column, sent.index, claim.subject,
                              attribute, m.text, value, sent.text, claim.id, quals.as_of, quals.as_of_source,
                              quals.open_attribute))
    return out
