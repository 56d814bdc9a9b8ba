"""Numbers written in words: "two hundred and six", "fifty-two", "a dozen", "one and a half", "two thirds"."""

from __future__ import annotations

import re

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}
# Denominators of fractions, singular and plural ("a third", "two thirds", "a trillionth").
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
             "hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12}
FRACTION_WORDS = {**FRACTIONS, **{k + "s": v for k, v in FRACTIONS.items() if not k.endswith("f")}}

_WORDS = sorted({*UNITS, *TENS, *SCALES, "hundred", "dozen", "dozens", *FRACTION_WORDS}, key=len, reverse=True)
_W = "|".join(_WORDS)
# A run of number words, joined by spaces, hyphens, "and" and "point"; "a"/"an" may open it ("a dozen").
PATTERN = re.compile(
    rf"(?<![\w-])(?:(?:a|an|minus|negative)\s+)?(?:{_W})(?:(?:\s+|\s*-\s*)(?:and\s+(?:a\s+|an\s+)?|point\s+)?(?:{_W}))*"
    rf"(?!\w)",
    re.IGNORECASE,
)


def _integer(tokens: list[str]) -> float | None:
    """The value of integer words: "three hundred and two thousand" is 302,000."""
    total = current = 0.0
    seen = False
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
            total += (current or 1) * SCALES[t]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def words_value(text: str) -> float | None:
    """The number a run of number words names, or None when it names none ("a" alone, "and")."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    sign = 1.0
    if tokens and tokens[0] in ("minus", "negative"):
        sign, tokens = -1.0, tokens[1:]
    if not tokens or all(t in ("a", "an", "and") for t in tokens):
        return None
    if len(tokens) > 1 and tokens[-1] in SCALES and tokens[-2] in FRACTION_WORDS:
        # "half million", "a quarter billion", "three quarters billion"
        part = words_value(" ".join(tokens[:-1]))
        return None if part is None else sign * part * SCALES[tokens[-1]]
    if "point" in tokens:
        i = tokens.index("point")
        whole = _integer([t for t in tokens[:i] if t != "and"])
        decimals = ""
        for t in tokens[i + 1 :]:
            if t in UNITS and UNITS[t] < 10:
                decimals += str(UNITS[t])
            else:
                part = _integer([t])
                if part is None:
                    return None
                decimals += str(int(part))
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
    total = 0.0
    pending: list[str] = []
    for g in groups:
        if not g:
            continue
        if g[-1] in FRACTION_WORDS:
            denominator = float(FRACTION_WORDS[g[-1]])
            numerator = _integer(g[:-1]) if g[:-1] else 1.0
            if numerator is None:
                return None
            whole = _integer(pending) if pending else 0.0
            if whole is None:
                return None
            # "one hundred and three quarters": 100 + 3/4; "twenty-three fifths": 23/5.
            total += whole + numerator / denominator
            pending = []
        else:
            if pending and g and (g[0] in UNITS or g[0] in TENS) and _integer(pending) is not None:
                # "one hundred and six": the "and" joins parts of one integer.
                pending = pending + g
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
