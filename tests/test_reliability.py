"""Issue 16: nothing crashes a batch, nothing is overwritten that should not be, dates at the
edges of the calendar and zones beyond +/-14:00 are clear errors.

Every input is written here, and every date is fixed.
"""

from __future__ import annotations

import datetime as dt

import pytest

import timeline
from timeline.zones import CalendarRangeError, UnknownZoneError, get_zone

# --------------------------------------------------------------------------- zones and offsets


@pytest.mark.parametrize("name", ["UTC+15:00", "+14:30", "UTC-14:01", "GMT+20", "UTC+3:75"])
def test_an_offset_beyond_14_hours_is_an_error_naming_it(name: str) -> None:
    with pytest.raises(UnknownZoneError, match="beyond") as info:
        get_zone(name)
    assert repr(name) in str(info.value)


@pytest.mark.parametrize("name", ["UTC+14:00", "-14:00", "UTC-12", "+05:45"])
def test_offsets_within_14_hours_are_zones(name: str) -> None:
    assert get_zone(name).name.startswith("UTC")


@pytest.mark.parametrize("name", ["localtime", "LocalTime", "posixrules", "Factory"])
def test_the_hosts_clock_is_refused(name: str) -> None:
    with pytest.raises(UnknownZoneError, match="host"):
        get_zone(name)
    with pytest.raises(ValueError, match="host"):
        timeline.extract("The vote is at 5 pm.", published="2020-01-05", timezone=name)


@pytest.mark.parametrize("published", ["2020-01-05T09:00+15:00", "2020-01-05T09:00-14:30",
                                       dt.datetime(2020, 1, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=20)))])
def test_a_published_offset_beyond_14_hours_is_an_error_not_an_unknown_zone(published: object) -> None:
    with pytest.raises(ValueError, match=r"published=.*beyond \+/-14:00"):
        timeline.extract("The vote is at 5 pm.", published=published)  # type: ignore[arg-type]


def test_a_huge_published_string_is_not_echoed_whole() -> None:
    with pytest.raises(ValueError) as info:
        timeline.extract("Friday", published="1" * 100_000)
    assert len(str(info.value)) < 300


# --------------------------------------------------------------------------- edges of the calendar

EDGE_TEXTS = [
    "BAGHDAD (Reuters) - The minister resigned on Friday at 5 pm local time; talks resume at 09:00 GMT tomorrow.",
    "Talks end in 10 years; this week, next month, last century, in 3 days and 48 hours later.",
    "Protesters gave the government until Monday at 17:00 GMT to respond. The deadline expires in 24 hours.",
    "It happened yesterday, by the end of the year.",
]
EDGE_PUBLISHED: list[object] = [
    "9999-12-31", "0001-01-01", "9999-12-31T23:59:59", "0001-01-01T00:00", "9999-12-31T23:59+14:00",
    "0001-01-01T00:00-12:00", "9999-12-31T23:59-12:00", "0001-01-01T00:00+14:00",
    dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))),
]


@pytest.mark.parametrize("published", EDGE_PUBLISHED, ids=str)
@pytest.mark.parametrize("timezone", [None, "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_the_edges_of_the_calendar_give_a_result_or_a_clear_error(published: object, timezone: str | None) -> None:
    for text in EDGE_TEXTS:
        try:
            mentions = timeline.extract(text, published=published, timezone=timezone)  # type: ignore[arg-type]
        except CalendarRangeError as exc:
            assert "outside the years 1 to 9999" in str(exc)
        else:
            for m in mentions:
                if m.interval is not None:
                    assert m.interval.start <= m.interval.end
        try:
            tl = timeline.build(text, published=published, timezone=timezone)  # type: ignore[arg-type]
        except CalendarRangeError as exc:
            assert "outside the years 1 to 9999" in str(exc)
        else:
            assert all(e.interval is None or e.interval.start <= e.interval.end for e in tl.events)


def test_a_clock_time_pushed_past_year_9999_names_the_expression() -> None:
    with pytest.raises(CalendarRangeError, match="'Friday at 5 pm'.*Pacific/Pago_Pago"):
        timeline.extract("The vote was on Friday at 5 pm.", published="9999-12-31", timezone="Pacific/Pago_Pago")


def test_in_zone_at_the_edge_is_a_clear_error() -> None:
    ms = timeline.extract("The vote is at 11 pm.", published="9999-12-31", timezone="UTC")
    with pytest.raises(CalendarRangeError):
        timeline.in_zone(ms, "Pacific/Kiritimati")


# --------------------------------------------------------------------------- the command line

import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import stat  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import textwrap  # noqa: E402
from pathlib import Path  # noqa: E402

from click.testing import CliRunner, Result  # noqa: E402

from timeline import _cli_io, cli  # noqa: E402
from timeline.timeml import TimeMLError, read_timeml, read_timeml_string  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FUZZ = Path(__file__).with_name("fuzz")
GOOD = "The minister resigned yesterday, his office said.\n"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli.main, list(args), catch_exceptions=False)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def good_input(tmp_path: Path) -> Path:
    return write(tmp_path / "good.txt", GOOD)


def assert_one_bad_input(result: Result, bad: str) -> None:
    """The bad input is one error naming it; the good one still comes out; stdout is one JSON document."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    assert f"error: {bad}" in result.stderr, result.stderr
    assert result.stderr.rstrip().endswith("1 of 2 inputs failed")
    docs = json.loads(result.stdout)
    assert [d["id"] for d in docs] == ["good"]


def test_an_unreadable_directory_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    real = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self == folder:  # chmod 000 does not stop root: refuse the listing here instead
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = invoke("extract", str(good_input(tmp_path)), str(folder), "-p", "2020-01-05", "-f", "json")
    assert result.exit_code == 1
    assert f"error: {folder}: cannot read the directory: Permission denied" in result.stderr
    assert [d["id"] for d in json.loads(result.stdout)] == ["good"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'<?xml version="1.0" encoding="klingon"?><TimeML><TEXT>Friday</TEXT></TimeML>', "encoding cannot be read"),
        (b'<?xml version="1.0" encoding="shift_jis"?><TimeML><TEXT>Friday</TEXT></TimeML>', "encoding cannot be read"),
        (("<TimeML><TEXT>" + "<a>" * 1000 + "Friday" + "</a>" * 1000 + "</TEXT></TimeML>").encode(), "nested more than 100"),
    ],
    ids=["unknown-encoding", "multibyte-encoding", "nested-1000"],
)
def test_bad_timeml_is_a_timeml_error_and_one_failed_input(tmp_path: Path, content: bytes, message: str) -> None:
    bad = write(tmp_path / "bad.tml", content)
    with pytest.raises(TimeMLError, match=message):
        read_timeml(bad)
    with pytest.raises(TimeMLError, match=message):
        read_timeml_string(content, name="bad.tml")
    result = invoke("extract", str(good_input(tmp_path)), str(bad), "-p", "2020-01-05", "-f", "json")
    assert_one_bad_input(result, str(bad))
    assert message in result.stderr


def test_timeml_nested_100_deep_is_still_read() -> None:
    xml = "<TimeML><TEXT>" + "<a>" * 98 + "Friday" + "</a>" * 98 + "</TEXT></TimeML>"
    assert read_timeml_string(xml).text == "Friday"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "Friday", "published": "2020-01-05", "x": ' + "[" * 2000 + "]" * 2000 + "}", "nested 2001 deep"),
        ('{"text": "Friday", "published": "2020-01-05", "id": ' + "7" * 5000 + "}", "integer of 5000 digits"),
        ('{"text": "The vote \\ud800 was on Friday.", "published": "2020-01-05"}', "'text' holds a lone surrogate \\ud800"),
        ('{"text": "Friday", "published": "2020-01-05\\udc80"}', "'published' holds a lone surrogate"),
        ('{"text": "Friday", "published": "2020-01-05", "id": "a\\nb"}', "'id' 'a\\nb' holds the character U+000A"),
        ('{"text": "Friday", "published": "' + "9" * 100_000 + '"}', "100000 characters long; a date is at most 64"),
        ('{"text": "Friday", "published": "2020-13-01"}', "is no date: month must be in 1..12"),
        ('{"text": "Friday", "published": "2020-01-05T09:00+15:00"}', "beyond +/-14:00"),
    ],
    ids=["nested", "big-integer", "surrogate-text", "surrogate-published", "newline-id", "long-published",
         "invalid-iso", "offset-15h"],
)
def test_a_bad_json_lines_record_is_one_failed_input(tmp_path: Path, line: str, message: str) -> None:
    good = write(tmp_path / "good.jsonl", json.dumps({"id": "good", "text": GOOD, "published": "2020-01-05"}) + "\n")
    bad = write(tmp_path / "bad.jsonl", line + "\n")
    result = invoke("extract", str(good), str(bad), "-f", "json")
    assert_one_bad_input(result, f"{bad}:1: ")
    assert message in result.stderr, result.stderr


def test_a_bad_published_in_a_record_fails_only_that_record(tmp_path: Path) -> None:
    bad = write(tmp_path / "wires.jsonl",
                json.dumps({"id": "ok", "text": "Talks ended yesterday.", "published": "2020-01-05"}) + "\n"
                + json.dumps({"id": "bad", "text": "Talks ended yesterday.", "published": "9" * 100_000}) + "\n")
    result = invoke("extract", str(bad), "-f", "json")
    assert result.exit_code == 1
    assert [d["id"] for d in json.loads(result.stdout)] == ["ok"]
    assert f"error: {bad}:2: 'published': it is 100000 characters long" in result.stderr


def test_json_to_stdout_is_null_when_the_one_input_fails(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.tml", b'<?xml version="1.0" encoding="klingon"?><TimeML/>')
    result = invoke("extract", str(bad), "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) is None


def test_a_document_of_year_9999_fails_alone_in_every_format(tmp_path: Path) -> None:
    story = "BAGHDAD (Reuters) - The minister resigned on Friday at 5 pm local time. Talks resume next year."
    wires = write(tmp_path / "wires.jsonl", "".join(
        json.dumps({"id": k, "text": story, "published": p}) + "\n"
        for k, p in [("late", "9999-12-31"), ("ok", "2020-01-05"), ("early", "0001-01-01")]))
    for fmt in ("json", "table", "timeml", "csv", "timelinejs", "html", "ics"):
        out = tmp_path / f"out-{fmt}"
        result = invoke("extract", str(wires), "-f", fmt, "-o", str(out))
        assert "Traceback" not in result.stderr
        assert result.exit_code in (0, 1), (fmt, result.output)
        if fmt in ("ics", "timeml", "csv", "timelinejs", "html"):
            assert f"ok{'.timeline.json' if fmt == 'timelinejs' else '.' + fmt if fmt != 'timeml' else '.tml'}" in \
                {p.name for p in out.iterdir()}, fmt
    result = invoke("calendar", str(wires), "-o", str(tmp_path / "all.ics"))
    assert result.exit_code == 1
    assert "(id late): cannot write its events as iCalendar" in result.stderr
    assert "(id early)" in result.stderr
    assert result.stderr.rstrip().endswith("1 of 1 inputs failed")
    assert (tmp_path / "all.ics").is_file()


def test_names_in_messages_are_escaped(tmp_path: Path) -> None:
    missing = tmp_path / "evil\x1b[2J\nname.txt"
    result = invoke("extract", str(missing), "-p", "2020-01-05")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "evil\\x1b[2J\\nname.txt: no such file" in result.stderr


def test_an_input_name_with_control_characters_gives_a_plain_output_name(tmp_path: Path) -> None:
    story = write(tmp_path / "in" / "a\x1bb\nc.txt", GOOD)
    out = tmp_path / "out"
    result = invoke("extract", str(story), "-p", "2020-01-05", "-f", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["a_b_c.json"]


@pytest.mark.parametrize("value", ["2020-13-01", "20201301", "2020-02-30", "2020-02-30T09:00", "2020-01-05T25:00"])
def test_an_iso_shaped_published_that_is_no_date_is_a_usage_error(tmp_path: Path, value: str) -> None:
    result = invoke("extract", str(good_input(tmp_path)), "--published", value)
    assert result.exit_code == 2
    assert "shaped like an ISO 8601 date" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(("value", "expected"), [("2020-01-05 9am", dt.datetime(2020, 1, 5, 9)),
                                                 ("Jan 5, 2020", dt.date(2020, 1, 5)),
                                                 ("2020-1-5", dt.date(2020, 1, 5))])
def test_valid_published_forms_still_read(value: str, expected: object) -> None:
    assert _cli_io.parse_published(value) == expected


@pytest.mark.parametrize("value", ["9" * 65, "Jan 5, 2020" + " " * 10 + "x" * 60])
def test_a_published_longer_than_64_characters_is_refused_before_dateparser(value: str) -> None:
    with pytest.raises(ValueError, match="a date is at most 64"):
        _cli_io.parse_published(value)


@pytest.mark.parametrize("zone", ["UTC+15:00", "localtime"])
def test_a_bad_timezone_option_is_a_usage_error(tmp_path: Path, zone: str) -> None:
    result = invoke("extract", str(good_input(tmp_path)), "-p", "2020-01-05", "--timezone", zone)
    assert result.exit_code == 2
    assert repr(zone) in result.stderr


# --------------------------------------------------------------------------- output files


def test_an_output_file_that_is_a_symlink_is_written_through(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = write(tmp_path / "kept" / "good.json", "old\n")
    (out / "good.json").symlink_to(target)
    result = invoke("extract", str(good_input(tmp_path)), "-p", "2020-01-05", "-f", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "good.json").is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == "good"
    assert sorted(p.name for p in target.parent.iterdir()) == ["good.json"]  # no temp file left


def test_a_calendar_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    target = write(tmp_path / "kept" / "all.ics", "old\n")
    link = tmp_path / "all.ics"
    link.symlink_to(target)
    result = invoke("calendar", str(good_input(tmp_path)), "-p", "2020-01-05", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_a_device_node_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "good.json").symlink_to(os.devnull)
    result = invoke("extract", str(good_input(tmp_path)), "-p", "2020-01-05", "-f", "json", "-o", str(out))
    assert result.exit_code == 1
    assert "it is a character device" in result.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    result = invoke("calendar", str(good_input(tmp_path)), "-p", "2020-01-05", "-o", os.devnull)
    assert result.exit_code == 2
    assert "it is a character device" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "all.ics"
    os.mkfifo(fifo)
    result = invoke("calendar", str(good_input(tmp_path)), "-p", "2020-01-05", "-o", str(fifo))
    assert result.exit_code == 2
    assert "it is a named pipe" in result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_a_signal_between_write_and_rename_leaves_no_temp_file(tmp_path: Path, signame: str) -> None:
    story = good_input(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    write(out / "good.json", "old\n")
    # the signal arrives while the temporary file is being written (fsync), before the rename
    script = textwrap.dedent(f"""
        import os, signal, sys
        from timeline import _cli_io, cli
        real = os.fsync
        def fsync(fd):
            real(fd)
            os.kill(os.getpid(), signal.{signame})
        _cli_io.os.fsync = fsync
        sys.argv = ["timeline", "extract", {str(story)!r}, "-p", "2020-01-05", "-f", "json", "-o", {str(out)!r}]
        cli.main()
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == (128 + signal.SIGTERM if signame == "SIGTERM" else 130) or \
        (signame == "SIGINT" and done.returncode == 1), done.stderr  # click reports ^C as "Aborted!" (1)
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]
    assert (out / "good.json").read_text(encoding="utf-8") == "old\n"


# --------------------------------------------------------------------------- the fuzz corpus

CORPUS = sorted(p for p in FUZZ.iterdir() if p.suffix in (".tml", ".jsonl"))


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) >= 12


def _texts(path: Path) -> list[tuple[str, object]]:
    """(text, published) pairs a library user could hand over from ``path``: its raw text, and
    the text and published of each JSON Lines record that reads."""
    raw = path.read_bytes().decode("utf-8", "replace")
    pairs: list[tuple[str, object]] = [(raw, "2020-01-05")]
    if path.suffix == ".jsonl":
        for line in raw.splitlines():
            try:
                record = json.loads(line)
            except (ValueError, RecursionError):
                continue
            pairs.append((record["text"], record.get("published", "2020-01-05")))
    return pairs


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_the_corpus_through_extract_and_build(path: Path) -> None:
    for text, published in _texts(path):
        for run in (timeline.extract, timeline.build):
            try:
                run(text, published=published)  # type: ignore[arg-type]
            except (ValueError, TypeError) as exc:
                assert str(exc)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_the_corpus_through_the_command_line(tmp_path: Path, path: Path) -> None:
    good = write(tmp_path / "good.jsonl", json.dumps({"id": "good", "text": GOOD, "published": "2020-01-05"}) + "\n")
    result = invoke("extract", str(good), str(path), "-f", "json")
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 1), result.output
    assert "good" in [d["id"] for d in json.loads(result.stdout)]
    for fmt in ("ics", "html"):
        out = tmp_path / fmt
        result = invoke("extract", str(good), str(path), "-f", fmt, "-o", str(out))
        assert result.exit_code in (0, 1), result.output
        assert (out / f"good.{fmt}").is_file()
    result = invoke("calendar", str(good), str(path), "-o", str(tmp_path / "all.ics"))
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "all.ics").is_file()


# --------------------------------------------------------------------------- typing and profiles

USER_SCRIPT = '''
from __future__ import annotations

import datetime as dt

import timeline


def main() -> None:
    day = dt.date(2020, 1, 5)
    mentions: list[timeline.Mention] = timeline.extract("The vote was held on Friday.", published=day)
    tl: timeline.Timeline = timeline.build("The minister resigned on Friday.", published=day)
    doc: timeline.Document = timeline.analyze("The minister resigned on Friday.", published="2020-01-05")
    assert doc.timeline is not None
    events: list[timeline.Event] = [*tl.events, *doc.timeline.events]
    print(mentions[0].value, len(events), [d.due for d in tl.deadlines()])
'''


def test_a_users_script_type_checks_under_mypy_strict(tmp_path: Path) -> None:
    """The documented calls type-check in a user's code under ``mypy --strict``, and a wrong call
    of a lazily imported name is seen (the names are typed, not ``object``)."""
    pytest.importorskip("mypy", reason="mypy is not installed (it comes with the test extras)")
    good = write(tmp_path / "good.py", USER_SCRIPT)
    bad = write(tmp_path / "bad.py", USER_SCRIPT.replace('timeline.build("The minister', 'timeline.build(42, "The minister'))
    env = {**os.environ, "MYPYPATH": str(REPO)}
    # --follow-imports=silent: the package is checked as a user's checker sees an installed one
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-incremental",
         "--cache-dir", os.devnull, str(good), str(bad)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert errors and all(line.startswith("bad.py:12: error") for line in errors), done.stdout + done.stderr


def test_dir_shows_the_lazy_names() -> None:
    assert {"build", "build_many", "analyze", "Timeline", "Event"} <= set(dir(timeline))


def test_the_adversarial_hypothesis_profile_is_registered() -> None:
    from hypothesis import settings

    profile = settings.get_profile("adversarial")
    assert profile.max_examples == 8000
    assert profile.deadline is None


def test_a_calendar_name_with_a_newline_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("calendar", str(good_input(tmp_path)), "-p", "2020-01-05", "-o", str(tmp_path / "a.ics"),
                    "--name", "a\nb")
    assert result.exit_code == 2
    assert "'a\\nb' holds a control character" in result.stderr
    assert not (tmp_path / "a.ics").exists()


def test_a_text_the_parser_refuses_fails_alone_in_its_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.syntax import model

    real = model._pieces

    def refuse(text: str) -> list[str]:  # the parser refuses one text: the batch's parse fails
        if "REFUSED" in text:
            raise ValueError("the parser refuses this text")
        return real(text)

    monkeypatch.setattr(model, "_pieces", refuse)
    bad = write(tmp_path / "bad.txt", "REFUSED: the talks resumed on Monday.")
    result = invoke("extract", str(good_input(tmp_path)), str(bad), "-p", "2020-01-05", "-f", "json")
    assert_one_bad_input(result, f"{bad}: ")
