"""Sentences for the gold event-time pairs of `tlinks.py` and `parse_links.py`: a TLINK between an
event and a time of the same sentence, "same sentence" as this splitter cuts them (the one the
0.1.0 word layer used), so that the link figures stay comparable across releases whatever
sentences spaCy's parser finds.
"""

from __future__ import annotations

import re
from typing import Final

_ABBREV: Final = frozenset(
    """mr mrs ms dr st jr sr gen col lt sgt rep sen gov pres inc corp co ltd no vs jan feb mar apr jun
    jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)
_CLOSERS: Final = "[\"”’')]*"
_NEXT: Final = r"\s+(?=[\"“‘(]?[A-Z0-9])"
def _not_after_abbreviation() -> str:
    """Lookbehinds (one per length: they must have a fixed width) that fail after "Mr.", "U.S."."""
    by_len: dict[int, list[str]] = {1: ["[A-Za-z]"]}
    for w in sorted(_ABBREV):
        by_len.setdefault(len(w), []).append(w)
    return "".join(f"(?<!(?<![A-Za-z])(?i:{'|'.join(ws)})\\.)" for _, ws in sorted(by_len.items()))


#: One pass finds every sentence end. The pattern starts with the mark, a set of characters, so
#: that the regex engine skips to the next mark in C. A period keeps its closing quotes (group
#: ``period``) unless it follows an abbreviation or a lone letter ("Mr.", "U.S."): then the
#: second branch takes it and ends no sentence (it consumes what a period end would, so that the
#: newlines after "Mr." end nothing either). "!" and "?" end the sentence right after them
#: (group ``mark``); so do newlines (group ``newline``).
_BOUNDARY_RE: Final = re.compile(
    r"[.!?\n](?:"
    r"(?<=\.)" + _not_after_abbreviation() + r"(?P<period>" + _CLOSERS + r")" + _NEXT
    + r"|(?<=\.)" + _CLOSERS + _NEXT
    + r"|(?<=[!?])(?P<mark>)" + _CLOSERS + _NEXT
    + r"|(?<=\n)(?P<newline>\n*)"
    + r")"
)
#: (the repeats are possessive: nothing follows them that could make them give back, and the
#: regex engine runs faster without keeping the places it could go back to)
_TOKEN_RE: Final = re.compile(
    r"[A-Za-z]++(?:-[A-Za-z]++)*+|['’](?:s|re|ve|ll|d|m|t)\b|\d++(?:[.,:]\d++)*+|[^\sA-Za-z\d]"
)
#: `re.split` with the token as its group: [space, token, space, token, ..., space]
_SPLIT_RE: Final = re.compile("(" + _TOKEN_RE.pattern + ")")

def sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence, whitespace trimmed, in order."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        # the one group of the branch that matched, if any
        which = m.lastgroup
        if which is None:
            continue  # "Mr.", "U.S.": no end
        if which == "period":
            cut = m.end(1)  # the period and its closing quotes
        elif which == "mark":
            cut = m.start() + 1
        else:
            cut = m.start()
        _add(text, start, cut, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    left = chunk.lstrip()
    if left:
        s = end - len(left)
        out.append((s, s + len(left.rstrip())))
