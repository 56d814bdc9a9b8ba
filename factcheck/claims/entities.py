"""Who a claim is about: a document's organizations, their short forms, its main company, and corpus-wide names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..models import Mention, NameValue, RoleValue
from ..recognizers.organizations import BASED, INSTITUTION_WORDS
from ..text.patterns import guarded
from ..vocabulary import Vocabulary


def alias_key(name: str, vocab: Vocabulary) -> str:
    """The key two spellings of one company share: "Scale AI", "Scale" and "Scale AI's" are all "scale"."""
    name = name.replace("’", "'")
    if name.endswith("'s"):
        name = name[:-2]
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1] in vocab.corporate_suffixes:
        words = words[:-1]
    return " ".join(words).lower().replace(".", "")  # ("St. Petersburg" and "St Petersburg", "J.P. Morgan")


def spellings(names: list[str], vocab: Vocabulary) -> list[Counter[str]]:
    """The names grouped by the company they spell ("Scale AI", "Scale"), with how often each spelling occurs."""
    by_key: dict[str, Counter[str]] = {}
    for n in names:
        by_key.setdefault(alias_key(n, vocab), Counter())[n] += 1
    # An acronym written in capitals spells the one name whose initials it is ("SVB", "Silicon Valley Bank").
    initials: dict[str, list[str]] = {}
    for key in by_key:
        words = [w for w in key.split() if w not in _NOT_INITIALS]
        if len(words) >= 2:
            initials.setdefault("".join(w[0] for w in words), []).append(key)
    for key in [k for k in by_key if k in initials and len(initials[k]) == 1 and " " not in k]:
        if any(n.isupper() for n in by_key[key]):
            by_key[initials[key][0]].update(by_key.pop(key))
    return list(by_key.values())


_NOT_INITIALS = {"of", "and", "the", "&", "for"}


@dataclass
class DocumentEntities:
    """The organizations and people of one document, and the company it is mainly about."""

    orgs: list[Mention]
    people: dict[str, str]  # any written form (full name, surname) -> full name
    canonical: dict[str, str]  # written org name -> the document's fullest form of it
    topic: str | None
    references: re.Pattern[str] = field(repr=False, default=re.compile("(?!)"))

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The words of the document's organization names, lower-cased."""
        return frozenset(w.lower() for n in self.canonical for w in n.split())

    def org_name(self, written: str | None) -> str | None:
        if not written:
            return None
        return self.canonical.get(written, written)

    def person(self, written: str | None) -> str | None:
        if not written:
            return None
        return self.people.get(written, written)


@lru_cache(maxsize=4)
def places_written(vocab: Vocabulary) -> frozenset[str]:
    """The vocabulary's places as written, without "the"."""
    return frozenset(p.removeprefix("the ") for p in vocab.scope_places)


@lru_cache(maxsize=4)
def place_names(vocab: Vocabulary) -> frozenset[str]:
    """The vocabulary's places, lower-cased, without "the"."""
    return frozenset(p.lower() for p in places_written(vocab))


def document_entities(text: str, title: str | None, mentions: list[Mention], vocab: Vocabulary) -> DocumentEntities:
    """Index the document's organizations (merging short forms) and people; pick its main company."""
    orgs = [m for m in mentions if m.kind == "organization"]
    names = [m.value.name for m in orgs if isinstance(m.value, NameValue)]
    canonical: dict[str, str] = {}
    for counter in spellings(names, vocab):
        full = max(counter, key=lambda n: (len(n.split()), counter[n]))
        for n in counter:
            canonical[n] = full
    counts: Counter[str] = Counter(canonical[n] for n in names)
    first_line = text.split("\n", 1)[0]
    for m in orgs:
        if m.start < len(first_line) and isinstance(m.value, NameValue):
            counts[canonical[m.value.name]] += 2
    if title:
        for n in set(canonical.values()):
            if n in title:
                counts[n] += 2
    role_people = {m.value.person for m in mentions if isinstance(m.value, RoleValue) and m.value.person}
    named_people = role_people | _people_by_surname(text, set(canonical.values()),
                                                    _NOT_SURNAMES | vocab.corporate_suffixes)
    # a place is the story's company only if nothing else is named ("Lisbon plane crash: ..." is about the airline);
    # a person never is ("Rachel Reeves on Wednesday announced", "Ms Reeves said")
    places = place_names(vocab)
    cited = _only_cited(text, orgs, canonical)
    ranked = [n for n, _ in counts.most_common() if n not in named_people and n not in cited]
    topic = next((n for n in ranked if n.lower().removeprefix("the ") not in places), ranked[0] if ranked else None)
    people: dict[str, str] = {}
    full_names = sorted(named_people, key=lambda p: -len(p.split()))
    for p in full_names:
        people.setdefault(p, p)
        if len(p.split()) > 1:
            people.setdefault(p.split()[-1], p)
    return DocumentEntities(orgs, people, canonical, topic, _references(tuple(vocab.company_references)))


# An agency that publishes figures ("the National Association of Realtors", "the Office for National Statistics")
_AGENCY = re.compile(r"\b(?:" + "|".join((*INSTITUTION_WORDS, "Statistics", "Survey", "Realtors", "Authority",
                                             "Foundation")) + r")\b")
# Where a text cites its source: "according to (the) X", "data from X"; or ", (the) X said", ", X data showed"
_SOURCE_BEFORE = re.compile(r"\b(?:according\s+to|(?:data|figures|estimates)\s+from|(?:survey|report)\s+by)\s+"
                            r"(?:the\s+)?$", re.I)
_COMMA_BEFORE = re.compile(r",\s+(?:the\s+)?$")
_CITED_AFTER = re.compile(r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)?(?:['’]s)?"
                          r"\s+(?:(?:data|figures|report|survey|estimates?)\s+)?(?:said|says|showed|show|shows|reported|"
                          r"estimated|found)\b")


def _only_cited(text: str, orgs: list[Mention], canonical: dict[str, str]) -> set[str]:
    """The agencies a text only cites as its source of figures, never writes of: no story's company ("Sales of
    homes fell 5.4%, the National Association of Realtors said": the figures are the market's, not the agency's)."""
    cited: set[str] = set()
    other: set[str] = set()
    for m in orgs:
        if not isinstance(m.value, NameValue):
            continue
        name = canonical.get(m.value.name, m.value.name)
        lo = max(0, m.start - 25)
        if _AGENCY.search(name) and (_SOURCE_BEFORE.search(text, lo, m.start) or (
                _COMMA_BEFORE.search(text, lo, m.start) and _CITED_AFTER.match(text, m.end))):
            cited.add(name)
        else:
            other.add(name)
    return cited - other


@lru_cache(maxsize=4)
def _references(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words that stand for a document's main company, also after where it is based ("the Columbus, Ohio-based
    chain")."""
    nouns = "|".join(r"\s+".join(map(re.escape, w.split()[1:])) for w in words if w.lower().startswith("the "))
    others = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words if not w.lower().startswith("the "))
    based = rf"(?:(?:[A-Z][\w.]*,?\s+){{0,3}}[\w.]+{BASED}\s+)?"
    return re.compile(rf"(?<![\w])(?:the\s+{based}(?:{nouns}){'|' + others if others else ''}|its|it|their)(?![\w])",
                      re.I)


# (and dying: "Keaton died Saturday" is a person's surname)
_SAID = re.compile(r"\b(?:said|says|told|added|wrote|argued|insisted|died|dies)\b")
_SAID_BY = re.compile(r"(?:(?P<prev>[\w.,'’-]+)\s+)?(?<![\w-])(?P<name>[A-Z][\w'’-]+)\s+$")
_HONORIFIC = guarded(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Judge|Justice)\.?\s+(?P<surname>[A-Z][\w'’-]+)")
PERSON_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:Mc|Mac|De|Di|La|Le)?[A-Z][a-z'’-]+){1,2}")


def _people_by_surname(text: str, names: set[str], not_surnames: set[str]) -> set[str]:
    """Names taken for organizations that are people: a first and last name whose surname the text gives with an
    honorific ("Rachel Reeves" ... "Ms Reeves"), or alone before a verb of saying ("Reeves said"); none ending in
    one of `not_surnames` (the words that end companies' names)."""
    candidates = {n for n in names if PERSON_NAME.fullmatch(n)}
    if not candidates:
        return set()
    surnames = {m.group("surname") for m in _HONORIFIC.finditer(text)}
    for said in _SAID.finditer(text):
        # the word alone before the verb, not the end of a longer name ("Toyota Motor Corp said" is no person's)
        before = _SAID_BY.search(text, max(0, said.start() - 40), said.start())
        if before is not None and not (before.group("prev") or "a")[0].isupper():
            surnames.add(before.group("name"))
    return {n for n in candidates if n.split()[-1] in surnames and n.split()[-1] not in not_surnames}


# Last words of company names, never of people's, besides the vocabulary's corporate suffixes
_NOT_SURNAMES = {"Bank", "Motors", "Airlines", "Airways", "Partners", "Capital", "Energy", "Media", "Foods", "Pharma"}


def corpus_names(names: list[str], vocab: Vocabulary) -> dict[str, str]:
    """Map every subject name to one display name per alias key across documents (the fullest, most used)."""
    out: dict[str, str] = {}
    for counter in spellings(names, vocab):
        best = max(counter, key=lambda n: (counter[n], len(n)))
        longest = max(counter, key=lambda n: (len(n.split()), counter[n]))
        display = longest if counter[longest] * 3 >= counter[best] else best
        for n in counter:
            out[n] = display
    return out
