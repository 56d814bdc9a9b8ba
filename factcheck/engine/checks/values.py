"""Check `disagreement`: sources give values for the same thing, at the same time, that cannot both be true."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from ...models import Claim, Finding
from ...normalize.intervals import Interval
from ..corpus import Corpus, finding, period, value_interval
from ..rules import Rule


class Options(BaseModel):
    """relative_tolerance: extra slack as a share of the larger value; absolute_tolerance in the value's unit."""

    model_config = ConfigDict(extra="forbid")
    relative_tolerance: float = 0.0
    absolute_tolerance: float = 0.0


def identity(c: Claim) -> tuple[object, ...]:
    """What must match for two claims to be about the same thing."""
    q = c.qualifiers
    party = q.party if c.attribute in ("investment", "stake") else None
    return (c.subject, c.attribute, q.segment, q.forecast, party)


def clusters(claims: list[Claim], opts: Options) -> list[list[Claim]]:
    """Groups of claims whose intervals chain together by overlap (a sweep over the sorted intervals)."""
    items = sorted(claims, key=lambda c: (value_interval(c).low, value_interval(c).high))
    out: list[list[Claim]] = []
    hull: Interval | None = None
    for c in items:
        iv = value_interval(c)
        if hull is not None and hull.overlaps(iv, opts.relative_tolerance, opts.absolute_tolerance):
            out[-1].append(c)
            hull = Interval(min(hull.low, iv.low), max(hull.high, iv.high), iv.unit)
        else:
            out.append([c])
            hull = iv
    return out


def run(rule: Rule, opts: Options, corpus: Corpus) -> Iterator[Finding]:
    attrs = set(rule.attributes) or {a for a, v in corpus.vocab.attributes.items() if v.unit != "name"}
    for (subject, attribute), group in sorted(corpus.groups.items()):
        if attribute not in attrs:
            continue
        timeless = corpus.vocab.attributes[attribute].timeless if attribute in corpus.vocab.attributes else False
        by_identity: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
        for c in group:
            # A value given as the earlier one of a change ("up from $13.8 billion") is compared only by its date.
            if c.qualifiers.prior and c.qualifiers.as_of_source != "explicit":
                continue
            by_identity[identity(c)].append(c)
        for key, claims in sorted(by_identity.items(), key=lambda kv: str(kv[0])):
            # An earlier value ("up from $13.8 billion in 2023") is compared only with values of a known, same period.
            claims = [c for c in claims if not c.qualifiers.prior or any(
                not o.qualifiers.prior and corpus.same_time(c, o, timeless) for o in claims)]
            units = {value_interval(c).unit for c in claims}
            for unit in sorted(units):
                same_unit = [c for c in claims if value_interval(c).unit == unit]
                found = _compare(rule, opts, corpus, subject, attribute, same_unit, timeless, key)
                if found:
                    yield found


def _compare(rule: Rule, opts: Options, corpus: Corpus, subject: str, attribute: str, claims: list[Claim],
             timeless: bool, key: tuple[object, ...]) -> Finding | None:
    groups = clusters(claims, opts)
    if len(groups) < 2:
        return None
    conflicting = False
    unknown = False
    for i, ga in enumerate(groups):
        for gb in groups[i + 1 :]:
            for a in ga:
                for b in gb:
                    same_time = corpus.same_time(a, b, timeless)
                    if same_time is None:
                        unknown = True
                    if same_time is not False:
                        conflicting = True
    parts = []
    for g in groups:
        n_docs = len({c.document for c in g})
        indep = corpus.independent(g)
        support = f"{n_docs} source{'s' if n_docs != 1 else ''}"
        if indep < n_docs:
            support += f", {indep} independent"
        parts.append(f"{' and '.join(corpus.values(g))} [{support}; {period(g[0])}]")
    label = attribute.replace("_", " ")
    seg = f" ({key[2]})" if key[2] else ""
    if conflicting:
        when = " The dates are unknown (undated documents), so the values are taken to speak of the same time." \
            if unknown else ""
        msg = f"{subject} {label}{seg}: sources disagree: " + " vs ".join(parts) + "." + when
        tol = ""
        if opts.relative_tolerance or opts.absolute_tolerance:
            tol = f" Tolerance: {opts.relative_tolerance:.0%} relative, {opts.absolute_tolerance:g} absolute."
        msg += " The intervals (hedges and rounding included) do not overlap." + tol
        summary = f"{len(groups)} values whose intervals do not overlap" + ("; dates unknown" if unknown else "")
        f = finding(rule, subject, attribute, msg, [c for g in groups for c in g], corpus=corpus, summary=summary,
                    values=[[c.id for c in g] for g in groups], dates_unknown=unknown)
        return f
    msg = (f"{subject} {label}{seg}: values differ but speak of different periods (a change over time, not a "
           f"contradiction): " + " then ".join(parts) + ".")
    f = finding(rule, subject, attribute, msg, [c for g in groups for c in g], corpus=corpus,
                summary="values differ, but for different periods: a change over time", change_over_time=True)
    return f.model_copy(update={"severity": "info"})

