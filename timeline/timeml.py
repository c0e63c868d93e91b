"""TimeML in and out: read annotated ``.tml`` files, write mentions as TimeML 1.2.1.

Reading gives the text of ``<TEXT>`` with every tag removed and the entities
decoded, and the gold ``TIMEX3`` annotations as character offsets into that
text (the convention of the TempEval-3 evaluation)::

    doc = read_timeml("APW19980213.1310.tml")
    doc.text[doc.timexes[0].start:doc.timexes[0].end] == doc.timexes[0].text

Writing puts an inline ``TIMEX3`` around each mention, so that reading the
result back gives exactly the same text and the same spans::

    xml = to_timeml(text, timeline.extract(text, published=day),
                    doc_id="story-1", published=day)

Characters that XML 1.0 cannot carry at all (the control characters other than
tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF) make
`to_timeml` raise `TimeMLError` naming the first offending offset; pass
``invalid="replace"`` to write U+FFFD in their place instead (one character for
one, so every offset stays valid; only those characters differ on reading
back). Carriage returns are written as ``&#13;`` so that XML line-end
normalization does not turn them into newlines.

Only the standard library is used.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, Protocol
from xml.sax.saxutils import escape, quoteattr

import attrs

__all__ = [
    "GoldEvent",
    "GoldInstance",
    "GoldTLink",
    "GoldTimex",
    "TimeMLDocument",
    "TimeMLError",
    "read_timeml",
    "read_timeml_string",
    "to_timeml",
    "write_timeml",
]

_TIMEML_ATTRS = (
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd"'
)

# Everything outside the XML 1.0 ``Char`` production.
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Text content: the usual three, plus CR (a literal CR would be read back as LF).
_TEXT_ENTITIES = {"\r": "&#13;"}


class TimeMLError(ValueError):
    """A TimeML document that cannot be read, or text that cannot be written as one.

    ``source`` names the file (or the name given to `read_timeml_string`);
    ``line`` and ``column`` locate an XML syntax error when there is one;
    ``offset`` is the character offset of a character XML cannot carry.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.source = source
        self.line = line
        self.column = column
        self.offset = offset


@attrs.frozen
class GoldTimex:
    """One TIMEX3 annotation inside ``<TEXT>``; ``[start, end)`` indexes `TimeMLDocument.text`."""

    start: int
    end: int
    text: str
    tid: str
    type: str
    value: str
    mod: str | None = None


@attrs.frozen
class GoldEvent:
    """One EVENT annotation inside ``<TEXT>``: its trigger ``[start, end)`` and class."""

    start: int
    end: int
    text: str
    eid: str
    cls: str


@attrs.frozen
class GoldInstance:
    """One MAKEINSTANCE: the instance ``eiid`` of event ``eid``, with tense and aspect."""

    eiid: str
    eid: str
    tense: str = ""
    aspect: str = ""
    pos: str = ""
    polarity: str = ""


@attrs.frozen
class GoldTLink:
    """One TLINK: ``source`` relType ``target``; each an event instance id (``ei..``)
    or a time id (``t..``), as the link names them."""

    lid: str
    rel_type: str
    source: str
    target: str


@attrs.frozen
class TimeMLDocument:
    """A TimeML document reduced to what timex evaluation needs.

    ``published`` is the ``value`` of the document creation time (the TIMEX3
    inside ``<DCT>``), e.g. ``"1998-03-04"`` or ``"1998-02-19T08:02:00"``, or
    None when the document has none. ``timexes`` are sorted by (start, end);
    TIMEX3s that cover no text are left out. ``events`` (sorted the same way),
    ``instances`` (MAKEINSTANCE) and ``tlinks`` (TLINK, in document order) are
    empty when the document has none.
    """

    doc_id: str
    published: str | None
    text: str
    timexes: tuple[GoldTimex, ...]
    events: tuple[GoldEvent, ...] = ()
    instances: tuple[GoldInstance, ...] = ()
    tlinks: tuple[GoldTLink, ...] = ()


# ------------------------------------------------------------------ reading


def _local(tag: object) -> str:
    """Element name without any ``{namespace}`` prefix (comments and PIs give '')."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _stem(name: str) -> str:
    base = os.path.basename(name)
    for suffix in (".tml", ".TE3input", ".xml"):
        if base.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base


def _collect(
    elem: ET.Element,
    parts: list[str],
    pos: int,
    found: list[GoldTimex],
    events: list[GoldEvent] | None = None,
) -> int:
    """Append the text inside ``elem`` (not its tail) to ``parts``; record its TIMEX3s
    (and its EVENTs, when ``events`` is given).

    Returns the offset just after that text. The recorded timexes get their
    covered text later, once the whole text is known.
    """
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _collect(child, parts, pos, found, events)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if events is not None and _local(elem.tag) == "EVENT" and pos > start:
        events.append(GoldEvent(start=start, end=pos, text="", eid=elem.get("eid", ""), cls=elem.get("class", "")))
    if _local(elem.tag) == "TIMEX3" and pos > start:
        found.append(
            GoldTimex(
                start=start,
                end=pos,
                text="",
                tid=elem.get("tid", ""),
                type=elem.get("type", ""),
                value=elem.get("value", ""),
                mod=elem.get("mod"),
            )
        )
    return pos


def _find_dct(root: ET.Element, text_el: ET.Element) -> str | None:
    for el in root.iter():
        if _local(el.tag) == "DCT":
            for t in el.iter():
                if _local(t.tag) == "TIMEX3":
                    return t.get("value")
    # Some corpora mark the creation time only by its function, outside <DCT>.
    inside = {id(e) for e in text_el.iter()}
    for el in root.iter():
        if (
            _local(el.tag) == "TIMEX3"
            and id(el) not in inside
            and el.get("functionInDocument") == "CREATION_TIME"
        ):
            return el.get("value")
    return None


#: the deepest nesting of elements read (TimeML nests a handful deep); deeper is a `TimeMLError`
MAX_DEPTH = 100
_CHUNK = 1 << 16


def _tree(source: str | bytes, name: str) -> ET.Element:
    """The root element of ``source``, refusing nesting deeper than `MAX_DEPTH` as it is read
    (reading a deeper tree would exhaust the stack)."""
    parser: Any = ET.XMLPullParser(events=("start", "end"))
    depth = 0
    root: ET.Element | None = None
    try:
        for k in range(0, max(len(source), 1), _CHUNK):
            parser.feed(source[k : k + _CHUNK])
            for event, el in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                depth += 1
                if root is None:
                    root = el
                if depth > MAX_DEPTH:
                    raise TimeMLError(f"{name}: elements nested more than {MAX_DEPTH} deep", source=name)
        parser.close()
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (None, None))
        reason = str(exc).split(":")[0]
        raise TimeMLError(
            f"{name}: line {line}, column {column}: not well-formed XML ({reason})",
            source=name,
            line=line,
            column=column,
        ) from None
    except LookupError as exc:  # an encoding Python does not know, declared in the XML declaration
        raise TimeMLError(f"{name}: the declared encoding cannot be read ({exc})", source=name) from None
    except TimeMLError:
        raise
    except ValueError as exc:  # e.g. an encoding expat cannot read ("multi-byte encodings are not supported")
        raise TimeMLError(f"{name}: the declared encoding cannot be read ({exc})", source=name) from None
    assert root is not None  # close() raises "no element found" otherwise
    return root


def _parse(source: str | bytes, name: str) -> TimeMLDocument:
    root = _tree(source, name)
    text_el = next((el for el in root.iter() if _local(el.tag) == "TEXT"), None)
    if text_el is None:
        raise TimeMLError(f"{name}: no <TEXT> element, so there is no text to read", source=name)

    doc_id = ""
    for el in root.iter():
        if _local(el.tag) == "DOCID":
            doc_id = "".join(el.itertext()).strip()
            break
    if not doc_id:
        doc_id = _stem(name)

    parts: list[str] = []
    found: list[GoldTimex] = []
    found_events: list[GoldEvent] = []
    pos = len(text_el.text or "")
    if text_el.text:
        parts.append(text_el.text)
    for child in text_el:
        pos = _collect(child, parts, pos, found, found_events)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    text = "".join(parts)
    timexes = sorted(
        (attrs.evolve(t, text=text[t.start : t.end]) for t in found),
        key=lambda t: (t.start, t.end),
    )
    events = sorted(
        (attrs.evolve(e, text=text[e.start : e.end]) for e in found_events),
        key=lambda e: (e.start, e.end),
    )
    instances: list[GoldInstance] = []
    tlinks: list[GoldTLink] = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "MAKEINSTANCE":
            instances.append(
                GoldInstance(
                    eiid=el.get("eiid", ""),
                    eid=el.get("eventID", ""),
                    tense=el.get("tense", ""),
                    aspect=el.get("aspect", ""),
                    pos=el.get("pos", ""),
                    polarity=el.get("polarity", ""),
                )
            )
        elif name == "TLINK":
            source = el.get("eventInstanceID") or el.get("timeID") or ""
            target = el.get("relatedToEventInstance") or el.get("relatedToTime") or ""
            tlinks.append(GoldTLink(lid=el.get("lid", ""), rel_type=el.get("relType", ""), source=source, target=target))
    return TimeMLDocument(
        doc_id=doc_id,
        published=_find_dct(root, text_el),
        text=text,
        timexes=tuple(timexes),
        events=tuple(events),
        instances=tuple(instances),
        tlinks=tuple(tlinks),
    )


def read_timeml(path: str | os.PathLike[str]) -> TimeMLDocument:
    """Read a TimeML file.

    Raises `TimeMLError` (a `ValueError`) naming the file and the line when it
    is not well-formed XML, nests elements more than `MAX_DEPTH` deep, declares
    an encoding that cannot be read, or has no ``<TEXT>``; `OSError` when it
    cannot be read.
    """
    p = Path(path)
    data = p.read_bytes()  # bytes, so that the XML declaration's encoding is honoured
    return _parse(data, str(p))


def read_timeml_string(xml: str | bytes, name: str = "<string>") -> TimeMLDocument:
    """Read TimeML from a string; ``name`` is used in error messages and as the
    fallback ``doc_id`` (without a ``.tml`` suffix) when there is no ``<DOCID>``."""
    return _parse(xml, name)


# ------------------------------------------------------------------ writing


class SpanLike(Protocol):
    """What `to_timeml` needs from a mention (`timeline.Mention` and `GoldTimex` qualify)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def type(self) -> str: ...

    @property
    def value(self) -> str: ...


InvalidChars = Literal["raise", "replace"]

# event -> its time: (relType, whether the TLINK is written from the time to the event)
_TIME_RELATIONS = {
    "on": ("IS_INCLUDED", False), "during": ("DURING", False), "before": ("BEFORE", False),
    "after": ("AFTER", False), "starting": ("BEGINS", True), "until": ("ENDS", True), "by": ("ENDS", True),
}
_TENSES = {"BEFORE": "PAST", "AFTER": "FUTURE", "INCLUDES": "PRESENT", "IS_INCLUDED": "PRESENT"}


def _clean(s: str, what: str, invalid: InvalidChars, base: int = 0) -> str:
    """Check ``s`` for characters XML 1.0 cannot carry (see the module docstring)."""
    m = _NOT_XML_CHAR.search(s)
    if m is None:
        return s
    if invalid == "replace":
        return _NOT_XML_CHAR.sub("\ufffd", s)
    offset = base + m.start()
    raise TimeMLError(
        f"{what} has the character U+{ord(m.group()):04X} at offset {offset}, which XML 1.0 "
        "cannot represent; remove it or pass invalid='replace' to write U+FFFD instead",
        offset=offset,
    )


def _text(s: str) -> str:
    return escape(s, _TEXT_ENTITIES)


def _published_value(published: dt.date | dt.datetime | str) -> str:
    if isinstance(published, dt.datetime):
        return published.isoformat(timespec="seconds")
    if isinstance(published, dt.date):
        return published.isoformat()
    if isinstance(published, str):
        value = published.strip()
        if not value:
            raise ValueError("published is empty; give a date such as '2020-01-05' or None")
        return value
    raise TypeError(
        f"published must be a date, a datetime, an ISO 8601 string or None, "
        f"not {type(published).__name__}"
    )


def _non_overlapping(text: str, mentions: Iterable[SpanLike]) -> list[SpanLike]:
    """Mentions sorted by start; of overlapping ones the earliest, then longest, wins.

    Empty spans are dropped (an empty TIMEX3 is not read back); a span outside
    the text is an error.
    """
    spans = []
    for m in mentions:
        if not 0 <= m.start <= m.end <= len(text):
            raise ValueError(
                f"mention [{m.start}, {m.end}) {m.value!r} lies outside the text "
                f"(length {len(text)})"
            )
        if m.end > m.start:
            spans.append(m)
    spans.sort(key=lambda m: (m.start, m.start - m.end))
    kept: list[SpanLike] = []
    last_end = 0
    for m in spans:
        if m.start >= last_end:
            kept.append(m)
            last_end = m.end
    return kept


def to_timeml(
    text: str,
    mentions: Iterable[SpanLike],
    *,
    doc_id: str,
    published: dt.date | dt.datetime | str | None,
    invalid: InvalidChars = "raise",
    events: Iterable[Any] = (),
    other_events: Iterable[Any] = (),
    order: Iterable[Any] = (),
) -> str:
    """Render ``text`` with its mentions as a TimeML 1.2.1 document.

    Each mention becomes ``<TIMEX3 tid="tN" type=.. value=..[ mod=..]>`` around
    its span, numbered from t1 in text order; the document creation time is
    ``t0`` inside ``<DCT>`` (left out when ``published`` is None). Mentions that
    overlap an earlier (or, at the same start, longer) one are dropped. Reading
    the result with `read_timeml_string` gives back ``text`` exactly and the
    kept spans.

    ``invalid`` decides what happens to characters XML 1.0 cannot carry:
    ``"raise"`` (the default) raises `TimeMLError` naming the offset,
    ``"replace"`` writes U+FFFD instead.

    ``events`` (`timeline.Event` values) become ``<EVENT>`` tags on their
    triggers, each with a ``MAKEINSTANCE``, a ``TLINK`` to its time expression (and to
    each of its ``more_times``)
    (IS_INCLUDED, DURING, BEFORE, AFTER; BEGINS and ENDS written from the time)
    and one to ``t0`` (BEFORE, AFTER, INCLUDES, IS_INCLUDED); the other words of
    an event (its ``also``: "called" a Monday strike) get the same
    links. ``other_events`` are the remaining event words (`timeline.events.find.EventWord`:
    offsets, class, tense, aspect, polarity, modality and relation to t0 from their verb group):
    each becomes an ``<EVENT>`` with a ``TLINK`` to ``t0`` only (none when its relation is
    unknown). A trigger that
    overlaps a kept mention or an earlier trigger is left out.

    ``order`` (a `Timeline`'s ``order_facts``: ``earlier``, ``later`` event ids, ``relation``
    BEFORE or SAME) become ``TLINK``s between the two events' instances (relType BEFORE or
    SIMULTANEOUS); a fact naming an event not written is left out.
    """
    if invalid not in ("raise", "replace"):
        raise ValueError(f"invalid must be 'raise' or 'replace', not {invalid!r}")
    body = _clean(text, "the text", invalid)
    out: list[str] = []
    pos = 0
    kept = _non_overlapping(text, mentions)
    tids = {(m.start, m.end): f"t{n}" for n, m in enumerate(kept, start=1)}
    tags: list[tuple[int, int, str, str]] = []  # start, end, opening tag, closing tag
    for n, m in enumerate(kept, start=1):
        attrs_xml = [
            f"tid={quoteattr(f't{n}')}",
            f"type={quoteattr(_clean(str(m.type), f'the type of mention t{n}', invalid))}",
            f"value={quoteattr(_clean(str(m.value), f'the value of mention t{n}', invalid))}",
        ]
        mod = getattr(m, "mod", None)
        if mod:
            attrs_xml.append(f"mod={quoteattr(_clean(str(mod), f'the mod of mention t{n}', invalid))}")
        tags.append((m.start, m.end, f"<TIMEX3 {' '.join(attrs_xml)}>", "</TIMEX3>"))
    links: list[str] = []
    instances: list[str] = []
    taken = [(m.start, m.end) for m in kept]

    # the events, first come first kept where triggers overlap, then numbered in text order; an
    # event dated by several times (its ``more_times``) is one EVENT with a link to each
    chosen: dict[tuple[int, int], tuple[dict[str, str], str, list[tuple[str, str]]]] = {}

    def add(a: int, b: int, word: dict[str, str], t0: str, tid: str | None, relation: str | None) -> None:
        if (a, b) in chosen:
            if tid is not None and relation is not None:
                chosen[(a, b)][2].append((tid, relation))
        elif 0 <= a < b <= len(text) and not any(a < y and x < b for x, y in taken):
            taken.append((a, b))
            chosen[(a, b)] = (word, t0, [] if tid is None or relation is None else [(tid, relation)])

    span_of: dict[str, tuple[int, int]] = {}
    for e in events:
        span_of[str(getattr(e, "id", ""))] = (e.trigger.start, e.trigger.end)
        time = getattr(e, "time", None)
        tid = None if time is None else tids.get((time.start, time.end))
        word = _word_attributes(e, "STATE" if e.kind == "ongoing" else "OCCURRENCE", e.t0)
        for trigger in (e.trigger, *getattr(e, "also", ())):
            add(trigger.start, trigger.end, word, e.t0, tid, e.relation)
            for more in getattr(e, "more_times", ()):  # the other times of the same event
                add(trigger.start, trigger.end, word, e.t0, tids.get((more.time.start, more.time.end)), more.relation)
    for other in other_events:
        t0 = other.t0 or ""
        add(other.start, other.end, _word_attributes(other, "OCCURRENCE", t0), t0, None, None)
    for k, ((a, b), (word, t0, timed)) in enumerate(sorted(chosen.items()), start=1):
        tags.append((a, b, f'<EVENT eid="e{k}" class={quoteattr(word["class"])}>', "</EVENT>"))
        modality = f" modality={quoteattr(word['modality'])}" if word.get("modality") else ""
        instances.append(
            f'<MAKEINSTANCE eventID="e{k}" eiid="ei{k}" tense={quoteattr(word["tense"])} '
            f'aspect={quoteattr(word["aspect"])} polarity={quoteattr(word["polarity"])}'
            f'{" pos=" + quoteattr(word["pos"]) if word.get("pos") else ""}{modality} />'
        )
        for tid, relation in dict.fromkeys(timed):
            if relation not in _TIME_RELATIONS:
                continue
            rel, from_time = _TIME_RELATIONS[relation]
            if from_time:
                links.append(f'relType="{rel}" timeID="{tid}" relatedToEventInstance="ei{k}"')
            else:
                links.append(f'relType="{rel}" eventInstanceID="ei{k}" relatedToTime="{tid}"')
        if published is not None and t0 in _TENSES:
            links.append(f'relType="{t0}" eventInstanceID="ei{k}" relatedToTime="t0"')
    eiid = {span: k for k, span in enumerate(sorted(chosen), start=1)}
    for f in order:
        ei_a, ei_b = eiid.get(span_of.get(f.earlier, (-1, -1))), eiid.get(span_of.get(f.later, (-1, -1)))
        if ei_a is not None and ei_b is not None and ei_a != ei_b:
            rel = "SIMULTANEOUS" if f.relation == "SAME" else "BEFORE"
            links.append(f'relType="{rel}" eventInstanceID="ei{ei_a}" relatedToEventInstance="ei{ei_b}"')
    tags.sort()
    for start, end, opening, closing in tags:
        out.append(_text(body[pos:start]))
        out.append(f"{opening}{_text(body[start:end])}{closing}")
        pos = end
    out.append(_text(body[pos:]))

    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<TimeML {_TIMEML_ATTRS}>",
        f"<DOCID>{_text(_clean(doc_id, 'doc_id', invalid))}</DOCID>",
    ]
    if published is not None:
        value = _clean(_published_value(published), "published", invalid)
        head.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(value)} temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{_text(value)}</TIMEX3></DCT>'
        )
    tail = "".join(f"{i}\n" for i in instances)
    tail += "".join(f'<TLINK lid="l{n}" {link} />\n' for n, link in enumerate(links, start=1))
    return "\n".join(head) + "\n<TEXT>" + "".join(out) + "</TEXT>\n" + tail + "</TimeML>\n"


def _word_attributes(word: object, cls: str, t0: str) -> dict[str, str]:
    """The EVENT class and MAKEINSTANCE attributes of an event word (an `Event` or an event word of
    `timeline.events.find`); for an `Event` without a word (ordered by the text only), ``cls`` and
    a tense from its relation to t0."""
    given = getattr(word, "cls", None)
    if given is None:
        return {"class": cls, "tense": _TENSES.get(t0, "NONE"), "aspect": "NONE", "polarity": "POS"}
    out = {
        "class": str(given),
        "tense": str(getattr(word, "tense", None) or "NONE"),
        "aspect": str(getattr(word, "aspect", None) or "NONE"),
        "polarity": str(getattr(word, "polarity", None) or "POS"),
    }
    for name in ("pos", "modality"):
        value = getattr(word, name, None)
        if value:
            out[name] = str(value)
    return out


def write_timeml(
    path: str | os.PathLike[str],
    text: str,
    mentions: Iterable[SpanLike],
    *,
    doc_id: str,
    published: dt.date | dt.datetime | str | None,
    invalid: InvalidChars = "raise",
) -> None:
    """Write `to_timeml`'s document to ``path`` as UTF-8 (creating parent folders)."""
    xml = to_timeml(text, mentions, doc_id=doc_id, published=published, invalid=invalid)
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(xml, encoding="utf-8", newline="")
