"""The stages a document goes through, each a function ``Document -> Document`` that adds one
field (see `timeline.document.Document`), and `analyze`, which runs them all.

    read -> syntax -> times -> zone -> events -> links -> timeline

* `syntax`: the spaCy parse (`timeline.syntax`), once per document (`analyze_many` parses a batch
  through ``nlp.pipe``);
* `times`: the time expressions (`timeline.tagger`), resolved against the publication; with the
  parse, a weekday or a month takes its direction from the verb group that governs it where
  that is clear (`timeline.tagger.anchor.governing_tense`), in the same tagger pass;
* `zone`: the document's zone (`timeline.zones.document_zone`), once, and the clock times in it;
* `events`: every event word of the story with its TimeML attributes (`timeline.events.find`);
* `links`: which time dates which event word (`timeline.events.link`);
* `timeline`: the events placed, described, ordered, and the deadlines (`timeline.events.assemble`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from timeline._model import Mention
from timeline._reference import as_reference
from timeline.document import Document

if TYPE_CHECKING:
    from timeline.tagger.context import Tense

Published = dt.date | dt.datetime | str


def read(text: str, *, published: Published, timezone: str | None = None, document: str = "doc") -> Document:
    """A new `Document`; `TypeError` / `ValueError` name a bad argument."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(document, str):
        raise TypeError(f"document must be a str, not {type(document).__name__}")
    ref = as_reference(published)
    if timezone is not None:
        from timeline.zones import get_zone  # noqa: PLC0415

        get_zone(timezone)  # an unknown zone is an error even when the text has no clock time
    return Document(id=document, text=text, published=published, reference=ref, timezone=timezone)


def times(doc: Document) -> Document:
    """The time expressions of the text, resolved against the publication (not yet zoned); read
    in the direction of their governing verb where the document has its parse."""
    from timeline.tagger import tag  # noqa: PLC0415

    hint = None
    if doc.syntax is not None:
        from timeline.tagger.anchor import governing_tense  # noqa: PLC0415

        parsed = doc.syntax

        def hint(start: int, end: int) -> Tense:
            return governing_tense(parsed, start, end)

    return attrs.evolve(doc, mentions=tuple(tag(doc.text, doc.reference, tense_hint=hint)))


def syntax(doc: Document, *, model: str | None = None, parsed: Any = None) -> Document:
    """The spaCy parse of the text (``parsed``, when a batch was parsed already)."""
    from timeline.syntax import parsable, parse  # noqa: PLC0415

    if parsed is None:
        parsed = parse(doc.text, model)
    if parsed.text != parsable(doc.text):
        raise ValueError(f"the parse given for document {doc.id!r} is of another text")
    return attrs.evolve(doc, syntax=parsed)


def zone(doc: Document) -> Document:
    """The document's zone (given, dateline, "local time" place, aware publication), and its
    clock times made aware in it."""
    from timeline.zones import get_zone, localize  # noqa: PLC0415

    z = _document_zone(doc)
    mentions = doc.mentions
    if any(m.type == "TIME" for m in mentions):
        mentions = tuple(localize(mentions, None if z is None else get_zone(z.name)))
    return attrs.evolve(doc, zone=z, mentions=mentions)


def _document_zone(doc: Document) -> Any:
    from timeline.zones import document_zone  # noqa: PLC0415

    return document_zone(doc.text, doc.mentions, timezone=doc.timezone, published=doc.reference.when)


def events(doc: Document) -> Document:
    """Every event word of the story (`timeline.events.find`)."""
    from timeline.events.find import find_events  # noqa: PLC0415

    return attrs.evolve(doc, words=tuple(find_events(doc.syntax)))


def links(doc: Document) -> Document:
    """Which time expression dates which event word (`timeline.events.link`)."""
    from timeline.events.link import link  # noqa: PLC0415

    tokens = {w.token for w in doc.words}
    return attrs.evolve(doc, links=tuple(link(doc.syntax, doc.mentions, lambda t: t.i in tokens)))


def timeline(doc: Document) -> Document:
    """The events placed, described and ordered, with the deadlines (`timeline.events.assemble`)."""
    from timeline.events.assemble import timeline_of  # noqa: PLC0415
    from timeline.events.entities import annotate_timeline  # noqa: PLC0415

    return attrs.evolve(doc, timeline=annotate_timeline(doc, timeline_of(doc)))


def from_events(doc: Document) -> Document:
    """A tagged and zoned document through the event stages: events, links, timeline."""
    return timeline(links(events(doc)))


def finish(doc: Document) -> Document:
    """A parsed document through the stages after the parse."""
    return from_events(zone(times(doc)))


def analyze(text: str, *, published: Published, timezone: str | None = None, document: str = "doc",
            model: str | None = None, mentions: Sequence[Mention] | None = None) -> Document:
    """``text`` through every stage. ``mentions``, when given, are used instead of the tagger's
    (as they are: not re-resolved, not zoned again; the document's zone is still decided);
    ``model`` names the spaCy pipeline (`timeline.syntax.model_name`)."""
    doc = syntax(read(text, published=published, timezone=timezone, document=document), model=model)
    if mentions is None:
        return finish(doc)
    doc = attrs.evolve(doc, mentions=tuple(mentions))
    return from_events(attrs.evolve(doc, zone=_document_zone(doc)))


def analyze_many(items: Iterable[tuple[str, str, Published]], *, timezone: str | None = None,
                 model: str | None = None, n_process: int = 1, batch_size: int = 16) -> Iterator[Document]:
    """Each ``(document id, text, published)`` through every stage, in order, the texts parsed in
    batches through ``nlp.pipe`` (``n_process`` processes). A bad argument raises before any
    parse, naming the document."""
    from timeline.syntax import parse_many  # noqa: PLC0415

    docs = []
    for doc_id, text, published in items:
        try:
            docs.append(read(text, published=published, timezone=timezone, document=doc_id))
        except (TypeError, ValueError) as e:
            raise type(e)(f"document {doc_id!r}: {e}") from None
    parsed = parse_many((d.text for d in docs), model, n_process=n_process, batch_size=batch_size)
    for doc, p in zip(docs, parsed, strict=True):
        yield finish(syntax(doc, parsed=p))
