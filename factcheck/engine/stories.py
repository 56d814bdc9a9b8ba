"""Which documents of a corpus tell one story: those that share proper names. A corpus may hold many stories
(a newsroom's day, a CI job's whole archive), and figures of two stories are not one figure written two ways."""

from __future__ import annotations

import re

from ..models import Document
from ..recognizers.organizations import COMMON_CAPS, SENTENCE_WORDS

MIN_SHARED_NAMES = 2
_OPENS = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[-•*#>]\s+|[\"“(]\s*)$")
_PROPER = re.compile(r"\b(?-i:[A-Z][a-z]{2,}|[A-Z]{2,6})\b")
# Capitalised words news of every story writes: days, months, outlets, and words capitalised for other reasons
_NOT_STORY_NAMES = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Reuters", "AP", "AFP", "BBC", "CNN", "CNBC",
    "Associated", "Press", "Bloomberg", "The", "This", "That", "His", "Her", "Its", "Their", "But", "And", "For",
    "With", "From", "After", "Before", "While", "When", "According", "Mr", "Mrs", "Ms", "Dr", "CEO", "CFO", "US",
    "USA", "UK", "EU", "U.S", "Inc", "Corp", "Ltd", "Co", "Group", "Company", "PDT", "EDT", "EST", "GMT", "UTC",
    "Q1", "Q2", "Q3", "Q4", "GDP", "CPI", "EPS", "EBITDA", "GAAP", "IPO", "AI"}) | COMMON_CAPS | SENTENCE_WORDS


def story_names(text: str) -> tuple[frozenset[int], int]:
    """The capitalised words a document writes (but words any sentence may open with), hashed, and how many of
    them it writes inside a sentence: its proper names, what tells its story apart from others of the same kind
    of news ("Earlier", "Hackers" opening a sentence are no names, but "AT&T said" opens one too)."""
    every: set[str] = set()
    inside: set[str] = set()
    for m in _PROPER.finditer(text):
        w = m.group()
        if w not in _NOT_STORY_NAMES:
            every.add(w.lower())  # ("Opec", "OPEC")
            if not _OPENS.search(text, max(0, m.start() - 3), m.start()):
                inside.add(w.lower())
    return frozenset(hash(w) for w in every), len(inside)


class Stories:
    """The story names of a corpus's documents, read as they are first asked for (a bounded cache of hashes)."""

    def __init__(self, docs: dict[str, Document]) -> None:
        self.docs = docs
        self._names: dict[str, tuple[frozenset[int], int]] = {}
        self._pairs: dict[tuple[str, str], bool] = {}  # a figure asks of the few documents nearest it, as its
        # neighbours in the document do: the answer is asked again far more often than it is new

    def one_story(self, a: str, b: str) -> bool:
        """Whether two documents tell of one story: they share a proper name or two ("Alaska", "Ohtani"), not only
        words of a kind of news ("rate", "placebo"). Two documents checked alone are always one story (a summary
        and its source)."""
        if a == b or len(self.docs) <= 2:
            return True
        key = (a, b) if a < b else (b, a)
        found = self._pairs.get(key)
        if found is None:
            if len(self._pairs) >= 20_000:  # (two MB at most)
                self._pairs.clear()
            (na, ia), (nb, ib) = self._names_of(a), self._names_of(b)
            # (a document naming nothing, "The company's revenue rose", may be of any story; two names are asked of
            # documents that write two or more inside their sentences, one of those that write fewer)
            found = self._pairs[key] = len(na.intersection(nb)) >= min(MIN_SHARED_NAMES, max(1, ia), max(1, ib),
                                                                        len(na), len(nb))
        return found

    def _names_of(self, document: str) -> tuple[frozenset[int], int]:
        found = self._names.get(document)
        if found is None:
            if len(self._names) >= 5_000:  # (a few MB; a large corpus is read in order: recent ones are asked again)
                self._names.clear()
            doc = self.docs.get(document)
            found = self._names[document] = story_names(doc.read_text() if doc is not None else "")
        return found
