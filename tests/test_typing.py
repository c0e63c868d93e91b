"""The package type-checks in strict mode (it ships py.typed, so its users' checkers read these types)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_mypy_strict() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (it comes with the test extras)")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "timeline"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_py_typed_is_shipped() -> None:
    assert (REPO / "timeline" / "py.typed").is_file()
    assert 'timeline = ["py.typed"]' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
