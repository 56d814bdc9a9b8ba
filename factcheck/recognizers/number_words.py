"""Numbers written in words: "two hundred and six", "fifty-two", "a dozen", "one and a half", "two thirds",
"three twenty-firsts", "half a million", "two thirds of a million", "three lakh crore"."""

from __future__ import annotations

import re

from ..text.patterns import compile_stored, word_trie

UNITS = {"zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}
# Ordinals used as denominators ("a fifth", "three twenty-firsts"); "first" and "second" only inside a compound
# ("twenty-first"), since "a second" is a unit of time.
UNIT_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                  "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                  "nineteenth": 19}
_TENS_ORDINALS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                  "seventieth": 70, "eightieth": 80, "ninetieth": 90}
_SCALE_ORDINALS = {"hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12}
ORDINALS: dict[str, float] = {"half": 2, "halves": 2, "quarter": 4, **UNIT_ORDINALS, **_TENS_ORDINALS,
                              **_SCALE_ORDINALS}
FRACTION_WORDS: dict[str, float] = {**ORDINALS, **{k + "s": v for k, v in ORDINALS.items()
                                                   if not k.endswith("f") and k != "halves"}}

_WORDS = sorted({*UNITS, *TENS, *SCALES, "hundred", "dozen", "dozens", *FRACTION_WORDS} - {"first", "firsts",
                 "second", "seconds"}, key=len, reverse=True)
_W = word_trie(_WORDS)
_TAIL = r"(?:first|second)s?"
# A run of number words, joined by spaces, hyphens, "and" and "point"; "a"/"an" may open it ("a dozen"); a
# compound ordinal may close it ("twenty-first"); "half a million" and "two thirds of a million" are one run.
PATTERN = compile_stored(
    rf"(?<![\w-])(?:(?:a|an|minus|negative)\s+)?(?:{_W})"
    rf"(?:(?:\s+|\s*-\s*)(?:and\s+(?:a\s+|an\s+)?|point\s+|an?\s+(?=dozen|hundred|thousand|million|billion|trillion)"
    rf"|of\s+an?\s+(?=thousand|million|billion|trillion))?(?:{_W}|(?<=[ty][\s-])(?<!\sa\s)(?<!\san\s){_TAIL}))*"
    rf"(?!\w)",
    re.IGNORECASE,
)


def _integer(tokens: list[str]) -> float | None:
    """The value of integer words: "three hundred and two thousand" is 302,000; "three lakh crore" 3e12."""
    total = current = 0.0
    seen = False
    last_scale: float | None = None
    last_part = 0.0
    for t in tokens:
        if t in ("a", "an"):
            current = current or 1
        elif t in UNITS:
            current += UNITS[t]
        elif t in TENS:
            current += TENS[t]
        elif t == "hundred":
            current = (current or 1) * 100
        elif t in ("dozen", "dozens"):
            current = (current or 1) * 12
        elif t in SCALES:
            if current == 0 and last_scale is not None and SCALES[t] > last_scale:
                # "lakh crore", "thousand million": a scale of a scale
                total += last_part * (SCALES[t] - 1)
                last_part *= SCALES[t]
            else:
                last_part = (current or 1) * SCALES[t]
                total += last_part
            last_scale = SCALES[t]
            current = 0
            seen = True
            continue
        else:
            return None
        last_scale = None
        seen = True
    return total + current if seen else None


def _ordinal_denominator(tokens: list[str]) -> float | None:
    """An ordinal run read as a denominator: "fifths" 5, "twenty first" 21, "one hundred fifth" 105."""
    if not tokens or tokens[-1] not in FRACTION_WORDS:
        return None
    den = FRACTION_WORDS[tokens[-1]]
    if len(tokens) == 1:
        return None if tokens[0] in ("first", "firsts", "second", "seconds") else den
    head = _integer(tokens[:-1])
    # Only a tens word or a scale may lead into an ordinal ("twenty-first", "hundred fifth"); "three fifths" is not.
    if head is None or den >= 100 or not (tokens[-2] in TENS and den < 10 or tokens[-2] == "hundred"
                                          or tokens[-2] in SCALES):
        return None
    return head + den


def _fraction(tokens: list[str]) -> float | None:
    """A numerator and an ordinal denominator: "three twenty-firsts", "one hundred thirty fifths" (100/35)."""
    # The denominator is the longest ending that reads as an ordinal, leaving a numerator that reads as an integer.
    for i in range(1, len(tokens)):
        if tokens[i] in SCALES or tokens[i] in ("hundred", "dozen", "dozens"):
            continue
        den = _ordinal_denominator(tokens[i:])
        num = _integer(tokens[:i])
        if den and num is not None:
            return num / den
    den = _ordinal_denominator(tokens[-1:])
    return 1.0 / den if den and len(tokens) == 1 else None


def _decimals(tokens: list[str]) -> str | None:
    """The digits after "point": "seven one" and "seventy-one" are both 71."""
    out = ""
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in TENS and i + 1 < len(tokens) and tokens[i + 1] in UNITS and UNITS[tokens[i + 1]] < 10:
            out += str(TENS[t] + UNITS[tokens[i + 1]])
            i += 2
            continue
        if t in UNITS and UNITS[t] < 10:
            out += str(UNITS[t])
        else:
            part = _integer([t])
            if part is None:
                return None
            out += str(int(part))
        i += 1
    return out or None


def words_value(text: str) -> float | None:
    """The number a run of number words names, or None when it names none ("a" alone, "and", "the fifth")."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    sign = 1.0
    if tokens and tokens[0] in ("minus", "negative"):
        sign, tokens = -1.0, tokens[1:]
    if not tokens or all(t in ("a", "an", "and") for t in tokens):
        return None
    if tokens[-1] in SCALES and len(tokens) > 1 and (tokens[-2] in FRACTION_WORDS or tokens[-2] in ("a", "an")) \
            and not any(t in SCALES for t in tokens[:-1]):
        # "half million", "a quarter billion", "half a million", "two thirds of a million"
        head = [t for t in tokens[:-1] if t != "of"]
        if head[-1] in ("a", "an"):
            head = head[:-1]
        part = words_value(" ".join(head)) if head else 1.0
        return None if part is None else sign * part * SCALES[tokens[-1]]
    if len(tokens) == 3 and tokens[0] == "half" and tokens[1] in ("a", "an"):
        part = _integer(tokens[2:])  # "half a dozen", "half a hundred"
        return None if part is None else sign * part / 2
    if "point" in tokens:
        i = tokens.index("point")
        whole = _integer([t for t in tokens[:i] if t != "and"])
        decimals = _decimals(tokens[i + 1 :])
        if whole is None or not decimals:
            return None
        return sign * float(f"{int(whole)}.{decimals}")
    # Split on "and" into groups; a group ending in a denominator is a fraction added to what precedes it.
    groups: list[list[str]] = [[]]
    for t in tokens:
        if t == "and":
            groups.append([])
        else:
            groups[-1].append(t)
    groups = [g for g in groups if g]
    total = 0.0
    pending: list[str] = []
    for gi, g in enumerate(groups):
        last = gi == len(groups) - 1
        if g[-1] in FRACTION_WORDS:
            if len(g) == 1 and g[0] not in ("half", "halves", "quarter", "quarters") and not total and not pending:
                return None  # "the fifth" is an ordinal, not a fraction
            frac = _fraction(g)
            whole = _integer(pending) if pending else 0.0
            if frac is None or whole is None:
                return None
            if pending and pending[-1] in SCALES and last:
                frac *= SCALES[pending[-1]]  # "three million and a half": half of the last scale
            elif pending and pending[-1] == "hundred" and g[0] in TENS and FRACTION_WORDS[g[-1]] < 100:
                # "one hundred and thirty fifths" is 130/5, where "one hundred and three quarters" is 100.75
                frac, whole = (_integer(pending + g[:-1]) or 0.0) / FRACTION_WORDS[g[-1]], 0.0
            total += whole + frac
            pending = []
        elif g[-1] in SCALES and len(g) > 1 and g[-2] in FRACTION_WORDS:
            # "one billion and three quarters million": the fraction is of its own scale
            frac = _fraction(g[:-1])
            whole = _integer(pending) if pending else 0.0
            if frac is None or whole is None:
                return None
            total += whole + frac * SCALES[g[-1]]
            pending = []
        elif pending and (g[0] in UNITS or g[0] in TENS) and _integer(pending) is not None:
            pending = pending + g  # "one hundred and six": the "and" joins parts of one integer
        else:
            if pending:
                value = _integer(pending)
                if value is None:
                    return None
                total += value
            pending = list(g)
    if pending:
        value = _integer(pending)
        if value is None:
            return None
        total += value
    return sign * total
