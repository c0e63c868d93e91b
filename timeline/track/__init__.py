"""The deadline tracker: deadlines kept across runs in one SQLite file (docs/tracker.md).

    from timeline.track import Tracker
    with Tracker("deadlines.sqlite3") as tracker:
        tracker.add_text("The ministry told households to register by Friday.", published="2020-01-06")
        for item in tracker.items("upcoming", now="2020-01-07"):
            print(item.id, item.due_text(), item.what)

``import timeline`` does not import this package, and importing it loads nothing (not even
sqlite3) until one of its names is used.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "Report": "adapter", "reports_of": "adapter",
    "normalise": "match", "obligation_key": "match",
    "default_path": "paths",
    "MIGRATIONS": "store", "SCHEMA_VERSION": "store", "Added": "store", "Detail": "store", "Item": "store",
    "Source": "store", "Step": "store", "Tracker": "store", "TrackerError": "store", "UnknownItemError": "store",
    "content_hash": "store",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline.track' has no attribute {name!r}")
    return getattr(importlib.import_module(f"timeline.track.{module}"), name)
