"""The export side of the command line: ``timeline extract --format ics|csv|timelinejs|html``
and ``timeline calendar FILE... -o out.ics``.

Imported by `timeline.cli` (it registers `calendar`); never by ``import timeline``. It shares
the inputs and outputs of the command line through `timeline._cli_io`, not `timeline.cli`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from timeline import _cli_io as cli
from timeline.exports._entries import Entry, entries

EXPORT_FORMATS = ("ics", "csv", "timelinejs", "html")
#: formats that hold one document: several need --output-dir (or `timeline calendar` for ICS)
SINGLE_DOCUMENT = ("ics", "timelinejs", "html")
SUFFIX = {"ics": ".ics", "csv": ".csv", "timelinejs": ".timeline.json", "html": ".html"}


def _timeline(doc: Any, mentions: Sequence[Any]) -> Any:
    return cli._timeline(doc, mentions)


def _statuses(tl: Any, now: Any, label: str) -> dict[str, str]:
    if now is None:
        return {}
    try:
        return {d.event.id: str(d.status) for d in tl.deadlines(now=now)}
    except ValueError as exc:
        raise cli.InputError(f"{label}: --now: {exc}") from None


def render(doc: Any, mentions: Sequence[Any], fmt: str, label: str, *, csv_header: bool = True) -> str:
    """One document in an export format, as text (ICS keeps its CRLF line ends)."""
    try:
        tl = _timeline(doc, mentions)
    except Exception as exc:  # an events bug must not stop the other inputs
        raise cli.InputError(f"{label}: finding events failed: {type(exc).__name__}: {exc}") from exc
    try:
        return _render(doc, tl, fmt, label, csv_header=csv_header)
    except cli.InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. a date a calendar cannot hold (year 10000)
        raise cli.InputError(f"{label}: cannot write {fmt}: {type(exc).__name__}: {exc}") from exc


def _render(doc: Any, tl: Any, fmt: str, label: str, *, csv_header: bool) -> str:
    from timeline.exports import formats, ics  # noqa: PLC0415

    items = entries(tl, {doc.id: doc.text})
    title = f"{doc.id} (published {cli.iso(doc.published)})"
    if fmt == "ics":
        return ics.to_ics(items, name=doc.id).decode("utf-8")
    if fmt == "csv":
        return formats.to_csv(items, header=csv_header)
    if fmt == "timelinejs":
        return formats.timelinejs_text(items, title=title)
    zone = "" if doc.zone is None else f", zone {doc.zone.name}"
    return formats.to_html(items, title=doc.id, subtitle=f"{doc.source}, published {cli.iso(doc.published)}{zone}",
                           status=_statuses(tl, getattr(doc, "now", None), label))


def export_one(inp: Any, done: Sequence[tuple[Any, list[Any]]], fmt: str, outputs: Any,
               collected: list[dict[str, Any]]) -> bool:
    """Write the documents of one input in an export format; return whether all succeeded."""
    ok = True
    if outputs is None:
        if fmt in SINGLE_DOCUMENT and len(done) > 1:
            cli._error(f"{inp.label}: holds {len(done)} documents; write {fmt} for it with --output-dir OUT"
                       + (" or merge them with 'timeline calendar'" if fmt == "ics" else ""))
            return False
        for d, ms in done:
            where = inp.label if inp.single else f"{inp.label} (id {d.id})"
            try:
                text = render(d, ms, fmt, where, csv_header=False)
            except cli.InputError as exc:
                cli._error(str(exc))
                ok = False
                continue
            if fmt == "csv":
                collected.append({"csv": text})
            else:
                click.echo(text, nl=False)
        return ok
    for d, ms in done:
        name = (inp.stem if inp.single else d.output_name) + SUFFIX[fmt]
        where = inp.label if inp.single else f"{inp.label} (id {d.id})"
        try:
            outputs.write(name, render(d, ms, fmt, where), inp.label)
        except cli.InputError as exc:
            cli._error(str(exc))
            ok = False
    return ok


def echo_csv(collected: Sequence[dict[str, Any]]) -> None:
    """The CSV rows of every input to stdout, under one header."""
    from timeline.exports.formats import to_csv  # noqa: PLC0415

    click.echo(to_csv([]) + "".join(c["csv"] for c in collected), nl=False)


# --------------------------------------------------------------------------- timeline calendar


def _minutes(ctx: click.Context, param: click.Parameter, value: float | None) -> dt.timedelta | None:
    return None if value is None else dt.timedelta(minutes=value)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|DIR|- ...")
@click.option("--output", "-o", "output", required=True, metavar="OUT.ics",
              type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="The calendar file to write (- for stdout). Written whole or not at all.")
@click.option("--published", "-p", metavar="DATE", callback=cli._published_option,
              help="Publication date (as for 'timeline extract'); required for .txt files and stdin.")
@click.option("--timezone", "-z", metavar="TZ", callback=cli._timezone_option,
              help="The documents' time zone (as for 'timeline extract').")
@click.option("--name", metavar="NAME", help="The calendar's name (X-WR-CALNAME); default: OUT's file name.")
@click.option("--approximate", type=click.Choice(["span", "omit"]), default="span", show_default=True,
              help="Events known only to a week, month or year: all-day over the period, or left out.")
@click.option("--floating", type=click.Choice(["all-day", "utc"]), default="all-day", show_default=True,
              help="Clock times whose zone is unknown: all-day on their day, or written as UTC.")
@click.option("--todo", is_flag=True, help="Also write each deadline as a VTODO with DUE.")
@click.option("--alarm", metavar="MINUTES", type=click.FloatRange(min=0), callback=_minutes,
              help="Add a reminder this many minutes before each deadline.")
@cli.about_option
@cli.model_option
@click.pass_context
def calendar(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: Path,
    published: Any,
    timezone: str | None,
    name: str | None,
    approximate: str,
    floating: str,
    todo: bool,
    alarm: dt.timedelta | None,
    model: str | None,
    jobs: int,
    about: str | None,
) -> None:
    """Write one iCalendar file with the events and deadlines of every input.

    The same event told by several documents appears once. A bad input is
    reported (naming the file and line) and the others still go in.
    """
    from timeline.events import merge  # noqa: PLC0415
    from timeline.exports.ics import to_ics  # noqa: PLC0415

    if list(inputs).count(cli.STDIN) > 1:
        raise click.UsageError("stdin (-) can be given only once", ctx=ctx)
    to_stdout = str(output) == "-"
    if not to_stdout and not output.parent.is_dir():
        raise click.UsageError(f"cannot write {cli.shown(str(output))}: the folder {cli.shown(str(output.parent))} "
                               "does not exist", ctx=ctx)
    if not to_stdout:
        try:
            cli.write_target(output)
        except OSError as exc:
            raise click.UsageError(f"cannot write {cli.shown(str(output))}: {exc.strerror or exc}", ctx=ctx) from None
    if name is not None and not name.isprintable():
        raise click.BadParameter(f"{cli.shown(repr(name))} holds a control character; a calendar's name is one line "
                                 "of printable text", ctx=ctx, param_hint="'--name'")
    expanded, errors = cli.expand_inputs(inputs)
    for message in errors:
        cli._error(message)
    failed = len(errors)
    if not to_stdout and any(i.path is not None and i.path.resolve() == output.resolve() for i in expanded):
        raise click.UsageError(f"refusing to overwrite the input file {cli.shown(str(output))}", ctx=ctx)

    timelines: list[Any] = []
    texts: dict[str, str] = {}
    wheres: list[tuple[str, str]] = []  # the input of each timeline, and how errors name its document
    failed_inputs: set[str] = set()
    show_bar = len(expanded) > 1 and sys.stderr.isatty()
    bar: Any = (click.progressbar(expanded, label="reading", file=sys.stderr,
                                  item_show_func=lambda i: i.label if i else None)
                if show_bar else contextlib.nullcontext(expanded))
    with bar as seq:
        progress = iter(seq)
        for inp, read in cli.batches(expanded, published, model, jobs):
            next(progress, None)
            if not _read_into(inp, read, timezone, model, timelines, texts, wheres):
                failed += 1
                failed_inputs.add(inp.label)
    total = len(errors) + len(expanded)

    def calendar_of(timelines: list[Any]) -> tuple[list[Entry], bytes]:
        merged = timelines[0] if len(timelines) == 1 else merge(timelines)
        if about is not None:
            merged = merged.about(about)
        items: list[Entry] = entries(merged, texts)
        return items, to_ics(items, name=name or (output.stem if not to_stdout else "timeline"),
                             approximate=approximate, floating=floating, todos=todo,  # type: ignore[arg-type]
                             alarm=alarm)

    if timelines:
        try:
            items, data = calendar_of(timelines)
        except Exception:  # noqa: BLE001 - find the documents a calendar cannot hold; leave them out
            kept = []
            for tl, (label, where) in zip(timelines, wheres):
                try:
                    calendar_of([tl])
                except Exception as exc:  # noqa: BLE001
                    cli._error(f"{where}: cannot write its events as iCalendar: "
                               f"{type(exc).__name__}: {exc}")
                    if label not in failed_inputs:
                        failed += 1
                        failed_inputs.add(label)
                else:
                    kept.append(tl)
            timelines = kept
            if timelines:
                items, data = calendar_of(timelines)
    if not timelines:
        cli._error("no document could be read; nothing written")
        ctx.exit(1)
    if to_stdout:
        cli._binary_stream("stdout").write(data)
    else:
        try:
            cli.write_atomically(output, data.decode("utf-8"))
        except OSError as exc:
            cli._error(f"cannot write {output}: {exc.strerror or exc}")
            ctx.exit(1)
        click.echo(f"wrote {cli.shown(str(output))}: {sum(1 for e in items if e.kind == 'event')} events, "
                   f"{sum(1 for e in items if e.is_deadline)} deadlines from {len(timelines)} documents", err=True)
    if failed:
        click.echo(f"{failed} of {total} inputs failed", err=True)
        ctx.exit(1)


def _read_into(inp: Any, read: Any, timezone: str | None, model: str | None, timelines: list[Any],
               texts: dict[str, str], wheres: list[tuple[str, str]]) -> bool:
    """Analyze the documents of one input (as `cli.batches` read them); report its errors; return
    whether all went in."""
    if isinstance(read, cli.InputError):
        cli._error(str(read))
        return False
    ok = True
    for item in read:
        if isinstance(item, cli.InputError):
            cli._error(str(item))
            ok = False
            continue
        where = inp.label if inp.single else f"{inp.label} (id {item.id})"
        if item.id in texts:
            cli._error(f"{where}: document id {item.id!r} is used by another input; rename one")
            ok = False
            continue
        try:
            tl = cli._tag(item, inp, timezone, model).analysis.timeline
        except cli.InputError as exc:
            cli._error(str(exc))
            ok = False
            continue
        timelines.append(tl)
        texts[item.id] = item.text
        wheres.append((inp.label, where))
    return ok
