"""Check `role-conflict`: two different people hold the same sole role (CEO, CFO...) at the same time."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from ...display import period
from ...models import Claim, Finding, NameValue
from ...recognizers.people import NAME_SUFFIXES
from ..corpus import Corpus, finding, period_unknown
from ..rules import Rule

HOLDING = {"current", "interim", "outgoing"}


class Options(BaseModel):
    """succession_severity: the severity when a source calls one of the people former (a likely succession)."""

    model_config = ConfigDict(extra="forbid")
    succession_severity: str = "warning"


def folded(name: str) -> str:
    """A name without accents or case, as outlets that cannot print "Luís" write it ("luis rodrigues")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).casefold()


_SUFFIXES = {s.lower() for s in NAME_SUFFIXES}


def _core(name: str) -> str:
    """A name folded, without initials or a generational suffix ("John J. Ray III" is "john ray")."""
    words = [w for w in folded(name).replace(",", " ").split() if w not in _SUFFIXES
             and len(w.rstrip(".")) != 1]
    return " ".join(words) or folded(name)


def person_names(claims: list[Claim]) -> dict[str, str]:
    """Map each written name to the fullest name across documents ("Wang" to "Alexandr Wang"), a name written with
    and without accents to the one with them ("Luis Rodrigues" to "Luís Rodrigues")."""
    written = {c.value.name for c in claims if isinstance(c.value, NameValue)}
    # the fullest first, and of one folded name the spelling with the most accents
    full = sorted(written, key=lambda n: (-len(n.split()), -sum(not ch.isascii() for ch in n), n))
    keys = {n: _core(n) for n in full}
    out: dict[str, str] = {}
    for i, n in enumerate(full):
        key = keys[n]
        last = (key.split() or [""])[-1]
        match = next((f for f in full[:i] if keys[f] == key
                      or len(keys[f].split()) > len(key.split()) and keys[f].split()[-1] == last), None)
        out[n] = n if match is None else out[match]
    return out


def run(rule: Rule, opts: Options, corpus: Corpus) -> Iterator[Finding]:
    sole = {name for name, r in corpus.vocab.roles.items() if r.sole}
    roles = set(rule.attributes) & sole if rule.attributes else sole
    for (subject, attribute), group in sorted(corpus.groups.items()):
        if attribute not in roles:
            continue
        names = person_names(group)
        by_person: dict[str, list[Claim]] = defaultdict(list)
        for c in group:
            if isinstance(c.value, NameValue):  # only a name holds a role; any other value of its attribute is skipped
                by_person[names[c.value.name]].append(c)
        holders = {p: [c for c in cs if c.qualifiers.tense in HOLDING] for p, cs in by_person.items()}
        holders = {p: cs for p, cs in holders.items() if cs}
        if len(holders) < 2:
            continue
        people = sorted(holders, key=lambda p: (min(c.document for c in holders[p]), p))
        overlapping = unknown = False
        # Once two holders overlap, more pairs change nothing, unless a pair of unknown dates may still come (it is
        # said in the message): a role named in a thousand sources costs their number, not its square.
        dates_may_be_unknown = any(period_unknown(c) for cs in holders.values() for c in cs)
        pairs = ((a, b) for i, pa in enumerate(people) for pb in people[i + 1 :] for a in holders[pa]
                 for b in holders[pb])
        for a, b in pairs:
            same = corpus.same_time(a, b)
            unknown |= same is None
            overlapping |= same is not False
            if overlapping and (unknown or not dates_may_be_unknown):
                break
        role = attribute.upper() if len(attribute) <= 4 else attribute.replace("_", " ")
        parts = [f"{p} ({corpus.places(holders[p])}; {period(holders[p][0])})" for p in people]
        former_notes = []
        for p in people:
            for c in by_person[p]:
                if c.qualifiers.tense == "former":
                    former_notes.append(f"{corpus.where(c)} calls {p} the former {role}")
        involved = [c for p in people for c in by_person[p]]
        if not overlapping:
            msg = (f"{subject} {role}: {' then '.join(parts)} held the role in different periods "
                   f"(a succession, not a contradiction).")
            f = finding(rule, subject, attribute, msg, involved, corpus=corpus, people=people, succession=True,
                        summary=f"different periods: a succession of {role}s")
            yield f.model_copy(update={"severity": "info"})
            continue
        msg = f"{subject} {role}: sources name different people as the current {role}: " + " vs ".join(parts) + "."
        severity = rule.severity
        if former_notes:
            msg += " Note: " + "; ".join(sorted(set(former_notes))) + ", so this may be a succession that the " \
                "other sources do not reflect."
            severity = opts.succession_severity  # type: ignore[assignment]
        if unknown:
            msg += " The dates are unknown (undated documents)."
        summary = f"{len(people)} people named current {role}"
        if former_notes:
            summary += "; " + "; ".join(sorted(set(former_notes)))
        if unknown:
            summary += "; dates unknown"
        f = finding(rule, subject, attribute, msg, involved, corpus=corpus, people=people, summary=summary,
                    former=sorted(set(former_notes)))
        yield f.model_copy(update={"severity": severity})
