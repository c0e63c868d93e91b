"""tests/known_failures.txt names only tests that exist, once each, each with a reason."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_known_failure_names_a_test_of_the_suite() -> None:
    seen: set[str] = set()
    functions: dict[str, set[str]] = {}
    for line in (TESTS / "known_failures.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        nid, tab, reason = line.partition("\t")
        assert tab and reason.strip(), f"no reason given: {line!r}"
        assert nid not in seen, f"listed twice: {nid}"
        seen.add(nid)
        path, _, name = nid.partition("::")
        if path not in functions:
            tree = ast.parse((TESTS.parent / path).read_text(encoding="utf-8"))
            functions[path] = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert name.split("[")[0] in functions[path], f"no such test: {nid}"
