"""Word tables for finding events: rows of surface forms, no code.

Event triggers are guessed from a small lexicon of verbs and event nouns, from
suffixes (``-tion``, ``-ment``, ``-ed``, ``-ing``) and from the words around
them (an auxiliary or ``to`` before a word makes it a verb). No tagger model.
"""

from __future__ import annotations

from typing import Final

#: auxiliaries: tense and aspect, never triggers themselves
BE: Final = frozenset("be is are was were been being am 're 's".split())
HAVE: Final = frozenset("have has had having 've 'd".split())
DO: Final = frozenset("do does did".split())
MODALS: Final = frozenset("will would shall should can could may might must 'll wo ca".split())
FUTURE_AUX: Final = frozenset("will shall 'll wo".split())
AUXILIARIES: Final = BE | HAVE | DO | MODALS

#: words that say an event is expected: "is expected to vote", "is set to meet"
FUTURE_WORDS: Final = frozenset(
    """expected expects expect scheduled planned plans plan planning intends intend intended
    due set slated poised going aims aim prepared preparing promised promises threatened threatens
    upcoming proposed will shall 'll""".split()
)
#: words (before a trigger) that make it a state over time
NEGATIONS: Final = frozenset("not n't never no".split())

DETERMINERS: Final = frozenset(
    """the a an this that these those its his her their our my your some any no every each another
    such all both either neither much many more most several few""".split()
)
PREPOSITIONS: Final = frozenset(
    """of in on at by for with from to into onto during since until till through throughout within
    about against between among amid amidst under over after before around across per via than
    toward towards upon without despite including following like near beyond""".split()
)
PRONOUNS: Final = frozenset("i you he she it we they him them us me who whom whose which what".split())
#: words that end a clause for the description and the link search
CLAUSE_WORDS: Final = frozenset(
    """which who whom whose where while whereas although though because since unless if when
    whether but and or so""".split()
)
CONJUNCTIONS: Final = frozenset("and or but".split())
REPORTING: Final = frozenset(
    """said say says saying told tell tells added adds announced announce announces reported report
    reports stated noted declared claimed claims""".split()
)

# Common verbs of news text, base forms; inflections are derived (see `verb_forms`).
VERBS: Final = tuple(
    """accept accuse acquire act add address agree aim allow announce appear apply approve argue
    arrest arrive ask attack attend avoid award back ban bar battle bear beat become begin believe
    block boost borrow break bring build buy call campaign cancel capture carry cause cease change
    charge check choose claim clash close collapse come comment complete concede conclude confirm
    consider continue control convict cost criticize cut deal debate decide decline defeat defend
    delay deliver demand deny deploy describe destroy die discuss dismiss drop earn elect end
    enter escape establish evacuate expand expect explode face fail fall fear file fight finish fire
    flee fly follow force form free freeze gain gather get give go grow hand happen hear help hire hit
    hold hope hurt identify impose improve include increase indicate injure insist intend introduce
    invade invest invite issue join jump keep kill know launch lead leave lift limit lose make march
    meet merge miss move name need negotiate note obtain occur offer open oppose order own pass pay
    permit plan plead plunge post postpone predict prepare present press prevent promise propose
    protest prove provide pull purchase push quit raise rally reach react receive recover reduce
    refuse reject release remain remove replace report request require resign resolve respond rest
    resume retire return reveal rise rule run say schedule seek seize sell send sentence serve set
    settle shoot show shut sign sink slam slip slow slump soar speak spend split stand start stay
    step stop strike study submit suffer suggest support surge surrender suspend take talk target tell
    tend terminate testify threaten total trade train transfer travel try turn urge use visit vote
    wait want warn watch weaken widen win withdraw work worsen wound write yield
    acknowledge adopt affect announce assume average benefit bid blame bolster climb collect compete
    comply consummate contribute convert decrease deteriorate develop disclose discover dismiss
    distribute double downgrade edge eliminate emerge enable ease estimate exceed exercise expire
    extend feel find finance fluctuate gain grant guarantee halt hurt import export jail kidnap
    lag lend locate lower manage mark narrow notify outpace overcome participate pledge price
    proceed produce project publish qualify rebound recall recommend reflect register relate rely
    renew repay represent restate restructure retain review revise run save see shed slash slide
    soften sponsor stabilize stem succeed surpass surrender survive sustain tighten trim triple
    underwrite upgrade vow welcome worry""".split()
)
IRREGULAR: Final = {
    "be": "was were been", "become": "became become", "begin": "began begun", "break": "broke broken",
    "bring": "brought", "build": "built", "buy": "bought", "choose": "chose chosen", "come": "came",
    "cut": "cut", "deal": "dealt", "fall": "fell fallen", "fight": "fought", "flee": "fled",
    "fly": "flew flown", "freeze": "froze frozen", "get": "got gotten", "give": "gave given",
    "go": "went gone", "grow": "grew grown", "hear": "heard", "hit": "hit", "hold": "held",
    "hurt": "hurt", "keep": "kept", "know": "knew known", "lead": "led", "leave": "left",
    "lose": "lost", "make": "made", "meet": "met", "pay": "paid", "put": "put", "quit": "quit",
    "rise": "rose risen", "run": "ran", "say": "said", "see": "saw seen", "seek": "sought",
    "sell": "sold", "send": "sent", "set": "set", "shoot": "shot", "shut": "shut", "sink": "sank sunk",
    "speak": "spoke spoken", "spend": "spent", "split": "split", "stand": "stood", "strike": "struck",
    "swear": "swore sworn", "take": "took taken", "tell": "told", "think": "thought", "win": "won",
    "withdraw": "withdrew withdrawn", "write": "wrote written", "bear": "bore born", "beat": "beat beaten",
    "find": "found", "feel": "felt", "forecast": "forecast", "bid": "bid",
    "shrink": "shrank shrunk", "lay": "laid", "throw": "threw thrown", "shed": "shed", "spread": "spread",
    "slide": "slid", "undergo": "underwent undergone", "overcome": "overcame", "arise": "arose arisen",
    "drive": "drove driven", "draw": "drew drawn", "eat": "ate eaten", "forget": "forgot forgotten",
    "hang": "hung", "lend": "lent", "let": "let", "light": "lit", "mean": "meant", "ride": "rode ridden",
    "seek": "sought", "shake": "shook shaken", "sing": "sang sung", "steal": "stole stolen",
    "sweep": "swept", "teach": "taught", "wake": "woke woken", "wear": "wore worn", "bind": "bound",
}

# Verbs that put a state in place: "for 60 days" after them is how long the state lasts from
# then on, not a state that has run up to publication ("has declared a curfew for 60 days")
IMPOSING: Final = frozenset(
    """declare declares declared impose imposes imposed extend extends extended suspend suspends
    suspended ban bans banned order orders ordered grant grants granted approve approves approved
    close closes closed shut shuts""".split()
)

# Nouns that name events ("the vote", "Saturday's attacks"); plurals are derived.
EVENT_NOUNS: Final = frozenset(
    """attack strike vote election meeting talks summit session conference visit trip war crisis deal
    agreement offer sale sales trading loss profit earnings decline increase rise drop fall gain growth
    merger acquisition takeover invasion bombing shooting explosion blast raid protest march rally
    ceremony funeral trial hearing ruling verdict launch release announcement statement report
    withdrawal arrival departure approval proposal deadline ultimatum retaliation revenge response
    killing death assassination coup fighting battle offensive operation ceasefire truce negotiation
    negotiations deployment invitation ouster resignation appointment closure collapse crash storm
    quake earthquake flood fire disaster accident incident event plan policy purchase bid sanctions
    boycott strike walkout reading debate hike cut cuts recession recovery rebound slump surge plunge
    dividend payment issue offering shutdown lockout visit interview speech address tour campaign
    celebration anniversary holiday freeze settlement charge charges change changes move
    results income revenue revenues output production spending inflation exports imports orders
    shipments deficit surplus losses profits gains earnings turnaround cutback slide squeeze
    referendum proceedings remarks warnings crimes buy-out buyout takeover power-grab cease-fire
    pricing pricings offering offerings trading
    pause delay suspension hiatus lockdown curfew blockade siege occupation embargo ban crackdown
    uprising revolution riot riots unrest clash clashes conflict dispute standoff insurgency
    outbreak pandemic epidemic famine drought detention""".split()
)
#: -tion / -ment / ... words that are not events
NOT_EVENT_NOUNS: Final = frozenset(
    """nation nations station stations portion portions million billion trillion government governments
    department departments apartment management administration corporation corporations organization
    organizations institution institutions position positions population question questions
    information section sections region option options condition conditions relation relations
    foundation location association commission committee parliament nation's moment moments comment
    equipment document documents instrument instruments element elements segment segments
    environment amendment percent cent agent union mention tradition education nutrition television
    televisions division divisions version versions pension pensions mansion mansions fraction fractions
    junction junctions""".split()
)
EVENT_SUFFIXES: Final = ("tion", "tions", "sion", "sions", "ment", "ments", "ure", "ures")
#: -ing / -ed words that are not verbs
NOT_VERBS: Final = frozenset(
    """during morning mornings evening evenings nothing something anything everything thing things king
    ring spring string wing sing ceiling according including regarding concerning pending
    notwithstanding building buildings nearing united limited hundred red need indeed bed speed seed
    feed shed sled wed bred fled ed ted reed weed breed greed""".split()
)
#: participles that introduce a time, not events: "starting on Sunday"
CUE_PARTICIPLES: Final = frozenset("starting beginning effective following including ending according".split())
#: adjectives of expectation before a noun: "the planned conclusion"
ATTRIBUTIVE: Final = frozenset("planned scheduled expected proposed promised upcoming".split())
#: adjectives before a noun: "a sharp rise", "a new offer" (with `ADJECTIVE_SUFFIXES`)
ADJECTIVES: Final = frozenset(
    """new big small large major great sharp strong weak high low good bad full joint top long short key
    broad wide early late further recent final heavy steep modest slight huge massive fresh rapid
    personal possible higher lower better worse weaker stronger flat worth""".split()
)
ADJECTIVE_SUFFIXES: Final = ("ive", "ous", "ful", "ic", "ical", "ional", "ial", "ual", "ary", "ern", "less",
                             "ese", "able", "ible")
#: figures of a results story: a time that modifies one dates the verb of change it is the subject
#: of ("third-quarter profit rose"); a reported figure is dated alone ("reported a third-quarter
#: loss", "a loss of $5 million for the quarter"), not with its reporting verb
FIGURES: Final = frozenset(
    """income profit profits earnings sales revenue revenues results loss losses trading turnover output
    volume shipments orders""".split()
)
#: nouns of a period: "the year-ago quarter" names a time, not an event
PERIOD_NOUNS: Final = frozenset(
    "quarter quarters year years period periods month months week weeks half day days".split()
)
#: verbs of change, base forms: "profit rose", "sales fell"
CHANGE_VERBS: Final = frozenset(
    """rise fall jump drop climb decline grow gain increase decrease surge plunge slip slide soar slump
    tumble sink rebound recover double triple shrink edge ease advance dip improve narrow widen""".split()
)
#: more endings of adjectives after "be" ("was dormant", "is independent", "were unchanged")
PREDICATE_SUFFIXES: Final = ("ant", "ent", "ed")
#: adjectives after "be" that are no event: they lead to one ("is likely to", "was unable to")
#: or say what the subject is rather than what holds of it
NOT_PREDICATES: Final = frozenset(
    """able unable likely unlikely possible impossible sure certain ready willing unwilling eager
    reluctant prepared due set expected scheduled going about other former latter same own such
    more less most least further either neither whether another""".split()
)
#: verbs of beginning, going on and ending, base forms: "began selling", "stopped paying"
ASPECTUAL: Final = frozenset("begin start stop resume continue keep finish quit cease halt".split())
ADVERB_OK: Final = frozenset("also already still just now then again yet recently previously reportedly".split())


def _inflect(base: str) -> list[str]:
    forms = [base]
    if base.endswith("e"):
        forms += [base + "s", base + "d", base[:-1] + "ing"]
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms += [base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms += [base + "es", base + "ed", base + "ing"]
    else:
        forms += [base + "s", base + "ed", base + "ing"]
        last3 = base[-3:]
        if (
            len(base) <= 4
            and len(last3) == 3
            and last3[0] not in "aeiou"
            and last3[1] in "aeiou"
            and last3[2] not in "aeiouwxy"
        ):
            forms += [base + base[-1] + "ed", base + base[-1] + "ing"]
    forms += IRREGULAR.get(base, "").split()
    return forms


def verb_forms() -> dict[str, str]:
    """Every derived form of `VERBS` -> its base."""
    table: dict[str, str] = {}
    for base in VERBS:
        for form in _inflect(base):
            table.setdefault(form, base)
    for base, forms in IRREGULAR.items():
        for form in (base, *forms.split()):
            table.setdefault(form, base)
    return table


VERB_FORMS: Final = verb_forms() | {
    # verbs whose base form is mostly something else ("last week", "a stay")
    "lasts": "last", "lasted": "last", "coincides": "coincide", "coincided": "coincide", "stays": "stay",
    "stayed": "stay", "expires": "expire", "expired": "expire",
}
PAST_FORMS: Final = frozenset(
    f for base, forms in IRREGULAR.items() for f in forms.split()
) | frozenset(f for f in VERB_FORMS if f.endswith("ed"))
#: past participles that are not also the past tense ("frozen", "taken"): "had frozen hiring" keeps
#: its auxiliary in a description, where "had agreed" may read "agreed"
PARTICIPLES_ONLY: Final = frozenset(
    forms.split()[1] for forms in IRREGULAR.values() if len(forms.split()) == 2
)
