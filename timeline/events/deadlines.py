"""Which dated events are deadlines or ultimatums, and what is due (read from the parse).

When each falls due and where it stands at a moment is `timeline.events.due`.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from timeline._model import Mention
from timeline.events.describe import describe
from timeline.events.find_lexicon import REPORTING
from timeline.syntax.sentences import sentence

#: verbs that demand what their infinitive says ("gave households until Friday to register")
DEMANDS: Final = frozenset("ask tell urge order demand give warn instruct call direct require".split())
#: verbs that commit their subject to their infinitive ("agreed to exchange prisoners by Friday")
COMMITMENTS: Final = frozenset("agree promise pledge vow undertake commit".split())
#: words that make a dated event a deadline wherever they bear on it
DEADLINE_WORDS: Final = frozenset("deadline ultimatum expire expiry expiration".split())
#: verbs that put a state in place: "for 60 days" after them runs from then on ("has declared a
#: curfew for 60 days"), not back from publication
IMPOSING: Final = frozenset("declare impose extend suspend ban order grant approve close shut".split())


@attrs.frozen
class Due:
    """Why a dated event is a deadline, and what is due: ``due_token`` is the event that is due
    when it is not the dated word itself (the infinitive of "gave them until Friday to register"),
    ``what`` how the deadline reads, ``who`` who demands it when the text says."""

    demanding: bool
    due_token: int | None = None
    what: str | None = None
    who: str | None = None


def _infinitive(tok: Any) -> Any:
    """The infinitive that completes ``tok`` ("to register" of "gave them until Friday to ...")."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "advcl", "acl", "ccomp") and c.tag_ == "VB" and any(
                a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
            return c
    return None


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _phrase(tok: Any) -> str | None:
    """The words of ``tok``'s subtree as written, when short enough to name a participant."""
    words = list(tok.subtree)
    if not words or len(words) > 8:
        return None if not words else tok.text
    return str(tok.doc[words[0].i : words[-1].i + 1].text)


def _argument(verb: Any, deps: tuple[str, ...]) -> Any:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _due_what(doc: Any, inf: Any, doer: Any, skip: list[tuple[int, int]]) -> str:
    """"households to register for vouchers": who must act (``doer``, as written) and the
    infinitive's own phrase."""
    text = describe(doc, inf.i, skip, chain=False).text
    phrase = text if text.startswith("to ") else f"to {text}"
    who = None if doer is None else _phrase(doer)
    return f"{who} {phrase}" if who else phrase


def _demander(verb: Any) -> str | None:
    """Who makes a demand: the subject of ``verb``; for "we", "they" in a quote, who says it
    ("'We ask security forces to ...,' said the Kataeb Hezbollah faction")."""
    subject = _argument(verb, ("nsubj",))
    if subject is not None and subject.tag_ != "PRP":
        return _phrase(subject)
    if verb.dep_ == "ccomp" and _lemma(verb.head) in REPORTING:
        speaker = _argument(verb.head, ("nsubj",))
        if speaker is not None and speaker.tag_ != "PRP":
            return _phrase(speaker)
    return None if subject is None else _phrase(subject)


def deadline_of(doc: Any, token: int, m: Mention, relation: str | None, kind: str) -> Due | None:
    """Whether the event word ``token`` of the spaCy ``doc``, dated by ``m`` with ``relation``, is a
    deadline or an ultimatum, and what is due (None when it is not one).

    A demand dated by its limit ("ordered them to leave by Sunday", "gave households until
    Friday to register"), a commitment ("agreed to exchange prisoners by Friday"), the time given
    to someone ("banks have until June 30 to submit"), and an event still to come that must
    happen "by" or "until" a time, or that a deadline word bears on ("the ultimatum expires at
    midnight"). A span's end ("from May 2 to June 9") is no limit, and an uncounted length
    ("within weeks") makes no due instant.
    """
    if m.type == "DURATION" and "X" in (m.value or ""):
        return None  # "will decide within weeks": nothing is due at any instant
    tok = doc[token]
    before = doc.char_span(m.start, m.end, alignment_mode="expand")
    span_end = before is not None and before.start > 0 and doc[before.start - 1].lower_ in ("to", "-") and any(
        t.lower_ in ("from", "between") for t in doc[max(before.start - 8, sentence(doc, token).start) : before.start - 1])
    skip = [(m.start, m.end)]
    limit = relation in ("by", "until") and not span_end
    lemma = _lemma(tok)
    head = tok.head if tok.head is not tok else None
    demand_head = head is not None and tok.tag_ == "VB" and tok.dep_ in ("xcomp", "advcl", "ccomp") and (
        _lemma(head) in DEMANDS or (_lemma(head) in COMMITMENTS and relation == "by"))
    if limit or relation == "starting":
        if lemma in DEMANDS and (lemma != "call" or any(c.lower_ in ("on", "for") for c in tok.children)):
            inf = _infinitive(tok)
            if inf is not None:  # "gave households until Friday to register"
                doer = _argument(tok, ("dative", "dobj")) or _argument(
                    next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), tok), ("pobj",))
                return Due(True, inf.i, _due_what(doc, inf, doer, skip), _demander(tok))
        if lemma == "have" and relation == "until":
            inf = _infinitive(tok)
            if inf is not None:  # "banks have until June 30 to submit their results"
                return Due(True, inf.i, _due_what(doc, inf, _argument(tok, ("nsubj",)), skip), None)
        if demand_head and head is not None:
            # "ordered troops to leave by Sunday", "agreed to exchange prisoners by Friday"
            if _lemma(head) in DEMANDS:
                doer = _argument(head, ("dative", "dobj"))
                return Due(True, token, _due_what(doc, tok, doer, skip), _demander(head))
            return Due(True, token, _due_what(doc, tok, None, skip).removeprefix("to "), None)
        if lemma in COMMITMENTS and relation == "by":
            inf = _infinitive(tok)
            if inf is not None:
                return Due(True, inf.i, _due_what(doc, inf, None, skip).removeprefix("to "), None)
    if kind == "occurred":
        return None
    near = [tok, *tok.children] + ([head] if head is not None else [])
    worded = any(_lemma(t) in DEADLINE_WORDS for t in near)
    if limit or worded:
        inf = _infinitive(tok) if worded else None
        if inf is None and worded:
            inf = next((t for t in near if _lemma(t) in DEADLINE_WORDS and _infinitive(t) is not None), None)
            inf = None if inf is None else _infinitive(inf)
        return Due(False, None if inf is None else inf.i,
                   None if inf is None else _due_what(doc, inf, _argument(inf, ("nsubj",)), skip), None)
    return None
