"""Sentences and word tokens for event detection (cheap, regex based).

Only sentences that hold a time expression or an ordering cue are cut into
tokens, so that finding events costs little next to tagging.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import Final

import attrs

from timeline.events import lexicon as lx

_BOUNDARY_RE: Final = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_LAST_WORD_RE: Final = re.compile(r"([A-Za-z]+)$")
_ABBREV: Final = frozenset(
    """mr mrs ms dr st jr sr gen col lt sgt rep sen gov pres inc corp co ltd no vs jan feb mar apr jun
    jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)
_TOKEN_RE: Final = re.compile(
    r"[A-Za-z]+(?:-[A-Za-z]+)*|['’](?:s|re|ve|ll|d|m|t)\b|\d+(?:[.,:]\d+)*|[^\sA-Za-z\d]"
)

# token kinds
VERB, NOUN, AUX, DET, PREP, PUNCT, CLAUSE, WORD, NUMBER, TIME = "VNADP,CwnT"


def sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence, whitespace trimmed, in order."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        cut = m.start() + (0 if m.group().startswith("\n") else 1)
        if m.group()[0] == ".":
            before = text[max(start, m.start() - 6) : m.start()]
            word = _LAST_WORD_RE.search(before)
            if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1):
                continue
            # keep closing quotes with the sentence
            cut = m.start() + len(m.group().rstrip()) if not m.group().startswith("\n") else cut
        _add(text, start, cut, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + (len(chunk) - len(chunk.lstrip()))
        out.append((s, s + len(stripped)))


@attrs.define
class Sentence:
    """The tokens of one sentence with a guessed kind each (see the module constants)."""

    start: int
    end: int
    starts: list[int]
    ends: list[int]
    words: list[str]  # as written
    lows: list[str]
    kinds: list[str]
    #: index of the time mention covering each token, or -1
    times: list[int]


def tokenize(text: str, start: int, end: int, spans: list[tuple[int, int, int]]) -> Sentence:
    """Tokens of ``text[start:end]``; ``spans`` are (start, end, mention index) of its mentions.

    One `findall` cuts the sentence into (space, token) pairs, so the offsets
    are running sums of lengths; each word's kind comes from a table filled once
    per word, and only the few words whose kind depends on their neighbours are
    looked at again.
    """
    pairs = _SPACED_RE.findall(text, start, end)
    words = [w for _, w in pairs]
    lens = [len(a) + len(b) for a, b in pairs]
    ends = list(accumulate(lens, initial=start))[1:]
    starts = [e - len(w) for e, w in zip(ends, words)]
    lows = [w.lower() for w in words]
    n = len(words)
    times = [-1] * n
    for s, e, idx in spans:
        i = bisect.bisect_left(starts, s)
        while i < n and ends[i] <= e:
            times[i] = idx
            i += 1
    lex = _LEX
    kinds = [lex.get(w) or _lex(w) for w in lows]
    for i in range(n):
        k = kinds[i]
        if times[i] >= 0:
            kinds[i] = TIME
        elif k in _CONTEXTUAL:
            kinds[i] = _in_context(i, k, words, lows, times)
        elif k == AUX and lows[i] in _HAVE_MAIN and i + 1 < n and (
            lows[i + 1] in lx.DETERMINERS or lows[i + 1][0].isdigit() or lows[i + 1] == "$"
        ):
            kinds[i] = VERB  # "had a loss": the main verb
    return Sentence(start, end, starts, ends, words, lows, kinds, times)


def _in_context(i: int, k: str, words: list[str], lows: list[str], times: list[int]) -> str:
    """The kind of a content word from its neighbours (``k`` is its kind out of context)."""
    if k == _APOS:
        return AUX if lows[i] in lx.AUXILIARIES else WORD
    w = words[i]
    prev = lows[i - 1] if i else ""
    if i and w[0].isupper() and prev not in ('"', "“", ":", "``"):
        return WORD  # a name
    if k == _ATTR:
        return WORD if i + 1 < len(lows) and lows[i + 1] != "to" and prev not in lx.AUXILIARIES else VERB
    if k == _VERB_C:
        if prev in _PERIODS and lows[i] in _PERIOD_VERBS:
            return WORD  # "the quarter ended Sept. 30" names a time
        if prev in lx.DETERMINERS or prev in _NOUN_BEFORE or prev[:1].isdigit():
            lw = lows[i]
            if lw.endswith("s") and not lw.endswith("ss"):
                return NOUN if lw[:-1] in lx.EVENT_NOUNS or lw[:-2] in lx.EVENT_NOUNS else WORD  # "the reports"
            if lw.endswith("ed"):
                return WORD  # "the injured"
        return VERB
    if k == _AMBIG:
        # "the vote", "Saturday's attacks", "of sales": a noun; "they vote": a verb
        if prev in lx.DETERMINERS or prev in _NOUN_BEFORE or (i and times[i - 1] >= 0) or (
            i and lows[i - 1].endswith("'s")
        ):
            return NOUN
        return VERB
    if k == _GUESS:
        lw = lows[i]
        if lw in _ADJ_EVENTS:
            return WORD if i + 1 < len(lows) and lows[i + 1] == "to" else VERB  # "notes due Nov. 1"
        if (prev == "to" and not (lw.endswith("s") and not lw.endswith("ss"))) or prev in lx.MODALS or prev in lx.DO:
            return VERB
        return _suffix_kind(lows[i], prev)
    return VERB if k == _VERB_C else NOUN if k == _NOUN_C else WORD


def _suffix_kind(w: str, prev: str) -> str:
    n = len(w)
    if n > 4 and w.endswith("ed"):
        return VERB
    if n > 5 and w.endswith("ing"):
        return NOUN if prev in lx.DETERMINERS else VERB
    if n > 5 and w.endswith(lx.EVENT_SUFFIXES):
        return NOUN
    return WORD


def _lex(w: str) -> str:
    """The kind of a lower-case word out of context (cached)."""
    k = _STATIC.get(w)
    if k is None:
        c = w[0]
        if not c.isalpha():
            k = NUMBER if c.isdigit() else (_APOS if c in "'’" and len(w) > 1 else PUNCT)
        elif w in lx.CUE_PARTICIPLES:
            k = _CAP  # a plain word, or a name
        elif w in lx.ATTRIBUTIVE:
            k = _ATTR
        else:
            noun = w in lx.EVENT_NOUNS or (w.endswith("s") and w[:-1] in lx.EVENT_NOUNS)
            if w in lx.VERB_FORMS:
                k = _AMBIG if noun else _VERB_C
            elif noun:
                k = _NOUN_C
            elif w in lx.NOT_VERBS or w in lx.NOT_EVENT_NOUNS or w in lx.PRONOUNS:
                k = _CAP
            else:
                k = _GUESS
    if len(_LEX) < 100_000:
        _LEX[w] = k
    return k


def _static_kinds() -> dict[str, str]:
    """Words whose kind never depends on their neighbours."""
    table: dict[str, str] = {}
    for w in lx.PREPOSITIONS - {"following", "including"}:
        table[w] = PREP
    for w in lx.CLAUSE_WORDS | {"that"}:
        table[w] = CLAUSE
    for w in lx.DETERMINERS:
        table[w] = DET
    for w in lx.AUXILIARIES:
        table[w] = AUX
    for w in ",;:()\"“”.!?-$%/'":
        table[w] = PUNCT
    return table


_STATIC: Final = _static_kinds()
# kinds out of context, resolved by `_in_context`: a verb, a noun, a word (each may be a name),
# a verb or noun, a word to guess by its suffix, "planned", "'s"
_VERB_C, _NOUN_C, _CAP, _AMBIG, _GUESS, _ATTR, _APOS = "1", "2", "3", "4", "5", "6", "7"
_CONTEXTUAL: Final = frozenset((_VERB_C, _NOUN_C, _CAP, _AMBIG, _GUESS, _ATTR, _APOS))
_NOUN_BEFORE: Final = frozenset(("'s", "of", "’s"))
_LEX: dict[str, str] = {}
_HAVE_MAIN: Final = frozenset(("had", "has", "have"))
_PERIODS: Final = frozenset("quarter year period months weeks half month week days".split())
_PERIOD_VERBS: Final = frozenset("ended ending ends ended began beginning".split())
#: adjectives that tell an event: "the notes are due Nov. 1"
_ADJ_EVENTS: Final = frozenset("due payable available".split())
_SPACED_RE: Final = re.compile(r"(\s*)(" + _TOKEN_RE.pattern + ")")
