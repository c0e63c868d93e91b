"""The stages a document goes through, each a function ``Document -> Document`` that adds one
field (see `timeline.document.Document`), and `analyze`, which runs them all.

    read -> times -> syntax -> anchor -> zone -> events -> links -> timeline

* `times`: the time expressions (`timeline.tagger`), resolved against the publication;
* `syntax`: the spaCy parse (`timeline.syntax`), once per document (`analyze_many` parses a batch
  through ``nlp.pipe``);
* `anchor`: a weekday or a month takes its direction from the verb group that governs it
  (`timeline.tagger.anchor`);
* `zone`: the document's zone (`timeline.zones.document_zone`), once, and the clock times in it;
* `events`: every event word of the story with its TimeML attributes (`timeline.events.find`);
* `links`: which time dates which event word (`timeline.events.link`);
* `timeline`: the events placed, described, ordered, and the deadlines (`timeline.events.build`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from timeline._model import Mention
from timeline._reference import as_reference
from timeline.document import Document

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
    """The time expressions of the text, resolved against the publication (not yet zoned)."""
    from timeline.tagger import tag  # noqa: PLC0415

    return attrs.evolve(doc, mentions=tuple(tag(doc.text, doc.reference)))


def syntax(doc: Document, *, model: str | None = None, parsed: Any = None) -> Document:
    """The spaCy parse of the text (``parsed``, when a batch was parsed already)."""
    if parsed is None:
        from timeline.syntax import parse  # noqa: PLC0415

        parsed = parse(doc.text, model)
    if parsed.text != doc.text:
        raise ValueError(f"the parse given for document {doc.id!r} is of another text")
    return attrs.evolve(doc, syntax=parsed)


def anchor(doc: Document) -> Document:
    """Weekdays and months re-resolved in the direction of the verb group that governs them."""
    from timeline.tagger.anchor import reanchor  # noqa: PLC0415

    return attrs.evolve(doc, mentions=tuple(reanchor(doc.syntax, doc.mentions, doc.reference)))


def zone(doc: Document) -> Document:
    """The document's zone (given, dateline, "local time" place, aware publication), and its
    clock times made aware in it."""
    from timeline.zones import document_zone, get_zone, localize  # noqa: PLC0415

    z = document_zone(doc.text, doc.mentions, timezone=doc.timezone, published=doc.reference.when)
    mentions = doc.mentions
    if any(m.type == "TIME" for m in mentions):
        mentions = tuple(localize(mentions, None if z is None else get_zone(z.name)))
    return attrs.evolve(doc, zone=z, mentions=mentions)


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
    """The events placed, described and ordered, with the deadlines (`timeline.events.build`)."""
    from timeline.events.build import timeline_of  # noqa: PLC0415

    return attrs.evolve(doc, timeline=timeline_of(doc))


def finish(doc: Document) -> Document:
    """A tagged and parsed document through the stages after the parse."""
    return _after_syntax(doc, False)


def _after_syntax(doc: Document, given: bool) -> Document:
    if not given:
        doc = zone(anchor(doc))
    elif doc.zone is None:
        from timeline.zones import document_zone  # noqa: PLC0415

        doc = attrs.evolve(doc, zone=document_zone(doc.text, doc.mentions, timezone=doc.timezone,
                                                   published=doc.reference.when))
    return timeline(links(events(doc)))


def analyze(text: str, *, published: Published, timezone: str | None = None, document: str = "doc",
            model: str | None = None, mentions: Sequence[Mention] | None = None) -> Document:
    """``text`` through every stage. ``mentions``, when given, are used as they are instead of
    the tagger's (not re-anchored, not zoned again); ``model`` names the spaCy pipeline
    (`timeline.syntax.model_name`)."""
    doc = read(text, published=published, timezone=timezone, document=document)
    doc = times(doc) if mentions is None else attrs.evolve(doc, mentions=tuple(mentions))
    return _after_syntax(syntax(doc, model=model), mentions is not None)


def analyze_many(items: Iterable[tuple[str, str, Published]], *, timezone: str | None = None,
                 model: str | None = None, n_process: int = 1, batch_size: int = 16) -> Iterator[Document]:
    """Each ``(document id, text, published)`` through every stage, in order, the texts parsed in
    batches through ``nlp.pipe`` (``n_process`` processes). A bad argument raises before any
    parse, naming the document."""
    from timeline.syntax import parse_many  # noqa: PLC0415

    docs = []
    for doc_id, text, published in items:
        try:
            docs.append(times(read(text, published=published, timezone=timezone, document=doc_id)))
        except (TypeError, ValueError) as e:
            raise type(e)(f"document {doc_id!r}: {e}") from None
    parsed = parse_many((d.text for d in docs), model, n_process=n_process, batch_size=batch_size)
    for doc, p in zip(docs, parsed, strict=True):
        yield _after_syntax(syntax(doc, parsed=p), False)
