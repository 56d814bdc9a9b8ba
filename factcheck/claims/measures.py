"""Open vocabulary: what a figure measures when no attribute in the vocabulary names it.

"12 people were killed" measures "people killed"; "net income of $3.2 billion" measures "net income";
"a dividend of 50 cents per share" measures "dividend per share". The key is built from the words around the
figure, so two sources that use the same words for a quantity get the same attribute.
"""

from __future__ import annotations

import re

from ..models import Mention, NumberValue
from ..normalize.units import DURATION_UNITS
from ..recognizers.numbers import APPEARED
from ..recognizers.organizations import DEMONYMS
from ..text.patterns import compile_stored, guarded

STOP = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as", "than",
    "that", "this", "these", "those", "its", "their", "his", "her", "our", "your", "it", "they", "he", "she", "we",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "may",
    "might", "can", "about", "around", "some", "more", "less", "over", "under", "nearly", "almost", "only", "just",
    "up", "down", "per", "each", "every", "all", "other", "another", "which", "who", "whom", "whose", "what", "when",
    "where", "after", "before", "since", "during", "while", "also", "still", "now", "then", "there", "here", "so",
    "not", "no", "into", "out", "off", "last", "next", "ago", "said", "says", "say", "according", "percent", "cent",
    "cents", "million", "billion",
    "thousand", "trillion", "times", "total", "totaling", "totalling", "estimated", "reported", "least",
    "most", "new", "first", "second", "third", "such", "same",
    # a direction after a figure says where, not what ("80 miles east of")
    "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
}
# Words that say what happened to the counted things: "12 people were killed", "injuring 40".
PREDICATES = {
    "killed", "died", "die", "injured", "injuring", "hurt", "wounded", "missing", "arrested",
    "detained", "evacuated", "displaced", "collapsed", "destroyed", "affected", "infected", "hospitalized",
    "hospitalised", "rescued", "trapped", "fired", "hired", "laid", "sentenced", "charged", "convicted", "elected",
    "voted", "sold", "bought", "built", "damaged", "delayed", "cancelled", "canceled", "stranded", "recalled",
    "recovered", "vaccinated", "tested", "employed", "killing", "kills", "injures", "left", "lost", "without",
    "stolen", "exposed", "leaked", "compromised", "breached", "hacked", "accessed",
    "aboard",  # "132 people aboard" ("on board" is read so too)
    "recall", "recalls", "recalling", "evacuate", "evacuating", "evacuates", "rescuing", "arresting", "firing",
    "hiring", "selling", "sells", "sell",
    "hire", "hires", "delivered", "delivers", "deliver", "delivering", "shipped", "ships", "ship", "shipping",
    "produced", "produces", "produce", "producing",
    "added", "adds", "adding",  # "Tesla added 500 workers": hired, not its staff
    # "close 315 stores" (said of places only: see `_CLOSABLE`)
    "close", "closes", "closing", "closed", "shut", "shuts", "shutting", "shutter", "shutters", "shuttering",
    "shuttered",
}
# Hedge words between a measure's words and its figure ("net income was about ...").
HEDGES = (r"about|around|approximately|roughly|nearly|almost|over|more\s+than|less\s+than|some|an?|just|estimated|"
           r"record|fresh|new|all-time|"  # ("hit a record $100,000")
           r"as\s+(?:much|many|high|low|little|few)\s+as|up\s+to|at\s+(?:least|most)|fewer\s+than|upwards\s+of|"
           r"in\s+excess\s+of|north\s+of|close\s+to")  # ("a shortfall of as much as $8 billion")
HEDGED = rf"(?:(?:{HEDGES})\s+)*"  # hedges before a figure, each followed by a space
_HEDGED_END = HEDGED + "$"
_LINK = (
    r"(?:of|was|were|is|are|totaled|totalled|totaling|totals|reache[sd]|reaching|"
    # ("the toll passed 1,000"; not "passed a $1.2 trillion spending package", which passed a bill)
    r"hits?|came\s+in\s+at|stood\s+at|stands\s+at|remaine?[sd]?\s+at|passe[sd](?!\s+(?:a|an|the)\s)|surpasse[sd]|"
    r"tops|topped|"
    r"averag(?:e|es|ed|ing)|"
    r"exceede?[sd]|crosse[sd]|"
    # in any tense ("the death toll rises to", "has risen to", "rising to")
    r"(?:ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|gr(?:ows?|ew|own|owing)|surg(?:es?|ed|ing)|"
    r"soar(?:s|ed|ing)?)\s+(?:to|above|past|beyond)|"
    r"(?:f(?:alls?|ell|allen|alling)|increas(?:es?|ed|ing)|decreas(?:es?|ed|ing)|drop(?:s|ped|ping)?|"
    r"declin(?:es?|ed|ing)|slip(?:s|ped|ping)?|amount(?:s|ed|ing)?|improve[sd]?|narrow(?:s|ed)?|widen(?:s|ed)?|"
    r"ease[sd]?|recover(?:s|ed)?|advance[sd]?|swell(?:s|ed)?|shr(?:inks?|ank|unk))\s+to|worth|"
    # "inflation ticked up to", "held at", "peaked at"
    r"(?:ticks?|ticked|edge[sd]?|inch(?:es|ed)?|cre(?:pt|eps?))\s+(?:up|down|higher|lower)\s+to|"
    r"(?:held|holds?|steady|unchanged|peak(?:s|ed)?|bottom(?:s|ed)?(?:\s+out)?|top(?:s|ped)\s+out)\s+at|"
    # "net income fell 15% to $85 million": the change between verb and figure
    r"(?:rose|fell|grew|increased|decreased|dropped|climbed|jumped|declined|slipped|surged|soared|plunged|gained|"
    r"ris(?:e|es|ing)|f(?:all|alls|alling)|grows?|increas(?:e|es|ing))"  # ("will rise by 6.7% to £12.21 an hour")
    r"\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?\d[\d.,]*\s*(?:%|percent|per\s*cent)\s+to|"
    r"valued\s+at|at)\s+" + _HEDGED_END)
# "the death toll rose to": the words that say what a figure measures, then the word that links them to it
# (a word of the phrase may hold digits, "the yield on the 10-year Treasury rose to", but is no bare number)
# A word of the noun phrase before a link: also "U.S." ("cases in the U.S. have climbed"), "Jan." and a decimal
# ("the death toll from the magnitude 7.6 earthquake that struck on Jan. 1 has risen to": the clause is cut later)
_NP_WORD = r"(?:(?=[\w'’-]*[a-z])[a-z0-9][\w'’-]*\.?|(?:[a-z]\.){2,}|(?<![$€£¥₹\d.,])\d+\.\d+(?![\d%]))"
MONEY_LINK = compile_stored(rf"(?<![\w'’-])(?P<np>(?:{_NP_WORD}\s+){{0,19}}[a-z][\w'’-]*)\s+" + _LINK, re.I)
# The link alone: most figures have none before them, and this says so without trying every noun phrase first.
_LINK_TAIL = compile_stored(r"(?<![\w'’-])" + _LINK, re.I)


# "lowered the Fed's key rate to about 4.8%", "brought the death toll to 63": what was moved is the verb's object
_TO_END = r"\s+to\s+(?:(?:the|a)\s+)?(?:record\s+)?(?:range\s+(?:of\s+|between\s+)?)?" + _HEDGED_END
_TO_TAIL = compile_stored(r"\bto\s+(?:(?:the|a)\s+)?(?:record\s+)?(?:range\s+(?:of\s+|between\s+)?)?" + _HEDGED_END,
                          re.I)
_MOVED_TO = compile_stored(
    r"\b(?:lower(?:s|ed|ing)?|rais(?:e|es|ed|ing)|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|"
    r"boost(?:s|ed|ing)?|lift(?:s|ed|ing)?|hik(?:e|es|ed|ing)|trim(?:s|med|ming)?|push(?:es|ed|ing)?|"
    r"br(?:ing|ings|inging|ought)|t(?:ake|akes|aking|aken|ook)|set(?:s|ting)?|revis(?:e|es|ed|ing)|"
    r"increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing))\s+"
    r"(?P<np>(?:[a-z][\w'’-]*\s+){0,5}?[a-z][\w'’-]*)"
    # ("will raise the national living wage by 6.7 per cent to", "cut the deposit rate by 25 basis points to")
    # (or "taking its deposit rate down a quarter-point to", "cut rates a quarter point to")
    r"(?:\s+(?:down|up|higher|lower))?(?:\s+(?:by\s+)?" + HEDGED
    + r"(?:\d[\d.,]*\s*(?:%|percent\b|per\s*cent\b|bps\b|(?:basis|percentage)\s+points?\b)|"
    r"(?:a|one|half\s+a)\s+(?:quarter|half)?[-\s]?(?:percentage[-\s])?point\b|"
    r"(?:a\s+)?(?:quarter|half)[-\s](?:percentage[-\s])?point\b))?"
    + _TO_END, re.I)


# "a 5 per cent year-on-year decline in consolidated net profit to": what changed, named after the change
_CHANGE_IN_TO = compile_stored(
    r"\b(?:decline|drop|fall|rise|increase|jump|gain|decrease|growth|slump|surge|climb|dip|plunge|cut)s?\s+in\s+"
    r"(?P<np>(?:[a-z0-9][\w'’-]*\s+){0,5}?(?:[a-z][\w'’-]*|(?<=for\s)(?:19|20)\d\d))" + _TO_END, re.I)


def _money_link(before: str) -> re.Match[str] | None:
    """The noun phrase linked to the figure that follows `before` ("net income was"), if any."""
    if _LINK_TAIL.search(before):
        return MONEY_LINK.search(before)
    return _MOVED_TO.search(before) or _CHANGE_IN_TO.search(before) if _TO_TAIL.search(before) else None


def linked_measure(before: str) -> str | None:
    """The measure a link just before a figure names ("... and net income of"), as an attribute key, if any."""
    link = _money_link(before)
    words = _clean(link.group("np").split()) if link else []
    return " ".join(words) if words else None


# Nouns that say what a sum is, after it or before it ("a $60 million fine", "a fine of $60 million")
MONEY_NOUNS = r"fine|penalty|settlement|bonus|payout|loan|grant|donation|subsidy|refund|ransom|severance"
# A noun of money just after a figure, which says what the sum is ("a $22 million ransom", "a $60 million fine", "a
# $12,000 signing bonus"; "£5m in add-ons", "$40 million in fines")
MONEY_NOUN_AFTER = re.compile(r"(?:[\s-]+|\s+in\s+)(?:[a-z-]+\s+)??(?P<noun>" + MONEY_NOUNS
                              + r"|payment|pay\s+package|add-on|incentive)(?:s|es)?\b", re.I)
_SENTENCED_TO = re.compile(r"\bsentenced\b[^.;:]{0,40}?\bto\s+(?:serve\s+)?" + _HEDGED_END, re.I)
TO_SETTLE = re.compile(r"\s+(?:in\s+\w+\s+)?to\s+(?:settle|resolve)\b", re.I)
MONEY_VERB = re.compile(
    r"(?P<verb>earned|earns|lost|loses|spent|spends|paid|pays|raised|raises|borrowed|owes|owed|generated|netted|"
    r"cost|costs)\s+(?:(?-i:[A-Z][\w'’&.-]*)\s+){0,3}"
    # ("to cost it as much as $2.45 billion", "cost the company $3.09 billion")
    r"(?:(?<=cost\s)(?:it|them|us|the\s+(?:company|firm|group|bank|airline|carrier|insurer|government))\s+)?"
    + _HEDGED_END, re.I)
# (initials are skipped: "half-billion dollars in U.S. assistance" is assistance)
# (and a possessor: "80% of the world's smartphones" counts smartphones)
NOUN_AFTER = re.compile(r"\s*(?:in\s+|of\s+)?(?:(?-i:[A-Z]\.){2,}\s+)?(?:(?:the\s+)?[a-z][\w-]*['’]s\s+)?"
                        r"(?P<np>(?:[a-z][\w-]*)(?:\s+[a-z][\w-]*)?)", re.I)
ADVERBS = {"worldwide", "nationwide", "globally", "overall", "total", "altogether", "abroad", "locally", "annually",
           "yearly", "daily", "monthly", "weekly", "apiece", "each", "combined"}
HEDGE_WORDS = {"at", "least", "most", "about", "around", "some", "nearly", "almost", "over", "more", "than", "up", "to",
               "approximately", "roughly", "an", "estimated", "another", "additional", "further", "just"}
WORD = re.compile(r"[A-Za-z][\w'’-]*")


PREPOSITIONS = {"in", "during", "for", "at", "on", "over", "from", "to", "by", "with", "since", "after", "before",
                "than", "across", "through", "within", "under", "into", "near", "outside", "beneath", "below",
                "above", "along", "among", "between", "against", "toward", "towards", "beyond", "compared", "versus"}
CHANGE_NOUNS = {"rise", "increase", "decline", "drop", "fall", "growth", "jump", "gain", "decrease", "surge", "slump",
                "cut", "reduction", "boost", "climb", "dip", "plunge"}
VERBS = {"reported", "posted", "said", "announced", "expect", "expects", "expected", "reached", "recorded", "delivered",
         "forecast", "forecasts",
         "generated", "saw", "had", "has", "have", "achieved", "declared", "approved", "raised", "cut", "set",
         "sold", "sells", "priced", "offered", "issued", "bought", "see", "sees", "project", "projects",
         "projected", "predict", "predicts", "predicted",
         # ("The Fed held rates steady at 5.25%-5.5%": rates; "the storm brought gusts of")
         "held", "kept", "maintained", "brought", "brings", "bring"}
# "the unemployment rate ending the year at 4.4%": a participle and its time are not the measure
_ENDING = {"ending", "closing", "finishing", "starting", "beginning", "opening", "ended", "closed", "finished"}


FINED = re.compile(
    r"\b(?:fined|fines|penali[sz]ed|penali[sz]es|ordered\s+to\s+pay|a\s+fine\s+of|a\s+penalty\s+of)\s+"
    rf"(?:(?-i:[A-Z][\w'’&.-]*)\s+){{0,4}}(?:(?:{HEDGES}|up\s+to)\s+)*$", re.I)
PER_SHARE = re.compile(r"\s*(?:a|per|each)\s+(?:(?:diluted|basic|common|ordinary|fully)\s+){0,2}(?:share|unit)\b",
                       re.I)
# "each" after a figure: per share where shares are spoken of ("sold shares at $34 each"), else per person or thing
# ("$16.2 million each in compensatory damages")
_EACH = re.compile(r"\s+(?:each|apiece)\b(?!\s+(?:year|month|week|day|quarter|time|of)\b)", re.I)
_SHARES = re.compile(r"\b(?:shares?|stock)\b", re.I)


def per_share(before: str, after: str) -> bool:
    """Whether the figure between `before` and `after` is a price per share ("$45 a share", "shares at $34 each")."""
    return bool(PER_SHARE.match(after) or (_EACH.match(after) and _SHARES.search(before)))
_ALL_OF = re.compile(r"\s+of\s+(?:its|their|our|his|her)\b", re.I)
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?" + HEDGED
                      + r"\d[\d,.]*(?=\s+[A-Za-z])", re.I)
_SHARE_OF_TOTAL = re.compile(r"\d\s*(?:%|percent|per\s*cent)\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
                             r"(?:[\w-]+['’]s\s+)?$", re.I)
_TOTAL_OF = re.compile(r"\d[\d,.]*\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.I)

# Verbs that link a measure to its figure ("turnout stood at", "the toll rose above"): not part of the measure.
LINK_VERBS = {"stood", "stands", "remained", "remains", "rose", "fell", "grew", "climbed", "jumped", "dropped",
              "declined", "slipped", "increased", "decreased", "came", "amounted", "totaled", "totalled", "reached",
              "hit", "soared", "surged", "plunged", "edged", "passed", "surpassed", "topped", "exceeded", "crossed",
              # the present and the perfect ("the toll rises to", "has risen to")
              "rises", "risen", "rising", "falls", "fallen", "grows", "grown", "climbs", "jumps", "drops", "declines",
              "increases", "decreases", "reaches", "hits", "tops", "totals", "exceeds", "surges", "soars", "has",
              "have", "had", "held", "holds", "hold", "peaked", "peaks", "bottomed", "steady", "unchanged", "ticked",
              "ticks", "inched", "crept"}


def _clean(words: list[str], last: bool = False) -> list[str]:
    """The head noun phrase: "reported earnings per share in the quarter" is "earnings per share". `last`: the
    phrase is linked to its figure by "of", so its last noun is the head ("centered in Gaziantep at a depth of")."""
    # a possessor names whose measure it is, not what it measures ("Shopwell's net income", "Monday's quake")
    # (a possessive name, "Reliance Industries Ltd's", "Jio Platforms'", says whose, with all its words; not
    # "analysts' average estimate", whose estimate it is)
    owned = [i for i, w in enumerate(words) if w.lower().endswith(("'s", "’s")) or w[:1].isupper()
             and w.endswith(("s'", "s’"))]
    owner = max(owned, default=-1)
    while owner > 0 and words[owner - 1][:1].isupper():
        owner -= 1
    out = [w.lower().strip("'’") for i, w in enumerate(words)
           if i not in owned and not (0 <= owner <= i and w[:1].isupper())]
    # "second-quarter net loss": the period is the figure's date, read as such, not part of what it measures; "The
    # U.S. population rose": whose, a place, not what; "consolidated net profit": how it is counted, by default
    out = [w for w in out if not _PERIOD_WORD.fullmatch(w) and not _ABBREVIATION.fullmatch(w) and w not in _BASIS_WORDS]
    # "its benchmark deposit rate", "the key interest rate": which of them matters, not what it is
    out = [w for i, w in enumerate(out) if w not in _SALIENT or i == len(out) - 1]
    # "unemployment has (risen to)", "the wage will (rise by 6.7% to)", "the wage is to (rise)": an auxiliary, no verb
    while out and (out[-1] in _AUXILIARIES or out[-1] == "to" and len(out) > 1 and out[-2] in _BE_TO):
        out = out[:-2] if out[-1] == "to" else out[:-1]
    while out and out[-1] in _BE:  # "the stolen jewels were (worth)": the link's own verb
        out = out[:-1]
    tail = 1 if out and out[-1] in LINK_VERBS else 0
    if len(out) > tail and out[-1 - tail] in _WHEN_ADVERBS:  # "the deposit rate now (stands at)": when, not what
        del out[-1 - tail]
    if len(out) > 2 and out[0] in ("compared", "versus") and out[1] in ("with", "to"):
        out = out[2:]  # "compared with analysts' average estimate of": what the figure is compared with is named after
    # a clause of its own ("(the number of people killed) when a plane crashed near Lisbon has risen to"): what
    # it says happened is not the measure, which is written before it, if anywhere
    # (one opening the phrase opens the measure's clause, "while the toll in Syria rose to", unless that clause
    # tells of an event, "when a plane crashed near Lisbon has risen to")
    clause = next((i for i, w in enumerate(out) if w in _CLAUSE_WORDS and i > 0), None)
    if clause is not None:
        out = out[:clause]
    elif out and out[0] in _CLAUSE_WORDS:
        out = [] if any(w.endswith("ed") and w not in NOT_VERBS for w in out) else out[1:]
    # "a significant rise in earnings per share": the measure is what rose
    change = next((i for i, w in enumerate(out) if w in CHANGE_NOUNS), None)
    if change is not None and change + 1 < len(out) and out[change + 1] in ("in", "of"):
        out = out[change + 2 :]
    ending = next((i for i, w in enumerate(out) if w in _ENDING and i > 0), None)
    if ending is not None:
        out = out[:ending]
    modal = next((i for i in range(len(out) - 3, -1, -1) if out[i] in _MODALS), None)
    if modal is not None and out[modal + 1] not in _BE and out[modal + 2] not in STOP \
            and out[modal + 2] not in PREPOSITIONS:
        # "the fires could cause insured losses (of)": a modal's verb, then its object (not "will be in the range
        # of", "will lead to somewhere in the neighborhood of")
        out = out[modal + 2 :]
    if any(w in VERBS for w in out):
        verb = [i for i, w in enumerate(out) if w in VERBS][-1]
        # (what follows the verb is its object, the measure; a verb last is the measure's own: "Core inflation held
        # (at 3.3%)"; read before a prepositional phrase is cut: "The world's biggest automaker by sales forecast
        # operating profit (would fall)")
        out = out[verb + 1 :] if verb + 1 < len(out) else out[:verb]
    # a trailing prepositional phrase is not the measure ("... in the quarter")
    cut = next((i for i, w in enumerate(out) if w in PREPOSITIONS and i > 0), None)
    if cut is not None and last:
        out = out[max(i for i, w in enumerate(out) if w in PREPOSITIONS) + 1 :]
    elif cut is not None:
        out = out[:cut]
    if any(w in STOP and w != "per" for w in out):
        out = out[[i for i, w in enumerate(out) if w in STOP and w != "per"][-1] + 1 :]
    while out and (out[-1] in STOP or out[-1] in LINK_VERBS):  # "turnout stood (at 64 percent)" is "turnout"
        out = out[:-1]
    while out and out[0] == "per":
        out = out[1:]
    while out and len(out[-1]) > 6 and _ADVERB.search(out[-1]):
        out = out[:-1]  # "a fee of €103 million, potentially (rising to)": how, not what
    if "per" in out:  # "earnings per common share", "per diluted share": the kind of share is the default one
        at = out.index("per")
        out = out[:at + 1] + [w for w in out[at + 1 :] if w not in SHARE_KINDS]
    numbers = [i for i, w in enumerate(out) if _NUMBER_WORD.fullmatch(w)]
    if numbers:  # "the 737 Max 9 aircraft": what follows the last number (a model's, a magnitude's) is the measure
        out = out[numbers[-1] + 1 :]
    return out[-3:]


_NUMBER_WORD = re.compile(r"\d[\d.,]*")
_ABBREVIATION = re.compile(r"(?:[a-z]\.){2,}")
_PERIOD_WORD = re.compile(r"(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)|(?:19|20)\d\d")
# A state a share of something is in ("0% contained", "95% full", "60% complete")
_STATE_AFTER = re.compile(r"\s+(?P<state>contained|complete|completed|finished|done|full|booked|occupied|vaccinated|"
                          r"funded|built|sold|filled|staffed|counted|restored|reopened|operational)\b", re.I)
_MODALS = {"will", "would", "could", "may", "might", "should", "shall", "can"}
_AUXILIARIES = {"has", "have", "had"} | _MODALS
_BE_TO = {"is", "are", "was", "were"}
_BE = _BE_TO | {"be", "been", "being"}
_ADVERB = re.compile(r"(?:ally|ively|ently|antly|ously|edly|ably|ibly)$")
_WHEN_ADVERBS = {"now", "still", "already", "also", "then", "again", "currently"}
# What kind of share a per-share figure is written per: "earnings per diluted share" is earnings per share.
SHARE_KINDS = {"common", "diluted", "basic", "ordinary", "fully"}
# How a company adds up its figures, by default ("consolidated net profit" is the net profit it reports)
_BASIS_WORDS = {"consolidated"}
_SALIENT = {"benchmark", "key", "main", "headline", "closely-watched"}


# What a market or its shares did in a session ("shares closed 4.2% lower", "the stock ended at $80.20")
SESSION_VERBS = ("closed", "ended", "finished", "opened", "traded", "settled")
_TIME_UNITS = re.compile(r"hour|hrs|minute|mins|second|secs", re.I)
# Participles that say how a figure is known, not what happened to the things counted.
NOT_PREDICATES = {"remained", "stayed", "need", "based", "related", "used", "reported", "confirmed", "recorded",
                  "announced", "estimated",
                  "expected", "registered", "listed", "counted", "published", "cited", "quoted", "compared",
                  "combined", "included", "owned", "headquartered", "located", "scheduled", "planned",
                  # ("two deaths in the trial were linked to the condition": deaths, however explained)
                  "linked", "attributed", "tied", "blamed"}

# Wordings of one measure ("death toll", "912 people died", "killing 2,600 people" are all "people killed").
SYNONYMS = {
    "death toll": "people killed", "death": "people killed", "dead": "people killed", "fatality": "people killed",
    "people died": "people killed", "people dead": "people killed", "people killing": "people killed",
    "people kill": "people killed", "person killed": "people killed", "person died": "people killed",
    "people drowned": "people killed", "person drowned": "people killed",
    # (those a story is about: a trial's patients, a study's participants)
    "patient died": "people killed", "participant died": "people killed",
    "people injuring": "people injured", "injury": "people injured", "person injured": "people injured",
    "people wounded": "people injured", "people hurt": "people injured",
    "vote": "vote share", "share of the vote": "vote share", "popular vote": "vote share",
    "mps": "seat", "mp": "seat",  # "reduced to 121 MPs" and "won 121 seats"
    "aboard": "people aboard", "person aboard": "people aboard", "passenger aboard": "passenger",
    "crew aboard": "crew",
    # ("net income of $10.6 billion, or $1.01 a share"; "earnings per share of $1.01")
    "net income per share": "earnings per share", "net profit per share": "earnings per share",
    "profit per share": "earnings per share", "income per share": "earnings per share",
    "resident evacuated": "people evacuated", "person evacuated": "people evacuated",
    "rainfall": "rain", "snowfall": "snow", "favour": "favor",  # ("voted 62% in favour", "59% in favor")
    "crowd": "attendance", "spectator": "attendance", "fan watched": "attendance",
    "year sentenced": "prison sentence", "month sentenced": "prison sentence", "day sentenced": "prison sentence",
    "week sentenced": "prison sentence", "hour sentenced": "prison sentence",
    "unemployment rate": "unemployment", "jobless rate": "unemployment",
    "inflation rate": "inflation", "headline inflation": "inflation", "annual inflation": "inflation",
    "consumer price inflation": "inflation", "cpi inflation": "inflation", "core inflation rate": "core inflation",
    # ("126,000 gallons of oil", "144,000 gallons of crude oil", "3,000 barrels of crude")
    "crude oil": "oil", "crude": "oil",
    # a crowd, however counted ("22,000 people attended the march", "Police put the turnout at 22,000")
    "people attended": "turnout", "people marched": "turnout", "protester marched": "turnout",
    "movie": "film",
    # the Fed's policy rate, however named ("the federal funds rate", "the policy rate")
    "federal funds rate": "policy rate", "fed funds rate": "policy rate", "funds rate": "policy rate",
}
# Pay floors, however named ("the national living wage", "the minimum wage")
PAY_SYNONYMS = {"living wage": "minimum wage", "national living wage": "minimum wage", "national minimum wage":
                "minimum wage"}
SYNONYMS.update(PAY_SYNONYMS)
# Measures that are rates over a year unless said otherwise ("inflation rose to 2.7%": prices, a year before)
YEARLY = {"inflation", "core inflation"}


def _canonical(key: str | None) -> str | None:
    if key is None:
        return None
    words = key.split()
    if len(words) == 2 and words[1] in VERB_FORMS:
        key = f"{words[0]} {VERB_FORMS[words[1]]}"
    if len(words) == 2 and words[1] in _BREACHED and words[0] in _VICTIMS:
        return "people affected"  # "110 million customers were stolen", "109 million customer accounts affected"
    if "initial public offering" in key:  # "the initial public offering price" and "the IPO price"
        key = key.replace("initial public offering", "ipo")
        words = key.split()
    if len(words) == 2 and words[0] in ("remain", "remained", "remains", "still") and words[1] in PREDICATES:
        return f"people {words[1]}"  # "11 remain trapped", as "13 others trapped": people trapped
    if words[-1] in ("wind", "winds", "windspeed") or words[-2:] in (["wind", "speed"], ["wind", "speeds"]):
        return "wind speed"  # "top sustained winds", "maximum sustained winds", "winds" (gusts are another measure)
    if words[-1] in ("gust", "gusts"):
        return "gusts"  # "wind gusts", "gusts"
    head, per, unit = key.partition(" per ")
    if per and head in SYNONYMS:  # "national living wage per hour" is the minimum wage per hour
        return SYNONYMS[head] + per + unit
    return SYNONYMS.get(key, key)


VERB_FORMS = {"killing": "killed", "kills": "killed", "kill": "killed", "died": "died", "injuring": "injured",
              "injures": "injured", "collapsing": "collapsed", "recall": "recalled", "recalls": "recalled",
              "recalling": "recalled", "evacuate": "evacuated", "evacuating": "evacuated", "evacuates": "evacuated",
              "rescuing": "rescued", "arresting": "arrested", "firing": "fired", "hiring": "hired", "selling": "sold",
              "sells": "sold", "sell": "sold", "hire": "hired", "hires": "hired", "delivers": "delivered",
              "deliver": "delivered", "delivering": "delivered", "ships": "shipped", "ship": "shipped",
              "shipping": "shipped", "produces": "produced", "produce": "produced", "producing": "produced",
              "adds": "added", "adding": "added",
              **{w: "cancelled" for w in ("canceled", "cancel", "cancels", "canceling", "cancelling")},
              **{w: "closed" for w in ("close", "closes", "closing", "shut", "shuts", "shutting", "shutter",
                                       "shutters", "shuttering", "shuttered")}}
# What a business closes: "close 315 stores" counts stores closed, "the Dow closed 500 points higher" no points
_CLOSABLE = {"store", "shop", "branch", "plant", "factory", "site", "office", "location", "outlet", "restaurant",
             "school", "mine", "hospital", "clinic", "cinema", "theater", "theatre", "mill", "warehouse", "center",
             "centre", "facility", "station", "pub", "bar", "hotel", "depot", "unit", "venue"}


_IE_PLURALS = {"movies", "calories", "cookies", "rookies", "zombies", "selfies", "sorties", "prairies", "hoodies"}
_SAME_PLURAL = {"series", "species"}


def singular(word: str) -> str:
    """A crude singular, enough to match "pickups" with "pickup"."""
    if word in _SAME_PLURAL:
        return word
    if word in _IE_PLURALS:
        return word[:-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes", "zzes")):  # "classes", "taxes", "crashes"
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def measure_of(text: str, sent_start: int, sent_end: int, m: Mention) -> str | None:
    """The words that say what `m` measures, as an attribute key, or None when the wording does not tell."""
    key = _canonical(_measure_of(text, sent_start, sent_end, m))
    if key == "vote share" and m.kind != "percent":
        return "votes for"  # "passed by a vote of 220 to 207": votes, not a share of them
    if key is not None and m.kind == "percent" and not _PAY.isdisjoint(key.split()):
        return "pay rise"  # "a 38% general wage increase", "a 35% pay rise", "a 25% raise in wages"
    unit = getattr(m.value, "unit", None)
    if unit in ("°C", "°F") and (key is None or key.split()[-1] in _READ_OFF or not _TEMPERATURE_WORDS.search(key)):
        # "recorded 40.3C", "temperatures reached 40.2C", "with 40.3C measured in Coningsby", "Death Valley reached
        # 128F" (not "death valley"): a temperature, whatever the words before say
        return "temperature"
    if (key == "people" or getattr(m.value, "noun", None) in ("people", "persons")) \
            and _CARRYING.search(text, max(sent_start, m.start - 40), m.start):
        # "The flight, carrying 181 people, crashed", as "with 181 people on board" (and "A ferry carrying 65 people
        # sank": what the ferry did, not they)
        return "people aboard"
    if key is not None and singular(key) in _VICTIMS and _DATA_OF.search(text, max(sent_start, m.start - 90), m.start):
        return "people affected"  # "exposed the personal data of about 100 million people"
    if unit == "km" and _UNDERGROUND.match(text, m.end, sent_end):
        return "depth"  # "trapped about 1,000 metres underground", "700 meters (2,300 feet) below the surface"
    if unit == "km" and (size := _SIZE_AFTER.match(text, m.end, sent_end)):
        return _SIZES[size.group(1).lower()]  # "the 121-meter-tall vehicle", "Standing 400 feet tall"
    if unit == "km" and m.text[:1].isdigit() and "-" in m.text:
        sized = _sized(text[m.end : min(sent_end, m.end + 80)])
        if sized is not None:
            return sized
    return key


def _sized(after: str) -> str | None:
    """A size written as an adjective ("a 984-foot (300-meter) cargo ship", "the 1.6-mile bridge"): the length of
    what follows ("ship length"), or of a name ("the 985-foot Dali": "length", see the builder for whose)."""
    converted = _CONVERSION.match(after)
    words = _SIZED.findall(after, converted.end() if converted else 0)
    if words and words[0][0].isupper():
        return "length"
    noun = None
    for i, w in enumerate(words[:3]):
        if not w[0].islower() or w in STOP or w in PREPOSITIONS or w in CONJUNCTIONS or w in _NOT_NOUNS \
                or w in LINK_VERBS or (i > 0 and w.endswith("ed")):
            break
        noun = w
    if noun in ("screen", "display"):
        return "screen size"  # "a 6.1-inch display": its diagonal
    return f"{singular(noun)} length" if noun else None


_CARRYING = re.compile(r"\b(?:carrying|carried|carries|carry)\s+" + HEDGED + "$", re.I)
_DATA_OF = re.compile(r"\b(?:expos|stol|steal|leak|compromis|access|breach|affect|hack)\w*\s+(?:the\s+)?"
                      r"(?:[\w-]+\s+){0,3}(?:data|information|records|details)\s+(?:of|on|belonging\s+to)\s+"
                      + HEDGED + "$", re.I)
_READ_OFF = {"recorded", "reached", "hit", "measured", "temperature", "temperatures", "high", "highs", "peaked"}
_TEMPERATURE_WORDS = re.compile(r"\b(?:temperature|high|low|record|average|mean|minimum|maximum|water|sea|ocean|"
                                r"surface|body|fever|overnight|daytime|night)", re.I)
# A figure restated in another unit, in brackets after it ("700 meters (2,300 feet)"), skipped to read what follows
CONVERSION = r"(?:\s*\([^()]{1,30}\))?"
_UNDERGROUND = re.compile(CONVERSION + r"\s+(?:underground|below\s+(?:the\s+)?(?:surface|ground))\b", re.I)
# a length, then the dimension it is ("121-meter-tall", "400 feet tall", "a 17.7-mile-long pipeline")
_SIZE_AFTER = re.compile(CONVERSION + r"(?:-|\s+)(tall|high|long|wide|deep)\b", re.I)
# The words after a size written as an adjective, after a conversion in brackets
_CONVERSION = re.compile(CONVERSION)
_SIZED = re.compile(r"[A-Za-z][\w-]*|[,;:.]")
_SIZES = {"tall": "height", "high": "height", "long": "length", "wide": "width", "deep": "depth"}


# What a breach or an outage did to whom: all are "people affected"
_BREACHED = {"stolen", "exposed", "leaked", "compromised", "breached", "hacked", "accessed", "affected", "impacted"}
_VICTIMS = {"customer", "account", "user", "person", "people", "member", "subscriber", "patient", "client",
            "individual", "consumer", "resident"}
# Words that describe the counted ("51 million former and current customers") rather than name them
DESCRIBING = {"former", "current", "existing", "active", "new", "additional", "individual", "unique", "registered",
              "paying", "monthly", "daily", "weekly", "total", "estimated", "affected"}
# One key per money verb, whatever its tense ("costs $999" and "cost $829")
_MONEY_VERB_FORMS = {"earns": "earned", "loses": "lost", "spends": "spent", "pays": "paid", "raises": "raised",
                     "owes": "owed", "costs": "cost"}
_PAY = {"wage", "wages", "pay", "salary", "salaries", "raise", "raises"}
# a count's noun, then the time it is counted over ("vehicles a day"; not "a year ago")
_COUNT_PER_TIME = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}?(?:a|an|per|each)\s+(day|week|month|year)\b"
                             r"(?!\s+(?:ago|earlier|before|later|after|from))", re.I)
# ("$100 million a day", "$3.15 a gallon", "$250 a night": a rate, per that unit)
_PER_TIME = re.compile(r"\s*(?:a|an|per|each)\s+(day|week|month|year|season|game|hour|night|gallon|litre|liter|"
                       r"barrel|pound|ounce|kilogram|kilo|tonne|ton|person|head|mile|square\s+foot|"
                       r"square\s+metre|vial|dose|pill|tablet|injection|ticket|seat|room|unit|share)\b"
                       # ("$149 million a year earlier" says when, not a rate)
                       r"(?!(?:(?<=year)|(?<=month)|(?<=week)|(?<=day))\s+(?:ago|earlier|before|later|prior)\b)", re.I)


# market value wiped out or added ("erasing $12.5 billion in market value", "added $200 billion to Apple's market
# value"), and the verbs that add it
_IN_MARKET_VALUE = re.compile(r"\s+(?:in|of|off|from|to)\s+(?:(?:its|their|the\s+company['’]s|the|"
                              r"(?-i:[A-Z][\w.&-]*)(?:\s+(?-i:[A-Z][\w.&-]*)){0,2}['’]s)\s+)?(?:stock\s+)?"
                              r"market\s+(?:value|valuation|capitali[sz]ation|cap)\b", re.I)
_GAINED = re.compile(r"\b(?:add(?:s|ed|ing)?|gain(?:s|ed|ing)?|boost(?:s|ed|ing)?|put(?:s|ting)?\s+on)\s+"
                     + _HEDGED_END, re.I)
# shares that moved or traded, then the price they came to: a share price (not shares sold or offered at a price)
_TRADED_AT = re.compile(
    r"\b(?:shares|stock)\s+(?:(?:have|has|had|were|was)\s+)?(?:" + "|".join(SESSION_VERBS) + r"|rose|fell|"
    r"jumped|climbed|gained|dropped|slid|sank|plunged|tumbled|surged|soared|declined|slipped|edged|rallied)\b"
    r"(?:[^.;,:]|(?<=\d)[.,](?=\d)){0,50}\b(?:to|at)\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|a\s+record\s+)?$"
    # "a 45% premium over Friday's close of $65.39"
    r"|\b(?:close|closing\s+(?:price|level))\s+(?:of|at)\s+$", re.I)
# words of a deal's price per share
_BID = {"values", "valued", "valuing", "deal", "offer", "offered", "offers", "bid", "bids", "takeover", "buyout"}


# "cut its oil output target by", "raised production by": what a measure moved by (not a level of it)
_MOVED_BY = re.compile(r"\b(?P<verb>cut(?:s|ting)?|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|lower(?:s|ed|ing)?|"
                       r"trim(?:s|med|ming)?|rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|"
                       r"lift(?:s|ed|ing)?)\s+(?:its\s+|their\s+|the\s+)?(?P<np>(?:[a-z][\w-]*\s+){1,3})by\s+"
                       + _HEDGED_END, re.I)
_RAISING = ("rais", "increas", "boost", "lift")
_AIMS = {"target", "targets", "quota", "quotas", "goal", "goals", "ceiling", "limit"}
_SAME_THING = {"production": "output", "supply": "output"}


def _measure_of(text: str, sent_start: int, sent_end: int, m: Mention) -> str | None:
    v = m.value
    if not isinstance(v, NumberValue):
        return None
    before = text[max(sent_start, m.start - 140) : m.start]
    after = text[m.end : min(sent_end, m.end + 60)]
    if re.search(r"\bmagnitude[\s-]*$", before, re.I) or re.match(r"[\s-]*magnitude\b", after, re.I):
        # "a magnitude 7.8 earthquake" and "a 7.5-magnitude aftershock" are two events
        event = re.match(r"[\s-]*(?:magnitude\s+)?(?:[a-z]+\s+)?(earthquake|quake|temblor|aftershock|tremor)s?\b",
                         after, re.I)
        kind = (event.group(1).lower() if event else "earthquake")
        return "magnitude of the " + ("aftershock" if kind in ("aftershock", "tremor") else "earthquake")
    if re.match(r"\s*(?:GMT|UTC|[ECMP][SD]?T)\b", after):
        return None  # a clock time ("0117 GMT")
    if m.start - sent_start <= 60:
        label = _LABEL.fullmatch(text, sent_start, m.start)
        if label and not _CLAUSE_LABEL.search(label.group("np")):
            # "- Earnings per share: $1.64 adjusted vs. $1.60 expected": the label says (not "The numbers are
            # dizzying: hundreds of thousands", a clause)
            words = _clean(label.group("np").split())
            if words:
                return " ".join(words)
    if m.kind == "quantity":
        if v.unit == "km2":  # "burned 19,978 acres", "grown to 8,000 hectares": an area, whose is said by the subject
            return "area"
        lasting = _LASTING.match(after) if v.unit in DURATION_UNITS and "-" in m.text else None
        if lasting:  # "a 53-day strike", "a 15-year deal", "a 25-year prison sentence": how long it lasts
            words = lasting.group("np").lower().split()
            if len(words) == 2 and (words[1] in STOP or words[1] in PREPOSITIONS or words[1] == "worth"
                                    or words[1].endswith(("ed", "ing"))):
                words = words[:1]
            key = " ".join(words)
            if words[0] in _INSTRUMENTS or words[0] in ("average", "moving", "rolling"):
                # "12-year notes touched 3.569%": the duration names a bond; "its 30-day average share price": the
                # window of an average; neither measures anything
                return None
            return "prison sentence" if key.endswith("sentence") else f"{key} length"
        if m.text.endswith("times") and APPEARED.search(before):
            return "appearance"  # "played 204 times for West Ham", as "made 204 appearances"
        if v.unit == "km/h" and _GUSTING.search(before):
            return "gusts"  # "winds gusting up to 100 mph", "gusts of up to 90 mph"
        if v.unit == "second" and (":" in m.text or len(_TIME_UNITS.findall(m.text)) > 1):
            return "time"  # "finished in 2:04:02", "two hours and 35 seconds": a time taken, as races are timed
        if v.unit in DURATION_UNITS and _SENTENCED_TO.search(before):
            return "prison sentence"  # "sentenced him to 12 years in prison", as "a 12-year prison sentence"
        if v.unit in DURATION_UNITS:  # "30 days in detention" is keyed "day", as a counted noun would be
            after = " " + v.unit + "s" + after
        part = _PART_OF.match(after) or _ALL_OF.match(after)
        if part:  # "180 of the 300 seats": 180 counts seats; "grounded all 65 of its Boeing 737 Max 9 aircraft"
            after = " " + after[part.end() :]
        if v.unit not in ("count", "times") and v.unit not in DURATION_UNITS:
            stuff = _MEASURED.match(after)
            words = stuff.group("noun").lower().split() if stuff else []
            if len(words) == 2 and (words[1] in STOP or words[1] in PREPOSITIONS or words[1] in CONJUNCTIONS
                                    or words[1].endswith("ed")):
                words = words[:1]
            if words and words[0] not in STOP:  # "16 inches (41 centimeters) of rain", "tonnes of copper ore"
                key = " ".join(words)
                return _canonical(SYNONYMS.get(key, key))
        moved = _MOVED_BY.search(before) if v.unit not in ("count", "times") else None
        if moved:  # "cut its oil output target by 2 million barrels per day": the output cut
            noun = next((singular(w) for w in reversed(moved.group("np").lower().split())
                         if w not in STOP and w not in _AIMS), None)
            if noun:
                way = "increase" if moved.group("verb").lower().startswith(_RAISING) else "cut"
                return f"{_SAME_THING.get(noun, noun)} {way}"
        did = _DID.match(after) if v.unit != "count" else None
        # ("winds of 100 mph grounded firefighting aircraft": what the speed did, not what it measures)
        counted = _count_measure(before, after) if did is None or did.group(1) in NOT_VERBS else None
        if counted is not None and " " not in counted and _TOTAL_OF.search(before):
            counted += " total"  # "of the 300 seats": all the seats there are ("of the 132 people aboard" says so)
        elif counted is not None and _SHARE_OF_TOTAL.search(before):
            # "Some 60% of the town's 12,000 residents have been evacuated": the share was, not all of them
            counted = counted.split()[0] + " total"
        rate = _COUNT_PER_TIME.match(after) if counted is not None and " per " not in counted else None
        if rate:  # "31,000 vehicles a day" and "11 million vehicles a year" are rates over different times
            counted = f"{counted} per {rate.group(1).lower()}"
        if counted is None or (counted.endswith("ed") and " " not in counted and counted not in NOT_VERBS):
            # "the death toll rose to 1,498"; "a crowd of 60,123 watched the game" (a verb after: what the figure
            # counts is said before it, if anything is)
            link = _money_link(before)
            words = _clean(link.group("np").split(), _OF_LINK.match(before, link.end("np")) is not None) if link else []
            if words:
                counted = " ".join(words)
        return _canonical(COUNTED.get(counted or "", counted))
    state = _STATE_AFTER.match(after) if m.kind == "percent" else None
    if state:  # "the fire was 0% contained", "the stadium is 95% full": how far along a thing is, not the thing
        word = state.group("state").lower()
        return "complete" if word in ("completed", "finished", "done") else word
    share = _SHARE_VERB.search(before) if m.kind == "percent" and _OF_NEXT.match(after) else None
    if share:  # "First-time buyers accounted for 29% of sales", "made up 30% of purchases": their share (not
        # "represents a 44% premium")
        words = _clean(share.group("np").split())
        if words:
            return " ".join(words) + " share"
    market = _IN_MARKET_VALUE.match(after) if m.kind == "money" else None
    if market:  # "erasing $12.5 billion in market value", "added $200 billion to its market cap": a change of it
        return "market value " + ("gained" if _GAINED.search(before) else "lost")
    per_time = _PER_TIME.match(after)
    each = _EACH.match(after)
    if each and not _SHARES.search(before):
        after = after[each.end() :]  # "$16.2 million each in compensatory damages": what follows says what
    # ("$100 million a day" is a rate, not the "$5 billion" it came to)
    per = " per share" if per_share(before, after) else \
        f" per {per_time.group(1).lower()}" if per_time else " each" if each else ""
    if not per and _TRADED_AT.search(before):
        return "share price"  # "Activision shares jumped 26% to $82.31", "the stock closed up 3% on Tuesday at"
    link = _money_link(before)
    if link:
        words = _clean(link.group("np").split())
        if words and not CALENDAR.issuperset(words):  # (not "on Tuesday at $82.31": when, not what)
            key = " ".join(words)
            if per and key in ("share", "shares", "stock"):  # "sold shares at $34 each": their price
                key = "price"
            elif per == " per share" and not _BID.isdisjoint(words):
                key = "price"  # "the all-cash deal values Activision at $95 per share": the price offered
            if key == "loss" and not per:
                return "net loss"  # "posted a loss of $1.44 billion": a company's loss, as "a net loss of" says
            return key if key.endswith(per or "per share") else key + per
    if m.kind == "money" and not per and TO_SETTLE.match(after):
        return "settlement"  # "agreed to pay $2.1 billion to settle the lawsuit", as "a $2.1 billion settlement"
    named = MONEY_NOUN_AFTER.match(after) if m.kind == "money" and not per else None
    if named:  # "paid a $22 million ransom": the ransom, whatever the verb
        return " ".join(named.group("noun").lower().split())
    verb = MONEY_VERB.search(before)
    if verb:
        said = _MONEY_VERB_FORMS.get(verb.group("verb").lower(), verb.group("verb").lower())
        if said == "lost" and not per and m.kind == "money":
            return "net loss"  # "Big Lots lost $205.3 million in the quarter", as another outlet's "a net loss of"
        return "earnings per share" if said == "earned" and per == " per share" else said + per
    if _ORDERED_TO_PAY.search(before) and _COURT.search(text, sent_start, sent_end):
        return "damages"  # "a jury ordered Johnson & Johnson to pay $45 million", "was ordered to pay ... by a jury"
    if FINED.search(before):  # "the EU fined Apple 1.8 billion euros", "Meta was fined €1.2bn"
        return "fine"
    if per == " per share":  # "to buy Initech for $45 a share": a price
        return "price" + per
    na = NOUN_AFTER.match(after)
    if na and na.group("np")[0].isupper() and na.group().lstrip().lower().startswith("of"):
        return None  # "owns roughly 30% of Reddit": of whom, not what
    if na and not (na.group("np").split()[0].lower() in _NOT_A_MEASURE_START
                   and not na.group().lstrip().lower().startswith("of")) \
            and na.group("np").split()[0].lower() not in CALENDAR:
        written = na.group("np").split()
        if len(written) > 1 and written[-1].lower() in STOP:
            written = written[:-1]  # "a $60 million fine as (part of the deal)": the noun, not the word after it
        words = _clean(written)
        if words and m.kind == "percent" and singular(words[0]) in _GROUPS:
            did = _GROUP_DID.match(after, na.start("np"))
            if did:  # "24% of patients in the trial developed brain swelling": what that share of them did
                return f"{words[0]} {did.group('verb').lower()}"
        if words:
            suffix = " per share" if re.match(r"\s*(?:a|per)\s+share", after[na.end():], re.I) else \
                " each" if per == " each" else ""
            return " ".join(words[:2]) + suffix
    return None


# People counted as a share, then what that share of them did
_GROUPS = {"patient", "participant", "people", "person", "respondent", "adult", "voter", "user", "customer",
           "subject", "volunteer", "child", "student", "worker", "employee", "member", "resident", "american",
           "those"}
_GROUP_DID = re.compile(r"[a-z]+(?:\s+(?:on|in|of|at|from|with|taking|receiving|given|treated|who|aged|under|over)"
                        r"(?:\s+(?!(?:had|were|was|are|is|have|has)\b)[a-z][\w-]*){1,3}?)?"
                        r"\s+(?:(?:had|were|was|are|is|have|has)\s+)?(?P<verb>[a-z]{2,}(?:ed|ied)|had|saw|got|took|"
                        r"showed|grew|lost|won|made|gave|became|felt|kept|said|says|say|die|died|developed)\b",
                        re.I)


# "$42 billion on Thursday", "$5 million in the quarter", "in a single day": a phrase of time or place follows, not
# the thing measured ("$5 billion in revenue", "$3.6 million of company stock", "52% of the vote")
_NOT_A_MEASURE_START = PREPOSITIONS - {"in", "of"} | {"a", "an", "the", "this", "that", "its", "their", "his", "her",
                                                     "one", "each", "every", "last", "next", "as", "because", "while",
                                                     "when", "after", "before", "if", "and", "or", "but",
                                                     "compared", "versus", "vs", "including", "excluding"}
# Nor is a month or a day ("2.4% in September")
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "year", "month", "week", "quarter", "day", "today", "yesterday",
            # a part of a day or session ("about $2 in early trading")
            "early", "late", "midday", "morning", "afternoon", "evening", "overnight", "premarket", "extended",
            "after-hours", "trading"}


# An action named by its noun and the things it applies to ("the recall covers 1.02 million vehicles").
ACTION_NOUNS = {"recall": "recalled", "evacuation": "evacuated", "evacuation order": "evacuated",
                "layoffs": "laid", "job cuts": "laid", "cuts": "laid", "outage": "affected", "breach": "affected",
                "strike": "striking"}
_COVERED = re.compile(r"\b(?P<action>recall|evacuation(?:\s+order)?|layoffs|job\s+cuts|cuts|outage|breach|strike)s?\s+"
                      r"(?:will\s+|would\s+)?(?:covers?|covered|covering|affects?|affected|affecting|involves?|involved|"
                      r"includes?|included|applies\s+to|applied\s+to|hits?|impacts?|impacted)\s+"
                      r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|up\s+to|an\s+estimated|just)\s+)*$",
                      re.I)
_CLAUSE_WORDS = {"when", "where", "whereas", "because", "although", "though", "unless", "if", "while"}
_INSTRUMENTS = {"note", "notes", "bond", "bonds", "yield", "yields", "treasury", "treasuries", "gilt", "gilts", "bund",
                "bunds", "mortgage", "mortgages", "loan", "loans", "debt", "paper", "bill", "bills"}
# The thing a hyphenated duration describes ("a 53-day strike"): lower-case words, not a name ("10-year Treasury")
_LASTING = re.compile(r"\s+(?P<np>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*))?)")
# Those on strike: "a strike by 33,000 workers" (before the figure), "33,000 striking machinists", "45,000
# dockworkers went on strike", "10,000 nurses walked out" (after it)
_STRIKE_BY = re.compile(r"\b(?:strikes?|walkouts?|stoppages?)\s+(?:by|of|involving)\s+" + _HEDGED_END, re.I)
_ON_STRIKE = re.compile(r"\s+striking\b|\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:(?:went|are|were|remain|remained|"
                        r"have\s+been)\s+)?on\s+strike\b|\s+[a-z-]+\s+walked\s+out\b", re.I)
# Who takes up a share of a whole: "(First-time buyers) accounted for 29% (of sales)", "made up", "represented"
_OF_NEXT = re.compile(r"\s+of\b")
_SHARE_VERB = compile_stored(rf"(?<![\w'’-])(?P<np>(?:{_NP_WORD}\s+){{0,4}}[a-z][\w'’-]*)\s+(?:accounted\s+for|"
                             r"accounts?\s+for|made\s+up|makes?\s+up|represented|represents?|comprised|comprises?)\s+"
                             + _HEDGED_END, re.I)
# A sum a court or jury orders paid: damages, not a regulator's fine
_ORDERED_TO_PAY = re.compile(r"\bordered\s+(?:(?-i:[A-Z][\w'’&.-]*|&)\s+){0,5}to\s+pay\s+" + _HEDGED_END, re.I)
_COURT = re.compile(r"\b(?:jury|jurors|court|judge)\b", re.I)
# A verb right after a figure in a unit: what the speed or size did, not what it measures
_DID = re.compile(r"\s+([a-z]{4,}ed)\b")
# A speed that gusts reach ("winds gusting up to 100 mph", "gusts of up to 90 mph")
_GUSTING = re.compile(r"\bgust(?:s|ing|ed)?\s+(?:(?:of|at|to|reaching|topping)\s+)?(?:up\s+to\s+|as\s+high\s+as\s+|"
                      r"about\s+|around\s+|nearly\s+|more\s+than\s+)?$", re.I)
# What a measure in a unit is of: "16 inches (41 centimeters) of rain", "2 million barrels of oil"
_MEASURED = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?of\s+(?:the\s+)?(?P<noun>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)")
_CLAUSE_LABEL = re.compile(r"^(?:the|a|an|it|this|that|these|those)\b|\b(?:is|are|was|were|be|been|has|have|had)\b",
                           re.I)
# A list item's label before its figure ("- Revenue: $94.93 billion", "Deaths: 63")
_LABEL = re.compile(r"[\s*•·–—-]*(?P<np>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,4})\s*:\s*(?:(?:about|around|"
                    r"approximately|roughly|nearly|almost|over|more\s+than|less\s+than|up\s+to|at\s+least)\s+)?")
# A link that is "of" alone ("at a depth of 18 km", "a total of 40"), hedges allowed after it
_OF_LINK = re.compile(r"\s+of\s+" + _HEDGED_END, re.I)
# What a counted noun means whatever the story ("9,733 others were injured"; "the toll in Syria rose to 1,602")
COUNTED = {"other": "people", "individual": "people", "person": "people", "toll": "people killed"}
# Words between a counted noun and what happened to it that say neither ("4,000 people are now known to have died")
AUXILIARIES = {"are", "is", "was", "were", "have", "has", "had", "been", "be", "now", "known", "to", "feared",
               "believed", "thought", "presumed", "confirmed", "already", "so", "far", "also", "still", "reportedly",
               "officially", "being"}


# Words in -ed that are nouns or adjectives, not verbs ("300 hundred", "120 beds"... "5 infrared")
NOT_VERBS = {"hundred", "infrared", "seabed", "bed", "red", "shed", "need", "speed", "breed", "seed", "feed", "steed",
             "weed", "reed", "bleed", "creed", "greed", "tweed", "deed", "heed", "proceed", "sacred", "kindred",
             "wicked", "naked", "rugged", "ragged", "crooked", "beloved", "learned", "aged", "skilled", "unskilled",
             "married", "unmarried", "armed", "unarmed", "insured", "uninsured", "unemployed", "employed",
             "displaced", "wounded", "injured", "retired", "disabled", "vaccinated", "unvaccinated", "detained",
             "missing", "talented", "registered", "undocumented", "licensed", "qualified", "unqualified"}
# Words that open a clause of their own: "1,024,407 vehicles because of a faulty sensor" counts vehicles.
CONJUNCTIONS = {"because", "although", "though", "unless", "whereas", "while", "when", "if", "as", "until", "so",
                "since", "after", "before", "once"}
_NOUN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Past verbs that follow a number as often as nouns do ("Ribeiro, 34 went on the run"): no counted noun
_NOT_NOUNS = {"went", "came", "got", "took", "gave", "saw", "made", "told", "ran", "won", "began", "became", "did"}
_AND_DOING = re.compile(r"\s+and\s+[a-z]+ing\b")
# ("under evacuation orders", "were ordered to evacuate", "(forced 30,000 people) to leave their homes")
_ON_BOARD = re.compile(r"\b(?:on\s+board|onboard)\b|\b(?P<evac>under\s+(?:an?\s+)?(?:mandatory\s+)?evacuation\s+"
                       r"(?:orders?|warnings?|notices?)|(?:(?:were|was|have\s+been|had\s+been|been)\s+)?"
                       r"(?:(?:ordered|told|forced|urged)\s+)?to\s+(?:evacuate|flee|leave\s+(?:their|his|her)\s+homes?)\b)"
                       r"|\b(?P<dark>(?:without|lost)\s+(?:power|electricity))\b", re.I)
# Where a figure's clause ends after it: punctuation, but not an initial's full stop ("33,000 U.S. workers")
_CLAUSE_END = re.compile(r"[,;:()\[\]—–\"“”]|(?<![A-Z])\.")
# Who is counted as without power, whatever the outlet calls them ("3 million homes and businesses", "customers")
_POWER_USERS = {"customer", "home", "household", "business", "people", "resident", "user", "account", "property"}


# a count whose noun is left out, then what happened to those counted
_ELIDED = re.compile(r"\s*(?:others?\s+|more\s+)?(?:(?:were|was|have\s+been|had\s+been|are)\s+(?P<p>killed|injured|"
                     r"wounded|hurt|dead|missing|hospitali[sz]ed|rescued|arrested|evacuated)|(?P<p2>died))\b", re.I)


_CASUALTY_VERB = re.compile(r"\b(killed|injured|wounded|infected|evacuated|rescued|arrested|displaced)\s+" + HEDGED
                            + "$", re.I)
# The thing an earlier figure of the sentence counts, when the figure after "and" says only what happened to them
_SIBLING = re.compile(r"\d[\d,.]*\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+s)\b[^;:]*\band\s+" + HEDGED + "$", re.I)
_TOOK_PART = re.compile(r"\s+(?:(?:people|[a-z]+s)\s+)?(?:took|take|takes|taking)\s+part\b"
                        r"(?!\s+in\s+(?:the\s+)?(?:study|trial|survey|poll|research))", re.I)
# ("a train with 150 cars derailed": what the train did; but ", with 3,408 people injured" says what befell them)
_WITH_BEFORE = re.compile(r"(?<!,)(?<!,\s)\bwith\s+" + HEDGED + "$", re.I)


# Members of a party, counted as people by their party's name
_PARTY_MEMBERS = {"Democrats": "Democrat", "Republicans": "Republican", "Conservatives": "Conservative",
                  "Tories": "Tory", "Liberals": "Liberal", "Greens": "Green", "Independents": "Independent"}


def people_named(word: str) -> str | None:
    """The group a capitalised plural names people by, if it does ("Palestinians": Palestinian, "Democrats":
    Democrat), else None."""
    if word in _PARTY_MEMBERS:
        return _PARTY_MEMBERS[word]
    return word[:-1] if word.endswith("s") and word[:-1] in DEMONYMS else None


def _people_who(verb: str) -> str:
    """The people a verb counts ("killed": people killed), in the measure's one spelling."""
    return SYNONYMS.get(f"people {verb}", f"people {verb}")


def _count_measure(before: str, after: str) -> str | None:
    if _TOOK_PART.match(after):
        return "turnout"  # "organisers said 150,000 people took part": how many came
    if _STRIKE_BY.search(before) or _ON_STRIKE.match(after):
        return "workers on strike"  # "a strike by 33,000 workers", "33,000 striking machinists", "went on strike"
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    # (in the figure's own words: "killing at least 21 people and leaving thousands without power" is no count of
    # those without power, but "3 million homes and businesses without power" are)
    cut = _AND_DOING.search(clause)
    own = clause[: cut.start()] if cut else clause
    clause = _ON_BOARD.sub(lambda b: "evacuated" if b.group("evac") else "powerless" if b.group("dark") else "aboard",
                           own) + clause[len(own) :]
    if "powerless" in clause:  # "left 3.4 million customers without electricity": that, not "left", is what is said
        user = next((singular(w.lower()) for w in WORD.findall(clause)[:3]), "")
        if user in _POWER_USERS:
            return "customers without power"
    words_after = WORD.findall(clause)[:8]
    noun = None
    rest: list[str] = []
    considered = 0
    describing = False
    for i, w in enumerate(words_after):
        lw = w.lower()
        if noun is None and considered == 0 and people_named(w):
            # "More than 200 Palestinians were killed", "102 Republicans": people, counted by who they are
            considered, noun, rest = 1, "people", words_after[i + 1 :]
            continue
        if noun is None and ((w[0].isupper() and (w[1:2].islower() or len(w) == 1)) or (
                lw.endswith("ing") and len(lw) > 5) or lw in DESCRIBING or (describing and lw in ("and", "or"))):
            # "33,000 striking U.S. West Coast factory workers", "51 million former and current customers": names,
            # -ing words and such adjectives describe what is counted
            describing = lw in DESCRIBING
            continue
        considered += 1
        if considered > 3:
            break
        if (lw in STOP or lw in PREDICATES or lw in ADVERBS or lw in PREPOSITIONS or lw in CONJUNCTIONS
                or (noun is not None and (lw.endswith(("ly", "ed")) or lw.endswith("ing") and len(lw) > 5))):
            break  # ("58,000 lawsuits alleging its talc caused cancer": what they allege is no part of them)
        if _NOUN.fullmatch(lw):  # "vehicles", "RAV4s", "F-150s"
            if noun is not None and lw in ("member", "members"):
                continue  # "22 crew members": the crew ("staff members", "board members")
            noun = lw
            rest = words_after[i + 1 :]
    if noun is None and (elided := _ELIDED.match(clause)):
        said = (elided.group("p") or elided.group("p2")).lower()
        return _people_who(said)  # "Eighteen people were killed and 13 were wounded"
    casualty = _CASUALTY_VERB.search(before) if noun is None else None
    if casualty:  # "has infected more than 3,000 people and killed 120": people killed
        return _people_who(casualty.group(1).lower())
    done = words_after[0].lower() if noun is None and words_after else ""
    sibling = _SIBLING.search(before) if done in PREDICATES and done.endswith("ed") else None
    if sibling:  # "3,000 flights delayed and more than 1,800 canceled": flights canceled
        return f"{singular(sibling.group('noun').lower())} {VERB_FORMS.get(done, done)}"
    if noun is None and len(words_after) > 1 and words_after[0].lower() == "still" \
            and words_after[1].lower() in PREDICATES:
        return _canonical(f"still {words_after[1].lower()}")  # "with 29 still missing", as "29 remain missing"
    if noun is None or noun in STOP or noun in _NOT_NOUNS or len(noun) < 2:
        return None
    # "injured 41 people" (the verb just before) wins over what follows; "12 people were killed" (same clause).
    previous = [w.lower() for w in WORD.findall(before)]
    while previous and (previous[-1] in HEDGE_WORDS or previous[-1] in CALENDAR or previous[-1] == "on"):
        previous.pop()  # ("sentenced on Thursday to 20 years": the verb before the day)
    predicate = previous[-1] if previous and previous[-1] in PREDICATES else None
    covered = _COVERED.search(before)
    if predicate is None and covered:  # "the recall covers 1.02 million vehicles": the vehicles recalled
        predicate = ACTION_NOUNS[covered.group("action").lower()]
    if predicate is None:
        # ("About 50 cars of a Norfolk Southern freight train derailed": past what they are part of; not "a train with
        # 150 cars derailed", where the train did, though "with 132 people on board" says where they were)
        reach = 7 if rest[:1] and rest[0].lower() == "of" else 4
        described = _WITH_BEFORE.search(before) is not None
        for w in [w for w in rest[:8] if w.lower() not in AUXILIARIES][:reach]:
            lw = w.lower()
            if lw in ("and", "but", "or", "after", "before", "until", "as") or lw in _CLAUSE_WORDS \
                    or described and lw.endswith("ed"):
                break  # ("carrying around 55 people when it veered off the road": what it did, not they)
            if w[0].isupper():
                continue  # "1.2 million vehicles in the United States": a name, not what happened to them
            if lw in PREDICATES or (lw.endswith("ed") and lw not in NOT_PREDICATES):
                predicate = lw
                break
    key = singular(noun)
    if covered and covered.group("action").lower() == "outage" and key in _POWER_USERS:
        return "customers without power"  # "power outages affected more than 500,000 homes"
    if predicate is not None and VERB_FORMS.get(predicate, predicate) == "closed" and key not in _CLOSABLE:
        predicate = None
    if predicate in ("added", "adds", "adding") and key in ("job", "position", "role"):
        predicate = None  # "added 69,000 jobs" is the jobs figure however worded ("led with 69,000 new jobs")
    if predicate:
        key = COUNTED.get(key, key)
    return f"{key} {predicate}" if predicate else key


_CHANGE_BASES = (
    ("year-on-year", r"year[-\s](?:on|over)[-\s]year|y/y|yoy|in\s+the\s+(?:year|12\s+months)\s+to\b|"
                     r"on\s+(?:the\s+same\s+(?:month|period|quarter|time)\s+)?last\s+year|"
                     r"(?:from|than|over|on|versus|vs\.?)\s+a\s+year\s+"
                     r"(?:earlier|ago|before)|in\s+the\s+(?:12|twelve)\s+months|12-month|annual(?:ly)?\b(?!\s+(?:"
                     r"revenue|sales|profit|report|meeting))|on\s+an\s+annual\s+basis|from\s+the\s+same\s+(?:month|"
                     r"period|quarter|time)\s+(?:a|last)\s+year|over\s+the\s+(?:past|last)\s+(?:year|12\s+months)"),
    ("month-on-month", r"month[-\s](?:on|over)[-\s]month|m/m|on\s+a\s+monthly\s+basis|monthly\b|for\s+the\s+month\b|"
                       r"from\s+the\s+"
                       r"(?:previous|prior)\s+month|(?:from|than|over)\s+a\s+month\s+(?:earlier|ago|before)|"
                       # "rose 0.2% from September": from the month before, named without a year
                       r"from\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December)\b(?![\s,]+\d)"),
    ("quarter-on-quarter", r"quarter[-\s](?:on|over)[-\s]quarter|q/q|from\s+the\s+(?:previous|prior)\s+quarter|"
                           r"sequential(?:ly)?\b"),
    ("annualized", r"annuali[sz]ed"),
    # a premium to a price averaged over days ("to its 30-day average share price"), not to one day's
    ("average-price", r"\d+-(?:day|trading-day|week|month)\s+(?:volume-weighted\s+)?average\b|"
                      r"volume-weighted\s+average\s+price"),
)
_FUTURE = re.compile(r"\b(?:will|would|is\s+set\s+to|are\s+set\s+to|to\s+be)\b", re.I)
_MONTH_BASIS = re.compile(r"from\s+[A-Z]", re.I)
_FIGURE_SPLIT = re.compile(r"\d[\d.,]*\s*(?:%|percent\b|per\s?cent\b)")
_CHANGE_BASIS = guarded("|".join(f"(?P<b{i}>{p})" for i, (_, p) in enumerate(_CHANGE_BASES)), re.I)


def change_basis(before: str, after: str) -> str | None:
    """What a percentage change is measured against, by the words nearest it in its clause: a year, a month or a
    quarter earlier, or an annualized rate ("up 2.6% from a year earlier", "rose 0.3% on a monthly basis")."""
    best: tuple[int, str] | None = None
    # (not past another figure: "rose 0.4% for the month and 4% from a year ago" gives each its own)
    before, after = _FIGURE_SPLIT.split(before)[-1], _FIGURE_SPLIT.split(after, maxsplit=1)[0]
    future = _FUTURE.search(before) is not None  # "will increase by 6.7% from April": from when, not against what
    for text, tail in ((before, True), (after, False)):
        part = re.split(r"[;]|,\s+(?:and|but|while|whereas)\b", text)
        part_text = part[-1] if tail else part[0]
        for b in _CHANGE_BASIS.finditer(part_text):
            if future and _MONTH_BASIS.match(b.group()):
                continue
            distance = len(part_text) - b.end() if tail else b.start()
            if best is None or distance < best[0]:
                best = (distance, _CHANGE_BASES[int(next(k for k, v in b.groupdict().items() if v)[1:])][0])
    return best[1] if best else None
