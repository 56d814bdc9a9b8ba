"""Money, percentages and counts in one compiled pass, each read as an interval with its hedge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Mention, NumberValue
from ..normalize.intervals import INF, apply_hedge, rounding_halfwidth
from ..normalize.units import DURATION_UNITS, canonical_unit
from ..text.patterns import compile_stored, guarded
from ..text.spans import Spans
from ..vocabulary import Vocabulary, load_vocabulary, words_pattern
from .number_words import PATTERN as WORD_NUMBER
from .number_words import words_value

# "tens of thousands", "hundreds of millions": an order-of-magnitude interval.
VAGUE_PLURALS = {"dozens": (12.0, 100.0), "tens": (10.0, 100.0), "hundreds": (100.0, 1000.0),
                 "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10)}
ONE_WORD_SCALES = {"k", "m", "b", "t"}


# What follows "5,000m" when the "m" is metres, not millions
METRES_AFTER = r"(?:\s*\([^()]{1,20}\))?\s+(?:deep|tall|high|long|wide|below|above|underground|underwater|away)\b"
# Units of measurement: a figure followed by one is a measure in that unit, not a count.
PHYSICAL = (r"(?:miles?|(?:kilo)?met(?:er|re)s?|km)\s+(?:per|an|a)\s+hour(?![\w-])"
            r"|barrels?\s+(?:per|a)\s+day(?![\w-])|(?-i:bpd|b/d)(?![\w/])"  # oil output, a rate
            r"|(?-i:(?<=\d)[CF])(?![\w])"  # a temperature as British papers write it ("40.3C", "104.5F")
            r"|(?-i:(?<=\d)ft)(?![\w])"  # "16,000ft"
            # inches as British papers write them ("16in (41cm) of rain", "a 6.1in screen"; not "10in the list")
            r"|(?-i:(?<=\d)in)(?=\s*[(),.;]|\s*$|\s+(?:of|tall|long|wide|deep|high|screen|display|rain|snow)\b)"
            # metres as British papers write them ("5,000m deep"; "5m people" is five million)
            r"|(?-i:(?<=\d)m)(?=" + METRES_AFTER + ")"
            r"|nautical\s+miles?|(?-i:nmi)"
            r"|(?-i:km/h|kph|mg|kg|km|cm|mm|ml|GHz|MHz|kHz|Hz|MB|GB|TB|KB|kWh|MWh|GWh|MW|GW|kW|mph|°C|°F|dB|nm"
            r"|[kMGT]?eV|t(?=\s+(?:of|valued|a|per|in)\b))"
            r"|square\s+(?:miles?|(?:kilo)?met(?:er|re)s?|feet|foot)|sq\.?\s?(?:mi|km|m|ft)(?![\w])|km²|m²|km2"
            r"|degrees?(?:\s+(?:celsius|fahrenheit))?"
            r"|miles?|(?:nano|micro|milli|centi|kilo)?met(?:er|re)s?|feet|foot"
            r"|inch(?:es)?|years?|months?|weeks?|days?|hours?|minutes?|seconds?"
            r"|tonnes?|tons?|lit(?:er|re)s?|gallons?|acres?|hectares?|grams?|kilograms?|barrels?|megawatts?|gigawatts?")


_PHYSICAL_AFTER = re.compile(r"[\s-]+(" + PHYSICAL + r")(?![\w])", re.I)
# Durations are measures in time units, one spelling each so that "30 days" and "a 30-day" compare.
DURATIONS = {f"{u}{s}": u for u in DURATION_UNITS for s in ("", "s")}
_DURATION_AFTER = re.compile(r"[\s-]+(" + "|".join(f"{u}s?" for u in DURATION_UNITS) + r")\b", re.I)


@dataclass(frozen=True)
class NumberGrammar:
    """The compiled patterns, built once from the vocabulary."""

    main: re.Pattern[str]
    words: re.Pattern[str]
    noun_after: re.Pattern[str]
    currency_after: re.Pattern[str]
    vocab: Vocabulary
    reach: int  # the most characters a match of `main` has before its first digit, "minus"/"negative" aside


@lru_cache(maxsize=4)
def grammar(vocab: Vocabulary | None = None) -> NumberGrammar:
    v = vocab or load_vocabulary()
    prefix = "|".join(_prefix_pattern(p) for p in sorted(v.currency_prefix, key=len, reverse=True))
    suffix_symbols = "".join(re.escape(s) for s in v.currency_suffix)
    codes = "|".join(sorted(v.currency_codes, key=len, reverse=True))
    names = words_pattern(list(v.currency_names) + list(v.currency_minor), after_hyphen=True)
    scale = (r"hundred|thousand|million|billion|trillion|lakh\s+crores?|lakh|lakhs|crore|crores|dozens?|mn|mln|mil|bn"
             r"|bln|tn|tln|tr"
             r"|(?-i:MM|G)|[kKbBtT]|[mM](?!" + METRES_AFTER + ")")
    # 1,985 / 1 985 / Indian grouping 12,34,567 / plain digits; then decimals.
    digits = (r"(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d|,\d)"
              r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|,\d)"
              r"|\d+)(?:\.\d+)?(?:[eE][+-]?\d+(?![\w.]))?|\.\d+")
    # "1.1^23", "2.5^-1", "1.3x10^6": a power, read only where the caret is written
    power = r"(?:\s?[x×]\s?10(?:\^|(?=[−-]\d))(?P<sci>[+−-]?\d+)|\^(?P<pow>[+-]*\d+))"
    # A currency before the figure: a symbol ("$", "US$"), a code ("USD 5", "USD5") or a code with a symbol ("AUD$ 15").
    cur = (rf"(?:(?P<{{c}}s>{codes})\s?\$\s?|(?P<{{n}}>{prefix})\s?"
           rf"|(?P<{{c}}>(?-i:{codes}))\s?(?=\d))")
    main = compile_stored(
        rf"""(?<![\w.,/%])(?<![A-Za-z]-)
        (?P<neg>[-−](?=[\d$€£¥.])|(?:minus|negative)\s+(?=\d))?
        {cur.format(n='cur', c='code1')}?(?P<neg2>(?<=[$€£¥])[-−])?
        (?P<num>{digits})(?!/\d){power}?
        (?:\s(?P<midcode>(?-i:{codes}))(?=\s+(?:thousand|million|billion|trillion)))?
        (?:(?P<sp1>\s?)(?P<scale1>{scale})(?![\w]))?
        (?P<pct1>%(?=\s?(?:-|–|—|to|and)\s?\d))?
        (?:\s?(?P<conn>-|–|—|to|and)\s?{cur.format(n='cur2', c='code2')}?(?P<num2>{digits})
           (?:(?P<sp2>\s?)(?P<scale2>{scale})(?![\w]))?)?
        (?P<plus>\+|-plus\b)?
        (?:[\s-]?(?P<pct>%|percentage[\s-]+points?|per\s?cents?\b|percents?\b|percentage\b|pct\b|pp\b
                        |basis[\s-]+points?\b|bps?\b)
          |\s?(?P<postsym>[{suffix_symbols}])(?!\s?\d)
          |\s?(?P<code>(?-i:{codes}))(?![\w])
          |\s?(?P<mcode>(?-i:[MKB](?:{codes})))(?![\w])
          |[\s-]?(?P<phys>{PHYSICAL})(?![\w])
          |(?:\s|-)?(?P<times>times|fold)(?![\w])|(?P<xmult>x)(?![\w])
          |[\s-](?P<curname>{names}))?
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    words = re.compile(
        r"(?<![\w-])(?P<vague>dozens|tens|hundreds|thousands|millions|billions)"
        r"(?:\s+of\s+(?P<vscale>thousands|millions|billions))?(?![\w-])", re.IGNORECASE)
    noun_after = re.compile(r"[\w’'-]+|[^\w\s]")
    currency_after = compile_stored(rf"[\s-]+(?:of\s+)?({names})", re.I)
    # a sign, a currency code with a symbol and spaces ("USD $ "), a sign after the symbol, a decimal point
    reach = max(len(x) for x in [*v.currency_prefix, *v.currency_codes]) + 8
    return NumberGrammar(main, words, noun_after, currency_after, v, reach)


def _prefix_pattern(p: str) -> str:
    """ "US$" may be written "US $"; one-letter prefixes ("C$", "A$") only as written, in capitals ("a $5" is no A$)."""
    letters = p[:-1] if p.endswith("$") else ""
    if len(letters) >= 2:
        return re.escape(letters) + r"\s?\$"
    if len(letters) == 1:
        return f"(?-i:{re.escape(p)})"
    return re.escape(p)


def _to_float(digits: str) -> float:
    return float(re.sub(r"[,\s\u00a0\u202f]", "", digits))


def _scale_value(word: str | None, vocab: Vocabulary) -> float:
    if not word:
        return 1.0
    return vocab.scales.get(" ".join(word.lower().split()), 1.0)  # ("lakh  crore" as "lakh crore")


_WORDS_BEFORE = re.compile(r"([A-Za-z.-]+)\s+$")


def _hedge(text: str, start: int, g: NumberGrammar) -> tuple[str | None, str | None, float]:
    """The hedge word or phrase just before `start` ("about", "more than", "just under"), its shape and spread.

    The last words before the figure are looked up among the hedge phrases, longest first.
    """
    window = text[max(0, start - 40) : start]
    if not window or not window[-1].isspace():
        return None, None, 0.0
    words = window.lower().split()
    if words and words[-1] in ("a", "an"):  # ("about a 5% rise"; but "more than the 285 cases": a comparison)
        words = words[:-1]
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            h = g.vocab.hedge_by_word.get(phrase)
            if h is not None:
                if phrase == "up to" and len(words) > n and words[-n - 1] in _MOVED:
                    continue  # "inflation ticked up to 2.6%": where it moved, not a bound
                return phrase, h.shape, h.relative
    return None, None, 0.0


# verbs after which "up to" says where a figure moved ("ticked up to 2.6%"), not how far it may go
_MOVED = {"tick", "ticks", "ticked", "edge", "edges", "edged", "inch", "inches", "inched", "creep", "creeps", "crept",
          "move", "moves", "moved", "went", "go", "goes", "shot", "shoots", "jump", "jumps", "jumped", "climbed",
          "climb", "climbs", "revised", "bumped", "ratcheted", "stepped", "came", "comes"}

STOP_WORDS = {"in", "to", "and", "for", "from", "by", "at", "on", "with", "the", "a", "an", "who", "that", "was"}


def _counted_noun(text: str, end: int, g: NumberGrammar) -> str | None:
    """The counted noun phrase after a figure ("full-time employees"), up to four words on."""
    phrase: list[str] = []
    for m in g.noun_after.finditer(text, end, min(len(text), end + 60)):
        w = m.group().lower().strip("’'")
        if not w or not w[0].isalnum() or w in STOP_WORDS or len(phrase) >= 4:
            break
        phrase.append(w)
        if w in g.vocab.counted_nouns:
            return " ".join(x for x in phrase if x != "of")
    return None


def _is_year_like(m: re.Match[str]) -> bool:
    num, num2 = m.group("num"), m.group("num2")
    # a year, or a fiscal or season year ("2029-30", "2024/25", "1999-2000"), or a span of years ("2011-2019 model
    # year vehicles")
    fiscal = num2 is not None and len(num) == 4 and num.isdigit() and m.group("conn") in ("-", "–", "—") and (
        (len(num2) == 2 and num2 == f"{(int(num) + 1) % 100:02d}")
        or (len(num2) == 4 and num2.isdigit() and int(num) < int(num2) <= min(2100, int(num) + 30)))
    return (
        len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100
        and not (m.group("cur") or m.group("code1") or m.group("code1s") or m.group("pct") or m.group("code")
                 or m.group("curname") or m.group("postsym") or m.group("mcode") or m.group("phys"))
        and not m.group("scale1") and (not num2 or fiscal)
    )


# A time written in several units, as races and records are: "2:00:35", "3:43.13", "2 hours and 35 seconds",
# "two hours 13 minutes 44 seconds" (units from the largest down); one figure, in seconds
_SMALL = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CLOCK = guarded(r"(?<![\d:.,])(?:(?P<h>\d{1,2}):(?P<hm>[0-5]\d):(?P<hs>[0-5]\d(?:\.\d{1,3})?)"
                 r"|(?P<m>\d{1,2}):(?P<ms>[0-5]\d\.\d{1,3}))(?![\d:]|\s*(?:[ap]\.?m\b|GMT|UTC|[ECMP][SD]T\b))",
                 re.I)
_PART = r"(?P<{u}>{n})[\s-]+{w}"
_SPELLED = guarded(
    r"(?<![\w-])(?:" + _PART.format(u="h", n=_SMALL, w=r"(?:hours?|hrs?)\b") + r"(?:,?\s+(?:and\s+)?"
    + _PART.format(u="m", n=_SMALL, w=r"(?:minutes?|mins?)\b") + r")?(?:,?\s+(?:and\s+)?"
    + _PART.format(u="s", n=r"\d{1,2}(?:\.\d+)?|" + _SMALL, w=r"(?:seconds?|secs?)\b") + r")?"
    r"|" + _PART.format(u="m2", n=_SMALL, w=r"(?:minutes?|mins?)\b") + r",?\s+(?:and\s+)?"
    + _PART.format(u="s2", n=r"\d{1,2}(?:\.\d+)?|" + _SMALL, w=r"(?:seconds?|secs?)\b") + ")", re.I)


def _times(text: str) -> list[Mention]:
    """The times written in several units ("2:00:35", "2 hours and 35 seconds"), each in seconds, rounded to the
    last unit written."""
    out = []
    for m in _CLOCK.finditer(text) if ":" in text else ():
        hours, minutes, seconds = (m.group("h") or "0", m.group("hm") or m.group("m"), m.group("hs") or m.group("ms"))
        out.append(_time(m, float(hours) * 3600 + float(minutes) * 60 + float(seconds),
                         rounding_halfwidth(seconds) if "." in seconds else 0.5))
    if "hour" in text or "hrs" in text or "min" in text:
        for m in _SPELLED.finditer(text):
            parts = [(m.group(u), f) for u, f in (("h", 3600), ("m", 60), ("s", 1), ("m2", 60), ("s2", 1))]
            written = [(n, f) for n, f in parts if n]
            if len(written) < 2:
                continue  # "2 hours" alone is read as any other figure
            value = sum(_small(n) * f for n, f in written)
            out.append(_time(m, value, written[-1][1] / 2))
    return out


def _small(written: str) -> float:
    return float(written) if written[0].isdigit() else float(words_value(written) or 0)


def _time(m: re.Match[str], seconds: float, half: float) -> Mention:
    return Mention(kind="quantity", start=m.start(), end=m.end(), text=m.group(),
                   value=NumberValue(low=seconds - half, high=seconds + half, unit="second", value=seconds))


def recognize_numbers(text: str, vocab: Vocabulary | None = None) -> list[Mention]:
    """Money, percent and quantity mentions in `text`, as intervals; years are left to the date recognizer."""
    g = grammar(vocab)
    v = g.vocab
    out: list[Mention] = _times(text)
    taken: list[tuple[int, int]] = [(t.start, t.end) for t in out]
    times = Spans(taken)
    pos = 0
    while True:
        m = _search_main(g, text, pos)
        if m is None:
            break
        pos = max(m.end(), m.start() + 1)
        if _is_year_like(m) or _bad_context(text, m) or out and times.overlaps(m.start(), m.end()):
            continue
        mention = _read_number(text, m, g, v)
        if mention is not None:
            out.append(mention)
            taken.append((mention.start, mention.end))
            # A match re-read as less (no range, no scale) resumes scanning right after what it kept.
            pos = max(mention.end, m.start() + 1) if mention.end < m.end() else pos
    read = Spans(taken)
    vague: list[tuple[int, int]] = []  # the few read here, tested one by one
    for m in g.words.finditer(text):
        if read.overlaps(m.start(), m.end()) or any(s < m.end() and m.start() < e for s, e in vague):
            continue
        lo, hi = VAGUE_PLURALS[m.group("vague").lower()]
        if m.group("vscale"):
            scale = VAGUE_PLURALS[m.group("vscale").lower()][0]
            lo, hi = lo * scale, hi * scale
        mention = _read_words(text, m.start(), m.end(), lo, lo, hi, g, vague=True)
        if mention is not None:
            out.append(mention)
            vague.append((mention.start, mention.end))
    read = Spans(taken + vague)
    pos = 0
    while (m := WORD_NUMBER.search(text, pos)) is not None:
        pos = m.end()
        clash = read.reach(m.start(), m.end())
        if clash is not None:
            # "3 hundred and one": the words from "hundred" on overlap the figure; read on from where it ends
            pos = max(clash, m.start() + 1)
            continue
        value = words_value(m.group())
        if value is None or _pronoun_one(text, m):
            continue
        points = _POINTS_AFTER.match(text, m.end())
        if points and (points.group("pct") or value in (0.25, 0.5, 0.75)):
            # "a half-percentage point", "half a percentage point", "a quarter-point" (cut): a rate's change
            out.append(Mention(kind="percent", start=m.start(), end=points.end(), text=text[m.start() : points.end()],
                               value=NumberValue(low=value, high=value, unit="percentage_point", value=value)))
            continue
        plural = VAGUE_PLURALS.get(m.group().lower())
        lo, hi = plural or (value, value)
        # ("dozens are missing": some dozens, as "dozens of people" reads, not a dozen)
        mention = _read_words(text, m.start(), m.end(), lo, lo, hi, g, vague=plural is not None)
        if mention is not None:
            out.append(mention)
    out.sort(key=lambda x: x.start)
    out = _merge_spoken(text, out)
    out = _fractions(text, out)
    out = _ratios(text, out)
    out.extend(_percent_of(text, out, g))
    out.sort(key=lambda x: x.start)
    return _merge_compound(text, out, v)


# Percentage points written after a number in words ("a half-percentage point", "half a percentage point",
# "a quarter-point", "three-quarters of a percentage point", "one percentage point")
# A player's appearances written as times ("played 204 times", "capped more than 50 times")
APPEARED = re.compile(r"\b(?:played|appeared|featured|capped|started)\s+(?:(?:more\s+than|over|almost|nearly|about|"
                      r"around|some)\s+)?$", re.I)
_POINTS_AFTER = re.compile(r"(?:[\s-]+(?:a|of\s+a))?[\s-]+(?P<pct>percentage[\s-]+)?points?(?![\w-])", re.I)
_DIGIT = re.compile(r"\d")
_SIGN_WORD = re.compile(r"minus|negative", re.I)


def _search_main(g: NumberGrammar, text: str, pos: int) -> re.Match[str] | None:
    """`g.main.search(text, pos)`, started near the next digit: every match holds one, with at most `g.reach`
    characters before it unless they are "minus" or "negative" and spaces (then the search starts at `pos`). The
    big pattern is slow to try at every character; finding the digit first skips most of the text."""
    d = _DIGIT.search(text, pos)
    if d is None:
        return None
    start = d.start() - g.reach
    if start > pos and _SIGN_WORD.search(text, pos, d.start()) is None:
        pos = start
    return g.main.search(text, pos)


def _pronoun_one(text: str, m: re.Match[str]) -> bool:
    """"the one you mentioned", "which one": a pronoun, not a number."""
    return m.group().lower() == "one" and bool(
        re.search(r"\b(?:the|this|that|which|any|each|every|no|another|other|a|last|first|only|same)\s+$",
                  text[max(0, m.start() - 12) : m.start()], re.I))


_RATIO_JOIN = re.compile(r"\s+(?P<w>in|out\s+of|over)\s+", re.I)
_NOUN_NEXT = re.compile(r"\s*[A-Za-z]")


def _ratios(text: str, found: list[Mention]) -> list[Mention]:
    """"one in three adults", "1 out of 5", "one over twenty": a ratio, read as the fraction it is.

    "over" makes a ratio only when no noun follows ("20 over 30 years" is a count and a duration)."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        j = _RATIO_JOIN.fullmatch(text, a.end, b.start) if b is not None else None
        # "over" before b was read as b's hedge ("over 400"); between two figures it is the ratio's word.
        if b is not None and j is not None and _bare(a) and (
                _bare(b, noun_ok=True) or (j.group("w").lower() == "over" and _bare(b.model_copy(
                    update={"value": b.value.model_copy(update={"hedge": None})}), noun_ok=True))):
            av, bv = a.value.value, b.value.value  # type: ignore[union-attr]
            word = j.group("w").lower()
            ok = av is not None and bv and (
                (word != "over" and 0 < av < bv and bv <= 1000)
                or (word == "over" and not _NOUN_NEXT.match(text, b.end) and b.value.noun is None))  # type: ignore[union-attr]
            if ok:
                value = av / bv  # type: ignore[operator]
                out.append(Mention(kind="quantity", start=a.start, end=b.end, text=text[a.start : b.end],
                                   value=NumberValue(low=value, high=value, unit="count", value=value,
                                                     noun=b.value.noun)))  # type: ignore[union-attr]
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _bare(m: Mention, noun_ok: bool = False) -> bool:
    """A plain count: no currency, percent, unit or hedge (and no counted noun unless `noun_ok`)."""
    v = m.value
    return (m.kind == "quantity" and isinstance(v, NumberValue) and v.unit == "count" and v.value is not None
            and not v.hedge and (noun_ok or v.noun is None))


_FRACTION = guarded(r"(?<![\w/.])(?P<neg>[-−]\s?)?(?:(?P<whole>\d+)\s+)?(?P<num>\d+)/(?P<den>\d+)(?![\w/])"
                    r"|(?P<uni>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
_UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
                      "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}


def _fractions(text: str, found: list[Mention]) -> list[Mention]:
    """"3/4", "2 1/4", "½" added to `found`, replacing the bare counts they contain (dates like 5/17 are the date
    recognizer's)."""
    if "/" not in text and not any(ch in text for ch in _UNICODE_FRACTIONS):
        return sorted(found, key=lambda x: x.start)  # no fraction can be written: the pattern's scan costs more
    # Fractions never overlap one another, so the mentions one replaces are not among those a later one overlaps.
    spans = Spans((f.start, f.end) for f in found)
    replaced: set[int] = set()
    added: list[Mention] = []
    for m in _FRACTION.finditer(text):
        inside = [found[i] for i in spans.overlapping(m.start(), m.end())]
        if any(not (_bare(f) and m.start() <= f.start and f.end <= m.end()) for f in inside):
            continue
        if m.group("uni"):
            value = _UNICODE_FRACTIONS[m.group("uni")]
        else:
            den = int(m.group("den"))
            if den == 0 or den > 100 or int(m.group("num")) > 100:
                continue
            value = int(m.group("whole") or 0) + int(m.group("num")) / den
            if m.group("neg"):
                value = -value
        replaced.update(id(f) for f in inside)
        added.append(Mention(kind="quantity", start=m.start(), end=m.end(), text=m.group(),
                             value=NumberValue(low=value, high=value, unit="count", value=value)))
    out = [f for f in found if id(f) not in replaced] + added
    out.sort(key=lambda x: x.start)
    return out


_PERCENT_OF = guarded(r"(?<![\w-])(?:percents?|per\s?cents?)\s+of\s+", re.I)


def _percent_of(text: str, found: list[Mention], g: NumberGrammar) -> list[Mention]:
    """The reversed form "per cent of twenty-two" ("percent of 10") in conversational text."""
    out = []
    for m in _PERCENT_OF.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        nxt = next((f for f in found if f.start == m.end() and f.kind == "quantity"
                    and isinstance(f.value, NumberValue) and f.value.noun is None), None)
        if nxt is None or not isinstance(nxt.value, NumberValue):
            continue
        found.remove(nxt)
        out.append(Mention(kind="percent", start=m.start(), end=nxt.end, text=text[m.start() : nxt.end],
                           value=nxt.value.model_copy(update={"unit": "percent"})))
    return out

_SPOKEN_SCALE = re.compile(r"(hundred|thousand|million|billion|trillion|lakh|crore)s?$", re.I)
_SPOKEN_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
                  "crore": 1e7}
_SPOKEN_GAP = re.compile(r"\s+(and\s+)?")


def _merge_spoken(text: str, mentions: list[Mention]) -> list[Mention]:
    """"3 hundred and 21", "4 thousand 3 hundred", "3 million and a half", "6 crore and two hundred": one number
    written in parts, each smaller than the scale before it."""
    out: list[Mention] = []
    for b in mentions:
        a = out[-1] if out else None
        sm = _SPOKEN_SCALE.search(a.text) if a is not None and a.kind == "quantity" else None
        gap = _SPOKEN_GAP.fullmatch(text, a.end, b.start) if a is not None and sm else None
        av, bv = (a.value if a else None), b.value
        if a is None or sm is None or gap is None or not isinstance(av, NumberValue) \
                or not isinstance(bv, NumberValue) or av.noun or av.value is None or bv.value is None \
                or bv.hedge or b.kind not in ("quantity", "money") or av.unit != "count" or bv.value < 0:
            out.append(b)
            continue
        scale = _SPOKEN_SCALES[sm.group(1).lower()]
        part = bv.value
        if 0 < part < 1 and re.search(r"(?:half|halves|quarters?|thirds?|[a-z]ths?)$", b.text, re.I):
            part *= scale  # "3 million and a half"
        if part >= scale or not (gap.group(1) or _SPOKEN_SCALE.search(b.text)):
            out.append(b)
            continue
        value = (av.value or 0.0) + part
        lo: float | None = value
        hi: float | None = value
        if av.hedge:
            lo = av.low + part if av.low is not None else None
            hi = av.high + part if av.high is not None else None
        out[-1] = Mention(kind=b.kind, start=a.start, end=b.end, text=text[a.start : b.end],
                          value=bv.model_copy(update={"value": value, "low": lo, "high": hi, "hedge": av.hedge}))
    return out


def _merge_compound(text: str, mentions: list[Mention], v: Vocabulary) -> list[Mention]:
    """"3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars and 50" are one amount."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        av = a.value
        if b is not None and a.kind == "money" and isinstance(av, NumberValue) and isinstance(b.value, NumberValue) \
                and re.fullmatch(r"\s*(?:and\s+)?", text[a.end : b.start]) and re.search(r"[A-Za-z]$", a.text) \
                and av.value is not None and b.value.value is not None:
            bv = b.value
            minor = b.kind == "money" and bv.unit == av.unit and (bv.value or 0) < 1
            bare = b.kind == "quantity" and bv.noun is None and 0 < (bv.value or 0) < 100 and not bv.hedge \
                and not re.match(r"\s*[\w$€£%]", text[b.end : b.end + 2]) and not re.match(r"an?\s", b.text.lower())
            major = a.text.lower().split()[-1] not in v.currency_minor
            if major and (minor or bare):
                extra = bv.value if minor else (bv.value or 0) / 100
                total = av.value + (extra or 0)
                out.append(Mention(kind="money", start=a.start, end=b.end, text=text[a.start : b.end],
                                   value=av.model_copy(update={"value": total, "low": total, "high": total})))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _bad_context(text: str, m: re.Match[str]) -> bool:
    """Numbers that are not amounts: times (10:30), ordinals (3rd), codes (Q3 is excluded by the pattern)."""
    end = m.end("num")
    after = text[end : end + 3]
    if re.match(r":\d", after) or re.match(r"(?:st|nd|rd|th)\b", after, re.I):
        return True
    if re.match(r"\s?(?:a\.?m\.?|p\.?m\.?)(?![\w])", text[m.end("num") : m.end("num") + 6], re.I):
        return True  # a time of day
    before = text[max(0, m.start() - 1) : m.start()]
    return before in {":", "#"}


def _read_number(text: str, m: re.Match[str], g: NumberGrammar, v: Vocabulary) -> Mention | None:
    scale1, scale2 = m.group("scale1"), m.group("scale2")
    cur_sym = m.group("cur") or m.group("cur2")
    if cur_sym:
        cur_sym = re.sub(r"\s+", "", cur_sym)
    mcode = m.group("mcode")
    code = (m.group("code1") or m.group("code1s") or m.group("code2") or m.group("code2s") or m.group("code")
            or m.group("midcode") or (mcode[1:] if mcode else None))
    curname = m.group("curname")
    pct = m.group("pct")
    end = m.end()
    # Single-letter scales are only read as such after a currency (5m may be metres) or in capitals.
    # With a space only K, M, B and G are scales ("5 m" is metres, "5 t" tonnes); joined, "5m" and "5t" need a currency.
    for sc, sp in ((scale1, m.group("sp1")), (scale2, m.group("sp2"))):
        if sc and sc.lower() in ONE_WORD_SCALES and (
                (sp and sc not in "kKMBG") or (not sp and not (cur_sym or code or curname) and sc in "mt")):
            # ("103m euros": a currency after the figure says so too)
            return _retry_without_scale(text, m, g, v)
    num2 = m.group("num2")
    if m.group("pct1") and not (num2 and pct == "%"):
        return _retry_without_range(text, m, g, v)  # "4.75%-5.00%" is a range of percentages; "5%-6 people" none
    conn = (m.group("conn") or "").lower()
    left = text[max(0, m.start() - 25) : m.start()].lower()
    if num2 and (
        (conn == "and" and not re.search(r"between\s+$", left))
        or (conn == "to" and re.search(r"(?:from|rose|fell|grew|up|down|increased|decreased|jumped|dropped)\s+$", left))
        or (conn == "to" and _descending(m))  # "leads Trump 45% to 41%": two figures; a range goes up
        or bool(m.group("cur2") or m.group("code2") or m.group("code2s"))
        != bool(m.group("cur") or m.group("code1") or m.group("code1s"))
    ):
        return _retry_without_range(text, m, g, v)
    unit = "count"
    factor = 1.0
    kind = "quantity"
    if pct:
        unit = "percentage_point" if ("point" in pct.lower() or pct.lower() in ("pp", "bp", "bps")) else "percent"
        if pct.lower().startswith(("basis", "bp")):
            factor = 0.01  # "75 basis points" are 0.75 percentage points
        kind = "percent"
    elif cur_sym:
        unit = v.currency_prefix.get(cur_sym) or v.currency_prefix.get(cur_sym.upper(), "USD")
        kind = "money"
    elif m.group("phys"):
        unit = " ".join(m.group("phys").split()).replace("sq. ", "sq ").replace("sq.", "sq ")
        unit = DURATIONS.get(unit.lower(), unit)
        unit, factor = canonical_unit(unit)
        if unit.lower() in ("degrees", "degree") and _fahrenheit_only(text):
            unit = "°F"  # "an all-time high of 120 degrees" in a story that writes "129 degrees Fahrenheit"
    elif m.group("times") and APPEARED.search(text, max(0, m.start() - 40), m.start()):
        unit = "count"  # "played 204 times for West Ham": appearances counted, no multiple
    elif m.group("times") or m.group("xmult"):
        unit = "times"  # a multiple: "30 times", "tenfold", "3x"
    elif m.group("postsym"):
        unit = v.currency_suffix[m.group("postsym")]
        kind = "money"
    elif code:
        unit = v.currency_codes.get(code.upper(), code.upper())
        kind = "money"
    elif curname:
        name = " ".join(curname.lower().split())
        if name in v.currency_minor:
            unit, factor = v.currency_minor[name]
        else:
            unit = v.currency_names[name]
        kind = "money"
    digits = m.group("num")
    base = _to_float(digits)
    exponent = m.group("sci") or m.group("pow")
    if exponent:
        exponent = exponent.replace("−", "-")
        power = int(exponent.lstrip("+-") or 0) * (-1 if exponent.count("-") % 2 else 1)
        try:
            base = base * 10.0**power if m.group("sci") else base**power
        except (OverflowError, ZeroDivisionError):
            return None
    sc = _scale_value(scale2 if num2 and not scale1 else scale1, v)
    if mcode:  # "30 MUSD": millions of dollars
        sc *= {"M": 1e6, "K": 1e3, "B": 1e9}[mcode[0]]
    value = base * sc * factor
    # Percentages are rounded to their last digit ("3%" may be 2.5 to 3.5; "20%" 19.5 to 20.5), as statcheck
    # reads them: a round percentage is not taken as rounded to the ten.
    if exponent:
        half = 0.0  # a computed power carries no rounding of its digits
    elif pct or unit in ("°C", "°F"):  # (temperatures too are read to their last digit: "40C" is 39.5 to 40.5)
        half = 0.5 * 10.0 ** -(len(digits.split(".", 1)[1]) if "." in digits else 0) * sc * factor
    else:
        half = rounding_halfwidth(digits, v.rounding_max_relative) * sc * factor
    low, high = value - half, value + half
    sign = -1.0 if m.group("neg") or m.group("neg2") else 1.0
    if num2:
        # A range states its own bounds, so no rounding is added to them.
        hi_val = _to_float(num2) * _scale_value(scale2 or scale1, v) * factor
        low, high = min(value, hi_val), max(value, hi_val)
    if sign < 0:
        value, low, high = -value, -high, -low
    start = m.start()
    hedge_word, shape, rel = _hedge(text, start, g)
    if m.group("plus"):
        hedge_word, shape = (hedge_word or m.group("plus").lstrip("-")), "plus"
    if shape and not num2:
        low, high = apply_hedge(value, low, high, shape, rel)
    if unit == "°F":  # compared in Celsius: "40C (104F)" is one heat, "a high of 104F" there the same as here
        offset = 0.0 if _DIFFERENCE.search(text, max(0, start - 12), start) or _DIFFERENCE_AFTER.match(text, end) \
            else 32.0  # ("rose by 10F", "10 degrees above normal": a difference, converted without the offset)
        value, low = (value - offset) * 5 / 9, (low - offset) * 5 / 9
        high = high if high == INF else (high - offset) * 5 / 9
        unit = "°C"
    noun = _counted_noun(text, end, g) if kind == "quantity" else None
    mtext = text[start:end].rstrip()
    return Mention(
        kind=kind, start=start, end=start + len(mtext), text=mtext,
        value=NumberValue(low=low, high=None if high == INF else high, unit=unit, noun=noun,
                          hedge=hedge_word, value=value),
    )


def _retry_without_scale(text: str, m: re.Match[str], g: NumberGrammar, v: Vocabulary) -> Mention | None:
    """Re-read a match whose one-letter scale was not a scale: just the number before it."""
    return _read_until(text, m, m.end("num"), g, v, scaled=False)


def _descending(m: re.Match[str]) -> bool:
    """Whether the two numbers of "A to B", of one scale and no sign, go down."""
    if m.group("neg") or (m.group("scale1") or "").lower() != (m.group("scale2") or "").lower():
        return False
    try:
        return float(m.group("num").replace(",", "")) > float(m.group("num2").replace(",", ""))
    except ValueError:
        return False


def _retry_without_range(text: str, m: re.Match[str], g: NumberGrammar, v: Vocabulary) -> Mention | None:
    """Re-read the first number of a match whose range reading was wrong ("from 5 to 7" is two values)."""
    stop = max(m.end("num"), m.end("scale1"), m.end("sci"), m.end("pow"), m.end("pct1"))
    # Keep what follows the first number (a % or a currency name) by matching on the text up to the connector.
    return _read_until(text, m, stop, g, v, scaled=True)


_BEFORE = 100  # the characters before a figure that reading it looks at (a hedge: 40; the pattern's lookbehinds)


def _read_until(text: str, m: re.Match[str], stop: int, g: NumberGrammar, v: Vocabulary,
                scaled: bool) -> Mention | None:
    """Read the match `m` again as if the text ended at `stop` (with a scale word only if `scaled`), on a window
    of the text: copying all that comes before it would make a long document cost the square of its length."""
    lo = max(0, m.start() - _BEFORE)
    window = text[lo:stop]
    sub = g.main.match(window, m.start() - lo)
    if sub is None or (not scaled and sub.group("scale1")):
        return None
    found = _read_number(window, sub, g, v)
    return found.model_copy(update={"start": found.start + lo, "end": found.end + lo}) if found else None


_PERCENT_AFTER = re.compile(r"\s?(?:%|percent(?:age)?s?\b|per\s?cents?\b)", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)


def _read_words(text: str, start: int, end: int, value: float, lo: float, hi: float, g: NumberGrammar,
                vague: bool) -> Mention | None:
    """A number written in words, with what follows it: a currency, a percent sign, or a counted noun."""
    v = g.vocab
    kind, unit = "quantity", "count"
    factor = 1.0
    cm = g.currency_after.match(text, end)
    if cm:
        name = " ".join(cm.group(1).lower().split())
        kind = "money"
        unit, factor = v.currency_minor[name] if name in v.currency_minor else (v.currency_names[name], 1.0)
        end = cm.end()
    else:
        pm = _PERCENT_AFTER.match(text, end)
        dm = _DURATION_AFTER.match(text, end)
        if pm:
            kind, unit = "percent", "percent"
            end = pm.end()
        elif dm and not vague:  # "thirty days", "two weeks"
            unit = DURATIONS[dm.group(1).lower()]
            end = dm.end()
        elif not vague and (ph := _PHYSICAL_AFTER.match(text, end)):  # "two million barrels a day", "five miles"
            unit, factor = canonical_unit(" ".join(ph.group(1).split()))
            end = ph.end()
    noun = _counted_noun(text, end, g) if kind == "quantity" else None
    if vague and kind == "quantity" and not _OF_AFTER.match(text, end) and lo < 1e3:
        return None
    value, lo, hi = value * factor, lo * factor, hi * factor
    hedge_word, shape, rel = _hedge(text, start, g)
    if shape:
        lo, hi = apply_hedge(value, lo, hi, shape, rel)
    return Mention(
        kind=kind, start=start, end=end, text=text[start:end],
        value=NumberValue(low=lo, high=None if hi == INF else hi, unit=unit, noun=noun, hedge=hedge_word, value=value),
    )


# A temperature written as a difference: "rose by 10F", "up 5 degrees", "10 degrees above normal", "5F warmer"
_DIFFERENCE = re.compile(r"\b(?:by|up|down|rose|fell|climbed|dropped|increase\s+of|rise\s+of|drop\s+of)\s+$", re.I)
_DIFFERENCE_AFTER = re.compile(r"\s*(?:above|below|warmer|cooler|colder|hotter|higher|lower|more|less)\b", re.I)
_FAHRENHEIT = re.compile(r"\d\s*°?\s*F\b|\bdegrees?\s+Fahrenheit\b", re.I)
_CELSIUS = re.compile(r"\d\s*°?\s*C\b|\bdegrees?\s+(?:Celsius|centigrade)\b", re.I)


@lru_cache(maxsize=4)
def _fahrenheit_only(text: str) -> bool:
    """Whether a text writes its temperatures in Fahrenheit and never in Celsius: its bare "degrees" are those."""
    return _FAHRENHEIT.search(text) is not None and _CELSIUS.search(text) is None
