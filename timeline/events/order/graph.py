"""The facts of a document as one graph: closed under transitivity, contradictions resolved by the
strength of their evidence, and read as a total order.

Facts are added strongest first (`OrderGraph.add_all`); a fact that contradicts what the graph
already says (``a`` before ``b`` when ``b`` is already before ``a``, or the same time as it) is
kept aside in ``dropped``. Two events said to be at the same time become one node (union-find).
Whether ``b`` is reachable from ``a`` is a search over the graph, bounded by `lexicon.SEARCH`
nodes when a fact is added, so that building the graph stays linear in the facts; a cycle the
bounded search misses is broken when the graph is read in order (`OrderGraph.sequence`): the
node that comes first by the caller's key goes first, and the facts it breaks are dropped.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, Generic, Literal, TypeVar

import attrs

from timeline.events.order.lexicon import SEARCH

K = TypeVar("K", bound=Hashable)
J = TypeVar("J", bound=Hashable)
Answer = Literal["BEFORE", "AFTER", "SAME", "UNKNOWN"]


@attrs.frozen
class Fact(Generic[K]):
    """``earlier`` starts before ``later`` (``relation`` BEFORE) or at the same time (SAME), as
    ``cue`` says; ``strength`` ranks cues (`lexicon.STRENGTH`); ``evidence`` is the words that say
    it ("after", "had left ... said", "dated 3 May and 5 May")."""

    earlier: K
    later: K
    relation: Literal["BEFORE", "SAME"]
    cue: str
    strength: int
    evidence: str

    def as_dict(self) -> dict[str, object]:
        """The JSON object of docs/json.md (``order``)."""
        return {"earlier": self.earlier, "later": self.later, "relation": self.relation, "cue": self.cue,
                "strength": self.strength, "evidence": self.evidence}


@attrs.frozen
class Relation(Generic[K]):
    """The answer of `OrderGraph.relation`: how ``a`` stands to ``b`` and the facts that say so
    (a chain from one to the other; empty for UNKNOWN). ``cue`` and ``strength`` are those of the
    weakest fact of the chain."""

    a: K
    b: K
    relation: Answer
    evidence: tuple[Fact[K], ...] = ()

    @property
    def cue(self) -> str:
        return min(self.evidence, key=lambda f: f.strength).cue if self.evidence else "none"

    @property
    def strength(self) -> int:
        return min((f.strength for f in self.evidence), default=0)


class OrderGraph(Generic[K]):
    """Nodes (any hashable keys) and the committed facts between them."""

    def __init__(self, nodes: Iterable[K] = ()) -> None:
        self._parent: dict[K, K] = {}
        self._out: dict[K, list[tuple[K, Fact[K]]]] = {}
        self._same: dict[K, list[Fact[K]]] = {}
        self.committed: list[Fact[K]] = []
        self.dropped: list[Fact[K]] = []
        for n in nodes:
            self.node(n)

    def node(self, n: K) -> None:
        if n not in self._parent:
            self._parent[n] = n
            self._out[n] = []

    def find(self, n: K) -> K:
        p = self._parent
        root = n
        while p[root] != root:
            root = p[root]
        while p[n] != root:
            p[n], n = root, p[n]
        return root

    def _reaches(self, a: K, b: K, limit: int | None) -> list[Fact[K]] | None:
        """The chain of facts from root ``a`` to root ``b``, or None (also when ``limit`` nodes
        were visited without reaching it)."""
        if a == b:
            return []
        back: dict[K, tuple[K, Fact[K]] | None] = {a: None}
        queue = deque([a])
        while queue:
            x = queue.popleft()
            for y, fact in self._out[x]:
                y = self.find(y)
                if y in back:
                    continue
                back[y] = (x, fact)
                if y == b:
                    chain = []
                    step = back[y]
                    while step is not None:
                        chain.append(step[1])
                        step = back[step[0]]
                    return chain[::-1]
                if limit is not None and len(back) > limit:
                    return None
                queue.append(y)
        return None

    def add(self, fact: Fact[K]) -> bool:
        """Commits ``fact`` unless it contradicts the graph (then it goes to ``dropped``)."""
        self.node(fact.earlier)
        self.node(fact.later)
        a, b = self.find(fact.earlier), self.find(fact.later)
        if fact.relation == "SAME":
            if a != b:
                if self._reaches(a, b, SEARCH) is not None or self._reaches(b, a, SEARCH) is not None:
                    self.dropped.append(fact)
                    return False
                if len(self._out[a]) < len(self._out[b]):
                    a, b = b, a
                self._parent[b] = a
                self._out[a].extend(self._out.pop(b))
                self._same[a] = [*self._same.get(a, ()), *self._same.pop(b, ()), fact]
            self.committed.append(fact)
            return True
        if a == b or self._reaches(b, a, SEARCH) is not None:
            self.dropped.append(fact)
            return False
        self._out[a].append((fact.later, fact))
        self.committed.append(fact)
        return True

    def add_all(self, facts: Iterable[Fact[K]]) -> None:
        """Adds ``facts`` strongest first (ties in the order given)."""
        for f in sorted(facts, key=lambda f: -f.strength):
            self.add(f)

    def relation(self, a: K, b: K) -> Relation[K]:
        """BEFORE when a chain of committed facts leads from ``a`` to ``b``, AFTER from ``b`` to
        ``a``, SAME when they are one node, else UNKNOWN."""
        if a not in self._parent or b not in self._parent:
            return Relation(a, b, "UNKNOWN")
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return Relation(a, b, "SAME", tuple(self._same.get(ra, ())))
        chain = self._reaches(ra, rb, None)
        if chain is not None:
            return Relation(a, b, "BEFORE", tuple(chain))
        chain = self._reaches(rb, ra, None)
        if chain is not None:
            return Relation(a, b, "AFTER", tuple(chain))
        return Relation(a, b, "UNKNOWN")

    def project(self, keep: Mapping[K, J], limit: int = SEARCH) -> list[Fact[J]]:
        """The facts between the nodes of ``keep`` (renamed by it), through the others: for each
        kept node, the first kept nodes a chain of committed facts leads to (one fact each, with
        the chain's weakest cue and strength and its evidence joined), and SAME between kept nodes
        of one group. Each search visits at most ``limit`` nodes."""
        out: list[Fact[J]] = []
        by_root: dict[K, list[K]] = {}
        for n in keep:
            self.node(n)
            by_root.setdefault(self.find(n), []).append(n)
        for members in by_root.values():
            for x, y in zip(members, members[1:], strict=False):
                same = self._same.get(self.find(x), [])
                out.append(Fact(keep[x], keep[y], "SAME", "same" if not same else min(same, key=lambda f: f.strength).cue,
                                min((f.strength for f in same), default=0),
                                "; ".join(f.evidence for f in same)))
        for root, members in by_root.items():
            back: dict[K, list[Fact[K]]] = {root: []}
            queue = deque([root])
            while queue and len(back) <= limit:
                x = queue.popleft()
                for y, fact in self._out[x]:
                    y = self.find(y)
                    if y in back:
                        continue
                    chain = [*back[x], fact]
                    back[y] = chain
                    if y in by_root:
                        weakest = min(chain, key=lambda f: f.strength)
                        told = [f.evidence for f in chain]
                        if len(told) > 3:
                            told = [told[0], "...", told[-1]]
                        out.append(Fact(keep[members[0]], keep[by_root[y][0]], "BEFORE", weakest.cue,
                                        weakest.strength, "; ".join(told)))
                    else:
                        queue.append(y)
        return out

    def sequence(self, nodes: Iterable[K], key: Callable[[K], Any]) -> list[K]:
        """``nodes`` in a total order that respects every committed fact: among the nodes whose
        earlier nodes have all gone, the one with the least ``key`` goes next; nodes of one SAME
        group go together, by ``key``. A cycle left by the bounded search is broken at its node of
        least ``key`` (its facts are moved to ``dropped``)."""
        wanted = list(dict.fromkeys(nodes))
        groups: dict[K, list[K]] = {}
        for n in wanted:
            self.node(n)
            groups.setdefault(self.find(n), []).append(n)
        # every root of the graph takes part, so that order through nodes not asked for holds
        roots = {self.find(n) for n in self._parent}
        indeg = dict.fromkeys(roots, 0)
        succ: dict[K, list[tuple[K, Fact[K]]]] = {r: [] for r in roots}
        for r in roots:
            for y, fact in self._out[r]:
                ry = self.find(y)
                if ry != r:
                    succ[r].append((ry, fact))
                    indeg[ry] += 1

        def group_key(r: K) -> Any:
            members = groups.get(r)
            return min(key(m) for m in members) if members else key(r)

        keys = {r: group_key(r) for r in roots}
        counter = 0
        heap: list[tuple[Any, int, K]] = []
        for r in roots:
            if indeg[r] == 0:
                heap.append((keys[r], counter, r))
                counter += 1
        heapq.heapify(heap)
        done: set[K] = set()
        out: list[K] = []
        everyone = [(keys[r], n, r) for n, r in enumerate(roots)]  # to break a cycle at its least key
        heapq.heapify(everyone)
        broken: set[K] = set()
        placed: list[K] = []
        while len(done) < len(roots):
            if not heap:  # a cycle: break it at its least key; the facts into that node are dropped
                while everyone[0][2] in done:
                    heapq.heappop(everyone)
                _, _, r = heapq.heappop(everyone)
                broken.add(r)
                heap.append((keys[r], counter, r))
                counter += 1
            _, _, r = heapq.heappop(heap)
            if r in done:
                continue
            done.add(r)
            placed.append(r)
            out.extend(sorted(groups.get(r, ()), key=key))
            for y, _ in succ[r]:
                indeg[y] -= 1
                if indeg[y] == 0 and y not in done:
                    heapq.heappush(heap, (keys[y], counter, y))
                    counter += 1
        if broken:  # the facts that lead into a broken node from a node placed after it
            where = {r: k for k, r in enumerate(placed)}
            late = {id(f) for r in roots for y, f in succ[r] if y in broken and where[r] > where[y]}
            self.dropped.extend(f for f in self.committed if id(f) in late)
            self.committed = [f for f in self.committed if id(f) not in late]
            for r in roots:
                self._out[r] = [(y, f) for y, f in self._out[r] if id(f) not in late]
        return out
