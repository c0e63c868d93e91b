#!/usr/bin/env python3
"""Speed of timeline.extract: throughput, import time, linearity, adversarial inputs.

    python benchmarks/speed.py [--gold DIR] [--quick] [--build] [--timeout SECONDS] [--json FILE]

* import: ``python -c "import timeline"`` minus ``python -c pass``, each the best
  of 5 fresh processes;
* throughput: the TimeBank texts concatenated (and repeated) to 1 MB, one
  ``extract`` call, best of 3;
* linearity: 1, 2, 5 and 10 MB built the same way (best of 2); seconds per MB
  relative to the 1 MB input (1.0 = linear);
* adversarial: 1 MB of inputs meant to make regular expressions backtrack
  ("1 1 1", "January January", "12:12:", digits, "- - -", one letter, ...).

MB = 10^6 bytes of UTF-8. Each measurement runs in a fresh child process (with
a warm-up call first, not counted) so that one pathological input can be
stopped by ``--timeout`` without losing the rest of the table. ``--quick``
shrinks every input twenty-fold and repeats less, for a smoke run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "timebank"
SEED = REPO.parent / "shared" / "data" / "seed"
PUBLISHED = "1998-03-04"
MB = 1_000_000


# ------------------------------------------------------------------ child process


def child(published: str, repeat: int, what: str = "extract") -> None:
    """Read a text on stdin, time ``extract`` (or ``build``: parse and events included) on it,
    print JSON on stdout: seconds, and the mentions (or the events) found."""
    sys.path.insert(0, str(REPO))
    import timeline

    text = sys.stdin.buffer.read().decode("utf-8")
    run = timeline.extract if what == "extract" else timeline.build
    run("Talks resume on Monday, two weeks after the 5 May vote.", published=published)  # warm-up, model load
    best = float("inf")
    n = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = run(text, published=published)
        best = min(best, time.perf_counter() - t0)
        n = len(found)
    print(json.dumps({"seconds": best, "mentions": n}))


def measure(text: str, *, repeat: int, timeout: float, what: str = "extract") -> dict[str, float | int | str]:
    """Run the child on ``text``; returns seconds, mentions and MB/s, or an error."""
    data = text.encode("utf-8")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", PUBLISHED, str(repeat), what]
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout (>{timeout:g} s)", "mb": len(data) / MB}
    if proc.returncode != 0:
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        return {"error": f"failed: {last[0][:70]}", "mb": len(data) / MB}
    result = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    seconds = result["seconds"]
    return {
        "mb": len(data) / MB,
        "seconds": seconds,
        "mb_per_s": (len(data) / MB) / seconds if seconds else float("inf"),
        "mentions": result["mentions"],
    }


# ------------------------------------------------------------------ inputs


def corpus_texts(gold: Path) -> list[str]:
    sys.path.insert(0, str(REPO))
    from timeline.timeml import read_timeml

    paths = sorted(p for p in gold.rglob("*.tml") if not p.name.startswith("._")) if gold.is_dir() else []
    if paths:
        return [read_timeml(p).text for p in paths]
    seeds = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if seeds:
        print(f"note: no .tml under {gold}; using the seed article(s) in {SEED}", file=sys.stderr)
        return [p.read_text(encoding="utf-8") for p in seeds]
    sys.exit(f"error: no .tml files under {gold} and no seed text in {SEED}")


def _cut(text: str, size: int) -> str:
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def from_corpus(texts: Sequence[str], size: int) -> str:
    """The corpus texts, separated by blank lines, repeated to ``size`` bytes."""
    parts: list[str] = []
    n = 0
    while n < size:
        for t in texts:
            parts.append(t)
            n += len(t.encode("utf-8")) + 2
            if n >= size:
                break
    return _cut("\n\n".join(parts), size)


def repeat_unit(unit: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        return _cut(unit * (size // len(unit.encode("utf-8")) + 1), size)

    return build


def punctuation_soup(size: int) -> str:
    rng = random.Random(1998)
    return "".join(rng.choices(".,;:!?-/()[]'\"&*#%+=_~ ", k=size))


ADVERSARIAL: list[tuple[str, Callable[[int], str]]] = [
    ('"1 " repeated', repeat_unit("1 ")),
    ('"January " repeated', repeat_unit("January ")),
    ('"12:" repeated', repeat_unit("12:")),
    ("digits, no spaces", repeat_unit("1234567890")),
    ('"1998-" repeated', repeat_unit("1998-")),
    ('"12/" repeated', repeat_unit("12/")),
    ('"- - - -"', repeat_unit("- ")),
    ("one letter (a)", repeat_unit("a")),
    ('"the the the"', repeat_unit("the ")),
    ('"twenty " repeated', repeat_unit("twenty ")),
    ('"next " repeated', repeat_unit("next ")),
    ("punctuation soup", punctuation_soup),
    ("blank lines", repeat_unit(" \n")),
    ("dense real dates", repeat_unit("on Monday, January 5, 1998, at 3:30 p.m. and ")),
]


# ------------------------------------------------------------------ reporting


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or "?"
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()} ({platform.system()})"


def import_time(runs: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}

    def best(code: str) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=REPO)
            times.append(time.perf_counter() - t0)
        return min(times)

    bare = best("pass")
    with_import = best("import timeline")
    return {"python_s": bare, "with_import_s": with_import, "import_s": with_import - bare}


def _row(name: str, r: dict[str, float | int | str], extra: str = "") -> str:
    if "error" in r:
        return f"  {name:<26} {r['mb']:>7.2f}  {r['error']}"
    return (f"  {name:<26} {r['mb']:>7.2f} {r['seconds']:>9.3f} {r['mb_per_s']:>8.3f} "
            f"{r['mentions']:>9}  {extra}")


HEADER = f"  {'input':<26} {'MB':>7} {'seconds':>9} {'MB/s':>8} {'mentions':>9}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="TimeML corpus for the texts (default: %(default)s)")
    ap.add_argument("--quick", action="store_true", help="inputs 20x smaller, fewer repeats: a smoke run")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per measurement (default 120)")
    ap.add_argument("--json", help="write the figures as JSON here")
    ap.add_argument("--build", action="store_true",
                    help="time timeline.build (spaCy parse, events, timeline) instead of extract; "
                    "the inputs are 10x smaller (100 KB, with --quick 5 KB): the parse runs at about 50 KB/s")
    ap.add_argument("--child", nargs=3, metavar=("PUBLISHED", "REPEAT", "WHAT"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        child(a.child[0], int(a.child[1]), a.child[2])
        return 0
    what = "build" if a.build else "extract"

    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)  # rows appear as they are measured
    scale = (0.05 if a.quick else 1.0) * (0.1 if a.build else 1.0)
    repeats = 1 if a.quick else 3
    unit = int(MB * scale)
    texts = corpus_texts(Path(a.gold))
    report: dict[str, object] = {"machine": machine(), "quick": a.quick}
    print(f"machine: {report['machine']}")
    print(f"corpus: {len(texts)} texts from {a.gold}, {sum(len(t.encode()) for t in texts) / 1000:.1f} KB"
          + ("   (--quick: inputs 20x smaller)" if a.quick else ""))
    print()

    imp = import_time(3 if a.quick else 5)
    report["import"] = imp
    print(f"import timeline: {imp['import_s'] * 1000:.0f} ms  (python -c 'import timeline' "
          f"{imp['with_import_s'] * 1000:.0f} ms - python -c pass {imp['python_s'] * 1000:.0f} ms, "
          f"best of {3 if a.quick else 5})")
    print()

    print("throughput (corpus texts, best of %d)" % repeats)
    print(HEADER)
    print(f"timing timeline.{what}")
    thr = measure(from_corpus(texts, unit), repeat=repeats, timeout=a.timeout, what=what)
    report["throughput"] = thr
    print(_row("corpus", thr))
    print()

    print("linearity (corpus texts, best of %d; s/MB relative to the smallest input, 1.00 = linear)"
          % (1 if a.quick else 2))
    print(HEADER + f" {'s/MB ratio':>10}")
    lin = []
    base = None
    for mult in (1, 2, 5, 10):
        r = measure(from_corpus(texts, unit * mult), repeat=1 if a.quick else 2, timeout=a.timeout, what=what)
        extra = ""
        if "error" not in r:
            per_mb = float(r["seconds"]) / float(r["mb"])
            base = base or per_mb
            r["ratio"] = per_mb / base
            extra = f"{r['ratio']:>6.2f}" + ("  <- not linear?" if r["ratio"] > 1.5 else "")
        lin.append(r)
        print(_row(f"corpus x{mult}", r, extra))
    report["linearity"] = lin
    print()

    print("adversarial inputs (one call each)")
    print(HEADER)
    ref = float(thr["mb_per_s"]) if "error" not in thr else None
    adv = {}
    for name, build in ADVERSARIAL:
        r = measure(build(unit), repeat=1, timeout=a.timeout, what=what)
        extra = ""
        if "error" not in r and ref and float(r["mb_per_s"]) < ref / 10:
            extra = "<- over 10x slower than prose"
        adv[name] = r
        print(_row(name, r, extra))
    report["adversarial"] = adv

    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=1), encoding="utf-8")
    failed = [r for r in [thr, *lin, *adv.values()] if "error" in r]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
