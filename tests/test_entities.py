"""Entities (aliases, participants, pronouns), `Timeline.about`, and merging several reports."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.events import build, build_many, merge
from timeline.events.entities import EntityName, names_match
from timeline.events.entities_lexicon import EXAMPLES


@pytest.mark.parametrize(("name", "text", "expected"), EXAMPLES)
def test_lexicon_examples(name: str, text: str, expected: bool) -> None:
    assert EntityName.of(name).matches(text) is expected


def test_a_name_without_a_word_is_refused() -> None:
    with pytest.raises(ValueError, match="no word"):
        EntityName.of(" -- ")
    with pytest.raises(TypeError, match="name must be a str"):
        EntityName.of(3)  # type: ignore[arg-type]


@given(st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), max_size=40))
@settings(max_examples=150, deadline=None)
def test_a_name_names_itself_and_matching_never_raises(name: str) -> None:
    try:
        entity = EntityName.of(name)
    except ValueError:
        return
    assert entity.matches(name)
    names_match(name, "the council")


def test_participants_from_the_parse_with_a_pronoun_resolved() -> None:
    tl = build("Kestrel Motors Inc. recalled 4,000 vans on Monday. It will replace their brakes on Friday.",
               published="2021-03-10")
    events = {e.trigger.text: e for e in tl}
    assert events["recalled"].lemma == "recall"
    assert [(p.role, p.text) for p in events["recalled"].participants][:2] == [
        ("subject", "Kestrel Motors Inc."), ("object", "4,000 vans")]
    (subject,) = [p for p in events["replace"].participants if p.role == "subject"]
    assert subject.text == "It" and subject.refers_to == "Kestrel Motors Inc."


def test_about_finds_short_forms_acronyms_possessives_and_pronouns() -> None:
    tl = build_many([
        ("a", "The International Monetary Fund approved a loan to Estoria on Monday. "
              "Kestrel Motors Inc. cut 300 jobs on Tuesday.", "2021-03-10"),
        ("b", "The IMF will review the loan on April 6. Kestrel's chief executive resigned on Tuesday. "
              "The finance minister met the Fund's envoy on Wednesday.", "2021-03-12"),
    ])
    imf = [(e.trigger.text, e.interval.start.date().isoformat()) for e in tl.about("International Monetary Fund")]
    assert imf == [("approved", "2021-03-08"), ("met", "2021-03-10"), ("review", "2021-04-06")]
    # "the Fund" is a short form of the full name, not of the acronym
    assert [e.trigger.text for e in tl.about("IMF")] == ["approved", "review"]
    assert [e.trigger.text for e in tl.about("Kestrel Motors")] == ["cut", "resigned"]
    assert tl.about("Boeing").events == ()


def test_the_same_event_told_twice_is_one_event_with_both_sources() -> None:
    first = build("The harbour council is expected to vote on the new tariffs on Thursday.",
                  published="2021-03-08", document="first")
    second = build("The harbour council voted on Thursday to double the tariffs.",
                   published="2021-03-12", document="second")
    merged = merge([first, second])
    (vote,) = [e for e in merged if e.lemma == "vote"]
    assert [s.document for s in vote.sources] == ["first", "second"]
    assert vote.kind == "occurred"  # the later report tells it as done
    assert vote.interval is not None and vote.interval.start.date() == dt.date(2021, 3, 11)


def test_same_trigger_with_other_participants_stays_two_events() -> None:
    merged = merge([
        build("The mayor met the fire chief on Monday.", published="2021-03-10", document="a"),
        build("The mayor will meet the transport minister on Friday.", published="2021-03-11", document="b"),
    ])
    meets = [e for e in merged if e.lemma == "meet"]
    assert len(meets) == 2 and all(not e.conflicts for e in meets)


def test_dates_that_disagree_are_flagged_with_both_sources() -> None:
    merged = merge([
        build("Farmers plan a tractor rally in the capital on Saturday.", published="2021-03-08", document="a"),
        build("Farmers plan a tractor rally in the capital on Sunday.", published="2021-03-09", document="b"),
    ])
    rallies = [e for e in merged if e.lemma == "rally"]
    assert len(rallies) == 2
    assert rallies[0].conflicts == (rallies[1].id,) and rallies[1].conflicts == (rallies[0].id,)
    assert {s.document for e in rallies for s in e.sources} == {"a", "b"}


def test_a_later_report_that_says_so_updates_the_date() -> None:
    merged = merge([
        build("The senate will vote on the budget on Tuesday.", published="2021-03-08", document="a"),
        build("The senate vote on the budget was postponed to Friday.", published="2021-03-09", document="b"),
    ])
    (vote,) = [e for e in merged if e.lemma == "vote"]
    assert vote.interval is not None and vote.interval.start.date() == dt.date(2021, 3, 12)
    assert not vote.conflicts
    assert [r.source.document for r in vote.revised] == ["a"]
    assert vote.revised[0].interval is not None and vote.revised[0].interval.start.date() == dt.date(2021, 3, 9)
    assert [s.document for s in vote.sources] == ["a", "b"]


def test_the_example_dispatches_merge_their_vote_and_flag_the_march() -> None:
    from pathlib import Path

    here = Path(__file__).resolve().parent.parent / "examples"
    merged = merge([
        build((here / "baghdad_dispatch.txt").read_text(encoding="utf-8"), published="2020-01-05", document="dispatch"),
        build((here / "baghdad_followup.txt").read_text(encoding="utf-8"), published="2020-01-06", document="followup"),
    ])
    (vote,) = [e for e in merged if e.lemma == "vote"]
    assert {s.document for s in vote.sources} == {"dispatch", "followup"}
    marches = [e for e in merged if e.lemma == "march"]
    assert [e.interval.start.date().isoformat() for e in marches if e.interval] == ["2020-01-26", "2020-01-27"]
    assert all(len(e.conflicts) == 1 for e in marches)


def test_merging_is_the_same_whatever_the_order_of_the_timelines() -> None:
    a = build("Farmers plan a tractor rally on Saturday. The council will vote on Monday.",
              published="2021-03-08", document="a")
    b = build("Farmers plan a tractor rally on Sunday. The council voted on Monday.",
              published="2021-03-16", document="b")
    one, two = merge([a, b]), merge([b, a])
    assert [(e.description, e.interval, len(e.sources), len(e.conflicts)) for e in one] == \
        [(e.description, e.interval, len(e.sources), len(e.conflicts)) for e in two]


def test_timeline_package_exposes_about() -> None:
    tl = timeline.build("Ostrander Bank raised rates on Monday.", published="2021-03-10")
    assert len(tl.about("Ostrander Bank")) == 1


def test_the_company_stands_for_the_name_before_it() -> None:
    tl = build("Larkspur Foods Inc. closed a bakery in Dunmore on Monday. The company will open a new one "
               "on Friday.", published="2021-03-10")
    (opening,) = [e for e in tl if e.lemma == "open"]
    assert [(p.text, p.refers_to) for p in opening.participants if p.role == "subject"] == [
        ("The company", "Larkspur Foods Inc.")]
    assert [e.lemma for e in tl.about("Larkspur Foods")] == ["close", "open"]


@given(st.lists(st.tuples(st.sampled_from(["rally", "vote", "meet"]), st.integers(0, 20),
                          st.sampled_from(["Farmers", "The council", "Nurses"])), min_size=1, max_size=12),
       st.integers(1, 4))
@settings(max_examples=40, deadline=None)
def test_merging_loses_no_source_and_flags_both_ways(items: list, n_docs: int) -> None:  # type: ignore[type-arg]
    import attrs

    from timeline._model import Interval
    from timeline.events.model import Event, Participant, Source, Trigger

    timelines = []
    for d in range(n_docs):
        events = []
        for k, (lemma, day, who) in enumerate(items):
            start = dt.datetime(2021, 3, 1) + dt.timedelta(days=day + d)
            events.append(Event(id=f"e{k + 1}", description=f"{who} {lemma}", trigger=Trigger(0, 4, lemma),
                                kind="occurred", relation="on", t0="BEFORE",
                                interval=Interval(start, start + dt.timedelta(days=1)),
                                sources=(Source(f"d{d}", 0, 10, f"2021-03-{d + 10:02d}"),), cls="OCCURRENCE",
                                lemma=lemma, participants=(Participant("subject", who),)))
        timelines.append(timeline.Timeline(tuple(events)))
    merged = merge(timelines)
    told = sorted((s.document, s.start) for e in (*merged.events, *merged.unplaced) for s in e.sources)
    assert len(told) == len(items) * n_docs
    for e in merged:
        assert all(e.id in merged.event(c).conflicts for c in e.conflicts)
        assert len({s.document for s in e.sources}) == len(e.sources)
        assert attrs.evolve(e) == e


def test_an_infinitive_takes_the_subject_of_the_verb_it_completes() -> None:
    tl = build("Dunmore Water Co. plans to raise prices on Monday.", published="2021-03-10")
    (raising,) = [e for e in tl if e.lemma == "raise"]
    assert [p.text for p in raising.participants if p.role == "subject"] == ["Dunmore Water Co."]
    assert len(tl.about("Dunmore Water")) == 1
