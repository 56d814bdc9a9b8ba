"""Derived checks: a value implied by others (investment / stake), parts against their total, a % change."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...models import Claim, Finding
from ...normalize.intervals import Interval
from ...normalize.units import conversion_factor, format_value
from ..corpus import Corpus, describe, finding, value_interval
from ..expr import ExpressionError, evaluate, names, parse
from ..rules import Rule


class DerivedOptions(BaseModel):
    """inputs: formula name -> attribute; formula over those names; target: the attribute it implies."""

    model_config = ConfigDict(extra="forbid")
    inputs: dict[str, str] = Field(min_length=1)
    formula: str
    target: str
    scope: Literal["sentence", "document"] = "document"
    relative_tolerance: float = 0.0
    # Qualifier values the claims must have: {"basis": ["post-money", null]} for an input or the target.
    input_where: dict[str, dict[str, list[str | None]]] = Field(default_factory=dict)
    target_where: dict[str, list[str | None]] = Field(default_factory=dict)
    # The other documents whose target claims an implied value is compared with, at most: those that follow its
    # own in corpus order (all of them in a set of up to 51; see _Following).
    max_documents: int = Field(50, ge=1)

    @field_validator("formula")
    @classmethod
    def _parses(cls, v: str) -> str:
        parse(v)
        return v

    def model_post_init(self, _ctx: object) -> None:
        unknown = names(parse(self.formula)) - set(self.inputs)
        if unknown:
            raise ValueError(f"formula uses {', '.join(sorted(unknown))}, which inputs do not define")


class SumOptions(BaseModel):
    """Parts of one sentence with different segments (full-time, contractors) must add up to the total."""

    model_config = ConfigDict(extra="forbid")
    relative_tolerance: float = 0.0
    # The other documents whose totals the parts are compared with, at most: as for DerivedOptions.
    max_documents: int = Field(50, ge=1)


class ChangeOptions(BaseModel):
    """formula gives the change from `old` and `new`, in percent."""

    model_config = ConfigDict(extra="forbid")
    formula: str = "(new - old) / old * 100"
    relative_tolerance: float = 0.0
    absolute_tolerance: float = 0.5

    @field_validator("formula")
    @classmethod
    def _parses(cls, v: str) -> str:
        unknown = names(parse(v)) - {"old", "new"}
        if unknown:
            raise ValueError(f"the formula may use only old and new, not {', '.join(sorted(unknown))}")
        return v


def _where(c: Claim, where: dict[str, list[str | None]]) -> bool:
    q = c.qualifiers.model_dump()
    return all(q.get(k) in allowed for k, allowed in where.items())


def _compatible(a: Claim, b: Claim) -> bool:
    pa, pb = a.qualifiers.party, b.qualifiers.party
    return a.subject == b.subject and (pa is None or pb is None or pa == pb)


def _in_target_unit(iv: Interval, unit: str) -> Interval | None:
    try:
        return iv.scaled(conversion_factor(iv.unit, unit), unit)
    except ValueError:
        return None


class _Following:
    """Claims by document, in corpus order, to pick those of one document and of the `limit` documents with some
    that follow it (from the first again after the last): a story told by a thousand sources then gives findings
    of `limit` + 1 sources at most, in time that grows with the sources, not with their square."""

    def __init__(self, claims: list[Claim], rank: dict[str, int]) -> None:
        self.per: dict[str, list[Claim]] = {}
        for c in claims:  # in corpus order
            self.per.setdefault(c.document, []).append(c)
        self.order = list(self.per)
        self.ranks = [rank[d] for d in self.order]
        self.rank = rank

    def near(self, document: str, limit: int) -> list[Claim]:
        others: list[str] = []
        start = bisect_right(self.ranks, self.rank[document])
        for k in range(start, start + len(self.order)):
            if len(others) == limit:
                break
            if self.order[k % len(self.order)] != document:
                others.append(self.order[k % len(self.order)])
        return [c for d in sorted([document, *others], key=self.rank.__getitem__) for c in self.per.get(d, [])]


def _ranks(corpus: Corpus) -> dict[str, int]:
    return {d.path: i for i, d in enumerate(corpus.documents)}


def run_derived(rule: Rule, opts: DerivedOptions, corpus: Corpus) -> Iterator[Finding]:
    tree = parse(opts.formula)
    first_name, first_attr = next(iter(opts.inputs.items()))
    rank = _ranks(corpus)
    by_subject: dict[str, _Following] = {}

    def targets(subject: str, document: str) -> list[Claim]:
        """The target claims of the subject in `document` and in the `max_documents` documents stating one after
        it, in corpus order."""
        if subject not in by_subject:
            by_subject[subject] = _Following(corpus.groups.get((subject, opts.target), []), rank)
        return by_subject[subject].near(document, opts.max_documents)

    for (subject, attribute), group in sorted(corpus.groups.items()):
        if attribute != first_attr:
            continue
        for anchor in group:
            if anchor.qualifiers.prior or anchor.qualifiers.forecast or not _where(anchor, opts.input_where.get(
                    first_name, {})):
                continue
            chosen = {first_name: anchor}
            for name, attr in list(opts.inputs.items())[1:]:
                pick = _partner(corpus, anchor, attr, opts.scope, opts.input_where.get(name, {}))
                if pick is None:
                    break
                chosen[name] = pick
            if len(chosen) < len(opts.inputs):
                continue
            try:
                derived = evaluate(tree, {n: value_interval(c) for n, c in chosen.items()})
            except (ExpressionError, ValueError, ZeroDivisionError):
                continue
            found = _judge(rule, opts, corpus, subject, anchor, chosen, derived, targets(subject, anchor.document))
            if found:
                yield found


def _partner(corpus: Corpus, anchor: Claim, attr: str, scope: str, where: dict[str, list[str | None]]) -> Claim | None:
    """The claim of `attr` that goes with `anchor`: same subject and party, same sentence or else document."""
    cands = [c for c in corpus.claims_of(anchor.document)
             if c.attribute == attr and c.subject == anchor.subject and c is not anchor
             and _compatible(anchor, c) and not c.qualifiers.prior and _where(c, where)]
    same = [c for c in cands if c.sentence == anchor.sentence]
    if same:
        return min(same, key=lambda c: abs(c.column - anchor.column))
    # in another sentence, a figure of a named party is not that of an anchor naming none ("Reddit raised $519mn";
    # "Advance ... is its largest shareholder with a stake of about 30 per cent": not the stake the money bought)
    cands = [c for c in cands if anchor.qualifiers.party is not None or c.qualifiers.party is None]
    if scope == "sentence" or not cands:
        return None
    pick = min(cands, key=lambda c: abs(c.sentence - anchor.sentence))
    # nor one that another sum of money in the anchor's currency stands nearer ("raised 600 million euros ... 468
    # million euros is equity. The equity part alone gives investors a stake of about 8%": the stake the equity bought)
    lo, hi = sorted((anchor.sentence, pick.sentence))
    unit = getattr(anchor.value, "unit", None)
    if unit is not None and unit.isupper() and any(
            o is not anchor and o is not pick and getattr(o.value, "unit", None) == unit and lo <= o.sentence <= hi
            and o.sentence != anchor.sentence for o in corpus.claims_of(anchor.document)):
        return None
    return pick


def _judge(rule: Rule, opts: DerivedOptions, corpus: Corpus, subject: str, anchor: Claim, chosen: dict[str, Claim],
           derived: Interval, pool: list[Claim]) -> Finding | None:
    chosen_ids = {c.id for c in chosen.values()}
    # the part of the whole the inputs speak of: "1,900 jobs, 8% of the division's workers" imply the division's
    segment = anchor.qualifiers.segment or next((c.qualifiers.segment for c in chosen.values()
                                                 if c.qualifiers.segment), None)
    targets = [t for t in pool
               if not t.qualifiers.prior and not t.qualifiers.forecast
               and t.qualifiers.segment == segment and _where(t, opts.target_where)
               and t.id not in chosen_ids
               and all(corpus.same_time(t, c) is not False for c in chosen.values())]
    agree: list[Claim] = []
    disagree: list[Claim] = []
    for t in targets:
        iv = _in_target_unit(derived, value_interval(t).unit)
        if iv is None:
            continue
        (agree if iv.overlaps(value_interval(t), opts.relative_tolerance) else disagree).append(t)
    if not disagree:
        return None
    unit = value_interval(disagree[0]).unit
    shown = _in_target_unit(derived, unit) or derived
    inputs = ", ".join(f"{n} = {describe(c)} at {corpus.where(c)}" for n, c in chosen.items())
    arithmetic = f"{opts.formula} = {format_value(shown.low, shown.high, shown.unit)}"
    label = opts.target.replace("_", " ")
    party = anchor.qualifiers.party
    msg = (f"{subject} {label}: {party + chr(8217) + 's ' if party else ''}figures imply "
           f"{format_value(shown.low, shown.high, shown.unit)} ({arithmetic}; {inputs}). ")
    if agree:
        msg += "Agrees with " + "; ".join(_places(corpus, agree)) + ". "
    msg += "Disagrees with " + "; ".join(_places(corpus, disagree)) + "."
    summary = f"{arithmetic}" + (f"; agrees with {', '.join(dict.fromkeys(c.text for c in agree))}" if agree else "") \
        + f"; not with {', '.join(dict.fromkeys(c.text for c in disagree))}"
    return finding(rule, subject, opts.target, msg, [*chosen.values(), *disagree], corpus=corpus, summary=summary,
                   derived={"low": shown.low, "high": shown.high, "unit": shown.unit, "formula": opts.formula},
                   agrees=[c.id for c in agree], disagrees=[c.id for c in disagree])


def _places(corpus: Corpus, claims: list[Claim]) -> list[str]:
    return corpus.values(claims)


def run_parts_sum(rule: Rule, opts: SumOptions, corpus: Corpus) -> Iterator[Finding]:
    attrs = set(rule.attributes)
    rank = _ranks(corpus)
    for (subject, attribute), group in sorted(corpus.groups.items()):
        if attrs and attribute not in attrs:
            continue
        by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for c in group:
            if c.qualifiers.segment and not c.qualifiers.prior:
                by_sentence[(c.document, c.sentence)].append(c)
        totals = _Following([c for c in group if c.qualifiers.segment is None and not c.qualifiers.prior
                             and not c.qualifiers.forecast], rank)
        for parts in by_sentence.values():
            if len({p.qualifiers.segment for p in parts}) < 2:
                continue
            total_iv = value_interval(parts[0])
            for p in parts[1:]:
                total_iv = total_iv + value_interval(p)
            relevant = [t for t in totals.near(parts[0].document, opts.max_documents)
                        if all(corpus.same_time(t, p) is not False for p in parts)
                        and value_interval(t).unit == total_iv.unit]
            bad = [t for t in relevant if not total_iv.overlaps(value_interval(t), opts.relative_tolerance)]
            if not bad:
                continue
            sum_text = " + ".join(f"{describe(p)} {p.qualifiers.segment}" for p in parts)
            msg = (f"{subject} {attribute.replace('_', ' ')}: the parts at {corpus.where(parts[0])} add up to "
                   f"{format_value(total_iv.low, total_iv.high, total_iv.unit)} ({sum_text}), but the total is "
                   + "; ".join(_places(corpus, bad)) + ".")
            bad_ids = {t.id for t in bad}
            good = [t for t in relevant if t.id not in bad_ids]
            if good:
                msg += " Agrees with " + "; ".join(_places(corpus, good)) + "."
            yield finding(rule, subject, attribute, msg, [*parts, *bad], corpus=corpus,
                          summary=f"parts sum to {format_value(total_iv.low, total_iv.high, total_iv.unit)}, "
                                  f"not {', '.join(dict.fromkeys(t.text for t in bad))}",
                          sum={"low": total_iv.low, "high": total_iv.high, "unit": total_iv.unit})


def run_change(rule: Rule, opts: ChangeOptions, corpus: Corpus) -> Iterator[Finding]:
    tree = parse(opts.formula)
    for c in corpus.claims:
        if not c.attribute.endswith("_change") or len(c.qualifiers.relates) != 2:
            continue
        old, new = (corpus.by_id.get(i) for i in c.qualifiers.relates)
        if old is None or new is None:
            continue
        try:
            implied = evaluate(tree, {"old": value_interval(old), "new": value_interval(new)})
        except (ExpressionError, ValueError, ZeroDivisionError):
            continue
        stated = value_interval(c)
        if implied.overlaps(stated, opts.relative_tolerance, opts.absolute_tolerance):
            continue
        label = c.attribute.removesuffix("_change").replace("_", " ")
        msg = (f"{c.subject} {label}: {describe(c)} at {corpus.where(c)} does not match its two values: "
               f"old = {describe(old)}, new = {describe(new)}, so {opts.formula} = "
               f"{format_value(implied.low, implied.high, 'percent')}.")
        yield finding(rule, c.subject, c.attribute, msg, [c, old, new], corpus=corpus,
                      summary=f"{opts.formula} = {format_value(implied.low, implied.high, 'percent')}, not {c.text}",
                      implied={"low": implied.low, "high": implied.high, "unit": "percent"})
