"""Big alternations made fast: Python's regex engine tries every branch of an alternation in turn, so a list of
eighty words, or a date pattern of fifty branches, costs microseconds at each word of running text.

- `word_trie` writes a list of words (or phrases) as a trie, which matches the same but compares one character per
  level.
- `start_guard` reads a pattern's syntax tree and returns a lookahead that accepts only the leading words its
  matches can have ("the", "january", "q" in "Q3") or their first character when it is not a letter (a digit,
  "'"), so most positions fail at once. The guard is derived from the pattern, not written beside it, so it cannot
  fall out of step; a pattern whose start cannot be told (a leading `\\w`, say) raises.
- `Dispatched` finds what such a pattern finds, trying at each place the guard lets through only the branches
  that can start with the word there (`branch_starts`, read from the same syntax tree).
- `compile_stored` compiles a large pattern once per Python build and keeps the compiled program, as Python keeps a
  module's bytecode: the date pattern takes 0.2 s to compile (in each process of each run), 3 ms to load.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as sre  # type: ignore[attr-defined]
from typing import Any, NamedTuple

_LETTERS = set("abcdefghijklmnopqrstuvwxyz")
_CAP = 6  # characters read of the leading words: enough to tell most apart, few enough to stay small


class Unguardable(ValueError):
    """The pattern can start with a letter that no finite list of words describes."""


class _Start:
    """Leading-word runs being read (`open`), and what a match can start with once a run ends (`words`: whole
    leading words; `chars`: non-letter first characters, as regex fragments)."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.prefixes: set[str] = set()  # the first `_CAP` characters of longer runs ("aprbetween": "\\s*" is 0+)
        self.chars: set[str] = set()

    def grow(self, runs: set[str], letters: set[str]) -> set[str]:
        """Runs extended by one letter (or a space); those reaching `_CAP` characters are kept as prefixes and
        read no further."""
        grown = {r if r.endswith(" ") and ch == " " else r + ch for r in runs for ch in letters}
        full = {r for r in grown if len(r) >= _CAP}
        self.prefixes |= full
        return grown - full


def _chars(items: list[tuple[Any, Any]]) -> tuple[set[str], set[str]]:
    """Letters (lowercased) and other first characters (regex fragments; " " for whitespace) of a class."""
    letters: set[str] = set()
    other: set[str] = set()
    for op, av in items:
        if op is c.LITERAL and chr(av).isspace():
            other.add(" ")
        elif op is c.LITERAL:
            ch = chr(av)
            (letters if ch.lower() in _LETTERS else other).add(ch.lower() if ch.lower() in _LETTERS else re.escape(ch))
        elif op is c.RANGE:
            lo, hi = av
            for code in range(lo, hi + 1):
                ch = chr(code).lower()
                (letters if ch in _LETTERS else other).add(ch if ch in _LETTERS else re.escape(chr(code)))
        elif op is c.CATEGORY and av in (c.CATEGORY_DIGIT, c.CATEGORY_SPACE):
            other.add(r"\d" if av is c.CATEGORY_DIGIT else " ")
        else:  # \w, a negated class, ...: any letter at all
            raise Unguardable(f"a class the guard cannot read: {op} {av}")
    return letters, other


def _seq(items: list[tuple[Any, Any]], runs: set[str], out: _Start) -> set[str]:
    """Read a sequence with these open runs; return the runs still open after it."""
    for op, av in items:
        if not runs:
            return runs
        runs = _item(op, av, runs, out)
    return runs


def _end(runs: set[str], first: set[str], out: _Start) -> None:
    """Runs meet a non-letter: each is a whole leading word, or (if empty) the match starts with `first`."""
    for r in runs:
        if r:
            out.words.add(r)
        else:
            out.chars.update(first)


def _item(op: Any, av: Any, runs: set[str], out: _Start) -> set[str]:
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return runs  # zero width
    if op is c.LITERAL or op is c.IN:
        letters, other = _chars([(op, av)] if op is c.LITERAL else av)
        spaced: set[str] = set()
        if " " in other:  # a word and the next: "the" alone tells little, "the first" or "the 5th" more
            other.discard(" ")
            spaced = out.grow({r for r in runs if r}, {" "})
            if "" in runs:
                out.chars.add(r"\s")
        if other:
            _end(runs, other, out)
        return out.grow(runs, letters) | spaced
    if op is c.SUBPATTERN:
        return _seq(list(av[-1]), runs, out)
    if op is c.BRANCH:
        open_runs: set[str] = set()
        for alt in av[1]:
            open_runs |= _seq(list(alt), set(runs), out)
        return open_runs
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        after = _seq(list(sub), set(runs), out)
        if hi > 1 and after - runs and (_seq(list(sub), set(after), _Start()) - after):
            raise Unguardable("a repeated run of letters")
        return (runs | after) if lo == 0 else after
    raise Unguardable(f"an element the guard cannot read: {op}")


def _trie(words: set[str], prefixes: set[str]) -> str:
    """One alternation of `words` (each followed by a non-letter) and `prefixes` (followed by anything), as a
    trie, so that the engine compares one character per level."""
    if "" in prefixes:
        return ""
    groups: dict[str, tuple[set[str], set[str]]] = {}
    for w in words:
        groups.setdefault(w[:1], (set(), set()))[0].add(w[1:])
    for p in prefixes:
        groups.setdefault(p[:1], (set(), set()))[1].add(p[1:])
    parts = []
    for ch, (ws, ps) in sorted(groups.items()):
        if ch == "":
            continue
        inner = _trie(ws, ps)
        if "" in ps:
            parts.append(_char(ch))
        elif "" in ws:
            longer = _trie(ws - {""}, ps)
            parts.append(_char(ch) + (f"(?:{longer}|(?![a-z]))" if longer else "(?![a-z])"))
        else:
            parts.append(_char(ch) + (f"(?:{inner})" if "|" in inner else inner))
    return "|".join(parts)


def _char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def start_guard(source: str, flags: int = 0) -> str:
    """A lookahead that holds wherever a match of `source` (compiled with `flags`) may start."""
    out = _Start()
    _end(_seq(list(sre.parse(source, flags)), {""}, out), {""}, out)
    if "" in out.chars or not (out.chars or out.words or out.prefixes):
        return ""  # the pattern may match the empty string: nothing to test
    parts = []
    if out.chars:
        parts.append("[" + "".join(sorted(out.chars)) + "]")
    if out.words or out.prefixes:
        parts.append(_trie(out.words, out.prefixes))
    return "(?=" + "|".join(parts) + ")"


_CATEGORIES = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
               c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}


def _first(items: list[tuple[Any, Any]], fold: bool) -> tuple[set[str], bool]:
    """The characters (class fragments) a sequence can start with, and whether it can match the empty string.
    `fold`: the sequence is case-insensitive where the pattern as a whole is not (both cases are written)."""
    found: set[str] = set()
    for op, av in items:
        first, empty = _first_of(op, av, fold)
        found |= first
        if not empty:
            return found, False
    return found, True


def _cases(ch: str, fold: bool) -> set[str]:
    return {re.escape(x) for x in (ch, ch.lower(), ch.upper()) if len(x) == 1} if fold else {re.escape(ch)}


def _first_of(op: Any, av: Any, fold: bool) -> tuple[set[str], bool]:
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero width
    if op is c.LITERAL:
        return _cases(chr(av), fold), False
    if op is c.IN:
        out: set[str] = set()
        for kind, x in av:
            if kind is c.LITERAL:
                out |= _cases(chr(x), fold)
            elif kind is c.RANGE:
                lo, hi = chr(x[0]), chr(x[1])
                out |= {f"{re.escape(a)}-{re.escape(b)}" for a, b in ((lo, hi), (lo.lower(), hi.lower()),
                                                                    (lo.upper(), hi.upper()))[: 3 if fold else 1]}
            elif kind is c.CATEGORY and x in _CATEGORIES:
                out.add(_CATEGORIES[x])
            else:  # a negated class, ...
                raise Unguardable(f"a class the guard cannot read: {kind} {x}")
        return out, False
    if op is c.SUBPATTERN:
        return _first(list(av[-1]), fold or bool(av[1] & re.IGNORECASE))
    if op is c.ATOMIC_GROUP:
        return _first(list(av), fold)
    if op is c.BRANCH:
        found: set[str] = set()
        empty = False
        for alt in av[1]:
            first, e = _first(list(alt), fold)
            found |= first
            empty = empty or e
        return found, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        first, empty = _first(list(av[2]), fold)
        return first, empty or av[0] == 0
    raise Unguardable(f"an element the guard cannot read: {op}")


def first_guarded(source: str, flags: int = 0) -> str:
    """`source` behind a lookahead for the characters its matches can start with, derived from its syntax tree
    (the lookahead has the pattern's flags). For a pattern that opens with a lookbehind or an optional part
    (`(?<![\\w-])(?:co-)?chief`), which the regex engine tries in full at every character, the class fails most
    places at once: such a pattern's scan of running text takes half the time. (One that opens with a plain
    character or class is scanned fast by the engine itself, and is better left as it is.)"""
    parsed = sre.parse(source, flags)
    first, empty = _first(list(parsed), bool(parsed.state.flags & ~flags & re.IGNORECASE))
    if empty:
        raise Unguardable("the pattern may match the empty string")
    lead = _GLOBAL_FLAGS.match(source)  # ("(?i)" must stay first)
    cut = lead.end() if lead else 0
    return source[:cut] + "(?=[" + "".join(sorted(first)) + "])(?:" + source[cut:] + ")"


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def guarded(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)` behind its first characters' lookahead (see `first_guarded`)."""
    return re.compile(first_guarded(source, flags), flags)


def word_trie(words: Iterable[str], ends: Callable[[str], str] | None = None) -> str:
    """Words or phrases as one alternation written as a trie: it matches what the words joined by "|" (longest
    first) match. A space in a phrase matches any run of whitespace; `ends(word)` is a pattern (a lookahead) each
    word must be followed by."""
    tree: dict[str, Any] = {}
    for w in {" ".join(w.split()) for w in words} - {""}:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = (ends or (lambda _: ""))(w)
    return _write(tree)


def _write(node: dict[str, Any]) -> str:
    end = node.get("")
    parts = []
    for ch in sorted(k for k in node if k):
        parts.append((r"\s+" if ch == " " else re.escape(ch)) + _group(_write(node[ch])))
    if end is not None:  # the word ends here; longer words are tried first, as the alternation would
        if not parts:
            return end if end else ""
        parts.append(end if end else "")
    return "|".join(parts)


def _group(body: str) -> str:
    return body if "|" not in body else f"(?:{body})"


_STORED = b"factcheck compiled pattern 1\n"


def compile_stored(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, read from the compiled program stored in factcheck's cache folder
    (`$XDG_CACHE_HOME/factcheck/patterns/`) when it is there and intact, else compiled and stored. A program is
    stored per pattern, flags, Python build and regex engine, and checked by a digest; anything amiss (a read-only
    home, a Python whose internals changed) means compiling as usual."""
    import hashlib
    import sys

    key = hashlib.sha256(f"{sys.version}\n{_sre_magic()}\n{int(flags)}\n{source}".encode()).digest()
    from ..versions import default_cache_path

    path = default_cache_path().parent / "patterns" / f"{key.hex()[:32]}.re"
    stored = _load(path, key, source)
    if stored is not None:
        return stored
    pattern = re.compile(source, flags)
    _store(path, key, source, flags)
    return pattern


def _sre_magic() -> int:
    import _sre  # type: ignore[import-not-found]

    return int(_sre.MAGIC)


def _load(path: Any, key: bytes, source: str) -> re.Pattern[str] | None:
    import _sre
    import hashlib
    import marshal
    from array import array

    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_STORED)
    body = data[head + 64 :]
    if data[:head] != _STORED or data[head : head + 32] != key or hashlib.sha256(body).digest() != data[head + 32 :
                                                                                                      head + 64]:
        return None
    try:
        flags, code, groups, groupindex, indexgroup = marshal.loads(body)
        # The engine checks a program before it runs it, so even a forged one cannot crash it.
        pattern: re.Pattern[str] = _sre.compile(source, flags, array("I", code).tolist(), groups, groupindex,
                                               indexgroup)
        return pattern
    except Exception:  # noqa: BLE001 - an engine whose internals changed: compile instead
        return None


def _store(path: Any, key: bytes, source: str, flags: int) -> None:
    import hashlib
    import marshal
    from array import array
    from re import _compiler  # type: ignore[attr-defined]

    from ..files import write_whole

    try:
        parsed = sre.parse(source, flags)
        code = array("I", _compiler._code(parsed, flags)).tobytes()
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in state.groupdict.items():
            indexgroup[i] = name
        body = marshal.dumps((int(flags | state.flags), code, state.groups - 1, dict(state.groupdict),
                              tuple(indexgroup)))
        write_whole(path, _STORED + key + hashlib.sha256(body).digest() + body)
    except Exception:  # noqa: BLE001, S110 - a read-only install, or internals that changed: compiled each run
        pass


def alternatives(group: str) -> list[str]:
    """The branches of a pattern written as one non-capturing alternation, `(?:a|b|...)`, as written."""
    source = group.strip()
    if not (source.startswith("(?:") and source.endswith(")")):
        raise ValueError("not one non-capturing alternation")
    out: list[str] = []
    depth, opened, escaped, start = 0, -1, False, 3  # opened: where the class being read starts (-1: none)
    for i, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif opened >= 0:
            if ch == "]" and i > opened + 1 and source[opened + 1 : i] != "^":  # "[]a]", "[^]a]": "]" a member
                opened = -1
        elif ch == "[":
            opened = i
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(source) - 1:
                raise ValueError("not one non-capturing alternation")
        elif ch == "|" and depth == 1:
            out.append(source[start:i])
            start = i + 1
    out.append(source[start:-1])
    return out


class Starts(NamedTuple):
    """What a branch's matches can start with: a word of `words`, followed by a non-letter; a word that starts with
    one of `stems`; or, not a letter, one of `chars` (regex fragments; "" when it may match the empty string)."""

    words: frozenset[str]
    stems: tuple[str, ...]
    chars: tuple[str, ...]

    def dump(self) -> str:
        """One line: the words, the stems and the characters, each set space-separated, split by "|"."""
        return "|".join(" ".join(sorted(part)) for part in (self.words, self.stems, self.chars))

    @classmethod
    def load(cls, line: str) -> Starts:
        words, stems, chars = (part.split(" ") if part else [] for part in line.split("|"))
        return cls(frozenset(words), tuple(stems), tuple(chars))


def branch_starts(branches: list[str], flags: int = 0) -> list[Starts]:
    """What each branch's matches can start with, as `start_guard` reads it (see `_Start`): a leading run of
    letters that goes on past a space tells its first word; one cut at `_CAP` letters only how that word starts."""
    out: list[Starts] = []
    for b in branches:
        start = _Start()
        _end(_seq(list(sre.parse(b, flags)), {""}, start), {""}, start)
        words = {r.partition(" ")[0] for r in start.words | {p for p in start.prefixes if " " in p}}
        stems = {p for p in start.prefixes if " " not in p}
        out.append(Starts(frozenset(words), tuple(sorted(stems)), tuple(sorted(start.chars))))
    return out


_ASCII_WORD = re.compile(r"[A-Za-z]+")


MAX_KEYS = 20_000  # words a `Dispatched` remembers the branches of


class Dispatched:
    """`whole.finditer`, where `whole` is `lead + guard + (?:b1|b2|...) + tail`, found faster: at each place the
    guard lets through, only the branches that can start with the word written there are tried ("the" is the start
    of a fifth of the date pattern's fifty branches). A branch tried first in `whole` is tried first here, so the
    matches are the same; `whole` itself is tried where a word runs into a letter outside ASCII, which case folding
    could read as another."""

    def __init__(self, whole: re.Pattern[str], lead_and_guard: str, branches: list[str], tail: str,
                 starts: list[Starts], flags: int) -> None:
        self.whole = whole
        self.places = compile_stored(lead_and_guard, flags)  # stored: compiling it took 23 ms a process
        self.branches, self.tail, self.starts, self.flags = branches, tail, starts, flags
        self.by_key: dict[str, re.Pattern[str] | None] = {}
        self.by_subset: dict[tuple[int, ...], re.Pattern[str]] = {}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        end = 0
        ascii_word, size = _ASCII_WORD.match, len(text)
        for place in self.places.finditer(text):
            at = place.start()
            if at < end:
                continue
            word = ascii_word(text, at)
            if word is None:
                key = text[at]
            elif word.end() < size and not text[word.end()].isascii() and text[word.end()].isalpha():
                key = ""  # "Kelvin" with U+212A: a letter the pattern's case folding may read as "k"
            else:
                key = word.group().lower()
            pattern = self.by_key[key] if key in self.by_key else self._pattern(key)
            m = pattern.match(text, at) if pattern is not None else None
            if m is not None:
                end = m.end()
                yield m

    def _pattern(self, key: str) -> re.Pattern[str] | None:
        """The branches that can start with `key` (a lower-case ASCII word, or a character that is no ASCII
        letter), as one pattern; "": the whole pattern."""
        if key == "" or not key.isascii():
            found: re.Pattern[str] | None = self.whole
        else:
            subset = tuple(i for i, s in enumerate(self.starts) if _can_start(s, key, self.flags))
            found = self.by_subset.get(subset) if subset else None
            if subset and found is None:
                source = "(?:" + "|".join(self.branches[i] for i in subset) + ")" + self.tail
                found = self.by_subset[subset] = compile_stored(source, self.flags)
        if len(self.by_key) >= MAX_KEYS:  # words that start like a month or a weekday are many ("internships")
            self.by_key.clear()
        self.by_key[key] = found
        return found


def _can_start(starts: Starts, key: str, flags: int) -> bool:
    """Whether a branch that starts as `starts` says can start with the word (or character) `key`."""
    if "" in starts.chars:
        return True  # it may match the empty string
    if not key[0].isalpha():
        return any(re.fullmatch(c, key, flags) for c in starts.chars)
    return key in starts.words or any(key.startswith(stem) for stem in starts.stems)
