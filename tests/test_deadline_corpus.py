"""The deadline corpus (tests/deadlines/corpus.tsv), one test per sentence: the deadline found,
its due instant to the minute with its zone, what is due and its status at publication; or no
deadline at all; the same for the held-out set (tests/deadlines/heldout.tsv). Misses are strict
xfails in tests/known_failures.txt, with their reason."""

from __future__ import annotations

import pytest

from tests.deadlines.score import CORPUS, Row, rows, run

ROWS = rows()
HELDOUT = rows(CORPUS.with_name("heldout.tsv"))


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_corpus_sentence(row: Row) -> None:
    _check(row)


@pytest.mark.parametrize("row", HELDOUT, ids=[r.id for r in HELDOUT])
def test_heldout_sentence(row: Row) -> None:
    """The held-out rows, written after the grammar: scored in docs/benchmarks.md before any change."""
    _check(row)


def _check(row: Row) -> None:
    outcome = run(row)
    if row.due is None:
        assert outcome.found == 0, outcome.got
        return
    assert outcome.found == 1, outcome.got
    assert outcome.exact, (row.due.isoformat(), outcome.got)
    assert outcome.what, (row.what, outcome.got)
    assert outcome.status, (row.status, outcome.got)


def test_the_corpus_is_large_and_covers_every_form() -> None:
    forms = {r.form for r in ROWS}
    assert len(ROWS) >= 200
    assert sum(r.due is None for r in ROWS) >= 40
    for form in ("due", "no-later-than", "deadline-of", "deadline-for", "expires", "lapses", "runs-out", "closes",
                 "cutoff", "ultimatum", "within-event", "must-by", "have-until", "has-n-days", "n-day-deadline", "set-deadline",
                 "effective", "polls-close", "last-day", "rsvp", "apply-by", "submissions-until", "set-to-expire",
                 "reported", "extended", "pushed-back", "moved-up", "postponed", "called-off", "averted", "met",
                 "neg-background", "neg-after", "neg-span", "neg-state", "neg-failed-bill", "neg-schedule"):
        assert form in forms, form
