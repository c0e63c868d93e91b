"""The article this project started from, read from ../shared (skipped where it is absent).

The article is not ours to copy, so these tests read it and check what the
issue names: each time expression and its value, and the numbers that are not
times.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline

SEED = "data/seed/000_773ab18c91812e5b.txt"


@pytest.fixture(scope="module")
def seed_mentions(shared_dir: Path) -> list[timeline.Mention]:
    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return timeline.extract(path.read_text(encoding="utf-8"), published="2020-01-05")


def test_seed_expressions_and_values(seed_mentions: list[timeline.Mention]) -> None:
    got = [(m.text, m.type, m.value, m.mod) for m in seed_mentions]
    assert got == [
        ("Sunday", "DATE", "2020-01-05", None),
        ("Late Saturday", "DATE", "2020-01-04", "END"),
        ("Saturday", "DATE", "2020-01-04", None),
        ("Sunday at 5:00 pm", "TIME", "2020-01-05T17:00", None),
        ("Sunday", "DATE", "2020-01-05", None),
        ("2014", "DATE", "2014", None),
        ("months", "DURATION", "PXM", None),
        ("1:00 pm local time", "TIME", "2020-01-05T13:00", None),
    ]


def test_seed_numbers_are_not_times(seed_mentions: list[timeline.Mention]) -> None:
    texts = " ".join(m.text for m in seed_mentions)
    for number in ("5,200", "329", "1,000", "52"):
        assert number not in texts
