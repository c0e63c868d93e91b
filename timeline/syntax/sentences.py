"""What the event stages read of a parsed sentence beyond its tree: where a dateline ends."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Span

#: a dateline ends with a spaced dash this far into the first sentence of a dispatch
DATELINE_TOKENS: Final = 16
DATELINE_DASHES: Final = frozenset({"-", "--", "–", "—"})


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
