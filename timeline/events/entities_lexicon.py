"""The tables behind entities and merging (`timeline.events.entities`, `timeline.events.build`).

Each table is data; ``EXAMPLES`` are run as tests (tests/test_entities.py).
"""

from __future__ import annotations

from typing import Final

#: words after a company's name that a short form drops ("Boeing Co." is "Boeing")
NAME_SUFFIXES: Final = frozenset(
    "co co. corp corp. corporation inc inc. incorporated ltd ltd. limited plc llc ag sa nv se group holdings "
    "company".split())

#: the last word of a company's name that its short form drops ("Kestrel Motors" is "Kestrel",
#: "Kestrel's chief"); it stays in the full name
BUSINESS_WORDS: Final = frozenset(
    "motors motor airlines airways air aerospace bank banks pharma pharmaceuticals energy systems "
    "industries shipping lines technologies technology electric foods media capital partners telecom "
    "mining oil steel resources international insurance petroleum chemicals logistics automotive".split())

#: small words an acronym skips ("International Monetary Fund" is "IMF", "Bank of England" is "BoE" or "BOE")
ACRONYM_SKIPS: Final = frozenset("of the and for on in & de du des la le".split())

#: words that never name an entity on their own
NAME_STOPS: Final = frozenset("the a an of and 's ' s".split())

#: pronouns a participant may be, and what they can stand for: "person" (he, she), "thing"
#: (it: a singular noun or a name), "group" (they: a plural noun, or a collective name)
PRONOUNS: Final[dict[str, str]] = {
    "he": "person", "him": "person", "his": "person", "himself": "person",
    "she": "person", "her": "person", "hers": "person", "herself": "person",
    "it": "thing", "its": "thing", "itself": "thing",
    "they": "group", "them": "group", "their": "group", "theirs": "group", "themselves": "group",
}

#: nouns that name a person (a pronoun "he" / "she" may stand for them), beside proper names
PERSON_NOUNS: Final = frozenset(
    "minister president premier chancellor spokesman spokeswoman spokesperson official leader chief "
    "director chairman chairwoman chair ambassador speaker governor mayor secretary general commander "
    "judge prosecutor lawyer executive ceo founder manager senator lawmaker envoy negotiator king queen "
    "prince man woman boy girl captain coach striker player analyst economist".split())

#: collective nouns that "they" / "it" may both stand for
COLLECTIVE_NOUNS: Final = frozenset(
    "company government union council parliament committee board militia police army team party "
    "ministry bank firm group agency court assembly cabinet league club".split())

#: nouns that, after "the" and with nothing else ("the company", "the utility", "the federation";
#: not "the board of X"), stand for a
#: name told before: resolved to the nearest name before them (a subject first), in their sentence
#: or the two before
DEFINITE_NOUNS: Final = frozenset(
    "company firm utility authority federation union carrier airline bank lender regulator agency "
    "commission ministry group maker manufacturer insurer retailer operator automaker insurer "
    "organisation organization charity".split())

#: event nouns and the verb they name, so that "the meeting" and "met" are one trigger
NOUN_VERBS: Final[dict[str, str]] = {
    "meeting": "meet", "election": "elect", "announcement": "announce", "resignation": "resign",
    "arrival": "arrive", "departure": "depart", "signing": "sign", "launch": "launch",
    "opening": "open", "closure": "close", "closing": "close", "withdrawal": "withdraw",
    "agreement": "agree", "acquisition": "acquire", "merger": "merge", "payment": "pay",
    "delivery": "deliver", "recall": "recall", "strike": "strike", "vote": "vote", "ballot": "vote",
    "march": "march", "protest": "protest", "rally": "rally", "hearing": "hear", "trial": "try",
    "release": "release", "publication": "publish", "sale": "sell", "investment": "invest",
    "attack": "attack", "explosion": "explode", "collapse": "collapse", "crash": "crash",
    "summit": "meet", "talks": "talk", "talk": "talk", "negotiation": "negotiate",
    "inauguration": "inaugurate", "appointment": "appoint", "approval": "approve", "decision": "decide",
    "conclusion": "conclude", "completion": "complete", "test": "test", "flight": "fly",
    "shutdown": "shut", "suspension": "suspend", "evacuation": "evacuate", "arrest": "arrest",
}

#: light verbs whose event is their object noun: "hold a rally", "plan a strike" are the rally, the strike
LIGHT_VERBS: Final = frozenset("hold stage plan call organise organize host have schedule announce threaten".split())

#: nouns a light verb may take as its event beside `NOUN_VERBS` and the event nouns of
#: `timeline.events.find_lexicon` ("will hold the run-off")
LIGHT_VERB_NOUNS: Final = frozenset(
    "run-off runoff poll referendum primary ceremony session hearing debate match game concert festival "
    "parade race conference congress convention auction sale exhibition".split())

#: verbs whose subject is the event ("the debate will go ahead", "the talks took place"), with the word
#: they need after them (None: none)
SUBJECT_EVENT_VERBS: Final[dict[str, str | None]] = {
    "go": "ahead", "take": "place", "happen": None, "occur": None, "proceed": None,
}

#: verbs that move another event in time: the event is their object, or their subject when passive
#: ("postponed the vote", "the vote was postponed"); its date is the new one
MOVE_VERBS: Final = frozenset(
    "postpone delay reschedule move defer push bring put shift adjourn advance".split())

#: words of a sentence that say a later report updates an earlier one, lower case, matched on
#: word bounds; the date of the later report replaces the earlier one instead of a conflict
UPDATE_CUES: Final = (
    "postponed", "postpones", "postponing", "delayed", "delays", "rescheduled", "reschedules",
    "pushed back", "brought forward", "moved up", "moved to", "moved the", "put off", "deferred",
    "now says", "now say", "now said", "now expects", "now expected", "now plans", "now planned",
    "now set", "now scheduled", "instead", "corrected", "revised", "has been changed",
)

#: the most days two dates of one event may lie apart to be flagged as a conflict; further apart,
#: two reports with the same trigger and participants tell two events (a quarterly loss, a
#: yearly vote)
CONFLICT_WINDOW_DAYS: Final = 7

#: classes of event words never merged nor flagged across documents: what one reports or perceives
#: on a day is not the same saying as another's on another day
UNMERGED_CLASSES: Final = frozenset({"REPORTING", "PERCEPTION"})

#: examples run as tests: (name asked, participant text, does it name the entity?)
EXAMPLES: Final = (
    ("Boeing", "Boeing Co.", True),
    ("Boeing Co.", "Boeing", True),
    ("Boeing", "Boeing's chief executive", True),
    ("Boeing", "the Boeing 737 MAX", True),
    ("International Monetary Fund", "the IMF", True),
    ("IMF", "the International Monetary Fund", True),
    ("IMF", "imf officials", False),
    ("Boeing", "Airbus", False),
    ("Kestrel Motors", "Kestrel's chief executive", True),
    ("Kestrel Motors", "Kestrel Airways", False),
    ("Bank of England", "the BoE", True),
    ("Jane Okafor", "Okafor", True),
    ("Jane Okafor", "John Okafor", False),
    ("Iraq", "Iraq's parliament", True),
    ("Iran", "Iraq's parliament", False),
)
