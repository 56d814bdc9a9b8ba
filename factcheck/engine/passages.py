"""Source independence: passages that two documents share (shingled near-duplicate detection on sentences)."""

from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..models import Document
from ..text.sentences import document_sentences

_WORD = re.compile(r"[a-z0-9]+")
MAX_HOLDERS = 50  # a shingle in more documents than this is boilerplate, not a passage
MAX_PARTNERS = 8  # the documents each document is compared with
_BOILERPLATE: tuple[()] = ()
Held = dict[Any, Any]  # excerpts and tuples of numbers (lines, sentences), each to itself: held once


@dataclass(frozen=True, slots=True)  # slots: a corpus of reprints holds hundreds of thousands
class SharedPassage:
    """A run of sentences of `copy` that also stand (nearly word for word) in `original`; `excerpt` is the copy's
    text, `original_excerpt` the original's sentences that share its shingles (they may differ in a figure)."""

    original: str
    copy: str
    original_lines: tuple[int, int]
    copy_lines: tuple[int, int]
    copy_sentences: tuple[int, ...]
    words: int
    excerpt: str
    direction_known: bool
    original_excerpt: str = ""


# (file line, sentence index, start offset, end offset, shingle hashes, words) of one sentence; the hashes, sorted, in
# an array of 32-bit numbers
Row = tuple[int, int, int, int, "array[int]", int]
_FIELDS = 5  # a row's numbers in `Rows.meta`: line, sentence index, start, end, words


class Rows:
    """A document's rows, flat: each sentence's numbers in one array and every shingle in another, which is a third
    of the memory of a tuple and an array per sentence (a corpus holds them all until passages are found), and
    quicker to send between processes."""

    __slots__ = ("meta", "shingles", "ends")

    def __init__(self, meta: array[int], shingles: array[int], ends: array[int]) -> None:
        self.meta = meta  # _FIELDS numbers a sentence
        self.shingles = shingles  # every sentence's, one after the other
        self.ends = ends  # where each sentence's shingles end in `shingles`

    @classmethod
    def of(cls, rows: list[Row]) -> Rows:
        meta, shingles, ends = array("I"), array("I"), array("I")
        for line, index, start, end, hashes, words in rows:
            meta.extend((line, index, start, end, words))
            shingles.extend(hashes)
            ends.append(len(shingles))
        return cls(meta, shingles, ends)

    def __len__(self) -> int:
        return len(self.ends)

    def info(self, i: int) -> tuple[int, int, int, int, int]:
        """Sentence i's file line, sentence index, start and end offsets, and words."""
        m, k = self.meta, i * _FIELDS
        return m[k], m[k + 1], m[k + 2], m[k + 3], m[k + 4]

    def hashes(self, i: int) -> array[int]:
        """Sentence i's shingles."""
        return self.shingles[self.ends[i - 1] if i else 0 : self.ends[i]]

    def to_json(self) -> list[list[int]]:
        return [self.meta.tolist(), self.shingles.tolist(), self.ends.tolist()]

    @classmethod
    def from_json(cls, data: list[list[int]]) -> Rows:
        meta, shingles, ends = (array("I", x) for x in data)
        if len(meta) != _FIELDS * len(ends) or (ends and ends[-1] != len(shingles)):
            raise ValueError("rows of another shape")
        return cls(meta, shingles, ends)


def _hash(words: list[str]) -> int:
    """A stable hash of a word sequence (the same in every process, so rows can be cached)."""
    return zlib.crc32(" ".join(words).encode("utf-8", "surrogatepass"))


def _shingles(words: list[str], k: int) -> array[int]:
    if len(words) < k:
        return array("I", [_hash(words)] if words else [])
    return array("I", sorted({_hash(words[i : i + k]) for i in range(len(words) - k + 1)}))


def document_rows(doc: Document, shingle: int = 8) -> Rows:
    """The shingles of each sentence of one document: a pure function of its text, computed with its claims."""
    rows = []
    for s in document_sentences(doc.read_text()):
        words = _WORD.findall(s.text.lower())
        if len(words) < 4:
            continue
        rows.append((doc.file_line(s.line), s.index, s.start, s.end, _shingles(words, shingle), len(words)))
    return Rows.of(rows)


def find_shared_passages(docs: list[Document], shingle: int = 8, min_words: int = 25, min_overlap: float = 0.5,
                         rows: list[Rows] | None = None) -> list[SharedPassage]:
    """Passages of at least `min_words` words that one document shares with another.

    A sentence is shared when at least `min_overlap` of its word shingles occur in the other document, so
    small edits (a changed figure, a dropped word) still count. The earlier-published document is taken as
    the original; when the dates do not tell, the direction is marked unknown.
    """
    per_doc = rows if rows is not None else [document_rows(d, shingle) for d in docs]
    # Most shingles stand in one document: on a large corpus those are left out first (`_repeated`); the others
    # are each kept as their first document's number, and only a shingle seen in a second document gets a set of
    # its holders (a third of the memory of a set for every shingle). A shingle in more than MAX_HOLDERS documents
    # is boilerplate, never read again: its set is dropped for one shared empty tuple, so a story reprinted
    # thousands of times costs no more than one reprinted fifty times.
    total = sum(len(r.shingles) for r in per_doc)
    candidates = _repeated(per_doc, total) if total > FILTER_ABOVE else None
    first: dict[int, int] = {}
    index: dict[int, set[int] | tuple[()]] = {}
    for di, doc_rows in enumerate(per_doc):
        for h in doc_rows.shingles if candidates is None else candidates.intersection(doc_rows.shingles):
            holder = first.setdefault(h, di)
            if holder != di:
                holders = index.get(h)
                if holders is None:
                    index[h] = {holder, di}
                elif holders:
                    holders.add(di)
                    if len(holders) > MAX_HOLDERS:
                        index[h] = _BOILERPLATE
    del first
    # Each document is compared with the few documents it shares most shingles with, so that the cost stays
    # linear in the corpus even when one story is reprinted many times.
    pairs: set[tuple[int, int]] = set()
    for di, doc_rows in enumerate(per_doc):
        met: list[int] = []  # the holders of its shingles, counted at once (Counter.update per shingle is slower)
        for holders in map(index.get, doc_rows.shingles):
            if holders:
                met.extend(holders)
        shared = Counter(met)
        shared.pop(di, None)
        for other, count in shared.most_common(MAX_PARTNERS):
            if count >= 3:
                pairs.add((min(di, other), max(di, other)))

    @lru_cache(maxsize=1)  # the pairs are taken by their original, so each original's rows are read once
    def first_rows(doc: int) -> dict[int, int]:
        """Each shingle of a document, with the number of the row (sentence) where it first stands."""
        rows: dict[int, int] = {}
        for i in range(len(per_doc[doc]) - 1, -1, -1):  # from the last row, so that the first row of a shingle wins
            rows.update(dict.fromkeys(per_doc[doc].hashes(i), i))
        return rows

    directed = sorted((_direction(docs, a, b), (a, b)) for a, b in pairs)
    # A passage reprinted by many documents is one excerpt, held once (a tenth as many distinct as passages in the
    # benchmark's corpus), also once sent back by a forked process (pickle keeps what is shared); so are its lines
    # and sentences, which a copy repeats for each original it shares them with.
    held: Held = {}
    found = {pair: _passages(docs, per_doc, first_rows(original), original, copy, known, min_words, min_overlap,
                             held)
             for (original, copy, known), pair in directed}
    return [p for pair in sorted(pairs) for p in found[pair]]


FILTER_ABOVE = 1_000_000  # shingles: above this many, those that stand once are left out first (see _repeated)


def _repeated(per_doc: list[Rows], total: int) -> set[int]:
    """The shingles that stand more than once in the corpus, with a few that do not (one in sixteen or fewer on
    average, one in eight at most).

    Most of a corpus's shingles stand once (they do in distinct articles), yet a table of every shingle to its
    document costs some 70 bytes each: 2.7 GB for 100,000 articles. A table of one bit per value of the hash's
    low bits (eight to sixteen bits a shingle) finds those met before, so only those get an entry; a false match
    costs an entry, never a passage."""
    size = 1 << max(16, min(32, (8 * total - 1).bit_length()))
    mask = size - 1
    seen = bytearray(size >> 3)
    out: set[int] = set()
    for doc_rows in per_doc:
        for h in doc_rows.shingles:
            i = h & mask
            bit = 1 << (i & 7)
            if seen[i >> 3] & bit:
                out.add(h)
            else:
                seen[i >> 3] |= bit
    return out


def _direction(docs: list[Document], a: int, b: int) -> tuple[int, int, bool]:
    pa, pb = docs[a].published, docs[b].published
    if pa and pb and pa != pb:
        return (a, b, True) if pa < pb else (b, a, True)
    return a, b, False


def _passages(docs: list[Document], per_doc: list[Rows], orig_sh: dict[int, int], orig: int, copy: int,
              known: bool, min_words: int, min_overlap: float, held: Held) -> list[SharedPassage]:
    """The runs of `copy`'s sentences that share shingles with `orig` (`orig_sh`: its shingles' first rows);
    `held`: the excerpts, lines and sentences made so far, each held once."""
    runs: list[list[tuple[int, list[int]]]] = []  # each sentence by its row's number, with its shingles' rows there
    current: list[tuple[int, list[int]]] = []
    copy_rows, orig_rows = per_doc[copy], per_doc[orig]
    for r in range(len(copy_rows)):
        sh = copy_rows.hashes(r)
        hits = [i for i in map(orig_sh.get, sh) if i is not None]
        if sh and len(hits) / len(sh) >= min_overlap:
            current.append((r, hits))
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    out: list[SharedPassage] = []
    if not runs:
        return out
    text, orig_text = docs[copy].read_text(), docs[orig].read_text()  # read only for a pair that shares a run
    copy_meta, orig_meta = copy_rows.meta, orig_rows.meta
    for run in runs:
        words = sum(copy_meta[r * _FIELDS + 4] for r, _ in run)
        if words < min_words:
            continue
        rows = [copy_rows.info(r) for r, _ in run]
        orig_lines = [orig_meta[i * _FIELDS] for i in {i for _, hits in run for i in hits}]
        excerpt = " ".join(text[row[2] : row[3]] for row in rows)
        # each sentence of the copy, matched with the original's sentence that holds most of its shingles (a phrase
        # that also stands elsewhere in the original does not pull that sentence in)
        matched = [orig_rows.info(i) for i in sorted({_most_named(hits) for _, hits in run})]
        orig_excerpt = " ".join(orig_text[row[2] : row[3]] for row in matched)
        out.append(SharedPassage(
            original=docs[orig].path, copy=docs[copy].path,
            original_lines=held.setdefault(t := (min(orig_lines), max(orig_lines)), t),
            copy_lines=held.setdefault(t := (rows[0][0], rows[-1][0]), t),
            copy_sentences=held.setdefault(s := tuple(row[1] for row in rows), s), words=words,
            excerpt=held.setdefault(cut := _cut(excerpt), cut), direction_known=known,
            original_excerpt=held.setdefault(cut := _cut(orig_excerpt), cut),
        ))
    return out


def _most_named(hits: list[int]) -> int:
    """The row named most often in `hits` (of those named as often, the first named), as
    `Counter(hits).most_common(1)` gives it, in a fifth of the time: most often every shingle names one row."""
    first = hits[0]
    if hits.count(first) == len(hits):
        return first
    counts: dict[int, int] = {}
    for h in hits:
        counts[h] = counts.get(h, 0) + 1
    return max(counts, key=counts.__getitem__)


def _cut(excerpt: str) -> str:
    return excerpt if len(excerpt) <= 160 else excerpt[:157] + "..."
