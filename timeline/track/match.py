"""Which reported deadlines are the same obligation: the rule of the tracker, as data.

Two deadlines are one tracked item when their *obligation* is the same: who demands it, what is
due, and the form of the deadline, each normalised by `normalise`:

* lower case, the words only (letters and digits; punctuation, quotes and dashes are dropped);
* the words of `FILLER` left out ("the", "a", "its", "their", ...);
* a plural or verb ending taken off by `ENDINGS` ("plans" -> "plan", "expires" -> "expire"),
  only on words longer than four letters so that "bus" or "news" stay as they are.

The due instant is not part of the obligation: a later report of the same obligation with
another due instant *moves* the item. Every example below runs as a test.

>>> normalise("Airlines to file their safety plans")
'airline file safety plan'
>>> obligation_key("The Ministry", "households to register for vouchers", "register") == \\
...     obligation_key("the ministry", "Households to register for  vouchers.", "registers")
True
>>> obligation_key(None, "banks to submit results", "submit") == obligation_key("the central bank",
...     "banks to submit results", "submit")
False
"""

from __future__ import annotations

import hashlib
import re
from typing import Final

#: words that do not tell one obligation from another
FILLER: Final = frozenset(
    "the a an its their his her our your my this that these those of to for on at in by with from "
    "and or all any".split())

#: endings taken off a word longer than four letters, tried in order: (ending, replacement)
ENDINGS: Final[tuple[tuple[str, str], ...]] = (
    ("ies", "y"), ("sses", "ss"), ("ing", ""), ("ied", "y"), ("es", "e"), ("ed", ""), ("s", ""),
)

#: (written, normalised) pairs that the tests run
EXAMPLES: Final[tuple[tuple[str, str], ...]] = (
    ("Airlines to file their safety plans", "airline file safety plan"),
    ("the ultimatum expires", "ultimatum expire"),
    ("Banks to submit the results.", "bank submit result"),
    ("households to register for vouchers", "household register voucher"),
    ("The ministry", "ministry"),
    ("the \u201cbus\u201d news", "bus news"),
    ("parties to reply", "party reply"),
    ("", ""),
)

_WORD: Final = re.compile(r"[^\W_]+")


def _stem(word: str) -> str:
    if len(word) <= 4 or word.isdigit():
        return word
    for ending, replacement in ENDINGS:
        if word.endswith(ending) and word not in ("news", "series", "business") and not word.endswith("ss"):
            return word[: len(word) - len(ending)] + replacement
    return word


def normalise(text: str | None) -> str:
    """``text`` as the tracker compares it (see the module's rule)."""
    if not text:
        return ""
    words = [w for w in _WORD.findall(text.casefold()) if w not in FILLER]
    return " ".join(_stem(w) for w in words)


def obligation_key(who: str | None, what: str | None, form: str | None) -> str:
    """The key of an obligation: a SHA-256 prefix of its normalised who, what and form."""
    joined = "\x1f".join((normalise(who), normalise(what), normalise(form)))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]
