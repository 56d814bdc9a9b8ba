"""Organization names: runs of capitalised words, filtered so that sentence openers and headlines do not count."""

from __future__ import annotations

import re

from ..models import Mention, NameValue
from ..text.patterns import compile_stored
from ..text.spans import Spans
from .people import NOT_NAMES, ORG_STOP

# Capitalised words that open sentences but never name an organization.
SENTENCE_WORDS = {w for w in NOT_NAMES if w[0].isupper() and w.lower() in {
    "the", "a", "an", "and", "of", "in", "on", "at", "for", "to", "by", "with", "from", "as", "but", "or", "it", "its",
    "he", "she", "they", "we", "his", "her", "their", "this", "that", "these", "those", "however", "while", "when",
    "after", "before", "since", "according", "is", "was", "has", "have", "had", "will", "says", "said", "there",
    "here"}}

# The words that head a name continued by "of" or "for" ("Bank of America", "Bureau of Labor Statistics", "Office
# for National Statistics", "University of Michigan"): after any other word, "of" ends the name ("Shares of Apple")
INSTITUTION_WORDS = ("Bank", "Bureau", "Department", "Office", "University", "Association", "Institute", "Ministry",
                     "Board", "Council", "Commission", "Federation", "Chamber", "Society", "College", "Museum",
                     "Academy", "Church", "Republic", "Kingdom", "League", "Court", "Agency", "Administration",
                     "Organization", "Organisation", "Centre", "Center", "School", "Port")
# A run of capitalised words ("St. Petersburg", "Mt. Everest", "U.S. Steel": an abbreviation's full stop inside a
# name; but "the U.S." is the country, and may end a sentence: "sold in the U.S. Apple said")
_RUN = (r"(?:(?:St|Mt|Ft|(?<!the\s)(?<!The\s)U\.[SK])\.(?=[ \u00a0][A-Z])|[A-Z][\w&.-]*[\w]|[a-z]{1,2}[A-Z][\w]*|[A-Z])"
        r"(?:[ \u00a0](?:[A-Z][\w&.-]*[\w]|&|[A-Z]))*")
_CANDIDATE = re.compile(
    r"(?<![\w’'-])" + _RUN + r"(?:(?:" + "|".join(f"(?<={h})" for h in INSTITUTION_WORDS) + r")[ \u00a0](?:of|for)"
    r"(?:[ \u00a0]the)?[ \u00a0](?:[A-Z][\w&.-]*[\w])(?:[ \u00a0](?:[A-Z][\w&.-]*[\w]|&|[A-Z]))*)?"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[-•*]\s+|[“\"(]\s*)$")
COMMON_CAPS = {"I", "A", "AI", "CEO", "CFO", "U.S", "U.S.", "US", "UK", "EU", "GenAI", "IPO", "RLHF", "Key", "Why",
               "What", "How", "Who", "Where", "Source", "Original", "Please", "Thousands", "Several", "Some", "Many",
               "Most", "Our", "Your", "Just", "Despite", "Beyond", "Unlike", "Compared", "Building", "For", "Shifts",
               "Looking", "Early", "Suddenly", "Companies", "Competitors", "Among", "Confirming", "Another", "Founded",
               "Major", "Government", "Enterprise", "Defense", "Valuation", "Workforce", "Founder", "Competitive",
               "Officials", "Authorities", "Police", "Rescuers", "Residents", "Witnesses", "Analysts", "Investors",
               "Experts", "Scientists", "Doctors", "Vice", "Ministers", "Business", "Businesses", "Unions",
               "Employers", "Campaigners", "Younger", "Older", "Host", "Hosts", "Holders", "Champions",
               "Airlines", "Carriers", "Banks", "Hospitals", "Airports", "Retailers", "Insurers",
               "Turnout", "Revenue", "Revenues", "Sales", "Shares", "Profit", "Profits", "Prices", "Inflation",
               "Unemployment", "Exports", "Imports", "Output", "Growth", "Demand", "Production", "Spending",
               "Voters", "Earnings", "Losses", "Costs", "Rates", "Stocks", "Markets", "Deaths", "Cases",
               "Borrowing", "Lending", "Debt", "Investment", "Taxes",
               # a data release's opening words ("Contract closings decreased 5.4%", "Inventory climbed 23%")
               "Contract", "Contracts", "Inventory", "Inventories", "Median", "Pending", "Existing",
               # measures written in capitals: "adjusted EBITDA was up 21%" names no company
               "EBITDA", "EBIT", "EPS", "GAAP", "ARPU", "CAGR", "GDP", "CPI", "YoY", "ROE", "ROI", "FX",
               # the words that open a sentence about a measure ("Organic revenues were", "Adjusted earnings rose")
               "Organic", "Adjusted", "Comparable", "Operating", "Gross", "Annual", "Quarterly", "Consolidated",
               "Diluted", "Underlying", "Overall", "Average", "Combined", "Core", "Headline", "Consumer", "Producer",
               "Wholesale", "Retail", "Housing", "Shelter", "Energy", "Food", "Gasoline", "Fuel", "Rents", "Wages",
               "Jobless", "Payrolls", "Employment", "Mortgage", "Home", "Monthly", "Yearly", "Nonfarm", "Non-farm",
               "Private", "Restaurants", "Manufacturing", "Construction", "Healthcare", "Revisions", "Hiring",
               "Layoffs", "Job", "Jobs", "Payroll", "Compensatory", "Punitive", "Damages", "Rainfall", "Winds",
               "Attendance", "Crowd", "Crowds", "Fans", "Spectators", "Participants", "Adults",
               "Children", "People", "Firefighters", "Temperatures",
               # hedges opening a sentence ("More than 1,300 people died")
               "More", "Fewer", "Nearly", "Almost", "Roughly", "Approximately",
               # people in the plural, who open sentences of news ("Customers tried to withdraw")
               "Customers", "Clients", "Depositors", "Shareholders", "Employees", "Workers", "Users", "Consumers",
               "Regulators", "Lawmakers", "Prosecutors", "Researchers", "Patients", "Passengers", "Protesters",
               "Critics", "Supporters", "Executives", "Traders", "Economists", "Lenders", "Borrowers", "Buyers",
               "Tenants", "Survivors", "Victims", "Volunteers", "Soldiers", "Troops", "Farmers", "Students",
               "Jurors", "Judges", "Officers", "Detectives", "Investigators", "Crews", "Evacuees", "Homeowners",
               "Drivers", "Pilots", "Nurses", "Teachers", "Parents", "Migrants", "Refugees", "Citizens", "Delegates",
               "Forecasters", "Meteorologists", "Engineers", "Miners", "Pilgrims", "Mourners", "Guests", "Visitors",
               # weather and disasters opening a sentence ("Gusts reached 80 mph")
               "Gusts", "Wind", "Rain", "Snow", "Heat", "Smoke", "Power", "Outages", "Flames", "Fires", "Wildfires",
               "Storms", "Floods", "Floodwaters", "Aftershocks",
               # diseases named after people ("an experimental Alzheimer's drug")
               "Alzheimer", "Parkinson", "Huntington", "Crohn", "Hodgkin", "Tourette", "Asperger", "Lyme",
               # a role's tense before its title ("Former CEO Jack Dorsey")
               "Former", "Ex", "Incoming", "Outgoing", "Interim", "Acting", "Then", "Newly"}
# Nationalities: alone, an adjective ("the Greek coast guard", "Turkish officials"), not a name; at the head of
# a longer name, part of it ("British Airways", "Turkish Airlines", "American Express").
DEMONYMS = frozenset({
    "Afghan", "Albanian", "Algerian", "American", "Angolan", "Argentine", "Argentinian", "Armenian",
    "Australian", "Austrian", "Azerbaijani", "Bangladeshi", "Belarusian", "Belgian", "Bolivian", "Bosnian",
    "Brazilian", "British", "Bulgarian", "Burmese", "Cambodian", "Cameroonian", "Canadian", "Chilean",
    "Chinese", "Colombian", "Congolese", "Croatian", "Cuban", "Cypriot", "Czech", "Danish", "Dutch",
    "Ecuadorian", "Egyptian", "Emirati", "English", "Eritrean", "Estonian", "Ethiopian", "European", "Filipino",
    "Finnish", "French", "Georgian", "German", "Ghanaian", "Greek", "Guatemalan", "Haitian", "Honduran",
    "Hungarian", "Icelandic", "Indian", "Indonesian", "Iranian", "Iraqi", "Irish", "Israeli", "Italian",
    "Ivorian", "Jamaican", "Japanese", "Jordanian", "Kazakh", "Kenyan", "Korean", "Kosovan", "Kurdish",
    "Kuwaiti", "Latvian", "Lebanese", "Libyan", "Lithuanian", "Malaysian", "Malian", "Maltese", "Mexican",
    "Moldovan", "Mongolian", "Moroccan", "Mozambican", "Nepalese", "Nigerian", "Nigerien", "Norwegian",
    "Pakistani", "Palestinian", "Panamanian", "Paraguayan", "Peruvian", "Polish", "Portuguese", "Qatari",
    "Romanian", "Russian", "Rwandan", "Saudi", "Scottish", "Senegalese", "Serbian", "Singaporean", "Slovak",
    "Slovenian", "Somali", "Spanish", "Sudanese", "Swedish", "Swiss", "Syrian", "Taiwanese", "Tanzanian",
    "Thai", "Tunisian", "Turkish", "Ugandan", "Ukrainian", "Uruguayan", "Uzbek", "Venezuelan", "Vietnamese",
    "Welsh", "Yemeni", "Zambian", "Zimbabwean"})
# Words that, before a day or month ("Last Friday", "Early March"), make a date, not a name.
DATE_LEADS = {"Last", "Next", "This", "Early", "Late", "Mid", "On", "Since", "Until", "By", "Through", "Every"}


def _is_title_case(sentence: str) -> bool:
    # A headline: no closing full stop (most lines have one: tested first), and mostly capitalised words.
    if sentence.rstrip().endswith("."):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7


CALENDAR_WORDS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}


# Where a company is based, written before its name ("Paris-based Mistral AI", "the Columbus, Ohio-based chain")
BASED = r"-(?:based|headquartered)\b"
_BASED = ("-based", "-headquartered")  # (the words of `BASED`, as a name's last word ends)
# Pay and benefits named in capitals are measures, no companies ("the National Living Wage", "the State Pension")
PAY_NAMES = {"Wage", "Wages", "Allowance", "Pension"}
_CITY_OF = re.compile(r",\s+(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*" + BASED)
_LOWER_TAIL = re.compile(r"-[a-z][\w-]*$")
_NOT_A_NAME = re.compile(r"Series [A-H]\d?|Q[1-4]|H[12]|FY\d*")


_COUNTRY_ABBREVIATIONS = {"U.S.", "U.S", "US", "UK", "U.K.", "EU"}


def _trim(name: str) -> str:
    name = name.replace("’", "'")
    if name.endswith("'s"):
        name = name[:-2]
    if name.endswith(_BASED):
        return ""  # "the Columbus, Ohio-based chain": where it is based, no name
    if "-" in name:
        name = _LOWER_TAIL.sub("", name)
    words = name.rstrip(".,").split()
    based = [i for i, w in enumerate(words[:-1]) if w.endswith(_BASED)]
    if based:  # "Paris-based Mistral AI", "San Francisco-based OpenAI": where it is based, then the name
        words = words[based[-1] + 1 :]
    while len(words) > 1 and (words[0] in ORG_STOP or words[0] in COMMON_CAPS or words[0] in SENTENCE_WORDS
                              or words[0] in DATE_LEADS and words[1] in CALENDAR_WORDS):
        if words[0] in _COUNTRY_ABBREVIATIONS and words[1] not in COMMON_CAPS and words[1] not in ROLE_TOKENS:
            break  # "U.S. Steel", "UK Finance": the country's letters are the name's (not "U.S. President Joe Biden")
        words = words[1:]
    if len(words) == 1 and (words[0] in ORG_STOP or words[0] in SENTENCE_WORDS):
        return ""
    return " ".join(words)


ROLE_TOKENS = {"CEO", "CFO", "COO", "CTO", "Chief", "Chairman", "Chairwoman", "President", "Founder", "Co-founder",
               "Spokesperson", "Spokesman", "Spokeswoman", "Executive", "Officer", "Director", "Analyst", "Prime",
               "Minister", "Premier", "Chancellor", "Governor", "Gov.", "Gov", "Mayor", "Coach", "Secretary-General",
               "Secretary"}
_VERB_AFTER = compile_stored(r"['’]s\b|,\s+(?:the|a|an|which|who|whose|its|one|based|now)\s"
                             r"|(?:\s+(?:on|late|early|this|last|also|now)(?:\s+[A-Z]?[a-z]+day)?)?"
                             r"\s+(?:was|is|has|had|have|will|would|could|can|may|said|says|plans|expects|"
                             r"reported|reports|announced|announces|employs|made|makes|invested|invests|raised|"
                             r"raises|posted|cut|cuts|hired|sold|bought|agreed|confirmed|declined|\w+ed\b|\w*[^\Ws]s\b|"
                             # verbs whose past is not in -ed ("Labour won 33.7% of the vote")
                             r"(?:won|took|lost|led|held|kept|paid|beat|became|began|got|grew|rose|fell|hit|ran|"
                             r"saw|set|shut|spent|swept|told|gave|built|chose|drew|fought|found|left|struck|wrote)\b)")


# "Initech CEO Tom Becker said": a name before a role title is the organization the role is held at.
_ROLE_AFTER = re.compile(r"['’]?s?\s+(?:" + "|".join(sorted(ROLE_TOKENS - {"Executive", "Officer", "Director"},
                                                              key=len, reverse=True)) + r")\b")


def _runs(m: re.Match[str], people: set[str]) -> list[tuple[int, str]]:
    """Split a run of capitalised words at role words and people's names: "Acme CEO Jane Roe" is "Acme"."""
    run = m.group(0)
    if " " not in run and "\u00a0" not in run:  # most runs are one word
        return [] if run in ROLE_TOKENS else [(m.start(), run)]
    out: list[tuple[int, str]] = []
    words = [(w.start() + m.start(), w.group()) for w in re.finditer(r"\S+", run)]
    current: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        two = " ".join(w for _, w in words[i : i + 2])
        three = " ".join(w for _, w in words[i : i + 3])
        if words[i][1] in ROLE_TOKENS or two in people or three in people:
            if current:
                out.append((current[0][0], " ".join(w for _, w in current)))
            current = []
            i += 3 if three in people else 2 if two in people else 1
            continue
        current.append(words[i])
        i += 1
    if current:
        out.append((current[0][0], " ".join(w for _, w in current)))
    return out


# A dateline: the place a story was filed from, in capitals, then the date and the agency ("LISBON, March 14
# (Reuters) -", "LOS ANGELES (AP) —", "LISBON, Portugal (AP) —")
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’ -]*[A-Z.])(?=(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)*\s*"
                       r"\([A-Za-z][\w .&-]{0,30}\)\s*[-—–])")


_MOVING = (r"(?:rose|fell|jumped|climbed|dropped|declined|increased|decreased|surged|soared|plunged|slipped|grew|"
           r"slumped|tumbled|doubled|halved|rise|fall|were|are|have)\b")
_MOVED = re.compile(r"\s+" + _MOVING)
# Prices or rates, which a capitalised word before them says the kind of ("House prices"), not whose they are
PRICE_NOUNS = frozenset({"prices", "rates", "rents", "values", "costs", "bills", "yields"})
# A capitalised word, then prices or rates that move: "House prices (across the UK) rose" names no company (but
# "Acme shares fell" does)
_NOUN_MOVING = re.compile(r"\s+(?:" + "|".join(sorted(PRICE_NOUNS)) + r")\s+"
                          r"(?:(?:across|in|at|on|for|from)\s+(?:the\s+)?\S+\s+)?" + _MOVING)


def _plural_moving(name: str, text: str, end: int) -> bool:
    """A plural common noun opening a sentence and then moving ("Murders fell 20%", "Yields rose"): no company."""
    return " " not in name and name[1:].islower() and name.endswith("s") and not name.endswith("ss") \
        and _MOVED.match(text, end) is not None


_OPEN_QUOTE = ('"', "“")
_CLOSE_QUOTE = re.compile(r"[,.]?[\"”]")


def _quoted(text: str, start: int, end: int) -> bool:
    """A title in quotes, the whole of them ("Barbie" made, "Oppenheimer," Christopher Nolan's): a film's, a
    book's or a show's name, which news writes as a name."""
    return start > 0 and text[start - 1] in _OPEN_QUOTE and _CLOSE_QUOTE.match(text, end) is not None


def recognize_organizations(text: str, people: set[str] | None = None) -> list[Mention]:
    """Organization mentions; names in `people` (and their parts) are not organizations."""
    people = people or set()
    person_tokens = {t for p in people for t in p.split()}
    mid_sentence: set[str] = set()
    seen: dict[str, int] = {}
    found: list[tuple[int, int, str, bool]] = []
    title_spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _is_title_case(line):
            title_spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    titles = Spans(title_spans)
    datelines = Spans([(d.start(1), d.end(1)) for d in _DATELINE.finditer(text)] if "(" in text else [])
    for m in _CANDIDATE.finditer(text):
        if datelines.overlaps(m.start(), m.start() + 1):
            continue  # "LOS ANGELES (AP) —": where the story was filed
        for run_start, raw in _runs(m, people):
            name = _trim(raw)
            if not name or name in COMMON_CAPS or name in DEMONYMS or name[:-1] in DEMONYMS or name in people \
                    or name in person_tokens or name in CALENDAR_WORDS or _NOT_A_NAME.fullmatch(name) \
                    or all(part in CALENDAR_WORDS for part in name.split("-")) \
                    or name.rsplit(" ", 1)[-1] in PAY_NAMES:
                continue
            start = run_start + raw.replace("’", "'").find(name)
            end = start + len(name)
            if _CITY_OF.match(text, end):
                continue  # "Columbus, Ohio-based": a city, where a company is based
            # (after "The" opening a sentence, a capital is the name's own: "The Palisades fire has grown")
            at_start = bool(_SENTENCE_START.search(text[max(0, start - 3) : start])) and " " not in name
            in_title = titles.overlaps(run_start, run_start + 1)
            seen[name] = seen.get(name, 0) + 1
            if not in_title and (not at_start or (_VERB_AFTER.match(text, end) and not _plural_moving(name, text, end)
                                                  and not (" " not in name and _NOUN_MOVING.match(text, end)))
                                 or _ROLE_AFTER.match(text, end) or _quoted(text, run_start, run_start + len(raw))):
                mid_sentence.add(name)
            found.append((start, end, name, at_start or in_title))
    out = []
    for start, end, name, doubtful in found:
        if doubtful and name not in mid_sentence:
            # A sentence opener or a headline run: keep the longest known name it starts with.
            heads = [name[:i] for i, ch in enumerate(name) if ch == " "] + [name]  # what it starts with, word by word
            known = [k for k in heads if k in mid_sentence]
            if not known:
                continue
            name = max(known, key=len)
            end = start + len(name)
        out.append(Mention(kind="organization", start=start, end=end, text=text[start:end], value=NameValue(name=name)))
    return out
