"""Check `disagreement`: sources give values for the same thing, at the same time, that cannot both be true."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from ...display import periods
from ...models import Claim, Finding, NumberValue
from ...normalize.intervals import Interval
from ..corpus import MAX_NAMED, Corpus, capped, finding, period_unknown, value_interval
from ..rules import Rule


class Options(BaseModel):
    """relative_tolerance: extra slack as a share of the larger value; absolute_tolerance in the value's unit;
    too_generic: attributes read from wording that are never compared."""

    model_config = ConfigDict(extra="forbid")
    relative_tolerance: float = 0.0
    absolute_tolerance: float = 0.0
    open_vocabulary: bool = False
    # wordings too bare to say which quantity a figure is ("89 people": a margin, a crowd, a population's growth)
    too_generic: list[str] = []


def identity(c: Claim) -> tuple[object, ...]:
    """What, beyond subject and attribute (the group), must match for two claims to be about the same thing."""
    q = c.qualifiers
    party = q.party if c.attribute in ("investment", "stake") else None
    return (c.attribute, q.segment, q.forecast, party, q.basis or "", q.round or "", _place(c))


def _place(c: Claim) -> str:
    """A figure for one place is not one for another; with no place said, or "globally", it is for the whole."""
    scope = c.qualifiers.scope
    return "" if scope in (None, "global") else scope


def _echoed(corpus: Corpus, a: Claim, b: Claim) -> bool:
    """Each figure also stands, under other words, in the other's document: the two likely measure different things.

    Used for attributes inferred from wording, where "170 infections" (in the last seven years) and "870 people
    infected" (in total) are easily taken for one quantity.
    """
    return _stands_in(corpus, a, b.document, b) or _stands_in(corpus, b, a.document, a)


def _same_figure(a: Claim, b: Claim) -> bool:
    """The same figure written twice: each one's value lies in the other's interval ("870" and "about 870")."""
    va, vb = a.value, b.value
    if not isinstance(va, NumberValue) or not isinstance(vb, NumberValue) or va.unit != vb.unit:
        return False
    if va.value is None or vb.value is None:
        return False
    ia, ib = value_interval(a), value_interval(b)
    return ib.low <= va.value <= ib.high and ia.low <= vb.value <= ia.high


@lru_cache(maxsize=65536)
def _stems(attribute: str) -> frozenset[str]:
    # (the people a trial or a survey counts, however named: "1,736 patients" there is "1,736 participants" here)
    return frozenset("peopl" if w in _PEOPLE else w[:5] for w in attribute.replace("_", " ").split() if len(w) > 2)


_PEOPLE = {"people", "person", "persons", "patient", "patients", "participant", "participants", "subject",
           "subjects", "volunteer", "volunteers", "respondent", "respondents"}


def _stands_in(corpus: Corpus, claim: Claim, document: str, other: Claim) -> bool:
    """Whether `claim`'s value stands in `document` under related wording (memoized per claim and document)."""
    key = (id(claim), document)
    memo = corpus.memo.setdefault("stands_in", {})
    if key not in memo:
        stems = _stems(claim.attribute)
        # a figure the other source writes for another period is no echo: "$3.69 in Q3 2021" there and "$3.69 in
        # Q3 2020" here put one measure's figure in another period
        # (a figure written there of another named subject is no echo: "France won 64 medals" there does not make
        # "Britain won 64 medals" here France's)
        memo[key] = any(c is not other and _same_figure(claim, c) and _stems(c.attribute) & stems
                        and _place(c) == _place(claim) and corpus.same_time(claim, c, False) is not False
                        and (c.subject == claim.subject or STORY in (c.subject, claim.subject))
                        for c in corpus.claims_of(document))
    return bool(memo[key])


def one_dated(sa: str, sb: str) -> bool:
    """One figure is tied to a date and the other to no time at all (by their `as_of_source`s): with an inferred
    attribute, too weak to compare (a publication date is a time: "on Tuesday" and an article of Wednesday are
    compared)."""
    return (sa == "explicit" and sb == "unknown") or (sb == "explicit" and sa == "unknown")


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


STORY = "(story)"
MAX_PAIRS = 2000


def _groups(opts: Options, rule: Rule, corpus: Corpus) -> Iterator[tuple[str, str, list[Claim]]]:
    """(subject, attribute, claims) to compare. Figures read by their wording alone, with no company named next
    to them ("(story)"), join the one company the other figures of that wording are about."""
    attrs = set(rule.attributes) or {a for a, v in corpus.vocab.attributes.items() if v.unit != "name"}
    by_attribute: dict[str, dict[str, list[Claim]]] = defaultdict(dict)
    for (subject, attribute), group in corpus.groups.items():
        is_open = group[0].qualifiers.open_attribute
        if is_open and attribute in opts.too_generic:
            continue
        if (is_open and opts.open_vocabulary) or (
                not is_open and not opts.open_vocabulary and attribute.removesuffix("_change") in attrs):
            by_attribute[attribute][subject] = group
    for attribute, subjects in sorted(by_attribute.items()):
        named = sorted(s for s in subjects if s != STORY)
        story = subjects.get(STORY, [])
        if len(named) <= 1:
            yield (named[0] if named else STORY), attribute, [c for g in subjects.values() for c in g]
            continue
        for s in named:
            yield s, attribute, subjects[s]
        if story:
            yield STORY, attribute, story


def run(rule: Rule, opts: Options, corpus: Corpus) -> Iterator[Finding]:
    for subject, attribute, group in _groups(opts, rule, corpus):
        timeless = corpus.vocab.attributes[attribute].timeless if attribute in corpus.vocab.attributes else False
        by_identity: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
        for c in group:
            # A value given as the earlier one of a change ("up from $13.8 billion") is compared only by its date.
            if c.qualifiers.prior and c.qualifiers.as_of_source != "explicit":
                continue
            by_identity[identity(c)].append(c)
        for key, claims in sorted(by_identity.items(), key=lambda kv: str(kv[0])):
            # An earlier value ("up from $13.8 billion in 2023") is compared only with values of a known, same period.
            if any(c.qualifiers.prior for c in claims):
                claims = _with_peers(claims, corpus, timeless)
            ambiguous = _ambiguous(claims) if claims and claims[0].qualifiers.open_attribute else set()
            units = {value_interval(c).unit for c in claims}
            for unit in sorted(units):
                same_unit = [c for c in claims if value_interval(c).unit == unit]
                found = _compare(rule, opts, corpus, subject, attribute, same_unit, timeless, key, ambiguous)
                if found:
                    yield found


def _when(c: Claim) -> tuple[object, ...]:
    """All that `Corpus.same_time` reads of a claim of a given attribute: its period and how it is known."""
    a = c.qualifiers.as_of
    return (c.qualifiers.as_of_source, None if a is None else (a.start, a.end, a.granularity, a.anchored, a.relative))


def _with_peers(claims: list[Claim], corpus: Corpus, timeless: bool) -> list[Claim]:
    """The claims, less the earlier values that no value of theirs (not an earlier one) speaks of the same time as.
    Each kind of period is tried once (a large corpus writes a few periods thousands of times)."""
    peers: dict[tuple[object, ...], Claim] = {}
    for o in claims:
        if not o.qualifiers.prior:
            peers.setdefault(_when(o), o)
    kept: dict[tuple[object, ...], bool] = {}
    out = []
    for c in claims:
        if c.qualifiers.prior:
            when = _when(c)
            if when not in kept:
                kept[when] = any(corpus.same_time(c, o, timeless) for o in peers.values())
            if not kept[when]:
                continue
        out.append(c)
    return out


def _periods_meet(groups: list[list[Claim]]) -> bool:
    """Whether claims of two of the groups are dated by periods that overlap."""
    periods = [[(a.start, a.end) for c in g if (a := c.qualifiers.as_of) is not None and a.start and a.end]
               for g in groups]
    return any(s1 <= e2 and s2 <= e1 for x, y in itertools.combinations(periods, 2)
               for s1, e1 in x[:20] for s2, e2 in y[:20])


def _ambiguous(claims: list[Claim]) -> set[str]:
    """The documents that write, in these words, two values that differ and are dated alike ("finished in 2:04:02"
    and "the previous record, 2:01:09"): there the words name several quantities. Two such documents' figures are
    not compared (which of each one's is the other's is not known); one such against a document that writes one
    value is (a summary's figure against its source's)."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.document].append(c)
    return {doc for doc, own in by_doc.items() if len(own) > 1 and any(
        _dated(a) == _dated(b) and not value_interval(a).overlaps(value_interval(b))
        for a, b in itertools.combinations(own[:20], 2))}


def _dated(c: Claim) -> tuple[object, object]:
    when = c.qualifiers.as_of
    return (when.start, when.end) if when is not None else (None, None)


def _compare(rule: Rule, opts: Options, corpus: Corpus, subject: str, attribute: str, claims: list[Claim],
             timeless: bool, key: tuple[object, ...], ambiguous: set[str]) -> Finding | None:
    groups = clusters(claims, opts)
    if len(groups) < 2:
        return None
    conflicting = False
    unknown = False
    disjoint = False
    # Enough pairs to tell conflict from change: at most MAX_PAIRS per pair of values and MAX_PAIRS * 5 in all,
    # so that a group of thousands of values (an open attribute over a large corpus) costs linear time.
    # The scan stops as soon as the outcome is settled: once a pair conflicts, only a pair of unknown dates can
    # change the finding, and there is none when every claim has a period.
    budget = MAX_PAIRS * 5
    dates_may_be_unknown = not timeless and any(period_unknown(c) for c in claims)

    def settled() -> bool:
        return budget <= 0 or (conflicting and (unknown or not dates_may_be_unknown))

    involved: set[int] = set()  # the groups of a pair that conflicts (the rest only changed over time)

    def compare(a: Claim, b: Claim) -> str:
        """Two values of different groups: "conflict", "unknown" (dates unknown: taken as one time), "change" (of
        different periods) or "skip" (an echo, or a worded figure tied to a date against one tied to none)."""
        if not corpus.stories.one_story(a.document, b.document):
            return "skip"  # figures of two stories ("people killed" in a flood and in a fire, no company named)
        if a.document in ambiguous and b.document in ambiguous:
            return "skip"
        same_time = corpus.same_time(a, b, timeless)
        if same_time is not False and a.qualifiers.open_attribute and (
                _echoed(corpus, a, b) or one_dated(a.qualifiers.as_of_source, b.qualifiers.as_of_source)):
            return "skip"
        return "unknown" if same_time is None else "conflict" if same_time else "change"

    for i, ga in enumerate(groups):
        if settled():
            break
        for j, gb in enumerate(groups[i + 1 :], i + 1):
            if settled():
                break
            for a, b in itertools.islice(itertools.product(ga, gb), min(MAX_PAIRS, budget)):
                if settled():
                    break
                budget -= 1
                seen = compare(a, b)
                unknown |= seen == "unknown"
                disjoint |= seen == "change"
                if seen in ("conflict", "unknown"):
                    conflicting = True
                    involved.update((i, j))
    if conflicting and len(involved) < len(groups):
        # a value of another period than all the others ("16 million passengers last year" beside two counts of
        # one flight's passengers) is a change, not a side of the disagreement: it is left out of it (within a
        # budget of pairs: past it, a value is kept)
        sides = [groups[j] for j in sorted(involved)]
        budget = MAX_PAIRS * 5
        for i in range(len(groups)):
            if i in involved:
                continue
            if budget <= 0:
                involved.add(i)
                continue
            pairs = list(itertools.islice(((a, b) for g in sides for a in groups[i] for b in g),
                                          min(MAX_PAIRS, budget)))
            budget -= len(pairs)
            if any(compare(a, b) in ("conflict", "unknown") for a, b in pairs):
                involved.add(i)
        groups = [g for i, g in enumerate(groups) if i in involved]
    parts = []
    for g in groups:
        n_docs = len({c.document for c in g})
        indep = corpus.independent(g)
        support = f"{n_docs} source{'s' if n_docs != 1 else ''}"
        if indep < n_docs:
            support += f", {indep} independent"
        copies = corpus.copies(g)
        if copies:
            support += "; " + copies
        parts.append(f"{' and '.join(corpus.values(g))} [{support}; {periods(g)}]")
    if len(parts) > MAX_NAMED:
        # A story reprinted with one figure varied fifty ways: the values most sources write are named (in value
        # order), the rest counted; every value stays in the finding's claims and details.
        sources = [len({c.document for c in g}) for g in groups]
        top = set(sorted(range(len(groups)), key=lambda i: -sources[i])[:MAX_NAMED])
        parts = [p for i, p in enumerate(parts) if i in top] + [p for i, p in enumerate(parts) if i not in top]
    label = attribute.replace("_", " ")
    seg = "".join(f" ({k})" for k in (key[1], key[4], key[5], key[6]) if k)
    if conflicting:
        when = " The dates are unknown (undated documents), so the values are taken to speak of the same time." \
            if unknown else ""
        msg = f"{subject} {label}{seg}: sources disagree: " + capped(parts, " vs ", "value", "values") + "." + when
        tol = ""
        if opts.relative_tolerance or opts.absolute_tolerance:
            tol = f" Tolerance: {opts.relative_tolerance:.0%} relative, {opts.absolute_tolerance:g} absolute."
        msg += " The intervals (hedges and rounding included) do not overlap." + tol
        if claims[0].qualifiers.open_attribute:
            msg += (f" The attribute is inferred from the wording (\"{attribute}\"): check that both figures measure "
                    f"the same thing.")
        summary = (f"{len(groups)} values whose intervals do not overlap{seg}"
                   + ("; dates unknown" if unknown else ""))
        f = finding(rule, subject, attribute, msg, [c for g in groups for c in g], corpus=corpus, summary=summary,
                    tolerance={"relative": opts.relative_tolerance, "absolute": opts.absolute_tolerance},
                    values=[[c.id for c in g] for g in groups], dates_unknown=unknown)
        return f
    if not disjoint:
        return None
    # (a quarter's loss and the year's holding it: spans of different lengths, not one quantity at two times)
    spans = corpus.vocab.over_span(attribute) and _periods_meet(groups)
    what = ("spans of different lengths (a sum or change over each, not a contradiction)" if spans
            else "different periods (a change over time, not a contradiction)")
    msg = f"{subject} {label}{seg}: values differ but speak of {what}: " + capped(parts, " then ", "value",
                                                                                 "values") + "."
    f = finding(rule, subject, attribute, msg, [c for g in groups for c in g], corpus=corpus,
                summary="values differ, but for different periods: a change over time", change_over_time=True)
    return f.model_copy(update={"severity": "info"})

