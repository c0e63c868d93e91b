"""Word tables for `timeline.events.find`: which words are events, of which TimeML class.

Every table is data: a frozenset of lower-case lemmas (or a dict), with a comment saying
what a row means. The rules that read them live in `timeline.events.find`; the example
sentences that exercise them are in ``tests/test_find.py``.
"""

from __future__ import annotations

from typing import Final

# Verbs that report speech or writing: their complement clause is what was said (REPORTING).
REPORTING: Final = frozenset(
 """say tell report announce add state declare claim note disclose confirm cite
 indicate explain insist remark assert acknowledge admit allege
 testify describe mention reiterate stress emphasize recount repeat brief
 inform predict warn""".split()
)

# Reporting words that are only reporting when they take a clause or a hearer (a bare
# "warn", "predict" are intensional actions in TimeML: see I_ACTION below).
REPORTING_ONLY_WITH_CLAUSE: Final = frozenset("warn predict inform".split())

# Intensional actions: an action that introduces another event as its argument (I_ACTION):
# "tried to flee", "urged a ceasefire", "prevented the sale".
I_ACTION: Final = frozenset(
    """try attempt seek promise pledge vow offer urge warn prevent block delay postpone
    avoid cancel threaten assist accuse investigate insist predict pray attribute propose
    persuade convince encourage compel invite permit forbid ban""".split()
)

# Verbs that are I_ACTION only when they have a clause or an infinitive ("asked them to
# leave", "decided that ...", "called for a strike" through an event noun), and an
# OCCURRENCE otherwise ("the court named a judge", "he asked a question").
I_ACTION_WITH_COMPLEMENT: Final = frozenset(
    """help agree ask decide decline fail call order request demand schedule approve name
    appoint nominate elect manage authorize""".split()
)

# Intensional states: a mental or modal state about another event (I_STATE).
I_STATE: Final = frozenset(
 """want wish expect anticipate believe think suppose assume fear worry hope plan
 need require know understand doubt suspect feel like love hate prefer wonder
    regret desire intend seem mean imagine guess reckon trust bet consider aim estimate""".split()
)

# Aspectual verbs: they pick out the beginning, middle or end of another event (ASPECTUAL).
ASPECTUAL: Final = frozenset(
 """begin start commence launch initiate continue resume proceed 
 stop end finish complete cease halt quit conclude terminate suspend interrupt
 discontinue""".split()
)

# Perception verbs (PERCEPTION).
PERCEPTION: Final = frozenset("see hear watch witness observe notice spot listen view glimpse sight".split())

# Verbs of having, being and lasting that TimeML annotates as STATE.
STATE_VERBS: Final = frozenset(
 """have own possess contain include remain belong consist exist lack
 cost total equal represent depend deserve live reside become""".split()
)

# Lemmas that the I_ACTION / I_STATE tables share with the reporting table are reporting only
# when they take a clause; these are the ones whose plain use is an action.

# "be" and other verbs that are never events on their own as auxiliaries.
AUXILIARY_LEMMAS: Final = frozenset("be have do will shall would can could may might must".split())

# Modals of a verb group, as TimeML writes them in MAKEINSTANCE modality; "will" and "shall"
# make FUTURE tense instead.
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
FUTURE_AUX: Final = frozenset("will 'll shall wo sha".split())

# Words that negate the verb group they modify (as a "neg" child or an adverb of the verb).
NEGATORS: Final = frozenset("not n't never no nothing neither nor".split())

# Dependency labels of a verb that never make it an event: auxiliaries, attributive
# participles ("the proposed merger"), participle prepositions ("according to", "including").
VERB_NOT_EVENT_DEPS: Final = frozenset("aux auxpass amod compound prep nmod det".split())

# Verbs that relate two things rather than tell what happened ("the index includes ...",
# "a firm based in Ohio", "compared with a year earlier").
NOT_EVENT_VERBS: Final = frozenset("include base relate compare ally".split())

# Participles that the parser makes prepositions but that TimeML annotates as events, with
# their class: "according to the police" reports.
PREPOSITION_EVENTS: Final = {"according": "REPORTING"}

# Participles that act as prepositions outside a verb group: "concerning the vote",
# "given the risk". ("according to" is a REPORTING event in TimeML.)
PARTICIPLE_PREPOSITIONS: Final = frozenset(
    """concerning regarding following involving excluding given""".split()
)

# Nouns of a period of time: a participle attached to one only dates it ("the year ended
# March 31", "the quarter ending in June").
PERIOD_NOUNS: Final = frozenset("year quarter month week period day half season term".split())

# Predicate adjectives that TimeML marks as states (after a copula or as an object predicate).
STATE_ADJECTIVES: Final = frozenset(
 """willing unwilling able unable responsible aware unaware eligible available
 unavailable successful unsuccessful subject prepared optimistic pessimistic due 
 necessary worried concerned confident cautious reluctant eager anxious afraid capable
 profitable vulnerable liable pleased happy unhappy 
 disappointed surprised shocked uncertain unsure 
 open closed dead injured missing 
 independent low flat steady stable lower higher weak 
 payable convertible worth alert intact silent sick ill""".split()
)

# Adjectives that are I_STATE (a state toward another event).
I_STATE_ADJECTIVES: Final = frozenset(
 """willing unwilling able unable prepared eager reluctant confident optimistic
 pessimistic aware unaware worried concerned afraid anxious pleased happy
 surprised shocked disappointed uncertain unsure 
 determined careful subject""".split()
)

# Nouns that name events: happenings, actions and processes common in news.
EVENT_NOUNS: Final = frozenset(
 """attack war battle fight fighting bombing shooting killing slaying murder assault raid
 strike blast explosion crash collapse fire flood earthquake storm accident incident
 riot protest demonstration rally march uprising revolt revolution coup invasion
 occupation siege ceasefire truce offensive campaign 
 meeting talk talks summit conference session hearing trial ceremony visit trip tour
 speech interview election referendum 
 purchase deal merger acquisition takeover buyout offer bid transaction
 payment loss gain rise fall drop decline increase decrease growth slump surge jump
 rebound recovery crisis recession boom downturn
 decision ruling verdict sentence conviction arrest detention release escape
 investigation inquiry probe search manhunt capture seizure
 agreement settlement dispute negotiation negotiations discussion
 announcement remarks testimony
 move change shift return departure arrival withdrawal retreat resignation
 appointment nomination
 effort attempt proposal request appeal demand call threat warning
 death birth funeral wedding
 embargo sanction sanctions boycott
 closing closure opening launch
 cut cuts reduction expansion
 
 restructuring reorganization
 split spinoff
 conflict violence crackdown
 celebration festival 
 response reaction""".split()
)

# Head nouns with an eventive suffix that are NOT events (things, bodies, fields, qualities).
NOT_EVENT_NOUNS: Final = frozenset(
    """nation station population position information government management department
    apartment equipment document instrument monument parliament environment
    tournament amendment official individual capital material animal hospital
    terminal proposal_not_used portion ration section portion region generation
    organization corporation institution administration association federation
    commission authority union opposition coalition population foundation
    question condition situation tradition relation nation nations percent
    culture structure future picture feature nature temperature literature
    legislature signature measure procedure
    television division vision version pension mansion dimension
    total rival period interval principal criminal general potential
    trading_house""".split()
)

# Eventive noun suffixes (lower-case), tried on the lemma of a head noun. A noun in one of
# these is an event when it takes an "of" argument ("the acquisition of the bank", "the
# removal of troops"); alone it is as often a thing ("the station", "the department").
EVENT_NOUN_SUFFIXES: Final = ("tion", "ment", "ure", "al", "ance", "ence")
# Suffixes that make an event noun on their own: "-sion" ("decision", "invasion").
EVENT_NOUN_SUFFIXES_ALONE: Final = ("sion",)

# Light and aspectual verbs: their direct object noun is the event ("make a decision",
# "complete the sale", "resume the search").
LIGHT_VERBS: Final = frozenset(
    """make conduct stage launch begin start continue complete end resume finish halt
    suspend""".split()
)

# Nouns in "-ing" that are things or times, not the act of a verb.
NOT_EVENT_ING_NOUNS: Final = frozenset(
    """morning evening thing building ceiling spring string king ring wing earning earnings
    holding holdings saving savings feeling meaning opening_hours setting clothing
    housing lodging offspring trading""".split()
)

# Dependency labels under which a noun is a head that may name an event.
NOUN_EVENT_DEPS: Final = frozenset(
    "pobj dobj nsubj nsubjpass conj attr ROOT oprd appos dep ccomp advcl".split()
)

# Relation to publication of a finite verb group, by (tense, aspect): a past event lies before
# publication, a present one around it, a present perfect ("has risen") before it, a future after.
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
    # participles without a finite verb: "-ing" forms go on around their time, "-ed" forms are done
    ("PRESPART", "NONE"): "INCLUDES",
    ("PASTPART", "NONE"): "BEFORE",
    ("PRESPART", "PROGRESSIVE"): "INCLUDES",  # "being sought"
    ("PRESPART", "PERFECTIVE"): "BEFORE",  # "having said"
    ("INFINITIVE", "PERFECTIVE"): "BEFORE",  # "to have left"
}

# Relation to publication of a modal verb group without "have": "can" is ability now, the
# others look ahead ("would resume", "may fall", "must decide"). With "have" ("could have
# avoided") the event is BEFORE; with "be" + "-ing" it is INCLUDES.
T0_BY_MODAL: Final = {
    "can": "INCLUDES",
    "would": "AFTER",
    "could": "AFTER",
    "may": "AFTER",
    "might": "AFTER",
    "must": "AFTER",
    "should": "AFTER",
}

# Relation of an infinitive or a noun without a governor that says anything: "to"-infinitives
# look ahead; event nouns in news name what already happened.
T0_INFINITIVE: Final = "AFTER"
T0_NOUN: Final = "BEFORE"
