"""People in roles ("Scale AI CEO Jason Droege", "Jason Droege, chief executive of Scale AI", "former CEO")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Mention, NameValue, RoleValue
from ..text.patterns import compile_stored, first_guarded
from ..text.sentences import sentence_start
from ..vocabulary import Vocabulary, load_vocabulary, words_pattern

# Capitalised words that are never part of a person's name.
NOT_NAMES = {
    "The", "A", "An", "And", "Of", "In", "On", "At", "For", "To", "By", "With", "From", "As", "But", "Or", "It",
    "Its", "He", "She", "They", "We", "His", "Her", "Their", "This", "That", "These", "Those", "However", "While",
    "When", "After", "Before", "Since", "According", "Mr", "Mrs", "Ms", "Dr", "CEO", "CFO", "COO", "CTO", "AI",
    "Inc", "Corp", "Ltd", "Group", "Company", "Says", "Said", "Hits", "Announces", "Cuts", "Named", "Will", "New",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Chief", "Executive",
    "Officer", "President", "Chairman", "Founder", "Former", "Interim", "Acting", "Co", "Meta", "Google", "Microsoft",
    "Apple", "Amazon", "Nvidia", "Intel", "OpenAI", "Tesla", "Is", "Was", "Has", "Have", "Had", "There", "Here",
}
# (a capital inside a name after its prefix: "McCarthy", "DeSantis", "DiCaprio", "LeBron", "MacKenzie")
NAME_TOKEN = r"(?:[A-Z][a-zà-öø-ÿ]+(?:['’-][A-Z]?[a-zà-öø-ÿ]+)*|(?:Mc|Mac|De|Di|Da|Du|La|Le)[A-Z][a-zà-öø-ÿ]+|[A-Z]\.)"
# Generational suffixes after a name ("John J. Ray III", "Martin Luther King Jr.")
NAME_SUFFIXES = ("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV")
_SUFFIX = r"(?:,?[ \u00a0](?:" + "|".join(map(re.escape, NAME_SUFFIXES)) + r")(?![\w]))?"
NAME = rf"(?-i:{NAME_TOKEN}(?:[ \u00a0]{NAME_TOKEN}){{1,2}}{_SUFFIX})"
SURNAME = rf"(?-i:{NAME_TOKEN}(?:[ \u00a0]{NAME_TOKEN}){{0,2}}{_SUFFIX})"
ORG = r"(?-i:(?:[A-Z][\w&.-]*|[a-z]{1,2}[A-Z][\w]*)(?:[ \u00a0](?:[A-Z][\w&.-]*|&))*)"
ORG_STOP = {"The", "A", "An", "However", "While", "When", "After", "Before", "Meanwhile", "But", "And", "As", "In",
            "According", "Also", "Although", "Despite", "Though", "If", "Because", "Why", "What", "Then", "Now", "So",
            "Yet", "Still", "Under", "With"}


@dataclass(frozen=True)
class RoleGrammar:
    role: re.Pattern[str]
    left_org: re.Pattern[str]
    left_person_comma: re.Pattern[str]
    left_named: re.Pattern[str]
    left_person_verb: re.Pattern[str]
    right_person: re.Pattern[str]
    right_org: re.Pattern[str]
    founded_by: re.Pattern[str]
    person_founded: re.Pattern[str]
    verb_tense: dict[str, str]
    tense_of: dict[str, str]


@lru_cache(maxsize=4)
def role_grammar(vocab: Vocabulary | None = None) -> RoleGrammar:
    v = vocab or load_vocabulary()
    tense_of = {w.lower(): t for t, ws in v.tenses.items() for w in ws}
    tense = words_pattern(list(tense_of)).replace(r"(?![\w])", "")
    verb_tense = {w.lower(): t for t, ws in v.role_verbs.items() for w in ws}
    verbs = words_pattern(list(verb_tense))
    role_names = sorted(v.role_by_name, key=len, reverse=True)
    roles = "(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in role_names) + ")"
    return RoleGrammar(
        role=compile_stored(first_guarded(rf"(?<![\w-])(?P<co>co-?)?{roles}(?:s(?![\w-]))?(?![\w-])", re.I), re.I),
        left_org=compile_stored(
            rf"(?:(?P<tense>{tense})\s*)?(?:(?P<org>{ORG}|its|their|the\s+company)(?P<poss>['’]s)?\s+)?"
            rf"(?:(?P<tense2>{tense})\s*)?$", re.I),
        left_person_comma=compile_stored(
            rf"(?P<person>{NAME}),\s+(?:(?:the|its|who\s+is\s+(?:the\s+)?)\s*)?(?:(?P<org>{ORG})['’]s\s+)?"
            rf"(?:(?P<tense>{tense})\s*)?$", re.I),
        left_named=compile_stored(
            # ("named aerospace veteran Kelly Ortberg as its new chief executive": a description may come first)
            rf"(?P<verb>named|appointed|hired|tapped|picked|chose|selected|promoted|elected)\s+"
            rf"(?:(?-i:[a-z][\w-]*)\s+){{0,3}}?(?P<person>{NAME}),?\s+(?:as\s+)?(?:its\s+|the\s+|their\s+|a\s+)?"
            rf"(?:new\s+)?(?:(?P<org>{ORG})['’]s\s+)?(?:(?P<tense>{tense})\s*)?$",
            re.I),
        left_person_verb=compile_stored(
            rf"(?P<person>{SURNAME}),?\s+(?:(?:who|which)\s+)?(?P<verb>{verbs})\s+"
            # ("succeeded Bob Smith as", "replaces him as"; "has been named the new chief executive")
            rf"(?:(?:him|her|them|{NAME})\s+as\s+)?(?:the\s+|its\s+|a\s+)?(?:new\s+)?"
            rf"(?:(?P<org>{ORG})['’]s\s+)?(?:(?P<tense>{tense})\s*)?$", re.I),
        right_person=compile_stored(
            rf"(?:\s+and\s+(?:co-?)?founder)?,?\s+(?P<person>{NAME})(?![\w])(?:\s+and\s+(?P<person2>{NAME})(?![\w]))?"),
        right_org=compile_stored(rf"\s+(?:of|at|for)\s+(?P<org>{ORG})"),
        founded_by=compile_stored(first_guarded(
            rf"(?:co-?)?founded\s+by\s+(?P<person>{SURNAME})(?:\s+and\s+(?P<person2>{NAME}))?", re.I), re.I),
        person_founded=compile_stored(
            rf"(?P<person>{SURNAME})\s+(?:co-?)?founded\s+(?P<org>the\s+company|{ORG}|it)", re.I),
        verb_tense=verb_tense,
        tense_of=tense_of,
    )


def clean_org(org: str | None) -> str | None:
    """Drop leading sentence words ("However Scale AI" is "Scale AI") and possessives."""
    if not org:
        return None
    words = org.replace("’", "'").removesuffix("'s").rstrip(".,;:").split()
    while words and words[0] in ORG_STOP:
        words = words[1:]
    if not words:
        return None
    return " ".join(words)


def clean_person(name: str | None) -> str | None:
    """A person's name without the sentence words a pattern may have caught ("When Wang" is "Wang")."""
    if not name:
        return None
    tokens = name.split()
    while tokens and tokens[0].rstrip(".") in NOT_NAMES:
        tokens = tokens[1:]
    if not tokens or any(t.rstrip(".") in NOT_NAMES for t in tokens):
        return None
    return " ".join(tokens)


_FOUNDED = re.compile("founded", re.I)
# a verb of leaving after "CEO Jane Roe" (an aside may come between)
_LEAVES = re.compile(r"(?:,[^,.;]{0,60},)?\s+(?:(?P<future>will|is\s+(?:set|expected)\s+to|plans\s+to|is)\s+"
                     r"(?:step(?:ping)?\s+down|leav(?:e|ing)|resign(?:ing)?)|(?:has\s+|had\s+)?(?:resigned|stepped\s+down|"
                     r"quit|left\s+the\s+company)|(?:was|has\s+been|had\s+been)\s+(?:ousted|fired|removed|sacked|"
                     r"dismissed))\b")
# the one a relative clause or an aside is about ("Kelly Ortberg, the retired chief of (Rockwell Collins, would
# become)")
_WHO_BEFORE = re.compile(rf"(?P<person>{NAME}),\s+(?:who|whom|the|a|an)\s[^,;:()]*$")


def recognize_roles(text: str, vocab: Vocabulary | None = None) -> list[Mention]:
    """Role mentions (with the person and organization they link, when written) and person mentions."""
    g = role_grammar(vocab)
    v = vocab or load_vocabulary()
    out: list[Mention] = []
    for m in g.role.finditer(text):
        role_word = " ".join(m.group(0).lower().split())
        if role_word not in v.role_by_name and role_word.endswith("s"):
            role_word = role_word[:-1]
        co = bool(m.group("co"))
        key = role_word[len(m.group("co")):] if co else role_word
        role = v.role_by_name.get(key) or v.role_by_name.get(role_word)
        if role is None:
            continue
        name = role.name if not co or role.name == "founder" else f"co-{role.name}"
        start, end = m.start(), m.end()
        lo = max(start - 100, sentence_start(text, start))  # "seen by The Verge. CEO Jane Roe": not the Verge's
        left = text[lo:start]
        person = org = tense = verb_tense = None
        others: list[str] = []
        pm = g.right_person.match(text, end)
        if pm and clean_person(pm.group("person")) == pm.group("person"):
            person = pm.group("person")
            if pm.group("person2") and clean_person(pm.group("person2")):
                others.append(pm.group("person2"))
            lm = g.left_org.search(left)
            if lm:
                org = lm.group("org")
                tense = lm.group("tense") or lm.group("tense2")
            mention_end = pm.end()
            gone = _LEAVES.match(text, mention_end)
            if gone and not tense:  # "CEO Sam Bankman-Fried has resigned": the title he held until now
                verb_tense = "outgoing" if gone.group("future") else "former"
        else:
            mention_end = end
            for pat in (g.left_person_comma, g.left_named, g.left_person_verb):
                lm = pat.search(left)
                if lm and clean_person(lm.group("person")):
                    person = clean_person(lm.group("person"))
                    head = _WHO_BEFORE.search(left, 0, lm.start()) if pat is g.left_person_verb else None
                    start = lo + lm.start()
                    if head and clean_person(head.group("person")):
                        # "Steve Huffman, who co-founded Reddit with Alexis Ohanian, is chief executive": the one
                        # the relative clause is about, not the last name in it
                        person = clean_person(head.group("person"))
                        start = lo + head.start()
                    org = lm.group("org")
                    tense = lm.group("tense")
                    if "verb" in lm.groupdict() and lm.group("verb"):
                        verb_tense = g.verb_tense.get(" ".join(lm.group("verb").lower().split()), "current")
                    break
            else:
                lm = g.left_org.search(left)
                if lm:
                    org = lm.group("org")
                    tense = lm.group("tense") or lm.group("tense2")
        if org is None:
            om = g.right_org.match(text, mention_end)
            if om:
                org = om.group("org")
        org = clean_org(org) if org and org.lower() not in ("its", "their", "the company") else org
        tense_name = g.tense_of.get(tense.lower().strip(), "current") if tense else (verb_tense or "current")
        for who in [person, *others]:
            out.append(_role_mention(text, start, mention_end, name, tense_name, who, org))
    if _FOUNDED.search(text) is not None:  # both founder patterns need the word; most texts lack it
        out += _founders(text, g)
    out.sort(key=lambda x: x.start)
    return out


def _founders(text: str, g: RoleGrammar) -> list[Mention]:
    """"founded by Jane Roe", "Roe founded Acme": founder mentions."""
    found: list[Mention] = []
    for m in g.founded_by.finditer(text):
        for key in ("person", "person2"):
            who = clean_person(m.group(key))
            if who:
                found.append(_role_mention(text, m.start(), m.end(key), "founder", "current", who, None))
    for m in g.person_founded.finditer(text):
        who = clean_person(m.group("person"))
        if who:
            org = m.group("org")
            org = None if org.lower() in ("it", "the company") else clean_org(org)
            start = m.start() + m.group(0).find(who)
            found.append(_role_mention(text, start, m.end(), "founder", "current", who, org))
    return found


def _role_mention(text: str, start: int, end: int, role: str, tense: str | None, person: str | None,
                  org: str | None) -> Mention:
    t = tense if tense in ("former", "current", "incoming", "interim", "outgoing") else "current"
    return Mention(
        kind="role", start=start, end=end, text=text[start:end],
        value=RoleValue(role=role, tense=t, person=person, organization=org),  # type: ignore[arg-type]
    )


def person_mentions(roles: list[Mention]) -> list[Mention]:
    """A person mention for each person named in a role mention."""
    out = []
    for r in roles:
        if isinstance(r.value, RoleValue) and r.value.person:
            i = r.text.find(r.value.person)
            if i >= 0:
                s = r.start + i
                out.append(Mention(kind="person", start=s, end=s + len(r.value.person), text=r.value.person,
                                   value=NameValue(name=r.value.person)))
    return out
