"""The tracker's store: deadlines kept in one SQLite file (the standard library's sqlite3).

Tables (schema version `SCHEMA_VERSION`, in ``PRAGMA user_version``; the file is marked as
ours by ``PRAGMA application_id`` = `APPLICATION_ID`):

* ``documents``: every document added, by the SHA-256 of its publication and text (adding it
  again changes nothing), with its name, where it came from and its publication;
* ``items``: one row per obligation (`timeline.track.match`), holding its current state: the
  due instant and status of the latest report (by publication), and ``sequence``, the number
  of times that state changed (the calendar's SEQUENCE);
* ``reports``: each deadline each document reported, against its item (sources and history).

Writes are short ``BEGIN IMMEDIATE`` transactions (parsing happens before), the journal is in
WAL mode and a busy connection waits (``timeout``), so that several processes can add at once
and none loses a document. A file that is not ours (not SQLite, another program's database, a
schema newer than this code, a damaged file) is a `TrackerError` and is never written to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from timeline.track.adapter import Report, reports_of
from timeline.track.paths import default_path

#: ``PRAGMA application_id`` of a tracker database ("TLtk")
APPLICATION_ID: Final = 0x544C746B
UTC = dt.timezone.utc

#: the statuses an item can have; "open" is a deadline that stands
ItemStatus = Literal["open", "cancelled", "met", "superseded"]
Which = Literal["all", "upcoming", "overdue"]


class TrackerError(Exception):
    """The tracker's database cannot be used (the message names the file and says why), or a
    request is wrong (an unknown item)."""


class UnknownItemError(TrackerError, LookupError):
    """No tracked item has this id."""


# ------------------------------------------------------------------ schema and migrations

_V1: Final = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    published TEXT NOT NULL,
    published_key TEXT NOT NULL
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    who TEXT,
    what TEXT NOT NULL,
    form TEXT NOT NULL,
    due TEXT NOT NULL,
    zone TEXT,
    grain TEXT,
    timed INTEGER NOT NULL,
    status TEXT NOT NULL,
    sequence INTEGER NOT NULL DEFAULT 0,
    updated_key TEXT NOT NULL
);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    who TEXT,
    what TEXT NOT NULL,
    due TEXT NOT NULL,
    zone TEXT,
    grain TEXT,
    timed INTEGER NOT NULL,
    status TEXT,
    sentence TEXT NOT NULL,
    time_text TEXT NOT NULL
);
CREATE INDEX reports_item ON reports(item_id);
"""

_V2: Final = """
ALTER TABLE items ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN due_utc TEXT;
CREATE INDEX reports_document ON reports(document_id);
"""


def _fill_due_utc(conn: sqlite3.Connection) -> None:
    """Version 2: the due instant of every item in UTC (NULL when its zone is unknown)."""
    rows = conn.execute("SELECT id, due FROM items").fetchall()
    conn.executemany("UPDATE items SET due_utc = ? WHERE id = ?", [(_utc_text(r[1]), r[0]) for r in rows])


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)
    return run


#: (version, what it does, the steps that bring version - 1 to it), applied in order in one
#: transaction each; a database is never taken down a version
MIGRATIONS: Final[tuple[tuple[int, str, tuple[Callable[[sqlite3.Connection], None], ...]], ...]] = (
    (1, "documents, items and reports", (_script(_V1),)),
    (2, "removed items; the due instant in UTC; reports by document", (_script(_V2), _fill_due_utc)),
)
SCHEMA_VERSION: Final = MIGRATIONS[-1][0]


# ------------------------------------------------------------------ values


@attrs.frozen
class Added:
    """What adding one document did: ``added`` is False when it was already there (nothing
    changed); the ids of the items it created, moved (another due instant), changed in status,
    or only confirmed (one more source)."""

    document: str
    added: bool
    new: tuple[int, ...] = ()
    moved: tuple[int, ...] = ()
    status_changed: tuple[int, ...] = ()
    confirmed: tuple[int, ...] = ()


@attrs.frozen
class Item:
    """A tracked deadline: the obligation and its current state."""

    id: int
    key: str
    who: str | None
    what: str
    form: str
    due: dt.datetime
    timed: bool  #: due at a clock time (else at the end of a day or longer)
    grain: str | None
    status: ItemStatus
    sequence: int  #: how many times the due instant or the status changed
    removed: bool = False

    @property
    def zone(self) -> str | None:
        return _zone_key(self.due)

    def standing(self, now: dt.datetime | dt.date | str, window: dt.timedelta | None = None) -> str:
        """For an open item ``overdue`` once ``now`` has reached its due instant, ``due-soon`` when
        it is less than ``window`` away, else ``upcoming``; for the others their status."""
        if self.status != "open":
            return self.status
        moment = _now_like(now, self.due)
        if moment >= self.due:
            return "overdue"
        return "due-soon" if window is not None and self.due - moment < window else "upcoming"

    def due_text(self) -> str:
        """The due instant as a person reads it: "2020-01-10 17:00 America/New_York",
        "2020-01-10, end of day", "2020-01-10 17:00 (zone unknown)"."""
        if not self.timed:
            last = (self.due - dt.timedelta(microseconds=1)).date()
            return f"{last.isoformat()}, end of day" + ("" if self.due.tzinfo else " (zone unknown)")
        zone = self.zone or (_offset_name(self.due) if self.due.tzinfo else "(zone unknown)")
        return f"{self.due:%Y-%m-%d %H:%M} {zone}"


@attrs.frozen
class Source:
    """One report of an item: the document (its name, where it came from, its publication),
    what it said is due and when, and the sentence."""

    document: str
    source: str
    published: str
    due: dt.datetime
    status: str | None
    sentence: str


@attrs.frozen
class Step:
    """One step of an item's history: ``change`` is "reported", "moved", "cancelled", "met",
    "superseded" or "reopened"; ``by`` the source that made it."""

    change: str
    due: dt.datetime
    status: ItemStatus
    by: Source


@attrs.frozen
class Detail:
    """An item with its history (oldest first) and every source (by publication)."""

    item: Item
    history: tuple[Step, ...]
    sources: tuple[Source, ...]


# ------------------------------------------------------------------ helpers


def _zone_key(when: dt.datetime) -> str | None:
    key = getattr(when.tzinfo, "key", None)
    return key if isinstance(key, str) else None


def _offset_name(when: dt.datetime) -> str:
    offset = when.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes > 0 else '-'}{h:02d}:{m:02d}"


def _utc_text(iso: str) -> str | None:
    when = dt.datetime.fromisoformat(iso)
    return None if when.tzinfo is None else when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _due_of(iso: str, zone: str | None) -> dt.datetime:
    when = dt.datetime.fromisoformat(iso)
    if zone and when.tzinfo is not None:
        try:
            return when.astimezone(zoneinfo.ZoneInfo(zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return when
    return when


def _now_like(now: dt.datetime | dt.date | str, due: dt.datetime) -> dt.datetime:
    """``now`` comparable with ``due``: a date is the start of that day on the deadline's clock;
    an aware ``now`` against a due instant whose zone is unknown is read on its own wall clock."""
    if isinstance(now, str):
        now = _parse_now(now)
    if not isinstance(now, dt.datetime):
        return dt.datetime(now.year, now.month, now.day, tzinfo=due.tzinfo)
    if due.tzinfo is None:
        return now.replace(tzinfo=None)
    if now.tzinfo is None:
        raise ValueError(f"now={now.isoformat()} has no zone; give it with an offset (e.g. "
                           f"{now.isoformat()}+00:00) to compare it with deadlines that have one")
    return now


def _parse_now(now: str) -> dt.date | dt.datetime:
    text = now.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"now={now!r} is not an ISO 8601 date or datetime (e.g. 2020-01-06T09:00+03:00)") from None


def _published(published: dt.date | dt.datetime | str) -> tuple[str, str]:
    """The publication as written in the store, and its sort key (UTC when it has a zone)."""
    from timeline._reference import as_reference  # noqa: PLC0415

    ref = as_reference(published)
    when = ref.when
    text = when.isoformat() if ref.has_time else when.date().isoformat()
    key = when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo is not None else when
    return text, key.strftime("%Y-%m-%dT%H:%M:%S")


def content_hash(text: str, published: dt.date | dt.datetime | str) -> str:
    """What identifies a document: the SHA-256 of its publication and its text."""
    return hashlib.sha256(f"{_published(published)[0]}\x1f{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _same_due(a: dt.datetime, b: dt.datetime) -> bool:
    if (a.tzinfo is None) != (b.tzinfo is None):
        return False
    return a == b


# ------------------------------------------------------------------ the tracker


class Tracker:
    """A store of deadlines in the SQLite file ``path`` (by default `default_path`, its folder
    made when missing). Use it as a context manager, or call `close`.

    ``timeout`` is how long (seconds) a write waits for another process's transaction.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 30.0) -> None:
        if path is None:
            self.path = Path(str(default_path()))
            self.path.parent.mkdir(parents=True, exist_ok=True)
        else:
            self.path = Path(path)
        self._conn = self._open(timeout)

    # -------------------------------------------------------------- opening

    def _fail(self, why: str) -> TrackerError:
        return TrackerError(f"{self.path}: {why}; the file is left as it is")

    def _open(self, timeout: float) -> sqlite3.Connection:
        path = self.path
        if path.exists():
            if not path.is_file():
                raise TrackerError(f"{path}: is not a file (a folder?); give the path of a database file")
            try:
                with path.open("rb") as fh:
                    head = fh.read(16)
            except OSError as exc:
                raise TrackerError(f"{path}: cannot read: {exc.strerror or exc}") from None
            if head and head != b"SQLite format 3\x00":
                raise self._fail("not a tracker database (not an SQLite file)")
            mode = "rw"
        else:
            if not path.parent.is_dir():
                raise TrackerError(f"{path}: the folder {path.parent} does not exist")
            mode = "rwc"
        uri = f"{path.absolute().as_uri()}?mode={mode}"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise TrackerError(f"{path}: cannot open: {exc}") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._check_and_migrate(conn)
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except TrackerError:
            conn.close()
            raise
        except sqlite3.OperationalError as exc:  # read-only, locked for longer than the timeout, ...
            conn.close()
            raise TrackerError(f"{path}: cannot open: {exc}") from None
        except sqlite3.DatabaseError as exc:  # not a database, malformed
            conn.close()
            raise self._fail(f"damaged or not a tracker database ({exc})") from None
        return conn

    def _identity(self, conn: sqlite3.Connection) -> tuple[int, int, list[str]]:
        """The application id, schema version and tables, read in one transaction (read one by
        one, another process creating the file could commit between them)."""
        own = not conn.in_transaction
        if own:
            conn.execute("BEGIN")
        try:
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            if own:
                conn.execute("COMMIT")
        return int(app), int(version), tables

    def _check(self, app: int, version: int, tables: list[str]) -> None:
        if app == 0 and not tables and version == 0:
            return  # a new, empty file
        if app != APPLICATION_ID:
            what = f"application id 0x{app:08x}" if app else f"tables {', '.join(sorted(tables)[:5])}"
            raise self._fail(f"not a tracker database (an SQLite database of another program: {what})")
        if version > SCHEMA_VERSION:
            raise self._fail(f"its schema is version {version}, newer than this timeline knows ({SCHEMA_VERSION}); "
                             "upgrade timeline to use it")
        if version < 1:
            raise self._fail("marked as a tracker database but holds no schema")

    def _check_and_migrate(self, conn: sqlite3.Connection) -> None:
        app, version, tables = self._identity(conn)
        self._check(app, version, tables)
        if version == SCHEMA_VERSION:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if result != "ok":
                raise self._fail(f"damaged ({result})")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            app, version, tables = self._identity(conn)  # another process may have done it meanwhile
            self._check(app, version, tables)
            for number, _what, steps in MIGRATIONS:
                if number > version:
                    for step in steps:
                        step(conn)
                    conn.execute(f"PRAGMA user_version = {number}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- adding

    def _write(self) -> Any:
        return _Transaction(self)

    def add_text(self, text: str, *, published: dt.date | dt.datetime | str, document: str = "doc",
                 source: str = "", timezone: str | None = None, model: str | None = None) -> Added:
        """Find the deadlines of ``text`` (`timeline.build`) and add them. A document already
        added (the same text and publication) is not parsed again."""
        if self.has_document(text, published):
            return Added(document=document, added=False)
        from timeline.events.build import build  # noqa: PLC0415

        tl = build(text, published=published, timezone=timezone, document=document, model=model)
        return self.add_timeline(tl, text=text, published=published, document=document, source=source)

    def has_document(self, text: str, published: dt.date | dt.datetime | str) -> bool:
        """Whether this text with this publication was added already."""
        row = self._conn.execute("SELECT 1 FROM documents WHERE hash = ?", (content_hash(text, published),)).fetchone()
        return row is not None

    def add_timeline(self, timeline: Any, *, text: str, published: dt.date | dt.datetime | str,
                     document: str = "doc", source: str = "") -> Added:
        """Add the deadlines of a timeline already built from ``text``."""
        return self.add_reports(reports_of(timeline), text=text, published=published, document=document,
                                source=source)

    def add_reports(self, reports: Iterable[Report], *, text: str, published: dt.date | dt.datetime | str,
                    document: str = "doc", source: str = "") -> Added:
        """Add one document's reports in one transaction (see `Added`)."""
        reports = list(reports)
        pub_text, pub_key = _published(published)
        digest = content_hash(text, published)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone() is not None:
                return Added(document=document, added=False)
            doc_id = conn.execute(
                "INSERT INTO documents (hash, name, source, published, published_key) VALUES (?, ?, ?, ?, ?)",
                (digest, document, source, pub_text, pub_key)).lastrowid
            touched: dict[int, tuple[str, str] | None] = {}
            for r in reports:
                row = conn.execute("SELECT id, due, status FROM items WHERE key = ?", (r.key,)).fetchone()
                due_iso = r.due.isoformat()
                if row is None:
                    item_id = conn.execute(
                        "INSERT INTO items (key, who, what, form, due, zone, grain, timed, status, sequence, "
                        "updated_key, due_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                        (r.key, r.who, r.what, r.form, due_iso, _zone_key(r.due), r.grain, int(r.timed),
                         r.status or "open", pub_key, _utc_text(due_iso))).lastrowid
                    assert item_id is not None
                    touched.setdefault(item_id, None)
                else:
                    item_id = int(row[0])
                    touched.setdefault(item_id, (row[1], row[2]))
                conn.execute(
                    "INSERT INTO reports (item_id, document_id, who, what, due, zone, grain, timed, status, sentence, "
                    "time_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item_id, doc_id, r.who, r.what, due_iso, _zone_key(r.due), r.grain, int(r.timed), r.status,
                     r.sentence, r.time_text))
            new, moved, changed, confirmed = [], [], [], []
            for item_id, before in touched.items():
                after = self._refresh(conn, item_id)
                if before is None:
                    new.append(item_id)
                elif not _same_due(dt.datetime.fromisoformat(before[0]), dt.datetime.fromisoformat(after[0])):
                    moved.append(item_id)
                elif before[1] != after[1]:
                    changed.append(item_id)
                else:
                    confirmed.append(item_id)
        return Added(document=document, added=True, new=tuple(new), moved=tuple(moved),
                     status_changed=tuple(changed), confirmed=tuple(confirmed))

    def _reports(self, conn: sqlite3.Connection, item_id: int) -> list[tuple[Any, ...]]:
        """The reports of an item in the order they were published: by publication, a document's
        superseded reports before the others, then as added."""
        return conn.execute(
            "SELECT r.who, r.what, r.due, r.zone, r.grain, r.timed, r.status, r.sentence, "
            "d.name, d.source, d.published, d.published_key FROM reports r JOIN documents d ON d.id = r.document_id "
            "WHERE r.item_id = ? ORDER BY d.published_key, (r.status = 'superseded') DESC, d.id, r.id",
            (item_id,)).fetchall()

    def _steps(self, rows: Sequence[tuple[Any, ...]]) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Each report with what it changed: "reported", "moved", a status, "reopened" or ""."""
        due: dt.datetime | None = None
        status: str | None = None
        for row in rows:
            when = _due_of(row[2], row[3])
            now_status = row[6] or "open"
            if due is None:
                change = "reported"
            elif not _same_due(due, when):
                change = "moved"
            elif now_status != status:
                change = "reopened" if now_status == "open" else now_status
            else:
                change = ""
            due, status = when, now_status
            yield change, row

    def _refresh(self, conn: sqlite3.Connection, item_id: int) -> tuple[str, str]:
        """Set an item's current state from its reports; return its due (ISO) and status."""
        rows = self._reports(conn, item_id)
        steps = list(self._steps(rows))
        sequence = sum(1 for change, _ in steps[1:] if change)
        last = rows[-1]
        status = last[6] or "open"
        conn.execute(
            "UPDATE items SET who = ?, what = ?, due = ?, zone = ?, grain = ?, timed = ?, status = ?, sequence = ?, "
            "updated_key = ?, due_utc = ? WHERE id = ?",
            (last[0], last[1], last[2], last[3], last[4], last[5], status, sequence, last[11], _utc_text(last[2]),
             item_id))
        return str(last[2]), status

    # -------------------------------------------------------------- reading

    _ITEM_COLUMNS: Final = "i.id, i.key, i.who, i.what, i.form, i.due, i.zone, i.grain, i.timed, i.status, " \
                           "i.sequence, i.removed"

    @staticmethod
    def _item(row: Sequence[Any]) -> Item:
        return Item(id=row[0], key=row[1], who=row[2], what=row[3], form=row[4], due=_due_of(row[5], row[6]),
                    grain=row[7], timed=bool(row[8]), status=row[9], sequence=row[10], removed=bool(row[11]))

    def items(self, which: Which = "all", *, now: dt.datetime | dt.date | str | None = None,
              since: dt.date | dt.datetime | str | None = None, about: str | None = None,
              removed: bool = False) -> list[Item]:
        """The tracked items, soonest due first (in UTC; an item whose zone is unknown by its
        clock reading). ``which``: ``all``; ``upcoming`` or ``overdue`` (open items due after /
        at or before ``now``, which they need). ``since``: only items that a document published
        on or after it reported. ``about``: only items whose who or what holds these words (case
        ignored). ``removed``: also the removed ones."""
        if which not in ("all", "upcoming", "overdue"):
            raise ValueError(f"which={which!r}: give 'all', 'upcoming' or 'overdue'")
        if which != "all" and now is None:
            raise ValueError(f"which={which!r} needs now (the moment the deadlines are judged against)")
        sql = f"SELECT {self._ITEM_COLUMNS} FROM items i"
        where: list[str] = []
        args: list[Any] = []
        if not removed:
            where.append("i.removed = 0")
        if since is not None:
            where.append("EXISTS (SELECT 1 FROM reports r JOIN documents d ON d.id = r.document_id "
                         "WHERE r.item_id = i.id AND d.published_key >= ?)")
            args.append(_published(since)[1])
        if about:
            for word in about.casefold().split():
                where.append("(instr(lower(coalesce(i.who, '')), ?) > 0 OR instr(lower(i.what), ?) > 0)")
                args += [word, word]
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(i.due_utc, substr(i.due, 1, 19)), i.id"
        with self._read() as conn:
            found = [self._item(r) for r in conn.execute(sql, args)]
        if which == "all" or now is None:
            return found
        return [i for i in found if i.standing(now) == which]

    def item(self, item_id: int) -> Detail:
        """One item with its history and sources (`UnknownItemError` when there is none)."""
        with self._read() as conn:
            row = conn.execute(f"SELECT {self._ITEM_COLUMNS} FROM items i WHERE i.id = ?", (item_id,)).fetchone()
            if row is None:
                raise UnknownItemError(f"no tracked deadline has the id {item_id} in {self.path}")
            rows = self._reports(conn, item_id)
        history: list[Step] = []
        sources: list[Source] = []
        for change, r in self._steps(rows):
            src = Source(document=r[8], source=r[9], published=r[10], due=_due_of(r[2], r[3]), status=r[6],
                         sentence=r[7])
            sources.append(src)
            if change:
                history.append(Step(change=change, due=src.due, status=r[6] or "open", by=src))
        return Detail(item=self._item(row), history=tuple(history), sources=tuple(sources))

    def remove(self, item_id: int) -> None:
        """Stop tracking an item: it is left out of lists and calendars from now on, also when
        later documents report it again (its rows are kept)."""
        with self._write() as conn:
            if conn.execute("UPDATE items SET removed = 1 WHERE id = ?", (item_id,)).rowcount == 0:
                raise UnknownItemError(f"no tracked deadline has the id {item_id} in {self.path}")

    def counts(self) -> dict[str, int]:
        """How many documents, items and reports the store holds."""
        with self._read() as conn:
            return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # noqa: S608 - fixed names
                    for t in ("documents", "items", "reports")}

    # -------------------------------------------------------------- the calendar

    def entries(self) -> list[Any]:
        """The items as `timeline.exports.Entry` values (deadlines), for `calendar`."""
        from timeline.track.calendar import entries_of  # noqa: PLC0415

        return entries_of(self)

    def calendar(self, *, name: str = "deadlines", todos: bool = False, alarm: dt.timedelta | None = None) -> bytes:
        """Every item as an iCalendar file: each keeps its UID as it moves, its SEQUENCE counts the
        changes, a cancelled or superseded one is ``STATUS:CANCELLED`` (docs/tracker.md)."""
        from timeline.exports.ics import to_ics  # noqa: PLC0415

        return to_ics(self.entries(), name=name, todos=todos, alarm=alarm)

    def _read(self) -> Any:
        return _Reading(self)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on any error); sqlite3's errors become a
    `TrackerError` naming the file."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.tracker._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TrackerError(f"{self.tracker.path}: cannot write: {exc}") from None
        return self.tracker._conn

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        conn = self.tracker._conn
        if kind is None:
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                conn.execute("ROLLBACK")
                raise TrackerError(f"{self.tracker.path}: cannot write: {error}") from None
            return
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):  # locked past the timeout, read-only, disk full
            raise TrackerError(f"{self.tracker.path}: cannot write ({exc}); nothing was changed") from None
        if isinstance(exc, sqlite3.DatabaseError):
            raise TrackerError(f"{self.tracker.path}: damaged ({exc}); nothing was changed") from None


class _Reading:
    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker

    def __enter__(self) -> sqlite3.Connection:
        return self.tracker._conn

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, sqlite3.DatabaseError):
            raise TrackerError(f"{self.tracker.path}: damaged ({exc})") from None
