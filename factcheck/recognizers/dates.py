"""Date expressions, found by one compiled pattern and resolved against the publication date."""

from __future__ import annotations

import re
from datetime import date

from ..models import DateValue, Mention
from ..normalize import dates as nd

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_NUMW = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)"

PATTERN = re.compile(
    rf"""(?<![\w$€£¥.,-])(?:
      (?P<iso>(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d))
    | (?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y1>{_YEAR}))?)
    | (?P<dmy>(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?)
    | (?P<my>(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR}))
    | (?P<q>(?:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)[\s-]*(?:FY\s?)?'?(?P<qy>{_YEAR}|\d\d)?)
    | (?P<qw>(?:the\s+)?(?P<qord>{_ORD}|final|last)[\s-]+(?P<qfis>fiscal[\s-]+)?quarter
        (?:\s+of)?(?:\s+(?:fiscal\s+)?(?P<qwy>{_YEAR}))?)
    | (?P<half>(?:the\s+)?(?P<hord>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+(?P<hy>{_YEAR}))?)
    | (?P<hx>H(?P<hn>[12])\s?(?P<hxy>{_YEAR}))
    | (?P<fy>(?:fiscal(?:\s+year)?|FY)\s?'?(?P<fyy>{_YEAR}|\d\d)(?![\d]))
    | (?P<yrange>(?P<ya>{_YEAR})\s?[-–]\s?(?P<yb>{_YEAR}|\d\d)(?![\d]))
    | (?P<rel>(?:(?P<part>earlier|later|early|late)\s+)?
        (?P<which>last|this|next|past|previous|current|coming)\s+(?P<unit>year|month|week|quarter))
    | (?P<ago>(?P<amt>{_NUMW})\s+(?P<agounit>years?|months?|weeks?|days?)\s+ago)
    | (?P<day>yesterday|today|tomorrow)
    | (?P<mo>(?:in|since|by|until|from|through|early|late|mid-?|last|this|next)\s+(?P<m4>{_MONTH})(?![\w]))
    | (?P<year>(?<![\d,.])(?P<y4>{_YEAR})(?!\s?(?:%|percent|million|billion|[\d,.]\d)))
    )(?![\w])""",
    re.VERBOSE | re.IGNORECASE,
)


def _year2(text: str | None, published: date | None) -> int | None:
    if text is None:
        return None
    text = text.lstrip("'")
    y = int(text)
    if len(text) == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y


def recognize_dates(text: str, published: date | None = None) -> list[Mention]:
    """Date mentions with the interval each covers; relative ones anchored to `published` when known."""
    out = []
    for m in PATTERN.finditer(text):
        value = _resolve(m, published)
        if value is None:
            continue
        start, end = m.start(), m.end()
        if m.group("mo"):  # keep the preposition out of the mention
            start = m.start("m4")
        out.append(Mention(kind="date", start=start, end=end, text=text[start:end], value=value))
    return out


def _resolve(m: re.Match[str], pub: date | None) -> DateValue | None:
    g = m.group
    try:
        if g("iso"):
            return nd.day_interval(date(int(g("iy")), int(g("im")), int(g("id"))))
        if g("mdy") or g("dmy"):
            month_txt, day_txt, year_txt = (g("m1"), g("d1"), g("y1")) if g("mdy") else (g("m2"), g("d2"), g("y2"))
            month = nd.MONTHS[month_txt.lower().rstrip(".")]
            day = int(day_txt)
            if not 1 <= day <= 31 or (month_txt.lower() == "may" and g("mdy") and not year_txt and day > 31):
                return None
            if year_txt:
                parsed = nd.parse_date_expression(f"{month_txt} {day} {year_txt}")
                return nd.day_interval(parsed) if parsed else None
            if pub is None:
                return nd.unanchored("day")
            parsed = nd.parse_date_expression(f"{month_txt} {day} {pub.year}")
            return nd.day_interval(parsed).model_copy(update={"relative": True}) if parsed else None
        if g("my"):
            return nd.month_interval(int(g("y3")), nd.MONTHS[g("m3").lower().rstrip(".")])
        if g("q"):
            y = _year2(g("qy"), pub)
            q = int(g("qn") or g("qn2"))
            if y is None:
                if pub is None:
                    return nd.unanchored("quarter")
                return nd.quarter_interval(pub.year, q).model_copy(update={"relative": True})
            return nd.quarter_interval(y, q)
        if g("qw"):
            q = nd.ORDINALS.get(g("qord").lower(), 4)
            if g("qwy"):
                return nd.quarter_interval(int(g("qwy")), q)
            if pub is None or g("qfis"):
                return nd.unanchored("quarter")
            return nd.quarter_interval(pub.year, q).model_copy(update={"relative": True})
        if g("half"):
            h = nd.ORDINALS[g("hord").lower()]
            if g("hy"):
                return nd.half_interval(int(g("hy")), h)
            return nd.half_interval(pub.year, h).model_copy(update={"relative": True}) if pub else nd.unanchored("half")
        if g("hx"):
            return nd.half_interval(int(g("hxy")), int(g("hn")))
        if g("fy"):
            y = _year2(g("fyy"), pub)
            return nd.year_interval(y) if y else None
        if g("yrange"):
            a, b = int(g("ya")), g("yb")
            bb = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
            if bb < a:
                return None
            return DateValue(start=date(a, 1, 1), end=date(bb, 12, 31), granularity="year")
        if g("rel"):
            offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(g("which").lower(), 0)
            part = (g("part") or "").lower()
            partial = "earlier" if part in ("earlier", "early") else "later" if part in ("later", "late") else None
            return nd.relative_interval(g("unit").lower(), offset, pub, partial)
        if g("ago"):
            amt_txt = " ".join(g("amt").lower().split())
            amount = int(amt_txt) if amt_txt.isdigit() else nd.NUMBER_WORDS.get(amt_txt, 1)
            return nd.ago_interval(amount, g("agounit").lower(), pub, m.group(0))
        if g("day"):
            offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[g("day").lower()]
            return nd.relative_interval("day", offset, pub)
        if g("mo"):
            month = nd.MONTHS[g("m4").lower().rstrip(".")]
            if g("m4").lower() in ("may", "mar", "march") and g("m4")[0].islower():
                return None  # "may" the verb, "march" the walk
            if pub is None:
                return nd.unanchored("month")
            year = pub.year if month <= pub.month else pub.year - 1
            return nd.month_interval(year, month).model_copy(update={"relative": True})
        if g("year"):
            return nd.year_interval(int(g("y4")))
    except (ValueError, KeyError):
        return None
    return None
