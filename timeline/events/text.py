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

# token kinds
VERB, NOUN, AUX, DET, PREP, PUNCT, CLAUSE, WORD, NUMBER, TIME = "VNADP,CwnT"


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

    One `re.split` cuts the sentence into space, token, space, ..., so the
    offsets are running sums of lengths (all done in C); each word's kind comes
    from a table filled once per word, and only the words whose kind depends on
    their neighbours are looked at again, inline.
    """
    parts = _SPLIT_RE.split(text[start:end])
    words = parts[1::2]
    n = len(words)
    offs = list(accumulate(map(len, parts), initial=start))
    starts = offs[1 : 2 * n : 2]
    ends = offs[2 : 2 * n + 1 : 2]
    lows = list(map(str.lower, words))
    times = [-1] * n
    timed: list[int] = []
    for s, e, idx in spans:
        i = bisect.bisect_left(starts, s)
        while i < n and ends[i] <= e:
            times[i] = idx
            timed.append(i)
            i += 1
    try:
        kinds = list(map(_LEX.__getitem__, words))
    except KeyError:
        kinds = [_LEX.get(w) or _lex(w) for w in words]
    # the words whose kind depends on their neighbours: mostly one look-up in a table of the
    # word before (`_RULES`), the rest in `_in_context`
    rules, openers = _RULES, _OPENERS
    for i in [i for i, k in enumerate(kinds) if k in rules]:
        k = kinds[i]
        prev = lows[i - 1] if i else ""
        if k == _NAME:
            if i and prev not in openers:
                kinds[i] = WORD  # a name
                continue
            k = _LEX_LOW.get(lows[i]) or _lex_low(lows[i])
            if k not in rules:  # an event noun
                kinds[i] = k
                continue
        rule = rules[k]
        if rule is None:
            kinds[i] = _in_context(i, k, lows, times, prev, n, kinds)
        else:
            table, default, after_number = rule
            kind = table.get(prev)
            if kind is None:
                # after a number (not a date: "on Aug. 6 ordered") or an adjective: a noun or a word
                after = bool(after_number) and (
                    (prev[:1].isdigit() and times[i - 1] < 0) or _after_adjective(i, lows, kinds))
                kind = after_number if after else default
            kinds[i] = kind
    heads, adjectives = _OBJECT_HEAD_FORMS, lx.ADJECTIVES
    for i in [i for i, k in enumerate(kinds) if k == VERB and 0 < i < n - 1]:
        w = lows[i]
        if w in heads and _object_head(i, words, lows, kinds):
            kinds[i] = NOUN if w in lx.EVENT_NOUNS or w[:-1] in lx.EVENT_NOUNS else WORD
        elif w in adjectives and (kinds[i - 1] == VERB or lows[i - 1].endswith("ly")):
            kinds[i] = WORD  # "closed sharply lower": an adjective after the verb
        elif w == "compared" and lows[i + 1] in ("with", "to"):
            kinds[i] = WORD  # "a loss, compared with a profit a year ago": a preposition
    for i in timed:
        kinds[i] = TIME
    return Sentence(start, end, starts, ends, words, lows, kinds, times)


def _object_head(i: int, words: list[str], lows: list[str], kinds: list[str]) -> bool:
    """Whether the verb form ``i`` (present or base) ends the object of a verb or a preposition
    before a preposition or a stop: "filed compliance reports by", "created the task force on",
    "under their current names until" (not after a reporting verb: "said the company plans")."""
    w = lows[i]
    if w not in _OBJECT_HEAD_FORMS:
        return False
    prev = lows[i - 1]
    if w.endswith("s") and prev.endswith("s") and not prev.endswith(("ss", "'s")) and kinds[i - 1] == WORD:
        return False  # "a deadline set by the mediators expires at noon": a verb in -s after a plural
    nk = kinds[i + 1]
    if not (nk == PUNCT or nk == CLAUSE or (nk == PREP and lows[i + 1] != "to")):
        return False
    k = i - 1
    if kinds[k] != VERB:
        if kinds[k] != WORD or not words[k][:1].islower() or lows[k] in lx.PRONOUNS:
            return False
        while k > 0 and i - k < 4 and (kinds[k] == DET or (kinds[k] in (WORD, NUMBER) and not words[k][:1].isupper())) \
                and lows[k] not in _SUBJECT_WORDS:
            k -= 1
    if kinds[k] == PREP:
        return lows[k] not in _CLAUSE_PREPOSITIONS
    return kinds[k] == VERB and lows[k] not in lx.NEGATIONS and lows[k] not in lx.REPORTING \
        and lx.VERB_FORMS.get(lows[k]) not in _BARE_INFINITIVE \
        and not (k == i - 1 and lows[k].endswith("s"))  # "as oil prices rise": a noun taken for a verb


#: the verb forms that may end an object (present or base forms)
_OBJECT_HEAD_FORMS: Final = frozenset(
    w for w in lx.VERB_FORMS if not (w.endswith(("ed", "ing")) or w in lx.PAST_FORMS))
_BARE_INFINITIVE: Final = frozenset("let make help see hear watch".split())
#: prepositions that may open a clause: "until interest rates fall"
_CLAUSE_PREPOSITIONS: Final = frozenset("to after before since until till than like as".split())
#: words that open a clause rather than a noun phrase: "demanding that Iraq withdraw"
_SUBJECT_WORDS: Final = lx.PRONOUNS | {"that", "this", "these", "those"}


def _after_adjective(i: int, lows: list[str], kinds: list[str]) -> bool:
    """Whether word ``i`` (a verb form, not a past one) follows an adjective, so that it heads a noun
    phrase: "a dramatic rise", "multi-party talks", "a more personal turn"."""
    if not i or kinds[i - 1] != WORD:
        return False
    w, prev = lows[i], lows[i - 1]
    if w in lx.PAST_FORMS or w in lx.REPORTING or w.endswith("ing"):
        return False
    return prev in lx.ADJECTIVES or ("-" in prev and prev[-1] != "-") or prev.endswith(lx.ADJECTIVE_SUFFIXES)


def _in_context(i: int, k: str, lows: list[str], times: list[int], prev: str, n: int,
                kinds: list[str]) -> str:
    """The kind of word ``i`` (lower case) when it depends on more than the word before."""
    if k == _HAVE:  # "had a loss": the main verb
        # an auxiliary before a participle ("had filed", "has been", "had already left", "had to"),
        # else the main verb ("had net income of", "have problems")
        nxt = lows[i + 1] if i + 1 < n else ""
        if nxt.endswith("ly") and i + 2 < n:
            after = lows[i + 2]
            if after in lx.DETERMINERS or after[0].isdigit() or after == "$":
                return VERB  # "had nearly 73 million shares"
        if not nxt or nxt in lx.DETERMINERS or nxt[0].isdigit() or nxt == "$":
            return VERB if nxt else AUX
        if nxt in _HAVE_AUX_NEXT or nxt.endswith(("ed", "en", "ly")) or nxt in lx.PAST_FORMS or not nxt[0].isalpha():
            return AUX
        return VERB
    if k == _AMBIG:
        # "the vote", "Saturday's attacks", "of sales": a noun; "they vote": a verb
        return NOUN if prev in _NOUN_CONTEXT or (i and (times[i - 1] >= 0 or prev.endswith("'s"))) \
            or _after_adjective(i, lows, kinds) else VERB
    if k == _THAT:  # "warned that the scheme expires" opens a clause; "that plan" is a determiner
        nxt = lows[i + 1] if i + 1 < n else ""
        return CLAUSE if nxt and (nxt in lx.DETERMINERS or nxt in lx.PRONOUNS or nxt[0].isdigit()
                                  or (kinds[i + 1] == _NAME)) else DET
    if k == _ADJ:  # "notes due Nov. 1"
        return WORD if i + 1 < n and lows[i + 1] == "to" else VERB
    # _ATTR: "the planned conclusion" (a word), "had planned to" (a verb)
    return WORD if i + 1 < n and lows[i + 1] != "to" and prev not in lx.AUXILIARIES else VERB


def _suffix_kind(w: str, prev: str) -> str:
    n = len(w)
    if n > 4 and w.endswith("ed"):
        return VERB
    if n > 5 and w.endswith("ing"):
        return NOUN if prev in lx.DETERMINERS else VERB
    if n > 5 and w.endswith(lx.EVENT_SUFFIXES):
        return NOUN
    return WORD


def _lex(word: str) -> str:
    """The kind of a word as written out of context, or a code for the loop of `tokenize`
    (cached): `_NAME` for a capitalized word that is a name inside a sentence."""
    w = word.lower()
    k = _LEX_LOW.get(w)
    if k is None:
        k = _lex_low(w)
        if len(_LEX_LOW) < 100_000:
            _LEX_LOW[w] = k
    if (k in _RULES or k == NOUN) and k != _HAVE and word[0].isupper():
        k = _NAME
    if len(_LEX) < 100_000:
        _LEX[word] = k
    return k


def _lex_low(w: str) -> str:
    """The kind of a lower-case word out of context, or its code in `_RULES`."""
    k = _STATIC.get(w)
    if k is not None:
        return k
    c = w[0]
    if not c.isalpha():
        if c.isdigit():
            return NUMBER
        if c in "'’" and len(w) > 1:
            return AUX if w in lx.AUXILIARIES else WORD  # "'s", "'ll"
        return PUNCT
    if w in lx.CUE_PARTICIPLES:
        return WORD
    if w in lx.ATTRIBUTIVE:
        return _ATTR
    noun = w in lx.EVENT_NOUNS or (w.endswith("s") and w[:-1] in lx.EVENT_NOUNS)
    if w in lx.VERB_FORMS:
        if noun:
            return _AMBIG
        # after a determiner, "'s", "of" or a number: "the reports" (a noun), "the injured" (a word)
        plural = w.endswith("s") and not w.endswith("ss")
        after_det = (NOUN if w[:-1] in lx.EVENT_NOUNS or w[:-2] in lx.EVENT_NOUNS else WORD) if plural else \
            WORD if w.endswith("ed") else NOUN
        return _rule_code(("verb", after_det))
    if noun:
        return NOUN
    if w in lx.NOT_VERBS or w in lx.NOT_EVENT_NOUNS or w in lx.PRONOUNS:
        return WORD
    if w in _ADJ_EVENTS:
        return _ADJ
    if w.endswith("ing") and "-" in w[1:-4]:
        return WORD  # "an eye-popping sum", "rice-processing capacity": an adjective
    if w.startswith("un") and w.endswith("ed") and w[2:] in lx.VERB_FORMS:
        return WORD  # "closed unchanged", "an unnamed official": an adjective
    # a word to guess by its suffix, a verb after "to" (unless plural), a modal or "do"
    plural = w.endswith("s") and not w.endswith("ss")
    n = len(w)
    ing = n > 5 and w.endswith("ing") and not w.endswith("ed")
    predicate = _predicate(w)
    adjective = w.endswith("ly") or (predicate and not w.endswith("ed"))
    return _rule_code(("guess", plural, ing, _suffix_kind(w, ""), predicate, adjective))


def _predicate(w: str) -> bool:
    """Whether ``w`` reads as an adjective that, after "be", tells a state ("was weak", "is
    available"); "likely", "able", "ready" only lead to the event that follows."""
    if w in lx.NOT_PREDICATES or not w.isalpha():
        return False
    return w in lx.ADJECTIVES or w.endswith(lx.ADJECTIVE_SUFFIXES) or w.endswith(lx.PREDICATE_SUFFIXES)


def _rule_code(key: tuple[object, ...]) -> str:
    """The code of a kind that depends on the word before: one table per distinct rule."""
    code = _RULE_CODES.get(key)
    if code is None:
        code = f"r{len(_RULE_CODES)}"
        table: dict[str, str] = {}
        if key[0] == "verb":
            _, after_det = key
            for w in _NOUN_CONTEXT:
                table[w] = str(after_det)
            _RULES[code] = (table, VERB, str(after_det))
        else:
            _, plural, ing, default, predicate, adjective = key
            if predicate:
                for w in lx.BE - {"'s"}:
                    table[w] = VERB  # "the stock was weak", "the rebels are active": a state
            if ing:
                for w in lx.DETERMINERS:
                    table[w] = NOUN
            elif default == VERB:
                for w in lx.DETERMINERS | _PREP_CONTEXT:
                    table[w] = WORD  # "the troubled region", "of fertilizer-based explosives"
            if not adjective:
                for w in _MODAL_DO:
                    table[w] = VERB
            if not plural:
                table["to"] = VERB
            _RULES[code] = (table, str(default), "")
        _RULE_CODES[key] = code
    return code


def _static_kinds() -> dict[str, str]:
    """Words whose kind never depends on their neighbours (and "had", "has", "have")."""
    table: dict[str, str] = {}
    for w in lx.PREPOSITIONS - {"following", "including"}:
        table[w] = PREP
    for w in lx.CLAUSE_WORDS | {"that"}:
        table[w] = CLAUSE
    for w in lx.DETERMINERS:
        table[w] = DET
    for w in lx.AUXILIARIES:
        table[w] = AUX
    for w in _HAVE_MAIN:
        table[w] = _HAVE
    table["that"] = _THAT
    for w in ",;:()\"“”.!?-$%/'":
        table[w] = PUNCT
    return table


# codes of kinds that depend on the context, resolved in `_in_context`: a verb or a noun, "due",
# "planned", "had"; and a capitalized word (a name inside a sentence)
_AMBIG, _ADJ, _ATTR, _THAT, _HAVE, _NAME = "4", "5", "6", "7", "8", "9"
#: code -> (kind by the word before, the kind otherwise, the kind after a number) or None for
#: the codes of `_in_context`; the rule codes are added by `_rule_code`
_RULES: dict[str, tuple[dict[str, str], str, str] | None] = {_AMBIG: None, _ADJ: None, _ATTR: None, _THAT: None,
                                                               _HAVE: None, _NAME: None}
_RULE_CODES: dict[tuple[object, ...], str] = {}
_HAVE_MAIN: Final = frozenset(("had", "has", "have"))
#: words after "had" that keep it an auxiliary: "had been", "had not", "had to", "had already"
_HAVE_AUX_NEXT: Final = lx.AUXILIARIES | lx.NEGATIONS | lx.ADVERB_OK | frozenset(
    "to n't ever long since".split())
_STATIC: Final = _static_kinds()
_NOUN_BEFORE: Final = frozenset(("'s", "of", "’s"))
_NOUN_CONTEXT: Final = lx.DETERMINERS | _NOUN_BEFORE
#: prepositions before an adjective in -ed rather than a verb ("in unspecified amounts")
_PREP_CONTEXT: Final = lx.PREPOSITIONS - {"to", "as", "than", "like"}
_MODAL_DO: Final = lx.MODALS | lx.DO
_OPENERS: Final = frozenset(('"', "“", ":", "``"))
#: word as written -> kind or code; lower-case word -> kind or code
_LEX: dict[str, str] = {}
_LEX_LOW: dict[str, str] = {}
#: adjectives that tell an event: "the notes are due Nov. 1"
_ADJ_EVENTS: Final = frozenset("due payable available".split())
