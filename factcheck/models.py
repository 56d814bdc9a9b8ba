"""The typed models that flow through the pipeline: documents, mentions, claims, findings, report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, computed_field

from .severity import KNOWN, SEVERITY_RANK, tally

SCHEMA_VERSION = "factcheck/1"

Severity = Literal["error", "warning", "info"]


class Document(BaseModel):
    """One article: its text and metadata; `line_map[i]` is the file line of text line i+1, or, without a map (the
    lines of a text file, a list each for a corpus of them), text line i+1 is file line i+1+`line_shift`. Read the
    text with `read_text()` in any step after extraction, where it may be held compressed (see `compress`)."""

    path: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    text: str
    line_map: list[int] = Field(default_factory=list, repr=False)
    line_shift: int = Field(0, repr=False)
    compressed: bytes | None = Field(None, repr=False, exclude=True)
    on_disk: tuple[int, int] | None = Field(None, repr=False, exclude=True)

    def file_line(self, text_line: int) -> int:
        """The line in the original file of 1-based line `text_line` of `text`."""
        if 0 < text_line <= len(self.line_map):
            return self.line_map[text_line - 1]
        return text_line + self.line_shift

    @property
    def held_whole(self) -> bool:
        """Whether `text` is the text itself (not held compressed, nor left in its file)."""
        return self.compressed is None and self.on_disk is None

    def read_text(self) -> str:
        """The text, whether held as it is, compressed, or only in its file (see `release`)."""
        if self.compressed is not None:
            return _decompressed(self.compressed)
        if self.on_disk is not None:
            return _reread(self.path, self.line_shift, *self.on_disk)
        return self.text

    def plain(self) -> Document:
        """The document with its text as it is: itself, or a copy when the text is held otherwise."""
        if self.held_whole:
            return self
        return self.model_copy(update={"text": self.read_text(), "compressed": None, "on_disk": None})

    def release(self) -> None:
        """Hold no text, for a document that is a text file's body after `line_shift` lines (as the loader makes
        it): `read_text()` reads it again from the file, and raises InputError if the file no longer holds it
        (checked by its length and CRC-32). A large corpus of text files then holds none of its texts."""
        if self.held_whole:
            import zlib

            # fields set in place, as `compress` does: nothing to validate
            self.__dict__["on_disk"] = (len(self.text), zlib.crc32(self.text.encode("utf-8", "surrogatepass")))
            self.__dict__["text"] = ""

    def compress(self) -> None:
        """Hold the text compressed (`text` is then empty; `read_text()` gives it back). A run reads each text
        whole once, to extract its claims, then a few again and the others once or twice in a scan; compressed,
        a large corpus's texts take half the memory or less."""
        if self.held_whole:
            import zlib

            # fields set in place, the same as before: nothing to validate
            self.__dict__["compressed"] = zlib.compress(self.text.encode("utf-8", "surrogatepass"), 1)
            self.__dict__["text"] = ""


@lru_cache(maxsize=32)  # the few documents read over and over (a check names one document's subjects in turn)
def _decompressed(data: bytes) -> str:
    return zlib_text(data)


@lru_cache(maxsize=32)  # as above: a document read again and again is read from its file once
def _reread(path: str, line_shift: int, length: int, crc: int) -> str:
    import zlib
    from pathlib import Path

    from .documents.loaders import read_text
    from .errors import InputError

    text = read_text(Path(path), max_bytes=1 << 62)  # its size was checked when it was first read
    body = text.split("\n", line_shift)[-1] if line_shift else text
    if len(body) != length or zlib.crc32(body.encode("utf-8", "surrogatepass")) != crc:
        raise InputError("the file changed while it was being checked; check it again", path)
    return body


def zlib_text(data: bytes) -> str:
    """A text held compressed by `Document.compress`."""
    import zlib

    return zlib.decompress(data).decode("utf-8", "surrogatepass")


class Sentence(BaseModel):
    """A sentence of a document with its character span and 1-based text line and column."""

    index: int
    start: int
    end: int
    text: str
    line: int
    column: int


class NumberValue(BaseModel):
    """A number as an interval: `low`/`high` (None = unbounded) in `unit`, with the hedge word if any."""

    model_config = ConfigDict(ser_json_inf_nan="null")

    type: Literal["number"] = "number"
    low: float | None
    high: float | None
    unit: str
    noun: str | None = None
    hedge: str | None = None
    value: float | None = None  # the figure as written, scaled


class DateValue(BaseModel):
    """A date interval with its granularity; `anchored` is False for a relative date with no anchor."""

    type: Literal["date"] = "date"
    start: date | None
    end: date | None
    granularity: Literal["day", "week", "month", "quarter", "half", "year", "unknown"]
    anchored: bool = True
    relative: bool = False


class NameValue(BaseModel):
    """A person's or organization's name."""

    type: Literal["name"] = "name"
    name: str


class RoleValue(BaseModel):
    """A role such as CEO, with its tense."""

    type: Literal["role"] = "role"
    role: str
    tense: Literal["former", "current", "incoming", "interim", "outgoing"] = "current"
    person: str | None = None
    organization: str | None = None


class Mention(BaseModel):
    """Something recognized in text: `start`/`end` are character offsets, `value` its reading."""

    kind: Literal["money", "quantity", "percent", "date", "person", "organization", "role"]
    start: int
    end: int
    text: str
    value: NumberValue | DateValue | NameValue | RoleValue = Field(discriminator="type")


class Qualifiers(BaseModel):
    """What changes the meaning of a claim: time, hedges, segment, the other party, tense."""

    as_of: DateValue | None = None
    as_of_source: Literal["explicit", "published", "unknown"] = "unknown"
    hedge: str | None = None
    reported: bool = False
    segment: str | None = None
    party: str | None = None
    tense: str | None = None
    prior: bool = False
    forecast: bool = False
    copied_from: str | None = None
    relates: list[str] = Field(default_factory=list)
    open_attribute: bool = False
    # a valuation's (before or after the new money; at a listing's offer price) or a change's (against a year, a
    # month or a quarter earlier)
    basis: Literal["pre-money", "post-money", "offer-price", "year-on-year", "month-on-month", "quarter-on-quarter",
                   "annualized", "average-price"] \
        | None = None
    round: str | None = None
    scope: str | None = None


class Claim(BaseModel):
    """A statement about a subject's attribute, with its value and where it was read."""

    id: str
    document: str
    line: int
    column: int
    sentence: int
    subject: str
    attribute: str
    text: str
    value: NumberValue | DateValue | NameValue = Field(discriminator="type")
    qualifiers: Qualifiers = Field(default_factory=Qualifiers)
    quote: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def as_of(self) -> DateValue | None:
        """The period the claim speaks of (see qualifiers.as_of_source for how it is known)."""
        return self.qualifiers.as_of


class ClaimsById:
    """Claims by id, over a report's claims in its order: one numbered Cn found at place n needs no entry of its
    own (with a dict of every claim, at 636,078 claims, the process forked for the rules about claims started 15
    MB larger); the others (figures quoted as claims, claims numbered some other way) are indexed the first time
    one is looked for."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = claims
        self._others: dict[str, Claim] | None = None

    def get(self, cid: str) -> Claim | None:
        """The claim of this id, or None."""
        if cid[:1] == "C" and cid[1:].isdigit():
            k = int(cid[1:]) - 1
            if 0 <= k < len(self.claims) and self.claims[k].id == cid:
                return self.claims[k]
        if self._others is None:
            self._others = {c.id: c for i, c in enumerate(self.claims) if c.id != f"C{i + 1}"}
        return self._others.get(cid)


class FigureNumber(NamedTuple):
    """A figure's number: a `NumberValue` as a tuple (a third of its memory)."""

    low: float | None
    high: float | None
    unit: str
    noun: str | None
    hedge: str | None
    value: float | None

    @classmethod
    def of(cls, v: NumberValue) -> FigureNumber:
        return cls(v.low, v.high, v.unit, v.noun, v.hedge, v.value)

    def model(self) -> NumberValue:
        return NumberValue(low=self.low, high=self.high, unit=self.unit, noun=self.noun, hedge=self.hedge,
                           value=self.value)


class FigureDate(NamedTuple):
    """A figure's date: a `DateValue` as a tuple."""

    start: date | None
    end: date | None
    granularity: Literal["day", "week", "month", "quarter", "half", "year", "unknown"]
    relative: bool

    @classmethod
    def of(cls, v: DateValue) -> FigureDate:
        return cls(v.start, v.end, v.granularity, v.relative)

    def model(self) -> DateValue:
        return DateValue(start=self.start, end=self.end, granularity=self.granularity, relative=self.relative)


class Figure(NamedTuple):
    """A number or date a document writes, as the aligned-figure check (FC106) reads it: a tuple, a third of a
    claim's memory, for a corpus writes a figure every twenty words. `relates`: the claim it became, if any;
    `claim()` makes the claim a report quotes."""

    id: str
    document: str
    line: int
    column: int
    sentence: int
    subject: str
    attribute: str
    text: str
    value: FigureNumber | FigureDate
    quote: str
    relates: str | None = None
    as_of: DateValue | None = None
    as_of_source: Literal["explicit", "published", "unknown"] = "unknown"
    open_attribute: bool = False

    def numbered(self, pos: int) -> Figure:
        """The figure with its report-wide id, from its place `pos` in the corpus's figures (see `number_figures`)."""
        return self._replace(id=f"G{pos + 1}")

    def claim(self) -> Claim:
        """The figure as a claim (of the attribute "(figure)" unless it became a claim of its own)."""
        v = self.value
        quals = Qualifiers(hedge=v.hedge if isinstance(v, FigureNumber) else None,
                           relates=[self.relates] if self.relates else [], as_of=self.as_of,
                           as_of_source=self.as_of_source, open_attribute=self.open_attribute)
        return Claim(id=self.id, document=self.document, line=self.line, column=self.column, sentence=self.sentence,
                     subject=self.subject, attribute=self.attribute, text=self.text, value=v.model(),
                     qualifiers=quals, quote=self.quote)


def figure_place(cid: str) -> int | None:
    """The place in the corpus's figures of the figure a report-wide id names (None for a claim's id)."""
    return int(cid[1:]) - 1 if cid[:1] == "G" and cid[1:].isdigit() else None


# One record per distinct combination of explicitly set fields, shared by the models that have it (see compact).
_FIELDS_SET: dict[frozenset[str], set[str]] = {}


def share_fields_set(models: Iterable[BaseModel]) -> None:
    """Let each model share its record of explicitly set fields with the others that have the same.

    pydantic keeps that record as a set per model instance, half a claim's memory (four models, about 2 KB of
    4), and nothing in factcheck reads it; a copy (`model_copy`) still gets a set of its own."""
    for m in models:
        key = frozenset(m.__pydantic_fields_set__)
        shared = _FIELDS_SET.get(key)
        if shared is None:
            shared = _FIELDS_SET[key] = set(key)
        object.__setattr__(m, "__pydantic_fields_set__", shared)


# A plain class for each model class, whose instances' dicts share one table of keys (see share_keys).
_KEY_TABLES: dict[type, type] = {}


def share_keys(models: Iterable[BaseModel]) -> None:
    """Let each model's dict share one table of field names with the other models of its class.

    pydantic gives each instance a dict of its own, keys and all: 464 bytes for a claim's eleven fields. An object
    of a plain class gets a dict whose keys its class holds once (CPython's key-sharing dicts), 160 bytes for a
    claim's; such a dict, moved to the model, is the same mapping in less memory. Where Python does not share keys,
    nothing is saved and nothing changes. A pickled or copied model gets a dict of its own again."""
    for m in models:
        cls = type(m)
        table = _KEY_TABLES.get(cls)
        if table is None:
            table = _KEY_TABLES[cls] = type(f"_{cls.__name__}Keys", (), {})
        holder = table()
        for k, v in m.__dict__.items():  # set one by one, in field order, as the class's shared keys expect
            setattr(holder, k, v)
        object.__setattr__(m, "__dict__", holder.__dict__)


def share_records(models: list[Any]) -> None:
    """Both of the above: the models share their records of set fields and their tables of keys."""
    share_fields_set(models)
    share_keys(models)


def _key(m: BaseModel) -> tuple[Any, ...]:
    """What a model holds, as a key: its nested models by identity (shared first), its lists as tuples."""
    return (type(m), *(id(v) if isinstance(v, BaseModel) else tuple(v) if isinstance(v, list) else _field(v)
                       for v in m.__dict__.values()))


def _field(v: Any) -> Any:
    """A field as a key: a zero with its sign, which == does not tell apart (a value of -0.0 is written so)."""
    return (v, str(v)) if isinstance(v, float) and not v else v


def compact(claims: list[Claim], pool: Pool | None = None) -> list[Claim]:
    """The same claims, in less memory: their models share their records of set fields (see `share_fields_set`),
    and claims with equal qualifiers (most of a document's: the same date, no hedge) share one object, as those
    with equal dates or values do (`pool_models`). factcheck replaces a claim's qualifiers and value, never
    changes them in place; so must callers."""
    share_fields_set(m for c in claims for m in (c, c.value, c.qualifiers, c.qualifiers.as_of) if m is not None)
    return pool_models(claims, {} if pool is None else pool)


Pool = dict[tuple[Any, ...], Any]


def pool_models(claims: list[Claim], pool: Pool) -> list[Claim]:
    """Equal qualifiers, dates and values made one object each, the first `pool` met: given one pool for a whole
    corpus, most of its claims share them (the stories of one day are dated alike; a figure is reprinted)."""
    for c in claims:
        q = c.qualifiers
        if q.as_of is not None:
            q.__dict__["as_of"] = pool.setdefault(_key(q.as_of), q.as_of)  # the same value, so no validation
        d = c.__dict__
        d["qualifiers"] = pool.setdefault(_key(q), q)
        d["value"] = pool.setdefault(_key(c.value), c.value)
    return claims


def compact_figures(figures: list[Figure], pool: Pool | None = None) -> list[Figure]:
    """The same figures, in less memory: equal dates and values are one object each (the dates share their
    records of set fields, see `compact`); `pool`: the objects met so far, for a whole corpus."""
    share_fields_set(f.as_of for f in figures if f.as_of is not None)
    pool = {} if pool is None else pool
    out = []
    for f in figures:
        as_of = pool.setdefault(_key(f.as_of), f.as_of) if f.as_of is not None else None
        value = pool.setdefault((type(f.value), *map(_field, f.value)), f.value)
        out.append(f if as_of is f.as_of and value is f.value else f._replace(as_of=as_of, value=value))
    return out


_SHARED_TEXTS = ("quote", "text", "subject", "attribute")


def share_texts(claims: list[Claim], figures: list[Figure], pool: dict[str, str]) -> list[Figure]:
    """Equal quotes, figures as written, subjects and attributes made one string object each, the first `pool` met
    (a story's copies repeat its sentences; a cached claim, read from JSON, has strings of its own, as many as its
    figures). The claims change in place; the figures, tuples, are returned anew where they change."""
    for c in claims:
        d = c.__dict__
        for k in _SHARED_TEXTS:
            d[k] = pool.setdefault(d[k], d[k])
    out: list[Figure] = []
    for f in figures:
        q, t, s, a = (pool.setdefault(f.quote, f.quote), pool.setdefault(f.text, f.text),
                      pool.setdefault(f.subject, f.subject), pool.setdefault(f.attribute, f.attribute))
        same = q is f.quote and t is f.text and s is f.subject and a is f.attribute
        out.append(f if same else f._replace(quote=q, text=t, subject=s, attribute=a))
    return out


class Location(BaseModel):
    """A place in a document that a finding points at."""

    document: str
    line: int
    column: int = 1
    quote: str = ""


class Finding(BaseModel):
    """One problem the rules found."""

    model_config = ConfigDict(ser_json_inf_nan="null")

    id: str
    rule: str
    name: str
    severity: Severity
    subject: str
    attribute: str
    message: str
    summary: str = ""
    claims: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    internal: bool = False
    details: dict[str, object] = Field(default_factory=dict)
    fingerprint: str = ""
    status: Literal["new", "known", "suppressed"] | None = None
    suppression: str | None = None


class RuleInfo(BaseModel):
    """A rule as the report lists it (SARIF's driver rules come from these)."""

    id: str
    name: str
    severity: Severity
    description: str


class BaselineEntry(BaseModel):
    """A finding as a baseline remembers it."""

    fingerprint: str
    rule: str
    subject: str
    attribute: str
    summary: str = ""


class DocumentInfo(BaseModel):
    """A document as listed in the report."""

    path: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    claims: int = 0


class Report(BaseModel):
    """Everything one run found; every output format renders this model."""

    schema_: str = Field(SCHEMA_VERSION, alias="schema")
    documents: list[DocumentInfo]
    claims: list[Claim]
    findings: list[Finding]
    fixed: list[BaselineEntry] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)
    rules: list[RuleInfo] = Field(default_factory=list)

    model_config = ConfigDict(populate_by_name=True)

    def counts(self) -> dict[str, int]:
        """Findings by severity (suppressed ones left out), counted as a run's exit is (see `severity.tally`)."""
        return tally(self.marks(), "never")[0]

    def marks(self) -> list[str]:
        """Each counted finding's severity, known ones marked (see `severity.tally`)."""
        return [f.severity if f.status != "known" else KNOWN + f.severity for f in self.findings
                if f.status != "suppressed"]

    def failing(self, level: str) -> list[Finding]:
        """The findings that fail a run at `level`: at or above it, not suppressed, and new if a baseline is used."""
        threshold = SEVERITY_RANK.get(level, 99)
        return [f for f in self.findings
                if SEVERITY_RANK[f.severity] >= threshold and f.status not in ("known", "suppressed")]
