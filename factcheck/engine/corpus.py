"""What every check reads: the documents, their claims indexed by subject and attribute, and shared passages."""

from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any, NamedTuple

from ..display import normalized, short_paths
from ..models import Claim, ClaimsById, DateValue, Document, Figure, Finding, Location, NumberValue, share_records
from ..normalize import dates as nd
from ..normalize.intervals import INF, Interval
from ..normalize.units import format_value
from ..vocabulary import Vocabulary
from .passages import SharedPassage
from .rules import Rule
from .stories import Stories

# A message names this many documents at most, then says how many more: a value a story's hundred reprints write
# is read in a line, not a page (every place stays in the finding's locations).
MAX_NAMED = 6


def capped(items: list[str], sep: str, one: str, many: str) -> str:
    """`items` joined, the first MAX_NAMED of them, and how many more there are ("1 more copy", "2 more copies")."""
    rest = len(items) - MAX_NAMED
    return sep.join(items if rest <= 0 else [*items[:MAX_NAMED], f"{rest} more {one if rest == 1 else many}"])


@dataclass
class Corpus:
    """The article set as the rules see it."""

    documents: list[Document]
    claims: list[Claim]
    vocab: Vocabulary
    passages: list[SharedPassage] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)  # every figure written, claim or not (see claims/figures.py)
    by_id: ClaimsById = field(init=False)
    groups: dict[tuple[str, str], list[Claim]] = field(default_factory=dict)
    docs: dict[str, Document] = field(default_factory=dict)
    wires: dict[str, str] = field(default_factory=dict)
    _short: dict[str, str] = field(default_factory=dict)
    memo: dict[str, dict[object, object]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = ClaimsById(self.claims)
        self.docs = {d.path: d for d in self.documents}
        self.wires = {d.path: w for d in self.documents if (w := wire_credit(d.read_text()))}
        groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in self.claims:
            groups[(c.subject, c.attribute)].append(c)
        self.groups = dict(groups)
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            by_doc[c.document].append(c)
        self._by_doc = dict(by_doc)
        # Indexes built once, so that no check pays per call for what depends on the whole corpus.
        self._short = short_paths(self.docs)
        self._copied: dict[str, list[SharedPassage]] = defaultdict(list)
        for p in self.passages:
            self._copied[p.copy].append(p)
        self._roots: dict[tuple[str, int | None], str] = {}
        self._timings: dict[str, tuple[int, str]] = {}

    def claims_of(self, document: str) -> list[Claim]:
        """The claims one document makes."""
        return self._by_doc.get(document, [])

    def short(self, path: str) -> str:
        """A document's path as shown in messages (its file name when that is unambiguous)."""
        return self._short.get(path, path)

    def where(self, c: Claim) -> str:
        return f"{self.short(c.document)}:{c.line}"

    def places(self, claims: list[Claim]) -> str:
        """Where claims stand, a document once with its lines: "a.txt:1, 5, 31; b.txt:8" (past MAX_NAMED documents,
        "...; 12 more documents")."""
        lines: dict[str, set[int]] = {}
        for c in claims:
            lines.setdefault(c.document, set()).add(c.line)
        return capped([f"{self.short(d)}:{', '.join(map(str, sorted(ls)))}" for d, ls in sorted(lines.items())], "; ",
                     "document", "documents")

    def values(self, claims: list[Claim]) -> list[str]:
        """Claims grouped by normalized value: '"$25B", "$25 billion" ($24.5–25.5 billion) at a.txt:1, 2'."""
        groups: dict[str, list[Claim]] = {}
        for c in claims:
            groups.setdefault(normalized(c), []).append(c)
        out = []
        for norm, cs in groups.items():
            written = ", ".join(dict.fromkeys(f'"{c.text}"' for c in cs))
            out.append(f"{written} ({norm}) at {self.places(cs)}")
        return out

    @cached_property
    def stories(self) -> Stories:
        """Which documents tell one story (see `stories.Stories`)."""
        return Stories(self.docs)

    def same_time(self, a: Claim, b: Claim, timeless: bool = False) -> bool | None:
        """Whether two claims speak of the same time (None: unknown), with the vocabulary's implicit window (the
        narrower one of running tallies, when either claim is one)."""
        wa, spans = self._timing(a.attribute)
        wb = wa if b.attribute == a.attribute else self._timing(b.attribute)[0]
        return comparable_periods(a, b, timeless, min(wa, wb), spans)

    def _timing(self, attribute: str) -> tuple[int, str]:
        """An attribute's implicit window and whether it is measured over a span (`Vocabulary.window_days`,
        `over_span`), read once per attribute: `same_time` is asked for every pair a check compares."""
        found = self._timings.get(attribute)
        if found is None:
            found = self._timings[attribute] = (self.vocab.window_days(attribute), self.vocab.over_span(attribute))
        return found

    def independent(self, claims: list[Claim]) -> int:
        """How many independent sources back these claims (copies of one passage, or of one wire story, count once)."""
        return len({self.root_of(c.document, c.sentence) for c in claims})

    def root_of(self, doc: str, sentence: int | None = None) -> str:
        """Where a document's text (or one of its sentences) comes from: the original of a copied passage, the wire
        service a syndicated story credits, or the document itself."""
        key = (doc, sentence)
        if key in self._roots:
            return self._roots[key]
        root = None
        for p in self._copied.get(doc, ()):
            if sentence is None or sentence in p.copy_sentences:
                root = self.root_of(p.original)
                break
        if root is None:
            wire = self.wires.get(doc)
            root = f"wire:{wire}" if wire else doc
        self._roots[key] = root
        return root

    def copies(self, claims: list[Claim]) -> str:
        """Which of these claims' documents repeat which: "b.txt repeats a.txt, c.txt credits Reuters" (past
        MAX_NAMED, "..., 12 more copies")."""
        out = []
        for c in claims:
            root = self.root_of(c.document, c.sentence)
            if root != c.document:
                what = f"credits {root[5:]}" if root.startswith("wire:") else f"repeats {self.short(root)}"
                out.append(f"{self.short(c.document)} {what}")
        return capped(sorted(set(out)), ", ", "copy", "copies")


_WIRE = re.compile(
    r"\((?P<a>Reuters|AP|AFP|Bloomberg|dpa|Xinhua|PTI|ANI|IANS|UPI)\)\s*[-—–]"
    r"|(?:^|\n)\s*(?:By\s+)?(?P<b>Reuters|The Associated Press|Associated Press|AFP|Agence France-Presse)\s*$"
    r"|(?:Copyright|©)\s*\d{4}\s+(?P<c>The Associated Press|Reuters|Agence France-Presse|AFP)"
    r"|\b(?P<d>Reuters|The Associated Press|AFP) contributed to this report", re.M)
WIRE_NAMES = {"AP": "The Associated Press", "Associated Press": "The Associated Press", "Agence France-Presse": "AFP"}


# Every way of crediting a service names it: a text that names none (most) is not searched, which is a tenth of the
# time (the search tries each of _WIRE's ways at every character).
_WIRE_WORDS = ("Reuters", "AFP", "Associated Press", "Agence France-Presse", "(AP)", "(Bloomberg)", "(dpa)", "(Xinhua)",
               "(PTI)", "(ANI)", "(IANS)", "(UPI)")  # the short names only ever in a dateline's brackets


def _credited(window: str) -> re.Match[str] | None:
    return _WIRE.search(window) if any(w in window for w in _WIRE_WORDS) else None


def wire_credit(text: str) -> str | None:
    """The wire service a story credits as its source ("(Reuters) -", "Copyright 2025 The Associated Press")."""
    m = _credited(text[:3000]) or _credited(text[-1500:])
    if m is None:
        return None
    name = next(g for g in m.groups() if g)
    return WIRE_NAMES.get(name, name)


_INTERVALS: dict[int, tuple[Claim, Interval]] = {}


def value_interval(c: Claim) -> Interval:
    """A claim's value as an interval: numbers in their unit, dates as day ordinals (memoized per claim)."""
    hit = _INTERVALS.get(id(c))
    if hit is not None and hit[0] is c:
        return hit[1]
    iv = _interval(c)
    if len(_INTERVALS) > 200_000:
        _INTERVALS.clear()
    _INTERVALS[id(c)] = (c, iv)
    return iv


def _interval(c: Claim) -> Interval:
    v = c.value
    if isinstance(v, NumberValue):
        return Interval(-INF if v.low is None else v.low, INF if v.high is None else v.high, v.unit)
    if isinstance(v, DateValue) and v.start and v.end:
        return Interval(v.start.toordinal(), v.end.toordinal(), "day")
    return Interval(-INF, INF, "")


def describe(c: Claim) -> str:
    """A claim's value as written and normalized: '"$29 billion" ($28.5–29.5 billion)'."""
    v = c.value
    if isinstance(v, NumberValue):
        return f'"{c.text}" ({format_value(v.low, v.high, v.unit)})'
    if isinstance(v, DateValue):
        return f'"{c.text}" ({nd.describe(v)})'
    return f'"{v.name}"'  # type: ignore[union-attr]


def _period(c: Claim, window_days: int) -> tuple[date, date] | None:
    """A claim's period; one known only from the publication date is widened by the implicit window."""
    q = c.qualifiers
    if q.as_of is None or q.as_of.start is None or q.as_of.end is None:
        return None
    if q.as_of_source != "published":
        return q.as_of.start, q.as_of.end
    pad = timedelta(days=window_days)
    return q.as_of.start - pad, q.as_of.end + pad


def comparable_periods(a: Claim, b: Claim, timeless: bool = False, window_days: int = 90,
                       spans: str = "") -> bool | None:
    """True when two claims speak of overlapping periods, False when of disjoint ones (or, with `spans`, of spans
    of very different lengths; "daily": a figure with no date of its own spans its day of publication), None when
    unknown.

    A claim that names a period which cannot be placed ("in the last seven years" in an undated article) is not
    taken to speak of the same time as one that names none, nor as one naming a period of another length.
    """
    if timeless:
        return True
    ua, ub = _unplaced(a), _unplaced(b)
    if ua or ub:
        qa, qb = a.qualifiers.as_of, b.qualifiers.as_of
        same_kind = ua and ub and qa is not None and qb is not None and qa.granularity == qb.granularity
        return None if same_kind else False
    pa, pb = _period(a, window_days), _period(b, window_days)
    if pa is None or pb is None:
        return None
    if not (pa[0] <= pb[1] and pb[0] <= pa[1]):
        return False
    if spans and (spans == "daily" or "published" not in (a.qualifiers.as_of_source, b.qualifiers.as_of_source)) \
            and _spans_differ(a, b):
        return False
    if {a.qualifiers.as_of_source, b.qualifiers.as_of_source} == {"published", "explicit"}:
        # A figure dated only by its article and one a date is written next to: the same time only if the window
        # around the article's date covers at least half of the shorter period ("10,000 in 2023" is not what an
        # article of late January 2024 counts now, though its window reaches into December)
        overlap = (min(pa[1], pb[1]) - max(pa[0], pb[0])).days + 1
        return overlap * 2 >= min((pa[1] - pa[0]).days + 1, (pb[1] - pb[0]).days + 1)
    return True


def _spans_differ(a: Claim, b: Claim) -> bool:
    """Two sums or changes measured over spans of different lengths: "shares rose 2%" (on the day of writing) and
    "are down 32% this year" are two changes, not two values of one. A span over a quarter long is another than one
    less than half as long."""
    qa, qb = a.qualifiers.as_of, b.qualifiers.as_of
    if qa is None or qb is None or qa.start is None or qa.end is None or qb.start is None or qb.end is None:
        return False
    da, db = sorted(((qa.end - qa.start).days + 1, (qb.end - qb.start).days + 1))
    return db > 92 and da * 2 < db


def period_unknown(c: Claim) -> bool:
    """Whether a claim has no placed period: `comparable_periods` is None only for a pair with such a claim."""
    q = c.qualifiers.as_of
    return q is None or q.start is None or q.end is None


def _unplaced(c: Claim) -> bool:
    q = c.qualifiers.as_of
    return q is not None and q.start is None


def location(corpus: Corpus, c: Claim) -> Location:
    """Where a claim was read: one object per place, shared by the findings that cite it (a claim is cited by
    two findings on average, a figure a story's copies repeat by many more). Locations are never changed."""
    return place(corpus, c.document, c.line, c.quote, c.column)


def place(corpus: Corpus, document: str, line: int, quote: str = "", column: int = 1) -> Location:
    """A place in a document, one object per place (see `location`): a passage of a story reprinted a thousand
    times is cited by each reprint's finding."""
    places = corpus.memo.setdefault("locations", {})
    key = (document, line, column, quote)
    found = places.get(key)
    if found is None:
        found = places[key] = Location(document=document, line=line, column=column, quote=quote)
        share_records([found])  # a large corpus's findings cite places by the million
    assert isinstance(found, Location)
    return found


def finding(rule: Rule, subject: str, attribute: str, message: str, claims: list[Claim] | None = None,
            locations: list[Location] | None = None, corpus: Corpus | None = None, summary: str = "",
            **details: object) -> Finding:
    """A finding of `rule` about the given claims (and places)."""
    claims = claims or []
    locs = list(locations or [])
    if corpus is not None:
        locs += [location(corpus, c) for c in claims]
    docs = sorted({c.document for c in claims} | {loc.document for loc in locs})
    clean = {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in details.items()}
    # The fingerprint, set later in place, is given now so that the record of set fields stays the one shared.
    found = Finding(id="", rule=rule.id, name=rule.name, severity=rule.severity, subject=subject, attribute=attribute,
                    message=message, summary=summary or message, claims=[c.id for c in claims], documents=docs,
                    locations=locs, internal=len(docs) == 1 and bool(claims), details=clean, fingerprint="")
    share_records([found])  # a large corpus has findings by the hundred thousand (their places: see `place`)
    return found


class PackedFindings(NamedTuple):
    """Findings as few objects, to be sent between processes: their places in columns, cited by number.

    Pickled as models, each place cost about 270 bytes more in the process sending them, held until the whole
    list was written (at 100,000 documents, half a million places: the run's largest process), and arrived as a
    new object, as did every claim id and path the findings name."""

    findings: list[tuple[dict[str, Any], set[str], array[int]]]  # fields but places, set fields, places cited
    documents: list[str]
    lines: array[int]
    columns: array[int]
    quotes: list[str]


def pack_findings(findings: list[Finding]) -> PackedFindings:
    """`findings` made into few objects (see `PackedFindings`); `unpack_findings` gives them back."""
    numbers: dict[int, int] = {}  # a place's number, by the place object (one per place: see `place`)
    packed = PackedFindings([], [], array("q"), array("q"), [])
    for f in findings:
        cited = array("q")
        for loc in f.locations:
            n = numbers.get(id(loc))
            if n is None:
                n = numbers[id(loc)] = len(packed.documents)
                packed.documents.append(loc.document)
                packed.lines.append(loc.line)
                packed.columns.append(loc.column)
                packed.quotes.append(loc.quote)
            cited.append(n)
        fields = {k: v for k, v in f.__dict__.items() if k != "locations"}
        packed.findings.append((fields, f.__pydantic_fields_set__, cited))
    return packed


def unpack_findings(packed: PackedFindings, corpus: Corpus) -> list[Finding]:
    """The findings `pack_findings` packed, with this corpus's claim ids and document paths (rather than a copy of
    each, by the hundred thousand); a place cited by several of them is one object."""
    def own_path(path: str) -> str:
        return doc.path if (doc := corpus.docs.get(path)) is not None else path

    # not pooled with this process's places (see `place`): that pool's keys would be held for every place sent
    places = [Location(document=own_path(d), line=line, column=column, quote=quote)
              for d, line, column, quote in zip(packed.documents, packed.lines, packed.columns, packed.quotes,
                                                 strict=True)]
    share_records(places)
    out = []
    for fields, fields_set, cited in packed.findings:
        claims = [c.id if (c := corpus.by_id.get(cid)) is not None else cid for cid in fields["claims"]]
        paths = [own_path(p) for p in fields["documents"]]
        f = Finding.model_construct(**{**fields, "claims": claims, "documents": paths,
                                       "locations": [places[n] for n in cited]})
        object.__setattr__(f, "__pydantic_fields_set__", set(fields_set))
        out.append(f)
    share_records(out)
    return out
