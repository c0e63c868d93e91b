"""Events the text orders without dating them: "the strike, in retaliation for Saturday's
attacks" puts the attacks before the strike; "after the talks collapsed" puts the collapse first.

Read from the parse: a cue noun ("retaliation", "revenge", "reprisal", "response") or a cue
preposition ("after", "following") whose object is an event word is the earlier event; the dated
event the cue's phrase hangs from is the later one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from timeline.events.describe import describe
from timeline.events.found import Found, sentence_of
from timeline.syntax.sentences import sentence

if TYPE_CHECKING:
    from timeline.document import Document

#: nouns that answer an earlier event: "retaliation for X" (X came first)
EARLIER_NOUNS: Final = frozenset("retaliation revenge reprisal response answer".split())
#: prepositions whose object came first: "after X", "following X"
EARLIER_PREPOSITIONS: Final = frozenset("after following".split())
#: how far up the tree the later event is looked for
_CLIMB: Final = 6


def _object_event(prep: Any, events: set[int]) -> Any:
    """The event word that is the object of ``prep`` ("for the strike", "after talks collapsed")."""
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp") and c.i in events:
            return c
        if c.dep_ in ("pobj", "pcomp"):  # "after the collapse of talks": the head noun only
            return None
    return None


def _told_elsewhere(cue: Any, earlier: Any, words: dict[int, Any], by_word: dict[str, int]) -> int | None:
    """The later event when no dated event is above the cue: the first event word of the sentence
    (before the cue), where the same word dates an event elsewhere ("The attacks seemed to be
    retaliation for the strike" ... "Saturday's attacks")."""
    for t in sentence(cue.doc, cue.i):
        if t.i >= cue.i:
            return None
        if t.i in words and t.i != earlier.i:
            return by_word.get(t.lower_)
    return None


def ordered(document: Document, found: list[Found]) -> None:
    """Adds to ``found`` (in place) the earlier events the cues name, each ``before`` the dated
    event it precedes; an earlier event that is dated already gets the ``before`` itself."""
    if not found:
        return
    doc = document.syntax
    words = {w.token: w for w in document.words}
    events = set(words)
    at: dict[int, int] = {}  # trigger start -> index in found
    by_word: dict[str, int] = {}  # trigger word -> the first found event it names
    for n, f in enumerate(found):
        at.setdefault(f.trigger[0], n)
        by_word.setdefault(f.trigger_text.lower(), n)
    for tok in doc:
        low = tok.lower_
        if low in EARLIER_NOUNS and tok.tag_.startswith("NN"):
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "against")]
            anchor = tok
        elif low in EARLIER_PREPOSITIONS and tok.dep_ == "prep":
            preps = [tok]
            anchor = tok.head
        else:
            continue
        earlier = next((e for e in (_object_event(p, events) for p in preps) if e is not None), None)
        if earlier is None:
            continue
        later_idx = None
        node = anchor
        for _ in range(_CLIMB):
            later_idx = at.get(node.idx)
            if later_idx is not None or node.head is node:
                break
            node = node.head
        if later_idx is None:
            later_idx = _told_elsewhere(tok, earlier, words, by_word)
        if later_idx is None or at.get(earlier.idx) == later_idx:
            continue
        e_idx = at.get(earlier.idx)
        if e_idx is not None:
            found[e_idx] = attrs.evolve(found[e_idx], before=(*found[e_idx].before, later_idx))
            continue
        word = words[earlier.i]
        desc = describe(doc, earlier.i, ())
        found.append(Found(
            sentence=sentence_of(doc, earlier.i),
            trigger=(earlier.idx, earlier.idx + len(earlier.text)),
            trigger_text=earlier.text,
            description=desc.text,
            mention=None,
            relation=None,
            tense="past",
            kind="occurred",
            t0="BEFORE",
            interval=None,
            deadline=False,
            before=(later_idx,),
            word=word,
            subject=desc.subject,
            object=desc.object,
        ))
        at[earlier.idx] = len(found) - 1
