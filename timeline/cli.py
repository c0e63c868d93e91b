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
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from timeline import __version__
from timeline._cli_io import (
    FORMATS,
    STDIN,
    Document,
    Input,
    InputError,
    Published,
    _analysis,
    _error,
    _Outputs,
    _published_option,
    _tag,
    _timeline,
    _timezone_option,
    about_option,
    batches,
    cleanup_on_signals,
    expand_inputs,
    iso,
    model_option,
    shown,
)





# --------------------------------------------------------------------------- dates










# --------------------------------------------------------------------------- inputs






























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
        "order": [f.as_dict() for f in tl.order_facts],
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


def _by_day(events: Sequence[Any], lines: Sequence[str], placed: int) -> list[str]:
    """The table's ``lines`` of ``events`` grouped by day: a blank line where the day changes. An
    event only ordered stays with the day it is told after; the events from ``placed`` on (the
    unplaced) come last, apart."""
    out: list[str] = []
    day: object = None
    for n, (e, line) in enumerate(zip(events, lines)):
        this = "unplaced" if n >= placed else day if e.interval is None else e.interval.start.date()
        if n and this != day:
            out.append("")
        day = this
        out.append(line)
    return out


def _timeline_rows(doc: Document, mentions: Sequence[Any]) -> list[str]:
    """The events in timeline order and the deadlines, under the mentions of the table."""
    tl = _timeline(doc, mentions)
    events = [*tl.events, *tl.unplaced]
    if not events:
        return []
    out = ["", "  timeline"]
    table = _aligned([("when", "kind", "event")] + [(_when(e), e.kind, _cell(e.description)) for e in events])
    out.extend(table[:2])
    out.extend(_by_day(events, table[2:], len(tl.events)))
    try:
        deadlines = tl.deadlines(now=doc.now)
    except ValueError as exc:
        raise InputError(f"{doc.source}: --now: {exc}") from None
    if deadlines:
        out.extend(["", "  deadlines"])
        out.extend(_aligned([("due", "status", "what")] + [
            (d.due.isoformat(), d.status or "-", _cell(d.what)) for d in deadlines]))
    return out


def run_merged(inputs: Sequence[Input], *, published: Published | None, fmt: str, timezone: str | None,
               now: Published | None, model: str | None, jobs: int, about: str | None) -> int:
    """``extract --merge``: one timeline of every input (`timeline.events.merge`), written to
    stdout; return the number of inputs that failed (each reported on stderr)."""
    from timeline.events import merge  # noqa: PLC0415
    from timeline.exports.cli import _read_into  # noqa: PLC0415

    timelines: list[Any] = []
    texts: dict[str, str] = {}
    wheres: list[tuple[str, str]] = []
    failed = 0
    for inp, read in batches(inputs, published, model, jobs):
        if not _read_into(inp, read, timezone, model, timelines, texts, wheres):
            failed += 1
    if not timelines:
        return failed
    tl = timelines[0] if len(timelines) == 1 else merge(timelines)
    if about is not None:
        tl = tl.about(about)
    try:
        deadlines = tl.deadlines(now=now)
    except ValueError as exc:
        _error(f"--now: {exc}")
        return failed + 1
    if fmt == "json":
        click.echo(json.dumps({"documents": list(texts), "events": [e.as_dict() for e in (*tl.events, *tl.unplaced)],
                               "deadlines": [d.as_dict() for d in deadlines]}, ensure_ascii=False, indent=2))
    elif fmt == "table":
        click.echo("\n".join(merged_rows(tl, deadlines, list(texts))))
    else:
        from timeline.exports import entries  # noqa: PLC0415
        from timeline.exports import formats, ics  # noqa: PLC0415

        items = entries(tl, texts)
        title = "Timeline" if about is None else f"Timeline: {about}"
        if fmt == "csv":
            click.echo(formats.to_csv(items), nl=False)
        elif fmt == "timelinejs":
            click.echo(formats.timelinejs_text(items, title=title), nl=False)
        elif fmt == "html":
            status = {d.event.id: str(d.status) for d in deadlines if d.status is not None}
            click.echo(formats.to_html(items, title=title, subtitle=f"{len(texts)} documents", status=status), nl=False)
        else:
            sys.stdout.buffer.write(ics.to_ics(items, name=title))
            sys.stdout.flush()
    return failed


def merged_rows(tl: Any, deadlines: Sequence[Any], documents: Sequence[str]) -> list[str]:
    """The table of a merged timeline: when, kind, event, the documents that tell it, and what a
    reader must know (a conflicting date, a date a later report moved), grouped by day."""
    events = [*tl.events, *tl.unplaced]
    out = [f"{len(documents)} documents: {', '.join(documents)}", "", "  timeline"]
    if not events:
        return [*out, "  no events"]

    def note(e: Any) -> str:
        parts = []
        for c in e.conflicts:
            try:
                other = tl.event(c)
            except KeyError:
                continue
            when = _when(other)
            parts.append(f"conflict: {when} in {', '.join(dict.fromkeys(s.document for s in other.sources))}")
        for r in e.revised:
            was = "-" if r.interval is None else r.interval.start.date().isoformat()
            parts.append(f"was {was} in {r.source.document}")
        return "; ".join(parts) or "-"

    table = _aligned([("when", "kind", "event", "told by", "note")] + [
        (_when(e), e.kind, _cell(e.description), ", ".join(dict.fromkeys(s.document for s in e.sources)), note(e))
        for e in events])
    out.extend(table[:2])
    out.extend(_by_day(events, table[2:], len(tl.events)))
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
                             events=events, other_events=others, order=tl.order_facts)
    except ValueError as exc:
        raise InputError(f"{label}: cannot write TimeML: {exc}") from None
    return xml if xml.endswith("\n") else xml + "\n"


# --------------------------------------------------------------------------- output


















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
    jobs: int = 1,
    about: str | None = None,
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
    from timeline.syntax import SyntaxModelError  # noqa: PLC0415

    with items as seq:
        bar = iter(seq)
        for inp, read in batches(inputs, published, model, jobs):
            next(bar, None)
            try:
                ok = _process_one(inp, read, fmt=fmt, outputs=outputs, collected=collected,
                                  timezone=timezone, now=now, model=model, about=about)
            except SyntaxModelError:
                raise
            except Exception as exc:  # noqa: BLE001 - one input's failure must not stop the others
                _error(f"{inp.label}: {type(exc).__name__}: {exc}")
                ok = False
            if not ok:
                failed += 1

    if fmt == "csv" and outputs is None:
        from timeline.exports.cli import echo_csv  # noqa: PLC0415

        echo_csv(collected)
    if fmt == "json" and outputs is None:
        # one JSON document whatever fails: the list of what succeeded, or null for one input
        payload: Any = collected if json_list else (collected[0] if collected else None)
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
    about: str | None = None,
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
            item = attrs.evolve(_tag(item, inp, timezone, model), now=now, about=about)
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
            with cleanup_on_signals():
                return super().invoke(ctx)
        except SyntaxModelError as exc:
            raise click.ClickException(str(exc)) from None




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
@click.option(
    "--merge",
    "merged",
    is_flag=True,
    help="One timeline of all the inputs (a folder of dispatches): the same event told twice once, "
    "with both sources; dates that disagree flagged; later reports that say so updating earlier ones. "
    "Formats table, json, csv, timelinejs, html, ics; written to stdout.",
)
@about_option
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
    jobs: int,
    about: str | None,
    merged: bool,
) -> None:
    """Find and normalize the time expressions in FILE, DIR or stdin (-).

    Inputs: .txt files (need --published), .tml TimeML files (the DCT gives the
    publication date), .jsonl files (one {"text", "published", "id"} object a
    line), directories (their .txt, .tml and .jsonl files) and - for stdin.
    """
    if list(inputs).count(STDIN) > 1:
        raise click.UsageError("stdin (-) can be given only once", ctx=ctx)
    expanded, errors = expand_inputs(inputs)
    if merged:
        if fmt == "timeml" or output_dir is not None:
            raise click.UsageError("--merge writes one timeline to stdout: not with --format timeml nor "
                                   "--output-dir", ctx=ctx)
        for message in errors:
            _error(message)
        failed = len(errors) + run_merged(expanded, published=published, fmt=fmt, timezone=timezone, now=now,
                                          model=model, jobs=jobs, about=about)
        if failed:
            click.echo(f"{failed} of {len(errors) + len(expanded)} inputs failed", err=True)
            ctx.exit(1)
        return
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
            raise click.UsageError(f"cannot create --output-dir {shown(str(output_dir))}: {exc.strerror or exc}",
                                   ctx=ctx) from None

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
        now=now, model=model, jobs=jobs, about=about,
    )
    total = len(errors) + len(expanded)
    if failed:
        click.echo(f"{failed} of {total} inputs failed", err=True)
        ctx.exit(1)


_STATUS_ORDER = ("overdue", "due-soon", "upcoming", "met", "cancelled", "superseded")


def _now_in_zone(now: Published | None, timezone: str | None) -> Published | None:
    """``--now`` as given; a naive date and time with ``-z`` is read on that zone's clock."""
    if now is None or timezone is None or not isinstance(now, dt.datetime) or now.tzinfo is not None:
        return now
    from timeline.zones import get_zone  # noqa: PLC0415

    return now.replace(tzinfo=get_zone(timezone).tzinfo)


def _relative(d: Any, now: Published | None) -> str:
    """"due in 2 days", "overdue by 3 hours" (pendulum's words), against ``now``; "" without it or
    for a deadline a later statement closed."""
    if now is None or d.closed is not None:
        return ""
    import pendulum  # noqa: PLC0415

    from timeline.events.due import as_now, closes_at  # noqa: PLC0415

    due = closes_at(d.due, d.end_of_day)
    try:
        moment = as_now(now, due)
    except ValueError:
        return ""
    if due.tzinfo is None:
        a, b = pendulum.naive(*moment.timetuple()[:6]), pendulum.naive(*due.timetuple()[:6])
    else:
        a, b = pendulum.instance(moment), pendulum.instance(due)
    words = b.diff_for_humans(a, absolute=True)
    return f"due in {words}" if b > a else f"overdue by {words}"


def _deadline_line(d: Any, doc: str, now: Published | None) -> str:
    who = f" (demanded by {d.who})" if d.who else ""
    rel = _relative(d, now)
    closed = f" (superseded by {d.superseded_by})" if d.closed == "superseded" and d.superseded_by else ""
    return (f"  {d.due.isoformat()}  due {d.when_text()}{', ' + rel if rel else ''}  "
            f"{d.what}{who}{closed}  [{doc}]")


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|DIR|- ...")
@click.option("--published", "-p", metavar="DATE", callback=_published_option,
              help="Publication date (as for 'timeline extract').")
@click.option("--now", metavar="DATETIME", callback=_published_option,
              help="Judge the deadlines against this moment and list them by status; a date and time "
              "without an offset is read in the -z zone when one is given.")
@click.option("--window", metavar="HOURS", type=click.FloatRange(min=0), default=None,
              help="A deadline less than this many hours away is due-soon (default: no due-soon).")
@click.option("--timezone", "-z", metavar="TZ", callback=_timezone_option,
              help="The documents' time zone (as for 'timeline extract'): day deadlines end at midnight there.")
@about_option
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
    jobs: int,
    about: str | None,
) -> None:
    """List the deadlines and ultimatums of FILE, DIR or stdin (-), soonest first.

    Each line gives the due instant (ISO 8601), the same as a person reads it ("Wed 17 Feb 2016,
    end of day"; "(zone unknown)" when neither the text nor -z gives one), what is due and who
    demands it. With --now they are grouped by status: overdue, due-soon, upcoming, then those a
    later statement closed (met, cancelled, superseded), each with "due in 2 days" or "overdue by
    3 hours".
    """
    from timeline.events.timeline import soonest_first  # noqa: PLC0415
    from timeline.syntax import SyntaxModelError  # noqa: PLC0415

    now = _now_in_zone(now, timezone)
    expanded, errors = expand_inputs(inputs)
    for message in errors:
        _error(message)
    failed = len(errors)
    rows: list[tuple[Any, str]] = []
    for inp, read in batches(expanded, published, model, jobs):
        try:
            if isinstance(read, InputError):
                raise read
            for item in read:
                if isinstance(item, InputError):
                    _error(str(item))
                    failed += 1
                    continue
                tl = _tag(item, inp, timezone, model).analysis.timeline
                if about is not None:
                    tl = tl.about(about)
                try:
                    found = tl.deadlines(now=now, window=None if window is None else dt.timedelta(hours=window))
                except ValueError as exc:
                    hint = "" if timezone is not None else "; or give the documents' zone with -z ZONE"
                    raise ValueError(f"{exc}{hint}") from None
                for d in found:
                    rows.append((d, item.id))
        except (InputError, ValueError) as exc:
            _error(f"{inp.label}: {exc}" if isinstance(exc, ValueError) else str(exc))
            failed += 1
        except SyntaxModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - one input's failure must not stop the others
            _error(f"{inp.label}: {type(exc).__name__}: {exc}")
            failed += 1
    if not rows and not failed:
        click.echo("no deadlines found")
    rows = soonest_first(rows, lambda row: row[0].due)  # across the inputs, as Timeline.deadlines orders one
    statuses: tuple[str | None, ...] = _STATUS_ORDER if now is not None else (None,)
    for status in statuses:
        chosen = [(d, doc) for d, doc in rows if status is None or d.status == status]
        if not chosen:
            continue
        if status is not None:
            click.echo(f"{status}:")
        for d, doc in chosen:
            click.echo(_deadline_line(d, doc, now))
    if any(d.due.tzinfo is None for d, _ in rows):
        click.echo("note: a deadline marked (zone unknown) is on the document's clock; give its zone with "
                   "-z ZONE (e.g. -z America/New_York)", err=True)
    if failed:
        click.echo(f"{failed} of {len(errors) + len(expanded)} inputs failed", err=True)
        ctx.exit(1)


from timeline.exports.cli import calendar  # noqa: E402 - registered on the group above

main.add_command(calendar)

from timeline.track.cli import track  # noqa: E402 - the tracker's group; loads no sqlite3 until used

main.add_command(track)

if __name__ == "__main__":  # pragma: no cover
    main()
