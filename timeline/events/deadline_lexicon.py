"""The deadline grammar as data: the words of each form, the updates and the negatives.

`timeline.events.deadlines` reads these tables on the parse; the examples of each form are
run as tests (`tests/deadlines/corpus.tsv`, `tests/test_deadline_corpus.py`). Every table is
compared with the lemma (lower case) of a word of the parse.
"""

from __future__ import annotations

from typing import Final

#: verbs that demand what their infinitive says ("gave households until Friday to register")
DEMANDS: Final = frozenset("ask tell urge order demand give warn instruct call direct require".split())
#: verbs that commit their subject to their infinitive ("agreed to exchange prisoners by Friday")
COMMITMENTS: Final = frozenset("agree promise pledge vow undertake commit".split())
#: words that make a dated event a deadline wherever they bear on it
DEADLINE_WORDS: Final = frozenset("deadline ultimatum expire expiry expiration".split())
#: verbs that put a state in place: "for 60 days" after them runs from then on ("has declared a
#: curfew for 60 days"), not back from publication
IMPOSING: Final = frozenset("declare impose extend suspend ban order grant approve close shut".split())


#: verbs that set, give or move a limit: dated by it, they keep their own tense ("Dunkin' has set
#: Nov. 10 as the deadline": the setting is past)
SETTING: Final = frozenset("set give grant impose issue extend push postpone delay defer move bring advance "
                           "reschedule change shift".split())

#: nouns that name a limit: "a deadline of 5 p.m.", "the cutoff is Friday", "a 60-day ultimatum"
LIMIT_NOUNS: Final = frozenset("deadline deadlines cutoff cut-off ultimatum".split())
#: nouns that name a limit with a modifier: "the due date", "the closing date", "the last day to"
DATE_NOUNS: Final = {"date": frozenset("due closing expiry expiration filing final cutoff cut-off deadline".split()),
                     "day": frozenset("last final".split())}
#: verbs by which a limit runs out: "the ultimatum expires at midnight", "the permit lapses"
EXPIRING: Final = frozenset("expire lapse".split())
#: "runs out": the verb and its particle
RUN_OUT: Final = ("run", "out")
#: what can close or be open until a time as an obligation: "registration closes on Dec. 5",
#: "applications are open until Friday" (a shop or a museum that closes keeps a schedule)
CLOSABLE: Final = frozenset((
    "registration enrollment enrolment application applications nomination nominations submission "
    "submissions entry entries poll polls voting ballot bidding bid bids tender offer window period "
    "consultation comment comments sign-up signup filing filings claim claims petition vote auction"
).split())
#: verbs of closing
CLOSING: Final = frozenset("close end".split())
#: an order that takes hold at a time: "the curfew takes effect at 10 p.m.", "the ban comes into force"
EFFECT_NOUNS: Final = frozenset("effect force".split())
EFFECT_VERBS: Final = frozenset("take go come enter".split())
#: modals and verbs of obligation before a limit: "must register by", "are required to file by"
OBLIGING: Final = frozenset("must should need require have ought suppose oblige compel force".split())
#: verbs that give time: "were given a 60-day deadline", "has 14 days to respond"
GIVING: Final = frozenset("give have get grant allow set issue impose".split())
#: verbs whose object or subject is the thing handed in until a time: "entries are accepted until"
ACCEPTING: Final = frozenset("accept receive take submit file".split())
#: a deadline moved: the new limit is the mention after "to", "until", "for"; the old after "from"
MOVING: Final = {
    "extend": "extended", "push": "pushed back", "postpone": "postponed", "delay": "postponed",
    "defer": "postponed", "move": "moved", "bring": "moved up", "advance": "moved up",
    "reschedule": "moved", "change": "moved", "shift": "moved", "set": "moved",
}
#: an update that closes an obligation, by the word that tells it: status it gives
CLOSING_UPDATES: Final = {
    "call off": "cancelled", "cancel": "cancelled", "scrap": "cancelled", "drop": "cancelled",
    "withdraw": "cancelled", "rescind": "cancelled", "lift": "cancelled", "avert": "cancelled",
    "meet": "met", "comply": "met", "beat": "met",
}
#: "passed": the limit is over (said of the deadline itself: "the deadline passed without a deal")
PASSING: Final = frozenset("pass expire lapse".split())
#: words after a length that count it from an event, not to a limit: "two days after the vote"
AFTER_WORDS: Final = frozenset("after later since ago".split())
#: states that last until a time: a span, not a limit ("the ceasefire will last until Friday")
STATE_SPANS: Final = frozenset("last remain stay continue run hold keep be wait sit".split())
#: a bill or proposal that failed: its conditions are no deadline
BILL_NOUNS: Final = frozenset("bill measure proposal amendment motion resolution plan legislation".split())
FAILED: Final = frozenset("fail reject defeat veto kill die sink block".split())
#: words that make a time recur ("every day", "each week", "on weekdays"): a schedule, not a limit
RECURRING: Final = frozenset("daily nightly weekdays weekends weekly".split())
RECURRING_AFTER_EVERY: Final = frozenset((
    "day week month year morning evening night hour weekday weekend monday tuesday wednesday thursday "
    "friday saturday sunday"
).split())
#: the words of a "no later than" relation, as the relation "by"
NO_LATER: Final = (("no", "later", "than"), ("not", "later", "than"), ("no", "later"))
#: words before a mention that make it a limit
BY_WORDS: Final = frozenset("by before".split())
UNTIL_WORDS: Final = frozenset("until till through thru".split())
#: verbs a notice puts first, as an order to its reader: "Register by April 22", "Apply by Friday"
IMPERATIVES: Final = frozenset("register apply submit file enroll enrol renew respond return rsvp sign vote order book".split())
#: verbs of expecting and planning: "expects to close the deal by June" is no obligation
EXPECTING: Final = frozenset("expect hope aim plan forecast predict project anticipate intend seek want".split())
#: what falls "due" on a date as a maturity, not a limit: "bonds due 1993", "notes due Nov. 1, 2004"
MATURING: Final = frozenset("bond bonds note notes debenture debentures loan loans security securities "
                            "bill bills mortgage mortgages certificate certificates issue".split())
#: what is "due" on a date as an expected event: "the general election due this September"
EXPECTED_DUE: Final = frozenset("election elections vote verdict ruling decision result results visit arrival "
                                "baby birth storm monsoon rain launch".split())
#: what takes effect at a time as an order: "the curfew takes effect at 10 p.m." (an appointment or a
#: new office that takes effect is no obligation)
ORDER_NOUNS: Final = frozenset((
    "order orders ban bans curfew rule rules law laws regulation regulations requirement requirements mandate "
    "tariff tariffs tax taxes levy fee fees limit limits restriction restrictions criteria policy ordinance "
    "measure measures sanction sanctions ceasefire truce suspension closure evacuation lockdown moratorium "
    "freeze increase cut cuts change changes"
).split())
#: modals that open a window to act: "Families can apply by Nov. 30"
PERMITTING: Final = frozenset("can may".split())
