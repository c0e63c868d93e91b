"""The order of the events of a document: pairwise facts (`facts`), one graph of them (`graph`),
and the events the text orders without dating them (`undated`).

`order_of` reads an analyzed `Document` (every event word, not only the dated ones) and returns
its `OrderGraph` over token indices; `timeline.events.assemble` uses the same graph to put the
events of a `Timeline` in order. See docs/events.md, "The order of events".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from timeline.events.order.facts import facts_of
from timeline.events.order.graph import Fact, OrderGraph, Relation
from timeline.events.order.undated import ordered

if TYPE_CHECKING:
    from timeline._model import Interval
    from timeline.document import Document

__all__ = ["Fact", "OrderGraph", "Relation", "facts_of", "order_of", "ordered", "word_graph"]


def word_graph(document: Document, dated: Mapping[int, Interval] | None = None,
               more: Iterable[Fact[int]] = (), ahead_of: Collection[int] = ()) -> OrderGraph[int]:
    """The graph of the facts between the event words of ``document`` (token indices), ``dated``
    giving the intervals of the dated words (those of ``ahead_of`` lie before theirs: "before
    Monday"); ``more`` are further facts, weighed with the others."""
    graph: OrderGraph[int] = OrderGraph(sorted(w.token for w in document.words))
    graph.add_all([*facts_of(document, dated, ahead_of), *more])
    return graph


def order_of(document: Document) -> OrderGraph[int]:
    """The graph of an analyzed document, its dated words taken from its timeline's events."""
    dated: dict[int, Interval] = {}
    ahead_of: set[int] = set()
    if document.timeline is not None:
        at = {w.start: w.token for w in document.words}
        for e in (*document.timeline.events, *document.timeline.unplaced):
            if e.interval is None:
                continue
            for t in (e.trigger, *e.also):
                tok = at.get(t.start)
                if tok is not None and tok not in dated:
                    dated[tok] = e.interval
                    if e.relation == "before":
                        ahead_of.add(tok)
    return word_graph(document, dated, ahead_of=ahead_of)
