"""Organization names: runs of capitalised words, filtered so that sentence openers and headlines do not count."""

from __future__ import annotations

import re

from ..models import Mention, NameValue
from .people import NOT_NAMES, ORG_STOP

# Capitalised words that open sentences but never name an organization.
SENTENCE_WORDS = {w for w in NOT_NAMES if w[0].isupper() and w.lower() in {
    "the", "a", "an", "and", "of", "in", "on", "at", "for", "to", "by", "with", "from", "as", "but", "or", "it", "its",
    "he", "she", "they", "we", "his", "her", "their", "this", "that", "these", "those", "however", "while", "when",
    "after", "before", "since", "according", "is", "was", "has", "have", "had", "will", "says", "said"}}

_CANDIDATE = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w&.-]*[\w]|[a-z]{1,2}[A-Z][\w]*|[A-Z])(?:[ \u00a0](?:[A-Z][\w&.-]*[\w]|&|[A-Z]))*"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[-•*]\s+|[“\"(]\s*)$")
COMMON_CAPS = {"I", "A", "AI", "CEO", "CFO", "U.S", "U.S.", "US", "UK", "EU", "GenAI", "IPO", "RLHF", "Key", "Why",
               "What", "How", "Who", "Where", "Source", "Original", "Please", "Thousands", "Several", "Some", "Many",
               "Most", "Our", "Your", "Just", "Despite", "Beyond", "Unlike", "Compared", "Building", "For", "Shifts",
               "Looking", "Early", "Suddenly", "Companies", "Competitors", "Among", "Confirming", "Another", "Founded",
               "Major", "Government", "Enterprise", "Defense", "Valuation", "Workforce", "Founder", "Competitive"}


def _is_title_case(sentence: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _trim(name: str) -> str:
    name = name.replace("’", "'")
    if name.endswith("'s"):
        name = name[:-2]
    name = re.sub(r"-[a-z][\w-]*$", "", name)
    words = name.rstrip(".,").split()
    while len(words) > 1 and (words[0] in ORG_STOP or words[0] in COMMON_CAPS or words[0] in SENTENCE_WORDS):
        words = words[1:]
    if len(words) == 1 and (words[0] in ORG_STOP or words[0] in SENTENCE_WORDS):
        return ""
    return " ".join(words)


def recognize_organizations(text: str, people: set[str] | None = None) -> list[Mention]:
    """Organization mentions; names in `people` (and their parts) are not organizations."""
    people = people or set()
    person_tokens = {t for p in people for t in p.split()}
    mid_sentence: set[str] = set()
    found: list[tuple[int, int, str, bool]] = []
    title_spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _is_title_case(line):
            title_spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    for m in _CANDIDATE.finditer(text):
        raw = m.group(0)
        name = _trim(raw)
        if not name or name in COMMON_CAPS or name in people or name in person_tokens:
            continue
        start = m.start() + raw.replace("’", "'").find(name)
        at_start = bool(_SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()])) and name == raw.split()[0]
        in_title = any(s <= m.start() < e for s, e in title_spans)
        if not at_start and not in_title:
            mid_sentence.add(name)
        found.append((start, start + len(name), name, at_start or in_title))
    out = []
    for start, end, name, doubtful in found:
        if doubtful and name not in mid_sentence:
            # A sentence opener or a headline run: keep the longest known name it starts with.
            known = [k for k in mid_sentence if name.startswith(k + " ") or name == k]
            if not known:
                continue
            name = max(known, key=len)
            end = start + len(name)
        out.append(Mention(kind="organization", start=start, end=end, text=text[start:end], value=NameValue(name=name)))
    return out
