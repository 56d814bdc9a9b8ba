"""The data in `rules/`: where it lives, and the vocabulary (scales, currencies, hedges, attributes, roles)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import yamlfile
from .errors import InputError
from .versions import default_rules_dir


def words_pattern(words: list[str], after_hyphen: bool = False) -> str:
    """An alternation matching any of `words` as whole words, longest first, spaces as any whitespace.

    With `after_hyphen`, a word may follow a hyphen ("12-cent", "one-yen").
    """
    from .text.patterns import word_trie

    def ends(w: str) -> str:
        return r"(?![\w])" if w[-1].isalnum() or w[-1] == "." else ""

    # Words that start with a letter or digit must not start inside a word; the others (symbols) may. A word of
    # one kind and one of the other never match at the same place, so the two tries do not compete.
    left = r"(?<!\w)" if after_hyphen else r"(?<![\w-])"
    words = [" ".join(w.split()) for w in words]
    alnum = [w for w in words if w and w[0].isalnum()]
    other = [w for w in words if w and not w[0].isalnum()]
    parts = ([f"{left}(?:{word_trie(alnum, ends)})"] if alnum else []) + ([word_trie(other, ends)] if other else [])
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Attribute:
    """A canonical attribute and the cues that name it in text."""

    name: str
    unit: str
    cues: tuple[str, ...]
    window: int
    unless: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    timeless: bool = False
    lines: bool = False  # written per line of business ("iPhone revenue"): such a part is kept as a segment
    not_after: tuple[str, ...] = ()  # words just before a figure that make it no value of this attribute
    not_before: tuple[str, ...] = ()  # and just after it ("a year": a rate)


@dataclass(frozen=True)
class Hedge:
    shape: str
    relative: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    name: str
    names: tuple[str, ...]
    sole: bool
    public: bool = False  # an office of a place ("Gov.", "Mayor"): whose is the place named with it, if any


@dataclass(eq=False)  # hashed by identity: one vocabulary per rules folder, used as a cache key
class Vocabulary:
    """Everything the recognizers and the claim builder read from `rules/vocabulary.yaml`."""

    scales: dict[str, float]
    currency_prefix: dict[str, str]
    currency_codes: dict[str, str]
    currency_names: dict[str, str]
    currency_minor: dict[str, tuple[str, float]]
    currency_suffix: dict[str, str]
    hedges: list[Hedge]
    hedge_by_word: dict[str, Hedge]
    plus_suffixes: list[str]
    reporting_words: list[str]
    segments: dict[str, list[str]]
    attributes: dict[str, Attribute]
    counted_nouns: set[str]
    roles: dict[str, Role]
    role_by_name: dict[str, Role]
    tenses: dict[str, list[str]]
    role_verbs: dict[str, list[str]]
    company_references: list[str]
    corporate_suffixes: set[str]
    scope_global: list[str] = field(default_factory=list)
    scope_places: list[str] = field(default_factory=list)
    scope_aliases: dict[str, str] = field(default_factory=dict)
    rounding_max_relative: float = 0.1
    implicit_window_days: int = 90
    tally_window_days: int = 0
    tally_words: frozenset[str] = frozenset()
    span_words: frozenset[str] = frozenset()
    daily_words: frozenset[str] = frozenset()
    label_words: list[str] = field(default_factory=list)
    scale_labels: list[str] = field(default_factory=list)

    def window_days(self, attribute: str) -> int:
        """The implicit window of a figure of this attribute: the tallies' (a death toll) or the general one."""
        words = attribute.replace("_", " ").split()
        return self.tally_window_days if any(w in self.tally_words for w in words) else self.implicit_window_days

    def over_span(self, attribute: str) -> str:
        """Whether a figure of this attribute is a sum or a change over its period, so the span's length is part of
        what it measures: "daily" when a market's (undated, the day's), "yes", or ""."""
        words = attribute.replace("_", " ").split()
        if not any(w in self.span_words for w in words):
            return ""
        return "daily" if any(w in self.daily_words for w in words) else "yes"


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yamlfile.load(fh.read())
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(f"invalid YAML: {exc.problem}", str(path), line) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", str(path)) from None


@lru_cache(maxsize=4)
def load_vocabulary(rules_dir: Path | None = None) -> Vocabulary:
    """Read and index the vocabulary once per rules folder."""
    path = (rules_dir or default_rules_dir()) / "vocabulary.yaml"
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise InputError("the vocabulary must be a mapping", str(path), 1)
    try:
        cur = data["currencies"]
        hedges = [Hedge(h["shape"], float(h.get("relative", 0.0)), tuple(h["words"])) for h in data["hedges"]]
        attributes = {}
        for name, a in data["attributes"].items():
            cues = tuple(a["cues"])
            attributes[name] = Attribute(
                name=name,
                unit=a["unit"],
                cues=cues,
                window=int(a.get("window", 50)),
                unless=tuple(a.get("unless", ())),
                requires=tuple(a.get("requires", ())),
                timeless=bool(a.get("timeless", False)),
                lines=bool(a.get("lines", False)),
                not_after=tuple(a.get("not_after", ())),
                not_before=tuple(a.get("not_before", ())),
            )
        roles = {k: Role(k, tuple(v["names"]), bool(v.get("sole", False)), bool(v.get("public", False)))
                 for k, v in data["roles"].items()}
        codes = {c: cur.get("code_alias", {}).get(c, c) for c in cur["codes"]}
        return Vocabulary(
            scales={k: float(v) for k, v in data["scales"].items()},
            currency_prefix=dict(cur["prefix"]),
            currency_codes=codes,
            currency_names=dict(cur["names"]),
            currency_minor={k: (v[0], float(v[1])) for k, v in cur.get("minor", {}).items()},
            currency_suffix=dict(cur.get("suffix", {})),
            hedges=hedges,
            hedge_by_word={w.lower(): h for h in hedges for w in h.words},
            plus_suffixes=list(data.get("plus_suffixes", [])),
            reporting_words=list(data.get("reporting_words", [])),
            segments={k: list(v) for k, v in data.get("segments", {}).items()},
            attributes=attributes,
            counted_nouns=set(data.get("counted_nouns", [])),
            label_words=[str(w) for w in data.get("label_words", [])],
            scale_labels=[str(w) for w in data.get("scale_labels", [])],
            roles=roles,
            role_by_name={n.lower(): r for r in roles.values() for n in r.names},
            tenses={k: list(v) for k, v in data.get("tenses", {}).items()},
            role_verbs={k: list(v) for k, v in data.get("role_verbs", {}).items()},
            company_references=list(data.get("company_references", [])),
            corporate_suffixes=set(data.get("corporate_suffixes", [])),
            scope_global=list(data.get("scope", {}).get("global", [])),
            scope_places=list(data.get("scope", {}).get("places", [])),
            scope_aliases={str(k): str(v) for k, v in (data.get("scope", {}).get("aliases") or {}).items()},
            rounding_max_relative=float(data.get("rounding", {}).get("max_relative", 0.1)),
            implicit_window_days=int(data.get("time", {}).get("implicit_window_days", 90)),
            tally_window_days=int(data.get("time", {}).get("tally_window_days", 0)),
            tally_words=frozenset(str(w).lower() for w in data.get("time", {}).get("tally_words", [])),
            span_words=frozenset(str(w).lower() for w in data.get("time", {}).get("span_words", [])),
            daily_words=frozenset(str(w).lower() for w in data.get("time", {}).get("daily_words", [])),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"malformed vocabulary: {exc!r}", str(path)) from None
