"""benchmarks/tempeval.py scores exactly as the shared TempEval-3 scorer does.

Needs ../shared/data/timebank and ../shared/tools/score.py (relative to the
repository root); skipped when either is absent.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "data" / "timebank"
SCORER = REPO.parent / "shared" / "tools" / "score.py"
N_DOCS = 15

pytestmark = pytest.mark.skipif(
    not (GOLD.is_dir() and SCORER.is_file()),
    reason=f"needs the TimeBank corpus in {GOLD} and the shared scorer {SCORER}",
)


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shared_score() -> ModuleType:
    return _load("_shared_te3_score", SCORER)


@pytest.fixture(scope="module")
def ours() -> ModuleType:
    return _load("_timeline_bench_tempeval", REPO / "benchmarks" / "tempeval.py")


@pytest.fixture(scope="module")
def gold_paths() -> list[Path]:
    paths = sorted(GOLD.glob("*.tml"))
    # every 12th document: a spread of sources (ABC, AP, APW, CNN, NYT, PRI, VOA, wsj)
    return paths[:: max(1, len(paths) // N_DOCS)][:N_DOCS]


def _assert_same(ours_micro: dict[str, float], theirs: dict[str, float]) -> None:
    for key, value in theirs.items():
        assert ours_micro[key] == pytest.approx(value, abs=1e-9, rel=0), key


def test_tagger_output_scores_the_same(tmp_path: Path, shared_score: ModuleType, ours: ModuleType,
                                       gold_paths: list[Path]) -> None:
    import timeline
    from timeline.timeml import read_timeml, write_timeml

    out = tmp_path / "system"
    pairs = {}
    for path in gold_paths:
        doc = read_timeml(path)
        mentions = timeline.extract(doc.text, published=doc.published)
        write_timeml(out / path.name, doc.text, mentions, doc_id=doc.doc_id, published=doc.published)
        pairs[doc.doc_id] = (doc.timexes, mentions)
    assert sum(len(m) for _, m in pairs.values()) > 0, "the tagger found nothing at all"

    report = tmp_path / "score.json"
    shared_score.main(["--gold", *map(str, gold_paths), "--system", str(out), "--json", str(report)])
    theirs = json.loads(report.read_text())
    assert theirs["missing"] == []

    per_doc, micro, _, _ = ours.score_corpus(pairs)
    _assert_same(micro, theirs["micro"])
    for doc_id, m in theirs["per_doc"].items():
        _assert_same(per_doc[doc_id], m)


def _perturb(rng: random.Random, text: str, timexes: list) -> list[tuple[int, int, str, str]]:
    """A plausible, imperfect system output made from the gold annotation."""
    out = []
    for t in timexes:
        roll = rng.random()
        if roll < 0.15:
            continue  # missed
        start, end = t.start, t.end
        if roll < 0.35:  # grow or shrink the span
            start = max(0, start + rng.choice([-8, -4, -1, 0, 2]))
            end = min(len(text), end + rng.choice([-3, 0, 1, 6]))
        value = t.value if rng.random() < 0.8 else "XXXX"
        type_ = t.type if rng.random() < 0.9 else rng.choice(["DATE", "TIME", "DURATION", "SET"])
        if end > start:
            out.append((start, end, type_, value))
        if rng.random() < 0.1:  # a second, overlapping guess
            out.append((max(0, t.start - 2), t.start + 1, "DATE", t.value))
    for _ in range(rng.randint(0, 3)):  # spurious ones
        a = rng.randrange(0, max(1, len(text) - 10))
        out.append((a, a + rng.randint(1, 10), "DATE", "2000"))
    # in (start, end) order, as score.py's CLI reads them from a file
    return sorted(out, key=lambda s: (s[0], s[1]))


def test_scoring_function_agrees_on_perturbed_gold(shared_score: ModuleType, ours: ModuleType,
                                                   gold_paths: list[Path]) -> None:
    """No tagger needed: the two scorers agree on many noisy, overlapping system outputs."""
    from timeline.timeml import read_timeml

    tml = sys.modules["tml"]  # imported by score.py from its own folder
    rng = random.Random(20130614)
    all_paths = sorted(GOLD.glob("*.tml"))
    docs = [(read_timeml(p), tml.parse_tml(str(p))) for p in rng.sample(all_paths, 40)]
    for _ in range(10):
        predictions = {d.doc_id: _perturb(rng, d.text, list(d.timexes)) for d, _ in docs}
        _, theirs, _ = shared_score.score_corpus([g for _, g in docs], predictions)
        _, micro, _, _ = ours.score_corpus({d.doc_id: (d.timexes, predictions[d.doc_id]) for d, _ in docs})
        _assert_same(micro, theirs)


def _sentences(text: str) -> list[tuple[int, int]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from sentences import sentences

    return sentences(text)


def test_sentences() -> None:
    text = 'Mr. Smith left at 5 p.m. Friday. "We go," he said.\nRead Also: more news'
    assert [text[a:b] for a, b in _sentences(text)] == [
        "Mr. Smith left at 5 p.m. Friday.",
        '"We go," he said.',
        "Read Also: more news",
    ]


def test_sentences_keep_abbreviations_and_newlines_after_them() -> None:
    text = "Gen. Smith spoke Jan. 5 in the U.S. Capitol.\nThe vote passed!  It was 5. Then Mr.\nJones left."
    assert [text[a:b] for a, b in _sentences(text)] == [
        "Gen. Smith spoke Jan. 5 in the U.S. Capitol.",
        "The vote passed!",
        "It was 5.",
        "Then Mr.\nJones left.",
    ]
