"""What the event stages read of a parsed sentence beyond its tree: which sentence a token is
in (worked out once per document: spaCy's ``Token.sent`` walks the sentence at every call, which
is quadratic over a long sentence) and where a dateline ends."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEY: Final = "timeline.sentence_bounds"


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, the first token of its sentence and the token after its last, computed on
    first use and kept in ``doc.user_data``."""
    got = doc.user_data.get(_KEY)
    if got is None:
        starts = [0] * len(doc)
        ends = [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                starts[i] = sent.start
                ends[i] = sent.end
        got = doc.user_data[_KEY] = (starts, ends)
    return got


def sentence(doc: Doc, i: int) -> Span:
    """The sentence of token ``i`` (see `sentence_bounds`)."""
    starts, ends = sentence_bounds(doc)
    return doc[starts[i] : ends[i]]

#: a dateline ends with a spaced dash this far into the first sentence of a dispatch
DATELINE_TOKENS: Final = 16
DATELINE_DASHES: Final = frozenset({"-", "--", "–", "—"})


def span_root(span: Span) -> Token:
    """The head of a span, as spaCy's ``Span.root`` gives it: of its tokens whose head lies
    outside it, the one nearest the sentence's root. ``Span.root`` walks every token's way up to
    the root, which is quadratic over a long degenerate sentence; here only those tokens walk,
    at most `_DEPTH_STEPS` arcs each."""
    start, end = span.start, span.end
    tops = [t for t in span if t.head.i == t.i or not start <= t.head.i < end]
    if len(tops) <= 1:
        return tops[0] if tops else span[0]
    return min(tops, key=_depth)


_DEPTH_STEPS: Final = 64


def _depth(tok: Token) -> int:
    for n in range(_DEPTH_STEPS):
        head = tok.head
        if head.i == tok.i:
            return n
        tok = head
    return _DEPTH_STEPS


def story_start(sent: Span) -> int:
    """The token where the story starts in ``sent``: after a dateline ("PORT HALDEN, May 20
    (Dispatch) -"), a spaced dash among the first `DATELINE_TOKENS` tokens that follows a word in
    capitals; else the sentence's first token. The date of a dateline dates no event, and no
    description reads it."""
    caps = False
    for t in sent[:DATELINE_TOKENS]:
        if t.text in DATELINE_DASHES and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_:
            return t.i + 1 if caps else sent.start
        caps = caps or (t.is_upper and len(t.text) > 1 and t.is_alpha)
    return sent.start
