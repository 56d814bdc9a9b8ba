"""Text hygiene: unrendered template placeholders, passages copied between documents, undated documents."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...models import Finding, Location
from ..corpus import Corpus, capped, finding, place
from ..passages import SharedPassage
from ..rules import Rule

DEFAULT_PLACEHOLDERS = [r"\{\{\s*[^{}\n]{0,60}?\s*\}\}", r"\{%\s*[^%\n]{0,60}?\s*%\}", r"\$\{[A-Za-z_][\w.]*\}",
                        r"%\([A-Za-z_]\w*\)[sd]", r"\[\[\s*[A-Z_][A-Z0-9_ ]{1,40}\s*\]\]", r"<%=?[^%\n]{0,60}%>"]


class PlaceholderOptions(BaseModel):
    """patterns: regular expressions (matched, never executed) for template syntax left in published text."""

    model_config = ConfigDict(extra="forbid")
    patterns: list[str] = Field(default_factory=lambda: list(DEFAULT_PLACEHOLDERS))

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"bad regular expression {p!r}: {exc}") from None
        return v


class PassageOptions(BaseModel):
    """shingle: words per shingle; min_words: the shortest passage reported; min_overlap: share of a sentence."""

    model_config = ConfigDict(extra="forbid")
    shingle: int = Field(8, ge=3, le=50)
    min_words: int = Field(25, ge=5)
    min_overlap: float = Field(0.5, gt=0, le=1)


class UndatedOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")


def run_placeholder(rule: Rule, opts: PlaceholderOptions, corpus: Corpus) -> Iterator[Finding]:
    pattern = re.compile("|".join(f"(?:{p})" for p in opts.patterns))
    for doc in corpus.documents:
        locs: list[Location] = []
        for i, line in enumerate(doc.read_text().split("\n"), 1):
            for m in pattern.finditer(line):
                locs.append(place(corpus, doc.path, doc.file_line(i), m.group(), m.start() + 1))
        if not locs:
            continue
        listed = ", ".join(f"{loc.quote} (line {loc.line})" for loc in locs[:8])
        more = f" and {len(locs) - 8} more" if len(locs) > 8 else ""
        msg = (f"{corpus.short(doc.path)} contains unrendered template placeholders: {listed}{more}. The text "
               f"around them may be incomplete or not what was published.")
        yield finding(rule, corpus.short(doc.path), "text", msg, locations=locs, placeholders=[x.quote for x in locs],
                      summary=f"{len(locs)} unrendered template placeholder{'s' if len(locs) != 1 else ''}")


def run_shared_passage(rule: Rule, opts: PassageOptions, corpus: Corpus) -> Iterator[Finding]:
    # One finding per passage of a copy, naming every document it stands in: a wire story reprinted by twenty
    # outlets is twenty findings, not one for each of the 190 pairs among them.
    groups: dict[tuple[str, tuple[int, ...], bool], list[SharedPassage]] = {}
    for p in corpus.passages:
        groups.setdefault((p.copy, p.copy_sentences, p.direction_known), []).append(p)
    published = {d.path: d.published.isoformat() if d.published else "" for d in corpus.documents}
    for group in groups.values():
        group.sort(key=lambda p: (published.get(p.original, ""), p.original))
        p = group[0]
        a, b = corpus.short(p.original), corpus.short(p.copy)
        others = [corpus.short(q.original) for q in group[1:]]
        also = ""
        if others:
            named = capped(others, ", ", "document", "documents")
            also = f" (also in {len(others)} other document{'s' if len(others) > 1 else ''}: {named})"
        relation = (f"{b} repeats a passage of {a}{also}" if p.direction_known
                    else f"{a} and {b} share a passage{also} (which copied which is unknown)")
        msg = (f"{relation}: {p.words} words, {b}:{p.copy_lines[0]}-{p.copy_lines[1]} ~ "
               f"{a}:{p.original_lines[0]}-{p.original_lines[1]} (\"{p.excerpt}\"). Claims in it are counted "
               f"once, not as independent confirmation.")
        locs = [place(corpus, p.copy, p.copy_lines[0], p.excerpt),
                *(place(corpus, q.original, q.original_lines[0], q.original_excerpt or q.excerpt) for q in group)]
        shared_with = f"{a} and {len(others)} other{'s' if len(others) > 1 else ''}" if others else a
        yield finding(rule, b, "text", msg, locations=locs, summary=f"{p.words} words shared with {shared_with}; "
                      f"counted as one source", original=p.original, copy=p.copy, words=p.words,
                      direction_known=p.direction_known, also_in=[q.original for q in group[1:]])


def run_undated(rule: Rule, opts: UndatedOptions, corpus: Corpus) -> Iterator[Finding]:
    for doc in corpus.documents:
        if doc.published is None:
            msg = (f"{corpus.short(doc.path)} has no publication date, so its relative dates (\"last year\") "
                   f"stay unresolved and its figures are compared with every period. Give one in front matter "
                   f"(published: 2025-06-20) or in the record's metadata.")
            yield finding(rule, corpus.short(doc.path), "published", msg, summary="no publication date",
                          locations=[place(corpus, doc.path, doc.file_line(1))])
