"""Recognizer cases as data (tests/cases/recognizers.yaml), and properties: they never crash on any text."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import recognize
from factcheck.engine.expr import ExpressionError, evaluate, parse
from factcheck.normalize.intervals import Interval, apply_hedge, rounding_halfwidth

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "recognizers.yaml").read_text(encoding="utf-8"))


def _flat(m) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"text": m.text, "kind": m.kind, **m.value.model_dump()}


def _matches(expected: dict[str, object], got: dict[str, object]) -> bool:
    for k, v in expected.items():
        g = got.get(k)
        if isinstance(v, str) and isinstance(g, float | int):
            v = float(v)  # YAML reads 24.5e9 as a string
        if isinstance(v, float | int) and not isinstance(v, bool) and isinstance(g, float | int):
            if not math.isclose(float(v), float(g), rel_tol=1e-6, abs_tol=1e-6):
                return False
        elif isinstance(v, dt.date) and isinstance(g, dt.date):
            if v != g:
                return False
        elif g != v:
            return False
    return True


def _run(family: str, case: dict[str, object]) -> None:
    kinds = {"numbers": {"money", "quantity", "percent"}, "dates": {"date"}, "roles": {"role"},
             "organizations": {"organization"}}[family]
    published = case.get("published")
    got = [_flat(m) for m in recognize(str(case["text"]), published) if m.kind in kinds]  # type: ignore[arg-type]
    expected = case["expect"]
    assert isinstance(expected, list)
    if not expected:
        assert got == [], got
    for e in expected:
        assert any(_matches(e, g) for g in got), f"{e} not in {got}"


@pytest.mark.parametrize("case", CASES["numbers"], ids=lambda c: c["text"][:40])
def test_numbers(case: dict[str, object]) -> None:
    _run("numbers", case)


@pytest.mark.parametrize("case", CASES["dates"], ids=lambda c: c["text"][:40])
def test_dates(case: dict[str, object]) -> None:
    _run("dates", case)


@pytest.mark.parametrize("case", CASES["roles"], ids=lambda c: c["text"][:40])
def test_roles(case: dict[str, object]) -> None:
    _run("roles", case)


@pytest.mark.parametrize("case", CASES["organizations"], ids=lambda c: c["text"][:40])
def test_organizations(case: dict[str, object]) -> None:
    _run("organizations", case)


@pytest.mark.parametrize(("text", "label"), [
    ("at the end of 2022", "September–December 2022"), ("the third quarter of 2021", "Q3 2021"),
    ("March 2023", "March 2023"), ("the second half of 2024", "H2 2024"), ("2019", "2019")])
def test_a_period_is_described_as_read(text: str, label: str) -> None:
    from factcheck.normalize.dates import describe

    dates = [m for m in recognize(text, dt.date(2025, 1, 1)) if m.kind == "date"]
    assert [describe(m.value) for m in dates] == [label]  # type: ignore[arg-type]


def test_offsets_point_into_the_text() -> None:
    text = "Acme, valued at $29 billion in 2024, cut about 700 jobs; CEO Jane Roe said."
    for m in recognize(text):
        assert text[m.start : m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_recognize_never_crashes(text: str) -> None:
    for m in recognize(text, dt.date(2025, 6, 20)):
        assert 0 <= m.start <= m.end <= len(text)


NEWSY = st.lists(st.sampled_from(["$", "€", "14.3", "6,800", "bn", " billion", " about ", "%", " percent", "over ",
                                  "CEO ", "Jane Roe", " in 2024", "Q3 ", "last year", ", ", "-", "(", ")", "nearly ",
                                  "Acme", "'s", " 200 ", "a dozen", " to ", "between ", " and "]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_recognize_never_crashes_on_newsy_text(parts: list[str]) -> None:
    text = "".join(parts)
    for m in recognize(text):
        assert text[m.start : m.end] == m.text
        v = m.value
        if v.type == "number":
            assert v.low is None or v.high is None or v.low <= v.high


DATEY = st.lists(st.sampled_from([" from ", " between ", " the ", " ninth", " and ", " to ", " of ", "April", "May",
                                  " 4", "-", "22", ", 1995", " two thousand and eighteen", " last", " week", " year",
                                  " market", " Friday", " within", " next", " 3", " days", " after", " Christmas",
                                  " early", " mid-", "November", " end", " quarter", " in", " 2019", " said", ".",
                                  " the rest of", " this", "Q3", " fiscal"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(DATEY, st.integers(min_value=0, max_value=200))
def test_date_guard_finds_what_the_bare_pattern_finds(parts: list[str], filler: int) -> None:
    """The date pattern starts with a guard derived from it; that must never change what it finds."""
    import re

    from factcheck.recognizers.dates import BODY, FLAGS, PATTERN

    text = "".join(parts) + " word" * filler + "".join(reversed(parts))
    bare = re.compile(BODY, FLAGS)
    assert [m.span() for m in PATTERN.finditer(text)] == [m.span() for m in bare.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(DATEY, st.lists(st.sampled_from(
    ["\u212a", "\u017f", "\u0131", "\u0130", "\u00a0", "\u2019", "é", "\u2014", "x", "s", "'", "1", " ", "Dec", "the",
     "ago", "ſept", "\u212aelvin"]), max_size=6)), max_size=5))
def test_date_finder_finds_what_the_whole_pattern_finds(chunks: list[list[str]]) -> None:
    """Dates are found by trying at each place only the branches that can start with the word there; that must
    find what the whole pattern finds, letters outside ASCII and all."""
    from factcheck.recognizers.dates import FINDER, PATTERN

    text = "".join(part for chunk in chunks for part in chunk)
    found = [(m.span(), {k: v for k, v in m.groupdict().items() if v is not None}) for m in FINDER.finditer(text)]
    assert found == [(m.span(), {k: v for k, v in m.groupdict().items() if v is not None})
                     for m in PATTERN.finditer(text)]


@pytest.mark.parametrize("text", ["Dec\u212a 2019", "the day after", "ſeptember 2019 and \u212a", "Thursday’s 4 May",
                                  "in 2019\u00a0and May", "'90s", "FY2020 and Q3 2021", ""])
def test_date_finder_on_letters_outside_ascii(text: str) -> None:
    from factcheck.recognizers.dates import FINDER, PATTERN

    assert [(m.span(), m.group()) for m in FINDER.finditer(text)] == [(m.span(), m.group())
                                                                     for m in PATTERN.finditer(text)]


MONEYISH = st.lists(st.sampled_from(["$", "US$", "U.S.$", "USD", "usd ", "HK$", "Rs.", "€", "-", "−", "minus", "Minus",
                                     "negative", " ", "  ", " " * 16, "\n", "\t", "5", "14.3", ".5", "6,800", "A4",
                                     "bn", "%", "word", "x", "10^3", "to", " million", "(", ","]), max_size=40)


@settings(max_examples=400, deadline=None)
@given(MONEYISH, st.integers(min_value=0, max_value=60), st.data())
def test_number_search_from_the_next_digit_finds_what_a_plain_search_finds(parts: list[str], filler: int,
                                                                         data: st.DataObject) -> None:
    """The number pattern is searched from a little before the next digit; that must never change its match."""
    from factcheck.recognizers.numbers import _search_main, grammar

    g = grammar()
    text = " word" * filler + "".join(parts)
    pos = data.draw(st.integers(0, len(text)))
    fast, plain = _search_main(g, text, pos), g.main.search(text, pos)
    assert (fast and (fast.span(), fast.groupdict())) == (plain and (plain.span(), plain.groupdict()))


@pytest.mark.parametrize("text", ["fell by minus" + " " * 20 + "5 points", "negative\n\n\n\n\n\n\n\n\n\n\n\n\n\n 3%",
                                  "a U.S.$ -5 loss", "USD $ 12bn", "model A4 and 7"])
def test_number_search_from_the_next_digit_on_long_prefixes(text: str) -> None:
    from factcheck.recognizers.numbers import _search_main, grammar

    g = grammar()
    for pos in range(len(text) + 1):
        fast, plain = _search_main(g, text, pos), g.main.search(text, pos)
        assert (fast and (fast.span(), fast.groupdict())) == (plain and (plain.span(), plain.groupdict())), pos


def test_stored_date_guard_is_the_current_patterns() -> None:
    """Runs read the date pattern's guard from `date_guard` rather than derive it; a stale one would only be
    ignored (and cost start-up time), so this says when to write it again."""
    from factcheck.recognizers import date_guard
    from factcheck.recognizers.dates import _BRANCHES, BODY, FLAGS, PATTERN, _body_digest
    from factcheck.text.patterns import Starts, branch_starts, start_guard

    assert _body_digest() == date_guard.BODY_SHA256, "run factcheck.recognizers.dates.write_guard() from a checkout"
    assert start_guard(BODY, FLAGS) == date_guard.GUARD
    assert [Starts.load(line) for line in date_guard.STARTS] == branch_starts(_BRANCHES, FLAGS)
    assert date_guard.GUARD in PATTERN.pattern


def test_compiled_pattern_is_stored_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored program gives the pattern `re.compile` gives; a damaged, foreign or unreadable store is compiled
    again (and replaced), never trusted."""
    import re

    from factcheck.recognizers.dates import FLAGS, PATTERN
    from factcheck.text import patterns

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = PATTERN.pattern
    fresh = re.compile(source, FLAGS)
    assert patterns.compile_stored(source, FLAGS) == fresh
    [stored] = (tmp_path / "factcheck" / "patterns").iterdir()
    good = stored.read_bytes()
    loads: list[bool] = []
    real_load = patterns._load
    monkeypatch.setattr(patterns, "_load", lambda *a: loads.append((p := real_load(*a)) is not None) or p)
    for damaged in (good, good[:-1] + bytes([good[-1] ^ 1]), good[: len(good) // 2], b"", good.replace(
            b"factcheck compiled pattern 1", b"factcheck compiled pattern 9")):
        stored.write_bytes(damaged)
        pattern = patterns.compile_stored(source, FLAGS)
        assert pattern == fresh and pattern.groupindex == fresh.groupindex
        assert pattern.search("Layoffs began in March 2024.").group() == "March 2024"  # type: ignore[union-attr]
        assert stored.read_bytes() == good  # replaced by a sound one
    assert loads == [True, False, False, False, False]
    stored.unlink()
    stored.parent.rmdir()
    stored.parent.write_text("")  # a store that cannot be made (a file where its folder goes): compiled, no error
    assert patterns.compile_stored(source, FLAGS) == fresh
    assert loads[-1] is False and stored.parent.read_text() == ""


@pytest.mark.parametrize(("pattern", "hits", "misses"), [
    (r"(?:jan(?:uary)?|the\s+(?:first|2nd))\s+\d+", ["Jan 3", "january 4", "the first 5"], ["janet", "then", "a"]),
    (r"(?:Q[1-4]|FY)\s?\d\d|'\d0s", ["Q3 24", "FY24", "'90s"], ["quarter", "fyi", "9"]),
    (r"mid-?\s*(?:june|july)", ["mid-june", "midjuly"], ["middle", "mi"]),
    (r"(?:the|a)\s+(?:first|\d+)\s+days?", ["the first day", "the\n12 days", "a 3 days"], ["the company", "a lot"]),
])
def test_start_guard_accepts_every_start_and_rejects_others(pattern: str, hits: list[str], misses: list[str]) -> None:
    import re

    from factcheck.text.patterns import start_guard

    guard = re.compile(start_guard(pattern, re.I), re.I)
    assert all(guard.match(h) for h in hits)
    assert not any(guard.match(m) for m in misses)


WORDS = st.lists(st.text(alphabet="abn .-", min_size=1, max_size=6).filter(str.strip), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(alphabet="abn .-\n", max_size=60))
def test_word_trie_matches_what_the_alternation_matches(words: list[str], text: str) -> None:
    """A trie of words finds what the words joined by "|", longest first, find (phrases: any whitespace)."""
    import re

    from factcheck.text.patterns import word_trie

    def ends(w: str) -> str:
        return r"(?![\w])" if w[-1].isalnum() else ""

    normal = {" ".join(w.split()) for w in words}
    plain = "|".join(r"\s+".join(map(re.escape, w.split())) + ends(w) for w in sorted(normal, key=len, reverse=True))
    trie = word_trie(words, ends)
    for flags in (0, re.I):
        assert [m.span() for m in re.finditer(f"(?:{trie})", text, flags)] == \
            [m.span() for m in re.finditer(f"(?:{plain})", text, flags)]


@pytest.mark.parametrize("pattern", [r"\w+ day", r"[^x]y", r"(?:[a-z])+ly"])
def test_start_guard_refuses_patterns_it_cannot_read(pattern: str) -> None:
    from factcheck.text.patterns import Unguardable, start_guard

    with pytest.raises(Unguardable):
        start_guard(pattern)


# Shapes the first-character guard must read: lookbehinds, optional and repeated leads, inline flags, classes,
# a top-level alternation, global flags; each with text that holds matches and near misses.
GUARDED_SHAPES = [(r"(?<![\w-])(?P<co>co-?)?(?:chief|ceo)s?(?![\w-])", re.I), (r"(?:(?i:ab)|(?-i:[A-Z]x))", 0),
                  (r"(?i:mr)\.?\s+[A-Z]\w+|\d+:\d\d", 0), (r"(?m)^[ \t]*[A-Z]+\b", 0), (r"x*y+z|(?:q|r)?s", 0),
                  (r"(?<![\w/.])(?P<neg>[-−]\s?)?\d+/\d+|[½¼]", 0)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcehifmoqrsxyzABCEMX -:.\n½/−", max_size=80))
def test_first_guard_finds_what_the_pattern_finds(text: str) -> None:
    """A pattern behind its first characters' lookahead finds exactly what it finds alone, at the same places."""
    from factcheck.recognizers import numbers
    from factcheck.recognizers.people import role_grammar
    from factcheck.text.patterns import first_guarded

    shapes = [*GUARDED_SHAPES, (role_grammar().role.pattern, re.I), (numbers._SPELLED.pattern, re.I)]
    for source, flags in shapes:
        text2 = text.replace("ce", "ceo ").replace("mr", "Mr. Mx ").replace("1", "co-chief 2 hours 3 minutes ")
        for t in (text, text2):
            assert [m.span() for m in re.finditer(first_guarded(source, flags), t, flags)] == \
                [m.span() for m in re.finditer(source, t, flags)], source


@pytest.mark.parametrize("pattern", [r"a?", r".x", r"[^x]y", r"(?:ab)*"])
def test_first_guard_refuses_patterns_it_cannot_read(pattern: str) -> None:
    """A pattern that may match nothing, or start with any character, has no first characters to test."""
    from factcheck.text.patterns import Unguardable, first_guarded

    with pytest.raises(Unguardable):
        first_guarded(pattern)


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@given(finite, finite, finite, finite)
def test_interval_arithmetic_contains_point_results(a: float, b: float, c: float, d: float) -> None:
    x, y = Interval(min(a, b), max(a, b)), Interval(min(c, d), max(c, d))
    for op, fn in (("+", lambda p, q: p + q), ("-", lambda p, q: p - q), ("*", lambda p, q: p * q)):
        r = fn(x, y)
        point = fn(x.low, y.high)
        assert r.low - 1e-6 * abs(point) - 1e-6 <= point <= r.high + 1e-6 * abs(point) + 1e-6, op


@given(st.floats(min_value=0.01, max_value=1e9), st.floats(min_value=0.01, max_value=1e9))
def test_division_contains_quotient(a: float, b: float) -> None:
    r = Interval(a, a) / Interval(b, b * 2)
    assert r.low <= a / b * (1 + 1e-9) and r.high >= a / (2 * b) * (1 - 1e-9)


@given(st.from_regex(r"[1-9]\d{0,6}(\.\d{1,3})?", fullmatch=True), st.sampled_from(
    ["around", "below", "just_over", "above", "at_least", "at_most", "under", "plus", None]))
def test_hedged_interval_contains_the_figure(digits: str, shape: str | None) -> None:
    v = float(digits)
    h = rounding_halfwidth(digits, 0.1)
    lo, hi = apply_hedge(v, v - h, v + h, shape, 0.1)
    assert lo <= v <= hi


@given(st.text(max_size=60))
def test_expression_parser_never_crashes(text: str) -> None:
    try:
        tree = parse(text)
    except ExpressionError:
        return
    with contextlib.suppress(ExpressionError, ZeroDivisionError, ValueError):
        evaluate(tree, {})


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1])), max_size=25)


@given(SPANS, SPANS)
def test_mentions_clear_of_spans_are_those_overlapping_none(items: list[tuple[int, int]],
                                                            spans: list[tuple[int, int]]) -> None:
    """The sorted sweep that drops mentions overlapping others keeps exactly what testing every pair keeps."""
    from factcheck.models import Mention, NameValue
    from factcheck.recognizers import _clear_of

    mentions = [Mention(kind="person", text="x", start=s, end=e, value=NameValue(name="x")) for s, e in items]
    expected = [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
    assert _clear_of(mentions, spans) == expected


@given(SPANS, st.integers(0, 75), st.integers(0, 12))
def test_spans_reach_is_the_furthest_end_of_the_overlapping_ones(spans: list[tuple[int, int]], start: int,
                                                                 width: int) -> None:
    from factcheck.text.spans import Spans

    end = start + width
    expected = max((e for s, e in spans if s < end and start < e), default=None)
    assert Spans(spans).reach(start, end) == expected


@given(SPANS, st.integers(0, 75), st.integers(0, 12))
def test_spans_overlapping_are_those_that_overlap(spans: list[tuple[int, int]], start: int, width: int) -> None:
    from factcheck.text.spans import Spans

    end = start + width
    expected = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    assert sorted(Spans(spans).overlapping(start, end)) == expected


@given(st.text(alphabet="ab1.+-@ \n/:w", max_size=60))
def test_an_address_starts_where_its_run_does_as_without_the_guard(text: str) -> None:
    """The web and e-mail address pattern looks behind so that a long run of address characters without "@" is not
    re-read from each of them; it covers what the pattern without that look-behind covers, except an address glued
    to the end of another ("a@b.c+d@e.f": the second)."""
    import re

    from factcheck.recognizers import _URL

    bare = [m.span() for m in re.compile(_URL.pattern.replace(r"(?<![\w.+-])", "", 1)).finditer(text)]
    covered = {i for m in _URL.finditer(text) for i in range(*m.span())}
    assert covered <= {i for span in bare for i in range(*span)}
    ends = {e for _, e in bare}
    assert all(s in ends for s, e in bare if not set(range(s, e)) <= covered)


FIGURE_PHRASES = st.lists(st.tuples(
    st.sampled_from(["", "between ", "from ", "rose from ", "up to ", "Acme's "]),
    st.sampled_from(["", "about ", "nearly ", "more than ", "roughly ", "the "]),
    st.sampled_from(["5", "200", "1.5", "$5", "6,800", "€2"]),
    st.sampled_from(["", " m", " to ", " and ", "-", " t"]),
    st.sampled_from(["", "7", "300", "$3"]),
    st.sampled_from(["", "%", " million", " m", " units", " bn"]),
).map("".join), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(FIGURE_PHRASES)
def test_a_figure_read_again_on_a_window_reads_as_on_the_whole_text(phrases: list[str]) -> None:
    """Re-reading a figure up to a point works on a window of the text before it, not a copy of all of it; what
    it reads must be what the whole text gives."""
    from unittest import mock

    from factcheck.recognizers import numbers

    text = "Sales were flat. " * 10 + " and ".join(phrases) + "."
    windowed = [(m.start, m.end, m.text, m.value) for m in numbers.recognize_numbers(text)]
    with mock.patch.object(numbers, "_BEFORE", 10**9):
        whole = [(m.start, m.end, m.text, m.value) for m in numbers.recognize_numbers(text)]
    assert windowed == whole


@pytest.mark.parametrize(("group", "branches"), [
    ("(?:a|b)", ["a", "b"]), ("(?:(?:x|y)z|[|]|\\||w)", ["(?:x|y)z", "[|]", "\\|", "w"]),
    ("(?:[]|]a|b)", ["[]|]a", "b"]), ("(?:[^]|]|c)", ["[^]|]", "c"]), ("(?:(?P<n>a|b))", ["(?P<n>a|b)"])])
def test_alternatives_splits_the_top_level_branches_only(group: str, branches: list[str]) -> None:
    from factcheck.text.patterns import alternatives

    assert alternatives(group) == branches


@pytest.mark.parametrize("group", ["a|b", "(?:a)|(b)", "(a|b)"])
def test_alternatives_refuses_what_is_not_one_alternation(group: str) -> None:
    from factcheck.text.patterns import alternatives

    with pytest.raises(ValueError):
        alternatives(group)


def test_alternatives_of_the_date_pattern_are_its_branches() -> None:
    import re

    from factcheck.recognizers.dates import _BRANCHES, FLAGS

    assert len(_BRANCHES) > 40
    for b in _BRANCHES:
        assert re.compile(b, FLAGS).groupindex  # each a whole pattern, each one named branch at least


UNIT_QUESTIONS = [("to", "USD", "USD"), ("to", "percent", "percentage_point"), ("to", "EUR", "USD"),
                  ("to", "year", "month"), ("/", "USD", "count"), ("/", "percent", "percent"), ("*", "USD", "percent"),
                  ("/", "USD", "USD"), ("*", "dimensionless", "dimensionless")]


def _units_answers() -> list[object]:
    from factcheck.normalize import units

    out: list[object] = []
    for op, a, b in UNIT_QUESTIONS:
        if op != "to":
            out.append(units.combine_units(op, a, b))
            continue
        try:
            out.append(units.conversion_factor(a, b))
        except ValueError as exc:
            out.append(str(exc))
    return out


def test_unit_answers_stored_on_disk_are_pints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pint's answers are kept on disk, so a later run asks pint nothing (its registry takes 0.13 s to build); a
    damaged or foreign store is read as empty and written again, never trusted; an unwritable one changes nothing."""
    from factcheck.normalize import units

    def fresh() -> None:
        units.conversion_factor.cache_clear()
        units.combine_units.cache_clear()
        monkeypatch.setattr(units, "_STORED", units._Stored())

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh()
    asked = _units_answers()
    [stored] = (tmp_path / "factcheck" / "units").iterdir()
    assert asked[0] == 1.0 and asked[2] == "cannot convert EUR to USD" and asked[5] == ("dimensionless", 1.0)

    def no_pint() -> None:
        raise AssertionError("pint was asked")

    real_registry = units.registry
    fresh()
    monkeypatch.setattr(units, "registry", no_pint)
    assert _units_answers() == asked  # all read back
    monkeypatch.setattr(units, "registry", real_registry)
    for damaged in ("", "{", "[1, 2]", '{"to\\tUSD\\tUSD": "x", "/\\tUSD\\tcount": 7, "to\\tyear\\tmonth": true}'):
        stored.write_text(damaged, encoding="utf-8")
        fresh()
        assert _units_answers() == asked
    blocked = tmp_path / "a-file"  # a cache home that cannot hold folders: nothing stored, pint asked each time
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    fresh()
    assert _units_answers() == asked
    assert blocked.read_text(encoding="utf-8") == ""


def test_date_finder_forgets_words_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.recognizers.dates import FINDER, PATTERN
    from factcheck.text import patterns

    monkeypatch.setattr(patterns, "MAX_KEYS", 3)
    monkeypatch.setattr(FINDER, "by_key", {})
    text = "In 2019, on Monday, internships and international internals from Dec 3 to Dec 9 the year before"
    for _ in range(2):
        assert [m.span() for m in FINDER.finditer(text)] == [m.span() for m in PATTERN.finditer(text)]
        assert len(FINDER.by_key) <= 3
