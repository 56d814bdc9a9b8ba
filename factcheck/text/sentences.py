"""Stage 2: split a document into sentences, each with its line and column."""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Sentence

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "plc", "vs", "etc", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen", "rep",
    "gen", "col", "lt", "sgt", "capt", "u.s", "u.k", "u.n", "e.u", "e.g", "i.e", "a.m", "p.m", "approx", "est",
    "fig", "dept", "univ", "mt", "ft", "rs",
}
# A boundary starts at the first of a run of stops (else a long run of dots costs its square).
# (A sentence may open with a name whose capital comes second: "iPhone revenue was...", "eBay said...".)
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?(?:[A-Z0-9$€£]|[a-z]{1,2}[A-Z]))")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]+[\"'”’)\]]*\s+$")


def _is_abbreviation(text: str, end: int) -> bool:
    m = _WORD_BEFORE.search(text[max(0, end - 20) : end])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_start(text: str, pos: int, reach: int = 200) -> int:
    """Where the sentence holding offset `pos` starts (looking back at most `reach` characters), by the rules
    `split_sentences` uses: after a line break, or after . ! ? before a capital that do not end an abbreviation."""
    lo = max(0, pos - reach)
    line = text.rfind("\n", lo, pos)
    start = lo if line < 0 else line + 1
    for m in _BOUNDARY.finditer(text, start, min(len(text), pos + 3)):  # the lookahead reads past `pos`
        if m.end() <= pos and not _is_abbreviation(text, m.end()):
            start = m.end()
    return start


# Longer than any sentence seen in news text here (the longest of 22,500 in the evaluation documents: 1,822
# characters), a run without a sentence end (a table, a transcript, text with its stops stripped) is cut at a space
# before this length, so that the work and the quotes per sentence stay bounded.
MAX_SENTENCE = 2000


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`: every line break ends one, and so do . ! ? before a capital; a run longer than
    `MAX_SENTENCE` characters is cut at a space."""
    out: list[Sentence] = []
    offset = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        start = 0
        for m in _BOUNDARY.finditer(line):
            if _is_abbreviation(line, m.end()):
                continue
            _add_bounded(out, line, start, m.end(), offset, lineno)
            start = m.end()
        _add_bounded(out, line, start, len(line), offset, lineno)
        offset += len(line) + 1
    return out


@lru_cache(maxsize=1)
def document_sentences(text: str) -> tuple[Sentence, ...]:
    """`split_sentences` of a document, kept for the next caller: extraction and the passages' shingles read the
    same document's sentences one after the other. Read-only: the sentences are shared."""
    return tuple(split_sentences(text))


def _add_bounded(out: list[Sentence], line: str, start: int, end: int, offset: int, lineno: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = line.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE  # one word longer than a sentence: cut inside it
        _add(out, line, start, cut, offset, lineno)
        start = cut
    _add(out, line, start, end, offset, lineno)


def _add(out: list[Sentence], line: str, start: int, end: int, offset: int, lineno: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    out.append(
        Sentence(index=len(out), start=s, end=s + len(stripped), text=stripped, line=lineno, column=start + lead + 1)
    )
