"""The ``timeline`` command line: inputs, formats, output files and errors.

Every text here is written for the tests, and every date is fixed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from timeline import _cli_io, cli

REPO_ROOT = Path(__file__).resolve().parents[1]

RESIGNED = "The minister resigned yesterday, his office said.\n"
VOTE = "Lawmakers met yesterday and will vote tomorrow.\n"


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli.main, ["extract", *args], input=input, catch_exceptions=False)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def tml(text: str, *, doc_id: str = "doc-1", dct: str | None = "2020-01-05") -> str:
    dct_xml = (
        ""
        if dct is None
        else f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n<DOCID>{doc_id}</DOCID>\n{dct_xml}<TEXT>{text}</TEXT>\n</TimeML>\n'


def values(doc: dict[str, object]) -> dict[str, str]:
    return {m["text"]: m["value"] for m in doc["mentions"]}  # type: ignore[index,union-attr]


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p)
    return env


# --------------------------------------------------------------------------- formats


def test_table(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", RESIGNED)
    result = run(str(story), "--published", "2020-01-05")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert str(story) in lines[0] and "2020-01-05" in lines[0]
    header = next(line for line in lines if "offset" in line)
    for column in ("offset", "text", "type", "value", "mod", "interval"):
        assert column in header
    row = next(line for line in lines if "yesterday" in line and line is not lines[0])
    assert "DATE" in row and "2020-01-04" in row
    assert "22-31" in row  # the offsets of "yesterday"
    # the columns are aligned: every value starts where its header does
    assert row.index("DATE") == header.index("type")
    assert result.stderr == ""


def test_table_without_mentions(tmp_path: Path) -> None:
    story = write(tmp_path / "plain.txt", "Nothing here tells the time.\n")
    result = run(str(story), "-p", "2020-01-05")
    assert result.exit_code == 0
    assert "no time expressions" in result.stdout


def test_json_one_input_is_an_object(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", RESIGNED)
    result = run(str(story), "--published", "2020-01-05", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    assert list(doc) == ["id", "source", "published", "zone", "mentions", "events", "deadlines", "order"]
    assert doc["zone"] is None  # no dateline, no zone: floating
    assert doc["id"] == "story"
    assert doc["source"] == str(story)
    assert doc["published"] == "2020-01-05"
    assert doc["mentions"], doc
    for n, m in enumerate(doc["mentions"], start=1):
        assert list(m) == ["id", "start", "end", "text", "type", "value", "mod", "grain", "interval", "tz", "zone_note"]
        assert m["id"] == f"t{n}"
        assert RESIGNED[m["start"] : m["end"]] == m["text"]
        assert m["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert m["interval"] is None or set(m["interval"]) == {"start", "end", "start_utc", "end_utc"}
    yesterday = next(m for m in doc["mentions"] if m["text"] == "yesterday")
    assert yesterday["value"] == "2020-01-04"
    assert yesterday["type"] == "DATE"
    assert yesterday["interval"] == {
        "start": "2020-01-04T00:00:00", "end": "2020-01-05T00:00:00", "start_utc": None, "end_utc": None
    }


def test_json_several_inputs_is_a_list(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", RESIGNED)
    b = write(tmp_path / "b.txt", VOTE)
    result = run(str(a), str(b), "-p", "2020-01-05", "-f", "json")
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [d["id"] for d in docs] == ["a", "b"]
    assert values(docs[1])["tomorrow"] == "2020-01-06"


def test_timeml_to_stdout(tmp_path: Path) -> None:
    from timeline.timeml import read_timeml_string

    story = write(tmp_path / "story.txt", RESIGNED)
    result = run(str(story), "-p", "2020-01-05", "--format", "timeml")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<?xml")
    assert '<TIMEX3 tid="t1" type="DATE" value="2020-01-04">yesterday</TIMEX3>' in result.stdout
    doc = read_timeml_string(result.stdout)
    assert doc.text == RESIGNED
    assert doc.doc_id == "story"
    assert doc.published == "2020-01-05"
    assert [(t.text, t.value) for t in doc.timexes] == [("yesterday", "2020-01-04")]


def test_timeml_with_several_inputs_needs_output_dir(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", RESIGNED)
    b = write(tmp_path / "b.txt", VOTE)
    result = run(str(a), str(b), "-p", "2020-01-05", "-f", "timeml")
    assert result.exit_code == 2
    assert "--output-dir" in result.stderr


# --------------------------------------------------------------------------- inputs


def test_tml_input_takes_the_date_from_its_dct(tmp_path: Path) -> None:
    doc = write(tmp_path / "wire.tml", tml("Talks ended yesterday.", doc_id="WIRE-7", dct="2020-01-05"))
    result = run(str(doc), "-f", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["id"] == "WIRE-7"
    assert out["published"] == "2020-01-05"
    assert values(out)["yesterday"] == "2020-01-04"


def test_published_overrides_the_dct(tmp_path: Path) -> None:
    doc = write(tmp_path / "wire.tml", tml("Talks ended yesterday.", dct="2020-01-05"))
    out = json.loads(run(str(doc), "-f", "json", "-p", "2020-02-01").stdout)
    assert out["published"] == "2020-02-01"
    assert values(out)["yesterday"] == "2020-01-31"


def test_tml_without_dct_needs_published(tmp_path: Path) -> None:
    doc = write(tmp_path / "nodct.tml", tml("Talks ended yesterday.", dct=None))
    result = run(str(doc))
    assert result.exit_code == 1
    assert "nodct.tml" in result.stderr and "--published" in result.stderr


def test_malformed_timeml_names_file_and_line(tmp_path: Path) -> None:
    bad = write(tmp_path / "a_bad.tml", '<?xml version="1.0"?>\n<TimeML>\n<TEXT>open\n</TimeML>\n')
    good = write(tmp_path / "b_good.tml", tml("Talks ended yesterday."))
    result = run(str(bad), str(good), "-f", "json")
    assert result.exit_code == 1
    assert "a_bad.tml" in result.stderr and "line 4" in result.stderr
    assert "1 of 2 inputs failed" in result.stderr
    docs = json.loads(result.stdout)
    assert [d["source"] for d in docs] == [str(good)]


def test_txt_without_published_is_an_error_for_that_file(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", RESIGNED)
    dated = write(tmp_path / "dated.tml", tml("Talks ended yesterday."))
    result = run(str(story), str(dated), "-f", "json")
    assert result.exit_code == 1
    assert "story.txt" in result.stderr and "--published" in result.stderr
    assert "1 of 2 inputs failed" in result.stderr
    assert [d["id"] for d in json.loads(result.stdout)] == ["doc-1"]


def test_stdin(tmp_path: Path) -> None:
    result = run("-", "-p", "2020-01-05", "-f", "json", input=RESIGNED)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["id"] == "stdin" and doc["source"] == "-"
    assert values(doc)["yesterday"] == "2020-01-04"


def test_directory_is_read_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "b.txt", VOTE)
    write(folder / "a.txt", RESIGNED)
    write(folder / "c.tml", tml("Talks ended yesterday.", doc_id="c-doc"))
    write(folder / "notes.md", "ignored yesterday")
    result = run(str(folder), "-p", "2020-01-05", "-f", "json")
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [d["id"] for d in docs] == ["a", "b", "c-doc"]


def test_empty_directory(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(str(empty), "-p", "2020-01-05")
    assert result.exit_code == 1
    assert str(empty) in result.stderr and "empty" in result.stderr
    assert "1 of 1 inputs failed" in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", RESIGNED)
    result = run(str(tmp_path / "missing.txt"), str(good), "-p", "2020-01-05")
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert "2020-01-04" in result.stdout


def test_non_utf8_file(tmp_path: Path) -> None:
    latin = write(tmp_path / "latin1.txt", "Caf\xe9 owners said\nthe strike ended yesterday.".encode("latin-1"))
    good = write(tmp_path / "good.txt", RESIGNED)
    result = run(str(latin), str(good), "-p", "2020-01-05", "-f", "json")
    assert result.exit_code == 1
    assert "latin1.txt:1" in result.stderr and "UTF-8" in result.stderr
    assert "1 of 2 inputs failed" in result.stderr
    assert [d["id"] for d in json.loads(result.stdout)] == ["good"]


def test_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    records = tmp_path / "wires.jsonl"
    write(
        records,
        json.dumps({"id": "w1", "text": "Talks ended yesterday.", "published": "2020-01-05"})
        + "\n{not json\n"
        + json.dumps({"text": "They meet tomorrow.", "published": "2020-03-01"})
        + "\n\n"
        + json.dumps({"id": "w4", "text": "No date here."})
        + "\n",
    )
    result = run(str(records), "-f", "json")
    assert result.exit_code == 1
    assert f"{records}:2" in result.stderr
    assert f"{records}:5" in result.stderr and "published" in result.stderr
    assert "1 of 1 inputs failed" in result.stderr
    docs = json.loads(result.stdout)
    assert [d["id"] for d in docs] == ["w1", "wires-3"]
    assert values(docs[0])["yesterday"] == "2020-01-04"
    assert docs[1]["published"] == "2020-03-01"
    assert values(docs[1])["tomorrow"] == "2020-03-02"


def test_jsonl_records_all_good(tmp_path: Path) -> None:
    records = write(
        tmp_path / "ok.jsonl",
        "".join(
            json.dumps({"id": f"r{i}", "text": "Talks ended yesterday.", "published": day}) + "\n"
            for i, day in enumerate(["2020-01-05", "Jan 10, 2020"])
        ),
    )
    result = run(str(records), "-f", "json")
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [values(d)["yesterday"] for d in docs] == ["2020-01-04", "2020-01-09"]


# --------------------------------------------------------------------------- --output-dir


def test_output_dir_timeml_keeps_the_names(tmp_path: Path) -> None:
    a = write(tmp_path / "in" / "a.txt", RESIGNED)
    b = write(tmp_path / "in" / "b.txt", VOTE)
    c = write(tmp_path / "in" / "c.tml", tml("Talks ended yesterday."))
    out = tmp_path / "out"
    result = run(str(a), str(b), str(c), "-p", "2020-01-05", "-f", "timeml", "--output-dir", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["a.tml", "b.tml", "c.tml"]  # nothing half-written left
    from timeline.timeml import read_timeml

    doc = read_timeml(out / "b.tml")
    assert doc.text == VOTE
    assert {t.text: t.value for t in doc.timexes}["tomorrow"] == "2020-01-06"


@pytest.mark.parametrize(("fmt", "suffix"), [("json", ".json"), ("table", ".txt")])
def test_output_dir_json_and_table(tmp_path: Path, fmt: str, suffix: str) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", RESIGNED)
    write(folder / "b.txt", VOTE)
    out = tmp_path / "out" / "nested"
    result = run(str(folder), "-p", "2020-01-05", "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [f"a{suffix}", f"b{suffix}"]
    body = (out / f"b{suffix}").read_text(encoding="utf-8")
    if fmt == "json":
        assert values(json.loads(body))["tomorrow"] == "2020-01-06"
    else:
        assert "2020-01-06" in body and "offset" in body


def test_output_dir_keeps_going_after_a_failure(tmp_path: Path) -> None:
    bad = write(tmp_path / "in" / "a.txt", b"\xff\xfe\x00bad")
    good = write(tmp_path / "in" / "b.txt", RESIGNED)
    out = tmp_path / "out"
    result = run(str(bad), str(good), "-p", "2020-01-05", "-f", "timeml", "-o", str(out))
    assert result.exit_code == 1
    assert "a.txt" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["b.tml"]


def test_output_dir_never_overwrites_an_input(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", RESIGNED)
    result = run(str(story), "-p", "2020-01-05", "-f", "table", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert "overwrite" in result.stderr
    assert story.read_text(encoding="utf-8") == RESIGNED


def test_output_dir_refuses_two_inputs_with_the_same_name(tmp_path: Path) -> None:
    first = write(tmp_path / "x" / "story.txt", RESIGNED)
    second = write(tmp_path / "y" / "story.txt", VOTE)
    out = tmp_path / "out"
    result = run(str(first), str(second), "-p", "2020-01-05", "-f", "json", "-o", str(out))
    assert result.exit_code == 1
    assert str(second) in result.stderr
    assert json.loads((out / "story.json").read_text(encoding="utf-8"))["source"] == str(first)


def test_output_dir_jsonl_to_timeml_writes_one_file_per_record(tmp_path: Path) -> None:
    records = write(
        tmp_path / "wires.jsonl",
        json.dumps({"id": "w/1", "text": "Talks ended yesterday.", "published": "2020-01-05"})
        + "\n"
        + json.dumps({"id": "w2", "text": "They meet tomorrow.", "published": "2020-01-05"})
        + "\n",
    )
    out = tmp_path / "out"
    result = run(str(records), "-f", "timeml", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["w2.tml", "w_1.tml"]


def test_write_atomically_leaves_the_old_file_when_it_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write(tmp_path / "out.json", "old\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_cli_io.os, "replace", broken_replace)
    with pytest.raises(OSError):
        _cli_io.write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


# --------------------------------------------------------------------------- --published


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2020-01-05", "2020-01-05"),
        ("20200105", "2020-01-05"),
        ("Jan 5, 2020", "2020-01-05"),
        ("5 January 2020", "2020-01-05"),
        ("Sunday, January 5, 2020", "2020-01-05"),
        ("5 Jan 2020 09:00", "2020-01-05T09:00:00"),
        ("2020-01-05T09:00+03:00", "2020-01-05T09:00:00+03:00"),
        ("2020-01-05 09:00 +03:00", "2020-01-05T09:00:00+03:00"),
    ],
)
def test_published_accepts_what_people_type(tmp_path: Path, typed: str, expected: str) -> None:
    story = write(tmp_path / "story.txt", RESIGNED)
    result = run(str(story), "--published", typed, "-f", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["published"] == expected
    assert values(doc)["yesterday"] == "2020-01-04"


@pytest.mark.parametrize(
    "typed", ["not a date", "yesterday", "tomorrow", "Sunday", "January 2020", "5 January", "2020", "   "]
)
def test_unparsable_published_is_a_usage_error(tmp_path: Path, typed: str) -> None:
    # Relative or incomplete dates would be completed from today's date: refused.
    story = write(tmp_path / "story.txt", RESIGNED)
    result = run(str(story), "--published", typed)
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert result.stdout == ""


def test_parse_published_returns_a_date_unless_a_time_is_given() -> None:
    assert _cli_io.parse_published("Jan 5, 2020") == dt.date(2020, 1, 5)
    assert _cli_io.parse_published("5 Jan 2020 9am") == dt.datetime(2020, 1, 5, 9, 0)
    assert _cli_io.parse_published("5 Jan 2020 00:00") == dt.datetime(2020, 1, 5, 0, 0)
    aware = _cli_io.parse_published("5 Jan 2020 09:00 UTC")
    assert isinstance(aware, dt.datetime) and aware.utcoffset() == dt.timedelta(0)


# --------------------------------------------------------------------------- the program


def test_iso_published_and_import_do_not_load_dateparser_or_click() -> None:
    code = (
        "import sys, timeline\n"
        "assert 'timeline.cli' not in sys.modules and 'click' not in sys.modules, 'import timeline loads the CLI'\n"
        "assert 'dateparser' not in sys.modules, 'import timeline loads dateparser'\n"
        "import timeline.cli\n"
        "from timeline._cli_io import parse_published\n"
        "parse_published('2020-01-05T09:00')\n"
        "assert 'dateparser' not in sys.modules, 'an ISO --published loads dateparser'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=subprocess_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_python_dash_m(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", RESIGNED)
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(story), "-p", "2020-01-05", "-f", "json"],
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert values(json.loads(done.stdout))["yesterday"] == "2020-01-04"


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", RESIGNED)
    b = write(tmp_path / "b.txt", VOTE)
    result = run(str(a), str(b), "-p", "2020-01-05")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_example_script_runs(tmp_path: Path) -> None:
    script = REPO_ROOT / "examples" / "extract_dispatch.py"
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,  # the script finds its text relative to itself
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "published 2020-01-05" in done.stdout
    assert "2020-01-04" in done.stdout  # "Late Saturday" / "Saturday's attacks"
    assert "2014" in done.stdout


def test_example_dispatch_through_the_cli() -> None:
    dispatch = REPO_ROOT / "examples" / "baghdad_dispatch.txt"
    result = run(str(dispatch), "--published", "2020-01-05", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    text = dispatch.read_text(encoding="utf-8")
    for m in doc["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    found = values(doc)
    assert found.get("2014") == "2014"


def test_deadlines_command_does_not_say_none_were_found_when_an_input_failed(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("KYIV: The regulator ordered suppliers to restore power no later than 6 p.m. on Saturday.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["deadlines", str(story), "-p", "2022-12-07", "--now", "2022-12-09T20:00"])
    assert result.exit_code == 1
    assert "no deadlines found" not in result.stdout
    assert "has no zone" in result.stderr and "1 of 1 inputs failed" in result.stderr
    assert "-z ZONE" in result.stderr  # how to give one


def test_deadlines_command_lists_the_deadlines_of_all_inputs_soonest_first(tmp_path: Path) -> None:
    late = tmp_path / "late.txt"
    late.write_text("The council must approve the budget by March 31.\n", encoding="utf-8")
    soon = tmp_path / "soon.txt"
    soon.write_text("Tenants must leave the building by Friday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["deadlines", str(late), str(soon), "-p", "2021-03-03"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    # a day deadline is due at the end of that day, never the next midnight
    assert [line.split()[0] for line in lines if not line.startswith("note:")] == [
        "2021-03-05T23:59:00", "2021-03-31T23:59:00"]


@pytest.mark.parametrize("now", ["2015-12-02T10:00", "2015-12-02T10:00-05:00", "2015-12-02T15:00Z", "2015-12-02"])
def test_deadlines_command_takes_a_naive_or_an_aware_now_with_a_zone(tmp_path: Path, now: str) -> None:
    """With -z, a --now without an offset is read on that zone's clock; with one, as given."""
    story = tmp_path / "notice.txt"
    story.write_text("Registration closes on Dec. 5. Bids are due Dec. 15 at 2 p.m. EST.\n", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["deadlines", str(story), "-p", "2015-12-01", "-z", "America/New_York",
                                           "--now", now])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "upcoming:"
    assert lines[1].split()[0] == "2015-12-05T23:59:00-05:00" and "Sat 5 Dec 2015, end of day" in lines[1]
    assert "due in 3 days" in lines[1] or "due in 4 days" in lines[1]
    assert lines[2].split()[0] == "2015-12-15T14:00:00-05:00" and "due in 2 weeks" in lines[2]  # 13 days, as pendulum rounds them


def test_deadlines_command_says_when_the_zone_is_unknown(tmp_path: Path) -> None:
    story = tmp_path / "notice.txt"
    story.write_text("Registration closes on Dec. 5.\n", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["deadlines", str(story), "-p", "2015-12-01"])
    assert result.exit_code == 0, result.output
    assert "(zone unknown)" in result.stdout and "-z ZONE" in result.stderr
