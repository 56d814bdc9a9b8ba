"""Lines of business: the part of a company's revenue a figure is for ("iPhone revenue", "Services revenue",
"sales of the iPhone", "revenue from cloud services"), kept as the claim's segment so that a part is never
compared with the whole or with another part."""

from __future__ import annotations

import re

from .measures import CALENDAR
from .measures import STOP as STOP_WORDS

# Words before "revenue" or "sales" that say which revenue is meant, but not a part of it: "quarterly revenue",
# "net sales", "record revenue", "fourth-quarter revenue".
GENERIC = {
    "total", "overall", "quarterly", "annual", "annualized", "net", "gross", "record", "fiscal", "full-year",
    "company", "company's", "group", "consolidated", "reported", "adjusted", "global", "worldwide", "combined",
    "sequential", "estimated", "expected", "projected", "forecast", "consensus", "monthly", "weekly", "daily",
    "average", "cumulative", "yearly", "half-year", "operating", "higher", "lower", "strong", "stronger",
    "weak", "weaker", "slower", "faster", "flat", "its", "their", "firm's", "business", "revenue", "sales",
    "quarter", "year", "half", "calendar", "trailing", "twelve-month", "nine-month", "six-month", "first-half",
    "second-half", "full", "top", "top-line", "topline", "underlying", "organic", "core", "healthy", "solid",
    "disappointing", "better-than-expected", "worse-than-expected", "lower-than-expected", "higher-than-expected",
    "analysts", "analyst", "wall", "street", "lseg", "factset", "visible", "alpha", "zacks", "bloomberg",
    "first", "second", "third", "fourth", "last", "previous", "prior", "current", "same", "whole", "entire",
    "billion", "million", "trillion", "thousand", "percent",
}
# Verbs and participles before the cue say what was done with the revenue ("posted revenue of", "rising sales")
VERBS = {
    "reports", "report", "posts", "post", "sees", "see", "saw", "expects", "expect", "forecasts", "books", "book",
    "generates", "generate", "brings", "bring", "brought", "had", "has", "have", "makes", "make", "made", "gets",
    "got", "lifts", "lift", "boosts", "boost", "drives", "drive", "drove", "hit", "hits", "rising", "falling",
    "growing", "declining", "slowing", "including", "increasing", "decreasing", "shrinking", "sliding", "soaring",
    "surging", "slumping", "record-breaking", "guides", "guide", "projects", "project", "predicts", "predict",
}
_PERIOD = re.compile(r"(?:q[1-4]|h[12]|fy\d*|\d+|(?:first|second|third|fourth)-quarter|\w+-(?:quarter|year|month))$")
_BEFORE = re.compile(r"(?:(?<=[\s(\"“])|^)(?P<words>(?:[A-Za-z][\w&'’-]*\s+)?[A-Za-z][\w&'’-]*)"
                     r"(?P<whose>,?\s+whose)?\s+$")
_AFTER = re.compile(r"\s+(?:of|from)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
                    r"(?P<words>[A-Za-z][\w&-]*(?:\s+(?-i:[A-Z])[\w&-]*)?)", re.I)


def line_of(text: str, cue: tuple[int, int], lo: int, hi: int, names: frozenset[str]) -> str | None:
    """The line of business written next to the revenue cue at `cue` within `lo`..`hi` (its sentence), lower-cased,
    or None. `names`: the words of the company names the figure may be about, which name no line."""
    # ("the Mac, whose sales rose 2%": the line is the noun "whose" stands for)
    before = _BEFORE.search(text, max(lo, cue[0] - 40), cue[0])
    found = _words(before.group("words").split(), names) if before else []
    return " ".join(found) or line_after(text, cue, hi, names)


def line_after(text: str, cue: tuple[int, int], hi: int, names: frozenset[str] = frozenset()) -> str | None:
    """The line of business written after the revenue cue at `cue` ("sales of the iPhone", "revenue from cloud
    services"), lower-cased, or None."""
    after = _AFTER.match(text, cue[1], min(hi, cue[1] + 50))
    return " ".join(_words(after.group("words").split(), names)) or None if after else None


def _words(words: list[str], names: frozenset[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        lw = w.lower()
        if lw.endswith(("'s", "’s", "'", "’")):
            out = []  # a possessor says whose revenue ("Apple's iPhone revenue"), what follows says which
            continue
        if lw in STOP_WORDS or lw in GENERIC or lw in CALENDAR or lw in VERBS or lw.endswith("ed") \
                or _PERIOD.match(lw) or lw in names:
            out = []
            continue
        out.append(lw)
    return out
