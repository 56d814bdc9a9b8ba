"""Stage 4: build claims (subject, attribute, value, qualifiers, provenance) from one document's mentions.

Extraction is a pure function of the document's text and metadata, so it can be cached and run in parallel.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from ..models import (
    Claim,
    DateValue,
    Document,
    Figure,
    Mention,
    NameValue,
    NumberValue,
    Qualifiers,
    RoleValue,
    Sentence,
)
from ..normalize.dates import day_interval, shift_months
from ..normalize.units import DURATION_UNITS
from ..recognizers import recognize
from ..recognizers.organizations import COMMON_CAPS, DEMONYMS, PRICE_NOUNS, SENTENCE_WORDS
from ..recognizers.people import clean_person
from ..text.patterns import compile_stored, first_guarded, guarded
from ..text.sentences import document_sentences
from ..vocabulary import Attribute, Vocabulary, load_vocabulary, words_pattern
from .entities import PERSON_NAME, DocumentEntities, document_entities, place_names, places_written
from .figures import figures_of
from .lines import line_after, line_of
from .measures import (
    CALENDAR,
    CONVERSION,
    HEDGED,
    LINK_VERBS,
    MONEY_NOUN_AFTER,
    MONEY_NOUNS,
    PAY_SYNONYMS,
    SESSION_VERBS,
    TO_SETTLE,
    YEARLY,
    change_basis,
    linked_measure,
    measure_of,
    people_named,
    per_share,
)
from .measures import PREPOSITIONS as MEASURE_PREPOSITIONS
from .measures import STOP as STOP_WORDS
from .measures import SYNONYMS as MEASURE_SYNONYMS
from .measures import singular as _singular

PARTY_ATTRIBUTES = {"investment", "stake"}
UNIT_KIND = {"money": "money", "percent": "percent", "quantity": "count"}
_PRIOR = re.compile(
    r"(?:(?:up|down|rising|falling|increase[sd]?|decrease[sd]?|rose|fell|jump(?:ed|ing)?|grew|climb(?:ed)?|"
    r"dropped|surged|soared|plunged|\w+)\s+)?from\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|over\s+)?$"
    r"|(?:compared\s+(?:with|to)|versus|vs\.?|previously|formerly|down\s+from|up\s+from)\s+(?:\w+\s+)?$",
    re.I,
)
_FORECAST = guarded(
    r"\b(?:projected|forecast|forecasts|expected?s?|expects|predicts?|guided|guides|guidance|anticipates?|sees|"
    r"projections?|projects|projecting|(?:officials|analysts|economists|policymakers|investors|traders)\s+see|"
    r"outlook|estimates?\s+(?:it\s+)?will|will\s+(?:reach|hit|"
    r"exceed|top|grow)|could\s+(?:reach|exceed|top|surpass)|target(?:s|ing)?|aims?\s+to|guidance|outlook|"
    # what a figure may become ("potentially rising to €133.9m with add-ons", "add-ons could take the fee to")
    r"potentially|could\s+(?:rise|take|climb|increase|grow|go))\b", re.I)
_BECOMING = re.compile(r"potentially|could", re.I)
_MEASURED_AGAINST = re.compile(r"\b(?:beat|beats|beating|topp(?:ed|ing)|miss(?:ed|ing)|above|below|ahead\s+of|"
                               r"short\s+of|compared\s+(?:with|to)|versus|vs\.?)\b", re.I)
# what a figure measured against is: an estimate ("the $94.6 billion Wall Street expected", "$94.5 billion analysts
# had forecast", "$1.60 expected")
_EXPECTED_AFTER = re.compile(r"\s+(?:(?:that\s+)?(?:analysts?|wall\s+street|economists?|investors|the\s+market)"
                             r"(?:\s+(?:polled|surveyed)\s+by\s+\S+)?\s+(?:had\s+)?)?(?:expected|forecast|"
                             r"predicted|estimated|anticipated|projected)\b", re.I)
# "beating forecasts", "more than expected", "in line with estimates": the forecast is what a stated (actual)
# figure is measured against, not what the sentence states.
_AGAINST = re.compile(
    r"\b(?:beat|beats|beating|top|tops|topped|topping|miss|missed|misses|missing|exceed(?:s|ed|ing)?|"
    r"surpass(?:es|ed|ing)?|outpac(?:e|es|ed|ing)|above|below|ahead\s+of|short\s+of|than|(?:in\s+)?line\s+with|"
    r"compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:the|analysts['’]?|wall\s+street(?:['’]s)?|market|"
    r"consensus|average|its|their|own|previous|earlier|prior|most|many|some)\s+){0,3}$", re.I)


def _forecast_cues(sentence: Sentence) -> list[tuple[int, int]]:
    """Where the sentence states a forecast (projected, expected, guided...), as opposed to measuring a figure
    against one: the cues' spans in the document."""
    text, start = sentence.text, sentence.start
    return [(start + m.start(), start + m.end()) for m in _FORECAST.finditer(text)
            if not _AGAINST.search(text[max(0, m.start() - 60) : m.start()])]


def _is_forecast(text: str, cues: list[tuple[int, int]], m: Mention) -> bool:
    """Whether a forecast cue of the sentence speaks of the figure `m`: one not across a clause break ("EPS of
    $5.53, compared to a loss, and it raised its outlook" forecasts nothing about the $5.53)."""
    for start, end in cues:
        if m.start < start and _BECOMING.match(text, start):
            continue  # "a fee of €103 million, potentially rising to €133.9m": only what comes after may be
        if m.end <= start and _MEASURED_AGAINST.search(text, m.end, start):
            continue  # "revenue was $94.9 billion, beating the $94.6 billion Wall Street expected": the actual
        lo, hi = (end, m.start) if end <= m.start else (m.end, start)
        if not _CLAUSE_BREAK.search(text, lo, hi):
            return True
    return False


_DECREASE = re.compile(
    r"\b(?:decline[sd]?|declining|drop|dropped|dropping|drops|fall|falls|falling|fell|down|decrease[sd]?|plunge[sd]?|"
    r"plunging|cut|slump(?:s|ed)?|slid|slides?|sliding|tumble[sd]?|tumbling|sank|sinks?|lost|loses?|shed|sheds|"
    r"dipped|dips?|slipped|slips?|plummet(?:s|ed)?|sagged|skidded|dived|dove|tanked|shrank|shrunk|contracted|"
    r"retreated|lower)\b", re.I)
_AFTER_TARGET = re.compile(r"\s*(?:in|into|of|for)\s+$")
_ADJACENT_GAP = re.compile(r"^[\s(’'s,]*(?:(?:now|was|is|has\s+been|had\s+been|currently|reportedly|being)\s+)*[\s(]*$")


@dataclass
class _Ctx:
    doc: Document
    vocab: Vocabulary
    entities: DocumentEntities
    line_starts: list[int]
    reporting: re.Pattern[str]
    cues: list[tuple[int, int, str]]
    converted: set[int] = field(default_factory=set)  # the sentence's figures that restate another in other units
    # the first company named in the latest sentence that names one: whom a sentence's opening "Its" stands for
    last_named: str | None = None


@lru_cache(maxsize=8)
def _labels(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(words_pattern(vocab.label_words + vocab.scale_labels) + r"\s*$", re.I)


_NEWLINE = re.compile("\n")


@lru_cache(maxsize=4)
def _reporting(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(words_pattern(vocab.reporting_words), re.I)


def _position(ctx: _Ctx, offset: int) -> tuple[int, int]:
    """File line and 1-based column of a character offset."""
    i = bisect.bisect_right(ctx.line_starts, offset) - 1
    return ctx.doc.file_line(i + 1), offset - ctx.line_starts[i] + 1


def extract_claims(doc: Document, vocab: Vocabulary | None = None) -> list[Claim]:
    """The claims one document makes, in reading order; ids are local ("1", "2", ...)."""
    return extract(doc, vocab)[0]


def extract(doc: Document, vocab: Vocabulary | None = None) -> tuple[list[Claim], list[Figure]]:
    """The claims one document makes, and every figure it writes (see `figures.figures_of`), in reading order."""
    vocab = vocab or load_vocabulary()
    mentions = recognize(doc.text, doc.published)
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(doc.text)]
    ctx = _Ctx(doc, vocab, document_entities(doc.text, doc.title, mentions, vocab), line_starts,
               _reporting(vocab), document_cues(vocab, doc.text))
    claims: list[Claim] = []
    sentences = document_sentences(doc.text)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < sentences[i].end:
            by_sentence.setdefault(i, []).append(m)
    figures: list[Figure] = []
    for i, sent_mentions in sorted(by_sentence.items()):
        made = _sentence_claims(ctx, sentences[i], sent_mentions, len(claims))
        claims.extend(made)
        ctx.last_named = next((ctx.entities.org_name(m.value.name) for m in sent_mentions if m.kind == "organization"
                               and isinstance(m.value, NameValue) and ctx.entities.org_name(m.value.name)),
                              ctx.last_named)
        if ctx.converted:  # "120 mph (195 kph)": the second is the first, converted; no figure of its own
            sent_mentions = [m for m in sent_mentions if id(m) not in ctx.converted]
        figures.extend(figures_of(sentences[i], sent_mentions, made, lambda m: (*_position(ctx, m.start), doc.path),
                                  _written_dates(ctx, sent_mentions, sentences[i].start)))
    return claims, figures


def _sentence_claims(ctx: _Ctx, sent: Sentence, mentions: list[Mention], offset: int) -> list[Claim]:
    out: list[Claim] = []
    text = ctx.doc.text
    numbers = [m for m in mentions if m.kind in UNIT_KIND and isinstance(m.value, NumberValue)]
    kept = _drop_conversions(text, numbers)
    ctx.converted = {id(m) for m in numbers} - {id(m) for m in kept} if len(kept) < len(numbers) else set()
    numbers = kept
    dates = [m for m in mentions if m.kind == "date"]
    cues = _find_cues(ctx.vocab, sent, ctx.cues)
    reported = bool(numbers or dates) and bool(ctx.reporting.search(sent.text))
    forecast = _forecast_cues(sent) if numbers else []

    def add(m: Mention, subject: str, attribute: str, value: NumberValue | DateValue | NameValue, **q: object) -> Claim:
        line, col = _position(ctx, m.start)
        given = q.pop("as_of_given", None)
        as_of: DateValue | None
        if isinstance(given, DateValue):
            as_of, source = given, str(q.pop("as_of_source", "explicit"))
        else:
            as_of, source = _as_of(ctx, m, dates, numbers, sent.start)
        q.setdefault("basis", _basis(text, sent, m))
        q.setdefault("round", _round(text, sent, m))
        q.setdefault("scope", _scope(ctx.vocab, text, sent, m))
        quals = Qualifiers(as_of=as_of, as_of_source=source, reported=reported, **q)  # type: ignore[arg-type]
        said = _PERIOD_SAID.match(attribute) if q.get("open_attribute") and as_of is not None else None
        if said and _PERIOD_GRAIN[said.group(1).lower()] == as_of.granularity:  # type: ignore[union-attr]
            attribute = attribute[said.end() :]  # "annual pre-tax profit" for 2023: the pre-tax profit of 2023
        claim = Claim(id=str(offset + len(out) + 1), document=ctx.doc.path, line=line, column=col, sentence=sent.index,
                      subject=subject, attribute=attribute, text=m.text, value=value, qualifiers=quals, quote=sent.text)
        out.append(claim)
        ends.append(m.end)
        return claim

    ends: list[int] = []  # each claim's figure's end, for `_venue_parts`
    by_mention: dict[int, Claim] = {}
    opened: dict[int, Claim] = {}  # the claims of figures keyed by their wording, by the figure's start
    changes = [m for m in numbers if _is_change(text, sent, m)]
    changed = {id(m) for m in changes}  # (by identity: mentions compared as models compare field by field)
    # "rose 0.4% for the month and 4% from a year ago": the figure after "and" is a change of the same thing
    joined: dict[int, int] = {}
    for prev, m in zip(numbers, numbers[1:], strict=False):
        if id(prev) in changed and id(m) not in changed and m.kind == "percent" \
                and _AND_NEXT.fullmatch(text, prev.end, m.start):
            changes.append(m)
            changed.add(id(m))
            joined[m.start] = prev.start
    for i, m in enumerate(numbers):
        if id(m) in changed:
            continue
        age = _age(ctx, sent, m)
        if age is not None:  # "John Miller, 34,", "34-year-old John Miller": a person's age
            # (when written, not when what the sentence tells happened: "Mr. Calhoun, 67, took the job in 2020")
            p = ctx.doc.published
            add(m, age[0], "age", age[1], open_attribute=True,
                **({"as_of_given": day_interval(p), "as_of_source": "published"}
                   if p else {}))
            continue
        if m.text.endswith("-year") and (text.startswith("-old", m.end) or _EXTREME.match(text, m.end)
                                         or _NAMED_AFTER.match(text, m.end)):
            # "the 33-year-old": someone's age, whose the words do not say; "a 23-year high": when; "the 10-year
            # Treasury": a name's part
            continue
        if m.kind == "quantity" and (_AGED.search(text, max(sent.start, m.start - 12), m.start)
                                     or _AGES_AFTER.match(text, m.end)):
            continue  # "workers aged 21 and over", "18 to 20-year-olds": an age that says who, no figure
        if m.kind == "quantity" and not any(ch.isdigit() for ch in m.text) \
                and (m.value.value or 0) < 20 and not _worded_tally(ctx, sent, m):  # type: ignore[union-attr]
            continue  # "one employee said", "two companies": words, not figures to compare
        if m.kind == "quantity" and _score(ctx, sent, m, mentions, add):
            continue
        if m.kind == "quantity":
            label = _labels(ctx.vocab).search(text, max(0, m.start - 24), m.start)
            if label:  # "Flight 370", "Game 7": an identifier; "a Category 3 storm": a value on a scale
                word = label.group().strip().lower()
                if word in ctx.vocab.scale_labels:
                    add(m, "(story)", word, m.value, open_attribute=True)  # type: ignore[arg-type]
                continue
            model = _MODEL_NAME.search(text, max(sent.start, m.start - 30), m.start) if m.text.isdigit() else None
            if model and model.group().strip().lower() not in _NOT_MODELS and not _title_case(sent.text):
                continue  # "the iPhone 16", "Windows 11", "a Boeing 737", "Fortune 500": the number names a model
        attr, cue = _attribute(ctx.vocab, m, cues, text)
        if attr is not None and cue is not None and cue[0] >= m.end and m.kind in ("money", "percent") \
                and (linked := linked_measure(text[max(sent.start, m.start - 90) : m.start])) \
                and not ctx.entities.name_words.issuperset(linked.split()):
            # "expects operating profit of 4.3 trillion yen, down 19.6%, as it ... invests in suppliers": the measure
            # written before the figure, linked to it, is what it measures, not a cue after it (but "Scale AI hits
            # $25B valuation" names the company before it)
            attr = None
        if m.kind == "money" and per_share(text[max(sent.start, m.start - 60) : m.start], text[m.end : m.end + 30]):
            attr = None  # "$45 a share": a price per share, not the valuation or revenue a cue nearby names
        cut = ctx.vocab.attributes.get("layoffs")
        if cut is not None and (attr is None or attr.name == "headcount") and _JOBS_AFTER.match(text, m.end) \
                and cues.get("layoffs"):
            # "will cut 5% of its workforce, about 1,000 jobs": jobs counted in a sentence about cuts are the cuts
            attr, cue = cut, min(cues["layoffs"], key=lambda c: _gap(c, m))
        if attr is not None and cue is not None and cue[1] <= m.start and any(
                cue[1] <= n.start < m.start for n in numbers) and linked_measure(text[cue[1] : m.start]) \
                and not (attr.lines and line_after(text, cue, sent.end)):
            attr = None  # "revenue of $5 billion and net income of $1 billion": the second names its own measure
        if attr is None or cue is None:
            earlier = opened.get(numbers[i - 1].start) if i else None
            restated = None
            if earlier is None and i > 1 and _OR_RESTATED.search(text, sent.start, m.start) and _PRIOR.search(
                    text, max(sent.start, numbers[i - 1].start - 30), numbers[i - 1].start):
                # "from $1.5 billion, or $1.30 a share, a year earlier": the earlier value of the measure before it
                restated = next(((n, c) for n in reversed(numbers[: i - 1]) if (c := opened.get(n.start)) is not None
                                 and not c.attribute.endswith(" per share")), None)
            made = _open_claim(ctx, sent, m, mentions, add, forecast,
                               (numbers[i - 1], earlier) if earlier is not None else restated, restated is not None)
            if made is not None:
                opened[m.start] = made
            continue
        subject, party = _subject(ctx, sent, m, attr, cue, mentions)
        if subject is None:
            continue
        v = m.value
        assert isinstance(v, NumberValue)
        quals = _figure_qualifiers(ctx, sent, m, v, forecast)
        if attr.name == "investment" and not quals.get("segment") and _SELLERS.search(sent.text):
            # "The company and some of its existing shareholders sold 22 million shares, raising $748 million": the
            # offering's whole, not what the company raised
            quals["segment"] = "with selling shareholders"
        if attr.name == "valuation" and not quals.get("segment") and _MARKET_VALUE.fullmatch(text, *cue):
            # "a market value of almost $9bn" after a day's trading is the market's price of the company, not what
            # an offering or a funding round valued it at ("valuing it at $6.4bn")
            quals["segment"] = "market value"
        if attr.lines:
            subject = _line(ctx, sent, cue, subject, quals)
        by_mention[m.start] = add(m, subject, attr.name, v, party=party if attr.name in PARTY_ATTRIBUTES else None,
                                  **quals)
    # (a change follows a figure of either kind: "delivered 435,059 vehicles in the third quarter, up 6.4%")
    _change_claims(ctx, sent, changes, by_mention, cues, add, joined, {**opened, **by_mention})
    _multiple_claims(ctx, sent, by_mention, add)
    for m in dates:
        _elapsed_claim(ctx, sent, m, add)
        if not isinstance(m.value, DateValue) or m.value.granularity != "year" or m.value.start is None:
            continue
        attr = ctx.vocab.attributes.get("founding_year")
        if attr is None:
            continue
        cue = _nearest_cue(cues.get("founding_year", []), m, attr.window)
        if cue is None:
            continue
        subject, _ = _subject(ctx, sent, m, attr, cue, mentions)
        if subject:
            add(m, subject, "founding_year", m.value)
    for m in mentions:
        if not isinstance(m.value, RoleValue) or not m.value.person:
            continue
        org = m.value.organization
        role = ctx.vocab.roles.get(m.value.role)
        if org is None and role is not None and role.public:
            # "Florida Gov. Ron DeSantis": the place's; "Gov. Ron DeSantis said" alone is not the story's company's
            # company; the story's place if it is about one ("Prime Minister Rishi Sunak said ... for Britain")
            place = _PLACE_BEFORE.search(text, max(sent.start, m.start - 40), m.start)
            if place is not None and place.group("place") in places_written(ctx.vocab):
                org = ctx.vocab.scope_aliases.get(place.group("place"), place.group("place"))
            elif not (ctx.entities.topic and ctx.entities.topic.removeprefix("the ") in places_written(ctx.vocab)):
                continue
        subject = ctx.entities.topic if org is None or org.lower() in ("its", "their", "the company") else \
            ctx.entities.org_name(org)
        if subject is None:
            continue
        person = ctx.entities.person(m.value.person)
        tense, effective = _effective(ctx, sent, dates, m.value.tense)
        add(m, subject, m.value.role, NameValue(name=person or m.value.person), tense=tense, as_of_given=effective)
    return _venue_parts(text, out, ends)


# what happened where: "seven people were killed at the bowling alley", "three died at hospitals"
_AT_VENUE = re.compile(r"(?:\s+(?:people|others|more))?(?:\s+(?:were|was|have\s+been|had\s+been))?"
                       r"(?:\s+(?:killed|injured|wounded|died|hurt|dead))?\s+(?:at|in|inside)\s+(?:(?:the|a|an)\s+)?"
                       r"(?P<v>(?-i:[a-z][\w-]*)(?:\s+(?!(?:and|or|but|on|in|at|as)\b)(?-i:[a-z][\w-]*))?)", re.I)


def _venue_parts(text: str, claims: list[Claim], ends: list[int]) -> list[Claim]:
    """Counts of one measure each said to be at another place in one sentence ("seven people were killed at the
    bowling alley and eight at the bar, and three died at hospitals") are parts, not the total: each place is the
    count's segment."""
    venues: dict[str, list[tuple[int, str]]] = {}
    for i, (c, end) in enumerate(zip(claims, ends, strict=True)):
        if isinstance(c.value, NumberValue) and c.value.unit == "count" and not c.qualifiers.segment:
            at = _AT_VENUE.match(text, end)
            if at and not CALENDAR.issuperset(at.group("v").lower().split()):
                venues.setdefault(c.attribute, []).append((i, at.group("v").lower()))
    for parts in venues.values():
        if len(parts) >= 2 and len({v for _, v in parts}) == len(parts):
            for i, v in parts:
                claims[i] = claims[i].model_copy(update={"qualifiers": claims[i].qualifiers.model_copy(
                    update={"segment": v})})
    return claims


def _open_claim(ctx: _Ctx, sent: Sentence, m: Mention, mentions: list[Mention], add: Callable[..., Claim],
                forecast: list[tuple[int, int]], earlier: tuple[Mention, Claim] | None,
                prior: bool = False) -> Claim | None:
    """A claim for a figure no vocabulary attribute names, keyed by the words that say what it measures, or, when
    none do, as the figure just before it (`earlier`, with its claim) if it is written as its comparison or its
    continuation ("$3.69 in the third quarter, up from $3.41 in the second and $2.75 a year earlier")."""
    key = measure_of(ctx.doc.text, sent.start, sent.end, m)
    v = m.value
    if not isinstance(v, NumberValue) or m.kind == "quantity" and v.unit == "count" and (v.value or 0) < 2:
        return None  # ("1 person": a count too small to tell; "16 inches" of rain, 0.0004 km, is no count)
    if key is None and earlier is not None:
        return _compared_claim(ctx, sent, m, v, add, earlier)
    if key is None:
        return None
    if key in ctx.vocab.roles:  # "46 presidents": a count, kept apart from the role, whose values are people
        key += " count"
    if earlier is not None and " " not in key and earlier[1].attribute.startswith("people ") \
            and _INCLUDING.search(ctx.doc.text, max(sent.start, m.start - 40), m.start):
        # "At least 35 people were killed, including 12 children": children killed
        key = f"{_singular(key)} {earlier[1].attribute.split(' ', 1)[1]}"
        key = MEASURE_SYNONYMS.get(key, key)  # ("including 128 passengers" of the people aboard: passengers)
    if key == "price per share" and earlier is not None and _OR_RESTATED.search(ctx.doc.text, sent.start, m.start):
        # "a net loss of $1.2 billion, or 45 cents a share": the same measure, per share
        key = earlier[1].attribute.removesuffix(" per share") + " per share"
        key = "earnings per share" if key == "earned per share" else MEASURE_SYNONYMS.get(key, key)
    text = ctx.doc.text
    subject = "(story)"  # joined with the figures of the same wording about one company, see checks/values.py
    previous: Mention | None = None
    for o in mentions:
        if o.kind == "organization" and sent.start <= o.start and o.end <= m.start and isinstance(o.value, NameValue):
            if o.value.name.lower() in ctx.vocab.label_words or o.value.name.lower() in ctx.vocab.scale_labels:
                continue  # "a Category 3 hurricane with 205 km/h winds": a label, not a company
            if _LOCATIVE.search(text, max(sent.start, o.start - 24), o.start):
                continue  # "The Eaton Fire near Pasadena has scorched 13,690 acres": where, not whose
            if _COMPANION.search(text, max(sent.start, o.start - 12), o.start):
                continue  # "made seven films with Woody Allen and appeared in 60 movies": who with, not whose
            if o.value.name in ctx.entities.people or people_named(o.value.name) and _COUNTED_BEFORE.search(
                    text, max(sent.start, o.start - 12), o.start):
                # "Gov. Ron DeSantis said 9,000 ...": who said it, not whose the figure is; "102 Republicans and 184
                # Democrats": people counted, not a company
                continue
            if o.value.name.lower().removeprefix("the ") in place_names(ctx.vocab):
                # "In Turkey, 2,921 people have been killed": where (the figure's scope), not whose; but "France won
                # 16 gold medals", "Japan was third with 20 golds": the country did it
                if _PLACE_DID.match(text, o.end, m.start) \
                        and not _PLACE_AFTER_PREPOSITION.search(text, max(sent.start, o.start - 12), o.start):
                    name = o.value.name.removeprefix("the ")
                    subject = ctx.vocab.scope_aliases.get(name, name)
                previous = o
                continue
            gap = text[o.end : m.start]
            if previous is not None and _JOINED.fullmatch(text, previous.end, o.start):
                subject = "(story)"  # "in Turkey and Syria climbed past 17,000": the two together, not the last one
            elif _ADJACENT_GAP.match(gap) or (len(gap) <= 30 and "," not in gap):
                subject = ctx.entities.org_name(o.value.name) or subject
            previous = o
    if key == "length":  # "the 985-foot (300-meter) Dali": the name after the size
        named = next((o for o in mentions if o.kind == "organization" and o.start >= m.end
                      and _SIZE_GAP.fullmatch(text, m.end, o.start) and isinstance(o.value, NameValue)), None)
        if named is not None:
            subject = ctx.entities.org_name(named.value.name) or subject  # type: ignore[union-attr]
    if subject == "(story)":
        subject = _referred(ctx, sent, m, mentions) or subject
    if subject == "(story)" and m.kind == "percent":
        # "the ruling party won 52.3% of the vote", "the opposition took 31%": who won it, when no company is named
        # (not "declared a major incident and received more than 2,600 calls")
        actor = _ACTOR.search(text, max(sent.start, m.start - 60), m.start)
        if actor and not _CONJUNCTIONS.intersection(actor.group("actor").lower().split()):
            subject = " ".join(w for w in actor.group("actor").lower().split() if w not in _DETERMINERS) or subject
    quals = _figure_qualifiers(ctx, sent, m, v, forecast)
    if prior:  # the restated earlier value of a change ("from $1.5 billion, or $1.30 a share")
        quals.update(prior=True, forecast=False)
    if m.kind == "money" and key.split(" per ")[0] == subject.lower():
        key = key.replace(subject.lower(), "price", 1)  # "Bitcoin hit a record $100,000": its price
    if key in YEARLY and m.kind == "percent":  # "inflation rose to 2.7%": over a year, unless said otherwise
        quals.setdefault("basis", _basis(text, sent, m) or "year-on-year")
    if m.kind == "quantity" and v.unit == "count" and not quals.get("segment"):
        quals["segment"] = _adder(ctx, text, sent, m)
    return add(m, subject, key, v, open_attribute=True, **quals)


# "Restaurants and bars added 69,000 jobs", "Revisions to previous months added 72,000 jobs": a part that added them
_ADDER = re.compile(r"(?<![\w'’-])(?P<np>(?:[A-Za-z][\w&'’-]*\s+){1,5}?)(?:added|gained|lost|shed|created|eliminated)"
                    r"\s+(?:(?:about|some|nearly|roughly|around|almost|more\s+than|over|an?\s+estimated)\s+)*$")
# Who adds the whole of them ("employers added 254,000 jobs", "the economy added"): no part
_WHOLE_ADDERS = {"employers", "economy", "nation", "country", "companies", "businesses", "firms", "nonfarm",
                 "payrolls", "payroll", "us", "u.s", "america", "it", "they", "which", "that"}


def _adder(ctx: _Ctx, text: str, sent: Sentence, m: Mention) -> str | None:
    """The part of the whole that added or lost the counted things, written as the verb's subject, if any."""
    found = _ADDER.search(text, max(sent.start, m.start - 60), m.start)
    if found is None:
        return None
    # (the phrase holds no comma: ", while health care added 45,000" gives "health care")
    words = [w.lower().strip("'’") for w in found.group("np").split()]
    words = [w for w in words if w not in STOP_WORDS]
    if not words or any(w in _WHOLE_ADDERS or w in ctx.entities.name_words for w in words):
        return None
    return " ".join(words[-3:])


_SIZE_GAP = re.compile(CONVERSION + r"\s*")
_COMPANION = re.compile(r"\b(?:with|alongside)\s+$", re.I)
_LOCATIVE = re.compile(r"\b(?:near|outside|around|across|over|into|off|above|beneath|(?:north|south|east|west)\s+of|"
                       r"(?:headed|heading|bound|sailed|sailing|flew|flying|travell?ing|departed|left)\s+from|"
                       r"(?:cent(?:er|r)ed|located|situated|epicent(?:er|re)(?:\s+was)?)\s+(?:in|off|under))"
                       r"\s+(?:the\s+)?$", re.I)


# a name with a capital inside or after its first letter just before a bare number: a model's name ("iPhone 16",
# "Windows 11", "Boeing 737"), unless it is a date's month or a sentence's first word
_MODEL_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s)"
                         r"(?-i:[a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z]?[A-Za-z]*|[A-Z]{2,}|[A-Z]+&[A-Z]+)\s$")


# (words before a number that open a figure, not name a model: "Over 400", "Roughly 500", besides the stop words)
_NOT_MODELS = STOP_WORDS | {"additional", "approximately", "including", "minus", "plus", "roughly", "top", "until"}


def _title_case(sentence: str) -> bool:
    """A headline's capitals: most words of four letters or more start with one."""
    words = [w for w in re.findall(r"[A-Za-z]+", sentence) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_SCORE = re.compile(r"(\d{1,3})\s*[-–]\s*(\d{1,3})")
# the words of a match: a score is written next to one of them ("beat Palace 3-1", "a 1-1 draw")
_MATCH_WORDS = re.compile(r"\b(?:beat|beats|beaten|defeat(?:s|ed)?|w[oi]n|wins|victory|victories|lost|loses|loss|"
                          r"draw|drew|drawn|held|thrash(?:ed|es)?|edg(?:ed|es)|rout(?:ed|s)?|hammer(?:ed|s)|"
                          r"score(?:d|s|line)?|lead|led|trail(?:ed|s)?|final|match|game|tie|tied)\b", re.I)


_VOTE_WORDS = re.compile(r"\b(?:vote[sd]?|voting|ruling|ruled|decision|verdict|majority|justices|judges|jurors|"
                         r"senators|lawmakers|board|committee|passed|approved|rejected|Senate|House|Parliament|"
                         r"Congress)\b", re.I)


def _score(ctx: _Ctx, sent: Sentence, m: Mention, mentions: list[Mention], add: Callable[..., Claim]) -> bool:
    """A match's score ("beat Crystal Palace 3-1", "held to a 1-1 draw"), read as two exact claims, the higher side's
    goals or points ("score") and the margin: "3-1" and "1-1" disagree on the first, "3-1" and "3-2" on the second,
    whichever side is written first. Its subject is the first team named before it in the sentence."""
    text = ctx.doc.text
    found = _SCORE.fullmatch(m.text)
    if found is None:
        return False
    lo, hi = max(sent.start, m.start - 40), min(sent.end, m.end + 20)
    # a vote's tally is read the same way ("The vote was 11-1", "a 6-3 ruling"): the votes for and the margin
    names = ("votes for", "vote margin") if _VOTE_WORDS.search(text, lo, hi) else ("score", "margin")
    if names[0] == "score" and not _MATCH_WORDS.search(text, lo, hi):
        return False
    high, low = sorted((int(found.group(1)), int(found.group(2))), reverse=True)
    subject = "(story)"
    # (in the figure's clause: "Messi scored twice as Inter Miami beat Orlando 3-1" is Inter Miami's match)
    # (not a scorer's: "Spain won as Mikel Oyarzabal's late goal gave them a 2-1 win" is Spain's)
    clause = max((c.end() for c in _SCORE_CLAUSE.finditer(text, sent.start, m.start)), default=sent.start)
    teams = [o for o in mentions if o.kind == "organization" and sent.start <= o.start and o.end <= m.start
             and isinstance(o.value, NameValue) and not _LOCATIVE.search(text, max(sent.start, o.start - 24), o.start)]
    own = [o for o in teams if o.start >= clause and _TEAM_DID.match(text, o.end)]
    for o in own[:1] or teams[:1]:
        # the first team named: "Liverpool beat Crystal Palace 3-1" is Liverpool's match
        subject = ctx.entities.org_name(o.value.name) or subject  # type: ignore[union-attr]
    # (two measures whose words share nothing: each is "echoed" in a source by the other's figures otherwise)
    for attribute, value in zip(names, (high, high - low), strict=True):
        add(m, subject, attribute, NumberValue(low=value, high=value, value=value, unit="count"), open_attribute=True)
    return True


_TEAM_DID = re.compile(r"\s+(?:beat|beats|defeated|defeats|edged|thrashed|routed|drew|won|wins|lost|loses|"
                       r"overcame|held|stunned|crushed)\b")
_SCORE_CLAUSE = re.compile(r"\b(?:as|when|after|while|before|because)\s+(?=(?:the\s+)?[A-Z])")
# A place, then what it did up to the figure: it is the figure's subject ("France won 16 gold medals")
_PLACE_DID = re.compile(r"\s+(?:also\s+|then\s+)?(?:won|wins|took|collected|claimed|earned|secured|finished|ended|"
                        r"was\s+\w+|came\s+\w+)\b(?:\s+(?:with|on|the|a|an|its|their|up|third|second|fourth|"
                        r"fifth|sixth|seventh|first))*\s+" + HEDGED
                        # ("Great Britain won 14 golds and 65 medals": both are its)
                        + r"(?:\d[\d,.]*\s+[a-z]+(?:\s+[a-z]+)?,?\s+and\s+" + HEDGED + r")?$", re.I)
_PLACE_AFTER_PREPOSITION = re.compile(r"\b(?:in|across|for|from|to|at|of|than|with)\s+(?:the\s+)?$", re.I)


def _referred(ctx: _Ctx, sent: Sentence, m: Mention, mentions: list[Mention]) -> str | None:
    """The company a pronoun or "the company" just before a figure stands for ("Toyota said on Thursday it would
    recall about 1.2 million vehicles"): the nearest one named before it in the sentence, else the story's."""
    text = ctx.doc.text
    last = None
    for r in ctx.entities.references.finditer(text, max(sent.start, m.start - 45), m.start):
        last = r
    if last is None or "," in text[last.end() : m.start]:
        return None
    if last.group().lower() not in ("it", "its", "their"):
        return ctx.entities.topic
    named = next((o.value.name for o in reversed(mentions) if o.kind == "organization" and sent.start <= o.start
                  and o.end <= last.start() and isinstance(o.value, NameValue)), None)
    if named is None and any(r.group().lower() not in ("it", "its", "their")
                             for r in ctx.entities.references.finditer(text, sent.start, last.start())):
        return ctx.entities.topic  # "The Ohio-based chain plans to close 315 of its 1,400 stores": the company's
    return ctx.entities.org_name(named)  # (None: "it" with no company before it in the sentence may be anything)


# What may stand between a figure and the next one written as its comparison or continuation: a period and the
# words of a comparison, nothing that names another measure ("net income was $5 million while costs rose from").
_BETWEEN_WORDS = {
    "for", "in", "during", "at", "of", "the", "a", "an", "its", "their", "this", "that", "same", "prior", "previous",
    "last", "year", "years", "quarter", "quarters", "month", "months", "period", "half", "fiscal", "first", "second",
    "third", "fourth", "ago", "earlier", "year-ago", "year-earlier", "linked", "sequential", "full", "full-year",
    "up", "down", "improved", "rose", "fell", "increased", "decreased", "declined", "grew", "climbed", "jumped",
    "dropped", "compared", "with", "to", "versus", "vs", "against", "from", "and", "or", "as", "ended", "end",
    "q1", "q2", "q3", "q4", "h1", "h2", "fy", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "about", "around", "roughly", "nearly", "some",
}
_COMPARED_END = re.compile(r"(?:\b(?P<prior>compared\s+(?:with|to)|versus|vs\.?|against|from)|,?\s+(?:and|or))\s+"
                           r"(?:(?:about|around|roughly|nearly|some)\s+)?$", re.I)
_BETWEEN_TOKEN = re.compile(r"[A-Za-z][\w-]*|\d{4}\b|[^\s\w]|\d+")


def _compared_claim(ctx: _Ctx, sent: Sentence, m: Mention, v: NumberValue, add: Callable[..., Claim],
                    earlier: tuple[Mention, Claim]) -> Claim | None:
    """`m` as the figure before it measured at another time or against it, if the words between say so."""
    p, claim = earlier
    between = ctx.doc.text[p.end : m.start]
    end = _COMPARED_END.search(between)
    if end is None or len(between) > 90 or ";" in between or not isinstance(claim.value, NumberValue) \
            or claim.value.unit != v.unit:
        return None
    for token in _BETWEEN_TOKEN.findall(between):
        if token[0].isalpha() and token.lower() not in _BETWEEN_WORDS or token[0].isdigit() and len(token) != 4:
            return None
    prior = bool(end.group("prior")) or claim.qualifiers.prior
    quals = _figure_qualifiers(ctx, sent, m, v, [])
    quals.update(prior=prior, forecast=claim.qualifiers.forecast and not prior)
    return add(m, claim.subject, claim.attribute, v, open_attribute=True, **quals)


def _figure_qualifiers(ctx: _Ctx, sent: Sentence, m: Mention, v: NumberValue,
                       forecast: list[tuple[int, int]]) -> dict[str, object]:
    """What the words just before a figure say of it: its hedge, its segment ("full-time"), whether it is the
    earlier value of a change ("up from $13.8 billion"), and so not a forecast even in a forecasting sentence."""
    before = ctx.doc.text[max(sent.start, m.start - 30) : m.start]
    prior = bool(_PRIOR.search(before))
    # "9% of the unit's employees": a share says of what whole after it
    whole = _OF_PART.match(ctx.doc.text, m.end, min(sent.end, m.end + 40)) if m.kind == "percent" else None
    # "1,600 people at its headquarters and distribution centre": the staff of a site
    site = _AT_SITE.match(ctx.doc.text, m.end, min(sent.end, m.end + 60)) if m.kind == "quantity" else None
    segment = _segment(ctx.vocab, v.noun, before + (whole.group() if whole else ""), site.group("site") if site else "")
    group = _NAMED_GROUP.match(ctx.doc.text, m.end) if segment is None and m.kind == "quantity" else None
    if group and (named := people_named(group.group(1))):
        segment = named  # "200 Palestinians were killed" are not "1,200 Israelis"
    if segment is None and m.kind == "money" and (
            _WITH_DEBT_AFTER.match(ctx.doc.text, m.end, sent.end)
            or _WITH_DEBT_BEFORE.search(ctx.doc.text, sent.start, m.start)):
        # "about $1.9 billion including debt" is the deal's enterprise value, "$1 billion" its equity value
        segment = "including debt"
    return {"hedge": v.hedge, "segment": segment,
            "prior": prior,
            # ("beating the $94.6 billion Wall Street expected": the figure measured against is the forecast)
            "forecast": not prior and (bool(forecast) and _is_forecast(ctx.doc.text, forecast, m)
                                       or bool(_AGAINST.search(before)) and bool(_EXPECTED_AFTER.match(
                                           ctx.doc.text, m.end, min(sent.end, m.end + 60))))}


_AGO = re.compile(r"(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                  r"(?P<unit>year|month|week|day|decade)s?\s+ago$", re.I)
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _elapsed_claim(ctx: _Ctx, sent: Sentence, m: Mention, add: Callable[..., Claim]) -> None:
    """"the death 35 years ago" in an undated article cannot be placed in time, but the elapsed time itself is
    a figure two sources can disagree on."""
    v = m.value
    a = _AGO.match(m.text)
    if a is None or not isinstance(v, DateValue) or v.anchored:
        return
    n = a.group("n").lower()
    amount = float(_WORDS.get(n, 0) or n)
    before = [w.lower() for w in re.findall(r"[A-Za-z]+", ctx.doc.text[sent.start : m.start])]
    event = next((w for w in reversed(before[-3:]) if w not in STOP_WORDS and len(w) > 2), None)
    unit = a.group("unit").lower()
    key = f"{event} {unit}s ago" if event else f"{unit}s ago"
    add(m, "(story)", key, NumberValue(low=amount - 0.5, high=amount + 0.5, unit="count", value=amount),
        open_attribute=True)


_BASIS = re.compile(r"\b(pre|post)[- ]money\b", re.I)
_AT_OFFER_PRICE = re.compile(r"\b(?:at|based\s+on|using)\s+(?:the|its|their)\s+(?:IPO|offer|offering|listing|float)\s+"
                             r"price\b", re.I)
_ROUND = guarded(r"\b(?:(?P<series>Series\s+[A-H]\d?)|(?P<seed>pre-seed|seed)\s+(?:round|funding|financing)"
                 r"|(?P<tranche>(?:first|second|third|final)\s+tranche))\b", re.I)


def _basis(text: str, sent: Sentence, m: Mention) -> str | None:
    """"a $4 billion pre-money valuation": the valuation before the new money came in; "up 2.6% from a year earlier":
    a change against a year before (for a percentage)."""
    window = text[max(sent.start, m.start - 40) : min(sent.end, m.end + 40)]
    b = _BASIS.search(window)
    if b:
        return f"{b.group(1).lower()}-money"
    if m.kind == "money" and _AT_OFFER_PRICE.search(text, sent.start, m.start):
        return "offer-price"  # "At the IPO price, Arm was valued at $54.5 billion": not where trading took it
    if m.kind != "percent":
        return None
    return change_basis(text[max(sent.start, m.start - 60) : m.start], text[m.end : min(sent.end, m.end + 60)])


@lru_cache(maxsize=4)
def _scope_patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    places = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(vocab.scope_places, key=len, reverse=True))
    # and any county, parish, province or district by name ("in Cooke County": a part of a state's toll, not all)
    places = rf"(?:[A-Z][a-z]+\s+){{1,2}}(?:{_LOCAL_AREAS})|{places}"
    return (compile_stored(first_guarded(words_pattern(vocab.scope_global), re.I), re.I),
            compile_stored(first_guarded(
                rf"(?:\b(?i:in|across|for)\s+(?P<place>{places})(?![\w])|\b(?P<owner>{places})['’]s\b)")),
            # "New Mexico has reported 35 cases", "New Mexico, which has 35 cases": the place counts them
            compile_stored(first_guarded(
                rf"(?<!and\s)(?<!,\s)\b(?P<place>{places}),?\s+(?i:(?:which|where\s+officials)\s+)?"
                r"(?i:(?:has|have|had)\s+)?(?i:(?:reported|recorded|confirmed|counted|registered|logged|has|had)\s+)"
                rf"(?i:{HEDGED})$")))


_PARTICIPLE_AFTER = re.compile(r"[^,;]*,\s+[a-z]+ing\b")
# (after a dateline, "LONDON (Reuters) - In Britain, ...")
_PLACE_OPENS = re.compile(r"\W*(?:(?:[A-Z]\w*\s+){1,3}\(\w+\)\s*[-—–]+\s*)?(?:(?:In|Across|Throughout|For)\s+)?"
                          r"(?:the\s+)?$")
# A sentence's opening phrase that tells of someone or something, not of the figure's clause
_PARTICIPLE_OPENER = re.compile(r"(?:Born|Raised|Based|Founded|Headquartered|Educated|Located)\b[^,;]*,")


def _scope(vocab: Vocabulary, text: str, sent: Sentence, m: Mention) -> str | None:
    """Where the figure applies, when the words next to it in its clause say so: a place ("in California",
    "Turkey's") or "global". The nearest place wins."""
    if not vocab.scope_places:
        return None
    global_re, place_re, counted_re = _scope_patterns(vocab)
    lo, hi = max(sent.start, m.start - 60), min(sent.end, m.end + 50)
    counted = counted_re.search(text, lo, m.start)
    opener = _PARTICIPLE_OPENER.match(text, sent.start, m.start)
    best: tuple[int, str] | None = (0, " ".join(counted.group("place").split())) if counted else None
    for p in place_re.finditer(text, lo, hi):
        if p.group("owner") and p.start() >= m.end:
            continue  # "killing 58 people, Portugal's civil protection agency said": whose agency, not where
        between = text[p.end() : m.start] if p.end() <= m.start else text[m.end : p.start()]
        if p.start() >= m.end and "," in between:
            continue  # "at a depth of 18 kilometers, was felt in Cairo": another clause's place
        if _CLAUSE_BREAK.search(between) or re.search(r",\s*(?:while|whereas)\b", between):
            continue
        if opener is not None and p.end() <= opener.end() <= m.start:
            continue  # "Born in Los Angeles in 1946, Keaton appeared in 60 films": where she was born
        if p.end() <= m.start and _PARTICIPLE_AFTER.match(between) \
                and not _PLACE_OPENS.match(text, sent.start, p.start()):
            # "ended her tour on Sunday night in Vancouver, closing out a run of 149 concerts": where it ended, not
            # where the concerts were (but "In Turkey, 2,921 people": a place opening the sentence is the figure's)
            continue
        # (a county or district the clause names is nearer than any state around it: "In Texas, seven people were
        # killed in Cooke County")
        local = _LOCAL_AREA.search(p.group()) is not None
        distance = -1 if local else len(between)
        if _JOINED_PLACE.match(text, p.end()) and not (local and text.startswith(",", p.end())):
            # "in Turkey and Syria": both together, not the first one (but "in Cooke County, Texas": the county, in
            # its state)
            continue
        if best is None or distance < best[0]:
            name = " ".join((p.group("place") or p.group("owner")).split())
            best = (distance, name)
    if best is not None:
        name = best[1][4:] if best[1].lower().startswith("the ") else best[1]
        return vocab.scope_aliases.get(name, name)
    return "global" if global_re.search(text, lo, hi) else None


def _round(text: str, sent: Sentence, m: Mention) -> str | None:
    """The funding round or tranche a figure belongs to ("Series B", "seed round", "second tranche")."""
    window = text[max(sent.start, m.start - 60) : min(sent.end, m.end + 60)]
    r = _ROUND.search(window)
    if r is None:
        return None
    return " ".join((r.group("series") or r.group("seed") or r.group("tranche")).split()).title()


_RESTATED = re.compile(r"\s*(?:\(|,?\s+or|,)\s*(?:about|around|roughly|approximately|nearly|some|almost|"
                       r"more\s+than)?\s*")


def _converted(text: str, a: Mention, b: Mention) -> bool:
    """`b` restates `a` in another unit of its dimension, just after it."""
    va, vb = a.value, b.value
    if not (isinstance(va, NumberValue) and isinstance(vb, NumberValue)) or va.unit != vb.unit \
            or va.unit in ("count", *DURATION_UNITS):
        return False
    unit_a, unit_b = (re.sub(r"[\d.,\s]+", "", x.text).lower() for x in (a, b))
    return unit_a != unit_b and bool(_RESTATED.fullmatch(text, a.end, b.start))


_PLACE_BEFORE = re.compile(r"(?:the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})(?:['’]s)?\s+$")


_NAMED_AFTER = re.compile(r"\s+(?-i:[A-Z])")
_EXTREME = re.compile(r"\s+(?:high|low|record|peak|trough)s?\b", re.I)
_OR_RESTATED = re.compile(r",?\s+or\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$", re.I)
_AND_NEXT = re.compile(r"[^.;\d%]{0,40}\band\s+(?:(?:about|around|nearly|almost|roughly|some|just)\s+)?")
_SELLERS = re.compile(r"\b(?:existing|selling)\s+(?:share|stock)holders\b|\bshares\s+sold\s+by\b", re.I)


# What happens to people that a report counts even in words ("At least four people were killed")
_TALLIED = {"killed", "injured", "missing", "dead", "wounded", "hurt", "rescued", "arrested", "hospitalized",
            "hospitalised", "died"}


def _worded_tally(ctx: _Ctx, sent: Sentence, m: Mention) -> bool:
    """Whether a number in words counts casualties ("four people were killed", "six people died"): a figure
    sources disagree on, unlike "two companies" or "one employee said"."""
    if (m.value.value or 0) < 2:  # type: ignore[union-attr]
        return False
    key = measure_of(ctx.doc.text, sent.start, sent.end, m)
    return key is not None and key.split()[-1] in _TALLIED


def _drop_conversions(text: str, numbers: list[Mention]) -> list[Mention]:
    """"€11.7 billion ($13.7 billion)" is one amount written in two currencies: keep the first."""
    out: list[Mention] = []
    for m in numbers:
        if out and m.kind == "money" and out[-1].kind == "money":
            between = text[out[-1].end : m.start]
            if re.fullmatch(r"\s*\(\s*(?:about\s+|around\s+|roughly\s+|approximately\s+|or\s+)?", between) and \
                    out[-1].value.unit != m.value.unit:  # type: ignore[union-attr]
                continue
        if out and m.kind == "quantity" and out[-1].kind == "quantity" and _converted(text, out[-1], m):
            continue  # "13,690 acres, or about 55 square kilometres": one area in two units
        out.append(m)
    return out


def _find_cues(vocab: Vocabulary, sent: Sentence,
               doc_cues: list[tuple[int, int, str]]) -> dict[str, list[tuple[int, int]]]:
    """For each attribute, the spans (document offsets) of its cue words in the sentence."""
    out: dict[str, list[tuple[int, int]]] = {}
    i = bisect.bisect_left(doc_cues, (sent.start, -1, ""))
    while i < len(doc_cues) and doc_cues[i][0] < sent.end:
        s, e, name = doc_cues[i]
        out.setdefault(name, []).append((s, e))
        i += 1
    return out


_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


@lru_cache(maxsize=4)
def _cue_index(vocab: Vocabulary) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The cues of every attribute as word sequences, indexed by their first word."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, attr in vocab.attributes.items():
        for cue in attr.cues:
            words = tuple(_TOKEN.findall(cue.lower()))
            if words:
                index.setdefault(words[0], []).append((words, name))
    return index


# Words after a cue that make it name something else
_VOIDING = {"back", "package", "packages", "bill", "bills", "legislation"}


def document_cues(vocab: Vocabulary, text: str) -> list[tuple[int, int, str]]:
    """Every attribute cue in the text, sorted by position: one pass over the words of the document, looking up
    each word among the cues' first words (a dictionary look-up, not a pattern of a hundred alternatives)."""
    index = _cue_index(vocab)
    words = [w.lower() for w in _TOKEN.findall(text)]
    spans: list[tuple[int, int]] = []  # the words' places, read once a cue is found
    found = []
    for i, word in enumerate(words):
        for cue, name in index.get(word, ()):
            n = len(cue)
            if tuple(words[i : i + n]) == cue and not _VOIDING.issuperset(words[i + n : i + n + 1] or ["-"]):
                # (not "would buy back up to $2 billion of shares": a buyback, no deal; not "the $1.2 trillion
                # government funding package": a spending bill, no investment)
                spans = spans or [t.span() for t in _TOKEN.finditer(text)]
                found.append((spans[i][0], spans[i + n - 1][1], name))
    found.sort()
    return found


def _gap(span: tuple[int, int], m: Mention) -> int:
    if span[1] <= m.start:
        return m.start - span[1]
    if span[0] >= m.end:
        return span[0] - m.end
    return 0


_LOCAL_AREAS = "County|Parish|Province|Prefecture|District"
_LOCAL_AREA = re.compile(rf"\s(?:{_LOCAL_AREAS})$")
_JOINED_PLACE = re.compile(r"(?:,|,?\s+and|,?\s+or|\s*/|\s*&)\s+(?:neighbou?ring\s+|nearby\s+|the\s+)?[A-Z]")
# (a full stop after a short capitalised word ends an abbreviation, "Sept. 28", "Inc.", "U.S.", not a clause)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas)\b|(?<![A-Z])(?<![A-Z][a-z])(?<![A-Z][a-z]{2})"
                           r"(?<![A-Z][a-z]{3})\.\s")


def _nearest_cue(spans: list[tuple[int, int]], m: Mention, window: int, text: str = "") -> tuple[int, int] | None:
    """The cue nearest the figure within `window` characters, not across a clause break ("..., and its revenue"),
    nor one that ranks ("the world's biggest automaker by sales", "the largest company by market value")."""
    ok = [s for s in spans if _gap(s, m) <= window and not (
        text and (_CLAUSE_BREAK.search(text[s[1] : m.start] if s[1] <= m.start else text[m.end : s[0]])
                  or _RANKED_BY.search(text, max(0, s[0] - 50), s[0])))]
    return min(ok, key=lambda s: _gap(s, m), default=None)


_RANKED_BY = re.compile(r"\b(?:\w+est|most\s+\w+|top|leading|No\.\s*\d+|number\s+\w+)\s+(?:[\w-]+\s+){0,2}by\s+$",
                        re.I)
_ACTOR = re.compile(
    r"(?<![\w,])(?P<actor>(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+|[Hh]is\s+|[Hh]er\s+|[Ww]hose\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"[a-z][\w-]*)\s+(?:won|wins|took|takes|got|received|secured|garnered|captured|polled|claimed)\s+(?:(?:about|around|"
    r"nearly|almost|roughly|some|just|over|more\s+than|less\s+than|only)\s+)*$")
_CONJUNCTIONS = {"and", "or", "but", "while", "as"}
_DETERMINERS = {"the", "its", "their", "his", "her", "whose", "a", "an", "each", "also", "both", "then", "still",
                "only", "just", "later", "eventually"}
_JOINED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|/|&)\s*")
_PUNCTUATION = re.compile(r"[,;:()\[\]—–]")


@lru_cache(maxsize=16)
def _not_after(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` ending just before a figure, hedges allowed between ("added about 500")."""
    return re.compile(words_pattern(list(words)) + r"\s+(?:(?:another|an\s+additional|about|around|nearly|almost|"
                      r"roughly|some|over|more\s+than|up\s+to|as\s+many\s+as|a\s+net)\s+)*$", re.I)


@lru_cache(maxsize=16)
def _not_before(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` just after a figure."""
    return re.compile(r"\s*" + words_pattern(list(words)), re.I)


def _same_clause(text: str, span: tuple[int, int], m: Mention) -> bool:
    """Whether no comma, semicolon, colon, bracket or dash stands between a cue and a figure (stricter than
    `_CLAUSE_BREAK`: a relative clause set off by commas counts apart)."""
    lo, hi = (span[1], m.start) if span[1] <= m.start else (m.end, span[0])
    return not _PUNCTUATION.search(text, lo, max(lo, hi))


def _attribute(vocab: Vocabulary, m: Mention, cues: dict[str, list[tuple[int, int]]], text: str
               ) -> tuple[Attribute | None, tuple[int, int] | None]:
    """The attribute whose cue is nearest the figure, among those measured in the figure's unit."""
    kind = UNIT_KIND[m.kind]
    if m.kind == "quantity" and getattr(m.value, "unit", "count") != "count":
        return None, None  # "a 53-day strike" by "workers": a duration or a length is no count of them
    best: tuple[int, Attribute, tuple[int, int]] | None = None
    # "its 20,000-strong workforce", "of its 10,000 employees": the whole staff, whatever cut is near
    whole = _WHOLE_STAFF.match(text, m.end) or _OF_WHOLE.search(text, max(0, m.start - 30), m.start)
    for name, attr in vocab.attributes.items():
        if attr.unit != kind or name not in cues:
            continue
        cue = _nearest_cue(cues[name], m, attr.window, text)
        if cue is None:
            continue
        gap = _gap(cue, m)
        # "cut 200 employees and 500 contractors": a cue of an `unless` attribute in the figure's clause takes
        # precedence; "Acme, which employs 12,000 people, said it would cut 1,200 jobs": one in another does not
        if not whole and any((u_cue := _nearest_cue(cues.get(u, []), m, vocab.attributes[u].window, text)) is not None
                             and _same_clause(text, u_cue, m) for u in attr.unless if u in vocab.attributes):
            continue
        if attr.requires and not all(r in cues for r in attr.requires):
            continue
        if attr.not_after and _not_after(attr.not_after).search(text, max(0, m.start - 40), m.start):
            continue  # "Tesla added 500 workers": people hired, not its staff
        if attr.not_before and _not_before(attr.not_before).match(text, m.end):
            continue  # "paid $2 million a year": a rate, not a sum invested
        linked = cue[1] <= m.start and _LINKED.fullmatch(text, cue[1], m.start) is not None
        if m.kind == "money" and not linked and (MONEY_NOUN_AFTER.match(text, m.end) or TO_SETTLE.match(text, m.end)):
            # "who bought the franchise, agreed to pay a $60 million fine as part of the deal": the fine; "proposed
            # paying $9 billion to settle the claims": a settlement
            continue
        if m.kind == "money" and not linked and _MONEY_NOUN_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue  # "paid a ransom of $22 million to the hackers": the ransom, no investment
        if linked:
            gap = -1  # "was valued at roughly €2 billion when it raised €385 million": the cue the figure completes
        if best is None or gap < best[0]:
            best = (gap, attr, cue)
    return (best[1], best[2]) if best else (None, None)


_MONEY_NOUN_BEFORE = re.compile(r"\b(?:" + MONEY_NOUNS + r")s?\s+of\s+" + HEDGED + "$", re.I)
# A cue and the figure it completes: a preposition and hedges between ("valued at roughly", "revenue of about")
_LINKED = re.compile(r"\s+(?:at|of)\s+" + HEDGED, re.I)


def _line(ctx: _Ctx, sent: Sentence, cue: tuple[int, int], subject: str, quals: dict[str, object]) -> str:
    """Set the line of business written at `cue` ("iPhone revenue") as the figure's segment; return its subject,
    the document's company when the line's name was taken for one ("Mac sales were $7.74 billion")."""
    if quals.get("segment"):
        return subject
    topic = ctx.entities.topic
    # (the subject's name is no line unless it is the company's: "Mac sales were $7.74 billion" took "Mac" for one)
    names = frozenset(w.lower() for w in (topic or subject).split())
    line = line_of(ctx.doc.text, cue, sent.start, sent.end, names)
    if line is None:
        return subject
    quals["segment"] = line
    if topic and subject != topic and subject.lower() in line:
        return topic
    return subject


def _subject(ctx: _Ctx, sent: Sentence, m: Mention, attr: Attribute, cue: tuple[int, int],
             mentions: list[Mention]) -> tuple[str | None, str | None]:
    """The company a figure is about, and for investments and stakes the other party."""
    text = ctx.doc.text
    ents = ctx.entities
    refs: list[tuple[int, int, str | None]] = []  # (start, end, org name or None for the main company)
    asides = [(a.start(), a.end()) for a in _ASIDE.finditer(text, sent.start, min(cue[0], m.start))]
    for o in mentions:
        if o.kind == "organization" and sent.start <= o.start < sent.end and isinstance(o.value, NameValue) \
                and not any(s <= o.start < e for s, e in asides) \
                and o.value.name not in ents.people:  # ("Steve Huffman, who co-founded Reddit in 2005": no company)
            refs.append((o.start, o.end, ents.org_name(o.value.name)))
    refs.sort()
    for r in ents.references.finditer(text, sent.start, sent.end):
        name = None
        if r.group().lower() in ("it", "its", "their"):
            # A pronoun stands for the nearest organization before it in the sentence, else the main company.
            name = next((n for s, e, n in reversed(refs) if e <= r.start() and n), None)
        refs.append((r.start(), r.end(), name))
    refs.sort()
    anchor_start = min(cue[0], m.start)
    anchor_end = max(cue[1], m.end)
    subject: str | None = None
    found = False
    # "investment in Scale AI", "a stake in the company", "the valuation of OpenAI"
    places = place_names(ctx.vocab)
    for s, _e, name in refs:
        if anchor_end <= s <= anchor_end + 40 and _AFTER_TARGET.search(text[anchor_end:s]) and \
                not re.search(r"[,;()]", text[anchor_end:s]) \
                and (name or "").lower().removeprefix("the ") not in places:
            # (not "employs about 3,000 people in Arizona": where, the figure's scope)
            subject, found = name or ents.topic, True
            break
    if not found and attr.name in PARTY_ATTRIBUTES:
        # "invested $14.3 billion in Acme, securing a 49% stake": the sentence names the company once.
        for s, _e, name in refs:
            if re.search(r"\b(?:in|into)\s+$", text[max(sent.start, s - 6) : s]):
                subject, found = name or ents.topic, True
                break
    explicit_target = found
    before = [r for r in refs if r[1] <= anchor_start]
    if not found and before:
        s, e, name = before[-1]
        gap = text[e:anchor_start]
        if _ADJACENT_GAP.match(gap) or (len(gap) <= 25 and "," not in gap):
            subject, found = name or ents.topic, True
        elif any(n == ents.topic for _, _, n in before):
            subject, found = ents.topic, True
        else:
            subject, found = name or ents.topic, True
    if not found:
        subject = ents.topic
    party = None
    if attr.name in PARTY_ATTRIBUTES and not explicit_target and subject != ents.topic and ents.topic \
            and not (before and _RECEIVED.search(text, before[-1][1], max(m.start, before[-1][1]))):
        # "Meta acquired a 49% stake", "Meta's $14.3 billion investment": the holder is named, the company is implied
        # (but "OpenAI raised $6.6 billion" names the company that got it).
        party, subject = subject, ents.topic
    for _s, _e, name in reversed(before):
        if party is None and name and name != subject:
            party = name
            break
    return subject, party


# Verbs by which a company gets money rather than gives it
_RECEIVED = re.compile(r"\b(?:raised|raises|raise|raising|secured|secures|securing|landed|lands|received|receives|"
                       r"attracted|bagged|closed|closes|closing|pulled\s+in)\b", re.I)


_OF_PART = re.compile(r"\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?[\w-]+(?:['’]s)?", re.I)


@lru_cache(maxsize=4)
def _segment_patterns(vocab: Vocabulary) -> list[tuple[str, re.Pattern[str]]]:
    """Each business segment's words as one pattern (a word standing alone, not inside another)."""
    return [(seg, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])"))
            for seg, words in vocab.segments.items() if words]


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_MARKET_VALUE = re.compile(r"market\s+(?:value|capitali[sz]ation|cap)", re.I)
_PERIOD_SAID = re.compile(r"(annual|full-year|yearly|quarterly)\s+(?=\S)", re.I)
_PERIOD_GRAIN = {"annual": "year", "full-year": "year", "yearly": "year", "quarterly": "quarter"}
_INCLUDING = re.compile(r"\bincluding\s+" + HEDGED + "$", re.I)
_NAMED_GROUP = re.compile(r"\s+([A-Z][a-z]+s)\b")
_COUNTED_BEFORE = re.compile(r"\d\s+$")
# the level a change reached, just before it ("a 78% jump ... to a record $30.3 billion")
_TO = r"to\s+(?:the\s+)?" + HEDGED
_TO_LEVEL = re.compile(r"\s+" + _TO, re.I)
_CHANGE_TO_LEVEL = re.compile(r"[^,;.]{0,80}?\b" + _TO, re.I)
# a relative clause telling of an event, up to its date
_EVENT_CLAUSE = re.compile(r"\b(?:that|which)\s+(?:\w+\s+){0,2}?(?:struck|hit|began|started|broke\s+out|erupted|"
                           r"happened|occurred|took\s+place|crashed|collapsed|sank)\b[^,;]*$", re.I)
_ON_DAY = re.compile(r"\bon\s+$", re.I)
_WITH_DEBT_AFTER = re.compile(r",?\s+(?:including|incl\.?|with)\s+" + HEDGED
                              + r"(?:[$€£]?[\d.,]+\s*(?:billion|million|bn|m)?\s+(?:of|in)\s+)?"
                              r"(?:(?:its|the|assumed|net|[A-Z][\w.]*['’]s?)\s+)*debt\b", re.I)
_WITH_DEBT_BEFORE = re.compile(r"\bincluding\s+(?:(?:its|the|assumed|net)\s+)*debt\b[^.;]*$", re.I)
_AT_SITE = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:at|in)\s+(?:its|their|the\s+company['’]s|the)\s+"
                      r"(?P<site>(?:[\w-]+\s+){0,3}?(?:headquarters|head\s+office|plants?|factor(?:y|ies)|"
                      r"warehouses?))\b", re.I)


def _segment(vocab: Vocabulary, noun: str | None, before: str, site: str = "") -> str | None:
    # (a capitalised word before the figure is a name, not a part of the company: "Arm was valued at $54.5 billion")
    phrase = f"{_CAPITALISED.sub('', before[-20:])} {noun or ''} {site}".lower()
    return next((seg for seg, pattern in _segment_patterns(vocab) if pattern.search(phrase)), None)


# A date opening its sentence ("Last year, ...", "In January 2023 the company ..."), after at most a preposition.
_OPENING = re.compile(r"[\s\"“‘'(]*(?:(?:in|on|by|during|since|at|for|over|through|throughout|as\s+of)\s+)?$", re.I)


def _as_of(ctx: _Ctx, m: Mention, dates: list[Mention], numbers: list[Mention],
           sent_start: int) -> tuple[DateValue | None, str]:
    """The period a figure speaks of: a date written next to it, else one opening its sentence, else the publication
    date, else unknown."""
    best = None
    best_owned = best_crossed = False
    periods_before = any(sent_start <= d.start and d.end <= m.start and isinstance(d.value, DateValue)
                         and d.value.granularity in ("quarter", "half", "year") for d in dates)
    for d in dates:
        if d is m or not isinstance(d.value, DateValue):
            continue
        gap = d.start - m.end if d.start >= m.end else m.start - d.end
        if gap < 0 or gap > 45 and not (d.end <= m.start and gap <= 100 and d.value.start is not None
                                        and not _PUNCTUATION.search(ctx.doc.text, d.end, m.start)):
            # further off, only a date that can be placed and opens the figure's clause ("Q3 2020 diluted earnings
            # per share were")
            continue
        lo, hi = sorted((m.end, d.start)) if d.start >= m.end else (d.end, m.start)
        if any(lo <= n.start < hi and n is not m and not (d.end <= n.start and _TO_LEVEL.fullmatch(
                ctx.doc.text, n.end, m.start)) for n in numbers) and not (d.start >= m.end
                                                                         and _WHEN.match(ctx.doc.text, m.end)):
            # (but "valued at €2 billion when it raised €385 million in December": the time of both; "a 78% jump in
            # 2023 pre-tax profit to a record $30.3 billion": the change's and the level's)
            continue
        if _FOUNDED_BEFORE.search(ctx.doc.text, max(0, d.start - 40), d.start):
            continue  # "founded in 2007 and has 7,500 employees": the year of its founding, not of the figure
        if _MODEL_YEAR.fullmatch(d.text) and _MODEL_YEAR_BEFORE.search(ctx.doc.text, max(0, d.start - 30), d.start) \
                and _NAME_AFTER.match(ctx.doc.text, d.end):
            continue  # "the 2020 through 2022 Camry": the years of a model, not of the figure
        if d.end <= m.start and any(a.start() <= d.start and d.end <= a.end() for a in _ASIDE.finditer(
                ctx.doc.text, sent_start, m.start)):
            continue  # "TAP, which was nationalised in 2020, employs 7,000 people": the aside's date, not the figure's
        if d.start >= m.end and (_COMPARISON.search(ctx.doc.text, lo, hi) or _BASE.fullmatch(ctx.doc.text, lo, hi)
                                 or _ON_BASE.fullmatch(ctx.doc.text, lo, hi) and _LAST_YEAR.fullmatch(d.text)):
            continue  # "EPS of $5.53, compared to a loss last year": the date of what it is compared with
        if d.end <= m.start and _EVENT_CLAUSE.search(ctx.doc.text, max(sent_start, d.start - 80), d.start):
            continue  # "the earthquake that struck the Noto Peninsula on New Year's Day has risen to 202": the event's
        if _BASE_BEFORE.search(ctx.doc.text, max(0, d.start - 20), d.start):
            continue  # "37 basis points higher than Q2 and 84 basis points ...": a comparison's base, no figure's date
        if d.start >= m.end and _NEXT_CLAUSE.search(ctx.doc.text, lo, hi):
            continue  # "priced from $799, and said the phone will go on sale on September 20": the next clause's
        # a date just after another figure is that one's ("the $26.2 billion LinkedIn purchase in 2016 and the $7.5
        # billion ZeniMax deal in 2021"): taken only when no other date is near
        owned = d.end <= m.start and any(
            n is not m and n.end <= d.start and d.start - n.end <= 40
            and not _PUNCTUATION.search(ctx.doc.text, n.end, d.start)
            # (not a change the figure is the level of: "a 78% jump in 2023 pre-tax profit to a record $30.3 billion")
            and not (n.kind == "percent" and _CHANGE_TO_LEVEL.fullmatch(ctx.doc.text, n.end, m.start))
            for n in numbers)
        value = d.value
        published = ctx.doc.published
        since = _SINCE.search(ctx.doc.text, max(0, d.start - 8), d.start) \
            or _SINCE_EVENT.search(ctx.doc.text, max(sent_start, d.start - 60), d.start)
        if value.start is not None and published is not None and value.start <= published and since \
                and not _RECORD_BEFORE.search(ctx.doc.text, sent_start, since.start()):
            # "losses since Thursday's close of more than 20%": from then to the day of writing (not "the deadliest
            # since 1977, when 131 people died": the record's date)
            value = value.model_copy(update={"end": published})
        # (a date across a comma is another clause's, unless none nearer is in the figure's own: "the CDC said
        # Friday, more than the 285 cases reported in all of 2024")
        crossed = _PUNCTUATION.search(ctx.doc.text, lo, hi) is not None
        # ("has more than doubled this year and has gained about 45% since ...": the clause before's date)
        crossed |= d.end <= m.start and _AND_CLAUSE.search(ctx.doc.text, lo, hi) is not None
        # ("a record $30.3 billion on Wednesday" with "2023 pre-tax profit" before it: the day it was reported, the
        # year the figure is of)
        crossed |= not since and periods_before and d.start >= m.end and d.value.granularity == "day" \
            and _ON_DAY.search(ctx.doc.text, max(0, d.start - 4), d.start) is not None
        if best is None or (owned, crossed, gap) < (best_owned, best_crossed, best[0]):
            best, best_owned, best_crossed = (gap, value), owned, crossed
    if best is None:
        # "Last year Microsoft laid off 10,000 workers, or less than 5% of its workforce": the opening date is the
        # whole sentence's
        # (a period that cannot be placed, "in the third quarter" of an undated article, is left to nearer figures)
        opening = next((d.value for d in dates if d.end <= m.start and isinstance(d.value, DateValue)
                        and d.value.start is not None and _OPENING.match(ctx.doc.text[sent_start : d.start])), None)
        if isinstance(opening, DateValue):
            best = (0, opening)
    earlier = _EARLIER.match(ctx.doc.text, m.end)
    if earlier:
        # "a loss of $149 million a year earlier": the period of the sentence (or of its writing), a year before
        base = best[1] if best is not None else day_interval(ctx.doc.published) if ctx.doc.published else None
        if base is not None and base.start is not None and base.end is not None:
            unit = (earlier.group("unit") or "year").lower()
            months, days = {"year": (12, 0), "quarter": (3, 0), "month": (1, 0), "week": (0, 7)}.get(unit, (0, 1))
            best = (0, base.model_copy(update={"start": shift_months(base.start, -months) - timedelta(days=days),
                                               "end": shift_months(base.end, -months) - timedelta(days=days),
                                               "anchored": True}))
    if best is not None:
        return best[1], ("explicit" if best[1].anchored else "unknown")
    if ctx.doc.published:
        p = ctx.doc.published
        return day_interval(p), "published"
    return None, "unknown"


_EARLIER = re.compile(r",?\s+(?:a|one|the)\s+(?P<unit>year|quarter|month|week|day)\s+(?:earlier|before|prior)\b"
                      r"|,?\s+in\s+the\s+(?:year-earlier|year-ago|prior-year|previous-year)\s+(?:period|quarter|half|months?)\b",
                      re.I)


def _written_dates(ctx: _Ctx, mentions: list[Mention], sent_start: int) -> Callable[[Mention], DateValue | None]:
    """For a sentence's mentions: the date written next to a figure (not its publication date), if any."""
    dates = [d for d in mentions if d.kind == "date"]
    if not dates:
        return _no_date
    numbers = [n for n in mentions if n.kind in UNIT_KIND and isinstance(n.value, NumberValue)]

    def written(m: Mention) -> DateValue | None:
        when, source = _as_of(ctx, m, dates, numbers, sent_start)
        return when if source == "explicit" else None
    return written


def _no_date(m: Mention) -> None:
    return None


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
# a record and the date it is measured from ("the lowest since 2001", "the deadliest ... since 1977")
_RECORD_WORDS = r"\b(?:\w+est|most|least|first)\b[^,;]*"
_RECORD = _RECORD_WORDS + r"\bsince"
_AND_CLAUSE = re.compile(r"\b(?:and|but)\s+(?:has|have|had|is|are|was|were)\b", re.I)
_RECORD_BEFORE = re.compile(_RECORD_WORDS + "$", re.I)
# "since the U.S. election on Nov. 5", "since Trump won the election on November 5": from that day on
_SINCE_EVENT = re.compile(r"\bsince\s+(?:[\w.'’-]+\s+){1,6}?(?:on|in)\s+$", re.I)
_WHEN = re.compile(r"\s+when\s", re.I)
_BASE_BEFORE = re.compile(r"\b(?:than|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?$", re.I)
_NEXT_CLAUSE = re.compile(r"[;:()—–]|,\s+(?:and|but|while|whereas|which|who|as|when)\s", re.I)
_MODEL_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*(?:-|–|to|through|and)\s*(?:19|20)?\d\d)?")
_MODEL_YEAR_BEFORE = re.compile(r"\b(?:the|certain|some|its|all|older|newer|select|affected|recalled|"
                                r"model[-\s]years?)\s+$", re.I)
_NAME_AFTER = re.compile(r"\s+(?:model[-\s]years?\s+)?(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Christmas|"
                         r"Easter|Thanksgiving|Ramadan|Q[1-4]|Fiscal|First|Second|Third|Fourth|Spring|Summer|Autumn|Fall|"
                         r"Winter|Holiday)\w*)[A-Z][\w-]*")
# an aside closed before the figure: a relative clause between commas, or brackets
# (a place's own commas inside it: ", which started in Glendale, Arizona, in March 2023,")
# ("Acme, based in Austin, Texas, employs": where it is, an aside too)
_ASIDE = re.compile(r",\s+(?:which|who|whose|where|based|headquartered|located)\b[^,;()]*"
                    r"(?:,\s+(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z][\w.]*))?"
                    r"(?:,\s+(?:in|on|at|from|since)\b[^,;()]*)?)*,|\([^()]*\)|\s[–—]\s[^–—]*\s[–—]\s", re.I)
# "increased 3.3% from a year ago": the date a change is measured from
_BASE = re.compile(r"\s+(?:from|over|versus|vs\.?|against)\s+(?:the\s+)?(?:same\s+\w+\s+)?", re.I)
# "up 8% on last year": against last year, not of it
_ON_BASE = re.compile(r"\s+on\s+(?:the\s+same\s+(?:month|period|quarter|time)\s+)?", re.I)
_LAST_YEAR = re.compile(r"(?:last|the\s+previous)\s+year|a\s+year\s+(?:earlier|ago|before)", re.I)
# ("opened in 1977 and carried about 31,000 vehicles a day": the year it opened)
_FOUNDED_BEFORE = re.compile(r"\b(?:founded|co-founded|cofounded|established|incorporated|born|opened|built|"
                             r"completed|inaugurated|constructed)\b[^,;.]*$", re.I)
_COMPARISON = re.compile(r"\b(?:compared|versus|vs\.?|than|against|(?:up|down)\s+from|(?:the\s+)?same\s+as)\b"
                         # "€5.8 billion, roughly triple its valuation six months ago": the multiple's base's date
                         r"|\b(?:double|triple|quadruple|twice|(?:two|three|four|five|ten)\s+times|half)\b"
                         # "turnout was 59.8%, the lowest since 2001": the date a record is measured from
                         r"|" + _RECORD + r"\b", re.I)
GENERIC_NOUNS = {"company", "company's", "firm", "group", "startup", "business", "its"}
_CHANGE_BEFORE = compile_stored(
    # ("made up 30% of purchases": a share, no change)
    r"\b(?:increase[sd]?|rose|rise[sn]?|rising|risen|jump(?:ed|s)?|grew|grow(?:s|n|th)?|gain(?:ed|s)?|"
    r"(?<!\bmade\s)(?<!\bmake\s)(?<!\bmakes\s)(?<!\bmaking\s)up|climb(?:ed|s)?|"
    r"surge[sd]?|soar(?:ed|s)?|decline[sd]?|drop(?:ped|s)?|fell|fall(?:s|en)?|down|decrease[sd]?|plunge[sd]?|"
    r"slump(?:ed|s)?|slid|sank|cut|shrank|shrunk|lower|higher|tumbled|spiked|expanded|contracted)"
    r"(?:\s+(?:by|of|an?|some|about|around|nearly|almost|roughly|approximately|more\s+than|over|just|another|"
    r"as\s+much\s+as|as\s+little\s+as|up\s+to|at\s+least|less\s+than))*\s*$",
    re.I)
_CHANGE_AFTER = re.compile(r"^\s*(?:an?\s+)?(?:increase|rise|jump|gain|growth|surge|decline|drop|fall|decrease|"
                           r"plunge|slump|cut|reduction|higher|lower|more|less)\b", re.I)
_CHANGED = re.compile(
    r"(?P<np>(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*?)(?:'s|’s)?\s+(?:have\s+|has\s+|had\s+|were\s+|was\s+)?$", re.I)

# a name, then a noun or two before the verb of change: "Activision shares jumped", "Microsoft's stock fell"
_COMPANY_MOVED = re.compile(r"(?:^|[,;]\s+|\b(?:while|and|but|as|with)\s+|(?<=\.)\s+)"
                            r"(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+$")
# (not another company it names: "Shares in TAP's parent fell")
_CHANGE_OWNER = re.compile(r"(?<![\w&.-])(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?:['’]s)?"
                           r"\s+(?!(?:parent|owner|rival|unit|subsidiary|peer|competitor|partner)s?\b)"
                           r"(?:[a-z][\w-]*\s+){1,2}(?:(?:have|has|had|were|was)\s+)?$")
# ("Shares of Acme Corp rose 5%")
_SHARES_OF = re.compile(r"\b(?:[Ss]hares|[Ss]tock)\s+(?:of|in)\s+(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+"
                        r"(?:(?:have|has|had|were|was)\s+)?$")
_ITS_SHARES = re.compile(r"\s*(?:its|their)\s+(?:shares|stock)\b", re.I)
_JOBS_AFTER = re.compile(r"\s+(?:jobs?|positions?|roles?|posts?)\b", re.I)
# whose staff: a pronoun, the company, or its name ("of Twitter's 7,500 employees")
_OWNER = r"(?:its|their|the|his|her|the\s+company['’]s|(?-i:[A-Z][\w&.-]*)(?:\s+(?-i:[A-Z][\w&.-]*)){0,3}['’]s)"
_SHARE_OF = re.compile(r"\s+of\s+" + _OWNER + r"\s+(?:[\d,.]+(?:-strong)?\s+)?(?:global\s+|total\s+|"
                       r"overall\s+|worldwide\s+)?(?:workforce|staff|employees|workers|headcount|jobs|employee\s+base)"
                       r"\b", re.I)
_WHOLE_STAFF = re.compile(r"-strong\b|\s+(?:global\s+|total\s+)?(?:workforce|staff)\b", re.I)
_OF_WHOLE = re.compile(r"\b(?:of|from)\s+" + _OWNER + r"\s+$", re.I)


def _is_change(text: str, sent: Sentence, m: Mention) -> bool:
    """A percentage or multiple that says how much something changed: "rose 20%", "a 5% drop", "grew 30 times"."""
    v = m.value
    if not isinstance(v, NumberValue) or (m.kind != "percent" and v.unit != "times"):
        return False
    before = text[max(sent.start, m.start - 40) : m.start]
    after = text[m.end : min(sent.end, m.end + 20)]
    if _SHARE_OF.match(text, m.end):
        return False  # "cut 5% of its 20,000-strong workforce": a share of the staff, not a 5% change
    return bool(_change_verb(before) or _CHANGE_AFTER.match(after)
                or m.kind == "percent" and _MOVED_BY.search(text, max(sent.start, m.start - 100), m.start))


# "raised the risk of premature death by 3%", "cut its emissions by 40%": the verb's object changed
_MOVED_BY = re.compile(r"\b(?P<verb>rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|lift(?:s|ed|ing)?|"
                       r"lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|slash(?:es|ed|ing)?)\s+"
                       # (not "increased in the second quarter by": no object, the verb's subject changed)
                       r"(?!(?:in|during|over|for|at|on|since|from)\s)"
                       r"(?P<np>(?:[a-z][\w'’-]*\s+){0,6}?[a-z][\w'’-]*)\s+by\s+" + HEDGED + "$", re.I)
_LOWERING = re.compile(r"lower|reduc|cut|slash", re.I)


# ("The stock has lost about 32% of its value", "shares have gained 5%": a price's change; not "lost 20% of its staff")
_MARKET_VERB = r"(?:lost|shed|gained|added)\s+" + HEDGED + "$"
_MARKET_LOST = re.compile(r"\b(?:shares|stock|stocks|index)\s+(?:(?:have|has|had)\s+)?" + _MARKET_VERB, re.I)
_MARKET_LOST_VERB = re.compile(_MARKET_VERB, re.I)


def _change_verb(before: str) -> re.Match[str] | None:
    """The words of change that end `before`, from the verb on."""
    return _CHANGE_BEFORE.search(before) or (_MARKET_LOST_VERB.search(before) if _MARKET_LOST.search(before)
                                             else None)


def _change_value(text: str, sent: Sentence, m: Mention) -> NumberValue:
    """The change as a signed percentage (a multiple N is a change of (N - 1) x 100%)."""
    v = m.value
    assert isinstance(v, NumberValue)
    window = text[max(sent.start, m.start - 40) : min(sent.end, m.end + 20)]
    moved = _MOVED_BY.search(text, max(sent.start, m.start - 100), m.start)
    sign = -1.0 if _DECREASE.search(window) or moved and _LOWERING.match(moved.group("verb")) else 1.0
    low, high, value, unit = v.low, v.high, v.value, v.unit
    if unit == "times":
        low, high = (None if low is None else (low - 1) * 100), (None if high is None else (high - 1) * 100)
        value, unit = (None if value is None else (value - 1) * 100), "percent"
    if sign < 0:  # (+ 0.0: "fell as much as 5%" is -5 to 0, not to -0)
        low, high = (None if high is None else -high + 0.0), (None if low is None else -low + 0.0)
        value = None if value is None else -value + 0.0
    return NumberValue(low=low, high=high, unit=unit, hedge=v.hedge, value=value)


# "iPad revenue was $6.95 billion, up 8 percent": a change told right after a figure is that figure's
_UP_AFTER = re.compile(r",\s*(?:up|down|rising|falling|an?\s+(?:increase|rise|gain|jump|decline|drop|fall|decrease)"
                       r"\s+of)\s+(?:by\s+)?(?:(?:about|around|nearly|almost|roughly|some|more\s+than|over|just)\s+)*$",
                       re.I)


def _level_before(text: str, p: Mention, by_mention: dict[int, Claim]) -> Claim | None:
    """The claim of the figure a change follows (", up 8 percent"), with no other figure between, if any."""
    start = max((s for s, c in by_mention.items() if s + len(c.text) <= p.start), default=None)
    if start is None:
        return None
    level = by_mention[start]
    gap = text[start + len(level.text) : p.start]
    if len(gap) > 80 or ";" in gap or any(ch.isdigit() for ch in gap) or not _UP_AFTER.search(gap):
        return None
    return level


def _old_and_new(claims: list[Claim]) -> tuple[Claim, Claim] | None:
    """The first earlier value ("from $1 billion") with a later one of the same attribute, subject and unit."""
    for old in claims:
        if not old.qualifiers.prior or old.value.type != "number":
            continue
        new = next((c for c in claims if c is not old and c.attribute == old.attribute and c.subject == old.subject
                    and not c.qualifiers.prior and c.value.unit == old.value.unit), None)  # type: ignore[union-attr]
        if new is not None:
            return old, new
    return None


def _change_claims(ctx: _Ctx, sent: Sentence, changes: list[Mention], by_mention: dict[int, Claim],
                   cues: dict[str, list[tuple[int, int]]], add: Callable[..., Claim], joined: dict[int, int],
                   levels: dict[int, Claim]) -> None:
    """A change ("an increase of roughly 81%", "revenue fell 3%", "grew 30 times"): tied to the two figures it
    relates when the sentence gives them ("from A to B"), else to what changed, so sources can be compared.
    `joined`: the start of a change written after another's "and" -> that other's start; `levels`: every claim of
    the sentence's figures that are no change, by start."""
    text = ctx.doc.text
    made: dict[int, Claim] = {}
    for p in sorted(changes, key=lambda x: x.start):
        value = _change_value(text, sent, p)
        first = made.get(joined.get(p.start, -1))
        if first is not None:  # the change of the same thing, on its own basis ("and 4% from a year ago")
            q = first.qualifiers
            made[p.start] = add(p, first.subject, first.attribute, value, hedge=value.hedge, segment=q.segment,
                                open_attribute=q.open_attribute)
            continue
        _change_claim(ctx, sent, p, value, by_mention, cues, add, made, levels)


def _change_claim(ctx: _Ctx, sent: Sentence, p: Mention, value: NumberValue, by_mention: dict[int, Claim],
                  cues: dict[str, list[tuple[int, int]]], add: Callable[..., Claim], made: dict[int, Claim],
                  levels: dict[int, Claim]) -> None:
    """The claim of one change, if what changed is told; kept in `made` by the change's start."""
    text = ctx.doc.text

    def keep(*args: object, **kwargs: object) -> None:
        made[p.start] = add(*args, **kwargs)

    pair = _old_and_new(list(by_mention.values()))
    if pair is not None:
        old, new = pair
        keep(p, old.subject, f"{old.attribute}_change", value, hedge=value.hedge, relates=[old.id, new.id],
             segment=old.qualifiers.segment)
        return
    level = _level_before(text, p, levels)
    if level is not None:
        keep(p, level.subject, f"{level.attribute}_change", value, hedge=value.hedge,
             segment=level.qualifiers.segment, open_attribute=level.qualifiers.open_attribute)
        return
    attr = None
    changed: tuple[int, int] | None = None
    moved = _MOVED_BY.search(text, max(sent.start, p.start - 100), p.start)
    for name, a in ctx.vocab.attributes.items():
        if a.unit not in ("money", "count") or name not in cues or value.unit == "percentage_point":
            continue  # (a change in percentage points is a rate's: "a quarter-point cut" cuts no jobs)
        # what changed is named just before ("revenue rose 20%") or just after ("a 20% rise in revenue")
        for s, e in cues[name]:
            if moved is not None and s == moved.start("verb"):
                continue  # "raised the risk of death by 3%": the verb's object changed, no money was raised
            gap = text[e : p.start] if e <= p.start else text[p.end : s]
            if len(gap) <= 45 and not re.search(r"[,;]|\band\b", gap) \
                    and not _RANKED_BY.search(text, max(0, s - 50), s):  # ("the biggest automaker by sales")
                attr, changed = name, (s, e)
        if attr:
            break
    if attr is not None and changed is not None:
        quals: dict[str, object] = {"hedge": value.hedge}
        subject = ctx.entities.topic or "(story)"
        if ctx.vocab.attributes[attr].lines:
            subject = _line(ctx, sent, changed, subject, quals)
        keep(p, subject, f"{attr}_change", value, **quals)
        return
    # ("Core prices, which exclude food and energy, increased 3.3%": what changed is around the aside)
    before = _ASIDE.sub(" ", text[max(sent.start, p.start - 120) : p.start])[-80:]
    verb = _change_verb(before)
    if verb is None and _CHANGE_AFTER.match(text[p.end : min(sent.end, p.end + 20)]):
        verb = _SESSION_VERB.search(before)  # "Acme shares closed 4.2% lower": what closed lower changed
    head = _CHANGED.search(before[: verb.start()]) if verb else None
    names = ctx.entities.name_words
    written = head.group("np").split() if head else []
    if not written and moved is not None:
        written = moved.group("np").split()
        risk = next((i for i, w in enumerate(written[:-2]) if w.lower() in _RISKS and written[i + 1] == "of"), None)
        if risk is not None:  # "the risk of premature death": what is risked is what changed
            written = written[risk + 2 :]
    # (what changed starts after a conjunction that opens a clause: "average 2.5% this year and the economy to grow
    # by 1.1%"; not "revenues and earnings increased by 18% and 38%")
    joint = [i for i, w in enumerate(written) if w.lower() in ("and", "or", "but", "while", "whereas")
             and i + 1 < len(written) and written[i + 1].lower() in _DETERMINERS]
    written = written[joint[-1] + 1 :] if joint else written
    lead = ""
    if written and written[-1].lower() in ("and", "but"):
        # "Bitcoin has more than doubled this year and has gained 45%": the sentence's subject gained
        subject_np = _SUBJECT_OPENING.match(text, sent.start, p.start)
        lead = subject_np.group("np").strip() if subject_np else ""
        written = lead.split()
    # (what changed ends before a preposition: "Asia-Pacific shares outside Japan fell 0.78%")
    cut = next((i for i, w in enumerate(written) if i > 0 and w.lower() in MEASURE_PREPOSITIONS), None)
    written = written[:cut] if cut is not None else written
    # (a capitalised word before the noun names whose it is: "Apple stock closed down"; not a sentence's first
    # word that names nothing: "House prices across the UK rose")
    opening = head is not None and p.start - 120 <= sent.start and not before[: head.start("np")].strip() \
        and len(written) > 1 and written[1].lower() in PRICE_NOUNS
    words = [_singular(w) for w in (w.lower() for i, w in enumerate(written)
                                    if not (w[:1].isupper() and i < len(written) - 1 and w not in COMMON_CAPS
                                            and not (i == 0 and opening and w.lower() not in names)))
             if w not in STOP_WORDS and w not in names and w not in GENERIC_NOUNS and len(w) > 1
             and w not in _SESSION_VERBS and w not in _FORESEEING and w not in LINK_VERBS]
    if not words and verb and verb.group().lower().startswith("growth"):
        words = ["growth"]  # "The OBR expects growth of 1.1 per cent": growth alone is the economy's
    alone = _COMPANY_MOVED.search(before[: verb.start()]) if verb and not lead else None
    mover = lead if lead else alone.group("org") if alone else ""
    mover_of = ctx.entities.canonical.get(mover) or (ctx.last_named or ctx.entities.topic if mover == "It" else None)
    named_as = " ".join(written[:-1] if written and written[-1].lower() in _AUXILIARY else written)
    if verb and named_as and ctx.entities.references.fullmatch(named_as):
        words, mover_of = [], ctx.entities.topic  # "The cryptocurrency has gained about 40 per cent": the story's
    if not words and verb and mover_of and p.kind == "percent":
        # "Nvidia fell 6.4%", "while Apple fell 4.8%": a listed company moving is its shares; "It has more than
        # doubled this year and has gained 45%": the company last named
        keep(p, mover_of, "share change", value, hedge=value.hedge, open_attribute=True)
        return
    if words == ["price"]:  # "Prices rose 1.2%" in a story of house prices: those, not consumer prices
        kind = next((w for w in reversed(_KIND_OF_PRICES.findall(text, 0, p.start))
                     if w not in STOP_WORDS and w not in _NOT_KINDS), None)
        words = [kind.lower(), "price"] if kind else words
    if words and words[-1] in ("economy", "gdp"):
        words = ["economy"]  # "The government expects the economy to grow 1.5%": the economy's growth
    if words:
        key = " ".join(words[-2:])
        key = _RATES.get(key) or _CHANGED_SYNONYMS.get(key, PAY_SYNONYMS.get(key, key)) + " change"
        # whose it is, when a company's name stands before it ("while Microsoft shares fell 2.4%")
        owner = (_SHARES_OF.search(before[: verb.start()]) or _CHANGE_OWNER.search(before[: verb.start()])) \
            if verb else None
        owned = ctx.entities.canonical.get(owner.group("org")) if owner else None
        if owned and owned.lower().removeprefix("the ") in place_names(ctx.vocab):
            owned = None  # "Its shares in Taipei closed up 1.4%": where they trade, not whose they are
        if owned is None and verb and _ITS_SHARES.match(ctx.doc.text, sent.start, p.start):
            # "Activision employs around 9,500 people. Its stock rose": the company the sentence before names
            owned = ctx.last_named or ctx.entities.topic
        keep(p, owned or "(story)", key, value, hedge=value.hedge, open_attribute=True)


_RISKS = {"risk", "risks", "odds", "likelihood", "chance", "chances", "probability"}
_AUXILIARY = {"is", "are", "was", "were", "has", "have", "had"}
_SESSION_VERB = re.compile(r"\b(?:" + "|".join(SESSION_VERBS) + r"|were|was|are|is)\s+" + HEDGED + "$", re.I)
_SUBJECT_OPENING = re.compile(r"\s*(?P<np>(?:[\w'’.-]+\s+){1,4}?)(?:has|have|had|is|are|was|were|will|would)\b", re.I)
_KIND_OF_PRICES = re.compile(r"\b([a-z]+)\s+prices\b", re.I)
_NOT_KINDS = {"higher", "lower", "rising", "falling", "average", "asking", "selling", "the", "their", "its", "all",
              "and", "of", "in", "that", "record"}
# How a market session is told ("the stock closed down 0.4%", "shares ended 2% lower"): not what changed.
_SESSION_VERBS = {*SESSION_VERBS, "trading",
                  # and what sent them there ("sending its shares down 1.5%")
                  "sending", "sent", "pushing", "pushed", "leaving", "left", "driving", "drove", "knocking"}
# One thing that changes, written several ways: "the stock fell 60%" and "shares plunged 70%" disagree.
_CHANGED_SYNONYMS = {"stock": "share", "stock price": "share", "share price": "share", "stock value": "share",
                     "hourly pay": "hourly earning", "hourly wage": "hourly earning",
                     # an economy's growth, however worded ("the economy to grow by 1.1%", "growth of 1.1 per cent")
                     "economy": "gdp", "economic": "gdp", "growth": "gdp", "economic growth": "gdp",
                     "gdp growth": "gdp", "economy grow": "gdp", "output": "gdp"}
# Words of saying or foreseeing before what changed ("The OBR expects growth of 1.1%"): not what changed
_FORESEEING = {"expect", "expects", "expected", "forecast", "forecasts", "forecasted", "see", "sees", "project",
               "projects", "projected", "predict", "predicts", "predicted", "said", "says", "say", "estimate",
               "estimates", "estimated",
               # and of restating ("representing decreases of 88%")
               "representing", "represents", "marking", "marks", "reflecting", "reflects", "amounting", "meaning"}
# A change of prices is inflation ("consumer prices rose 2.6% from a year earlier", "the CPI climbed 2.6%", "prices
# rose"; not "house prices", whose words say which)
_RATES = {"consumer price": "inflation", "cpi": "inflation", "price index": "inflation", "consumer index": "inflation",
          "price": "inflation",  # "prices rose 0.2% from September", with nothing to say which prices
          "core cpi": "core inflation", "core price": "core inflation", "core consumer": "core inflation",
          "core index": "core inflation"}


# "doubled", "tripled", "halved": a change by a factor, read as the percentage change it is, give or take 5% of the
# factor ("doubled" is 1.9 to 2.1 times: 90% to 110% more), as loosely as reporters use the words.
MULTIPLES = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0, "quadrupled": 4.0,
             "halved": 0.5, "halving": 0.5}
_MULTIPLE = guarded(r"\b(?:" + "|".join(MULTIPLES) + r")\b", re.I)
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*"
_NAME_COMMA = re.compile(rf"(?<![\w'’.-])({_NAME}),\s*$")
_SENTENCE_END = re.compile(r"[\w'’-]{4,}\.\s+")  # (not "Mr. Ortberg", "John J. Ray")


def _name_comma(text: str, start: int) -> str | None:
    """The name set off by a comma just before `start` ("Mr. Ortberg, " of "... Dave Calhoun. Mr. Ortberg, ")."""
    found = _NAME_COMMA.search(text, max(0, start - 60), start)
    if found is None:
        return None
    name = found.group(1)
    ends = [e.end() for e in _SENTENCE_END.finditer(name)]
    return name[ends[-1] :] if ends else name


_AGE_END = re.compile(r"\s*(?:,|;|\)|\.(?:\s|$)|$|\s+(?:and|who|was|is|has|had|said|of|from)\b)")


@lru_cache(maxsize=256)
def _full_name_of(surname: str) -> re.Pattern[str]:
    """A first name and `surname` ("Shohei Ohtani" for "Ohtani")."""
    return re.compile(rf"\b[A-Z][a-z]+\s+(?:[\"“'‘][A-Z][a-z]+[\"”'’]\s+)?{re.escape(surname)}\b")  # (Robert "Kelly")


_YEAR_OLD = re.compile(rf"-old\s+({_NAME})")
_YEARS_OLD_WORD = re.compile(r"-old\b")
_POSSESSIVE_SPLIT = re.compile(r"['’]s\s+")
_QUOTES = re.compile(r"[\"“”'‘’]")
_THE_AGED = re.compile(r"[\s\"“]*The\s+")
_YEARS_OLD = re.compile(r"\s+old\b")


_AGED = re.compile(r"\b(?:aged|ages|age\s+of|aged\s+between)\s+$", re.I)
_AGES_AFTER = re.compile(r"(?:\s*(?:to|-|–|and)\s*\d+)?(?:[\s-]*year[\s-]olds\b|\s+and\s+(?:over|older|above|under|"
                         r"younger)\b)", re.I)


def _age(ctx: _Ctx, sent: Sentence, m: Mention) -> tuple[str, NumberValue] | None:
    """A person's age: a whole number set off by commas after a name ("John Miller, 34, was arrested"), a
    "34-year-old" before one, or an age at death ("died at 79", "She was 79."). Ages are exact, whatever their
    digits' rounding."""
    v = m.value
    if m.kind != "quantity" or not isinstance(v, NumberValue) or v.value is None or not m.text[:1].isdigit():
        return None
    text = ctx.doc.text
    name = None
    counted = v.unit == "count" and m.text.isdigit() and _AGE_END.match(text, m.end) is not None
    if counted:
        name = _age_at_death(ctx, sent, m)
    if counted and name is None:
        found = _name_comma(text, m.start)
        full = _full_name_of(found).search(text) if found and " " not in found else None
        if found and (" " in found or found in ctx.entities.people or full):
            # ("CEO Bob Smith, 61,": Bob Smith's; "Ohtani, 29," where "Shohei Ohtani" is written too: his, in full,
            # as another source's "the 29-year-old Shohei Ohtani"; but a nickname in quotes between, 'Robert "Kelly"
            # Ortberg', leaves the surname)
            whole = full.group() if full and not _QUOTES.search(full.group()) else None  # (always two words)
            name = clean_person(found if found in ctx.entities.people or not whole else whole)
    elif v.unit == "year" and _YEARS_OLD.match(text, m.end) and m.text[-1] == "s":
        name = clean_person(_name_comma(text, m.start))  # "Mr. Ortberg, 64 years old,"
    elif v.unit == "year" and m.text.endswith("-year"):
        old = _YEAR_OLD.match(text, m.end)
        name = old.group(1) if old else None
        if name and (name.split()[0] in places_written(ctx.vocab) or name in DEMONYMS
                     or " " not in name and name not in ctx.entities.people):
            # "the 19-year-old England international": whose age the words do not say; "the 21-year-old Spaniard": a
            # word for who he is, no name (a surname the document names, "the 21-year-old Alcaraz", is one)
            name = None
        if name is None and _THE_AGED.fullmatch(text, sent.start, m.start) and _YEARS_OLD_WORD.match(text, m.end):
            # "The 23-year-old beat the record", "The 24-year-old Kenyan, running ...": the one the sentence before
            # tells of
            name = _person_before(ctx, sent)
    if name is None or not 0 < v.value < 125 or name.split()[0] in SENTENCE_WORDS:
        return None
    return ctx.entities.person(name) or name, NumberValue(low=v.value - 0.5, high=v.value + 0.5, value=v.value,
                                                          unit="year")


# "died on Saturday at 79", "died aged 95", "dies at the age of 88"; "She was 79." (an obituary's sentence of its
# own); "Hackman, who was 95,"
_DIED_AT = re.compile(r"\b(?:died|dies|dead|passed\s+away)\b(?:[^.;:\d]{0,60}?\s)?(?:at|aged)\s+"
                      r"(?:the\s+age\s+of\s+)?$")
_PRONOUN_WAS = re.compile(r"(?:She|He)\s+was\s+$")
_WHO_WAS = re.compile(rf"(?<![\w'’.-])({_NAME}),\s+who\s+was\s+$")


def _age_at_death(ctx: _Ctx, sent: Sentence, m: Mention) -> str | None:
    """Whose age at death the figure is, if it is one: the person the sentence names first, or for "She was 79."
    the person last named before it."""
    text = ctx.doc.text
    if _DIED_AT.search(text, sent.start, m.start):
        return _person_in(ctx, text[sent.start : m.start], last=False)
    if _PRONOUN_WAS.fullmatch(text, sent.start, m.start) and text.startswith(".", m.end):
        return _person_before(ctx, sent)
    who = _WHO_WAS.search(text, max(sent.start, m.start - 80), m.start)
    return _person_in(ctx, who.group(1), last=True) if who else None


def _person_before(ctx: _Ctx, sent: Sentence) -> str | None:
    """The person the sentence before tells of, named first in it (not the film of "the actor of Annie Hall"), else
    the last named before it."""
    before = ctx.doc.text[max(0, sent.start - 300) : sent.start]
    ends = [e.end() for e in _SENTENCE_END.finditer(before.rstrip())]
    return _person_in(ctx, before[ends[-1] if ends else 0 :], last=False) or _person_in(ctx, before, last=True)


def _person_in(ctx: _Ctx, words: str, last: bool) -> str | None:
    """The first (or last) name in `words` that the document names as a person, else that is written as a
    person's name ("Pope Francis", not "Los Angeles")."""
    # (after a possessive: "Kenya's Kelvin Kiptum" is Kelvin Kiptum)
    named = [_POSSESSIVE_SPLIT.split(n.group())[-1] for n in re.finditer(_NAME, words)]
    if last:
        named.reverse()
    people = ctx.entities.people
    return next((people[n] for n in named if n in people), None) or next(
        (n for n in named if PERSON_NAME.fullmatch(n) and n.split()[0] not in SENTENCE_WORDS
         and n.lower() not in place_names(ctx.vocab)), None)


_EFFECTIVE = re.compile(r"\b(?:effective|starting|beginning|as\s+of|from)\s+(?:on\s+)?$", re.I)


def _effective(ctx: _Ctx, sent: Sentence, dates: list[Mention], tense: str) -> tuple[str, DateValue | None]:
    """"named Priya Nair chief executive, effective Jan. 1": the role holds from that date, so in a story of
    November she is the incoming CEO, not the current one."""
    text = ctx.doc.text
    for d in dates:
        v = d.value
        if not isinstance(v, DateValue) or v.start is None or not _EFFECTIVE.search(text, sent.start, d.start):
            continue
        published = ctx.doc.published
        if tense == "current" and published is not None and v.start > published:
            return "incoming", v
        return tense, v
    return tense, None


def _multiple_claims(ctx: _Ctx, sent: Sentence, by_mention: dict[int, Claim], add: Callable[..., Claim]) -> None:
    """"Online sales doubled to $300 million from $120 million": a change claim tied to the two figures, which
    FC204 checks (120 to 300 is 2.5 times, not double)."""
    for w in _MULTIPLE.finditer(ctx.doc.text, sent.start, sent.end):
        factor = MULTIPLES[w.group().lower()]
        pair = _old_and_new([c for s, c in sorted(by_mention.items()) if s > w.end()])
        if pair is None:
            continue
        old, new = pair
        spread = 0.05 * factor
        low, high = (factor - spread - 1) * 100, (factor + spread - 1) * 100
        value = NumberValue(low=low, high=high, value=(factor - 1) * 100, unit="percent")
        mention = Mention(kind="percent", start=w.start(), end=w.end(), text=w.group(), value=value)
        add(mention, old.subject, f"{old.attribute}_change", value, relates=[old.id, new.id])

