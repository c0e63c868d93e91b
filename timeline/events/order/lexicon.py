"""The words and strengths the order of events is read with (`timeline.events.order.facts`).

Each table is data: a cue word and what it says about the two events it joins. In the tables,
``clause`` is the event of the clause the word introduces ("after the talks collapsed":
collapsed) and ``main`` the event that clause hangs from ("they left after the talks
collapsed": left).
"""

from __future__ import annotations

from typing import Final, Literal

#: how sure a cue is; a stronger fact wins a contradiction
STRENGTH: Final[dict[str, int]] = {
    "dates": 70,  # both events dated, on intervals that do not overlap
    "connective": 60,  # "after", "before", "until" ... between a clause and the event it hangs from
    "cause": 55,  # "in response to", "retaliation for": the answered event came first
    "past perfect": 50,  # past perfect told against a simple past
    "reported": 45,  # the saying and what is said
    "purpose": 40,  # "to" + infinitive: what is aimed at lies ahead
    "aspectual": 40,  # "began ... to arrive"
    "saying": 35,  # a saying is told after what it is about
    "background": 32,  # a past relative clause or participle before the past event it qualifies
    "publication": 30,  # one event before publication, the other after it
    "tense": 20,  # past before present perfect or present within a sentence pair
    "narrative": 10,  # told first, happened first
}

Side = Literal["clause first", "main first", "same"]

#: subordinating words: ``clause first`` means the clause's event starts before the main one
CONNECTIVES: Final[dict[str, Side]] = {
    "after": "clause first",
    "following": "clause first",
    "since": "clause first",
    "once": "clause first",
    "before": "main first",
    "until": "main first",
    "till": "main first",
    "when": "clause first",
}

#: adverbs on the later of two events told one after the other: "then", "later", "afterwards";
#: ``earlier`` says the reverse
THEN_ADVERBS: Final = frozenset("then later afterwards afterward subsequently thereafter".split())
EARLIER_ADVERBS: Final = frozenset("earlier previously before beforehand".split())

#: nouns and phrases whose object came first: "in response to X", "retaliation for X"
CAUSE_NOUNS: Final = frozenset("response retaliation revenge reprisal reaction answer".split())

#: modals that look ahead of the saying that reports them ("said it would close")
AHEAD_MODALS: Final = frozenset("would will 'll shall going".split())

#: the clauses that qualify a noun ("the plane that crashed", "the arms seized"): told as background
BACKGROUND_DEPS: Final = frozenset("relcl acl".split())
#: the tenses of both events for that cue (a relative clause in the present, "the firm that owns
#: the mine", holds already too)
BACKGROUND_TENSES: Final = frozenset("PAST PRESENT".split())

#: prepositions whose gerund names an earlier event: "accused of smuggling", "jailed for selling"
GERUND_BEFORE: Final = frozenset("of for".split())

#: how many event words either side an event is compared with (the pairwise facts stay linear)
WINDOW: Final = 12
#: how many nodes a contradiction check may visit (the closure stays linear over a document)
SEARCH: Final = 64
