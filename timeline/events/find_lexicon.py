"""Word tables for `timeline.events.find`: which words are events, of which TimeML class,
and how a verb group relates to publication.

Every table is data: a frozenset of lower-case lemmas (or a dict), with a comment saying
what a row means. The rules that read them live in `timeline.events.find`; example
sentences that exercise them are in ``tests/test_find.py``. The tables were written by
hand from the TimeML guidelines' word classes and checked against the TimeBank and
AQUAINT training documents (kept only where they helped on both even- and odd-numbered
documents); no table was learned from the corpus.
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ------------------------------------------------------------------ event classes of verbs

# Verbs that report speech or writing: their complement clause is what was said (REPORTING).
REPORTING: Final = _words(
    """say tell report announce add state declare claim note disclose confirm cite indicate
    explain insist remark assert acknowledge admit allege testify describe mention reiterate
    stress emphasize recount repeat brief inform predict warn"""
)

# Reporting verbs that report only with a clause ("warned that prices would rise"); without
# one they are intensional actions ("warned of a strike", I_ACTION below).
REPORTING_ONLY_WITH_CLAUSE: Final = _words("warn predict inform")

# Intensional actions: an action that introduces another event as its argument (I_ACTION):
# "tried to flee", "urged a ceasefire", "prevented the sale".
I_ACTION: Final = _words(
    """try attempt seek promise pledge vow offer urge warn prevent block delay postpone avoid
    cancel threaten assist accuse investigate insist predict pray attribute propose persuade
    convince encourage compel invite permit forbid ban"""
)

# Verbs that are I_ACTION only with a clause or an infinitive ("asked them to leave",
# "decided that ...") or an event noun as object ("called for a strike"), and an OCCURRENCE
# otherwise ("the court named a judge", "he asked a question").
I_ACTION_WITH_COMPLEMENT: Final = _words(
    """help agree ask decide decline fail call order request demand schedule approve name
    appoint nominate elect manage authorize"""
)

# Intensional states: a mental or modal state toward another event (I_STATE).
I_STATE: Final = _words(
    """want wish expect anticipate believe think suppose assume fear worry hope plan need
    require know understand doubt suspect feel like love hate prefer wonder regret desire
    intend seem mean imagine guess reckon trust bet consider aim estimate"""
)

# Aspectual verbs: they pick out the beginning, middle or end of another event (ASPECTUAL).
ASPECTUAL: Final = _words(
    """begin start commence launch initiate continue resume proceed stop end finish complete
    cease halt quit conclude terminate suspend interrupt discontinue"""
)

# Verbs of perception (PERCEPTION).
PERCEPTION: Final = _words("see hear watch witness observe notice spot listen view glimpse sight")

# Verbs of having, lasting and amounting that TimeML annotates as STATE.
STATE_VERBS: Final = _words(
    """have own possess contain remain belong consist exist lack cost total equal represent
    depend deserve live reside become"""
)

# ------------------------------------------------------------------ which verbs are no events

# Dependency labels of a verb that never make it an event: auxiliaries, attributive
# participles ("the proposed merger"), participles the parser makes prepositions.
VERB_NOT_EVENT_DEPS: Final = _words("aux auxpass amod compound prep nmod det")

# Participles that the parser makes prepositions but that TimeML annotates as events, with
# their class: "according to the police" reports.
PREPOSITION_EVENTS: Final = {"according": "REPORTING"}

# Verbs that relate two things rather than tell what happened ("the index includes ...",
# "a firm based in Ohio", "compared with a year earlier", "related to").
NOT_EVENT_VERBS: Final = _words("include base relate compare ally")

# Those of them that are events when they have a subject of their own: "the panel compared the
# two bids" (but "a loss, compared with a profit a year ago" relates two figures).
VERBS_EVENT_WITH_SUBJECT: Final = _words("compare")

# Verbs that with "to" + verb are a modal, not an event of their own ("the mill had to close":
# the closing is the event, TimeML writes "have to" as its modality); TimeBank and AQUAINT mark
# "have" there 3 times in 30.
SEMI_MODALS: Final = _words("have")

# Participles that act as prepositions outside a verb group: "concerning the vote",
# "given the risk", "following the vote".
PARTICIPLE_PREPOSITIONS: Final = _words("concerning regarding following involving excluding given")

# Nouns of a period of time: a participle attached to one only dates it ("the year ended
# March 31", "the quarter ending in June").
PERIOD_NOUNS: Final = _words("year quarter month week period day half season term")

# ------------------------------------------------------------------ verb groups

# Modals of a verb group, as MAKEINSTANCE modality writes them; "will" and "shall" make
# FUTURE tense instead (FUTURE_AUX).
MODALS: Final = {
    "would": "would",
    "'d": "would",
    "could": "could",
    "can": "can",
    "ca": "can",
    "may": "may",
    "might": "might",
    "must": "must",
    "should": "should",
    "ought": "should",
}
FUTURE_AUX: Final = _words("will 'll shall wo sha")

# Determiners that negate the event noun they introduce ("no decision was made").
NEGATING_DETERMINERS: Final = _words("no")

# ------------------------------------------------------------------ adjectives

# Predicate adjectives (after a copula or as an object predicate) that TimeML marks as events.
STATE_ADJECTIVES: Final = _words(
    """willing unwilling able unable responsible aware unaware eligible available unavailable
    successful unsuccessful subject prepared optimistic pessimistic due necessary worried
    concerned confident cautious reluctant eager anxious afraid capable profitable vulnerable
    liable pleased happy unhappy disappointed surprised shocked uncertain unsure open closed
    dead injured missing independent low flat steady stable lower higher weak payable
    convertible worth alert intact silent sick ill"""
)

# Those of them that are a state toward another event (I_STATE; the others are STATE).
I_STATE_ADJECTIVES: Final = _words(
    """willing unwilling able unable prepared eager reluctant confident optimistic pessimistic
    aware unaware worried concerned afraid anxious pleased happy surprised shocked
    disappointed uncertain unsure subject"""
)

# ------------------------------------------------------------------ nouns

# Nouns that name events: happenings, actions and processes common in news.
EVENT_NOUNS: Final = _words(
    """attack war battle fight fighting bombing shooting killing slaying murder assault raid
    strike blast explosion crash collapse fire flood earthquake storm accident incident riot
    protest demonstration rally march uprising revolt revolution coup invasion occupation
    siege ceasefire truce offensive campaign meeting talk summit conference session hearing
    trial ceremony visit trip tour speech interview election referendum vote purchase deal merger
    acquisition takeover buyout offer bid transaction payment loss gain rise fall drop decline
    increase decrease growth slump surge jump rebound recovery crisis recession boom downturn
    decision ruling verdict sentence conviction arrest detention release escape investigation
    inquiry probe search manhunt capture seizure agreement settlement dispute negotiation
    discussion announcement remark testimony move change shift return departure arrival
    withdrawal retreat resignation appointment nomination effort attempt proposal request
    appeal demand call threat warning death birth funeral wedding embargo sanction boycott
    closing closure opening launch cut reduction expansion restructuring reorganization split
    spinoff conflict violence crackdown celebration festival response reaction
    clash confrontation standoff skirmish ambush bombardment assassination genocide massacre
    execution abduction rampage sabotage torture tragedy disaster collision derailment outage
    blackout spill leak rain snowfall drought famine epidemic outbreak eruption hurricane typhoon
    cyclone tornado quake aftershock landslide avalanche entry exit rescue evacuation deployment
    buildup pullout reunion plunge selloff slide tumble reversal redemption outflow inflow
    disposal layoff cutback bailout auction close start delay pause halt hiatus shutdown
    stoppage standstill walkout lockout downgrade upgrade approval ratification extradition
    cancellation repeal veto recall acquittal sentencing inquest autopsy burial vigil parade
    mediation inauguration liftoff discovery conversation debate dialogue criticism action act
    use help assistance initiative involvement commitment cooperation impact failure triumph"""
)

# The class of an event noun when it is not OCCURRENCE.
NOUN_CLASSES: Final = {
    "attempt": "I_ACTION",
    "announcement": "REPORTING",
    "testimony": "REPORTING",
}

# Head nouns with an eventive suffix that name things, bodies, places or qualities.
NOT_EVENT_NOUNS: Final = _words(
    """nation station population position information government management department
    apartment equipment document instrument monument parliament environment tournament
    amendment official individual capital material animal hospital terminal ration section
    portion region generation organization corporation institution administration
    association federation commission authority union opposition coalition foundation
    question condition situation tradition relation percent culture structure future
    picture feature nature temperature literature legislature signature measure procedure
    television division vision version pension mansion dimension total rival period interval
    principal criminal general potential"""
)

# Nouns in "-ing" that are things or times, or a market's activity, not the act of a verb.
NOT_EVENT_ING_NOUNS: Final = _words(
    """morning evening building ceiling spring string king ring wing earning holding saving
    feeling meaning setting clothing housing lodging offspring trading rating funding financing
    spending pricing"""
)

# Suffixes (of the lemma) that make a head noun an event when it takes an "of" argument
# ("the acquisition of the bank", "the deployment of troops"); alone such a noun is as often
# a thing ("the station", "the department"). ("-al", "-ure", "-ance", "-ence" with "of" were
# measured too: they name things as often as events, "the capital of", "the future of".)
EVENT_NOUN_SUFFIXES: Final = ("tion", "ment")

# Suffixes that make an event noun on their own: "-sion" ("decision", "invasion").
EVENT_NOUN_SUFFIXES_ALONE: Final = ("sion",)

# Light and aspectual verbs: their direct object noun is the event ("conduct a raid",
# "complete the sale", "resume the search"). ("make" was measured too: "make a profit",
# "make cars" name things as often as "make a decision" names an event.)
LIGHT_VERBS: Final = _words(
    "conduct stage launch begin start continue complete end resume finish halt suspend"
)

# Dependency labels under which a noun is a head that may name an event (not a compound
# modifier, a possessor or an adverbial noun phrase).
NOUN_EVENT_DEPS: Final = _words("pobj dobj nsubj nsubjpass conj attr ROOT oprd appos dep ccomp advcl")

# ------------------------------------------------------------------ relation to publication

# Relation to publication of a verb group by (tense, aspect): a past event lies before
# publication, a present one around it, a present perfect ("has risen") before it, a future
# after it; an "-ing" participle goes on around its time, an "-ed" participle is done.
T0_BY_TENSE_ASPECT: Final = {
    ("PAST", "NONE"): "BEFORE",
    ("PAST", "PERFECTIVE"): "BEFORE",
    ("PAST", "PROGRESSIVE"): "BEFORE",
    ("PAST", "PERFECTIVE_PROGRESSIVE"): "BEFORE",
    ("PRESENT", "NONE"): "INCLUDES",
    ("PRESENT", "PROGRESSIVE"): "INCLUDES",
    ("PRESENT", "PERFECTIVE"): "BEFORE",
    ("PRESENT", "PERFECTIVE_PROGRESSIVE"): "INCLUDES",
    ("FUTURE", "NONE"): "AFTER",
    ("FUTURE", "PROGRESSIVE"): "AFTER",
    ("FUTURE", "PERFECTIVE"): "AFTER",
    ("FUTURE", "PERFECTIVE_PROGRESSIVE"): "AFTER",
    ("PRESPART", "NONE"): "INCLUDES",
    ("PRESPART", "PROGRESSIVE"): "INCLUDES",  # "being sought"
    ("PRESPART", "PERFECTIVE"): "BEFORE",  # "having said"
    ("PASTPART", "NONE"): "BEFORE",
    ("INFINITIVE", "PERFECTIVE"): "BEFORE",  # "to have left"
}

# Relation to publication of a modal verb group without "have": "can" is ability now, the
# others look ahead ("said the talks would resume", "may fall", "must decide"). With "have"
# ("could have avoided") the event is BEFORE; with "be" + "-ing" it is INCLUDES.
T0_BY_MODAL: Final = {
    "can": "INCLUDES",
    "would": "AFTER",
    "could": "AFTER",
    "may": "AFTER",
    "might": "AFTER",
    "must": "AFTER",
    "should": "AFTER",
}

# Modals that, negated outside a reported clause, tell a refusal or failure that already
# happened: "the minister would not comment", "he could not be reached" are BEFORE.
REFUSAL_MODALS: Final = _words("would could")

# A "to"-infinitive looks ahead ("expected to rise"); an event noun whose governor says
# nothing names what already happened.
T0_INFINITIVE: Final = "AFTER"
T0_NOUN: Final = "BEFORE"

# Participles and adjectives before an event noun that put it ahead of publication whatever the
# verb around it: "the planned conclusion", "the proposed merger", "the upcoming vote".
PLANNED_MODIFIERS: Final = _words("plan schedule propose expect upcoming promise intend forthcoming")
