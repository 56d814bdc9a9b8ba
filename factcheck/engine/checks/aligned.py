"""Figures two sources write in the same words but with different values (FC106).

"guided for sales of $4bn in 2023" against "expects sales of $5bn for 2023": no attribute in the vocabulary may
name the figure, and the two sentences may be worded apart, but the words next to each figure match, neither
source writes the other's figure anywhere, and the values differ beyond the rounding their digits allow. That is
the signature of an edited, mistyped or misremembered figure. Figures are indexed by the words next to them, so
no step compares every figure with every other.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ...claims.figures import FIGURE
from ...claims.measures import STOP, change_basis, singular
from ...models import Document, Figure, FigureDate, FigureNumber, Finding
from ...normalize.intervals import rounding_halfwidth
from ..corpus import Corpus, finding
from ..rules import Rule
from ..stories import Stories
from .values import one_dated


class Options(BaseModel):
    """near: words each side of a figure looked at; min_near: how many of them the two figures must share;
    min_sentence: share of the shorter sentence's words the two sentences must have in common; max_postings: a
    word next to more figures than this is too common to align figures by; max_ratio: figures further apart than
    this factor are taken for different quantities, not one quantity written two ways; max_per_figure: the most
    findings one figure takes part in (the best aligned), so a story reprinted a hundred times with one figure
    changed gives a hundred findings, not five thousand; max_documents: the other documents a figure is compared
    with (those sharing the most words next to figures), which keeps the cost linear in the corpus."""

    model_config = ConfigDict(extra="forbid")
    near: int = Field(6, ge=1, le=20)
    min_near: int = Field(1, ge=1)
    min_sentence: float = Field(0.1, ge=0, le=1)
    max_postings: int = Field(150, ge=10)
    max_ratio: float = Field(5.0, gt=1)
    max_per_figure: int = Field(3, ge=1)
    max_documents: int = Field(8, ge=1)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_NAMED = re.compile(r"[A-Z][\w-]*[ -]$")
_EXTRA_STOP = {"said", "says", "also", "about", "over", "under", "more", "less", "than", "into", "per", "been",
               "were", "are", "its", "their", "which", "while", "after", "before", "company", "company's", "firm",
               "group", "according",
               # words of time: when a figure was, not what it measures ("1.9 million recalled last year" and "2.25
               # million sold last year" share only their year)
               "year", "years", "month", "months", "week", "weeks", "day", "days", "today", "yesterday", "earlier",
               "later", "last", "this", "next", "ago"}
STORY = "(story)"  # the subject of a figure no company was found for
Number = tuple[float, float, bool]  # value, the half-width its digits allow, whether it is a date (ordinal days)


@dataclass(eq=False, slots=True)  # slots: a large corpus holds one per figure
class _Figure:
    figure: Figure
    minor: bool  # "two", "one of": a small number in words counts as written, but is not compared
    numbers: tuple[Number, ...]
    before: tuple[str, ...]  # not sets: a large corpus holds one of each per figure, and a set costs 5 times more
    after: tuple[str, ...]
    words: tuple[str, ...]  # the sentence's, each once
    # read once here, compared many times in `_best`; what is quick to read again from the figure is a property
    # instead (a large corpus holds millions of figures, and a field costs each 8 bytes)
    tallied: bool = field(init=False, default=False)  # next to a running tally's word ("death toll"): see prepare
    pos: int = field(init=False, default=-1)  # its place in the index's list of every figure

    @property
    def dated(self) -> tuple[date, date] | None:
        """The period a date written next to it gives."""
        c = self.figure
        explicit = c.as_of if c.as_of_source == "explicit" else None
        if explicit is None or explicit.start is None or explicit.end is None:
            return None
        return explicit.start, explicit.end

    @property
    def dim(self) -> tuple[str, ...]:
        """Its kind: a date of a granularity, or a number in a unit."""
        return _dim(self.figure)

    @property
    def named(self) -> bool:
        return _named(self.figure)

    @property
    def noun(self) -> str | None:
        return _noun(self.figure)

    @property
    def date_words(self) -> str:
        """A date's words, without "the", "on" and the like ("" for a number)."""
        return _date_words(self.figure.text) if self.numbers[0][2] else ""

    @property
    def bound(self) -> bool:
        """Whether it is a bound ("more than 2 million", "up to 18 inches"), not a figure."""
        v = self.figure.value
        return isinstance(v, FigureNumber) and (v.low is None) != (v.high is None)

    @property
    def place(self) -> tuple[str, int, int]:
        """Where it is written (a property, not a field: a large corpus holds one per figure)."""
        c = self.figure
        return c.document, c.line, c.column

    @property
    def near(self) -> set[str]:
        """The words either side."""
        return {*self.before, *self.after}


_SKIP = frozenset(STOP) | _EXTRA_STOP


def _words(text: str) -> list[str]:
    """The words that can say what a figure measures: not stop words, and not names ("Scale", "Meta's"), which
    say whose figure it is; capitalised acronyms ("EBITDA", "GAAP") are kept."""
    out = []
    for t in _WORD.findall(text):
        w = _TOKENS.get(t, "")
        if w == "":
            if len(_TOKENS) > 500_000:
                _TOKENS.clear()
            w = _TOKENS[t] = _word(t)
        if w is not None:
            out.append(w)
    return out


def _word(t: str) -> str | None:
    if t[0].isupper() and not t.isupper():
        return None
    w = t.lower().strip("'’")
    return w if len(w) > 2 and w not in _SKIP else None


# A token's word (or None), read once: a corpus repeats its tokens, and figures are read by the tens of thousands.
_TOKENS: dict[str, str | None] = {}


def _is_range(v: FigureNumber) -> bool:
    return v.hedge is None and v.high is not None and v.value is not None and v.low == v.value and v.high > v.low


def _numbers(c: Figure) -> tuple[Number, ...]:
    """The numbers a figure writes: a range's two bounds or the one figure, each with its digits' rounding."""
    v = c.value
    if isinstance(v, FigureDate):
        assert v.start is not None and v.end is not None
        return ((float(v.start.toordinal()), float(v.end.toordinal()), True),)
    assert v.value is not None
    if _is_range(v):
        return (v.value, 0.0, False), (v.high or v.value, 0.0, False)
    digits = _DIGITS.search(c.text)
    half = 0.0
    if digits:
        try:
            written = float(digits.group().replace(",", ""))
        except ValueError:
            written = 0.0
        if written:
            half = rounding_halfwidth(digits.group(), 0.1) * abs(v.value) / written
    return ((v.value, half, False),)


def _same(a: Number, b: Number) -> bool:
    """Two dates that meet, or two numbers one of which rounds to the other (half up: 1.75 is "1.8", 32,500 is
    not "32,000")."""
    if a[2] or b[2]:
        return a[2] == b[2] and a[0] <= b[1] and b[0] <= a[1]
    x, hx, y, hy = a[0], a[1], b[0], b[1]
    if abs(x - y) <= 1e-9 * max(1.0, abs(x)):
        return True
    return bool(hx and x - hx <= y < x + hx) or bool(hy and y - hy <= x < y + hy)


@lru_cache(maxsize=4096)
def _content(sentence: str) -> tuple[str, ...]:
    """A sentence's words, each once, shared by the figures it holds (a tuple: a fifth of a set's memory, and a
    large corpus holds one per sentence with a figure)."""
    return tuple(dict.fromkeys(_words(sentence)))


class _Pool:
    """The numbers a document writes (of one kind), sorted, so that "is this number written here" and "which
    figures write it" cost a bisection, not a scan. Held in one tuple, the keys, then the numbers, then the
    figures that write them: a large corpus holds a pool per document and kind, most of one or two numbers, for
    which three lists took three times the memory."""

    __slots__ = ("entries", "reach", "size")

    def __init__(self, found: list[tuple[Number, _Figure]]) -> None:
        found.sort(key=lambda e: e[0][0])  # stable: numbers of one key stay in the order they came
        self.size = len(found)
        self.entries: tuple[Any, ...] = (*[x[0] for x, _ in found], *[x for x, _ in found],
                                            *[f for _, f in found])
        self.reach = max((x[1] - x[0] if x[2] else x[1] for x, _ in found), default=0.0)  # widest half-width

    def _span(self, x: Number) -> tuple[int, int]:
        if x[2]:  # a date [start, end]: entries starting from `reach` days before it to its end
            lo, hi = x[0] - self.reach, x[1]
        else:
            span = max(self.reach, x[1]) + 1e-9 * max(1.0, abs(x[0]))
            lo, hi = x[0] - span, x[0] + span
        entries, n = self.entries, self.size
        return bisect.bisect_left(entries, lo, 0, n), bisect.bisect_right(entries, hi, 0, n)

    def near(self, x: Number) -> list[tuple[Number, _Figure]]:
        """The pool's numbers that may be the same as `x` (then tested with `_same`)."""
        i, j = self._span(x)
        n, entries = self.size, self.entries
        return list(zip(entries[n + i : n + j], entries[2 * n + i : 2 * n + j], strict=True))

    def has(self, x: Number) -> bool:
        i, j = self._span(x)
        n, entries = self.size, self.entries
        for k in range(n + i, n + j):  # noqa: SIM110 - a loop, not any(): run per figure and document near it
            if _same(x, entries[k]):
                return True
        return False


_EMPTY = _Pool([])
KEEP_AROUND = 100_000  # up to this many figures, the words next to each are read once, not twice (see _index)


def _written_in(f: _Figure, pool: tuple[Number, ...] | _Pool) -> bool:
    """Whether every number of `f` is written among `pool` (so `f` is the other source's figure too)."""
    if isinstance(pool, _Pool):
        for x in f.numbers:  # noqa: SIM110 - a loop, not all(), as in `_Pool.has`
            if not pool.has(x):
                return False
        return True
    return all(any(_same(x, y) for y in pool) for x in f.numbers)


def _dim(c: Figure) -> tuple[str, ...]:
    v = c.value
    # (a span of days, "late January", is another kind of date than a day, "Tuesday")
    dim = (("date", "days" if v.granularity == "day" and v.start != v.end else v.granularity)
           if isinstance(v, FigureDate) else ("number", v.unit))
    return _DIMS.setdefault(dim, dim)  # one tuple per kind, not one per figure


_DIMS: dict[tuple[str, ...], tuple[str, ...]] = {}
# (a figure joined to a change by "and" is one too: "increased by 19% and 38%")
_CHANGE_WORDS = re.compile(r"(?:\b(?:up|down|rose|fell|gained|lost|increased|decreased|dropped|jumped|climbed|"
                           r"declined|grew|shrank|plus|minus)\s+(?:by\s+)?|\b(?:increase|rise|growth|decline|gain|"
                           r"drop|fall|jump|decrease|change)\s+of\s+|[+−]\s*)"
                           r"(?:[$€£]?\d[\d.,]*\s*%?\s+(?:and|or)\s+)?$", re.I)


@lru_cache(maxsize=8192)  # a sentence's figures share its quote (few: a cache of quotes keeps them alive)
def _written_as_change(quote: str, text: str) -> bool:
    """Whether the figure is written as a change ("up 211", "fell 3%", "+1.6"), by the words just before it."""
    at = quote.find(text)
    return at > 0 and bool(_CHANGE_WORDS.search(quote, max(0, at - 40), at))


@lru_cache(maxsize=8192)
def _basis(quote: str, text: str) -> str | None:
    """What a change is measured against, by the words of its quote around it (see `change_basis`)."""
    at = quote.find(text)
    if at < 0:
        return None
    return change_basis(quote[max(0, at - 60) : at], quote[at + len(text) : at + len(text) + 60])


def _prepare(c: Figure, near: int, seen: dict[tuple[object, ...], tuple[object, ...]],
             around: Around | None = None) -> _Figure:
    """`c` read for comparison; `seen`: the tuples read so far, so that equal ones are held once (a story
    reprinted many times writes its figures next to the same words); `around`: `_around(c, near)` if read."""
    at, before, after = around or _around(c, near)
    words = _once(seen, _content(c.quote))  # one tuple for a sentence's figures, and for its reprints
    return _Figure(c, _minor(c, at), _once(seen, _numbers(c)), _once(seen, tuple(before)),
                   _once(seen, tuple(after)), words)


Around = tuple[int, list[str], list[str]]


def _around(c: Figure, near: int) -> Around:
    """Where the figure stands in its sentence (-1: not found), and the `near` words either side of it."""
    at = c.quote.find(c.text)
    if at < 0:
        return at, [], []
    # The words either side of the figure, read apart, so that "16-year-old" leaves "old" after "16-year".
    end = at + len(c.text)
    return at, _words(c.quote[:at])[-near:], _words(c.quote[end:])[:near]


def _minor(c: Figure, at: int) -> bool:
    """Weak figures count as written but are not compared: numbers in words ("two", "thousands of"), small bare
    counts ("1", "2"), and numbers that belong to a name ("Boeing 737", "Windows 11", "GPT 4")."""
    v = c.value
    return isinstance(v, FigureNumber) and bool(
        (not any(ch.isdigit() for ch in c.text) and (abs(v.value or 0) < 20 or c.text.lower().endswith("s")))
        or (v.unit == "count" and not v.noun and (abs(v.value or 0) < 2 or _NAMED.search(c.quote[:at] if at >= 0
                                                                                       else ""))))


T = TypeVar("T", bound=tuple[object, ...])


def _once(seen: dict[tuple[object, ...], tuple[object, ...]], t: T) -> T:
    """`t`, or the equal tuple seen before, so that it is held once."""
    return seen.setdefault(t, t)  # type: ignore[return-value]


def _relative(c: Figure) -> bool:
    return isinstance(c.value, FigureDate) and c.value.relative


@lru_cache(maxsize=16384)  # one string for each date written alike ("2023", "last year"): held once per figure
def _date_words(text: str) -> str:
    return " ".join(re.sub(r"^(?:the|on|in|of|at|by)\s+", "", text.lower().strip()).split())


@lru_cache(maxsize=4096)
def _year_left_out(a: str, b: str) -> bool:
    """One date is the other written with its year ("March" and "March 2025"): the one that leaves the year out
    does not say another."""
    if bool(_YEAR.search(a)) == bool(_YEAR.search(b)):
        return False
    return _without_year(a) == _without_year(b)


def _without_year(words: str) -> str:
    return " ".join(_YEAR.sub(" ", words).replace(",", " ").split())


def _bound_met(a: _Figure, b: _Figure, a_bound: bool) -> bool:
    """One figure is a bound ("more than 2 million", "up to 18 inches") that the other meets: they agree.
    `a_bound`: `a.bound`, read once by the caller."""
    if a_bound == b.bound:
        return False  # neither is a bound, or both are ("more than 100" and "more than 150" say different things)
    va, vb = a.figure.value, b.figure.value
    if not isinstance(va, FigureNumber) or not isinstance(vb, FigureNumber):
        return False
    inf = float("inf")
    la, ha = va.low if va.low is not None else -inf, va.high if va.high is not None else inf
    lb, hb = vb.low if vb.low is not None else -inf, vb.high if vb.high is not None else inf
    return la <= hb and lb <= ha


_NEW_LEVEL = re.compile(r"\b(?:rose|risen|rises|rising|climbed|grew|grown|increased|jumped|swelled|raised|revised|"
                        r"lowered|fell|fallen|dropped|declined|updated|upped|cut|reduced)\s+(?:\w+\s+){0,3}?to\s+"
                        r"(?:(?:about|around|roughly|some|nearly|almost|between|more\s+than|at\s+least)\s+)?$", re.I)


@lru_cache(maxsize=8192)
def _written_as_new_level(quote: str, text: str) -> bool:
    """Whether the figure is written as where something moved to ("its estimate rose to $250 billion")."""
    at = quote.find(text)
    return at > 0 and bool(_NEW_LEVEL.search(quote, max(0, at - 50), at))


def _tally_days_apart(a: _Figure, b: _Figure, published_a: date | None, published_b: date | None) -> bool:
    """A running tally ("the death toll rose above 11,000") in articles published on different days: a change."""
    return (a.tallied or b.tallied) and published_a is not None and published_b is not None \
        and published_a != published_b


def _long_before(a: tuple[date, date] | None, b: tuple[date, date] | None, published_a: date | None,
                 published_b: date | None) -> bool:
    """One figure is dated by a year at least two before the other's article, which dates it by no word (`dated`,
    `published`): "131 people died in 1977" in a story of 2025 is history, not what "132 people on board" of that
    story miscounts."""
    return _before(a, b, published_b) or _before(b, a, published_a)


def _before(a: tuple[date, date] | None, b: tuple[date, date] | None, published_b: date | None) -> bool:
    """`a` is dated by a year two or more before `b`'s article, or by a month (or a day) that ended more than a
    month before it ("up from 159,000 in August" against "added 72,000" in an article of 4 October), and `b` is
    dated by no word."""
    if a is None or b is not None or published_b is None:
        return False
    return a[1].year < published_b.year - 1 or ((a[1] - a[0]).days <= 31 and (published_b - a[1]).days > 31)


def _gap(x: Number, y: Number) -> float:
    """How far apart two values are, as a ratio (0 for equal ones; an infinite gap across zero or sign)."""
    if x[0] == y[0]:
        return 0.0
    if x[0] == 0 or y[0] == 0 or (x[0] > 0) != (y[0] > 0):
        return math.inf
    return abs(math.log(abs(x[0]) / abs(y[0])))


def _rivalled(c: _Figure, d: _Figure, ix: Index) -> bool:
    """Another figure of `c`'s sentence is much nearer `d` in value and as near in words, or another of `d`'s sentence
    is so to `c`: "134 people aboard, including 128 passengers" against "126 passengers" pairs 128 with 126, not 134.
    (An equal value is no rival: whether it writes the other's figure is the writers' test; nor is one only a little
    nearer: "from $208 million to $362 million" against "to $261 million" may be a range edited.)"""
    half = _gap(c.numbers[0], d.numbers[0]) / 2
    near = -1  # read only when a figure is near enough in value (most are not)
    for own, other in ((c, d), (d, c)):
        value = other.numbers[0]
        dim = None
        for x in ix.sentence(own):
            if x is own or not 0 < _gap(x.numbers[0], value) < half:
                continue
            if dim is None:
                dim = own.dim
            if x.dim != dim:
                continue
            if near < 0:
                near = _near(c, d)
            if _near(x, other) >= near:
                return True
    return False


def _different_times(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """Both figures are dated (`_Figure.dated`) by a date written next to them, and the periods do not meet: a
    change, not a clash."""
    if a is None or b is None:
        return False
    return a[1] < b[0] or b[1] < a[0]


@dataclass
class Index:
    """The figures of the documents that have one to align (see `_index`), by what each check step looks them up
    by."""

    all: dict[int, _Figure] = field(default_factory=dict)  # by position in the corpus's figures; see _index
    figures: dict[str, list[_Figure]] = field(default_factory=lambda: defaultdict(list))
    pools: dict[tuple[str, tuple[str, ...]], _Pool] = field(default_factory=dict)
    numbers: dict[str, _Pool] = field(default_factory=dict)  # dates apart
    # (kind of figure, word next to it) -> the figures of that kind with that word next to them, in corpus order;
    # a word next to more than `max_postings` figures is too common to align by and is left out
    postings: dict[tuple[tuple[str, ...], str], list[_Figure]] = field(default_factory=dict)
    # their positions and documents, read by slices (per figure compared, the figures next to its words by the
    # hundred); made as they are first read, by the process that matches (not the one that indexes, whose memory
    # peaks later in the run: made here, they would leave it 7 MB larger at 100,000 documents)
    posted: dict[tuple[tuple[str, ...], str], tuple[array[int], list[str]]] = field(default_factory=dict)
    docs: dict[str, Document] = field(default_factory=dict)  # by path: their text and publication date
    _named: dict[tuple[str, str], bool] = field(default_factory=dict)
    _stories: Stories = field(default_factory=lambda: Stories({}))
    _sentences: dict[tuple[str, int], list[_Figure]] = field(default_factory=dict)
    _crowded: dict[tuple[str, tuple[str, ...]], frozenset[str]] = field(default_factory=dict)

    def crowded(self, document: str, dim: tuple[str, ...]) -> frozenset[str]:
        """The words next to two or more of a document's figures of a kind that differ in value ("40 golds", "20
        golds", "14 golds"): there, that word alone tells no figure from another."""
        key = (document, dim)
        found = self._crowded.get(key)
        if found is None:
            if len(self._crowded) >= 4096:
                self._crowded.clear()
            values: dict[str, set[float]] = defaultdict(set)
            for x in self.figures.get(document, ()):
                if x.dim == dim and not x.minor:
                    for w in {*x.before, *x.after}:
                        values[w].add(x.numbers[0][0])
            found = self._crowded[key] = frozenset(w for w, v in values.items() if len(v) > 1)
        return found

    def sentence(self, f: _Figure) -> list[_Figure]:
        """The numbers of a figure's sentence that are compared (not dates, not small numbers in words)."""
        key = (f.figure.document, f.figure.sentence)
        found = self._sentences.get(key)
        if found is None:
            if len(self._sentences) >= 4096:  # a few thousand at most: a large corpus has millions of sentences
                self._sentences.clear()
            found = self._sentences[key] = [x for x in self.figures[key[0]] if x.figure.sentence == key[1]
                                            and not x.minor and not x.numbers[0][2]]
        return found

    def tells_apart(self, document: str, subject: str) -> bool:
        """Whether the document has figures of that subject of its own (so it tells it apart from its others)."""
        tail = " " + subject
        # (one written in full or by surname: "Shohei Ohtani" and "Ohtani")
        return any(x.figure.subject == subject or x.figure.subject.endswith(tail)
                   or subject.endswith(" " + x.figure.subject) for x in self.figures.get(document, ()))

    def published(self, document: str) -> date | None:
        doc = self.docs.get(document)
        return doc.published if doc is not None else None

    def one_story(self, a: str, b: str) -> bool:
        """Whether two documents tell of one story (see `stories.one_story`): a figure is aligned only with those
        of its story's documents."""
        return self._stories.one_story(a, b)

    def names(self, document: str, name: str) -> bool:
        """Whether the document writes this name anywhere ("the EC" in a story that also says "European Union")."""
        key = (document, name)
        if key not in self._named:
            doc = self.docs.get(document)
            text = doc.read_text() if doc is not None else ""
            # most names are not written at all: found so, with no pattern made for them
            self._named[key] = name in text and bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))
        return self._named[key]


def _index(figures: list[Figure], near: int, max_postings: int) -> Index:
    ix = Index()
    # what the first pass reads is kept for the second where it costs little (a large corpus indexes few documents)
    arounds: list[Around] | None = [] if len(figures) <= KEEP_AROUND else None
    posted = _postings(figures, near, max_postings, arounds)
    # Only the documents with a figure in a posting are indexed: a figure elsewhere has no word to be aligned by,
    # and no other figure is looked for in its document (a document is looked in when it shares such a word). On a
    # large corpus nearly every word is too common, and so nearly every document is left out (at 12,000 documents,
    # all but a few hundred).
    active = {figures[p].document for positions in posted.values() for p in positions}
    seen: dict[tuple[object, ...], tuple[object, ...]] = {}
    for pos, g in enumerate(figures):
        if g.document in active:
            f = _prepare(g, near, seen, arounds[pos] if arounds is not None else None)
            f.pos = pos
            ix.all[pos] = f
            ix.figures[g.document].append(f)
    ix.postings = {key: [ix.all[p] for p in positions] for key, positions in posted.items()}
    for doc, own in ix.figures.items():  # the pools, a document at a time: what is held meanwhile is one's
        by_dim: dict[tuple[str, ...], list[tuple[Number, _Figure]]] = defaultdict(list)
        numbers: list[tuple[Number, _Figure]] = []
        for f in own:
            by_dim[f.dim] += [(x, f) for x in f.numbers]
            if not f.numbers[0][2]:
                numbers += [(x, f) for x in f.numbers]
        for dim, found in by_dim.items():
            ix.pools[(doc, dim)] = _Pool(found)
        if numbers:
            ix.numbers[doc] = _Pool(numbers)
    return ix


def _postings(figures: list[Figure], near: int, max_postings: int,
              arounds: list[Around] | None) -> dict[tuple[tuple[str, ...], str], array[int]]:
    """(kind of figure, word next to it) -> the positions of the figures compared (not minor) of that kind with that
    word next to them, in corpus order. A word is dropped as soon as it is next to more than `max_postings`
    figures: it is too common to align by (on a large corpus, nearly every word), and was held only to be
    skipped. `arounds`, if given, gets each figure's `_around`."""
    out: dict[tuple[tuple[str, ...], str], array[int]] = {}
    common: set[tuple[tuple[str, ...], str]] = set()
    for pos, g in enumerate(figures):
        at, before, after = around = _around(g, near)
        if arounds is not None:
            arounds.append(around)
        if _minor(g, at):
            continue
        dim = _dim(g)
        for w in {*before, *after}:
            key = (dim, w)
            if key in common:
                continue
            positions = out.get(key)
            if positions is None:
                positions = out[key] = array("q")
            positions.append(pos)
            if len(positions) > max_postings:
                del out[key]
                common.add(key)
    return out


# Figures (by position) that stand against others, each with those others (by position) and the words they share
Matched = list[tuple[int, list[tuple[int, list[str]]]]]


def prepare(opts: Options, figures: list[Figure], docs: dict[str, Document], tally_words: frozenset[str]) -> Index:
    """Every figure indexed by the words next to it; what `match` and `select` read."""
    ix = _index(figures, opts.near, opts.max_postings)
    ix.docs = docs
    ix._stories = Stories(docs)
    for f in ix.all.values():
        f.tallied = not (tally_words.isdisjoint(f.before) and tally_words.isdisjoint(f.after))
    return ix


def compared(ix: Index) -> list[int]:
    """The positions of the figures that are compared (a number in words counts as written but is not)."""
    return [f.pos for figs in ix.figures.values() for f in figs if not f.minor]


def match(ix: Index, opts: Options, positions: list[int]) -> Matched:
    """The figures among `positions` that stand against others, each with those others: a pure function of the
    index, so that chunks of figures can be matched in parallel processes and give what one process gives. Only
    those that match are listed: on a large corpus nearly every figure matches none, and an empty list for each
    would be a tenth of the index."""
    out = []
    for pos in positions:
        found = _matches(ix.all[pos], ix, opts)
        if found:
            out.append((pos, [(d.pos, shared) for d, shared in found]))
    return out


def select(rule: Rule, corpus: Corpus, figures: list[Figure] | dict[int, Figure], opts: Options,
           matched: Matched) -> Iterator[Finding]:
    """The findings, figure by figure in corpus order (`matched`, as `match` gives it), each pair once and each
    figure in at most `max_per_figure` of them. `figures`: those the index was prepared from, by position (all, or
    at least those `matched` names), so that the index can be let go once the figures are matched."""
    seen: set[tuple[int, int]] = set()
    taken: dict[int, int] = defaultdict(int)
    for pos, found in matched:
        for other, shared in found:
            key = (min(pos, other), max(pos, other))
            if key in seen or taken[pos] >= opts.max_per_figure or taken[other] >= opts.max_per_figure:
                continue
            seen.add(key)
            taken[pos] += 1
            taken[other] += 1
            yield _finding(rule, corpus, figures[pos].numbered(pos), figures[other].numbered(other), shared)


def run(rule: Rule, opts: Options, corpus: Corpus) -> Iterator[Finding]:
    ix = prepare(opts, corpus.figures, corpus.docs, corpus.vocab.tally_words)
    found = match(ix, opts, compared(ix))
    del ix
    yield from select(rule, corpus, corpus.figures, opts, found)


def _matches(c: _Figure, ix: Index, opts: Options) -> list[tuple[_Figure, list[str]]]:
    """The other sources' figures `c` stands against, best aligned first, at most `max_per_figure`."""
    probe = _probe(c, ix)
    if probe is None:
        return []
    doc = c.figure.document
    postings, posted_at = ix.postings, ix.posted
    own = ix.figures[doc]
    # A document's figures stand together in corpus order: in each posting they are skipped by bisection.
    lo, hi = own[0].pos, own[-1].pos + 1
    together = hi - lo == len(own)
    # Each other document's figures next to the same words (a figure once per word it shares), word by word.
    found: list[_Figure] = []
    where: list[str] = []  # their documents
    dim = c.dim
    for w in sorted(c.near):
        posted = postings.get((dim, w))
        if posted is not None:
            read = posted_at.get((dim, w))
            if read is None:
                read = posted_at[(dim, w)] = (array("q", [f.pos for f in posted]), [f.figure.document for f in posted])
            at, docs = read
            if together:
                i, j = bisect.bisect_left(at, lo), bisect.bisect_left(at, hi)
                found += posted[:i]
                found += posted[j:]
                where += docs[:i]
                where += docs[j:]
            else:
                found += posted
                where += docs
    hits = Counter(where)
    hits.pop(doc, None)
    # Only the documents sharing the most words next to figures of this kind are looked at, so each figure
    # costs the same in a corpus of ten documents or of a hundred thousand.
    # (Most first, then by path: a stable sort by count, descending, of the paths in order.)
    nearest = sorted(sorted(hits), key=hits.__getitem__, reverse=True)[: opts.max_documents]
    # Those that do not write this figure themselves, with their figures next to its words.
    chosen: dict[str, list[_Figure]] = {other: [] for other in sorted(nearest)
                                        if ix.one_story(doc, other)
                                        and not _written_in(c, ix.pools.get((other, dim), _EMPTY))}
    for d in itertools.compress(found, map(chosen.__contains__, where)):
        chosen[d.figure.document].append(d)
    pairs: list[tuple[float, tuple[str, int, int], _Figure, list[str]]] = []
    for figures in chosen.values():
        best = _best(c, probe, list({id(d): d for d in figures}.values()), ix.pools.get((doc, dim), _EMPTY), ix,
                     opts)
        if best is not None:
            pairs.append((-best[0], best[1].place, best[1], best[2]))
    pairs.sort(key=lambda p: (p[0], p[1]))
    return [(d, shared) for _, _, d, shared in pairs[: opts.max_per_figure]]


@lru_cache(maxsize=16384)
def _distinctive(text: str) -> bool:
    """Whether a figure's digits are three significant ones or more ("33.7%", "412", not "5%" or "7,500")."""
    digits = _DIGITS.search(text)
    return digits is not None and len(digits.group().replace(",", "").replace(".", "").strip("0")) >= 3


def _anchored(c: _Figure, d: _Figure, ix: Index) -> bool:
    """Two dates are one period written two ways only if another figure of the one's sentence is written in the
    other source too ("$1.30 to $1.40 for Q4 2020" and "$1.30 to $1.40 for the fourth quarter of 2019"); dates
    alone are too often different periods described alike ("in 2019 the charity served 3,000 meals" and "in 2023
    the charity served 4,200 meals"). A date alone in its sentence needs two of its neighbouring words matched."""
    # the figures of its sentence, read from its document's (a few dozen), not kept by sentence: a large corpus
    # would hold a list per sentence
    sentence = c.figure.sentence
    others = [x for x in ix.figures[c.figure.document] if x.figure.sentence == sentence and not x.numbers[0][2]
              and not x.minor]
    if not others:  # "not deemed a threat until 1987, after an outbreak": the words must match closely
        return _near(c, d) >= 2
    theirs = ix.numbers.get(d.figure.document)
    return theirs is not None and any(_written_in(x, theirs) for x in others)


# Dates further apart than this (in days), their years written with more than one digit apart, are other periods,
# not one mistyped ("since 1993" and "by 2029-30"; "until 1987" may be a mistyped "until 1997")
_FAR_DAYS = 3 * 366
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")


def _years_apart(a: str, b: str, x: float, y: float) -> bool:
    """Whether two dates (written `a` and `b`, starting on ordinal days `x` and `y`) are other periods."""
    if abs(x - y) <= _FAR_DAYS:
        return False
    ya, yb = _YEAR.search(a), _YEAR.search(b)
    return ya is not None and yb is not None and sum(p != q for p, q in zip(ya.group(), yb.group(), strict=True)) > 1


def _inside(a: tuple[Number, ...], b: tuple[Number, ...]) -> bool:
    """Whether the one figure's number lies within the other's range (one of `a` and `b` is a range, of two)."""
    (point,), (low, high) = (a, b) if len(a) == 1 else (b, a)
    return not point[2] and low[0] <= point[0] <= high[0]


def _possessive(f: Figure) -> bool:
    """A figure written as a possessive ("Tuesday's debate", "Friday's close")."""
    return f"{f.text}'s" in f.quote or f"{f.text}’s" in f.quote


def _apart(x: float, y: float) -> bool:
    """Two numbers more than a quarter apart (of the larger)."""
    return abs(x - y) > 0.25 * max(abs(x), abs(y))


def _near(c: _Figure, d: _Figure) -> int:
    return len(set(c.before).intersection(d.before)) + len(set(c.after).intersection(d.after))


class _Probe(NamedTuple):
    """What `_best` reads of the figure it aligns, read once per figure rather than once per other document."""

    before: set[str]
    after: set[str]
    words: set[str]
    named: bool
    dated: tuple[date, date] | None
    bound: bool
    noun: str | None
    date_words: str
    change: bool
    basis: str | None
    published: date | None
    new_level: bool


def _probe(c: _Figure, ix: Index) -> _Probe | None:
    """`c` read for `_best`; None if it aligns with nothing ("after Tuesday's debate": the debate's day)."""
    a = c.figure
    is_date = c.numbers[0][2]
    if is_date and _possessive(a):
        return None
    change = not is_date and _written_as_change(a.quote, a.text)
    published = ix.published(a.document)
    return _Probe(set(c.before), set(c.after), set(c.words), c.named, c.dated, c.bound, c.noun, c.date_words, change,
                  _basis(a.quote, a.text) if change else None, published,
                  published is not None and _written_as_new_level(a.quote, a.text))


def _best(c: _Figure, p: _Probe, found: list[_Figure], own: _Pool, ix: Index,
          opts: Options) -> tuple[float, _Figure, list[str]] | None:
    """The other source's figure written in the words closest to `c`'s (read as `p`), if close enough."""
    scored: list[tuple[float, tuple[str, int, int], int, _Figure]] = []
    a = c.figure
    ranged = len(c.numbers) == 2
    before, after, words, named, dated, bound, noun, date_words, change, basis, published, new_level = p
    is_date, x = c.numbers[0][2], c.numbers[0][0]
    max_ratio = opts.max_ratio
    # The cheap tests first, on every candidate; those of single values before those of sets (a third of the
    # candidates of a corpus of reprints are values too far apart alone). All must pass: their order changes nothing.
    for d in found:
        b = d.figure
        if a.attribute != FIGURE and a.attribute == b.attribute and a.subject == b.subject \
                and not (ranged and len(d.numbers) == 2) \
                and not (a.open_attribute and one_dated(a.as_of_source, b.as_of_source)):
            # a claim of a named attribute: FC101 and FC105 compare those, with time and identity; but two stated
            # ranges that overlap agree there, while "2,400 to 2,500" is not what "2,400 to 2,600" says, and FC105
            # leaves a worded figure tied to a date and one tied to no time to be aligned here
            continue
        if not is_date:  # numbers of one sign and within `max_ratio` of each other (dates always compare)
            y = d.numbers[0][0]
            if x == 0 or y == 0:
                if not (x == y == 0 or max(abs(x), abs(y)) <= 1):
                    continue
            elif (x > 0) != (y > 0) or max(abs(x), abs(y)) / min(abs(x), abs(y)) > max_ratio:
                continue
        elif date_words == d.date_words or _year_left_out(date_words, d.date_words) \
                or _years_apart(a.text, b.text, x, d.numbers[0][0]) or (
                (_relative(a) or _relative(b)) and ix.published(a.document) != ix.published(b.document)):
            continue  # "today" and "Thursday", "the fourth quarter" and "Q4" read from different publication dates
            # may be one day or quarter; "Tomorrow" and "tomorrow" are the same words
        if ranged != (len(d.numbers) == 2) and _inside(c.numbers, d.numbers):
            continue  # "about 4.8%" within "4.75%-5%": a point of the range, not another figure
        shared_before, shared_after = before.intersection(d.before), after.intersection(d.after)
        near = len(shared_before) + len(shared_after)
        if near < opts.min_near or is_date and (near < 2 or _possessive(b)):
            # (two dates need two words in common, and one that names another thing's time, "after Tuesday's
            # debate", dates no figure)
            continue
        # (not a quarter read as a number in an undated document: "higher than Q1" against "lower than Q2")
        if near == 1 and c.dim[0] == "number" and not c.dim[1].endswith("of the year") \
                and _apart(x, d.numbers[0][0]) \
                and (shared_before or shared_after) <= ix.crowded(a.document, c.dim) \
                and (shared_before or shared_after) <= ix.crowded(b.document, c.dim):
            # "medals" next to several figures in each source: the one word aligns none of them with one far off in
            # value ("65 medals" and "126 medals"; one near, "revenues ... 19%" and "18%", may be a figure edited)
            continue
        if named and d.named and a.attribute != b.attribute or _kinds_differ(a.attribute, b.attribute) \
                or near < 2 and _measures_differ(a.attribute, b.attribute, c.words, d.words):
            continue  # two different measures ("layoffs" and "headcount"; "core inflation" and "inflation")
        if a.subject != b.subject and a.subject != STORY and b.subject != STORY \
                and (not (ix.names(a.document, b.subject) or ix.names(b.document, a.subject))
                     or ix.tells_apart(a.document, b.subject) or ix.tells_apart(b.document, a.subject)):
            # two companies' figures ("Meta's ad sales", "Alphabet's ad sales"), unless a source names both, when
            # they may be one body written two ways ("the EC", "the executive of the European Union"); not when
            # a source gives figures of both (the Dow's and the Nasdaq's points)
            continue
        other = ix.published(b.document)
        if _different_times(dated, d.dated) or _tally_days_apart(c, d, published, other) \
                or _bound_met(c, d, bound) or _long_before(dated, d.dated, published, other):
            continue
        if published is not None and other is not None and other != published \
                and (new_level or _written_as_new_level(b.quote, b.text)):
            continue  # an article of another day writing its figure as where something moved to: an update
        sentence = len(words.intersection(d.words)) / max(1, min(len(c.words), len(d.words)))
        if sentence < opts.min_sentence:
            continue
        # (read from the quotes: after the tests above, which leave few candidates)
        if not is_date and change != _written_as_change(b.quote, b.text):
            continue  # "(up 211)" is a change, "a majority of 170" a level
        if change and basis is not None and _basis(b.quote, b.text) not in (None, basis):
            continue  # "rose 0.3% on a monthly basis" and "up 2.6% from a year earlier"
        close = 2.0 if _close(c, d) else 0.0
        same_noun = 1.0 if noun == d.noun else 0.0
        scored.append((-(near + 3 * sentence + close + same_noun), d.place, near, d))
    scored.sort(key=lambda t: (t[0], t[1]))
    for negative, _, near, d in scored:  # then the costly ones, best aligned first
        if c.numbers[0][2] and not _anchored(c, d, ix):
            continue
        # `c`'s source writes `d`'s figure too, next to some of `d`'s words (for a date, anywhere: one sentence
        # often names several periods): `c` does not stand for it
        # (for a number of three significant digits or more, anywhere too: "33.7%" is not written by chance)
        least = 0 if d.numbers[0][2] or _distinctive(d.figure.text) else min(near, 1)
        writers = {id(x): x for y, x in own.near(d.numbers[0])
                   if x is not None and x is not c and _same(d.numbers[0], y)}
        if any(_near(x, d) >= least and _written_in(d, x.numbers) for x in writers.values()):
            continue
        if not c.numbers[0][2] and _rivalled(c, d, ix):
            continue
        return -negative, d, sorted(before.intersection(d.before) | after.intersection(d.after))
    return None


# Words that make a measure another one: "core inflation" is not inflation, "adjusted EPS" not EPS.
_KINDS = frozenset({"core", "adjusted", "organic", "underlying", "diluted", "basic", "gross", "net", "operating",
                    "comparable", "headline"})


@lru_cache(maxsize=4096)
def _kinds_differ(a: str, b: str) -> bool:
    """Two measures read from the words (not a bare figure) that only such a word sets apart."""
    if a == b or FIGURE in (a, b):
        return False
    wa, wb = set(a.replace("_", " ").split()), set(b.replace("_", " ").split())
    ka, kb = _KINDS.intersection(wa), _KINDS.intersection(wb)
    # one measure but for such a word: a misread other measure ("company guided") is not set apart by it
    return ka != kb and (wa - ka <= wb - kb or wb - kb <= wa - ka)


# Words of one measure ("priced from $799" and "will cost $829")
_SAME_MEASURE = {"cost": "price", "priced": "price", "pricing": "price", "costing": "price",
                 "income": "profit", "earning": "profit", "sale": "revenue", "turnover": "revenue",
                 "contract": "deal", "agreement": "deal",
                 "employee": "worker", "staff": "worker", "job": "worker", "people": "worker", "death": "killed",
                 "dead": "killed", "died": "killed", "fatality": "killed"}


_GENERIC = frozenset({"people", "person", "worker", "other", "change", "year", "over", "month", "quarter", "week",
                      "annual", "yearly", "monthly", "quarterly"})


@lru_cache(maxsize=16384)
def _measure_word(w: str) -> str:
    w = singular(w)
    return _SAME_MEASURE.get(w, w)


@lru_cache(maxsize=4096)
def _measure_words(attribute: str) -> frozenset[str]:
    """The words of what a figure was read to measure ("commons majority (iphone)" is commons, majority), singular."""
    return frozenset(_measure_word(w) for w in re.findall(r"[a-z]+", attribute.lower()) if len(w) > 2)


def _measures_differ(a: str, b: str, words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """Two figures read as measures with no word in common ("seat" and "majority"), or one read as a measure some
    of whose words the other's sentence (`words_a`, `words_b`: each figure's) never uses ("turnout was 60%" and
    "the Conservatives took 23.7%"): other quantities, however alike their sentences."""
    if a == b:
        return False
    if a != FIGURE and b != FIGURE:
        wa, wb = _measure_words(a), _measure_words(b)
        # (people counted, or a change, are no measure: "people killed" and "people injured" are two, "composite
        # change" and "share change" too)
        return wa.isdisjoint(wb) or bool(wa - _GENERIC and wb - _GENERIC) and (wa - _GENERIC).isdisjoint(wb - _GENERIC)
    named, other = (a, words_b) if a != FIGURE else (b, words_a)
    ws = _measure_words(named) - _GENERIC
    # (every word of the measure: "vehicle delivered" is not what "416,800 Model 3 and Model Y vehicles" made)
    return bool(ws) and not ws.issubset({_measure_word(w) for w in other})


def _named(c: Figure) -> bool:
    """A figure read as an attribute of the vocabulary (not one inferred from its wording)."""
    return c.attribute != FIGURE and not c.open_attribute


def _noun(c: Figure) -> str | None:
    return c.value.noun if isinstance(c.value, FigureNumber) else None


def _close(c: _Figure, d: _Figure) -> bool:
    """Values of one order of magnitude (a mistyped "$4bn" for "$5bn" rather than another figure)."""
    x, y = abs(c.numbers[0][0]), abs(d.numbers[0][0])
    return not c.numbers[0][2] and bool(x and y) and 0.5 <= x / y <= 2


def _finding(rule: Rule, corpus: Corpus, c: Figure, d: Figure, shared: list[str]) -> Finding:
    a, b = sorted((c, d), key=lambda x: (x.document, x.line, x.column))
    # the claim a figure became, or the figure as a claim: made only for the figures a finding cites
    cited = [(corpus.by_id.get(x.relates) if x.relates else None) or x.claim() for x in (a, b)]
    subject = next((x.subject for x in (a, b) if x.subject != STORY), STORY)
    attribute = next((x.attribute for x in (a, b) if x.attribute != FIGURE), "figure")
    words = ", ".join(f'"{w}"' for w in shared[:5])
    msg = (f'{corpus.short(a.document)}:{a.line} writes "{a.text}" where {corpus.short(b.document)}:{b.line} '
           f'writes "{b.text}", next to the same words ({words}); neither source writes the other\'s figure. '
           f"One of them may be mistyped, edited or out of date.")
    return finding(rule, subject, attribute, msg, claims=cited, corpus=corpus,
                   summary=f'"{a.text}" vs "{b.text}" in matching wording ({words})', shared_words=shared)



