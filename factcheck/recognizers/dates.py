"""Date expressions, found by one compiled pattern and resolved against the publication date."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from ..models import DateValue, Mention
from ..normalize import dates as nd
from ..text.patterns import Dispatched, Starts, alternatives, branch_starts, compile_stored, start_guard
from .number_words import UNIT_ORDINALS, words_value

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_NUMW = (r"(?:\d+|few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few"
         r"|(?:a\s+)?couple(?:\s+of)?)")
_FULL_MONTH = r"(?:january|february|april|june|july|august|september|october|november|december)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_ABBR = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
_UNIT = r"(?:days?|weeks?|fortnights?|months?|years?|decades?)"
_TEEN_W = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_UNIT_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS_W = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_YY_W = rf"(?:{_TENS_W}(?:[\s-]+{_UNIT_W})?|{_TEEN_W}|(?:oh|o)[\s-]+{_UNIT_W})"
# "nineteen ninety-nine", "seventeen hundred thirty three", "two thousand and eighteen"
_YEARW = (rf"(?:(?:sixteen|seventeen|eighteen|nineteen|twenty)[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?{_YY_W}"
          rf"|two\s+thousand(?:(?:\s+and)?[\s-]+(?:{_YY_W}|{_UNIT_W}))?)")
_YEAR_ANY = rf"(?:{_YEAR}|{_YEARW})"
# Days of the month in words, "first" to "thirty-first", from the number words' ordinals.
_DAY_WORDS = [*UNIT_ORDINALS, "twentieth", *(f"twenty[\\s-]{w}" for w in list(UNIT_ORDINALS)[:9]), "thirtieth",
              "thirty[\\s-]first"]
DAY_ORDINALS = {w.replace("[\\s-]", " "): i + 1 for i, w in enumerate(_DAY_WORDS)}
_DAYW = "(?:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + ")"
_DAYN = r"(?:[12]\d|3[01]|0?[1-9])"
_RJOIN = r"\s?(?:-|–|to|until|till|through)\s?"
# Holidays with a fixed date, and those computed each year (see _holiday).
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
            "new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1), "new years day": (1, 1),
            "new year day": (1, 1), "valentine's day": (2, 14), "valentines day": (2, 14), "halloween": (10, 31),
            "independence day": (7, 4), "juneteenth": (6, 19), "earth day": (4, 22), "st. patrick's day": (3, 17),
            "st patrick's day": (3, 17), "saint patrick's day": (3, 17), "saint patrick": (3, 17),
            "international workers' day": (5, 1), "may day": (5, 1), "veterans day": (11, 11),
            "armistice day": (11, 11), "bastille day": (7, 14), "easter": (0, 0), "easter sunday": (0, 0),
            "good friday": (0, 0), "easter monday": (0, 0), "thanksgiving": (0, 0), "thanksgiving day": (0, 0),
            "black friday": (0, 0),
            "memorial day": (0, 0), "labor day": (0, 0), "mother's day": (0, 0), "father's day": (0, 0)}
_HOLIDAY = "(?:" + "|".join(re.escape(h).replace("'", "[’']?").replace(r"\ ", r"\s+")
                            for h in sorted(HOLIDAYS, key=len, reverse=True)) + ")"

_TAIL = r"(?![\w])"  # nor ends inside one
# A date does not start inside a word or a figure ("$14", "3.5"), nor after a hyphenated word ("mid-size-2020").
_LEAD = r"(?<![\w$€£¥.,])(?<![A-Za-z]{4}-)"
BODY = _LEAD + rf"""(?:
      (?P<mdrange>(?:(?:from|between)\s+)?(?P<r1m>1[0-2]|0?[1-9])/(?P<r1d>[0-3]?\d)(?:/(?P<r1y>{_YEAR}))?\s?(?:-|–|to|through|until)\s?
        (?P<r2m>1[0-2]|0?[1-9])/(?P<r2d>[0-3]?\d)(?:/(?P<r2y>{_YEAR})|,\s*(?P<r3y>{_YEAR}))?(?![\d/]))
    | (?P<mrange>(?:(?:from|between)\s+)?(?P<ma>{_MONTH})\s?(?:-|–|to|through|until|till)\s?(?P<mb>{_MONTH})
        (?!\s?\d{{1,2}}\b)
        (?:\s?,?\s*(?:in\s+|of\s+)?(?P<mby>{_YEAR_ANY}))?)
    | (?P<rel2>(?P<ramt>{_NUMW})\s+(?P<runit>{_UNIT})\s+(?P<rdir>after|from|before)\s+
        (?P<ranchor>today|tomorrow|tmrw|yesterday|now))
    | (?P<iso>(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d))
    | (?P<numdate>(?P<na>[01]?\d)[/.-](?P<nb>[0-3]?\d)[/.-](?P<ny>{_YEAR}|\d\d)(?![\d/]))
    | (?P<ym>(?P<ymy>{_YEAR})\s?[-/]\s?(?P<ymm>1[0-2]|0?[1-9])(?![\d/-]))
    | (?P<ymd2>(?P<ymd2y>{_YEAR})[-/](?P<ymd2m>{_MONTH})[-/](?P<ymd2d>{_DAYN})(?!\d))
    | (?P<yearw>(?:(?P<ywpre>in|of|since|until|by|year)\s+
        |(?P<ywm>{_MONTH})\s+(?:of\s+)?(?:(?P<ywd>{_DAYN}|{_DAYW})(?:st|nd|rd|th)?,?\s+)?
        |(?P<ywd2>{_DAYN})(?:st|nd|rd|th)?\s+(?P<ywm2>{_MONTH})\s+)(?P<yw>{_YEARW})
        (?![\w-])(?!\s+(?!and\b|to\b|until\b|when\b)[a-z]))
    | (?P<dayrange>(?:(?:from|between)\s+)?(?:the\s+)?(?P<dr1>{_DAYN}(?:st|nd|rd|th)?|{_DAYW})
        (?:{_RJOIN}|\s+and\s+)(?:the\s+)?(?P<dr2>{_DAYN}(?:st|nd|rd|th)?|{_DAYW})(?:\s+of|\s+in)?\s+(?:
        (?P<drm>{_MONTH})(?:\s?,?\s*(?:of\s+)?(?P<dry>{_YEAR_ANY}))?|(?:the\s+)?(?P<drrel>this|next|last)\s+month))
    | (?P<dayrange2>(?:from|between)\s+(?P<dx1>{_DAYN})(?:st|nd|rd|th)?(?:{_RJOIN}|\s+and\s+)(?P<dxm>{_MONTH})\s*
        (?P<dx2>{_DAYN})(?:st|nd|rd|th)?(?![\d:])(?:\s?,?\s*(?P<dxy>{_YEAR_ANY}))?)
    | (?P<mdayrange>(?P<mdm>{_MONTH})\s*(?:between\s+)?(?:the\s+)?(?P<md1>{_DAYN}(?:st|nd|rd|th)?|{_DAYW})
        (?:{_RJOIN}|\s+and\s+)(?:the\s+)?(?P<md2>{_DAYN}(?:st|nd|rd|th)?|{_DAYW})(?![\d:.])
        (?!\s*(?:%|percent|per\s?cent|million|billion|[ap]\.?m\b))
        (?:\s?,?\s*(?P<mdy2>{_YEAR_ANY}))?)
    | (?P<mdn>(?:(?:on|this|next)\s+(?:{_WEEKDAY}\s+)?|{_WEEKDAY}\s+)(?P<mdnm>1[0-2]|0?[1-9])[/-]
        (?P<mdnd>[12]\d|3[01]|0?[1-9])
        (?![\d/.-]))
    | (?P<wdd>(?P<wddn>{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s+(?:the\s+)?(?P<wddd>{_DAYN}(?:st|nd|rd|th)?|{_DAYW})
        (?![\d:.]|-\w)
        (?!\s*(?:[ap]\.?m\b|of\b|,?\s*{_MONTH}|o'clock)))
    | (?P<odm>(?:the\s+)?(?P<odw>{_DAYW}|{_DAYN}(?:st|nd|rd|th))(?:\s+day)?\s+of\s+(?:
        (?P<odmm>{_MONTH})(?:\s?,?\s*(?:of\s+)?(?P<odmy>{_YEAR_ANY}))?|(?:the\s+)?(?P<odrel>this|next|last)\s+month))
    | (?P<mod>(?P<modm>{_MONTH})\s+(?:the\s+)?(?P<modw>{_DAYW})(?:\s?,?\s*(?:of\s+)?(?P<mody>{_YEAR_ANY}))?)
    | (?P<mdy>(?P<m1>{_MONTH})(?:,?\s*|/|-|\s+the\s+)(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?![\d/])
        (?:\s?,?\s+(?:of\s+)?(?P<y1>{_YEAR_ANY})|-(?P<y1b>{_YEAR}))?)
    | (?P<dmy>(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:[\s-]+|/)(?:of\s+)?(?P<m2>{_MONTH})
        (?:(?:\s?[,/-]?\s*|\s+(?:of|in)\s+)(?P<y2>{_YEAR_ANY})|\s+of\s+'?(?P<y2b>\d\d)(?!\d))?)
    | (?P<my>(?P<m3>{_MONTH})(?:\s?[,/-]?\s*|\s+(?:of|in)\s+)(?P<y3>{_YEAR_ANY})
        |(?P<m3b>{_MONTH})\s+of\s+'?(?P<y3b>\d\d)(?!\d))
    | (?P<mrel>(?P<mrm>{_MONTH})\s+(?:of\s+)?(?P<mrw>next|last|this|the\s+following|the\s+previous)\s+year)
    | (?P<ymw>(?P<ymwy>{_YEAR})\s?,?\s*(?P<ymwm>{_FULL_MONTH}|jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?
        (?!\s*\d))
    | (?P<mbetween>between\s+(?P<mba>{_MONTH})\s+and\s+(?P<mbb>{_MONTH})(?!\s?\d)(?:\s?,?\s*(?P<mbby>{_YEAR}))?)
    | (?P<holiday>(?:(?P<hwhich>last|this|next|previous|coming|following)\s+)?(?P<hname>{_HOLIDAY})
        (?:\s?,?\s*(?P<holy>{_YEAR}))?)
    | (?P<partof>(?:the\s+)?(?P<pfl>first|last|final)\s+(?P<pamt>{_NUMW})\s+(?P<punit2>days|weeks|months)\s+of\s+
        (?:(?P<pofy>{_YEAR})|(?:the\s+)?(?:(?P<pofw>last|this|next|previous|current)\s+)?year))
    | (?P<ytd>(?:the\s+)?year[\s-]to[\s-]date|(?-i:YTD))
    | (?P<century>(?:the\s+)?(?P<cn>\d{{1,2}})(?:st|nd|rd|th)\s+century)
    | (?P<decade>(?:the\s+)?(?:(?P<dy>1[89]\d0|20\d0)|'?(?P<dy2>[1-9]0))\s?'?s)
    | (?P<decadew>the\s+(?:nineteen\s+)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)
        |the\s+(?P<dw2>two\s+thousands|noughties|twenty[\s-]tens|two\s+thousand\s+and\s+tens))
    | (?P<inn>(?:in|within)\s+(?P<inamt>{_NUMW})\s+(?P<inunit>{_UNIT}))
    | (?P<span>(?P<within>within\s+)?(?:the\s+)?(?:(?P<sw1>next|last|past|previous|coming|upcoming)\s+(?P<sa1>{_NUMW})|
        (?P<sa2>{_NUMW})\s+(?P<sw2>next|last|past|previous|coming|upcoming))\s+(?P<su>{_UNIT}|quarters))
    | (?P<weekof>(?:the\s+)?week\s+(?:of|starting|beginning|commencing)\s+(?:on\s+)?(?P<wom>{_MONTH})\s*
        (?P<wod>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<woy>{_YEAR}))?)
    | (?P<nthweek>(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+of\s+(?:the\s+)?
        (?:(?P<nwy>{_YEAR_ANY})|(?P<nwm>{_MONTH})(?:\s+(?P<nwmy>{_YEAR_ANY}))?|(?P<nwrel>this|next|last)\s+(?P<nwunit>month|year)))
    | (?P<wkday>(?:(?P<wkrel>next|last|this|previous)\s+week\s+(?P<wkd>{_WEEKDAY}))
        |(?P<wkd2>{_WEEKDAY})\s+of\s+(?:the\s+)?(?P<wkrel2>next|last|this|previous|following)\s+week)
    | (?P<wd>(?:(?P<wrel>last|this|next|previous|coming|past|this\s+past|this\s+coming
        |this\s+upcoming|following|upcoming)\s+)?
        (?P<wdn>{_WEEKDAY}))
    | (?P<dayrel>the\s+day\s+(?P<dayside>before|after)(?!\s+(?:yesterday|tomorrow|today)))
    | (?P<od>on\s+(?:the\s+)?(?P<odd>[0-3]?\d)(?:st|nd|rd|th))
    | (?P<inthe>(?P<ipart>earlier|later)\s+in\s+the\s+(?P<iunit>year|month|week))
    | (?P<q>(?:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)[\s-]*(?:FY\s?)?'?(?P<qy>{_YEAR}|\d\d)?
        |(?P<qy2>{_YEAR})[\s-]*Q(?P<qn3>[1-4]))
    | (?P<qw>(?:the\s+)?(?P<qord>{_ORD}|final|last)[\s-]+(?P<qfis>fiscal[\s-]+)?quarter
        (?:\s+of)?(?:\s+(?:fiscal\s+)?(?P<qwy>{_YEAR_ANY}))?)
    | (?P<half>(?:the\s+)?(?P<hord>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+(?P<hy>{_YEAR_ANY}))?)
    | (?P<hx>H(?P<hn>[12])\s?(?P<hxy>{_YEAR})|(?P<hxy2>{_YEAR})[\s-]?H(?P<hn2>[12]))
    | (?P<mynum>(?P<mynm>1[0-2]|0?[1-9])\s?[/-]\s?(?P<myny>{_YEAR})(?![\d/]))
    | (?P<fy>(?:fiscal(?:\s+year)?|FY)\s?'?(?P<fyy>{_YEAR}|\d\d)(?![\d]))
    | (?P<yrange>(?P<ya>{_YEAR})\s?[-–]\s?(?P<yb>{_YEAR}|\d\d)(?![\d]))
    | (?P<piece>(?:at\s+)?(?:the\s+)?(?P<pw>beginning|start|middle|end|early|late|mid)(?:\s+of\s+|-|\s+)(?:the\s+)?
        (?:(?P<py>{_YEAR_ANY})|(?:(?P<pwhich>last|this|next|previous|current|coming)\s+)?(?P<punit>year|month|week)
          |(?P<pm>{_FULL_MONTH}|(?-i:March|May)|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)
           (?:,?\s+(?P<pmy>{_YEAR})(?!\d|[,.]\d))?))
    | (?P<rel>(?:(?P<part>earlier|later)\s+)?
        (?P<which>last|this|next|past|previous|current|coming|upcoming|following)\s+(?:calendar\s+)?
        (?P<unit>year|month|week|quarter|decade|fortnight))
    | (?P<afternext>the\s+(?P<anunit>year|month|week|weekend)\s+after\s+(?:the\s+)?next)
    | (?P<weekend>(?:(?P<wewhich>this|last|next|the|on|past|coming|that)\s+)weekend)
    | (?P<workweek>(?P<wwwhich>this|next|last|previous|coming)\s+work(?:ing)?[\s-]?week)
    | (?P<rest>(?:the\s+)?(?:rest|remainder|remaining)\s+of\s+(?:the\s+|this\s+|my\s+)?(?P<restunit>year|month|week))
    | (?P<ago>(?P<amt>{_NUMW})\s+(?P<agounit>years?|months?|weeks?|days?)\s+ago)
    | (?P<day>yesterday|today|tomorrow)
    | (?P<mo>(?P<mopre>in|since|by|until|from|through|early|late|mid-?|last|this|next)\s+
        (?P<m4>{_MONTH})(?![\w.])(?!\s*,?\s*(?:of\s+|in\s+)?(?:(?:1[89]|20)\d\d|{_YEARW}|(?:next|last|this)\s+year))(?!\s+(?:the\s+)?{_DAYW}\b)(?!\s*[0-3]?\d(?:st|nd|rd|th)?\b))
    | (?P<fullmonth>{_FULL_MONTH}
        |(?:(?<=\ba\s)|(?<=\bA\s)|(?<=\ban\s)|(?<=\bthe\s)|(?<=\bThe\s)|(?<=\bits\s))(?-i:March|May)(?=\s+[a-z]))
    | (?P<year>(?<![\d,.])(?P<y4>{_YEAR})(?!\s?(?:%|percent|million|billion|[\d,.]\d)))
    )""" + _TAIL
_BRANCHES = alternatives(BODY[len(_LEAD) : -len(_TAIL)])
FLAGS = re.VERBOSE | re.IGNORECASE


def _body_digest() -> str:
    # "starts": the stored file holds the branches' starts too (a file of before holds only the guard)
    return hashlib.sha256(f"starts 2\n{FLAGS}\n{BODY}".encode()).hexdigest()


def _guard() -> tuple[str, list[Starts]]:
    """The pattern's start guard and what each branch can start with: those stored in `date_guard` when they were
    derived from this very pattern (deriving them costs about 0.12 s of every run's start-up), else derived now."""
    from . import date_guard

    if _body_digest() == date_guard.BODY_SHA256:
        return date_guard.GUARD, [Starts.load(line) for line in date_guard.STARTS]
    return start_guard(BODY, FLAGS), branch_starts(_BRANCHES, FLAGS)


def write_guard() -> None:
    """Store the guard of the current pattern in `date_guard` (from a checkout, after changing the pattern)."""
    from pathlib import Path

    guard = start_guard(BODY, FLAGS)
    lines = "\n".join(f"    {guard[i : i + 100]!r}" for i in range(0, len(guard), 100))
    starts = "\n".join(f"    {line[i : i + 100]!r}" + ("," if i + 100 >= len(line) else "")
                       for line in (s.dump() for s in branch_starts(_BRANCHES, FLAGS))
                       for i in range(0, len(line), 100))
    Path(__file__).with_name("date_guard.py").write_text(
        '"""The date pattern\'s start guard, derived from it by `text.patterns.start_guard`, and what each of its '
        "branches can\nstart with (`text.patterns.branch_starts`), stored so that runs need not derive them. Written "
        "by\n`factcheck.recognizers.dates.write_guard()`; a test checks that they are current.\"\"\"\n\n"
        f"BODY_SHA256 = {_body_digest()!r}\nGUARD = (\n{lines}\n)\nSTARTS = [\n{starts}\n]\n", encoding="utf-8")


# The guard, derived from the pattern, lets most word starts of running text fail at their first word (positions
# inside words fail sooner, at the lead); where it lets one through, only the branches that can start with that word
# are tried.
_GUARD, _STARTS = _guard()
PATTERN = compile_stored(_LEAD + _GUARD + BODY[len(_LEAD):], FLAGS)
FINDER = Dispatched(PATTERN, _LEAD + _GUARD, _BRANCHES, _TAIL, _STARTS, FLAGS)


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


DAYS_IN = {"day": 1, "week": 7, "fortnight": 14}


def _amount(text: str) -> int:
    t = " ".join(text.lower().split()).removesuffix(" of")
    if t.isdigit():
        return int(t)
    return {"a couple": 2, "couple": 2}.get(t, nd.NUMBER_WORDS.get(t, 1))


def _offset(pub: date | None, amount: int, unit: str, sign: int) -> DateValue:
    """"in two weeks": the day (or month, year) that many units after the publication date."""
    unit = unit.lower().rstrip("s")
    if pub is None:
        return nd.unanchored(unit if unit in ("day", "week", "month", "year") else "day")
    if unit in ("year", "month", "decade"):
        d = nd.shift_months(pub, sign * amount * {"month": 1, "year": 12, "decade": 120}[unit])
        return nd.day_interval(d).model_copy(update={"relative": True})
    days = amount * DAYS_IN.get(unit, 1)
    return nd.day_interval(pub + timedelta(days=sign * days)).model_copy(update={"relative": True})


def _span(pub: date | None, amount: int, unit: str, forward: bool) -> DateValue:
    """"the next 3 days", "the past five years": the span between the publication date and that many units."""
    unit = unit.lower().rstrip("s")
    if pub is None:
        return nd.unanchored(unit if unit in ("day", "week", "month", "year") else "day")
    if unit in ("month", "year", "decade"):
        months = {"month": 1, "year": 12, "decade": 120}[unit]
        other = nd.shift_months(pub, (1 if forward else -1) * amount * months)
    else:
        other = pub + timedelta(days=(1 if forward else -1) * amount * DAYS_IN.get(unit, 1))
    start, end = (pub + timedelta(days=1), other) if forward else (other, pub - timedelta(days=1))
    return DateValue(start=start, end=end, granularity="day", relative=True)


def _weekday(pub: date | None, name: str, rel: str) -> DateValue:
    """"Friday" is the latest Friday up to the publication date; "next Friday" is in the week after it."""
    if pub is None:
        return nd.unanchored("day")
    target = WEEKDAYS.index(name)
    monday = pub - timedelta(days=pub.weekday())
    if rel in ("next", "coming"):
        d = monday + timedelta(days=7 + target)
    elif rel in ("last", "previous", "past"):
        d = monday - timedelta(days=7 - target)
    elif rel == "this":
        d = monday + timedelta(days=target)
    else:
        d = pub - timedelta(days=(pub.weekday() - target) % 7)
    return nd.day_interval(d).model_copy(update={"relative": True})


# The part of a period a word names, as (index, parts): "end of March" is its second half, "mid-November" its
# middle third.
PIECES = {"early": (0, 2), "late": (1, 2), "beginning": (0, 2), "start": (0, 2), "middle": (1, 3), "mid": (1, 3),
          "end": (1, 2)}


def _piece(word: str, pub: date | None, year: str | None, which: str | None, unit: str | None,
           month: str | None, month_year: str | None = None) -> DateValue | None:
    """"early 2024" (first half), "mid-November" (middle third), "late last year" (second half), "early August
    2023"."""
    if year:
        whole = nd.year_interval(_yint(year))
    elif month and month_year:
        whole = nd.month_interval(_yint(month_year), nd.MONTHS[month.lower()])
    elif month:
        m = nd.MONTHS[month.lower()]
        if pub is None:
            return nd.unanchored("day")
        whole = nd.month_interval(pub.year if m <= pub.month else pub.year - 1, m)
    else:
        offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get((which or "").lower(), 0)
        whole = nd.relative_interval((unit or "year").lower(), offset, pub)
    if whole.start is None or whole.end is None:
        return whole
    index, parts = PIECES[word]
    if year and word in ("beginning", "start", "end"):
        index, parts = (0, 3) if word != "end" else (2, 3)  # "the end of 2000": its last third, September on
    days = (whole.end - whole.start).days + 1
    if whole.granularity == "year":  # whole months for a year: Jan-Jun, or Jan-Apr, May-Aug, Sep-Dec
        months = 12 // parts
        first = nd.shift_months(whole.start, index * months)
        last = nd.shift_months(first, months) - timedelta(days=1)
        return DateValue(start=first, end=last, granularity="month", relative=whole.relative)
    if whole.granularity == "month" and parts == 3 and index == 1:  # "mid-November": the 10th to the 20th
        first, last = whole.start.replace(day=10), whole.start.replace(day=20)
        return DateValue(start=first, end=last, granularity="day", relative=whole.relative)
    first = whole.start + timedelta(days=days * index // parts)
    last = whole.start + timedelta(days=days * (index + 1) // parts - 1)
    return DateValue(start=first, end=last, granularity="day", relative=whole.relative)


def _nth_week(g: Callable[[str], str | None], pub: date | None) -> DateValue:
    """"the first week of 2015", "the third week of Jan", "the last week of this month": weeks starting Monday."""
    nth = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}[
        str(g("nth")).lower()]
    if g("nwy"):
        first, last = date(_yint(g("nwy")), 1, 1), date(_yint(g("nwy")), 12, 31)
    elif g("nwm"):
        year = _yint(g("nwmy")) if g("nwmy") else (pub.year if pub else None)
        if year is None:
            return nd.unanchored("week")
        whole = nd.month_interval(year, nd.MONTHS[str(g("nwm")).lower().rstrip(".")])
        first, last = whole.start, whole.end  # type: ignore[assignment]
    else:
        offset = {"next": 1, "last": -1}.get(str(g("nwrel")).lower(), 0)
        whole = nd.relative_interval(str(g("nwunit")).lower(), offset, pub)
        if whole.start is None or whole.end is None:
            return nd.unanchored("week")
        first, last = whole.start, whole.end
    if nth > 0:  # the week holding the period's first Thursday is its first week (ISO)
        monday = first - timedelta(days=first.weekday())
        if first.weekday() > 3:
            monday += timedelta(days=7)
        return nd.week_interval(monday + timedelta(weeks=nth - 1))
    return nd.week_interval(last - timedelta(days=last.weekday()))


def _weekend(pub: date | None, offset: int) -> DateValue:
    """Saturday and Sunday of the publication date's week (offset weeks on)."""
    if pub is None:
        return nd.unanchored("day")
    saturday = pub - timedelta(days=pub.weekday()) + timedelta(days=5 + 7 * offset)
    return DateValue(start=saturday, end=saturday + timedelta(days=1), granularity="day", relative=True)


def _month(text: str) -> int:
    return nd.MONTHS[text.lower().rstrip(".")]


def _yint(text: str | None) -> int:
    """A year written in digits or in words."""
    t = str(text)
    return int(t) if t.isdigit() else _year_words(t)


def _year_words(text: str) -> int:
    """"nineteen ninety-nine" 1999, "seventeen hundred thirty three" 1733, "two thousand and five" 2005."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("and", "hundred")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(words_value(" ".join(words[2:])) or 0) if words[2:] else 2000
    century = int(words_value(words[0]) or 0)
    rest = [w for w in words[1:] if w not in ("oh", "o")]
    return century * 100 + int(words_value(" ".join(rest)) or 0)


def _weekday_name(text: str) -> str:
    """"Tue.", "thurs", "Friday" as the weekday's full name."""
    t = text.lower().rstrip(".")[:3]
    return next(w for w in WEEKDAYS if w.startswith(t))


def _day_number(text: str) -> int:
    """"11", "11th", "eleventh", "thirty-first" as a day of the month."""
    t = text.lower()
    digits = re.match(r"\d+", t)
    if digits:
        return int(digits.group())
    return DAY_ORDINALS[" ".join(re.split(r"[\s-]+", t))]


def _day_of(pub: date | None, month: int, day: int, year: str | None) -> DateValue:
    """A day of a month, in the year given or else the one nearest the publication date ("Dec. 28" in a January
    article is last December's)."""
    if year:
        return nd.day_interval(date(_yint(year), month, day))
    if pub is None:
        return nd.unanchored("day")
    return nd.day_interval(_nearest(pub, month, day)).model_copy(update={"relative": True})


def _nearest_period(pub: date, period: Callable[[int], DateValue]) -> DateValue:
    """A quarter or half written without its year ("the fourth quarter"): the one nearest the publication date, as
    for a month and day, days ahead counting twice: a story of February 2025 reporting "fourth-quarter sales" means
    those of 2024, and one of September 2024 reporting a loss "in the first quarter" means 2024's (163 days back),
    not 2025's (113 ahead)."""
    best = min((period(year) for year in (pub.year - 1, pub.year, pub.year + 1)),
               key=lambda v: _reported_days(pub, v.start, v.end))
    return best.model_copy(update={"relative": True})


def _reported_days(pub: date, start: date | None, end: date | None) -> int:
    """Days between `pub` and a period, those ahead of it counting twice (news reports what happened more than
    what is to come)."""
    assert start is not None and end is not None
    return (pub - end).days if end < pub else 2 * max((start - pub).days, 0)


def _days_from(pub: date, start: date | None, end: date | None) -> int:
    """Days between `pub` and a period (0 if it holds `pub`)."""
    assert start is not None and end is not None
    return max((start - pub).days, (pub - end).days, 0)


def _nearest(pub: date, month: int, day: int) -> date:
    """The date with that month and day nearest `pub` (29 February included, in the nearest leap year), days
    ahead counting twice: news reports what happened more than what is to come, so "April 1" in a story of late
    October is the April before (211 days back), not the one after (154 ahead); "March 6" in one of February 20 is
    the coming one."""
    best: date | None = None
    for year in range(pub.year - 4, pub.year + 5):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if best is None or _reported_days(pub, d, d) < _reported_days(pub, best, best):
            best = d
    if best is None:
        raise ValueError("no such day")
    return best


def _day_range(g: Callable[[str], str | None], pub: date | None) -> DateValue:
    """"4 to 22 January 1995", "between 3 and 12 of Sept", "June 9-12, 2019", "from 4 to 22 this month"."""
    first, last = ((_day_number(str(g("dr1"))), _day_number(str(g("dr2")))) if g("dayrange")
                   else (_day_number(str(g("md1"))), _day_number(str(g("md2")))))
    if last <= first:
        raise ValueError("not a range of days")
    if g("drrel"):
        month_v = nd.relative_interval("month", {"next": 1, "last": -1}.get(str(g("drrel")).lower(), 0), pub)
        if month_v.start is None:
            return month_v
        return DateValue(start=month_v.start.replace(day=first), end=month_v.start.replace(day=last),
                         granularity="day", relative=True)
    month = _month(str(g("drm") or g("mdm")))
    a = _day_of(pub, month, first, g("dry") or g("mdy2"))
    b = _day_of(pub, month, last, g("dry") or g("mdy2"))
    if a.start is None or b.end is None:
        return a
    return DateValue(start=a.start, end=b.end, granularity="day", relative=a.relative)


def _part_of(pub: date | None, side: str, amount: int, unit: str, year: str | None, which: str | None) -> DateValue:
    """"the first nine months of 2024", "the last three weeks of this year": that many units from one end."""
    if year:
        whole = nd.year_interval(_yint(year))
    else:
        whole = nd.relative_interval("year", {"last": -1, "previous": -1, "next": 1}.get((which or "").lower(), 0), pub)
    if whole.start is None or whole.end is None:
        return whole
    unit = unit.rstrip("s")
    if side == "first":
        start = whole.start
        end = (nd.shift_months(start, amount) if unit == "month"
               else start + timedelta(days=amount * DAYS_IN.get(unit, 1))) - timedelta(days=1)
    else:
        end = whole.end
        start = (nd.shift_months(end + timedelta(days=1), -amount) if unit == "month"
                 else end + timedelta(days=1 - amount * DAYS_IN.get(unit, 1)))
    gran = "month" if unit == "month" else "day"
    return DateValue(start=start, end=end, granularity=gran, relative=whole.relative)


def _month_range(pub: date | None, ma_text: str, mb_text: str, year_text: str | None) -> DateValue:
    """"May to October 2020", "between August and October": whole months, the first one back a year if needed."""
    ma, mb = _month(ma_text), _month(mb_text)
    year = _yint(year_text) if year_text else (pub.year if pub else None)
    if year is None:
        return nd.unanchored("month")
    if ma > mb and not year_text and pub is not None:
        # "May to March" with no year: the span, across a new year, nearest the publication date
        spans = [(nd.month_interval(y - 1, ma), nd.month_interval(y, mb)) for y in (year, year + 1)]
        first, last = min(spans, key=lambda fl: _days_from(pub, fl[0].start, fl[1].end))
    else:
        first = nd.month_interval(year - 1 if ma > mb else year, ma)
        last = nd.month_interval(year, mb)
    return DateValue(start=first.start, end=last.end, granularity="month", relative=not year_text)


def _weekday_date(pub: date | None, weekday: str, day: int) -> DateValue:
    """"Friday the 11th", "Sunday 31": the day of that number, nearest the publication date, that is that weekday."""
    if pub is None:
        return nd.unanchored("day")
    target = WEEKDAYS.index(weekday)
    best: date | None = None
    for shift in range(-12, 13):
        first = nd.shift_months(pub.replace(day=1), shift)
        try:
            d = first.replace(day=day)
        except ValueError:
            continue
        if d.weekday() == target and (best is None or abs((d - pub).days) < abs((best - pub).days)):
            best = d
    if best is None:
        raise ValueError("no such day")
    return nd.day_interval(best).model_copy(update={"relative": True})


def _holiday_date(name: str, year: int) -> date:
    """The date of a holiday in a year (United States' conventions for the moving ones)."""
    from dateutil.easter import easter

    fixed = HOLIDAYS[name]
    if fixed != (0, 0):
        return date(year, *fixed)

    def nth_weekday(month: int, weekday: int, n: int) -> date:
        first = date(year, month, 1)
        d = first + timedelta(days=(weekday - first.weekday()) % 7)
        if n < 0:  # the last one in the month
            while (d + timedelta(days=7)).month == month:
                d += timedelta(days=7)
            return d
        return d + timedelta(weeks=n - 1)

    if name in ("easter", "easter sunday"):
        return easter(year)
    if name == "good friday":
        return easter(year) - timedelta(days=2)
    if name == "easter monday":
        return easter(year) + timedelta(days=1)
    thanksgiving = nth_weekday(11, 3, 4)
    return {"thanksgiving": thanksgiving, "thanksgiving day": thanksgiving,
            "black friday": thanksgiving + timedelta(days=1), "memorial day": nth_weekday(5, 0, -1),
            "labor day": nth_weekday(9, 0, 1), "mother's day": nth_weekday(5, 6, 2),
            "father's day": nth_weekday(6, 6, 3)}[name]


def _holiday(pub: date | None, name_text: str, year_text: str | None, which: str) -> DateValue:
    """"Christmas 2019", "last Easter", "on Thanksgiving": with no year, the latest one up to the publication date
    ("next Easter" the first one after it)."""
    name = " ".join(name_text.lower().replace("’", "'").split())
    if name not in HOLIDAYS:
        name = name.replace("'", "")
        name = next(h for h in HOLIDAYS if h.replace("'", "") == name)
    if year_text:
        return nd.day_interval(_holiday_date(name, int(year_text)))
    if pub is None:
        return nd.unanchored("day")
    this = _holiday_date(name, pub.year)
    if which in ("next", "coming", "following"):
        d = this if this > pub else _holiday_date(name, pub.year + 1)
    elif which in ("last", "previous"):
        d = this if this < pub else _holiday_date(name, pub.year - 1)
    elif which == "this":
        d = this
    else:  # the nearest one: "Christmas" in a November article is the coming one, in January the last
        d = min((_holiday_date(name, y) for y in (pub.year - 1, pub.year, pub.year + 1)),
                key=lambda x: abs((x - pub).days))
    return nd.day_interval(d).model_copy(update={"relative": True})


def _year_of(two_digits: str | None) -> str | None:
    """A year written with two digits after "of" ("April of 87") is in the last hundred years."""
    if not two_digits:
        return None
    y = int(two_digits)
    return str(1900 + y if y > 30 else 2000 + y)


def _year2(text: str | None, published: date | None) -> int | None:
    if text is None:
        return None
    text = text.lstrip("'")
    y = int(text)
    if len(text) == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y


# Words of what is to come before a month in its sentence ("the cuts take effect in November", "will open in March")
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|'ll|shall|(?:is|are)\s+(?:set|due|expected|scheduled|slated|poised|going)\s+to|plans?\s+to|"
    r"aims?\s+to|intends?\s+to|takes?\s+effect|to\s+take\s+effect|starting|beginning|effective|upcoming)\b"
    # (in its clause, whose figures may have decimals: "will rise by 6.7% to £12.21 an hour from April")
    r"(?:(?!\b(?:that|after|before|since|when|while)\b)(?:[^.;!?,]|(?<=\d)[.,](?=\d)))*$", re.I)


# A perfect tense in the clause before ("have risen by 40%"): what it tells has happened
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t)\b"
                             r"(?:(?!\b(?:will|would|plans?|aims?|expects?|to)\b)[^.;!?,])*$", re.I)


def _future_month(text: str, start: int, value: DateValue) -> DateValue:
    """A month named without a year is the last one before publication, unless its sentence speaks of what is
    to come: then the next one."""
    if not _FUTURE_BEFORE.search(text, max(0, start - 100), start):
        return value
    assert value.start is not None
    return nd.month_interval(value.start.year + 1, value.start.month).model_copy(update={"relative": True})


def recognize_dates(text: str, published: date | None = None) -> list[Mention]:
    """Date mentions with the interval each covers; relative ones anchored to `published` when known."""
    out = []
    for m in FINDER.finditer(text):
        g = m.groupdict().get  # a match of some of the branches holds only their groups
        value = _resolve(g, published)
        if value is None:
            continue
        start, end = m.start(), m.end()
        if g("mo"):  # keep the preposition out of the mention
            start = m.start("m4")
        if g("od"):
            start = m.start("odd") - (4 if text[max(0, m.start("odd") - 4) : m.start("odd")].lower() == "the " else 0)
        if g("mdn"):
            start = m.start("mdnm")
        if g("ywpre"):
            start = m.start("yw")
        if g("inn") and published is not None and not m.group("inn").lower().startswith("within") \
                and _PERFECT_BEFORE.search(text, max(0, start - 80), start):
            # "rents have risen by 40% in five years": the five years to now, not the day five years on
            back = _offset(published, _amount(m.group("inamt")), m.group("inunit"), -1)
            value = DateValue(start=back.start, end=published, granularity="day", relative=True)
        if published and value.start is not None and value.start < published and value.granularity == "month" \
                and (g("fullmonth") or (g("mo") and (g("mopre") or "").lower() not in ("next", "last", "this"))):
            value = _future_month(text, start, value)
        out.append(Mention(kind="date", start=start, end=end, text=text[start:end], value=value))
    return _merge_ranges(text, _shift_from(text, out, published), published)


_SHIFT_BEFORE = re.compile(rf"(?P<amt>{_NUMW})\s+(?P<unit>{_UNIT})\s+(?P<dir>before|after|from|since)\s+(?:the\s+)?$",
                           re.I)
_FROM_NOW = re.compile(r"(?:between\s+now\s+and|from\s+now\s+(?:to|until|till|through|on\s+to))\s+$", re.I)


def _shift_from(text: str, mentions: list[Mention], published: date | None) -> list[Mention]:
    """"two weeks before Christmas", "3 days after January 12th": the day that far from a dated day; "between now
    and November 15": from the publication date to that day."""
    out: list[Mention] = []
    for m in mentions:
        v = m.value
        window = text[max(0, m.start - 40) : m.start]
        shift = _SHIFT_BEFORE.search(window)
        now = _FROM_NOW.search(window)
        ended = _PERIOD_ENDED.search(window)
        if isinstance(v, DateValue) and v.granularity == "month" and v.start is not None and v.end is not None \
                and v.start.month == v.end.month and _QUARTER_AFTER.match(text, m.end):
            # "the September quarter": the three months to the end of September
            out.append(m.model_copy(update={"value": v.model_copy(update={
                "start": nd.shift_months(v.start, -2), "granularity": "quarter"})}))
            continue
        if ended and isinstance(v, DateValue) and v.end is not None and v.start == v.end:
            # "the quarter ended June 30": the three months to that day
            months = _PERIOD_MONTHS[re.sub(r"\s+", " ", ended.group("period").lower())]
            start = m.start - len(ended.group())
            out.append(Mention(kind="date", start=start, end=m.end, text=text[start : m.end], value=DateValue(
                start=nd.shift_months(v.end + timedelta(days=1), -months), end=v.end, relative=v.relative,
                granularity={3: "quarter", 6: "half", 12: "year"}.get(months, "month"))))  # type: ignore[arg-type]
            continue
        if isinstance(v, DateValue) and v.start is not None and v.end is not None and shift \
                and (v.granularity == "day" or v.start == v.end):
            sign = -1 if shift.group("dir").lower() == "before" else 1
            value = _offset(v.start, _amount(shift.group("amt")), shift.group("unit"), sign)
            start = m.start - len(shift.group())
            out = [o for o in out if o.end <= start]  # "in 3 days from today" is read once
            out.append(Mention(kind="date", start=start, end=m.end, text=text[start : m.end],
                               value=value.model_copy(update={"relative": v.relative})))
            continue
        if isinstance(v, DateValue) and v.end is not None and now and published is not None and v.relative \
                and v.end < published:
            v = v.model_copy(update={"end": nd.shift_months(v.end, 12)})  # "between now and November" is ahead
        if isinstance(v, DateValue) and v.end is not None and now and published is not None and published <= v.end:
            start = m.start - len(now.group())
            out.append(Mention(kind="date", start=start, end=m.end, text=text[start : m.end],
                               value=DateValue(start=published, end=v.end, granularity="day", relative=True)))
            continue
        out.append(m)
    return out


_QUARTER_AFTER = re.compile(r"\s+quarter\b", re.I)
_PERIOD_MONTHS = {"quarter": 3, "three months": 3, "3 months": 3, "half": 6, "half-year": 6, "six months": 6,
                  "6 months": 6, "nine months": 9, "9 months": 9, "year": 12, "fiscal year": 12, "financial year": 12,
                  "twelve months": 12, "12 months": 12}
_PERIOD_ENDED = re.compile(r"\b(?P<period>(?:fiscal\s+|financial\s+)?year|quarter|half(?:-year)?"
                           r"|(?:three|3|six|6|nine|9|twelve|12)\s+months)\s+(?:that\s+)?(?:ended|ending|ends|to)\s+"
                           r"(?:on\s+)?$", re.I)
_TO_NOW = re.compile(
    r"\s*(?:-|–|to|until|till|through|and)\s+(?:now|today|date|the\s+present|(?:the\s+)?current\s+date)\b", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|~|to|through|thru|till|until|and)\s*", re.I)
_RANGE_OPEN = re.compile(r"(?:from|between)\s+$", re.I)


def _merge_ranges(text: str, mentions: list[Mention], published: date | None = None) -> list[Mention]:
    """"from May to Oct 2020", "2014 through 2018", "between 2007 and 2009", "Nov 18-Dec 19, 2015": one range."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        now = _TO_NOW.match(text, a.end)
        va = a.value
        if now and isinstance(va, DateValue) and va.start and published is not None and va.start <= published:
            # "from March to date", "between Jan 2019 and now": up to the publication date
            opened = _RANGE_OPEN.search(text[max(0, a.start - 10) : a.start])
            start = a.start - (len(opened.group()) if opened else 0)
            value = DateValue(start=va.start, end=published, granularity="day", relative=True)
            out.append(Mention(kind="date", start=start, end=now.end(), text=text[start : now.end()], value=value))
            i += 1
            continue
        if b is not None and _RANGE_JOIN.fullmatch(text[a.end : b.start]):
            joiner = text[a.end : b.start].strip().lower()
            opened = _RANGE_OPEN.search(text[max(0, a.start - 10) : a.start])
            va, vb = a.value, b.value
            if (joiner != "and" or opened) and isinstance(va, DateValue) and isinstance(vb, DateValue) \
                    and vb.start and vb.end and (va.start or not va.anchored):
                va = _borrow_year(va, vb)
                if va.start and va.end and va.start <= vb.end:
                    start = a.start - (len(opened.group()) if opened else 0)
                    gran = va.granularity if va.granularity == vb.granularity else "day"
                    value = DateValue(start=va.start, end=vb.end, granularity=gran, relative=va.relative or vb.relative)
                    out.append(Mention(kind="date", start=start, end=b.end, text=text[start : b.end], value=value))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _borrow_year(a: DateValue, b: DateValue) -> DateValue:
    """The first end of a range written without its year takes the second's ("May to Oct 2020")."""
    if not (a.relative or not a.anchored) or b.relative or b.start is None or a.granularity not in ("month", "day"):
        return a
    if a.start is None:
        return a
    year = b.start.year if (a.start.month, a.start.day) <= (b.start.month, b.start.day) else b.start.year - 1
    try:
        start = a.start.replace(year=year)
        end = a.end.replace(year=year) if a.end else start
    except ValueError:
        return a
    return DateValue(start=start, end=end, granularity=a.granularity)


def _resolve(g: Callable[[str], Any], pub: date | None) -> DateValue | None:
    """The interval a match covers; `g`: its groups by name (None for those it does not hold)."""
    try:
        if g("iso"):
            return nd.day_interval(date(int(g("iy")), int(g("im")), int(g("id"))))
        if g("mdrange"):
            y2 = int(g("r2y") or g("r3y") or 0) or (pub.year if pub else None)
            y1 = int(g("r1y") or 0) or y2
            if y1 is None or y2 is None:
                return nd.unanchored("day")
            start = date(y1, int(g("r1m")), int(g("r1d")))
            end = date(y2, int(g("r2m")), int(g("r2d")))
            if start > end and not g("r1y"):
                start = start.replace(year=y2 - 1)
            return DateValue(start=start, end=end, granularity="day", relative=not (g("r2y") or g("r3y")))
        if g("mrange"):
            return _month_range(pub, g("ma"), g("mb"), g("mby"))
        if g("rel2"):
            anchor = {"today": 0, "now": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[g("ranchor").lower()]
            if pub is None:
                return nd.unanchored("day")
            base = pub + timedelta(days=anchor)
            sign = -1 if g("rdir").lower() == "before" else 1
            return _offset(base, _amount(g("ramt")), g("runit"), sign)
        if g("numdate"):
            a, b, y = int(g("na")), int(g("nb")), _year2(g("ny"), pub)
            month, day = (a, b) if a <= 12 else (b, a)  # 5/17/2018 is May 17; 22/04/2018 is April 22
            return nd.day_interval(date(y or 0, month, day))
        if g("ym"):
            return nd.month_interval(int(g("ymy")), int(g("ymm")))
        if g("century"):
            c = int(g("cn"))
            return DateValue(start=date(max(1, (c - 1) * 100), 1, 1), end=date(c * 100 - 1, 12, 31), granularity="year")
        if g("decade"):
            # "the 70s" in news is the past: the most recent such decade before the publication year
            y = int(g("dy")) if g("dy") else 1900 + int(g("dy2"))
            if g("dy2") and pub and 2000 + int(g("dy2")) <= pub.year:
                y = 2000 + int(g("dy2"))
            return DateValue(start=date(y, 1, 1), end=date(y + 9, 12, 31), granularity="year")
        if g("inn"):
            point = _offset(pub, _amount(g("inamt")), g("inunit"), 1)
            if g("inn").lower().startswith("within") and pub is not None and point.end is not None:
                # "within 10 months": any day from now to then, not the day it ends
                return DateValue(start=pub, end=point.end, granularity="day", relative=True)
            return point
        if g("span"):
            which = (g("sw1") or g("sw2")).lower()
            amount = _amount(g("sa1") or g("sa2"))
            if g("su").lower() == "quarters":  # "the past two quarters": whole quarters before this one
                forward = which in ("next", "coming", "upcoming")
                first_q = nd.relative_interval("quarter", 1 if forward else -amount, pub)
                last_q = nd.relative_interval("quarter", amount if forward else -1, pub)
                if first_q.start is None or last_q.end is None:
                    return first_q
                return DateValue(start=first_q.start, end=last_q.end, granularity="quarter", relative=True)
            span = _span(pub, amount, g("su"), which in ("next", "coming", "upcoming"))
            if g("within") and pub is not None and span.start is not None and span.start > pub:
                span = span.model_copy(update={"start": pub})  # "within the next 3 years" starts now
            return span
        if g("weekof"):
            year = int(g("woy")) if g("woy") else (pub.year if pub else None)
            if year is None:
                return nd.unanchored("week")
            return nd.week_interval(date(year, nd.MONTHS[g("wom").lower().rstrip(".")], int(g("wod"))))
        if g("nthweek"):
            return _nth_week(g, pub)
        if g("wkday"):
            week_rel = (g("wkrel") or g("wkrel2")).lower()
            weekday_name = (g("wkd") or g("wkd2")).lower()
            return _weekday(pub, weekday_name, "next" if week_rel == "following" else week_rel)
        if g("wd"):
            rel = " ".join((g("wrel") or "").lower().split())
            # "this past Wednesday" is the latest Wednesday before the publication date, "last Wednesday" the one
            # of the week before
            rel = {"this past": "", "past": "", "this coming": "next", "this upcoming": "next", "following": "next",
                   "upcoming": "next"}.get(rel, rel)
            return _weekday(pub, g("wdn").lower(), rel)
        if g("dayrel"):
            return nd.relative_interval("day", -1 if g("dayside").lower() == "before" else 1, pub)
        if g("od"):
            if pub is None:
                return nd.unanchored("day")
            return nd.day_interval(pub.replace(day=int(g("odd")))).model_copy(update={"relative": True})
        if g("inthe"):
            partial = "earlier" if g("ipart").lower() == "earlier" else "later"
            return nd.relative_interval(g("iunit").lower(), 0, pub, partial)
        if g("fullmonth"):
            month = nd.MONTHS[g("fullmonth").lower()]
            if pub is None:
                return nd.unanchored("month")
            year = pub.year if month <= pub.month else pub.year - 1
            return nd.month_interval(year, month).model_copy(update={"relative": True})
        if g("ymd2"):
            return nd.day_interval(date(int(g("ymd2y")), _month(g("ymd2m")), int(g("ymd2d"))))
        if g("dayrange2"):
            first_day = _day_of(pub, _month(g("dxm")), int(g("dx1")), g("dxy"))
            last_day = _day_of(pub, _month(g("dxm")), int(g("dx2")), g("dxy"))
            if first_day.start is None or last_day.end is None or first_day.start > last_day.end:
                return None if first_day.start else first_day
            return DateValue(start=first_day.start, end=last_day.end, granularity="day", relative=first_day.relative)
        if g("dayrange") or g("mdayrange"):
            return _day_range(g, pub)
        if g("mdn"):
            return _day_of(pub, int(g("mdnm")), int(g("mdnd")), None)
        if g("wdd"):
            return _weekday_date(pub, _weekday_name(g("wddn")), _day_number(g("wddd")))
        if g("odm") or g("mod"):
            day = _day_number(g("odw") or g("modw"))
            if g("odrel"):
                month_v = nd.relative_interval("month", {"next": 1, "last": -1}.get(g("odrel").lower(), 0), pub)
                if month_v.start is None:
                    return month_v
                return nd.day_interval(month_v.start.replace(day=day)).model_copy(update={"relative": True})
            return _day_of(pub, _month(g("odmm") or g("modm")), day, g("odmy") or g("mody"))
        if g("mrel"):
            offset = {"next": 1, "last": -1, "this": 0}.get(g("mrw").lower().split()[-1], 0)
            if g("mrw").lower().split()[-1] in ("following",):
                offset = 1
            elif g("mrw").lower().split()[-1] == "previous":
                offset = -1
            if pub is None:
                return nd.unanchored("month")
            return nd.month_interval(pub.year + offset, _month(g("mrm"))).model_copy(update={"relative": True})
        if g("ymw"):
            return nd.month_interval(int(g("ymwy")), _month(g("ymwm")))
        if g("mbetween"):
            return _month_range(pub, g("mba"), g("mbb"), g("mbby"))
        if g("holiday"):
            return _holiday(pub, g("hname"), g("holy"), (g("hwhich") or "").lower())
        if g("partof"):
            return _part_of(pub, g("pfl").lower(), _amount(g("pamt")), g("punit2").lower(), g("pofy"), g("pofw"))
        if g("yearw"):
            year = _year_words(g("yw"))
            month_txt, day_txt = g("ywm") or g("ywm2"), g("ywd") or g("ywd2")
            if month_txt and day_txt:
                return nd.day_interval(date(year, _month(month_txt), _day_number(day_txt)))
            if month_txt:
                return nd.month_interval(year, _month(month_txt))
            return nd.year_interval(year)
        if g("ytd"):
            if pub is None:
                return nd.unanchored("day")
            return DateValue(start=date(pub.year, 1, 1), end=pub, granularity="day", relative=True)
        if g("mdy") or g("dmy"):
            month_txt, day_txt, year_txt = ((g("m1"), g("d1"), g("y1") or g("y1b")) if g("mdy")
                                            else (g("m2"), g("d2"), g("y2") or _year_of(g("y2b"))))
            month = nd.MONTHS[month_txt.lower().rstrip(".")]
            day = int(day_txt)
            if not 1 <= day <= 31 or (month_txt.lower() == "may" and g("mdy") and not year_txt and day > 31):
                return None
            # Month, day and year are all read by the pattern: the date is built directly (dateparser would add
            # nothing but two milliseconds); free-form expressions still go through dateparser.
            if year_txt:
                return nd.day_interval(date(_yint(year_txt), month, day))
            return _day_of(pub, month, day, None)
        if g("my"):
            if g("m3b"):  # "April of 87"
                return nd.month_interval(int(str(_year_of(g("y3b")))), _month(g("m3b")))
            return nd.month_interval(_yint(g("y3")), nd.MONTHS[g("m3").lower().rstrip(".")])
        if g("q"):
            y = _year2(g("qy") or g("qy2"), pub)
            q = int(g("qn") or g("qn2") or g("qn3"))
            if y is None:
                if pub is None:
                    return nd.unanchored("quarter")
                return _nearest_period(pub, lambda year: nd.quarter_interval(year, q))
            return nd.quarter_interval(y, q)
        if g("qw"):
            if g("qord").lower() == "last" and not g("qwy") and " of" not in g("qw").lower():
                return nd.relative_interval("quarter", -1, pub)  # "last quarter": the one before this
            q = nd.ORDINALS.get(g("qord").lower(), 4)
            if g("qwy"):
                return nd.quarter_interval(_yint(g("qwy")), q)
            if pub is None or g("qfis"):
                return nd.unanchored("quarter")
            return _nearest_period(pub, lambda year: nd.quarter_interval(year, q))
        if g("half"):
            h = nd.ORDINALS[g("hord").lower()]
            if g("hy"):
                return nd.half_interval(_yint(g("hy")), h)
            return _nearest_period(pub, lambda year: nd.half_interval(year, h)) if pub else nd.unanchored("half")
        if g("hx"):
            return nd.half_interval(int(g("hxy") or g("hxy2")), int(g("hn") or g("hn2")))
        if g("mynum"):
            return nd.month_interval(int(g("myny")), int(g("mynm")))
        if g("fy"):
            y = _year2(g("fyy"), pub)
            return nd.year_interval(y) if y else None
        if g("yrange"):
            first_year, second = int(g("ya")), str(g("yb"))
            last_year = int(second) if len(second) == 4 else (first_year // 100) * 100 + int(second)
            if last_year < first_year or (len(second) == 2 and last_year - first_year > 10):
                return None  # "2019-21" is a range; "2015-32" is not
            return DateValue(start=date(first_year, 1, 1), end=date(last_year, 12, 31), granularity="year")
        if g("piece"):
            return _piece(g("pw").lower(), pub, g("py"), g("pwhich"), g("punit"), g("pm"), g("pmy"))
        if g("afternext"):
            unit = g("anunit").lower()
            if unit == "weekend":
                return _weekend(pub, 2)
            return nd.relative_interval(unit, 2, pub)
        if g("weekend"):
            which = (g("wewhich") or "").lower()
            if which in ("the", "on", "that") and pub is not None and pub.weekday() < 3:
                return _weekend(pub, -1)  # "over the weekend" in a Monday story is the one just past
            return _weekend(pub, {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0))
        if g("workweek"):
            offset = {"next": 1, "coming": 1, "last": -1, "previous": -1}.get(g("wwwhich").lower(), 0)
            week = nd.relative_interval("week", offset, pub)
            if week.start is None:
                return week
            return DateValue(start=week.start, end=week.start + timedelta(days=4), granularity="day", relative=True)
        if g("rest"):
            return nd.relative_interval(g("restunit").lower(), 0, pub, "later")
        if g("dw2"):
            first = 2010 if "ten" in g("dw2").lower() else 2000
            return DateValue(start=date(first, 1, 1), end=date(first + 9, 12, 31), granularity="year")
        if g("decadew"):
            tens = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                    "eighties": 80, "nineties": 90}[g("dw").lower()]
            return DateValue(start=date(1900 + tens, 1, 1), end=date(1909 + tens, 12, 31), granularity="year")
        if g("rel") and g("unit").lower() == "fortnight":
            which = g("which").lower()
            return _span(pub, 1, "fortnight", which in ("next", "coming", "following"))
        if g("rel") and g("which").lower() == "past" and g("unit").lower() in ("year", "month", "week", "decade") \
                and not g("part"):
            return _span(pub, 1, g("unit"), False)  # "over the past year": the twelve months to the day of writing
        if g("rel"):
            offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1,
                      "following": 1}.get(g("which").lower(), 0)
            part = (g("part") or "").lower()
            side = "earlier" if part in ("earlier", "early") else "later" if part in ("later", "late") else None
            return nd.relative_interval(g("unit").lower(), offset, pub, side)
        if g("ago"):
            amt_txt = " ".join(g("amt").lower().split())
            amount = int(amt_txt) if amt_txt.isdigit() else nd.NUMBER_WORDS.get(amt_txt, 1)
            return nd.ago_interval(amount, g("agounit").lower(), pub)
        if g("day"):
            offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[g("day").lower()]
            return nd.relative_interval("day", offset, pub)
        if g("mo"):
            month = nd.MONTHS[g("m4").lower().rstrip(".")]
            if g("m4").lower() in ("may", "mar", "march") and g("m4")[0].islower():
                return None  # "may" the verb, "march" the walk
            if pub is None:
                return nd.unanchored("month")
            pre = g("mopre").lower()
            if pre == "next":  # the next such month after the publication date
                year = pub.year if month > pub.month else pub.year + 1
            elif pre == "last":  # the last such month before it
                year = pub.year if month < pub.month else pub.year - 1
            else:
                year = pub.year if month <= pub.month else pub.year - 1
            return nd.month_interval(year, month).model_copy(update={"relative": True})
        if g("year"):
            return nd.year_interval(int(g("y4")))
    except (ValueError, KeyError):
        return None
    return None
