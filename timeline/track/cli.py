"""``timeline track add|list|show|calendar|remove``: the deadline tracker on the command line
(docs/cli.md, docs/tracker.md).

Registered by `timeline.cli`; never imported by ``import timeline``. The inputs are read by
`timeline._cli_io` as for ``timeline extract`` (text, TimeML, JSON Lines, folders, stdin).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from timeline import _cli_io as cli

_DB_HELP = ("The tracker's database file (default: $TIMELINE_TRACKER_DB, else deadlines.sqlite3 in the "
            "user's data folder, e.g. ~/.local/share/timeline/).")


def db_option(f: Any) -> Any:
    return click.option("--db", "db", metavar="PATH", type=click.Path(dir_okay=False, path_type=Path),
                        default=None, help=_DB_HELP)(f)


def _open(db: Path | None) -> Any:
    from timeline.track.store import Tracker, TrackerError  # noqa: PLC0415

    try:
        return Tracker(db)
    except TrackerError as exc:
        raise click.ClickException(cli.shown(str(exc))) from None
    except OSError as exc:
        raise click.ClickException(cli.shown(f"{db}: {exc.strerror or exc}")) from None


def _now(now: cli.Published | None) -> dt.datetime | dt.date:
    """--now, else the machine's clock in UTC (the one place the tracker reads the clock)."""
    if now is None:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return now


@click.group()
def track() -> None:
    """Keep deadlines across runs: add documents, list, show, export and remove what is due.

    The same deadline reported by several documents is one tracked item with every source; a
    later document that moves it updates it and keeps the history (docs/tracker.md).
    """


# --------------------------------------------------------------------------- add


def _documents(inputs: Sequence[cli.Input], published: cli.Published | None, tracker: Any) -> Iterator[
        tuple[cli.Input, list[cli.Document | cli.InputError | str] | cli.InputError]]:
    """Each input's documents; those already in the tracker as a message (they are not parsed)."""
    for inp in inputs:
        try:
            read = list(cli.read_documents(inp, published))
        except cli.InputError as exc:
            yield inp, exc
            continue
        except Exception as exc:  # noqa: BLE001 - whatever spoils one input must not stop the others
            yield inp, cli.InputError(f"{inp.label}: cannot read: {type(exc).__name__}: {exc}")
            continue
        items: list[cli.Document | cli.InputError | str] = []
        for d in read:
            if isinstance(d, cli.Document) and tracker.has_document(d.text, d.published):
                where = inp.label if inp.single else f"{inp.label} (id {d.id})"
                items.append(f"{where}: already added; nothing changed")
            else:
                items.append(d)
        yield inp, items


def _batches(inputs: Sequence[cli.Input], published: cli.Published | None, tracker: Any, model: str | None,
             jobs: int) -> Iterator[tuple[cli.Input, list[cli.Document | cli.InputError | str] | cli.InputError]]:
    """`_documents`, the new texts of 16 inputs at a time parsed in one batch."""
    size = 16 * max(1, jobs)
    pending = list(inputs)
    for k in range(0, len(pending), size):
        chunk = list(_documents(pending[k : k + size], published, tracker))
        docs = [d for _, items in chunk if not isinstance(items, cli.InputError) for d in items
                if isinstance(d, cli.Document)]
        parses = cli._parses([d.text for d in docs], model, jobs) if docs else iter(())
        for inp, items in chunk:
            if not isinstance(items, cli.InputError):
                items = [attrs.evolve(d, parsed=next(parses)) if isinstance(d, cli.Document) else d
                         for d in items]
            yield inp, items


def _summary(added: Any) -> str:
    parts = [f"{len(added.new)} new", f"{len(added.moved)} moved"]
    if added.status_changed:
        parts.append(f"{len(added.status_changed)} changed status")
    parts.append(f"{len(added.confirmed)} confirmed")
    return ", ".join(parts)


@track.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|DIR|- ...")
@click.option("--published", "-p", metavar="DATE", callback=cli._published_option,
              help="Publication date (as for 'timeline extract'); required for .txt files and stdin.")
@click.option("--timezone", "-z", metavar="TZ", callback=cli._timezone_option,
              help="The documents' time zone (as for 'timeline extract').")
@db_option
@cli.model_option
@click.pass_context
def add(ctx: click.Context, inputs: tuple[str, ...], published: cli.Published | None, timezone: str | None,
        db: Path | None, model: str | None, jobs: int) -> None:
    """Find the deadlines of FILE, DIR or stdin (-) and keep them.

    A document already added (the same text and publication) changes nothing and is not
    parsed again. A bad input is reported and the others still go in.
    """
    from timeline.syntax import SyntaxModelError  # noqa: PLC0415
    from timeline.track.store import TrackerError  # noqa: PLC0415

    if list(inputs).count(cli.STDIN) > 1:
        raise click.UsageError("stdin (-) can be given only once", ctx=ctx)
    expanded, errors = cli.expand_inputs(inputs)
    for message in errors:
        cli._error(message)
    failed = len(errors)
    with _open(db) as tracker:
        for inp, items in _batches(expanded, published, tracker, model, jobs):
            if isinstance(items, cli.InputError):
                cli._error(str(items))
                failed += 1
                continue
            ok = True
            for item in items:
                if isinstance(item, str):
                    click.echo(cli.shown(item))
                    continue
                if isinstance(item, cli.InputError):
                    cli._error(str(item))
                    ok = False
                    continue
                where = inp.label if inp.single else f"{inp.label} (id {item.id})"
                try:
                    tl = cli._tag(item, inp, timezone, model).analysis.timeline
                    added = tracker.add_timeline(tl, text=item.text, published=item.published, document=item.id,
                                                 source=where)
                except SyntaxModelError:
                    raise
                except cli.InputError as exc:
                    cli._error(str(exc))
                    ok = False
                    continue
                except TrackerError as exc:
                    raise click.ClickException(cli.shown(str(exc))) from None
                except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the others
                    cli._error(f"{where}: {type(exc).__name__}: {exc}")
                    ok = False
                    continue
                click.echo(cli.shown(f"{where}: {_summary(added)}" if added.added
                                     else f"{where}: already added; nothing changed"))
            if not ok:
                failed += 1
    if failed:
        click.echo(f"{failed} of {len(errors) + len(expanded)} inputs failed", err=True)
        ctx.exit(1)


# --------------------------------------------------------------------------- list, show


def _item_json(item: Any, now: dt.datetime | dt.date, window: dt.timedelta | None) -> dict[str, Any]:
    return {"id": item.id, "due": item.due.isoformat(), "due_text": item.due_text(), "timed": item.timed,
            "zone": item.zone, "status": item.status, "standing": item.standing(now, window), "what": item.what,
            "who": item.who, "form": item.form, "sequence": item.sequence}


@track.command(name="list")
@click.option("--upcoming", "which", flag_value="upcoming", help="Only open deadlines still to come.")
@click.option("--overdue", "which", flag_value="overdue", help="Only open deadlines that have passed.")
@click.option("--all", "which", flag_value="all", default=True, help="Every tracked deadline (the default).")
@click.option("--now", metavar="DATETIME", callback=cli._published_option,
              help="The moment deadlines are judged against (default: the machine's clock, in UTC); "
              "a bare date is the start of that day on each deadline's clock.")
@click.option("--since", metavar="DATE", callback=cli._published_option,
              help="Only deadlines reported by a document published on or after DATE.")
@click.option("--about", metavar="NAME", help="Only deadlines whose who or what holds these words.")
@click.option("--window", metavar="HOURS", type=click.FloatRange(min=0), default=None,
              help="An open deadline less than this many hours away stands as due-soon.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def list_(which: str, now: cli.Published | None, since: cli.Published | None, about: str | None,
          window: float | None, fmt: str, db: Path | None) -> None:
    """List the tracked deadlines, soonest first."""
    from timeline.track.store import TrackerError  # noqa: PLC0415

    moment = _now(now)
    soon = None if window is None else dt.timedelta(hours=window)
    with _open(db) as tracker:
        try:
            items = tracker.items(which, now=moment, since=since, about=about)
        except (TrackerError, ValueError) as exc:
            raise click.ClickException(cli.shown(str(exc))) from None
    if fmt == "json":
        click.echo(json.dumps([_item_json(i, moment, soon) for i in items], ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo("no tracked deadlines" + ("" if which == "all" else f" {which}"))
        return
    click.echo(f"as of {moment.isoformat()}")
    rows = [("ID", "DUE", "STANDING", "WHAT", "WHO")]
    rows += [(str(i.id), i.due_text(), i.standing(moment, soon), i.what, i.who or "") for i in items]
    widths = [max(len(r[k]) for r in rows) for k in range(4)]
    for r in rows:
        click.echo(cli.shown("  ".join(c.ljust(w) for c, w in zip(r[:4], widths)) + "  " + r[4]).rstrip())


@track.command()
@click.argument("item_id", metavar="ID", type=int)
@click.option("--now", metavar="DATETIME", callback=cli._published_option,
              help="The moment the deadline is judged against (default: the machine's clock, in UTC).")
@db_option
def show(item_id: int, now: cli.Published | None, db: Path | None) -> None:
    """Show one tracked deadline: its state, its history and every source."""
    from timeline.track.store import TrackerError  # noqa: PLC0415

    moment = _now(now)
    with _open(db) as tracker:
        try:
            detail = tracker.item(item_id)
        except TrackerError as exc:
            raise click.ClickException(cli.shown(str(exc))) from None
    item = detail.item
    lines = [f"#{item.id}: {item.what}", f"  due: {item.due_text()} ({item.due.isoformat()})",
             f"  standing: {item.standing(moment)} (as of {moment.isoformat()})"]
    if item.who:
        lines.append(f"  demanded by: {item.who}")
    if item.removed:
        lines.append("  removed: not listed nor exported")
    lines.append("history:")
    for step in detail.history:
        lines.append(f"  {step.by.published}  {step.change}: due {step.due.isoformat()}  [{step.by.document}]")
    lines.append(f"sources ({len(detail.sources)}):")
    for src in detail.sources:
        lines.append(f"  {src.published}  {src.document} ({src.source or 'no path'}): \u201c{src.sentence}\u201d")
    click.echo(cli.shown("\n".join(lines)).replace("\\n", "\n"))


@track.command()
@click.argument("item_id", metavar="ID", type=int)
@db_option
def remove(item_id: int, db: Path | None) -> None:
    """Stop tracking a deadline (later reports of it are kept but it stays out of lists and
    calendars)."""
    from timeline.track.store import TrackerError  # noqa: PLC0415

    with _open(db) as tracker:
        try:
            tracker.remove(item_id)
        except TrackerError as exc:
            raise click.ClickException(cli.shown(str(exc))) from None
    click.echo(f"removed #{item_id}")


# --------------------------------------------------------------------------- calendar


@track.command(name="calendar")
@click.option("--output", "-o", "output", required=True, metavar="OUT.ics",
              type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="The calendar file to write (- for stdout). Written whole or not at all.")
@click.option("--name", metavar="NAME", help="The calendar's name (X-WR-CALNAME); default: OUT's file name.")
@click.option("--todo", is_flag=True, help="Also write each deadline as a VTODO with DUE.")
@click.option("--alarm", metavar="MINUTES", type=click.FloatRange(min=0),
              help="Add a reminder this many minutes before each deadline.")
@db_option
def calendar(output: Path, name: str | None, todo: bool, alarm: float | None, db: Path | None) -> None:
    """Write every tracked deadline to one iCalendar file: a moved deadline keeps its UID and
    raises its SEQUENCE; a cancelled one is STATUS:CANCELLED. Importing it again updates the
    entries rather than duplicating them."""
    from timeline.track.store import TrackerError  # noqa: PLC0415

    to_stdout = str(output) == "-"
    if not to_stdout:
        if not output.parent.is_dir():
            raise click.UsageError(f"cannot write {cli.shown(str(output))}: the folder "
                                   f"{cli.shown(str(output.parent))} does not exist")
        try:
            cli.write_target(output)
        except OSError as exc:
            raise click.UsageError(f"cannot write {cli.shown(str(output))}: {exc.strerror or exc}") from None
    if name is not None and not name.isprintable():
        raise click.BadParameter("holds a control character; a calendar's name is one line of printable text",
                                 param_hint="'--name'")
    with _open(db) as tracker:
        if not to_stdout and output.resolve() == tracker.path.resolve():
            raise click.UsageError(f"refusing to overwrite the tracker's database {cli.shown(str(output))}")
        try:
            data = tracker.calendar(name=name or (output.stem if not to_stdout else "deadlines"), todos=todo,
                                    alarm=None if alarm is None else dt.timedelta(minutes=alarm))
            count = len(tracker.items("all"))
        except TrackerError as exc:
            raise click.ClickException(cli.shown(str(exc))) from None
    if to_stdout:
        cli._binary_stream("stdout").write(data)
        return
    try:
        cli.write_atomically(output, data.decode("utf-8"))
    except OSError as exc:
        raise click.ClickException(f"cannot write {cli.shown(str(output))}: {exc.strerror or exc}") from None
    click.echo(f"wrote {cli.shown(str(output))}: {count} deadlines", err=True)


__all__ = ["track"]
