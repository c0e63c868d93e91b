"""Pairwise facts between the event words of a parsed document, each with its evidence and strength.

Nodes are event words, by token index (`timeline.events.find.EventWord.token`). The cues, strongest
first (`lexicon.STRENGTH`):

* **dates**: both events dated, on intervals that do not overlap (two events on one day are not
  the same time unless the text says so);
* **connective**: a clause or phrase introduced by "after", "following", "since", "once", "when"
  lies before the event it hangs from; "before", "until" after it; "while", "as" at the same
  time; "then", "later" put their event after the one told just before, "earlier" before it;
* **cause**: "in response to X", "retaliation for X": X came first;
* **past perfect** told against a simple past (same or next sentence): the past perfect first;
* **reported**: what a saying reports in the past (or present perfect) lies before the saying,
  with "would", "will" or an infinitive after it;
* **purpose**: "to" + infinitive (a purpose, or what is intended, expected, agreed): after the
  event it completes; **aspectual**: "began ... to arrive": the beginning first;
* **publication**: an event before publication before one after it;
* **narrative**: of two event words told one after the other, the first happened first.

Every fact is between words at most `lexicon.WINDOW` event words apart (or between consecutive
dated events), so a document of n event words has O(n) facts.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from timeline._model import Interval
from timeline.events.order import lexicon as lex
from timeline.events.order.graph import Fact
from timeline.syntax.sentences import sentence_bounds

if TYPE_CHECKING:
    from timeline.document import Document
    from timeline.events.find import EventWord

__all__ = ["facts_of"]

_S = lex.STRENGTH


def _fact(a: int, b: int, cue: str, evidence: str, relation: str = "BEFORE") -> Fact[int]:
    return Fact(a, b, "SAME" if relation == "SAME" else "BEFORE", cue, _S[cue], evidence)


def _naive(d: dt.datetime, aware: bool) -> dt.datetime:
    if aware:
        return d.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return d.replace(tzinfo=None)


def _dated(dated: Mapping[int, Interval], words: Mapping[int, EventWord],
           ahead_of: Collection[int] = ()) -> list[Fact[int]]:
    """Dated events whose intervals do not overlap: the one that ends first before the other.
    Linear in the dated events: the distinct start instants are nodes of their own (negative
    keys, -1 for the earliest), in a chain; each event comes after its start instant and
    before the first instant at or after its end. An event of ``ahead_of`` ("left before
    Monday") lies before its interval's start: it only comes before the events that start there
    or later."""
    items = [(t, iv) for t, iv in dated.items() if t in words]
    if len(items) < 2:
        return []
    aware = all(iv.start.tzinfo is not None for _, iv in items)
    spans = [(_naive(iv.start, aware), _naive(iv.end, aware), t) for t, iv in items]
    starts = sorted({s for s, _, t in spans if t not in ahead_of})
    node = {s: -1 - k for k, s in enumerate(starts)}
    out = [_fact(node[a], node[b], "dates", f"{a.isoformat()} < {b.isoformat()}") for a, b in zip(starts, starts[1:], strict=False)]
    for s, e, t in spans:
        if t in ahead_of:
            j = bisect.bisect_left(starts, s)
            if j < len(starts):
                out.append(_fact(t, node[starts[j]], "dates", f"{words[t].text} before {s.isoformat()}"))
            continue
        # (an instant "before" an event: the event starts no earlier than it)
        out.append(_fact(node[s], t, "dates", f"{words[t].text} starts {s.isoformat()}"))
        j = bisect.bisect_left(starts, e if e > s else s + dt.timedelta(microseconds=1))
        if j < len(starts):
            out.append(_fact(t, node[starts[j]], "dates", f"{words[t].text} ends {e.isoformat()}"))
    return out


def _event_up(tok: Any, words: Mapping[int, EventWord], steps: int = 3) -> Any:
    """``tok`` or the first event word above it."""
    for _ in range(steps):
        if tok.i in words:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok if tok.i in words else None


def _object_event(prep: Any, words: Mapping[int, EventWord]) -> Any:
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c if c.i in words else None
    return None


def _connectives(doc: Any, words: Mapping[int, EventWord]) -> list[Fact[int]]:
    out: list[Fact[int]] = []
    for tok in doc:
        low = tok.lower_
        side = lex.CONNECTIVES.get(low)
        if side is not None:
            clause = main = None
            if tok.dep_ in ("mark", "advmod") and tok.head.i in words:
                clause = tok.head
                main = _event_up(clause.head, words) if clause.head.i != clause.i else None
            elif tok.dep_ == "prep":
                clause = _object_event(tok, words)
                main = _event_up(tok.head, words)
            if clause is None or main is None or clause.i == main.i:
                continue
            if side == "same":
                out.append(_fact(main.i, clause.i, "connective", low, "SAME"))
            elif side == "clause first":
                out.append(_fact(clause.i, main.i, "connective", low))
            else:
                out.append(_fact(main.i, clause.i, "connective", low))
        elif low in lex.CAUSE_NOUNS and tok.tag_.startswith("NN"):
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ in ("to", "for", "against", "of"):
                    earlier = _object_event(p, words)
                    later = _event_up(tok.head, words) if tok.i not in words else tok
                    if earlier is not None and later is not None and earlier.i != later.i:
                        out.append(_fact(earlier.i, later.i, "cause", f"{low} {p.lower_}"))
    return out


def _past_perfect(w: EventWord) -> bool:
    return w.tense == "PAST" and w.aspect in ("PERFECTIVE", "PERFECTIVE_PROGRESSIVE")


def _simple_past(w: EventWord) -> bool:
    return w.tense == "PAST" and w.aspect in ("NONE", "PROGRESSIVE")


def _ahead(w: EventWord) -> bool:
    return w.tense in ("FUTURE", "INFINITIVE") or (w.modality or "").lower() in lex.AHEAD_MODALS


def _governed(doc: Any, words: Mapping[int, EventWord]) -> list[Fact[int]]:
    """The saying and what is said; purpose and intention; aspectual verbs."""
    out: list[Fact[int]] = []
    for w in words.values():
        g = words.get(w.governor) if w.governor is not None else None
        if g is None or w.pos != "VERB":
            continue
        tok = doc[w.token]
        if g.cls == "ASPECTUAL" and w.tense in ("INFINITIVE", "PRESPART"):
            out.append(_fact(g.token, w.token, "aspectual", f"{g.text} ... {w.text}"))
        elif w.tense == "INFINITIVE" or _ahead(w):
            cue = "reported" if g.cls == "REPORTING" and tok.dep_ == "ccomp" else "purpose"
            out.append(_fact(g.token, w.token, cue, f"{g.text} ... {w.text}"))
        elif tok.dep_ == "ccomp":
            if w.tense in ("PAST", "PRESENT") or w.aspect in ("PERFECTIVE", "PERFECTIVE_PROGRESSIVE"):
                # what is said happened, or holds already (a present state began before it is told)
                out.append(_fact(w.token, g.token, "reported", f"{g.text} ... {w.text}"))
    for w in words.values():  # "the plane that crashed", "the weapons seized": told as background
        tok = doc[w.token]
        if tok.dep_ in lex.BACKGROUND_DEPS and w.tense in lex.BACKGROUND_TENSES and tok.head.i != tok.i:
            main = _event_up(tok.head.head, words) if tok.head.i not in words else tok.head
            if main is not None and main.i != tok.i and words[main.i].tense in lex.BACKGROUND_TENSES \
                    and not _ahead(words[main.i]):
                out.append(_fact(w.token, main.i, "background", f"{tok.text} ... {main.text}"))
    for w in words.values():  # "accused him of smuggling": what the gerund names came first
        tok = doc[w.token]
        prep = tok.head
        if tok.dep_ == "pcomp" and w.tense == "PRESPART" and prep.lower_ in lex.GERUND_BEFORE:
            main = _event_up(prep.head, words)
            if main is not None and main.i != tok.i:
                out.append(_fact(w.token, main.i, "background", f"{main.text} {prep.text} {tok.text}"))
    for tok in doc:  # "in order to", a purpose clause the governor does not name
        if tok.dep_ == "advcl" and tok.i in words and words[tok.i].tense == "INFINITIVE":
            main = _event_up(tok.head, words)
            if main is not None and main.i != tok.i and words[tok.i].governor != main.i:
                out.append(_fact(main.i, tok.i, "purpose", f"{main.text} ... to {tok.text}"))
    return out


def _adverbs(doc: Any, order: list[int], words: Mapping[int, EventWord]) -> list[Fact[int]]:
    """"then", "later": after the event told just before; "earlier": before it."""
    out: list[Fact[int]] = []
    pos = {t: k for k, t in enumerate(order)}
    for tok in doc:
        low = tok.lower_
        if tok.dep_ != "advmod" or tok.head.i not in words:
            continue
        if low not in lex.THEN_ADVERBS and low not in lex.EARLIER_ADVERBS:
            continue
        here = tok.head.i
        k = pos[here] - 1
        while k >= 0 and words[order[k]].pos != "VERB":
            k -= 1
        if k < 0:
            continue
        prev = order[k]
        if low in lex.THEN_ADVERBS:
            out.append(_fact(prev, here, "connective", low))
        else:
            out.append(_fact(here, prev, "connective", low))
    return out


_TOLD = ("BEFORE", "INCLUDES")


def _saying(w: EventWord) -> bool:
    """A saying, or a belief stated now ("officials believe"): told after what it is about."""
    return w.cls == "REPORTING" or (w.cls == "I_STATE" and w.tense == "PRESENT")


def _pairs(doc: Any, order: list[int], words: Mapping[int, EventWord]) -> list[Fact[int]]:
    """Past perfect against simple past, publication, and narrative order: between event words of
    the same or the next sentence, at most `lexicon.WINDOW` apart."""
    starts, _ = sentence_bounds(doc)
    sent_no: dict[int, int] = {}
    out: list[Fact[int]] = []
    n_sent = -1
    last = -1
    for t in order:
        if starts[t] != last:
            n_sent += 1
            last = starts[t]
        sent_no[t] = n_sent
    for k, a in enumerate(order):
        wa = words[a]
        for b in order[k + 1 : k + 1 + lex.WINDOW]:
            if sent_no[b] - sent_no[a] > 1:
                break
            wb = words[b]
            if wa.pos == "VERB" and wb.pos == "VERB":
                if _past_perfect(wa) and _simple_past(wb):
                    out.append(_fact(a, b, "past perfect", f"{wa.text} ... {wb.text}"))
                elif _past_perfect(wb) and _simple_past(wa):
                    out.append(_fact(b, a, "past perfect", f"{wb.text} ... {wa.text}"))
            if wa.tense == "INFINITIVE" or wb.tense == "INFINITIVE":
                pass  # an infinitive looks ahead of what it completes, not of publication
            elif wa.t0 == "BEFORE" and wb.t0 == "AFTER":
                out.append(_fact(a, b, "publication", f"{wa.text} (past) ... {wb.text} (ahead)"))
            elif wa.t0 == "AFTER" and wb.t0 == "BEFORE":
                out.append(_fact(b, a, "publication", f"{wb.text} (past) ... {wa.text} (ahead)"))
            if _saying(wb) and not _saying(wa) and wa.t0 in _TOLD and wb.t0 in _TOLD:
                out.append(_fact(a, b, "saying", f"{wa.text} ... {wb.text} (said after)"))
            elif _saying(wa) and not _saying(wb) and wb.t0 in _TOLD and wa.t0 in _TOLD \
                    and wb.cls not in ("I_ACTION", "I_STATE"):
                out.append(_fact(b, a, "saying", f"{wb.text} ... {wa.text} (said after)"))
            out.append(_fact(a, b, "narrative", f"{wa.text} ... {wb.text}"))
    return out


def facts_of(document: Document, dated: Mapping[int, Interval] | None = None,
             ahead_of: Collection[int] = ()) -> list[Fact[int]]:
    """Every pairwise fact between the event words of ``document`` (token indices), ``dated``
    giving the interval of the dated ones; those of ``ahead_of`` lie before their interval
    ("before Monday")."""
    doc = document.syntax
    words = {w.token: w for w in document.words}
    if doc is None or not words:
        return []
    order = sorted(words)
    out = _dated(dated or {}, words, ahead_of)
    out += _connectives(doc, words)
    out += _governed(doc, words)
    out += _adverbs(doc, order, words)
    out += _pairs(doc, order, words)
    return out
