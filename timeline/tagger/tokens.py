"""Tokens, their tags, and the little pattern language rules are written in.

The text is cut into tokens; each token gets one *tag*, a single character: a
word from the lexicon has a character of its own, numbers get a character per
shape (a plausible year, a day of the month, a clock time...), any other word
is ``w``. The tags of a text form a *tag string*, one character per token, and
rule patterns are compiled to regular expressions over that string. Matching is
therefore linear and cheap: the expensive work (dictionary look-ups) is done
once per token, and a pattern never sees raw characters.

Pattern syntax (items separated by spaces)::

    m=MONTH .? d=(DAYNUM | ORDNUM) (, y=YEAR)?

* ``UPPER`` names a token class (see `CLASSES`), ``lower`` a literal word,
  punctuation stands for itself (``, . - ' $ % : /``);
* ``( a | b c )`` groups alternatives; ``?``, ``*``, ``+`` repeat the item before;
* ``name=item`` captures the tokens of the item under ``name``;
* ``<(...)`` / ``!<(...)`` require / forbid one token before the match,
  ``>(...)`` / ``!>(...)`` one token after it (not part of the match).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from timeline.tagger import lexicon as lx

# ---------------------------------------------------------------- tokenizer

_TOKEN_RE: Final = re.compile(
    # words first: most tokens are words, and the digit shapes are tried only on digits
    r"""
    (?P<word>[A-Za-z]+)
  | (?P<informal>2(?:[Mm](?:[Oo][Rr][Oo]|[Oo][Rr][Rr][Oo][Ww]|[Rr][Ww]?)|[Nn][Ii](?:[Tt][Ee]|[Gg][Hh][Tt])))(?![A-Za-z0-9])
  | (?P<iso>\d{4}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-][01]\d:?[0-5]\d)?)?)(?![\d])
  | (?P<slash>[0-3]?\d/[0-3]?\d/(?:\d{4}|\d{2})|[0-3]?\d\.[01]?\d\.\d{4})(?![\d/]|\.\d)
  | (?P<clock>[0-2]?\d:[0-5]\d(?::[0-5]\d)?)(?![\d:,])
  | (?P<dotclock>[0-2]?\d\.[0-5]\d)(?=\ ?[ap]\.?m\b)
  | (?P<decade>(?:1[0-9]|20)?\d0s)(?![A-Za-z0-9])
  | (?P<bignum>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+)
  | (?P<ordnum>\d{1,2}(?:st|nd|rd|th))(?![A-Za-z])
  | (?P<num>\d+)
  | (?P<apos>['\u2019]\d(?:0s|\d)(?![A-Za-z0-9]))
  | (?P<para>\n[ \t\r]*\n)
  | (?P<punct>[^\sA-Za-z0-9])
    """,
    re.VERBOSE,
)
# abbreviations that keep their period ("Sept.", "Fri."), checked after a word
_ABBREVIATIONS: Final = frozenset(
    "jan feb febr mar apr jun jul aug sept sep oct nov dec mon tue tues wed thu thur thurs fri sat sun".split()
)

# fixed tags of token shapes
YEAR_TAG, DAYNUM_TAG, NUM_TAG, BIGNUM_TAG, ORDNUM_TAG = "Y", "D", "N", "B", "O"
CLOCK_TAG, ISO_TAG, SLASH_TAG, DECADE_TAG, APYEAR_TAG = "C", "I", "S", "E", "A"
AMPM_TAG, WORD_TAG, PUNCT_TAG, PARA_TAG, QTR_TAG = "P", "w", "p", "|", "Q"
CAPWORD_TAG = "W"  # a word of no table that starts with a capital ("Moscow")
_GENERIC: Final = frozenset((WORD_TAG, CAPWORD_TAG))
_PUNCT_TAGS: Final = {
    ",": ",", ".": ".", "-": "-", "\u2013": "-", "\u2014": "-", "'": "'", "\u2019": "'",
    "$": "$", "%": "%", ":": ":", "/": "/", ";": ";", "(": "(", ")": ")", '"': '"',
    "\u201c": '"', "\u201d": '"', "?": ";", "!": ";", "+": "+", "\u2212": "-",
}

# Words that belong to a lexicon table, plus the literal words rule patterns
# name. Filled by `register_words`, each word gets its own tag character.
_WORD_TAGS: dict[str, str] = {}
_NEXT_CHAR = [0x100]


def word_tag(word: str) -> str:
    """The tag of a lexicon word, allocating one the first time it is seen."""
    w = word.lower()
    tag = _WORD_TAGS.get(w)
    if tag is None:
        tag = chr(_NEXT_CHAR[0])
        _NEXT_CHAR[0] += 1
        _WORD_TAGS[w] = tag
    return tag


def register_words(words: Iterable[str]) -> str:
    """Give each word a tag; return them all as the body of a regex character class."""
    return "".join(sorted({word_tag(w) for w in words}))


# Token classes: name -> the tags it admits.
_MONTH_WORDS = [f for _, forms in lx.MONTHS for f in forms]
_WEEKDAY_WORDS = [f for _, forms in lx.WEEKDAYS for f in forms]
CLASSES: Final[dict[str, str]] = {
    "MONTH": register_words(_MONTH_WORDS),
    "WEEKDAY": register_words(_WEEKDAY_WORDS),
    "WEEKDAYS": register_words(lx.WEEKDAY_PLURALS),
    "NUMWORD": register_words(lx.NUMBER_WORDS),
    "TENS": register_words(lx.TENS),
    "ORDWORD": register_words(lx.ORDINAL_WORDS),
    "UNIT": register_words(lx.UNIT_FORMS),
    "POD": register_words(lx.PARTS_OF_DAY),
    "SEASON": register_words(lx.SEASONS),
    "CLOCKWORD": register_words(lx.CLOCK_WORDS),
    "RELDAY": register_words(lx.RELATIVE_DAYS),
    "REFWORD": register_words(lx.REF_WORDS),
    "HOLIDAY": register_words(lx.HOLIDAYS),
    "ZONE": register_words(lx.ZONE_WORDS),
    "ZONEREGION": register_words(lx.ZONE_REGIONS),
    "SIGN": "+-",
    "VAGUE": register_words(lx.VAGUE_QUANTITIES),
    "ERABC": register_words(lx.ERAS_BC),
    "ERAAD": register_words(lx.ERAS_AD),
    "YEAR": YEAR_TAG,
    "DAYNUM": DAYNUM_TAG,
    "NUM": NUM_TAG + DAYNUM_TAG + YEAR_TAG,
    "COUNT": NUM_TAG + DAYNUM_TAG,
    "BIGNUM": BIGNUM_TAG,
    "ORDNUM": ORDNUM_TAG,
    "CLOCK": CLOCK_TAG,
    "ISO": ISO_TAG,
    "SLASHDATE": SLASH_TAG,
    "DECADE": DECADE_TAG,
    "APYEAR": APYEAR_TAG,
    "AMPM": AMPM_TAG,
    "QTR": QTR_TAG,
    "WORD": WORD_TAG + CAPWORD_TAG,
    "CAPWORD": CAPWORD_TAG,
}
# names that stand for a sequence of tokens
MACROS: Final[dict[str, str]] = {
    "SPELLEDYEAR": "((nineteen | eighteen) (TENS (- NUMWORD)? | NUMWORD))",
    # a zone written after a clock time: "GMT", "UTC+3", "UTC+03:00", "Pacific", "Eastern Standard Time",
    # "Moscow time" (a capitalized word before "time"; the production checks the capital)
    "ZONESPEC": "(ZONE (SIGN (DAYNUM | COUNT | CLOCK))? | ZONEREGION (european)? (standard | daylight | summer)?"
                " (time)? | CAPWORD (european)? (standard | daylight | summer)? time)",
}
_MACRO_RE: Final = re.compile(r"\b(" + "|".join(MACROS) + r")\b")
# words of no table that the tokenizer must still look at: "a.m.", "p.m.", "Q3", "H1", "am", "pm"
_SPECIAL_GENERIC: Final = frozenset({"a", "p", "q", "h", "am", "pm", "b"})
# "B.C.", "B.C.E.", "A.D." after their first letter: one word, "bc", "bce", "ad"
_ERA_DOTS: Final = re.compile(r"\.([cCdD])(?:\.([eE]))?\.?(?![A-Za-z0-9])")
_LATENT_MONTHS: Final = frozenset(lx.LATENT_MONTHS)
_LATENT_WEEKDAYS: Final = frozenset(lx.LATENT_WEEKDAYS)


class Tokens:
    """The tokens of one text: offsets, surface forms and the tag string."""

    __slots__ = ("text", "starts", "ends", "tags", "memo")

    def __init__(self, text: str, starts: list[int], ends: list[int], tags: str) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends
        self.tags = tags
        #: what later steps worked out about a token, kept so that dense text reads it once
        self.memo: dict[int, Any] = {}

    def word(self, i: int) -> str:
        """Token ``i`` as written."""
        return self.text[self.starts[i] : self.ends[i]]

    def lower(self, i: int) -> str:
        """Token ``i`` lower-cased, without the period of an abbreviation ("Sept." -> "sept")."""
        return self.text[self.starts[i] : self.ends[i]].lower().rstrip(".") or "."

    def __len__(self) -> int:
        return len(self.starts)


_WEEKDAY_CUES: Final = lx.WEEKDAY_CUES


_WEEKDAY_FORMS: Final = frozenset(f for _, forms in lx.WEEKDAYS for f in forms)


def _weekday_cue(text: str, starts: list[int], ends: list[int]) -> bool:
    """Whether the token before cues a weekday ("this sat", "every mon"), or a weekday and a comma
    come before it ("every mon, wed")."""
    k = len(starts) - 1
    if k >= 1 and text[starts[k]:ends[k]] == ",":
        return text[starts[k - 1]:ends[k - 1]].lower().rstrip(".") in _WEEKDAY_FORMS
    return k >= 0 and text[starts[k]:ends[k]].lower().rstrip(".") in _WEEKDAY_CUES


def _era(first: str, text: str, at: int) -> tuple[str, int] | None:
    """ "B.C." / "B.C.E." / "A.D." from the period after their first letter: (the era word, its end)."""
    m = _ERA_DOTS.match(text, at)
    if m is None:
        return None
    word = first + m.group(1).lower() + (m.group(2) or "").lower()
    return (word, m.end()) if word in ("bc", "bce", "ad") else None


def tokenize(text: str) -> Tokens:
    """Cut ``text`` into tokens and tag each one."""
    starts: list[int] = []
    ends: list[int] = []
    tags: list[str] = []
    word_tags = _WORD_TAGS
    punct_tags = _PUNCT_TAGS
    add_start, add_end, add_tag = starts.append, ends.append, tags.append
    n_text = len(text)
    skip_to = 0  # a word took the characters after it ("Sept." takes its period)
    special = _SPECIAL_GENERIC
    for m in _TOKEN_RE.finditer(text):
        start = m.start()
        if start < skip_to:
            continue
        kind = m.lastgroup
        tok = m.group()
        end = m.end()
        if kind == "word" or kind == "informal":  # "2nite", "2moro": words of messages
            low = tok.lower()
            tag = word_tags.get(low)
            if tag is None and low not in special:  # most words: no table, nothing after them to read
                add_start(start)
                add_end(end)
                add_tag(CAPWORD_TAG if tok[0].isupper() else WORD_TAG)
                continue
            tag = tag or (CAPWORD_TAG if tok[0].isupper() else WORD_TAG)
            nxt = text[end] if end < n_text else ""
            if nxt == "." and low in _ABBREVIATIONS:
                end += 1  # "Sept." keeps its period
                skip_to = end
                kind = "abbr"
            elif nxt == "." and low in ("a", "b") and (era := _era(low, text, end)) is not None:
                skip_to = end = era[1]
                add_start(start)
                add_end(end)
                add_tag(word_tags[era[0]])
                continue
            elif nxt == "." and low in ("a", "p") and text.startswith(".m", end) \
                    and not text[end + 2 : end + 3].isalnum():
                end += 3 if text.startswith(".m.", end) else 2  # "a.m.", "p.m"
                skip_to = end
                add_start(start)
                add_end(end)
                add_tag(AMPM_TAG)
                continue
            elif nxt in "1234" and nxt and tok in ("Q", "H") and not text[end + 1 : end + 2].isalnum():
                skip_to = end + 1
                add_start(start)
                add_end(end + 1)
                add_tag(QTR_TAG)  # "Q3", "H1"
                continue
            if tag not in _GENERIC and not tok[0].isupper():
                if low in _LATENT_MONTHS or low in _LATENT_WEEKDAYS and not _weekday_cue(text, starts, ends):
                    tag = WORD_TAG
            elif tag not in _GENERIC and low in _LATENT_WEEKDAYS and kind == "word" \
                    and not _weekday_cue(text, starts, ends):
                tag = WORD_TAG  # "Sat" or "Wed" is a weekday only as "Sat." and similar, or after "this", "every"
            if low in ("am", "pm"):
                tag = AMPM_TAG
        elif kind == "num":
            n = len(tok)
            if n == 4 and tok[0] != "0":
                tag = YEAR_TAG  # after a month any year; alone, the year rules want 1000-2199
            elif n <= 2 and 1 <= int(tok) <= 31:
                tag = DAYNUM_TAG
            else:
                tag = NUM_TAG
        elif kind == "punct":
            tag = punct_tags.get(tok, PUNCT_TAG)
        elif kind == "clock" or kind == "dotclock":  # "17:00"; "11.30" only before am/pm
            h = int(tok.replace(".", ":").split(":", 1)[0])
            tag = CLOCK_TAG if h <= 24 else NUM_TAG
        elif kind == "ordnum":
            tag = ORDNUM_TAG if 1 <= int(tok[:-2]) <= 31 else NUM_TAG
        elif kind == "bignum":
            tag = BIGNUM_TAG
        elif kind == "iso":
            tag = ISO_TAG
        elif kind == "slash":
            tag = SLASH_TAG
        elif kind == "decade":
            tag = DECADE_TAG
        elif kind == "apos":
            tag = DECADE_TAG if tok.endswith("s") else APYEAR_TAG
        else:
            tag = PARA_TAG
        add_start(start)
        add_end(end)
        add_tag(tag)
    return Tokens(text, starts, ends, "".join(tags))


# ---------------------------------------------------------------- patterns

_PATTERN_TOKEN_RE: Final = re.compile(r"!?[<>]\(|\(|\)|\||[?*+]|[^\s()|?*+]+")
_NAME_RE: Final = re.compile(r"^([a-z_][a-z0-9_]*)=(.*)$")
_PUNCT_LITERALS: Final = {",", ".", "-", "'", "$", "%", ":", "/", ";", "(", ")", '"'}


class PatternError(ValueError):
    """A rule pattern that cannot be compiled."""


def compile_pattern(pattern: str, *, rule: str = "?") -> re.Pattern[str]:
    """Compile a rule pattern to a regex over tag strings."""
    pattern = _MACRO_RE.sub(lambda m: MACROS[m.group(1)], pattern)
    out: list[str] = []
    open_groups = 0
    pending: str | None = None  # "name=" waiting for its "("
    for tok in _PATTERN_TOKEN_RE.findall(pattern):
        if pending is not None and tok != "(":
            raise PatternError(f"rule {rule!r}: '{pending}=' must be followed by an item in {pattern!r}")
        if tok in ("<(", "!<(", ">(", "!>("):
            out.append({"<(": "(?<=", "!<(": "(?<!", ">(": "(?=", "!>(": "(?!"}[tok])
            open_groups += 1
            continue
        if tok == "(":
            out.append(f"(?P<{pending}>" if pending else "(?:")
            pending = None
            open_groups += 1
            continue
        if tok == ")":
            if not open_groups:
                raise PatternError(f"rule {rule!r}: unbalanced ')' in {pattern!r}")
            open_groups -= 1
            out.append(")")
            continue
        if tok in ("|", "?", "*", "+"):
            out.append(tok)
            continue
        name = None
        m = _NAME_RE.match(tok)
        if m:
            name, tok = m.group(1), m.group(2)
            if tok == "":  # "name=(" : the group follows
                pending = name
                continue
        atom = _atom(tok, rule, pattern)
        out.append(f"(?P<{name}>{atom})" if name else atom)
    if open_groups:
        raise PatternError(f"rule {rule!r}: unbalanced '(' in {pattern!r}")
    regex = "".join(out)
    try:
        compiled = re.compile(regex)
    except re.error as e:  # pragma: no cover - caught by the rule tests
        raise PatternError(f"rule {rule!r}: {e} in {pattern!r}") from None
    if compiled.match(""):
        raise PatternError(f"rule {rule!r}: pattern {pattern!r} matches nothing at all")
    return compiled


def first_tags(pattern: str) -> frozenset[str]:
    """The tags a match of ``pattern`` can start with (look-arounds are zero-width: they add none).

    A rule whose first tags are all absent from a text cannot match it, so `candidates` skips it
    without running its regex.
    """
    pattern = _MACRO_RE.sub(lambda m: MACROS[m.group(1)], pattern)
    toks = _PATTERN_TOKEN_RE.findall(pattern)
    pos = 0

    def atom_tags(tok: str) -> set[str]:
        if _NAME_RE.match(tok):
            tok = _NAME_RE.match(tok).group(2)  # type: ignore[union-attr]
        if tok in CLASSES:
            return set(CLASSES[tok])
        if tok in _PUNCT_LITERALS:
            return {_PUNCT_TAGS.get(tok, tok)}
        return {word_tag(tok)}

    def alternation() -> tuple[set[str], bool]:
        nonlocal pos
        first, nullable = sequence()
        while pos < len(toks) and toks[pos] == "|":
            pos += 1
            f, n = sequence()
            first |= f
            nullable = nullable or n
        return first, nullable

    def sequence() -> tuple[set[str], bool]:
        nonlocal pos
        first: set[str] = set()
        nullable = True
        while pos < len(toks) and toks[pos] not in ("|", ")"):
            tok = toks[pos]
            pos += 1
            if tok in ("<(", "!<(", ">(", "!>("):
                alternation()
                pos += 1  # ")"
                continue
            if tok == "(" or tok.endswith("=") and pos < len(toks) and toks[pos] == "(":
                if tok != "(":
                    pos += 1
                f, n = alternation()
                pos += 1  # ")"
            else:
                f, n = atom_tags(tok), False
            if pos < len(toks) and toks[pos] in ("?", "*"):
                n = True
                pos += 1
            elif pos < len(toks) and toks[pos] == "+":
                pos += 1
            if nullable:
                first |= f
                nullable = n
        return first, nullable

    found, _ = alternation()
    return frozenset(found)


def _atom(tok: str, rule: str, pattern: str) -> str:
    if tok in CLASSES:
        chars = CLASSES[tok]
        return re.escape(chars) if len(chars) == 1 else f"[{re.escape(chars)}]"
    if tok.isupper() and tok.isalpha():
        raise PatternError(f"rule {rule!r}: unknown token class {tok} in {pattern!r}")
    if tok in _PUNCT_LITERALS:
        return re.escape(tok)
    if tok.islower() or tok[0].isalpha():
        return re.escape(word_tag(tok))
    raise PatternError(f"rule {rule!r}: cannot read {tok!r} in {pattern!r}")
